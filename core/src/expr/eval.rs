//! The evaluator: an expression tree and the answers given so far to a [`Value`].
//!
//! The meaning is CEL's, with the rules forms need for answers not given yet:
//!
//! - A name is *unanswered* when the [`Env`] has no value for it or holds [`Value::Null`]; a
//!   field of a group that is absent or null is unanswered too. Using an unanswered value where
//!   a value is needed — in arithmetic, an ordering, `==` with a non-null value, a function
//!   argument, a list item, or as the result — is [`EvalError::Missing`], naming the answer.
//!   Only `x == null` / `x != null` and `has(x)` look at an unanswered name without failing.
//! - `&&` and `||` are commutative as in CEL: `false && e` and `e && false` are `false`, `true
//!   || e` and `e || true` are `true`, whatever error `e` gives (a missing answer included); when
//!   neither side decides, the first error (in source order) is the result. `? :` evaluates only
//!   the branch taken.
//! - Whole-number arithmetic is checked: overflow is [`EvalError::Overflow`], `/` and `%` by zero
//!   are [`EvalError::DivisionByZero`]. A whole number meeting a double in arithmetic or a
//!   comparison is promoted to a double.
//! - A run of the same prefix operator cancels in pairs, as in CEL's grammar: `--x` is `x` (even
//!   for the smallest whole number) and `!!x` is `x`.
//! - Every node visited costs one step of the [`Budget`], and operations on lists and strings
//!   cost their size, so evaluation is bounded whatever the tree and the answers.
//!
//! Trees from [`parse`](super::parse) work as they are: a chain `a.b.c` is looked up in the
//! environment as the longest dotted name answered (`a.b.c`, then `a.b` with field `c`, then
//! `a`...), so [`resolve`](super::resolve) is not required, though resolved trees work the same.
//!
//! ```
//! use tetsuzuki::date::Date;
//! use tetsuzuki::expr::{parse, eval_condition, Budget, MapEnv};
//! use tetsuzuki::value::Value;
//!
//! let today = Date::new(2025, 4, 1).unwrap();
//! let env = MapEnv::new(today)
//!     .with("person.birth_date", Value::Date(Date::new(2007, 4, 1).unwrap()))
//!     .with("household.has_children", Value::Bool(false));
//! let e = parse("age(person.birth_date) >= 18 || household.has_children").unwrap();
//! assert_eq!(eval_condition(&e, &env, &mut Budget::default()), Ok(true));
//!
//! // An unanswered name is reported, unless the other side of `||` decides.
//! let e = parse("move_date <= today()").unwrap();
//! let error = eval_condition(&e, &env, &mut Budget::default()).unwrap_err();
//! assert_eq!(error.code(), "eval-missing");
//! let e = parse("move_date <= today() || true").unwrap();
//! assert_eq!(eval_condition(&e, &env, &mut Budget::default()), Ok(true));
//! ```

use std::cmp::Ordering;
use std::collections::BTreeMap;
use std::fmt;

use super::ast::{BinaryOp, Expr, ExprKind, Name, UnaryOp};
use super::functions::{self, Overload, Param};
use super::parser::MAX_DEPTH;
use crate::date::Date;
use crate::value::Value;

/// What an evaluation can see: the answers given so far and the date of evaluation.
pub trait Env {
    /// The answer to a field id or dotted concept id. `None` or `Some(Value::Null)` means the
    /// name is not answered (yet).
    fn value(&self, name: &str) -> Option<Value>;

    /// Today's date, as the caller decides it (core never reads the clock).
    fn today(&self) -> Date;
}

/// An [`Env`] given as a map from names to answers, with a fixed "today": for tests, previews
/// and callers that already hold all answers in memory.
#[derive(Debug, Clone, PartialEq)]
pub struct MapEnv {
    /// The answers, by field id or dotted concept id.
    pub values: BTreeMap<String, Value>,
    /// The date of evaluation.
    pub today: Date,
}

impl MapEnv {
    /// An environment with no answers, evaluated on `today`.
    pub fn new(today: Date) -> Self {
        MapEnv { values: BTreeMap::new(), today }
    }

    /// The environment with one more answer (replacing any previous answer to that name).
    #[must_use]
    pub fn with(mut self, name: impl Into<String>, value: Value) -> Self {
        self.values.insert(name.into(), value);
        self
    }
}

impl Env for MapEnv {
    fn value(&self, name: &str) -> Option<Value> {
        self.values.get(name).cloned()
    }

    fn today(&self) -> Date {
        self.today
    }
}

/// How much work an evaluation may still do, in steps.
///
/// Each node of the tree visited costs one step; an operation over a list costs one step per
/// item (`in`, list `+`, list `==`); an operation over text costs one step per
/// [`Budget::BYTES_PER_STEP`] bytes (string `+`, `contains`, `matches`, `size`...). When the
/// steps run out, evaluation stops with [`EvalError::Budget`]. One budget can be shared by
/// several evaluations (all the conditions of a form, say) to bound them together.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Budget {
    /// Steps left.
    pub steps: u32,
}

impl Budget {
    /// The default number of steps: far more than any real condition needs (the largest tree the
    /// parser accepts has [`MAX_NODES`](super::MAX_NODES) nodes), small enough to answer
    /// instantly.
    pub const DEFAULT_STEPS: u32 = 10_000;

    /// Bytes of text one step pays for.
    pub const BYTES_PER_STEP: usize = 16;

    /// A budget of `steps` steps.
    pub const fn new(steps: u32) -> Self {
        Budget { steps }
    }

    /// Spends `cost` steps, or all that is left and fails if that is not enough.
    fn charge(&mut self, cost: usize) -> Result<(), EvalError> {
        match u32::try_from(cost).ok().and_then(|c| self.steps.checked_sub(c)) {
            Some(left) => {
                self.steps = left;
                Ok(())
            }
            None => {
                self.steps = 0;
                Err(EvalError::Budget)
            }
        }
    }

    /// Spends the steps an operation over `bytes` bytes of text costs.
    fn charge_text(&mut self, bytes: usize) -> Result<(), EvalError> {
        self.charge(bytes / Self::BYTES_PER_STEP)
    }
}

impl Default for Budget {
    /// [`Budget::DEFAULT_STEPS`] steps.
    fn default() -> Self {
        Budget::new(Self::DEFAULT_STEPS)
    }
}

/// Why an expression has no value.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EvalError {
    /// An unanswered name (or an absent field or list item of an answer) was used where a value
    /// is needed. Not a mistake in the definition: the answer is not given yet.
    #[error("`{name}` is not answered")]
    Missing {
        /// The name (`person.birth_date`), field path (`address.postcode`) or item
        /// (`members[2]`) that has no answer.
        name: String,
    },
    /// The [`Budget`] ran out (or the tree nests deeper than [`MAX_DEPTH`], which the parser
    /// never produces).
    #[error("the expression takes too many steps to evaluate")]
    Budget,
    /// A value of the wrong kind for an operator or function, or a conversion that failed
    /// (`int("abc")`). The type checker rules most of these out before evaluation.
    #[error("{message}")]
    Type {
        /// What is wrong, for the definition author.
        message: String,
    },
    /// `/` or `%` by zero.
    #[error("division by zero")]
    DivisionByZero,
    /// A whole number out of the 64-bit range, or a date out of years 1–9999.
    #[error("the result is out of range")]
    Overflow,
    /// The pattern of `matches` is not a valid regular expression.
    #[error("invalid regular expression: {message}")]
    BadRegex {
        /// The regular expression engine's explanation.
        message: String,
    },
}

impl EvalError {
    /// A stable kebab-case code for the error: `eval-missing`, `eval-budget`, `eval-type`,
    /// `eval-division-by-zero`, `eval-overflow` or `eval-bad-regex`.
    pub fn code(&self) -> &'static str {
        match self {
            EvalError::Missing { .. } => "eval-missing",
            EvalError::Budget => "eval-budget",
            EvalError::Type { .. } => "eval-type",
            EvalError::DivisionByZero => "eval-division-by-zero",
            EvalError::Overflow => "eval-overflow",
            EvalError::BadRegex { .. } => "eval-bad-regex",
        }
    }

    fn type_error(message: impl Into<String>) -> Self {
        EvalError::Type { message: message.into() }
    }

    fn missing(name: impl Into<String>) -> Self {
        EvalError::Missing { name: name.into() }
    }
}

/// Evaluates `expr` (parsed, resolved or not) against the answers of `env`, spending steps of
/// `budget`.
///
/// ```
/// use tetsuzuki::date::Date;
/// use tetsuzuki::expr::{parse, eval, Budget, MapEnv};
/// use tetsuzuki::value::Value;
///
/// let env = MapEnv::new(Date::new(2025, 4, 1).unwrap()).with("rent", Value::Int(80_000));
/// let e = parse("rent * 12 / 10").unwrap();
/// assert_eq!(eval(&e, &env, &mut Budget::default()), Ok(Value::Int(96_000)));
/// ```
pub fn eval(expr: &Expr, env: &dyn Env, budget: &mut Budget) -> Result<Value, EvalError> {
    Evaluator { env, budget, depth: 0 }.eval(expr)
}

/// Evaluates a condition: like [`eval`], but the result must be `true` or `false`; any other
/// value (`null` included) is an [`EvalError::Type`].
pub fn eval_condition(expr: &Expr, env: &dyn Env, budget: &mut Budget) -> Result<bool, EvalError> {
    match eval(expr, env, budget)? {
        Value::Bool(b) => Ok(b),
        other => Err(EvalError::type_error(format!("a condition must be true or false, but this is {}", kind(&other)))),
    }
}

/// How a value's kind is named in messages (as [`Type::describe`](super::Type::describe) does).
fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "true or false",
        Value::Int(_) | Value::Double(_) => "a number",
        Value::String(_) => "a string",
        Value::Date(_) => "a date",
        Value::YearMonth { .. } => "a year and month",
        Value::List(_) => "a list",
        Value::Map(_) => "a group of answers",
    }
}

/// Whether an answer counts as given for `has()`: not null, not an empty string, list or group.
fn is_given(v: &Value) -> bool {
    match v {
        Value::Null => false,
        Value::String(s) => !s.is_empty(),
        Value::List(items) => !items.is_empty(),
        Value::Map(fields) => !fields.is_empty(),
        _ => true,
    }
}

/// A name chain `a.b.c`, as the segments of its root name (split at dots, so resolved and
/// unresolved trees look the same) followed by the selected fields. `None` unless `expr` is a
/// name or a selection chain rooted at a name.
fn chain(expr: &Expr) -> Option<Vec<&str>> {
    let mut fields = Vec::new();
    let mut node = expr;
    loop {
        match &node.kind {
            ExprKind::Select { operand, field } => {
                fields.push(field.as_str());
                node = operand;
            }
            ExprKind::Name(name) => {
                let mut segments: Vec<&str> = name.segments().collect();
                segments.extend(fields.into_iter().rev());
                return Some(segments);
            }
            _ => return None,
        }
    }
}

struct Evaluator<'a> {
    env: &'a dyn Env,
    budget: &'a mut Budget,
    /// Levels of the tree currently being evaluated.
    depth: usize,
}

impl Evaluator<'_> {
    fn eval(&mut self, e: &Expr) -> Result<Value, EvalError> {
        if self.depth >= MAX_DEPTH {
            return Err(EvalError::Budget);
        }
        self.depth += 1;
        let result = self.eval_node(e);
        self.depth -= 1;
        result
    }

    fn eval_node(&mut self, e: &Expr) -> Result<Value, EvalError> {
        self.budget.charge(1)?;
        match &e.kind {
            ExprKind::Null => Ok(Value::Null),
            ExprKind::Bool(b) => Ok(Value::Bool(*b)),
            ExprKind::Int(n) => Ok(Value::Int(*n)),
            ExprKind::Double(x) => Ok(Value::Double(*x)),
            ExprKind::String(s) => {
                self.budget.charge_text(s.len())?;
                Ok(Value::String(s.clone()))
            }
            ExprKind::List(items) => {
                let mut values = Vec::with_capacity(items.len());
                for item in items {
                    values.push(self.eval(item)?);
                }
                Ok(Value::List(values))
            }
            ExprKind::Name(_) | ExprKind::Select { .. } => {
                // A resolved name whose answer is there (the usual case): one lookup, no
                // allocation. Otherwise the chain is resolved segment by segment.
                if let ExprKind::Name(name) = &e.kind
                    && let Some(v) = self.env.value(name.as_str()).filter(|v| !v.is_null())
                {
                    return Ok(v);
                }
                self.eval_chain(e)
            }
            ExprKind::Has(name) => self.has(name).map(Value::Bool),
            ExprKind::Index { operand, index } => {
                let container = self.eval(operand)?;
                let key = self.eval(index)?;
                index_into(container, &key, || e.to_string())
            }
            ExprKind::Call { function, target, args } => self.call(function, target.as_deref(), args),
            ExprKind::Unary { op, operand } => {
                // A run of the same prefix operator cancels in pairs, as CEL's grammar reads it
                // (`--x` is `x`, `!!x` is `x`, and `Display` prints nested ones that way): so
                // `--x` never overflows. The run is walked without recursion.
                let mut inner: &Expr = operand;
                let mut count = 1usize;
                while let ExprKind::Unary { op: next_op, operand: next } = &inner.kind
                    && next_op == op
                {
                    self.budget.charge(1)?;
                    count += 1;
                    inner = next;
                }
                let value = self.eval(inner)?;
                if count.is_multiple_of(2) { Ok(value) } else { unary(*op, value) }
            }
            ExprKind::Binary { op, left, right } => self.binary(*op, left, right),
            ExprKind::Conditional { cond, then, otherwise } => match self.eval(cond)? {
                Value::Bool(true) => self.eval(then),
                Value::Bool(false) => self.eval(otherwise),
                other => Err(EvalError::type_error(format!(
                    "the condition before `?` must be true or false, but this is {}",
                    kind(&other)
                ))),
            },
        }
    }

    /// A name chain, or a selection on any value.
    fn eval_chain(&mut self, e: &Expr) -> Result<Value, EvalError> {
        match chain(e) {
            Some(segments) => {
                // The chain's select nodes are visited here, without recursion.
                self.budget.charge(segments.len().saturating_sub(1))?;
                self.lookup_chain(&segments)
            }
            None => {
                let ExprKind::Select { operand, field } = &e.kind else {
                    return Err(EvalError::type_error("not a name"));
                };
                let value = self.eval(operand)?;
                select_field(value, field, || e.to_string())
            }
        }
    }

    /// The answer to the longest answered prefix of the chain, then its fields.
    fn lookup_chain(&mut self, segments: &[&str]) -> Result<Value, EvalError> {
        for k in (1..=segments.len()).rev() {
            let Some(prefix) = segments.get(..k) else { continue };
            let name = prefix.join(".");
            if let Some(value) = self.env.value(&name).filter(|v| !v.is_null()) {
                let mut value = value;
                let mut path = name;
                for field in segments.iter().skip(k) {
                    path.push('.');
                    path.push_str(field);
                    value = select_field(value, field, || path.clone())?;
                }
                return Ok(value);
            }
        }
        Err(EvalError::missing(segments.join(".")))
    }

    /// `has(a.b.c)`: the longest answered prefix, then fields of groups; false as soon as one is
    /// absent, null or empty.
    fn has(&mut self, name: &Name) -> Result<bool, EvalError> {
        let segments: Vec<&str> = name.segments().collect();
        for k in (1..=segments.len()).rev() {
            let Some(prefix) = segments.get(..k) else { continue };
            let name = prefix.join(".");
            let Some(mut value) = self.env.value(&name).filter(|v| !v.is_null()) else { continue };
            let mut path = name;
            for field in segments.iter().skip(k) {
                value = match value {
                    Value::Map(mut fields) => match fields.remove(*field) {
                        Some(v) => v,
                        None => return Ok(false),
                    },
                    other => {
                        return Err(EvalError::type_error(format!(
                            "`{path}` is {}; it has no field `{field}` to test with `has()`",
                            kind(&other)
                        )));
                    }
                };
                if value.is_null() {
                    return Ok(false);
                }
                path.push('.');
                path.push_str(field);
            }
            return Ok(is_given(&value));
        }
        Ok(false)
    }

    fn binary(&mut self, op: BinaryOp, left: &Expr, right: &Expr) -> Result<Value, EvalError> {
        match op {
            BinaryOp::And | BinaryOp::Or => self.logic(op == BinaryOp::Or, left, right).map(Value::Bool),
            BinaryOp::Eq | BinaryOp::Ne => {
                let l = self.eval(left);
                if matches!(l, Err(ref e) if !matches!(e, EvalError::Missing { .. })) {
                    return l;
                }
                let r = self.eval(right);
                let equal = match (l, r) {
                    (_, Err(EvalError::Budget)) => return Err(EvalError::Budget),
                    (Ok(a), Ok(b)) => self.equal(&a, &b)?,
                    // An unanswered name equals `null` (and another unanswered name).
                    (Err(EvalError::Missing { .. }), Ok(Value::Null) | Err(EvalError::Missing { .. }))
                    | (Ok(Value::Null), Err(EvalError::Missing { .. })) => true,
                    (Err(e), _) | (Ok(_), Err(e)) => return Err(e),
                };
                Ok(Value::Bool(equal == (op == BinaryOp::Eq)))
            }
            _ => {
                let l = self.eval(left)?;
                let r = self.eval(right)?;
                match op {
                    BinaryOp::Lt | BinaryOp::Le | BinaryOp::Gt | BinaryOp::Ge => {
                        let ordering = compare(op, &l, &r)?;
                        Ok(Value::Bool(match (op, ordering) {
                            // NaN is unordered: every ordering is false.
                            (_, None) => false,
                            (BinaryOp::Lt, Some(o)) => o == Ordering::Less,
                            (BinaryOp::Le, Some(o)) => o != Ordering::Greater,
                            (BinaryOp::Gt, Some(o)) => o == Ordering::Greater,
                            (_, Some(o)) => o != Ordering::Less,
                        }))
                    }
                    BinaryOp::In => self.membership(&l, &r).map(Value::Bool),
                    _ => self.arithmetic(op, l, r),
                }
            }
        }
    }

    /// `&&` (`is_or == false`) and `||`, commutative: a deciding side wins over an error on the
    /// other side; otherwise the first error.
    fn logic(&mut self, is_or: bool, left: &Expr, right: &Expr) -> Result<bool, EvalError> {
        let decisive = is_or;
        let l = self.eval(left).and_then(|v| as_operand(v, is_or));
        match l {
            Ok(b) if b == decisive => return Ok(decisive),
            Err(EvalError::Budget) => return Err(EvalError::Budget),
            _ => {}
        }
        let r = self.eval(right).and_then(|v| as_operand(v, is_or));
        match (l, r) {
            (_, Ok(b)) if b == decisive => Ok(decisive),
            (_, Err(EvalError::Budget)) => Err(EvalError::Budget),
            (Err(e), _) | (Ok(_), Err(e)) => Err(e),
            (Ok(_), Ok(b)) => Ok(b),
        }
    }

    /// Value equality, CEL's: different kinds are unequal except numbers, which compare by
    /// value; lists and groups compare item by item. No recursion, one step per item.
    fn equal(&mut self, a: &Value, b: &Value) -> Result<bool, EvalError> {
        let mut pairs = vec![(a, b)];
        while let Some(pair) = pairs.pop() {
            let same = match pair {
                (Value::List(x), Value::List(y)) => {
                    if x.len() != y.len() {
                        return Ok(false);
                    }
                    self.budget.charge(x.len())?;
                    pairs.extend(x.iter().zip(y));
                    true
                }
                (Value::Map(x), Value::Map(y)) => {
                    if x.len() != y.len() {
                        return Ok(false);
                    }
                    self.budget.charge(x.len())?;
                    for ((kx, vx), (ky, vy)) in x.iter().zip(y) {
                        if kx != ky {
                            return Ok(false);
                        }
                        pairs.push((vx, vy));
                    }
                    true
                }
                (Value::Int(x), Value::Double(y)) | (Value::Double(y), Value::Int(x)) => (*x as f64) == *y,
                (Value::String(x), Value::String(y)) => {
                    self.budget.charge_text(x.len().min(y.len()))?;
                    x == y
                }
                (x, y) => x == y,
            };
            if !same {
                return Ok(false);
            }
        }
        Ok(true)
    }

    fn membership(&mut self, item: &Value, container: &Value) -> Result<bool, EvalError> {
        match container {
            Value::List(items) => {
                self.budget.charge(items.len())?;
                for candidate in items {
                    if self.equal(item, candidate)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            Value::Map(fields) => Ok(match item {
                Value::String(key) => fields.contains_key(key),
                _ => false,
            }),
            other => Err(EvalError::type_error(format!("`in` needs a list on its right, but this is {}", kind(other)))),
        }
    }

    fn arithmetic(&mut self, op: BinaryOp, l: Value, r: Value) -> Result<Value, EvalError> {
        match (op, l, r) {
            (_, Value::Int(a), Value::Int(b)) => int_arithmetic(op, a, b).map(Value::Int),
            (BinaryOp::Rem, a @ (Value::Int(_) | Value::Double(_)), b @ (Value::Int(_) | Value::Double(_))) => {
                Err(EvalError::type_error(format!(
                    "`%` needs two whole numbers, but this is {} % {}",
                    render_number(&a),
                    render_number(&b)
                )))
            }
            (_, Value::Double(a), Value::Double(b)) => double_arithmetic(op, a, b),
            (_, Value::Int(a), Value::Double(b)) => double_arithmetic(op, a as f64, b),
            (_, Value::Double(a), Value::Int(b)) => double_arithmetic(op, a, b as f64),
            (BinaryOp::Add, Value::String(mut a), Value::String(b)) => {
                self.budget.charge_text(a.len().saturating_add(b.len()))?;
                a.push_str(&b);
                Ok(Value::String(a))
            }
            (BinaryOp::Add, Value::List(mut a), Value::List(b)) => {
                self.budget.charge(a.len().saturating_add(b.len()))?;
                a.extend(b);
                Ok(Value::List(a))
            }
            (op, a, b) => {
                let needs = match op {
                    BinaryOp::Add => "two numbers, two strings or two lists",
                    _ => "two numbers",
                };
                Err(EvalError::type_error(format!(
                    "`{}` needs {needs}, but got {} and {}",
                    op.symbol(),
                    kind(&a),
                    kind(&b)
                )))
            }
        }
    }

    fn call(&mut self, name: &str, target: Option<&Expr>, args: &[Expr]) -> Result<Value, EvalError> {
        let Some(function) = functions::lookup(name).filter(|f| !f.is_macro()) else {
            return Err(EvalError::type_error(format!("`{name}` is not a known function")));
        };
        let receiver = match target {
            Some(t) => Some(self.eval(t)?),
            None => None,
        };
        let mut values = Vec::with_capacity(args.len());
        for arg in args {
            values.push(self.eval(arg)?);
        }
        let fits = |o: &&Overload| {
            o.receiver.is_some() == receiver.is_some()
                && o.params.len() == values.len()
                && o.receiver.zip(receiver.as_ref()).is_none_or(|(p, v)| accepts(p, v))
                && o.params.iter().zip(&values).all(|(p, v)| accepts(*p, v))
        };
        let Some(overload) = function.overloads.iter().find(fits) else {
            let mut kinds: Vec<&str> = receiver.iter().chain(&values).map(kind).collect();
            let shown = if receiver.is_some() {
                let receiver_kind = kinds.remove(0);
                format!("{receiver_kind}.{name}({})", kinds.join(", "))
            } else {
                format!("{name}({})", kinds.join(", "))
            };
            let method = receiver.is_some();
            return Err(EvalError::type_error(format!(
                "`{name}` expects {}, but got {shown}",
                function.signatures(method)
            )));
        };
        self.apply(overload.id, receiver, values)
    }

    /// Runs the built-in overload `id` on arguments of the types it declares.
    fn apply(&mut self, id: &str, receiver: Option<Value>, args: Vec<Value>) -> Result<Value, EvalError> {
        let mut all: Vec<Value> = receiver.into_iter().chain(args).collect();
        let wrong = || EvalError::type_error(format!("wrong arguments for `{id}`"));
        Ok(match (id, all.as_mut_slice()) {
            ("size_string" | "string_size", [Value::String(s)]) => {
                self.budget.charge_text(s.len())?;
                Value::Int(i64::try_from(s.chars().count()).map_err(|_| EvalError::Overflow)?)
            }
            ("size_list" | "list_size", [Value::List(items)]) => {
                Value::Int(i64::try_from(items.len()).map_err(|_| EvalError::Overflow)?)
            }
            ("starts_with", [Value::String(s), Value::String(p)]) => {
                self.budget.charge_text(p.len())?;
                Value::Bool(s.starts_with(p.as_str()))
            }
            ("ends_with", [Value::String(s), Value::String(p)]) => {
                self.budget.charge_text(p.len())?;
                Value::Bool(s.ends_with(p.as_str()))
            }
            ("contains", [Value::String(s), Value::String(p)]) => {
                self.budget.charge_text(s.len().saturating_add(p.len()))?;
                Value::Bool(s.contains(p.as_str()))
            }
            ("matches", [Value::String(s), Value::String(p)]) => {
                self.budget.charge_text(s.len().saturating_mul(p.len().max(1)))?;
                let regex = compile_pattern(p).map_err(|message| EvalError::BadRegex { message })?;
                Value::Bool(regex.is_match(s))
            }
            ("today", []) => Value::Date(self.env.today()),
            ("date", [Value::String(s)]) => Value::Date(parse_date(s)?),
            ("age", [Value::Date(birth)]) => Value::Int(birth.age_on(self.env.today())),
            ("age_at", [Value::Date(birth), Value::Date(on)]) => Value::Int(birth.age_on(*on)),
            ("days_between", [Value::Date(a), Value::Date(b)]) => Value::Int(a.days_until(*b)),
            ("add_days", [Value::Date(d), Value::Int(n)]) => Value::Date(d.add_days(*n).ok_or(EvalError::Overflow)?),
            ("add_months", [Value::Date(d), Value::Int(n)]) => {
                Value::Date(d.add_months(*n).ok_or(EvalError::Overflow)?)
            }
            ("int_double", [Value::Double(x)]) => Value::Int(double_to_int(*x)?),
            ("int_string", [Value::String(s)]) => Value::Int(
                s.parse::<i64>()
                    .map_err(|_| EvalError::type_error(format!("`{}` is not a whole number", shorten(s))))?,
            ),
            ("double_int", [Value::Int(n)]) => Value::Double(*n as f64),
            ("string", [value]) => {
                let text = to_text(std::mem::replace(value, Value::Null))?;
                self.budget.charge_text(text.len())?;
                Value::String(text)
            }
            _ => return Err(wrong()),
        })
    }
}

/// The regular expressions of `matches` compile to at most this many bytes.
const REGEX_SIZE_LIMIT: usize = 1 << 20;

/// Compiles the pattern of `matches` as evaluation does.
fn compile_pattern(pattern: &str) -> Result<regex_lite::Regex, String> {
    compile_pattern_within(pattern, REGEX_SIZE_LIMIT)
}

fn compile_pattern_within(pattern: &str, size_limit: usize) -> Result<regex_lite::Regex, String> {
    regex_lite::RegexBuilder::new(pattern).size_limit(size_limit).build().map_err(|e| e.to_string())
}

/// Whether `pattern` compiles as the pattern of `matches` (regex-lite: RE2 syntax without
/// Unicode classes, within the size limit), else why not. The definition checker calls it on
/// every pattern written in an expression: a pattern that cannot compile would make its
/// condition fail at every evaluation.
///
/// ```
/// use tetsuzuki::expr::check_pattern;
/// assert!(check_pattern("^[0-9]{7}$").is_ok());
/// assert!(check_pattern("(").is_err());
/// assert!(check_pattern(r"\p{Han}").is_err());
/// ```
pub fn check_pattern(pattern: &str) -> Result<(), String> {
    compile_pattern(pattern).map(|_| ())
}

/// How [`check_pattern_quickly`] found a pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PatternCheck {
    /// It compiles.
    Compiles,
    /// It cannot compile, for this reason.
    Fails(String),
    /// It compiles to more than the quick check's size: only [`check_pattern`] can tell.
    Large,
}

/// [`check_pattern`] within a small part of the size limit, so that checking costs little even
/// for a pattern that compiles to a large program (`(a{100}){100}`): such a pattern is
/// [`PatternCheck::Large`], for [`check_pattern`] to decide when the time can be spent.
pub fn check_pattern_quickly(pattern: &str) -> PatternCheck {
    match compile_pattern_within(pattern, REGEX_SIZE_LIMIT / 32) {
        Ok(_) => PatternCheck::Compiles,
        Err(e) if e.contains("size limit") => PatternCheck::Large,
        Err(e) => PatternCheck::Fails(e),
    }
}

/// An operand of `&&` / `||`: a boolean, else an error naming the operator.
fn as_operand(v: Value, is_or: bool) -> Result<bool, EvalError> {
    match v {
        Value::Bool(b) => Ok(b),
        other => Err(EvalError::type_error(format!(
            "each side of `{}` must be true or false, but this is {}",
            if is_or { "||" } else { "&&" },
            kind(&other)
        ))),
    }
}

fn unary(op: UnaryOp, v: Value) -> Result<Value, EvalError> {
    match (op, v) {
        (UnaryOp::Not, Value::Bool(b)) => Ok(Value::Bool(!b)),
        (UnaryOp::Neg, Value::Int(n)) => n.checked_neg().map(Value::Int).ok_or(EvalError::Overflow),
        (UnaryOp::Neg, Value::Double(x)) => Ok(Value::Double(-x)),
        (UnaryOp::Not, other) => {
            Err(EvalError::type_error(format!("`!` needs true or false, but this is {}", kind(&other))))
        }
        (UnaryOp::Neg, other) => {
            Err(EvalError::type_error(format!("`-` needs a number, but this is {}", kind(&other))))
        }
    }
}

/// The ordering of two values for `<`, `<=`, `>`, `>=`; `None` when a NaN makes them unordered.
fn compare(op: BinaryOp, a: &Value, b: &Value) -> Result<Option<Ordering>, EvalError> {
    Ok(match (a, b) {
        (Value::Int(x), Value::Int(y)) => Some(x.cmp(y)),
        (Value::Double(x), Value::Double(y)) => x.partial_cmp(y),
        (Value::Int(x), Value::Double(y)) => (*x as f64).partial_cmp(y),
        (Value::Double(x), Value::Int(y)) => x.partial_cmp(&(*y as f64)),
        // Byte order of UTF-8 is the order of Unicode code points.
        (Value::String(x), Value::String(y)) => Some(x.cmp(y)),
        (Value::Bool(x), Value::Bool(y)) => Some(x.cmp(y)),
        (Value::Date(x), Value::Date(y)) => Some(x.cmp(y)),
        (Value::YearMonth { year: y1, month: m1 }, Value::YearMonth { year: y2, month: m2 }) => {
            Some((y1, m1).cmp(&(y2, m2)))
        }
        (Value::Null, _) | (_, Value::Null) => {
            return Err(EvalError::type_error("`null` can only be compared with `==` or `!=`"));
        }
        _ => {
            return Err(EvalError::type_error(format!(
                "`{}` cannot compare {} with {}",
                op.symbol(),
                kind(a),
                kind(b)
            )));
        }
    })
}

fn int_arithmetic(op: BinaryOp, a: i64, b: i64) -> Result<i64, EvalError> {
    let result = match op {
        BinaryOp::Add => a.checked_add(b),
        BinaryOp::Sub => a.checked_sub(b),
        BinaryOp::Mul => a.checked_mul(b),
        BinaryOp::Div | BinaryOp::Rem if b == 0 => return Err(EvalError::DivisionByZero),
        BinaryOp::Div => a.checked_div(b),
        BinaryOp::Rem => a.checked_rem(b),
        other => return Err(EvalError::type_error(format!("`{}` is not arithmetic", other.symbol()))),
    };
    result.ok_or(EvalError::Overflow)
}

fn double_arithmetic(op: BinaryOp, a: f64, b: f64) -> Result<Value, EvalError> {
    Ok(Value::Double(match op {
        BinaryOp::Add => a + b,
        BinaryOp::Sub => a - b,
        BinaryOp::Mul => a * b,
        BinaryOp::Div if b == 0.0 => return Err(EvalError::DivisionByZero),
        BinaryOp::Div => a / b,
        other => return Err(EvalError::type_error(format!("`{}` needs two whole numbers", other.symbol()))),
    }))
}

fn render_number(v: &Value) -> String {
    match v {
        Value::Int(n) => n.to_string(),
        Value::Double(x) => format!("{x:?}"),
        other => kind(other).to_owned(),
    }
}

/// The field `field` of a group. An absent or null field is unanswered: `path` names it.
fn select_field(value: Value, field: &str, path: impl FnOnce() -> String) -> Result<Value, EvalError> {
    match value {
        Value::Map(mut fields) => match fields.remove(field) {
            Some(v) if !v.is_null() => Ok(v),
            _ => Err(EvalError::missing(path())),
        },
        other => Err(EvalError::type_error(format!("{} has no field `{field}`", capitalised(kind(&other))))),
    }
}

/// `container[key]`: an item of a list by position or a field of a group by name. An item or
/// field that is absent or null is unanswered: `path` names it.
fn index_into(container: Value, key: &Value, path: impl FnOnce() -> String) -> Result<Value, EvalError> {
    let found = match (container, key) {
        (Value::List(mut items), Value::Int(i)) => {
            usize::try_from(*i).ok().filter(|i| *i < items.len()).map(|i| items.swap_remove(i))
        }
        (Value::Map(mut fields), Value::String(k)) => fields.remove(k.as_str()),
        (Value::List(_), other) => {
            return Err(EvalError::type_error(format!(
                "a list position must be a whole number, but this is {}",
                kind(other)
            )));
        }
        (Value::Map(_), other) => {
            return Err(EvalError::type_error(format!(
                "a field of a group is named by a string, but this is {}",
                kind(other)
            )));
        }
        (other, _) => {
            return Err(EvalError::type_error(format!(
                "only lists and groups can be indexed with `[...]`, but this is {}",
                kind(&other)
            )));
        }
    };
    match found {
        Some(v) if !v.is_null() => Ok(v),
        _ => Err(EvalError::missing(path())),
    }
}

fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_ascii_uppercase().to_string() + chars.as_str(),
        None => String::new(),
    }
}

/// Whether a runtime value fits a parameter of a signature.
fn accepts(p: Param, v: &Value) -> bool {
    matches!(
        (p, v),
        (Param::Any, _)
            | (Param::Bool, Value::Bool(_))
            | (Param::Int, Value::Int(_))
            | (Param::Double, Value::Double(_))
            | (Param::String, Value::String(_))
            | (Param::Date, Value::Date(_))
            | (Param::List, Value::List(_))
    )
}

/// The date a `YYYY-MM-DD` string spells.
fn parse_date(s: &str) -> Result<Date, EvalError> {
    let (year, month, day) = functions::parse_date_literal(s).map_err(|p| EvalError::type_error(p.english(s)))?;
    Date::new(i32::from(year), month, day)
        .ok_or_else(|| EvalError::type_error(format!("`{}` is not a date", shorten(s))))
}

/// A double truncated toward zero, if it is a whole number in range.
fn double_to_int(x: f64) -> Result<i64, EvalError> {
    // 2^63: the first double past i64::MAX; -2^63 is i64::MIN exactly.
    const LIMIT: f64 = 9_223_372_036_854_775_808.0;
    let t = x.trunc();
    // NaN is in no range.
    if !(-LIMIT..LIMIT).contains(&t) {
        return Err(EvalError::type_error(format!("{x:?} does not fit in a whole number")));
    }
    // In range and integral: the conversion is exact.
    Ok(t as i64)
}

/// The text of a value for `string()`: numbers in decimal, dates `YYYY-MM-DD`, year-months
/// `YYYY-MM`, `null` as `null`. Lists and groups have no single text (as in CEL).
fn to_text(v: Value) -> Result<String, EvalError> {
    Ok(match v {
        Value::Null => "null".to_owned(),
        Value::Bool(b) => b.to_string(),
        Value::Int(n) => n.to_string(),
        Value::Double(x) => x.to_string(),
        Value::String(s) => s,
        Value::Date(d) => d.to_string(),
        Value::YearMonth { year, month } => format!("{year:04}-{month:02}"),
        other @ (Value::List(_) | Value::Map(_)) => {
            return Err(EvalError::type_error(format!("`string()` cannot turn {} into text", kind(&other))));
        }
    })
}

/// A string shortened for messages.
fn shorten(s: &str) -> String {
    const MAX: usize = 40;
    if s.chars().count() <= MAX { s.to_owned() } else { format!("{}…", s.chars().take(MAX - 1).collect::<String>()) }
}

impl fmt::Display for Budget {
    /// `N steps left`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} steps left", self.steps)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::expr::{MapScope, Span, Type, parse, resolve};

    fn d(s: &str) -> Date {
        Date::parse_iso(s).expect("test date")
    }

    fn map(fields: &[(&str, Value)]) -> Value {
        Value::Map(fields.iter().map(|(k, v)| ((*k).to_owned(), v.clone())).collect())
    }

    fn s(text: &str) -> Value {
        Value::String(text.to_owned())
    }

    fn env() -> MapEnv {
        MapEnv::new(d("2025-04-01"))
            .with("n", Value::Int(3))
            .with("x", Value::Double(1.5))
            .with("flag", Value::Bool(true))
            .with("name", s("東京都"))
            .with("blank", s(""))
            .with("unanswered", Value::Null)
            .with("person.birth_date", Value::Date(d("2000-04-01")))
            .with("address", map(&[("postcode", s("1000001")), ("city", Value::Null)]))
            .with("members", Value::List(vec![map(&[("age", Value::Int(30))]), map(&[("age", Value::Int(5))])]))
            .with("tags", Value::List(vec![s("a"), s("b")]))
            .with("nothing", Value::List(vec![]))
            .with("ym", Value::YearMonth { year: 2025, month: 4 })
            .with("big", Value::Int(i64::MAX))
    }

    fn ev(src: &str) -> Result<Value, EvalError> {
        let e = parse(src).unwrap_or_else(|errs| panic!("{src}: {errs:?}"));
        eval(&e, &env(), &mut Budget::default())
    }

    fn ok(src: &str) -> Value {
        ev(src).unwrap_or_else(|e| panic!("{src}: {e:?}"))
    }

    fn yes(src: &str) -> bool {
        let e = parse(src).unwrap_or_else(|errs| panic!("{src}: {errs:?}"));
        eval_condition(&e, &env(), &mut Budget::default()).unwrap_or_else(|e| panic!("{src}: {e:?}"))
    }

    fn code(src: &str) -> &'static str {
        match ev(src) {
            Ok(v) => panic!("{src}: expected an error, got {v:?}"),
            Err(e) => e.code(),
        }
    }

    fn missing(name: &str) -> Result<Value, EvalError> {
        Err(EvalError::Missing { name: name.to_owned() })
    }

    #[test]
    fn literals_and_lists() {
        assert_eq!(ok("null"), Value::Null);
        assert_eq!(ok("true"), Value::Bool(true));
        assert_eq!(ok("-42"), Value::Int(-42));
        assert_eq!(ok("0x1F"), Value::Int(31));
        assert_eq!(ok("2.5"), Value::Double(2.5));
        assert_eq!(ok("'a\\tb'"), s("a\tb"));
        assert_eq!(
            ok("[1, 'a', [true]]"),
            Value::List(vec![Value::Int(1), s("a"), Value::List(vec![Value::Bool(true)])])
        );
    }

    #[test]
    fn integer_arithmetic_is_checked() {
        assert_eq!(ok("1 + 2 * 3 - 4"), Value::Int(3));
        assert_eq!(ok("7 / 2"), Value::Int(3));
        assert_eq!(ok("-7 / 2"), Value::Int(-3));
        assert_eq!(ok("-7 % 3"), Value::Int(-1));
        assert_eq!(ok("7 % -3"), Value::Int(1));
        assert_eq!(ok("-n"), Value::Int(-3));
        assert_eq!(ev("big + 1"), Err(EvalError::Overflow));
        assert_eq!(ev("-big - 2"), Err(EvalError::Overflow));
        assert_eq!(ev("big * 2"), Err(EvalError::Overflow));
        assert_eq!(ev("-(-9223372036854775808)"), Err(EvalError::Overflow));
        // Pairs of the same prefix operator cancel, as CEL's parser reads them.
        let env = env().with("min", Value::Int(i64::MIN));
        for (src, expected) in [
            ("--min", Ok(Value::Int(i64::MIN))),
            ("----min", Ok(Value::Int(i64::MIN))),
            ("---min", Err(EvalError::Overflow)),
            ("-min", Err(EvalError::Overflow)),
            ("--(-9223372036854775808)", Ok(Value::Int(i64::MIN))),
            ("!!flag", Ok(Value::Bool(true))),
            ("!!!flag", Ok(Value::Bool(false))),
            ("- -n", Ok(Value::Int(3))),
        ] {
            let e = parse(src).expect("parse");
            assert_eq!(eval(&e, &env, &mut Budget::default()), expected, "{src}");
        }
        assert_eq!(ev("-9223372036854775808 / -1"), Err(EvalError::Overflow));
        assert_eq!(ev("-9223372036854775808 % -1"), Err(EvalError::Overflow));
        assert_eq!(ev("n / 0"), Err(EvalError::DivisionByZero));
        assert_eq!(ev("n % 0"), Err(EvalError::DivisionByZero));
        // Zero is checked before overflow, as in CEL.
        assert_eq!(ev("-9223372036854775808 / 0"), Err(EvalError::DivisionByZero));
    }

    #[test]
    fn doubles_and_promotion() {
        assert_eq!(ok("x * 2.0"), Value::Double(3.0));
        assert_eq!(ok("x + 1"), Value::Double(2.5));
        assert_eq!(ok("1 + x"), Value::Double(2.5));
        assert_eq!(ok("3 / 2.0"), Value::Double(1.5));
        assert_eq!(ok("-x"), Value::Double(-1.5));
        assert_eq!(ev("x / 0"), Err(EvalError::DivisionByZero));
        assert_eq!(ev("x / 0.0"), Err(EvalError::DivisionByZero));
        assert_eq!(code("x % 2"), "eval-type");
        assert_eq!(code("5 % 2.0"), "eval-type");
        assert!(yes("1 == 1.0") && yes("2 > 1.5") && yes("1.5 < 2") && yes("n >= 3.0") && !yes("n != 3.0"));
        assert!(yes("1e300 * 1e300 > 1e308"), "double overflow is IEEE infinity, as in CEL");
    }

    #[test]
    fn strings_and_lists_concatenate() {
        assert_eq!(ok("name + 'の' + \"区\""), s("東京都の区"));
        assert_eq!(ok("tags + ['c']"), Value::List(vec![s("a"), s("b"), s("c")]));
        assert_eq!(ok("[] + []"), Value::List(vec![]));
        assert_eq!(code("'a' + 1"), "eval-type");
        assert_eq!(code("tags + 'c'"), "eval-type");
        assert_eq!(code("true + true"), "eval-type");
        assert_eq!(code("-'a'"), "eval-type");
        assert_eq!(code("!1"), "eval-type");
    }

    #[test]
    fn comparisons() {
        assert!(yes("1 < 2") && yes("2 <= 2") && yes("3 > 2") && yes("2 >= 2") && !yes("2 < 2") && !yes("1 > 2"));
        // Code point order: uppercase before lowercase, kanji after kana, astral after BMP.
        assert!(yes("'Z' < 'a'") && yes("'あ' < '亜'") && yes("'\\uffff' < '𝄞'") && yes("'ab' < 'abc'"));
        assert!(yes("'' < 'a'") && !yes("'b' <= 'a'"));
        assert!(yes("person.birth_date < today()") && yes("date('2024-02-29') > date('2024-02-28')"));
        assert!(yes("ym == ym") && yes("ym >= ym"));
        assert!(yes("false < true"));
        assert_eq!(code("1 < 'a'"), "eval-type");
        assert_eq!(code("tags < tags"), "eval-type");
        assert_eq!(code("null < 1"), "eval-type");
        assert_eq!(code("today() < 1"), "eval-type");
    }

    #[test]
    fn nan_is_unordered() {
        let env = env().with("nan", Value::Double(f64::NAN));
        for (src, expected) in
            [("nan < 1", false), ("nan >= 1", false), ("nan == nan", false), ("nan != nan", true), ("1 > nan", false)]
        {
            let e = parse(src).expect("parse");
            assert_eq!(eval_condition(&e, &env, &mut Budget::default()), Ok(expected), "{src}");
        }
        let e = parse("int(nan)").expect("parse");
        assert_eq!(eval(&e, &env, &mut Budget::default()).map_err(|e| e.code()), Err("eval-type"));
    }

    #[test]
    fn equality() {
        assert!(yes("null == null") && !yes("null != null"));
        assert!(yes("n == 3") && yes("name == '東京都'") && yes("tags == ['a', 'b']") && !yes("tags == ['b', 'a']"));
        assert!(!yes("tags == ['a']") && yes("[1, [2]] == [1, [2]]") && yes("[1] == [1.0]"));
        // Different kinds are unequal (the checker rejects most of these before evaluation).
        assert!(!yes("1 == 'a'") && yes("1 != 'a'") && !yes("null == 0") && !yes("[] == null"));
        assert!(yes("address == address") && yes("members[0] != members[1]"));
        let e = parse("a == b").expect("parse");
        let env = MapEnv::new(d("2025-01-01"))
            .with("a", map(&[("k", Value::Int(1))]))
            .with("b", map(&[("k", Value::Double(1.0))]));
        assert_eq!(eval_condition(&e, &env, &mut Budget::default()), Ok(true));
        let env = env.with("b", map(&[("j", Value::Int(1))]));
        assert_eq!(eval_condition(&e, &env, &mut Budget::default()), Ok(false));
    }

    #[test]
    fn unanswered_names_equal_null_and_nothing_else() {
        assert!(yes("move_date == null") && yes("null == move_date") && !yes("move_date != null"));
        assert!(yes("unanswered == null") && yes("move_date == unanswered"));
        assert!(yes("address.city == null") && yes("address.postcode != null"));
        assert!(yes("members[9] == null"));
        assert_eq!(ev("move_date == 3"), missing("move_date"));
        assert_eq!(ev("3 != move_date"), missing("move_date"));
        assert_eq!(ev("move_date == today()"), missing("move_date"));
        // The first non-missing error still wins.
        assert_eq!(ev("1 / 0 == move_date"), Err(EvalError::DivisionByZero));
        assert_eq!(ev("move_date == 1 / 0"), missing("move_date"));
    }

    #[test]
    fn unanswered_names_are_missing_where_a_value_is_needed() {
        assert_eq!(ev("move_date"), missing("move_date"));
        assert_eq!(ev("unanswered"), missing("unanswered"));
        assert_eq!(ev("move_date <= today()"), missing("move_date"));
        assert_eq!(ev("n + count"), missing("count"));
        assert_eq!(ev("-count"), missing("count"));
        assert_eq!(ev("!ok"), missing("ok"));
        assert_eq!(ev("[1, count]"), missing("count"));
        assert_eq!(ev("count in [1]"), missing("count"));
        assert_eq!(ev("size(list)"), missing("list"));
        assert_eq!(ev("string(count)"), missing("count"));
        assert_eq!(ev("household.size > 2"), missing("household.size"));
        assert_eq!(ev("address.city"), missing("address.city"));
        assert_eq!(ev("address.town"), missing("address.town"));
        assert_eq!(ev("members[2].age"), missing("members[2]"));
        assert_eq!(ev("members[-1]"), missing("members[-1]"));
        assert_eq!(ev("members[0].height"), missing("members[0].height"));
        assert_eq!(ev("address['city']"), missing("address[\"city\"]"));
        assert_eq!(ev("ok ? 1 : 2"), missing("ok"));
        assert_eq!(code("n.b"), "eval-type");
        assert_eq!(code("n[0]"), "eval-type");
        assert_eq!(code("tags['a']"), "eval-type");
        assert_eq!(code("address[0]"), "eval-type");
    }

    #[test]
    fn selection_and_indexing() {
        assert_eq!(ok("address.postcode"), s("1000001"));
        assert_eq!(ok("members[1].age"), Value::Int(5));
        assert_eq!(ok("members[0]['age']"), Value::Int(30));
        assert_eq!(ok("tags[1]"), s("b"));
        assert_eq!(ok("[10, 20][1]"), Value::Int(20));
        // The longest answered dotted name wins over fields of a shorter one.
        let env = MapEnv::new(d("2025-01-01"))
            .with("a", map(&[("b", map(&[("c", Value::Int(1))]))]))
            .with("a.b", map(&[("c", Value::Int(2))]));
        let e = parse("a.b.c").expect("parse");
        assert_eq!(eval(&e, &env, &mut Budget::default()), Ok(Value::Int(2)));
        let env = env.with("a.b", Value::Null);
        assert_eq!(eval(&e, &env, &mut Budget::default()), Ok(Value::Int(1)));
    }

    #[test]
    fn resolved_and_unresolved_trees_agree() {
        let scope =
            MapScope::new().with("person.birth_date", Type::Date).with("address", Type::Map).with("n", Type::Int);
        for src in [
            "age(person.birth_date) >= 18",
            "address.postcode.startsWith('100') && n > 2",
            "has(address.postcode) && !has(address.city)",
            "person.birth_date == null",
            "add_days(person.birth_date, n)",
        ] {
            let parsed = parse(src).expect("parse");
            let resolved = resolve(&parsed, &scope);
            let a = eval(&parsed, &env(), &mut Budget::default());
            let b = eval(&resolved, &env(), &mut Budget::default());
            assert_eq!(a, b, "{src}");
            assert!(a.is_ok(), "{src}: {a:?}");
        }
    }

    #[test]
    fn membership() {
        assert!(yes("'a' in tags") && !yes("'c' in tags") && !yes("'a' in nothing"));
        assert!(yes("3 in [1, 2, 3]") && yes("3 in [1.0, 3.0]") && yes("[1] in [[0], [1]]") && yes("null in [null]"));
        assert!(yes("'postcode' in address") && yes("'city' in address") && !yes("'town' in address"));
        assert!(!yes("1 in address"));
        assert_eq!(code("'a' in 'abc'"), "eval-type");
        assert_eq!(ev("'a' in choices"), missing("choices"));
    }

    #[test]
    fn logic_is_commutative() {
        // Truth tables.
        for (a, b) in [(false, false), (false, true), (true, false), (true, true)] {
            assert_eq!(yes(&format!("{a} && {b}")), a && b);
            assert_eq!(yes(&format!("{a} || {b}")), a || b);
        }
        // A deciding side wins over an error on either side.
        for err in ["missing_a > 1", "1 / 0 == 1", "big + 1 > 0", "n", "'a'.matches('(')"] {
            assert!(!yes(&format!("false && {err}")), "{err}");
            assert!(!yes(&format!("{err} && false")), "{err}");
            assert!(yes(&format!("true || {err}")), "{err}");
            assert!(yes(&format!("{err} || true")), "{err}");
            assert!(ev(&format!("true && {err}")).is_err(), "{err}");
            assert!(ev(&format!("{err} && true")).is_err(), "{err}");
            assert!(ev(&format!("false || {err}")).is_err(), "{err}");
            assert!(ev(&format!("{err} || false")).is_err(), "{err}");
        }
        // Neither side decides: the first error.
        assert_eq!(ev("a > 1 && b > 1"), missing("a"));
        assert_eq!(ev("a > 1 || b > 1"), missing("a"));
        assert_eq!(ev("true && a"), missing("a"));
        assert_eq!(ev("1 / 0 > 1 || a"), Err(EvalError::DivisionByZero));
        assert_eq!(code("1 && true"), "eval-type");
        // The typical guard.
        assert!(!yes("has(move_date) && move_date > today()"));
        assert!(yes("!has(move_date) || move_date > today()"));
        assert!(yes("!(false)") && !yes("!flag"));
    }

    #[test]
    fn conditional_evaluates_only_the_branch_taken() {
        assert_eq!(ok("true ? 1 : 1 / 0"), Value::Int(1));
        assert_eq!(ok("false ? missing_a : 'b'"), s("b"));
        assert_eq!(ok("flag ? n : x"), Value::Int(3));
        assert_eq!(ev("false ? 1 : 1 / 0"), Err(EvalError::DivisionByZero));
        assert_eq!(code("1 ? 2 : 3"), "eval-type");
        assert_eq!(code("null ? 2 : 3"), "eval-type");
    }

    #[test]
    fn has_tests_answers() {
        assert!(yes("has(n)") && yes("has(flag)") && yes("has(name)") && yes("has(person.birth_date)"));
        assert!(!yes("has(move_date)") && !yes("has(unanswered)") && !yes("has(blank)") && !yes("has(nothing)"));
        assert!(yes("has(address.postcode)") && !yes("has(address.city)") && !yes("has(address.town)"));
        assert!(!yes("has(household.size)") && yes("has(tags)"));
        let env = env().with("empty_group", Value::Map(BTreeMap::new())).with("zero", Value::Int(0));
        let e = parse("has(empty_group) || !has(zero)").expect("parse");
        assert_eq!(eval_condition(&e, &env, &mut Budget::default()), Ok(false));
        assert_eq!(code("has(n.b)"), "eval-type");
    }

    #[test]
    fn string_functions() {
        assert_eq!(ok("size(name)"), Value::Int(3));
        assert_eq!(ok("name.size()"), Value::Int(3));
        assert_eq!(ok("size('𝄞é')"), Value::Int(2));
        assert_eq!(ok("size('')"), Value::Int(0));
        assert_eq!(ok("size(tags)"), Value::Int(2));
        assert_eq!(ok("tags.size()"), Value::Int(2));
        assert_eq!(ok("size([])"), Value::Int(0));
        assert!(yes("name.startsWith('東京')") && !yes("name.startsWith('京')") && yes("name.startsWith('')"));
        assert!(yes("name.endsWith('都')") && !yes("name.endsWith('東')"));
        assert!(yes("name.contains('京')") && !yes("name.contains('大阪')") && yes("''.contains('')"));
        assert!(yes("address.postcode.matches('^[0-9]{7}$')") && !yes("'100-0001'.matches('^[0-9]{7}$')"));
        assert!(yes("'abc'.matches('b')"), "unanchored");
        assert!(yes("name.matches('^[一-龯ぁ-んァ-ヶー]+$')"));
        // regex-lite has no Unicode classes (RE2 does): a clear error, not a wrong answer.
        assert_eq!(code("name.matches('^\\\\p{Han}+$')"), "eval-bad-regex");
        assert!(matches!(ev("'a'.matches('(')"), Err(EvalError::BadRegex { .. })));
        assert_eq!(code("'a'.matches('a{1000}{1000}')"), "eval-bad-regex");
        assert_eq!(code("size(1)"), "eval-type");
        assert_eq!(code("n.startsWith('a')"), "eval-type");
        assert_eq!(code("name.startsWith(1)"), "eval-type");
        assert_eq!(code("size('a', 'b')"), "eval-type");
        assert_eq!(code("nope(1)"), "eval-type");
        assert_eq!(code("size()"), "eval-type");
        assert_eq!(code("name.has(n)"), "eval-type");
        assert_eq!(code("name.today()"), "eval-type");
    }

    #[test]
    fn date_functions() {
        assert_eq!(ok("today()"), Value::Date(d("2025-04-01")));
        assert_eq!(ok("date('2024-02-29')"), Value::Date(d("2024-02-29")));
        assert_eq!(code("date('2023-02-29')"), "eval-type");
        assert_eq!(code("date('2024/02/01')"), "eval-type");
        assert_eq!(code("date(name)"), "eval-type");
        // Born 2000-04-01: 25 on the birthday, 24 the day before.
        assert_eq!(ok("age(person.birth_date)"), Value::Int(25));
        assert_eq!(ok("age(person.birth_date, date('2025-03-31'))"), Value::Int(24));
        assert_eq!(ok("age(date('2000-02-29'), date('2025-02-28'))"), Value::Int(24));
        assert_eq!(ok("age(date('2000-02-29'), date('2025-03-01'))"), Value::Int(25));
        assert_eq!(ok("age(date('2000-02-29'), date('2024-02-29'))"), Value::Int(24));
        assert_eq!(ok("age(today(), date('2024-04-01'))"), Value::Int(-1));
        // days_between(a, b) = b - a, leap days counted.
        assert_eq!(ok("days_between(date('2024-01-01'), date('2025-01-01'))"), Value::Int(366));
        assert_eq!(ok("days_between(date('2025-01-01'), date('2026-01-01'))"), Value::Int(365));
        assert_eq!(ok("days_between(date('2023-02-28'), date('2024-03-01'))"), Value::Int(367));
        assert_eq!(ok("days_between(date('1900-02-28'), date('1900-03-01'))"), Value::Int(1));
        assert_eq!(ok("days_between(date('2000-02-28'), date('2000-03-01'))"), Value::Int(2));
        assert_eq!(ok("days_between(date('2024-03-01'), date('2024-02-28'))"), Value::Int(-2));
        assert_eq!(ok("days_between(date('1999-12-31'), date('2100-01-01'))"), Value::Int(36_526));
        assert_eq!(ok("add_days(date('2024-02-28'), 1)"), Value::Date(d("2024-02-29")));
        assert_eq!(ok("add_days(date('2024-03-01'), -1)"), Value::Date(d("2024-02-29")));
        assert_eq!(ok("add_months(date('2025-01-31'), 1)"), Value::Date(d("2025-02-28")));
        assert_eq!(ok("add_months(date('2024-01-31'), 1)"), Value::Date(d("2024-02-29")));
        assert_eq!(ok("add_months(date('2025-03-31'), -13)"), Value::Date(d("2024-02-29")));
        assert_eq!(ev("add_days(today(), 9223372036854775807)"), Err(EvalError::Overflow));
        assert_eq!(ev("add_days(date('9999-12-31'), 1)"), Err(EvalError::Overflow));
        assert_eq!(ev("add_months(date('0001-01-01'), -1)"), Err(EvalError::Overflow));
        assert_eq!(ev("add_months(today(), -9223372036854775808)"), Err(EvalError::Overflow));
        assert!(yes("days_between(person.birth_date, today()) > 9000"));
        assert_eq!(code("age(n)"), "eval-type");
        assert_eq!(code("add_days(today(), 1.5)"), "eval-type");
    }

    #[test]
    fn conversions() {
        assert_eq!(ok("int(2.9)"), Value::Int(2));
        assert_eq!(ok("int(-2.9)"), Value::Int(-2));
        assert_eq!(ok("int(-9.223372036854775808e18)"), Value::Int(i64::MIN));
        assert_eq!(code("int(9.223372036854775808e18)"), "eval-type");
        assert_eq!(code("int(1e300 * 1e300)"), "eval-type");
        assert_eq!(code("int(0.0 / 0.0 + 1.0)"), "eval-division-by-zero");
        assert_eq!(ok("int('42')"), Value::Int(42));
        assert_eq!(ok("int('-42')"), Value::Int(-42));
        assert_eq!(ok("int('+7')"), Value::Int(7));
        assert_eq!(ok("int('-9223372036854775808')"), Value::Int(i64::MIN));
        for bad in ["int('')", "int('4.2')", "int(' 1')", "int('１２')", "int('9223372036854775808')", "int('0x1F')"]
        {
            assert_eq!(code(bad), "eval-type", "{bad}");
        }
        assert_eq!(code("int(n)"), "eval-type");
        assert_eq!(ok("double(n)"), Value::Double(3.0));
        assert_eq!(code("double(x)"), "eval-type");
        assert_eq!(ok("string(n)"), s("3"));
        assert_eq!(ok("string(-9223372036854775808)"), s("-9223372036854775808"));
        assert_eq!(ok("string(x)"), s("1.5"));
        assert_eq!(ok("string(2.0)"), s("2"));
        assert_eq!(ok("string(flag)"), s("true"));
        assert_eq!(ok("string(name)"), s("東京都"));
        assert_eq!(ok("string(person.birth_date)"), s("2000-04-01"));
        assert_eq!(ok("string(date('0001-01-01'))"), s("0001-01-01"));
        assert_eq!(ok("string(ym)"), s("2025-04"));
        assert_eq!(ok("string(null)"), s("null"));
        assert_eq!(code("string(tags)"), "eval-type");
        assert_eq!(code("string(address)"), "eval-type");
        assert_eq!(ok("'〒' + string(n * 100)"), s("〒300"));
    }

    #[test]
    fn conditions_must_be_booleans() {
        let e = parse("n + 1").expect("parse");
        let error = eval_condition(&e, &env(), &mut Budget::default()).expect_err("not a condition");
        assert_eq!(
            error,
            EvalError::Type { message: "a condition must be true or false, but this is a number".into() }
        );
        let e = parse("null").expect("parse");
        assert_eq!(eval_condition(&e, &env(), &mut Budget::default()).map_err(|e| e.code()), Err("eval-type"));
        let e = parse("move_date").expect("parse");
        assert_eq!(eval_condition(&e, &env(), &mut Budget::default()), Err(EvalError::missing("move_date")));
    }

    #[test]
    fn budget_counts_nodes_and_list_work() {
        let mut budget = Budget::new(100);
        let e = parse("1 + 2 * 3").expect("parse");
        assert_eq!(eval(&e, &env(), &mut budget), Ok(Value::Int(7)));
        assert_eq!(budget.steps, 95);
        // A chain `a.b` is two nodes.
        let e = parse("address.postcode").expect("parse");
        let mut budget = Budget::new(2);
        assert!(eval(&e, &env(), &mut budget).is_ok());
        assert_eq!(budget.steps, 0);
        // `in` pays for the list it searches.
        let e = parse("'z' in tags").expect("parse");
        let mut budget = Budget::new(100);
        assert_eq!(eval(&e, &env(), &mut budget), Ok(Value::Bool(false)));
        assert_eq!(budget.steps, 100 - 3 - 2);
        assert_eq!(Budget::default().steps, Budget::DEFAULT_STEPS);
        assert_eq!(Budget::new(7).to_string(), "7 steps left");
    }

    #[test]
    fn budget_runs_out() {
        let items: Vec<String> = (0..500).map(|i| i.to_string()).collect();
        let e = parse(&format!("size([{}]) > 0", items.join(", "))).expect("parse");
        let mut budget = Budget::new(50);
        assert_eq!(eval(&e, &env(), &mut budget), Err(EvalError::Budget));
        assert_eq!(budget.steps, 0);
        // Spent budget stays spent: the next evaluation fails at once.
        let e = parse("true").expect("parse");
        assert_eq!(eval(&e, &env(), &mut budget), Err(EvalError::Budget));
        // A budget error is never absorbed by `||` or `&&`.
        let e = parse(&format!("size([{}]) > 0 || true", items.join(", "))).expect("parse");
        assert_eq!(eval(&e, &env(), &mut Budget::new(100)), Err(EvalError::Budget));
        let e = parse(&format!("false && size([{}]) > 0", items.join(", "))).expect("parse");
        assert_eq!(eval(&e, &env(), &mut Budget::new(100)), Ok(Value::Bool(false)));
        // Big values from answers cost their size.
        let huge = Value::List((0..100_000).map(Value::Int).collect());
        let env = env().with("huge", huge.clone()).with("huge2", huge).with("text", s(&"x".repeat(1_000_000)));
        for src in ["-1 in huge", "huge == huge2", "size(huge + huge) > 0", "text.contains('y')", "size(text + text)"] {
            let e = parse(src).expect("parse");
            assert_eq!(eval(&e, &env, &mut Budget::default()), Err(EvalError::Budget), "{src}");
        }
    }

    #[test]
    fn trees_deeper_than_the_parser_allows_are_refused_not_overflowed() {
        // `[[[...true...]]]`, `levels` deep.
        let nested = |levels: usize| {
            let mut e = Expr::new(ExprKind::Bool(true), Span::default());
            for _ in 1..levels {
                e = Expr::new(ExprKind::List(vec![e]), Span::default());
            }
            e
        };
        // Dropping a very deep tree recurses in `Drop`: take it apart iteratively.
        let dismantle = |e: Expr| {
            let mut stack = vec![e];
            while let Some(e) = stack.pop() {
                match e.kind {
                    ExprKind::List(items) => stack.extend(items),
                    ExprKind::Unary { operand, .. } => stack.push(*operand),
                    _ => {}
                }
            }
        };
        let deep = nested(100_000);
        assert_eq!(eval(&deep, &env(), &mut Budget::new(u32::MAX)), Err(EvalError::Budget));
        dismantle(deep);
        // Trees as deep as the parser allows evaluate; one level more does not.
        assert_eq!(nested(MAX_DEPTH).size_and_depth().1, MAX_DEPTH);
        assert!(eval(&nested(MAX_DEPTH), &env(), &mut Budget::default()).is_ok());
        assert_eq!(eval(&nested(MAX_DEPTH + 1), &env(), &mut Budget::default()), Err(EvalError::Budget));
        let chain = vec!["n > 0"; MAX_DEPTH / 2].join(" || ");
        let e = parse(&chain).expect("parse");
        assert_eq!(eval(&e, &env(), &mut Budget::default()), Ok(Value::Bool(true)));
        // A run of one prefix operator is walked without recursion, one step per node.
        let mut nots = Expr::new(ExprKind::Bool(true), Span::default());
        for _ in 0..100_001 {
            nots = Expr::new(ExprKind::Unary { op: UnaryOp::Not, operand: Box::new(nots) }, Span::default());
        }
        assert_eq!(eval(&nots, &env(), &mut Budget::default()), Err(EvalError::Budget));
        assert_eq!(eval(&nots, &env(), &mut Budget::new(u32::MAX)), Ok(Value::Bool(false)));
        dismantle(nots);
    }

    #[test]
    fn errors_have_codes_and_messages() {
        let errors = [
            (EvalError::Missing { name: "a.b".into() }, "eval-missing", "`a.b` is not answered"),
            (EvalError::Budget, "eval-budget", "the expression takes too many steps to evaluate"),
            (EvalError::Type { message: "m".into() }, "eval-type", "m"),
            (EvalError::DivisionByZero, "eval-division-by-zero", "division by zero"),
            (EvalError::Overflow, "eval-overflow", "the result is out of range"),
            (EvalError::BadRegex { message: "r".into() }, "eval-bad-regex", "invalid regular expression: r"),
        ];
        for (error, code, message) in errors {
            assert_eq!(error.code(), code);
            assert_eq!(error.to_string(), message);
        }
        assert_eq!(
            ev("size(1)"),
            Err(EvalError::Type {
                message: "`size` expects `size(string) -> int` or `size(list) -> int`, but got size(a number)".into()
            })
        );
        assert_eq!(
            ev("n.startsWith('a')"),
            Err(EvalError::Type {
                message:
                    "`startsWith` expects `string.startsWith(string) -> bool`, but got a number.startsWith(a string)"
                        .into()
            })
        );
    }
}
