//! Validation that explains: every field type reads what a resident typed (parse), puts it in
//! its one right form where the meaning is unambiguous (normalise), judges it (validate) and
//! says what is wrong and how to fix it (explain), in ja, en and やさしい日本語.
//!
//! A field type's work is [`interpret`]: raw answer in, [`Outcome`] out. Problems are data
//! ([`Problem`]: a stable code, a state, arguments, an optional machine fix); words come only
//! from the message catalogue ([`messages`]).
//!
//! Two promises hold whatever the answers are:
//!
//! - **Bounded work.** Reading an answer takes time linear in its size, and the issues of a
//!   form are bounded by the form, not by the answers: a group's items past its `max_items`
//!   (at most [`MAX_GROUP_ITEMS`]) are one `group.too_many` issue and are not read. The SDK
//!   sets no limit on the size of an answer itself: hosts bound the text they parse.
//! - **Nothing passes silently.** A town's rule that cannot be evaluated (a pattern that does
//!   not compile, an answer of an unexpected shape, the evaluation budget spent) is a
//!   `rule_unavailable` warning naming the rule and the cause in its parameters, and a `show_if`
//!   that cannot be evaluated shows its question (see [`form`]).

pub mod bank;
pub mod clean;
pub mod form;
pub mod jis;
pub mod kana;
pub mod messages;
pub mod normalize;
pub mod types;
pub mod validator;
pub mod wareki;

pub use form::{Answers, Issue, IssueFix, Validation};
pub use types::MAX_GROUP_ITEMS;
pub use validator::{ValidateError, Validator, ValueCheck, check_value};

use crate::date::Date;
use crate::model::{Field, Severity};
use crate::value::Value;

/// What a validator knows besides the answer.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    /// Today, as the host says (core never reads the clock).
    pub today: Date,
    /// The code lists of the catalogue (for `code` fields).
    pub code_lists: &'a [crate::model::CodeList],
}

/// The state of an answer that has a problem: one message per state (shared/design/ERRORS.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum State {
    /// Nothing was given, but an answer is required.
    Empty,
    /// Too many characters (or items).
    TooLong,
    /// Too few characters (or items).
    TooShort,
    /// Characters that the field does not take.
    WrongCharacters,
    /// The right characters in the wrong shape.
    WrongFormat,
    /// A well-formed value that cannot exist (2月30日, a wrong check digit).
    Impossible,
    /// Outside the allowed range (before or after a date, below a minimum).
    OutOfRange,
    /// A rule of the definition fails.
    RuleFailed,
}

/// A change the resident can apply with one press (a button in the widget).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct MachineFix {
    /// Message id of the button's label in the catalogue (e.g. `fix-hiragana-to-katakana`).
    pub code: &'static str,
    /// The answer after the change.
    pub value: String,
    /// Arguments of the label (e.g. the 西暦 year).
    pub args: Vec<(&'static str, String)>,
}

/// One problem with one answer.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Problem {
    /// Stable code, `<type>.<what>` (`postal_code.wrong_length`, `date.impossible`), or a
    /// shared one (`required`, `text.too_long`). Message ids are derived from it.
    pub code: &'static str,
    /// Which state it is.
    pub state: State,
    /// Error (blocks submission) or warning.
    pub severity: Severity,
    /// Message arguments. Never personal data beyond what the message must name (a single
    /// offending character); never any digit of a My Number.
    pub args: Vec<(&'static str, String)>,
    /// A one-press fix, when the change is clear but not certain enough to make silently.
    pub machine_fix: Option<MachineFix>,
}

impl Problem {
    /// An error in `state`.
    pub fn error(code: &'static str, state: State) -> Problem {
        Problem { code, state, severity: Severity::Error, args: Vec::new(), machine_fix: None }
    }

    /// A warning in `state`.
    pub fn warning(code: &'static str, state: State) -> Problem {
        Problem { code, state, severity: Severity::Warning, args: Vec::new(), machine_fix: None }
    }

    /// Adds a message argument.
    pub fn arg(mut self, name: &'static str, value: impl ToString) -> Problem {
        self.args.push((name, value.to_string()));
        self
    }

    /// Adds a one-press fix.
    pub fn fix(mut self, fix: MachineFix) -> Problem {
        self.machine_fix = Some(fix);
        self
    }
}

/// What reading one answer gave.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Outcome {
    /// The typed value (for expressions), when the answer could be read.
    pub value: Option<Value>,
    /// The answer in its one right form, as it is submitted (e.g. `999-4112` for
    /// `９９９４１１２`), when it could be read.
    pub normalized: Option<serde_json::Value>,
    /// Every problem, most important first (missing part > impossible > rule).
    pub problems: Vec<Problem>,
}

impl Outcome {
    /// A read value with no problems.
    pub fn ok(value: Value, normalized: serde_json::Value) -> Outcome {
        Outcome { value: Some(value), normalized: Some(normalized), problems: Vec::new() }
    }

    /// A single problem, no value.
    pub fn problem(p: Problem) -> Outcome {
        Outcome { value: None, normalized: None, problems: vec![p] }
    }
}

/// Whether an answer is empty (nothing typed: null, "", only spaces, an empty list).
pub fn is_empty(answer: &serde_json::Value) -> bool {
    match answer {
        serde_json::Value::Null => true,
        serde_json::Value::String(s) => s.chars().all(|c| c.is_whitespace()),
        serde_json::Value::Array(a) => a.is_empty(),
        serde_json::Value::Object(o) => o.values().all(is_empty),
        _ => false,
    }
}

/// Reads, normalises and judges one non-empty answer of a field (emptiness and requiredness
/// are decided by the caller). `field` gives the constraints (`max_length`, `options`…).
pub fn interpret(field: &Field, answer: &serde_json::Value, cx: &Context<'_>) -> Outcome {
    types::interpret(field.resolved_type(), field, answer, cx)
}
