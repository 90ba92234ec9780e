//! The entry points hosts use: a [`Validator`] over a compiled catalogue, and
//! [`check_value`] for trying one value of one type.

use std::collections::HashMap;

use serde_json::{Map, Value as Json};

use super::form::{FormPlan, Issue, Validation, concept_types};
use super::messages::catalogue;
use crate::date::Date;
use crate::model::catalog::CompiledCatalog;
use crate::model::{CodeList, Field, FieldType, Lang, Text};

/// Why a validation could not run.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ValidateError {
    /// The catalogue has no procedure with this id.
    #[error("the catalogue has no procedure `{0}`")]
    UnknownProcedure(String),
    /// The procedure has no field with this id.
    #[error("the procedure `{procedure}` has no field `{field}`")]
    UnknownField {
        /// The procedure.
        procedure: String,
        /// The field asked for.
        field: String,
    },
}

impl ValidateError {
    /// Stable code for hosts and bindings.
    pub fn code(&self) -> &'static str {
        match self {
            ValidateError::UnknownProcedure(_) => "unknown-procedure",
            ValidateError::UnknownField { .. } => "unknown-field",
        }
    }
}

/// Validates the forms of one catalogue; build it once, use it for every keystroke.
#[derive(Debug, Clone)]
pub struct Validator {
    plans: HashMap<String, FormPlan>,
    fields: HashMap<String, Vec<String>>,
    code_lists: Vec<CodeList>,
}

impl Validator {
    /// Plans every procedure of `catalog` (expressions parsed once).
    pub fn new(catalog: &CompiledCatalog) -> Validator {
        let concepts = concept_types(&catalog.concepts);
        let plans = catalog.procedures.iter().map(|p| (p.id.clone(), FormPlan::new(p, &concepts))).collect();
        let fields = catalog
            .procedures
            .iter()
            .map(|p| (p.id.clone(), p.form.fields().map(|f| f.id.clone()).collect()))
            .collect();
        Validator { plans, fields, code_lists: catalog.code_lists.clone() }
    }

    /// The plan of a procedure's form (shared by sessions, so a session starts without
    /// planning again).
    pub fn form_plan(&self, procedure: &str) -> Option<&FormPlan> {
        self.plans.get(procedure)
    }

    fn plan(&self, procedure: &str) -> Result<&FormPlan, ValidateError> {
        self.plans.get(procedure).ok_or_else(|| ValidateError::UnknownProcedure(procedure.to_string()))
    }

    /// Every issue of every relevant field of `procedure`, the normalised answers and which
    /// fields are relevant.
    pub fn validate(
        &self,
        procedure: &str,
        answers: &Map<String, Json>,
        today: Date,
        lang: Lang,
    ) -> Result<Validation, ValidateError> {
        Ok(self.plan(procedure)?.validate(answers, today, lang, &self.code_lists))
    }

    /// The issues of one field (for each keystroke).
    pub fn validate_field(
        &self,
        procedure: &str,
        field: &str,
        answers: &Map<String, Json>,
        today: Date,
        lang: Lang,
    ) -> Result<Vec<Issue>, ValidateError> {
        let plan = self.plan(procedure)?;
        if !self.fields.get(procedure).is_some_and(|f| f.iter().any(|id| id == field)) {
            return Err(ValidateError::UnknownField { procedure: procedure.to_string(), field: field.to_string() });
        }
        Ok(plan.validate_field(field, answers, today, lang, &self.code_lists))
    }
}

/// What trying one value of one type gave.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct ValueCheck {
    /// No errors (warnings allowed).
    pub valid: bool,
    /// The value in its one right form, when it could be read.
    pub normalized: Option<Json>,
    /// Every issue.
    pub issues: Vec<Issue>,
}

/// Tries one value of `ty` as a required field with no other constraints, labelled with the
/// type's own name (郵便番号, Postal code).
pub fn check_value(ty: FieldType, value: &Json, today: Date, lang: Lang) -> ValueCheck {
    let cat = catalogue();
    let id = format!("type-{}", ty.name());
    let label = Text {
        ja: cat.format_exact(Lang::Ja, &id, &[]),
        en: cat.format_exact(Lang::En, &id, &[]),
        ja_easy: cat.format_exact(Lang::JaEasy, &id, &[]),
    };
    let field = Field::new("value", ty, label);
    let page =
        crate::model::Page { id: "page".into(), title: Text::new("値", "Value"), show_if: None, fields: vec![field] };
    let form = crate::model::Form { pages: vec![page], rules: Vec::new() };
    let procedure = crate::model::Procedure::with_form("check-value", Text::new("値の確認", "Value check"), form);
    let plan = FormPlan::new(&procedure, &[]);
    let mut answers = Map::new();
    answers.insert("value".into(), value.clone());
    let v = plan.validate(&answers, today, lang, &[]);
    ValueCheck { valid: !v.has_errors(), normalized: v.normalized.get("value").cloned(), issues: v.issues }
}
