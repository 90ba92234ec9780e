//! Where to edit what the preview shows: each procedure, life event and question of a town's
//! compiled catalogue, with the file:line:column of its definition and of the text a resident
//! reads as its label — the town's override, the region's, the field's own `label`, or its
//! concept's in the vocabulary, whichever the compiler took.
//!
//! Read from the loader's located node trees (the ones `check` points into); nothing here
//! decides what a catalogue holds: it follows what the compiler put in it.

use std::collections::HashMap;

use serde_json::{Value, json};
use tetsuzuki::catalog::CompiledCatalog;
use tetsuzuki::definitions::Definitions;
use tetsuzuki::model::{Document, Field};
use tetsuzuki::source::{Node, NodeValue};

/// A node of a document: which document (an index of `Definitions::documents`) and the node.
type At<'a> = (usize, &'a Node);

/// The documents by what they define.
struct Index<'a> {
    defs: &'a Definitions,
    procedures: HashMap<&'a str, usize>,
    events: HashMap<&'a str, usize>,
    /// Each concept's mapping in its vocabulary.
    concepts: HashMap<&'a str, At<'a>>,
    towns: HashMap<&'a str, usize>,
    regions: HashMap<&'a str, usize>,
}

impl<'a> Index<'a> {
    fn new(defs: &'a Definitions) -> Index<'a> {
        let mut index = Index {
            defs,
            procedures: HashMap::new(),
            events: HashMap::new(),
            concepts: HashMap::new(),
            towns: HashMap::new(),
            regions: HashMap::new(),
        };
        for (i, document) in defs.typed() {
            match document {
                Document::Procedure(p) => {
                    index.procedures.insert(p.id.as_str(), i);
                }
                Document::LifeEvent(e) => {
                    index.events.insert(e.id.as_str(), i);
                }
                Document::Town(t) => {
                    index.towns.insert(t.id.as_str(), i);
                }
                Document::Region(r) => {
                    index.regions.insert(r.id.as_str(), i);
                }
                Document::Vocabulary(_) => {
                    for concept in items(Some(&defs.documents[i].node), "concepts") {
                        if let Some(id) = concept.get("id").and_then(Node::as_str) {
                            index.concepts.insert(id, (i, concept));
                        }
                    }
                }
                _ => {}
            }
        }
        index
    }

    /// The root node of document `i`.
    fn root(&self, i: usize) -> &'a Node {
        &self.defs.documents[i].node
    }

    /// `file:line:column` of a node of document `i`.
    fn place(&self, (i, node): At<'_>) -> String {
        let file = &self.defs.files[self.defs.documents[i].file].name;
        format!("{file}:{}:{}", node.at.line.max(1), node.at.column.max(1))
    }

    /// `file:line:column` of the key `key` of a mapping node (`label:`), if written there.
    fn key_place(&self, (i, node): At<'_>, key: &str) -> Option<String> {
        node.entry(key).map(|(k, _)| self.place((i, k)))
    }

    /// `file:line:column` of document `i`'s `id:` (of the document when it has none).
    fn id_place(&self, i: usize) -> String {
        self.key_place((i, self.root(i)), "id").unwrap_or_else(|| self.place((i, self.root(i))))
    }

    /// The town's offering of `procedure` and its region's, in the order the compiler applies
    /// them reversed: the town's first (it wins), then the region's.
    fn offerings(&self, town: &str, procedure: &str) -> Vec<At<'a>> {
        let mut layers: Vec<usize> = Vec::new();
        let Some(&t) = self.towns.get(town) else { return Vec::new() };
        layers.push(t);
        if let Some(&r) = self.root(t).get("region").and_then(Node::as_str).and_then(|id| self.regions.get(id)) {
            layers.push(r);
        }
        layers
            .into_iter()
            .filter_map(|doc| {
                items(Some(self.root(doc)), "procedures")
                    .find(|o| o.get("procedure").and_then(Node::as_str) == Some(procedure))
                    .map(|o| (doc, o))
            })
            .collect()
    }
}

/// The items of the list under `key` of a mapping node (none when it is not one).
fn items<'n>(node: Option<&'n Node>, key: &str) -> impl Iterator<Item = &'n Node> {
    let list = match node.and_then(|n| n.get(key)).map(|n| &n.value) {
        Some(NodeValue::Seq(list)) => list.as_slice(),
        _ => &[],
    };
    list.iter()
}

/// The item of `list` whose `key` is `id`.
fn find<'n>(mut list: impl Iterator<Item = &'n Node>, key: &str, id: &str) -> Option<&'n Node> {
    list.find(|n| n.get(key).and_then(Node::as_str) == Some(id))
}

/// Where everything of `catalog` (compiled for `town` from `defs`) is written, as JSON for the
/// page: `{town, procedures: [{id, title, at, offered_at, pages: [{id, title, fields}]}],
/// events: [{id, title, at, questions, procedures}]}`, each field `{id, label, at, label_at,
/// overrides_at, fields}` (`overrides_at`: the town's and region's overrides of it).
pub fn places(defs: &Definitions, catalog: &CompiledCatalog, town: &str) -> Value {
    let index = Index::new(defs);
    let town_at = index.towns.get(town).map(|&t| index.id_place(t));
    let procedures: Vec<Value> = catalog
        .procedures
        .iter()
        .map(|p| {
            let doc = index.procedures.get(p.id.as_str()).map(|&i| (i, index.root(i)));
            let offerings = index.offerings(town, &p.id);
            let pages: Vec<Value> = p
                .form
                .pages
                .iter()
                .map(|page| {
                    let page_node = doc
                        .and_then(|(i, n)| find(items(n.get("form"), "pages"), "id", &page.id).map(|node| (i, node)));
                    // Fields a town or region adds after the page's own.
                    let local: Vec<At<'_>> = offerings
                        .iter()
                        .flat_map(|&(i, o)| {
                            items(Some(o), "local_fields")
                                .filter(|l| l.get("page").and_then(Node::as_str) == Some(page.id.as_str()))
                                .flat_map(move |l| items(Some(l), "fields").map(move |f| (i, f)))
                        })
                        .collect();
                    json!({
                        "id": page.id,
                        "title": page.title,
                        "at": page_node.map(|at| index.place(at)),
                        "fields": fields(&index, &page.fields, page_node, &local, &offerings),
                    })
                })
                .collect();
            json!({
                "id": p.id,
                "title": p.title,
                "at": doc.map(|(i, _)| index.id_place(i)),
                "offered_at": offerings.first().map(|&at| index.place(at)),
                "pages": pages,
            })
        })
        .collect();
    let events: Vec<Value> = catalog
        .life_events
        .iter()
        .map(|e| {
            let doc = index.events.get(e.id.as_str()).map(|&i| (i, index.root(i)));
            json!({
                "id": e.id,
                "title": e.title,
                "at": doc.map(|(i, _)| index.id_place(i)),
                "questions": fields_in(&index, &e.questions, doc, "questions", &[], &[]),
                "procedures": e.procedures.iter().map(|a| a.procedure.as_str()).collect::<Vec<_>>(),
            })
        })
        .collect();
    json!({
        "town": {"id": catalog.town.id, "name": catalog.town.name, "at": town_at},
        "procedures": procedures,
        "events": events,
    })
}

/// The fields of a page: found under the page's `fields`, else among the town's local fields.
fn fields(
    index: &Index<'_>,
    compiled: &[Field],
    page: Option<At<'_>>,
    local: &[At<'_>],
    offerings: &[At<'_>],
) -> Vec<Value> {
    fields_in(index, compiled, page, "fields", local, offerings)
}

/// The compiled `fields`, each located in the list under `key` of `parent` (or among `local`),
/// its label in the first of: an offering's override (`fields: - field: id`), its own `label`,
/// its concept's `label`.
fn fields_in(
    index: &Index<'_>,
    compiled: &[Field],
    parent: Option<At<'_>>,
    key: &str,
    local: &[At<'_>],
    offerings: &[At<'_>],
) -> Vec<Value> {
    compiled
        .iter()
        .map(|f| {
            let own = parent
                .and_then(|(i, n)| find(items(Some(n), key), "id", &f.id).map(|node| (i, node)))
                .or_else(|| local.iter().copied().find(|(_, n)| n.get("id").and_then(Node::as_str) == Some(&f.id)));
            let overrides: Vec<At<'_>> = offerings
                .iter()
                .filter_map(|&(i, o)| find(items(Some(o), "fields"), "field", &f.id).map(|n| (i, n)))
                .collect();
            let overridden = overrides.iter().find_map(|&at| index.key_place(at, "label"));
            let from_concept = || {
                f.concept.as_deref().and_then(|c| index.concepts.get(c)).and_then(|&at| index.key_place(at, "label"))
            };
            let label_at = overridden.or_else(|| own.and_then(|at| index.key_place(at, "label"))).or_else(from_concept);
            json!({
                "id": f.id,
                "label": f.label,
                "at": own.map(|at| index.place(at)),
                "label_at": label_at,
                "overrides_at": overrides.iter().map(|&at| index.place(at)).collect::<Vec<_>>(),
                "fields": fields_in(index, &f.fields, own, "fields", &[], &[]),
            })
        })
        .collect()
}
