//! `tetsuzuki test --lang ja`: a bad scenario and a failing one as a Japanese author reads
//! them (the English ones are `scenarios.rs`'s snapshots, which `--lang` leaves as they are).
//! The run's own words (`running`, `test … FAILED`, `test result`) stay as cargo test's.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn tetsuzuki_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tetsuzuki")).args(args).current_dir(dir).output().expect("runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Copies a folder; `scenarios` folders too unless `with_scenarios` is false.
fn copy(from: &Path, to: &Path, with_scenarios: bool) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let p = entry.unwrap().path();
        let target = to.join(p.file_name().unwrap());
        if p.is_dir() {
            if with_scenarios || !p.ends_with("scenarios") {
                copy(&p, &target, with_scenarios);
            }
        } else {
            std::fs::copy(&p, &target).unwrap();
        }
    }
}

/// A fresh scratch folder holding a copy of the sample model and towns as `model/` and
/// `towns/` (their scenarios too, with `with_scenarios`).
fn samples(name: &str, with_scenarios: bool) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("tetsuzuki-scenarios-ja-{name}-{}", std::process::id()));
    std::fs::remove_dir_all(&dir).ok();
    copy(&root().join("fixtures/model"), &dir.join("model"), with_scenarios);
    copy(&root().join("fixtures/towns"), &dir.join("towns"), with_scenarios);
    dir
}

/// One bad scenario of `cli/tests/invalid-scenarios/`, said in Japanese, its snapshot beside
/// the English one.
#[test]
fn an_invalid_scenario_in_japanese() {
    let dir = samples("invalid", false);
    let case = dir.join("cases/answer-type");
    std::fs::create_dir_all(case.join("scenarios")).unwrap();
    std::fs::copy(root().join("cli/tests/invalid-scenarios/answer-type.yaml"), case.join("scenarios/answer-type.yaml"))
        .unwrap();
    let (model, towns) = (dir.join("model"), dir.join("towns"));
    let args = ["test", model.to_str().unwrap(), towns.to_str().unwrap(), ".", "--town", "oishida"];
    let out = tetsuzuki_in(&case, &[&args[..], &["--lang", "ja"]].concat());
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}{}", text(&out.stderr));
    assert!(stdout.contains("エラー[answer-type]: `has_children` は `boolean` 型の質問です"), "{stdout}");
    // ja-easy says an author's words as ja.
    let easy = tetsuzuki_in(&case, &[&args[..], &["--lang", "ja-easy"]].concat());
    assert_eq!(text(&easy.stdout), stdout);
    insta::with_settings!({
        snapshot_path => "invalid-scenarios/snapshots",
        prepend_module_to_snapshot => false,
        omit_expression => true,
    }, {
        insta::assert_snapshot!("ja@answer-type", stdout);
    });
    std::fs::remove_dir_all(dir).ok();
}

/// The rule changed in the shared model (`scenarios.rs`), its failing scenario said in Japanese:
/// in text, and in JSON for CI systems.
#[test]
fn a_failing_scenario_in_japanese() {
    let dir = samples("changed-rule", true);
    let rule = dir.join("model/procedures/kodomo-iryo.yaml");
    let before = std::fs::read_to_string(&rule).unwrap();
    assert!(before.contains("check: age(child_birth_date) <= 18"));
    std::fs::write(&rule, before.replacen("age(child_birth_date) <= 18", "age(child_birth_date) <= 2", 1)).unwrap();

    let args = ["test", "model", "towns", "--town", "oishida", "--filter", "child medical subsidy", "--lang", "ja"];
    let one = tetsuzuki_in(&dir, &args);
    assert_eq!(one.status.code(), Some(1), "{}{}", text(&one.stdout), text(&one.stderr));
    // How many other scenarios were filtered out changes as scenarios are added: not shown.
    let shown = text(&one.stdout);
    let (head, tail) = shown.rsplit_once("; 0 invalid; ").unwrap();
    let shown = format!("{head}; 0 invalid; [n]{}", &tail[tail.find(" filtered out").unwrap()..]);
    insta::assert_snapshot!("ja_changed_rule_text", shown);

    let json = tetsuzuki_in(&dir, &["test", "model", "towns", "--town", "oishida", "--format", "json", "--lang", "ja"]);
    assert_eq!(json.status.code(), Some(1));
    let value: serde_json::Value = serde_json::from_slice(&json.stdout).expect("JSON on stdout");
    let run = value["runs"].as_array().unwrap().iter().find(|r| r["status"] == "failed").unwrap();
    let submission = run["mismatches"].as_array().unwrap().iter().find(|m| m["path"] == "expect.submission").unwrap();
    assert_eq!((submission["what"].as_str(), submission["expected"].as_str()), (Some("送信内容"), Some("送信される")));
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn an_unknown_language_is_a_usage_error() {
    let out = tetsuzuki_in(&root(), &["test", "fixtures/model", "fixtures/towns", "--lang", "fr"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("unknown language `fr`"), "{}", text(&out.stderr));
}
