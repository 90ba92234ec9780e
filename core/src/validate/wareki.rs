//! 和暦 (Japanese era years): 明治, 大正, 昭和, 平成 and 令和, converted to and from the
//! Gregorian calendar. Shared by the date validators, the widget and the navigator.
//!
//! Facts (shared/design/JAPAN.md): 明治 from 1868-10-23, 大正 from 1912-07-30, 昭和 from
//! 1926-12-25, 平成 from 1989-01-08 (1989-01-07 is 昭和64年), 令和 from 2019-05-01; the day
//! of a change belongs to the new era; year 1 is written 元年. Japan used the lunar calendar
//! until 明治5年12月2日, the day before 1873-01-01 (明治6年1月1日): a 和暦 date of 明治元年 to
//! 明治5年 is a lunar date, which this module does not convert ([`WarekiError::Lunar`]).

use std::fmt;

use crate::date::Date;

/// An era (元号).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Era {
    /// 明治 (M), from 1868-10-23.
    Meiji,
    /// 大正 (T), from 1912-07-30.
    Taisho,
    /// 昭和 (S), from 1926-12-25.
    Showa,
    /// 平成 (H), from 1989-01-08.
    Heisei,
    /// 令和 (R), from 2019-05-01.
    Reiwa,
}

impl Era {
    /// Every era, oldest first.
    pub const ALL: [Era; 5] = [Era::Meiji, Era::Taisho, Era::Showa, Era::Heisei, Era::Reiwa];

    /// The name in kanji (令和).
    pub fn name(self) -> &'static str {
        match self {
            Era::Meiji => "明治",
            Era::Taisho => "大正",
            Era::Showa => "昭和",
            Era::Heisei => "平成",
            Era::Reiwa => "令和",
        }
    }

    /// The one-letter abbreviation (R).
    pub fn letter(self) -> char {
        match self {
            Era::Meiji => 'M',
            Era::Taisho => 'T',
            Era::Showa => 'S',
            Era::Heisei => 'H',
            Era::Reiwa => 'R',
        }
    }

    /// The name in romaji (Reiwa).
    pub fn romaji(self) -> &'static str {
        match self {
            Era::Meiji => "Meiji",
            Era::Taisho => "Taisho",
            Era::Showa => "Showa",
            Era::Heisei => "Heisei",
            Era::Reiwa => "Reiwa",
        }
    }

    /// The first day.
    pub fn start(self) -> Date {
        let (y, m, d) = match self {
            Era::Meiji => (1868, 10, 23),
            Era::Taisho => (1912, 7, 30),
            Era::Showa => (1926, 12, 25),
            Era::Heisei => (1989, 1, 8),
            Era::Reiwa => (2019, 5, 1),
        };
        Date::new(y, m, d).expect("the first day of an era is a real date")
    }

    /// The era after this one.
    pub fn next(self) -> Option<Era> {
        Era::ALL.iter().position(|e| *e == self).and_then(|i| Era::ALL.get(i + 1)).copied()
    }

    /// The last day, for an era that has ended.
    pub fn end(self) -> Option<Date> {
        self.next().and_then(|n| n.start().add_days(-1))
    }

    /// The last year (平成 → 31), for an era that has ended.
    pub fn last_year(self) -> Option<u32> {
        self.end().map(|e| (e.year() - self.start().year() + 1) as u32)
    }

    /// The Gregorian year of year `year` of this era (令和7 → 2025).
    pub fn gregorian_year(self, year: u32) -> i64 {
        i64::from(self.start().year()) + i64::from(year) - 1
    }

    /// Reads an era as residents write it: 令和, 令, R (either case), Reiwa, ㋿.
    pub fn parse(s: &str) -> Option<Era> {
        let t = s.trim();
        Era::ALL.into_iter().find(|e| {
            let name = e.name();
            t == name
                || t.chars().eq(name.chars().take(1))
                || (t.len() == 1 && t.eq_ignore_ascii_case(&e.letter().to_string()))
                || t.eq_ignore_ascii_case(e.romaji())
                || t.chars().eq([e.square()])
        })
    }

    /// The squared ligature of the name (㍾ ㍽ ㍼ ㍻ ㋿).
    pub fn square(self) -> char {
        match self {
            Era::Meiji => '\u{337E}',
            Era::Taisho => '\u{337D}',
            Era::Showa => '\u{337C}',
            Era::Heisei => '\u{337B}',
            Era::Reiwa => '\u{32FF}',
        }
    }
}

impl fmt::Display for Era {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Why a 和暦 date cannot be read as a Gregorian date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WarekiError {
    /// The era has no such year (平成0年, 平成32年).
    YearOutOfRange {
        /// The last year of the era, if it has ended.
        last_year: Option<u32>,
    },
    /// The month or day does not exist (2月30日, 13月).
    Impossible,
    /// A real date that belongs to another era (平成31年5月1日 is 令和元年5月1日).
    WrongEra {
        /// The date meant, read by the arithmetic of the era given.
        date: Date,
        /// The era it belongs to.
        era: Era,
        /// Its year in that era.
        year: u32,
    },
    /// A date of 明治元年 to 明治5年, written in the lunar calendar used until 1872.
    Lunar,
}

/// The first day of the Gregorian calendar in Japan (明治6年1月1日).
pub fn gregorian_since() -> Date {
    Date::new(1873, 1, 1).expect("1873-01-01 is a real date")
}

/// The era and era year of a date (2025-01-05 → 令和7), or `None` before 1873-01-01, when
/// Japan used the lunar calendar (its years did not begin on 1 January) or had no era of ours.
pub fn to_wareki(date: Date) -> Option<(Era, u32)> {
    if date < gregorian_since() {
        return None;
    }
    let era = Era::ALL.into_iter().rev().find(|e| e.start() <= date)?;
    Some((era, (date.year() - era.start().year() + 1) as u32))
}

/// The date of a 和暦 date (令和7年1月5日 → 2025-01-05).
pub fn from_wareki(era: Era, year: u32, month: u8, day: u8) -> Result<Date, WarekiError> {
    check_year(era, year)?;
    if era == Era::Meiji && year <= 5 {
        return Err(WarekiError::Lunar);
    }
    let gregorian = i32::try_from(era.gregorian_year(year)).map_err(|_| WarekiError::Impossible)?;
    let date = Date::new(gregorian, month, day).ok_or(WarekiError::Impossible)?;
    in_era(era, date)
}

/// The Gregorian year and month of a 和暦 month (令和7年1月 → 2025-01). A month that the era
/// shares with the one before or after (平成元年1月, 昭和64年1月) belongs to both.
pub fn from_wareki_month(era: Era, year: u32, month: u8) -> Result<(i32, u8), WarekiError> {
    check_year(era, year)?;
    if era == Era::Meiji && year <= 5 {
        return Err(WarekiError::Lunar);
    }
    let gregorian = i32::try_from(era.gregorian_year(year)).map_err(|_| WarekiError::Impossible)?;
    let first = Date::new(gregorian, month, 1).ok_or(WarekiError::Impossible)?;
    let last =
        Date::new(gregorian, month, crate::date::days_in_month(gregorian, month)).ok_or(WarekiError::Impossible)?;
    let started = era.start() <= last;
    let not_ended = era.end().is_none_or(|end| first <= end);
    if started && not_ended {
        return Ok((gregorian, month));
    }
    // Wholly in another era: name it by the month's first day (or last, before the era).
    let probe = if started { first } else { last };
    match to_wareki(probe) {
        Some((right, right_year)) => Err(WarekiError::WrongEra { date: first, era: right, year: right_year }),
        None => Err(WarekiError::Lunar),
    }
}

fn check_year(era: Era, year: u32) -> Result<(), WarekiError> {
    let last_year = era.last_year();
    if year == 0 || last_year.is_some_and(|last| year > last) {
        return Err(WarekiError::YearOutOfRange { last_year });
    }
    Ok(())
}

fn in_era(era: Era, date: Date) -> Result<Date, WarekiError> {
    if date >= era.start() && era.end().is_none_or(|end| date <= end) {
        return Ok(date);
    }
    match to_wareki(date) {
        Some((right, year)) => Err(WarekiError::WrongEra { date, era: right, year }),
        None => Err(WarekiError::Lunar),
    }
}

/// A date of an era year, read by the era's arithmetic even when the era had ended (平成32年3月31日
/// → 2020-03-31, as on cards printed before 2019), if the date exists.
pub fn by_arithmetic(era: Era, year: u32, month: u8, day: u8) -> Option<Date> {
    let gregorian = i32::try_from(era.gregorian_year(year)).ok()?;
    Date::new(gregorian, month, day)
}

/// An era year as written: 令和7年, 令和元年.
pub fn format_year(era: Era, year: u32) -> String {
    if year == 1 { format!("{}元年", era.name()) } else { format!("{}{year}年", era.name()) }
}

/// A date in 和暦: 令和元年5月1日; `None` before 1873 (see [`to_wareki`]).
pub fn format_date(date: Date) -> Option<String> {
    let (era, year) = to_wareki(date)?;
    Some(format!("{}{}月{}日", format_year(era, year), date.month(), date.day()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse_iso(s).unwrap()
    }

    #[test]
    fn the_day_of_a_change_belongs_to_the_new_era() {
        assert_eq!(to_wareki(d("1989-01-07")), Some((Era::Showa, 64)));
        assert_eq!(to_wareki(d("1989-01-08")), Some((Era::Heisei, 1)));
        assert_eq!(to_wareki(d("2019-04-30")), Some((Era::Heisei, 31)));
        assert_eq!(to_wareki(d("2019-05-01")), Some((Era::Reiwa, 1)));
        assert_eq!(to_wareki(d("1926-12-24")), Some((Era::Taisho, 15)));
        assert_eq!(to_wareki(d("1926-12-25")), Some((Era::Showa, 1)));
        assert_eq!(to_wareki(d("1912-07-29")), Some((Era::Meiji, 45)));
        assert_eq!(to_wareki(d("1912-07-30")), Some((Era::Taisho, 1)));
        assert_eq!(to_wareki(d("1873-01-01")), Some((Era::Meiji, 6)));
        assert_eq!(to_wareki(d("1872-12-31")), None);
        assert_eq!(to_wareki(d("2025-01-05")), Some((Era::Reiwa, 7)));
    }

    #[test]
    fn era_dates_convert_and_wrong_eras_are_named() {
        assert_eq!(from_wareki(Era::Reiwa, 7, 1, 5), Ok(d("2025-01-05")));
        assert_eq!(from_wareki(Era::Heisei, 31, 4, 30), Ok(d("2019-04-30")));
        assert_eq!(from_wareki(Era::Heisei, 1, 1, 8), Ok(d("1989-01-08")));
        assert_eq!(
            from_wareki(Era::Heisei, 31, 5, 1),
            Err(WarekiError::WrongEra { date: d("2019-05-01"), era: Era::Reiwa, year: 1 })
        );
        assert_eq!(
            from_wareki(Era::Heisei, 1, 1, 7),
            Err(WarekiError::WrongEra { date: d("1989-01-07"), era: Era::Showa, year: 64 })
        );
        assert_eq!(from_wareki(Era::Heisei, 32, 1, 1), Err(WarekiError::YearOutOfRange { last_year: Some(31) }));
        assert_eq!(from_wareki(Era::Reiwa, 0, 1, 1), Err(WarekiError::YearOutOfRange { last_year: None }));
        assert_eq!(from_wareki(Era::Reiwa, 7, 2, 29), Err(WarekiError::Impossible));
        assert_eq!(from_wareki(Era::Meiji, 5, 12, 2), Err(WarekiError::Lunar));
        assert_eq!(from_wareki(Era::Meiji, 6, 1, 1), Ok(d("1873-01-01")));
    }

    #[test]
    fn months_shared_by_two_eras_belong_to_both() {
        assert_eq!(from_wareki_month(Era::Showa, 64, 1), Ok((1989, 1)));
        assert_eq!(from_wareki_month(Era::Heisei, 1, 1), Ok((1989, 1)));
        assert_eq!(from_wareki_month(Era::Heisei, 31, 4), Ok((2019, 4)));
        assert!(matches!(
            from_wareki_month(Era::Heisei, 31, 5),
            Err(WarekiError::WrongEra { era: Era::Reiwa, year: 1, .. })
        ));
        assert!(matches!(
            from_wareki_month(Era::Reiwa, 1, 4),
            Err(WarekiError::WrongEra { era: Era::Heisei, year: 31, .. })
        ));
    }

    #[test]
    fn eras_are_read_as_residents_write_them() {
        for s in ["令和", "令", "R", "r", "Reiwa", "\u{32FF}"] {
            assert_eq!(Era::parse(s), Some(Era::Reiwa), "{s}");
        }
        assert_eq!(Era::parse("H"), Some(Era::Heisei));
        assert_eq!(Era::parse("昭"), Some(Era::Showa));
        assert_eq!(Era::parse("X"), None);
        assert_eq!(format_date(d("2019-05-01")).as_deref(), Some("令和元年5月1日"));
        assert_eq!(Era::Heisei.last_year(), Some(31));
        assert_eq!(Era::Showa.last_year(), Some(64));
        assert_eq!(Era::Reiwa.last_year(), None);
    }

    #[test]
    fn every_day_round_trips() {
        let mut day = gregorian_since();
        while day.year() < 2100 {
            let (era, year) = to_wareki(day).unwrap();
            assert_eq!(from_wareki(era, year, day.month(), day.day()), Ok(day));
            day = day.add_days(1).unwrap();
        }
    }
}
