//! `tetsuzuki test`: the sample towns' scenarios pass; a rule changed in the shared model makes
//! the scenario that depends on it fail with a located diff (text, JSON, JUnit); `--update`
//! writes the new outcome into the scenario and says so; every bad scenario in
//! `cli/tests/invalid-scenarios/` is reported at its line, with its snapshot beside it.

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
/// `towns/`, their scenarios included.
fn samples(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("tetsuzuki-scenarios-{name}-{}", std::process::id()));
    std::fs::remove_dir_all(&dir).ok();
    copy(&root().join("fixtures/model"), &dir.join("model"), true);
    copy(&root().join("fixtures/towns"), &dir.join("towns"), true);
    dir
}

#[test]
fn the_sample_scenarios_pass_and_each_town_has_its_own() {
    let out = tetsuzuki_in(&root(), &["test", "fixtures/model", "fixtures/towns"]);
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}{}", text(&out.stderr));
    assert!(stdout.contains("test result: ok."), "{stdout}");
    assert!(!stdout.contains("FAILED") && !stdout.contains("ignored,"), "{stdout}");
    for town in ["oishida", "obanazawa", "funagata"] {
        let dir = root().join("fixtures/towns").join(town).join("scenarios");
        let files: Vec<String> =
            std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
        assert!(files.len() >= 3, "{town}: {files:?}");
        for event in ["moving-in.yaml", "birth.yaml"] {
            assert!(files.iter().any(|f| f == event), "{town} has no {event}: {files:?}");
        }
        // The shared model's scenarios run for the town, and its own for it alone.
        assert!(stdout.contains(&format!("test {town}: moving in with a child of 3 ... ok")), "{stdout}");
    }
    assert!(stdout.contains("test oishida: a child starting school needs nothing from the parents ... ok"));
    assert!(!stdout.contains("test funagata: a child starting school"), "oishida's scenario runs for oishida only");
}

/// The proof of the point: the shared model narrows 子育て支援医療 to children of 2 and under,
/// and the scenario of a child of 3 fails in every town, by name, at the lines it states.
#[test]
fn a_rule_changed_in_the_model_fails_the_named_scenario_with_a_located_diff() {
    let dir = samples("changed-rule");
    let rule = dir.join("model/procedures/kodomo-iryo.yaml");
    let before = std::fs::read_to_string(&rule).unwrap();
    assert!(before.contains("check: age(child_birth_date) <= 18"));
    std::fs::write(&rule, before.replacen("age(child_birth_date) <= 18", "age(child_birth_date) <= 2", 1)).unwrap();

    let all = tetsuzuki_in(&dir, &["test", "model", "towns"]);
    let stdout = text(&all.stdout);
    assert_eq!(all.status.code(), Some(1), "{stdout}{}", text(&all.stderr));
    let failed: Vec<&str> = stdout.lines().filter(|l| l.ends_with("... FAILED")).collect();
    assert_eq!(
        failed,
        [
            "test funagata: the child medical subsidy for a child of 3 ... FAILED",
            "test obanazawa: the child medical subsidy for a child of 3 ... FAILED",
            "test oishida: the child medical subsidy for a child of 3 ... FAILED",
        ],
        "{stdout}"
    );

    let one = tetsuzuki_in(&dir, &["test", "model", "towns", "--town", "oishida", "--filter", "child medical subsidy"]);
    assert_eq!(one.status.code(), Some(1));
    // How many other scenarios were filtered out changes as scenarios are added: not shown.
    let shown = text(&one.stdout);
    let (head, tail) = shown.rsplit_once("; 0 invalid; ").unwrap();
    let shown = format!("{head}; 0 invalid; [n]{}", &tail[tail.find(" filtered out").unwrap()..]);
    insta::assert_snapshot!("changed_rule_text", shown);

    // The same, for CI systems.
    let json = tetsuzuki_in(&dir, &["test", "model", "towns", "--town", "oishida", "--format", "json"]);
    assert_eq!(json.status.code(), Some(1));
    let value: serde_json::Value = serde_json::from_slice(&json.stdout).expect("JSON on stdout");
    assert_eq!(value["ok"], false);
    assert_eq!(value["failed"], 1);
    let run = value["runs"].as_array().unwrap().iter().find(|r| r["status"] == "failed").unwrap();
    assert_eq!(run["scenario"], "the child medical subsidy for a child of 3");
    assert_eq!(run["file"], "model/scenarios/kodomo-iryo.yaml");
    let submission = run["mismatches"].as_array().unwrap().iter().find(|m| m["path"] == "expect.submission").unwrap();
    assert_eq!((submission["expected"].as_str(), submission["line"].as_u64()), (Some("submitted"), Some(34)));
    assert!(submission["got"].as_str().unwrap().contains("child_birth_date rule.age_limit"), "{submission}");

    let junit = tetsuzuki_in(&dir, &["test", "model", "towns", "--town", "oishida", "--format", "junit"]);
    assert_eq!(junit.status.code(), Some(1));
    let xml = text(&junit.stdout);
    assert!(
        xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"tetsuzuki test\""),
        "{xml}"
    );
    assert_eq!(xml.matches("<failure ").count(), 1, "{xml}");
    assert!(
        xml.contains("<testcase name=\"the child medical subsidy for a child of 3\" classname=\"oishida\" file=\"model/scenarios/kodomo-iryo.yaml\" line=\"3\">"),
        "{xml}"
    );
    assert_eq!(xml.matches("<testcase ").count(), xml.matches("</testcase>").count() + xml.matches("\"/>\n").count());
    std::fs::remove_dir_all(dir).ok();
}

/// `--update` writes what came out into the expectations that failed, keeps the rest of the
/// file (comments too), shows each change, and the scenario then passes.
#[test]
fn update_writes_the_current_outcome_into_the_scenario_and_shows_it() {
    let dir = samples("update");
    let rule = dir.join("model/procedures/kodomo-iryo.yaml");
    let before = std::fs::read_to_string(&rule).unwrap();
    std::fs::write(&rule, before.replacen("age(child_birth_date) <= 18", "age(child_birth_date) <= 2", 1)).unwrap();
    let scenario = dir.join("model/scenarios/kodomo-iryo.yaml");
    let old = std::fs::read_to_string(&scenario).unwrap();

    let out = tetsuzuki_in(&dir, &["test", "model", "towns", "--filter", "child medical subsidy", "--update"]);
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "every failure was written: {stdout}");
    let shown = &stdout[stdout.find("updated model/scenarios/kodomo-iryo.yaml:").expect("the file is named")..];
    insta::assert_snapshot!("update_shown", shown);

    let new = std::fs::read_to_string(&scenario).unwrap();
    assert_ne!(new, old);
    let comments =
        |t: &str| t.lines().filter(|l| l.trim_start().starts_with('#')).map(str::to_string).collect::<Vec<_>>();
    assert_eq!(comments(&new), comments(&old), "comments are kept");
    assert!(new.contains("  submission: null\n"), "{new}");
    // Unchanged: the other scenario of the file, and the answers.
    assert_eq!(new[new.find("\n---\n").unwrap()..], old[old.find("\n---\n").unwrap()..]);
    let again = tetsuzuki_in(&dir, &["test", "model", "towns", "--filter", "child medical subsidy"]);
    assert_eq!(again.status.code(), Some(0), "{}", text(&again.stdout));
    std::fs::remove_dir_all(dir).ok();
}

/// A shared scenario that one town fails (funagata keeps 10 characters of a flat number, the
/// model 20) is not updated for every town: `--town` says which outcome to write.
#[test]
fn a_scenario_that_passes_in_one_town_and_fails_in_another_is_updated_only_for_a_named_town() {
    let dir = samples("update-disagree");
    let scenario = dir.join("model/scenarios/water.yaml");
    let written = "# A flat number of 15 characters.\nscenario: a long flat number\ntoday: 2026-11-23\nprocedure: suido-kaishi\nanswers:\n  building_kind: apartment\n  room: 201号室 グランドハイツ大石田\nexpect:\n  no_issues:\n    - field: room\n";
    std::fs::write(&scenario, written).unwrap();
    let out = tetsuzuki_in(&dir, &["test", "model", "towns", "--filter", "a long flat number", "--update"]);
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(stdout.contains("test funagata: a long flat number ... FAILED"), "{stdout}");
    assert!(stdout.contains("test oishida: a long flat number ... ok"), "{stdout}");
    assert!(
        stdout.contains("not updated in model/scenarios/water.yaml: a long flat number: not updated: it fails for funagata but not for obanazawa, oishida; give `--town`"),
        "{stdout}"
    );
    assert_eq!(std::fs::read_to_string(&scenario).unwrap(), written, "nothing written");

    let out = tetsuzuki_in(
        &dir,
        &["test", "model", "towns", "--filter", "a long flat number", "--town", "funagata", "--update"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stdout));
    let updated = std::fs::read_to_string(&scenario).unwrap();
    assert!(updated.ends_with("expect:\n  issues:\n    - field: room\n      code: text.too_long\n"), "{updated}");
    std::fs::remove_dir_all(dir).ok();
}

/// A town that does not offer a scenario's life event skips it, and says so.
#[test]
fn a_town_that_does_not_offer_the_life_event_skips_the_scenario() {
    let dir = samples("ignored");
    let town = dir.join("towns/obanazawa.yaml");
    let written = std::fs::read_to_string(&town).unwrap();
    let without = written.replacen(", school-entry]", "]", 1);
    assert_ne!(without, written);
    std::fs::write(&town, without).unwrap();
    let scenario = "scenario: the school register\ntoday: 2026-11-23\nevent: school-entry\nscreening: {child_birth_date: 2020-06-01}\nexpect:\n  checklist:\n    applies: [gakureibo]\n";
    std::fs::write(dir.join("model/scenarios/school.yaml"), scenario).unwrap();
    let out = tetsuzuki_in(&dir, &["test", "model", "towns", "--filter", "school register"]);
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(
        stdout.contains(
            "test obanazawa: the school register ... ignored, obanazawa does not offer the life event `school-entry`"
        ),
        "{stdout}"
    );
    assert!(stdout.contains("test result: ok. 2 passed; 0 failed; 1 ignored;"), "{stdout}");
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn usage_errors_exit_2_like_check() {
    let out = tetsuzuki_in(&root(), &["test", "fixtures/model", "fixtures/towns", "--town", "oishda"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("there is no town `oishda`; did you mean `oishida`?"), "{}", text(&out.stderr));
    let out = tetsuzuki_in(&root(), &["test", "fixtures/invalid/unknown-key.yaml"]);
    assert_eq!(out.status.code(), Some(1), "definitions with errors are not tested");
    assert!(text(&out.stderr).contains("not tested: fix the errors above first"));
    let out = tetsuzuki_in(&root(), &["test", "fixtures/no-such-folder"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn the_committed_scenario_schema_is_what_the_cli_prints() {
    let out = tetsuzuki_in(&root(), &["schema", "--scenario"]);
    assert_eq!(out.status.code(), Some(0));
    let committed = std::fs::read_to_string(root().join("schema/scenario.schema.json")).unwrap();
    assert_eq!(text(&out.stdout), committed, "run `tetsuzuki schema --scenario > schema/scenario.schema.json`");
}

/// A fresh scratch folder holding the sample definitions without their scenarios.
fn bare_samples() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("tetsuzuki-scenarios-bare-{}", std::process::id()));
    std::fs::remove_dir_all(&dir).ok();
    copy(&root().join("fixtures/model"), &dir.join("model"), false);
    copy(&root().join("fixtures/towns"), &dir.join("towns"), false);
    dir
}

/// `(line, code)` pairs a case marks with `# <- code` (or `# <- code @ line`).
fn expectations(source: &str) -> Vec<(u32, String)> {
    let mut out = Vec::new();
    for (i, line) in source.lines().enumerate() {
        if let Some(pos) = line.find("# <- ") {
            let spec = line[pos + 5..].trim();
            let (code, at) = match spec.split_once(" @ ") {
                Some((c, n)) => (c.trim(), n.trim().parse::<u32>().expect("a line number after @")),
                None => (spec, i as u32 + 1),
            };
            out.push((at, code.to_string()));
        }
    }
    out
}

#[test]
fn every_bad_scenario_is_reported_at_its_line_with_a_fix() {
    let cases = root().join("cli/tests/invalid-scenarios");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&cases)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
        .collect();
    files.sort();
    assert!(files.len() >= 12, "{files:?}");
    let bare = bare_samples();
    let (model, towns) = (bare.join("model"), bare.join("towns"));
    let mut failures = Vec::new();
    for path in &files {
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        let dir = bare.join("cases").join(&name);
        std::fs::create_dir_all(dir.join("scenarios")).unwrap();
        std::fs::copy(path, dir.join("scenarios").join(format!("{name}.yaml"))).unwrap();
        let out =
            tetsuzuki_in(&dir, &["test", model.to_str().unwrap(), towns.to_str().unwrap(), ".", "--town", "oishida"]);
        let stdout = text(&out.stdout);
        if out.status.code() != Some(1) {
            failures.push(format!("{name}: exit {:?}\n{stdout}{}", out.status.code(), text(&out.stderr)));
        }
        let source = std::fs::read_to_string(path).unwrap();
        let marked = expectations(&source);
        if marked.is_empty() {
            failures.push(format!("{name}: marks no expected problem (`# <- code`)"));
        }
        for (line, code) in marked {
            let at = format!("--> ./scenarios/{name}.yaml:{line}:");
            let found =
                stdout.split("\n\n").any(|block| block.contains(&format!("error[{code}]")) && block.contains(&at));
            if !found {
                failures.push(format!("{name}: expected `{code}` at line {line}:\n{stdout}"));
            }
        }
        insta::with_settings!({
            snapshot_path => "invalid-scenarios/snapshots",
            prepend_module_to_snapshot => false,
            omit_expression => true,
        }, {
            insta::assert_snapshot!(name.as_str(), stdout);
        });
    }
    std::fs::remove_dir_all(&bare).ok();
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
