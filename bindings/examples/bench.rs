//! The Rust side of scripts/bench-python: the same calls as bindings/python/bench.py, straight
//! into core (no FFI), so the Python figures can be read as a ratio.
//!
//! cargo run --release -p tetsuzuki-bindings --example bench -- <sample-catalog.json> <vector.json>

use std::time::Instant;

use tetsuzuki::catalog::Catalog;
use tetsuzuki::date::Date;
use tetsuzuki::model::Lang;

/// The best of 7 rounds of `n` calls, in µs per call (the machine is shared).
fn per_call(label: &str, n: u32, mut f: impl FnMut()) {
    f();
    let mut best = f64::INFINITY;
    for _ in 0..7 {
        let start = Instant::now();
        for _ in 0..n {
            f();
        }
        best = best.min(start.elapsed().as_secs_f64() * 1e6 / f64::from(n));
    }
    println!("{label:<48} {best:>10.2} µs");
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let text = std::fs::read_to_string(&args[1]).expect("sample catalogue");
    let vector: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&args[2]).expect("vector")).expect("vector JSON");
    let answers = vector["answers"].as_object().cloned().unwrap_or_default();
    let today = Date::parse_iso("2026-11-23").unwrap();

    per_call("rust: Catalog::from_json (load + plan)", 5, || {
        std::hint::black_box(Catalog::from_json(&text).unwrap());
    });
    let catalog = Catalog::from_json(&text).unwrap();
    per_call("rust: validate moving-in form (tennyu)", 500, || {
        std::hint::black_box(catalog.validator().validate("tennyu", &answers, today, Lang::Ja).unwrap());
    });
    let mut session = tetsuzuki::session::Session::start(&catalog, &["tennyu"]).unwrap();
    session.set_answer("person.family_name_kana", serde_json::json!("ヤマダ")).unwrap();
    per_call("rust: session.validate_question (keystroke)", 5000, || {
        std::hint::black_box(session.validate_question("person.family_name_kana", today, Lang::Ja).unwrap());
    });
}
