//! Budgets of the model issue: checking and compiling definitions, loading catalogues.
//!
//! Run: `cargo bench -p tetsuzuki --bench catalog`.

use criterion::{Criterion, criterion_group, criterion_main};
use tetsuzuki::catalog::CompiledCatalog;
use tetsuzuki::check::check_sources;
use tetsuzuki::compile::compile;
use tetsuzuki::definitions::SourceFile;

#[path = "support/generate.rs"]
mod generate;
#[path = "support/samples.rs"]
mod samples;

use samples::sample_sources;

fn check_and_compile(sources: Vec<SourceFile>, town: &str) -> CompiledCatalog {
    let (defs, diagnostics) = check_sources(sources);
    assert!(
        diagnostics.iter().all(|d| d.severity != tetsuzuki::diagnostic::Severity::Error),
        "{}",
        defs.render(&diagnostics)
    );
    compile(defs.typed().map(|(_, d)| d), town).unwrap()
}

fn benches(c: &mut Criterion) {
    let samples = sample_sources();
    c.bench_function("sample catalogue: check + compile (budget 50 ms)", |b| {
        b.iter(|| check_and_compile(samples.clone(), "oishida"))
    });
    let sample_json = check_and_compile(samples.clone(), "oishida").to_json();
    c.bench_function("sample catalogue: load compiled JSON", |b| {
        b.iter(|| CompiledCatalog::from_json(&sample_json).unwrap())
    });
    c.bench_function("sample catalogue: of which decoding", |b| {
        b.iter(|| tetsuzuki::model::decode::catalog(&sample_json).unwrap())
    });
    c.bench_function("sample catalogue: serde_json, for comparison", |b| {
        b.iter(|| serde_json::from_str::<CompiledCatalog>(&sample_json).unwrap())
    });

    let generated: Vec<SourceFile> =
        generate::generated_model(2000).into_iter().map(|(n, t)| SourceFile::new(n, t)).collect();
    let mut group = c.benchmark_group("2,000 procedures");
    group.sample_size(10);
    group.bench_function("check + compile (budget 2 s)", |b| b.iter(|| check_and_compile(generated.clone(), "gen")));
    let json = check_and_compile(generated.clone(), "gen").to_json();
    eprintln!("2,000-procedure catalogue: {} bytes of JSON", json.len());
    group
        .bench_function("load compiled JSON (budget 50 ms)", |b| b.iter(|| CompiledCatalog::from_json(&json).unwrap()));
    let catalog = CompiledCatalog::from_json(&json).unwrap();
    let navigator = tetsuzuki::navigate::Navigator::new(&catalog);
    let mut answers = serde_json::Map::new();
    answers.insert("q_date".into(), serde_json::json!("2026-11-20"));
    answers.insert("q_a".into(), serde_json::json!(true));
    answers.insert("q_b".into(), serde_json::json!(false));
    let today = tetsuzuki::date::Date::parse_iso("2026-11-23").unwrap();
    let event_date = tetsuzuki::date::Date::parse_iso("2026-11-20");
    let checklist = navigator.navigate("gen-event", &answers, event_date, today, tetsuzuki::model::Lang::Ja).unwrap();
    eprintln!("navigator: {} of 2,000 procedures apply", checklist.procedures.len());
    group.bench_function("navigator (budget 1 ms)", |b| {
        b.iter(|| navigator.navigate("gen-event", &answers, event_date, today, tetsuzuki::model::Lang::Ja).unwrap())
    });
    group.bench_function("of which: decoding", |b| b.iter(|| tetsuzuki::model::decode::catalog(&json).unwrap()));
    group.bench_function("serde_json decoding, for comparison", |b| {
        b.iter(|| serde_json::from_str::<CompiledCatalog>(&json).unwrap())
    });
    group.finish();
}

criterion_group!(catalog, benches);
criterion_main!(catalog);
