//! Makes the sample compiled catalogue available to the browser tests (`wasm/tests/web.rs`),
//! which cannot read files at run time: `$OUT_DIR/sample-catalog.json` is a copy of the file
//! named by `TETSUZUKI_SAMPLE_CATALOG` (scripts/test compiles `fixtures/model` and
//! `fixtures/towns` into `target/sample-catalog.json` and sets it), else of
//! `target/sample-catalog.json` if it exists, else empty (the sample test then fails and says so).
//! Never fails the build: a native `cargo build --workspace` runs this too.

use std::{env, fs, path::PathBuf};

fn main() {
    println!("cargo::rerun-if-env-changed=TETSUZUKI_SAMPLE_CATALOG");
    let manifest = PathBuf::from(env::var_os("CARGO_MANIFEST_DIR").expect("set by cargo"));
    let source = match env::var_os("TETSUZUKI_SAMPLE_CATALOG") {
        Some(path) if !path.is_empty() => PathBuf::from(path),
        _ => manifest.join("../target/sample-catalog.json"),
    };
    println!("cargo::rerun-if-changed={}", source.display());
    let text = fs::read(&source).unwrap_or_default();
    let out = PathBuf::from(env::var_os("OUT_DIR").expect("set by cargo")).join("sample-catalog.json");
    fs::write(&out, text).unwrap_or_else(|e| panic!("cannot write {}: {e}", out.display()));
    println!("cargo::rustc-env=TETSUZUKI_SAMPLE_CATALOG_PATH={}", source.display());
}
