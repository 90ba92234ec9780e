//! Structured types: `address`, `file` and `group`.
//!
//! - `address` is a JSON object with the parts `postal_code`, `prefecture`, `city`, `town`
//!   (町字), `block` (丁目・番地・号) and `building` (建物名・部屋番号); other keys are ignored.
//!   A part is a string (a whole number is read as its digits). Every part is put in its one
//!   right form as text without a repertoire is: invisible characters dropped, spaces made
//!   single and trimmed, full-width ASCII made ASCII, half-width katakana made full width;
//!   in `block` and `building` a dash of any kind between two digits is a hyphen
//!   (`１ー２－３` → `1-2-3`). The postal code follows the `postal_code` rules (`NNN-NNNN`).
//!   The prefecture is written in full (`東京` → `東京都`; its JIS code `13` also reads);
//!   prefecture, city, town and block are required, the postal code and building are not. Each
//!   part's problem has its own code and the argument `part` (the key), so a widget can mark
//!   the input it belongs to.
//! - `file` is the metadata of an uploaded file, `{name, size_kb, media_type}` (other keys,
//!   such as the host's upload id, are kept as they are). `media_type` is compared without
//!   parameters and case; when it is missing or empty (browsers leave it empty for types they
//!   do not know) it is taken from the file name's extension. `accept` entries may be media
//!   types (`application/pdf`), wildcards (`image/*`) or extensions (`.pdf`).
//! - `group` is a JSON array of objects, one per item; only `min_items` and `max_items` are
//!   checked here (every item counts, also one left blank). The items' fields are validated
//!   by the form, in each item's scope. At most [`item_limit`] items are read: `max_items`, and
//!   never more than [`MAX_GROUP_ITEMS`]. Items past it are one `group.too_many` problem, not
//!   read, so the work of a validation is bounded by the form, not by the answer.

use std::collections::BTreeMap;

use serde_json::{Map, Value as Json};

use super::identifiers::{PostalError, parse_postal_code};
use crate::model::Field;
use crate::validate::clean::{Lines, clean};
use crate::validate::kana::widen_kana;
use crate::validate::normalize::{fold_width, is_hyphen_like};
use crate::validate::{Context, Outcome, Problem, State};
use crate::value::Value;

/// Every problem code the structured types emit.
pub const CODES: &[&str] = &[
    "address.wrong_format",
    "address.postal_code_wrong_characters",
    "address.postal_code_wrong_length",
    "address.prefecture_missing",
    "address.prefecture_unknown",
    "address.city_missing",
    "address.town_missing",
    "address.block_missing",
    "file.wrong_format",
    "file.too_large",
    "file.wrong_type",
    "group.wrong_format",
    "group.too_few",
    "group.too_many",
];

/// Reads, normalises and judges one non-empty answer.
pub fn interpret(kind: Kind, field: &Field, answer: &Json, cx: &Context<'_>) -> Outcome {
    let _ = cx;
    match kind {
        Kind::Address => address(answer),
        Kind::File => file(field, answer),
        Kind::Group => group(field, answer),
    }
}

/// The structured types: the dispatcher names one for each field type it sends here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `address`.
    Address,
    /// `file`.
    File,
    /// `group`.
    Group,
}

/// The parts of an address, in the order they are written and checked.
const PARTS: [&str; 6] = ["postal_code", "prefecture", "city", "town", "block", "building"];

/// The 47 prefectures in the order of their JIS X 0401 codes (01 北海道 … 47 沖縄県).
const PREFECTURES: [&str; 47] = [
    "北海道",
    "青森県",
    "岩手県",
    "宮城県",
    "秋田県",
    "山形県",
    "福島県",
    "茨城県",
    "栃木県",
    "群馬県",
    "埼玉県",
    "千葉県",
    "東京都",
    "神奈川県",
    "新潟県",
    "富山県",
    "石川県",
    "福井県",
    "山梨県",
    "長野県",
    "岐阜県",
    "静岡県",
    "愛知県",
    "三重県",
    "滋賀県",
    "京都府",
    "大阪府",
    "兵庫県",
    "奈良県",
    "和歌山県",
    "鳥取県",
    "島根県",
    "岡山県",
    "広島県",
    "山口県",
    "徳島県",
    "香川県",
    "愛媛県",
    "高知県",
    "福岡県",
    "佐賀県",
    "長崎県",
    "熊本県",
    "大分県",
    "宮崎県",
    "鹿児島県",
    "沖縄県",
];

/// The prefecture's full name, from its name with or without 都・府・県, or its JIS code.
pub(crate) fn prefecture(s: &str) -> Option<&'static str> {
    if let Some(p) = PREFECTURES.iter().find(|p| **p == s) {
        return Some(p);
    }
    if !s.is_empty() && s.len() <= 2 && s.bytes().all(|b| b.is_ascii_digit()) {
        let n: usize = s.parse().ok()?;
        return n.checked_sub(1).and_then(|i| PREFECTURES.get(i)).copied();
    }
    PREFECTURES.iter().copied().find(|p| p.strip_suffix(['都', '府', '県']).is_some_and(|short| short == s))
}

/// One part of an address in its one right form (see the module documentation).
fn normalize_part(s: &str) -> String {
    // Most parts are already in their right form: nothing to fold, widen, clean or join.
    let plain = |c: char| {
        !c.is_control()
            && !c.is_whitespace()
            && !crate::validate::clean::is_invisible(c)
            && !matches!(c, '\u{FF01}'..='\u{FF9F}')
            && (c == '-' || !is_hyphen_like(c))
    };
    if s.chars().all(plain) {
        return s.to_string();
    }
    let s = widen_kana(&fold_width(&clean(s, Lines::One)));
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for (i, c) in chars.iter().enumerate() {
        let between_digits = i > 0
            && chars.get(i - 1).is_some_and(char::is_ascii_digit)
            && chars.get(i + 1).is_some_and(char::is_ascii_digit);
        out.push(if between_digits && is_hyphen_like(*c) { '-' } else { *c });
    }
    out
}

fn address(answer: &Json) -> Outcome {
    let wrong_format = || Outcome::problem(Problem::error("address.wrong_format", State::WrongFormat));
    let Json::Object(obj) = answer else { return wrong_format() };
    // In the order of PARTS (a short list: no map needed).
    let mut parts: Vec<(&'static str, String)> = Vec::new();
    for key in PARTS {
        let text = match obj.get(key) {
            None | Some(Json::Null) => continue,
            Some(Json::String(s)) => normalize_part(s),
            Some(Json::Number(n)) if n.is_u64() => n.to_string(),
            Some(_) => return wrong_format(),
        };
        if !text.is_empty() {
            parts.push((key, text));
        }
    }
    let mut problems = Vec::new();
    if let Some(text) = parts.iter_mut().find(|(k, _)| *k == "postal_code").map(|(_, t)| t) {
        match parse_postal_code(text) {
            Ok(code) => *text = code,
            Err(PostalError::WrongCharacters) => problems.push(
                Problem::error("address.postal_code_wrong_characters", State::WrongCharacters)
                    .arg("part", "postal_code"),
            ),
            Err(PostalError::WrongLength(n)) => problems.push(
                Problem::error(
                    "address.postal_code_wrong_length",
                    if n < 7 { State::TooShort } else { State::TooLong },
                )
                .arg("part", "postal_code")
                .arg("count", n),
            ),
        }
    }
    match parts.iter_mut().find(|(k, _)| *k == "prefecture").map(|(_, t)| t) {
        None => problems.push(Problem::error("address.prefecture_missing", State::Empty).arg("part", "prefecture")),
        Some(text) => match prefecture(text) {
            Some(name) => *text = name.to_string(),
            None => {
                problems.push(Problem::error("address.prefecture_unknown", State::Impossible).arg("part", "prefecture"))
            }
        },
    }
    for (key, code) in
        [("city", "address.city_missing"), ("town", "address.town_missing"), ("block", "address.block_missing")]
    {
        if !parts.iter().any(|(k, _)| *k == key) {
            problems.push(Problem::error(code, State::Empty).arg("part", key));
        }
    }
    // Inserted one by one (collecting into a map sorts, a copy of the sort per map type).
    let (mut value, mut normalized) = (BTreeMap::new(), Map::new());
    for (k, v) in parts {
        value.insert(k.to_string(), Value::String(v.clone()));
        normalized.insert(k.to_string(), Json::String(v));
    }
    let (value, normalized) = (Value::Map(value), Json::Object(normalized));
    Outcome { value: Some(value), normalized: Some(normalized), problems }
}

/// Media types by file extension (for a file whose browser gave none).
const EXTENSIONS: &[(&str, &str)] = &[
    ("pdf", "application/pdf"),
    ("jpg", "image/jpeg"),
    ("jpeg", "image/jpeg"),
    ("jpe", "image/jpeg"),
    ("png", "image/png"),
    ("heic", "image/heic"),
    ("heif", "image/heif"),
    ("gif", "image/gif"),
    ("tif", "image/tiff"),
    ("tiff", "image/tiff"),
    ("webp", "image/webp"),
    ("bmp", "image/bmp"),
    ("txt", "text/plain"),
    ("csv", "text/csv"),
    ("doc", "application/msword"),
    ("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    ("xls", "application/vnd.ms-excel"),
    ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
];

/// What residents call a media type (`application/pdf` → `PDF`).
const TYPE_NAMES: &[(&str, &str)] = &[
    ("application/pdf", "PDF"),
    ("image/jpeg", "JPEG"),
    ("image/png", "PNG"),
    ("image/heic", "HEIC"),
    ("image/heif", "HEIF"),
    ("image/gif", "GIF"),
    ("image/tiff", "TIFF"),
    ("image/webp", "WebP"),
    ("image/bmp", "BMP"),
    ("text/plain", "TXT"),
    ("text/csv", "CSV"),
    ("application/msword", "Word"),
    ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word"),
    ("application/vnd.ms-excel", "Excel"),
    ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel"),
];

/// A media type without parameters, in lower case, with the common misspelling `image/jpg`
/// read as `image/jpeg`.
fn media_type(s: &str) -> String {
    let t = s.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
    if t == "image/jpg" { "image/jpeg".to_string() } else { t }
}

/// The file name's extension in lower case (`Scan.PDF` → `pdf`).
fn extension(name: &str) -> Option<String> {
    name.rsplit_once('.').map(|(_, ext)| ext.to_ascii_lowercase()).filter(|e| !e.is_empty())
}

/// Whether the file (its media type and name) is one `accept` entry allows.
fn accepted(entry: &str, media: &str, name: &str) -> bool {
    let entry = media_type(entry);
    if let Some(ext) = entry.strip_prefix('.') {
        return extension(name).is_some_and(|e| e == ext);
    }
    if let Some(top) = entry.strip_suffix("/*") {
        return media.split_once('/').is_some_and(|(t, _)| t == top);
    }
    media == entry
}

/// The names residents know the accepted types by, each once, in the order given. `image/*`
/// names the common photo formats.
fn type_names(accept: &[String]) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for entry in accept {
        let entry = media_type(entry);
        let these: Vec<String> = if entry == "image/*" {
            ["JPEG", "PNG", "HEIC"].map(String::from).to_vec()
        } else if let Some(ext) = entry.strip_prefix('.') {
            let known =
                EXTENSIONS.iter().find(|(e, _)| *e == ext).and_then(|(_, m)| TYPE_NAMES.iter().find(|(t, _)| t == m));
            vec![known.map_or_else(|| ext.to_ascii_uppercase(), |(_, n)| n.to_string())]
        } else if let Some((_, n)) = TYPE_NAMES.iter().find(|(t, _)| *t == entry) {
            vec![n.to_string()]
        } else {
            let sub = entry.rsplit('/').next().unwrap_or(&entry);
            vec![if sub.len() <= 8 { sub.to_ascii_uppercase() } else { entry.clone() }]
        };
        for n in these {
            if !names.contains(&n) {
                names.push(n);
            }
        }
    }
    names
}

/// How a size is rounded for reading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Round {
    /// To the nearest (a file's size).
    Nearest,
    /// Up (a file's size that would otherwise read as the limit it exceeds).
    Up,
    /// Down (a limit).
    Down,
}

/// A size in kilobytes as residents read it: `500 KB`, `5 MB`, `7.2 MB`.
fn human_size(kb: f64, how: Round) -> String {
    let round = |x: f64| match how {
        Round::Nearest => x.round(),
        Round::Up => x.ceil(),
        Round::Down => x.floor(),
    };
    if kb >= 1024.0 {
        let tenths = round(kb / 1024.0 * 10.0) / 10.0;
        if tenths.fract() == 0.0 { format!("{tenths:.0} MB") } else { format!("{tenths:.1} MB") }
    } else {
        format!("{:.0} KB", round(kb).max(1.0))
    }
}

fn file(field: &Field, answer: &Json) -> Outcome {
    let wrong_format = || Outcome::problem(Problem::error("file.wrong_format", State::WrongFormat));
    let Json::Object(obj) = answer else { return wrong_format() };
    let name = match obj.get("name") {
        Some(Json::String(s)) => clean(s, Lines::One),
        _ => return wrong_format(),
    };
    let size_kb = match obj.get("size_kb").and_then(Json::as_f64) {
        Some(s) if s.is_finite() && s >= 0.0 => s,
        _ => return wrong_format(),
    };
    let given = match obj.get("media_type") {
        None | Some(Json::Null) => String::new(),
        Some(Json::String(s)) => media_type(s),
        Some(_) => return wrong_format(),
    };
    if name.is_empty() {
        return wrong_format();
    }
    // Browsers give no type, or `application/octet-stream`, for files they do not know.
    let media = if given.is_empty() || given == "application/octet-stream" {
        extension(&name)
            .and_then(|e| EXTENSIONS.iter().find(|(x, _)| *x == e))
            .map_or_else(String::new, |(_, m)| m.to_string())
    } else {
        given
    };
    let mut normalized: Map<String, Json> = obj.clone();
    normalized.insert("name".into(), Json::String(name.clone()));
    if media.is_empty() {
        normalized.remove("media_type");
    } else {
        normalized.insert("media_type".into(), Json::String(media.clone()));
    }
    let size_value = obj.get("size_kb").and_then(Json::as_i64).map_or(Value::Double(size_kb), Value::Int);
    let mut map = BTreeMap::new();
    map.insert("name".to_string(), Value::String(name.clone()));
    map.insert("size_kb".to_string(), size_value);
    if !media.is_empty() {
        map.insert("media_type".into(), Value::String(media.clone()));
    }
    let mut out =
        Outcome { value: Some(Value::Map(map)), normalized: Some(Json::Object(normalized)), problems: Vec::new() };
    if !field.accept.is_empty() && !field.accept.iter().any(|a| accepted(a, &media, &name)) {
        // Listed as each language lists: 「PDF・JPEG・PNG」, "PDF, JPEG or PNG".
        let mut names = type_names(&field.accept);
        let listed = names.join("・");
        let last = names.pop().unwrap_or_default();
        out.problems.push(
            Problem::error("file.wrong_type", State::WrongFormat)
                .arg("listed", listed)
                .arg("types", names.join(", "))
                .arg("last", last)
                .arg("count", names.len() + 1),
        );
    }
    if let Some(max) = field.max_size_kb.filter(|m| size_kb > f64::from(*m)) {
        let limit = human_size(f64::from(max), Round::Down);
        // Just over the limit never reads as the limit itself.
        let size = Some(human_size(size_kb, Round::Nearest))
            .filter(|s| *s != limit)
            .unwrap_or_else(|| human_size(size_kb, Round::Up));
        out.problems.push(Problem::error("file.too_large", State::TooLong).arg("max", limit).arg("size", size));
    }
    out
}

fn group(field: &Field, answer: &Json) -> Outcome {
    let problems = group_problems(field, answer);
    let Json::Array(items) = answer else { return Outcome { problems, ..Outcome::default() } };
    if problems.first().is_some_and(|p| p.code == "group.wrong_format") {
        return Outcome { problems, ..Outcome::default() };
    }
    // Expressions see the items that are read; past the limit the answer is not read whole, so
    // it has no one right form (what the resident typed stays as it is).
    let limit = item_limit(field);
    let read = &items[..items.len().min(limit)];
    Outcome {
        value: Some(Value::List(read.iter().filter_map(|j| Value::from_json(j, false)).collect())),
        normalized: (items.len() <= limit).then(|| answer.clone()),
        problems,
    }
}

/// The most items of a group that are read when its definition sets no lower `max_items`: far
/// more than any household or list a form asks for, few enough that reading them all stays
/// quick. Items past it are counted (`group.too_many`, with this as `max`), never read.
pub const MAX_GROUP_ITEMS: u32 = 1000;

/// How many items of a group are read: its `max_items`, at most [`MAX_GROUP_ITEMS`].
pub fn item_limit(field: &Field) -> usize {
    field.max_items.map_or(MAX_GROUP_ITEMS, |m| m.min(MAX_GROUP_ITEMS)) as usize
}

/// The problems of a group's answer as a whole (its shape and its number of items), without
/// reading the items (the form reads them, in each item's scope). More items than
/// [`item_limit`] is `group.too_many`, with that limit as `max`.
pub fn group_problems(field: &Field, answer: &Json) -> Vec<Problem> {
    let items = match answer {
        Json::Array(items) if items.iter().all(Json::is_object) => items,
        _ => return vec![Problem::error("group.wrong_format", State::WrongFormat)],
    };
    let count = items.len();
    let mut problems = Vec::new();
    if let Some(min) = field.min_items.map(|m| m as usize).filter(|m| count < *m) {
        problems.push(
            Problem::error("group.too_few", State::TooShort)
                .arg("min", min)
                .arg("count", count)
                .arg("need", min - count),
        );
    }
    if let Some(max) = Some(item_limit(field)).filter(|m| count > *m) {
        problems.push(
            Problem::error("group.too_many", State::TooLong)
                .arg("max", max)
                .arg("count", count)
                .arg("excess", count - max),
        );
    }
    problems
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use serde_json::{Value as Json, json};

    use super::super::identifiers::kit::{self, codes, run};
    use super::*;

    fn photo() -> Json {
        json!({"max_size_kb": 5120, "accept": ["application/pdf", "image/jpeg", "image/png"]})
    }

    fn members() -> Json {
        json!({"min_items": 1, "max_items": 3, "fields": [{"id": "name", "type": "text", "label": {"ja": "氏名", "en": "Name"}}]})
    }

    #[test]
    fn addresses_are_normalised_part_by_part() {
        let o = run(
            "address",
            &json!({}),
            &json!({
                "postal_code": "〒９９９ー４１１２",
                "prefecture": "山形",
                "city": " 北村山郡大石田町 ",
                "town": "緑町",
                "block": "１ー１",
                "building": "ｺｰﾎﾟ山田\u{3000}\u{3000}１０１\u{200B}",
                "note": "ignored",
            }),
        );
        assert_eq!(codes(&o), Vec::<&str>::new());
        assert_eq!(
            o.normalized,
            Some(json!({
                "postal_code": "999-4112",
                "prefecture": "山形県",
                "city": "北村山郡大石田町",
                "town": "緑町",
                "block": "1-1",
                "building": "コーポ山田 101",
            }))
        );
        // The JIS code reads too, and 東京 is 東京都 (北海道 has no shorter form).
        let pref = |p: Json| {
            run("address", &json!({}), &json!({"prefecture": p, "city": "c", "town": "t", "block": "1"})).normalized
        };
        assert_eq!(pref(json!("06")), Some(json!({"prefecture": "山形県", "city": "c", "town": "t", "block": "1"})));
        assert_eq!(pref(json!(13)).and_then(|n| n.get("prefecture").cloned()), Some(json!("東京都")));
        assert_eq!(pref(json!("北海道")).and_then(|n| n.get("prefecture").cloned()), Some(json!("北海道")));
        assert_eq!(pref(json!("京都")).and_then(|n| n.get("prefecture").cloned()), Some(json!("京都府")));
    }

    #[test]
    fn every_missing_or_wrong_part_is_said_with_its_part() {
        let o = run("address", &json!({}), &json!({"postal_code": "999-411", "building": "コーポ山田"}));
        assert_eq!(
            codes(&o),
            [
                "address.postal_code_wrong_length",
                "address.prefecture_missing",
                "address.city_missing",
                "address.town_missing",
                "address.block_missing",
            ]
        );
        assert_eq!(o.problems[0].args, [("part", "postal_code".into()), ("count", "6".into())]);
        assert_eq!(o.problems[2].args, [("part", "city".into())]);
        // What was typed is kept.
        assert_eq!(o.normalized, Some(json!({"postal_code": "999-411", "building": "コーポ山田"})));
        let o = run("address", &json!({}), &json!({"prefecture": "山形市", "city": "c", "town": "t", "block": "1"}));
        assert_eq!(codes(&o), ["address.prefecture_unknown"]);
        let o = run(
            "address",
            &json!({}),
            &json!({"postal_code": "999-41l2", "prefecture": "山形県", "city": "c", "town": "t", "block": "1"}),
        );
        assert_eq!(codes(&o), ["address.postal_code_wrong_characters"]);
        for wrong in
            [json!("山形県大石田町緑町1-1"), json!(["山形県"]), json!({"city": ["大石田町"]}), json!({"block": true})]
        {
            assert_eq!(codes(&run("address", &json!({}), &wrong)), ["address.wrong_format"], "{wrong}");
        }
    }

    #[test]
    fn files_are_judged_by_their_metadata() {
        let o = run(
            "file",
            &photo(),
            &json!({"name": "scan.pdf", "size_kb": 812, "media_type": "application/pdf", "upload_id": "u1"}),
        );
        assert!(o.problems.is_empty());
        // Other keys (the host's upload id) are kept.
        assert_eq!(
            o.normalized,
            Some(json!({"name": "scan.pdf", "size_kb": 812, "media_type": "application/pdf", "upload_id": "u1"}))
        );
        // No media type from the browser: the extension says it.
        let o = run("file", &photo(), &json!({"name": "IMG_0001.JPG", "size_kb": 2048.5, "media_type": ""}));
        assert!(o.problems.is_empty());
        assert_eq!(o.normalized.as_ref().and_then(|n| n.get("media_type")), Some(&json!("image/jpeg")));
        assert!(
            run("file", &photo(), &json!({"name": "a.jpg", "size_kb": 1, "media_type": "image/JPG; q=1"}))
                .problems
                .is_empty()
        );
        let o = run("file", &photo(), &json!({"name": "IMG_0001.HEIC", "size_kb": 7373, "media_type": "image/heic"}));
        assert_eq!(codes(&o), ["file.wrong_type", "file.too_large"]);
        assert_eq!(
            o.problems[0].args,
            [
                ("listed", "PDF・JPEG・PNG".into()),
                ("types", "PDF, JPEG".into()),
                ("last", "PNG".into()),
                ("count", "3".into())
            ]
        );
        assert_eq!(o.problems[1].args, [("max", "5 MB".into()), ("size", "7.2 MB".into())]);
        // Just over the limit never reads as the limit itself.
        let o = run("file", &photo(), &json!({"name": "a.pdf", "size_kb": 5121, "media_type": "application/pdf"}));
        assert_eq!(o.problems[0].args, [("max", "5 MB".into()), ("size", "5.1 MB".into())]);
        // Wildcards and extensions in `accept`.
        let images = json!({"accept": ["image/*", ".pdf"]});
        assert!(
            run("file", &images, &json!({"name": "a.webp", "size_kb": 1, "media_type": "image/webp"}))
                .problems
                .is_empty()
        );
        assert!(
            run("file", &images, &json!({"name": "a.PDF", "size_kb": 1, "media_type": "application/octet-stream"}))
                .problems
                .is_empty()
        );
        let o = run("file", &images, &json!({"name": "a.docx", "size_kb": 1}));
        assert_eq!(
            o.problems[0].args[1..],
            [("types", "JPEG, PNG, HEIC".into()), ("last", "PDF".into()), ("count", "4".into())]
        );
        for wrong in [
            json!("scan.pdf"),
            json!({"name": "", "size_kb": 1}),
            json!({"name": "a.pdf"}),
            json!({"name": "a.pdf", "size_kb": -1}),
            json!({"name": "a.pdf", "size_kb": "1"}),
            json!({"name": "a.pdf", "size_kb": 1, "media_type": 5}),
        ] {
            assert_eq!(codes(&run("file", &photo(), &wrong)), ["file.wrong_format"], "{wrong}");
        }
    }

    #[test]
    fn sizes_read_as_residents_read_them() {
        assert_eq!(human_size(5120.0, Round::Down), "5 MB");
        assert_eq!(human_size(3000.0, Round::Down), "2.9 MB");
        assert_eq!(human_size(3000.0, Round::Up), "3 MB");
        assert_eq!(human_size(7373.0, Round::Nearest), "7.2 MB");
        assert_eq!(human_size(500.0, Round::Down), "500 KB");
        assert_eq!(human_size(0.2, Round::Up), "1 KB");
    }

    #[test]
    fn groups_count_their_items() {
        let one = json!({"name": "山田 花子"});
        assert!(run("group", &members(), &json!([one])).problems.is_empty());
        let o = run("group", &json!({"min_items": 2, "fields": []}), &json!([one]));
        assert_eq!(codes(&o), ["group.too_few"]);
        assert_eq!(o.problems[0].args, [("min", "2".into()), ("count", "1".into()), ("need", "1".into())]);
        let o = run("group", &members(), &json!([one, one, one, one, one]));
        assert_eq!(codes(&o), ["group.too_many"]);
        assert_eq!(o.problems[0].args, [("max", "3".into()), ("count", "5".into()), ("excess", "2".into())]);
        for wrong in [json!("山田 花子"), json!(["山田 花子"]), json!({"name": "山田 花子"})] {
            assert_eq!(codes(&run("group", &members(), &wrong)), ["group.wrong_format"], "{wrong}");
        }
    }

    const TYPES: [&str; 3] = ["address", "file", "group"];

    fn constraints(ty: &str) -> Json {
        match ty {
            "file" => photo(),
            "group" => members(),
            _ => json!({}),
        }
    }

    #[test]
    fn a_megabyte_never_panics() {
        let big = "ｶﾞ１ー".repeat(1 << 18);
        for ty in TYPES {
            for answer in [
                json!(big),
                json!({"postal_code": big, "prefecture": big, "city": big, "town": big, "block": big, "building": big}),
                json!({"name": big, "size_kb": 1e300, "media_type": big}),
                Json::Array(vec![json!({}); 100_000]),
            ] {
                let o = run(ty, &constraints(ty), &answer);
                assert!(o.value.is_some() || !o.problems.is_empty(), "{ty}");
            }
        }
    }

    proptest! {
        #[test]
        fn any_answer_reads_or_explains_and_normalising_is_idempotent(answer in kit::any_json(), i in 0..TYPES.len()) {
            let ty = TYPES[i];
            let extra = constraints(ty);
            let o = run(ty, &extra, &answer);
            prop_assert!(o.value.is_some() || !o.problems.is_empty(), "{} {}", ty, answer);
            if let Some(n) = o.normalized.as_ref().filter(|n| !crate::validate::is_empty(n)) {
                let again = run(ty, &extra, n);
                prop_assert_eq!(again.normalized.as_ref(), Some(n), "{} {}", ty, answer);
                prop_assert_eq!(codes(&again), codes(&o));
            }
        }

        #[test]
        fn any_address_text_normalises_once(parts in prop::collection::vec(kit::any_text(), 6)) {
            let answer: Map<String, Json> = PARTS.iter().zip(parts).map(|(k, v)| (k.to_string(), Json::String(v))).collect();
            let answer = Json::Object(answer);
            let o = run("address", &json!({}), &answer);
            prop_assert!(o.value.is_some() || !o.problems.is_empty());
            if let Some(n) = o.normalized.as_ref().filter(|n| !crate::validate::is_empty(n)) {
                let again = run("address", &json!({}), n);
                prop_assert_eq!(again.normalized.as_ref(), Some(n));
            }
        }

        #[test]
        fn any_file_name_normalises_once(name in kit::any_text(), size in 0.0f64..1e7, media in kit::any_text()) {
            let answer = json!({"name": name, "size_kb": size, "media_type": media});
            let o = run("file", &photo(), &answer);
            prop_assert!(o.value.is_some() || !o.problems.is_empty());
            if let Some(n) = &o.normalized {
                let again = run("file", &photo(), n);
                prop_assert_eq!(again.normalized.as_ref(), Some(n));
            }
        }
    }

    #[test]
    fn every_code_has_words_in_every_language() {
        kit::catalogue_is_complete(CODES, &[]);
    }

    #[test]
    fn snapshot() {
        let none = json!({});
        let full = json!({"postal_code": "〒９９９ー４１１２", "prefecture": "山形", "city": "北村山郡大石田町", "town": "緑町", "block": "１ー１", "building": "ｺｰﾎﾟ山田 １０１"});
        let cases: Vec<(&str, Json, Json)> = vec![
            ("address", none.clone(), full),
            ("address", none.clone(), json!({"postal_code": "999-411", "building": "コーポ山田"})),
            (
                "address",
                none.clone(),
                json!({"postal_code": "999-41l2", "prefecture": "山形市", "city": "大石田町", "town": "緑町", "block": "1-1"}),
            ),
            ("address", none.clone(), json!("山形県北村山郡大石田町緑町1-1")),
            ("file", photo(), json!({"name": "scan.pdf", "size_kb": 812, "media_type": "application/pdf"})),
            ("file", photo(), json!({"name": "IMG_0001.HEIC", "size_kb": 7373, "media_type": "image/heic"})),
            (
                "file",
                json!({"accept": ["application/pdf"]}),
                json!({"name": "scan.docx", "size_kb": 20, "media_type": ""}),
            ),
            (
                "file",
                json!({"max_size_kb": 500}),
                json!({"name": "a.png", "size_kb": 640.2, "media_type": "image/png"}),
            ),
            ("file", photo(), json!({"name": "scan.pdf"})),
            ("group", members(), json!([{"name": "山田 花子"}])),
            ("group", json!({"min_items": 2, "fields": []}), json!([{"name": "山田 花子"}])),
            ("group", members(), json!([{}, {}, {}, {}, {}])),
            ("group", members(), json!({"name": "山田 花子"})),
        ];
        insta::assert_snapshot!("structured", kit::table(&cases, CODES, &[]));
    }
}
