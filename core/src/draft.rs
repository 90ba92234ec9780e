//! Drafts: a one-stop session saved as versioned JSON on the device, restored exactly — or,
//! against newer definitions, restored with a report of what changed. Nothing a resident typed
//! is silently dropped: answers no procedure asks any more are kept aside and saved again.

use std::collections::{BTreeMap, HashSet};

use serde_json::{Map, Value as Json};

use crate::catalog::Catalog;
use crate::record::{self, Fields};
use crate::session::{AnswerSource, Session, SessionError};

/// The format version written in every draft.
pub const DRAFT_FORMAT: &str = "tetsuzuki-draft/1";

/// A saved session. Written with serde; read by [`Draft::from_json_value`].
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Draft {
    /// [`DRAFT_FORMAT`].
    pub format: String,
    /// The content hash of the catalogue the draft was made with.
    pub catalog_hash: String,
    /// Staff were filling it in on the resident's behalf (書かない窓口,
    /// [`Session::set_assisted`]): the restored session is assisted too, so it is still
    /// submitted only after the resident confirms. The confirmation itself is never saved: a
    /// restored session is confirmed again. Written early, so a draft cut short keeps it.
    #[serde(default, skip_serializing_if = "crate::model::is_false")]
    pub assisted: bool,
    /// The procedures, in order, with the definition versions answered against.
    pub procedures: Vec<DraftProcedure>,
    /// Every answer by question key, including answers to questions hidden or gone.
    pub answers: Map<String, Json>,
    /// Where each answer came from.
    #[serde(default)]
    pub sources: BTreeMap<String, AnswerSource>,
}

pub use crate::session::DraftProcedure;

/// What restoring a draft found.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize)]
pub struct RestoreReport {
    /// Whether the draft was made with exactly this catalogue.
    pub same_catalog: bool,
    /// Answers restored into questions the session asks.
    pub kept: Vec<String>,
    /// Answers to questions no procedure asks any more: kept aside, saved again, never lost.
    pub gone: Vec<String>,
    /// Procedures whose definition changed since the draft (id, old version → new version).
    pub changed: Vec<(String, String, String)>,
    /// Answers asked by a changed procedure: to be checked again.
    pub recheck: Vec<String>,
    /// Procedures of the draft the catalogue no longer has (their answers are kept aside).
    pub missing_procedures: Vec<String>,
    /// The draft was cut short and repaired: say so to the resident.
    pub truncated: bool,
    /// Field-level changes of the draft's procedures since the draft (with its version
    /// changed or not), when the catalogue it was made with was given
    /// ([`restore_with_previous`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<crate::diff::Change>,
}

/// Why a draft could not be restored.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DraftError {
    /// Not a draft (or damaged beyond repair); says where.
    #[error("the draft cannot be read: {0}")]
    Malformed(String),
    /// Made by another format version.
    #[error("the draft has format `{found}`; this SDK reads `{DRAFT_FORMAT}`")]
    UnsupportedFormat {
        /// The format the draft says it has.
        found: String,
    },
    /// None of its procedures exists in the catalogue.
    #[error("none of the draft's procedures is in this catalogue: {0}")]
    NoProcedures(String),
}

impl DraftError {
    /// Stable code for hosts and bindings.
    pub fn code(&self) -> &'static str {
        match self {
            DraftError::Malformed(_) => "draft-malformed",
            DraftError::UnsupportedFormat { .. } => "draft-format",
            DraftError::NoProcedures(_) => "draft-no-procedures",
        }
    }
}

impl Session {
    /// The session as a draft.
    pub fn draft(&self) -> Draft {
        let mut answers = self.answers().clone();
        for (k, v) in self.aside() {
            answers.entry(k.clone()).or_insert_with(|| v.clone());
        }
        Draft {
            format: DRAFT_FORMAT.to_string(),
            catalog_hash: self.catalog().content_hash.clone(),
            assisted: self.is_assisted(),
            procedures: self
                .procedures()
                .iter()
                .filter_map(|id| self.catalog().procedure(id))
                .map(|p| DraftProcedure { id: p.id.clone(), version: p.version.clone() })
                .chain(self.aside_procedures().iter().cloned())
                .collect(),
            answers,
            sources: self.sources().clone(),
        }
    }

    /// The draft as JSON text (what a widget keeps in the device's storage).
    pub fn save_draft(&self) -> String {
        serde_json::to_string(&self.draft()).unwrap_or_default()
    }
}

/// Restores a session from a draft's text against `catalog`, reporting what changed. A draft
/// cut short (a crash while saving) is repaired when its beginning is intact.
pub fn restore(catalog: &Catalog, text: &str) -> Result<(Session, RestoreReport), DraftError> {
    let (draft, truncated) = read(text)?;
    restore_draft(catalog, draft, truncated)
}

/// [`restore`], given also the catalogue the draft was made with (a host that keeps the
/// catalogues it served): the report then lists the field-level changes of the draft's
/// procedures ([`crate::diff::procedure_in`], with each catalogue's code lists, so a `code`
/// field a town narrowed reads as the codes it removed). A `previous` catalogue that is not
/// the draft's (another content hash) is not compared.
pub fn restore_with_previous(
    catalog: &Catalog,
    text: &str,
    previous: &crate::catalog::CompiledCatalog,
) -> Result<(Session, RestoreReport), DraftError> {
    let (draft, truncated) = read(text)?;
    let same_previous = draft.catalog_hash == previous.content_hash;
    let ids: Vec<String> = draft.procedures.iter().map(|p| p.id.clone()).collect();
    let (session, mut report) = restore_draft(catalog, draft, truncated)?;
    if same_previous {
        for id in &ids {
            if let (Some(old), Some(new)) = (previous.procedure(id), catalog.procedure(id)) {
                let lists = (previous.code_lists.as_slice(), catalog.compiled().code_lists.as_slice());
                report.fields.extend(crate::diff::procedure_in(old, new, lists));
            }
        }
    }
    Ok((session, report))
}

/// A draft's text read, repaired when cut short (`true`).
fn read(text: &str) -> Result<(Draft, bool), DraftError> {
    let (draft, truncated) = match serde_json::from_str::<Json>(text) {
        Ok(v) => (v, false),
        Err(e) => match close_truncated(text).and_then(|t| serde_json::from_str::<Json>(&t).ok()) {
            Some(v) if e.is_eof() => (v, true),
            _ => return Err(DraftError::Malformed(e.to_string())),
        },
    };
    let format = draft.get("format").and_then(Json::as_str).unwrap_or("").to_string();
    if format != DRAFT_FORMAT {
        return Err(DraftError::UnsupportedFormat { found: format });
    }
    let draft = Draft::from_json_value(draft).map_err(DraftError::Malformed)?;
    Ok((draft, truncated))
}

impl Draft {
    /// Reads a draft from its parsed JSON: every field of [`Draft`] by name (`assisted` and
    /// `sources` may be absent), no other. The error says where and what, never a value.
    pub fn from_json_value(json: Json) -> Result<Draft, String> {
        let names = ["format", "catalog_hash", "assisted", "procedures", "answers", "sources"];
        let mut f = Fields::of(json, "", "a draft", &names)?;
        let format = f.string("format")?;
        let catalog_hash = f.string("catalog_hash")?;
        let assisted = f.bool_or("assisted", false)?;
        let at = f.path("procedures");
        let procedures = f
            .list("procedures")?
            .into_iter()
            .enumerate()
            .map(|(i, p)| {
                let mut p = Fields::of(p, &record::index_path(&at, i), "a draft's procedure", &["id", "version"])?;
                Ok(DraftProcedure { id: p.string("id")?, version: p.string("version")? })
            })
            .collect::<Result<_, String>>()?;
        let answers = match f.required("answers")? {
            Json::Object(answers) => answers,
            other => return Err(format!("answers: an object was expected, found {}", record::kind_of(&other))),
        };
        let at = f.path("sources");
        let mut sources = BTreeMap::new();
        for (key, source) in f.map("sources")? {
            let source = AnswerSource::from_json_value(source, &record::key_path(&at, &key))?;
            sources.insert(key, source);
        }
        Ok(Draft { format, catalog_hash, assisted, procedures, answers, sources })
    }
}

/// Restores a session from a [`Draft`].
pub fn restore_draft(catalog: &Catalog, draft: Draft, truncated: bool) -> Result<(Session, RestoreReport), DraftError> {
    let mut report =
        RestoreReport { same_catalog: draft.catalog_hash == catalog.content_hash, truncated, ..Default::default() };
    let mut present = Vec::new();
    let mut missing = Vec::new();
    for p in &draft.procedures {
        match catalog.procedure(&p.id) {
            Some(now) => {
                if now.version != p.version {
                    report.changed.push((p.id.clone(), p.version.clone(), now.version.clone()));
                }
                present.push(p.id.as_str());
            }
            None => {
                report.missing_procedures.push(p.id.clone());
                missing.push(p.clone());
            }
        }
    }
    if present.is_empty() {
        let ids: Vec<&str> = draft.procedures.iter().map(|p| p.id.as_str()).collect();
        return Err(DraftError::NoProcedures(ids.join(", ")));
    }
    let mut session = Session::start(catalog, &present).map_err(|e| match e {
        SessionError::UnknownProcedure(id) | SessionError::UnknownQuestion(id) => DraftError::NoProcedures(id),
        other => DraftError::Malformed(other.to_string()),
    })?;
    let changed: HashSet<&str> = report.changed.iter().map(|(id, _, _)| id.as_str()).collect();
    for (key, value) in &draft.answers {
        let source = draft.sources.get(key).cloned().unwrap_or(AnswerSource::Typed);
        match session.restore_answer(key, value.clone(), source) {
            true => {
                report.kept.push(key.clone());
                let asked_by_changed = session
                    .questions()
                    .iter()
                    .find(|q| &q.key == key)
                    .is_some_and(|q| q.asked_by.iter().any(|p| changed.contains(p.as_str())));
                if asked_by_changed {
                    report.recheck.push(key.clone());
                }
            }
            false => {
                session.keep_aside(key.clone(), value.clone());
                report.gone.push(key.clone());
            }
        }
    }
    session.keep_aside_procedures(missing);
    session.set_assisted(draft.assisted);
    Ok((session, report))
}

/// What is open at the end of a JSON text: containers (their closers, innermost last), a
/// string, and the last `{`, `[`, `,` or `:` outside strings with where it stands.
struct Open {
    closers: Vec<char>,
    in_string: bool,
    escaped: bool,
    last_mark: Option<(char, usize)>,
}

fn scan(text: &str) -> Open {
    let mut open = Open { closers: Vec::new(), in_string: false, escaped: false, last_mark: None };
    for (i, c) in text.char_indices() {
        if open.in_string {
            match (open.escaped, c) {
                (true, _) => open.escaped = false,
                (false, '\\') => open.escaped = true,
                (false, '"') => open.in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => open.in_string = true,
            '{' => open.closers.push('}'),
            '[' => open.closers.push(']'),
            '}' | ']' => {
                open.closers.pop();
            }
            _ => {}
        }
        if matches!(c, '{' | '[' | ',' | ':') {
            open.last_mark = Some((c, i));
        }
    }
    open
}

/// Closes a JSON text cut short: an open string is ended, an entry cut at its key or after its
/// `:` is dropped, and open arrays and objects are closed. `None` when nothing is open (not a
/// truncation).
fn close_truncated(text: &str) -> Option<String> {
    let open = scan(text);
    if open.closers.is_empty() && !open.in_string {
        return None;
    }
    let in_object = open.closers.last() == Some(&'}');
    let mut out = match open.last_mark {
        // Cut inside an object's key, or after its `:`: that entry cannot stand, drop it.
        Some(('{', i)) if in_object => text[..=i].to_string(),
        Some((',', i)) if in_object => text[..i].to_string(),
        Some((':', _)) if in_object && !open.in_string && text.trim_end().ends_with(':') => {
            let before = &text[..text.trim_end().len() - 1];
            match before.rfind([',', '{']) {
                Some(j) if before.as_bytes()[j] == b'{' => before[..=j].to_string(),
                Some(j) => before[..j].to_string(),
                None => return None,
            }
        }
        _ => {
            let mut t = text.to_string();
            if open.in_string {
                if open.escaped {
                    t.pop();
                }
                t.push('"');
            }
            t.trim_end().trim_end_matches(',').to_string()
        }
    };
    // Close what is open in what is kept.
    let mut closers = scan(&out).closers;
    while let Some(closer) = closers.pop() {
        out.push(closer);
    }
    Some(out)
}
