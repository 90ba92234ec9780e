//! Town overlays: overrides of shared fields within what the model allows, local fields,
//! local procedures, and the shared model's version a town pins.

use std::collections::HashSet;

use super::Checker;
use super::scope::Names;
use crate::diagnostic::{Diagnostic, Path, Target};
use crate::model::{ChangePolicy, Field, FieldOverride, Offering, Procedure, Region, Requirement, SharedModel, Town};

/// The field at an id path (`members/name`) of a procedure's form.
pub(crate) fn find_field<'p>(p: &'p Procedure, id: &str) -> Option<&'p Field> {
    let mut parts = id.split('/');
    let first = parts.next()?;
    let mut field = p.form.fields().find(|f| f.id == first)?;
    for part in parts {
        field = field.fields.iter().find(|f| f.id == part)?;
    }
    Some(field)
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
                    format!("`{}` is not a semantic version", m.version),
                )
                .with_fix("write MAJOR.MINOR.PATCH, e.g. `1.0.0`"),
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
                        format!("{} does not say which version of the shared model it uses", t.id),
                    )
                    .with_fix(format!("add `model_version: \"{}\"` (the version it was checked against)", m.version)),
                );
            }
            return;
        };
        let Some(pinned) = semver(pin) else {
            self.push(
                Diagnostic::error(
                    "bad-version",
                    Target::value(doc, path),
                    format!("`{pin}` is not a semantic version"),
                )
                .with_fix("write the shared model's version as MAJOR.MINOR.PATCH, e.g. `1.0.0`"),
            );
            return;
        };
        let Some(m) = self.index.models.first().copied() else { return };
        let Some(current) = semver(&m.version) else { return };
        let review = format!(
            "review what changed with `tetsuzuki diff` (old and new model compiled for {}), adjust the overrides it names, then write `model_version: \"{}\"`",
            t.id, m.version
        );
        if current.0 != pinned.0 || current < pinned {
            let why = if current < pinned {
                "older than the version the town pins".to_string()
            } else {
                "a new major version, which may remove or change what the town relies on".to_string()
            };
            self.push(
                Diagnostic::error(
                    "model-version",
                    Target::value(doc, path),
                    format!("{} pins the shared model `{}` {pin}, but the model is {}: {why}", t.id, m.id, m.version),
                )
                .with_fix(review),
            );
        } else if current != pinned {
            self.push(
                Diagnostic::warning(
                    "model-version",
                    Target::value(doc, path),
                    format!("{} pins the shared model `{}` {pin}; the model is now {}", t.id, m.id, m.version),
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
                        format!("the procedure `{}` is listed twice", o.procedure),
                    )
                    .with_fix("list it once"),
                );
            }
            let Some(p) = self.index.procedures.get(o.procedure.as_str()).copied() else {
                let known: Vec<&str> = self.index.procedures.keys().copied().collect();
                self.dangling("dangling-procedure", doc, path.key("procedure"), "procedure", &o.procedure, known);
                continue;
            };
            if let Some(per) = o.fee.as_ref().and_then(|f| f.per.as_ref()) {
                self.text(doc, path.key("fee").key("per"), per);
            }
            self.check_offering_overlay(doc, &path, None, o, p);
        }
    }

    /// A local procedure of another town; overrides and local fields of one offering (of a
    /// town, `town` its id, or of a region).
    pub(super) fn check_offering_overlay(
        &mut self,
        doc: usize,
        path: &Path,
        town: Option<&str>,
        o: &Offering,
        p: &Procedure,
    ) {
        if let (Some(owner), Some(town)) = (&p.town, town)
            && owner != town
        {
            self.push(
                Diagnostic::error(
                    "not-local",
                    Target::value(doc, path.key("procedure")),
                    format!("`{}` is a local procedure of {owner}; only {owner} may offer it", p.id),
                )
                .with_fix(format!(
                    "define a local procedure of your own (another id, `town: {town}`), or ask for `{}` in the shared model",
                    p.id
                )),
            );
        }
        let procedure_policy = p.change.unwrap_or(ChangePolicy::Restrict);
        for (i, ov) in o.fields.iter().enumerate() {
            let opath = path.key("fields").index(i);
            let Some(f) = find_field(p, &ov.field) else {
                let known = field_ids(p);
                self.dangling(
                    "dangling-field",
                    doc,
                    opath.key("field"),
                    &format!("field of `{}`", p.id),
                    &ov.field,
                    known.iter().map(String::as_str),
                );
                continue;
            };
            let frozen_by = if procedure_policy == ChangePolicy::Frozen {
                Some(format!("the procedure `{}`", p.id))
            } else if f.change == Some(ChangePolicy::Frozen) {
                Some(format!("the field `{}`", ov.field))
            } else {
                None
            };
            if let Some(what) = frozen_by {
                self.push(
                    Diagnostic::error(
                        "frozen",
                        Target::value(doc, opath.key("field")),
                        format!(
                            "{what} of `{}` is frozen in the shared model (bound by law): no town may change it",
                            p.id
                        ),
                    )
                    .with_fix(
                        "remove this override; if the town's rule really differs, ask the shared model's maintainers",
                    ),
                );
                continue;
            }
            self.check_override(doc, &opath, p, f, ov);
        }
        if !o.local_fields.is_empty() && procedure_policy != ChangePolicy::Extend {
            self.push(
                Diagnostic::error(
                    "not-extensible",
                    Target::key(doc, path.key("local_fields")),
                    format!(
                        "`{}` does not let towns add fields (the shared model marks it `change: {}`)",
                        p.id,
                        policy_word(procedure_policy)
                    ),
                )
                .with_fix(format!(
                    "remove `local_fields`; ask for `change: extend` on `{}` in the shared model, or define a local procedure (`town: {}`)",
                    p.id,
                    town.unwrap_or("<town id>")
                )),
            );
            return;
        }
        // Local fields: checked like the model's own, in the procedure's scope.
        let concepts = self.concept_types();
        let mut all: Vec<&Field> = p.form.fields().collect();
        all.extend(o.local_fields.iter().flat_map(|l| l.fields.iter()));
        let names = Names { local: vec![self.field_names(&all)], concepts: &concepts };
        let mut seen: HashSet<String> = p.form.fields().map(|f| f.id.clone()).collect();
        for (i, local) in o.local_fields.iter().enumerate() {
            let lpath = path.key("local_fields").index(i);
            if !p.form.pages.iter().any(|page| page.id == local.page) {
                let known: Vec<&str> = p.form.pages.iter().map(|page| page.id.as_str()).collect();
                self.dangling(
                    "dangling-page",
                    doc,
                    lpath.key("page"),
                    &format!("page of `{}`", p.id),
                    &local.page,
                    known,
                );
            }
            for (j, f) in local.fields.iter().enumerate() {
                self.check_field(doc, &lpath.key("fields").index(j), f, &names, &mut seen);
            }
        }
    }

    /// An override that says what the model (as its region changed it) already says: after an
    /// upgrade that adopted the town's value, it only hides the next change.
    fn redundant(&mut self, doc: usize, path: &Path, name: &str, what: &str) {
        self.push(
            Diagnostic::warning(
                "override-redundant",
                Target::value(doc, path.clone()),
                format!("`{name}` already has {what} in the shared model: this override changes nothing"),
            )
            .with_fix("remove it, so the town follows the model when it changes"),
        );
    }

    fn check_override(&mut self, doc: usize, opath: &Path, p: &Procedure, f: &Field, ov: &FieldOverride) {
        let policy = f.change.unwrap_or(ChangePolicy::Restrict);
        let ty = self.field_type(f).unwrap_or(crate::model::FieldType::Text);
        for (key, text) in [("label", &ov.label), ("hint", &ov.hint)] {
            if let Some(text) = text {
                self.text(doc, opath.key(key), text);
            }
        }
        // (key, shared, override, whether a larger value tightens)
        let bounds: [(&str, Option<f64>, Option<f64>, bool); 6] = [
            ("min_length", f.min_length.map(f64::from), ov.min_length.map(f64::from), true),
            ("max_length", f.max_length.map(f64::from), ov.max_length.map(f64::from), false),
            ("min", f.min, ov.min, true),
            ("max", f.max, ov.max, false),
            ("min_items", f.min_items.map(f64::from), ov.min_items.map(f64::from), true),
            ("max_items", f.max_items.map(f64::from), ov.max_items.map(f64::from), false),
        ];
        let name = format!("{}.{}", p.id, ov.field);
        for (key, shared, new, larger_tightens) in bounds {
            let Some(new) = new else { continue };
            if !super::field::applies(key, ty) {
                self.push(
                    Diagnostic::error(
                        "constraint-not-applicable",
                        Target::value(doc, opath.key(key)),
                        format!("`{key}` does not apply to `{name}`, a `{}` field", ty.name()),
                    )
                    .with_fix(format!("remove `{key}` from the override")),
                );
                continue;
            }
            let shown = |v: f64| if v.fract() == 0.0 { format!("{}", v as i64) } else { v.to_string() };
            let tightens = match shared {
                None => true,
                Some(s) if new == s => {
                    self.redundant(doc, &opath.key(key), &name, &format!("`{key}: {}`", shown(s)));
                    continue;
                }
                Some(s) => (new > s) == larger_tightens,
            };
            let limit = match shared {
                Some(s) => format!("its `{key}` is {}", shown(s)),
                None => format!("it sets no `{key}`"),
            };
            match (policy, tightens) {
                (ChangePolicy::Restrict, false) => self.push(
                    Diagnostic::error(
                        "override-loosens",
                        Target::value(doc, opath.key(key)),
                        format!(
                            "`{key}: {}` loosens `{name}`, which towns may only tighten (`change: restrict`; {limit})",
                            shown(new)
                        ),
                    )
                    .with_fix(match shared {
                        Some(s) if larger_tightens => format!("write at least {}, or remove `{key}`", shown(s)),
                        Some(s) => format!("write at most {}, or remove `{key}`", shown(s)),
                        None => format!("remove `{key}`"),
                    }),
                ),
                (ChangePolicy::Extend, true) => self.push(
                    Diagnostic::error(
                        "override-tightens",
                        Target::value(doc, opath.key(key)),
                        format!(
                            "`{key}: {}` tightens `{name}`, which towns may only widen (`change: extend`; {limit})",
                            shown(new)
                        ),
                    )
                    .with_fix(format!("remove `{key}`; a stricter rule for `{name}` belongs in the shared model")),
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
                        format!(
                            "with this override `{name}` has `{lo_key}` {lo} above `{hi_key}` {hi}: no answer fits"
                        ),
                    )
                    .with_fix(format!("keep `{lo_key}` at most `{hi_key}`")),
                );
            }
        }
        if let Some(required) = ov.required {
            let shared_fixed = match &f.required {
                Requirement::Fixed(b) => Some(*b),
                Requirement::When(_) => None,
            };
            if shared_fixed == Some(required) {
                self.redundant(doc, &opath.key("required"), &name, &format!("`required: {required}`"));
            } else {
                match (policy, required) {
                    (ChangePolicy::Restrict, false) => self.push(
                        Diagnostic::error(
                            "override-loosens",
                            Target::value(doc, opath.key("required")),
                            format!(
                                "`required: false` loosens `{name}`, which towns may only tighten (`change: restrict`; the shared model requires it)"
                            ),
                        )
                        .with_fix("remove `required: false`: residents must answer it everywhere"),
                    ),
                    (ChangePolicy::Extend, true) => self.push(
                        Diagnostic::error(
                            "override-tightens",
                            Target::value(doc, opath.key("required")),
                            format!(
                                "`required: true` tightens `{name}`, which towns may only widen (`change: extend`; it is optional in the shared model)"
                            ),
                        )
                        .with_fix("remove `required: true`"),
                    ),
                    _ => {}
                }
            }
        }
    }
}
