//! Browser tests of the wasm exports, run in headless Chromium by wasm-bindgen-test:
//! `source scripts/env.sh && cargo test -p tetsuzuki-wasm --target wasm32-unknown-unknown`
//! (scripts/test does this after compiling the sample catalogue and pointing
//! `TETSUZUKI_SAMPLE_CATALOG` at it; see `wasm/build.rs`). They test the JS API's exports,
//! so they exist only with its feature `api` (on by default).
#![cfg(all(target_arch = "wasm32", feature = "api"))]

use serde_json::Value;
use tetsuzuki::catalog::CompiledCatalog;
use tetsuzuki_wasm::catalog_summary;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// The catalogue compiled from `fixtures/` by scripts/test (see `wasm/build.rs`); empty if none.
const SAMPLE: &str = include_str!(concat!(env!("OUT_DIR"), "/sample-catalog.json"));
const SAMPLE_PATH: &str = env!("TETSUZUKI_SAMPLE_CATALOG_PATH");
/// An empty town, unsealed (see `tests/data/README.md`).
const MINIMAL_UNSEALED: &str = include_str!("../../tests/data/minimal-catalog.json");

fn sample() -> &'static str {
    assert!(
        !SAMPLE.is_empty(),
        "no sample catalogue at {SAMPLE_PATH}: run scripts/test, or compile one with \
         `cargo run -p tetsuzuki-cli -- compile fixtures/model fixtures/towns --town oishida \
         -o target/sample-catalog.json` and set TETSUZUKI_SAMPLE_CATALOG to it"
    );
    SAMPLE
}

/// The minimal catalogue, sealed with this build's content hash.
fn minimal() -> String {
    let mut catalog: CompiledCatalog = serde_json::from_str(MINIMAL_UNSEALED).expect("the minimal catalogue parses");
    catalog.seal();
    catalog.to_json()
}

fn get(object: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(object, &JsValue::from_str(key)).expect("an object")
}

fn string(object: &JsValue, key: &str) -> String {
    get(object, key).as_string().unwrap_or_else(|| panic!("{key} is not a string"))
}

fn count(object: &JsValue, key: &str) -> u32 {
    let n = get(object, key).as_f64().unwrap_or_else(|| panic!("{key} is not a number"));
    assert!(n >= 0.0 && n.fract() == 0.0, "{key} = {n}");
    n as u32
}

/// A thrown `TetsuzukiError`: (code, message).
fn thrown(error: JsValue) -> (String, String) {
    let error: js_sys::Error = error.dyn_into().expect("a JS Error");
    assert_eq!(String::from(error.name()), "TetsuzukiError");
    let code = get(&error, "code").as_string().expect("a string code");
    (code, String::from(error.message()))
}

/// Counts straight from the catalogue's JSON, independently of the core's code.
fn counted(raw: &Value, key: &str) -> u32 {
    fn fields(list: &Value) -> u32 {
        let items = list.as_array().map(Vec::as_slice).unwrap_or_default();
        items.iter().filter(|f| f.is_object()).map(|f| 1 + fields(&f["fields"])).sum()
    }
    let procedures = raw["procedures"].as_array().expect("procedures");
    match key {
        "fields" => procedures
            .iter()
            .flat_map(|p| p["form"]["pages"].as_array().cloned().unwrap_or_default())
            .map(|page| fields(&page["fields"]))
            .sum(),
        _ => raw[key].as_array().unwrap_or_else(|| panic!("{key} is a list")).len() as u32,
    }
}

#[wasm_bindgen_test]
fn minimal_catalogue_summary() {
    let summary = catalog_summary(&minimal()).expect("the minimal catalogue loads");
    assert_eq!(string(&summary, "format"), "tetsuzuki-catalog/1");
    assert_eq!(string(&summary, "town_id"), "minimal");
    assert_eq!(string(&summary, "town_name"), "見本町");
    assert!(string(&summary, "content_hash").starts_with("sha256-"));
    for key in ["procedures", "life_events", "concepts", "code_lists", "fields"] {
        assert_eq!(count(&summary, key), 0, "{key}");
    }
}

#[wasm_bindgen_test]
fn sample_catalogue_summary() {
    let summary = catalog_summary(sample()).expect("the sample catalogue loads");
    let raw: Value = serde_json::from_str(sample()).expect("valid JSON");
    assert_eq!(string(&summary, "town_id"), "oishida");
    assert!(count(&summary, "procedures") > 0, "the sample town offers procedures");
    assert!(count(&summary, "fields") > 0, "the sample procedures have fields");
    assert_eq!(string(&summary, "format"), raw["format"].as_str().unwrap());
    assert_eq!(string(&summary, "content_hash"), raw["content_hash"].as_str().unwrap());
    assert_eq!(string(&summary, "town_id"), raw["town"]["id"].as_str().unwrap());
    assert_eq!(string(&summary, "town_name"), raw["town"]["name"]["ja"].as_str().unwrap());
    for key in ["procedures", "life_events", "concepts", "code_lists", "fields"] {
        assert_eq!(count(&summary, key), counted(&raw, key), "{key}");
    }
}

#[wasm_bindgen_test]
fn malformed_json_is_a_typed_error() {
    let error =
        catalog_summary(r#"{"format": "tetsuzuki-catalog/1", "town": "#).expect_err("truncated JSON is refused");
    let (code, message) = thrown(error);
    assert_eq!(code, "catalog-malformed");
    assert!(
        message.contains("found the end of the text") && message.contains("town at line 1, column 43"),
        "says what and where: {message}"
    );
}

#[wasm_bindgen_test]
fn wrong_shape_is_a_typed_error() {
    let (code, message) = thrown(catalog_summary("[1, 2, 3]").expect_err("not a catalogue"));
    assert_eq!(code, "catalog-malformed");
    assert!(message.contains("expected"), "{message}");
}

#[wasm_bindgen_test]
fn edited_catalogue_fails_its_hash() {
    let edited = minimal().replace("見本町", "改竄町");
    let (code, message) = thrown(catalog_summary(&edited).expect_err("edited after compilation"));
    assert_eq!(code, "catalog-hash");
    assert!(message.contains("hash"), "{message}");
}
