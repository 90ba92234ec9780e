//! Scenarios: authors' tests of their definitions, in files beside them (`tetsuzuki test`).
//!
//! A scenario names a day, a life event with screening answers and/or a procedure with form
//! answers, and what must come out: the checklist (which procedures apply, their due dates,
//! how they are done), the form's pages and questions shown, its issues, the submission, and
//! the journey's view at chosen steps. Every expectation is partial: what is not stated is not
//! checked. The format is `docs/SCENARIOS.md`; its JSON Schema is [`schema::scenario_schema`].
//!
//! Authoring, beside the checker and the compiler; the runtime never imports it. Pure: text in
//! ([`read`]), a compiled catalogue in ([`run`]), results and updated text out ([`update`]).
//!
//! - [`read`] reads a file with the one YAML reader (`crate::source`), checks each document's
//!   shape against the schema, and keeps the located nodes, so every later finding points at
//!   its line and column.
//! - [`run`] checks the names the scenario uses against one town's catalogue (a procedure,
//!   field, option, life event or issue code that does not exist is a located error with "did
//!   you mean"; an answer of the wrong type is reported at its line), runs the navigator, a
//!   one-stop session and the journey, and compares.
//! - [`update`] writes the current outcome into the expectations that failed, keeping the rest
//!   of the file (comments included) as it is.

mod check;
mod render;
mod run;
pub mod schema;
mod update;

pub use check::Known;
pub use render::{mismatch_position, render_mismatch, render_mismatch_in, render_problem, render_problem_in};
pub use run::{
    ChecklistOutcome, FormOutcome, IssueOutcome, ItemOutcome, Mismatch, Outcome, Run, StepOutcome, Verdict, run,
};
pub use update::{Change, Updated, update};

use serde_json::{Map, Value as Json};

use crate::date::Date;
use crate::diagnostic::{Located, Message, Path, PathSeg, Severity, msg};
use crate::model::Lang;
use crate::source::{Limits, Node, NodeValue, Position, read_documents};

/// A problem with a scenario, pointed at by its path in the scenario's document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Where: the value (or the key) at this path.
    pub path: Path,
    /// Point at the key rather than its value.
    pub at_key: bool,
    /// With `at_key`, which occurrence of a key written more than once.
    pub occurrence: usize,
    /// Stable code (`unknown-procedure`, `answer-type`…).
    pub code: &'static str,
    /// What is wrong (a message of the authors' catalogue, `scenario-…`).
    pub message: Message,
    /// What to write instead.
    pub fix: Message,
}

impl Problem {
    fn at_value(path: &Path, code: &'static str, message: Message, fix: Message) -> Problem {
        Problem { path: path.clone(), at_key: false, occurrence: 0, code, message, fix }
    }

    fn at_key(path: &Path, occurrence: usize, code: &'static str, message: Message, fix: Message) -> Problem {
        Problem { path: path.clone(), at_key: true, occurrence, code, message, fix }
    }
}

/// One scenario read from a file.
#[derive(Debug, Clone)]
pub struct Scenario {
    /// Its name.
    pub name: String,
    /// The file it is in, as the caller named it.
    pub file: String,
    /// Index of its document in the file.
    pub document: usize,
    /// The document's located nodes: expectations are read from them, by path.
    pub node: Node,
    /// The towns named by `town`, each with its path (none: the default towns).
    pub towns: Option<Vec<(String, Path)>>,
    /// Today.
    pub today: Date,
    /// The language of the texts compared.
    pub lang: Lang,
    /// The life event.
    pub event: Option<String>,
    /// The event's date.
    pub date: Option<Date>,
    /// Screening answers by question id.
    pub screening: Map<String, Json>,
    /// The procedure.
    pub procedure: Option<String>,
    /// Form answers by field id.
    pub answers: Map<String, Json>,
}

impl Scenario {
    /// Where its name is written.
    pub fn position(&self) -> Position {
        self.node.get("scenario").map_or(self.node.at, |n| n.at)
    }

    /// A problem located in this scenario's file, said in English.
    pub fn locate(&self, problem: &Problem) -> Located {
        self.locate_in(problem, Lang::En)
    }

    /// A problem located in this scenario's file, said in `lang` (`ja-easy` says it as `ja`).
    pub fn locate_in(&self, problem: &Problem, lang: Lang) -> Located {
        locate(&self.file, &self.node, problem, lang)
    }

    /// The towns it runs for, among `all` (every town of the definitions): those its `town`
    /// names, else its file's town ([`town_of_file`]), else every town. A town named that does
    /// not exist is a problem with "did you mean" ([`Scenario::locate_in`] locates it).
    pub fn towns_for(&self, all: &[&str]) -> Result<Vec<String>, Vec<Problem>> {
        match &self.towns {
            Some(named) => {
                let problems: Vec<Problem> = named
                    .iter()
                    .filter(|(id, _)| !all.contains(&id.as_str()))
                    .map(|(id, path)| {
                        Problem::at_value(
                            path,
                            "unknown-town",
                            msg!("scenario-unknown-town", id = id),
                            check::suggestion(id, msg!("scenario-noun-towns"), all.iter().copied()),
                        )
                    })
                    .collect();
                if problems.is_empty() { Ok(named.iter().map(|(id, _)| id.clone()).collect()) } else { Err(problems) }
            }
            None => Ok(match town_of_file(&self.file, all) {
                Some(town) => vec![town],
                None => all.iter().map(|t| t.to_string()).collect(),
            }),
        }
    }
}

/// A scenario file read: its scenarios and the problems that kept others from being read.
#[derive(Debug, Clone)]
pub struct ScenarioFile {
    /// The file's name, as the caller gave it.
    pub name: String,
    /// Its text.
    pub text: String,
    /// The scenarios whose shape is right, in order.
    pub scenarios: Vec<Scenario>,
    /// Everything wrong with the file and its documents, located and said in the language it
    /// was read in ([`read_in`]).
    pub problems: Vec<Located>,
}

/// Reads a scenario file: YAML (the one reader, with locations), each document's shape against
/// [`schema::scenario_schema`], then its values. A document with a problem is left out and its
/// problems are returned (said in English); the others are read.
pub fn read(name: &str, text: &str) -> ScenarioFile {
    read_in(name, text, Lang::En)
}

/// The problem of a scenario file whose bytes are not UTF-8 (`byte`: where the first bad one
/// is), said in `lang`.
pub fn not_utf8(name: &str, byte: usize, lang: Lang) -> Located {
    Located {
        file: name.to_string(),
        line: 1,
        column: 1,
        width: 1,
        severity: Severity::Error,
        code: "encoding-not-utf8",
        message: msg!("scenario-encoding-not-utf8", byte = byte).say(lang),
        fix: Some(msg!("scenario-encoding-not-utf8-fix").say(lang)),
    }
}

/// [`read`], its problems said in `lang` (`ja-easy` says them as `ja`).
pub fn read_in(name: &str, text: &str, lang: Lang) -> ScenarioFile {
    let mut file =
        ScenarioFile { name: name.to_string(), text: text.to_string(), scenarios: Vec::new(), problems: Vec::new() };
    let nodes = match read_documents(text, Limits::default()) {
        Ok(nodes) => nodes,
        Err(e) => {
            file.problems.push(Located {
                file: name.to_string(),
                line: e.at.line.max(1),
                column: e.at.column.max(1),
                width: 1,
                severity: Severity::Error,
                code: e.code,
                message: e.message.say(lang),
                fix: Some(e.fix.say(lang)),
            });
            return file;
        }
    };
    let mut names: Vec<String> = Vec::new();
    for (document, node) in nodes.into_iter().enumerate().filter(|(_, n)| n.value != NodeValue::Null) {
        let mut problems = schema::check_shape(&node);
        if problems.is_empty() {
            match scenario_of(name, document, node.clone()) {
                Ok(s) => {
                    if names.contains(&s.name) {
                        problems.push(Problem::at_value(
                            &Path::root().key("scenario"),
                            "duplicate-scenario",
                            msg!("scenario-duplicate-scenario", name = &s.name),
                            msg!("scenario-duplicate-scenario-fix"),
                        ));
                    } else {
                        names.push(s.name.clone());
                        file.scenarios.push(s);
                    }
                }
                Err(found) => problems.extend(found),
            }
        }
        file.problems.extend(problems.iter().map(|p| locate(name, &node, p, lang)));
    }
    if file.scenarios.is_empty() && file.problems.is_empty() {
        file.problems.push(Located {
            file: name.to_string(),
            line: 1,
            column: 1,
            width: 1,
            severity: Severity::Error,
            code: "empty-file",
            message: msg!("scenario-empty-file").say(lang),
            fix: Some(msg!("scenario-empty-file-fix").say(lang)),
        });
    }
    file
}

/// A document whose shape is right, read.
fn scenario_of(file: &str, document: usize, node: Node) -> Result<Scenario, Vec<Problem>> {
    let root = Path::root();
    let text = |key: &str| node.get(key).and_then(Node::as_str).map(str::to_string);
    let date = |key: &str| node.get(key).and_then(Node::as_str).and_then(Date::parse_iso);
    let map = |key: &str| -> Map<String, Json> {
        match node.get(key).map(|n| &n.value) {
            Some(NodeValue::Map(entries)) => entries.iter().map(|(k, v)| (k.key_text(), v.to_json())).collect(),
            _ => Map::new(),
        }
    };
    let towns = node.get("town").map(|t| match &t.value {
        NodeValue::Str(s) => vec![(s.clone(), root.key("town"))],
        NodeValue::Seq(items) => items
            .iter()
            .enumerate()
            .filter_map(|(i, n)| Some((n.as_str()?.to_string(), root.key("town").index(i))))
            .collect(),
        _ => Vec::new(),
    });
    let lang = node.get("lang").and_then(Node::as_str).and_then(Lang::from_tag).unwrap_or(Lang::Ja);
    let mut problems = Vec::new();
    let event = text("event");
    let procedure = text("procedure");
    if event.is_none() && procedure.is_none() {
        problems.push(Problem::at_value(
            &root,
            "nothing-to-run",
            msg!("scenario-nothing-to-run"),
            msg!("scenario-nothing-to-run-fix"),
        ));
    }
    let needs = |section: &str, key: &str, present: bool, problems: &mut Vec<Problem>| {
        if node.get(section).is_some() && !present {
            problems.push(Problem::at_key(
                &root.key(section),
                0,
                "needs-context",
                msg!("scenario-needs-context", section = section, key = key),
                msg!("scenario-needs-context-fix", section = section, key = key),
            ));
        }
    };
    needs("screening", "event", event.is_some(), &mut problems);
    needs("date", "event", event.is_some(), &mut problems);
    needs("answers", "procedure", procedure.is_some(), &mut problems);
    if let Some(expect) = node.get("expect") {
        if expect.get("checklist").is_some() && event.is_none() {
            problems.push(Problem::at_key(
                &root.key("expect").key("checklist"),
                0,
                "needs-context",
                msg!("scenario-needs-context-checklist"),
                msg!("scenario-needs-context-checklist-fix"),
            ));
        }
        for section in ["pages", "questions", "issues", "no_issues", "submission"] {
            if expect.get(section).is_some() && procedure.is_none() {
                problems.push(Problem::at_key(
                    &root.key("expect").key(section),
                    0,
                    "needs-context",
                    msg!("scenario-needs-context-form", section = section),
                    msg!("scenario-needs-context-form-fix"),
                ));
            }
        }
        if let Some(NodeValue::Seq(items)) = expect.get("no_issues").map(|n| &n.value) {
            no_issue_needs_something(items, &root.key("expect").key("no_issues"), &mut problems);
        }
        if let Some(NodeValue::Seq(items)) = expect.get("checklist").and_then(|c| c.get("no_issues")).map(|n| &n.value)
        {
            no_issue_needs_something(items, &root.key("expect").key("checklist").key("no_issues"), &mut problems);
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(Scenario {
        name: text("scenario").unwrap_or_default(),
        file: file.to_string(),
        document,
        towns,
        today: date("today").unwrap_or_else(|| Date::new(2000, 1, 1).expect("a date")),
        lang,
        event,
        date: date("date"),
        screening: map("screening"),
        procedure,
        answers: map("answers"),
        node,
    })
}

fn no_issue_needs_something(items: &[Node], path: &Path, problems: &mut Vec<Problem>) {
    for (i, item) in items.iter().enumerate() {
        if item.get("field").is_none() && item.get("code").is_none() {
            problems.push(Problem::at_value(
                &path.index(i),
                "missing-key",
                msg!("scenario-missing-key-no-issue"),
                msg!("scenario-missing-key-no-issue-fix"),
            ));
        }
    }
}

/// The town a scenario file belongs to by where it is (`towns/oishida/scenarios/x.yaml` →
/// `oishida`): the folder holding its `scenarios/` folder, when a town has that id. `None`: the
/// shared model's, run for every town.
pub fn town_of_file(path: &str, towns: &[&str]) -> Option<String> {
    let parts: Vec<&str> = path.split(['/', '\\']).collect();
    let dir = &parts[..parts.len().saturating_sub(1)];
    let at = dir.iter().rposition(|p| *p == "scenarios")?;
    let owner = *dir.get(at.checked_sub(1)?)?;
    towns.contains(&owner).then(|| owner.to_string())
}

/// A problem located at its line and column, said in `lang`.
fn locate(file: &str, root: &Node, p: &Problem, lang: Lang) -> Located {
    let (at, width) = position_of(root, &p.path, p.at_key, p.occurrence);
    Located {
        file: file.to_string(),
        line: at.line.max(1),
        column: at.column.max(1),
        width: width.max(1),
        severity: Severity::Error,
        code: p.code,
        message: p.message.say(lang),
        fix: Some(p.fix.say(lang)),
    }
}

/// Where a path points: its key (`at_key`) or its value, as deep as the path exists, and how
/// wide to underline it.
pub(crate) fn position_of(root: &Node, path: &Path, at_key: bool, occurrence: usize) -> (Position, u32) {
    if at_key && let Some(at) = root.key_position(&path.0, occurrence) {
        let width = match path.0.last() {
            Some(PathSeg::Key(k)) => k.chars().count() as u32,
            _ => 1,
        };
        return (at, width);
    }
    let (node, found) = root.locate(&path.0);
    if !found && let Some(at) = root.key_position(&path.0[..path.0.len().min(node_depth(root, &path.0))], 0) {
        return (at, 1);
    }
    let width = match &node.value {
        NodeValue::Str(s) if node.style != crate::source::ScalarStyle::Block => {
            let quotes = if node.style == crate::source::ScalarStyle::Quoted { 2 } else { 0 };
            (s.chars().count() as u32 + quotes).clamp(1, 80)
        }
        NodeValue::Int(i) => i.to_string().len() as u32,
        NodeValue::Bool(b) => b.to_string().len() as u32,
        // A list or mapping: as wide as its first line (the caller sees the text).
        NodeValue::Seq(_) | NodeValue::Map(_) => 0,
        _ => 1,
    };
    (node.at, width)
}

/// How many steps of `path` exist in `root`.
fn node_depth(root: &Node, path: &[PathSeg]) -> usize {
    (0..=path.len()).rev().find(|n| root.locate(&path[..*n]).1).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_under_a_towns_folder_belongs_to_that_town() {
        let towns = ["oishida", "funagata"];
        assert_eq!(town_of_file("fixtures/towns/oishida/scenarios/birth.yaml", &towns).as_deref(), Some("oishida"));
        assert_eq!(town_of_file("towns\\funagata\\scenarios\\a\\b.yaml", &towns).as_deref(), Some("funagata"));
        assert_eq!(town_of_file("fixtures/model/scenarios/moving-in.yaml", &towns), None);
        assert_eq!(town_of_file("fixtures/towns/unknown/scenarios/x.yaml", &towns), None);
        assert_eq!(town_of_file("scenarios.yaml", &towns), None);
    }

    #[test]
    fn a_scenario_reads_with_its_values_and_a_wrong_one_is_located() {
        let f =
            read("s.yaml", "scenario: one\ntoday: 2026-11-23\nevent: moving-in\nscreening:\n  move_date: 2026-11-20\n");
        assert!(f.problems.is_empty(), "{:?}", f.problems);
        assert_eq!(f.scenarios[0].screening["move_date"], Json::String("2026-11-20".into()));
        let f = read("s.yaml", "scenario: one\ntoday: 2026-11-31\nevnt: moving-in\n");
        let found: Vec<(&str, u32, u32)> = f.problems.iter().map(|p| (p.code, p.line, p.column)).collect();
        assert_eq!(found, [("bad-date", 2, 8), ("unknown-key", 3, 1)]);
        assert!(f.problems[1].fix.as_deref().unwrap().contains("`event`"));
    }
}
