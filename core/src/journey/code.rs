//! The journey's codes, defined once for every target: the continuation code (a draft as
//! text to copy to another device) and the reference of a submission.

use sha2::{Digest, Sha256};

use crate::session::Submission;

/// The continuation code's alphabet: URL- and filename-safe base64.
const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// The reference's alphabet: Crockford's base 32 (no I, L, O, U: nothing to misread aloud).
const B32: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// A continuation code for a draft's text (base64url, no padding).
pub fn encode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(bytes.len() * 4 / 3 + 4);
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |acc, (i, b)| acc | (u32::from(*b) << (16 - 8 * i)));
        for i in 0..=chunk.len() {
            out.push(B64[((n >> (18 - 6 * i)) & 63) as usize] as char);
        }
    }
    out
}

/// Reads a continuation code (white space ignored); `None` when it is not one.
pub fn decode(code: &str) -> Option<String> {
    let mut bytes = Vec::with_capacity(code.len() * 3 / 4);
    let digits: Vec<u32> = code
        .bytes()
        .filter(|b| !b.is_ascii_whitespace())
        .map(|b| B64.iter().position(|c| *c == b).map(|p| p as u32))
        .collect::<Option<_>>()?;
    for chunk in digits.chunks(4) {
        if chunk.len() < 2 {
            return None;
        }
        let n = chunk.iter().enumerate().fold(0u32, |acc, (i, d)| acc | (d << (18 - 6 * i)));
        for i in 0..chunk.len() - 1 {
            bytes.push((n >> (16 - 8 * i)) as u8);
        }
    }
    String::from_utf8(bytes).ok()
}

/// The reference of a submission when the town's system gives none: `XXXX-XXXX` in
/// Crockford's base 32, from the SHA-256 of the catalogue, the procedure, the time and the
/// answers — the same submission always gets the same reference, and it says nothing about
/// the answers.
pub fn reference(submission: &Submission) -> String {
    let mut h = Sha256::new();
    for part in [&submission.catalog_hash, &submission.procedure, &submission.version, &submission.submitted_at] {
        h.update(part.as_bytes());
        h.update([0]);
    }
    for (k, v) in submission.answers.iter() {
        h.update(k.as_bytes());
        h.update([0]);
        h.update(v.to_string().as_bytes());
        h.update([0]);
    }
    short_code(&h.finalize())
}

/// `XXXX-XXXX` in Crockford's base 32 from the first 40 bits of a digest: what residents and
/// staff read aloud (references, a handoff's check code).
pub(crate) fn short_code(digest: &[u8]) -> String {
    let n = u64::from_be_bytes(digest.get(..8).and_then(|d| d.try_into().ok()).unwrap_or([0; 8]));
    let mut out = String::with_capacity(9);
    for i in 0..8 {
        if i == 4 {
            out.push('-');
        }
        out.push(B32[((n >> (59 - 5 * i)) & 31) as usize] as char);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn continuation_codes_round_trip() {
        for text in ["", "a", "ab", "abc", "{\"format\":\"tetsuzuki-draft/1\",\"answers\":{\"氏名\":\"山田\"}}"] {
            assert_eq!(decode(&encode(text)).as_deref(), Some(text));
        }
        assert_eq!(decode("not a code!"), None);
        assert_eq!(decode("A"), None);
    }
}
