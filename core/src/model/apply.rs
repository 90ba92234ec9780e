//! Applying a town's (or region's) offering to a procedure of the shared model: its
//! department, fee, what happens after submitting, field overrides and local fields, as the
//! checker allowed them. The compiler builds catalogues with it; the checker checks what it
//! would produce (so the checker need not import the compiler). Authoring only.

use std::collections::HashMap;

use super::{ChoiceOption, CodeList, Field, FieldOverride, Offering, Procedure, Requirement};

/// The codes of a code list as the options of a field (a `code` field a town narrowed carries
/// the codes it keeps this way).
pub(crate) fn codes_as_options(list: &CodeList) -> Vec<ChoiceOption> {
    list.codes.iter().map(|c| ChoiceOption { value: c.code.clone(), label: c.label.clone() }).collect()
}

/// A region's or town's offering, as the checker allowed it: department, fee, what happens
/// after submitting, field overrides and local fields. `codes` gives the codes of a `code`
/// field's list, as options (none for other fields), for overrides that narrow them.
pub(crate) fn apply_offering(p: &mut Procedure, offering: &Offering, codes: &dyn Fn(&Field) -> Vec<ChoiceOption>) {
    if let Some(d) = &offering.department {
        p.department = d.clone();
    }
    if offering.fee.is_some() {
        p.fee = offering.fee.clone();
    }
    if offering.after_submit.is_some() {
        p.after_submit = offering.after_submit.clone();
    }
    if !offering.fields.is_empty() {
        let places = field_places(p);
        for ov in &offering.fields {
            if let Some(f) = places.get(ov.field.as_str()).and_then(|place| field_at(p, place)) {
                apply_override(f, ov, codes);
            }
        }
    }
    if !offering.local_fields.is_empty() {
        let mut pages: HashMap<&str, usize> = HashMap::new();
        for (i, page) in p.form.pages.iter().enumerate() {
            pages.entry(page.id.as_str()).or_insert(i);
        }
        let pages: Vec<Option<usize>> =
            offering.local_fields.iter().map(|l| pages.get(l.page.as_str()).copied()).collect();
        for (local, page) in offering.local_fields.iter().zip(pages) {
            if let Some(page) = page {
                p.form.pages[page].fields.extend(local.fields.iter().cloned());
            }
        }
    }
}

/// Where each field of a form is, by id path (`members/name`): its page, its place on the page,
/// then its place in each group. At each level the first field of an id counts, as the form is
/// read; found in one pass, so that many overrides cost one step each.
pub(crate) fn field_places(p: &Procedure) -> HashMap<String, Vec<usize>> {
    fn walk(prefix: &str, place: &[usize], fields: &[Field], out: &mut HashMap<String, Vec<usize>>) {
        for (i, f) in fields.iter().enumerate() {
            if f.id.contains('/') {
                continue;
            }
            let path = if prefix.is_empty() { f.id.clone() } else { format!("{prefix}/{}", f.id) };
            if out.contains_key(&path) {
                continue;
            }
            let mut here = place.to_vec();
            here.push(i);
            walk(&path, &here, &f.fields, out);
            out.insert(path, here);
        }
    }
    let mut out = HashMap::new();
    for (i, page) in p.form.pages.iter().enumerate() {
        walk("", &[i], &page.fields, &mut out);
    }
    out
}

/// The field at a place [`field_places`] found, to read.
pub(crate) fn field_at_place<'p>(p: &'p Procedure, place: &[usize]) -> Option<&'p Field> {
    let (page, rest) = place.split_first()?;
    let (first, inner) = rest.split_first()?;
    let mut field = p.form.pages.get(*page)?.fields.get(*first)?;
    for i in inner {
        field = field.fields.get(*i)?;
    }
    Some(field)
}

/// The field at a place [`field_places`] found.
fn field_at<'p>(p: &'p mut Procedure, place: &[usize]) -> Option<&'p mut Field> {
    let (page, rest) = place.split_first()?;
    let (first, inner) = rest.split_first()?;
    let mut field = p.form.pages.get_mut(*page)?.fields.get_mut(*first)?;
    for i in inner {
        field = field.fields.get_mut(*i)?;
    }
    Some(field)
}

/// A town's override, as the checker allowed it.
fn apply_override(f: &mut Field, ov: &FieldOverride, codes: &dyn Fn(&Field) -> Vec<ChoiceOption>) {
    if ov.label.is_some() {
        f.label = ov.label.clone();
    }
    if ov.hint.is_some() {
        f.hint = ov.hint.clone();
    }
    if let Some(r) = ov.required {
        f.required = Requirement::Fixed(r);
    }
    f.min_length = ov.min_length.or(f.min_length);
    f.max_length = ov.max_length.or(f.max_length);
    f.min = ov.min.or(f.min);
    f.max = ov.max.or(f.max);
    f.min_items = ov.min_items.or(f.min_items);
    f.max_items = ov.max_items.or(f.max_items);
    if let Some(kept) = &ov.options {
        // A `code` field not narrowed before offers its whole list: it carries the codes it
        // keeps as options. Either way, the shared order stays.
        let mut choices = if f.options.is_empty() { codes(f) } else { std::mem::take(&mut f.options) };
        choices.retain(|o| kept.contains(&o.value));
        f.options = choices;
    }
    f.rules.extend(ov.rules.iter().cloned());
}
