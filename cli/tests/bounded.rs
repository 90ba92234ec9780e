//! Bounded work: no definition folder, answers file or closed pipe can stall the CLI, exhaust
//! its memory, show a file from outside the definitions, or make it panic.
//!
//! Each run is a child process under a memory cap (`ulimit -v`, 1 GiB) and a generous kill
//! timeout, so a regression that blocks or reads without bound fails the test instead of
//! hanging it or exhausting the machine.

#![cfg(unix)]

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// How long a run may take before it is killed and the test fails (never a measure of speed:
/// each run takes a fraction of a second).
const KILL_AFTER: Duration = Duration::from_secs(30);

/// The memory cap of each run, in KiB for `ulimit -v`.
const MEMORY_CAP_KIB: u64 = 1024 * 1024;

/// The workspace root, where the fixtures are.
fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The CLI with `args`, run from the workspace root under the memory cap.
fn command(args: &[&str]) -> Command {
    let mut command = Command::new("sh");
    command
        .arg("-c")
        .arg(format!("ulimit -v {MEMORY_CAP_KIB} 2>/dev/null; exec \"$@\""))
        .arg("sh")
        .arg(env!("CARGO_BIN_EXE_tetsuzuki"))
        .args(args)
        .current_dir(root());
    command
}

/// Runs `command` to its end, collecting what it writes to pipes; kills it and fails the test
/// when it is still running after [`KILL_AFTER`].
fn finish(mut command: Command) -> Output {
    let mut child = command.spawn().expect("the CLI starts");
    let drain = |pipe: Option<Box<dyn Read + Send>>| {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            if let Some(mut pipe) = pipe {
                pipe.read_to_end(&mut bytes).ok();
            }
            bytes
        })
    };
    let stdout = drain(child.stdout.take().map(|p| Box::new(p) as Box<dyn Read + Send>));
    let stderr = drain(child.stderr.take().map(|p| Box::new(p) as Box<dyn Read + Send>));
    let deadline = Instant::now() + KILL_AFTER;
    let status = loop {
        if let Some(status) = child.try_wait().expect("waits for the CLI") {
            break status;
        }
        if Instant::now() > deadline {
            child.kill().ok();
            child.wait().ok();
            panic!("the CLI did not finish within {KILL_AFTER:?}: it blocked or read without bound");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Output { status, stdout: stdout.join().unwrap(), stderr: stderr.join().unwrap() }
}

/// The CLI with `args`, its output collected, under the cap and the kill timeout.
fn tetsuzuki(args: &[&str]) -> Output {
    let mut command = command(args);
    command.stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::piped());
    finish(command)
}

/// Standard output and standard error together, as text.
fn text(out: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr))
}

/// A new, empty scratch folder, with one definition file (`bad.yaml`) whose mistake must be
/// reported whatever else the folder holds: one bad entry never hides the others.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("tetsuzuki-bounded-{name}-{}", std::process::id()));
    std::fs::remove_dir_all(&dir).ok();
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("bad.yaml"), "kind: procedur\n").unwrap();
    dir
}

/// Asserts that `bad.yaml`'s own mistake was reported next to the refused entries.
fn assert_others_checked(out: &Output) {
    let text = text(out);
    assert!(text.contains("bad.yaml:1:7"), "the other files are still checked: {text}");
}

/// The scratch folder as an argument.
fn arg(path: &Path) -> &str {
    path.to_str().unwrap()
}

#[test]
fn two_links_to_the_folder_itself_end_the_walk_and_are_reported() {
    let dir = scratch("loop");
    std::os::unix::fs::symlink(".", dir.join("a")).unwrap();
    std::os::unix::fs::symlink(".", dir.join("b")).unwrap();
    let out = tetsuzuki(&["check", arg(&dir)]);
    let text = text(&out);
    assert_eq!(out.status.code(), Some(1), "{text}");
    for link in ["a", "b"] {
        let at = format!("--> {}:1:1", dir.join(link).display());
        assert!(text.contains(&at), "the loop through `{link}` is reported at the link: {text}");
    }
    assert_eq!(text.matches("warning[link-loop]: this link leads back to").count(), 2, "{text}");
    assert_others_checked(&out);
    // The folder's files are read once, not once per way in.
    assert_eq!(text.matches("error[unknown-word]").count(), 1, "{text}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_named_pipe_named_yaml_is_refused_without_being_opened() {
    let dir = scratch("fifo");
    let made = Command::new("mkfifo").arg(dir.join("x.yaml")).status().expect("mkfifo runs");
    assert!(made.success());
    let out = tetsuzuki(&["check", arg(&dir)]);
    let text = text(&out);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(text.contains("error[not-a-file]: this is a named pipe (FIFO), not a regular file"), "{text}");
    assert!(text.contains(&format!("--> {}:1:1", dir.join("x.yaml").display())), "{text}");
    assert!(text.contains("help: definition files must be ordinary files"), "{text}");
    assert_others_checked(&out);
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_link_to_a_device_is_refused_not_read() {
    let dir = scratch("device");
    std::os::unix::fs::symlink("/dev/zero", dir.join("z.yaml")).unwrap();
    let out = tetsuzuki(&["check", arg(&dir)]);
    let text = text(&out);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(text.contains("error[not-a-file]: this is a character device, not a regular file"), "{text}");
    assert!(text.contains(&format!("--> {}:1:1", dir.join("z.yaml").display())), "{text}");
    assert_others_checked(&out);
    // Named on the command line, it is refused the same way.
    let named = tetsuzuki(&["check", arg(&dir.join("z.yaml"))]);
    assert_eq!(named.status.code(), Some(1), "{}", crate::text(&named));
    assert!(crate::text(&named).contains("error[not-a-file]"));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_file_over_the_limit_is_refused_by_its_size_before_it_is_read() {
    let dir = scratch("sparse");
    // 3 GiB that take no disk: reading it whole would need 3 GiB of memory (over the cap).
    let big = std::fs::File::create(dir.join("big.yaml")).unwrap();
    big.set_len(3 << 30).unwrap();
    drop(big);
    let out = tetsuzuki(&["check", arg(&dir)]);
    let text = text(&out);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(
        text.contains(
            "error[yaml-too-large]: the file is 3221225472 bytes; definition files may be at most 8388608 bytes (8 MiB)"
        ),
        "{text}"
    );
    assert!(text.contains(&format!("--> {}:1:1", dir.join("big.yaml").display())), "{text}");
    assert!(text.contains("help: split it into several files"), "{text}");
    assert_others_checked(&out);
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_link_leaving_the_definitions_folder_is_refused_and_its_content_never_shown() {
    let dir = scratch("outside");
    let secret = std::env::temp_dir().join(format!("tetsuzuki-bounded-secret-{}.txt", std::process::id()));
    std::fs::write(&secret, "secret-first-line: never shown\n").unwrap();
    std::os::unix::fs::symlink(&secret, dir.join("leak.yaml")).unwrap();
    for format in ["text", "json"] {
        let out = tetsuzuki(&["check", "--format", format, arg(&dir)]);
        let text = text(&out);
        assert_eq!(out.status.code(), Some(1), "{text}");
        assert!(!text.contains("secret-first-line"), "a file outside the folder is never shown: {text}");
        assert!(text.contains("link-outside"), "{text}");
        assert!(text.contains("leak.yaml"), "the link is named: {text}");
        assert!(text.contains("copy the file into the definitions folder"), "{text}");
        assert!(text.contains("bad.yaml"), "the other files are still checked: {text}");
    }
    std::fs::remove_dir_all(&dir).ok();
    std::fs::remove_file(&secret).ok();
}

#[test]
fn an_answers_file_over_the_limit_is_refused_with_the_limit_stated() {
    let dir = scratch("answers");
    let catalog = dir.join("oishida.json");
    let compiled =
        tetsuzuki(&["compile", "fixtures/model", "fixtures/towns", "--town", "oishida", "-o", arg(&catalog)]);
    assert_eq!(compiled.status.code(), Some(0), "{}", text(&compiled));
    let validate = |answers: &Path| {
        tetsuzuki(&["validate", "--catalog", arg(&catalog), "--procedure", "tennyu", "--answers", arg(answers)])
    };
    let limit = 8 * 1024 * 1024;
    // `{}` and spaces: valid JSON of exactly the limit is read; one byte more is refused.
    let at_limit = dir.join("at-limit.json");
    std::fs::write(&at_limit, format!("{{}}{}", " ".repeat(limit - 2))).unwrap();
    let out = validate(&at_limit);
    assert_eq!(out.status.code(), Some(1), "read, and the missing answers are errors: {}", text(&out));
    let over = dir.join("over.json");
    std::fs::write(&over, format!("{{}}{}", " ".repeat(limit - 1))).unwrap();
    let out = validate(&over);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    let message = String::from_utf8_lossy(&out.stderr);
    assert!(message.contains(&format!("cannot read {}: it is 8388609 bytes", over.display())), "{message}");
    assert!(message.contains("an answers file may be at most 8388608 bytes (8 MiB)"), "{message}");
    // 3 GiB that take no disk: refused by its size, never read into memory.
    let huge = dir.join("huge.json");
    std::fs::File::create(&huge).unwrap().set_len(3 << 30).unwrap();
    let out = validate(&huge);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert!(String::from_utf8_lossy(&out.stderr).contains("it is 3221225472 bytes"), "{}", text(&out));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn every_command_ends_quietly_with_141_when_its_reader_goes_away() {
    let commands: &[&[&str]] = &[
        &["schema"],
        &["check", "fixtures/invalid"],
        &["check", "--format", "json", "fixtures/invalid"],
        &["compile", "fixtures/model", "fixtures/towns", "--town", "oishida", "-o", "-"],
        &["check-value", "date", "2025-01-01"],
        &["--help"],
    ];
    for args in commands {
        // The reader of standard output is gone before the CLI writes anything.
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        let mut command = command(args);
        command.stdin(Stdio::null()).stdout(writer).stderr(Stdio::piped());
        let out = finish(command);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(141), "{args:?}: {stderr}");
        assert!(stderr.is_empty(), "{args:?} says nothing on standard error: {stderr}");
    }
    // The same when the reader of standard error goes away (`check` writes its tally there).
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let mut command = command(&["check", "fixtures/model", "fixtures/towns"]);
    command.stdin(Stdio::null()).stdout(Stdio::piped()).stderr(writer);
    let out = finish(command);
    assert_eq!(out.status.code(), Some(141), "{}", String::from_utf8_lossy(&out.stdout));
}
