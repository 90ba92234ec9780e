//! Draft migration with the diff: given the catalogue a draft was made with, the restore
//! report lists the field-level changes of its procedures.

mod support;

use serde_json::json;
use tetsuzuki::catalog::Catalog;
use tetsuzuki::diff::{Aspect, ChangeKind};
use tetsuzuki::draft::{restore, restore_with_previous};
use tetsuzuki::session::Session;

#[test]
fn a_restore_against_newer_definitions_lists_the_changed_fields() {
    let catalog = support::sample("oishida");
    let mut session = Session::start(&catalog, &["tennyu"]).unwrap();
    session.set_answer("move.date", json!("2026-11-20")).unwrap();
    let text = session.save_draft();

    let previous = catalog.compiled().clone();
    let mut newer = previous.clone();
    let tennyu = newer.procedures.iter_mut().find(|p| p.id == "tennyu").unwrap();
    tennyu.version = "2.0.0".into();
    let family =
        tennyu.form.pages.iter_mut().flat_map(|p| p.fields.iter_mut()).find(|f| f.id == "family_name").unwrap();
    family.max_length = Some(10);
    newer.seal();
    let newer = Catalog::new(newer);

    let (_, report) = restore_with_previous(&newer, &text, &previous).unwrap();
    assert_eq!(report.changed.len(), 1);
    let paths: Vec<&str> = report.fields.iter().map(|c| c.path.as_str()).collect();
    assert_eq!(paths, ["version", "fields.family_name.max_length"], "{:#?}", report.fields);
    let c = &report.fields[1];
    assert_eq!((c.kind, c.aspect, c.procedure.as_deref()), (ChangeKind::Added, Aspect::Constraint, Some("tennyu")));
    let json = serde_json::to_value(&report).unwrap();
    assert_eq!(json["fields"][1]["path"], "fields.family_name.max_length");

    // Without the previous catalogue (or with another one), the report is as before.
    let (_, plain) = restore(&newer, &text).unwrap();
    assert!(plain.fields.is_empty());
    assert!(serde_json::to_value(&plain).unwrap().get("fields").is_none(), "no new key in the report's JSON");
    let (_, other) = restore_with_previous(&newer, &text, newer.compiled()).unwrap();
    assert!(other.fields.is_empty());
    assert_eq!(other, plain);
}
