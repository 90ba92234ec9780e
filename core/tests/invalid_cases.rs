//! Every file in `fixtures/invalid/` is one mistake an author can make. Each must be reported
//! at the marked line with a fix, and its rendered diagnostics match the snapshot beside it
//! (`fixtures/invalid/snapshots/`).
//!
//! A case marks the line where a diagnostic is expected with a comment `# <- CODE` on that
//! line (or `# <- CODE @ N` for line N, where a comment cannot stand on the line itself).

use std::path::{Path, PathBuf};

use tetsuzuki::check::check_sources;
use tetsuzuki::definitions::SourceFile;

fn cases() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../fixtures/invalid");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("fixtures/invalid exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
        .collect();
    files.sort();
    files
}

/// `(line, code)` pairs the case expects.
fn expectations(text: &str) -> Vec<(u32, String)> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if let Some(pos) = line.find("# <- ") {
            let spec = line[pos + 5..].trim();
            let (code, at) = match spec.split_once(" @ ") {
                Some((c, n)) => (c.trim(), n.trim().parse::<u32>().expect("line number after @")),
                None => (spec, i as u32 + 1),
            };
            out.push((at, code.to_string()));
        }
    }
    out
}

#[test]
fn every_invalid_case_is_reported_at_its_line_with_a_fix() {
    let files = cases();
    assert!(files.len() >= 30, "expected at least 30 invalid cases, found {}", files.len());
    let mut failures = Vec::new();
    for path in &files {
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        let bytes = std::fs::read(path).unwrap();
        let shown = format!("fixtures/invalid/{name}.yaml");
        let (defs, diagnostics) = check_sources(vec![SourceFile::from_bytes(shown, &bytes)]);
        let text = String::from_utf8_lossy(&bytes);
        let expected = expectations(&text);
        if expected.is_empty() {
            failures.push(format!("{name}: marks no expected diagnostic (`# <- code`)"));
        }
        for (line, code) in &expected {
            let hit = diagnostics.iter().map(|d| defs.locate(d)).find(|l| l.line == *line && l.code == code);
            match hit {
                None => failures.push(format!(
                    "{name}: expected `{code}` at line {line}; got: {}",
                    diagnostics
                        .iter()
                        .map(|d| {
                            let l = defs.locate(d);
                            format!("{}@{}", l.code, l.line)
                        })
                        .collect::<Vec<_>>()
                        .join(", ")
                )),
                Some(l) if l.fix.is_none() => failures.push(format!("{name}: `{code}` at line {line} has no fix")),
                Some(_) => {}
            }
        }
        let rendered = defs.render(&diagnostics);
        insta::with_settings!({
            snapshot_path => "../../fixtures/invalid/snapshots",
            prepend_module_to_snapshot => false,
            omit_expression => true,
        }, {
            insta::assert_snapshot!(name, rendered);
        });
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}
