//! The JavaScript API of `docs/HOST-API.md`: `Catalog`, `Session`, `Profile`, `Journey`,
//! `checkValue`.
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
#[cfg(feature = "api")]
use tetsuzuki::journey::{self, JourneyOptions, JourneyStart};

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

    /// The checklist's due dates and the booked visits as the text of an iCalendar file
    /// (RFC 5545): `options` is `{stamp, seed, visits?}` (docs/HOST-API.md).
    #[wasm_bindgen(js_name = checklistCalendar)]
    pub fn checklist_calendar(
        &self,
        event: &str,
        answers: JsValue,
        event_date: Option<String>,
        today: &str,
        lang_tag: &str,
        options: JsValue,
    ) -> Result<String, JsValue> {
        let answers = answers_from_js(&answers)?;
        let event_date = event_date.as_deref().map(date).transpose()?;
        let (stamp, seed, visits) = host::calendar_options(&self.inner, &from_js(&options)?).map_err(js_error)?;
        host::checklist_calendar(
            &self.inner,
            event,
            &answers,
            event_date,
            date(today)?,
            lang(lang_tag)?,
            stamp,
            &seed,
            &visits,
        )
        .map_err(js_error)
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

/// A profile from damaged text, and what could not be read: `{profile, dropped}` (each
/// dropped part named by its path, never its value). `Profile.recover` gives the profile only.
#[cfg(feature = "api")]
#[wasm_bindgen(js_name = recoverProfile)]
pub fn recover_profile(text: &str) -> Result<JsValue, JsValue> {
    let (inner, dropped) = tetsuzuki::profile::Profile::recover(text);
    let out = js_sys::Object::new();
    js_sys::Reflect::set(&out, &"profile".into(), &JsValue::from(Profile { inner }))?;
    let list = js_sys::Array::new();
    for d in dropped {
        list.push(&d.into());
    }
    js_sys::Reflect::set(&out, &"dropped".into(), &list)?;
    Ok(out.into())
}

/// The SDK's version (`0.1.0`): the workspace's, compiled into the core; the npm package's
/// version is the same number.
#[cfg(feature = "api")]
#[wasm_bindgen]
pub fn version() -> String {
    host::api::VERSION.to_string()
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

// ---------------------------------------------------------------------- the clock

/// The browser's local date: `today` when a host does not hand one in (the widget's
/// default, and the journey's).
pub fn local_today() -> tetsuzuki::date::Date {
    let d = js_sys::Date::new_0();
    tetsuzuki::date::Date::new(d.get_full_year() as i32, d.get_month() as u8 + 1, d.get_date() as u8)
        .unwrap_or(tetsuzuki::date::Date::new(2000, 1, 1).expect("date"))
}

/// The browser's clock as RFC 3339 (UTC): the time of a submission when a host does not
/// hand one in.
pub fn now_iso() -> String {
    js_sys::Date::new_0().to_iso_string().as_string().unwrap_or_default()
}

// ---------------------------------------------------------------------- the journey

#[cfg(feature = "api")]
fn bad_value(message: String) -> JsValue {
    js_error(HostError::new("bad-value", message))
}

/// Reads a journey's options: `{event?, procedures?, today?, lang?, mode?, counter?}`
/// (`restoring`: no `event` or `procedures`, the saved journey says where it was). Unknown
/// options and values of the wrong kind are refused (`bad-value`, `bad-date`, `bad-lang`).
#[cfg(feature = "api")]
fn journey_options(
    value: &JsValue,
    restoring: bool,
) -> Result<(JourneyStart, JourneyOptions, tetsuzuki::date::Date, tetsuzuki::model::Lang), JsValue> {
    let options = if value.is_null() || value.is_undefined() {
        Map::new()
    } else {
        match from_js(value)? {
            Json::Object(map) => map,
            _ => {
                return Err(bad_value(
                    "the journey's options are an object: {event?, procedures?, today?, lang?, mode?, counter?}".into(),
                ));
            }
        }
    };
    let given = |k: &str| options.get(k).filter(|v| !v.is_null());
    let text = |k: &str| -> Result<Option<&str>, JsValue> {
        given(k).map(|v| v.as_str().ok_or_else(|| bad_value(format!("the option `{k}` is a string")))).transpose()
    };
    let allowed: &[&str] = if restoring {
        &["today", "lang", "mode", "counter"]
    } else {
        &["event", "procedures", "today", "lang", "mode", "counter"]
    };
    if let Some(k) = options.keys().find(|k| !allowed.contains(&k.as_str())) {
        let k: String = k.chars().take(40).collect();
        return Err(bad_value(format!("`{k}` is not an option here: use {}", allowed.join(", "))));
    }
    let start = match (text("event")?, given("procedures")) {
        (Some(_), Some(_)) => return Err(bad_value("give `event` or `procedures`, not both".into())),
        (Some(event), None) => JourneyStart::Event(event.to_string()),
        (None, Some(list)) => JourneyStart::Procedures(
            list.as_array()
                .and_then(|a| a.iter().map(|p| p.as_str().map(str::to_string)).collect::<Option<Vec<_>>>())
                .ok_or_else(|| bad_value("the option `procedures` is an array of procedure ids".into()))?,
        ),
        (None, None) => JourneyStart::Events,
    };
    let one_question_per_page = match text("mode")? {
        None | Some("pages") => false,
        Some("one") => true,
        Some(_) => return Err(bad_value("the option `mode` is \"pages\" or \"one\"".into())),
    };
    let counter = match given("counter") {
        None => false,
        Some(v) => v.as_bool().ok_or_else(|| bad_value("the option `counter` is true or false".into()))?,
    };
    let today = text("today")?.map(date).transpose()?.unwrap_or_else(local_today);
    let lang = text("lang")?.map(lang).transpose()?.unwrap_or(tetsuzuki::model::Lang::Ja);
    Ok((start, JourneyOptions { one_question_per_page, counter, ..Default::default() }, today, lang))
}

/// The resident's journey (core's `journey::Journey`): life events, screening, the
/// checklist, the form pages, the check page, submit and what happens next, as one state
/// machine. The host draws `view()` and forwards the resident's actions; a refused action
/// throws (`wrong-stage`, `has-errors`, …) and changes no answer.
#[cfg(feature = "api")]
#[wasm_bindgen]
pub struct Journey {
    inner: journey::Journey,
}

#[cfg(feature = "api")]
#[wasm_bindgen]
impl Journey {
    /// Starts a journey: `{event?, procedures?, today?, lang?, mode?: "pages" | "one",
    /// counter?}`; without `event` and `procedures`, at the life events; `today` is the
    /// browser's local date unless given, `lang` is `ja` unless given.
    pub fn start(catalog: &Catalog, options: JsValue) -> Result<Journey, JsValue> {
        let (start, options, today, lang) = journey_options(&options, false)?;
        journey::Journey::new(&catalog.inner, start, options, today, lang)
            .map(|inner| Journey { inner })
            .map_err(js_error)
    }

    /// Restores a saved journey (`save()`): the same stage and page. Options as `start`'s,
    /// without `event` and `procedures`.
    pub fn restore(catalog: &Catalog, text: &str, options: JsValue) -> Result<Journey, JsValue> {
        let (_, options, today, lang) = journey_options(&options, true)?;
        journey::Journey::restore(&catalog.inner, text, options, today, lang)
            .map(|inner| Journey { inner })
            .map_err(js_error)
    }

    /// The stage: `events`, `screening`, `page`, `check` or `done`.
    #[wasm_bindgen(getter)]
    pub fn stage(&self) -> String {
        self.inner.stage().to_string()
    }

    /// The language of the views.
    #[wasm_bindgen(getter)]
    pub fn lang(&self) -> String {
        self.inner.lang().tag().to_string()
    }

    /// The chosen life event, or `undefined`.
    #[wasm_bindgen(getter)]
    pub fn event(&self) -> Option<String> {
        self.inner.event().map(str::to_string)
    }

    /// What to draw now: `{lang, notices, errors, warnings, stage, …}`.
    pub fn view(&mut self) -> Result<JsValue, JsValue> {
        to_js(&self.inner.view())
    }

    /// Takes an action given as data (`{action: "answer", key, value}`, as the conformance
    /// vectors write them).
    pub fn act(&mut self, action: JsValue) -> Result<(), JsValue> {
        let action = journey::Action::from_json(&from_js(&action)?).map_err(js_error)?;
        self.inner.act(action).map_err(js_error)
    }

    /// Chooses a life event.
    #[wasm_bindgen(js_name = chooseEvent)]
    pub fn choose_event(&mut self, event: &str) -> Result<(), JsValue> {
        self.inner.choose_event(event).map_err(js_error)
    }

    /// Answers a question of the screen: `{shown_changed, issues_changed}`.
    pub fn answer(&mut self, key: &str, value: JsValue) -> Result<JsValue, JsValue> {
        let value = from_js(&value)?;
        to_js(&self.inner.answer(key, value).map_err(js_error)?)
    }

    /// The resident finished answering a question (its issues are shown from now on).
    #[wasm_bindgen(js_name = finishAnswer)]
    pub fn finish_answer(&mut self, key: &str) -> Result<JsValue, JsValue> {
        to_js(&self.inner.finish_answer(key))
    }

    /// Starts the forms of the checklist's procedures that can be done online now.
    #[wasm_bindgen(js_name = startOnline)]
    pub fn start_online(&mut self) -> Result<(), JsValue> {
        self.inner.start_online().map_err(js_error)
    }

    /// Continue.
    #[allow(clippy::should_implement_trait, reason = "the journey's action, named as on every target")]
    pub fn next(&mut self) -> Result<(), JsValue> {
        self.inner.next().map_err(js_error)
    }

    /// Continue anyway: the warnings shown are accepted.
    #[wasm_bindgen(js_name = acknowledgeWarnings)]
    pub fn acknowledge_warnings(&mut self) -> Result<(), JsValue> {
        self.inner.acknowledge_warnings().map_err(js_error)
    }

    /// Back.
    pub fn back(&mut self) -> Result<(), JsValue> {
        self.inner.back().map_err(js_error)
    }

    /// A change link of the check page.
    pub fn change(&mut self, key: &str) -> Result<(), JsValue> {
        self.inner.change(key).map_err(js_error)
    }

    /// An error summary's link to a question on another page.
    #[wasm_bindgen(js_name = goTo)]
    pub fn go_to(&mut self, key: &str) -> Result<(), JsValue> {
        self.inner.go_to(key).map_err(js_error)
    }

    /// At the counter: the resident confirms (or withdraws confirming) the answers.
    pub fn confirm(&mut self, confirmed: bool) -> Result<(), JsValue> {
        self.inner.confirm(confirmed).map_err(js_error)
    }

    /// Submits every procedure at `at` (RFC 3339; the browser's clock unless given): the
    /// submissions, for the host to send.
    pub fn submit(&mut self, at: Option<String>) -> Result<JsValue, JsValue> {
        let at = at.unwrap_or_else(now_iso);
        to_js(&self.inner.submit(&at).map_err(js_error)?)
    }

    /// The reference the town's own system gave a submitted procedure.
    #[wasm_bindgen(js_name = setReference)]
    pub fn set_reference(&mut self, procedure: &str, reference: &str) -> Result<(), JsValue> {
        self.inner.set_reference(procedure, reference).map_err(js_error)
    }

    /// The resident's feedback (a rating 1–5, a comment, or both): what to send to the town.
    pub fn feedback(&mut self, rating: Option<f64>, comment: Option<String>) -> Result<JsValue, JsValue> {
        // Anything but a whole number is refused as a rating out of range (`feedback-rating`).
        let rating = rating.map(|r| if r.fract() == 0.0 && (0.0..=5.0).contains(&r) { r as u8 } else { 0 });
        to_js(&self.inner.feedback(rating, comment.as_deref().unwrap_or_default()).map_err(js_error)?)
    }

    /// Done with the page after submitting: back to the life events.
    pub fn dismiss(&mut self) -> Result<(), JsValue> {
        self.inner.dismiss().map_err(js_error)
    }

    /// Switches the language of everything shown.
    #[wasm_bindgen(js_name = setLang)]
    pub fn set_lang(&mut self, lang_tag: &str) -> Result<(), JsValue> {
        self.inner.set_lang(lang(lang_tag)?);
        Ok(())
    }

    /// Gives the journey the resident's profile (never at the counter): the forms are
    /// prefilled from it when they consented, and it is updated on submit.
    #[wasm_bindgen(js_name = setProfile)]
    pub fn set_profile(&mut self, profile: &Profile) {
        self.inner.set_profile(profile.inner.clone());
    }

    /// The profile, as a submission updated it (a copy: keep its `toJson()`), or `null`.
    pub fn profile(&self) -> JsValue {
        self.inner.profile().map_or(JsValue::NULL, |p| Profile { inner: p.clone() }.into())
    }

    /// The resident chooses to keep (or not) what they typed on this device.
    #[wasm_bindgen(js_name = setKeepProfile)]
    pub fn set_keep_profile(&mut self, keep: bool) {
        self.inner.set_keep_profile(keep);
    }

    /// Whether what the resident typed will be kept on this device.
    #[wasm_bindgen(js_name = keepsProfile)]
    pub fn keeps_profile(&self) -> bool {
        self.inner.keeps_profile()
    }

    /// The resident chooses to keep (or not) their sensitive details too (My Number, bank
    /// account, health): only with this second consent, named in its own words.
    #[wasm_bindgen(js_name = setKeepSensitive)]
    pub fn set_keep_sensitive(&mut self, keep: bool) {
        self.inner.set_keep_sensitive(keep);
    }

    /// Forgets the profile (the resident withdrew consent).
    #[wasm_bindgen(js_name = forgetProfile)]
    pub fn forget_profile(&mut self) {
        self.inner.forget_profile();
    }

    /// Continues from a continuation code (`bad-code`: nothing changes, the view says so).
    #[wasm_bindgen(js_name = importCode)]
    pub fn import_code(&mut self, code: &str) -> Result<(), JsValue> {
        self.inner.import_code(code).map_err(js_error)
    }

    /// At the counter: opens a resident's handoff (scanned or pasted); see HOST-API.md.
    #[wasm_bindgen(js_name = openHandoff)]
    pub fn open_handoff(&mut self, code: &str) -> Result<(), JsValue> {
        self.inner.open_handoff(code).map_err(js_error)
    }

    /// The handoff made on submit for the procedures finished at the counter, or null.
    #[wasm_bindgen(js_name = handoffText)]
    pub fn handoff_text(&self) -> JsValue {
        self.inner.handoff_text().map_or(JsValue::NULL, JsValue::from_str)
    }

    /// The resident starts (or retries) the current host step: the request to fulfil
    /// (`{id, kind, procedures, digest, amount, references, first_day, last_day, slot,
    /// timeout_seconds}`); answer it with `fulfilStep`, `failStep` or `offerSlots`.
    #[wasm_bindgen(js_name = beginStep)]
    pub fn begin_step(&mut self) -> Result<JsValue, JsValue> {
        to_js(&self.inner.begin_step().map_err(js_error)?)
    }

    /// The host fulfilled request `id` with `reference`: the submissions, when this released
    /// them (else an empty list).
    #[wasm_bindgen(js_name = fulfilStep)]
    pub fn fulfil_step(&mut self, id: &str, reference: &str) -> Result<JsValue, JsValue> {
        to_js(&self.inner.fulfil_step(id, reference).map_err(js_error)?)
    }

    /// The host could not fulfil request `id`: `reason` is `cancelled`, `declined`,
    /// `card-unreadable`, `unavailable`, `timeout` or `interrupted`.
    #[wasm_bindgen(js_name = failStep)]
    pub fn fail_step(&mut self, id: &str, reason: &str) -> Result<(), JsValue> {
        self.inner.fail_step(id, reason).map_err(js_error)
    }

    /// The booking system's times for request `id`: `[{id, start, minutes, place}]`.
    #[wasm_bindgen(js_name = offerSlots)]
    pub fn offer_slots(&mut self, id: &str, slots: JsValue) -> Result<(), JsValue> {
        let slots = journey::read_slots(&from_js(&slots)?).map_err(js_error)?;
        self.inner.offer_slots(id, slots).map_err(js_error)
    }

    /// The resident chooses an offered time (then `beginStep` asks the host to confirm it).
    #[wasm_bindgen(js_name = chooseSlot)]
    pub fn choose_slot(&mut self, slot: &str) -> Result<(), JsValue> {
        self.inner.choose_slot(slot).map_err(js_error)
    }

    /// The resident skips the current step (a booking; an issue that failed).
    #[wasm_bindgen(js_name = skipStep)]
    pub fn skip_step(&mut self) -> Result<(), JsValue> {
        self.inner.skip_step().map_err(js_error)
    }

    /// The resident leaves the steps before anything was sent: back to the check page.
    #[wasm_bindgen(js_name = leaveSteps)]
    pub fn leave_steps(&mut self) -> Result<(), JsValue> {
        self.inner.leave_steps().map_err(js_error)
    }

    /// The continuation code of the forms, or `null` before they start and after submit.
    #[wasm_bindgen(js_name = continuationCode)]
    pub fn continuation_code(&self) -> JsValue {
        self.inner.continuation_code().map_or(JsValue::NULL, |c| JsValue::from_str(&c))
    }

    /// The whole journey as text (personal data: keep it on the resident's device only).
    pub fn save(&self) -> String {
        self.inner.save()
    }

    /// What was submitted: `[{procedure, reference, submitted_at}]`.
    pub fn receipts(&self) -> Result<JsValue, JsValue> {
        to_js(self.inner.receipts())
    }

    /// The due dates ahead as an iCalendar file (RFC 5545; no personal data), or null when
    /// there is none; `stamp` (RFC 3339) defaults to now.
    pub fn calendar(&self, stamp: Option<String>) -> Result<JsValue, JsValue> {
        let stamp = host::parse_stamp(&stamp.unwrap_or_else(now_iso)).map_err(js_error)?;
        Ok(self.inner.calendar(stamp).map_or(JsValue::NULL, |t| JsValue::from_str(&t)))
    }

    /// The step for analytics (codes and counts, never values): `{step, event, page, index, total}`.
    #[wasm_bindgen(js_name = stepEvent)]
    pub fn step_event(&self) -> Result<JsValue, JsValue> {
        to_js(&self.inner.step_event())
    }
}
