//! Errors of the expression language: a stable code, the span it points at, a message for the
//! definition author and an optional fix, each a [`Phrase`] of the authors' catalogue.

use std::fmt;

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

/// Words of the authors' catalogue (`core/messages/<lang>/check.ftl`), not said yet: a message
/// id and the values of its variables.
///
/// The expression language is a base layer and says nothing itself: the checker says the
/// phrases of an error in the author's language (a `crate::diagnostic::Message` is made from
/// one), and the browser build, which never shows an expression error, carries neither the
/// catalogue nor sentences. Without the catalogue a phrase reads as its id and arguments
/// (`Display`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Phrase {
    /// The message's id in the catalogue (`expr-unknown-name`).
    pub id: &'static str,
    /// The values of its variables, by name.
    pub args: Vec<(&'static str, PhraseArg)>,
}

/// The value of a phrase's variable.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum PhraseArg {
    /// Text said as it is in every language: a name, an expression, a number.
    Text(String),
    /// Another phrase, said in the language of the one it is in ("a date", 日付).
    Phrase(Phrase),
}

impl Phrase {
    /// The value of the variable `name`, if the phrase has it.
    pub fn arg(&self, name: &str) -> Option<&PhraseArg> {
        self.args.iter().find(|(n, _)| *n == name).map(|(_, v)| v)
    }
}

impl fmt::Display for Phrase {
    /// The id and the arguments (`expr-unknown-name name=x`): the words are the catalogue's.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id)?;
        for (name, value) in &self.args {
            write!(f, " {name}={value}")?;
        }
        Ok(())
    }
}

impl fmt::Display for PhraseArg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PhraseArg::Text(t) => f.write_str(t),
            PhraseArg::Phrase(p) => write!(f, "({p})"),
        }
    }
}

/// What [`phrase!`] takes as a variable's value.
pub trait IntoPhraseArg {
    /// The value.
    fn into_phrase_arg(self) -> PhraseArg;
}

impl IntoPhraseArg for Phrase {
    fn into_phrase_arg(self) -> PhraseArg {
        PhraseArg::Phrase(self)
    }
}

impl IntoPhraseArg for PhraseArg {
    fn into_phrase_arg(self) -> PhraseArg {
        self
    }
}

macro_rules! text_phrase_args {
    ($($t:ty),*) => {$(
        impl IntoPhraseArg for $t {
            fn into_phrase_arg(self) -> PhraseArg {
                PhraseArg::Text(self.to_string())
            }
        }
    )*};
}
text_phrase_args!(&str, &&str, String, &String, char, usize, u8, u16, u32, u64, i64);

/// A [`Phrase`]: `phrase!("expr-unknown-name", name = name)`. Its id is a message of the authors'
/// catalogue with exactly these variables (tested for every phrase the sources build).
macro_rules! phrase {
    ($id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::expr::error::Phrase {
            id: $id,
            args: vec![$((stringify!($name), $crate::expr::error::IntoPhraseArg::into_phrase_arg($value))),*],
        }
    };
}
pub(crate) use phrase;

/// One problem found in an expression.
///
/// `message` says what is wrong and `fix`, when there is something useful to say, what to write
/// instead: phrases of the authors' catalogue, said by the checker in the author's language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, thiserror::Error)]
#[error("{message}")]
pub struct ExprError {
    /// Stable kebab-case code, one of [`codes`].
    pub code: &'static str,
    /// Where in the source the problem is (byte offsets).
    pub span: Span,
    /// What is wrong.
    pub message: Phrase,
    /// What to write instead, if there is a clear suggestion.
    pub fix: Option<Phrase>,
}

impl ExprError {
    /// A new error without a fix.
    pub fn new(code: &'static str, span: Span, message: Phrase) -> Self {
        ExprError { code, span, message, fix: None }
    }

    /// The same error with a fix.
    #[must_use]
    pub fn with_fix(mut self, fix: Phrase) -> Self {
        self.fix = Some(fix);
        self
    }

    /// Renders the error like rustc (with `annotate-snippets`, as the definitions' diagnostics
    /// are) against the source it was found in:
    ///
    /// ```text
    /// error[expr-unknown-name]: `has_chidren` is not a field or concept in scope; ...
    ///   |
    /// 1 | has_chidren && x
    ///   | ^^^^^^^^^^^
    ///   |
    ///   = help: write `has_children`
    /// ```
    ///
    /// `say` says a phrase (the checker's catalogue, in a language). Spans that do not fit the
    /// source are clamped to it, never a panic. Authoring only: the browser build carries no
    /// renderer.
    #[cfg(feature = "authoring")]
    pub fn render(&self, src: &str, say: impl Fn(&Phrase) -> String) -> String {
        use annotate_snippets::{AnnotationKind, Level, Renderer, Snippet};
        // The span's ends, moved back to the start of the character they fall in.
        let clamp = |at: u32| {
            let mut at = (at as usize).min(src.len());
            while !src.is_char_boundary(at) {
                at -= 1;
            }
            at
        };
        let start = clamp(self.span.start);
        let end = clamp(self.span.end).max(start);
        let (message, fix) = (say(&self.message), self.fix.as_ref().map(&say));
        let mut group = Level::ERROR
            .primary_title(message.as_str())
            .id(self.code)
            .element(Snippet::source(src).line_start(1).annotation(AnnotationKind::Primary.span(start..end)));
        if let Some(fix) = &fix {
            group = group.element(Level::HELP.message(fix.as_str()));
        }
        let mut out = Renderer::plain().render(&[group]);
        out.push('\n');
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

/// Where a byte offset is, in words: "column N" for one-line sources, "line L, column N"
/// otherwise.
pub(crate) fn describe_position(src: &str, byte: usize) -> Phrase {
    let (line, col) = line_col(src, byte);
    if src.contains('\n') {
        phrase!("noun-expr-at-line-column", line = line, column = col)
    } else {
        phrase!("noun-expr-at-column", column = col)
    }
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
        assert_eq!(describe_position("(a", 0).to_string(), "noun-expr-at-column column=1");
        assert_eq!(describe_position("a &&\n(b", 5).to_string(), "noun-expr-at-line-column line=2 column=1");
    }

    /// A phrase with no arguments (ids of these tests only).
    fn words(id: &'static str) -> Phrase {
        Phrase { id, args: Vec::new() }
    }

    /// Says the phrases of these tests.
    fn say(p: &Phrase) -> String {
        match p.id {
            "foo" => "`foo` is unknown".to_string(),
            "bar" => "write `bar`".to_string(),
            other => other.to_string(),
        }
    }

    #[test]
    fn phrases_read_as_their_id_and_arguments_without_the_catalogue() {
        let p = phrase!("expr-type-select", expr = "x", ty = words("noun-expr-date"), field = "year");
        assert_eq!(p.to_string(), "expr-type-select expr=x ty=(noun-expr-date) field=year");
        assert_eq!(p.arg("field"), Some(&PhraseArg::Text("year".into())));
        assert_eq!(
            ExprError::new(codes::TYPE, Span::new(0, 1), p).to_string(),
            "expr-type-select expr=x ty=(noun-expr-date) field=year"
        );
    }

    #[test]
    #[cfg(feature = "authoring")]
    fn render_underlines_the_span() {
        let e = ExprError::new(codes::UNKNOWN_NAME, Span::new(5, 8), words("foo")).with_fix(words("bar"));
        let text = e.render("a && foo", say);
        assert_eq!(
            text,
            "error[expr-unknown-name]: `foo` is unknown\n  |\n1 | a && foo\n  |      ^^^\n  |\n  = help: write `bar`\n"
        );
        // A full-width character takes two columns: two carets.
        let e = ExprError::new(codes::SYNTAX, Span::new(6, 9), words("full-width"));
        let text = e.render("phone ＝ '0'", say);
        assert!(text.ends_with("1 | phone ＝ '0'\n  |       ^^\n"), "{text}");
    }

    #[test]
    #[cfg(feature = "authoring")]
    fn render_never_panics_on_bad_spans() {
        let e = ExprError::new(codes::SYNTAX, Span::new(100, 3), words("x"));
        let _ = e.render("あ", say);
        let e = ExprError::new(codes::SYNTAX, Span::new(1, 2), words("x"));
        let _ = e.render("あ", say);
        let _ = e.render("", say);
    }
}
