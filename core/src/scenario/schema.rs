//! The JSON Schema of scenario files, generated from the types below the way the definitions'
//! schema is generated from the model (`schemars`), and the shape check it drives.
//!
//! The types exist for the schema: editors complete keys and words and show these doc comments
//! on hover (`schema/scenario.schema.json`). The reader (`super::read`) walks a file's located
//! nodes along the same schema first ([`check_shape`]), so a key the schema does not have is
//! refused where it is written, with "did you mean"; it then reads the values it knows are there.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use schemars::JsonSchema;
use serde_json::{Map, Value};

use super::Problem;
use super::check::described;
use crate::date::Date;
use crate::diagnostic::{Message, Path, msg};
use crate::model::{Lang, Severity, Text};
use crate::schema::matches_type;
use crate::source::{Node, NodeValue};
use crate::suggest::did_you_mean;

/// A scenario: answers a resident gives on a day, and what the definitions must make of them.
/// State only what matters: every expectation is partial.
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
pub struct Scenario {
    /// The scenario's name, unique in its file: `tetsuzuki test` prints it and `--filter`
    /// selects by it.
    pub scenario: String,
    /// What the scenario shows, for the people who read it.
    #[serde(default)]
    pub description: Option<String>,
    /// The towns it runs for: a town's id or a list of ids. Default: the town whose folder
    /// holds the `scenarios/` folder (`towns/oishida/scenarios/`), else every town.
    #[serde(default)]
    pub town: Option<Towns>,
    /// Today's date (YYYY-MM-DD): the SDK never reads the clock.
    #[schemars(extend("format" = "date"))]
    pub today: String,
    /// The language of the texts compared (an issue's `message` in another language says so
    /// itself): ja (default), en or ja-easy.
    #[serde(default)]
    pub lang: Option<Lang>,
    /// A life event's id (`moving-in`): the navigator runs with the `screening` answers.
    #[serde(default)]
    pub event: Option<String>,
    /// The date of the event (YYYY-MM-DD), from which deadlines count. Default: the event's
    /// own question (the move's date), when answered.
    #[serde(default)]
    #[schemars(extend("format" = "date"))]
    pub date: Option<String>,
    /// Screening answers by question id (`move_date: 2026-11-20`, `has_children: true`).
    #[serde(default)]
    pub screening: Option<BTreeMap<String, Value>>,
    /// A procedure's id (`tennyu`): its form is filled with `answers` in a one-stop session
    /// (with `event`, the screening answers are reused and the event's presets applied, as in
    /// the journey; the town's own name is prefilled).
    #[serde(default)]
    pub procedure: Option<String>,
    /// Form answers by field id, as the resident types them (`new_address: {postal_code:
    /// "999-4112", …}`; a group is a list of mappings).
    #[serde(default)]
    pub answers: Option<BTreeMap<String, Value>>,
    /// What must come out. Each expectation is partial: what is not stated is not checked.
    #[serde(default)]
    pub expect: Option<Expect>,
    /// The resident's journey from its start (the event's screening, or the procedure's
    /// form), action by action, with the view expected at chosen steps.
    #[serde(default)]
    pub journey: Option<JourneyScript>,
}

/// One town's id, or several.
#[derive(JsonSchema)]
#[serde(untagged)]
#[allow(dead_code)]
pub enum Towns {
    /// One town.
    One(String),
    /// Several towns.
    Many(Vec<String>),
}

/// The expected outcome. Every part is optional and partial.
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
pub struct Expect {
    /// The navigator's checklist for `event` and the `screening` answers.
    #[serde(default)]
    pub checklist: Option<ChecklistExpect>,
    /// Pages of `procedure`'s form shown, or hidden, with these answers.
    #[serde(default)]
    pub pages: Option<ShownHidden>,
    /// Questions (field ids) of `procedure`'s form shown, or hidden, with these answers.
    #[serde(default)]
    pub questions: Option<ShownHidden>,
    /// Issues `procedure`'s form has with these answers: each listed one is there (others may
    /// be too).
    #[serde(default)]
    pub issues: Option<Vec<IssueExpect>>,
    /// Issues the form must not have: a `field` alone means no issue at that field, a `code`
    /// alone no issue of that code anywhere.
    #[serde(default)]
    pub no_issues: Option<Vec<NoIssue>>,
    /// What the procedure receives: these answers (normalised, by field id; others may be
    /// there too). `null`: nothing is submitted, because errors remain.
    #[serde(default)]
    pub submission: Option<BTreeMap<String, Value>>,
}

/// The expected checklist of a life event.
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
pub struct ChecklistExpect {
    /// Procedures that apply: an id, or an id with what must hold of it.
    #[serde(default)]
    pub applies: Option<Vec<Applies>>,
    /// Procedures that do not apply.
    #[serde(default)]
    pub not_applies: Option<Vec<String>>,
    /// Screening questions asked now (question ids).
    #[serde(default)]
    pub asked: Option<Vec<String>>,
    /// Screening questions not asked now.
    #[serde(default)]
    pub not_asked: Option<Vec<String>>,
    /// Issues with the screening answers (fields are question ids).
    #[serde(default)]
    pub issues: Option<Vec<IssueExpect>>,
    /// Issues the screening answers must not have.
    #[serde(default)]
    pub no_issues: Option<Vec<NoIssue>>,
}

/// A procedure that applies.
#[derive(JsonSchema)]
#[serde(untagged)]
#[allow(dead_code)]
pub enum Applies {
    /// Its id alone.
    Id(String),
    /// Its id with what must hold of it.
    Entry(AppliesEntry),
}

/// A procedure that applies, with what must hold of it.
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
pub struct AppliesEntry {
    /// The procedure's id.
    pub procedure: String,
    /// Its last day (YYYY-MM-DD); `null`: no due date (none set, or its date unknown).
    #[serde(default)]
    #[schemars(extend("format" = "date"))]
    pub due: Option<String>,
    /// How it is done: `online` (completed online now), `prepared` (prepared online, finished
    /// at the counter), `counter`, or `town` (the town's own action).
    #[serde(default)]
    pub mode: Option<Mode>,
    /// Whether its due date has passed.
    #[serde(default)]
    pub overdue: Option<bool>,
}

/// How a procedure of the checklist is done.
#[derive(JsonSchema)]
#[serde(rename_all = "snake_case")]
#[allow(dead_code)]
pub enum Mode {
    /// Completed online now (デジタル完結).
    Online,
    /// Prepared online, finished at the counter.
    Prepared,
    /// At the counter (or by post).
    Counter,
    /// The town's own action: nothing to do.
    Town,
}

/// Lists of ids shown and hidden.
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
pub struct ShownHidden {
    /// Shown now.
    #[serde(default)]
    pub shown: Option<Vec<String>>,
    /// Hidden now.
    #[serde(default)]
    pub hidden: Option<Vec<String>>,
}

/// An issue that is there.
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
pub struct IssueExpect {
    /// The field's path (`new_address`, `members[1].birth_date`); default: any field.
    #[serde(default)]
    pub field: Option<String>,
    /// The issue's code (`required`, `address.postal_code_wrong_length`, `rule.late`).
    pub code: String,
    /// `error` or `warning`.
    #[serde(default)]
    pub severity: Option<Severity>,
    /// The message, word for word, in one language or more (`{en: "…"}`).
    #[serde(default)]
    pub message: Option<Text>,
}

/// An issue that is not there.
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
pub struct NoIssue {
    /// No issue at this field (of `code`, when given).
    #[serde(default)]
    pub field: Option<String>,
    /// No issue of this code (at `field`, when given).
    #[serde(default)]
    pub code: Option<String>,
}

/// The journey's actions and views.
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
pub struct JourneyScript {
    /// One question per page (default false).
    #[serde(default)]
    pub one_question_per_page: Option<bool>,
    /// Counter mode: staff fill the forms with the resident (default false).
    #[serde(default)]
    pub counter: Option<bool>,
    /// The actions, in order.
    pub steps: Vec<JourneyStep>,
}

/// One action of the journey (`Journey::act`, as in `fixtures/vectors/journey/`), and what
/// the view shows after it.
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
pub struct JourneyStep {
    /// The action.
    pub action: Action,
    /// `answer`, `finish_answer`, `change`, `go_to`: the question's key (a concept, or
    /// `procedure.field`; a screening question's id).
    #[serde(default)]
    pub key: Option<String>,
    /// `answer`: the answer.
    #[serde(default)]
    pub value: Option<Value>,
    /// `choose_event`: the life event.
    #[serde(default)]
    pub event: Option<String>,
    /// `confirm`: confirmed or not.
    #[serde(default)]
    pub confirmed: Option<bool>,
    /// `submit`: the time of submission (`2026-11-23T10:00:00+09:00`).
    #[serde(default)]
    pub at: Option<String>,
    /// `set_reference`: the procedure.
    #[serde(default)]
    pub procedure: Option<String>,
    /// `set_reference`: the reference.
    #[serde(default)]
    pub reference: Option<String>,
    /// `feedback`: a rating from 1 to 5.
    #[serde(default)]
    pub rating: Option<u8>,
    /// `feedback`: a comment.
    #[serde(default)]
    pub comment: Option<String>,
    /// `set_lang`: ja, en or ja-easy.
    #[serde(default)]
    pub lang: Option<Lang>,
    /// `keep_profile`, `keep_sensitive`: keep or not.
    #[serde(default)]
    pub keep: Option<bool>,
    /// `import_code`, `open_handoff`: the code.
    #[serde(default)]
    pub code: Option<String>,
    /// The error code the action must give (none: it must succeed).
    #[serde(default)]
    pub error: Option<String>,
    /// The view after the action: paths (`stage`, `errors.0.code`, `warnings.#` for a
    /// length) and their values.
    #[serde(default)]
    pub expect: Option<BTreeMap<String, Value>>,
}

/// A journey action.
#[derive(JsonSchema)]
#[serde(rename_all = "snake_case")]
#[allow(dead_code)]
pub enum Action {
    /// Choose a life event (`event`).
    ChooseEvent,
    /// Answer a question (`key`, `value`).
    Answer,
    /// Finish answering a question (`key`): its issues show.
    FinishAnswer,
    /// Start the forms that can be done online.
    StartOnline,
    /// Continue.
    Next,
    /// Continue despite the warnings.
    AcknowledgeWarnings,
    /// Go back.
    Back,
    /// Change an answer from the check page (`key`).
    Change,
    /// Go to a question (`key`).
    GoTo,
    /// The resident confirms the answers (`confirmed`).
    Confirm,
    /// Submit (`at`).
    Submit,
    /// Record a reference (`procedure`, `reference`).
    SetReference,
    /// Send feedback (`rating`, `comment`).
    Feedback,
    /// Dismiss what happens next.
    Dismiss,
    /// Change the language (`lang`).
    SetLang,
    /// Keep the profile (`keep`).
    KeepProfile,
    /// Keep sensitive facts (`keep`).
    KeepSensitive,
    /// Import a continuation code (`code`).
    ImportCode,
    /// Open a handoff at the counter (`code`).
    OpenHandoff,
}

/// The JSON Schema (draft 2020-12) of one scenario document.
pub fn scenario_schema() -> &'static Value {
    static SCHEMA: OnceLock<Value> = OnceLock::new();
    SCHEMA.get_or_init(|| {
        crate::schema::named_schema(schemars::schema_for!(Scenario), "tetsuzuki scenario", "scenario.schema.json")
    })
}

/// The schema as the committed file holds it (`schema/scenario.schema.json`): pretty JSON with
/// a final newline.
pub fn scenario_schema_text() -> String {
    crate::schema::schema_text(scenario_schema())
}

/// Checks one scenario document's shape against the schema: every unknown key (with "did you
/// mean"), missing key, value of the wrong kind, unknown word and impossible date.
pub(super) fn check_shape(node: &Node) -> Vec<Problem> {
    let root = scenario_schema();
    let empty = Map::new();
    let defs = root.get("$defs").and_then(Value::as_object).unwrap_or(&empty);
    let mut out = Vec::new();
    walk(defs, node, root, &Path::root(), &mut out);
    out
}

/// Resolves `$ref`s into `$defs`.
fn resolve<'a>(defs: &'a Map<String, Value>, mut schema: &'a Value) -> &'a Value {
    for _ in 0..16 {
        let Some(reference) = schema.get("$ref").and_then(Value::as_str) else { break };
        match defs.get(reference.trim_start_matches("#/$defs/")) {
            Some(s) => schema = s,
            None => break,
        }
    }
    schema
}

/// The allowed words of a closed list (`enum`, or `oneOf`/`anyOf` of `const`s).
fn closed_words(schema: &Value) -> Option<Vec<&str>> {
    if let Some(values) = schema.get("enum").and_then(Value::as_array) {
        return values.iter().map(Value::as_str).collect();
    }
    let branches = schema.get("oneOf").or_else(|| schema.get("anyOf"))?.as_array()?;
    branches.iter().map(|b| b.get("const").and_then(Value::as_str)).collect()
}

fn types_of(schema: &Value) -> Vec<&str> {
    match schema.get("type") {
        Some(Value::String(t)) => vec![t.as_str()],
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    }
}

/// A JSON Schema type in words: `integer` → "a whole number".
fn type_words(ty: &str) -> Message {
    match ty {
        "string" => msg!("noun-json-string"),
        "integer" => msg!("noun-json-integer"),
        "number" => msg!("noun-json-number"),
        "boolean" => msg!("noun-json-boolean"),
        "array" => msg!("noun-json-array"),
        "object" => msg!("noun-json-object"),
        "null" => msg!("noun-json-null"),
        _ => msg!("noun-json-value"),
    }
}

/// The words for what a schema accepts: "text or a list".
fn accepted(defs: &Map<String, Value>, schema: &Value) -> Message {
    let schema = resolve(defs, schema);
    let mut words: Vec<Message> = Vec::new();
    let mut add = |w: Message| {
        if !words.iter().any(|x| x.id() == w.id()) {
            words.push(w);
        }
    };
    if closed_words(schema).is_some() {
        add(msg!("scenario-noun-listed-word"));
    }
    for ty in types_of(schema) {
        if ty != "null" {
            add(type_words(ty));
        }
    }
    for branch in schema.get("anyOf").or_else(|| schema.get("oneOf")).and_then(Value::as_array).into_iter().flatten() {
        let branch = resolve(defs, branch);
        for ty in types_of(branch) {
            if ty != "null" {
                add(type_words(ty));
            }
        }
    }
    // Joined by "or", from the last: "text or a list or …".
    let mut words = words.into_iter().rev();
    let last = words.next().unwrap_or_else(|| msg!("noun-json-value"));
    words.fold(last, |rest, first| msg!("noun-or", first = first, rest = rest))
}

fn walk(defs: &Map<String, Value>, node: &Node, schema: &Value, path: &Path, out: &mut Vec<Problem>) {
    if *schema == Value::Bool(true) {
        return;
    }
    let schema = resolve(defs, schema);
    if let Some(words) = closed_words(schema) {
        match &node.value {
            NodeValue::Str(s) if words.contains(&s.as_str()) => {}
            NodeValue::Str(s) => {
                let fix = match did_you_mean(s, words.iter().copied()) {
                    Some(best) => msg!("scenario-unknown-word-fix-suggest", best = best, words = words.join(", ")),
                    None => msg!("scenario-write-one-of", words = words.join(", ")),
                };
                out.push(Problem::at_value(path, "unknown-word", msg!("scenario-unknown-word", word = s), fix));
            }
            NodeValue::Null if path_is_optional_null(schema) => {}
            other => out.push(Problem::at_value(
                path,
                "wrong-type",
                msg!("scenario-wrong-type-word", words = words.join(", "), found = described(other)),
                msg!("scenario-write-one-of", words = words.join(", ")),
            )),
        }
        return;
    }
    if let Some(branches) = schema.get("anyOf").or_else(|| schema.get("oneOf")).and_then(Value::as_array) {
        let mut fitting = None;
        for branch in branches {
            let mut found = Vec::new();
            walk(defs, node, branch, path, &mut found);
            if found.is_empty() {
                return;
            }
            let resolved = resolve(defs, branch);
            let kind_fits = types_of(resolved).iter().any(|t| matches_type(t, node))
                || (types_of(resolved).is_empty() && closed_words(resolved).is_some() && node.as_str().is_some());
            if kind_fits && fitting.is_none() {
                fitting = Some(found);
            }
        }
        match fitting {
            Some(found) => out.extend(found),
            None => out.push(Problem::at_value(
                path,
                "wrong-type",
                msg!("scenario-wrong-type", expected = accepted(defs, schema), found = described(&node.value)),
                msg!("scenario-wrong-type-fix", expected = accepted(defs, schema)),
            )),
        }
        return;
    }
    let types = types_of(schema);
    if !types.is_empty() && !types.iter().any(|t| matches_type(t, node)) {
        out.push(Problem::at_value(
            path,
            "wrong-type",
            msg!("scenario-wrong-type", expected = accepted(defs, schema), found = described(&node.value)),
            hint_for(&types, node),
        ));
        return;
    }
    match &node.value {
        NodeValue::Str(s)
            if schema.get("format").and_then(Value::as_str) == Some("date") && Date::parse_iso(s).is_none() =>
        {
            out.push(Problem::at_value(
                path,
                "bad-date",
                msg!("scenario-bad-date", date = s),
                msg!("scenario-bad-date-fix"),
            ));
        }
        NodeValue::Map(entries) => {
            let properties = schema.get("properties").and_then(Value::as_object);
            let additional = schema.get("additionalProperties");
            let mut seen: Vec<String> = Vec::new();
            for (key, value) in entries {
                let name = key.key_text();
                let key_path = path.key(&name);
                if seen.contains(&name) {
                    out.push(Problem::at_key(
                        &key_path,
                        seen.iter().filter(|k| **k == name).count(),
                        "duplicate-key",
                        msg!("scenario-duplicate-key", key = &name),
                        msg!("scenario-duplicate-key-fix"),
                    ));
                    continue;
                }
                seen.push(name.clone());
                match (properties.and_then(|p| p.get(&name)), additional) {
                    (Some(s), _) => walk(defs, value, s, &key_path, out),
                    (None, Some(Value::Bool(false))) => {
                        let names = properties.map(|p| p.keys().map(String::as_str).collect::<Vec<_>>());
                        let names = names.unwrap_or_default();
                        let fix = match did_you_mean(&name, names.iter().copied()) {
                            Some(best) => msg!("did-you-mean", best = best),
                            None => msg!("scenario-unknown-key-fix", keys = names.join(", ")),
                        };
                        let message = msg!("scenario-unknown-key", key = &name);
                        out.push(Problem::at_key(&key_path, 0, "unknown-key", message, fix));
                    }
                    (None, Some(s)) if s.is_object() => walk(defs, value, s, &key_path, out),
                    (None, _) => {}
                }
            }
            for required in schema.get("required").and_then(Value::as_array).into_iter().flatten() {
                let Some(name) = required.as_str() else { continue };
                if !seen.iter().any(|k| k == name) {
                    let fix = match property_hint(name, properties.and_then(|p| p.get(name))) {
                        Some(about) => msg!("scenario-missing-key-fix-described", key = name, about = about),
                        None => msg!("scenario-missing-key-fix", key = name),
                    };
                    out.push(Problem::at_value(path, "missing-key", msg!("scenario-missing-key", key = name), fix));
                }
            }
        }
        NodeValue::Seq(items) => {
            if let Some(item_schema) = schema.get("items") {
                for (i, item) in items.iter().enumerate() {
                    walk(defs, item, item_schema, &path.index(i), out);
                }
            }
        }
        _ => {}
    }
}

/// A `null` is fine where the schema lists `null` among its types.
fn path_is_optional_null(schema: &Value) -> bool {
    types_of(schema).contains(&"null")
}

/// What to write for a value of the wrong kind.
fn hint_for(types: &[&str], node: &Node) -> Message {
    match (types.first().copied(), &node.value) {
        (Some("string"), NodeValue::Int(_) | NodeValue::Float(_) | NodeValue::Bool(_)) => {
            msg!("scenario-wrong-type-fix-quote")
        }
        (Some("array"), _) => msg!("scenario-wrong-type-fix-array"),
        (Some("object"), _) => msg!("scenario-wrong-type-fix-object"),
        (Some(t), _) => msg!("scenario-wrong-type-fix", expected = type_words(t)),
        (None, _) => msg!("scenario-wrong-type-fix", expected = msg!("noun-json-value")),
    }
}

/// The first sentence of a property's description, for a missing key's fix.
fn description(schema: Option<&Value>) -> Option<String> {
    schema
        .and_then(|s| s.get("description"))
        .and_then(Value::as_str)
        .and_then(|d| d.split(". ").next())
        .map(|d| d.replace('\n', " ").trim().trim_end_matches('.').to_string())
}

/// What the required key `name` is, for a missing key's fix: the first sentence of its
/// description in the schema, said in the catalogue's words (`scenario-about-…`; a test holds
/// the English to the schema's).
fn property_hint(name: &str, schema: Option<&Value>) -> Option<Message> {
    description(schema)?;
    Some(match name {
        "scenario" => msg!("scenario-about-scenario"),
        "today" => msg!("scenario-about-today"),
        "procedure" => msg!("scenario-about-procedure"),
        "code" => msg!("scenario-about-code"),
        "steps" => msg!("scenario-about-steps"),
        "action" => msg!("scenario-about-action"),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_committed_schema_is_up_to_date() {
        let committed = include_str!("../../../schema/scenario.schema.json");
        assert!(
            committed == scenario_schema_text(),
            "schema/scenario.schema.json is stale: run `cargo run -p tetsuzuki-cli -- schema --scenario > schema/scenario.schema.json`"
        );
    }

    #[test]
    fn the_schema_names_every_key_the_reader_reads() {
        let schema = scenario_schema();
        let props = |def: &str| -> Vec<String> {
            let s = if def.is_empty() { schema } else { &schema["$defs"][def] };
            let mut keys: Vec<String> = s["properties"].as_object().unwrap().keys().cloned().collect();
            keys.sort();
            keys
        };
        assert_eq!(
            props(""),
            [
                "answers",
                "date",
                "description",
                "event",
                "expect",
                "journey",
                "lang",
                "procedure",
                "scenario",
                "screening",
                "today",
                "town"
            ]
        );
        assert_eq!(props("Expect"), ["checklist", "issues", "no_issues", "pages", "questions", "submission"]);
        assert_eq!(props("ChecklistExpect"), ["applies", "asked", "issues", "no_issues", "not_applies", "not_asked"]);
        assert_eq!(props("AppliesEntry"), ["due", "mode", "overdue", "procedure"]);
        assert_eq!(props("IssueExpect"), ["code", "field", "message", "severity"]);
    }

    /// A missing key's fix says what the key is: the first sentence of its description, word
    /// for word in English.
    #[test]
    fn every_required_key_is_described_as_the_schema_describes_it() {
        let schema = scenario_schema();
        let mut objects = vec![schema];
        objects.extend(schema["$defs"].as_object().unwrap().values());
        let mut seen = 0;
        for object in objects {
            for name in object.get("required").and_then(Value::as_array).into_iter().flatten() {
                let name = name.as_str().unwrap();
                let property = object["properties"].get(name);
                let about =
                    property_hint(name, property).unwrap_or_else(|| panic!("`{name}` has no `scenario-about-…`"));
                assert_eq!(about.say(Lang::En), description(property).unwrap(), "`{name}`");
                seen += 1;
            }
        }
        assert_eq!(seen, 6);
    }
}
