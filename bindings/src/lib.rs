//! # tetsuzuki-bindings
//!
//! UniFFI bindings of the tetsuzuki core for Kotlin, Swift and Python (proc-macros only,
//! sync exports). Every export returns a typed `TetsuzukiError` instead of panicking:
//! a panic inside the core is caught here and becomes `TetsuzukiError::Internal`.

use std::panic::{AssertUnwindSafe, catch_unwind};

use tetsuzuki::catalog;

uniffi::setup_scaffolding!();

/// What a compiled catalogue holds, as counts (mirrors `tetsuzuki::catalog::CatalogSummary`).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct CatalogSummary {
    /// The format tag of the compiled catalogue.
    pub format: String,
    /// The content hash of the canonical catalogue.
    pub content_hash: String,
    pub town_id: String,
    pub town_name: String,
    pub procedures: u32,
    pub life_events: u32,
    pub concepts: u32,
    pub code_lists: u32,
    pub fields: u32,
}

impl From<catalog::CatalogSummary> for CatalogSummary {
    fn from(s: catalog::CatalogSummary) -> Self {
        CatalogSummary {
            format: s.format,
            content_hash: s.content_hash,
            town_id: s.town_id,
            town_name: s.town_name,
            procedures: s.procedures,
            life_events: s.life_events,
            concepts: s.concepts,
            code_lists: s.code_lists,
            fields: s.fields,
        }
    }
}

/// The one error type every export returns; `code` is stable, `message` is for people.
#[derive(Debug, thiserror::Error, uniffi::Error)]
pub enum TetsuzukiError {
    /// The text is not a valid compiled catalogue.
    #[error("{code}: {message}")]
    InvalidCatalog { code: String, message: String },
    /// A bug in tetsuzuki (a caught panic); please report it.
    #[error("{code}: {message}")]
    Internal { code: String, message: String },
}

/// Runs `f`, turning a panic into `TetsuzukiError::Internal` so none crosses the boundary.
fn guarded<T>(f: impl FnOnce() -> Result<T, TetsuzukiError>) -> Result<T, TetsuzukiError> {
    catch_unwind(AssertUnwindSafe(f)).unwrap_or_else(|panic| {
        let message = panic
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".to_owned());
        Err(TetsuzukiError::Internal { code: "internal.panic".to_owned(), message })
    })
}

/// Summarises a compiled catalogue (the canonical JSON the CLI's `compile` writes).
#[uniffi::export]
pub fn catalog_summary(json: String) -> Result<CatalogSummary, TetsuzukiError> {
    guarded(|| {
        let compiled = catalog::CompiledCatalog::from_json(&json)
            .map_err(|e| TetsuzukiError::InvalidCatalog { code: e.code().to_owned(), message: e.to_string() })?;
        Ok(compiled.summary().into())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An empty town, sealed with this build's content hash (see `tests/data/README.md`).
    fn minimal() -> String {
        let text = include_str!("../../tests/data/minimal-catalog.json");
        let mut catalog: catalog::CompiledCatalog = serde_json::from_str(text).unwrap();
        catalog.seal();
        catalog.to_json()
    }

    #[test]
    fn minimal_catalogue() {
        let summary = catalog_summary(minimal()).unwrap();
        assert_eq!(summary.town_id, "minimal");
        assert_eq!(summary.town_name, "見本町");
        assert!(summary.content_hash.starts_with("sha256-"));
        assert_eq!(
            (summary.procedures, summary.life_events, summary.concepts, summary.code_lists, summary.fields),
            (0, 0, 0, 0, 0)
        );
    }

    #[test]
    fn malformed_json_is_invalid_catalog() {
        match catalog_summary("{".to_owned()) {
            Err(TetsuzukiError::InvalidCatalog { code, message }) => {
                assert_eq!(code, "catalog-malformed");
                assert!(message.contains("line 1"), "{message}");
            }
            other => panic!("expected InvalidCatalog, got {other:?}"),
        }
    }

    #[test]
    fn edited_catalogue_is_invalid_catalog() {
        let edited = minimal().replace("見本町", "改竄町");
        match catalog_summary(edited) {
            Err(TetsuzukiError::InvalidCatalog { code, .. }) => assert_eq!(code, "catalog-hash"),
            other => panic!("expected InvalidCatalog, got {other:?}"),
        }
    }

    #[test]
    fn panics_do_not_cross() {
        let r: Result<(), _> = guarded(|| panic!("boom"));
        assert!(matches!(r, Err(TetsuzukiError::Internal { message, .. }) if message == "boom"));
    }
}
