//! Names in scope for expressions: a procedure's fields, a life event's questions, and the
//! model's concepts.

use std::collections::BTreeMap;

use crate::expr::{Scope, Type};

/// Fields (or questions) of one definition, over the model's concepts.
pub(crate) struct Names<'a> {
    /// Local names (field ids), nearest scope last.
    pub local: Vec<BTreeMap<String, Type>>,
    /// Concept ids and their types.
    pub concepts: &'a BTreeMap<String, Type>,
}

impl Scope for Names<'_> {
    fn lookup(&self, name: &str) -> Option<Type> {
        self.local.iter().rev().find_map(|m| m.get(name).cloned()).or_else(|| self.concepts.get(name).cloned())
    }

    fn names(&self) -> Vec<String> {
        let mut names: Vec<String> = self.local.iter().flat_map(|m| m.keys().cloned()).collect();
        names.extend(self.concepts.keys().cloned());
        names
    }
}
