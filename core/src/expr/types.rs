//! Types, scopes, name resolution and the static type checker.
//!
//! [`check`] resolves every name against a [`Scope`] (longest dotted match), checks operators and
//! calls against CEL's rules (with Int/Double promotion) and the table in [`functions`], and
//! reports *every* error it finds. A sub-expression with an error gets type [`Type::Dyn`], so one
//! mistake is reported once, not again by each enclosing operator.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use super::ast::{BinaryOp, Expr, ExprKind, Name, Span, UnaryOp};
use super::error::{ExprError, Phrase, PhraseArg, codes, phrase};
use super::functions::{self, FUNCTIONS, Function, Overload};
use super::parser::{MAX_DEPTH, MAX_NODES};
use crate::suggest::did_you_mean;

/// The static type of a value.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Type {
    /// `true` or `false`.
    Bool,
    /// A 64-bit signed whole number.
    Int,
    /// A 64-bit floating-point number.
    Double,
    /// Text.
    String,
    /// A calendar date.
    Date,
    /// A year and month (e.g. a year-month field).
    YearMonth,
    /// A list whose items have the given type.
    List(Box<Type>),
    /// A map from field names to values of any type: a repeating-group row or a structured
    /// answer. Its fields are [`Type::Dyn`].
    Map,
    /// The type of the `null` literal; compares with anything (for optional answers).
    Null,
    /// Unknown until evaluation; fits everywhere.
    Dyn,
}

impl Type {
    /// A list of `item`.
    pub fn list(item: Type) -> Type {
        Type::List(Box::new(item))
    }

    /// `int` or `double`.
    pub fn is_numeric(&self) -> bool {
        matches!(self, Type::Int | Type::Double)
    }

    /// The type both `a` and `b` fit in, if any: `dyn` and `null` give way to the other, `int`
    /// and `double` meet in `double`, lists meet item-wise.
    pub fn unify(a: &Type, b: &Type) -> Option<Type> {
        match (a, b) {
            (Type::Dyn, other) | (other, Type::Dyn) | (Type::Null, other) | (other, Type::Null) => Some(other.clone()),
            (Type::Int, Type::Double) | (Type::Double, Type::Int) => Some(Type::Double),
            (Type::List(x), Type::List(y)) => Type::unify(x, y).map(Type::list),
            (x, y) if x == y => Some(x.clone()),
            _ => None,
        }
    }

    /// Whether a value of this type can stand where `expected` is required. `dyn` fits anywhere
    /// and anything fits `dyn`; `null` fits anything but `bool` (a condition must be definite);
    /// an `int` fits a `double`.
    pub fn is_assignable_to(&self, expected: &Type) -> bool {
        match (self, expected) {
            (Type::Dyn, _) | (_, Type::Dyn) | (Type::Int, Type::Double) => true,
            (Type::Null, other) => *other != Type::Bool,
            (Type::List(x), Type::List(y)) => x.is_assignable_to(y),
            (x, y) => x == y,
        }
    }

    /// How the type is named in messages: "a number", "a date", "a list of strings".
    pub fn describe(&self) -> Phrase {
        match self {
            Type::Bool => phrase!("noun-expr-bool"),
            Type::Int | Type::Double => phrase!("noun-expr-number"),
            Type::String => phrase!("noun-expr-string"),
            Type::Date => phrase!("noun-expr-date"),
            Type::YearMonth => phrase!("noun-expr-year-month"),
            Type::List(item) if **item == Type::Dyn => phrase!("noun-expr-list"),
            Type::List(item) => phrase!("noun-expr-list-of", items = item.plural()),
            Type::Map => phrase!("noun-expr-map"),
            Type::Null => phrase!("noun-expr-null"),
            Type::Dyn => phrase!("noun-expr-dyn"),
        }
    }

    /// Values of the type, in the plural: "numbers", "true/false values".
    fn plural(&self) -> Phrase {
        match self {
            Type::Bool => phrase!("noun-expr-bools"),
            Type::Int | Type::Double => phrase!("noun-expr-numbers"),
            Type::String => phrase!("noun-expr-strings"),
            Type::Date => phrase!("noun-expr-dates"),
            Type::YearMonth => phrase!("noun-expr-year-months"),
            Type::List(_) => phrase!("noun-expr-lists"),
            Type::Map => phrase!("noun-expr-maps"),
            Type::Null => phrase!("noun-expr-nulls"),
            Type::Dyn => phrase!("noun-expr-values"),
        }
    }
}

impl fmt::Display for Type {
    /// CEL-style type names: `bool`, `int`, `list(string)`, `year_month`...
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Type::Bool => f.write_str("bool"),
            Type::Int => f.write_str("int"),
            Type::Double => f.write_str("double"),
            Type::String => f.write_str("string"),
            Type::Date => f.write_str("date"),
            Type::YearMonth => f.write_str("year_month"),
            Type::List(item) => write!(f, "list({item})"),
            Type::Map => f.write_str("map"),
            Type::Null => f.write_str("null"),
            Type::Dyn => f.write_str("dyn"),
        }
    }
}

/// The names an expression may refer to, with the types of their answers.
pub trait Scope {
    /// The type of the answer a name refers to, if the name is in scope.
    fn lookup(&self, name: &str) -> Option<Type>;
    /// Every name in scope (for "did you mean" and for listing what exists).
    fn names(&self) -> Vec<String>;
}

/// A scope given as a map from name (field id or dotted concept id) to type.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MapScope(pub BTreeMap<String, Type>);

impl MapScope {
    /// An empty scope.
    pub fn new() -> Self {
        MapScope(BTreeMap::new())
    }

    /// The scope with one more name.
    #[must_use]
    pub fn with(mut self, name: impl Into<String>, ty: Type) -> Self {
        self.0.insert(name.into(), ty);
        self
    }

    /// Adds or replaces a name.
    pub fn insert(&mut self, name: impl Into<String>, ty: Type) {
        self.0.insert(name.into(), ty);
    }
}

impl<S: Into<String>> FromIterator<(S, Type)> for MapScope {
    fn from_iter<I: IntoIterator<Item = (S, Type)>>(iter: I) -> Self {
        // Inserted one by one: collecting into a BTreeMap would sort (a sort per map type in
        // the widget's wasm).
        let mut scope = MapScope::new();
        for (name, ty) in iter {
            scope.0.insert(name.into(), ty);
        }
        scope
    }
}

impl Scope for MapScope {
    fn lookup(&self, name: &str) -> Option<Type> {
        self.0.get(name).cloned()
    }

    fn names(&self) -> Vec<String> {
        self.0.keys().cloned().collect()
    }
}

/// Type-checks `expr` against `scope`, returning its type or *all* errors found (ordered by
/// position). With `expected`, the result must fit that type; `Some(&Type::Bool)` is the check
/// for conditions ("a condition must be true or false, but this is a number").
///
/// Trees above [`MAX_NODES`] nodes or [`MAX_DEPTH`] levels (only possible when built by hand or
/// deserialised) are rejected before anything else, so checking never overflows the stack.
///
/// ```
/// use tetsuzuki::expr::{check, parse, MapScope, Type};
/// let scope = MapScope::new().with("person.birth_date", Type::Date);
/// let e = parse("age(person.birth_date) >= 18").unwrap();
/// assert_eq!(check(&e, &scope, Some(&Type::Bool)), Ok(Type::Bool));
/// ```
pub fn check(expr: &Expr, scope: &dyn Scope, expected: Option<&Type>) -> Result<Type, Vec<ExprError>> {
    let (nodes, depth) = expr.size_and_depth();
    if nodes > MAX_NODES {
        return Err(vec![
            ExprError::new(
                codes::TOO_LARGE,
                expr.span,
                phrase!("expr-too-large-parts", nodes = nodes, max = MAX_NODES),
            )
            .with_fix(phrase!("expr-fix-split")),
        ]);
    }
    if depth > MAX_DEPTH {
        return Err(vec![
            ExprError::new(codes::TOO_DEEP, expr.span, phrase!("expr-too-deep-levels", depth = depth, max = MAX_DEPTH))
                .with_fix(phrase!("expr-fix-split")),
        ]);
    }
    let mut checker = Checker { scope, names: None, errors: Vec::new() };
    let ty = checker.expr(expr);
    if let Some(expected) = expected
        && !ty.is_assignable_to(expected)
    {
        let error = if *expected == Type::Bool {
            let mut e = ExprError::new(codes::TYPE, expr.span, phrase!("expr-type-condition", ty = ty.describe()));
            e.fix = condition_fix(expr, &ty);
            e
        } else {
            ExprError::new(
                codes::TYPE,
                expr.span,
                phrase!("expr-type-expected", expected = expected.describe(), ty = ty.describe()),
            )
        };
        checker.errors.push(error);
    }
    if checker.errors.is_empty() {
        Ok(ty)
    } else {
        let mut errors = checker.errors;
        errors.sort_by_key(|e| e.span.start);
        Err(errors)
    }
}

/// A copy of `expr` with every name chain `a.b.c` replaced by the longest dotted name `scope`
/// knows (`a.b` followed by a field select `.c`, say), so that [`Expr::names`] lists the answers
/// the expression depends on. Chains with no known prefix are left as they are (and [`check`]
/// reports them). Meant for trees within the limits (every tree [`parse`](super::parse) returns
/// or [`check`] accepts): it recurses once per level.
pub fn resolve(expr: &Expr, scope: &dyn Scope) -> Expr {
    let mut resolved = expr.clone();
    resolve_in_place(&mut resolved, scope);
    resolved
}

/// [`resolve`] without a copy: `expr` is changed where a chain has a shorter known prefix, and
/// otherwise kept (what planning a form does with every condition it parses).
pub fn resolve_in_place(expr: &mut Expr, scope: &dyn Scope) {
    // A lone name is its own longest match (or unknown): nothing to change.
    if matches!(expr.kind, ExprKind::Name(_)) {
        return;
    }
    if let Some(chain) = chain(expr) {
        if let Some((k, _)) = longest_match(&chain, scope) {
            let rebuilt = rebuild_chain(&chain, k);
            *expr = rebuilt;
        }
        return;
    }
    match &mut expr.kind {
        ExprKind::List(items) => items.iter_mut().for_each(|e| resolve_in_place(e, scope)),
        ExprKind::Select { operand, .. } | ExprKind::Unary { operand, .. } => resolve_in_place(operand, scope),
        ExprKind::Index { operand, index } => {
            resolve_in_place(operand, scope);
            resolve_in_place(index, scope);
        }
        ExprKind::Call { target, args, .. } => {
            if let Some(target) = target {
                resolve_in_place(target, scope);
            }
            args.iter_mut().for_each(|e| resolve_in_place(e, scope));
        }
        ExprKind::Binary { left, right, .. } => {
            resolve_in_place(left, scope);
            resolve_in_place(right, scope);
        }
        ExprKind::Conditional { cond, then, otherwise } => {
            resolve_in_place(cond, scope);
            resolve_in_place(then, scope);
            resolve_in_place(otherwise, scope);
        }
        _ => {}
    }
}

/// A name chain `a.b.c`: the segments, root first, each with the node whose span ends with it.
/// `None` if `expr` is not a name or a selection chain rooted at a name.
fn chain(expr: &Expr) -> Option<Vec<(&str, &Expr)>> {
    let mut segments = Vec::new();
    let mut node = expr;
    loop {
        match &node.kind {
            ExprKind::Select { operand, field } => {
                segments.push((field.as_str(), node));
                node = operand;
            }
            ExprKind::Name(name) => {
                segments.push((name.as_str(), node));
                segments.reverse();
                return Some(segments);
            }
            _ => return None,
        }
    }
}

fn join(segments: &[(&str, &Expr)]) -> String {
    segments.iter().map(|(s, _)| *s).collect::<Vec<_>>().join(".")
}

/// The longest prefix of the chain that `scope` knows: its length in segments and its type.
fn longest_match(chain: &[(&str, &Expr)], scope: &dyn Scope) -> Option<(usize, Type)> {
    (1..=chain.len()).rev().find_map(|k| scope.lookup(&join(&chain[..k])).map(|ty| (k, ty)))
}

/// The first `k` segments of the chain as one name, spanning them.
fn merged_name(chain: &[(&str, &Expr)], k: usize) -> Expr {
    let span = chain.get(k.saturating_sub(1)).map_or(Span::default(), |(_, node)| node.span);
    Expr::new(ExprKind::Name(Name(join(&chain[..k]))), span)
}

/// The chain with its first `k` segments merged into one name.
fn rebuild_chain(chain: &[(&str, &Expr)], k: usize) -> Expr {
    let mut expr = merged_name(chain, k);
    for (field, node) in chain.iter().skip(k) {
        expr = Expr::new(ExprKind::Select { operand: Box::new(expr), field: (*field).to_owned() }, node.span);
    }
    expr
}

/// An expression as shown inside backticks in messages, shortened when long.
fn show(expr: &Expr) -> String {
    const MAX: usize = 40;
    let text = expr.to_string();
    if text.chars().count() <= MAX { text } else { format!("{}…", text.chars().take(MAX - 1).collect::<String>()) }
}

/// How to turn a non-boolean into a condition.
fn condition_fix(expr: &Expr, ty: &Type) -> Option<Phrase> {
    let text = show(expr);
    Some(match ty {
        Type::Int | Type::Double => phrase!("expr-type-condition-fix-number", expr = text),
        Type::String => phrase!("expr-type-condition-fix-string", expr = text),
        Type::List(_) => phrase!("expr-type-condition-fix-list", expr = text),
        Type::Date => phrase!("expr-type-condition-fix-date", expr = text),
        Type::YearMonth => phrase!("expr-type-condition-fix-year-month"),
        Type::Map | Type::Null if matches!(expr.kind, ExprKind::Name(_) | ExprKind::Select { .. }) => {
            phrase!("expr-type-condition-fix-has", expr = text)
        }
        _ => return None,
    })
}

/// Code joined by "or": `` `a` or `b` `` (the last two, and so on to the left).
fn either(code: Vec<String>) -> PhraseArg {
    let mut code = code.into_iter().rev();
    let last = PhraseArg::Text(code.next().unwrap_or_default());
    code.fold(last, |rest, first| PhraseArg::Phrase(phrase!("noun-or", first = first, rest = rest)))
}

struct Checker<'s> {
    scope: &'s dyn Scope,
    /// Names in scope, sorted, fetched once when a message needs them.
    names: Option<Vec<String>>,
    errors: Vec<ExprError>,
}

impl Checker<'_> {
    fn error(&mut self, code: &'static str, span: Span, message: Phrase, fix: Option<Phrase>) {
        self.errors.push(ExprError { code, span, message, fix });
    }

    fn scope_names(&mut self) -> &[String] {
        let scope = self.scope;
        self.names.get_or_insert_with(|| {
            let mut names = scope.names();
            names.sort();
            names
        })
    }

    fn expr(&mut self, e: &Expr) -> Type {
        match &e.kind {
            ExprKind::Null => Type::Null,
            ExprKind::Bool(_) => Type::Bool,
            ExprKind::Int(_) => Type::Int,
            ExprKind::Double(_) => Type::Double,
            ExprKind::String(_) => Type::String,
            ExprKind::List(items) => self.list(items),
            ExprKind::Name(_) | ExprKind::Select { .. } => match chain(e) {
                Some(chain) => self.name_chain(&chain, e),
                None => self.select_of(e),
            },
            ExprKind::Has(name) => {
                self.has(name, e.span);
                Type::Bool
            }
            ExprKind::Index { operand, index } => self.index(operand, index),
            ExprKind::Call { function, target, args } => self.call(e, function, target.as_deref(), args),
            ExprKind::Unary { op, operand } => self.unary(*op, operand),
            ExprKind::Binary { op, left, right } => self.binary(*op, left, right),
            ExprKind::Conditional { cond, then, otherwise } => self.conditional(cond, then, otherwise),
        }
    }

    fn list(&mut self, items: &[Expr]) -> Type {
        let mut item_type = Type::Dyn;
        let mut first: Option<(&Expr, Type)> = None;
        for item in items {
            let t = self.expr(item);
            match Type::unify(&item_type, &t) {
                Some(u) => item_type = u,
                None => {
                    let (first_expr, first_type) = first.clone().unwrap_or((item, item_type.clone()));
                    self.error(
                        codes::TYPE,
                        item.span,
                        phrase!(
                            "expr-type-list-mix",
                            first = first_type.plural(),
                            first_item = show(first_expr),
                            second = t.plural(),
                            second_item = show(item)
                        ),
                        None,
                    );
                    return Type::list(Type::Dyn);
                }
            }
            if first.is_none() && !matches!(t, Type::Dyn | Type::Null) {
                first = Some((item, t));
            }
        }
        Type::list(item_type)
    }

    /// A name or a name chain: the longest known prefix, then field selections.
    fn name_chain(&mut self, chain: &[(&str, &Expr)], whole: &Expr) -> Type {
        let Some((k, mut ty)) = longest_match(chain, self.scope) else {
            self.unknown_name(&join(chain), whole.span, chain.len() == 1);
            return Type::Dyn;
        };
        let mut prefix = merged_name(chain, k);
        for (field, node) in chain.iter().skip(k) {
            ty = self.select(&prefix, ty, field, node.span, Some(&join(chain)));
            prefix = Expr::new(ExprKind::Select { operand: Box::new(prefix), field: (*field).to_owned() }, node.span);
        }
        ty
    }

    /// A selection whose operand is not a name chain, e.g. `rows[0].amount`.
    fn select_of(&mut self, e: &Expr) -> Type {
        let ExprKind::Select { operand, field } = &e.kind else { return Type::Dyn };
        let ty = self.expr(operand);
        self.select(operand, ty, field, e.span, None)
    }

    fn select(&mut self, operand: &Expr, ty: Type, field: &str, span: Span, path: Option<&str>) -> Type {
        if matches!(ty, Type::Map | Type::Dyn) {
            return Type::Dyn;
        }
        let suggestion = path.and_then(|p| {
            let names = self.scope_names();
            did_you_mean(p, names.iter().map(String::as_str)).map(|s| phrase!("did-you-mean", best = s))
        });
        let fix = suggestion.or_else(|| {
            functions::lookup(field)
                .filter(|f| f.is_method())
                .map(|_| phrase!("expr-type-select-fix-method", field = field, expr = show(operand)))
        });
        self.error(
            codes::TYPE,
            span,
            phrase!("expr-type-select", expr = show(operand), ty = ty.describe(), field = field),
            fix,
        );
        Type::Dyn
    }

    fn unknown_name(&mut self, name: &str, span: Span, single: bool) {
        if single && let Some(f) = functions::lookup(name).filter(|f| f.is_global() && !f.is_macro()) {
            let call = if f.overloads.iter().any(|o| o.receiver.is_none() && o.params.is_empty()) {
                format!("{name}()")
            } else {
                format!("{name}(...)")
            };
            self.error(
                codes::UNKNOWN_NAME,
                span,
                phrase!("expr-unknown-name-function", name = name, call = &call),
                Some(phrase!("expr-fix-write", code = &call)),
            );
            return;
        }
        let names = self.scope_names();
        let (message, fix) = match did_you_mean(name, names.iter().map(String::as_str)) {
            Some(s) => {
                (phrase!("expr-unknown-name-suggest", name = name, best = s), Some(phrase!("expr-fix-write", code = s)))
            }
            None => (phrase!("expr-unknown-name", name = name), Some(list_names(names))),
        };
        self.error(codes::UNKNOWN_NAME, span, message, fix);
    }

    fn has(&mut self, name: &Name, span: Span) {
        let segments: Vec<&str> = name.segments().collect();
        let longest = (1..=segments.len()).rev().find_map(|k| {
            let prefix = segments[..k].join(".");
            self.scope.lookup(&prefix).map(|ty| (k, prefix, ty))
        });
        match longest {
            None => self.unknown_name(name.as_str(), span, false),
            Some((k, prefix, ty)) if k < segments.len() && !matches!(ty, Type::Map | Type::Dyn) => self.error(
                codes::TYPE,
                span,
                phrase!("expr-type-has", name = &prefix, ty = ty.describe(), field = segments[k]),
                Some(phrase!("expr-fix-write", code = format!("has({prefix})"))),
            ),
            Some(_) => {}
        }
    }

    fn index(&mut self, operand: &Expr, index: &Expr) -> Type {
        let container = self.expr(operand);
        let key = self.expr(index);
        match container {
            Type::List(item) => {
                if !matches!(key, Type::Int | Type::Dyn) {
                    self.error(
                        codes::TYPE,
                        index.span,
                        phrase!("expr-type-index-list", index = show(index), ty = key.describe()),
                        None,
                    );
                }
                *item
            }
            Type::Map => {
                if !matches!(key, Type::String | Type::Dyn) {
                    self.error(
                        codes::TYPE,
                        index.span,
                        phrase!("expr-type-index-map", index = show(index), ty = key.describe()),
                        None,
                    );
                }
                Type::Dyn
            }
            Type::Dyn => Type::Dyn,
            other => {
                self.error(
                    codes::TYPE,
                    operand.span,
                    phrase!("expr-type-index", expr = show(operand), ty = other.describe()),
                    None,
                );
                Type::Dyn
            }
        }
    }

    fn unary(&mut self, op: UnaryOp, operand: &Expr) -> Type {
        let ty = self.expr(operand);
        match (op, &ty) {
            (UnaryOp::Not, Type::Bool | Type::Dyn) => Type::Bool,
            (UnaryOp::Neg, Type::Int | Type::Double | Type::Dyn) => ty,
            (UnaryOp::Not, _) => {
                let fix = condition_fix(operand, &ty);
                self.error(
                    codes::TYPE,
                    operand.span,
                    phrase!("expr-type-not", expr = show(operand), ty = ty.describe()),
                    fix,
                );
                Type::Bool
            }
            (UnaryOp::Neg, _) => {
                self.error(
                    codes::TYPE,
                    operand.span,
                    phrase!("expr-type-negate", expr = show(operand), ty = ty.describe()),
                    None,
                );
                Type::Dyn
            }
        }
    }

    /// `op` is the logical operator `e` is a side of, `None` for the condition of `? :`.
    fn condition(&mut self, e: &Expr, ty: &Type, op: Option<&str>) {
        if !matches!(ty, Type::Bool | Type::Dyn) {
            let fix = condition_fix(e, ty);
            let message = match op {
                Some(op) => phrase!("expr-type-logic", op = op, expr = show(e), ty = ty.describe()),
                None => phrase!("expr-type-choice-condition", expr = show(e), ty = ty.describe()),
            };
            self.error(codes::TYPE, e.span, message, fix);
        }
    }

    fn binary(&mut self, op: BinaryOp, left: &Expr, right: &Expr) -> Type {
        let lt = self.expr(left);
        let rt = self.expr(right);
        let sym = op.symbol();
        match op {
            BinaryOp::And | BinaryOp::Or => {
                self.condition(left, &lt, Some(sym));
                self.condition(right, &rt, Some(sym));
                Type::Bool
            }
            BinaryOp::Eq | BinaryOp::Ne => {
                if Type::unify(&lt, &rt).is_none() {
                    self.mismatch(op, left, &lt, right, &rt);
                }
                Type::Bool
            }
            BinaryOp::Lt | BinaryOp::Le | BinaryOp::Gt | BinaryOp::Ge => {
                self.ordering(op, left, &lt, right, &rt);
                Type::Bool
            }
            BinaryOp::In => {
                self.membership(left, &lt, right, &rt);
                Type::Bool
            }
            BinaryOp::Add | BinaryOp::Sub | BinaryOp::Mul | BinaryOp::Div | BinaryOp::Rem => {
                self.arithmetic(op, left, &lt, right, &rt)
            }
        }
    }

    fn ordering(&mut self, op: BinaryOp, left: &Expr, lt: &Type, right: &Expr, rt: &Type) {
        let sym = op.symbol();
        for (e, t) in [(left, lt), (right, rt)] {
            let problem = match t {
                Type::Null => Some(phrase!("expr-type-order-null")),
                Type::Bool | Type::List(_) | Type::Map => {
                    Some(phrase!("expr-type-order", op = sym, values = t.plural(), expr = show(e), ty = t.describe()))
                }
                _ => None,
            };
            if let Some(message) = problem {
                self.error(codes::TYPE, e.span, message, None);
                return;
            }
        }
        let comparable =
            matches!((lt, rt), (Type::Dyn, _) | (_, Type::Dyn)) || (lt.is_numeric() && rt.is_numeric()) || lt == rt;
        if !comparable {
            self.mismatch(op, left, lt, right, rt);
        }
    }

    /// Two operands of kinds that cannot be compared, with advice for the common cases.
    fn mismatch(&mut self, op: BinaryOp, left: &Expr, lt: &Type, right: &Expr, rt: &Type) {
        let (l, r) = (show(left), show(right));
        let sym = op.symbol();
        let (lt_words, rt_words) = (lt.describe(), rt.describe());
        let (date, date_type, other, other_expr, other_type) = match (lt, rt) {
            (Type::Date | Type::YearMonth, _) => (l.clone(), lt, r.clone(), right, rt),
            (_, Type::Date | Type::YearMonth) => (r.clone(), rt, l.clone(), left, lt),
            _ => {
                let fix = if (lt.is_numeric() && *rt == Type::String) || (*lt == Type::String && rt.is_numeric()) {
                    Some(phrase!("expr-type-mismatch-fix-convert"))
                } else {
                    None
                };
                let message = phrase!(
                    "expr-type-mismatch",
                    left = &l,
                    left_type = lt_words,
                    right = &r,
                    right_type = rt_words,
                    op = sym
                );
                self.error(codes::TYPE, left.span.to(right.span), message, fix);
                return;
            }
        };
        let message = if *date_type == Type::Date {
            phrase!("expr-type-mismatch-date", left = &l, left_type = lt_words, right = &r, right_type = rt_words)
        } else {
            phrase!("expr-type-mismatch-year-month", left = &l, left_type = lt_words, right = &r, right_type = rt_words)
        };
        let fix = match (&other_expr.kind, other_type) {
            (ExprKind::String(s), Type::String) if *date_type == Type::Date => {
                let literal =
                    functions::parse_date_literal(s).ok().map(|_| s.clone()).or_else(|| functions::normalise_date(s));
                match literal {
                    Some(d) => phrase!("expr-type-mismatch-fix-date-literal", date = d),
                    None => phrase!("expr-type-mismatch-fix-date-string", expr = &date, op = sym),
                }
            }
            (_, t) if t.is_numeric() && *date_type == Type::Date => {
                phrase!("expr-type-mismatch-fix-date-number", expr = &date, op = sym)
            }
            _ => phrase!("expr-type-mismatch-fix", expr = &date, other = &other),
        };
        self.error(codes::TYPE, left.span.to(right.span), message, Some(fix));
    }

    fn membership(&mut self, left: &Expr, lt: &Type, right: &Expr, rt: &Type) {
        match rt {
            Type::List(item) => {
                if Type::unify(lt, item).is_none() {
                    self.error(
                        codes::TYPE,
                        left.span.to(right.span),
                        phrase!(
                            "expr-type-in-item",
                            left = show(left),
                            left_type = lt.describe(),
                            right = show(right),
                            right_type = rt.describe()
                        ),
                        None,
                    );
                }
            }
            Type::Map => {
                if !matches!(lt, Type::String | Type::Dyn) {
                    self.error(
                        codes::TYPE,
                        left.span,
                        phrase!("expr-type-in-map", expr = show(left), ty = lt.describe()),
                        None,
                    );
                }
            }
            Type::Dyn => {}
            other => {
                let fix = if *other == Type::String && matches!(lt, Type::String | Type::Dyn) {
                    phrase!("expr-type-in-fix-contains", right = show(right), left = show(left))
                } else {
                    phrase!("expr-type-in-fix", left = show(left))
                };
                self.error(
                    codes::TYPE,
                    right.span,
                    phrase!("expr-type-in", expr = show(right), ty = other.describe()),
                    Some(fix),
                );
            }
        }
    }

    fn arithmetic(&mut self, op: BinaryOp, left: &Expr, lt: &Type, right: &Expr, rt: &Type) -> Type {
        let sym = op.symbol();
        let numeric = |t: &Type| t.is_numeric() || *t == Type::Dyn;
        if numeric(lt) && numeric(rt) {
            if op == BinaryOp::Rem
                && let Some((e, t)) = [(left, lt), (right, rt)].into_iter().find(|(_, t)| **t == Type::Double)
            {
                self.error(
                    codes::TYPE,
                    e.span,
                    phrase!("expr-type-remainder", expr = show(e), ty = t.describe()),
                    Some(phrase!("expr-type-remainder-fix", expr = show(e))),
                );
                return Type::Dyn;
            }
            return match (lt, rt) {
                (Type::Int, Type::Int) => Type::Int,
                (Type::Dyn, _) | (_, Type::Dyn) => Type::Dyn,
                _ => Type::Double,
            };
        }
        if op == BinaryOp::Add {
            match (lt, rt) {
                (Type::String, Type::String) => return Type::String,
                (Type::String | Type::Dyn, Type::String | Type::Dyn) => return Type::Dyn,
                (Type::List(_), Type::List(_)) => {
                    if let Some(t) = Type::unify(lt, rt) {
                        return t;
                    }
                }
                (Type::List(_) | Type::Dyn, Type::List(_) | Type::Dyn) => return Type::Dyn,
                _ => {}
            }
        }
        let (l, r) = (show(left), show(right));
        let fix = match (op, lt, rt) {
            (BinaryOp::Add, Type::Date, t) | (BinaryOp::Add, t, Type::Date) if t.is_numeric() => Some(phrase!(
                "expr-type-arithmetic-fix-add-date",
                date = if *lt == Type::Date { &l } else { &r },
                days = if *lt == Type::Date { &r } else { &l }
            )),
            (BinaryOp::Sub, Type::Date, Type::Date) => {
                Some(phrase!("expr-type-arithmetic-fix-days-between", left = &l, right = &r))
            }
            (BinaryOp::Sub, Type::Date, t) if t.is_numeric() => {
                Some(phrase!("expr-type-arithmetic-fix-subtract-days", date = &l, days = &r))
            }
            (BinaryOp::Add, Type::String, t) | (BinaryOp::Add, t, Type::String) if t.is_numeric() => {
                Some(phrase!("expr-type-arithmetic-fix-string"))
            }
            _ => None,
        };
        let (left_type, right_type) = (lt.describe(), rt.describe());
        let message = match op {
            BinaryOp::Add => phrase!(
                "expr-type-arithmetic-add",
                left = &l,
                left_type = left_type,
                right = &r,
                right_type = right_type
            ),
            BinaryOp::Rem => {
                phrase!(
                    "expr-type-arithmetic-remainder",
                    left = &l,
                    left_type = left_type,
                    right = &r,
                    right_type = right_type
                )
            }
            _ => phrase!(
                "expr-type-arithmetic",
                left = &l,
                left_type = left_type,
                right = &r,
                right_type = right_type,
                op = sym
            ),
        };
        self.error(codes::TYPE, left.span.to(right.span), message, fix);
        Type::Dyn
    }

    fn conditional(&mut self, cond: &Expr, then: &Expr, otherwise: &Expr) -> Type {
        let ct = self.expr(cond);
        self.condition(cond, &ct, None);
        let tt = self.expr(then);
        let ot = self.expr(otherwise);
        match Type::unify(&tt, &ot) {
            Some(t) => t,
            None => {
                self.error(
                    codes::TYPE,
                    then.span.to(otherwise.span),
                    phrase!(
                        "expr-type-choice-results",
                        then = show(then),
                        then_type = tt.describe(),
                        otherwise = show(otherwise),
                        otherwise_type = ot.describe()
                    ),
                    None,
                );
                Type::Dyn
            }
        }
    }

    fn call(&mut self, e: &Expr, name: &str, target: Option<&Expr>, args: &[Expr]) -> Type {
        let target_type = target.map(|t| self.expr(t));
        let is_method = target.is_some();
        if name == "has" {
            // `x.has(y)`: the parser only turns global `has(...)` into the macro.
            let path = match (target.map(show), args.first().and_then(super::parser::dotted_path)) {
                (Some(t), Some(field)) if args.len() == 1 => {
                    phrase!("expr-fix-write", code = format!("has({t}.{field})"))
                }
                _ => phrase!("expr-syntax-has-method-fix"),
            };
            self.error(codes::SYNTAX, e.span, phrase!("expr-syntax-has-method"), Some(path));
            return Type::Bool;
        }
        let arg_types: Vec<Type> = args.iter().map(|a| self.expr(a)).collect();
        // For a global call the name starts the span; a method's name is somewhere inside it.
        let name_span = if is_method {
            e.span
        } else {
            Span::new(e.span.start, e.span.start.saturating_add(u32::try_from(name.len()).unwrap_or(0)))
        };
        let Some(function) = functions::lookup(name) else {
            self.unknown_function(name, name_span, is_method);
            return Type::Dyn;
        };
        let candidates: Vec<&Overload> =
            function.overloads.iter().filter(|o| o.receiver.is_some() == is_method).collect();
        if candidates.is_empty() {
            self.wrong_call_form(function, e, target, args);
            return function.overloads.first().map_or(Type::Dyn, |o| o.result.clone());
        }
        let by_arity: Vec<&Overload> = candidates.iter().copied().filter(|o| o.params.len() == args.len()).collect();
        if by_arity.is_empty() {
            let mut counts: Vec<usize> = candidates.iter().map(|o| o.params.len()).collect();
            counts.sort_unstable();
            counts.dedup();
            let takes = match counts.as_slice() {
                [n] => phrase!("noun-expr-arguments", count = *n),
                many => {
                    let (last, init) = many.split_last().unwrap_or((&0, &[]));
                    let init: Vec<String> = init.iter().map(ToString::to_string).collect();
                    phrase!("noun-expr-arguments-either", counts = init.join(", "), last = *last)
                }
            };
            let given = args.len();
            let message = if is_method {
                phrase!("expr-arity-method", name = name, takes = takes, given = given)
            } else {
                phrase!("expr-arity", name = name, takes = takes, given = given)
            };
            let signatures = function
                .overloads
                .iter()
                .filter(|o| o.receiver.is_some() == is_method)
                .map(|o| format!("`{}`", o.signature(function.name)))
                .collect();
            self.error(codes::ARITY, e.span, message, Some(phrase!("expr-arity-fix", signatures = either(signatures))));
            return candidates.first().map_or(Type::Dyn, |o| o.result.clone());
        }
        let fits = |o: &&Overload| {
            o.receiver.is_none_or(|r| target_type.as_ref().is_some_and(|t| r.accepts(t)))
                && o.params.iter().zip(&arg_types).all(|(p, t)| p.accepts(t))
        };
        let Some(overload) = by_arity.iter().copied().find(fits) else {
            self.wrong_argument_types(function, e, target.zip(target_type.as_ref()), args, &arg_types, &by_arity);
            return by_arity.first().map_or(Type::Dyn, |o| o.result.clone());
        };
        if overload.id == "date" {
            self.date_literal(args, e.span);
        }
        overload.result.clone()
    }

    fn unknown_function(&mut self, name: &str, span: Span, is_method: bool) {
        let known = FUNCTIONS.iter().filter(|f| if is_method { f.is_method() } else { f.is_global() && !f.is_macro() });
        let suggestion = functions::ALIASES
            .iter()
            .find(|(alias, _)| *alias == name)
            .map(|(_, target)| *target)
            .or_else(|| did_you_mean(name, known.clone().map(|f| f.name)))
            // A method written as a function or the other way round is still worth pointing to.
            .or_else(|| did_you_mean(name, FUNCTIONS.iter().map(|f| f.name)));
        let (message, fix) = match suggestion {
            Some(s) if is_method => (
                phrase!("expr-unknown-function-method-suggest", name = name, best = s),
                phrase!("expr-fix-write", code = s),
            ),
            Some(s) => {
                (phrase!("expr-unknown-function-suggest", name = name, best = s), phrase!("expr-fix-write", code = s))
            }
            None => {
                let list: Vec<String> = known.map(|f| format!("`{}`", f.name)).collect();
                let list = list.join(", ");
                if is_method {
                    (
                        phrase!("expr-unknown-function-method", name = name),
                        phrase!("expr-unknown-function-method-fix", names = list),
                    )
                } else {
                    (phrase!("expr-unknown-function", name = name), phrase!("expr-unknown-function-fix", names = list))
                }
            }
        };
        self.error(codes::UNKNOWN_FUNCTION, span, message, Some(fix));
    }

    /// A method called as a function or a function called as a method.
    fn wrong_call_form(&mut self, function: &Function, e: &Expr, target: Option<&Expr>, args: &[Expr]) {
        let name = function.name;
        let (message, fix) = match target {
            Some(t) => {
                let mut all: Vec<String> = vec![show(t)];
                all.extend(args.iter().map(show));
                (
                    phrase!("expr-unknown-function-not-method", name = name),
                    phrase!("expr-fix-write", code = format!("{name}({})", all.join(", "))),
                )
            }
            None => {
                let fix = match args.split_first() {
                    Some((receiver, rest)) => {
                        let rest: Vec<String> = rest.iter().map(show).collect();
                        phrase!("expr-fix-write", code = format!("{}.{name}({})", show(receiver), rest.join(", ")))
                    }
                    None => phrase!("expr-unknown-function-not-function-fix", name = name),
                };
                (phrase!("expr-unknown-function-not-function", name = name), fix)
            }
        };
        self.error(codes::UNKNOWN_FUNCTION, e.span, message, Some(fix));
    }

    fn wrong_argument_types(
        &mut self,
        function: &Function,
        e: &Expr,
        target: Option<(&Expr, &Type)>,
        args: &[Expr],
        arg_types: &[Type],
        overloads: &[&Overload],
    ) {
        let name = function.name;
        let expected = either(overloads.iter().map(|o| format!("`{}`", o.signature(name))).collect());
        // Point at the first argument no overload accepts, else at the whole call.
        let receiver_bad = target.filter(|(_, t)| !overloads.iter().any(|o| o.receiver.is_some_and(|r| r.accepts(t))));
        let (span, what) = if let Some((t, ty)) = receiver_bad {
            (t.span, phrase!("noun-expr-receiver-is", receiver = show(t), ty = ty.describe()))
        } else {
            let bad = (0..args.len()).find(|&i| {
                !overloads
                    .iter()
                    .any(|o| o.params.get(i).is_some_and(|p| arg_types.get(i).is_some_and(|t| p.accepts(t))))
            });
            match bad.and_then(|i| Some((i, args.get(i)?, arg_types.get(i)?))) {
                Some((i, arg, ty)) => (
                    arg.span,
                    phrase!("noun-expr-argument-is", number = i + 1, argument = show(arg), ty = ty.describe()),
                ),
                None => (e.span, phrase!("noun-expr-arguments-misfit")),
            }
        };
        self.error(
            codes::TYPE,
            span,
            phrase!("expr-type-arguments", name = name, expected = expected, what = what),
            None,
        );
    }

    /// `date("YYYY-MM-DD")`: the argument must be a string literal holding a real date.
    fn date_literal(&mut self, args: &[Expr], span: Span) {
        let Some(arg) = args.first() else { return };
        let ExprKind::String(text) = &arg.kind else {
            self.error(
                codes::BAD_DATE_LITERAL,
                arg.span,
                phrase!("expr-bad-date-literal-not-literal", expr = show(arg)),
                Some(phrase!("expr-bad-date-literal-not-literal-fix")),
            );
            return;
        };
        if let Err(problem) = functions::parse_date_literal(text) {
            let well_formed = text.len() == 10 && text.bytes().filter(|b| *b == b'-').count() == 2;
            let fix = match functions::normalise_date(text) {
                Some(d) => Some(phrase!("expr-fix-write", code = format!("date(\"{d}\")"))),
                // The form is right but the day does not exist: nothing to suggest.
                None if well_formed => None,
                None => Some(phrase!("expr-bad-date-literal-fix")),
            };
            let at = if arg.span == Span::default() { span } else { arg.span };
            self.error(codes::BAD_DATE_LITERAL, at, problem.phrase(text), fix);
        }
    }
}

/// "names in scope: `a`, `b`, ... (and 3 more)", or that nothing is in scope.
fn list_names(names: &[String]) -> Phrase {
    const SHOWN: usize = 8;
    if names.is_empty() {
        return phrase!("expr-unknown-name-fix-none");
    }
    let shown: Vec<String> = names.iter().take(SHOWN).map(|n| format!("`{n}`")).collect();
    let more = names.len().saturating_sub(SHOWN);
    if more > 0 {
        phrase!("expr-unknown-name-fix-more", names = shown.join(", "), more = more)
    } else {
        phrase!("expr-unknown-name-fix", names = shown.join(", "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unify() {
        assert_eq!(Type::unify(&Type::Int, &Type::Double), Some(Type::Double));
        assert_eq!(Type::unify(&Type::Null, &Type::Date), Some(Type::Date));
        assert_eq!(Type::unify(&Type::Dyn, &Type::String), Some(Type::String));
        assert_eq!(Type::unify(&Type::Date, &Type::Int), None);
        assert_eq!(Type::unify(&Type::list(Type::Int), &Type::list(Type::Dyn)), Some(Type::list(Type::Int)));
        assert_eq!(Type::unify(&Type::list(Type::Int), &Type::list(Type::String)), None);
    }

    #[test]
    fn assignable() {
        assert!(Type::Int.is_assignable_to(&Type::Double));
        assert!(!Type::Double.is_assignable_to(&Type::Int));
        assert!(!Type::Null.is_assignable_to(&Type::Bool));
        assert!(Type::Null.is_assignable_to(&Type::Date));
        assert!(Type::Dyn.is_assignable_to(&Type::Bool));
    }

    #[test]
    fn descriptions_and_names() {
        assert_eq!(Type::list(Type::String).describe().to_string(), "noun-expr-list-of items=(noun-expr-strings)");
        assert_eq!(Type::list(Type::Dyn).describe().to_string(), "noun-expr-list");
        assert_eq!(Type::list(Type::list(Type::Int)).to_string(), "list(list(int))");
        assert_eq!(Type::YearMonth.to_string(), "year_month");
    }

    #[test]
    fn list_names_is_bounded() {
        let names: Vec<String> = (0..10).map(|i| format!("n{i}")).collect();
        assert_eq!(
            list_names(&names).to_string(),
            "expr-unknown-name-fix-more names=`n0`, `n1`, `n2`, `n3`, `n4`, `n5`, `n6`, `n7` more=2"
        );
        assert_eq!(list_names(&[]).to_string(), "expr-unknown-name-fix-none");
    }

    #[test]
    fn map_scope() {
        let scope: MapScope = [("a", Type::Int), ("b.c", Type::Date)].into_iter().collect();
        assert_eq!(scope.lookup("b.c"), Some(Type::Date));
        assert_eq!(scope.lookup("b"), None);
        assert_eq!(scope.names(), ["a", "b.c"]);
        let json = serde_json::to_string(&scope).expect("json");
        assert_eq!(json, r#"{"a":"int","b.c":"date"}"#);
    }
}
