//! Choice types: `boolean`, `consent`, `choice`, `multi_choice` and `code`.
//!
//! - `boolean` and `consent` take JSON `true`/`false` and the strings `true`, `false`, `yes`,
//!   `no`, `はい`, `いいえ` (any case, any width, trimmed); the one right form is a JSON bool.
//!   A consent must be `true` (`consent.not_given`).
//! - `choice` takes one option value (a string; a JSON number is read as its digits, for
//!   numeric values such as `"1"`); values are compared exactly after trimming and folding
//!   full-width forms, because option values are ids, not words.
//! - `multi_choice` takes a list of option values (a single value is read as a list of one).
//!   Repeated values count once and empty strings are not choices; the one right form lists
//!   the values in the order of the field's options, so the same choices always read the
//!   same. `min_items`/`max_items` count the distinct values.
//! - `code` takes one code of the code list the field names (`code_list`), looked up in the
//!   catalogue's lists ([`Context::code_lists`]). Codes are compared exactly; a code of digits
//!   also matches the one code that differs only in leading zeros (`6` → `06`). A field whose
//!   list the catalogue lacks (a definition problem) gets `code.list_missing`, not a panic. A
//!   field that carries `options` (a town kept only some codes) takes only those codes: any
//!   other code of the list is `code.unknown` there.
//!
//! No message names the value given: an unknown value is a widget or host problem, and the
//! resident is asked to choose again.

use std::collections::BTreeSet;

use serde_json::Value as Json;

use super::identifiers::plain_cow;
use crate::model::Field;
use crate::validate::{Context, Outcome, Problem, State};
use crate::value::Value;

/// Every problem code the choice types emit.
pub const CODES: &[&str] = &[
    "boolean.wrong_format",
    "consent.wrong_format",
    "consent.not_given",
    "choice.wrong_format",
    "choice.unknown",
    "multi_choice.wrong_format",
    "multi_choice.unknown",
    "multi_choice.too_few",
    "multi_choice.too_many",
    "code.wrong_format",
    "code.unknown",
    "code.list_missing",
];

/// Reads, normalises and judges one non-empty answer.
pub fn interpret(kind: Kind, field: &Field, answer: &Json, cx: &Context<'_>) -> Outcome {
    match kind {
        Kind::Boolean => match read_bool(answer) {
            Some(b) => Outcome::ok(Value::Bool(b), Json::Bool(b)),
            None => Outcome::problem(Problem::error("boolean.wrong_format", State::WrongFormat)),
        },
        Kind::Consent => match read_bool(answer) {
            Some(true) => Outcome::ok(Value::Bool(true), Json::Bool(true)),
            Some(false) => Outcome {
                value: Some(Value::Bool(false)),
                normalized: Some(Json::Bool(false)),
                problems: vec![Problem::error("consent.not_given", State::RuleFailed)],
            },
            None => Outcome::problem(Problem::error("consent.wrong_format", State::WrongFormat)),
        },
        Kind::Choice => choice(field, answer),
        Kind::MultiChoice => multi_choice(field, answer),
        Kind::Code => code(field, answer, cx),
    }
}

/// The choice types: the dispatcher names one for each field type it sends here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `boolean`.
    Boolean,
    /// `consent`.
    Consent,
    /// `choice`.
    Choice,
    /// `multi_choice`.
    MultiChoice,
    /// `code`.
    Code,
}

/// Yes or no, from a JSON bool or a word for it.
fn read_bool(answer: &Json) -> Option<bool> {
    match answer {
        Json::Bool(b) => Some(*b),
        Json::String(s) => match plain_cow(s).to_ascii_lowercase().as_str() {
            "true" | "yes" | "はい" => Some(true),
            "false" | "no" | "いいえ" => Some(false),
            _ => None,
        },
        _ => None,
    }
}

/// One value as text: a string (trimmed, widths folded) or a number's digits.
fn read_value(answer: &Json) -> Option<std::borrow::Cow<'_, str>> {
    match answer {
        Json::String(s) => Some(plain_cow(s)),
        Json::Number(n) => Some(std::borrow::Cow::Owned(n.to_string())),
        _ => None,
    }
}

/// The option of `field` whose value is `value`.
fn option<'f>(field: &'f Field, value: &str) -> Option<&'f str> {
    field.options.iter().map(|o| o.value.as_str()).find(|v| *v == value)
}

fn choice(field: &Field, answer: &Json) -> Outcome {
    let Some(value) = read_value(answer) else {
        return Outcome::problem(Problem::error("choice.wrong_format", State::WrongFormat));
    };
    match option(field, &value) {
        Some(v) => Outcome::ok(Value::String(v.to_string()), Json::String(v.to_string())),
        None => Outcome::problem(Problem::error("choice.unknown", State::Impossible)),
    }
}

fn multi_choice(field: &Field, answer: &Json) -> Outcome {
    let items: Vec<&Json> = match answer {
        Json::Array(a) => a.iter().collect(),
        Json::String(_) | Json::Number(_) => vec![answer],
        _ => return Outcome::problem(Problem::error("multi_choice.wrong_format", State::WrongFormat)),
    };
    let mut chosen = BTreeSet::new();
    let mut unknown = false;
    for item in items {
        let Some(value) = read_value(item) else {
            return Outcome::problem(Problem::error("multi_choice.wrong_format", State::WrongFormat));
        };
        if value.is_empty() {
            continue;
        }
        match option(field, &value) {
            Some(v) => {
                chosen.insert(v);
            }
            None => unknown = true,
        }
    }
    if unknown {
        return Outcome::problem(Problem::error("multi_choice.unknown", State::Impossible));
    }
    // The options' order, each once.
    let values: Vec<String> =
        field.options.iter().map(|o| o.value.as_str()).filter(|v| chosen.remove(v)).map(str::to_string).collect();
    let count = values.len();
    let mut out = Outcome::ok(
        Value::List(values.iter().cloned().map(Value::String).collect()),
        Json::Array(values.into_iter().map(Json::String).collect()),
    );
    if let Some(min) = field.min_items.map(|m| m as usize).filter(|m| count < *m) {
        out.problems.push(
            Problem::error("multi_choice.too_few", State::TooShort)
                .arg("min", min)
                .arg("count", count)
                .arg("need", min - count),
        );
    }
    if let Some(max) = field.max_items.map(|m| m as usize).filter(|m| count > *m) {
        out.problems.push(
            Problem::error("multi_choice.too_many", State::TooLong)
                .arg("max", max)
                .arg("count", count)
                .arg("excess", count - max),
        );
    }
    out
}

fn code(field: &Field, answer: &Json, cx: &Context<'_>) -> Outcome {
    let list = field.code_list.as_deref().and_then(|id| cx.code_lists.iter().find(|l| l.id == id));
    let Some(list) = list else {
        return Outcome::problem(Problem::error("code.list_missing", State::RuleFailed));
    };
    let Some(value) = read_value(answer) else {
        return Outcome::problem(Problem::error("code.wrong_format", State::WrongFormat));
    };
    // The codes this field takes: the town's when it kept some, else the whole list.
    let offered = |c: &&crate::model::Code| field.options.is_empty() || field.options.iter().any(|o| o.value == c.code);
    let exact = list.codes.iter().filter(offered).find(|c| c.code == value);
    let found = exact.or_else(|| {
        // `6` for `06`: only when the digits leave no doubt.
        let is_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        if !is_digits(&value) {
            return None;
        }
        let bare = value.trim_start_matches('0');
        let mut same =
            list.codes.iter().filter(offered).filter(|c| is_digits(&c.code) && c.code.trim_start_matches('0') == bare);
        match (same.next(), same.next()) {
            (Some(c), None) => Some(c),
            _ => None,
        }
    });
    match found {
        Some(c) => Outcome::ok(Value::String(c.code.clone()), Json::String(c.code.clone())),
        None => Outcome::problem(Problem::error("code.unknown", State::Impossible)),
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use serde_json::{Value as Json, json};

    use super::super::identifiers::kit::{self, codes, run};
    use super::*;

    /// The options of the tests' choice fields (reasons for a notification).
    fn reasons() -> Json {
        json!({"options": [
            {"value": "moved_in", "label": {"ja": "転入", "en": "Moved in"}},
            {"value": "birth", "label": {"ja": "出生", "en": "Birth"}},
            {"value": "1", "label": {"ja": "その他", "en": "Other"}},
        ]})
    }

    fn changes(extra: Json) -> Json {
        let mut f = json!({"options": [
            {"value": "address_in", "label": {"ja": "転入", "en": "Moved in"}},
            {"value": "address_within", "label": {"ja": "転居", "en": "Moved within"}},
            {"value": "name", "label": {"ja": "氏名", "en": "Name"}},
        ]});
        if let (Some(o), Some(e)) = (f.as_object_mut(), extra.as_object()) {
            o.extend(e.clone());
        }
        f
    }

    fn code_field() -> Json {
        json!({"code_list": "relationship"})
    }

    #[test]
    fn booleans_read_words_for_yes_and_no() {
        for (answer, want) in [
            (json!(true), true),
            (json!(false), false),
            (json!("true"), true),
            (json!(" YES "), true),
            (json!("ｎｏ"), false),
            (json!("はい"), true),
            (json!("いいえ"), false),
            (json!("False"), false),
        ] {
            let o = run("boolean", &json!({}), &answer);
            assert!(o.problems.is_empty(), "{answer}");
            assert_eq!(o.normalized, Some(json!(want)), "{answer}");
            assert_eq!(o.value, Some(Value::Bool(want)));
        }
        for answer in [json!("maybe"), json!(1), json!([true]), json!({"value": true})] {
            assert_eq!(codes(&run("boolean", &json!({}), &answer)), ["boolean.wrong_format"], "{answer}");
        }
    }

    #[test]
    fn consent_must_be_given() {
        assert!(run("consent", &json!({}), &json!(true)).problems.is_empty());
        assert!(run("consent", &json!({}), &json!("はい")).problems.is_empty());
        let o = run("consent", &json!({}), &json!(false));
        assert_eq!(codes(&o), ["consent.not_given"]);
        assert_eq!(o.value, Some(Value::Bool(false)));
        assert_eq!(codes(&run("consent", &json!({}), &json!("ok"))), ["consent.wrong_format"]);
    }

    #[test]
    fn a_choice_is_one_of_the_options() {
        let o = run("choice", &reasons(), &json!(" moved_in "));
        assert!(o.problems.is_empty());
        assert_eq!(o.normalized, Some(json!("moved_in")));
        assert_eq!(run("choice", &reasons(), &json!(1)).normalized, Some(json!("1")));
        assert_eq!(run("choice", &reasons(), &json!("１")).normalized, Some(json!("1")));
        let o = run("choice", &reasons(), &json!("Moved_In"));
        assert_eq!(codes(&o), ["choice.unknown"]);
        // Nothing of what was sent is repeated.
        assert!(o.problems[0].args.is_empty());
        assert_eq!(codes(&run("choice", &reasons(), &json!(["moved_in"]))), ["choice.wrong_format"]);
    }

    #[test]
    fn multi_choices_count_each_value_once_in_option_order() {
        let o = run("multi_choice", &changes(json!({})), &json!(["name", "address_in", "name", ""]));
        assert!(o.problems.is_empty());
        assert_eq!(o.normalized, Some(json!(["address_in", "name"])));
        assert_eq!(o.value, Some(Value::List(vec![Value::String("address_in".into()), Value::String("name".into())])));
        assert_eq!(run("multi_choice", &changes(json!({})), &json!("name")).normalized, Some(json!(["name"])));
        let o = run("multi_choice", &changes(json!({"min_items": 2})), &json!(["name", "name"]));
        assert_eq!(codes(&o), ["multi_choice.too_few"]);
        assert_eq!(o.problems[0].args, [("min", "2".into()), ("count", "1".into()), ("need", "1".into())]);
        let o = run("multi_choice", &changes(json!({"max_items": 1})), &json!(["name", "address_in"]));
        assert_eq!(codes(&o), ["multi_choice.too_many"]);
        assert_eq!(codes(&run("multi_choice", &changes(json!({})), &json!(["name", "age"]))), ["multi_choice.unknown"]);
        assert_eq!(
            codes(&run("multi_choice", &changes(json!({})), &json!(["name", ["age"]]))),
            ["multi_choice.wrong_format"]
        );
        assert_eq!(
            codes(&run("multi_choice", &changes(json!({})), &json!({"name": true}))),
            ["multi_choice.wrong_format"]
        );
    }

    #[test]
    fn codes_come_from_the_code_list() {
        assert_eq!(run("code", &code_field(), &json!("02")).normalized, Some(json!("02")));
        // Leading zeros left out, by a number or by hand: the one code it can be.
        assert_eq!(run("code", &code_field(), &json!(2)).normalized, Some(json!("02")));
        assert_eq!(run("code", &code_field(), &json!("2")).normalized, Some(json!("02")));
        assert_eq!(run("code", &code_field(), &json!("011")).normalized, Some(json!("11")));
        assert_eq!(codes(&run("code", &code_field(), &json!("99"))), ["code.unknown"]);
        assert_eq!(codes(&run("code", &code_field(), &json!("妻"))), ["code.unknown"]);
        assert_eq!(codes(&run("code", &code_field(), &json!(["02"]))), ["code.wrong_format"]);
        // A list the catalogue lacks, or none named: a definition problem, said safely.
        assert_eq!(codes(&run("code", &json!({"code_list": "prefecture"}), &json!("06"))), ["code.list_missing"]);
        assert_eq!(codes(&run("code", &json!({}), &json!("06"))), ["code.list_missing"]);
    }

    #[test]
    fn a_code_field_that_keeps_some_codes_takes_only_those() {
        // A town kept 世帯主 and 子 (compiled as the field's options).
        let kept = json!({"code_list": "relationship", "options": [
            {"value": "01", "label": {"ja": "世帯主", "en": "Head of household"}},
            {"value": "11", "label": {"ja": "子", "en": "Child"}},
        ]});
        assert_eq!(run("code", &kept, &json!("11")).normalized, Some(json!("11")));
        assert_eq!(run("code", &kept, &json!(1)).normalized, Some(json!("01")), "leading zeros, among those kept");
        assert_eq!(codes(&run("code", &kept, &json!("02"))), ["code.unknown"], "in the list, not kept");
        assert_eq!(codes(&run("code", &kept, &json!(2))), ["code.unknown"]);
        assert_eq!(codes(&run("code", &kept, &json!("99"))), ["code.unknown"]);
    }

    const TYPES: [&str; 5] = ["boolean", "consent", "choice", "multi_choice", "code"];

    fn constraints(ty: &str) -> Json {
        match ty {
            "choice" => reasons(),
            "multi_choice" => changes(json!({"min_items": 1, "max_items": 2})),
            "code" => code_field(),
            _ => json!({}),
        }
    }

    #[test]
    fn a_megabyte_never_panics() {
        let big = ["y".repeat(1 << 20), "name".repeat(1 << 18)];
        for ty in TYPES {
            for s in &big {
                let o = run(ty, &constraints(ty), &json!(s));
                assert!(o.value.is_some() || !o.problems.is_empty(), "{ty}");
            }
            let many: Vec<Json> = (0..100_000).map(|i| json!(if i % 2 == 0 { "name" } else { "address_in" })).collect();
            let o = run(ty, &constraints(ty), &Json::Array(many));
            assert!(o.value.is_some() || !o.problems.is_empty(), "{ty}");
        }
    }

    proptest! {
        #[test]
        fn any_answer_reads_or_explains_and_normalising_is_idempotent(answer in kit::any_json(), i in 0..TYPES.len()) {
            let ty = TYPES[i];
            let extra = constraints(ty);
            let o = run(ty, &extra, &answer);
            prop_assert!(o.value.is_some() || !o.problems.is_empty(), "{} {}", ty, answer);
            if let Some(n) = o.normalized.as_ref().filter(|n| !crate::validate::is_empty(n)) {
                let again = run(ty, &extra, n);
                prop_assert_eq!(again.normalized.as_ref(), Some(n), "{} {}", ty, answer);
                prop_assert_eq!(codes(&again), codes(&o));
            }
        }

        #[test]
        fn any_choice_of_the_options_normalises_once(values in prop::collection::vec(
            prop::sample::select(vec!["address_in", "address_within", "name", "", " name "]), 1..8)) {
            let extra = changes(json!({}));
            let o = run("multi_choice", &extra, &json!(values));
            prop_assert!(o.problems.is_empty());
            if let Some(n) = o.normalized.as_ref().filter(|n| !crate::validate::is_empty(n)) {
                let again = run("multi_choice", &extra, n);
                prop_assert_eq!(again.normalized.as_ref(), Some(n));
            }
        }
    }

    #[test]
    fn every_code_has_words_in_every_language() {
        kit::catalogue_is_complete(CODES, &[]);
    }

    #[test]
    fn snapshot() {
        let none = json!({});
        let cases: Vec<(&str, Json, Json)> = vec![
            ("boolean", none.clone(), json!("はい")),
            ("boolean", none.clone(), json!("No")),
            ("boolean", none.clone(), json!("たぶん")),
            ("consent", none.clone(), json!(true)),
            ("consent", none.clone(), json!(false)),
            ("consent", none.clone(), json!(["yes"])),
            ("choice", reasons(), json!("birth")),
            ("choice", reasons(), json!("death")),
            ("choice", reasons(), json!({"value": "birth"})),
            ("multi_choice", changes(json!({})), json!(["name", "address_in", "name"])),
            ("multi_choice", changes(json!({"min_items": 2})), json!(["name"])),
            ("multi_choice", changes(json!({"max_items": 1})), json!(["name", "address_in"])),
            ("multi_choice", changes(json!({})), json!(["name", "age"])),
            ("multi_choice", changes(json!({})), json!([true])),
            ("code", code_field(), json!("2")),
            ("code", code_field(), json!("99")),
            ("code", code_field(), json!(["02"])),
            ("code", json!({"code_list": "prefecture"}), json!("06")),
        ];
        insta::assert_snapshot!("choices", kit::table(&cases, CODES, &[]));
    }
}
