//! Errors of the expression language: a stable code, the span it points at, a message for the
//! definition author and an optional fix.

use std::fmt::Write as _;

use serde::Serialize;

use super::ast::Span;

/// Stable, kebab-case error codes. They never change once published: tools and translations key
/// on them.
pub mod codes {
    /// The source is not a well-formed expression (an unexpected character or token, a missing
    /// bracket, an unclosed string...).
    pub const SYNTAX: &str = "expr-syntax";
    /// A CEL reserved word (`if`, `for`, `var`...) was used as a name.
    pub const RESERVED_WORD: &str = "expr-reserved-word";
    /// The source is longer than [`MAX_SOURCE_BYTES`](crate::expr::MAX_SOURCE_BYTES) or has more
    /// than [`MAX_NODES`](crate::expr::MAX_NODES) nodes, or a number literal does not fit.
    pub const TOO_LARGE: &str = "expr-too-large";
    /// The expression nests deeper than [`MAX_DEPTH`](crate::expr::MAX_DEPTH).
    pub const TOO_DEEP: &str = "expr-too-deep";
    /// A name is neither a field nor a concept in scope.
    pub const UNKNOWN_NAME: &str = "expr-unknown-name";
    /// A function or method is not in the built-in table.
    pub const UNKNOWN_FUNCTION: &str = "expr-unknown-function";
    /// A function or method got the wrong number of arguments.
    pub const ARITY: &str = "expr-arity";
    /// Operand or argument types do not fit the operator or function.
    pub const TYPE: &str = "expr-type";
    /// `date("...")` got something other than a string literal holding a real `YYYY-MM-DD` date.
    pub const BAD_DATE_LITERAL: &str = "expr-bad-date-literal";
}

/// One problem found in an expression.
///
/// `message` says what is wrong (English, for definition authors); `fix` says what to write
/// instead when there is something useful to say.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, thiserror::Error)]
#[error("{message}")]
pub struct ExprError {
    /// Stable kebab-case code, one of [`codes`].
    pub code: &'static str,
    /// Where in the source the problem is (byte offsets).
    pub span: Span,
    /// What is wrong.
    pub message: String,
    /// What to write instead, if there is a clear suggestion.
    pub fix: Option<String>,
}

impl ExprError {
    /// A new error without a fix.
    pub fn new(code: &'static str, span: Span, message: impl Into<String>) -> Self {
        ExprError { code, span, message: message.into(), fix: None }
    }

    /// The same error with a fix.
    #[must_use]
    pub fn with_fix(mut self, fix: impl Into<String>) -> Self {
        self.fix = Some(fix.into());
        self
    }

    /// Renders the error rustc-style against the source it was found in:
    ///
    /// ```text
    /// error[expr-unknown-name]: `has_chidren` is not a field or concept in scope; ...
    ///  --> 1:1
    ///   |
    /// 1 | has_chidren && x
    ///   | ^^^^^^^^^^^
    ///   = fix: write `has_children`
    /// ```
    ///
    /// Spans that do not fit the source are clamped, never a panic.
    pub fn render(&self, src: &str) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "error[{}]: {}", self.code, self.message);
        let (line_no, col) = line_col(src, self.span.start as usize);
        let _ = writeln!(out, " --> {line_no}:{col}");
        let line = src.lines().nth(line_no.saturating_sub(1)).unwrap_or("");
        let gutter = " ".repeat(line_no.to_string().len());
        let _ = writeln!(out, "{gutter} |");
        let _ = writeln!(out, "{line_no} | {line}");
        // Underline from the start column to the end of the span or of the line.
        let line_chars = line.chars().count();
        let start = col.saturating_sub(1).min(line_chars);
        let span_chars = char_len(src, self.span.start as usize, self.span.end as usize);
        let width = span_chars.clamp(1, (line_chars - start).max(1));
        let _ = writeln!(out, "{gutter} | {}{}", " ".repeat(start), "^".repeat(width));
        if let Some(fix) = &self.fix {
            let _ = writeln!(out, "{gutter} = fix: {fix}");
        }
        out
    }
}

/// 1-based line and column (in characters) of a byte offset; offsets inside a character or past
/// the end are clamped.
pub(crate) fn line_col(src: &str, byte: usize) -> (usize, usize) {
    let mut line = 1;
    let mut col = 1;
    for (i, c) in src.char_indices() {
        if i >= byte {
            break;
        }
        if c == '\n' {
            line += 1;
            col = 1;
        } else {
            col += 1;
        }
    }
    (line, col)
}

/// Human description of where a byte offset is: `column N` for one-line sources, `line L,
/// column N` otherwise.
pub(crate) fn describe_position(src: &str, byte: usize) -> String {
    let (line, col) = line_col(src, byte);
    if src.contains('\n') { format!("line {line}, column {col}") } else { format!("column {col}") }
}

/// Number of characters that start in the byte range `start..end`.
fn char_len(src: &str, start: usize, end: usize) -> usize {
    src.char_indices().filter(|(i, _)| *i >= start && *i < end).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters() {
        assert_eq!(line_col("abc", 0), (1, 1));
        assert_eq!(line_col("abc", 2), (1, 3));
        assert_eq!(line_col("あいう", 3), (1, 2));
        assert_eq!(line_col("a\nbc", 3), (2, 2));
        assert_eq!(line_col("a", 99), (1, 2));
    }

    #[test]
    fn describe_position_mentions_line_only_when_multiline() {
        assert_eq!(describe_position("(a", 0), "column 1");
        assert_eq!(describe_position("a &&\n(b", 5), "line 2, column 1");
    }

    #[test]
    fn render_underlines_the_span() {
        let e = ExprError::new(codes::UNKNOWN_NAME, Span::new(5, 8), "`foo` is unknown").with_fix("write `bar`");
        let text = e.render("a && foo");
        assert_eq!(
            text,
            "error[expr-unknown-name]: `foo` is unknown\n --> 1:6\n  |\n1 | a && foo\n  |      ^^^\n  = fix: write `bar`\n"
        );
    }

    #[test]
    fn render_never_panics_on_bad_spans() {
        let e = ExprError::new(codes::SYNTAX, Span::new(100, 3), "x");
        let _ = e.render("あ");
        let e = ExprError::new(codes::SYNTAX, Span::new(1, 2), "x");
        let _ = e.render("あ");
        let _ = e.render("");
    }
}
