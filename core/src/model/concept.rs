use std::collections::BTreeMap;

use super::{FieldType, Text, model_enum, model_type};

model_type! {
/// A vocabulary file: concepts shared by every procedure of the model.
pub struct Vocabulary {
    /// Marks the file as sample data, not a town's real definition.
    #[serde(default, skip_serializing_if = "super::is_false")]
    pub sample: bool,
    /// The concepts this file defines.
    pub concepts: Vec<Concept>,
}
}

model_type! {
/// A concept (語彙): the meaning of a datum, shared across procedures.
///
/// Once-only (ワンスオンリー) works through concepts: two fields bound to the same concept
/// are the same question, asked once in a session and remembered in the profile.
pub struct Concept {
    /// Dotted id, e.g. `person.birth_date`, `move.date`, `address.current`.
    pub id: String,
    /// What the datum is called.
    pub label: Text,
    /// A longer explanation, for authors and for residents who ask.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    /// The kind of value; every field bound to the concept has this type.
    #[serde(rename = "type")]
    pub value_type: FieldType,
    /// The code list values come from, for `code` concepts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code_list: Option<String>,
    /// How sensitive the datum is; decides masking and consent.
    #[serde(default)]
    pub sensitivity: Sensitivity,
    /// Mappings to outside vocabularies, e.g. `imi: "ic:人型/ic:氏名"`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub mappings: BTreeMap<String, String>,
}
}

model_enum! {
/// How sensitive a datum is.
#[derive(Default)]
pub enum Sensitivity {
    /// Not about a person (a date of moving, a count).
    #[default]
    Normal,
    /// Personal information (個人情報): names, addresses, birth dates.
    Personal,
    /// Specific personal information (特定個人情報): the My Number. Masked in every message,
    /// log and event.
    SpecificPersonal,
}
}
