//! Writing to standard output and standard error without ever panicking.
//!
//! `println!` panics when the reader of the output goes away (`tetsuzuki schema | head -c1`).
//! Every write of the CLI goes through [`out`] or [`err`] instead: a closed pipe becomes
//! [`Failure::OutputClosed`], which ends the command quietly with the status a shell shows for
//! a program stopped by SIGPIPE (141).

use std::io::{self, Write};
use std::process::ExitCode;

/// The exit status of a command whose reader went away: 128 + SIGPIPE (13), as shells report
/// a program that the signal stopped.
pub const OUTPUT_CLOSED_STATUS: u8 = 128 + 13;

/// Why a command stopped before its end.
#[derive(Debug)]
pub enum Failure {
    /// A usage or input error, said to the user as `error: …` (exit status 2).
    Message(String),
    /// The reader of the output went away: the command ends quietly (exit status 141).
    OutputClosed,
}

impl From<String> for Failure {
    fn from(message: String) -> Failure {
        Failure::Message(message)
    }
}

impl Failure {
    /// Says the failure (a message on standard error; nothing when the output was closed) and
    /// gives the exit status for it.
    pub fn report(self) -> ExitCode {
        match self {
            Failure::Message(message) => match err(&format!("error: {message}\n")) {
                Err(Failure::OutputClosed) => ExitCode::from(OUTPUT_CLOSED_STATUS),
                _ => ExitCode::from(2),
            },
            Failure::OutputClosed => ExitCode::from(OUTPUT_CLOSED_STATUS),
        }
    }
}

/// Writes `text` to standard output, whole, and flushes it.
pub fn out(text: &str) -> Result<(), Failure> {
    write_all(&mut io::stdout().lock(), text, "standard output")
}

/// Writes `text` to standard error, whole, and flushes it.
pub fn err(text: &str) -> Result<(), Failure> {
    write_all(&mut io::stderr().lock(), text, "standard error")
}

/// Writes and flushes `text`, telling a closed reader (a broken pipe) from other write errors.
fn write_all(to: &mut impl Write, text: &str, name: &str) -> Result<(), Failure> {
    match to.write_all(text.as_bytes()).and_then(|()| to.flush()) {
        Ok(()) => Ok(()),
        Err(e) => Err(failure_of(&e, name)),
    }
}

/// The failure for an error writing to `name`: a broken pipe ends quietly, anything else (a
/// full disk…) is said.
pub fn failure_of(e: &io::Error, name: &str) -> Failure {
    if e.kind() == io::ErrorKind::BrokenPipe {
        Failure::OutputClosed
    } else {
        Failure::Message(format!("cannot write to {name}: {e}"))
    }
}
