//! Unambiguous normalisation shared by the field types: widths, hyphens and spaces.

/// Full-width ASCII forms (Ａ–Ｚ, ０–９, ！–～) become ASCII and the ideographic space a space;
/// everything else is kept.
pub fn fold_width(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '\u{3000}' => ' ',
            _ => c,
        })
        .collect()
}

/// Whether `c` is one of the many dashes residents type for a hyphen in numbers
/// (‐ ‑ ‒ – — ― − ー ｰ －).
pub fn is_hyphen_like(c: char) -> bool {
    matches!(c, '-' | '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{30FC}' | '\u{FF70}' | '\u{FF0D}' | '\u{FE63}')
}

/// For codes and numbers: widths folded, every hyphen-like dash and every space removed.
/// `"９９９ー４１１２"` → `"9994112"`.
pub fn compact_digits(s: &str) -> String {
    fold_width(s).chars().filter(|c| !is_hyphen_like(*c) && !c.is_whitespace()).collect()
}

/// Trims white space (ASCII and ideographic) at both ends.
pub fn trim(s: &str) -> &str {
    s.trim_matches(|c: char| c.is_whitespace() || c == '\u{3000}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_hyphens_and_spaces() {
        assert_eq!(fold_width("ＡＢＣ１２３　"), "ABC123 ");
        assert_eq!(compact_digits("９９９ー４１１２"), "9994112");
        assert_eq!(compact_digits(" 999 - 4112 "), "9994112");
        assert_eq!(trim("　abc "), "abc");
    }
}
