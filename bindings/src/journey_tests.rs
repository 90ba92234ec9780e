//! The journey's export: every `JourneyError` keeps its code in a variant that groups it,
//! and the object's host text is checked. Walking real procedures is the conformance
//! vectors' job (fixtures/vectors/journey, run from Python and Kotlin).

use super::*;
use tetsuzuki::journey::JourneyError;

/// An empty town, sealed with this build's content hash (see `tests/data/README.md`).
fn minimal() -> Arc<Catalog> {
    let text = include_str!("../../tests/data/minimal-catalog.json");
    let mut catalog: catalog::CompiledCatalog = serde_json::from_str(text).unwrap();
    catalog.seal();
    Catalog::load(&catalog.to_json()).unwrap()
}

fn start(catalog: &Arc<Catalog>) -> Arc<Journey> {
    Journey::start(catalog.clone(), "2026-11-23", "en", None, vec![], false, false).unwrap()
}

#[test]
fn every_journey_code_is_grouped() {
    let state = |e: JourneyError| {
        let code = e.code();
        let t = TetsuzukiError::from(e);
        assert_eq!(t.code(), code);
        t
    };
    for e in [
        JourneyError::WrongStage { action: "next", stage: "events", hint: "…" },
        JourneyError::HiddenQuestion("k".into()),
        JourneyError::HasErrors(1),
        JourneyError::Warnings(1),
        JourneyError::ScreeningErrors(1),
        JourneyError::NothingOnline,
        JourneyError::EmptyFeedback,
        JourneyError::BadRating,
        JourneyError::NotSubmitted("p".into()),
    ] {
        let t = state(e);
        assert!(matches!(t, TetsuzukiError::JourneyState { .. }), "{t:?}");
    }
    for e in [JourneyError::UnknownEvent("e".into()), JourneyError::UnknownQuestion("k".into())] {
        assert!(matches!(state(e), TetsuzukiError::Unknown { .. }));
    }
    for e in [JourneyError::BadRecord("x".into()), JourneyError::BadCode("x".into())] {
        assert!(matches!(state(e), TetsuzukiError::BadInput { .. }));
    }
    assert!(matches!(state(JourneyError::Unconfirmed), TetsuzukiError::SessionState { .. }));
}

#[test]
fn a_journey_starts_at_the_life_events() {
    let catalog = minimal();
    let j = start(&catalog);
    assert_eq!(j.stage(), "events");
    assert_eq!(j.lang(), "en");
    let view: serde_json::Value = serde_json::from_str(&j.view().unwrap()).unwrap();
    assert_eq!(view["stage"], "events");
    assert_eq!(view["lang"], "en");
    assert_eq!(j.continuation_code(), None);
    assert!(j.receipts().is_empty());
    let again = Journey::restore(catalog.clone(), &j.save(), "2026-11-23", "ja", false, false).unwrap();
    assert_eq!((again.stage().as_str(), again.lang().as_str()), ("events", "ja"));
    let step: serde_json::Value = serde_json::from_str(&j.step_event()).unwrap();
    assert_eq!(step["step"], "events");
}

#[test]
fn journey_errors_are_typed() {
    let catalog = minimal();
    let j = start(&catalog);
    let e = j.next().unwrap_err();
    assert!(matches!(e, TetsuzukiError::JourneyState { .. }) && e.code() == "wrong-stage", "{e:?}");
    assert_eq!(j.choose_event("moving-to-mars").unwrap_err().code(), "unknown-event");
    assert_eq!(j.act("{").unwrap_err().code(), "bad-value");
    assert_eq!(j.act(r#"{"action": "fly"}"#).unwrap_err().code(), "bad-journey");
    assert_eq!(j.act(r#"{"action": "back"}"#).unwrap_err().code(), "wrong-stage");
    assert_eq!(j.answer("k", "1").unwrap_err().code(), "wrong-stage");
    assert_eq!(j.answer("k", "not json").unwrap_err().code(), "bad-value");
    assert_eq!(j.set_lang("fr").unwrap_err().code(), "bad-lang");
    assert_eq!(j.feedback(Some(-1), "").unwrap_err().code(), "wrong-stage");
    assert_eq!(j.set_reference("tennyu", "A-1").unwrap_err().code(), "not-submitted");
    assert_eq!(j.import_code("not a code").unwrap_err().code(), "bad-code");
    let start = |event: Option<&str>, procedures: Vec<&str>, today: &str| {
        let procedures = procedures.into_iter().map(str::to_owned).collect();
        Journey::start(catalog.clone(), today, "en", event.map(str::to_owned), procedures, false, false)
            .err()
            .map(|e| e.code().to_owned())
    };
    assert_eq!(start(Some("e"), vec!["tennyu"], "2026-11-23").as_deref(), Some("bad-value"));
    assert_eq!(start(Some("e"), vec![], "2026-11-23").as_deref(), Some("unknown-event"));
    assert_eq!(start(None, vec!["tennyu"], "2026-11-23").as_deref(), Some("unknown-procedure"));
    assert_eq!(start(None, vec![], "2026/11/23").as_deref(), Some("bad-date"));
    let e = Journey::restore(catalog.clone(), "{}", "2026-11-23", "en", false, false).err().unwrap();
    assert!(matches!(e, TetsuzukiError::BadInput { .. }) && e.code() == "bad-journey", "{e:?}");
    // Nothing was changed by the refused actions.
    assert_eq!(j.stage(), "events");
}

#[test]
fn a_journey_is_send_and_sync() {
    fn check<T: Send + Sync>() {}
    check::<Journey>();
}
