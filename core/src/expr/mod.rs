//! Expressions: a CEL subset for the conditions of procedure definitions — visibility
//! (`show_if`), conditional requiredness (`required`), cross-field `rules` and the applicability
//! of procedures to a life event (`when`).
//!
//! The syntax and meaning are CEL's, restricted to what conditions need:
//!
//! - literals `null`, `true`, `false`, integers (`42`, `-3`, `0x1F`), doubles (`1.5`, `2e3`),
//!   strings in `'...'` or `"..."` (escapes `\n \t \\ \' \" \uXXXX`; raw `r"..."`), lists `[a, b]`;
//! - names of answers: a field id (`move_date`) or a dotted concept id (`person.birth_date`);
//!   member select `a.b`, index `a[0]`, calls `f(x)` and methods `s.startsWith("0")`;
//! - operators, loosest first: `? :`, `||`, `&&`, `== != < <= > >= in`, `+ -`, `* / %`,
//!   prefix `! -`, then member/index/call; parentheses;
//! - the built-in functions of [`functions::FUNCTIONS`] and the macro `has(name)`.
//!
//! The pipeline is [`parse`] (source to [`Expr`] with spans; the first syntax error), then
//! [`check`] (names resolved against a [`Scope`], types checked; every error). [`resolve`] gives
//! the tree with dotted names merged, ready for evaluation and for [`Expr::names`]. [`eval()`] and
//! [`eval_condition`] compute the value against the answers of an [`Env`], within a [`Budget`].
//!
//! Every error is an [`ExprError`] with a stable code from [`codes`], a span, a message for the
//! definition author and, where possible, a fix: [`error::Phrase`]s, ids of the authors'
//! catalogue with their arguments, which the checker says in the author's language (this base
//! layer carries no words; `tetsuzuki::diagnostic::Message` says a phrase with the `authoring`
//! feature). Sources are limited to [`MAX_SOURCE_BYTES`] bytes, [`MAX_DEPTH`] levels of nesting
//! and [`MAX_NODES`] nodes; going over is an error, never a panic or a stack overflow.
//!
//! ```
//! use tetsuzuki::expr::{check, parse, MapScope, Type};
//!
//! let scope = MapScope::new()
//!     .with("move_date", Type::Date)
//!     .with("household.has_children", Type::Bool);
//! let e = parse("household.has_children && days_between(move_date, today()) <= 14").unwrap();
//! assert_eq!(check(&e, &scope, Some(&Type::Bool)), Ok(Type::Bool));
//!
//! let e = parse("household.has_chidren").unwrap();
//! let errors = check(&e, &scope, Some(&Type::Bool)).unwrap_err();
//! assert_eq!(errors[0].code, "expr-unknown-name");
//! assert_eq!(errors[0].message.id, "expr-unknown-name-suggest");
//! # #[cfg(feature = "authoring")]
//! assert_eq!(
//!     tetsuzuki::diagnostic::Message::from(errors[0].message.clone()).to_string(),
//!     "`household.has_chidren` is not a field or concept in scope; did you mean `household.has_children`?"
//! );
//! ```

pub mod ast;
pub mod error;
pub mod eval;
pub mod functions;
pub mod lexer;
pub mod parser;
pub mod types;

#[cfg(test)]
mod tests;

pub use crate::suggest::did_you_mean;
pub use ast::{BinaryOp, Expr, ExprKind, Name, Precedence, Span, UnaryOp};
pub use error::{ExprError, codes};
pub use eval::{
    Budget, Env, EvalError, MapEnv, PatternCheck, check_pattern, check_pattern_quickly, eval, eval_condition,
};
pub use parser::{MAX_DEPTH, MAX_NODES, MAX_SOURCE_BYTES, parse};
pub use types::{MapScope, Scope, Type, check, resolve, resolve_in_place};
