//! The life-event navigator: 「引っ越してきた」 → a few questions → the procedures that apply,
//! each with the reason, the due date, whether it can be done online now, what to bring and
//! whom to ask; and what the town does by itself.

use std::collections::HashMap;

use serde_json::{Map, Value as Json};

use crate::date::Date;
use crate::deadline::{DueDate, due_date_in};
use crate::expr::eval::{Budget, MapEnv, eval_condition};
use crate::expr::{self, MapScope};
use crate::holidays::Calendar;
use crate::model::catalog::CompiledCatalog;
use crate::model::{Channel, Identity, Lang, LifeEvent, Page, Procedure, ProcedureType, Severity, Text};
use crate::validate::form::{FormPlan, Issue, concept_types};
use crate::words::{plain_date_text, ui_text_with};

/// Why the navigator could not run.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NavigateError {
    /// The catalogue has no life event with this id.
    #[error("the catalogue has no life event `{0}`")]
    UnknownEvent(String),
}

impl NavigateError {
    /// Stable code for hosts and bindings.
    pub fn code(&self) -> &'static str {
        match self {
            NavigateError::UnknownEvent(_) => "unknown-event",
        }
    }
}

/// A screening question to ask now.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Question {
    /// The question's id (answers are given by it).
    pub id: String,
    /// The concept it is bound to (its answer is reused in the forms).
    pub concept: Option<String>,
    /// The question, in the chosen language.
    pub label: String,
    /// Whether it has been answered.
    pub answered: bool,
}

/// The department to ask.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Contact {
    /// The department's name.
    pub department: String,
    /// Its telephone number.
    pub phone: Option<String>,
    /// Its opening hours.
    pub hours: Option<String>,
    /// Where its counter is.
    pub location: Option<String>,
}

/// One procedure of the checklist.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ChecklistItem {
    /// The procedure's id.
    pub procedure: String,
    /// Its name.
    pub title: String,
    /// Why it applies ("because you have children under 18").
    pub reason: String,
    /// The last day to do it, when the law sets a period and its date is known.
    pub due: Option<DueDate>,
    /// What happens when it is late.
    pub consequence: Option<String>,
    /// Whether its due date is before today (a town's own action is never overdue).
    pub overdue: bool,
    /// Days from today to the due date (0 on the last day, negative once it has passed), when
    /// the due date is known.
    pub days_left: Option<i64>,
    /// When overdue: what to do now, in the chosen language (the deadline's date, that it can
    /// still be done, that the town may ask why it is late). What the law attaches to being
    /// late stays in `consequence`.
    pub late: Option<String>,
    /// How it can be done.
    pub channels: Vec<Channel>,
    /// Whether it can be completed online now, with no visit (デジタル完結).
    pub online_now: bool,
    /// Whether it is finished at the counter but prepared online now (its definition's
    /// `visit`): the journey asks its questions and gives a handoff to show there.
    pub prepare_online: bool,
    /// How the resident proves who they are.
    pub identity: Identity,
    /// What to bring or attach (those whose condition holds).
    pub documents: Vec<String>,
    /// The fee in yen, if any.
    pub fee: Option<u32>,
    /// Whom to ask.
    pub contact: Option<Contact>,
}

/// What the navigator says for a life event.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Checklist {
    /// The life event's id.
    pub event: String,
    /// The questions to ask now (only the relevant ones), answered or not.
    pub questions: Vec<Question>,
    /// Problems with the answers given (a wrong date, an unknown choice). An answer with an
    /// error here counts as unanswered: it decides no condition and no due date.
    pub issues: Vec<Issue>,
    /// The procedures the resident does, ordered by due date (undated last).
    pub procedures: Vec<ChecklistItem>,
    /// What the town does by itself: nothing to do but to know it.
    pub town_actions: Vec<ChecklistItem>,
}

/// A condition parsed and resolved once.
type Condition = Option<crate::expr::Expr>;

#[derive(Debug)]
struct EventPlan {
    questions: FormPlan,
    /// The catalogue index of each applicability entry's procedure (looked up once).
    procedures: Vec<Option<usize>>,
    /// Per applicability entry: its `when`, its deadline variant's `when`, and each document's
    /// `when`.
    conditions: Vec<(Condition, Condition, Vec<Condition>)>,
}

/// The life events of a catalogue planned once (conditions parsed and resolved); a
/// [`crate::catalog::Catalog`] keeps them, so navigating plans nothing again.
#[derive(Debug)]
pub struct NavigatorPlans {
    events: HashMap<String, EventPlan>,
}

enum Plans<'c> {
    Owned(NavigatorPlans),
    Shared(&'c NavigatorPlans),
}

/// The navigator of one catalogue: conditions parsed once, then run for every answer.
pub struct Navigator<'c> {
    catalog: &'c CompiledCatalog,
    plans: Plans<'c>,
}

impl<'c> Navigator<'c> {
    /// The catalogue it navigates.
    pub fn catalog(&self) -> &'c CompiledCatalog {
        self.catalog
    }

    /// Plans every life event of `catalog`.
    pub fn new(catalog: &'c CompiledCatalog) -> Navigator<'c> {
        Navigator { catalog, plans: Plans::Owned(NavigatorPlans::new(catalog)) }
    }

    /// A navigator over plans made before (by [`NavigatorPlans::new`] for the same catalogue).
    pub fn with_plans(catalog: &'c CompiledCatalog, plans: &'c NavigatorPlans) -> Navigator<'c> {
        Navigator { catalog, plans: Plans::Shared(plans) }
    }

    fn events(&self) -> &HashMap<String, EventPlan> {
        match &self.plans {
            Plans::Owned(p) => &p.events,
            Plans::Shared(p) => &p.events,
        }
    }
}

impl NavigatorPlans {
    /// Plans every life event of `catalog`.
    pub fn new(catalog: &CompiledCatalog) -> NavigatorPlans {
        let concepts = concept_types(&catalog.concepts);
        let mut events = HashMap::new();
        let by_id: HashMap<&str, (usize, &Procedure)> =
            catalog.procedures.iter().enumerate().map(|(i, p)| (p.id.as_str(), (i, p))).collect();
        for event in &catalog.life_events {
            let mut scope: MapScope = concepts.iter().map(|(id, ty)| (id.clone(), ty.expr_type())).collect();
            for q in &event.questions {
                scope.insert(q.id.clone(), q.resolved_type().expr_type());
            }
            let parse = |src: Option<&str>| -> Condition {
                src.and_then(|s| expr::parse(s).ok()).map(|mut e| {
                    expr::resolve_in_place(&mut e, &scope);
                    e
                })
            };
            let conditions = event
                .procedures
                .iter()
                .map(|a| {
                    let p = by_id.get(a.procedure.as_str()).map(|(_, p)| *p);
                    let variant =
                        p.and_then(|p| p.deadline.as_ref()).and_then(|d| d.variant.as_ref()).map(|v| v.when.as_str());
                    let documents =
                        p.map(|p| p.documents.iter().map(|d| parse(d.when.as_deref())).collect()).unwrap_or_default();
                    (parse(a.when.as_deref()), parse(variant), documents)
                })
                .collect();
            let procedures =
                event.procedures.iter().map(|a| by_id.get(a.procedure.as_str()).map(|(i, _)| *i)).collect();
            events.insert(
                event.id.clone(),
                EventPlan { questions: FormPlan::new(&questions_form(event), &concepts), procedures, conditions },
            );
        }
        NavigatorPlans { events }
    }
}

impl<'c> Navigator<'c> {
    /// The questions and checklist of `event` for the screening answers given so far, on the
    /// date of the event (`event_date`, when known) and `today`, in `lang`.
    pub fn navigate(
        &self,
        event: &str,
        answers: &Map<String, Json>,
        event_date: Option<Date>,
        today: Date,
        lang: Lang,
    ) -> Result<Checklist, NavigateError> {
        let catalog = self.catalog;
        let unknown = || NavigateError::UnknownEvent(event.to_string());
        let life_event = catalog.life_event(event).ok_or_else(unknown)?;
        let plan = self.events().get(event).ok_or_else(unknown)?;
        let (validation, usable) = screen(&plan.questions, answers, today, lang, &catalog.code_lists);
        let questions = life_event
            .questions
            .iter()
            .filter(|q| validation.relevant.contains(&q.id))
            .map(|q| Question {
                id: q.id.clone(),
                concept: q.concept.clone(),
                label: q.label.as_ref().map_or("", |t| t.get(lang)).to_string(),
                answered: answers.get(&q.id).is_some_and(|a| !crate::validate::is_empty(a)),
            })
            .collect();
        // Conditions see each answered question by its id and by its concept.
        let mut env = MapEnv::new(today);
        for (id, concept, value) in plan.questions.typed_answers(&usable, today, &catalog.code_lists) {
            if let Some(c) = concept {
                env = env.with(c, value.clone());
            }
            env = env.with(id, value);
        }
        if let (Some(date), Some(concept)) = (event_date, &life_event.date) {
            env.values.entry(concept.clone()).or_insert(crate::value::Value::Date(date));
        }
        // Without a date from the host, the event's date is its screening answer, when given.
        let event_date = event_date.or_else(|| match life_event.date.as_ref().and_then(|c| env.values.get(c)) {
            Some(crate::value::Value::Date(d)) => Some(*d),
            _ => None,
        });
        let holds = |c: &Condition| -> bool {
            match c {
                None => true,
                // An unanswered name or any evaluation problem: the condition does not hold.
                // Each condition has its own budget.
                Some(e) => eval_condition(e, &env, &mut Budget::default()).unwrap_or(false),
            }
        };
        let departments: HashMap<&str, &crate::model::Department> =
            catalog.town.departments.iter().map(|d| (d.id.as_str(), d)).collect();

        let mut procedures = Vec::new();
        let mut town_actions = Vec::new();
        let mut calendar = Calendar::new();
        let entries = life_event.procedures.iter().zip(&plan.procedures).zip(&plan.conditions);
        for ((applicability, procedure), (when, variant, documents)) in entries {
            let Some(p) = procedure.and_then(|i| catalog.procedures.get(i)) else { continue };
            if !holds(when) {
                continue;
            }
            let variant_applies = variant.is_some() && holds(variant);
            let due = p.deadline.as_ref().and_then(|rule| {
                // The rule's own anchor when it was answered; otherwise the event's date: the
                // procedures of a life event count from the event unless told otherwise.
                let anchor = match env.values.get(&rule.anchor) {
                    Some(crate::value::Value::Date(d)) => Some(*d),
                    _ => event_date,
                }?;
                due_date_in(rule, anchor, variant_applies, &mut calendar)
            });
            let text = |t: &Text| t.get(lang).to_string();
            let authority = p.procedure_type == ProcedureType::Authority;
            let days_left = due.map(|d| today.days_until(d.date));
            let overdue = !authority && days_left.is_some_and(|n| n < 0);
            let late = due
                .filter(|_| overdue)
                .map(|d| ui_text_with(lang, "ui-late", &[("date", plain_date_text(d.date, lang))]));
            let documents =
                p.documents.iter().zip(documents).filter(|(_, c)| holds(c)).map(|(d, _)| text(&d.title)).collect();
            let item = ChecklistItem {
                procedure: p.id.clone(),
                title: text(&p.title),
                reason: text(&applicability.reason),
                due,
                consequence: p.deadline.as_ref().and_then(|d| d.consequence.as_ref()).map(text),
                overdue,
                days_left,
                late,
                channels: p.channels.clone(),
                online_now: p.online_completion && p.channels.contains(&Channel::Online),
                prepare_online: p.visit.is_some() && p.channels.contains(&Channel::Online) && !p.form.is_empty(),
                identity: p.identity,
                documents,
                fee: p.fee.as_ref().map(|f| f.amount),
                contact: departments.get(p.department.as_str()).map(|d| Contact {
                    department: text(&d.name),
                    phone: d.phone.clone(),
                    hours: d.hours.as_ref().map(text),
                    location: d.location.as_ref().map(text),
                }),
            };
            if authority {
                town_actions.push(item);
            } else {
                procedures.push(item);
            }
        }
        // Ordered by due date (overdue ones first, as their dates are earliest); undated last;
        // ties keep the life event's order.
        crate::small::sort_by_key(&mut procedures, |i| {
            i.due.map_or((1, Date::new(9999, 12, 31)), |d| (0, Some(d.date)))
        });
        Ok(Checklist { event: event.to_string(), questions, issues: validation.issues, procedures, town_actions })
    }
}

/// Runs the navigator once (plans the catalogue's life events, then navigates `event`). Hosts
/// that navigate often keep a [`Navigator`].
pub fn navigate(
    catalog: &CompiledCatalog,
    event: &str,
    answers: &Map<String, Json>,
    event_date: Option<Date>,
    today: Date,
    lang: Lang,
) -> Result<Checklist, NavigateError> {
    Navigator::new(catalog).navigate(event, answers, event_date, today, lang)
}

/// Validates the screening answers, leaving out each answer that has an error (a date that
/// does not exist, a birth in the future, an unknown choice): such an answer counts as
/// unanswered, so it decides no condition (nor which questions are asked) and no due date. Its
/// issues are still reported, while its question is asked. Returns the validation of the usable
/// answers (with those issues in form order) and the usable answers.
fn screen(
    form: &FormPlan,
    answers: &Map<String, Json>,
    today: Date,
    lang: Lang,
    code_lists: &[crate::model::CodeList],
) -> (crate::validate::form::Validation, Map<String, Json>) {
    let mut usable = answers.clone();
    let mut validation = form.validate(answers, today, lang, code_lists);
    // The issues of each answer left out, as they were when it was left out.
    let mut left_out: Vec<(String, Vec<Issue>)> = Vec::new();
    // Leaving an answer out can only hide questions or ask new, empty ones, so this ends; the
    // bound is a guard.
    for _ in 0..=answers.len() {
        let wrong: Vec<String> = validation
            .issues
            .iter()
            .filter(|i| i.severity == Severity::Error)
            .map(|i| question_of(&i.field).to_string())
            .filter(|q| usable.get(q).is_some_and(|a| !crate::validate::is_empty(a)))
            .fold(Vec::new(), |mut out, q| {
                if !out.contains(&q) {
                    out.push(q);
                }
                out
            });
        if wrong.is_empty() {
            break;
        }
        for q in wrong {
            let issues = validation.issues.iter().filter(|i| question_of(&i.field) == q).cloned().collect();
            usable.remove(&q);
            left_out.push((q, issues));
        }
        validation = form.validate(&usable, today, lang, code_lists);
    }
    if !left_out.is_empty() {
        // In form order: a question left out says what was wrong with its answer (not that it
        // is unanswered); a question no longer asked says nothing.
        let mut issues = Vec::with_capacity(validation.issues.len());
        let mut rest = std::mem::take(&mut validation.issues);
        for id in &validation.relevant {
            match left_out.iter().find(|(q, _)| q == id) {
                Some((_, own)) => {
                    rest.retain(|i| question_of(&i.field) != id);
                    issues.extend(own.iter().cloned());
                }
                None => {
                    let (mine, others): (Vec<Issue>, Vec<Issue>) =
                        rest.into_iter().partition(|i| question_of(&i.field) == id);
                    issues.extend(mine);
                    rest = others;
                }
            }
        }
        // Issues of no single question (none today: screening forms have no form rules).
        issues.extend(rest);
        validation.issues = issues;
    }
    (validation, usable)
}

/// The question an issue's field path belongs to: `members[1].birth_date` → `members`.
fn question_of(field: &str) -> &str {
    field.split(['[', '.']).next().unwrap_or(field)
}

/// A life event's screening questions as a one-page form (for relevance and validation).
fn questions_form(event: &LifeEvent) -> Procedure {
    let page =
        Page { id: "questions".into(), title: event.title.clone(), show_if: None, fields: event.questions.clone() };
    Procedure::with_form(
        event.id.clone(),
        event.title.clone(),
        crate::model::Form { pages: vec![page], rules: Vec::new() },
    )
}
