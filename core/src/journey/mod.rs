//! The resident's journey as a state machine with no I/O: choosing a life event, screening
//! (validated like any answer), the checklist, the form pages (sections or one question per
//! page), warnings acknowledged explicitly, the check page with change links that return to
//! it, the resident's confirmation at the counter, submit, and what happens next.
//!
//! Invariants:
//! - every target drives this one machine (the widget, the JS API, Kotlin, Swift, Python); a
//!   renderer only draws [`JourneyView`]s and forwards actions — no journey rule lives in an
//!   adapter;
//! - an action that cannot be taken in the current state returns a [`JourneyError`] with a
//!   stable code and leaves every answer as it was; nothing typed is ever dropped;
//! - the whole state serialises ([`Journey::save`]) so a reload lands on the same page, and
//!   the "what happens next" page survives until the resident dismisses it;
//! - the clock is the host's: `today` and the time of submission are handed in.

use std::collections::{BTreeSet, HashSet};

use serde::Serialize;
use serde_json::{Map, Value as Json};

use crate::catalog::Catalog;
use crate::date::Date;
use crate::draft::{Draft, RestoreReport};
use crate::model::{Lang, Severity};
use crate::navigate::{Checklist, ChecklistItem};
use crate::profile::Profile;
use crate::record::{self, Fields};
use crate::session::{AnswerSource, Session, SessionError, StepReceipt, Submission};
use crate::validate::Issue;
use crate::views::{self, LifeEventInfo, QuestionView};
use crate::words::{ui_text, ui_text_with};

pub mod check;
pub mod code;
pub mod handoff;
pub mod steps;

pub use check::{CheckPage, check_page};
pub use handoff::{Handoff, HandoffProblem};
use steps::StepState;
pub use steps::{
    HostStep, Slot, SlotView, StepFailure, StepProblemView, StepRequest, StepStatus, StepView, read_slots,
};

/// The format version written in every saved journey.
pub const JOURNEY_FORMAT: &str = "tetsuzuki-journey/1";

/// How a journey is walked: set once by the host.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct JourneyOptions {
    /// One question per page instead of the definition's sections.
    pub one_question_per_page: bool,
    /// At the counter (書かない窓口): staff fill in or open a resident's handoff, the
    /// resident confirms before submit.
    pub counter: bool,
    /// How many days a handoff made on the resident's device can be used (`0`: the
    /// default, [`handoff::DEFAULT_HANDOFF_DAYS`]).
    pub handoff_days: u16,
}

/// Where a journey begins.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JourneyStart {
    /// The list of life events.
    Events,
    /// One life event's screening questions.
    Event(String),
    /// The forms of these procedures, directly.
    Procedures(Vec<String>),
}

/// Why a journey action was not taken. Every variant has a stable code; the message says
/// what to do (for the developer, in English); no variant holds a resident's answer.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum JourneyError {
    /// The action does not exist in the journey's current stage.
    #[error("`{action}` cannot be done on the {stage} stage: {hint}")]
    WrongStage {
        /// The action tried.
        action: &'static str,
        /// The stage the journey is on.
        stage: &'static str,
        /// What to do instead.
        hint: &'static str,
    },
    /// No life event has this id.
    #[error("the catalogue has no life event `{0}`: use one of the events of the `events` view")]
    UnknownEvent(String),
    /// No question on this stage has this key.
    #[error("no question `{0}` is asked here: use a key of the view's questions")]
    UnknownQuestion(String),
    /// The question is hidden by the answers given: it cannot be changed now.
    #[error("the question `{0}` is hidden by the answers given; change the answer that shows it first")]
    HiddenQuestion(String),
    /// The page (or the check page) has errors: they are shown in the view.
    #[error("{0} error(s) must be corrected first; the view's `errors` lists them in page order")]
    HasErrors(usize),
    /// The page has warnings the resident has not yet chosen to accept.
    #[error("{0} warning(s) are shown; the resident may correct them or choose `acknowledge_warnings`")]
    Warnings(usize),
    /// Screening answers have errors: the checklist cannot be trusted yet.
    #[error("{0} screening answer(s) are wrong; the view shows them with their fixes")]
    ScreeningErrors(usize),
    /// The checklist has no procedure that can be done online now.
    #[error("no procedure of the checklist can be done online now; show the checklist instead")]
    NothingOnline,
    /// Staff filled the answers and the resident has not confirmed them.
    #[error(
        "the resident has not confirmed the answers entered on their behalf; let them read the check page and confirm"
    )]
    Unconfirmed,
    /// Feedback with neither a rating nor a comment.
    #[error("feedback needs a rating or a comment; the view shows the message to the resident")]
    EmptyFeedback,
    /// A rating outside 1–5.
    #[error("a rating is a whole number from 1 to 5")]
    BadRating,
    /// No submitted procedure has this id.
    #[error("no submitted procedure `{0}`: use an id of the `done` view's submissions")]
    NotSubmitted(String),
    /// A saved journey could not be read (where and what, never a value).
    #[error("the saved journey cannot be read: {0}")]
    BadRecord(String),
    /// A continuation code could not be read.
    #[error("the continuation code cannot be read: {0}")]
    BadCode(String),
    /// A handoff could not be opened at the counter; the view says why and what to do.
    #[error("the handoff cannot be opened ({}); the view tells the staff what to do", .0.code())]
    Handoff(HandoffProblem),
    /// A host's answer names no request the journey is waiting for: the resident gave up on
    /// it, it timed out, or it was made again since. Nothing changed.
    #[error("no step request `{0}` is being waited for (given up, timed out or made again); nothing changed")]
    StepUnknown(String),
    /// A host's answer to a step cannot be taken (what is wrong, never a value).
    #[error("the step's answer cannot be taken: {0}")]
    StepAnswer(String),
    /// The session refused (unknown procedure, …).
    #[error(transparent)]
    Session(#[from] SessionError),
}

impl JourneyError {
    /// Stable code for hosts and bindings.
    pub fn code(&self) -> &'static str {
        match self {
            JourneyError::WrongStage { .. } => "wrong-stage",
            JourneyError::UnknownEvent(_) => "unknown-event",
            JourneyError::UnknownQuestion(_) => "unknown-question",
            JourneyError::HiddenQuestion(_) => "hidden-question",
            JourneyError::HasErrors(_) => "has-errors",
            JourneyError::Warnings(_) => "unacknowledged-warnings",
            JourneyError::ScreeningErrors(_) => "screening-errors",
            JourneyError::NothingOnline => "nothing-online",
            JourneyError::Unconfirmed => "session-unconfirmed",
            JourneyError::EmptyFeedback => "feedback-empty",
            JourneyError::BadRating => "feedback-rating",
            JourneyError::NotSubmitted(_) => "not-submitted",
            JourneyError::BadRecord(_) => "bad-journey",
            JourneyError::BadCode(_) => "bad-code",
            JourneyError::Handoff(p) => match p {
                HandoffProblem::NotAHandoff => "handoff-not-a-handoff",
                HandoffProblem::Damaged => "handoff-damaged",
                HandoffProblem::Format => "handoff-format",
                HandoffProblem::Expired => "handoff-expired",
                HandoffProblem::OtherTown => "handoff-other-town",
                HandoffProblem::Changed => "handoff-changed",
            },
            JourneyError::StepUnknown(_) => "step-unknown",
            JourneyError::StepAnswer(_) => "step-answer",
            JourneyError::Session(e) => e.code(),
        }
    }
}

/// The journey's stage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stage {
    Events,
    Screening,
    Page(usize),
    Check,
    /// The steps the host fulfils (sign, pay, book, issue).
    HostSteps,
    Done,
}

impl Stage {
    fn name(self) -> &'static str {
        match self {
            Stage::Events => "events",
            Stage::Screening => "screening",
            Stage::Page(_) => "page",
            Stage::Check => "check",
            Stage::HostSteps => "steps",
            Stage::Done => "done",
        }
    }
}

/// One screen of the form: a page, or one question of it. The list of steps does not depend
/// on the answers (so progress never jumps); a step none of whose questions is shown is
/// skipped.
#[derive(Debug, Clone)]
struct Step {
    page: String,
    title: crate::model::Text,
    keys: Vec<String>,
}

/// What one submission received: its reference and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Receipt {
    /// The procedure's id.
    pub procedure: String,
    /// The reference the resident quotes (from the host, or generated: [`code::reference`]).
    pub reference: String,
    /// When it was submitted (given by the host).
    pub submitted_at: String,
}

/// What answering changed, so a renderer redraws only that.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Answered {
    /// Which questions are shown changed (on a page: only its questions are looked at).
    pub shown_changed: bool,
    /// The issues shown changed.
    pub issues_changed: bool,
}

/// The resident's journey. See the module's documentation.
pub struct Journey {
    catalog: Catalog,
    options: JourneyOptions,
    lang: Lang,
    today: Date,
    from_events: bool,
    stage: Stage,
    event: Option<String>,
    screening: Map<String, Json>,
    /// Screening questions the resident has finished answering (their issues are shown).
    screening_done: BTreeSet<String>,
    checklist: Option<Checklist>,
    session: Option<Session>,
    steps: Vec<Step>,
    /// The keys of the questions shown now (exact for the current page after each answer;
    /// recomputed for all before steps are counted: `relevant_stale`).
    relevant: HashSet<String>,
    relevant_stale: bool,
    /// The issues shown (in page order), and whether the page shows issues at all (after the
    /// first Continue, issues follow each answer).
    shown: Vec<Issue>,
    showing: bool,
    acknowledged: BTreeSet<(String, String)>,
    return_to_check: bool,
    restored: Option<RestoreReport>,
    /// A My Number was not kept on the device: say it is asked again (until the next page).
    withheld: bool,
    code_failed: bool,
    profile: Option<Profile>,
    keep_profile: bool,
    keep_sensitive: bool,
    receipts: Vec<Receipt>,
    /// On the resident's device: the handoff made for the procedures finished at the
    /// counter (kept until dismissed).
    prepared: Option<Prepared>,
    /// At the counter: the handoff opened (its day and short code), or why one was not.
    opened: Option<(String, String)>,
    handoff_problem: Option<HandoffProblem>,
    feedback_sent: bool,
    feedback_issue: Option<Issue>,
    /// From submit until every host step is finished: the steps, and whether the
    /// submissions were sent.
    fulfilment: Option<Fulfilment>,
    /// Requests made to the host (each request's id counts them, so that an answer to an
    /// earlier one is never taken for a later one).
    requests: u32,
    /// Restored on the check page from the steps before sending (a reload while signing or
    /// paying): the page says nothing was sent.
    interrupted: bool,
}

/// The back half of a submit: the host's steps and what they hold back.
#[derive(Debug, Clone)]
struct Fulfilment {
    /// The time of submission (the host's, given to submit).
    at: String,
    steps: Vec<StepState>,
    /// The submissions were sent (every `sign` and `pay` is done).
    released: bool,
}

impl Fulfilment {
    /// The step being done: the first not finished.
    fn current(&self) -> Option<usize> {
        self.steps.iter().position(|s| !s.status.is_finished())
    }

    fn holds_back(&self) -> bool {
        self.steps.iter().any(|s| s.before_sending() && !s.status.is_finished())
    }
}

/// A handoff made on submit: its text and the procedures it holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
struct Prepared {
    text: String,
    procedures: Vec<String>,
    expires: String,
}

fn wrong(action: &'static str, stage: Stage, hint: &'static str) -> JourneyError {
    JourneyError::WrongStage { action, stage: stage.name(), hint }
}

/// The head key of an issue's field path among `keys`: `members[0].name` → `members`.
pub fn issue_key<'k>(field: &str, keys: impl IntoIterator<Item = &'k String>) -> Option<&'k String> {
    keys.into_iter()
        .filter(|k| {
            field == k.as_str()
                || (field.starts_with(k.as_str()) && matches!(field.as_bytes().get(k.len()), Some(b'[' | b'.')))
        })
        .max_by_key(|k| k.len())
}

impl Journey {
    /// Starts a journey at `start`, on `today`, in `lang`.
    pub fn new(
        catalog: &Catalog,
        start: JourneyStart,
        options: JourneyOptions,
        today: Date,
        lang: Lang,
    ) -> Result<Journey, JourneyError> {
        let mut j = Journey {
            catalog: catalog.clone(),
            options,
            lang,
            today,
            from_events: !matches!(start, JourneyStart::Procedures(_)),
            stage: Stage::Events,
            event: None,
            screening: Map::new(),
            screening_done: BTreeSet::new(),
            checklist: None,
            session: None,
            steps: Vec::new(),
            relevant: HashSet::new(),
            relevant_stale: false,
            shown: Vec::new(),
            showing: false,
            acknowledged: BTreeSet::new(),
            return_to_check: false,
            restored: None,
            withheld: false,
            code_failed: false,
            profile: None,
            keep_profile: false,
            keep_sensitive: false,
            receipts: Vec::new(),
            prepared: None,
            opened: None,
            handoff_problem: None,
            feedback_sent: false,
            feedback_issue: None,
            fulfilment: None,
            requests: 0,
            interrupted: false,
        };
        match start {
            JourneyStart::Events => {}
            JourneyStart::Event(e) => j.choose_event(&e)?,
            JourneyStart::Procedures(ids) => {
                let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
                j.start_session(Session::start(catalog, &ids)?, None);
            }
        }
        Ok(j)
    }

    // ------------------------------------------------------------------ reading

    /// The catalogue the journey runs on.
    pub fn catalog(&self) -> &Catalog {
        &self.catalog
    }

    /// The language of the views.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// How the journey is walked (at the counter or not, one question a page).
    pub fn options(&self) -> JourneyOptions {
        self.options
    }

    /// The day the journey counts from.
    pub fn today(&self) -> Date {
        self.today
    }

    /// The stage's name: `events`, `screening`, `page`, `check` or `done`.
    pub fn stage(&self) -> &'static str {
        self.stage.name()
    }

    /// The chosen life event, if any.
    pub fn event(&self) -> Option<&str> {
        self.event.as_deref()
    }

    /// The session of the forms, once started.
    pub fn session(&self) -> Option<&Session> {
        self.session.as_ref()
    }

    /// Whether the resident has typed into forms not yet submitted (leaving now abandons them:
    /// what a host reports as an abandoned form).
    pub fn has_unsent_answers(&self) -> bool {
        self.session.as_ref().is_some_and(|s| !s.is_ended() && !s.answers().is_empty())
    }

    /// The receipts of what was submitted.
    pub fn receipts(&self) -> &[Receipt] {
        &self.receipts
    }

    /// The keys of the questions on the current screen (a page, or the screening questions),
    /// shown or not, in order.
    pub fn screen_keys(&self) -> Vec<String> {
        match self.stage {
            Stage::Page(i) => self.steps.get(i).map(|s| s.keys.clone()).unwrap_or_default(),
            Stage::Screening => self
                .event
                .as_ref()
                .and_then(|e| self.catalog.life_event(e))
                .map(|e| e.questions.iter().map(|q| q.id.clone()).collect())
                .unwrap_or_default(),
            _ => Vec::new(),
        }
    }

    /// Whether a question of the current screen is shown now.
    pub fn is_shown(&self, key: &str) -> bool {
        match self.stage {
            Stage::Screening => self.checklist.as_ref().is_some_and(|c| c.questions.iter().any(|q| q.id == key)),
            _ => self.relevant.contains(key),
        }
    }

    /// The issues shown now, in page order, in the journey's language.
    pub fn shown_issues(&self) -> Vec<ShownIssue> {
        match self.stage {
            Stage::Screening => self.shown_of(&self.screening_issues()),
            _ => self.shown_of(&self.shown),
        }
    }

    /// The current answer to a question of the current screen.
    pub fn answer_of(&self, key: &str) -> Option<&Json> {
        match self.stage {
            Stage::Screening => self.screening.get(key),
            _ => self.session.as_ref()?.answer(key),
        }
    }

    /// A question of the current screen as a renderer needs it, in the journey's language.
    pub fn question(&self, key: &str) -> Option<QuestionView> {
        match self.stage {
            Stage::Screening => {
                let e = self.event.as_deref()?;
                views::screening_questions(&self.catalog, e, self.lang)?.into_iter().find(|q| q.key == key)
            }
            _ => self.session.as_ref()?.question_view(key, self.lang),
        }
    }

    // ------------------------------------------------------------------ settings

    /// Switches the language: every view, message and fix shown is given again in `lang`.
    pub fn set_lang(&mut self, lang: Lang) {
        if self.lang == lang {
            return;
        }
        self.lang = lang;
        self.renavigate();
        // The issues shown are the same issues, said in the new language.
        let wanted: Vec<(String, String)> = self.shown.iter().map(|i| (i.field.clone(), i.code.clone())).collect();
        if !wanted.is_empty() {
            let fresh = self.current_issues();
            self.shown = wanted
                .iter()
                .filter_map(|(f, c)| fresh.iter().find(|i| &i.field == f && &i.code == c).cloned())
                .collect();
        }
        if let Some(i) = &self.feedback_issue {
            let code = i.code.clone();
            self.feedback_issue = Some(self.feedback_problem(&code));
        }
    }

    /// Gives the journey the resident's on-device profile (once-only store): the forms are
    /// prefilled from it when the resident consented to keep it, and it is updated on submit
    /// while that consent stands. At the counter no profile is used.
    pub fn set_profile(&mut self, mut profile: Profile) {
        if self.options.counter {
            return;
        }
        // Whatever an older profile holds that its consent no longer names is dropped first.
        profile.retain_allowed(self.catalog.compiled());
        self.keep_profile = profile.consent().given;
        self.keep_sensitive = profile.consent().sensitive;
        if let (Some(s), true) = (self.session.as_mut(), self.keep_profile) {
            s.prefill_from(&profile, self.today);
            self.relevant_stale = true;
        }
        self.profile = Some(profile);
    }

    /// The profile, as updated by a submission.
    pub fn profile(&self) -> Option<&Profile> {
        self.profile.as_ref()
    }

    /// The resident chooses to keep (or not) what they typed on this device for next time.
    pub fn set_keep_profile(&mut self, keep: bool) {
        self.keep_profile = keep;
    }

    /// The resident chooses to keep (or not) their sensitive details too (My Number, bank
    /// account, health): only with this second consent, named in its own words.
    pub fn set_keep_sensitive(&mut self, keep: bool) {
        self.keep_sensitive = keep;
    }

    /// Whether what the resident typed will be kept on this device.
    pub fn keeps_profile(&self) -> bool {
        self.keep_profile
    }

    /// Forgets the profile (the resident withdrew consent): nothing is kept any more.
    pub fn forget_profile(&mut self) {
        if let Some(p) = self.profile.as_mut() {
            p.withdraw_consent();
        }
        self.keep_profile = false;
        self.keep_sensitive = false;
    }

    // ------------------------------------------------------------------ navigator

    /// Chooses a life event: its screening questions and checklist.
    pub fn choose_event(&mut self, event: &str) -> Result<(), JourneyError> {
        if !matches!(self.stage, Stage::Events | Stage::Screening) {
            return Err(wrong("choose_event", self.stage, "dismiss or go back to the life events first"));
        }
        if self.catalog.life_event(event).is_none() {
            return Err(JourneyError::UnknownEvent(event.to_string()));
        }
        if self.event.as_deref() != Some(event) {
            self.screening.clear();
            self.screening_done.clear();
        }
        self.event = Some(event.to_string());
        self.stage = Stage::Screening;
        self.from_events = true;
        self.renavigate();
        Ok(())
    }

    fn renavigate(&mut self) {
        if let Some(e) = &self.event {
            self.checklist = self.catalog.navigator().navigate(e, &self.screening, None, self.today, self.lang).ok();
        }
    }

    /// The screening issues to show: those of questions the resident finished answering.
    fn screening_issues(&self) -> Vec<Issue> {
        let Some(c) = &self.checklist else { return Vec::new() };
        let keys: Vec<String> = self.screen_keys();
        let mut issues: Vec<Issue> = c
            .issues
            .iter()
            .filter(|i| issue_key(&i.field, &keys).is_some_and(|k| self.screening_done.contains(k)))
            .cloned()
            .collect();
        sort_in_page_order(&mut issues, &keys);
        issues
    }

    /// The screening answers that are right (an answer with an error is not reused).
    fn valid_screening(&self) -> Map<String, Json> {
        let wrong: HashSet<&str> = self
            .checklist
            .iter()
            .flat_map(|c| &c.issues)
            .filter(|i| i.severity == Severity::Error)
            .map(|i| i.field.split(['[', '.']).next().unwrap_or(&i.field))
            .collect();
        self.screening
            .iter()
            .filter(|(k, _)| !wrong.contains(k.as_str()))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect()
    }

    /// Starts the forms of every procedure of the checklist that can be done online now, with
    /// the screening answers reused.
    pub fn start_online(&mut self) -> Result<(), JourneyError> {
        if self.stage != Stage::Screening {
            return Err(wrong("start_online", self.stage, "choose a life event and answer its questions first"));
        }
        // Every answered question's issues are shown now.
        self.screening_done.extend(self.screening.keys().cloned());
        let errors = self.screening_issues().iter().filter(|i| i.severity == Severity::Error).count();
        if errors > 0 {
            return Err(JourneyError::ScreeningErrors(errors));
        }
        let ids: Vec<String> = self
            .checklist
            .as_ref()
            .map(|c| {
                c.procedures.iter().filter(|i| i.online_now || i.prepare_online).map(|i| i.procedure.clone()).collect()
            })
            .unwrap_or_default();
        if ids.is_empty() {
            return Err(JourneyError::NothingOnline);
        }
        let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
        let mut session = Session::start(&self.catalog, &ids)?;
        // Back on the screening and on again: what was typed in the forms stays.
        if let Some(old) = self.session.take().filter(|s| !s.is_ended()) {
            for (key, value) in old.answers() {
                let source = old.source(key).cloned().unwrap_or(AnswerSource::Typed);
                session.restore_answer(key, value.clone(), source);
            }
        }
        let event = self.event.clone();
        self.start_session(session, event);
        Ok(())
    }

    fn start_session(&mut self, mut session: Session, event: Option<String>) {
        if self.options.counter {
            session.set_assisted(true);
        }
        match &event {
            // Screening answers, what the event implies, and the town's own name.
            Some(e) => {
                let answers = self.valid_screening();
                session.reuse_screening(e, &answers);
            }
            None => {
                session.prefill_town();
            }
        }
        if let (Some(p), true) = (&self.profile, self.keep_profile) {
            session.prefill_from(p, self.today);
        }
        self.steps = steps_of(&session, self.options.one_question_per_page);
        self.session = Some(session);
        self.relevant_stale = true;
        self.refresh_relevant();
        self.acknowledged.clear();
        self.return_to_check = false;
        self.go(self.first_shown(0).map_or(Stage::Check, Stage::Page));
    }

    // ------------------------------------------------------------------ answers

    /// Sets the answer to a question of the current screen (a screening question or a
    /// question of the page). Typing never shows a new issue on its own: issues appear when
    /// the resident finishes ([`Journey::finish_answer`]) or continues, then follow each answer.
    pub fn answer(&mut self, key: &str, value: Json) -> Result<Answered, JourneyError> {
        match self.stage {
            Stage::Screening => {
                if !self.screen_keys().iter().any(|k| k == key) {
                    return Err(JourneyError::UnknownQuestion(key.to_string()));
                }
                let before_shown: Vec<String> =
                    self.checklist.iter().flat_map(|c| &c.questions).map(|q| q.id.clone()).collect();
                let before_issues = self.screening_issues();
                self.screening.insert(key.to_string(), value);
                self.renavigate();
                let after_shown: Vec<String> =
                    self.checklist.iter().flat_map(|c| &c.questions).map(|q| q.id.clone()).collect();
                Ok(Answered {
                    shown_changed: before_shown != after_shown,
                    issues_changed: before_issues != self.screening_issues(),
                })
            }
            Stage::Page(i) => {
                let keys = self.steps[i].keys.clone();
                if !keys.iter().any(|k| k == key) {
                    return Err(JourneyError::UnknownQuestion(key.to_string()));
                }
                let session = self.session.as_mut().ok_or(JourneyError::UnknownQuestion(key.to_string()))?;
                session.set_answer(key, value)?;
                let mut answered = Answered::default();
                if session.affects_visibility(key) {
                    let shown = session.relevant_among(&keys, self.today);
                    for k in &keys {
                        let now = shown.contains(k);
                        if now != self.relevant.contains(k) {
                            answered.shown_changed = true;
                            if now {
                                self.relevant.insert(k.clone());
                            } else {
                                self.relevant.remove(k);
                            }
                        }
                    }
                    self.relevant_stale = true;
                }
                if self.showing {
                    let before = self.shown.clone();
                    self.revalidate(key, &keys);
                    answered.issues_changed = self.shown != before;
                }
                Ok(answered)
            }
            _ => Err(wrong("answer", self.stage, "answers are given on the screening questions or a form page")),
        }
    }

    /// The resident finished answering a question (left it or chose a value): its issues are
    /// shown from now on. On a form page issues are shown from the first Continue.
    pub fn finish_answer(&mut self, key: &str) -> Answered {
        if self.stage == Stage::Screening && self.screen_keys().iter().any(|k| k == key) {
            let before = self.screening_issues();
            self.screening_done.insert(key.to_string());
            return Answered { shown_changed: false, issues_changed: before != self.screening_issues() };
        }
        Answered::default()
    }

    /// Replaces the shown issues of `key` with its current ones, in page order.
    fn revalidate(&mut self, key: &str, keys: &[String]) {
        let Some(s) = &self.session else { return };
        let Ok(fresh) = s.validate_question(key, self.today, self.lang) else { return };
        let only = [key.to_string()];
        self.shown.retain(|i| issue_key(&i.field, &only).is_none());
        self.shown.extend(fresh.into_iter().filter(|i| {
            // A warning the resident accepted stays accepted.
            i.severity == Severity::Error || !self.acknowledged.contains(&(i.field.clone(), i.code.clone()))
        }));
        sort_in_page_order(&mut self.shown, keys);
    }

    /// The issues of the current screen, in page order (errors and warnings).
    fn current_issues(&self) -> Vec<Issue> {
        match self.stage {
            Stage::Screening => self.screening_issues(),
            Stage::Page(i) => self.page_issues(i),
            Stage::Check => {
                let mut issues: Vec<Issue> = self
                    .session
                    .as_ref()
                    .map(|s| s.validate(self.today, self.lang))
                    .unwrap_or_default()
                    .into_iter()
                    .filter(|i| i.severity == Severity::Error)
                    .collect();
                issues.extend(self.session.as_ref().and_then(|s| s.confirmation_issue(self.lang)));
                issues
            }
            _ => Vec::new(),
        }
    }

    fn page_issues(&self, i: usize) -> Vec<Issue> {
        let Some(s) = &self.session else { return Vec::new() };
        let Some(step) = self.steps.get(i) else { return Vec::new() };
        let keys: Vec<String> = step.keys.iter().filter(|k| self.relevant.contains(*k)).cloned().collect();
        let mut issues: Vec<Issue> = Vec::new();
        for k in &keys {
            issues.extend(s.validate_question(k, self.today, self.lang).unwrap_or_default());
        }
        // Cross-field rules of the procedures land on a field of this page too.
        for issue in s.validate(self.today, self.lang) {
            if issue_key(&issue.field, &keys).is_some()
                && !issues.iter().any(|x| x.field == issue.field && x.code == issue.code)
            {
                issues.push(issue);
            }
        }
        sort_in_page_order(&mut issues, &keys);
        issues
    }

    // ------------------------------------------------------------------ moving

    fn refresh_relevant(&mut self) {
        if let (true, Some(s)) = (self.relevant_stale, &self.session) {
            self.relevant = s.relevant(self.today).into_iter().collect();
            self.relevant_stale = false;
        }
    }

    fn step_shown(&self, i: usize) -> bool {
        self.steps.get(i).is_some_and(|s| s.keys.iter().any(|k| self.relevant.contains(k)))
    }

    fn first_shown(&self, from: usize) -> Option<usize> {
        (from..self.steps.len()).find(|&i| self.step_shown(i))
    }

    fn last_shown_before(&self, before: usize) -> Option<usize> {
        (0..before.min(self.steps.len())).rev().find(|&i| self.step_shown(i))
    }

    fn go(&mut self, stage: Stage) {
        self.stage = stage;
        self.interrupted = false;
        self.showing = false;
        self.shown.clear();
        self.code_failed = false;
        self.withheld = false;
        self.handoff_problem = None;
    }

    /// Continue: to the next page (or the check page) when the page has no error and no
    /// warning the resident has not accepted. Otherwise the page shows them and this says
    /// why it stayed ([`JourneyError::HasErrors`], [`JourneyError::Warnings`]). Named as every
    /// target names it (the page's Continue); not an iterator.
    #[allow(clippy::should_implement_trait)]
    pub fn next(&mut self) -> Result<(), JourneyError> {
        let Stage::Page(i) = self.stage else {
            return Err(wrong("next", self.stage, "Continue exists on form pages only; on the check page, submit"));
        };
        self.refresh_relevant();
        let issues = self.page_issues(i);
        let errors = issues.iter().filter(|x| x.severity == Severity::Error).count();
        let open_warnings: Vec<&Issue> = issues
            .iter()
            .filter(|x| {
                x.severity == Severity::Warning && !self.acknowledged.contains(&(x.field.clone(), x.code.clone()))
            })
            .collect();
        let warnings = open_warnings.len();
        if errors > 0 || warnings > 0 {
            self.shown = issues
                .iter()
                .filter(|x| {
                    x.severity == Severity::Error || !self.acknowledged.contains(&(x.field.clone(), x.code.clone()))
                })
                .cloned()
                .collect();
            self.showing = true;
            return Err(if errors > 0 { JourneyError::HasErrors(errors) } else { JourneyError::Warnings(warnings) });
        }
        self.advance(i);
        Ok(())
    }

    /// The resident read the warnings shown and chooses to continue anyway: they are
    /// accepted (not shown again unless the answer changes) and the journey continues.
    pub fn acknowledge_warnings(&mut self) -> Result<(), JourneyError> {
        let Stage::Page(_) = self.stage else {
            return Err(wrong("acknowledge_warnings", self.stage, "warnings are accepted on the page that shows them"));
        };
        let warnings: Vec<(String, String)> = self
            .shown
            .iter()
            .filter(|i| i.severity == Severity::Warning)
            .map(|i| (i.field.clone(), i.code.clone()))
            .collect();
        if warnings.is_empty() {
            return Err(wrong("acknowledge_warnings", self.stage, "no warning is shown: use next"));
        }
        self.acknowledged.extend(warnings);
        self.next()
    }

    fn advance(&mut self, i: usize) {
        if self.return_to_check {
            // New questions a change made relevant are asked first.
            let pending = (0..self.steps.len())
                .find(|&n| self.step_shown(n) && self.page_issues(n).iter().any(|x| x.severity == Severity::Error));
            match pending {
                Some(n) if n != i => self.go(Stage::Page(n)),
                _ => {
                    self.return_to_check = false;
                    self.go(Stage::Check);
                }
            }
            return;
        }
        self.go(self.first_shown(i + 1).map_or(Stage::Check, Stage::Page));
    }

    /// Back: the previous page, the screening questions, or the life events.
    pub fn back(&mut self) -> Result<(), JourneyError> {
        self.refresh_relevant();
        match self.stage {
            Stage::Page(i) => match self.last_shown_before(i) {
                Some(p) => self.go(Stage::Page(p)),
                None if self.from_events && self.event.is_some() => self.go(Stage::Screening),
                None => return Err(wrong("back", self.stage, "this is the first page")),
            },
            Stage::Check => {
                self.return_to_check = false;
                match self.last_shown_before(self.steps.len()) {
                    Some(p) => self.go(Stage::Page(p)),
                    None => return Err(wrong("back", self.stage, "the form has no page to go back to")),
                }
            }
            Stage::Screening if self.from_events => {
                self.event = None;
                self.checklist = None;
                self.go(Stage::Events);
            }
            Stage::HostSteps => return self.leave_steps(),
            _ => return Err(wrong("back", self.stage, "there is nothing before this screen")),
        }
        Ok(())
    }

    /// A change link of the check page: to the page that asks `key`, returning to the check
    /// page after it (questions the change makes relevant are asked first).
    pub fn change(&mut self, key: &str) -> Result<(), JourneyError> {
        if self.stage != Stage::Check {
            return Err(wrong("change", self.stage, "change links are on the check page; use go_to on a page"));
        }
        self.go_to_question(key, true)
    }

    /// An error summary link to a question on another page: goes to its page.
    pub fn go_to(&mut self, key: &str) -> Result<(), JourneyError> {
        match self.stage {
            Stage::Page(_) => self.go_to_question(key, self.return_to_check),
            Stage::Check => self.go_to_question(key, true),
            _ => Err(wrong("go_to", self.stage, "questions are reached from a form page or the check page")),
        }
    }

    fn go_to_question(&mut self, key: &str, return_to_check: bool) -> Result<(), JourneyError> {
        self.refresh_relevant();
        let key = issue_key(key, self.steps.iter().flat_map(|s| &s.keys)).cloned().unwrap_or(key.to_string());
        let Some(i) = self.steps.iter().position(|s| s.keys.contains(&key)) else {
            return Err(JourneyError::UnknownQuestion(key));
        };
        if !self.relevant.contains(&key) {
            return Err(JourneyError::HiddenQuestion(key));
        }
        self.return_to_check = return_to_check;
        self.go(Stage::Page(i));
        Ok(())
    }

    /// The resident confirms (or withdraws confirming) the answers staff entered for them.
    pub fn confirm(&mut self, confirmed: bool) -> Result<(), JourneyError> {
        match (self.stage, self.session.as_mut()) {
            (Stage::Check, Some(s)) => {
                s.confirm_by_resident(confirmed);
                self.shown.retain(|i| i.code != "counter.unconfirmed");
                Ok(())
            }
            _ => Err(wrong("confirm", self.stage, "the resident confirms on the check page")),
        }
    }

    /// Submits every procedure of the session at `at` (the host's clock, ISO 8601). Each gets
    /// a reference ([`code::reference`]; a host with its own calls
    /// [`Journey::set_reference`]); the profile is updated when the resident chose to keep
    /// it; the journey moves to what happens next.
    ///
    /// On a resident's device, procedures finished at the counter (a definition's `visit`)
    /// are not submitted: once checked like the others, their answers become a handoff
    /// ([`Journey::handoff_text`]) the resident shows at the counter, and only the other
    /// procedures are returned.
    ///
    /// When the definitions declare steps the host fulfils ([`HostStep`]), the journey goes
    /// to them instead ([`Screen::Steps`]): what must be signed or paid first is held back
    /// and returned by the [`Journey::fulfil_step`] that finishes the last of those (here,
    /// nothing is returned); booking the visit and issuing the result follow.
    pub fn submit(&mut self, at: &str) -> Result<Vec<Submission>, JourneyError> {
        if self.stage != Stage::Check {
            return Err(wrong("submit", self.stage, "submit from the check page"));
        }
        let lang = self.lang;
        let today = self.today;
        let Some(session) = self.session.as_ref() else {
            return Err(wrong("submit", self.stage, "start the forms first"));
        };
        if let Some(issue) = session.confirmation_issue(lang) {
            self.shown = vec![issue];
            self.showing = true;
            return Err(JourneyError::Unconfirmed);
        }
        let submissions = match session.submissions(today, at) {
            Ok(s) => s,
            Err(SessionError::NotReady(n)) => {
                self.shown = self.current_issues().into_iter().filter(|i| i.severity == Severity::Error).collect();
                self.showing = true;
                return Err(JourneyError::HasErrors(n));
            }
            Err(e) => return Err(e.into()),
        };
        let at_counter: Vec<String> = self.at_counter(session).iter().map(|p| p.id.clone()).collect();
        let steps = self.plan_steps(&submissions, &at_counter);
        self.fulfilment = Some(Fulfilment { at: at.to_string(), steps, released: false });
        if self.fulfilment.as_ref().is_some_and(Fulfilment::holds_back) {
            self.go(Stage::HostSteps);
            return Ok(Vec::new());
        }
        self.release()
    }

    /// The host's steps for these submissions: one signature over every submission that
    /// needs it, one payment of every fee, an issue per procedure that declares one, one
    /// booking of the visit for the procedures finished at the counter.
    fn plan_steps(&self, submissions: &[Submission], at_counter: &[String]) -> Vec<StepState> {
        let declares = |id: &str, step: HostStep| self.catalog.procedure(id).is_some_and(|p| p.steps.contains(&step));
        let sent: Vec<&Submission> = submissions.iter().filter(|s| !at_counter.contains(&s.procedure)).collect();
        let mut steps = Vec::new();
        let counter = self.options.counter;
        let signed: Vec<&Submission> =
            sent.iter().copied().filter(|s| !counter && declares(&s.procedure, HostStep::Sign)).collect();
        if !signed.is_empty() {
            let mut step = StepState::new(HostStep::Sign, signed.iter().map(|s| s.procedure.clone()).collect());
            step.digest = Some(steps::digest(&signed));
            steps.push(step);
        }
        let fees: Vec<(String, u32)> = sent
            .iter()
            .filter(|s| declares(&s.procedure, HostStep::Pay))
            .filter_map(|s| {
                let fee = self.catalog.procedure(&s.procedure)?.fee.as_ref()?;
                let count = match &fee.count {
                    None => 1,
                    Some(field) => match s.answers.get(field) {
                        Some(Json::Number(n)) => n.as_u64().unwrap_or(1),
                        Some(Json::String(t)) => t.trim().parse().unwrap_or(1),
                        _ => 1,
                    },
                };
                let amount = u32::try_from(u64::from(fee.amount).saturating_mul(count)).unwrap_or(u32::MAX);
                (amount > 0).then(|| (s.procedure.clone(), amount))
            })
            .collect();
        if !fees.is_empty() {
            let mut step = StepState::new(HostStep::Pay, fees.iter().map(|(p, _)| p.clone()).collect());
            step.amount = Some(fees.iter().fold(0u32, |sum, (_, a)| sum.saturating_add(*a)));
            steps.push(step);
        }
        for s in sent.iter().filter(|s| declares(&s.procedure, HostStep::Issue)) {
            steps.push(StepState::new(HostStep::Issue, vec![s.procedure.clone()]));
        }
        let booked: Vec<String> = at_counter.iter().filter(|p| declares(p, HostStep::Book)).cloned().collect();
        if !booked.is_empty() {
            let mut step = StepState::new(HostStep::Book, booked);
            // From the next day to the handoff's last day, or the first due date before it.
            let days = i64::from(self.handoff_days());
            let mut until = self.today.add_days(days - 1).unwrap_or(self.today);
            if let Some(c) = &self.checklist {
                for item in c.procedures.iter().filter(|i| step.procedures.contains(&i.procedure)) {
                    if let Some(due) = item.due.as_ref().filter(|d| !item.overdue && d.date > self.today) {
                        until = until.min(due.date);
                    }
                }
            }
            let from = self.today.add_days(1).unwrap_or(self.today).min(until);
            step.window = Some((from, until));
            steps.push(step);
        }
        steps
    }

    fn handoff_days(&self) -> u16 {
        match self.options.handoff_days {
            0 => handoff::DEFAULT_HANDOFF_DAYS,
            n => n,
        }
    }

    /// Sends what was submitted: ends the session, makes the handoff for the procedures
    /// finished at the counter, updates the profile, gives the references, and moves to the
    /// steps still to do (booking, issuing) or to what happens next.
    fn release(&mut self) -> Result<Vec<Submission>, JourneyError> {
        let today = self.today;
        let Some(f) = self.fulfilment.as_ref() else {
            return Err(wrong("submit", self.stage, "submit from the check page"));
        };
        let at = f.at.clone();
        let receipts_of = |kind: HostStep| -> Option<(Vec<String>, StepReceipt)> {
            let s = f.steps.iter().find(|s| s.kind == kind && s.status == StepStatus::Done)?;
            Some((
                s.procedures.clone(),
                StepReceipt {
                    kind: steps::kind_name(kind).to_string(),
                    reference: s.reference.clone().unwrap_or_default(),
                },
            ))
        };
        let fulfilled: Vec<(Vec<String>, StepReceipt)> =
            [HostStep::Sign, HostStep::Pay].into_iter().filter_map(receipts_of).collect();
        let Some(session) = self.session.as_ref() else {
            return Err(wrong("submit", self.stage, "start the forms first"));
        };
        // What is finished at the counter: kept for the handoff before the session ends.
        let at_counter: Vec<String> = self.at_counter(session).iter().map(|p| p.id.clone()).collect();
        let handoff_draft = (!at_counter.is_empty()).then(|| self.handoff_draft(&at_counter)).flatten();
        let days = self.handoff_days();
        let Some(session) = self.session.as_mut() else {
            return Err(wrong("submit", self.stage, "start the forms first"));
        };
        let mut submissions = session.submit(today, &at)?;
        submissions.retain(|s| !at_counter.contains(&s.procedure));
        for s in &mut submissions {
            for (procedures, receipt) in &fulfilled {
                if procedures.contains(&s.procedure) {
                    s.steps.push(receipt.clone());
                }
            }
        }
        self.prepared = handoff_draft.map(|draft| {
            let handoff = Handoff::new(&self.catalog, draft, today, days);
            Prepared { text: handoff.to_text(&self.catalog), procedures: at_counter.clone(), expires: handoff.expires }
        });
        if let (Some(p), true) = (self.profile.as_mut(), self.keep_profile) {
            if self.keep_sensitive {
                p.give_sensitive_consent(&at);
            } else {
                if p.consent().sensitive {
                    p.withdraw_sensitive_consent(self.catalog.compiled());
                }
                if !p.consent().given {
                    p.give_consent(&at);
                }
            }
            let _ = session.update_profile(p, today, &at);
        }
        self.receipts = submissions
            .iter()
            .map(|s| Receipt {
                procedure: s.procedure.clone(),
                reference: code::reference(s),
                submitted_at: s.submitted_at.clone(),
            })
            .collect();
        if let Some(f) = self.fulfilment.as_mut() {
            f.released = true;
            for step in f.steps.iter_mut().filter(|s| s.kind == HostStep::Issue) {
                step.references = self
                    .receipts
                    .iter()
                    .filter(|r| step.procedures.contains(&r.procedure))
                    .map(|r| r.reference.clone())
                    .collect();
            }
        }
        self.after_step();
        Ok(submissions)
    }

    /// To the next step, or to what happens next when every step is finished.
    fn after_step(&mut self) {
        match self.fulfilment.as_ref().and_then(Fulfilment::current) {
            Some(_) => self.go(Stage::HostSteps),
            None => self.go(Stage::Done),
        }
    }

    // ------------------------------------------------------------------ host steps

    /// The step being done, when the journey is on its steps: its index and state.
    fn current_step(&mut self, action: &'static str) -> Result<(usize, &mut StepState), JourneyError> {
        let stage = self.stage;
        let f = self.fulfilment.as_mut().filter(|_| stage == Stage::HostSteps);
        let Some(f) = f else {
            return Err(wrong(action, stage, "steps the host fulfils follow submit"));
        };
        let Some(i) = f.current() else {
            return Err(wrong(action, stage, "every step is finished"));
        };
        Ok((i, &mut f.steps[i]))
    }

    /// The resident starts the current step (or tries it again): the journey asks the host
    /// with the returned [`StepRequest`] (also in the view while it waits) and waits for its
    /// answer, for at most the request's `timeout_seconds`.
    pub fn begin_step(&mut self) -> Result<StepRequest, JourneyError> {
        let stage = self.stage;
        let n = self.requests + 1;
        let (_, step) = self.current_step("begin_step")?;
        match step.status {
            StepStatus::Waiting => {
                return Err(wrong(
                    "begin_step",
                    stage,
                    "the host's answer is awaited; it fails with `timeout` in time",
                ));
            }
            StepStatus::Choosing if step.chosen.is_none() => {
                return Err(wrong("begin_step", stage, "the resident chooses a time first (`choose_slot`)"));
            }
            _ => {}
        }
        step.attempt += 1;
        step.request = Some(format!("{}-{n}", steps::kind_name(step.kind)));
        step.status = StepStatus::Waiting;
        step.failure = None;
        let request = step.request();
        self.requests = n;
        Ok(request)
    }

    /// The waiting step named by `id`, for a host's answer.
    fn answered_step(&mut self, id: &str) -> Result<&mut StepState, JourneyError> {
        let unknown = || JourneyError::StepUnknown(shorten(id));
        let f = self.fulfilment.as_mut().filter(|_| self.stage == Stage::HostSteps).ok_or_else(unknown)?;
        let i = f.current().ok_or_else(unknown)?;
        let step = &mut f.steps[i];
        if step.status != StepStatus::Waiting || step.request.as_deref() != Some(id) {
            return Err(unknown());
        }
        Ok(step)
    }

    /// The host fulfilled the request `id`, with its `reference` (the signature's, the
    /// payment's, the booking's, what was issued; at most 64 characters). Returns the
    /// submissions when this was the last step holding them back, with the signature's and
    /// the payment's references in them (else nothing).
    pub fn fulfil_step(&mut self, id: &str, reference: &str) -> Result<Vec<Submission>, JourneyError> {
        let reference = reference.trim();
        if reference.is_empty() || reference.chars().count() > steps::MAX_REFERENCE_CHARS {
            return Err(JourneyError::StepAnswer(format!(
                "a reference must have 1 to {} characters",
                steps::MAX_REFERENCE_CHARS
            )));
        }
        let step = self.answered_step(id)?;
        step.status = StepStatus::Done;
        step.reference = Some(reference.to_string());
        let release = self.fulfilment.as_ref().is_some_and(|f| !f.released && !f.holds_back());
        if release {
            return self.release();
        }
        self.after_step();
        Ok(Vec::new())
    }

    /// The host could not fulfil the request `id`: `reason` is a [`StepFailure`] code. The
    /// view tells the resident what happened and what to do: try again, or leave (before
    /// sending), or skip (a booking; an issue).
    pub fn fail_step(&mut self, id: &str, reason: &str) -> Result<(), JourneyError> {
        let failure = StepFailure::from_code(reason).ok_or_else(|| {
            JourneyError::StepAnswer(format!(
                "`{}` is not a reason: use one of {}",
                shorten(reason),
                StepFailure::ALL.map(StepFailure::code).join(", ")
            ))
        })?;
        let step = self.answered_step(id)?;
        step.status = StepStatus::Failed;
        step.failure = Some(failure);
        // A time that could not be booked is asked for again with the others.
        if step.kind == HostStep::Book {
            step.chosen = None;
            step.slots.clear();
        }
        Ok(())
    }

    /// The host's booking system offers these times for the request `id` (a `book` request
    /// without a slot). The resident chooses one ([`Journey::choose_slot`]) and confirms it
    /// (another request, with the slot). None at all is allowed: the view says so.
    pub fn offer_slots(&mut self, id: &str, slots: Vec<Slot>) -> Result<(), JourneyError> {
        if slots.len() > steps::MAX_SLOTS {
            return Err(JourneyError::StepAnswer(format!("at most {} times can be offered", steps::MAX_SLOTS)));
        }
        let step = self.answered_step(id)?;
        if step.kind != HostStep::Book || step.chosen.is_some() {
            return Err(JourneyError::StepAnswer("times are offered only to a `book` request without a slot".into()));
        }
        if let Some(problem) = slots.iter().find_map(|s| steps::slot_problem(s, step.window)) {
            return Err(JourneyError::StepAnswer(problem));
        }
        step.slots = slots;
        step.status = StepStatus::Choosing;
        Ok(())
    }

    /// The resident chooses an offered time; [`Journey::begin_step`] then asks the host to
    /// confirm it.
    pub fn choose_slot(&mut self, slot: &str) -> Result<(), JourneyError> {
        let stage = self.stage;
        let (_, step) = self.current_step("choose_slot")?;
        if step.status != StepStatus::Choosing || !step.slots.iter().any(|s| s.id == slot) {
            return Err(wrong("choose_slot", stage, "choose one of the view's `slots`"));
        }
        step.chosen = Some(slot.to_string());
        Ok(())
    }

    /// The resident skips the current step: a booking (they come without one), or an issue
    /// that failed (the town issues it by itself). Signing and paying are never skipped:
    /// [`Journey::leave_steps`].
    pub fn skip_step(&mut self) -> Result<(), JourneyError> {
        let stage = self.stage;
        let (_, step) = self.current_step("skip_step")?;
        match (step.kind, step.status) {
            (HostStep::Book, _) | (HostStep::Issue, StepStatus::Failed) => {
                step.status = StepStatus::Skipped;
            }
            _ => {
                return Err(wrong(
                    "skip_step",
                    stage,
                    "a booking, or an issue that failed, is skipped; before sending, leave the steps",
                ));
            }
        }
        self.after_step();
        Ok(())
    }

    /// The resident leaves the steps before anything was sent: back to the check page, with
    /// every answer kept; a signature or payment asked for is forgotten (a late answer is
    /// refused).
    pub fn leave_steps(&mut self) -> Result<(), JourneyError> {
        match &self.fulfilment {
            Some(f) if self.stage == Stage::HostSteps && !f.released => {
                self.fulfilment = None;
                self.go(Stage::Check);
                Ok(())
            }
            _ => Err(wrong("leave_steps", self.stage, "once sent, a step is skipped or done, not left")),
        }
    }

    /// Sets the reference the town's own system gave a submitted procedure.
    pub fn set_reference(&mut self, procedure: &str, reference: &str) -> Result<(), JourneyError> {
        let r = self
            .receipts
            .iter_mut()
            .find(|r| r.procedure == procedure)
            .ok_or_else(|| JourneyError::NotSubmitted(procedure.to_string()))?;
        r.reference = reference.chars().take(64).collect();
        Ok(())
    }

    /// The resident's feedback on the "what happens next" page: a rating from 1 to 5, a
    /// comment, or both. Returns what to send to the town (no field left `null`); an empty
    /// one is refused and the view says what to do.
    pub fn feedback(&mut self, rating: Option<u8>, comment: &str) -> Result<Json, JourneyError> {
        if self.stage != Stage::Done {
            return Err(wrong("feedback", self.stage, "feedback is given after submitting"));
        }
        let comment = comment.trim();
        if rating.is_some_and(|r| !(1..=5).contains(&r)) {
            self.feedback_issue = Some(self.feedback_problem("feedback.rating"));
            return Err(JourneyError::BadRating);
        }
        if rating.is_none() && comment.is_empty() {
            self.feedback_issue = Some(self.feedback_problem("feedback.empty"));
            return Err(JourneyError::EmptyFeedback);
        }
        self.feedback_issue = None;
        self.feedback_sent = true;
        let mut out = Map::new();
        if let Some(r) = rating {
            out.insert("rating".into(), Json::from(r));
        }
        if !comment.is_empty() {
            out.insert("comment".into(), Json::from(comment.chars().take(2000).collect::<String>()));
        }
        if let Some(e) = &self.event {
            out.insert("event".into(), Json::from(e.clone()));
        }
        let prepared = self.prepared.iter().flat_map(|p| p.procedures.iter().cloned());
        let procedures = self.receipts.iter().map(|r| r.procedure.clone()).chain(prepared);
        out.insert("procedures".into(), procedures.map(Json::from).collect());
        Ok(Json::Object(out))
    }

    fn feedback_problem(&self, code: &str) -> Issue {
        let (message, fix) = match code {
            "feedback.rating" => ("jr-feedback-rating-range", "jr-feedback-empty-fix"),
            _ => ("jr-feedback-empty", "jr-feedback-empty-fix"),
        };
        Issue {
            field: "feedback".into(),
            code: code.into(),
            severity: Severity::Error,
            message: ui_text(self.lang, message),
            fix: ui_text(self.lang, fix),
            machine_fix: None,
            params: Default::default(),
        }
    }

    /// The resident is done with the "what happens next" page: the journey starts over.
    pub fn dismiss(&mut self) -> Result<(), JourneyError> {
        if self.stage != Stage::Done {
            return Err(wrong("dismiss", self.stage, "only the page after submitting is dismissed"));
        }
        // The procedures of the form, whether submitted or prepared for the counter.
        let again: Option<Vec<String>> = (!self.from_events).then(|| {
            let prepared = self.prepared.iter().flat_map(|p| p.procedures.iter().cloned());
            self.receipts.iter().map(|r| r.procedure.clone()).chain(prepared).collect()
        });
        self.session = None;
        self.steps.clear();
        self.receipts.clear();
        self.prepared = None;
        self.fulfilment = None;
        self.opened = None;
        self.feedback_sent = false;
        self.feedback_issue = None;
        self.event = None;
        self.checklist = None;
        self.screening.clear();
        self.screening_done.clear();
        self.restored = None;
        self.go(Stage::Events);
        // A form on its own starts again, empty; a navigator returns to the life events.
        if let Some(ids) = again.filter(|ids| !ids.is_empty()) {
            let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
            let session = Session::start(&self.catalog, &ids)?;
            self.start_session(session, None);
        }
        Ok(())
    }

    // ------------------------------------------------------------------ continuation

    /// The continuation code of the forms (to continue on another device), when started.
    pub fn continuation_code(&self) -> Option<String> {
        let s = self.session.as_ref().filter(|s| !s.is_ended())?;
        Some(code::encode(&s.save_draft()))
    }

    /// Continues from a continuation code: the forms it holds replace the current ones. A
    /// code that cannot be read changes nothing, and the view says so.
    pub fn import_code(&mut self, text: &str) -> Result<(), JourneyError> {
        if matches!(self.stage, Stage::Done) {
            return Err(wrong("import_code", self.stage, "dismiss the page after submitting first"));
        }
        let restored = code::decode(text.trim())
            .ok_or_else(|| JourneyError::BadCode("it is not a code this SDK wrote; paste it whole".into()))
            .and_then(|t| crate::draft::restore(&self.catalog, &t).map_err(|e| JourneyError::BadCode(e.to_string())));
        match restored {
            Ok((session, report)) => {
                self.restored = Some(report);
                self.start_session(session, None);
                Ok(())
            }
            Err(e) => {
                self.code_failed = true;
                Err(e)
            }
        }
    }

    // ------------------------------------------------------------------ saving

    /// The whole journey as JSON text (format [`JOURNEY_FORMAT`]): its stage and page, the
    /// screening answers, the forms' draft, accepted warnings, and after submit the receipts
    /// (kept until dismissed). It holds personal data: the host keeps it on the resident's
    /// device only.
    pub fn save(&self) -> String {
        let at = match self.stage {
            Stage::Page(i) => self.steps.get(i).and_then(|s| s.keys.first()).cloned(),
            _ => None,
        };
        let (draft, withheld) = match self.draft_to_keep() {
            Some((draft, withheld)) => (Some(draft), withheld),
            None => (None, Vec::new()),
        };
        // Before sending, the steps start again from the check page (nothing was sent, a
        // request being waited for is lost with the page); after, they are kept.
        let released = self.fulfilment.as_ref().filter(|f| f.released);
        let stage = match (self.stage, released) {
            (Stage::HostSteps, None) => Stage::Check.name(),
            (stage, _) => stage.name(),
        };
        let record = SavedJourney {
            format: JOURNEY_FORMAT,
            catalog_hash: &self.catalog.content_hash,
            stage,
            at,
            return_to_check: self.return_to_check,
            from_events: self.from_events,
            event: self.event.as_deref(),
            screening: &self.screening,
            screening_done: &self.screening_done,
            draft,
            acknowledged: self.acknowledged.iter().map(|(f, c)| [f.as_str(), c.as_str()]).collect(),
            receipts: &self.receipts,
            handoff: self.prepared.as_ref(),
            feedback_sent: self.feedback_sent,
            withheld,
            host_steps: released.map(|f| f.steps.iter().map(StepState::to_json).collect()).unwrap_or_default(),
            interrupted: self.stage == Stage::HostSteps && released.is_none(),
        };
        serde_json::to_string(&record).unwrap_or_default()
    }

    /// The forms' draft as the device may keep it: without any My Number (specific personal
    /// information stays on the device only where the resident consents to it, in the
    /// profile's second consent), which the resident types again after a reload. Also the
    /// answers withheld (`key`, or `key[].part` inside a group's items).
    /// The draft of the procedures finished at the counter, as a handoff carries it: only
    /// the answers they ask, never a My Number (staff read it from the card).
    fn handoff_draft(&self, procedures: &[String]) -> Option<Draft> {
        let session = self.session.as_ref()?;
        let (mut draft, _withheld) = self.draft_to_keep()?;
        // Only what the counter will submit: the questions of these procedures that the
        // answers show (an answer to a hidden question is never submitted), and not empty.
        let shown: HashSet<String> = session.relevant(self.today).into_iter().collect();
        let asked: HashSet<&str> = session
            .questions()
            .iter()
            .filter(|q| q.asked_by.iter().any(|p| procedures.contains(p)) && shown.contains(&q.key))
            .map(|q| q.key.as_str())
            .collect();
        draft.answers.retain(|k, v| asked.contains(k.as_str()) && !is_empty_answer(v));
        draft.procedures.retain(|p| procedures.contains(&p.id));
        draft.assisted = false;
        // Kept small for the QR code: the counter checks the procedures' versions, not the
        // catalogue's hash, and reads every answer with the resident whatever its source.
        draft.sources.clear();
        draft.catalog_hash.clear();
        Some(draft)
    }

    /// The handoff made on submit for the procedures finished at the counter: its text, to
    /// show as a QR code ([`crate::views::qr::qr_code`]) or to copy. It holds the answers:
    /// the host keeps it on the resident's device only.
    pub fn handoff_text(&self) -> Option<&str> {
        self.prepared.as_ref().map(|p| p.text.as_str())
    }

    /// At the counter: opens a resident's handoff (scanned or pasted). Its answers fill the
    /// forms of its procedures and the journey goes to the check page, where staff see every
    /// answer with its issues and the resident confirms before staff submit. A handoff that
    /// cannot be opened changes nothing, and the view tells the staff why and what to do.
    pub fn open_handoff(&mut self, text: &str) -> Result<(), JourneyError> {
        if !self.options.counter {
            return Err(wrong("open_handoff", self.stage, "handoffs are opened by a journey at the counter"));
        }
        if matches!(self.stage, Stage::Done) {
            return Err(wrong("open_handoff", self.stage, "dismiss the page after submitting first"));
        }
        let opened = Handoff::read(text, &self.catalog, self.today).and_then(|h| {
            let made = h.made.clone();
            crate::draft::restore_draft(&self.catalog, h.draft, false)
                .map(|(session, _)| (session, made))
                .map_err(|_| HandoffProblem::Changed)
        });
        match opened {
            Ok((session, made)) => {
                self.handoff_problem = None;
                self.opened = Some((made, Handoff::short_code(text)));
                self.event = None;
                self.checklist = None;
                self.start_session(session, None);
                // Staff and resident read the prepared answers together first.
                self.go(Stage::Check);
                Ok(())
            }
            Err(problem) => {
                self.handoff_problem = Some(problem);
                Err(JourneyError::Handoff(problem))
            }
        }
    }

    fn draft_to_keep(&self) -> Option<(Draft, Vec<String>)> {
        let session = self.session.as_ref().filter(|s| !s.is_ended())?;
        let mut draft = session.draft();
        let mut withheld = Vec::new();
        for (key, value) in draft.answers.iter_mut() {
            let question = session.question_view(key, Lang::Ja);
            let sensitive = question.as_ref().map_or(crate::profile::is_my_number_concept(key), |q| q.sensitive);
            if sensitive {
                withheld.push(key.clone());
                continue;
            }
            // Inside a group's items: its My Number parts, and any part it does not ask that
            // is named as one (an item carried from another form keeps what it had).
            let parts = question.as_ref().map(|q| q.parts.as_slice()).unwrap_or_default();
            let is_sensitive_part = |name: &str| match parts.iter().find(|p| p.key == name) {
                Some(p) => p.sensitive,
                None => crate::profile::is_my_number_concept(name),
            };
            if let Json::Array(items) = value {
                for item in items.iter_mut().filter_map(Json::as_object_mut) {
                    let drop: Vec<String> = item.keys().filter(|k| is_sensitive_part(k)).cloned().collect();
                    for part in drop {
                        item.remove(&part);
                        let path = format!("{key}[].{part}");
                        if !withheld.contains(&path) {
                            withheld.push(path);
                        }
                    }
                }
            }
        }
        draft.answers.retain(|k, _| !withheld.contains(k));
        draft.sources.retain(|k, _| !withheld.contains(k));
        Some((draft, withheld))
    }

    /// Restores a saved journey ([`Journey::save`]) on `today` in `lang`: the same stage and
    /// page. Its draft is restored as drafts are (against newer definitions with a report the
    /// view shows). A record that cannot be read is refused with where and what, never a
    /// value.
    pub fn restore(
        catalog: &Catalog,
        text: &str,
        options: JourneyOptions,
        today: Date,
        lang: Lang,
    ) -> Result<Journey, JourneyError> {
        let json: Json = serde_json::from_str(text)
            .map_err(|e| JourneyError::BadRecord(format!("not JSON at line {} column {}", e.line(), e.column())))?;
        let bad = JourneyError::BadRecord;
        let names = [
            "format",
            "catalog_hash",
            "stage",
            "at",
            "return_to_check",
            "from_events",
            "event",
            "screening",
            "screening_done",
            "draft",
            "acknowledged",
            "receipts",
            "handoff",
            "feedback_sent",
            "withheld",
            "host_steps",
            "interrupted",
        ];
        let mut f = Fields::of(json, "", "a saved journey", &names).map_err(bad)?;
        let format = f.string("format").map_err(bad)?;
        if format != JOURNEY_FORMAT {
            return Err(JourneyError::BadRecord(format!(
                "format `{}`; this SDK reads `{JOURNEY_FORMAT}`",
                shorten(&format)
            )));
        }
        let _hash = f.string("catalog_hash").map_err(bad)?;
        let stage = f.string("stage").map_err(bad)?;
        let at = f.opt_string("at").map_err(bad)?;
        let return_to_check = f.bool_or("return_to_check", false).map_err(bad)?;
        let from_events = f.bool_or("from_events", true).map_err(bad)?;
        let event = f.opt_string("event").map_err(bad)?;
        let screening = match f.take("screening") {
            None | Some(Json::Null) => Map::new(),
            Some(Json::Object(m)) => m,
            Some(other) => {
                return Err(bad(format!("screening: an object was expected, found {}", record::kind_of(&other))));
            }
        };
        // Lists may be absent (an older or hand-made record): absent is empty.
        let list = |f: &mut Fields, key: &str| -> Result<Vec<Json>, JourneyError> {
            match f.take(key) {
                None | Some(Json::Null) => Ok(Vec::new()),
                Some(Json::Array(items)) => Ok(items),
                Some(other) => Err(bad(format!("{key}: a list was expected, found {}", record::kind_of(&other)))),
            }
        };
        let screening_done: BTreeSet<String> =
            list(&mut f, "screening_done")?.into_iter().filter_map(|v| v.as_str().map(str::to_string)).collect();
        let draft = match f.take("draft") {
            None | Some(Json::Null) => None,
            Some(d) => Some(Draft::from_json_value(d).map_err(|e| bad(format!("draft.{e}")))?),
        };
        let mut acknowledged = BTreeSet::new();
        for (n, pair) in list(&mut f, "acknowledged")?.into_iter().enumerate() {
            match pair.as_array().map(|a| a.iter().map(Json::as_str).collect::<Vec<_>>()).as_deref() {
                Some([Some(field), Some(code)]) => {
                    acknowledged.insert((field.to_string(), code.to_string()));
                }
                _ => return Err(bad(format!("acknowledged[{n}]: a pair of strings was expected"))),
            }
        }
        let mut receipts = Vec::new();
        let at_receipts = f.path("receipts");
        for (n, r) in list(&mut f, "receipts")?.into_iter().enumerate() {
            let mut r = Fields::of(
                r,
                &record::index_path(&at_receipts, n),
                "a receipt",
                &["procedure", "reference", "submitted_at"],
            )
            .map_err(bad)?;
            receipts.push(Receipt {
                procedure: r.string("procedure").map_err(bad)?,
                reference: r.string("reference").map_err(bad)?,
                submitted_at: r.string("submitted_at").map_err(bad)?,
            });
        }
        let prepared = match f.take("handoff") {
            None | Some(Json::Null) => None,
            Some(h) => {
                let mut h = Fields::of(h, "handoff", "a handoff", &["text", "procedures", "expires"]).map_err(bad)?;
                let text = h.string("text").map_err(bad)?;
                let expires = h.string("expires").map_err(bad)?;
                let procedures = h
                    .list("procedures")
                    .map_err(bad)?
                    .into_iter()
                    .filter_map(|p| p.as_str().map(str::to_string))
                    .collect();
                Some(Prepared { text, procedures, expires })
            }
        };
        let feedback_sent = f.bool_or("feedback_sent", false).map_err(bad)?;
        let withheld = !list(&mut f, "withheld")?.is_empty();
        let host_steps: Vec<StepState> = list(&mut f, "host_steps")?.iter().filter_map(StepState::from_json).collect();
        let interrupted = f.bool_or("interrupted", false).map_err(bad)?;

        // An empty journey, then the record's parts put back one by one.
        let mut j = Journey::new(catalog, JourneyStart::Events, options, today, lang)?;
        j.from_events = from_events;
        if let Some(e) = event.as_deref()
            && catalog.life_event(e).is_some()
        {
            j.event = Some(e.to_string());
            j.screening = screening;
            j.screening_done = screening_done;
            j.stage = Stage::Screening;
            j.renavigate();
        }
        j.receipts = receipts;
        j.prepared = prepared;
        j.feedback_sent = feedback_sent;
        if matches!(stage.as_str(), "done" | "steps") && (!j.receipts.is_empty() || j.prepared.is_some()) {
            if !host_steps.is_empty() {
                // Request ids keep counting from the last one made.
                j.requests = host_steps
                    .iter()
                    .filter_map(|s| s.request.as_deref()?.rsplit('-').next()?.parse::<u32>().ok())
                    .max()
                    .unwrap_or(0);
                j.fulfilment = Some(Fulfilment { at: String::new(), steps: host_steps, released: true });
            }
            j.after_step();
            return Ok(j);
        }
        if let Some(draft) = draft {
            let (session, report) =
                crate::draft::restore_draft(catalog, draft, false).map_err(|e| bad(format!("draft: {e}")))?;
            j.restored = Some(report);
            j.start_session(session, None);
            j.acknowledged = acknowledged;
            match stage.as_str() {
                "check" => j.go(Stage::Check),
                "page" => {
                    if let Some(i) = at.and_then(|k| j.steps.iter().position(|s| s.keys.contains(&k)))
                        && j.step_shown(i)
                    {
                        j.go(Stage::Page(i));
                    }
                }
                "screening" if j.event.is_some() => j.go(Stage::Screening),
                "events" => j.go(Stage::Events),
                _ => {}
            }
            j.return_to_check = return_to_check && matches!(j.stage, Stage::Page(_));
            j.withheld = withheld;
            j.interrupted = interrupted && j.stage == Stage::Check;
        } else if stage == "events" {
            j.go(Stage::Events);
        }
        Ok(j)
    }

    // ------------------------------------------------------------------ views

    /// The progress through the form: this page's number among every page the form can have
    /// (the total never changes with the answers).
    fn progress(&self, i: usize) -> Progress {
        let total = self.steps.len();
        let key = if self.options.one_question_per_page { "ui-question-of" } else { "ui-page-of" };
        let text = ui_text_with(self.lang, key, &[("n", (i + 1).to_string()), ("total", total.to_string())]);
        Progress { index: i + 1, total, text }
    }

    fn shown_of(&self, issues: &[Issue]) -> Vec<ShownIssue> {
        issues
            .iter()
            .map(|i| {
                let key = self.key_of_field(&i.field);
                let target = self.target_of(&key, i);
                ShownIssue { key, target, issue: i.clone() }
            })
            .collect()
    }

    /// The question an issue's field path belongs to (`members[0].name` → `members`; a
    /// concept key keeps its dots): the longest prefix that is a question here.
    fn key_of_field(&self, field: &str) -> String {
        let is_question = |k: &str| match self.stage {
            Stage::Screening => self
                .event
                .as_ref()
                .and_then(|e| self.catalog.life_event(e))
                .is_some_and(|e| e.questions.iter().any(|q| q.id == k)),
            _ => self.session.as_ref().is_some_and(|s| s.question(k).is_some()),
        };
        let mut end = field.len();
        loop {
            if is_question(&field[..end]) {
                return field[..end].to_string();
            }
            match field[..end].rfind(['[', '.']) {
                Some(i) => end = i,
                None => return field.to_string(),
            }
        }
    }

    /// The control an issue points at: an address's part (the first part to fill when the
    /// whole address is missing, never the optional postal code), a group item's field.
    fn target_of(&self, key: &str, issue: &Issue) -> String {
        if let Some(part) = issue.params.get("part") {
            return format!("{key}/{part}");
        }
        let is_address = match self.stage {
            Stage::Screening => self
                .event
                .as_ref()
                .and_then(|e| self.catalog.life_event(e))
                .and_then(|e| e.questions.iter().find(|q| q.id == key))
                .is_some_and(|q| q.resolved_type() == crate::model::FieldType::Address),
            _ => self
                .session
                .as_ref()
                .and_then(|s| s.question(key))
                .is_some_and(|q| q.field_type == crate::model::FieldType::Address),
        };
        if is_address && issue.field == key {
            return format!("{key}/prefecture");
        }
        issue.field.clone()
    }

    fn question_states(&self, keys: &[String]) -> Vec<QuestionState> {
        let issues = self.shown_issues();
        // A life event's screening questions are viewed together, once.
        let mut screening: Vec<QuestionView> = match (self.stage, &self.event) {
            (Stage::Screening, Some(e)) => views::screening_questions(&self.catalog, e, self.lang).unwrap_or_default(),
            _ => Vec::new(),
        };
        keys.iter()
            .filter_map(|k| {
                let question = match self.stage {
                    Stage::Screening => {
                        let at = screening.iter().position(|q| &q.key == k)?;
                        screening.swap_remove(at)
                    }
                    _ => self.question(k)?,
                };
                let (value, source) = match self.stage {
                    Stage::Screening => (self.screening.get(k).cloned(), None),
                    _ => {
                        let s = self.session.as_ref()?;
                        (s.answer(k).cloned(), s.source(k).cloned())
                    }
                };
                let source_text = source.as_ref().and_then(|s| source_text(s, self.session.as_ref(), self.lang));
                Some(QuestionState {
                    shown: self.is_shown(k),
                    value,
                    source,
                    source_text,
                    issues: issues.iter().filter(|i| &i.key == k).cloned().collect(),
                    question,
                })
            })
            .collect()
    }

    /// What to draw now, in the journey's language.
    pub fn view(&mut self) -> JourneyView {
        self.refresh_relevant();
        let lang = self.lang;
        let mut notices = Vec::new();
        if let Some(r) = &self.restored
            && !matches!(self.stage, Stage::Done)
        {
            notices.push(ui_text(lang, "ui-draft-restored"));
            if !r.same_catalog && (!r.recheck.is_empty() || !r.changed.is_empty()) {
                notices.push(ui_text(lang, "ui-draft-changed"));
                if let Some(s) = &self.session {
                    let labels: Vec<String> =
                        r.recheck.iter().filter_map(|k| s.question(k)).map(|q| q.label.get(lang).to_string()).collect();
                    if !labels.is_empty() {
                        notices.push(labels.join(&ui_text(lang, "ui-list-separator")));
                    }
                }
            }
            if r.truncated {
                notices.push(ui_text(lang, "ui-draft-truncated"));
            }
        }
        if self.interrupted && self.stage == Stage::Check {
            notices.insert(0, ui_text(lang, "jr-steps-interrupted"));
        }
        if self.withheld {
            notices.push(ui_text(lang, "jr-withheld"));
        }
        if self.code_failed {
            notices.push(ui_text(lang, "ui-continue-bad"));
        }
        if let Some(problem) = self.handoff_problem {
            let key = problem.message_key();
            notices.push(format!("{} {}", ui_text(lang, key), ui_text(lang, &format!("{key}-fix"))));
        }
        if let (Some((made, short)), Stage::Check) = (&self.opened, self.stage) {
            let made = Date::parse_iso(made).map(|d| crate::words::date_text(d, lang)).unwrap_or_default();
            notices.push(ui_text_with(lang, "jr-handoff-opened", &[("date", made), ("code", short.clone())]));
        }
        let shown = self.shown_issues();
        let (errors, warnings): (Vec<ShownIssue>, Vec<ShownIssue>) =
            shown.into_iter().partition(|i| i.issue.severity == Severity::Error);
        let screen = match self.stage {
            Stage::Events => Screen::Events {
                title: ui_text(lang, "ui-life-events"),
                events: views::life_events(&self.catalog, lang),
            },
            Stage::Screening => {
                let e = self.event.clone().unwrap_or_default();
                let title = self.catalog.life_event(&e).map(|x| x.title.get(lang).to_string()).unwrap_or_default();
                let questions = self.question_states(&self.screen_keys());
                let checklist = self.checklist.clone();
                let screening_errors = !errors.is_empty();
                Screen::Screening {
                    event: e,
                    title,
                    lead: ui_text(lang, "ui-questions"),
                    questions,
                    can_start: !screening_errors
                        && checklist
                            .as_ref()
                            .is_some_and(|c| c.procedures.iter().any(|i| i.online_now || i.prepare_online)),
                    checklist,
                    back: self.from_events,
                }
            }
            Stage::Page(i) => {
                let step = self.steps.get(i).cloned();
                let keys = step.as_ref().map(|s| s.keys.clone()).unwrap_or_default();
                Screen::Page {
                    page: step.as_ref().map(|s| s.page.clone()).unwrap_or_default(),
                    title: step.as_ref().map(|s| s.title.get(lang).to_string()).unwrap_or_default(),
                    progress: self.progress(i),
                    questions: self.question_states(&keys),
                    back: self.last_shown_before(i).is_some() || (self.from_events && self.event.is_some()),
                    returns_to_check: self.return_to_check,
                }
            }
            Stage::Check => match self.session.as_ref() {
                Some(session) => Screen::Check {
                    title: ui_text(lang, "ui-check-answers"),
                    lead: ui_text(lang, "ui-check-answers-lead"),
                    prepares: self.at_counter(session).iter().map(|p| p.title.get(lang).to_string()).collect(),
                    check: {
                        let mut check = check_page(session, self.today, lang);
                        // Submitting makes the handoff for what is finished at the counter.
                        match self.at_counter(session).len() {
                            0 => {}
                            n if n == session.procedures().len() => {
                                check.submit_label = ui_text(lang, "jr-handoff-make");
                            }
                            _ => check.submit_label = ui_text(lang, "jr-handoff-submit-and-make"),
                        }
                        check
                    },
                    counter_confirm: session.is_assisted().then(|| session.is_confirmed_by_resident()),
                    keep_profile: (self.profile.is_some() && !self.options.counter).then_some(self.keep_profile),
                    consent: (self.profile.is_some() && !self.options.counter).then(|| session.profile_consent(lang)),
                    keep_sensitive: self.keep_sensitive,
                },
                None => Screen::Events {
                    title: ui_text(lang, "ui-life-events"),
                    events: views::life_events(&self.catalog, lang),
                },
            },
            Stage::HostSteps => self.steps_screen(),
            Stage::Done => Screen::Done { next: self.next_steps() },
        };
        let mut errors = errors;
        if let (Stage::Done, Some(i)) = (self.stage, &self.feedback_issue) {
            errors.push(ShownIssue { key: "feedback".into(), target: "feedback".into(), issue: i.clone() });
        }
        JourneyView { lang: lang.tag().to_string(), notices, errors, warnings, screen }
    }

    fn steps_screen(&self) -> Screen {
        let lang = self.lang;
        let title_of = |id: &String| self.catalog.procedure(id).map(|p| p.title.get(lang).to_string());
        let (steps, released) = match &self.fulfilment {
            Some(f) => {
                let current = f.current();
                let steps = f
                    .steps
                    .iter()
                    .enumerate()
                    .map(|(i, s)| {
                        let titles = s.procedures.iter().filter_map(title_of).collect();
                        steps::step_view(s, current == Some(i), f.released, titles, lang)
                    })
                    .collect();
                (steps, f.released)
            }
            None => (Vec::new(), false),
        };
        Screen::Steps {
            title: ui_text(lang, if released { "jr-steps-after" } else { "jr-steps" }),
            lead: ui_text(lang, if released { "jr-steps-after-lead" } else { "jr-steps-lead" }),
            steps,
        }
    }

    /// What the host's steps gave a submitted procedure, in words.
    fn fulfilled_of(&self, procedure: &str) -> Vec<String> {
        let lang = self.lang;
        let Some(f) = &self.fulfilment else { return Vec::new() };
        f.steps
            .iter()
            .filter(|s| s.kind != HostStep::Book && s.procedures.iter().any(|p| p == procedure))
            .filter_map(|s| steps::step_view(s, false, true, Vec::new(), lang).result)
            .collect()
    }

    /// The visit booked, when one was.
    fn booking(&self) -> Option<(&StepState, &Slot)> {
        let f = self.fulfilment.as_ref()?;
        let step = f.steps.iter().find(|s| s.kind == HostStep::Book && s.status == StepStatus::Done)?;
        Some((step, step.chosen_slot()?))
    }

    fn next_steps(&self) -> NextSteps {
        let lang = self.lang;
        let submitted: Vec<SubmittedView> = self
            .receipts
            .iter()
            .map(|r| SubmittedView {
                procedure: r.procedure.clone(),
                title: self.catalog.procedure(&r.procedure).map(|p| p.title.get(lang).to_string()).unwrap_or_default(),
                reference: r.reference.clone(),
                steps: self.fulfilled_of(&r.procedure),
                after: views::after_submit(
                    &self.catalog,
                    &r.procedure,
                    submitted_on(&r.submitted_at, self.today),
                    lang,
                ),
            })
            .collect();
        let mut done: HashSet<&str> = self.receipts.iter().map(|r| r.procedure.as_str()).collect();
        done.extend(self.prepared.iter().flat_map(|p| p.procedures.iter().map(String::as_str)));
        let (still_to_do, town_actions) = match &self.checklist {
            Some(c) => (
                c.procedures.iter().filter(|i| !done.contains(i.procedure.as_str())).cloned().collect(),
                c.town_actions.clone(),
            ),
            None => (Vec::new(), Vec::new()),
        };
        // Only prepared for the counter, nothing sent: the page says so.
        let (title, lead) = match (submitted.is_empty(), self.prepared.is_some()) {
            (true, true) => ("jr-prepared", "jr-prepared-lead"),
            _ => ("ui-submitted", "ui-submitted-lead"),
        };
        NextSteps {
            title: ui_text(lang, title),
            lead: ui_text(lang, lead),
            submitted,
            still_to_do,
            town_actions,
            prepared: self.prepared.as_ref().map(|p| self.handoff_view(p)),
            feedback_sent: self.feedback_sent,
        }
    }

    /// The session's procedures finished at the counter, which submitting on the resident's
    /// device turns into a handoff (none at the counter itself: there they are submitted).
    fn at_counter<'a>(&'a self, session: &'a Session) -> Vec<&'a crate::model::Procedure> {
        if self.options.counter {
            return Vec::new();
        }
        session
            .procedures()
            .into_iter()
            .filter_map(|id| self.catalog.procedure(id))
            .filter(|p| p.visit.is_some())
            .collect()
    }

    fn handoff_view(&self, prepared: &Prepared) -> HandoffView {
        let lang = self.lang;
        let item = |id: &str| self.checklist.as_ref().and_then(|c| c.procedures.iter().find(|i| i.procedure == id));
        let procedures = prepared
            .procedures
            .iter()
            .filter_map(|id| self.catalog.procedure(id))
            .map(|p| {
                let item = item(&p.id);
                PreparedView {
                    procedure: p.id.clone(),
                    title: p.title.get(lang).to_string(),
                    reason: p.visit.as_ref().map(|v| v.reason.get(lang).to_string()),
                    documents: match item {
                        Some(i) => i.documents.clone(),
                        None => p
                            .documents
                            .iter()
                            .filter(|d| d.when.is_none())
                            .map(|d| d.title.get(lang).to_string())
                            .collect(),
                    },
                    due: item.and_then(|i| i.due.as_ref()).map(|d| crate::words::date_text(d.date, lang)),
                    contact: item.and_then(|i| i.contact.clone()),
                }
            })
            .collect();
        let short_code = Handoff::short_code(&prepared.text);
        let expires = Date::parse_iso(&prepared.expires).map(|d| crate::words::date_text(d, lang)).unwrap_or_default();
        HandoffView {
            title: ui_text(lang, "jr-handoff-title"),
            lead: ui_text(lang, "jr-handoff-lead"),
            procedures,
            qr: crate::views::qr::qr_code(&prepared.text, &ui_text(lang, "jr-handoff-qr")),
            text: prepared.text.clone(),
            short_code_text: ui_text_with(lang, "jr-handoff-short", &[("code", short_code.clone())]),
            short_code,
            expires: ui_text_with(lang, "jr-handoff-expires", &[("date", expires)]),
            booking: self.booking().map(|(step, slot)| {
                ui_text_with(
                    lang,
                    "jr-step-book-done",
                    &[("slot", slot.text(lang)), ("reference", step.reference.clone().unwrap_or_default())],
                )
            }),
            privacy: ui_text(lang, "jr-handoff-privacy"),
        }
    }

    /// The due dates ahead as an iCalendar file (RFC 5545) for the resident's phone: on the
    /// checklist, its procedures; after submitting, what is still to do and what was prepared
    /// for the counter. No personal data (procedure names, due dates, what being late means, the
    /// town's contact: [`crate::calendar`]), and after submitting the visit booked through the
    /// host. `stamp` is the host's clock (its `DTSTAMP`). `None` when there is nothing ahead to
    /// be reminded of.
    pub fn calendar(&self, stamp: crate::calendar::Stamp) -> Option<String> {
        // A form on its own has no checklist: only its booked visit, if any.
        let listed: &[ChecklistItem] = self.checklist.as_ref().map(|c| c.procedures.as_slice()).unwrap_or_default();
        let items: Vec<ChecklistItem> = match self.stage {
            Stage::Screening => listed.to_vec(),
            Stage::Done => {
                let prepared: HashSet<&str> =
                    self.prepared.iter().flat_map(|p| p.procedures.iter().map(String::as_str)).collect();
                let mut items = self.next_steps().still_to_do;
                items.extend(listed.iter().filter(|i| prepared.contains(i.procedure.as_str())).cloned());
                items
            }
            _ => return None,
        };
        let bookings: Vec<crate::calendar::VisitBooking> = match (self.stage, self.booking()) {
            (Stage::Done, Some((step, slot))) => slot
                .when()
                .map(|(date, hour, minute)| crate::calendar::VisitBooking {
                    procedures: step.procedures.clone(),
                    date,
                    hour,
                    minute,
                    minutes: slot.minutes,
                    place: slot.place.clone(),
                })
                .into_iter()
                .collect(),
            _ => Vec::new(),
        };
        if bookings.is_empty() && !items.iter().any(|i| i.due.is_some() && !i.overdue) {
            return None;
        }
        // Stable identifiers: the life event's, or the procedures' of a form on its own.
        let about = match &self.checklist {
            Some(c) => c.event.clone(),
            None => bookings.iter().flat_map(|b| b.procedures.iter().map(String::as_str)).collect::<Vec<_>>().join("+"),
        };
        let seed = format!("{}:{about}", self.catalog.compiled().town.id);
        Some(crate::calendar::calendar(self.catalog.compiled(), &items, &bookings, self.lang, stamp, &seed))
    }

    /// The step event for analytics: codes and counts, never values.
    pub fn step_event(&self) -> Json {
        let (page, index, total) = match self.stage {
            Stage::Page(i) => (self.steps.get(i).map(|s| s.page.clone()), i + 1, self.steps.len()),
            _ => (None, 0, 0),
        };
        serde_json::json!({ "step": self.stage.name(), "event": self.event, "page": page, "index": index, "total": total })
    }
}

/// An answer that says nothing: null, an empty text, list or object.
fn is_empty_answer(value: &Json) -> bool {
    match value {
        Json::Null => true,
        Json::String(s) => s.trim().is_empty(),
        Json::Array(a) => a.is_empty(),
        Json::Object(o) => o.values().all(is_empty_answer),
        _ => false,
    }
}

/// The day of a submission from its time (`2026-12-07T10:00:00+09:00`), else `today`.
fn submitted_on(at: &str, today: Date) -> Date {
    at.get(..10).and_then(Date::parse_iso).unwrap_or(today)
}

fn shorten(text: &str) -> String {
    text.chars().take(40).collect()
}

/// Where a prefilled answer came from, in the resident's words.
fn source_text(source: &AnswerSource, session: Option<&Session>, lang: Lang) -> Option<String> {
    match source {
        AnswerSource::Typed => None,
        AnswerSource::Screening { .. } => Some(ui_text(lang, "ui-source-screening")),
        AnswerSource::Profile { .. } => Some(ui_text(lang, "ui-source-profile")),
        AnswerSource::Event { .. } => Some(ui_text(lang, "jr-source-event")),
        AnswerSource::Town => Some(ui_text(lang, "jr-source-town")),
        AnswerSource::Carried { from } => {
            // A question of the session, else the concept (a screening answer about the child).
            let label = session.and_then(|s| match s.question(from) {
                Some(q) => Some(q.label.get(lang).to_string()),
                None => s.concept_label(from).map(|t| t.get(lang).to_string()),
            });
            Some(ui_text_with(lang, "jr-source-carried", &[("from", label.unwrap_or_default())]))
        }
    }
}

/// Orders issues as their questions stand on the page (a question's own issues keep their
/// order: missing part, impossible, rule).
fn sort_in_page_order(issues: &mut [Issue], keys: &[String]) {
    let rank =
        |i: &Issue| issue_key(&i.field, keys).and_then(|k| keys.iter().position(|x| x == k)).unwrap_or(usize::MAX);
    issues.sort_by_key(rank);
}

/// The steps of a session's form: its pages, or each question of them.
fn steps_of(session: &Session, one_per_page: bool) -> Vec<Step> {
    let mut steps = Vec::new();
    for page in session.pages() {
        if one_per_page {
            for k in &page.questions {
                steps.push(Step { page: page.id.clone(), title: page.title.clone(), keys: vec![k.clone()] });
            }
        } else {
            steps.push(Step { page: page.id.clone(), title: page.title.clone(), keys: page.questions.clone() });
        }
    }
    steps
}

#[derive(Serialize)]
struct SavedJourney<'a> {
    format: &'a str,
    catalog_hash: &'a str,
    stage: &'a str,
    at: Option<String>,
    return_to_check: bool,
    from_events: bool,
    event: Option<&'a str>,
    screening: &'a Map<String, Json>,
    screening_done: &'a BTreeSet<String>,
    draft: Option<Draft>,
    acknowledged: Vec<[&'a str; 2]>,
    receipts: &'a [Receipt],
    /// The handoff made on submit (kept until dismissed, like the receipts).
    #[serde(skip_serializing_if = "Option::is_none")]
    handoff: Option<&'a Prepared>,
    feedback_sent: bool,
    /// Answers not kept on the device (a My Number): asked again after a reload.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    withheld: Vec<String>,
    /// After sending: the host's steps (a request being waited for comes back as
    /// interrupted, to be made again).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    host_steps: Vec<Json>,
    /// Saved while signing or paying (nothing sent): restored on the check page, which says so.
    #[serde(skip_serializing_if = "crate::model::is_false")]
    interrupted: bool,
}

// ---------------------------------------------------------------------- views

/// What a renderer draws: plain data in one language.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct JourneyView {
    /// The language tag of every text in it.
    pub lang: String,
    /// Notices at the top (a draft restored, a code that could not be read).
    pub notices: Vec<String>,
    /// The error summary, in page order (each also shown at its question).
    pub errors: Vec<ShownIssue>,
    /// Warnings: their own heading and colour; the resident corrects them or chooses
    /// "continue anyway" ([`Journey::acknowledge_warnings`]).
    pub warnings: Vec<ShownIssue>,
    /// The screen.
    #[serde(flatten)]
    pub screen: Screen,
}

/// The screen of a [`JourneyView`], by stage.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "stage", rename_all = "snake_case")]
pub enum Screen {
    /// The life events to choose from.
    Events {
        /// The heading.
        title: String,
        /// The life events.
        events: Vec<LifeEventInfo>,
    },
    /// A life event's screening questions and the checklist they give.
    Screening {
        /// The life event's id.
        event: String,
        /// Its title (the heading).
        title: String,
        /// The lead above the questions.
        lead: String,
        /// The questions (hidden ones with `shown: false`).
        questions: Vec<QuestionState>,
        /// The procedures that apply, with due dates, and what the town does.
        checklist: Option<Checklist>,
        /// The online procedures can be started now (no screening error).
        can_start: bool,
        /// A Back link to the life events.
        back: bool,
    },
    /// A page of the forms.
    Page {
        /// `procedure/page`.
        page: String,
        /// The heading.
        title: String,
        /// Page n of total (the total never changes with the answers).
        progress: Progress,
        /// The questions (hidden ones with `shown: false`, so a renderer can show them when
        /// an answer does).
        questions: Vec<QuestionState>,
        /// A Back link.
        back: bool,
        /// Continue returns to the check page.
        returns_to_check: bool,
    },
    /// Check your answers.
    Check {
        /// The heading.
        title: String,
        /// The lead.
        lead: String,
        /// Sections per procedure and per person, with change links.
        check: CheckPage,
        /// At the counter: whether the resident confirmed (a box to tick), else absent.
        counter_confirm: Option<bool>,
        /// On a resident's device: whether to keep what they typed for next time.
        keep_profile: Option<bool>,
        /// The consent's words, naming what is kept (and the sensitive details kept only
        /// with a second consent), when a profile can be kept.
        consent: Option<views::ConsentView>,
        /// Whether sensitive details are kept too.
        keep_sensitive: bool,
        /// The procedures finished at the counter, for which submitting makes a handoff to
        /// show there instead (on a resident's device; the submit button says so).
        prepares: Vec<String>,
    },
    /// The steps the host fulfils after submit (sign, pay, book, issue), the current one
    /// with what the resident does now.
    Steps {
        /// The heading.
        title: String,
        /// The lead: nothing is sent before signing and paying; or what was sent.
        lead: String,
        /// Every step, in order.
        steps: Vec<StepView>,
    },
    /// What happens next.
    Done {
        /// References, what the town does, what is still to do.
        next: NextSteps,
    },
}

/// Page n of total.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Progress {
    /// This page's number, from 1.
    pub index: usize,
    /// Every page the form can have.
    pub total: usize,
    /// In words.
    pub text: String,
}

/// A question with its answer, where it came from and its issues.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuestionState {
    /// The question.
    #[serde(flatten)]
    pub question: QuestionView,
    /// Shown now (its conditions hold).
    pub shown: bool,
    /// The answer so far.
    pub value: Option<Json>,
    /// Where a prefilled answer came from.
    pub source: Option<AnswerSource>,
    /// That, in words ("filled from your first answers"), for a prefilled answer.
    pub source_text: Option<String>,
    /// Its issues shown now.
    pub issues: Vec<ShownIssue>,
}

/// An issue as shown: with the question it belongs to and the control it points at.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ShownIssue {
    /// The question's key.
    pub key: String,
    /// The control to focus: the key, `key/part` for an address's part, or the item path
    /// (`members[1].name`).
    pub target: String,
    /// The issue.
    #[serde(flatten)]
    pub issue: Issue,
}

/// One submitted procedure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SubmittedView {
    /// Its id.
    pub procedure: String,
    /// Its title.
    pub title: String,
    /// The reference to quote.
    pub reference: String,
    /// What the host's steps did for it, in words (signed, paid, issued, with references).
    pub steps: Vec<String>,
    /// What the town does next and by when, where the definition says.
    pub after: Option<views::AfterSubmitView>,
}

/// What happens next: shown after submit until dismissed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NextSteps {
    /// The heading.
    pub title: String,
    /// The lead.
    pub lead: String,
    /// What was submitted, with references.
    pub submitted: Vec<SubmittedView>,
    /// The life event's procedures not done here (a visit, or later), with due dates.
    pub still_to_do: Vec<ChecklistItem>,
    /// What the town does by itself.
    pub town_actions: Vec<ChecklistItem>,
    /// The handoff to show at the counter, for the procedures finished there.
    pub prepared: Option<HandoffView>,
    /// Feedback was sent.
    pub feedback_sent: bool,
}

/// A handoff as the resident sees it after submitting: what to show at the counter, what
/// to bring, until when.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HandoffView {
    /// The heading.
    pub title: String,
    /// What to do with it.
    pub lead: String,
    /// The procedures it holds, with why a visit is needed, what to bring and by when.
    pub procedures: Vec<PreparedView>,
    /// Its text (to copy, or for a host to keep); holds the answers.
    pub text: String,
    /// The QR code of the text.
    pub qr: Option<crate::views::qr::QrView>,
    /// The short code read aloud at the counter to be sure it is the same handoff.
    pub short_code: String,
    /// That, in words.
    pub short_code_text: String,
    /// The last day it can be used, in words.
    pub expires: String,
    /// The visit booked, in words (day, time, place, the booking's reference).
    pub booking: Option<String>,
    /// Who may see it, and that nothing was sent.
    pub privacy: String,
}

/// One procedure of a handoff.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PreparedView {
    /// Its id.
    pub procedure: String,
    /// Its title.
    pub title: String,
    /// Why it is finished at the counter.
    pub reason: Option<String>,
    /// What to bring.
    pub documents: Vec<String>,
    /// Its due date in words, when it has one.
    pub due: Option<String>,
    /// Where to go.
    pub contact: Option<crate::navigate::Contact>,
}

// ---------------------------------------------------------------------- actions

/// A journey action as data: what conformance vectors and hosts that forward actions send
/// (`{"action": "answer", "key": "move.date", "value": "2026-11-20"}`).
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// [`Journey::choose_event`].
    ChooseEvent(String),
    /// [`Journey::answer`].
    Answer(String, Json),
    /// [`Journey::finish_answer`].
    FinishAnswer(String),
    /// [`Journey::start_online`].
    StartOnline,
    /// [`Journey::next`].
    Next,
    /// [`Journey::acknowledge_warnings`].
    AcknowledgeWarnings,
    /// [`Journey::back`].
    Back,
    /// [`Journey::change`].
    Change(String),
    /// [`Journey::go_to`].
    GoTo(String),
    /// [`Journey::confirm`].
    Confirm(bool),
    /// [`Journey::submit`] at a time.
    Submit(String),
    /// [`Journey::set_reference`].
    SetReference(String, String),
    /// [`Journey::feedback`].
    Feedback(Option<u8>, String),
    /// [`Journey::dismiss`].
    Dismiss,
    /// [`Journey::set_lang`].
    SetLang(Lang),
    /// [`Journey::set_keep_profile`].
    KeepProfile(bool),
    /// [`Journey::set_keep_sensitive`].
    KeepSensitive(bool),
    /// [`Journey::import_code`].
    ImportCode(String),
    /// [`Journey::open_handoff`].
    OpenHandoff(String),
    /// [`Journey::begin_step`].
    BeginStep,
    /// [`Journey::fulfil_step`]: the request's id and the host's reference.
    FulfilStep(String, String),
    /// [`Journey::fail_step`]: the request's id and a [`StepFailure`] code.
    FailStep(String, String),
    /// [`Journey::offer_slots`].
    OfferSlots(String, Vec<Slot>),
    /// [`Journey::choose_slot`].
    ChooseSlot(String),
    /// [`Journey::skip_step`].
    SkipStep,
    /// [`Journey::leave_steps`].
    LeaveSteps,
}

impl Action {
    /// Reads an action from its JSON (`action` names it; the other fields are its
    /// arguments). The error says what is missing or wrong, never a value.
    pub fn from_json(json: &Json) -> Result<Action, JourneyError> {
        let bad = |m: String| JourneyError::BadRecord(format!("action: {m}"));
        let name =
            json.get("action").and_then(Json::as_str).ok_or_else(|| bad("`action` must name the action".into()))?;
        let text = |k: &str| -> Result<String, JourneyError> {
            json.get(k)
                .and_then(Json::as_str)
                .map(str::to_string)
                .ok_or_else(|| bad(format!("`{name}` needs `{k}` (a string)")))
        };
        let flag = |k: &str| -> Result<bool, JourneyError> {
            json.get(k).and_then(Json::as_bool).ok_or_else(|| bad(format!("`{name}` needs `{k}` (true or false)")))
        };
        Ok(match name {
            "choose_event" => Action::ChooseEvent(text("event")?),
            "answer" => Action::Answer(text("key")?, json.get("value").cloned().unwrap_or(Json::Null)),
            "finish_answer" => Action::FinishAnswer(text("key")?),
            "start_online" => Action::StartOnline,
            "next" => Action::Next,
            "acknowledge_warnings" => Action::AcknowledgeWarnings,
            "back" => Action::Back,
            "change" => Action::Change(text("key")?),
            "go_to" => Action::GoTo(text("key")?),
            "confirm" => Action::Confirm(flag("confirmed")?),
            "submit" => Action::Submit(text("at")?),
            "set_reference" => Action::SetReference(text("procedure")?, text("reference")?),
            "feedback" => {
                let rating = match json.get("rating") {
                    None | Some(Json::Null) => None,
                    Some(r) => Some(
                        r.as_u64()
                            .and_then(|r| u8::try_from(r).ok())
                            .ok_or_else(|| bad("`rating` must be a whole number".into()))?,
                    ),
                };
                Action::Feedback(rating, json.get("comment").and_then(Json::as_str).unwrap_or_default().to_string())
            }
            "dismiss" => Action::Dismiss,
            "set_lang" => Action::SetLang(Lang::from_tag(&text("lang")?).ok_or_else(|| {
                JourneyError::BadRecord("`lang` is not a language of the SDK: use ja, en or ja-easy".into())
            })?),
            "keep_profile" => Action::KeepProfile(flag("keep")?),
            "keep_sensitive" => Action::KeepSensitive(flag("keep")?),
            "import_code" => Action::ImportCode(text("code")?),
            "open_handoff" => Action::OpenHandoff(text("code")?),
            "begin_step" => Action::BeginStep,
            "fulfil_step" => Action::FulfilStep(text("id")?, text("reference")?),
            "fail_step" => Action::FailStep(text("id")?, text("reason")?),
            "offer_slots" => {
                Action::OfferSlots(text("id")?, steps::read_slots(json.get("slots").unwrap_or(&Json::Null))?)
            }
            "choose_slot" => Action::ChooseSlot(text("slot")?),
            "skip_step" => Action::SkipStep,
            "leave_steps" => Action::LeaveSteps,
            other => return Err(bad(format!("`{}` is not an action", shorten(other)))),
        })
    }
}

impl Journey {
    /// Takes an [`Action`].
    pub fn act(&mut self, action: Action) -> Result<(), JourneyError> {
        match action {
            Action::ChooseEvent(e) => self.choose_event(&e),
            Action::Answer(k, v) => self.answer(&k, v).map(|_| ()),
            Action::FinishAnswer(k) => {
                self.finish_answer(&k);
                Ok(())
            }
            Action::StartOnline => self.start_online(),
            Action::Next => self.next(),
            Action::AcknowledgeWarnings => self.acknowledge_warnings(),
            Action::Back => self.back(),
            Action::Change(k) => self.change(&k),
            Action::GoTo(k) => self.go_to(&k),
            Action::Confirm(c) => self.confirm(c),
            Action::Submit(at) => self.submit(&at).map(|_| ()),
            Action::SetReference(p, r) => self.set_reference(&p, &r),
            Action::Feedback(r, c) => self.feedback(r, &c).map(|_| ()),
            Action::Dismiss => self.dismiss(),
            Action::SetLang(l) => {
                self.set_lang(l);
                Ok(())
            }
            Action::KeepProfile(k) => {
                self.set_keep_profile(k);
                Ok(())
            }
            Action::KeepSensitive(k) => {
                self.set_keep_sensitive(k);
                Ok(())
            }
            Action::ImportCode(c) => self.import_code(&c),
            Action::OpenHandoff(c) => self.open_handoff(&c),
            Action::BeginStep => self.begin_step().map(|_| ()),
            Action::FulfilStep(id, r) => self.fulfil_step(&id, &r).map(|_| ()),
            Action::FailStep(id, r) => self.fail_step(&id, &r),
            Action::OfferSlots(id, slots) => self.offer_slots(&id, slots),
            Action::ChooseSlot(slot) => self.choose_slot(&slot),
            Action::SkipStep => self.skip_step(),
            Action::LeaveSteps => self.leave_steps(),
        }
    }
}
