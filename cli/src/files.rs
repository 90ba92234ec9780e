//! Reading files from disk within bounds, so that no file or folder can stall the CLI or
//! exhaust its memory.
//!
//! - Every read is bounded: the size is checked before reading, and the read itself stops one
//!   byte past the limit (a file can grow between the check and the read).
//! - Definition files must be regular files: a named pipe, socket or device named `*.yaml` is
//!   refused without being opened (opening a named pipe for reading waits for a writer).
//! - The definitions walk remembers the folders it has read, so links that lead back into a
//!   folder being read (`a -> .`) end the walk instead of repeating it, and it refuses links
//!   that lead out of the folders given, so no file outside them is ever read or shown.
//!
//! A definition file or folder that cannot be read is a [`Located`] problem, reported with the
//! checker's diagnostics; the other files are still read and checked.

use std::collections::HashSet;
use std::fs::{self, File, Metadata};
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use tetsuzuki::diagnostic::{Located, Severity};

/// One mebibyte, the unit the limits are stated in.
const MIB: u64 = 1024 * 1024;

/// Largest compiled catalogue read (64 MiB). The sample town's catalogue is about 360 KB; a
/// file many times that size is not a catalogue.
pub const CATALOG_LIMIT: u64 = 64 * MIB;

/// Largest answers file read (8 MiB). Answers are a resident's typed values, a few KB.
pub const ANSWERS_LIMIT: u64 = 8 * MIB;

/// Largest definition file read: the core's limit on YAML text (8 MiB), so that a file the
/// core would refuse is refused before it is read.
pub fn definition_limit() -> u64 {
    tetsuzuki::source::Limits::default().max_bytes as u64
}

/// Why a bounded read did not give the file's bytes.
#[derive(Debug)]
pub enum ReadProblem {
    /// The file could not be opened or read.
    Io(io::Error),
    /// The path is not a regular file (a folder, named pipe, socket or device): it was not
    /// opened. Holds what it is, in words (`a named pipe (FIFO)`).
    NotAFile(&'static str),
    /// The file is larger than the limit. Holds its size, when the file system gave one.
    TooLarge(Option<u64>),
}

/// Reads the whole file at `path`, refusing it, unread, when it is larger than `limit` bytes.
///
/// With `regular_only`, anything but a regular file (a folder, named pipe, socket or device)
/// is refused before it is opened; without it, such a file (`/dev/stdin`, a pipe from `<(…)`)
/// is read, still no further than `limit` bytes.
pub fn read_bounded(path: &Path, limit: u64, regular_only: bool) -> Result<Vec<u8>, ReadProblem> {
    let meta = fs::metadata(path).map_err(ReadProblem::Io)?;
    check_kind(&meta, regular_only)?;
    if meta.is_file() && meta.len() > limit {
        return Err(ReadProblem::TooLarge(Some(meta.len())));
    }
    let file = File::open(path).map_err(ReadProblem::Io)?;
    // The path may have been replaced between the check and the open: check what was opened.
    let opened = file.metadata().map_err(ReadProblem::Io)?;
    check_kind(&opened, regular_only)?;
    let capacity = if opened.is_file() { opened.len().min(limit) } else { 0 };
    let mut bytes = Vec::with_capacity(capacity as usize);
    file.take(limit + 1).read_to_end(&mut bytes).map_err(ReadProblem::Io)?;
    if bytes.len() as u64 > limit {
        return Err(ReadProblem::TooLarge(None));
    }
    Ok(bytes)
}

/// Refuses folders always, and anything but a regular file when `regular_only` is set.
fn check_kind(meta: &Metadata, regular_only: bool) -> Result<(), ReadProblem> {
    if meta.is_dir() || (regular_only && !meta.is_file()) {
        return Err(ReadProblem::NotAFile(kind_of(meta)));
    }
    Ok(())
}

/// What a file that is not a regular file is, in words.
fn kind_of(meta: &Metadata) -> &'static str {
    if meta.is_dir() {
        return "a folder";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        if t.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if t.is_socket() {
            return "a socket";
        }
        if t.is_char_device() {
            return "a character device";
        }
        if t.is_block_device() {
            return "a block device";
        }
    }
    "not a regular file"
}

/// A limit in the words of messages: `8388608 bytes (8 MiB)`.
fn limit_words(limit: u64) -> String {
    format!("{limit} bytes ({} MiB)", limit / MIB)
}

/// Reads a JSON input the user names on the command line (a catalogue, an answers file) as
/// text, within `limit` bytes. `what` names it in messages ("a compiled catalogue") and `fix`
/// says what to give instead when it is too large.
pub fn read_input(path: &Path, limit: u64, what: &str, fix: &str) -> Result<String, String> {
    let shown = path.display();
    let bytes = read_bounded(path, limit, false).map_err(|problem| match problem {
        ReadProblem::Io(e) => format!("cannot read {shown}: {e}"),
        ReadProblem::NotAFile(kind) => format!("cannot read {shown}: it is {kind}; give {what} (a JSON file)"),
        ReadProblem::TooLarge(Some(size)) => {
            format!("cannot read {shown}: it is {size} bytes, and {what} may be at most {}; {fix}", limit_words(limit))
        }
        ReadProblem::TooLarge(None) => {
            format!("cannot read {shown}: it is larger than {}, the most {what} may be; {fix}", limit_words(limit))
        }
    })?;
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "cannot read {shown}: it is not UTF-8 text (byte {} is not); save it as UTF-8 JSON",
            e.utf8_error().valid_up_to()
        )
    })
}

/// Reads a definition file found by [`find_definitions`], or says, located at the file, why it
/// was not read.
pub fn read_definition(path: &Path) -> Result<Vec<u8>, Located> {
    let limit = definition_limit();
    read_bounded(path, limit, true).map_err(|problem| match problem {
        ReadProblem::Io(e) => problem_at(
            path,
            Severity::Error,
            "unreadable",
            format!("this file cannot be read: {e}"),
            "check that the file exists and that you may read it",
        ),
        ReadProblem::NotAFile(kind) => problem_at(
            path,
            Severity::Error,
            "not-a-file",
            format!("this is {kind}, not a regular file, so it was not opened"),
            "definition files must be ordinary files: remove it from the definitions folder, or rename it so \
             that its name does not end in .yaml or .yml",
        ),
        ReadProblem::TooLarge(size) => problem_at(
            path,
            Severity::Error,
            "yaml-too-large",
            match size {
                Some(size) => format!(
                    "the file is {size} bytes; definition files may be at most {}, so it was not read",
                    limit_words(limit)
                ),
                None => format!("the file grew past {} while it was read; it was not checked", limit_words(limit)),
            },
            "split it into several files (one procedure per file)",
        ),
    })
}

/// A problem with a file or folder as a whole, located at its first line for the diagnostics.
fn problem_at(path: &Path, severity: Severity, code: &'static str, message: String, fix: &str) -> Located {
    Located {
        file: path.display().to_string(),
        line: 1,
        column: 1,
        width: 1,
        severity,
        code,
        message,
        fix: Some(fix.to_string()),
    }
}

/// The definition files under some folders, and the problems met finding them.
#[derive(Debug, Default)]
pub struct Found {
    /// The files to read, sorted by path, each once (two paths to one file count once).
    pub files: Vec<PathBuf>,
    /// Entries that were refused or could not be read, located at their path.
    pub problems: Vec<Located>,
}

/// Finds the definition files (`*.yaml`, `*.yml`) under `roots`, files or folders, skipping
/// hidden entries. Links are followed only when they lead inside one of the roots; each folder
/// is read once. Fails only when a root itself does not exist or cannot be examined.
pub fn find_definitions(roots: &[PathBuf]) -> Result<Found, String> {
    let mut walk = Walk::default();
    for root in roots {
        let canonical = fs::canonicalize(root).map_err(|e| format!("cannot read {}: {e}", root.display()))?;
        walk.inside.push(canonical);
    }
    for (root, canonical) in roots.iter().zip(walk.inside.clone()) {
        let meta = fs::metadata(root).map_err(|e| format!("cannot read {}: {e}", root.display()))?;
        if meta.is_dir() {
            walk.folder(root, canonical);
        } else {
            // A file named on the command line is read whatever its name; reading it refuses
            // anything but a regular file.
            walk.file(root.clone(), canonical);
        }
    }
    let mut files = walk.files;
    files.sort();
    let mut seen = HashSet::new();
    files.retain(|(_, canonical)| seen.insert(canonical.clone()));
    let mut problems = walk.problems;
    problems.sort_by(|a, b| a.file.cmp(&b.file));
    Ok(Found { files: files.into_iter().map(|(shown, _)| shown).collect(), problems })
}

/// The state of a definitions walk.
#[derive(Default)]
struct Walk {
    /// The roots, canonical: links are followed only to places inside one of them.
    inside: Vec<PathBuf>,
    /// Every folder read or queued, canonical, so none is read twice.
    visited: HashSet<PathBuf>,
    /// The files found: the path to show, and the canonical path (to count each file once).
    files: Vec<(PathBuf, PathBuf)>,
    /// Entries refused or unreadable.
    problems: Vec<Located>,
}

/// A folder waiting to be read: the path to show, its canonical path, and the canonical
/// paths of the folders it is inside (to tell a loop from a second way into a folder).
struct Pending {
    shown: PathBuf,
    canonical: PathBuf,
    ancestors: Vec<PathBuf>,
}

impl Walk {
    /// Reads the folder `root` and every folder under it, depth first, in name order. Uses a
    /// queue rather than recursion, so deep nesting cannot exhaust the stack.
    fn folder(&mut self, root: &Path, canonical: PathBuf) {
        if !self.visited.insert(canonical.clone()) {
            return;
        }
        let mut stack = vec![Pending { shown: root.to_path_buf(), canonical, ancestors: Vec::new() }];
        while let Some(folder) = stack.pop() {
            let mut inner = self.entries(&folder);
            // Popped from the end: reversed so that the first name is read first.
            inner.reverse();
            stack.extend(inner);
        }
    }

    /// Reads one folder: collects its definition files, and returns its folders to read.
    fn entries(&mut self, folder: &Pending) -> Vec<Pending> {
        let mut entries = match fs::read_dir(&folder.shown).and_then(|dir| dir.collect::<io::Result<Vec<_>>>()) {
            Ok(entries) => entries,
            Err(e) => {
                self.problems.push(problem_at(
                    &folder.shown,
                    Severity::Error,
                    "unreadable",
                    format!("this folder cannot be read: {e}"),
                    "check that you may read the folder, or move the definitions out of it",
                ));
                return Vec::new();
            }
        };
        entries.sort_by_key(|e| e.file_name());
        let mut ancestors = folder.ancestors.clone();
        ancestors.push(folder.canonical.clone());
        let mut inner = Vec::new();
        for entry in entries {
            let name = entry.file_name();
            let name = name.to_string_lossy();
            if name.starts_with('.') {
                continue;
            }
            let shown = entry.path();
            let definition = name.ends_with(".yaml") || name.ends_with(".yml");
            let kind = match entry.file_type() {
                Ok(kind) => kind,
                Err(e) => {
                    self.unreadable(&shown, &e);
                    continue;
                }
            };
            if kind.is_symlink() {
                if let Some(next) = self.link(shown, definition, &ancestors) {
                    inner.push(next);
                }
            } else if kind.is_dir() && name == "scenarios" {
                // Scenario files (`tetsuzuki test`, docs/SCENARIOS.md), not definitions.
                continue;
            } else if kind.is_dir() {
                // Not a link, inside a canonical folder: its canonical path is the folder's
                // with its name added.
                let canonical = folder.canonical.join(entry.file_name());
                if self.visited.insert(canonical.clone()) {
                    inner.push(Pending { shown, canonical, ancestors: ancestors.clone() });
                }
            } else if definition {
                let canonical = folder.canonical.join(entry.file_name());
                self.file(shown, canonical);
            }
        }
        inner
    }

    /// Follows the link at `shown` when it leads to a folder or (for a `definition` name) a
    /// file inside the roots; returns the folder to read, if any. Links back into a folder
    /// being read are reported and not followed; links out of the roots are refused.
    fn link(&mut self, shown: PathBuf, definition: bool, ancestors: &[PathBuf]) -> Option<Pending> {
        // Neither call opens the target: a link to a named pipe cannot block here.
        let target = fs::metadata(&shown).and_then(|meta| Ok((meta, fs::canonicalize(&shown)?)));
        let (meta, canonical) = match target {
            Ok(found) => found,
            Err(e) => {
                if definition {
                    self.problems.push(problem_at(
                        &shown,
                        Severity::Error,
                        "unreadable",
                        format!("this link leads to no file that can be read: {e}"),
                        "point the link at an existing file inside the definitions folder, or remove it",
                    ));
                }
                return None;
            }
        };
        if !meta.is_dir() && !definition {
            return None;
        }
        if !meta.is_dir() && !meta.is_file() {
            // A link to a named pipe or a device: refused, unopened, when it is read.
            self.file(shown, canonical);
            return None;
        }
        if !self.inside.iter().any(|root| canonical.starts_with(root)) {
            let what = if meta.is_dir() { "folder" } else { "file" };
            self.problems.push(problem_at(
                &shown,
                Severity::Error,
                "link-outside",
                format!(
                    "this link leads to {}, a {what} outside the definitions folders given, so it was not read",
                    canonical.display()
                ),
                &format!(
                    "copy the {what} into the definitions folder (or give {} on the command line too)",
                    canonical.display()
                ),
            ));
            return None;
        }
        if meta.is_file() {
            self.file(shown, canonical);
            return None;
        }
        if ancestors.contains(&canonical) {
            self.problems.push(problem_at(
                &shown,
                Severity::Warning,
                "link-loop",
                format!(
                    "this link leads back to {}, a folder that is being read already, so it was not followed",
                    canonical.display()
                ),
                "remove the link: the files of that folder are checked once already",
            ));
            return None;
        }
        if !self.visited.insert(canonical.clone()) {
            // Another way into a folder read already: its files are checked once.
            return None;
        }
        Some(Pending { shown, canonical, ancestors: ancestors.to_vec() })
    }

    /// Records a definition file to read.
    fn file(&mut self, shown: PathBuf, canonical: PathBuf) {
        self.files.push((shown, canonical));
    }

    /// Records an entry whose type could not be read.
    fn unreadable(&mut self, shown: &Path, e: &io::Error) {
        self.problems.push(problem_at(
            shown,
            Severity::Error,
            "unreadable",
            format!("this entry cannot be examined: {e}"),
            "check that you may read the folder, or remove the entry",
        ));
    }
}
