//! Expressions: a CEL subset.
