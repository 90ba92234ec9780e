//! The parser: tokens to an [`Expr`] with spans, by recursive descent over CEL's grammar:
//!
//! ```text
//! expr     = or ( "?" or ":" expr )?
//! or       = and ( "||" and )*
//! and      = relation ( "&&" relation )*
//! relation = sum ( ( "==" | "!=" | "<" | "<=" | ">" | ">=" | "in" ) sum )*
//! sum      = product ( ( "+" | "-" ) product )*
//! product  = unary ( ( "*" | "/" | "%" ) unary )*
//! unary    = "!" unary | "-" unary | postfix
//! postfix  = primary ( "." IDENT ( "(" args ")" )? | "[" expr "]" )*
//! primary  = literal | IDENT | IDENT "(" args ")" | "has" "(" name ")" | "(" expr ")"
//!          | "[" ( expr ( "," expr )* ","? )? "]"
//! ```
//!
//! A `-` directly before a number literal makes a negative literal (so `-9223372036854775808`
//! reads), unless the literal is the receiver of a member or index (`-3.f()` is `-(3.f())`).
//! The parser stops at the first error; it never panics and never recurses more than
//! [`MAX_DEPTH`] levels.

use super::ast::{BinaryOp, Expr, ExprKind, Name, Span, UnaryOp};
use super::error::{ExprError, Phrase, codes, describe_position, phrase};
use super::lexer::{Lexer, Token, TokenKind, offset};

/// The longest source accepted, in bytes.
pub const MAX_SOURCE_BYTES: usize = 4096;
/// The deepest nesting accepted: open brackets and prefix operators while parsing, and the
/// height of the finished tree.
pub const MAX_DEPTH: usize = 64;
/// The most nodes a tree may have.
pub const MAX_NODES: usize = 1000;

/// Parses `src` into an expression. On failure the vector holds the first error found (the
/// parser does not try to recover).
///
/// ```
/// use tetsuzuki::expr::parse;
/// let e = parse("age(person.birth_date) >= 18 && has(move_date)").unwrap();
/// assert_eq!(e.to_string(), "age(person.birth_date) >= 18 && has(move_date)");
/// ```
pub fn parse(src: &str) -> Result<Expr, Vec<ExprError>> {
    parse_one(src).map_err(|e| vec![*e])
}

/// An error while parsing, boxed: results stay small in the frames of the recursive descent.
type Failed = Box<ExprError>;

fn parse_one(src: &str) -> Result<Expr, Failed> {
    if src.len() > MAX_SOURCE_BYTES {
        return Err(ExprError::new(
            codes::TOO_LARGE,
            Span::new(offset(MAX_SOURCE_BYTES), offset(src.len())),
            phrase!("expr-too-large-source", bytes = src.len(), max = MAX_SOURCE_BYTES),
        )
        .with_fix(phrase!("expr-too-large-source-fix"))
        .into());
    }
    let mut parser = Parser::new(src)?;
    if parser.tok.kind == TokenKind::Eof {
        return Err(ExprError::new(codes::SYNTAX, parser.tok.span, phrase!("expr-syntax-empty"))
            .with_fix(phrase!("expr-syntax-empty-fix"))
            .into());
    }
    let expr = parser.expr()?;
    if parser.tok.kind != TokenKind::Eof {
        return Err(parser.trailing().into());
    }
    let (_, depth) = expr.size_and_depth();
    if depth > MAX_DEPTH {
        return Err(too_deep(expr.span).into());
    }
    Ok(expr)
}

fn too_deep(span: Span) -> ExprError {
    ExprError::new(codes::TOO_DEEP, span, phrase!("expr-too-deep", max = MAX_DEPTH))
        .with_fix(phrase!("expr-too-deep-fix"))
}

struct Parser<'a> {
    src: &'a str,
    lexer: Lexer<'a>,
    /// The current token.
    tok: Token,
    /// The token before it, for "after `&&`" in messages.
    prev: Option<TokenKind>,
    /// Open brackets and prefix operators around the current position.
    nesting: usize,
    /// Nodes built so far.
    nodes: usize,
}

/// Case-insensitive words of other languages that authors write for operators, and the operator.
fn word_operator(kind: &TokenKind) -> Option<(&str, &'static str)> {
    let TokenKind::Ident(word) = kind else { return None };
    let op = match word.to_ascii_lowercase().as_str() {
        "and" => "&&",
        "or" => "||",
        "not" => "!",
        _ => return None,
    };
    Some((word, op))
}

/// Whether a token can start an operand.
fn starts_operand(kind: &TokenKind) -> bool {
    matches!(
        kind,
        TokenKind::Null
            | TokenKind::True
            | TokenKind::False
            | TokenKind::Int(_)
            | TokenKind::Double(_)
            | TokenKind::String(_)
            | TokenKind::Ident(_)
            | TokenKind::LParen
            | TokenKind::LBracket
            | TokenKind::Bang
            | TokenKind::Minus
    )
}

impl<'a> Parser<'a> {
    fn new(src: &'a str) -> Result<Self, Failed> {
        let mut lexer = Lexer::new(src);
        let tok = lexer.next_token()?;
        Ok(Parser { src, lexer, tok, prev: None, nesting: 0, nodes: 0 })
    }

    /// Moves to the next token, returning the current one.
    fn advance(&mut self) -> Result<Token, Failed> {
        let next = self.lexer.next_token()?;
        let tok = std::mem::replace(&mut self.tok, next);
        self.prev = Some(tok.kind.clone());
        Ok(tok)
    }

    fn at(&self, kind: &TokenKind) -> bool {
        &self.tok.kind == kind
    }

    fn column(&self, span: Span) -> Phrase {
        describe_position(self.src, span.start as usize)
    }

    fn error(&self, message: Phrase) -> ExprError {
        ExprError::new(codes::SYNTAX, self.tok.span, message)
    }

    /// Builds a node, counting it against [`MAX_NODES`].
    fn node(&mut self, kind: ExprKind, span: Span) -> Result<Expr, Failed> {
        self.nodes += 1;
        if self.nodes > MAX_NODES {
            return Err(ExprError::new(codes::TOO_LARGE, span, phrase!("expr-too-large-nodes", max = MAX_NODES))
                .with_fix(phrase!("expr-fix-split"))
                .into());
        }
        Ok(Expr::new(kind, span))
    }

    /// Runs `f` one nesting level deeper, failing past [`MAX_DEPTH`].
    fn nested<T>(&mut self, f: impl FnOnce(&mut Self) -> Result<T, Failed>) -> Result<T, Failed> {
        if self.nesting >= MAX_DEPTH {
            return Err(too_deep(self.tok.span).into());
        }
        self.nesting += 1;
        let result = f(self);
        self.nesting -= 1;
        result
    }

    /// `and`, `or`, `not` where an operator is expected.
    fn word_operator_error(&self) -> Option<ExprError> {
        let (word, op) = word_operator(&self.tok.kind)?;
        Some(word_operator_at(self.tok.span, word, op))
    }

    // The errors of the recursive descent are built out of line (`#[inline(never)]`), so the
    // frames of the functions that recurse stay small: a debug build parses `MAX_DEPTH` levels
    // on a test thread's stack.

    #[cold]
    #[inline(never)]
    fn choice_error(&self, question: Span) -> ExprError {
        self.error(phrase!("expr-syntax-choice", at = self.column(question), found = self.tok.kind.described()))
            .with_fix(phrase!("expr-syntax-choice-fix"))
    }

    #[cold]
    #[inline(never)]
    fn number_expected(&self) -> ExprError {
        self.error(phrase!("expr-syntax-number"))
    }

    #[cold]
    #[inline(never)]
    fn name_expected_after_dot(&self) -> ExprError {
        self.error(phrase!("expr-syntax-select", found = self.tok.kind.described()))
    }

    /// No operand where one must start: the end of the expression, or another token.
    #[cold]
    #[inline(never)]
    fn operand_expected(&self) -> ExprError {
        match (&self.tok.kind, &self.prev) {
            (TokenKind::Eof, Some(p)) => self
                .error(phrase!("expr-syntax-end-after", after = p.described()))
                .with_fix(phrase!("expr-syntax-end-after-fix", after = p.described())),
            (TokenKind::Eof, None) => self.error(phrase!("expr-syntax-end")).with_fix(phrase!("expr-syntax-end-fix")),
            (other, _) => self.error(phrase!("expr-syntax-operand", found = other.described())),
        }
    }

    #[cold]
    #[inline(never)]
    fn arguments_not_closed(&self, function: &str, open: Span) -> ExprError {
        self.error(phrase!(
            "expr-syntax-arguments",
            function = function,
            at = self.column(open),
            found = self.tok.kind.described()
        ))
        .with_fix(phrase!("expr-syntax-arguments-fix"))
    }

    #[cold]
    #[inline(never)]
    fn list_not_closed(&self, open: Span) -> ExprError {
        self.error(phrase!("expr-syntax-list", at = self.column(open), found = self.tok.kind.described()))
            .with_fix(phrase!("expr-syntax-list-fix"))
    }

    /// The error for a token left over after a complete expression.
    fn trailing(&self) -> ExprError {
        if let Some(e) = self.word_operator_error() {
            return e;
        }
        let found = &self.tok.kind;
        match found {
            TokenKind::RParen => self
                .error(phrase!("expr-syntax-unmatched", close = ")", open = "("))
                .with_fix(phrase!("expr-syntax-unmatched-fix", open = "(")),
            TokenKind::RBracket => self
                .error(phrase!("expr-syntax-unmatched", close = "]", open = "["))
                .with_fix(phrase!("expr-syntax-unmatched-fix", open = "[")),
            TokenKind::Colon => self.error(phrase!("expr-syntax-colon")).with_fix(phrase!("expr-syntax-colon-fix")),
            TokenKind::LParen => self.error(phrase!("expr-syntax-call")).with_fix(phrase!("expr-syntax-call-fix")),
            kind if starts_operand(kind) => {
                let message = match &self.prev {
                    Some(p) => {
                        phrase!("expr-syntax-missing-operator-after", found = found.described(), after = p.described())
                    }
                    None => phrase!("expr-syntax-missing-operator", found = found.described()),
                };
                self.error(message).with_fix(phrase!("expr-syntax-missing-operator-fix"))
            }
            _ => self.error(phrase!("expr-syntax-trailing", found = found.described())),
        }
    }

    /// Expects the token closing `open`, or fails naming where it was opened.
    fn close(&mut self, kind: TokenKind, open: Span, opened: &str) -> Result<Token, Failed> {
        if self.at(&kind) {
            return self.advance();
        }
        if let Some(e) = self.word_operator_error() {
            return Err(e.into());
        }
        let close = kind.symbol().unwrap_or("?");
        Err(self
            .error(phrase!(
                "expr-syntax-unclosed",
                close = close,
                open = opened,
                at = self.column(open),
                found = self.tok.kind.described()
            ))
            .with_fix(phrase!("expr-syntax-unclosed-fix", close = close))
            .into())
    }

    fn expr(&mut self) -> Result<Expr, Failed> {
        let cond = self.or()?;
        if !self.at(&TokenKind::Question) {
            return Ok(cond);
        }
        let question = self.advance()?.span;
        let then = self.or()?;
        if !self.at(&TokenKind::Colon) {
            if let Some(e) = self.word_operator_error() {
                return Err(e.into());
            }
            return Err(self.choice_error(question).into());
        }
        self.advance()?;
        // `a ? b : c ? d : e` recurses to the right: count it as nesting.
        let otherwise = self.nested(Self::expr)?;
        let span = cond.span.to(otherwise.span);
        self.node(
            ExprKind::Conditional { cond: Box::new(cond), then: Box::new(then), otherwise: Box::new(otherwise) },
            span,
        )
    }

    /// A left-associative chain of binary operators of one precedence level.
    fn binary_chain(
        &mut self,
        op_of: fn(&TokenKind) -> Option<BinaryOp>,
        operand: fn(&mut Self) -> Result<Expr, Failed>,
    ) -> Result<Expr, Failed> {
        let mut left = operand(self)?;
        while let Some(op) = op_of(&self.tok.kind) {
            self.advance()?;
            let right = operand(self)?;
            let span = left.span.to(right.span);
            left = self.node(ExprKind::Binary { op, left: Box::new(left), right: Box::new(right) }, span)?;
        }
        Ok(left)
    }

    fn or(&mut self) -> Result<Expr, Failed> {
        self.binary_chain(|k| (k == &TokenKind::OrOr).then_some(BinaryOp::Or), Self::and)
    }

    fn and(&mut self) -> Result<Expr, Failed> {
        self.binary_chain(|k| (k == &TokenKind::AndAnd).then_some(BinaryOp::And), Self::relation)
    }

    fn relation(&mut self) -> Result<Expr, Failed> {
        self.binary_chain(
            |k| match k {
                TokenKind::EqEq => Some(BinaryOp::Eq),
                TokenKind::NotEq => Some(BinaryOp::Ne),
                TokenKind::Lt => Some(BinaryOp::Lt),
                TokenKind::Le => Some(BinaryOp::Le),
                TokenKind::Gt => Some(BinaryOp::Gt),
                TokenKind::Ge => Some(BinaryOp::Ge),
                TokenKind::In => Some(BinaryOp::In),
                _ => None,
            },
            Self::sum,
        )
    }

    fn sum(&mut self) -> Result<Expr, Failed> {
        self.binary_chain(
            |k| match k {
                TokenKind::Plus => Some(BinaryOp::Add),
                TokenKind::Minus => Some(BinaryOp::Sub),
                _ => None,
            },
            Self::product,
        )
    }

    fn product(&mut self) -> Result<Expr, Failed> {
        self.binary_chain(
            |k| match k {
                TokenKind::Star => Some(BinaryOp::Mul),
                TokenKind::Slash => Some(BinaryOp::Div),
                TokenKind::Percent => Some(BinaryOp::Rem),
                _ => None,
            },
            Self::unary,
        )
    }

    fn unary(&mut self) -> Result<Expr, Failed> {
        let op = match self.tok.kind {
            TokenKind::Bang => UnaryOp::Not,
            TokenKind::Minus => UnaryOp::Neg,
            _ => return self.postfix(),
        };
        let start = self.advance()?.span;
        if op == UnaryOp::Neg && matches!(self.tok.kind, TokenKind::Int(_) | TokenKind::Double(_)) {
            let literal = self.advance()?;
            if !matches!(self.tok.kind, TokenKind::Dot | TokenKind::LBracket) {
                let kind = match literal.kind {
                    TokenKind::Int(n) => match i64::try_from(-i128::from(n)) {
                        Ok(n) => ExprKind::Int(n),
                        Err(_) => return Err(number_too_large(literal.span).into()),
                    },
                    TokenKind::Double(x) => ExprKind::Double(-x),
                    _ => return Err(self.number_expected().into()),
                };
                return self.node(kind, start.to(literal.span));
            }
            // `-3.f()`: the literal is a receiver; negate the whole member expression.
            let receiver = self.literal(literal)?;
            let operand = self.nested(|p| p.postfix_from(receiver))?;
            let span = start.to(operand.span);
            return self.node(ExprKind::Unary { op, operand: Box::new(operand) }, span);
        }
        let operand = self.nested(Self::unary)?;
        let span = start.to(operand.span);
        self.node(ExprKind::Unary { op, operand: Box::new(operand) }, span)
    }

    fn postfix(&mut self) -> Result<Expr, Failed> {
        let primary = self.primary()?;
        self.postfix_from(primary)
    }

    fn postfix_from(&mut self, mut expr: Expr) -> Result<Expr, Failed> {
        loop {
            match self.tok.kind {
                TokenKind::Dot => {
                    self.advance()?;
                    let TokenKind::Ident(field) = self.tok.kind.clone() else {
                        return Err(self.name_expected_after_dot().into());
                    };
                    let name = self.advance()?;
                    if self.at(&TokenKind::LParen) {
                        let (args, end) = self.args(&field)?;
                        let span = expr.span.to(end);
                        expr =
                            self.node(ExprKind::Call { function: field, target: Some(Box::new(expr)), args }, span)?;
                    } else {
                        let span = expr.span.to(name.span);
                        expr = self.node(ExprKind::Select { operand: Box::new(expr), field }, span)?;
                    }
                }
                TokenKind::LBracket => {
                    let open = self.advance()?.span;
                    let index = self.nested(Self::expr)?;
                    let close = self.close(TokenKind::RBracket, open, "[")?;
                    let span = expr.span.to(close.span);
                    expr = self.node(ExprKind::Index { operand: Box::new(expr), index: Box::new(index) }, span)?;
                }
                _ => return Ok(expr),
            }
        }
    }

    /// A literal token as an expression.
    fn literal(&mut self, tok: Token) -> Result<Expr, Failed> {
        let kind = match tok.kind {
            TokenKind::Null => ExprKind::Null,
            TokenKind::True => ExprKind::Bool(true),
            TokenKind::False => ExprKind::Bool(false),
            TokenKind::Int(n) => match i64::try_from(n) {
                Ok(n) => ExprKind::Int(n),
                Err(_) => return Err(number_too_large(tok.span).into()),
            },
            TokenKind::Double(x) => ExprKind::Double(x),
            TokenKind::String(s) => ExprKind::String(s),
            other => return Err(value_expected(tok.span, &other).into()),
        };
        self.node(kind, tok.span)
    }

    fn primary(&mut self) -> Result<Expr, Failed> {
        match &self.tok.kind {
            TokenKind::Null
            | TokenKind::True
            | TokenKind::False
            | TokenKind::Int(_)
            | TokenKind::Double(_)
            | TokenKind::String(_) => {
                let tok = self.advance()?;
                self.literal(tok)
            }
            TokenKind::Ident(_) => self.identifier(),
            TokenKind::LParen => {
                let open = self.advance()?.span;
                let mut inner = self.nested(Self::expr)?;
                let close = self.close(TokenKind::RParen, open, "(")?;
                // The span of a parenthesised expression includes its parentheses.
                inner.span = open.to(close.span);
                Ok(inner)
            }
            TokenKind::LBracket => self.list(),
            _ => Err(self.operand_expected().into()),
        }
    }

    fn identifier(&mut self) -> Result<Expr, Failed> {
        let tok = self.advance()?;
        let TokenKind::Ident(name) = tok.kind else {
            return Err(name_expected(tok.span).into());
        };
        if self.at(&TokenKind::LParen) {
            let (args, end) = self.args(&name)?;
            let span = tok.span.to(end);
            if name == "has" {
                return self.has(args, span);
            }
            return self.node(ExprKind::Call { function: name, target: None, args }, span);
        }
        if let Some((word, op)) = word_operator(&TokenKind::Ident(name.clone()))
            && starts_operand(&self.tok.kind)
        {
            return Err(word_operator_at(tok.span, word, op).into());
        }
        self.node(ExprKind::Name(Name(name)), tok.span)
    }

    /// The arguments of a call, from `(` to `)`; returns them and the span of `)`.
    fn args(&mut self, function: &str) -> Result<(Vec<Expr>, Span), Failed> {
        let open = self.advance()?.span;
        let mut args = Vec::new();
        if !self.at(&TokenKind::RParen) {
            loop {
                args.push(self.nested(Self::expr)?);
                if self.at(&TokenKind::Comma) {
                    self.advance()?;
                    continue;
                }
                if self.at(&TokenKind::RParen) {
                    break;
                }
                if let Some(e) = self.word_operator_error() {
                    return Err(e.into());
                }
                return Err(self.arguments_not_closed(function, open).into());
            }
        }
        let close = self.advance()?;
        Ok((args, close.span))
    }

    fn list(&mut self) -> Result<Expr, Failed> {
        let open = self.advance()?.span;
        let mut items = Vec::new();
        while !self.at(&TokenKind::RBracket) {
            items.push(self.nested(Self::expr)?);
            if self.at(&TokenKind::Comma) {
                self.advance()?;
                continue;
            }
            if self.at(&TokenKind::RBracket) {
                break;
            }
            if let Some(e) = self.word_operator_error() {
                return Err(e.into());
            }
            return Err(self.list_not_closed(open).into());
        }
        let close = self.advance()?;
        self.node(ExprKind::List(items), open.to(close.span))
    }

    /// The `has(a.b.c)` macro: one argument, a name or a chain of field selections on a name.
    fn has(&mut self, args: Vec<Expr>, span: Span) -> Result<Expr, Failed> {
        let [arg] = args.as_slice() else {
            return Err(ExprError::new(codes::ARITY, span, phrase!("expr-arity-has", given = args.len()))
                .with_fix(phrase!("expr-has-fix"))
                .into());
        };
        let Some(path) = dotted_path(arg) else {
            return Err(ExprError::new(
                codes::SYNTAX,
                arg.span,
                phrase!("expr-syntax-has", argument = arg.to_string()),
            )
            .with_fix(phrase!("expr-has-fix"))
            .into());
        };
        // The argument's own nodes are replaced by one `Has` node.
        self.nodes = self.nodes.saturating_sub(arg.size_and_depth().0);
        self.node(ExprKind::Has(Name(path)), span)
    }
}

/// `a.b.c` as a dotted string, if `expr` is a name or a chain of selections on one.
pub(crate) fn dotted_path(expr: &Expr) -> Option<String> {
    match &expr.kind {
        ExprKind::Name(name) => Some(name.0.clone()),
        ExprKind::Select { operand, field } => {
            let mut path = dotted_path(operand)?;
            path.push('.');
            path.push_str(field);
            Some(path)
        }
        _ => None,
    }
}

/// `and`, `or`, `not` written as an operator at `span`.
#[cold]
#[inline(never)]
fn word_operator_at(span: Span, word: &str, op: &str) -> ExprError {
    ExprError::new(codes::SYNTAX, span, phrase!("expr-syntax-word-operator", word = word, op = op))
        .with_fix(phrase!("expr-fix-write", code = op))
}

#[cold]
#[inline(never)]
fn name_expected(span: Span) -> ExprError {
    ExprError::new(codes::SYNTAX, span, phrase!("expr-syntax-name"))
}

#[cold]
#[inline(never)]
fn value_expected(span: Span, found: &TokenKind) -> ExprError {
    ExprError::new(codes::SYNTAX, span, phrase!("expr-syntax-value", found = found.described()))
}

#[cold]
#[inline(never)]
fn number_too_large(span: Span) -> ExprError {
    ExprError::new(codes::TOO_LARGE, span, phrase!("expr-too-large-literal")).with_fix(phrase!(
        "expr-too-large-number-fix",
        min = i64::MIN,
        max = i64::MAX
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(src: &str) -> Expr {
        parse(src).unwrap_or_else(|e| panic!("{src}: {e:?}"))
    }

    fn err(src: &str) -> ExprError {
        match parse(src) {
            Ok(e) => panic!("{src} parsed as {e:?}"),
            Err(mut errors) => errors.remove(0),
        }
    }

    /// Fully parenthesised print, to see the structure.
    fn sexp(e: &Expr) -> String {
        match &e.kind {
            ExprKind::Binary { op, left, right } => format!("({} {} {})", sexp(left), op, sexp(right)),
            ExprKind::Unary { op, operand } => format!("({}{})", op, sexp(operand)),
            ExprKind::Conditional { cond, then, otherwise } => {
                format!("({} ? {} : {})", sexp(cond), sexp(then), sexp(otherwise))
            }
            ExprKind::Select { operand, field } => format!("{}.{field}", sexp(operand)),
            ExprKind::Index { operand, index } => format!("{}[{}]", sexp(operand), sexp(index)),
            ExprKind::Call { function, target, args } => {
                let args: Vec<String> = args.iter().map(sexp).collect();
                match target {
                    Some(t) => format!("{}.{function}({})", sexp(t), args.join(", ")),
                    None => format!("{function}({})", args.join(", ")),
                }
            }
            ExprKind::List(items) => format!("[{}]", items.iter().map(sexp).collect::<Vec<_>>().join(", ")),
            _ => e.to_string(),
        }
    }

    fn shape(src: &str) -> String {
        sexp(&p(src))
    }

    #[test]
    fn precedence_follows_cel() {
        assert_eq!(shape("a || b && c"), "(a || (b && c))");
        assert_eq!(shape("a && b == c"), "(a && (b == c))");
        assert_eq!(shape("a == b + c"), "(a == (b + c))");
        assert_eq!(shape("a + b * c"), "(a + (b * c))");
        assert_eq!(shape("a * -b"), "(a * (-b))");
        assert_eq!(shape("!a.b"), "(!a.b)");
        assert_eq!(shape("a ? b : c ? d : e"), "(a ? b : (c ? d : e))");
        assert_eq!(shape("a || b ? c : d"), "((a || b) ? c : d)");
        assert_eq!(shape("a - b - c"), "((a - b) - c)");
        assert_eq!(shape("a < b == c"), "((a < b) == c)");
        assert_eq!(shape("x in [1, 2] && y"), "((x in [1, 2]) && y)");
        assert_eq!(shape("(a || b) && c"), "((a || b) && c)");
        assert_eq!(shape("a % b / c * d"), "(((a % b) / c) * d)");
        assert_eq!(shape("!!a"), "(!(!a))");
    }

    #[test]
    fn every_operator_parses() {
        for op in BinaryOp::ALL {
            let e = p(&format!("a {} b", op.symbol()));
            assert!(matches!(e.kind, ExprKind::Binary { op: o, .. } if o == op), "{op}");
        }
        assert!(matches!(p("!a").kind, ExprKind::Unary { op: UnaryOp::Not, .. }));
        assert!(matches!(p("-a").kind, ExprKind::Unary { op: UnaryOp::Neg, .. }));
    }

    #[test]
    fn literals() {
        assert_eq!(p("null").kind, ExprKind::Null);
        assert_eq!(p("true").kind, ExprKind::Bool(true));
        assert_eq!(p("42").kind, ExprKind::Int(42));
        assert_eq!(p("-3").kind, ExprKind::Int(-3));
        assert_eq!(p("-9223372036854775808").kind, ExprKind::Int(i64::MIN));
        assert_eq!(p("-1.5").kind, ExprKind::Double(-1.5));
        assert_eq!(p("'a'").kind, ExprKind::String("a".into()));
        assert_eq!(sexp(&p("[1, 'b', [],]")), "[1, \"b\", []]");
        assert_eq!(err("9223372036854775808").code, codes::TOO_LARGE);
        // `-3.f()` negates the method call.
        assert_eq!(shape("-3.f()"), "(-3.f())");
        assert_eq!(shape("- 3"), "-3");
        assert_eq!(shape("--3"), "(--3)");
    }

    #[test]
    fn members_indexes_calls_and_methods() {
        assert_eq!(shape("a.b.c"), "a.b.c");
        assert!(matches!(p("a.b").kind, ExprKind::Select { .. }));
        assert_eq!(shape("a[0].b"), "a[0].b");
        assert_eq!(shape("f(x, y)"), "f(x, y)");
        assert_eq!(shape("today()"), "today()");
        assert_eq!(shape("x.startsWith('0')"), "x.startsWith(\"0\")");
        assert_eq!(shape("a.b.size()"), "a.b.size()");
        let e = p("x.f(1)");
        let ExprKind::Call { function, target: Some(target), args } = e.kind else { panic!() };
        assert_eq!(function, "f");
        assert_eq!(target.kind, ExprKind::Name(Name::new("x")));
        assert_eq!(args.len(), 1);
    }

    #[test]
    fn has_macro() {
        assert_eq!(p("has(move_date)").kind, ExprKind::Has(Name::new("move_date")));
        assert_eq!(p("has(person.birth_date)").kind, ExprKind::Has(Name::new("person.birth_date")));
        assert_eq!(err("has(1)").message.to_string(), "expr-syntax-has argument=1");
        assert_eq!(err("has(a, b)").code, codes::ARITY);
        assert_eq!(err("has()").code, codes::ARITY);
        // A method named `has` is an ordinary call.
        assert!(matches!(p("x.has(y)").kind, ExprKind::Call { .. }));
    }

    #[test]
    fn spans() {
        let e = p("a && (b || c)");
        assert_eq!(e.span, Span::new(0, 13));
        let ExprKind::Binary { right, .. } = &e.kind else { panic!() };
        assert_eq!(right.span, Span::new(5, 13));
        let e = p(" x.f(1) ");
        assert_eq!(e.span, Span::new(1, 7));
        assert_eq!(p("-3").span, Span::new(0, 2));
        assert_eq!(p("has( a )").span, Span::new(0, 8));
    }

    #[test]
    fn syntax_errors_say_what_to_do() {
        // The words are the catalogue's (core/tests/check_messages.rs says these in English).
        let said = |src: &str| err(src).message.to_string();
        let e = err("(a && b");
        assert_eq!(
            e.message.to_string(),
            "expr-syntax-unclosed close=) open=( at=(noun-expr-at-column column=1) found=(noun-expr-token-end)"
        );
        assert_eq!(e.span, Span::new(7, 7));
        assert_eq!(said("a and b"), "expr-syntax-word-operator word=and op=&&");
        assert_eq!(said("a OR b"), "expr-syntax-word-operator word=OR op=||");
        assert_eq!(said("not a"), "expr-syntax-word-operator word=not op=!");
        assert_eq!(said("(a and b)"), "expr-syntax-word-operator word=and op=&&");
        assert_eq!(said("a = b"), "expr-syntax-assign");
        assert_eq!(said(""), "expr-syntax-empty");
        assert_eq!(said("  // nothing"), "expr-syntax-empty");
        assert_eq!(said("a &&"), "expr-syntax-end-after after=`&&`");
        assert_eq!(said("a b"), "expr-syntax-missing-operator-after found=`b` after=`a`");
        assert_eq!(said("a)"), "expr-syntax-unmatched close=) open=(");
        assert_eq!(said("[1, 2"), "expr-syntax-list at=(noun-expr-at-column column=1) found=(noun-expr-token-end)");
        assert_eq!(
            said("f(1 2"),
            "expr-syntax-arguments function=f at=(noun-expr-at-column column=2) found=(noun-expr-token-number number=2)"
        );
        assert!(said("a[1").starts_with("expr-syntax-unclosed close=] open=[ at=(noun-expr-at-column column=2)"));
        assert!(said("a ? b").starts_with("expr-syntax-choice "));
        assert_eq!(said("a : b"), "expr-syntax-colon");
        assert_eq!(err("a.1").code, codes::SYNTAX);
        assert_eq!(said("a.true"), "expr-syntax-select found=`true`");
        assert_eq!(said("* a"), "expr-syntax-operand found=`*`");
        let e = err("a &&\n  (b");
        assert!(e.message.to_string().contains("at=(noun-expr-at-line-column line=2 column=3)"), "{}", e.message);
    }

    #[test]
    fn lexical_errors_come_in_source_order() {
        // The missing operand comes before the stray `=`.
        assert!(err("(a b =").message.to_string().contains("found=`b`"));
        assert_eq!(err("(a = b").message.id, "expr-syntax-assign");
    }

    #[test]
    fn the_words_and_or_not_are_names_when_alone() {
        assert_eq!(p("not").kind, ExprKind::Name(Name::new("not")));
        assert_eq!(p("a == or").to_string(), "a == or");
    }

    #[test]
    fn limits_are_errors() {
        let long = format!("a == '{}'", "x".repeat(MAX_SOURCE_BYTES));
        assert_eq!(err(&long).code, codes::TOO_LARGE);
        let ok = format!("{}a{}", "(".repeat(MAX_DEPTH - 1), ")".repeat(MAX_DEPTH - 1));
        assert!(parse(&ok).is_ok());
        let deep = format!("{}a{}", "(".repeat(MAX_DEPTH + 1), ")".repeat(MAX_DEPTH + 1));
        assert_eq!(err(&deep).code, codes::TOO_DEEP);
        let deep = format!("{}a", "!".repeat(MAX_DEPTH + 1));
        assert_eq!(err(&deep).code, codes::TOO_DEEP);
        let deep = format!("{}1{}", "[".repeat(MAX_DEPTH + 1), "]".repeat(MAX_DEPTH + 1));
        assert_eq!(err(&deep).code, codes::TOO_DEEP);
        // A flat chain is not nested while parsing, but its tree is too high.
        let chain = vec!["a"; MAX_DEPTH + 1].join(" || ");
        assert_eq!(err(&chain).code, codes::TOO_DEEP);
        let many = vec!["[1, 1, 1, 1, 1, 1, 1, 1, 1, 1]"; 120].join(" + ");
        assert!(many.len() <= MAX_SOURCE_BYTES);
        assert_eq!(err(&many).code, codes::TOO_LARGE);
        let huge = "(".repeat(100_000);
        assert_eq!(err(&huge).code, codes::TOO_LARGE);
        let nested = format!("{}a{}", "(".repeat(2000), ")".repeat(2000));
        assert_eq!(err(&nested).code, codes::TOO_DEEP);
    }
}
