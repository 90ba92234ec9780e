//! Date types: `date` and `year_month`, in 西暦 or 和暦.
//!
//! Accepted: `2025-01-05`, `2025/1/5`, `2025.1.5`, `20250105`, `2025年1月5日`, full-width digits,
//! 和暦 with the era in any usual form (`令和7年1月5日`, `令7.1.5`, `R7.1.5`, `R7/1/5`, `r7-1-5`,
//! `H31.4.30`, `㍻31年4月30日`, `平成元年1月8日`), and the three inputs of a date widget as an
//! object `{"era"?, "year", "month", "day"}` (`era` takes the same forms; `year` is then the era
//! year). A year month is the same without the day.
//!
//! Separators stand between the parts, one at a time (spaces are only spacing): a sign or a
//! separator before the date, after it, doubled or beside 年月日 (`-2024-01-01`, `2024--01-01`,
//! `2024-01-01-`) is `stray_separator`, naming it; a closing `。` or `.` is fine.
//!
//! The submitted form is always ISO: `YYYY-MM-DD` (`YYYY-MM` for a year month). Problems come
//! in the order of shared/design/ERRORS.md: a missing part first, then what cannot be read as
//! one date (a year without era, an era year that does not exist, a lunar date, 2月30日, a
//! date of another era), then the field's rules (not in the future or past). Machine-fix values
//! are ISO too, the form any widget can show and the parser reads back; their labels speak
//! 和暦 (「令和元年5月1日として入力する」).
//!
//! Nothing ambiguous is read silently: `7年1月5日` (西暦 or 和暦?) is a problem, with a fix
//! reading it in the current era where that gives a plausible date; `平成31年5月1日` is a
//! problem (`wrong_era`) with a fix to 令和元年5月1日. 明治元年–明治5年 are lunar dates
//! (`lunar_calendar`): converting them needs the old calendar, which no resident expects.

use serde_json::Value as Json;

use crate::date::{Date, days_in_month, is_leap_year};
use crate::model::Field;
use crate::validate::clean::{Lines, clean, clean_cow};
use crate::validate::normalize::{fold_width, is_hyphen_like};
use crate::validate::wareki::{self, Era, WarekiError};
use crate::validate::{Context, MachineFix, Outcome, Problem, State};
use crate::value::Value;

/// Every problem code the date types emit.
pub const CODES: &[&str] = &[
    "text.invisible_only",
    "date.wrong_format",
    "date.stray_separator",
    "date.missing_year",
    "date.missing_month",
    "date.missing_day",
    "date.ambiguous_year",
    "date.era_out_of_range",
    "date.lunar_calendar",
    "date.impossible",
    "date.wrong_era",
    "date.future",
    "date.past",
    "year_month.wrong_format",
    "year_month.stray_separator",
    "year_month.missing_year",
    "year_month.missing_month",
    "year_month.ambiguous_year",
    "year_month.era_out_of_range",
    "year_month.lunar_calendar",
    "year_month.impossible",
    "year_month.wrong_era",
    "year_month.future",
    "year_month.past",
];

/// Every machine-fix label the date types offer (read by the catalogue tests).
#[allow(dead_code)]
pub const FIXES: &[&str] = &["fix-wareki-era", "fix-wareki-to-seireki"];

/// Reads, normalises and judges one non-empty answer.
pub fn interpret(kind: Kind, field: &Field, answer: &Json, cx: &Context<'_>) -> Outcome {
    let parts = match answer {
        Json::String(s) => match iso_parts(s, kind) {
            Some(parts) => Some(parts),
            None => {
                let cleaned = clean_cow(s, Lines::One);
                if cleaned.is_empty() {
                    return Outcome::problem(Problem::error("text.invisible_only", State::WrongCharacters));
                }
                if cleaned.chars().nth(MAX_DATE_CHARS).is_some() {
                    return Outcome::problem(Problem::error(kind.code("wrong_format"), State::WrongFormat));
                }
                match read_text(&cleaned, kind) {
                    Err(Unread::StraySeparator(c)) => {
                        let p = Problem::error(kind.code("stray_separator"), State::WrongFormat).arg("char", c);
                        return Outcome::problem(p);
                    }
                    Err(Unread::NotADate) => None,
                    Ok(parts) => Some(parts),
                }
            }
        },
        Json::Object(o) => parse_object(o, kind),
        _ => None,
    };
    let Some(parts) = parts else {
        return Outcome::problem(Problem::error(kind.code("wrong_format"), State::WrongFormat));
    };
    judge(kind, &parts, field, cx.today)
}

/// No date is written longer (`れいわ 7ねん 12がつ 31にち` has 21 characters): a longer text is
/// not a date, and is not read further, so reading stays quick whatever is typed.
const MAX_DATE_CHARS: usize = 64;

/// The date types: the dispatcher names one for each field type it sends here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `date`.
    Date,
    /// `year_month`.
    YearMonth,
}

impl Kind {
    fn code(self, what: &str) -> &'static str {
        let found = CODES.iter().find(|c| {
            c.strip_prefix(match self {
                Kind::Date => "date.",
                Kind::YearMonth => "year_month.",
            }) == Some(what)
        });
        found.copied().unwrap_or("date.wrong_format")
    }
}

/// A year as typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Year {
    value: u32,
    /// Digits typed (0 for 元).
    digits: usize,
}

impl Year {
    fn text(self) -> String {
        if self.digits == 0 { "元".to_string() } else { self.value.to_string() }
    }
}

/// The parts of a date as typed, any of them missing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
struct Parts {
    era: Option<Era>,
    year: Option<Year>,
    month: Option<u32>,
    day: Option<u32>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Token {
    Era(Era),
    Num(u32, usize),
    Gan,
    Unit(char),
    /// A separator: `/`, `.`, a space, a dash of any kind (as `-`), `,`, `、`, `。` or `・`.
    Sep(char),
}

/// Era names as written before a year, longest first.
fn era_at(s: &str) -> Option<(Era, usize)> {
    for era in Era::ALL {
        // In kana too (やさしい日本語 readers may write れいわ), and with macrons.
        let (hiragana, katakana, macron) = match era {
            Era::Meiji => ("めいじ", "メイジ", None),
            Era::Taisho => ("たいしょう", "タイショウ", Some("Taishō")),
            Era::Showa => ("しょうわ", "ショウワ", Some("Shōwa")),
            Era::Heisei => ("へいせい", "ヘイセイ", None),
            Era::Reiwa => ("れいわ", "レイワ", None),
        };
        let mut square = [0u8; 4];
        let square: &str = era.square().encode_utf8(&mut square);
        for name in [era.name(), square, era.romaji(), hiragana, katakana].into_iter().chain(macron) {
            if s.get(..name.len()).is_some_and(|p| p.eq_ignore_ascii_case(name)) {
                return Some((era, name.len()));
            }
        }
    }
    // One kanji or one letter, when a year follows (令7, R7, R.7, R 7, H元).
    let mut chars = s.chars();
    let first = chars.next()?;
    let era = Era::ALL.into_iter().find(|e| e.name().starts_with(first) || first.eq_ignore_ascii_case(&e.letter()))?;
    let rest = chars.as_str();
    let rest = rest.strip_prefix(['.', ' ']).unwrap_or(rest);
    rest.starts_with(|c: char| c.is_ascii_digit() || c == '元').then_some((era, s.len() - rest.len()))
}

fn tokenize(s: &str) -> Option<Vec<Token>> {
    // Units in kana as well (7ねん 1がつ 5にち, がんねん).
    let mut s = fold_width(s);
    if s.contains(['ね', 'が', 'に']) {
        s = s.replace("がんねん", "元年").replace("ねん", "年").replace("がつ", "月").replace("にち", "日");
    }
    let mut out = Vec::new();
    let mut rest = s.as_str();
    while let Some(c) = rest.chars().next() {
        if let Some((era, len)) = out.is_empty().then(|| era_at(rest)).flatten() {
            out.push(Token::Era(era));
            rest = &rest[len..];
            continue;
        }
        if c.is_ascii_digit() {
            let digits = rest.find(|d: char| !d.is_ascii_digit()).unwrap_or(rest.len());
            // Nine digits at most: an 8-digit date is the longest number a date has.
            if digits > 9 {
                return None;
            }
            out.push(Token::Num(rest[..digits].parse().ok()?, digits));
            rest = &rest[digits..];
            continue;
        }
        let token = match c {
            '元' => Token::Gan,
            '年' | '月' | '日' => Token::Unit(c),
            '/' | '.' | ' ' | ',' | '、' | '。' | '・' => Token::Sep(c),
            _ if is_hyphen_like(c) => Token::Sep('-'),
            _ => return None,
        };
        out.push(token);
        rest = &rest[c.len_utf8()..];
    }
    Some(out)
}

fn year_of(t: Token) -> Option<Year> {
    match t {
        Token::Num(v, digits) => Some(Year { value: v, digits }),
        Token::Gan => Some(Year { value: 1, digits: 0 }),
        _ => None,
    }
}

fn num_of(t: Token) -> Option<u32> {
    match t {
        Token::Num(v, digits) if digits <= 2 => Some(v),
        _ => None,
    }
}

/// The parts of an answer in the submitted form, `YYYY-MM-DD` (`YYYY-MM` for a year month),
/// read without cleaning or tokenising: exactly what [`read_text`] reads of it.
fn iso_parts(s: &str, kind: Kind) -> Option<Parts> {
    let b = s.as_bytes();
    let len = if kind == Kind::Date { 10 } else { 7 };
    let digit = |i: usize| b.get(i).filter(|c| c.is_ascii_digit()).map(|c| u32::from(c - b'0'));
    if b.len() != len || b[4] != b'-' || b[7..].first().is_some_and(|c| *c != b'-') {
        return None;
    }
    let year = digit(0)? * 1000 + digit(1)? * 100 + digit(2)? * 10 + digit(3)?;
    let month = digit(5)? * 10 + digit(6)?;
    let day = if kind == Kind::Date { Some(digit(8)? * 10 + digit(9)?) } else { None };
    Some(Parts { era: None, year: Some(Year { value: year, digits: 4 }), month: Some(month), day })
}

/// Why a typed text is not read as a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Unread {
    /// Letters, too many numbers…
    NotADate,
    /// A separator where none belongs (named: `-` for any dash).
    StraySeparator(char),
}

/// Reads a typed (cleaned) date.
fn read_text(s: &str, kind: Kind) -> Result<Parts, Unread> {
    let tokens = tokenize(s).ok_or(Unread::NotADate)?;
    if let Some(c) = stray_separator(&tokens) {
        return Err(Unread::StraySeparator(c));
    }
    parse_tokens(&tokens, kind).ok_or(Unread::NotADate)
}

/// The first separator where none belongs, spaces aside (they are only spacing): before the
/// date (`-2024-01-01`, a sign no date has), after it (`2024-01-01-`; a closing `。` or `.` ends
/// a sentence and is fine), next to another (`2024--01-01`, `2024/ /1/5`) or beside a unit
/// (`2025年-1月`). Each of them could be a slip for something else, so none is read silently.
fn stray_separator(tokens: &[Token]) -> Option<char> {
    let marks: Vec<Token> = tokens.iter().copied().filter(|t| *t != Token::Sep(' ')).collect();
    marks.iter().enumerate().find_map(|(i, t)| {
        let Token::Sep(c) = *t else { return None };
        let before = i.checked_sub(1).map(|j| marks[j]);
        let stray = match (before, marks.get(i + 1)) {
            (None, _) | (Some(Token::Sep(_)), _) => true,
            (_, None) => !matches!(c, '。' | '.'),
            (Some(Token::Unit(_)), _) | (_, Some(Token::Unit(_))) => true,
            _ => false,
        };
        stray.then_some(c)
    })
}

/// Reads the tokens of a typed date; `None` when they are not one (too many numbers…).
fn parse_tokens(tokens: &[Token], kind: Kind) -> Option<Parts> {
    let mut parts = Parts::default();
    let mut rest: &[Token] = tokens;
    if let Some(Token::Era(era)) = rest.first() {
        parts.era = Some(*era);
        rest = &rest[1..];
    }
    let values: Vec<Token> = rest.iter().copied().filter(|t| !matches!(t, Token::Sep(_))).collect();
    if values.iter().any(|t| matches!(t, Token::Unit(_))) {
        // 2025年1月5日: every number carries its unit, in order.
        let mut last_unit = 0;
        let mut iter = values.iter().copied();
        while let Some(t) = iter.next() {
            let unit = match iter.next() {
                Some(Token::Unit(u)) => u,
                _ => return None,
            };
            let rank = match unit {
                '年' => 1,
                '月' => 2,
                _ => 3,
            };
            if rank <= last_unit || (kind == Kind::YearMonth && rank == 3) {
                return None;
            }
            last_unit = rank;
            match rank {
                1 => parts.year = Some(year_of(t)?),
                2 => parts.month = Some(num_of(t)?),
                _ => parts.day = Some(num_of(t)?),
            }
        }
        return Some(parts);
    }
    // Numbers only: their count and length say which they are.
    let era = parts.era.is_some();
    match (kind, values.as_slice()) {
        (_, []) => return None,
        (Kind::Date, [Token::Num(v, 8)]) if !era => {
            parts.year = Some(Year { value: v / 10_000, digits: 4 });
            parts.month = Some(v / 100 % 100);
            parts.day = Some(v % 100);
        }
        (Kind::YearMonth, [Token::Num(v, 6)]) if !era => {
            parts.year = Some(Year { value: v / 100, digits: 4 });
            parts.month = Some(v % 100);
        }
        (_, [y]) if era || matches!(y, Token::Num(_, 4)) => parts.year = Some(year_of(*y)?),
        (_, [_]) => return None,
        (Kind::Date, [a, b]) if !era && !matches!(a, Token::Num(_, 4)) => {
            parts.month = Some(num_of(*a)?);
            parts.day = Some(num_of(*b)?);
        }
        (_, [y, m]) => {
            parts.year = Some(year_of(*y)?);
            parts.month = Some(num_of(*m)?);
        }
        (Kind::Date, [y, m, d]) => {
            parts.year = Some(year_of(*y)?);
            parts.month = Some(num_of(*m)?);
            parts.day = Some(num_of(*d)?);
        }
        _ => return None,
    }
    Some(parts)
}

/// Reads the inputs of a date widget: `{"era"?, "year", "month", "day"}`, each a string or a
/// number; an empty one is missing.
fn parse_object(o: &serde_json::Map<String, Json>, kind: Kind) -> Option<Parts> {
    let text = |key: &str| -> Option<Option<String>> {
        match o.get(key) {
            None | Some(Json::Null) => Some(None),
            Some(Json::String(s)) => {
                let t = fold_width(&clean(s, Lines::One)).replace(' ', "");
                Some((!t.is_empty()).then_some(t))
            }
            Some(Json::Number(n)) => Some(Some(n.to_string())),
            Some(_) => None,
        }
    };
    let number = |t: &str, max_digits: usize| -> Option<(u32, usize)> {
        let t = t.strip_suffix(['年', '月', '日']).unwrap_or(t);
        (t.len() <= max_digits && !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit()))
            .then(|| t.parse().ok().map(|v| (v, t.len())))
            .flatten()
    };
    let mut parts = Parts::default();
    if let Some(era) = text("era")? {
        parts.era = Some(Era::parse(&era)?);
    }
    if let Some(y) = text("year")? {
        let y = y.strip_suffix('年').unwrap_or(&y);
        parts.year = Some(if y == "元" {
            Year { value: 1, digits: 0 }
        } else {
            let (value, digits) = number(y, 4)?;
            Year { value, digits }
        });
    }
    if let Some(m) = text("month")? {
        parts.month = Some(number(&m, 2)?.0);
    }
    if kind == Kind::Date {
        if let Some(d) = text("day")? {
            parts.day = Some(number(&d, 2)?.0);
        }
    } else if text("day")?.is_some() {
        return None;
    }
    Some(parts)
}

/// Why the parts are not one date yet: the first missing part, or an impossible one.
fn judge(kind: Kind, parts: &Parts, field: &Field, today: Date) -> Outcome {
    let code = |what: &str| kind.code(what);
    // 1. A missing part.
    let missing = match (parts.year, parts.month, parts.day) {
        (None, _, _) => Some("missing_year"),
        (_, None, _) => Some("missing_month"),
        (_, _, None) if kind == Kind::Date => Some("missing_day"),
        _ => None,
    };
    if let Some(what) = missing {
        return Outcome::problem(Problem::error(code(what), State::Empty));
    }
    let (Some(year), Some(month)) = (parts.year, parts.month) else {
        return Outcome::problem(Problem::error(code("wrong_format"), State::WrongFormat));
    };
    let day = parts.day.unwrap_or(1);
    let month8 = u8::try_from(month).unwrap_or(u8::MAX);
    let day8 = u8::try_from(day).unwrap_or(u8::MAX);
    // 2. Read as one date.
    let read: Result<Date, Problem> = match parts.era {
        None if year.digits < 4 => Err(ambiguous(kind, year, month8, day8, parts.day.is_some(), field, today)),
        None => match Date::new(year.value as i32, month8, day8) {
            Some(d) => Ok(d),
            None => Err(impossible(kind, year.value as i32, month, day)),
        },
        Some(_) if year.digits > 3 => Err(Problem::error(code("wrong_format"), State::WrongFormat)),
        Some(era) => {
            let result = match kind {
                Kind::Date => wareki::from_wareki(era, year.value, month8, day8),
                Kind::YearMonth => wareki::from_wareki_month(era, year.value, month8)
                    .and_then(|(y, m)| Date::new(y, m, 1).ok_or(WarekiError::Impossible)),
            };
            result.map_err(|e| era_problem(kind, e, era, year.value, month, day))
        }
    };
    let date = match read {
        Ok(d) => d,
        Err(p) => return Outcome::problem(p),
    };
    // 3. The field's rules.
    let (value, normalized, today_key, key) = match kind {
        Kind::Date => (
            Value::Date(date),
            date.to_string(),
            (today.year(), today.month(), today.day()),
            (date.year(), date.month(), date.day()),
        ),
        Kind::YearMonth => (
            Value::YearMonth { year: date.year(), month: date.month() },
            format!("{:04}-{:02}", date.year(), date.month()),
            (today.year(), today.month(), 0),
            (date.year(), date.month(), 0),
        ),
    };
    let mut problems = Vec::new();
    if field.not_future && key > today_key {
        problems.push(Problem::error(code("future"), State::OutOfRange));
    }
    if field.not_past && key < today_key {
        problems.push(Problem::error(code("past"), State::OutOfRange));
    }
    Outcome { value: Some(value), normalized: Some(Json::String(normalized)), problems }
}

/// `impossible`, naming the part that does not exist: 13月, 2月30日, 2025年の2月29日, 0年.
fn impossible(kind: Kind, year: i32, month: u32, day: u32) -> Problem {
    let p = Problem::error(kind.code("impossible"), State::Impossible);
    if !Date::YEARS.contains(&year) {
        return p.arg("part", "year").arg("year", year);
    }
    if !(1..=12).contains(&month) {
        return p.arg("part", "month").arg("month", month);
    }
    let p = p.arg("month", month).arg("day", day);
    let last_day = u8::try_from(month).map_or(0, |m| days_in_month(year, m));
    if month == 2 && day == 29 && !is_leap_year(year) {
        return p.arg("part", "leap").arg("year", year).arg("last_day", last_day);
    }
    p.arg("part", "day").arg("last_day", last_day)
}

/// The problem of a 和暦 date that is not one date.
fn era_problem(kind: Kind, e: WarekiError, era: Era, year: u32, month: u32, day: u32) -> Problem {
    let written = |era: Era, year: u32, month: u32, day: Option<u32>| match day {
        Some(d) => format!("{}{month}月{d}日", wareki::format_year(era, year)),
        None => format!("{}{month}月", wareki::format_year(era, year)),
    };
    let day_part = (kind == Kind::Date).then_some(day);
    let iso = |d: Date| match kind {
        Kind::Date => d.to_string(),
        Kind::YearMonth => format!("{:04}-{:02}", d.year(), d.month()),
    };
    match e {
        WarekiError::YearOutOfRange { last_year } => {
            let mut p = Problem::error(kind.code("era_out_of_range"), State::Impossible)
                .arg("era", era.name())
                .arg("year", year)
                .arg("last", last_year.map_or_else(|| "none".to_string(), |l| l.to_string()));
            // 平成32年3月31日, as printed on cards before 2019, is 2020-03-31 by the arithmetic.
            let meant = last_year
                .filter(|last| year > *last)
                .and_then(|_| wareki::by_arithmetic(era, year, u8::try_from(month).ok()?, u8::try_from(day).ok()?))
                .and_then(|d| wareki::to_wareki(d).map(|(e, y)| (d, e, y)));
            if let Some((date, right_era, right_year)) = meant {
                let right = written(right_era, right_year, month, day_part);
                p = p.fix(MachineFix {
                    code: "fix-wareki-era",
                    value: iso(date),
                    args: vec![("right", right), ("iso", iso(date))],
                });
            }
            p
        }
        WarekiError::Lunar => {
            Problem::error(kind.code("lunar_calendar"), State::Impossible).arg("era", era.name()).arg("year", year)
        }
        WarekiError::Impossible => {
            impossible(kind, i32::try_from(era.gregorian_year(year)).unwrap_or(i32::MAX), month, day)
        }
        WarekiError::WrongEra { date, era: right_era, year: right_year } => {
            let given = written(era, year, month, day_part);
            let right = written(right_era, right_year, month, day_part);
            Problem::error(kind.code("wrong_era"), State::Impossible)
                .arg("given", &given)
                .arg("right", &right)
                .arg("era", era.name())
                .arg("right_era", right_era.name())
                .fix(MachineFix {
                    code: "fix-wareki-era",
                    value: iso(date),
                    args: vec![("right", right), ("iso", iso(date))],
                })
        }
    }
}

/// `ambiguous_year`: a year of one to three digits without an era. The fix reads it in the
/// current era when that gives a real date the field allows (7年1月5日 → 令和7年 → 2025).
fn ambiguous(kind: Kind, year: Year, month: u8, day: u8, has_day: bool, field: &Field, today: Date) -> Problem {
    let p = Problem::error(kind.code("ambiguous_year"), State::WrongFormat).arg("year", year.text());
    let Some((era, now)) = wareki::to_wareki(today) else { return p };
    if year.value > now {
        return p;
    }
    let read = match kind {
        Kind::Date => wareki::from_wareki(era, year.value, month, if has_day { day } else { 1 }).ok(),
        Kind::YearMonth => wareki::from_wareki_month(era, year.value, month).ok().and_then(|(y, m)| Date::new(y, m, 1)),
    };
    let Some(date) = read else { return p };
    let (key, today_key) = match kind {
        Kind::Date => (date, today),
        Kind::YearMonth => (date, Date::new(today.year(), today.month(), 1).unwrap_or(today)),
    };
    if (field.not_future && key > today_key) || (field.not_past && key < today_key) {
        return p;
    }
    let value = match kind {
        Kind::Date => date.to_string(),
        Kind::YearMonth => format!("{:04}-{:02}", date.year(), date.month()),
    };
    p.fix(MachineFix {
        code: "fix-wareki-to-seireki",
        value,
        args: vec![("era_year", wareki::format_year(era, year.value)), ("year", date.year().to_string())],
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn run(ty: &str, extra: Json, answer: Json) -> Outcome {
        let mut f = json!({"id": "f", "type": ty, "label": {"ja": "生年月日", "en": "Date of birth"}});
        if let (Some(o), Some(e)) = (f.as_object_mut(), extra.as_object()) {
            o.extend(e.clone());
        }
        let f: Field = serde_json::from_value(f).unwrap();
        let cx = Context { today: Date::new(2025, 6, 1).unwrap(), code_lists: &[] };
        super::super::interpret(f.resolved_type(), &f, &answer, &cx)
    }

    fn iso(answer: &str) -> Option<String> {
        let o = run("date", json!({}), json!(answer));
        assert!(o.problems.is_empty(), "{answer}: {:?}", o.problems);
        o.normalized.and_then(|n| n.as_str().map(String::from))
    }

    fn code(ty: &str, answer: Json) -> &'static str {
        run(ty, json!({"not_future": true}), answer).problems.first().map_or("ok", |p| p.code)
    }

    #[test]
    fn every_usual_form_is_read() {
        for s in [
            "2025-01-05",
            "2025/1/5",
            "2025.1.5",
            "20250105",
            "2025年1月5日",
            "２０２５年１月５日",
            "2025 年 1 月 5 日",
            "令和7年1月5日",
            "R7.1.5",
            "R7/1/5",
            "r7-1-5",
            "令7.1.5",
            "R.7.1.5",
            "Reiwa 7.1.5",
            "\u{32FF}7年1月5日",
            "2025ー01ー05",
            "れいわ7ねん1月5日",
            "レイワ7年1月5日",
        ] {
            assert_eq!(iso(s).as_deref(), Some("2025-01-05"), "{s}");
        }
        assert_eq!(iso("H31.4.30").as_deref(), Some("2019-04-30"));
        assert_eq!(iso("平成元年1月8日").as_deref(), Some("1989-01-08"));
        assert_eq!(iso("S64.1.7").as_deref(), Some("1989-01-07"));
        assert_eq!(iso("明治6年1月1日").as_deref(), Some("1873-01-01"));
        let o = run("date", json!({}), json!({"era": "R", "year": "7", "month": "1", "day": "5"}));
        assert_eq!(o.normalized, Some(json!("2025-01-05")));
        let o = run("year_month", json!({}), json!("令和7年1月"));
        assert_eq!(o.normalized, Some(json!("2025-01")));
        assert_eq!(o.value, Some(Value::YearMonth { year: 2025, month: 1 }));
    }

    #[test]
    fn a_missing_part_comes_first() {
        assert_eq!(code("date", json!("2025年1月")), "date.missing_day");
        assert_eq!(code("date", json!("1月5日")), "date.missing_year");
        assert_eq!(code("date", json!("2025年5日")), "date.missing_month");
        assert_eq!(code("date", json!("2025")), "date.missing_month");
        assert_eq!(code("date", json!({"year": "2025", "month": "", "day": "30"})), "date.missing_month");
        assert_eq!(code("year_month", json!("2025")), "year_month.missing_month");
    }

    #[test]
    fn impossible_dates_and_eras() {
        let o = run("date", json!({}), json!("2025年2月30日"));
        assert_eq!(o.problems[0].code, "date.impossible");
        assert_eq!(
            o.problems[0].args,
            vec![("month", "2".into()), ("day", "30".into()), ("part", "day".into()), ("last_day", "28".into())]
        );
        assert_eq!(code("date", json!("2025-13-01")), "date.impossible");
        assert_eq!(code("date", json!("平成32年1月1日")), "date.era_out_of_range");
        assert_eq!(code("date", json!("明治3年5月10日")), "date.lunar_calendar");
        let o = run("date", json!({}), json!("平成31年5月1日"));
        assert_eq!(o.problems[0].code, "date.wrong_era");
        assert_eq!(o.problems[0].machine_fix.as_ref().unwrap().value, "2019-05-01");
        assert_eq!(o.value, None);
        let o = run("date", json!({}), json!("平成32年3月31日"));
        assert_eq!(o.problems[0].machine_fix.as_ref().unwrap().value, "2020-03-31");
    }

    #[test]
    fn a_year_without_era_is_not_guessed() {
        let o = run("date", json!({}), json!("7年1月5日"));
        assert_eq!(o.problems[0].code, "date.ambiguous_year");
        let fix = o.problems[0].machine_fix.as_ref().unwrap();
        assert_eq!(fix.value, "2025-01-05");
        assert_eq!(fix.args, vec![("era_year", "令和7年".into()), ("year", "2025".into())]);
        let o = run("date", json!({}), json!("50/3/2"));
        assert_eq!(o.problems[0].code, "date.ambiguous_year");
        assert!(o.problems[0].machine_fix.is_none());
    }

    #[test]
    fn rules_come_last() {
        assert_eq!(code("date", json!("2025-06-02")), "date.future");
        assert_eq!(code("date", json!("2025-06-01")), "ok");
        let o = run("date", json!({"not_past": true}), json!("2025-05-31"));
        assert_eq!(o.problems[0].code, "date.past");
        assert!(o.value.is_some());
        assert_eq!(code("year_month", json!("2025-07")), "year_month.future");
        assert_eq!(code("year_month", json!("2025-06")), "ok");
    }

    #[test]
    fn what_is_not_a_date() {
        for s in ["abc", "2025-01-05-01", "20251", "2025年1月5日6日", "1/2/3/4", "5", "R", "令和2025年1月5日"]
        {
            assert_eq!(code("date", json!(s)), "date.wrong_format", "{s}");
        }
        assert_eq!(code("year_month", json!("2025-01-05")), "year_month.wrong_format");
        assert_eq!(code("date", json!(true)), "date.wrong_format");
    }
    use super::super::text::check;

    #[test]
    fn every_code_has_words_in_three_languages() {
        check::catalogue_is_complete(CODES, FIXES);
    }

    const BIRTH: [&str; 3] = ["生年月日", "Date of birth", "うまれた ひ"];
    const MOVED_IN: [&str; 3] = ["転入した日", "Date you moved in", "ひっこして きた ひ"];
    const MOVING_OUT: [&str; 3] = ["転出予定日", "Date you plan to move out", "ひっこす ひ"];
    const TOGETHER: [&str; 3] = ["同居を始めた月", "Month you started living together", "いっしょに すみはじめた つき"];

    #[test]
    fn snapshot_date() {
        let past = json!({"not_future": true});
        let mut out = check::render(
            "date",
            BIRTH,
            &[
                (past.clone(), json!("1990-04-01")),
                (past.clone(), json!("1990/4/1")),
                (past.clone(), json!("１９９０年４月１日")),
                (past.clone(), json!("平成2年4月1日")),
                (past.clone(), json!("H2.4.1")),
                (past.clone(), json!("S64.1.7")),
                (past.clone(), json!("平成元年1月8日")),
                (past.clone(), json!({"era": "平成", "year": "2", "month": "4", "day": "1"})),
                (past.clone(), json!("1990年4月")),
                (past.clone(), json!({"year": "1990", "month": "", "day": "1"})),
                (past.clone(), json!("4月1日")),
                (past.clone(), json!("2月30日")),
                (past.clone(), json!("2/30")),
                (past.clone(), json!("平成31年5月1日")),
                (past.clone(), json!("昭和64年1月8日")),
                (past.clone(), json!("平成0年4月1日")),
                (past.clone(), json!("明治3年5月10日")),
                (past.clone(), json!("2026-01-01")),
                (past.clone(), json!("50/3/2")),
                (past.clone(), json!("生まれた日")),
                (past.clone(), json!("\u{200B}")),
            ],
            CODES,
            FIXES,
        );
        out.push_str(&check::render(
            "date",
            MOVED_IN,
            &[
                (past.clone(), json!("2025年2月30日")),
                (past.clone(), json!("2025年2月29日")),
                (past.clone(), json!("2025年13月1日")),
                (past.clone(), json!("0000-01-01")),
                (past.clone(), json!("7年5月3日")),
                (past.clone(), json!("R7.5.3")),
                (past.clone(), json!("令和8年1月1日")),
            ],
            CODES,
            FIXES,
        ));
        out.push_str(&check::render(
            "date",
            MOVING_OUT,
            &[(json!({"not_past": true}), json!("2025-05-31")), (json!({"not_past": true}), json!("平成32年3月31日"))],
            CODES,
            FIXES,
        ));
        insta::assert_snapshot!("date", out);
    }

    #[test]
    fn snapshot_year_month() {
        let past = json!({"not_future": true});
        let cases = [
            (past.clone(), json!("2023年5月")),
            (past.clone(), json!("令和5年5月")),
            (past.clone(), json!("R5/5")),
            (past.clone(), json!({"era": "R", "year": "5", "month": "5"})),
            (past.clone(), json!("2023")),
            (past.clone(), json!("5月")),
            (past.clone(), json!("2023年13月")),
            (past.clone(), json!("平成31年5月")),
            (past.clone(), json!("令和元年4月")),
            (past.clone(), json!("平成32年4月")),
            (past.clone(), json!("5年5月")),
            (past.clone(), json!("2025年7月")),
            (json!({"not_past": true}), json!("2025年5月")),
            (past.clone(), json!("2023-05-01")),
            (past.clone(), json!("明治2年3月")),
        ];
        insta::assert_snapshot!("year_month", check::render("year_month", TOGETHER, &cases, CODES, FIXES));
    }

    proptest::proptest! {
        #[test]
        fn any_text_is_read_and_normalising_is_idempotent(s in check::any_text(), i in 0usize..4) {
            let (ty, extra) = [
                ("date", json!({})),
                ("date", json!({"not_future": true})),
                ("year_month", json!({"not_past": true})),
                ("year_month", json!({})),
            ][i].clone();
            if crate::validate::is_empty(&json!(s)) {
                return Ok(());
            }
            check::assert_invariants(&check::field(ty, BIRTH, &extra), &json!(s));
        }

        #[test]
        fn any_date_reads_back_from_iso_and_wareki(days in -40_000i64..40_000) {
            let date = Date::from_days(days).unwrap();
            let f = check::field("date", BIRTH, &json!({}));
            let o = check::interpret(&f, &json!(date.to_string()));
            proptest::prop_assert_eq!(o.normalized, Some(json!(date.to_string())));
            if let Some(wareki) = crate::validate::wareki::format_date(date) {
                let o = check::interpret(&f, &json!(wareki));
                proptest::prop_assert_eq!(o.normalized, Some(json!(date.to_string())), "{}", wareki);
            }
        }

        #[test]
        fn any_date_parts_are_read_without_panic(
            era in proptest::option::of("[RrHhSsTtMm令平昭大明]|令和|平成|X"),
            y in "[0-9元]{0,6}", m in "[0-9]{0,4}", d in "[0-9a]{0,3}",
        ) {
            let f = check::field("date", BIRTH, &json!({"not_future": true}));
            let answer = json!({"era": era, "year": y, "month": m, "day": d});
            if !crate::validate::is_empty(&answer) {
                check::assert_invariants(&f, &answer);
            }
        }
    }

    #[test]
    fn a_megabyte_of_anything_is_read() {
        let big = check::megabyte();
        for ty in ["date", "year_month"] {
            check::assert_invariants(&check::field(ty, BIRTH, &json!({})), &json!(big));
            check::assert_invariants(&check::field(ty, BIRTH, &json!({})), &json!("1".repeat(1 << 20)));
        }
    }
}
