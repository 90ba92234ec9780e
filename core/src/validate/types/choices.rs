//! (to be written)

use crate::model::{Field, FieldType};
use crate::validate::{Context, Outcome};

/// Reads, normalises and judges one non-empty answer.
pub fn interpret(ty: FieldType, field: &Field, answer: &serde_json::Value, cx: &Context<'_>) -> Outcome {
    let _ = (ty, field, answer, cx);
    Outcome::default()
}
