//! A YAML document as a tree of located nodes: what the loader reads before it knows any type.

use crate::diagnostic::PathSeg;

/// A place in a source text: 1-based line and column (in characters), and the byte offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
pub struct Position {
    /// 1-based line.
    pub line: u32,
    /// 1-based column, counted in characters.
    pub column: u32,
    /// Byte offset of the position in the text, when known.
    pub offset: Option<usize>,
}

/// A YAML node with where it stands.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// The value.
    pub value: NodeValue,
    /// Where the node starts.
    pub at: Position,
    /// Byte offset just past the node's text, when known.
    pub end: Option<usize>,
    /// How a scalar was written: plain (`062081`) or quoted, literal or folded.
    pub style: ScalarStyle,
}

/// How a scalar was written in the source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ScalarStyle {
    /// Not a scalar (a list or mapping).
    #[default]
    NotScalar,
    /// Plain text, typed by YAML's core schema (`14`, `true`, `tennyu`).
    Plain,
    /// `'…'` or `"…"`.
    Quoted,
    /// `|` or `>` blocks.
    Block,
    /// Plain text that YAML reads as a tag (`!is_head`): kept as written, reported by the
    /// shape check.
    Tagged,
}

/// The value of a YAML node, typed by YAML's core schema.
#[derive(Debug, Clone, PartialEq)]
pub enum NodeValue {
    /// `~`, `null` or nothing.
    Null,
    /// `true` / `false`.
    Bool(bool),
    /// A whole number.
    Int(i64),
    /// A number with a fraction or exponent (or too large for an integer).
    Float(f64),
    /// A string (quoted, or plain text that is not a number, boolean or null).
    Str(String),
    /// A sequence.
    Seq(Vec<Node>),
    /// A mapping, in the order written; keys are nodes so they keep their own position.
    Map(Vec<(Node, Node)>),
}

impl NodeValue {
    /// What the value is, in the words an author would use.
    pub fn describe(&self) -> &'static str {
        match self {
            NodeValue::Null => "nothing (null)",
            NodeValue::Bool(_) => "true/false",
            NodeValue::Int(_) => "a whole number",
            NodeValue::Float(_) => "a number",
            NodeValue::Str(_) => "text",
            NodeValue::Seq(_) => "a list",
            NodeValue::Map(_) => "a mapping (keys and values)",
        }
    }
}

impl Node {
    /// The value of `key` when this node is a mapping.
    pub fn get(&self, key: &str) -> Option<&Node> {
        self.entry(key).map(|(_, v)| v)
    }

    /// The key node and value node of `key` when this node is a mapping.
    pub fn entry(&self, key: &str) -> Option<(&Node, &Node)> {
        match &self.value {
            NodeValue::Map(entries) => {
                entries.iter().find(|(k, _)| matches!(&k.value, NodeValue::Str(s) if s == key)).map(|(k, v)| (k, v))
            }
            _ => None,
        }
    }

    /// The string value, if the node is a string.
    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            NodeValue::Str(s) => Some(s),
            _ => None,
        }
    }

    /// The node at `path`, following it as far as it goes: returns the deepest node reached
    /// and whether the whole path was found.
    pub fn locate(&self, path: &[PathSeg]) -> (&Node, bool) {
        let mut node = self;
        for seg in path {
            let next = match (seg, &node.value) {
                (PathSeg::Key(k), NodeValue::Map(_)) => node.get(k),
                (PathSeg::Index(i), NodeValue::Seq(items)) => items.get(*i),
                _ => None,
            };
            match next {
                Some(n) => node = n,
                None => return (node, false),
            }
        }
        (node, true)
    }

    /// The position of the *key* that leads to `path`'s last step, when it is a key (used to
    /// point at `requird:` rather than at its value); `occurrence` picks among keys written
    /// more than once.
    pub fn key_position(&self, path: &[PathSeg], occurrence: usize) -> Option<Position> {
        let (last, parent) = path.split_last()?;
        let (parent, found) = self.locate(parent);
        match (found, last, &parent.value) {
            (true, PathSeg::Key(k), NodeValue::Map(entries)) => entries
                .iter()
                .filter(|(key, _)| matches!(&key.value, NodeValue::Str(s) if s == k))
                .nth(occurrence)
                .map(|(key, _)| key.at),
            _ => None,
        }
    }

    /// Converts the tree to JSON (for typed deserialisation once its shape is known to fit).
    pub fn to_json(&self) -> serde_json::Value {
        use serde_json::Value;
        match &self.value {
            NodeValue::Null => Value::Null,
            NodeValue::Bool(b) => Value::Bool(*b),
            NodeValue::Int(i) => Value::from(*i),
            NodeValue::Float(f) => serde_json::Number::from_f64(*f).map_or(Value::Null, Value::Number),
            NodeValue::Str(s) => Value::String(s.clone()),
            NodeValue::Seq(items) => Value::Array(items.iter().map(Node::to_json).collect()),
            NodeValue::Map(entries) => {
                Value::Object(entries.iter().map(|(k, v)| (k.key_text(), v.to_json())).collect())
            }
        }
    }

    /// The text of a node used as a mapping key.
    pub fn key_text(&self) -> String {
        match &self.value {
            NodeValue::Str(s) => s.clone(),
            NodeValue::Int(i) => i.to_string(),
            NodeValue::Float(f) => f.to_string(),
            NodeValue::Bool(b) => b.to_string(),
            NodeValue::Null => "null".to_string(),
            NodeValue::Seq(_) | NodeValue::Map(_) => "<complex key>".to_string(),
        }
    }
}
