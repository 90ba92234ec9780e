//! Field-level differences between two compiled catalogues (or two procedures).
//!
//! `tetsuzuki diff OLD NEW` prints these; a town uses them to review a new version of the
//! shared model before raising its pin, and a draft migration uses [`procedure_in`] to say
//! which answers a changed procedure asks differently. Everything here is pure and ordered:
//! the same two catalogues always give the same list.
//!
//! Paths are written inside a procedure: `version`, `title.en`, `fee.amount`,
//! `deadline.days`, `pages.move`, `fields.move_date.max_length`, `fields.move_date.label.ja`,
//! `fields.members/name` (a group's inner field), `rules.not_future.check`,
//! `fields.move_date.rules.after_birth.message.en`, `fields.building_kind.options.shop` (an
//! option added or removed, by value; a code field's kept codes too),
//! `fields.building_kind.options.shop.label.en`. Catalogue-wide changes have no procedure:
//! `life_events.birth`, `code_lists.prefecture.codes.13`, `town.departments.juumin.phone`.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{Map, Value as Json};

use crate::catalog::CompiledCatalog;
use crate::model::{ChoiceOption, CodeList, Field, Procedure, Rule};

/// Whether something was added, removed or changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    /// Only in the new catalogue.
    Added,
    /// Only in the old catalogue.
    Removed,
    /// In both, different.
    Changed,
}

/// What a change is about (stable words, for filtering and for JSON readers).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Aspect {
    /// A whole procedure.
    Procedure,
    /// A procedure's version.
    Version,
    /// A resident-facing text in one language (titles, labels, hints, messages).
    Text,
    /// Anything else about a procedure: type, department, channels, fee, documents, identity.
    Detail,
    /// A whole page of a form, or its condition.
    Page,
    /// A whole field, or its concept, condition, prefill or page.
    Field,
    /// A field's type.
    Type,
    /// Whether a field must be answered.
    Required,
    /// A field's constraint: lengths, min/max, options, code list, items, files, dates.
    Constraint,
    /// A rule: its condition, severity or fields.
    Rule,
    /// The deadline rule.
    Deadline,
    /// A whole life event or what it holds.
    LifeEvent,
    /// A code of a code list.
    CodeList,
    /// The town: its names and departments.
    Town,
}

/// One difference.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Change {
    /// Added, removed or changed.
    pub kind: ChangeKind,
    /// What it is about.
    pub aspect: Aspect,
    /// The procedure it is in (none for catalogue-wide changes).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub procedure: Option<String>,
    /// Where, inside the procedure (or the catalogue).
    pub path: String,
    /// The value before (none when added).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub old: Option<Json>,
    /// The value after (none when removed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new: Option<Json>,
}

struct Out<'a> {
    procedure: Option<&'a str>,
    changes: Vec<Change>,
}

impl Out<'_> {
    fn push(&mut self, aspect: Aspect, path: String, old: Option<Json>, new: Option<Json>) {
        let kind = match (&old, &new) {
            (None, Some(_)) => ChangeKind::Added,
            (Some(_), None) => ChangeKind::Removed,
            _ => ChangeKind::Changed,
        };
        self.changes.push(Change { kind, aspect, procedure: self.procedure.map(str::to_string), path, old, new });
    }

    /// Leaf by leaf under objects (arrays and scalars are compared whole).
    fn values(&mut self, aspect: Aspect, path: &str, old: Option<&Json>, new: Option<&Json>) {
        match (old, new) {
            (Some(Json::Object(a)), Some(Json::Object(b))) => {
                for key in keys(a, b) {
                    self.values(aspect, &join(path, key), a.get(key), b.get(key));
                }
            }
            (a, b) if a != b => self.push(aspect, path.to_string(), a.cloned(), b.cloned()),
            _ => {}
        }
    }
}

fn keys<'m>(a: &'m Map<String, Json>, b: &'m Map<String, Json>) -> BTreeSet<&'m str> {
    a.keys().chain(b.keys()).map(String::as_str).collect()
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() { key.to_string() } else { format!("{path}.{key}") }
}

fn to_map<T: serde::Serialize>(value: &T) -> Map<String, Json> {
    match serde_json::to_value(value) {
        Ok(Json::Object(m)) => m,
        _ => Map::new(),
    }
}

/// Every change from `old` to `new`: procedures (in the new catalogue's order, then those
/// removed), then life events, code lists and the town.
pub fn catalogs(old: &CompiledCatalog, new: &CompiledCatalog) -> Vec<Change> {
    let mut changes = Vec::new();
    let mut catalogue = Out { procedure: None, changes: Vec::new() };
    for p in &new.procedures {
        match old.procedure(&p.id) {
            Some(o) => changes.extend(procedure_in(o, p, (&old.code_lists, &new.code_lists))),
            None => {
                let mut out = Out { procedure: Some(&p.id), changes: Vec::new() };
                out.push(Aspect::Procedure, String::new(), None, Some(Json::String(p.version.clone())));
                changes.extend(out.changes);
            }
        }
    }
    for o in &old.procedures {
        if new.procedure(&o.id).is_none() {
            let mut out = Out { procedure: Some(&o.id), changes: Vec::new() };
            out.push(Aspect::Procedure, String::new(), Some(Json::String(o.version.clone())), None);
            changes.extend(out.changes);
        }
    }
    let events = |c: &CompiledCatalog| -> BTreeMap<String, Json> {
        c.life_events.iter().map(|e| (e.id.clone(), serde_json::to_value(e).unwrap_or(Json::Null))).collect()
    };
    let (a, b) = (events(old), events(new));
    for id in a.keys().chain(b.keys()).collect::<BTreeSet<_>>() {
        let path = format!("life_events.{id}");
        match (a.get(id), b.get(id)) {
            (Some(x), Some(y)) => catalogue.values(Aspect::LifeEvent, &path, Some(x), Some(y)),
            (x, y) => catalogue.push(
                Aspect::LifeEvent,
                path,
                x.map(|_| Json::String(id.clone())),
                y.map(|_| Json::String(id.clone())),
            ),
        }
    }
    let lists = |c: &CompiledCatalog| -> BTreeMap<String, CodeList> {
        c.code_lists.iter().map(|l| (l.id.clone(), l.clone())).collect()
    };
    let (a, b) = (lists(old), lists(new));
    for id in a.keys().chain(b.keys()).collect::<BTreeSet<_>>() {
        let codes = |l: Option<&CodeList>| -> BTreeMap<String, Json> {
            l.map(|l| l.codes.iter().map(|c| (c.code.clone(), serde_json::to_value(c).unwrap_or(Json::Null))).collect())
                .unwrap_or_default()
        };
        let (ca, cb) = (codes(a.get(id)), codes(b.get(id)));
        for code in ca.keys().chain(cb.keys()).collect::<BTreeSet<_>>() {
            catalogue.values(Aspect::CodeList, &format!("code_lists.{id}.codes.{code}"), ca.get(code), cb.get(code));
        }
    }
    let mut town_a = to_map(&old.town);
    let mut town_b = to_map(&new.town);
    // Offerings show up as the procedures they change; departments are keyed by id.
    for t in [&mut town_a, &mut town_b] {
        t.remove("procedures");
        if let Some(Json::Array(ds)) = t.remove("departments") {
            let by_id: Map<String, Json> = ds
                .into_iter()
                .map(|d| (d.get("id").and_then(Json::as_str).unwrap_or_default().to_string(), d))
                .collect();
            t.insert("departments".into(), Json::Object(by_id));
        }
    }
    catalogue.values(Aspect::Town, "town", Some(&Json::Object(town_a)), Some(&Json::Object(town_b)));
    changes.extend(catalogue.changes);
    changes
}

/// Every change from one version of a procedure to another. (Without the catalogues' code
/// lists, a `code` field a town narrowed is compared with one that was not by the codes kept:
/// they are listed as options added. [`procedure_in`] takes the lists.)
pub fn procedure(old: &Procedure, new: &Procedure) -> Vec<Change> {
    procedure_in(old, new, (&[], &[]))
}

/// The code lists of the old and the new catalogue.
pub type Lists<'l> = (&'l [CodeList], &'l [CodeList]);

/// [`procedure`], with the code lists of each side's catalogue (`(&old.code_lists,
/// &new.code_lists)`): a `code` field a town narrowed on one side only is compared with the
/// whole list the other side offers (`fields.account_type.options.2` removed), as
/// [`catalogs`] and draft migration ([`crate::draft::restore_with_previous`]) do.
pub fn procedure_in(old: &Procedure, new: &Procedure, lists: Lists<'_>) -> Vec<Change> {
    let mut out = Out { procedure: Some(&new.id), changes: Vec::new() };
    let (mut a, mut b) = (to_map(old), to_map(new));
    for m in [&mut a, &mut b] {
        m.remove("id");
        m.remove("form");
    }
    // The version first: it says how much to expect.
    out.values(Aspect::Version, "version", a.remove("version").as_ref(), b.remove("version").as_ref());
    for key in keys(&a, &b) {
        let aspect = match key {
            "title" | "summary" => Aspect::Text,
            "deadline" => Aspect::Deadline,
            _ => Aspect::Detail,
        };
        out.values(aspect, key, a.get(key), b.get(key));
    }

    // Pages by id.
    let pages = |p: &Procedure| -> BTreeMap<String, Json> {
        p.form
            .pages
            .iter()
            .map(|page| {
                let mut m = to_map(page);
                m.remove("fields");
                m.remove("id");
                (page.id.clone(), Json::Object(m))
            })
            .collect()
    };
    let (pa, pb) = (pages(old), pages(new));
    for id in pa.keys().chain(pb.keys()).collect::<BTreeSet<_>>() {
        let path = format!("pages.{id}");
        match (pa.get(id), pb.get(id)) {
            (Some(x), Some(y)) => {
                let (Json::Object(x), Json::Object(y)) = (x, y) else { continue };
                for key in keys(x, y) {
                    let aspect = if key == "title" { Aspect::Text } else { Aspect::Page };
                    out.values(aspect, &join(&path, key), x.get(key), y.get(key));
                }
            }
            (x, y) => {
                out.push(Aspect::Page, path, x.map(|_| Json::String(id.clone())), y.map(|_| Json::String(id.clone())))
            }
        }
    }

    // Fields by their id path (groups' inner fields as `group/inner`), with their page: in the
    // new form's order, then those removed in the old form's.
    let (order_a, fa) = flatten(old);
    let (order_b, fb) = flatten(new);
    let order: Vec<&String> = order_b.iter().chain(order_a.iter().filter(|k| !fb.contains_key(*k))).collect();
    for id in order {
        let path = format!("fields.{id}");
        match (fa.get(id), fb.get(id)) {
            (Some((pa, a)), Some((pb, b))) => {
                if pa != pb {
                    out.push(
                        Aspect::Field,
                        join(&path, "page"),
                        Some(Json::String(pa.clone())),
                        Some(Json::String(pb.clone())),
                    );
                }
                field(&mut out, &path, a, b, lists);
            }
            (None, Some((_, b))) => {
                out.push(Aspect::Field, path, None, Some(Json::String(b.resolved_type().name().into())))
            }
            (Some((_, a)), None) => {
                out.push(Aspect::Field, path, Some(Json::String(a.resolved_type().name().into())), None)
            }
            (None, None) => {}
        }
    }
    rules(&mut out, "rules", &old.form.rules, &new.form.rules);
    out.changes
}

type Flat<'f> = BTreeMap<String, (String, &'f Field)>;

/// Fields by id path, each with its page's id, and the paths in the form's order (a group
/// before its inner fields).
fn flatten(p: &Procedure) -> (Vec<String>, Flat<'_>) {
    fn walk<'f>(prefix: &str, page: &str, fields: &'f [Field], order: &mut Vec<String>, out: &mut Flat<'f>) {
        for f in fields {
            let id = if prefix.is_empty() { f.id.clone() } else { format!("{prefix}/{}", f.id) };
            order.push(id.clone());
            walk(&id, page, &f.fields, order, out);
            out.insert(id, (page.to_string(), f));
        }
    }
    let (mut order, mut out) = (Vec::new(), BTreeMap::new());
    for page in &p.form.pages {
        walk("", &page.id, &page.fields, &mut order, &mut out);
    }
    (order, out)
}

fn field(out: &mut Out<'_>, path: &str, old: &Field, new: &Field, lists: Lists<'_>) {
    let (mut a, mut b) = (to_map(old), to_map(new));
    for m in [&mut a, &mut b] {
        m.remove("id");
        m.remove("fields");
        m.remove("rules");
        m.remove("options");
    }
    // `required` is left out when true: say so explicitly.
    for (m, f) in [(&mut a, old), (&mut b, new)] {
        m.insert("required".into(), serde_json::to_value(&f.required).unwrap_or(Json::Null));
    }
    for key in keys(&a, &b) {
        let aspect = match key {
            "type" => Aspect::Type,
            "required" => Aspect::Required,
            "label" | "hint" => Aspect::Text,
            "concept" | "show_if" | "prefill" | "autocomplete" | "change" => Aspect::Field,
            _ => Aspect::Constraint,
        };
        out.values(aspect, &join(path, key), a.get(key), b.get(key));
    }
    // A `code` field offers its whole list until a town keeps some of its codes (as options):
    // compared with one that keeps some, it offers every code of its list.
    let choices = |f: &Field, other: &Field, lists: &[CodeList]| -> Vec<ChoiceOption> {
        match (&f.code_list, f.options.is_empty() && !other.options.is_empty()) {
            (Some(id), true) => lists.iter().find(|l| &l.id == id).map(CodeList::as_options).unwrap_or_default(),
            _ => f.options.clone(),
        }
    };
    let (oa, ob) = (choices(old, new, lists.0), choices(new, old, lists.1));
    options(out, &join(path, "options"), &oa, &ob);
    rules(out, &join(path, "rules"), &old.rules, &new.rules);
}

/// Options by value (`options.shop`: added or removed, its label changed), then their order
/// when the options both have are listed in another order.
fn options(out: &mut Out<'_>, path: &str, old: &[ChoiceOption], new: &[ChoiceOption]) {
    let by_value = |os: &[ChoiceOption]| -> BTreeMap<String, Json> {
        os.iter().map(|o| (o.value.clone(), serde_json::to_value(o).unwrap_or(Json::Null))).collect()
    };
    let (a, b) = (by_value(old), by_value(new));
    keyed(out, path, &a, &b, Aspect::Constraint, &["label"], "label");
    let order = |os: &[ChoiceOption], other: &BTreeMap<String, Json>| -> Vec<Json> {
        os.iter().filter(|o| other.contains_key(&o.value)).map(|o| Json::String(o.value.clone())).collect()
    };
    let (oa, ob) = (order(old, &b), order(new, &a));
    if oa != ob {
        out.push(Aspect::Constraint, path.to_string(), Some(Json::Array(oa)), Some(Json::Array(ob)));
    }
}

/// Two lists of records by key (`path.<key>`): a record both have, field by field (`texts`
/// are its wording, the rest `aspect`); one added or removed, as its `shown` field.
fn keyed(
    out: &mut Out<'_>,
    path: &str,
    a: &BTreeMap<String, Json>,
    b: &BTreeMap<String, Json>,
    aspect: Aspect,
    texts: &[&str],
    shown: &str,
) {
    for key in a.keys().chain(b.keys()).collect::<BTreeSet<_>>() {
        let kpath = format!("{path}.{key}");
        match (a.get(key), b.get(key)) {
            (Some(Json::Object(x)), Some(Json::Object(y))) => {
                for field in keys(x, y) {
                    let aspect = if texts.contains(&field) { Aspect::Text } else { aspect };
                    out.values(aspect, &join(&kpath, field), x.get(field), y.get(field));
                }
            }
            (x, y) => {
                out.push(aspect, kpath, x.and_then(|r| r.get(shown)).cloned(), y.and_then(|r| r.get(shown)).cloned())
            }
        }
    }
}

fn rules(out: &mut Out<'_>, path: &str, old: &[Rule], new: &[Rule]) {
    let by_id = |rs: &[Rule]| -> BTreeMap<String, Json> {
        rs.iter()
            .map(|r| {
                let mut m = to_map(r);
                m.remove("id");
                (r.id.clone(), Json::Object(m))
            })
            .collect()
    };
    let (a, b) = (by_id(old), by_id(new));
    keyed(out, path, &a, &b, Aspect::Rule, &["message", "fix"], "check");
}

/// The changes as a person reads them: one block per procedure, `+` added, `-` removed,
/// `~` changed, values as JSON.
pub fn render(changes: &[Change]) -> String {
    if changes.is_empty() {
        return "no changes\n".to_string();
    }
    let mut out = String::new();
    let mut current: Option<Option<&str>> = None;
    for c in changes {
        let group = c.procedure.as_deref();
        if current != Some(group) {
            current = Some(group);
            match group {
                Some(p) => out.push_str(&format!("{p}\n")),
                None => out.push_str("catalogue\n"),
            }
        }
        let show = |v: &Option<Json>| v.as_ref().map(|v| v.to_string()).unwrap_or_default();
        let path = if c.path.is_empty() { "(procedure)" } else { c.path.as_str() };
        let aspect =
            serde_json::to_value(c.aspect).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default();
        match c.kind {
            ChangeKind::Added => out.push_str(&format!("  + {path} [{aspect}]: {}\n", show(&c.new))),
            ChangeKind::Removed => out.push_str(&format!("  - {path} [{aspect}]: {}\n", show(&c.old))),
            ChangeKind::Changed => {
                out.push_str(&format!("  ~ {path} [{aspect}]: {} → {}\n", show(&c.old), show(&c.new)))
            }
        }
    }
    let count = |k: ChangeKind| changes.iter().filter(|c| c.kind == k).count();
    out.push_str(&format!(
        "{} changes: {} added, {} removed, {} changed\n",
        changes.len(),
        count(ChangeKind::Added),
        count(ChangeKind::Removed),
        count(ChangeKind::Changed)
    ));
    out
}
