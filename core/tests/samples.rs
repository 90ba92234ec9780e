//! The sample model and towns in `fixtures/`: clean under the checker, compiled for each
//! town, loaded back losslessly, and valid against the committed JSON Schema.

mod support;

use support::{load_samples, root};
use tetsuzuki::catalog::{CatalogError, CompiledCatalog};
use tetsuzuki::compile::compile;

#[test]
fn the_samples_are_clean() {
    let (defs, diagnostics) = load_samples();
    assert!(diagnostics.is_empty(), "the sample catalogue has problems:\n{}", defs.render(&diagnostics));
}

#[test]
fn the_sample_model_is_large_enough_and_marked_as_sample() {
    let (defs, _) = load_samples();
    let docs: Vec<_> = defs.typed().map(|(_, d)| d).collect();
    use tetsuzuki::model::Document::*;
    let procedures = docs.iter().filter(|d| matches!(d, Procedure(_))).count();
    let events = docs.iter().filter(|d| matches!(d, LifeEvent(_))).count();
    let towns = docs.iter().filter(|d| matches!(d, Town(_))).count();
    assert!(procedures >= 25, "{procedures} procedures");
    assert!(events >= 6, "{events} life events");
    assert!(towns >= 2, "{towns} towns");
    for d in &docs {
        let sample = match d {
            Procedure(p) => p.sample,
            LifeEvent(e) => e.sample,
            Vocabulary(v) => v.sample,
            CodeList(c) => c.sample,
            Town(t) => t.sample,
            Model(m) => m.sample,
            Region(r) => r.sample,
        };
        assert!(sample, "every fixture file must say `sample: true`: {d:?}");
    }
}

#[test]
fn every_town_compiles_and_loads_back_losslessly() {
    let (defs, _) = load_samples();
    let towns: Vec<String> = defs
        .typed()
        .filter_map(|(_, d)| match d {
            tetsuzuki::model::Document::Town(t) => Some(t.id.clone()),
            _ => None,
        })
        .collect();
    for town in towns {
        let catalog = compile(defs.typed().map(|(_, d)| d), &town).unwrap();
        let json = catalog.to_json();
        let loaded = CompiledCatalog::from_json(&json).unwrap();
        assert_eq!(loaded, catalog);
        assert_eq!(loaded.to_json(), json, "serialise → load → serialise is the identity");
        let summary = loaded.summary();
        assert!(summary.procedures >= 25 && summary.life_events >= 6, "{summary:?}");
        // Every field in a compiled catalogue has its type and label resolved.
        for p in &loaded.procedures {
            for f in p.form.fields() {
                assert!(f.field_type.is_some() && f.label.is_some(), "{}.{} unresolved", p.id, f.id);
            }
        }
    }
}

#[test]
fn a_changed_catalogue_is_refused() {
    let (defs, _) = load_samples();
    let catalog = compile(defs.typed().map(|(_, d)| d), "oishida").unwrap();
    let tampered = catalog.to_json().replacen("転入届", "転入届X", 1);
    assert!(matches!(CompiledCatalog::from_json(&tampered), Err(CatalogError::HashMismatch { .. })));
    assert!(matches!(CompiledCatalog::from_json("{"), Err(CatalogError::Malformed(_))));
    let mut other = catalog.clone();
    other.format = "tetsuzuki-catalog/0".into();
    other.seal();
    assert!(matches!(CompiledCatalog::from_json(&other.to_json()), Err(CatalogError::UnsupportedFormat { .. })));
}

#[test]
fn compiling_an_unknown_town_names_the_known_ones() {
    let (defs, _) = load_samples();
    let err = compile(defs.typed().map(|(_, d)| d), "oishda").unwrap_err();
    assert!(err.to_string().contains("oishida"), "{err}");
}

#[test]
fn the_committed_schema_is_up_to_date() {
    let committed = std::fs::read_to_string(root().join("schema/definitions.schema.json")).unwrap();
    assert!(
        committed == tetsuzuki::schema::definition_schema_text(),
        "schema/definitions.schema.json is stale: run `cargo run -p tetsuzuki-cli -- schema > schema/definitions.schema.json`"
    );
}

#[test]
fn every_sample_document_validates_against_the_committed_schema() {
    let committed: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(root().join("schema/definitions.schema.json")).unwrap()).unwrap();
    let validator = jsonschema::validator_for(&committed).expect("the schema is a valid JSON Schema");
    let (defs, _) = load_samples();
    let mut failures = Vec::new();
    for doc in &defs.documents {
        let instance = doc.node.to_json();
        for error in validator.iter_errors(&instance) {
            failures.push(format!("{}: {} at {}", defs.files[doc.file].name, error, error.instance_path()));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
