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

/// How far a town's procedures can be done online: the KPI a town reports as
/// デジタル完結可能な手続数割合 (`tetsuzuki summary`). Every procedure of the catalogue (those the
/// town offers) is counted once, in the first of these that fits:
///
/// 1. `authority` (職権): the town acts by itself; nothing for a resident to do, so left out of
///    the ratio's denominator;
/// 2. `online` (デジタル完結): `online_completion` with `online` among its channels;
/// 3. `prepared` (オンラインで準備し窓口で完了): `visit` set and `online` among its channels;
/// 4. `counter`: the rest, done at the counter or by post.
///
/// `ratio` = `online` / (`online` + `prepared` + `counter`): the procedures the resident does
/// that can be completed online, over all procedures the town offers that the resident does.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct DigitalSummary {
    /// The procedures a resident does: the ratio's denominator (職権 left out).
    pub resident_procedures: u32,
    /// Completed online, with no visit (デジタル完結).
    pub online: u32,
    /// Prepared online and completed at the counter (`visit`).
    pub prepared: u32,
    /// Neither: at the counter or by post only.
    pub counter: u32,
    /// The town's own actions (職権), not in the denominator.
    pub authority: u32,
    /// `online` / `resident_procedures`, rounded to 4 decimals; none without resident procedures.
    pub ratio: Option<f64>,
    /// The ids of each kind, in the catalogue's order.
    pub ids: DigitalIds,
}

/// The procedures of each kind of [`DigitalSummary`], by id.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct DigitalIds {
    /// デジタル完結.
    pub online: Vec<String>,
    /// Prepared online, completed at the counter.
    pub prepared: Vec<String>,
    /// At the counter or by post only.
    pub counter: Vec<String>,
    /// 職権.
    pub authority: Vec<String>,
}

impl CompiledCatalog {
    /// How far the town's procedures can be done online ([`DigitalSummary`]).
    pub fn digital_summary(&self) -> DigitalSummary {
        use super::{Channel, ProcedureType};
        let mut ids =
            DigitalIds { online: Vec::new(), prepared: Vec::new(), counter: Vec::new(), authority: Vec::new() };
        for p in &self.procedures {
            let online = p.channels.contains(&Channel::Online);
            let kind = if p.procedure_type == ProcedureType::Authority {
                &mut ids.authority
            } else if online && p.online_completion {
                &mut ids.online
            } else if online && p.visit.is_some() {
                &mut ids.prepared
            } else {
                &mut ids.counter
            };
            kind.push(p.id.clone());
        }
        let count = |v: &Vec<String>| v.len() as u32;
        let resident_procedures = count(&ids.online) + count(&ids.prepared) + count(&ids.counter);
        let ratio = (resident_procedures > 0)
            .then(|| (f64::from(count(&ids.online)) / f64::from(resident_procedures) * 10_000.0).round() / 10_000.0);
        DigitalSummary {
            resident_procedures,
            online: count(&ids.online),
            prepared: count(&ids.prepared),
            counter: count(&ids.counter),
            authority: count(&ids.authority),
            ratio,
            ids,
        }
    }

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Channel, Form, ProcedureType, Text, Visit};

    fn procedure(id: &str, ty: ProcedureType, channels: &[Channel], online_completion: bool, visit: bool) -> Procedure {
        let mut p = Procedure::with_form(id, Text::new(id, id), Form { pages: Vec::new(), rules: Vec::new() });
        p.procedure_type = ty;
        p.channels = channels.to_vec();
        p.online_completion = online_completion;
        p.visit = visit.then(|| Visit { reason: Text::new("本人確認", "identity"), basis: None });
        p
    }

    #[test]
    fn the_digital_summary_counts_each_procedure_once_and_leaves_the_towns_own_out() {
        use Channel::{Counter, Online, Post};
        use ProcedureType::{Application, Authority, Notification};
        let town = serde_json::from_value(serde_json::json!({
            "id": "t", "code": "063410", "name": {"ja": "町"}, "prefecture": {"ja": "山形県"}, "departments": []
        }))
        .unwrap();
        let mut catalog = CompiledCatalog {
            format: FORMAT.into(),
            content_hash: String::new(),
            town,
            concepts: Vec::new(),
            code_lists: Vec::new(),
            procedures: vec![
                procedure("online", Notification, &[Online, Counter], true, false),
                procedure("online-and-visit", Application, &[Online, Counter], true, true),
                procedure("prepared", Notification, &[Online, Counter], false, true),
                procedure("online-not-completable", Notification, &[Online, Counter], false, false),
                procedure("counter", Notification, &[Counter, Post], false, false),
                // `online_completion` without the online channel completes nothing online.
                procedure("flag-only", Application, &[Counter], true, false),
                procedure("town", Authority, &[], false, false),
            ],
            life_events: Vec::new(),
        };
        let s = catalog.digital_summary();
        assert_eq!(s.ids.online, ["online", "online-and-visit"]);
        assert_eq!(s.ids.prepared, ["prepared"]);
        assert_eq!(s.ids.counter, ["online-not-completable", "counter", "flag-only"]);
        assert_eq!(s.ids.authority, ["town"]);
        assert_eq!((s.resident_procedures, s.online, s.prepared, s.counter, s.authority), (6, 2, 1, 3, 1));
        assert_eq!(s.ratio, Some(0.3333));
        catalog.procedures.retain(|p| p.procedure_type == Authority);
        let none = catalog.digital_summary();
        assert_eq!((none.resident_procedures, none.ratio), (0, None));
    }
}
