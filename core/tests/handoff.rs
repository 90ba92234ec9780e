//! Procedures finished at the counter, prepared at home (core/src/journey/handoff.rs): the
//! resident's journey makes a handoff instead of submitting; the counter opens it, staff and
//! resident read the answers together, the resident confirms and staff submit. Every way a
//! handoff can be wrong is refused with what the staff do next, and changes nothing.

mod support;

use serde_json::{Value as Json, json};
use tetsuzuki::catalog::{Catalog, CompiledCatalog};
use tetsuzuki::date::Date;
use tetsuzuki::journey::{Action, Handoff, Journey, JourneyOptions, JourneyStart};
use tetsuzuki::model::{Lang, Text, Visit};
use tetsuzuki::views::qr;

fn today() -> Date {
    Date::new(2026, 12, 7).unwrap()
}

/// The sample town with 転入届 finished at the counter, prepared online.
fn with_visit(mut compiled: CompiledCatalog) -> Catalog {
    let p = compiled.procedures.iter_mut().find(|p| p.id == "tennyu").unwrap();
    p.online_completion = false;
    p.visit = Some(Visit { reason: Text::new("本人確認のため", "To check who you are"), basis: None });
    Catalog::new(compiled)
}

/// A resident's 転入届 answered up to the check page, with the answers of the shared
/// journey vector (so they follow the form as it changes).
fn prepared_at_home(catalog: &Catalog, lang: Lang) -> Journey {
    let vector: Json = serde_json::from_str(
        &std::fs::read_to_string(support::root().join("fixtures/vectors/journey/submit-and-what-happens-next.json"))
            .unwrap(),
    )
    .unwrap();
    let mut journey = Journey::new(
        catalog,
        JourneyStart::Procedures(vec!["tennyu".into()]),
        JourneyOptions::default(),
        today(),
        lang,
    )
    .unwrap();
    for step in vector["steps"].as_array().unwrap() {
        if step.get("action").and_then(Json::as_str) == Some("submit") {
            break;
        }
        if step.get("action").is_some() && step.get("error").is_none() {
            journey.act(Action::from_json(step).unwrap()).unwrap();
        }
    }
    assert_eq!(journey.stage(), "check");
    journey
}

fn view(journey: &mut Journey) -> Json {
    serde_json::to_value(journey.view()).unwrap()
}

fn counter(catalog: &Catalog, on: Date) -> Journey {
    let options = JourneyOptions { counter: true, ..Default::default() };
    Journey::new(catalog, JourneyStart::Events, options, on, Lang::Ja).unwrap()
}

/// Reads a QR code the SDK drew, with a decoder that shares no code with the encoder.
fn scan(view: &qr::QrView) -> String {
    let grid = qr::modules_of(view);
    let scale = 4;
    let side = view.size * scale;
    let mut img =
        rqrr::PreparedImage::prepare_from_greyscale(
            side,
            side,
            |x, y| {
                if grid[y / scale][x / scale] { 0 } else { 255 }
            },
        );
    let grids = img.detect_grids();
    assert_eq!(grids.len(), 1, "one QR code is found");
    grids[0].decode().unwrap().1
}

#[test]
fn a_visit_procedure_is_prepared_at_home_and_submitted_at_the_counter() {
    let catalog = with_visit(support::sample_catalog("oishida"));
    let mut home = prepared_at_home(&catalog, Lang::Ja);
    let check = view(&mut home);
    assert_eq!(check["prepares"], json!(["転入届"]));
    assert_eq!(check["check"]["submit_label"], "窓口で見せるコードを作る");

    // Submitting on the resident's device sends nothing: it makes the handoff.
    let sent = home.submit("2026-12-07T10:00:00+09:00").unwrap();
    assert!(sent.is_empty(), "a procedure finished at the counter is not submitted from home");
    // The visit may be booked through the host first (fixtures/vectors/journey/visit-booking.json).
    assert_eq!(view(&mut home)["steps"][0]["kind"], "book");
    home.skip_step().unwrap();
    let done = view(&mut home);
    assert_eq!(done["stage"], "done");
    assert_eq!(done["next"]["submitted"], json!([]));
    assert_eq!(done["next"]["still_to_do"], json!([]), "the handoff covers it");
    let prepared = &done["next"]["prepared"];
    assert_eq!(prepared["procedures"][0]["procedure"], "tennyu");
    assert_eq!(prepared["procedures"][0]["reason"], "本人確認のため");
    assert!(prepared["expires"].as_str().unwrap().contains("2027年1月5日"), "{}", prepared["expires"]);
    let text = home.handoff_text().unwrap().to_string();
    assert_eq!(prepared["text"], text);
    assert!(text.starts_with("TZ1:"));

    // The QR code scans back to the very text.
    let qr: qr::QrView = serde_json::from_value(prepared["qr"].clone()).map(|v: QrJson| v.into()).unwrap();
    assert_eq!(scan(&qr), text);
    // Size guard (moves down as handoffs shrink): a whole 転入届 is a version 21 code (101
    // modules and the quiet zone), about 3.3 CSS px a module across a 360 px phone.
    assert!(qr.size <= 109 && text.len() <= 1_050, "{} modules, {} characters", qr.size, text.len());
    assert!(qr.svg.starts_with("<svg") && qr.svg.contains("入力した内容のQRコード"));

    // Kept until dismissed, like receipts.
    let saved = home.save();
    let mut reloaded = Journey::restore(&catalog, &saved, JourneyOptions::default(), today(), Lang::Ja).unwrap();
    assert_eq!(reloaded.handoff_text(), Some(text.as_str()));
    assert_eq!(view(&mut reloaded)["next"]["prepared"]["short_code"], prepared["short_code"]);

    // At the counter, a day later: opened, read together, confirmed, submitted.
    let mut desk = counter(&catalog, Date::new(2026, 12, 8).unwrap());
    desk.act(Action::from_json(&json!({"action": "open_handoff", "code": text})).unwrap()).unwrap();
    assert_eq!(desk.stage(), "check");
    let v = view(&mut desk);
    let short = prepared["short_code"].as_str().unwrap();
    assert!(v["notices"].to_string().contains(short), "the staff compare the check code: {}", v["notices"]);
    assert_eq!(v["prepares"], json!([]), "at the counter it is submitted");
    assert_eq!(v["counter_confirm"], json!(false));
    let home_answers = home_answers(&catalog);
    for (key, value) in &home_answers {
        assert_eq!(desk.session().unwrap().answers().get(key), Some(value), "{key} arrives as prepared");
    }
    assert_eq!(desk.submit("2026-12-08T09:30:00+09:00").unwrap_err().code(), "session-unconfirmed");
    desk.confirm(true).unwrap();
    let submitted = desk.submit("2026-12-08T09:31:00+09:00").unwrap();
    assert_eq!(submitted.len(), 1);
    assert_eq!(submitted[0].procedure, "tennyu");
    assert_eq!(view(&mut desk)["next"]["submitted"][0]["procedure"], "tennyu");
}

/// The answers of a prepared 転入届 as the session holds them.
fn home_answers(catalog: &Catalog) -> serde_json::Map<String, Json> {
    prepared_at_home(catalog, Lang::Ja).session().unwrap().answers().clone()
}

/// What serde gives back of a [`qr::QrView`].
#[derive(serde::Deserialize)]
struct QrJson {
    size: usize,
    path: String,
    svg: String,
}

impl From<QrJson> for qr::QrView {
    fn from(q: QrJson) -> qr::QrView {
        qr::QrView { size: q.size, path: q.path, svg: q.svg }
    }
}

fn handoff_of(catalog: &Catalog) -> String {
    let mut home = prepared_at_home(catalog, Lang::Ja);
    home.submit("2026-12-07T10:00:00+09:00").unwrap();
    home.handoff_text().unwrap().to_string()
}

#[test]
fn a_handoff_that_cannot_be_opened_says_why_and_changes_nothing() {
    let catalog = with_visit(support::sample_catalog("oishida"));
    let text = handoff_of(&catalog);

    // One wrong character (typed or misread), or cut short.
    let mut wrong: Vec<char> = text.chars().collect();
    let i = wrong.len() / 2;
    wrong[i] = if wrong[i] == 'A' { 'B' } else { 'A' };
    let wrong: String = wrong.into_iter().collect();
    let cut = &text[..text.len() - 3];
    let mut newer = with_visit(support::sample_catalog("oishida")).compiled().clone();
    newer.procedures.iter_mut().find(|p| p.id == "tennyu").unwrap().version = "9.0.0".into();
    let newer = Catalog::new(newer);
    let other_town = with_visit(support::sample_catalog("funagata"));

    let cases: [(&Catalog, Date, &str, &str, &str); 6] = [
        (&catalog, today(), wrong.as_str(), "handoff-damaged", "文字が違う"),
        (&catalog, today(), cut, "handoff-damaged", "文字が違う"),
        (&catalog, Date::new(2027, 1, 6).unwrap(), text.as_str(), "handoff-expired", "有効期限"),
        (&other_town, today(), text.as_str(), "handoff-other-town", "ほかの市区町村"),
        (&newer, today(), text.as_str(), "handoff-changed", "様式が変わりました"),
        (
            &catalog,
            today(),
            "https://example.invalid/?q=1",
            "handoff-not-a-handoff",
            "窓口用に作られたコードではありません",
        ),
    ];
    for (catalog, on, code, error, words) in cases {
        let mut desk = counter(catalog, on);
        let err = desk.open_handoff(code).unwrap_err();
        assert_eq!(err.code(), error, "{code:.30}");
        assert_eq!(desk.stage(), "events", "nothing changes");
        let v = view(&mut desk);
        let notices = v["notices"].to_string();
        assert!(notices.contains(words), "{error}: {notices}");
        assert!(!notices.contains(&text[4..20]), "the code is never repeated back");
    }
    // The last day still opens; a scanner's lower case and line breaks are forgiven.
    let mut desk = counter(&catalog, Date::new(2027, 1, 5).unwrap());
    let scanned = format!("{}\r\n", text.to_ascii_lowercase());
    desk.open_handoff(&scanned).unwrap();
    assert_eq!(desk.stage(), "check");

    // In English too, with what to do.
    let options = JourneyOptions { counter: true, ..Default::default() };
    let mut desk = Journey::new(&catalog, JourneyStart::Events, options, today(), Lang::En).unwrap();
    desk.open_handoff(&wrong).unwrap_err();
    let notices = view(&mut desk)["notices"].to_string();
    assert!(notices.contains("A character of the code is wrong") && notices.contains("Scan it again"), "{notices}");

    // A resident's device does not open handoffs.
    let mut home = Journey::new(&catalog, JourneyStart::Events, JourneyOptions::default(), today(), Lang::Ja).unwrap();
    assert_eq!(home.open_handoff(&text).unwrap_err().code(), "wrong-stage");
}

#[test]
fn a_handoff_never_holds_a_my_number_and_keeps_only_its_procedures() {
    let catalog = with_visit(support::sample_catalog("oishida"));
    let text = handoff_of(&catalog);
    let handoff = Handoff::read(&text, &catalog, today()).unwrap();
    assert_eq!(handoff.town, "oishida");
    assert_eq!(handoff.made, "2026-12-07");
    assert_eq!(handoff.expires, "2027-01-05", "30 days, the first included");
    let ids: Vec<&str> = handoff.draft.procedures.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["tennyu"]);
    for key in handoff.draft.answers.keys() {
        assert!(!key.contains("my_number"), "{key}");
    }
    // Bounded: a huge text is refused unread.
    let huge = format!("TZ1:{}", "A".repeat(50_000));
    assert_eq!(Handoff::read(&huge, &catalog, today()).unwrap_err().code(), "handoff-damaged");
}

#[test]
fn the_due_dates_ahead_are_offered_as_a_calendar_without_personal_data() {
    let catalog = with_visit(support::sample_catalog("oishida"));
    let stamp = tetsuzuki::calendar::Stamp::parse("2026-12-07T10:00:00+09:00").unwrap();
    // On the checklist of a life event: its procedures' due dates.
    let options = JourneyOptions::default();
    let mut journey =
        Journey::new(&catalog, JourneyStart::Event("moving-in".into()), options, today(), Lang::Ja).unwrap();
    assert_eq!(journey.calendar(stamp), None, "nothing before the moving date is known");
    for (key, value) in [("move_date", json!("2026-12-01")), ("moved_with_others", json!(false))] {
        journey.answer(key, value).unwrap();
    }
    let ics = journey.calendar(stamp).unwrap();
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\n") && ics.contains("SUMMARY:転入届の期限\r\n"), "{ics}");
    let unfolded = ics.replace("\r\n ", "");
    assert!(unfolded.contains("オンラインで準備して、窓口で仕上げます"), "how it is done: {unfolded}");
    // A form on its own has no life event, hence no checklist: nothing to offer.
    let mut home = prepared_at_home(&catalog, Lang::Ja);
    home.submit("2026-12-07T10:00:00+09:00").unwrap();
    assert_eq!(home.calendar(stamp), None);
    assert!(!ics.contains("山田"));
}

/// A My Number typed at home in a procedure finished at the counter (マイナンバーカードの継続利用
/// asks it) is checked like any answer but never put in the handoff: staff read it from the card.
#[test]
fn a_my_number_typed_at_home_stays_out_of_the_handoff() {
    let catalog = support::sample("oishida");
    let procedures = JourneyStart::Procedures(vec!["mynumber-card-address".into()]);
    let mut home = Journey::new(&catalog, procedures, JourneyOptions::default(), today(), Lang::Ja).unwrap();
    let answers = [
        ("mynumber-card-address.change_kind", json!(["address_in"])),
        ("move.date", json!("2026-12-01")),
        ("address.current", json!({"prefecture": "山形県", "city": "北村山郡大石田町", "town": "緑町", "block": "1"})),
        ("person.family_name", json!("山田")),
        ("person.given_name", json!("太郎")),
        ("person.birth_date", json!("1980-04-01")),
        ("person.my_number", json!("123456789018")),
        ("contact.phone", json!("090-1234-5678")),
        ("mynumber-card-address.others_have_cards", json!(false)),
        ("mynumber-card-address.new_certificate", json!(false)),
    ];
    for _ in 0..5 {
        if home.stage() == "check" {
            break;
        }
        let view = view(&mut home);
        let keys: Vec<String> =
            view["questions"].as_array().unwrap().iter().map(|q| q["key"].as_str().unwrap().to_string()).collect();
        for (key, value) in &answers {
            if keys.iter().any(|k| k == key) {
                home.answer(key, value.clone()).unwrap();
            }
        }
        home.next().unwrap_or_else(|e| panic!("{e}: {}", serde_json::to_string(&home.view().errors).unwrap()));
    }
    assert_eq!(home.stage(), "check");
    assert_eq!(home.session().unwrap().answers().get("person.my_number"), Some(&json!("123456789018")));
    home.submit("2026-12-07T10:00:00+09:00").unwrap();
    let text = home.handoff_text().unwrap().to_string();
    let handoff = Handoff::read(&text, &catalog, today()).unwrap();
    assert_eq!(handoff.draft.answers.get("person.family_name"), Some(&json!("山田")), "the other answers travel");
    assert!(!handoff.draft.answers.contains_key("person.my_number"), "no My Number in the handoff");
    assert!(!serde_json::to_string(&handoff.draft.answers).unwrap().contains("123456789018"));
    assert!(!text.contains("123456789018"));
}
