//! The procedure model: what definition files describe and compiled catalogues carry.
//!
//! Every type here is plain data (serde), shared by the YAML definition files that authors
//! write, the canonical JSON catalogue the widget and bindings load, and the JSON Schema that
//! editors use. The types say *what* a definition is; the checker ([`crate::check`]) says
//! whether it is sound.

#[cfg(feature = "authoring")]
mod apply;
pub mod catalog;
mod codelist;
mod concept;
pub mod decode;
mod document;
mod field;
mod life_event;
mod overlay;
mod procedure;
mod text;
mod town;

#[cfg(feature = "authoring")]
pub(crate) use apply::{apply_offering, codes_as_options, field_at_place, field_places};
pub use codelist::{Code, CodeList};
pub use concept::{AsMember, Concept, NamePart, ProfilePolicy, Sensitivity, Vocabulary};
pub use document::{Document, DocumentKind};
pub use field::{
    AnswerShape, ChoiceOption, Constraint, Field, FieldType, Prefill, Repertoire, Requirement, Rule, Severity, TypeInfo,
};
pub use life_event::{Applicability, LifeEvent};
pub use overlay::{ChangePolicy, FieldOverride, LocalFields, Region, SharedModel};
pub use procedure::{
    AfterSubmit, Channel, Counting, DeadlineRule, DeadlineVariant, Fee, Form, HostStep, Identity, LegalBasis, Page,
    Procedure, ProcedureType, RequiredDocument, ResultDelivery, Rollover, Visit,
};
pub use text::{Lang, Text};
pub use town::{Department, Offering, Town};

/// Derives the JSON Schema only where authoring is compiled in (the browser build has no use
/// for it).
macro_rules! model_type {
    ($item:item) => {
        #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
        #[cfg_attr(feature = "authoring", derive(schemars::JsonSchema))]
        #[serde(deny_unknown_fields)]
        $item
    };
}
pub(crate) use model_type;

/// Same as `model_type!` for closed lists of words (enums written as snake_case strings).
macro_rules! model_enum {
    ($item:item) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        #[cfg_attr(feature = "authoring", derive(schemars::JsonSchema))]
        #[serde(rename_all = "snake_case")]
        $item
    };
}
pub(crate) use model_enum;

pub(crate) fn is_false(b: &bool) -> bool {
    !*b
}

pub(crate) fn is_true(b: &bool) -> bool {
    *b
}

pub(crate) fn yes() -> bool {
    true
}
