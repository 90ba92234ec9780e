use super::*;

/// An empty town, sealed with this build's content hash (see `tests/data/README.md`).
fn minimal() -> String {
    let text = include_str!("../../tests/data/minimal-catalog.json");
    let mut catalog: catalog::CompiledCatalog = serde_json::from_str(text).unwrap();
    catalog.seal();
    catalog.to_json()
}

#[test]
fn minimal_catalogue() {
    let summary = catalog_summary(&minimal()).unwrap();
    assert_eq!(summary.town_id, "minimal");
    assert_eq!(summary.town_name, "見本町");
    assert!(summary.content_hash.starts_with("sha256-"));
    assert_eq!(
        (summary.procedures, summary.life_events, summary.concepts, summary.code_lists, summary.fields),
        (0, 0, 0, 0, 0)
    );
    let catalog = Catalog::load(&minimal()).unwrap();
    assert_eq!(catalog.summary(), summary);
    assert!(catalog.life_events("en").unwrap().is_empty());
}

#[test]
fn malformed_json_is_invalid_catalog() {
    match Catalog::load("{") {
        Err(TetsuzukiError::InvalidCatalog { code, reason }) => {
            assert_eq!(code, "catalog-malformed");
            assert!(reason.contains("line 1"), "{reason}");
        }
        Err(other) => panic!("expected InvalidCatalog, got {other:?}"),
        Ok(_) => panic!("expected InvalidCatalog"),
    }
}

#[test]
fn edited_catalogue_is_invalid_catalog() {
    let edited = minimal().replace("見本町", "改竄町");
    match catalog_summary(&edited) {
        Err(TetsuzukiError::InvalidCatalog { code, .. }) => assert_eq!(code, "catalog-hash"),
        other => panic!("expected InvalidCatalog, got {other:?}"),
    }
}

#[test]
fn host_text_is_checked() {
    let catalog = Catalog::load(&minimal()).unwrap();
    let e = catalog.procedures("fr").err().unwrap();
    assert!(matches!(e, TetsuzukiError::BadInput { .. }) && e.code() == "bad-lang");
    let e = catalog.validate("tennyu", "[]", "2026-11-23", "ja").err().unwrap();
    assert_eq!(e.code(), "bad-value");
    let e = catalog.validate("tennyu", "{}", "2026-13-01", "ja").err().unwrap();
    assert_eq!(e.code(), "bad-date");
    let e = catalog.validate("tennyu", "{}", "2026-11-23", "ja").err().unwrap();
    assert!(matches!(e, TetsuzukiError::Unknown { .. }) && e.code() == "unknown-procedure");
    let e = catalog.start_session(vec![]).err().unwrap();
    assert!(matches!(e, TetsuzukiError::SessionState { .. }) && e.code() == "no-procedures");
    let e = check_value("postcode", "\"1\"", "2026-11-23", "ja").unwrap_err();
    assert_eq!(e.code(), "unknown-type");
    let ok = check_value("postal_code", "\"９９９－４１１２\"", "2026-11-23", "ja").unwrap();
    assert!(ok.valid);
    assert_eq!(ok.normalized.as_deref(), Some("\"999-4112\""));
}

#[test]
fn profiles_round_trip_and_recover() {
    let p = Profile::empty();
    assert!(!p.has_consent());
    p.give_consent("2026-11-23T10:00:00+09:00");
    assert!(p.has_consent());
    let again = Profile::load(&p.to_json()).unwrap();
    assert!(again.has_consent());
    assert_eq!(Profile::load("{").err().unwrap().code(), "profile-malformed");
    let r = recover_profile("{");
    assert!(!r.dropped.is_empty());
}

#[test]
fn panics_do_not_cross() {
    let r: Result<()> = guarded(|| panic!("boom"));
    assert!(matches!(r, Err(TetsuzukiError::Internal { reason, .. }) if reason == "boom"));
}

#[test]
fn objects_are_send_and_sync() {
    fn check<T: Send + Sync>() {}
    check::<Catalog>();
    check::<Session>();
    check::<Profile>();
}
