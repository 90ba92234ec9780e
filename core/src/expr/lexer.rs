//! The lexer: source text to tokens with byte spans.
//!
//! It reads CEL's tokens for the subset (names, `null`/`true`/`false`/`in`, decimal and hex
//! integers, doubles, quoted and raw strings, operators, `//` comments) and turns the usual slips
//! of definition authors (`=`, `<>`, `and`-style words are left to the parser, full-width and
//! typographic characters, CEL reserved words) into errors that say what to write instead.

use std::fmt;

use super::ast::Span;
use super::error::{ExprError, codes};

/// CEL's reserved words: not usable as names.
pub const RESERVED_WORDS: [&str; 17] = [
    "as",
    "break",
    "const",
    "continue",
    "else",
    "for",
    "function",
    "if",
    "import",
    "let",
    "loop",
    "package",
    "namespace",
    "return",
    "var",
    "void",
    "while",
];

/// A token with its span.
#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    /// What the token is.
    pub kind: TokenKind,
    /// Where it is.
    pub span: Span,
}

/// The kinds of tokens.
#[derive(Debug, Clone, PartialEq)]
pub enum TokenKind {
    /// `null`
    Null,
    /// `true`
    True,
    /// `false`
    False,
    /// `in`
    In,
    /// An integer literal without sign (the parser folds a leading `-`), so that
    /// `-9223372036854775808` can be read.
    Int(u64),
    /// A double literal, always finite.
    Double(f64),
    /// A string literal with escapes decoded.
    String(String),
    /// A name: `[A-Za-z_][A-Za-z0-9_]*`, not a keyword nor a reserved word.
    Ident(String),
    /// `(`
    LParen,
    /// `)`
    RParen,
    /// `[`
    LBracket,
    /// `]`
    RBracket,
    /// `,`
    Comma,
    /// `.`
    Dot,
    /// `?`
    Question,
    /// `:`
    Colon,
    /// `||`
    OrOr,
    /// `&&`
    AndAnd,
    /// `==`
    EqEq,
    /// `!=`
    NotEq,
    /// `<`
    Lt,
    /// `<=`
    Le,
    /// `>`
    Gt,
    /// `>=`
    Ge,
    /// `+`
    Plus,
    /// `-`
    Minus,
    /// `*`
    Star,
    /// `/`
    Slash,
    /// `%`
    Percent,
    /// `!`
    Bang,
    /// The end of the source.
    Eof,
}

impl fmt::Display for TokenKind {
    /// How the token is named in messages: `` `)` ``, `the number 42`, `the end of the expression`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let symbol = match self {
            TokenKind::Null => "null",
            TokenKind::True => "true",
            TokenKind::False => "false",
            TokenKind::In => "in",
            TokenKind::Int(n) => return write!(f, "the number `{n}`"),
            TokenKind::Double(x) => return write!(f, "the number `{x:?}`"),
            TokenKind::String(s) => {
                f.write_str("the string `")?;
                super::ast::write_string_literal(f, s)?;
                return f.write_str("`");
            }
            TokenKind::Ident(name) => return write!(f, "`{name}`"),
            TokenKind::Eof => return f.write_str("the end of the expression"),
            other => other.symbol().unwrap_or("?"),
        };
        write!(f, "`{symbol}`")
    }
}

impl TokenKind {
    /// The fixed text of punctuation and keyword tokens.
    pub fn symbol(&self) -> Option<&'static str> {
        Some(match self {
            TokenKind::Null => "null",
            TokenKind::True => "true",
            TokenKind::False => "false",
            TokenKind::In => "in",
            TokenKind::LParen => "(",
            TokenKind::RParen => ")",
            TokenKind::LBracket => "[",
            TokenKind::RBracket => "]",
            TokenKind::Comma => ",",
            TokenKind::Dot => ".",
            TokenKind::Question => "?",
            TokenKind::Colon => ":",
            TokenKind::OrOr => "||",
            TokenKind::AndAnd => "&&",
            TokenKind::EqEq => "==",
            TokenKind::NotEq => "!=",
            TokenKind::Lt => "<",
            TokenKind::Le => "<=",
            TokenKind::Gt => ">",
            TokenKind::Ge => ">=",
            TokenKind::Plus => "+",
            TokenKind::Minus => "-",
            TokenKind::Star => "*",
            TokenKind::Slash => "/",
            TokenKind::Percent => "%",
            TokenKind::Bang => "!",
            TokenKind::Int(_) | TokenKind::Double(_) | TokenKind::String(_) | TokenKind::Ident(_) | TokenKind::Eof => {
                return None;
            }
        })
    }
}

/// Converts a byte offset to a span offset. Sources are at most
/// [`MAX_SOURCE_BYTES`](crate::expr::MAX_SOURCE_BYTES) long, so this never saturates in practice.
pub(crate) fn offset(pos: usize) -> u32 {
    u32::try_from(pos).unwrap_or(u32::MAX)
}

/// Reads tokens one at a time; see [`tokenize`] for the whole source at once.
#[derive(Debug, Clone)]
pub struct Lexer<'a> {
    src: &'a str,
    pos: usize,
}

/// Every token of `src`, ending with [`TokenKind::Eof`], or the first lexical error.
pub fn tokenize(src: &str) -> Result<Vec<Token>, ExprError> {
    let mut lexer = Lexer::new(src);
    let mut tokens = Vec::new();
    loop {
        let token = lexer.next_token()?;
        let end = token.kind == TokenKind::Eof;
        tokens.push(token);
        if end {
            return Ok(tokens);
        }
    }
}

impl<'a> Lexer<'a> {
    /// A lexer at the start of `src`.
    pub fn new(src: &'a str) -> Self {
        Lexer { src, pos: 0 }
    }

    fn peek(&self) -> Option<char> {
        self.src.get(self.pos..).and_then(|rest| rest.chars().next())
    }

    fn peek_at(&self, n: usize) -> Option<char> {
        self.src.get(self.pos..).and_then(|rest| rest.chars().nth(n))
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.pos += c.len_utf8();
        Some(c)
    }

    fn eat(&mut self, c: char) -> bool {
        if self.peek() == Some(c) {
            self.pos += c.len_utf8();
            true
        } else {
            false
        }
    }

    fn span_from(&self, start: usize) -> Span {
        Span::new(offset(start), offset(self.pos))
    }

    fn token(&self, kind: TokenKind, start: usize) -> Token {
        Token { kind, span: self.span_from(start) }
    }

    fn error(&self, start: usize, message: impl Into<String>) -> ExprError {
        ExprError::new(codes::SYNTAX, self.span_from(start), message)
    }

    fn skip_trivia(&mut self) {
        loop {
            match self.peek() {
                Some(' ' | '\t' | '\n' | '\r' | '\u{c}') => {
                    self.bump();
                }
                Some('/') if self.peek_at(1) == Some('/') => {
                    while let Some(c) = self.bump() {
                        if c == '\n' {
                            break;
                        }
                    }
                }
                _ => return,
            }
        }
    }

    /// The next token, [`TokenKind::Eof`] at the end (and again after it).
    pub fn next_token(&mut self) -> Result<Token, ExprError> {
        self.skip_trivia();
        let start = self.pos;
        let Some(c) = self.bump() else {
            return Ok(self.token(TokenKind::Eof, start));
        };
        let kind = match c {
            '(' => TokenKind::LParen,
            ')' => TokenKind::RParen,
            '[' => TokenKind::LBracket,
            ']' => TokenKind::RBracket,
            ',' => TokenKind::Comma,
            '?' => TokenKind::Question,
            ':' => TokenKind::Colon,
            '+' => TokenKind::Plus,
            '-' => TokenKind::Minus,
            '*' => TokenKind::Star,
            '/' => TokenKind::Slash,
            '%' => TokenKind::Percent,
            '.' if self.peek().is_some_and(|d| d.is_ascii_digit()) => {
                self.pos = start;
                return self.number(start);
            }
            '.' => TokenKind::Dot,
            '0'..='9' => {
                self.pos = start;
                return self.number(start);
            }
            '"' | '\'' => return self.string(start, c, false),
            'r' | 'R' if matches!(self.peek(), Some('"' | '\'')) => {
                let quote = self.bump().unwrap_or('"');
                return self.string(start, quote, true);
            }
            'b' | 'B' if matches!(self.peek(), Some('"' | '\'')) => {
                return Err(self
                    .error(start, "bytes literals (`b\"...\"`) are not supported")
                    .with_fix("use a plain string: \"...\""));
            }
            c if c.is_ascii_alphabetic() || c == '_' => return self.word(start),
            '|' if self.eat('|') => TokenKind::OrOr,
            '|' => return Err(self.error(start, "`|` is not an operator").with_fix("use `||` for \"or\"")),
            '&' if self.eat('&') => TokenKind::AndAnd,
            '&' => return Err(self.error(start, "`&` is not an operator").with_fix("use `&&` for \"and\"")),
            '=' => return self.equals(start),
            '!' if self.eat('=') => {
                if self.eat('=') {
                    return Err(self.error(start, "`!==` is not an operator").with_fix("use `!=`"));
                }
                TokenKind::NotEq
            }
            '!' => TokenKind::Bang,
            '<' if self.eat('=') => TokenKind::Le,
            '<' if self.eat('>') => {
                return Err(self.error(start, "`<>` is not an operator").with_fix("use `!=` for \"not equal\""));
            }
            '<' => TokenKind::Lt,
            '>' if self.eat('=') => TokenKind::Ge,
            '>' => TokenKind::Gt,
            '{' | '}' => {
                return Err(self
                    .error(
                        start,
                        format!("unexpected `{c}`: map literals `{{...}}` are not supported in these expressions"),
                    )
                    .with_fix("compare answers one by one and combine the conditions with `&&`"));
            }
            ';' => {
                return Err(self
                    .error(start, "unexpected `;`: an expression is a single condition, not a list of statements")
                    .with_fix("combine conditions with `&&` or `||`"));
            }
            other => return Err(self.unexpected_char(start, other)),
        };
        Ok(self.token(kind, start))
    }

    fn equals(&mut self, start: usize) -> Result<Token, ExprError> {
        if self.eat('=') {
            if self.eat('=') {
                return Err(self.error(start, "`===` is not an operator").with_fix("use `==`"));
            }
            return Ok(self.token(TokenKind::EqEq, start));
        }
        if self.eat('>') {
            return Err(self
                .error(start, "`=>` is not an operator")
                .with_fix("use `>=` for \"greater than or equal\""));
        }
        if self.eat('<') {
            return Err(self.error(start, "`=<` is not an operator").with_fix("use `<=` for \"less than or equal\""));
        }
        Err(self.error(start, "unexpected `=`; use `==` to compare").with_fix("write `==`"))
    }

    fn word(&mut self, start: usize) -> Result<Token, ExprError> {
        while self.peek().is_some_and(|c| c.is_ascii_alphanumeric() || c == '_') {
            self.bump();
        }
        let text = &self.src[start..self.pos];
        let kind = match text {
            "null" => TokenKind::Null,
            "true" => TokenKind::True,
            "false" => TokenKind::False,
            "in" => TokenKind::In,
            word if RESERVED_WORDS.contains(&word) => return Err(self.reserved(start, word)),
            word => TokenKind::Ident(word.to_owned()),
        };
        Ok(self.token(kind, start))
    }

    fn reserved(&self, start: usize, word: &str) -> ExprError {
        let fix = match word {
            "if" | "else" => "for a choice write `condition ? value_if_true : value_if_false`",
            "for" | "while" | "loop" | "break" | "continue" => {
                "expressions have no loops; test lists with `in` or `size()`"
            }
            "var" | "let" | "const" => {
                "expressions cannot define variables; refer to answers by field id or concept id"
            }
            "return" => "write the condition itself, without `return`",
            _ => "choose another name for the field or concept",
        };
        ExprError::new(
            codes::RESERVED_WORD,
            self.span_from(start),
            format!("`{word}` is a reserved word in CEL and cannot be used as a name"),
        )
        .with_fix(fix)
    }

    fn number(&mut self, start: usize) -> Result<Token, ExprError> {
        let hex = self.peek() == Some('0') && matches!(self.peek_at(1), Some('x' | 'X'));
        let kind = if hex {
            self.pos += 2;
            let digits_start = self.pos;
            while self.peek().is_some_and(|c| c.is_ascii_hexdigit()) {
                self.bump();
            }
            let digits = &self.src[digits_start..self.pos];
            if digits.is_empty() {
                return Err(self.error(start, "expected hexadecimal digits after `0x`"));
            }
            match u64::from_str_radix(digits, 16) {
                Ok(n) => TokenKind::Int(n),
                Err(_) => return Err(self.too_large(start)),
            }
        } else {
            let mut is_double = false;
            self.digits();
            if self.peek() == Some('.') && self.peek_at(1).is_some_and(|c| c.is_ascii_digit()) {
                is_double = true;
                self.bump();
                self.digits();
            }
            if matches!(self.peek(), Some('e' | 'E')) {
                let signed = matches!(self.peek_at(1), Some('+' | '-'));
                let digit_at = if signed { 2 } else { 1 };
                if self.peek_at(digit_at).is_some_and(|c| c.is_ascii_digit()) {
                    is_double = true;
                    self.pos += digit_at;
                    self.digits();
                }
            }
            let text = &self.src[start..self.pos];
            if is_double {
                match parse_double(text) {
                    Some(x) if x.is_finite() => TokenKind::Double(x),
                    _ => return Err(self.too_large(start)),
                }
            } else {
                match text.parse::<u64>() {
                    Ok(n) => TokenKind::Int(n),
                    Err(_) => return Err(self.too_large(start)),
                }
            }
        };
        let number_end = self.pos;
        match self.peek() {
            Some('u' | 'U') => {
                self.bump();
                Err(self
                    .error(start, "unsigned integers (the `u` suffix) are not supported")
                    .with_fix(format!("write `{}`", &self.src[start..number_end])))
            }
            Some(c) if c.is_ascii_alphanumeric() || c == '_' => {
                self.bump();
                Err(self
                    .error(start, format!("unexpected `{c}` right after the number `{}`", &self.src[start..number_end]))
                    .with_fix("names cannot start with a digit; separate a number from what follows with an operator"))
            }
            _ => Ok(self.token(kind, start)),
        }
    }

    fn digits(&mut self) {
        while self.peek().is_some_and(|c| c.is_ascii_digit()) {
            self.bump();
        }
    }

    fn too_large(&self, start: usize) -> ExprError {
        ExprError::new(
            codes::TOO_LARGE,
            self.span_from(start),
            format!("the number `{}` is too large", &self.src[start..self.pos]),
        )
        .with_fix(format!("whole numbers range from {} to {}", i64::MIN, i64::MAX))
    }

    fn string(&mut self, start: usize, quote: char, raw: bool) -> Result<Token, ExprError> {
        if self.peek() == Some(quote) && self.peek_at(1) == Some(quote) {
            self.pos += 2 * quote.len_utf8();
            return Err(self
                .error(start, "triple-quoted strings are not supported")
                .with_fix(format!("use {quote}...{quote} and write `\\n` for a line break")));
        }
        let mut value = String::new();
        loop {
            let char_start = self.pos;
            match self.bump() {
                None => {
                    return Err(self
                        .error(start, "this string is not closed")
                        .with_fix(format!("add `{quote}` at the end of the text")));
                }
                Some('\n' | '\r') => {
                    self.pos = char_start;
                    return Err(self
                        .error(start, "this string is not closed before the end of the line")
                        .with_fix(format!("add `{quote}` at the end of the text; write `\\n` for a line break")));
                }
                Some(c) if c == quote => break,
                Some('\\') if !raw => value.push(self.escape(char_start)?),
                Some(c) => value.push(c),
            }
        }
        Ok(self.token(TokenKind::String(value), start))
    }

    fn escape(&mut self, start: usize) -> Result<char, ExprError> {
        let c = match self.bump() {
            Some('n') => '\n',
            Some('r') => '\r',
            Some('t') => '\t',
            Some('a') => '\u{7}',
            Some('b') => '\u{8}',
            Some('f') => '\u{c}',
            Some('v') => '\u{b}',
            Some(c @ ('\\' | '\'' | '"' | '`' | '?')) => c,
            Some('u') => return self.unicode_escape(start, 4),
            Some('U') => return self.unicode_escape(start, 8),
            Some(other) => {
                let shown = other.escape_debug();
                return Err(self
                    .error(start, format!("unknown escape `\\{shown}` in a string"))
                    .with_fix("use one of \\n \\r \\t \\\\ \\' \\\" \\uXXXX, or write `\\\\` for a backslash"));
            }
            None => {
                return Err(self
                    .error(start, "this string ends with a lone `\\`")
                    .with_fix("write `\\\\` for a backslash"));
            }
        };
        Ok(c)
    }

    fn unicode_escape(&mut self, start: usize, len: usize) -> Result<char, ExprError> {
        let digits_start = self.pos;
        for _ in 0..len {
            if !self.peek().is_some_and(|c| c.is_ascii_hexdigit()) {
                return Err(self.error(
                    start,
                    format!("`\\{}` needs exactly {len} hexadecimal digits", if len == 4 { 'u' } else { 'U' }),
                ));
            }
            self.bump();
        }
        let value = u32::from_str_radix(&self.src[digits_start..self.pos], 16).ok();
        value.and_then(char::from_u32).ok_or_else(|| {
            self.error(start, format!("`{}` is not a valid Unicode character", &self.src[start..self.pos]))
        })
    }

    fn unexpected_char(&self, start: usize, c: char) -> ExprError {
        let code = u32::from(c);
        if let Some((what, write)) = lookalike(c) {
            return self
                .error(start, format!("unexpected {what} `{c}` (U+{code:04X}); expressions are written with half-width ASCII characters"))
                .with_fix(format!("write `{write}`"));
        }
        if c == '\u{3000}' {
            return self.error(start, "unexpected full-width space (U+3000)").with_fix("use a normal half-width space");
        }
        if c.is_control() || c.is_whitespace() {
            return self.error(start, format!("unexpected invisible character U+{code:04X}")).with_fix("remove it");
        }
        if c.is_alphabetic() {
            return self
                .error(
                    start,
                    format!(
                        "unexpected `{c}` (U+{code:04X}): names use ASCII letters, digits and `_`, e.g. `move_date`"
                    ),
                )
                .with_fix("refer to a field by its id; put text in quotes, e.g. \"東京都\"");
        }
        self.error(start, format!("unexpected character `{c}` (U+{code:04X})"))
    }
}

/// Full-width and typographic look-alikes of ASCII: what they are and what to write instead.
fn lookalike(c: char) -> Option<(&'static str, String)> {
    let code = u32::from(c);
    if (0xFF01..=0xFF5E).contains(&code) {
        let ascii = char::from_u32(code - 0xFEE0)?;
        let write = match ascii {
            '=' => "==".to_owned(),
            other => other.to_string(),
        };
        return Some(("full-width", write));
    }
    let (what, write) = match c {
        '“' | '”' | '„' | '‟' | '″' | '「' | '」' | '『' | '』' => ("typographic quote", "\""),
        '‘' | '’' | '‚' | '‛' | '′' => ("typographic quote", "'"),
        '−' | '–' | '—' | 'ー' | '‐' => ("dash", "-"),
        '≠' => ("symbol", "!="),
        '≤' | '≦' => ("symbol", "<="),
        '≥' | '≧' => ("symbol", ">="),
        '×' => ("symbol", "*"),
        '÷' => ("symbol", "/"),
        '、' => ("Japanese comma", ","),
        _ => return None,
    };
    Some((what, write.to_owned()))
}

/// A decimal literal (`1.5`, `0.25e3`) read as JSON numbers are read, so a literal in a
/// condition is the same double as the same number in an answer (and the library carries one
/// float parser, serde_json's). Leading zeros, which JSON does not allow, are dropped first.
fn parse_double(text: &str) -> Option<f64> {
    let digits = text.trim_start_matches('0');
    let json = if digits.is_empty() || digits.starts_with(['.', 'e', 'E']) {
        ["0", digits].concat()
    } else {
        digits.to_string()
    };
    serde_json::from_str::<f64>(&json).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(src: &str) -> Vec<TokenKind> {
        tokenize(src).expect("tokenize").into_iter().map(|t| t.kind).collect()
    }

    fn err(src: &str) -> ExprError {
        tokenize(src).expect_err("should fail")
    }

    #[test]
    fn operators_and_punctuation() {
        use TokenKind::*;
        assert_eq!(
            kinds("( ) [ ] , . ? : || && == != < <= > >= + - * / % !"),
            vec![
                LParen, RParen, LBracket, RBracket, Comma, Dot, Question, Colon, OrOr, AndAnd, EqEq, NotEq, Lt, Le, Gt,
                Ge, Plus, Minus, Star, Slash, Percent, Bang, Eof
            ]
        );
    }

    #[test]
    fn words_and_keywords() {
        use TokenKind::*;
        assert_eq!(
            kinds("null true false in move_date _x9"),
            vec![Null, True, False, In, Ident("move_date".into()), Ident("_x9".into()), Eof]
        );
    }

    #[test]
    fn numbers() {
        use TokenKind::*;
        assert_eq!(
            kinds("42 0x1F 1.5 .5 2e3 1E-2 9223372036854775808"),
            vec![Int(42), Int(31), Double(1.5), Double(0.5), Double(2000.0), Double(0.01), Int(1 << 63), Eof]
        );
        // `1.` followed by a name is an int and a member select.
        assert_eq!(kinds("1.e5"), vec![Int(1), Dot, Ident("e5".into()), Eof]);
    }

    #[test]
    fn number_errors() {
        assert_eq!(err("99999999999999999999").code, codes::TOO_LARGE);
        assert_eq!(err("1e999").code, codes::TOO_LARGE);
        assert!(err("1u").message.contains("unsigned"));
        assert!(err("12abc").message.contains("right after the number `12`"));
        assert!(err("0x").message.contains("hexadecimal"));
    }

    #[test]
    fn strings_and_escapes() {
        use TokenKind::*;
        assert_eq!(
            kinds(r#"'a' "b" "\n\t\\\'\"" '\u00e9' "\U0001F600" r"\d+" "東京""#),
            vec![
                String("a".into()),
                String("b".into()),
                String("\n\t\\'\"".into()),
                String("é".into()),
                String("😀".into()),
                String("\\d+".into()),
                String("東京".into()),
                Eof
            ]
        );
    }

    #[test]
    fn string_errors() {
        assert!(err("'abc").message.contains("not closed"));
        assert!(err("'abc\n'").message.contains("end of the line"));
        assert!(err(r"'\q'").message.contains("unknown escape"));
        assert!(err(r"'\u12'").message.contains("4 hexadecimal digits"));
        assert!(err(r"'\ud800'").message.contains("not a valid Unicode character"));
        assert!(err("'''x'''").message.contains("triple-quoted"));
        assert!(err("b'x'").message.contains("bytes"));
        assert!(err("'\\").message.contains("lone"));
    }

    #[test]
    fn comments_are_skipped() {
        assert_eq!(kinds("a // the answer\n&& b"), kinds("a && b"));
    }

    #[test]
    fn spans_are_byte_offsets() {
        let tokens = tokenize("名 == 'x'").expect_err("non-ASCII name");
        assert_eq!(tokens.span, Span::new(0, 3));
        let tokens = tokenize("'名' == x").expect("ok");
        assert_eq!(tokens[0].span, Span::new(0, 5));
        assert_eq!(tokens[1].span, Span::new(6, 8));
    }

    #[test]
    fn common_slips_say_what_to_write() {
        let e = err("a = 1");
        assert_eq!(e.message, "unexpected `=`; use `==` to compare");
        assert_eq!(e.span, Span::new(2, 3));
        assert_eq!(err("a <> 1").fix.as_deref(), Some("use `!=` for \"not equal\""));
        assert_eq!(err("a & b").fix.as_deref(), Some("use `&&` for \"and\""));
        assert_eq!(err("a | b").fix.as_deref(), Some("use `||` for \"or\""));
        assert_eq!(err("a === b").fix.as_deref(), Some("use `==`"));
        assert_eq!(err("a => b").fix.as_deref(), Some("use `>=` for \"greater than or equal\""));
        assert!(err("{}").message.contains("map literals"));
        assert!(err("a; b").message.contains("`;`"));
    }

    #[test]
    fn full_width_and_typographic_characters() {
        let e = err("a ＝ 1");
        assert!(e.message.contains("full-width `＝` (U+FF1D)"), "{}", e.message);
        assert_eq!(e.fix.as_deref(), Some("write `==`"));
        assert_eq!(err("a ＜ 1").fix.as_deref(), Some("write `<`"));
        assert_eq!(err("ｍove").fix.as_deref(), Some("write `m`"));
        let e = err("a == “x”");
        assert!(e.message.contains("typographic quote `“`"), "{}", e.message);
        assert_eq!(e.fix.as_deref(), Some("write `\"`"));
        assert!(err("a\u{3000}b").message.contains("full-width space"));
        assert_eq!(err("a ≠ b").fix.as_deref(), Some("write `!=`"));
        assert!(err("年齢 > 1").message.contains("ASCII letters"));
        assert!(err("a \u{7} b").message.contains("invisible"));
    }

    #[test]
    fn reserved_words_are_rejected() {
        let e = err("if");
        assert_eq!(e.code, codes::RESERVED_WORD);
        assert_eq!(e.message, "`if` is a reserved word in CEL and cannot be used as a name");
        assert!(e.fix.as_deref().is_some_and(|f| f.contains('?')));
        for word in RESERVED_WORDS {
            assert_eq!(err(word).code, codes::RESERVED_WORD, "{word}");
        }
    }

    #[test]
    fn token_descriptions() {
        assert_eq!(TokenKind::RParen.to_string(), "`)`");
        assert_eq!(TokenKind::Int(4).to_string(), "the number `4`");
        assert_eq!(TokenKind::String("a".into()).to_string(), "the string `\"a\"`");
        assert_eq!(TokenKind::Eof.to_string(), "the end of the expression");
    }
}
