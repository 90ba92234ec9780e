//! Deadlines: turning a [`DeadlineRule`] and the date it counts from into a due date, counted
//! the way the law counts (民法 140–143条, 戸籍法 43条), with a last day on a closing day of the
//! town office moved to the next working day (行政機関の休日に関する法律 2条).

use crate::date::{Date, days_in_month};
use crate::holidays::Calendar;
use crate::model::{Counting, DeadlineRule, Rollover};

/// A computed due date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct DueDate {
    /// The last day to do the procedure.
    pub date: Date,
    /// The last day of the period before roll-over, when it fell on a closing day.
    pub rolled_over_from: Option<Date>,
    /// Whether the rule's variant (e.g. born abroad) set the period.
    pub variant: bool,
}

/// The length of a period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    /// So many days.
    Days(u32),
    /// So many months.
    Months(u32),
}

/// The last day of a period of `period` counted from `anchor` (the day of the event).
///
/// `FromNextDay` (初日不算入, 民法 140条): the period starts the day after the anchor.
/// `IncludingFirstDay` (初日算入, 戸籍法 43条): the anchor is day 1. A period in months ends the
/// day before the day corresponding to its first day, or at the end of the last month when that
/// month has no corresponding day (民法 143条). `None` only past the calendar's range.
pub fn last_day(anchor: Date, period: Period, counting: Counting) -> Option<Date> {
    let start = match counting {
        Counting::FromNextDay => anchor.add_days(1)?,
        Counting::IncludingFirstDay => anchor,
    };
    match period {
        Period::Days(n) => start.add_days(i64::from(n) - 1),
        Period::Months(n) => {
            let target = start.add_months(i64::from(n))?;
            if start.day() <= days_in_month(target.year(), target.month()) {
                // The corresponding day exists: the period ends the day before it.
                target.add_days(-1)
            } else {
                // No corresponding day (31 → a 30-day month): the end of that month.
                Some(target)
            }
        }
    }
}

/// The due date of `rule` for an event on `anchor`; `variant_applies` says whether the rule's
/// variant condition holds (the caller evaluates it). `None` when the rule states no length
/// (the checker refuses such rules) or the date leaves the calendar's range.
pub fn due_date(rule: &DeadlineRule, anchor: Date, variant_applies: bool) -> Option<DueDate> {
    due_date_in(rule, anchor, variant_applies, &mut Calendar::new())
}

/// [`due_date`] with a calendar that remembers the holidays it computed (for many due dates).
pub fn due_date_in(
    rule: &DeadlineRule,
    anchor: Date,
    variant_applies: bool,
    calendar: &mut Calendar,
) -> Option<DueDate> {
    let chosen = rule.variant.as_ref().filter(|_| variant_applies);
    let (days, months) = match chosen {
        Some(v) => (v.days, v.months),
        None => (rule.days, rule.months),
    };
    let period = match (days, months) {
        (Some(d), _) => Period::Days(d),
        (None, Some(m)) => Period::Months(m),
        (None, None) => return None,
    };
    let last = last_day(anchor, period, rule.counting)?;
    let (date, rolled) = match rule.rollover {
        Rollover::NextWorkingDay if calendar.is_closing_day(last) => (calendar.next_working_day(last), Some(last)),
        _ => (last, None),
    };
    Some(DueDate { date, rolled_over_from: rolled, variant: chosen.is_some() })
}

/// The day by which the town finishes what takes it `days` working days (an
/// [`AfterSubmit`](crate::model::AfterSubmit)'s `within_days`), for a submission on
/// `submitted_on`.
///
/// A submission on a closing day (online, on a Sunday) reaches the town on the next working
/// day; the period counts from the day after that (初日不算入, 民法 140条), closing days left
/// out, so `0` is that first working day itself (即日). `None` past the calendar's range. The
/// time taken grows with `days`: callers bound it (the checker keeps `within_days` at most
/// [`AfterSubmit::MAX_WITHIN_DAYS`](crate::model::AfterSubmit::MAX_WITHIN_DAYS)).
pub fn working_days_after(submitted_on: Date, days: u32, calendar: &mut Calendar) -> Option<Date> {
    let mut day = calendar.next_working_day(submitted_on);
    if calendar.is_closing_day(day) {
        return None; // the calendar's last days: no working day follows
    }
    for _ in 0..days {
        day = calendar.next_working_day(day.add_days(1)?);
        if calendar.is_closing_day(day) {
            return None;
        }
    }
    Some(day)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DeadlineVariant, Rollover};

    fn d(s: &str) -> Date {
        Date::parse_iso(s).unwrap()
    }

    fn rule(days: Option<u32>, months: Option<u32>, counting: Counting) -> DeadlineRule {
        DeadlineRule {
            anchor: "move.date".into(),
            days,
            months,
            counting,
            rollover: Rollover::NextWorkingDay,
            variant: None,
            consequence: None,
            basis: None,
        }
    }

    #[test]
    fn resident_register_notices_count_from_the_next_day() {
        // Moved in on Sunday 5 January 2025: 14 days are 6–19 January; the 19th is a Sunday.
        let r = rule(Some(14), None, Counting::FromNextDay);
        assert_eq!(last_day(d("2025-01-05"), Period::Days(14), Counting::FromNextDay), Some(d("2025-01-19")));
        let due = due_date(&r, d("2025-01-05"), false).unwrap();
        assert_eq!(due.date, d("2025-01-20"));
        assert_eq!(due.rolled_over_from, Some(d("2025-01-19")));
        // A last day on a working day stays.
        assert_eq!(due_date(&r, d("2025-01-08"), false).unwrap().date, d("2025-01-22"));
    }

    #[test]
    fn a_birth_counts_its_own_day_and_rolls_over_golden_week() {
        // Born 20 April 2025: day 1 is the 20th, day 14 is Saturday 3 May (憲法記念日);
        // 4 May is a Sunday, 5 May こどもの日, 6 May 振替休日: due Wednesday 7 May.
        let r = rule(Some(14), None, Counting::IncludingFirstDay);
        let due = due_date(&r, d("2025-04-20"), false).unwrap();
        assert_eq!(due.rolled_over_from, Some(d("2025-05-03")));
        assert_eq!(due.date, d("2025-05-07"));
    }

    #[test]
    fn months_end_the_day_before_the_corresponding_day_or_at_month_end() {
        // Including the first day: 15 January + 3 months → 14 April.
        assert_eq!(last_day(d("2025-01-15"), Period::Months(3), Counting::IncludingFirstDay), Some(d("2025-04-14")));
        // 31 January, including the first day: April has no 31st → 30 April.
        assert_eq!(last_day(d("2025-01-31"), Period::Months(3), Counting::IncludingFirstDay), Some(d("2025-04-30")));
        // From the next day: event 30 January → starts 31 January → 1 month → February's end.
        assert_eq!(last_day(d("2025-01-30"), Period::Months(1), Counting::FromNextDay), Some(d("2025-02-28")));
        assert_eq!(last_day(d("2024-01-30"), Period::Months(1), Counting::FromNextDay), Some(d("2024-02-29")));
        // From the next day: event 10 March → starts 11 March → 3 months → 10 June.
        assert_eq!(last_day(d("2025-03-10"), Period::Months(3), Counting::FromNextDay), Some(d("2025-06-10")));
    }

    #[test]
    fn the_variant_sets_the_period_when_it_applies() {
        let mut r = rule(Some(14), None, Counting::IncludingFirstDay);
        r.variant = Some(DeadlineVariant { when: "born_abroad".into(), days: None, months: Some(3) });
        let home = due_date(&r, d("2025-06-02"), false).unwrap();
        assert!(!home.variant);
        assert_eq!(home.date, d("2025-06-16")); // day 14 is Sunday 15 June
        let abroad = due_date(&r, d("2025-06-02"), true).unwrap();
        assert!(abroad.variant);
        assert_eq!(abroad.date, d("2025-09-01"));
    }

    #[test]
    fn working_days_skip_closing_days_and_start_on_the_day_the_town_receives_it() {
        let mut c = Calendar::new();
        // Friday 2025-01-10: one working day later is Tuesday 14 January (13th: 成人の日).
        assert_eq!(working_days_after(d("2025-01-10"), 1, &mut c), Some(d("2025-01-14")));
        // The same day when it is a working day; the next working day when it is not.
        assert_eq!(working_days_after(d("2025-01-10"), 0, &mut c), Some(d("2025-01-10")));
        assert_eq!(working_days_after(d("2025-01-11"), 0, &mut c), Some(d("2025-01-14")));
        // Sent on Saturday: received Tuesday (after 成人の日), 2 working days → Thursday.
        assert_eq!(working_days_after(d("2025-01-11"), 2, &mut c), Some(d("2025-01-16")));
        // Past the end of the calendar.
        assert_eq!(working_days_after(d("9999-12-24"), 5, &mut c), None);
        assert_eq!(working_days_after(d("9999-12-30"), 0, &mut c), None);
    }

    #[test]
    fn year_end_closing_days_roll_over_to_january() {
        // 14 days from the next day after 15 December 2025 → 29 December: offices are closed
        // 29 December – 3 January; 4 January 2026 is a Sunday → Monday 5 January.
        let r = rule(Some(14), None, Counting::FromNextDay);
        assert_eq!(due_date(&r, d("2025-12-15"), false).unwrap().date, d("2026-01-05"));
        let mut no_roll = r.clone();
        no_roll.rollover = Rollover::None;
        assert_eq!(due_date(&no_roll, d("2025-12-15"), false).unwrap().date, d("2025-12-29"));
    }
}
