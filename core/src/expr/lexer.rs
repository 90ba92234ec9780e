//! The lexer: source text to tokens with byte spans.
//!
//! It reads CEL's tokens for the subset (names, `null`/`true`/`false`/`in`, decimal and hex
//! integers, doubles, quoted and raw strings, operators, `//` comments) and turns the usual slips
//! of definition authors (`=`, `<>`, `and`-style words are left to the parser, full-width and
//! typographic characters, CEL reserved words) into errors that say what to write instead.

use super::ast::Span;
use super::error::{ExprError, Phrase, PhraseArg, codes, phrase};

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

impl TokenKind {
    /// How the token is named in messages: `` `)` ``, "the number `42`", "the end of the
    /// expression".
    pub fn described(&self) -> PhraseArg {
        let symbol = match self {
            TokenKind::Int(n) => return PhraseArg::Phrase(phrase!("noun-expr-token-number", number = n.to_string())),
            TokenKind::Double(x) => {
                return PhraseArg::Phrase(phrase!("noun-expr-token-number", number = format!("{x:?}")));
            }
            TokenKind::String(s) => {
                let mut literal = String::new();
                let _ = super::ast::write_string_literal(&mut literal, s);
                return PhraseArg::Phrase(phrase!("noun-expr-token-string", string = literal));
            }
            TokenKind::Ident(name) => name.as_str(),
            TokenKind::Eof => return PhraseArg::Phrase(phrase!("noun-expr-token-end")),
            other => other.symbol().unwrap_or("?"),
        };
        PhraseArg::Text(format!("`{symbol}`"))
    }

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

    fn error(&self, start: usize, message: Phrase) -> ExprError {
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
                return Err(self.error(start, phrase!("expr-syntax-bytes")).with_fix(phrase!("expr-syntax-bytes-fix")));
            }
            c if c.is_ascii_alphabetic() || c == '_' => return self.word(start),
            '|' if self.eat('|') => TokenKind::OrOr,
            '|' => return Err(self.not_operator(start, phrase!("expr-syntax-not-operator-fix-or"))),
            '&' if self.eat('&') => TokenKind::AndAnd,
            '&' => return Err(self.not_operator(start, phrase!("expr-syntax-not-operator-fix-and"))),
            '=' => return self.equals(start),
            '!' if self.eat('=') => {
                if self.eat('=') {
                    return Err(self.not_operator(start, phrase!("expr-syntax-not-operator-fix", op = "!=")));
                }
                TokenKind::NotEq
            }
            '!' => TokenKind::Bang,
            '<' if self.eat('=') => TokenKind::Le,
            '<' if self.eat('>') => {
                return Err(self.not_operator(start, phrase!("expr-syntax-not-operator-fix-not-equal")));
            }
            '<' => TokenKind::Lt,
            '>' if self.eat('=') => TokenKind::Ge,
            '>' => TokenKind::Gt,
            '{' | '}' => {
                return Err(self
                    .error(start, phrase!("expr-syntax-map", written = c))
                    .with_fix(phrase!("expr-syntax-map-fix")));
            }
            ';' => {
                return Err(self
                    .error(start, phrase!("expr-syntax-semicolon"))
                    .with_fix(phrase!("expr-syntax-semicolon-fix")));
            }
            other => return Err(self.unexpected_char(start, other)),
        };
        Ok(self.token(kind, start))
    }

    fn equals(&mut self, start: usize) -> Result<Token, ExprError> {
        if self.eat('=') {
            if self.eat('=') {
                return Err(self.not_operator(start, phrase!("expr-syntax-not-operator-fix", op = "==")));
            }
            return Ok(self.token(TokenKind::EqEq, start));
        }
        if self.eat('>') {
            return Err(self.not_operator(start, phrase!("expr-syntax-not-operator-fix-at-least")));
        }
        if self.eat('<') {
            return Err(self.not_operator(start, phrase!("expr-syntax-not-operator-fix-at-most")));
        }
        Err(self.error(start, phrase!("expr-syntax-assign")).with_fix(phrase!("expr-fix-write", code = "==")))
    }

    /// "`<>` is not an operator": what was written from `start`, with what to use instead.
    fn not_operator(&self, start: usize, fix: Phrase) -> ExprError {
        let written = &self.src[start..self.pos];
        self.error(start, phrase!("expr-syntax-not-operator", written = written)).with_fix(fix)
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
            "if" | "else" => phrase!("expr-reserved-word-fix-choice"),
            "for" | "while" | "loop" | "break" | "continue" => phrase!("expr-reserved-word-fix-loop"),
            "var" | "let" | "const" => phrase!("expr-reserved-word-fix-variable"),
            "return" => phrase!("expr-reserved-word-fix-return"),
            _ => phrase!("expr-reserved-word-fix"),
        };
        ExprError::new(codes::RESERVED_WORD, self.span_from(start), phrase!("expr-reserved-word", word = word))
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
                return Err(self.error(start, phrase!("expr-syntax-hex")));
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
                    .error(start, phrase!("expr-syntax-unsigned"))
                    .with_fix(phrase!("expr-fix-write", code = &self.src[start..number_end])))
            }
            Some(c) if c.is_ascii_alphanumeric() || c == '_' => {
                self.bump();
                Err(self
                    .error(
                        start,
                        phrase!("expr-syntax-after-number", written = c, number = &self.src[start..number_end]),
                    )
                    .with_fix(phrase!("expr-syntax-after-number-fix")))
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
            phrase!("expr-too-large-number", number = &self.src[start..self.pos]),
        )
        .with_fix(phrase!("expr-too-large-number-fix", min = i64::MIN, max = i64::MAX))
    }

    fn string(&mut self, start: usize, quote: char, raw: bool) -> Result<Token, ExprError> {
        if self.peek() == Some(quote) && self.peek_at(1) == Some(quote) {
            self.pos += 2 * quote.len_utf8();
            return Err(self
                .error(start, phrase!("expr-syntax-triple-quote"))
                .with_fix(phrase!("expr-syntax-triple-quote-fix", quote = quote)));
        }
        let mut value = String::new();
        loop {
            let char_start = self.pos;
            match self.bump() {
                None => {
                    return Err(self
                        .error(start, phrase!("expr-syntax-string"))
                        .with_fix(phrase!("expr-syntax-string-fix", quote = quote)));
                }
                Some('\n' | '\r') => {
                    self.pos = char_start;
                    return Err(self
                        .error(start, phrase!("expr-syntax-string-line"))
                        .with_fix(phrase!("expr-syntax-string-line-fix", quote = quote)));
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
                let shown = other.escape_debug().to_string();
                return Err(self
                    .error(start, phrase!("expr-syntax-escape", escape = shown))
                    .with_fix(phrase!("expr-syntax-escape-fix")));
            }
            None => {
                return Err(self
                    .error(start, phrase!("expr-syntax-lone-backslash"))
                    .with_fix(phrase!("expr-syntax-lone-backslash-fix")));
            }
        };
        Ok(c)
    }

    fn unicode_escape(&mut self, start: usize, len: usize) -> Result<char, ExprError> {
        let digits_start = self.pos;
        for _ in 0..len {
            if !self.peek().is_some_and(|c| c.is_ascii_hexdigit()) {
                let escape = if len == 4 { 'u' } else { 'U' };
                return Err(self.error(start, phrase!("expr-syntax-unicode-digits", escape = escape, count = len)));
            }
            self.bump();
        }
        let value = u32::from_str_radix(&self.src[digits_start..self.pos], 16).ok();
        value
            .and_then(char::from_u32)
            .ok_or_else(|| self.error(start, phrase!("expr-syntax-unicode", escape = &self.src[start..self.pos])))
    }

    fn unexpected_char(&self, start: usize, c: char) -> ExprError {
        let code = format!("{:04X}", u32::from(c));
        if let Some((what, write)) = lookalike(c) {
            return self
                .error(start, phrase!("expr-syntax-lookalike", what = what, written = c, code = code))
                .with_fix(phrase!("expr-fix-write", code = write));
        }
        if c == '\u{3000}' {
            return self
                .error(start, phrase!("expr-syntax-wide-space"))
                .with_fix(phrase!("expr-syntax-wide-space-fix"));
        }
        if c.is_control() || c.is_whitespace() {
            return self
                .error(start, phrase!("expr-syntax-invisible", code = code))
                .with_fix(phrase!("expr-syntax-invisible-fix"));
        }
        if c.is_alphabetic() {
            return self
                .error(start, phrase!("expr-syntax-letter", written = c, code = code))
                .with_fix(phrase!("expr-syntax-letter-fix"));
        }
        self.error(start, phrase!("expr-syntax-character", written = c, code = code))
    }
}

/// Full-width and typographic look-alikes of ASCII: what they are and what to write instead.
fn lookalike(c: char) -> Option<(Phrase, String)> {
    let code = u32::from(c);
    if (0xFF01..=0xFF5E).contains(&code) {
        let ascii = char::from_u32(code - 0xFEE0)?;
        let write = match ascii {
            '=' => "==".to_owned(),
            other => other.to_string(),
        };
        return Some((phrase!("noun-expr-char-full-width"), write));
    }
    let (what, write) = match c {
        '“' | '”' | '„' | '‟' | '″' | '「' | '」' | '『' | '』' => {
            (phrase!("noun-expr-char-quote"), "\"")
        }
        '‘' | '’' | '‚' | '‛' | '′' => (phrase!("noun-expr-char-quote"), "'"),
        '−' | '–' | '—' | 'ー' | '‐' => (phrase!("noun-expr-char-dash"), "-"),
        '≠' => (phrase!("noun-expr-char-symbol"), "!="),
        '≤' | '≦' => (phrase!("noun-expr-char-symbol"), "<="),
        '≥' | '≧' => (phrase!("noun-expr-char-symbol"), ">="),
        '×' => (phrase!("noun-expr-char-symbol"), "*"),
        '÷' => (phrase!("noun-expr-char-symbol"), "/"),
        '、' => (phrase!("noun-expr-char-comma"), ","),
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
        assert_eq!(err("1u").message.id, "expr-syntax-unsigned");
        assert_eq!(err("12abc").message.to_string(), "expr-syntax-after-number written=a number=12");
        assert_eq!(err("0x").message.id, "expr-syntax-hex");
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
        assert_eq!(err("'abc").message.id, "expr-syntax-string");
        assert_eq!(err("'abc\n'").message.id, "expr-syntax-string-line");
        assert_eq!(err(r"'\q'").message.to_string(), "expr-syntax-escape escape=q");
        assert_eq!(err(r"'\u12'").message.to_string(), "expr-syntax-unicode-digits escape=u count=4");
        assert_eq!(err(r"'\ud800'").message.to_string(), r"expr-syntax-unicode escape=\ud800");
        assert_eq!(err("'''x'''").message.id, "expr-syntax-triple-quote");
        assert_eq!(err("b'x'").message.id, "expr-syntax-bytes");
        assert_eq!(err("'\\").message.id, "expr-syntax-lone-backslash");
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
        let fix = |src: &str| err(src).fix.map(|f| f.to_string());
        let e = err("a = 1");
        assert_eq!(e.message.id, "expr-syntax-assign");
        assert_eq!(e.span, Span::new(2, 3));
        assert_eq!(err("a <> 1").message.to_string(), "expr-syntax-not-operator written=<>");
        assert_eq!(fix("a <> 1").as_deref(), Some("expr-syntax-not-operator-fix-not-equal"));
        assert_eq!(fix("a & b").as_deref(), Some("expr-syntax-not-operator-fix-and"));
        assert_eq!(fix("a | b").as_deref(), Some("expr-syntax-not-operator-fix-or"));
        assert_eq!(fix("a === b").as_deref(), Some("expr-syntax-not-operator-fix op==="));
        assert_eq!(fix("a => b").as_deref(), Some("expr-syntax-not-operator-fix-at-least"));
        assert_eq!(err("{}").message.to_string(), "expr-syntax-map written={");
        assert_eq!(err("a; b").message.id, "expr-syntax-semicolon");
    }

    #[test]
    fn full_width_and_typographic_characters() {
        let fix = |src: &str| err(src).fix.map(|f| f.to_string());
        let e = err("a ＝ 1");
        assert_eq!(
            e.message.to_string(),
            "expr-syntax-lookalike what=(noun-expr-char-full-width) written=＝ code=FF1D"
        );
        assert_eq!(fix("a ＝ 1").as_deref(), Some("expr-fix-write code==="));
        assert_eq!(fix("a ＜ 1").as_deref(), Some("expr-fix-write code=<"));
        assert_eq!(fix("ｍove").as_deref(), Some("expr-fix-write code=m"));
        let e = err("a == “x”");
        assert_eq!(e.message.to_string(), "expr-syntax-lookalike what=(noun-expr-char-quote) written=“ code=201C");
        assert_eq!(fix("a == “x”").as_deref(), Some("expr-fix-write code=\""));
        assert_eq!(err("a\u{3000}b").message.id, "expr-syntax-wide-space");
        assert_eq!(fix("a ≠ b").as_deref(), Some("expr-fix-write code=!="));
        assert_eq!(err("年齢 > 1").message.id, "expr-syntax-letter");
        assert_eq!(err("a \u{7} b").message.to_string(), "expr-syntax-invisible code=0007");
    }

    #[test]
    fn reserved_words_are_rejected() {
        let e = err("if");
        assert_eq!(e.code, codes::RESERVED_WORD);
        assert_eq!(e.message.to_string(), "expr-reserved-word word=if");
        assert_eq!(e.fix.map(|f| f.id), Some("expr-reserved-word-fix-choice"));
        for word in RESERVED_WORDS {
            assert_eq!(err(word).code, codes::RESERVED_WORD, "{word}");
        }
    }

    #[test]
    fn token_descriptions() {
        assert_eq!(TokenKind::RParen.described().to_string(), "`)`");
        assert_eq!(TokenKind::Int(4).described().to_string(), "(noun-expr-token-number number=4)");
        assert_eq!(TokenKind::Double(0.5).described().to_string(), "(noun-expr-token-number number=0.5)");
        assert_eq!(TokenKind::String("a".into()).described().to_string(), "(noun-expr-token-string string=\"a\")");
        assert_eq!(TokenKind::Ident("a".into()).described().to_string(), "`a`");
        assert_eq!(TokenKind::Eof.described().to_string(), "(noun-expr-token-end)");
    }
}
