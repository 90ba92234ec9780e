//! Calendar dates (proleptic Gregorian), as the law counts them: no time of day, no zone.
//!
//! Core never reads the clock: "today" is always handed in by the caller.

use std::fmt;

/// A calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

/// Days in `month` of `year`.
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Whether `year` has 29 February.
pub fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Day of the week.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Weekday {
    /// 月曜日.
    Monday,
    /// 火曜日.
    Tuesday,
    /// 水曜日.
    Wednesday,
    /// 木曜日.
    Thursday,
    /// 金曜日.
    Friday,
    /// 土曜日.
    Saturday,
    /// 日曜日.
    Sunday,
}

impl Date {
    /// The earliest and latest years dates may have (keeps arithmetic far from overflow).
    pub const YEARS: std::ops::RangeInclusive<i32> = 1..=9999;

    /// A date, if it exists (`2025-02-29` does not).
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        (Self::YEARS.contains(&year) && (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month))
            .then_some(Date { year, month, day })
    }

    /// Reads `YYYY-MM-DD`.
    pub fn parse_iso(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let num = |r: std::ops::Range<usize>| -> Option<u32> {
            s.get(r).filter(|t| t.bytes().all(|c| c.is_ascii_digit())).and_then(|t| t.parse().ok())
        };
        Date::new(num(0..4)? as i32, num(5..7)? as u8, num(8..10)? as u8)
    }

    /// The year.
    pub fn year(self) -> i32 {
        self.year
    }

    /// The month, 1–12.
    pub fn month(self) -> u8 {
        self.month
    }

    /// The day of the month, 1–31.
    pub fn day(self) -> u8 {
        self.day
    }

    /// Days since 1970-01-01 (negative before).
    pub fn to_days(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01, if within [`Date::YEARS`].
    pub fn from_days(days: i64) -> Option<Date> {
        let z = days.checked_add(719_468)?;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = yoe + era * 400 + i64::from(month <= 2);
        Date::new(i32::try_from(year).ok()?, month, day)
    }

    /// `days` later (earlier when negative).
    pub fn add_days(self, days: i64) -> Option<Date> {
        Date::from_days(self.to_days().checked_add(days)?)
    }

    /// `months` later by the calendar; a day the target month lacks becomes its last day
    /// (民法 143条: 1月31日 + 1か月 → 2月28日/29日).
    pub fn add_months(self, months: i64) -> Option<Date> {
        let total = i64::from(self.year) * 12 + i64::from(self.month) - 1 + months;
        let year = i32::try_from(total.div_euclid(12)).ok()?;
        let month = (total.rem_euclid(12) + 1) as u8;
        Date::new(year, month, self.day.min(days_in_month(year, month)))
    }

    /// Days from `self` to `other` (positive when `other` is later).
    pub fn days_until(self, other: Date) -> i64 {
        other.to_days() - self.to_days()
    }

    /// Full years of age on `on` for someone born on `self`: a year more from the birthday on
    /// (someone born on 29 February counts a year more from 1 March in common years).
    pub fn age_on(self, on: Date) -> i64 {
        let mut years = i64::from(on.year) - i64::from(self.year);
        if (on.month, on.day) < (self.month, self.day) {
            years -= 1;
        }
        years
    }

    /// The day of the week.
    pub fn weekday(self) -> Weekday {
        // 1970-01-01 was a Thursday.
        match self.to_days().rem_euclid(7) {
            0 => Weekday::Thursday,
            1 => Weekday::Friday,
            2 => Weekday::Saturday,
            3 => Weekday::Sunday,
            4 => Weekday::Monday,
            5 => Weekday::Tuesday,
            _ => Weekday::Wednesday,
        }
    }
}

impl fmt::Display for Date {
    /// `YYYY-MM-DD`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        Date::parse_iso(&s).ok_or_else(|| serde::de::Error::custom(format!("`{s}` is not a date (YYYY-MM-DD)")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse_iso(s).unwrap()
    }

    #[test]
    fn round_trips_through_days() {
        for s in ["1970-01-01", "2000-02-29", "1868-10-23", "2019-05-01", "0001-01-01", "9999-12-31"] {
            assert_eq!(Date::from_days(d(s).to_days()), Some(d(s)), "{s}");
        }
        assert_eq!(d("1970-01-02").to_days(), 1);
        assert_eq!(d("1969-12-31").to_days(), -1);
    }

    #[test]
    fn impossible_dates_do_not_exist() {
        assert!(Date::parse_iso("2025-02-29").is_none());
        assert!(Date::parse_iso("2024-02-29").is_some());
        assert!(Date::parse_iso("1900-02-29").is_none());
        assert!(Date::parse_iso("2025-13-01").is_none());
        assert!(Date::parse_iso("2025-1-01").is_none());
    }

    #[test]
    fn months_are_counted_by_the_calendar() {
        assert_eq!(d("2025-01-31").add_months(1), Some(d("2025-02-28")));
        assert_eq!(d("2024-01-31").add_months(1), Some(d("2024-02-29")));
        assert_eq!(d("2025-11-30").add_months(3), Some(d("2026-02-28")));
        assert_eq!(d("2025-03-15").add_months(-3), Some(d("2024-12-15")));
    }

    #[test]
    fn weekdays_and_ages() {
        assert_eq!(d("2026-11-23").weekday(), Weekday::Monday);
        assert_eq!(d("2019-05-01").weekday(), Weekday::Wednesday);
        assert_eq!(d("2000-04-01").age_on(d("2025-03-31")), 24);
        assert_eq!(d("2000-04-01").age_on(d("2025-04-01")), 25);
        assert_eq!(d("2025-01-05").days_until(d("2025-01-19")), 14);
    }
}
