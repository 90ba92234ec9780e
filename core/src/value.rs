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

    /// A JSON answer as a typed value; nulls are no answer and are left out of lists and maps.
    /// With `dates`, a string that is an ISO date (`2026-11-23`) becomes a [`Value::Date`].
    pub fn from_json(json: &serde_json::Value, dates: bool) -> Option<Value> {
        use serde_json::Value as Json;
        Some(match json {
            Json::Null => return None,
            Json::Bool(b) => Value::Bool(*b),
            Json::Number(n) => n.as_i64().map(Value::Int).or_else(|| n.as_f64().map(Value::Double))?,
            Json::String(s) => match dates.then(|| Date::parse_iso(s)).flatten() {
                Some(date) => Value::Date(date),
                None => Value::String(s.clone()),
            },
            Json::Array(items) => Value::List(items.iter().filter_map(|v| Value::from_json(v, dates)).collect()),
            Json::Object(fields) => {
                // Inserted one by one (the keys come sorted): collecting would sort them again.
                let mut map = BTreeMap::new();
                for (k, v) in fields {
                    if let Some(v) = Value::from_json(v, dates) {
                        map.insert(k.clone(), v);
                    }
                }
                Value::Map(map)
            }
        })
    }
}
