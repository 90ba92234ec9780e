//! # tetsuzuki-wasm
//!
//! The core of tetsuzuki compiled to WebAssembly for the web widget. Exports are plain
//! functions over JSON text; errors are thrown as JS `Error`s whose `name` is
//! `TetsuzukiError` and that carry a stable `code` beside the human `message`.

use wasm_bindgen::prelude::*;

use tetsuzuki::catalog;

pub mod api;
mod dom;
pub mod widget;

/// Summarises a compiled catalogue (the canonical JSON the CLI's `compile` writes).
///
/// Returns a plain object `{format, content_hash, town_id, town_name, procedures,
/// life_events, concepts, code_lists, fields}`. Throws a `TetsuzukiError` (a JS `Error`
/// with a `code`) when the text is not a valid compiled catalogue.
#[wasm_bindgen(js_name = catalogSummary)]
pub fn catalog_summary(json: &str) -> Result<JsValue, JsValue> {
    let compiled = catalog::CompiledCatalog::from_json(json).map_err(|e| tetsuzuki_error(e.code(), &e.to_string()))?;
    let text = serde_json::to_string(&compiled.summary())
        .map_err(|e| tetsuzuki_error("internal.serialize", &e.to_string()))?;
    js_sys::JSON::parse(&text)
}

/// A JS `Error` named `TetsuzukiError` with a `code` property.
fn tetsuzuki_error(code: &str, message: &str) -> JsValue {
    let error = js_sys::Error::new(message);
    error.set_name("TetsuzukiError");
    // Setting a property on a fresh Error object cannot fail.
    let _ = js_sys::Reflect::set(&error, &JsValue::from_str("code"), &JsValue::from_str(code));
    error.into()
}
