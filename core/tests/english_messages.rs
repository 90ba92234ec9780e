//! English validation messages read like GOV.UK (shared/design/ERRORS.md): a label inside a
//! sentence reads as words of it ("Enter the date you moved in", "Select the reason for
//! joining", "Enter your previous address"), never as a heading dropped into it ("Enter Date
//! you moved in", "Select Reason for joining", "Select Are you the head of the household").
//!
//! Every field of every procedure and every screening question of the sample catalogue (the
//! model and town oishida) is opened up (shown and required, whatever its conditions say),
//! then answered with nothing and with a series of wrong answers, in English; every message,
//! fix and machine-fix label must pass.

mod support;

use serde_json::{Map, Value, json};
use tetsuzuki::catalog::CompiledCatalog;
use tetsuzuki::date::Date;
use tetsuzuki::model::{Field, FieldType, Form, Lang, Page, Procedure, Requirement, Text};
use tetsuzuki::validate::messages::PROPER_STARTS;
use tetsuzuki::validate::{Issue, Validator};

/// Verbs an instruction starts with; the word after them must not be a heading's capital.
const VERBS: [&str; 3] = ["Enter", "Select", "Check"];

/// Auxiliary verbs: a question written after "Enter" or "Select" ("Select are you…") is as
/// wrong as a capital.
const AUXILIARIES: [&str; 12] =
    ["are", "is", "was", "were", "do", "does", "did", "have", "has", "will", "can", "would"];

/// Answers that are wrong for some field type or other: text where a number or a choice is
/// asked, impossible and future dates, hiragana for katakana, too few digits, the wrong shape
/// for lists, addresses and files.
fn wrong_answers() -> Vec<Value> {
    vec![
        json!("zzz"),
        json!("12"),
        json!("\u{200b}"),
        json!("2025-02-30"),
        json!("2099-01-01"),
        json!("1900-01-01"),
        json!("明治3年5月10日"),
        json!("令和7年13月"),
        json!("やまだ たろう"),
        json!("山田"),
        json!("髙橋"),
        json!("a b@"),
        json!("taro@gmial.com"),
        json!("T7000012050002"),
        json!(-5),
        json!(1.5),
        json!(123_456_789_012_345_u64),
        json!(["zzz"]),
        json!({"x": 1}),
        json!({"postal_code": "12"}),
        json!({"postal_code": "999-4112", "prefecture": "山形"}),
        json!({"media_type": "image/heic", "name": "a.heic", "size_kb": 99999}),
        json!([{}]),
        json!(false),
    ]
}

/// Shown and required, with its items, whatever its conditions say.
fn open(field: &mut Field) {
    field.show_if = None;
    field.required = Requirement::Fixed(true);
    for f in &mut field.fields {
        open(f);
    }
}

/// Town oishida's catalogue with every page and field shown and required, and each life
/// event's screening questions as one more form.
fn opened_catalog() -> CompiledCatalog {
    let mut compiled = support::sample_catalog("oishida");
    let screening: Vec<Procedure> = compiled
        .life_events
        .iter()
        .map(|e| {
            let page =
                Page { id: "questions".into(), title: e.title.clone(), show_if: None, fields: e.questions.clone() };
            Procedure::with_form(
                format!("life-event-{}", e.id),
                Text::new("質問", "Questions"),
                Form { pages: vec![page], rules: Vec::new() },
            )
        })
        .collect();
    compiled.procedures.extend(screening);
    for p in &mut compiled.procedures {
        for page in &mut p.form.pages {
            page.show_if = None;
            for f in &mut page.fields {
                open(f);
            }
        }
    }
    compiled
}

/// What is wrong with one text, if anything: a verb followed by a capitalised word that is
/// not a proper noun or an acronym, or by a question.
fn problem(text: &str) -> Option<String> {
    for verb in VERBS {
        for (at, _) in text.match_indices(verb) {
            let starts_word = text[..at].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
            let Some(rest) = text[at + verb.len()..].strip_prefix(' ') else { continue };
            if !starts_word {
                continue;
            }
            let word: String = rest.chars().take_while(|c| c.is_alphanumeric() || *c == '\'').collect();
            let Some(first) = word.chars().next() else { continue };
            let proper = PROPER_STARTS
                .iter()
                .any(|p| rest.strip_prefix(p).is_some_and(|r| !r.starts_with(|c: char| c.is_alphanumeric())));
            let acronym = word.chars().nth(1).is_some_and(char::is_uppercase);
            if first.is_uppercase() && !proper && !acronym {
                return Some(format!("“{verb} {word}” writes a heading's capital inside a sentence"));
            }
            if AUXILIARIES.contains(&word.as_str()) {
                return Some(format!("“{verb} {word}” puts a question after an instruction"));
            }
        }
    }
    None
}

fn texts(issue: &Issue) -> Vec<&str> {
    let mut out = vec![issue.message.as_str(), issue.fix.as_str()];
    if let Some(f) = &issue.machine_fix {
        out.push(f.label.as_str());
    }
    out
}

#[test]
fn english_messages_write_labels_as_words_of_the_sentence() {
    let compiled = opened_catalog();
    let validator = Validator::new(&compiled);
    let today = Date::parse_iso("2025-04-10").unwrap();
    let mut failures = Vec::new();
    let (mut checked, mut empty_fields) = (0, 0);
    let mut codes = std::collections::BTreeSet::new();
    for p in &compiled.procedures {
        for page in &p.form.pages {
            for f in &page.fields {
                // Nothing, each wrong answer, and for a list one item with each wrong answer.
                let mut answers: Vec<Value> = vec![Value::Null];
                answers.extend(wrong_answers());
                if f.resolved_type() == FieldType::Group {
                    for item in &f.fields {
                        answers.extend(wrong_answers().into_iter().map(|v| json!([{ item.id.clone(): v }])));
                    }
                }
                for (n, answer) in answers.into_iter().enumerate() {
                    let mut map = Map::new();
                    map.insert(f.id.clone(), answer.clone());
                    let issues = validator.validate_field(&p.id, &f.id, &map, today, Lang::En).unwrap();
                    if n == 0 {
                        assert!(
                            issues.iter().any(|i| i.code.starts_with("required")),
                            "{}.{}: an empty answer to a required field gave {issues:?}",
                            p.id,
                            f.id
                        );
                        empty_fields += 1;
                    }
                    for issue in &issues {
                        codes.insert(issue.code.clone());
                        for text in texts(issue) {
                            checked += 1;
                            if let Some(why) = problem(text) {
                                failures.push(format!("{}.{} = {answer}: {why}: {text}", p.id, issue.field));
                            }
                        }
                    }
                }
            }
        }
    }
    failures.sort();
    failures.dedup();
    assert!(failures.is_empty(), "{} English texts read badly:\n{}", failures.len(), failures.join("\n"));
    assert!(empty_fields > 300, "only {empty_fields} fields were tried");
    assert!(checked > 5000, "only {checked} texts were checked");
    for code in ["required", "required-choice", "required-consent", "date.impossible", "address.prefecture_missing"] {
        assert!(codes.contains(code), "no answer gave {code}: {codes:?}");
    }
}

/// The examples of shared/design/ERRORS.md and of the defect, end to end.
#[test]
fn english_messages_read_like_gov_uk() {
    let validator = Validator::new(&opened_catalog());
    let today = Date::parse_iso("2025-04-10").unwrap();
    let message = |procedure: &str, field: &str, answer: Value| {
        let mut map = Map::new();
        map.insert(field.to_string(), answer);
        let issues = validator.validate_field(procedure, field, &map, today, Lang::En).unwrap();
        issues.first().map(|i| i.message.clone()).unwrap_or_default()
    };
    assert_eq!(message("tennyu", "move_date", Value::Null), "Enter the date you moved in");
    assert_eq!(
        message("tennyu", "move_date", json!("2025-02-30")),
        "Date you moved in must be a real date (there is no 30 February)"
    );
    assert_eq!(message("tennyu", "move_date", json!("2099-01-01")), "Date you moved in must be today or in the past");
    assert_eq!(message("kokuho-kanyu", "reason", Value::Null), "Select the reason for joining");
    assert_eq!(message("kokuho-kanyu", "my_number", Value::Null), "Enter your My Number");
    assert_eq!(
        message("kokuho-kanyu", "is_head", Value::Null),
        "Select an answer to “Are you the head of the household”"
    );
    assert_eq!(
        message("kokuho-kanyu", "address", json!({"postal_code": "999-4112"})),
        "Enter the prefecture of the address"
    );
}

#[test]
fn the_check_catches_the_defect() {
    assert!(problem("Select Reason for joining").is_some());
    assert!(problem("Enter Your previous address").is_some());
    assert!(problem("Select are you the head of the household").is_some());
    assert!(problem("Check The date").is_some());
    assert_eq!(problem("Enter the date you moved in"), None);
    assert_eq!(problem("Enter your My Number"), None);
    assert_eq!(problem("Enter My Number of the head of household"), None);
    assert_eq!(problem("Enter National Health Insurance symbol and number"), None);
    assert_eq!(problem("Select an answer to “Are you the head of the household”"), None);
    assert_eq!(problem("Check the 12 digits on your card again"), None);
    assert_eq!(problem("Enter ID number"), None);
}
