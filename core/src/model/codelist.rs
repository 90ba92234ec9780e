use super::{ChoiceOption, Text, model_type};

model_type! {
/// A versioned list of codes with labels (都道府県, 続柄, 預金種目…).
pub struct CodeList {
    /// Marks the file as sample data.
    #[serde(default, skip_serializing_if = "super::is_false")]
    pub sample: bool,
    /// Id used by fields and concepts (`code_list: relationship`).
    pub id: String,
    /// Version of the list, e.g. a date `2025-04-01` or `1.0.0`.
    pub version: String,
    /// What the list is.
    pub title: Text,
    /// The codes, in the order residents see them.
    pub codes: Vec<Code>,
}
}

model_type! {
/// One code of a code list.
pub struct Code {
    /// The code as submitted, e.g. `"06"`.
    pub code: String,
    /// What residents see.
    pub label: Text,
}
}

impl CodeList {
    /// The codes as a field's options (value and label), in order: how a `code` field's list
    /// reads where options are compared (a town narrowing a list, a diff of two catalogues).
    pub fn as_options(&self) -> Vec<ChoiceOption> {
        self.codes.iter().map(|c| ChoiceOption { value: c.code.clone(), label: c.label.clone() }).collect()
    }
}
