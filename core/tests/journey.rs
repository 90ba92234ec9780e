//! The resident's journey (core/src/journey/): the conformance vectors of
//! fixtures/vectors/journey/ and the behaviours behind the defects it mends.

mod support;

use serde_json::{Value as Json, json};
use tetsuzuki::date::Date;
use tetsuzuki::journey::{Action, Journey, JourneyOptions, JourneyStart};
use tetsuzuki::model::Lang;

/// The value at a vector's path in a view: `errors.0.code`, `questions.#` (a length).
pub fn at(view: &Json, path: &str) -> Option<Json> {
    let mut cur = view;
    let segments: Vec<&str> = path.split('.').collect();
    for (n, seg) in segments.iter().enumerate() {
        if *seg == "#" && n + 1 == segments.len() {
            return match cur {
                Json::Array(a) => Some(json!(a.len())),
                Json::Object(o) => Some(json!(o.len())),
                _ => None,
            };
        }
        cur = match cur {
            Json::Array(a) => a.get(seg.parse::<usize>().ok()?)?,
            Json::Object(o) => o.get(*seg)?,
            _ => return None,
        };
    }
    Some(cur.clone())
}

fn start_of(v: &Json) -> JourneyStart {
    match &v["start"] {
        Json::String(s) if s == "events" => JourneyStart::Events,
        s if s.get("event").is_some() => JourneyStart::Event(s["event"].as_str().unwrap().to_string()),
        s => JourneyStart::Procedures(
            s["procedures"].as_array().unwrap().iter().map(|p| p.as_str().unwrap().to_string()).collect(),
        ),
    }
}

/// Runs one vector; returns the failures.
fn run(name: &str, v: &Json) -> Vec<String> {
    let catalog = support::sample(v["town"].as_str().unwrap());
    let options = JourneyOptions {
        one_question_per_page: v["options"]["one_question_per_page"].as_bool().unwrap_or(false),
        counter: v["options"]["counter"].as_bool().unwrap_or(false),
        ..Default::default()
    };
    let today = Date::parse_iso(v["today"].as_str().unwrap()).unwrap();
    let lang = Lang::from_tag(v["lang"].as_str().unwrap()).unwrap();
    let mut journey = Journey::new(&catalog, start_of(v), options, today, lang).unwrap();
    let mut failures = Vec::new();
    for (n, step) in v["steps"].as_array().unwrap().iter().enumerate() {
        if step.get("action").is_some() {
            let result = Action::from_json(step).and_then(|a| journey.act(a));
            let got = result.err().map(|e| e.code().to_string());
            let want = step.get("error").and_then(Json::as_str).map(str::to_string);
            if got != want {
                failures.push(format!("{name} step {n} ({}): error {got:?}, expected {want:?}", step["action"]));
            }
        }
        if step.get("reload").and_then(Json::as_bool) == Some(true) {
            let saved = journey.save();
            journey = Journey::restore(&catalog, &saved, options, today, journey.lang()).unwrap();
        }
        if let Some(expect) = step.get("expect").and_then(Json::as_object) {
            let view = serde_json::to_value(journey.view()).unwrap();
            for (path, want) in expect {
                let got = at(&view, path);
                if got.as_ref() != Some(want) {
                    failures.push(format!("{name} step {n}: `{path}` is {got:?}, expected {want}"));
                }
            }
        }
    }
    failures
}

#[test]
fn journey_vectors() {
    let dir = support::root().join("fixtures/vectors/journey");
    let mut files: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    assert!(files.len() >= 3, "journey vectors are missing");
    let mut failures = Vec::new();
    for f in files {
        let v: Json = serde_json::from_str(&std::fs::read_to_string(&f).unwrap()).unwrap();
        failures.extend(run(&f.file_name().unwrap().to_string_lossy(), &v));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A My Number is never kept in the saved journey (a store the resident did not consent to):
/// after a reload it is asked again, and the page says so.
#[test]
fn a_saved_journey_keeps_no_my_number() {
    let catalog = support::sample("oishida");
    let today = Date::parse_iso("2026-12-07").unwrap();
    let options = JourneyOptions::default();
    let start = JourneyStart::Procedures(vec!["tennyu".into(), "kokuho-kanyu".into()]);
    let mut journey = Journey::new(&catalog, start, options, today, Lang::Ja).unwrap();
    // The applicant heads the household: their own My Number is asked.
    journey.go_to("household.is_head").unwrap();
    journey.answer("household.is_head", json!(true)).unwrap();
    // A My Number asked on its own, and one inside a group's items, shown now.
    let session = journey.session().unwrap();
    let shown = session.relevant(today);
    let own = shown
        .iter()
        .find(|k| session.question(k).is_some_and(|q| q.field_type == tetsuzuki::model::FieldType::MyNumber))
        .cloned()
        .expect("a My Number question is shown");
    let members = shown
        .iter()
        .find(|k| session.field(k).is_some_and(|f| f.fields.iter().any(|i| i.id == "my_number")))
        .cloned()
        .expect("a group asking each person's My Number is shown");
    journey.go_to(&own).unwrap();
    journey.answer(&own, json!("123456789018")).unwrap();
    journey.go_to(&members).unwrap();
    journey.answer(&members, json!([{"name": "山田 花子", "my_number": "987654321018"}])).unwrap();
    journey.go_to("move.date").unwrap();
    journey.answer("move.date", json!("2026-12-01")).unwrap();
    let saved = journey.save();
    assert!(!saved.contains("123456789018") && !saved.contains("987654321018"), "{saved}");
    assert!(saved.contains("2026-12-01"), "other answers are kept");
    let mut again = Journey::restore(&catalog, &saved, options, today, Lang::Ja).unwrap();
    assert_eq!(again.session().unwrap().answer(&own), None);
    assert_eq!(again.session().unwrap().answer(&members), Some(&json!([{"name": "山田 花子"}])));
    let view = serde_json::to_value(again.view()).unwrap();
    assert!(view["notices"].to_string().contains("マイナンバーは、この機器に保存していません"), "{}", view["notices"]);
    // The continuation code is the resident's own export: it carries everything.
    assert!(journey.continuation_code().is_some());
}

mod props {
    use super::*;
    use proptest::prelude::*;

    /// Keys a resident could answer, right or wrong, across the moving-in screening and forms.
    const KEYS: [&str; 10] = [
        "move_date",
        "moved_with_others",
        "employee_insured",
        "move.date",
        "address.current",
        "person.family_name",
        "person.family_name_kana",
        "tennyu.members",
        "household.is_head",
        "no_such_question",
    ];

    fn value() -> impl Strategy<Value = Json> {
        prop_oneof![
            Just(json!(true)),
            Just(json!(false)),
            Just(json!("2026-12-01")),
            Just(json!("令和8年2月30日")),
            Just(json!("やまだ")),
            Just(json!({"prefecture": "山形県"})),
            Just(json!([{"name": "山田 花子"}, {}])),
            Just(json!(null)),
            "\\PC{0,12}".prop_map(Json::from),
        ]
    }

    fn action() -> impl Strategy<Value = Json> {
        let key = (0..KEYS.len()).prop_map(|i| KEYS[i]);
        prop_oneof![
            3 => (key.clone(), value()).prop_map(|(k, v)| json!({"action": "answer", "key": k, "value": v})),
            1 => key.clone().prop_map(|k| json!({"action": "finish_answer", "key": k})),
            1 => Just(json!({"action": "choose_event", "event": "moving-in"})),
            1 => Just(json!({"action": "start_online"})),
            3 => Just(json!({"action": "next"})),
            1 => Just(json!({"action": "acknowledge_warnings"})),
            1 => Just(json!({"action": "back"})),
            1 => key.clone().prop_map(|k| json!({"action": "change", "key": k})),
            1 => key.prop_map(|k| json!({"action": "go_to", "key": k})),
            1 => Just(json!({"action": "submit", "at": "2026-12-07T10:00:00+09:00"})),
            1 => Just(json!({"action": "feedback", "rating": 3})),
            1 => Just(json!({"action": "dismiss"})),
            1 => prop_oneof![Just("ja"), Just("en"), Just("ja-easy")].prop_map(|l| json!({"action": "set_lang", "lang": l})),
            1 => "\\PC{0,20}".prop_map(|c| json!({"action": "import_code", "code": c})),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

        /// Any sequence of actions, right or wrong, never panics; every refusal is a typed error;
        /// and at every step the saved journey restores to the same view (a reload changes
        /// nothing the resident sees).
        #[test]
        fn any_actions_keep_the_journey_whole(actions in prop::collection::vec(action(), 1..25)) {
            let catalog = support::sample("oishida");
            let today = Date::parse_iso("2026-12-07").unwrap();
            let options = JourneyOptions::default();
            let mut journey = Journey::new(&catalog, JourneyStart::Event("moving-in".into()), options, today, Lang::Ja).unwrap();
            for a in actions {
                let _ = Action::from_json(&a).and_then(|a| journey.act(a)).map_err(|e| assert!(!e.code().is_empty()));
                let view = serde_json::to_value(journey.view()).unwrap();
                let mut again = Journey::restore(&catalog, &journey.save(), options, today, journey.lang()).unwrap();
                let mut restored = serde_json::to_value(again.view()).unwrap();
                // What a reload may change: the notice that the draft was restored, and the
                // issues shown (a reload shows a fresh page: they come back on Continue).
                restored["notices"] = json!([]);
                let mut view = view;
                view["notices"] = json!([]);
                for v in [&mut view, &mut restored] {
                    if v["stage"] != json!("screening") {
                        v["errors"] = json!([]);
                        v["warnings"] = json!([]);
                        if let Some(qs) = v.get_mut("questions").and_then(Json::as_array_mut) {
                            for q in qs {
                                q["issues"] = json!([]);
                            }
                        }
                    }
                }
                prop_assert_eq!(view, restored);
            }
        }
    }
}
