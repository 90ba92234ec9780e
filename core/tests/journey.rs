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
