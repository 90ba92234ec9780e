//! The canonical layout of definition files: what `tetsuzuki fmt` writes (authoring only).
//!
//! [`lay_out`] takes the text of a definition file and gives it back in one layout, text in and
//! text out (no I/O):
//!
//! - **Indentation**: two spaces; lists indented under their key (`legal_basis:` / `  - law: …`);
//!   mappings and lists in block style. A flow collection the author wrote on one line
//!   (`title: {ja: …, en: …}`, `channels: [online, counter]`) stays on one line when every value
//!   in it is a one-line scalar, no comment is inside it and the line fits in [`FLOW_WIDTH`]
//!   characters; otherwise it is written in block style. Block style is never turned into flow,
//!   so an author's choice between the two layouts of a short text stays theirs.
//! - **Key order**: the order of the fields in the model's types (`kind`, `sample`, `id`,
//!   `version`, `title`, `summary`, …), found by walking the JSON Schema of the format
//!   ([`crate::schema::definition_schema`]) to learn which type a mapping is, and asking that
//!   type's serde `Deserialize` for its field names (serde lists them in declaration order). A
//!   field added to a type takes its place without any change here; a test checks that every
//!   object of the schema has its type listed. Keys the model does not know keep their relative
//!   order after the known ones; keys of free maps (`mappings`, `presets`) keep the author's order.
//! - **Quoting**: a string is written plain when YAML 1.2's core schema reads the plain text
//!   back as the same string (checked with the project's own reader, so `"1"`, `"true"`,
//!   `"063657"`, `"1.5"` stay quoted and `1.0.0` needs no quotes); otherwise in double
//!   quotes, with escapes, or in single quotes when the text has `"` in it and nothing that
//!   needs an escape (an expression's strings: `'"name" in changes'`, as docs/format.md
//!   advises). Plain text never starts with an indicator
//!   (`! & * ' " - ? : , [ ] { } # | > % @` and `` ` ``), never holds `: `, ` #` or a tab, and in
//!   flow collections never holds `, [ ] { }` or `:` (`{imi: "ic:住所"}`, which YAML 1.1 readers
//!   misread plain). Numbers keep the digits written when they read
//!   back as the same number; booleans are `true`/`false`.
//! - **Block scalars** (`|`, `>`, with their chomping) stay block scalars: their lines are kept
//!   as written, re-indented.
//! - **Comments**: the reader ([`crate::source`]) drops comments, so this module finds them
//!   itself in the text: a `#` at a line's start or after a space, outside every quoted and
//!   block scalar (the reader gives their places; a plain scalar cannot hold ` #`). A comment
//!   on a line of its own belongs to the entry (key or list item) that follows it and moves with
//!   it when keys are reordered; a comment after content belongs to the last value started on
//!   its line and stays at the end of that value's line; comments before a document's first key
//!   (`# yaml-language-server: $schema=…`, `# SAMPLE DATA …`) stay at its top; comments after
//!   the last entry stay at the end. One blank line is kept where the author left one or more.
//!   No new YAML parser was written and no crate was added: the reader's parser, granit-parser,
//!   can emit comments only behind its `comments` feature, which is left off (the reader skips
//!   them), and the places the reader already gives are enough.
//! - One `\n` at the end of the file, no trailing spaces (except inside block scalars, where
//!   they are the text's).
//!
//! **Safety.** [`lay_out`] never returns a text it could not read back identically: it reads the
//! original and the result with [`crate::source::read_documents`] (what `check` reads) and
//! compares the values (the order of keys aside); it checks that every comment is still there
//! and that laying the result out again changes nothing. Any difference is a [`LayoutError`]
//! located at the first difference in the original, and the caller writes nothing.

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::OnceLock;

use serde_json::Value;

use crate::model::{
    AfterSubmit, Applicability, AsMember, ChoiceOption, Code, CodeList, Concept, DeadlineRule, DeadlineVariant,
    Department, Fee, Field, FieldOverride, Form, LegalBasis, LifeEvent, LocalFields, Offering, Page, Procedure, Region,
    RequiredDocument, Rule, SharedModel, Text, Town, Visit, Vocabulary,
};
use crate::schema::definition_schema;
use crate::source::{Limits, Node, NodeValue, Position, ScalarStyle, YamlError, read_documents};

/// The longest line, in characters, on which a flow collection (`{ja: …, en: …}`) stays on
/// one line; a longer one is written in block style.
pub const FLOW_WIDTH: usize = 160;

/// Why a text was not laid out: it is not YAML the loader reads (`yaml-*` codes, as `check`
/// reports them), or the layout would not read back identically (`fmt-*` codes).
#[derive(Debug, Clone, PartialEq)]
pub struct LayoutError {
    /// Where, in the original text.
    pub at: Position,
    /// Stable code: the reader's (`yaml-syntax`, `yaml-too-large`…), `fmt-complex-key`,
    /// `fmt-changed-value`, `fmt-lost-comment` or `fmt-unstable`.
    pub code: &'static str,
    /// What is wrong.
    pub message: String,
    /// What to do.
    pub fix: String,
}

impl From<YamlError> for LayoutError {
    fn from(e: YamlError) -> LayoutError {
        LayoutError { at: e.at, code: e.code, message: e.message.to_string(), fix: e.fix.to_string() }
    }
}

/// Lays a definition file's text out canonically (see the module's documentation). The result
/// reads back as the same values, keeps every comment, and is its own layout.
pub fn lay_out(text: &str) -> Result<String, LayoutError> {
    let docs = read_documents(text, Limits::default())?;
    let laid = render(text, &docs)?;
    let start = Position { line: 1, column: 1, offset: Some(0) };
    let back = read_documents(&laid, Limits::default()).map_err(|e| LayoutError {
        at: start,
        code: "fmt-changed-value",
        message: format!(
            "the laid-out file would not read back (line {} of the result: {}), so it was not written",
            e.at.line, e.message
        ),
        fix: FIX_BUG.into(),
    })?;
    let (old, new) = (documents(&docs), documents(&back));
    if old.len() != new.len() {
        return Err(changed(start, "the laid-out file would hold a different number of documents"));
    }
    for (a, b) in old.iter().zip(&new) {
        same(a, b).map_err(|at| changed(at, "this value would read back differently once laid out"))?;
    }
    let before = find_comments(text, &old);
    let after = find_comments(&laid, &new);
    let mut kept: Vec<&str> = after.iter().map(|c| c.text.as_str()).collect();
    for c in &before {
        match kept.iter().position(|k| *k == c.text) {
            Some(i) => {
                kept.swap_remove(i);
            }
            None => {
                return Err(LayoutError {
                    at: position_in(text, c.at),
                    code: "fmt-lost-comment",
                    message: "this comment would be lost or changed once laid out, so the file was not written".into(),
                    fix: FIX_BUG.into(),
                });
            }
        }
    }
    if !kept.is_empty() {
        return Err(changed(start, "the laid-out file would hold a comment the original does not"));
    }
    let again = render(&laid, &back)?;
    if again != laid {
        let line = laid.lines().zip(again.lines()).position(|(a, b)| a != b).unwrap_or(0) + 1;
        return Err(LayoutError {
            at: start,
            code: "fmt-unstable",
            message: format!(
                "laying the file out twice gives two texts (line {line} of the result), so it was not written"
            ),
            fix: FIX_BUG.into(),
        });
    }
    Ok(laid)
}

const FIX_BUG: &str = "lay this part out by hand and report it as a bug of `tetsuzuki fmt`";

fn changed(at: Position, message: &str) -> LayoutError {
    LayoutError {
        at,
        code: "fmt-changed-value",
        message: format!("{message}, so the file was not written"),
        fix: FIX_BUG.into(),
    }
}

/// The documents that define something: an empty document (a trailing `---`) is none, as for
/// the loader.
fn documents(docs: &[Node]) -> Vec<&Node> {
    docs.iter().filter(|d| d.value != NodeValue::Null).collect()
}

/// Whether two nodes hold the same value (mapping keys in any order, each key's occurrences in
/// order); where they first differ, in `a`, if not.
fn same(a: &Node, b: &Node) -> Result<(), Position> {
    let tagged = |n: &Node| n.style == ScalarStyle::Tagged;
    match (&a.value, &b.value) {
        (NodeValue::Seq(x), NodeValue::Seq(y)) => {
            if x.len() != y.len() {
                return Err(a.at);
            }
            x.iter().zip(y).try_for_each(|(p, q)| same(p, q))
        }
        (NodeValue::Map(x), NodeValue::Map(y)) => {
            if x.len() != y.len() {
                return Err(a.at);
            }
            let mut used = vec![false; y.len()];
            for (k, v) in x {
                let Some(j) = (0..y.len()).find(|&j| !used[j] && same(k, &y[j].0).is_ok()) else {
                    return Err(k.at);
                };
                used[j] = true;
                same(v, &y[j].1)?;
            }
            Ok(())
        }
        (NodeValue::Float(x), NodeValue::Float(y)) if x.is_nan() && y.is_nan() => Ok(()),
        (x, y) if x == y && tagged(a) == tagged(b) => Ok(()),
        _ => Err(a.at),
    }
}

/// The 1-based line and column of byte `offset` of `text`.
fn position_in(text: &str, offset: usize) -> Position {
    let before = text.get(..offset).unwrap_or(text);
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    Position {
        line: before.matches('\n').count() as u32 + 1,
        column: before[line_start..].chars().count() as u32 + 1,
        offset: Some(offset),
    }
}

// ---------------------------------------------------------------------------------------------
// Key order: the model's field order, by the schema's type names.

/// Field names in declaration order, as serde's derived `Deserialize` gives them to
/// `deserialize_struct`: the probe records them and stops.
fn fields_of<T: serde::de::DeserializeOwned>() -> &'static [&'static str] {
    let mut found = None;
    let _ = T::deserialize(FieldProbe(&mut found));
    found.unwrap_or(&[])
}

struct FieldProbe<'a>(&'a mut Option<&'static [&'static str]>);

#[derive(Debug)]
struct Stop;

impl std::fmt::Display for Stop {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("field names read")
    }
}

impl std::error::Error for Stop {}

impl serde::de::Error for Stop {
    fn custom<T: std::fmt::Display>(_: T) -> Stop {
        Stop
    }
}

impl<'de> serde::Deserializer<'de> for FieldProbe<'_> {
    type Error = Stop;

    fn deserialize_any<V: serde::de::Visitor<'de>>(self, _: V) -> Result<V::Value, Stop> {
        Err(Stop)
    }

    fn deserialize_struct<V: serde::de::Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        _visitor: V,
    ) -> Result<V::Value, Stop> {
        *self.0 = Some(fields);
        Err(Stop)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf option
        unit unit_struct newtype_struct seq tuple tuple_struct map enum identifier ignored_any
    }
}

/// The model type of each document kind, by its `kind` word.
fn kind_fields() -> Vec<(&'static str, &'static [&'static str])> {
    vec![
        ("procedure", fields_of::<Procedure>()),
        ("life_event", fields_of::<LifeEvent>()),
        ("vocabulary", fields_of::<Vocabulary>()),
        ("code_list", fields_of::<CodeList>()),
        ("town", fields_of::<Town>()),
        ("model", fields_of::<SharedModel>()),
        ("region", fields_of::<Region>()),
    ]
}

/// The model type of each object of the schema, by its name under `$defs`.
fn def_fields() -> Vec<(&'static str, &'static [&'static str])> {
    vec![
        ("AfterSubmit", fields_of::<AfterSubmit>()),
        ("Applicability", fields_of::<Applicability>()),
        ("AsMember", fields_of::<AsMember>()),
        ("ChoiceOption", fields_of::<ChoiceOption>()),
        ("Code", fields_of::<Code>()),
        ("Concept", fields_of::<Concept>()),
        ("DeadlineRule", fields_of::<DeadlineRule>()),
        ("DeadlineVariant", fields_of::<DeadlineVariant>()),
        ("Department", fields_of::<Department>()),
        ("Fee", fields_of::<Fee>()),
        ("Field", fields_of::<Field>()),
        ("FieldOverride", fields_of::<FieldOverride>()),
        ("Form", fields_of::<Form>()),
        ("LegalBasis", fields_of::<LegalBasis>()),
        ("LocalFields", fields_of::<LocalFields>()),
        ("Offering", fields_of::<Offering>()),
        ("Page", fields_of::<Page>()),
        ("RequiredDocument", fields_of::<RequiredDocument>()),
        ("Rule", fields_of::<Rule>()),
        ("Text", fields_of::<Text>()),
        ("Visit", fields_of::<Visit>()),
    ]
}

/// The key order of every object the schema describes.
struct Orders {
    /// By `$defs` name.
    defs: HashMap<&'static str, Vec<&'static str>>,
    /// By the address of a document kind's schema (the branches of the root's `oneOf`), with
    /// `kind` first.
    kinds: HashMap<usize, Vec<&'static str>>,
    /// The document kinds' schemas, by `kind` word.
    branches: HashMap<String, &'static Value>,
}

fn orders() -> &'static Orders {
    static ORDERS: OnceLock<Orders> = OnceLock::new();
    ORDERS.get_or_init(|| {
        let root = definition_schema();
        let defs = def_fields().into_iter().map(|(name, fields)| (name, fields.to_vec())).collect();
        let by_kind: HashMap<_, _> = kind_fields().into_iter().collect();
        let mut kinds = HashMap::new();
        let mut branches = HashMap::new();
        for branch in root.get("oneOf").and_then(Value::as_array).into_iter().flatten() {
            let Some(kind) = branch.pointer("/properties/kind/const").and_then(Value::as_str) else { continue };
            branches.insert(kind.to_string(), branch);
            let mut order = vec!["kind"];
            order.extend(by_kind.get(kind).copied().unwrap_or(&[]).iter().copied().filter(|f| *f != "kind"));
            kinds.insert(std::ptr::from_ref(branch) as usize, order);
        }
        Orders { defs, kinds, branches }
    })
}

/// A type's name (or a document's `kind`) and its fields in order.
pub type KeyOrder = (&'static str, Vec<&'static str>);

/// Names under `$defs` of the schema objects whose key order [`lay_out`] knows, and of the
/// document kinds: for the test that keeps them in step with the schema.
#[doc(hidden)]
pub fn known_orders() -> (Vec<KeyOrder>, Vec<KeyOrder>) {
    (
        def_fields().into_iter().map(|(n, f)| (n, f.to_vec())).collect(),
        kind_fields().into_iter().map(|(n, f)| (n, f.to_vec())).collect(),
    )
}

/// A schema with its `$ref` followed (and an optional value's `anyOf [X, null]` opened).
fn resolve(schema: &'static Value) -> &'static Value {
    let defs = definition_schema().get("$defs");
    let mut s = schema;
    for _ in 0..8 {
        if let Some(name) = s.get("$ref").and_then(Value::as_str).and_then(|r| r.strip_prefix("#/$defs/"))
            && let Some(def) = defs.and_then(|d| d.get(name))
        {
            s = def;
            continue;
        }
        let branches = s.get("anyOf").or_else(|| s.get("oneOf")).and_then(Value::as_array);
        if let Some(branches) = branches {
            let mut real = branches.iter().filter(|b| b.get("type").and_then(Value::as_str) != Some("null"));
            if let (Some(one), None) = (real.next(), real.next())
                && (one.get("$ref").is_some() || one.get("properties").is_some())
            {
                s = one;
                continue;
            }
        }
        break;
    }
    s
}

/// The `$defs` name a schema refers to, if any.
fn def_name(schema: &'static Value) -> Option<&'static str> {
    let defs = definition_schema().get("$defs")?.as_object()?;
    let resolved = resolve(schema);
    defs.iter().find(|(_, v)| std::ptr::eq(*v, resolved)).map(|(k, _)| k.as_str())
}

fn property(schema: Option<&'static Value>, key: &str) -> Option<&'static Value> {
    let s = resolve(schema?);
    s.get("properties").and_then(|p| p.get(key)).or_else(|| s.get("additionalProperties").filter(|v| v.is_object()))
}

fn items(schema: Option<&'static Value>) -> Option<&'static Value> {
    resolve(schema?).get("items")
}

fn order_of(schema: Option<&'static Value>) -> Option<&'static [&'static str]> {
    let schema = schema?;
    let o = orders();
    if let Some(order) = o.kinds.get(&(std::ptr::from_ref(schema) as usize)) {
        return Some(order);
    }
    def_name(schema).and_then(|n| o.defs.get(n)).map(Vec::as_slice)
}

/// The schema of a document, by its `kind`.
fn document_schema(doc: &Node) -> Option<&'static Value> {
    orders().branches.get(doc.get("kind")?.as_str()?).copied()
}

// ---------------------------------------------------------------------------------------------
// Comments, found in the text.

#[derive(Debug, Clone)]
struct Comment {
    /// Byte offset of the `#`.
    at: usize,
    /// 1-based line.
    line: u32,
    /// What follows the `#`, trailing spaces removed.
    text: String,
    /// Alone on its line.
    own_line: bool,
    /// The line before it is blank.
    blank_before: bool,
}

struct Src<'t> {
    text: &'t str,
    starts: Vec<usize>,
}

impl<'t> Src<'t> {
    fn new(text: &'t str) -> Src<'t> {
        Src { text, starts: std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect() }
    }

    /// Line `line` (1-based) without its line break.
    fn line(&self, line: u32) -> Option<&'t str> {
        let i = (line as usize).checked_sub(1)?;
        let start = *self.starts.get(i)?;
        let end = self.starts.get(i + 1).map_or(self.text.len(), |n| n - 1);
        self.text.get(start..end).map(|l| l.strip_suffix('\r').unwrap_or(l))
    }

    fn line_of(&self, offset: usize) -> u32 {
        self.starts.partition_point(|s| *s <= offset) as u32
    }

    fn blank(&self, line: u32) -> bool {
        self.line(line).is_some_and(|l| l.trim().is_empty())
    }

    /// The line before `line` is blank.
    fn blank_before(&self, line: u32) -> bool {
        line > 1 && self.blank(line - 1)
    }
}

/// A block scalar as written: its indicator (`|`, `>-`…), and its lines after the header.
struct BlockText {
    header: String,
    /// Where the content lines start and end (bytes).
    content: (usize, usize),
    /// The lines, without the content's indentation (`""` for empty lines).
    lines: Vec<String>,
}

/// The reader places a block scalar at its first content line: its header is on the last
/// line before that which is not blank, after `key:` or `-`.
fn block_text(src: &Src, node: &Node) -> Option<BlockText> {
    let o = node.at.offset?;
    let mut header_line = src.line_of(o);
    if src.line(header_line).is_some_and(|l| l.trim_start().starts_with(['|', '>'])) {
        // Written on the header's line (`--- |`, or the reader placed it there).
    } else {
        header_line -= 1;
        while header_line > 1 && src.blank(header_line) {
            header_line -= 1;
        }
    }
    let line = src.line(header_line)?;
    let header = line.char_indices().find_map(|(i, c)| {
        let before = line[..i].trim_end();
        let token: String = line[i..].chars().take_while(|c| matches!(c, '|' | '>' | '+' | '-' | '0'..='9')).collect();
        let after = line[i + token.len()..].trim_start();
        (matches!(c, '|' | '>')
            && (before.is_empty() || before.ends_with([':', '-']))
            && (i == 0 || line[..i].ends_with([' ', '\t']))
            && (after.is_empty() || after.starts_with('#')))
        .then_some(token)
    })?;
    if header.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    let keep = header.contains('+');
    let mut lines: Vec<(u32, &str)> = Vec::new();
    let mut indent = None;
    let mut line = header_line + 1;
    while let Some(l) = src.line(line) {
        let spaces = l.len() - l.trim_start_matches(' ').len();
        if l.trim().is_empty() {
            lines.push((line, l));
        } else {
            let n = *indent.get_or_insert(spaces);
            if spaces < n {
                break;
            }
            lines.push((line, l));
        }
        line += 1;
    }
    let indent = indent.unwrap_or(usize::MAX);
    if !keep {
        while lines.last().is_some_and(|(_, l)| l.trim().is_empty()) {
            lines.pop();
        }
    }
    let start = src.starts.get(header_line as usize).copied().unwrap_or(src.text.len());
    let end = lines.last().map_or(start, |(n, l)| src.starts[*n as usize - 1] + l.len());
    let lines = lines
        .iter()
        .map(|(_, l)| {
            if l.len() <= indent && l.trim().is_empty() { String::new() } else { l[indent.min(l.len())..].to_string() }
        })
        .collect();
    Some(BlockText { header, content: (start, end), lines })
}

fn walk<'n>(node: &'n Node, f: &mut impl FnMut(&'n Node)) {
    f(node);
    match &node.value {
        NodeValue::Seq(items) => items.iter().for_each(|i| walk(i, f)),
        NodeValue::Map(entries) => entries.iter().for_each(|(k, v)| {
            walk(k, f);
            walk(v, f);
        }),
        _ => {}
    }
}

/// Every comment of a text the reader read into `docs`.
fn find_comments(text: &str, docs: &[&Node]) -> Vec<Comment> {
    let src = Src::new(text);
    let mut inside: Vec<(usize, usize)> = Vec::new();
    for doc in docs {
        walk(doc, &mut |n| match n.style {
            ScalarStyle::Quoted => {
                if let (Some(s), Some(e)) = (n.at.offset, n.end) {
                    inside.push((s, e));
                }
            }
            ScalarStyle::Block => {
                if let Some(b) = block_text(&src, n) {
                    inside.push(b.content);
                } else if let (Some(s), Some(e)) = (n.at.offset, n.end) {
                    inside.push((s, e));
                }
            }
            _ => {}
        });
    }
    inside.sort_unstable();
    let mut out = Vec::new();
    for (i, start) in src.starts.iter().enumerate() {
        let line = i as u32 + 1;
        let Some(l) = src.line(line) else { continue };
        let mut prev = None;
        for (j, c) in l.char_indices() {
            let at = start + j;
            if c == '#' && prev.is_none_or(|p: char| p == ' ' || p == '\t') {
                let covered = inside.iter().any(|(s, e)| *s <= at && at < *e);
                if !covered {
                    out.push(Comment {
                        at,
                        line,
                        text: l[j + 1..].trim_end().to_string(),
                        own_line: l[..j].trim().is_empty(),
                        blank_before: src.blank_before(line),
                    });
                    break;
                }
            }
            prev = Some(c);
        }
    }
    out
}

/// Where each comment goes.
#[derive(Default)]
struct Attached {
    /// Own-line comments before an entry: by the address of its key (mapping) or item (list).
    leading: HashMap<usize, Vec<usize>>,
    /// Comments after content on a line: by the address of the last node started on it.
    trailing: HashMap<usize, Vec<usize>>,
    /// Comments before each document's first entry.
    header: Vec<Vec<usize>>,
    /// Comments after the last entry of the last document.
    footer: Vec<usize>,
}

fn addr(node: &Node) -> usize {
    std::ptr::from_ref(node) as usize
}

#[derive(Clone, Copy)]
enum Target {
    Document(usize),
    Entry(usize),
}

fn attach(docs: &[&Node], comments: &[Comment]) -> Attached {
    let mut targets: Vec<(usize, Target)> = Vec::new();
    let mut nodes: Vec<(usize, u32, usize)> = Vec::new();
    for (i, doc) in docs.iter().enumerate() {
        targets.push((doc.at.offset.unwrap_or(0), Target::Document(i)));
        fn entries(n: &Node, targets: &mut Vec<(usize, Target)>) {
            match &n.value {
                NodeValue::Map(es) => {
                    for (k, v) in es {
                        targets.push((k.at.offset.unwrap_or(0), Target::Entry(addr(k))));
                        entries(v, targets);
                    }
                }
                NodeValue::Seq(items) => {
                    for item in items {
                        targets.push((item.at.offset.unwrap_or(0), Target::Entry(addr(item))));
                        entries(item, targets);
                    }
                }
                _ => {}
            }
        }
        entries(doc, &mut targets);
        walk(doc, &mut |n| nodes.push((n.at.offset.unwrap_or(0), n.at.line, addr(n))));
    }
    // Stable: among entries starting at one place, the outermost (a list item before its
    // first key) comes first.
    targets.sort_by_key(|(o, _)| *o);
    let mut out = Attached { header: vec![Vec::new(); docs.len()], ..Attached::default() };
    for (i, c) in comments.iter().enumerate() {
        if !c.own_line {
            let owner = nodes.iter().filter(|(o, line, _)| *line == c.line && *o <= c.at).max_by_key(|(o, _, _)| *o);
            if let Some((_, _, a)) = owner {
                out.trailing.entry(*a).or_default().push(i);
                continue;
            }
        }
        let next = targets.partition_point(|(o, _)| *o <= c.at);
        match targets.get(next) {
            Some((_, Target::Document(d))) => out.header[*d].push(i),
            Some((_, Target::Entry(a))) => out.leading.entry(*a).or_default().push(i),
            None => out.footer.push(i),
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// The layout, decided, then written.

enum Shape {
    /// One line: a scalar, `{}`/`[]`, or a flow collection.
    Inline(String),
    /// A block scalar: indicator and lines.
    Block(String, Vec<String>),
    Map(Vec<Entry>),
    Seq(Vec<Item>),
}

struct Laid {
    shape: Shape,
    /// Comments at the end of the line the value ends.
    trailing: Vec<usize>,
}

struct Entry {
    leading: Vec<usize>,
    blank: bool,
    key: String,
    key_trailing: Vec<usize>,
    value: Laid,
}

struct Item {
    leading: Vec<usize>,
    blank: bool,
    value: Laid,
}

struct Layout<'a> {
    src: Src<'a>,
    comments: Vec<Comment>,
    attached: Attached,
    /// Whether a text reads back as itself when written plain, by text and context.
    plain_cache: RefCell<HashMap<(String, bool), bool>>,
}

fn render(text: &str, docs: &[Node]) -> Result<String, LayoutError> {
    let docs = documents(docs);
    let comments = find_comments(text, &docs);
    let attached = attach(&docs, &comments);
    let layout = Layout { src: Src::new(text), comments, attached, plain_cache: RefCell::new(HashMap::new()) };
    let markers: Vec<usize> = layout
        .src
        .starts
        .iter()
        .copied()
        .filter(|s| {
            let rest = &text[*s..];
            rest.starts_with("---") && rest[3..].chars().next().is_none_or(char::is_whitespace)
        })
        .collect();
    let mut out = Out::default();
    let mut previous = 0;
    for (i, doc) in docs.iter().enumerate() {
        let start = doc.at.offset.unwrap_or(0);
        let marker = markers.iter().copied().rfind(|m| *m < start && (i == 0 || *m >= previous));
        previous = start;
        let header = &layout.attached.header[i];
        let (before, after): (Vec<usize>, Vec<usize>) =
            header.iter().partition(|c| marker.is_some_and(|m| layout.comments[**c].at < m));
        layout.comment_lines(&mut out, &before, 0);
        if i > 0 || marker.is_some() {
            out.buf.push_str("---\n");
            out.fresh = true;
        }
        layout.comment_lines(&mut out, &after, 0);
        let laid = layout.prepare(doc, document_schema(doc), 0, 0, false)?;
        match &laid.shape {
            Shape::Map(entries) => layout.entries(&mut out, entries, 0, false),
            Shape::Seq(items) => layout.items(&mut out, items, 0, false),
            Shape::Inline(s) => {
                out.buf.push_str(s);
                out.pending.extend(laid.trailing.iter().copied());
                layout.end_line(&mut out);
            }
            Shape::Block(header, lines) => {
                out.buf.push_str(header);
                out.pending.extend(laid.trailing.iter().copied());
                layout.end_line(&mut out);
                out.block_lines(lines, 2);
            }
        }
    }
    layout.comment_lines(&mut out, &layout.attached.footer, 0);
    let mut text = out.buf;
    while text.ends_with("\n\n") {
        text.pop();
    }
    Ok(text)
}

#[derive(Default)]
struct Out {
    buf: String,
    /// Trailing comments waiting for the end of the line.
    pending: Vec<usize>,
    /// Just after a line that opens a block: no blank line here.
    fresh: bool,
}

impl Out {
    fn blank(&mut self) {
        if !self.fresh && !self.buf.is_empty() && !self.buf.ends_with("\n\n") {
            self.buf.push('\n');
        }
    }

    fn indent(&mut self, n: usize) {
        self.buf.extend(std::iter::repeat_n(' ', n));
    }

    fn block_lines(&mut self, lines: &[String], indent: usize) {
        for l in lines {
            if !l.is_empty() {
                self.indent(indent);
                self.buf.push_str(l);
            }
            self.buf.push('\n');
        }
        self.fresh = false;
    }
}

const INDICATORS: &[char] =
    &['-', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`'];

/// Characters written escaped in double quotes and never plain.
fn needs_escape(c: char) -> bool {
    (c < ' ' && c != '\t')
        || c == '\u{7f}'
        || ('\u{80}'..'\u{a0}').contains(&c)
        || matches!(c, '\u{2028}' | '\u{2029}' | '\u{feff}' | '\u{fffe}' | '\u{ffff}')
}

fn double_quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\0' => out.push_str("\\0"),
            c if needs_escape(c) => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Whether `s` may be written plain, by the characters alone (the reading back is checked
/// apart).
fn plain_shape(s: &str, flow: bool) -> bool {
    let Some(first) = s.chars().next() else { return false };
    let last = s.chars().last().unwrap_or(first);
    if INDICATORS.contains(&first) || first == ' ' || last == ' ' || last == ':' {
        return false;
    }
    if s.starts_with("...") || s.contains(": ") || s.contains(" #") {
        return false;
    }
    if s.chars().any(|c| c == '\n' || c == '\r' || c == '\t' || needs_escape(c)) {
        return false;
    }
    !(flow && s.contains([',', '[', ']', '{', '}', ':']))
}

/// Text that YAML 1.1 readers (and people) take for a date or a yes/no: written in quotes
/// although YAML 1.2 reads it plain as text (`"2025-04-01"`, `"no"`, `"on"`), so that other
/// tools read it as text too. (Versions such as `1.0.0` are written plain, as the sample files
/// mostly write them.)
fn looks_typed(s: &str) -> bool {
    let words = ["y", "yes", "n", "no", "on", "off"];
    let digits =
        |p: &str, min: usize, max: usize| (min..=max).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit());
    let date = {
        let mut parts = s.splitn(3, '-');
        matches!((parts.next(), parts.next(), parts.next()), (Some(y), Some(m), Some(d))
            if digits(y, 4, 4) && digits(m, 1, 2) && digits(d, 1, 2))
    };
    words.contains(&s.to_ascii_lowercase().as_str()) || date
}

impl Layout<'_> {
    fn comment_lines(&self, out: &mut Out, list: &[usize], indent: usize) {
        for i in list {
            let c = &self.comments[*i];
            if c.blank_before {
                out.blank();
            }
            out.indent(indent);
            out.buf.push('#');
            out.buf.push_str(&c.text);
            out.buf.push('\n');
            out.fresh = false;
        }
    }

    fn end_line(&self, out: &mut Out) {
        for i in std::mem::take(&mut out.pending) {
            out.buf.push_str(" #");
            out.buf.push_str(&self.comments[i].text);
        }
        out.buf.push('\n');
        out.fresh = false;
    }

    fn trailing_of(&self, node: &Node) -> Vec<usize> {
        self.attached.trailing.get(&addr(node)).cloned().unwrap_or_default()
    }

    fn leading_of(&self, node: &Node) -> Vec<usize> {
        self.attached.leading.get(&addr(node)).cloned().unwrap_or_default()
    }

    /// Whether the plain text `s` reads back as the string `s`, in a block mapping or (with
    /// `flow`) in a flow list.
    fn reads_back_plain(&self, s: &str, flow: bool) -> bool {
        if let Some(known) = self.plain_cache.borrow().get(&(s.to_string(), flow)) {
            return *known;
        }
        let probe = if flow { format!("[{s}]\n") } else { format!("{s}: {s}\n") };
        let ok = read_documents(&probe, Limits::default()).is_ok_and(|docs| match docs.first().map(|d| &d.value) {
            Some(NodeValue::Seq(items)) => {
                items.len() == 1 && items[0].value == NodeValue::Str(s.into()) && items[0].style == ScalarStyle::Plain
            }
            Some(NodeValue::Map(es)) => {
                es.len() == 1
                    && [&es[0].0, &es[0].1]
                        .iter()
                        .all(|n| n.value == NodeValue::Str(s.into()) && n.style == ScalarStyle::Plain)
            }
            _ => false,
        });
        self.plain_cache.borrow_mut().insert((s.to_string(), flow), ok);
        ok
    }

    fn string_text(&self, s: &str, flow: bool) -> String {
        if !looks_typed(s) && plain_shape(s, flow) && self.reads_back_plain(s, flow) {
            return s.to_string();
        }
        // An expression's strings in the other kind of quote, as docs/format.md advises.
        if s.contains('"') && !s.contains('\'') && !s.chars().any(|c| c == '\n' || c == '\t' || needs_escape(c)) {
            return format!("'{s}'");
        }
        double_quoted(s)
    }

    /// The text written, when it reads back as `value`.
    fn raw_if_same(&self, node: &Node) -> Option<String> {
        let raw = self.src.text.get(node.at.offset?..node.end?)?.trim();
        if raw.is_empty() || raw.contains(['\n', '#', '&', '*', '!']) {
            return None;
        }
        let docs = read_documents(raw, Limits::default()).ok()?;
        (docs.len() == 1 && same(node, &docs[0]).is_ok()).then(|| raw.to_string())
    }

    /// A scalar on one line (or `None` for a block scalar).
    fn scalar_text(&self, node: &Node, flow: bool) -> String {
        match &node.value {
            NodeValue::Str(s) if node.style == ScalarStyle::Tagged => s.clone(),
            NodeValue::Str(s) => self.string_text(s, flow),
            NodeValue::Bool(b) => b.to_string(),
            // Decimal digits as Rust writes them (`0020` is 20 here but 16 to a YAML 1.1
            // reader); `0x1F` and `0o17` as written.
            NodeValue::Int(i) => self
                .raw_if_same(node)
                .filter(|r| r.starts_with("0x") || r.starts_with("0o"))
                .unwrap_or_else(|| i.to_string()),
            NodeValue::Float(f) => self.raw_if_same(node).unwrap_or_else(|| {
                if f.is_nan() {
                    ".nan".into()
                } else if f.is_infinite() {
                    if *f > 0.0 { ".inf".into() } else { "-.inf".into() }
                } else {
                    format!("{f:?}")
                }
            }),
            NodeValue::Null => {
                let raw = self.raw_if_same(node);
                match raw.as_deref() {
                    Some(r @ ("~" | "null" | "Null" | "NULL")) => r.to_string(),
                    _ if flow => "null".into(),
                    _ => String::new(),
                }
            }
            NodeValue::Seq(_) | NodeValue::Map(_) => String::new(),
        }
    }

    fn key_text(&self, key: &Node, flow: bool) -> Result<String, LayoutError> {
        match &key.value {
            NodeValue::Seq(_) | NodeValue::Map(_) => Err(LayoutError {
                at: key.at,
                code: "fmt-complex-key",
                message: "a list or mapping used as a key cannot be laid out".into(),
                fix: "use a word as the key".into(),
            }),
            NodeValue::Null => Ok(self.raw_if_same(key).filter(|r| !r.is_empty()).unwrap_or_else(|| "null".into())),
            NodeValue::Str(s) if key.style == ScalarStyle::Block => Ok(self.string_text(s, flow)),
            _ => Ok(self.scalar_text(key, flow)),
        }
    }

    fn is_flow(&self, node: &Node) -> bool {
        node.at.offset.and_then(|o| self.src.text.get(o..)).is_some_and(|t| t.starts_with(['{', '[']))
    }

    /// The end of a flow collection: just past its closing bracket.
    fn flow_end(&self, node: &Node) -> usize {
        let start = node.at.offset.unwrap_or(0);
        let mut after = start + 1;
        walk(node, &mut |n| {
            if let Some(e) = n.end
                && !std::ptr::eq(n, node)
            {
                after = after.max(e);
            }
        });
        let rest = self.src.text.get(after..).unwrap_or("");
        let mut in_comment = false;
        for (i, c) in rest.char_indices() {
            match c {
                '\n' => in_comment = false,
                '#' => in_comment = true,
                '}' | ']' if !in_comment => return after + i + 1,
                _ => {}
            }
        }
        self.src.text.len()
    }

    fn has_comment_inside(&self, node: &Node) -> bool {
        let start = node.at.offset.unwrap_or(0);
        let end = self.flow_end(node);
        self.comments.iter().any(|c| c.at > start && c.at < end)
    }

    fn one_line_scalar(node: &Node) -> bool {
        matches!(node.value, NodeValue::Str(_) | NodeValue::Int(_) | NodeValue::Float(_) | NodeValue::Bool(_))
            && node.style != ScalarStyle::Block
    }

    /// A collection written in flow style, on one line, when everything in it can be: scalars
    /// on one line and flow collections. Collects the trailing comments inside.
    fn flow_text(
        &self,
        node: &Node,
        schema: Option<&'static Value>,
        comments: &mut Vec<usize>,
    ) -> Result<Option<String>, LayoutError> {
        if !self.is_flow(node) {
            return Ok(None);
        }
        comments.extend(self.trailing_of(node));
        let mut parts = Vec::new();
        match &node.value {
            NodeValue::Map(entries) => {
                for (k, v) in self.sorted(entries, schema) {
                    if !Self::one_line_scalar(k) {
                        return Ok(None);
                    }
                    comments.extend(self.trailing_of(k));
                    let Some(value) = self.flow_part(v, k.as_str().and_then(|n| property(schema, n)), comments)? else {
                        return Ok(None);
                    };
                    parts.push(format!("{}: {value}", self.key_text(k, true)?));
                }
                Ok(Some(format!("{{{}}}", parts.join(", "))))
            }
            NodeValue::Seq(list) => {
                for item in list {
                    let Some(value) = self.flow_part(item, items(schema), comments)? else { return Ok(None) };
                    parts.push(value);
                }
                Ok(Some(format!("[{}]", parts.join(", "))))
            }
            _ => Ok(None),
        }
    }

    fn flow_part(
        &self,
        node: &Node,
        schema: Option<&'static Value>,
        comments: &mut Vec<usize>,
    ) -> Result<Option<String>, LayoutError> {
        match &node.value {
            NodeValue::Map(e) if e.is_empty() => Ok(Some("{}".into())),
            NodeValue::Seq(i) if i.is_empty() => Ok(Some("[]".into())),
            NodeValue::Map(_) | NodeValue::Seq(_) => self.flow_text(node, schema, comments),
            _ if Self::one_line_scalar(node) => {
                comments.extend(self.trailing_of(node));
                Ok(Some(self.scalar_text(node, true)))
            }
            _ => Ok(None),
        }
    }

    /// A mapping's entries in the model's order (unknown keys after, in their order).
    fn sorted<'n>(&self, entries: &'n [(Node, Node)], schema: Option<&'static Value>) -> Vec<&'n (Node, Node)> {
        let mut sorted: Vec<&(Node, Node)> = entries.iter().collect();
        if let Some(order) = order_of(schema) {
            sorted.sort_by_key(|(k, _)| {
                k.as_str().and_then(|k| order.iter().position(|f| *f == k)).unwrap_or(usize::MAX)
            });
        }
        sorted
    }

    /// Decides how `node` is written. `indent`: the indentation of its block children;
    /// `column`: where it starts when written inline.
    fn prepare(
        &self,
        node: &Node,
        schema: Option<&'static Value>,
        indent: usize,
        column: usize,
        flow: bool,
    ) -> Result<Laid, LayoutError> {
        let trailing = self.trailing_of(node);
        let shape = match &node.value {
            NodeValue::Map(entries) if entries.is_empty() => Shape::Inline("{}".into()),
            NodeValue::Seq(items) if items.is_empty() => Shape::Inline("[]".into()),
            NodeValue::Map(entries) => {
                let sorted = self.sorted(entries, schema);
                if self.is_flow(node) && !self.has_comment_inside(node) {
                    let mut comments = Vec::new();
                    if let Some(text) = self.flow_text(node, schema, &mut comments)?
                        && column + text.chars().count() <= FLOW_WIDTH
                    {
                        return Ok(Laid { shape: Shape::Inline(text), trailing: comments });
                    }
                }
                let mut out = Vec::new();
                for (k, v) in sorted {
                    let key = self.key_text(k, false)?;
                    let child = k.as_str().and_then(|name| property(schema, name));
                    let width = key.chars().count();
                    let value = self.prepare(v, child, indent + 2, indent + width + 2, false)?;
                    out.push(Entry {
                        leading: self.leading_of(k),
                        blank: self.src.blank_before(k.at.line),
                        key,
                        key_trailing: self.trailing_of(k),
                        value,
                    });
                }
                Shape::Map(out)
            }
            NodeValue::Seq(list) => {
                let child = items(schema);
                if self.is_flow(node) && !self.has_comment_inside(node) {
                    let mut comments = Vec::new();
                    if let Some(text) = self.flow_text(node, schema, &mut comments)?
                        && column + text.chars().count() <= FLOW_WIDTH
                    {
                        return Ok(Laid { shape: Shape::Inline(text), trailing: comments });
                    }
                }
                let mut out = Vec::new();
                for item in list {
                    let value = self.prepare(item, child, indent + 2, indent + 2, false)?;
                    out.push(Item {
                        leading: self.leading_of(item),
                        blank: self.src.blank_before(item.at.line),
                        value,
                    });
                }
                Shape::Seq(out)
            }
            NodeValue::Str(s) if node.style == ScalarStyle::Block && !flow => match block_text(&self.src, node) {
                Some(b) => Shape::Block(b.header, b.lines),
                None => Shape::Inline(self.string_text(s, flow)),
            },
            _ => Shape::Inline(self.scalar_text(node, flow)),
        };
        Ok(Laid { shape, trailing })
    }

    /// The comments that go before a list item's `-`: its own, and those of the entry written
    /// on the same line as the `-`.
    fn hoisted(laid: &Laid, into: &mut Vec<usize>) {
        match &laid.shape {
            Shape::Map(entries) => {
                if let Some(first) = entries.first() {
                    into.extend(first.leading.iter().copied());
                }
            }
            Shape::Seq(items) => {
                if let Some(first) = items.first() {
                    into.extend(first.leading.iter().copied());
                    Self::hoisted(&first.value, into);
                }
            }
            _ => {}
        }
    }

    fn entries(&self, out: &mut Out, entries: &[Entry], indent: usize, inline_first: bool) {
        for (i, e) in entries.iter().enumerate() {
            if !(i == 0 && inline_first) {
                self.comment_lines(out, &e.leading, indent);
                if e.blank {
                    out.blank();
                }
                out.indent(indent);
            }
            out.buf.push_str(&e.key);
            out.buf.push(':');
            out.pending.extend(e.key_trailing.iter().copied());
            self.value(out, &e.value, indent + 2, true);
        }
    }

    fn items(&self, out: &mut Out, items: &[Item], indent: usize, inline_first: bool) {
        for (i, item) in items.iter().enumerate() {
            if !(i == 0 && inline_first) {
                let mut leading = item.leading.clone();
                Self::hoisted(&item.value, &mut leading);
                self.comment_lines(out, &leading, indent);
                if item.blank {
                    out.blank();
                }
                out.indent(indent);
            }
            out.buf.push('-');
            self.value(out, &item.value, indent + 2, false);
        }
    }

    /// Writes a value after `key:` (`after_key`) or after `-`.
    fn value(&self, out: &mut Out, laid: &Laid, indent: usize, after_key: bool) {
        match &laid.shape {
            Shape::Inline(s) => {
                if !s.is_empty() {
                    out.buf.push(' ');
                    out.buf.push_str(s);
                }
                out.pending.extend(laid.trailing.iter().copied());
                self.end_line(out);
            }
            Shape::Block(header, lines) => {
                out.buf.push(' ');
                out.buf.push_str(header);
                out.pending.extend(laid.trailing.iter().copied());
                self.end_line(out);
                out.block_lines(lines, indent);
            }
            Shape::Map(entries) if after_key => {
                out.pending.extend(laid.trailing.iter().copied());
                self.end_line(out);
                out.fresh = true;
                self.entries(out, entries, indent, false);
            }
            Shape::Seq(items) if after_key => {
                out.pending.extend(laid.trailing.iter().copied());
                self.end_line(out);
                out.fresh = true;
                self.items(out, items, indent, false);
            }
            Shape::Map(entries) => {
                out.buf.push(' ');
                out.pending.extend(laid.trailing.iter().copied());
                self.entries(out, entries, indent, true);
            }
            Shape::Seq(items) => {
                out.buf.push(' ');
                out.pending.extend(laid.trailing.iter().copied());
                self.items(out, items, indent, true);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_when_it_reads_back() {
        let t = "kind: procedure\nid: x\nversion: \"1.0.0\"\na: \"1\"\nb: 'true'\nc: \"no\"\nd: '!x'\ne: \"a: b\"\n";
        let out = lay_out(t).unwrap();
        assert!(out.contains("version: 1.0.0\n"), "{out}");
        assert!(out.contains("a: \"1\"\n"), "{out}");
        assert!(out.contains("b: \"true\"\n"), "{out}");
        assert!(out.contains("c: \"no\"\n"), "{out}");
        assert!(out.contains("d: \"!x\"\n"), "{out}");
        assert!(out.contains("e: \"a: b\"\n"), "{out}");
    }

    #[test]
    fn comments_in_quotes_and_blocks_are_text() {
        let t = "a: \"x # y\" # real\nb: |\n  # not a comment\n  text\n# after\nc: 1\n";
        let docs = read_documents(t, Limits::default()).unwrap();
        let found = find_comments(t, &documents(&docs));
        let texts: Vec<&str> = found.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(texts, [" real", " after"]);
    }

    #[test]
    fn field_order_comes_from_the_model() {
        assert_eq!(fields_of::<Text>(), ["ja", "en", "ja-easy"]);
        let out = lay_out("kind: procedure\ntitle: {en: B, ja: A}\nid: x\n").unwrap();
        assert_eq!(out, "kind: procedure\nid: x\ntitle: {ja: A, en: B}\n");
    }
}
