//! One-stop sessions over the sample life events: each concept asked once, answers reused,
//! one submission per procedure with only its relevant answers.

mod support;

use std::collections::HashSet;

use serde_json::json;
use tetsuzuki::date::Date;
use tetsuzuki::model::{Lang, ProcedureType};
use tetsuzuki::session::{AnswerSource, Session};

fn today() -> Date {
    Date::parse_iso("2026-11-23").unwrap()
}

/// Answers every question of 転入届 as the complete moving-in vector does, moved in on 20 November.
fn answer_moving_in(session: &mut Session) {
    let vector: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(support::root().join("fixtures/vectors/sessions/moving-in-complete.json")).unwrap(),
    )
    .unwrap();
    for (key, value) in vector["answers"].as_object().unwrap() {
        session.set_answer(key, value.clone()).unwrap();
    }
    session.set_answer("move.date", json!("2026-11-20")).unwrap();
}

#[test]
fn every_concept_is_asked_at_most_once_in_every_life_event() {
    let catalog = support::sample("oishida");
    for event in &catalog.life_events {
        let ids: Vec<&str> = event
            .procedures
            .iter()
            .filter(|a| catalog.procedure(&a.procedure).is_some_and(|p| p.procedure_type != ProcedureType::Authority))
            .map(|a| a.procedure.as_str())
            .collect();
        if ids.is_empty() {
            continue;
        }
        let session = Session::start(&catalog, &ids).unwrap();
        let mut concepts = HashSet::new();
        for q in session.questions() {
            if let Some(c) = &q.concept {
                assert!(concepts.insert(c.clone()), "{}: `{c}` is asked twice", event.id);
            }
        }
        let fields: usize = ids.iter().map(|id| catalog.procedure(id).unwrap().form.fields().count()).sum();
        eprintln!(
            "once-only {}: {} procedures, {fields} fields in all, {} questions asked",
            event.id,
            ids.len(),
            session.questions().len()
        );
        assert!(session.questions().len() <= fields);
    }
}

#[test]
fn a_moving_in_session_reuses_screening_answers_and_submits_per_procedure() {
    let catalog = support::sample("oishida");
    let mut session = Session::start(&catalog, &["tennyu", "kokuho-kanyu", "jido-teate-nintei"]).unwrap();
    let screening = serde_json::Map::from_iter([
        ("move.date".to_string(), json!("2026-11-20")),
        ("household.moved_with_others".to_string(), json!(false)),
    ]);
    let filled = session.reuse_screening("moving-in", &screening);
    assert!(filled.contains(&"move.date".to_string()), "{filled:?}");
    assert_eq!(session.source("move.date"), Some(&AnswerSource::Screening { event: "moving-in".into() }));
    // The family name is one question, though every procedure asks it.
    let name = session.questions().iter().find(|q| q.key == "person.family_name").unwrap();
    assert_eq!(name.asked_by, ["tennyu", "kokuho-kanyu", "jido-teate-nintei"]);

    // A typed name reaches every procedure that asks for it.
    session.set_answer("person.family_name", json!("山田")).unwrap();
    let issues = session.validate(today(), Lang::Ja);
    assert!(issues.iter().all(|i| i.field != "person.family_name"), "{issues:?}");
    assert!(issues.iter().any(|i| i.field == "person.given_name" && i.code == "required"));
    // Each question's issue is reported once, even when several procedures ask it.
    let keys: Vec<(&str, &str)> = issues.iter().map(|i| (i.field.as_str(), i.code.as_str())).collect();
    let unique: HashSet<_> = keys.iter().collect();
    assert_eq!(keys.len(), unique.len());

    // Nothing is submitted while errors remain.
    assert!(session.submissions(today(), "2026-11-23T10:00:00+09:00").is_err());
    assert!(session.set_answer("no.such.question", json!(1)).is_err());
}

#[test]
fn the_summary_says_where_answers_came_from() {
    let catalog = support::sample("oishida");
    let mut session = Session::start(&catalog, &["tennyu"]).unwrap();
    session.prefill(&[("person.family_name".into(), json!("山田"), "マイナンバーカード".into())]);
    session.set_answer("move.date", json!("令和8年11月20日")).unwrap();
    let rows = session.summary(today(), Lang::Ja);
    let name = rows.iter().find(|r| r.key == "person.family_name").unwrap();
    assert_eq!(name.source, AnswerSource::Profile { provenance: "マイナンバーカード".into() });
    let date = rows.iter().find(|r| r.key == "move.date").unwrap();
    assert_eq!(date.answer, json!("2026-11-20"), "the summary shows the normalised answer");
    assert_eq!(date.page, "tennyu/move");
}

#[test]
fn a_profile_prefills_what_it_knows_and_says_how() {
    use tetsuzuki::profile::{Profile, Source};
    let catalog = support::sample("oishida");
    let mut profile = Profile::new();
    profile.give_consent("2026-11-01T09:00:00+09:00");
    let card = Source::MyNumberCard { at: "2026-11-01T09:00:00+09:00".into() };
    profile.record("person.family_name", json!("山田"), card.clone(), today()).unwrap();
    profile.record("person.birth_date", json!("1980-04-01"), card, today()).unwrap();
    let mut session = Session::start(&catalog, &["tennyu"]).unwrap();
    session.set_answer("person.family_name", json!("山田太")).unwrap();
    let filled = session.prefill_from(&profile, today());
    assert_eq!(filled, ["person.birth_date"], "a typed answer is never overwritten");
    assert_eq!(session.answer("person.family_name"), Some(&json!("山田太")));
    assert_eq!(
        session.source("person.birth_date"),
        Some(&AnswerSource::Profile { provenance: "my_number_card".into() })
    );
}

#[test]
fn completing_a_session_updates_the_profile_only_with_consent() {
    use tetsuzuki::profile::{Profile, Source};
    let catalog = support::sample("oishida");
    let mut session = Session::start(&catalog, &["tennyu"]).unwrap();
    session.set_answer("person.family_name", json!("山田")).unwrap();
    let new_home = json!({"postal_code": "999-4112", "prefecture": "山形県", "city": "北村山郡大石田町", "town": "緑町", "block": "1"});
    session.set_answer("address.current", new_home.clone()).unwrap();

    let mut without = Profile::new();
    assert!(session.update_profile(&mut without, today(), "2026-11-23T10:00:00+09:00").is_err());
    assert!(without.is_empty(), "nothing is kept without consent");

    let mut profile = Profile::new();
    profile.give_consent("2026-11-01T09:00:00+09:00");
    let old_home = json!({"postal_code": "100-0001", "prefecture": "東京都", "city": "千代田区", "town": "千代田", "block": "1-1"});
    let card = Source::MyNumberCard { at: "2026-11-01T09:00:00+09:00".into() };
    profile.record("address.current", old_home.clone(), card, Date::parse_iso("2020-04-01").unwrap()).unwrap();
    let recorded = session.update_profile(&mut profile, today(), "2026-11-23T10:00:00+09:00").unwrap();
    assert!(recorded.contains(&"person.family_name".to_string()));
    assert_eq!(profile.current("address.current", today()).unwrap().value, new_home);
    assert_eq!(
        profile.current("address.previous", today()).unwrap().value,
        old_home,
        "the old address became the previous one"
    );
}

#[test]
fn catalogues_and_sessions_can_be_shared_between_threads() {
    fn shareable<T: Send + Sync + 'static>() {}
    shareable::<tetsuzuki::catalog::Catalog>();
    shareable::<Session>();
    shareable::<tetsuzuki::profile::Profile>();
}

#[test]
fn a_submitted_session_takes_no_more_answers() {
    let catalog = support::sample("oishida");
    let mut session = Session::start(&catalog, &["tennyu"]).unwrap();
    // Errors left: nothing is submitted and the session stays open.
    assert!(matches!(
        session.submit(today(), "2026-11-23T10:00:00+09:00"),
        Err(tetsuzuki::session::SessionError::NotReady(_))
    ));
    assert!(!session.is_ended());
    answer_moving_in(&mut session);
    let submitted = session.submit(today(), "2026-11-23T10:00:00+09:00").unwrap();
    assert_eq!(submitted.len(), 1);
    assert!(session.is_ended());
    assert_eq!(session.set_answer("move.date", json!("2026-11-21")), Err(tetsuzuki::session::SessionError::Ended));
    assert!(session.submit(today(), "2026-11-23T10:01:00+09:00").is_err(), "submitted once only");
    assert_eq!(session.answer("move.date"), Some(&json!("2026-11-20")), "the submitted answers are kept");
}

#[test]
fn an_assisted_session_is_submitted_only_as_the_resident_confirmed_it() {
    use tetsuzuki::session::SessionError;
    let catalog = support::sample("oishida");
    let mut session = Session::start(&catalog, &["tennyu"]).unwrap();
    answer_moving_in(&mut session);
    // Not assisted: no confirmation asked.
    assert_eq!(session.confirmation_issue(Lang::Ja), None);

    // 書かない窓口: staff filled it; the resident has not confirmed.
    session.set_assisted(true);
    for lang in Lang::ALL {
        let issue = session.confirmation_issue(lang).expect("asks for the resident's confirmation");
        assert_eq!((issue.field.as_str(), issue.code.as_str()), ("counter-confirm", "counter.unconfirmed"));
        assert!(!issue.message.is_empty() && !issue.message.starts_with("ui-"), "{lang:?}: {}", issue.message);
        assert!(!issue.fix.is_empty() && !issue.fix.starts_with("ui-"), "{lang:?}: {}", issue.fix);
    }
    assert_eq!(session.submit(today(), "2026-11-23T10:00:00+09:00"), Err(SessionError::Unconfirmed));
    assert_eq!(SessionError::Unconfirmed.code(), "session-unconfirmed");
    assert!(!session.is_ended());

    // Confirmed, then an answer changes: the confirmation no longer holds.
    session.confirm_by_resident(true);
    assert_eq!(session.confirmation_issue(Lang::Ja), None);
    session.set_answer("move.date", json!("2026-11-20")).unwrap();
    assert!(session.is_confirmed_by_resident(), "the same answer again changes nothing");
    session.set_answer("move.date", json!("2026-11-19")).unwrap();
    assert!(!session.is_confirmed_by_resident(), "a changed answer needs confirming again");
    assert_eq!(session.submit(today(), "2026-11-23T10:00:00+09:00"), Err(SessionError::Unconfirmed));

    session.confirm_by_resident(true);
    assert_eq!(session.submit(today(), "2026-11-23T10:00:00+09:00").map(|s| s.len()), Ok(1));
}

#[test]
fn an_answer_that_no_condition_names_never_changes_what_is_shown() {
    let catalog = support::sample("oishida");
    let samples = [json!("2026-11-20"), json!(true), json!(false), json!("1"), json!("山田"), json!(""), json!(null)];
    let (mut silent, mut all) = (0, 0);
    for event in &catalog.life_events {
        let ids: Vec<&str> = event
            .procedures
            .iter()
            .filter(|a| catalog.procedure(&a.procedure).is_some_and(|p| p.procedure_type != ProcedureType::Authority))
            .map(|a| a.procedure.as_str())
            .collect();
        let Ok(mut session) = Session::start(&catalog, &ids) else { continue };
        let keys: Vec<String> = session.questions().iter().map(|q| q.key.clone()).collect();
        all += keys.len();
        for key in &keys {
            if session.affects_visibility(key) {
                continue;
            }
            silent += 1;
            let before = session.relevant(today());
            for v in &samples {
                session.set_answer(key, v.clone()).unwrap();
                assert_eq!(session.relevant(today()), before, "{}: answering {key} changed what is shown", event.id);
            }
        }
    }
    // Both kinds exist in the samples: the test proves something.
    assert!(silent > 0 && silent < all, "{silent} of {all} answers are silent");
}

#[test]
fn relevance_of_a_page_agrees_with_relevance_of_the_whole_journey() {
    let catalog = support::sample("oishida");
    let samples = [json!(true), json!(false), json!("1"), json!("2026-11-20")];
    for event in &catalog.life_events {
        let ids: Vec<&str> = event
            .procedures
            .iter()
            .filter(|a| catalog.procedure(&a.procedure).is_some_and(|p| p.procedure_type != ProcedureType::Authority))
            .map(|a| a.procedure.as_str())
            .collect();
        let Ok(mut session) = Session::start(&catalog, &ids) else { continue };
        let named: Vec<String> =
            session.questions().iter().map(|q| q.key.clone()).filter(|k| session.affects_visibility(k)).collect();
        // Answer the questions that conditions name, one sample after another.
        for (n, key) in named.iter().enumerate() {
            session.set_answer(key, samples[n % samples.len()].clone()).unwrap();
            let whole: HashSet<String> = session.relevant(today()).into_iter().collect();
            for page in session.pages() {
                let among = session.relevant_among(&page.questions, today());
                let expected: HashSet<String> = page.questions.iter().filter(|k| whole.contains(*k)).cloned().collect();
                assert_eq!(among, expected, "{}: page {} after answering {key}", event.id, page.id);
            }
        }
    }
}
