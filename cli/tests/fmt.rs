//! `tetsuzuki fmt`: writes the canonical layout in place, keeps comments, `--check` exits 1
//! when a file would change, and a file that is not YAML is reported and left untouched.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn tetsuzuki(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tetsuzuki")).args(args).current_dir(root()).output().expect("runs")
}

/// A fresh scratch folder.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("tetsuzuki-fmt-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn text(out: &[u8]) -> String {
    String::from_utf8_lossy(out).into_owned()
}

const MESSY: &str = "\
# A town's own procedure.
id: dog   # its id
kind: procedure
title: {en: Dog, ja: 犬}
version: '1.0.0'
";

const LAID_OUT: &str = "\
# A town's own procedure.
kind: procedure
id: dog # its id
version: 1.0.0
title: {ja: 犬, en: Dog}
";

fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> =
        std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    names
}

#[test]
fn check_lists_the_files_that_would_change_and_exits_1() {
    let dir = scratch("check");
    let file = dir.join("dog.yaml");
    std::fs::write(&file, MESSY).unwrap();
    std::fs::write(dir.join("done.yaml"), LAID_OUT).unwrap();
    let out = tetsuzuki(&["fmt", "--check", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(stdout.starts_with(&format!("{}\n@@ -2 +2 @@\n-id: dog   # its id\n", file.display())), "{stdout}");
    assert!(stdout.contains("-id: dog   # its id\n"), "{stdout}");
    assert!(stdout.contains("+id: dog # its id\n"), "{stdout}");
    assert!(!stdout.contains("done.yaml"), "{stdout}");
    assert!(text(&out.stderr).contains("laid out 2 files: 1 would change"), "{}", text(&out.stderr));
    // Nothing was written.
    assert_eq!(std::fs::read_to_string(&file).unwrap(), MESSY);
    assert_eq!(names(&dir), ["dog.yaml", "done.yaml"]);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn fmt_writes_the_layout_in_place_keeping_comments() {
    let dir = scratch("write");
    let file = dir.join("dog.yaml");
    std::fs::write(&file, MESSY).unwrap();
    let out = tetsuzuki(&["fmt", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), format!("{}\n", file.display()));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), LAID_OUT);
    // No temporary file is left beside it, and a second run changes nothing.
    assert_eq!(names(&dir), ["dog.yaml"]);
    let again = tetsuzuki(&["fmt", "--check", file.to_str().unwrap()]);
    assert_eq!(again.status.code(), Some(0), "{}", text(&again.stdout));
    assert_eq!(text(&again.stdout), "");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_file_that_is_not_yaml_is_reported_like_check_and_left_untouched() {
    let dir = scratch("bad");
    let file = dir.join("bad.yaml");
    let bad = "kind: procedure\ntitle: {ja: あ\nid: x\n";
    std::fs::write(&file, bad).unwrap();
    std::fs::write(dir.join("ok.yaml"), MESSY).unwrap();
    let out = tetsuzuki(&["fmt", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(stderr.contains("error[yaml-syntax]: this `{` is not closed"), "{stderr}");
    assert!(stderr.contains(&format!("--> {}:2:8", file.display())), "{stderr}");
    assert!(stderr.contains("1 not laid out"), "{stderr}");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), bad);
    // The other file is still laid out.
    assert_eq!(std::fs::read_to_string(dir.join("ok.yaml")).unwrap(), LAID_OUT);
    // check says the same about the bad file.
    let check = tetsuzuki(&["check", file.to_str().unwrap()]);
    assert!(text(&check.stdout).contains(&format!("--> {}:2:8", file.display())), "{}", text(&check.stdout));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn binary_files_are_refused_unread() {
    let out = tetsuzuki(&["fmt", "--check", "fixtures/invalid/binary-file.yaml"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("error[encoding]"), "{}", text(&out.stderr));
}

#[test]
fn the_messy_sample_would_change_and_no_folder_means_no_files() {
    let out = tetsuzuki(&["fmt", "--check", "fixtures/fmt"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stdout).starts_with("fixtures/fmt/messy.yaml\n@@"), "{}", text(&out.stdout));
    let empty = scratch("empty");
    let none = tetsuzuki(&["fmt", empty.to_str().unwrap()]);
    assert_eq!(none.status.code(), Some(2));
    assert!(text(&none.stderr).contains("no definition files"), "{}", text(&none.stderr));
    let _ = std::fs::remove_dir_all(&empty);
}
