//! Identifier types: `my_number` (個人番号), `corporate_number` (法人番号),
//! `local_government_code` (全国地方公共団体コード), `postal_code` (郵便番号), `phone`, `email`,
//! `bank_code` (金融機関コード), `branch_code` (支店コード) and `account_number` (口座番号).
//!
//! Reading (every type): the answer is a JSON string, or a whole non-negative JSON number read
//! as its decimal digits (a leading zero it lost is then missing, and the length message says
//! so). Anything else (a list, an object, `true`) is `<type>.wrong_format`. Invisible
//! formatting and control characters are dropped (nobody can see, let alone remove, a
//! zero-width space pasted with a number), full-width forms folded (`０９０` → `090`).
//!
//! Normalising, decided once for all:
//!
//! - **Codes** (個人番号, 法人番号, 団体コード, 金融機関・支店コード, 口座番号): hyphens of every
//!   kind and spaces are separators and are removed; the one right form is the digits alone.
//! - **郵便番号**: 7 digits with or without a hyphen, an optional 〒, full width; written
//!   `NNN-NNNN`.
//! - **電話番号**: the digits alone (`0237-35-1111`, `0237(35)1111` → `0237351111`). Where a
//!   number splits into area code and subscriber number depends on the area (1 to 5 digits),
//!   so the SDK does not invent a grouping, and keeping each resident's own grouping would give
//!   one number several forms; rules can then count digits (`size(phone) in [10, 11]`). Hosts
//!   format it for display. `+81` becomes `0` (`+81 90-1234-5678`, `+81 (0)90…` →
//!   `09012345678`). Mobile, IP and similar numbers (`020`, `050`, `060`, `070`, `080`, `090`,
//!   `0800`) have 11 digits, every other number 10; another length gets
//!   `phone.wrong_length` with the length expected for that start.
//! - **メールアドレス**: trimmed, `＠` `﹫` and `。` `．` `｡` folded, trailing dots after the
//!   domain dropped, the domain in lower case (the local part keeps its case: it may matter).
//!   A domain one typing slip away from a common one (`gmial.com`) is a warning with a
//!   one-press fix (`fix-email-domain`), never a silent change.
//! - **口座番号**: 7 digits. A shorter number is *not* padded silently: passbooks and cards
//!   print all 7 digits, so a short number is more often a dropped digit than a real short
//!   number, and a silently padded wrong number sends money to someone else. It is an error
//!   with a one-press fix that pads it with zeros (`fix-pad-account-number`).
//! - **法人番号**: `T` and 13 digits is an invoice registration number; a one-press fix
//!   (`fix-remove-t`) leaves the 13 digits (`corporate_number.invoice_number`).
//! - **団体コード**: a 5-digit code (the form without check digit, used in statistics) gets a
//!   one-press fix adding the check digit (`fix-add-check-digit`).
//!
//! The typed value and the normalised answer are given whenever the answer has the type's
//! shape (the right number of digits, a well-formed address), also when a check digit or a
//! length limit then fails; they are absent when it could not be read.
//!
//! 個人番号 is specific personal information: no problem, argument, machine fix or debug
//! output carries any digit of it (only the *count* of digits); the 12 digits are only in
//! [`Outcome::normalized`] and the typed value.

use serde_json::Value as Json;

use crate::ids;
use crate::model::Field;
use crate::validate::clean::is_invisible;
use crate::validate::normalize::{compact_digits, fold_width, is_hyphen_like, trim};
use crate::validate::{Context, MachineFix, Outcome, Problem, State};
use crate::value::Value;

/// Every problem code the identifier types emit.
pub const CODES: &[&str] = &[
    "my_number.wrong_format",
    "my_number.wrong_characters",
    "my_number.wrong_length",
    "my_number.check_digit",
    "corporate_number.wrong_format",
    "corporate_number.wrong_characters",
    "corporate_number.wrong_length",
    "corporate_number.check_digit",
    "corporate_number.invoice_number",
    "local_government_code.wrong_format",
    "local_government_code.wrong_characters",
    "local_government_code.wrong_length",
    "local_government_code.missing_check_digit",
    "local_government_code.check_digit",
    "postal_code.wrong_format",
    "postal_code.wrong_characters",
    "postal_code.wrong_length",
    "phone.wrong_format",
    "phone.wrong_characters",
    "phone.wrong_start",
    "phone.wrong_length",
    "email.wrong_format",
    "email.missing_at",
    "email.wrong_characters",
    "email.too_long",
    "email.too_short",
    "email.domain_typo",
    "bank_code.wrong_format",
    "bank_code.wrong_characters",
    "bank_code.wrong_length",
    "branch_code.wrong_format",
    "branch_code.wrong_characters",
    "branch_code.wrong_length",
    "account_number.wrong_format",
    "account_number.wrong_characters",
    "account_number.too_short",
    "account_number.too_long",
];

/// Every machine-fix label the identifier types offer.
pub const FIXES: &[&str] = &["fix-add-check-digit", "fix-email-domain", "fix-pad-account-number", "fix-remove-t"];

/// Reads, normalises and judges one non-empty answer.
pub fn interpret(kind: Kind, field: &Field, answer: &Json, cx: &Context<'_>) -> Outcome {
    let _ = cx;
    match kind {
        Kind::MyNumber => checked_code(answer, &MY_NUMBER, ids::is_valid_my_number),
        Kind::CorporateNumber => corporate_number(answer),
        Kind::LocalGovernmentCode => local_government_code(answer),
        Kind::PostalCode => postal_code(answer),
        Kind::Phone => phone(answer),
        Kind::Email => email(field, answer),
        Kind::BankCode => checked_code(answer, &BANK_CODE, |_| true),
        Kind::BranchCode => checked_code(answer, &BRANCH_CODE, |_| true),
        Kind::AccountNumber => account_number(answer),
    }
}

/// The identifier types: the dispatcher names one for each field type it sends here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `my_number`.
    MyNumber,
    /// `corporate_number`.
    CorporateNumber,
    /// `local_government_code`.
    LocalGovernmentCode,
    /// `postal_code`.
    PostalCode,
    /// `phone`.
    Phone,
    /// `email`.
    Email,
    /// `bank_code`.
    BankCode,
    /// `branch_code`.
    BranchCode,
    /// `account_number`.
    AccountNumber,
}

/// The codes of a fixed-length digit code.
struct Spec {
    len: usize,
    wrong_format: &'static str,
    wrong_characters: &'static str,
    wrong_length: &'static str,
    check_digit: &'static str,
}

const MY_NUMBER: Spec = Spec {
    len: 12,
    wrong_format: "my_number.wrong_format",
    wrong_characters: "my_number.wrong_characters",
    wrong_length: "my_number.wrong_length",
    check_digit: "my_number.check_digit",
};

const CORPORATE_NUMBER: Spec = Spec {
    len: 13,
    wrong_format: "corporate_number.wrong_format",
    wrong_characters: "corporate_number.wrong_characters",
    wrong_length: "corporate_number.wrong_length",
    check_digit: "corporate_number.check_digit",
};

const LOCAL_GOVERNMENT_CODE: Spec = Spec {
    len: 6,
    wrong_format: "local_government_code.wrong_format",
    wrong_characters: "local_government_code.wrong_characters",
    wrong_length: "local_government_code.wrong_length",
    check_digit: "local_government_code.check_digit",
};

const BANK_CODE: Spec = Spec {
    len: 4,
    wrong_format: "bank_code.wrong_format",
    wrong_characters: "bank_code.wrong_characters",
    wrong_length: "bank_code.wrong_length",
    check_digit: "",
};

const BRANCH_CODE: Spec = Spec {
    len: 3,
    wrong_format: "branch_code.wrong_format",
    wrong_characters: "branch_code.wrong_characters",
    wrong_length: "branch_code.wrong_length",
    check_digit: "",
};

const ACCOUNT_NUMBER: Spec = Spec {
    len: 7,
    wrong_format: "account_number.wrong_format",
    wrong_characters: "account_number.wrong_characters",
    wrong_length: "account_number.too_long",
    check_digit: "",
};

/// The answer as text: a string, or a whole non-negative JSON number written in digits.
fn as_text(answer: &Json) -> Option<String> {
    match answer {
        Json::String(s) => Some(s.clone()),
        Json::Number(n) => n.as_u64().map(|n| n.to_string()),
        _ => None,
    }
}

/// Invisible formatting and control characters dropped, widths folded, trimmed.
pub(super) fn plain(s: &str) -> String {
    plain_cow(s).into_owned()
}

/// [`plain`], borrowing `s` when it is plain already (most answers are).
pub(super) fn plain_cow(s: &str) -> std::borrow::Cow<'_, str> {
    let kept = |c: char| !is_invisible(c) && !c.is_control() && !matches!(c, '\u{FF01}'..='\u{FF5E}' | '\u{3000}');
    if s.chars().all(kept) && trim(s).len() == s.len() {
        return std::borrow::Cow::Borrowed(s);
    }
    let visible: String = s.chars().filter(|c| !is_invisible(*c) && !c.is_control()).collect();
    std::borrow::Cow::Owned(trim(&fold_width(&visible)).to_string())
}

/// The digits of a code with its separators (hyphens, spaces) removed, or `None` when
/// anything but digits is left (or nothing at all).
fn digits_of(s: &str) -> Option<String> {
    let d = compact_digits(s);
    (!d.is_empty() && d.bytes().all(|b| b.is_ascii_digit())).then_some(d)
}

/// Reads a digit code: its digits, or the problem that stops reading.
fn read_code(answer: &Json, spec: &Spec) -> Result<String, Problem> {
    let Some(text) = as_text(answer) else {
        return Err(Problem::error(spec.wrong_format, State::WrongFormat));
    };
    digits_of(&plain_cow(&text)).ok_or_else(|| Problem::error(spec.wrong_characters, State::WrongCharacters))
}

/// The problem of a code with `count` digits where `spec.len` are needed.
fn length_problem(spec: &Spec, count: usize) -> Problem {
    let state = if count < spec.len { State::TooShort } else { State::TooLong };
    Problem::error(spec.wrong_length, state).arg("count", count)
}

/// A string read into its one right form.
fn read(s: String) -> Outcome {
    Outcome::ok(Value::String(s.clone()), Json::String(s))
}

/// A fixed-length code, with a check digit when `valid` says so.
fn checked_code(answer: &Json, spec: &Spec, valid: fn(&str) -> bool) -> Outcome {
    let digits = match read_code(answer, spec) {
        Ok(d) => d,
        Err(p) => return Outcome::problem(p),
    };
    if digits.len() != spec.len {
        return Outcome::problem(length_problem(spec, digits.len()));
    }
    let ok = valid(&digits);
    let mut out = read(digits);
    if !ok {
        out.problems.push(Problem::error(spec.check_digit, State::Impossible));
    }
    out
}

/// 法人番号: 13 digits, check digit first. `T` and 13 digits is an invoice registration
/// number (適格請求書発行事業者登録番号), which for a corporation is `T` and its 法人番号: a
/// one-press fix takes the `T` away (not silently: a sole proprietor's registration number is
/// not a 法人番号).
fn corporate_number(answer: &Json) -> Outcome {
    let invoice = as_text(answer).and_then(|t| {
        let p = plain(&t);
        let rest = p.strip_prefix(['T', 't'])?;
        digits_of(rest).filter(|d| d.len() == 13)
    });
    if let Some(digits) = invoice {
        return Outcome::problem(
            Problem::error("corporate_number.invoice_number", State::WrongFormat).fix(MachineFix {
                code: "fix-remove-t",
                value: digits.clone(),
                args: vec![("value", digits)],
            }),
        );
    }
    checked_code(answer, &CORPORATE_NUMBER, ids::is_valid_corporate_number)
}

/// 全国地方公共団体コード: 6 digits with a check digit; 5 digits get a fix adding it.
fn local_government_code(answer: &Json) -> Outcome {
    let spec = &LOCAL_GOVERNMENT_CODE;
    let digits = match read_code(answer, spec) {
        Ok(d) => d,
        Err(p) => return Outcome::problem(p),
    };
    match (digits.len(), ids::local_government_check_digit(&digits)) {
        (5, Some(check)) => {
            let fixed = format!("{digits}{check}");
            Outcome::problem(
                Problem::error("local_government_code.missing_check_digit", State::TooShort).fix(MachineFix {
                    code: "fix-add-check-digit",
                    value: fixed.clone(),
                    args: vec![("value", fixed)],
                }),
            )
        }
        (6, _) => checked_code(answer, spec, ids::is_valid_local_government_code),
        (n, _) => Outcome::problem(length_problem(spec, n)),
    }
}

/// Why a postal code could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum PostalError {
    /// Something other than digits, separators and a leading 〒.
    WrongCharacters,
    /// Not 7 digits (the count).
    WrongLength(usize),
}

/// A postal code in its one right form `NNN-NNNN` (7 digits, with or without a hyphen of any
/// kind, spaces, a leading 〒, full width).
pub(super) fn parse_postal_code(text: &str) -> Result<String, PostalError> {
    let p = plain(text);
    let p = p.strip_prefix('〒').unwrap_or(&p);
    let digits = digits_of(p).ok_or(PostalError::WrongCharacters)?;
    if digits.len() != 7 {
        return Err(PostalError::WrongLength(digits.len()));
    }
    Ok(format!("{}-{}", &digits[..3], &digits[3..]))
}

fn postal_code(answer: &Json) -> Outcome {
    let Some(text) = as_text(answer) else {
        return Outcome::problem(Problem::error("postal_code.wrong_format", State::WrongFormat));
    };
    match parse_postal_code(&text) {
        Ok(code) => read(code),
        Err(PostalError::WrongCharacters) => {
            Outcome::problem(Problem::error("postal_code.wrong_characters", State::WrongCharacters))
        }
        Err(PostalError::WrongLength(n)) => {
            let state = if n < 7 { State::TooShort } else { State::TooLong };
            Outcome::problem(Problem::error("postal_code.wrong_length", state).arg("count", n))
        }
    }
}

/// How many digits a Japanese number starting like `digits` has: 11 for mobile, IP, pager
/// and FMC numbers (`020`, `050`, `060`, `070`, `080`, `090`) and `0800`, 10 for the rest
/// (fixed lines, `0120`, `0570`…).
fn phone_length(digits: &str) -> usize {
    let b = digits.as_bytes();
    let eleven = digits.starts_with("0800")
        || (b.len() >= 3 && matches!(b[1], b'2' | b'5' | b'6' | b'7' | b'8' | b'9') && b[2] == b'0');
    if eleven { 11 } else { 10 }
}

fn phone(answer: &Json) -> Outcome {
    let Some(text) = as_text(answer) else {
        return Outcome::problem(Problem::error("phone.wrong_format", State::WrongFormat));
    };
    let compact: String = plain(&text)
        .chars()
        .filter(|c| !c.is_whitespace() && !is_hyphen_like(*c) && !matches!(c, '(' | ')' | '.'))
        .collect();
    let wrong_characters = || Outcome::problem(Problem::error("phone.wrong_characters", State::WrongCharacters));
    let wrong_start = || Outcome::problem(Problem::error("phone.wrong_start", State::WrongFormat));
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let digits = match compact.strip_prefix('+') {
        Some(international) => {
            if !all_digits(international) {
                return wrong_characters();
            }
            // Japan's country code; the trunk 0 is dropped after it (sometimes kept as "(0)").
            match international.strip_prefix("81") {
                Some(rest) if rest.starts_with('0') => rest.to_string(),
                Some(rest) if !rest.is_empty() => format!("0{rest}"),
                _ => return wrong_start(),
            }
        }
        None => compact,
    };
    if !all_digits(&digits) {
        return wrong_characters();
    }
    if !digits.starts_with('0') {
        return wrong_start();
    }
    let expected = phone_length(&digits);
    if digits.len() != expected {
        let state = if digits.len() < expected { State::TooShort } else { State::TooLong };
        return Outcome::problem(
            Problem::error("phone.wrong_length", state).arg("count", digits.len()).arg("expected", expected),
        );
    }
    read(digits)
}

/// Domains many residents use, Japanese ones first (a tie goes to the earlier one). A typed
/// domain one slip away from one of the longer ones is a likely typo.
const COMMON_DOMAINS: &[&str] = &[
    "gmail.com",
    "yahoo.co.jp",
    "icloud.com",
    "docomo.ne.jp",
    "ezweb.ne.jp",
    "softbank.ne.jp",
    "i.softbank.jp",
    "ymobile.ne.jp",
    "outlook.jp",
    "hotmail.co.jp",
    "outlook.com",
    "hotmail.com",
    "ymail.ne.jp",
    "ybb.ne.jp",
    "nifty.com",
    "biglobe.ne.jp",
    "ocn.ne.jp",
    "yahoo.com",
    "googlemail.com",
    "au.com",
    "me.com",
    "mac.com",
    "live.jp",
];

/// Real domains that are one slip away from a common one (`mail.com`, `ymail.com`): never
/// called a typo.
const OTHER_REAL_DOMAINS: &[&str] = &[
    "mail.com",
    "email.com",
    "ymail.com",
    "gmx.com",
    "live.com",
    "msn.com",
    "aol.com",
    "proton.me",
    "protonmail.com",
    "zoho.com",
    "qq.com",
    "naver.com",
];

/// Common domains shorter than this are never suggested: too many real domains are one slip
/// away from `au.com` or `me.com`.
const MIN_SUGGESTED_LEN: usize = 8;

/// Whether two ASCII strings are at most one slip apart (restricted Damerau–Levenshtein
/// distance ≤ 1: one character added, left out or changed, or two neighbours swapped).
fn within_one_slip(a: &[u8], b: &[u8]) -> bool {
    if a == b {
        return true;
    }
    match a.len() as isize - b.len() as isize {
        0 => {
            let diff: Vec<usize> = (0..a.len()).filter(|&i| a[i] != b[i]).collect();
            match diff.as_slice() {
                [_] => true,
                [i, j] => *j == i + 1 && a[*i] == b[*j] && a[*j] == b[*i],
                _ => false,
            }
        }
        1 => (0..a.len()).any(|i| a[..i] == b[..i] && a[i + 1..] == b[i..]),
        -1 => within_one_slip(b, a),
        _ => false,
    }
}

/// The common domain `typed` is probably a slip for: one character added, left out,
/// changed or two swapped (`gmial.com`), or the end left out (`docomo.ne`, `gmail`).
fn suggest_domain(typed: &str) -> Option<&'static str> {
    if !typed.is_ascii() || COMMON_DOMAINS.contains(&typed) || OTHER_REAL_DOMAINS.contains(&typed) {
        return None;
    }
    COMMON_DOMAINS.iter().copied().filter(|d| d.len() >= MIN_SUGGESTED_LEN).find(|d| {
        within_one_slip(typed.as_bytes(), d.as_bytes())
            || (typed.len() >= 4 && d.strip_prefix(typed).is_some_and(|rest| rest.starts_with('.')))
    })
}

/// Characters a practical email local part takes (RFC 5322 atoms and dots; no quoting).
fn is_local_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || "!#$%&'*+/=?^_`{|}~.-".contains(c)
}

/// Whether `domain` is a host name of at least two labels with a top-level domain of letters
/// (international domain names allowed in their Unicode form).
fn is_domain(domain: &str) -> bool {
    let labels: Vec<&str> = domain.split('.').collect();
    let label_ok = |l: &&str| {
        !l.is_empty()
            && l.len() <= 63
            && !l.starts_with('-')
            && !l.ends_with('-')
            && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || (!c.is_ascii() && c.is_alphanumeric()))
    };
    let tld_ok = labels.last().is_some_and(|t| t.chars().count() >= 2 && !t.bytes().all(|b| b.is_ascii_digit()));
    labels.len() >= 2 && labels.iter().all(label_ok) && tld_ok
}

/// The longest email address (RFC 5321 path limit) when the field sets no `max_length`.
const EMAIL_MAX: usize = 254;

fn email(field: &Field, answer: &Json) -> Outcome {
    let Some(text) = answer.as_str() else {
        return Outcome::problem(Problem::error("email.wrong_format", State::WrongFormat));
    };
    let s: String = plain(text)
        .chars()
        .map(|c| match c {
            '﹫' => '@',
            '。' | '｡' => '.',
            _ => c,
        })
        .collect();
    let s = trim(&s);
    let mut parts = s.split('@');
    let (Some(local), Some(domain), None) = (parts.next(), parts.next(), parts.next()) else {
        let code = if s.contains('@') { "email.wrong_format" } else { "email.missing_at" };
        return Outcome::problem(Problem::error(code, State::WrongFormat));
    };
    if s.chars().any(char::is_whitespace) || !local.chars().all(is_local_char) {
        return Outcome::problem(Problem::error("email.wrong_characters", State::WrongCharacters));
    }
    let domain = domain.trim_end_matches('.').to_ascii_lowercase();
    if local.is_empty() || local.len() > 64 || !is_domain(&domain) {
        let mut p = Problem::error("email.wrong_format", State::WrongFormat);
        if let Some(d) = suggest_domain(&domain).filter(|_| !local.is_empty()) {
            p = p.fix(domain_fix(local, d));
        }
        return Outcome::problem(p);
    }
    let normalized = format!("{local}@{domain}");
    let length = normalized.chars().count();
    let max = field.max_length.map_or(EMAIL_MAX, |m| m as usize);
    let mut out = read(normalized);
    if length > max {
        out.problems.push(Problem::error("email.too_long", State::TooLong).arg("max", max));
    } else if let Some(min) = field.min_length.filter(|m| length < *m as usize) {
        out.problems.push(Problem::error("email.too_short", State::TooShort).arg("min", min));
    }
    if let Some(d) = suggest_domain(&domain) {
        out.problems
            .push(Problem::warning("email.domain_typo", State::WrongFormat).arg("domain", d).fix(domain_fix(local, d)));
    }
    out
}

fn domain_fix(local: &str, domain: &'static str) -> MachineFix {
    MachineFix {
        code: "fix-email-domain",
        value: format!("{local}@{domain}"),
        args: vec![("domain", domain.to_string())],
    }
}

/// 口座番号: 7 digits; a shorter number gets a one-press fix padding it with zeros.
fn account_number(answer: &Json) -> Outcome {
    let spec = &ACCOUNT_NUMBER;
    let digits = match read_code(answer, spec) {
        Ok(d) => d,
        Err(p) => return Outcome::problem(p),
    };
    match digits.len() {
        7 => read(digits),
        n if n < 7 => {
            let padded = format!("{digits:0>7}");
            Outcome::problem(Problem::error("account_number.too_short", State::TooShort).arg("count", n).fix(
                MachineFix { code: "fix-pad-account-number", value: padded.clone(), args: vec![("value", padded)] },
            ))
        }
        n => Outcome::problem(length_problem(spec, n)),
    }
}

/// Shared by the tests of the identifier, choice and structured types: fields, a code list,
/// the snapshot table and the catalogue checks.
#[cfg(test)]
pub(super) mod kit {
    use serde_json::{Value as Json, json};

    use crate::date::Date;
    use crate::model::{CodeList, Field, Lang};
    use crate::validate::messages::{catalogue, message_id};
    use crate::validate::{Context, Outcome, Problem};

    /// Words no resident-facing message may use (shared/design/ERRORS.md).
    pub const BANNED: &[&str] = &["不正", "エラーが発生", "invalid", "please", "oops"];

    /// The label of a field of `ty` in ja, en and ja-easy, as a definition would give it.
    pub fn label(ty: &str) -> [&'static str; 3] {
        match ty {
            "my_number" => ["個人番号", "My Number", "マイナンバー"],
            "corporate_number" => ["法人番号", "Corporate number", "ほうじんばんごう"],
            "local_government_code" => {
                ["転入前の市区町村コード", "Code of your previous municipality", "まえの まちの ばんごう"]
            }
            "postal_code" => ["郵便番号", "Postal code", "ゆうびんばんごう"],
            "phone" => ["電話番号", "Phone number", "でんわばんごう"],
            "email" => ["メールアドレス", "Email address", "メールアドレス"],
            "bank_code" => ["金融機関コード", "Bank code", "ぎんこうの ばんごう"],
            "branch_code" => ["支店コード", "Branch code", "してんの ばんごう"],
            "account_number" => ["口座番号", "Account number", "こうざばんごう"],
            "boolean" => ["配偶者がいますか", "Do you have a spouse", "けっこんした あいてが いますか"],
            "consent" => [
                "町が、預貯金などの状況を金融機関などに照会することに同意します",
                "I agree that the town may ask banks and other institutions about the savings",
                "まちが ぎんこうに ちょきんを たずねる ことに どういします",
            ],
            "choice" => ["届出の理由", "Reason for the notification", "とどけの りゆう"],
            "multi_choice" => ["変わったこと", "What has changed", "かわった こと"],
            "code" => ["世帯主との続柄", "Relationship to the head of household", "せたいぬしとの かんけい"],
            "address" => ["住所", "Address", "じゅうしょ"],
            "file" => [
                "資格喪失証明書の写真",
                "Photo of your certificate of loss of coverage",
                "ほけんを やめた しょうめいしょの しゃしん",
            ],
            "group" => ["一緒に引っ越した人", "People who moved with you", "いっしょに ひっこした ひと"],
            _ => ["項目", "Field", "こうもく"],
        }
    }

    /// A field of `ty` with its label and `extra` constraints.
    pub fn field(ty: &str, extra: &Json) -> Field {
        let [ja, en, easy] = label(ty);
        let mut f = json!({"id": "f", "type": ty, "label": {"ja": ja, "en": en, "ja-easy": easy}});
        if let (Some(o), Some(e)) = (f.as_object_mut(), extra.as_object()) {
            o.extend(e.clone());
        }
        serde_json::from_value(f).expect("a valid field")
    }

    /// The code lists the tests' catalogue has (`relationship`, a sample).
    pub fn code_lists() -> Vec<CodeList> {
        serde_json::from_value(json!([{
            "sample": true,
            "id": "relationship",
            "version": "1.0.0",
            "title": {"ja": "続柄", "en": "Relationship"},
            "codes": [
                {"code": "01", "label": {"ja": "世帯主", "en": "Head of household"}},
                {"code": "02", "label": {"ja": "妻", "en": "Wife"}},
                {"code": "03", "label": {"ja": "夫", "en": "Husband"}},
                {"code": "11", "label": {"ja": "子", "en": "Child"}},
            ],
        }]))
        .expect("a valid code list")
    }

    /// Reads `answer` as a field of `ty` with `extra` constraints would.
    pub fn run(ty: &str, extra: &Json, answer: &Json) -> Outcome {
        let lists = code_lists();
        let cx = Context { today: Date::new(2025, 6, 1).expect("a real date"), code_lists: &lists };
        crate::validate::interpret(&field(ty, extra), answer, &cx)
    }

    /// The codes of an outcome's problems.
    pub fn codes(o: &Outcome) -> Vec<&'static str> {
        o.problems.iter().map(|p| p.code).collect()
    }

    /// The words of `id` in `lang`: present, every argument resolved, no banned word.
    pub fn words(lang: Lang, id: &str, args: &[(&str, String)]) -> String {
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

    /// A problem in `lang` as residents read it: message, fix, and the machine fix's label
    /// with the value it sets. Asserts every word exists.
    pub fn explain(p: &Problem, ty: &str, lang: Lang) -> (String, String, Option<(String, String)>) {
        let i = Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0);
        let mut args: Vec<(&str, String)> = p.args.clone();
        args.push(("label", label(ty)[i].to_string()));
        let id = message_id(p.code);
        let message = words(lang, &id, &args);
        let fix = words(lang, &format!("{id}-fix"), &args);
        let machine = p.machine_fix.as_ref().map(|m| {
            let mut fargs: Vec<(&str, String)> = m.args.clone();
            fargs.push(("label", label(ty)[i].to_string()));
            (words(lang, m.code, &fargs), m.value.clone())
        });
        (message, fix, machine)
    }

    /// The snapshot table: per case, the type, constraints and answer, what it normalises to,
    /// then each problem in ja, en and ja-easy as
    /// `code | severity | message | fix | [machine fix label] → value`. Asserts every code is
    /// one of `codes` and every machine fix one of `fixes`.
    pub fn table(cases: &[(&str, Json, Json)], codes: &[&str], fixes: &[&str]) -> String {
        let mut out = String::new();
        for (ty, extra, answer) in cases {
            let o = run(ty, extra, answer);
            // Options shown by their values only.
            let mut shown = extra.clone();
            if let Some(options) = shown.get_mut("options") {
                let values: Vec<Json> =
                    options.as_array().into_iter().flatten().filter_map(|o| o.get("value").cloned()).collect();
                *options = Json::Array(values);
            }
            let constraints =
                if shown.as_object().is_some_and(|e| !e.is_empty()) { format!("  {shown}") } else { String::new() };
            out.push_str(&format!("▶ {ty}: {answer}{constraints}\n"));
            match &o.normalized {
                Some(n) => out.push_str(&format!("  = {n}\n")),
                None => out.push_str("  = (not read)\n"),
            }
            assert!(o.value.is_some() || !o.problems.is_empty(), "{ty} {answer}: neither a value nor a problem");
            for p in &o.problems {
                assert!(codes.contains(&p.code), "{} is not in CODES", p.code);
                for lang in Lang::ALL {
                    let (message, fix, machine) = explain(p, ty, lang);
                    let machine = machine.map_or(String::new(), |(l, v)| {
                        assert!(p.machine_fix.as_ref().is_some_and(|m| fixes.contains(&m.code)), "fix not in FIXES");
                        format!(" | [{l}] → {v}")
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

    /// Sample arguments for every argument the messages take.
    fn sample_args() -> Vec<(&'static str, String)> {
        [
            ("label", "項目"),
            ("count", "5"),
            ("expected", "10"),
            ("min", "2"),
            ("max", "3"),
            ("need", "1"),
            ("excess", "2"),
            ("domain", "gmail.com"),
            ("value", "063410"),
            ("part", "city"),
            ("size", "7.2 MB"),
            ("types", "PDF, JPEG"),
            ("listed", "PDF・JPEG・PNG"),
            ("last", "PNG"),
        ]
        .into_iter()
        .map(|(k, v)| (k, v.to_string()))
        .collect()
    }

    /// Every code has a message and a fix, and every machine fix a label, in ja, en and
    /// ja-easy (for each plural variant), without banned words or unresolved arguments.
    pub fn catalogue_is_complete(codes: &[&str], fixes: &[&str]) {
        for lang in Lang::ALL {
            for count in ["1", "2", "11"] {
                let mut args = sample_args();
                for (k, v) in &mut args {
                    if matches!(*k, "count" | "min" | "max" | "need" | "excess") {
                        *v = count.to_string();
                    }
                }
                for code in codes {
                    let id = message_id(code);
                    assert!(!words(lang, &id, &args).is_empty());
                    assert!(!words(lang, &format!("{id}-fix"), &args).is_empty());
                }
                for fix in fixes {
                    assert!(!words(lang, fix, &args).is_empty());
                }
            }
        }
    }

    /// Message ids defined in our own files (`identifiers.ftl`) of `lang`.
    pub fn own_ids(lang: Lang) -> Vec<String> {
        let source = match lang {
            Lang::Ja => include_str!("../../../messages/ja/identifiers.ftl"),
            Lang::En => include_str!("../../../messages/en/identifiers.ftl"),
            Lang::JaEasy => include_str!("../../../messages/ja-easy/identifiers.ftl"),
        };
        source
            .lines()
            .filter(|l| !l.starts_with([' ', '#']) && l.contains(" ="))
            .filter_map(|l| l.split_once(" =").map(|(id, _)| id.to_string()))
            .collect()
    }

    /// Any JSON value: every type, deep nesting, and the texts of [`any_text`].
    pub fn any_json() -> impl proptest::strategy::Strategy<Value = Json> {
        use proptest::prelude::*;
        let leaf = prop_oneof![
            Just(Json::Null),
            any::<bool>().prop_map(Json::Bool),
            any::<i64>().prop_map(Json::from),
            any::<f64>().prop_map(Json::from),
            any_text().prop_map(Json::String),
        ];
        leaf.prop_recursive(3, 24, 6, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..6).prop_map(Json::Array),
                prop::collection::btree_map(
                    prop_oneof![
                        Just("postal_code".to_string()),
                        Just("prefecture".to_string()),
                        Just("city".to_string()),
                        Just("town".to_string()),
                        Just("block".to_string()),
                        Just("building".to_string()),
                        Just("name".to_string()),
                        Just("size_kb".to_string()),
                        Just("media_type".to_string()),
                        "[a-z_]{1,8}",
                    ],
                    inner,
                    0..6
                )
                .prop_map(|m| Json::Object(m.into_iter().collect())),
            ]
        })
    }

    /// Texts residents and hosts send, tricky ones included: digits of both widths, every
    /// dash, spaces, control characters, zero-width and bidirectional marks, emoji, kana of
    /// both widths, @ and dots.
    pub fn any_text() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let tricky = prop::sample::select(vec![
            '0',
            '1',
            '2',
            '5',
            '7',
            '9',
            '０',
            '１',
            '９',
            '-',
            'ー',
            '－',
            '‐',
            '−',
            '―',
            'ｰ',
            ' ',
            '\u{3000}',
            '\t',
            '\n',
            '\u{0}',
            '\u{7}',
            '\u{200B}',
            '\u{200E}',
            '\u{202E}',
            '\u{2066}',
            '\u{FEFF}',
            '😀',
            '👨',
            '\u{200D}',
            'a',
            'Z',
            'ｱ',
            'ｶ',
            'ﾞ',
            'ﾟ',
            'あ',
            '山',
            '〒',
            '@',
            '＠',
            '.',
            '。',
            '+',
            '(',
            ')',
            '丁',
            '目',
            '県',
            '\u{E0100}',
            '\u{301}',
        ]);
        prop_oneof![
            any::<String>(),
            prop::collection::vec(tricky, 0..40).prop_map(String::from_iter),
            "[0-9０-９ー－ -]{0,16}",
            "[a-zA-Z0-9._+-]{0,10}[@＠][a-z0-9.-]{0,12}",
        ]
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use serde_json::{Value as Json, json};

    use super::kit::{self, codes, run};
    use super::*;
    use crate::model::Lang;
    use crate::validate::messages::message_id;

    const TYPES: [&str; 9] = [
        "my_number",
        "corporate_number",
        "local_government_code",
        "postal_code",
        "phone",
        "email",
        "bank_code",
        "branch_code",
        "account_number",
    ];

    fn normalized(ty: &str, answer: Json) -> Option<Json> {
        let o = run(ty, &json!({}), &answer);
        assert!(o.problems.is_empty(), "{ty} {answer}: {:?}", o.problems);
        o.normalized
    }

    #[test]
    fn postal_codes_are_read_in_every_usual_form() {
        for input in [
            "999-4112",
            "9994112",
            "９９９ー４１１２",
            "〒999-4112",
            "〒 ９９９－４１１２",
            " 999 4112 ",
            "999\u{200B}-4112",
        ] {
            assert_eq!(normalized("postal_code", json!(input)), Some(json!("999-4112")), "{input}");
        }
        assert_eq!(normalized("postal_code", json!(9994112)), Some(json!("999-4112")));
        let o = run("postal_code", &json!({}), &json!("999-411"));
        assert_eq!(codes(&o), ["postal_code.wrong_length"]);
        assert_eq!(o.problems[0].args, [("count", "6".to_string())]);
        assert_eq!(codes(&run("postal_code", &json!({}), &json!("999-41l2"))), ["postal_code.wrong_characters"]);
        assert_eq!(codes(&run("postal_code", &json!({}), &json!(["999-4112"]))), ["postal_code.wrong_format"]);
    }

    #[test]
    fn postal_code_message_reads_as_the_design_says() {
        let o = run("postal_code", &json!({}), &json!("999411"));
        let (message, fix, _) = kit::explain(&o.problems[0], "postal_code", Lang::Ja);
        assert_eq!(message, "郵便番号は7桁の数字です。入力された郵便番号は6桁です");
        assert!(fix.contains("例: 999-4112"));
        let (message, _, _) = kit::explain(&o.problems[0], "postal_code", Lang::En);
        assert_eq!(message, "Postal code must be 7 digits, like 999-4112. You entered 6 digits");
    }

    #[test]
    fn my_numbers_check_digit_and_design_words() {
        assert_eq!(normalized("my_number", json!("1234 5678 9018")), Some(json!("123456789018")));
        assert_eq!(normalized("my_number", json!("１２３４－５６７８－９０１８")), Some(json!("123456789018")));
        let o = run("my_number", &json!({}), &json!("123456789012"));
        assert_eq!(codes(&o), ["my_number.check_digit"]);
        // Read, so the form keeps it, but only in `normalized`.
        assert_eq!(o.normalized, Some(json!("123456789012")));
        let (message, fix, _) = kit::explain(&o.problems[0], "my_number", Lang::Ja);
        assert_eq!(
            format!("{message}。{fix}"),
            "個人番号の数字が1つ違っている可能性があります。カードの12桁をもう一度確認してください"
        );
        let (message, fix, _) = kit::explain(&o.problems[0], "my_number", Lang::En);
        assert_eq!(
            format!("{message}. {fix}"),
            "My Number may have a wrong digit. Check the 12 digits on your card again"
        );
        let o = run("my_number", &json!({}), &json!("12345678901"));
        assert_eq!(codes(&o), ["my_number.wrong_length"]);
        assert_eq!(o.problems[0].args, [("count", "11".to_string())]);
        assert_eq!(codes(&run("my_number", &json!({}), &json!("1234-5678-901X"))), ["my_number.wrong_characters"]);
    }

    /// Everything a problem of a My Number shows or logs: its debug form, its arguments and
    /// its words in every language.
    fn my_number_exposure(answer: &str) -> Vec<String> {
        let o = run("my_number", &json!({}), &json!(answer));
        let mut seen = Vec::new();
        for p in &o.problems {
            seen.push(format!("{p:?}"));
            seen.push(serde_json::to_string(p).unwrap_or_default());
            for (k, v) in &p.args {
                // Only the count of digits is ever an argument.
                assert_eq!(*k, "count", "{p:?}");
                assert!(v.len() <= 3);
            }
            assert!(p.machine_fix.is_none());
            for lang in Lang::ALL {
                let (message, fix, _) = kit::explain(p, "my_number", lang);
                seen.push(message);
                seen.push(fix);
            }
        }
        seen
    }

    /// Every run of 3 digits of the answer (in the order typed, separators left out).
    fn digit_runs(answer: &str) -> Vec<String> {
        let digits: Vec<char> = compact_digits(answer).chars().filter(char::is_ascii_digit).collect();
        digits.windows(3).map(|w| w.iter().collect()).collect()
    }

    #[test]
    fn no_digit_of_a_my_number_is_shown_or_logged() {
        for answer in [
            "123456789012",
            "123456789018x",
            "9876543210",
            "987654321098765",
            "９８７６ ５４３２ １０９８",
            "98-76-54-32-10-98",
        ] {
            let seen = my_number_exposure(answer);
            assert!(!seen.is_empty() || run("my_number", &json!({}), &json!(answer)).problems.is_empty());
            for run3 in digit_runs(answer) {
                for s in &seen {
                    assert!(!s.contains(&run3), "{run3} of the answer shows in {s}");
                }
            }
        }
    }

    proptest! {
        #[test]
        fn no_digit_of_any_my_number_is_shown(
            groups in prop::collection::vec("[0-9]{1,6}", 1..6),
            sep in prop::sample::select(vec!["", " ", "-", "ー", "　", "a", "\u{200B}"]),
            width in any::<bool>(),
        ) {
            let mut answer = groups.join(sep);
            if width {
                answer = answer.chars().map(|c| if c.is_ascii_digit() { char::from_u32(c as u32 + 0xFEE0).unwrap_or(c) } else { c }).collect();
            }
            let seen = my_number_exposure(&answer);
            for run3 in digit_runs(&answer) {
                for s in &seen {
                    prop_assert!(!s.contains(&run3), "{} of {} shows in {}", run3, answer, s);
                }
            }
        }
    }

    #[test]
    fn corporate_numbers_and_local_government_codes() {
        assert_eq!(normalized("corporate_number", json!("7-0000-1205-0002")), Some(json!("7000012050002")));
        assert_eq!(
            codes(&run("corporate_number", &json!({}), &json!("1000012050002"))),
            ["corporate_number.check_digit"]
        );
        assert_eq!(
            codes(&run("corporate_number", &json!({}), &json!("700001205000"))),
            ["corporate_number.wrong_length"]
        );
        assert_eq!(normalized("local_government_code", json!("063410")), Some(json!("063410")));
        assert_eq!(
            codes(&run("local_government_code", &json!({}), &json!("063411"))),
            ["local_government_code.check_digit"]
        );
        let o = run("local_government_code", &json!({}), &json!("06341"));
        assert_eq!(codes(&o), ["local_government_code.missing_check_digit"]);
        let fix = o.problems[0].machine_fix.as_ref().map(|f| f.value.clone());
        assert_eq!(fix.as_deref(), Some("063410"));
        // The fix is right: applied, it is clean.
        assert!(run("local_government_code", &json!({}), &json!(fix)).problems.is_empty());
        assert_eq!(
            codes(&run("local_government_code", &json!({}), &json!("0634"))),
            ["local_government_code.wrong_length"]
        );
    }

    #[test]
    fn phone_numbers_are_digits_only() {
        for (input, want) in [
            ("0237-35-2111", "0237352111"),
            ("0237(35)2111", "0237352111"),
            ("（０２３７）３５－２１１１", "0237352111"),
            ("090-1234-5678", "09012345678"),
            ("+81 90-1234-5678", "09012345678"),
            ("+81 (0)90 1234 5678", "09012345678"),
            ("+81-237-35-2111", "0237352111"),
            ("0120-123-456", "0120123456"),
            ("0800-123-4567", "08001234567"),
            ("050.1234.5678", "05012345678"),
        ] {
            assert_eq!(normalized("phone", json!(input)), Some(json!(want)), "{input}");
        }
        let o = run("phone", &json!({}), &json!("090-1234-567"));
        assert_eq!(codes(&o), ["phone.wrong_length"]);
        assert_eq!(o.problems[0].args, [("count", "10".to_string()), ("expected", "11".to_string())]);
        let o = run("phone", &json!({}), &json!("03-1234-56789"));
        assert_eq!(o.problems[0].args, [("count", "11".to_string()), ("expected", "10".to_string())]);
        assert_eq!(codes(&run("phone", &json!({}), &json!("237-35-2111"))), ["phone.wrong_start"]);
        assert_eq!(codes(&run("phone", &json!({}), &json!("+1 202 555 0100"))), ["phone.wrong_start"]);
        assert_eq!(codes(&run("phone", &json!({}), &json!("0237-35-2111 内線12"))), ["phone.wrong_characters"]);
        assert_eq!(codes(&run("phone", &json!({}), &json!({"number": "0237352111"}))), ["phone.wrong_format"]);
    }

    #[test]
    fn email_addresses() {
        assert_eq!(normalized("email", json!(" Taro.Yamada@Example.JP ")), Some(json!("Taro.Yamada@example.jp")));
        assert_eq!(normalized("email", json!("ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ")), Some(json!("taro@example.jp")));
        assert_eq!(normalized("email", json!("taro@example。jp")), Some(json!("taro@example.jp")));
        assert_eq!(normalized("email", json!("taro@example.jp.")), Some(json!("taro@example.jp")));
        assert_eq!(normalized("email", json!("taro..@docomo.ne.jp")), Some(json!("taro..@docomo.ne.jp")));
        assert_eq!(codes(&run("email", &json!({}), &json!("taro.example.jp"))), ["email.missing_at"]);
        assert_eq!(codes(&run("email", &json!({}), &json!("taro@@example.jp"))), ["email.wrong_format"]);
        assert_eq!(codes(&run("email", &json!({}), &json!("@example.jp"))), ["email.wrong_format"]);
        assert_eq!(codes(&run("email", &json!({}), &json!("taro@localhost"))), ["email.wrong_format"]);
        assert_eq!(codes(&run("email", &json!({}), &json!("たろう@example.jp"))), ["email.wrong_characters"]);
        assert_eq!(codes(&run("email", &json!({}), &json!("taro yamada@example.jp"))), ["email.wrong_characters"]);
        let o = run("email", &json!({"max_length": 10}), &json!("taro@example.jp"));
        assert_eq!(codes(&o), ["email.too_long"]);
        assert_eq!(o.normalized, Some(json!("taro@example.jp")));
    }

    #[test]
    fn common_domain_typos_are_a_warning_with_a_fix() {
        for (typed, want) in [
            ("taro@gmial.com", "taro@gmail.com"),
            ("taro@gmai.com", "taro@gmail.com"),
            ("taro@gmail.con", "taro@gmail.com"),
            ("taro@yahoo.co.jpp", "taro@yahoo.co.jp"),
            ("taro@yahoo.co", "taro@yahoo.co.jp"),
            ("taro@docomo.ne", "taro@docomo.ne.jp"),
            ("taro@ezweb.ne.jo", "taro@ezweb.ne.jp"),
            ("taro@icluod.com", "taro@icloud.com"),
        ] {
            let o = run("email", &json!({}), &json!(typed));
            assert_eq!(codes(&o), ["email.domain_typo"], "{typed}");
            assert_eq!(o.problems[0].severity, crate::model::Severity::Warning);
            assert_eq!(o.problems[0].machine_fix.as_ref().map(|f| f.value.as_str()), Some(want), "{typed}");
            // Kept as typed: a warning changes nothing.
            assert_eq!(o.normalized, Some(json!(typed)));
        }
        // Not a domain at all (no dot, a one-letter end): an error, with the same fix.
        for (typed, want) in [("taro@gmailcom", "taro@gmail.com"), ("taro@ezweb.ne.j", "taro@ezweb.ne.jp")] {
            let o = run("email", &json!({}), &json!(typed));
            assert_eq!(codes(&o), ["email.wrong_format"]);
            assert_eq!(o.problems[0].machine_fix.as_ref().map(|f| f.value.as_str()), Some(want));
        }
        // Real domains near common ones are left alone.
        for fine in [
            "taro@mail.com",
            "taro@email.com",
            "taro@ymail.com",
            "taro@gmail.com",
            "taro@me.com",
            "taro@city.oishida.yamagata.jp",
        ] {
            assert!(run("email", &json!({}), &json!(fine)).problems.is_empty(), "{fine}");
        }
    }

    #[test]
    fn bank_codes_and_account_numbers() {
        assert_eq!(normalized("bank_code", json!("０００１")), Some(json!("0001")));
        assert_eq!(codes(&run("bank_code", &json!({}), &json!("001"))), ["bank_code.wrong_length"]);
        assert_eq!(codes(&run("bank_code", &json!({}), &json!("みずほ"))), ["bank_code.wrong_characters"]);
        assert_eq!(normalized("branch_code", json!("001")), Some(json!("001")));
        assert_eq!(codes(&run("branch_code", &json!({}), &json!("0012"))), ["branch_code.wrong_length"]);
        assert_eq!(normalized("account_number", json!("1234567")), Some(json!("1234567")));
        let o = run("account_number", &json!({}), &json!("12345"));
        assert_eq!(codes(&o), ["account_number.too_short"]);
        let fix = o.problems[0].machine_fix.as_ref().map(|f| f.value.clone());
        assert_eq!(fix.as_deref(), Some("0012345"));
        assert!(run("account_number", &json!({}), &json!(fix)).problems.is_empty());
        assert_eq!(codes(&run("account_number", &json!({}), &json!("12345671"))), ["account_number.too_long"]);
    }

    #[test]
    fn wrong_json_types_are_wrong_format() {
        for ty in TYPES {
            for answer in [json!(["999-4112"]), json!({"a": 1}), json!(true), json!(-1), json!(1.5)] {
                let o = run(ty, &json!({}), &answer);
                assert_eq!(codes(&o), [format!("{ty}.wrong_format").as_str()], "{ty} {answer}");
                assert!(o.normalized.is_none());
            }
        }
    }

    #[test]
    fn a_megabyte_never_panics() {
        let big = [
            "1".repeat(1 << 20),
            "a".repeat(1 << 20),
            format!("{}@{}", "a".repeat(1 << 19), "b".repeat(1 << 19)),
            "〒".repeat(400_000),
        ];
        for ty in TYPES {
            for s in &big {
                let o = run(ty, &json!({}), &json!(s));
                assert!(o.value.is_some() || !o.problems.is_empty(), "{ty}");
            }
        }
    }

    proptest! {
        #[test]
        fn any_answer_reads_or_explains_and_normalising_is_idempotent(answer in kit::any_json(), i in 0..TYPES.len()) {
            let ty = TYPES[i];
            let o = run(ty, &json!({}), &answer);
            prop_assert!(o.value.is_some() || !o.problems.is_empty(), "{} {}", ty, answer);
            prop_assert_eq!(o.value.is_some(), o.normalized.is_some());
            if let Some(n) = &o.normalized {
                let again = run(ty, &json!({}), n);
                prop_assert_eq!(again.normalized.as_ref(), Some(n), "{} {}", ty, answer);
                prop_assert_eq!(codes(&again), codes(&o));
            }
        }

        #[test]
        fn any_text_reads_or_explains(s in kit::any_text(), i in 0..TYPES.len()) {
            let ty = TYPES[i];
            let o = run(ty, &json!({}), &json!(s));
            prop_assert!(o.value.is_some() || !o.problems.is_empty());
            if let Some(n) = &o.normalized {
                let again = run(ty, &json!({}), n);
                prop_assert_eq!(again.normalized.as_ref(), Some(n));
            }
        }
    }

    #[test]
    fn every_code_has_words_in_every_language() {
        kit::catalogue_is_complete(CODES, FIXES);
        let mut ours: Vec<String> =
            CODES.iter().map(|c| message_id(c)).flat_map(|id| [format!("{id}-fix"), id]).collect();
        ours.extend(FIXES.iter().map(|f| f.to_string()));
        ours.extend(
            super::super::choices::CODES.iter().map(|c| message_id(c)).flat_map(|id| [format!("{id}-fix"), id]),
        );
        ours.extend(
            super::super::structured::CODES.iter().map(|c| message_id(c)).flat_map(|id| [format!("{id}-fix"), id]),
        );
        ours.sort();
        for lang in Lang::ALL {
            let mut defined = kit::own_ids(lang);
            defined.sort();
            assert_eq!(defined, ours, "{}: identifiers.ftl defines exactly the words of our codes", lang.tag());
        }
    }

    #[test]
    fn snapshot() {
        let none = json!({});
        let cases: Vec<(&str, Json, Json)> = vec![
            ("my_number", none.clone(), json!("１２３４ ５６７８ ９０１８")),
            ("my_number", none.clone(), json!("1234 5678 901")),
            ("my_number", none.clone(), json!("1234-5678-9012")),
            ("my_number", none.clone(), json!("1234-5678-9O18")),
            ("my_number", none.clone(), json!(["1234"])),
            ("corporate_number", none.clone(), json!("7000012050002")),
            ("corporate_number", none.clone(), json!("1000012050002")),
            ("corporate_number", none.clone(), json!("700001205000")),
            ("corporate_number", none.clone(), json!("T7000012050002")),
            ("corporate_number", none.clone(), json!("7000-0120-5000X")),
            ("local_government_code", none.clone(), json!("06341")),
            ("local_government_code", none.clone(), json!("063411")),
            ("local_government_code", none.clone(), json!("0634")),
            ("local_government_code", none.clone(), json!("大石田町")),
            ("postal_code", none.clone(), json!("〒９９９ー４１１２")),
            ("postal_code", none.clone(), json!("999-411")),
            ("postal_code", none.clone(), json!("999-41l2")),
            ("postal_code", none.clone(), json!(null_like_array())),
            ("phone", none.clone(), json!("+81 90-1234-5678")),
            ("phone", none.clone(), json!("090-1234-567")),
            ("phone", none.clone(), json!("0237-35-21111")),
            ("phone", none.clone(), json!("237-35-2111")),
            ("phone", none.clone(), json!("0237-35-2111 内線12")),
            ("phone", none.clone(), json!(false)),
            ("email", none.clone(), json!("Taro＠Example.jp")),
            ("email", none.clone(), json!("taro.example.jp")),
            ("email", none.clone(), json!("taro@example")),
            ("email", none.clone(), json!("たろう@example.jp")),
            ("email", none.clone(), json!("taro@gmial.com")),
            ("email", none.clone(), json!("taro@gmailcom")),
            ("email", json!({"max_length": 12}), json!("taro@example.jp")),
            ("email", json!({"min_length": 20}), json!("taro@example.jp")),
            ("email", none.clone(), json!(42)),
            ("bank_code", none.clone(), json!("9900")),
            ("bank_code", none.clone(), json!("990")),
            ("bank_code", none.clone(), json!("ゆうちょ")),
            ("bank_code", none.clone(), json!({})),
            ("branch_code", none.clone(), json!("０５８")),
            ("branch_code", none.clone(), json!("58")),
            ("branch_code", none.clone(), json!("本店")),
            ("branch_code", none.clone(), json!([1])),
            ("account_number", none.clone(), json!("1234567")),
            ("account_number", none.clone(), json!("12345")),
            ("account_number", none.clone(), json!("12345671")),
            ("account_number", none.clone(), json!("1234-567X")),
            ("account_number", none.clone(), json!(true)),
        ];
        insta::assert_snapshot!("identifiers", kit::table(&cases, CODES, FIXES));
    }

    fn null_like_array() -> Json {
        json!(["999", "4112"])
    }
}
