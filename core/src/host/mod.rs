//! What every host target speaks: the one vocabulary of `docs/HOST-API.md`, shared by the web
//! widget (`wasm/`) and the native bindings (`bindings/`), so that no adapter decides anything.
//!
//! - [`HostError`]: every error of the SDK as a stable code and a message (no personal data),
//!   its [`ErrorKind`] from the one declaration of the API ([`api`]: every code, every method
//!   of every target);
//! - parsers for what hosts hand in as text (dates, languages, JSON values);
//! - language-resolved views of the catalogue and of a session's questions, re-exported from
//!   [`crate::views`]: everything a renderer needs (label, hint, optional, choices,
//!   autocomplete token, input mode, parts);
//! - the interface's own words (buttons, headings) from the one message catalogue.
//!
//! The top layer: it imports the runtime (sessions, drafts, the journey, views) and nothing
//! imports it but the adapters.

pub mod api;

use serde::Serialize;
use serde_json::{Map, Value as Json};

pub use crate::calendar::{Stamp, VisitBooking};
use crate::catalog::{Catalog, CatalogError};
use crate::date::Date;
use crate::draft::{DraftError, RestoreReport};
use crate::journey::JourneyError;
use crate::model::{FieldType, Lang};
use crate::navigate::NavigateError;
use crate::profile::ProfileError;
use crate::session::{Session, SessionError};
use crate::validate::ValidateError;

/// An error any host call can give: a stable code (`docs/HOST-API.md` lists them) and a
/// message for the developer. It never holds a resident's data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HostError {
    /// Stable code, e.g. `catalog-hash`, `unknown-question`, `session-ended`.
    pub code: String,
    /// What went wrong and what to do, in English, for the developer.
    pub message: String,
}

impl HostError {
    /// An error with this code and message.
    pub fn new(code: &str, message: impl Into<String>) -> HostError {
        HostError { code: code.to_string(), message: message.into() }
    }

    /// What the code is about ([`api::ERROR_CODES`]); none for a code the SDK does not
    /// declare, which is a bug (`core/tests/host_api.rs` finds every code produced).
    pub fn kind(&self) -> Option<ErrorKind> {
        error_kind(&self.code)
    }
}

impl std::fmt::Display for HostError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.code, self.message)
    }
}

impl std::error::Error for HostError {}

macro_rules! host_error_from {
    ($($t:ty),*) => {$(
        impl From<$t> for HostError {
            fn from(e: $t) -> HostError {
                HostError::new(e.code(), e.to_string())
            }
        }
    )*};
}
host_error_from!(CatalogError, SessionError, DraftError, ProfileError, NavigateError, ValidateError, JourneyError);

/// Reads a `YYYY-MM-DD` date handed in by a host.
pub fn parse_date(text: &str) -> Result<Date, HostError> {
    Date::parse_iso(text)
        .ok_or_else(|| HostError::new("bad-date", format!("`{}` is not a date: write it as YYYY-MM-DD", shorten(text))))
}

/// Reads a language tag: `ja`, `en` or `ja-easy`.
pub fn parse_lang(tag: &str) -> Result<Lang, HostError> {
    Lang::from_tag(tag).ok_or_else(|| {
        HostError::new("bad-lang", format!("`{}` is not a language of the SDK: use ja, en or ja-easy", shorten(tag)))
    })
}

/// The language for a tag a page gives (an element's `lang`, `<html lang>`, the browser's), by
/// BCP 47 with fallback ([`Lang::negotiate`]: `en-US` → `en`): the language, and for a tag the
/// SDK does not offer, what to tell the developer (the console) while Japanese is shown.
pub fn negotiate_lang(tag: &str) -> (Lang, Option<String>) {
    match Lang::negotiate(tag) {
        Some(lang) => (lang, None),
        None => (
            Lang::Ja,
            Some(format!(
                "tetsuzuki: the language `{}` is not offered (ja, en, ja-easy); showing ja. Set lang to one of them",
                shorten(tag)
            )),
        ),
    }
}

/// Reads a value handed in as JSON text.
pub fn parse_value(text: &str) -> Result<Json, HostError> {
    serde_json::from_str(text).map_err(|e| {
        HostError::new("bad-value", format!("the value is not JSON ({e}): pass a string as \"text\", with quotes"))
    })
}

/// Reads answers handed in as the JSON text of an object (key → value).
pub fn parse_answers(text: &str) -> Result<Map<String, Json>, HostError> {
    match parse_value(text)? {
        Json::Object(map) => Ok(map),
        _ => Err(HostError::new("bad-value", "answers must be a JSON object of key → value")),
    }
}

/// Reads a field type by its name in definitions (`postal_code`).
pub fn parse_type(name: &str) -> Result<FieldType, HostError> {
    FieldType::from_name(name).ok_or_else(|| {
        HostError::new("unknown-type", format!("`{}` is not a field type: see docs/format.md", shorten(name)))
    })
}

/// A host's text quoted back in a message: short, and only ever ids or tags (never answers).
fn shorten(text: &str) -> String {
    let mut s: String = text.chars().take(40).collect();
    if s.len() < text.len() {
        s.push('…');
    }
    s
}

/// A restore report with its changes spelled out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReportView {
    /// The draft was made with exactly this catalogue.
    pub same_catalog: bool,
    /// The draft was cut short and repaired.
    pub truncated: bool,
    /// Procedures whose definitions changed.
    pub changed: Vec<ChangeView>,
    /// Answers kept aside: no procedure asks them now.
    pub gone: Vec<String>,
    /// Answers to check again.
    pub recheck: Vec<String>,
    /// Answers restored.
    pub kept: Vec<String>,
    /// Procedures the catalogue no longer has.
    pub missing_procedures: Vec<String>,
    /// Field-level changes of the draft's procedures since the draft, each as core
    /// serialises a [`crate::diff::Change`]: only when the host gave the catalogue the draft
    /// was made with ([`crate::draft::restore_with_previous`]); empty otherwise.
    pub fields: Vec<crate::diff::Change>,
}

/// A procedure whose definition changed since a draft.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ChangeView {
    /// The procedure.
    pub procedure: String,
    /// The version the draft was made with.
    pub from: String,
    /// The version now.
    pub to: String,
}

impl From<RestoreReport> for ReportView {
    fn from(r: RestoreReport) -> ReportView {
        ReportView {
            same_catalog: r.same_catalog,
            truncated: r.truncated,
            changed: r.changed.into_iter().map(|(procedure, from, to)| ChangeView { procedure, from, to }).collect(),
            gone: r.gone,
            recheck: r.recheck,
            kept: r.kept,
            missing_procedures: r.missing_procedures,
            fields: r.fields,
        }
    }
}

/// `Catalog.restoreDraft(text, previous?)` of every target: the draft restored against
/// `catalog` ([`crate::draft::restore`]) with its report as a view; given the catalogue the
/// draft was made with (`previous`, a host that keeps the catalogues it served), the report
/// also lists the field-level changes of the draft's procedures
/// ([`crate::draft::restore_with_previous`]).
pub fn restore_draft(
    catalog: &Catalog,
    text: &str,
    previous: Option<&Catalog>,
) -> Result<(Session, ReportView), DraftError> {
    let (session, report) = match previous {
        Some(previous) => crate::draft::restore_with_previous(catalog, text, previous.compiled())?,
        None => crate::draft::restore(catalog, text)?,
    };
    Ok((session, report.into()))
}

pub use crate::views::{
    ADDRESS_PARTS, AfterSubmitView, ConsentView, FactView, LifeEventInfo, MASK, OptionView, PageView, ProcedureInfo,
    QuestionView, after_submit, answer_text, deadline_text, facts, life_events, procedures,
};
pub use crate::words::{ui_text, ui_text_with};
pub use api::{ErrorKind, error_kind};

/// Every question of a session, once, as a renderer needs it in `lang`
/// ([`Session::question_views`]).
pub fn questions(session: &Session, lang: Lang) -> Vec<QuestionView> {
    session.question_views(lang)
}

/// One question of a session as a renderer needs it in `lang` ([`Session::question_view`]).
pub fn question(session: &Session, key: &str, lang: Lang) -> Option<QuestionView> {
    session.question_view(key, lang)
}

/// The pages to show now (relevant questions only), in `lang` ([`Session::page_views`]).
pub fn pages(session: &Session, today: Date, lang: Lang) -> Vec<PageView> {
    session.page_views(today, lang)
}

/// The consent to keep the resident's details, in `lang` ([`Session::profile_consent`]).
pub fn profile_consent(session: &Session, lang: Lang) -> ConsentView {
    session.profile_consent(lang)
}

/// A life event's screening questions as a renderer needs them, in `lang`
/// ([`crate::views::screening_questions`]).
pub fn screening_questions(catalog: &Catalog, event: &str, lang: Lang) -> Result<Vec<QuestionView>, HostError> {
    crate::views::screening_questions(catalog, event, lang)
        .ok_or_else(|| HostError::new("unknown-event", format!("the catalogue has no life event `{}`", shorten(event))))
}

/// Reads the moment a calendar is made (`DTSTAMP`): an RFC 3339 timestamp with its offset
/// (`2026-11-23T09:00:00Z`, `2026-11-23T18:00:00+09:00`).
pub fn parse_stamp(text: &str) -> Result<Stamp, HostError> {
    Stamp::parse(text).ok_or_else(|| {
        HostError::new(
            "bad-date",
            format!(
                "`{}` is not a timestamp: write it as RFC 3339 with an offset (2026-11-23T09:00:00Z)",
                shorten(text)
            ),
        )
    })
}

/// A visit the resident booked, as hosts give it: the procedures' ids (`unknown-procedure`
/// for one the catalogue lacks), its start in Japan's local time (`2026-12-01T10:30`;
/// `bad-date`), its length in minutes (1 to a day; `bad-value`) and where (the counter).
pub fn visit_booking(
    catalog: &Catalog,
    procedures: Vec<String>,
    start: &str,
    minutes: u32,
    place: String,
) -> Result<VisitBooking, HostError> {
    if let Some(id) = procedures.iter().find(|id| catalog.compiled().procedure(id).is_none()) {
        return Err(HostError::new("unknown-procedure", format!("the catalogue has no procedure `{}`", shorten(id))));
    }
    if !(1..=crate::calendar::MAX_VISIT_MINUTES).contains(&minutes) {
        return Err(HostError::new("bad-value", format!("a visit lasts 1 to 1440 minutes, not {minutes}")));
    }
    VisitBooking::new(procedures, start, minutes, place).ok_or_else(|| {
        HostError::new(
            "bad-date",
            format!("`{}` is not a local start time: write it as YYYY-MM-DDTHH:MM (Japan's time)", shorten(start)),
        )
    })
}

/// The options of `Catalog.checklistCalendar` handed in as JSON (the JS API's object):
/// `{stamp, seed, visits?: [{procedures, start, minutes, place?}]}`.
pub fn calendar_options(catalog: &Catalog, options: &Json) -> Result<(Stamp, String, Vec<VisitBooking>), HostError> {
    let bad = |what: &str| HostError::new("bad-value", format!("calendar options: {what}"));
    let Json::Object(o) = options else { return Err(bad("give an object {stamp, seed, visits}")) };
    let text = |key: &str| o.get(key).and_then(Json::as_str);
    let stamp = parse_stamp(text("stamp").ok_or_else(|| bad("`stamp` (an RFC 3339 timestamp) is missing"))?)?;
    let seed = text("seed").ok_or_else(|| bad("`seed` (a text: the same one updates the events) is missing"))?;
    let mut visits = Vec::new();
    match o.get("visits") {
        None | Some(Json::Null) => {}
        Some(Json::Array(list)) => {
            for v in list {
                let procedures = match v.get("procedures") {
                    Some(Json::Array(ids)) => ids.iter().map(|id| id.as_str().map(str::to_string)).collect(),
                    _ => None,
                }
                .ok_or_else(|| bad("a visit's `procedures` is a list of procedure ids"))?;
                let start = v.get("start").and_then(Json::as_str).ok_or_else(|| bad("a visit's `start` is missing"))?;
                let minutes = v
                    .get("minutes")
                    .and_then(Json::as_u64)
                    .and_then(|m| u32::try_from(m).ok())
                    .ok_or_else(|| bad("a visit's `minutes` is a whole number"))?;
                let place = v.get("place").and_then(Json::as_str).unwrap_or_default().to_string();
                visits.push(visit_booking(catalog, procedures, start, minutes, place)?);
            }
        }
        Some(_) => return Err(bad("`visits` is a list")),
    }
    Ok((stamp, seed.to_string(), visits))
}

/// `Catalog.checklistCalendar(…)` of every target: the checklist of `event` for the screening
/// answers ([`crate::navigate::Navigator::navigate`]) as the iCalendar text of its due dates
/// and the booked `visits` ([`crate::calendar`]), made at `stamp`, its events' ids from
/// `seed`.
#[allow(clippy::too_many_arguments)]
pub fn checklist_calendar(
    catalog: &Catalog,
    event: &str,
    answers: &Map<String, Json>,
    event_date: Option<Date>,
    today: Date,
    lang: Lang,
    stamp: Stamp,
    seed: &str,
    visits: &[VisitBooking],
) -> Result<String, HostError> {
    let checklist = catalog.navigator().navigate(event, answers, event_date, today, lang)?;
    Ok(crate::calendar::checklist_calendar(catalog.compiled(), &checklist, visits, lang, stamp, seed))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::messages::catalogue;

    #[test]
    fn every_interface_word_is_in_every_language() {
        let ja: Vec<String> = catalogue().ids(Lang::Ja).into_iter().filter(|id| id.starts_with("ui-")).collect();
        assert!(ja.len() > 40);
        for lang in [Lang::En, Lang::JaEasy] {
            let ids = catalogue().ids(lang);
            let missing: Vec<&String> = ja.iter().filter(|id| !ids.contains(id)).collect();
            assert!(missing.is_empty(), "{}: {missing:?}", lang.tag());
        }
        assert_eq!(ui_text(Lang::En, "ui-error-summary"), "There is a problem");
        assert_eq!(ui_text_with(Lang::Ja, "ui-item", &[("n", "2".into())]), "2件目");
    }

    #[test]
    fn host_text_is_read_with_located_errors() {
        assert_eq!(parse_date("2026-11-23").unwrap(), Date::new(2026, 11, 23).unwrap());
        assert_eq!(parse_date("2026/11/23").unwrap_err().code, "bad-date");
        assert_eq!(parse_lang("fr").unwrap_err().code, "bad-lang");
        assert_eq!(negotiate_lang("en-US"), (Lang::En, None));
        assert_eq!(negotiate_lang("JA-jp"), (Lang::Ja, None));
        assert_eq!(negotiate_lang("ja-easy"), (Lang::JaEasy, None));
        let (lang, warning) = negotiate_lang("fr-FR");
        assert_eq!(lang, Lang::Ja);
        assert!(warning.unwrap().contains("`fr-FR` is not offered"));
        assert_eq!(parse_value("not json").unwrap_err().code, "bad-value");
        assert_eq!(parse_answers("[1]").unwrap_err().code, "bad-value");
        assert_eq!(parse_type("postal_code").unwrap(), FieldType::PostalCode);
        assert_eq!(parse_type("postcode").unwrap_err().code, "unknown-type");
        let long = "x".repeat(500);
        assert!(parse_lang(&long).unwrap_err().message.len() < 200, "host text is quoted short");
    }
}
