//! The expression language's errors in the authors' words: each error is a phrase of the
//! catalogue (`core/messages/<lang>/check.ftl`), said here in English as `tetsuzuki check`
//! says it, through the public API. The expression language's own tests
//! (`core/src/expr/tests.rs`) check which phrase each mistake gets; these check the sentences.

use tetsuzuki::diagnostic::Message;
use tetsuzuki::expr::error::Phrase;
use tetsuzuki::expr::{Expr, ExprError, MapScope, Span, Type, check, codes, parse};

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

/// A phrase in English.
fn english(phrase: &Phrase) -> String {
    Message::from(phrase.clone()).to_string()
}

/// An error as an author reads it in English.
#[derive(Debug)]
struct Said {
    code: &'static str,
    span: Span,
    message: String,
    fix: Option<String>,
}

fn said(errors: Vec<ExprError>) -> Vec<Said> {
    errors
        .into_iter()
        .map(|e| Said { code: e.code, span: e.span, message: english(&e.message), fix: e.fix.as_ref().map(english) })
        .collect()
}

/// The one error of a condition, in English.
fn error(src: &str) -> Said {
    let mut all = match parse(src) {
        Err(errors) => said(errors),
        Ok(e) => said(check(&e, &scope(), Some(&Type::Bool)).expect_err(src)),
    };
    assert_eq!(all.len(), 1, "{src}: {all:#?}");
    all.remove(0)
}

/// The first error of a source the parser refuses, in English.
fn syntax(src: &str) -> Said {
    said(parse(src).expect_err(src)).remove(0)
}

// ---------------------------------------------------------------------------------------------
// Names

#[test]
fn unknown_names_suggest_close_ones() {
    let e = error("household.has_chidren");
    assert_eq!(e.code, codes::UNKNOWN_NAME);
    assert_eq!(
        e.message,
        "`household.has_chidren` is not a field or concept in scope; did you mean `household.has_children`?"
    );
    assert_eq!(e.fix.as_deref(), Some("write `household.has_children`"));
    assert_eq!(e.span, Span::new(0, 21));

    let scope = MapScope::new().with("has_children", Type::Bool);
    let errs = said(check(&p("has_chidren"), &scope, Some(&Type::Bool)).expect_err("unknown"));
    assert_eq!(errs[0].message, "`has_chidren` is not a field or concept in scope; did you mean `has_children`?");

    let e = error("zzz > 1");
    assert_eq!(e.message, "`zzz` is not a field or concept in scope");
    let fix = e.fix.expect("fix lists names");
    assert!(fix.starts_with("names in scope: `address`, `consent`"), "{fix}");
    assert!(fix.ends_with("(and 6 more)"), "{fix}");

    let e = error("has(moov_date)");
    assert!(e.message.contains("did you mean `move_date`?"), "{}", e.message);

    let errs = said(check(&p("x"), &MapScope::new(), None).expect_err("empty scope"));
    assert_eq!(errs[0].fix.as_deref(), Some("no fields or concepts are in scope here"));
}

#[test]
fn today_is_a_function_not_a_name() {
    let e = error("move_date <= today");
    assert_eq!(e.code, codes::UNKNOWN_NAME);
    assert_eq!(e.message, "`today` is a function, not a field or concept; call it as `today()`");
    assert_eq!(e.fix.as_deref(), Some("write `today()`"));
}

#[test]
fn fields_of_non_maps_are_errors() {
    let e = error("move_date.year == 2024");
    assert_eq!(e.code, codes::TYPE);
    assert_eq!(e.message, "`move_date` is a date; it has no field `year`");
    let e = error("phone.size == 3");
    assert_eq!(e.fix.as_deref(), Some("to call the method `size`, write `phone.size()`"));
    let e = error("has(move_date.year)");
    assert_eq!(e.message, "`move_date` is a date; it has no field `year` to test with `has()`");
}

// ---------------------------------------------------------------------------------------------
// Type errors

#[test]
fn date_compared_with_a_number() {
    let e = error("move_date <= 14");
    assert_eq!(e.code, codes::TYPE);
    assert_eq!(e.message, "`move_date` is a date and `14` is a number: a date can only be compared with another date");
    assert_eq!(
        e.fix.as_deref(),
        Some("compare it with another date, e.g. `move_date <= today()`, or use `days_between(a, b)` to count days")
    );
    assert_eq!(e.span, Span::new(0, 15));
    // Either side.
    assert!(error("14 > move_date").message.starts_with("`14` is a number and `move_date` is a date"));
}

#[test]
fn date_compared_with_a_string_suggests_date_literal() {
    let e = error("move_date >= '2024-04-01'");
    assert_eq!(e.fix.as_deref(), Some("write the date as `date(\"2024-04-01\")`"));
    let e = error("move_date >= '2024/4/1'");
    assert_eq!(e.fix.as_deref(), Some("write the date as `date(\"2024-04-01\")`"));
    let e = error("period == 3");
    assert!(e.message.contains("a year and month can only be compared with another year and month"));
}

#[test]
fn mismatched_operands() {
    let e = error("phone == 3");
    assert_eq!(e.message, "`phone` is a string and `3` is a number: `==` needs two values of the same kind");
    assert!(e.fix.is_some_and(|f| f.contains("int(s)")));
    assert!(error("consent == 1").message.contains("`consent` is true or false and `1` is a number"));
    assert!(error("consent < true").message.contains("`<` cannot order true/false values"));
    assert!(error("null < 1").message.contains("`null` can only be compared with `==` or `!=`"));
    assert!(error("tags == [1]").message.contains("a list of strings"));
}

#[test]
fn arithmetic_errors_give_the_right_function() {
    let e = error("add_days(move_date, 1) == move_date + 1");
    assert_eq!(e.fix.as_deref(), Some("to move a date, write `add_days(move_date, 1)` or `add_months(move_date, 1)`"));
    let e = error("move_date - person.birth_date > 0");
    assert_eq!(
        e.fix.as_deref(),
        Some("to count the days between two dates, write `days_between(person.birth_date, move_date)`")
    );
    let e = error("move_date - 3 == move_date");
    assert_eq!(e.fix.as_deref(), Some("to move a date back, write `add_days(move_date, -3)`"));
    let e = error("phone + 1 == ''");
    assert!(e.message.contains("`+` needs two numbers, two strings or two lists"));
    let e = error("income % 2 == 0");
    assert_eq!(e.message, "`%` needs whole numbers, but `income` is a number");
    assert!(error("consent * 2 > 1").message.contains("`*` needs two numbers"));
    assert!(error("-phone == ''").message.contains("`-` needs a number"));
}

#[test]
fn logical_operators_need_conditions() {
    let e = error("household.size && consent");
    assert_eq!(e.message, "each side of `&&` must be true or false, but `household.size` is a number");
    assert_eq!(e.fix.as_deref(), Some("compare it, e.g. `household.size > 0`"));
    assert!(error("!phone").message.contains("`!` needs true or false"));
    assert!(error("consent || tags").fix.is_some_and(|f| f.contains("size(tags) > 0")));
    let e = error("household.size ? true : false");
    assert!(e.message.starts_with("the condition before `?` must be true or false"));
    assert!(error("consent ? 1 : 'a'").message.contains("the two results of `? :` must be of the same kind"));
}

#[test]
fn conditions_must_be_boolean() {
    let e = error("household.size + 1");
    assert_eq!(e.message, "a condition must be true or false, but this is a number");
    assert_eq!(e.fix.as_deref(), Some("compare it, e.g. `household.size + 1 > 0`"));
    assert!(error("address").fix.is_some_and(|f| f.contains("has(address)")));
    assert!(error("null").message.contains("but this is null"));
    // Other expected types.
    let errs = said(check(&p("phone"), &scope(), Some(&Type::Date)).expect_err("not a date"));
    assert_eq!(errs[0].message, "expected a date here, but this is a string");
    assert_eq!(check(&p("household.size"), &scope(), Some(&Type::Double)), Ok(Type::Int));
}

#[test]
fn membership_errors() {
    let e = error("phone in 'abc'");
    assert_eq!(e.message, "`in` needs a list on its right, but `\"abc\"` is a string");
    assert_eq!(e.fix.as_deref(), Some("to look for text inside a string, write `\"abc\".contains(phone)`"));
    assert!(error("1 in tags").message.contains("`in` looks for an item of the list's kind"));
    assert!(error("1 in address").message.contains("looks for a field name"));
    assert!(error("1 in household.size").fix.is_some_and(|f| f.contains("1 in [\"a\", \"b\"]")));
}

#[test]
fn list_and_index_errors() {
    assert!(error("size([1, 'a']) > 0").message.contains("this list mixes numbers (`1`) and strings (`\"a\"`)"));
    assert!(error("tags['a'] == 'x'").message.contains("a list position must be a whole number"));
    assert!(error("address[1] == 'x'").message.contains("named by a string"));
    assert!(error("phone[0] == 'x'").message.contains("only lists and groups can be indexed"));
}

// ---------------------------------------------------------------------------------------------
// Calls

#[test]
fn unknown_functions_suggest_close_ones() {
    let e = error("todya() > move_date");
    assert_eq!(e.code, codes::UNKNOWN_FUNCTION);
    assert_eq!(e.message, "`todya` is not a known function; did you mean `today`?");
    assert_eq!(e.span, Span::new(0, 5));
    let e = error("phone.startWith('0')");
    assert_eq!(e.message, "`startWith` is not a known method; did you mean `startsWith`?");
    let e = error("len(phone) > 3");
    assert_eq!(e.message, "`len` is not a known function; did you mean `size`?");
    let e = error("frobnicate(phone)");
    assert_eq!(e.message, "`frobnicate` is not a known function");
    assert!(e.fix.is_some_and(|f| f.starts_with("the functions are `size`, `today`")));
}

#[test]
fn methods_and_functions_in_the_wrong_form() {
    let e = error("startsWith(phone, '0')");
    assert_eq!(e.message, "`startsWith` is a method, not a function");
    assert_eq!(e.fix.as_deref(), Some("write `phone.startsWith(\"0\")`"));
    let e = error("person.birth_date.age() > 18");
    assert_eq!(e.message, "`age` is a function, not a method");
    assert_eq!(e.fix.as_deref(), Some("write `age(person.birth_date)`"));
    let e = error("address.has(city)");
    assert_eq!(e.message, "`has` is not a method; it takes a field or concept name");
    assert_eq!(e.fix.as_deref(), Some("write `has(address.city)`"));
}

#[test]
fn arity_errors_name_the_signature() {
    let e = error("age(person.birth_date, move_date, move_date) > 1");
    assert_eq!(e.code, codes::ARITY);
    assert_eq!(e.message, "`age` takes 1 or 2 arguments, but 3 were given");
    assert_eq!(e.fix.as_deref(), Some("expected `age(date) -> int` or `age(date, date) -> int`"));
    let e = error("today(1) == move_date");
    assert_eq!(e.message, "`today` takes 0 arguments, but 1 was given");
    let e = error("phone.startsWith()");
    assert_eq!(e.message, "the method `startsWith` takes 1 argument, but 0 were given");
}

#[test]
fn argument_type_errors_name_the_signature() {
    let e = error("add_days(move_date, '1') == move_date");
    assert_eq!(e.code, codes::TYPE);
    assert_eq!(e.message, "`add_days` expects `add_days(date, int) -> date`, but argument 2 (`\"1\"`) is a string");
    assert_eq!(e.span, Span::new(20, 23));
    let e = error("size(move_date) > 1");
    assert_eq!(
        e.message,
        "`size` expects `size(string) -> int` or `size(list) -> int`, but argument 1 (`move_date`) is a date"
    );
    let e = error("household.size.startsWith('1')");
    assert_eq!(e.message, "`startsWith` expects `string.startsWith(string) -> bool`, but `household.size` is a number");
}

#[test]
fn date_literals_are_validated() {
    let e = error("move_date > date('2023-02-29')");
    assert_eq!(e.code, codes::BAD_DATE_LITERAL);
    assert_eq!(e.message, "`2023-02-29` is not a real date: February 2023 has 28 days");
    let e = error("move_date > date('2024/4/1')");
    assert_eq!(e.fix.as_deref(), Some("write `date(\"2024-04-01\")`"));
    let e = error("move_date > date(phone)");
    assert_eq!(e.code, codes::BAD_DATE_LITERAL);
    assert!(e.message.contains("string literal"));
}

// ---------------------------------------------------------------------------------------------
// Syntax: the lexer's and the parser's errors

#[test]
fn syntax_errors_say_what_to_do() {
    let e = syntax("(a && b");
    assert_eq!(e.message, "expected `)` to close the `(` opened at column 1, found the end of the expression");
    assert_eq!(e.fix.as_deref(), Some("add `)`"));
    assert_eq!(syntax("a and b").message, "`and` is not an operator here; use `&&`");
    assert_eq!(syntax("a OR b").message, "`OR` is not an operator here; use `||`");
    assert_eq!(syntax("not a").message, "`not` is not an operator here; use `!`");
    assert_eq!(syntax("a = b").message, "unexpected `=`; use `==` to compare");
    assert_eq!(syntax("a = b").fix.as_deref(), Some("write `==`"));
    assert_eq!(syntax("").message, "the expression is empty");
    assert_eq!(syntax("a &&").message, "the expression ends too early: expected a value after `&&`");
    assert_eq!(syntax("a &&").fix.as_deref(), Some("write what comes after `&&`, or remove `&&`"));
    assert_eq!(syntax("a b").message, "unexpected `b` after `a`; expected an operator such as `&&`, `||` or `==`");
    assert_eq!(syntax("a)").message, "unexpected `)`: there is no `(` to close");
    assert_eq!(syntax("a)").fix.as_deref(), Some("remove it, or add the matching `(`"));
    assert!(syntax("[1, 2").message.contains("close the list `[` opened at column 1"));
    assert!(syntax("f(1 2").message.contains("arguments of `f(` opened at column 2, found the number `2`"));
    assert!(syntax("a[1").message.contains("close the `[` opened at column 2"));
    assert!(syntax("a ? b").message.contains("expected `:`"));
    assert!(syntax("a : b").message.contains("without a `?`"));
    assert_eq!(syntax("a.true").message, "expected a field or method name after `.`, found `true`");
    assert!(syntax("* a").message.starts_with("expected a value"));
    assert!(syntax("a &&\n  (b").message.contains("line 2, column 3"));
    assert!(syntax("a == 'x' 'y'").message.contains("the string `\"y\"`"));
    assert!(syntax("a == 1.5 2").message.contains("the number `2`"));
    assert_eq!(syntax("has(1)").message, "`has()` takes a field or concept name, not `1`");
    assert_eq!(syntax("has(a, b)").message, "`has()` takes exactly one field or concept name, but 2 were given");
}

#[test]
fn lexical_errors_say_what_to_write() {
    assert_eq!(syntax("a <> 1").message, "`<>` is not an operator");
    assert_eq!(syntax("a <> 1").fix.as_deref(), Some("use `!=` for \"not equal\""));
    assert_eq!(syntax("a & b").fix.as_deref(), Some("use `&&` for \"and\""));
    assert_eq!(syntax("a | b").fix.as_deref(), Some("use `||` for \"or\""));
    assert_eq!(syntax("a === b").fix.as_deref(), Some("use `==`"));
    assert_eq!(syntax("a => b").fix.as_deref(), Some("use `>=` for \"greater than or equal\""));
    assert!(syntax("{}").message.contains("map literals `{...}`"));
    assert!(syntax("a; b").message.contains("`;`"));
    let e = syntax("a ＝ 1");
    assert_eq!(
        e.message,
        "unexpected full-width `＝` (U+FF1D); expressions are written with half-width ASCII characters"
    );
    assert_eq!(e.fix.as_deref(), Some("write `==`"));
    assert!(syntax("a == “x”").message.contains("typographic quote `“`"));
    assert!(syntax("a\u{3000}b").message.contains("full-width space"));
    assert!(syntax("年齢 > 1").message.contains("ASCII letters"));
    assert_eq!(syntax("a \u{7} b").message, "unexpected invisible character U+0007");
    assert_eq!(syntax("if").message, "`if` is a reserved word in CEL and cannot be used as a name");
    assert!(syntax("1u").message.contains("unsigned"));
    assert_eq!(syntax("12abc").message, "unexpected `a` right after the number `12`");
    assert_eq!(syntax("99999999999999999999").message, "the number `99999999999999999999` is too large");
    assert_eq!(
        syntax("99999999999999999999").fix.as_deref(),
        Some("whole numbers range from -9223372036854775808 to 9223372036854775807")
    );
    assert_eq!(syntax("'abc").fix.as_deref(), Some("add `'` at the end of the text"));
    assert_eq!(syntax(r"'\q'").message, r"unknown escape `\q` in a string");
    assert_eq!(syntax(r"'\u12'").message, r"`\u` needs exactly 4 hexadecimal digits");
    assert_eq!(syntax("'''x'''").fix.as_deref(), Some(r"use '...' and write `\n` for a line break"));
    assert_eq!(syntax("'\\").message, r"this string ends with a lone `\`");
}

// ---------------------------------------------------------------------------------------------
// Rendering, snapshots of the messages authors see

#[test]
fn rendered_diagnostics() {
    let cases = [
        "household.has_chidren && move_date <= 14",
        "move_date = today()",
        "(age(person.birth_date) >= 18 and consent",
        "phone ＝ '0'",
        "if consent then 1",
        "add_days(move_date, '1') == todya()",
        "move_date > date('2024-02-30')",
        "size(phone)",
    ];
    let mut out = String::new();
    for src in cases {
        out.push_str(&format!("$ {src}\n"));
        let errs = match parse(src) {
            Err(errs) => errs,
            Ok(e) => check(&e, &scope(), Some(&Type::Bool)).err().unwrap_or_default(),
        };
        for e in errs {
            out.push_str(&e.render(src, english));
        }
        out.push('\n');
    }
    // The snapshot beside the expression language, where it was taken before its words moved
    // into the catalogue.
    insta::with_settings!({
        snapshot_path => "../src/expr/snapshots",
        prepend_module_to_snapshot => false,
    }, {
        insta::assert_snapshot!("tetsuzuki__expr__tests__rendered_diagnostics", out);
    });
}
