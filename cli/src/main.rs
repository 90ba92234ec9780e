//! `tetsuzuki`: the command line for definition authors.
//!
//! A thin adapter: it finds files, reads them and prints; every rule lives in the core crate.
//! Files are read within bounds (`files`) and output never panics (`output`).

mod files;
mod fmt;
mod output;
mod preview;
mod test;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use tetsuzuki::catalog::CompiledCatalog;
use tetsuzuki::definitions::{Definitions, SourceFile};
use tetsuzuki::diagnostic::{Diagnostic, Located, Severity};
use tetsuzuki::model::Lang;

use crate::files::{ANSWERS_LIMIT, CATALOG_LIMIT};
use crate::output::{Failure, err, out};

/// Check, compile and try tetsuzuki procedure definitions.
#[derive(Parser)]
#[command(name = "tetsuzuki", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check definition files and report every problem, with file:line:column and a fix.
    Check {
        /// Files or folders (searched for .yaml/.yml files). Default: the current folder.
        paths: Vec<PathBuf>,
        /// `text` (like a compiler) or `json` (an array of {file, line, column, severity, code, message, fix}).
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Language of the diagnostics: en, ja (ja-easy says them as ja).
        #[arg(long, default_value = "en")]
        lang: String,
    },
    /// Compile one town's catalogue into canonical JSON (checks first; errors stop it).
    Compile {
        /// Files or folders of the model and its towns. Default: the current folder.
        paths: Vec<PathBuf>,
        /// The town's id.
        #[arg(long)]
        town: String,
        /// Where to write the catalogue ("-" for standard output).
        #[arg(short, long)]
        output: PathBuf,
    },
    /// Say what a compiled catalogue holds, and how far its procedures can be done online: the
    /// ratio a town reports as デジタル完結可能な手続数割合 (docs/format.md).
    Summary {
        /// The compiled catalogue (JSON).
        catalog: PathBuf,
        /// `json` (the counts, with `digital`: online, prepared, counter, authority, ratio and
        /// the ids of each) or `text` (readable).
        #[arg(long, value_enum, default_value_t = Format::Json)]
        format: Format,
        /// Language of the text (`--format text`): en, ja (ja-easy says it as ja).
        #[arg(long, default_value = "en")]
        lang: String,
    },
    /// List the field-level changes between two catalogues: procedures and fields added or
    /// removed, types, constraints, texts, rules, deadlines and versions. Each side is a
    /// compiled catalogue (.json) or a folder of definitions compiled for `--town`.
    Diff {
        /// The old side: a compiled catalogue or a definitions folder.
        old: PathBuf,
        /// The new side: a compiled catalogue or a definitions folder.
        new: PathBuf,
        /// The town to compile folders for.
        #[arg(long)]
        town: Option<String>,
        /// `text` (readable) or `json` (an array of {kind, aspect, procedure, path, old, new}).
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Lay definition files out in the canonical layout (key order, quoting, indentation),
    /// keeping every comment; a file is written only if it reads back as the same values.
    Fmt {
        /// Files or folders (searched for .yaml/.yml files). Default: the current folder.
        paths: Vec<PathBuf>,
        /// Write nothing: list the files that would change, with their first changed lines,
        /// and exit with status 1 if there are any.
        #[arg(long)]
        check: bool,
    },
    /// Print the JSON Schema of the definition format (with `--scenario`: of scenario files).
    Schema {
        /// The schema of scenario files (`tetsuzuki test`) instead.
        #[arg(long)]
        scenario: bool,
    },
    /// Run the scenario files (`scenarios/*.yaml` beside the definitions) like `cargo test`: a
    /// line per scenario and town, each failure located with what was expected and what came
    /// out (docs/SCENARIOS.md).
    Test {
        /// Folders of the model and its towns, searched for definitions and `scenarios/`
        /// folders. Default: the current folder.
        paths: Vec<PathBuf>,
        /// Run only for this town.
        #[arg(long)]
        town: Option<String>,
        /// Run only the scenarios whose `town: name` contains this text.
        #[arg(long)]
        filter: Option<String>,
        /// `text` (like cargo test), `json` or `junit` (XML for CI systems).
        #[arg(long, value_enum, default_value_t = test::Report::Text)]
        format: test::Report,
        /// Write the current outcome into the expectations that fail, and show each change.
        #[arg(long)]
        update: bool,
        /// Language of the scenarios' problems and failures: en, ja (ja-easy says them as ja).
        #[arg(long, default_value = "en")]
        lang: String,
    },
    /// Serve the town's catalogue on 127.0.0.1 with the widget, compiled again on every save:
    /// the page follows within a second, shows the checker's diagnostics while the definitions
    /// have errors (keeping the last good catalogue), and says which file to edit for each
    /// question.
    Preview {
        /// Folders of the model and its towns. Default: the current folder.
        paths: Vec<PathBuf>,
        /// The town's id.
        #[arg(long)]
        town: String,
        /// The port on 127.0.0.1 (0 picks a free one).
        #[arg(long, default_value_t = preview::DEFAULT_PORT)]
        port: u16,
        /// The widget's folder (`dist/` of `scripts/build-wasm`, or the npm package). Default:
        /// ./dist, ./node_modules/@tetsuzuki/widget, then the repository's dist/.
        #[arg(long, value_name = "DIR")]
        widget: Option<PathBuf>,
        /// Language of the diagnostics: en, ja (ja-easy says them as ja).
        #[arg(long, default_value = "en")]
        lang: String,
    },
    /// Try one value of one field type: prints JSON {valid, normalized, issues}.
    ///
    /// A value that starts with `-` (a negative number such as `-5`) is read as the value; to
    /// be sure it is never taken for an option, put it after `--`: `check-value integer -- -5`.
    CheckValue {
        /// The field type (`postal_code`, `date`, `my_number`…).
        #[arg(value_name = "TYPE")]
        field_type: String,
        /// The value as a resident would type it (JSON is read for lists and objects). One that
        /// starts with `-` may also be given after `--`.
        #[arg(allow_hyphen_values = true)]
        value: String,
        /// Language of the messages: ja, en or ja-easy.
        #[arg(long, default_value = "ja")]
        lang: String,
        /// Today's date (YYYY-MM-DD); default: the system's date.
        #[arg(long)]
        today: Option<String>,
    },
    /// Run the life-event navigator: the questions to ask, and the checklist of procedures.
    Navigate {
        /// The compiled catalogue (JSON).
        #[arg(long)]
        catalog: PathBuf,
        /// The life event's id (`moving-in`).
        #[arg(long)]
        event: String,
        /// A JSON file of screening answers: {"question_id": value, ...} (default: none).
        #[arg(long)]
        answers: Option<PathBuf>,
        /// The date of the event (YYYY-MM-DD), from which deadlines count.
        #[arg(long)]
        date: Option<String>,
        /// Today's date (YYYY-MM-DD); default: the system's date.
        #[arg(long)]
        today: Option<String>,
        /// Language of the checklist and of the text's own words: ja, en or ja-easy.
        #[arg(long, default_value = "ja")]
        lang: String,
        /// `text` (readable) or `json`.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Also write the due dates as an iCalendar file (RFC 5545) here, for phones to import.
        #[arg(long, value_name = "FILE")]
        ics: Option<PathBuf>,
        /// The text the calendar's event ids are made from (the same one updates the events on
        /// a new import). Default: the life event's id.
        #[arg(long, requires = "ics")]
        ics_seed: Option<String>,
    },
    /// Plan the one-stop session of a life event: its online procedures, their fields in all,
    /// the questions asked once, and how many the screening answers already give (JSON).
    Plan {
        /// The compiled catalogue (JSON).
        #[arg(long)]
        catalog: PathBuf,
        /// The life event's id.
        #[arg(long)]
        event: String,
        /// A JSON file of screening answers (default: none).
        #[arg(long)]
        answers: Option<PathBuf>,
        /// The date of the event (YYYY-MM-DD).
        #[arg(long)]
        date: Option<String>,
        /// Today's date (YYYY-MM-DD); default: the system's date.
        #[arg(long)]
        today: Option<String>,
    },
    /// Validate answers to one procedure of a compiled catalogue: prints the issues as JSON.
    Validate {
        /// The compiled catalogue (JSON).
        #[arg(long)]
        catalog: PathBuf,
        /// The procedure's id.
        #[arg(long)]
        procedure: String,
        /// A JSON file of answers: {"field_id": value, ...}.
        #[arg(long)]
        answers: PathBuf,
        /// Language of the messages: ja, en or ja-easy.
        #[arg(long, default_value = "ja")]
        lang: String,
        /// Today's date (YYYY-MM-DD); default: the system's date.
        #[arg(long)]
        today: Option<String>,
    },
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Text,
    Json,
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        // Help, the version, or a usage error (exit status 2), written without panicking.
        Err(e) => {
            return match e.print() {
                Err(write) if write.kind() == std::io::ErrorKind::BrokenPipe => {
                    ExitCode::from(output::OUTPUT_CLOSED_STATUS)
                }
                _ => ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2)),
            };
        }
    };
    run(cli.command).unwrap_or_else(Failure::report)
}

/// Runs one command: its exit status, or why it stopped.
fn run(command: Command) -> Result<ExitCode, Failure> {
    match command {
        Command::Check { paths, format, lang } => {
            let lang = lang_named(&lang)?;
            let loaded = load(&paths)?;
            report(&loaded, format, lang)?;
            if format == Format::Text {
                err(&format!("{}\n", loaded.tally()))?;
            }
            Ok(if loaded.has_errors() { ExitCode::from(1) } else { ExitCode::SUCCESS })
        }
        Command::Compile { paths, town, output } => {
            let loaded = load(&paths)?;
            if loaded.has_errors() {
                err(&loaded.render())?;
                err(&format!("{}\n", loaded.tally()))?;
                err("not compiled: fix the errors above first\n")?;
                return Ok(ExitCode::from(1));
            }
            // Warnings go to standard error, so `-o -` writes the catalogue alone.
            err(&loaded.render())?;
            let catalog =
                tetsuzuki::compile::compile(loaded.defs.typed().map(|(_, d)| d), &town).map_err(|e| e.to_string())?;
            let json = catalog.to_json();
            if output.as_os_str() == "-" {
                // Byte for byte what was hashed: no trailing newline.
                out(&json)?;
            } else {
                std::fs::write(&output, json.as_bytes())
                    .map_err(|e| format!("cannot write {}: {e}", output.display()))?;
                let s = catalog.summary();
                err(&format!(
                    "compiled {} ({}): {} procedures, {} life events, {} concepts, {} code lists, {} fields → {} ({} bytes, {})\n",
                    s.town_name,
                    s.town_id,
                    s.procedures,
                    s.life_events,
                    s.concepts,
                    s.code_lists,
                    s.fields,
                    output.display(),
                    json.len(),
                    s.content_hash
                ))?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Summary { catalog, format, lang } => {
            let lang = lang_named(&lang)?;
            let text = read_catalog_text(&catalog)?;
            match CompiledCatalog::from_json(&text) {
                Ok(c) => {
                    let digital = c.digital_summary();
                    match format {
                        Format::Json => {
                            let mut value = serde_json::to_value(c.summary()).unwrap_or_default();
                            if let Some(o) = value.as_object_mut() {
                                o.insert("digital".into(), serde_json::to_value(&digital).unwrap_or_default());
                            }
                            out_json(&value)?;
                        }
                        Format::Text => out(&readable_summary(&c.summary(), &digital, lang))?,
                    }
                    Ok(ExitCode::SUCCESS)
                }
                Err(e) => {
                    err(&format!("error[{}]: {e}\n", e.code()))?;
                    Ok(ExitCode::from(1))
                }
            }
        }
        Command::CheckValue { field_type, value, lang, today } => {
            let ty = field_type_named(&field_type)?;
            let lang = lang_named(&lang)?;
            let today = today_or(today.as_deref())?;
            // Lists and objects (multi-choice, address, file) are given as JSON; anything else
            // is the text as typed.
            let answer = match value.trim_start().chars().next() {
                Some('[' | '{') => {
                    serde_json::from_str(&value).map_err(|e| format!("the value looks like JSON but is not: {e}"))?
                }
                _ => serde_json::Value::String(value),
            };
            let result = tetsuzuki::validate::check_value(ty, &answer, today, lang);
            out_json(&result)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Validate { catalog, procedure, answers, lang, today } => {
            let lang = lang_named(&lang)?;
            let today = today_or(today.as_deref())?;
            let catalog = read_catalog(&catalog)?;
            let answers = read_answers(Some(&answers))?;
            let validator = tetsuzuki::validate::Validator::new(&catalog);
            let result = validator.validate(&procedure, &answers, today, lang).map_err(|e| e.to_string())?;
            out_json(&result)?;
            Ok(if result.has_errors() { ExitCode::from(1) } else { ExitCode::SUCCESS })
        }
        Command::Plan { catalog, event, answers, date, today } => {
            let today = today_or(today.as_deref())?;
            let date = date_arg(date.as_deref())?;
            let catalog = read_catalog(&catalog)?;
            let answers = read_answers(answers.as_deref())?;
            let plan = tetsuzuki::navigate::Navigator::new(&catalog)
                .plan(&event, &answers, date, today)
                .map_err(|e| e.to_string())?;
            out_json(&plan)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Navigate { catalog, event, answers, date, today, lang, format, ics, ics_seed } => {
            let lang = lang_named(&lang)?;
            let today = today_or(today.as_deref())?;
            let date = date_arg(date.as_deref())?;
            let catalog = read_catalog(&catalog)?;
            let answers = read_answers(answers.as_deref())?;
            let checklist = tetsuzuki::navigate::navigate(&catalog, &event, &answers, date, today, lang)
                .map_err(|e| e.to_string())?;
            match format {
                Format::Json => out_json(&checklist)?,
                Format::Text => out(&readable_checklist(&checklist, lang))?,
            }
            if let Some(path) = ics {
                let seed = ics_seed.unwrap_or_else(|| event.clone());
                let text =
                    tetsuzuki::calendar::checklist_calendar(&catalog, &checklist, &[], lang, now_stamp()?, &seed);
                std::fs::write(&path, text.as_bytes()).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Diff { old, new, town, format } => {
            let old = catalog_or_compile(&old, town.as_deref())?;
            let new = catalog_or_compile(&new, town.as_deref())?;
            let changes = tetsuzuki::diff::catalogs(&old, &new);
            match format {
                Format::Json => out_json(&changes)?,
                Format::Text => out(&tetsuzuki::diff::render(&changes))?,
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Fmt { paths, check } => fmt::run(&paths, check),
        Command::Schema { scenario } => {
            out(&if scenario {
                tetsuzuki::scenario::schema::scenario_schema_text()
            } else {
                tetsuzuki::schema::definition_schema_text()
            })?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Test { paths, town, filter, format, update, lang } => {
            test::run(&paths, town.as_deref(), filter.as_deref(), format, update, lang_named(&lang)?)
        }
        Command::Preview { paths, town, port, widget, lang } => preview::run(preview::Options {
            paths: &paths,
            town: &town,
            port,
            widget: widget.as_deref(),
            lang: lang_named(&lang)?,
        }),
    }
}

/// Definition files read and checked together, with the files that could not be read.
struct Loaded {
    /// The files read, and their documents.
    defs: Definitions,
    /// What the checker found in them.
    diagnostics: Vec<Diagnostic>,
    /// Files and folders refused or unreadable, located at their path.
    problems: Vec<Located>,
}

impl Loaded {
    /// Whether any file was refused or any error was found.
    fn has_errors(&self) -> bool {
        self.problems.iter().any(|p| p.severity == Severity::Error)
            || self.diagnostics.iter().any(|d| d.severity == Severity::Error)
    }

    /// Every problem and diagnostic rendered like a compiler's: the files not read first.
    fn render(&self) -> String {
        self.render_in(Lang::En)
    }

    /// [`Loaded::render`], the diagnostics said in `lang`.
    fn render_in(&self, lang: Lang) -> String {
        let mut text: String = self.problems.iter().map(|p| format!("{}\n", p.render(""))).collect();
        text.push_str(&self.defs.render_in(&self.diagnostics, lang));
        text
    }

    /// Every problem and diagnostic located, as `check --format json` prints them.
    fn located(&self, lang: Lang) -> Vec<Located> {
        self.problems.iter().cloned().chain(self.diagnostics.iter().map(|d| self.defs.locate_in(d, lang))).collect()
    }

    /// The closing line of `check`: files, documents, errors and warnings.
    fn tally(&self) -> String {
        let severities = || self.problems.iter().map(|p| p.severity).chain(self.diagnostics.iter().map(|d| d.severity));
        let errors = severities().filter(|s| *s == Severity::Error).count();
        let warnings = severities().count() - errors;
        let not_read = self.problems.iter().filter(|p| p.severity == Severity::Error).count();
        format!(
            "checked {} files ({} documents){}: {errors} error{}, {warnings} warning{}",
            self.defs.files.len(),
            self.defs.documents.len(),
            if not_read == 0 { String::new() } else { format!(", {not_read} not read") },
            if errors == 1 { "" } else { "s" },
            if warnings == 1 { "" } else { "s" }
        )
    }
}

/// Reads every definition file under `paths` and checks them together. Files that cannot be
/// read are problems of the result; only a path that does not exist, or finding no definition
/// file at all, is an error.
fn load(paths: &[PathBuf]) -> Result<Loaded, String> {
    let roots = if paths.is_empty() { vec![PathBuf::from(".")] } else { paths.to_vec() };
    let found = files::find_definitions(&roots)?;
    if found.files.is_empty() && found.problems.is_empty() {
        return Err(format!(
            "no definition files (.yaml, .yml) under {}",
            roots.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", ")
        ));
    }
    let mut problems = found.problems;
    let mut sources = Vec::with_capacity(found.files.len());
    for f in &found.files {
        match files::read_definition(f) {
            Ok(bytes) => sources.push(SourceFile::from_bytes(f.display().to_string(), &bytes)),
            Err(problem) => problems.push(problem),
        }
    }
    problems.sort_by(|a, b| a.file.cmp(&b.file));
    let (defs, diagnostics) = tetsuzuki::check::check_sources(sources);
    Ok(Loaded { defs, diagnostics, problems })
}

/// Prints the result of `check` on standard output, as text or JSON.
fn report(loaded: &Loaded, format: Format, lang: Lang) -> Result<(), Failure> {
    match format {
        Format::Text => out(&loaded.render_in(lang)),
        Format::Json => {
            out(&format!("{}\n", serde_json::to_string_pretty(&loaded.located(lang)).unwrap_or_else(|_| "[]".into())))
        }
    }
}

/// Prints a value as pretty JSON, with a newline, on standard output.
fn out_json(value: &impl serde::Serialize) -> Result<(), Failure> {
    out(&format!("{}\n", serde_json::to_string_pretty(value).unwrap_or_default()))
}

/// The field type named `name`, or an error suggesting the closest name.
fn field_type_named(name: &str) -> Result<tetsuzuki::model::FieldType, String> {
    use tetsuzuki::model::FieldType;
    FieldType::ALL.into_iter().find(|t| t.name() == name).ok_or_else(|| {
        let names: Vec<&str> = FieldType::ALL.iter().map(|t| t.name()).collect();
        match tetsuzuki::suggest::did_you_mean(name, names.iter().copied()) {
            Some(best) => format!("unknown field type `{name}`; did you mean `{best}`?"),
            None => format!("unknown field type `{name}`; types: {}", names.join(", ")),
        }
    })
}

/// The language of the tag `tag` (`ja`, `en`, `ja-easy`).
fn lang_named(tag: &str) -> Result<tetsuzuki::model::Lang, String> {
    tetsuzuki::model::Lang::from_tag(tag).ok_or_else(|| format!("unknown language `{tag}`; use ja, en or ja-easy"))
}

/// Today's date: given, or the system's (the CLI reads the clock so the core never does).
fn today_or(given: Option<&str>) -> Result<tetsuzuki::date::Date, String> {
    match given {
        Some(s) => tetsuzuki::date::Date::parse_iso(s).ok_or_else(|| format!("`{s}` is not a date; write YYYY-MM-DD")),
        None => {
            let secs = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_err(|e| e.to_string())?
                .as_secs() as i64;
            // Japan Standard Time (UTC+9): the day residents live in.
            tetsuzuki::date::Date::from_days((secs + 9 * 3600).div_euclid(86_400))
                .ok_or_else(|| "the system clock is out of range".to_string())
        }
    }
}

/// Now, in UTC, for a calendar's `DTSTAMP` (the CLI reads the clock so the core never does).
fn now_stamp() -> Result<tetsuzuki::calendar::Stamp, String> {
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_err(|e| e.to_string())?.as_secs();
    let day = tetsuzuki::date::Date::from_days((secs / 86_400) as i64);
    let (h, m, s) = ((secs % 86_400 / 3600) as u8, (secs % 3600 / 60) as u8, (secs % 60) as u8);
    day.and_then(|d| tetsuzuki::calendar::Stamp::new(d, h, m, s))
        .ok_or_else(|| "the system clock is out of range".to_string())
}

/// A message of the authors' catalogue (`core/messages/<lang>/check.ftl`, ids `cli-…`), built
/// as the core's `msg!` builds one: the CLI's words are the catalogue's, in `--lang`.
macro_rules! msg {
    ($id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        tetsuzuki::diagnostic::Message::new(
            $id,
            vec![$((stringify!($name), tetsuzuki::diagnostic::IntoArg::into_arg($value))),*],
        )
    };
}

/// `summary --format text`: the counts, then how far the procedures can be done online.
fn readable_summary(
    s: &tetsuzuki::catalog::CatalogSummary,
    d: &tetsuzuki::model::catalog::DigitalSummary,
    lang: tetsuzuki::model::Lang,
) -> String {
    let counts = msg!(
        "cli-summary-counts",
        town = &s.town_name,
        id = &s.town_id,
        procedures = s.procedures,
        life_events = s.life_events,
        concepts = s.concepts,
        code_lists = s.code_lists,
        fields = s.fields
    );
    let mut out = format!("{}\n", counts.say(lang));
    let ratio = d.ratio.map_or_else(|| "-".to_string(), |r| format!("{:.1}%", r * 100.0));
    let kpi = msg!("cli-summary-ratio", online = d.online, procedures = d.resident_procedures, ratio = ratio);
    out.push_str(&format!("{}\n", kpi.say(lang)));
    for (label, ids) in [
        (msg!("cli-summary-online"), &d.ids.online),
        (msg!("cli-summary-prepared"), &d.ids.prepared),
        (msg!("cli-summary-counter"), &d.ids.counter),
        (msg!("cli-summary-authority"), &d.ids.authority),
    ] {
        out.push_str(&format!("  {}: {}", label.say(lang), ids.len()));
        if !ids.is_empty() {
            out.push_str(&format!(" — {}", ids.join(", ")));
        }
        out.push('\n');
    }
    out
}

/// The checklist as a person reads it, in `lang` (its labels come from the core, its own words
/// from the catalogue).
fn readable_checklist(c: &tetsuzuki::navigate::Checklist, lang: tetsuzuki::model::Lang) -> String {
    let mut out = String::new();
    let unanswered: Vec<&str> = c.questions.iter().filter(|q| !q.answered).map(|q| q.label.as_str()).collect();
    if !unanswered.is_empty() {
        out.push_str("? ");
        out.push_str(&unanswered.join("\n? "));
        out.push_str("\n\n");
    }
    for i in &c.issues {
        out.push_str(&format!("! {}: {} ({})\n", i.field, i.message, i.fix));
    }
    for item in &c.procedures {
        let due = item.due.map(|d| d.date.to_string()).unwrap_or_else(|| "-".into());
        let online = if item.online_now { msg!("cli-checklist-online") } else { msg!("cli-checklist-counter") };
        out.push_str(&format!("[{due}] {} ({}) — {}\n", item.title, online.say(lang), item.reason));
        if let Some(contact) = &item.contact {
            out.push_str(&format!("           {} {}\n", contact.department, contact.phone.as_deref().unwrap_or("")));
        }
    }
    for item in &c.town_actions {
        out.push_str(&format!("[{}] {} — {}\n", msg!("cli-checklist-town").say(lang), item.title, item.reason));
    }
    out
}

/// The date given as YYYY-MM-DD, if one was given.
fn date_arg(given: Option<&str>) -> Result<Option<tetsuzuki::date::Date>, String> {
    given
        .map(|d| tetsuzuki::date::Date::parse_iso(d).ok_or_else(|| format!("`{d}` is not a date; write YYYY-MM-DD")))
        .transpose()
}

/// The text of a compiled catalogue file, read within [`CATALOG_LIMIT`].
fn read_catalog_text(path: &Path) -> Result<String, String> {
    files::read_input(path, CATALOG_LIMIT, "a compiled catalogue", "give the catalogue that `tetsuzuki compile` wrote")
}

/// A compiled catalogue read from a file (within [`CATALOG_LIMIT`]) and checked.
fn read_catalog(path: &Path) -> Result<CompiledCatalog, String> {
    let text = read_catalog_text(path)?;
    CompiledCatalog::from_json(&text).map_err(|e| format!("{}: {e}", path.display()))
}

/// A compiled catalogue read from a file, or a folder of definitions checked and compiled
/// for `town`.
fn catalog_or_compile(path: &Path, town: Option<&str>) -> Result<CompiledCatalog, Failure> {
    if path.is_file() && path.extension().is_some_and(|x| x == "json") {
        return Ok(read_catalog(path)?);
    }
    let town =
        town.ok_or_else(|| format!("{} is not a compiled catalogue: give `--town` to compile it", path.display()))?;
    let loaded = load(&[path.to_path_buf()])?;
    if loaded.has_errors() {
        err(&loaded.render())?;
        return Err(format!("{} has errors: fix them first", path.display()).into());
    }
    Ok(tetsuzuki::compile::compile(loaded.defs.typed().map(|(_, d)| d), town).map_err(|e| e.to_string())?)
}

/// The answers in a JSON file (read within [`ANSWERS_LIMIT`]), or none when no file is given.
fn read_answers(path: Option<&Path>) -> Result<serde_json::Map<String, serde_json::Value>, String> {
    match path {
        Some(path) => {
            let raw = files::read_input(
                path,
                ANSWERS_LIMIT,
                "an answers file",
                "give only the answers, as a JSON object of field ids and values",
            )?;
            serde_json::from_str(&raw).map_err(|e| format!("{} is not a JSON object of answers: {e}", path.display()))
        }
        None => Ok(serde_json::Map::new()),
    }
}
