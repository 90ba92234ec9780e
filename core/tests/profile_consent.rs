//! The on-device profile keeps only what its consent names: `keep` concepts (names, address,
//! phone) with the resident's consent, `sensitive` ones (the My Number, a bank account) only
//! with the further consent that names them, `never` ones (a move's date, the day water starts)
//! never. Older profiles still read, and a host prunes them with `retain_allowed`.

mod support;

use serde_json::json;
use tetsuzuki::catalog::Catalog;
use tetsuzuki::date::Date;
use tetsuzuki::host::{ConsentView, profile_consent};
use tetsuzuki::model::{Lang, ProfilePolicy};
use tetsuzuki::profile::{Profile, Source};
use tetsuzuki::session::Session;

const AT: &str = "2026-11-23T10:00:00+09:00";

fn today() -> Date {
    Date::parse_iso("2026-11-23").unwrap()
}

const MOVING_IN: [&str; 3] = ["tennyu", "kokuho-kanyu", "suido-kaishi"];

/// A moving-in session (転入届, 国保加入, 水道の使用開始), every question answered, direct debit
/// from a bank account chosen, and submitted.
fn moving_in_submitted(catalog: &Catalog) -> Session {
    let mut session = Session::start(catalog, &MOVING_IN).unwrap();
    let answers = json!({
        "move.date": "2026-11-20",
        "address.previous": {"postal_code": "100-0001", "prefecture": "東京都", "city": "千代田区", "town": "千代田", "block": "1-1"},
        "address.current": {"postal_code": "999-4112", "prefecture": "山形県", "city": "北村山郡大石田町", "town": "緑町", "block": "1"},
        "person.family_name": "山田",
        "person.given_name": "太郎",
        "person.family_name_kana": "ヤマダ",
        "person.given_name_kana": "タロウ",
        "person.birth_date": "1980-04-01",
        "person.gender": "1",
        "contact.phone": "0237-35-2111",
        "household.is_head": true,
        "household.moved_with_others": false,
        "kokuho-kanyu.reason": "moved_in",
        "insurance.kokuho_start_date": "2026-11-20",
        "person.my_number": "123456789018",
        "kokuho-kanyu.members": [{
            "name": {"family": "山田", "given": "太郎"},
            "name_kana": "ヤマダ タロウ",
            "birth_date": "1980-04-01",
            "gender": "1",
            "relationship": "01",
        }],
        "water.start_date": "2026-11-25",
        "suido-kaishi.building_kind": "house",
        "suido-kaishi.payment_method": "bank",
        "bank.code": "0001",
        "bank.name": "みずほ銀行",
        "bank.branch_code": "001",
        "bank.branch_name": "東京営業部",
        "bank.account_type": "1",
        "bank.account_number": "0123456",
        "bank.holder_kana": "ﾔﾏﾀﾞ ﾀﾛｳ",
    });
    for (key, value) in answers.as_object().unwrap().iter().chain(&support::tennyu_usual_answers()) {
        session.set_answer(key, value.clone()).unwrap_or_else(|e| panic!("{key}: {e}"));
    }
    let issues = session.validate(today(), Lang::Ja);
    let errors: Vec<_> = issues
        .iter()
        .filter(|i| i.severity == tetsuzuki::model::Severity::Error)
        .map(|i| (&i.field, &i.code))
        .collect();
    assert!(errors.is_empty(), "the session is answered fully: {errors:?}");
    session.submit(today(), AT).unwrap();
    session
}

fn kept(profile: &Profile) -> Vec<&str> {
    profile.concepts().collect()
}

#[test]
fn the_sample_model_marks_event_facts_never_and_my_number_and_bank_accounts_sensitive() {
    let catalog = support::sample("oishida");
    let policy = |id: &str| catalog.concepts.iter().find(|c| c.id == id).unwrap().profile_policy();
    for id in ["move.date", "water.start_date", "insurance.kokuho_start_date", "household.moved_with_others"] {
        assert_eq!(policy(id), ProfilePolicy::Never, "{id}");
    }
    // Derived from its sensitivity: the vocabulary does not say it.
    assert_eq!(catalog.concepts.iter().find(|c| c.id == "person.my_number").unwrap().profile, None);
    for id in ["person.my_number", "bank.account_number", "bank.holder_kana", "care.level"] {
        assert_eq!(policy(id), ProfilePolicy::Sensitive, "{id}");
    }
    for id in ["person.family_name", "address.current", "contact.phone", "person.birth_date"] {
        assert_eq!(policy(id), ProfilePolicy::Keep, "{id}");
    }
    // Compiled catalogues carry the declaration, and read it back.
    let text = catalog.compiled().to_json();
    assert!(text.contains(r#""id":"move.date","label""#) && text.contains(r#""profile":"never""#));
    let again = Catalog::from_json(&text).unwrap();
    assert_eq!(again.concepts, catalog.concepts);
}

#[test]
fn a_submitted_moving_in_session_keeps_names_address_and_phone_but_no_my_number_and_no_dates() {
    let catalog = support::sample("oishida");
    let session = moving_in_submitted(&catalog);
    assert_eq!(session.profile_policy("move.date"), Some(ProfilePolicy::Never));
    assert_eq!(session.profile_policy("person.my_number"), Some(ProfilePolicy::Sensitive));
    assert_eq!(session.profile_policy("kokuho-kanyu.members"), None, "a question without a concept is not kept");

    let mut profile = Profile::new();
    profile.give_consent(AT);
    let recorded = session.update_profile(&mut profile, today(), AT).unwrap();
    for id in [
        "person.family_name",
        "person.given_name",
        "person.family_name_kana",
        "person.given_name_kana",
        "person.birth_date",
        "address.current",
        "address.previous",
        "contact.phone",
    ] {
        assert!(profile.current(id, today()).is_some(), "{id} is kept: {:?}", kept(&profile));
        assert!(recorded.iter().any(|r| r == id), "{id}");
    }
    assert_eq!(profile.current("person.family_name", today()).unwrap().value, json!("山田"));
    for id in [
        "person.my_number",
        "move.date",
        "water.start_date",
        "insurance.kokuho_start_date",
        "household.moved_with_others",
        "bank.account_number",
        "bank.code",
        "bank.holder_kana",
    ] {
        assert!(profile.history(id).is_empty(), "{id} is not kept: {:?}", kept(&profile));
        assert!(!recorded.iter().any(|r| r == id), "{id}");
    }
    let text = profile.to_json();
    assert!(!text.contains("123456789018") && !text.contains("2026-11-20") && !text.contains("0123456"), "{text}");

    // With the further consent, the My Number and the bank account are kept too; the dates
    // never are.
    let mut profile = Profile::new();
    profile.give_sensitive_consent(AT);
    session.update_profile(&mut profile, today(), AT).unwrap();
    assert_eq!(profile.current("person.my_number", today()).unwrap().value, json!("123456789018"));
    assert!(profile.current("bank.account_number", today()).is_some());
    assert!(profile.current("person.family_name", today()).is_some());
    for id in ["move.date", "water.start_date", "insurance.kokuho_start_date"] {
        assert!(profile.history(id).is_empty(), "{id} is not kept: {:?}", kept(&profile));
    }
    let text = profile.to_json();
    assert!(!text.contains("2026-11-20\"") && !text.contains("2026-11-25"), "no event date is kept: {text}");

    // Withdrawing the further consent deletes what it allowed and keeps the rest.
    let deleted = profile.withdraw_sensitive_consent(&catalog);
    assert!(deleted.contains(&"person.my_number".to_string()) && deleted.contains(&"bank.account_number".to_string()));
    assert!(profile.history("person.my_number").is_empty() && profile.history("bank.code").is_empty());
    assert!(profile.consent().given && !profile.consent().sensitive);
    assert!(profile.current("person.family_name", today()).is_some());
}

/// A profile written before this consent existed, by an SDK that kept everything.
const OLD_PROFILE: &str = r#"{"format":"tetsuzuki-profile/1","consent":{"given":true,"at":"2026-11-01T09:00:00+09:00"},"facts":{
    "move.date":[{"value":"2026-11-20","source":{"kind":"typed","procedure":"tennyu","at":"T"},"valid_from":"2026-11-01"}],
    "person.family_name":[{"value":"山田","source":{"kind":"typed","procedure":"tennyu","at":"T"},"valid_from":"2026-11-01"}],
    "person.my_number":[{"value":"123456789018","source":{"kind":"typed","procedure":"kokuho-kanyu","at":"T"},"valid_from":"2026-11-01"}],
    "someone.elses_concept":[{"value":1,"source":{"kind":"typed","procedure":"p","at":"T"},"valid_from":"2026-11-01"}],
    "water.start_date":[{"value":"2026-11-25","source":{"kind":"typed","procedure":"suido-kaishi","at":"T"},"valid_from":"2026-11-01"}]
}}"#;

#[test]
fn an_old_profile_still_reads_and_is_pruned_to_what_its_consent_names() {
    let catalog = support::sample("oishida");
    let profile = Profile::from_json(OLD_PROFILE).unwrap();
    assert!(profile.consent().given && !profile.consent().sensitive, "a missing key is consent not given");
    assert_eq!(Profile::recover(OLD_PROFILE), (profile.clone(), vec![]));

    // Until it is pruned, a session offers none of what the consent does not name.
    let mut session = Session::start(&catalog, &MOVING_IN).unwrap();
    let filled = session.prefill_from(&profile, today());
    assert_eq!(filled, ["person.family_name"]);

    let mut pruned = profile.clone();
    let dropped = pruned.retain_allowed(&catalog);
    assert_eq!(dropped, ["move.date", "person.my_number", "water.start_date"]);
    assert_eq!(kept(&pruned), ["person.family_name", "someone.elses_concept"], "unknown concepts stay");
    assert!(pruned.retain_allowed(&catalog).is_empty(), "pruning twice changes nothing");

    // With the further consent, the My Number stays; the dates still go.
    let mut sensitive = profile.clone();
    sensitive.give_sensitive_consent(AT);
    assert_eq!(sensitive.retain_allowed(&catalog), ["move.date", "water.start_date"]);
    assert!(sensitive.current("person.my_number", today()).is_some());

    // Updating the profile after a session prunes it too.
    let mut updated = profile.clone();
    moving_in_submitted(&catalog).update_profile(&mut updated, today(), AT).unwrap();
    assert!(updated.history("move.date").is_empty() && updated.history("person.my_number").is_empty());
    assert_eq!(updated.current("person.family_name", today()).unwrap().value, json!("山田"));
}

#[test]
fn a_verified_my_number_is_not_prefilled_without_the_further_consent() {
    let catalog = support::sample("oishida");
    let mut profile = Profile::new();
    profile.give_consent(AT);
    // A host may record a fact directly (read from the My Number Card).
    let card = Source::MyNumberCard { at: AT.into() };
    profile.record("person.my_number", json!("123456789018"), card, today()).unwrap();
    let mut session = Session::start(&catalog, &["kokuho-kanyu"]).unwrap();
    assert!(session.prefill_from(&profile, today()).is_empty());
    profile.give_sensitive_consent(AT);
    assert_eq!(session.prefill_from(&profile, today()), ["person.my_number"]);
}

fn consent(lang: Lang, procedures: &[&str]) -> ConsentView {
    let catalog = support::sample("oishida");
    profile_consent(&Session::start(&catalog, procedures).unwrap(), lang)
}

#[test]
fn the_consent_names_what_is_kept_and_the_my_number_and_bank_account_apart() {
    let ja = consent(Lang::Ja, &MOVING_IN);
    assert!(ja.text.contains("氏名") && ja.text.contains("住所") && ja.text.contains("電話番号"), "{}", ja.text);
    assert!(!ja.text.contains("マイナンバー") && !ja.text.contains("口座"), "{}", ja.text);
    assert!(ja.sensitive_text.contains("マイナンバー") && ja.sensitive_text.contains("口座"), "{}", ja.sensitive_text);
    for label in ["氏", "名", "住所", "電話番号", "生年月日"] {
        assert!(ja.kept.iter().any(|k| k == label), "{label}: {:?}", ja.kept);
    }
    for label in ["引っ越した日", "水道を使い始める日", "国民健康保険に入る日", "個人番号（マイナンバー）", "口座番号"]
    {
        assert!(!ja.kept.iter().any(|k| k == label), "{label}: {:?}", ja.kept);
    }
    assert!(ja.sensitive.iter().any(|k| k == "個人番号（マイナンバー）"), "{:?}", ja.sensitive);
    assert!(ja.sensitive.iter().any(|k| k == "口座番号"), "{:?}", ja.sensitive);
    assert!(!ja.sensitive.iter().any(|k| k.contains("日")), "no date: {:?}", ja.sensitive);

    let en = consent(Lang::En, &MOVING_IN);
    assert!(en.text.contains("name") && en.text.contains("address") && en.text.contains("phone"), "{}", en.text);
    assert!(
        en.sensitive_text.contains("My Number") && en.sensitive_text.contains("bank account"),
        "{}",
        en.sensitive_text
    );
    assert!(en.kept.iter().any(|k| k == "Family name") && en.sensitive.iter().any(|k| k == "Account number"));

    let easy = consent(Lang::JaEasy, &MOVING_IN);
    assert!(
        easy.sensitive_text.contains("マイナンバー") && easy.sensitive_text.contains("こうざ"),
        "{}",
        easy.sensitive_text
    );
    assert_ne!(easy.text, ja.text);

    // A session that asks nothing sensitive shows no second box.
    let plain = consent(Lang::Ja, &["tennyu"]);
    assert!(plain.sensitive.is_empty(), "{:?}", plain.sensitive);
    assert!(!plain.kept.is_empty());

    // Hosts receive it as JSON.
    let json = serde_json::to_value(&ja).unwrap();
    let mut keys: Vec<&String> = json.as_object().unwrap().keys().collect();
    keys.sort();
    assert_eq!(keys, ["kept", "sensitive", "sensitive_text", "text"]);
    assert_eq!(json["sensitive"][0], "個人番号（マイナンバー）");
}
