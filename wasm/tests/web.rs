//! Browser tests of the wasm exports, run in headless Chromium by wasm-bindgen-test:
//! `source scripts/env.sh && cargo test -p tetsuzuki-wasm --target wasm32-unknown-unknown`
//! (scripts/test does this after compiling the sample catalogue).
#![cfg(target_arch = "wasm32")]

use tetsuzuki_wasm::catalog_summary;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// The catalogue compiled from `fixtures/` by scripts/test, else the committed minimal one.
const SAMPLE: &str = include_str!(concat!(env!("OUT_DIR"), "/sample-catalog.json"));
const SAMPLE_KIND: &str = env!("TETSUZUKI_SAMPLE_CATALOG_KIND");
const MINIMAL: &str = include_str!("../../tests/data/minimal-catalog.json");

fn get(object: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(object, &JsValue::from_str(key)).expect("a plain object")
}

fn string(object: &JsValue, key: &str) -> String {
    get(object, key).as_string().unwrap_or_else(|| panic!("{key} is not a string"))
}

fn count(object: &JsValue, key: &str) -> u32 {
    let n = get(object, key).as_f64().unwrap_or_else(|| panic!("{key} is not a number"));
    assert!(n >= 0.0 && n.fract() == 0.0, "{key} = {n}");
    n as u32
}

#[wasm_bindgen_test]
fn minimal_catalogue_summary() {
    let summary = catalog_summary(MINIMAL).expect("the minimal catalogue loads");
    assert_eq!(string(&summary, "town_id"), "minimal");
    assert_eq!(count(&summary, "procedures"), 1);
    assert_eq!(count(&summary, "life_events"), 1);
    assert_eq!(count(&summary, "concepts"), 2);
    assert_eq!(count(&summary, "code_lists"), 1);
    assert_eq!(count(&summary, "fields"), 2);
}

#[wasm_bindgen_test]
fn sample_catalogue_summary() {
    let summary = catalog_summary(SAMPLE).expect("the sample catalogue loads");
    let raw: serde_json::Value = serde_json::from_str(SAMPLE).expect("valid JSON");
    if SAMPLE_KIND == "sample" {
        assert_eq!(string(&summary, "town_id"), "oishida");
        assert!(count(&summary, "procedures") > 0, "the sample town has procedures");
    }
    assert!(!string(&summary, "format").is_empty());
    assert!(!string(&summary, "content_hash").is_empty());
    assert!(!string(&summary, "town_name").is_empty());
    // The counts are those of the catalogue's own lists.
    for key in ["procedures", "life_events", "concepts", "code_lists", "fields"] {
        let listed = raw[key].as_array().map_or(0, |a| a.len() as u32);
        assert_eq!(count(&summary, key), listed, "{key}");
    }
}

#[wasm_bindgen_test]
fn malformed_json_is_a_typed_error() {
    let error = catalog_summary(r#"{"format": "tetsuzuki-catalog/1", "town": "#)
        .expect_err("truncated JSON is refused");
    let error: js_sys::Error = error.dyn_into().expect("a JS Error");
    assert_eq!(String::from(error.name()), "TetsuzukiError");
    let message = String::from(error.message());
    assert!(message.contains("line 1"), "the message says where: {message}");
    let code = get(&error, "code").as_string().expect("a code");
    assert!(!code.is_empty());
}

#[wasm_bindgen_test]
fn wrong_shape_is_a_typed_error() {
    let error = catalog_summary("[1, 2, 3]").expect_err("an array is not a catalogue");
    let error: js_sys::Error = error.dyn_into().expect("a JS Error");
    assert_eq!(String::from(error.name()), "TetsuzukiError");
}
