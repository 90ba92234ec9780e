//! Names in scope for expressions: a procedure's fields, a life event's questions, and the
//! model's concepts.

use std::collections::BTreeMap;

use crate::expr::{Scope, Type};

/// Fields (or questions) of one definition, over the model's concepts.
pub(crate) struct Names<'a> {
    /// Local names (field ids), nearest scope last. Borrowed, so a nested scope (a group's
    /// items) costs one step per level, not a copy of every name.
    pub local: Vec<&'a BTreeMap<String, Type>>,
    /// Concept ids and their types.
    pub concepts: &'a BTreeMap<String, Type>,
}

impl<'a> Names<'a> {
    /// The fields of one definition, over the concepts.
    pub fn new(local: &'a BTreeMap<String, Type>, concepts: &'a BTreeMap<String, Type>) -> Names<'a> {
        Names { local: vec![local], concepts }
    }

    /// This scope with `inner` (a group's items) nearest.
    pub fn within<'b>(&self, inner: &'b BTreeMap<String, Type>) -> Names<'b>
    where
        'a: 'b,
    {
        let mut local: Vec<&'b BTreeMap<String, Type>> = self.local.clone();
        local.push(inner);
        Names { local, concepts: self.concepts }
    }
}

impl Names<'_> {
    /// How many names are in scope.
    pub fn size(&self) -> usize {
        self.local.iter().map(|m| m.len()).sum::<usize>() + self.concepts.len()
    }
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
