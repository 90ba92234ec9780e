//! Number types: `integer`, `decimal` and `money` (yen).
//!
//! Accepted: JSON numbers, and text with full-width digits, thousands commas, spaces, a sign
//! (`-`, any dash, `▲`/`△` as accountants write a negative amount) and, for money, `¥`, `￥`,
//! `\` (the yen key of Japanese keyboards), `円`, and the units 千, 万 and 億 (`10万5千円` →
//! 105000). Numbers are read exactly, as decimal text, never through binary fractions.
//!
//! At most 15 digits (`number.too_many_digits`): every target, the browser included, then
//! computes the same value (JavaScript numbers are exact to 2^53). The submitted form is a
//! JSON number: an integer for `integer` and `money` (yen), a number for `decimal`.

use serde_json::Value as Json;

use crate::model::Field;
use crate::validate::clean::{Lines, clean_cow};
use crate::validate::normalize::{fold_width, is_hyphen_like};
use crate::validate::{Context, Outcome, Problem, State};
use crate::value::Value;

/// Every problem code the number types emit (read by the catalogue tests).
#[allow(dead_code)]
pub const CODES: &[&str] = &[
    "text.invisible_only",
    "integer.not_a_number",
    "integer.not_whole",
    "decimal.not_a_number",
    "money.not_a_number",
    "money.not_whole",
    "number.too_many_digits",
    "number.too_small",
    "number.too_large",
    "money.too_small",
    "money.too_large",
];

/// Most significant digits a number may have.
pub const MAX_DIGITS: usize = 15;

/// Reads, normalises and judges one non-empty answer.
pub fn interpret(kind: Kind, field: &Field, answer: &Json, cx: &Context<'_>) -> Outcome {
    let _ = cx;
    let text = match answer {
        Json::Number(n) => std::borrow::Cow::Owned(match n.as_i64() {
            Some(i) => i.to_string(),
            // Display of an f64 never uses an exponent.
            None => n.as_f64().map(|f| f.to_string()).unwrap_or_default(),
        }),
        Json::String(s) => {
            let cleaned = clean_cow(s, Lines::One);
            if cleaned.is_empty() {
                return Outcome::problem(Problem::error("text.invisible_only", State::WrongCharacters));
            }
            cleaned
        }
        // true, a list…: no number at all.
        other => {
            let _ = other;
            return Outcome::problem(
                Problem::error(kind.not_a_number(), State::WrongCharacters).arg("kind", "no_digits"),
            );
        }
    };
    let amount = match read(&text, kind) {
        Ok(a) => a,
        Err(Unreadable::Char(c)) => {
            return Outcome::problem(
                Problem::error(kind.not_a_number(), State::WrongCharacters).arg("char", c).arg("kind", "char"),
            );
        }
        Err(Unreadable::NoDigits) => {
            return Outcome::problem(
                Problem::error(kind.not_a_number(), State::WrongCharacters).arg("kind", "no_digits"),
            );
        }
        Err(Unreadable::Fraction) => return Outcome::problem(Problem::error(kind.not_whole(), State::WrongFormat)),
        Err(Unreadable::TooManyDigits) => {
            return Outcome::problem(
                Problem::error("number.too_many_digits", State::TooLong).arg("max_digits", MAX_DIGITS),
            );
        }
    };
    judge(kind, &amount, field)
}

/// The number types: the dispatcher names one for each field type it sends here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `integer`.
    Integer,
    /// `decimal`.
    Decimal,
    /// `money`.
    Money,
}

impl Kind {
    fn not_a_number(self) -> &'static str {
        match self {
            Kind::Integer => "integer.not_a_number",
            Kind::Decimal => "decimal.not_a_number",
            Kind::Money => "money.not_a_number",
        }
    }

    fn not_whole(self) -> &'static str {
        match self {
            Kind::Money => "money.not_whole",
            _ => "integer.not_whole",
        }
    }
}

/// Why a text is not a number.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Unreadable {
    /// This character is not part of a number (the first one).
    Char(String),
    /// No digit at all (`¥`, `円`).
    NoDigits,
    /// Decimals where a whole number is needed.
    Fraction,
    /// More than [`MAX_DIGITS`] significant digits.
    TooManyDigits,
}

/// An exact decimal number: sign, digits before and after the point (no leading zeros before,
/// no trailing zeros after).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Amount {
    negative: bool,
    whole: String,
    fraction: String,
}

impl Amount {
    fn new(negative: bool, whole: &str, fraction: &str) -> Amount {
        let whole = whole.trim_start_matches('0').to_string();
        let fraction = fraction.trim_end_matches('0').to_string();
        let negative = negative && !(whole.is_empty() && fraction.is_empty());
        Amount { negative, whole, fraction }
    }

    fn digits(&self) -> usize {
        // Leading zeros of a pure fraction (0.001) are not significant.
        let whole = self.whole.len();
        if whole == 0 { self.fraction.trim_start_matches('0').len() } else { whole + self.fraction.len() }
    }

    fn text(&self) -> String {
        let sign = if self.negative { "-" } else { "" };
        let whole = if self.whole.is_empty() { "0" } else { &self.whole };
        if self.fraction.is_empty() { format!("{sign}{whole}") } else { format!("{sign}{whole}.{}", self.fraction) }
    }

    fn as_f64(&self) -> f64 {
        self.text().parse().unwrap_or(0.0)
    }

    fn as_i64(&self) -> Option<i64> {
        if !self.fraction.is_empty() {
            return None;
        }
        self.text().parse().ok()
    }
}

/// Reads a number as residents type it.
fn read(s: &str, kind: Kind) -> Result<Amount, Unreadable> {
    if kind != Kind::Money && !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) {
        // Plain digits (the usual answer): nothing to fold, no sign, no point.
        return whole_amount(false, s, "", kind);
    }
    let folded: String = fold_width(s).chars().filter(|c| *c != ' ' && *c != ',').collect();
    let mut rest = folded.as_str();
    let take_sign = |rest: &mut &str| -> bool {
        match rest.chars().next() {
            Some(c) if c == '+' || is_hyphen_like(c) || (kind == Kind::Money && matches!(c, '▲' | '△')) => {
                *rest = &rest[c.len_utf8()..];
                c != '+'
            }
            _ => false,
        }
    };
    let mut negative = take_sign(&mut rest);
    if kind == Kind::Money {
        rest = rest.strip_prefix(['¥', '\u{FFE5}', '\\']).unwrap_or(rest);
        if !negative {
            negative = take_sign(&mut rest);
        }
        rest = rest.strip_suffix('円').unwrap_or(rest);
        return money(rest, negative);
    }
    let (whole, fraction) = plain(rest)?;
    whole_amount(negative, &whole, &fraction, kind)
}

/// An integer's or decimal's amount from its digits, if it has not too many of them (and no
/// fraction where a whole number is needed).
fn whole_amount(negative: bool, whole: &str, fraction: &str, kind: Kind) -> Result<Amount, Unreadable> {
    let amount = Amount::new(negative, whole, fraction);
    if amount.digits() > MAX_DIGITS {
        return Err(Unreadable::TooManyDigits);
    }
    if kind == Kind::Integer && !amount.fraction.is_empty() {
        return Err(Unreadable::Fraction);
    }
    Ok(amount)
}

/// `123`, `123.45`, `.5`, `5.`: digits with at most one point.
fn plain(s: &str) -> Result<(String, String), Unreadable> {
    if let Some(c) = s.chars().find(|c| !c.is_ascii_digit() && *c != '.') {
        return Err(Unreadable::Char(c.to_string()));
    }
    let (whole, fraction) = s.split_once('.').unwrap_or((s, ""));
    if let Some(c) = fraction.chars().find(|c| *c == '.') {
        return Err(Unreadable::Char(c.to_string()));
    }
    if whole.is_empty() && fraction.is_empty() {
        return Err(Unreadable::NoDigits);
    }
    Ok((whole.to_string(), fraction.to_string()))
}

/// An amount of yen, with 億, 万 and 千 (`1億2000万`, `10万5千`, `1.5万`).
fn money(s: &str, negative: bool) -> Result<Amount, Unreadable> {
    let mut yen: i128 = 0;
    let mut rest = s;
    let mut last_unit = u32::MAX;
    for (unit, power) in [('億', 8u32), ('万', 4), ('千', 3)] {
        let Some((coefficient, after)) = rest.split_once(unit) else { continue };
        if power >= last_unit {
            return Err(Unreadable::Char(unit.to_string()));
        }
        last_unit = power;
        let (whole, fraction) = plain(coefficient).map_err(|e| match e {
            Unreadable::NoDigits => Unreadable::Char(unit.to_string()),
            e => e,
        })?;
        if whole.len() > MAX_DIGITS {
            return Err(Unreadable::TooManyDigits);
        }
        let fraction = fraction.trim_end_matches('0');
        if fraction.len() > power as usize {
            return Err(Unreadable::Fraction);
        }
        let scaled = format!("{whole}{fraction:0<width$}", width = power as usize);
        yen = yen.saturating_add(scaled.parse::<i128>().unwrap_or(0));
        rest = after;
    }
    if !rest.is_empty() || last_unit == u32::MAX {
        let (whole, fraction) = plain(rest)?;
        if !fraction.trim_end_matches('0').is_empty() {
            return Err(Unreadable::Fraction);
        }
        if whole.trim_start_matches('0').len() > MAX_DIGITS {
            return Err(Unreadable::TooManyDigits);
        }
        yen = yen.saturating_add(whole.parse::<i128>().unwrap_or(0));
    }
    let amount = Amount::new(negative, &yen.to_string(), "");
    if amount.digits() > MAX_DIGITS {
        return Err(Unreadable::TooManyDigits);
    }
    Ok(amount)
}

/// Writes `n` with thousands commas (12,000).
fn grouped(n: f64) -> String {
    let text = format_number(n);
    let (sign, digits) = text.strip_prefix('-').map_or(("", text.as_str()), |d| ("-", d));
    let (whole, fraction) = digits.split_once('.').map_or((digits, None), |(w, f)| (w, Some(f)));
    let mut out = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    match fraction {
        Some(f) => format!("{sign}{out}.{f}"),
        None => format!("{sign}{out}"),
    }
}

/// A limit as written in a message: whole numbers without a point.
fn format_number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 { format!("{}", n as i64) } else { format!("{n}") }
}

/// The field's limits, then the value.
fn judge(kind: Kind, amount: &Amount, field: &Field) -> Outcome {
    let (value, normalized) = match kind {
        Kind::Decimal => {
            let f = amount.as_f64();
            (Value::Double(f), serde_json::Number::from_f64(f).map(Json::Number))
        }
        _ => match amount.as_i64() {
            Some(i) => (Value::Int(i), Some(Json::from(i))),
            None => {
                return Outcome::problem(
                    Problem::error("number.too_many_digits", State::TooLong).arg("max_digits", MAX_DIGITS),
                );
            }
        },
    };
    let x = amount.as_f64();
    let (small, large) = if kind == Kind::Money {
        ("money.too_small", "money.too_large")
    } else {
        ("number.too_small", "number.too_large")
    };
    let show = |n: f64| if kind == Kind::Money { grouped(n) } else { format_number(n) };
    let mut problems = Vec::new();
    if let Some(min) = field.min.filter(|min| x < *min) {
        problems.push(Problem::error(small, State::OutOfRange).arg("min", show(min)));
    }
    if let Some(max) = field.max.filter(|max| x > *max) {
        problems.push(Problem::error(large, State::OutOfRange).arg("max", show(max)));
    }
    Outcome { value: Some(value), normalized, problems }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::Date;
    use serde_json::json;

    fn run(ty: &str, extra: Json, answer: Json) -> Outcome {
        let mut f = json!({"id": "f", "type": ty, "label": {"ja": "金額", "en": "Amount"}});
        if let (Some(o), Some(e)) = (f.as_object_mut(), extra.as_object()) {
            o.extend(e.clone());
        }
        let f: Field = serde_json::from_value(f).unwrap();
        let cx = Context { today: Date::new(2025, 6, 1).unwrap(), code_lists: &[] };
        super::super::interpret(f.resolved_type(), &f, &answer, &cx)
    }

    fn normalized(ty: &str, answer: Json) -> Json {
        let o = run(ty, json!({}), answer.clone());
        assert!(o.problems.is_empty(), "{answer}: {:?}", o.problems);
        o.normalized.unwrap()
    }

    fn code(ty: &str, extra: Json, answer: Json) -> &'static str {
        run(ty, extra, answer).problems.first().map_or("ok", |p| p.code)
    }

    #[test]
    fn money_is_read_as_residents_write_it() {
        for (s, yen) in [
            ("¥12,000", 12000),
            ("12,000円", 12000),
            ("１２，０００円", 12000),
            ("￥12000", 12000),
            ("\\500", 500),
            ("10万円", 100_000),
            ("10万5千円", 105_000),
            ("1.5万", 15_000),
            ("1億2000万円", 120_000_000),
            ("▲1,000", -1000),
            ("-¥1,000", -1000),
            ("¥-1,000", -1000),
            ("0", 0),
            ("-0", 0),
        ] {
            assert_eq!(normalized("money", json!(s)), json!(yen), "{s}");
        }
        assert_eq!(normalized("money", json!(3000)), json!(3000));
        assert_eq!(code("money", json!({}), json!("12.5円")), "money.not_whole");
        assert_eq!(code("money", json!({}), json!("1.23456万")), "money.not_whole");
        assert_eq!(code("money", json!({}), json!("十万円")), "money.not_a_number");
        assert_eq!(code("money", json!({}), json!("¥")), "money.not_a_number");
        assert_eq!(code("money", json!({}), json!("5千1万")), "money.not_a_number");
        assert_eq!(code("money", json!({"min": 1000}), json!("999")), "money.too_small");
        let o = run("money", json!({"max": 1000000}), json!("2,000,000"));
        assert_eq!(o.problems[0].args, vec![("max", "1,000,000".to_string())]);
    }

    #[test]
    fn integers_and_decimals() {
        assert_eq!(normalized("integer", json!("３")), json!(3));
        assert_eq!(normalized("integer", json!("2.0")), json!(2));
        assert_eq!(normalized("integer", json!("−3")), json!(-3));
        assert_eq!(normalized("integer", json!(4.0)), json!(4));
        assert_eq!(code("integer", json!({}), json!("2.5")), "integer.not_whole");
        assert_eq!(code("integer", json!({}), json!(2.5)), "integer.not_whole");
        let o = run("integer", json!({}), json!("3人"));
        assert_eq!(
            (o.problems[0].code, o.problems[0].args.clone()),
            ("integer.not_a_number", vec![("char", "人".to_string()), ("kind", "char".to_string())])
        );
        assert_eq!(code("integer", json!({}), json!("1234567890123456")), "number.too_many_digits");
        assert_eq!(code("integer", json!({"min": 1, "max": 10}), json!("0")), "number.too_small");
        assert_eq!(code("integer", json!({"min": 1, "max": 10}), json!("11")), "number.too_large");
        assert_eq!(normalized("decimal", json!("１．５")), json!(1.5));
        assert_eq!(normalized("decimal", json!(".5")), json!(0.5));
        assert_eq!(normalized("decimal", json!("1,234.50")), json!(1234.5));
        assert_eq!(code("decimal", json!({}), json!("1.2.3")), "decimal.not_a_number");
        assert_eq!(code("decimal", json!({}), json!("1e3")), "decimal.not_a_number");
        assert_eq!(code("decimal", json!({}), json!(true)), "decimal.not_a_number");
    }
    use super::super::text::check;

    #[test]
    fn every_code_has_words_in_three_languages() {
        check::catalogue_is_complete(CODES, &[]);
    }

    const CHILDREN: [&str; 3] = ["子どもの人数", "Number of children", "こどもの かず"];
    const HEIGHT: [&str; 3] = ["身長（cm）", "Height in cm", "せの たかさ（cm）"];
    const INCOME: [&str; 3] = ["年間の収入", "Yearly income", "1年の しゅうにゅう"];

    #[test]
    fn snapshot_integer() {
        let limits = json!({"min": 0, "max": 20});
        let cases = [
            (limits.clone(), json!("3")),
            (limits.clone(), json!("３")),
            (limits.clone(), json!(2)),
            (limits.clone(), json!("3人")),
            (limits.clone(), json!("2.5")),
            (limits.clone(), json!("2.0")),
            (limits.clone(), json!("-1")),
            (limits.clone(), json!("21")),
            (limits.clone(), json!("1234567890123456")),
            (limits.clone(), json!("三")),
        ];
        insta::assert_snapshot!("integer", check::render("integer", CHILDREN, &cases, CODES, &[]));
    }

    #[test]
    fn snapshot_decimal() {
        let limits = json!({"min": 30, "max": 250.5});
        let cases = [
            (limits.clone(), json!("170.5")),
            (limits.clone(), json!("１７０．５")),
            (limits.clone(), json!(170.25)),
            (limits.clone(), json!("170cm")),
            (limits.clone(), json!("1.7.0")),
            (limits.clone(), json!("25")),
            (limits.clone(), json!("251")),
        ];
        insta::assert_snapshot!("decimal", check::render("decimal", HEIGHT, &cases, CODES, &[]));
    }

    #[test]
    fn snapshot_money() {
        let limits = json!({"min": 0, "max": 100000000});
        let cases = [
            (limits.clone(), json!("¥1,200,000")),
            (limits.clone(), json!("１２０万円")),
            (limits.clone(), json!("120万5千円")),
            (limits.clone(), json!("1億2000万円")),
            (limits.clone(), json!(1200000)),
            (limits.clone(), json!("\\500")),
            (limits.clone(), json!("1,200.5円")),
            (limits.clone(), json!("百万円")),
            (limits.clone(), json!("▲5,000")),
            (limits.clone(), json!("2億円")),
            (limits.clone(), json!("¥")),
        ];
        insta::assert_snapshot!("money", check::render("money", INCOME, &cases, CODES, &[]));
    }

    proptest::proptest! {
        #[test]
        fn any_text_is_read_and_normalising_is_idempotent(s in check::any_text(), i in 0usize..3) {
            let ty = ["integer", "decimal", "money"][i];
            if crate::validate::is_empty(&json!(s)) {
                return Ok(());
            }
            check::assert_invariants(&check::field(ty, INCOME, &json!({"min": -5, "max": 1e9})), &json!(s));
        }

        #[test]
        fn any_json_number_is_read(n in proptest::num::f64::ANY, i in 0usize..3) {
            let ty = ["integer", "decimal", "money"][i];
            if let Some(n) = serde_json::Number::from_f64(n) {
                check::assert_invariants(&check::field(ty, INCOME, &json!({})), &Json::Number(n));
            }
        }

        #[test]
        fn any_integer_reads_back_with_commas(n in -999_999_999_999_999i64..=999_999_999_999_999) {
            let f = check::field("money", INCOME, &json!({}));
            let written = grouped(n as f64);
            let o = check::interpret(&f, &json!(format!("{written}円")));
            proptest::prop_assert_eq!(o.normalized, Some(json!(n)), "{}", written);
        }
    }

    #[test]
    fn a_megabyte_of_anything_is_read() {
        let big = check::megabyte();
        for ty in ["integer", "decimal", "money"] {
            check::assert_invariants(&check::field(ty, INCOME, &json!({})), &json!(big));
            check::assert_invariants(&check::field(ty, INCOME, &json!({})), &json!("9".repeat(1 << 20)));
        }
    }
}
