//! Plain-data views every target draws, in one language: the catalogue's life events and
//! procedures, questions (label, hint, optional, choices, autocomplete token, input mode,
//! parts), pages, what happens after submitting, the profile's facts and the consent's words,
//! and answers as residents read them ([`format`], the one formatter).
//!
//! Runtime, below sessions and the journey: views of a session's own questions are built by
//! the session (`Session::question_view`, `Session::question_views`, `Session::page_views`,
//! `Session::profile_consent`) from the types here; [`crate::host`] re-exports them all.

pub mod format;
pub mod qr;

use serde::Serialize;
use serde_json::Value as Json;

use crate::catalog::Catalog;
use crate::date::Date;
use crate::deadline::working_days_after;
use crate::holidays::Calendar;
use crate::model::{AfterSubmit, Channel, Field, FieldType, Lang, Requirement, ResultDelivery, Sensitivity};
use crate::words::{ui_text, ui_text_with};

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

/// The autocomplete token a field's type or concept implies when its definition names none.
fn implied_autocomplete(field: &Field, ty: FieldType) -> Option<&'static str> {
    if let Some(token) = ty.info().autocomplete {
        return Some(token);
    }
    let concept = field.concept.as_deref()?;
    match concept.rsplit('.').next()? {
        "family_name" => Some("family-name"),
        "given_name" => Some("given-name"),
        "birth_date" => Some("bday"),
        _ => None,
    }
}

/// A field as a renderer needs it, in `lang`, under `key` (a session adds its page, the
/// procedures asking it and the label it chose).
pub(crate) fn view(catalog: &Catalog, field: &Field, key: String, lang: Lang) -> QuestionView {
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
        input_mode: ty.info().input_mode.map(str::to_string),
        max_length: field.max_length,
        parts,
        min_items: field.min_items,
        max_items: field.max_items,
        page: 0,
        asked_by: Vec::new(),
        sensitive,
    }
}

/// A life event's screening questions as a renderer needs them, in `lang` (the navigator's
/// `questions` say which to ask now); `None` when the catalogue has no such event.
pub fn screening_questions(catalog: &Catalog, event: &str, lang: Lang) -> Option<Vec<QuestionView>> {
    let e = catalog.life_event(event)?;
    Some(e.questions.iter().map(|q| view(catalog, q, q.id.clone(), lang)).collect())
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

/// What a person sees in place of a My Number (specific personal information) that has too
/// few digits to show its last four; a readable one shows as 「●●●● ●●●● 9018」
/// ([`format::masked_my_number`]).
pub const MASK: &str = "●●●● ●●●● ●●●●";

/// An answer as a person reads it (the profile, or any answer whose question is not at hand),
/// read by its shape with the check page's formatter ([`format`]): a
/// choice's code as its label, true and false as はい and いいえ, a date as
/// 「2026年12月4日（金）」, a name with a space, an address on one line, a file by its name, a
/// group's items one after another; specific personal information (a My Number, and a group
/// item's `my_number`) masked as 「●●●● ●●●● 9018」. With the question at hand, use
/// [`format::answer_text`], which also knows its type.
pub fn answer_text(answer: &Json, options: &[OptionView], sensitive: bool, lang: Lang) -> String {
    format::untyped_answer_text(answer, options, sensitive, lang)
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
