//! Saying a scenario's results: a failed expectation located like the checker's diagnostics
//! (file:line:column, the line, a caret) with what was expected and what came out, and values
//! written as YAML (for messages and for `--update`).

use serde_json::{Map, Value as Json};

use super::{Mismatch, Scenario, position_of};
use crate::diagnostic::{Located, Path, PathSeg, Severity, msg};
use crate::model::Lang;
use crate::source::{Limits, Node, NodeValue, read_documents};

/// A failed expectation, rendered like a compiler's diagnostic: the expectation's line with a
/// caret under it, then `= expected:` and `= got:`. `text` is the scenario file's text.
pub fn render_mismatch(s: &Scenario, text: &str, m: &Mismatch) -> String {
    render_mismatch_in(s, text, m, Lang::En)
}

/// [`render_mismatch`] said in `lang` (`ja-easy` says it as `ja`): the frame's words, what is
/// expected, and the labels of what was expected and what came out.
pub fn render_mismatch_in(s: &Scenario, text: &str, m: &Mismatch, lang: Lang) -> String {
    let (at, width) = position_of(&s.node, &m.path, m.at_key, 0);
    // A list or mapping is underlined to the end of its first line (its comment left out).
    let width = match width {
        0 => text
            .lines()
            .nth(at.line.saturating_sub(1) as usize)
            .map(|l| {
                let rest: String = l.chars().skip(at.column.saturating_sub(1) as usize).collect();
                let rest = rest.split(" #").next().unwrap_or("").trim_end();
                rest.chars().count().max(1) as u32
            })
            .unwrap_or(1),
        w => w,
    };
    let located = Located {
        file: s.file.clone(),
        line: at.line.max(1),
        column: at.column.max(1),
        width,
        severity: Severity::Error,
        code: "mismatch",
        message: m.what.say(lang),
        fix: None,
    };
    let mut out = located.render_line_in(text.lines().nth(located.line.saturating_sub(1) as usize), lang);
    let pad = " ".repeat(located.line.to_string().len());
    // The two values start in the same column: `= expected: …`, `= got:      …`.
    let labels = [msg!("scenario-expected").say(lang), msg!("scenario-got").say(lang)];
    let wide = labels.iter().map(|l| columns(l)).max().unwrap_or(0);
    for (label, said) in labels.iter().zip([m.expected.say(lang), m.got.say(lang)]) {
        let gap = " ".repeat(wide - columns(label) + 1);
        out.push_str(&format!("{pad} = {label}:{gap}{said}\n"));
    }
    out
}

/// How many columns a terminal gives a label (a full-width character takes two).
fn columns(text: &str) -> usize {
    text.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum()
}

/// Where a failed expectation points in its scenario's file.
pub fn mismatch_position(s: &Scenario, m: &Mismatch) -> crate::source::Position {
    position_of(&s.node, &m.path, m.at_key, 0).0
}

/// A problem with a scenario (or its file), rendered like the checker's diagnostics.
pub fn render_problem(p: &Located, text: &str) -> String {
    p.render(text)
}

/// [`render_problem`] with the frame's words (`error`, `help`) in `lang`; the problem is said
/// in the language it was located in ([`super::read_in`], [`Scenario::locate_in`]).
pub fn render_problem_in(p: &Located, text: &str, lang: Lang) -> String {
    p.render_line_in(text.lines().nth(p.line.saturating_sub(1) as usize), lang)
}

/// Whether `text`, written plain, reads back as this very text both as a mapping's value and
/// as an item of a flow list.
fn plain_ok(text: &str) -> bool {
    if text.is_empty()
        || text.trim() != text
        || text.starts_with('#')
        || text.contains(['\n', '\r', '\t', '"', '\''])
        || text.contains(": ")
        || text.contains(" #")
    {
        return false;
    }
    let reads_as = |doc: String, pick: fn(&NodeValue) -> Option<&NodeValue>| -> bool {
        match read_documents(&doc, Limits::default()) {
            Ok(nodes) => {
                nodes.first().and_then(|n| pick(&n.value)).is_some_and(|v| *v == NodeValue::Str(text.to_string()))
            }
            Err(_) => false,
        }
    };
    reads_as(format!("k: {text}\n"), |v| match v {
        NodeValue::Map(e) => e.first().map(|(_, v)| &v.value),
        _ => None,
    }) && reads_as(format!("[{text}]\n"), |v| match v {
        NodeValue::Seq(items) if items.len() == 1 => items.first().map(|n| &n.value),
        _ => None,
    })
}

/// A scalar or a key as YAML: plain when it reads back as itself, else double-quoted.
fn scalar(text: &str) -> String {
    if plain_ok(text) { text.to_string() } else { serde_json::to_string(text).unwrap_or_else(|_| "\"\"".into()) }
}

/// A value of a scenario's document, its mappings in the order written (the document is
/// written again in that order).
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Val {
    /// A scalar.
    Scalar(Json),
    /// A list.
    Seq(Vec<Val>),
    /// A mapping, in order.
    Map(Vec<(String, Val)>),
}

impl Val {
    pub(crate) fn of(node: &Node) -> Val {
        match &node.value {
            NodeValue::Seq(items) => Val::Seq(items.iter().map(Val::of).collect()),
            NodeValue::Map(entries) => Val::Map(entries.iter().map(|(k, v)| (k.key_text(), Val::of(v))).collect()),
            _ => Val::Scalar(node.to_json()),
        }
    }

    pub(crate) fn from_json(json: &Json) -> Val {
        match json {
            Json::Array(items) => Val::Seq(items.iter().map(Val::from_json).collect()),
            Json::Object(m) => Val::Map(m.iter().map(|(k, v)| (k.clone(), Val::from_json(v))).collect()),
            other => Val::Scalar(other.clone()),
        }
    }

    pub(crate) fn to_json(&self) -> Json {
        match self {
            Val::Scalar(j) => j.clone(),
            Val::Seq(items) => Json::Array(items.iter().map(Val::to_json).collect()),
            Val::Map(entries) => {
                Json::Object(entries.iter().map(|(k, v)| (k.clone(), v.to_json())).collect::<Map<_, _>>())
            }
        }
    }

    pub(crate) fn get(&self, path: &Path) -> Option<&Val> {
        path.0.iter().try_fold(self, |v, seg| match (seg, v) {
            (PathSeg::Key(k), Val::Map(m)) => m.iter().find(|(key, _)| key == k).map(|(_, v)| v),
            (PathSeg::Index(i), Val::Seq(a)) => a.get(*i),
            _ => None,
        })
    }

    /// The value at `path`, made (as empty mappings) where missing.
    pub(crate) fn entry(&mut self, path: &[PathSeg]) -> Option<&mut Val> {
        let mut cur = self;
        for seg in path {
            if let (PathSeg::Key(_), Val::Scalar(Json::Null)) = (seg, &cur) {
                *cur = Val::Map(Vec::new());
            }
            cur = match (seg, cur) {
                (PathSeg::Key(k), Val::Map(m)) => {
                    let at = match m.iter().position(|(key, _)| key == k) {
                        Some(at) => at,
                        None => {
                            m.push((k.clone(), Val::Scalar(Json::Null)));
                            m.len() - 1
                        }
                    };
                    &mut m[at].1
                }
                (PathSeg::Index(i), Val::Seq(a)) => a.get_mut(*i)?,
                _ => return None,
            };
        }
        Some(cur)
    }

    /// Whether it is written on the line of its key (or of its `- `): scalars, lists of
    /// scalars, empty collections.
    pub(crate) fn is_inline(&self) -> bool {
        match self {
            Val::Seq(items) => items.iter().all(|i| matches!(i, Val::Scalar(_))),
            Val::Map(m) => m.is_empty(),
            Val::Scalar(_) => true,
        }
    }
}

/// A value written on one line, in YAML's flow style (`[a, b]`, `{field: x, code: y}`).
pub(crate) fn inline_json(value: &Json) -> String {
    inline(&Val::from_json(value))
}

/// A value written on one line, in YAML's flow style.
pub(crate) fn inline(value: &Val) -> String {
    match value {
        Val::Scalar(Json::String(s)) => scalar(s),
        Val::Scalar(Json::Null) => "null".into(),
        Val::Scalar(other) => other.to_string(),
        Val::Seq(items) => format!("[{}]", items.iter().map(inline).collect::<Vec<_>>().join(", ")),
        Val::Map(map) => {
            format!(
                "{{{}}}",
                map.iter().map(|(k, v)| format!("{}: {}", scalar(k), inline(v))).collect::<Vec<_>>().join(", ")
            )
        }
    }
}

/// A value in YAML's block style, for a place whose continuation lines are indented by
/// `indent` spaces (the first line is written where the value starts). Lists of scalars and
/// empty collections are written in flow style.
pub(crate) fn block(value: &Val, indent: usize) -> String {
    let pad = " ".repeat(indent);
    match value {
        Val::Map(map) if !map.is_empty() => {
            let lines: Vec<String> = map
                .iter()
                .map(|(k, v)| {
                    if v.is_inline() {
                        format!("{}: {}", scalar(k), inline(v))
                    } else {
                        format!("{}:\n{pad}  {}", scalar(k), block(v, indent + 2))
                    }
                })
                .collect();
            lines.join(&format!("\n{pad}"))
        }
        Val::Seq(items) if !value.is_inline() => {
            let lines: Vec<String> = items
                .iter()
                .map(|item| {
                    if item.is_inline() {
                        format!("- {}", inline(item))
                    } else {
                        format!("- {}", block(item, indent + 2))
                    }
                })
                .collect();
            lines.join(&format!("\n{pad}"))
        }
        other => inline(other),
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn values_read_back_as_themselves() {
        for s in [
            "2026-12-04",
            "true",
            "1",
            "a: b",
            "[x]",
            "",
            " lead",
            "x, y",
            "null",
            "東京都",
            "-",
            "a#b",
            "#c",
            "a #c",
            "@x",
            "errors.#",
        ] {
            let doc = format!("k: {}\n", scalar(s));
            let nodes = read_documents(&doc, Limits::default()).unwrap();
            let NodeValue::Map(e) = &nodes[0].value else { panic!("{doc}") };
            assert_eq!(e[0].1.value, NodeValue::Str(s.into()), "{doc}");
        }
        assert_eq!(scalar("2026-12-04"), "2026-12-04");
        assert_eq!(scalar("true"), "\"true\"");
        assert_eq!(scalar("errors.#"), "errors.#");
        let v = json!({"a": [1, "x"], "b": {"c": null, "d": [{"e": "f"}]}, "g": {}});
        let text = format!("k:\n  {}\n", block(&Val::from_json(&v), 2));
        let nodes = read_documents(&text, Limits::default()).unwrap();
        assert_eq!(nodes[0].to_json(), json!({"k": v}), "{text}");
    }
}
