//! Handoffs: procedures prepared at home and finished at the counter (書かない窓口), carried
//! as a QR code or as text to paste or scan.
//!
//! A handoff holds the answers of the procedures that are finished at the counter, the town,
//! the day it was made and the last day it may be used. Its text is `TZ1:` followed by
//! base45 (RFC 9285) of the JSON record and the first four bytes of the record's SHA-256:
//! QR codes carry base45 in their alphanumeric mode at 5.5 bits a character, and handheld
//! scanners at counters type it like a keyboard. To keep the code small enough to scan from
//! a phone, the answers are a list in the order of the procedures' question keys, with the
//! form's signature (a hash of those keys): a form that differs at the counter is refused,
//! never misread.
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
use crate::draft::{DRAFT_FORMAT, Draft, DraftProcedure};
use crate::record::Fields;
use crate::session::Session;

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
#[derive(Debug, Clone, PartialEq)]
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

    /// Its text: [`HANDOFF_PREFIX`] and base45 of the record and its checksum. The
    /// catalogue gives the order of the answers.
    pub fn to_text(&self, catalog: &Catalog) -> String {
        let ids: Vec<&str> = self.draft.procedures.iter().map(|p| p.id.as_str()).collect();
        let keys = key_order(catalog, &ids);
        let mut answers: Vec<Json> =
            keys.iter().map(|k| self.draft.answers.get(k).cloned().unwrap_or(Json::Null)).collect();
        while answers.last().is_some_and(Json::is_null) {
            answers.pop();
        }
        let record = Record {
            format: &self.format,
            town: &self.town,
            made: &self.made,
            expires: &self.expires,
            procedures: self.draft.procedures.iter().map(|p| [p.id.as_str(), p.version.as_str()]).collect(),
            form: signature(&keys),
            answers,
        };
        let mut bytes = serde_json::to_vec(&record).unwrap_or_default();
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
        super::code::short_code(&Sha256::digest(text.trim().as_bytes()))
    }

    /// Reads a handoff's text (white space and a scanner's lower case are forgiven) and
    /// checks it against the catalogue and `today`.
    pub fn read(text: &str, catalog: &Catalog, today: Date) -> Result<Handoff, HandoffProblem> {
        let record = parse(text)?;
        if record.town != catalog.compiled().town.id {
            return Err(HandoffProblem::OtherTown);
        }
        match Date::parse_iso(&record.expires) {
            Some(last) if today <= last => {}
            _ => return Err(HandoffProblem::Expired),
        }
        let changed =
            record.procedures.iter().any(|p| catalog.procedure(&p.id).is_none_or(|now| now.version != p.version));
        if changed || record.procedures.is_empty() {
            return Err(HandoffProblem::Changed);
        }
        let ids: Vec<&str> = record.procedures.iter().map(|p| p.id.as_str()).collect();
        let keys = key_order(catalog, &ids);
        if signature(&keys) != record.form || record.answers.len() > keys.len() {
            return Err(HandoffProblem::Changed);
        }
        let answers = keys.into_iter().zip(record.answers).filter(|(_, v)| !v.is_null()).collect();
        let draft = Draft {
            format: DRAFT_FORMAT.to_string(),
            catalog_hash: String::new(),
            assisted: false,
            procedures: record.procedures,
            answers,
            sources: Default::default(),
        };
        Ok(Handoff { format: record.format, town: record.town, made: record.made, expires: record.expires, draft })
    }
}

/// A handoff's record as its text carries it.
#[derive(Serialize)]
struct Record<'a> {
    format: &'a str,
    town: &'a str,
    made: &'a str,
    expires: &'a str,
    /// `[id, version]` of each procedure.
    procedures: Vec<[&'a str; 2]>,
    /// [`signature`] of the keys the answers follow.
    form: String,
    /// The answers in the order of [`key_order`] (`null`: not answered).
    answers: Vec<Json>,
}

/// A record read back.
struct ReadRecord {
    format: String,
    town: String,
    made: String,
    expires: String,
    procedures: Vec<DraftProcedure>,
    form: String,
    answers: Vec<Json>,
}

/// The question keys of these procedures, sorted: the order of a handoff's answers.
fn key_order(catalog: &Catalog, procedures: &[&str]) -> Vec<String> {
    let Ok(session) = Session::start(catalog, procedures) else { return Vec::new() };
    let mut keys: Vec<String> = session.questions().iter().map(|q| q.key.clone()).collect();
    keys.sort();
    keys
}

/// Eight hex digits of the SHA-256 of the keys: the same form on both sides.
fn signature(keys: &[String]) -> String {
    let mut h = Sha256::new();
    for k in keys {
        h.update(k.as_bytes());
        h.update([0]);
    }
    h.finalize()[..4].iter().map(|b| format!("{b:02x}")).collect()
}

/// Reads a handoff's text without a catalogue: its record, checked for damage.
fn parse(text: &str) -> Result<ReadRecord, HandoffProblem> {
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
    let names = ["format", "town", "made", "expires", "procedures", "form", "answers"];
    let mut f = Fields::of(json, "", "a handoff", &names).map_err(|_| HandoffProblem::Damaged)?;
    let bad = |_| HandoffProblem::Damaged;
    let format = f.string("format").map_err(bad)?;
    let town = f.string("town").map_err(bad)?;
    let made = f.string("made").map_err(bad)?;
    let expires = f.string("expires").map_err(bad)?;
    let form = f.string("form").map_err(bad)?;
    let mut procedures = Vec::new();
    for p in f.list("procedures").map_err(bad)? {
        match p.as_array().map(|a| a.iter().map(Json::as_str).collect::<Vec<_>>()).as_deref() {
            Some([Some(id), Some(version)]) => {
                procedures.push(DraftProcedure { id: id.to_string(), version: version.to_string() })
            }
            _ => return Err(HandoffProblem::Damaged),
        }
    }
    let answers = f.list("answers").map_err(bad)?;
    Ok(ReadRecord { format, town, made, expires, procedures, form, answers })
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
