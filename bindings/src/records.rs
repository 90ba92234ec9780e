//! The records that cross the boundary: plain data copied from core's views
//! (`tetsuzuki::host`, `navigate`, `session`, `validate`). Conversions only; no rule lives here.
//! Values and answers cross as JSON text.

use std::collections::HashMap;
use std::sync::Arc;

use serde_json::Value as Json;
use tetsuzuki::{catalog, diff, host, journey, navigate, session, validate};

/// A core value as JSON text (what hosts parse with their own JSON reader).
pub(crate) fn json_text(value: &impl serde::Serialize) -> String {
    serde_json::to_string(value).unwrap_or_else(|_| "null".to_owned())
}

/// An enum of the model by its snake_case name in definitions (`online`, `id_document`).
fn name_of(value: &impl serde::Serialize) -> String {
    match serde_json::to_value(value) {
        Ok(Json::String(s)) => s,
        Ok(other) => other.to_string(),
        Err(_) => String::new(),
    }
}

/// What a compiled catalogue holds, as counts (mirrors `tetsuzuki::catalog::CatalogSummary`).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct CatalogSummary {
    /// The format tag of the compiled catalogue.
    pub format: String,
    /// The content hash of the canonical catalogue.
    pub content_hash: String,
    pub town_id: String,
    pub town_name: String,
    pub procedures: u32,
    pub life_events: u32,
    pub concepts: u32,
    pub code_lists: u32,
    pub fields: u32,
}

impl From<catalog::CatalogSummary> for CatalogSummary {
    fn from(s: catalog::CatalogSummary) -> Self {
        CatalogSummary {
            format: s.format,
            content_hash: s.content_hash,
            town_id: s.town_id,
            town_name: s.town_name,
            procedures: s.procedures,
            life_events: s.life_events,
            concepts: s.concepts,
            code_lists: s.code_lists,
            fields: s.fields,
        }
    }
}

/// A life event as a portal lists it.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct LifeEventInfo {
    pub id: String,
    pub title: String,
    pub description: Option<String>,
}

impl From<host::LifeEventInfo> for LifeEventInfo {
    fn from(e: host::LifeEventInfo) -> Self {
        LifeEventInfo { id: e.id, title: e.title, description: e.description }
    }
}

/// A procedure as a portal lists it.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ProcedureInfo {
    pub id: String,
    pub title: String,
    /// It can be done online to the end now.
    pub online_now: bool,
}

impl From<host::ProcedureInfo> for ProcedureInfo {
    fn from(p: host::ProcedureInfo) -> Self {
        ProcedureInfo { id: p.id, title: p.title, online_now: p.online_now }
    }
}

/// A one-press fix: `set_answer(field, value)`.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct MachineFix {
    /// What the button says.
    pub label: String,
    /// The value to set, as JSON text.
    pub value: String,
}

/// A problem of one answer: what is wrong (naming the field) and what to do.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Issue {
    /// The key (or path, `members[0].name`) of the answer.
    pub field: String,
    /// Stable code (`postal_code.format`, `rule.late`).
    pub code: String,
    /// `error` or `warning`.
    pub severity: String,
    pub message: String,
    pub fix: String,
    pub machine_fix: Option<MachineFix>,
    pub params: HashMap<String, String>,
}

impl From<validate::Issue> for Issue {
    fn from(i: validate::Issue) -> Self {
        Issue {
            field: i.field,
            code: i.code,
            severity: name_of(&i.severity),
            message: i.message,
            fix: i.fix,
            // The fix's value is the text to put in the answer; it crosses as JSON text like
            // every value.
            machine_fix: i.machine_fix.map(|f| MachineFix { label: f.label, value: json_text(&f.value) }),
            params: i.params.into_iter().collect(),
        }
    }
}

pub(crate) fn issues(list: Vec<validate::Issue>) -> Vec<Issue> {
    list.into_iter().map(Issue::from).collect()
}

/// One procedure's form checked on its own.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Validation {
    pub issues: Vec<Issue>,
    /// The normalised answers, a JSON object in form order.
    pub normalized: String,
    /// The fields relevant now.
    pub relevant: Vec<String>,
}

impl From<validate::Validation> for Validation {
    fn from(v: validate::Validation) -> Self {
        Validation { issues: issues(v.issues), normalized: json_text(&v.normalized), relevant: v.relevant }
    }
}

/// One value of a field type, tried.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ValueCheck {
    pub valid: bool,
    /// The normalised value as JSON text, when it could be read.
    pub normalized: Option<String>,
    pub issues: Vec<Issue>,
}

impl From<validate::ValueCheck> for ValueCheck {
    fn from(v: validate::ValueCheck) -> Self {
        ValueCheck { valid: v.valid, normalized: v.normalized.as_ref().map(json_text), issues: issues(v.issues) }
    }
}

/// One choice of a question.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct QuestionOption {
    /// The value submitted.
    pub value: String,
    /// What the resident sees.
    pub label: String,
}

/// A question as a renderer needs it, in one language.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Question {
    pub key: String,
    pub concept: Option<String>,
    pub label: String,
    pub hint: Option<String>,
    /// The field type's name (`postal_code`).
    pub r#type: String,
    pub optional: bool,
    pub options: Vec<QuestionOption>,
    pub autocomplete: Option<String>,
    pub input_mode: Option<String>,
    pub max_length: Option<u32>,
    /// An address's parts, a repeating group's fields.
    pub parts: Vec<Question>,
    pub min_items: Option<u32>,
    pub max_items: Option<u32>,
    /// Index into the session's pages.
    pub page: u32,
    pub asked_by: Vec<String>,
    /// My Number: never logged, shown masked, no autofill.
    pub sensitive: bool,
}

impl From<host::QuestionView> for Question {
    fn from(q: host::QuestionView) -> Self {
        Question {
            key: q.key,
            concept: q.concept,
            label: q.label,
            hint: q.hint,
            r#type: q.type_name,
            optional: q.optional,
            options: q.options.into_iter().map(|o| QuestionOption { value: o.value, label: o.label }).collect(),
            autocomplete: q.autocomplete,
            input_mode: q.input_mode,
            max_length: q.max_length,
            parts: q.parts.into_iter().map(Question::from).collect(),
            min_items: q.min_items,
            max_items: q.max_items,
            page: u32::try_from(q.page).unwrap_or(u32::MAX),
            asked_by: q.asked_by,
            sensitive: q.sensitive,
        }
    }
}

/// A page of the journey in one language.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Page {
    /// `procedure/page`.
    pub id: String,
    pub title: String,
    /// The keys of the questions to show now, in order.
    pub questions: Vec<String>,
}

impl From<host::PageView> for Page {
    fn from(p: host::PageView) -> Self {
        Page { id: p.id, title: p.title, questions: p.questions }
    }
}

/// Where an answer came from: `typed`, `screening` (with the event), `profile` (with how
/// the profile knows it), `event` (implied by the life event, with the event), `town` (the
/// town's own prefecture and name) or `carried` (people entered once, with the key of the
/// group they came from in `provenance`).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct AnswerSource {
    pub kind: String,
    pub event: Option<String>,
    pub provenance: Option<String>,
}

impl From<session::AnswerSource> for AnswerSource {
    fn from(s: session::AnswerSource) -> Self {
        match s {
            session::AnswerSource::Typed => AnswerSource { kind: "typed".into(), event: None, provenance: None },
            session::AnswerSource::Screening { event } => {
                AnswerSource { kind: "screening".into(), event: Some(event), provenance: None }
            }
            session::AnswerSource::Profile { provenance } => {
                AnswerSource { kind: "profile".into(), event: None, provenance: Some(provenance) }
            }
            session::AnswerSource::Event { event } => {
                AnswerSource { kind: "event".into(), event: Some(event), provenance: None }
            }
            session::AnswerSource::Town => AnswerSource { kind: "town".into(), event: None, provenance: None },
            session::AnswerSource::Carried { from } => {
                AnswerSource { kind: "carried".into(), event: None, provenance: Some(from) }
            }
        }
    }
}

/// A row of check-your-answers.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct SummaryRow {
    pub key: String,
    pub label: String,
    /// The answer as JSON text.
    pub answer: String,
    /// The answer as the resident reads it (choice labels, はい/いいえ; a My Number masked).
    pub text: String,
    pub source: AnswerSource,
    /// The page's id, to go back and change it.
    pub page: String,
    pub used_by: Vec<String>,
}

impl From<session::SummaryRow> for SummaryRow {
    fn from(r: session::SummaryRow) -> Self {
        SummaryRow {
            key: r.key,
            label: r.label,
            answer: json_text(&r.answer),
            text: r.text,
            source: r.source.into(),
            page: r.page,
            used_by: r.used_by,
        }
    }
}

/// What is submitted for one procedure.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Submission {
    pub procedure: String,
    pub version: String,
    pub catalog_hash: String,
    pub submitted_at: String,
    /// The normalised answers by field id, a JSON object in form order.
    pub answers: String,
    /// The host steps fulfilled before it was sent (its signature, its payment).
    pub steps: Vec<StepReceipt>,
}

impl From<session::Submission> for Submission {
    fn from(s: session::Submission) -> Self {
        Submission {
            procedure: s.procedure,
            version: s.version,
            catalog_hash: s.catalog_hash,
            submitted_at: s.submitted_at,
            answers: json_text(&s.answers),
            steps: s.steps.into_iter().map(|r| StepReceipt { kind: r.kind, reference: r.reference }).collect(),
        }
    }
}

/// A host step fulfilled for a submission before it was sent: `sign` or `pay`, with the
/// host's reference.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct StepReceipt {
    pub kind: String,
    pub reference: String,
}

/// A time a booking system offers for a visit: `start` is local time, `YYYY-MM-DDTHH:MM`.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Slot {
    pub id: String,
    pub start: String,
    pub minutes: u32,
    pub place: String,
}

impl From<journey::Slot> for Slot {
    fn from(s: journey::Slot) -> Self {
        Slot { id: s.id, start: s.start, minutes: s.minutes, place: s.place }
    }
}

impl From<Slot> for journey::Slot {
    fn from(s: Slot) -> Self {
        journey::Slot { id: s.id, start: s.start, minutes: s.minutes, place: s.place }
    }
}

/// What the journey asks the host at a step (`sign`, `pay`, `book`, `issue`): exactly what is
/// needed, never an answer the resident typed. Answer it with `fulfil_step`, `fail_step` or,
/// for a booking without `slot`, `offer_slots`, naming `id`, within `timeout_seconds`.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct StepRequest {
    pub id: String,
    pub kind: String,
    pub procedures: Vec<String>,
    /// `sign`: the SHA-256 digest (hex) of the submissions, which the card signs.
    pub digest: Option<String>,
    /// `pay`: the amount in yen.
    pub amount: Option<u32>,
    /// `issue`: the submissions' references.
    pub references: Vec<String>,
    /// `book`: the first and last day a visit may be booked.
    pub first_day: Option<String>,
    pub last_day: Option<String>,
    /// `book`: the time chosen, to confirm (none: offer times).
    pub slot: Option<Slot>,
    pub timeout_seconds: u32,
}

impl From<journey::StepRequest> for StepRequest {
    fn from(r: journey::StepRequest) -> Self {
        StepRequest {
            id: r.id,
            kind: r.kind,
            procedures: r.procedures,
            digest: r.digest,
            amount: r.amount,
            references: r.references,
            first_day: r.first_day,
            last_day: r.last_day,
            slot: r.slot.map(Slot::from),
            timeout_seconds: r.timeout_seconds,
        }
    }
}

pub(crate) fn submissions(list: Vec<session::Submission>) -> Vec<Submission> {
    list.into_iter().map(Submission::from).collect()
}

/// A screening question of a life event.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ScreeningQuestion {
    pub id: String,
    pub concept: Option<String>,
    pub label: String,
    pub answered: bool,
}

/// When a procedure is due.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Due {
    /// The last day, `YYYY-MM-DD`.
    pub date: String,
    /// The last day before roll-over, when the period ended on a closing day.
    pub rolled_over_from: Option<String>,
    /// The rule's variant (e.g. born abroad) set the period.
    pub variant: bool,
}

/// Whom to ask.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Contact {
    pub department: String,
    pub phone: Option<String>,
    pub hours: Option<String>,
    pub location: Option<String>,
}

/// A procedure of a life event's checklist.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ChecklistItem {
    pub procedure: String,
    pub title: String,
    pub reason: String,
    pub due: Option<Due>,
    pub consequence: Option<String>,
    /// Its due date is before today.
    pub overdue: bool,
    /// Days from today to the due date (negative once it has passed).
    pub days_left: Option<i64>,
    /// When overdue: what to do now, in the chosen language.
    pub late: Option<String>,
    /// `online`, `counter`, `post`.
    pub channels: Vec<String>,
    pub online_now: bool,
    /// Finished at the counter, prepared online now: the journey gives a handoff.
    pub prepare_online: bool,
    /// `none`, `my_number_card_signature`, `my_number_card_login`, `id_document`.
    pub identity: String,
    pub documents: Vec<String>,
    /// In yen.
    pub fee: Option<u32>,
    pub contact: Option<Contact>,
}

impl From<navigate::ChecklistItem> for ChecklistItem {
    fn from(i: navigate::ChecklistItem) -> Self {
        ChecklistItem {
            procedure: i.procedure,
            title: i.title,
            reason: i.reason,
            due: i.due.map(|d| Due {
                date: d.date.to_string(),
                rolled_over_from: d.rolled_over_from.map(|x| x.to_string()),
                variant: d.variant,
            }),
            consequence: i.consequence,
            overdue: i.overdue,
            days_left: i.days_left,
            late: i.late,
            channels: i.channels.iter().map(name_of).collect(),
            online_now: i.online_now,
            prepare_online: i.prepare_online,
            identity: name_of(&i.identity),
            documents: i.documents,
            fee: i.fee,
            contact: i.contact.map(|c| Contact {
                department: c.department,
                phone: c.phone,
                hours: c.hours,
                location: c.location,
            }),
        }
    }
}

/// The navigator's answer for a life event.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Checklist {
    pub event: String,
    pub questions: Vec<ScreeningQuestion>,
    pub issues: Vec<Issue>,
    /// Ordered by due date.
    pub procedures: Vec<ChecklistItem>,
    pub town_actions: Vec<ChecklistItem>,
}

impl From<navigate::Checklist> for Checklist {
    fn from(c: navigate::Checklist) -> Self {
        Checklist {
            event: c.event,
            questions: c
                .questions
                .into_iter()
                .map(|q| ScreeningQuestion { id: q.id, concept: q.concept, label: q.label, answered: q.answered })
                .collect(),
            issues: issues(c.issues),
            procedures: c.procedures.into_iter().map(ChecklistItem::from).collect(),
            town_actions: c.town_actions.into_iter().map(ChecklistItem::from).collect(),
        }
    }
}

/// A procedure whose definition changed since a draft.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ProcedureChange {
    pub procedure: String,
    pub from: String,
    pub to: String,
}

/// What restoring a draft found.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct RestoreReport {
    pub same_catalog: bool,
    pub truncated: bool,
    pub changed: Vec<ProcedureChange>,
    pub gone: Vec<String>,
    pub recheck: Vec<String>,
    pub kept: Vec<String>,
    pub missing_procedures: Vec<String>,
    /// Field-level changes of the draft's procedures since the draft: only when the catalogue
    /// it was made with was given (`Catalog::restore_draft`'s `previous`); empty otherwise.
    pub fields: Vec<FieldChange>,
}

impl From<host::ReportView> for RestoreReport {
    fn from(v: host::ReportView) -> Self {
        RestoreReport {
            same_catalog: v.same_catalog,
            truncated: v.truncated,
            changed: v
                .changed
                .into_iter()
                .map(|c| ProcedureChange { procedure: c.procedure, from: c.from, to: c.to })
                .collect(),
            gone: v.gone,
            recheck: v.recheck,
            kept: v.kept,
            missing_procedures: v.missing_procedures,
            fields: v.fields.into_iter().map(FieldChange::from).collect(),
        }
    }
}

/// One field-level change between two catalogues (mirrors `tetsuzuki::diff::Change`).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct FieldChange {
    /// `added`, `removed` or `changed`.
    pub kind: String,
    /// What it is about: `version`, `text`, `field`, `required`, `constraint`, `rule`, …
    pub aspect: String,
    /// The procedure it is in (none for catalogue-wide changes).
    pub procedure: Option<String>,
    /// Where, inside the procedure: `fields.family_name.label.en`, `fields.account_type.options.2`.
    pub path: String,
    /// The value before, as JSON text (none when added).
    pub old: Option<String>,
    /// The value after, as JSON text (none when removed).
    pub new: Option<String>,
}

impl From<diff::Change> for FieldChange {
    fn from(c: diff::Change) -> Self {
        FieldChange {
            kind: name_of(&c.kind),
            aspect: name_of(&c.aspect),
            procedure: c.procedure,
            path: c.path,
            old: c.old.as_ref().map(json_text),
            new: c.new.as_ref().map(json_text),
        }
    }
}

/// A session restored from a draft, and what changed.
#[derive(uniffi::Record)]
pub struct Restored {
    pub session: Arc<crate::Session>,
    pub report: RestoreReport,
}

/// A fact of the profile valid on a day.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Fact {
    pub concept: String,
    /// The value as JSON text.
    pub value: String,
    /// Specific personal information (a My Number): show it masked, never log it.
    pub sensitive: bool,
    /// `my_number_card`, `typed`, …
    pub source: String,
    pub since: Option<String>,
}

impl From<host::FactView> for Fact {
    fn from(f: host::FactView) -> Self {
        Fact {
            concept: f.concept,
            value: json_text(&f.value),
            sensitive: f.sensitive,
            source: f.source,
            since: f.since,
        }
    }
}

/// A profile read as far as it could be, and what was dropped.
#[derive(uniffi::Record)]
pub struct RecoveredProfile {
    pub profile: Arc<crate::Profile>,
    pub dropped: Vec<String>,
}
