//! Character repertoires of text fields: JIS X 0208 (what most town systems store), an
//! approximation of JIS X 0213, the katakana of a reading (フリガナ), ASCII and the 全銀
//! character set of bank account names, and the standard forms of common 外字 (髙 → 高).
//!
//! JIS X 0208 membership is not a hand-written table: `build.rs` derives a bitmap from the
//! EUC-JP encoder of `encoding_rs` (see there for the exact rule).

/// One bit per code point of the Basic Multilingual Plane, least significant bit first.
static JIS_X_0208: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/jis_x_0208.bin"));

/// Whether `c` is a character of JIS X 0208 (JIS level 1 and 2 kanji, kana, full-width Latin
/// letters and digits, symbols). Half-width ASCII and half-width katakana are not (they are
/// JIS X 0201); NEC and IBM vendor extensions (①, ㈱, 髙, 﨑) are not.
pub fn in_jis_x_0208(c: char) -> bool {
    let cp = c as usize;
    JIS_X_0208.get(cp / 8).is_some_and(|byte| byte & (1 << (cp % 8)) != 0)
}

/// The form of a JIS X 0208 character that the bitmap (and the Windows-based systems of most
/// towns) use, for the characters whose Unicode mapping differs between the JIS standard (and
/// macOS input) and Windows: 〜 ‖ — ¢ £ ¬ become ～ ∥ ― ￠ ￡ ￢; every other character is kept.
pub fn windows_form(c: char) -> char {
    match c {
        '\u{301C}' => '\u{FF5E}',
        '\u{2016}' => '\u{2225}',
        '\u{2014}' => '\u{2015}',
        '\u{00A2}' => '\u{FFE0}',
        '\u{00A3}' => '\u{FFE1}',
        '\u{00AC}' => '\u{FFE2}',
        _ => c,
    }
}

/// Whether `c` is accepted where JIS X 0213 is declared.
///
/// An approximation, documented as such: JIS X 0208, every CJK ideograph ([`is_ideograph`]:
/// unified, Extensions A to G, compatibility; a superset of the 10,050 kanji of JIS X 0213, so
/// no resident is refused a kanji that JIS X 0213 has, at the price of accepting some it lacks),
/// plus the non-kanji additions residents meet in names and addresses: Latin letters
/// with diacritics (é, ü), the extra kana (ゔ ゕ ゖ ヷ–ヺ, small ㇰ–ㇿ), circled numbers (①–⑳,
/// ㉑–㉟), Roman numerals and parenthesised company forms (㈱ ㈲).
pub fn in_jis_x_0213(c: char) -> bool {
    let latin_letter = matches!(c, '\u{00C0}'..='\u{017F}') && !matches!(c, '\u{00D7}' | '\u{00F7}');
    in_jis_x_0208(c)
        || is_ideograph(c)
        || latin_letter // Latin-1 Supplement and Latin Extended-A letters (not × ÷)
        || matches!(c,
            '\u{3094}'..='\u{3096}' // ゔ ゕ ゖ
            | '\u{30F7}'..='\u{30FA}' // ヷ ヸ ヹ ヺ
            | '\u{31F0}'..='\u{31FF}' // small katakana ㇰ–ㇿ
            | '\u{2460}'..='\u{2473}' // ①–⑳
            | '\u{3251}'..='\u{325F}' // ㉑–㉟
            | '\u{2160}'..='\u{216B}' // Ⅰ–Ⅻ
            | '\u{2170}'..='\u{217B}' // ⅰ–ⅻ
            | '\u{3231}' | '\u{3232}' | '\u{3239}' // ㈱ ㈲ ㈹
        )
}

/// Whether `c` is a kanji (CJK unified or compatibility ideograph, or 々 〆 〇).
pub fn is_ideograph(c: char) -> bool {
    matches!(c,
        '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{2A6DF}'
        | '\u{2A700}'..='\u{2EBEF}'
        | '\u{30000}'..='\u{3134F}'
        | '\u{3005}' | '\u{3006}' | '\u{3007}'
    )
}

/// Whether `c` belongs to a reading (フリガナ): full-width katakana ァ–ヶ, the middle dot ・,
/// the long-vowel mark ー, the iteration marks ヽ ヾ and the ideographic space. All are in
/// JIS X 0208 (ヷ–ヺ are not, and are refused).
pub fn is_katakana_reading(c: char) -> bool {
    matches!(c, '\u{30A1}'..='\u{30F6}' | '\u{30FB}'..='\u{30FE}' | '\u{3000}')
}

/// Whether `c` is printable ASCII (a space, letters, digits and symbols).
pub fn is_ascii_printable(c: char) -> bool {
    matches!(c, ' '..='~')
}

/// Whether `c` is in the 全銀 character set of account names: digits, upper-case Latin
/// letters, half-width katakana ｦ and ｱ–ﾝ with ﾞ ﾟ (small kana and ｰ are not: banks fold them),
/// the space and `( ) ｢ ｣ / . - ¥`.
pub fn in_zengin(c: char) -> bool {
    matches!(c,
        '0'..='9' | 'A'..='Z' | ' ' | '(' | ')' | '/' | '.' | '-' | '\u{00A5}'
        | '\u{FF62}' | '\u{FF63}' // ｢ ｣
        | '\u{FF66}' // ｦ
        | '\u{FF71}'..='\u{FF9F}' // ｱ–ﾝ ﾞ ﾟ
    )
}

/// Common 外字 of names and their standard forms in JIS X 0208 (the form residents are asked
/// to choose, or to note for the counter). Variants outside this list are still named, without
/// a suggested form.
const STANDARD_FORMS: &[(char, &str)] = &[
    ('\u{9AD9}', "\u{9AD8}"),                 // 髙→高
    ('\u{FA11}', "\u{5D0E}"),                 // 﨑→崎
    ('\u{5FB7}', "\u{5FB3}"),                 // 德→徳
    ('\u{6801}', "\u{67F3}"),                 // 栁→柳
    ('\u{6FF5}', "\u{6D5C}"),                 // 濵→浜
    ('\u{7028}', "\u{702C}"),                 // 瀨→瀬
    ('\u{20BB7}', "\u{5409}"),                // 𠮷→吉
    ('\u{FA10}', "\u{585A}"),                 // 塚 (compatibility form)
    ('\u{F9DC}', "\u{9686}"),                 // 隆
    ('\u{FA12}', "\u{6674}"),                 // 晴
    ('\u{FA15}', "\u{7199}"),                 // 凞→熙
    ('\u{FA16}', "\u{732A}"),                 // 猪
    ('\u{FA17}', "\u{76CA}"),                 // 益
    ('\u{FA18}', "\u{793C}"),                 // 礼
    ('\u{FA19}', "\u{795E}"),                 // 神
    ('\u{FA1A}', "\u{7965}"),                 // 祥
    ('\u{FA1B}', "\u{798F}"),                 // 福
    ('\u{FA1C}', "\u{9756}"),                 // 靖
    ('\u{FA1D}', "\u{7CBE}"),                 // 精
    ('\u{FA1E}', "\u{7FBD}"),                 // 羽
    ('\u{FA22}', "\u{8AF8}"),                 // 諸
    ('\u{FA25}', "\u{9038}"),                 // 逸
    ('\u{FA26}', "\u{90FD}"),                 // 都
    ('\u{3231}', "\u{FF08}\u{682A}\u{FF09}"), // ㈱→（株）
    ('\u{3232}', "\u{FF08}\u{6709}\u{FF09}"), // ㈲→（有）
];

/// The standard form of a 外字 (髙 → 高, 﨑 → 崎, ㈱ → （株）), when one is well known.
pub fn standard_form(c: char) -> Option<&'static str> {
    STANDARD_FORMS.iter().find(|(variant, _)| *variant == c).map(|(_, standard)| *standard)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jis_x_0208_has_the_standard_characters_and_not_the_vendor_extensions() {
        for c in "山田太郎高崎徳柳浜瀬吉あアー・ＡＺ０９　、。「」凜熙￥＼～－".chars() {
            assert!(in_jis_x_0208(c), "{c} U+{:04X} should be in JIS X 0208", c as u32);
        }
        for c in
            "\u{9AD9}\u{FA11}\u{5FB7}\u{6801}\u{6FF5}\u{7028}\u{2460}\u{3231}\u{2170}Az09 \u{FF71}\u{3099}\u{1F600}"
                .chars()
        {
            assert!(!in_jis_x_0208(c), "{c} U+{:04X} should not be in JIS X 0208", c as u32);
        }
        // 6,879 graphic characters (524 non-kanji + 6,355 kanji), and U+2212 beside U+FF0D for
        // the minus sign.
        let count = (0u32..0x10000).filter_map(char::from_u32).filter(|c| in_jis_x_0208(*c)).count();
        assert_eq!(count, 6880);
    }

    #[test]
    fn jis_mapping_variants_have_a_windows_form_in_the_set() {
        for c in "\u{301C}\u{2016}\u{2014}\u{00A2}\u{00A3}\u{00AC}".chars() {
            assert!(!in_jis_x_0208(c));
            assert!(in_jis_x_0208(windows_form(c)), "{c}");
        }
    }

    #[test]
    fn standard_forms_are_in_jis_x_0208_and_variants_are_not() {
        for (variant, standard) in STANDARD_FORMS {
            assert!(!in_jis_x_0208(*variant), "{variant} is in JIS X 0208");
            assert!(standard.chars().all(in_jis_x_0208), "{standard} is not in JIS X 0208");
            assert_eq!(standard_form(*variant), Some(*standard));
        }
    }

    #[test]
    fn jis_x_0213_approximation_is_a_superset() {
        for c in "\u{9AD9}\u{FA11}\u{20BB7}\u{2460}\u{3231}\u{E9}\u{30F7}山ア".chars() {
            assert!(in_jis_x_0213(c), "{c}");
        }
        assert!(!in_jis_x_0213('😀'));
        assert!(!in_jis_x_0213('A'));
    }

    #[test]
    fn zengin_set() {
        assert!("ﾔﾏﾀﾞ ﾀﾛｳ(ｶ)ｦ0123ABC/.-¥｢｣".chars().all(in_zengin));
        for c in "ｧｯｬｰabcヤ山,".chars() {
            assert!(!in_zengin(c), "{c}");
        }
    }
}
