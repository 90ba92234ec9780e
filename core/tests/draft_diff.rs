//! Draft migration with the diff: given the catalogue a draft was made with, the restore
//! report lists the field-level changes of its procedures.

mod support;

use serde_json::json;
use tetsuzuki::catalog::Catalog;
use tetsuzuki::diff::{Aspect, ChangeKind};
use tetsuzuki::draft::{restore, restore_with_previous};
use tetsuzuki::model::ChoiceOption;
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

    // Hosts get the same through host::restore_draft: the report's view carries the changes
    // as core serialises them (and an empty list without the previous catalogue).
    let previous_catalog = Catalog::new(previous.clone());
    let (_, view) = tetsuzuki::host::restore_draft(&newer, &text, Some(&previous_catalog)).unwrap();
    let view = serde_json::to_value(&view).unwrap();
    assert_eq!(view["fields"], json["fields"]);
    assert_eq!(view["fields"][1]["kind"], "added");
    let (_, view) = tetsuzuki::host::restore_draft(&newer, &text, None).unwrap();
    assert_eq!(serde_json::to_value(&view).unwrap()["fields"], json!([]));

    // Without the previous catalogue (or with another one), the report is as before.
    let (_, plain) = restore(&newer, &text).unwrap();
    assert!(plain.fields.is_empty());
    assert!(serde_json::to_value(&plain).unwrap().get("fields").is_none(), "no new key in the report's JSON");
    let (_, other) = restore_with_previous(&newer, &text, newer.compiled()).unwrap();
    assert!(other.fields.is_empty());
    assert_eq!(other, plain);
}

#[test]
fn a_code_field_the_town_narrowed_since_the_draft_reads_as_the_codes_it_removed() {
    let catalog = support::sample("oishida");
    let mut session = Session::start(&catalog, &["suido-kaishi"]).unwrap();
    session.set_answer("bank.account_type", json!("1")).unwrap();
    let text = session.save_draft();

    // The town now keeps only 普通 (`1`) of the code list: compile carries the kept codes as
    // the field's options.
    let previous = catalog.compiled().clone();
    let mut newer = previous.clone();
    let list = newer.code_lists.iter().find(|l| l.id == "account-type").unwrap().clone();
    assert!(list.codes.len() > 1, "the sample's list has more than the code kept");
    let water = newer.procedures.iter_mut().find(|p| p.id == "suido-kaishi").unwrap();
    let account =
        water.form.pages.iter_mut().flat_map(|p| p.fields.iter_mut()).find(|f| f.id == "account_type").unwrap();
    assert_eq!(account.code_list.as_deref(), Some("account-type"));
    assert!(account.options.is_empty(), "not narrowed in the sample");
    account.options = list
        .codes
        .iter()
        .filter(|c| c.code == "1")
        .map(|c| ChoiceOption { value: c.code.clone(), label: c.label.clone() })
        .collect();
    newer.seal();
    let newer = Catalog::new(newer);

    let (_, report) = restore_with_previous(&newer, &text, &previous).unwrap();
    let seen: Vec<(&str, ChangeKind, Aspect)> =
        report.fields.iter().map(|c| (c.path.as_str(), c.kind, c.aspect)).collect();
    let removed: Vec<String> = list
        .codes
        .iter()
        .filter(|c| c.code != "1")
        .map(|c| format!("fields.account_type.options.{}", c.code))
        .collect();
    let expected: Vec<(&str, ChangeKind, Aspect)> =
        removed.iter().map(|p| (p.as_str(), ChangeKind::Removed, Aspect::Constraint)).collect();
    assert_eq!(seen, expected, "{:#?}", report.fields);
    assert!(report.fields.iter().all(|c| c.procedure.as_deref() == Some("suido-kaishi")));
    // Each removed option is shown by its label.
    let label = serde_json::to_value(&list.codes.iter().find(|c| c.code == "2").unwrap().label).unwrap();
    assert_eq!(report.fields[0].old.as_ref(), Some(&label));

    // Without the code lists, the same two procedures read as the kept code added.
    let (old, new) = (previous.procedure("suido-kaishi").unwrap(), newer.procedure("suido-kaishi").unwrap());
    let bare: Vec<String> = tetsuzuki::diff::procedure(old, new).into_iter().map(|c| c.path).collect();
    assert_eq!(bare, ["fields.account_type.options.1"]);
}
