//! Expressions: a CEL subset.
pub mod ast;
pub mod error;
pub mod lexer;
pub mod suggest;
