//! `diff`: field-level changes between two compiled catalogues of the sample model.

mod support;

use serde_json::json;
use support::load_samples;
use tetsuzuki::catalog::CompiledCatalog;
use tetsuzuki::compile::compile;
use tetsuzuki::diff::{Aspect, Change, ChangeKind, catalogs, render};
use tetsuzuki::model::{ChoiceOption, Field, FieldType, Requirement, Rule, Severity, Text};

fn oishida() -> CompiledCatalog {
    let (defs, _) = load_samples();
    compile(defs.typed().map(|(_, d)| d), "oishida").unwrap()
}

fn find<'c>(changes: &'c [Change], procedure: &str, path: &str) -> &'c Change {
    changes
        .iter()
        .find(|c| c.procedure.as_deref() == Some(procedure) && c.path == path)
        .unwrap_or_else(|| panic!("no change at {procedure} {path}: {changes:#?}"))
}

#[test]
fn the_same_catalogue_has_no_changes() {
    let c = oishida();
    assert!(catalogs(&c, &c).is_empty());
    assert_eq!(render(&[]), "no changes\n");
}

#[test]
fn field_level_changes_are_listed() {
    let old = oishida();
    let mut new = old.clone();
    let tennyu = new.procedures.iter_mut().find(|p| p.id == "tennyu").unwrap();
    tennyu.version = "9.0.0".into();
    tennyu.title.en = Some("Moving-in notification".into());
    let deadline = tennyu.deadline.as_mut().unwrap();
    deadline.days = Some(15);
    let page = &mut tennyu.form.pages[0];
    let move_date = page.fields.iter_mut().find(|f| f.id == "move_date").unwrap();
    move_date.hint = None;
    move_date.required = Requirement::Fixed(false);
    move_date.rules[0].check = "days_between(move_date, today()) <= 15".into();
    move_date.rules.push(Rule {
        id: "not_too_old".into(),
        check: "days_between(move_date, today()) <= 365".into(),
        when: None,
        severity: Severity::Error,
        message: Text::new("一年以上前の日付です", "The date is more than a year ago"),
        fix: Text::new("日付を確かめてください", "Check the date"),
        fields: vec![],
    });
    page.fields.push(Field::new("second_email", FieldType::Email, Text::new("メール", "Email")));
    let family =
        tennyu.form.pages.iter_mut().flat_map(|p| p.fields.iter_mut()).find(|f| f.id == "family_name").unwrap();
    family.max_length = Some(20);
    family.field_type = Some(FieldType::Multiline);
    new.procedures.retain(|p| p.id != "kaso-kyoka");
    new.code_lists.iter_mut().find(|l| l.id == "relationship").unwrap().codes.pop();

    let changes = catalogs(&old, &new);
    let c = find(&changes, "tennyu", "version");
    assert_eq!((c.kind, c.aspect), (ChangeKind::Changed, Aspect::Version));
    let was = old.procedure("tennyu").unwrap().version.clone();
    assert_eq!((c.old.clone(), c.new.clone()), (Some(json!(was)), Some(json!("9.0.0"))));
    assert_eq!(find(&changes, "tennyu", "title.en").aspect, Aspect::Text);
    let c = find(&changes, "tennyu", "deadline.days");
    assert_eq!((c.aspect, c.new.clone()), (Aspect::Deadline, Some(json!(15))));
    let c = find(&changes, "tennyu", "fields.move_date.hint");
    assert_eq!((c.kind, c.aspect), (ChangeKind::Removed, Aspect::Text));
    let c = find(&changes, "tennyu", "fields.move_date.required");
    assert_eq!((c.aspect, c.old.clone(), c.new.clone()), (Aspect::Required, Some(json!(true)), Some(json!(false))));
    assert_eq!(find(&changes, "tennyu", "fields.move_date.rules.late.check").aspect, Aspect::Rule);
    let c = find(&changes, "tennyu", "fields.move_date.rules.not_too_old");
    assert_eq!((c.kind, c.aspect), (ChangeKind::Added, Aspect::Rule));
    let c = find(&changes, "tennyu", "fields.second_email");
    assert_eq!((c.kind, c.aspect, c.new.clone()), (ChangeKind::Added, Aspect::Field, Some(json!("email"))));
    let c = find(&changes, "tennyu", "fields.family_name.max_length");
    assert_eq!((c.kind, c.aspect, c.new.clone()), (ChangeKind::Added, Aspect::Constraint, Some(json!(20))));
    assert_eq!(find(&changes, "tennyu", "fields.family_name.type").aspect, Aspect::Type);
    let c = find(&changes, "kaso-kyoka", "");
    assert_eq!((c.kind, c.aspect), (ChangeKind::Removed, Aspect::Procedure));
    let c = changes.iter().find(|c| c.aspect == Aspect::CodeList).expect("a code removed");
    assert_eq!(c.kind, ChangeKind::Removed);
    assert!(c.path.starts_with("code_lists.relationship.codes."), "{}", c.path);

    // Nothing else changed.
    let others: Vec<&Change> =
        changes.iter().filter(|c| !matches!(c.procedure.as_deref(), Some("tennyu" | "kaso-kyoka") | None)).collect();
    assert!(others.is_empty(), "{others:#?}");

    let text = render(&changes);
    assert!(text.contains(&format!("tennyu\n  ~ version [version]: \"{was}\" → \"9.0.0\"\n")), "{text}");
    assert!(text.contains("  + fields.second_email [field]: \"email\"\n"), "{text}");
    assert!(text.contains("kaso-kyoka\n  - (procedure) [procedure]: \""), "{text}");

    // JSON is stable: kind, aspect, procedure, path, old, new.
    let value = serde_json::to_value(find(&changes, "tennyu", "fields.family_name.max_length")).unwrap();
    assert_eq!(
        value,
        json!({"kind": "added", "aspect": "constraint", "procedure": "tennyu", "path": "fields.family_name.max_length", "new": 20})
    );
    let back: Vec<Change> = serde_json::from_value(serde_json::to_value(&changes).unwrap()).unwrap();
    assert_eq!(back, changes);
}

#[test]
fn two_towns_differ_in_their_local_details_only() {
    let (defs, _) = load_samples();
    let a = compile(defs.typed().map(|(_, d)| d), "oishida").unwrap();
    let b = compile(defs.typed().map(|(_, d)| d), "obanazawa").unwrap();
    let changes = catalogs(&a, &b);
    assert!(!changes.is_empty());
    for c in &changes {
        assert!(
            matches!(c.aspect, Aspect::Detail | Aspect::Town) && !c.path.starts_with("fields."),
            "towns share the model's fields: {c:?}"
        );
    }
}

#[test]
fn options_are_compared_by_value_and_their_order() {
    let old = oishida();
    let mut new = old.clone();
    let p = new.procedures.iter_mut().find(|p| p.id == "koki-soshitsu").unwrap();
    let returned =
        p.form.pages.iter_mut().flat_map(|p| p.fields.iter_mut()).find(|f| f.id == "certificate_return").unwrap();
    returned.options.retain(|o| o.value != "post");
    returned.options.reverse();
    returned.options[0].label.en = Some("We do not have one".into());
    returned
        .options
        .push(ChoiceOption { value: "pharmacy".into(), label: Text::new("薬局に預ける", "At a pharmacy") });

    let changes = catalogs(&old, &new);
    let seen: Vec<(&str, ChangeKind, Aspect)> = changes.iter().map(|c| (c.path.as_str(), c.kind, c.aspect)).collect();
    assert_eq!(
        seen,
        [
            ("fields.certificate_return.options.none.label.en", ChangeKind::Changed, Aspect::Text),
            ("fields.certificate_return.options.pharmacy", ChangeKind::Added, Aspect::Constraint),
            ("fields.certificate_return.options.post", ChangeKind::Removed, Aspect::Constraint),
            ("fields.certificate_return.options", ChangeKind::Changed, Aspect::Constraint),
        ]
    );
    // An option added or removed shows its label; a new order shows the values both have.
    assert_eq!(changes[1].new, Some(json!({"ja": "薬局に預ける", "en": "At a pharmacy"})));
    assert_eq!(changes[3].old, Some(json!(["counter", "none"])));
    assert_eq!(changes[3].new, Some(json!(["none", "counter"])));
}
