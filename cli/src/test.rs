//! `tetsuzuki test`: runs the scenario files beside the definitions (`scenarios/` folders
//! under the shared model and under each town's folder), like `cargo test`: a line per scenario
//! and town, then each failure located at the expectation's line with what was expected and
//! what came out. `--format json` and `--format junit` for CI systems; `--update` writes the
//! current outcome into the scenarios that failed, saying each change.
//!
//! `--lang ja` says the scenarios' problems and failures (and the definitions' diagnostics) in
//! Japanese, as `check --lang` does; the run's own words (`running`, `test … ok`, `FAILED`,
//! `test result`) are fixed, like cargo test's, and so are the JSON and JUnit formats.
//!
//! Exit status as `check`'s: 0 when every scenario passes (ignored ones aside), 1 when one
//! fails, is invalid or the definitions have errors, 2 for a usage error (no such path, no
//! scenario file, an unknown `--town`).

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::ValueEnum;
use tetsuzuki::catalog::Catalog;
use tetsuzuki::diagnostic::{Located, Message};
use tetsuzuki::model::{Document, Lang};
use tetsuzuki::scenario::{self, Known, Run, ScenarioFile, Verdict};

use crate::files;
use crate::output::{Failure, err, out};

/// How `tetsuzuki test` reports.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Report {
    /// Like `cargo test`: a line per scenario, then the failures.
    Text,
    /// One JSON object: counts, every run with its mismatches, the problems, the updates.
    Json,
    /// JUnit XML, which CI systems read.
    Junit,
}

/// One scenario run for one town.
struct Tested {
    /// Index of the file.
    file: usize,
    /// Index of the scenario in its file.
    scenario: usize,
    /// `town: name`.
    shown: String,
    run: Run,
}

/// Runs the scenarios under `paths`.
pub fn run(
    paths: &[PathBuf],
    town: Option<&str>,
    filter: Option<&str>,
    report: Report,
    update: bool,
    lang: Lang,
) -> Result<ExitCode, Failure> {
    let roots = if paths.is_empty() { vec![PathBuf::from(".")] } else { paths.to_vec() };
    let loaded = crate::load(&roots)?;
    if loaded.has_errors() {
        err(&loaded.render_in(lang))?;
        err(&format!("{}\n", loaded.tally()))?;
        err("not tested: fix the errors above first\n")?;
        return Ok(ExitCode::from(1));
    }
    let towns: Vec<String> = loaded
        .defs
        .typed()
        .filter_map(|(_, d)| match d {
            Document::Town(t) => Some(t.id.clone()),
            _ => None,
        })
        .collect();
    if towns.is_empty() {
        return Err("no town in the definitions: scenarios run in a town's catalogue (give the towns' folder too)"
            .to_string()
            .into());
    }
    let names: Vec<&str> = towns.iter().map(String::as_str).collect();
    if let Some(t) = town
        && !names.contains(&t)
    {
        return Err(match tetsuzuki::suggest::did_you_mean(t, names.iter().copied()) {
            Some(best) => format!("there is no town `{t}`; did you mean `{best}`?"),
            None => format!("there is no town `{t}`; towns: {}", names.join(", ")),
        }
        .into());
    }
    let found = find_scenarios(&roots)?;
    if found.is_empty() {
        return Err(format!(
            "no scenario files (scenarios/*.yaml) under {}",
            roots.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", ")
        )
        .into());
    }
    // Every town compiled: a model scenario runs in each, and the names of all tell a name that
    // does not exist from one a town does not offer.
    let mut catalogs: Vec<Catalog> = Vec::new();
    for t in &towns {
        let compiled = tetsuzuki::compile::compile(loaded.defs.typed().map(|(_, d)| d), t)
            .map_err(|e| format!("cannot compile {t}: {e}"))?;
        catalogs.push(Catalog::new(compiled));
    }
    let known = Known::of(catalogs.iter().map(Catalog::compiled));

    let mut problems: Vec<Located> = Vec::new();
    let mut sources: Vec<ScenarioFile> = Vec::new();
    for path in &found {
        let name = path.display().to_string();
        match files::read_definition(path) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(text) => sources.push(scenario::read_in(&name, &text, lang)),
                Err(e) => problems.push(scenario::not_utf8(&name, e.utf8_error().valid_up_to(), lang)),
            },
            Err(problem) => problems.push(problem),
        }
    }
    let mut results: Vec<Tested> = Vec::new();
    let mut filtered_out = 0;
    for (fi, file) in sources.iter().enumerate() {
        problems.extend(file.problems.iter().cloned());
        for (si, s) in file.scenarios.iter().enumerate() {
            let runs_in = match s.towns_for(&names) {
                Ok(ts) => ts,
                Err(found) => {
                    problems.extend(found.iter().map(|p| s.locate_in(p, lang)));
                    continue;
                }
            };
            for t in runs_in {
                if town.is_some_and(|only| only != t) {
                    continue;
                }
                let shown = format!("{t}: {}", s.name);
                if filter.is_some_and(|f| !shown.contains(f)) {
                    filtered_out += 1;
                    continue;
                }
                let Some(catalog) = catalogs.iter().find(|c| c.town.id == t) else { continue };
                results.push(Tested { file: fi, scenario: si, shown, run: scenario::run(s, catalog, &known) });
            }
        }
    }
    // A problem found in several towns' runs is said once.
    for r in &results {
        if let Verdict::Invalid(found) = &r.run.verdict {
            let s = &sources[r.file].scenarios[r.scenario];
            for p in found {
                let located = s.locate_in(p, lang);
                if !problems.contains(&located) {
                    problems.push(located);
                }
            }
        }
    }
    problems.sort_by(|a, b| (&a.file, a.line, a.column, a.code).cmp(&(&b.file, b.line, b.column, b.code)));
    let updated = if update { write_updates(&sources, &results)? } else { Vec::new() };
    let counts = Counts::of(&results, &updated, filtered_out, problems.len());
    match report {
        Report::Text => text_report(&sources, &results, &problems, &counts, lang)?,
        Report::Json => json_report(&sources, &results, &problems, &counts, &updated, lang)?,
        Report::Junit => out(&junit_report(&sources, &results, &problems, lang))?,
    }
    if report == Report::Text {
        for u in &updated {
            out(&u.shown(lang))?;
        }
        if !updated.is_empty() || update {
            out(&updated_line(&updated))?;
        }
    } else {
        for u in &updated {
            err(&u.shown(lang))?;
        }
    }
    Ok(if counts.ok() { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

/// The scenario files under `roots`: `.yaml` and `.yml` files inside folders named
/// `scenarios`, in name order. Hidden entries and links are skipped.
fn find_scenarios(roots: &[PathBuf]) -> Result<Vec<PathBuf>, String> {
    let mut found = Vec::new();
    for root in roots {
        let meta = fs::metadata(root).map_err(|e| format!("cannot read {}: {e}", root.display()))?;
        if meta.is_dir() {
            walk(root, false, &mut found);
        }
    }
    found.sort();
    found.dedup();
    Ok(found)
}

fn walk(dir: &Path, inside: bool, found: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else { return };
    let mut entries: Vec<fs::DirEntry> = entries.filter_map(Result::ok).collect();
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Ok(kind) = entry.file_type() else { continue };
        if name.starts_with('.') || kind.is_symlink() {
            continue;
        }
        if kind.is_dir() {
            walk(&entry.path(), inside || name == "scenarios", found);
        } else if inside && (name.ends_with(".yaml") || name.ends_with(".yml")) {
            found.push(entry.path());
        }
    }
}

/// How many runs ended each way.
struct Counts {
    passed: usize,
    failed: usize,
    ignored: usize,
    invalid: usize,
    updated: usize,
    filtered_out: usize,
    problems: usize,
}

impl Counts {
    fn of(results: &[Tested], updated: &[FileUpdate], filtered_out: usize, problems: usize) -> Counts {
        let count = |f: fn(&Verdict) -> bool| results.iter().filter(|r| f(&r.run.verdict)).count();
        let fixed: BTreeSet<(usize, usize)> = updated.iter().flat_map(|u| u.scenarios.iter().copied()).collect();
        Counts {
            passed: count(|v| matches!(v, Verdict::Passed)),
            failed: count(|v| matches!(v, Verdict::Failed(_))),
            ignored: count(|v| matches!(v, Verdict::Ignored(_))),
            invalid: count(|v| matches!(v, Verdict::Invalid(_))),
            updated: results
                .iter()
                .filter(|r| matches!(r.run.verdict, Verdict::Failed(_)) && fixed.contains(&(r.file, r.scenario)))
                .count(),
            filtered_out,
            problems,
        }
    }

    /// Nothing failed (or every failure was written into its scenario), nothing is invalid.
    fn ok(&self) -> bool {
        self.failed == self.updated && self.invalid == 0 && self.problems == 0
    }

    fn line(&self) -> String {
        format!(
            "test result: {}. {} passed; {} failed; {} ignored; {} invalid; {} filtered out{}{}\n",
            match (self.ok(), self.failed) {
                (true, 0) => "ok",
                (true, _) => "updated",
                (false, _) => "FAILED",
            },
            self.passed,
            self.failed,
            self.ignored,
            self.invalid,
            self.filtered_out,
            if self.updated > 0 { format!("; {} updated", self.updated) } else { String::new() },
            match self.problems {
                0 => String::new(),
                1 => "; 1 problem in the scenario files (above)".into(),
                n => format!("; {n} problems in the scenario files (above)"),
            }
        )
    }
}

fn text_report(
    sources: &[ScenarioFile],
    results: &[Tested],
    problems: &[Located],
    counts: &Counts,
    lang: Lang,
) -> Result<(), Failure> {
    let mut text = String::new();
    for p in problems {
        let src = sources.iter().find(|f| f.name == p.file).map_or("", |f| f.text.as_str());
        text.push_str(&scenario::render_problem_in(p, src, lang));
        text.push('\n');
    }
    text.push_str(&format!("running {} scenario{}\n", results.len(), if results.len() == 1 { "" } else { "s" }));
    for r in results {
        let verdict = match &r.run.verdict {
            Verdict::Passed => "ok".to_string(),
            Verdict::Failed(_) => "FAILED".to_string(),
            Verdict::Ignored(why) => format!("ignored, {}", why.say(lang)),
            Verdict::Invalid(_) => "INVALID (see above)".to_string(),
        };
        text.push_str(&format!("test {} ... {verdict}\n", r.shown));
    }
    let failed: Vec<&Tested> = results.iter().filter(|r| matches!(r.run.verdict, Verdict::Failed(_))).collect();
    if !failed.is_empty() {
        text.push_str("\nfailures:\n");
        for r in &failed {
            let file = &sources[r.file];
            let s = &file.scenarios[r.scenario];
            let line = s.position().line;
            text.push_str(&format!("\n---- {} ({}:{line}) ----\n", r.shown, s.file));
            if let Verdict::Failed(ms) = &r.run.verdict {
                let shown: Vec<String> =
                    ms.iter().map(|m| scenario::render_mismatch_in(s, &file.text, m, lang)).collect();
                text.push_str(&shown.join("\n"));
            }
        }
        text.push_str("\nfailures:\n");
        for r in &failed {
            text.push_str(&format!("    {}\n", r.shown));
        }
    }
    text.push('\n');
    text.push_str(&counts.line());
    out(&text)
}

fn json_report(
    sources: &[ScenarioFile],
    results: &[Tested],
    problems: &[Located],
    counts: &Counts,
    updated: &[FileUpdate],
    lang: Lang,
) -> Result<(), Failure> {
    use serde_json::json;
    let runs: Vec<serde_json::Value> = results
        .iter()
        .map(|r| {
            let s = &sources[r.file].scenarios[r.scenario];
            let (status, reason, mismatches) = match &r.run.verdict {
                Verdict::Passed => ("passed", None, Vec::new()),
                Verdict::Failed(ms) => ("failed", None, ms.iter().map(|m| mismatch_json(s, m, lang)).collect()),
                Verdict::Ignored(why) => ("ignored", Some(why.say(lang)), Vec::new()),
                Verdict::Invalid(_) => ("invalid", None, Vec::new()),
            };
            let problems: Vec<Located> = match &r.run.verdict {
                Verdict::Invalid(found) => found.iter().map(|p| s.locate_in(p, lang)).collect(),
                _ => Vec::new(),
            };
            json!({
                "file": s.file,
                "line": s.position().line,
                "scenario": s.name,
                "town": r.run.town,
                "status": status,
                "reason": reason,
                "mismatches": mismatches,
                "problems": problems,
                "outcome": r.run.outcome,
            })
        })
        .collect();
    let value = json!({
        "ok": counts.ok(),
        "passed": counts.passed,
        "failed": counts.failed,
        "ignored": counts.ignored,
        "invalid": counts.invalid,
        "updated": counts.updated,
        "filtered_out": counts.filtered_out,
        "problems": problems,
        "runs": runs,
        "updates": updated.iter().map(|u| json!({
            "file": u.file,
            "changes": u.changes.iter().map(|c| json!({"line": c.line, "old": c.old, "new": c.new})).collect::<Vec<_>>(),
            "skipped": u.skipped.iter().map(|m| m.say(lang)).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
    });
    out(&format!("{}\n", serde_json::to_string_pretty(&value).unwrap_or_default()))
}

fn mismatch_json(s: &scenario::Scenario, m: &scenario::Mismatch, lang: Lang) -> serde_json::Value {
    let (line, column) = mismatch_position(s, m);
    serde_json::json!({
        "file": s.file,
        "line": line,
        "column": column,
        "path": m.path.to_string(),
        "what": m.what.say(lang),
        "expected": m.expected.say(lang),
        "got": m.got.say(lang),
    })
}

/// The line and column a mismatch points at.
fn mismatch_position(s: &scenario::Scenario, m: &scenario::Mismatch) -> (u32, u32) {
    let at = scenario::mismatch_position(s, m);
    (at.line, at.column)
}

/// Text made safe for XML.
fn xml(text: &str) -> String {
    let mut outp = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => outp.push_str("&amp;"),
            '<' => outp.push_str("&lt;"),
            '>' => outp.push_str("&gt;"),
            '"' => outp.push_str("&quot;"),
            '\'' => outp.push_str("&apos;"),
            // Characters XML 1.0 cannot hold.
            c if (c as u32) < 0x20 && !matches!(c, '\n' | '\t' | '\r') => outp.push('\u{FFFD}'),
            c => outp.push(c),
        }
    }
    outp
}

fn junit_report(sources: &[ScenarioFile], results: &[Tested], problems: &[Located], lang: Lang) -> String {
    let mut suites = String::new();
    let (mut all, mut failures, mut errors, mut skipped) = (0, 0, 0, 0);
    for (fi, file) in sources.iter().enumerate() {
        let mine: Vec<&Tested> = results.iter().filter(|r| r.file == fi).collect();
        let file_problems: Vec<&Located> = problems.iter().filter(|p| p.file == file.name).collect();
        let mut cases = String::new();
        let (mut f, mut e, mut s) = (0, 0, 0);
        for r in &mine {
            let sc = &file.scenarios[r.scenario];
            cases.push_str(&format!(
                "    <testcase name=\"{}\" classname=\"{}\" file=\"{}\" line=\"{}\"",
                xml(&sc.name),
                xml(&r.run.town),
                xml(&sc.file),
                sc.position().line
            ));
            match &r.run.verdict {
                Verdict::Passed => cases.push_str("/>\n"),
                Verdict::Failed(ms) => {
                    f += 1;
                    let body: String =
                        ms.iter().map(|m| scenario::render_mismatch_in(sc, &file.text, m, lang)).collect();
                    cases.push_str(&format!(
                        ">\n      <failure message=\"{} expectation{} failed\">{}</failure>\n    </testcase>\n",
                        ms.len(),
                        if ms.len() == 1 { "" } else { "s" },
                        xml(&body)
                    ));
                }
                Verdict::Ignored(why) => {
                    s += 1;
                    let why = why.say(lang);
                    cases.push_str(&format!(">\n      <skipped message=\"{}\"/>\n    </testcase>\n", xml(&why)));
                }
                Verdict::Invalid(found) => {
                    e += 1;
                    let body: String = found
                        .iter()
                        .map(|p| scenario::render_problem_in(&sc.locate_in(p, lang), &file.text, lang))
                        .collect();
                    cases.push_str(&format!(
                        ">\n      <error message=\"invalid scenario\">{}</error>\n    </testcase>\n",
                        xml(&body)
                    ));
                }
            }
        }
        // Problems that kept scenarios from being read: one case for the file.
        let unread: Vec<&&Located> =
            file_problems.iter().filter(|p| !mine.iter().any(|r| is_of_run(r, file, p, lang))).collect();
        if !unread.is_empty() {
            e += 1;
            let body: String = unread.iter().map(|p| scenario::render_problem_in(p, &file.text, lang)).collect();
            cases.push_str(&format!(
                "    <testcase name=\"(reading the file)\" classname=\"scenario file\" file=\"{}\">\n      <error message=\"the file has problems\">{}</error>\n    </testcase>\n",
                xml(&file.name),
                xml(&body)
            ));
        }
        let n = mine.len() + usize::from(!unread.is_empty());
        if n == 0 {
            continue;
        }
        suites.push_str(&format!(
            "  <testsuite name=\"{}\" tests=\"{n}\" failures=\"{f}\" errors=\"{e}\" skipped=\"{s}\">\n{cases}  </testsuite>\n",
            xml(&file.name)
        ));
        all += n;
        failures += f;
        errors += e;
        skipped += s;
    }
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"tetsuzuki test\" tests=\"{all}\" failures=\"{failures}\" errors=\"{errors}\" skipped=\"{skipped}\">\n{suites}</testsuites>\n"
    )
}

/// Whether a located problem is one of an invalid run's (said in that run's case).
fn is_of_run(r: &Tested, file: &ScenarioFile, p: &Located, lang: Lang) -> bool {
    match &r.run.verdict {
        Verdict::Invalid(found) => found.iter().any(|q| file.scenarios[r.scenario].locate_in(q, lang) == *p),
        _ => false,
    }
}

/// A scenario file rewritten by `--update`.
struct FileUpdate {
    file: String,
    changes: Vec<scenario::Change>,
    skipped: Vec<Message>,
    /// The (file, scenario) indexes updated.
    scenarios: Vec<(usize, usize)>,
}

impl FileUpdate {
    /// What changed, as `updated FILE` then each change's lines; what was not updated, and
    /// why, in `lang`.
    fn shown(&self, lang: Lang) -> String {
        let mut text = String::new();
        if !self.changes.is_empty() {
            text.push_str(&format!("\nupdated {}:\n", self.file));
            for c in &self.changes {
                text.push_str(&format!("@@ {}:{} @@\n", self.file, c.line));
                for (sign, line) in c.lines() {
                    text.push_str(&format!("{sign}{line}\n"));
                }
            }
        }
        for s in &self.skipped {
            text.push_str(&format!("not updated in {}: {}\n", self.file, s.say(lang)));
        }
        text
    }
}

fn updated_line(updated: &[FileUpdate]) -> String {
    let files = updated.iter().filter(|u| !u.changes.is_empty()).count();
    format!(
        "\n--update: {files} file{} rewritten; review the changes before committing them\n",
        if files == 1 { "" } else { "s" }
    )
}

/// Writes the current outcome into each file with failed scenarios.
fn write_updates(sources: &[ScenarioFile], results: &[Tested]) -> Result<Vec<FileUpdate>, Failure> {
    let mut updates = Vec::new();
    for (fi, file) in sources.iter().enumerate() {
        if !results.iter().any(|r| r.file == fi && matches!(r.run.verdict, Verdict::Failed(_))) {
            continue;
        }
        let runs: Vec<Vec<&Run>> = (0..file.scenarios.len())
            .map(|si| results.iter().filter(|r| r.file == fi && r.scenario == si).map(|r| &r.run).collect())
            .collect();
        let result = scenario::update(file, &runs);
        let mut scenarios = Vec::new();
        if !result.changes.is_empty() {
            write_whole(Path::new(&file.name), &result.text).map_err(|e| format!("cannot write {}: {e}", file.name))?;
            for (si, s) in file.scenarios.iter().enumerate() {
                // A scenario's reason starts with its name and a colon (in English, as it is read).
                let skipped = result.skipped.iter().any(|k| k.starts_with(&format!("{}:", s.name)));
                if !skipped && runs[si].iter().any(|r| matches!(r.verdict, Verdict::Failed(_))) {
                    scenarios.push((fi, si));
                }
            }
        }
        updates.push(FileUpdate {
            file: file.name.clone(),
            changes: result.changes,
            skipped: result.skipped,
            scenarios,
        });
    }
    Ok(updates)
}

/// Writes `text` over `path` whole or not at all: a hidden temporary file beside it, renamed
/// over it.
fn write_whole(path: &Path, text: &str) -> std::io::Result<()> {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let temp = path.with_file_name(format!(".{name}.tetsuzuki-update"));
    fs::write(&temp, text.as_bytes())?;
    if let Ok(meta) = fs::metadata(path) {
        fs::set_permissions(&temp, meta.permissions()).ok();
    }
    fs::rename(&temp, path).inspect_err(|_| {
        fs::remove_file(&temp).ok();
    })
}
