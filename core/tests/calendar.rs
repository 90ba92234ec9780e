//! Reminders as iCalendar on the sample town: the moving-in checklist's due dates and a booked
//! visit as an `.ics` text (snapshot), with no answer in it, stable ids, overdue procedures
//! left out, and the RFC 5545 line rules for any text (property tests).

mod support;

use proptest::prelude::*;
use serde_json::{Map, Value, json};
use tetsuzuki::calendar::{Stamp, VisitBooking, calendar, checklist_calendar, escape_text, fold_line};
use tetsuzuki::catalog::CompiledCatalog;
use tetsuzuki::date::Date;
use tetsuzuki::model::Lang;
use tetsuzuki::navigate::{Checklist, navigate};

fn catalog() -> &'static CompiledCatalog {
    static CATALOG: std::sync::OnceLock<CompiledCatalog> = std::sync::OnceLock::new();
    CATALOG.get_or_init(|| support::sample_catalog("oishida"))
}

fn day(s: &str) -> Date {
    Date::parse_iso(s).unwrap()
}

fn answers(v: Value) -> Map<String, Value> {
    v.as_object().cloned().unwrap()
}

/// Moved in on 2026-11-20 with a card, a child and no employee insurance; today 2026-11-23.
fn moving_in(today: &str, lang: Lang) -> Checklist {
    let a = answers(json!({
        "move_date": "2026-11-20",
        "has_card": true,
        "employee_insured": false,
        "has_children": true,
        "wants_seal": true,
    }));
    navigate(catalog(), "moving-in", &a, Some(day("2026-11-20")), day(today), lang).unwrap()
}

fn stamp() -> Stamp {
    Stamp::parse("2026-11-23T09:00:00+09:00").unwrap()
}

fn visit() -> VisitBooking {
    VisitBooking::new(
        vec!["tennyu".into(), "kokuho-kanyu".into()],
        "2026-11-26T10:30",
        45,
        "役場1階 住民課窓口; 2番, 3番".into(),
    )
    .unwrap()
}

/// The text unfolded, one content line per entry.
fn unfolded(ics: &str) -> Vec<String> {
    ics.replace("\r\n ", "").split("\r\n").filter(|l| !l.is_empty()).map(str::to_string).collect()
}

#[test]
fn the_moving_in_checklist_as_an_ics() {
    let checklist = moving_in("2026-11-23", Lang::Ja);
    let ics = checklist_calendar(catalog(), &checklist, &[visit()], Lang::Ja, stamp(), "journey-1");
    insta::assert_snapshot!("moving_in_ja", ics.replace("\r\n", "⏎\n"));
    let lines = unfolded(&ics);
    assert_eq!(lines.first().unwrap(), "BEGIN:VCALENDAR");
    assert_eq!(lines.last().unwrap(), "END:VCALENDAR");
    let dated = checklist.procedures.iter().filter(|i| i.due.is_some() && !i.overdue).count();
    assert!(dated >= 2, "the sample has several due dates");
    let events = lines.iter().filter(|l| *l == "BEGIN:VEVENT").count();
    assert_eq!(events, dated + 1, "one event per due date and one per visit");
    assert!(lines.contains(&"SUMMARY:転入届の期限".to_string()), "{lines:?}");
    assert!(lines.contains(&"DTSTART;VALUE=DATE:20261204".to_string()));
    assert!(lines.contains(&"DTEND;VALUE=DATE:20261205".to_string()));
    assert!(lines.contains(&"DTSTART;TZID=Asia/Tokyo:20261126T103000".to_string()));
    assert!(lines.contains(&"DTEND;TZID=Asia/Tokyo:20261126T111500".to_string()));
    assert!(lines.contains(&"LOCATION:役場1階 住民課窓口\\; 2番\\, 3番".to_string()));
    assert!(lines.contains(&"DTSTAMP:20261123T000000Z".to_string()));
    assert!(lines.contains(&"TZID:Asia/Tokyo".to_string()));
    // No answer, and not the seed.
    for secret in ["2026-11-20", "20261120", "journey-1"] {
        assert!(!ics.contains(secret), "{secret} is in the calendar");
    }
}

#[test]
fn each_language_has_its_words() {
    let en = checklist_calendar(catalog(), &moving_in("2026-11-23", Lang::En), &[], Lang::En, stamp(), "s");
    assert!(unfolded(&en).iter().any(|l| l.starts_with("SUMMARY:Deadline: ")), "{en}");
    assert!(!en.contains("VTIMEZONE"), "no visit, no time zone");
    let easy = checklist_calendar(catalog(), &moving_in("2026-11-23", Lang::JaEasy), &[], Lang::JaEasy, stamp(), "s");
    assert!(easy.contains("の きげん"), "{easy}");
}

#[test]
fn ids_are_stable_across_days_and_answers_so_a_new_import_updates() {
    let uids =
        |ics: &str| -> Vec<String> { unfolded(ics).into_iter().filter(|l| l.starts_with("UID:")).collect::<Vec<_>>() };
    let a = checklist_calendar(catalog(), &moving_in("2026-11-23", Lang::Ja), &[], Lang::Ja, stamp(), "s");
    let b = checklist_calendar(catalog(), &moving_in("2026-11-24", Lang::En), &[], Lang::En, stamp(), "s");
    assert_eq!(uids(&a), uids(&b));
    let c = checklist_calendar(catalog(), &moving_in("2026-11-23", Lang::Ja), &[], Lang::Ja, stamp(), "t");
    assert!(uids(&a).iter().all(|u| !uids(&c).contains(u)), "another seed, other ids");
    let mut set = uids(&a);
    set.dedup();
    assert_eq!(set.len(), uids(&a).len());
}

#[test]
fn overdue_procedures_and_the_towns_actions_have_no_event() {
    let late = moving_in("2026-12-10", Lang::Ja);
    assert!(late.procedures.iter().any(|i| i.overdue));
    let ics = calendar(catalog(), &late.procedures, &[], Lang::Ja, stamp(), "s");
    let events = unfolded(&ics).iter().filter(|l| *l == "BEGIN:VEVENT").count();
    let upcoming = late.procedures.iter().filter(|i| i.due.is_some() && !i.overdue).count();
    assert_eq!(events, upcoming);
    assert!(!ics.contains("転入届の期限"));
    let town = calendar(catalog(), &late.town_actions, &[], Lang::Ja, stamp(), "s");
    assert!(!town.contains("BEGIN:VEVENT"));
}

#[test]
fn a_visit_for_a_procedure_not_in_the_list_is_named_from_the_catalogue() {
    let v = VisitBooking::new(vec!["inkan-toroku".into(), "no-such".into()], "2026-11-30T09:00", 30, String::new());
    let ics = calendar(catalog(), &[], &[v.unwrap()], Lang::Ja, stamp(), "s");
    let lines = unfolded(&ics);
    let summary = lines.iter().find(|l| l.starts_with("SUMMARY:")).unwrap();
    assert!(summary.contains("印鑑登録") && summary.contains("no-such"), "{summary}");
    assert!(!lines.iter().any(|l| l.starts_with("LOCATION")), "no place, no LOCATION");
}

#[test]
fn the_hosts_options_are_read_with_their_codes() {
    use tetsuzuki::host::{calendar_options, checklist_calendar};
    let catalog = support::sample("oishida");
    let read = |v: Value| calendar_options(&catalog, &v).map(|(_, seed, visits)| (seed, visits.len()));
    let visit = |id: &str, start: &str, minutes: u32| {
        json!({"stamp": "2026-11-23T09:00:00Z", "seed": "s",
            "visits": [{"procedures": [id], "start": start, "minutes": minutes, "place": "窓口"}]})
    };
    assert_eq!(read(visit("tennyu", "2026-11-26T10:30", 30)).unwrap(), ("s".to_string(), 1));
    assert_eq!(read(visit("nope", "2026-11-26T10:30", 30)).unwrap_err().code, "unknown-procedure");
    assert_eq!(read(visit("tennyu", "2026-11-26", 30)).unwrap_err().code, "bad-date");
    assert_eq!(read(visit("tennyu", "2026-11-26T10:30", 0)).unwrap_err().code, "bad-value");
    assert_eq!(read(json!({"stamp": "2026-11-23", "seed": "s"})).unwrap_err().code, "bad-date");
    assert_eq!(read(json!({"stamp": "2026-11-23T09:00:00Z"})).unwrap_err().code, "bad-value");
    assert_eq!(read(json!([])).unwrap_err().code, "bad-value");
    let (stamp, seed, visits) = calendar_options(&catalog, &visit("tennyu", "2026-11-26T10:30", 30)).unwrap();
    let a = answers(json!({"move_date": "2026-11-20"}));
    let ics = checklist_calendar(&catalog, "moving-in", &a, None, day("2026-11-23"), Lang::Ja, stamp, &seed, &visits);
    assert!(ics.unwrap().contains("SUMMARY:転入届の期限"));
    let err = checklist_calendar(&catalog, "nope", &a, None, day("2026-11-23"), Lang::Ja, stamp, &seed, &visits);
    assert_eq!(err.unwrap_err().code, "unknown-event");
}

fn check_lines(ics: &str) -> Result<(), TestCaseError> {
    prop_assert!(ics.ends_with("\r\n"));
    for line in ics.split_terminator("\r\n") {
        prop_assert!(line.len() <= 75, "{} octets: {line:?}", line.len());
        prop_assert!(!line.contains('\r') && !line.contains('\n'), "a bare line break: {line:?}");
    }
    Ok(())
}

proptest! {
    #[test]
    fn any_text_folds_into_short_lines_that_unfold_back(text in "\\PC{0,200}", name in "[A-Z]{1,12}") {
        let line = format!("{name}:{}", escape_text(&text));
        let folded = fold_line(&line);
        check_lines(&folded)?;
        prop_assert_eq!(folded.trim_end_matches("\r\n").replace("\r\n ", ""), line);
    }

    #[test]
    fn any_escaped_text_has_no_line_break_and_unescapes_back(text in "[a-z;,\\\\\n 期限]{0,40}") {
        let escaped = escape_text(&text);
        prop_assert!(!escaped.contains('\n'));
        let mut back = String::new();
        let mut chars = escaped.chars();
        while let Some(c) = chars.next() {
            if c == '\\' {
                match chars.next() {
                    Some('n') => back.push('\n'),
                    Some(other) => back.push(other),
                    None => prop_assert!(false, "a lone backslash at the end"),
                }
            } else {
                prop_assert!(c != ';' && c != ',', "unescaped {c}");
                back.push(c);
            }
        }
        prop_assert_eq!(back, text);
    }

    #[test]
    fn any_place_and_seed_give_a_well_formed_calendar(
        place in "\\PC{0,120}",
        seed in "\\PC{0,40}",
        hour in 0u8..24,
        minute in 0u8..60,
        minutes in 1u32..=1440,
    ) {
        let start = format!("2026-11-26T{hour:02}:{minute:02}");
        let v = VisitBooking::new(vec!["tennyu".into()], &start, minutes, place).unwrap();
        let ics = checklist_calendar(catalog(), &moving_in("2026-11-23", Lang::Ja), &[v], Lang::Ja, stamp(), &seed);
        check_lines(&ics)?;
        let lines = unfolded(&ics);
        prop_assert_eq!(
            lines.iter().filter(|l| l.starts_with("BEGIN:")).count(),
            lines.iter().filter(|l| l.starts_with("END:")).count()
        );
    }
}
