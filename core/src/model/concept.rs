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
    /// Whether the resident's on-device profile may keep its values for next time: `keep`,
    /// `sensitive` (only with the resident's separate consent) or `never` (a fact of one
    /// event). When absent: `sensitive` for specific personal information (a My Number),
    /// `keep` otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub profile: Option<ProfilePolicy>,
    /// Mappings to outside vocabularies, e.g. `imi: "ic:人型/ic:氏名"`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub mappings: BTreeMap<String, String>,
    /// For a concept about one particular person (the child a procedure is about): the part
    /// of a group item (`member.*`) that holds the same datum when a form lists that person
    /// among others. The concepts of one area (`child.*`) that declare it describe one person,
    /// entered once whether a form asks for them as single questions or as an item of a group.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_member: Option<AsMember>,
}
}

model_type! {
/// Where a concept about one particular person stands in a group item (a concept's
/// `as_member`): `child.birth_date` is `member.birth_date`; `child.family_name` is the family
/// half of `member.name`.
pub struct AsMember {
    /// The concept of the group item's part (`member.name`).
    pub concept: String,
    /// Which half of that part this concept is, when the item holds a whole name and the
    /// concept one half of it: `family` or `given` (of a `person_name`, or of a `katakana` or
    /// `text` reading written family first, a space between).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part: Option<NamePart>,
}
}

model_enum! {
/// One half of a person's name.
pub enum NamePart {
    /// The family name (氏).
    Family,
    /// The given name (名).
    Given,
}
}

impl Concept {
    /// The person a concept describes as a member of a group (its area, `child` for
    /// `child.family_name`), when it declares `as_member`.
    pub fn person(&self) -> Option<&str> {
        self.as_member.as_ref()?;
        self.id.split_once('.').map(|(area, _)| area)
    }
}

impl Concept {
    /// How the resident's profile may keep the concept's values: as declared (`profile`), or
    /// derived when not: [`ProfilePolicy::Sensitive`] for specific personal information (a
    /// My Number, by sensitivity or by type), [`ProfilePolicy::Keep`] otherwise. A My Number
    /// is never kept with the ordinary consent, whatever the declaration says (the checker
    /// refuses `profile: keep` on one).
    pub fn profile_policy(&self) -> ProfilePolicy {
        let my_number = self.sensitivity == Sensitivity::SpecificPersonal || self.value_type == FieldType::MyNumber;
        match self.profile {
            Some(policy) if my_number => policy.max(ProfilePolicy::Sensitive),
            Some(policy) => policy,
            None if my_number => ProfilePolicy::Sensitive,
            None => ProfilePolicy::Keep,
        }
    }
}

model_enum! {
/// How the resident's on-device profile (the once-only store) may keep a concept's values,
/// from the least to the most restrictive: the consent the resident gives names what is kept.
pub enum ProfilePolicy {
    /// Kept with the resident's consent to keep their details: who they are and how to reach
    /// them (names, readings, birth dates, addresses, phone numbers, insurance and pension
    /// numbers).
    Keep,
    /// Kept only when the resident also agreed to keep sensitive details, named in that
    /// consent: the My Number, bank accounts, health and care facts.
    Sensitive,
    /// Never kept: facts of one event rather than of the person (the date of a move, the day
    /// water starts, the yes/no answers of one life event, the day insurance starts or ends).
    /// Asked again each time.
    Never,
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
