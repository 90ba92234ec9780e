//! TEMPORARY stand-in for `tetsuzuki::catalog` until the core module lands.
//! Same API shape; deleted once `core/src/catalog.rs` exports it.

#[derive(Debug, Clone, serde::Serialize)]
pub struct CatalogSummary {
    pub format: String,
    pub content_hash: String,
    pub town_id: String,
    pub town_name: String,
    pub procedures: u32,
    pub life_events: u32,
    pub concepts: u32,
    pub code_lists: u32,
    pub fields: u32,
}

#[derive(Debug)]
pub enum CatalogError {
    Json(serde_json::Error),
}

impl std::fmt::Display for CatalogError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CatalogError::Json(e) => write!(f, "the compiled catalogue is not valid JSON: {e}"),
        }
    }
}

impl std::error::Error for CatalogError {}

impl CatalogError {
    pub fn code(&self) -> &'static str {
        "catalog.json"
    }
}

pub struct CompiledCatalog(serde_json::Value);

impl CompiledCatalog {
    pub fn from_json(text: &str) -> Result<CompiledCatalog, CatalogError> {
        serde_json::from_str(text).map(CompiledCatalog).map_err(CatalogError::Json)
    }

    pub fn summary(&self) -> CatalogSummary {
        let s = |k: &str| self.0[k].as_str().unwrap_or_default().to_owned();
        let n = |k: &str| self.0[k].as_array().map_or(0, |a| a.len() as u32);
        CatalogSummary {
            format: s("format"),
            content_hash: s("content_hash"),
            town_id: self.0["town"]["id"].as_str().unwrap_or_default().to_owned(),
            town_name: self.0["town"]["name"].as_str().unwrap_or_default().to_owned(),
            procedures: n("procedures"),
            life_events: n("life_events"),
            concepts: n("concepts"),
            code_lists: n("code_lists"),
            fields: n("fields"),
        }
    }
}
