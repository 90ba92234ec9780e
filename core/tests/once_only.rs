//! ワンスオンリー in one-stop sessions: what the life event implies (its presets), what the
//! town knows (its own prefecture and name in a new address), people entered once (a later
//! group starts with the people of an earlier one), and drafts that keep where answers came
//! from.

mod support;

use serde_json::{Map, Value, json};
use tetsuzuki::date::Date;
use tetsuzuki::model::{FieldType, Lang, Severity};
use tetsuzuki::session::{AnswerSource, Session};

fn today() -> Date {
    Date::parse_iso("2026-11-23").unwrap()
}

fn answers(value: Value) -> Map<String, Value> {
    value.as_object().unwrap().clone()
}

fn event(id: &str) -> AnswerSource {
    AnswerSource::Event { event: id.into() }
}

/// The errors a session reports at one question (the key itself or its parts).
fn errors_at(session: &Session, key: &str) -> Vec<String> {
    session
        .validate(today(), Lang::Ja)
        .into_iter()
        .filter(|i| i.severity == Severity::Error)
        .filter(|i| {
            i.field == key || i.field.starts_with(&format!("{key}.")) || i.field.starts_with(&format!("{key}["))
        })
        .map(|i| i.code)
        .collect()
}

// ------------------------------------------------------------------ values the event implies

#[test]
fn a_birth_presets_the_reasons_and_dates_of_the_procedures_it_triggers() {
    let catalog = support::sample("oishida");
    let mut s = Session::start(&catalog, &["kokuho-kanyu", "jido-teate-nintei", "kodomo-iryo"]).unwrap();
    let screening = answers(json!({
        "child_birth_date": "2026-11-20", "born_abroad": false, "receiving_allowance": false, "kokuho": true
    }));
    let filled = s.reuse_screening("birth", &screening);
    for key in [
        "child.birth_date",
        "kokuho-kanyu.reason",
        "insurance.kokuho_start_date",
        "jido-teate-nintei.reason",
        "jido-teate-nintei.event_date",
    ] {
        assert!(filled.contains(&key.to_string()), "{key} not in {filled:?}");
    }
    assert_eq!(s.answer("kokuho-kanyu.reason"), Some(&json!("birth")));
    assert_eq!(s.answer("jido-teate-nintei.reason"), Some(&json!("birth")));
    assert_eq!(s.answer("insurance.kokuho_start_date"), Some(&json!("2026-11-20")));
    assert_eq!(s.answer("jido-teate-nintei.event_date"), Some(&json!("2026-11-20")));
    assert_eq!(s.source("kokuho-kanyu.reason"), Some(&event("birth")));
    assert_eq!(s.source("jido-teate-nintei.event_date"), Some(&event("birth")));
    // The screening answer itself keeps its own source.
    assert_eq!(s.source("child.birth_date"), Some(&AnswerSource::Screening { event: "birth".into() }));
    // What the event implies is a valid answer, and the resident can change it.
    for key in ["kokuho-kanyu.reason", "insurance.kokuho_start_date", "jido-teate-nintei.reason"] {
        assert_eq!(errors_at(&s, key), Vec::<String>::new(), "{key}");
    }
    s.set_answer("kokuho-kanyu.reason", json!("other")).unwrap();
    assert_eq!(s.source("kokuho-kanyu.reason"), Some(&AnswerSource::Typed));
}

#[test]
fn a_birth_with_the_allowance_already_received_presets_the_increase_to_the_birth() {
    let catalog = support::sample("oishida");
    let mut s = Session::start(&catalog, &["jido-teate-gakukaitei", "kodomo-iryo"]).unwrap();
    s.reuse_screening("birth", &answers(json!({"child_birth_date": "2026-11-20", "receiving_allowance": true})));
    assert_eq!(s.answer("jido-teate-gakukaitei.reason"), Some(&json!("birth")));
    assert_eq!(s.source("jido-teate-gakukaitei.reason"), Some(&event("birth")));
}

#[test]
fn moving_in_takes_the_national_health_insurance_dates_from_the_moving_date() {
    let catalog = support::sample("oishida");
    let mut s = Session::start(&catalog, &["tennyu", "kokuho-kanyu", "jido-teate-nintei"]).unwrap();
    let screening = answers(json!({"move_date": "2026-11-20", "employee_insured": false, "has_children": true}));
    s.reuse_screening("moving-in", &screening);
    // 国保に入る日 = the day of moving in (the day the reason to join arose), and the reason.
    assert_eq!(s.answer("insurance.kokuho_start_date"), Some(&json!("2026-11-20")));
    assert_eq!(s.source("insurance.kokuho_start_date"), Some(&event("moving-in")));
    assert_eq!(s.answer("kokuho-kanyu.reason"), Some(&json!("moved_in")));
    assert_eq!(s.answer("jido-teate-nintei.reason"), Some(&json!("moved_in")));
    // The child allowance counts from the moving-out date the previous municipality was
    // given, which the screening does not ask: left for the resident.
    assert_eq!(s.answer("jido-teate-nintei.event_date"), None);
    assert_eq!(errors_at(&s, "insurance.kokuho_start_date"), Vec::<String>::new());
}

#[test]
fn what_the_event_implies_never_replaces_an_answer() {
    let catalog = support::sample("oishida");
    let mut s = Session::start(&catalog, &["tennyu", "kokuho-kanyu"]).unwrap();
    s.set_answer("kokuho-kanyu.reason", json!("left_employee")).unwrap();
    s.set_answer("insurance.kokuho_start_date", json!("2026-11-01")).unwrap();
    let filled = s.reuse_screening("moving-in", &answers(json!({"move_date": "2026-11-20"})));
    assert!(!filled.iter().any(|k| k.starts_with("kokuho-kanyu.") || k.starts_with("insurance.")), "{filled:?}");
    assert_eq!(s.answer("kokuho-kanyu.reason"), Some(&json!("left_employee")));
    assert_eq!(s.answer("insurance.kokuho_start_date"), Some(&json!("2026-11-01")));
    assert_eq!(s.source("insurance.kokuho_start_date"), Some(&AnswerSource::Typed));
}

#[test]
fn a_preset_that_cannot_be_worked_out_gives_nothing() {
    let catalog = support::sample("oishida");
    let mut s = Session::start(&catalog, &["kokuho-kanyu"]).unwrap();
    // No moving date: the start date cannot be worked out; the reason can.
    s.reuse_screening("moving-in", &Map::new());
    assert_eq!(s.answer("insurance.kokuho_start_date"), None);
    assert_eq!(s.answer("kokuho-kanyu.reason"), Some(&json!("moved_in")));
}

/// Every preset of every sample life event, with the event's questions answered "yes" where
/// that makes more procedures apply, fills its question with an answer that has no error.
#[test]
fn every_sample_preset_fills_a_valid_answer() {
    let catalog = support::sample("oishida");
    let screening = json!({
        "moving-in": {"move_date": "2026-11-20", "moved_with_others": true, "has_card": true, "employee_insured": false,
                      "left_employee_insurance": true, "pension_type1": true, "has_children": true},
        "moving-out": {"planned_date": "2026-12-01", "kokuho": true, "has_children": true, "receiving_allowance": true},
        "moving-within": {"move_date": "2026-11-20", "has_card": true},
        "birth": {"child_birth_date": "2026-11-20", "receiving_allowance": false, "kokuho": true},
        "marriage": {"marriage_date": "2026-11-20", "moving": true, "move_kind": "in", "name_changes": true,
                     "has_card": true, "employee_insured": false, "kokuho": true, "becomes_dependent": true,
                     "receiving_allowance": true},
        "death": {"death_date": "2026-11-20", "deceased_birth_date": "1980-01-01", "was_head": true,
                  "adults_remaining": true, "deceased_kokuho": true, "received_child_allowance": true},
    });
    let mut presets = 0;
    for e in &catalog.life_events {
        let with: Vec<&str> =
            e.procedures.iter().filter(|a| !a.presets.is_empty()).map(|a| a.procedure.as_str()).collect();
        if with.is_empty() {
            continue;
        }
        let answers = screening[&e.id].as_object().unwrap_or_else(|| panic!("no screening for {}", e.id)).clone();
        // Each procedure on its own: some never apply together (marriage's moves, the 国保 pair).
        for id in with {
            let mut s = Session::start(&catalog, &[id]).unwrap();
            let filled = s.reuse_screening(&e.id, &answers);
            let entry = e.procedures.iter().find(|a| a.procedure == id).unwrap();
            for target in entry.presets.keys() {
                let p = catalog.procedure(id).unwrap();
                let f = p.form.fields().find(|f| f.id == *target || f.concept.as_deref() == Some(target)).unwrap();
                let key = f.concept.clone().unwrap_or_else(|| format!("{id}.{}", f.id));
                assert!(filled.contains(&key), "{}: {id}.{target} was not filled ({filled:?})", e.id);
                assert_eq!(s.source(&key), Some(&AnswerSource::Event { event: e.id.clone() }));
                let issues = s.validate_question(&key, today(), Lang::Ja).unwrap();
                let errors: Vec<_> = issues.iter().filter(|i| i.severity == Severity::Error).collect();
                assert!(errors.is_empty(), "{}: {id}.{target} = {:?}: {errors:?}", e.id, s.answer(&key));
                presets += 1;
            }
        }
    }
    assert!(presets >= 15, "only {presets} presets in the samples");
}

#[test]
fn marriage_presets_what_changes_on_the_my_number_card_from_the_answers() {
    let catalog = support::sample("oishida");
    let cases = [
        (json!({"moving": true, "move_kind": "in", "name_changes": true}), json!(["address_in", "name"])),
        (json!({"moving": true, "move_kind": "within", "name_changes": false}), json!(["address_within"])),
        (json!({"moving": false, "name_changes": true}), json!(["name"])),
    ];
    for (screening, expected) in cases {
        let mut s = Session::start(&catalog, &["mynumber-card-address"]).unwrap();
        s.reuse_screening("marriage", &answers(screening.clone()));
        assert_eq!(s.answer("mynumber-card-address.change_kind"), Some(&expected), "{screening}");
    }
    // Nothing changes on the card: nothing is filled.
    let mut s = Session::start(&catalog, &["mynumber-card-address"]).unwrap();
    s.reuse_screening("marriage", &answers(json!({"moving": false, "name_changes": false})));
    assert_eq!(s.answer("mynumber-card-address.change_kind"), None);
}

// ------------------------------------------------------------------ the town's own names

#[test]
fn a_new_address_starts_with_the_towns_prefecture_and_name() {
    // A town writes its district (郡) before its name; a city has none.
    for (town, city) in [("oishida", "北村山郡大石田町"), ("obanazawa", "尾花沢市"), ("funagata", "最上郡舟形町")]
    {
        let catalog = support::sample(town);
        let mut s = Session::start(&catalog, &["tennyu", "kokuho-kanyu"]).unwrap();
        let filled = s.reuse_screening("moving-in", &answers(json!({"move_date": "2026-11-20"})));
        // Reported by what filled it, not as a screening answer.
        assert!(!filled.contains(&"address.current".to_string()), "{filled:?}");
        assert_eq!(s.answer("address.current"), Some(&json!({"prefecture": "山形県", "city": city})));
        assert_eq!(s.source("address.current"), Some(&AnswerSource::Town));
        // The resident adds the rest: the missing parts are asked for, not the whole address.
        let codes = errors_at(&s, "address.current");
        assert!(!codes.is_empty() && !codes.iter().any(|c| c == "required"), "{codes:?}");
        s.set_answer(
            "address.current",
            json!({"postal_code": "999-4112", "prefecture": "山形県", "city": city, "town": "緑町", "block": "1"}),
        )
        .unwrap();
        assert_eq!(errors_at(&s, "address.current"), Vec::<String>::new());
        assert_eq!(s.source("address.current"), Some(&AnswerSource::Typed));
    }
}

#[test]
fn the_town_fills_only_addresses_marked_for_it_and_never_an_answered_one() {
    let catalog = support::sample("oishida");
    // A form that does not mark its address `prefill: town` (the resident already lives here;
    // the profile knows the full address): nothing from the town.
    let mut s = Session::start(&catalog, &["kokuho-kanyu"]).unwrap();
    assert!(s.prefill_town().is_empty());
    assert_eq!(s.answer("address.current"), None);
    let old = json!({"prefecture": "東京都", "city": "千代田区", "town": "千代田", "block": "1-1"});
    s.prefill(&[("address.current".into(), old.clone(), "typed".into())]);
    assert_eq!(s.answer("address.current"), Some(&old));

    // The new address of a move: the profile's address is the old one, never offered for it.
    let mut s = Session::start(&catalog, &["tennyu", "kokuho-kanyu"]).unwrap();
    assert!(s.prefill(&[("address.current".into(), old.clone(), "typed".into())]).is_empty());
    assert_eq!(s.prefill_town(), ["address.current"]);
    assert_eq!(s.source("address.current"), Some(&AnswerSource::Town));

    // An answered address stays as it is.
    let mut s = Session::start(&catalog, &["tenkyo"]).unwrap();
    let typed = json!({"prefecture": "山形県", "city": "大石田町", "town": "緑町", "block": "2"});
    s.set_answer("address.current", typed.clone()).unwrap();
    assert!(s.prefill_town().is_empty());
    assert_eq!(s.answer("address.current"), Some(&typed));
}

// ------------------------------------------------------------------ people entered once

fn person(family: &str, given: &str, kana: &str, born: &str, gender: &str, relationship: &str) -> Value {
    json!({
        "name": {"family": family, "given": given}, "name_kana": kana, "birth_date": born,
        "gender": gender, "relationship": relationship
    })
}

#[test]
fn people_who_moved_are_the_people_who_join_national_health_insurance() {
    let catalog = support::sample("oishida");
    let mut s = Session::start(&catalog, &["tennyu", "kokuho-kanyu"]).unwrap();
    assert_eq!(s.answer("kokuho-kanyu.members"), None);
    let hanako = person("山田", "花子", "ヤマダ ハナコ", "1982-05-05", "2", "02");
    let ichiro = person("山田", "一郎", "ヤマダ イチロウ", "2015-04-01", "1", "03");
    s.set_answer("tennyu.members", json!([hanako.clone(), ichiro.clone()])).unwrap();
    // The later group starts with those people: the parts both ask copied, the rest empty.
    let joined = s.answer("kokuho-kanyu.members").unwrap().as_array().unwrap().clone();
    assert_eq!(joined, [hanako.clone(), ichiro.clone()]);
    assert!(joined.iter().all(|p| p.get("my_number").is_none()));
    assert_eq!(s.source("kokuho-kanyu.members"), Some(&AnswerSource::Carried { from: "tennyu.members".into() }));
    // They are valid answers of the later form (its My Number is optional).
    assert_eq!(errors_at(&s, "kokuho-kanyu.members"), Vec::<String>::new());

    // While the resident has not changed it, it follows the people who moved.
    s.set_answer("tennyu.members", json!([hanako.clone()])).unwrap();
    assert_eq!(s.answer("kokuho-kanyu.members"), Some(&json!([hanako.clone()])));

    // The resident adds someone (themselves, as head of household) or removes someone: the
    // group is theirs from then on.
    let taro = json!({"name": {"family": "山田", "given": "太郎"}, "birth_date": "1980-04-01"});
    s.set_answer("kokuho-kanyu.members", json!([hanako.clone(), taro.clone()])).unwrap();
    assert_eq!(s.source("kokuho-kanyu.members"), Some(&AnswerSource::Typed));
    s.set_answer("tennyu.members", json!([hanako.clone(), ichiro.clone()])).unwrap();
    assert_eq!(s.answer("kokuho-kanyu.members"), Some(&json!([hanako, taro])));
}

#[test]
fn an_answered_group_is_never_overwritten_and_an_emptied_one_is_carried_no_more() {
    let catalog = support::sample("oishida");
    let hanako = person("山田", "花子", "ヤマダ ハナコ", "1982-05-05", "2", "02");

    // Answered before the earlier group: kept.
    let mut s = Session::start(&catalog, &["tennyu", "kokuho-kanyu"]).unwrap();
    let own = json!([{"name": {"family": "佐藤", "given": "一"}}]);
    s.set_answer("kokuho-kanyu.members", own.clone()).unwrap();
    s.set_answer("tennyu.members", json!([hanako.clone()])).unwrap();
    assert_eq!(s.answer("kokuho-kanyu.members"), Some(&own));
    assert_eq!(s.source("kokuho-kanyu.members"), Some(&AnswerSource::Typed));

    // People are carried forward only, never back to an earlier group.
    let mut s = Session::start(&catalog, &["tennyu", "kokuho-kanyu"]).unwrap();
    s.set_answer("kokuho-kanyu.members", json!([hanako.clone()])).unwrap();
    assert_eq!(s.answer("tennyu.members"), None);

    // The earlier group emptied: the carried people go too.
    let mut s = Session::start(&catalog, &["tennyu", "kokuho-kanyu"]).unwrap();
    s.set_answer("tennyu.members", json!([hanako])).unwrap();
    assert!(s.answer("kokuho-kanyu.members").is_some());
    s.set_answer("tennyu.members", json!([])).unwrap();
    assert_eq!(s.answer("kokuho-kanyu.members"), None);
    assert_eq!(s.source("kokuho-kanyu.members"), None);
}

#[test]
fn a_baby_entered_for_national_health_insurance_is_among_the_children_of_the_allowance() {
    let catalog = support::sample("oishida");
    let mut s = Session::start(&catalog, &["kokuho-kanyu", "jido-teate-nintei", "kodomo-iryo"]).unwrap();
    let baby = person("山田", "一郎", "ヤマダ イチロウ", "2026-11-20", "1", "03");
    s.set_answer("kokuho-kanyu.members", json!([baby])).unwrap();
    // The allowance's children ask no sex: the parts it asks are copied.
    assert_eq!(
        s.answer("jido-teate-nintei.children"),
        Some(&json!([{
            "name": {"family": "山田", "given": "一郎"}, "name_kana": "ヤマダ イチロウ",
            "birth_date": "2026-11-20", "relationship": "03"
        }]))
    );
    assert_eq!(
        s.source("jido-teate-nintei.children"),
        Some(&AnswerSource::Carried { from: "kokuho-kanyu.members".into() })
    );
}

#[test]
fn a_newborn_is_entered_once_in_a_birth_journey() {
    let catalog = support::sample("oishida");
    let mut s = Session::start(&catalog, &["kokuho-kanyu", "jido-teate-nintei", "kodomo-iryo"]).unwrap();
    let screening = answers(json!({
        "child_birth_date": "2026-11-20", "born_abroad": false, "receiving_allowance": false, "kokuho": true
    }));
    s.reuse_screening("birth", &screening);
    // Both groups that list people start with the newborn, known by the birth date.
    let born = json!([{"birth_date": "2026-11-20"}]);
    let from_birth_date = AnswerSource::Carried { from: "child.birth_date".into() };
    for group in ["kokuho-kanyu.members", "jido-teate-nintei.children"] {
        assert_eq!(s.answer(group), Some(&born), "{group}");
        assert_eq!(s.source(group), Some(&from_birth_date), "{group}");
    }
    // The resident completes the baby in 国保's members: the allowance's children follow,
    // and 子ども医療's single questions about the child are filled from that item.
    let baby = person("山田", "一郎", "ヤマダ イチロウ", "2026-11-20", "1", "03");
    s.set_answer("kokuho-kanyu.members", json!([baby])).unwrap();
    let from_members = AnswerSource::Carried { from: "kokuho-kanyu.members".into() };
    assert_eq!(s.source("jido-teate-nintei.children"), Some(&from_members));
    for (key, value) in [
        ("child.family_name", "山田"),
        ("child.given_name", "一郎"),
        ("child.family_name_kana", "ヤマダ"),
        ("child.given_name_kana", "イチロウ"),
        ("child.gender", "1"),
    ] {
        assert_eq!(s.answer(key), Some(&json!(value)), "{key}");
        assert_eq!(s.source(key), Some(&from_members), "{key}");
        assert_eq!(errors_at(&s, key), Vec::<String>::new(), "{key}");
    }
    // The date of birth stays the screening's answer.
    assert_eq!(s.source("child.birth_date"), Some(&AnswerSource::Screening { event: "birth".into() }));
    // A correction in the group follows; what the resident types in a single question stays.
    let renamed = person("山田", "二郎", "ヤマダ ジロウ", "2026-11-20", "1", "03");
    s.set_answer("child.family_name", json!("佐藤")).unwrap();
    s.set_answer("kokuho-kanyu.members", json!([renamed])).unwrap();
    assert_eq!(s.answer("child.given_name"), Some(&json!("二郎")));
    assert_eq!(s.answer("child.family_name"), Some(&json!("佐藤")));
    assert_eq!(s.source("child.family_name"), Some(&AnswerSource::Typed));
}

#[test]
fn siblings_and_twins_are_told_apart_by_what_is_known_or_not_guessed() {
    let catalog = support::sample("oishida");
    let screening = answers(json!({
        "child_birth_date": "2026-11-20", "born_abroad": false, "receiving_allowance": false, "kokuho": true
    }));
    let baby = person("山田", "一郎", "ヤマダ イチロウ", "2026-11-20", "1", "03");
    let sister = person("山田", "花子", "ヤマダ ハナコ", "2022-04-01", "2", "03");
    let twin = person("山田", "二郎", "ヤマダ ジロウ", "2026-11-20", "1", "03");

    // An older sister listed first: the newborn is the one born on the day.
    let mut s = Session::start(&catalog, &["kokuho-kanyu", "jido-teate-nintei", "kodomo-iryo"]).unwrap();
    s.reuse_screening("birth", &screening);
    s.set_answer("kokuho-kanyu.members", json!([sister.clone(), baby.clone()])).unwrap();
    assert_eq!(s.answer("child.given_name"), Some(&json!("一郎")));

    // Twins: two items are the child; nothing is guessed, and what was filled goes.
    s.set_answer("kokuho-kanyu.members", json!([baby.clone(), twin])).unwrap();
    assert_eq!(s.answer("child.given_name"), None);
    assert_eq!(s.source("child.given_name"), None);

    // Without the birth date known, no item is the child.
    let mut s = Session::start(&catalog, &["kokuho-kanyu", "kodomo-iryo"]).unwrap();
    s.set_answer("kokuho-kanyu.members", json!([baby])).unwrap();
    assert_eq!(s.answer("child.family_name"), None);
}

#[test]
fn a_child_typed_first_starts_the_later_groups() {
    let catalog = support::sample("oishida");
    // 子ども医療 first: the child's single answers start the allowance's children.
    let mut s = Session::start(&catalog, &["kodomo-iryo", "jido-teate-nintei"]).unwrap();
    for (key, value) in [
        ("child.family_name", "山田"),
        ("child.given_name", "一郎"),
        ("child.family_name_kana", "ヤマダ"),
        ("child.given_name_kana", "イチロウ"),
        ("child.birth_date", "2026-11-20"),
    ] {
        s.set_answer(key, json!(value)).unwrap();
    }
    assert_eq!(
        s.answer("jido-teate-nintei.children"),
        Some(&json!([{
            "name": {"family": "山田", "given": "一郎"}, "name_kana": "ヤマダ\u{3000}イチロウ",
            "birth_date": "2026-11-20"
        }]))
    );
    assert_eq!(
        s.source("jido-teate-nintei.children"),
        Some(&AnswerSource::Carried { from: "child.birth_date".into() })
    );
    // The resident adds a sibling: the group is theirs, the child's answers no longer touch it.
    let mut children = s.answer("jido-teate-nintei.children").unwrap().as_array().unwrap().clone();
    children.push(person("山田", "花子", "ヤマダ ハナコ", "2022-04-01", "2", "03"));
    s.set_answer("jido-teate-nintei.children", json!(children.clone())).unwrap();
    s.set_answer("child.given_name", json!("太郎")).unwrap();
    assert_eq!(s.answer("jido-teate-nintei.children"), Some(&json!(children)));
}

// ------------------------------------------------------------------ one question per concept

#[test]
fn questions_the_samples_asked_twice_are_asked_once() {
    let catalog = support::sample("oishida");
    // Your relationship to the person who needs care: one question for every care procedure.
    let s = Session::start(&catalog, &["kaigo-careplan", "kaigo-futan-gendo", "kaigo-kogaku"]).unwrap();
    let q = s.question("care.applicant_relationship").unwrap();
    assert_eq!(q.asked_by, ["kaigo-careplan", "kaigo-futan-gendo", "kaigo-kogaku"]);
    assert_eq!(q.field_type, FieldType::Code);
    assert!(s.questions().iter().all(|q| !q.key.ends_with(".relationship")));
    // The head of household's My Number, joining and leaving National Health Insurance.
    let s = Session::start(&catalog, &["kokuho-kanyu", "kokuho-dattai"]).unwrap();
    assert_eq!(s.question("household.head_my_number").unwrap().asked_by, ["kokuho-kanyu", "kokuho-dattai"]);
}

// ------------------------------------------------------------------ drafts

#[test]
fn a_draft_keeps_where_every_answer_came_from() {
    let catalog = support::sample("oishida");
    let mut s = Session::start(&catalog, &["tennyu", "kokuho-kanyu"]).unwrap();
    s.reuse_screening("moving-in", &answers(json!({"move_date": "2026-11-20", "moved_with_others": true})));
    s.set_answer("tennyu.members", json!([person("山田", "花子", "ヤマダ ハナコ", "1982-05-05", "2", "02")])).unwrap();
    s.prefill(&[("person.family_name".into(), json!("山田"), "my_number_card".into())]);
    let kinds: Vec<&AnswerSource> = s.sources().values().collect();
    for expected in [
        AnswerSource::Town,
        event("moving-in"),
        AnswerSource::Screening { event: "moving-in".into() },
        AnswerSource::Carried { from: "tennyu.members".into() },
        AnswerSource::Profile { provenance: "my_number_card".into() },
        AnswerSource::Typed,
    ] {
        assert!(kinds.contains(&&expected), "{expected:?} not in {kinds:?}");
    }
    let text = s.save_draft();
    assert!(text.contains(r#"{"kind":"event","event":"moving-in"}"#), "{text}");
    assert!(text.contains(r#"{"kind":"town"}"#), "{text}");
    assert!(text.contains(r#"{"kind":"carried","from":"tennyu.members"}"#), "{text}");
    let (restored, report) = tetsuzuki::draft::restore(&catalog, &text).unwrap();
    assert!(report.same_catalog);
    assert_eq!(restored.answers(), s.answers());
    assert_eq!(restored.sources(), s.sources());
    assert_eq!(restored.save_draft(), text);
}

#[test]
fn the_new_sources_read_back_and_unknown_ones_are_named() {
    for source in [event("birth"), AnswerSource::Town, AnswerSource::Carried { from: "tennyu.members".into() }] {
        let json = serde_json::to_value(&source).unwrap();
        assert_eq!(AnswerSource::from_json_value(json, "sources[\"k\"]"), Ok(source));
    }
    let e = AnswerSource::from_json_value(json!({"kind": "carried"}), "sources[\"k\"]").unwrap_err();
    assert!(e.contains("from"), "{e}");
    let e = AnswerSource::from_json_value(json!({"kind": "town", "event": "birth"}), "sources[\"k\"]").unwrap_err();
    assert!(e.contains("event"), "{e}");
    let e = AnswerSource::from_json_value(json!({"kind": "guess"}), "sources[\"k\"]").unwrap_err();
    assert!(e.contains("`event`, `town`, `carried`"), "{e}");
}
