//! The compiled catalogue: one town's procedures with everything resolved, as canonical JSON.
//!
//! This is what the widget and the native bindings load. It is produced by the compiler
//! (`tetsuzuki::compile`, authoring) from checked definitions and carries a format version and
//! a content hash, so a host can tell exactly which definitions a submission was made against.
//! Plain data and its decoding: the runtime's planned [`crate::catalog::Catalog`] wraps it.

use sha2::{Digest, Sha256};

use super::{CodeList, Concept, Field, LifeEvent, Procedure, Town};

/// The format version written in every catalogue.
pub const FORMAT: &str = "tetsuzuki-catalog/1";

/// A compiled catalogue of one town.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CompiledCatalog {
    /// [`FORMAT`].
    pub format: String,
    /// `sha256-` and the hex SHA-256 of the catalogue's canonical JSON with this field empty.
    pub content_hash: String,
    /// The town, its departments and offerings.
    pub town: Town,
    /// The concepts the catalogue's forms and questions use.
    pub concepts: Vec<Concept>,
    /// The code lists the catalogue uses.
    pub code_lists: Vec<CodeList>,
    /// The procedures the town offers, resolved for the town (department, fee, field types
    /// and labels taken from concepts).
    pub procedures: Vec<Procedure>,
    /// The life events the town's navigator offers.
    pub life_events: Vec<LifeEvent>,
}

/// Why a catalogue could not be loaded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CatalogError {
    /// The text is not JSON of the catalogue's shape.
    #[error("the catalogue is not valid: {0}")]
    Malformed(String),
    /// Made for another format version.
    #[error("the catalogue has format `{found}`; this SDK reads `{FORMAT}`: compile it again with this version")]
    UnsupportedFormat {
        /// The format the catalogue says it has.
        found: String,
    },
    /// The content does not match its hash: the file was changed after compilation.
    #[error(
        "the catalogue's content does not match its hash (expected {expected}, computed {computed}): it was changed after compilation; compile it again"
    )]
    HashMismatch {
        /// The hash written in the catalogue.
        expected: String,
        /// The hash of its content.
        computed: String,
    },
}

impl CatalogError {
    /// Stable code for hosts and bindings.
    pub fn code(&self) -> &'static str {
        match self {
            CatalogError::Malformed(_) => "catalog-malformed",
            CatalogError::UnsupportedFormat { .. } => "catalog-format",
            CatalogError::HashMismatch { .. } => "catalog-hash",
        }
    }
}

/// What a catalogue holds, in counts.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct CatalogSummary {
    /// The format version.
    pub format: String,
    /// The content hash.
    pub content_hash: String,
    /// The town's id.
    pub town_id: String,
    /// The town's name in Japanese.
    pub town_name: String,
    /// Procedures offered.
    pub procedures: u32,
    /// Life events offered.
    pub life_events: u32,
    /// Concepts used.
    pub concepts: u32,
    /// Code lists used.
    pub code_lists: u32,
    /// Fields across all procedures (groups' inner fields included).
    pub fields: u32,
}

impl CompiledCatalog {
    /// Loads a catalogue from its JSON text, checking the format version and that the text is
    /// the one compiled (its content hash). Serve the file byte for byte as `compile` wrote it.
    pub fn from_json(text: &str) -> Result<CompiledCatalog, CatalogError> {
        // The hand-written decoder reads what serde_json would (see `model::decode`) without
        // serde's generic code for every model type in the widget's wasm.
        let catalog = super::decode::catalog(text)?;
        if catalog.format != FORMAT {
            return Err(CatalogError::UnsupportedFormat { found: catalog.format });
        }
        let computed = hash_of_text(text);
        if computed != catalog.content_hash {
            return Err(CatalogError::HashMismatch { expected: catalog.content_hash, computed });
        }
        Ok(catalog)
    }

    /// The canonical JSON text (what `compile` writes and `from_json` reads).
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// The hash of the content: SHA-256 of the canonical JSON with `content_hash` empty.
    pub fn compute_hash(&self) -> String {
        hash_of_text(&self.to_json())
    }

    /// Sets `content_hash` from the content.
    pub fn seal(&mut self) {
        self.content_hash = self.compute_hash();
    }

    /// The procedure with this id.
    pub fn procedure(&self, id: &str) -> Option<&Procedure> {
        self.procedures.iter().find(|p| p.id == id)
    }

    /// The life event with this id.
    pub fn life_event(&self, id: &str) -> Option<&LifeEvent> {
        self.life_events.iter().find(|e| e.id == id)
    }

    /// What the catalogue holds, in counts.
    pub fn summary(&self) -> CatalogSummary {
        fn count(fields: &[Field]) -> u32 {
            fields.iter().map(|f| 1 + count(&f.fields)).sum()
        }
        CatalogSummary {
            format: self.format.clone(),
            content_hash: self.content_hash.clone(),
            town_id: self.town.id.clone(),
            town_name: self.town.name.ja.clone().unwrap_or_default(),
            procedures: self.procedures.len() as u32,
            life_events: self.life_events.len() as u32,
            concepts: self.concepts.len() as u32,
            code_lists: self.code_lists.len() as u32,
            fields: self.procedures.iter().flat_map(|p| &p.form.pages).map(|pg| count(&pg.fields)).sum(),
        }
    }
}

const HASH_KEY: &str = "\"content_hash\":\"";

/// SHA-256 of a catalogue's text with the value of `content_hash` left out (the hash cannot
/// cover itself). The first `"content_hash":"` is the top-level key: inside JSON strings
/// quotes are escaped, so the sequence cannot occur there.
fn hash_of_text(text: &str) -> String {
    let mut hasher = Sha256::new();
    match text.find(HASH_KEY) {
        Some(start) => {
            let value_start = start + HASH_KEY.len();
            let value_end = text[value_start..].find('"').map_or(text.len(), |i| value_start + i);
            hasher.update(&text.as_bytes()[..value_start]);
            hasher.update(&text.as_bytes()[value_end..]);
        }
        None => hasher.update(text.as_bytes()),
    }
    let mut hex = String::with_capacity(7 + 64);
    hex.push_str("sha256-");
    for b in hasher.finalize() {
        hex.push_str(&format!("{b:02x}"));
    }
    hex
}
