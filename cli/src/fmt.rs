//! `tetsuzuki fmt`: lays definition files out in the canonical layout (`tetsuzuki::layout`),
//! in place or, with `--check`, only saying which files would change.
//!
//! A file is written only when the core laid it out and read the result back as the same
//! values with every comment kept; it is written whole or not at all (a temporary file in the
//! same folder, renamed over the original). A file that cannot be read or laid out is reported
//! like `check` reports it and left as it is.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use tetsuzuki::definitions::{Definitions, SourceFile};
use tetsuzuki::diagnostic::{Located, Severity};
use tetsuzuki::layout::{LayoutError, lay_out};
use tetsuzuki::model::Lang;

use crate::files;
use crate::output::{Failure, err, out};

/// Changed lines shown per file by `--check`.
const SHOWN_LINES: usize = 8;

/// Runs `fmt` over the definition files under `paths`.
pub fn run(paths: &[PathBuf], check: bool) -> Result<ExitCode, Failure> {
    let roots = if paths.is_empty() { vec![PathBuf::from(".")] } else { paths.to_vec() };
    let found = files::find_definitions(&roots)?;
    if found.files.is_empty() && found.problems.is_empty() {
        return Err(format!(
            "no definition files (.yaml, .yml) under {}",
            roots.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", ")
        )
        .into());
    }
    let mut refused = found.problems.iter().filter(|p| p.severity == Severity::Error).count();
    for p in &found.problems {
        err(&format!("{}\n", p.render("")))?;
    }
    let (mut changed, mut unchanged) = (0, 0);
    for path in &found.files {
        let name = path.display().to_string();
        let bytes = match files::read_definition(path) {
            Ok(bytes) => bytes,
            Err(problem) => {
                err(&format!("{}\n", problem.render("")))?;
                refused += 1;
                continue;
            }
        };
        let body = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(&bytes);
        let text = match std::str::from_utf8(body) {
            Ok(text) if !text.contains('\0') => text,
            _ => {
                // Not text: said as `check` says it (the loader locates the byte).
                let (defs, diagnostics) = Definitions::load(vec![SourceFile::from_bytes(name.clone(), &bytes)]);
                err(&defs.render_in(&diagnostics, Lang::En))?;
                refused += 1;
                continue;
            }
        };
        let laid = match lay_out(text) {
            Ok(laid) => laid,
            Err(e) => {
                err(&format!("{}\n", located(&name, &e).render(text)))?;
                refused += 1;
                continue;
            }
        };
        if laid.as_bytes() == bytes.as_slice() {
            unchanged += 1;
            continue;
        }
        changed += 1;
        if check {
            out(&format!("{name}\n{}", diff(text, &laid)))?;
        } else {
            write_whole(path, &laid).map_err(|e| format!("cannot write {name}: {e}"))?;
            out(&format!("{name}\n"))?;
        }
    }
    let files = changed + unchanged;
    let verb = if check { "would change" } else { "changed" };
    let not_laid = if refused == 0 { String::new() } else { format!(", {refused} not laid out") };
    err(&format!("laid out {files} file{}: {changed} {verb}{not_laid}\n", if files == 1 { "" } else { "s" }))?;
    Ok(if refused > 0 || (check && changed > 0) { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// A layout error as `check` shows a problem: file:line:column, the line, a caret, a fix.
fn located(file: &str, e: &LayoutError) -> Located {
    Located {
        file: file.to_string(),
        line: e.at.line,
        column: e.at.column,
        width: 1,
        severity: Severity::Error,
        code: e.code,
        message: e.message.clone(),
        fix: Some(e.fix.clone()),
    }
}

/// Writes `text` over `path` whole or not at all: a hidden temporary file beside it (so the
/// rename stays on one file system, and a definitions walk skips it), with the original's
/// permissions, renamed over it.
fn write_whole(path: &Path, text: &str) -> std::io::Result<()> {
    let folder = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let temp = folder.join(format!(".{name}.fmt-{}", std::process::id()));
    let result = (|| {
        let mut file = fs::OpenOptions::new().write(true).create_new(true).open(&temp)?;
        file.write_all(text.as_bytes())?;
        file.sync_all()?;
        if let Ok(meta) = fs::metadata(path) {
            fs::set_permissions(&temp, meta.permissions())?;
        }
        fs::rename(&temp, path)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&temp);
    }
    result
}

/// The first changed lines between `old` and `new`, in the manner of a unified diff: `@@ -a +b
/// @@` then `-` and `+` lines; at most [`SHOWN_LINES`] changed lines in all.
fn diff(old: &str, new: &str) -> String {
    let a: Vec<&str> = old.lines().collect();
    let b: Vec<&str> = new.lines().collect();
    let ops = line_ops(&a, &b);
    let mut text = String::new();
    let mut shown = 0;
    let mut total = 0;
    let (mut i, mut j) = (0, 0);
    let mut k = 0;
    while k < ops.len() {
        if ops[k] == Op::Same {
            i += 1;
            j += 1;
            k += 1;
            continue;
        }
        let end = ops[k..].iter().position(|o| *o == Op::Same).map_or(ops.len(), |n| k + n);
        let hunk = &ops[k..end];
        total += hunk.len();
        if shown < SHOWN_LINES {
            text.push_str(&format!("@@ -{} +{} @@\n", i + 1, j + 1));
            let (mut x, mut y) = (i, j);
            for op in hunk {
                if shown >= SHOWN_LINES {
                    break;
                }
                match op {
                    Op::Del => {
                        text.push_str(&format!("-{}\n", a[x]));
                        x += 1;
                    }
                    Op::Add => {
                        text.push_str(&format!("+{}\n", b[y]));
                        y += 1;
                    }
                    Op::Same => {}
                }
                shown += 1;
            }
        }
        for op in hunk {
            match op {
                Op::Del => i += 1,
                Op::Add => j += 1,
                Op::Same => {}
            }
        }
        k = end;
    }
    if total > shown {
        text.push_str(&format!(
            "… and {} more changed line{}\n",
            total - shown,
            if total - shown == 1 { "" } else { "s" }
        ));
    }
    if text.is_empty() {
        // Only the end of the file differs (a missing or extra final line break, a BOM).
        text.push_str("@@ the line breaks or the byte-order mark change @@\n");
    }
    text
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Op {
    Same,
    Del,
    Add,
}

/// A shortest line edit script (longest common subsequence); for files too large for its
/// table, the common start and end with everything between replaced.
fn line_ops(a: &[&str], b: &[&str]) -> Vec<Op> {
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let suffix = a[prefix..].iter().rev().zip(b[prefix..].iter().rev()).take_while(|(x, y)| x == y).count();
    let (ma, mb) = (&a[prefix..a.len() - suffix], &b[prefix..b.len() - suffix]);
    let mut ops = vec![Op::Same; prefix];
    if (ma.len() + 1) * (mb.len() + 1) > 4_000_000 {
        ops.extend(std::iter::repeat_n(Op::Del, ma.len()));
        ops.extend(std::iter::repeat_n(Op::Add, mb.len()));
    } else {
        let w = mb.len() + 1;
        let mut lcs = vec![0u32; (ma.len() + 1) * w];
        for x in (0..ma.len()).rev() {
            for y in (0..mb.len()).rev() {
                lcs[x * w + y] = if ma[x] == mb[y] {
                    lcs[(x + 1) * w + y + 1] + 1
                } else {
                    lcs[(x + 1) * w + y].max(lcs[x * w + y + 1])
                };
            }
        }
        let (mut x, mut y) = (0, 0);
        while x < ma.len() || y < mb.len() {
            if x < ma.len() && y < mb.len() && ma[x] == mb[y] {
                ops.push(Op::Same);
                x += 1;
                y += 1;
            } else if x < ma.len() && (y == mb.len() || lcs[(x + 1) * w + y] >= lcs[x * w + y + 1]) {
                ops.push(Op::Del);
                x += 1;
            } else {
                ops.push(Op::Add);
                y += 1;
            }
        }
    }
    ops.extend(std::iter::repeat_n(Op::Same, suffix));
    ops
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_diff_shows_the_first_changed_lines() {
        let d = diff("a\nb\nc\n", "a\nB\nc\n");
        assert_eq!(d, "@@ -2 +2 @@\n-b\n+B\n");
        let many: String = (0..20).map(|i| format!("{i}\n")).collect();
        let d = diff(&many, "x\n");
        assert!(d.ends_with("more changed lines\n"), "{d}");
    }
}
