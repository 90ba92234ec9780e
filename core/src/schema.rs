//! The JSON Schema of the definition format, generated from the model's Rust types, and the
//! structural check of YAML documents against it.
//!
//! One schema serves two readers: editors (autocomplete and squiggles through
//! `schema/definitions.schema.json`) and the checker, which walks a document's located nodes
//! along the schema and reports *every* unknown key, missing key, wrong type and unknown word,
//! each at its line and column with what to write instead.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use serde_json::{Map, Value};

use crate::diagnostic::{Arg, Diagnostic, Message, Path, PathSeg, Tally, Target, msg};
use crate::model::Document;
use crate::source::{Node, NodeValue, ScalarStyle};
use crate::suggest::did_you_mean;

/// The JSON Schema (draft 2020-12) of one definition document.
pub fn definition_schema() -> &'static Value {
    static SCHEMA: OnceLock<Value> = OnceLock::new();
    SCHEMA.get_or_init(|| {
        named_schema(schemars::schema_for!(Document), "tetsuzuki definition document", "definitions.schema.json")
    })
}

/// The schema as the committed file holds it: pretty JSON with a final newline.
pub fn definition_schema_text() -> String {
    schema_text(definition_schema())
}

/// A generated schema with its title and its `$id` (the committed file's name under `schema/`).
pub(crate) fn named_schema(schema: schemars::Schema, title: &str, file: &str) -> Value {
    let mut schema = serde_json::to_value(schema).unwrap_or(Value::Null);
    if let Value::Object(map) = &mut schema {
        map.insert("title".into(), Value::String(title.into()));
        map.insert("$id".into(), Value::String(format!("https://tetsuzuki.invalid/schema/{file}")));
    }
    schema
}

/// A schema as the committed files hold it: pretty JSON with a final newline.
pub(crate) fn schema_text(schema: &Value) -> String {
    let mut text = serde_json::to_string_pretty(schema).unwrap_or_default();
    text.push('\n');
    text
}

/// A change that makes a misshapen document fit the format well enough to check the rest of
/// it: the value at a path replaced (`Some`) or removed (`None`).
pub type Repair = (Path, Option<Value>);

/// Checks one document's shape; `text` is the file's content (to quote what was written).
/// Returns every problem, and the repairs that let the rest of the document be checked.
///
/// At most [`crate::diagnostic::MAX_PER_CODE_PER_FILE`] diagnostics of one code are returned;
/// one `too-many-diagnostics` diagnostic sums up the rest.
pub fn check_shape(node: &Node, document: usize, text: &str) -> (Vec<Diagnostic>, Vec<Repair>) {
    let mut tally = Tally::default();
    let (mut out, repairs) = check_shape_counted(node, document, text, &mut tally);
    out.extend(tally.summaries());
    (out, repairs)
}

/// [`check_shape`] for one document of a file whose diagnostics `tally` counts (so the limit
/// per code holds for the whole file); the summaries of what was left out are the caller's.
pub(crate) fn check_shape_counted(
    node: &Node,
    document: usize,
    text: &str,
    tally: &mut Tally,
) -> (Vec<Diagnostic>, Vec<Repair>) {
    let root = definition_schema();
    let defs = root.get("$defs").and_then(Value::as_object);
    let empty = Map::new();
    let mut walker = Walker::new(defs.unwrap_or(&empty), document, text, std::mem::take(tally));
    walker.check(node, root, &Path::root(), &msg!("noun-document"));
    *tally = walker.tally;
    (walker.out, walker.repairs)
}

/// Applies repairs to a document's JSON.
pub fn apply_repairs(mut json: Value, repairs: &[Repair]) -> Value {
    for (path, value) in repairs {
        let Some((last, parent)) = path.0.split_last() else {
            if let Some(v) = value {
                json = v.clone();
            }
            continue;
        };
        let target = parent.iter().try_fold(&mut json, |node, seg| match (seg, node) {
            (PathSeg::Key(k), Value::Object(m)) => m.get_mut(k),
            (PathSeg::Index(i), Value::Array(a)) => a.get_mut(*i),
            _ => None,
        });
        let Some(target) = target else { continue };
        match (last, target, value) {
            (PathSeg::Key(k), Value::Object(m), Some(v)) => {
                m.insert(k.clone(), v.clone());
            }
            (PathSeg::Key(k), Value::Object(m), None) => {
                m.remove(k);
            }
            (PathSeg::Index(i), Value::Array(a), Some(v)) if *i < a.len() => a[*i] = v.clone(),
            _ => {}
        }
    }
    json
}

struct Walker<'a> {
    defs: &'a Map<String, Value>,
    document: usize,
    text: &'a str,
    /// The diagnostics reported (those the tally admits).
    out: Vec<Diagnostic>,
    repairs: Vec<Repair>,
    /// The file's diagnostics by code, to keep at most a limit of each.
    tally: Tally,
    /// How many diagnostics were found, reported or left out.
    found: usize,
    /// Where a value of the wrong kind was found, in order (its replacement is decided by the
    /// `check` of that path).
    wrong_at: Vec<Path>,
    /// Paths whose values were replaced.
    replaced: HashSet<Path>,
}

/// The codes of a value of the wrong kind, which is replaced by one of the right kind.
const REPLACED: [&str; 3] = ["wrong-type", "unknown-word", "out-of-range"];

/// What a definition of the schema is called (`FieldType` → "a field type", `LifeEvent` → "a
/// life event"): each of the schema's `$defs` and each `kind` of document has its noun
/// (tested), any other its name.
fn noun(def_name: &str) -> Message {
    match def_name {
        "AfterSubmit" => msg!("noun-schema-after-submit"),
        "Applicability" => msg!("noun-schema-applicability"),
        "AsMember" => msg!("noun-schema-as-member"),
        "ChangePolicy" => msg!("noun-schema-change-policy"),
        "Channel" => msg!("noun-schema-channel"),
        "ChoiceOption" => msg!("noun-schema-choice-option"),
        "Code" => msg!("noun-schema-code"),
        "CodeList" => msg!("noun-schema-code-list"),
        "Concept" => msg!("noun-schema-concept"),
        "Counting" => msg!("noun-schema-counting"),
        "DeadlineRule" => msg!("noun-schema-deadline-rule"),
        "DeadlineVariant" => msg!("noun-schema-deadline-variant"),
        "Department" => msg!("noun-schema-department"),
        "Fee" => msg!("noun-schema-fee"),
        "Field" => msg!("noun-schema-field"),
        "FieldOverride" => msg!("noun-schema-field-override"),
        "FieldType" => msg!("noun-schema-field-type"),
        "Form" => msg!("noun-schema-form"),
        "HostStep" => msg!("noun-schema-host-step"),
        "Identity" => msg!("noun-schema-identity"),
        "LegalBasis" => msg!("noun-schema-legal-basis"),
        "LifeEvent" => msg!("noun-schema-life-event"),
        "LocalFields" => msg!("noun-schema-local-fields"),
        "Model" => msg!("noun-schema-model"),
        "NamePart" => msg!("noun-schema-name-part"),
        "Offering" => msg!("noun-schema-offering"),
        "Page" => msg!("noun-schema-page"),
        "Prefill" => msg!("noun-schema-prefill"),
        "Procedure" => msg!("noun-schema-procedure"),
        "ProcedureType" => msg!("noun-schema-procedure-type"),
        "ProfilePolicy" => msg!("noun-schema-profile-policy"),
        "Region" => msg!("noun-schema-region"),
        "Repertoire" => msg!("noun-schema-repertoire"),
        "RequiredDocument" => msg!("noun-schema-required-document"),
        "Requirement" => msg!("noun-schema-requirement"),
        "ResultDelivery" => msg!("noun-schema-result-delivery"),
        "Rollover" => msg!("noun-schema-rollover"),
        "Rule" => msg!("noun-schema-rule"),
        "Sensitivity" => msg!("noun-schema-sensitivity"),
        "Severity" => msg!("noun-schema-severity"),
        "Text" => msg!("noun-schema-text"),
        "Town" => msg!("noun-schema-town"),
        "Visit" => msg!("noun-schema-visit"),
        "Vocabulary" => msg!("noun-schema-vocabulary"),
        other => msg!("noun-schema-other", name = other),
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

/// What a YAML value is, in the words an author would use ("a whole number", "a list").
fn described(value: &NodeValue) -> Message {
    match value {
        NodeValue::Null => msg!("noun-yaml-null"),
        NodeValue::Bool(_) => msg!("noun-yaml-bool"),
        NodeValue::Int(_) => msg!("noun-yaml-int"),
        NodeValue::Float(_) => msg!("noun-yaml-float"),
        NodeValue::Str(_) => msg!("noun-yaml-str"),
        NodeValue::Seq(_) => msg!("noun-yaml-seq"),
        NodeValue::Map(_) => msg!("noun-yaml-map"),
    }
}

/// Words joined by "or": "a list or text".
fn either(words: Vec<Message>) -> Message {
    let mut words = words.into_iter().rev();
    let last = words.next().unwrap_or_else(|| msg!("noun-json-value"));
    words.fold(last, |rest, first| msg!("noun-or", first = first, rest = rest))
}

/// A list of words in backticks, as code: `` `a`, `b` ``.
fn code_list(words: &[&str]) -> String {
    words.iter().map(|w| format!("`{w}`")).collect::<Vec<_>>().join(", ")
}

/// Whether a located YAML value is of a JSON Schema `type` (an integral float is an integer).
pub(crate) fn matches_type(ty: &str, node: &Node) -> bool {
    match (ty, &node.value) {
        ("string", NodeValue::Str(_))
        | ("boolean", NodeValue::Bool(_))
        | ("null", NodeValue::Null)
        | ("array", NodeValue::Seq(_))
        | ("object", NodeValue::Map(_))
        | ("integer", NodeValue::Int(_))
        | ("number", NodeValue::Int(_) | NodeValue::Float(_)) => true,
        ("integer", NodeValue::Float(f)) => f.fract() == 0.0 && f.is_finite(),
        _ => false,
    }
}

fn last_key(path: &Path) -> Option<&str> {
    path.0.iter().rev().find_map(|s| match s {
        PathSeg::Key(k) => Some(k.as_str()),
        PathSeg::Index(_) => None,
    })
}

/// The allowed words of a closed list (`oneOf` of `const`s, or `enum`).
fn closed_words(schema: &Value) -> Option<Vec<&str>> {
    if let Some(values) = schema.get("enum").and_then(Value::as_array) {
        return values.iter().map(Value::as_str).collect();
    }
    let branches = schema.get("oneOf").or_else(|| schema.get("anyOf"))?.as_array()?;
    branches.iter().map(|b| b.get("const").and_then(Value::as_str)).collect()
}

impl<'a> Walker<'a> {
    fn new(defs: &'a Map<String, Value>, document: usize, text: &'a str, tally: Tally) -> Walker<'a> {
        Walker {
            defs,
            document,
            text,
            out: Vec::new(),
            repairs: Vec::new(),
            tally,
            found: 0,
            wrong_at: Vec::new(),
            replaced: HashSet::new(),
        }
    }

    fn resolve(&self, schema: &'a Value) -> (&'a Value, Option<String>) {
        let mut schema = schema;
        let mut name = None;
        for _ in 0..16 {
            let Some(reference) = schema.get("$ref").and_then(Value::as_str) else { break };
            let def = reference.trim_start_matches("#/$defs/");
            match self.defs.get(def) {
                Some(s) => {
                    schema = s;
                    name = Some(def.to_string());
                }
                None => break,
            }
        }
        (schema, name)
    }

    fn raw(&self, node: &Node) -> Option<&str> {
        let (start, end) = (node.at.offset?, node.end?);
        self.text.get(start..end).map(str::trim)
    }

    fn push(&mut self, d: Diagnostic) {
        self.found += 1;
        if REPLACED.contains(&d.code) {
            self.wrong_at.push(d.target.path.clone());
        }
        if self.tally.keep(&d) {
            self.out.push(d);
        }
    }

    /// A value that fits `schema` (the first word of a list, empty text, an empty list…).
    fn placeholder(&self, schema: &'a Value, depth: usize) -> Value {
        let (schema, _) = self.resolve(schema);
        if depth > 8 {
            return Value::Null;
        }
        if let Some(words) = closed_words(schema) {
            return words.first().map_or(Value::Null, |w| Value::String(w.to_string()));
        }
        if let Some(branches) = schema.get("oneOf").or_else(|| schema.get("anyOf")).and_then(Value::as_array) {
            if branches.iter().any(|b| b.get("type").and_then(Value::as_str) == Some("null")) {
                return Value::Null;
            }
            return branches.first().map_or(Value::Null, |b| self.placeholder(b, depth + 1));
        }
        let ty = match schema.get("type") {
            Some(Value::String(t)) => t.as_str(),
            Some(Value::Array(a)) if a.iter().any(|t| t == "null") => return Value::Null,
            Some(Value::Array(a)) => a.first().and_then(Value::as_str).unwrap_or(""),
            _ => "",
        };
        match ty {
            "string" => Value::String(String::new()),
            "integer" | "number" => schema.get("minimum").cloned().unwrap_or(Value::from(0)),
            "boolean" => Value::Bool(false),
            "array" => Value::Array(Vec::new()),
            "object" => {
                let mut m = Map::new();
                let props = schema.get("properties").and_then(Value::as_object);
                for key in
                    schema.get("required").and_then(Value::as_array).into_iter().flatten().filter_map(Value::as_str)
                {
                    if let Some(p) = props.and_then(|p| p.get(key)) {
                        m.insert(key.to_string(), self.placeholder(p, depth + 1));
                    }
                }
                Value::Object(m)
            }
            _ => Value::Null,
        }
    }

    fn check(&mut self, node: &Node, schema: &'a Value, path: &Path, what: &Message) {
        let before = self.wrong_at.len();
        self.check_value(node, schema, path, what);
        // A value of the wrong kind is replaced by one of the right kind, so the rest of the
        // document can still be checked.
        let wrong = self.wrong_at[before..].iter().any(|p| p == path);
        if wrong && self.replaced.insert(path.clone()) {
            let value = self.placeholder(schema, 0);
            self.repairs.push((path.clone(), Some(value)));
        }
    }

    fn check_value(&mut self, node: &Node, schema: &'a Value, path: &Path, what: &Message) {
        if node.style == ScalarStyle::Tagged {
            let written = node.as_str().unwrap_or("");
            let key = last_key(path).unwrap_or("value");
            self.push(
                Diagnostic::error(
                    "yaml-tag",
                    Target::value(self.document, path.clone()),
                    msg!("yaml-tag", written = written),
                )
                .with_fix(msg!("yaml-tag-fix", key = key, written = written)),
            );
            return;
        }
        let (schema, def_name) = self.resolve(schema);
        let what_owned;
        let what = match &def_name {
            Some(n) => {
                what_owned = noun(n);
                &what_owned
            }
            None => what,
        };

        if let Some(words) = closed_words(schema) {
            self.check_word(node, &words, path, what);
            return;
        }
        if let Some(branches) = schema.get("oneOf").or_else(|| schema.get("anyOf")).and_then(Value::as_array) {
            self.check_branches(node, branches, path, what);
            return;
        }
        if let Some(ty) = schema.get("type") {
            let types: Vec<&str> = match ty {
                Value::String(s) => vec![s.as_str()],
                Value::Array(a) => a.iter().filter_map(Value::as_str).collect(),
                _ => vec![],
            };
            if !types.is_empty() && !types.iter().any(|t| matches_type(t, node)) {
                self.wrong_type(node, &types, path, what);
                return;
            }
        }
        match &node.value {
            NodeValue::Map(entries) => self.check_object(node, entries, schema, path, what),
            NodeValue::Seq(items) => {
                if let Some(item_schema) = schema.get("items") {
                    for (i, item) in items.iter().enumerate() {
                        self.check(item, item_schema, &path.index(i), what);
                    }
                }
            }
            NodeValue::Int(_) | NodeValue::Float(_) => self.check_range(node, schema, path),
            _ => {}
        }
    }

    fn check_word(&mut self, node: &Node, words: &[&str], path: &Path, what: &Message) {
        let key = last_key(path).unwrap_or("value");
        match &node.value {
            NodeValue::Str(s) if words.contains(&s.as_str()) => {}
            NodeValue::Str(s) => {
                let mut d = Diagnostic::error(
                    "unknown-word",
                    Target::value(self.document, path.clone()),
                    msg!("unknown-word", word = s, what = what.clone()),
                );
                // A suggestion only for a diagnostic that is reported.
                let suggestion =
                    if self.tally.admits("unknown-word") { did_you_mean(s, words.iter().copied()) } else { None };
                d = match suggestion {
                    Some(best) => d.with_fix(msg!("unknown-word-fix-suggest", best = best, key = key)),
                    None => d.with_fix(msg!("unknown-word-fix", words = code_list(words))),
                };
                self.push(d);
            }
            other => {
                let shown = match self.raw(node) {
                    Some(raw) => msg!("noun-written-as", raw = raw, kind = described(other)),
                    None => described(other),
                };
                self.push(
                    Diagnostic::error(
                        "wrong-type",
                        Target::value(self.document, path.clone()),
                        msg!("wrong-type-word", key = key, what = what.clone(), shown = shown),
                    )
                    .with_fix(msg!("unknown-word-fix", words = code_list(words))),
                );
            }
        }
    }

    fn check_branches(&mut self, node: &Node, branches: &'a [Value], path: &Path, what: &Message) {
        // Nullable: `anyOf: [X, {type: null}]`.
        let non_null: Vec<&'a Value> =
            branches.iter().filter(|b| b.get("type").and_then(Value::as_str) != Some("null")).collect();
        if non_null.len() < branches.len() {
            if node.value == NodeValue::Null {
                return;
            }
            if non_null.len() == 1 {
                self.check(node, non_null[0], path, what);
                return;
            }
        }
        // Told apart by a key with a constant value (`kind: procedure`).
        if let Some((key, options)) = self.discriminator(&non_null) {
            let words: Vec<&str> = options.iter().map(|(w, _)| *w).collect();
            match node.entry(&key) {
                None if matches!(node.value, NodeValue::Map(_)) => {
                    let list = words.iter().map(|w| format!("`{key}: {w}`")).collect::<Vec<_>>().join(", ");
                    self.push(
                        Diagnostic::error(
                            "missing-key",
                            Target::value(self.document, path.clone()),
                            msg!("missing-key-kind", what = what.clone(), key = &key),
                        )
                        .with_fix(msg!("missing-key-kind-fix", list = list)),
                    );
                }
                None => {
                    let types = ["object"];
                    self.wrong_type(node, &types, path, what);
                }
                Some((_, value)) => {
                    let chosen = value.as_str().and_then(|w| options.iter().find(|(o, _)| *o == w));
                    match chosen {
                        Some((word, branch)) => {
                            let word_noun = noun(&camel(word));
                            let branch = *branch;
                            self.check(node, branch, path, &word_noun);
                        }
                        None => self.check_word(value, &words, &path.key(&key), &msg!("noun-known-key", key = &key)),
                    }
                }
            }
            return;
        }
        // Otherwise: fits if any branch fits.
        let mut best: Option<Walker<'a>> = None;
        for branch in &non_null {
            let mut trial = Walker::new(self.defs, self.document, self.text, self.tally.clone());
            trial.check(node, branch, path, what);
            if trial.found == 0 {
                return;
            }
            if best.as_ref().is_none_or(|b| trial.found < b.found) {
                best = Some(trial);
            }
        }
        let types: Vec<&str> = non_null.iter().filter_map(|b| b.get("type").and_then(Value::as_str)).collect();
        if types.len() == non_null.len() {
            self.wrong_type(node, &types, path, what);
        } else if let Some(trial) = best {
            self.out.extend(trial.out);
            self.repairs.extend(trial.repairs);
            self.tally.adopt(trial.tally);
            self.found += trial.found;
            self.wrong_at.extend(trial.wrong_at);
            self.replaced.extend(trial.replaced);
        }
    }

    /// For branches that are all objects with one key holding a constant, that key and the
    /// branch for each constant.
    fn discriminator(&self, branches: &[&'a Value]) -> Option<(String, Vec<(&'a str, &'a Value)>)> {
        let mut key: Option<&str> = None;
        let mut options = Vec::new();
        for b in branches {
            let (b, _) = self.resolve(b);
            let props = b.get("properties")?.as_object()?;
            let (k, c) =
                props.iter().find_map(|(k, v)| v.get("const").and_then(Value::as_str).map(|c| (k.as_str(), c)))?;
            if key.is_some_and(|prev| prev != k) {
                return None;
            }
            key = Some(k);
            options.push((c, b));
        }
        Some((key?.to_string(), options))
    }

    fn wrong_type(&mut self, node: &Node, types: &[&str], path: &Path, what: &Message) {
        let expected = either(types.iter().filter(|t| **t != "null").map(|t| type_words(t)).collect());
        let key = last_key(path);
        let subject = match (key, path.0.last()) {
            (Some(k), Some(PathSeg::Key(_))) => Arg::Text(format!("`{k}`")),
            _ => Arg::Message(what.clone()),
        };
        let raw = self.raw(node).unwrap_or("").to_string();
        let wants_text = types.contains(&"string");
        let plain_scalar = node.style == ScalarStyle::Plain
            && matches!(node.value, NodeValue::Int(_) | NodeValue::Float(_) | NodeValue::Bool(_));
        let (message, fix) = if wants_text && plain_scalar && !raw.is_empty() {
            // `version: 1.0` is a number; the version it means is `1.0.0`.
            let quoted =
                if key == Some("version") && raw.matches('.').count() == 1 { format!("{raw}.0") } else { raw.clone() };
            (
                msg!("wrong-type-text", subject = subject, raw = &raw, kind = described(&node.value)),
                msg!("wrong-type-text-fix", key = key.unwrap_or("value"), value = quoted),
            )
        } else if let (true, NodeValue::Seq(items)) = (wants_text && types.len() <= 2, &node.value) {
            let first = items.first().and_then(|i| self.raw(i)).unwrap_or("…");
            (
                msg!("wrong-type-list", subject = subject),
                msg!("wrong-type-list-fix", key = key.unwrap_or("value"), first = first),
            )
        } else {
            let found = described(&node.value);
            let key = key.unwrap_or("value");
            let fix = match types.iter().find(|t| **t != "null") {
                Some(&"array") => msg!("wrong-type-fix-array"),
                Some(&"object") => msg!("wrong-type-fix-object", what = what.clone()),
                Some(&"boolean") => msg!("wrong-type-fix-boolean", key = key),
                Some(&"integer") => msg!("wrong-type-fix-integer", key = key),
                _ => msg!("wrong-type-fix", expected = expected.clone()),
            };
            (msg!("wrong-type", subject = subject, expected = expected, found = found), fix)
        };
        self.push(Diagnostic::error("wrong-type", Target::value(self.document, path.clone()), message).with_fix(fix));
    }

    fn check_range(&mut self, node: &Node, schema: &Value, path: &Path) {
        let value = match node.value {
            NodeValue::Int(i) => i as f64,
            NodeValue::Float(f) => f,
            _ => return,
        };
        let key = last_key(path).unwrap_or("value");
        let max = match schema.get("format").and_then(Value::as_str) {
            Some("uint32") => Some(u32::MAX as f64),
            Some("uint16") => Some(u16::MAX as f64),
            _ => schema.get("maximum").and_then(Value::as_f64),
        };
        if let Some(min) = schema.get("minimum").and_then(Value::as_f64)
            && value < min
        {
            self.push(
                Diagnostic::error(
                    "out-of-range",
                    Target::value(self.document, path.clone()),
                    msg!("out-of-range-min", key = key, min = min),
                )
                .with_fix(msg!("out-of-range-min-fix", min = min)),
            );
            return;
        }
        if let Some(max) = max
            && value > max
        {
            self.push(
                Diagnostic::error(
                    "out-of-range",
                    Target::value(self.document, path.clone()),
                    msg!("out-of-range-max", key = key, max = max),
                )
                .with_fix(msg!("out-of-range-max-fix", max = max)),
            );
        }
    }

    fn check_object(&mut self, node: &Node, entries: &[(Node, Node)], schema: &'a Value, path: &Path, what: &Message) {
        let props = schema.get("properties").and_then(Value::as_object);
        let known: Vec<&str> = props.map(|p| p.keys().map(String::as_str).collect()).unwrap_or_default();
        let additional = schema.get("additionalProperties");
        // Each key written: the line it is first written at, and how many times so far.
        let mut seen: HashMap<String, (u32, usize)> = HashMap::new();
        for (key_node, value) in entries {
            let key = match &key_node.value {
                NodeValue::Str(s) => s.clone(),
                _ => {
                    let raw = self.raw(key_node).unwrap_or("?").to_string();
                    self.push(
                        Diagnostic::error(
                            "wrong-type",
                            Target::key(self.document, path.key(&raw)),
                            msg!("wrong-type-key", raw = &raw),
                        )
                        .with_fix(msg!("wrong-type-key-fix", raw = &raw)),
                    );
                    continue;
                }
            };
            let child = path.key(&key);
            let (first, occurrence) = {
                let written = seen.entry(key.clone()).or_insert((key_node.at.line, 0));
                written.1 += 1;
                (written.0, written.1 - 1)
            };
            if occurrence > 0 {
                let mut target = Target::key(self.document, child);
                target.occurrence = occurrence;
                self.push(
                    Diagnostic::error(
                        "duplicate-key",
                        target,
                        msg!("duplicate-key", key = &key, what = what.clone(), first = first),
                    )
                    .with_fix(msg!("duplicate-key-fix")),
                );
                continue;
            }
            if let Some(prop) = props.and_then(|p| p.get(&key)) {
                self.check(value, prop, &child, what);
                continue;
            }
            match additional {
                Some(Value::Bool(false)) => {
                    self.repairs.push((child.clone(), None));
                    let mut d = Diagnostic::error(
                        "unknown-key",
                        Target::key(self.document, child),
                        msg!("unknown-key", key = &key, what = what.clone()),
                    );
                    // A suggestion only for a diagnostic that is reported.
                    let suggestion =
                        if self.tally.admits("unknown-key") { did_you_mean(&key, known.iter().copied()) } else { None };
                    d = match suggestion {
                        Some(best) => d.with_fix(msg!("did-you-mean", best = best)),
                        None if !self.tally.admits("unknown-key") => d.with_fix(msg!("unknown-key-fix-remove")),
                        None => d.with_fix(msg!("unknown-key-fix", what = what.clone(), keys = code_list(&known))),
                    };
                    self.push(d);
                }
                Some(extra @ Value::Object(_)) => self.check(value, extra, &child, what),
                _ => {}
            }
        }
        if let Some(required) = schema.get("required").and_then(Value::as_array) {
            for key in required.iter().filter_map(Value::as_str) {
                if !seen.contains_key(key) {
                    let prop = props.and_then(|p| p.get(key));
                    if let Some(p) = prop {
                        let value = self.placeholder(p, 0);
                        self.repairs.push((path.key(key), Some(value)));
                    }
                    let is_text = prop.is_some_and(|p| p.get("$ref").and_then(Value::as_str) == Some("#/$defs/Text"));
                    let fix = match prop.and_then(|p| p.get("description")).and_then(Value::as_str) {
                        _ if is_text => msg!("missing-key-fix-text", key = key),
                        Some(d) => msg!(
                            "missing-key-fix-described",
                            key = key,
                            description = lower_first(d.trim_end_matches('.').replace('\n', " "))
                        ),
                        None => msg!("missing-key-fix", key = key),
                    };
                    self.push(
                        Diagnostic::error(
                            "missing-key",
                            Target::value(self.document, path.clone()),
                            msg!("missing-key", what = what.clone(), key = key),
                        )
                        .with_fix(fix),
                    );
                }
            }
        }
        let _ = node;
    }
}

/// `life_event` → `LifeEvent`.
fn camel(word: &str) -> String {
    word.split('_')
        .map(|w| {
            let mut c = w.chars();
            c.next().map(|f| f.to_uppercase().collect::<String>() + c.as_str()).unwrap_or_default()
        })
        .collect()
}

fn lower_first(s: String) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) if f.is_ascii_uppercase() && !c.clone().next().is_some_and(|n| n.is_ascii_uppercase()) => {
            f.to_ascii_lowercase().to_string() + c.as_str()
        }
        _ => s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each definition of the schema, and each `kind` of document, is named by a noun of its own
    /// in the catalogue: a type added to the model needs its noun in `noun` (and check.ftl).
    #[test]
    fn every_definition_and_kind_has_its_noun() {
        let schema = definition_schema();
        let defs = schema.get("$defs").and_then(Value::as_object).expect("$defs");
        let kinds = schema.get("oneOf").and_then(Value::as_array).expect("kinds");
        let kinds = kinds.iter().filter_map(|k| k.pointer("/properties/kind/const")?.as_str()).map(camel);
        let names: Vec<String> = defs.keys().cloned().chain(kinds).collect();
        assert!(names.len() > 40, "{names:?}");
        for name in names {
            assert_ne!(noun(&name).id(), "noun-schema-other", "`{name}` has no noun in schema.rs and check.ftl");
        }
        assert_eq!(noun("FieldType").to_string(), "a field type");
        assert_eq!(noun("LifeEvent").to_string(), "a life event");
    }
}
