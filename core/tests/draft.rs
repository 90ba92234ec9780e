//! Drafts: saved and restored exactly; restored against changed definitions with a report;
//! cut short or damaged drafts give clear errors or are repaired; nothing typed is lost.

mod support;

use proptest::prelude::*;
use serde_json::json;
use tetsuzuki::draft::{DraftError, restore};
use tetsuzuki::session::Session;

#[test]
fn a_draft_restores_exactly() {
    let catalog = support::sample("oishida");
    let mut session = Session::start(&catalog, &["tennyu", "kokuho-kanyu"]).unwrap();
    session.set_answer("move.date", json!("令和8年11月20日")).unwrap();
    session.set_answer("person.family_name", json!("山田")).unwrap();
    let text = session.save_draft();
    let (restored, report) = restore(&catalog, &text).unwrap();
    assert!(report.same_catalog && report.gone.is_empty() && report.changed.is_empty() && !report.truncated);
    assert_eq!(restored.answers(), session.answers());
    assert_eq!(restored.save_draft(), text, "save → restore → save is the identity");
}

#[test]
fn an_assisted_draft_restores_assisted_and_unconfirmed() {
    let catalog = support::sample("oishida");
    let mut session = Session::start(&catalog, &["tennyu"]).unwrap();
    session.set_assisted(true);
    session.set_answer("move.date", json!("2026-11-20")).unwrap();
    session.confirm_by_resident(true);
    let text = session.save_draft();
    let (restored, _) = restore(&catalog, &text).unwrap();
    assert!(restored.is_assisted(), "a draft made at the counter stays assisted");
    assert!(!restored.is_confirmed_by_resident(), "the resident confirms again after a restore");
    assert!(restored.confirmation_issue(tetsuzuki::model::Lang::Ja).is_some());

    // The flag is written before the answers: a draft cut short keeps it.
    let cut = &text[..text.find("2026-11-20").unwrap()];
    let (repaired, report) = restore(&catalog, cut).unwrap();
    assert!(report.truncated && repaired.is_assisted());

    // A resident's own draft says nothing of it (drafts saved before the flag read alike).
    let own = Session::start(&catalog, &["tennyu"]).unwrap().save_draft();
    assert!(!own.contains("assisted"));
    assert!(!restore(&catalog, &own).unwrap().0.is_assisted());
}

#[test]
fn a_draft_against_newer_definitions_reports_what_changed_and_loses_nothing() {
    let catalog = support::sample("oishida");
    let mut session = Session::start(&catalog, &["tennyu"]).unwrap();
    session.set_answer("move.date", json!("2026-11-20")).unwrap();
    session.set_answer("contact.phone", json!("0237-35-2111")).unwrap();
    let text = session.save_draft();

    // The town takes a new version of 転入届 that no longer asks for a phone number.
    let mut newer = catalog.compiled().clone();
    let tennyu = newer.procedures.iter_mut().find(|p| p.id == "tennyu").unwrap();
    tennyu.version = "2.0.0".into();
    for page in &mut tennyu.form.pages {
        page.fields.retain(|f| f.concept.as_deref() != Some("contact.phone"));
    }
    newer.seal();
    let (restored, report) = restore(&tetsuzuki::catalog::Catalog::new(newer), &text).unwrap();
    assert!(!report.same_catalog);
    assert_eq!(report.changed, [("tennyu".to_string(), "1.2.0".to_string(), "2.0.0".to_string())]);
    assert_eq!(report.gone, ["contact.phone"]);
    assert!(report.recheck.contains(&"move.date".to_string()));
    // The phone number is kept aside and saved again: nothing typed is silently dropped.
    assert_eq!(restored.aside().get("contact.phone"), Some(&json!("0237-35-2111")));
    assert!(restored.save_draft().contains("0237-35-2111"));
}

#[test]
fn damaged_drafts_say_what_is_wrong() {
    let catalog = support::sample("oishida");
    assert!(matches!(restore(&catalog, "not json"), Err(DraftError::Malformed(_))));
    assert!(matches!(
        restore(&catalog, r#"{"format": "tetsuzuki-draft/9", "answers": {}}"#),
        Err(DraftError::UnsupportedFormat { .. })
    ));
    let tampered = r#"{"format": "tetsuzuki-draft/1", "catalog_hash": "x", "procedures": [{"id": "no-such", "version": "1.0.0"}], "answers": {}}"#;
    assert!(matches!(restore(&catalog, tampered), Err(DraftError::NoProcedures(_))));

    // A wrong shape says where and what, never a value (drafts hold personal data).
    let malformed = |text: &str| match restore(&catalog, text) {
        Err(DraftError::Malformed(m)) => m,
        Err(other) => panic!("{text}: {other:?}"),
        Ok(_) => panic!("{text}: restored"),
    };
    let head = r#""format": "tetsuzuki-draft/1", "catalog_hash": "x""#;
    let m = malformed(&format!(r#"{{{head}, "procedures": [{{"id": "tennyu", "version": 1}}], "answers": {{}}}}"#));
    assert_eq!(m, "procedures[0].version: a string was expected, found a number");
    let m = malformed(&format!(
        r#"{{{head}, "procedures": [], "answers": {{"my_number.value": "123456789018"}}, "sources": {{"my_number.value": {{"kind": "telepathy"}}}}}}"#
    ));
    assert!(m.starts_with(r#"sources["my_number.value"].kind: `telepathy` is not one of `typed`"#), "{m}");
    assert!(!m.contains("123456789018"));
    let m = malformed(&format!(r#"{{{head}, "procedures": [], "answers": {{}}, "asisted": true}}"#));
    assert!(m.starts_with("`asisted` is not a field of a draft; it has `format`, `catalog_hash`, `assisted`"), "{m}");
    let m = malformed(&format!(r#"{{{head}, "procedures": []}}"#));
    assert_eq!(m, "answers: missing");
}

#[test]
fn a_draft_cut_short_is_repaired_with_what_it_holds() {
    let catalog = support::sample("oishida");
    let mut session = Session::start(&catalog, &["tennyu"]).unwrap();
    session.set_answer("move.date", json!("2026-11-20")).unwrap();
    session.set_answer("person.family_name", json!("山田")).unwrap();
    let text = session.save_draft();
    // Cut inside the sources, after the answers were written.
    let cut = text.find("\"sources\"").unwrap() + 14;
    let (restored, report) = restore(&catalog, &text[..cut]).unwrap();
    assert!(report.truncated);
    assert_eq!(restored.answer("person.family_name"), Some(&json!("山田")));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, .. ProptestConfig::default() })]

    #[test]
    fn any_reachable_session_round_trips_through_a_draft(
        values in proptest::collection::vec(("\\PC{0,12}", any::<bool>()), 0..20),
        cut in 0usize..4000,
        assisted in any::<bool>(),
    ) {
        thread_local! { static CATALOG: tetsuzuki::catalog::Catalog = support::sample("oishida"); }
        CATALOG.with(|catalog| {
            let mut session = Session::start(catalog, &["tennyu", "jido-teate-nintei"]).unwrap();
            session.set_assisted(assisted);
            let keys: Vec<String> = session.questions().iter().map(|q| q.key.clone()).collect();
            for (i, (text, flag)) in values.iter().enumerate() {
                let v = if *flag { json!(text) } else { json!(*flag) };
                session.set_answer(&keys[i % keys.len()], v).unwrap();
            }
            let text = session.save_draft();
            let (restored, _) = restore(catalog, &text).unwrap();
            prop_assert_eq!(restored.save_draft(), text.clone());
            prop_assert_eq!(restored.is_assisted(), assisted);
            // Any prefix of a draft gives a session or a clear error, never a panic.
            let end = text.char_indices().map(|(i, _)| i).nth(cut % text.chars().count().max(1)).unwrap_or(0);
            let _ = restore(catalog, &text[..end]);
            Ok(())
        })?;
    }
}
