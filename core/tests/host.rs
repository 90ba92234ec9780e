//! The host vocabulary (`docs/HOST-API.md`): views of the sample catalogue and sessions as
//! every target renders them.

mod support;

use tetsuzuki::host;
use tetsuzuki::model::Lang;
use tetsuzuki::session::Session;

#[test]
fn questions_carry_what_a_renderer_needs() {
    let catalog = support::sample("oishida");
    let session = Session::start(&catalog, &["tennyu", "kokuho-kanyu", "jido-teate-nintei"]).unwrap();
    let views = host::questions(&session, Lang::Ja);
    assert_eq!(views.len(), session.questions().len(), "every question has a view");
    let by_key = |k: &str| views.iter().find(|v| v.key == k).unwrap_or_else(|| panic!("no question {k}"));

    let address = by_key("address.current");
    assert_eq!(address.type_name, "address");
    let parts: Vec<(&str, Option<&str>)> =
        address.parts.iter().map(|p| (p.key.as_str(), p.autocomplete.as_deref())).collect();
    assert_eq!(parts[0], ("postal_code", Some("postal-code")));
    assert_eq!(address.parts[0].label, "郵便番号");
    assert!(address.parts.iter().find(|p| p.key == "building").unwrap().optional, "the building is optional");

    let name = by_key("person.family_name");
    assert_eq!(name.autocomplete.as_deref(), Some("family-name"));
    assert!(!name.optional);

    for v in views.iter().filter(|v| v.type_name == "my_number") {
        assert!(v.sensitive && v.autocomplete.as_deref() == Some("off"), "{}: My Number is never autofilled", v.key);
    }
    for v in views.iter().filter(|v| v.type_name == "choice" || v.type_name == "multi_choice") {
        assert!(!v.options.is_empty(), "{}: a choice offers its options", v.key);
        assert!(v.options.iter().all(|o| !o.label.is_empty()));
    }
    let english = host::questions(&session, Lang::En);
    assert_eq!(english.iter().find(|v| v.key == "address.current").unwrap().parts[0].label, "Postal code");
}

#[test]
fn pages_life_events_and_procedures_are_in_the_chosen_language() {
    let catalog = support::sample("oishida");
    let events = host::life_events(&catalog, Lang::En);
    assert!(events.iter().any(|e| e.id == "moving-in" && !e.title.is_empty()));
    let procedures = host::procedures(&catalog, Lang::Ja);
    assert!(procedures.iter().any(|p| p.id == "tennyu" && !p.online_now), "転入届 is finished at the counter");
    assert!(procedures.iter().any(|p| p.id == "kokuho-kanyu" && p.online_now));
    let session = Session::start(&catalog, &["tennyu"]).unwrap();
    let today = tetsuzuki::date::Date::parse_iso("2026-11-23").unwrap();
    let pages = host::pages(&session, today, Lang::En);
    assert!(!pages.is_empty() && pages.iter().all(|p| !p.title.is_empty() && !p.questions.is_empty()));
}

#[test]
fn every_error_crosses_with_its_stable_code() {
    let catalog = support::sample("oishida");
    let err: host::HostError = Session::start(&catalog, &["nope"]).err().unwrap().into();
    assert_eq!(err.code, "unknown-procedure");
    let err: host::HostError = tetsuzuki::catalog::Catalog::from_json("{").err().unwrap().into();
    assert_eq!(err.code, "catalog-malformed");
    let err: host::HostError = tetsuzuki::draft::restore(&catalog, "[]").err().unwrap().into();
    assert_eq!(err.code, "draft-format");
}

#[test]
fn a_deadline_not_yet_dated_is_said_in_words() {
    let catalog = support::sample("oishida");
    let ja = host::deadline_text(&catalog, "tennyu", Lang::Ja).unwrap();
    assert!(ja.contains("14日以内"), "{ja}");
    let en = host::deadline_text(&catalog, "tennyu", Lang::En).unwrap();
    assert!(en.starts_with("Within 14 days from"), "{en}");
    assert_eq!(host::deadline_text(&catalog, "no-such-procedure", Lang::Ja), None);
}

#[test]
fn every_deadline_of_the_samples_reads_well_before_it_is_dated() {
    let catalog = support::sample("oishida");
    for p in catalog.procedures.iter().filter(|p| p.deadline.is_some()) {
        for lang in [Lang::Ja, Lang::En, Lang::JaEasy] {
            let text = host::deadline_text(&catalog, &p.id, lang).unwrap();
            assert!(!text.contains('_') && !text.contains("ui-"), "{}: {text}", p.id);
        }
    }
}

#[test]
fn the_navigator_counts_from_the_event_date_the_resident_gave() {
    let catalog = support::sample("oishida");
    let event = catalog.life_event("birth").unwrap();
    let concept = event.date.clone().unwrap();
    let question = event.questions.iter().find(|q| q.concept.as_deref() == Some(concept.as_str())).unwrap();
    let mut answers = serde_json::Map::new();
    answers.insert(question.id.clone(), serde_json::json!("2026-11-10"));
    let today = tetsuzuki::date::Date::parse_iso("2026-11-23").unwrap();
    let checklist = catalog.navigator().navigate("birth", &answers, None, today, Lang::Ja).unwrap();
    for item in &checklist.procedures {
        let has_deadline = catalog.procedure(&item.procedure).unwrap().deadline.is_some();
        assert_eq!(item.due.is_some(), has_deadline, "{}: dated from the answered birth date", item.procedure);
    }
}

#[test]
fn answers_read_as_a_person_reads_them_and_a_my_number_never_shows() {
    use serde_json::json;
    let catalog = support::sample("oishida");
    let mut session = Session::start(&catalog, &["tennyu", "jido-teate-nintei"]).unwrap();
    let address = json!({"postal_code": "999-4112", "prefecture": "山形県", "city": "北村山郡大石田町", "town": "緑町", "block": "1"});
    session.set_answer("address.current", address).unwrap();
    // 転入届 asks whether you are the head only when you are not joining a household.
    session.set_answer("household.joins_existing", json!(false)).unwrap();
    session.set_answer("household.is_head", json!(true)).unwrap();
    session.set_answer("person.gender", json!("1")).unwrap();
    let my_number =
        session.questions().iter().find(|q| q.field_type.name() == "my_number").map(|q| q.key.clone()).expect("asked");
    session.set_answer(&my_number, json!("123456789018")).unwrap();
    let today = tetsuzuki::date::Date::parse_iso("2026-11-23").unwrap();
    let rows = session.summary(today, Lang::Ja);
    let text = |k: &str| rows.iter().find(|r| r.key == k).map(|r| r.text.clone()).unwrap_or_default();
    assert_eq!(text("address.current"), "〒999-4112 山形県北村山郡大石田町緑町1");
    assert_eq!(text("household.is_head"), "はい");
    let gender = text("person.gender");
    assert!(!gender.is_empty() && gender != "1", "a code is shown by its label: {gender}");
    for r in &rows {
        assert!(!r.text.contains("123456789018"), "{}: a My Number shows only masked", r.key);
    }
    assert_eq!(text(&my_number), "●●●● ●●●● 9018");
    assert_eq!(host::answer_text(&json!(false), &[], false, Lang::En), "No");
    assert_eq!(host::answer_text(&json!("123456789018"), &[], true, Lang::En), "●●●● ●●●● 9018");
    assert_eq!(host::answer_text(&json!("12"), &[], true, Lang::En), host::MASK);
}
