//! The check-your-answers page (JOURNEY.md §6): a summary list per procedure and per person,
//! every answer in the words the resident chose, with a Change link per answer.
//!
//! [`check_page`] builds it from a session as plain data every target draws: one section per
//! procedure (in session order) with the relevant questions that procedure asks first, then
//! one section per item (person) of each of its repeating groups. Answers are read by
//! [`format`](mod@format), the one formatter the session's summary and
//! [`crate::host::answer_text`] share: codes as labels, dates as residents read them, every
//! My Number masked (●●●● ●●●● 9018), 「未入力」 / "Not provided" for questions left empty.
//! Hidden questions are never shown.

pub use crate::views::format;

use std::collections::{HashMap, HashSet};

use serde::Serialize;
use serde_json::{Map, Value as Json};

use crate::date::Date;
use crate::model::{FieldType, Lang};
use crate::session::{AnswerSource, JourneyQuestion, Session, SummaryRow};
use crate::views::QuestionView;
use crate::words::{ui_text, ui_text_with};

/// The check-your-answers page, in one language (empty by default: no session yet).
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct CheckPage {
    /// Per procedure, then per person of its repeating groups, in session order.
    pub sections: Vec<CheckSection>,
    /// The submit button's words, naming the action (「転入届を送る」,
    /// 「2件の手続きをまとめて送る」).
    pub submit_label: String,
}

/// One summary list of the page: a procedure's own answers, or one person's.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CheckSection {
    /// The procedure's id (`tennyu`); a person's section names the procedure whose group
    /// holds them.
    pub procedure: String,
    /// Its heading: the procedure's title, or the person's (「一緒に引っ越した人（1人目）」).
    pub title: String,
    /// The person (an item of a repeating group) the section is about; `None` for a
    /// procedure's own answers.
    pub person: Option<CheckPerson>,
    /// Its answers, in the order they are asked.
    pub rows: Vec<CheckRow>,
}

/// The person a section is about: one item of a repeating group (a household member).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CheckPerson {
    /// The group's question key (`tennyu.members`).
    pub group: String,
    /// The item's place in the group's answer, from 0 (as answer paths count:
    /// `tennyu.members[0].name`).
    pub index: usize,
    /// The item's number as residents count it, from 1 (「1人目」).
    pub number: usize,
    /// The person's name as given in the item, when the group asks one.
    pub name: Option<String>,
}

/// One answer of the page, with its Change link.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CheckRow {
    /// The question's key, as the session keys answers (`person.birth_date`,
    /// `tennyu.members` for an answer inside a group).
    pub key: String,
    /// Where the answer is: the key, or inside a group `tennyu.members[0].name` (the path
    /// issues name, so a renderer can match them).
    pub path: String,
    /// The question, in the page's language.
    pub label: String,
    /// The answer as the resident reads it, or 「未入力」 / "Not provided".
    pub text: String,
    /// Nothing was given (`text` says so).
    pub missing: bool,
    /// Where the answer came from.
    pub source: AnswerSource,
    /// The journey page that changes it (`tennyu/household`).
    pub page: String,
    /// The procedures it is submitted to.
    pub used_by: Vec<String>,
    /// The Change link's visually hidden context (「一緒に引っ越した人（1人目）の氏名」).
    pub change: String,
}

/// The check-your-answers page of `session` on `today` in `lang`: every relevant question,
/// once, in the section of the first procedure that asks it; each item of a repeating group
/// in a section of its own.
pub fn check_page(session: &Session, today: Date, lang: Lang) -> CheckPage {
    let summary = session.summary(today, lang);
    let answered: HashMap<&str, &SummaryRow> = summary.iter().map(|r| (r.key.as_str(), r)).collect();
    let relevant: HashSet<String> = session.relevant(today).into_iter().collect();
    let procedures = session.procedures();
    let mut sections = Vec::new();
    for id in &procedures {
        let title = session.catalog().procedure(id).map_or_else(String::new, |p| p.title.get(lang).to_string());
        let mut own = CheckSection { procedure: id.to_string(), title, person: None, rows: Vec::new() };
        let mut people = Vec::new();
        let first_asked_here = |q: &&JourneyQuestion| q.asked_by.first().map(String::as_str) == Some(*id);
        for q in session.questions().iter().filter(first_asked_here).filter(|q| relevant.contains(&q.key)) {
            let Some(view) = session.question_view(&q.key, lang) else { continue };
            let row = answered.get(q.key.as_str()).copied();
            let items = row.and_then(|r| r.answer.as_array()).filter(|items| !items.is_empty());
            match (q.field_type, items) {
                (FieldType::Group, Some(items)) => {
                    people.extend(person_sections(session, id, q, &view, items, lang));
                }
                _ => own.rows.push(question_row(session, q, &view, row, lang)),
            }
        }
        sections.push(own);
        sections.extend(people);
    }
    let submit_label = match procedures.as_slice() {
        [one] => {
            let title = session.catalog().procedure(one).map_or("", |p| p.title.get(lang));
            ui_text_with(lang, "ui-submit-one", &[("title", title.to_string())])
        }
        many => ui_text_with(lang, "ui-submit-many", &[("count", many.len().to_string())]),
    };
    CheckPage { sections, submit_label }
}

/// Where a question's answer came from, and the page that asks it.
fn origin(session: &Session, q: &JourneyQuestion) -> (AnswerSource, String) {
    let source = session.source(&q.key).cloned().unwrap_or(AnswerSource::Typed);
    let page = session.pages().get(q.page).map_or_else(String::new, |p| p.id.clone());
    (source, page)
}

/// The row of a question outside groups (or of a group left empty).
fn question_row(
    session: &Session,
    q: &JourneyQuestion,
    view: &QuestionView,
    row: Option<&SummaryRow>,
    lang: Lang,
) -> CheckRow {
    let (source, page) = origin(session, q);
    let text = row.map(|r| r.text.clone()).unwrap_or_default();
    let (text, missing) = given_or_not(text, lang);
    CheckRow {
        key: q.key.clone(),
        path: q.key.clone(),
        label: view.label.clone(),
        text,
        missing,
        source,
        page,
        used_by: q.asked_by.clone(),
        change: view.label.clone(),
    }
}

/// The text, or 「未入力」 / "Not provided" when there is none.
fn given_or_not(text: String, lang: Lang) -> (String, bool) {
    if text.is_empty() { (ui_text(lang, "ui-not-provided"), true) } else { (text, false) }
}

/// One section per item of a repeating group: a row per inner question of the item.
///
/// The session's normalised items hold the inner answers that are shown and read; an inner
/// question without a condition is always shown, so its answer is taken as typed when it
/// could not be read (and 「未入力」 when there is none). An inner question shown only under a
/// condition and absent from the normalised item is hidden (or was left empty, which this
/// page cannot tell from hidden): it is left out, as a hidden question must be.
fn person_sections(
    session: &Session,
    procedure: &str,
    q: &JourneyQuestion,
    view: &QuestionView,
    items: &[Json],
    lang: Lang,
) -> Vec<CheckSection> {
    let (source, page) = origin(session, q);
    let typed = session.answer(&q.key).and_then(Json::as_array);
    let conditional: HashSet<&str> = session
        .field(&q.key)
        .map(|f| f.fields.iter().filter(|f| f.show_if.is_some()).map(|f| f.id.as_str()).collect())
        .unwrap_or_default();
    let empty = Map::new();
    items
        .iter()
        .enumerate()
        .map(|(index, item)| {
            let item = item.as_object().unwrap_or(&empty);
            let typed_item = typed.and_then(|t| t.get(index)).and_then(Json::as_object);
            let title =
                ui_text_with(lang, "ui-group-item", &[("label", view.label.clone()), ("n", (index + 1).to_string())]);
            let mut name = None;
            let mut rows = Vec::new();
            for part in &view.parts {
                let text = match (item.get(&part.key), typed_item.and_then(|t| t.get(&part.key))) {
                    (Some(answer), typed) => format::answer_text(part, answer, typed, lang),
                    (None, _) if conditional.contains(part.key.as_str()) => continue,
                    (None, Some(typed)) => format::answer_text(part, typed, Some(typed), lang),
                    (None, None) => String::new(),
                };
                if name.is_none() && part.type_name == FieldType::PersonName.name() && !text.is_empty() {
                    name = Some(text.clone());
                }
                let (text, missing) = given_or_not(text, lang);
                rows.push(CheckRow {
                    key: q.key.clone(),
                    path: format!("{}[{index}].{}", q.key, part.key),
                    label: part.label.clone(),
                    text,
                    missing,
                    source: source.clone(),
                    page: page.clone(),
                    used_by: q.asked_by.clone(),
                    change: ui_text_with(
                        lang,
                        "ui-change-context",
                        &[("section", title.clone()), ("label", part.label.clone())],
                    ),
                });
            }
            CheckSection {
                procedure: procedure.to_string(),
                title,
                person: Some(CheckPerson { group: q.key.clone(), index, number: index + 1, name }),
                rows,
            }
        })
        .collect()
}
