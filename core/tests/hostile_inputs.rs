//! Every entry point that reads text or answers from outside the SDK, fed hostile inputs: the
//! sample catalogue's text cut short, with bytes flipped, keys repeated, numbers out of range
//! and nesting too deep; answers of any shape under any key, with groups of thousands of items;
//! drafts, profiles and continuation codes damaged the same ways. Each never panics, answers
//! `Ok` or a typed error with a stable code, and does work bounded by the definitions: the
//! issues of a validation are bounded by the procedure's fields, not by the size of the input.
//!
//! Cases are few (each property runs in a few seconds in CI) but each case is large.

mod support;

use proptest::prelude::*;
use serde_json::{Map, Value as Json, json};
use tetsuzuki::catalog::{Catalog, CompiledCatalog};
use tetsuzuki::date::Date;
use tetsuzuki::journey::{Journey, JourneyOptions, JourneyStart, code};
use tetsuzuki::model::{Field, FieldType, Lang, Procedure};
use tetsuzuki::profile::{Profile, Source};
use tetsuzuki::session::Session;
use tetsuzuki::validate::{Issue, MAX_GROUP_ITEMS};

fn today() -> Date {
    Date::parse_iso("2026-11-23").unwrap()
}

thread_local! {
    /// The sample town's catalogue: its canonical text and the catalogue loaded from it.
    static SAMPLE: (String, Catalog) = {
        let compiled = support::sample_catalog("oishida");
        (compiled.to_json(), Catalog::new(compiled))
    };
}

fn with_sample<R>(f: impl FnOnce(&str, &Catalog) -> R) -> R {
    SAMPLE.with(|(text, catalog)| f(text, catalog))
}

// ---------------------------------------------------------------- hostile text

/// Pieces of text that have tripped readers: signs, separators, marks, kana forms, company
/// forms, eras, invisible and control characters, digits of every width.
const PIECES: &[&str] = &[
    "a",
    "あ",
    "1",
    "１",
    "\u{0301}",
    "-",
    "−",
    "ー",
    "　",
    " ",
    "\n",
    "\r\n",
    "\u{200B}",
    "\u{202E}",
    "\u{FEFF}",
    "ｶﾞ",
    "ﾞ",
    "髙",
    "ｶﾌﾞｼｷｶﾞｲｼﾔ",
    "株式会社",
    "(株)",
    "令和",
    "R",
    "元",
    "年",
    "月",
    "日",
    "がつ",
    "@",
    ".",
    "/",
    "、",
    "。",
    "・",
    "〒",
    "+81",
    "e",
    "E",
    "0",
    "9",
    "万",
    "円",
    "¥",
    "\u{FE00}",
    "\u{E0100}",
    "𠮷",
    "\u{0}",
    "\u{7F}",
    "\u{85}",
    "\u{2028}",
    "\"",
    "\\",
    "{",
    "[",
    "999-4112",
    "2024--01-01",
    "-2024-01-01",
    "令和7年1月5日",
];

fn hostile_text() -> impl Strategy<Value = String> {
    prop_oneof![
        // Many short pieces in any order.
        prop::collection::vec(prop::sample::select(PIECES), 0..64).prop_map(|p| p.concat()),
        // One piece many times: a long answer of one kind.
        (prop::sample::select(PIECES), 1usize..20_000).prop_map(|(p, n)| p.repeat(n)),
        "\\PC{0,40}",
    ]
}

fn hostile_number() -> impl Strategy<Value = Json> {
    prop_oneof![
        any::<i64>().prop_map(Json::from),
        any::<u64>().prop_map(Json::from),
        any::<f64>().prop_filter("finite", |f| f.is_finite()).prop_map(Json::from),
        Just(json!(f64::MAX)),
        Just(json!(-0.0)),
        Just(json!(i64::MIN)),
    ]
}

/// Any JSON value: long texts, extreme numbers, lists and objects, some nested deep.
fn hostile_json() -> impl Strategy<Value = Json> {
    let leaf = prop_oneof![
        Just(Json::Null),
        any::<bool>().prop_map(Json::Bool),
        hostile_number(),
        hostile_text().prop_map(Json::String),
    ];
    let nested = leaf.prop_recursive(4, 48, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(Json::Array),
            prop::collection::btree_map(
                prop_oneof![
                    Just("family".to_string()),
                    Just("given".to_string()),
                    Just("year".to_string()),
                    Just("month".to_string()),
                    Just("day".to_string()),
                    Just("era".to_string()),
                    Just("postal_code".to_string()),
                    Just("prefecture".to_string()),
                    Just("name".to_string()),
                    Just("size_kb".to_string()),
                    "\\PC{0,12}",
                ],
                inner,
                0..6
            )
            .prop_map(|m| Json::Object(m.into_iter().collect())),
        ]
    });
    prop_oneof![
        8 => nested,
        // Nested as deep as a JSON parser lets text nest.
        1 => (1usize..120, any::<bool>()).prop_map(|(depth, arrays)| {
            (0..depth).fold(json!("a"), |v, _| if arrays { json!([v]) } else { json!({ "x": v }) })
        }),
        // Lists of thousands of (empty or not) items.
        1 => (0usize..5_000, prop_oneof![Just(json!({})), Just(json!("a")), Just(json!(null)), Just(json!([]))])
            .prop_map(|(n, item)| Json::Array(vec![item; n])),
    ]
}

/// A group's answer: a dozen items with hostile answers to its fields (more than any sample
/// group reads), then up to thousands more, blank or not.
fn hostile_items(inner: Vec<String>) -> impl Strategy<Value = Json> {
    let first = inner.first().cloned().unwrap_or_default();
    let item = prop::collection::vec(hostile_json(), inner.len()).prop_map(move |values| {
        Json::Object(inner.iter().cloned().zip(values).filter(|(_, v)| !v.is_null()).collect())
    });
    let rest = prop_oneof![Just(json!({})), Just(json!({ first.clone(): "山田" })), Just(json!({ first: [] }))];
    (prop::collection::vec(item, 0..12), rest, 0usize..5_000).prop_map(|(mut items, rest, n)| {
        items.extend(std::iter::repeat_n(rest, n));
        Json::Array(items)
    })
}

// ---------------------------------------------------------------- the bound of a validation

/// How many items of a group are read (as `tetsuzuki::validate` reads them).
fn item_limit(f: &Field) -> usize {
    f.max_items.unwrap_or(MAX_GROUP_ITEMS).min(MAX_GROUP_ITEMS) as usize
}

/// The most problems one answer has: an address names each of its parts; a name up to three
/// characters in each part, its missing part and its length.
const PER_ANSWER: usize = 12;

/// The most issues a validation of `p` may have, whatever the answers: each answer's own, its
/// rules', and each read group item's; each form rule at each field it names. Depends on the
/// procedure only.
fn issue_bound(p: &Procedure) -> usize {
    fn field(f: &Field) -> usize {
        let own = PER_ANSWER + f.rules.len();
        let items: usize = f.fields.iter().map(field).sum();
        own + if f.resolved_type() == FieldType::Group { item_limit(f) * items } else { 0 }
    }
    p.form.fields().map(field).sum::<usize>() + p.form.rules.iter().map(|r| r.fields.len().max(1)).sum::<usize>()
}

/// The issues are bounded and each is whole: words to read, no item past its group's limit.
fn check_issues(p: &Procedure, issues: &[Issue]) -> Result<(), TestCaseError> {
    let bound = issue_bound(p);
    prop_assert!(issues.len() <= bound, "{}: {} issues, more than {bound}", p.id, issues.len());
    for issue in issues {
        prop_assert!(!issue.message.is_empty() && !issue.fix.is_empty(), "{issue:?}");
        if let Some((group, rest)) = issue.field.split_once('[') {
            let n: usize = rest.split_once(']').and_then(|(n, _)| n.parse().ok()).unwrap_or(usize::MAX);
            let g = p.form.fields().find(|f| f.id == group);
            prop_assert!(g.is_some_and(|g| n < item_limit(g)), "{}: an item past the limit: {issue:?}", p.id);
        }
    }
    Ok(())
}

fn lang(i: usize) -> Lang {
    Lang::ALL[i % Lang::ALL.len()]
}

// ---------------------------------------------------------------- text damage

/// Ways to damage a JSON text.
#[derive(Debug, Clone)]
enum Damage {
    /// Cut at this fraction of its length.
    Truncate(f64),
    /// XOR one byte (at this fraction) with a mask.
    Flip(f64, u8),
    /// Repeat the `n`th key with another value before it.
    DuplicateKey(usize, Json),
    /// Replace the number at (or after) this fraction with a number no reader can hold.
    HugeNumber(f64, &'static str),
    /// Replace the value at (or after) this fraction with nesting this deep.
    Nest(f64, usize),
    /// Insert this text at this fraction.
    Splice(f64, String),
}

fn damage() -> impl Strategy<Value = Damage> {
    let fraction = 0.0f64..1.0;
    prop_oneof![
        fraction.clone().prop_map(Damage::Truncate),
        (fraction.clone(), 1u8..=255).prop_map(|(at, mask)| Damage::Flip(at, mask)),
        (0usize..400, hostile_json()).prop_map(|(n, v)| Damage::DuplicateKey(n, v)),
        (
            fraction.clone(),
            prop::sample::select(
                &[
                    "1e999999",
                    "-1e999999",
                    "18446744073709551616",
                    "-99999999999999999999999999",
                    "1.0e-400",
                    "4294967296",
                    "-1",
                    "0.5",
                ][..]
            )
        )
            .prop_map(|(at, n)| Damage::HugeNumber(at, n)),
        (fraction.clone(), 1usize..3_000).prop_map(|(at, depth)| Damage::Nest(at, depth)),
        (fraction, prop_oneof![hostile_text().prop_map(|t| format!("{t:?}")), "[\\[\\]{}:,\"0-9a-z]{0,30}"])
            .prop_map(|(at, t)| Damage::Splice(at, t)),
    ]
}

/// The byte position at `fraction` of `text`, moved back to a character boundary.
fn position(text: &str, fraction: f64) -> usize {
    let mut i = ((text.len() as f64) * fraction) as usize;
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i.min(text.len())
}

fn apply(text: &str, damage: &Damage) -> String {
    match damage {
        Damage::Truncate(at) => text[..position(text, *at)].to_string(),
        Damage::Flip(at, mask) => {
            let mut bytes = text.as_bytes().to_vec();
            if let Some(b) = bytes.get_mut(((text.len() as f64) * at) as usize) {
                *b ^= mask;
            }
            String::from_utf8_lossy(&bytes).into_owned()
        }
        Damage::DuplicateKey(n, value) => {
            let keys: Vec<usize> = text.match_indices("\":").map(|(i, _)| i).collect();
            let Some(&end) = keys.get(n % keys.len().max(1)) else { return text.to_string() };
            let start = text[..end].rfind('"').unwrap_or(end);
            let key = &text[start..end + 2];
            format!("{}{key}{value},{}", &text[..start], &text[start..])
        }
        Damage::HugeNumber(at, number) => {
            let from = position(text, *at);
            match text[from..].find(|c: char| c.is_ascii_digit()) {
                Some(i) => {
                    let start = from + i;
                    let len = text[start..].find(|c: char| !c.is_ascii_digit()).unwrap_or(text.len() - start);
                    format!("{}{number}{}", &text[..start], &text[start + len..])
                }
                None => text.to_string(),
            }
        }
        Damage::Nest(at, depth) => {
            let from = position(text, *at);
            match text[from..].find(':') {
                Some(i) => {
                    let start = from + i + 1;
                    format!("{}{}{}{}", &text[..start], "[".repeat(*depth), "]".repeat(*depth), &text[start..])
                }
                None => text.to_string(),
            }
        }
        Damage::Splice(at, piece) => {
            let at = position(text, *at);
            format!("{}{piece}{}", &text[..at], &text[at..])
        }
    }
}

/// Every group of the sample procedures (procedure, group, its fields), with hostile items.
fn any_group_with_items() -> impl Strategy<Value = (String, String, Json)> {
    let groups: Vec<(String, String, Vec<String>)> = with_sample(|_, catalog| {
        let mut out = Vec::new();
        for p in &catalog.procedures {
            for g in p.form.fields().filter(|f| f.resolved_type() == FieldType::Group) {
                out.push((p.id.clone(), g.id.clone(), g.fields.iter().map(|f| f.id.clone()).collect()));
            }
        }
        out
    });
    prop::sample::select(groups)
        .prop_flat_map(|(p, g, inner)| hostile_items(inner).prop_map(move |items| (p.clone(), g.clone(), items)))
}

fn typed() -> Source {
    Source::Typed { procedure: "tennyu".into(), at: "2026-11-01T09:00:00+09:00".into() }
}

// ---------------------------------------------------------------- properties

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// A damaged catalogue loads or gives one of the three catalogue errors. When the damage
    /// leaves a catalogue of the right shape (sealed again, as a careless tool would), it loads
    /// and validates any answers of its procedures within the bound.
    #[test]
    fn a_damaged_catalogue_loads_or_says_why(damage in damage(), answers in prop::collection::vec(hostile_json(), 8)) {
        with_sample(|text, _| {
            let damaged = apply(text, &damage);
            match CompiledCatalog::from_json(&damaged) {
                Ok(_) => {}
                Err(e) => prop_assert!(["catalog-malformed", "catalog-format", "catalog-hash"].contains(&e.code()), "{e}"),
            }
            prop_assert!(Catalog::from_json(&damaged).is_ok() || damaged != text);
            let Ok(mut parsed) = serde_json::from_str::<CompiledCatalog>(&damaged) else { return Ok(()) };
            parsed.seal();
            let Ok(catalog) = Catalog::from_json(&parsed.to_json()) else { return Ok(()) };
            for (n, p) in catalog.procedures.iter().enumerate().step_by(13) {
                let answers: Map<String, Json> =
                    p.form.fields().map(|f| f.id.clone()).zip(answers.iter().cloned()).collect();
                let plan = catalog.form_plan(n).unwrap();
                let v = plan.validate(&answers, today(), lang(n), &catalog.code_lists);
                check_issues(p, &v.issues)?;
            }
            Ok::<(), TestCaseError>(())
        })?;
    }

    /// Any answers, under the procedure's field ids, concept ids or any key: validation never
    /// panics and its issues are bounded by the procedure, also with thousands of group items.
    #[test]
    fn any_answers_give_bounded_issues(
        procedure in any::<prop::sample::Index>(),
        values in prop::collection::vec(hostile_json(), 0..48),
        extra in prop::collection::btree_map("\\PC{0,16}", hostile_json(), 0..4),
        lang_index in 0usize..3,
    ) {
        with_sample(|_, catalog| {
            let p = procedure.get(&catalog.procedures);
            let mut answers: Map<String, Json> =
                p.form.fields().map(|f| f.id.clone()).zip(values).collect();
            for (key, value) in extra {
                answers.insert(key, value);
            }
            // Concepts no field asks, given beside the answers (screening answers).
            for (c, v) in catalog.concepts.iter().step_by(11).zip(answers.values().cloned().collect::<Vec<_>>()) {
                answers.insert(c.id.clone(), v);
            }
            let validator = catalog.validator();
            let v = validator.validate(&p.id, &answers, today(), lang(lang_index)).unwrap();
            check_issues(p, &v.issues)?;
            for f in p.form.fields() {
                let issues = validator.validate_field(&p.id, &f.id, &answers, today(), lang(lang_index)).unwrap();
                check_issues(p, &issues)?;
            }
            Ok::<(), TestCaseError>(())
        })?;
    }

    /// Every group of every sample procedure, given thousands of items of hostile answers: the
    /// issues stay within the bound (items past `max_items` are counted once, not read).
    #[test]
    fn huge_groups_give_bounded_issues((procedure, id, items) in any_group_with_items(), lang_index in 0usize..3) {
        with_sample(|_, catalog| {
            let p = catalog.procedure(&procedure).unwrap();
            let mut answers = Map::new();
            // Conditions that show groups read yes/no answers: say yes to every one.
            for f in p.form.fields().filter(|f| f.resolved_type() == FieldType::Boolean) {
                answers.insert(f.id.clone(), json!(true));
            }
            answers.insert(id.clone(), items);
            let v = catalog.validator().validate(&p.id, &answers, today(), lang(lang_index)).unwrap();
            check_issues(p, &v.issues)
        })?;
    }

    /// A damaged draft, or one holding hostile answers, restores or gives a draft error; a
    /// restored session validates within the bound of its procedures.
    #[test]
    fn a_damaged_draft_restores_or_says_why(
        damage in prop::option::of(damage()),
        answers in prop::collection::vec(("\\PC{0,16}|move\\.date|person\\.family_name|contact\\.phone", hostile_json()), 0..6),
        members in 0usize..3_000,
    ) {
        with_sample(|_, catalog| {
            let mut session = Session::start(catalog, &["tennyu", "kokuho-kanyu"]).unwrap();
            session.set_answer("move.date", json!("2026-11-20")).unwrap();
            let mut draft: Json = serde_json::from_str(&session.save_draft()).unwrap();
            for (key, value) in answers {
                draft["answers"][key] = value;
            }
            for key in session.questions().iter().map(|q| q.key.clone()).filter(|k| k.contains("members")) {
                draft["answers"][key] = Json::Array(vec![json!({}); members]);
            }
            let text = draft.to_string();
            let text = damage.as_ref().map_or(text.clone(), |d| apply(&text, d));
            match tetsuzuki::draft::restore(catalog, &text) {
                Ok((restored, _)) => {
                    let issues = restored.validate(today(), Lang::Ja);
                    let bound: usize = restored.procedures().iter().filter_map(|id| catalog.procedure(id)).map(issue_bound).sum();
                    prop_assert!(issues.len() <= bound, "{} issues, more than {bound}", issues.len());
                }
                Err(e) => prop_assert!(
                    ["draft-malformed", "draft-format", "draft-no-procedures"].contains(&e.code()),
                    "{e}"
                ),
            }
            Ok::<(), TestCaseError>(())
        })?;
    }

    /// A damaged profile loads or gives a profile error; recovering from it never fails.
    #[test]
    fn a_damaged_profile_loads_or_says_why(damage in damage(), value in hostile_json()) {
        let mut profile = Profile::new();
        profile.give_consent("2026-11-01T09:00:00+09:00");
        let on = today();
        profile.record("person.family_name", json!("山田"), typed(), on).unwrap();
        let _ = profile.record("address.current", value, typed(), on);
        let text = apply(&profile.to_json(), &damage);
        match Profile::from_json(&text) {
            Ok(p) => prop_assert!(p.concepts().count() <= 2),
            Err(e) => prop_assert!(["profile-malformed", "profile-format", "profile-no-consent"].contains(&e.code()), "{e}"),
        }
        let (recovered, _) = Profile::recover(&text);
        prop_assert!(recovered.concepts().count() <= 2);
    }

    /// Any text as a continuation code: it decodes to at most its own length or not at all,
    /// and importing it (or the code of a damaged draft) changes the journey or gives a
    /// journey error.
    #[test]
    fn any_continuation_code_imports_or_says_why(
        text in prop_oneof!["\\PC{0,200}", "[A-Za-z0-9_\\- \n]{0,400}"],
        damage in damage(),
    ) {
        if let Some(decoded) = code::decode(&text) {
            prop_assert!(decoded.len() <= text.len());
        }
        with_sample(|_, catalog| {
            let options = JourneyOptions::default();
            let start = JourneyStart::Procedures(vec!["tennyu".into()]);
            let mut journey = Journey::new(catalog, start, options, today(), Lang::Ja).unwrap();
            if let Err(e) = journey.import_code(&text) {
                prop_assert!(!e.code().is_empty());
            }
            let draft = Session::start(catalog, &["tennyu"]).unwrap().save_draft();
            prop_assert_eq!(code::decode(&code::encode(&draft)), Some(draft.clone()));
            let damaged = code::encode(&apply(&draft, &damage));
            if let Err(e) = journey.import_code(&damaged) {
                prop_assert!(!e.code().is_empty());
            }
            Ok::<(), TestCaseError>(())
        })?;
    }
}
