//! Procedures and life events.

use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use super::scope::Names;
use super::{Checker, is_kebab};
use crate::diagnostic::{Diagnostic, Path, Target, msg};
use crate::expr::{Expr, ExprKind, Type};
use crate::model::{AfterSubmit, Applicability, DeadlineRule, Field, FieldType, LifeEvent, Procedure, ProcedureType};

impl<'a> Checker<'a> {
    /// The steps the host fulfils (`steps`): each once, each with what it needs in the
    /// definition (an online channel; `sign` the card's signature, `pay` a fee, `book` a
    /// visit), and `fee.count` naming a whole-number field of the form.
    fn check_steps(&mut self, doc: usize, root: &Path, p: &Procedure) {
        use crate::model::{Channel, HostStep, Identity};
        let at = |i: usize| Target::value(doc, root.key("steps").index(i));
        let mut seen = HashSet::new();
        for (i, step) in p.steps.iter().enumerate() {
            let name = crate::journey::steps::kind_name(*step);
            if !seen.insert(*step) {
                self.push(
                    Diagnostic::error("step-duplicate", at(i), msg!("step-duplicate", step = name))
                        .with_fix(msg!("step-duplicate-fix")),
                );
                continue;
            }
            if !p.channels.contains(&Channel::Online) {
                self.push(
                    Diagnostic::error("step-needs-online", at(i), msg!("step-needs-online", step = name))
                        .with_fix(msg!("step-needs-online-fix")),
                );
            }
            let missing = match step {
                HostStep::Sign if p.identity != Identity::MyNumberCardSignature => Some((
                    "step-sign-needs-signature",
                    msg!("step-sign-needs-signature"),
                    msg!("step-sign-needs-signature-fix"),
                )),
                HostStep::Pay if p.fee.is_none() => {
                    Some(("step-pay-needs-fee", msg!("step-pay-needs-fee"), msg!("step-pay-needs-fee-fix")))
                }
                HostStep::Book if p.visit.is_none() => {
                    Some(("step-book-needs-visit", msg!("step-book-needs-visit"), msg!("step-book-needs-visit-fix")))
                }
                _ => None,
            };
            if let Some((code, message, fix)) = missing {
                self.push(Diagnostic::error(code, at(i), message).with_fix(fix));
            }
        }
        if let Some(field) = p.fee.as_ref().and_then(|f| f.count.as_deref()) {
            let whole: Vec<&str> =
                p.form.fields().filter(|f| f.resolved_type() == FieldType::Integer).map(|f| f.id.as_str()).collect();
            if !whole.contains(&field) {
                let target = Target::value(doc, root.key("fee").key("count"));
                let mut d = Diagnostic::error("fee-count-field", target, msg!("fee-count-field", field = field));
                d = match crate::suggest::did_you_mean(field, whole.iter().copied()) {
                    Some(near) => d.with_fix(msg!("fee-count-field-fix-near", near = near)),
                    None => d.with_fix(msg!("fee-count-field-fix")),
                };
                self.push(d);
            }
        }
    }

    pub(super) fn check_procedure(&mut self, doc: usize, p: &Procedure) {
        let root = Path::root();
        if !is_kebab(&p.id) {
            self.push(
                Diagnostic::error("bad-id", Target::value(doc, root.key("id")), msg!("bad-id-procedure", id = &p.id))
                    .with_fix(msg!("bad-id-procedure-fix")),
            );
        }
        if !is_semver(&p.version) {
            self.push(
                Diagnostic::error(
                    "bad-version",
                    Target::value(doc, root.key("version")),
                    msg!("bad-version", version = &p.version),
                )
                .with_fix(msg!("bad-version-fix")),
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
                    msg!("online-without-channel"),
                )
                .with_fix(msg!("online-without-channel-fix")),
            );
        }
        if let Some(fee) = &p.fee
            && let Some(per) = &fee.per
        {
            self.text(doc, root.key("fee").key("per"), per);
        }
        self.check_steps(doc, &root, p);
        if let Some(after) = &p.after_submit {
            self.check_after_submit(doc, &root.key("after_submit"), after, p);
        }

        // Names in scope: every field of the form (groups as lists), and the concepts.
        let concepts = Rc::clone(&self.concept_types);
        let top: Vec<&Field> = p.form.fields().collect();
        let top_names = self.field_names(&top);
        let names = Names::new(&top_names, &concepts);

        let mut seen_fields = HashSet::new();
        let mut seen_pages = HashSet::new();
        for (pi, page) in p.form.pages.iter().enumerate() {
            let ppath = root.key("form").key("pages").index(pi);
            if !seen_pages.insert(page.id.as_str()) {
                self.push(
                    Diagnostic::error(
                        "duplicate-id",
                        Target::value(doc, ppath.key("id")),
                        msg!("duplicate-id-page", id = &page.id),
                    )
                    .with_fix(msg!("duplicate-id-page-fix")),
                );
            }
            self.text(doc, ppath.key("title"), &page.title);
            if page.fields.is_empty() {
                self.push(
                    Diagnostic::error(
                        "empty-page",
                        Target::value(doc, ppath.key("fields")),
                        msg!("empty-page", id = &page.id),
                    )
                    .with_fix(msg!("empty-page-fix")),
                );
            }
            if let Some(src) = &page.show_if {
                self.expression(doc, &ppath.key("show_if"), src, &names, msg!("expr-what-page-show-if"));
            }
            for (fi, f) in page.fields.iter().enumerate() {
                self.check_field(doc, &ppath.key("fields").index(fi), f, &names, &mut seen_fields);
            }
        }
        let field_ids: Vec<&str> = top.iter().map(|f| f.id.as_str()).collect();
        let field_set: HashSet<&str> = field_ids.iter().copied().collect();
        let mut rule_ids = HashSet::new();
        for (ri, rule) in p.form.rules.iter().enumerate() {
            let rpath = root.key("form").key("rules").index(ri);
            if !rule_ids.insert(rule.id.as_str()) {
                self.push(
                    Diagnostic::error(
                        "duplicate-id",
                        Target::value(doc, rpath.key("id")),
                        msg!("duplicate-id-rule", id = &rule.id),
                    )
                    .with_fix(msg!("duplicate-id-rule-fix")),
                );
            }
            self.check_rule(doc, &rpath, rule, &names, Some((&field_ids, &field_set)));
            if rule.fields.is_empty() {
                self.push(
                    Diagnostic::error(
                        "missing-key",
                        Target::value(doc, rpath.clone()),
                        msg!("missing-key-rule-fields", id = &rule.id),
                    )
                    .with_fix(msg!("missing-key-rule-fields-fix")),
                );
            }
        }
        self.check_visibility_cycles(doc, p, &names);

        for (di, d) in p.documents.iter().enumerate() {
            let dpath = root.key("documents").index(di);
            self.text(doc, dpath.key("title"), &d.title);
            if let Some(when) = &d.when {
                self.expression(doc, &dpath.key("when"), when, &names, msg!("expr-what-document-when"));
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
                    msg!("authority-with-form"),
                )
                .with_fix(msg!("authority-with-form-fix")),
            ),
            ProcedureType::Notification | ProcedureType::Application if p.form.pages.is_empty() => self.push(
                Diagnostic::warning("empty-form", Target::value(doc, root.clone()), msg!("empty-form", id = &p.id))
                    .with_fix(msg!("empty-form-fix")),
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
                    msg!("bad-after-submit", days = days, max = AfterSubmit::MAX_WITHIN_DAYS),
                )
                .with_fix(msg!("bad-after-submit-fix")),
            );
        }
        if p.procedure_type == ProcedureType::Authority {
            self.push(
                Diagnostic::warning(
                    "after-submit-authority",
                    Target::key(doc, path.clone()),
                    msg!("after-submit-authority", id = &p.id),
                )
                .with_fix(msg!("after-submit-authority-fix")),
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
                let known = |cx: &Self| {
                    let mut known: Vec<&str> = fields.iter().map(|f| f.id.as_str()).collect();
                    known.extend(cx.concept_ids());
                    known
                };
                self.dangling(
                    "dangling-anchor",
                    doc,
                    path.key("anchor"),
                    msg!("noun-date-field-or-concept"),
                    &d.anchor,
                    known,
                );
            }
            Some(Some(FieldType::Date)) | Some(None) => {}
            Some(Some(other)) => self.push(
                Diagnostic::error(
                    "deadline-anchor-not-date",
                    Target::value(doc, path.key("anchor")),
                    msg!("deadline-anchor-not-date", anchor = &d.anchor, ty = other.name()),
                )
                .with_fix(msg!("deadline-anchor-not-date-fix")),
            ),
        }
        if let Some(v) = &d.variant {
            let vpath = path.key("variant");
            self.period(doc, &vpath, v.days, v.months);
            self.expression(doc, &vpath.key("when"), &v.when, names, msg!("expr-what-variant-when"));
        }
        if let Some(c) = &d.consequence {
            self.text(doc, path.key("consequence"), c);
        }
    }

    fn period(&mut self, doc: usize, path: &Path, days: Option<u32>, months: Option<u32>) {
        match (days, months) {
            (Some(_), Some(_)) => self.push(
                Diagnostic::error("bad-deadline", Target::key(doc, path.key("months")), msg!("bad-deadline-both"))
                    .with_fix(msg!("bad-deadline-both-fix")),
            ),
            (None, None) => self.push(
                Diagnostic::error("bad-deadline", Target::value(doc, path.clone()), msg!("bad-deadline-length"))
                    .with_fix(msg!("bad-deadline-length-fix")),
            ),
            (Some(0), _) | (_, Some(0)) => self.push(
                Diagnostic::error("bad-deadline", Target::value(doc, path.clone()), msg!("bad-deadline-zero"))
                    .with_fix(msg!("bad-deadline-zero-fix")),
            ),
            _ => {}
        }
    }

    /// A field shown only when another field is shown, which is shown only when the first
    /// is: nobody could ever see either. Found in one pass over the conditions (strongly
    /// connected components), however long the chains: one diagnostic per circle, at its first
    /// field, naming a shortest way round and the other fields caught in it.
    fn check_visibility_cycles(&mut self, doc: usize, p: &Procedure, scope: &Names<'_>) {
        let mut concept_of: HashMap<&str, &str> = HashMap::new();
        for page in &p.form.pages {
            for f in &page.fields {
                if let Some(c) = &f.concept {
                    concept_of.insert(c.as_str(), f.id.as_str());
                }
            }
        }
        // One node per field id (its last definition counts), in the order first written; then
        // one per page with a condition, which every field of the page depends on.
        let mut node_of: HashMap<&str, usize> = HashMap::new();
        let mut ids: Vec<&str> = Vec::new();
        for f in p.form.fields() {
            node_of.entry(f.id.as_str()).or_insert_with(|| {
                ids.push(f.id.as_str());
                ids.len() - 1
            });
        }
        let fields = ids.len();
        let mut edges: Vec<Vec<usize>> = vec![Vec::new(); fields];
        let mut paths: Vec<Path> = vec![Path::root(); fields];
        let depends_on = |src: &str| -> Vec<usize> {
            referenced(src, scope)
                .iter()
                .filter_map(|n| node_of.get(concept_of.get(n.as_str()).copied().unwrap_or(n.as_str())).copied())
                .collect()
        };
        for (pi, page) in p.form.pages.iter().enumerate() {
            let page_node = page.show_if.as_deref().map(|src| {
                edges.push(depends_on(src));
                edges.len() - 1
            });
            for (fi, f) in page.fields.iter().enumerate() {
                let node = node_of[f.id.as_str()];
                let mut next: Vec<usize> = page_node.into_iter().collect();
                if let Some(src) = &f.show_if {
                    next.extend(depends_on(src));
                }
                edges[node] = next;
                let key = if f.show_if.is_some() { "show_if" } else { "id" };
                paths[node] = Path::root().key("form").key("pages").index(pi).key("fields").index(fi).key(key);
            }
        }
        let component = strongly_connected(&edges);
        let mut members: HashMap<usize, Vec<usize>> = HashMap::new();
        for (node, &c) in component.iter().enumerate().take(fields) {
            members.entry(c).or_default().push(node);
        }
        let mut reported: HashSet<usize> = HashSet::new();
        let mut parent: Vec<Option<usize>> = vec![None; edges.len()];
        for start in 0..fields {
            let c = component[start];
            let goes_round = members[&c].len() > 1 || edges[start].iter().any(|&n| component[n] == c);
            if !goes_round || !reported.insert(c) {
                continue;
            }
            let way = shortest_way_round(start, &edges, &component, &mut parent);
            let round: Vec<usize> = way.into_iter().filter(|&n| n < fields).collect();
            // A long circle is shown by its first steps and its end.
            let mut steps: Vec<String> = round.iter().map(|&n| format!("`{}`", ids[n])).collect();
            if steps.len() > 13 {
                let end = steps.len() - 2;
                steps.splice(10..end, [format!("… ({} more)", end - 10)]);
            }
            let chain = steps.join(" → ");
            let on_the_way: HashSet<usize> = round.iter().copied().collect();
            let others: Vec<&str> = members[&c].iter().filter(|n| !on_the_way.contains(n)).map(|&n| ids[n]).collect();
            let shown: Vec<String> = others.iter().take(5).map(|id| format!("`{id}`")).collect();
            let message = match others.len() {
                0 => msg!("cyclic-condition", chain = chain),
                n if n > 5 => {
                    msg!("cyclic-condition-others-more", chain = chain, others = shown.join(", "), more = n - 5)
                }
                _ => msg!("cyclic-condition-others", chain = chain, others = shown.join(", ")),
            };
            self.push(
                Diagnostic::error("cyclic-condition", Target::value(doc, paths[start].clone()), message)
                    .with_fix(msg!("cyclic-condition-fix")),
            );
        }
    }

    pub(super) fn check_life_event(&mut self, doc: usize, e: &'a LifeEvent) {
        let root = Path::root();
        if !is_kebab(&e.id) {
            self.push(
                Diagnostic::error("bad-id", Target::value(doc, root.key("id")), msg!("bad-id-life-event", id = &e.id))
                    .with_fix(msg!("bad-id-life-event-fix")),
            );
        }
        self.text(doc, root.key("title"), &e.title);
        if let Some(s) = &e.summary {
            self.text(doc, root.key("summary"), s);
        }
        if let Some(date) = &e.date {
            match self.index.concepts.get(date.as_str()) {
                None => self.dangling(
                    "dangling-concept",
                    doc,
                    root.key("date"),
                    msg!("noun-concept"),
                    date,
                    Self::concept_ids,
                ),
                Some(c) if c.value_type != FieldType::Date => self.push(
                    Diagnostic::error(
                        "deadline-anchor-not-date",
                        Target::value(doc, root.key("date")),
                        msg!("deadline-anchor-not-date-event", date = date, ty = c.value_type.name()),
                    )
                    .with_fix(msg!("deadline-anchor-not-date-event-fix")),
                ),
                Some(_) => {}
            }
        }
        let concepts = Rc::clone(&self.concept_types);
        let questions: Vec<&Field> = e.questions.iter().collect();
        let question_names = self.field_names(&questions);
        let names = Names::new(&question_names, &concepts);
        let mut seen = HashSet::new();
        for (qi, q) in e.questions.iter().enumerate() {
            let qpath = root.key("questions").index(qi);
            self.check_field(doc, &qpath, q, &names, &mut seen);
            if q.concept.is_none() {
                self.push(
                    Diagnostic::warning(
                        "question-without-concept",
                        Target::value(doc, qpath.key("id")),
                        msg!("question-without-concept", id = &q.id),
                    )
                    .with_fix(msg!("question-without-concept-fix")),
                );
            }
        }
        let mut listed = HashSet::new();
        for (ai, a) in e.procedures.iter().enumerate() {
            let apath = root.key("procedures").index(ai);
            if !self.index.procedures.contains_key(a.procedure.as_str()) {
                let (what, id) = (msg!("noun-procedure"), &a.procedure);
                self.dangling("dangling-procedure", doc, apath.key("procedure"), what, id, Self::procedure_ids);
            }
            if !listed.insert(a.procedure.as_str()) {
                self.push(
                    Diagnostic::error(
                        "duplicate-id",
                        Target::value(doc, apath.key("procedure")),
                        msg!("duplicate-id-event-procedure", id = &a.procedure),
                    )
                    .with_fix(msg!("duplicate-id-event-procedure-fix")),
                );
            }
            if let Some(when) = &a.when {
                self.expression(doc, &apath.key("when"), when, &names, msg!("expr-what-event-when"));
            }
            self.text(doc, apath.key("reason"), &a.reason);
            self.check_presets(doc, &apath.key("presets"), a, &names);
        }
    }

    /// A life event's presets of one procedure: each names a top-level field of its form (by
    /// id, or by the concept it asks) and gives a value of the field's type (one of its
    /// options or codes, when written out) from the screening answers, never from `today()`.
    fn check_presets(&mut self, doc: usize, path: &Path, a: &'a Applicability, names: &Names<'_>) {
        let procedure = self.index.procedures.get(a.procedure.as_str()).copied();
        for (key, src) in &a.presets {
            let kpath = path.key(key);
            // An unknown procedure is reported as such; its presets are checked as expressions.
            let field = procedure.and_then(|p| {
                let found = self.preset_field(p, key);
                if found.is_none() {
                    let d = Diagnostic::error(
                        "dangling-field",
                        Target::key(doc, kpath.clone()),
                        msg!("dangling-field-preset", procedure = &p.id, key = key),
                    );
                    let suggestion = if self.admits(doc, "dangling-field") {
                        let mut known: Vec<&str> = p.form.fields().map(|f| f.id.as_str()).collect();
                        known.extend(p.form.fields().filter_map(|f| f.concept.as_deref()));
                        self.suggest(key, known)
                    } else {
                        None
                    };
                    self.push(match suggestion {
                        Some(best) => d.with_fix(msg!("did-you-mean", best = best)),
                        None => d.with_fix(msg!("dangling-field-preset-fix", procedure = &p.id)),
                    });
                }
                found
            });
            let ty = field.map(|f| self.field_type(f).unwrap_or(FieldType::Text));
            let expected = ty.map_or(Type::Dyn, FieldType::expr_type);
            let what = msg!("noun-preset-for", key = key);
            let Some(parsed) = self.value_expression(doc, &kpath, src, names, &expected, what) else { continue };
            for e in walk(&parsed) {
                if let ExprKind::Call { function, target: None, .. } = &e.kind
                    && function == "today"
                {
                    self.push(
                        Diagnostic::error(
                            "preset-uses-today",
                            Target::expr(doc, kpath.clone(), e.span.start, e.span.end.max(e.span.start + 1)),
                            msg!("preset-uses-today", key = key),
                        )
                        .with_fix(msg!("preset-uses-today-fix")),
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
            let allowed_set: HashSet<&str> = allowed.iter().copied().collect();
            for literal in written_values(&parsed) {
                let ExprKind::String(value) = &literal.kind else { continue };
                if allowed_set.contains(value.as_str()) {
                    continue;
                }
                let d = Diagnostic::error(
                    "unknown-option",
                    Target::expr(doc, kpath.clone(), literal.span.start, literal.span.end.max(literal.span.start + 1)),
                    msg!("unknown-option-preset", value = value, field = &f.id, procedure = &a.procedure),
                );
                let shown: Vec<String> = allowed.iter().take(8).map(|v| format!("`{v}`")).collect();
                let suggestion = if self.admits(doc, "unknown-option") {
                    self.suggest(value, allowed.iter().copied())
                } else {
                    None
                };
                self.push(match suggestion {
                    Some(best) => d.with_fix(msg!("did-you-mean", best = best)),
                    None => d.with_fix(msg!("unknown-option-preset-fix", values = shown.join(", "))),
                });
            }
        }
    }
}

impl<'a> Checker<'a> {
    /// The top-level field of `p` a life event's preset names by `key`: the first whose id, or
    /// whose concept, it is. The fields of each procedure are looked up by name once.
    fn preset_field(&mut self, p: &'a Procedure, key: &str) -> Option<&'a Field> {
        let by_name = self.preset_fields.entry(p.id.as_str()).or_insert_with(|| {
            let mut by_name: HashMap<&'a str, &'a Field> = HashMap::new();
            for f in p.form.fields() {
                by_name.entry(f.id.as_str()).or_insert(f);
                if let Some(c) = f.concept.as_deref() {
                    by_name.entry(c).or_insert(f);
                }
            }
            by_name
        });
        by_name.get(key).copied()
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

/// The strongly connected component of each node of a graph given by its edges (Tarjan's
/// algorithm, without recursion): nodes in the same component reach one another. Linear in the
/// nodes and edges.
fn strongly_connected(edges: &[Vec<usize>]) -> Vec<usize> {
    const UNSEEN: usize = usize::MAX;
    let n = edges.len();
    let mut order = vec![UNSEEN; n];
    let mut low = vec![0; n];
    let mut on_stack = vec![false; n];
    let mut component = vec![UNSEEN; n];
    let mut stack: Vec<usize> = Vec::new();
    let mut next_order = 0;
    let mut components = 0;
    for root in 0..n {
        if order[root] != UNSEEN {
            continue;
        }
        // (node, how many of its edges are followed)
        let mut walk: Vec<(usize, usize)> = vec![(root, 0)];
        order[root] = next_order;
        low[root] = next_order;
        next_order += 1;
        stack.push(root);
        on_stack[root] = true;
        while let Some(&mut (node, ref mut followed)) = walk.last_mut() {
            if let Some(&next) = edges[node].get(*followed) {
                *followed += 1;
                if order[next] == UNSEEN {
                    order[next] = next_order;
                    low[next] = next_order;
                    next_order += 1;
                    stack.push(next);
                    on_stack[next] = true;
                    walk.push((next, 0));
                } else if on_stack[next] {
                    low[node] = low[node].min(order[next]);
                }
                continue;
            }
            walk.pop();
            if let Some(&(up, _)) = walk.last() {
                low[up] = low[up].min(low[node]);
            }
            if low[node] == order[node] {
                while let Some(member) = stack.pop() {
                    on_stack[member] = false;
                    component[member] = components;
                    if member == node {
                        break;
                    }
                }
                components += 1;
            }
        }
    }
    component
}

/// A shortest way from `start` back to itself inside its component, as the nodes passed
/// (`start` first and last). `parent` is scratch space, one slot per node, left as found.
fn shortest_way_round(
    start: usize,
    edges: &[Vec<usize>],
    component: &[usize],
    parent: &mut [Option<usize>],
) -> Vec<usize> {
    let c = component[start];
    let mut queue = std::collections::VecDeque::from([start]);
    let mut touched = vec![start];
    let mut last = None;
    'search: while let Some(node) = queue.pop_front() {
        for &next in &edges[node] {
            if next == start {
                last = Some(node);
                break 'search;
            }
            if component[next] == c && parent[next].is_none() {
                parent[next] = Some(node);
                touched.push(next);
                queue.push_back(next);
            }
        }
    }
    let mut back = Vec::new();
    let mut at = last;
    while let Some(node) = at.filter(|&n| n != start) {
        back.push(node);
        at = parent[node];
    }
    let mut way = vec![start];
    way.extend(back.into_iter().rev());
    way.push(start);
    for node in touched {
        parent[node] = None;
    }
    way
}

fn is_semver(v: &str) -> bool {
    let core = v.split(['-', '+']).next().unwrap_or("");
    let parts: Vec<&str> = core.split('.').collect();
    parts.len() == 3
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()) && (p.len() == 1 || !p.starts_with('0')))
}
