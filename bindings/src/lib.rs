//! # tetsuzuki-bindings
//!
//! UniFFI bindings of the tetsuzuki core for Kotlin, Swift and Python (proc-macros only,
//! sync exports): the vocabulary of `docs/HOST-API.md`, each method a thin call into core
//! (`tetsuzuki::host` and the modules it names). No rule lives here.
//!
//! - Every host text (dates, languages, JSON values) is read with `tetsuzuki::host::parse_*`.
//! - Every export returns a typed [`TetsuzukiError`] (code + message from core's `HostError`);
//!   a panic inside the core is caught here and becomes `TetsuzukiError::Internal`.
//! - Objects are `Send + Sync`: a catalogue is shared (Arc inside), a session and a profile
//!   are behind a `Mutex`.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::{Arc, Mutex, MutexGuard};

use tetsuzuki::host::{self, HostError, parse_answers, parse_date, parse_lang, parse_type, parse_value};
use tetsuzuki::{catalog, profile, session};

mod records;

pub use records::*;

uniffi::setup_scaffolding!();

/// The one error type every export throws; every variant has a stable `code` (see
/// `docs/HOST-API.md`) and a `reason` for the developer (core's `HostError::message`; not
/// named `message`, which Kotlin's exceptions already have). The variant groups the codes.
#[derive(Debug, thiserror::Error, uniffi::Error)]
pub enum TetsuzukiError {
    /// `catalog-*`: not a compiled catalogue, another format version, or changed text.
    #[error("{code}: {reason}")]
    InvalidCatalog { code: String, reason: String },
    /// `unknown-*`: an id the catalogue or session does not have.
    #[error("{code}: {reason}")]
    Unknown { code: String, reason: String },
    /// `bad-*`: a host value of the wrong kind (not JSON, not a date, not a language).
    #[error("{code}: {reason}")]
    BadInput { code: String, reason: String },
    /// `no-procedures`, `not-ready`, `session-ended`, `session-unconfirmed`: the session cannot
    /// do that now.
    #[error("{code}: {reason}")]
    SessionState { code: String, reason: String },
    /// `draft-*`: a draft that could not make a session.
    #[error("{code}: {reason}")]
    InvalidDraft { code: String, reason: String },
    /// `profile-*`: a profile's text or consent.
    #[error("{code}: {reason}")]
    Profile { code: String, reason: String },
    /// A bug in tetsuzuki (a caught panic, or a code this build does not group); please report it.
    #[error("{code}: {reason}")]
    Internal { code: String, reason: String },
}

impl From<HostError> for TetsuzukiError {
    fn from(e: HostError) -> Self {
        let HostError { code, message: reason } = e;
        let c = code.as_str();
        if c.starts_with("catalog-") {
            TetsuzukiError::InvalidCatalog { code, reason }
        } else if c.starts_with("unknown-") {
            TetsuzukiError::Unknown { code, reason }
        } else if c.starts_with("bad-") {
            TetsuzukiError::BadInput { code, reason }
        } else if c.starts_with("draft-") {
            TetsuzukiError::InvalidDraft { code, reason }
        } else if c.starts_with("profile-") {
            TetsuzukiError::Profile { code, reason }
        } else if matches!(c, "no-procedures" | "not-ready" | "session-ended" | "session-unconfirmed") {
            TetsuzukiError::SessionState { code, reason }
        } else {
            TetsuzukiError::Internal { code, reason }
        }
    }
}

impl TetsuzukiError {
    /// The stable code, whatever the variant.
    pub fn code(&self) -> &str {
        match self {
            TetsuzukiError::InvalidCatalog { code, .. }
            | TetsuzukiError::Unknown { code, .. }
            | TetsuzukiError::BadInput { code, .. }
            | TetsuzukiError::SessionState { code, .. }
            | TetsuzukiError::InvalidDraft { code, .. }
            | TetsuzukiError::Profile { code, .. }
            | TetsuzukiError::Internal { code, .. } => code,
        }
    }
}

type Result<T> = std::result::Result<T, TetsuzukiError>;

/// Any core error with a code becomes a `TetsuzukiError` through `HostError`.
fn err(e: impl Into<HostError>) -> TetsuzukiError {
    e.into().into()
}

/// Runs `f`, turning a panic into `TetsuzukiError::Internal` so none crosses the boundary.
fn guarded<T>(f: impl FnOnce() -> Result<T>) -> Result<T> {
    catch_unwind(AssertUnwindSafe(f)).unwrap_or_else(|panic| {
        let message = panic
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".to_owned());
        Err(TetsuzukiError::Internal { code: "internal-panic".to_owned(), reason: message })
    })
}

/// Locks a mutex; a lock poisoned by a caught panic still gives the data (the core keeps
/// its own invariants; a half-done call changes nothing it cannot recover from).
fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Summarises a compiled catalogue without keeping it (`Catalog.load(json).summary()`).
#[uniffi::export]
pub fn catalog_summary(json: &str) -> Result<CatalogSummary> {
    guarded(|| Ok(catalog::CompiledCatalog::from_json(json).map_err(err)?.summary().into()))
}

/// Tries one value (JSON text) of a field type (`postal_code`) on `today`, in `lang`.
#[uniffi::export]
pub fn check_value(field_type: &str, value: &str, today: &str, lang: &str) -> Result<ValueCheck> {
    guarded(|| {
        let ty = parse_type(field_type)?;
        let value = parse_value(value)?;
        Ok(tetsuzuki::validate::check_value(ty, &value, parse_date(today)?, parse_lang(lang)?).into())
    })
}

/// A compiled catalogue, checked and planned once; share it between threads and sessions.
#[derive(uniffi::Object)]
pub struct Catalog {
    inner: catalog::Catalog,
}

#[uniffi::export]
impl Catalog {
    /// Loads the JSON text `tetsuzuki compile` writes (`catalog-malformed`, `catalog-format`,
    /// `catalog-hash`).
    #[uniffi::constructor]
    pub fn load(json: &str) -> Result<Arc<Catalog>> {
        guarded(|| Ok(Arc::new(Catalog { inner: catalog::Catalog::from_json(json).map_err(err)? })))
    }

    /// What it holds, as counts.
    pub fn summary(&self) -> CatalogSummary {
        self.inner.summary().into()
    }

    /// Its life events in `lang`.
    pub fn life_events(&self, lang: &str) -> Result<Vec<LifeEventInfo>> {
        guarded(|| Ok(host::life_events(&self.inner, parse_lang(lang)?).into_iter().map(Into::into).collect()))
    }

    /// Its procedures in `lang`.
    pub fn procedures(&self, lang: &str) -> Result<Vec<ProcedureInfo>> {
        guarded(|| Ok(host::procedures(&self.inner, parse_lang(lang)?).into_iter().map(Into::into).collect()))
    }

    /// The navigator: `event`'s questions and checklist for the screening `answers` (a JSON
    /// object by question id), on the event's date (when known) and `today`.
    pub fn navigate(
        &self,
        event: &str,
        answers: &str,
        event_date: Option<String>,
        today: &str,
        lang: &str,
    ) -> Result<Checklist> {
        guarded(|| {
            let answers = parse_answers(answers)?;
            let event_date = event_date.as_deref().map(parse_date).transpose()?;
            let (today, lang) = (parse_date(today)?, parse_lang(lang)?);
            let checklist = self.inner.navigator().navigate(event, &answers, event_date, today, lang).map_err(err)?;
            Ok(checklist.into())
        })
    }

    /// A life event's screening questions as a renderer needs them (types, choices, hints),
    /// in `lang`; the navigator's `questions` say which to ask now.
    pub fn screening_questions(&self, event: &str, lang: &str) -> Result<Vec<Question>> {
        guarded(|| {
            let views = host::screening_questions(&self.inner, event, parse_lang(lang)?)?;
            Ok(views.into_iter().map(Into::into).collect())
        })
    }

    /// One procedure's form on its own: `answers` is a JSON object by field id.
    pub fn validate(&self, procedure: &str, answers: &str, today: &str, lang: &str) -> Result<Validation> {
        guarded(|| {
            let answers = parse_answers(answers)?;
            let (today, lang) = (parse_date(today)?, parse_lang(lang)?);
            Ok(self.inner.validator().validate(procedure, &answers, today, lang).map_err(err)?.into())
        })
    }

    /// Starts a one-stop session over these procedures (`unknown-procedure`, `no-procedures`).
    pub fn start_session(&self, procedures: Vec<String>) -> Result<Arc<Session>> {
        guarded(|| {
            let ids: Vec<&str> = procedures.iter().map(String::as_str).collect();
            let inner = session::Session::start(&self.inner, &ids).map_err(err)?;
            Ok(Arc::new(Session { inner: Mutex::new(inner) }))
        })
    }

    /// Restores a session from a draft's text, with a report of what changed. Given the
    /// catalogue the draft was made with (`previous`, a host that keeps the catalogues it
    /// served), the report's `fields` list the field-level changes of the draft's procedures
    /// (`tetsuzuki::host::restore_draft`); a catalogue other than the draft's is not compared.
    #[uniffi::method(default(previous = None))]
    pub fn restore_draft(&self, text: &str, previous: Option<Arc<Catalog>>) -> Result<Restored> {
        guarded(|| {
            let previous = previous.as_deref().map(|p| &p.inner);
            let (inner, report) = host::restore_draft(&self.inner, text, previous).map_err(err)?;
            Ok(Restored { session: Arc::new(Session { inner: Mutex::new(inner) }), report: report.into() })
        })
    }
}

/// A one-stop session: several procedures, each question asked once. Safe to call from
/// several threads (calls are serialised). `submit` ends it.
#[derive(uniffi::Object)]
pub struct Session {
    inner: Mutex<session::Session>,
}

#[uniffi::export]
impl Session {
    /// Its procedures, in order.
    pub fn procedures(&self) -> Vec<String> {
        lock(&self.inner).procedures().into_iter().map(str::to_owned).collect()
    }

    /// Every question once, in `lang`.
    pub fn questions(&self, lang: &str) -> Result<Vec<Question>> {
        guarded(|| {
            let lang = parse_lang(lang)?;
            Ok(host::questions(&lock(&self.inner), lang).into_iter().map(Into::into).collect())
        })
    }

    /// The pages to show now (relevant questions only).
    pub fn pages(&self, today: &str, lang: &str) -> Result<Vec<Page>> {
        guarded(|| {
            let (today, lang) = (parse_date(today)?, parse_lang(lang)?);
            Ok(host::pages(&lock(&self.inner), today, lang).into_iter().map(Into::into).collect())
        })
    }

    /// Sets an answer (JSON text) typed by the resident (`unknown-question`, `session-ended`).
    pub fn set_answer(&self, key: &str, value: &str) -> Result<()> {
        guarded(|| {
            let value = parse_value(value)?;
            lock(&self.inner).set_answer(key, value).map_err(err)
        })
    }

    /// The answer to a question as JSON text, or none.
    pub fn answer(&self, key: &str) -> Option<String> {
        lock(&self.inner).answer(key).map(records::json_text)
    }

    /// Fills unanswered questions from the navigator's screening answers (a JSON object by
    /// concept or key); returns the keys filled.
    pub fn reuse_screening(&self, event: &str, answers: &str) -> Result<Vec<String>> {
        guarded(|| {
            let answers = parse_answers(answers)?;
            Ok(lock(&self.inner).reuse_screening(event, &answers))
        })
    }

    /// Fills unanswered questions from the profile's facts valid `today`; returns the keys filled.
    pub fn prefill(&self, profile: Arc<Profile>, today: &str) -> Result<Vec<String>> {
        guarded(|| {
            let today = parse_date(today)?;
            let mut session = lock(&self.inner);
            let profile = lock(&profile.inner);
            Ok(session.prefill_from(&profile, today))
        })
    }

    /// Every issue of every relevant question.
    pub fn validate(&self, today: &str, lang: &str) -> Result<Vec<Issue>> {
        guarded(|| {
            let (today, lang) = (parse_date(today)?, parse_lang(lang)?);
            Ok(records::issues(lock(&self.inner).validate(today, lang)))
        })
    }

    /// The issues of one question (per keystroke).
    pub fn validate_question(&self, key: &str, today: &str, lang: &str) -> Result<Vec<Issue>> {
        guarded(|| {
            let (today, lang) = (parse_date(today)?, parse_lang(lang)?);
            Ok(records::issues(lock(&self.inner).validate_question(key, today, lang).map_err(err)?))
        })
    }

    /// Check-your-answers rows.
    pub fn summary(&self, today: &str, lang: &str) -> Result<Vec<SummaryRow>> {
        guarded(|| {
            let (today, lang) = (parse_date(today)?, parse_lang(lang)?);
            Ok(lock(&self.inner).summary(today, lang).into_iter().map(Into::into).collect())
        })
    }

    /// A preview of the submissions (`not-ready` while errors remain).
    pub fn submissions(&self, today: &str, at: &str) -> Result<Vec<Submission>> {
        guarded(|| {
            let today = parse_date(today)?;
            Ok(records::submissions(lock(&self.inner).submissions(today, at).map_err(err)?))
        })
    }

    /// Submits: the submissions, after which the session takes no more answers.
    pub fn submit(&self, today: &str, at: &str) -> Result<Vec<Submission>> {
        guarded(|| {
            let today = parse_date(today)?;
            Ok(records::submissions(lock(&self.inner).submit(today, at).map_err(err)?))
        })
    }

    /// Whether the session was submitted.
    pub fn is_ended(&self) -> bool {
        lock(&self.inner).is_ended()
    }

    /// 書かない窓口: staff fill the session on the resident's behalf; it is then submitted
    /// only after the resident confirms the answers (`session-unconfirmed` until then).
    pub fn set_assisted(&self, assisted: bool) {
        lock(&self.inner).set_assisted(assisted);
    }

    /// Whether staff fill the session on the resident's behalf.
    pub fn is_assisted(&self) -> bool {
        lock(&self.inner).is_assisted()
    }

    /// The resident confirms the answers as they are (or withdraws that); a changed answer
    /// clears it.
    pub fn confirm_by_resident(&self, confirmed: bool) {
        lock(&self.inner).confirm_by_resident(confirmed);
    }

    /// Whether the resident has confirmed the answers as they are now.
    pub fn is_confirmed_by_resident(&self) -> bool {
        lock(&self.inner).is_confirmed_by_resident()
    }

    /// The issue to show while an assisted session is unconfirmed (`counter.unconfirmed`).
    pub fn confirmation_issue(&self, lang: &str) -> Result<Option<Issue>> {
        guarded(|| {
            let lang = parse_lang(lang)?;
            Ok(lock(&self.inner).confirmation_issue(lang).map(Issue::from))
        })
    }

    /// Records this session's answers in the profile (needs its consent); returns the concepts.
    pub fn update_profile(&self, profile: Arc<Profile>, today: &str, at: &str) -> Result<Vec<String>> {
        guarded(|| {
            let today = parse_date(today)?;
            let session = lock(&self.inner);
            let mut profile = lock(&profile.inner);
            session.update_profile(&mut profile, today, at).map_err(err)
        })
    }

    /// The draft's text (what the host keeps on the device).
    pub fn save_draft(&self) -> String {
        lock(&self.inner).save_draft()
    }
}

/// The once-only store, kept by the host on the device. Safe to call from several threads.
#[derive(uniffi::Object)]
pub struct Profile {
    inner: Mutex<profile::Profile>,
}

impl Profile {
    fn wrap(inner: profile::Profile) -> Arc<Profile> {
        Arc::new(Profile { inner: Mutex::new(inner) })
    }
}

#[uniffi::export]
impl Profile {
    /// A profile with no facts and no consent.
    #[uniffi::constructor]
    pub fn empty() -> Arc<Profile> {
        Profile::wrap(profile::Profile::new())
    }

    /// Reads a profile's text (`profile-malformed`, `profile-format`).
    #[uniffi::constructor]
    pub fn load(json: &str) -> Result<Arc<Profile>> {
        guarded(|| Ok(Profile::wrap(profile::Profile::from_json(json).map_err(err)?)))
    }

    /// Its text.
    pub fn to_json(&self) -> String {
        lock(&self.inner).to_json()
    }

    /// Records the resident's consent at `at` (the host's RFC 3339 time).
    pub fn give_consent(&self, at: &str) {
        lock(&self.inner).give_consent(at);
    }

    /// Withdraws consent: every fact is forgotten.
    pub fn withdraw_consent(&self) {
        lock(&self.inner).withdraw_consent();
    }

    /// Whether the profile holds the resident's consent.
    pub fn has_consent(&self) -> bool {
        lock(&self.inner).consent().given
    }

    /// The facts valid `today`.
    pub fn facts(&self, today: &str) -> Result<Vec<Fact>> {
        guarded(|| {
            let today = parse_date(today)?;
            Ok(host::facts(&lock(&self.inner), today).into_iter().map(Into::into).collect())
        })
    }

    /// Forgets a concept's facts.
    pub fn forget(&self, concept: &str) {
        lock(&self.inner).forget(concept);
    }
}

/// `Profile.recover(json)`: keeps what it can of a damaged profile and says what it dropped
/// (a free function: UniFFI constructors return only the object).
#[uniffi::export]
pub fn recover_profile(json: &str) -> RecoveredProfile {
    let (inner, dropped) = profile::Profile::recover(json);
    RecoveredProfile { profile: Profile::wrap(inner), dropped }
}

#[cfg(test)]
mod tests;
