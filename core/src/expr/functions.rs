//! The fixed table of built-in functions and methods: names, signatures and one-line docs.
//!
//! The type checker resolves calls against this table; the evaluator implements exactly the
//! overloads listed here, dispatching on [`Overload::id`]. Nothing else can be called.
//!
//! The docs are for authors and are kept only with the `authoring` feature: nothing reads them
//! when evaluating, and the browser build (without the feature) would otherwise carry them.

use std::fmt::Write as _;

use super::error::{Phrase, phrase};
use super::types::Type;

/// The type of a parameter (or receiver) in a signature.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Param {
    /// `bool`
    Bool,
    /// `int`
    Int,
    /// `double`
    Double,
    /// `string`
    String,
    /// `date`
    Date,
    /// Any list: `list`.
    List,
    /// Any value: `any`.
    Any,
    /// A field or concept name, not a value (the argument of the `has()` macro).
    Name,
}

impl Param {
    /// The parameter type as shown in signatures (`string`, `list`, `any`...).
    pub const fn name(self) -> &'static str {
        match self {
            Param::Bool => "bool",
            Param::Int => "int",
            Param::Double => "double",
            Param::String => "string",
            Param::Date => "date",
            Param::List => "list",
            Param::Any => "any",
            Param::Name => "name",
        }
    }

    /// Whether a value of type `t` can be passed. `dyn` (unknown until evaluation) is accepted
    /// everywhere; `null` only by `any`.
    pub fn accepts(self, t: &Type) -> bool {
        matches!(
            (self, t),
            (_, Type::Dyn)
                | (Param::Any, _)
                | (Param::Bool, Type::Bool)
                | (Param::Int, Type::Int)
                | (Param::Double, Type::Double)
                | (Param::String, Type::String)
                | (Param::Date, Type::Date)
                | (Param::List, Type::List(_))
        )
    }
}

/// One signature of a function or method.
#[derive(Debug, Clone, PartialEq)]
pub struct Overload {
    /// Stable identifier of the overload, for the evaluator (`"size_string"`, `"age_at"`...).
    pub id: &'static str,
    /// The receiver type of a method (`s.startsWith(x)`); `None` for a global function.
    pub receiver: Option<Param>,
    /// The parameter types, receiver excluded.
    pub params: &'static [Param],
    /// The result type.
    pub result: Type,
    /// One line of documentation (only with the `authoring` feature).
    #[cfg(feature = "authoring")]
    pub doc: &'static str,
}

impl Overload {
    /// The signature as shown to authors: `age(date, date) -> int`, `string.startsWith(string)
    /// -> bool`.
    pub fn signature(&self, function: &str) -> String {
        let mut out = String::new();
        if let Some(receiver) = self.receiver {
            out.push_str(receiver.name());
            out.push('.');
        }
        out.push_str(function);
        out.push('(');
        for (i, p) in self.params.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            out.push_str(p.name());
        }
        let _ = write!(out, ") -> {}", self.result);
        out
    }
}

/// A built-in function or method with all its overloads.
#[derive(Debug, Clone, PartialEq)]
pub struct Function {
    /// The name as called.
    pub name: &'static str,
    /// One line of documentation (only with the `authoring` feature).
    #[cfg(feature = "authoring")]
    pub doc: &'static str,
    /// Its signatures; global functions and methods may share a name (`size(x)`, `x.size()`).
    pub overloads: &'static [Overload],
}

impl Function {
    /// Whether this is a macro expanded by the parser (`has`) rather than a call.
    pub fn is_macro(&self) -> bool {
        self.name == "has"
    }

    /// Whether it can be called as a global function `f(x)`.
    pub fn is_global(&self) -> bool {
        self.overloads.iter().any(|o| o.receiver.is_none())
    }

    /// Whether it can be called as a method `x.f()`.
    pub fn is_method(&self) -> bool {
        self.overloads.iter().any(|o| o.receiver.is_some())
    }

    /// The signatures of the overloads callable as a method (`method == true`) or as a global
    /// function, joined with " or ", each in backticks (for evaluation's errors, in English; the
    /// checker says them with the catalogue's words).
    pub fn signatures(&self, method: bool) -> String {
        self.overloads
            .iter()
            .filter(|o| o.receiver.is_some() == method)
            .map(|o| format!("`{}`", o.signature(self.name)))
            .collect::<Vec<_>>()
            .join(" or ")
    }
}

// The overloads of the table are written with these helpers, which take every doc and keep it
// only with the `authoring` feature. A function's own doc is `cfg`'d where it is written: a
// helper for `Function` could not take the overload slices (`Type` has a destructor, so a
// `&[...]` passed to a `const fn` is not promoted to `'static`).

#[cfg_attr(not(feature = "authoring"), expect(unused_variables, reason = "docs are for authoring builds"))]
const fn global(id: &'static str, params: &'static [Param], result: Type, doc: &'static str) -> Overload {
    Overload {
        id,
        receiver: None,
        params,
        result,
        #[cfg(feature = "authoring")]
        doc,
    }
}

#[cfg_attr(not(feature = "authoring"), expect(unused_variables, reason = "docs are for authoring builds"))]
const fn method(
    id: &'static str,
    receiver: Param,
    params: &'static [Param],
    result: Type,
    doc: &'static str,
) -> Overload {
    Overload {
        id,
        receiver: Some(receiver),
        params,
        result,
        #[cfg(feature = "authoring")]
        doc,
    }
}

/// Every built-in function, in the order they are listed to authors.
pub static FUNCTIONS: &[Function] = &[
    Function {
        name: "has",
        #[cfg(feature = "authoring")]
        doc: "Whether an answer is given (a macro: its argument is a name, not a value).",
        overloads: &[global("has", &[Param::Name], Type::Bool, "True when the named answer is given.")],
    },
    Function {
        name: "size",
        #[cfg(feature = "authoring")]
        doc: "The number of characters of a string or items of a list.",
        overloads: &[
            global("size_string", &[Param::String], Type::Int, "Number of characters (code points)."),
            global("size_list", &[Param::List], Type::Int, "Number of items."),
            method("string_size", Param::String, &[], Type::Int, "Number of characters (code points)."),
            method("list_size", Param::List, &[], Type::Int, "Number of items."),
        ],
    },
    Function {
        name: "startsWith",
        #[cfg(feature = "authoring")]
        doc: "Whether a string starts with another.",
        overloads: &[method(
            "starts_with",
            Param::String,
            &[Param::String],
            Type::Bool,
            "True when the receiver starts with the argument.",
        )],
    },
    Function {
        name: "endsWith",
        #[cfg(feature = "authoring")]
        doc: "Whether a string ends with another.",
        overloads: &[method(
            "ends_with",
            Param::String,
            &[Param::String],
            Type::Bool,
            "True when the receiver ends with the argument.",
        )],
    },
    Function {
        name: "contains",
        #[cfg(feature = "authoring")]
        doc: "Whether a string contains another.",
        overloads: &[method(
            "contains",
            Param::String,
            &[Param::String],
            Type::Bool,
            "True when the argument occurs in the receiver.",
        )],
    },
    Function {
        name: "matches",
        #[cfg(feature = "authoring")]
        doc: "Whether a string matches a regular expression (RE2 syntax, unanchored).",
        overloads: &[method(
            "matches",
            Param::String,
            &[Param::String],
            Type::Bool,
            "True when the pattern matches somewhere in the receiver.",
        )],
    },
    Function {
        name: "today",
        #[cfg(feature = "authoring")]
        doc: "Today's date in Japan (the evaluation date).",
        overloads: &[global("today", &[], Type::Date, "The date of evaluation.")],
    },
    Function {
        name: "date",
        #[cfg(feature = "authoring")]
        doc: "A date written as a string literal `YYYY-MM-DD`, checked when the definition is checked.",
        overloads: &[global("date", &[Param::String], Type::Date, "The date of a `YYYY-MM-DD` string literal.")],
    },
    Function {
        name: "age",
        #[cfg(feature = "authoring")]
        doc: "Age in full years, today or at a given date.",
        overloads: &[
            global("age", &[Param::Date], Type::Int, "Full years from the birth date to today."),
            global(
                "age_at",
                &[Param::Date, Param::Date],
                Type::Int,
                "Full years from the birth date (first) to the date (second).",
            ),
        ],
    },
    Function {
        name: "days_between",
        #[cfg(feature = "authoring")]
        doc: "The number of days from the first date to the second (negative if the second is earlier).",
        overloads: &[global(
            "days_between",
            &[Param::Date, Param::Date],
            Type::Int,
            "Days from the first date to the second.",
        )],
    },
    Function {
        name: "add_days",
        #[cfg(feature = "authoring")]
        doc: "A date plus a number of days (may be negative).",
        overloads: &[global("add_days", &[Param::Date, Param::Int], Type::Date, "The date that many days later.")],
    },
    Function {
        name: "add_months",
        #[cfg(feature = "authoring")]
        doc: "A date plus a number of months (may be negative), the day clamped to the month's end.",
        overloads: &[global("add_months", &[Param::Date, Param::Int], Type::Date, "The date that many months later.")],
    },
    Function {
        name: "int",
        #[cfg(feature = "authoring")]
        doc: "A whole number from a double (truncated) or a string of digits.",
        overloads: &[
            global("int_double", &[Param::Double], Type::Int, "The double truncated toward zero."),
            global("int_string", &[Param::String], Type::Int, "The whole number a string spells."),
        ],
    },
    Function {
        name: "double",
        #[cfg(feature = "authoring")]
        doc: "A double from a whole number.",
        overloads: &[global("double_int", &[Param::Int], Type::Double, "The same number as a double.")],
    },
    Function {
        name: "string",
        #[cfg(feature = "authoring")]
        doc: "Any value as a string.",
        overloads: &[global("string", &[Param::Any], Type::String, "The value's text.")],
    },
];

/// Names authors reach for that are spelled differently here, and the built-in to use.
pub const ALIASES: &[(&str, &str)] = &[
    ("len", "size"),
    ("length", "size"),
    ("count", "size"),
    ("now", "today"),
    ("starts_with", "startsWith"),
    ("ends_with", "endsWith"),
];

/// The built-in function of that name.
pub fn lookup(name: &str) -> Option<&'static Function> {
    FUNCTIONS.iter().find(|f| f.name == name)
}

/// What is wrong with the text of a date literal ([`parse_date_literal`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateProblem {
    /// Not `YYYY-MM-DD`.
    Shape,
    /// Year 0.
    YearZero,
    /// A month outside 01–12.
    Month(u16),
    /// A day the month does not have: the month has `last` days.
    Day {
        /// The year.
        year: u16,
        /// The month, 1–12.
        month: u16,
        /// Its number of days.
        last: u8,
    },
}

impl DateProblem {
    /// The problem with the literal `text`, for the author (the checker's words).
    pub fn phrase(self, text: &str) -> Phrase {
        match self {
            DateProblem::Shape => phrase!("expr-bad-date-literal-shape", text = text),
            DateProblem::YearZero => phrase!("expr-bad-date-literal-year", text = text),
            DateProblem::Month(month) => phrase!("expr-bad-date-literal-month", text = text, month = month),
            DateProblem::Day { year, month, last } => {
                phrase!("expr-bad-date-literal-day", text = text, year = year, month = month, last = last)
            }
        }
    }

    /// The problem with the literal `text` in English, for evaluation's errors (a runtime
    /// error is for the developer: the browser build carries no catalogue).
    pub fn english(self, text: &str) -> String {
        match self {
            DateProblem::Shape => format!("`{text}` is not a date in the form YYYY-MM-DD"),
            DateProblem::YearZero => format!("`{text}` has year 0; years start at 0001"),
            DateProblem::Month(month) => format!("`{text}` has month {month}; months go from 01 to 12"),
            DateProblem::Day { year, month, last } => {
                let month_name = MONTHS.get(usize::from(month).wrapping_sub(1)).unwrap_or(&"");
                format!("`{text}` is not a real date: {month_name} {year} has {last} days")
            }
        }
    }
}

/// Parses the text of a date literal, `YYYY-MM-DD` with a real calendar date in years 1 to 9999,
/// into `(year, month, day)`, or says what is wrong.
pub fn parse_date_literal(text: &str) -> Result<(u16, u8, u8), DateProblem> {
    let bytes = text.as_bytes();
    let shape_ok = bytes.len() == 10
        && bytes[4] == b'-'
        && bytes[7] == b'-'
        && bytes.iter().enumerate().all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
    if !shape_ok {
        return Err(DateProblem::Shape);
    }
    let number = |range: std::ops::Range<usize>| text.get(range).and_then(|s| s.parse::<u16>().ok()).unwrap_or(0);
    let (year, month, day) = (number(0..4), number(5..7), number(8..10));
    if year == 0 {
        return Err(DateProblem::YearZero);
    }
    if !(1..=12).contains(&month) {
        return Err(DateProblem::Month(month));
    }
    let last = days_in_month(year, month);
    if day == 0 || day > u16::from(last) {
        return Err(DateProblem::Day { year, month, last });
    }
    Ok((year, u8::try_from(month).unwrap_or(1), u8::try_from(day).unwrap_or(1)))
}

/// A `YYYY-MM-DD` spelling of a loosely written date (`2024/4/1`, `2024-4-1`), if it is one.
pub(crate) fn normalise_date(text: &str) -> Option<String> {
    let parts: Vec<&str> = text.split(['-', '/', '.']).collect();
    let [y, m, d] = parts.as_slice() else { return None };
    let all_digits = |s: &str| !s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit());
    if !(y.len() == 4 && all_digits(y) && all_digits(m) && m.len() <= 2 && all_digits(d) && d.len() <= 2) {
        return None;
    }
    let candidate = format!("{y}-{m:0>2}-{d:0>2}");
    parse_date_literal(&candidate).ok().map(|_| candidate)
}

/// The months' names, for evaluation's errors ([`DateProblem::english`]).
const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The number of days of a month of the proleptic Gregorian calendar.
pub fn days_in_month(year: u16, month: u16) -> u8 {
    match month {
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_consistent() {
        let mut names: Vec<&str> = FUNCTIONS.iter().map(|f| f.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), FUNCTIONS.len(), "duplicate function names");
        let mut ids: Vec<&str> = FUNCTIONS.iter().flat_map(|f| f.overloads.iter().map(|o| o.id)).collect();
        let count = ids.len();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), count, "duplicate overload ids");
        for (alias, target) in ALIASES {
            assert!(lookup(alias).is_none());
            assert!(lookup(target).is_some());
        }
    }

    #[test]
    fn signatures() {
        let age = lookup("age").expect("age");
        assert_eq!(age.signatures(false), "`age(date) -> int` or `age(date, date) -> int`");
        let starts = lookup("startsWith").expect("startsWith");
        assert_eq!(starts.signatures(true), "`string.startsWith(string) -> bool`");
        assert!(starts.is_method() && !starts.is_global());
        let size = lookup("size").expect("size");
        assert!(size.is_method() && size.is_global());
        assert!(lookup("has").is_some_and(Function::is_macro));
    }

    #[test]
    fn params_accept() {
        assert!(Param::Int.accepts(&Type::Int));
        assert!(!Param::Int.accepts(&Type::Double));
        assert!(Param::List.accepts(&Type::List(Box::new(Type::Int))));
        assert!(Param::Date.accepts(&Type::Dyn));
        assert!(!Param::Date.accepts(&Type::Null));
        assert!(Param::Any.accepts(&Type::Null));
    }

    #[test]
    fn date_literals() {
        assert_eq!(parse_date_literal("2024-02-29"), Ok((2024, 2, 29)));
        assert_eq!(parse_date_literal("2000-02-29"), Ok((2000, 2, 29)));
        assert_eq!(parse_date_literal("2023-02-29"), Err(DateProblem::Day { year: 2023, month: 2, last: 28 }));
        assert!(parse_date_literal("1900-02-29").is_err());
        assert_eq!(parse_date_literal("2024-13-01"), Err(DateProblem::Month(13)));
        assert_eq!(parse_date_literal("2024-4-1"), Err(DateProblem::Shape));
        assert!(parse_date_literal("0000-01-01").is_err());
        assert!(parse_date_literal("２０２４-01-01").is_err());
        assert!(parse_date_literal("").is_err());
        assert_eq!(normalise_date("2024/4/1").as_deref(), Some("2024-04-01"));
        assert_eq!(normalise_date("2024-4-31"), None);
        assert_eq!(normalise_date("april"), None);
    }
}
