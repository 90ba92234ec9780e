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
fn check_says_diagnostics_in_the_chosen_language() {
    let out = tetsuzuki(&["check", "--lang", "ja", "fixtures/invalid/dangling-concept.yaml"]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("エラー[dangling-concept]: id が `move.dat` の概念はありません"), "{text}");
    assert!(text.contains("--> fixtures/invalid/dangling-concept.yaml:20:20"), "{text}");
    assert!(text.contains("= 対処: `move.date` の誤りではありませんか？"), "{text}");
    // ja-easy says an author's diagnostics as ja; JSON carries them too.
    let easy = tetsuzuki(&["check", "--lang", "ja-easy", "--format", "json", "fixtures/invalid/dangling-concept.yaml"]);
    let value: serde_json::Value = serde_json::from_slice(&easy.stdout).expect("JSON on stdout");
    assert_eq!(value[0]["message"], "id が `move.dat` の概念はありません", "{value}");
    // English is the default; an unknown language is a usage error.
    let en = tetsuzuki(&["check", "--lang", "en", "fixtures/invalid/dangling-concept.yaml"]);
    assert_eq!(en.stdout, tetsuzuki(&["check", "fixtures/invalid/dangling-concept.yaml"]).stdout);
    assert_eq!(tetsuzuki(&["check", "--lang", "fr", "fixtures/invalid/dangling-concept.yaml"]).status.code(), Some(2));
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
fn version_is_the_one_version_of_the_workspace() {
    let out = tetsuzuki(&["--version"]);
    assert_eq!(out.status.code(), Some(0));
    let cargo = std::fs::read_to_string(root().join("Cargo.toml")).unwrap();
    let workspace = cargo
        .split("[workspace.package]")
        .nth(1)
        .and_then(|section| section.lines().find_map(|l| l.strip_prefix("version = ")))
        .map(|v| v.trim().trim_matches('"'))
        .expect("Cargo.toml: [workspace.package] version");
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), format!("tetsuzuki {workspace}"));
    // The core's, which the JS API and the native bindings give as `version()`.
    assert_eq!(tetsuzuki::host::api::VERSION, workspace);
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

#[test]
fn summary_counts_what_can_be_done_online_as_the_town_reports_it() {
    let (dir, catalog) = compiled_sample("summary-digital");
    let out = tetsuzuki(&["summary", catalog.to_str().unwrap(), "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(value["town_id"], "oishida", "the counts are still there");
    let d = &value["digital"];
    let n = |k: &str| d[k].as_u64().unwrap();
    assert_eq!(n("online") + n("prepared") + n("counter"), n("resident_procedures"));
    assert_eq!(n("resident_procedures") + n("authority"), value["procedures"].as_u64().unwrap());
    assert!(n("authority") >= 1, "the sample has 職権 procedures, left out of the ratio");
    let ratio = d["ratio"].as_f64().unwrap();
    assert!((ratio - n("online") as f64 / n("resident_procedures") as f64).abs() < 0.0001);
    let ids =
        |k: &str| d["ids"][k].as_array().unwrap().iter().map(|v| v.as_str().unwrap().to_string()).collect::<Vec<_>>();
    assert!(ids("online").contains(&"kokuho-kanyu".to_string()));
    assert!(ids("prepared").contains(&"tennyu".to_string()), "転入届: prepared online, finished at the counter");
    assert!(ids("authority").contains(&"gakureibo".to_string()));
    assert_eq!(ids("counter").len() as u64, n("counter"));
    // The default is JSON, as before.
    let plain = tetsuzuki(&["summary", catalog.to_str().unwrap()]);
    assert_eq!(plain.stdout, out.stdout);
    let text = tetsuzuki(&["summary", catalog.to_str().unwrap(), "--format", "text"]);
    let text = String::from_utf8_lossy(&text.stdout);
    let line = format!(
        "デジタル完結可能な手続数割合 (completable online / procedures residents do): {} / {} = ",
        n("online"),
        n("resident_procedures")
    );
    assert!(text.contains(&line), "{text}");
    assert!(text.contains("the town's own (職権, not counted)"), "{text}");
    // The text's words are the catalogue's, in `--lang`.
    let ja = tetsuzuki(&["summary", catalog.to_str().unwrap(), "--format", "text", "--lang", "ja"]);
    let ja = String::from_utf8_lossy(&ja.stdout);
    assert!(ja.contains("デジタル完結可能な手続数割合（オンラインで完結できる手続 / 住民が行う手続）"), "{ja}");
    assert!(ja.contains("自治体が職権で行う手続（割合に含めない）"), "{ja}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn navigate_writes_the_due_dates_as_an_ics_file() {
    let (dir, catalog) = compiled_sample("navigate-ics");
    let answers = dir.join("answers.json");
    std::fs::write(&answers, r#"{"move_date": "2026-11-20", "has_card": true, "employee_insured": true}"#).unwrap();
    let ics = dir.join("reminders.ics");
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
        "--ics",
        ics.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("転入届"), "the checklist is still printed");
    let text = std::fs::read_to_string(&ics).unwrap();
    assert!(text.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"), "{text}");
    assert!(text.ends_with("END:VCALENDAR\r\n"));
    assert!(text.contains("\r\nSUMMARY:転入届の期限\r\n"));
    assert!(text.contains("\r\nDTSTART;VALUE=DATE:20261204\r\n"));
    assert!(text.split("\r\n").all(|l| l.len() <= 75));
    // The same seed (the event's id by default) gives the same ids: a new import updates.
    let again = dir.join("again.ics");
    let args = |file: &str, seed: Option<&str>| {
        let mut a = vec!["navigate", "--catalog", catalog.to_str().unwrap(), "--event", "moving-in", "--date"];
        a.extend(["2026-11-20", "--today", "2026-11-23", "--ics", file, "--answers", answers.to_str().unwrap()]);
        a.extend(seed.map(|s| ["--ics-seed", s]).into_iter().flatten());
        a.into_iter().map(str::to_string).collect::<Vec<_>>()
    };
    let uids = |t: &str| t.split("\r\n").filter(|l| l.starts_with("UID:")).map(str::to_string).collect::<Vec<_>>();
    let run = |a: Vec<String>| tetsuzuki(&a.iter().map(String::as_str).collect::<Vec<_>>());
    assert_eq!(run(args(again.to_str().unwrap(), None)).status.code(), Some(0));
    assert_eq!(uids(&std::fs::read_to_string(&again).unwrap()), uids(&text));
    assert_eq!(run(args(again.to_str().unwrap(), Some("other"))).status.code(), Some(0));
    assert_ne!(uids(&std::fs::read_to_string(&again).unwrap()), uids(&text));
    std::fs::remove_dir_all(&dir).ok();
}
