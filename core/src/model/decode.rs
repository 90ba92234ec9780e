//! The compiled catalogue's decoder: a small JSON pull parser and one decode function per
//! model type, written by hand so that the widget's wasm does not carry serde's generic
//! deserialisation code for every model type.
//!
//! It reads exactly what `serde_json::from_str::<CompiledCatalog>` reads, with the model's
//! `#[serde(...)]` attributes: renamed fields, defaults (`default = "super::yes"` included),
//! `null` or absent `Option`s, unknown and duplicate fields rejected (every model type denies
//! unknown fields), structs also written as arrays of their fields in order (serde accepts
//! both), unit variants as `"word"` or `{"word": null}`, the untagged [`Requirement`], maps
//! whose repeated keys keep the last value, the nesting limit of 128 and nothing after the
//! document. Numbers: `u32` fields take whole numbers only (no sign, fraction or exponent, as
//! serde_json); `f64` fields take any JSON number, read by serde_json itself (the same double).
//!
//! Errors say where (a path such as `procedures[3].form.pages[0].fields[2].type`, with line
//! and column) and what was expected. Nothing here panics on any input.

use std::borrow::Cow;
use std::collections::BTreeMap;

use super::catalog::{CatalogError, CompiledCatalog};
use super::{
    AfterSubmit, Applicability, AsMember, ChangePolicy, Channel, ChoiceOption, Code, CodeList, Concept, Counting,
    DeadlineRule, DeadlineVariant, Department, Fee, Field, FieldOverride, FieldType, Form, HostStep, Identity,
    LegalBasis, LifeEvent, LocalFields, NamePart, Offering, Page, Prefill, Procedure, ProcedureType, ProfilePolicy,
    Repertoire, RequiredDocument, Requirement, ResultDelivery, Rollover, Rule, Sensitivity, Severity, Text, Town,
    Visit,
};

/// How deeply arrays and objects may nest (serde_json's limit: the 128th level is refused).
const MAX_DEPTH: u32 = 128;

/// Decodes a catalogue's JSON text, without checking its format version or content hash
/// (that is [`CompiledCatalog::from_json`], which calls this first).
pub fn catalog(text: &str) -> Result<CompiledCatalog, CatalogError> {
    let mut p = Parser { text, pos: 0, depth: 0 };
    let decoded = compiled_catalog(&mut p).and_then(|c| match p.peek() {
        None => Ok(c),
        Some(_) => Err(p.expected("the end of the catalogue")),
    });
    decoded.map_err(|e| CatalogError::Malformed(e.render(text)))
}

// ---------------------------------------------------------------------------------------------
// Errors: built only when something is wrong; the path is collected while unwinding.

enum Seg {
    Key(String),
    Index(usize),
}

struct Failure {
    pos: usize,
    what: String,
    /// Innermost first.
    path: Vec<Seg>,
}

type Error = Box<Failure>;
type R<T> = Result<T, Error>;

impl Failure {
    fn render(&self, text: &str) -> String {
        let mut path = String::new();
        for seg in self.path.iter().rev() {
            match seg {
                Seg::Key(k)
                    if !k.is_empty() && k.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-') =>
                {
                    if !path.is_empty() {
                        path.push('.');
                    }
                    path.push_str(k);
                }
                Seg::Key(k) => path.push_str(&format!("[{k:?}]")),
                Seg::Index(i) => path.push_str(&format!("[{i}]")),
            }
        }
        if path.is_empty() {
            path.push_str("the catalogue");
        }
        let before = text.get(..self.pos).unwrap_or(text);
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
        format!("{path} at line {line}, column {column}: {}", self.what)
    }
}

fn within_key(mut e: Error, key: &str) -> Error {
    e.path.push(Seg::Key(key.to_owned()));
    e
}

fn within_index(mut e: Error, index: usize) -> Error {
    e.path.push(Seg::Index(index));
    e
}

/// `` `a`, `b`, `c` ``.
fn listed(words: &[&str]) -> String {
    let mut s = String::new();
    for (i, w) in words.iter().enumerate() {
        if i > 0 {
            s.push_str(", ");
        }
        s.push('`');
        s.push_str(w);
        s.push('`');
    }
    s
}

/// ` (did you mean `x`?)` when a word is close to `found`, else nothing.
fn did_you_mean(words: &[&str], found: &str) -> String {
    match crate::suggest::did_you_mean(found, words.iter().copied()) {
        Some(m) => format!(" (did you mean `{m}`?)"),
        None => String::new(),
    }
}

/// A string as quoted in messages, cut short when long.
fn quoted(s: &str) -> String {
    let mut out: String = s.chars().take(40).collect();
    if out.len() < s.len() {
        out.push('…');
    }
    format!("{out:?}")
}

// ---------------------------------------------------------------------------------------------
// The pull parser.

/// A position in the JSON text being decoded.
struct Parser<'a> {
    text: &'a str,
    pos: usize,
    depth: u32,
}

/// A struct: its name in messages, its fields in declaration order (the order of the array
/// form) and which of them must be present.
struct Shape {
    what: &'static str,
    fields: &'static [&'static str],
    required: u64,
}

/// A struct's [`Shape`], its required fields named (checked when compiling).
const fn shape(what: &'static str, fields: &'static [&'static str], required: &'static [&'static str]) -> Shape {
    assert!(fields.len() <= 64);
    let mut mask = 0u64;
    let mut r = 0;
    while r < required.len() {
        let mut i = 0;
        let mut found = false;
        while i < fields.len() {
            if same(fields[i], required[r]) {
                mask |= 1 << i;
                found = true;
            }
            i += 1;
        }
        assert!(found, "a required field that is not a field");
        r += 1;
    }
    Shape { what, fields, required: mask }
}

const fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

impl<'a> Parser<'a> {
    fn bytes(&self) -> &'a [u8] {
        self.text.as_bytes()
    }

    fn at(&self, pos: usize) -> Option<u8> {
        self.bytes().get(pos).copied()
    }

    /// The next byte after whitespace.
    fn peek(&mut self) -> Option<u8> {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.at(self.pos) {
            self.pos += 1;
        }
        self.at(self.pos)
    }

    #[cold]
    fn fail_at(&self, pos: usize, what: String) -> Error {
        Box::new(Failure { pos, what, path: Vec::new() })
    }

    /// "expected …, but found …" at the next value.
    #[cold]
    fn expected(&mut self, what: &str) -> Error {
        let found = self.found();
        self.fail_at(self.pos, format!("expected {what} but found {found}"))
    }

    /// What the next value is, for messages.
    #[cold]
    fn found(&mut self) -> String {
        let rest = self.bytes().get(self.pos..).unwrap_or_default();
        match rest.first() {
            None => "the end of the text".into(),
            Some(b'"') => {
                let mut q = Parser { text: self.text, pos: self.pos, depth: 0 };
                match q.string_raw() {
                    Ok(s) => quoted(&s),
                    Err(_) => "a string that is not valid".into(),
                }
            }
            Some(b'{') => "an object".into(),
            Some(b'[') => "an array".into(),
            Some(b'-' | b'0'..=b'9') => {
                let n = rest.iter().take_while(|c| matches!(c, b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9')).count();
                format!("the number {}", self.text.get(self.pos..self.pos + n.min(40)).unwrap_or(""))
            }
            _ if rest.starts_with(b"true") => "true".into(),
            _ if rest.starts_with(b"false") => "false".into(),
            _ if rest.starts_with(b"null") => "null".into(),
            _ => match self.text.get(self.pos..).and_then(|s| s.chars().next()) {
                Some(c) => format!("`{}`", c.escape_debug()),
                None => "a broken character".into(),
            },
        }
    }

    /// Consumes `word` (`true`, `null`…) if it is next.
    fn literal(&mut self, word: &str) -> bool {
        if self.peek().is_some() && self.bytes().get(self.pos..).is_some_and(|b| b.starts_with(word.as_bytes())) {
            self.pos += word.len();
            true
        } else {
            false
        }
    }

    /// Consumes `c` if it is next.
    fn eat(&mut self, c: u8) -> bool {
        if self.peek() == Some(c) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    /// Enters an array or object (the opening byte is next).
    fn enter(&mut self) -> R<()> {
        self.depth += 1;
        if self.depth >= MAX_DEPTH {
            return Err(self.fail_at(self.pos, format!("nested more than {} levels deep", MAX_DEPTH - 1)));
        }
        self.pos += 1;
        Ok(())
    }

    /// After an element: `,` (true: another follows) or `close` (false).
    fn next_or_close(&mut self, close: u8) -> R<bool> {
        match self.peek() {
            Some(b',') => {
                self.pos += 1;
                Ok(true)
            }
            Some(c) if c == close => {
                self.pos += 1;
                self.depth -= 1;
                Ok(false)
            }
            _ => Err(self.expected(if close == b'}' { "`,` or `}`" } else { "`,` or `]`" })),
        }
    }

    fn colon(&mut self) -> R<()> {
        if self.eat(b':') { Ok(()) } else { Err(self.expected("`:`")) }
    }

    // -- strings

    /// A string, borrowed from the text when it has no escape.
    fn string_raw(&mut self) -> R<Cow<'a, str>> {
        if self.peek() != Some(b'"') {
            return Err(self.expected("a string"));
        }
        self.pos += 1;
        let start = self.pos;
        self.skip_plain();
        loop {
            match self.at(self.pos) {
                Some(b'"') => {
                    let s = self.text.get(start..self.pos).unwrap_or_default();
                    self.pos += 1;
                    return Ok(Cow::Borrowed(s));
                }
                Some(b'\\') => return self.string_escaped(start).map(Cow::Owned),
                Some(c) if c >= 0x20 => self.pos += 1,
                _ => return Err(self.bad_string_byte()),
            }
        }
    }

    /// Skips the bytes of a string that need no attention (not `"`, `\\` or a control
    /// character), eight at a time.
    fn skip_plain(&mut self) {
        const ONES: u64 = 0x0101_0101_0101_0101;
        const HIGH: u64 = 0x8080_8080_8080_8080;
        while let Some(chunk) = self.bytes().get(self.pos..self.pos + 8) {
            let Ok(chunk) = <[u8; 8]>::try_from(chunk) else { return };
            let w = u64::from_le_bytes(chunk);
            let quote = w ^ (ONES * u64::from(b'"'));
            let backslash = w ^ (ONES * u64::from(b'\\'));
            // A byte below 0x20, or equal to `"` or `\\`, sets its high bit here (bytes after
            // the first such one may be flagged wrongly; only the first counts).
            let found = (w.wrapping_sub(ONES * 0x20)
                | quote.wrapping_sub(ONES) & !quote
                | backslash.wrapping_sub(ONES) & !backslash)
                & !w
                & HIGH;
            if found != 0 {
                self.pos += (found.trailing_zeros() / 8) as usize;
                return;
            }
            self.pos += 8;
        }
    }

    #[cold]
    fn bad_string_byte(&self) -> Error {
        match self.at(self.pos) {
            None => self.fail_at(self.pos, "the text ends inside a string".into()),
            Some(_) => self.fail_at(
                self.pos,
                "a control character inside a string: write it as an escape (\\n, \\t, \\u0000)".into(),
            ),
        }
    }

    /// The rest of a string that has escapes, from `start` (after the opening quote).
    fn string_escaped(&mut self, start: usize) -> R<String> {
        let mut out = String::from(self.text.get(start..self.pos).unwrap_or_default());
        loop {
            let run = self.pos;
            while let Some(c) = self.at(self.pos) {
                if c == b'"' || c == b'\\' || c < 0x20 {
                    break;
                }
                self.pos += 1;
            }
            out.push_str(self.text.get(run..self.pos).unwrap_or_default());
            match self.at(self.pos) {
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    let escape = self.pos;
                    let simple = match self.at(escape + 1) {
                        Some(b'"') => Some('"'),
                        Some(b'\\') => Some('\\'),
                        Some(b'/') => Some('/'),
                        Some(b'b') => Some('\u{8}'),
                        Some(b'f') => Some('\u{c}'),
                        Some(b'n') => Some('\n'),
                        Some(b'r') => Some('\r'),
                        Some(b't') => Some('\t'),
                        Some(b'u') => None,
                        _ => return Err(self.bad_escape(escape)),
                    };
                    self.pos += 2;
                    let c = match simple {
                        Some(c) => c,
                        None => self.unicode_escape(escape)?,
                    };
                    out.push(c);
                }
                _ => return Err(self.bad_string_byte()),
            }
        }
    }

    #[cold]
    fn bad_escape(&self, escape: usize) -> Error {
        let what = match self.text.get(escape..).and_then(|s| s.chars().nth(1)) {
            Some(c) => {
                format!("`\\{}` is not an escape of JSON (\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)", c.escape_debug())
            }
            None => "the text ends inside an escape".into(),
        };
        self.fail_at(escape, what)
    }

    /// After `\u`: four hex digits, a surrogate pair as two escapes.
    fn unicode_escape(&mut self, escape: usize) -> R<char> {
        let high = self.hex4(escape)?;
        let code = if (0xD800..0xDC00).contains(&high) {
            if self.at(self.pos) != Some(b'\\') || self.at(self.pos + 1) != Some(b'u') {
                return Err(self.fail_at(
                    escape,
                    "a lone surrogate escape: \\uD800–\\uDBFF must be followed by \\uDC00–\\uDFFF".into(),
                ));
            }
            self.pos += 2;
            let low = self.hex4(escape)?;
            if !(0xDC00..0xE000).contains(&low) {
                return Err(self.fail_at(
                    escape,
                    "a lone surrogate escape: \\uD800–\\uDBFF must be followed by \\uDC00–\\uDFFF".into(),
                ));
            }
            0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
        } else {
            high
        };
        char::from_u32(code).ok_or_else(|| self.fail_at(escape, "a lone surrogate escape (\\uDC00–\\uDFFF)".into()))
    }

    fn hex4(&mut self, escape: usize) -> R<u32> {
        let mut n = 0;
        for _ in 0..4 {
            let d = match self.at(self.pos) {
                Some(c @ b'0'..=b'9') => c - b'0',
                Some(c @ b'a'..=b'f') => c - b'a' + 10,
                Some(c @ b'A'..=b'F') => c - b'A' + 10,
                _ => return Err(self.fail_at(escape, "a \\u escape needs four hex digits".into())),
            };
            n = n * 16 + u32::from(d);
            self.pos += 1;
        }
        Ok(n)
    }

    /// A string, owned.
    fn string(&mut self) -> R<String> {
        self.string_raw().map(Cow::into_owned)
    }

    // -- other scalars

    fn boolean(&mut self) -> R<bool> {
        if self.literal("true") {
            Ok(true)
        } else if self.literal("false") {
            Ok(false)
        } else {
            Err(self.expected("true or false"))
        }
    }

    /// A JSON number's text, checked against JSON's grammar; `true` when it is a whole number
    /// written without sign, fraction or exponent.
    fn number(&mut self, what: &str) -> R<(&'a str, bool)> {
        let start = self.pos;
        let b = self.bytes();
        let mut i = start;
        let digits = |i: &mut usize| {
            let from = *i;
            while let Some(b'0'..=b'9') = b.get(*i) {
                *i += 1;
            }
            *i > from
        };
        let mut plain = true;
        if b.get(i) == Some(&b'-') {
            plain = false;
            i += 1;
        }
        match b.get(i) {
            Some(b'0') => i += 1,
            Some(b'1'..=b'9') => {
                digits(&mut i);
            }
            _ if i == start => return Err(self.expected(what)),
            _ => return Err(self.fail_at(start, "a number that is not valid JSON".into())),
        }
        if b.get(i) == Some(&b'.') {
            plain = false;
            i += 1;
            if !digits(&mut i) {
                return Err(self.fail_at(start, "a number that is not valid JSON".into()));
            }
        }
        if let Some(b'e' | b'E') = b.get(i) {
            plain = false;
            i += 1;
            if let Some(b'+' | b'-') = b.get(i) {
                i += 1;
            }
            if !digits(&mut i) {
                return Err(self.fail_at(start, "a number that is not valid JSON".into()));
            }
        }
        if plain && b.get(start) == Some(&b'0') && matches!(b.get(start + 1), Some(b'0'..=b'9')) {
            return Err(self.fail_at(start, "a number with a leading zero".into()));
        }
        self.pos = i;
        Ok((self.text.get(start..i).unwrap_or_default(), plain))
    }

    /// A whole number from 0 to 4294967295.
    fn u32(&mut self) -> R<u32> {
        const WHAT: &str = "a whole number from 0 to 4294967295";
        self.peek();
        let start = self.pos;
        let (text, plain) = self.number(WHAT)?;
        match text.parse::<u32>() {
            Ok(n) if plain => Ok(n),
            _ => {
                self.pos = start;
                Err(self.expected(WHAT))
            }
        }
    }

    /// Any number.
    fn f64(&mut self) -> R<f64> {
        self.peek();
        let start = self.pos;
        let (text, _) = self.number("a number")?;
        // serde_json's own reading of the (already checked) number: the very double it gives,
        // and no second float parser in the wasm.
        serde_json::from_str::<f64>(text)
            .map_err(|_| self.fail_at(start, "a number too large for a 64-bit float".into()))
    }

    // -- containers

    /// A struct, as an object (`{"field": …}`, unknown and repeated fields refused, required
    /// fields checked) or as an array of its fields in order. `field(i, p)` reads field `i`.
    fn object(&mut self, shape: &Shape, field: &mut dyn FnMut(usize, &mut Parser<'a>) -> R<()>) -> R<()> {
        let open = self.pos;
        let close = match self.peek() {
            Some(b'{') => b'}',
            Some(b'[') => b']',
            _ => return Err(self.expected(shape.what)),
        };
        self.enter()?;
        let fields = shape.fields;
        let mut seen = 0u64;
        let mut next = 0usize;
        let mut more = !self.eat(close);
        if !more {
            self.depth -= 1;
        }
        while more {
            let i = if close == b'}' {
                let key_pos = self.pos;
                let key = match self.peek() {
                    Some(b'"') => self.string_raw()?,
                    _ => return Err(self.expected("a field name (a string)")),
                };
                // Catalogues list fields in order: look from the one after the last first.
                let mut i = None;
                for k in 0..fields.len() {
                    let mut j = next + k;
                    if j >= fields.len() {
                        j -= fields.len();
                    }
                    if fields.get(j).is_some_and(|f| **f == *key) {
                        i = Some(j);
                        break;
                    }
                }
                let Some(i) = i else {
                    return Err(within_key(self.unknown_field(key_pos, &key, shape), &key));
                };
                if seen & (1 << i) != 0 {
                    return Err(within_key(self.fail_at(key_pos, format!("duplicate field `{key}`")), &key));
                }
                self.colon()?;
                i
            } else if next < fields.len() {
                next
            } else {
                return Err(self.expected("`]`: no more fields"));
            };
            next = i + 1;
            seen |= 1 << i;
            let name = fields.get(i).copied().unwrap_or_default();
            field(i, self).map_err(|e| within_key(e, name))?;
            more = self.next_or_close(close)?;
        }
        let missing = shape.required & !seen;
        if missing != 0 {
            let name = fields.get(missing.trailing_zeros() as usize).copied().unwrap_or_default();
            return Err(self.fail_at(open, format!("missing field `{name}`")));
        }
        Ok(())
    }

    #[cold]
    fn unknown_field(&self, pos: usize, key: &str, shape: &Shape) -> Error {
        let hint = did_you_mean(shape.fields, key);
        self.fail_at(pos, format!("unknown field `{key}`{hint}: {} has {}", shape.what, listed(shape.fields)))
    }

    /// An array; `item(p)` reads one element.
    fn array(&mut self, item: &mut dyn FnMut(&mut Parser<'a>) -> R<()>) -> R<()> {
        if self.peek() != Some(b'[') {
            return Err(self.expected("an array"));
        }
        self.enter()?;
        if self.eat(b']') {
            self.depth -= 1;
            return Ok(());
        }
        let mut i = 0;
        loop {
            item(self).map_err(|e| within_index(e, i))?;
            if !self.next_or_close(b']')? {
                return Ok(());
            }
            i += 1;
        }
    }

    /// An object of string values (a repeated key keeps its last value, as serde's maps do).
    fn string_map(&mut self) -> R<BTreeMap<String, String>> {
        let mut map = BTreeMap::new();
        if self.peek() != Some(b'{') {
            return Err(self.expected("an object"));
        }
        self.enter()?;
        if self.eat(b'}') {
            self.depth -= 1;
            return Ok(map);
        }
        loop {
            let key = match self.peek() {
                Some(b'"') => self.string()?,
                _ => return Err(self.expected("a key (a string)")),
            };
            self.colon()?;
            let value = match self.string() {
                Ok(v) => v,
                Err(e) => return Err(within_key(e, &key)),
            };
            map.insert(key, value);
            if !self.next_or_close(b'}')? {
                return Ok(map);
            }
        }
    }

    /// A unit variant: `"word"`, or `{"word": null}` (serde_json reads both); its index.
    fn word(&mut self, words: &[&str]) -> R<usize> {
        let braced = match self.peek() {
            Some(b'"') => false,
            Some(b'{') => {
                self.enter()?;
                true
            }
            _ => return Err(self.expected(&format!("one of {}", listed(words)))),
        };
        let at = self.pos;
        let word = self.string_raw()?;
        let Some(i) = words.iter().position(|w| *w == word) else {
            self.pos = at;
            self.peek();
            let found = self.found();
            let at = self.pos;
            let (list, hint) = (listed(words), did_you_mean(words, &word));
            return Err(self.fail_at(at, format!("expected one of {list} but found {found}{hint}")));
        };
        if braced {
            self.colon()?;
            if !self.literal("null") {
                return Err(self.expected("null (a word written as an object has no value)"));
            }
            if !self.eat(b'}') {
                return Err(self.expected("`}`"));
            }
            self.depth -= 1;
        }
        Ok(i)
    }
}

// ---------------------------------------------------------------------------------------------
// Generic helpers, kept tiny: the loops above are not generic.

/// `null` → `None`, else the value.
fn opt<'a, T>(p: &mut Parser<'a>, f: fn(&mut Parser<'a>) -> R<T>) -> R<Option<T>> {
    if p.literal("null") { Ok(None) } else { f(p).map(Some) }
}

fn vec<'a, T>(p: &mut Parser<'a>, f: fn(&mut Parser<'a>) -> R<T>) -> R<Vec<T>> {
    let mut v = Vec::new();
    p.array(&mut |p| {
        v.push(f(p)?);
        Ok(())
    })?;
    Ok(v)
}

fn strings(p: &mut Parser<'_>) -> R<Vec<String>> {
    vec(p, Parser::string)
}

fn enum_of<T: Copy>(p: &mut Parser<'_>, words: &[&str], values: &[T]) -> R<T> {
    let i = p.word(words)?;
    values.get(i).copied().ok_or_else(|| p.fail_at(p.pos, "a word out of range".into()))
}

// ---------------------------------------------------------------------------------------------
// The model's words (serde's `rename_all = "snake_case"` and renames).

fn field_type(p: &mut Parser<'_>) -> R<FieldType> {
    enum_of(p, &FieldType::ALL.map(FieldType::name), &FieldType::ALL)
}

fn sensitivity(p: &mut Parser<'_>) -> R<Sensitivity> {
    enum_of(
        p,
        &["normal", "personal", "specific_personal"],
        &[Sensitivity::Normal, Sensitivity::Personal, Sensitivity::SpecificPersonal],
    )
}

fn profile_policy(p: &mut Parser<'_>) -> R<ProfilePolicy> {
    enum_of(p, &["keep", "sensitive", "never"], &[ProfilePolicy::Keep, ProfilePolicy::Sensitive, ProfilePolicy::Never])
}

fn prefill(p: &mut Parser<'_>) -> R<Prefill> {
    enum_of(
        p,
        &["offer", "none", "verified", "town"],
        &[Prefill::Offer, Prefill::None, Prefill::Verified, Prefill::Town],
    )
}

fn repertoire(p: &mut Parser<'_>) -> R<Repertoire> {
    enum_of(
        p,
        &["jis_x_0208", "jis_x_0213", "katakana", "ascii"],
        &[Repertoire::JisX0208, Repertoire::JisX0213, Repertoire::Katakana, Repertoire::Ascii],
    )
}

fn severity(p: &mut Parser<'_>) -> R<Severity> {
    enum_of(p, &["error", "warning"], &[Severity::Error, Severity::Warning])
}

fn change_policy(p: &mut Parser<'_>) -> R<ChangePolicy> {
    enum_of(p, &["frozen", "restrict", "extend"], &[ChangePolicy::Frozen, ChangePolicy::Restrict, ChangePolicy::Extend])
}

fn procedure_type(p: &mut Parser<'_>) -> R<ProcedureType> {
    enum_of(
        p,
        &["notification", "application", "authority"],
        &[ProcedureType::Notification, ProcedureType::Application, ProcedureType::Authority],
    )
}

fn channel(p: &mut Parser<'_>) -> R<Channel> {
    enum_of(p, &["online", "counter", "post"], &[Channel::Online, Channel::Counter, Channel::Post])
}

fn identity(p: &mut Parser<'_>) -> R<Identity> {
    enum_of(
        p,
        &["none", "my_number_card_signature", "my_number_card_login", "id_document"],
        &[Identity::None, Identity::MyNumberCardSignature, Identity::MyNumberCardLogin, Identity::IdDocument],
    )
}

fn host_step(p: &mut Parser<'_>) -> R<HostStep> {
    enum_of(p, &["sign", "pay", "book", "issue"], &[HostStep::Sign, HostStep::Pay, HostStep::Book, HostStep::Issue])
}

fn counting(p: &mut Parser<'_>) -> R<Counting> {
    enum_of(p, &["from_next_day", "including_first_day"], &[Counting::FromNextDay, Counting::IncludingFirstDay])
}

fn rollover(p: &mut Parser<'_>) -> R<Rollover> {
    enum_of(p, &["next_working_day", "none"], &[Rollover::NextWorkingDay, Rollover::None])
}

fn result_delivery(p: &mut Parser<'_>) -> R<ResultDelivery> {
    enum_of(
        p,
        &["post", "online", "counter", "none"],
        &[ResultDelivery::Post, ResultDelivery::Online, ResultDelivery::Counter, ResultDelivery::None],
    )
}

/// `true`/`false` or a condition (serde's untagged `Requirement`).
fn requirement(p: &mut Parser<'_>) -> R<Requirement> {
    match p.peek() {
        Some(b'"') => p.string().map(Requirement::When),
        Some(b't' | b'f') => p.boolean().map(Requirement::Fixed),
        _ => Err(p.expected("true, false or a condition (a string)")),
    }
}

// ---------------------------------------------------------------------------------------------
// The model's structs, one function each. Field indices follow the shapes' lists.

const TEXT: Shape = shape("a text", &["ja", "en", "ja-easy"], &[]);

fn text(p: &mut Parser<'_>) -> R<Text> {
    let mut t = Text::default();
    p.object(&TEXT, &mut |i, p| {
        let v = opt(p, Parser::string)?;
        match i {
            0 => t.ja = v,
            1 => t.en = v,
            _ => t.ja_easy = v,
        }
        Ok(())
    })?;
    Ok(t)
}

fn opt_text(p: &mut Parser<'_>) -> R<Option<Text>> {
    opt(p, text)
}

fn opt_string(p: &mut Parser<'_>) -> R<Option<String>> {
    opt(p, Parser::string)
}

fn opt_u32(p: &mut Parser<'_>) -> R<Option<u32>> {
    opt(p, Parser::u32)
}

fn opt_f64(p: &mut Parser<'_>) -> R<Option<f64>> {
    opt(p, Parser::f64)
}

const CATALOG: Shape = shape(
    "a catalogue",
    &["format", "content_hash", "town", "concepts", "code_lists", "procedures", "life_events"],
    &["format", "content_hash", "town", "concepts", "code_lists", "procedures", "life_events"],
);

fn compiled_catalog(p: &mut Parser<'_>) -> R<CompiledCatalog> {
    let mut c = CompiledCatalog {
        format: String::new(),
        content_hash: String::new(),
        town: empty_town(),
        concepts: Vec::new(),
        code_lists: Vec::new(),
        procedures: Vec::new(),
        life_events: Vec::new(),
    };
    p.object(&CATALOG, &mut |i, p| {
        match i {
            0 => c.format = p.string()?,
            1 => c.content_hash = p.string()?,
            2 => c.town = town(p)?,
            3 => c.concepts = vec(p, concept)?,
            4 => c.code_lists = vec(p, code_list)?,
            5 => c.procedures = vec(p, procedure)?,
            _ => c.life_events = vec(p, life_event)?,
        }
        Ok(())
    })?;
    Ok(c)
}

const TOWN: Shape = shape(
    "a town",
    &[
        "sample",
        "id",
        "code",
        "name",
        "prefecture",
        "district",
        "model_version",
        "region",
        "offer_all",
        "departments",
        "procedures",
        "life_events",
    ],
    &["id", "code", "name", "prefecture", "departments"],
);

fn empty_town() -> Town {
    Town {
        sample: false,
        id: String::new(),
        code: String::new(),
        name: Text::default(),
        prefecture: Text::default(),
        district: None,
        model_version: None,
        region: None,
        offer_all: false,
        departments: Vec::new(),
        procedures: Vec::new(),
        life_events: Vec::new(),
    }
}

fn town(p: &mut Parser<'_>) -> R<Town> {
    let mut t = empty_town();
    p.object(&TOWN, &mut |i, p| {
        match i {
            0 => t.sample = p.boolean()?,
            1 => t.id = p.string()?,
            2 => t.code = p.string()?,
            3 => t.name = text(p)?,
            4 => t.prefecture = text(p)?,
            5 => t.district = opt_text(p)?,
            6 => t.model_version = opt_string(p)?,
            7 => t.region = opt_string(p)?,
            8 => t.offer_all = p.boolean()?,
            9 => t.departments = vec(p, department)?,
            10 => t.procedures = vec(p, offering)?,
            _ => t.life_events = vec(p, Parser::string)?,
        }
        Ok(())
    })?;
    Ok(t)
}

const DEPARTMENT: Shape =
    shape("a department", &["id", "name", "phone", "email", "location", "hours"], &["id", "name"]);

fn department(p: &mut Parser<'_>) -> R<Department> {
    let mut d =
        Department { id: String::new(), name: Text::default(), phone: None, email: None, location: None, hours: None };
    p.object(&DEPARTMENT, &mut |i, p| {
        match i {
            0 => d.id = p.string()?,
            1 => d.name = text(p)?,
            2 => d.phone = opt_string(p)?,
            3 => d.email = opt_string(p)?,
            4 => d.location = opt_text(p)?,
            _ => d.hours = opt_text(p)?,
        }
        Ok(())
    })?;
    Ok(d)
}

const OFFERING: Shape = shape(
    "an offering",
    &["procedure", "department", "fee", "after_submit", "offered", "fields", "local_fields"],
    &["procedure"],
);

fn offering(p: &mut Parser<'_>) -> R<Offering> {
    let mut o = Offering {
        procedure: String::new(),
        department: None,
        fee: None,
        after_submit: None,
        offered: true,
        fields: Vec::new(),
        local_fields: Vec::new(),
    };
    p.object(&OFFERING, &mut |i, p| {
        match i {
            0 => o.procedure = p.string()?,
            1 => o.department = opt_string(p)?,
            2 => o.fee = opt(p, fee)?,
            3 => o.after_submit = opt(p, after_submit)?,
            4 => o.offered = p.boolean()?,
            5 => o.fields = vec(p, field_override)?,
            _ => o.local_fields = vec(p, local_fields)?,
        }
        Ok(())
    })?;
    Ok(o)
}

const FIELD_OVERRIDE: Shape = shape(
    "a field override",
    &[
        "field",
        "label",
        "hint",
        "required",
        "min_length",
        "max_length",
        "min",
        "max",
        "min_items",
        "max_items",
        "options",
        "rules",
    ],
    &["field"],
);

fn field_override(p: &mut Parser<'_>) -> R<FieldOverride> {
    let mut o = FieldOverride {
        field: String::new(),
        label: None,
        hint: None,
        required: None,
        min_length: None,
        max_length: None,
        min: None,
        max: None,
        min_items: None,
        max_items: None,
        options: None,
        rules: Vec::new(),
    };
    p.object(&FIELD_OVERRIDE, &mut |i, p| {
        match i {
            0 => o.field = p.string()?,
            1 => o.label = opt_text(p)?,
            2 => o.hint = opt_text(p)?,
            3 => o.required = opt(p, Parser::boolean)?,
            4 => o.min_length = opt_u32(p)?,
            5 => o.max_length = opt_u32(p)?,
            6 => o.min = opt_f64(p)?,
            7 => o.max = opt_f64(p)?,
            8 => o.min_items = opt_u32(p)?,
            9 => o.max_items = opt_u32(p)?,
            10 => o.options = opt(p, strings)?,
            _ => o.rules = vec(p, rule)?,
        }
        Ok(())
    })?;
    Ok(o)
}

const LOCAL_FIELDS: Shape = shape("local fields", &["page", "fields"], &["page", "fields"]);

fn local_fields(p: &mut Parser<'_>) -> R<LocalFields> {
    let mut l = LocalFields { page: String::new(), fields: Vec::new() };
    p.object(&LOCAL_FIELDS, &mut |i, p| {
        match i {
            0 => l.page = p.string()?,
            _ => l.fields = vec(p, field)?,
        }
        Ok(())
    })?;
    Ok(l)
}

const FEE: Shape = shape("a fee", &["amount", "per", "count"], &["amount"]);

fn fee(p: &mut Parser<'_>) -> R<Fee> {
    let mut f = Fee { amount: 0, per: None, count: None };
    p.object(&FEE, &mut |i, p| {
        match i {
            0 => f.amount = p.u32()?,
            1 => f.per = opt_text(p)?,
            _ => f.count = opt_string(p)?,
        }
        Ok(())
    })?;
    Ok(f)
}

const CONCEPT: Shape = shape(
    "a concept",
    &["id", "label", "description", "type", "code_list", "sensitivity", "profile", "mappings", "as_member"],
    &["id", "label", "type"],
);

const AS_MEMBER: Shape = shape("a concept's `as_member`", &["concept", "part"], &["concept"]);

fn name_part(p: &mut Parser<'_>) -> R<NamePart> {
    enum_of(p, &["family", "given"], &[NamePart::Family, NamePart::Given])
}

fn as_member(p: &mut Parser<'_>) -> R<AsMember> {
    let mut a = AsMember { concept: String::new(), part: None };
    p.object(&AS_MEMBER, &mut |i, p| {
        match i {
            0 => a.concept = p.string()?,
            _ => a.part = opt(p, name_part)?,
        }
        Ok(())
    })?;
    Ok(a)
}

fn concept(p: &mut Parser<'_>) -> R<Concept> {
    let mut c = Concept {
        id: String::new(),
        label: Text::default(),
        description: None,
        value_type: FieldType::Text,
        code_list: None,
        sensitivity: Sensitivity::default(),
        profile: None,
        mappings: BTreeMap::new(),
        as_member: None,
    };
    p.object(&CONCEPT, &mut |i, p| {
        match i {
            0 => c.id = p.string()?,
            1 => c.label = text(p)?,
            2 => c.description = opt_text(p)?,
            3 => c.value_type = field_type(p)?,
            4 => c.code_list = opt_string(p)?,
            5 => c.sensitivity = sensitivity(p)?,
            6 => c.profile = opt(p, profile_policy)?,
            7 => c.mappings = p.string_map()?,
            _ => c.as_member = opt(p, as_member)?,
        }
        Ok(())
    })?;
    Ok(c)
}

const CODE_LIST: Shape =
    shape("a code list", &["sample", "id", "version", "title", "codes"], &["id", "version", "title", "codes"]);

fn code_list(p: &mut Parser<'_>) -> R<CodeList> {
    let mut l = CodeList {
        sample: false,
        id: String::new(),
        version: String::new(),
        title: Text::default(),
        codes: Vec::new(),
    };
    p.object(&CODE_LIST, &mut |i, p| {
        match i {
            0 => l.sample = p.boolean()?,
            1 => l.id = p.string()?,
            2 => l.version = p.string()?,
            3 => l.title = text(p)?,
            _ => l.codes = vec(p, code)?,
        }
        Ok(())
    })?;
    Ok(l)
}

const CODE: Shape = shape("a code", &["code", "label"], &["code", "label"]);

fn code(p: &mut Parser<'_>) -> R<Code> {
    let mut c = Code { code: String::new(), label: Text::default() };
    p.object(&CODE, &mut |i, p| {
        match i {
            0 => c.code = p.string()?,
            _ => c.label = text(p)?,
        }
        Ok(())
    })?;
    Ok(c)
}

const PROCEDURE: Shape = shape(
    "a procedure",
    &[
        "sample",
        "id",
        "version",
        "title",
        "summary",
        "type",
        "legal_basis",
        "department",
        "channels",
        "online_completion",
        "identity",
        "documents",
        "fee",
        "steps",
        "deadline",
        "after_submit",
        "form",
        "change",
        "town",
        "visit",
    ],
    &["id", "version", "title", "type", "department"],
);

fn procedure(p: &mut Parser<'_>) -> R<Procedure> {
    let mut d = Procedure::with_form(String::new(), Text::default(), Form::default());
    d.version = String::new();
    d.identity = Identity::default();
    p.object(&PROCEDURE, &mut |i, p| {
        match i {
            0 => d.sample = p.boolean()?,
            1 => d.id = p.string()?,
            2 => d.version = p.string()?,
            3 => d.title = text(p)?,
            4 => d.summary = opt_text(p)?,
            5 => d.procedure_type = procedure_type(p)?,
            6 => d.legal_basis = vec(p, legal_basis)?,
            7 => d.department = p.string()?,
            8 => d.channels = vec(p, channel)?,
            9 => d.online_completion = p.boolean()?,
            10 => d.identity = identity(p)?,
            11 => d.documents = vec(p, required_document)?,
            12 => d.fee = opt(p, fee)?,
            13 => d.steps = vec(p, host_step)?,
            14 => d.deadline = opt(p, deadline_rule)?,
            15 => d.after_submit = opt(p, after_submit)?,
            16 => d.form = form(p)?,
            17 => d.change = opt(p, change_policy)?,
            18 => d.town = opt_string(p)?,
            _ => d.visit = opt(p, visit)?,
        }
        Ok(())
    })?;
    Ok(d)
}

const AFTER_SUBMIT: Shape = shape("an after-submit note", &["text", "within_days", "result"], &["text"]);

fn after_submit(p: &mut Parser<'_>) -> R<AfterSubmit> {
    let mut a = AfterSubmit { text: Text::default(), within_days: None, result: None };
    p.object(&AFTER_SUBMIT, &mut |i, p| {
        match i {
            0 => a.text = text(p)?,
            1 => a.within_days = opt_u32(p)?,
            _ => a.result = opt(p, result_delivery)?,
        }
        Ok(())
    })?;
    Ok(a)
}

const VISIT: Shape = shape("a visit", &["reason", "basis"], &["reason"]);

fn visit(p: &mut Parser<'_>) -> R<Visit> {
    let mut v = Visit { reason: Text::default(), basis: None };
    p.object(&VISIT, &mut |i, p| {
        match i {
            0 => v.reason = text(p)?,
            _ => v.basis = opt(p, legal_basis)?,
        }
        Ok(())
    })?;
    Ok(v)
}

const LEGAL_BASIS: Shape = shape("a legal basis", &["law", "article", "note"], &["law"]);

fn legal_basis(p: &mut Parser<'_>) -> R<LegalBasis> {
    let mut l = LegalBasis { law: String::new(), article: None, note: None };
    p.object(&LEGAL_BASIS, &mut |i, p| {
        match i {
            0 => l.law = p.string()?,
            1 => l.article = opt_string(p)?,
            _ => l.note = opt_string(p)?,
        }
        Ok(())
    })?;
    Ok(l)
}

const REQUIRED_DOCUMENT: Shape = shape("a required document", &["title", "when"], &["title"]);

fn required_document(p: &mut Parser<'_>) -> R<RequiredDocument> {
    let mut d = RequiredDocument { title: Text::default(), when: None };
    p.object(&REQUIRED_DOCUMENT, &mut |i, p| {
        match i {
            0 => d.title = text(p)?,
            _ => d.when = opt_string(p)?,
        }
        Ok(())
    })?;
    Ok(d)
}

const DEADLINE_RULE: Shape = shape(
    "a deadline rule",
    &["anchor", "days", "months", "counting", "rollover", "variant", "consequence", "basis"],
    &["anchor", "counting"],
);

fn deadline_rule(p: &mut Parser<'_>) -> R<DeadlineRule> {
    let mut d = DeadlineRule {
        anchor: String::new(),
        days: None,
        months: None,
        counting: Counting::FromNextDay,
        rollover: Rollover::default(),
        variant: None,
        consequence: None,
        basis: None,
    };
    p.object(&DEADLINE_RULE, &mut |i, p| {
        match i {
            0 => d.anchor = p.string()?,
            1 => d.days = opt_u32(p)?,
            2 => d.months = opt_u32(p)?,
            3 => d.counting = counting(p)?,
            4 => d.rollover = rollover(p)?,
            5 => d.variant = opt(p, deadline_variant)?,
            6 => d.consequence = opt_text(p)?,
            _ => d.basis = opt(p, legal_basis)?,
        }
        Ok(())
    })?;
    Ok(d)
}

const DEADLINE_VARIANT: Shape = shape("a deadline variant", &["when", "days", "months"], &["when"]);

fn deadline_variant(p: &mut Parser<'_>) -> R<DeadlineVariant> {
    let mut v = DeadlineVariant { when: String::new(), days: None, months: None };
    p.object(&DEADLINE_VARIANT, &mut |i, p| {
        match i {
            0 => v.when = p.string()?,
            1 => v.days = opt_u32(p)?,
            _ => v.months = opt_u32(p)?,
        }
        Ok(())
    })?;
    Ok(v)
}

const FORM: Shape = shape("a form", &["pages", "rules"], &[]);

fn form(p: &mut Parser<'_>) -> R<Form> {
    let mut f = Form::default();
    p.object(&FORM, &mut |i, p| {
        match i {
            0 => f.pages = vec(p, page)?,
            _ => f.rules = vec(p, rule)?,
        }
        Ok(())
    })?;
    Ok(f)
}

const PAGE: Shape = shape("a page", &["id", "title", "show_if", "fields"], &["id", "title"]);

fn page(p: &mut Parser<'_>) -> R<Page> {
    let mut g = Page { id: String::new(), title: Text::default(), show_if: None, fields: Vec::new() };
    p.object(&PAGE, &mut |i, p| {
        match i {
            0 => g.id = p.string()?,
            1 => g.title = text(p)?,
            2 => g.show_if = opt_string(p)?,
            _ => g.fields = vec(p, field)?,
        }
        Ok(())
    })?;
    Ok(g)
}

const FIELD: Shape = shape(
    "a field",
    &[
        "id",
        "concept",
        "type",
        "label",
        "hint",
        "required",
        "show_if",
        "prefill",
        "autocomplete",
        "min_length",
        "max_length",
        "min",
        "max",
        "not_future",
        "not_past",
        "repertoire",
        "options",
        "code_list",
        "fields",
        "min_items",
        "max_items",
        "max_size_kb",
        "accept",
        "rules",
        "change",
    ],
    &["id"],
);

fn field(p: &mut Parser<'_>) -> R<Field> {
    let mut f = Field::new(String::new(), FieldType::Text, Text::default());
    f.field_type = None;
    f.label = None;
    p.object(&FIELD, &mut |i, p| {
        match i {
            0 => f.id = p.string()?,
            1 => f.concept = opt_string(p)?,
            2 => f.field_type = opt(p, field_type)?,
            3 => f.label = opt_text(p)?,
            4 => f.hint = opt_text(p)?,
            5 => f.required = requirement(p)?,
            6 => f.show_if = opt_string(p)?,
            7 => f.prefill = opt(p, prefill)?,
            8 => f.autocomplete = opt_string(p)?,
            9 => f.min_length = opt_u32(p)?,
            10 => f.max_length = opt_u32(p)?,
            11 => f.min = opt_f64(p)?,
            12 => f.max = opt_f64(p)?,
            13 => f.not_future = p.boolean()?,
            14 => f.not_past = p.boolean()?,
            15 => f.repertoire = opt(p, repertoire)?,
            16 => f.options = vec(p, choice_option)?,
            17 => f.code_list = opt_string(p)?,
            18 => f.fields = vec(p, field)?,
            19 => f.min_items = opt_u32(p)?,
            20 => f.max_items = opt_u32(p)?,
            21 => f.max_size_kb = opt_u32(p)?,
            22 => f.accept = vec(p, Parser::string)?,
            23 => f.rules = vec(p, rule)?,
            _ => f.change = opt(p, change_policy)?,
        }
        Ok(())
    })?;
    Ok(f)
}

const CHOICE_OPTION: Shape = shape("an option", &["value", "label"], &["value", "label"]);

fn choice_option(p: &mut Parser<'_>) -> R<ChoiceOption> {
    let mut o = ChoiceOption { value: String::new(), label: Text::default() };
    p.object(&CHOICE_OPTION, &mut |i, p| {
        match i {
            0 => o.value = p.string()?,
            _ => o.label = text(p)?,
        }
        Ok(())
    })?;
    Ok(o)
}

const RULE: Shape = shape(
    "a rule",
    &["id", "check", "when", "severity", "message", "fix", "fields"],
    &["id", "check", "message", "fix"],
);

fn rule(p: &mut Parser<'_>) -> R<Rule> {
    let mut r = Rule {
        id: String::new(),
        check: String::new(),
        when: None,
        severity: Severity::default(),
        message: Text::default(),
        fix: Text::default(),
        fields: Vec::new(),
    };
    p.object(&RULE, &mut |i, p| {
        match i {
            0 => r.id = p.string()?,
            1 => r.check = p.string()?,
            2 => r.when = opt_string(p)?,
            3 => r.severity = severity(p)?,
            4 => r.message = text(p)?,
            5 => r.fix = text(p)?,
            _ => r.fields = vec(p, Parser::string)?,
        }
        Ok(())
    })?;
    Ok(r)
}

const LIFE_EVENT: Shape = shape(
    "a life event",
    &["sample", "id", "title", "summary", "date", "questions", "procedures"],
    &["id", "title", "procedures"],
);

fn life_event(p: &mut Parser<'_>) -> R<LifeEvent> {
    let mut e = LifeEvent {
        sample: false,
        id: String::new(),
        title: Text::default(),
        summary: None,
        date: None,
        questions: Vec::new(),
        procedures: Vec::new(),
    };
    p.object(&LIFE_EVENT, &mut |i, p| {
        match i {
            0 => e.sample = p.boolean()?,
            1 => e.id = p.string()?,
            2 => e.title = text(p)?,
            3 => e.summary = opt_text(p)?,
            4 => e.date = opt_string(p)?,
            5 => e.questions = vec(p, field)?,
            _ => e.procedures = vec(p, applicability)?,
        }
        Ok(())
    })?;
    Ok(e)
}

const APPLICABILITY: Shape =
    shape("an applicability", &["procedure", "when", "reason", "presets"], &["procedure", "reason"]);

fn applicability(p: &mut Parser<'_>) -> R<Applicability> {
    let mut a =
        Applicability { procedure: String::new(), when: None, reason: Text::default(), presets: BTreeMap::new() };
    p.object(&APPLICABILITY, &mut |i, p| {
        match i {
            0 => a.procedure = p.string()?,
            1 => a.when = opt_string(p)?,
            2 => a.reason = text(p)?,
            _ => a.presets = p.string_map()?,
        }
        Ok(())
    })?;
    Ok(a)
}

#[cfg(all(test, feature = "authoring"))]
mod tests {
    use super::*;

    /// The property names serde gives a model type (from its JSON Schema, derived from the
    /// same attributes), in declaration order.
    fn properties<T: schemars::JsonSchema>() -> Vec<String> {
        let schema = schemars::schema_for!(T);
        let props = schema.as_value().get("properties").and_then(|p| p.as_object()).cloned().unwrap_or_default();
        props.keys().cloned().collect()
    }

    fn sorted(fields: &[&str]) -> Vec<String> {
        let mut v: Vec<String> = fields.iter().map(|s| s.to_string()).collect();
        v.sort();
        v
    }

    /// A field added to a model type must be added to its shape and decode function: this
    /// fails until it is.
    #[test]
    fn every_shape_lists_exactly_the_fields_of_its_type() {
        let cases: Vec<(&Shape, Vec<String>)> = vec![
            (&TEXT, properties::<Text>()),
            (&TOWN, properties::<Town>()),
            (&DEPARTMENT, properties::<Department>()),
            (&OFFERING, properties::<Offering>()),
            (&FIELD_OVERRIDE, properties::<FieldOverride>()),
            (&LOCAL_FIELDS, properties::<LocalFields>()),
            (&FEE, properties::<Fee>()),
            (&CONCEPT, properties::<Concept>()),
            (&CODE_LIST, properties::<CodeList>()),
            (&CODE, properties::<Code>()),
            (&PROCEDURE, properties::<Procedure>()),
            (&AFTER_SUBMIT, properties::<AfterSubmit>()),
            (&LEGAL_BASIS, properties::<LegalBasis>()),
            (&VISIT, properties::<Visit>()),
            (&REQUIRED_DOCUMENT, properties::<RequiredDocument>()),
            (&DEADLINE_RULE, properties::<DeadlineRule>()),
            (&DEADLINE_VARIANT, properties::<DeadlineVariant>()),
            (&FORM, properties::<Form>()),
            (&PAGE, properties::<Page>()),
            (&FIELD, properties::<Field>()),
            (&CHOICE_OPTION, properties::<ChoiceOption>()),
            (&RULE, properties::<Rule>()),
            (&LIFE_EVENT, properties::<LifeEvent>()),
            (&APPLICABILITY, properties::<Applicability>()),
        ];
        for (shape, mut props) in cases {
            props.sort();
            assert_eq!(sorted(shape.fields), props, "{}", shape.what);
        }
    }

    /// Required fields are those serde reports missing in `{}`.
    #[test]
    fn required_fields_are_the_ones_serde_requires() {
        fn first_missing<T: serde::de::DeserializeOwned>() -> Option<String> {
            let e = serde_json::from_str::<T>("{}").err()?.to_string();
            Some(e.split('`').nth(1)?.to_string())
        }
        fn first_required(shape: &Shape) -> Option<String> {
            (shape.required != 0).then(|| shape.fields[shape.required.trailing_zeros() as usize].to_string())
        }
        assert_eq!(first_missing::<Text>(), first_required(&TEXT));
        assert_eq!(first_missing::<Town>(), first_required(&TOWN));
        assert_eq!(first_missing::<Field>(), first_required(&FIELD));
        assert_eq!(first_missing::<Procedure>(), first_required(&PROCEDURE));
        assert_eq!(first_missing::<Form>(), first_required(&FORM));
        assert_eq!(first_missing::<Offering>(), first_required(&OFFERING));
        assert_eq!(first_missing::<FieldOverride>(), first_required(&FIELD_OVERRIDE));
        assert_eq!(first_missing::<DeadlineRule>(), first_required(&DEADLINE_RULE));
        assert_eq!(first_missing::<AfterSubmit>(), first_required(&AFTER_SUBMIT));
    }
}
