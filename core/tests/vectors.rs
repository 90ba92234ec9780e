//! The shared conformance vectors (`fixtures/vectors/`): the same files run unchanged in Rust,
//! in the browser (wasm) and through every native binding, and must give the same results.
//!
//! A validation vector names a sample town, a procedure, today's date, a language and the
//! answers, and expects exactly this set of issues (field, code, severity) and, for the
//! normalised answers it lists, exactly these values. `message` in an expected issue is
//! compared too when given.

mod support;

use std::collections::BTreeSet;

use serde_json::Value;
use tetsuzuki::date::Date;
use tetsuzuki::model::Lang;
use tetsuzuki::validate::Validator;

#[test]
fn validation_vectors() {
    let files = support::vector_files("validation");
    assert!(!files.is_empty());
    let mut catalogs = std::collections::HashMap::new();
    let mut failures = Vec::new();
    for path in &files {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let v: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).expect("vector is JSON");
        let town = v["town"].as_str().expect("town");
        let validator =
            catalogs.entry(town.to_string()).or_insert_with(|| Validator::new(&support::sample_catalog(town)));
        let today = Date::parse_iso(v["today"].as_str().expect("today")).expect("today is a date");
        let lang = Lang::from_tag(v["lang"].as_str().unwrap_or("ja")).expect("lang");
        let answers = v["answers"].as_object().cloned().unwrap_or_default();
        let result = validator.validate(v["procedure"].as_str().expect("procedure"), &answers, today, lang).unwrap();

        let got: BTreeSet<(String, String, String)> = result
            .issues
            .iter()
            .map(|i| {
                (
                    i.field.clone(),
                    i.code.clone(),
                    serde_json::to_value(i.severity).unwrap().as_str().unwrap().to_string(),
                )
            })
            .collect();
        let expected_issues = v["expect"]["issues"].as_array().cloned().unwrap_or_default();
        let want: BTreeSet<(String, String, String)> = expected_issues
            .iter()
            .map(|i| {
                (
                    i["field"].as_str().unwrap().to_string(),
                    i["code"].as_str().unwrap().to_string(),
                    i["severity"].as_str().unwrap_or("error").to_string(),
                )
            })
            .collect();
        if got != want {
            failures.push(format!("{name}: issues\n  expected {want:?}\n  got      {got:?}\n  ({:#?})", result.issues));
        }
        for i in &expected_issues {
            if let Some(message) = i["message"].as_str() {
                let found =
                    result.issues.iter().any(|g| g.field == i["field"].as_str().unwrap() && g.message == message);
                if !found {
                    failures.push(format!("{name}: no issue at {} says {message:?}", i["field"]));
                }
            }
        }
        if let Some(normalized) = v["expect"]["normalized"].as_object() {
            for (field, want) in normalized {
                let got = result.normalized.get(field).cloned().unwrap_or(Value::Null);
                if &got != want {
                    failures.push(format!("{name}: normalized {field}: expected {want}, got {got}"));
                }
            }
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n\n"));
}

/// A navigator vector names a sample town, a life event, the event's date, today, a language
/// and the screening answers; it expects exactly these questions (ids, in order), these
/// procedures (ids and due dates, in order), these town actions and these issues.
#[test]
fn navigator_vectors() {
    let files = support::vector_files("navigator");
    assert!(!files.is_empty());
    let catalog = support::sample_catalog("oishida");
    let mut failures = Vec::new();
    for path in &files {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let v: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).expect("vector is JSON");
        assert_eq!(v["town"], "oishida", "{name}: only oishida is compiled here");
        let today = Date::parse_iso(v["today"].as_str().unwrap()).unwrap();
        let date = v["date"].as_str().map(|d| Date::parse_iso(d).unwrap());
        let lang = Lang::from_tag(v["lang"].as_str().unwrap_or("ja")).unwrap();
        let answers = v["answers"].as_object().cloned().unwrap_or_default();
        let c =
            tetsuzuki::navigate::navigate(&catalog, v["event"].as_str().unwrap(), &answers, date, today, lang).unwrap();
        let got = serde_json::json!({
            "questions": c.questions.iter().map(|q| q.id.clone()).collect::<Vec<_>>(),
            "procedures": c.procedures.iter().map(|p| serde_json::json!({"procedure": p.procedure, "due": p.due.map(|d| d.date.to_string())})).collect::<Vec<_>>(),
            "town_actions": c.town_actions.iter().map(|p| p.procedure.clone()).collect::<Vec<_>>(),
            "issues": c.issues.iter().map(|i| serde_json::json!({"field": i.field, "code": i.code})).collect::<Vec<_>>(),
        });
        if got != v["expect"] {
            failures.push(format!("{name}:\n  expected {}\n  got      {got}", v["expect"]));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n\n"));
}

/// A session vector names a sample town, procedures, today, screening answers (by concept)
/// and typed answers (by question key); it expects the number of questions asked, exactly
/// these issues (field, code), and — when no error is left — exactly these submissions.
#[test]
fn session_vectors() {
    let files = support::vector_files("sessions");
    assert!(!files.is_empty());
    let catalog = support::sample("oishida");
    let mut failures = Vec::new();
    for path in &files {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let v: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).expect("vector is JSON");
        let today = Date::parse_iso(v["today"].as_str().unwrap()).unwrap();
        let lang = Lang::from_tag(v["lang"].as_str().unwrap_or("ja")).unwrap();
        let ids: Vec<&str> = v["procedures"].as_array().unwrap().iter().map(|p| p.as_str().unwrap()).collect();
        let mut session = tetsuzuki::session::Session::start(&catalog, &ids).unwrap();
        if let Some(screening) = v["screening"].as_object() {
            session.reuse_screening("screening", screening);
        }
        for (key, value) in v["answers"].as_object().cloned().unwrap_or_default() {
            session.set_answer(&key, value).unwrap();
        }
        let issues: Vec<Value> = session
            .validate(today, lang)
            .iter()
            .map(|i| serde_json::json!({"field": i.field, "code": i.code}))
            .collect();
        let submissions = session.submissions(today, "2026-11-23T10:00:00+09:00").ok().map(|subs| {
            subs.iter()
                .map(|s| (s.procedure.clone(), Value::Object(s.answers.to_map())))
                .collect::<serde_json::Map<String, Value>>()
        });
        let got = serde_json::json!({
            "questions": session.questions().len(),
            "issues": issues,
            "submissions": submissions,
        });
        if got != v["expect"] {
            failures.push(format!("{name}:\n  expected {}\n  got      {got}", v["expect"]));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n\n"));
}
