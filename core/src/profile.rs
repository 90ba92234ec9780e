//! The resident's profile: the once-only store (ワンスオンリー).
//!
//! What the resident has told or shown once, kept so that it is never asked again: for each
//! concept (`person.family_name`, `address.current`, …) the history of its values, each with
//! its provenance ([`Source`]: typed in procedure X at T, read from the My Number Card, taken
//! from the town's records, answered in a life-event screening) and its validity (an address
//! stops being current after a move and becomes the previous one).
//!
//! A session prefills its fields from [`Profile::current`] and can say where each value came
//! from ([`Fact::source`]); the resident may change any prefilled value, and completing the
//! session records the new values with [`Profile::record`].
//!
//! # Consent
//!
//! Nothing is kept without the resident's consent, whatever its source: [`Profile::record`]
//! and [`Profile::moved`] refuse with [`ProfileError::NoConsent`] until
//! [`Profile::give_consent`] is called, and [`Profile::withdraw_consent`] deletes every fact
//! (the resident's right to have their data erased). A loaded profile that holds facts without
//! consent is refused as malformed.
//!
//! The consent names what is kept, concept by concept, as the catalogue declares
//! ([`ProfilePolicy`], a concept's `profile`; [`crate::host::profile_consent`] gives the words):
//!
//! - `keep` concepts (names, addresses, phone numbers…) are kept with the consent above;
//! - `sensitive` concepts (the My Number, a bank account, health and care facts) only when the
//!   resident also agreed to keep sensitive details ([`Consent::sensitive`],
//!   [`Profile::give_sensitive_consent`]);
//! - `never` concepts (the date of a move, the day water starts, the yes/no answers of one
//!   life event) are never kept: they describe one event, not the person.
//!
//! [`crate::session::Session::update_profile`] records only what the consent allows. A profile
//! does not know the catalogue: after loading one (it may have been written by an older SDK, or
//! under another consent), the host calls [`Profile::retain_allowed`] with its catalogue to
//! delete what the catalogue and the consent do not allow any more.
//!
//! # Where it lives
//!
//! This module is pure data: it never reads the clock (the host hands in dates and
//! timestamps), never does I/O and sends the profile nowhere. The host keeps the text of
//! [`Profile::to_json`] on the resident's device (in storage it protects; the text holds the
//! values in clear, a My Number included) and gives it back to [`Profile::from_json`].
//!
//! # Reading damaged or foreign profiles
//!
//! [`Profile::from_json`] never panics and never changes what it was given: a profile of
//! another format version gives [`ProfileError::UnsupportedFormat`], a damaged one
//! [`ProfileError::Malformed`] with the line and column, so the host can keep the text and
//! try again with a newer SDK. [`Profile::recover`] instead keeps every well-formed fact of a
//! damaged profile and lists what it dropped and why.
//!
//! # My Number
//!
//! `Debug` of [`Profile`] and [`Fact`] never prints a My Number (個人番号, specific personal
//! information): values of concepts whose id contains `my_number` are shown as `***`, and so is
//! any value that holds twelve digits or more, since a lone [`Fact`] does not know its concept.

use std::collections::BTreeMap;
use std::fmt;

use serde::Serialize;
use serde_json::Value as Json;

use crate::catalog::CompiledCatalog;
use crate::date::Date;
use crate::model::ProfilePolicy;
use crate::record::{self, Fields, kind_of};

/// The format version written in every profile, and the only one this SDK reads.
pub const PROFILE_FORMAT: &str = "tetsuzuki-profile/1";

/// The concept of the resident's current address; [`Profile::moved`] updates it.
pub const ADDRESS_CURRENT: &str = "address.current";

/// The concept of the resident's previous address; [`Profile::moved`] fills it.
pub const ADDRESS_PREVIOUS: &str = "address.previous";

/// What `Debug` prints instead of a masked value.
const MASK: &str = "***";

/// Whether values of `concept` are specific personal information (特定個人情報: its id
/// contains `my_number`), never shown by `Debug`.
pub fn is_my_number_concept(concept: &str) -> bool {
    concept.contains("my_number")
}

/// How the profile may keep values of `concept`, as `catalog` declares it
/// ([`crate::model::Concept::profile_policy`]). A concept the catalogue does not know is
/// `keep`, except a My Number ([`is_my_number_concept`]), which is `sensitive`.
pub fn concept_policy(catalog: &CompiledCatalog, concept: &str) -> ProfilePolicy {
    match catalog.concepts.iter().find(|c| c.id == concept) {
        Some(c) => c.profile_policy(),
        None if is_my_number_concept(concept) => ProfilePolicy::Sensitive,
        None => ProfilePolicy::Keep,
    }
}

/// Where a value came from. Timestamps are RFC 3339 texts given by the host, kept as given.
/// Written with serde (`{"kind": "typed", "procedure": …, "at": …}`); read by
/// [`Profile::from_json`].
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Source {
    /// Typed (or confirmed) by the resident in a procedure.
    Typed {
        /// The procedure's id.
        procedure: String,
        /// When, as an RFC 3339 timestamp.
        at: String,
    },
    /// Read from the My Number Card (verified).
    MyNumberCard {
        /// When, as an RFC 3339 timestamp.
        at: String,
    },
    /// Taken from the town's own records (verified).
    TownRecords {
        /// When, as an RFC 3339 timestamp.
        at: String,
    },
    /// Answered to a screening question of a life event.
    Screening {
        /// The life event's id.
        event: String,
        /// When, as an RFC 3339 timestamp.
        at: String,
    },
}

impl Source {
    /// When the value was given, as the host wrote it.
    pub fn at(&self) -> &str {
        match self {
            Source::Typed { at, .. }
            | Source::MyNumberCard { at }
            | Source::TownRecords { at }
            | Source::Screening { at, .. } => at,
        }
    }

    /// Whether the value comes from a verified source (the My Number Card or the town's
    /// records) rather than from the resident's own words.
    pub fn is_verified(&self) -> bool {
        matches!(self, Source::MyNumberCard { .. } | Source::TownRecords { .. })
    }

    /// Stable name of the kind of source, as written in the JSON (`typed`, `my_number_card`,
    /// `town_records`, `screening`).
    pub fn kind(&self) -> &'static str {
        match self {
            Source::Typed { .. } => "typed",
            Source::MyNumberCard { .. } => "my_number_card",
            Source::TownRecords { .. } => "town_records",
            Source::Screening { .. } => "screening",
        }
    }
}

/// One value of a concept, with where it came from and when it holds.
#[derive(Clone, PartialEq, Serialize)]
pub struct Fact {
    /// The value, in the shape the concept's field type normalises to.
    pub value: Json,
    /// Where the value came from.
    pub source: Source,
    /// The first day it holds; `None`: since always.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_from: Option<Date>,
    /// The last day it holds (inclusive); `None`: still valid.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_until: Option<Date>,
}

impl Fact {
    /// A fact valid from `on`, with no end.
    pub fn new(value: Json, source: Source, on: Date) -> Fact {
        Fact { value, source, valid_from: Some(on), valid_until: None }
    }

    /// Whether the fact holds on `on` (both ends inclusive).
    pub fn is_valid_on(&self, on: Date) -> bool {
        self.valid_from.is_none_or(|from| from <= on) && self.valid_until.is_none_or(|until| on <= until)
    }

    /// Ends the fact on the day before `on`, unless it already ends earlier.
    fn end_before(&mut self, on: Date) {
        let last = on.add_days(-1).unwrap_or(on);
        if self.valid_until.is_none_or(|until| until > last) {
            self.valid_until = Some(last);
        }
    }

    fn debug_masked(&self, f: &mut fmt::Formatter<'_>, mask: bool) -> fmt::Result {
        let mut s = f.debug_struct("Fact");
        if mask || holds_long_number(&self.value) {
            s.field("value", &Masked);
        } else {
            s.field("value", &self.value);
        }
        s.field("source", &self.source)
            .field("valid_from", &self.valid_from)
            .field("valid_until", &self.valid_until)
            .finish()
    }
}

impl fmt::Debug for Fact {
    /// Like a derived `Debug`, but a value holding twelve digits or more (it may be a My
    /// Number) is shown as `***`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.debug_masked(f, false)
    }
}

/// Whether the resident has agreed that their details be kept.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Consent {
    /// Whether consent is given: `keep` concepts are kept ([`ProfilePolicy::Keep`]).
    pub given: bool,
    /// When it was given, as an RFC 3339 timestamp from the host.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<String>,
    /// Whether the resident also agreed to keep sensitive details, named in that consent: the
    /// My Number, bank accounts, health and care facts ([`ProfilePolicy::Sensitive`]). Never
    /// without `given`. Written only when given; a profile without it (older ones) has not.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub sensitive: bool,
}

impl Consent {
    /// Whether this consent lets the profile keep values of a concept of `policy`.
    pub fn allows(&self, policy: ProfilePolicy) -> bool {
        match policy {
            ProfilePolicy::Keep => self.given,
            ProfilePolicy::Sensitive => self.given && self.sensitive,
            ProfilePolicy::Never => false,
        }
    }
}

/// Why a profile could not be changed or loaded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProfileError {
    /// The resident has not consented to their details being kept.
    #[error(
        "the resident has not agreed that their details be kept on this device: ask for consent (give_consent) before recording anything"
    )]
    NoConsent,
    /// The text is not a profile of this format; the message says what and where.
    #[error(
        "the profile is not valid: {0}; nothing was changed: keep the text, or use recover to keep what can be read"
    )]
    Malformed(String),
    /// Made for another format version (for example by a newer SDK).
    #[error(
        "the profile has format `{found}`; this SDK reads `{PROFILE_FORMAT}`: use an SDK that reads `{found}` (nothing was changed: keep the text)"
    )]
    UnsupportedFormat {
        /// The format the profile says it has.
        found: String,
    },
}

impl ProfileError {
    /// Stable code for hosts and bindings.
    pub fn code(&self) -> &'static str {
        match self {
            ProfileError::NoConsent => "profile-no-consent",
            ProfileError::Malformed(_) => "profile-malformed",
            ProfileError::UnsupportedFormat { .. } => "profile-format",
        }
    }
}

/// The once-only store: for each concept id, the history of its values (newest last).
///
/// Always of format [`PROFILE_FORMAT`]; holds facts only while consent is given.
#[derive(Clone, Default, PartialEq)]
pub struct Profile {
    consent: Consent,
    facts: BTreeMap<String, Vec<Fact>>,
}

impl Profile {
    /// An empty profile, without consent.
    pub fn new() -> Profile {
        Profile::default()
    }

    /// The resident's consent.
    pub fn consent(&self) -> &Consent {
        &self.consent
    }

    /// Records that the resident agrees that their details be kept (`keep` concepts); `at` is
    /// the host's RFC 3339 timestamp of the agreement. Giving it again updates the time and
    /// leaves the consent to keep sensitive details as it was (withdraw that with
    /// [`Profile::withdraw_sensitive_consent`]).
    pub fn give_consent(&mut self, at: &str) {
        self.consent.given = true;
        self.consent.at = Some(at.to_owned());
    }

    /// Records that the resident agrees that their details be kept, sensitive ones included
    /// (the My Number, bank accounts, health and care facts: `sensitive` concepts): both
    /// consents, at `at`.
    pub fn give_sensitive_consent(&mut self, at: &str) {
        self.consent = Consent { given: true, at: Some(at.to_owned()), sensitive: true };
    }

    /// Withdraws the consent to keep sensitive details only, and deletes the facts it allowed:
    /// those of concepts `catalog` marks `sensitive`, and of My Number concepts whatever the
    /// catalogue (see [`Profile::retain_allowed`], whose list of deleted concepts it returns).
    /// The consent to keep the other details stays.
    pub fn withdraw_sensitive_consent(&mut self, catalog: &CompiledCatalog) -> Vec<String> {
        self.consent.sensitive = false;
        self.retain_allowed(catalog)
    }

    /// Deletes the facts the resident's consent does not allow by what `catalog` declares of
    /// their concepts ([`crate::model::Concept::profile_policy`]): every fact of a `never`
    /// concept, and of a `sensitive` one unless the resident agreed to keep sensitive details.
    /// A concept the catalogue does not know is kept (another town's catalogue may use it),
    /// except a My Number (its id holds `my_number`) without that consent. Returns the concepts
    /// deleted, in order.
    ///
    /// A host calls it after loading a profile: one written by an older SDK, or before the
    /// catalogue marked a concept `never`, may hold facts the consent no longer names (a move's
    /// date, a My Number). [`crate::session::Session::update_profile`] calls it too.
    pub fn retain_allowed(&mut self, catalog: &CompiledCatalog) -> Vec<String> {
        let dropped: Vec<String> =
            self.facts.keys().filter(|c| !self.consent.allows(concept_policy(catalog, c))).cloned().collect();
        for concept in &dropped {
            self.facts.remove(concept);
        }
        dropped
    }

    /// Withdraws consent, to keep sensitive details too, and deletes every fact (the resident's
    /// right to erasure); the profile is then as [`Profile::new`] made it. Nothing can be
    /// recorded until consent is given again.
    pub fn withdraw_consent(&mut self) {
        self.facts.clear();
        self.consent = Consent::default();
    }

    /// The value to prefill for `concept` on `on`: the most recently recorded fact that holds
    /// on `on`, with its provenance. A later record wins over an earlier one (a correction
    /// replaces what it corrects).
    pub fn current(&self, concept: &str, on: Date) -> Option<&Fact> {
        self.facts.get(concept)?.iter().rev().find(|fact| fact.is_valid_on(on))
    }

    /// Every fact of `concept`, oldest first; empty when there is none.
    pub fn history(&self, concept: &str) -> &[Fact] {
        self.facts.get(concept).map_or(&[], Vec::as_slice)
    }

    /// The concept ids the profile holds facts for, in order.
    pub fn concepts(&self) -> impl Iterator<Item = &str> {
        self.facts.keys().map(String::as_str)
    }

    /// Whether the profile holds no fact.
    pub fn is_empty(&self) -> bool {
        self.facts.is_empty()
    }

    /// Records `value` for `concept`, valid from `on`, as the session's answer.
    ///
    /// Needs consent whatever the source, verified ones included ([`ProfileError::NoConsent`]
    /// otherwise, and nothing changes). Earlier facts are kept as history and are not ended:
    /// the new value wins from `on` on because it is newer (it may be a correction rather than
    /// a change; for a move use [`Profile::moved`]). Recording the value that is already
    /// current on `on` is a confirmation and adds nothing, except that a verified source
    /// replaces an unverified one.
    pub fn record(&mut self, concept: &str, value: Json, source: Source, on: Date) -> Result<(), ProfileError> {
        if !self.consent.given {
            return Err(ProfileError::NoConsent);
        }
        let history = self.facts.entry(concept.to_owned()).or_default();
        if let Some(current) = history.iter_mut().rev().find(|fact| fact.is_valid_on(on))
            && current.value == value
        {
            if source.is_verified() && !current.source.is_verified() {
                current.source = source;
            }
            return Ok(());
        }
        history.push(Fact::new(value, source, on));
        Ok(())
    }

    /// Records a fact exactly as given (validity included), newest of its concept. Needs
    /// consent, as [`Profile::record`] does.
    pub fn record_fact(&mut self, concept: &str, fact: Fact) -> Result<(), ProfileError> {
        if !self.consent.given {
            return Err(ProfileError::NoConsent);
        }
        self.facts.entry(concept.to_owned()).or_default().push(fact);
        Ok(())
    }

    /// Records a move on `on` to `new_address`.
    ///
    /// The fact of [`ADDRESS_CURRENT`] current on `on` ends the day before `on` and its value
    /// becomes [`ADDRESS_PREVIOUS`] from `on` (with its original source; the former previous
    /// address ends the day before `on`); `new_address` becomes [`ADDRESS_CURRENT`] from `on`.
    /// With no current address, only the new one is recorded; moving to the address already
    /// current changes nothing. Moves are recorded in the order they happen. Needs consent
    /// ([`ProfileError::NoConsent`] otherwise, and nothing changes).
    pub fn moved(&mut self, new_address: Json, source: Source, on: Date) -> Result<(), ProfileError> {
        if !self.consent.given {
            return Err(ProfileError::NoConsent);
        }
        let currents = self.facts.entry(ADDRESS_CURRENT.to_owned()).or_default();
        let old = match currents.iter_mut().rev().find(|fact| fact.is_valid_on(on)) {
            Some(old) if old.value == new_address => return Ok(()),
            Some(old) => {
                old.end_before(on);
                Some(Fact::new(old.value.clone(), old.source.clone(), on))
            }
            None => None,
        };
        currents.push(Fact::new(new_address, source, on));
        if let Some(old) = old {
            let previous = self.facts.entry(ADDRESS_PREVIOUS.to_owned()).or_default();
            previous.iter_mut().filter(|fact| fact.is_valid_on(on)).for_each(|fact| fact.end_before(on));
            previous.push(old);
        }
        Ok(())
    }

    /// Deletes every fact of `concept` (the resident asked to forget it). Needs no consent.
    pub fn forget(&mut self, concept: &str) {
        self.facts.remove(concept);
    }

    /// The profile as JSON text, to keep on the device; [`Profile::from_json`] reads it back
    /// to an equal profile. Holds values in clear, a My Number included.
    pub fn to_json(&self) -> String {
        // Cannot fail: every map key is a string.
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Reads a profile written by [`Profile::to_json`]. Never panics.
    ///
    /// The format is checked first, so a profile of another version gives
    /// [`ProfileError::UnsupportedFormat`] whatever its shape; text that is not a profile of
    /// this format gives [`ProfileError::Malformed`] saying what and where (the line and column
    /// of a JSON syntax error; the path of a field, such as `facts["a"][0].valid_from`, of a
    /// wrong shape), never a value it holds; so does one holding facts without consent. The
    /// text is not changed: keep it on error.
    pub fn from_json(text: &str) -> Result<Profile, ProfileError> {
        let json: Json = serde_json::from_str(text).map_err(|e| ProfileError::Malformed(format!("not JSON: {e}")))?;
        match json.get("format") {
            Some(Json::String(format)) if format == PROFILE_FORMAT => {}
            Some(Json::String(format)) => return Err(ProfileError::UnsupportedFormat { found: format.clone() }),
            Some(other) => {
                return Err(ProfileError::Malformed(format!("`format` must be a string, found {}", kind_of(other))));
            }
            None if json.is_object() => {
                return Err(ProfileError::Malformed("no `format` field: this is not a tetsuzuki profile".into()));
            }
            None => {
                return Err(ProfileError::Malformed(format!("a profile is a JSON object, found {}", kind_of(&json))));
            }
        }
        read_profile(json).map_err(ProfileError::Malformed)
    }

    /// Reads what can be read of a damaged profile, never failing and never panicking: every
    /// well-formed fact is kept, and the list says what was dropped or ignored, and why
    /// (naming concepts and positions, never values).
    ///
    /// A fact that cannot be read (a bad date, a missing source…) is dropped alone; unknown
    /// fields are ignored. A profile of another format is read as this one, and noted. Facts
    /// are kept only if the profile records consent; otherwise they are all dropped, since
    /// nothing is kept without consent.
    pub fn recover(text: &str) -> (Profile, Vec<String>) {
        let mut notes = Vec::new();
        let json: Json = match serde_json::from_str(text) {
            Ok(json) => json,
            Err(e) => {
                notes.push(format!("the whole profile: not JSON ({e}); nothing could be read"));
                return (Profile::new(), notes);
            }
        };
        let Json::Object(mut top) = json else {
            notes.push(format!("the whole profile: a JSON object was expected, found {}", kind_of(&json)));
            return (Profile::new(), notes);
        };
        match top.remove("format") {
            Some(Json::String(format)) if format == PROFILE_FORMAT => {}
            Some(Json::String(format)) => notes.push(format!(
                "format: `{format}` is not `{PROFILE_FORMAT}`; read as `{PROFILE_FORMAT}` anyway, check what was kept"
            )),
            Some(other) => notes.push(format!("format: a string was expected, found {}; ignored", kind_of(&other))),
            None => notes.push("format: missing; read as this SDK's format".into()),
        }
        let consent = recover_consent(top.remove("consent"), &mut notes);
        let mut facts = BTreeMap::new();
        match top.remove("facts") {
            Some(Json::Object(concepts)) => {
                for (concept, history) in concepts {
                    let kept = recover_history(&concept, history, &mut notes);
                    if !kept.is_empty() {
                        facts.insert(concept, kept);
                    }
                }
            }
            Some(other) => notes.push(format!("facts: an object was expected, found {}; dropped", kind_of(&other))),
            None => {}
        }
        for key in top.keys() {
            notes.push(format!("`{key}`: not a field of a profile; ignored"));
        }
        if !consent.given && !facts.is_empty() {
            let count: usize = facts.values().map(Vec::len).sum();
            notes.push(format!(
                "{count} facts of {} concepts dropped: the profile does not record consent to keep them",
                facts.len()
            ));
            facts.clear();
        }
        (Profile { consent, facts }, notes)
    }
}

#[derive(Serialize)]
struct ProfileRef<'a> {
    format: &'a str,
    consent: &'a Consent,
    facts: &'a BTreeMap<String, Vec<Fact>>,
}

impl Serialize for Profile {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        ProfileRef { format: PROFILE_FORMAT, consent: &self.consent, facts: &self.facts }.serialize(s)
    }
}

/// Reads a profile of this format from its parsed JSON, every field by name and no other;
/// facts only with consent; concepts with no fact are dropped.
fn read_profile(json: Json) -> Result<Profile, String> {
    let mut f = Fields::of(json, "", "a profile", &["format", "consent", "facts"])?;
    f.string("format")?;
    let consent = read_consent(f.required("consent")?, &f.path("consent"))?;
    let at = f.path("facts");
    let mut facts = BTreeMap::new();
    for (concept, history) in f.map("facts")? {
        let at = record::key_path(&at, &concept);
        let Json::Array(history) = history else {
            return Err(format!("{at}: a list was expected, found {}", kind_of(&history)));
        };
        let history = history
            .into_iter()
            .enumerate()
            .map(|(i, fact)| read_fact(fact, &record::index_path(&at, i)))
            .collect::<Result<Vec<_>, _>>()?;
        if !history.is_empty() {
            facts.insert(concept, history);
        }
    }
    if !consent.given && !facts.is_empty() {
        return Err("the profile holds facts but no consent to keep them".into());
    }
    Ok(Profile { consent, facts })
}

fn read_consent(json: Json, at: &str) -> Result<Consent, String> {
    let mut f = Fields::of(json, at, "consent", &["given", "at", "sensitive"])?;
    let given = match f.required("given")? {
        Json::Bool(given) => given,
        other => return Err(format!("{}: a boolean was expected, found {}", f.path("given"), kind_of(&other))),
    };
    // Profiles written before the consent to keep sensitive details existed have no
    // `sensitive`: not given.
    let sensitive = f.bool_or("sensitive", false)?;
    if sensitive && !given {
        return Err(format!("{}: consent to keep sensitive details without consent to keep any", f.path("sensitive")));
    }
    Ok(Consent { given, at: f.opt_string("at")?, sensitive })
}

fn read_fact(json: Json, at: &str) -> Result<Fact, String> {
    let mut f = Fields::of(json, at, "a fact", &["value", "source", "valid_from", "valid_until"])?;
    let value = f.value("value")?;
    let source = read_source(f.required("source")?, &f.path("source"))?;
    Ok(Fact { value, source, valid_from: f.opt_date("valid_from")?, valid_until: f.opt_date("valid_until")? })
}

/// Reads the fields of one kind of source.
type SourceReader = fn(&mut Fields) -> Result<Source, String>;

fn read_source(json: Json, at: &str) -> Result<Source, String> {
    let kind = json.get("kind").and_then(Json::as_str).unwrap_or_default().to_owned();
    let (names, build): (&[&str], SourceReader) = match kind.as_str() {
        "typed" => (&["kind", "procedure", "at"], |f| {
            Ok(Source::Typed { procedure: f.string("procedure")?, at: f.string("at")? })
        }),
        "my_number_card" => (&["kind", "at"], |f| Ok(Source::MyNumberCard { at: f.string("at")? })),
        "town_records" => (&["kind", "at"], |f| Ok(Source::TownRecords { at: f.string("at")? })),
        "screening" => {
            (&["kind", "event", "at"], |f| Ok(Source::Screening { event: f.string("event")?, at: f.string("at")? }))
        }
        _ => (&["kind", "procedure", "event", "at"], |f| {
            Err(f.unknown_kind(&["typed", "my_number_card", "town_records", "screening"]))
        }),
    };
    build(&mut Fields::of(json, at, "a source", names)?)
}

impl fmt::Debug for Profile {
    /// Like a derived `Debug`, but values of My Number concepts (and any value holding twelve
    /// digits or more) are shown as `***`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        struct History<'a>(&'a str, &'a [Fact]);
        struct Masking<'a>(&'a Fact, bool);
        impl fmt::Debug for History<'_> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                let mask = is_my_number_concept(self.0);
                f.debug_list().entries(self.1.iter().map(|fact| Masking(fact, mask))).finish()
            }
        }
        impl fmt::Debug for Masking<'_> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.debug_masked(f, self.1)
            }
        }
        let facts = DebugMap(self.facts.iter().map(|(concept, history)| (concept, History(concept, history))));
        f.debug_struct("Profile")
            .field("format", &PROFILE_FORMAT)
            .field("consent", &self.consent)
            .field("facts", &facts)
            .finish()
    }
}

/// Debug-prints an iterator of pairs as a map (the iterator is cloned for each print).
struct DebugMap<I>(I);

impl<K: fmt::Debug, V: fmt::Debug, I: Iterator<Item = (K, V)> + Clone> fmt::Debug for DebugMap<I> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.0.clone()).finish()
    }
}

/// Prints as `***`.
struct Masked;

impl fmt::Debug for Masked {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(MASK)
    }
}

/// Whether a value holds a text or number with twelve digits or more (ASCII or full-width),
/// whatever the separators: it may be a My Number.
fn holds_long_number(value: &Json) -> bool {
    let digits = |s: &str| s.chars().filter(|c| c.is_ascii_digit() || ('０'..='９').contains(c)).count();
    match value {
        Json::String(s) => digits(s) >= 12,
        Json::Number(n) => digits(&n.to_string()) >= 12,
        Json::Array(items) => items.iter().any(holds_long_number),
        Json::Object(map) => map.keys().any(|k| digits(k) >= 12) || map.values().any(holds_long_number),
        Json::Null | Json::Bool(_) => false,
    }
}

fn recover_consent(consent: Option<Json>, notes: &mut Vec<String>) -> Consent {
    let Some(consent) = consent else {
        notes.push("consent: missing; taken as not given".into());
        return Consent::default();
    };
    let Json::Object(mut consent) = consent else {
        notes.push(format!("consent: an object was expected, found {}; taken as not given", kind_of(&consent)));
        return Consent::default();
    };
    let given = match consent.remove("given") {
        Some(Json::Bool(given)) => given,
        Some(other) => {
            notes.push(format!("consent.given: a boolean was expected, found {}; taken as not given", kind_of(&other)));
            false
        }
        None => {
            notes.push("consent.given: missing; taken as not given".into());
            false
        }
    };
    let at = match consent.remove("at") {
        Some(Json::String(at)) => Some(at),
        None | Some(Json::Null) => None,
        Some(other) => {
            notes.push(format!("consent.at: a string was expected, found {}; dropped", kind_of(&other)));
            None
        }
    };
    let sensitive = match consent.remove("sensitive") {
        Some(Json::Bool(sensitive)) => sensitive,
        None | Some(Json::Null) => false,
        Some(other) => {
            notes.push(format!(
                "consent.sensitive: a boolean was expected, found {}; taken as not given",
                kind_of(&other)
            ));
            false
        }
    };
    let sensitive = if sensitive && !given {
        notes.push("consent.sensitive: given without consent to keep any details; taken as not given".into());
        false
    } else {
        sensitive
    };
    for key in consent.keys() {
        notes.push(format!("consent.{key}: not a field of consent; ignored"));
    }
    Consent { given, at, sensitive }
}

fn recover_history(concept: &str, history: Json, notes: &mut Vec<String>) -> Vec<Fact> {
    let Json::Array(history) = history else {
        notes.push(format!("facts of `{concept}`: a list was expected, found {}; dropped", kind_of(&history)));
        return Vec::new();
    };
    let mut kept = Vec::with_capacity(history.len());
    for (i, fact) in history.into_iter().enumerate() {
        let Json::Object(mut fields) = fact else {
            notes.push(format!("fact {i} of `{concept}`: an object was expected, found {}; dropped", kind_of(&fact)));
            continue;
        };
        let unknown: Vec<String> = fields
            .keys()
            .filter(|key| !["value", "source", "valid_from", "valid_until"].contains(&key.as_str()))
            .cloned()
            .collect();
        for key in unknown {
            fields.remove(&key);
            notes.push(format!("fact {i} of `{concept}`: `{key}` is not a field of a fact; ignored"));
        }
        match read_fact(Json::Object(fields), "") {
            Ok(fact) => kept.push(fact),
            Err(e) => notes.push(format!("fact {i} of `{concept}`: {}; dropped", redact(concept, &e.to_string()))),
        }
    }
    kept
}

/// Keeps a My Number out of an error message about a My Number concept.
fn redact(concept: &str, message: &str) -> String {
    if is_my_number_concept(concept) || holds_long_number(&Json::String(message.to_owned())) {
        "it cannot be read (details withheld: they may hold a My Number)".to_owned()
    } else {
        message.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use serde_json::json;

    fn d(s: &str) -> Date {
        Date::parse_iso(s).unwrap()
    }

    fn typed(procedure: &str) -> Source {
        Source::Typed { procedure: procedure.into(), at: "2025-04-01T10:00:00+09:00".into() }
    }

    fn card() -> Source {
        Source::MyNumberCard { at: "2025-04-01T10:05:00+09:00".into() }
    }

    fn consenting() -> Profile {
        let mut p = Profile::new();
        p.give_consent("2025-04-01T09:59:00+09:00");
        p
    }

    #[test]
    fn current_is_the_newest_fact_valid_on_the_day() {
        let mut p = consenting();
        assert!(p.current("person.family_name", d("2025-04-01")).is_none());
        p.record("person.family_name", json!("山田"), typed("tennyu"), d("2025-04-01")).unwrap();
        assert!(p.current("person.family_name", d("2025-03-31")).is_none(), "not before it was recorded");
        let fact = p.current("person.family_name", d("2025-04-01")).unwrap();
        assert_eq!(fact.value, json!("山田"));
        assert_eq!(fact.source, typed("tennyu"));
        assert_eq!(fact.valid_from, Some(d("2025-04-01")));

        // A marriage changes the name from a later day; the old one still answers for earlier days.
        p.record("person.family_name", json!("佐藤"), typed("kon-in"), d("2025-06-01")).unwrap();
        assert_eq!(p.current("person.family_name", d("2025-05-31")).unwrap().value, json!("山田"));
        assert_eq!(p.current("person.family_name", d("2025-06-01")).unwrap().value, json!("佐藤"));
        assert_eq!(p.history("person.family_name").len(), 2);

        // A fact with an end stops being current after its last day.
        let mut f = Fact::new(json!("留学"), typed("zairyu"), d("2025-01-01"));
        f.valid_until = Some(d("2025-12-31"));
        p.record_fact("residence.status", f).unwrap();
        assert!(p.current("residence.status", d("2025-12-31")).is_some());
        assert!(p.current("residence.status", d("2026-01-01")).is_none());
        assert_eq!(p.concepts().collect::<Vec<_>>(), ["person.family_name", "residence.status"]);
    }

    #[test]
    fn recording_the_current_value_again_is_a_confirmation() {
        let mut p = consenting();
        p.record("person.birth_date", json!("1950-01-02"), typed("tennyu"), d("2025-04-01")).unwrap();
        p.record("person.birth_date", json!("1950-01-02"), typed("jidou"), d("2025-05-01")).unwrap();
        assert_eq!(p.history("person.birth_date").len(), 1);
        assert_eq!(p.current("person.birth_date", d("2025-05-01")).unwrap().source, typed("tennyu"));
        // …but a verified source replaces a typed one.
        p.record("person.birth_date", json!("1950-01-02"), card(), d("2025-05-01")).unwrap();
        assert_eq!(p.history("person.birth_date").len(), 1);
        assert_eq!(p.current("person.birth_date", d("2025-05-01")).unwrap().source, card());
        // A changed value (the resident corrected the prefill) is recorded and wins.
        p.record("person.birth_date", json!("1950-01-03"), typed("kaigo"), d("2025-05-02")).unwrap();
        assert_eq!(p.current("person.birth_date", d("2025-05-02")).unwrap().value, json!("1950-01-03"));
    }

    #[test]
    fn moving_makes_the_old_address_previous() {
        let mut p = consenting();
        let old = json!({"postal_code": "1000001", "line": "東京都千代田区千代田1-1"});
        let new = json!({"postal_code": "3890111", "line": "長野県北佐久郡軽井沢町長倉1"});
        p.record(ADDRESS_CURRENT, old.clone(), card(), d("2020-01-01")).unwrap();
        p.moved(new.clone(), typed("tennyu"), d("2025-04-01")).unwrap();

        assert_eq!(p.current(ADDRESS_CURRENT, d("2025-04-01")).unwrap().value, new);
        assert_eq!(p.current(ADDRESS_CURRENT, d("2025-03-31")).unwrap().value, old);
        let previous = p.current(ADDRESS_PREVIOUS, d("2025-04-01")).unwrap();
        assert_eq!(previous.value, old);
        assert_eq!(previous.source, card(), "the previous address keeps where it came from");
        assert!(p.current(ADDRESS_PREVIOUS, d("2025-03-31")).is_none());
        assert_eq!(p.history(ADDRESS_CURRENT)[0].valid_until, Some(d("2025-03-31")));

        // Moving again: the address of 2025 becomes previous, the one of 2020 stops being so.
        let third = json!({"postal_code": "3890102", "line": "長野県北佐久郡軽井沢町軽井沢2"});
        p.moved(third.clone(), typed("tenkyo"), d("2026-10-15")).unwrap();
        assert_eq!(p.current(ADDRESS_CURRENT, d("2026-10-15")).unwrap().value, third);
        assert_eq!(p.current(ADDRESS_PREVIOUS, d("2026-10-15")).unwrap().value, new);
        assert_eq!(p.current(ADDRESS_PREVIOUS, d("2026-10-14")).unwrap().value, old);
        assert_eq!(p.history(ADDRESS_PREVIOUS)[0].valid_until, Some(d("2026-10-14")));
        assert_eq!(p.history(ADDRESS_PREVIOUS).len(), 2);

        // Moving to the current address changes nothing; with no address, only the new one is kept.
        let before = p.clone();
        p.moved(third, typed("tenkyo"), d("2026-11-01")).unwrap();
        assert_eq!(p, before);
        let mut q = consenting();
        q.moved(new.clone(), typed("tennyu"), d("2025-04-01")).unwrap();
        assert_eq!(q.current(ADDRESS_CURRENT, d("2025-04-01")).unwrap().value, new);
        assert!(q.history(ADDRESS_PREVIOUS).is_empty());
    }

    #[test]
    fn nothing_is_kept_without_consent() {
        let mut p = Profile::new();
        assert!(!p.consent().given);
        for source in [typed("tennyu"), card(), Source::TownRecords { at: "2025-04-01T00:00:00Z".into() }] {
            let e = p.record("person.family_name", json!("山田"), source, d("2025-04-01")).unwrap_err();
            assert_eq!(e, ProfileError::NoConsent);
            assert_eq!(e.code(), "profile-no-consent");
        }
        assert_eq!(p.moved(json!({}), typed("tennyu"), d("2025-04-01")), Err(ProfileError::NoConsent));
        let fact = Fact::new(json!(1), typed("x"), d("2025-04-01"));
        assert_eq!(p.record_fact("x", fact), Err(ProfileError::NoConsent));
        assert!(p.is_empty());
        assert!(ProfileError::NoConsent.to_string().contains("give_consent"));
    }

    #[test]
    fn withdrawing_consent_deletes_everything_and_forget_deletes_one_concept() {
        let mut p = consenting();
        p.record("person.family_name", json!("山田"), typed("tennyu"), d("2025-04-01")).unwrap();
        p.record("person.given_name", json!("花子"), typed("tennyu"), d("2025-04-01")).unwrap();
        p.forget("person.given_name");
        assert_eq!(p.concepts().collect::<Vec<_>>(), ["person.family_name"]);
        p.withdraw_consent();
        assert!(p.is_empty());
        assert_eq!(p, Profile::new());
        assert!(p.record("person.family_name", json!("山田"), typed("t"), d("2025-04-01")).is_err());
    }

    #[test]
    fn the_json_shape_is_stable() {
        let mut p = consenting();
        p.record("person.family_name", json!("山田"), typed("tennyu"), d("2025-04-01")).unwrap();
        p.record(
            "life.children",
            json!(2),
            Source::Screening { event: "birth".into(), at: "T".into() },
            d("2025-04-02"),
        )
        .unwrap();
        assert_eq!(
            p.to_json(),
            concat!(
                r#"{"format":"tetsuzuki-profile/1","consent":{"given":true,"at":"2025-04-01T09:59:00+09:00"},"facts":{"#,
                r#""life.children":[{"value":2,"source":{"kind":"screening","event":"birth","at":"T"},"valid_from":"2025-04-02"}],"#,
                r#""person.family_name":[{"value":"山田","source":{"kind":"typed","procedure":"tennyu","at":"2025-04-01T10:00:00+09:00"},"valid_from":"2025-04-01"}]}}"#
            )
        );
        assert_eq!(Profile::from_json(&p.to_json()).unwrap(), p);
        assert_eq!(Profile::from_json(&Profile::new().to_json()).unwrap(), Profile::new());
    }

    #[test]
    fn the_consent_to_keep_sensitive_details_is_its_own_and_old_profiles_lack_it() {
        // A profile written before this consent existed reads as not having it.
        let old = r#"{"format":"tetsuzuki-profile/1","consent":{"given":true,"at":"T"},"facts":{
            "person.family_name":[{"value":"山田","source":{"kind":"typed","procedure":"tennyu","at":"T"}}]}}"#;
        let p = Profile::from_json(old).unwrap();
        assert_eq!(p.consent(), &Consent { given: true, at: Some("T".into()), sensitive: false });
        assert_eq!(Profile::recover(old), (p.clone(), vec![]));
        assert!(p.consent().allows(ProfilePolicy::Keep));
        assert!(!p.consent().allows(ProfilePolicy::Sensitive) && !p.consent().allows(ProfilePolicy::Never));
        // Written only when given, so the text of such a profile does not change.
        assert!(!p.to_json().contains("sensitive"));

        let mut p = consenting();
        p.give_sensitive_consent("2025-04-02T10:00:00+09:00");
        assert!(p.consent().given && p.consent().sensitive);
        assert!(p.consent().allows(ProfilePolicy::Sensitive) && !p.consent().allows(ProfilePolicy::Never));
        assert!(p.to_json().contains(r#""consent":{"given":true,"at":"2025-04-02T10:00:00+09:00","sensitive":true}"#));
        assert_eq!(Profile::from_json(&p.to_json()).unwrap(), p);
        // Giving the ordinary consent again only updates the time.
        p.give_consent("2025-05-01T10:00:00+09:00");
        assert!(p.consent().sensitive);
        assert_eq!(p.consent().at.as_deref(), Some("2025-05-01T10:00:00+09:00"));
        p.withdraw_consent();
        assert_eq!(p.consent(), &Consent::default());

        // Sensitive without the ordinary consent is not a profile this SDK writes.
        let odd = r#"{"format":"tetsuzuki-profile/1","consent":{"given":false,"sensitive":true},"facts":{}}"#;
        let message = Profile::from_json(odd).unwrap_err().to_string();
        assert!(message.contains("consent.sensitive"), "{message}");
        let (p, notes) = Profile::recover(odd);
        assert_eq!(p.consent(), &Consent::default());
        assert!(notes.join("\n").contains("consent.sensitive"), "{notes:?}");
        let wrong = r#"{"format":"tetsuzuki-profile/1","consent":{"given":true,"sensitive":"yes"},"facts":{}}"#;
        let message = Profile::from_json(wrong).unwrap_err().to_string();
        assert!(message.contains("consent.sensitive") && message.contains("a boolean"), "{message}");
        let (p, notes) = Profile::recover(wrong);
        assert!(p.consent().given && !p.consent().sensitive, "{notes:?}");
    }

    #[test]
    fn another_format_is_refused_and_says_which_this_sdk_reads() {
        for text in [
            r#"{"format":"tetsuzuki-profile/2","consent":{"given":true},"facts":{}}"#,
            // A newer format may have another shape altogether: still a format error.
            r#"{"format":"tetsuzuki-profile/2","people":[{"facts":[]}]}"#,
        ] {
            let e = Profile::from_json(text).unwrap_err();
            assert_eq!(e, ProfileError::UnsupportedFormat { found: "tetsuzuki-profile/2".into() });
            assert_eq!(e.code(), "profile-format");
            let message = e.to_string();
            assert!(message.contains("tetsuzuki-profile/2") && message.contains(PROFILE_FORMAT), "{message}");
        }
    }

    #[test]
    fn malformed_profiles_say_what_and_where() {
        let malformed = |text: &str| match Profile::from_json(text) {
            Err(e @ ProfileError::Malformed(_)) => {
                assert_eq!(e.code(), "profile-malformed");
                e.to_string()
            }
            other => panic!("{text}: {other:?}"),
        };
        assert!(malformed(r#"{"format": "tetsuzuki-profile/1", "#).contains("line 1 column"));
        assert!(malformed("").contains("not JSON"));
        assert!(malformed("[1, 2]").contains("a JSON object"));
        assert!(malformed(r#"{"consent":{"given":true}}"#).contains("no `format`"));
        assert!(malformed(r#"{"format":1}"#).contains("must be a string"));
        let bad_date = "{\"format\":\"tetsuzuki-profile/1\",\"consent\":{\"given\":true},\"facts\":{\"a\":[\n\
             {\"value\":1,\"source\":{\"kind\":\"typed\",\"procedure\":\"p\",\"at\":\"T\"},\"valid_from\":\"2025-02-30\"}]}}";
        let message = malformed(bad_date);
        assert!(
            message.contains("`2025-02-30` is not a date") && message.contains("facts.a[0].valid_from"),
            "{message}"
        );
        let message = malformed(&bad_date.replace("\"typed\"", "\"telepathy\""));
        assert!(message.contains("telepathy"), "{message}");
        let message = malformed(&bad_date.replace("valid_from", "valid_since"));
        assert!(message.contains("valid_since"), "{message}");
        let message = malformed(&bad_date.replace("2025-02-30", "2025-02-28").replace("true", "false"));
        assert!(message.contains("no consent"), "{message}");
    }

    #[test]
    fn recover_keeps_every_good_fact() {
        let text = r#"{"format":"tetsuzuki-profile/1","consent":{"given":true,"at":"T"},"extra":1,"facts":{
            "a":[{"value":1,"source":{"kind":"typed","procedure":"p","at":"T"},"valid_from":"2025-02-30"},
                 {"value":2,"source":{"kind":"typed","procedure":"p","at":"T"},"valid_from":"2025-02-28"}],
            "b":[{"value":3,"source":{"kind":"town_records","at":"T"},"note":"x"}],
            "c":"oops",
            "person.my_number":[{"value":"123456789018","source":{"kind":"my_number_card","at":"T"},"valid_from":"123456789018"}]
        }}"#;
        assert!(Profile::from_json(text).is_err());
        let (p, notes) = Profile::recover(text);
        assert_eq!(p.concepts().collect::<Vec<_>>(), ["a", "b"]);
        assert_eq!(p.history("a").len(), 1);
        assert_eq!(p.history("a")[0].value, json!(2));
        assert_eq!(p.history("b")[0].value, json!(3));
        assert!(p.consent().given);
        let all = notes.join("\n");
        assert!(all.contains("fact 0 of `a`") && all.contains("2025-02-30"), "{all}");
        assert!(all.contains("`note` is not a field"), "{all}");
        assert!(all.contains("facts of `c`"), "{all}");
        assert!(all.contains("`extra`"), "{all}");
        assert!(all.contains("fact 0 of `person.my_number`") && !all.contains("123456789018"), "{all}");
        assert_eq!(notes.len(), 5, "{all}");
        // What was recovered can be written and read again.
        assert_eq!(Profile::from_json(&p.to_json()).unwrap(), p);

        // A well-formed profile is recovered whole, without notes.
        let mut good = consenting();
        good.record("a", json!([1, {"b": null}]), typed("p"), d("2025-04-01")).unwrap();
        assert_eq!(Profile::recover(&good.to_json()), (good, vec![]));
    }

    #[test]
    fn recover_reads_nothing_it_should_not() {
        let (p, notes) = Profile::recover("{\"format\": ");
        assert!(p.is_empty() && notes[0].contains("not JSON"), "{notes:?}");
        let (p, notes) = Profile::recover("42");
        assert!(p.is_empty() && notes[0].contains("object"), "{notes:?}");
        // Without consent, nothing is kept.
        let text = r#"{"format":"tetsuzuki-profile/2","consent":{"given":"yes"},"facts":{
            "a":[{"value":1,"source":{"kind":"typed","procedure":"p","at":"T"}}]}}"#;
        let (p, notes) = Profile::recover(text);
        assert!(p.is_empty() && !p.consent().given);
        let all = notes.join("\n");
        assert!(
            all.contains("tetsuzuki-profile/2") && all.contains("consent.given") && all.contains("1 facts"),
            "{all}"
        );
    }

    #[test]
    fn debug_never_shows_a_my_number() {
        let mut p = consenting();
        p.record("person.my_number", json!("123456789018"), card(), d("2025-04-01")).unwrap();
        p.record("household.member_my_number", json!({"n": "1234"}), card(), d("2025-04-01")).unwrap();
        p.record("note", json!("番号は１２３４ ５６７８ ９０１８です"), typed("p"), d("2025-04-01")).unwrap();
        p.record("person.family_name", json!("山田"), typed("p"), d("2025-04-01")).unwrap();
        let shown = format!("{p:?}{p:#?}");
        assert!(!shown.contains("123456789018") && !shown.contains("1234") && !shown.contains("５６７８"), "{shown}");
        assert!(shown.contains("***") && shown.contains("山田") && shown.contains("person.my_number"), "{shown}");
        // A fact on its own, away from its concept, is masked too.
        let fact = p.current("person.my_number", d("2025-04-01")).unwrap();
        let shown = format!("{fact:?}");
        assert!(!shown.contains("123456789018") && shown.contains("***"), "{shown}");
        let fact = p.current("person.family_name", d("2025-04-01")).unwrap();
        assert!(format!("{fact:?}").contains("山田"));
    }

    fn date() -> impl Strategy<Value = Date> {
        (Date::new(1, 1, 1).unwrap().to_days()..=Date::new(9999, 12, 31).unwrap().to_days())
            .prop_map(|days| Date::from_days(days).unwrap())
    }

    fn json_value() -> impl Strategy<Value = Json> {
        let leaf = prop_oneof![
            Just(Json::Null),
            any::<bool>().prop_map(Json::Bool),
            any::<i64>().prop_map(Json::from),
            any::<u64>().prop_map(Json::from),
            (-1000i32..1000).prop_map(|n| json!(f64::from(n) / 4.0)),
            ".*".prop_map(Json::String),
        ];
        leaf.prop_recursive(3, 24, 4, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..4).prop_map(Json::Array),
                prop::collection::btree_map(".*", inner, 0..4).prop_map(|m| Json::Object(m.into_iter().collect())),
            ]
        })
    }

    fn source() -> impl Strategy<Value = Source> {
        prop_oneof![
            (".*", ".*").prop_map(|(procedure, at)| Source::Typed { procedure, at }),
            ".*".prop_map(|at| Source::MyNumberCard { at }),
            ".*".prop_map(|at| Source::TownRecords { at }),
            (".*", ".*").prop_map(|(event, at)| Source::Screening { event, at }),
        ]
    }

    fn fact() -> impl Strategy<Value = Fact> {
        (json_value(), source(), prop::option::of(date()), prop::option::of(date()))
            .prop_map(|(value, source, valid_from, valid_until)| Fact { value, source, valid_from, valid_until })
    }

    fn profile() -> impl Strategy<Value = Profile> {
        (
            prop::option::of((prop::option::of(".*"), any::<bool>())),
            prop::collection::btree_map(".*", prop::collection::vec(fact(), 1..4), 0..5),
        )
            .prop_map(|(consent, facts)| match consent {
                Some((at, sensitive)) => Profile { consent: Consent { given: true, at, sensitive }, facts },
                None => Profile { consent: Consent::default(), facts: BTreeMap::new() },
            })
    }

    proptest! {
        #[test]
        fn json_round_trip_is_identity(p in profile()) {
            let text = p.to_json();
            let back = Profile::from_json(&text).unwrap();
            prop_assert_eq!(&back, &p);
            prop_assert_eq!(back.to_json(), text.clone());
            prop_assert_eq!(Profile::recover(&text), (p, vec![]));
        }

        #[test]
        fn damaged_text_never_panics(p in profile(), cut in any::<prop::sample::Index>(), byte in any::<u8>()) {
            let text = p.to_json();
            let mut damaged = text.clone().into_bytes();
            let at = cut.index(damaged.len());
            damaged[at] = byte;
            let damaged = String::from_utf8_lossy(&damaged);
            let _ = Profile::from_json(&damaged);
            let _ = Profile::recover(&damaged);
            let truncated = &text[..text.floor_char_boundary(at)];
            prop_assert!(Profile::from_json(truncated).is_err() || truncated == text);
            let _ = Profile::recover(truncated);
        }

        #[test]
        fn any_text_never_panics(text in ".*") {
            let _ = Profile::from_json(&text);
            let _ = Profile::recover(&text);
        }
    }
}
