//! The JavaScript API of `docs/HOST-API.md`: `Catalog`, `Session`, `Profile`, `checkValue`.
//! Plain JS values in and out (records as plain objects, fields as core serialises them);
//! errors thrown as `TetsuzukiError`s with a stable `code`. Every method is a call into core.
//!
//! The API is the cargo feature `api` (the module `tetsuzuki-api.js`); the widget's build
//! (feature `widget`) keeps only `Catalog.load` and the conversions, so a page that embeds
//! the widget does not download the API's exports.

use serde::Serialize;
#[cfg(feature = "api")]
use serde_json::Map;
use serde_json::Value as Json;
use wasm_bindgen::prelude::*;

#[cfg(feature = "api")]
use tetsuzuki::host;
use tetsuzuki::host::HostError;

/// A JS `Error` named `TetsuzukiError` with a `code` property.
pub fn js_error(e: impl Into<HostError>) -> JsValue {
    let e: HostError = e.into();
    let error = js_sys::Error::new(&e.message);
    error.set_name("TetsuzukiError");
    // Setting a property on a fresh Error object cannot fail.
    let _ = js_sys::Reflect::set(&error, &JsValue::from_str("code"), &JsValue::from_str(&e.code));
    error.into()
}

/// A Rust value as a plain JS value (through JSON: small code, exact numbers as core has them).
pub fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    let text = serde_json::to_string(value).map_err(|e| js_error(HostError::new("internal", e.to_string())))?;
    js_sys::JSON::parse(&text)
}

/// A JS value as JSON (`undefined` and functions are not values).
pub fn from_js(value: &JsValue) -> Result<Json, JsValue> {
    let bad = || {
        js_error(HostError::new("bad-value", "the value is not a JSON value (string, number, boolean, object, array)"))
    };
    if value.is_undefined() || value.is_function() || value.is_symbol() {
        return Err(bad());
    }
    let text = js_sys::JSON::stringify(value).map_err(|_| bad())?;
    let text = text.as_string().ok_or_else(bad)?;
    serde_json::from_str(&text).map_err(|_| bad())
}

#[cfg(feature = "api")]
fn answers_from_js(value: &JsValue) -> Result<Map<String, Json>, JsValue> {
    if value.is_null() || value.is_undefined() {
        return Ok(Map::new());
    }
    match from_js(value)? {
        Json::Object(map) => Ok(map),
        _ => Err(js_error(HostError::new("bad-value", "answers must be an object of key → value"))),
    }
}

#[cfg(feature = "api")]
fn date(text: &str) -> Result<tetsuzuki::date::Date, JsValue> {
    host::parse_date(text).map_err(js_error)
}

#[cfg(feature = "api")]
fn lang(tag: &str) -> Result<tetsuzuki::model::Lang, JsValue> {
    host::parse_lang(tag).map_err(js_error)
}

/// A compiled catalogue, loaded and planned once.
#[wasm_bindgen]
pub struct Catalog {
    pub(crate) inner: tetsuzuki::catalog::Catalog,
}

#[wasm_bindgen]
impl Catalog {
    /// Loads a compiled catalogue (`tetsuzuki compile` output), checking format and hash.
    pub fn load(text: &str) -> Result<Catalog, JsValue> {
        tetsuzuki::catalog::Catalog::from_json(text).map(|inner| Catalog { inner }).map_err(js_error)
    }
}

#[cfg(feature = "api")]
#[wasm_bindgen]
impl Catalog {
    /// What the catalogue holds, in counts.
    pub fn summary(&self) -> Result<JsValue, JsValue> {
        to_js(&self.inner.summary())
    }

    /// The life events, in `lang`.
    #[wasm_bindgen(js_name = lifeEvents)]
    pub fn life_events(&self, lang_tag: &str) -> Result<JsValue, JsValue> {
        to_js(&host::life_events(&self.inner, lang(lang_tag)?))
    }

    /// The procedures, in `lang`.
    pub fn procedures(&self, lang_tag: &str) -> Result<JsValue, JsValue> {
        to_js(&host::procedures(&self.inner, lang(lang_tag)?))
    }

    /// The navigator: questions to ask now and the checklist for these screening answers.
    pub fn navigate(
        &self,
        event: &str,
        answers: JsValue,
        event_date: Option<String>,
        today: &str,
        lang_tag: &str,
    ) -> Result<JsValue, JsValue> {
        let answers = answers_from_js(&answers)?;
        let event_date = event_date.as_deref().map(date).transpose()?;
        let checklist = self
            .inner
            .navigator()
            .navigate(event, &answers, event_date, date(today)?, lang(lang_tag)?)
            .map_err(js_error)?;
        to_js(&checklist)
    }

    /// A life event's screening questions, as a renderer needs them.
    #[wasm_bindgen(js_name = screeningQuestions)]
    pub fn screening_questions(&self, event: &str, lang_tag: &str) -> Result<JsValue, JsValue> {
        to_js(&host::screening_questions(&self.inner, event, lang(lang_tag)?).map_err(js_error)?)
    }

    /// One procedure's form on its own: `{issues, normalized, relevant}`.
    pub fn validate(&self, procedure: &str, answers: JsValue, today: &str, lang_tag: &str) -> Result<JsValue, JsValue> {
        let answers = answers_from_js(&answers)?;
        let v =
            self.inner.validator().validate(procedure, &answers, date(today)?, lang(lang_tag)?).map_err(js_error)?;
        to_js(&v)
    }

    /// Starts a one-stop session for these procedures.
    #[wasm_bindgen(js_name = startSession)]
    pub fn start_session(&self, procedures: Vec<String>) -> Result<Session, JsValue> {
        let ids: Vec<&str> = procedures.iter().map(String::as_str).collect();
        tetsuzuki::session::Session::start(&self.inner, &ids).map(|inner| Session { inner }).map_err(js_error)
    }

    /// Restores a session from a draft's text: `{session, report}`.
    /// A second argument is refused (`bad-value`) rather than dropped: the previous catalogue
    /// goes to [`Catalog::restore_draft_since`].
    #[wasm_bindgen(js_name = restoreDraft)]
    pub fn restore_draft(&self, text: &str, previous: JsValue) -> Result<JsValue, JsValue> {
        if !previous.is_undefined() {
            let hint = "restoreDraft takes the draft's text only: pass the previous catalogue to restoreDraftSince(text, previous)";
            return Err(js_error(HostError::new("bad-value", hint)));
        }
        restored(host::restore_draft(&self.inner, text, None))
    }

    /// [`Catalog::restore_draft`], given also the catalogue the draft was made with
    /// (`previous`, loaded with `Catalog.load`; borrowed, so it stays the caller's): the
    /// report's `fields` then list the field-level changes of the draft's procedures.
    /// (`restoreDraft(text, previous?)` on the native targets: wasm-bindgen cannot borrow an
    /// optional exported object.)
    #[wasm_bindgen(js_name = restoreDraftSince)]
    pub fn restore_draft_since(&self, text: &str, previous: &Catalog) -> Result<JsValue, JsValue> {
        restored(host::restore_draft(&self.inner, text, Some(&previous.inner)))
    }
}

/// A restored draft as `{session, report}`.
#[cfg(feature = "api")]
fn restored(
    result: Result<(tetsuzuki::session::Session, host::ReportView), tetsuzuki::draft::DraftError>,
) -> Result<JsValue, JsValue> {
    let (inner, report) = result.map_err(js_error)?;
    let out = js_sys::Object::new();
    js_sys::Reflect::set(&out, &"session".into(), &Session { inner }.into())?;
    js_sys::Reflect::set(&out, &"report".into(), &to_js(&report)?)?;
    Ok(out.into())
}

/// A one-stop session.
#[cfg(feature = "api")]
#[wasm_bindgen]
pub struct Session {
    pub(crate) inner: tetsuzuki::session::Session,
}

#[cfg(feature = "api")]
#[wasm_bindgen]
impl Session {
    /// The procedures, in order.
    pub fn procedures(&self) -> Vec<String> {
        self.inner.procedures().into_iter().map(str::to_string).collect()
    }

    /// Every question once, as a renderer needs it.
    pub fn questions(&self, lang_tag: &str) -> Result<JsValue, JsValue> {
        to_js(&host::questions(&self.inner, lang(lang_tag)?))
    }

    /// The pages to show now.
    pub fn pages(&self, today: &str, lang_tag: &str) -> Result<JsValue, JsValue> {
        to_js(&host::pages(&self.inner, date(today)?, lang(lang_tag)?))
    }

    /// Sets an answer.
    #[wasm_bindgen(js_name = setAnswer)]
    pub fn set_answer(&mut self, key: &str, value: JsValue) -> Result<(), JsValue> {
        let value = from_js(&value)?;
        self.inner.set_answer(key, value).map_err(js_error)
    }

    /// An answer, or `null`.
    pub fn answer(&self, key: &str) -> Result<JsValue, JsValue> {
        match self.inner.answer(key) {
            Some(v) => to_js(v),
            None => Ok(JsValue::NULL),
        }
    }

    /// Fills questions from the navigator's answers; returns the keys filled.
    #[wasm_bindgen(js_name = reuseScreening)]
    pub fn reuse_screening(&mut self, event: &str, answers: JsValue) -> Result<Vec<String>, JsValue> {
        let answers = answers_from_js(&answers)?;
        Ok(self.inner.reuse_screening(event, &answers))
    }

    /// Fills questions from the profile; returns the keys filled.
    pub fn prefill(&mut self, profile: &Profile, today: &str) -> Result<Vec<String>, JsValue> {
        Ok(self.inner.prefill_from(&profile.inner, date(today)?))
    }

    /// Every issue of every relevant question.
    pub fn validate(&self, today: &str, lang_tag: &str) -> Result<JsValue, JsValue> {
        to_js(&self.inner.validate(date(today)?, lang(lang_tag)?))
    }

    /// The issues of one question.
    #[wasm_bindgen(js_name = validateQuestion)]
    pub fn validate_question(&self, key: &str, today: &str, lang_tag: &str) -> Result<JsValue, JsValue> {
        to_js(&self.inner.validate_question(key, date(today)?, lang(lang_tag)?).map_err(js_error)?)
    }

    /// The check-your-answers rows.
    pub fn summary(&self, today: &str, lang_tag: &str) -> Result<JsValue, JsValue> {
        to_js(&self.inner.summary(date(today)?, lang(lang_tag)?))
    }

    /// A preview of the submissions.
    pub fn submissions(&self, today: &str, at: &str) -> Result<JsValue, JsValue> {
        to_js(&self.inner.submissions(date(today)?, at).map_err(js_error)?)
    }

    /// Submits and ends the session.
    pub fn submit(&mut self, today: &str, at: &str) -> Result<JsValue, JsValue> {
        to_js(&self.inner.submit(date(today)?, at).map_err(js_error)?)
    }

    /// 書かない窓口: staff fill the session on the resident's behalf (it is then submitted only
    /// after the resident confirms).
    #[wasm_bindgen(js_name = setAssisted)]
    pub fn set_assisted(&mut self, assisted: bool) {
        self.inner.set_assisted(assisted);
    }

    /// Whether staff fill the session on the resident's behalf.
    #[wasm_bindgen(js_name = isAssisted)]
    pub fn is_assisted(&self) -> bool {
        self.inner.is_assisted()
    }

    /// The resident confirms the answers as they are (or withdraws that).
    #[wasm_bindgen(js_name = confirmByResident)]
    pub fn confirm_by_resident(&mut self, confirmed: bool) {
        self.inner.confirm_by_resident(confirmed);
    }

    /// Whether the resident has confirmed the answers as they are now.
    #[wasm_bindgen(js_name = isConfirmedByResident)]
    pub fn is_confirmed_by_resident(&self) -> bool {
        self.inner.is_confirmed_by_resident()
    }

    /// The issue to show while an assisted session is unconfirmed, else `null`.
    #[wasm_bindgen(js_name = confirmationIssue)]
    pub fn confirmation_issue(&self, lang_tag: &str) -> Result<JsValue, JsValue> {
        to_js(&self.inner.confirmation_issue(lang(lang_tag)?))
    }

    /// Records this session's answers in the profile (with its consent); returns the concepts.
    #[wasm_bindgen(js_name = updateProfile)]
    pub fn update_profile(&self, profile: &mut Profile, today: &str, at: &str) -> Result<Vec<String>, JsValue> {
        self.inner.update_profile(&mut profile.inner, date(today)?, at).map_err(js_error)
    }

    /// Whether the session was submitted (it takes no more answers).
    #[wasm_bindgen(js_name = isEnded)]
    pub fn is_ended(&self) -> bool {
        self.inner.is_ended()
    }

    /// The draft's text.
    #[wasm_bindgen(js_name = saveDraft)]
    pub fn save_draft(&self) -> String {
        self.inner.save_draft()
    }
}

/// The once-only store (kept by the host on the device).
#[cfg(feature = "api")]
#[wasm_bindgen]
pub struct Profile {
    pub(crate) inner: tetsuzuki::profile::Profile,
}

#[cfg(feature = "api")]
#[wasm_bindgen]
impl Profile {
    /// An empty profile without consent.
    pub fn empty() -> Profile {
        Profile { inner: tetsuzuki::profile::Profile::new() }
    }

    /// A profile from its text.
    pub fn load(text: &str) -> Result<Profile, JsValue> {
        tetsuzuki::profile::Profile::from_json(text).map(|inner| Profile { inner }).map_err(js_error)
    }

    /// A profile from damaged text: what can be read is kept.
    pub fn recover(text: &str) -> Profile {
        Profile { inner: tetsuzuki::profile::Profile::recover(text).0 }
    }

    /// Its text.
    #[wasm_bindgen(js_name = toJson)]
    pub fn to_json(&self) -> String {
        self.inner.to_json()
    }

    /// The resident agrees that their details be kept on this device.
    #[wasm_bindgen(js_name = giveConsent)]
    pub fn give_consent(&mut self, at: &str) {
        self.inner.give_consent(at);
    }

    /// Withdraws consent: every fact is forgotten.
    #[wasm_bindgen(js_name = withdrawConsent)]
    pub fn withdraw_consent(&mut self) {
        self.inner.withdraw_consent();
    }

    /// Whether the resident agreed.
    #[wasm_bindgen(js_name = hasConsent)]
    pub fn has_consent(&self) -> bool {
        self.inner.consent().given
    }

    /// The facts valid on `today`.
    pub fn facts(&self, today: &str) -> Result<JsValue, JsValue> {
        to_js(&host::facts(&self.inner, date(today)?))
    }

    /// Forgets a concept.
    pub fn forget(&mut self, concept: &str) {
        self.inner.forget(concept);
    }
}

/// Tries one value of a field type: `{valid, normalized, issues}`.
#[cfg(feature = "api")]
#[wasm_bindgen(js_name = checkValue)]
pub fn check_value(type_name: &str, value: JsValue, today: &str, lang_tag: &str) -> Result<JsValue, JsValue> {
    let ty = host::parse_type(type_name).map_err(js_error)?;
    let value = from_js(&value)?;
    to_js(&tetsuzuki::validate::check_value(ty, &value, date(today)?, lang(lang_tag)?))
}

/// Summarises a compiled catalogue (the canonical JSON the CLI's `compile` writes) without
/// keeping it: `{format, content_hash, town_id, town_name, procedures, life_events, concepts,
/// code_lists, fields}`. Throws a `TetsuzukiError` when the text is not a valid compiled
/// catalogue.
#[cfg(feature = "api")]
#[wasm_bindgen(js_name = catalogSummary)]
pub fn catalog_summary(json: &str) -> Result<JsValue, JsValue> {
    let compiled = tetsuzuki::catalog::CompiledCatalog::from_json(json)
        .map_err(|e| js_error(HostError::new(e.code(), e.to_string())))?;
    to_js(&compiled.summary())
}
