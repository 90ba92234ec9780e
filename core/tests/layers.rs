//! The core's layers, enforced: each module imports only modules of lower layers, or of its own
//! layer listed before it, so there is no import circle and nothing reaches up. The runtime
//! (what residents' answers go through) never imports authoring (what definitions go through).
//!
//! Read from the source: every `crate::module` a file names outside comments and its
//! `#[cfg(test)] mod tests`, including `use crate::{a, b::c}` groups. A failure names the file,
//! the line and the import that crosses.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Bottom to top. Within a layer, a module may import the modules listed before it.
const LAYERS: &[(&str, &[&str])] = &[
    // Plain building blocks: calendar dates, values, the expression language, the holidays,
    // identifier check digits, "did you mean", the hand-written record reader.
    ("base", &["small", "date", "value", "suggest", "ids", "record", "holidays", "expr"]),
    // What definitions and compiled catalogues are: types and their decoding.
    ("model", &["model"]),
    // What a resident's answers go through, each module above the ones it uses.
    (
        "runtime",
        &[
            "deadline", "validate", "words", "navigate", "calendar", "catalog", "diff", "profile", "views", "session",
            "draft", "plan", "journey",
        ],
    ),
    // The one vocabulary every target speaks (the adapters import it; nothing in core does).
    ("host", &["host"]),
    // What authors' definitions go through: beside the runtime, never imported by it. The
    // checker comes before the compiler: the compiler may use it, never the reverse (applying a
    // town's offering, which both need, is in the model: `model/apply.rs`). Scenarios (authors'
    // tests of their definitions) run compiled catalogues through the runtime, beside it all.
    ("authoring", &["diagnostic", "source", "schema", "layout", "definitions", "check", "compile", "scenario"]),
];

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The top-level module a file belongs to (`session` for `src/session/people.rs`).
fn module_of(path: &Path) -> Option<String> {
    let rel = path.strip_prefix(src()).unwrap();
    let first = rel.components().next()?.as_os_str().to_str()?.trim_end_matches(".rs").to_string();
    (first != "lib").then_some(first)
}

/// The code of a file without comments and without its unit tests.
fn code_lines(text: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut in_tests = false;
    for (i, line) in text.lines().enumerate() {
        let t = line.trim_start();
        if t.starts_with("#[cfg(test)]") {
            in_tests = true;
        }
        if in_tests || t.starts_with("//") {
            continue;
        }
        let code = match line.find("//") {
            // A `//` inside a string (a URL) is rare in this crate; comments are what is cut.
            Some(at) if !line[..at].contains('"') => &line[..at],
            _ => line,
        };
        out.push((i + 1, code.to_string()));
    }
    out
}

/// Where the reader stands in a `use crate::{…}` group that spans lines.
#[derive(Default)]
struct Group {
    /// Braces open inside the group (0: not in one).
    depth: usize,
    /// The next name at the group's top level is a module.
    expect: bool,
}

/// The modules a line names: `crate::x`, and each head of a `use crate::{x, y::z}` group
/// (groups may span lines: `group` carries the reader's place to the next line).
fn imports(line: &str, group: &mut Group) -> Vec<String> {
    let mut found = Vec::new();
    let chars: Vec<char> = line.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if group.depth == 0 {
            let rest: String = chars[i..].iter().collect();
            let Some(at) = rest.find("crate::") else { break };
            i += rest[..at].chars().count() + "crate::".len();
            if chars.get(i) == Some(&'{') {
                *group = Group { depth: 1, expect: true };
                i += 1;
                continue;
            }
            let name: String = chars[i..].iter().take_while(|c| c.is_ascii_alphanumeric() || **c == '_').collect();
            i += name.chars().count();
            found.push(name);
            continue;
        }
        let c = chars[i];
        match c {
            '{' => group.depth += 1,
            '}' => group.depth -= 1,
            ',' if group.depth == 1 => group.expect = true,
            c if group.expect && group.depth == 1 && (c.is_ascii_alphabetic() || c == '_') => {
                let name: String = chars[i..].iter().take_while(|c| c.is_ascii_alphanumeric() || **c == '_').collect();
                i += name.chars().count();
                found.push(name);
                group.expect = false;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    found.retain(|m| !m.is_empty());
    found
}

#[test]
fn every_import_goes_down_the_layers() {
    let mut rank: BTreeMap<&str, (usize, usize, &str)> = BTreeMap::new();
    for (layer_at, (layer, modules)) in LAYERS.iter().enumerate() {
        for (at, m) in modules.iter().enumerate() {
            assert!(rank.insert(m, (layer_at, at, layer)).is_none(), "{m} is listed twice");
        }
    }
    let mut files = Vec::new();
    rust_files(&src(), &mut files);
    files.sort();
    let mut crossings = Vec::new();
    let mut unlisted = Vec::new();
    for file in &files {
        let Some(from) = module_of(file) else { continue };
        let Some(&(layer_from, at_from, layer_name)) = rank.get(from.as_str()) else {
            unlisted.push(from);
            continue;
        };
        let text = std::fs::read_to_string(file).unwrap();
        let mut group = Group::default();
        for (line, code) in code_lines(&text) {
            for to in imports(&code, &mut group) {
                if to == from || to == "self" || to == "super" {
                    continue;
                }
                let Some(&(layer_to, at_to, to_layer)) = rank.get(to.as_str()) else {
                    unlisted.push(to);
                    continue;
                };
                let down = layer_to < layer_from || (layer_to == layer_from && at_to < at_from);
                // Authoring sits beside the runtime: it may read the runtime and the host's
                // types (a compiled catalogue), never the reverse.
                let beside = layer_name == "authoring" && to_layer != "authoring";
                if !down && !beside {
                    crossings.push(format!(
                        "{}:{line}: `{from}` ({layer_name}) imports `{to}` ({to_layer}): {}",
                        file.strip_prefix(src()).unwrap().display(),
                        code.trim()
                    ));
                }
            }
        }
    }
    unlisted.sort();
    unlisted.dedup();
    assert!(unlisted.is_empty(), "modules not placed in a layer of tests/layers.rs: {unlisted:?}");
    assert!(
        crossings.is_empty(),
        "imports that go up or sideways (move the shared part down, or the caller up):\n{}",
        crossings.join("\n")
    );
}

#[test]
fn the_reader_finds_grouped_and_multi_line_imports() {
    let mut g = Group::default();
    assert_eq!(imports("use crate::{catalog::Catalog, model::{Field, Lang}};", &mut g), ["catalog", "model"]);
    assert_eq!(g.depth, 0);
    assert_eq!(imports("use crate::{", &mut g), Vec::<String>::new());
    assert_eq!(g.depth, 1);
    assert_eq!(imports("    draft::{Draft, DraftError},", &mut g), ["draft"]);
    assert_eq!(imports("    session,", &mut g), ["session"]);
    assert_eq!(imports("};", &mut g), Vec::<String>::new());
    assert_eq!(g.depth, 0);
    assert_eq!(
        imports("let x = crate::validate::is_empty(v) && crate::words::ui_text(l, i);", &mut g),
        ["validate", "words"]
    );
}
