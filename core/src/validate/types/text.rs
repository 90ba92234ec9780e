//! Text types: `text`, `multiline`, `person_name`, `katakana` (フリガナ) and `zengin_kana`
//! (口座名義).
//!
//! Every text is first cleaned ([`clean`]: invisible and control characters removed, spaces
//! made plain), then put in its field's one right form, then judged:
//!
//! - Without a repertoire, full-width ASCII becomes ASCII and half-width katakana full width
//!   (ｶﾞ → ガ), voiced marks are joined (か + ゛ → が).
//! - With `jis_x_0208` or `jis_x_0213` (what town systems store), everything is full width:
//!   half-width ASCII is folded to its full-width form (`A1` → `Ａ１`, space → U+3000, `'` → `’`),
//!   because JIS X 0208 has no half-width characters; characters whose Unicode mapping differs
//!   between JIS and Windows (〜 → ～) take the Windows form. A character outside the set is
//!   named; a 外字 with a well-known standard form (髙 → 高) gets a one-press fix, never a silent
//!   change (the resident's registered name may use it: they can note it for the counter).
//! - `katakana`: full width, spaces U+3000, a dash after kana the long-vowel mark (ヤマダ-
//!   → ヤマダー). Hiragana is offered as a fix (`fix-hiragana-to-katakana`), not converted.
//! - `zengin_kana`: half width where half width has the character (ヤマダ → ﾔﾏﾀﾞ, Ａ → A,
//!   ￥ → ¥): the same text in another width. What banks rewrite by rule (hiragana, small kana,
//!   long-vowel marks, lower case, company forms → ｶ) is offered as one fix (`fix-zengin-fold`)
//!   with the whole folded name, because it changes what is written.
//!
//! `person_name` answers are `{"family": …, "given": …}` (a string is split at its first
//! space); `max_length`/`min_length` count the whole name, both parts. Lengths count
//! characters as residents see them (a variation selector or combining mark adds none).
//!
//! The typed value is read whenever the answer is text, also when it has problems; the
//! normalised form is always given, so nothing the resident typed is lost.

use serde_json::{Map, Value as Json};

use crate::model::{Field, Repertoire};
use std::borrow::Cow;

use crate::validate::clean::{Lines, clean, clean_cow};
use crate::validate::jis::{
    in_jis_x_0208, in_jis_x_0213, in_zengin, is_ascii_printable, is_ideograph, is_katakana_reading, standard_form,
    windows_form,
};
use crate::validate::kana::{
    compose_voiced_marks, hiragana_to_katakana_str, is_hiragana, is_kana, is_katakana, to_halfwidth, widen_kana,
    zengin_fold,
};
use crate::validate::normalize::{fold_width, is_hyphen_like};
use crate::validate::{Context, MachineFix, Outcome, Problem, State};
use crate::value::Value;

/// Every problem code the text types emit (read by the catalogue tests).
#[allow(dead_code)]
pub const CODES: &[&str] = &[
    "text.wrong_format",
    "text.invisible_only",
    "text.too_long",
    "text.too_short",
    "text.wrong_characters",
    "person_name.no_space",
    "person_name.missing_family",
    "person_name.missing_given",
    "katakana.hiragana",
    "katakana.wrong_characters",
    "zengin_kana.not_bank_form",
    "zengin_kana.wrong_characters",
];

/// Every machine-fix label the text types offer (read by the catalogue tests).
#[allow(dead_code)]
pub const FIXES: &[&str] = &["fix-standard-character", "fix-hiragana-to-katakana", "fix-zengin-fold"];

/// At most this many different characters are named at once.
const MAX_NAMED: usize = 3;

/// The text types: the dispatcher names one for each field type it sends here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `text`.
    Text,
    /// `multiline`.
    Multiline,
    /// `person_name`.
    PersonName,
    /// `katakana`.
    Katakana,
    /// `zengin_kana`.
    ZenginKana,
}

/// Reads, normalises and judges one non-empty answer.
pub fn interpret(kind: Kind, field: &Field, answer: &Json, cx: &Context<'_>) -> Outcome {
    let _ = cx;
    let set = set_of(kind, field);
    if kind == Kind::PersonName {
        return person_name(field, answer, set);
    }
    let raw: Cow<'_, str> = match answer {
        Json::String(s) => Cow::Borrowed(s),
        Json::Number(n) => Cow::Owned(n.to_string()),
        _ => return Outcome::problem(Problem::error("text.wrong_format", State::WrongFormat)),
    };
    let lines = match kind {
        Kind::Multiline => Lines::Many,
        Kind::Text | Kind::PersonName | Kind::Katakana | Kind::ZenginKana => Lines::One,
    };
    let cleaned = clean_cow(&raw, lines);
    if cleaned.is_empty() {
        return Outcome::problem(Problem::error("text.invisible_only", State::WrongCharacters));
    }
    let normalized = normalize(&cleaned, set).into_owned();
    let judged = judge(&normalized, set);
    let mut problems: Vec<Problem> = judged
        .findings
        .into_iter()
        .map(|f| match f.fix {
            Some(fix) => f.problem.fix(fix),
            None => f.problem,
        })
        .collect();
    problems.extend(length_problems(field, judged.length));
    Outcome { value: Some(Value::String(normalized.clone())), normalized: Some(Json::String(normalized)), problems }
}

/// The characters a field takes, from its type and declared repertoire.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Set {
    /// Anything but invisible and control characters.
    Any,
    /// A name without a declared repertoire: letters of any script, spaces and name punctuation.
    Name,
    /// JIS X 0208, full width.
    Jis0208,
    /// JIS X 0213 (approximated, see [`in_jis_x_0213`]), full width.
    Jis0213,
    /// Printable ASCII.
    Ascii,
    /// A reading in full-width katakana.
    Katakana,
    /// The 全銀 set of account names.
    Zengin,
}

fn set_of(kind: Kind, field: &Field) -> Set {
    match (kind, field.repertoire) {
        (Kind::ZenginKana, _) => Set::Zengin,
        (Kind::Katakana, _) | (_, Some(Repertoire::Katakana)) => Set::Katakana,
        (_, Some(Repertoire::JisX0208)) => Set::Jis0208,
        (_, Some(Repertoire::JisX0213)) => Set::Jis0213,
        (_, Some(Repertoire::Ascii)) => Set::Ascii,
        (Kind::PersonName, None) => Set::Name,
        (Kind::Text | Kind::Multiline, None) => Set::Any,
    }
}

/// The answer as text: a string, or a number written out.
fn as_text(answer: &Json) -> Option<String> {
    match answer {
        Json::String(s) => Some(s.clone()),
        Json::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// Puts a cleaned text in the one right form of `set` (idempotent); borrowed when it is in
/// that form already (most answers are).
fn normalize(s: &str, set: Set) -> Cow<'_, str> {
    let already = match set {
        Set::Any | Set::Name | Set::Ascii => s.chars().all(|c| !changed_by_folding(c)),
        Set::Jis0208 | Set::Jis0213 => s.chars().all(|c| !changed_by_widening(c) && full_width(c) == c),
        Set::Katakana => s.chars().all(|c| !changed_by_widening(c) && c != ' ' && (c == 'ー' || !is_hyphen_like(c))),
        Set::Zengin => false,
    };
    if already {
        return Cow::Borrowed(s);
    }
    Cow::Owned(match set {
        Set::Any | Set::Name | Set::Ascii => widen_kana(&fold_width(s)),
        Set::Jis0208 | Set::Jis0213 => widen_kana(s).chars().map(full_width).collect(),
        Set::Katakana => katakana_form(&widen_kana(s)),
        Set::Zengin => zengin_form(s),
    })
}

/// Whether [`widen_kana`] may change `c` (or the character before it): half-width katakana
/// and voiced marks, combining or spacing.
fn changed_by_widening(c: char) -> bool {
    matches!(c, '\u{3099}'..='\u{309C}' | '\u{FF61}'..='\u{FF9F}')
}

/// Whether [`fold_width`] then [`widen_kana`] may change `c`: full-width ASCII, the
/// ideographic space and what widening changes.
fn changed_by_folding(c: char) -> bool {
    matches!(c, '\u{3000}' | '\u{FF01}'..='\u{FF5E}') || changed_by_widening(c)
}

/// The full-width form of a character for JIS fields.
fn full_width(c: char) -> char {
    match c {
        ' ' => '\u{3000}',
        '\'' => '\u{2019}',
        '"' => '\u{201D}',
        '!'..='~' => char::from_u32(c as u32 + 0xFEE0).unwrap_or(c),
        '\u{00A5}' => '\u{FFE5}',
        '\u{203E}' => '\u{FFE3}',
        _ => windows_form(c),
    }
}

/// A reading: spaces U+3000, a dash after kana the long-vowel mark.
fn katakana_form(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut prev: Option<char> = None;
    for c in s.chars() {
        let c = match c {
            ' ' => '\u{3000}',
            _ if is_hyphen_like(c) && prev.is_some_and(is_kana) => 'ー',
            _ => c,
        };
        out.push(c);
        prev = Some(c);
    }
    out
}

/// An account name made half width where half width has the character (the same text in
/// another width): ヤマダ → ﾔﾏﾀﾞ, Ａ → A, （ → (, ￥ or \ → ¥, dashes → `-`. Hiragana, small
/// kana, long-vowel marks and company forms are left for [`zengin_fold`] (offered, not silent).
fn zengin_form(s: &str) -> String {
    let folded = compose_voiced_marks(&fold_width(s));
    let mut out = String::with_capacity(folded.len());
    for c in folded.chars() {
        match c {
            '\\' | '\u{FFE5}' => out.push('\u{00A5}'),
            '゛' => out.push('\u{FF9E}'),
            '゜' => out.push('\u{FF9F}'),
            'ー' | '\u{FF70}' => out.push(to_halfwidth('ー').map_or(c, |(h, _)| h)),
            _ if is_hyphen_like(c) => out.push('-'),
            _ if is_katakana(c) || matches!(c, '・' | '「' | '」') => match to_halfwidth(c) {
                Some((h, mark)) => {
                    out.push(h);
                    out.extend(mark);
                }
                None => out.push(c),
            },
            _ => out.push(c),
        }
    }
    out
}

/// Whether `c` attaches to the character before it (a combining mark or variation selector).
fn is_mark(c: char) -> bool {
    is_variation_selector(c)
        || matches!(c,
            '\u{0300}'..='\u{036F}'
            | '\u{1AB0}'..='\u{1AFF}'
            | '\u{1DC0}'..='\u{1DFF}'
            | '\u{20D0}'..='\u{20FF}'
            | '\u{FE20}'..='\u{FE2F}'
            | '\u{3099}'..='\u{309A}'
            | '\u{1F3FB}'..='\u{1F3FF}'
        )
}

/// Whether `c` selects a glyph variant (異体字 selectors of the Ideographic Variation Database,
/// standardised and emoji variation selectors).
fn is_variation_selector(c: char) -> bool {
    matches!(c, '\u{FE00}'..='\u{FE0F}' | '\u{E0100}'..='\u{E01EF}')
}

/// One character as residents see it: a base character with its marks.
struct Unit<'a> {
    text: &'a str,
    base: char,
    /// Has a variation selector.
    variant: bool,
    /// Has a combining mark (not a variation selector).
    combined: bool,
    /// 1-based.
    position: usize,
}

fn units(s: &str) -> impl Iterator<Item = Unit<'_>> {
    let mut iter = s.char_indices().peekable();
    let mut position = 0;
    std::iter::from_fn(move || {
        let (start, base) = iter.next()?;
        let mut end = start + base.len_utf8();
        let (mut variant, mut combined) = (false, false);
        while let Some(&(j, m)) = iter.peek() {
            if !is_mark(m) {
                break;
            }
            variant |= is_variation_selector(m);
            combined |= !is_variation_selector(m);
            end = j + m.len_utf8();
            iter.next();
        }
        position += 1;
        Some(Unit { text: &s[start..end], base, variant, combined, position })
    })
}

/// Characters as residents count them.
fn length(s: &str) -> usize {
    s.chars().filter(|c| !is_mark(*c)).count()
}

/// A problem and, when one press can fix it, the fix (its value the text judged, fixed).
struct Finding {
    problem: Problem,
    fix: Option<MachineFix>,
}

impl Finding {
    fn plain(problem: Problem) -> Finding {
        Finding { problem, fix: None }
    }
}

/// What judging one text gave: its problems and the length to check against the limits.
struct Judged {
    findings: Vec<Finding>,
    length: usize,
}

/// Judges one normalised text (one part of a name) against its set.
fn judge(s: &str, set: Set) -> Judged {
    match set {
        Set::Katakana => Judged { findings: judge_katakana(s), length: length(s) },
        Set::Zengin => judge_zengin(s),
        _ => Judged { findings: judge_repertoire(s, set), length: length(s) },
    }
}

/// Why a character is outside the set, which decides the fix.
fn kind_of(unit: &Unit<'_>, set: Set) -> (&'static str, Option<String>) {
    if unit.variant && !unit.combined && allowed(unit.base, set) {
        return ("variant", Some(unit.base.to_string()));
    }
    if let Some(standard) = standard_form(unit.base).filter(|_| !unit.combined) {
        return ("variant", Some(standard.to_string()));
    }
    match set {
        Set::Ascii => ("not_ascii", None),
        _ if is_ideograph(unit.base) => ("gaiji", None),
        _ => ("other", None),
    }
}

/// Name punctuation taken without a repertoire.
const NAME_MARKS: &[char] = &[' ', '・', '･', 'ー', '-', '‐', '\'', '’', '.', '．', '=', '＝', '〃'];

fn allowed(c: char, set: Set) -> bool {
    match set {
        Set::Any => true,
        Set::Name => c.is_alphabetic() || NAME_MARKS.contains(&c),
        Set::Jis0208 => in_jis_x_0208(c) || c == '\n',
        Set::Jis0213 => in_jis_x_0213(c) || c == '\n',
        Set::Ascii => is_ascii_printable(c) || c == '\n',
        Set::Katakana => is_katakana_reading(c),
        Set::Zengin => in_zengin(c),
    }
}

fn unit_allowed(unit: &Unit<'_>, set: Set) -> bool {
    let marks_ok = match set {
        Set::Any | Set::Name => true,
        Set::Jis0213 => !unit.variant,
        _ => !unit.variant && !unit.combined,
    };
    marks_ok && allowed(unit.base, set)
}

/// `text.wrong_characters`, once for each different character outside the set (at most three).
fn judge_repertoire(s: &str, set: Set) -> Vec<Finding> {
    if set == Set::Any {
        return Vec::new(); // every unit is allowed
    }
    let mut named: Vec<&str> = Vec::new();
    let mut out = Vec::new();
    for unit in units(s) {
        if unit_allowed(&unit, set) || named.contains(&unit.text) {
            continue;
        }
        if named.len() == MAX_NAMED {
            break;
        }
        named.push(unit.text);
        let (kind, standard) = kind_of(&unit, set);
        let mut problem = Problem::error("text.wrong_characters", State::WrongCharacters)
            .arg("char", unit.text)
            .arg("position", unit.position)
            .arg("kind", kind);
        let fix = standard.map(|standard| {
            problem = problem.clone().arg("standard", &standard);
            let value = s.replace(unit.text, &standard);
            MachineFix {
                code: "fix-standard-character",
                value,
                args: vec![("char", unit.text.to_string()), ("standard", standard)],
            }
        });
        out.push(Finding { problem, fix });
    }
    out
}

/// Characters outside `set` of a kana field.
fn kana_wrong_characters(s: &str, set: Set, code: &'static str, skip: impl Fn(char) -> bool) -> Vec<Finding> {
    let mut named: Vec<&str> = Vec::new();
    let mut classes: Vec<&str> = Vec::new();
    let mut out = Vec::new();
    for unit in units(s) {
        if (unit_allowed(&unit, set) || skip(unit.base)) || named.contains(&unit.text) {
            continue;
        }
        // Kanji, Latin letters and digits are each named once: the fix is the same for all
        // (write the reading). Other characters are named one by one.
        let class = if is_ideograph(unit.base) {
            "kanji"
        } else if set == Set::Katakana && unit.base.is_ascii_alphabetic() {
            "latin"
        } else if set == Set::Katakana && unit.base.is_ascii_digit() {
            "digit"
        } else {
            "other"
        };
        if class != "other" && classes.contains(&class) {
            continue;
        }
        if named.len() == MAX_NAMED {
            break;
        }
        named.push(unit.text);
        classes.push(class);
        let problem = Problem::error(code, State::WrongCharacters)
            .arg("char", unit.text)
            .arg("position", unit.position)
            .arg("kind", class);
        out.push(Finding::plain(problem));
    }
    out
}

/// A reading: characters outside the katakana set named, hiragana offered as katakana.
fn judge_katakana(s: &str) -> Vec<Finding> {
    let mut out = kana_wrong_characters(s, Set::Katakana, "katakana.wrong_characters", is_hiragana);
    if s.chars().any(is_hiragana) {
        let problem = Problem::error("katakana.hiragana", State::WrongCharacters);
        // Offered only when it leaves nothing else to fix.
        let fix = out.is_empty().then(|| MachineFix {
            code: "fix-hiragana-to-katakana",
            value: hiragana_to_katakana_str(s),
            args: Vec::new(),
        });
        out.push(Finding { problem, fix });
    }
    out
}

/// An account name: characters with no bank form named; otherwise what banks rewrite offered
/// as one fix. The length that counts is the bank's.
fn judge_zengin(s: &str) -> Judged {
    let (folded, change) = zengin_fold(s);
    let wrong = kana_wrong_characters(&folded, Set::Zengin, "zengin_kana.wrong_characters", |_| false);
    if !wrong.is_empty() {
        // Positions as typed, not as folded.
        let findings = wrong
            .into_iter()
            .map(|mut f| {
                let typed =
                    f.problem.args.iter().find(|(k, _)| *k == "char").map(|(_, v)| v.clone()).unwrap_or_default();
                if let Some(unit) = units(s).find(|u| u.text == typed) {
                    for (k, v) in &mut f.problem.args {
                        if *k == "position" {
                            *v = unit.position.to_string();
                        }
                    }
                }
                f
            })
            .collect();
        return Judged { findings, length: length(s) };
    }
    let mut findings = Vec::new();
    if let Some(change) = change.filter(|_| folded != s) {
        let problem = Problem::error("zengin_kana.not_bank_form", State::WrongCharacters)
            .arg("from", change.from)
            .arg("to", change.to);
        let fix = MachineFix { code: "fix-zengin-fold", value: folded.clone(), args: vec![("value", folded.clone())] };
        findings.push(Finding { problem, fix: Some(fix) });
    }
    Judged { findings, length: folded.chars().count() }
}

/// `text.too_long` / `text.too_short` against the field's limits.
fn length_problems(field: &Field, length: usize) -> Vec<Problem> {
    let mut out = Vec::new();
    if let Some(max) = field.max_length.filter(|max| length > *max as usize) {
        out.push(
            Problem::error("text.too_long", State::TooLong)
                .arg("max", max)
                .arg("length", length)
                .arg("excess", length - max as usize),
        );
    }
    if let Some(min) = field.min_length.filter(|min| length < *min as usize) {
        out.push(
            Problem::error("text.too_short", State::TooShort)
                .arg("min", min)
                .arg("length", length)
                .arg("shortfall", min as usize - length),
        );
    }
    out
}

/// The two parts of a name as typed, or why they cannot be read.
fn name_parts(answer: &Json) -> Result<(String, String), Problem> {
    match answer {
        Json::Object(o) => {
            let part = |key: &str| -> Result<String, Problem> {
                match o.get(key) {
                    None | Some(Json::Null) => Ok(String::new()),
                    Some(v) => as_text(v).ok_or_else(|| Problem::error("text.wrong_format", State::WrongFormat)),
                }
            };
            Ok((part("family")?, part("given")?))
        }
        Json::String(s) => {
            let cleaned = clean(s, Lines::One);
            if cleaned.is_empty() {
                return Ok((String::new(), String::new()));
            }
            match cleaned.split_once(' ') {
                Some((family, given)) => Ok((family.to_string(), given.to_string())),
                None => Err(Problem::error("person_name.no_space", State::WrongFormat)),
            }
        }
        _ => Err(Problem::error("text.wrong_format", State::WrongFormat)),
    }
}

fn name_json(family: &str, given: &str) -> Json {
    let mut m = Map::new();
    m.insert("family".into(), Json::String(family.to_string()));
    m.insert("given".into(), Json::String(given.to_string()));
    Json::Object(m)
}

/// `person_name`: family and given name, each judged against the set; the machine fixes'
/// values are the whole answer as JSON (`{"family":…,"given":…}`).
fn person_name(field: &Field, answer: &Json, set: Set) -> Outcome {
    let (family, given) = match name_parts(answer) {
        Ok(parts) => parts,
        Err(p) => return Outcome::problem(p),
    };
    let family = normalize(&clean_cow(&family, Lines::One), set).into_owned();
    let given = normalize(&clean_cow(&given, Lines::One), set).into_owned();
    let normalized = name_json(&family, &given);
    let mut map = std::collections::BTreeMap::new();
    map.insert("family".to_string(), Value::String(family.clone()));
    map.insert("given".to_string(), Value::String(given.clone()));
    let mut problems = Vec::new();
    match (family.is_empty(), given.is_empty()) {
        (true, true) => return Outcome::problem(Problem::error("text.invisible_only", State::WrongCharacters)),
        (true, false) => problems.push(Problem::error("person_name.missing_family", State::Empty)),
        (false, true) => problems.push(Problem::error("person_name.missing_given", State::Empty)),
        (false, false) => {}
    }
    let mut named: Vec<String> = Vec::new();
    let mut total = 0;
    for (part, text) in [("family", &family), ("given", &given)] {
        let judged = judge(text, set);
        total += judged.length;
        for f in judged.findings {
            let ch = f.problem.args.iter().find(|(k, _)| *k == "char").map(|(_, v)| v.clone());
            if let Some(ch) = &ch {
                if named.contains(ch) {
                    continue;
                }
                named.push(ch.clone());
            }
            let problem = f.problem.arg("part", part);
            let problem = match f.fix {
                Some(fix) => {
                    let whole =
                        if part == "family" { name_json(&fix.value, &given) } else { name_json(&family, &fix.value) };
                    problem.fix(MachineFix { value: whole.to_string(), ..fix })
                }
                None => problem,
            };
            problems.push(problem);
        }
    }
    problems.extend(length_problems(field, total));
    Outcome { value: Some(Value::Map(map)), normalized: Some(normalized), problems }
}

/// Shared by the tests of the text, date and number types: fields, rendering of outcomes in the
/// three languages for snapshots, and the checks of the message catalogue.
#[cfg(test)]
pub(super) mod check {
    use serde_json::{Value as Json, json};

    use crate::date::Date;
    use crate::model::{Field, Lang};
    use crate::validate::messages::{catalogue, message_id};
    use crate::validate::{Context, Outcome};

    /// Words no resident-facing message may use (shared/design/ERRORS.md).
    pub const BANNED: &[&str] = &["不正", "エラーが発生", "invalid", "please", "oops"];

    /// The day the tests take as today.
    pub fn today() -> Date {
        Date::new(2025, 6, 1).expect("a real date")
    }

    /// A field of `ty` labelled `label` (ja, en, ja-easy), with `extra` constraints.
    pub fn field(ty: &str, label: [&str; 3], extra: &Json) -> Field {
        let mut f = json!({"id": "f", "type": ty, "label": {"ja": label[0], "en": label[1], "ja-easy": label[2]}});
        if let (Some(o), Some(e)) = (f.as_object_mut(), extra.as_object()) {
            o.extend(e.clone());
        }
        serde_json::from_value(f).expect("a valid field")
    }

    /// Reads `answer` as the field would.
    pub fn interpret(field: &Field, answer: &Json) -> Outcome {
        let cx = Context { today: today(), code_lists: &[] };
        crate::validate::interpret(field, answer, &cx)
    }

    fn words(lang: Lang, id: &str, args: &[(&str, String)]) -> String {
        let text = catalogue().format_exact(lang, id, args).unwrap_or_else(|| panic!("{} lacks `{id}`", lang.tag()));
        assert!(
            !text.contains('{') && !text.contains('}'),
            "{}: `{id}` has an unresolved argument: {text}",
            lang.tag()
        );
        let lower = text.to_lowercase();
        for banned in BANNED {
            assert!(!lower.contains(banned), "{}: `{id}` says {banned:?}: {text}", lang.tag());
        }
        text
    }

    /// `s` with characters nobody can see written as `\u{…}`.
    fn visible(s: &str) -> String {
        s.chars()
            .map(|c| {
                let hidden = crate::validate::clean::is_invisible(c)
                    || c.is_control()
                    || matches!(c, '\u{FE00}'..='\u{FE0F}' | '\u{E0100}'..='\u{E01EF}' | '\u{3099}' | '\u{309A}' | '\u{2028}' | '\u{2029}' | '\u{A0}');
                if hidden && c != '\n' { format!("\\u{{{:X}}}", c as u32) } else { c.to_string() }
            })
            .collect()
    }

    /// One block per case: the answer, its normalised form, and each problem in ja, en and
    /// ja-easy as `code | severity | message | fix | machine fix → value`. Asserts that every
    /// code is one of `codes` and every fix label one of `fixes`, with words in all three.
    pub fn render(ty: &str, label: [&str; 3], cases: &[(Json, Json)], codes: &[&str], fixes: &[&str]) -> String {
        let mut out = String::new();
        for (extra, answer) in cases {
            let f = field(ty, label, extra);
            let o = interpret(&f, answer);
            let constraints =
                if extra.as_object().is_some_and(|e| !e.is_empty()) { format!("  {extra}") } else { String::new() };
            out.push_str(&format!("▶ {}{constraints}\n", visible(&answer.to_string())));
            match &o.normalized {
                Some(n) => out.push_str(&format!("  = {}\n", visible(&n.to_string()))),
                None => out.push_str("  = (not read)\n"),
            }
            assert!(o.value.is_some() || !o.problems.is_empty(), "{answer}: neither a value nor a problem");
            for p in &o.problems {
                assert!(codes.contains(&p.code), "{} is not in CODES", p.code);
                for (i, lang) in Lang::ALL.into_iter().enumerate() {
                    let mut args: Vec<(&str, String)> = p.args.clone();
                    args.push(("label", label[i].to_string()));
                    let id = message_id(p.code);
                    let message = words(lang, &id, &args);
                    let fix = words(lang, &format!("{id}-fix"), &args);
                    let machine = p.machine_fix.as_ref().map_or(String::new(), |m| {
                        assert!(fixes.contains(&m.code), "{} is not in FIXES", m.code);
                        let mut fargs: Vec<(&str, String)> = m.args.clone();
                        fargs.push(("label", label[i].to_string()));
                        format!(" | [{}] → {}", words(lang, m.code, &fargs), visible(&m.value))
                    });
                    let severity = format!("{:?}", p.severity).to_lowercase();
                    out.push_str(&format!(
                        "  {:<7} {} | {severity} | {message} | {fix}{machine}\n",
                        lang.tag(),
                        p.code
                    ));
                }
            }
        }
        out
    }

    /// Every code has a message and a fix, and every fix label words, in ja, en and ja-easy,
    /// for every variant of its selectors, without banned words or unresolved arguments.
    pub fn catalogue_is_complete(codes: &[&str], fixes: &[&str]) {
        let base: Vec<(&str, String)> = [
            ("label", "氏名"),
            ("char", "髙"),
            ("position", "1"),
            ("standard", "高"),
            ("max", "20"),
            ("min", "2"),
            ("length", "25"),
            ("excess", "5"),
            ("shortfall", "1"),
            ("from", "ッ"),
            ("to", "ﾂ"),
            ("value", "ﾐﾂｷ-"),
            ("year", "2025"),
            ("month", "2"),
            ("day", "30"),
            ("last_day", "28"),
            ("era", "平成"),
            ("last", "31"),
            ("given", "平成31年5月1日"),
            ("right", "令和元年5月1日"),
            ("right_era", "令和"),
            ("iso", "2019-05-01"),
            ("era_year", "令和7年"),
            ("max_digits", "15"),
            ("part", "family"),
        ]
        .into_iter()
        .map(|(k, v)| (k, v.to_string()))
        .collect();
        let variants: [(&str, &[&str]); 2] = [
            ("kind", &["variant", "gaiji", "not_ascii", "other", "kanji", "latin", "digit", "char", "no_digits"]),
            ("part", &["year", "month", "day", "leap"]),
        ];
        for lang in Lang::ALL {
            for code in codes {
                let id = message_id(code);
                for (key, values) in variants {
                    for value in values {
                        let mut args = base.clone();
                        args.retain(|(k, _)| k != &key);
                        args.push((key, value.to_string()));
                        assert!(!words(lang, &id, &args).is_empty());
                        assert!(!words(lang, &format!("{id}-fix"), &args).is_empty());
                    }
                }
            }
            for fix in fixes {
                assert!(!words(lang, fix, &base).is_empty());
            }
        }
    }
    /// Characters that stress readers: kana of both widths, voiced marks (combining and
    /// spacing), zero-width and bidi controls, other controls, 外字, emoji, spaces of every
    /// kind, digits, dashes, era names and units.
    const STRESS: &[&str] = &[
        "a",
        "Z",
        "0",
        "9",
        "１",
        "Ａ",
        " ",
        "\u{3000}",
        "\u{A0}",
        "\t",
        "\n",
        "\r",
        "\u{0}",
        "\u{7F}",
        "\u{85}",
        "\u{200B}",
        "\u{200D}",
        "\u{202E}",
        "\u{2066}",
        "\u{FEFF}",
        "\u{E0100}",
        "\u{FE0F}",
        "\u{3099}",
        "\u{309A}",
        "゛",
        "゜",
        "か",
        "は",
        "う",
        "っ",
        "ゃ",
        "カ",
        "ハ",
        "ウ",
        "ッ",
        "ャ",
        "ワ",
        "ヴ",
        "ー",
        "・",
        "ｶ",
        "ﾊ",
        "ｯ",
        "ｬ",
        "ｰ",
        "ﾞ",
        "ﾟ",
        "･",
        "｢",
        "山",
        "田",
        "\u{9AD9}",
        "\u{FA11}",
        "\u{20BB7}",
        "😀",
        "👨\u{200D}👩",
        "-",
        "－",
        "―",
        "/",
        ".",
        ",",
        "年",
        "月",
        "日",
        "元",
        "令和",
        "平成",
        "R",
        "H",
        "¥",
        "￥",
        "円",
        "万",
        "千",
        "億",
        "▲",
        "株式会社",
        "(株)",
        "㈱",
        "'",
        "\"",
        "\\",
        "~",
        "〜",
        "e",
    ];

    /// Any string, weighted towards [`STRESS`].
    pub fn any_text() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        prop_oneof![
            3 => proptest::collection::vec(proptest::sample::select(STRESS), 0..24).prop_map(|v| v.concat()),
            1 => any::<String>(),
        ]
    }

    /// The invariants of reading any answer: no panic; a value or a problem; the normalised
    /// form reads back as itself; a machine fix removes the problem it is offered for.
    pub fn assert_invariants(field: &Field, answer: &Json) {
        let o = interpret(field, answer);
        assert!(o.value.is_some() || !o.problems.is_empty(), "{answer}: neither a value nor a problem");
        if let Some(n) = &o.normalized {
            let again = interpret(field, n);
            assert_eq!(again.normalized.as_ref(), Some(n), "{answer}: normalising {n} changed it");
        }
        for p in &o.problems {
            let Some(fix) = &p.machine_fix else { continue };
            let fixed = serde_json::from_str::<Json>(&fix.value)
                .ok()
                .filter(|j| j.is_object())
                .unwrap_or_else(|| Json::String(fix.value.clone()));
            let after = interpret(field, &fixed);
            assert!(
                !after.problems.iter().any(|q| q.code == p.code && q.args == p.args),
                "{answer}: the fix {} → {} leaves {}",
                fix.code,
                fix.value,
                p.code
            );
        }
    }

    /// A string of about 1 MB made of [`STRESS`].
    pub fn megabyte() -> String {
        let mut s = String::new();
        let mut i = 0usize;
        while s.len() < 1 << 20 {
            s.push_str(STRESS[(i * 7919) % STRESS.len()]);
            i += 1;
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::Date;
    use serde_json::json;

    fn field(ty: &str, extra: Json) -> Field {
        let mut f = json!({"id": "f", "type": ty, "label": {"ja": "氏名", "en": "Full name"}});
        if let (Some(o), Some(e)) = (f.as_object_mut(), extra.as_object()) {
            o.extend(e.clone());
        }
        serde_json::from_value(f).unwrap()
    }

    fn run(ty: &str, extra: Json, answer: Json) -> Outcome {
        let f = field(ty, extra);
        let cx = Context { today: Date::new(2025, 6, 1).unwrap(), code_lists: &[] };
        super::super::interpret(f.resolved_type(), &f, &answer, &cx)
    }

    fn codes(o: &Outcome) -> Vec<&'static str> {
        o.problems.iter().map(|p| p.code).collect()
    }

    #[test]
    fn jis_fields_are_full_width_and_name_outside_characters() {
        let o = run("text", json!({"repertoire": "jis_x_0208"}), json!(" 山田 1-2 "));
        assert_eq!(o.normalized, Some(json!("山田　１－２")));
        assert!(o.problems.is_empty());
        let o = run("text", json!({"repertoire": "jis_x_0208"}), json!("\u{9AD9}橋"));
        assert_eq!(codes(&o), ["text.wrong_characters"]);
        let fix = o.problems[0].machine_fix.as_ref().unwrap();
        assert_eq!(fix.value, "高橋");
        // Fixed, it is clean.
        assert!(run("text", json!({"repertoire": "jis_x_0208"}), json!(fix.value)).problems.is_empty());
    }

    #[test]
    fn a_variation_selector_is_a_variant_of_its_base() {
        let o = run("text", json!({"repertoire": "jis_x_0208"}), json!("葛\u{E0100}城"));
        assert_eq!(codes(&o), ["text.wrong_characters"]);
        assert_eq!(o.problems[0].machine_fix.as_ref().unwrap().value, "葛城");
        assert!(run("text", json!({}), json!("葛\u{E0100}城")).problems.is_empty());
    }

    #[test]
    fn hiragana_in_a_reading_is_offered_as_katakana_not_changed() {
        let o = run("katakana", json!({}), json!("やまだ たろう"));
        assert_eq!(o.normalized, Some(json!("やまだ\u{3000}たろう")));
        assert_eq!(codes(&o), ["katakana.hiragana"]);
        assert_eq!(o.problems[0].machine_fix.as_ref().unwrap().value, "ヤマダ\u{3000}タロウ");
        let o = run("katakana", json!({}), json!("ﾔﾏﾀﾞ ﾀﾛ-"));
        assert_eq!(o.normalized, Some(json!("ヤマダ\u{3000}タロー")));
        assert!(o.problems.is_empty());
        let o = run("katakana", json!({}), json!("山田 タロウ"));
        assert_eq!(codes(&o), ["katakana.wrong_characters"]);
    }

    #[test]
    fn account_names_are_half_width_and_bank_forms_are_offered() {
        let o = run("zengin_kana", json!({}), json!("ヤマダ タロウ"));
        assert_eq!(o.normalized, Some(json!("ﾔﾏﾀﾞ ﾀﾛｳ")));
        assert!(o.problems.is_empty());
        let o = run("zengin_kana", json!({}), json!("カブシキガイシャ　ミッキー"));
        assert_eq!(codes(&o), ["zengin_kana.not_bank_form"]);
        assert_eq!(o.problems[0].machine_fix.as_ref().unwrap().value, "ｶ)ﾐﾂｷ-");
        let o = run("zengin_kana", json!({}), json!("山田太郎"));
        assert_eq!(codes(&o), ["zengin_kana.wrong_characters"]);
    }

    #[test]
    fn names_have_two_parts() {
        let o = run("person_name", json!({"repertoire": "jis_x_0208"}), json!({"family": "山田", "given": "太郎"}));
        assert!(o.problems.is_empty());
        assert_eq!(o.normalized, Some(json!({"family": "山田", "given": "太郎"})));
        let o = run("person_name", json!({}), json!("山田　太郎"));
        assert_eq!(o.normalized, Some(json!({"family": "山田", "given": "太郎"})));
        assert_eq!(codes(&run("person_name", json!({}), json!("山田太郎"))), ["person_name.no_space"]);
        assert_eq!(codes(&run("person_name", json!({}), json!({"family": "山田"}))), ["person_name.missing_given"]);
        let o = run("person_name", json!({"repertoire": "jis_x_0208"}), json!({"family": "\u{9AD9}橋", "given": "一"}));
        let fix = o.problems[0].machine_fix.as_ref().unwrap();
        assert_eq!(serde_json::from_str::<Json>(&fix.value).unwrap(), json!({"family": "高橋", "given": "一"}));
    }

    #[test]
    fn lengths_count_what_residents_see() {
        let o = run("text", json!({"max_length": 3}), json!("か\u{3099}きくけ"));
        assert_eq!(codes(&o), ["text.too_long"]);
        assert_eq!(o.problems[0].args, vec![("max", "3".into()), ("length", "4".into()), ("excess", "1".into())]);
        assert_eq!(codes(&run("text", json!({"min_length": 3}), json!("ab"))), ["text.too_short"]);
    }

    #[test]
    fn only_invisible_characters_are_reported() {
        assert_eq!(codes(&run("text", json!({}), json!("\u{200B}\u{202E}"))), ["text.invisible_only"]);
    }
    #[test]
    fn every_code_has_words_in_three_languages() {
        check::catalogue_is_complete(CODES, FIXES);
    }

    const HONSEKI: [&str; 3] = ["本籍", "Registered domicile", "ほんせき"];
    const OPINION: [&str; 3] = ["ご意見", "Your comments", "いけん"];
    const NAME: [&str; 3] = ["氏名", "Full name", "なまえ"];
    const READING: [&str; 3] = ["氏名（フリガナ）", "Full name in katakana", "なまえの よみかた"];
    const ACCOUNT: [&str; 3] = ["口座名義", "Account holder’s name", "こうざの なまえ"];

    #[test]
    fn snapshot_text() {
        let jis = json!({"repertoire": "jis_x_0208"});
        let cases = [
            (json!({}), json!("  北村山郡　大石田町１－２ ")),
            (jis.clone(), json!("北村山郡 大石田町1-2")),
            (jis.clone(), json!("\u{9AD9}橋\u{FA11}")),
            (jis.clone(), json!("葛\u{E0100}城")),
            (jis.clone(), json!("\u{20B9F}田")),
            (jis.clone(), json!("山田😀")),
            (jis.clone(), json!("㈱山田")),
            (json!({"repertoire": "jis_x_0213"}), json!("\u{9AD9}橋")),
            (json!({"repertoire": "ascii"}), json!("Tokyo 東京")),
            (json!({"max_length": 5}), json!("北村山郡大石田町")),
            (json!({"min_length": 3}), json!("緑")),
            (json!({}), json!("\u{200B}\u{202E}")),
            (json!({}), json!(true)),
            (json!({}), json!("か\u{3099}ッコ ｶﾞｯｺｳ\u{202E}")),
        ];
        insta::assert_snapshot!("text", check::render("text", HONSEKI, &cases, CODES, FIXES));
    }

    #[test]
    fn snapshot_multiline() {
        let cases = [
            (json!({}), json!("\r\n一行目  \r\n\r\n\r\n二行目\u{2028}三行目\n\n")),
            (json!({"max_length": 10}), json!("とても長いご意見です。\nよろしくお願いします")),
            (json!({"repertoire": "jis_x_0208"}), json!("ありがとう\n😀")),
        ];
        insta::assert_snapshot!("multiline", check::render("multiline", OPINION, &cases, CODES, FIXES));
    }

    #[test]
    fn snapshot_person_name() {
        let jis = json!({"repertoire": "jis_x_0208"});
        let cases = [
            (jis.clone(), json!({"family": "山田", "given": "太郎"})),
            (json!({}), json!("山田　太郎")),
            (json!({}), json!("John Smith")),
            (jis.clone(), json!({"family": "John", "given": "Smith"})),
            (json!({}), json!("山田太郎")),
            (json!({}), json!({"family": "山田", "given": ""})),
            (json!({}), json!({"family": "", "given": "太郎"})),
            (jis.clone(), json!({"family": "\u{9AD9}橋", "given": "\u{FA11}子"})),
            (json!({}), json!({"family": "山田", "given": "太郎3"})),
            (json!({"max_length": 4}), json!({"family": "勅使河原", "given": "三郎"})),
            (json!({"repertoire": "katakana"}), json!({"family": "やまだ", "given": "タロウ"})),
            (json!({}), json!(["山田", "太郎"])),
        ];
        insta::assert_snapshot!("person_name", check::render("person_name", NAME, &cases, CODES, FIXES));
    }

    #[test]
    fn snapshot_katakana() {
        let cases = [
            (json!({}), json!("ヤマダ　タロウ")),
            (json!({}), json!("ﾔﾏﾀﾞ ﾀﾛ-")),
            (json!({}), json!("やまだ たろう")),
            (json!({}), json!("山田 太郎")),
            (json!({}), json!("ヤマダ Taro")),
            (json!({}), json!("やまだ Taro")),
            (json!({}), json!("カ\u{3099}ッコウ")),
            (json!({"max_length": 6}), json!("ヤマダ タロウ")),
        ];
        insta::assert_snapshot!("katakana", check::render("katakana", READING, &cases, CODES, FIXES));
    }

    #[test]
    fn snapshot_zengin_kana() {
        let cases = [
            (json!({}), json!("ﾔﾏﾀﾞ ﾀﾛｳ")),
            (json!({}), json!("ヤマダ　タロウ")),
            (json!({}), json!("やまだ たろう")),
            (json!({}), json!("ミッキー")),
            (json!({}), json!("株式会社　ヤマダショウジ")),
            (json!({}), json!("ヤマダショウジ株式会社")),
            (json!({}), json!("ヤマダショウジ株式会社トウキョウシテン")),
            (json!({}), json!("（株）ヤマダ")),
            (json!({}), json!("特定非営利活動法人ヤマダ")),
            (json!({}), json!("john smith")),
            (json!({}), json!("山田太郎")),
            (json!({}), json!("ヤマダ＆サトウ")),
            (json!({"max_length": 8}), json!("ﾔﾏﾀﾞ ﾀﾛｳｻﾞｴﾓﾝ")),
        ];
        insta::assert_snapshot!("zengin_kana", check::render("zengin_kana", ACCOUNT, &cases, CODES, FIXES));
    }

    proptest::proptest! {
        #[test]
        fn any_text_is_read_and_normalising_is_idempotent(
            s in check::any_text(),
            t in check::any_text(),
            i in 0usize..9,
        ) {
            let (ty, extra) = [
                ("text", json!({})),
                ("text", json!({"repertoire": "jis_x_0208", "max_length": 5})),
                ("text", json!({"repertoire": "jis_x_0213"})),
                ("text", json!({"repertoire": "ascii"})),
                ("multiline", json!({"min_length": 2})),
                ("person_name", json!({"repertoire": "jis_x_0208"})),
                ("person_name", json!({})),
                ("katakana", json!({})),
                ("zengin_kana", json!({"max_length": 30})),
            ][i].clone();
            let f = check::field(ty, NAME, &extra);
            if crate::validate::is_empty(&json!(s)) {
                return Ok(());
            }
            check::assert_invariants(&f, &json!(s));
            if ty == "person_name" {
                check::assert_invariants(&f, &json!({"family": s, "given": t}));
            }
        }
    }

    #[test]
    fn a_megabyte_of_anything_is_read() {
        let big = check::megabyte();
        for (ty, extra) in [
            ("text", json!({"repertoire": "jis_x_0208"})),
            ("multiline", json!({})),
            ("person_name", json!({})),
            ("katakana", json!({})),
            ("zengin_kana", json!({})),
        ] {
            let f = check::field(ty, NAME, &extra);
            check::assert_invariants(&f, &json!(big));
            check::assert_invariants(&f, &json!("株式会社".repeat(1 << 16)));
        }
    }
}
