//! Fields and expressions.

use std::collections::{BTreeMap, HashSet};

use super::scope::Names;
use super::{Checker, is_snake};
use crate::diagnostic::{Diagnostic, Message, Path, Target, msg};
use crate::expr::{self, Expr, ExprKind, Type};
use crate::model::{Constraint, Field, FieldType, Requirement, Rule};

/// HTML autocomplete tokens a form of ours can use (WCAG 1.3.5, "Input purposes").
pub(super) const AUTOCOMPLETE: &[&str] = &[
    "name",
    "honorific-prefix",
    "given-name",
    "additional-name",
    "family-name",
    "honorific-suffix",
    "nickname",
    "username",
    "new-password",
    "current-password",
    "one-time-code",
    "organization-title",
    "organization",
    "street-address",
    "address-line1",
    "address-line2",
    "address-line3",
    "address-level4",
    "address-level3",
    "address-level2",
    "address-level1",
    "country",
    "country-name",
    "postal-code",
    "cc-name",
    "cc-given-name",
    "cc-additional-name",
    "cc-family-name",
    "cc-number",
    "cc-exp",
    "cc-exp-month",
    "cc-exp-year",
    "cc-csc",
    "cc-type",
    "transaction-currency",
    "transaction-amount",
    "language",
    "bday",
    "bday-day",
    "bday-month",
    "bday-year",
    "sex",
    "url",
    "photo",
    "tel",
    "tel-country-code",
    "tel-national",
    "tel-area-code",
    "tel-local",
    "tel-local-prefix",
    "tel-local-suffix",
    "tel-extension",
    "email",
    "impp",
    "off",
];

/// Whether a field of type `ty` may have the constraint `c`: the type's descriptor says
/// (`FieldType::info`, model/field.rs), whose exhaustive match states the constraints of every
/// type, so a type without them does not compile.
pub(super) fn applies(c: Constraint, ty: FieldType) -> bool {
    ty.info().constraints.contains(&c)
}

/// Each constraint key a field sets, with its constraint, in the order of [`Constraint::ALL`]
/// and of each constraint's keys. The match is exhaustive: a new constraint does not compile
/// until it says how a field sets each of its keys.
fn set_constraints(f: &Field) -> Vec<(Constraint, &'static str)> {
    let mut out = Vec::new();
    for c in Constraint::ALL {
        let set: &[bool] = match c {
            Constraint::Length => &[f.min_length.is_some(), f.max_length.is_some()],
            Constraint::Range => &[f.min.is_some(), f.max.is_some()],
            Constraint::DateBounds => &[f.not_future, f.not_past],
            Constraint::Repertoire => &[f.repertoire.is_some()],
            Constraint::Options => &[!f.options.is_empty()],
            Constraint::CodeList => &[f.code_list.is_some()],
            Constraint::Fields => &[!f.fields.is_empty()],
            Constraint::Items => &[f.min_items.is_some(), f.max_items.is_some()],
            Constraint::FileLimits => &[f.max_size_kb.is_some(), !f.accept.is_empty()],
        };
        debug_assert_eq!(set.len(), c.keys().len(), "{c:?}: one flag per key");
        out.extend(c.keys().iter().zip(set).filter(|(_, set)| **set).map(|(key, _)| (c, *key)));
    }
    out
}

impl Checker<'_> {
    /// Parses and type-checks an expression, reporting every problem at its place. Returns
    /// the parsed expression when it parsed.
    /// `what` says what the expression must be where it stands (`expr-what-…`).
    pub(super) fn expression(
        &mut self,
        doc: usize,
        path: &Path,
        src: &str,
        scope: &Names<'_>,
        what: Message,
    ) -> Option<Expr> {
        self.checked_expression(doc, path, src, scope, &Type::Bool, |e| {
            // "a condition must be true or false, but this is a number" becomes
            // "`show_if` must be a condition (true or false), but `size(members)` is a number".
            if e.message.id != "expr-type-condition" {
                return None;
            }
            let shown = e.span.text(src).unwrap_or(src).trim();
            let ty = e.message.arg("ty")?.clone();
            Some((msg!("expr-type-condition-at", what = what.clone(), expr = shown, ty = ty), None))
        })
    }

    /// Parses and type-checks an expression that gives a value of type `expected` (a life
    /// event's preset), reporting every problem at its place; `what` names what it fills
    /// ("the preset for `reason`"). Returns the parsed expression when it parsed.
    pub(super) fn value_expression(
        &mut self,
        doc: usize,
        path: &Path,
        src: &str,
        scope: &Names<'_>,
        expected: &Type,
        what: Message,
    ) -> Option<Expr> {
        self.checked_expression(doc, path, src, scope, expected, |e| {
            // "expected a date here, but this is text" becomes "the preset for
            // `start_date` must give a date, but `'birth'` is text".
            if e.message.id != "expr-type-expected" {
                return None;
            }
            let shown = e.span.text(src).unwrap_or(src).trim();
            let ty = e.message.arg("ty")?.clone();
            let fix = match expected {
                Type::Date => msg!("expr-type-value-at-fix-date"),
                Type::String => msg!("expr-type-value-at-fix-string"),
                Type::List(_) => msg!("expr-type-value-at-fix-list"),
                Type::Bool => msg!("expr-type-value-at-fix-bool"),
                _ => msg!("expr-type-value-at-fix", expected = expected.describe()),
            };
            let message =
                msg!("expr-type-value-at", what = what.clone(), expected = expected.describe(), expr = shown, ty = ty);
            Some((message, Some(fix)))
        })
    }

    /// Parses `src` and checks it gives `expected`, each problem reported at its place; `reword`
    /// says one in the words of where the expression stands (its message, and its fix when it
    /// gives one), or leaves it as it is (`None`).
    fn checked_expression(
        &mut self,
        doc: usize,
        path: &Path,
        src: &str,
        scope: &Names<'_>,
        expected: &Type,
        reword: impl Fn(&expr::ExprError) -> Option<(Message, Option<Message>)>,
    ) -> Option<Expr> {
        let parsed = match expr::parse(src) {
            Ok(e) => e,
            Err(errors) => {
                for e in errors {
                    self.expr_error(doc, path, e, None);
                }
                return None;
            }
        };
        // "Did you mean" for an unknown name reads every name in scope: all of them while the
        // file's unknown names are listed and the check's budget for suggestions lasts, then the
        // definition's own fields only, and none once unknown names are no longer listed.
        let fewer = FewerNames { scope, fields_only: self.admits(doc, expr::codes::UNKNOWN_NAME) };
        let all = fewer.fields_only && self.suggestion_budget > 0;
        let checked_in: &dyn expr::Scope = if all { scope } else { &fewer };
        if let Err(errors) = expr::check(&parsed, checked_in, Some(expected)) {
            if all && errors.iter().any(|e| matches!(e.code, expr::codes::UNKNOWN_NAME | expr::codes::TYPE)) {
                // Listing, sorting and comparing every name: about a hundred steps a name.
                self.suggestion_budget = self.suggestion_budget.saturating_sub(scope.size() * 128);
            }
            for e in errors {
                let said = reword(&e);
                self.expr_error(doc, path, e, said);
            }
        }
        self.patterns(doc, path, &parsed);
        Some(parsed)
    }

    /// Every pattern written as the argument of `matches` must compile as evaluation compiles
    /// it, else the condition would fail for every resident: `bad-pattern`, at the pattern.
    fn patterns(&mut self, doc: usize, path: &Path, parsed: &Expr) {
        let mut stack = vec![parsed];
        while let Some(e) = stack.pop() {
            stack.extend(e.children());
            let ExprKind::Call { function, target: Some(_), args } = &e.kind else { continue };
            let [pattern] = args.as_slice() else { continue };
            let (true, ExprKind::String(text)) = (function == "matches", &pattern.kind) else { continue };
            let problem = match self.patterns.get(text.as_str()) {
                Some(known) => known.clone(),
                // More distinct patterns than any model has: the rest are left to evaluation.
                None if self.patterns.len() >= MAX_CHECKED_PATTERNS => None,
                None => {
                    let found = match expr::check_pattern_quickly(text) {
                        expr::PatternCheck::Compiles => None,
                        expr::PatternCheck::Fails(why) => Some(why),
                        expr::PatternCheck::Large if self.large_patterns < MAX_LARGE_PATTERNS => {
                            self.large_patterns += 1;
                            expr::check_pattern(text).err()
                        }
                        expr::PatternCheck::Large => None,
                    };
                    self.patterns.insert(text.clone(), found.clone());
                    found
                }
            };
            let Some(why) = problem else { continue };
            let (span_start, span_end) = (pattern.span.start, pattern.span.end.max(pattern.span.start + 1));
            let shown = super::shortened(text);
            self.push(
                Diagnostic::error(
                    "bad-pattern",
                    Target::expr(doc, path.clone(), span_start, span_end),
                    msg!("bad-pattern", pattern = shown, why = &why),
                )
                .with_fix(pattern_fix(text, &why)),
            );
        }
    }

    /// An expression's error as a diagnostic, in the catalogue's words; `said` is what it says
    /// instead where the expression stands, with its fix when that changes too.
    fn expr_error(&mut self, doc: usize, path: &Path, e: expr::ExprError, said: Option<(Message, Option<Message>)>) {
        let target = Target::expr(doc, path.clone(), e.span.start, e.span.end.max(e.span.start + 1));
        let (message, fix) = match said {
            Some((message, Some(fix))) => (message, Some(fix)),
            Some((message, None)) => (message, e.fix.map(Message::from)),
            None => (Message::from(e.message), e.fix.map(Message::from)),
        };
        let mut d = Diagnostic::error(e.code, target, message);
        d.fix = fix;
        self.push(d);
    }

    /// The names a list of fields brings into scope (their ids and answer types).
    pub(super) fn field_names(&self, fields: &[&Field]) -> BTreeMap<String, Type> {
        fields.iter().map(|f| (f.id.clone(), self.field_type(f).unwrap_or(FieldType::Text).expr_type())).collect()
    }

    /// A field's type: its own, or its concept's.
    pub(super) fn field_type(&self, f: &Field) -> Option<FieldType> {
        f.field_type.or_else(|| f.concept.as_deref().and_then(|c| self.index.concepts.get(c)).map(|c| c.value_type))
    }

    /// Checks fields of one scope (a page list or a group's items): ids unique, each field.
    /// `seen` holds ids already used in the same scope.
    pub(super) fn check_field(
        &mut self,
        doc: usize,
        path: &Path,
        f: &Field,
        scope: &Names<'_>,
        seen: &mut HashSet<String>,
    ) {
        if !is_snake(&f.id) {
            self.push(
                Diagnostic::error("bad-id", Target::value(doc, path.key("id")), msg!("bad-id-field", id = &f.id))
                    .with_fix(msg!("bad-id-field-fix")),
            );
        }
        if !seen.insert(f.id.clone()) {
            self.push(
                Diagnostic::error(
                    "duplicate-id",
                    Target::value(doc, path.key("id")),
                    msg!("duplicate-id-field", id = &f.id),
                )
                .with_fix(msg!("duplicate-id-field-fix")),
            );
        }
        // Concept binding and type.
        let concept = f.concept.as_deref().and_then(|c| self.index.concepts.get(c).copied());
        if let (Some(id), None) = (f.concept.as_deref(), concept) {
            self.dangling("dangling-concept", doc, path.key("concept"), msg!("noun-concept"), id, Self::concept_ids);
        }
        let ty = match (f.field_type, concept) {
            (Some(t), Some(c)) if t != c.value_type => {
                self.push(
                    Diagnostic::error(
                        "concept-type-mismatch",
                        Target::value(doc, path.key("type")),
                        msg!(
                            "concept-type-mismatch",
                            id = &f.id,
                            ty = t.name(),
                            concept = &c.id,
                            concept_type = c.value_type.name()
                        ),
                    )
                    .with_fix(msg!(
                        "concept-type-mismatch-fix",
                        concept_type = c.value_type.name(),
                        ty = t.name()
                    )),
                );
                t
            }
            (Some(t), _) => t,
            (None, Some(c)) => c.value_type,
            (None, None) => {
                if f.concept.is_none() {
                    self.push(
                        Diagnostic::error(
                            "missing-key",
                            Target::value(doc, path.clone()),
                            msg!("missing-key-type", id = &f.id),
                        )
                        .with_fix(msg!("missing-key-type-fix")),
                    );
                }
                FieldType::Text
            }
        };
        match (&f.label, concept) {
            (Some(label), _) => self.text(doc, path.key("label"), label),
            (None, Some(_)) => {}
            // A misspelt concept is reported above; its label would have come from it.
            (None, None) if f.concept.is_some() => {}
            (None, None) => self.push(
                Diagnostic::error(
                    "missing-key",
                    Target::value(doc, path.clone()),
                    msg!("missing-key-label", id = &f.id),
                )
                .with_fix(msg!("missing-key-label-fix")),
            ),
        }
        if let Some(hint) = &f.hint {
            self.text(doc, path.key("hint"), hint);
        }
        self.check_constraints(doc, path, f, ty);
        // A code list named here is checked here; one inherited from the concept is checked at
        // the concept.
        let inherited = concept.and_then(|c| c.code_list.as_deref());
        if f.code_list.is_some() || (ty == FieldType::Code && inherited.is_none()) {
            self.code_list_ref(doc, path, ty, f.code_list.as_deref(), msg!("noun-field"));
        }
        if let Some(token) = &f.autocomplete
            && !AUTOCOMPLETE.contains(&token.as_str())
        {
            let mut d = Diagnostic::warning(
                "unknown-autocomplete",
                Target::value(doc, path.key("autocomplete")),
                msg!("unknown-autocomplete", token = token),
            );
            d = match crate::suggest::did_you_mean(token, AUTOCOMPLETE.iter().copied()) {
                Some(best) => d.with_fix(msg!("did-you-mean", best = best)),
                None => d.with_fix(msg!("unknown-autocomplete-fix")),
            };
            self.push(d);
        }
        if let Some(src) = &f.show_if {
            self.expression(doc, &path.key("show_if"), src, scope, msg!("expr-what-show-if"));
        }
        if let Requirement::When(src) = &f.required {
            if let Some(word) = yaml11_boolean(src) {
                self.push(
                    Diagnostic::error(
                        "wrong-type",
                        Target::value(doc, path.key("required")),
                        msg!("wrong-type-required", written = src),
                    )
                    .with_fix(msg!("wrong-type-required-fix", word = word)),
                );
            } else {
                self.expression(doc, &path.key("required"), src, scope, msg!("expr-what-required"));
            }
        }
        for (i, rule) in f.rules.iter().enumerate() {
            self.check_rule(doc, &path.key("rules").index(i), rule, scope, None);
        }
        // A group's items: their own scope, inside the form's.
        if ty == FieldType::Group {
            if f.fields.is_empty() {
                self.push(
                    Diagnostic::error("empty-group", Target::value(doc, path.clone()), msg!("empty-group", id = &f.id))
                        .with_fix(msg!("empty-group-fix")),
                );
            }
            let inner: Vec<&Field> = f.fields.iter().collect();
            let inner_names = self.field_names(&inner);
            let inner_scope = scope.within(&inner_names);
            let mut inner_seen = HashSet::new();
            for (i, sub) in f.fields.iter().enumerate() {
                self.check_field(doc, &path.key("fields").index(i), sub, &inner_scope, &mut inner_seen);
            }
        }
    }

    fn check_constraints(&mut self, doc: usize, path: &Path, f: &Field, ty: FieldType) {
        for (c, key) in set_constraints(f) {
            if !applies(c, ty) {
                self.push(
                    Diagnostic::warning(
                        "constraint-not-applicable",
                        Target::key(doc, path.key(key)),
                        msg!("constraint-not-applicable", key = key, ty = ty.name()),
                    )
                    .with_fix(msg!("constraint-not-applicable-fix", key = key)),
                );
            }
        }
        if f.prefill == Some(crate::model::Prefill::Town) && ty != FieldType::Address {
            self.push(
                Diagnostic::warning(
                    "constraint-not-applicable",
                    Target::value(doc, path.key("prefill")),
                    msg!("constraint-not-applicable-prefill", ty = ty.name()),
                )
                .with_fix(msg!("constraint-not-applicable-prefill-fix")),
            );
        }
        let pairs = [
            ("min_length", "max_length", f.min_length.map(f64::from), f.max_length.map(f64::from)),
            ("min", "max", f.min, f.max),
            ("min_items", "max_items", f.min_items.map(f64::from), f.max_items.map(f64::from)),
        ];
        for (lo_key, hi_key, lo, hi) in pairs {
            if let (Some(lo), Some(hi)) = (lo, hi)
                && lo > hi
            {
                self.push(
                    Diagnostic::error(
                        "bad-range",
                        Target::value(doc, path.key(lo_key)),
                        msg!("bad-range", low_key = lo_key, low = lo, high_key = hi_key, high = hi),
                    )
                    .with_fix(msg!("bad-range-fix", low_key = lo_key, high_key = hi_key)),
                );
            }
        }
        if f.not_future && f.not_past {
            self.push(
                Diagnostic::warning("bad-range", Target::key(doc, path.key("not_past")), msg!("bad-range-today"))
                    .with_fix(msg!("bad-range-today-fix")),
            );
        }
        if matches!(ty, FieldType::Choice | FieldType::MultiChoice) && f.options.is_empty() {
            self.push(
                Diagnostic::error(
                    "missing-key",
                    Target::value(doc, path.clone()),
                    msg!("missing-key-options", ty = ty.name(), id = &f.id),
                )
                .with_fix(msg!("missing-key-options-fix")),
            );
        }
        let mut values = HashSet::new();
        for (i, option) in f.options.iter().enumerate() {
            let opath = path.key("options").index(i);
            if !values.insert(option.value.as_str()) {
                self.push(
                    Diagnostic::error(
                        "duplicate-id",
                        Target::value(doc, opath.key("value")),
                        msg!("duplicate-id-option", value = &option.value),
                    )
                    .with_fix(msg!("duplicate-id-option-fix")),
                );
            }
            self.text(doc, opath.key("label"), &option.label);
        }
    }

    /// A rule: its conditions are conditions, its texts complete and clear, its fields exist
    /// (among `field_ids`, when given: the form's fields in order, and the same as a set).
    pub(super) fn check_rule(
        &mut self,
        doc: usize,
        path: &Path,
        rule: &Rule,
        scope: &Names<'_>,
        field_ids: Option<(&[&str], &HashSet<&str>)>,
    ) {
        self.expression(doc, &path.key("check"), &rule.check, scope, msg!("expr-what-rule-check"));
        if let Some(when) = &rule.when {
            self.expression(doc, &path.key("when"), when, scope, msg!("expr-what-rule-when"));
        }
        self.message(doc, path.key("message"), &rule.message);
        self.message(doc, path.key("fix"), &rule.fix);
        let Some((in_order, ids)) = field_ids else { return };
        for (i, id) in rule.fields.iter().enumerate() {
            if !ids.contains(id.as_str()) {
                self.dangling(
                    "dangling-field",
                    doc,
                    path.key("fields").index(i),
                    msg!("noun-field-of-form"),
                    id,
                    |_| in_order.to_vec(),
                );
            }
        }
    }
}

/// Distinct patterns of `matches` compiled when definitions are checked, at most: far more than
/// a model has, few enough to take a fraction of a second.
const MAX_CHECKED_PATTERNS: usize = 10_000;

/// Patterns that compile to a large program (`(a{100}){100}`) compiled in full when definitions
/// are checked, at most (the others are compiled within a small size, which is quick).
const MAX_LARGE_PATTERNS: usize = 16;

/// A scope that offers fewer names to "did you mean": its lookups are the scope's, but it lists
/// only the definition's own fields (`fields_only`), or nothing (for diagnostics that are
/// counted, not listed).
struct FewerNames<'s> {
    scope: &'s Names<'s>,
    fields_only: bool,
}

impl expr::Scope for FewerNames<'_> {
    fn lookup(&self, name: &str) -> Option<Type> {
        self.scope.lookup(name)
    }

    fn names(&self) -> Vec<String> {
        if !self.fields_only {
            return Vec::new();
        }
        self.scope.local.iter().flat_map(|m| m.keys().cloned()).collect()
    }
}

/// What to write instead of a pattern regex-lite cannot compile, by why it cannot.
fn pattern_fix(pattern: &str, why: &str) -> Message {
    if why.contains("Unicode character classes") || pattern.contains("\\p{") || pattern.contains("\\P{") {
        let (class, range) = if pattern.contains("Hiragana") {
            ("\\p{Hiragana}", "[\\u3041-\\u309F]")
        } else if pattern.contains("Katakana") {
            ("\\p{Katakana}", "[\\u30A0-\\u30FF]")
        } else {
            ("\\p{Han}", "[\\u4E00-\\u9FFF]")
        };
        return msg!("bad-pattern-fix-unicode", range = range, class = class);
    }
    if why.contains("open group without closing") {
        return msg!("bad-pattern-fix-open");
    }
    if why.contains("closing ')' without matching") {
        return msg!("bad-pattern-fix-close");
    }
    if why.contains("character class") {
        return msg!("bad-pattern-fix-class");
    }
    if why.contains("size limit") || why.contains("too much nesting") {
        return msg!("bad-pattern-fix-size");
    }
    if why.contains("look-around") || why.contains("backreferences") {
        return msg!("bad-pattern-fix-look-around");
    }
    msg!("bad-pattern-fix")
}

/// `yes`, `no`, `on`, `off`… meant true or false in YAML 1.1; YAML 1.2 reads them as text.
pub(super) fn yaml11_boolean(src: &str) -> Option<&'static str> {
    match src.trim().to_ascii_lowercase().as_str() {
        "yes" | "y" | "on" => Some("true"),
        "no" | "n" | "off" => Some("false"),
        _ => None,
    }
}
