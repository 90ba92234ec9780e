//! Shared by the integration tests: the sample definitions and their compiled catalogues.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use tetsuzuki::catalog::CompiledCatalog;
use tetsuzuki::check::check_sources;
use tetsuzuki::definitions::{Definitions, SourceFile};
use tetsuzuki::diagnostic::Diagnostic;

/// The repository's root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn yaml_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let p = entry.unwrap().path();
        if p.is_dir() {
            // A `scenarios` folder holds scenario files (`tetsuzuki test`), not definitions.
            if !p.ends_with("scenarios") {
                yaml_files(&p, out);
            }
        } else if p.extension().is_some_and(|x| x == "yaml") {
            out.push(p);
        }
    }
}

/// The sample model and towns, checked.
pub fn load_samples() -> (Definitions, Vec<Diagnostic>) {
    let mut files = Vec::new();
    yaml_files(&root().join("fixtures/model"), &mut files);
    yaml_files(&root().join("fixtures/towns"), &mut files);
    files.sort();
    let sources = files
        .iter()
        .map(|p| {
            let name = p.strip_prefix(root()).unwrap_or(p).display().to_string();
            SourceFile::from_bytes(name, &std::fs::read(p).unwrap())
        })
        .collect();
    check_sources(sources)
}

/// The compiled catalogue of a sample town.
pub fn sample_catalog(town: &str) -> CompiledCatalog {
    let (defs, diagnostics) = load_samples();
    assert!(diagnostics.is_empty(), "{}", defs.render(&diagnostics));
    tetsuzuki::compile::compile(defs.typed().map(|(_, d)| d), town).unwrap()
}

/// Every `.json` file under `fixtures/vectors/<kind>/`, sorted.
pub fn vector_files(kind: &str) -> Vec<PathBuf> {
    let dir = root().join("fixtures/vectors").join(kind);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    files
}

/// The compiled catalogue of a sample town, planned (what hosts hold).
pub fn sample(town: &str) -> tetsuzuki::catalog::Catalog {
    tetsuzuki::catalog::Catalog::new(sample_catalog(town))
}

/// What 転入届 asks beyond dates, addresses, names and the household's size, answered as a
/// Japanese national who moved out with the My Number Card and files alone, joining no household:
/// one place for the tests that fill the form by hand, so a change of the form is made once.
pub fn tennyu_usual_answers() -> serde_json::Map<String, serde_json::Value> {
    let answers = serde_json::json!({
        "move.from_abroad": false,
        "move.card_moveout": true,
        "person.japanese_national": true,
        "person.honseki_prefecture": "13",
        "person.honseki": "千代田区千代田1番",
        "person.hittousha": {"family": "山田", "given": "太郎"},
        "household.joins_existing": false,
        "household.was_head_before": true,
        "tennyu.filer": "self",
    });
    answers.as_object().cloned().unwrap_or_default()
}
