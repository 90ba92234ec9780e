//! Validating a whole form: which fields are relevant, which are required, what each answer
//! means, which rules fail — every issue at once, in the resident's language.
//!
//! A [`FormPlan`] is built once per procedure (expressions parsed and resolved); validating
//! then only reads answers and evaluates.
//!
//! A condition that cannot be parsed or evaluated (anything but an unanswered name) is never
//! taken as false: a `show_if` shows its question, a `required` condition does not require,
//! and a rule's `check` or `when` gives the warning `rule_unavailable` with the parameters
//! `rule`, `condition` (`check` or `when`) and `cause` (`eval-bad-regex`, `eval-type`,
//! `eval-budget`, `expr-syntax`…), for the host to log; never the answer.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::{Arc, OnceLock};

/// FNV-1a: names are short and trusted (they come from checked definitions), so a simple
/// fast hash beats the default DoS-resistant one on the per-keystroke path.
#[derive(Default)]
struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 { 0xcbf2_9ce4_8422_2325 } else { self.0 };
        for b in bytes {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
        self.0 = h;
    }
}

type NameMap<V> = HashMap<String, V, BuildHasherDefault<Fnv>>;

use serde_json::{Map, Value as Json};

use super::messages::{catalogue, message_id};
use super::types::{group_problems, item_limit};
use super::{Context, Outcome, Problem, State, interpret, is_empty};
use crate::date::Date;
use crate::expr::eval::{Budget, Env, EvalError, eval_condition};
use crate::expr::{self, Expr, MapScope};
use crate::model::{CodeList, Field, FieldType, Lang, Procedure, Requirement, Rule, Severity, Text};
use crate::value::Value;

/// One issue with one answer, in one language: what is wrong and how to fix it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Issue {
    /// The field's path: `move_date`, or `members[1].birth_date` inside a group.
    pub field: String,
    /// Stable code: `required`, `postal_code.wrong_length`, `rule.late`…
    pub code: String,
    /// Error (blocks submission) or warning (lets the resident submit).
    pub severity: Severity,
    /// What is wrong, naming the field in its label's words.
    pub message: String,
    /// What to do.
    pub fix: String,
    /// A one-press fix the widget can show as a button.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub machine_fix: Option<IssueFix>,
    /// The message's parameters (no personal data).
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub params: BTreeMap<String, String>,
}

/// A one-press fix: the button's label and the answer it sets.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct IssueFix {
    /// The button's label.
    pub label: String,
    /// The answer after the fix.
    pub value: String,
}

/// Answers by field id, in form order (a JSON object when serialised).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Answers(pub Vec<(String, Json)>);

impl Answers {
    /// The answer of a field.
    pub fn get(&self, field: &str) -> Option<&Json> {
        self.0.iter().find(|(id, _)| id == field).map(|(_, v)| v)
    }

    /// Every answer, in form order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Json)> {
        self.0.iter().map(|(k, v)| (k.as_str(), v))
    }

    /// How many answers there are.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// As a JSON object.
    pub fn to_map(&self) -> Map<String, Json> {
        self.0.iter().cloned().collect()
    }
}

impl serde::Serialize for Answers {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

/// The result of validating a form.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize)]
pub struct Validation {
    /// Every issue of every relevant field, in form order.
    pub issues: Vec<Issue>,
    /// The normalised answers of the relevant fields (what a submission holds), in form order.
    pub normalized: Answers,
    /// The ids of the relevant fields, in form order.
    pub relevant: Vec<String>,
}

impl Validation {
    /// Whether there is an error (warnings let the resident submit).
    pub fn has_errors(&self) -> bool {
        self.issues.iter().any(|i| i.severity == Severity::Error)
    }
}

/// Where a form's answers are read from: a map by field id, or a one-stop session's answers by
/// question key with each field's key (no copying of answers per procedure).
#[derive(Debug, Clone, Copy)]
pub enum AnswerMap<'a> {
    /// `{field id: answer}`.
    ByField(&'a Map<String, Json>),
    /// `{question key: answer}` and `{field id: question key}`.
    ByKey {
        /// The answers by question key.
        answers: &'a Map<String, Json>,
        /// Each field's question key.
        keys: &'a HashMap<String, String>,
    },
}

impl<'a> AnswerMap<'a> {
    /// The answer to a field.
    pub fn get(&self, field: &str) -> Option<&'a Json> {
        match *self {
            AnswerMap::ByField(m) => m.get(field),
            AnswerMap::ByKey { answers, keys } => keys.get(field).and_then(|k| answers.get(k)),
        }
    }

    /// A fact given beside the answers, by concept (a screening answer).
    fn fact(&self, name: &str) -> Option<&'a Json> {
        match *self {
            AnswerMap::ByField(m) | AnswerMap::ByKey { answers: m, .. } => m.get(name),
        }
    }
}

impl<'a> From<&'a Map<String, Json>> for AnswerMap<'a> {
    fn from(m: &'a Map<String, Json>) -> AnswerMap<'a> {
        AnswerMap::ByField(m)
    }
}

/// Answers already read, shared by the procedures of a one-stop session: the same answer to
/// the same concept under the same reading constraints is read once per validation.
#[derive(Debug, Default)]
pub struct SharedReads {
    /// The reads of each concept more than one procedure asks (only those are worth
    /// remembering): one lookup says both whether to remember and what was read.
    reads: NameMap<Vec<(ReadingKey, Json, Arc<Outcome>)>>,
}

impl SharedReads {
    /// Remembers reads of these concepts (those more than one procedure asks).
    pub fn of_concepts(concepts: impl IntoIterator<Item = String>) -> SharedReads {
        SharedReads { reads: concepts.into_iter().map(|c| (c, Vec::new())).collect() }
    }
}

/// What decides how an answer is read (not its label, rules or visibility).
#[derive(Debug, Clone, PartialEq)]
struct ReadingKey {
    ty: FieldType,
    lengths: (Option<u32>, Option<u32>),
    range: (Option<f64>, Option<f64>),
    dates: (bool, bool),
    repertoire: Option<crate::model::Repertoire>,
    options: Vec<String>,
    code_list: Option<String>,
    items: (Option<u32>, Option<u32>),
    file: (Option<u32>, Vec<String>),
}

impl ReadingKey {
    /// Whether `f` reads answers exactly as this key does (compared without allocating).
    fn reads_like(&self, f: &Field) -> bool {
        self.ty == f.resolved_type()
            && self.lengths == (f.min_length, f.max_length)
            && self.range == (f.min, f.max)
            && self.dates == (f.not_future, f.not_past)
            && self.repertoire == f.repertoire
            && self.options.len() == f.options.len()
            && self.options.iter().zip(&f.options).all(|(a, b)| *a == b.value)
            && self.code_list.as_deref() == f.code_list.as_deref()
            && self.items == (f.min_items, f.max_items)
            && self.file.0 == f.max_size_kb
            && self.file.1 == f.accept
    }

    fn of(f: &Field) -> ReadingKey {
        ReadingKey {
            ty: f.resolved_type(),
            lengths: (f.min_length, f.max_length),
            range: (f.min, f.max),
            dates: (f.not_future, f.not_past),
            repertoire: f.repertoire,
            options: f.options.iter().map(|o| o.value.clone()).collect(),
            code_list: f.code_list.clone(),
            items: (f.min_items, f.max_items),
            file: (f.max_size_kb, f.accept.clone()),
        }
    }
}

/// A condition (`show_if`, `required`, a rule's `check` or `when`), parsed and resolved once.
#[derive(Debug, Clone)]
enum Condition {
    /// None is written.
    Absent,
    /// Parsed and resolved.
    Ready(Expr),
    /// Written, but not an expression (a definition the checker never saw): the code of its
    /// first parse error. It is judged as a condition that cannot be evaluated.
    Broken(&'static str),
}

impl Condition {
    fn new(src: Option<&str>, scope: &MapScope) -> Condition {
        match src.map(expr::parse) {
            None => Condition::Absent,
            Some(Ok(mut e)) => {
                expr::resolve_in_place(&mut e, scope);
                Condition::Ready(e)
            }
            Some(Err(errors)) => Condition::Broken(errors.first().map_or(expr::codes::SYNTAX, |e| e.code)),
        }
    }

    fn expr(&self) -> Option<&Expr> {
        match self {
            Condition::Ready(e) => Some(e),
            Condition::Absent | Condition::Broken(_) => None,
        }
    }
}

/// What evaluating a condition said.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Truth {
    /// It holds.
    Holds,
    /// It does not hold.
    Fails,
    /// An answer it reads is not given (yet): nothing to judge. Emptiness is the business of
    /// requiredness.
    Unanswered,
    /// It cannot be evaluated now: the stable code of why (`eval-bad-regex`, `eval-type`,
    /// `eval-budget`, `expr-syntax`…). A fault of the definition, or an answer of a shape the
    /// definition does not expect; never silently taken as true or false.
    Unavailable(&'static str),
}

/// What checking one rule said.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RuleOutcome {
    /// It holds, does not apply, or waits for an answer.
    Passes,
    /// Its `check` is false: its own message.
    Fails,
    /// Its `when` or `check` (`condition`) cannot be evaluated, for `cause`.
    Unavailable { condition: &'static str, cause: &'static str },
}

#[derive(Debug, Clone)]
struct FieldPlan {
    field: Field,
    ty: FieldType,
    page: usize,
    show_if: Condition,
    required_if: Option<Condition>,
    /// The field's rules, planned when first checked (loading a large form plans only what
    /// its first page and its conditions need).
    rules: Rules,
    items: Vec<FieldPlan>,
}

/// Rules (`check` and `when` of each), planned on first use in the scope they see.
#[derive(Debug, Clone)]
struct Rules {
    scope: Arc<MapScope>,
    plans: OnceLock<Vec<(Condition, Condition)>>,
}

impl Rules {
    fn new(scope: &Arc<MapScope>) -> Rules {
        Rules { scope: Arc::clone(scope), plans: OnceLock::new() }
    }

    /// Each rule with its planned `check` and `when`.
    fn of<'r>(&'r self, rules: &'r [Rule]) -> impl Iterator<Item = (&'r Rule, &'r Condition, &'r Condition)> {
        let plans = self.plans.get_or_init(|| {
            rules
                .iter()
                .map(|r| (Condition::new(Some(&r.check), &self.scope), Condition::new(r.when.as_deref(), &self.scope)))
                .collect()
        });
        rules.iter().zip(plans).map(|(r, (check, when))| (r, check, when))
    }
}

/// A procedure's form, ready to validate quickly and often (every keystroke).
#[derive(Debug, Clone)]
pub struct FormPlan {
    fields: Vec<FieldPlan>,
    index: NameMap<usize>,
    concept_fields: NameMap<usize>,
    pages: Vec<Condition>,
    form_rules: Vec<Rule>,
    form_rule_plans: Rules,
}

fn scope_of(fields: &[&Field], concepts: &[(String, FieldType)]) -> MapScope {
    let mut scope: MapScope = concepts.iter().map(|(id, ty)| (id.clone(), ty.expr_type())).collect();
    for f in fields {
        scope.insert(f.id.clone(), f.resolved_type().expr_type());
    }
    scope
}

fn field_plan(f: &Field, page: usize, scope: &Arc<MapScope>) -> FieldPlan {
    // Only a group's inner fields see a wider scope; copying the scope for every field would
    // make planning quadratic in the form's size.
    let wider;
    let inner_scope = if f.fields.is_empty() {
        scope
    } else {
        let mut s = MapScope::clone(scope);
        for sub in &f.fields {
            s.insert(sub.id.clone(), sub.resolved_type().expr_type());
        }
        wider = Arc::new(s);
        &wider
    };
    FieldPlan {
        field: f.clone(),
        ty: f.resolved_type(),
        page,
        show_if: Condition::new(f.show_if.as_deref(), scope),
        required_if: match &f.required {
            Requirement::When(src) => Some(Condition::new(Some(src), scope)),
            Requirement::Fixed(_) => None,
        },
        rules: Rules::new(scope),
        items: f.fields.iter().map(|sub| field_plan(sub, page, inner_scope)).collect(),
    }
}

impl FormPlan {
    /// Plans a (compiled, checked) procedure's form. `concepts` are the catalogue's concepts
    /// with their types (conditions may name them).
    pub fn new(procedure: &Procedure, concepts: &[(String, FieldType)]) -> FormPlan {
        let all: Vec<&Field> = procedure.form.fields().collect();
        let scope = Arc::new(scope_of(&all, concepts));
        let mut fields = Vec::new();
        for (pi, page) in procedure.form.pages.iter().enumerate() {
            for f in &page.fields {
                fields.push(field_plan(f, pi, &scope));
            }
        }
        let index = fields.iter().enumerate().map(|(i, p)| (p.field.id.clone(), i)).collect();
        let concept_fields =
            fields.iter().enumerate().filter_map(|(i, p)| p.field.concept.clone().map(|c| (c, i))).collect();
        FormPlan {
            fields,
            index,
            concept_fields,
            pages: procedure.form.pages.iter().map(|p| Condition::new(p.show_if.as_deref(), &scope)).collect(),
            form_rules: procedure.form.rules.clone(),
            form_rule_plans: Rules::new(&scope),
        }
    }

    /// The names (first segments: a field id, or a concept's head like `person`) that the
    /// conditions showing or hiding its pages and fields (group items' included) depend on.
    pub fn visibility_names(&self) -> std::collections::HashSet<String> {
        fn add(condition: &Condition, out: &mut std::collections::HashSet<String>) {
            for name in condition.expr().into_iter().flat_map(|e| e.names()) {
                if let Some(head) = name.segments().next() {
                    out.insert(head.to_string());
                }
            }
        }
        fn fields(plans: &[FieldPlan], out: &mut std::collections::HashSet<String>) {
            for f in plans {
                add(&f.show_if, out);
                fields(&f.items, out);
            }
        }
        let mut out = std::collections::HashSet::new();
        for page in &self.pages {
            add(page, &mut out);
        }
        fields(&self.fields, &mut out);
        out
    }

    /// Validates every relevant field and every rule.
    pub fn validate<'a>(
        &self,
        answers: impl Into<AnswerMap<'a>>,
        today: Date,
        lang: Lang,
        code_lists: &[CodeList],
    ) -> Validation {
        self.validate_with(answers.into(), today, lang, code_lists, None, true)
    }

    /// [`FormPlan::validate`], sharing reads of concept-bound answers with other procedures
    /// validated in the same session.
    pub fn validate_shared<'a>(
        &self,
        answers: impl Into<AnswerMap<'a>>,
        today: Date,
        lang: Lang,
        code_lists: &[CodeList],
        shared: &std::cell::RefCell<SharedReads>,
    ) -> Validation {
        self.validate_with(answers.into(), today, lang, code_lists, Some(shared), true)
    }

    /// [`FormPlan::validate_shared`] giving only the issues (no normalised answers and no
    /// relevant ids are collected: what a session checking every keystroke's form needs).
    pub fn issues_shared<'a>(
        &self,
        answers: impl Into<AnswerMap<'a>>,
        today: Date,
        lang: Lang,
        code_lists: &[CodeList],
        shared: &std::cell::RefCell<SharedReads>,
    ) -> Vec<Issue> {
        self.validate_with(answers.into(), today, lang, code_lists, Some(shared), false).issues
    }

    fn validate_with(
        &self,
        answers: AnswerMap<'_>,
        today: Date,
        lang: Lang,
        code_lists: &[CodeList],
        shared: Option<&std::cell::RefCell<SharedReads>>,
        collect: bool,
    ) -> Validation {
        let mut run = Run::new(self, answers, today, code_lists);
        run.shared = shared;
        run.collect = collect;
        run.look_up_all();
        let mut out = Validation::default();
        for i in 0..self.fields.len() {
            if !run.relevant(i) {
                continue;
            }
            if collect {
                out.relevant.push(self.fields[i].field.id.clone());
            }
            run.check_field(i, lang, &mut out);
        }
        run.form_rules(lang, &mut out);
        out.normalized = Answers(std::mem::take(&mut run.pending));
        out
    }

    /// Validates one field (per keystroke): its relevance, requiredness, answer and its own
    /// rules. A field that is not relevant has no issues.
    pub fn validate_field<'a>(
        &self,
        id: &str,
        answers: impl Into<AnswerMap<'a>>,
        today: Date,
        lang: Lang,
        code_lists: &[CodeList],
    ) -> Vec<Issue> {
        let Some(&i) = self.index.get(id) else { return Vec::new() };
        let answers: AnswerMap<'_> = answers.into();
        let mut run = Run::new(self, answers, today, code_lists);
        if !run.relevant(i) {
            return Vec::new();
        }
        let mut out = Validation::default();
        run.check_field(i, lang, &mut out);
        out.issues
    }

    /// The typed answers of the relevant, answered fields: (field id, its concept, value), in
    /// form order. Answers that cannot be read are left out.
    pub fn typed_answers<'a>(
        &self,
        answers: impl Into<AnswerMap<'a>>,
        today: Date,
        code_lists: &[CodeList],
    ) -> Vec<(String, Option<String>, Value)> {
        let mut run = Run::new(self, answers.into(), today, code_lists);
        let mut out = Vec::new();
        for i in 0..self.fields.len() {
            if run.relevant(i)
                && let Some(v) = run.value(i)
            {
                let f = &self.fields[i].field;
                out.push((f.id.clone(), f.concept.clone(), v));
            }
        }
        out
    }

    /// Whether each of `fields` (ids of the form's fields) is relevant now. Only the
    /// conditions these fields need are evaluated (a page's worth on a keystroke, not the
    /// whole form); an unknown id is not relevant.
    pub fn relevance_of<'a>(
        &self,
        fields: &[&str],
        answers: impl Into<AnswerMap<'a>>,
        today: Date,
        code_lists: &[CodeList],
    ) -> Vec<bool> {
        let mut run = Run::new(self, answers.into(), today, code_lists);
        fields.iter().map(|f| self.index.get(*f).is_some_and(|&i| run.relevant(i))).collect()
    }

    /// The ids of the fields that are relevant now, in form order.
    pub fn relevant_fields<'a>(
        &self,
        answers: impl Into<AnswerMap<'a>>,
        today: Date,
        code_lists: &[CodeList],
    ) -> Vec<String> {
        let answers = answers.into();
        let mut run = Run::new(self, answers, today, code_lists);
        (0..self.fields.len()).filter(|&i| run.relevant(i)).map(|i| self.fields[i].field.id.clone()).collect()
    }
}

/// One validation: memoised relevance, answers, reads and typed values.
struct Run<'a> {
    plan: &'a FormPlan,
    answers: AnswerMap<'a>,
    cx: Context<'a>,
    relevance: Vec<Option<bool>>,
    /// Each top-level field's answer, looked up once (`None`: not looked up yet).
    given: Vec<Option<Option<&'a Json>>>,
    /// Each top-level field's read, when a condition or rule read it before the field was
    /// checked: checking it then takes this read instead of reading the answer again.
    reads: Vec<Option<Arc<Outcome>>>,
    /// Each group's typed value (the other fields' values are in their reads).
    values: Vec<Option<Option<Value>>>,
    in_progress: Vec<bool>,
    /// Normalised answers, collected in order and built into a map once (cheaper than
    /// inserting one by one).
    pending: Vec<(String, Json)>,
    /// Whether normalised answers are collected (not when only the issues are wanted).
    collect: bool,
    /// Reads shared with the other procedures of a session.
    shared: Option<&'a std::cell::RefCell<SharedReads>>,
}

/// Conditions see typed answers of relevant fields; hidden fields count as unanswered.
struct RunEnv<'r, 'a> {
    run: std::cell::RefCell<&'r mut Run<'a>>,
    item: Option<(&'r FieldPlan, &'r Map<String, Json>)>,
}

impl Env for RunEnv<'_, '_> {
    fn value(&self, name: &str) -> Option<Value> {
        let mut run = self.run.borrow_mut();
        if let Some((group, item)) = self.item
            && let Some(sub) = group.items.iter().find(|s| s.field.id == name)
        {
            return item.get(name).filter(|a| !is_empty(a)).and_then(|a| run.typed(sub, a));
        }
        let i = run.plan.index.get(name).or_else(|| run.plan.concept_fields.get(name)).copied();
        match i {
            Some(i) => {
                if run.relevant(i) {
                    run.value(i)
                } else {
                    None
                }
            }
            // A concept no field asks: a fact given beside the answers (a screening answer).
            None => run.answers.fact(name).and_then(|j| Value::from_json(j, true)),
        }
    }

    fn today(&self) -> Date {
        self.run.borrow().cx.today
    }
}

impl<'a> Run<'a> {
    fn new(plan: &'a FormPlan, answers: AnswerMap<'a>, today: Date, code_lists: &'a [CodeList]) -> Run<'a> {
        let n = plan.fields.len();
        Run {
            plan,
            answers,
            cx: Context { today, code_lists },
            relevance: vec![None; n],
            given: vec![None; n],
            reads: vec![None; n],
            values: vec![None; n],
            in_progress: vec![false; n],
            pending: Vec::new(),
            collect: true,
            shared: None,
        }
    }

    /// Looks up every field's answer at once, when that is cheaper than one by one: a map by
    /// field id not much larger than the form is walked once (no search per field).
    fn look_up_all(&mut self) {
        let AnswerMap::ByField(m) = self.answers else { return };
        // (Field ids are unique in checked definitions; otherwise each is looked up alone.)
        if m.len() > 2 * self.plan.fields.len() + 8 || self.plan.index.len() != self.plan.fields.len() {
            return;
        }
        self.given.fill(Some(None));
        for (id, answer) in m {
            if let Some(&i) = self.plan.index.get(id.as_str()) {
                self.given[i] = Some(Some(answer));
            }
        }
    }

    /// The answer to top-level field `i` (looked up once per run).
    fn answer(&mut self, i: usize) -> Option<&'a Json> {
        if let Some(a) = self.given[i] {
            return a;
        }
        let a = self.answers.get(&self.plan.fields[i].field.id);
        self.given[i] = Some(a);
        a
    }

    /// Evaluates a condition (`None` when none is written). A condition that cannot be
    /// parsed or evaluated is [`Truth::Unavailable`], never taken as false: what it guards
    /// decides what that means (see [`Run::shows`], [`Run::required`], [`Run::rule`]).
    fn condition(&mut self, c: &Condition, item: Option<(&FieldPlan, &Map<String, Json>)>) -> Option<Truth> {
        let expr = match c {
            Condition::Absent => return None,
            Condition::Broken(code) => return Some(Truth::Unavailable(code)),
            Condition::Ready(e) => e,
        };
        let env = RunEnv { run: std::cell::RefCell::new(self), item };
        Some(match eval_condition(expr, &env, &mut Budget::default()) {
            Ok(true) => Truth::Holds,
            Ok(false) => Truth::Fails,
            Err(EvalError::Missing { .. }) => Truth::Unanswered,
            Err(e) => Truth::Unavailable(e.code()),
        })
    }

    /// Whether a `show_if` (of a page, a field or a group item's field) shows what it guards.
    /// Shown when none is written or it holds; hidden when it does not hold or an answer it
    /// reads is not given yet. A condition that cannot be evaluated (a broken definition, an
    /// answer of an unexpected shape, the evaluation budget spent) **shows** its question:
    /// hiding it would drop an answer the town may need and skip its checks, while showing it
    /// asks at most one question too many.
    fn shows(&mut self, c: &Condition, item: Option<(&FieldPlan, &Map<String, Json>)>) -> bool {
        !matches!(self.condition(c, item), Some(Truth::Fails | Truth::Unanswered))
    }

    fn relevant(&mut self, i: usize) -> bool {
        if let Some(r) = self.relevance[i] {
            return r;
        }
        if self.in_progress[i] {
            return false; // a cycle (the checker refuses them): treat as hidden
        }
        self.in_progress[i] = true;
        let plan = self.plan;
        let page = plan.fields[i].page;
        let page_shown = plan.pages.get(page).is_none_or(|c| self.shows(c, None));
        let shown = page_shown && self.shows(&plan.fields[i].show_if, None);
        self.in_progress[i] = false;
        self.relevance[i] = Some(shown);
        shown
    }

    fn value(&mut self, i: usize) -> Option<Value> {
        let plan = &self.plan.fields[i];
        if plan.ty == FieldType::Group {
            if let Some(v) = &self.values[i] {
                return v.clone();
            }
            let v = self.answer(i).filter(|a| !is_empty(a)).and_then(|a| self.typed(plan, a));
            self.values[i] = Some(v.clone());
            return v;
        }
        self.read_field(i).and_then(|o| o.value.clone())
    }

    /// What field `i` (not a group) says, read once per run: by a condition or rule that
    /// reads it, or by checking it, whichever comes first. `None` when it is not answered.
    fn read_field(&mut self, i: usize) -> Option<&Outcome> {
        if self.reads[i].is_none() {
            let answer = self.answer(i).filter(|a| !is_empty(a))?;
            self.reads[i] = Some(self.read(&self.plan.fields[i], answer));
        }
        self.reads[i].as_deref()
    }

    /// Reads an answer, or takes what another procedure of the session read of it.
    fn read(&self, plan: &FieldPlan, answer: &Json) -> Arc<Outcome> {
        if let (Some(shared), Some(concept), false) = (self.shared, &plan.field.concept, plan.ty == FieldType::Group) {
            let mut shared = shared.borrow_mut();
            if let Some(reads) = shared.reads.get_mut(concept.as_str()) {
                if let Some((_, _, o)) = reads.iter().find(|(k, a, _)| k.reads_like(&plan.field) && a == answer) {
                    return Arc::clone(o);
                }
                let o = Arc::new(interpret(&plan.field, answer, &self.cx));
                reads.push((ReadingKey::of(&plan.field), answer.clone(), Arc::clone(&o)));
                return o;
            }
        }
        Arc::new(interpret(&plan.field, answer, &self.cx))
    }

    fn typed(&self, plan: &FieldPlan, answer: &Json) -> Option<Value> {
        if plan.ty == FieldType::Group {
            let items = answer.as_array()?;
            // Conditions see the items that are read (past the limit, the group has an error).
            let rows = items
                .iter()
                .take(item_limit(&plan.field))
                .filter_map(|item| {
                    let obj = item.as_object()?;
                    let mut row = BTreeMap::new();
                    for sub in &plan.items {
                        if let Some(v) =
                            obj.get(&sub.field.id).filter(|a| !is_empty(a)).and_then(|a| self.typed(sub, a))
                        {
                            row.insert(sub.field.id.clone(), v);
                        }
                    }
                    Some(Value::Map(row))
                })
                .collect();
            return Some(Value::List(rows));
        }
        let read = self.read(plan, answer);
        match Arc::try_unwrap(read) {
            Ok(o) => o.value,
            Err(shared) => shared.value.clone(),
        }
    }

    /// Whether an answer is required. A `required` condition that cannot be evaluated does not
    /// require it: an error the resident could never clear would block them for a fault that is
    /// not theirs (the field is still shown and checked when answered).
    fn required(&mut self, plan: &FieldPlan, item: Option<(&FieldPlan, &Map<String, Json>)>) -> bool {
        match (&plan.field.required, &plan.required_if) {
            (Requirement::Fixed(b), _) => *b,
            (Requirement::When(_), Some(c)) => self.condition(c, item) == Some(Truth::Holds),
            (Requirement::When(_), None) => false,
        }
    }

    /// Checks top-level field `i`.
    fn check_field(&mut self, i: usize, lang: Lang, out: &mut Validation) {
        let plan = &self.plan.fields[i];
        let answer = self.answer(i);
        self.check_answer(plan, Path::Field(&plan.field.id), answer, lang, None, Some(i), out);
    }

    /// Checks one answer (of a top-level field when `index` is given, else of a group item's
    /// field) and returns its normalised form.
    #[allow(clippy::too_many_arguments)]
    fn check_answer(
        &mut self,
        plan: &FieldPlan,
        path: Path<'_>,
        answer: Option<&Json>,
        lang: Lang,
        item: Option<(&FieldPlan, &Map<String, Json>)>,
        index: Option<usize>,
        out: &mut Validation,
    ) -> Option<Json> {
        let label = plan.field.label.as_ref().map_or("", |t| t.get(lang));
        // An unticked consent is no answer: required consents say so, optional ones are fine.
        let unticked = |a: &&Json| plan.ty == FieldType::Consent && **a == Json::Bool(false);
        let answer = answer.filter(|a| !is_empty(a) && !unticked(a));
        let Some(answer) = answer else {
            if self.required(plan, item) {
                let code = match plan.ty {
                    FieldType::Choice | FieldType::MultiChoice | FieldType::Code | FieldType::Boolean => {
                        "required-choice"
                    }
                    FieldType::Consent => "required-consent",
                    _ => "required",
                };
                out.issues.push(issue(&path.text(), &Problem::error(code, State::Empty), label, lang));
            }
            return None;
        };
        let report = |problems: &[Problem], out: &mut Validation| {
            for p in problems {
                out.issues.push(issue(&path.text(), p, label, lang));
            }
            problems.iter().any(|p| p.severity == Severity::Error)
        };
        let (mut normalized, blocked) = match index {
            // A top-level group's typed value and normalised items are the form's business
            // (below): only its own problems (the number of items) are read here.
            Some(_) if plan.ty == FieldType::Group => (None, report(&group_problems(&plan.field, answer), out)),
            Some(i) => {
                // What a condition or rule already read of it, or a new read, kept for the
                // conditions and rules that read it later. The normalised answer is moved out
                // when nothing else holds the read.
                let mut read = match self.reads[i].take() {
                    Some(read) => read,
                    None => self.read(plan, answer),
                };
                let normalized = match Arc::get_mut(&mut read) {
                    Some(o) => o.normalized.take(),
                    None => read.normalized.clone(),
                };
                let blocked = report(&read.problems, out);
                self.reads[i] = Some(read);
                (normalized, blocked)
            }
            None => {
                let o = if item.is_none() {
                    Arc::unwrap_or_clone(self.read(plan, answer))
                } else {
                    interpret(&plan.field, answer, &self.cx)
                };
                (o.normalized, report(&o.problems, out))
            }
        };
        if self.collect
            && item.is_none()
            && plan.ty != FieldType::Group
            && let Some(n) = normalized.take()
        {
            self.pending.push((path.text().into_owned(), n));
        }
        if !blocked {
            for (rule, check, when) in plan.rules.of(&plan.field.rules) {
                match self.rule(check, when, item) {
                    RuleOutcome::Passes => {}
                    RuleOutcome::Fails => out.issues.push(rule_issue(&path.text(), rule, lang)),
                    RuleOutcome::Unavailable { condition, cause } => {
                        out.issues.push(unavailable_issue(&path.text(), rule, condition, cause, label, lang));
                    }
                }
            }
        }
        // A group's items: each item's fields, in the item's scope. Items past the limit are
        // not read: the group's `too_many` problem (above) counts them, once, and the group
        // has no normalised answer (it is not read whole; what the resident typed stays).
        if plan.ty == FieldType::Group {
            let parent = path.text();
            let mut normalized_items = Vec::new();
            let items = answer.as_array().map_or(&[][..], Vec::as_slice);
            let limit = item_limit(&plan.field);
            for (n, row) in items.iter().take(limit).enumerate() {
                let Some(obj) = row.as_object() else { continue };
                let mut item_out = Validation::default();
                let mut normalized_row = Map::new();
                for sub in &plan.items {
                    if !self.shows(&sub.show_if, Some((plan, obj))) {
                        continue;
                    }
                    let normalized = self.check_answer(
                        sub,
                        Path::Item(&parent, n, &sub.field.id),
                        obj.get(&sub.field.id),
                        lang,
                        Some((plan, obj)),
                        None,
                        &mut item_out,
                    );
                    if let Some(v) = normalized {
                        normalized_row.insert(sub.field.id.clone(), v);
                    }
                }
                out.issues.extend(item_out.issues);
                normalized_items.push(Json::Object(normalized_row));
            }
            if item.is_none() && self.collect && items.len() <= limit {
                self.pending.push((parent.into_owned(), Json::Array(normalized_items)));
            }
        }
        normalized
    }

    /// Checks one rule. It applies when its `when` holds (or it has none); it is judged only
    /// when everything it reads is answered (emptiness is the business of requiredness). A
    /// `when` or `check` that cannot be evaluated is [`RuleOutcome::Unavailable`]: the
    /// resident is told that the answer could not be checked now, never let through silently.
    fn rule(
        &mut self,
        check: &Condition,
        when: &Condition,
        item: Option<(&FieldPlan, &Map<String, Json>)>,
    ) -> RuleOutcome {
        match self.condition(when, item) {
            None | Some(Truth::Holds) => {}
            Some(Truth::Fails | Truth::Unanswered) => return RuleOutcome::Passes,
            Some(Truth::Unavailable(cause)) => return RuleOutcome::Unavailable { condition: "when", cause },
        }
        match self.condition(check, item) {
            Some(Truth::Fails) => RuleOutcome::Fails,
            Some(Truth::Unavailable(cause)) => RuleOutcome::Unavailable { condition: "check", cause },
            None | Some(Truth::Holds | Truth::Unanswered) => RuleOutcome::Passes,
        }
    }

    fn form_rules(&mut self, lang: Lang, out: &mut Validation) {
        let plan = self.plan;
        for (rule, check, when) in plan.form_rule_plans.of(&plan.form_rules) {
            // Checked only when every field it is shown at is relevant.
            let targets: Vec<usize> = rule.fields.iter().filter_map(|f| plan.index.get(f).copied()).collect();
            if targets.iter().any(|&i| !self.relevant(i)) {
                continue;
            }
            // The same words at every field it names (a rule that cannot run: each in the
            // words of its field's label).
            let at: Vec<&str> = match rule.fields.as_slice() {
                [] => vec![""],
                fields => fields.iter().map(String::as_str).collect(),
            };
            match self.rule(check, when, None) {
                RuleOutcome::Passes => {}
                RuleOutcome::Fails => {
                    for f in at {
                        out.issues.push(rule_issue(f, rule, lang));
                    }
                }
                RuleOutcome::Unavailable { condition, cause } => {
                    for f in at {
                        let label = plan.index.get(f).and_then(|&i| plan.fields[i].field.label.as_ref());
                        let label = label.map_or("", |t| t.get(lang));
                        out.issues.push(unavailable_issue(f, rule, condition, cause, label, lang));
                    }
                }
            }
        }
    }
}

/// Where an answer is: a field's id, or a group item's field (`members[1].birth_date`), written
/// out only when an issue or a normalised answer needs it.
#[derive(Debug, Clone, Copy)]
enum Path<'p> {
    Field(&'p str),
    Item(&'p str, usize, &'p str),
}

impl Path<'_> {
    fn text(&self) -> Cow<'_, str> {
        match *self {
            Path::Field(p) => Cow::Borrowed(p),
            Path::Item(group, n, field) => Cow::Owned(format!("{group}[{n}].{field}")),
        }
    }
}

fn issue(path: &str, p: &Problem, label: &str, lang: Lang) -> Issue {
    let mut args: Vec<(&str, String)> = p.args.iter().map(|(k, v)| (*k, v.clone())).collect();
    args.push(("label", label.to_string()));
    let id = message_id(p.code);
    let cat = catalogue();
    // A code without words would be a bug of ours; say something true rather than nothing.
    let message = cat
        .format(lang, &id, &args)
        .or_else(|| cat.format(lang, "problem_without_words", &args))
        .unwrap_or_else(|| label.to_string());
    let fix = cat.format(lang, &format!("{id}-fix"), &args).unwrap_or_default();
    let machine_fix = p.machine_fix.as_ref().map(|f| {
        let mut fargs: Vec<(&str, String)> = f.args.iter().map(|(k, v)| (*k, v.clone())).collect();
        fargs.push(("label", label.to_string()));
        IssueFix { label: cat.format(lang, f.code, &fargs).unwrap_or_default(), value: f.value.clone() }
    });
    Issue {
        field: path.to_string(),
        code: p.code.to_string(),
        severity: p.severity,
        message,
        fix,
        machine_fix,
        params: {
            let mut params = BTreeMap::new();
            for (k, v) in &p.args {
                params.insert(k.to_string(), v.clone());
            }
            params
        },
    }
}

fn rule_issue(path: &str, rule: &Rule, lang: Lang) -> Issue {
    let text = |t: &Text| t.get(lang).to_string();
    Issue {
        field: path.to_string(),
        code: format!("rule.{}", rule.id),
        severity: rule.severity,
        message: text(&rule.message),
        fix: text(&rule.fix),
        machine_fix: None,
        params: BTreeMap::new(),
    }
}

/// A rule that could not run, told to the resident as a warning (`rule_unavailable`): this
/// answer could not be checked now, they can go on, and staff will check it. Its parameters
/// say which rule and why, for the host to log (`rule`: the rule's id; `condition`: `check` or
/// `when`; `cause`: the evaluation's stable code, such as `eval-bad-regex`); never the answer.
fn unavailable_issue(
    path: &str,
    rule: &Rule,
    condition: &'static str,
    cause: &'static str,
    label: &str,
    lang: Lang,
) -> Issue {
    let problem = Problem::warning("rule_unavailable", State::RuleFailed)
        .arg("rule", &rule.id)
        .arg("condition", condition)
        .arg("cause", cause);
    issue(path, &problem, label, lang)
}

/// The expression type of each concept, for plans.
pub fn concept_types(concepts: &[crate::model::Concept]) -> Vec<(String, FieldType)> {
    concepts.iter().map(|c| (c.id.clone(), c.value_type)).collect()
}
