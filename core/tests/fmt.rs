//! `tetsuzuki fmt`'s layout (`tetsuzuki::layout`): every fixture laid out reads back as the
//! same values and is its own layout; any string survives; comments stay; the key order follows
//! the model; a messy sample's layout is a snapshot.

use std::path::{Path, PathBuf};

use proptest::prelude::*;
use serde_json::Value;
use tetsuzuki::layout::{LayoutError, known_orders, lay_out};
use tetsuzuki::source::{Limits, Node, NodeValue, read_documents};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../fixtures")
}

fn yaml_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            yaml_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "yaml" || e == "yml") {
            out.push(path);
        }
    }
}

/// The documents' values as JSON (key order aside: JSON objects here are sorted maps).
fn values(text: &str) -> Vec<Value> {
    read_documents(text, Limits::default())
        .expect("reads")
        .iter()
        .filter(|n| n.value != NodeValue::Null)
        .map(Node::to_json)
        .collect()
}

#[test]
fn every_fixture_reads_back_the_same_once_laid_out_and_is_stable() {
    let mut files = Vec::new();
    for dir in ["model", "towns", "invalid", "fmt"] {
        yaml_files(&fixtures().join(dir), &mut files);
    }
    assert!(files.len() > 150, "found only {} fixture files", files.len());
    let mut laid_out = 0;
    for path in &files {
        let Ok(text) = std::fs::read_to_string(path) else { continue }; // not UTF-8: not laid out
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
        if text.contains('\0') {
            continue;
        }
        let name = path.display();
        match read_documents(text, Limits::default()) {
            Err(e) => {
                // YAML the loader refuses is refused the same way, at the same place.
                let refused = lay_out(text).expect_err("unreadable YAML is not laid out");
                assert_eq!((refused.code, refused.at), (e.code, e.at), "{name}");
            }
            Ok(_) => {
                let out = lay_out(text).unwrap_or_else(|e| panic!("{name}: {e:?}"));
                assert_eq!(values(&out), values(text), "{name}: the values changed");
                assert_eq!(lay_out(&out).as_deref(), Ok(out.as_str()), "{name}: not stable");
                assert!(out.ends_with('\n') && !out.ends_with("\n\n"), "{name}: one final line break");
                for (i, line) in out.lines().enumerate() {
                    assert_eq!(line, line.trim_end(), "{name}:{}: trailing spaces", i + 1);
                }
                // Every comment is still there, as often.
                let comments = |t: &str| {
                    let mut c: Vec<String> = t
                        .lines()
                        .filter_map(|l| l.trim_start().strip_prefix('#').map(|c| c.trim_end().to_string()))
                        .collect();
                    c.sort();
                    c
                };
                assert_eq!(comments(&out), comments(text), "{name}: own-line comments");
                laid_out += 1;
            }
        }
    }
    assert!(laid_out > 150, "laid out only {laid_out} files");
}

#[test]
fn the_sample_files_keep_their_header_lines_on_top() {
    let text = std::fs::read_to_string(fixtures().join("model/procedures/tennyu.yaml")).unwrap();
    let out = lay_out(&text).unwrap();
    let head: Vec<&str> = out.lines().take(3).collect();
    assert!(head[0].starts_with("# yaml-language-server: $schema="), "{head:?}");
    assert!(head[1].starts_with("# SAMPLE DATA"), "{head:?}");
    assert_eq!(head[2], "kind: procedure");
}

#[test]
fn a_messy_file_is_laid_out_canonically() {
    let text = std::fs::read_to_string(fixtures().join("fmt/messy.yaml")).unwrap();
    let out = lay_out(&text).unwrap();
    insta::assert_snapshot!("messy", out);
}

#[test]
fn comments_stay_with_what_they_describe() {
    let text = "\
# header
id: x   # the id
kind: procedure

# before the form
form:
  pages:
    # the first page
    - title: {en: A, ja: あ}  # a title
      id: p
      fields: []
# at the end
";
    let out = lay_out(text).unwrap();
    assert_eq!(
        out,
        "\
# header
kind: procedure
id: x # the id

# before the form
form:
  pages:
    # the first page
    - id: p
      title: {ja: あ, en: A} # a title
      fields: []
# at the end
"
    );
}

#[test]
fn values_keep_their_meaning() {
    let text = "\
kind: town
code: \"063657\"
a: '1'
b: \"true\"
c: 'no'
d: \"!is_head\"
e: \"Hours: 8:30\"
f: \" padded \"
g: 'it''s # not a comment'
h: \"2025-04-01\"
i: \"\"
j: \"a\\nb\"
k: 0x1F
l: 1.50
m: ~
p: True
o: plain text
";
    let out = lay_out(text).unwrap();
    assert_eq!(values(&out), values(text));
    for line in [
        "code: \"063657\"",
        "a: \"1\"",
        "b: \"true\"",
        "c: \"no\"",
        "d: \"!is_head\"",
        "e: \"Hours: 8:30\"",
        "f: \" padded \"",
        "g: \"it's # not a comment\"",
        "h: \"2025-04-01\"",
        "i: \"\"",
        "j: \"a\\nb\"",
        "k: 0x1F",
        "l: 1.50",
        "m: ~",
        "p: true",
        "o: plain text",
    ] {
        assert!(out.lines().any(|l| l == line), "missing `{line}` in:\n{out}");
    }
}

#[test]
fn block_scalars_stay_block_scalars() {
    let text = "rules:\n    -   id: r\n        check: >-\n            a ||\n              b\n        message: |\n            one\n\n            two\n";
    let out = lay_out(text).unwrap();
    assert_eq!(
        out,
        "rules:\n  - id: r\n    check: >-\n      a ||\n        b\n    message: |\n      one\n\n      two\n"
    );
    assert_eq!(values(&out), values(text));
}

#[test]
fn long_flow_texts_are_written_in_block_style() {
    let long = "x".repeat(200);
    let text = format!("kind: procedure\ntitle: {{ja: あ, en: {long}}}\n");
    let out = lay_out(&text).unwrap();
    assert_eq!(out, format!("kind: procedure\ntitle:\n  ja: あ\n  en: {long}\n"));
}

#[test]
fn unreadable_yaml_is_refused_at_its_place() {
    let e: LayoutError = lay_out("kind: procedure\ntitle: {ja: あ\nid: x\n").unwrap_err();
    assert_eq!(e.code, "yaml-syntax");
    assert_eq!((e.at.line, e.at.column), (2, 8));
}

#[test]
fn the_key_order_follows_every_object_of_the_schema() {
    let schema = tetsuzuki::schema::definition_schema();
    let (defs, kinds) = known_orders();
    let keys = |v: &Value| -> Vec<String> {
        let mut k: Vec<String> = v["properties"].as_object().unwrap().keys().cloned().collect();
        k.sort();
        k
    };
    for (name, def) in schema["$defs"].as_object().unwrap() {
        if def.get("properties").is_none() {
            continue;
        }
        let Some((_, fields)) = defs.iter().find(|(n, _)| n == name) else {
            panic!("the schema's object `{name}` has no model type listed in layout::def_fields")
        };
        let mut fields: Vec<String> = fields.iter().map(|f| f.to_string()).collect();
        fields.sort();
        assert_eq!(fields, keys(def), "{name}");
    }
    for branch in schema["oneOf"].as_array().unwrap() {
        let kind = branch["properties"]["kind"]["const"].as_str().unwrap();
        let Some((_, fields)) = kinds.iter().find(|(k, _)| *k == kind) else {
            panic!("the document kind `{kind}` has no model type listed in layout::kind_fields")
        };
        let mut fields: Vec<String> = fields.iter().map(|f| f.to_string()).chain(["kind".to_string()]).collect();
        fields.sort();
        assert_eq!(fields, keys(branch), "{kind}");
    }
}

/// Strings rich in what YAML treats specially.
fn tricky() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        proptest::collection::vec(
            prop_oneof![
                Just(": ".to_string()),
                Just(" #".to_string()),
                Just("#".to_string()),
                Just("'".to_string()),
                Just("\"".to_string()),
                Just("\\".to_string()),
                Just("!".to_string()),
                Just("&".to_string()),
                Just("*".to_string()),
                Just("-".to_string()),
                Just("? ".to_string()),
                Just(",".to_string()),
                Just("[".to_string()),
                Just("}".to_string()),
                Just(" ".to_string()),
                Just("\n".to_string()),
                Just("\t".to_string()),
                Just("|".to_string()),
                Just(">".to_string()),
                Just("%".to_string()),
                Just("@".to_string()),
                Just("`".to_string()),
                Just("---".to_string()),
                Just("...".to_string()),
                Just("1".to_string()),
                Just("0x".to_string()),
                Just(".5".to_string()),
                Just("e3".to_string()),
                Just("true".to_string()),
                Just("null".to_string()),
                Just("~".to_string()),
                Just("no".to_string()),
                Just("あ".to_string()),
                Just("x".to_string()),
            ],
            0..8
        )
        .prop_map(|parts| parts.concat()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// Any string, as a value, a key, an item and inside a flow text, reads back as itself.
    #[test]
    fn any_string_survives(s in tricky()) {
        // JSON's string syntax is YAML's double-quoted one.
        let q = serde_json::to_string(&s).unwrap();
        let text = format!("kind: procedure\nnote: {q}\n{q}: 1\nlist:\n  - {q}\ntitle: {{en: {q}, ja: {q}}}\nflow: [{q}, x]\n");
        // Characters YAML does not allow in a file (C1 controls, a BOM inside) are not ours.
        prop_assume!(read_documents(&text, Limits::default()).is_ok());
        let out = lay_out(&text).map_err(|e| TestCaseError::fail(format!("{e:?}\n{text}")))?;
        prop_assert_eq!(values(&out), values(&text), "{}", out);
        let doc = &read_documents(&out, Limits::default()).unwrap()[0];
        prop_assert_eq!(doc.get("note").and_then(Node::as_str), Some(s.as_str()));
        let again = lay_out(&out);
        prop_assert_eq!(again.as_deref(), Ok(out.as_str()));
    }
}
