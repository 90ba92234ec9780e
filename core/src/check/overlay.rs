//! Town overlays: overrides of shared fields within what the model allows, local fields,
//! local procedures, and the shared model's version a town pins.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::rc::Rc;

use super::Checker;
use super::scope::Names;
use crate::diagnostic::{Arg, Diagnostic, IntoArg, Message, Path, Target, msg};
use crate::expr::Type;
use crate::model::{
    ChangePolicy, ChoiceOption, CodeList, Constraint, Field, FieldOverride, FieldType, Offering, Procedure, Region,
    Requirement, SharedModel, Town,
};

/// The fields of a procedure's form by id path (`members/name`), looked up in one step each:
/// at each level the first field of an id, as the form is read (and as the compiler applies
/// overrides).
#[derive(Default)]
pub(crate) struct FieldIndex<'p> {
    procedure: Option<&'p Procedure>,
    /// Where each field is ([`crate::model::field_places`]), found once per procedure.
    places: Rc<HashMap<String, Vec<usize>>>,
}

impl<'p> FieldIndex<'p> {
    /// The field at an id path (`members/name`).
    pub(crate) fn find(&self, id: &str) -> Option<&'p Field> {
        crate::model::field_at_place(self.procedure?, self.places.get(id)?)
    }
}

/// What the checks of one offering look up, built once for it (when first needed) rather than
/// once per override.
struct Offered<'p> {
    /// The procedure's fields as the town finds them.
    fields: FieldIndex<'p>,
    /// The model's fields, when a region changed the procedure first.
    shared_fields: Option<FieldIndex<'p>>,
    /// The names of the items of each group, by the group's id path.
    group_names: HashMap<String, BTreeMap<String, Type>>,
    /// The procedure's conditions, with what each names and tests.
    conditions: Option<Vec<Condition<'p>>>,
}

/// A condition of a procedure: where it is written, its text, and what it names and tests.
struct Condition<'p> {
    place: Message,
    text: &'p str,
    /// Every name it uses, and every prefix of a dotted one (`account`, `account.type`).
    names: HashSet<String>,
    /// Its string literals.
    strings: HashSet<String>,
}

/// Every field id path of a procedure (for suggestions).
fn field_ids(p: &Procedure) -> Vec<String> {
    fn walk(prefix: &str, fields: &[Field], out: &mut Vec<String>) {
        for f in fields {
            let id = if prefix.is_empty() { f.id.clone() } else { format!("{prefix}/{}", f.id) };
            walk(&id, &f.fields, out);
            out.push(id);
        }
    }
    let mut out = Vec::new();
    for page in &p.form.pages {
        walk("", &page.fields, &mut out);
    }
    out
}

fn policy_word(p: ChangePolicy) -> &'static str {
    match p {
        ChangePolicy::Frozen => "frozen",
        ChangePolicy::Restrict => "restrict",
        ChangePolicy::Extend => "extend",
    }
}

/// A pair of bounds of a field after an override: the keys, the values, and whether the
/// override sets the lower one.
type Range<'k> = (&'k str, &'k str, Option<f64>, Option<f64>, bool);

/// A bound an override may set: its constraint and key, the model's value, the override's, and
/// whether a larger value tightens.
type Bound<'k> = (Constraint, &'k str, Option<f64>, Option<f64>, bool);

/// `(major, minor, patch)` of a semantic version.
pub(crate) fn semver(v: &str) -> Option<(u64, u64, u64)> {
    let mut parts = v.split('.').map(|p| {
        if p.is_empty() || (p.len() > 1 && p.starts_with('0')) || !p.bytes().all(|b| b.is_ascii_digit()) {
            None
        } else {
            p.parse::<u64>().ok()
        }
    });
    let v = (parts.next()??, parts.next()??, parts.next()??);
    if parts.next().is_some() { None } else { Some(v) }
}

impl Checker<'_> {
    pub(super) fn check_model(&mut self, doc: usize, m: &SharedModel) {
        let root = Path::root();
        self.text(doc, root.key("title"), &m.title);
        if semver(&m.version).is_none() {
            self.push(
                Diagnostic::error(
                    "bad-version",
                    Target::value(doc, root.key("version")),
                    msg!("bad-version", version = &m.version),
                )
                .with_fix(msg!("bad-version-fix")),
            );
        }
    }

    /// The town's pin against the shared model's version.
    pub(super) fn check_model_pin(&mut self, doc: usize, t: &Town) {
        let path = Path::root().key("model_version");
        let Some(pin) = &t.model_version else {
            if let Some(m) = self.index.models.first() {
                self.push(
                    Diagnostic::warning(
                        "model-version",
                        Target::value(doc, Path::root().key("id")),
                        msg!("model-version-missing", town = &t.id),
                    )
                    .with_fix(msg!("model-version-missing-fix", version = &m.version)),
                );
            }
            return;
        };
        let Some(pinned) = semver(pin) else {
            self.push(
                Diagnostic::error("bad-version", Target::value(doc, path), msg!("bad-version", version = pin))
                    .with_fix(msg!("bad-version-fix-pin")),
            );
            return;
        };
        let Some(m) = self.index.models.first().copied() else { return };
        let Some(current) = semver(&m.version) else { return };
        let review = msg!("model-version-fix", town = &t.id, version = &m.version);
        if current.0 != pinned.0 || current < pinned {
            let message = if current < pinned {
                msg!("model-version-older", town = &t.id, model = &m.id, pin = pin, version = &m.version)
            } else {
                msg!("model-version-major", town = &t.id, model = &m.id, pin = pin, version = &m.version)
            };
            self.push(Diagnostic::error("model-version", Target::value(doc, path), message).with_fix(review));
        } else if current != pinned {
            self.push(
                Diagnostic::warning(
                    "model-version",
                    Target::value(doc, path),
                    msg!("model-version-newer", town = &t.id, model = &m.id, pin = pin, version = &m.version),
                )
                .with_fix(review),
            );
        }
    }

    /// A regional layer: its offerings name shared procedures and change them within what the
    /// model allows (departments are checked in each of its towns).
    pub(super) fn check_region(&mut self, doc: usize, r: &Region) {
        let root = Path::root();
        self.text(doc, root.key("name"), &r.name);
        let mut listed = HashSet::new();
        for (i, o) in r.procedures.iter().enumerate() {
            let path = root.key("procedures").index(i);
            if !listed.insert(o.procedure.as_str()) {
                self.push(
                    Diagnostic::error(
                        "duplicate-id",
                        Target::value(doc, path.key("procedure")),
                        msg!("duplicate-id-region-procedure", id = &o.procedure),
                    )
                    .with_fix(msg!("duplicate-id-fix-list-once")),
                );
            }
            let Some(p) = self.index.procedures.get(o.procedure.as_str()).copied() else {
                let (what, id) = (msg!("noun-procedure"), &o.procedure);
                self.dangling("dangling-procedure", doc, path.key("procedure"), what, id, Self::procedure_ids);
                continue;
            };
            if let Some(per) = o.fee.as_ref().and_then(|f| f.per.as_ref()) {
                self.text(doc, path.key("fee").key("per"), per);
            }
            self.check_offering_overlay(doc, &path, None, o, p, None);
        }
    }

    /// A local procedure of another town; overrides and local fields of one offering (of a
    /// town, `town` its id, or of a region). `p` is the procedure as the town finds it: when a
    /// region changed it, `region` names the region and the procedure as the model has it.
    pub(super) fn check_offering_overlay(
        &mut self,
        doc: usize,
        path: &Path,
        town: Option<&str>,
        o: &Offering,
        p: &Procedure,
        region: Option<(&str, &Procedure)>,
    ) {
        if let (Some(owner), Some(town)) = (&p.town, town)
            && owner != town
        {
            self.push(
                Diagnostic::error(
                    "not-local",
                    Target::value(doc, path.key("procedure")),
                    msg!("not-local", id = &p.id, owner = owner),
                )
                .with_fix(msg!("not-local-fix", id = &p.id, town = town)),
            );
        }
        if let Some(after) = &o.after_submit {
            // The town's own processing time and result: always its to state, checked as the
            // model's own.
            let apath = path.key("after_submit");
            self.check_after_submit(doc, &apath, after, p);
            if p.after_submit.as_ref() == Some(after) {
                self.redundant(doc, &apath, &p.id, msg!("noun-this-after-submit"));
            }
        }
        let procedure_policy = p.change.unwrap_or(ChangePolicy::Restrict);
        // Names in scope: the form's fields and the town's local fields, over the concepts
        // (rules the town adds see what the model's own rules see). Gathered only when a rule
        // or a local field needs them.
        let concepts = Rc::clone(&self.concept_types);
        let needs_names = !o.local_fields.is_empty() || o.fields.iter().any(|ov| !ov.rules.is_empty());
        let all_names = if needs_names {
            let mut all: Vec<&Field> = p.form.fields().collect();
            all.extend(o.local_fields.iter().flat_map(|l| l.fields.iter()));
            self.field_names(&all)
        } else {
            BTreeMap::new()
        };
        let names = Names::new(&all_names, &concepts);
        let mut offered = Offered {
            fields: if o.fields.is_empty() { FieldIndex::default() } else { self.field_index(p) },
            shared_fields: region.filter(|_| !o.fields.is_empty()).map(|(_, shared)| self.field_index(shared)),
            group_names: HashMap::new(),
            conditions: None,
        };
        for (i, ov) in o.fields.iter().enumerate() {
            let opath = path.key("fields").index(i);
            let Some(f) = offered.fields.find(&ov.field) else {
                let what = msg!("noun-field-of", procedure = &p.id);
                self.dangling("dangling-field", doc, opath.key("field"), what, &ov.field, |_| field_ids(p));
                continue;
            };
            let frozen = if procedure_policy == ChangePolicy::Frozen {
                Some(msg!("frozen-procedure", procedure = &p.id))
            } else if f.change == Some(ChangePolicy::Frozen) {
                Some(msg!("frozen-field", field = &ov.field, procedure = &p.id))
            } else {
                None
            };
            if let Some(message) = frozen {
                self.push(
                    Diagnostic::error("frozen", Target::value(doc, opath.key("field")), message)
                        .with_fix(msg!("frozen-fix")),
                );
                continue;
            }
            let shared = offered.shared_fields.as_ref().and_then(|s| s.find(&ov.field));
            let region = region.map(|(id, _)| (id, shared));
            self.check_override(doc, &opath, p, f, ov, &names, region, &mut offered);
        }
        if !o.local_fields.is_empty() && procedure_policy != ChangePolicy::Extend {
            self.push(
                Diagnostic::error(
                    "not-extensible",
                    Target::key(doc, path.key("local_fields")),
                    msg!("not-extensible", id = &p.id, policy = policy_word(procedure_policy)),
                )
                .with_fix(match town {
                    Some(town) => msg!("not-extensible-fix", id = &p.id, town = town),
                    None => msg!("not-extensible-fix-region", id = &p.id),
                }),
            );
            return;
        }
        if o.local_fields.is_empty() {
            return;
        }
        // Local fields: checked like the model's own, in the procedure's scope.
        let mut seen: HashSet<String> = p.form.fields().map(|f| f.id.clone()).collect();
        let pages: HashSet<&str> = p.form.pages.iter().map(|page| page.id.as_str()).collect();
        for (i, local) in o.local_fields.iter().enumerate() {
            let lpath = path.key("local_fields").index(i);
            if !pages.contains(local.page.as_str()) {
                let known = |_: &Self| p.form.pages.iter().map(|page| page.id.as_str()).collect();
                self.dangling(
                    "dangling-page",
                    doc,
                    lpath.key("page"),
                    msg!("noun-page-of", procedure = &p.id),
                    &local.page,
                    known,
                );
            }
            for (j, f) in local.fields.iter().enumerate() {
                self.check_field(doc, &lpath.key("fields").index(j), f, &names, &mut seen);
            }
        }
    }

    /// The fields of `p` by id path, found once per procedure (a procedure of the model, or one
    /// as a region changed it, which the checker keeps: the address of either stays the same
    /// for the whole check).
    fn field_index<'p>(&mut self, p: &'p Procedure) -> FieldIndex<'p> {
        let key = p as *const Procedure as usize;
        let places = self.field_places.entry(key).or_insert_with(|| Rc::new(crate::model::field_places(p)));
        FieldIndex { procedure: Some(p), places: Rc::clone(places) }
    }

    /// A procedure as a region's offering `r` changes it, made once per offering of the region
    /// (not once per town of the region).
    pub(super) fn region_base(&mut self, r: &Offering, p: &Procedure) -> Rc<Procedure> {
        let key = r as *const Offering as usize;
        if let Some(base) = self.region_bases.get(&key) {
            return Rc::clone(base);
        }
        let mut base = p.clone();
        crate::model::apply_offering(&mut base, r, &|f| self.code_list_options(f));
        let base = Rc::new(base);
        self.region_bases.insert(key, Rc::clone(&base));
        base
    }

    /// An override that says what the model (as its region changed it) already says: after an
    /// upgrade that adopted the town's value, it only hides the next change.
    /// `what` is what the model already has: code as it is written (`` `min: 3` ``), or a
    /// message.
    fn redundant(&mut self, doc: usize, path: &Path, name: &str, what: impl IntoArg) {
        self.push(
            Diagnostic::warning(
                "override-redundant",
                Target::value(doc, path.clone()),
                msg!("override-redundant", name = name, what = what),
            )
            .with_fix(msg!("override-redundant-fix")),
        );
    }

    /// One field override. `names` is the procedure's scope; `region` names the region that
    /// changed the field before the town, with the field as the model has it.
    #[allow(clippy::too_many_arguments)]
    fn check_override<'p>(
        &mut self,
        doc: usize,
        opath: &Path,
        p: &'p Procedure,
        f: &Field,
        ov: &FieldOverride,
        names: &Names<'_>,
        region: Option<(&str, Option<&Field>)>,
        offered: &mut Offered<'p>,
    ) {
        let policy = f.change.unwrap_or(ChangePolicy::Restrict);
        let ty = self.field_type(f).unwrap_or(crate::model::FieldType::Text);
        for (key, text) in [("label", &ov.label), ("hint", &ov.hint)] {
            if let Some(text) = text {
                self.text(doc, opath.key(key), text);
            }
        }
        let bounds: [Bound<'_>; 6] = [
            (Constraint::Length, "min_length", f.min_length.map(f64::from), ov.min_length.map(f64::from), true),
            (Constraint::Length, "max_length", f.max_length.map(f64::from), ov.max_length.map(f64::from), false),
            (Constraint::Range, "min", f.min, ov.min, true),
            (Constraint::Range, "max", f.max, ov.max, false),
            (Constraint::Items, "min_items", f.min_items.map(f64::from), ov.min_items.map(f64::from), true),
            (Constraint::Items, "max_items", f.max_items.map(f64::from), ov.max_items.map(f64::from), false),
        ];
        let name = format!("{}.{}", p.id, ov.field);
        for (constraint, key, shared, new, larger_tightens) in bounds {
            debug_assert!(constraint.keys().contains(&key), "`{key}` is a key of {constraint:?}");
            let Some(new) = new else { continue };
            if !super::field::applies(constraint, ty) {
                self.push(
                    Diagnostic::error(
                        "constraint-not-applicable",
                        Target::value(doc, opath.key(key)),
                        msg!("constraint-not-applicable-override", key = key, name = &name, ty = ty.name()),
                    )
                    .with_fix(msg!("constraint-not-applicable-override-fix", key = key)),
                );
                continue;
            }
            let shown = |v: f64| if v.fract() == 0.0 { format!("{}", v as i64) } else { v.to_string() };
            let tightens = match shared {
                None => true,
                Some(s) if new == s => {
                    self.redundant(doc, &opath.key(key), &name, format!("`{key}: {}`", shown(s)));
                    continue;
                }
                Some(s) => (new > s) == larger_tightens,
            };
            let limit = match shared {
                Some(s) => msg!("override-limit", key = key, value = shown(s)),
                None => msg!("override-limit-none", key = key),
            };
            match (policy, tightens) {
                (ChangePolicy::Restrict, false) => self.push(
                    Diagnostic::error(
                        "override-loosens",
                        Target::value(doc, opath.key(key)),
                        msg!("override-loosens", key = key, value = shown(new), name = &name, limit = limit),
                    )
                    .with_fix(match shared {
                        Some(s) if larger_tightens => {
                            msg!("override-loosens-fix-at-least", value = shown(s), key = key)
                        }
                        Some(s) => msg!("override-loosens-fix-at-most", value = shown(s), key = key),
                        None => msg!("override-loosens-fix", key = key),
                    }),
                ),
                (ChangePolicy::Extend, true) => self.push(
                    Diagnostic::error(
                        "override-tightens",
                        Target::value(doc, opath.key(key)),
                        msg!("override-tightens", key = key, value = shown(new), name = &name, limit = limit),
                    )
                    .with_fix(msg!("override-tightens-fix", key = key, name = &name)),
                ),
                _ => {}
            }
        }
        // The field as overridden must still have a range; pointed at what the override sets.
        let pairs: [Range<'_>; 3] = [
            (
                "min_length",
                "max_length",
                ov.min_length.or(f.min_length).map(f64::from),
                ov.max_length.or(f.max_length).map(f64::from),
                ov.min_length.is_some(),
            ),
            ("min", "max", ov.min.or(f.min), ov.max.or(f.max), ov.min.is_some()),
            (
                "min_items",
                "max_items",
                ov.min_items.or(f.min_items).map(f64::from),
                ov.max_items.or(f.max_items).map(f64::from),
                ov.min_items.is_some(),
            ),
        ];
        for (lo_key, hi_key, lo, hi, sets_lo) in pairs {
            if let (Some(lo), Some(hi)) = (lo, hi)
                && lo > hi
            {
                self.push(
                    Diagnostic::error(
                        "bad-range",
                        Target::value(doc, opath.key(if sets_lo { lo_key } else { hi_key })),
                        msg!(
                            "bad-range-override",
                            name = &name,
                            low_key = lo_key,
                            low = lo,
                            high_key = hi_key,
                            high = hi
                        ),
                    )
                    .with_fix(msg!("bad-range-override-fix", low_key = lo_key, high_key = hi_key)),
                );
            }
        }
        if let Some(required) = ov.required {
            let shared_fixed = match &f.required {
                Requirement::Fixed(b) => Some(*b),
                Requirement::When(_) => None,
            };
            if shared_fixed == Some(required) {
                self.redundant(doc, &opath.key("required"), &name, format!("`required: {required}`"));
            } else {
                match (policy, required) {
                    (ChangePolicy::Restrict, false) => self.push(
                        Diagnostic::error(
                            "override-loosens",
                            Target::value(doc, opath.key("required")),
                            msg!("override-loosens-required", name = &name),
                        )
                        .with_fix(msg!("override-loosens-required-fix")),
                    ),
                    (ChangePolicy::Extend, true) => self.push(
                        Diagnostic::error(
                            "override-tightens",
                            Target::value(doc, opath.key("required")),
                            msg!("override-tightens-required", name = &name),
                        )
                        .with_fix(msg!("override-tightens-required-fix")),
                    ),
                    _ => {}
                }
            }
        }
        if let Some(kept) = &ov.options {
            let min_items = ov.min_items.or(f.min_items);
            let region = region.map(|(id, shared)| (id, shared.and_then(|s| self.choices(s))));
            self.check_kept_options(doc, &opath.key("options"), &name, f, ty, policy, kept, min_items, region);
            self.warn_removed_but_tested(doc, &opath.key("options"), &name, p, f, kept, offered);
        }
        if !ov.rules.is_empty() {
            let region = region.map(|(id, shared)| (id, shared.map_or(&[][..], |s| s.rules.as_slice())));
            self.check_added_rules(doc, &opath.key("rules"), &name, f, ov, policy, names, region, offered);
        }
    }

    /// What a field offers to choose from, by value with labels: its options, or the codes of
    /// its code list (a `code` field not narrowed yet). `None` for a field without choices, or
    /// a `code` field whose list is unknown (reported where the list is named).
    fn choices(&self, f: &Field) -> Option<Vec<ChoiceOption>> {
        if !f.options.is_empty() {
            Some(f.options.clone())
        } else if self.field_type(f) == Some(FieldType::Code) {
            self.code_list_of(f).map(crate::model::codes_as_options)
        } else {
            None
        }
    }

    /// The codes of a `code` field's list as options; none for other fields (how a region's
    /// narrowing of a code field is applied before its towns are checked).
    pub(super) fn code_list_options(&self, f: &Field) -> Vec<ChoiceOption> {
        self.code_list_of(f).map(crate::model::codes_as_options).unwrap_or_default()
    }

    /// The code list a field names, or its concept's.
    fn code_list_of(&self, f: &Field) -> Option<&CodeList> {
        let concept = || self.index.concepts.get(f.concept.as_deref()?)?.code_list.as_deref();
        let id = f.code_list.as_deref().or_else(concept)?;
        self.index.code_lists.get(id).copied()
    }

    /// `options` of an override: values the field offers (its options, or its list's codes),
    /// each once, at least one, where the field may be tightened. `region` names the region
    /// that narrowed the field first, with the choices of the model's field.
    #[allow(clippy::too_many_arguments)]
    fn check_kept_options(
        &mut self,
        doc: usize,
        path: &Path,
        name: &str,
        f: &Field,
        ty: FieldType,
        policy: ChangePolicy,
        kept: &[String],
        min_items: Option<u32>,
        region: Option<(&str, Option<Vec<ChoiceOption>>)>,
    ) {
        let Some(choices) = self.choices(f) else {
            if ty != FieldType::Code {
                self.push(
                    Diagnostic::error(
                        "constraint-not-applicable",
                        Target::key(doc, path.clone()),
                        msg!("constraint-not-applicable-options", name = name, ty = ty.name()),
                    )
                    .with_fix(msg!("constraint-not-applicable-override-fix", key = "options")),
                );
            }
            return;
        };
        let listed = listed_choices(&choices);
        if policy == ChangePolicy::Extend {
            self.push(
                Diagnostic::error(
                    "override-tightens",
                    Target::key(doc, path.clone()),
                    msg!("override-tightens-options", name = name, listed = listed),
                )
                .with_fix(msg!("override-tightens-options-fix", name = name)),
            );
            return;
        }
        if kept.is_empty() {
            self.push(
                Diagnostic::error(
                    "empty-options",
                    Target::value(doc, path.clone()),
                    msg!("empty-options", name = name),
                )
                .with_fix(msg!("empty-options-fix", listed = listed)),
            );
            return;
        }
        let list = if ty == FieldType::Code { self.code_list_of(f).map(|l| l.id.clone()) } else { None };
        let values: Vec<&str> = choices.iter().map(|c| c.value.as_str()).collect();
        let value_set: HashSet<&str> = values.iter().copied().collect();
        let mut seen = HashSet::new();
        let mut unknown = false;
        for (i, v) in kept.iter().enumerate() {
            let vpath = path.index(i);
            if value_set.contains(v.as_str()) {
                if !seen.insert(v.as_str()) {
                    self.push(
                        Diagnostic::error(
                            "duplicate-id",
                            Target::value(doc, vpath),
                            msg!("duplicate-id-kept", value = v, name = name),
                        )
                        .with_fix(msg!("duplicate-id-fix-list-once")),
                    );
                }
                continue;
            }
            unknown = true;
            if let Some((region, Some(shared))) = &region
                && shared.iter().any(|c| &c.value == v)
            {
                self.push(
                    Diagnostic::error(
                        "unknown-option",
                        Target::value(doc, vpath),
                        msg!("unknown-option-region", region = *region, value = v, name = name),
                    )
                    .with_fix(msg!(
                        "unknown-option-region-fix",
                        value = v,
                        listed = listed.clone()
                    )),
                );
                continue;
            }
            let message = match &list {
                Some(list) => msg!("unknown-option-override-code", value = v, list = list, name = name),
                None => msg!("unknown-option-override", value = v, name = name),
            };
            // What it may have meant, only for a diagnostic that is reported.
            let fix = if !self.admits(doc, "unknown-option") {
                msg!("unknown-option-override-fix", listed = listed.clone())
            } else {
                match choices.iter().find(|c| c.label.iter().any(|(_, t)| t.trim() == v.trim())) {
                    Some(c) => msg!("unknown-option-override-fix-label", value = as_yaml(&c.value)),
                    None => match suggest_value(v, &values, &mut self.suggestion_budget) {
                        Some(best) => msg!("did-you-mean", best = as_yaml(best)),
                        None => msg!("unknown-option-override-fix", listed = listed.clone()),
                    },
                }
            };
            self.push(Diagnostic::error("unknown-option", Target::value(doc, vpath), message).with_fix(fix));
        }
        if unknown {
            return;
        }
        if seen.len() == values.len() {
            self.redundant(doc, path, name, msg!("noun-exactly-these-choices"));
            return;
        }
        if let Some(min) = min_items
            && (seen.len() as u32) < min
        {
            let kept = seen.len();
            self.push(
                Diagnostic::error(
                    "bad-range",
                    Target::value(doc, path.clone()),
                    msg!("bad-range-options", name = name, kept = kept, min = min),
                )
                .with_fix(msg!("bad-range-options-fix", min = min)),
            );
        }
    }

    /// A warning for each choice the town removes that a condition of the procedure tests
    /// (`show_if: certificate_return == "post"`): in this town that condition never holds, so
    /// what it guards is never asked or checked. Meant or not, the author should know.
    #[allow(clippy::too_many_arguments)]
    fn warn_removed_but_tested<'p>(
        &mut self,
        doc: usize,
        path: &Path,
        name: &str,
        p: &'p Procedure,
        f: &Field,
        kept: &[String],
        offered: &mut Offered<'p>,
    ) {
        let Some(choices) = self.choices(f) else { return };
        let kept: HashSet<&str> = kept.iter().map(String::as_str).collect();
        let removed: Vec<&str> = choices.iter().map(|c| c.value.as_str()).filter(|v| !kept.contains(v)).collect();
        if removed.is_empty() {
            return;
        }
        let conditions = offered.conditions.get_or_insert_with(|| {
            let mut written = Vec::new();
            for page in &p.form.pages {
                if let Some(c) = &page.show_if {
                    written.push((msg!("noun-page-show-if", page = &page.id), c.as_str()));
                }
                collect_conditions(&page.fields, &mut written);
            }
            for r in &p.form.rules {
                written.push((msg!("noun-rule", rule = &r.id), r.check.as_str()));
                if let Some(w) = &r.when {
                    written.push((msg!("noun-rule-when", rule = &r.id), w.as_str()));
                }
            }
            written
                .into_iter()
                .map(|(place, text)| {
                    let (names, strings) = condition_terms(text).unwrap_or_default();
                    Condition { place, text, names, strings }
                })
                .collect()
        });
        // The first condition that names the field and tests each removed value.
        let names_field =
            |c: &Condition<'_>| c.names.contains(&f.id) || f.concept.as_ref().is_some_and(|k| c.names.contains(k));
        let removed_set: HashSet<&str> = removed.iter().copied().collect();
        let mut first: HashMap<&str, (&Message, &str)> = HashMap::new();
        for c in conditions.iter().filter(|c| names_field(c)) {
            for s in &c.strings {
                if let Some(v) = removed_set.get(s.as_str()) {
                    first.entry(v).or_insert((&c.place, c.text));
                }
            }
        }
        for value in removed {
            let Some(&(place, condition)) = first.get(value) else {
                continue;
            };
            let place = place.clone();
            self.push(
                Diagnostic::warning(
                    "removed-option-tested",
                    Target::value(doc, path.clone()),
                    msg!("removed-option-tested", name = name, value = value, place = place, condition = condition),
                )
                .with_fix(msg!("removed-option-tested-fix", value = as_yaml(value))),
            );
        }
    }

    /// `rules` of an override: where the field may be tightened, checked like the model's own
    /// rules in the procedure's scope, with ids of their own. `region` names the region that
    /// changed the field first, with the rules of the model's field.
    #[allow(clippy::too_many_arguments)]
    fn check_added_rules(
        &mut self,
        doc: usize,
        path: &Path,
        name: &str,
        f: &Field,
        ov: &FieldOverride,
        policy: ChangePolicy,
        names: &Names<'_>,
        region: Option<(&str, &[crate::model::Rule])>,
        offered: &mut Offered<'_>,
    ) {
        if policy == ChangePolicy::Extend {
            self.push(
                Diagnostic::error(
                    "override-tightens",
                    Target::key(doc, path.clone()),
                    msg!("override-tightens-rules", name = name),
                )
                .with_fix(msg!("override-tightens-fix", key = "rules", name = name)),
            );
            return;
        }
        // A group's inner field also sees the other fields of its item (the names of each
        // group's items gathered once per offering).
        let groups = ov.field.rsplit_once('/').map_or("", |(groups, _)| groups);
        let mut prefixes: Vec<&str> = Vec::new();
        for (end, _) in groups.match_indices('/').chain([(groups.len(), "")]) {
            let prefix = &groups[..end];
            let Some(group) = offered.fields.find(prefix) else { break };
            if !offered.group_names.contains_key(prefix) {
                let items: Vec<&Field> = group.fields.iter().collect();
                let items = self.field_names(&items);
                offered.group_names.insert(prefix.to_string(), items);
            }
            prefixes.push(prefix);
        }
        let mut local = names.local.clone();
        local.extend(prefixes.iter().filter_map(|prefix| offered.group_names.get(*prefix)));
        let scope = Names { local, concepts: names.concepts };
        let shared_ids: HashSet<&str> = f.rules.iter().map(|r| r.id.as_str()).collect();
        let mut ids = HashSet::new();
        for (i, rule) in ov.rules.iter().enumerate() {
            let rpath = path.index(i);
            if shared_ids.contains(rule.id.as_str()) {
                let message = match region {
                    Some((region, shared)) if !shared.iter().any(|r| r.id == rule.id) => {
                        msg!("duplicate-id-rule-region", name = name, id = &rule.id, region = region)
                    }
                    _ => msg!("duplicate-id-rule-shared", name = name, id = &rule.id),
                };
                self.push(
                    Diagnostic::error("duplicate-id", Target::value(doc, rpath.key("id")), message)
                        .with_fix(msg!("duplicate-id-rule-fix-town")),
                );
            } else if !ids.insert(rule.id.as_str()) {
                self.push(
                    Diagnostic::error(
                        "duplicate-id",
                        Target::value(doc, rpath.key("id")),
                        msg!("duplicate-id-rule-override", id = &rule.id, name = name),
                    )
                    .with_fix(msg!("duplicate-id-rule-fix")),
                );
            }
            self.check_rule(doc, &rpath, rule, &scope, None);
        }
    }
}

/// Choices as an author reads them: `` `1` (普通), `2` (当座) ``, at most eight (then how many
/// more, in words).
fn listed_choices(choices: &[ChoiceOption]) -> Arg {
    let shown: Vec<String> = choices
        .iter()
        .take(8)
        .map(|c| match c.label.ja.as_deref() {
            Some(ja) if !ja.trim().is_empty() => format!("`{}` ({ja})", as_yaml(&c.value)),
            _ => format!("`{}`", as_yaml(&c.value)),
        })
        .collect();
    let shown = shown.join(", ");
    if choices.len() > 8 {
        Arg::Message(msg!("noun-choices-more", shown = shown, more = choices.len() - 8))
    } else {
        Arg::Text(shown)
    }
}

/// A value as it must be written in a YAML list: in quotes when YAML would otherwise read it
/// as a number, true/false or null (`"1"`, `"06"`).
fn as_yaml(v: &str) -> String {
    let needs_quotes =
        matches!(v.to_ascii_lowercase().as_str(), "true" | "false" | "null" | "~" | "") || v.parse::<f64>().is_ok();
    if needs_quotes { format!("\"{v}\"") } else { v.to_string() }
}

/// The value meant by a mistyped one: for digits, the one value that differs only in leading
/// zeros (`6` for `06`); otherwise the closest word.
fn suggest_value<'v>(v: &str, values: &[&'v str], budget: &mut usize) -> Option<&'v str> {
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if digits(v) {
        let bare = v.trim_start_matches('0');
        let mut same = values.iter().filter(|c| digits(c) && c.trim_start_matches('0') == bare);
        return match (same.next(), same.next()) {
            (Some(c), None) => Some(c),
            _ => None,
        };
    }
    crate::suggest::did_you_mean_within(v, values.iter().copied(), budget)
}

/// The conditions of fields (and their groups' inner fields), each with where it is written.
fn collect_conditions<'p>(fields: &'p [Field], out: &mut Vec<(Message, &'p str)>) {
    for f in fields {
        if let Some(c) = &f.show_if {
            out.push((msg!("noun-field-show-if", field = &f.id), c));
        }
        if let Requirement::When(c) = &f.required {
            out.push((msg!("noun-field-required", field = &f.id), c));
        }
        for r in &f.rules {
            out.push((msg!("noun-field-rule", rule = &r.id, field = &f.id), &r.check));
            if let Some(w) = &r.when {
                out.push((msg!("noun-field-rule-when", rule = &r.id, field = &f.id), w));
            }
        }
        collect_conditions(&f.fields, out);
    }
}

/// Whether `condition` names the field (by its id, or by its concept `a.b`) and has `value`
/// as a string literal: the shape of a test of that choice (`x == "post"`, `"post" in x`).
#[cfg(test)]
fn tests_value(condition: &str, field: &str, concept: Option<&str>, value: &str) -> bool {
    condition_terms(condition).is_some_and(|(names, strings)| {
        strings.contains(value) && (names.contains(field) || concept.is_some_and(|c| names.contains(c)))
    })
}

/// The names a condition uses (every prefix of a dotted one: `account`, `account.type`) and
/// its string literals; `None` when it does not read as an expression.
fn condition_terms(condition: &str) -> Option<(HashSet<String>, HashSet<String>)> {
    use crate::expr::lexer::{TokenKind, tokenize};
    let tokens = tokenize(condition).ok()?;
    let mut names = HashSet::new();
    let mut strings = HashSet::new();
    let mut chain = String::new();
    for t in &tokens {
        match &t.kind {
            TokenKind::String(s) => {
                strings.insert(s.clone());
            }
            TokenKind::Ident(id) => {
                if !chain.is_empty() && !chain.ends_with('.') {
                    chain.clear();
                }
                chain.push_str(id);
                names.insert(chain.clone());
                continue;
            }
            TokenKind::Dot if !chain.is_empty() => {
                chain.push('.');
                continue;
            }
            _ => {}
        }
        chain.clear();
    }
    Some((names, strings))
}

#[cfg(test)]
mod tests {
    use super::tests_value;

    #[test]
    fn a_test_of_a_choice_names_the_field_and_the_value() {
        assert!(tests_value(r#"payment_method == "slip""#, "payment_method", None, "slip"));
        assert!(tests_value(r#""slip" in payment_method"#, "payment_method", None, "slip"));
        assert!(tests_value(r#"account.type != '2' && x"#, "account_type", Some("account.type"), "2"));
        assert!(!tests_value(r#"payment_method == "bank""#, "payment_method", None, "slip"), "another value");
        assert!(!tests_value(r#"other == "slip""#, "payment_method", None, "slip"), "another field");
        assert!(!tests_value(r#"account.type == "2""#, "type", None, "2"), "a concept's last part is not the field");
        assert!(!tests_value(r#"payment_method == "slip"#, "payment_method", None, "slip"), "not an expression");
    }
}
