//! One module per family of field types; [`interpret`] dispatches on the type.

mod choices;
mod dates;
mod identifiers;
mod numbers;
mod structured;
mod text;

pub use structured::MAX_GROUP_ITEMS;
pub(crate) use structured::{group_problems, item_limit, prefecture};

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

/// Every problem code the field types can produce (the shared `required…` codes are in
/// `common.ftl`), for documentation and for the test that every code has words.
pub fn problem_codes() -> impl Iterator<Item = &'static str> {
    [text::CODES, dates::CODES, numbers::CODES, identifiers::CODES, choices::CODES, structured::CODES]
        .into_iter()
        .flatten()
        .copied()
}

/// Every machine-fix label the field types can offer.
pub fn fix_labels() -> impl Iterator<Item = &'static str> {
    [text::FIXES, dates::FIXES, identifiers::FIXES].into_iter().flatten().copied()
}

#[cfg(test)]
mod tests {
    use crate::model::Lang;
    use crate::validate::messages::{catalogue, message_id};

    #[test]
    fn every_code_and_fix_label_has_words_in_every_language() {
        let cat = catalogue();
        let mut missing = Vec::new();
        let args = [("label", "L".to_string()), ("count", "3".to_string())];
        for lang in Lang::ALL {
            let form_codes = ["required", "required-choice", "required-consent", "rule_unavailable"];
            for code in super::problem_codes().chain(form_codes) {
                let id = message_id(code);
                for id in [id.clone(), format!("{id}-fix")] {
                    if cat.format_exact(lang, &id, &args).is_none() {
                        missing.push(format!("{}: {id}", lang.tag()));
                    }
                }
            }
            for label in super::fix_labels() {
                if cat.format_exact(lang, label, &args).is_none() {
                    missing.push(format!("{}: {label}", lang.tag()));
                }
            }
        }
        assert!(missing.is_empty(), "missing messages: {missing:?}");
    }
}
