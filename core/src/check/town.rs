//! Towns: their code, departments, offerings and life events.

use std::collections::{HashMap, HashSet};

use super::Checker;
use crate::diagnostic::{Diagnostic, Path, Target, msg};
use crate::ids::{is_valid_local_government_code, local_government_check_digit};
use crate::model::{Procedure, Town};

impl Checker<'_> {
    pub(super) fn check_town(&mut self, doc: usize, t: &Town) {
        let root = Path::root();
        self.text(doc, root.key("name"), &t.name);
        self.text(doc, root.key("prefecture"), &t.prefecture);
        if t.code.len() != 6 || !t.code.bytes().all(|b| b.is_ascii_digit()) {
            self.push(
                Diagnostic::error(
                    "bad-local-government-code",
                    Target::value(doc, root.key("code")),
                    msg!("bad-local-government-code", code = &t.code),
                )
                .with_fix(msg!("bad-local-government-code-fix")),
            );
        } else if !is_valid_local_government_code(&t.code) {
            let right = local_government_check_digit(&t.code[..5]).unwrap_or(0);
            self.push(
                Diagnostic::error(
                    "bad-local-government-code",
                    Target::value(doc, root.key("code")),
                    msg!("bad-local-government-code-digit", code = &t.code, first = &t.code[..5], right = right),
                )
                .with_fix(msg!(
                    "bad-local-government-code-digit-fix",
                    first = &t.code[..5],
                    right = right
                )),
            );
        }
        let mut departments = HashSet::new();
        for (i, d) in t.departments.iter().enumerate() {
            let path = root.key("departments").index(i);
            if !departments.insert(d.id.as_str()) {
                self.push(
                    Diagnostic::error(
                        "duplicate-id",
                        Target::value(doc, path.key("id")),
                        msg!("duplicate-id-department", id = &d.id),
                    )
                    .with_fix(msg!("duplicate-id-department-fix")),
                );
            }
            self.text(doc, path.key("name"), &d.name);
            for (key, text) in [("location", &d.location), ("hours", &d.hours)] {
                if let Some(text) = text {
                    self.text(doc, path.key(key), text);
                }
            }
        }
        self.check_model_pin(doc, t);
        let region = match &t.region {
            None => None,
            Some(r) => match self.index.regions.get(r.as_str()).copied() {
                Some(region) => Some(region),
                None => {
                    let known = |cx: &Self| cx.index.regions.keys().copied().collect();
                    self.dangling("dangling-region", doc, root.key("region"), msg!("noun-region"), r, known);
                    None
                }
            },
        };
        // The region's offering of each procedure (its first).
        let mut by_region = HashMap::new();
        for o in region.map_or(&[][..], |r| r.procedures.as_slice()) {
            by_region.entry(o.procedure.as_str()).or_insert(o);
        }
        let region_offering = |id: &str| by_region.get(id).copied();
        let mut listed = HashSet::new();
        let mut offered = HashSet::new();
        for (i, o) in t.procedures.iter().enumerate() {
            let path = root.key("procedures").index(i);
            if o.offered {
                offered.insert(o.procedure.as_str());
            }
            if !listed.insert(o.procedure.as_str()) {
                self.push(
                    Diagnostic::error(
                        "duplicate-id",
                        Target::value(doc, path.key("procedure")),
                        msg!("duplicate-id-offered", id = &o.procedure),
                    )
                    .with_fix(msg!("duplicate-id-offered-fix")),
                );
            }
            let Some(p) = self.index.procedures.get(o.procedure.as_str()).copied() else {
                let (what, id) = (msg!("noun-procedure"), &o.procedure);
                self.dangling("dangling-procedure", doc, path.key("procedure"), what, id, Self::procedure_ids);
                continue;
            };
            // The town's overrides are checked against the model as its region changed it.
            let base = region_offering(&p.id).map(|r| self.region_base(r, p));
            let shared = p;
            let p = base.as_deref().unwrap_or(p);
            let (department, dpath) = match &o.department {
                Some(d) => (d.as_str(), path.key("department")),
                None => (p.department.as_str(), path.key("procedure")),
            };
            if !departments.contains(department) {
                // The departments are listed only in a diagnostic that is reported.
                let known: Vec<&str> = if self.admits(doc, "dangling-department") {
                    t.departments.iter().map(|d| d.id.as_str()).collect()
                } else {
                    Vec::new()
                };
                let mut d = Diagnostic::error(
                    "dangling-department",
                    Target::value(doc, dpath),
                    msg!("dangling-department", procedure = &o.procedure, department = department, town = &t.id),
                );
                d = match self.suggest(department, known.iter().copied()) {
                    Some(best) => d.with_fix(msg!("dangling-department-fix-suggest", best = best)),
                    None => d.with_fix(msg!(
                        "dangling-department-fix",
                        known = known.iter().map(|k| format!("`{k}`")).collect::<Vec<_>>().join(", ")
                    )),
                };
                self.push(d);
            }
            if let Some(per) = o.fee.as_ref().and_then(|f| f.per.as_ref()) {
                self.text(doc, path.key("fee").key("per"), per);
            }
            let region = region.filter(|_| base.is_some()).map(|r| (r.id.as_str(), shared));
            self.check_offering_overlay(doc, &path, Some(&t.id), o, p, region);
        }
        if t.offer_all {
            // Every shared procedure not listed: offered as the model has it.
            let mut implicit: Vec<&Procedure> = self
                .index
                .procedures
                .values()
                .copied()
                .filter(|p| !listed.contains(p.id.as_str()) && p.town.as_ref().is_none_or(|o| o == &t.id))
                .filter(|p| region_offering(&p.id).is_none_or(|o| o.offered))
                .collect();
            implicit.sort_by(|a, b| a.id.cmp(&b.id));
            for p in implicit {
                offered.insert(p.id.as_str());
                let department = region_offering(&p.id).and_then(|o| o.department.as_deref()).unwrap_or(&p.department);
                if !departments.contains(department) {
                    self.push(
                        Diagnostic::error(
                            "dangling-department",
                            Target::value(doc, root.key("offer_all")),
                            msg!("dangling-department", procedure = &p.id, department = department, town = &t.id),
                        )
                        .with_fix(msg!(
                            "dangling-department-fix-offer-all",
                            department = department,
                            procedure = &p.id
                        )),
                    );
                }
            }
        }
        for (i, id) in t.life_events.iter().enumerate() {
            let path = root.key("life_events").index(i);
            let Some(event) = self.index.life_events.get(id.as_str()).copied() else {
                let known = |cx: &Self| cx.index.life_events.keys().copied().collect();
                self.dangling("dangling-life-event", doc, path, msg!("noun-life-event"), id, known);
                continue;
            };
            for a in &event.procedures {
                if self.index.procedures.contains_key(a.procedure.as_str()) && !offered.contains(a.procedure.as_str()) {
                    self.push(
                        Diagnostic::error(
                            "not-offered",
                            Target::value(doc, path.clone()),
                            msg!("not-offered", event = id, procedure = &a.procedure, town = &t.id),
                        )
                        .with_fix(msg!(
                            "not-offered-fix",
                            procedure = &a.procedure,
                            event = id
                        )),
                    );
                }
            }
        }
    }
}
