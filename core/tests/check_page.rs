//! The check-your-answers page of a moving-in session (転入届 and 国民健康保険の加入届) with a
//! family member: sections per procedure and per person, answers in the resident's words,
//! dates as residents read them, every My Number masked, 未入力 for skipped answers.

mod support;

use std::sync::OnceLock;

use proptest::prelude::*;
use serde_json::{Value as Json, json};
use tetsuzuki::catalog::Catalog;
use tetsuzuki::date::Date;
use tetsuzuki::ids::my_number_check_digit;
use tetsuzuki::journey::check::{CheckPage, CheckRow, check_page};
use tetsuzuki::model::Lang;
use tetsuzuki::session::{AnswerSource, Session};

fn today() -> Date {
    Date::parse_iso("2026-11-23").unwrap()
}

/// The sample catalogue of 大石田町, compiled once for every test of the file.
fn catalog() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(|| support::sample("oishida"))
}

/// A valid My Number from its first eleven digits.
fn my_number(first_eleven: &str) -> String {
    format!("{first_eleven}{}", my_number_check_digit(first_eleven).unwrap())
}

/// A member of the household as the resident enters them.
fn member(name: &str, kana: &str, birth: &str, gender: &str, relationship: &str) -> Json {
    json!({"name": name, "name_kana": kana, "birth_date": birth, "gender": gender, "relationship": relationship})
}

/// 山田 太郎 moved in on 20 November 2026 (reused from the screening) with his wife 花子; both
/// join 国民健康保険. He left his email empty (optional), his own My Number is given, and
/// 花子's (`spouse_my_number`) for 国保 only; his own item has none (optional).
fn moving_in(spouse_my_number: &str) -> Session {
    let mut s = Session::start(catalog(), &["tennyu", "kokuho-kanyu"]).unwrap();
    let screening = serde_json::Map::from_iter([("move.date".to_string(), json!("2026-11-20"))]);
    s.reuse_screening("moving-in", &screening);
    let answers = json!({
        "address.previous": {"postal_code": "100-0001", "prefecture": "東京都", "city": "千代田区", "town": "千代田", "block": "1-1"},
        "address.current": {"postal_code": "9994112", "prefecture": "山形県", "city": "北村山郡大石田町", "town": "緑町", "block": "1"},
        "person.family_name": "山田",
        "person.given_name": "太郎",
        "person.family_name_kana": "ヤマダ",
        "person.given_name_kana": "タロウ",
        "person.birth_date": "1980-04-01",
        "person.gender": "1",
        "contact.phone": "09012345678",
        "household.is_head": true,
        "household.moved_with_others": true,
        "tennyu.members": [member("山田 花子", "ヤマダ　ハナコ", "1990-05-05", "2", "02")],
        "kokuho-kanyu.reason": "moved_in",
        "insurance.kokuho_start_date": "2026-11-20",
        "person.my_number": my_number("12345678901"),
        "kokuho-kanyu.members": [
            member("山田 太郎", "ヤマダ　タロウ", "1980-04-01", "1", "01"),
            {"name": "山田 花子", "name_kana": "ヤマダ　ハナコ", "birth_date": "1990-05-05", "gender": "2",
             "relationship": "02", "my_number": spouse_my_number},
        ],
    });
    for (key, value) in answers.as_object().unwrap().iter().chain(&support::tennyu_usual_answers()) {
        s.set_answer(key, value.clone()).unwrap();
    }
    s
}

fn rows(page: &CheckPage) -> impl Iterator<Item = &CheckRow> {
    page.sections.iter().flat_map(|s| s.rows.iter())
}

fn row<'p>(page: &'p CheckPage, path: &str) -> &'p CheckRow {
    rows(page).find(|r| r.path == path).unwrap_or_else(|| panic!("no row `{path}`"))
}

/// The longest run of ASCII digits in `text`.
fn longest_digit_run(text: &str) -> usize {
    text.split(|c: char| !c.is_ascii_digit()).map(str::len).max().unwrap_or(0)
}

/// Whether `text` holds an ISO date (`2026-11-20`) or year-month (`2026-11`).
fn has_iso_date(text: &str) -> bool {
    let b = text.as_bytes();
    let digit = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    (0..b.len().saturating_sub(6)).any(|i| {
        (i == 0 || !digit(i - 1))
            && (i..i + 4).all(digit)
            && b[i + 4] == b'-'
            && (i + 5..i + 7).all(digit)
            && !digit(i + 7)
    })
}

#[test]
fn the_session_is_complete_so_the_page_shows_what_would_be_sent() {
    let s = moving_in(&my_number("98765432101"));
    assert_eq!(s.validate(today(), Lang::Ja), []);
}

#[test]
fn a_section_per_procedure_then_per_person_in_session_order() {
    let page = check_page(&moving_in(&my_number("98765432101")), today(), Lang::Ja);
    let titles: Vec<(&str, &str)> = page.sections.iter().map(|s| (s.procedure.as_str(), s.title.as_str())).collect();
    assert_eq!(
        titles,
        [
            ("tennyu", "転入届"),
            ("tennyu", "一緒に引っ越した人（1人目）"),
            ("kokuho-kanyu", "国民健康保険の加入届"),
            ("kokuho-kanyu", "加入する人（1人目）"),
            ("kokuho-kanyu", "加入する人（2人目）"),
        ]
    );
    let people: Vec<_> = page.sections.iter().filter_map(|s| s.person.as_ref()).collect();
    assert_eq!(people[0].group, "tennyu.members");
    assert_eq!((people[2].index, people[2].number), (1, 2));
    assert_eq!(people[2].name.as_deref(), Some("山田 花子"));
    assert!(page.sections[0].person.is_none() && page.sections[2].person.is_none());

    // A shared question appears once, in the first procedure's section, used by both.
    let phone: Vec<_> = rows(&page).filter(|r| r.key == "contact.phone").collect();
    assert_eq!(phone.len(), 1);
    assert!(page.sections[0].rows.iter().any(|r| r.key == "contact.phone"));
    assert_eq!(phone[0].used_by, ["tennyu", "kokuho-kanyu"]);
    assert_eq!(phone[0].page, "tennyu/applicant");
    // Its own questions first, in the order they are asked.
    let kokuho: Vec<&str> = page.sections[2].rows.iter().map(|r| r.key.as_str()).collect();
    assert_eq!(kokuho, ["kokuho-kanyu.reason", "insurance.kokuho_start_date", "person.my_number"]);

    // A row per inner question of each person, with its path and the Change link's context.
    let name = row(&page, "tennyu.members[0].name");
    assert_eq!((name.key.as_str(), name.label.as_str(), name.text.as_str()), ("tennyu.members", "氏名", "山田 花子"));
    assert_eq!(name.change, "一緒に引っ越した人（1人目）の氏名");
    assert_eq!(name.page, "tennyu/household");
    let inner: Vec<&str> = page.sections[4].rows.iter().map(|r| r.path.as_str()).collect();
    assert_eq!(
        inner,
        [
            "kokuho-kanyu.members[1].name",
            "kokuho-kanyu.members[1].name_kana",
            "kokuho-kanyu.members[1].birth_date",
            "kokuho-kanyu.members[1].gender",
            "kokuho-kanyu.members[1].relationship",
            "kokuho-kanyu.members[1].my_number",
        ]
    );
    // Where answers came from.
    assert_eq!(row(&page, "move.date").source, AnswerSource::Screening { event: "moving-in".into() });
    assert_eq!(row(&page, "person.gender").source, AnswerSource::Typed);
}

#[test]
fn answers_read_in_the_residents_words_in_every_language() {
    let s = moving_in(&my_number("98765432101"));
    let expected = [
        (
            Lang::Ja,
            [
                ("move.date", "2026年11月20日（金）"),
                ("address.current", "〒999-4112 山形県北村山郡大石田町緑町1"),
                ("contact.phone", "090-1234-5678"),
                ("person.gender", "男"),
                ("household.is_head", "はい"),
                ("kokuho-kanyu.reason", "ほかの市区町村から転入した"),
                ("tennyu.members[0].birth_date", "1990年5月5日（土）"),
                ("tennyu.members[0].gender", "女"),
                ("tennyu.members[0].relationship", "妻"),
                ("contact.email", "未入力"),
            ],
        ),
        (
            Lang::En,
            [
                ("move.date", "20 November 2026"),
                ("address.current", "緑町1, 北村山郡大石田町, 山形県 999-4112"),
                ("contact.phone", "090-1234-5678"),
                ("person.gender", "Male"),
                ("household.is_head", "Yes"),
                ("kokuho-kanyu.reason", "Moved in from another municipality"),
                ("tennyu.members[0].birth_date", "5 May 1990"),
                ("tennyu.members[0].gender", "Female"),
                ("tennyu.members[0].relationship", "Wife"),
                ("contact.email", "Not provided"),
            ],
        ),
        (
            Lang::JaEasy,
            [
                ("move.date", "2026ねん 11がつ 20にち（きん）"),
                ("address.current", "〒999-4112 山形県北村山郡大石田町緑町1"),
                ("contact.phone", "090-1234-5678"),
                ("person.gender", "おとこ"),
                ("household.is_head", "はい"),
                ("kokuho-kanyu.reason", "ほかの まちから ひっこして きた"),
                ("tennyu.members[0].birth_date", "1990ねん 5がつ 5にち（ど）"),
                ("tennyu.members[0].gender", "おんな"),
                ("tennyu.members[0].relationship", "つま"),
                ("contact.email", "かいて いません"),
            ],
        ),
    ];
    for (lang, texts) in expected {
        let page = check_page(&s, today(), lang);
        for (path, text) in texts {
            assert_eq!(row(&page, path).text, text, "{} {path}", lang.tag());
        }
        // Only the skipped optional answers are missing: his email, and his own My Number
        // in the list of people joining.
        let missing: Vec<&str> = rows(&page).filter(|r| r.missing).map(|r| r.path.as_str()).collect();
        assert_eq!(missing, ["contact.email", "kokuho-kanyu.members[0].my_number"], "{}", lang.tag());

        // Labels, not codes; no ISO date and no digits of a My Number anywhere.
        for r in rows(&page) {
            assert!(!r.label.is_empty() && r.label != r.key, "{} {}: a label", lang.tag(), r.path);
            let answer = ["gender", "relationship"].iter().any(|k| r.path.ends_with(k));
            assert!(!(answer && r.text.chars().all(|c| c.is_ascii_digit())), "{} {}: {}", lang.tag(), r.path, r.text);
        }
        let json = serde_json::to_string(&page).unwrap();
        assert!(!has_iso_date(&json), "{}: an ISO date in {json}", lang.tag());
        assert!(longest_digit_run(&json) <= 4, "{}: a run of digits in {json}", lang.tag());
        assert!(json.contains("●●●● ●●●● 9018") && json.contains("●●●● ●●●● 1018"), "{json}");
    }
    // The labels are each question's own, in the page's language.
    let page = check_page(&s, today(), Lang::En);
    assert_eq!(row(&page, "person.birth_date").label, "Date of birth");
    assert_eq!(row(&page, "tennyu.members[0].name").change, "Full name (People who moved with you: person 1)");
}

#[test]
fn every_my_number_is_masked_the_applicants_a_members_and_the_heads() {
    let mut s = moving_in(&my_number("98765432101"));
    // He is not the head: his father is, and the head's My Number is asked instead of his.
    s.set_answer("household.is_head", json!(false)).unwrap();
    s.set_answer("household.head_name", json!("山田 一郎")).unwrap();
    s.set_answer("person.relationship_to_head", json!("04")).unwrap();
    // The head's My Number: a field of 国保 of its own, or a concept of the household.
    let head = s.questions().iter().find(|q| q.key.ends_with("head_my_number")).unwrap().key.clone();
    let heads = my_number("11122233344");
    s.set_answer(&head, json!(heads)).unwrap();
    for lang in Lang::ALL {
        let page = check_page(&s, today(), lang);
        assert_eq!(row(&page, &head).text, format!("●●●● ●●●● {}", &heads[8..]));
        assert_eq!(row(&page, "kokuho-kanyu.members[1].my_number").text, "●●●● ●●●● 1018");
        assert!(rows(&page).all(|r| r.key != "person.my_number"), "his own My Number is hidden now");
        assert_eq!(row(&page, "person.relationship_to_head").text, ["子", "Child", "こ"][lang as usize]);
        let json = serde_json::to_string(&page).unwrap();
        assert!(longest_digit_run(&json) <= 4, "{json}");
    }
}

#[test]
fn hidden_answers_are_never_shown() {
    let mut s = moving_in(&my_number("98765432101"));
    // Typed, then hidden by a later answer: kept in the session, never on the page.
    s.set_answer("household.head_name", json!("山田 一郎")).unwrap();
    s.set_answer("household.moved_with_others", json!(false)).unwrap();
    let page = check_page(&s, today(), Lang::Ja);
    assert!(rows(&page).all(|r| r.key != "household.head_name" && r.key != "tennyu.members"));
    assert!(page.sections.iter().all(|sec| sec.title != "一緒に引っ越した人（1人目）"));
    assert!(s.answer("tennyu.members").is_some(), "nothing typed is lost");
}

#[test]
fn a_relevant_question_left_empty_says_so() {
    let mut s = Session::start(catalog(), &["tennyu"]).unwrap();
    s.set_answer("household.moved_with_others", json!(true)).unwrap();
    let page = check_page(&s, today(), Lang::Ja);
    // Every relevant question is on the page, the unanswered ones as 未入力; a group with no
    // one in it is one row.
    let members = row(&page, "tennyu.members");
    assert!(members.missing && members.text == "未入力");
    assert_eq!(page.sections.len(), 1);
    assert!(!row(&page, "household.moved_with_others").missing);
}

#[test]
fn the_submit_button_names_the_action() {
    let one = Session::start(catalog(), &["tennyu"]).unwrap();
    let labels: Vec<String> = Lang::ALL.iter().map(|&l| check_page(&one, today(), l).submit_label).collect();
    assert_eq!(labels, ["転入届を送る", "Submit: Notification of moving in", "ひっこしてきた ときの とどけを おくる"]);
    let two = moving_in(&my_number("98765432101"));
    let labels: Vec<String> = Lang::ALL.iter().map(|&l| check_page(&two, today(), l).submit_label).collect();
    assert_eq!(labels, ["2件の手続きをまとめて送る", "Submit 2 applications", "2けんの てつづきを まとめて おくる"]);
}

#[test]
fn the_summary_reads_answers_with_the_same_formatter() {
    let s = moving_in(&my_number("98765432101"));
    let summary = s.summary(today(), Lang::Ja);
    let page = check_page(&s, today(), Lang::Ja);
    let text = |k: &str| summary.iter().find(|r| r.key == k).map(|r| r.text.clone()).unwrap();
    for key in ["move.date", "address.current", "person.gender", "contact.phone", "person.my_number"] {
        assert_eq!(text(key), row(&page, key).text, "{key}");
    }
    // A group on one line: the family member's My Number masked too (it once showed whole).
    assert_eq!(
        text("kokuho-kanyu.members"),
        "山田 太郎、ヤマダ　タロウ、1980年4月1日（火）、男、世帯主 ／ \
         山田 花子、ヤマダ　ハナコ、1990年5月5日（土）、女、妻、●●●● ●●●● 1018"
    );
    for r in &summary {
        assert!(longest_digit_run(&r.text) <= 4 && !has_iso_date(&r.text), "{}: {}", r.key, r.text);
    }
}

#[test]
fn a_full_page_in_japanese_and_in_english() {
    let s = moving_in(&my_number("98765432101"));
    insta::assert_json_snapshot!("moving_in_ja", check_page(&s, today(), Lang::Ja));
    insta::assert_json_snapshot!("moving_in_en", check_page(&s, today(), Lang::En));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Any twelve digits (a valid My Number or not, half- or full-width, with or without
    /// spaces) given as the family member's or the applicant's My Number are never shown
    /// beyond their last four digits, in any language.
    #[test]
    fn no_my_number_shows_whole(
        digits in "[0-9]{12}",
        full_width in any::<bool>(),
        spaced in any::<bool>(),
        applicant in any::<bool>(),
        lang in prop::sample::select(Lang::ALL.to_vec()),
    ) {
        let mut typed: String = if full_width {
            digits.chars().map(|c| char::from_u32(u32::from(c) - u32::from('0') + u32::from('０')).unwrap()).collect()
        } else {
            digits.clone()
        };
        if spaced {
            let chars: Vec<char> = typed.chars().collect();
            typed = chars.chunks(4).map(|c| c.iter().collect::<String>()).collect::<Vec<_>>().join(" ");
        }
        let mut s = moving_in(&my_number("98765432101"));
        if applicant {
            s.set_answer("person.my_number", json!(typed)).unwrap();
        } else {
            let mut members = s.answer("kokuho-kanyu.members").unwrap().clone();
            members[1]["my_number"] = json!(typed);
            s.set_answer("kokuho-kanyu.members", members).unwrap();
        }
        let page = check_page(&s, today(), lang);
        let json = serde_json::to_string(&page).unwrap();
        prop_assert!(longest_digit_run(&json) <= 4, "{}", json);
        prop_assert!(!json.contains(&digits[..8]), "{}", json);
        let path = if applicant { "person.my_number" } else { "kokuho-kanyu.members[1].my_number" };
        prop_assert_eq!(&row(&page, path).text, &format!("●●●● ●●●● {}", &digits[8..]));
        for r in s.summary(today(), lang) {
            prop_assert!(longest_digit_run(&r.text) <= 4, "{}: {}", r.key, r.text);
        }
    }
}
