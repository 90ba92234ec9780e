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

/// Reads, normalises and judges one non-empty answer of `ty`: each type names its family and
/// its kind there, and each family matches its kinds exhaustively, so a new type compiles only
/// once it says who reads it (no family has a catch-all).
pub fn interpret(ty: FieldType, field: &Field, answer: &serde_json::Value, cx: &Context<'_>) -> Outcome {
    use FieldType as T;
    match ty {
        T::Text => text::interpret(text::Kind::Text, field, answer, cx),
        T::Multiline => text::interpret(text::Kind::Multiline, field, answer, cx),
        T::PersonName => text::interpret(text::Kind::PersonName, field, answer, cx),
        T::Katakana => text::interpret(text::Kind::Katakana, field, answer, cx),
        T::ZenginKana => text::interpret(text::Kind::ZenginKana, field, answer, cx),
        T::Date => dates::interpret(dates::Kind::Date, field, answer, cx),
        T::YearMonth => dates::interpret(dates::Kind::YearMonth, field, answer, cx),
        T::Integer => numbers::interpret(numbers::Kind::Integer, field, answer, cx),
        T::Decimal => numbers::interpret(numbers::Kind::Decimal, field, answer, cx),
        T::Money => numbers::interpret(numbers::Kind::Money, field, answer, cx),
        T::MyNumber => identifiers::interpret(identifiers::Kind::MyNumber, field, answer, cx),
        T::CorporateNumber => identifiers::interpret(identifiers::Kind::CorporateNumber, field, answer, cx),
        T::LocalGovernmentCode => identifiers::interpret(identifiers::Kind::LocalGovernmentCode, field, answer, cx),
        T::PostalCode => identifiers::interpret(identifiers::Kind::PostalCode, field, answer, cx),
        T::Phone => identifiers::interpret(identifiers::Kind::Phone, field, answer, cx),
        T::Email => identifiers::interpret(identifiers::Kind::Email, field, answer, cx),
        T::BankCode => identifiers::interpret(identifiers::Kind::BankCode, field, answer, cx),
        T::BranchCode => identifiers::interpret(identifiers::Kind::BranchCode, field, answer, cx),
        T::AccountNumber => identifiers::interpret(identifiers::Kind::AccountNumber, field, answer, cx),
        T::Boolean => choices::interpret(choices::Kind::Boolean, field, answer, cx),
        T::Consent => choices::interpret(choices::Kind::Consent, field, answer, cx),
        T::Choice => choices::interpret(choices::Kind::Choice, field, answer, cx),
        T::MultiChoice => choices::interpret(choices::Kind::MultiChoice, field, answer, cx),
        T::Code => choices::interpret(choices::Kind::Code, field, answer, cx),
        T::Address => structured::interpret(structured::Kind::Address, field, answer, cx),
        T::File => structured::interpret(structured::Kind::File, field, answer, cx),
        T::Group => structured::interpret(structured::Kind::Group, field, answer, cx),
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
