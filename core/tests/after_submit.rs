//! What happens after submitting: every procedure a resident submits says what the town does
//! and by when, in every language; a town may say it for itself; the host view counts the
//! town office's working days from the day of submission.

mod support;

use serde_json::json;
use tetsuzuki::catalog::Catalog;
use tetsuzuki::date::Date;
use tetsuzuki::host::after_submit;
use tetsuzuki::model::{Lang, ProcedureType, ResultDelivery};

fn d(s: &str) -> Date {
    Date::parse_iso(s).unwrap()
}

#[test]
fn kokuho_certificates_come_by_post_within_five_working_days_counted_past_the_new_year() {
    let catalog = support::sample("oishida");
    // Monday 28 December 2026: the office is closed 29 December – 3 January, so the five
    // working days are 4–8 January 2027 (not 29 December – 4 January).
    let ja = after_submit(&catalog, "kokuho-kanyu", d("2026-12-28"), Lang::Ja).unwrap();
    assert!(
        ja.text.starts_with("資格確認書（マイナ保険証を使う人には資格情報のお知らせ）を、約1週間で"),
        "{}",
        ja.text
    );
    assert_eq!(ja.within_days, Some(5));
    assert_eq!(ja.result, Some(ResultDelivery::Post));
    assert_eq!(ja.by, Some(d("2027-01-08")));

    let en = after_submit(&catalog, "kokuho-kanyu", d("2026-12-28"), Lang::En).unwrap();
    assert!(en.text.starts_with("We post the eligibility certificate"), "{}", en.text);
    assert_eq!(en.by, ja.by, "the date does not depend on the language");
    assert_eq!(
        serde_json::to_value(&en).unwrap(),
        json!({"text": en.text, "within_days": 5, "result": "post", "by": "2027-01-08"}),
        "hosts get plain data"
    );
    let easy = after_submit(&catalog, "kokuho-kanyu", d("2026-12-28"), Lang::JaEasy).unwrap();
    assert_eq!(easy.text, "1しゅうかんぐらいで、ほけんの しょうめいしょを ゆうびんで おくります。");
}

#[test]
fn a_submission_on_a_closing_day_counts_from_the_next_working_day() {
    let catalog = support::sample("oishida");
    let by = |day: &str| after_submit(&catalog, "kokuho-kanyu", d(day), Lang::Ja).unwrap().by;
    // Sent online on Saturday 26 December: the town has it on Monday 28th, as above.
    assert_eq!(by("2026-12-26"), Some(d("2027-01-08")));
    // Sent on 1 January (元日): the town has it on Monday 4 January; five days later is the
    // 12th, as Monday 11 January 2027 is 成人の日.
    assert_eq!(by("2027-01-01"), Some(d("2027-01-12")));
    // Thursday 24 December: 25 and 28 December, then 4, 5 and 6 January.
    assert_eq!(by("2026-12-24"), Some(d("2027-01-06")));
    // Same day (`within_days: 0`): 火葬許可証 handed over at the counter; on a Sunday, the
    // next working day.
    let permit = after_submit(&catalog, "kaso-kyoka", d("2027-01-03"), Lang::Ja).unwrap();
    assert_eq!((permit.within_days, permit.result), (Some(0), Some(ResultDelivery::Counter)));
    assert_eq!(permit.by, Some(d("2027-01-04")));
}

#[test]
fn without_a_stated_time_there_is_no_date_and_authority_procedures_say_nothing() {
    let catalog = support::sample("oishida");
    // 児童手当: the decision comes by post, when it is made; paid from the month after.
    let allowance = after_submit(&catalog, "jido-teate-nintei", d("2026-12-28"), Lang::Ja).unwrap();
    assert_eq!((allowance.within_days, allowance.by), (None, None));
    assert_eq!(allowance.result, Some(ResultDelivery::Post));
    assert!(allowance.text.contains("翌月分から支給"), "{}", allowance.text);
    // 学齢簿: the town acts by itself; nothing is submitted.
    assert_eq!(after_submit(&catalog, "gakureibo", d("2026-12-28"), Lang::Ja), None);
    assert_eq!(after_submit(&catalog, "no-such-procedure", d("2026-12-28"), Lang::Ja), None);
}

#[test]
fn every_procedure_a_resident_submits_says_what_happens_next_in_every_language() {
    for town in ["oishida", "obanazawa", "funagata"] {
        let catalog = support::sample(town);
        for p in &catalog.procedures {
            if p.procedure_type == ProcedureType::Authority {
                assert!(p.after_submit.is_none(), "{town}: {}", p.id);
                continue;
            }
            let after = p.after_submit.as_ref().unwrap_or_else(|| panic!("{town}: {} says nothing", p.id));
            for lang in Lang::ALL {
                assert!(after.text.exact(lang).is_some_and(|t| !t.trim().is_empty()), "{town}: {} in {lang:?}", p.id);
            }
        }
    }
}

#[test]
fn a_town_states_its_own_processing_time() {
    let (funagata, oishida) = (support::sample("funagata"), support::sample("oishida"));
    let own = after_submit(&funagata, "kokuho-kanyu", d("2026-12-28"), Lang::Ja).unwrap();
    assert_eq!(own.within_days, Some(3));
    assert_eq!(own.by, Some(d("2027-01-06")));
    assert!(own.text.contains("窓口で届け出た人には、その場でお渡しします"), "{}", own.text);
    // Everything else as the model says.
    for id in ["jido-teate-nintei", "suido-kaishi", "inkan-toroku"] {
        assert_eq!(
            after_submit(&funagata, id, d("2026-12-28"), Lang::En),
            after_submit(&oishida, id, d("2026-12-28"), Lang::En),
            "{id}"
        );
    }
}

#[test]
fn a_processing_time_beyond_the_checkers_limit_gives_no_date() {
    // A catalogue not made by `compile` (the checker refuses more than 250 working days).
    let mut compiled = support::sample_catalog("oishida");
    let p = compiled.procedures.iter_mut().find(|p| p.id == "kokuho-kanyu").unwrap();
    p.after_submit.as_mut().unwrap().within_days = Some(u32::MAX);
    let catalog = Catalog::new(compiled);
    let view = after_submit(&catalog, "kokuho-kanyu", d("2026-12-28"), Lang::Ja).unwrap();
    assert_eq!((view.within_days, view.by), (Some(u32::MAX), None));
}

#[test]
fn a_towns_after_submit_that_says_what_the_model_says_is_redundant() {
    use tetsuzuki::check::check_sources;
    use tetsuzuki::definitions::SourceFile;
    let after = "after_submit:\n  text: {ja: 資格確認書を郵送します。, en: We post the eligibility certificate.}\n  within_days: 5\n  result: post\n";
    let procedure = format!(
        "kind: procedure\nid: kokuho-kanyu\nversion: 1.0.0\ntitle: {{ja: 国民健康保険の加入届, en: Joining National Health Insurance}}\ntype: notification\ndepartment: kokuho\n{after}form:\n  pages:\n    - id: p\n      title: {{ja: 加入, en: Joining}}\n      fields:\n        - {{id: start_date, type: date, label: {{ja: 加入する日, en: Start date}}}}\n"
    );
    let town = |after: &str| {
        let indented: String = after.lines().map(|l| format!("    {l}\n")).collect();
        format!(
            "kind: town\nid: funagata\ncode: \"063657\"\nname: {{ja: 舟形町, en: Funagata Town}}\nprefecture: {{ja: 山形県, en: Yamagata Prefecture}}\ndepartments:\n  - {{id: kokuho, name: {{ja: 健康福祉課, en: Health and Welfare Division}}}}\nprocedures:\n  - procedure: kokuho-kanyu\n{indented}"
        )
    };
    let codes = |town: String| {
        let (_, diagnostics) = check_sources(vec![
            SourceFile::from_bytes("model/kokuho-kanyu.yaml", procedure.as_bytes()),
            SourceFile::from_bytes("towns/funagata.yaml", town.as_bytes()),
        ]);
        diagnostics.iter().map(|d| d.code).collect::<Vec<_>>()
    };
    assert_eq!(codes(town(after)), ["override-redundant"]);
    assert_eq!(codes(town(&after.replace("within_days: 5", "within_days: 3"))), Vec::<&str>::new());
}
