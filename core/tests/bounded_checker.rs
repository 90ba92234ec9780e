//! Bounded work (issue 15): no definition file can stall the checker. For each input that used
//! to cost more than linear time, the check (and the report the CLI renders, and where it
//! applies the compilation) of an input `k` times larger must take well under `k²` times as
//! long: linear work takes about `k` times as long, quadratic work `k²` and cubic work `k³`.
//! The limit is `2.5 × k` (10× for four times the input, 20× for eight times).
//!
//! The tests compare two sizes measured in the same run, never an absolute time: each size is
//! run repeatedly for a tenth of a second at least (so short runs are not noise), and the
//! fastest of three such rounds counts. Each of them failed before the work was bounded.

use std::sync::{Mutex, mpsc};
use std::time::{Duration, Instant};

use tetsuzuki::check::check_sources;
use tetsuzuki::definitions::SourceFile;

/// `k` times the input may take at most `ALLOWANCE × k` times as long.
const ALLOWANCE: f64 = 2.5;

/// One measurement at a time: tests run in parallel, and two measurements would slow each other.
static MEASURING: Mutex<()> = Mutex::new(());

/// The seconds one run of `work` takes: the fastest of three rounds, each repeating it for at
/// least a tenth of a second.
fn seconds_per_run(work: &dyn Fn()) -> f64 {
    let mut best = f64::INFINITY;
    for _ in 0..3 {
        let start = Instant::now();
        let mut runs = 0u32;
        while runs == 0 || start.elapsed() < Duration::from_millis(100) {
            work();
            runs += 1;
        }
        best = best.min(start.elapsed().as_secs_f64() / f64::from(runs));
    }
    best
}

/// Asserts that `work` on the input of size `k × n` takes less than `ALLOWANCE × k` times as
/// long as on the input of size `n`. The larger input runs on its own thread, and its first run
/// is timed on its own: when that alone takes far too long, the test fails without waiting for
/// the rest.
fn assert_scales_linearly(
    what: &str,
    n: usize,
    k: usize,
    input: fn(usize) -> Vec<SourceFile>,
    work: fn(&[SourceFile]),
) {
    let _alone = MEASURING.lock().unwrap_or_else(|e| e.into_inner());
    let max_ratio = ALLOWANCE * k as f64;
    let small = input(n);
    let t_small = seconds_per_run(&|| work(&small));
    let (sender, receiver) = mpsc::channel();
    std::thread::spawn(move || {
        let large = input(k * n);
        let start = Instant::now();
        work(&large);
        let _ = sender.send(start.elapsed().as_secs_f64());
        let _ = sender.send(seconds_per_run(&|| work(&large)));
    });
    let too_slow = |t: f64| {
        format!(
            "{what}: {k}× the input ({} instead of {n}) took {t:.4}s a run, {:.1}× the {t_small:.4}s of {n}",
            k * n,
            t / t_small
        )
    };
    // Only ways out for the failing case, far above what linear work takes.
    let patience = Duration::from_secs_f64(3.0 * max_ratio * t_small + 1.0);
    let first = receiver.recv_timeout(patience).unwrap_or_else(|_| panic!("{}", too_slow(patience.as_secs_f64())));
    assert!(first < 2.0 * max_ratio * t_small + 0.1, "{}", too_slow(first));
    let patience = Duration::from_secs_f64(6.0 * (0.1 + first) + 1.0);
    let t_large = receiver.recv_timeout(patience).unwrap_or_else(|_| panic!("{}", too_slow(first)));
    let ratio = t_large / t_small;
    eprintln!("{what}: {n} → {t_small:.4}s a run, {} → {t_large:.4}s ({ratio:.1}×)", k * n);
    assert!(ratio < max_ratio, "{}; linear work takes about {k}×", too_slow(t_large));
}

/// What the CLI's `check` does: read, check, and render every diagnostic.
fn check_and_render(files: &[SourceFile]) {
    let (defs, diagnostics) = check_sources(files.to_vec());
    std::hint::black_box(defs.render(&diagnostics));
}

/// What the CLI's `compile` does: check, then compile the town `oishida`.
fn check_and_compile(files: &[SourceFile]) {
    let (defs, diagnostics) = check_sources(files.to_vec());
    assert!(diagnostics.is_empty(), "{}", defs.render(&diagnostics));
    let catalog = tetsuzuki::compile::compile(defs.typed().map(|(_, d)| d), "oishida").expect("compiles");
    std::hint::black_box(catalog);
}

const PROCEDURE: &str = "kind: procedure
id: tennyu
version: 1.0.0
title: {ja: 転入届, en: Notification of moving in}
type: notification
department: juumin
";

const TOWN: &str = "kind: town
id: oishida
code: \"063410\"
name: {ja: 大石田町, en: Oishida Town}
prefecture: {ja: 山形県, en: Yamagata Prefecture}
departments:
  - id: juumin
    name: {ja: 窓口, en: Counter}
procedures:
  - procedure: tennyu
";

fn file(text: String) -> Vec<SourceFile> {
    vec![SourceFile::new("generated.yaml", text)]
}

/// A concept and a department whose ids have `n` characters, each referred to by an id that
/// differs in its last letter.
fn long_ids(n: usize) -> Vec<SourceFile> {
    let id = "a".repeat(n);
    let typo = format!("{}b", &id[1..]);
    file(format!(
        "kind: vocabulary
concepts:
  - {{id: x.{id}, label: {{ja: 日, en: Date}}, type: date}}
---
{}department: {typo}
form:
  pages:
    - id: move
      title: {{ja: 引っ越し, en: Your move}}
      fields:
        - {{id: move_date, concept: x.{typo}}}
---
kind: town
id: oishida
code: \"063410\"
name: {{ja: 大石田町, en: Oishida Town}}
prefecture: {{ja: 山形県, en: Yamagata Prefecture}}
departments:
  - {{id: {id}, name: {{ja: 窓口, en: Counter}}}}
procedures:
  - procedure: tennyu
",
        PROCEDURE.replace("department: juumin\n", "")
    ))
}

#[test]
fn a_suggestion_costs_no_more_for_longer_ids() {
    assert_scales_linearly("two ids differing in one letter", 2_000, 8, long_ids, check_and_render);
}

/// A concept with `n` keys the format does not know.
fn unknown_keys(n: usize) -> Vec<SourceFile> {
    let mut text =
        String::from("kind: vocabulary\nconcepts:\n  - id: move.date\n    label: {ja: 日, en: Date}\n    type: date\n");
    for i in 0..n {
        text.push_str(&format!("    key_{i:07}: 1\n"));
    }
    file(text)
}

#[test]
fn many_unknown_keys_cost_linear_time() {
    assert_scales_linearly("unknown keys in one mapping", 2_500, 8, unknown_keys, check_and_render);
}

/// A concept with its `type` written `n` more times.
fn duplicate_keys(n: usize) -> Vec<SourceFile> {
    let mut text =
        String::from("kind: vocabulary\nconcepts:\n  - id: move.date\n    label: {ja: 日, en: Date}\n    type: date\n");
    for _ in 0..n {
        text.push_str("    type: date\n");
    }
    file(text)
}

#[test]
fn many_duplicated_keys_cost_linear_time() {
    assert_scales_linearly("a key written many times", 2_000, 8, duplicate_keys, check_and_render);
}

/// `n` concepts and `n` fields each naming a concept nobody defined (a "did you mean" each).
fn dangling_concepts(n: usize) -> Vec<SourceFile> {
    let mut text = String::from("kind: vocabulary\nconcepts:\n");
    for i in 0..n {
        text.push_str(&format!("  - {{id: c.x{i:07}, label: {{ja: 日, en: Date}}, type: date}}\n"));
    }
    text.push_str("---\n");
    text.push_str(PROCEDURE);
    text.push_str("form:\n  pages:\n    - id: p\n      title: {ja: 日, en: Date}\n      fields:\n");
    for i in 0..n {
        text.push_str(&format!("        - {{id: f{i}, concept: c.y{i:07}}}\n"));
    }
    file(text)
}

#[test]
fn many_dangling_references_cost_linear_time() {
    assert_scales_linearly("fields naming unknown concepts", 250, 8, dangling_concepts, check_and_render);
}

/// A form of `n` fields, each shown only when the next one is answered (no circle).
fn show_if_chain(n: usize) -> Vec<SourceFile> {
    let mut text = String::from(PROCEDURE);
    text.push_str("form:\n  pages:\n    - id: p\n      title: {ja: 日, en: Date}\n      fields:\n");
    for i in 0..n {
        let condition = if i + 1 < n { format!("f{}", i + 1) } else { "true".to_string() };
        text.push_str(&format!(
            "        - {{id: f{i}, type: boolean, label: {{ja: 質問, en: Question}}, show_if: \"{condition}\"}}\n"
        ));
    }
    text.push_str("---\n");
    text.push_str(TOWN);
    file(text)
}

#[test]
fn a_long_chain_of_conditions_is_checked_and_compiled_in_linear_time() {
    assert_scales_linearly("a chain of show_if", 256, 4, show_if_chain, check_and_compile);
}

/// A form of `n` fields, each shown only when the next one is answered, the last when the first
/// is: one circle.
fn show_if_circle(n: usize) -> Vec<SourceFile> {
    let mut text = String::from(PROCEDURE);
    text.push_str("form:\n  pages:\n    - id: p\n      title: {ja: 日, en: Date}\n      fields:\n");
    for i in 0..n {
        text.push_str(&format!(
            "        - {{id: f{i}, type: boolean, label: {{ja: 質問, en: Question}}, show_if: \"f{}\"}}\n",
            (i + 1) % n
        ));
    }
    file(text)
}

#[test]
fn a_long_circle_of_conditions_is_reported_once_in_linear_time() {
    assert_scales_linearly("a circle of show_if", 256, 4, show_if_circle, check_and_render);
    let (defs, diagnostics) = check_sources(show_if_circle(1_000));
    let codes: Vec<&str> = diagnostics.iter().map(|d| d.code).collect();
    assert_eq!(codes, ["cyclic-condition"], "{}", defs.render(&diagnostics));
    assert!(diagnostics[0].message.contains("`f0` → `f1` →"), "{}", diagnostics[0].message);
    assert!(diagnostics[0].message.contains("(989 more) → `f999` → `f0`"), "{}", diagnostics[0].message);
}

/// A form of `n` fields, and a town adding a rule to each.
fn town_rules(n: usize) -> Vec<SourceFile> {
    let mut text = String::from(PROCEDURE);
    text.push_str("form:\n  pages:\n    - id: p\n      title: {ja: 日, en: Date}\n      fields:\n");
    for i in 0..n {
        text.push_str(&format!(
            "        - {{id: f{i}, type: text, label: {{ja: 部屋番号, en: Flat number}}, required: false}}\n"
        ));
    }
    text.push_str("---\n");
    text.push_str(TOWN);
    text.push_str("    fields:\n");
    for i in 0..n {
        text.push_str(&format!(
            "      - field: f{i}\n        rules:\n          - {{id: r{i}, check: \"f{i}.size() < 9\", message: {{ja: 長すぎます, en: Too long}}, fix: {{ja: 短くしてください, en: Write a shorter one}}}}\n"
        ));
    }
    file(text)
}

#[test]
fn rules_a_town_adds_are_checked_and_compiled_in_linear_time() {
    assert_scales_linearly("rules a town adds", 1_000, 8, town_rules, check_and_compile);
}

#[test]
fn each_kind_of_mistake_is_listed_a_hundred_times_per_file_then_summed_up() {
    let (defs, diagnostics) = check_sources(unknown_keys(250));
    let listed = diagnostics.iter().filter(|d| d.code == "unknown-key").count();
    assert_eq!(listed, tetsuzuki::diagnostic::MAX_PER_CODE_PER_FILE);
    let summary: Vec<_> = diagnostics.iter().filter(|d| d.code == "too-many-diagnostics").collect();
    assert_eq!(summary.len(), 1, "{}", defs.render(&diagnostics));
    assert!(summary[0].message.starts_with("150 more `unknown-key` errors in this file"), "{}", summary[0].message);
    // It points at the first one left out, the 101st unknown key (line 5 + 101).
    let at = defs.locate(summary[0]);
    assert_eq!((at.line, at.column), (106, 5));

    // Fields naming unknown concepts: the first hundred with a suggestion, then the summary.
    let (defs, diagnostics) = check_sources(dangling_concepts(300));
    let dangling: Vec<_> = diagnostics.iter().filter(|d| d.code == "dangling-concept").collect();
    assert_eq!(dangling.len(), 100);
    assert!(dangling.iter().all(|d| d.fix.as_deref().is_some_and(|f| f.starts_with("did you mean"))));
    let rendered = defs.render(&diagnostics);
    assert!(rendered.contains("error[too-many-diagnostics]: 200 more `dangling-concept` errors"), "{rendered}");
}

#[test]
fn a_whole_file_on_one_line_is_shown_around_the_mistake() {
    // Flow style on one line: the report shows the part of the line around each mistake.
    let concepts: Vec<String> =
        (0..2_000).map(|i| format!("{{id: c.x{i:05}, label: {{ja: 日, en: Date}}, type: date, typo{i}: 1}}")).collect();
    let text = format!("{{kind: vocabulary, concepts: [{}]}}\n", concepts.join(", "));
    let (defs, diagnostics) = check_sources(file(text));
    let rendered = defs.render(&diagnostics);
    assert!(rendered.len() < 200_000, "the report repeats the whole line: {} bytes", rendered.len());
    assert!(rendered.contains("| ..."), "{}", &rendered[..2_000.min(rendered.len())]);
}
