//! What a town may change in the shared model, and how it says what it changes.
//!
//! The shared model marks each procedure and field with a [`ChangePolicy`] (after FIM's
//! Änderbarkeit); a town's offering overrides fields ([`FieldOverride`]) and adds local
//! fields ([`LocalFields`]) within those limits. The checker enforces the limits; `compile`
//! applies what passes.

use super::{Field, Offering, Rule, Text, model_enum, model_type};

model_enum! {
/// What a town may change in an element of the shared model.
pub enum ChangePolicy {
    /// Nothing: the element is bound by law (its wording, type and constraints).
    Frozen,
    /// Only tighten it: required where optional, shorter lengths, narrower ranges; its texts
    /// may be written for the town. On a procedure: fields may be overridden within their own
    /// limits, none added. The default.
    Restrict,
    /// Only widen it: optional where required, longer lengths, wider ranges; its texts may be
    /// written for the town. On a procedure: fields may be overridden and local fields added.
    Extend,
}
}

model_type! {
/// The shared model itself: its id and semantic version, which towns pin.
pub struct SharedModel {
    /// Marks the file as sample data.
    #[serde(default, skip_serializing_if = "super::is_false")]
    pub sample: bool,
    /// Id (`yamagata-towns`).
    pub id: String,
    /// Semantic version of the whole model (`1.2.0`): a new major version may remove or
    /// change what towns rely on; a new minor version only adds.
    pub version: String,
    /// Its name.
    pub title: Text,
}
}

model_type! {
/// A town's change to one field of a shared procedure.
pub struct FieldOverride {
    /// The field's id (`phone`; a group's inner field as `members/name`).
    pub field: String,
    /// The town's own label.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<Text>,
    /// The town's own hint.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<Text>,
    /// `true` to require it, `false` to make it optional.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub required: Option<bool>,
    /// Fewest characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_length: Option<u32>,
    /// Most characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_length: Option<u32>,
    /// Smallest value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
    /// Largest value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
    /// Fewest items.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_items: Option<u32>,
    /// Most items.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_items: Option<u32>,
    /// The choices the town keeps, by value: some of a `choice` or `multi_choice` field's
    /// `options`, or some codes of a `code` field's code list. Residents see them in the
    /// shared model's order; the others are not offered (nor accepted) here. Only narrows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub options: Option<Vec<String>>,
    /// Rules the town adds to the field, checked after the shared model's own; their
    /// messages are the town's.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rules: Vec<Rule>,
}
}

model_type! {
/// Fields a town adds to a page of a shared procedure (only where it is `change: extend`).
pub struct LocalFields {
    /// The page's id; the fields go after its own.
    pub page: String,
    /// The fields.
    pub fields: Vec<Field>,
}
}

model_type! {
/// A regional layer: overrides shared by a group of neighbouring towns (a 郡, a joint water
/// works), applied between the shared model and each town's own overlay.
pub struct Region {
    /// Marks the file as sample data.
    #[serde(default, skip_serializing_if = "super::is_false")]
    pub sample: bool,
    /// Id, named by its towns' `region` (`kitamurayama`).
    pub id: String,
    /// Its name.
    pub name: Text,
    /// Overrides of shared procedures, as in a town's offerings: fees, departments (each town
    /// must have them), field overrides, local fields, `offered: false`. A procedure listed
    /// here is not offered by that alone: each town still says what it offers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub procedures: Vec<Offering>,
}
}
