//! The authors' diagnostics are words of the message catalogue (`core/messages/<lang>/check.ftl`):
//! every message the sources name (`msg!`, and the expression language's `phrase!`) exists in
//! English and Japanese with the variables the sources give it, every diagnostic code (the
//! expression language's included) has its messages, the compiled tables format as Fluent does,
//! and a checked file reads in Japanese (ja-easy says it as ja).
//!
//! No diagnostic says text written in the code: a `Message` is made only from the catalogue
//! (there is no `From<String>`), so English cannot slip past these tests. The command line's
//! own words (`summary`, `navigate`: ids `cli-…`) are messages of the same catalogue.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use tetsuzuki::check::check_sources;
use tetsuzuki::definitions::SourceFile;
use tetsuzuki::diagnostic::{compiled_pattern, message_ids};
use tetsuzuki::model::Lang;

fn core() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

/// The sources that build diagnostics: the authoring modules, the expression language (whose
/// errors are phrases of the same catalogue; its end-to-end tests aside), and the scenarios of
/// `tetsuzuki test` (ids `scenario-…`).
fn authoring_sources() -> Vec<(PathBuf, String)> {
    let src = core().join("src");
    let mut files =
        vec![src.join("diagnostic.rs"), src.join("definitions.rs"), src.join("schema.rs"), src.join("compile.rs")];
    for dir in ["check", "source", "expr", "scenario"] {
        for entry in std::fs::read_dir(src.join(dir)).unwrap() {
            files.push(entry.unwrap().path());
        }
    }
    files.retain(|f| f.extension().is_some_and(|e| e == "rs") && !f.ends_with("expr/tests.rs"));
    files.sort();
    files.into_iter().map(|f| (f.clone(), std::fs::read_to_string(&f).unwrap())).collect()
}

/// The codes of the expression language's errors (`pub const …: &str = "expr-…";` of
/// `expr/error.rs`).
fn expr_codes() -> BTreeSet<String> {
    let text = std::fs::read_to_string(core().join("src/expr/error.rs")).unwrap();
    let codes: BTreeSet<String> = text
        .lines()
        .filter_map(|l| l.trim().strip_prefix("pub const ")?.split_once(": &str = \"")?.1.strip_suffix("\";"))
        .map(str::to_string)
        .collect();
    assert!(codes.len() >= 9 && codes.iter().all(|c| c.starts_with("expr-")), "{codes:?}");
    codes
}

/// The variables a compiled pattern uses (`\x01name\x02`) or selects on (`\x03name\x02`).
fn variables(pattern: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for (i, c) in pattern.char_indices() {
        if c == '\u{1}' || c == '\u{3}' {
            let rest = &pattern[i + 1..];
            out.insert(rest[..rest.find('\u{2}').unwrap()].to_string());
        }
    }
    out
}

/// Every `msg!("id", name = …, …)` and `phrase!("id", …)` of a source: the id and the names
/// given.
fn uses(text: &str) -> Vec<(String, BTreeSet<String>)> {
    let mut out = Vec::new();
    let calls = text.match_indices("msg!(").chain(text.match_indices("phrase!("));
    for (at, call) in calls {
        let body = &text[at + call.len() - 1..];
        if !body[1..].trim_start().starts_with('"') {
            continue; // the macro's definition
        }
        // Up to the parenthesis that closes the macro's.
        let (mut depth, mut end, mut in_str, mut escaped) = (0i32, body.len(), false, false);
        for (i, c) in body.char_indices() {
            match c {
                _ if escaped => escaped = false,
                '\\' if in_str => escaped = true,
                '"' => in_str = !in_str,
                '(' | '[' | '{' if !in_str => depth += 1,
                ')' | ']' | '}' if !in_str => {
                    depth -= 1;
                    if depth == 0 {
                        end = i;
                        break;
                    }
                }
                _ => {}
            }
        }
        let inner = body[1..end].trim_start();
        let id = inner[1..].split('"').next().unwrap().to_string();
        // Top-level `name =` after each comma.
        let mut names = BTreeSet::new();
        let (mut depth, mut in_str, mut escaped, mut start) = (0i32, false, false, None);
        for (i, c) in inner.char_indices() {
            match c {
                _ if escaped => escaped = false,
                '\\' if in_str => escaped = true,
                '"' => in_str = !in_str,
                '(' | '[' | '{' | '<' if !in_str => depth += 1,
                ')' | ']' | '}' | '>' if !in_str => depth -= 1,
                ',' if !in_str && depth == 0 => start = Some(i + 1),
                '=' if !in_str && depth == 0 => {
                    if let Some(s) = start.take() {
                        let name = inner[s..i].trim();
                        if !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
                            names.insert(name.to_string());
                        }
                    }
                }
                _ => {}
            }
        }
        out.push((id, names));
    }
    out
}

#[test]
fn every_english_message_is_in_japanese_with_the_same_variables() {
    let en = message_ids(Lang::En);
    assert!(en.len() > 50, "only {} English messages", en.len());
    assert_eq!(en, message_ids(Lang::Ja), "the English and Japanese files have different ids");
    for id in &en {
        let (e, j) = (compiled_pattern(Lang::En, id).unwrap(), compiled_pattern(Lang::Ja, id).unwrap());
        assert_eq!(variables(e), variables(j), "`{id}`: the variables differ between en and ja");
    }
}

#[test]
fn every_message_the_sources_name_is_in_the_catalogue_with_its_variables() {
    let en: BTreeSet<&str> = message_ids(Lang::En).into_iter().collect();
    let mut used = BTreeSet::new();
    let mut problems = Vec::new();
    // The command line's own words (`cli-…`) are the catalogue's too.
    let cli = core().join("../cli/src/main.rs");
    let cli = (cli.clone(), std::fs::read_to_string(&cli).unwrap());
    for (file, text) in authoring_sources().into_iter().chain([cli]) {
        for (id, names) in uses(&text) {
            match compiled_pattern(Lang::En, &id) {
                None => problems.push(format!("{}: `{id}` is not in messages/en/check.ftl", file.display())),
                Some(p) if variables(p) != names => problems.push(format!(
                    "{}: `{id}` is given {names:?} but its message uses {:?}",
                    file.display(),
                    variables(p)
                )),
                Some(_) => {}
            }
            used.insert(id);
        }
    }
    for id in &en {
        if !used.contains(*id) {
            problems.push(format!("`{id}` is in messages/en/check.ftl but no source says it"));
        }
    }
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

/// The top-level arguments of the call whose argument list opens at `text[0]` (`(`).
fn arguments(text: &str) -> Vec<&str> {
    let (mut depth, mut in_str, mut escaped, mut start, mut out) = (0i32, false, false, 1, Vec::new());
    for (i, c) in text.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' if in_str => escaped = true,
            '"' => in_str = !in_str,
            '(' | '[' | '{' if !in_str => depth += 1,
            ')' | ']' | '}' if !in_str => {
                depth -= 1;
                if depth == 0 {
                    out.push(text[start..i].trim());
                    break;
                }
            }
            ',' if !in_str && depth == 1 => {
                out.push(text[start..i].trim());
                start = i + 1;
            }
            _ => {}
        }
    }
    out
}

/// Every code a source gives a diagnostic has messages: one whose id is the code, starts with
/// it (`missing-key-label`), or is the family it belongs to (`dangling` for `dangling-concept`).
/// A scenario's problems (`Problem::at_value(path, "code", …)`, `Problem::at_key(path, n,
/// "code", …)`, always a literal code) have theirs as `scenario-` and the code.
#[test]
fn every_diagnostic_code_has_its_messages() {
    let ids = message_ids(Lang::En);
    let has_messages = |code: &String| {
        ids.iter().any(|id| {
            *id == code.as_str() || id.starts_with(&format!("{code}-")) || code.starts_with(&format!("{id}-"))
        })
    };
    let mut codes = BTreeSet::new();
    let mut scenario_codes = BTreeSet::new();
    let mut problems = Vec::new();
    for (file, text) in authoring_sources() {
        let mut file_codes = BTreeSet::new();
        for call in ["Diagnostic::error(", "Diagnostic::warning(", "self.dangling(", "code: \""] {
            for (at, _) in text.match_indices(call) {
                let rest = text[at + call.len()..].trim_start().trim_start_matches('"');
                let code: String = rest.chars().take_while(|c| c.is_ascii_lowercase() || *c == '-').collect();
                if !code.is_empty() && rest.len() > code.len() && rest[code.len()..].starts_with('"') {
                    file_codes.insert(code);
                }
            }
        }
        if file.parent().is_some_and(|d| d.ends_with("scenario")) {
            for (call, index) in [("Problem::at_value(", 1), ("Problem::at_key(", 2)] {
                for (at, _) in text.match_indices(call) {
                    let args = arguments(&text[at + call.len() - 1..]);
                    match args.get(index).and_then(|a| a.strip_prefix('"')?.strip_suffix('"')) {
                        Some(code) => {
                            file_codes.insert(code.to_string());
                        }
                        None => problems.push(format!("{}: `{call}…` gives no literal code: {args:?}", file.display())),
                    }
                }
            }
            scenario_codes.extend(file_codes);
        } else {
            codes.extend(file_codes);
        }
    }
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
    assert!(codes.len() > 20, "found only {} codes: {codes:?}", codes.len());
    assert!(scenario_codes.len() > 15, "found only {} scenario codes: {scenario_codes:?}", scenario_codes.len());
    codes.extend(expr_codes());
    let mut missing: Vec<String> = codes.iter().filter(|code| !has_messages(code)).cloned().collect();
    missing.extend(scenario_codes.iter().map(|c| format!("scenario-{c}")).filter(|code| !has_messages(code)));
    assert!(missing.is_empty(), "codes without a message in messages/en/check.ftl: {missing:?}");
}

fn reference(lang: &str) -> FluentBundle<FluentResource> {
    let text = std::fs::read_to_string(core().join(format!("messages/{lang}/check.ftl"))).unwrap();
    let mut bundle = FluentBundle::new(vec![lang.parse::<unic_langid::LanguageIdentifier>().unwrap()]);
    bundle.set_use_isolating(false);
    bundle.add_resource(FluentResource::try_new(text).expect("parses")).expect("no clashes");
    bundle
}

/// The compiled tables say every message as `fluent-bundle` does, with every variable set to
/// numbers that reach each plural category and to the words selections choose between.
#[test]
fn the_compiled_messages_format_as_fluent_does() {
    for (lang, tag) in [(Lang::En, "en"), (Lang::Ja, "ja")] {
        let bundle = reference(tag);
        for id in message_ids(lang) {
            let names = variables(compiled_pattern(lang, id).unwrap());
            for value in ["0", "1", "2", "error", "warning", "family", "given", "none", "`x`"] {
                let args: Vec<(&'static str, tetsuzuki::diagnostic::Arg)> = names
                    .iter()
                    .map(|n| {
                        let n: &'static str = Box::leak(n.clone().into_boxed_str());
                        (n, tetsuzuki::diagnostic::Arg::Text(value.to_string()))
                    })
                    .collect();
                let ours = tetsuzuki::diagnostic::Message::new(id, args).say(lang);
                let mut fluent_args = FluentArgs::new();
                for n in &names {
                    match value.parse::<i64>() {
                        Ok(v) => fluent_args.set(n.clone(), FluentValue::from(v)),
                        Err(_) => fluent_args.set(n.clone(), FluentValue::from(value)),
                    }
                }
                let pattern = bundle.get_message(id).unwrap().value().unwrap();
                let mut errors = Vec::new();
                let theirs = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
                assert_eq!(ours, theirs, "{tag} {id} = {value}");
            }
        }
    }
}

fn checked(name: &str) -> (tetsuzuki::definitions::Definitions, Vec<tetsuzuki::diagnostic::Diagnostic>) {
    let path = core().join(format!("../fixtures/invalid/{name}.yaml"));
    let bytes = std::fs::read(path).unwrap();
    check_sources(vec![SourceFile::from_bytes(format!("fixtures/invalid/{name}.yaml"), &bytes)])
}

/// ja-easy has no words for authors of its own: it says their diagnostics as ja.
#[test]
fn ja_easy_says_authors_diagnostics_as_ja() {
    let (defs, diagnostics) = checked("many-mistakes");
    assert!(!diagnostics.is_empty());
    for d in &diagnostics {
        assert_eq!(d.message.say(Lang::JaEasy), d.message.say(Lang::Ja));
        assert_eq!(defs.locate_in(d, Lang::JaEasy), defs.locate_in(d, Lang::Ja));
    }
    assert_eq!(defs.render_in(&diagnostics, Lang::JaEasy), defs.render_in(&diagnostics, Lang::Ja));
    assert_eq!(defs.render_in(&diagnostics, Lang::En), defs.render(&diagnostics));
}

/// One invalid case as a Japanese author reads it (the English ones are beside it).
#[test]
fn an_invalid_case_in_japanese() {
    let (defs, diagnostics) = checked("dangling-concept");
    let rendered = defs.render_in(&diagnostics, Lang::Ja);
    insta::with_settings!({
        snapshot_path => "../../fixtures/invalid/snapshots",
        prepend_module_to_snapshot => false,
        omit_expression => true,
    }, {
        insta::assert_snapshot!("ja@dangling-concept", rendered);
    });
}
