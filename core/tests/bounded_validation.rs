//! Validation does work bounded by the procedure, not by the answers (items of a group past its
//! `max_items` are counted once and not read), says so when a town's rule cannot run instead of
//! letting the answer pass silently, shows a field whose condition cannot be evaluated, and
//! reads no date with stray signs or separators.
//!
//! Work is measured by what validation says (issues, normalised items), never by the clock.

mod support;

use serde_json::{Map, Value as Json, json};
use tetsuzuki::date::Date;
use tetsuzuki::model::{FieldType, Form, Lang, Procedure, Severity, Text};
use tetsuzuki::validate::form::FormPlan;
use tetsuzuki::validate::{Issue, MAX_GROUP_ITEMS, Validation, Validator, check_value};

fn today() -> Date {
    Date::parse_iso("2026-01-10").unwrap()
}

fn object(v: Json) -> Map<String, Json> {
    v.as_object().cloned().unwrap()
}

/// The index of the group item an issue is at (`members[12].name` → 12).
fn item_index(issue: &Issue) -> Option<usize> {
    let rest = issue.field.split_once('[')?.1;
    rest.split_once(']')?.0.parse().ok()
}

/// 転入届 with `n` copies of `item` among the people who moved too (`max_items: 9`).
fn tennyu_with_members(validator: &Validator, n: usize, item: &Json) -> Validation {
    let answers = object(json!({"moved_with_others": true, "members": vec![item.clone(); n]}));
    validator.validate("tennyu", &answers, today(), Lang::Ja).unwrap()
}

#[test]
fn items_past_max_items_are_counted_once_and_not_read() {
    let catalog = support::sample_catalog("oishida");
    let validator = Validator::new(&catalog);
    let items = [json!({}), json!({"name": {"family": "山田", "given": "花子"}, "birth_date": "2040-13-01"})];
    for item in items {
        let n = tennyu_with_members(&validator, 100, &item);
        let four_n = tennyu_with_members(&validator, 400, &item);
        // Four times the items, the same issues: the work does not grow with them.
        assert_eq!(n.issues.len(), four_n.issues.len(), "{item}");
        let too_many: Vec<&Issue> = four_n.issues.iter().filter(|i| i.code == "group.too_many").collect();
        assert_eq!(too_many.len(), 1, "{:#?}", four_n.issues);
        assert_eq!(too_many[0].params.get("count").map(String::as_str), Some("400"));
        assert_eq!(too_many[0].params.get("max").map(String::as_str), Some("9"));
        assert!(four_n.issues.iter().filter_map(item_index).all(|i| i < 9), "{:#?}", four_n.issues);
        // Not read whole, so not normalised: what the resident typed stays as it is.
        assert_eq!(four_n.normalized.get("members"), None);
    }
}

#[test]
fn a_group_without_max_items_reads_at_most_the_sdk_limit() {
    let mut catalog = support::sample_catalog("oishida");
    let tennyu = catalog.procedures.iter_mut().find(|p| p.id == "tennyu").unwrap();
    let members = tennyu.form.pages.iter_mut().flat_map(|p| p.fields.iter_mut()).find(|f| f.id == "members").unwrap();
    members.max_items = None;
    let validator = Validator::new(&catalog);
    let limit = MAX_GROUP_ITEMS as usize;
    let n = tennyu_with_members(&validator, limit + 10, &json!({}));
    let four_n = tennyu_with_members(&validator, 4 * (limit + 10), &json!({}));
    assert_eq!(n.issues.len(), four_n.issues.len());
    let too_many: Vec<&Issue> = four_n.issues.iter().filter(|i| i.code == "group.too_many").collect();
    assert_eq!(too_many.len(), 1);
    assert_eq!(too_many[0].params.get("max"), Some(&limit.to_string()));
    assert!(four_n.issues.iter().filter_map(item_index).all(|i| i < limit));
}

#[test]
fn a_group_tried_on_its_own_past_the_limit_is_counted_once() {
    let many = Json::Array(vec![json!({}); 4 * MAX_GROUP_ITEMS as usize]);
    let check = check_value(FieldType::Group, &many, today(), Lang::En);
    assert!(!check.valid);
    assert_eq!(check.issues.iter().filter(|i| i.code == "group.too_many").count(), 1, "{:#?}", check.issues);
    assert_eq!(check.normalized, None);
}

/// A one-page form of `fields` and form `rules` (JSON as in a compiled catalogue).
fn plan(fields: Json, rules: Json) -> FormPlan {
    let form: Form = serde_json::from_value(json!({
        "pages": [{"id": "page", "title": {"ja": "ページ", "en": "Page"}, "fields": fields}],
        "rules": rules,
    }))
    .unwrap();
    FormPlan::new(&Procedure::with_form("t", Text::new("手続", "Procedure"), form), &[])
}

/// A text field `id` labelled 備考 / Note, with `extra` keys.
fn text_field(id: &str, extra: Json) -> Json {
    let mut f = object(json!({"id": id, "type": "text", "label": {"ja": "備考", "en": "Note", "ja-easy": "めも"}}));
    f.extend(object(extra));
    Json::Object(f)
}

fn town_rule(check: &str, when: Option<&str>) -> Json {
    json!({
        "id": "town_check",
        "check": check,
        "when": when,
        "severity": "error",
        "message": {"ja": "備考が町の決まりに合いません", "en": "Note does not follow the town's rule"},
        "fix": {"ja": "備考を確かめてください", "en": "Check the note"},
        "fields": [],
    })
}

fn validate(plan: &FormPlan, answers: Json, lang: Lang) -> Validation {
    plan.validate(&object(answers), today(), lang, &[])
}

/// The answer every rule test gives: nothing in it may show up in what the resident reads.
const ANSWER: &str = "ひみつのメモ";

/// The one issue saying that the town's check could not run, in every language.
fn assert_unavailable(plan: &FormPlan, answers: &Json, fields: &[&str], cause: &str) {
    for lang in Lang::ALL {
        let v = validate(plan, answers.clone(), lang);
        let unavailable: Vec<&Issue> = v.issues.iter().filter(|i| i.code == "rule_unavailable").collect();
        let at: Vec<&str> = unavailable.iter().map(|i| i.field.as_str()).collect();
        assert_eq!(at, fields, "{lang:?}: {:#?}", v.issues);
        for issue in unavailable {
            // Not an error: the resident can go on; staff check what the rule would have.
            assert_eq!(issue.severity, Severity::Warning, "{issue:?}");
            assert!(!v.has_errors(), "{:#?}", v.issues);
            assert!(!issue.message.is_empty() && !issue.fix.is_empty(), "{issue:?}");
            assert_eq!(issue.params.get("rule").map(String::as_str), Some("town_check"), "{issue:?}");
            assert_eq!(issue.params.get("cause").map(String::as_str), Some(cause), "{issue:?}");
            let said = format!("{} {} {:?}", issue.message, issue.fix, issue.params);
            assert!(!said.contains(ANSWER) && !said.contains("ひみつ"), "the answer leaked: {said}");
        }
    }
}

#[test]
fn a_rule_that_cannot_run_is_said_not_passed_silently() {
    let cases = [
        ("note.matches('(')", "eval-bad-regex"),
        ("int(note) > 0", "eval-type"),
        ("1 / (size(note) - size(note)) == 1", "eval-division-by-zero"),
        // Twenty concatenations of a 3,000-byte answer cost more than the evaluation budget.
        (
            "size(note + note + note + note + note + note + note + note + note + note + note + note + note + note \
             + note + note + note + note + note + note) > 0",
            "eval-budget",
        ),
        ("note ==", "expr-syntax"),
    ];
    for (check, cause) in cases {
        let p = plan(json!([text_field("note", json!({"rules": [town_rule(check, None)]}))]), json!([]));
        let answer = if cause == "eval-budget" { ANSWER.repeat(170) } else { ANSWER.to_string() };
        assert_unavailable(&p, &json!({"note": answer}), &["note"], cause);
    }
}

#[test]
fn a_rule_whose_when_cannot_run_is_said() {
    let rule = town_rule("true", Some("note.matches('[')"));
    let p = plan(json!([text_field("note", json!({"rules": [rule]}))]), json!([]));
    assert_unavailable(&p, &json!({"note": ANSWER}), &["note"], "eval-bad-regex");
}

#[test]
fn a_form_rule_that_cannot_run_is_said_at_each_of_its_fields() {
    let mut rule = town_rule("note.matches('(') || other == 'x'", None);
    rule["fields"] = json!(["note", "other"]);
    let p = plan(json!([text_field("note", json!({})), text_field("other", json!({}))]), json!([rule]));
    assert_unavailable(&p, &json!({"note": ANSWER, "other": ANSWER}), &["note", "other"], "eval-bad-regex");
}

#[test]
fn a_rule_over_an_unanswered_answer_still_waits_for_it() {
    // Not answered yet is not "cannot run": requiredness speaks for empty answers.
    let rule = town_rule("other.matches('(')", None);
    let p = plan(
        json!([text_field("note", json!({"rules": [rule]})), text_field("other", json!({"required": false}))]),
        json!([]),
    );
    let v = validate(&p, json!({"note": ANSWER}), Lang::Ja);
    assert!(v.issues.is_empty(), "{:#?}", v.issues);
}

#[test]
fn a_condition_that_cannot_be_evaluated_shows_its_field() {
    let p = plan(
        json!([
            text_field("note", json!({})),
            text_field("extra", json!({"show_if": "note.matches('(')"})),
            text_field("later", json!({"show_if": "int(note) > 3"})),
            text_field("unanswered", json!({"show_if": "other == 'x'"})),
        ]),
        json!([]),
    );
    let v = validate(&p, json!({"note": ANSWER}), Lang::Ja);
    assert_eq!(v.relevant, ["note", "extra", "later"], "{:#?}", v.issues);
    let required: Vec<&str> = v.issues.iter().filter(|i| i.code == "required").map(|i| i.field.as_str()).collect();
    assert_eq!(required, ["extra", "later"]);
}

#[test]
fn a_page_whose_condition_cannot_be_evaluated_is_shown() {
    let form: Form = serde_json::from_value(json!({"pages": [
        {"id": "first", "title": {"ja": "1", "en": "1"}, "fields": [text_field("note", json!({}))]},
        {"id": "second", "title": {"ja": "2", "en": "2"}, "show_if": "note.matches(')')",
         "fields": [text_field("extra", json!({}))]},
    ]}))
    .unwrap();
    let p = FormPlan::new(&Procedure::with_form("t", Text::new("手続", "Procedure"), form), &[]);
    let v = p.validate(&object(json!({"note": ANSWER})), today(), Lang::Ja, &[]);
    assert_eq!(v.relevant, ["note", "extra"]);
}

#[test]
fn dates_with_stray_signs_or_separators_are_not_read() {
    let stray = [
        "-2024-01-01",
        "2024--01-01",
        "2024-01-01-",
        "\u{2212}2024.1.5",
        "2024..1.5",
        "2024/ /1/5",
        "2025年-1月5日",
        "+2024-01-01",
        "/2024/1/5",
        "2024/1/5/",
    ];
    for text in stray {
        for lang in Lang::ALL {
            let check = check_value(FieldType::Date, &json!(text), today(), lang);
            assert!(!check.valid, "{text} was read as {:?}", check.normalized);
            assert_eq!(check.normalized, None, "{text}");
            let issue = &check.issues[0];
            assert!(issue.code.starts_with("date."), "{text}: {issue:?}");
            // The fix says how to write a date: with an example.
            assert!(issue.fix.contains("2025"), "{text}: {issue:?}");
        }
    }
    for text in ["-2024-01", "2024--01", "2024/01/"] {
        let check = check_value(FieldType::YearMonth, &json!(text), today(), Lang::Ja);
        assert!(!check.valid && check.normalized.is_none(), "{text} was read as {:?}", check.normalized);
    }
    // What residents write is still read.
    for (text, iso) in [
        ("2024-01-01", "2024-01-01"),
        ("2024/1/5", "2024-01-05"),
        ("2024 - 1 - 5", "2024-01-05"),
        ("2024. 1. 5", "2024-01-05"),
        ("令和 7年1月5日", "2025-01-05"),
        ("R.7.1.5", "2025-01-05"),
        ("2025年 1月 5日", "2025-01-05"),
        ("2025年1月5日。", "2025-01-05"),
        ("20240105", "2024-01-05"),
    ] {
        let check = check_value(FieldType::Date, &json!(text), today(), Lang::Ja);
        assert_eq!(check.normalized, Some(json!(iso)), "{text}: {:#?}", check.issues);
    }
}

#[test]
fn iso_dates_take_no_sign_or_extra_separator() {
    for text in ["-2024-01-01", "2024--01-01", "+2024-01-01", "2024-01-01-", " 2024-01-01", "２０２４-01-01"] {
        assert_eq!(Date::parse_iso(text), None, "{text}");
    }
    assert!(Date::parse_iso("2024-01-01").is_some());
}
