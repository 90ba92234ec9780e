//! Definition files as authors write them: YAML text in, typed documents and located
//! diagnostics out. This is the *one loader* of definitions; the CLI only reads files from disk
//! and hands their text here.

use crate::diagnostic::{Diagnostic, Located, PathSeg, Tally, Target, msg};
use crate::model::{Document, Lang};
use crate::schema::{apply_repairs, check_shape_counted};
use crate::source::{Limits, Node, NodeValue, Position, ScalarStyle, read_documents};

/// Why bytes are not definition text: the message that says so (`encoding-binary`, `encoding-not-utf8`).
const BINARY: &str = "encoding-binary";

/// A definition file: its name (as the caller wants it shown) and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceFile {
    /// The file's name or path, shown in diagnostics.
    pub name: String,
    /// The file's content.
    pub text: String,
    /// Why the bytes were not clean UTF-8 text, and where (byte offset), if so.
    encoding_problem: Option<(usize, &'static str)>,
}

impl SourceFile {
    /// A file from text.
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> SourceFile {
        SourceFile { name: name.into(), text: text.into(), encoding_problem: None }
    }

    /// A file from raw bytes: UTF-8 (a byte-order mark is dropped). Bytes that are not UTF-8,
    /// or a NUL byte, are reported by [`Definitions::load`] at their place; the rest is kept.
    pub fn from_bytes(name: impl Into<String>, bytes: &[u8]) -> SourceFile {
        let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
        let (text, problem) = match std::str::from_utf8(bytes) {
            _ if bytes.contains(&0) => {
                let text = String::from_utf8_lossy(bytes).into_owned();
                let at = text.find('\0').unwrap_or(0);
                (text, Some((at, BINARY)))
            }
            Ok(t) => (t.to_string(), None),
            Err(e) => {
                let at = e.valid_up_to();
                (String::from_utf8_lossy(bytes).into_owned(), Some((at, "encoding-not-utf8")))
            }
        };
        SourceFile { name: name.into(), text, encoding_problem: problem }
    }
}

/// One YAML document of a file, read and, when its shape is right, typed.
#[derive(Debug, Clone)]
pub struct LoadedDocument {
    /// Index of its file in [`Definitions::files`].
    pub file: usize,
    /// The located nodes, for pointing at problems.
    pub node: Node,
    /// The typed document, when its shape fits the format (or could be repaired to fit it,
    /// so the rest of it can be checked; see `repaired`).
    pub document: Option<Document>,
    /// Paths whose values were replaced or removed to fit the format (their problems are
    /// already reported; findings under them would only echo the repair).
    pub repaired: Vec<crate::diagnostic::Path>,
    /// Whether the document's shape had problems (it must not be compiled).
    pub shape_errors: bool,
}

/// Every definition file checked together, and their documents.
#[derive(Debug, Clone, Default)]
pub struct Definitions {
    /// The files, in the order given.
    pub files: Vec<SourceFile>,
    /// The documents of every file, in order. A diagnostic's `Target::document` indexes this.
    pub documents: Vec<LoadedDocument>,
}

impl Definitions {
    /// Reads files: YAML syntax, then each document's shape against the format. Returns the
    /// definitions and every problem found; never stops at the first. At most
    /// [`crate::diagnostic::MAX_PER_CODE_PER_FILE`] diagnostics of one code are returned per
    /// file; one `too-many-diagnostics` diagnostic sums up the rest.
    pub fn load(files: Vec<SourceFile>) -> (Definitions, Vec<Diagnostic>) {
        let (defs, mut diagnostics, tallies) = Definitions::load_counted(files);
        diagnostics.extend(tallies.iter().flat_map(Tally::summaries));
        (defs, diagnostics)
    }

    /// [`Definitions::load`] without the summaries of what was left out: it returns the tally
    /// of each file instead, for the checker to go on counting.
    pub(crate) fn load_counted(files: Vec<SourceFile>) -> (Definitions, Vec<Diagnostic>, Vec<Tally>) {
        let mut defs = Definitions { files, documents: Vec::new() };
        let mut tallies: Vec<Tally> = vec![Tally::default(); defs.files.len()];
        let mut diagnostics = Vec::new();
        for (file, tally) in tallies.iter_mut().enumerate() {
            let text = defs.files[file].text.as_str();
            if let Some((offset, why)) = defs.files[file].encoding_problem {
                let index = defs.documents.len();
                let line = text.get(..offset).map_or(1, |t| t.matches('\n').count() as u32 + 1);
                let line_start = text.get(..offset).and_then(|t| t.rfind('\n')).map_or(0, |i| i + 1);
                let column = text.get(line_start..offset).map_or(1, |t| t.chars().count() as u32 + 1);
                defs.documents.push(LoadedDocument {
                    file,
                    node: placeholder(Position { line, column, offset: Some(offset) }),
                    document: None,
                    repaired: Vec::new(),
                    shape_errors: true,
                });
                let (message, fix) = if why == BINARY {
                    (msg!("encoding-binary"), msg!("encoding-binary-fix"))
                } else {
                    (msg!("encoding-not-utf8"), msg!("encoding-not-utf8-fix"))
                };
                report(
                    tally,
                    &mut diagnostics,
                    Diagnostic::error("encoding", Target::value(index, Default::default()), message).with_fix(fix),
                );
                continue;
            }
            match read_documents(text, Limits::default()) {
                Err(e) => {
                    let index = defs.documents.len();
                    defs.documents.push(LoadedDocument {
                        file,
                        node: placeholder(e.at),
                        document: None,
                        repaired: Vec::new(),
                        shape_errors: true,
                    });
                    report(
                        tally,
                        &mut diagnostics,
                        Diagnostic::error(e.code, Target::value(index, Default::default()), e.message).with_fix(e.fix),
                    );
                }
                Ok(nodes) if nodes.iter().all(|n| n.value == NodeValue::Null) => {
                    let index = defs.documents.len();
                    defs.documents.push(LoadedDocument {
                        file,
                        node: placeholder(Position { line: 1, column: 1, offset: Some(0) }),
                        document: None,
                        repaired: Vec::new(),
                        shape_errors: false,
                    });
                    report(
                        tally,
                        &mut diagnostics,
                        Diagnostic::warning("empty-file", Target::value(index, Default::default()), msg!("empty-file"))
                            .with_fix(msg!("empty-file-fix")),
                    );
                }
                Ok(nodes) => {
                    // An empty document (a trailing `---`) defines nothing.
                    for node in nodes.into_iter().filter(|n| n.value != NodeValue::Null) {
                        let index = defs.documents.len();
                        let before = tally.clone();
                        let (found, repairs) = check_shape_counted(&node, index, text, tally);
                        let shape_errors = !found.is_empty() || *tally != before;
                        let json = apply_repairs(node.to_json(), &repairs);
                        let document = match serde_json::from_value::<Document>(json) {
                            Ok(d) => Some(d),
                            Err(e) if !shape_errors => {
                                report(
                                    tally,
                                    &mut diagnostics,
                                    Diagnostic::error(
                                        "shape",
                                        Target::value(index, Default::default()),
                                        msg!("shape", why = e.to_string()),
                                    ),
                                );
                                None
                            }
                            Err(_) => None,
                        };
                        let repaired = repairs.into_iter().map(|(path, _)| path).collect();
                        diagnostics.extend(found);
                        defs.documents.push(LoadedDocument { file, node, document, repaired, shape_errors });
                    }
                }
            }
        }
        (defs, diagnostics, tallies)
    }

    /// The typed documents with their indexes (documents whose shape was wrong are left out).
    pub fn typed(&self) -> impl Iterator<Item = (usize, &Document)> {
        self.documents.iter().enumerate().filter_map(|(i, d)| d.document.as_ref().map(|doc| (i, doc)))
    }

    /// Resolves a diagnostic to file:line:column, its words in English.
    pub fn locate(&self, d: &Diagnostic) -> Located {
        self.locate_in(d, Lang::En)
    }

    /// Resolves a diagnostic to file:line:column, its message and fix said in `lang`.
    pub fn locate_in(&self, d: &Diagnostic, lang: Lang) -> Located {
        let (file, at, width) = match self.documents.get(d.target.document) {
            Some(doc) => {
                let text = &self.files[doc.file].text;
                let (at, width) = position_of(&doc.node, d, text);
                (self.files[doc.file].name.clone(), at, width)
            }
            None => ("<unknown>".to_string(), Position::default(), 1),
        };
        Located {
            file,
            line: at.line.max(1),
            column: at.column.max(1),
            width,
            severity: d.severity,
            code: d.code,
            message: d.message.say(lang),
            fix: d.fix.as_ref().map(|f| f.say(lang)),
        }
    }

    /// Every diagnostic located and rendered like a compiler's, sorted by file and position.
    pub fn render(&self, diagnostics: &[Diagnostic]) -> String {
        self.render_in(diagnostics, Lang::En)
    }

    /// [`Definitions::render`] in `lang`.
    pub fn render_in(&self, diagnostics: &[Diagnostic], lang: Lang) -> String {
        let mut located: Vec<(usize, Located)> = diagnostics
            .iter()
            .map(|d| (self.documents.get(d.target.document).map_or(usize::MAX, |x| x.file), self.locate_in(d, lang)))
            .collect();
        located.sort_by(|(fa, a), (fb, b)| (fa, a.line, a.column, a.code).cmp(&(fb, b.line, b.column, b.code)));
        let mut out = String::new();
        // Where each line starts, per file: found once, not once per diagnostic.
        let mut lines: Option<(usize, Vec<usize>)> = None;
        for (file, l) in &located {
            let text = self.files.get(*file).map_or("", |f| f.text.as_str());
            if lines.as_ref().is_none_or(|(f, _)| f != file) {
                lines = Some((*file, line_starts(text)));
            }
            let starts = lines.as_ref().map_or(&[][..], |(_, s)| s.as_slice());
            out.push_str(&l.render_line_in(source_line(text, starts, l.line), lang));
            out.push('\n');
        }
        out
    }
}

/// Adds `d` to `diagnostics` when the file's tally admits it.
fn report(tally: &mut Tally, diagnostics: &mut Vec<Diagnostic>, d: Diagnostic) {
    if tally.keep(&d) {
        diagnostics.push(d);
    }
}

/// The byte offset where each line of `text` starts.
fn line_starts(text: &str) -> Vec<usize> {
    std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect()
}

/// Line `line` (1-based) of `text` without its line break, as `str::lines` gives it.
fn source_line<'t>(text: &'t str, starts: &[usize], line: u32) -> Option<&'t str> {
    let start = *starts.get((line as usize).checked_sub(1)?)?;
    if start >= text.len() {
        return None;
    }
    let end = starts.get(line as usize).map_or(text.len(), |next| next - 1);
    text.get(start..end)
}

fn placeholder(at: Position) -> Node {
    Node { value: NodeValue::Null, at, end: at.offset, style: ScalarStyle::Plain }
}

/// Where a diagnostic points: the key or value at its path (as deep as the path exists), and
/// for expressions the character inside the expression text.
fn position_of(root: &Node, d: &Diagnostic, text: &str) -> (Position, u32) {
    let path = &d.target.path.0;
    if d.target.at_key
        && let Some(at) = root.key_position(path, d.target.occurrence)
    {
        let width = match path.last() {
            Some(PathSeg::Key(k)) => k.chars().count() as u32,
            _ => 1,
        };
        return (at, width);
    }
    let (node, _found) = root.locate(path);
    let width = node_width(node, text);
    match (d.target.expr_range, node.at.offset) {
        (Some((start, end)), Some(offset)) => {
            if let Some(expr) = node.as_str()
                && let Some(pos) = expression_position(text, offset, node, expr, start as usize)
            {
                let w = expr.get(start as usize..end as usize).map_or(1, |s| s.chars().count().max(1)) as u32;
                return (pos, w);
            }
            (node.at, width)
        }
        _ => (node.at, width),
    }
}

fn node_width(node: &Node, text: &str) -> u32 {
    match (node.at.offset, node.end, &node.value) {
        (Some(s), Some(e), NodeValue::Str(_) | NodeValue::Int(_) | NodeValue::Float(_) | NodeValue::Bool(_)) => {
            text.get(s..e).map_or(1, |t| t.lines().next().unwrap_or("").trim_end().chars().count().max(1) as u32)
        }
        _ => 1,
    }
}

/// The position of byte `start` of an expression inside its scalar, for plain and quoted
/// scalars written on one line; block scalars fall back to finding the text.
fn expression_position(text: &str, offset: usize, node: &Node, expr: &str, start: usize) -> Option<Position> {
    let after = text.get(offset..)?;
    let lead = match node.style {
        ScalarStyle::Quoted => 1,
        ScalarStyle::Plain => 0,
        _ => after.find(expr.get(..start.min(expr.len()))?.lines().next().unwrap_or(""))?,
    };
    let target = offset + lead + start;
    // Counted from the node, whose line and column are known: never from the file's start.
    let between = text.get(offset..target)?;
    let (line, column) = match between.rfind('\n') {
        None => (node.at.line, node.at.column + between.chars().count() as u32),
        Some(i) => (node.at.line + between.matches('\n').count() as u32, between[i + 1..].chars().count() as u32 + 1),
    };
    (node.style != ScalarStyle::Block || expr.get(..start)?.find('\n').is_none()).then_some(Position {
        line,
        column,
        offset: Some(target),
    })
}
