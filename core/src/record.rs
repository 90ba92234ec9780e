//! Reading the SDK's own JSON records — drafts and profiles kept on the device — from a parsed
//! JSON value, by hand rather than with serde's derived deserialisers (whose generic code
//! weighed about 15 KB gzip in the widget's wasm).
//!
//! Each record names its fields; a field it does not name is refused, a missing one is
//! refused unless it has a default, and `null` stands for an absent optional field. Errors
//! say where, as a path from the record's top (`procedures[0].version`,
//! `facts["person.family_name"][1].source.kind`), and what was expected, naming the kind of
//! value found but never the value itself: records hold personal data.

use serde_json::{Map, Value as Json};

use crate::date::Date;

/// Why a record cannot be read: where and what, never a value it holds.
pub(crate) type Error = String;

/// The kind of a JSON value, for messages (never the value itself).
pub(crate) fn kind_of(json: &Json) -> &'static str {
    match json {
        Json::Null => "null",
        Json::Bool(_) => "a boolean",
        Json::Number(_) => "a number",
        Json::String(_) => "a string",
        Json::Array(_) => "an array",
        Json::Object(_) => "an object",
    }
}

/// `at` followed by a key: `a.b`, or `a["b.c"]` when the key is not a plain word.
pub(crate) fn key_path(at: &str, key: &str) -> String {
    let plain = !key.is_empty() && key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
    match (at.is_empty(), plain) {
        (true, true) => key.to_owned(),
        (false, true) => format!("{at}.{key}"),
        (_, false) => format!("{at}[{key:?}]"),
    }
}

/// `at` followed by an index: `a[3]`.
pub(crate) fn index_path(at: &str, index: usize) -> String {
    format!("{at}[{index}]")
}

/// The fields of one object of a record, taken out one by one.
pub(crate) struct Fields {
    map: Map<String, Json>,
    at: String,
}

impl Fields {
    /// The object at `at` (`""` for the record itself, named `what` in messages), refusing
    /// any field not in `names`.
    pub(crate) fn of(value: Json, at: &str, what: &str, names: &[&str]) -> Result<Fields, Error> {
        let Json::Object(map) = value else {
            return Err(format!("{}{what} must be an object, found {}", prefix(at), kind_of(&value)));
        };
        if let Some(key) = map.keys().find(|k| !names.contains(&k.as_str())) {
            let listed: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
            let has = if listed.is_empty() { "no fields".to_owned() } else { listed.join(", ") };
            return Err(format!("{}`{key}` is not a field of {what}; it has {has}", prefix(at)));
        }
        Ok(Fields { map, at: at.to_owned() })
    }

    /// The path of field `key`.
    pub(crate) fn path(&self, key: &str) -> String {
        key_path(&self.at, key)
    }

    /// Field `key`, `None` when absent or `null`.
    pub(crate) fn take(&mut self, key: &str) -> Option<Json> {
        self.map.remove(key).filter(|v| !v.is_null())
    }

    /// Field `key` as it is, `null` included (a value of any JSON), which must be there.
    pub(crate) fn value(&mut self, key: &str) -> Result<Json, Error> {
        self.map.remove(key).ok_or_else(|| format!("{}: missing", self.path(key)))
    }

    /// Field `key`, which must be there (and not `null`).
    pub(crate) fn required(&mut self, key: &str) -> Result<Json, Error> {
        self.take(key).ok_or_else(|| format!("{}: missing", self.path(key)))
    }

    /// A text field that must be there.
    pub(crate) fn string(&mut self, key: &str) -> Result<String, Error> {
        let value = self.required(key)?;
        self.as_string(key, value)
    }

    /// A text field that may be absent or `null`.
    pub(crate) fn opt_string(&mut self, key: &str) -> Result<Option<String>, Error> {
        self.take(key).map(|v| self.as_string(key, v)).transpose()
    }

    /// A yes/no field; `default` when absent.
    pub(crate) fn bool_or(&mut self, key: &str, default: bool) -> Result<bool, Error> {
        match self.take(key) {
            None => Ok(default),
            Some(Json::Bool(b)) => Ok(b),
            Some(other) => Err(format!("{}: a boolean was expected, found {}", self.path(key), kind_of(&other))),
        }
    }

    /// A date field (`YYYY-MM-DD`) that may be absent or `null`. The message of a wrong date
    /// quotes it: the days a record's facts hold are not personal data.
    pub(crate) fn opt_date(&mut self, key: &str) -> Result<Option<Date>, Error> {
        let Some(value) = self.opt_string(key)? else { return Ok(None) };
        Date::parse_iso(&value)
            .map(Some)
            .ok_or_else(|| format!("{}: `{value}` is not a date (YYYY-MM-DD)", self.path(key)))
    }

    /// An object field (a map of the record's own keys), empty when absent or `null`.
    pub(crate) fn map(&mut self, key: &str) -> Result<Map<String, Json>, Error> {
        match self.take(key) {
            None => Ok(Map::new()),
            Some(Json::Object(map)) => Ok(map),
            Some(other) => Err(format!("{}: an object was expected, found {}", self.path(key), kind_of(&other))),
        }
    }

    /// A list field that must be there.
    pub(crate) fn list(&mut self, key: &str) -> Result<Vec<Json>, Error> {
        match self.required(key)? {
            Json::Array(items) => Ok(items),
            other => Err(format!("{}: a list was expected, found {}", self.path(key), kind_of(&other))),
        }
    }

    /// The error for a tagged record (`{"kind": …}`) whose `kind` is none of `kinds`.
    pub(crate) fn unknown_kind(&mut self, kinds: &[&str]) -> Error {
        let path = self.path("kind");
        let listed: Vec<String> = kinds.iter().map(|k| format!("`{k}`")).collect();
        match self.required("kind") {
            Ok(Json::String(kind)) => format!("{path}: `{kind}` is not one of {}", listed.join(", ")),
            Ok(other) => format!("{path}: a string was expected, found {}", kind_of(&other)),
            Err(missing) => format!("{missing}: it is one of {}", listed.join(", ")),
        }
    }

    fn as_string(&self, key: &str, value: Json) -> Result<String, Error> {
        match value {
            Json::String(s) => Ok(s),
            other => Err(format!("{}: a string was expected, found {}", self.path(key), kind_of(&other))),
        }
    }
}

/// `at: ` before a message about the object at `at`; nothing for the record itself.
fn prefix(at: &str) -> String {
    if at.is_empty() { String::new() } else { format!("{at}: ") }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn paths_name_keys_as_written() {
        assert_eq!(key_path("", "format"), "format");
        assert_eq!(key_path("consent", "at"), "consent.at");
        assert_eq!(key_path("facts", "person.family_name"), "facts[\"person.family_name\"]");
        assert_eq!(index_path("procedures", 2), "procedures[2]");
    }

    #[test]
    fn errors_say_where_and_what_but_never_the_value() {
        let secret = "123456789018";
        let mut f =
            Fields::of(json!({"id": secret, "n": 1, "when": "2025-02-30"}), "p[0]", "a thing", &["id", "n", "when"])
                .unwrap();
        let e = f.string("n").unwrap_err();
        assert_eq!(e, "p[0].n: a string was expected, found a number");
        assert_eq!(f.string("gone").unwrap_err(), "p[0].gone: missing");
        assert_eq!(f.opt_date("when").unwrap_err(), "p[0].when: `2025-02-30` is not a date (YYYY-MM-DD)");
        assert_eq!(f.string("id").unwrap(), secret);
        let e = Fields::of(json!({"id": secret, "extra": secret}), "", "a thing", &["id"]).err().unwrap();
        assert_eq!(e, "`extra` is not a field of a thing; it has `id`");
        let e = Fields::of(json!({"n": {"x": 1}}), "", "a thing", &["n"]).unwrap().required("n").unwrap();
        let e = Fields::of(e, "n", "a part", &[]).err().unwrap();
        assert_eq!(e, "n: `x` is not a field of a part; it has no fields");
        let e = Fields::of(json!([secret]), "", "a thing", &["id"]).err().unwrap();
        assert_eq!(e, "a thing must be an object, found an array");
        assert!(!e.contains(secret));
    }

    #[test]
    fn null_is_absent() {
        let mut f = Fields::of(json!({"a": null, "b": null, "c": null}), "", "x", &["a", "b", "c"]).unwrap();
        assert_eq!(f.opt_string("a").unwrap(), None);
        assert!(f.bool_or("b", true).unwrap());
        assert!(f.map("c").unwrap().is_empty());
    }
}
