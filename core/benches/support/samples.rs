//! The sample definitions, read from `fixtures/` (outside the measured loops).

use std::path::{Path, PathBuf};

use tetsuzuki::definitions::SourceFile;

/// Every file of the sample model and towns.
pub fn sample_sources() -> Vec<SourceFile> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                walk(&p, out)
            } else if p.extension().is_some_and(|x| x == "yaml") {
                out.push(p)
            }
        }
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../fixtures");
    let mut files = Vec::new();
    walk(&root.join("model"), &mut files);
    walk(&root.join("towns"), &mut files);
    files.sort();
    files.iter().map(|p| SourceFile::from_bytes(p.display().to_string(), &std::fs::read(p).unwrap())).collect()
}
