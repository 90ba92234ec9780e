//! Typed answers: what a resident's input means once it is read, and what expressions see.

use std::collections::BTreeMap;

use crate::date::Date;

/// A typed value.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// No answer.
    Null,
    /// Yes or no.
    Bool(bool),
    /// A whole number (also money, in yen).
    Int(i64),
    /// A number with decimals.
    Double(f64),
    /// Text (also codes, postal codes, phone numbers… in their normalised form).
    String(String),
    /// A date.
    Date(Date),
    /// A year and month.
    YearMonth {
        /// The year.
        year: i32,
        /// The month, 1–12.
        month: u8,
    },
    /// A list (multi-choice answers, the items of a group).
    List(Vec<Value>),
    /// Named parts (an address, a person's name, one item of a group).
    Map(BTreeMap<String, Value>),
}

impl Value {
    /// Whether this is no answer.
    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }
}
