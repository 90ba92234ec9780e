//! Bad input never panics the loader: any bytes, any text, any mutation of a real definition
//! gives diagnostics (or none), and every diagnostic can be located and rendered.

use proptest::prelude::*;
use tetsuzuki::check::check_sources;
use tetsuzuki::definitions::SourceFile;

const SAMPLE: &str = include_str!("../../fixtures/model/procedures/tennyu.yaml");

fn check_and_render(file: SourceFile) {
    let (defs, diagnostics) = check_sources(vec![file]);
    for d in &diagnostics {
        let located = defs.locate(d);
        assert!(located.line >= 1 && located.column >= 1);
        assert!(d.fix.as_deref().is_none_or(|f| !f.is_empty()));
    }
    let _ = defs.render(&diagnostics);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, .. ProptestConfig::default() })]

    #[test]
    fn any_bytes_are_diagnosed_not_panicked(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        check_and_render(SourceFile::from_bytes("any.yaml", &bytes));
    }

    #[test]
    fn any_text_is_diagnosed_not_panicked(text in "\\PC{0,400}") {
        check_and_render(SourceFile::new("any.yaml", text));
    }

    #[test]
    fn yaml_shaped_text_is_diagnosed_not_panicked(
        lines in proptest::collection::vec("[ -]{0,6}[a-z_]{1,12}: ?[\\[\\]{}a-z0-9 \"'|>&*:,.#-]{0,30}", 0..30)
    ) {
        check_and_render(SourceFile::new("shaped.yaml", format!("kind: procedure\n{}", lines.join("\n"))));
    }

    #[test]
    fn mutations_of_a_real_definition_are_diagnosed_not_panicked(
        cut in 0usize..4000, len in 0usize..40, insert in "\\PC{0,8}"
    ) {
        let mut text: Vec<char> = SAMPLE.chars().collect();
        let at = cut.min(text.len());
        let end = (at + len).min(text.len());
        text.splice(at..end, insert.chars());
        check_and_render(SourceFile::new("mutated.yaml", text.into_iter().collect::<String>()));
    }
}

#[test]
fn huge_files_get_a_clear_error() {
    let text = "a: b\n".repeat(2_000_000);
    let (defs, diagnostics) = check_sources(vec![SourceFile::new("huge.yaml", text)]);
    assert_eq!(diagnostics.len(), 1);
    assert_eq!(diagnostics[0].code, "yaml-too-large");
    assert!(defs.render(&diagnostics).contains("split it into several files"));
}

#[test]
fn deep_block_nesting_gets_a_clear_error() {
    let mut text = String::new();
    for depth in 0..200 {
        text.push_str(&" ".repeat(depth * 2));
        text.push_str("a:\n");
    }
    let (_, diagnostics) = check_sources(vec![SourceFile::new("deep.yaml", text)]);
    assert!(diagnostics.iter().any(|d| d.code == "yaml-too-deep"), "{diagnostics:?}");
}

#[test]
fn a_trailing_document_marker_defines_nothing() {
    let text = "kind: code_list\nid: account-type\nversion: \"1\"\ntitle: {ja: 預金種目, en: Account type}\ncodes:\n  - code: \"1\"\n    label: {ja: 普通, en: Ordinary}\n---\n";
    let (defs, diagnostics) = check_sources(vec![SourceFile::new("list.yaml", text)]);
    assert!(diagnostics.is_empty(), "{}", defs.render(&diagnostics));
    assert_eq!(defs.documents.len(), 1);
}
