//! Bank account facts that are not a single field: converting a ゆうちょ銀行 記号・番号 into
//! the 金融機関コード, 支店コード and 口座番号 that other banks and 全銀 transfers use.
//!
//! Facts (shared/design/JAPAN.md, and ゆうちょ銀行's 「振込用の店名・預金種目・口座番号」):
//!
//! - 記号 is 5 digits. For an ordinary savings account (通常貯金) it starts with `1`.
//! - 番号 has up to 8 digits and, for 通常貯金, always ends in `1` (written in 8 digits, shorter
//!   番号 have leading zeros left out).
//! - bank code `9900`; branch code (店番) = the 2nd and 3rd digits of the 記号 followed by `8`;
//!   account number = the 番号 written in 8 digits, without its last digit (the `1`): the first
//!   7 digits of an 8-digit 番号, and for a shorter 番号 its digits before the `1`, padded with
//!   leading zeros to 7. 預金種目 is 普通.
//!
//! A 記号 starting with `0` is a 振替口座 (transfer account), which converts by another rule
//! (店番 ending in `9`, 当座); it is refused rather than converted wrongly.

use super::normalize::compact_digits;

/// The 金融機関コード of ゆうちょ銀行.
pub const YUCHO_BANK_CODE: &str = "9900";

/// Why a ゆうちょ 記号・番号 could not be converted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum YuchoError {
    /// The 記号 or 番号 has characters other than digits, hyphens and spaces.
    #[error("the 記号 and 番号 must be digits")]
    WrongCharacters,
    /// The 記号 does not have 5 digits.
    #[error("the 記号 must have 5 digits, not {0}")]
    KigouLength(usize),
    /// The 記号 starts with `0`: a 振替口座, which converts by another rule.
    #[error("a 記号 starting with 0 is a 振替口座, not an ordinary savings account")]
    TransferAccount,
    /// The 記号 starts with a digit other than `1` or `0`.
    #[error("the 記号 of an ordinary savings account starts with 1")]
    KigouStart,
    /// The 番号 has no digits or more than 8.
    #[error("the 番号 must have 1 to 8 digits, not {0}")]
    BangouLength(usize),
    /// The 番号 does not end in `1`, as every 通常貯金 番号 does.
    #[error("the 番号 of an ordinary savings account ends in 1")]
    BangouEnd,
}

/// Converts a ゆうちょ銀行 記号・番号 (通常貯金) to `(bank code, branch code, account number)`
/// for 全銀 transfers: `("9900", "<記号 digits 2–3>8", <番号 without its last 1, 7 digits>)`.
///
/// Full-width digits, hyphens and spaces are accepted (`１２３４０`, `1234-5671`).
///
/// ```
/// use tetsuzuki::validate::bank::yucho_to_bank;
/// let (bank, branch, account) = yucho_to_bank("10530", "12345671").unwrap();
/// assert_eq!((bank.as_str(), branch.as_str(), account.as_str()), ("9900", "058", "1234567"));
/// ```
pub fn yucho_to_bank(kigou: &str, bangou: &str) -> Result<(String, String, String), YuchoError> {
    let kigou = compact_digits(kigou);
    let bangou = compact_digits(bangou);
    if !kigou.bytes().all(|b| b.is_ascii_digit()) || !bangou.bytes().all(|b| b.is_ascii_digit()) {
        return Err(YuchoError::WrongCharacters);
    }
    if kigou.len() != 5 {
        return Err(YuchoError::KigouLength(kigou.len()));
    }
    match kigou.as_bytes()[0] {
        b'1' => {}
        b'0' => return Err(YuchoError::TransferAccount),
        _ => return Err(YuchoError::KigouStart),
    }
    if bangou.is_empty() || bangou.len() > 8 {
        return Err(YuchoError::BangouLength(bangou.len()));
    }
    let Some(before_one) = bangou.strip_suffix('1') else {
        return Err(YuchoError::BangouEnd);
    };
    let branch = format!("{}8", &kigou[1..3]);
    let account = format!("{before_one:0>7}");
    Ok((YUCHO_BANK_CODE.to_string(), branch, account))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(kigou: &str, bangou: &str) -> (String, String, String) {
        yucho_to_bank(kigou, bangou).unwrap()
    }

    #[test]
    fn eight_digit_bangou_drops_the_final_one() {
        // The account number is the *first* 7 digits of an 8-digit 番号 (the trailing 1 goes),
        // never the last 7.
        assert_eq!(ok("10530", "12345671"), ("9900".into(), "058".into(), "1234567".into()));
        assert_eq!(ok("17300", "19927651"), ("9900".into(), "738".into(), "1992765".into()));
        assert_eq!(ok("12340", "00000011"), ("9900".into(), "238".into(), "0000001".into()));
    }

    #[test]
    fn shorter_bangou_is_padded_to_seven() {
        assert_eq!(ok("14250", "1234561").2, "0123456");
        assert_eq!(ok("14250", "561").2, "0000056");
        assert_eq!(ok("14250", "1").2, "0000000");
    }

    #[test]
    fn widths_hyphens_and_spaces_are_read() {
        assert_eq!(ok("１４２５０", "１２３４ ５６７１"), ("9900".into(), "428".into(), "1234567".into()));
        assert_eq!(ok("1-4250", "1234-5671"), ("9900".into(), "428".into(), "1234567".into()));
    }

    #[test]
    fn what_cannot_be_converted_is_refused() {
        assert_eq!(yucho_to_bank("1425", "12345671"), Err(YuchoError::KigouLength(4)));
        assert_eq!(yucho_to_bank("142500", "12345671"), Err(YuchoError::KigouLength(6)));
        assert_eq!(yucho_to_bank("00120", "123456"), Err(YuchoError::TransferAccount));
        assert_eq!(yucho_to_bank("24250", "12345671"), Err(YuchoError::KigouStart));
        assert_eq!(yucho_to_bank("14250", "123456781"), Err(YuchoError::BangouLength(9)));
        assert_eq!(yucho_to_bank("14250", ""), Err(YuchoError::BangouLength(0)));
        assert_eq!(yucho_to_bank("14250", "12345678"), Err(YuchoError::BangouEnd));
        assert_eq!(yucho_to_bank("14250", "1234567a"), Err(YuchoError::WrongCharacters));
    }
}
