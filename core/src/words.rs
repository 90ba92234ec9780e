//! The interface's own words, from the one message catalogue: what every layer that speaks to
//! residents uses (the navigator's late notice, the journey's views, the host vocabulary), so
//! none of them reaches up into another for a word or a date.

use crate::date::{Date, Weekday};
use crate::model::Lang;

/// The interface's own words (buttons, headings: `ui-next`, `ui-error-summary`) in `lang`,
/// from the one message catalogue; the id itself when the catalogue lacks it (a test keeps
/// every id used by the targets present in every language).
pub fn ui_text(lang: Lang, id: &str) -> String {
    crate::validate::messages::catalogue().format(lang, id, &[]).unwrap_or_else(|| id.to_string())
}

/// [`ui_text`] with arguments.
pub fn ui_text_with(lang: Lang, id: &str, args: &[(&str, String)]) -> String {
    crate::validate::messages::catalogue().format(lang, id, args).unwrap_or_else(|| id.to_string())
}

fn date_args(date: Date) -> Vec<(&'static str, String)> {
    vec![("year", date.year().to_string()), ("month", date.month().to_string()), ("day", date.day().to_string())]
}

/// A date as residents read it, without the day of the week (2026年11月15日, 15 November
/// 2026): inside a sentence.
pub fn plain_date_text(date: Date, lang: Lang) -> String {
    ui_text_with(lang, "ui-date", &date_args(date))
}

/// A date as residents read it, with the day of the week: 「2026年12月4日（金）」,
/// "4 December 2026", 「2026ねん 12がつ 4にち（きん）」.
pub fn date_text(date: Date, lang: Lang) -> String {
    let weekday = match date.weekday() {
        Weekday::Monday => "mon",
        Weekday::Tuesday => "tue",
        Weekday::Wednesday => "wed",
        Weekday::Thursday => "thu",
        Weekday::Friday => "fri",
        Weekday::Saturday => "sat",
        Weekday::Sunday => "sun",
    };
    let mut args = date_args(date);
    args.push(("weekday", weekday.to_string()));
    // The date as the interface writes it (`ui-date`), with its day of the week where the
    // language says it.
    args.push(("date", plain_date_text(date, lang)));
    ui_text_with(lang, "ui-date-weekday", &args)
}
