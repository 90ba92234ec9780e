//! Diagnostics for definition authors: what is wrong, where, and what to write instead.
//!
//! The checker never stops at the first problem: every pass returns all it finds as
//! [`Diagnostic`]s. A diagnostic points into a document by a *path* (`form.pages[0].fields[2]`);
//! the loader turns the path into file:line:column (`Definitions::locate`).

use std::fmt;

pub use crate::model::Severity;

/// One step of a path into a document: a key of a mapping or an index of a list.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(untagged)]
pub enum PathSeg {
    /// A mapping key.
    Key(String),
    /// A list index.
    Index(usize),
}

impl fmt::Display for PathSeg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PathSeg::Key(k) => write!(f, ".{k}"),
            PathSeg::Index(i) => write!(f, "[{i}]"),
        }
    }
}

/// A path into a document.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
pub struct Path(pub Vec<PathSeg>);

impl Path {
    /// The document's root.
    pub fn root() -> Path {
        Path(Vec::new())
    }

    /// This path followed by a key.
    pub fn key(&self, key: &str) -> Path {
        let mut p = self.clone();
        p.0.push(PathSeg::Key(key.to_string()));
        p
    }

    /// This path followed by an index.
    pub fn index(&self, index: usize) -> Path {
        let mut p = self.clone();
        p.0.push(PathSeg::Index(index));
        p
    }
}

impl fmt::Display for Path {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut s = String::new();
        for seg in &self.0 {
            s.push_str(&seg.to_string());
        }
        f.write_str(s.trim_start_matches('.'))
    }
}

/// Where in the definitions a diagnostic points.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Target {
    /// Index of the document among those checked together (see `Sources`).
    pub document: usize,
    /// Path to the value inside the document.
    pub path: Path,
    /// Point at the key rather than its value (for unknown keys).
    pub at_key: bool,
    /// For expressions: the byte range inside the expression text.
    pub expr_range: Option<(u32, u32)>,
    /// With `at_key`, which occurrence of a key written more than once (0 = the first).
    pub occurrence: usize,
}

impl Target {
    /// The value at `path` in document `document`.
    pub fn value(document: usize, path: Path) -> Target {
        Target { document, path, at_key: false, expr_range: None, occurrence: 0 }
    }

    /// The key at `path` in document `document`.
    pub fn key(document: usize, path: Path) -> Target {
        Target { document, path, at_key: true, expr_range: None, occurrence: 0 }
    }

    /// A byte range inside the expression at `path`.
    pub fn expr(document: usize, path: Path, start: u32, end: u32) -> Target {
        Target { document, path, at_key: false, expr_range: Some((start, end)), occurrence: 0 }
    }
}

/// A problem found in definitions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Stable kebab-case code (`unknown-key`, `dangling-concept`, `expr-type`…).
    pub code: &'static str,
    /// Error (stops compilation) or warning.
    pub severity: Severity,
    /// What is wrong, naming the thing in the author's words.
    pub message: String,
    /// What to write instead.
    pub fix: Option<String>,
    /// Where.
    pub target: Target,
}

impl Diagnostic {
    /// An error.
    pub fn error(code: &'static str, target: Target, message: impl Into<String>) -> Diagnostic {
        Diagnostic { code, severity: Severity::Error, message: message.into(), fix: None, target }
    }

    /// A warning.
    pub fn warning(code: &'static str, target: Target, message: impl Into<String>) -> Diagnostic {
        Diagnostic { code, severity: Severity::Warning, message: message.into(), fix: None, target }
    }

    /// Adds what to write instead.
    pub fn with_fix(mut self, fix: impl Into<String>) -> Diagnostic {
        self.fix = Some(fix.into());
        self
    }
}

/// A diagnostic resolved to a file position, ready to print or serialise.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Located {
    /// The file, as the caller named it.
    pub file: String,
    /// 1-based line.
    pub line: u32,
    /// 1-based column, in characters.
    pub column: u32,
    /// How many characters the underline covers (at least 1).
    #[serde(skip)]
    pub width: u32,
    /// `error` or `warning`.
    pub severity: Severity,
    /// Stable code.
    pub code: &'static str,
    /// What is wrong.
    pub message: String,
    /// What to write instead.
    pub fix: Option<String>,
}

impl Located {
    /// Renders the diagnostic like rustc: header, `--> file:line:column`, the source line with
    /// a caret, and the fix. `text` is the file's content.
    pub fn render(&self, text: &str) -> String {
        let sev = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let mut out = format!("{sev}[{}]: {}\n", self.code, self.message);
        let line_no = self.line.to_string();
        let pad = " ".repeat(line_no.len());
        out.push_str(&format!("{pad}--> {}:{}:{}\n", self.file, self.line, self.column));
        if let Some(src_line) = text.lines().nth(self.line.saturating_sub(1) as usize) {
            // Control characters are shown as � so a file cannot drive the terminal.
            let src_line: String = src_line
                .trim_end_matches('\r')
                .chars()
                .map(|c| if c.is_control() && c != '\t' { '\u{FFFD}' } else { c })
                .collect();
            out.push_str(&format!("{pad} |\n{line_no} | {src_line}\n"));
            let start = self.column.saturating_sub(1) as usize;
            let lead: String = src_line
                .chars()
                .take(start)
                .map(|c| if c == '\t' { "\t".to_string() } else { " ".repeat(display_width(c)) })
                .collect();
            let covered: usize = src_line.chars().skip(start).take(self.width.max(1) as usize).map(display_width).sum();
            let carets = "^".repeat(covered.max(1));
            out.push_str(&format!("{pad} | {lead}{carets}\n"));
        }
        if let Some(fix) = &self.fix {
            out.push_str(&format!("{pad} = help: {fix}\n"));
        }
        out
    }
}

/// Columns a character takes in a terminal: 2 for East Asian wide characters (漢字, かな,
/// full-width forms), so carets line up under Japanese text.
fn display_width(c: char) -> usize {
    let u = c as u32;
    let wide = matches!(u,
        0x1100..=0x115F | 0x2E80..=0x303E | 0x3041..=0x33FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF
        | 0xA000..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6 | 0x1F300..=0x1F64F | 0x1F900..=0x1F9FF | 0x20000..=0x3FFFD);
    if wide { 2 } else { 1 }
}
