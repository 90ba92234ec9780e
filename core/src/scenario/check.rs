//! The names a scenario uses, checked against one town's catalogue before it runs: life events,
//! questions, procedures, pages, fields, options, codes of code lists and issue codes. Each
//! unknown name is a located problem with "did you mean"; an answer of the wrong type is
//! reported at its line.

use std::collections::BTreeSet;

use super::{Problem, Scenario};
use crate::diagnostic::{Message, Path, msg};
use crate::model::catalog::CompiledCatalog;
use crate::model::{Field, FieldType, LifeEvent, Procedure};
use crate::source::{Node, NodeValue};
use crate::suggest::did_you_mean;

/// The names of every town's catalogue together: a name no town has is unknown; one another
/// town has is not offered here (the scenario is ignored for this town).
#[derive(Debug, Clone, Default)]
pub struct Known {
    /// Every procedure's id.
    pub procedures: BTreeSet<String>,
    /// Every life event's id.
    pub events: BTreeSet<String>,
}

impl Known {
    /// The names of these catalogues.
    pub fn of<'c>(catalogs: impl IntoIterator<Item = &'c CompiledCatalog>) -> Known {
        let mut known = Known::default();
        for c in catalogs {
            known.procedures.extend(c.procedures.iter().map(|p| p.id.clone()));
            known.events.extend(c.life_events.iter().map(|e| e.id.clone()));
        }
        known
    }
}

/// "did you mean `x`?", or the list of what there is (shortened); `what` names the list
/// (`scenario-noun-…`).
pub(super) fn suggestion<'a>(name: &str, what: Message, options: impl IntoIterator<Item = &'a str> + Clone) -> Message {
    match did_you_mean(name, options.clone()) {
        Some(best) => msg!("did-you-mean", best = best),
        None => {
            let all: Vec<&str> = options.into_iter().collect();
            if all.is_empty() {
                msg!("scenario-suggest-none", what = what)
            } else if all.len() > 12 {
                msg!("scenario-suggest-list-more", what = what, list = all[..12].join(", "))
            } else {
                msg!("scenario-suggest-list", what = what, list = all.join(", "))
            }
        }
    }
}

/// The problems with the names `s` uses in `catalog` (its event and procedure exist there).
pub(super) fn names(
    s: &Scenario,
    catalog: &CompiledCatalog,
    event: Option<&LifeEvent>,
    procedure: Option<&Procedure>,
    known: &Known,
) -> Vec<Problem> {
    let mut out = Vec::new();
    let root = Path::root();
    let node = &s.node;
    let town = &catalog.town.id;
    if let Some(e) = event {
        let ids: Vec<&str> = e.questions.iter().map(|q| q.id.as_str()).collect();
        entries(node.get("screening"), &root.key("screening"), |key, value, path| {
            match e.questions.iter().find(|q| q.id == key) {
                Some(q) => answer(q, value, path, catalog, &mut out),
                None => out.push(Problem::at_key(
                    path,
                    0,
                    "unknown-question",
                    msg!("scenario-unknown-question", event = &e.id, id = key),
                    suggestion(key, msg!("scenario-noun-its-questions"), ids.iter().copied()),
                )),
            }
        });
        let checklist = root.key("expect").key("checklist");
        let found = node.locate(&checklist.0);
        if found.1 {
            let c = found.0;
            for key in ["applies", "not_applies"] {
                for (i, item) in items(c.get(key)) {
                    let (id, path) = match item.get("procedure") {
                        Some(p) => (p.as_str(), checklist.key(key).index(i).key("procedure")),
                        None => (item.as_str(), checklist.key(key).index(i)),
                    };
                    let Some(id) = id else { continue };
                    if !known.procedures.contains(id) && catalog.procedure(id).is_none() {
                        out.push(Problem::at_value(
                            &path,
                            "unknown-procedure",
                            msg!("scenario-unknown-procedure", id = id),
                            suggestion(
                                id,
                                msg!("scenario-noun-procedures"),
                                known.procedures.iter().map(String::as_str),
                            ),
                        ));
                    }
                }
            }
            for key in ["asked", "not_asked"] {
                for (i, item) in items(c.get(key)) {
                    let Some(id) = item.as_str() else { continue };
                    if !ids.contains(&id) {
                        out.push(Problem::at_value(
                            &checklist.key(key).index(i),
                            "unknown-question",
                            msg!("scenario-unknown-question", event = &e.id, id = id),
                            suggestion(id, msg!("scenario-noun-its-questions"), ids.iter().copied()),
                        ));
                    }
                }
            }
            let rules: Vec<String> = e.questions.iter().flat_map(rule_codes).collect();
            for key in ["issues", "no_issues"] {
                issues(c.get(key), &checklist.key(key), &e.questions, &rules, Asked::Question, &mut out);
            }
        }
    }
    if let Some(p) = procedure {
        let fields: Vec<&Field> = p.form.fields().collect();
        let ids: Vec<&str> = fields.iter().map(|f| f.id.as_str()).collect();
        entries(node.get("answers"), &root.key("answers"), |key, value, path| {
            match fields.iter().find(|f| f.id == key) {
                Some(f) => answer(f, value, path, catalog, &mut out),
                None => out.push(Problem::at_key(
                    path,
                    0,
                    "unknown-field",
                    msg!("scenario-unknown-field-answer", procedure = &p.id, id = key, town = town),
                    suggestion(key, msg!("scenario-noun-its-fields"), ids.iter().copied()),
                )),
            }
        });
        let expect = root.key("expect");
        let pages: Vec<&str> = p.form.pages.iter().map(|pg| pg.id.as_str()).collect();
        for (section, names) in [("pages", &pages), ("questions", &ids)] {
            for key in ["shown", "hidden"] {
                let path = expect.key(section).key(key);
                for (i, item) in items(node.locate(&path.0).1.then(|| node.locate(&path.0).0)) {
                    let Some(id) = item.as_str() else { continue };
                    if !names.contains(&id) {
                        let at = path.index(i);
                        out.push(if section == "pages" {
                            Problem::at_value(
                                &at,
                                "unknown-page",
                                msg!("scenario-unknown-page", procedure = &p.id, id = id),
                                suggestion(id, msg!("scenario-noun-its-pages"), names.iter().copied()),
                            )
                        } else {
                            Problem::at_value(
                                &at,
                                "unknown-field",
                                msg!("scenario-unknown-field", procedure = &p.id, id = id),
                                suggestion(id, msg!("scenario-noun-its-fields"), names.iter().copied()),
                            )
                        });
                    }
                }
            }
        }
        let owned: Vec<Field> = fields.iter().map(|f| (*f).clone()).collect();
        let mut rules: Vec<String> = owned.iter().flat_map(rule_codes).collect();
        rules.extend(p.form.rules.iter().map(|r| format!("rule.{}", r.id)));
        for key in ["issues", "no_issues"] {
            let path = expect.key(key);
            let found = node.locate(&path.0);
            issues(found.1.then_some(found.0), &path, &owned, &rules, Asked::Field, &mut out);
        }
        let path = expect.key("submission");
        let found = node.locate(&path.0);
        if found.1 {
            entries(Some(found.0), &path, |key, _, at| {
                if !ids.contains(&key) {
                    out.push(Problem::at_key(
                        at,
                        0,
                        "unknown-field",
                        msg!("scenario-unknown-field", procedure = &p.id, id = key),
                        suggestion(key, msg!("scenario-noun-its-fields"), ids.iter().copied()),
                    ));
                }
            });
        }
    }
    for (i, step) in items(node.get("journey").and_then(|j| j.get("steps"))) {
        if let Some(e) = step.get("event").and_then(Node::as_str)
            && !known.events.contains(e)
        {
            out.push(Problem::at_value(
                &root.key("journey").key("steps").index(i).key("event"),
                "unknown-event",
                msg!("scenario-unknown-event", id = e),
                suggestion(e, msg!("scenario-noun-life-events"), known.events.iter().map(String::as_str)),
            ));
        }
    }
    out
}

/// The items of a list node (none for anything else).
pub(super) fn items(node: Option<&Node>) -> impl Iterator<Item = (usize, &Node)> {
    let items: &[Node] = match node.map(|n| &n.value) {
        Some(NodeValue::Seq(items)) => items,
        _ => &[],
    };
    items.iter().enumerate()
}

/// Calls `f(key, value, path)` for each entry of a mapping node.
fn entries(node: Option<&Node>, path: &Path, mut f: impl FnMut(&str, &Node, &Path)) {
    if let Some(NodeValue::Map(entries)) = node.map(|n| &n.value) {
        for (k, v) in entries {
            let key = k.key_text();
            f(&key, v, &path.key(&key));
        }
    }
}

/// The issue codes of a field's rules, its items' included.
fn rule_codes(f: &Field) -> Vec<String> {
    let mut out: Vec<String> = f.rules.iter().map(|r| format!("rule.{}", r.id)).collect();
    out.extend(f.fields.iter().flat_map(rule_codes));
    out
}

/// Every issue code the validator can give, and the rule codes of the form.
fn known_codes(rules: &[String]) -> Vec<String> {
    let mut codes: Vec<String> = crate::validate::types::problem_codes().map(str::to_string).collect();
    codes.extend(
        ["required", "required-choice", "required-consent", "rule_unavailable", "counter.unconfirmed"]
            .map(String::from),
    );
    codes.extend(rules.iter().cloned());
    codes
}

/// What the fields of expected issues are: a life event's screening questions, or a form's
/// fields.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Asked {
    Question,
    Field,
}

/// Checks expected issues: each field's head is a field (a question), a group's item field is
/// one of its items, and each code is one the validator or the form's rules can give.
fn issues(list: Option<&Node>, path: &Path, fields: &[Field], rules: &[String], what: Asked, out: &mut Vec<Problem>) {
    let codes = known_codes(rules);
    let ids: Vec<&str> = fields.iter().map(|f| f.id.as_str()).collect();
    for (i, item) in items(list) {
        let at = path.index(i);
        if let Some(field) = item.get("field").and_then(Node::as_str) {
            let head = field.split(['[', '.']).next().unwrap_or(field);
            match fields.iter().find(|f| f.id == head) {
                None if what == Asked::Question => out.push(Problem::at_value(
                    &at.key("field"),
                    "unknown-question",
                    msg!("scenario-unknown-question-here", id = head),
                    suggestion(head, msg!("scenario-noun-the-questions"), ids.iter().copied()),
                )),
                None => out.push(Problem::at_value(
                    &at.key("field"),
                    "unknown-field",
                    msg!("scenario-unknown-field-here", id = head),
                    suggestion(head, msg!("scenario-noun-the-fields"), ids.iter().copied()),
                )),
                Some(f) if !f.fields.is_empty() => {
                    // `members[1].birth_date`: the item's field.
                    if let Some(inner) = field.rsplit_once('.').map(|(_, i)| i).filter(|_| field.contains('[')) {
                        let inner_ids: Vec<&str> = f.fields.iter().map(|g| g.id.as_str()).collect();
                        if !inner_ids.contains(&inner) {
                            out.push(Problem::at_value(
                                &at.key("field"),
                                "unknown-field",
                                msg!("scenario-unknown-field-group", group = head, id = inner),
                                suggestion(inner, msg!("scenario-noun-its-fields"), inner_ids.iter().copied()),
                            ));
                        }
                    }
                }
                Some(_) => {}
            }
        }
        if let Some(code) = item.get("code").and_then(Node::as_str) {
            let in_catalogue = crate::validate::messages::catalogue()
                .format(crate::model::Lang::En, &crate::validate::messages::message_id(code), &[])
                .is_some();
            let known = codes.iter().any(|c| c == code) || (in_catalogue && !code.starts_with("rule."));
            if !known {
                let message = match what {
                    Asked::Question => msg!("scenario-unknown-code-question", code = code),
                    Asked::Field => msg!("scenario-unknown-code-field", code = code),
                };
                out.push(Problem::at_value(
                    &at.key("code"),
                    "unknown-code",
                    message,
                    suggestion(code, msg!("scenario-noun-codes"), codes.iter().map(String::as_str)),
                ));
            }
        }
    }
}

/// What a YAML value is, in the words an author would use ("a whole number", "a list").
pub(super) fn described(value: &NodeValue) -> Message {
    match value {
        NodeValue::Null => msg!("noun-yaml-null"),
        NodeValue::Bool(_) => msg!("noun-yaml-bool"),
        NodeValue::Int(_) => msg!("noun-yaml-int"),
        NodeValue::Float(_) => msg!("noun-yaml-float"),
        NodeValue::Str(_) => msg!("noun-yaml-str"),
        NodeValue::Seq(_) => msg!("noun-yaml-seq"),
        NodeValue::Map(_) => msg!("noun-yaml-map"),
    }
}

/// What an answer to a field of type `ty` is written as, for messages.
fn expected_kind(ty: FieldType) -> Message {
    use FieldType::*;
    match ty {
        Boolean | Consent => msg!("noun-json-boolean"),
        Integer | Decimal | Money => msg!("noun-json-number"),
        MultiChoice => msg!("scenario-kind-options"),
        PersonName => msg!("scenario-kind-person-name"),
        Address => msg!("scenario-kind-address"),
        File => msg!("scenario-kind-file"),
        Group => msg!("scenario-kind-group"),
        _ => msg!("noun-json-string"),
    }
}

/// Checks one answer to `field` written at `path`: its kind, its options, a group's items.
fn answer(field: &Field, node: &Node, path: &Path, catalog: &CompiledCatalog, out: &mut Vec<Problem>) {
    use FieldType::*;
    let ty = field.resolved_type();
    let wrong = |out: &mut Vec<Problem>, fix: Message| {
        let (id, name, expected, found) = (&field.id, ty.name(), expected_kind(ty), described(&node.value));
        // `a date`, `an address`.
        let message = if name.starts_with(['a', 'e', 'i', 'o', 'u']) {
            msg!("scenario-answer-type-an", id = id, ty = name, expected = expected, found = found)
        } else {
            msg!("scenario-answer-type", id = id, ty = name, expected = expected, found = found)
        };
        out.push(Problem::at_value(path, "answer-type", message, fix));
    };
    let options = || -> Vec<String> {
        let mut values: Vec<String> = field.options.iter().map(|o| o.value.clone()).collect();
        if ty == Code
            && let Some(list) = catalog.code_lists.iter().find(|l| Some(&l.id) == field.code_list.as_ref())
        {
            values.extend(list.codes.iter().map(|c| c.code.clone()));
        }
        values
    };
    let option = |value: &Node, at: &Path, out: &mut Vec<Problem>| {
        let text = match &value.value {
            NodeValue::Str(s) => s.clone(),
            NodeValue::Int(i) => i.to_string(),
            _ => {
                out.push(Problem::at_value(
                    at,
                    "answer-type",
                    msg!("scenario-answer-type-option", id = &field.id, found = described(&value.value)),
                    msg!("scenario-answer-type-option-fix"),
                ));
                return;
            }
        };
        let all = options();
        if !all.contains(&text) {
            out.push(Problem::at_value(
                at,
                "unknown-option",
                msg!("scenario-unknown-option", value = &text, id = &field.id),
                suggestion(&text, msg!("scenario-noun-its-options"), all.iter().map(String::as_str)),
            ));
        }
    };
    match (&node.value, ty) {
        (NodeValue::Null, _) => {}
        (NodeValue::Bool(_), Boolean | Consent) => {}
        (_, Boolean | Consent) => wrong(out, msg!("scenario-answer-type-fix-boolean")),
        (NodeValue::Int(_) | NodeValue::Float(_) | NodeValue::Str(_), Integer | Decimal | Money) => {}
        (_, Integer | Decimal | Money) => wrong(out, msg!("scenario-answer-type-fix-number")),
        (NodeValue::Str(_) | NodeValue::Int(_), Choice | Code) => option(node, path, out),
        (_, Choice | Code) => wrong(out, msg!("scenario-answer-type-fix-choice")),
        (NodeValue::Seq(values), MultiChoice) => {
            for (i, v) in values.iter().enumerate() {
                option(v, &path.index(i), out);
            }
        }
        (NodeValue::Str(_), MultiChoice) => option(node, path, out),
        (_, MultiChoice) => wrong(out, msg!("scenario-answer-type-fix-options")),
        (NodeValue::Str(_) | NodeValue::Map(_), Date | YearMonth) => {}
        (_, Date | YearMonth) => wrong(out, msg!("scenario-answer-type-fix-date")),
        (NodeValue::Map(parts), PersonName | Address | File) => {
            let allowed: &[&str] = match ty {
                PersonName => &["family", "given"],
                Address => &["postal_code", "prefecture", "city", "town", "block", "building"],
                _ => &["name", "size_kb", "media_type"],
            };
            for (k, _) in parts {
                let key = k.key_text();
                if !allowed.contains(&key.as_str()) {
                    let message = match ty {
                        PersonName => msg!("scenario-unknown-field-name-part", id = &key),
                        Address => msg!("scenario-unknown-field-address-part", id = &key),
                        _ => msg!("scenario-unknown-field-file-part", id = &key),
                    };
                    out.push(Problem::at_key(
                        &path.key(&key),
                        0,
                        "unknown-field",
                        message,
                        suggestion(&key, msg!("scenario-noun-its-parts"), allowed.iter().copied()),
                    ));
                }
            }
        }
        (NodeValue::Str(_), PersonName) => {}
        (_, PersonName | Address | File) => wrong(out, msg!("scenario-answer-type-fix", expected = expected_kind(ty))),
        (NodeValue::Seq(list), Group) => {
            let ids: Vec<&str> = field.fields.iter().map(|f| f.id.as_str()).collect();
            for (i, item) in list.iter().enumerate() {
                let at = path.index(i);
                match &item.value {
                    NodeValue::Map(entries) => {
                        for (k, v) in entries {
                            let key = k.key_text();
                            match field.fields.iter().find(|f| f.id == key) {
                                Some(inner) => answer(inner, v, &at.key(&key), catalog, out),
                                None => out.push(Problem::at_key(
                                    &at.key(&key),
                                    0,
                                    "unknown-field",
                                    msg!("scenario-unknown-field-group", group = &field.id, id = &key),
                                    suggestion(&key, msg!("scenario-noun-its-fields"), ids.iter().copied()),
                                )),
                            }
                        }
                    }
                    other => out.push(Problem::at_value(
                        &at,
                        "answer-type",
                        msg!("scenario-answer-type-item", id = &field.id, found = described(other)),
                        msg!("scenario-answer-type-item-fix"),
                    )),
                }
            }
        }
        (_, Group) => wrong(out, msg!("scenario-answer-type-fix-group")),
        (NodeValue::Str(_), _) => {}
        (NodeValue::Int(_) | NodeValue::Float(_), _) => wrong(out, msg!("scenario-answer-type-fix-quote")),
        (_, _) => wrong(out, msg!("scenario-answer-type-fix-text")),
    }
}
