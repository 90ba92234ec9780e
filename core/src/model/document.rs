use super::{CodeList, LifeEvent, Procedure, Region, SharedModel, Town, Vocabulary};

/// One YAML document of a definition file, told apart by its `kind`.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "authoring", derive(schemars::JsonSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
// Documents are few and made once per load; boxing the large variant would buy nothing.
#[allow(clippy::large_enum_variant)]
pub enum Document {
    /// `kind: procedure`: one procedure.
    Procedure(Procedure),
    /// `kind: life_event`: one life event.
    LifeEvent(LifeEvent),
    /// `kind: vocabulary`: concepts.
    Vocabulary(Vocabulary),
    /// `kind: code_list`: one code list.
    CodeList(CodeList),
    /// `kind: town`: one town.
    Town(Town),
    /// `kind: model`: the shared model's id and version.
    Model(SharedModel),
    /// `kind: region`: overrides shared by neighbouring towns.
    Region(Region),
}

/// The kind of a document, as written in its `kind` key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DocumentKind {
    /// `procedure`.
    Procedure,
    /// `life_event`.
    LifeEvent,
    /// `vocabulary`.
    Vocabulary,
    /// `code_list`.
    CodeList,
    /// `town`.
    Town,
    /// `model`.
    Model,
    /// `region`.
    Region,
}

impl Document {
    /// The document's kind.
    pub fn kind(&self) -> DocumentKind {
        match self {
            Document::Procedure(_) => DocumentKind::Procedure,
            Document::LifeEvent(_) => DocumentKind::LifeEvent,
            Document::Vocabulary(_) => DocumentKind::Vocabulary,
            Document::CodeList(_) => DocumentKind::CodeList,
            Document::Town(_) => DocumentKind::Town,
            Document::Model(_) => DocumentKind::Model,
            Document::Region(_) => DocumentKind::Region,
        }
    }
}
