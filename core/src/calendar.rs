//! Reminders as iCalendar (RFC 5545): a checklist's due dates and the visits a resident booked,
//! as the text of an `.ics` file that phones and calendar apps import.
//!
//! - One all-day event per due date (`DTSTART;VALUE=DATE`, `DTEND` the next day, shown as free
//!   time), its summary 「転入届の期限」, its description what to do by when, the procedure's
//!   consequence of being late, online or at the counter and whom to ask, with two reminders:
//!   at 9:00 the day before (`-PT15H`) and at 9:00 on the day (`PT9H`).
//! - One event per booked visit, at its local time in `Asia/Tokyo` (a `VTIMEZONE` of +0900,
//!   no daylight saving, is included), with reminders the day before and an hour before.
//! - Only what the catalogue says: procedure names, dates, the town's contacts and counters.
//!   Never an answer, a name or an address, nor why a procedure applies (the reason and the
//!   documents follow from the answers).
//! - Left out: procedures whose due date has passed (a reminder for a past day would never
//!   ring; the checklist's `late` says what to do now), procedures without a due date, and the
//!   town's own actions (nothing for the resident to do).
//! - Stable: each event's `UID` is a hash of the host's seed and the procedure (a visit: the
//!   seed, its procedures and its start), so importing the file again updates the events
//!   rather than adding them twice, also when a corrected answer moves a due date. The seed
//!   is hashed, never written out. There is no clock and no randomness: `DTSTAMP` is the
//!   time the host gives.
//! - Written as RFC 5545 asks: CRLF line ends, lines folded at 75 octets (never inside a
//!   UTF-8 character), `\ ; ,` and line breaks escaped in text.

use sha2::{Digest, Sha256};

use crate::date::Date;
use crate::model::catalog::CompiledCatalog;
use crate::model::{Lang, Text};
use crate::navigate::{Checklist, ChecklistItem};
use crate::words::{plain_date_text, ui_text, ui_text_with};

/// The moment a calendar is made, in UTC (`DTSTAMP`): given by the host, which has the clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    date: Date,
    /// Seconds since midnight, UTC.
    seconds: u32,
}

impl Stamp {
    /// A moment in UTC; none for a time of day out of range.
    pub fn new(date: Date, hour: u8, minute: u8, second: u8) -> Option<Stamp> {
        (hour < 24 && minute < 60 && second < 60)
            .then(|| Stamp { date, seconds: u32::from(hour) * 3600 + u32::from(minute) * 60 + u32::from(second) })
    }

    /// Reads an RFC 3339 timestamp (`2026-11-23T09:00:00Z`, `2026-11-23T18:00:00+09:00`,
    /// fractions of a second ignored), converted to UTC.
    pub fn parse(text: &str) -> Option<Stamp> {
        let (date, rest) = (text.get(..10)?, text.get(10..)?);
        let date = Date::parse_iso(date)?;
        let rest = rest.strip_prefix(['T', 't', ' '])?;
        let (hour, minute) = two_digits_pair(rest.get(..5)?, ':')?;
        let rest = &rest[5..];
        let (second, rest) = match rest.strip_prefix(':') {
            Some(r) => (two_digits(r.get(..2)?)?, &r[2..]),
            None => (0, rest),
        };
        // Fractions of a second: DTSTAMP has whole seconds.
        let rest = match rest.strip_prefix('.') {
            Some(r) => r.trim_start_matches(|c: char| c.is_ascii_digit()),
            None => rest,
        };
        let offset_minutes: i64 = match rest {
            "Z" | "z" => 0,
            _ => {
                let sign = match rest.get(..1)? {
                    "+" => 1,
                    "-" => -1,
                    _ => return None,
                };
                if rest.len() != 6 {
                    return None;
                }
                let (h, m) = two_digits_pair(&rest[1..], ':')?;
                if h > 23 || m > 59 {
                    return None;
                }
                sign * (i64::from(h) * 60 + i64::from(m))
            }
        };
        let local = Stamp::new(date, hour, minute, second)?;
        // To UTC: local time minus the offset.
        let total = local.date.to_days() * 86_400 + i64::from(local.seconds) - offset_minutes * 60;
        let date = Date::from_days(total.div_euclid(86_400))?;
        Some(Stamp { date, seconds: total.rem_euclid(86_400) as u32 })
    }

    /// `20261123T090000Z`.
    fn ical(self) -> String {
        let (h, m, s) = (self.seconds / 3600, self.seconds / 60 % 60, self.seconds % 60);
        format!("{}T{h:02}{m:02}{s:02}Z", ical_date(self.date))
    }
}

fn two_digits(text: &str) -> Option<u8> {
    (text.len() == 2 && text.bytes().all(|b| b.is_ascii_digit())).then(|| text.parse().ok()).flatten()
}

/// `HH:MM` (or `HH` `sep` `MM`).
fn two_digits_pair(text: &str, sep: char) -> Option<(u8, u8)> {
    let (a, b) = text.split_once(sep)?;
    Some((two_digits(a)?, two_digits(b)?))
}

/// A visit the resident booked at the town office (a time at the counter), in local time
/// (Japan, `Asia/Tokyo`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VisitBooking {
    /// The procedures done at the visit (ids of the catalogue): their names are its summary.
    pub procedures: Vec<String>,
    /// The day.
    pub date: Date,
    /// The hour it starts (0–23), local time.
    pub hour: u8,
    /// The minute it starts (0–59).
    pub minute: u8,
    /// How long it lasts, in minutes (at least 1).
    pub minutes: u32,
    /// Where: the counter, as the booking system names it (役場1階 住民課窓口). The town's
    /// place, never the resident's.
    pub place: String,
}

/// The most minutes a visit may last: a day.
pub const MAX_VISIT_MINUTES: u32 = 24 * 60;

impl VisitBooking {
    /// A visit starting at `start`, local time (`2026-12-01T10:30`, seconds allowed, no
    /// offset: Japan's time), lasting `minutes` (1 to a day); none when either is out of range.
    pub fn new(procedures: Vec<String>, start: &str, minutes: u32, place: String) -> Option<VisitBooking> {
        let date = Date::parse_iso(start.get(..10)?)?;
        let time = start.get(10..)?.strip_prefix(['T', ' '])?;
        let (hour, minute) = two_digits_pair(time.get(..5)?, ':')?;
        match &time[5..] {
            "" => {}
            s => {
                let sec = s.strip_prefix(':').and_then(two_digits)?;
                if sec > 59 {
                    return None;
                }
            }
        }
        let ok = hour < 24 && minute < 60 && (1..=MAX_VISIT_MINUTES).contains(&minutes);
        ok.then_some(VisitBooking { procedures, date, hour, minute, minutes, place })
    }

    /// `(date, hour, minute)` of its end.
    fn end(&self) -> (Date, u32, u32) {
        let start = u32::from(self.hour.min(23)) * 60 + u32::from(self.minute.min(59));
        let end = start + self.minutes.clamp(1, MAX_VISIT_MINUTES);
        let date = self.date.add_days(i64::from(end / 1440)).unwrap_or(self.date);
        (date, end % 1440 / 60, end % 60)
    }
}

/// The iCalendar text of a checklist's due dates and the booked visits ([`calendar`] of its
/// procedures).
pub fn checklist_calendar(
    catalog: &CompiledCatalog,
    checklist: &Checklist,
    visits: &[VisitBooking],
    lang: Lang,
    stamp: Stamp,
    seed: &str,
) -> String {
    calendar(catalog, &checklist.procedures, visits, lang, stamp, seed)
}

/// The iCalendar text (RFC 5545) of the due dates of `items` (a checklist's procedures, or
/// what is still to do after submitting) and of the booked `visits`, in `lang`: see the
/// module's documentation for what is in it and what is left out. `stamp` is `DTSTAMP`;
/// `seed` makes the events' `UID`s (give the same seed to update the events on a new import:
/// a journey's, a device's; it is hashed, never written). A visit's procedure the catalogue
/// lacks is named by its id.
pub fn calendar(
    catalog: &CompiledCatalog,
    items: &[ChecklistItem],
    visits: &[VisitBooking],
    lang: Lang,
    stamp: Stamp,
    seed: &str,
) -> String {
    let mut w = Writer::default();
    let dtstamp = stamp.ical();
    w.line("BEGIN:VCALENDAR");
    w.line("VERSION:2.0");
    w.line(&format!("PRODID:-//tetsuzuki//tetsuzuki SDK//{}", lang.tag().to_ascii_uppercase()));
    w.line("CALSCALE:GREGORIAN");
    w.line("METHOD:PUBLISH");
    w.text("X-WR-CALNAME", &ui_text(lang, "ui-cal-name"));
    if !visits.is_empty() {
        for line in [
            "BEGIN:VTIMEZONE",
            "TZID:Asia/Tokyo",
            "BEGIN:STANDARD",
            "DTSTART:19700101T000000",
            "TZOFFSETFROM:+0900",
            "TZOFFSETTO:+0900",
            "TZNAME:JST",
            "END:STANDARD",
            "END:VTIMEZONE",
        ] {
            w.line(line);
        }
    }
    for item in items.iter().filter(|i| !i.overdue) {
        let Some(due) = item.due else { continue };
        let title = ("title", item.title.clone());
        w.line("BEGIN:VEVENT");
        w.line(&format!("UID:{}", uid(seed, &["due", &item.procedure])));
        w.line(&format!("DTSTAMP:{dtstamp}"));
        w.line(&format!("DTSTART;VALUE=DATE:{}", ical_date(due.date)));
        w.line(&format!("DTEND;VALUE=DATE:{}", ical_date(due.date.add_days(1).unwrap_or(due.date))));
        w.text("SUMMARY", &ui_text_with(lang, "ui-cal-due", std::slice::from_ref(&title)));
        w.text("DESCRIPTION", &due_description(item, lang));
        w.line("TRANSP:TRANSPARENT");
        // 9:00 the day before and 9:00 on the day: an all-day event starts at midnight.
        w.alarm("-PT15H", &ui_text_with(lang, "ui-cal-due-tomorrow", std::slice::from_ref(&title)));
        w.alarm("PT9H", &ui_text_with(lang, "ui-cal-due-today", std::slice::from_ref(&title)));
        w.line("END:VEVENT");
    }
    let mut visits: Vec<&VisitBooking> = visits.iter().collect();
    // The insertion sort of short lists: the standard sort would add KBs to the wasm.
    crate::small::sort_by_key(&mut visits, |v| (v.date, v.hour, v.minute));
    for v in visits {
        let titles = v
            .procedures
            .iter()
            .map(|id| match items.iter().find(|i| &i.procedure == id) {
                Some(i) => i.title.clone(),
                None => catalog.procedure(id).map_or_else(|| id.clone(), |p| p.title.get(lang).to_string()),
            })
            .collect::<Vec<_>>()
            .join(&ui_text(lang, "ui-list-separator"));
        let titles = [("titles", titles)];
        let start = format!("{}T{:02}{:02}00", ical_date(v.date), v.hour.min(23), v.minute.min(59));
        let (end_date, end_h, end_m) = v.end();
        let start_text = format!("{}T{:02}:{:02}", v.date, v.hour, v.minute);
        w.line("BEGIN:VEVENT");
        let mut key: Vec<&str> = vec!["visit", &start_text];
        key.extend(v.procedures.iter().map(String::as_str));
        w.line(&format!("UID:{}", uid(seed, &key)));
        w.line(&format!("DTSTAMP:{dtstamp}"));
        w.line(&format!("DTSTART;TZID=Asia/Tokyo:{start}"));
        w.line(&format!("DTEND;TZID=Asia/Tokyo:{}T{end_h:02}{end_m:02}00", ical_date(end_date)));
        w.text("SUMMARY", &ui_text_with(lang, "ui-cal-visit", &titles));
        if !v.place.trim().is_empty() {
            w.text("LOCATION", v.place.trim());
        }
        w.text("DESCRIPTION", &visit_description(catalog, items, v, lang));
        w.alarm("-P1D", &ui_text_with(lang, "ui-cal-visit-tomorrow", &titles));
        w.alarm("-PT1H", &ui_text_with(lang, "ui-cal-visit-soon", &titles));
        w.line("END:VEVENT");
    }
    w.line("END:VCALENDAR");
    w.out
}

/// What a due date's event says: by when, the consequence of being late, how, whom to ask.
fn due_description(item: &ChecklistItem, lang: Lang) -> String {
    let mut lines = Vec::new();
    if let Some(due) = item.due {
        lines.push(ui_text_with(lang, "ui-cal-due-lead", &[("date", plain_date_text(due.date, lang))]));
    }
    if let Some(c) = &item.consequence {
        lines.push(c.clone());
    }
    let how = match (item.online_now, item.prepare_online) {
        (true, _) => "ui-cal-online",
        (false, true) => "ui-cal-prepare",
        (false, false) => "ui-cal-counter",
    };
    lines.push(ui_text(lang, how));
    if let Some(contact) = &item.contact {
        let mut parts = vec![contact.department.clone()];
        parts.extend(contact.location.clone());
        parts.extend(contact.phone.clone());
        parts.extend(contact.hours.clone());
        let contact = parts.into_iter().filter(|p| !p.trim().is_empty()).collect::<Vec<_>>();
        lines.push(ui_text_with(
            lang,
            "ui-cal-contact",
            &[("contact", contact.join(&ui_text(lang, "ui-item-separator")))],
        ));
    }
    lines.join("\n")
}

/// What a visit's event says: to come at the time booked, and whom to ask for each procedure.
fn visit_description(catalog: &CompiledCatalog, items: &[ChecklistItem], v: &VisitBooking, lang: Lang) -> String {
    let mut lines = vec![ui_text(lang, "ui-cal-visit-lead")];
    let mut departments: Vec<String> = Vec::new();
    for id in &v.procedures {
        let from_item = items.iter().find(|i| &i.procedure == id).and_then(|i| i.contact.as_ref());
        let contact = match from_item {
            Some(c) => Some((c.department.clone(), c.phone.clone())),
            None => catalog.procedure(id).and_then(|p| {
                let d = catalog.town.departments.iter().find(|d| d.id == p.department)?;
                Some((Text::get(&d.name, lang).to_string(), d.phone.clone()))
            }),
        };
        if let Some((name, phone)) = contact {
            let text = match phone {
                Some(phone) => format!("{name}{}{phone}", ui_text(lang, "ui-item-separator")),
                None => name,
            };
            if !departments.contains(&text) {
                departments.push(text);
            }
        }
    }
    for d in departments {
        lines.push(ui_text_with(lang, "ui-cal-contact", &[("contact", d)]));
    }
    lines.join("\n")
}

/// `20261204`.
fn ical_date(date: Date) -> String {
    format!("{:04}{:02}{:02}", date.year(), date.month(), date.day())
}

/// A stable id: the hex of SHA-256 over the seed and the parts (each ended by a NUL), cut to
/// 128 bits, `@tetsuzuki`. The seed cannot be read back from it.
fn uid(seed: &str, parts: &[&str]) -> String {
    let mut hasher = Sha256::new();
    hasher.update(b"tetsuzuki-calendar/1\0");
    hasher.update(seed.as_bytes());
    hasher.update([0]);
    for p in parts {
        hasher.update(p.as_bytes());
        hasher.update([0]);
    }
    let mut out = String::with_capacity(32 + 10);
    for b in &hasher.finalize()[..16] {
        out.push_str(&format!("{b:02x}"));
    }
    out.push_str("@tetsuzuki");
    out
}

/// Escapes a TEXT value (RFC 5545 §3.3.11): `\` `;` `,` and line breaks (`\n`); other control
/// characters, which TEXT may not hold, are left out.
pub fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            '\t' => out.push('\t'),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds one content line (RFC 5545 §3.1): at most 75 octets per line, a continuation line
/// starting with one space, never inside a UTF-8 character; each line ended by CRLF.
pub fn fold_line(line: &str) -> String {
    const LIMIT: usize = 75;
    let mut out = String::with_capacity(line.len() + line.len() / 70 * 3 + 2);
    let mut width = 0;
    for c in line.chars() {
        if width + c.len_utf8() > LIMIT {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    out.push_str("\r\n");
    out
}

/// Writes content lines, folded.
#[derive(Default)]
struct Writer {
    out: String,
}

impl Writer {
    fn line(&mut self, line: &str) {
        self.out.push_str(&fold_line(line));
    }

    /// A property with a TEXT value.
    fn text(&mut self, name: &str, value: &str) {
        self.line(&format!("{name}:{}", escape_text(value)));
    }

    /// A reminder shown on the device (`ACTION:DISPLAY`), `trigger` before or after the
    /// event's start.
    fn alarm(&mut self, trigger: &str, description: &str) {
        self.line("BEGIN:VALARM");
        self.line("ACTION:DISPLAY");
        self.line(&format!("TRIGGER:{trigger}"));
        self.text("DESCRIPTION", description);
        self.line("END:VALARM");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped() {
        assert_eq!(escape_text(r"a\b;c,d"), r"a\\b\;c\,d");
        assert_eq!(escape_text("one\ntwo\r\nthree\rfour"), r"one\ntwo\nthree\nfour");
        assert_eq!(escape_text("tab\there\u{7}bell"), "tab\therebell");
        assert_eq!(escape_text("転入届、期限は12月4日"), "転入届、期限は12月4日", "the Japanese comma is text");
        assert_eq!(escape_text("a:b"), "a:b", "a colon needs no escape in a value");
    }

    #[test]
    fn lines_fold_at_75_octets_and_never_inside_a_character() {
        assert_eq!(fold_line("SUMMARY:short"), "SUMMARY:short\r\n");
        let exact = "X".repeat(75);
        assert_eq!(fold_line(&exact), format!("{exact}\r\n"));
        let long = "X".repeat(76);
        assert_eq!(fold_line(&long), format!("{}\r\n X\r\n", "X".repeat(75)));
        // 8 + 3×23 = 77 octets: the 23rd character does not fit into the first line (75).
        let japanese = format!("SUMMARY:{}", "期".repeat(23));
        let folded = fold_line(&japanese);
        let lines: Vec<&str> = folded.split("\r\n").filter(|l| !l.is_empty()).collect();
        assert_eq!(lines[0].len(), 8 + 3 * 22);
        assert_eq!(lines[1], " 期");
        for l in &lines {
            assert!(l.len() <= 75);
        }
        // Unfolding gives the line back.
        assert_eq!(folded.trim_end_matches("\r\n").replace("\r\n ", ""), japanese);
        // A four-octet character at the edge.
        let emoji = format!("{}{}", "X".repeat(73), "😀");
        let folded = fold_line(&emoji);
        assert_eq!(folded, format!("{}\r\n 😀\r\n", "X".repeat(73)));
    }

    #[test]
    fn stamps_are_read_as_rfc_3339_in_utc() {
        let d = |y, m, d| Date::new(y, m, d).unwrap();
        assert_eq!(Stamp::parse("2026-11-23T09:00:00Z").unwrap().ical(), "20261123T090000Z");
        assert_eq!(Stamp::parse("2026-11-23T09:00:00.123Z").unwrap().ical(), "20261123T090000Z");
        assert_eq!(Stamp::parse("2026-11-23T08:00:00+09:00").unwrap().ical(), "20261122T230000Z");
        assert_eq!(Stamp::parse("2026-12-31T20:30:00-05:00").unwrap().ical(), "20270101T013000Z");
        assert_eq!(Stamp::parse("2026-11-23T09:00Z").unwrap(), Stamp::new(d(2026, 11, 23), 9, 0, 0).unwrap());
        for bad in ["2026-11-23", "2026-11-23T09:00:00", "2026-11-23T25:00:00Z", "2026-11-23T09:00:00+0900", "x"] {
            assert_eq!(Stamp::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn visits_are_read_in_local_time_and_end_after_they_start() {
        let v = VisitBooking::new(vec!["tennyu".into()], "2026-12-01T23:30", 45, String::new()).unwrap();
        assert_eq!((v.date, v.hour, v.minute), (Date::new(2026, 12, 1).unwrap(), 23, 30));
        assert_eq!(v.end(), (Date::new(2026, 12, 2).unwrap(), 0, 15));
        assert!(VisitBooking::new(vec![], "2026-12-01T10:00:00", 30, String::new()).is_some());
        for (start, minutes) in [("2026-12-01T24:00", 30), ("2026-12-01", 30), ("2026-12-01T10:00", 0)] {
            assert!(VisitBooking::new(vec![], start, minutes, String::new()).is_none(), "{start} {minutes}");
        }
        assert!(VisitBooking::new(vec![], "2026-12-01T10:00+09:00", 30, String::new()).is_none());
    }

    #[test]
    fn uids_are_stable_and_do_not_show_the_seed() {
        let a = uid("seed-1", &["due", "tennyu"]);
        assert_eq!(a, uid("seed-1", &["due", "tennyu"]));
        assert_ne!(a, uid("seed-2", &["due", "tennyu"]));
        assert_ne!(a, uid("seed-1", &["due", "tenshutsu"]));
        assert_ne!(uid("s", &["ab", "c"]), uid("s", &["a", "bc"]));
        assert!(!a.contains("seed"));
        assert_eq!(a.len(), 32 + "@tetsuzuki".len());
    }
}
