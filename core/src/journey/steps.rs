//! The journey's back half: the steps the host fulfils with the town's providers (the My
//! Number Card signature, paying a fee, booking the visit, issuing the result). A definition
//! declares them ([`HostStep`] in a procedure's `steps`); the journey plans them when the
//! resident submits, asks the host for each in turn with a [`StepRequest`], waits, and takes
//! the host's answer: a reference, the times a visit can be booked, or a [`StepFailure`] the
//! resident can act on.
//!
//! Invariants:
//! - a request says exactly what is needed (the procedures, the amount, the SHA-256 digest
//!   of what is signed, the days a visit may be booked) and never an answer the resident typed;
//! - an answer names the request it answers (`id`): an answer to a request the resident gave
//!   up on, that timed out or was made again is refused ([`super::JourneyError::StepUnknown`])
//!   and changes nothing;
//! - nothing is sent before it is signed and paid for: the submissions are released together
//!   when the last of those steps is fulfilled (one signature over all of them, one payment of
//!   the total). Until then the resident may leave, back to the check page with every answer
//!   kept, and nothing is charged twice: paying is the last step before sending;
//! - every request has a time limit (`timeout_seconds`, core's, run by the host's timer); a
//!   request that times out, fails or was interrupted by a reload can be made again, or left
//!   (before sending), or skipped (a booking; an issue the town then does by itself);
//! - at the counter, staff check identity and no visit is booked: `sign` and `book` are not
//!   asked there.

use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::date::Date;
pub use crate::model::HostStep;
use crate::model::Lang;
use crate::session::Submission;
use crate::words::{date_text, ui_text, ui_text_with};

/// The most times a host may offer for one booking; more is refused.
pub const MAX_SLOTS: usize = 60;

/// The longest reference or slot id taken from a host (longer is refused, never cut).
pub const MAX_REFERENCE_CHARS: usize = 64;

/// How long the journey waits for the host's answer to a step, in seconds: reading the card
/// and typing its PIN, a payment page, a booking system, an issuing system.
pub fn timeout_seconds(kind: HostStep) -> u32 {
    match kind {
        HostStep::Sign => 300,
        HostStep::Pay => 600,
        HostStep::Book => 60,
        HostStep::Issue => 120,
    }
}

/// The name of a step kind, as requests and records write it.
pub fn kind_name(kind: HostStep) -> &'static str {
    match kind {
        HostStep::Sign => "sign",
        HostStep::Pay => "pay",
        HostStep::Book => "book",
        HostStep::Issue => "issue",
    }
}

fn kind_of(name: &str) -> Option<HostStep> {
    [HostStep::Sign, HostStep::Pay, HostStep::Book, HostStep::Issue].into_iter().find(|k| kind_name(*k) == name)
}

/// Where a step is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum StepStatus {
    /// Not asked yet: the resident starts it.
    Ready,
    /// Asked: the host's answer is awaited (the view holds the request).
    Waiting,
    /// A booking: the host offered times, the resident chooses one.
    Choosing,
    /// The host said no, or no answer came in time: retry, or leave or skip.
    Failed,
    /// Fulfilled, with the host's reference.
    Done,
    /// Skipped by the resident (a booking; an issue left to the town).
    Skipped,
}

impl StepStatus {
    fn name(self) -> &'static str {
        match self {
            StepStatus::Ready => "ready",
            StepStatus::Waiting => "waiting",
            StepStatus::Choosing => "choosing",
            StepStatus::Failed => "failed",
            StepStatus::Done => "done",
            StepStatus::Skipped => "skipped",
        }
    }

    fn of(name: &str) -> Option<StepStatus> {
        [
            StepStatus::Ready,
            StepStatus::Waiting,
            StepStatus::Choosing,
            StepStatus::Failed,
            StepStatus::Done,
            StepStatus::Skipped,
        ]
        .into_iter()
        .find(|s| s.name() == name)
    }

    /// Finished one way or another: the journey moves past it.
    pub fn is_finished(self) -> bool {
        matches!(self, StepStatus::Done | StepStatus::Skipped)
    }
}

/// Why the host could not fulfil a step: each has a message for the resident saying what
/// happened and what to do, in every language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepFailure {
    /// The resident cancelled in the provider's screen.
    Cancelled,
    /// The provider refused (a card declined, a certificate revoked, a slot taken).
    Declined,
    /// The My Number Card could not be read (or its PIN was locked).
    CardUnreadable,
    /// The provider is not available now (down, or closed for the day).
    Unavailable,
    /// No answer came in time ([`timeout_seconds`]).
    Timeout,
    /// The page was reloaded while waiting: the answer, if any, is lost.
    Interrupted,
}

impl StepFailure {
    /// Every failure, in the order of [`StepFailure::code`]'s documentation.
    pub const ALL: [StepFailure; 6] = [
        StepFailure::Cancelled,
        StepFailure::Declined,
        StepFailure::CardUnreadable,
        StepFailure::Unavailable,
        StepFailure::Timeout,
        StepFailure::Interrupted,
    ];

    /// Its stable code: `cancelled`, `declined`, `card-unreadable`, `unavailable`,
    /// `timeout`, `interrupted`.
    pub fn code(self) -> &'static str {
        match self {
            StepFailure::Cancelled => "cancelled",
            StepFailure::Declined => "declined",
            StepFailure::CardUnreadable => "card-unreadable",
            StepFailure::Unavailable => "unavailable",
            StepFailure::Timeout => "timeout",
            StepFailure::Interrupted => "interrupted",
        }
    }

    /// The failure of a code, if it is one.
    pub fn from_code(code: &str) -> Option<StepFailure> {
        StepFailure::ALL.into_iter().find(|f| f.code() == code)
    }
}

/// A time the host offers for a visit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Slot {
    /// The host's id of the time (given back when the resident chooses it).
    pub id: String,
    /// When it starts, local time: `YYYY-MM-DDTHH:MM`.
    pub start: String,
    /// How long it lasts, in minutes.
    pub minutes: u32,
    /// Where: the counter, as the booking system names it.
    pub place: String,
}

impl Slot {
    /// Its day and time, read from `start`.
    pub fn when(&self) -> Option<(Date, u8, u8)> {
        let (day, time) = self.start.split_once('T')?;
        let date = Date::parse_iso(day)?;
        let (h, m) = time.split_once(':')?;
        if h.len() != 2 || m.len() != 2 {
            return None;
        }
        let (h, m): (u8, u8) = (h.parse().ok()?, m.parse().ok()?);
        (h < 24 && m < 60).then_some((date, h, m))
    }

    /// It in words: `2026年12月10日（木） 9:30`, where.
    pub fn text(&self, lang: Lang) -> String {
        match self.when() {
            Some((date, h, m)) => ui_text_with(
                lang,
                "jr-step-slot",
                &[("date", date_text(date, lang)), ("time", format!("{h}:{m:02}")), ("place", self.place.clone())],
            ),
            None => self.start.clone(),
        }
    }
}

/// What the journey asks the host: exactly what is needed for one step, never an answer the
/// resident typed. The host answers with [`super::Journey::fulfil_step`],
/// [`super::Journey::fail_step`] or, for a booking, [`super::Journey::offer_slots`], naming
/// `id`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StepRequest {
    /// The request's id: its answer names it (a new one each time it is asked).
    pub id: String,
    /// What to do: `sign`, `pay`, `book` or `issue`.
    pub kind: String,
    /// The procedures it is for (ids of the catalogue).
    pub procedures: Vec<String>,
    /// `sign`: the SHA-256 digest (hex) of the submissions to be sent, which the card signs.
    pub digest: Option<String>,
    /// `pay`: the amount in yen, the fees of every procedure together.
    pub amount: Option<u32>,
    /// `issue`: the references the submissions were given.
    pub references: Vec<String>,
    /// `book`: the first day a visit may be booked (`YYYY-MM-DD`).
    pub first_day: Option<String>,
    /// `book`: the last day a visit may be booked.
    pub last_day: Option<String>,
    /// `book`: the time the resident chose, to confirm (absent: offer times).
    pub slot: Option<Slot>,
    /// How long the journey waits, in seconds: then the host (its timer) fails the step with
    /// `timeout`.
    pub timeout_seconds: u32,
}

/// One step of the journey's back half, as the journey keeps it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct StepState {
    pub kind: HostStep,
    pub procedures: Vec<String>,
    pub status: StepStatus,
    /// How many requests were made for it.
    pub attempt: u32,
    /// The id of the request made last (answers must name it while it is waited for).
    pub request: Option<String>,
    pub reference: Option<String>,
    pub failure: Option<StepFailure>,
    pub slots: Vec<Slot>,
    pub chosen: Option<String>,
    /// `pay`: the amount; `sign`: the digest (kept so the request is the same each time).
    pub amount: Option<u32>,
    pub digest: Option<String>,
    /// `issue`: the references of the submissions.
    pub references: Vec<String>,
    /// `book`: the days a visit may be booked.
    pub window: Option<(Date, Date)>,
}

impl StepState {
    pub fn new(kind: HostStep, procedures: Vec<String>) -> StepState {
        StepState {
            kind,
            procedures,
            status: StepStatus::Ready,
            attempt: 0,
            request: None,
            reference: None,
            failure: None,
            slots: Vec::new(),
            chosen: None,
            amount: None,
            digest: None,
            references: Vec::new(),
            window: None,
        }
    }

    /// Before sending: signing and paying hold the submissions back.
    pub fn before_sending(&self) -> bool {
        matches!(self.kind, HostStep::Sign | HostStep::Pay)
    }

    /// What the host is asked (its id is the one made last).
    pub fn request(&self) -> StepRequest {
        StepRequest {
            id: self.request.clone().unwrap_or_default(),
            kind: kind_name(self.kind).to_string(),
            procedures: self.procedures.clone(),
            digest: self.digest.clone(),
            amount: self.amount,
            references: self.references.clone(),
            first_day: self.window.map(|(from, _)| from.to_string()),
            last_day: self.window.map(|(_, until)| until.to_string()),
            slot: self.chosen.as_ref().and_then(|c| self.slots.iter().find(|s| &s.id == c)).cloned(),
            timeout_seconds: timeout_seconds(self.kind),
        }
    }

    /// The slot chosen, when one is.
    pub fn chosen_slot(&self) -> Option<&Slot> {
        self.chosen.as_ref().and_then(|c| self.slots.iter().find(|s| &s.id == c))
    }

    /// As a saved journey keeps it: a request being waited for comes back as interrupted.
    pub fn to_json(&self) -> serde_json::Value {
        serde_json::json!({
            "kind": kind_name(self.kind),
            "procedures": self.procedures,
            "status": self.status.name(),
            "attempt": self.attempt,
            "request": self.request,
            "reference": self.reference,
            "failure": self.failure.map(StepFailure::code),
            "slots": self.slots,
            "chosen": self.chosen,
            "amount": self.amount,
            "digest": self.digest,
            "references": self.references,
            "window": self.window.map(|(a, b)| [a.to_string(), b.to_string()]),
        })
    }

    /// Reads what [`StepState::to_json`] wrote (`None` for anything else: a saved journey
    /// that cannot be trusted loses its steps, never its receipts).
    pub fn from_json(json: &serde_json::Value) -> Option<StepState> {
        let text = |k: &str| json.get(k).and_then(serde_json::Value::as_str);
        let texts = |k: &str| -> Vec<String> {
            json.get(k)
                .and_then(serde_json::Value::as_array)
                .map(|a| a.iter().filter_map(|v| v.as_str().map(str::to_string)).collect())
                .unwrap_or_default()
        };
        let mut s = StepState::new(kind_of(text("kind")?)?, texts("procedures"));
        s.status = StepStatus::of(text("status")?)?;
        s.attempt = json.get("attempt").and_then(serde_json::Value::as_u64).and_then(|a| u32::try_from(a).ok())?;
        s.request = text("request").map(str::to_string);
        s.reference = text("reference").map(str::to_string);
        s.failure = text("failure").and_then(StepFailure::from_code);
        s.slots = json
            .get("slots")
            .and_then(serde_json::Value::as_array)
            .map(|a| a.iter().filter_map(slot_of).take(MAX_SLOTS).collect())
            .unwrap_or_default();
        s.chosen = text("chosen").map(str::to_string);
        s.amount = json.get("amount").and_then(serde_json::Value::as_u64).and_then(|a| u32::try_from(a).ok());
        s.digest = text("digest").map(str::to_string);
        s.references = texts("references");
        s.window = match texts("window").as_slice() {
            [a, b] => Date::parse_iso(a).zip(Date::parse_iso(b)),
            _ => None,
        };
        if s.status == StepStatus::Waiting {
            s.status = StepStatus::Failed;
            s.failure = Some(StepFailure::Interrupted);
        }
        Some(s)
    }
}

/// Reads the times a host offers, as JSON (`[{id, start, minutes, place}]`): what is wrong
/// with the first that cannot be read, for the developer.
pub fn read_slots(json: &serde_json::Value) -> Result<Vec<Slot>, super::JourneyError> {
    let bad = |m: &str| super::JourneyError::StepAnswer(m.to_string());
    let items = json.as_array().ok_or_else(|| bad("the times offered are a list"))?;
    if items.len() > MAX_SLOTS {
        return Err(bad(&format!("at most {MAX_SLOTS} times can be offered")));
    }
    items
        .iter()
        .map(|s| slot_of(s).ok_or_else(|| bad("a time has `id`, `start` (YYYY-MM-DDTHH:MM), `minutes` and `place`")))
        .collect()
}

/// Reads a slot a host offers (JSON: `id`, `start`, `minutes`, `place`).
pub(crate) fn slot_of(json: &serde_json::Value) -> Option<Slot> {
    let text = |k: &str| json.get(k).and_then(serde_json::Value::as_str).map(str::to_string);
    Some(Slot {
        id: text("id")?,
        start: text("start")?,
        minutes: json.get("minutes").and_then(serde_json::Value::as_u64).and_then(|m| u32::try_from(m).ok())?,
        place: text("place").unwrap_or_default(),
    })
}

/// What is wrong with a slot a host offers, for the developer (never a resident's data: a
/// slot holds none).
pub(crate) fn slot_problem(slot: &Slot, window: Option<(Date, Date)>) -> Option<String> {
    if slot.id.is_empty() || slot.id.chars().count() > MAX_REFERENCE_CHARS {
        return Some(format!("a slot's `id` must have 1 to {MAX_REFERENCE_CHARS} characters"));
    }
    let Some((date, _, _)) = slot.when() else {
        return Some(format!("slot `{}`: `start` must be YYYY-MM-DDTHH:MM (local time)", slot.id));
    };
    if let Some((from, until)) = window
        && (date < from || date > until)
    {
        return Some(format!("slot `{}` is on {date}, outside the request's days {from} to {until}", slot.id));
    }
    if slot.minutes == 0 || slot.minutes > 480 {
        return Some(format!("slot `{}`: `minutes` must be 1 to 480", slot.id));
    }
    if slot.place.chars().count() > 100 {
        return Some(format!("slot `{}`: `place` is longer than 100 characters", slot.id));
    }
    None
}

/// The SHA-256 digest (hex) of the submissions a signature covers: what the card signs, the
/// same on every target (their JSON as sent).
pub(crate) fn digest(submissions: &[&Submission]) -> String {
    let text = serde_json::to_string(submissions).unwrap_or_default();
    Sha256::digest(text.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

/// The amount in yen as residents read it (`1,200円`, `¥1,200`).
pub(crate) fn yen(amount: u32, lang: Lang) -> String {
    let digits = amount.to_string();
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(c);
    }
    ui_text_with(lang, "jr-step-yen", &[("amount", grouped)])
}

/// A step as the resident sees it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StepView {
    /// `sign`, `pay`, `book` or `issue`.
    pub kind: String,
    /// Where it is: `ready`, `waiting`, `choosing`, `failed`, `done` or `skipped`.
    pub status: String,
    /// The step being done now (the others are listed above and below it).
    pub current: bool,
    /// Its heading (「マイナンバーカードで署名する」).
    pub title: String,
    /// What it is for, and for which procedures.
    pub lead: String,
    /// The procedures' titles.
    pub procedures: Vec<String>,
    /// `pay`: the amount in words.
    pub amount: Option<String>,
    /// The button that starts it (absent while waiting, or when it is finished).
    pub button: Option<String>,
    /// While waiting: what is happening, and that the page may be left open.
    pub waiting: Option<String>,
    /// Why it failed, and what to do.
    pub problem: Option<StepProblemView>,
    /// `book`: the times offered (empty when none could be).
    pub slots: Vec<SlotView>,
    /// `book`: no time is offered, in words.
    pub no_slots: Option<String>,
    /// Finished: what was done, with the host's reference.
    pub result: Option<String>,
    /// The resident may skip it (a booking; an issue that failed), with the button's words.
    pub skip: Option<String>,
    /// The resident may leave, back to the check page with every answer kept (before
    /// sending), with the button's words.
    pub leave: Option<String>,
    /// While waiting: the request the host answers (also given when it is made).
    pub request: Option<StepRequest>,
}

/// Why a step failed, in the resident's words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StepProblemView {
    /// [`StepFailure::code`].
    pub code: String,
    /// What happened.
    pub message: String,
    /// What to do.
    pub fix: String,
}

/// A time offered for a visit, in words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SlotView {
    /// The host's id.
    pub id: String,
    /// The day, time and place in words.
    pub text: String,
    /// The resident chose it.
    pub chosen: bool,
}

pub(crate) fn step_view(step: &StepState, current: bool, released: bool, titles: Vec<String>, lang: Lang) -> StepView {
    let kind = kind_name(step.kind);
    let key = |what: &str| format!("jr-step-{kind}-{what}");
    let list = titles.join(&ui_text(lang, "ui-list-separator"));
    let amount = step.amount.map(|a| yen(a, lang));
    let lead =
        ui_text_with(lang, &key("lead"), &[("procedures", list), ("amount", amount.clone().unwrap_or_default())]);
    let live = current && !step.status.is_finished();
    let button = match (live, step.status, step.kind) {
        (false, ..) | (_, StepStatus::Waiting, _) => None,
        (_, StepStatus::Choosing, HostStep::Book) if step.chosen.is_some() => {
            Some(ui_text(lang, "jr-step-book-confirm"))
        }
        (_, StepStatus::Choosing, _) => None,
        (_, StepStatus::Failed, _) => Some(ui_text(lang, "jr-step-retry")),
        _ => Some(ui_text_with(lang, &key("button"), &[("amount", amount.clone().unwrap_or_default())])),
    };
    let problem = step.failure.filter(|_| step.status == StepStatus::Failed).map(|f| {
        let failure = format!("jr-step-failed-{}", f.code());
        StepProblemView {
            code: f.code().to_string(),
            message: ui_text(lang, &failure),
            fix: ui_text(lang, &format!("{failure}-fix")),
        }
    });
    let result = match step.status {
        StepStatus::Done => {
            let mut args = vec![("reference", step.reference.clone().unwrap_or_default())];
            if let Some(a) = &amount {
                args.push(("amount", a.clone()));
            }
            let slot = step.chosen_slot().map(|s| s.text(lang)).unwrap_or_default();
            args.push(("slot", slot));
            let done = if step.kind == HostStep::Book && step.chosen_slot().is_none() {
                "jr-step-book-done-unslotted".to_string()
            } else {
                key("done")
            };
            Some(ui_text_with(lang, &done, &args))
        }
        StepStatus::Skipped => Some(ui_text(lang, &key("skipped"))),
        _ => None,
    };
    let skip = match (live, step.kind, step.status) {
        (true, HostStep::Book, _) => Some(ui_text(lang, "jr-step-book-skip")),
        (true, HostStep::Issue, StepStatus::Failed) => Some(ui_text(lang, "jr-step-issue-skip")),
        _ => None,
    };
    let leave = (live && !released && step.before_sending()).then(|| ui_text(lang, "jr-step-leave"));
    StepView {
        kind: kind.to_string(),
        status: step.status.name().to_string(),
        current,
        title: ui_text(lang, &key("title")),
        lead,
        procedures: titles,
        amount,
        button,
        waiting: (live && step.status == StepStatus::Waiting).then(|| ui_text(lang, &key("waiting"))),
        problem,
        slots: step
            .slots
            .iter()
            .map(|s| SlotView { id: s.id.clone(), text: s.text(lang), chosen: step.chosen.as_ref() == Some(&s.id) })
            .collect(),
        no_slots: (live && step.status == StepStatus::Choosing && step.slots.is_empty())
            .then(|| ui_text(lang, "jr-step-book-none")),
        result,
        skip,
        leave,
        request: (live && step.status == StepStatus::Waiting).then(|| step.request()),
    }
}
