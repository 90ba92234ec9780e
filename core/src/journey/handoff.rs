//! Handoffs: procedures prepared at home and finished at the counter (書かない窓口), carried
//! as a QR code or as text to paste or scan.
//!
//! A handoff holds the draft of the procedures that are finished at the counter, the town,
//! the day it was made and the last day it may be used. Its text is `TZ1:` followed by
//! base45 (RFC 9285) of the JSON record and the first four bytes of the record's SHA-256:
//! QR codes carry base45 in their alphanumeric mode at 5.5 bits a character, and handheld
//! scanners at counters type it like a keyboard.
//!
//! Invariants:
//! - no My Number is ever in a handoff: staff read it from the card at the counter;
//! - reading is bounded ([`MAX_HANDOFF_CHARS`]) and refuses, saying which, a handoff that is
//!   not one, damaged (a wrong character, cut short), expired, for another town, or made
//!   against definitions that changed since; it never panics and never names a value;
//! - the checksum catches mistakes, not forgery: at the counter every answer is checked
//!   again and the resident confirms them before staff submit. The SDK sends a handoff
//!   nowhere; a host that wants more keeps handoffs on its own server (docs/HOST-API.md).

use serde::Serialize;
use serde_json::Value as Json;
use sha2::{Digest, Sha256};

use crate::catalog::Catalog;
use crate::date::Date;
use crate::draft::Draft;
use crate::record::Fields;

/// The format version written in every handoff.
pub const HANDOFF_FORMAT: &str = "tetsuzuki-handoff/1";

/// What every handoff's text starts with.
pub const HANDOFF_PREFIX: &str = "TZ1:";

/// The longest handoff text read (about 5 KB of answers); longer text is refused unread.
pub const MAX_HANDOFF_CHARS: usize = 8_000;

/// How many days a handoff can be used when the host says nothing.
pub const DEFAULT_HANDOFF_DAYS: u16 = 30;

/// The base45 alphabet (RFC 9285 §4): the characters of QR codes' alphanumeric mode.
const B45: &[u8; 45] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";

/// Procedures prepared at home for the counter.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Handoff {
    /// [`HANDOFF_FORMAT`].
    pub format: String,
    /// The town's id.
    pub town: String,
    /// The day it was made.
    pub made: String,
    /// The last day it can be used.
    pub expires: String,
    /// The prepared forms: the procedures with the versions answered, and the answers (no
    /// My Number).
    pub draft: Draft,
}

/// Why a handoff cannot be opened: each says what the staff do next.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HandoffProblem {
    /// Not a handoff at all (another code, or text that is not one).
    NotAHandoff,
    /// A wrong or missing character: typed or scanned wrongly, or cut short.
    Damaged,
    /// Written by a newer SDK.
    Format,
    /// Past its last day.
    Expired,
    /// Made for another town.
    OtherTown,
    /// Made against definitions that have changed since (or are no longer offered).
    Changed,
}

impl HandoffProblem {
    /// Stable code for hosts and bindings.
    pub fn code(self) -> &'static str {
        super::JourneyError::Handoff(self).code()
    }

    /// The message catalogue's key of the staff's message (`…-fix` is what to do).
    pub fn message_key(self) -> &'static str {
        match self {
            HandoffProblem::NotAHandoff => "jr-handoff-not",
            HandoffProblem::Damaged => "jr-handoff-damaged",
            HandoffProblem::Format => "jr-handoff-format",
            HandoffProblem::Expired => "jr-handoff-expired",
            HandoffProblem::OtherTown => "jr-handoff-other-town",
            HandoffProblem::Changed => "jr-handoff-changed",
        }
    }
}

impl Handoff {
    /// A handoff of `draft` for the catalogue's town, made `today` and usable for `days`.
    pub fn new(catalog: &Catalog, draft: Draft, today: Date, days: u16) -> Handoff {
        let expires = today.add_days(i64::from(days.max(1)) - 1).unwrap_or(today);
        Handoff {
            format: HANDOFF_FORMAT.to_string(),
            town: catalog.compiled().town.id.clone(),
            made: today.to_string(),
            expires: expires.to_string(),
            draft,
        }
    }

    /// Its text: [`HANDOFF_PREFIX`] and base45 of the record and its checksum.
    pub fn to_text(&self) -> String {
        let mut bytes = serde_json::to_vec(self).unwrap_or_default();
        let sum = Sha256::digest(&bytes);
        bytes.extend_from_slice(&sum[..4]);
        let mut out = String::with_capacity(HANDOFF_PREFIX.len() + bytes.len() * 3 / 2 + 3);
        out.push_str(HANDOFF_PREFIX);
        base45_encode(&bytes, &mut out);
        out
    }

    /// The short code the resident and the staff read to each other to be sure they hold
    /// the same handoff: `XXXX-XXXX` in Crockford's base 32, from the text's SHA-256.
    pub fn short_code(text: &str) -> String {
        const B32: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
        let digest = Sha256::digest(text.trim().as_bytes());
        let n = u64::from_be_bytes(digest[..8].try_into().unwrap_or([0; 8]));
        let mut out = String::with_capacity(9);
        for i in 0..8 {
            if i == 4 {
                out.push('-');
            }
            out.push(B32[((n >> (59 - 5 * i)) & 31) as usize] as char);
        }
        out
    }

    /// Reads a handoff's text (white space and a scanner's lower case are forgiven) and
    /// checks it against the catalogue and `today`.
    pub fn read(text: &str, catalog: &Catalog, today: Date) -> Result<Handoff, HandoffProblem> {
        let handoff = Handoff::parse(text)?;
        if handoff.town != catalog.compiled().town.id {
            return Err(HandoffProblem::OtherTown);
        }
        match Date::parse_iso(&handoff.expires) {
            Some(last) if today <= last => {}
            _ => return Err(HandoffProblem::Expired),
        }
        let changed = handoff
            .draft
            .procedures
            .iter()
            .any(|p| catalog.procedure(&p.id).is_none_or(|now| now.version != p.version));
        if changed || handoff.draft.procedures.is_empty() {
            return Err(HandoffProblem::Changed);
        }
        Ok(handoff)
    }

    /// Reads a handoff's text without checking it against a catalogue.
    pub fn parse(text: &str) -> Result<Handoff, HandoffProblem> {
        if text.len() > MAX_HANDOFF_CHARS * 4 {
            return Err(HandoffProblem::Damaged);
        }
        let compact: String = text.chars().filter(|c| !matches!(c, '\n' | '\r' | '\t')).collect();
        let compact = compact.trim();
        let Some(body) = compact.get(..HANDOFF_PREFIX.len()).filter(|p| p.eq_ignore_ascii_case(HANDOFF_PREFIX)) else {
            return Err(HandoffProblem::NotAHandoff);
        };
        let body = &compact[body.len()..];
        if body.len() > MAX_HANDOFF_CHARS {
            return Err(HandoffProblem::Damaged);
        }
        let mut bytes = base45_decode(&body.to_ascii_uppercase()).ok_or(HandoffProblem::Damaged)?;
        if bytes.len() < 5 {
            return Err(HandoffProblem::Damaged);
        }
        let sum = bytes.split_off(bytes.len() - 4);
        if Sha256::digest(&bytes)[..4] != sum[..] {
            return Err(HandoffProblem::Damaged);
        }
        let json: Json = serde_json::from_slice(&bytes).map_err(|_| HandoffProblem::Damaged)?;
        if json.get("format").and_then(Json::as_str) != Some(HANDOFF_FORMAT) {
            return Err(HandoffProblem::Format);
        }
        let mut f = Fields::of(json, "", "a handoff", &["format", "town", "made", "expires", "draft"])
            .map_err(|_| HandoffProblem::Damaged)?;
        let bad = |_| HandoffProblem::Damaged;
        let format = f.string("format").map_err(bad)?;
        let town = f.string("town").map_err(bad)?;
        let made = f.string("made").map_err(bad)?;
        let expires = f.string("expires").map_err(bad)?;
        let draft = f.required("draft").map_err(bad)?;
        let draft = Draft::from_json_value(draft).map_err(bad)?;
        Ok(Handoff { format, town, made, expires, draft })
    }
}

/// Base45 (RFC 9285): two bytes become three characters, a last single byte two.
fn base45_encode(bytes: &[u8], out: &mut String) {
    for pair in bytes.chunks(2) {
        let (n, digits) = match pair {
            [a, b] => (usize::from(*a) * 256 + usize::from(*b), 3),
            [a] => (usize::from(*a), 2),
            _ => continue,
        };
        let mut n = n;
        for _ in 0..digits {
            out.push(B45[n % 45] as char);
            n /= 45;
        }
    }
}

/// Reads base45; `None` for a character outside the alphabet, a dangling character, or a
/// group above what its bytes can hold.
fn base45_decode(text: &str) -> Option<Vec<u8>> {
    let digits: Vec<usize> = text.bytes().map(|b| B45.iter().position(|c| *c == b)).collect::<Option<_>>()?;
    let mut out = Vec::with_capacity(digits.len() * 2 / 3 + 1);
    for group in digits.chunks(3) {
        match group {
            [c, d, e] => {
                let n = c + d * 45 + e * 45 * 45;
                out.push(u8::try_from(n / 256).ok()?);
                out.push((n % 256) as u8);
            }
            [c, d] => out.push(u8::try_from(c + d * 45).ok()?),
            _ => return None,
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn enc(bytes: &[u8]) -> String {
        let mut s = String::new();
        base45_encode(bytes, &mut s);
        s
    }

    /// The examples of RFC 9285 §4.3 and §4.4.
    #[test]
    fn base45_matches_rfc_9285() {
        assert_eq!(enc(b"AB"), "BB8");
        assert_eq!(enc(b"Hello!!"), "%69 VD92EX0");
        assert_eq!(enc(b"base-45"), "UJCLQE7W581");
        assert_eq!(base45_decode("QED8WEX0").as_deref(), Some(&b"ietf!"[..]));
        assert_eq!(base45_decode("GGW"), None, "65535 + 1 does not fit two bytes");
        assert_eq!(base45_decode("A"), None);
        assert_eq!(base45_decode("a"), None);
        for len in 0..40u8 {
            let bytes: Vec<u8> = (0..len).map(|i| i.wrapping_mul(37).wrapping_add(200)).collect();
            assert_eq!(base45_decode(&enc(&bytes)), Some(bytes));
        }
    }

    #[test]
    fn short_codes_are_stable_and_readable() {
        let a = Handoff::short_code("TZ1:ABC");
        assert_eq!(a, Handoff::short_code(" TZ1:ABC\n"));
        assert_ne!(a, Handoff::short_code("TZ1:ABD"));
        assert_eq!(a.len(), 9);
        assert!(!a.contains(['I', 'L', 'O', 'U']));
    }
}
