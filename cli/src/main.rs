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
    /// Print the JSON Schema of the definition format.
    Schema,
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
                report(&defs, &diagnostics, Format::Text);
                eprintln!("{}", tally(&defs, &diagnostics));
                eprintln!("not compiled: fix the errors above first");
                return Ok(ExitCode::from(1));
            }
            report(&defs, &diagnostics, Format::Text);
            let catalog = tetsuzuki::compile::compile(defs.typed().map(|(_, d)| d), &town).map_err(|e| e.to_string())?;
            let json = catalog.to_json();
            if output.as_os_str() == "-" {
                println!("{json}");
            } else {
                std::fs::write(&output, json.as_bytes()).map_err(|e| format!("cannot write {}: {e}", output.display()))?;
                let s = catalog.summary();
                eprintln!(
                    "compiled {} ({}): {} procedures, {} life events, {} concepts, {} code lists, {} fields → {} ({} bytes, {})",
                    s.town_name, s.town_id, s.procedures, s.life_events, s.concepts, s.code_lists, s.fields,
                    output.display(), json.len(), s.content_hash
                );
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Summary { catalog } => {
            let text = std::fs::read_to_string(&catalog).map_err(|e| format!("cannot read {}: {e}", catalog.display()))?;
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
