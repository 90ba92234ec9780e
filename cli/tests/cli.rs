//! The CLI as authors use it: exit codes, text and JSON diagnostics, compile and summary.

use std::path::PathBuf;
use std::process::{Command, Output};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn tetsuzuki(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tetsuzuki")).args(args).current_dir(root()).output().expect("runs")
}

/// A scratch folder with the sample town's compiled catalogue in it.
fn compiled_sample(name: &str) -> (PathBuf, PathBuf) {
    let dir = std::env::temp_dir().join(format!("tetsuzuki-cli-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let catalog = dir.join("oishida.json");
    let out = tetsuzuki(&[
        "compile",
        "fixtures/model",
        "fixtures/towns",
        "--town",
        "oishida",
        "-o",
        catalog.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    (dir, catalog)
}

#[test]
fn check_exits_0_on_the_clean_samples() {
    let out = tetsuzuki(&["check", "fixtures/model", "fixtures/towns"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stdout));
    assert!(String::from_utf8_lossy(&out.stderr).contains("0 errors"));
}

#[test]
fn check_exits_1_on_errors_and_prints_located_diagnostics() {
    let out = tetsuzuki(&["check", "fixtures/invalid/dangling-concept.yaml"]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("error[dangling-concept]: no concept has the id `move.dat`"), "{text}");
    assert!(text.contains("--> fixtures/invalid/dangling-concept.yaml:20:20"), "{text}");
    assert!(text.contains("help: did you mean `move.date`?"), "{text}");
}

#[test]
fn check_exits_0_with_warnings_only() {
    let out = tetsuzuki(&["check", "fixtures/invalid/constraint-not-applicable.yaml"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stdout));
    assert!(String::from_utf8_lossy(&out.stdout).contains("warning[constraint-not-applicable]"));
}

#[test]
fn check_json_is_an_array_of_located_diagnostics() {
    let out = tetsuzuki(&["check", "--format", "json", "fixtures/invalid/many-mistakes.yaml"]);
    assert_eq!(out.status.code(), Some(1));
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON on stdout");
    let items = value.as_array().expect("an array");
    assert!(items.len() >= 4, "{value}");
    for item in items {
        let obj = item.as_object().unwrap();
        let mut keys: Vec<&str> = obj.keys().map(String::as_str).collect();
        keys.sort_unstable();
        assert_eq!(keys, ["code", "column", "file", "fix", "line", "message", "severity"]);
        assert!(matches!(obj["severity"].as_str(), Some("error" | "warning")));
    }
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(tetsuzuki(&["check", "--format", "xml"]).status.code(), Some(2));
    assert_eq!(tetsuzuki(&["frobnicate"]).status.code(), Some(2));
    let missing = tetsuzuki(&["check", "no/such/folder"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("cannot read no/such/folder"));
}

#[test]
fn compile_writes_a_catalogue_that_summary_reads() {
    let dir = std::env::temp_dir().join(format!("tetsuzuki-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("oishida.json");
    let out =
        tetsuzuki(&["compile", "fixtures/model", "fixtures/towns", "--town", "oishida", "-o", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let summary = tetsuzuki(&["summary", file.to_str().unwrap()]);
    let value: serde_json::Value = serde_json::from_slice(&summary.stdout).unwrap();
    assert_eq!(value["town_id"], "oishida");
    assert_eq!(value["town_name"], "大石田町");
    assert!(value["procedures"].as_u64().unwrap() >= 25);
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn compile_refuses_definitions_with_errors() {
    let out = tetsuzuki(&["compile", "fixtures/invalid/not-offered.yaml", "--town", "oishida", "-o", "-"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not compiled"));
    assert!(out.stdout.is_empty() || !String::from_utf8_lossy(&out.stdout).contains("tetsuzuki-catalog"));
}

#[test]
fn check_value_explains_in_the_chosen_language() {
    let out = tetsuzuki(&["check-value", "date", "2025年2月30日", "--lang", "en", "--today", "2026-11-23"]);
    assert_eq!(out.status.code(), Some(0));
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(value["valid"], false);
    let issue = &value["issues"][0];
    assert_eq!(issue["code"], "date.impossible");
    assert!(issue["message"].as_str().unwrap().contains("real date"), "{issue}");

    let out = tetsuzuki(&["check-value", "date", "令和7年1月5日", "--today", "2026-11-23"]);
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(value["valid"], true, "{value}");
    assert_eq!(value["normalized"], "2025-01-05");
}

#[test]
fn check_value_takes_values_that_start_with_a_hyphen() {
    for args in [&["check-value", "integer", "-5"][..], &["check-value", "integer", "--", "-5"]] {
        let out = tetsuzuki(args);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
        let value: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(value["valid"], true, "{value}");
        assert_eq!(value["normalized"], -5, "{value}");
    }
    // Options still work around such a value.
    let out = tetsuzuki(&["check-value", "integer", "--lang", "en", "-5", "--today", "2026-11-23"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let help = tetsuzuki(&["check-value", "--help"]);
    assert!(String::from_utf8_lossy(&help.stdout).contains("`check-value integer -- -5`"));
}

#[test]
fn check_value_refuses_unknown_types_with_a_suggestion() {
    let out = tetsuzuki(&["check-value", "postal_cod", "999-4112"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("did you mean `postal_code`?"));
}

#[test]
fn validate_prints_issues_of_a_compiled_catalogue() {
    let (dir, catalog) = compiled_sample("validate");
    let answers = dir.join("answers.json");
    std::fs::write(&answers, r#"{"move_date": "2026-12-31"}"#).unwrap();
    let out = tetsuzuki(&[
        "validate",
        "--catalog",
        catalog.to_str().unwrap(),
        "--procedure",
        "tennyu",
        "--answers",
        answers.to_str().unwrap(),
        "--today",
        "2026-11-23",
        "--lang",
        "ja",
    ]);
    assert_eq!(out.status.code(), Some(1), "errors exit 1");
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let issues = value["issues"].as_array().unwrap();
    let future = issues.iter().find(|i| i["field"] == "move_date").expect("an issue at move_date");
    assert_eq!(future["code"], "date.future");
    assert!(future["message"].as_str().unwrap().contains("転入した日"), "{future}");
    let unknown = tetsuzuki(&[
        "validate",
        "--catalog",
        catalog.to_str().unwrap(),
        "--procedure",
        "tenyu",
        "--answers",
        answers.to_str().unwrap(),
    ]);
    assert_eq!(unknown.status.code(), Some(2));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn navigate_lists_questions_then_the_checklist() {
    let (dir, catalog) = compiled_sample("navigate");
    let first = tetsuzuki(&[
        "navigate",
        "--catalog",
        catalog.to_str().unwrap(),
        "--event",
        "moving-in",
        "--today",
        "2026-11-23",
    ]);
    assert_eq!(first.status.code(), Some(0));
    let text = String::from_utf8_lossy(&first.stdout);
    assert!(text.contains("? "), "unanswered questions are shown: {text}");
    let answers = dir.join("answers.json");
    std::fs::write(&answers, r#"{"move_date": "2026-11-20", "has_card": true, "employee_insured": true}"#).unwrap();
    let out = tetsuzuki(&[
        "navigate",
        "--catalog",
        catalog.to_str().unwrap(),
        "--event",
        "moving-in",
        "--answers",
        answers.to_str().unwrap(),
        "--date",
        "2026-11-20",
        "--today",
        "2026-11-23",
        "--format",
        "json",
    ]);
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let first_item = &value["procedures"][0];
    assert_eq!(first_item["procedure"], "tennyu");
    assert_eq!(first_item["due"]["date"], "2026-12-04");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn plan_counts_fields_questions_and_reused_answers() {
    let (dir, catalog) = compiled_sample("plan");
    let answers = dir.join("answers.json");
    std::fs::write(&answers, r#"{"move_date": "2026-11-20", "employee_insured": false, "has_children": true}"#)
        .unwrap();
    let out = tetsuzuki(&[
        "plan",
        "--catalog",
        catalog.to_str().unwrap(),
        "--event",
        "moving-in",
        "--answers",
        answers.to_str().unwrap(),
        "--date",
        "2026-11-20",
        "--today",
        "2026-11-23",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let plan: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let (fields, questions, reused) =
        (plan["fields"].as_u64().unwrap(), plan["questions"].as_u64().unwrap(), plan["reused"].as_u64().unwrap());
    assert!(questions < fields, "each concept is asked once: {plan}");
    assert!(reused >= 1, "the move date is not asked again: {plan}");
    // The people who moved are carried into the later groups (国保's members at least).
    assert!(plan["carried"].as_u64().unwrap() >= 1, "people are entered once: {plan}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn diff_lists_field_level_changes_as_text_and_json() {
    let (dir, catalog) = compiled_sample("diff");
    let same = tetsuzuki(&["diff", catalog.to_str().unwrap(), catalog.to_str().unwrap()]);
    assert_eq!(same.status.code(), Some(0), "{}", String::from_utf8_lossy(&same.stderr));
    assert_eq!(String::from_utf8_lossy(&same.stdout), "no changes\n");

    // The other sample town, compiled from a definitions folder by the command itself.
    fn copy(from: &std::path::Path, to: &std::path::Path) {
        std::fs::create_dir_all(to).unwrap();
        for entry in std::fs::read_dir(from).unwrap() {
            let p = entry.unwrap().path();
            let target = to.join(p.file_name().unwrap());
            if p.is_dir() { copy(&p, &target) } else { std::fs::copy(&p, &target).map(|_| ()).unwrap() }
        }
    }
    let defs = dir.join("defs");
    copy(&root().join("fixtures/model"), &defs.join("model"));
    copy(&root().join("fixtures/towns"), &defs.join("towns"));
    let defs = defs.to_str().unwrap();
    let out = tetsuzuki(&["diff", catalog.to_str().unwrap(), defs, "--town", "obanazawa"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("inkan-toroku\n"), "{text}");
    assert!(text.contains("  ~ fee.amount [detail]: 300 → 200"), "{text}");

    let out = tetsuzuki(&["diff", "--format", "json", catalog.to_str().unwrap(), defs, "--town", "obanazawa"]);
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON on stdout");
    let fee = value
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["procedure"] == "inkan-toroku" && c["path"] == "fee.amount")
        .expect("the fee change");
    assert_eq!(fee["kind"], "changed");
    assert_eq!((fee["old"].as_u64(), fee["new"].as_u64()), (Some(300), Some(200)));

    let missing = tetsuzuki(&["diff", catalog.to_str().unwrap(), defs]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("--town"));
    std::fs::remove_dir_all(dir).ok();
}
