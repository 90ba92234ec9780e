//! The life-event navigator on the sample town: screening answers are validated like any
//! answer (an answer with an error decides nothing), and an overdue checklist item says so and
//! what to do now, in each language.

mod support;

use serde_json::{Map, Value, json};
use tetsuzuki::catalog::CompiledCatalog;
use tetsuzuki::date::Date;
use tetsuzuki::model::{Lang, Severity};
use tetsuzuki::navigate::{Checklist, ChecklistItem, navigate};

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

fn run(event: &str, given: Value, today: &str, lang: Lang) -> Checklist {
    navigate(catalog(), event, &answers(given), None, day(today), lang).unwrap()
}

fn item<'a>(c: &'a Checklist, procedure: &str) -> &'a ChecklistItem {
    c.procedures.iter().find(|i| i.procedure == procedure).unwrap_or_else(|| panic!("{procedure} in {c:#?}"))
}

fn procedures(c: &Checklist) -> Vec<&str> {
    c.procedures.iter().map(|i| i.procedure.as_str()).collect()
}

fn questions(c: &Checklist) -> Vec<&str> {
    c.questions.iter().map(|q| q.id.as_str()).collect()
}

/// The issues of one question: (code, message, fix).
fn issues_of<'a>(c: &'a Checklist, field: &str) -> Vec<(&'a str, &'a str, &'a str)> {
    c.issues
        .iter()
        .filter(|i| i.field == field)
        .map(|i| (i.code.as_str(), i.message.as_str(), i.fix.as_str()))
        .collect()
}

#[test]
fn an_impossible_moving_date_gets_the_date_issue_and_no_due_date() {
    for answer in ["令和8年2月30日", "2026-02-30"] {
        let c = run("moving-in", json!({"move_date": answer}), "2026-12-07", Lang::Ja);
        assert_eq!(
            issues_of(&c, "move_date"),
            [(
                "date.impossible",
                "引っ越してきた日は実在する日付にしてください（2月30日はありません）",
                "日付を確かめてください（2月は28日までです）"
            )],
            "{answer}"
        );
        assert_eq!(c.issues.iter().find(|i| i.field == "move_date").unwrap().severity, Severity::Error);
        let tennyu = item(&c, "tennyu");
        assert_eq!(tennyu.due, None, "{answer}: no due date from a date that does not exist");
        assert!(!tennyu.overdue);
        assert_eq!((tennyu.days_left, tennyu.late.as_deref()), (None, None));
    }
    let en = run("moving-in", json!({"move_date": "令和8年2月30日"}), "2026-12-07", Lang::En);
    assert_eq!(
        issues_of(&en, "move_date"),
        [(
            "date.impossible",
            "Date you moved here must be a real date (there is no 30 February)",
            "Check the date: that month has 28 days"
        )]
    );
}

#[test]
fn a_birth_in_the_future_is_an_issue_in_each_language_and_counts_as_unanswered() {
    let given =
        json!({"child_birth_date": "2027-01-10", "born_abroad": false, "receiving_allowance": false, "kokuho": true});
    let expected = [
        (Lang::Ja, "子どもが生まれた日は今日以前の日付にしてください", "今日か、今日より前の日付を入力してください"),
        (Lang::En, "Date the baby was born must be today or in the past", "Enter today’s date or a date before today"),
        (
            Lang::JaEasy,
            "こどもが うまれた ひは きょうか、 きょうより まえの ひに して ください",
            "きょうより あとの ひは かけません",
        ),
    ];
    for (lang, message, fix) in expected {
        let c = run("birth", given.clone(), "2026-12-07", lang);
        assert_eq!(issues_of(&c, "child_birth_date"), [("date.future", message, fix)], "{}", lang.tag());
        assert_eq!(c.issues.len(), 1, "{:#?}", c.issues);
        for i in c.procedures.iter().chain(&c.town_actions) {
            assert_eq!(i.due, None, "{}: no due date from a birth in the future", i.procedure);
        }
        // The other answers still decide the conditions.
        assert_eq!(procedures(&c), ["shussei", "jido-teate-nintei", "kokuho-kanyu", "kodomo-iryo"]);
    }
    // Today is not in the future: the due date is counted from it.
    let c = run("birth", json!({"child_birth_date": "2026-12-07", "born_abroad": false}), "2026-12-07", Lang::Ja);
    assert!(issues_of(&c, "child_birth_date").is_empty(), "{:#?}", c.issues);
    assert_eq!(item(&c, "shussei").due.map(|d| d.date), Some(day("2026-12-21")));
}

#[test]
fn a_death_in_the_future_is_an_issue_and_gives_no_due_date() {
    let given = json!({"death_date": "2027-01-01", "died_abroad": false, "deceased_birth_date": "1950-01-01"});
    let expected = [
        (Lang::Ja, "亡くなった日は今日以前の日付にしてください"),
        (Lang::En, "Date of death must be today or in the past"),
        (Lang::JaEasy, "なくなった ひは きょうか、 きょうより まえの ひに して ください"),
    ];
    for (lang, message) in expected {
        let c = run("death", given.clone(), "2026-12-07", lang);
        let issues = issues_of(&c, "death_date");
        assert_eq!(issues.len(), 1, "{issues:?}");
        assert_eq!((issues[0].0, issues[0].1), ("date.future", message), "{}", lang.tag());
        assert_eq!(item(&c, "shibo").due, None);
    }
    // The moving date may be planned: a date after today is no issue.
    let c = run("moving-in", json!({"move_date": "2027-01-10"}), "2026-12-07", Lang::Ja);
    assert!(issues_of(&c, "move_date").is_empty(), "{:#?}", c.issues);
    assert_eq!(item(&c, "tennyu").due.map(|d| d.date), Some(day("2027-01-25")));
}

#[test]
fn an_answer_with_an_error_decides_no_condition_and_no_question() {
    let today = "2026-12-07";
    let base = json!({"death_date": "2026-12-01", "died_abroad": false, "was_head": false,
        "received_pension": false, "had_seal": false});
    // A real birth date under 75: the 国保 question is asked and decides 国保 脱退.
    let mut real = base.clone();
    real["deceased_birth_date"] = json!("1960-01-01");
    real["deceased_kokuho"] = json!(true);
    let c = run("death", real.clone(), today, Lang::Ja);
    assert!(questions(&c).contains(&"deceased_kokuho"));
    assert!(procedures(&c).contains(&"kokuho-dattai"), "{:?}", procedures(&c));
    // A birth date in the future is as if unanswered: no age, so the questions and the
    // procedures that depend on the age are not there; its issue says what is wrong (not that
    // it is missing).
    let mut future = real.clone();
    future["deceased_birth_date"] = json!("2030-01-01");
    let c = run("death", future, today, Lang::Ja);
    assert!(!questions(&c).contains(&"deceased_kokuho"), "{:?}", questions(&c));
    assert!(!questions(&c).contains(&"received_child_allowance"), "{:?}", questions(&c));
    for p in ["kokuho-dattai", "koki-soshitsu", "kaigo-soshitsu", "sosaihi", "jido-teate-shometsu"] {
        assert!(!procedures(&c).contains(&p), "{p} in {:?}", procedures(&c));
    }
    assert_eq!(
        issues_of(&c, "deceased_birth_date"),
        [(
            "date.future",
            "亡くなった人の生年月日は今日以前の日付にしてください",
            "今日か、今日より前の日付を入力してください"
        )]
    );
    assert!(c.issues.iter().all(|i| i.field != "deceased_kokuho"), "a question not asked is not judged");
    // The questions keep their order, and so do the issues.
    let order: Vec<&str> = c.issues.iter().map(|i| i.field.as_str()).collect();
    let asked = questions(&c);
    let positions: Vec<usize> = order.iter().map(|f| asked.iter().position(|q| q == f).unwrap()).collect();
    assert!(positions.windows(2).all(|w| w[0] <= w[1]), "{order:?} in {asked:?}");

    // A choice the question does not offer is no answer either: nothing is decided by it.
    let c =
        run("marriage", json!({"marriage_date": "2026-12-01", "moving": true, "move_kind": "moon"}), today, Lang::Ja);
    let codes: Vec<&str> = issues_of(&c, "move_kind").iter().map(|i| i.0).collect();
    assert_eq!(codes.len(), 1, "{:#?}", c.issues);
    assert_ne!(codes[0], "required-choice");
    for p in ["tennyu", "tenkyo", "tenshutsu"] {
        assert!(!procedures(&c).contains(&p), "{p} in {:?}", procedures(&c));
    }
}

#[test]
fn an_overdue_item_says_so_and_what_to_do_now_in_each_language() {
    // Moved in on 1 November 2026; 14 days from the next day end on Sunday 15 November, so the
    // last day rolls over to Monday 16 November. Today is 7 December.
    let given = json!({"move_date": "2026-11-01", "has_children": true, "school_age": false, "employee_insured": true});
    let expected = [
        (Lang::Ja, "期限（2026年11月16日）を過ぎています。届出はできます。窓口で理由をお伺いすることがあります。"),
        (Lang::En, "The deadline (16 November 2026) has passed. You can still do this; we may ask you why it is late."),
        (
            Lang::JaEasy,
            "きげん（2026ねん 11がつ 16にち）を すぎて います。いまからでも とどけは だせます。まどぐちで おくれた りゆうを きく ことが あります。",
        ),
    ];
    for (lang, late) in expected {
        let c = run("moving-in", given.clone(), "2026-12-07", lang);
        let tennyu = item(&c, "tennyu");
        assert_eq!(tennyu.due.map(|d| d.date), Some(day("2026-11-16")));
        assert!(tennyu.overdue);
        assert_eq!(tennyu.days_left, Some(-21));
        assert_eq!(tennyu.late.as_deref(), Some(late), "{}", lang.tag());
        // The law's consequence stays where it was.
        let consequence = tennyu.consequence.as_deref().unwrap();
        assert!(!consequence.is_empty() && consequence != late);
        // Every dated item is overdue; the undated ones are not; order is still by due date.
        for i in &c.procedures {
            assert_eq!(i.overdue, i.due.is_some(), "{}", i.procedure);
            assert_eq!(i.late.is_some(), i.overdue, "{}", i.procedure);
        }
        let dates: Vec<Option<Date>> = c.procedures.iter().map(|i| i.due.map(|d| d.date)).collect();
        let mut sorted = dates.clone();
        sorted.sort_by_key(|d| d.map_or((1, None), |d| (0, Some(d))));
        assert_eq!(dates, sorted);
        assert!(procedures(&c).contains(&"jido-teate-nintei"));
    }
    // The English date names the month in full for every month.
    let c = run("moving-in", json!({"move_date": "2026-01-05"}), "2026-12-07", Lang::En);
    assert_eq!(
        item(&c, "tennyu").late.as_deref(),
        Some("The deadline (19 January 2026) has passed. You can still do this; we may ask you why it is late.")
    );
}

#[test]
fn an_item_not_yet_due_is_not_overdue() {
    let c = run("moving-in", json!({"move_date": "2026-11-30"}), "2026-12-07", Lang::Ja);
    let tennyu = item(&c, "tennyu");
    assert_eq!(tennyu.due.map(|d| d.date), Some(day("2026-12-14")));
    assert!(!tennyu.overdue);
    assert_eq!((tennyu.days_left, tennyu.late.as_deref()), (Some(7), None));
    // On the last day it is still in time.
    let c = run("moving-in", json!({"move_date": "2026-11-30"}), "2026-12-14", Lang::Ja);
    let tennyu = item(&c, "tennyu");
    assert!(!tennyu.overdue);
    assert_eq!((tennyu.days_left, tennyu.late.as_deref()), (Some(0), None));
    // The day after, it is overdue.
    let c = run("moving-in", json!({"move_date": "2026-11-30"}), "2026-12-15", Lang::Ja);
    assert!(item(&c, "tennyu").overdue);
    assert_eq!(item(&c, "tennyu").days_left, Some(-1));
    // Without a date nothing is due, so nothing is overdue.
    let c = run("moving-in", json!({}), "2026-12-07", Lang::Ja);
    let tennyu = item(&c, "tennyu");
    assert!(!tennyu.overdue);
    assert_eq!((tennyu.days_left, tennyu.late.as_deref()), (None, None));
}

#[test]
fn the_town_actions_are_never_overdue() {
    let c = run(
        "school-entry",
        json!({"child_birth_date": "2019-06-01", "wants_other_school": false}),
        "2026-12-07",
        Lang::Ja,
    );
    assert!(!c.town_actions.is_empty());
    assert!(c.town_actions.iter().all(|i| !i.overdue && i.late.is_none()));
}

#[test]
fn the_new_fields_are_serialised() {
    let c = run("moving-in", json!({"move_date": "2026-11-01"}), "2026-12-07", Lang::En);
    let v = serde_json::to_value(&c).unwrap();
    let tennyu = &v["procedures"][0];
    assert_eq!(tennyu["procedure"], "tennyu");
    assert_eq!(tennyu["overdue"], true);
    assert_eq!(tennyu["days_left"], -21);
    assert_eq!(
        tennyu["late"],
        "The deadline (16 November 2026) has passed. You can still do this; we may ask you why it is late."
    );
    let c = run("moving-in", json!({}), "2026-12-07", Lang::En);
    let v = serde_json::to_value(&c).unwrap();
    assert_eq!(v["procedures"][0]["overdue"], false);
    assert_eq!(v["procedures"][0]["days_left"], Value::Null);
    assert_eq!(v["procedures"][0]["late"], Value::Null);
}
