//! What every host target speaks: the one vocabulary of `docs/HOST-API.md`, shared by the web
//! widget (`wasm/`) and the native bindings (`bindings/`), so that no adapter decides anything.
//!
//! - [`HostError`]: every error of the SDK as a stable code and a message (no personal data);
//! - parsers for what hosts hand in as text (dates, languages, JSON values);
//! - language-resolved views of the catalogue and of a session's questions: everything a
//!   renderer needs (label, hint, optional, choices, autocomplete token, input mode, parts);
//! - the interface's own words (buttons, headings) from the one message catalogue.

use serde::Serialize;
use serde_json::{Map, Value as Json};

use crate::catalog::{Catalog, CatalogError};
use crate::date::Date;
use crate::deadline::working_days_after;
use crate::draft::{DraftError, RestoreReport};
use crate::holidays::Calendar;
use crate::journey::JourneyError;
use crate::model::{AfterSubmit, Channel, Field, FieldType, Lang, Requirement, ResultDelivery, Sensitivity};
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
    FieldType::ALL.into_iter().find(|t| t.name() == name).ok_or_else(|| {
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

/// A life event as a portal lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LifeEventInfo {
    /// Its id (`moving-in`).
    pub id: String,
    /// Its title.
    pub title: String,
    /// What it covers, when the catalogue says.
    pub description: Option<String>,
}

/// A procedure as a portal lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ProcedureInfo {
    /// Its id (`tennyu`).
    pub id: String,
    /// Its title.
    pub title: String,
    /// It can be done online to the end now.
    pub online_now: bool,
}

/// The catalogue's life events in `lang`.
pub fn life_events(catalog: &Catalog, lang: Lang) -> Vec<LifeEventInfo> {
    catalog
        .life_events
        .iter()
        .map(|e| LifeEventInfo {
            id: e.id.clone(),
            title: e.title.get(lang).to_string(),
            description: e.summary.as_ref().map(|s| s.get(lang).to_string()),
        })
        .collect()
}

/// The catalogue's procedures in `lang`.
pub fn procedures(catalog: &Catalog, lang: Lang) -> Vec<ProcedureInfo> {
    catalog
        .procedures
        .iter()
        .map(|p| ProcedureInfo {
            id: p.id.clone(),
            title: p.title.get(lang).to_string(),
            online_now: p.online_completion && p.channels.contains(&Channel::Online),
        })
        .collect()
}

/// What the town does after a procedure is submitted, and by when: the "what happens next" of
/// a confirmation page, in one language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AfterSubmitView {
    /// What the town does (保険証（資格確認書）を約1週間で郵送します).
    pub text: String,
    /// The working days the town takes, when it states them (`0`: the same day).
    pub within_days: Option<u32>,
    /// How the result reaches the resident: `post`, `online`, `counter` or `none`.
    pub result: Option<ResultDelivery>,
    /// The day the town expects to be done: `within_days` working days of the town office
    /// counted after the submission (from the next working day when it was sent on a closing
    /// day); none when the town states no time.
    pub by: Option<Date>,
}

/// What happens after `procedure` is submitted on `submitted_on`, in `lang`, as the town's
/// catalogue says (its own processing time when it states one); `None` when the catalogue
/// has no such procedure or says nothing.
pub fn after_submit(catalog: &Catalog, procedure: &str, submitted_on: Date, lang: Lang) -> Option<AfterSubmitView> {
    let after = catalog.procedure(procedure)?.after_submit.as_ref()?;
    let by = after
        .within_days
        .filter(|&days| days <= AfterSubmit::MAX_WITHIN_DAYS)
        .and_then(|days| working_days_after(submitted_on, days, &mut Calendar::new()));
    Some(AfterSubmitView {
        text: after.text.get(lang).to_string(),
        within_days: after.within_days,
        result: after.result,
        by,
    })
}

/// One choice of a question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OptionView {
    /// The value submitted.
    pub value: String,
    /// What the resident sees.
    pub label: String,
}

/// A question as a renderer needs it, in one language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct QuestionView {
    /// The key answers are given by (a concept id, or `procedure.field`); for a part, the
    /// part's name inside the answer object.
    pub key: String,
    /// The concept, when the question is shared.
    pub concept: Option<String>,
    /// The question.
    pub label: String,
    /// Help under the label.
    pub hint: Option<String>,
    /// The field type's name (`postal_code`).
    #[serde(rename = "type")]
    pub type_name: String,
    /// The resident may leave it empty: say (任意) / (optional).
    pub optional: bool,
    /// The choices (choice, multi-choice, code lists).
    pub options: Vec<OptionView>,
    /// The HTML `autocomplete` token for personal data, when one fits.
    pub autocomplete: Option<String>,
    /// The HTML `inputmode` (numeric, tel, email), when one helps.
    pub input_mode: Option<String>,
    /// The longest answer.
    pub max_length: Option<u32>,
    /// Inner questions: an address's parts, a repeating group's fields.
    pub parts: Vec<QuestionView>,
    /// A repeating group's fewest and most items.
    pub min_items: Option<u32>,
    /// See `min_items`.
    pub max_items: Option<u32>,
    /// The journey page it is on (index into the session's pages).
    pub page: usize,
    /// The procedures that ask it.
    pub asked_by: Vec<String>,
    /// Specific personal information (My Number): never logged, shown masked, no autofill.
    pub sensitive: bool,
}

/// The parts of an address answer, in order, with their autocomplete tokens.
pub const ADDRESS_PARTS: [(&str, &str); 6] = [
    ("postal_code", "postal-code"),
    ("prefecture", "address-level1"),
    ("city", "address-level2"),
    ("town", "address-line1"),
    ("block", "address-line2"),
    ("building", "address-line3"),
];

fn input_mode(ty: FieldType) -> Option<&'static str> {
    match ty {
        FieldType::PostalCode
        | FieldType::MyNumber
        | FieldType::CorporateNumber
        | FieldType::LocalGovernmentCode
        | FieldType::BankCode
        | FieldType::BranchCode
        | FieldType::AccountNumber
        | FieldType::Integer
        | FieldType::Money => Some("numeric"),
        FieldType::Decimal => Some("decimal"),
        FieldType::Phone => Some("tel"),
        FieldType::Email => Some("email"),
        _ => None,
    }
}

/// The autocomplete token a field's type or concept implies when its definition names none.
fn implied_autocomplete(field: &Field, ty: FieldType) -> Option<&'static str> {
    match ty {
        FieldType::Phone => return Some("tel"),
        FieldType::Email => return Some("email"),
        FieldType::MyNumber => return Some("off"),
        _ => {}
    }
    let concept = field.concept.as_deref()?;
    match concept.rsplit('.').next()? {
        "family_name" => Some("family-name"),
        "given_name" => Some("given-name"),
        "birth_date" => Some("bday"),
        _ => None,
    }
}

fn view(catalog: &Catalog, field: &Field, key: String, lang: Lang) -> QuestionView {
    let ty = field.resolved_type();
    let concept = field.concept.as_ref().and_then(|c| catalog.concepts.iter().find(|k| &k.id == c));
    let sensitive =
        ty == FieldType::MyNumber || concept.is_some_and(|c| c.sensitivity == Sensitivity::SpecificPersonal);
    let code_list = field.code_list.as_ref().or(concept.and_then(|c| c.code_list.as_ref()));
    let mut options: Vec<OptionView> = field
        .options
        .iter()
        .map(|o| OptionView { value: o.value.clone(), label: o.label.get(lang).to_string() })
        .collect();
    if options.is_empty()
        && let Some(list) = code_list.and_then(|id| catalog.code_lists.iter().find(|l| &l.id == id))
    {
        options = list
            .codes
            .iter()
            .map(|c| OptionView { value: c.code.clone(), label: c.label.get(lang).to_string() })
            .collect();
    }
    let parts = match ty {
        FieldType::Address => ADDRESS_PARTS
            .iter()
            .map(|(part, token)| {
                let label = ui_text(lang, &format!("ui-address-{part}"));
                let mut sub = Field::new(*part, FieldType::Text, crate::model::Text::default());
                sub.required = Requirement::Fixed(!matches!(*part, "postal_code" | "building"));
                let mut v = view(catalog, &sub, part.to_string(), lang);
                v.label = label;
                v.autocomplete = Some(token.to_string());
                if *part == "postal_code" {
                    v.input_mode = Some("numeric".into());
                    v.max_length = Some(8);
                }
                v
            })
            .collect(),
        FieldType::Group => field.fields.iter().map(|f| view(catalog, f, f.id.clone(), lang)).collect(),
        _ => Vec::new(),
    };
    QuestionView {
        key,
        concept: field.concept.clone(),
        label: field.label.as_ref().map_or("", |t| t.get(lang)).to_string(),
        hint: field.hint.as_ref().map(|t| t.get(lang).to_string()).filter(|h| !h.is_empty()),
        type_name: ty.name().to_string(),
        optional: field.required == Requirement::Fixed(false),
        options,
        autocomplete: if sensitive {
            Some("off".into())
        } else {
            field.autocomplete.clone().or_else(|| implied_autocomplete(field, ty).map(str::to_string))
        },
        input_mode: input_mode(ty).map(str::to_string),
        max_length: field.max_length,
        parts,
        min_items: field.min_items,
        max_items: field.max_items,
        page: 0,
        asked_by: Vec::new(),
        sensitive,
    }
}

/// Every question of a session, once, as a renderer needs it in `lang`.
pub fn questions(session: &Session, lang: Lang) -> Vec<QuestionView> {
    session
        .questions()
        .iter()
        .filter_map(|q| {
            let field = session.field(&q.key)?;
            let mut v = view(session.catalog(), field, q.key.clone(), lang);
            v.page = q.page;
            v.asked_by = q.asked_by.clone();
            // The first procedure's label, as the session decided.
            v.label = q.label.get(lang).to_string();
            offered_by_all(session, &q.asked_by, &q.key, &mut v.options);
            Some(v)
        })
        .collect()
}

/// Keeps the options every procedure asking a question accepts: the answer must suit each
/// (one town keeps fewer codes for its water bills than the shared list its allowance takes).
fn offered_by_all(session: &Session, asked_by: &[String], key: &str, options: &mut Vec<OptionView>) {
    for id in asked_by.iter().skip(1) {
        let Some(p) = session.catalog().procedure(id) else { continue };
        // A question several procedures ask is a concept's.
        let Some(f) = p.form.fields().find(|f| f.concept.as_deref() == Some(key)) else { continue };
        if !f.options.is_empty() {
            options.retain(|o| f.options.iter().any(|kept| kept.value == o.value));
        }
    }
}

/// A life event's screening questions as a renderer needs them, in `lang` (the navigator's
/// `questions` say which to ask now).
pub fn screening_questions(catalog: &Catalog, event: &str, lang: Lang) -> Result<Vec<QuestionView>, HostError> {
    let e = catalog.life_event(event).ok_or_else(|| {
        HostError::new("unknown-event", format!("the catalogue has no life event `{}`", shorten(event)))
    })?;
    Ok(e.questions.iter().map(|q| view(catalog, q, q.id.clone(), lang)).collect())
}

/// One question of a session as a renderer needs it in `lang` (see [`questions`]).
pub fn question(session: &Session, key: &str, lang: Lang) -> Option<QuestionView> {
    let q = session.question(key)?;
    let field = session.field(key)?;
    let mut v = view(session.catalog(), field, q.key.clone(), lang);
    v.page = q.page;
    v.asked_by = q.asked_by.clone();
    v.label = q.label.get(lang).to_string();
    offered_by_all(session, &q.asked_by, key, &mut v.options);
    Some(v)
}

/// A procedure's deadline in words, for when its date is not known yet: the period counted
/// from the anchor, named by its field's or concept's label (「引っ越した日から14日以内」).
pub fn deadline_text(catalog: &Catalog, procedure: &str, lang: Lang) -> Option<String> {
    let p = catalog.procedure(procedure)?;
    let rule = p.deadline.as_ref()?;
    // The anchor is a field of the procedure, a concept, or the life event's own date.
    let anchor = p
        .form
        .fields()
        .find(|f| f.id == rule.anchor)
        .and_then(|f| f.label.as_ref())
        .map(|t| t.get(lang).to_string())
        .or_else(|| catalog.concepts.iter().find(|c| c.id == rule.anchor).map(|c| c.label.get(lang).to_string()))
        .unwrap_or_else(|| ui_text(lang, "ui-event-day"));
    match (rule.days, rule.months) {
        (Some(days), _) => Some(ui_text_with(lang, "ui-due-days", &[("anchor", anchor), ("days", days.to_string())])),
        (None, Some(months)) => {
            Some(ui_text_with(lang, "ui-due-months", &[("anchor", anchor), ("months", months.to_string())]))
        }
        (None, None) => None,
    }
}

/// A page of the journey in one language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PageView {
    /// `procedure/page`.
    pub id: String,
    /// Its heading.
    pub title: String,
    /// The keys of the questions to show now, in order.
    pub questions: Vec<String>,
}

/// The pages to show now (relevant questions only), in `lang`.
pub fn pages(session: &Session, today: Date, lang: Lang) -> Vec<PageView> {
    session
        .relevant_pages(today)
        .into_iter()
        .map(|p| PageView { id: p.id, title: p.title.get(lang).to_string(), questions: p.questions })
        .collect()
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

/// What a person sees in place of a My Number (specific personal information) that has too
/// few digits to show its last four; a readable one shows as 「●●●● ●●●● 9018」
/// ([`crate::journey::check::format::masked_my_number`]).
pub const MASK: &str = "●●●● ●●●● ●●●●";

/// An answer as a person reads it (the profile, or any answer whose question is not at hand),
/// read by its shape with the check page's formatter ([`crate::journey::check::format`]): a
/// choice's code as its label, true and false as はい and いいえ, a date as
/// 「2026年12月4日（金）」, a name with a space, an address on one line, a file by its name, a
/// group's items one after another; specific personal information (a My Number, and a group
/// item's `my_number`) masked as 「●●●● ●●●● 9018」. With the question at hand, use
/// [`crate::journey::check::format::answer_text`], which also knows its type.
pub fn answer_text(answer: &Json, options: &[OptionView], sensitive: bool, lang: Lang) -> String {
    crate::journey::check::format::untyped_answer_text(answer, options, sensitive, lang)
}

/// A fact of the profile valid on a day.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FactView {
    /// The concept.
    pub concept: String,
    /// The value.
    pub value: Json,
    /// Specific personal information (a My Number): show it masked ([`answer_text`]).
    pub sensitive: bool,
    /// How the profile knows it: `my_number_card`, `typed`, …
    pub source: String,
    /// Since when it holds.
    pub since: Option<String>,
}

/// The profile's facts valid on `today` (what a resident is shown, and can delete).
pub fn facts(profile: &crate::profile::Profile, today: Date) -> Vec<FactView> {
    profile
        .concepts()
        .filter_map(|c| {
            let fact = profile.current(c, today)?;
            Some(FactView {
                concept: c.to_string(),
                value: fact.value.clone(),
                sensitive: crate::profile::is_my_number_concept(c),
                source: fact.source.kind().to_string(),
                since: fact.valid_from.map(|d| d.to_string()),
            })
        })
        .collect()
}

/// The words of the consent to keep the resident's details on the device (the once-only
/// profile), for one session: what a host shows as one or two checkboxes on the
/// check-your-answers page. The consent names what is kept (docs/format.md, the concept's
/// `profile`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ConsentView {
    /// The consent to keep the resident's details ([`crate::profile::Profile::give_consent`]),
    /// naming what is kept (氏名・住所・電話番号など).
    pub text: String,
    /// What it keeps of this session: the labels of its `keep` concepts, in the order asked.
    pub kept: Vec<String>,
    /// The further consent to keep sensitive details too
    /// ([`crate::profile::Profile::give_sensitive_consent`]), naming them: the My Number, bank
    /// accounts, health and care facts.
    pub sensitive_text: String,
    /// What it keeps of this session: the labels of its `sensitive` concepts, in the order
    /// asked. Empty when the session asks none: then show no second box.
    pub sensitive: Vec<String>,
}

/// The consent to keep the resident's details, in `lang`, with what each part would keep of
/// `session` ([`Session::profile_policy`]); `never` concepts (a move's date) appear in neither
/// list, since they are never kept.
pub fn profile_consent(session: &Session, lang: Lang) -> ConsentView {
    let mut kept: Vec<String> = Vec::new();
    let mut sensitive: Vec<String> = Vec::new();
    for q in session.questions() {
        let Some(policy) = session.profile_policy(&q.key) else { continue };
        let list = match policy {
            crate::model::ProfilePolicy::Keep => &mut kept,
            crate::model::ProfilePolicy::Sensitive => &mut sensitive,
            crate::model::ProfilePolicy::Never => continue,
        };
        let concept = q.concept.as_deref().and_then(|c| session.catalog().concepts.iter().find(|k| k.id == c));
        let label = concept.map_or(&q.label, |c| &c.label).get(lang).to_string();
        if !label.is_empty() && !list.contains(&label) {
            list.push(label);
        }
    }
    ConsentView {
        text: ui_text(lang, "ui-profile-consent"),
        kept,
        sensitive_text: ui_text(lang, "ui-profile-consent-sensitive"),
        sensitive,
    }
}

pub use crate::words::{ui_text, ui_text_with};

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
        assert_eq!(parse_value("not json").unwrap_err().code, "bad-value");
        assert_eq!(parse_answers("[1]").unwrap_err().code, "bad-value");
        assert_eq!(parse_type("postal_code").unwrap(), FieldType::PostalCode);
        assert_eq!(parse_type("postcode").unwrap_err().code, "unknown-type");
        let long = "x".repeat(500);
        assert!(parse_lang(&long).unwrap_err().message.len() < 200, "host text is quoted short");
    }
}
