//! End-to-end tests of the expression language: parse, resolve and check together, the limits,
//! and properties (no input panics; printing and parsing round-trip).

use proptest::prelude::*;

use super::lexer::RESERVED_WORDS;
use super::*;

fn scope() -> MapScope {
    MapScope::new()
        .with("move_date", Type::Date)
        .with("person.birth_date", Type::Date)
        .with("person.family_name", Type::String)
        .with("person", Type::Map)
        .with("move.date", Type::Date)
        .with("household.has_children", Type::Bool)
        .with("household.size", Type::Int)
        .with("income", Type::Double)
        .with("phone", Type::String)
        .with("period", Type::YearMonth)
        .with("members", Type::list(Type::Map))
        .with("tags", Type::list(Type::String))
        .with("address", Type::Map)
        .with("consent", Type::Bool)
}

fn p(src: &str) -> Expr {
    parse(src).unwrap_or_else(|e| panic!("{src}: {e:?}"))
}

fn ty(src: &str) -> Type {
    check(&p(src), &scope(), None).unwrap_or_else(|e| panic!("{src}: {e:#?}"))
}

fn errors(src: &str) -> Vec<ExprError> {
    match check(&p(src), &scope(), Some(&Type::Bool)) {
        Ok(t) => panic!("{src} checked as {t}"),
        Err(e) => e,
    }
}

fn error(src: &str) -> ExprError {
    let mut all = errors(src);
    assert_eq!(all.len(), 1, "{src}: {all:#?}");
    all.remove(0)
}

/// The tree with every span zeroed, to compare shapes.
fn without_spans(e: &Expr) -> Expr {
    let b = |e: &Expr| Box::new(without_spans(e));
    let kind = match &e.kind {
        ExprKind::List(items) => ExprKind::List(items.iter().map(without_spans).collect()),
        ExprKind::Select { operand, field } => ExprKind::Select { operand: b(operand), field: field.clone() },
        ExprKind::Index { operand, index } => ExprKind::Index { operand: b(operand), index: b(index) },
        ExprKind::Call { function, target, args } => ExprKind::Call {
            function: function.clone(),
            target: target.as_deref().map(b),
            args: args.iter().map(without_spans).collect(),
        },
        ExprKind::Unary { op, operand } => ExprKind::Unary { op: *op, operand: b(operand) },
        ExprKind::Binary { op, left, right } => ExprKind::Binary { op: *op, left: b(left), right: b(right) },
        ExprKind::Conditional { cond, then, otherwise } => {
            ExprKind::Conditional { cond: b(cond), then: b(then), otherwise: b(otherwise) }
        }
        other => other.clone(),
    };
    Expr::new(kind, Span::default())
}

// ---------------------------------------------------------------------------------------------
// Types of well-formed expressions

#[test]
fn literal_and_operator_types() {
    assert_eq!(ty("null"), Type::Null);
    assert_eq!(ty("1 + 2 * 3 - 4 / 2 % 3"), Type::Int);
    assert_eq!(ty("1 + 2.5"), Type::Double);
    assert_eq!(ty("-income"), Type::Double);
    assert_eq!(ty("'a' + \"b\""), Type::String);
    assert_eq!(ty("[1, 2] + [3]"), Type::list(Type::Int));
    assert_eq!(ty("[1, 2.5]"), Type::list(Type::Double));
    assert_eq!(ty("[]"), Type::list(Type::Dyn));
    assert_eq!(ty("[null, 'a']"), Type::list(Type::String));
    assert_eq!(ty("consent ? 1 : 2"), Type::Int);
    assert_eq!(ty("consent ? null : 'x'"), Type::String);
    for op in ["==", "!=", "<", "<=", ">", ">="] {
        assert_eq!(ty(&format!("1 {op} 2.5")), Type::Bool, "{op}");
        assert_eq!(ty(&format!("move_date {op} today()")), Type::Bool, "{op}");
        assert_eq!(ty(&format!("phone {op} '0'")), Type::Bool, "{op}");
        assert_eq!(ty(&format!("period {op} period")), Type::Bool, "{op}");
    }
    assert_eq!(ty("!consent || consent && !consent"), Type::Bool);
    assert_eq!(ty("'x' in tags"), Type::Bool);
    assert_eq!(ty("'city' in address"), Type::Bool);
    assert_eq!(ty("move_date == null"), Type::Bool);
    assert_eq!(ty("null != phone"), Type::Bool);
}

#[test]
fn functions_and_methods() {
    assert_eq!(ty("size(phone)"), Type::Int);
    assert_eq!(ty("size(tags)"), Type::Int);
    assert_eq!(ty("phone.size()"), Type::Int);
    assert_eq!(ty("members.size()"), Type::Int);
    assert_eq!(ty("phone.startsWith('0')"), Type::Bool);
    assert_eq!(ty("phone.endsWith('0')"), Type::Bool);
    assert_eq!(ty("phone.contains('-')"), Type::Bool);
    assert_eq!(ty(r"phone.matches(r'^\d+$')"), Type::Bool);
    assert_eq!(ty("today()"), Type::Date);
    assert_eq!(ty("date('2024-04-01')"), Type::Date);
    assert_eq!(ty("age(person.birth_date)"), Type::Int);
    assert_eq!(ty("age(person.birth_date, move_date)"), Type::Int);
    assert_eq!(ty("days_between(move_date, today())"), Type::Int);
    assert_eq!(ty("add_days(move_date, 14)"), Type::Date);
    assert_eq!(ty("add_months(move_date, -1)"), Type::Date);
    assert_eq!(ty("int(income)"), Type::Int);
    assert_eq!(ty("int(phone)"), Type::Int);
    assert_eq!(ty("double(household.size)"), Type::Double);
    assert_eq!(ty("string(move_date)"), Type::String);
    assert_eq!(ty("has(move_date)"), Type::Bool);
    assert_eq!(ty("has(person.birth_date)"), Type::Bool);
    assert_eq!(ty("has(address.city)"), Type::Bool);
}

#[test]
fn realistic_conditions() {
    let conditions = [
        "household.has_children && age(person.birth_date) < 18",
        "days_between(move.date, today()) <= 14",
        "move_date <= add_days(today(), 14) && move_date >= add_months(today(), -1)",
        "!has(phone) || phone.startsWith('0') && size(phone) in [10, 11]",
        "size(members) > 0 && members[0].relationship == 'child'",
        "household.size >= 2 ? income < 3000000.0 : income < 2000000",
        "person.family_name != '' && !(person.family_name in ['x', 'y'])",
    ];
    for src in conditions {
        assert_eq!(check(&p(src), &scope(), Some(&Type::Bool)), Ok(Type::Bool), "{src}");
    }
}

// ---------------------------------------------------------------------------------------------
// Names and scopes

#[test]
fn dotted_names_resolve_to_the_longest_match() {
    let scope = MapScope::new().with("a", Type::Map).with("a.b", Type::Map).with("a.b.c", Type::Int);
    let e = p("a.b.c + a.b.d + a.x");
    assert_eq!(check(&e, &scope, None), Ok(Type::Dyn));
    let resolved = resolve(&e, &scope);
    let names: Vec<&str> = resolved.names().into_iter().map(Name::as_str).collect();
    assert_eq!(names, ["a.b.c", "a.b", "a"]);
    // `a.b.d` became a select of `d` on the name `a.b`, with the original spans.
    let ExprKind::Binary { left, .. } = &resolved.kind else { panic!() };
    let ExprKind::Binary { right, .. } = &left.kind else { panic!() };
    let ExprKind::Select { operand, field } = &right.kind else { panic!("{right:?}") };
    assert_eq!(field, "d");
    assert_eq!(operand.kind, ExprKind::Name(Name::new("a.b")));
    assert_eq!(operand.span, Span::new(8, 11));
    assert_eq!(right.span, Span::new(8, 13));
    // A resolved tree prints the same source and checks the same.
    assert_eq!(resolved.to_string(), e.to_string());
    assert_eq!(check(&resolved, &scope, None), Ok(Type::Dyn));
}

#[test]
fn concept_ids_resolve_inside_larger_expressions() {
    let e = p("age(person.birth_date) >= 18 && has(move.date) && members[0].name == 'x'");
    let resolved = resolve(&e, &scope());
    let names: Vec<&str> = resolved.names().into_iter().map(Name::as_str).collect();
    assert_eq!(names, ["person.birth_date", "move.date", "members"]);
    // Before resolution, chains are selects on their root.
    let raw: Vec<&str> = e.names().into_iter().map(Name::as_str).collect();
    assert_eq!(raw, ["person", "move.date", "members"]);
}

#[test]
fn indexing_gives_the_item_type() {
    assert_eq!(ty("tags[0]"), Type::String);
    assert_eq!(ty("members[0].name"), Type::Dyn);
    assert_eq!(ty("address['city']"), Type::Dyn);
}

// The words of errors are the catalogue's: core/tests/expr_messages.rs says them in English.

#[test]
fn each_mistake_gets_its_phrase() {
    for (src, id, fix) in [
        ("household.has_chidren", "expr-unknown-name-suggest", Some("expr-fix-write")),
        ("zzz > 1", "expr-unknown-name", Some("expr-unknown-name-fix-more")),
        ("move_date <= today", "expr-unknown-name-function", Some("expr-fix-write")),
        ("move_date.year == 2024", "expr-type-select", None),
        ("phone.size == 3", "expr-type-select", Some("expr-type-select-fix-method")),
        ("has(move_date.year)", "expr-type-has", Some("expr-fix-write")),
        ("move_date <= 14", "expr-type-mismatch-date", Some("expr-type-mismatch-fix-date-number")),
        ("move_date >= '2024/4/1'", "expr-type-mismatch-date", Some("expr-type-mismatch-fix-date-literal")),
        ("period == 3", "expr-type-mismatch-year-month", Some("expr-type-mismatch-fix")),
        ("phone == 3", "expr-type-mismatch", Some("expr-type-mismatch-fix-convert")),
        ("consent < true", "expr-type-order", None),
        ("null < 1", "expr-type-order-null", None),
        ("move_date + 1 == move_date", "expr-type-arithmetic-add", Some("expr-type-arithmetic-fix-add-date")),
        ("move_date - 3 == move_date", "expr-type-arithmetic", Some("expr-type-arithmetic-fix-subtract-days")),
        ("income % 2 == 0", "expr-type-remainder", Some("expr-type-remainder-fix")),
        ("-phone == ''", "expr-type-negate", None),
        ("household.size && consent", "expr-type-logic", Some("expr-type-condition-fix-number")),
        ("!phone", "expr-type-not", Some("expr-type-condition-fix-string")),
        ("household.size ? true : false", "expr-type-choice-condition", Some("expr-type-condition-fix-number")),
        ("consent ? 1 : 'a'", "expr-type-choice-results", None),
        ("household.size + 1", "expr-type-condition", Some("expr-type-condition-fix-number")),
        ("phone in 'abc'", "expr-type-in", Some("expr-type-in-fix-contains")),
        ("1 in tags", "expr-type-in-item", None),
        ("1 in address", "expr-type-in-map", None),
        ("size([1, 'a']) > 0", "expr-type-list-mix", None),
        ("tags['a'] == 'x'", "expr-type-index-list", None),
        ("address[1] == 'x'", "expr-type-index-map", None),
        ("phone[0] == 'x'", "expr-type-index", None),
        ("todya() > move_date", "expr-unknown-function-suggest", Some("expr-fix-write")),
        ("phone.startWith('0')", "expr-unknown-function-method-suggest", Some("expr-fix-write")),
        ("frobnicate(phone)", "expr-unknown-function", Some("expr-unknown-function-fix")),
        ("startsWith(phone, '0')", "expr-unknown-function-not-function", Some("expr-fix-write")),
        ("person.birth_date.age() > 18", "expr-unknown-function-not-method", Some("expr-fix-write")),
        ("address.has(city)", "expr-syntax-has-method", Some("expr-fix-write")),
        ("today(1) == move_date", "expr-arity", Some("expr-arity-fix")),
        ("phone.startsWith()", "expr-arity-method", Some("expr-arity-fix")),
        ("add_days(move_date, '1') == move_date", "expr-type-arguments", None),
        ("move_date > date('2023-02-29')", "expr-bad-date-literal-day", None),
        ("move_date > date('2024/4/1')", "expr-bad-date-literal-shape", Some("expr-fix-write")),
        ("move_date > date(phone)", "expr-bad-date-literal-not-literal", Some("expr-bad-date-literal-not-literal-fix")),
    ] {
        let e = error(src);
        assert_eq!((e.message.id, e.fix.map(|f| f.id)), (id, fix), "{src}");
    }
    let e = error("age(person.birth_date, move_date, move_date) > 1");
    assert_eq!(e.message.to_string(), "expr-arity name=age takes=(noun-expr-arguments-either counts=1 last=2) given=3");
    assert_eq!(
        e.fix.map(|f| f.to_string()).as_deref(),
        Some("expr-arity-fix signatures=(noun-or first=`age(date) -> int` rest=`age(date, date) -> int`)")
    );
}

#[test]
fn every_error_is_reported() {
    let all = errors("has_chidren && move_date < 3 && todya() && size(1) > 0");
    let found: Vec<&str> = all.iter().map(|e| e.code).collect();
    assert_eq!(found, [codes::UNKNOWN_NAME, codes::TYPE, codes::UNKNOWN_FUNCTION, codes::TYPE]);
    // Ordered by position.
    assert!(all.windows(2).all(|w| w[0].span.start <= w[1].span.start));
}

#[test]
fn one_mistake_is_reported_once() {
    // The unknown name makes its operands `dyn`; the comparison and `&&` stay quiet.
    let all = errors("unknown_thing + 1 > 2 && !unknown_thing");
    assert_eq!(all.len(), 2);
    assert!(all.iter().all(|e| e.code == codes::UNKNOWN_NAME));
}

// ---------------------------------------------------------------------------------------------
// Limits

#[test]
fn limits_are_errors_not_panics() {
    let big = format!("'{}'", "a".repeat(MAX_SOURCE_BYTES - 1));
    assert_eq!(big.len(), MAX_SOURCE_BYTES + 1);
    assert_eq!(parse(&big).expect_err("too long")[0].code, codes::TOO_LARGE);
    let fits = format!("'{}'", "a".repeat(MAX_SOURCE_BYTES - 2));
    assert!(parse(&fits).is_ok());

    let deep = format!("{}consent{}", "(".repeat(MAX_DEPTH + 1), ")".repeat(MAX_DEPTH + 1));
    assert_eq!(parse(&deep).expect_err("too deep")[0].code, codes::TOO_DEEP);
    let deep = format!("{}1{}", "f(".repeat(MAX_DEPTH + 1), ")".repeat(MAX_DEPTH + 1));
    assert_eq!(parse(&deep).expect_err("too deep")[0].code, codes::TOO_DEEP);
    let deep = format!("{}1", "-".repeat(MAX_DEPTH + 1));
    assert_eq!(parse(&deep).expect_err("too deep")[0].code, codes::TOO_DEEP);
    let deep = format!("{}consent", "consent ? 1 : ".repeat(MAX_DEPTH + 1));
    assert_eq!(parse(&deep).expect_err("too deep")[0].code, codes::TOO_DEEP);

    let many = format!("[{}]", vec!["1"; MAX_NODES + 1].join(","));
    assert!(many.len() <= MAX_SOURCE_BYTES);
    assert_eq!(parse(&many).expect_err("too many nodes")[0].code, codes::TOO_LARGE);
    let just_enough = format!("[{}]", vec!["1"; MAX_NODES - 1].join(","));
    assert!(parse(&just_enough).is_ok());
}

#[test]
fn check_rejects_oversized_trees_built_by_hand() {
    let mut e = Expr::new(ExprKind::Bool(true), Span::default());
    for _ in 0..10_000 {
        e = Expr::new(ExprKind::Unary { op: UnaryOp::Not, operand: Box::new(e) }, Span::default());
    }
    let errs = check(&e, &scope(), None).expect_err("too deep");
    assert_eq!(errs[0].code, codes::TOO_LARGE);
    assert_eq!(e.names().len(), 0);
    // Dropping it iteratively is the caller's business; keep the test from overflowing.
    let mut node = e;
    while let ExprKind::Unary { operand, .. } = node.kind {
        node = *operand;
    }

    let wide = Expr::new(ExprKind::List(vec![Expr::new(ExprKind::Int(1), Span::default()); 10]), Span::default());
    let mut deep = wide;
    for _ in 0..MAX_DEPTH {
        deep = Expr::new(ExprKind::List(vec![deep]), Span::default());
    }
    assert_eq!(check(&deep, &scope(), None).expect_err("too deep")[0].code, codes::TOO_DEEP);
}

// ---------------------------------------------------------------------------------------------
// Properties

fn identifier() -> impl Strategy<Value = String> {
    "[a-z_][a-z0-9_]{0,6}".prop_filter("not a keyword or reserved word", |s| {
        !matches!(s.as_str(), "null" | "true" | "false" | "in" | "has" | "and" | "or" | "not")
            && !RESERVED_WORDS.contains(&s.as_str())
    })
}

fn leaf() -> impl Strategy<Value = ExprKind> {
    prop_oneof![
        Just(ExprKind::Null),
        any::<bool>().prop_map(ExprKind::Bool),
        any::<i64>().prop_map(ExprKind::Int),
        any::<f64>().prop_filter("finite", |x| x.is_finite()).prop_map(ExprKind::Double),
        any::<String>().prop_map(ExprKind::String),
        identifier().prop_map(|n| ExprKind::Name(Name(n))),
        prop::collection::vec(identifier(), 1..4).prop_map(|path| ExprKind::Has(Name(path.join(".")))),
    ]
}

fn unary_op() -> impl Strategy<Value = UnaryOp> {
    prop_oneof![Just(UnaryOp::Not), Just(UnaryOp::Neg)]
}

fn binary_op() -> impl Strategy<Value = BinaryOp> {
    prop::sample::select(BinaryOp::ALL.to_vec())
}

fn expr_tree() -> impl Strategy<Value = Expr> {
    let leaf = leaf().prop_map(|k| Expr::new(k, Span::default()));
    leaf.prop_recursive(6, 64, 4, |inner| {
        let b = |e: Expr| Box::new(e);
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(ExprKind::List),
            (inner.clone(), identifier()).prop_map(move |(o, field)| ExprKind::Select { operand: b(o), field }),
            (inner.clone(), inner.clone()).prop_map(move |(o, i)| ExprKind::Index { operand: b(o), index: b(i) }),
            (identifier().prop_filter("not the has macro", |n| n != "has"), prop::collection::vec(inner.clone(), 0..3))
                .prop_map(|(function, args)| ExprKind::Call { function, target: None, args }),
            (inner.clone(), identifier(), prop::collection::vec(inner.clone(), 0..3))
                .prop_map(move |(t, function, args)| ExprKind::Call { function, target: Some(b(t)), args }),
            (unary_op(), inner.clone()).prop_map(move |(op, o)| ExprKind::Unary { op, operand: b(o) }),
            (binary_op(), inner.clone(), inner.clone()).prop_map(move |(op, l, r)| ExprKind::Binary {
                op,
                left: b(l),
                right: b(r)
            }),
            (inner.clone(), inner.clone(), inner).prop_map(move |(c, t, o)| ExprKind::Conditional {
                cond: b(c),
                then: b(t),
                otherwise: b(o)
            }),
        ]
        .prop_map(|k| Expr::new(k, Span::default()))
    })
}

/// Strings biased toward the language's own characters, with unicode and control characters.
fn source_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("a".to_owned()),
        Just("move_date".to_owned()),
        Just("person.birth_date".to_owned()),
        Just("has(".to_owned()),
        Just("today()".to_owned()),
        Just("date('2024-02-30')".to_owned()),
        Just("size(".to_owned()),
        Just(".startsWith(".to_owned()),
        "[ ()\\[\\],.?:!=<>&|+*/%-]{1,2}".prop_map(|s| s),
        "[0-9]{1,20}(\\.[0-9]{1,3})?(e[+-]?[0-9]{1,4})?",
        "'[^']{0,5}'?",
        "\"[^\"]{0,5}\"?",
        any::<char>().prop_map(String::from),
        "[\\x00-\\x1f\\u{3000}\\u{ff01}-\\u{ff5e}\u{201c}\u{201d}]",
        Just("\\u".to_owned()),
    ];
    prop::collection::vec(piece, 0..40).prop_map(|pieces| pieces.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_strings_never_panic(src in any::<String>()) {
        if let Ok(e) = parse(&src) {
            let _ = check(&e, &scope(), Some(&Type::Bool));
            let _ = resolve(&e, &scope()).to_string();
        }
    }

    #[test]
    fn language_like_strings_never_panic(src in source_text()) {
        match parse(&src) {
            Ok(e) => {
                let _ = check(&e, &scope(), Some(&Type::Bool));
                let _ = check(&e, &MapScope::new(), None);
                // What parses prints as source that parses to the same tree.
                let printed = e.to_string();
                let again = parse(&printed).map_err(|errs| TestCaseError::fail(format!("{printed}: {errs:?}")))?;
                prop_assert_eq!(without_spans(&again), without_spans(&e));
            }
            Err(errs) => {
                prop_assert_eq!(errs.len(), 1);
                for e in &errs {
                    let _ = e.render(&src, |p| p.to_string());
                    let _ = e.span.char_range(&src);
                }
            }
        }
    }

    #[test]
    fn printing_round_trips(e in expr_tree()) {
        let printed = e.to_string();
        let parsed = parse(&printed).map_err(|errs| TestCaseError::fail(format!("{printed}: {errs:?}")))?;
        prop_assert_eq!(without_spans(&parsed), e, "{}", printed);
    }

    #[test]
    fn generated_trees_check_without_panicking(e in expr_tree()) {
        let _ = check(&e, &scope(), Some(&Type::Bool));
        let _ = check(&e, &MapScope::new(), None);
    }

    #[test]
    fn spans_lie_within_the_source(src in source_text()) {
        let mut stack = match parse(&src) { Ok(e) => vec![e], Err(_) => vec![] };
        while let Some(e) = stack.pop() {
            prop_assert!(e.span.start <= e.span.end && e.span.end as usize <= src.len());
            prop_assert!(src.is_char_boundary(e.span.start as usize) && src.is_char_boundary(e.span.end as usize));
            stack.extend(e.children().into_iter().cloned());
        }
    }
}
