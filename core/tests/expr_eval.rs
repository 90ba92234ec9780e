//! The evaluator through the public API: forms-style conditions end to end, agreement with the
//! reference `cel` crate on the shared subset, and robustness on arbitrary input.

use std::collections::BTreeMap;

use proptest::prelude::*;
use tetsuzuki::date::Date;
use tetsuzuki::expr::{
    BinaryOp, Budget, Env, EvalError, Expr, ExprKind, MapEnv, MapScope, Span, Type, UnaryOp, check, eval,
    eval_condition, parse, resolve,
};
use tetsuzuki::value::Value;

fn date(s: &str) -> Date {
    Date::parse_iso(s).expect("test date")
}

/// An environment backed by something other than a map, as an application would write one.
struct Answers {
    today: Date,
}

impl Env for Answers {
    fn value(&self, name: &str) -> Option<Value> {
        match name {
            "person.birth_date" => Some(Value::Date(date("2010-06-15"))),
            "move_date" => Some(Value::Date(date("2025-03-20"))),
            "household.has_children" => Some(Value::Bool(true)),
            "members" => Some(Value::List(vec![
                Value::Map(BTreeMap::from([("age".to_owned(), Value::Int(41))])),
                Value::Map(BTreeMap::from([("age".to_owned(), Value::Int(9))])),
            ])),
            "previous_address" => Some(Value::Null),
            _ => None,
        }
    }

    fn today(&self) -> Date {
        self.today
    }
}

fn condition(src: &str) -> Result<bool, EvalError> {
    let e = parse(src).unwrap_or_else(|errs| panic!("{src}: {errs:?}"));
    eval_condition(&e, &Answers { today: date("2025-04-01") }, &mut Budget::default())
}

#[test]
fn form_conditions_evaluate() {
    assert_eq!(condition("days_between(move_date, today()) <= 14"), Ok(true));
    assert_eq!(condition("age(person.birth_date) < 18 && household.has_children"), Ok(true));
    assert_eq!(condition("size(members) >= 2 && members[1].age < 12"), Ok(true));
    assert_eq!(condition("add_months(move_date, 1) > today()"), Ok(true));
    assert_eq!(condition("has(previous_address)"), Ok(false));
    assert_eq!(condition("previous_address == null"), Ok(true));
    assert_eq!(condition("!has(previous_address) || previous_address.postcode.startsWith('1')"), Ok(true));
    assert_eq!(
        condition("previous_address.postcode.startsWith('1')"),
        Err(EvalError::Missing { name: "previous_address.postcode".into() })
    );
    assert_eq!(condition("has(person.nationality) && person.nationality != 'JP'"), Ok(false));
    assert_eq!(condition("person.nationality != 'JP'"), Err(EvalError::Missing { name: "person.nationality".into() }));
}

#[test]
fn runs_of_one_prefix_operator_cancel_as_in_cel() {
    let vars = Vars { ints: [i64::MIN, 3], bools: [true, false], strs: [String::new(), "a".into()] };
    for src in ["--i1", "---i1", "----i1", "-(-(-9223372036854775808))", "!!b1", "!!!b1", "- -i2", "-(-i1)"] {
        let e = parse(src).expect("parse");
        assert_eq!(ours(&e, &vars.env()), theirs(&e.to_string(), &vars).expect("cel"), "{src}");
    }
}

#[test]
fn a_shared_budget_bounds_many_conditions() {
    let env = Answers { today: date("2025-04-01") };
    let e = parse("age(person.birth_date) < 18 && household.has_children").expect("parse");
    let mut budget = Budget::new(20);
    let mut results = Vec::new();
    for _ in 0..10 {
        results.push(eval_condition(&e, &env, &mut budget));
    }
    assert_eq!(results[0], Ok(true));
    assert_eq!(results.last(), Some(&Err(EvalError::Budget)));
    assert_eq!(budget.steps, 0);
}

// ---------------------------------------------------------------------------------------------
// Agreement with the `cel` crate.
//
// The generator builds random *well-typed* trees (asserted with `check`) over int, bool and
// string literals, the variables below, and only the operators and functions both sides implement
// with the same meaning: `&& || ! == != < <= > >= + - * / % ? :`, `in` on lists, `size`
// (function and method), `startsWith`, `endsWith`, `contains`, list literals and list `+`. The
// tree is printed with `Display` (canonical CEL source), parsed back by our parser and compiled
// by `cel`; both results must agree.
//
// Restrictions, where our semantics deliberately differ from CEL's or CEL has nothing to compare:
//
// - No doubles. We promote int/double mixes (`1 + 1.5`, `n > 1.5`) where CEL has no overload;
//   we report double division by zero as `DivisionByZero` where CEL gives ±infinity or NaN; and
//   `string(double)` formats differ between implementations.
// - No unanswered variables: every variable is bound. CEL has no notion of an answer not given
//   (an unbound variable is an error there), while `x == null` is true for us.
// - No `has()`: ours tests whether a named answer is given (and non-empty); CEL's tests for a
//   field of a message or map.
// - No `matches`: our engine is regex-lite (no Unicode classes), CEL's the `regex` crate.
// - No dates, year-months, `today()` or date functions: CEL has timestamps, not calendar dates.
// - No `int()`, `double()`, `string()` conversions: error categories and formatting differ.
// - No ordering of booleans (`false < true`): our checker rejects it, so the typed generator
//   never produces it (the evaluator itself agrees with CEL on it).
// - No heterogeneous `==` (`1 == "a"`): rejected by our checker; `x == null` is generated.
// - Errors: when several sub-expressions fail (`1/0 == 1 || x * big > 0` with neither side
//   deciding), CEL leaves unspecified which error is reported; `cel` reports the right operand's
//   error of `&&`/`||` and evaluates method arguments before the receiver, we report the first in
//   source order (as cel-go does). So both must fail, and the category of `cel`'s error must be
//   one that some sub-expression produces with our evaluator.
// ---------------------------------------------------------------------------------------------

const INT_VARS: [&str; 2] = ["i1", "i2"];
const BOOL_VARS: [&str; 2] = ["b1", "b2"];
const STR_VARS: [&str; 2] = ["s1", "s2"];

#[derive(Debug, Clone)]
struct Vars {
    ints: [i64; 2],
    bools: [bool; 2],
    strs: [String; 2],
}

impl Vars {
    fn env(&self) -> MapEnv {
        let mut env = MapEnv::new(date("2025-04-01"));
        for (name, v) in INT_VARS.iter().zip(self.ints) {
            env.values.insert((*name).to_owned(), Value::Int(v));
        }
        for (name, v) in BOOL_VARS.iter().zip(self.bools) {
            env.values.insert((*name).to_owned(), Value::Bool(v));
        }
        for (name, v) in STR_VARS.iter().zip(&self.strs) {
            env.values.insert((*name).to_owned(), Value::String(v.clone()));
        }
        env
    }

    fn scope() -> MapScope {
        let mut scope = MapScope::new();
        for name in INT_VARS {
            scope.insert(name, Type::Int);
        }
        for name in BOOL_VARS {
            scope.insert(name, Type::Bool);
        }
        for name in STR_VARS {
            scope.insert(name, Type::String);
        }
        scope
    }

    fn cel_context(&self) -> cel::Context<'static, 'static> {
        let mut ctx = cel::Context::default();
        for (name, v) in INT_VARS.iter().zip(self.ints) {
            ctx.add_variable(*name, v).expect("int variable");
        }
        for (name, v) in BOOL_VARS.iter().zip(self.bools) {
            ctx.add_variable(*name, v).expect("bool variable");
        }
        for (name, v) in STR_VARS.iter().zip(&self.strs) {
            ctx.add_variable(*name, v.clone()).expect("string variable");
        }
        ctx
    }
}

fn node(kind: ExprKind) -> Expr {
    Expr::new(kind, Span::default())
}

fn bin(op: BinaryOp, left: Expr, right: Expr) -> Expr {
    node(ExprKind::Binary { op, left: Box::new(left), right: Box::new(right) })
}

fn call(function: &str, target: Option<Expr>, args: Vec<Expr>) -> Expr {
    node(ExprKind::Call { function: function.to_owned(), target: target.map(Box::new), args })
}

fn cond(c: Expr, then: Expr, otherwise: Expr) -> Expr {
    node(ExprKind::Conditional { cond: Box::new(c), then: Box::new(then), otherwise: Box::new(otherwise) })
}

fn name(n: &str) -> Expr {
    node(ExprKind::Name(tetsuzuki::expr::Name::new(n)))
}

fn int_literal() -> impl Strategy<Value = i64> {
    prop_oneof![
        6 => -4i64..=4,
        2 => any::<i64>(),
        1 => prop::sample::select(vec![i64::MIN, i64::MAX, i64::MIN + 1, -1, 1 << 32, 3_037_000_500]),
    ]
}

/// Short strings over an alphabet where prefixes, suffixes and containment often hold, with
/// characters outside the BMP (two UTF-16 units, one code point) and a control character.
fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop::sample::select(vec!["a", "b", "ab", "B", "é", "東", "京", "𝄞", "\u{1}", "\"", "\\"]),
        0..4,
    )
    .prop_map(|parts| parts.concat())
}

/// The element type of the lists generated.
#[derive(Debug, Clone, Copy)]
enum Item {
    Int,
    Str,
}

fn int_expr(depth: u32) -> BoxedStrategy<Expr> {
    let leaf = prop_oneof![
        3 => int_literal().prop_map(|n| node(ExprKind::Int(n))),
        2 => prop::sample::select(INT_VARS.to_vec()).prop_map(name),
    ];
    if depth == 0 {
        return leaf.boxed();
    }
    let d = depth - 1;
    let arithmetic =
        prop::sample::select(vec![BinaryOp::Add, BinaryOp::Sub, BinaryOp::Mul, BinaryOp::Div, BinaryOp::Rem]);
    prop_oneof![
        3 => leaf,
        4 => (arithmetic, int_expr(d), int_expr(d)).prop_map(|(op, l, r)| bin(op, l, r)),
        1 => int_expr(d).prop_map(|e| node(ExprKind::Unary { op: UnaryOp::Neg, operand: Box::new(e) })),
        1 => (bool_expr(d), int_expr(d), int_expr(d)).prop_map(|(c, t, o)| cond(c, t, o)),
        1 => (str_expr(d), any::<bool>()).prop_map(|(s, method)| size_of(s, method)),
        1 => (list_expr(Item::Int, d), any::<bool>()).prop_map(|(l, method)| size_of(l, method)),
    ]
    .boxed()
}

fn size_of(e: Expr, method: bool) -> Expr {
    if method { call("size", Some(e), vec![]) } else { call("size", None, vec![e]) }
}

fn str_expr(depth: u32) -> BoxedStrategy<Expr> {
    let leaf = prop_oneof![
        3 => text().prop_map(|s| node(ExprKind::String(s))),
        2 => prop::sample::select(STR_VARS.to_vec()).prop_map(name),
    ];
    if depth == 0 {
        return leaf.boxed();
    }
    let d = depth - 1;
    prop_oneof![
        3 => leaf,
        2 => (str_expr(d), str_expr(d)).prop_map(|(l, r)| bin(BinaryOp::Add, l, r)),
        1 => (bool_expr(d), str_expr(d), str_expr(d)).prop_map(|(c, t, o)| cond(c, t, o)),
    ]
    .boxed()
}

fn list_expr(item: Item, depth: u32) -> BoxedStrategy<Expr> {
    let element = move |d: u32| match item {
        Item::Int => int_expr(d),
        Item::Str => str_expr(d),
    };
    let literal =
        prop::collection::vec(element(depth.saturating_sub(1)), 0..4).prop_map(|items| node(ExprKind::List(items)));
    if depth == 0 {
        return literal.boxed();
    }
    let d = depth - 1;
    prop_oneof![
        3 => literal,
        1 => (list_expr(item, d), list_expr(item, d)).prop_map(|(l, r)| bin(BinaryOp::Add, l, r)),
        1 => (bool_expr(d), list_expr(item, d), list_expr(item, d)).prop_map(|(c, t, o)| cond(c, t, o)),
    ]
    .boxed()
}

fn bool_expr(depth: u32) -> BoxedStrategy<Expr> {
    let leaf = prop_oneof![
        1 => any::<bool>().prop_map(|b| node(ExprKind::Bool(b))),
        2 => prop::sample::select(BOOL_VARS.to_vec()).prop_map(name),
    ];
    if depth == 0 {
        return leaf.boxed();
    }
    let d = depth - 1;
    let ordering = || prop::sample::select(vec![BinaryOp::Lt, BinaryOp::Le, BinaryOp::Gt, BinaryOp::Ge]);
    let equality = || prop::sample::select(vec![BinaryOp::Eq, BinaryOp::Ne]);
    let logic = prop::sample::select(vec![BinaryOp::And, BinaryOp::Or]);
    let string_test = prop::sample::select(vec!["startsWith", "endsWith", "contains"]);
    let null = || node(ExprKind::Null);
    prop_oneof![
        2 => leaf,
        4 => (logic, bool_expr(d), bool_expr(d)).prop_map(|(op, l, r)| bin(op, l, r)),
        1 => bool_expr(d).prop_map(|e| node(ExprKind::Unary { op: UnaryOp::Not, operand: Box::new(e) })),
        2 => (ordering(), int_expr(d), int_expr(d)).prop_map(|(op, l, r)| bin(op, l, r)),
        2 => (ordering(), str_expr(d), str_expr(d)).prop_map(|(op, l, r)| bin(op, l, r)),
        1 => (equality(), int_expr(d), int_expr(d)).prop_map(|(op, l, r)| bin(op, l, r)),
        1 => (equality(), str_expr(d), str_expr(d)).prop_map(|(op, l, r)| bin(op, l, r)),
        1 => (equality(), bool_expr(d), bool_expr(d)).prop_map(|(op, l, r)| bin(op, l, r)),
        1 => (equality(), list_expr(Item::Int, d), list_expr(Item::Int, d)).prop_map(|(op, l, r)| bin(op, l, r)),
        1 => (equality(), int_expr(d), any::<bool>()).prop_map(move |(op, e, left)| {
            if left { bin(op, e, null()) } else { bin(op, null(), e) }
        }),
        1 => (equality(), str_expr(d)).prop_map(move |(op, e)| bin(op, e, null())),
        2 => (int_expr(d), list_expr(Item::Int, d)).prop_map(|(x, l)| bin(BinaryOp::In, x, l)),
        2 => (str_expr(d), list_expr(Item::Str, d)).prop_map(|(x, l)| bin(BinaryOp::In, x, l)),
        3 => (string_test, str_expr(d), str_expr(d)).prop_map(|(f, s, p)| call(f, Some(s), vec![p])),
        1 => (bool_expr(d), bool_expr(d), bool_expr(d)).prop_map(|(c, t, o)| cond(c, t, o)),
    ]
    .boxed()
}

fn any_typed_expr() -> impl Strategy<Value = Expr> {
    prop_oneof![
        4 => bool_expr(4),
        3 => int_expr(4),
        2 => str_expr(3),
        1 => list_expr(Item::Int, 2),
        1 => list_expr(Item::Str, 2),
    ]
}

fn vars() -> impl Strategy<Value = Vars> {
    ([int_literal(), int_literal()], [any::<bool>(), any::<bool>()], [text(), text()])
        .prop_map(|(ints, bools, strs)| Vars { ints, bools, strs })
}

/// A result reduced to what both implementations can express.
#[derive(Debug, Clone, PartialEq)]
enum Outcome {
    Value(Value),
    Error(&'static str),
}

fn ours(e: &Expr, env: &MapEnv) -> Outcome {
    match eval(e, env, &mut Budget::default()) {
        Ok(v) => Outcome::Value(v),
        Err(e) => Outcome::Error(match e {
            EvalError::DivisionByZero => "division-by-zero",
            EvalError::Overflow => "overflow",
            EvalError::Budget => "budget",
            _ => "other",
        }),
    }
}

fn from_cel(v: &cel::Value) -> Option<Value> {
    Some(match v {
        cel::Value::Null => Value::Null,
        cel::Value::Bool(b) => Value::Bool(*b),
        cel::Value::Int(n) => Value::Int(*n),
        cel::Value::String(s) => Value::String(s.as_str().to_owned()),
        cel::Value::List(items) => Value::List(items.iter().map(from_cel).collect::<Option<Vec<_>>>()?),
        _ => return None,
    })
}

fn theirs(src: &str, vars: &Vars) -> Result<Outcome, String> {
    let program = cel::Program::compile(src).map_err(|e| format!("cel cannot compile `{src}`: {e}"))?;
    Ok(match program.execute(&vars.cel_context()) {
        Ok(v) => Outcome::Value(from_cel(&v).ok_or_else(|| format!("unexpected cel value {v:?}"))?),
        Err(cel::ExecutionError::DivisionByZero(_) | cel::ExecutionError::RemainderByZero(_)) => {
            Outcome::Error("division-by-zero")
        }
        Err(cel::ExecutionError::Overflow(..)) => Outcome::Error("overflow"),
        Err(_) => Outcome::Error("other"),
    })
}

/// The error categories any sub-expression of `e` gives with our evaluator.
fn error_categories(e: &Expr, env: &MapEnv) -> Vec<&'static str> {
    let mut out = Vec::new();
    let mut stack = vec![e];
    while let Some(e) = stack.pop() {
        if let Outcome::Error(c) = ours(e, env) {
            out.push(c);
        }
        stack.extend(e.children());
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1024, ..ProptestConfig::default() })]

    #[test]
    fn agrees_with_the_cel_crate(e in any_typed_expr(), vars in vars()) {
        let src = e.to_string();
        let parsed = parse(&src).map_err(|errs| TestCaseError::fail(format!("{src}: {errs:?}")))?;
        let typed = check(&parsed, &Vars::scope(), None);
        prop_assert!(typed.is_ok(), "generated ill-typed `{}`: {:?}", src, typed);
        let env = vars.env();
        let ours = ours(&parsed, &env);
        let theirs = theirs(&src, &vars).map_err(TestCaseError::fail)?;
        match (&ours, &theirs) {
            (Outcome::Value(a), Outcome::Value(b)) => prop_assert_eq!(a, b, "`{}` with {:?}", src, vars),
            (Outcome::Error(a), Outcome::Error(b)) if a == b => {}
            (Outcome::Error(_), Outcome::Error(b)) => {
                let possible = error_categories(&parsed, &env);
                prop_assert!(
                    possible.contains(b),
                    "`{}` with {:?}: ours {:?}, cel {:?}, ours could give {:?}", src, vars, ours, theirs, possible
                );
            }
            _ => prop_assert!(false, "`{}` with {:?}: ours {:?}, cel {:?}", src, vars, ours, theirs),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Robustness: whatever parses evaluates to a value or an error, never a panic, within the budget.
// ---------------------------------------------------------------------------------------------

fn any_date() -> impl Strategy<Value = Date> {
    (-719_162i64..2_932_896).prop_filter_map("in range", Date::from_days)
}

fn any_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        int_literal().prop_map(Value::Int),
        prop_oneof![any::<f64>(), Just(f64::NAN), Just(f64::INFINITY), -3.0f64..3.0].prop_map(Value::Double),
        prop_oneof![text(), "\\PC{0,8}", Just(String::new())].prop_map(Value::String),
        any_date().prop_map(Value::Date),
        (1i32..=9999, 1u8..=12).prop_map(|(year, month)| Value::YearMonth { year, month }),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::List),
            prop::collection::btree_map(prop::sample::select(vec!["a", "b", "age", "postcode"]), inner, 0..4)
                .prop_map(|m| Value::Map(m.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())),
        ]
    })
}

const NAMES: [&str; 8] = ["a", "b", "c", "n", "s", "person.birth_date", "address", "members"];

fn any_env() -> impl Strategy<Value = MapEnv> {
    (any_date(), prop::collection::vec((prop::sample::select(NAMES.to_vec()), any_value()), 0..8)).prop_map(
        |(today, answers)| {
            let mut env = MapEnv::new(today);
            for (name, value) in answers {
                env.values.insert(name.to_owned(), value);
            }
            env
        },
    )
}

/// Source text made of the language's pieces, so that much of it parses.
fn source_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => prop::sample::select(NAMES.to_vec()).prop_map(str::to_owned),
        1 => prop::sample::select(vec!["person", ".birth_date", ".postcode", ".age", "[0]", "[1]", "['a']", "missing"])
            .prop_map(str::to_owned),
        4 => prop::sample::select(vec![
            " && ", " || ", " == ", " != ", " < ", " <= ", " > ", " >= ", " in ", " + ", " - ", " * ", " / ", " % ",
            " ? ", " : ", "!", "-", "(", ")", "[", "]", ", ",
        ])
        .prop_map(str::to_owned),
        2 => prop::sample::select(vec![
            "size(", ".size()", "has(", ".startsWith(", ".endsWith(", ".contains(", ".matches(", "today()", "date(",
            "age(", "days_between(", "add_days(", "add_months(", "int(", "double(", "string(",
        ])
        .prop_map(str::to_owned),
        2 => prop::sample::select(vec![
            "null", "true", "false", "0", "1", "-1", "2.5", "0.0", "9223372036854775807", "-9223372036854775808",
            "'2024-02-29'", "'abc'", "''", "'[a-'", "'^[0-9]+$'", "'東京'", "1e308",
        ])
        .prop_map(str::to_owned),
        1 => "[a-z0-9 ().,'\\[\\]+*/%<>=!&|?:-]{1,3}",
    ];
    prop::collection::vec(piece, 1..24).prop_map(|pieces| pieces.concat())
}

/// Random trees of every form, typed or not, over names partly in the environment, every
/// built-in (with any arity and call form) and an unknown function.
fn any_tree() -> impl Strategy<Value = Expr> {
    let names = || {
        prop::sample::select(vec![
            "a",
            "b",
            "c",
            "n",
            "s",
            "person.birth_date",
            "address",
            "members",
            "missing",
            "person",
            "address.postcode",
            "members.age",
        ])
    };
    let leaf = prop_oneof![
        1 => Just(node(ExprKind::Null)),
        1 => any::<bool>().prop_map(|b| node(ExprKind::Bool(b))),
        1 => int_literal().prop_map(|n| node(ExprKind::Int(n))),
        1 => prop_oneof![-3.0f64..3.0, Just(0.0), Just(1e308), Just(-0.5)].prop_map(|x| node(ExprKind::Double(x))),
        1 => prop_oneof![
            text(),
            prop::sample::select(vec!["2024-02-29", "2023-02-29", "[a-", "^[0-9]+$", "a{99}{99}{99}", "42", "-7", ""])
                .prop_map(str::to_owned),
        ]
        .prop_map(|t| node(ExprKind::String(t))),
        3 => names().prop_map(|n| node(ExprKind::Name(tetsuzuki::expr::Name::new(n)))),
        1 => names().prop_map(|n| node(ExprKind::Has(tetsuzuki::expr::Name::new(n)))),
    ];
    let functions: Vec<&str> = tetsuzuki::expr::functions::FUNCTIONS.iter().map(|f| f.name).chain(["nope"]).collect();
    leaf.prop_recursive(6, 48, 4, move |inner| {
        let boxed = |e: Expr| Box::new(e);
        prop_oneof![
            1 => prop::collection::vec(inner.clone(), 0..4).prop_map(|items| node(ExprKind::List(items))),
            1 => (inner.clone(), prop::sample::select(vec!["a", "age", "postcode", "birth_date"])).prop_map(
                move |(operand, field)| node(ExprKind::Select { operand: boxed(operand), field: field.to_owned() })
            ),
            1 => (inner.clone(), inner.clone())
                .prop_map(move |(operand, index)| node(ExprKind::Index { operand: boxed(operand), index: boxed(index) })),
            1 => (
                prop::sample::select(functions.clone()),
                prop::option::of(inner.clone()),
                prop::collection::vec(inner.clone(), 0..3)
            )
                .prop_map(|(f, target, args)| call(f, target, args)),
            1 => (prop::sample::select(vec![UnaryOp::Not, UnaryOp::Neg]), inner.clone())
                .prop_map(move |(op, operand)| node(ExprKind::Unary { op, operand: boxed(operand) })),
            3 => (prop::sample::select(BinaryOp::ALL.to_vec()), inner.clone(), inner.clone())
                .prop_map(|(op, l, r)| bin(op, l, r)),
            1 => (inner.clone(), inner.clone(), inner).prop_map(|(c, t, o)| cond(c, t, o)),
        ]
    })
}

/// A result as text, so that results holding NaN compare equal to themselves.
fn same(result: &Result<Value, EvalError>) -> String {
    format!("{result:?}")
}

/// Evaluation of `e` ends with a value or an error, spends no more than its budget, does not
/// depend on the budget unless it runs out, and agrees with `eval_condition` and with the
/// resolved tree.
fn evaluates_sanely(e: &Expr, env: &MapEnv, steps: u32) -> Result<(), TestCaseError> {
    let mut small = Budget::new(steps);
    let bounded = eval(e, env, &mut small);
    prop_assert!(small.steps <= steps);
    if bounded == Err(EvalError::Budget) {
        prop_assert_eq!(small.steps, 0);
    } else {
        // Determinism: a bigger budget gives the same answer.
        prop_assert_eq!(same(&eval(e, env, &mut Budget::default())), same(&bounded), "`{}`", e);
        // Resolution changes nothing.
        let resolved = resolve(e, &scope_of(env));
        prop_assert_eq!(same(&eval(&resolved, env, &mut Budget::default())), same(&bounded), "`{}` resolved", e);
    }
    let condition = eval_condition(e, env, &mut Budget::default());
    match (&condition, eval(e, env, &mut Budget::default())) {
        (Ok(b), Ok(v)) => prop_assert_eq!(Value::Bool(*b), v),
        (Err(_), Ok(v)) => prop_assert!(!matches!(v, Value::Bool(_))),
        (Err(a), Err(b)) => prop_assert_eq!(a, &b),
        (Ok(_), Err(e)) => prop_assert!(false, "condition ok but value {:?}", e),
    }
    for error in [bounded.err(), condition.err()].into_iter().flatten() {
        prop_assert!(error.code().starts_with("eval-") && !error.to_string().is_empty());
    }
    Ok(())
}

fn scope_of(env: &MapEnv) -> MapScope {
    env.values.keys().map(|k| (k.clone(), Type::Dyn)).collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2048, ..ProptestConfig::default() })]

    #[test]
    fn language_like_text_evaluates_sanely(src in source_text(), env in any_env(), steps in 0u32..400) {
        if let Ok(e) = parse(&src) {
            evaluates_sanely(&e, &env, steps)?;
        }
    }

    #[test]
    fn random_trees_evaluate_sanely(tree in any_tree(), env in any_env(), steps in 0u32..400) {
        // Hand-built trees (as deserialised ones may be) and their canonical text.
        evaluates_sanely(&tree, &env, steps)?;
        // Most print as source that parses (not e.g. a call of `has` with two arguments).
        if let Ok(parsed) = parse(&tree.to_string()) {
            evaluates_sanely(&parsed, &env, steps)?;
        }
    }

    #[test]
    fn arbitrary_strings_never_panic(src in any::<String>(), env in any_env()) {
        if let Ok(e) = parse(&src) {
            let _ = eval(&e, &env, &mut Budget::default());
        }
    }
}
