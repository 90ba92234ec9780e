//! The first step of reading any typed answer: characters nobody means to submit are removed
//! (zero-width and bidirectional controls, other control characters, the byte-order mark) and
//! white space is made plain (every kind of space one space; line breaks one `\n`, or a space
//! where the field has one line), collapsed and trimmed.

use std::borrow::Cow;

/// Whether `c` is invisible formatting nobody means to submit: zero-width characters
/// (U+200B–U+200D, U+2060–U+2064, U+FEFF), bidirectional marks and overrides (U+200E, U+200F,
/// U+061C, U+202A–U+202E, U+2066–U+2069), the soft hyphen, tag characters and the interlinear
/// annotation marks.
pub fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{061C}' | '\u{180E}'
        | '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{2069}'
        | '\u{FEFF}'
        | '\u{FFF9}'..='\u{FFFB}'
        | '\u{E0000}'..='\u{E007F}'
    )
}

/// Whether `c` is a control character other than tab and line breaks (C0, DEL, C1).
fn is_control(c: char) -> bool {
    c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{0085}')
}

/// Whether `c` ends a line (LF, CR, NEL, line and paragraph separators).
fn is_line_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{0085}' | '\u{2028}' | '\u{2029}')
}

/// How many lines a field has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lines {
    /// One line: line breaks become spaces.
    One,
    /// Several lines: line breaks are kept (as `\n`), blank lines at most one in a row.
    Many,
}

/// Removes invisible and control characters, makes every space (including the ideographic
/// space U+3000) one ASCII space, collapses runs, trims both ends (and, with [`Lines::Many`],
/// each line). Idempotent.
pub fn clean(s: &str, lines: Lines) -> String {
    clean_cow(s, lines).into_owned()
}

/// [`clean`], borrowing `s` when it is clean already (most answers are).
pub fn clean_cow(s: &str, lines: Lines) -> Cow<'_, str> {
    if is_clean(s) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(rebuild(s, lines))
}

/// Whether cleaning leaves `s` as it is: one pass to see, no rebuilding.
fn is_clean(s: &str) -> bool {
    if s.is_ascii() {
        // Printable ASCII and single inner spaces.
        let b = s.as_bytes();
        return b.first() != Some(&b' ')
            && b.last() != Some(&b' ')
            && b.iter().all(|&c| (0x20..0x7f).contains(&c))
            && !b.windows(2).any(|w| w == b"  ");
    }
    !s.starts_with(' ')
        && !s.ends_with(' ')
        && !s.contains("  ")
        && s.chars().all(|c| c == ' ' || !(is_invisible(c) || is_control(c) || is_line_break(c) || c.is_whitespace()))
}

fn rebuild(s: &str, lines: Lines) -> String {
    let mut plain = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if is_invisible(c) || is_control(c) {
            continue;
        }
        if is_line_break(c) {
            // CR LF is one break.
            if c == '\r' && chars.peek() == Some(&'\n') {
                chars.next();
            }
            plain.push(if lines == Lines::Many { '\n' } else { ' ' });
        } else if c.is_whitespace() {
            plain.push(' ');
        } else {
            plain.push(c);
        }
    }
    let mut out = String::with_capacity(plain.len());
    match lines {
        Lines::One => collapse_into(&plain, &mut out),
        Lines::Many => {
            // Written line by line into one string (a text of many short lines allocates
            // nothing per line): no blank line first or last, at most one in a row.
            let mut blank = false;
            for line in plain.split('\n') {
                if line.bytes().all(|b| b == b' ') {
                    blank = !out.is_empty();
                    continue;
                }
                if !out.is_empty() {
                    out.push_str(if blank { "\n\n" } else { "\n" });
                }
                blank = false;
                collapse_into(line, &mut out);
            }
        }
    }
    out
}

/// Appends `s` with runs of spaces made one and none at either end.
fn collapse_into(s: &str, out: &mut String) {
    for (i, word) in s.split(' ').filter(|w| !w.is_empty()).enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(word);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invisible_and_control_characters_go_and_spaces_are_plain() {
        assert_eq!(clean("\u{200B}山田\u{202E}　\u{3000}太郎\u{FEFF}", Lines::One), "山田 太郎");
        assert_eq!(clean("a\r\nb\u{7}\tc\u{00A0}d", Lines::One), "a b c d");
        assert_eq!(clean("\n\na  \r\n\r\n\r\n b \n\n", Lines::Many), "a\n\nb");
        assert_eq!(clean("\u{200B}\u{200D}", Lines::One), "");
    }

    #[test]
    fn cleaning_is_idempotent() {
        for s in ["  a \n\n\n b ", "\u{2028}x\u{2029}\u{85}y", "\r\r\n"] {
            for lines in [Lines::One, Lines::Many] {
                let once = clean(s, lines);
                assert_eq!(clean(&once, lines), once, "{s:?}");
            }
        }
    }
}
