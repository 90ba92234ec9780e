//! # tetsuzuki-bindings
//!
//! UniFFI bindings of the tetsuzuki core for Kotlin, Swift and Python (proc-macros only,
//! sync exports): the vocabulary of `docs/HOST-API.md`, each method a thin call into core
//! (`tetsuzuki::host` and the modules it names). No rule lives here.
//!
//! - Every host text (dates, languages, JSON values) is read with `tetsuzuki::host::parse_*`.
//! - Every export returns a typed [`TetsuzukiError`] (code + message from core's `HostError`);
//!   a panic inside the core is caught here and becomes `TetsuzukiError::Internal`.
//! - Objects are `Send + Sync`: a catalogue is shared (Arc inside), a session, a journey and
//!   a profile are behind a `Mutex`.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::{Arc, Mutex, MutexGuard};

use tetsuzuki::host::{self, ErrorKind, HostError, parse_answers, parse_date, parse_lang, parse_type, parse_value};
use tetsuzuki::{catalog, journey, profile, session};

mod records;

pub use records::*;

uniffi::setup_scaffolding!();

/// The one error type every export throws; every variant has a stable `code` (see
/// `docs/HOST-API.md`) and a `reason` for the developer (core's `HostError::message`; not
/// named `message`, which Kotlin's exceptions already have). The variant is the code's kind
/// in the one declaration of the API (`tetsuzuki::host::api::ERROR_CODES`), one variant per
/// `ErrorKind`; the codes listed here are checked against it (`core/tests/host_api.rs`).
#[derive(Debug, thiserror::Error, uniffi::Error)]
pub enum TetsuzukiError {
    /// `catalog-malformed`, `catalog-format`, `catalog-hash`: not a compiled catalogue,
    /// another format version, or changed text.
    #[error("{code}: {reason}")]
    InvalidCatalog { code: String, reason: String },
    /// `unknown-procedure`, `unknown-event`, `unknown-question`, `unknown-field`,
    /// `unknown-type`: an id the catalogue or session does not have.
    #[error("{code}: {reason}")]
    Unknown { code: String, reason: String },
    /// `bad-value`, `bad-date`, `bad-lang`, `bad-journey`, `bad-code`: a host value of the
    /// wrong kind (not JSON, not a date, not a language), or a saved journey, an action or a
    /// continuation code that cannot be read; `handoff-not-a-handoff`, `handoff-damaged`,
    /// `handoff-format`, `handoff-expired`, `handoff-other-town`, `handoff-changed`: a
    /// handoff the counter cannot open (the view tells the staff what to do); `step-answer`:
    /// a host's answer to a step that cannot be taken.
    #[error("{code}: {reason}")]
    BadInput { code: String, reason: String },
    /// `no-procedures`, `not-ready`, `session-ended`, `session-unconfirmed`: the session cannot
    /// do that now.
    #[error("{code}: {reason}")]
    SessionState { code: String, reason: String },
    /// `wrong-stage`, `hidden-question`, `has-errors`, `unacknowledged-warnings`,
    /// `screening-errors`, `nothing-online`, `feedback-empty`, `feedback-rating`,
    /// `not-submitted`, `step-unknown`: the journey cannot take that action now (nothing changed; the view
    /// says what to do).
    #[error("{code}: {reason}")]
    JourneyState { code: String, reason: String },
    /// `draft-malformed`, `draft-format`, `draft-no-procedures`: a draft that could not make a
    /// session.
    #[error("{code}: {reason}")]
    InvalidDraft { code: String, reason: String },
    /// `profile-malformed`, `profile-format`, `profile-no-consent`: a profile's text or consent.
    #[error("{code}: {reason}")]
    Profile { code: String, reason: String },
    /// `internal-panic`: a bug in tetsuzuki (a caught panic, or a code this build does not
    /// declare); please report it.
    #[error("{code}: {reason}")]
    Internal { code: String, reason: String },
}

impl From<HostError> for TetsuzukiError {
    /// The variant of the code's kind ([`tetsuzuki::host::error_kind`]). A code the
    /// declaration lacks is a bug: it fails the tests (a debug assertion) and is `Internal`
    /// in a release build.
    fn from(e: HostError) -> Self {
        let kind = e.kind();
        debug_assert!(
            kind.is_some(),
            "the error code `{}` is not declared: add it to ERROR_CODES in core/src/host/api.rs",
            e.code
        );
        let HostError { code, message: reason } = e;
        match kind.unwrap_or(ErrorKind::Internal) {
            ErrorKind::InvalidCatalog => TetsuzukiError::InvalidCatalog { code, reason },
            ErrorKind::Unknown => TetsuzukiError::Unknown { code, reason },
            ErrorKind::BadInput => TetsuzukiError::BadInput { code, reason },
            ErrorKind::SessionState => TetsuzukiError::SessionState { code, reason },
            ErrorKind::JourneyState => TetsuzukiError::JourneyState { code, reason },
            ErrorKind::InvalidDraft => TetsuzukiError::InvalidDraft { code, reason },
            ErrorKind::Profile => TetsuzukiError::Profile { code, reason },
            ErrorKind::Internal => TetsuzukiError::Internal { code, reason },
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
            | TetsuzukiError::JourneyState { code, .. }
            | TetsuzukiError::InvalidDraft { code, .. }
            | TetsuzukiError::Profile { code, .. }
            | TetsuzukiError::Internal { code, .. } => code,
        }
    }

    /// The kind its variant stands for (`tetsuzuki::host::ErrorKind`).
    pub fn kind(&self) -> ErrorKind {
        match self {
            TetsuzukiError::InvalidCatalog { .. } => ErrorKind::InvalidCatalog,
            TetsuzukiError::Unknown { .. } => ErrorKind::Unknown,
            TetsuzukiError::BadInput { .. } => ErrorKind::BadInput,
            TetsuzukiError::SessionState { .. } => ErrorKind::SessionState,
            TetsuzukiError::JourneyState { .. } => ErrorKind::JourneyState,
            TetsuzukiError::InvalidDraft { .. } => ErrorKind::InvalidDraft,
            TetsuzukiError::Profile { .. } => ErrorKind::Profile,
            TetsuzukiError::Internal { .. } => ErrorKind::Internal,
        }
    }
}

/// A journey's error keeps its code (`bad-journey` and `bad-code` are `BadInput`, the
/// journey's own states `JourneyState`, a session's codes as the session gives them).
impl From<journey::JourneyError> for TetsuzukiError {
    fn from(e: journey::JourneyError) -> Self {
        HostError::new(e.code(), e.to_string()).into()
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
        Err(HostError::new("internal-panic", message).into())
    })
}

/// Locks a mutex; a lock poisoned by a caught panic still gives the data (the core keeps
/// its own invariants; a half-done call changes nothing it cannot recover from).
fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// The SDK's version (`0.1.0`): the workspace's, compiled into the core
/// (`tetsuzuki::host::api::VERSION`); the same number on every target.
#[uniffi::export]
pub fn version() -> String {
    tetsuzuki::host::api::VERSION.to_string()
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

/// A visit the resident booked at the counter (`Catalog.checklist_calendar`).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct VisitBooking {
    /// The procedures done at the visit (ids of the catalogue).
    pub procedures: Vec<String>,
    /// Its start in Japan's local time: `2026-12-01T10:30`.
    pub start: String,
    /// How long it lasts: 1 to 1440 minutes.
    pub minutes: u32,
    /// Where: the counter (役場1階 住民課窓口); empty for none.
    pub place: String,
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

    /// The checklist's due dates and the booked `visits` as the text of an iCalendar file (RFC
    /// 5545): `stamp` is when it is made (RFC 3339, `2026-11-23T09:00:00Z`), `seed` makes the
    /// events' ids (the same seed updates them on a new import; hashed, never written).
    #[allow(clippy::too_many_arguments)]
    pub fn checklist_calendar(
        &self,
        event: &str,
        answers: &str,
        event_date: Option<String>,
        today: &str,
        lang: &str,
        stamp: &str,
        seed: &str,
        visits: Vec<VisitBooking>,
    ) -> Result<String> {
        guarded(|| {
            let answers = parse_answers(answers)?;
            let event_date = event_date.as_deref().map(parse_date).transpose()?;
            let (today, lang, stamp) = (parse_date(today)?, parse_lang(lang)?, host::parse_stamp(stamp)?);
            let visits = visits
                .into_iter()
                .map(|v| host::visit_booking(&self.inner, v.procedures, &v.start, v.minutes, v.place))
                .collect::<std::result::Result<Vec<_>, _>>()?;
            Ok(host::checklist_calendar(&self.inner, event, &answers, event_date, today, lang, stamp, seed, &visits)?)
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

/// What an answer changed, so a renderer redraws only that (`tetsuzuki::journey::Answered`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Record)]
pub struct Answered {
    /// Which questions are shown changed.
    pub shown_changed: bool,
    /// The issues shown changed.
    pub issues_changed: bool,
}

impl From<journey::Answered> for Answered {
    fn from(a: journey::Answered) -> Self {
        Answered { shown_changed: a.shown_changed, issues_changed: a.issues_changed }
    }
}

/// What one submission received (`tetsuzuki::journey::Receipt`).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Receipt {
    /// The procedure's id.
    pub procedure: String,
    /// The reference the resident quotes.
    pub reference: String,
    /// When it was submitted (the host's time).
    pub submitted_at: String,
}

impl From<&journey::Receipt> for Receipt {
    fn from(r: &journey::Receipt) -> Self {
        Receipt { procedure: r.procedure.clone(), reference: r.reference.clone(), submitted_at: r.submitted_at.clone() }
    }
}

/// The resident's journey (`tetsuzuki::journey::Journey`): choosing a life event, screening,
/// the form pages, warnings accepted explicitly, the check page, submit and what happens
/// next, as one state machine in core. A host draws `view()` (JSON text) and forwards the
/// resident's actions, by method or as data (`act`). Safe to call from several threads
/// (calls are serialised).
#[derive(uniffi::Object)]
pub struct Journey {
    inner: Mutex<journey::Journey>,
}

impl Journey {
    fn wrap(inner: journey::Journey) -> Arc<Journey> {
        Arc::new(Journey { inner: Mutex::new(inner) })
    }

    /// Runs one action on the journey, guarded.
    fn with<T>(
        &self,
        f: impl FnOnce(&mut journey::Journey) -> std::result::Result<T, journey::JourneyError>,
    ) -> Result<T> {
        guarded(|| f(&mut lock(&self.inner)).map_err(TetsuzukiError::from))
    }
}

fn journey_options(one_question_per_page: bool, counter: bool) -> journey::JourneyOptions {
    journey::JourneyOptions { one_question_per_page, counter, ..Default::default() }
}

#[uniffi::export]
impl Journey {
    /// Starts a journey on `today` in `lang`: at `event`'s screening questions, at the forms
    /// of `procedures` directly, or (neither given) at the list of life events; giving both
    /// is `bad-value`. `one_question_per_page` asks one question per page instead of the
    /// definitions' sections; `counter` is 書かない窓口 (staff fill in, the resident confirms
    /// before submit; no profile is used). `unknown-event`, `unknown-procedure`.
    #[uniffi::constructor(default(event = None, procedures = [], one_question_per_page = false, counter = false))]
    pub fn start(
        catalog: Arc<Catalog>,
        today: &str,
        lang: &str,
        event: Option<String>,
        procedures: Vec<String>,
        one_question_per_page: bool,
        counter: bool,
    ) -> Result<Arc<Journey>> {
        guarded(|| {
            let (today, lang) = (parse_date(today)?, parse_lang(lang)?);
            let start = match (event, procedures.is_empty()) {
                (Some(_), false) => {
                    return Err(HostError::new(
                        "bad-value",
                        "a journey starts at a life event or at procedures, not both: give one",
                    )
                    .into());
                }
                (Some(e), true) => journey::JourneyStart::Event(e),
                (None, false) => journey::JourneyStart::Procedures(procedures),
                (None, true) => journey::JourneyStart::Events,
            };
            let options = journey_options(one_question_per_page, counter);
            Ok(Journey::wrap(journey::Journey::new(&catalog.inner, start, options, today, lang)?))
        })
    }

    /// Restores a saved journey (`save()`) on `today` in `lang`: the same stage and page
    /// (`bad-journey` for a text that cannot be read, saying where and what, never a value).
    #[uniffi::constructor(default(one_question_per_page = false, counter = false))]
    pub fn restore(
        catalog: Arc<Catalog>,
        text: &str,
        today: &str,
        lang: &str,
        one_question_per_page: bool,
        counter: bool,
    ) -> Result<Arc<Journey>> {
        guarded(|| {
            let (today, lang) = (parse_date(today)?, parse_lang(lang)?);
            let options = journey_options(one_question_per_page, counter);
            Ok(Journey::wrap(journey::Journey::restore(&catalog.inner, text, options, today, lang)?))
        })
    }

    /// What to draw now: the view as JSON text (`stage` names the screen: `events`,
    /// `screening`, `page`, `check`, `done`; see `tetsuzuki::journey::JourneyView`).
    pub fn view(&self) -> Result<String> {
        guarded(|| Ok(records::json_text(&lock(&self.inner).view())))
    }

    /// The stage's name: `events`, `screening`, `page`, `check` or `done`.
    pub fn stage(&self) -> String {
        lock(&self.inner).stage().to_owned()
    }

    /// The language of the views (`ja`, `en`, `ja-easy`).
    pub fn lang(&self) -> String {
        lock(&self.inner).lang().tag().to_owned()
    }

    /// The chosen life event, if any.
    pub fn event(&self) -> Option<String> {
        lock(&self.inner).event().map(str::to_owned)
    }

    /// Takes an action given as data: a JSON object naming it in `action`, its arguments
    /// beside (`{"action": "answer", "key": "move.date", "value": "2026-11-20"}`), as the
    /// conformance vectors and hosts that forward actions send it (`bad-value` for text that
    /// is not JSON, `bad-journey` for an action that cannot be read).
    pub fn act(&self, action_json: &str) -> Result<()> {
        guarded(|| {
            let json = parse_value(action_json)?;
            let action = journey::Action::from_json(&json)?;
            Ok(lock(&self.inner).act(action)?)
        })
    }

    /// Chooses a life event: its screening questions and checklist (`unknown-event`).
    pub fn choose_event(&self, event: &str) -> Result<()> {
        self.with(|j| j.choose_event(event))
    }

    /// Sets the answer (JSON text) to a question of the current screen (`unknown-question`).
    pub fn answer(&self, key: &str, value: &str) -> Result<Answered> {
        guarded(|| {
            let value = parse_value(value)?;
            Ok(lock(&self.inner).answer(key, value)?.into())
        })
    }

    /// The resident finished answering a screening question: its issues are shown from now on.
    pub fn finish_answer(&self, key: &str) -> Answered {
        lock(&self.inner).finish_answer(key).into()
    }

    /// Starts the forms of every procedure of the checklist that can be done online now
    /// (`screening-errors`, `nothing-online`).
    pub fn start_online(&self) -> Result<()> {
        self.with(journey::Journey::start_online)
    }

    /// Continue: to the next page or the check page (`has-errors`, `unacknowledged-warnings`:
    /// the view shows them).
    pub fn next(&self) -> Result<()> {
        self.with(journey::Journey::next)
    }

    /// The resident read the warnings shown and continues anyway.
    pub fn acknowledge_warnings(&self) -> Result<()> {
        self.with(journey::Journey::acknowledge_warnings)
    }

    /// Back: the previous page, the screening questions, or the life events.
    pub fn back(&self) -> Result<()> {
        self.with(journey::Journey::back)
    }

    /// A change link of the check page: to the page that asks `key`, then back to the check
    /// page (`hidden-question`, `unknown-question`).
    pub fn change(&self, key: &str) -> Result<()> {
        self.with(|j| j.change(key))
    }

    /// An error summary link: to the page that asks `key`.
    pub fn go_to(&self, key: &str) -> Result<()> {
        self.with(|j| j.go_to(key))
    }

    /// At the counter: the resident confirms (or withdraws confirming) the answers.
    pub fn confirm(&self, confirmed: bool) -> Result<()> {
        self.with(|j| j.confirm(confirmed))
    }

    /// Submits every procedure of the forms at `at` (the host's RFC 3339 time); the journey
    /// moves to what happens next (`has-errors`, `session-unconfirmed`, `wrong-stage`).
    pub fn submit(&self, at: &str) -> Result<Vec<Submission>> {
        self.with(|j| j.submit(at)).map(records::submissions)
    }

    /// Sets the reference the town's own system gave a submitted procedure (`not-submitted`).
    pub fn set_reference(&self, procedure: &str, reference: &str) -> Result<()> {
        self.with(|j| j.set_reference(procedure, reference))
    }

    /// The resident's feedback after submitting: a rating from 1 to 5, a comment, or both;
    /// returns what to send to the town as JSON text (`feedback-empty`, `feedback-rating`).
    #[uniffi::method(default(rating = None, comment = ""))]
    pub fn feedback(&self, rating: Option<i32>, comment: &str) -> Result<String> {
        // A number outside a byte is outside 1–5 too: core refuses it as it refuses 9.
        let rating = rating.map(|r| u8::try_from(r).unwrap_or(u8::MAX));
        self.with(|j| j.feedback(rating, comment)).map(|sent| records::json_text(&sent))
    }

    /// The resident is done with what happens next: the journey starts over.
    pub fn dismiss(&self) -> Result<()> {
        self.with(journey::Journey::dismiss)
    }

    /// Switches the language of every view, message and fix (`bad-lang`).
    pub fn set_lang(&self, lang: &str) -> Result<()> {
        guarded(|| {
            let lang = parse_lang(lang)?;
            lock(&self.inner).set_lang(lang);
            Ok(())
        })
    }

    /// The resident chooses to keep (or not) what they typed on this device for next time.
    pub fn set_keep_profile(&self, keep: bool) {
        lock(&self.inner).set_keep_profile(keep);
    }

    /// Whether what the resident typed will be kept on this device.
    pub fn keeps_profile(&self) -> bool {
        lock(&self.inner).keeps_profile()
    }

    /// The resident chooses to keep (or not) their sensitive details too (My Number, bank
    /// account, health): only with this second consent, named in its own words.
    pub fn set_keep_sensitive(&self, keep: bool) {
        lock(&self.inner).set_keep_sensitive(keep);
    }

    /// Gives the journey (a copy of) the resident's on-device profile: the forms are prefilled
    /// from it when they consented, and on submit it is updated while they keep it. Read it
    /// back with `profile()`. At the counter no profile is used.
    pub fn set_profile(&self, profile: Arc<Profile>) {
        let copy = lock(&profile.inner).clone();
        lock(&self.inner).set_profile(copy);
    }

    /// The journey's profile as a submission updated it (a new object), if one was given.
    pub fn profile(&self) -> Option<Arc<Profile>> {
        lock(&self.inner).profile().cloned().map(Profile::wrap)
    }

    /// Forgets the profile (the resident withdrew consent).
    pub fn forget_profile(&self) {
        lock(&self.inner).forget_profile();
    }

    /// Continues from a continuation code: its forms replace the current ones (`bad-code`: the
    /// view says so and nothing changed).
    pub fn import_code(&self, code: &str) -> Result<()> {
        self.with(|j| j.import_code(code))
    }

    /// At the counter: opens a resident's handoff (scanned or pasted): the check page with
    /// its answers (`handoff-*`: the view tells the staff why and what to do; nothing changed).
    pub fn open_handoff(&self, code: &str) -> Result<()> {
        self.with(|j| j.open_handoff(code))
    }

    /// The resident starts (or retries, or confirms a chosen time for) the current host step:
    /// the request to answer (`wrong-stage` while one is awaited).
    pub fn begin_step(&self) -> Result<StepRequest> {
        self.with(|j| j.begin_step()).map(StepRequest::from)
    }

    /// The host fulfilled request `id` with its `reference`: the submissions when this sent
    /// them (after the last signature or payment), else none (`step-unknown` for a request
    /// given up on, `step-answer` for an empty reference).
    pub fn fulfil_step(&self, id: &str, reference: &str) -> Result<Vec<Submission>> {
        self.with(|j| j.fulfil_step(id, reference)).map(records::submissions)
    }

    /// The host could not fulfil request `id`: `reason` is `cancelled`, `declined`,
    /// `card-unreadable`, `unavailable`, `timeout` or `interrupted` (`step-answer` otherwise).
    pub fn fail_step(&self, id: &str, reason: &str) -> Result<()> {
        self.with(|j| j.fail_step(id, reason))
    }

    /// The booking system's times for a `book` request without a slot (`step-answer` for a
    /// time outside the days asked).
    pub fn offer_slots(&self, id: &str, slots: Vec<Slot>) -> Result<()> {
        self.with(|j| j.offer_slots(id, slots.into_iter().map(Into::into).collect()))
    }

    /// The resident chooses an offered time (then `begin_step` asks the host to confirm it).
    pub fn choose_slot(&self, slot: &str) -> Result<()> {
        self.with(|j| j.choose_slot(slot))
    }

    /// The resident skips the current step: a booking, or an issue that failed.
    pub fn skip_step(&self) -> Result<()> {
        self.with(|j| j.skip_step())
    }

    /// The resident leaves the steps before anything was sent: back to the check page.
    pub fn leave_steps(&self) -> Result<()> {
        self.with(|j| j.leave_steps())
    }

    /// The handoff made on submit for the procedures finished at the counter (it holds the
    /// answers: keep it on the resident's device only).
    pub fn handoff_text(&self) -> Option<String> {
        lock(&self.inner).handoff_text().map(str::to_string)
    }

    /// The continuation code of the forms (to continue on another device), once started.
    pub fn continuation_code(&self) -> Option<String> {
        lock(&self.inner).continuation_code()
    }

    /// The whole journey as text (what the host keeps on the resident's device; it holds
    /// personal data): `Journey.restore` lands on the same page.
    pub fn save(&self) -> String {
        lock(&self.inner).save()
    }

    /// The receipts of what was submitted (kept until dismissed).
    pub fn receipts(&self) -> Vec<Receipt> {
        lock(&self.inner).receipts().iter().map(Receipt::from).collect()
    }

    /// The step event for analytics as JSON text: codes and counts, never values.
    pub fn step_event(&self) -> String {
        records::json_text(&lock(&self.inner).step_event())
    }

    /// The due dates ahead as an iCalendar file (RFC 5545; no personal data), or none when
    /// there is no due date; `stamp` is the host's clock in RFC 3339 (`bad-date` otherwise).
    pub fn calendar(&self, stamp: &str) -> Result<Option<String>> {
        let stamp = host::parse_stamp(stamp)?;
        guarded(|| Ok(lock(&self.inner).calendar(stamp)))
    }
}

#[cfg(test)]
mod journey_tests;
#[cfg(test)]
mod tests;

#[cfg(test)]
mod error_kinds {
    use super::*;
    use tetsuzuki::host::api::ERROR_CODES;

    #[test]
    fn every_declared_code_becomes_the_variant_of_its_kind() {
        for (code, kind) in ERROR_CODES {
            let e = TetsuzukiError::from(HostError::new(code, "why"));
            assert_eq!((e.code(), e.kind()), (*code, *kind), "{e:?}");
        }
    }

    #[test]
    #[should_panic(expected = "is not declared")]
    fn an_undeclared_code_fails_the_tests() {
        let _ = TetsuzukiError::from(HostError::new("catalog-made-up", "why"));
    }

    #[test]
    fn a_code_that_only_looks_like_a_group_is_not_grouped_by_its_spelling() {
        // Inside `guarded`, the failed assertion is a caught panic: `Internal`, never a guess.
        let r: Result<()> = guarded(|| Err(HostError::new("unknown-thing", "why").into()));
        assert!(matches!(r, Err(TetsuzukiError::Internal { code, .. }) if code == "internal-panic"));
    }
}
