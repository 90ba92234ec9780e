//! Answers as residents read them: the one formatter of the SDK (JOURNEY.md §6).
//!
//! A normalised answer in, text for a person out: codes as their labels, dates as
//! 「2026年12月4日（金）」 / "4 December 2026", はい/いいえ, 〒999-4112, phone numbers with
//! hyphens, 「1,200円」, an address on one line, names with a space, a repeating group's items,
//! and every My Number masked as 「●●●● ●●●● 9018」. The check-your-answers page
//! ([`crate::journey::check_page`]), [`crate::session::Session::summary`] and
//! [`crate::host::answer_text`] all read answers here; every word comes from the message
//! catalogue (`ui-` ids).

use serde_json::{Map, Value as Json};

use super::{ADDRESS_PARTS, OptionView, QuestionView};
use crate::date::Date;
use crate::model::{FieldType, Lang};
use crate::words::{ui_text, ui_text_with};

/// What a masked My Number shows before its last four digits.
const MASKED_GROUPS: &str = "●●●● ●●●● ";

/// What the formatter knows of a question: its type (when known), its choices, whether it is
/// specific personal information, and a group's inner questions.
#[derive(Clone, Copy)]
struct Shape<'a> {
    ty: Option<FieldType>,
    options: &'a [OptionView],
    sensitive: bool,
    parts: &'a [QuestionView],
}

impl<'a> Shape<'a> {
    fn of(question: &'a QuestionView) -> Shape<'a> {
        Shape {
            ty: FieldType::from_name(&question.type_name),
            options: &question.options,
            sensitive: question.sensitive,
            parts: &question.parts,
        }
    }

    fn untyped(options: &'a [OptionView], sensitive: bool) -> Shape<'a> {
        Shape { ty: None, options, sensitive, parts: &[] }
    }
}

/// The answer to `question` as the resident reads it in `lang`; empty for no answer (the
/// check page says 「未入力」 itself). `typed` is the answer as the resident typed it, when the
/// host has it: a fixed-line phone number keeps the resident's own hyphens where its area
/// code's length is not obvious.
pub fn answer_text(question: &QuestionView, answer: &Json, typed: Option<&Json>, lang: Lang) -> String {
    text(Shape::of(question), answer, typed, lang)
}

/// An answer whose question is not at hand (a profile's fact), read by its shape: `options`
/// name its codes, `sensitive` masks it. See [`crate::host::answer_text`].
pub fn untyped_answer_text(answer: &Json, options: &[OptionView], sensitive: bool, lang: Lang) -> String {
    text(Shape::untyped(options, sensitive), answer, None, lang)
}

/// The text of one inner answer of a repeating group's item (`part` is the inner question).
fn part_text(part: &QuestionView, item: &Map<String, Json>, typed: Option<&Map<String, Json>>, lang: Lang) -> String {
    match item.get(&part.key) {
        Some(answer) => answer_text(part, answer, typed.and_then(|t| t.get(&part.key)), lang),
        None => String::new(),
    }
}

pub use crate::words::date_text;

/// A year and month as residents read them: 「2026年12月」, "December 2026".
pub fn year_month_text(year: i32, month: u8, lang: Lang) -> String {
    ui_text_with(lang, "ui-year-month", &[("year", year.to_string()), ("month", month.to_string())])
}

/// An amount of yen: 「1,200円」, "¥1,200".
pub fn yen_text(amount: i64, lang: Lang) -> String {
    let digits = amount.unsigned_abs().to_string();
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(c);
    }
    if amount < 0 {
        grouped.insert(0, '-');
    }
    ui_text_with(lang, "ui-amount-yen", &[("amount", grouped)])
}

/// A postal code: 「〒999-4112」 (the digits with their hyphen in every language).
pub fn postal_code_text(code: &str, lang: Lang) -> String {
    let digits: String = code.chars().filter(char::is_ascii_digit).collect();
    let code = if digits.len() == 7 { format!("{}-{}", &digits[..3], &digits[3..]) } else { code.to_string() };
    ui_text_with(lang, "ui-postal-code", &[("code", code)])
}

/// A My Number as anyone may see it: 「●●●● ●●●● 9018」, its last four digits only (none when
/// it has four or fewer). Whatever the answer holds, no other digit of it is written.
pub fn masked_my_number(answer: &Json) -> String {
    let digits: Vec<char> = match answer {
        Json::String(s) => s.chars().filter_map(ascii_digit).collect(),
        Json::Number(n) => n.to_string().chars().filter(char::is_ascii_digit).collect(),
        _ => Vec::new(),
    };
    if digits.len() <= 4 {
        return super::MASK.to_string();
    }
    let last: String = digits[digits.len() - 4..].iter().collect();
    format!("{MASKED_GROUPS}{last}")
}

/// A digit, full-width ones read as ASCII.
fn ascii_digit(c: char) -> Option<char> {
    match c {
        '0'..='9' => Some(c),
        '０'..='９' => char::from_u32(u32::from(c) - u32::from('０') + u32::from('0')),
        _ => None,
    }
}

/// A telephone number with hyphens, as Japanese numbers are written: mobile, IP and similar
/// 11-digit numbers 090-1234-5678, 0120-123-456, 0800-123-4567, Tokyo and Osaka 03-1234-5678;
/// other fixed lines (whose area code may be 3 to 5 digits) as the resident grouped them
/// (`typed`), else as the digits.
pub fn phone_text(digits: &str, typed: Option<&str>) -> String {
    let b = digits.as_bytes();
    if b.is_empty() || !b.iter().all(u8::is_ascii_digit) || b[0] != b'0' {
        return digits.to_string();
    }
    let split = |lengths: &[usize]| {
        let mut out = Vec::new();
        let mut at = 0;
        for n in lengths {
            out.push(&digits[at..at + n]);
            at += n;
        }
        out.join("-")
    };
    let nationwide = ["0120", "0570", "0990", "0180"];
    match b.len() {
        11 if digits.starts_with("0800") => split(&[4, 3, 4]),
        11 if matches!(b[1], b'2' | b'5' | b'6' | b'7' | b'8' | b'9') && b[2] == b'0' => split(&[3, 4, 4]),
        10 if nationwide.iter().any(|p| digits.starts_with(p)) => split(&[4, 3, 3]),
        10 if b[1] == b'3' || b[1] == b'6' => split(&[2, 4, 4]),
        _ => typed.and_then(|t| typed_groups(t, digits)).unwrap_or_else(|| digits.to_string()),
    }
}

/// The resident's own grouping of a phone number's digits (`+81` read as the trunk 0), when
/// it spells exactly `digits` in two groups or more.
fn typed_groups(typed: &str, digits: &str) -> Option<String> {
    let mut groups: Vec<String> = Vec::new();
    let mut current = String::new();
    for c in typed.chars() {
        match ascii_digit(c) {
            Some(d) => current.push(d),
            None if !current.is_empty() => groups.push(std::mem::take(&mut current)),
            None => {}
        }
    }
    if !current.is_empty() {
        groups.push(current);
    }
    if typed.trim_start().starts_with(['+', '＋']) && groups.first().is_some_and(|g| g == "81") {
        groups.remove(0);
        if groups.first().is_some_and(|g| g == "0") {
            groups.remove(0);
        }
        match groups.first_mut() {
            Some(first) if !first.starts_with('0') => first.insert(0, '0'),
            _ => {}
        }
    }
    (groups.len() >= 2 && groups.concat() == digits).then(|| groups.join("-"))
}

/// An address on one line: 「〒999-4112 山形県北村山郡大石田町緑町1-1 コーポ山田 101」 in
/// Japanese; smallest part first in English ("コーポ山田 101, 緑町1-1, 北村山郡大石田町, 山形県
/// 999-4112").
pub fn address_text(address: &Map<String, Json>, lang: Lang) -> String {
    let part = |name: &str| -> String {
        match address.get(name) {
            Some(Json::String(s)) => s.trim().to_string(),
            Some(Json::Number(n)) => n.to_string(),
            _ => String::new(),
        }
    };
    let postal = Some(part("postal_code")).filter(|p| !p.is_empty()).map(|p| postal_code_text(&p, lang));
    let street = format!("{}{}", part("town"), part("block"));
    let building = part("building");
    let pieces: Vec<String> = match lang {
        Lang::En => {
            let region = [part("prefecture"), postal.unwrap_or_default()]
                .into_iter()
                .filter(|p| !p.is_empty())
                .collect::<Vec<_>>()
                .join(" ");
            vec![building, street, part("city"), region]
        }
        Lang::Ja | Lang::JaEasy => {
            let place = format!("{}{}{}", part("prefecture"), part("city"), street);
            vec![postal.unwrap_or_default(), place, building]
        }
    };
    let separator = if lang == Lang::En { ", " } else { " " };
    pieces.into_iter().filter(|p| !p.is_empty()).collect::<Vec<_>>().join(separator)
}

/// A person's name: family and given name with a space between.
pub fn name_text(name: &Map<String, Json>) -> String {
    ["family", "given"]
        .iter()
        .filter_map(|p| name.get(*p).and_then(Json::as_str))
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether an answer is no answer (null, blank text, an empty list or object).
pub fn is_blank(answer: &Json) -> bool {
    match answer {
        Json::Null => true,
        Json::String(s) => s.trim().is_empty(),
        Json::Array(a) => a.is_empty(),
        Json::Object(o) => o.is_empty(),
        _ => false,
    }
}

/// The type an answer's shape suggests, when its question is not at hand.
fn infer(answer: &Json, options: &[OptionView]) -> FieldType {
    match answer {
        Json::Bool(_) => FieldType::Boolean,
        Json::Number(_) => FieldType::Decimal,
        Json::String(s) if options.iter().any(|o| &o.value == s) => FieldType::Choice,
        Json::String(s) if Date::parse_iso(s).is_some() => FieldType::Date,
        Json::String(_) | Json::Null => FieldType::Text,
        Json::Array(items) if !items.is_empty() && items.iter().all(Json::is_object) => FieldType::Group,
        Json::Array(_) => FieldType::MultiChoice,
        Json::Object(o) if o.contains_key("name") && o.contains_key("size_kb") => FieldType::File,
        Json::Object(o) if o.contains_key("family") || o.contains_key("given") => FieldType::PersonName,
        Json::Object(o) if ADDRESS_PARTS.iter().any(|(p, _)| o.contains_key(*p)) => FieldType::Address,
        Json::Object(_) => FieldType::Group,
    }
}

fn label_of<'o>(options: &'o [OptionView], value: &'o str) -> &'o str {
    options.iter().find(|o| o.value == value).map_or(value, |o| o.label.as_str())
}

fn text(shape: Shape<'_>, answer: &Json, typed: Option<&Json>, lang: Lang) -> String {
    if is_blank(answer) {
        return String::new();
    }
    let ty = shape.ty.unwrap_or_else(|| infer(answer, shape.options));
    if shape.sensitive || ty == FieldType::MyNumber {
        return masked_my_number(answer);
    }
    let list = |items: Vec<String>| {
        items.into_iter().filter(|i| !i.is_empty()).collect::<Vec<_>>().join(&ui_text(lang, "ui-list-separator"))
    };
    match (ty, answer) {
        (_, Json::Bool(b)) => ui_text(lang, if *b { "ui-yes" } else { "ui-no" }),
        (FieldType::Date, Json::String(s)) => Date::parse_iso(s).map_or_else(|| s.clone(), |d| date_text(d, lang)),
        (FieldType::YearMonth, Json::String(s)) => Date::parse_iso(&format!("{s}-01"))
            .map_or_else(|| s.clone(), |d| year_month_text(d.year(), d.month(), lang)),
        (FieldType::Money, Json::Number(n)) => n.as_i64().map_or_else(|| n.to_string(), |n| yen_text(n, lang)),
        (FieldType::PostalCode, Json::String(s)) => postal_code_text(s, lang),
        (FieldType::Phone, Json::String(s)) => phone_text(s, typed.and_then(Json::as_str)),
        (_, Json::String(s)) => label_of(shape.options, s).to_string(),
        (_, Json::Number(n)) => n.to_string(),
        (FieldType::Group, Json::Array(items)) => {
            let items: Vec<String> = items
                .iter()
                .enumerate()
                .map(|(i, item)| {
                    let typed_item = typed.and_then(|t| t.get(i)).and_then(Json::as_object);
                    item_text(shape, item, typed_item, lang)
                })
                .filter(|t| !t.is_empty())
                .collect();
            items.join(&ui_text(lang, "ui-item-separator"))
        }
        (_, Json::Array(items)) => {
            let item_shape = Shape { ty: None, parts: &[], ..shape };
            list(items.iter().map(|i| text(item_shape, i, None, lang)).collect())
        }
        (FieldType::File, Json::Object(o)) => o.get("name").and_then(Json::as_str).unwrap_or_default().to_string(),
        (FieldType::PersonName, Json::Object(o)) => name_text(o),
        (FieldType::Address, Json::Object(o)) => address_text(o, lang),
        (_, Json::Object(_)) => item_text(shape, answer, typed.and_then(Json::as_object), lang),
        (_, Json::Null) => String::new(),
    }
}

/// One item of a repeating group on one line: its inner answers in the group's order (in
/// key order when the group's questions are not at hand, a My Number's key masked).
fn item_text(shape: Shape<'_>, item: &Json, typed: Option<&Map<String, Json>>, lang: Lang) -> String {
    let Some(item) = item.as_object() else { return text(Shape { ty: None, parts: &[], ..shape }, item, None, lang) };
    let texts: Vec<String> = if shape.parts.is_empty() {
        item.iter()
            .map(|(k, v)| {
                let inner = Shape::untyped(&[], crate::profile::is_my_number_concept(k));
                text(inner, v, typed.and_then(|t| t.get(k)), lang)
            })
            .collect()
    } else {
        shape.parts.iter().map(|p| part_text(p, item, typed, lang)).collect()
    };
    texts.into_iter().filter(|t| !t.is_empty()).collect::<Vec<_>>().join(&ui_text(lang, "ui-list-separator"))
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn d(s: &str) -> Date {
        Date::parse_iso(s).unwrap()
    }

    #[test]
    fn dates_read_as_residents_read_them() {
        assert_eq!(date_text(d("2026-12-04"), Lang::Ja), "2026年12月4日（金）");
        assert_eq!(date_text(d("2026-12-04"), Lang::En), "4 December 2026");
        assert_eq!(date_text(d("2026-12-04"), Lang::JaEasy), "2026ねん 12がつ 4にち（きん）");
        assert_eq!(date_text(d("2026-11-23"), Lang::Ja), "2026年11月23日（月）");
        assert_eq!(date_text(d("1990-05-05"), Lang::En), "5 May 1990");
        assert_eq!(year_month_text(2026, 1, Lang::Ja), "2026年1月");
        assert_eq!(year_month_text(2026, 1, Lang::En), "January 2026");
        assert_eq!(year_month_text(2026, 1, Lang::JaEasy), "2026ねん 1がつ");
    }

    #[test]
    fn every_month_and_weekday_has_its_word() {
        let mut seen = std::collections::HashSet::new();
        for offset in 0..7 {
            for lang in Lang::ALL {
                let text = date_text(d("2026-11-23").add_days(offset).unwrap(), lang);
                assert!(!text.contains('{'), "{text}");
                assert!(seen.insert(text));
            }
        }
        for month in 1..=12 {
            for lang in Lang::ALL {
                let text = year_month_text(2026, month, lang);
                assert!(!text.contains('{'), "{text}");
                assert!(seen.insert(text));
            }
        }
    }

    #[test]
    fn my_numbers_show_only_their_last_four_digits() {
        assert_eq!(masked_my_number(&json!("123456789018")), "●●●● ●●●● 9018");
        assert_eq!(masked_my_number(&json!("１２３４ ５６７８ ９０１８")), "●●●● ●●●● 9018");
        assert_eq!(masked_my_number(&json!(123456789018_i64)), "●●●● ●●●● 9018");
        assert_eq!(masked_my_number(&json!("1234")), crate::views::MASK);
        assert_eq!(masked_my_number(&json!({"a": "123456789018"})), crate::views::MASK);
    }

    #[test]
    fn phone_numbers_are_hyphenated_as_written_in_japan() {
        assert_eq!(phone_text("09012345678", None), "090-1234-5678");
        assert_eq!(phone_text("05012345678", None), "050-1234-5678");
        assert_eq!(phone_text("0120123456", None), "0120-123-456");
        assert_eq!(phone_text("08001234567", None), "0800-123-4567");
        assert_eq!(phone_text("0312345678", None), "03-1234-5678");
        assert_eq!(phone_text("0612345678", None), "06-1234-5678");
        // 0237 or 023? Only the resident's grouping says.
        assert_eq!(phone_text("0237352111", Some("0237-35-2111")), "0237-35-2111");
        assert_eq!(phone_text("0237352111", Some("（０２３７）３５－２１１１")), "0237-35-2111");
        assert_eq!(phone_text("0237352111", Some("+81 237-35-2111")), "0237-35-2111");
        assert_eq!(phone_text("0237352111", Some("+81 (0)237 35 2111")), "0237-35-2111");
        assert_eq!(phone_text("0237352111", Some("0237352111")), "0237352111");
        assert_eq!(phone_text("0237352111", Some("0237-35-2112")), "0237352111", "another number's groups");
        assert_eq!(phone_text("0237352111", None), "0237352111");
    }

    #[test]
    fn money_addresses_and_names() {
        assert_eq!(yen_text(1200, Lang::Ja), "1,200円");
        assert_eq!(yen_text(1200, Lang::En), "¥1,200");
        assert_eq!(yen_text(1_234_567, Lang::Ja), "1,234,567円");
        assert_eq!(yen_text(-300, Lang::Ja), "-300円");
        assert_eq!(yen_text(0, Lang::En), "¥0");
        let address = json!({"postal_code": "999-4112", "prefecture": "山形県", "city": "北村山郡大石田町",
            "town": "緑町", "block": "1-1", "building": "コーポ山田 101"});
        let address = address.as_object().unwrap();
        assert_eq!(address_text(address, Lang::Ja), "〒999-4112 山形県北村山郡大石田町緑町1-1 コーポ山田 101");
        assert_eq!(address_text(address, Lang::En), "コーポ山田 101, 緑町1-1, 北村山郡大石田町, 山形県 999-4112");
        let short = json!({"prefecture": "山形県", "city": "北村山郡大石田町", "town": "緑町", "block": "1"});
        assert_eq!(address_text(short.as_object().unwrap(), Lang::Ja), "山形県北村山郡大石田町緑町1");
        let name = json!({"family": "山田", "given": "花子"});
        assert_eq!(name_text(name.as_object().unwrap()), "山田 花子");
    }

    #[test]
    fn untyped_answers_are_read_by_their_shape() {
        let t = |v: Json| untyped_answer_text(&v, &[], false, Lang::Ja);
        assert_eq!(t(json!("1990-05-05")), "1990年5月5日（土）");
        assert_eq!(t(json!(true)), "はい");
        assert_eq!(t(json!({"family": "山田", "given": "花子"})), "山田 花子");
        assert_eq!(t(json!({"name": "scan.pdf", "size_kb": 3})), "scan.pdf");
        assert_eq!(t(json!([{"name": "山田 花子", "my_number": "123456789018"}])), "●●●● ●●●● 9018、山田 花子");
        assert_eq!(untyped_answer_text(&json!("123456789018"), &[], true, Lang::En), "●●●● ●●●● 9018");
        let options = [OptionView { value: "1".into(), label: "男".into() }];
        assert_eq!(untyped_answer_text(&json!("1"), &options, false, Lang::Ja), "男");
        assert_eq!(untyped_answer_text(&json!(["1"]), &options, false, Lang::Ja), "男");
    }
}
