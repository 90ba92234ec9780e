use std::collections::BTreeMap;

use super::{Field, Text, model_type};

model_type! {
/// A life event (ライフイベント): moving, a birth, a marriage, a death, care.
///
/// The navigator asks its screening questions, then lists the procedures that apply, each
/// with the reason, and what the town does by itself (authority-initiated procedures).
pub struct LifeEvent {
    /// Marks the file as sample data.
    #[serde(default, skip_serializing_if = "super::is_false")]
    pub sample: bool,
    /// Id (`moving-in`).
    pub id: String,
    /// Its name (引っ越してきた).
    pub title: Text,
    /// One sentence for the navigator's first page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<Text>,
    /// The concept holding the event's date (`move.date`), from which deadlines count.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Screening questions, each bound to a concept so its answer is reused in the forms.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub questions: Vec<Field>,
    /// The procedures that may apply, each with its condition and reason.
    pub procedures: Vec<Applicability>,
}
}

model_type! {
/// When a procedure applies to a life event, and why.
pub struct Applicability {
    /// The procedure's id.
    pub procedure: String,
    /// Applies only when this condition over the screening answers is true.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<String>,
    /// The reason shown to the resident ("because you have children under 18").
    pub reason: Text,
    /// Answers of the procedure the event implies (a birth journey's reason is the birth):
    /// a field id of its form, or a concept one of its fields asks → an expression over the
    /// screening answers (by question id or concept; the event's date among them), e.g.
    /// `reason: "'birth'"`, `start_date: child_birth_date`. A one-stop session fills them in,
    /// unless already answered, saying they came from the event; the resident can change them.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub presets: BTreeMap<String, String>,
}
}
