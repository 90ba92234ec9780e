//! Japanese public holidays (国民の祝日, 国民の祝日に関する法律 昭和23年法律第178号 as amended) and
//! the closing days of administrative organs (行政機関の休日に関する法律 昭和63年法律第91号).
//!
//! Everything is computed from the rules of the law, for any year of [`Date::YEARS`]:
//!
//! - Before 1948-07-20 (the day the 祝日法 came into force) there are no holidays under it.
//! - Days fixed by name, with their historical changes (e.g. 天皇誕生日 on 4/29 until 1988, 12/23
//!   1989–2018, none in 2019, 2/23 from 2020), the Happy Monday moves of 2000 and 2003, and the
//!   one-year moves of 2020 and 2021 for the Tokyo Olympics.
//! - One-off holidays enacted by their own laws (1959-04-10, 1989-02-24, 1990-11-12, 1993-06-09,
//!   2019-05-01, 2019-10-22). The 2019 ones are deemed 国民の祝日 for the 国民の休日 rule, which
//!   is what makes 2019-04-30 and 2019-05-02 holidays; the older ones never border a holiday.
//! - 春分の日 and 秋分の日 by the standard approximation formula
//!   `floor(C + 0.242194 × (y − 1980) − floor((y − 1980) / 4))`, valid for 1900–2150 only. Outside
//!   that range the module gives no 春分の日 or 秋分の日 at all (see the note below).
//! - 振替休日 (第3条第2項, from 1973-04-12) and 国民の休日 (第3条第3項, from 1985-12-27).
//!
//! Years after the ones the Cabinet Office has published are projections: they assume the law
//! stays as it is and the equinoxes fall where the formula puts them. The law leaves the equinox
//! days to astronomy, and the 官報 announces them each February for the next year only. For that
//! reason, no equinox holiday is guessed past 2150: a missing holiday keeps a computed deadline
//! on the early, safe side, and never extends it on a guess.

use crate::date::{Date, Weekday};

/// Name of a 振替休日 (substitute holiday).
const SUBSTITUTE: &str = "振替休日";
/// Name of a 国民の休日 (a day sandwiched between two holidays).
const SANDWICHED: &str = "国民の休日";

/// The name of the public holiday on `date` (e.g. "元日", "振替休日", "国民の休日"), if it is one.
pub fn holiday_name(date: Date) -> Option<&'static str> {
    holidays_in(date.year()).into_iter().find(|&(d, _)| d == date).map(|(_, name)| name)
}

/// Whether `date` is a public holiday: a 国民の祝日, a 振替休日, a 国民の休日, or a one-off
/// holiday enacted by its own law.
pub fn is_public_holiday(date: Date) -> bool {
    holiday_name(date).is_some()
}

/// 行政機関の休日 (Act on Holidays of Administrative Organs, 第1条): Saturdays, Sundays, public
/// holidays, and 12月29日–1月3日.
///
/// The current rule is applied to every year, including years before the Act (1988) and before
/// Saturdays became closing days of every office (1992).
pub fn is_closing_day(date: Date) -> bool {
    matches!(date.weekday(), Weekday::Saturday | Weekday::Sunday)
        || matches!((date.month(), date.day()), (12, 29..=31) | (1, 1..=3))
        || is_public_holiday(date)
}

/// The first day on or after `date` that is not a closing day (民法142条 / 行政機関の休日に関する
/// 法律 第2条 roll-over).
///
/// The calendar ends on 9999-12-31, a closing day: from 9999-12-29 on no working day follows, and
/// 9999-12-31 is returned.
pub fn next_working_day(date: Date) -> Date {
    let mut day = date;
    while is_closing_day(day) {
        match day.add_days(1) {
            Some(next) => day = next,
            None => break,
        }
    }
    day
}

/// Public holidays of the years looked at, each year computed once: for callers that ask
/// about many dates (the navigator computes every due date of a checklist).
#[derive(Debug, Clone, Default)]
pub struct Calendar {
    years: Vec<(i32, Vec<Date>)>,
}

impl Calendar {
    /// An empty cache.
    pub fn new() -> Calendar {
        Calendar::default()
    }

    /// Same as [`is_public_holiday`].
    pub fn is_public_holiday(&mut self, date: Date) -> bool {
        let year = date.year();
        let i = match self.years.iter().position(|(y, _)| *y == year) {
            Some(i) => i,
            None => {
                self.years.push((year, holidays_in(year).into_iter().map(|(d, _)| d).collect()));
                self.years.len() - 1
            }
        };
        self.years[i].1.contains(&date)
    }

    /// Same as [`is_closing_day`].
    pub fn is_closing_day(&mut self, date: Date) -> bool {
        matches!(date.weekday(), Weekday::Saturday | Weekday::Sunday)
            || matches!((date.month(), date.day()), (12, 29..=31) | (1, 1..=3))
            || self.is_public_holiday(date)
    }

    /// Same as [`next_working_day`].
    pub fn next_working_day(&mut self, date: Date) -> Date {
        let mut day = date;
        while self.is_closing_day(day) {
            match day.add_days(1) {
                Some(next) => day = next,
                None => break,
            }
        }
        day
    }
}

/// Every public holiday of a year, in order, with names.
///
/// Empty for years before 1948; 1948 starts on 1948-07-20, when the law came into force.
pub fn holidays_in(year: i32) -> Vec<(Date, &'static str)> {
    if year < 1948 || !Date::YEARS.contains(&year) {
        return Vec::new();
    }
    let named = named_holidays(year);
    let is_named = |date: Date| named.iter().any(|&(d, _)| d == date);
    let mut all = named.clone();

    // 振替休日: a 国民の祝日 on a Sunday makes the next day a holiday (from 1973-04-12); from 2007
    // the next day that is not a 国民の祝日 (so 5/3 on a Sunday moves to 5/6).
    let substitutes_from = ymd(1973, 4, 12);
    for &(date, _) in &named {
        if date < substitutes_from || date.weekday() != Weekday::Sunday {
            continue;
        }
        let mut next = date.add_days(1);
        if year >= 2007 {
            while let Some(day) = next.filter(|&day| is_named(day)) {
                next = day.add_days(1);
            }
        }
        if let Some(day) = next.filter(|&day| !is_named(day) && day.year() == year) {
            all.push((day, SUBSTITUTE));
        }
    }

    // 国民の休日: a day whose day before and day after are 国民の祝日, and that is not itself a
    // holiday or a Sunday (from 1985-12-27).
    let sandwiches_from = ymd(1985, 12, 27);
    for &(date, _) in &named {
        let (Some(middle), Some(after)) = (date.add_days(1), date.add_days(2)) else { continue };
        if middle >= sandwiches_from
            && is_named(after)
            && middle.weekday() != Weekday::Sunday
            && !all.iter().any(|&(d, _)| d == middle)
        {
            all.push((middle, SANDWICHED));
        }
    }

    sort_by_date(&mut all);
    all.dedup_by_key(|&mut (date, _)| date);
    all
}

/// The 国民の祝日 of `year` proper (with the one-off holidays deemed to be ones), without 振替休日
/// and 国民の休日, in order. `year` is at least 1948.
fn named_holidays(year: i32) -> Vec<(Date, &'static str)> {
    let mut days: Vec<(Option<Date>, &'static str)> = Vec::new();
    let mut add = |date: Option<Date>, name: &'static str| days.push((date, name));
    let on = |month: u8, day: u8| Date::new(year, month, day);
    let monday = |month: u8, nth: u8| nth_monday(year, month, nth);

    add(on(1, 1), "元日");
    add(if year < 2000 { on(1, 15) } else { monday(1, 2) }, "成人の日");
    if year >= 1967 {
        add(on(2, 11), "建国記念の日");
    }
    match year {
        ..=1988 => add(on(4, 29), "天皇誕生日"),
        1989..=2018 => add(on(12, 23), "天皇誕生日"),
        2019 => {}
        2020.. => add(on(2, 23), "天皇誕生日"),
    }
    add(vernal_equinox_day(year).and_then(|day| on(3, day)), "春分の日");
    match year {
        ..=1988 => {}
        1989..=2006 => add(on(4, 29), "みどりの日"),
        2007.. => {
            add(on(4, 29), "昭和の日");
            add(on(5, 4), "みどりの日");
        }
    }
    add(on(5, 3), "憲法記念日");
    add(on(5, 5), "こどもの日");
    match year {
        ..=1995 => {}
        1996..=2002 => add(on(7, 20), "海の日"),
        2020 => add(on(7, 23), "海の日"),
        2021 => add(on(7, 22), "海の日"),
        _ => add(monday(7, 3), "海の日"),
    }
    match year {
        ..=2015 => {}
        2020 => add(on(8, 10), "山の日"),
        2021 => add(on(8, 8), "山の日"),
        _ => add(on(8, 11), "山の日"),
    }
    match year {
        ..=1965 => {}
        1966..=2002 => add(on(9, 15), "敬老の日"),
        2003.. => add(monday(9, 3), "敬老の日"),
    }
    add(autumnal_equinox_day(year).and_then(|day| on(9, day)), "秋分の日");
    match year {
        ..=1965 => {}
        1966..=1999 => add(on(10, 10), "体育の日"),
        2000..=2019 => add(monday(10, 2), "体育の日"),
        2020 => add(on(7, 24), "スポーツの日"),
        2021 => add(on(7, 23), "スポーツの日"),
        2022.. => add(monday(10, 2), "スポーツの日"),
    }
    add(on(11, 3), "文化の日");
    add(on(11, 23), "勤労感謝の日");

    // One-off holidays, each by its own law.
    match year {
        1959 => add(on(4, 10), "皇太子明仁親王の結婚の儀"),
        1989 => add(on(2, 24), "昭和天皇の大喪の礼"),
        1990 => add(on(11, 12), "即位礼正殿の儀"),
        1993 => add(on(6, 9), "皇太子徳仁親王の結婚の儀"),
        2019 => {
            add(on(5, 1), "天皇の即位の日");
            add(on(10, 22), "即位礼正殿の儀");
        }
        _ => {}
    }

    let in_force = ymd(1948, 7, 20);
    let mut named: Vec<(Date, &'static str)> =
        days.into_iter().filter_map(|(date, name)| Some((date?, name))).filter(|&(date, _)| date >= in_force).collect();
    sort_by_date(&mut named);
    named
}

/// Sorts named days by date, keeping the order of days on the same date.
fn sort_by_date(days: &mut Vec<(Date, &'static str)>) {
    crate::small::sort_by_key(days, |&(date, _)| date);
}

/// The day of March of 春分の日 in `year`, by the standard approximation formula
/// `floor(C + 0.242194 × (y − 1980) − floor((y − 1980) / 4))` with C = 20.8357 for 1900–1979,
/// 20.8431 for 1980–2099 and 21.8510 for 2100–2150.
///
/// The formula is valid for 1900–2150 only; outside it there is no 春分の日 (`None`). The law
/// leaves the day to the astronomical equinox, announced in the 官報 each February for the next
/// year only, so no formula is authoritative far ahead; missing a holiday keeps a computed deadline
/// on the early, safe side instead of extending it on a guess. (For 1900–1979 the usual form
/// `int((y − 1983) / 4)`, truncated, equals `floor((y − 1980) / 4)`.)
fn vernal_equinox_day(year: i32) -> Option<u8> {
    equinox_day(year, [20_835_700, 20_843_100, 21_851_000])
}

/// The day of September of 秋分の日 in `year`, by the same formula as [`vernal_equinox_day`] with
/// C = 23.2588 for 1900–1979, 23.2488 for 1980–2099 and 24.2488 for 2100–2150; `None` outside
/// 1900–2150.
fn autumnal_equinox_day(year: i32) -> Option<u8> {
    equinox_day(year, [23_258_800, 23_248_800, 24_248_800])
}

/// The approximation formula in millionths of a day (exact integer arithmetic), with the constant
/// for 1900–1979, 1980–2099 and 2100–2150.
fn equinox_day(year: i32, constants: [i64; 3]) -> Option<u8> {
    let constant = match year {
        1900..=1979 => constants[0],
        1980..=2099 => constants[1],
        2100..=2150 => constants[2],
        _ => return None,
    };
    let y = i64::from(year) - 1980;
    let micro_days = constant + 242_194 * y - 1_000_000 * y.div_euclid(4);
    u8::try_from(micro_days.div_euclid(1_000_000)).ok()
}

/// The `nth` Monday of `month` in `year`.
fn nth_monday(year: i32, month: u8, nth: u8) -> Option<Date> {
    let first = Date::new(year, month, 1)?;
    let to_monday = (7 - first.weekday() as i64) % 7;
    first.add_days(to_monday + 7 * (i64::from(nth) - 1))
}

/// A date known to exist.
fn ymd(year: i32, month: u8, day: u8) -> Date {
    Date::new(year, month, day).expect("a valid constant date")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse_iso(s).unwrap()
    }

    /// One year's expected holidays: the year and its (month, day, name).
    type Year = (i32, &'static [(u8, u8, &'static str)]);

    /// The official lists (内閣府「国民の祝日について」), as (month, day, name).
    /// The Cabinet Office publishes a year's 春分の日/秋分の日 only once the 官報 has announced them
    /// (the February before); the 2027–2030 equinox days here are the formula's.
    const OFFICIAL: &[Year] = &[
        (
            2020,
            &[
                (1, 1, "元日"),
                (1, 13, "成人の日"),
                (2, 11, "建国記念の日"),
                (2, 23, "天皇誕生日"),
                (2, 24, "振替休日"),
                (3, 20, "春分の日"),
                (4, 29, "昭和の日"),
                (5, 3, "憲法記念日"),
                (5, 4, "みどりの日"),
                (5, 5, "こどもの日"),
                (5, 6, "振替休日"),
                (7, 23, "海の日"),
                (7, 24, "スポーツの日"),
                (8, 10, "山の日"),
                (9, 21, "敬老の日"),
                (9, 22, "秋分の日"),
                (11, 3, "文化の日"),
                (11, 23, "勤労感謝の日"),
            ],
        ),
        (
            2021,
            &[
                (1, 1, "元日"),
                (1, 11, "成人の日"),
                (2, 11, "建国記念の日"),
                (2, 23, "天皇誕生日"),
                (3, 20, "春分の日"),
                (4, 29, "昭和の日"),
                (5, 3, "憲法記念日"),
                (5, 4, "みどりの日"),
                (5, 5, "こどもの日"),
                (7, 22, "海の日"),
                (7, 23, "スポーツの日"),
                (8, 8, "山の日"),
                (8, 9, "振替休日"),
                (9, 20, "敬老の日"),
                (9, 23, "秋分の日"),
                (11, 3, "文化の日"),
                (11, 23, "勤労感謝の日"),
            ],
        ),
        (
            2022,
            &[
                (1, 1, "元日"),
                (1, 10, "成人の日"),
                (2, 11, "建国記念の日"),
                (2, 23, "天皇誕生日"),
                (3, 21, "春分の日"),
                (4, 29, "昭和の日"),
                (5, 3, "憲法記念日"),
                (5, 4, "みどりの日"),
                (5, 5, "こどもの日"),
                (7, 18, "海の日"),
                (8, 11, "山の日"),
                (9, 19, "敬老の日"),
                (9, 23, "秋分の日"),
                (10, 10, "スポーツの日"),
                (11, 3, "文化の日"),
                (11, 23, "勤労感謝の日"),
            ],
        ),
        (
            2023,
            &[
                (1, 1, "元日"),
                (1, 2, "振替休日"),
                (1, 9, "成人の日"),
                (2, 11, "建国記念の日"),
                (2, 23, "天皇誕生日"),
                (3, 21, "春分の日"),
                (4, 29, "昭和の日"),
                (5, 3, "憲法記念日"),
                (5, 4, "みどりの日"),
                (5, 5, "こどもの日"),
                (7, 17, "海の日"),
                (8, 11, "山の日"),
                (9, 18, "敬老の日"),
                (9, 23, "秋分の日"),
                (10, 9, "スポーツの日"),
                (11, 3, "文化の日"),
                (11, 23, "勤労感謝の日"),
            ],
        ),
        (
            2024,
            &[
                (1, 1, "元日"),
                (1, 8, "成人の日"),
                (2, 11, "建国記念の日"),
                (2, 12, "振替休日"),
                (2, 23, "天皇誕生日"),
                (3, 20, "春分の日"),
                (4, 29, "昭和の日"),
                (5, 3, "憲法記念日"),
                (5, 4, "みどりの日"),
                (5, 5, "こどもの日"),
                (5, 6, "振替休日"),
                (7, 15, "海の日"),
                (8, 11, "山の日"),
                (8, 12, "振替休日"),
                (9, 16, "敬老の日"),
                (9, 22, "秋分の日"),
                (9, 23, "振替休日"),
                (10, 14, "スポーツの日"),
                (11, 3, "文化の日"),
                (11, 4, "振替休日"),
                (11, 23, "勤労感謝の日"),
            ],
        ),
        (
            2025,
            &[
                (1, 1, "元日"),
                (1, 13, "成人の日"),
                (2, 11, "建国記念の日"),
                (2, 23, "天皇誕生日"),
                (2, 24, "振替休日"),
                (3, 20, "春分の日"),
                (4, 29, "昭和の日"),
                (5, 3, "憲法記念日"),
                (5, 4, "みどりの日"),
                (5, 5, "こどもの日"),
                (5, 6, "振替休日"),
                (7, 21, "海の日"),
                (8, 11, "山の日"),
                (9, 15, "敬老の日"),
                (9, 23, "秋分の日"),
                (10, 13, "スポーツの日"),
                (11, 3, "文化の日"),
                (11, 23, "勤労感謝の日"),
                (11, 24, "振替休日"),
            ],
        ),
        (
            2026,
            &[
                (1, 1, "元日"),
                (1, 12, "成人の日"),
                (2, 11, "建国記念の日"),
                (2, 23, "天皇誕生日"),
                (3, 20, "春分の日"),
                (4, 29, "昭和の日"),
                (5, 3, "憲法記念日"),
                (5, 4, "みどりの日"),
                (5, 5, "こどもの日"),
                (5, 6, "振替休日"),
                (7, 20, "海の日"),
                (8, 11, "山の日"),
                (9, 21, "敬老の日"),
                (9, 22, "国民の休日"),
                (9, 23, "秋分の日"),
                (10, 12, "スポーツの日"),
                (11, 3, "文化の日"),
                (11, 23, "勤労感謝の日"),
            ],
        ),
        (
            2027,
            &[
                (1, 1, "元日"),
                (1, 11, "成人の日"),
                (2, 11, "建国記念の日"),
                (2, 23, "天皇誕生日"),
                (3, 21, "春分の日"),
                (3, 22, "振替休日"),
                (4, 29, "昭和の日"),
                (5, 3, "憲法記念日"),
                (5, 4, "みどりの日"),
                (5, 5, "こどもの日"),
                (7, 19, "海の日"),
                (8, 11, "山の日"),
                (9, 20, "敬老の日"),
                (9, 23, "秋分の日"),
                (10, 11, "スポーツの日"),
                (11, 3, "文化の日"),
                (11, 23, "勤労感謝の日"),
            ],
        ),
        (
            2028,
            &[
                (1, 1, "元日"),
                (1, 10, "成人の日"),
                (2, 11, "建国記念の日"),
                (2, 23, "天皇誕生日"),
                (3, 20, "春分の日"),
                (4, 29, "昭和の日"),
                (5, 3, "憲法記念日"),
                (5, 4, "みどりの日"),
                (5, 5, "こどもの日"),
                (7, 17, "海の日"),
                (8, 11, "山の日"),
                (9, 18, "敬老の日"),
                (9, 22, "秋分の日"),
                (10, 9, "スポーツの日"),
                (11, 3, "文化の日"),
                (11, 23, "勤労感謝の日"),
            ],
        ),
        (
            2029,
            &[
                (1, 1, "元日"),
                (1, 8, "成人の日"),
                (2, 11, "建国記念の日"),
                (2, 12, "振替休日"),
                (2, 23, "天皇誕生日"),
                (3, 20, "春分の日"),
                (4, 29, "昭和の日"),
                (4, 30, "振替休日"),
                (5, 3, "憲法記念日"),
                (5, 4, "みどりの日"),
                (5, 5, "こどもの日"),
                (7, 16, "海の日"),
                (8, 11, "山の日"),
                (9, 17, "敬老の日"),
                (9, 23, "秋分の日"),
                (9, 24, "振替休日"),
                (10, 8, "スポーツの日"),
                (11, 3, "文化の日"),
                (11, 23, "勤労感謝の日"),
            ],
        ),
        (
            2030,
            &[
                (1, 1, "元日"),
                (1, 14, "成人の日"),
                (2, 11, "建国記念の日"),
                (2, 23, "天皇誕生日"),
                (3, 20, "春分の日"),
                (4, 29, "昭和の日"),
                (5, 3, "憲法記念日"),
                (5, 4, "みどりの日"),
                (5, 5, "こどもの日"),
                (5, 6, "振替休日"),
                (7, 15, "海の日"),
                (8, 11, "山の日"),
                (8, 12, "振替休日"),
                (9, 16, "敬老の日"),
                (9, 23, "秋分の日"),
                (10, 14, "スポーツの日"),
                (11, 3, "文化の日"),
                (11, 4, "振替休日"),
                (11, 23, "勤労感謝の日"),
            ],
        ),
    ];

    #[test]
    fn official_lists_2020_to_2030() {
        assert_eq!(OFFICIAL.len(), 11);
        for &(year, days) in OFFICIAL {
            let expected: Vec<(Date, &str)> =
                days.iter().map(|&(m, day, name)| (Date::new(year, m, day).unwrap(), name)).collect();
            assert_eq!(holidays_in(year), expected, "{year}");
            for &(date, name) in &expected {
                assert_eq!(holiday_name(date), Some(name), "{date}");
                assert!(is_public_holiday(date) && is_closing_day(date), "{date}");
            }
        }
    }

    #[test]
    fn the_2019_enthronement() {
        let got = holidays_in(2019);
        for (date, name) in [
            ("2019-04-29", "昭和の日"),
            ("2019-04-30", "国民の休日"),
            ("2019-05-01", "天皇の即位の日"),
            ("2019-05-02", "国民の休日"),
            ("2019-05-03", "憲法記念日"),
            ("2019-05-04", "みどりの日"),
            ("2019-05-05", "こどもの日"),
            ("2019-05-06", "振替休日"),
            ("2019-10-22", "即位礼正殿の儀"),
        ] {
            assert!(got.contains(&(d(date), name)), "{date} {name}");
        }
        // No 天皇誕生日 in 2019: neither 12/23 (Heisei) nor 2/23 (Reiwa).
        assert!(!got.iter().any(|&(_, name)| name == "天皇誕生日"));
        assert_eq!(holiday_name(d("2019-12-23")), None);
        assert_eq!(holiday_name(d("2019-02-23")), None);
        assert_eq!(got.len(), 22);
    }

    #[test]
    fn history() {
        // Nothing before the law came into force.
        assert!(holidays_in(1947).is_empty());
        assert_eq!(
            holidays_in(1948),
            vec![(d("1948-09-23"), "秋分の日"), (d("1948-11-03"), "文化の日"), (d("1948-11-23"), "勤労感謝の日")]
        );
        assert_eq!(holiday_name(d("1988-04-29")), Some("天皇誕生日"));
        assert_eq!(holiday_name(d("1989-04-29")), Some("みどりの日"));
        assert_eq!(holiday_name(d("2018-12-23")), Some("天皇誕生日"));
        assert_eq!(holiday_name(d("2006-04-29")), Some("みどりの日"));
        assert_eq!(holiday_name(d("2007-04-29")), Some("昭和の日"));
        assert_eq!(holiday_name(d("1999-01-15")), Some("成人の日"));
        assert_eq!(holiday_name(d("2000-01-10")), Some("成人の日"));
        assert_eq!(holiday_name(d("1999-10-10")), Some("体育の日"));
        assert_eq!(holiday_name(d("2019-10-14")), Some("体育の日"));
        assert_eq!(holiday_name(d("1995-07-20")), None);
        assert_eq!(holiday_name(d("1996-07-20")), Some("海の日"));
        assert_eq!(holiday_name(d("2015-08-11")), None);
        assert_eq!(holiday_name(d("2016-08-11")), Some("山の日"));
        assert_eq!(holiday_name(d("1966-02-11")), None);
        assert_eq!(holiday_name(d("1967-02-11")), Some("建国記念の日"));
        // One-offs.
        assert_eq!(holiday_name(d("1959-04-10")), Some("皇太子明仁親王の結婚の儀"));
        assert_eq!(holiday_name(d("1989-02-24")), Some("昭和天皇の大喪の礼"));
        assert_eq!(holiday_name(d("1990-11-12")), Some("即位礼正殿の儀"));
        assert_eq!(holiday_name(d("1993-06-09")), Some("皇太子徳仁親王の結婚の儀"));
        // 振替休日 starts 1973-04-12: 1973-02-11 (Sunday) had none, 1973-04-29 (Sunday) did.
        assert_eq!(holiday_name(d("1973-02-12")), None);
        assert_eq!(holiday_name(d("1973-04-30")), Some("振替休日"));
        // From 2007 the next day that is not a holiday (5/4 on a Sunday → 5/6).
        assert_eq!(holiday_name(d("2008-05-06")), Some("振替休日"));
        // 国民の休日 starts 1985-12-27 (first 1988-05-04; 1987-05-04 was a 振替休日).
        assert_eq!(holiday_name(d("1985-05-04")), None);
        assert_eq!(holiday_name(d("1987-05-04")), Some("振替休日"));
        assert_eq!(holiday_name(d("1988-05-04")), Some("国民の休日"));
        assert_eq!(holiday_name(d("2009-09-22")), Some("国民の休日"));
    }

    #[test]
    fn equinox_formula_and_its_range() {
        assert_eq!(vernal_equinox_day(1979), Some(21));
        assert_eq!(vernal_equinox_day(1980), Some(20));
        assert_eq!(vernal_equinox_day(1960), Some(20));
        assert_eq!(autumnal_equinox_day(1979), Some(24));
        assert_eq!(autumnal_equinox_day(2012), Some(22));
        assert_eq!(vernal_equinox_day(1899), None);
        assert_eq!(vernal_equinox_day(2151), None);
        assert!(vernal_equinox_day(2150).is_some() && autumnal_equinox_day(2150).is_some());
        // Past the formula's range there is no equinox holiday; the rest still is computed.
        let names: Vec<&str> = holidays_in(2151).into_iter().map(|(_, name)| name).collect();
        assert!(!names.contains(&"春分の日") && !names.contains(&"秋分の日"));
        assert!(names.contains(&"元日"));
    }

    #[test]
    fn closing_days() {
        for s in ["2025-12-29", "2025-12-30", "2025-12-31", "2026-01-01", "2026-01-02", "2026-01-03"] {
            assert!(is_closing_day(d(s)), "{s}");
        }
        assert!(!is_public_holiday(d("2025-12-29")));
        assert!(!is_closing_day(d("2025-12-26")), "Friday");
        assert!(is_closing_day(d("2025-12-27")), "Saturday");
        assert!(is_closing_day(d("2025-12-28")), "Sunday");
        assert!(!is_closing_day(d("2026-01-05")), "Monday");
        assert!(is_closing_day(d("2026-09-22")), "国民の休日");
        assert!(!is_closing_day(d("2025-07-22")), "Tuesday");
    }

    #[test]
    fn next_working_day_rolls_over() {
        // New Year: Friday 12/26 is a working day; 12/27 (Sat) .. 1/4 (Sun) are not.
        assert_eq!(next_working_day(d("2025-12-26")), d("2025-12-26"));
        assert_eq!(next_working_day(d("2025-12-27")), d("2026-01-05"));
        assert_eq!(next_working_day(d("2025-12-31")), d("2026-01-05"));
        // Golden Week 2026: 5/2 (Sat) – 5/6 (振替休日).
        assert_eq!(next_working_day(d("2026-05-02")), d("2026-05-07"));
        assert_eq!(next_working_day(d("2026-05-06")), d("2026-05-07"));
        // 2019: ten days from 4/27 to 5/6.
        assert_eq!(next_working_day(d("2019-04-27")), d("2019-05-07"));
        // Silver Week 2026: 9/19 (Sat) – 9/23.
        assert_eq!(next_working_day(d("2026-09-19")), d("2026-09-24"));
        // The end of the calendar.
        assert_eq!(next_working_day(d("9999-12-30")), d("9999-12-31"));
    }

    #[test]
    fn every_year_is_sorted_and_consistent() {
        for year in 1..=9999 {
            let days = holidays_in(year);
            assert!(days.windows(2).all(|w| w[0].0 < w[1].0), "{year} not strictly sorted");
            assert!(days.iter().all(|&(date, _)| date.year() == year), "{year}");
            if year >= 1949 {
                assert_eq!(days.first().map(|&(date, name)| (date.month(), date.day(), name)), Some((1, 1, "元日")));
            }
        }
        for year in [-5, 0, 10_000, i32::MIN, i32::MAX] {
            assert!(holidays_in(year).is_empty());
        }
    }
}
