//! The compiled catalogue: one town's procedures with everything resolved, as canonical JSON.
//!
//! This is what the widget and the native bindings load. It is produced by
//! [`crate::compile`] from checked definitions and carries a format version and a content
//! hash, so a host can tell exactly which definitions a submission was made against.

use sha2::{Digest, Sha256};

use crate::model::{CodeList, Concept, LifeEvent, Procedure, Town};

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
        let catalog = crate::model::decode::catalog(text)?;
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
        fn count(fields: &[crate::model::Field]) -> u32 {
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

/// A compiled catalogue loaded once and planned once (every form's expressions parsed), ready
/// for sessions, validation and drafts. Cheap to clone and safe to share across threads: what
/// hosts (the widget, the native bindings, a server) hold.
#[derive(Debug, Clone)]
pub struct Catalog(std::sync::Arc<Planned>);

#[derive(Debug)]
struct Planned {
    compiled: CompiledCatalog,
    /// The concepts' types (what conditions may name), made on first use.
    concepts: std::sync::OnceLock<Vec<(String, crate::model::FieldType)>>,
    /// Each procedure's form plan, made when a session or validation first needs it: loading
    /// a catalogue plans nothing, so a page shows before any form is planned.
    plans: Vec<std::sync::OnceLock<crate::validate::form::FormPlan>>,
    validator: std::sync::OnceLock<crate::validate::Validator>,
    navigator: std::sync::OnceLock<crate::navigate::NavigatorPlans>,
    /// Each procedure's visibility names, from its form plan's parsed conditions.
    visibility: Vec<std::sync::OnceLock<std::collections::HashSet<String>>>,
}

impl Catalog {
    /// Takes a compiled catalogue; forms and life events are planned when first used.
    pub fn new(compiled: CompiledCatalog) -> Catalog {
        let plans = compiled.procedures.iter().map(|_| std::sync::OnceLock::new()).collect();
        let visibility = compiled.procedures.iter().map(|_| std::sync::OnceLock::new()).collect();
        Catalog(std::sync::Arc::new(Planned {
            compiled,
            concepts: std::sync::OnceLock::new(),
            plans,
            validator: std::sync::OnceLock::new(),
            navigator: std::sync::OnceLock::new(),
            visibility,
        }))
    }

    /// Loads and plans a catalogue from its JSON text (see [`CompiledCatalog::from_json`]).
    pub fn from_json(text: &str) -> Result<Catalog, CatalogError> {
        CompiledCatalog::from_json(text).map(Catalog::new)
    }

    /// The catalogue's content.
    pub fn compiled(&self) -> &CompiledCatalog {
        &self.0.compiled
    }

    /// Its validator (every form planned on first use, then kept).
    pub fn validator(&self) -> &crate::validate::Validator {
        self.0.validator.get_or_init(|| crate::validate::Validator::new(&self.0.compiled))
    }

    /// The form plan of the procedure at `index` in [`CompiledCatalog::procedures`] (made on
    /// first use, then kept).
    pub fn form_plan(&self, index: usize) -> Option<&crate::validate::form::FormPlan> {
        let procedure = self.0.compiled.procedures.get(index)?;
        let cell = self.0.plans.get(index)?;
        Some(cell.get_or_init(|| {
            let concepts =
                self.0.concepts.get_or_init(|| crate::validate::form::concept_types(&self.0.compiled.concepts));
            crate::validate::form::FormPlan::new(procedure, concepts)
        }))
    }

    /// The names (first segments: a field id, or a concept's head like `person`) that decide
    /// which pages and fields of `procedure` are shown. An answer whose field id or first
    /// segment is not among them cannot change what is shown (made on first use from the
    /// form's plan, whose conditions are already parsed, then kept).
    pub fn visibility_names(&self, procedure: &str) -> Option<&std::collections::HashSet<String>> {
        let index = self.0.compiled.procedures.iter().position(|p| p.id == procedure)?;
        let cell = self.0.visibility.get(index)?;
        Some(cell.get_or_init(|| self.form_plan(index).map(|plan| plan.visibility_names()).unwrap_or_default()))
    }

    /// Its navigator (life events planned on first use, then kept).
    pub fn navigator(&self) -> crate::navigate::Navigator<'_> {
        let plans = self.0.navigator.get_or_init(|| crate::navigate::NavigatorPlans::new(&self.0.compiled));
        crate::navigate::Navigator::with_plans(&self.0.compiled, plans)
    }
}

impl std::ops::Deref for Catalog {
    type Target = CompiledCatalog;
    fn deref(&self) -> &CompiledCatalog {
        &self.0.compiled
    }
}
