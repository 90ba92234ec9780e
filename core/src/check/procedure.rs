//! Procedures and life events.

use std::collections::{BTreeMap, HashMap, HashSet};

use super::scope::Names;
use super::{Checker, is_kebab};
use crate::diagnostic::{Diagnostic, Path, Target};
use crate::expr::{Expr, ExprKind, Type};
use crate::model::{AfterSubmit, Applicability, DeadlineRule, Field, FieldType, LifeEvent, Procedure, ProcedureType};

impl Checker<'_> {
    /// Every concept id with the type of its answers.
    pub(super) fn concept_types(&self) -> BTreeMap<String, Type> {
        self.index.concepts.iter().map(|(id, c)| (id.to_string(), c.value_type.expr_type())).collect()
    }

    pub(super) fn check_procedure(&mut self, doc: usize, p: &Procedure) {
        let root = Path::root();
        if !is_kebab(&p.id) {
            self.push(
                Diagnostic::error(
                    "bad-id",
                    Target::value(doc, root.key("id")),
                    format!("`{}` is not a procedure id", p.id),
                )
                .with_fix("write lower-case words joined by `-` (`jido-teate-nintei`)"),
            );
        }
        if !is_semver(&p.version) {
            self.push(
                Diagnostic::error(
                    "bad-version",
                    Target::value(doc, root.key("version")),
                    format!("`{}` is not a semantic version", p.version),
                )
                .with_fix("write MAJOR.MINOR.PATCH, e.g. `1.0.0`"),
            );
        }
        self.text(doc, root.key("title"), &p.title);
        if let Some(s) = &p.summary {
            self.text(doc, root.key("summary"), s);
        }
        if p.online_completion && !p.channels.contains(&crate::model::Channel::Online) {
            self.push(
                Diagnostic::error(
                    "online-without-channel",
                    Target::value(doc, root.key("online_completion")),
                    "the procedure can be completed online, but `channels` does not list `online`",
                )
                .with_fix("add `online` to `channels`, or set `online_completion: false`"),
            );
        }
        if let Some(fee) = &p.fee
            && let Some(per) = &fee.per
        {
            self.text(doc, root.key("fee").key("per"), per);
        }
        if let Some(after) = &p.after_submit {
            self.check_after_submit(doc, &root.key("after_submit"), after, p);
        }

        // Names in scope: every field of the form (groups as lists), and the concepts.
        let concepts = self.concept_types();
        let top: Vec<&Field> = p.form.fields().collect();
        let names = Names { local: vec![self.field_names(&top)], concepts: &concepts };

        let mut seen_fields = HashSet::new();
        let mut seen_pages = HashSet::new();
        for (pi, page) in p.form.pages.iter().enumerate() {
            let ppath = root.key("form").key("pages").index(pi);
            if !seen_pages.insert(page.id.as_str()) {
                self.push(
                    Diagnostic::error(
                        "duplicate-id",
                        Target::value(doc, ppath.key("id")),
                        format!("the page id `{}` is used more than once", page.id),
                    )
                    .with_fix("give each page its own id"),
                );
            }
            self.text(doc, ppath.key("title"), &page.title);
            if page.fields.is_empty() {
                self.push(
                    Diagnostic::error(
                        "empty-page",
                        Target::value(doc, ppath.key("fields")),
                        format!("the page `{}` has no questions", page.id),
                    )
                    .with_fix("add its `fields:`, or remove the page"),
                );
            }
            if let Some(src) = &page.show_if {
                self.expression(doc, &ppath.key("show_if"), src, &names, "a page's `show_if` must be a condition");
            }
            for (fi, f) in page.fields.iter().enumerate() {
                self.check_field(doc, &ppath.key("fields").index(fi), f, &names, &mut seen_fields);
            }
        }
        let field_ids: Vec<&str> = top.iter().map(|f| f.id.as_str()).collect();
        let mut rule_ids = HashSet::new();
        for (ri, rule) in p.form.rules.iter().enumerate() {
            let rpath = root.key("form").key("rules").index(ri);
            if !rule_ids.insert(rule.id.as_str()) {
                self.push(
                    Diagnostic::error(
                        "duplicate-id",
                        Target::value(doc, rpath.key("id")),
                        format!("the rule id `{}` is used more than once", rule.id),
                    )
                    .with_fix("give each rule its own id"),
                );
            }
            self.check_rule(doc, &rpath, rule, &names, &field_ids);
            if rule.fields.is_empty() {
                self.push(
                    Diagnostic::error(
                        "missing-key",
                        Target::value(doc, rpath.clone()),
                        format!("the form rule `{}` does not say which fields it is about", rule.id),
                    )
                    .with_fix("add `fields: [...]` with the ids of the fields its message is shown at"),
                );
            }
        }
        self.check_visibility_cycles(doc, p, &names);

        for (di, d) in p.documents.iter().enumerate() {
            let dpath = root.key("documents").index(di);
            self.text(doc, dpath.key("title"), &d.title);
            if let Some(when) = &d.when {
                self.expression(doc, &dpath.key("when"), when, &names, "a document's `when` must be a condition");
            }
        }
        if let Some(deadline) = &p.deadline {
            self.check_deadline(doc, &root.key("deadline"), deadline, &top, &names);
        }
        match p.procedure_type {
            ProcedureType::Authority if !p.form.is_empty() => self.push(
                Diagnostic::warning(
                    "authority-with-form",
                    Target::key(doc, root.key("form")),
                    "an authority-initiated procedure asks residents nothing, but this one has a form",
                )
                .with_fix("remove `form:`, or change `type` to `notification` or `application`"),
            ),
            ProcedureType::Notification | ProcedureType::Application if p.form.pages.is_empty() => self.push(
                Diagnostic::warning(
                    "empty-form",
                    Target::value(doc, root.clone()),
                    format!("the procedure `{}` has no questions", p.id),
                )
                .with_fix("add `form: {pages: [...]}`; only authority-initiated procedures have none"),
            ),
            _ => {}
        }
    }

    /// What the town does after a submission (the procedure's own, or a town's at `path`): its
    /// text in ja and en, a processing time the calendar can count, and a procedure that is
    /// submitted at all.
    pub(super) fn check_after_submit(&mut self, doc: usize, path: &Path, after: &AfterSubmit, p: &Procedure) {
        self.text(doc, path.key("text"), &after.text);
        if let Some(days) = after.within_days
            && days > AfterSubmit::MAX_WITHIN_DAYS
        {
            self.push(
                Diagnostic::error(
                    "bad-after-submit",
                    Target::value(doc, path.key("within_days")),
                    format!(
                        "{days} working days is more than a year: `within_days` counts at most {} working days",
                        AfterSubmit::MAX_WITHIN_DAYS
                    ),
                )
                .with_fix("write the working days the town takes (0 for the same day), or leave `within_days` out and say how long it takes in `text`"),
            );
        }
        if p.procedure_type == ProcedureType::Authority {
            self.push(
                Diagnostic::warning(
                    "after-submit-authority",
                    Target::key(doc, path.clone()),
                    format!(
                        "`{}` is authority-initiated: residents submit nothing, so what happens after submitting is never shown",
                        p.id
                    ),
                )
                .with_fix("remove `after_submit`; say what the town does and when in the procedure's `summary`"),
            );
        }
    }

    fn check_deadline(&mut self, doc: usize, path: &Path, d: &DeadlineRule, fields: &[&Field], names: &Names<'_>) {
        self.period(doc, path, d.days, d.months);
        let anchor_type = fields
            .iter()
            .find(|f| f.id == d.anchor)
            .map(|f| self.field_type(f))
            .or_else(|| self.index.concepts.get(d.anchor.as_str()).map(|c| Some(c.value_type)));
        match anchor_type {
            None => {
                let mut known: Vec<&str> = fields.iter().map(|f| f.id.as_str()).collect();
                known.extend(self.index.concepts.keys().copied());
                self.dangling("dangling-anchor", doc, path.key("anchor"), "date field or concept", &d.anchor, known);
            }
            Some(Some(FieldType::Date)) | Some(None) => {}
            Some(Some(other)) => self.push(
                Diagnostic::error(
                    "deadline-anchor-not-date",
                    Target::value(doc, path.key("anchor")),
                    format!("the deadline counts from `{}`, which is a {} and not a date", d.anchor, other.name()),
                )
                .with_fix("anchor it on a date field or concept, e.g. `anchor: move.date`"),
            ),
        }
        if let Some(v) = &d.variant {
            let vpath = path.key("variant");
            self.period(doc, &vpath, v.days, v.months);
            self.expression(doc, &vpath.key("when"), &v.when, names, "a deadline variant's `when` must be a condition");
        }
        if let Some(c) = &d.consequence {
            self.text(doc, path.key("consequence"), c);
        }
    }

    fn period(&mut self, doc: usize, path: &Path, days: Option<u32>, months: Option<u32>) {
        match (days, months) {
            (Some(_), Some(_)) => self.push(
                Diagnostic::error(
                    "bad-deadline",
                    Target::key(doc, path.key("months")),
                    "a period has either `days` or `months`, not both",
                )
                .with_fix("keep the one the law states"),
            ),
            (None, None) => self.push(
                Diagnostic::error("bad-deadline", Target::value(doc, path.clone()), "a period needs its length")
                    .with_fix("add `days: 14` or `months: 3`, as the law states"),
            ),
            (Some(0), _) | (_, Some(0)) => self.push(
                Diagnostic::error(
                    "bad-deadline",
                    Target::value(doc, path.clone()),
                    "a period of zero days or months is already over",
                )
                .with_fix("write the length the law states"),
            ),
            _ => {}
        }
    }

    /// A field shown only when another field is shown, which is shown only when the first
    /// is: nobody could ever see either.
    fn check_visibility_cycles(&mut self, doc: usize, p: &Procedure, scope: &Names<'_>) {
        let mut deps: HashMap<&str, (Path, Vec<String>)> = HashMap::new();
        let mut concept_of: HashMap<&str, &str> = HashMap::new();
        for page in &p.form.pages {
            for f in &page.fields {
                if let Some(c) = &f.concept {
                    concept_of.insert(c.as_str(), f.id.as_str());
                }
            }
        }
        for (pi, page) in p.form.pages.iter().enumerate() {
            let page_deps = page.show_if.as_deref().map(|src| referenced(src, scope)).unwrap_or_default();
            for (fi, f) in page.fields.iter().enumerate() {
                let mut names = page_deps.clone();
                if let Some(src) = &f.show_if {
                    names.extend(referenced(src, scope));
                }
                let names: Vec<String> =
                    names.into_iter().map(|n| concept_of.get(n.as_str()).map_or(n, |id| id.to_string())).collect();
                let key = if f.show_if.is_some() { "show_if" } else { "id" };
                let path = Path::root().key("form").key("pages").index(pi).key("fields").index(fi).key(key);
                deps.insert(f.id.as_str(), (path, names));
            }
        }
        let mut reported: HashSet<&str> = HashSet::new();
        let ids: Vec<&str> = p.form.fields().map(|f| f.id.as_str()).collect();
        for start in ids {
            if reported.contains(start) {
                continue;
            }
            if let Some(cycle) = find_cycle(start, &deps) {
                let (path, _) = &deps[start];
                let chain = cycle.iter().map(|s| format!("`{s}`")).collect::<Vec<_>>().join(" → ");
                self.push(
                    Diagnostic::error(
                        "cyclic-condition",
                        Target::value(doc, path.clone()),
                        format!(
                            "visibility goes round in a circle: {chain}; none of these questions could ever be shown"
                        ),
                    )
                    .with_fix(
                        "base one of these `show_if` conditions on a question that does not depend on the others",
                    ),
                );
                for id in &cycle {
                    if let Some((k, _)) = deps.get_key_value(id.as_str()) {
                        reported.insert(k);
                    }
                }
            }
        }
    }

    pub(super) fn check_life_event(&mut self, doc: usize, e: &LifeEvent) {
        let root = Path::root();
        if !is_kebab(&e.id) {
            self.push(
                Diagnostic::error(
                    "bad-id",
                    Target::value(doc, root.key("id")),
                    format!("`{}` is not a life event id", e.id),
                )
                .with_fix("write lower-case words joined by `-` (`moving-in`)"),
            );
        }
        self.text(doc, root.key("title"), &e.title);
        if let Some(s) = &e.summary {
            self.text(doc, root.key("summary"), s);
        }
        if let Some(date) = &e.date {
            match self.index.concepts.get(date.as_str()) {
                None => {
                    let known: Vec<&str> = self.index.concepts.keys().copied().collect();
                    self.dangling("dangling-concept", doc, root.key("date"), "concept", date, known);
                }
                Some(c) if c.value_type != FieldType::Date => self.push(
                    Diagnostic::error(
                        "deadline-anchor-not-date",
                        Target::value(doc, root.key("date")),
                        format!("the event's date is `{date}`, which is a {} and not a date", c.value_type.name()),
                    )
                    .with_fix("name a date concept, e.g. `date: move.date`"),
                ),
                Some(_) => {}
            }
        }
        let concepts = self.concept_types();
        let questions: Vec<&Field> = e.questions.iter().collect();
        let names = Names { local: vec![self.field_names(&questions)], concepts: &concepts };
        let mut seen = HashSet::new();
        for (qi, q) in e.questions.iter().enumerate() {
            let qpath = root.key("questions").index(qi);
            self.check_field(doc, &qpath, q, &names, &mut seen);
            if q.concept.is_none() {
                self.push(
                    Diagnostic::warning(
                        "question-without-concept",
                        Target::value(doc, qpath.key("id")),
                        format!(
                            "the question `{}` is not bound to a concept, so its answer cannot be reused in the forms",
                            q.id
                        ),
                    )
                    .with_fix("add `concept:` so residents are not asked again (once-only)"),
                );
            }
        }
        let mut listed = HashSet::new();
        for (ai, a) in e.procedures.iter().enumerate() {
            let apath = root.key("procedures").index(ai);
            if !self.index.procedures.contains_key(a.procedure.as_str()) {
                let known: Vec<&str> = self.index.procedures.keys().copied().collect();
                self.dangling("dangling-procedure", doc, apath.key("procedure"), "procedure", &a.procedure, known);
            }
            if !listed.insert(a.procedure.as_str()) {
                self.push(
                    Diagnostic::error(
                        "duplicate-id",
                        Target::value(doc, apath.key("procedure")),
                        format!("the procedure `{}` is listed twice in this life event", a.procedure),
                    )
                    .with_fix("list it once, joining the conditions with `||`"),
                );
            }
            if let Some(when) = &a.when {
                self.expression(
                    doc,
                    &apath.key("when"),
                    when,
                    &names,
                    "`when` must be a condition over the screening answers",
                );
            }
            self.text(doc, apath.key("reason"), &a.reason);
            self.check_presets(doc, &apath.key("presets"), a, &names);
        }
    }

    /// A life event's presets of one procedure: each names a top-level field of its form (by
    /// id, or by the concept it asks) and gives a value of the field's type (one of its
    /// options or codes, when written out) from the screening answers, never from `today()`.
    fn check_presets(&mut self, doc: usize, path: &Path, a: &Applicability, names: &Names<'_>) {
        let procedure = self.index.procedures.get(a.procedure.as_str()).copied();
        for (key, src) in &a.presets {
            let kpath = path.key(key);
            // An unknown procedure is reported as such; its presets are checked as expressions.
            let field = procedure.and_then(|p| {
                let found = p.form.fields().find(|f| f.id == *key || f.concept.as_deref() == Some(key.as_str()));
                if found.is_none() {
                    let mut known: Vec<&str> = p.form.fields().map(|f| f.id.as_str()).collect();
                    known.extend(p.form.fields().filter_map(|f| f.concept.as_deref()));
                    let d = Diagnostic::error(
                        "dangling-field",
                        Target::key(doc, kpath.clone()),
                        format!("`{}` asks no field or concept `{key}`, so nothing can be preset for it", p.id),
                    );
                    self.push(match crate::suggest::did_you_mean(key, known) {
                        Some(best) => d.with_fix(format!("did you mean `{best}`?")),
                        None => d.with_fix(format!(
                            "name a field of `{}` by its id, or a concept one of its fields asks",
                            p.id
                        )),
                    });
                }
                found
            });
            let ty = field.map(|f| self.field_type(f).unwrap_or(FieldType::Text));
            let expected = ty.map_or(Type::Dyn, FieldType::expr_type);
            let what = format!("the preset for `{key}`");
            let Some(parsed) = self.value_expression(doc, &kpath, src, names, &expected, &what) else { continue };
            for e in walk(&parsed) {
                if let ExprKind::Call { function, target: None, .. } = &e.kind
                    && function == "today"
                {
                    self.push(
                        Diagnostic::error(
                            "preset-uses-today",
                            Target::expr(doc, kpath.clone(), e.span.start, e.span.end.max(e.span.start + 1)),
                            format!("{what} is worked out once, from the screening answers: `today()` has no one value there"),
                        )
                        .with_fix("count from the event's date instead (its question, e.g. `move_date`)"),
                    );
                }
            }
            let (Some(f), Some(ty)) = (field, ty) else { continue };
            let allowed: Vec<&str> = match ty {
                FieldType::Choice | FieldType::MultiChoice => f.options.iter().map(|o| o.value.as_str()).collect(),
                FieldType::Code => f
                    .code_list
                    .as_deref()
                    .or_else(|| f.concept.as_deref().and_then(|c| self.index.concepts.get(c)?.code_list.as_deref()))
                    .and_then(|l| self.index.code_lists.get(l))
                    .map(|l| l.codes.iter().map(|c| c.code.as_str()).collect())
                    .unwrap_or_default(),
                _ => continue,
            };
            if allowed.is_empty() {
                continue;
            }
            for literal in written_values(&parsed) {
                let ExprKind::String(value) = &literal.kind else { continue };
                if allowed.contains(&value.as_str()) {
                    continue;
                }
                let d = Diagnostic::error(
                    "unknown-option",
                    Target::expr(doc, kpath.clone(), literal.span.start, literal.span.end.max(literal.span.start + 1)),
                    format!("`{value}` is not one of the values of `{}` in `{}`", f.id, a.procedure),
                );
                let shown: Vec<String> = allowed.iter().take(8).map(|v| format!("`{v}`")).collect();
                self.push(match crate::suggest::did_you_mean(value, allowed.iter().copied()) {
                    Some(best) => d.with_fix(format!("did you mean `{best}`?")),
                    None => d.with_fix(format!("write one of its values: {}", shown.join(", "))),
                });
            }
        }
    }
}

/// Every node of an expression, outermost first.
fn walk(e: &Expr) -> Vec<&Expr> {
    let mut out = vec![e];
    let mut i = 0;
    while i < out.len() {
        let node: &Expr = out[i];
        out.extend(node.children());
        i += 1;
    }
    out
}

/// The literals an expression gives as its value: itself, the items of a list, both branches
/// of `? :` and both sides of `+` (lists joined), recursively.
fn written_values(e: &Expr) -> Vec<&Expr> {
    match &e.kind {
        ExprKind::List(items) => items.iter().flat_map(written_values).collect(),
        ExprKind::Conditional { then, otherwise, .. } => {
            let mut out = written_values(then);
            out.extend(written_values(otherwise));
            out
        }
        ExprKind::Binary { op: crate::expr::BinaryOp::Add, left, right } => {
            let mut out = written_values(left);
            out.extend(written_values(right));
            out
        }
        _ => vec![e],
    }
}

/// The names an expression refers to (empty when it does not parse; that is reported
/// elsewhere).
fn referenced(src: &str, scope: &Names<'_>) -> Vec<String> {
    crate::expr::parse(src)
        .map(|e| crate::expr::resolve(&e, scope).names().into_iter().map(|n| n.as_str().to_string()).collect())
        .unwrap_or_default()
}

fn find_cycle(start: &str, deps: &HashMap<&str, (Path, Vec<String>)>) -> Option<Vec<String>> {
    // Depth-first search from `start` for a path back to `start`.
    let mut stack: Vec<(String, Vec<String>)> = vec![(start.to_string(), vec![start.to_string()])];
    let mut visited = HashSet::new();
    while let Some((node, trail)) = stack.pop() {
        let Some((_, next)) = deps.get(node.as_str()) else { continue };
        for n in next {
            if n == start {
                let mut cycle = trail.clone();
                cycle.push(start.to_string());
                return Some(cycle);
            }
            if visited.insert(n.clone()) {
                let mut t = trail.clone();
                t.push(n.clone());
                stack.push((n.clone(), t));
            }
        }
    }
    None
}

fn is_semver(v: &str) -> bool {
    let core = v.split(['-', '+']).next().unwrap_or("");
    let parts: Vec<&str> = core.split('.').collect();
    parts.len() == 3
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()) && (p.len() == 1 || !p.starts_with('0')))
}
