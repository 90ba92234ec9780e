//! Diagnostics for definition authors: what is wrong, where, and what to write instead.
//!
//! The checker never stops at the first problem: every pass returns all it finds as
//! [`Diagnostic`]s. A diagnostic points into a document by a *path* (`form.pages[0].fields[2]`);
//! the loader turns the path into file:line:column (`Definitions::locate`).
//!
//! Every word a diagnostic says is a [`Message`] of the authors' catalogue,
//! `core/messages/<lang>/check.ftl` (`en` and `ja`; `ja-easy` falls back to `ja`), compiled in
//! with the `authoring` feature only (`core/build.rs`). A message's id is the diagnostic's code,
//! or the code and a suffix when one code says several things (`dangling-concept`,
//! `missing-key-label`); its fix adds `-fix`. Built with [`msg!`], a message is said in English
//! (it reads as `&str`) and in any language with [`Message::say`]. The expression language, a
//! base layer that cannot see this catalogue, gives its errors' words as
//! [`crate::expr::error::Phrase`]s (an id of the same catalogue and its arguments), made
//! messages here (`Message::from`).

use std::fmt;

use crate::expr::error::{Phrase, PhraseArg};
use crate::model::Lang;
pub use crate::model::Severity;

mod tables {
    //! The authors' catalogue as `core/build.rs` compiles it: `IDS` every message id, sorted;
    //! `EN` and `JA` the pattern of each (an empty range when the language lacks it), encoded as
    //! `core/src/validate/messages.rs` reads them.
    include!(concat!(env!("OUT_DIR"), "/check_messages.rs"));
}

/// The `i`th entry of a compiled table.
fn entry((text, offsets): (&'static str, &'static [u16]), i: usize) -> Option<&'static str> {
    let (start, end) = (*offsets.get(i)?, *offsets.get(i + 1)?);
    text.get(usize::from(start)..usize::from(end)).filter(|p| !p.is_empty())
}

/// The pattern of the message `id` in `lang` (`ja-easy` falls back to `ja`), if the catalogue has it.
fn pattern(lang: Lang, id: &str) -> Option<&'static str> {
    let ids: (&str, &[u16]) = (tables::IDS.0, &tables::IDS.1);
    let (mut low, mut high) = (0, ids.1.len() - 1);
    while low < high {
        let middle = low + (high - low) / 2;
        match entry(ids, middle)?.cmp(id) {
            std::cmp::Ordering::Less => low = middle + 1,
            std::cmp::Ordering::Greater => high = middle,
            std::cmp::Ordering::Equal => {
                let table: (&str, &[u16]) = match lang {
                    Lang::En => (tables::EN.0, &tables::EN.1),
                    Lang::Ja | Lang::JaEasy => (tables::JA.0, &tables::JA.1),
                };
                return entry(table, middle);
            }
        }
    }
    None
}

/// Every message id of the authors' catalogue in `lang`, sorted (for tests and tools).
pub fn message_ids(lang: Lang) -> Vec<&'static str> {
    let ids: (&str, &[u16]) = (tables::IDS.0, &tables::IDS.1);
    (0..ids.1.len() - 1).filter_map(|i| entry(ids, i)).filter(|id| pattern(lang, id).is_some()).collect()
}

/// The compiled pattern of the message `id` in `lang`, as the tables hold it (variables as
/// `\x01name\x02`, selections as `\x03name\x02…`): for tests comparing languages.
pub fn compiled_pattern(lang: Lang, id: &str) -> Option<&'static str> {
    pattern(lang, id)
}

/// What a diagnostic says: a message of the authors' catalogue with its arguments (ids, paths,
/// suggestions), said in English unless asked for another language.
///
/// It reads as its English text (`&str`), so `d.message.contains("…")` reads what the author
/// reads by default. One pointer wide, so the errors that carry messages stay small.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message(Box<Said>);

/// A message's id, arguments and English.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Said {
    /// The catalogue's id.
    id: &'static str,
    /// The values of the message's variables.
    args: Vec<(&'static str, Arg)>,
    /// The message in English.
    english: String,
}

/// The value of a message's variable: text said as it is (an id, a path, a number), or
/// another message said in the same language (a noun: "code list", コードリスト).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg {
    /// Text said as it is in every language.
    Text(String),
    /// A message said in the language of the message it is in.
    Message(Message),
}

/// What [`msg!`] takes as a variable's value.
pub trait IntoArg {
    /// The value.
    fn into_arg(self) -> Arg;
}

impl IntoArg for Message {
    fn into_arg(self) -> Arg {
        Arg::Message(self)
    }
}

impl IntoArg for Arg {
    fn into_arg(self) -> Arg {
        self
    }
}

impl IntoArg for Phrase {
    fn into_arg(self) -> Arg {
        Arg::Message(self.into())
    }
}

impl IntoArg for PhraseArg {
    fn into_arg(self) -> Arg {
        match self {
            PhraseArg::Text(t) => Arg::Text(t),
            PhraseArg::Phrase(p) => p.into_arg(),
        }
    }
}

macro_rules! text_args {
    ($($t:ty),*) => {$(
        impl IntoArg for $t {
            fn into_arg(self) -> Arg {
                Arg::Text(self.to_string())
            }
        }
    )*};
}
text_args!(&str, &&str, String, &String, std::borrow::Cow<'_, str>, char, usize, u32, u64, i64, f64);

/// A [`Message`] of the authors' catalogue: `msg!("dangling", what = msg!("noun-concept"), id = id)`.
/// A value is text (`&str`, `String`, a number) or a message said in the same language.
macro_rules! msg {
    ($id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::diagnostic::Message::new(
            $id,
            vec![$((stringify!($name), $crate::diagnostic::IntoArg::into_arg($value))),*],
        )
    };
}
pub(crate) use msg;

impl Message {
    /// The message `id` with `args`. The id must be in the catalogue (tested for every id the
    /// sources name); a missing one is said as the id and its arguments.
    pub fn new(id: &'static str, args: Vec<(&'static str, Arg)>) -> Message {
        let english = say(Lang::En, id, &args);
        Message(Box::new(Said { id, args, english }))
    }

    /// The catalogue's id.
    pub fn id(&self) -> &'static str {
        self.0.id
    }

    /// The values of the message's variables.
    pub fn args(&self) -> &[(&'static str, Arg)] {
        &self.0.args
    }

    /// The message in `lang` (`ja-easy` says the `ja` message).
    pub fn say(&self, lang: Lang) -> String {
        match lang {
            Lang::En => self.0.english.clone(),
            Lang::Ja | Lang::JaEasy => say(lang, self.0.id, &self.0.args),
        }
    }
}

/// The message `id` in `lang` with `args`; a message missing from the catalogue as its id and
/// arguments (never silently empty).
fn say(lang: Lang, id: &str, args: &[(&'static str, Arg)]) -> String {
    let args: Vec<(&str, String)> = args
        .iter()
        .map(|(k, v)| match v {
            Arg::Text(t) => (*k, t.clone()),
            Arg::Message(m) => (*k, m.say(lang)),
        })
        .collect();
    match pattern(lang, id) {
        Some(p) => crate::validate::messages::format_pattern(lang, p, &args),
        None => {
            debug_assert!(false, "the message `{id}` is not in core/messages/{}/check.ftl", lang.tag());
            let args: Vec<String> = args.iter().map(|(k, v)| format!("{k}={v}")).collect();
            format!("{id} {}", args.join(" ")).trim_end().to_string()
        }
    }
}

/// The words of an expression error (the base layer's [`Phrase`]: an id of this catalogue and
/// its arguments), to be said in any language.
impl From<Phrase> for Message {
    fn from(phrase: Phrase) -> Message {
        let args = phrase.args.into_iter().map(|(name, value)| (name, value.into_arg())).collect();
        Message::new(phrase.id, args)
    }
}

impl std::ops::Deref for Message {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0.english
    }
}

impl fmt::Display for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0.english)
    }
}

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
    pub message: Message,
    /// What to write instead.
    pub fix: Option<Message>,
    /// Where.
    pub target: Target,
}

impl Diagnostic {
    /// An error.
    pub fn error(code: &'static str, target: Target, message: impl Into<Message>) -> Diagnostic {
        Diagnostic { code, severity: Severity::Error, message: message.into(), fix: None, target }
    }

    /// A warning.
    pub fn warning(code: &'static str, target: Target, message: impl Into<Message>) -> Diagnostic {
        Diagnostic { code, severity: Severity::Warning, message: message.into(), fix: None, target }
    }

    /// Adds what to write instead.
    pub fn with_fix(mut self, fix: impl Into<Message>) -> Diagnostic {
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
    /// Renders the diagnostic like rustc, with `annotate-snippets`: header, `--> file:line:column`,
    /// the source line with carets under what it points at (a full-width character takes two
    /// columns), and the fix. `text` is the file's content.
    pub fn render(&self, text: &str) -> String {
        self.render_line(text.lines().nth(self.line.saturating_sub(1) as usize))
    }

    /// [`Located::render`], given the diagnostic's source line (when it exists) rather than the
    /// whole file. A line wider than a terminal is shown as the part around the column, cut
    /// with `...`.
    pub fn render_line(&self, src_line: Option<&str>) -> String {
        self.render_line_in(src_line, Lang::En)
    }

    /// [`Located::render_line`] with the frame's words (`error`, `warning`, `help`) in `lang`;
    /// the message and fix are said in the language they were located in
    /// (`Definitions::locate_in`). Plain text: no colours.
    pub fn render_line_in(&self, src_line: Option<&str>, lang: Lang) -> String {
        use annotate_snippets::{AnnotationKind, Level, Origin, Renderer, Snippet};
        let level = match self.severity {
            Severity::Error => Level::ERROR.with_name(msg!("diagnostic-error").say(lang)),
            Severity::Warning => Level::WARNING.with_name(msg!("diagnostic-warning").say(lang)),
        };
        let title = level.primary_title(self.message.as_str()).id(self.code);
        let mut cut = 0;
        let mut group = match src_line {
            Some(src_line) => {
                let (line, span, before) = shown_line(src_line, self.column, self.width);
                cut = before;
                title.element(
                    Snippet::source(line)
                        .line_start(self.line as usize)
                        .path(self.file.as_str())
                        .annotation(AnnotationKind::Primary.span(span)),
                )
            }
            None => title
                .element(Origin::path(self.file.as_str()).line(self.line as usize).char_column(self.column as usize)),
        };
        if let Some(fix) = &self.fix {
            group = group.element(Level::HELP.with_name(msg!("diagnostic-help").say(lang)).message(fix.as_str()));
        }
        let mut out = Renderer::plain().render(&[group]);
        if cut > 0 {
            // The renderer counts the column in the part of the line it was given.
            let (file, line) = (&self.file, self.line);
            let given = format!("--> {file}:{line}:{}", self.column as usize - cut);
            out = out.replacen(&given, &format!("--> {file}:{line}:{}", self.column), 1);
        }
        out.push('\n');
        out
    }
}

/// Characters of a source line kept either side of what a diagnostic points at: more than a
/// terminal shows (the renderer cuts the line again, to its width, with `...`), and few enough
/// that a whole file written on one line is not drawn again for each of its mistakes.
const KEPT_AROUND: usize = 200;

/// The part of a source line given to the renderer, the byte range in it of the characters a
/// diagnostic covers (from the 1-based `column`, `width` characters, at least one; clamped to
/// the line), and how many characters were left out before it. C1 control characters become
/// `�`: `annotate-snippets` shows the C0 ones as symbols (`␛`), so no file drives the terminal.
fn shown_line(line: &str, column: u32, width: u32) -> (String, std::ops::Range<usize>, usize) {
    let first = column.saturating_sub(1) as usize;
    let last = first + (width.max(1) as usize).min(KEPT_AROUND);
    let cut = first.saturating_sub(KEPT_AROUND);
    let mut shown = String::new();
    let (mut start, mut end) = (None, None);
    for (i, c) in line.trim_end_matches('\r').chars().enumerate().skip(cut).take(last + KEPT_AROUND - cut) {
        if i == first {
            start = Some(shown.len());
        }
        if i == last {
            end = Some(shown.len());
        }
        shown.push(if ('\u{80}'..='\u{9F}').contains(&c) { '\u{FFFD}' } else { c });
    }
    let start = start.unwrap_or(shown.len());
    let end = end.unwrap_or(shown.len());
    (shown, start..end, cut)
}

/// At most this many diagnostics of one code are reported for one file; the rest are counted
/// and summed up by one `too-many-diagnostics` diagnostic at the first of them. A file with a
/// mistake repeated a hundred thousand times is then checked (and its report read) in time.
pub const MAX_PER_CODE_PER_FILE: usize = 100;

/// Counts the diagnostics of one file by code, keeping the first [`MAX_PER_CODE_PER_FILE`] of
/// each code and counting the rest. Checkers ask [`Tally::admits`] before costly work (a
/// suggestion) on a diagnostic that would be left out anyway.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tally {
    /// Per code: how many were seen, and the first one left out (and the most severe).
    codes: Vec<CodeCount>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct CodeCount {
    code: &'static str,
    seen: usize,
    first_left_out: Option<Target>,
    severity: Severity,
}

impl Tally {
    /// Whether the next diagnostic of `code` would be reported (not left out).
    pub fn admits(&self, code: &str) -> bool {
        self.codes.iter().find(|c| c.code == code).is_none_or(|c| c.seen < MAX_PER_CODE_PER_FILE)
    }

    /// Counts `d`; true when it is to be reported, false when it is left out (counted only).
    pub fn keep(&mut self, d: &Diagnostic) -> bool {
        if d.code == TOO_MANY {
            return true;
        }
        let count = match self.codes.iter().position(|c| c.code == d.code) {
            Some(i) => &mut self.codes[i],
            None => {
                self.codes.push(CodeCount { code: d.code, seen: 0, first_left_out: None, severity: d.severity });
                self.codes.last_mut().expect("just pushed")
            }
        };
        count.seen += 1;
        if count.seen <= MAX_PER_CODE_PER_FILE {
            return true;
        }
        if count.first_left_out.is_none() {
            count.first_left_out = Some(d.target.clone());
            count.severity = d.severity;
        } else if d.severity == Severity::Error {
            count.severity = Severity::Error;
        }
        false
    }

    /// Takes the counts of `trial`, a copy of this tally that counted the diagnostics of a
    /// trial run which is kept.
    pub fn adopt(&mut self, trial: Tally) {
        *self = trial;
    }

    /// One `too-many-diagnostics` diagnostic per code with diagnostics left out, at the first
    /// one left out, saying how many were.
    pub fn summaries(&self) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        for c in &self.codes {
            let Some(target) = &c.first_left_out else { continue };
            let left_out = c.seen - MAX_PER_CODE_PER_FILE;
            let severity = match c.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
            };
            out.push(Diagnostic {
                code: TOO_MANY,
                severity: c.severity,
                message: msg!(
                    "too-many-diagnostics",
                    count = left_out,
                    code = c.code,
                    severity = severity,
                    max = MAX_PER_CODE_PER_FILE
                ),
                fix: Some(msg!("too-many-diagnostics-fix", code = c.code)),
                target: target.clone(),
            });
        }
        out
    }
}

/// The code of the diagnostic that sums up those left out of a file.
pub const TOO_MANY: &str = "too-many-diagnostics";

#[cfg(test)]
mod tests {
    use super::*;

    fn located(column: u32, width: u32) -> Located {
        Located {
            file: "f.yaml".into(),
            line: 3,
            column,
            width,
            severity: Severity::Error,
            code: TOO_MANY,
            message: "unknown key".into(),
            fix: Some("write `id`".into()),
        }
    }

    /// The source line and the caret line of a rendering, after their `3 | ` and `  | `.
    fn source_and_carets(text: &str) -> (&str, &str) {
        let lines: Vec<&str> = text.lines().collect();
        let at = lines.iter().position(|l| l.starts_with("3 | ")).expect("the source line is shown");
        (&lines[at][4..], &lines[at + 1][4..])
    }

    /// Terminal columns of the test's text: あ and 転 take two.
    fn columns(text: &str) -> usize {
        text.chars().map(|c| if matches!(c, 'あ' | '転') { 2 } else { 1 }).sum()
    }

    #[test]
    fn carets_line_up_under_full_width_text() {
        let text = located(9, 2).render_line(Some("label: {転入届: x}"));
        let (source, carets) = source_and_carets(&text);
        assert_eq!(source, "label: {転入届: x}");
        assert_eq!(carets, format!("{}^^^^", " ".repeat(columns("label: {"))), "{text}");
        assert!(text.starts_with("error[too-many-diagnostics]: unknown key\n --> f.yaml:3:9\n"), "{text}");
        assert!(text.ends_with("  = help: write `id`\n"), "{text}");
    }

    #[test]
    fn a_long_line_is_cut_around_the_column_and_the_header_keeps_it() {
        let line = format!("{}typo: 1{}", "あ, ".repeat(3000), ", b".repeat(3000));
        let column = 3 * 3000 + 1;
        let text = located(column, 4).render_line(Some(&line));
        assert!(text.contains(&format!(" --> f.yaml:3:{column}\n")), "{text}");
        let (source, carets) = source_and_carets(&text);
        assert!(source.starts_with("...") && source.ends_with("..."), "{text}");
        assert!(columns(source) <= 140, "{text}");
        let before = &source[..source.find("typo").expect("the mistake is shown")];
        assert_eq!(carets, format!("{}^^^^", " ".repeat(columns(before))), "{text}");
    }

    #[test]
    fn no_control_character_reaches_the_terminal() {
        let text = located(1, 1).render_line(Some("a\u{1b}[31m\u{9b}31m\u{7}\u{202e}\r"));
        assert!(!text.chars().any(|c| c.is_control() && c != '\n'), "{text:?}");
    }

    #[test]
    fn without_its_line_the_place_is_still_said() {
        let text = located(5, 1).render_line(None);
        assert!(text.contains("--> f.yaml:3:5\n"), "{text}");
        assert!(text.contains("= help: write `id`"), "{text}");
    }
}
