//! `tetsuzuki`: the command line for definition authors.
//!
//! A thin adapter: it finds files, reads them and prints; every rule lives in the core crate.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use tetsuzuki::catalog::CompiledCatalog;
use tetsuzuki::definitions::{Definitions, SourceFile};
use tetsuzuki::diagnostic::{Diagnostic, Severity};

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
    /// Say what a compiled catalogue holds.
    Summary {
        /// The compiled catalogue (JSON).
        catalog: PathBuf,
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
    /// Print the JSON Schema of the definition format.
    Schema,
    /// Try one value of one field type: prints JSON {valid, normalized, issues}.
    CheckValue {
        /// The field type (`postal_code`, `date`, `my_number`…).
        #[arg(value_name = "TYPE")]
        field_type: String,
        /// The value as a resident would type it (JSON is read for lists and objects).
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
        /// Language: ja, en or ja-easy.
        #[arg(long, default_value = "ja")]
        lang: String,
        /// `text` (readable) or `json`.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
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
    let cli = Cli::parse();
    match run(cli.command) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(command: Command) -> Result<ExitCode, String> {
    match command {
        Command::Check { paths, format } => {
            let (defs, diagnostics) = load(&paths)?;
            report(&defs, &diagnostics, format);
            if format == Format::Text {
                eprintln!("{}", tally(&defs, &diagnostics));
            }
            Ok(exit_for(&diagnostics))
        }
        Command::Compile { paths, town, output } => {
            let (defs, diagnostics) = load(&paths)?;
            if has_errors(&diagnostics) {
                eprint!("{}", defs.render(&diagnostics));
                eprintln!("{}", tally(&defs, &diagnostics));
                eprintln!("not compiled: fix the errors above first");
                return Ok(ExitCode::from(1));
            }
            // Warnings go to standard error, so `-o -` writes the catalogue alone.
            eprint!("{}", defs.render(&diagnostics));
            let catalog =
                tetsuzuki::compile::compile(defs.typed().map(|(_, d)| d), &town).map_err(|e| e.to_string())?;
            let json = catalog.to_json();
            if output.as_os_str() == "-" {
                // Byte for byte what was hashed: no trailing newline.
                print!("{json}");
            } else {
                std::fs::write(&output, json.as_bytes())
                    .map_err(|e| format!("cannot write {}: {e}", output.display()))?;
                let s = catalog.summary();
                eprintln!(
                    "compiled {} ({}): {} procedures, {} life events, {} concepts, {} code lists, {} fields → {} ({} bytes, {})",
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
                );
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Summary { catalog } => {
            let text =
                std::fs::read_to_string(&catalog).map_err(|e| format!("cannot read {}: {e}", catalog.display()))?;
            match CompiledCatalog::from_json(&text) {
                Ok(c) => {
                    println!("{}", serde_json::to_string_pretty(&c.summary()).unwrap_or_default());
                    Ok(ExitCode::SUCCESS)
                }
                Err(e) => {
                    eprintln!("error[{}]: {e}", e.code());
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
            println!("{}", serde_json::to_string_pretty(&result).unwrap_or_default());
            Ok(ExitCode::SUCCESS)
        }
        Command::Validate { catalog, procedure, answers, lang, today } => {
            let lang = lang_named(&lang)?;
            let today = today_or(today.as_deref())?;
            let catalog = read_catalog(&catalog)?;
            let raw =
                std::fs::read_to_string(&answers).map_err(|e| format!("cannot read {}: {e}", answers.display()))?;
            let answers: serde_json::Map<String, serde_json::Value> = serde_json::from_str(&raw)
                .map_err(|e| format!("{} is not a JSON object of answers: {e}", answers.display()))?;
            let validator = tetsuzuki::validate::Validator::new(&catalog);
            let result = validator.validate(&procedure, &answers, today, lang).map_err(|e| e.to_string())?;
            println!("{}", serde_json::to_string_pretty(&result).unwrap_or_default());
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
            println!("{}", serde_json::to_string_pretty(&plan).unwrap_or_default());
            Ok(ExitCode::SUCCESS)
        }
        Command::Navigate { catalog, event, answers, date, today, lang, format } => {
            let lang = lang_named(&lang)?;
            let today = today_or(today.as_deref())?;
            let date = date_arg(date.as_deref())?;
            let catalog = read_catalog(&catalog)?;
            let answers = read_answers(answers.as_deref())?;
            let checklist = tetsuzuki::navigate::navigate(&catalog, &event, &answers, date, today, lang)
                .map_err(|e| e.to_string())?;
            match format {
                Format::Json => println!("{}", serde_json::to_string_pretty(&checklist).unwrap_or_default()),
                Format::Text => print!("{}", readable_checklist(&checklist)),
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Diff { old, new, town, format } => {
            let old = catalog_or_compile(&old, town.as_deref())?;
            let new = catalog_or_compile(&new, town.as_deref())?;
            let changes = tetsuzuki::diff::catalogs(&old, &new);
            match format {
                Format::Json => println!("{}", serde_json::to_string_pretty(&changes).unwrap_or_default()),
                Format::Text => print!("{}", tetsuzuki::diff::render(&changes)),
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Schema => {
            print!("{}", tetsuzuki::schema::definition_schema_text());
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// Reads every definition file under `paths` and checks them together.
fn load(paths: &[PathBuf]) -> Result<(Definitions, Vec<Diagnostic>), String> {
    let roots = if paths.is_empty() { vec![PathBuf::from(".")] } else { paths.to_vec() };
    let mut files = Vec::new();
    for root in &roots {
        collect(root, &mut files)?;
    }
    files.sort();
    files.dedup();
    if files.is_empty() {
        return Err(format!(
            "no definition files (.yaml, .yml) under {}",
            roots.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", ")
        ));
    }
    let mut sources = Vec::with_capacity(files.len());
    for f in &files {
        let bytes = std::fs::read(f).map_err(|e| format!("cannot read {}: {e}", f.display()))?;
        sources.push(SourceFile::from_bytes(f.display().to_string(), &bytes));
    }
    Ok(tetsuzuki::check::check_sources(sources))
}

fn collect(path: &Path, out: &mut Vec<PathBuf>) -> Result<(), String> {
    let meta = std::fs::metadata(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    if meta.is_file() {
        out.push(path.to_path_buf());
        return Ok(());
    }
    let entries = std::fs::read_dir(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    for entry in entries {
        let entry = entry.map_err(|e| e.to_string())?;
        let p = entry.path();
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with('.') {
            continue;
        }
        if p.is_dir() {
            collect(&p, out)?;
        } else if name.ends_with(".yaml") || name.ends_with(".yml") {
            out.push(p);
        }
    }
    Ok(())
}

fn report(defs: &Definitions, diagnostics: &[Diagnostic], format: Format) {
    match format {
        Format::Text => print!("{}", defs.render(diagnostics)),
        Format::Json => {
            let located: Vec<_> = diagnostics.iter().map(|d| defs.locate(d)).collect();
            println!("{}", serde_json::to_string_pretty(&located).unwrap_or_else(|_| "[]".into()));
        }
    }
}

fn has_errors(diagnostics: &[Diagnostic]) -> bool {
    diagnostics.iter().any(|d| d.severity == Severity::Error)
}

fn exit_for(diagnostics: &[Diagnostic]) -> ExitCode {
    if has_errors(diagnostics) { ExitCode::from(1) } else { ExitCode::SUCCESS }
}

fn tally(defs: &Definitions, diagnostics: &[Diagnostic]) -> String {
    let errors = diagnostics.iter().filter(|d| d.severity == Severity::Error).count();
    let warnings = diagnostics.len() - errors;
    format!(
        "checked {} files ({} documents): {errors} error{}, {warnings} warning{}",
        defs.files.len(),
        defs.documents.len(),
        if errors == 1 { "" } else { "s" },
        if warnings == 1 { "" } else { "s" }
    )
}

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

/// The checklist as a person reads it (labels in the chosen language come from the core).
fn readable_checklist(c: &tetsuzuki::navigate::Checklist) -> String {
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
        let online = if item.online_now { "online" } else { "counter" };
        out.push_str(&format!("[{due}] {} ({online}) — {}\n", item.title, item.reason));
        if let Some(contact) = &item.contact {
            out.push_str(&format!("           {} {}\n", contact.department, contact.phone.as_deref().unwrap_or("")));
        }
    }
    for item in &c.town_actions {
        out.push_str(&format!("[town] {} — {}\n", item.title, item.reason));
    }
    out
}

fn date_arg(given: Option<&str>) -> Result<Option<tetsuzuki::date::Date>, String> {
    given
        .map(|d| tetsuzuki::date::Date::parse_iso(d).ok_or_else(|| format!("`{d}` is not a date; write YYYY-MM-DD")))
        .transpose()
}

fn read_catalog(path: &std::path::Path) -> Result<CompiledCatalog, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    CompiledCatalog::from_json(&text).map_err(|e| format!("{}: {e}", path.display()))
}

/// A compiled catalogue read from a file, or a folder of definitions checked and compiled
/// for `town`.
fn catalog_or_compile(path: &std::path::Path, town: Option<&str>) -> Result<CompiledCatalog, String> {
    if path.is_file() && path.extension().is_some_and(|x| x == "json") {
        return read_catalog(path);
    }
    let town =
        town.ok_or_else(|| format!("{} is not a compiled catalogue: give `--town` to compile it", path.display()))?;
    let (defs, diagnostics) = load(&[path.to_path_buf()])?;
    if has_errors(&diagnostics) {
        eprint!("{}", defs.render(&diagnostics));
        return Err(format!("{} has errors: fix them first", path.display()));
    }
    tetsuzuki::compile::compile(defs.typed().map(|(_, d)| d), town).map_err(|e| e.to_string())
}

fn read_answers(path: Option<&std::path::Path>) -> Result<serde_json::Map<String, serde_json::Value>, String> {
    match path {
        Some(path) => {
            let raw = std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
            serde_json::from_str(&raw).map_err(|e| format!("{} is not a JSON object of answers: {e}", path.display()))
        }
        None => Ok(serde_json::Map::new()),
    }
}
