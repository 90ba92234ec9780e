//! Running a scenario in one town's catalogue, and comparing what came out with what it
//! expects: each difference a [`Mismatch`] at the expectation's path, with how `--update`
//! would write the current outcome there.

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::{Map, Value as Json};

use super::check::Known;
use super::check::{self, items};
use super::render::{Val, inline_json as inline};
use super::{Problem, Scenario};
use crate::catalog::Catalog;
use crate::diagnostic::{Message, Path, msg};
use crate::journey::{Action, Journey, JourneyOptions, JourneyStart};
use crate::model::{Lang, ProcedureType, Severity};
use crate::session::Session;
use crate::source::{Node, NodeValue};

/// What one run of a scenario gave.
#[derive(Debug, Clone)]
pub struct Run {
    /// The town it ran for.
    pub town: String,
    /// Passed, failed, ignored or invalid.
    pub verdict: Verdict,
    /// What came out (none when it did not run).
    pub outcome: Option<Outcome>,
}

/// How a run ended.
#[derive(Debug, Clone)]
pub enum Verdict {
    /// Every expectation held.
    Passed,
    /// These expectations did not hold.
    Failed(Vec<Mismatch>),
    /// Not run here: the town does not offer the scenario's life event or procedure.
    Ignored(Message),
    /// Not run: the scenario names what does not exist, or an answer is of the wrong type.
    Invalid(Vec<Problem>),
}

/// An expectation that did not hold.
#[derive(Debug, Clone, PartialEq)]
pub struct Mismatch {
    /// The expectation's path in the scenario's document.
    pub path: Path,
    /// Point at the key rather than the value.
    pub at_key: bool,
    /// What is expected of what, in words ("`jido-teate-nintei`'s due date").
    pub what: Message,
    /// What the scenario expects: words, or a value as the scenario writes it.
    pub expected: Message,
    /// What came out.
    pub got: Message,
    /// How `--update` writes the current outcome, when it can.
    pub(crate) fix: Option<Fix>,
}

/// A change to a scenario's document that writes the current outcome.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Fix {
    /// The value at `path` becomes this.
    Set(Json),
    /// The list item or mapping entry at `path` goes.
    Remove,
    /// The item at `path` goes, and this value joins the list at `to` (made when missing);
    /// a list left empty goes too.
    Move { to: Path, value: Val },
}

/// What a scenario's answers gave in one town.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Outcome {
    /// The navigator's checklist, for a life event.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub checklist: Option<ChecklistOutcome>,
    /// The procedure's form, for a procedure.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub form: Option<FormOutcome>,
    /// Each journey step's error code (views are left out of the JSON: they are large).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub journey: Vec<StepOutcome>,
}

/// The checklist as a scenario sees it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChecklistOutcome {
    /// The screening questions asked now.
    pub asked: Vec<String>,
    /// The screening answers' issues.
    pub issues: Vec<IssueOutcome>,
    /// The procedures that apply (the town's own actions too), in the checklist's order.
    pub procedures: Vec<ItemOutcome>,
}

/// One procedure of the checklist.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ItemOutcome {
    /// Its id.
    pub procedure: String,
    /// Its due date, when known.
    pub due: Option<String>,
    /// `online`, `prepared`, `counter` or `town`.
    pub mode: &'static str,
    /// Whether the due date has passed.
    pub overdue: bool,
}

/// One issue, with its message in every language.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IssueOutcome {
    /// The field's path.
    pub field: String,
    /// The code.
    pub code: String,
    /// Error or warning.
    pub severity: Severity,
    /// The message by language tag.
    pub message: BTreeMap<String, String>,
}

/// The form as a scenario sees it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FormOutcome {
    /// Pages shown now (page ids).
    pub pages_shown: Vec<String>,
    /// Pages hidden now.
    pub pages_hidden: Vec<String>,
    /// Questions (field ids) shown now.
    pub questions_shown: Vec<String>,
    /// Questions hidden now.
    pub questions_hidden: Vec<String>,
    /// Every issue of the shown questions.
    pub issues: Vec<IssueOutcome>,
    /// The submission's answers by field id; none while errors remain.
    pub submission: Option<Map<String, Json>>,
}

/// One journey step.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StepOutcome {
    /// The action's error code, if it failed.
    pub error: Option<String>,
    /// The view after it.
    #[serde(skip)]
    pub view: Json,
}

/// Runs `s` in `catalog` (the town `catalog.town.id`); `known` holds the names of every town's
/// catalogue, to tell a name that does not exist from one this town does not offer.
pub fn run(s: &Scenario, catalog: &Catalog, known: &Known) -> Run {
    let town = catalog.town.id.clone();
    let root = Path::root();
    let mut problems = Vec::new();
    let event = match &s.event {
        Some(id) => match catalog.life_event(id) {
            Some(e) => Some(e),
            None if known.events.contains(id) => {
                return ignored(town.clone(), msg!("scenario-ignored-event", town = &town, id = id));
            }
            None => {
                problems.push(Problem::at_value(
                    &root.key("event"),
                    "unknown-event",
                    msg!("scenario-unknown-event", id = id),
                    check::suggestion(id, msg!("scenario-noun-life-events"), known.events.iter().map(String::as_str)),
                ));
                None
            }
        },
        None => None,
    };
    let procedure = match &s.procedure {
        Some(id) => match catalog.procedure(id) {
            Some(p) => Some(p),
            None if known.procedures.contains(id) => {
                return ignored(town.clone(), msg!("scenario-ignored-procedure", town = &town, id = id));
            }
            None => {
                problems.push(Problem::at_value(
                    &root.key("procedure"),
                    "unknown-procedure",
                    msg!("scenario-unknown-procedure", id = id),
                    check::suggestion(
                        id,
                        msg!("scenario-noun-procedures"),
                        known.procedures.iter().map(String::as_str),
                    ),
                ));
                None
            }
        },
        None => None,
    };
    problems.extend(check::names(s, catalog, event, procedure, known));
    if !problems.is_empty() {
        return Run { town, verdict: Verdict::Invalid(problems), outcome: None };
    }
    let outcome = outcome_of(s, catalog);
    let mismatches = compare(s, &outcome);
    let verdict = if mismatches.is_empty() { Verdict::Passed } else { Verdict::Failed(mismatches) };
    Run { town, verdict, outcome: Some(outcome) }
}

fn ignored(town: String, why: Message) -> Run {
    Run { town, verdict: Verdict::Ignored(why), outcome: None }
}

/// The issues of `f(lang)` in every language, read as one list (the same issues in the same
/// order in each language).
fn issues_in(f: impl Fn(Lang) -> Vec<crate::validate::form::Issue>) -> Vec<IssueOutcome> {
    let by_lang: Vec<(Lang, Vec<crate::validate::form::Issue>)> = Lang::ALL.iter().map(|l| (*l, f(*l))).collect();
    let Some((_, first)) = by_lang.first() else { return Vec::new() };
    first
        .iter()
        .enumerate()
        .map(|(i, issue)| IssueOutcome {
            field: issue.field.clone(),
            code: issue.code.clone(),
            severity: issue.severity,
            message: by_lang
                .iter()
                .filter_map(|(l, list)| {
                    list.get(i)
                        .filter(|o| o.field == issue.field && o.code == issue.code)
                        .map(|o| (l.tag().to_string(), o.message.clone()))
                })
                .collect(),
        })
        .collect()
}

/// Runs the navigator, the session and the journey.
fn outcome_of(s: &Scenario, catalog: &Catalog) -> Outcome {
    let navigate =
        |lang| s.event.as_ref().and_then(|e| catalog.navigator().navigate(e, &s.screening, s.date, s.today, lang).ok());
    let checklist = navigate(s.lang);
    let checklist_outcome = checklist.as_ref().map(|c| ChecklistOutcome {
        asked: c.questions.iter().map(|q| q.id.clone()).collect(),
        issues: issues_in(|lang| navigate(lang).map(|c| c.issues).unwrap_or_default()),
        procedures: c
            .procedures
            .iter()
            .chain(&c.town_actions)
            .map(|i| ItemOutcome {
                procedure: i.procedure.clone(),
                due: i.due.map(|d| d.date.to_string()),
                mode: if catalog.procedure(&i.procedure).is_some_and(|p| p.procedure_type == ProcedureType::Authority) {
                    "town"
                } else if i.online_now {
                    "online"
                } else if i.prepare_online {
                    "prepared"
                } else {
                    "counter"
                },
                overdue: i.overdue,
            })
            .collect(),
    });
    let form = s.procedure.as_deref().and_then(|id| form_outcome(s, catalog, id, checklist.as_ref()));
    let journey = journey_outcome(s, catalog);
    Outcome { checklist: checklist_outcome, form, journey }
}

/// Fills the procedure's form in a one-stop session, as the journey would: screening answers
/// (those without an error) and the event's presets reused, the town's own name prefilled,
/// then the answers typed.
fn form_outcome(
    s: &Scenario,
    catalog: &Catalog,
    id: &str,
    checklist: Option<&crate::navigate::Checklist>,
) -> Option<FormOutcome> {
    let procedure = catalog.procedure(id)?;
    let mut session = Session::start(catalog, &[id]).ok()?;
    match &s.event {
        Some(event) => {
            let wrong: Vec<&str> = checklist
                .map(|c| {
                    c.issues
                        .iter()
                        .filter(|i| i.severity == Severity::Error)
                        .map(|i| i.field.split(['[', '.']).next().unwrap_or(&i.field))
                        .collect()
                })
                .unwrap_or_default();
            let valid: Map<String, Json> = s
                .screening
                .iter()
                .filter(|(k, _)| !wrong.contains(&k.as_str()))
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect();
            session.reuse_screening(event, &valid);
        }
        None => {
            session.prefill_town();
        }
    }
    let key_of = |field: &str| -> Option<String> {
        let f = procedure.form.fields().find(|f| f.id == field)?;
        Some(f.concept.clone().unwrap_or_else(|| format!("{id}.{field}")))
    };
    for (field, value) in &s.answers {
        if let Some(key) = key_of(field) {
            // A key the session does not ask cannot be: the names were checked.
            let _ = session.set_answer(&key, value.clone());
        }
    }
    // Question keys back to this procedure's field ids.
    let field_of: BTreeMap<String, String> =
        procedure.form.fields().filter_map(|f| Some((key_of(&f.id)?, f.id.clone()))).collect();
    let refield = |path: &str| -> String {
        let (head, rest) = match path.find(['[', '.']) {
            Some(i) => path.split_at(i),
            None => (path, ""),
        };
        // The longest key that starts the path (a concept key holds dots itself).
        let key = field_of
            .keys()
            .filter(|k| {
                path == k.as_str()
                    || (path.starts_with(k.as_str()) && matches!(path.as_bytes().get(k.len()), Some(b'[' | b'.')))
            })
            .max_by_key(|k| k.len());
        match key {
            Some(k) => format!("{}{}", field_of[k], &path[k.len()..]),
            None => format!("{head}{rest}"),
        }
    };
    let relevant: Vec<String> = session.relevant(s.today);
    let shown_fields: Vec<String> = relevant.iter().filter_map(|k| field_of.get(k).cloned()).collect();
    let shown_pages: Vec<String> = session
        .relevant_pages(s.today)
        .iter()
        .map(|p| p.id.strip_prefix(&format!("{id}/")).unwrap_or(&p.id).to_string())
        .collect();
    let issues = issues_in(|lang| {
        let mut list = session.validate(s.today, lang);
        for i in &mut list {
            i.field = refield(&i.field);
        }
        list
    });
    let submission = session
        .submissions(s.today, &format!("{}T00:00:00+09:00", s.today))
        .ok()
        .and_then(|subs| subs.into_iter().next())
        .map(|sub| sub.answers.to_map());
    Some(FormOutcome {
        pages_hidden: procedure.form.pages.iter().map(|p| p.id.clone()).filter(|p| !shown_pages.contains(p)).collect(),
        pages_shown: shown_pages,
        questions_hidden: procedure.form.fields().map(|f| f.id.clone()).filter(|f| !shown_fields.contains(f)).collect(),
        questions_shown: shown_fields,
        issues,
        submission,
    })
}

/// Runs the journey's steps from its start.
fn journey_outcome(s: &Scenario, catalog: &Catalog) -> Vec<StepOutcome> {
    let Some(script) = s.node.get("journey") else { return Vec::new() };
    let flag = |k: &str| script.get(k).is_some_and(|n| n.value == NodeValue::Bool(true));
    let options = JourneyOptions {
        one_question_per_page: flag("one_question_per_page"),
        counter: flag("counter"),
        ..Default::default()
    };
    let start = match (&s.event, &s.procedure) {
        (Some(e), _) => JourneyStart::Event(e.clone()),
        (None, Some(p)) => JourneyStart::Procedures(vec![p.clone()]),
        (None, None) => JourneyStart::Events,
    };
    let mut journey = match Journey::new(catalog, start, options, s.today, s.lang) {
        Ok(j) => j,
        Err(e) => {
            return items(script.get("steps"))
                .map(|_| StepOutcome { error: Some(e.code().to_string()), view: Json::Null })
                .collect();
        }
    };
    items(script.get("steps"))
        .map(|(_, step)| {
            let mut action = step.to_json();
            if let Some(o) = action.as_object_mut() {
                o.remove("expect");
                o.remove("error");
            }
            let error = Action::from_json(&action).and_then(|a| journey.act(a)).err().map(|e| e.code().to_string());
            let view = serde_json::to_value(journey.view()).unwrap_or(Json::Null);
            StepOutcome { error, view }
        })
        .collect()
}

/// The value at a view path: `errors.0.code`, `warnings.#` (a length).
fn at(view: &Json, path: &str) -> Option<Json> {
    let mut cur = view;
    let segments: Vec<&str> = path.split('.').collect();
    for (n, seg) in segments.iter().enumerate() {
        if *seg == "#" && n + 1 == segments.len() {
            return match cur {
                Json::Array(a) => Some(Json::from(a.len())),
                Json::Object(o) => Some(Json::from(o.len())),
                _ => None,
            };
        }
        cur = match cur {
            Json::Array(a) => a.get(seg.parse::<usize>().ok()?)?,
            Json::Object(o) => o.get(*seg)?,
            _ => return None,
        };
    }
    Some(cur.clone())
}

/// Every expectation of `s` that `outcome` does not meet.
pub(crate) fn compare(s: &Scenario, outcome: &Outcome) -> Vec<Mismatch> {
    let mut out = Vec::new();
    let expect = Path::root().key("expect");
    let node = &s.node;
    let sub = |path: &Path| -> Option<&Node> {
        let (n, found) = node.locate(&path.0);
        found.then_some(n)
    };
    let lang = s.lang.tag();
    if let (Some(c), Some(got)) = (sub(&expect.key("checklist")), &outcome.checklist) {
        checklist(c, &expect.key("checklist"), got, lang, &mut out);
    }
    if let Some(form) = &outcome.form {
        for (section, shown, what) in
            [("pages", &form.pages_shown, Named::Page), ("questions", &form.questions_shown, Named::Question)]
        {
            let path = expect.key(section);
            if let Some(n) = sub(&path) {
                both_ways(n, &path, ("shown", "hidden"), what, |id| shown.iter().any(|s| s == id), &mut out);
            }
        }
        issues(sub(&expect.key("issues")), sub(&expect.key("no_issues")), &expect, &form.issues, lang, &mut out);
        if let Some(n) = sub(&expect.key("submission")) {
            submission(n, &expect.key("submission"), form, &mut out);
        }
    }
    journey(s, outcome, &mut out);
    out
}

/// What a list of ids names: a form's pages or questions, or a life event's questions.
#[derive(Clone, Copy)]
enum Named {
    Page,
    Question,
    ScreeningQuestion,
}

/// A value as the scenario writes it (an id, a date, a YAML value), said as it is.
fn value(text: impl Into<String>) -> Message {
    msg!("scenario-value", value = text.into())
}

/// Lists of ids that must be in one state (`yes`: shown, asked, applies) or the other.
fn both_ways(
    node: &Node,
    path: &Path,
    (yes, no): (&str, &str),
    what: Named,
    holds: impl Fn(&str) -> bool,
    out: &mut Vec<Mismatch>,
) {
    for (key, want, other) in [(yes, true, no), (no, false, yes)] {
        for (i, item) in items(node.get(key)) {
            let Some(id) = item.as_str() else { continue };
            if holds(id) != want {
                out.push(Mismatch {
                    path: path.key(key).index(i),
                    at_key: false,
                    what: match what {
                        Named::Page => msg!("scenario-mismatch-page", id = id),
                        Named::Question => msg!("scenario-mismatch-question", id = id),
                        Named::ScreeningQuestion => msg!("scenario-mismatch-screening-question", id = id),
                    },
                    expected: words(key),
                    got: words(other),
                    fix: Some(Fix::Move { to: path.key(other), value: Val::Scalar(Json::String(id.to_string())) }),
                });
            }
        }
    }
}

/// How a state reads after "expected:".
fn words(state: &str) -> Message {
    match state {
        "shown" => msg!("scenario-state-shown"),
        "hidden" => msg!("scenario-state-hidden"),
        "asked" => msg!("scenario-state-asked"),
        "not_asked" => msg!("scenario-state-not-asked"),
        "applies" => msg!("scenario-state-applies"),
        _ => msg!("scenario-state-not-applies"),
    }
}

/// A due date, or "no due date".
fn due_words(due: Option<&str>) -> Message {
    due.map_or_else(|| msg!("scenario-state-no-due-date"), value)
}

fn checklist(c: &Node, path: &Path, got: &ChecklistOutcome, lang: &str, out: &mut Vec<Mismatch>) {
    let listed: Vec<String> = got.procedures.iter().map(|p| p.procedure.clone()).collect();
    let applies_now = if listed.is_empty() { msg!("scenario-state-none") } else { value(listed.join(", ")) };
    for (i, item) in items(c.get("applies")) {
        let (id, entry) = match item.get("procedure").and_then(Node::as_str) {
            Some(id) => (id, true),
            None => match item.as_str() {
                Some(id) => (id, false),
                None => continue,
            },
        };
        let at = path.key("applies").index(i);
        let Some(p) = got.procedures.iter().find(|p| p.procedure == id) else {
            out.push(Mismatch {
                path: if entry { at.key("procedure") } else { at },
                at_key: false,
                what: msg!("scenario-mismatch-procedure", id = id),
                expected: msg!("scenario-state-applies"),
                got: msg!("scenario-got-not-applies", applying = applies_now.clone()),
                fix: Some(Fix::Move { to: path.key("not_applies"), value: Val::Scalar(Json::String(id.into())) }),
            });
            continue;
        };
        if !entry {
            continue;
        }
        if let Some(due) = item.get("due") {
            let want = due.as_str();
            if want != p.due.as_deref() {
                out.push(Mismatch {
                    path: at.key("due"),
                    at_key: false,
                    what: msg!("scenario-mismatch-due", id = id),
                    expected: due_words(want),
                    got: due_words(p.due.as_deref()),
                    fix: Some(Fix::Set(p.due.clone().map_or(Json::Null, Json::String))),
                });
            }
        }
        if let Some(mode) = item.get("mode").and_then(Node::as_str)
            && mode != p.mode
        {
            out.push(Mismatch {
                path: at.key("mode"),
                at_key: false,
                what: msg!("scenario-mismatch-mode", id = id),
                expected: value(mode),
                got: value(p.mode),
                fix: Some(Fix::Set(Json::String(p.mode.into()))),
            });
        }
        if let Some(NodeValue::Bool(overdue)) = item.get("overdue").map(|n| &n.value)
            && *overdue != p.overdue
        {
            out.push(Mismatch {
                path: at.key("overdue"),
                at_key: false,
                what: msg!("scenario-mismatch-overdue", id = id),
                expected: value(overdue.to_string()),
                got: value(p.overdue.to_string()),
                fix: Some(Fix::Set(Json::Bool(p.overdue))),
            });
        }
    }
    for (i, item) in items(c.get("not_applies")) {
        let Some(id) = item.as_str() else { continue };
        if let Some(p) = got.procedures.iter().find(|p| p.procedure == id) {
            out.push(Mismatch {
                path: path.key("not_applies").index(i),
                at_key: false,
                what: msg!("scenario-mismatch-procedure", id = id),
                expected: msg!("scenario-state-not-applies"),
                got: match &p.due {
                    Some(due) => msg!("scenario-got-applies-due", mode = p.mode, due = due),
                    None => msg!("scenario-got-applies", mode = p.mode),
                },
                fix: Some(Fix::Move { to: path.key("applies"), value: Val::Scalar(Json::String(id.into())) }),
            });
        }
    }
    both_ways(c, path, ("asked", "not_asked"), Named::ScreeningQuestion, |id| got.asked.iter().any(|a| a == id), out);
    let (list, none) = (c.get("issues"), c.get("no_issues"));
    issues(list, none, path, &got.issues, lang, out);
}

/// An issue as it reads after "got:": its field, code and severity, as a scenario writes them.
fn issue_words(i: &IssueOutcome) -> String {
    let severity = match i.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    format!("{} {} ({severity})", i.field, i.code)
}

/// The issues present at a field, in words (`none`).
fn issues_at(all: &[IssueOutcome], field: Option<&str>) -> Message {
    let list: Vec<String> = all.iter().filter(|i| field.is_none_or(|f| i.field == f)).map(issue_words).collect();
    if list.is_empty() { msg!("scenario-state-none") } else { value(list.join("; ")) }
}

/// `field` is `expected` or inside it (`members` holds `members[0].name`).
fn within(field: &str, expected: &str) -> bool {
    field == expected
        || (field.starts_with(expected) && matches!(field.as_bytes().get(expected.len()), Some(b'[' | b'.')))
}

fn issues(
    list: Option<&Node>,
    none: Option<&Node>,
    path: &Path,
    got: &[IssueOutcome],
    lang: &str,
    out: &mut Vec<Mismatch>,
) {
    for (i, item) in items(list) {
        let at = path.key("issues").index(i);
        let field = item.get("field").and_then(Node::as_str);
        let Some(code) = item.get("code").and_then(Node::as_str) else { continue };
        let found = got.iter().find(|g| g.code == code && field.is_none_or(|f| g.field == f));
        let Some(issue) = found else {
            let mut absent = Vec::new();
            if let Some(f) = field {
                absent.push(("field".to_string(), Val::Scalar(Json::String(f.into()))));
            }
            absent.push(("code".to_string(), Val::Scalar(Json::String(code.into()))));
            out.push(Mismatch {
                path: at.key("code"),
                at_key: false,
                what: match field {
                    Some(f) => msg!("scenario-mismatch-issue-at", code = code, field = f),
                    None => msg!("scenario-mismatch-issue", code = code),
                },
                expected: msg!("scenario-state-present"),
                got: match field {
                    Some(f) => msg!("scenario-got-absent-at", field = f, issues = issues_at(got, field)),
                    None => msg!("scenario-got-absent", issues = issues_at(got, field)),
                },
                fix: Some(Fix::Move { to: path.key("no_issues"), value: Val::Map(absent) }),
            });
            continue;
        };
        if let Some(severity) = item.get("severity").and_then(Node::as_str) {
            let actual = if issue.severity == Severity::Error { "error" } else { "warning" };
            if severity != actual {
                out.push(Mismatch {
                    path: at.key("severity"),
                    at_key: false,
                    what: msg!("scenario-mismatch-severity", code = code, field = &issue.field),
                    expected: value(severity),
                    got: value(actual),
                    fix: Some(Fix::Set(Json::String(actual.into()))),
                });
            }
        }
        if let Some(NodeValue::Map(messages)) = item.get("message").map(|n| &n.value) {
            for (lang, text) in messages {
                let lang = lang.key_text();
                let Some(text) = text.as_str() else { continue };
                let actual = issue.message.get(&lang).cloned().unwrap_or_default();
                if actual != text {
                    out.push(Mismatch {
                        path: at.key("message").key(&lang),
                        at_key: false,
                        what: msg!("scenario-mismatch-message", lang = &lang, code = code, field = &issue.field),
                        expected: value(inline(&Json::String(text.into()))),
                        got: value(inline(&Json::String(actual.clone()))),
                        fix: Some(Fix::Set(Json::String(actual))),
                    });
                }
            }
        }
    }
    for (i, item) in items(none) {
        let field = item.get("field").and_then(Node::as_str);
        let code = item.get("code").and_then(Node::as_str);
        let found = got.iter().find(|g| code.is_none_or(|c| g.code == c) && field.is_none_or(|f| within(&g.field, f)));
        if let Some(issue) = found {
            let present = vec![
                ("field".to_string(), Val::Scalar(Json::String(issue.field.clone()))),
                ("code".to_string(), Val::Scalar(Json::String(issue.code.clone()))),
            ];
            out.push(Mismatch {
                path: path.key("no_issues").index(i),
                at_key: false,
                what: match (field, code) {
                    (Some(f), Some(c)) => msg!("scenario-mismatch-issue-at", code = c, field = f),
                    (Some(f), None) => msg!("scenario-mismatch-issue-at-field", field = f),
                    (None, Some(c)) => msg!("scenario-mismatch-issue", code = c),
                    (None, None) => msg!("scenario-mismatch-any-issue"),
                },
                expected: msg!("scenario-state-none"),
                got: value(format!("{}: {}", issue_words(issue), issue.message.get(lang).cloned().unwrap_or_default())),
                fix: Some(Fix::Move { to: path.key("issues"), value: Val::Map(present) }),
            });
        }
    }
}

fn submission(n: &Node, path: &Path, form: &FormOutcome, out: &mut Vec<Mismatch>) {
    let errors: Vec<String> = form
        .issues
        .iter()
        .filter(|i| i.severity == Severity::Error)
        .map(|i| format!("{} {}", i.field, i.code))
        .collect();
    match (&n.value, &form.submission) {
        (NodeValue::Null, None) => {}
        (NodeValue::Null, Some(sub)) => out.push(Mismatch {
            path: path.clone(),
            at_key: true,
            what: msg!("scenario-mismatch-submission"),
            expected: msg!("scenario-state-not-submitted"),
            got: msg!("scenario-got-submitted", count = sub.len()),
            fix: Some(Fix::Set(Json::Object(sub.clone()))),
        }),
        (NodeValue::Map(_), None) => out.push(Mismatch {
            path: path.clone(),
            at_key: true,
            what: msg!("scenario-mismatch-submission"),
            expected: msg!("scenario-state-submitted"),
            got: msg!("scenario-got-not-submitted", count = errors.len(), errors = errors.join("; ")),
            fix: Some(Fix::Set(Json::Null)),
        }),
        (NodeValue::Map(entries), Some(sub)) => {
            for (k, v) in entries {
                let key = k.key_text();
                let want = v.to_json();
                match sub.get(&key) {
                    Some(actual) if *actual == want => {}
                    Some(actual) => out.push(Mismatch {
                        path: path.key(&key),
                        at_key: false,
                        what: msg!("scenario-mismatch-answer", key = &key),
                        expected: value(inline(&want)),
                        got: value(inline(actual)),
                        fix: Some(Fix::Set(actual.clone())),
                    }),
                    None => out.push(Mismatch {
                        path: path.key(&key),
                        at_key: true,
                        what: msg!("scenario-mismatch-answer", key = &key),
                        expected: value(inline(&want)),
                        got: msg!("scenario-state-answer-not-submitted"),
                        fix: Some(Fix::Remove),
                    }),
                }
            }
        }
        _ => {}
    }
}

fn journey(s: &Scenario, outcome: &Outcome, out: &mut Vec<Mismatch>) {
    let path = Path::root().key("journey").key("steps");
    let steps = s.node.get("journey").and_then(|j| j.get("steps"));
    for ((i, step), got) in items(steps).zip(&outcome.journey) {
        let at = path.index(i);
        let want = step.get("error").and_then(Node::as_str);
        if want != got.error.as_deref() {
            let action = step.get("action").and_then(Node::as_str).unwrap_or("?");
            // Where `error:` is, or would be (a missing path points at the step).
            out.push(Mismatch {
                path: at.key("error"),
                at_key: want.is_some(),
                what: msg!("scenario-mismatch-step", step = i + 1, action = action),
                expected: want
                    .map_or_else(|| msg!("scenario-state-succeeds"), |e| msg!("scenario-state-error", error = e)),
                got: got
                    .error
                    .as_ref()
                    .map_or_else(|| msg!("scenario-state-succeeded"), |e| msg!("scenario-state-error", error = e)),
                fix: Some(match &got.error {
                    Some(e) => Fix::Set(Json::String(e.clone())),
                    None => Fix::Remove,
                }),
            });
        }
        if let Some(NodeValue::Map(entries)) = step.get("expect").map(|n| &n.value) {
            for (k, v) in entries {
                let key = k.key_text();
                let want = v.to_json();
                let actual = at_view(&got.view, &key);
                if actual.as_ref() != Some(&want) {
                    out.push(Mismatch {
                        path: at.key("expect").key(&key),
                        at_key: false,
                        what: msg!("scenario-mismatch-view", key = &key, step = i + 1),
                        expected: value(inline(&want)),
                        got: actual.as_ref().map_or_else(|| msg!("scenario-state-nothing-here"), |v| value(inline(v))),
                        // A path the view does not have is no expectation to keep.
                        fix: Some(actual.map_or(Fix::Remove, Fix::Set)),
                    });
                }
            }
        }
    }
}

fn at_view(view: &Json, path: &str) -> Option<Json> {
    at(view, path)
}
