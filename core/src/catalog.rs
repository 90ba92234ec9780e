//! A compiled catalogue loaded and planned once ([`Catalog`]), shared by sessions, validation,
//! the navigator and drafts. The catalogue's data and its decoding are the model's
//! ([`crate::model::catalog`]), re-exported here.

pub use crate::model::catalog::{CatalogError, CatalogSummary, CompiledCatalog, FORMAT};

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
