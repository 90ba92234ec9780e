//! The syntax tree of an expression, shaped for evaluation: every node carries its span, names are
//! resolved by [`resolve`](crate::expr::resolve) into one dotted [`Name`], and `Display` prints
//! canonical source that parses back to the same tree.

use std::fmt;

use serde::{Deserialize, Serialize};

/// A byte range `start..end` in the source of an expression.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Span {
    /// Byte offset of the first byte.
    pub start: u32,
    /// Byte offset just past the last byte.
    pub end: u32,
}

impl Span {
    /// A span from `start` to `end` (byte offsets).
    pub const fn new(start: u32, end: u32) -> Self {
        Span { start, end }
    }

    /// The smallest span covering both `self` and `other`.
    #[must_use]
    pub fn to(self, other: Span) -> Span {
        Span { start: self.start.min(other.start), end: self.end.max(other.end) }
    }

    /// The span as character offsets `(start, end)` into `src`, for editors and browsers that
    /// count characters rather than bytes. Offsets past the end of `src` are clamped; an offset
    /// inside a multi-byte character counts that character as started.
    pub fn char_range(&self, src: &str) -> (usize, usize) {
        let count = |byte: u32| src.char_indices().take_while(|(i, _)| *i < byte as usize).count();
        (count(self.start), count(self.end))
    }

    /// The source text the span covers, if it is a valid range of `src`.
    pub fn text<'a>(&self, src: &'a str) -> Option<&'a str> {
        src.get(self.start as usize..self.end as usize)
    }
}

/// A reference to an answer: a field id (`move_date`) or a dotted concept id
/// (`person.birth_date`).
///
/// The parser produces a `Name` for each single identifier (and for the argument of `has()`);
/// [`resolve`](crate::expr::resolve) merges `a.b.c` chains into the longest dotted name the scope
/// knows.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Name(pub String);

impl Name {
    /// A name from its text (`"move_date"`, `"person.birth_date"`).
    pub fn new(name: impl Into<String>) -> Self {
        Name(name.into())
    }

    /// The name as written, dots included.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The dot-separated segments of the name.
    pub fn segments(&self) -> impl Iterator<Item = &str> {
        self.0.split('.')
    }
}

impl fmt::Display for Name {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A prefix operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UnaryOp {
    /// `!x`: logical not.
    Not,
    /// `-x`: numeric negation.
    Neg,
}

impl UnaryOp {
    /// The operator as written in source.
    pub const fn symbol(self) -> &'static str {
        match self {
            UnaryOp::Not => "!",
            UnaryOp::Neg => "-",
        }
    }
}

/// An infix operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BinaryOp {
    /// `||`, short-circuit logical or.
    Or,
    /// `&&`, short-circuit logical and.
    And,
    /// `==`
    Eq,
    /// `!=`
    Ne,
    /// `<`
    Lt,
    /// `<=`
    Le,
    /// `>`
    Gt,
    /// `>=`
    Ge,
    /// `in`: membership of an element in a list (or a key in a map).
    In,
    /// `+`: addition, string and list concatenation.
    Add,
    /// `-`
    Sub,
    /// `*`
    Mul,
    /// `/`
    Div,
    /// `%`: remainder of whole numbers.
    Rem,
}

impl BinaryOp {
    /// Every binary operator, for tests and tooling.
    pub const ALL: [BinaryOp; 14] = [
        BinaryOp::Or,
        BinaryOp::And,
        BinaryOp::Eq,
        BinaryOp::Ne,
        BinaryOp::Lt,
        BinaryOp::Le,
        BinaryOp::Gt,
        BinaryOp::Ge,
        BinaryOp::In,
        BinaryOp::Add,
        BinaryOp::Sub,
        BinaryOp::Mul,
        BinaryOp::Div,
        BinaryOp::Rem,
    ];

    /// The operator as written in source.
    pub const fn symbol(self) -> &'static str {
        match self {
            BinaryOp::Or => "||",
            BinaryOp::And => "&&",
            BinaryOp::Eq => "==",
            BinaryOp::Ne => "!=",
            BinaryOp::Lt => "<",
            BinaryOp::Le => "<=",
            BinaryOp::Gt => ">",
            BinaryOp::Ge => ">=",
            BinaryOp::In => "in",
            BinaryOp::Add => "+",
            BinaryOp::Sub => "-",
            BinaryOp::Mul => "*",
            BinaryOp::Div => "/",
            BinaryOp::Rem => "%",
        }
    }

    /// Binding strength, CEL's: `||` < `&&` < relations < `+ -` < `* / %`.
    pub const fn precedence(self) -> Precedence {
        match self {
            BinaryOp::Or => Precedence::Or,
            BinaryOp::And => Precedence::And,
            BinaryOp::Eq | BinaryOp::Ne | BinaryOp::Lt | BinaryOp::Le | BinaryOp::Gt | BinaryOp::Ge | BinaryOp::In => {
                Precedence::Relation
            }
            BinaryOp::Add | BinaryOp::Sub => Precedence::Sum,
            BinaryOp::Mul | BinaryOp::Div | BinaryOp::Rem => Precedence::Product,
        }
    }

    /// True for `==`, `!=`, `<`, `<=`, `>`, `>=` and `in`.
    pub const fn is_relation(self) -> bool {
        matches!(self.precedence(), Precedence::Relation)
    }
}

impl fmt::Display for BinaryOp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.symbol())
    }
}

impl fmt::Display for UnaryOp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.symbol())
    }
}

/// Binding strength of the syntactic forms, loosest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Precedence {
    /// `c ? a : b`
    Conditional,
    /// `||`
    Or,
    /// `&&`
    And,
    /// `== != < <= > >= in`
    Relation,
    /// `+ -`
    Sum,
    /// `* / %`
    Product,
    /// `!x`, `-x` (and negative number literals)
    Unary,
    /// `a.b`, `a[i]`, `a.f(x)`
    Postfix,
    /// Literals, names, calls, lists, `has()`, parenthesised expressions.
    Primary,
}

/// An expression with its span.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Expr {
    /// What the expression is.
    pub kind: ExprKind,
    /// Where it is in the source.
    pub span: Span,
}

/// The forms of an expression.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExprKind {
    /// `null`
    Null,
    /// `true` / `false`
    Bool(bool),
    /// A 64-bit signed integer literal; `-3` is one literal, not a negation.
    Int(i64),
    /// A double literal (`1.5`, `2e3`); always finite when produced by the parser.
    Double(f64),
    /// A string literal, escapes already decoded.
    String(String),
    /// A list literal `[a, b]`.
    List(Vec<Expr>),
    /// A reference to an answer by field id or (after resolution) dotted concept id.
    Name(Name),
    /// Field selection `operand.field` (on a map, e.g. a repeating-group row, or an unresolved
    /// name chain).
    Select {
        /// The expression whose field is selected.
        operand: Box<Expr>,
        /// The field name.
        field: String,
    },
    /// Indexing `operand[index]`.
    Index {
        /// The list or map indexed.
        operand: Box<Expr>,
        /// The position or key.
        index: Box<Expr>,
    },
    /// A function call `f(args)` or a method call `target.f(args)`.
    Call {
        /// The function or method name.
        function: String,
        /// The receiver of a method call; `None` for a global function.
        target: Option<Box<Expr>>,
        /// The arguments, receiver excluded.
        args: Vec<Expr>,
    },
    /// A prefix operation.
    Unary {
        /// The operator.
        op: UnaryOp,
        /// Its operand.
        operand: Box<Expr>,
    },
    /// An infix operation.
    Binary {
        /// The operator.
        op: BinaryOp,
        /// Left operand.
        left: Box<Expr>,
        /// Right operand.
        right: Box<Expr>,
    },
    /// `cond ? then : otherwise`
    Conditional {
        /// The condition.
        cond: Box<Expr>,
        /// Value when the condition is true.
        then: Box<Expr>,
        /// Value when the condition is false.
        otherwise: Box<Expr>,
    },
    /// The `has(a.b)` macro: true when the named answer is given (or, for a field of a map, when
    /// the field is present). The name is kept as written, dots included; it resolves like a name
    /// chain: the longest prefix in scope is the answer, the rest are fields of it.
    Has(Name),
}

impl Expr {
    /// An expression of the given kind and span.
    pub fn new(kind: ExprKind, span: Span) -> Self {
        Expr { kind, span }
    }

    /// The direct sub-expressions, in source order (a method's receiver first).
    pub fn children(&self) -> Vec<&Expr> {
        match &self.kind {
            ExprKind::Null
            | ExprKind::Bool(_)
            | ExprKind::Int(_)
            | ExprKind::Double(_)
            | ExprKind::String(_)
            | ExprKind::Name(_)
            | ExprKind::Has(_) => Vec::new(),
            ExprKind::List(items) => items.iter().collect(),
            ExprKind::Select { operand, .. } | ExprKind::Unary { operand, .. } => vec![operand],
            ExprKind::Index { operand, index } => vec![operand, index],
            ExprKind::Call { target, args, .. } => target.iter().map(AsRef::as_ref).chain(args).collect(),
            ExprKind::Binary { left, right, .. } => vec![left, right],
            ExprKind::Conditional { cond, then, otherwise } => vec![cond, then, otherwise],
        }
    }

    /// Every name the expression references (in `Name` and `has()`), in source order, duplicates
    /// included. On a parsed expression a chain `person.birth_date` is a `Select` on the name
    /// `person`; call [`resolve`](crate::expr::resolve) first to get dotted names for dependency
    /// graphs.
    pub fn names(&self) -> Vec<&Name> {
        let mut out = Vec::new();
        // Explicit stack: no recursion, whatever the depth of the tree.
        let mut stack = vec![self];
        while let Some(e) = stack.pop() {
            match &e.kind {
                ExprKind::Name(n) | ExprKind::Has(n) => out.push(n),
                _ => stack.extend(e.children().into_iter().rev()),
            }
        }
        out
    }

    /// Number of nodes and height of the tree (a leaf has height 1), computed without recursion.
    pub fn size_and_depth(&self) -> (usize, usize) {
        let mut nodes = 0;
        let mut depth = 0;
        let mut stack = vec![(self, 1usize)];
        while let Some((e, d)) = stack.pop() {
            nodes += 1;
            depth = depth.max(d);
            stack.extend(e.children().into_iter().map(|c| (c, d + 1)));
        }
        (nodes, depth)
    }

    /// How tightly the printed form of this expression binds (see [`Precedence`]).
    pub fn precedence(&self) -> Precedence {
        match &self.kind {
            ExprKind::Conditional { .. } => Precedence::Conditional,
            ExprKind::Binary { op, .. } => op.precedence(),
            ExprKind::Unary { .. } => Precedence::Unary,
            // A negative literal prints with a leading `-`.
            ExprKind::Int(n) if *n < 0 => Precedence::Unary,
            ExprKind::Double(x) if x.is_sign_negative() => Precedence::Unary,
            ExprKind::Select { .. } | ExprKind::Index { .. } => Precedence::Postfix,
            ExprKind::Call { target: Some(_), .. } => Precedence::Postfix,
            _ => Precedence::Primary,
        }
    }
}

/// Writes `e`, in parentheses if it binds less tightly than `min`.
fn write_at(f: &mut fmt::Formatter<'_>, e: &Expr, min: Precedence) -> fmt::Result {
    if e.precedence() < min { write!(f, "({e})") } else { write!(f, "{e}") }
}

fn write_list(f: &mut fmt::Formatter<'_>, items: &[Expr]) -> fmt::Result {
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            f.write_str(", ")?;
        }
        write!(f, "{item}")?;
    }
    Ok(())
}

/// Writes a string literal in double quotes, escaping what the lexer would not read back raw.
pub(crate) fn write_string_literal(f: &mut impl fmt::Write, s: &str) -> fmt::Result {
    f.write_char('"')?;
    for c in s.chars() {
        match c {
            '"' => f.write_str("\\\"")?,
            '\\' => f.write_str("\\\\")?,
            '\n' => f.write_str("\\n")?,
            '\r' => f.write_str("\\r")?,
            '\t' => f.write_str("\\t")?,
            c if c.is_control() => write!(f, "\\u{:04x}", u32::from(c))?,
            c => f.write_char(c)?,
        }
    }
    f.write_char('"')
}

/// Writes a double so that it reads back as the same double (and as a double, not an int).
/// Non-finite values, which the parser never produces, print as the division CEL evaluates to
/// them.
fn write_double(f: &mut fmt::Formatter<'_>, x: f64) -> fmt::Result {
    if x.is_nan() {
        f.write_str("(0.0 / 0.0)")
    } else if x.is_infinite() {
        f.write_str(if x > 0.0 { "(1.0 / 0.0)" } else { "(-1.0 / 0.0)" })
    } else {
        // `Debug` is the shortest text that round-trips and always has a `.` or an exponent.
        write!(f, "{x:?}")
    }
}

impl fmt::Display for Expr {
    /// Canonical source: one space around infix operators, `", "` between list items and
    /// arguments, double-quoted strings, parentheses only where precedence needs them.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            ExprKind::Null => f.write_str("null"),
            ExprKind::Bool(b) => write!(f, "{b}"),
            ExprKind::Int(n) => write!(f, "{n}"),
            ExprKind::Double(x) => write_double(f, *x),
            ExprKind::String(s) => write_string_literal(f, s),
            ExprKind::List(items) => {
                f.write_str("[")?;
                write_list(f, items)?;
                f.write_str("]")
            }
            ExprKind::Name(n) => write!(f, "{n}"),
            ExprKind::Has(n) => write!(f, "has({n})"),
            ExprKind::Select { operand, field } => {
                write_at(f, operand, Precedence::Postfix)?;
                write!(f, ".{field}")
            }
            ExprKind::Index { operand, index } => {
                write_at(f, operand, Precedence::Postfix)?;
                write!(f, "[{index}]")
            }
            ExprKind::Call { function, target, args } => {
                if let Some(target) = target {
                    write_at(f, target, Precedence::Postfix)?;
                    f.write_str(".")?;
                }
                write!(f, "{function}(")?;
                write_list(f, args)?;
                f.write_str(")")
            }
            ExprKind::Unary { op, operand } => {
                f.write_str(op.symbol())?;
                let same_op = matches!(&operand.kind, ExprKind::Unary { op: inner, .. } if inner == op);
                // `-(3)` keeps a negation of a literal apart from the literal `-3`.
                let literal = *op == UnaryOp::Neg && matches!(operand.kind, ExprKind::Int(_) | ExprKind::Double(_));
                if same_op {
                    write!(f, "{operand}")
                } else if literal {
                    write!(f, "({operand})")
                } else {
                    write_at(f, operand, Precedence::Postfix)
                }
            }
            ExprKind::Binary { op, left, right } => {
                let p = op.precedence();
                write_at(f, left, p)?;
                write!(f, " {} ", op.symbol())?;
                // Left-associative: a right operand of the same precedence needs parentheses.
                if right.precedence() <= p { write!(f, "({right})") } else { write!(f, "{right}") }
            }
            ExprKind::Conditional { cond, then, otherwise } => {
                write_at(f, cond, Precedence::Or)?;
                f.write_str(" ? ")?;
                write_at(f, then, Precedence::Or)?;
                f.write_str(" : ")?;
                write!(f, "{otherwise}")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn e(kind: ExprKind) -> Expr {
        Expr::new(kind, Span::default())
    }

    fn name(n: &str) -> Expr {
        e(ExprKind::Name(Name::new(n)))
    }

    fn bin(op: BinaryOp, l: Expr, r: Expr) -> Expr {
        e(ExprKind::Binary { op, left: Box::new(l), right: Box::new(r) })
    }

    #[test]
    fn char_range_counts_characters() {
        let src = "名前 == 'x'";
        // `名前` is 6 bytes, 2 characters.
        assert_eq!(Span::new(0, 6).char_range(src), (0, 2));
        assert_eq!(Span::new(7, 9).char_range(src), (3, 5));
        assert_eq!(Span::new(0, 999).char_range(src), (0, 9));
        assert_eq!(Span::new(0, 6).text(src), Some("名前"));
        assert_eq!(Span::new(1, 6).text(src), None);
    }

    #[test]
    fn span_to_covers_both() {
        assert_eq!(Span::new(3, 5).to(Span::new(1, 4)), Span::new(1, 5));
    }

    #[test]
    fn display_parenthesises_by_precedence() {
        let sum = bin(BinaryOp::Add, name("a"), name("b"));
        assert_eq!(bin(BinaryOp::Mul, sum.clone(), name("c")).to_string(), "(a + b) * c");
        assert_eq!(bin(BinaryOp::Sub, name("c"), sum.clone()).to_string(), "c - (a + b)");
        assert_eq!(bin(BinaryOp::Add, sum.clone(), name("c")).to_string(), "a + b + c");
        let neg = e(ExprKind::Unary { op: UnaryOp::Neg, operand: Box::new(sum) });
        assert_eq!(neg.to_string(), "-(a + b)");
    }

    #[test]
    fn display_keeps_negative_literals_apart_from_negation() {
        let lit = e(ExprKind::Int(-3));
        let negated = e(ExprKind::Unary { op: UnaryOp::Neg, operand: Box::new(e(ExprKind::Int(3))) });
        assert_eq!(lit.to_string(), "-3");
        assert_eq!(negated.to_string(), "-(3)");
        let method = e(ExprKind::Call { function: "f".into(), target: Some(Box::new(lit)), args: vec![] });
        assert_eq!(method.to_string(), "(-3).f()");
    }

    #[test]
    fn display_doubles_read_back_as_doubles() {
        assert_eq!(e(ExprKind::Double(1.0)).to_string(), "1.0");
        assert_eq!(e(ExprKind::Double(1e300)).to_string(), "1e300");
        assert_eq!(e(ExprKind::Double(f64::NAN)).to_string(), "(0.0 / 0.0)");
    }

    #[test]
    fn display_escapes_strings() {
        let s = e(ExprKind::String("a\"b\\c\n\u{1}é".into()));
        assert_eq!(s.to_string(), r#""a\"b\\c\n\u0001é""#);
    }

    #[test]
    fn names_and_size() {
        let x = bin(BinaryOp::And, name("a"), e(ExprKind::Has(Name::new("b.c"))));
        let names: Vec<&str> = x.names().into_iter().map(Name::as_str).collect();
        assert_eq!(names, ["a", "b.c"]);
        assert_eq!(x.size_and_depth(), (3, 2));
    }

    #[test]
    fn serde_round_trip() {
        let x = bin(BinaryOp::In, name("a"), e(ExprKind::List(vec![e(ExprKind::Int(1))])));
        let json = serde_json::to_string(&x).expect("serialize");
        let back: Expr = serde_json::from_str(&json).expect("deserialize");
        assert_eq!(back, x);
        assert!(json.contains("\"binary\""), "{json}");
    }
}
