//! Budgets of the validation issue.
//!
//! Run: `cargo bench -p tetsuzuki --bench validate`.

use criterion::{Criterion, criterion_group, criterion_main};
use serde_json::{Map, Value as Json, json};
use tetsuzuki::catalog::CompiledCatalog;
use tetsuzuki::check::check_sources;
use tetsuzuki::compile::compile;
use tetsuzuki::date::Date;
use tetsuzuki::model::{ChoiceOption, Field, FieldType, Form, Lang, Page, Procedure, Rule, Text};
use tetsuzuki::validate::Validator;
use tetsuzuki::validate::form::FormPlan;

#[path = "support/samples.rs"]
mod samples;

fn sample_catalog() -> CompiledCatalog {
    let (defs, _) = check_sources(samples::sample_sources());
    compile(defs.typed().map(|(_, d)| d), "oishida").unwrap()
}

/// A plausible, valid answer for a field (a resident who filled everything in).
fn answer(f: &Field, catalog: &CompiledCatalog) -> Json {
    use FieldType::*;
    match f.resolved_type() {
        Text | Multiline if f.id.contains("number") => json!("1234567890"),
        Text | Multiline => json!("山田"),
        PersonName => json!({"family": "山田", "given": "太郎"}),
        Katakana => json!("ヤマダ"),
        ZenginKana => json!("ﾔﾏﾀﾞ ﾀﾛｳ"),
        Integer | Money => json!("3"),
        Decimal => json!("1.5"),
        Date if f.id.contains("birth") => json!("1980-04-01"),
        Date if f.not_past => json!("2026-11-30"),
        Date => json!("2026-11-20"),
        YearMonth => json!("2026-11"),
        Boolean => json!(!f.id.contains("public_servant")),
        Consent => json!(true),
        Choice => json!(f.options.first().map_or("", |o| o.value.as_str())),
        MultiChoice => json!([f.options.first().map_or("", |o| o.value.as_str())]),
        Code => {
            let list = f.code_list.as_deref().and_then(|id| catalog.code_lists.iter().find(|l| l.id == id));
            json!(list.and_then(|l| l.codes.first()).map_or("", |c| c.code.as_str()))
        }
        PostalCode => json!("999-4112"),
        Phone => json!("0237-35-2111"),
        Email => json!("taro@example.jp"),
        MyNumber => json!("123456789018"),
        CorporateNumber => json!("7000012050002"),
        LocalGovernmentCode => json!("063410"),
        BankCode => json!("0001"),
        BranchCode => json!("001"),
        AccountNumber => json!("1234567"),
        Address => {
            json!({"postal_code": "999-4112", "prefecture": "山形県", "city": "北村山郡大石田町", "town": "緑町", "block": "1"})
        }
        File => json!({"name": "a.pdf", "size_kb": 100, "media_type": "application/pdf"}),
        Group => {
            let item: Map<String, Json> = f.fields.iter().map(|sub| (sub.id.clone(), answer(sub, catalog))).collect();
            json!([item.clone(), item])
        }
    }
}

fn answers_for(p: &Procedure, catalog: &CompiledCatalog) -> Map<String, Json> {
    p.form.fields().map(|f| (f.id.clone(), answer(f, catalog))).collect()
}

/// A generated form of `n` fields on 20 pages, with `conditions` show_if conditions and
/// `rules` rules, each reading earlier answers.
fn generated_form(n: usize, conditions: usize, rules: usize) -> (Procedure, Map<String, Json>) {
    let text = |s: &str| Text::new(s, s);
    let mut pages: Vec<Page> =
        (0..20).map(|i| Page { id: format!("p{i}"), title: text("page"), show_if: None, fields: Vec::new() }).collect();
    let mut answers = Map::new();
    for i in 0..n {
        let (ty, value) = match i % 4 {
            0 => (FieldType::Integer, json!((i % 50).to_string())),
            1 => (FieldType::Text, json!("はい")),
            2 => (FieldType::Date, json!("2026-01-15")),
            _ => (FieldType::Choice, json!("a")),
        };
        let mut f = Field::new(format!("f{i}"), ty, text("項目"));
        f.max_length = (ty == FieldType::Text).then_some(30);
        f.max = (ty == FieldType::Integer).then_some(100.0);
        if ty == FieldType::Choice {
            f.options = vec![
                ChoiceOption { value: "a".into(), label: text("A") },
                ChoiceOption { value: "b".into(), label: text("B") },
            ];
        }
        if i >= 4 && i % 2 == 0 && i / 2 < conditions {
            let j = (i / 4) * 4 - 4; // an earlier integer field
            f.show_if = Some(format!("f{j} >= 0 && f{} == \"はい\"", j + 1));
        }
        if i % 3 == 0 && i / 3 < rules {
            f.rules.push(Rule {
                id: format!("r{i}"),
                check: if ty == FieldType::Date {
                    format!("f{i} <= today()")
                } else {
                    format!("size(string(f{i})) <= 40")
                },
                when: None,
                severity: Default::default(),
                message: text("確認してください"),
                fix: text("直してください"),
                fields: Vec::new(),
            });
        }
        answers.insert(f.id.clone(), value);
        pages[i % 20].fields.push(f);
    }
    let p = Procedure::with_form("generated", text("生成"), Form { pages, rules: Vec::new() });
    (p, answers)
}

fn benches(c: &mut Criterion) {
    let today = Date::parse_iso("2026-11-23").unwrap();
    let catalog = sample_catalog();
    let validator = Validator::new(&catalog);
    // Moving in with children: every procedure of the life event, all answered.
    let event = catalog.life_event("moving-in").expect("moving-in");
    let procedures: Vec<&Procedure> = event.procedures.iter().filter_map(|a| catalog.procedure(&a.procedure)).collect();
    let filled: Vec<(String, Map<String, Json>)> =
        procedures.iter().map(|p| (p.id.clone(), answers_for(p, &catalog))).collect();
    let fields: usize = procedures.iter().map(|p| p.form.fields().count()).sum();
    eprintln!("moving-in: {} procedures, {fields} fields", procedures.len());
    for (id, answers) in &filled {
        for i in validator.validate(id, answers, today, Lang::Ja).unwrap().issues {
            eprintln!("  note: the generated answers of {id} give {} at {}", i.code, i.field);
        }
    }
    c.bench_function("moving-in, each procedure's form on its own (no one-stop sharing)", |b| {
        b.iter(|| {
            for (id, answers) in &filled {
                let v = validator.validate(id, answers, today, Lang::Ja).unwrap();
                std::hint::black_box(v);
            }
        })
    });
    // The same as one one-stop form: each concept asked (and read) once.
    let ids: Vec<&str> = procedures.iter().map(|p| p.id.as_str()).collect();
    let planned = tetsuzuki::catalog::Catalog::new(catalog.clone());
    let mut session = tetsuzuki::session::Session::start(&planned, &ids).unwrap();
    for p in &procedures {
        for f in p.form.fields() {
            let key = f.concept.clone().unwrap_or_else(|| format!("{}.{}", p.id, f.id));
            if session.answer(&key).is_none() {
                session.set_answer(&key, answer(f, &catalog)).unwrap();
            }
        }
    }
    eprintln!("moving-in one-stop form: {} questions", session.questions().len());
    c.bench_function("moving-in one-stop form: full validation (budget 100 µs)", |b| {
        b.iter(|| session.validate(today, Lang::Ja))
    });
    let eight: Vec<&str> = ids.iter().copied().take(8).collect();
    c.bench_function("starting a session of 8 procedures (budget 2 ms)", |b| {
        b.iter(|| tetsuzuki::session::Session::start(&planned, &eight).unwrap())
    });
    c.bench_function("loading and planning the sample catalogue", |b| {
        let text = catalog.to_json();
        b.iter(|| tetsuzuki::catalog::Catalog::from_json(&text).unwrap())
    });
    c.bench_function("draft of the moving-in session: save + restore (budget 1 ms)", |b| {
        b.iter(|| tetsuzuki::draft::restore(&planned, &session.save_draft()).unwrap())
    });
    let tennyu = filled.iter().find(|(id, _)| id == "tennyu").unwrap();
    c.bench_function("one field on a keystroke: tennyu.move_date (budget 5 µs)", |b| {
        b.iter(|| validator.validate_field("tennyu", "move_date", &tennyu.1, today, Lang::Ja).unwrap())
    });
    let mut group = c.benchmark_group("interpret one answer");
    let cx = tetsuzuki::validate::Context { today, code_lists: &catalog.code_lists };
    let tennyu_p = catalog.procedure("tennyu").unwrap();
    for (id, value) in [
        ("move_date", json!("2026-11-20")),
        ("family_name", json!("山田")),
        ("family_name_kana", json!("ヤマダ")),
        ("phone", json!("0237-35-2111")),
        ("gender", json!("1")),
        ("new_address", tennyu.1["new_address"].clone()),
    ] {
        let f = tennyu_p.form.fields().find(|f| f.id == id).unwrap();
        group.bench_function(id, |b| b.iter(|| tetsuzuki::validate::interpret(f, &value, &cx)));
    }
    group.finish();
    let (generated, answers) = generated_form(1000, 500, 300);
    c.bench_function("generated 1,000 fields, 500 conditions, 300 rules: planning the form", |b| {
        b.iter(|| FormPlan::new(&generated, &[]))
    });
    let plan = FormPlan::new(&generated, &[]);
    c.bench_function("generated 1,000 fields, 500 conditions, 300 rules: full validation (budget 1 ms)", |b| {
        b.iter(|| plan.validate(&answers, today, Lang::Ja, &[]))
    });
}

criterion_group!(validate, benches);
criterion_main!(validate);
