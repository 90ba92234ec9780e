//! One module per family of field types; [`interpret`] dispatches on the type.

mod choices;
mod dates;
mod identifiers;
mod numbers;
mod structured;
mod text;

use super::{Context, Outcome};
use crate::model::{Field, FieldType};

/// Reads, normalises and judges one non-empty answer of `ty`.
pub fn interpret(ty: FieldType, field: &Field, answer: &serde_json::Value, cx: &Context<'_>) -> Outcome {
    use FieldType::*;
    match ty {
        Text | Multiline | PersonName | Katakana | ZenginKana => text::interpret(ty, field, answer, cx),
        Date | YearMonth => dates::interpret(ty, field, answer, cx),
        Integer | Decimal | Money => numbers::interpret(ty, field, answer, cx),
        MyNumber | CorporateNumber | LocalGovernmentCode | PostalCode | Phone | Email | BankCode | BranchCode
        | AccountNumber => identifiers::interpret(ty, field, answer, cx),
        Boolean | Consent | Choice | MultiChoice | Code => choices::interpret(ty, field, answer, cx),
        Address | File | Group => structured::interpret(ty, field, answer, cx),
    }
}
