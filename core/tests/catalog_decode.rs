//! The catalogue decoder (`model::decode`) reads exactly what serde_json reads into a
//! `CompiledCatalog`: the same values from every sample town and from a generated catalogue,
//! the same acceptance for mutations of a real catalogue, never a panic; and its errors say
//! where and what.

mod support;

use std::sync::OnceLock;

use proptest::prelude::*;
use serde_json::{Value, json};
use support::{load_samples, sample_catalog};
use tetsuzuki::catalog::{CatalogError, CompiledCatalog};
use tetsuzuki::model::decode;

#[path = "../benches/support/generate.rs"]
mod generate;

/// Decodes with both; they must agree on acceptance and, when both accept, on the value.
/// Returns whether they accepted.
fn agree(text: &str) -> bool {
    let ours = decode::catalog(text);
    let serde = serde_json::from_str::<CompiledCatalog>(text);
    match (&ours, &serde) {
        (Ok(a), Ok(b)) => {
            assert_eq!(a, b, "different values for {}", short(text));
            true
        }
        (Err(CatalogError::Malformed(_)), Err(_)) => false,
        _ => panic!(
            "decoder {:?} but serde_json {:?} for {}",
            ours.as_ref().map(|_| "accepts").map_err(|e| e.to_string()),
            serde.as_ref().map(|_| "accepts").map_err(|e| e.to_string()),
            short(text)
        ),
    }
}

fn short(text: &str) -> String {
    if text.len() <= 600 {
        text.to_string()
    } else {
        format!("{}… ({} bytes)", &text[..text.floor_char_boundary(600)], text.len())
    }
}

fn oishida_json() -> &'static str {
    static JSON: OnceLock<String> = OnceLock::new();
    JSON.get_or_init(|| sample_catalog("oishida").to_json())
}

#[test]
fn every_sample_town_decodes_as_serde_json_does() {
    let (defs, diagnostics) = load_samples();
    assert!(diagnostics.is_empty());
    let mut towns = 0;
    for (_, doc) in defs.typed() {
        if let tetsuzuki::model::Document::Town(t) = doc {
            let compiled = tetsuzuki::compile::compile(defs.typed().map(|(_, d)| d), &t.id).unwrap();
            let json = compiled.to_json();
            assert!(agree(&json), "{} is accepted", t.id);
            assert_eq!(decode::catalog(&json).unwrap(), compiled);
            assert_eq!(CompiledCatalog::from_json(&json).unwrap(), compiled);
            // Pretty-printed (whitespace everywhere, keys in other orders) reads the same.
            let value: Value = serde_json::from_str(&json).unwrap();
            assert!(agree(&serde_json::to_string_pretty(&value).unwrap()));
            towns += 1;
        }
    }
    assert_eq!(towns, 3);
}

#[test]
fn a_generated_catalogue_decodes_as_serde_json_does() {
    let sources =
        generate::generated_model(60).into_iter().map(|(n, t)| tetsuzuki::definitions::SourceFile::new(n, t)).collect();
    let (defs, _) = tetsuzuki::check::check_sources(sources);
    let compiled = tetsuzuki::compile::compile(defs.typed().map(|(_, d)| d), "gen").unwrap();
    let json = compiled.to_json();
    assert!(agree(&json));
    assert_eq!(CompiledCatalog::from_json(&json).unwrap(), compiled);
}

/// A catalogue with every field of every type set to a value that is not its default (so a
/// field read into the wrong place shows).
fn kitchen_sink() -> Value {
    let text =
        |s: &str| json!({"ja": format!("{s}・日本語"), "en": format!("{s} en"), "ja-easy": format!("{s} やさしい")});
    let rule = |id: &str| {
        json!({"id": id, "check": format!("{id}_check"), "when": format!("{id}_when"), "severity": "warning",
               "message": text(&format!("{id} message")), "fix": text(&format!("{id} fix")), "fields": [format!("{id}_f1"), format!("{id}_f2")]})
    };
    let inner = json!({"id": "inner", "type": "text", "label": text("inner label")});
    let field = json!({
        "id": "everything", "concept": "person.name", "type": "group", "label": text("label"), "hint": text("hint"),
        "required": "has_children", "show_if": "shown", "prefill": "verified", "autocomplete": "name",
        "min_length": 1, "max_length": 2, "min": -3.5, "max": 4.25, "not_future": true, "not_past": true,
        "repertoire": "jis_x_0213", "options": [{"value": "v", "label": text("option")}], "code_list": "list",
        "fields": [inner], "min_items": 5, "max_items": 6, "max_size_kb": 7, "accept": ["application/pdf"],
        "rules": [rule("field_rule")], "change": "extend"
    });
    let legal = json!({"law": "住民基本台帳法", "article": "第22条"});
    json!({
        "format": "tetsuzuki-catalog/1",
        "content_hash": "sha256-0",
        "town": {
            "sample": true, "id": "t", "code": "063410", "name": text("town"), "prefecture": text("pref"),
            "model_version": "1.0.0", "region": "r", "offer_all": true,
            "departments": [{"id": "d", "name": text("dept"), "phone": "023", "email": "a@b.jp",
                             "location": text("loc"), "hours": text("hours")}],
            "procedures": [{"procedure": "p", "department": "d2", "fee": {"amount": 300, "per": text("per")},
                            "offered": false,
                            "fields": [{"field": "f", "label": text("ol"), "hint": text("oh"), "required": false,
                                        "min_length": 11, "max_length": 12, "min": 13.5, "max": 14.5,
                                        "min_items": 15, "max_items": 16, "options": ["v"],
                                        "rules": [rule("town_rule")]}],
                            "local_fields": [{"page": "pg", "fields": [inner]}]}],
            "life_events": ["e"]
        },
        "concepts": [{"id": "person.name", "label": text("concept"), "description": text("desc"), "type": "person_name",
                      "code_list": "cl", "sensitivity": "specific_personal", "mappings": {"imi": "ic:氏名", "a b": "x"}}],
        "code_lists": [{"sample": true, "id": "cl", "version": "2025-04-01", "title": text("list"),
                        "codes": [{"code": "06", "label": text("code")}]}],
        "procedures": [{
            "sample": true, "id": "p", "version": "1.2.3", "title": text("proc"), "summary": text("summary"),
            "type": "authority", "legal_basis": [legal], "department": "d", "channels": ["online", "post"],
            "online_completion": true, "identity": "my_number_card_login",
            "documents": [{"title": text("doc"), "when": "doc_when"}], "fee": {"amount": 200, "per": text("per")},
            "deadline": {"anchor": "move.date", "days": 14, "months": 3, "counting": "including_first_day",
                         "rollover": "none", "variant": {"when": "abroad", "days": 90, "months": 1},
                         "consequence": text("late"), "basis": legal},
            "form": {"pages": [{"id": "pg", "title": text("page"), "show_if": "page_if", "fields": [field]}],
                     "rules": [rule("form_rule")]},
            "change": "frozen", "town": "t"
        }],
        "life_events": [{"sample": true, "id": "e", "title": text("event"), "summary": text("event summary"),
                         "date": "move.date", "questions": [{"id": "q", "type": "boolean", "required": false,
                                                             "prefill": "none", "repertoire": "ascii"}],
                         "procedures": [{"procedure": "p", "when": "q", "reason": text("reason")}]}]
    })
}

#[test]
fn every_field_of_every_type_lands_where_serde_puts_it() {
    let sink = kitchen_sink();
    let text = serde_json::to_string(&sink).unwrap();
    assert!(agree(&text));
    let decoded = decode::catalog(&text).unwrap();
    // Serialising gives back every key: no field was left at its default.
    assert_eq!(serde_json::to_value(&decoded).unwrap(), sink);
}

/// A small catalogue with one procedure whose one page has `field` (JSON text).
fn with_field(field: &str) -> String {
    format!(
        r#"{{"format":"tetsuzuki-catalog/1","content_hash":"x","town":{{"id":"t","code":"1","name":{{}},"prefecture":{{}},"departments":[]}},"concepts":[],"code_lists":[],"procedures":[{{"id":"p","version":"1","title":{{"ja":"a"}},"type":"application","department":"d","form":{{"pages":[{{"id":"pg","title":{{}},"fields":[{field}]}}]}}}}],"life_events":[]}}"#
    )
}

#[test]
fn a_towns_kept_choices_and_added_rules_are_read_as_serde_json_reads_them() {
    let with_override = |o: &str| {
        with_field(r#"{"id":"a"}"#).replacen(
            r#""departments":[]"#,
            &format!(r#""departments":[],"procedures":[{{"procedure":"p","fields":[{o}]}}]"#),
            1,
        )
    };
    let accepted = [
        r#"{"field":"f","options":null}"#,
        r#"{"field":"f","options":[]}"#,
        r#"{"field":"f","options":["1","06"],"rules":[]}"#,
        r#"{"field":"f","rules":[{"id":"r","check":"f > 1","message":{"ja":"m"},"fix":{"ja":"x"}}]}"#,
    ];
    for o in accepted {
        assert!(agree(&with_override(o)), "accepted: {o}");
    }
    let refused = [
        r#"{"field":"f","options":[1]}"#,
        r#"{"field":"f","options":"1"}"#,
        r#"{"field":"f","options":[null]}"#,
        r#"{"field":"f","rules":null}"#,
        r#"{"field":"f","rules":[{"id":"r"}]}"#,
    ];
    for o in refused {
        assert!(!agree(&with_override(o)), "refused: {o}");
    }
    // `options: []` is kept as written (the checker reports it), not read as no override.
    let text = with_override(r#"{"field":"f","options":[]}"#);
    let town = decode::catalog(&text).unwrap().town;
    assert_eq!(town.procedures[0].fields[0].options, Some(Vec::new()));
}

#[test]
fn corner_cases_of_serde_semantics_agree() {
    let accepted = [
        r#"{"id":"a"}"#,
        r#"{"id":"a","label":null,"min":null,"type":null}"#,
        r#"{"id":"a","type":{"text":null}}"#,
        r#"{"id":"a","type":"text","required":false}"#,
        r#"{"id":"a","required":"x > 1"}"#,
        r#"{"id":"a","label":["ja","en",null]}"#,
        r#"{"id":"a","label":[]}"#,
        r#"["a"]"#,
        r#"["a",null,"date"]"#,
        r#"{"id":"\u0061\n\"\\\/\b\f\r\t\u00e9\u3042\ud83d\ude00"}"#,
        r#"{"id":"日本語の😀"}"#,
        r#"{"id":"a","min":-0,"max":1e2}"#,
        r#"{"id":"a","min":-1.5e-3,"max":1E+2}"#,
        r#"{"id":"a","min":12345678901234567890,"max":0.1}"#,
        r#"{"id":"a","min":1e-400}"#,
        r#"{"id":"a","min":0.30000000000000004,"max":1.7976931348623157e308}"#,
        r#"{"id":"a","min":2.2250738585072011e-308,"max":5e-324}"#,
        r#"{"id":"a","min":9007199254740993,"max":123456789012345678901234567890.123456789e-10}"#,
        r#"{"id":"a","max_length":4294967295,"min_length":0}"#,
        r#"{ "id" : "a" , "fields" : [ ] , "options" : [ { "value" : "v" , "label" : { } } ] }"#,
        "\t\r\n{\"id\":\"a\"}\n",
    ];
    for f in accepted {
        assert!(agree(&with_field(f)), "accepted: {f}");
    }
    let refused = [
        r#"{"id":"a","id":"b"}"#,
        r#"{"id":"a","label":{"ja":"x","ja":"y"}}"#,
        r#"{"id":"a","unknown":1}"#,
        r#"{"id":"a","label":{"fr":"x"}}"#,
        r#"{}"#,
        r#"[]"#,
        r#"["a",null,"date",null,null,true,null,null,null,null,null,null,null,false,false,null,[],null,[],null,null,null,[],[],null,1]"#,
        r#"{"id":"a","type":"txt"}"#,
        r#"{"id":"a","type":{"text":1}}"#,
        r#"{"id":"a","type":{"text":null,"date":null}}"#,
        r#"{"id":"a","type":{}}"#,
        r#"{"id":"a","required":null}"#,
        r#"{"id":"a","required":1}"#,
        r#"{"id":"a","not_future":null}"#,
        r#"{"id":"a","fields":null}"#,
        r#"{"id":"a","fields":{}}"#,
        r#"{"id":"a","min":"1"}"#,
        r#"{"id":"a","min":1e400}"#,
        r#"{"id":"a","min":-1e400}"#,
        r#"{"id":"a","min":01}"#,
        r#"{"id":"a","min":1.}"#,
        r#"{"id":"a","min":.5}"#,
        r#"{"id":"a","min":+1}"#,
        r#"{"id":"a","min":1e}"#,
        r#"{"id":"a","max_length":4294967296}"#,
        r#"{"id":"a","max_length":-1}"#,
        r#"{"id":"a","max_length":-0}"#,
        r#"{"id":"a","max_length":1.0}"#,
        r#"{"id":"a","max_length":1e2}"#,
        r#"{"id":"a","max_length":18446744073709551616}"#,
        r#"{"id":"\ud800"}"#,
        r#"{"id":"\udc00"}"#,
        r#"{"id":"\ud800\u0041"}"#,
        r#"{"id":"\ud800\ud800"}"#,
        r#"{"id":"\x"}"#,
        r#"{"id":"\u12"}"#,
        "{\"id\":\"a\u{1}\"}",
        "{\"id\":\"a\tb\"}",
        r#"{"id":"a",}"#,
        r#"{"id":"a" "x":1}"#,
        r#"{"id" "a"}"#,
        r#"{id:"a"}"#,
        r#"{"id":'a'}"#,
        r#"{"id":"a"}}"#,
        r#"{"id":nul}"#,
        r#"{"id":"a","not_past":True}"#,
    ];
    for f in refused {
        assert!(!agree(&with_field(f)), "refused: {f}");
    }
}

#[test]
fn maps_keep_the_last_of_repeated_keys_as_serde_does() {
    let json = oishida_json().replacen(r#""mappings":{"#, r#""mappings":{"k":"1","k":"2","#, 1);
    assert_ne!(json, oishida_json(), "the samples have mappings");
    assert!(agree(&json));
}

#[test]
fn text_after_the_catalogue_or_before_it_is_refused() {
    let json = oishida_json();
    assert!(agree(json));
    for bad in [format!("{json}x"), format!("{json}{{}}"), format!("{json},"), format!("\u{feff}{json}"), String::new()]
    {
        assert!(!agree(&bad));
    }
    assert!(agree(&format!(" \n{json}\r\n\t ")));
}

#[test]
fn nesting_stops_where_serde_json_stops() {
    // A group inside a group: each level is an object and an array.
    for levels in [60, 61, 62, 63, 64, 200] {
        let mut field = r#"{"id":"leaf"}"#.to_string();
        for _ in 0..levels {
            field = format!(r#"{{"id":"g","type":"group","fields":[{field}]}}"#);
        }
        agree(&with_field(&field));
    }
    // Deep nesting anywhere (10,000 levels) is an error, not a stack overflow.
    let deep = format!(r#"{{"id":"a","required":{}{}}}"#, "[".repeat(10_000), "]".repeat(10_000));
    assert!(!agree(&with_field(&deep)));
    let deep = format!(r#"{{"id":"a","label":{}"#, r#"{"ja":"#.repeat(10_000));
    assert!(!agree(&with_field(&deep)));
}

#[test]
fn every_field_type_word_is_the_one_serde_writes() {
    for t in tetsuzuki::model::FieldType::ALL {
        let word = serde_json::to_string(&t).unwrap();
        assert!(agree(&with_field(&format!(r#"{{"id":"a","type":{word}}}"#))));
        let decoded = decode::catalog(&with_field(&format!(r#"{{"id":"a","type":{word}}}"#))).unwrap();
        assert_eq!(decoded.procedures[0].form.pages[0].fields[0].field_type, Some(t));
    }
}

/// The error of loading `text` (through `from_json`, as hosts do).
fn error_of(text: &str) -> String {
    match CompiledCatalog::from_json(text) {
        Err(e) => e.to_string(),
        Ok(_) => "accepted".into(),
    }
}

#[test]
fn errors_say_where_and_what() {
    let json = oishida_json();
    let pretty = serde_json::to_string_pretty(&serde_json::from_str::<Value>(json).unwrap()).unwrap();
    let cases: Vec<(&str, String)> = vec![
        (
            "a field type misspelt",
            json.replacen(r#""concept":"move.date","type":"date""#, r#""concept":"move.date","type":"dat""#, 1),
        ),
        (
            "a field type unknown",
            json.replacen(r#""concept":"move.date","type":"date""#, r#""concept":"move.date","type":"txt""#, 1),
        ),
        ("a number for a text", json.replacen(r#""en":"Date you moved in""#, r#""en":5"#, 1)),
        ("a required key missing", json.replacen(r#"{"id":"move_date","#, "{", 1)),
        ("an unknown key", json.replacen(r#""show_if":"#, r#""shw_if":"#, 1)),
        ("a repeated key", json.replacen(r#"{"id":"move_date","#, r#"{"id":"move_date","id":"x","#, 1)),
        ("a string for a number", json.replacen(r#""max_length":"#, r#""max_length":"1","x":"#, 1)),
        ("a negative length", json.replacen(r#""max_length":"#, r#""max_length":-"#, 1)),
        ("null for a list", json.replacen(r#""code_lists":["#, r#""code_lists":null,"x":["#, 1)),
        ("cut short", json[..json.floor_char_boundary(json.len() / 2)].to_string()),
        ("text after the end", format!("{json} x")),
        ("a broken escape", json.replacen(r#""id":"move_date""#, r#""id":"move\qdate""#, 1)),
        ("a lone surrogate", json.replacen(r#""id":"move_date""#, r#""id":"move\ud800date""#, 1)),
        ("a missing comma, pretty-printed", pretty.replacen("\"id\": \"move_date\",", "\"id\": \"move_date\"", 1)),
        ("not JSON", "<html>".to_string()),
        ("empty", String::new()),
        ("too deep", {
            let mut field = r#"{"id":"leaf"}"#.to_string();
            for _ in 0..70 {
                field = format!(r#"{{"id":"g","type":"group","fields":[{field}]}}"#);
            }
            with_field(&field)
        }),
    ];
    let mut out = String::new();
    for (name, text) in &cases {
        assert!(!agree(text), "{name} is refused by both");
        out.push_str(&format!("{name}:\n  {}\n", error_of(text)));
    }
    insta::assert_snapshot!("decode_errors", out);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, .. ProptestConfig::default() })]

    /// Mutations of a real catalogue: a key dropped, renamed or added; a value replaced by
    /// one of another JSON type; the text cut short or spliced.
    #[test]
    fn mutations_are_read_as_serde_json_reads_them(
        which in any::<prop::sample::Index>(),
        kind in 0u8..5,
        replacement in 0usize..REPLACEMENTS.len(),
        name in prop::sample::select(NAMES.to_vec()),
    ) {
        let mut value: Value = serde_json::from_str(oishida_json()).unwrap();
        let mut spots = Vec::new();
        collect(&value, &mut Vec::new(), &mut spots);
        let spot = which.get(&spots).clone();
        mutate(&mut value, &spot, kind, replacement, name);
        agree(&serde_json::to_string(&value).unwrap());
    }

    #[test]
    fn cut_and_spliced_texts_are_read_as_serde_json_reads_them(
        cut in any::<prop::sample::Index>(), len in 0usize..12, insert in "[\\PC\"{}\\[\\],:\\\\0-9a-z]{0,6}"
    ) {
        let json = oishida_json();
        let at = json.floor_char_boundary(cut.index(json.len() + 1));
        agree(&json[..at]);
        let end = json.floor_char_boundary((at + len).min(json.len()));
        agree(&format!("{}{insert}{}", &json[..at], &json[end..]));
    }

    #[test]
    fn duplicated_keys_are_read_as_serde_json_reads_them(which in any::<prop::sample::Index>()) {
        // Repeat the key that follows some `{` (a struct's field or a map's key).
        let json = oishida_json();
        let opens: Vec<usize> = json.match_indices("{\"").map(|(i, _)| i).collect();
        let at = *which.get(&opens) + 1;
        if let Some(colon) = json[at..].find("\":").map(|c| at + c + 2) {
            let key = &json[at..colon];
            agree(&format!("{}{key}null,{}", &json[..at], &json[at..]));
            agree(&format!("{}{key}{{}},{}", &json[..at], &json[at..]));
        }
    }

    #[test]
    fn string_contents_are_read_as_serde_json_reads_them(raw in "([a-z\\\\\"\u{0}-\u{1f}\u{7f}é日😀/]|\\\\u[0-9a-fA-FdD]{0,4}){0,40}") {
        // Written into the text as is: quotes, backslashes and control characters at any
        // offset (the decoder skips plain bytes eight at a time).
        agree(&with_field(&format!(r#"{{"id":"{raw}"}}"#)));
        agree(&with_field(&format!(r#"{{"id":"a","label":{{"ja":"{raw}","en":"{raw}{raw}"}}}}"#)));
    }

    #[test]
    fn any_text_is_refused_or_read_without_panicking(text in "\\PC{0,200}") {
        agree(&text);
    }
}

const REPLACEMENTS: [&str; 14] = [
    "null",
    "true",
    "false",
    "0",
    "-1",
    "1.5",
    "4294967296",
    "\"\"",
    "\"text\"",
    "\"none\"",
    "[]",
    "{}",
    "[null]",
    "{\"ja\":\"x\"}",
];

/// Names the model uses, to rename or add keys with.
const NAMES: [&str; 12] =
    ["id", "type", "label", "fields", "required", "ja-easy", "sample", "offered", "zzz", "mappings", "when", "days"];

#[derive(Clone, Debug)]
enum Step {
    Key(String),
    Index(usize),
}

/// Every value's path.
fn collect(value: &Value, path: &mut Vec<Step>, out: &mut Vec<Vec<Step>>) {
    out.push(path.clone());
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                path.push(Step::Key(k.clone()));
                collect(v, path, out);
                path.pop();
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                path.push(Step::Index(i));
                collect(v, path, out);
                path.pop();
            }
        }
        _ => {}
    }
}

fn mutate(root: &mut Value, path: &[Step], kind: u8, replacement: usize, name: &str) {
    let Some((last, parent_path)) = path.split_last() else {
        if kind == 3 {
            *root = serde_json::from_str(REPLACEMENTS[replacement]).unwrap();
        }
        return;
    };
    let mut parent = root;
    for step in parent_path {
        parent = match step {
            Step::Key(k) => &mut parent[k.as_str()],
            Step::Index(i) => &mut parent[*i],
        };
    }
    match (kind, last, parent) {
        (0, Step::Key(k), Value::Object(map)) => {
            map.remove(k);
        }
        (0, Step::Index(i), Value::Array(items)) => {
            items.remove(*i);
        }
        (1, Step::Key(k), Value::Object(map)) => {
            if let Some(v) = map.remove(k) {
                map.insert(name.to_string(), v);
            }
        }
        (2, _, Value::Object(map)) => {
            map.insert(name.to_string(), serde_json::from_str(REPLACEMENTS[replacement]).unwrap());
        }
        (_, Step::Key(k), Value::Object(map)) => {
            map.insert(k.clone(), serde_json::from_str(REPLACEMENTS[replacement]).unwrap());
        }
        (_, Step::Index(i), Value::Array(items)) => {
            items[*i] = serde_json::from_str(REPLACEMENTS[replacement]).unwrap();
        }
        _ => {}
    }
}
