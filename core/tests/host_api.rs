//! The host API declared once (`tetsuzuki::host::api`), checked against every surface that
//! writes it by hand, both ways:
//!
//! - the JS API's wasm exports (`wasm/src/api.rs`), its TypeScript declarations
//!   (`wasm/js/tetsuzuki-api.d.ts`, and what `tetsuzuki-api.js` exports), the widget's
//!   (`wasm/js/tetsuzuki.d.ts`), the UniFFI exports (`bindings/src/lib.rs`), the Python
//!   wrapper (`bindings/python/tetsuzuki/__init__.py`) and the method tables of
//!   `docs/HOST-API.md`: a method there that `METHODS` does not declare fails, and so does a
//!   declared method missing there that is not declared missing with a reason;
//! - every error code core and the adapters produce is in `ERROR_CODES`, and every declared
//!   code is produced; the error tables of `docs/HOST-API.md` and `docs/BINDINGS.md`, the
//!   `.d.ts`'s `TetsuzukiErrorCode` and the bindings' variants list exactly the declared codes;
//! - the records of `RECORDS` have the fields core serialises (the struct each names), and
//!   the UniFFI records and the `.d.ts`'s interfaces are exactly the declared ones, field by
//!   field (names only: the types differ by target, JSON text natively).
//!
//! The surfaces are read as text, line by line, the way they are written in this repository
//! (rustfmt's layout, one member per line in the `.d.ts`); a failure names the file, the
//! method or code, and what to add where.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use tetsuzuki::host::api::{
    CODES_NOT_ON, ERROR_CODES, ErrorKind, Kind, METHODS, Method, Owner, RECORDS, Record, Target,
};
use tetsuzuki::host::{HostError, error_kind, parse_date, parse_lang, parse_type, parse_value};

const DECLARATION: &str = "core/src/host/api.rs";

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn read(rel: &str) -> String {
    std::fs::read_to_string(root().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// Fails with every problem found, one per line.
fn report(what: &str, problems: Vec<String>) {
    assert!(problems.is_empty(), "{what}: {} problem(s)\n  - {}\n", problems.len(), problems.join("\n  - "));
}

// ---------------------------------------------------------------------------- reading text

/// The text of a file up to its unit tests (`#[cfg(test)]`), which are not its surface.
fn before_tests(text: &str) -> &str {
    text.find("#[cfg(test)]").map_or(text, |at| &text[..at])
}

/// The braces a line of Rust or TypeScript opens minus those it closes, outside strings.
fn brace_balance(line: &str) -> i32 {
    let mut balance = 0;
    let mut quote: Option<char> = None;
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match quote {
            Some(q) => {
                if c == '\\' {
                    chars.next();
                } else if c == q {
                    quote = None;
                }
            }
            None => match c {
                '"' | '`' => quote = Some(c),
                '{' => balance += 1,
                '}' => balance -= 1,
                '/' if line.contains("//") && chars.clone().next() == Some('/') => break,
                _ => {}
            },
        }
    }
    balance
}

/// The identifier at the start of `text`.
fn ident(text: &str) -> &str {
    let end = text.find(|c: char| !(c.is_alphanumeric() || c == '_')).unwrap_or(text.len());
    &text[..end]
}

/// The spans between backticks of a line.
fn backticked(text: &str) -> Vec<&str> {
    text.split('`').skip(1).step_by(2).collect()
}

/// Whether a text looks like an error code (`catalog-hash`, `internal`).
fn is_code(text: &str) -> bool {
    !text.is_empty() && text.chars().all(|c| c.is_ascii_lowercase() || c == '-') && !text.starts_with('-')
}

/// The owner a surface's class or interface names.
fn owner_named(name: &str) -> Option<Owner> {
    match name {
        // The widget's elements share their methods through this interface.
        "TetsuzukiElementBase" => Some(Owner::Element),
        _ => Owner::ALL.iter().copied().find(|o| !o.name().is_empty() && o.name() == name),
    }
}

fn owner_label(owner: Owner) -> &'static str {
    match owner {
        Owner::Module => "the module",
        _ => owner.name(),
    }
}

fn snake_to_camel(name: &str) -> String {
    let mut out = String::new();
    let mut upper = false;
    for c in name.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

// ---------------------------------------------------------------------------- the methods

/// A method as a surface has it.
#[derive(Debug, Clone)]
struct Found {
    owner: Owner,
    /// The name the surface calls it by (JavaScript's in the JS surfaces and the docs).
    name: String,
    /// The Rust name, where another (wasm-bindgen's `js_name`).
    rust: Option<String>,
    kind: Kind,
    line: usize,
}

/// The name a target calls a declared method by.
fn name_on(target: Target, m: &Method) -> &'static str {
    match target {
        Target::JsWasm | Target::JsTypes | Target::Widget | Target::Docs => m.js,
        Target::Uniffi | Target::Python => m.name,
    }
}

/// The kind a target can show: natively, a getter is a method.
fn kind_on(target: Target, kind: Kind) -> Kind {
    match (target, kind) {
        (Target::Uniffi | Target::Python, Kind::Getter) => Kind::Method,
        _ => kind,
    }
}

fn describe(m: &Method) -> String {
    let owner = if m.owner == Owner::Module { String::new() } else { format!("{}.", m.owner.name()) };
    if m.name == m.js { format!("`{owner}{}`", m.name) } else { format!("`{owner}{}` (JS `{}`)", m.name, m.js) }
}

/// Checks what a target has against the declaration, both ways.
fn compare(target: Target, found: &[Found], how_to_add: &str) -> Vec<String> {
    let file = target.file();
    let mut problems = Vec::new();
    for m in METHODS.iter().filter(|m| m.on(target)) {
        let name = name_on(target, m);
        match found.iter().find(|f| f.owner == m.owner && f.name == name) {
            None => problems.push(format!(
                "{file}: {} is declared in {DECLARATION} but missing here: add it ({how_to_add}), or declare it \
                 missing on Target::{target:?} with a one-line reason in METHODS",
                describe(m)
            )),
            Some(f) => {
                if f.kind != kind_on(target, m.kind) {
                    problems.push(format!(
                        "{file}:{}: {} is a {:?} here but declared a {:?} in {DECLARATION}: make them agree",
                        f.line,
                        describe(m),
                        f.kind,
                        m.kind
                    ));
                }
                if let Some(rust) = &f.rust
                    && rust != m.name
                {
                    problems.push(format!(
                        "{file}:{}: {} is the Rust fn `{rust}` here: name it `{}`",
                        f.line,
                        describe(m),
                        m.name
                    ));
                }
            }
        }
    }
    let mut seen = BTreeSet::new();
    for f in found {
        if !seen.insert((f.owner, f.name.clone())) {
            continue;
        }
        let declared = METHODS.iter().find(|m| m.owner == f.owner && name_on(target, m) == f.name);
        match declared {
            None => problems.push(format!(
                "{file}:{}: `{}{}` is here but not declared: add it to METHODS in {DECLARATION} (snake_case name, \
                 JS name, kind), then to the other targets of {}, or declare it missing there with a reason",
                f.line,
                if f.owner == Owner::Module { String::new() } else { format!("{}.", f.owner.name()) },
                f.name,
                owner_label(f.owner)
            )),
            Some(m) if !m.on(target) => {
                let reason = m.missing.iter().find(|(t, _)| *t == target).map_or("", |(_, r)| *r);
                problems.push(format!(
                    "{file}:{}: {} is here, but {DECLARATION} declares it missing on Target::{target:?} (\"{reason}\"): \
                     remove that entry of its `missing`",
                    f.line,
                    describe(m)
                ));
            }
            Some(_) => {}
        }
    }
    problems
}

/// The exported functions and methods of a Rust file: items after an attribute containing
/// `marker` (`wasm_bindgen`, `uniffi::export`), at the top level or in an `impl` block so
/// marked. A method is a constructor after `constructor_attr` (UniFFI), or without `self`
/// (wasm-bindgen); a getter after `#[wasm_bindgen(getter)]`.
fn rust_exports(text: &str, marker: &str, constructor_attr: Option<&str>) -> (Vec<Found>, Vec<String>) {
    let mut found = Vec::new();
    let mut problems = Vec::new();
    let mut attrs: Vec<&str> = Vec::new();
    let mut depth = 0;
    // The exported impl block we are in: its owner (if declared) and its type's name.
    let mut block: Option<(Option<Owner>, String)> = None;
    let mut lines = before_tests(text).lines().enumerate();
    while let Some((i, line)) = lines.next() {
        let t = line.trim();
        if t.starts_with("//") || t.is_empty() {
            continue;
        }
        if t.starts_with("#[") {
            attrs.push(t);
            continue;
        }
        let exported = attrs.iter().any(|a| a.contains(marker));
        let mut code = line.to_string();
        if depth == 0 && t.starts_with("impl ") && exported && !t.contains(" for ") {
            let name = ident(t.trim_start_matches("impl "));
            block = Some((owner_named(name), name.to_string()));
        }
        if let Some(rest) = t.strip_prefix("pub fn ") {
            let name = ident(rest).to_string();
            // The signature, up to its body.
            while !code.contains('{') && !code.trim_end().ends_with(';') {
                match lines.next() {
                    Some((_, next)) => code.push_str(next),
                    None => break,
                }
            }
            let js_name = attrs.iter().find_map(|a| {
                let at = a.find("js_name")?;
                Some(ident(a[at..].trim_start_matches("js_name").trim_start_matches([' ', '='])).to_string())
            });
            let getter = attrs.iter().any(|a| a.contains("getter"));
            let takes_self = code.contains("self");
            let (owner, kind) = match (&block, depth) {
                (Some((owner, class)), 1) => {
                    let kind = match constructor_attr {
                        Some(attr) if attrs.iter().any(|a| a.contains(attr)) => Kind::Constructor,
                        Some(_) => Kind::Method,
                        None if !takes_self => Kind::Constructor,
                        None if getter => Kind::Getter,
                        None => Kind::Method,
                    };
                    if owner.is_none() {
                        problems.push(format!(
                            "line {}: `{class}` is exported but is no Owner of {DECLARATION}: add it there",
                            i + 1
                        ));
                    }
                    (*owner, kind)
                }
                (None, 0) if exported => (Some(Owner::Module), Kind::Function),
                _ => (None, Kind::Method),
            };
            if let Some(owner) = owner {
                found.push(Found {
                    owner,
                    name: js_name.clone().unwrap_or_else(|| name.clone()),
                    rust: js_name.map(|_| name),
                    kind,
                    line: i + 1,
                });
            }
        }
        attrs.clear();
        depth += brace_balance(&code);
        if depth == 0 {
            block = None;
        }
    }
    (found, problems)
}

/// The classes, interfaces and functions a `.d.ts` declares: `(owner, members)` where a
/// member is found as a static, a read-only property or a method; the top-level
/// `export function`s are the module's.
fn dts_members(text: &str) -> (Vec<Found>, Vec<String>, BTreeSet<String>) {
    let mut found = Vec::new();
    let mut problems = Vec::new();
    let mut exported = BTreeSet::new();
    let mut depth = 0;
    let mut in_comment = false;
    let mut class: Option<(Option<Owner>, String)> = None;
    for (i, line) in text.lines().enumerate() {
        let mut t = line.trim();
        if in_comment {
            match t.find("*/") {
                Some(at) => {
                    in_comment = false;
                    t = t[at + 2..].trim();
                }
                None => continue,
            }
        }
        if t.starts_with("/*") {
            match t.find("*/") {
                Some(at) => t = t[at + 2..].trim(),
                None => {
                    in_comment = true;
                    continue;
                }
            }
        }
        if t.starts_with("//") || t.is_empty() {
            continue;
        }
        if depth == 0 {
            if let Some(rest) = t.strip_prefix("export function ") {
                let name = ident(rest).to_string();
                exported.insert(name.clone());
                found.push(Found { owner: Owner::Module, name, rust: None, kind: Kind::Function, line: i + 1 });
            } else if let Some(rest) = t.strip_prefix("export class ") {
                let name = ident(rest).to_string();
                exported.insert(name.clone());
                class = Some((owner_named(&name), name));
            } else if let Some(rest) = t.strip_prefix("interface ").or_else(|| t.strip_prefix("export interface ")) {
                let name = ident(rest);
                class = owner_named(name).map(|o| (Some(o), name.to_string()));
            }
        } else if depth == 1
            && let Some((owner, name)) = &class
        {
            let member = t.trim_start_matches("static ").trim_start_matches("readonly ");
            let member_name = ident(member);
            let kind = if t.starts_with("static ") {
                Kind::Constructor
            } else if t.starts_with("readonly ") {
                Kind::Getter
            } else {
                Kind::Method
            };
            let skip = member_name.is_empty()
                || t.starts_with("private constructor")
                // The DOM's own, typed for the widget's events.
                || matches!(member_name, "addEventListener" | "removeEventListener");
            if !skip {
                match owner {
                    Some(owner) => found.push(Found {
                        owner: *owner,
                        name: member_name.to_string(),
                        rust: None,
                        kind,
                        line: i + 1,
                    }),
                    None => problems.push(format!(
                        "line {}: the class `{name}` is exported but is no Owner of {DECLARATION}: add it there",
                        i + 1
                    )),
                }
            }
        }
        depth += brace_balance(t);
        if depth == 0 {
            class = None;
        }
    }
    (found, problems, exported)
}

/// The functions and methods of the Python wrapper: `def` per class (a `@classmethod` is a
/// constructor), and the module's `def`s; names starting with `_` are private.
fn python_defs(text: &str) -> (Vec<Found>, Vec<String>) {
    let mut found = Vec::new();
    let mut problems = Vec::new();
    // The class we are in: its owner, none for a public class the declaration lacks.
    let mut class: Option<Option<Owner>> = None;
    let mut classmethod = false;
    for (i, line) in text.lines().enumerate() {
        if let Some(rest) = line.strip_prefix("class ") {
            let name = ident(rest);
            let owner = owner_named(name);
            if owner.is_none() && !name.starts_with('_') {
                problems.push(format!("line {}: the class `{name}` is no Owner of {DECLARATION}: add it there", i + 1));
            }
            class = Some(owner);
        } else if let Some(rest) = line.strip_prefix("def ") {
            class = None;
            let name = ident(rest);
            if !name.starts_with('_') {
                let kind = Kind::Function;
                found.push(Found { owner: Owner::Module, name: name.into(), rust: None, kind, line: i + 1 });
            }
        } else if line.trim() == "@classmethod" {
            classmethod = true;
            continue;
        } else if let (Some(rest), Some(Some(owner))) = (line.strip_prefix("    def "), class) {
            let name = ident(rest);
            if !name.starts_with('_') {
                let kind = if classmethod { Kind::Constructor } else { Kind::Method };
                found.push(Found { owner, name: name.into(), rust: None, kind, line: i + 1 });
            }
        } else if !line.is_empty() && !line.starts_with(' ') && !line.starts_with('#') {
            class = None;
        }
        classmethod = false;
    }
    (found, problems)
}

/// The rows of the Markdown tables of a document whose header's first cell is one of
/// `headers`: `(section heading, first cell, second cell, line)`.
fn table_rows<'a>(text: &'a str, headers: &[&str]) -> Vec<(&'a str, &'a str, &'a str, usize)> {
    let mut rows = Vec::new();
    let mut heading = "";
    let mut in_table = false;
    for (i, line) in text.lines().enumerate() {
        let t = line.trim();
        if let Some(h) = t.strip_prefix("## ") {
            heading = h;
        }
        if !t.starts_with('|') {
            in_table = false;
            continue;
        }
        let cells: Vec<&str> = t.trim_matches('|').split('|').map(str::trim).collect();
        if !in_table {
            in_table = headers.contains(&cells[0]);
            continue;
        }
        if cells[0].starts_with("---") {
            continue;
        }
        rows.push((heading, cells[0], cells.get(1).copied().unwrap_or(""), i + 1));
    }
    rows
}

/// The methods of `docs/HOST-API.md`'s tables: `| method |` under `## Catalog`, `## Session`,
/// `## Profile`, `## Journey`, and `| function |` under `## Functions`.
fn docs_methods(text: &str) -> (Vec<Found>, Vec<String>) {
    let mut found = Vec::new();
    let mut problems = Vec::new();
    for (heading, cell, _, line) in table_rows(text, &["method", "function"]) {
        let section = ident(heading);
        let owner = match section {
            "Functions" => Owner::Module,
            _ => match owner_named(section) {
                Some(owner) => owner,
                None => {
                    problems.push(format!("line {line}: a method table under `## {heading}`, which names no owner"));
                    continue;
                }
            },
        };
        for span in backticked(cell) {
            let (prefix, rest) = match span.split_once('.') {
                Some((p, r)) if p.chars().next().is_some_and(char::is_uppercase) => (Some(p), r),
                _ => (None, span),
            };
            let name = ident(rest);
            let called = rest[name.len()..].starts_with('(');
            let kind = match (owner, prefix, called) {
                (Owner::Module, _, _) => Kind::Function,
                (_, Some(p), _) if p == owner.name() => Kind::Constructor,
                (_, Some(p), _) => {
                    problems.push(format!("line {line}: `{span}` under `## {heading}` is another owner's ({p})"));
                    continue;
                }
                (_, None, true) => Kind::Method,
                (_, None, false) => Kind::Getter,
            };
            found.push(Found { owner, name: name.to_string(), rust: None, kind, line });
        }
    }
    (found, problems)
}

fn check_surface(target: Target, found: Vec<Found>, mut problems: Vec<String>, how_to_add: &str) {
    problems = problems.into_iter().map(|p| format!("{}: {p}", target.file())).collect();
    problems.extend(compare(target, &found, how_to_add));
    report(target.file(), problems);
}

#[test]
fn the_declaration_is_consistent() {
    let mut problems = Vec::new();
    let mut names = BTreeSet::new();
    let mut js_names = BTreeSet::new();
    for m in METHODS {
        if !names.insert((m.owner, m.name)) || !js_names.insert((m.owner, m.js)) {
            problems.push(format!("{} is declared twice", describe(m)));
        }
        if snake_to_camel(m.name) != m.js {
            problems.push(format!(
                "{}: its JS name is the camelCase of its name, `{}`",
                describe(m),
                snake_to_camel(m.name)
            ));
        }
        if (m.owner == Owner::Module) != (m.kind == Kind::Function) {
            problems.push(format!("{}: functions, and only they, belong to the module", describe(m)));
        }
        if !Target::ALL.iter().any(|t| m.on(*t)) {
            problems.push(format!("{} is on no target", describe(m)));
        }
        for (target, reason) in m.missing {
            if !m.owner.targets().contains(target) {
                problems.push(format!(
                    "{}: Target::{target:?} is not a target of {}",
                    describe(m),
                    owner_label(m.owner)
                ));
            }
            if reason.trim().is_empty() || reason.contains('\n') || reason.len() > 120 {
                problems.push(format!(
                    "{}: the reason for Target::{target:?} is one line of 120 bytes at most",
                    describe(m)
                ));
            }
        }
    }
    let mut codes = BTreeSet::new();
    for (code, _) in ERROR_CODES {
        if !codes.insert(*code) || !is_code(code) {
            problems.push(format!("`{code}`: codes are lowercase words joined by `-`, each declared once"));
        }
    }
    for kind in ErrorKind::ALL {
        if !ERROR_CODES.iter().any(|(_, k)| k == kind) {
            problems.push(format!("ErrorKind::{kind:?} has no code"));
        }
    }
    for (code, target, reason) in CODES_NOT_ON {
        if error_kind(code).is_none() || reason.is_empty() || !matches!(target, Target::JsTypes | Target::Uniffi) {
            problems.push(format!(
                "CODES_NOT_ON: `{code}` on Target::{target:?} (a declared code, JsTypes or Uniffi, a reason)"
            ));
        }
    }
    report(DECLARATION, problems);
}

#[test]
fn errors_carry_their_kind() {
    assert_eq!(error_kind("catalog-hash"), Some(ErrorKind::InvalidCatalog));
    assert_eq!(error_kind("session-unconfirmed"), Some(ErrorKind::SessionState));
    assert_eq!(error_kind("bad-journey"), Some(ErrorKind::BadInput));
    assert_eq!(error_kind("catalog-"), None);
    assert_eq!(error_kind("no-such-code"), None);
    assert_eq!(parse_date("2026/11/23").unwrap_err().kind(), Some(ErrorKind::BadInput));
    assert_eq!(parse_lang("fr").unwrap_err().kind(), Some(ErrorKind::BadInput));
    assert_eq!(parse_value("{").unwrap_err().kind(), Some(ErrorKind::BadInput));
    assert_eq!(parse_type("postcode").unwrap_err().kind(), Some(ErrorKind::Unknown));
    let e: HostError = tetsuzuki::catalog::Catalog::from_json("{").err().unwrap().into();
    assert_eq!(e.kind(), Some(ErrorKind::InvalidCatalog));
    assert_eq!(HostError::new("made-up", "").kind(), None);
}

#[test]
fn the_wasm_exports_match_the_declaration() {
    let (found, problems) = rust_exports(&read(Target::JsWasm.file()), "wasm_bindgen", None);
    check_surface(
        Target::JsWasm,
        found,
        problems,
        "a `pub fn` in the #[wasm_bindgen] impl block of its owner, with #[wasm_bindgen(js_name = …)] when the \
         JS name differs",
    );
}

#[test]
fn the_typescript_declarations_match_the_declaration() {
    let (found, problems, exported) = dts_members(&read(Target::JsTypes.file()));
    let mut all = problems;
    // What the module exports is what the declarations declare.
    let module = read("wasm/js/tetsuzuki-api.js");
    let mut exports = BTreeSet::new();
    for line in module.lines() {
        if let Some(rest) = line.strip_prefix("export function ") {
            exports.insert(ident(rest).to_string());
        } else if let Some(list) = line.strip_prefix("export {") {
            for name in list.trim_end_matches([';', '}', ' ']).split(',') {
                exports.insert(name.trim().to_string());
            }
        }
    }
    exports.remove("");
    if exports != exported {
        all.push(format!(
            "wasm/js/tetsuzuki-api.js exports {exports:?} but the .d.ts declares {exported:?}: make them agree"
        ));
    }
    check_surface(Target::JsTypes, found, all, "a member of its class, or an `export function`, with its JS types");
}

#[test]
fn the_widget_declarations_match_the_declaration() {
    let (found, problems, _) = dts_members(&read(Target::Widget.file()));
    check_surface(Target::Widget, found, problems, "an `export function`, or a member of `TetsuzukiElementBase`");
}

#[test]
fn the_uniffi_exports_match_the_declaration() {
    let (found, problems) = rust_exports(&read(Target::Uniffi.file()), "uniffi::export", Some("uniffi::constructor"));
    check_surface(
        Target::Uniffi,
        found,
        problems,
        "a `pub fn` in the #[uniffi::export] impl block of its owner (#[uniffi::constructor] for a constructor), \
         or a #[uniffi::export] function; then scripts/gen-swift --update",
    );
}

#[test]
fn the_python_wrapper_matches_the_declaration() {
    let (found, problems) = python_defs(&read(Target::Python.file()));
    check_surface(Target::Python, found, problems, "a `def` of its class (a @classmethod for a constructor)");
}

#[test]
fn the_method_tables_of_the_docs_match_the_declaration() {
    let (found, problems) = docs_methods(&read(Target::Docs.file()));
    check_surface(
        Target::Docs,
        found,
        problems,
        "a row of the `| method |` table of its owner's section, or of `## Functions`, by its JS name",
    );
}

// ---------------------------------------------------------------------------- the error codes

/// The string literals of a text.
fn literals(text: &str) -> Vec<String> {
    text.split('"').skip(1).step_by(2).map(str::to_string).collect()
}

/// The body of the block whose opening line contains `start`, from that line on.
fn block_from<'a>(text: &'a str, start: &str) -> Option<&'a str> {
    let at = text.find(start)?;
    let mut depth = 0;
    let mut opened = false;
    let mut end = text.len();
    let mut offset = at;
    for line in text[at..].split_inclusive('\n') {
        depth += brace_balance(line);
        opened |= line.contains('{');
        offset += line.len();
        if opened && depth <= 0 {
            end = offset;
            break;
        }
    }
    Some(&text[at..end])
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn relative(path: &Path) -> String {
    path.strip_prefix(root()).unwrap_or(path).display().to_string().replace("/../", "/")
}

/// Every code produced, with where: the `code()` of every core error that becomes a
/// `HostError` (`host_error_from!` in `core/src/host/mod.rs`), every `HostError::new("…"`
/// of the host module and the adapters, and the codes the JS shells and the Python wrapper
/// raise themselves.
fn produced_codes() -> (BTreeMap<String, String>, Vec<String>) {
    let mut codes = BTreeMap::new();
    let mut problems = Vec::new();
    let host = read("core/src/host/mod.rs");
    let list = host
        .split("host_error_from!(")
        .nth(1)
        .and_then(|rest| rest.split(')').next())
        .expect("core/src/host/mod.rs: host_error_from!(…) lists the core errors that cross");
    let mut core_files = Vec::new();
    rust_files(&root().join("core/src"), &mut core_files);
    let core_texts: Vec<(PathBuf, String)> =
        core_files.into_iter().map(|p| (p.clone(), std::fs::read_to_string(&p).unwrap())).collect();
    for ty in list.split(',').map(str::trim) {
        let found = core_texts.iter().find_map(|(path, text)| {
            let block = block_from(text, &format!("impl {ty} {{"))?;
            Some((path, block_from(block, "fn code(&self) -> &'static str")?))
        });
        match found {
            Some((path, body)) => {
                for code in literals(body) {
                    codes.entry(code).or_insert_with(|| format!("{} ({ty}::code)", relative(path)));
                }
            }
            None => problems.push(format!(
                "core/src: no `impl {ty} {{ … fn code(&self) -> &'static str … }}` found: the test reads the codes of \
                 every error host_error_from! lists there"
            )),
        }
    }
    let mut adapter_files = Vec::new();
    rust_files(&root().join("core/src/host"), &mut adapter_files);
    rust_files(&root().join("wasm/src"), &mut adapter_files);
    rust_files(&root().join("bindings/src"), &mut adapter_files);
    for path in adapter_files {
        let text = std::fs::read_to_string(&path).unwrap();
        for call in before_tests(&text).split("HostError::new(").skip(1) {
            let call = call.trim_start();
            if let Some(rest) = call.strip_prefix('"') {
                let code = rest.split('"').next().unwrap_or_default().to_string();
                codes.entry(code).or_insert_with(|| relative(&path));
            }
        }
    }
    for file in ["wasm/js/tetsuzuki.js", "wasm/js/tetsuzuki-api.js"] {
        for piece in read(file).split("code: '").skip(1) {
            codes.entry(piece.split('\'').next().unwrap_or_default().to_string()).or_insert_with(|| file.to_string());
        }
    }
    // The Python wrapper raises `TetsuzukiError.Variant(code="…")` itself: its variant is the
    // code's kind.
    let python = read(Target::Python.file());
    for piece in python.split("TetsuzukiError.").skip(1) {
        let variant = ident(piece);
        let Some(code) = piece.split_once("code=\"").map(|(_, rest)| rest.split('"').next().unwrap_or_default()) else {
            continue;
        };
        if !piece.trim_start_matches(variant).trim_start().starts_with('(') {
            continue;
        }
        codes.entry(code.to_string()).or_insert_with(|| Target::Python.file().to_string());
        if let Some(kind) = error_kind(code)
            && kind.variant() != variant
        {
            problems.push(format!(
                "{}: raises `{code}` as TetsuzukiError.{variant}, but its kind is {kind:?}: raise TetsuzukiError.{}",
                Target::Python.file(),
                kind.variant()
            ));
        }
    }
    (codes, problems)
}

#[test]
fn every_code_produced_is_declared_and_every_declared_code_is_produced() {
    let (produced, mut problems) = produced_codes();
    for (code, at) in &produced {
        if error_kind(code).is_none() {
            problems.push(format!(
                "{at}: the code `{code}` is produced here but not declared: add it to ERROR_CODES in {DECLARATION} with \
                 its kind, and to the error tables of docs/HOST-API.md and docs/BINDINGS.md"
            ));
        }
    }
    for (code, _) in ERROR_CODES {
        if !produced.contains_key(*code) {
            problems.push(format!("{DECLARATION}: `{code}` is declared but nothing produces it: remove it"));
        }
    }
    report("error codes", problems);
}

/// The declared codes a target lists.
fn codes_on(target: Target) -> BTreeSet<&'static str> {
    ERROR_CODES
        .iter()
        .map(|(code, _)| *code)
        .filter(|code| !CODES_NOT_ON.iter().any(|(c, t, _)| c == code && *t == target))
        .collect()
}

fn compare_codes(
    file: &str,
    what: &str,
    listed: &BTreeSet<String>,
    expected: &BTreeSet<&str>,
    add: &str,
) -> Vec<String> {
    let mut problems = Vec::new();
    for code in expected.iter().filter(|c| !listed.contains(**c)) {
        problems.push(format!("{file}: {what} lacks `{code}`: {add}"));
    }
    for code in listed.iter().filter(|c| !expected.contains(c.as_str())) {
        let why = match error_kind(code) {
            None => format!("not declared in {DECLARATION}: add it to ERROR_CODES, or remove it here"),
            Some(kind) => format!("its kind is {kind:?} (or CODES_NOT_ON leaves it out here): move or remove it"),
        };
        problems.push(format!("{file}: {what} lists `{code}`, {why}"));
    }
    problems
}

#[test]
fn the_error_table_of_the_host_api_doc_lists_every_code() {
    let text = read("docs/HOST-API.md");
    let rows = table_rows(&text, &["code"]);
    let first_line = rows.first().map_or(0, |r| r.3);
    let mut main = BTreeSet::new();
    let mut problems = Vec::new();
    for (i, (_, cell, _, line)) in rows.iter().enumerate() {
        // The first table is the one of every code (its rows are consecutive lines).
        let in_main = *line == first_line + i;
        for code in backticked(cell).into_iter().filter(|c| is_code(c)) {
            if in_main {
                main.insert(code.to_string());
            } else if error_kind(code).is_none() {
                problems.push(format!("docs/HOST-API.md:{line}: `{code}` is not declared in {DECLARATION}"));
            }
        }
    }
    let all: BTreeSet<&str> = ERROR_CODES.iter().map(|(c, _)| *c).collect();
    problems.extend(compare_codes(
        "docs/HOST-API.md",
        "the table of error codes (under *Conventions*)",
        &main,
        &all,
        "add it to a row saying when it happens",
    ));
    report("docs/HOST-API.md", problems);
}

#[test]
fn the_bindings_variants_and_their_table_group_the_codes_by_kind() {
    let mut problems = Vec::new();
    let expected = |kind: ErrorKind| -> BTreeSet<&str> {
        codes_on(Target::Uniffi).into_iter().filter(|c| error_kind(c) == Some(kind)).collect()
    };
    // docs/BINDINGS.md: `| variant | codes |`.
    let text = read("docs/BINDINGS.md");
    let mut variants = BTreeSet::new();
    for (_, variant_cell, codes_cell, line) in table_rows(&text, &["variant"]) {
        let variant = backticked(variant_cell).first().copied().unwrap_or_default();
        variants.insert(variant.to_string());
        let Some(kind) = ErrorKind::ALL.iter().copied().find(|k| k.variant() == variant) else {
            problems.push(format!("docs/BINDINGS.md:{line}: `{variant}` is no ErrorKind's variant"));
            continue;
        };
        let listed = backticked(codes_cell).into_iter().filter(|c| is_code(c)).map(str::to_string).collect();
        problems.extend(compare_codes(
            "docs/BINDINGS.md",
            &format!("the row of `{variant}`"),
            &listed,
            &expected(kind),
            "add it to that row",
        ));
    }
    for kind in ErrorKind::ALL {
        if !variants.contains(kind.variant()) {
            problems.push(format!("docs/BINDINGS.md: the table of variants lacks `{}`: add its row", kind.variant()));
        }
    }
    // bindings/src/lib.rs: the variants of `TetsuzukiError`, each documented with its codes.
    let lib = read(Target::Uniffi.file());
    let enum_text =
        block_from(&lib, "pub enum TetsuzukiError {").expect("bindings/src/lib.rs: pub enum TetsuzukiError");
    let mut doc = String::new();
    let mut variants = BTreeSet::new();
    for line in enum_text.lines().skip(1) {
        let t = line.trim();
        if let Some(d) = t.strip_prefix("///") {
            doc.push_str(d);
            doc.push(' ');
        } else if t.starts_with(|c: char| c.is_uppercase()) {
            let variant = ident(t);
            variants.insert(variant.to_string());
            match ErrorKind::ALL.iter().copied().find(|k| k.variant() == variant) {
                None => problems.push(format!(
                    "bindings/src/lib.rs: TetsuzukiError::{variant} is no ErrorKind's variant: add the kind to {DECLARATION}"
                )),
                Some(kind) => {
                    let listed = backticked(&doc).into_iter().filter(|c| is_code(c)).map(str::to_string).collect();
                    problems.extend(compare_codes(
                        "bindings/src/lib.rs",
                        &format!("the doc comment of TetsuzukiError::{variant}"),
                        &listed,
                        &expected(kind),
                        "name it there",
                    ));
                }
            }
            doc.clear();
        }
    }
    for kind in ErrorKind::ALL {
        if !variants.contains(kind.variant()) {
            problems.push(format!(
                "bindings/src/lib.rs: TetsuzukiError lacks the variant `{}` (ErrorKind::{kind:?})",
                kind.variant()
            ));
        }
    }
    report("the bindings' error variants", problems);
}

#[test]
fn the_typescript_error_codes_are_the_declared_ones() {
    let text = read(Target::JsTypes.file());
    let union = text
        .split("export type TetsuzukiErrorCode =")
        .nth(1)
        .and_then(|rest| rest.split(';').next())
        .expect("wasm/js/tetsuzuki-api.d.ts: export type TetsuzukiErrorCode = …;");
    let listed: BTreeSet<String> = union
        .lines()
        .map(|l| l.split("//").next().unwrap_or_default())
        .flat_map(|l| l.split('\'').skip(1).step_by(2).map(str::to_string).collect::<Vec<_>>())
        .collect();
    report(
        Target::JsTypes.file(),
        compare_codes(
            Target::JsTypes.file(),
            "TetsuzukiErrorCode",
            &listed,
            &codes_on(Target::JsTypes),
            "add it to the union",
        ),
    );
}

// ---------------------------------------------------------------------------- the records

/// The fields of the struct whose definition starts at `lines[start]` (`pub struct X {`), as
/// serde writes them: `#[serde(rename = "…")]` applied, `flatten`ed and skipped fields left
/// out (a flattened field is the record it extends).
fn struct_fields(lines: &[&str], start: usize) -> Vec<String> {
    let mut fields = Vec::new();
    let mut attrs: Vec<&str> = Vec::new();
    let mut depth = brace_balance(lines[start]);
    for line in &lines[start + 1..] {
        let t = line.trim();
        if depth == 1 {
            if t.starts_with("#[") {
                attrs.push(t);
            } else if let Some(rest) = t.strip_prefix("pub ") {
                let name = ident(rest.trim_start_matches("r#"));
                let renamed = attrs.iter().find_map(|a| {
                    let at = a.find("rename = \"")?;
                    a[at + 10..].split('"').next()
                });
                let left_out = attrs.iter().any(|a| a.contains("flatten") || a.contains("serde(skip)"));
                if !left_out {
                    fields.push(renamed.unwrap_or(name).to_string());
                }
                attrs.clear();
            }
        }
        depth += brace_balance(line);
        if depth <= 0 {
            break;
        }
    }
    fields
}

/// The structs of a Rust file derived with `derive` (`uniffi::Record`): `(name, fields, line)`.
fn derived_structs(text: &str, derive: &str) -> Vec<(String, Vec<String>, usize)> {
    let lines: Vec<&str> = before_tests(text).lines().collect();
    let mut out = Vec::new();
    let mut attrs: Vec<&str> = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let t = line.trim();
        if t.starts_with("///") || t.is_empty() {
            continue;
        }
        if t.starts_with("#[") {
            attrs.push(t);
            continue;
        }
        if let Some(rest) = t.strip_prefix("pub struct ")
            && attrs.iter().any(|a| a.starts_with("#[derive") && a.contains(derive))
        {
            out.push((ident(rest).to_string(), struct_fields(&lines, i), i + 1));
        }
        attrs.clear();
    }
    out
}

/// The serialised fields of core's struct `ty` in `file`, if it is there and derives `Serialize`.
fn core_fields(file: &str, ty: &str) -> Option<Vec<String>> {
    let text = read(file);
    derived_structs(&text, "Serialize").into_iter().find(|(name, _, _)| name == ty).map(|(_, fields, _)| fields)
}

/// A TypeScript text without its comments.
fn strip_ts_comments(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while !rest.is_empty() {
        let block = rest.find("/*");
        let line = rest.find("//");
        match (block, line) {
            (Some(b), l) if l.is_none_or(|l| b < l) => {
                out.push_str(&rest[..b]);
                rest = rest[b..].find("*/").map_or("", |e| &rest[b + e + 2..]);
            }
            (_, Some(l)) => {
                out.push_str(&rest[..l]);
                rest = rest[l..].find('\n').map_or("", |e| &rest[l + e..]);
            }
            _ => {
                out.push_str(rest);
                rest = "";
            }
        }
    }
    out
}

/// The interfaces of a `.d.ts` with their own fields (members that are methods left out):
/// `(name, fields, line)`.
fn dts_interfaces(text: &str) -> Vec<(String, Vec<String>, usize)> {
    let clean = strip_ts_comments(text);
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(at) = clean[from..].find("interface ") {
        let start = from + at;
        from = start + "interface ".len();
        if start > 0 && !clean[..start].ends_with([' ', '\n']) {
            continue;
        }
        let name = ident(&clean[from..]).to_string();
        let Some(open) = clean[from..].find('{').map(|o| from + o) else { break };
        let mut depth = 0;
        let mut member = String::new();
        let mut members = Vec::new();
        let mut end = clean.len();
        for (i, c) in clean[open..].char_indices() {
            match c {
                '{' | '(' | '<' | '[' => {
                    depth += 1;
                    if depth == 1 {
                        continue;
                    }
                }
                '}' | ')' | '>' | ']' => {
                    depth -= 1;
                    if depth == 0 {
                        end = open + i;
                        members.push(std::mem::take(&mut member));
                        break;
                    }
                }
                ';' | '\n' if depth == 1 => {
                    members.push(std::mem::take(&mut member));
                    continue;
                }
                _ => {}
            }
            member.push(c);
        }
        let fields = members
            .iter()
            .map(|m| m.trim().trim_start_matches("readonly "))
            .filter_map(|m| {
                let name = ident(m);
                let after = m[name.len()..].trim_start();
                (!name.is_empty() && (after.starts_with(':') || after.starts_with("?:"))).then(|| name.to_string())
            })
            .collect();
        let line = clean[..start].matches('\n').count() + 1;
        out.push((name, fields, line));
        from = end.max(from);
    }
    out
}

/// Compares a record's fields on a surface (`at`: where) with the declared ones; `fix` says
/// what to do about a difference.
fn compare_fields(at: &str, record: &str, listed: &[String], declared: &[&str], fix: &str) -> Vec<String> {
    let mut problems = Vec::new();
    for f in declared.iter().filter(|f| !listed.iter().any(|l| l == *f)) {
        problems.push(format!("{at}: `{record}` lacks the field `{f}` that RECORDS in {DECLARATION} declares: {fix}"));
    }
    for f in listed.iter().filter(|l| !declared.contains(&l.as_str())) {
        problems.push(format!(
            "{at}: `{record}` has the field `{f}`, which RECORDS in {DECLARATION} does not declare: {fix}"
        ));
    }
    problems
}

/// Checks the records a target has against the declaration, both ways: `found` as
/// `(name, fields, file, line)`.
fn compare_records(target: Target, found: &[(String, Vec<String>, &str, usize)], add: &str) -> Vec<String> {
    let file = target.file();
    let mut problems = Vec::new();
    for r in RECORDS.iter().filter(|r| r.on(target)) {
        match found.iter().find(|(name, _, _, _)| name == r.name) {
            None => problems.push(format!(
                "{file}: the record `{}` is declared in {DECLARATION} but missing here: add it ({add}), or declare it \
                 missing on Target::{target:?} with a reason in RECORDS",
                r.name
            )),
            Some((_, fields, file, line)) => problems.extend(compare_fields(
                &format!("{file}:{line}"),
                r.name,
                fields,
                r.fields,
                "make the record here and the declaration agree (and the record on the other targets)",
            )),
        }
    }
    for (name, _, file, line) in found {
        match RECORDS.iter().find(|r| r.name == name) {
            None => problems.push(format!(
                "{file}:{line}: the record `{name}` is here but not declared: add it to RECORDS in {DECLARATION} with \
                 its fields and the core struct it mirrors"
            )),
            Some(r) if !r.on(target) => problems.push(format!(
                "{file}:{line}: the record `{name}` is here but declared missing on Target::{target:?}: remove that \
                 entry of its `missing`"
            )),
            Some(_) => {}
        }
    }
    problems
}

#[test]
fn the_records_are_declared_consistently_with_core() {
    let mut problems = Vec::new();
    let mut names = BTreeSet::new();
    for r in RECORDS {
        if !names.insert(r.name) {
            problems.push(format!("{DECLARATION}: the record `{}` is declared twice", r.name));
        }
        for (target, reason) in r.missing {
            if !Record::TARGETS.contains(target) || reason.is_empty() || reason.len() > 120 {
                problems
                    .push(format!("{DECLARATION}: `{}`: Target::{target:?} is no record target, or no reason", r.name));
            }
        }
        if let Some((file, ty)) = r.core {
            match core_fields(file, ty) {
                None => problems.push(format!(
                    "{file}: no `pub struct {ty}` deriving Serialize: the record `{}` in {DECLARATION} names it",
                    r.name
                )),
                Some(fields) => problems.extend(compare_fields(
                    file,
                    &format!("{ty} (the record {})", r.name),
                    &fields,
                    r.fields,
                    "core's serialised fields are the record's: make RECORDS follow core, then the targets",
                )),
            }
        }
    }
    report(DECLARATION, problems);
}

#[test]
fn the_uniffi_records_match_the_declaration() {
    let mut found = Vec::new();
    for file in [Target::Uniffi.file(), "bindings/src/records.rs"] {
        for (name, fields, line) in derived_structs(&read(file), "uniffi::Record") {
            found.push((name, fields, file, line));
        }
    }
    report(
        "the UniFFI records",
        compare_records(Target::Uniffi, &found, "a #[derive(uniffi::Record)] struct in bindings/src/records.rs"),
    );
}

#[test]
fn the_typescript_interfaces_match_the_declaration() {
    let found: Vec<_> = dts_interfaces(&read(Target::JsTypes.file()))
        .into_iter()
        // The error thrown, not a record.
        .filter(|(name, _, _)| name != "TetsuzukiError")
        .map(|(name, fields, line)| (name, fields, Target::JsTypes.file(), line))
        .collect();
    report(
        Target::JsTypes.file(),
        compare_records(Target::JsTypes, &found, "an `export interface` with its fields' types"),
    );
}
