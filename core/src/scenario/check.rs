//! The names a scenario uses, checked against one town's catalogue before it runs: life events,
//! questions, procedures, pages, fields, options, codes of code lists and issue codes. Each
//! unknown name is a located problem with "did you mean"; an answer of the wrong type is
//! reported at its line.

use std::collections::BTreeSet;

use super::{Problem, Scenario};
use crate::diagnostic::Path;
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

/// "did you mean `x`?", or the list of what there is (shortened).
pub(super) fn suggestion<'a>(name: &str, what: &str, options: impl IntoIterator<Item = &'a str> + Clone) -> String {
    match did_you_mean(name, options.clone()) {
        Some(best) => format!("did you mean `{best}`?"),
        None => {
            let all: Vec<&str> = options.into_iter().collect();
            if all.is_empty() {
                format!("there are no {what} here")
            } else if all.len() > 12 {
                format!("{what}: {}, …", all[..12].join(", "))
            } else {
                format!("{what}: {}", all.join(", "))
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
                    format!("the life event `{}` has no question `{key}`", e.id),
                    suggestion(key, "its questions", ids.iter().copied()),
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
                            format!("there is no procedure `{id}`"),
                            suggestion(id, "procedures", known.procedures.iter().map(String::as_str)),
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
                            format!("the life event `{}` has no question `{id}`", e.id),
                            suggestion(id, "its questions", ids.iter().copied()),
                        ));
                    }
                }
            }
            let rules: Vec<String> = e.questions.iter().flat_map(rule_codes).collect();
            for key in ["issues", "no_issues"] {
                issues(c.get(key), &checklist.key(key), &e.questions, &rules, "question", &mut out);
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
                    format!("the procedure `{}` has no field `{key}` in {town}'s catalogue", p.id),
                    suggestion(key, "its fields", ids.iter().copied()),
                )),
            }
        });
        let expect = root.key("expect");
        let pages: Vec<&str> = p.form.pages.iter().map(|pg| pg.id.as_str()).collect();
        for (section, names, what) in [("pages", &pages, "page"), ("questions", &ids, "field")] {
            for key in ["shown", "hidden"] {
                let path = expect.key(section).key(key);
                for (i, item) in items(node.locate(&path.0).1.then(|| node.locate(&path.0).0)) {
                    let Some(id) = item.as_str() else { continue };
                    if !names.contains(&id) {
                        out.push(Problem::at_value(
                            &path.index(i),
                            if what == "page" { "unknown-page" } else { "unknown-field" },
                            format!("the procedure `{}` has no {what} `{id}`", p.id),
                            suggestion(id, &format!("its {what}s"), names.iter().copied()),
                        ));
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
            issues(found.1.then_some(found.0), &path, &owned, &rules, "field", &mut out);
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
                        format!("the procedure `{}` has no field `{key}`", p.id),
                        suggestion(key, "its fields", ids.iter().copied()),
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
                format!("there is no life event `{e}`"),
                suggestion(e, "life events", known.events.iter().map(String::as_str)),
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

/// Checks expected issues: each field's head is a field (a question), a group's item field is
/// one of its items, and each code is one the validator or the form's rules can give.
fn issues(list: Option<&Node>, path: &Path, fields: &[Field], rules: &[String], what: &str, out: &mut Vec<Problem>) {
    let codes = known_codes(rules);
    let ids: Vec<&str> = fields.iter().map(|f| f.id.as_str()).collect();
    for (i, item) in items(list) {
        let at = path.index(i);
        if let Some(field) = item.get("field").and_then(Node::as_str) {
            let head = field.split(['[', '.']).next().unwrap_or(field);
            match fields.iter().find(|f| f.id == head) {
                None => out.push(Problem::at_value(
                    &at.key("field"),
                    if what == "question" { "unknown-question" } else { "unknown-field" },
                    format!("there is no {what} `{head}` here"),
                    suggestion(head, &format!("the {what}s"), ids.iter().copied()),
                )),
                Some(f) if !f.fields.is_empty() => {
                    // `members[1].birth_date`: the item's field.
                    if let Some(inner) = field.rsplit_once('.').map(|(_, i)| i).filter(|_| field.contains('[')) {
                        let inner_ids: Vec<&str> = f.fields.iter().map(|g| g.id.as_str()).collect();
                        if !inner_ids.contains(&inner) {
                            out.push(Problem::at_value(
                                &at.key("field"),
                                "unknown-field",
                                format!("the group `{head}` has no field `{inner}`"),
                                suggestion(inner, "its fields", inner_ids.iter().copied()),
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
                out.push(Problem::at_value(
                    &at.key("code"),
                    "unknown-code",
                    format!("no {what} here gives an issue `{code}`"),
                    suggestion(code, "codes", codes.iter().map(String::as_str)),
                ));
            }
        }
    }
}

/// `a date`, `an address`.
fn article(word: &str) -> String {
    let an = word.starts_with(['a', 'e', 'i', 'o', 'u']);
    format!("{} {word}", if an { "an" } else { "a" })
}

/// What an answer to a field of type `ty` is written as, for messages.
fn expected_kind(ty: FieldType) -> &'static str {
    use FieldType::*;
    match ty {
        Boolean | Consent => "true or false",
        Integer | Decimal | Money => "a number",
        MultiChoice => "a list of its options",
        PersonName => "a mapping of `family` and `given`",
        Address => "a mapping of the address's parts (postal_code, prefecture, city, town, block, building)",
        File => "a mapping of `name`, `size_kb` and `media_type`",
        Group => "a list of mappings, one per item, by the group's field ids",
        _ => "text",
    }
}

/// Checks one answer to `field` written at `path`: its kind, its options, a group's items.
fn answer(field: &Field, node: &Node, path: &Path, catalog: &CompiledCatalog, out: &mut Vec<Problem>) {
    use FieldType::*;
    let ty = field.resolved_type();
    let wrong = |out: &mut Vec<Problem>, fix: String| {
        out.push(Problem::at_value(
            path,
            "answer-type",
            format!(
                "`{}` is {} question: its answer is {}, not {}",
                field.id,
                article(ty.name()),
                expected_kind(ty),
                node.value.describe()
            ),
            fix,
        ));
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
                    format!("an option of `{}` is text, not {}", field.id, value.value.describe()),
                    "write the option's value".into(),
                ));
                return;
            }
        };
        let all = options();
        if !all.contains(&text) {
            out.push(Problem::at_value(
                at,
                "unknown-option",
                format!("`{text}` is not an option of `{}`", field.id),
                suggestion(&text, "its options", all.iter().map(String::as_str)),
            ));
        }
    };
    match (&node.value, ty) {
        (NodeValue::Null, _) => {}
        (NodeValue::Bool(_), Boolean | Consent) => {}
        (_, Boolean | Consent) => wrong(out, "write `true` or `false` (not in quotes)".into()),
        (NodeValue::Int(_) | NodeValue::Float(_) | NodeValue::Str(_), Integer | Decimal | Money) => {}
        (_, Integer | Decimal | Money) => wrong(out, "write a number, or the text the resident types".into()),
        (NodeValue::Str(_) | NodeValue::Int(_), Choice | Code) => option(node, path, out),
        (_, Choice | Code) => wrong(out, "write the value of one of its options".into()),
        (NodeValue::Seq(values), MultiChoice) => {
            for (i, v) in values.iter().enumerate() {
                option(v, &path.index(i), out);
            }
        }
        (NodeValue::Str(_), MultiChoice) => option(node, path, out),
        (_, MultiChoice) => wrong(out, "write a list of option values: `[a, b]`".into()),
        (NodeValue::Str(_) | NodeValue::Map(_), Date | YearMonth) => {}
        (_, Date | YearMonth) => wrong(out, "write the date as text: 2026-11-20, or 令和8年11月20日".into()),
        (NodeValue::Map(parts), PersonName | Address | File) => {
            let allowed: &[&str] = match ty {
                PersonName => &["family", "given"],
                Address => &["postal_code", "prefecture", "city", "town", "block", "building"],
                _ => &["name", "size_kb", "media_type"],
            };
            for (k, _) in parts {
                let key = k.key_text();
                if !allowed.contains(&key.as_str()) {
                    out.push(Problem::at_key(
                        &path.key(&key),
                        0,
                        "unknown-field",
                        format!(
                            "{} has no part `{key}`",
                            match ty {
                                PersonName => "a person's name",
                                Address => "an address",
                                _ => "a file",
                            }
                        ),
                        suggestion(&key, "its parts", allowed.iter().copied()),
                    ));
                }
            }
        }
        (NodeValue::Str(_), PersonName) => {}
        (_, PersonName | Address | File) => wrong(out, format!("write {}", expected_kind(ty))),
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
                                    format!("the group `{}` has no field `{key}`", field.id),
                                    suggestion(&key, "its fields", ids.iter().copied()),
                                )),
                            }
                        }
                    }
                    other => out.push(Problem::at_value(
                        &at,
                        "answer-type",
                        format!("an item of `{}` is a mapping of its fields, not {}", field.id, other.describe()),
                        "write `- field: value` for each item".into(),
                    )),
                }
            }
        }
        (_, Group) => wrong(out, "write a list: one `- field: value` mapping per item".into()),
        (NodeValue::Str(_), _) => {}
        (NodeValue::Int(_) | NodeValue::Float(_), _) => {
            wrong(out, "put it in quotes: a number would lose leading zeros and hyphens".into())
        }
        (_, _) => wrong(out, "write the text the resident types".into()),
    }
}
