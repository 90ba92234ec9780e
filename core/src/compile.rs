//! Compiling checked definitions into one town's catalogue.

use std::collections::{BTreeSet, HashMap};

use crate::catalog::{CompiledCatalog, FORMAT};
use crate::model::{
    Concept, Document, Field, FieldType, LifeEvent, Offering, Procedure, Region, Town, apply_offering, codes_as_options,
};

/// Why a town could not be compiled.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CompileError {
    /// No town document has this id.
    #[error("no town has the id `{town}`; towns defined: {known}")]
    UnknownTown {
        /// The id asked for.
        town: String,
        /// The ids defined, comma-separated.
        known: String,
    },
}

/// Builds the catalogue of `town` from documents that passed the checker. Everything is
/// resolved: each field carries its type, label and code list (from its concept when not its
/// own), each procedure the town's department, fee and `after_submit`, the town's field
/// overrides and local fields; only what the town offers and uses is included. A town with
/// `offer_all` gets every shared procedure (and, when it lists none, every life event whose
/// procedures it offers); the compiled town lists them all. Change permissions are authoring
/// data and left out.
pub fn compile<'a>(
    documents: impl IntoIterator<Item = &'a Document>,
    town: &str,
) -> Result<CompiledCatalog, CompileError> {
    let mut concepts: HashMap<&str, &Concept> = HashMap::new();
    let mut code_lists = HashMap::new();
    let mut procedures: HashMap<&str, &Procedure> = HashMap::new();
    let mut procedure_order: Vec<&Procedure> = Vec::new();
    let mut life_events: HashMap<&str, &LifeEvent> = HashMap::new();
    let mut event_order: Vec<&LifeEvent> = Vec::new();
    let mut towns: Vec<&Town> = Vec::new();
    let mut regions: HashMap<&str, &Region> = HashMap::new();
    for d in documents {
        match d {
            Document::Vocabulary(v) => concepts.extend(v.concepts.iter().map(|c| (c.id.as_str(), c))),
            Document::CodeList(l) => {
                code_lists.insert(l.id.as_str(), l);
            }
            Document::Procedure(p) => {
                procedures.insert(p.id.as_str(), p);
                procedure_order.push(p);
            }
            Document::LifeEvent(e) => {
                life_events.insert(e.id.as_str(), e);
                event_order.push(e);
            }
            Document::Town(t) => towns.push(t),
            Document::Model(_) => {}
            Document::Region(r) => {
                regions.insert(r.id.as_str(), r);
            }
        }
    }
    let Some(the_town) = towns.iter().find(|t| t.id == town) else {
        let mut known: Vec<&str> = towns.iter().map(|t| t.id.as_str()).collect();
        known.sort_unstable();
        return Err(CompileError::UnknownTown { town: town.to_string(), known: known.join(", ") });
    };

    let resolve_fields =
        |fields: &[Field]| -> Vec<Field> { fields.iter().map(|f| resolve_field(f, &concepts)).collect() };
    let codes = |f: &Field| {
        let list = f.code_list.as_deref().or_else(|| concepts.get(f.concept.as_deref()?)?.code_list.as_deref());
        list.and_then(|id| code_lists.get(id)).map(|l| codes_as_options(l)).unwrap_or_default()
    };

    // The offerings: those listed (unless `offered: false`), then with `offer_all` every other
    // shared procedure in the model's order (except those the region does not offer).
    let mut town = (*the_town).clone();
    let region = town.region.as_deref().and_then(|r| regions.get(r)).copied();
    // The region's offering of each procedure (its first).
    let mut by_region: HashMap<&str, &Offering> = HashMap::new();
    for o in region.map_or(&[][..], |r| r.procedures.as_slice()) {
        by_region.entry(o.procedure.as_str()).or_insert(o);
    }
    let region_offering = |id: &str| by_region.get(id).copied();
    let mut offerings: Vec<Offering> = town.procedures.iter().filter(|o| o.offered).cloned().collect();
    if town.offer_all {
        let listed: BTreeSet<&str> = town.procedures.iter().map(|o| o.procedure.as_str()).collect();
        for p in &procedure_order {
            if !listed.contains(p.id.as_str())
                && p.town.as_ref().is_none_or(|t| *t == town.id)
                && region_offering(&p.id).is_none_or(|o| o.offered)
            {
                offerings.push(Offering {
                    procedure: p.id.clone(),
                    department: None,
                    fee: None,
                    after_submit: None,
                    offered: true,
                    fields: Vec::new(),
                    local_fields: Vec::new(),
                });
            }
        }
    }

    let mut compiled_procedures = Vec::new();
    for offering in &offerings {
        let Some(p) = procedures.get(offering.procedure.as_str()) else { continue };
        let mut p = (*p).clone();
        p.change = None;
        if let Some(r) = region_offering(&p.id) {
            apply_offering(&mut p, r, &codes);
        }
        apply_offering(&mut p, offering, &codes);
        for page in &mut p.form.pages {
            page.fields = resolve_fields(&page.fields);
        }
        compiled_procedures.push(p);
    }
    if town.offer_all && town.life_events.is_empty() {
        let offered: BTreeSet<&str> = compiled_procedures.iter().map(|p| p.id.as_str()).collect();
        town.life_events = event_order
            .iter()
            .filter(|e| e.procedures.iter().all(|a| offered.contains(a.procedure.as_str())))
            .map(|e| e.id.clone())
            .collect();
    }
    town.offer_all = false;
    town.procedures = offerings;
    let mut compiled_events = Vec::new();
    for id in &town.life_events {
        if let Some(e) = life_events.get(id.as_str()) {
            let mut e = (*e).clone();
            e.questions = resolve_fields(&e.questions);
            compiled_events.push(e);
        }
    }

    // The concepts and code lists actually used.
    let mut used_concepts = BTreeSet::new();
    let mut used_lists = BTreeSet::new();
    fn collect(fields: &[Field], concepts: &mut BTreeSet<String>, lists: &mut BTreeSet<String>) {
        for f in fields {
            if let Some(c) = &f.concept {
                concepts.insert(c.clone());
            }
            if let Some(l) = &f.code_list {
                lists.insert(l.clone());
            }
            collect(&f.fields, concepts, lists);
        }
    }
    for p in &compiled_procedures {
        for page in &p.form.pages {
            collect(&page.fields, &mut used_concepts, &mut used_lists);
        }
        if let Some(d) = &p.deadline
            && concepts.contains_key(d.anchor.as_str())
        {
            used_concepts.insert(d.anchor.clone());
        }
    }
    for e in &compiled_events {
        collect(&e.questions, &mut used_concepts, &mut used_lists);
        if let Some(d) = &e.date {
            used_concepts.insert(d.clone());
        }
    }
    let compiled_concepts: Vec<Concept> =
        used_concepts.iter().filter_map(|id| concepts.get(id.as_str()).map(|c| (*c).clone())).collect();
    for c in &compiled_concepts {
        if let Some(l) = &c.code_list {
            used_lists.insert(l.clone());
        }
    }
    let compiled_lists = used_lists.iter().filter_map(|id| code_lists.get(id.as_str()).map(|l| (*l).clone())).collect();

    let mut catalog = CompiledCatalog {
        format: FORMAT.to_string(),
        content_hash: String::new(),
        town,
        concepts: compiled_concepts,
        code_lists: compiled_lists,
        procedures: compiled_procedures,
        life_events: compiled_events,
    };
    catalog.seal();
    Ok(catalog)
}

fn resolve_field(f: &Field, concepts: &HashMap<&str, &Concept>) -> Field {
    let mut f = f.clone();
    f.change = None;
    let concept = f.concept.as_deref().and_then(|c| concepts.get(c));
    if f.field_type.is_none() {
        f.field_type = Some(concept.map_or(FieldType::Text, |c| c.value_type));
    }
    if f.label.is_none() {
        f.label = concept.map(|c| c.label.clone());
    }
    if f.code_list.is_none() {
        f.code_list = concept.and_then(|c| c.code_list.clone());
    }
    f.fields = f.fields.iter().map(|sub| resolve_field(sub, concepts)).collect();
    f
}
