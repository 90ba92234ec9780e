//! Reading YAML text into located [`Node`]s, within limits, never panicking.
//!
//! Scalars are typed by YAML 1.2's core schema (so `no` stays the text "no" and `NO` is not
//! `false`): `null`, `true`/`false`, integers, floats; everything else, and everything quoted,
//! is text.

use std::collections::HashMap;

use granit_parser::{Event, Marker, Parser, ScalarStyle as YamlStyle};

use super::node::{Node, NodeValue, Position, ScalarStyle};
use crate::diagnostic::{Message, msg};

/// Limits that keep a hostile or mistaken file from exhausting memory or the stack.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Largest text read, in bytes.
    pub max_bytes: usize,
    /// Deepest nesting of lists and mappings.
    pub max_depth: usize,
    /// Most nodes (after expanding aliases).
    pub max_nodes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits { max_bytes: 8 * 1024 * 1024, max_depth: 64, max_nodes: 500_000 }
    }
}

/// Why a text could not be read as YAML.
#[derive(Debug, Clone, PartialEq)]
pub struct YamlError {
    /// Where the problem is.
    pub at: Position,
    /// What is wrong.
    pub message: Message,
    /// What to do instead.
    pub fix: Message,
    /// Stable code: `yaml-syntax`, `yaml-too-large`, `yaml-too-deep`, `yaml-alias`.
    pub code: &'static str,
}

/// Reads every document of a YAML text (documents are separated by `---`).
pub fn read_documents(text: &str, limits: Limits) -> Result<Vec<Node>, YamlError> {
    if text.len() > limits.max_bytes {
        return Err(YamlError {
            at: Position { line: 1, column: 1, offset: Some(0) },
            message: msg!("yaml-too-large-bytes", bytes = text.len(), max = limits.max_bytes),
            fix: msg!("yaml-too-large-bytes-fix"),
            code: "yaml-too-large",
        });
    }
    let mut options = granit_parser::Options::default();
    options.emit_comments = false;
    Reader { text, parser: Parser::new_from_str_with_options(text, options), limits, nodes: 0, anchors: HashMap::new() }
        .documents()
}

struct Reader<'a> {
    text: &'a str,
    parser: Parser<'a, granit_parser::StrInput<'a>>,
    limits: Limits,
    nodes: usize,
    anchors: HashMap<usize, Node>,
}

fn position(m: &Marker) -> Position {
    Position { line: m.line() as u32, column: m.col() as u32 + 1, offset: m.byte_offset() }
}

impl<'a> Reader<'a> {
    fn next(&mut self) -> Result<Option<(Event<'a>, granit_parser::Span)>, YamlError> {
        {
            match self.parser.next_event() {
                None => Ok(None),
                Some(Err(e)) => Err(explain(self.text, position(e.marker()), &e.info())),
                Some(Ok(ev)) => Ok(Some(ev)),
            }
        }
    }

    fn documents(mut self) -> Result<Vec<Node>, YamlError> {
        let mut docs = Vec::new();
        while let Some((event, span)) = self.next()? {
            match event {
                Event::StreamStart | Event::StreamEnd | Event::DocumentEnd => {}
                Event::DocumentStart(..) => {
                    self.anchors.clear();
                    if let Some(node) = self.node(None, 0)? {
                        docs.push(node);
                    }
                }
                _ => {
                    // Content outside a document does not occur in well-formed streams.
                    return Err(YamlError {
                        at: position(&span.start),
                        message: msg!("yaml-syntax-outside"),
                        fix: msg!("yaml-syntax-outside-fix"),
                        code: "yaml-syntax",
                    });
                }
            }
        }
        Ok(docs)
    }

    fn count(&mut self, at: Position, depth: usize) -> Result<(), YamlError> {
        self.nodes += 1;
        if depth > self.limits.max_depth {
            return Err(YamlError {
                at,
                message: msg!("yaml-too-deep", max = self.limits.max_depth),
                fix: msg!("yaml-too-deep-fix"),
                code: "yaml-too-deep",
            });
        }
        if self.nodes > self.limits.max_nodes {
            return Err(YamlError {
                at,
                message: msg!("yaml-too-large-nodes", max = self.limits.max_nodes),
                fix: msg!("yaml-too-large-nodes-fix"),
                code: "yaml-too-large",
            });
        }
        Ok(())
    }

    /// Reads one node; `first` is an event already taken. Returns `None` at the end of a
    /// collection or document.
    fn node(
        &mut self,
        first: Option<(Event<'a>, granit_parser::Span)>,
        depth: usize,
    ) -> Result<Option<Node>, YamlError> {
        let (event, span) = match first {
            Some(ev) => ev,
            None => match self.next()? {
                Some(ev) => ev,
                None => return Ok(None),
            },
        };
        let at = position(&span.start);
        let end = span.end.byte_offset();
        let node = match event {
            Event::DocumentEnd | Event::SequenceEnd | Event::MappingEnd | Event::StreamEnd => return Ok(None),
            Event::Scalar(text, style, anchor, tag) => {
                self.count(at, depth)?;
                let is_str_tag = tag.as_ref().is_some_and(|t| t.suffix() == "str");
                // `show_if: !is_head` is a YAML *tag* `!is_head` on an empty value, not the
                // negation the author meant: keep what was written and let the shape check
                // say to quote it.
                let local_tag =
                    tag.as_ref().filter(|t| !t.is_yaml_core_schema()).map(|t| format!("{}{}", t.handle(), t.suffix()));
                if let Some(written) = local_tag {
                    let text = if text.is_empty() { written } else { format!("{written} {text}") };
                    let at = span.tag_start.as_ref().map_or(at, position);
                    let node = Node { value: NodeValue::Str(text), at, end, style: ScalarStyle::Tagged };
                    self.remember(anchor, &node);
                    return Ok(Some(node));
                }
                let (value, style) = match style {
                    YamlStyle::Plain if !is_str_tag => (plain_scalar(&text), ScalarStyle::Plain),
                    YamlStyle::Plain => (NodeValue::Str(text.into_owned()), ScalarStyle::Plain),
                    YamlStyle::SingleQuoted | YamlStyle::DoubleQuoted => {
                        (NodeValue::Str(text.into_owned()), ScalarStyle::Quoted)
                    }
                    _ => (NodeValue::Str(text.into_owned()), ScalarStyle::Block),
                };
                let node = Node { value, at, end, style };
                self.remember(anchor, &node);
                node
            }
            Event::SequenceStart(_, anchor, _) => {
                self.count(at, depth)?;
                let mut items = Vec::new();
                while let Some(item) = self.node(None, depth + 1)? {
                    items.push(item);
                }
                let node = Node { value: NodeValue::Seq(items), at, end, style: ScalarStyle::NotScalar };
                self.remember(anchor, &node);
                node
            }
            Event::MappingStart(_, anchor, _) => {
                self.count(at, depth)?;
                let mut entries = Vec::new();
                while let Some(key) = self.node(None, depth + 1)? {
                    let value = match self.node(None, depth + 1)? {
                        Some(v) => v,
                        None => Node { value: NodeValue::Null, at: key.at, end: key.end, style: ScalarStyle::Plain },
                    };
                    entries.push((key, value));
                }
                let node = Node { value: NodeValue::Map(entries), at, end, style: ScalarStyle::NotScalar };
                self.remember(anchor, &node);
                node
            }
            Event::Alias(id) => {
                let Some(target) = self.anchors.get(&id).cloned() else {
                    return Err(YamlError {
                        at,
                        message: msg!("yaml-alias"),
                        fix: msg!("yaml-alias-fix"),
                        code: "yaml-alias",
                    });
                };
                let size = count_nodes(&target);
                self.nodes += size;
                self.count(at, depth)?;
                Node { at, end, ..target }
            }
            _ => {
                return Err(YamlError {
                    at,
                    message: msg!("yaml-syntax-construct"),
                    fix: msg!("yaml-syntax-construct-fix"),
                    code: "yaml-syntax",
                });
            }
        };
        Ok(Some(node))
    }

    fn remember(&mut self, anchor: usize, node: &Node) {
        if anchor != 0 {
            self.anchors.insert(anchor, node.clone());
        }
    }
}

fn count_nodes(node: &Node) -> usize {
    1 + match &node.value {
        NodeValue::Seq(items) => items.iter().map(count_nodes).sum(),
        NodeValue::Map(entries) => entries.iter().map(|(k, v)| count_nodes(k) + count_nodes(v)).sum(),
        _ => 0,
    }
}

/// Turns the parser's words into an author's: what is wrong, at the character that causes it,
/// and what to write instead.
fn explain(text: &str, at: Position, info: &str) -> YamlError {
    let syntax = |at: Position, message: Message, fix: Message| YamlError { at, message, fix, code: "yaml-syntax" };
    let line_start =
        |line: u32| -> usize { text.split_inclusive('\n').take(line.saturating_sub(1) as usize).map(str::len).sum() };
    if info.contains("tab") {
        // The tab that breaks indentation: on the reported line or the next ones.
        for line in at.line.max(1)..at.line + 3 {
            let start = line_start(line);
            let Some(rest) = text.get(start..) else { break };
            let this = rest.split('\n').next().unwrap_or("");
            if let Some(i) = this.find('\t') {
                let column = this[..i].chars().count() as u32 + 1;
                return syntax(
                    Position { line, column, offset: Some(start + i) },
                    msg!("yaml-syntax-tab"),
                    msg!("yaml-syntax-tab-fix"),
                );
            }
        }
    }
    for (open, close) in [('{', '}'), ('[', ']')] {
        if info.contains(&format!("'{close}'"))
            && let Some(offset) = unclosed(text, at.offset.unwrap_or(text.len()), open, close)
        {
            let line = text[..offset].matches('\n').count() as u32 + 1;
            let column = text[line_start(line)..offset].chars().count() as u32 + 1;
            return syntax(
                Position { line, column, offset: Some(offset) },
                msg!("yaml-syntax-unclosed", open = open),
                msg!("yaml-syntax-unclosed-fix", close = close),
            );
        }
    }
    // The parser's words (English, from `granit-parser`) are matched, never shown, except in
    // the last case, which quotes them.
    let (message, fix) = if info.contains("mapping values are not allowed") {
        (msg!("yaml-syntax-colon"), msg!("yaml-syntax-colon-fix"))
    } else if info.contains("did not find expected key") || info.contains("did not find expected node content") {
        (msg!("yaml-syntax-indentation"), msg!("yaml-syntax-indentation-fix"))
    } else if info.contains("cannot start any token") {
        (msg!("yaml-syntax-start"), msg!("yaml-syntax-start-fix"))
    } else if info.contains("expected '-'") || info.contains("block sequence entries are not allowed") {
        (msg!("yaml-syntax-list"), msg!("yaml-syntax-list-fix"))
    } else if info.contains("unclosed quoted scalar")
        || info.contains("did not find expected") && info.contains("quote")
    {
        (msg!("yaml-syntax-quote"), msg!("yaml-syntax-quote-fix"))
    } else {
        return syntax(at, msg!("yaml-syntax", parser = info.lines().next().unwrap_or(info)), msg!("yaml-syntax-fix"));
    };
    syntax(at, message, fix)
}

/// The offset of the last `open` before `end` that no `close` matches (quotes skipped).
fn unclosed(text: &str, end: usize, open: char, close: char) -> Option<usize> {
    let mut stack = Vec::new();
    let mut quote: Option<char> = None;
    for (i, c) in text.get(..end.min(text.len()))?.char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, c) if c == open => stack.push(i),
            (None, c) if c == close => {
                stack.pop();
            }
            (None, '\n') if stack.is_empty() => {}
            _ => {}
        }
    }
    stack.pop()
}

/// Types a plain scalar by YAML 1.2's core schema.
fn plain_scalar(text: &str) -> NodeValue {
    match text {
        "" | "~" | "null" | "Null" | "NULL" => return NodeValue::Null,
        "true" | "True" | "TRUE" => return NodeValue::Bool(true),
        "false" | "False" | "FALSE" => return NodeValue::Bool(false),
        ".inf" | ".Inf" | ".INF" | "+.inf" | "+.Inf" | "+.INF" => return NodeValue::Float(f64::INFINITY),
        "-.inf" | "-.Inf" | "-.INF" => return NodeValue::Float(f64::NEG_INFINITY),
        ".nan" | ".NaN" | ".NAN" => return NodeValue::Float(f64::NAN),
        _ => {}
    }
    let digits = text.strip_prefix(['+', '-']).unwrap_or(text);
    if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
        return match text.parse::<i64>() {
            Ok(i) => NodeValue::Int(i),
            Err(_) => text.parse::<f64>().map_or(NodeValue::Str(text.into()), NodeValue::Float),
        };
    }
    if let Some(oct) = text.strip_prefix("0o")
        && let Ok(i) = i64::from_str_radix(oct, 8)
    {
        return NodeValue::Int(i);
    }
    if let Some(hex) = text.strip_prefix("0x")
        && let Ok(i) = i64::from_str_radix(hex, 16)
    {
        return NodeValue::Int(i);
    }
    if is_core_float(digits)
        && let Ok(f) = text.parse::<f64>()
    {
        return NodeValue::Float(f);
    }
    NodeValue::Str(text.to_string())
}

/// `(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?` without its sign.
fn is_core_float(s: &str) -> bool {
    let (mantissa, exp) = match s.find(['e', 'E']) {
        Some(i) => (&s[..i], Some(&s[i + 1..])),
        None => (s, None),
    };
    let mantissa_ok = match mantissa.split_once('.') {
        Some((int, frac)) => {
            int.bytes().all(|b| b.is_ascii_digit())
                && frac.bytes().all(|b| b.is_ascii_digit())
                && !(int.is_empty() && frac.is_empty())
        }
        None => !mantissa.is_empty() && mantissa.bytes().all(|b| b.is_ascii_digit()),
    };
    let exp_ok = exp.is_none_or(|e| {
        let e = e.strip_prefix(['+', '-']).unwrap_or(e);
        !e.is_empty() && e.bytes().all(|b| b.is_ascii_digit())
    });
    mantissa_ok && exp_ok
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::PathSeg;

    fn read(text: &str) -> Vec<Node> {
        read_documents(text, Limits::default()).expect("valid yaml")
    }

    #[test]
    fn nodes_know_where_they_stand_and_how_they_were_written() {
        let text =
            "kind: procedure\nform:\n  pages:\n    - id: \"062081\"\n      n: 062081\n      no: no\n---\nkind: town\n";
        let docs = read(text);
        assert_eq!(docs.len(), 2);
        let page = docs[0].locate(&[PathSeg::Key("form".into()), PathSeg::Key("pages".into()), PathSeg::Index(0)]).0;
        let id = page.get("id").unwrap();
        assert_eq!(id.value, NodeValue::Str("062081".into()));
        assert_eq!(id.style, ScalarStyle::Quoted);
        assert_eq!((id.at.line, id.at.column), (4, 11));
        assert_eq!(page.get("n").unwrap().value, NodeValue::Int(62081));
        assert_eq!(page.get("no").unwrap().value, NodeValue::Str("no".into()));
        assert_eq!(docs[1].get("kind").unwrap().at.line, 8);
    }

    #[test]
    fn core_schema_types_plain_scalars() {
        for (text, want) in [
            ("a: 14", NodeValue::Int(14)),
            ("a: -3", NodeValue::Int(-3)),
            ("a: 1.5", NodeValue::Float(1.5)),
            ("a: true", NodeValue::Bool(true)),
            ("a: ~", NodeValue::Null),
            ("a: yes", NodeValue::Str("yes".into())),
            ("a: 1.0.0", NodeValue::Str("1.0.0".into())),
            ("a: 2025-01-05", NodeValue::Str("2025-01-05".into())),
            ("a: !!str 14", NodeValue::Str("14".into())),
        ] {
            assert_eq!(read(text)[0].get("a").unwrap().value, want, "{text}");
        }
    }

    #[test]
    fn syntax_errors_are_located() {
        let err = read_documents("a: [1, 2\nb: 3\n", Limits::default()).unwrap_err();
        assert_eq!(err.code, "yaml-syntax");
        assert!(err.at.line >= 1);
    }

    #[test]
    fn alias_bombs_hit_the_node_limit() {
        let mut text = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        let mut prev = 'a';
        for name in ['b', 'c', 'd', 'e', 'f', 'g', 'h'] {
            text.push_str(&format!("{name}: &{name} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"));
            prev = name;
        }
        let err = read_documents(&text, Limits::default()).unwrap_err();
        assert_eq!(err.code, "yaml-too-large");
    }

    #[test]
    fn deep_nesting_is_refused_not_overflowed() {
        let text = "[".repeat(10_000) + &"]".repeat(10_000);
        let err = read_documents(&text, Limits::default()).unwrap_err();
        assert!(matches!(err.code, "yaml-too-deep" | "yaml-syntax"), "{err:?}");
    }
}
