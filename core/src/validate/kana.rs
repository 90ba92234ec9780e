//! Kana: hiragana and katakana, full and half width, voiced marks (゛ ゜), and the 全銀 rules by
//! which banks write account names (half-width, small kana large, ー as `-`, company forms
//! abbreviated). Small tables written out here; no Unicode crate.

/// The full-width forms of the half-width katakana U+FF61..=U+FF9F (JIS X 0201), in order.
const HALF_TO_FULL: [char; 63] = [
    '。', '「', '」', '、', '・', 'ヲ', 'ァ', 'ィ', 'ゥ', 'ェ', 'ォ', 'ャ', 'ュ', 'ョ', 'ッ', 'ー', //
    'ア', 'イ', 'ウ', 'エ', 'オ', 'カ', 'キ', 'ク', 'ケ', 'コ', 'サ', 'シ', 'ス', 'セ', 'ソ', //
    'タ', 'チ', 'ツ', 'テ', 'ト', 'ナ', 'ニ', 'ヌ', 'ネ', 'ノ', 'ハ', 'ヒ', 'フ', 'ヘ', 'ホ', //
    'マ', 'ミ', 'ム', 'メ', 'モ', 'ヤ', 'ユ', 'ヨ', 'ラ', 'リ', 'ル', 'レ', 'ロ', 'ワ', 'ン', //
    '゛', '゜',
];

/// The combining voiced mark (U+3099).
pub const COMBINING_VOICED: char = '\u{3099}';
/// The combining semi-voiced mark (U+309A).
pub const COMBINING_SEMI_VOICED: char = '\u{309A}';
/// The spacing voiced mark ゛ (U+309B).
pub const VOICED_MARK: char = '\u{309B}';
/// The spacing semi-voiced mark ゜ (U+309C).
pub const SEMI_VOICED_MARK: char = '\u{309C}';

/// Whether `c` is hiragana (ぁ–ゖ and the iteration marks ゝ ゞ).
pub fn is_hiragana(c: char) -> bool {
    matches!(c, '\u{3041}'..='\u{3096}' | '\u{309D}' | '\u{309E}')
}

/// Whether `c` is full-width katakana (ァ–ヺ and the iteration marks ヽ ヾ).
pub fn is_katakana(c: char) -> bool {
    matches!(c, '\u{30A1}'..='\u{30FA}' | '\u{30FD}' | '\u{30FE}')
}

/// Whether `c` is half-width katakana or one of its marks (ｦ–ﾟ, including ｰ ﾞ ﾟ).
pub fn is_halfwidth_katakana(c: char) -> bool {
    matches!(c, '\u{FF66}'..='\u{FF9F}')
}

/// Whether `c` is any kana, full or half width, or the long-vowel mark.
pub fn is_kana(c: char) -> bool {
    is_hiragana(c) || is_katakana(c) || is_halfwidth_katakana(c) || c == 'ー'
}

/// The katakana of a hiragana (ゝ ゞ become ヽ ヾ); any other character is kept.
pub fn hiragana_to_katakana(c: char) -> char {
    match c {
        '\u{3041}'..='\u{3096}' | '\u{309D}' | '\u{309E}' => char::from_u32(c as u32 + 0x60).unwrap_or(c),
        _ => c,
    }
}

/// Every hiragana of `s` as katakana.
pub fn hiragana_to_katakana_str(s: &str) -> String {
    s.chars().map(hiragana_to_katakana).collect()
}

/// The voiced form of a kana (か → が, ウ → ヴ, ワ → ヷ, ゝ → ゞ), if it has one.
pub fn voiced(c: char) -> Option<char> {
    let cp = c as u32;
    // Hiragana and katakana share the layout, 0x60 apart.
    let (base, offset) = match cp {
        0x30EF..=0x30F2 => return char::from_u32(cp + 8), // ワ ヰ ヱ ヲ → ヷ ヸ ヹ ヺ
        0x3041..=0x3096 | 0x309D => (cp, 0),
        0x30A1..=0x30F6 | 0x30FD => (cp - 0x60, 0x60),
        _ => return None,
    };
    let v = match base {
        0x304B..=0x3062 if (base - 0x304B) % 2 == 0 => base + 1, // か–ぢ
        0x3064 | 0x3066 | 0x3068 => base + 1,                    // つ て と
        0x306F..=0x307D if (base - 0x306F) % 3 == 0 => base + 1, // は–ほ
        0x3046 => 0x3094,                                        // う → ゔ
        0x309D => 0x309E,                                        // ゝ → ゞ
        _ => return None,
    };
    char::from_u32(v + offset)
}

/// The semi-voiced form of a kana (は → ぱ, ホ → ポ), if it has one.
pub fn semi_voiced(c: char) -> Option<char> {
    let cp = c as u32;
    let (base, offset) = match cp {
        0x306F..=0x307D => (cp, 0),
        0x30CF..=0x30DD => (cp - 0x60, 0x60),
        _ => return None,
    };
    ((base - 0x306F) % 3 == 0).then(|| char::from_u32(base + 2 + offset)).flatten()
}

/// A voiced or semi-voiced kana split into its plain kana and mark (ガ → カ + ゛), if it is one.
pub fn decompose_voiced(c: char) -> Option<(char, char)> {
    let cp = c as u32;
    let before = |n: u32| cp.checked_sub(n).and_then(char::from_u32);
    if let Some(b) = before(1).filter(|b| voiced(*b) == Some(c)) {
        return Some((b, VOICED_MARK));
    }
    if let Some(b) = before(2).filter(|b| semi_voiced(*b) == Some(c)) {
        return Some((b, SEMI_VOICED_MARK));
    }
    match c {
        'ゔ' => Some(('う', VOICED_MARK)),
        'ヴ' => Some(('ウ', VOICED_MARK)),
        '\u{30F7}'..='\u{30FA}' => before(8).map(|b| (b, VOICED_MARK)),
        _ => None,
    }
}

/// Joins voiced marks to the kana before them where the result is a single kana (か + ゛ or
/// U+3099 → が, ハ + ゜ → パ). A combining mark that cannot join becomes its spacing form ゛ ゜,
/// so it shows; a spacing mark after a character that cannot take it is kept.
pub fn compose_voiced_marks(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut last: Option<char> = None;
    for c in s.chars() {
        let composed = match (c, last) {
            (COMBINING_VOICED | VOICED_MARK, Some(prev)) => voiced(prev),
            (COMBINING_SEMI_VOICED | SEMI_VOICED_MARK, Some(prev)) => semi_voiced(prev),
            _ => None,
        };
        if let Some(joined) = composed {
            out.pop();
            out.push(joined);
            last = Some(joined);
            continue;
        }
        let c = match c {
            COMBINING_VOICED => VOICED_MARK,
            COMBINING_SEMI_VOICED => SEMI_VOICED_MARK,
            _ => c,
        };
        out.push(c);
        last = Some(c);
    }
    out
}

/// The full-width form of a half-width katakana or mark (ｱ → ア, ﾞ → ゛, ｡ → 。).
pub fn halfwidth_to_fullwidth(c: char) -> char {
    match c {
        '\u{FF61}'..='\u{FF9F}' => HALF_TO_FULL[(c as u32 - 0xFF61) as usize],
        _ => c,
    }
}

/// Half-width katakana made full width, voiced marks joined (ｶﾞ → ガ, か + U+3099 → が).
pub fn widen_kana(s: &str) -> String {
    compose_voiced_marks(&s.chars().map(halfwidth_to_fullwidth).collect::<String>())
}

/// The half-width form of one full-width katakana or kana symbol, with its mark when voiced
/// (ガ → ｶﾞ, ァ → ｧ, ー → ｰ, ・ → ･, 「 → ｢), if half-width has it.
pub fn to_halfwidth(c: char) -> Option<(char, Option<char>)> {
    if let Some(i) = HALF_TO_FULL.iter().position(|f| *f == c) {
        return char::from_u32(0xFF61 + i as u32).map(|h| (h, None));
    }
    let (base, mark) = decompose_voiced(c)?;
    let i = HALF_TO_FULL.iter().position(|f| *f == base)?;
    let mark = if mark == VOICED_MARK { '\u{FF9E}' } else { '\u{FF9F}' };
    char::from_u32(0xFF61 + i as u32).map(|h| (h, Some(mark)))
}

/// Whether `c` is a small kana, full or half width (ぁ ァ ｧ ッ ｯ ャ ゃ ヮ ヵ ヶ ㇰ…).
pub fn is_small_kana(c: char) -> bool {
    matches!(c,
        'ぁ' | 'ぃ' | 'ぅ' | 'ぇ' | 'ぉ' | 'っ' | 'ゃ' | 'ゅ' | 'ょ' | 'ゎ' | 'ゕ' | 'ゖ'
        | 'ァ' | 'ィ' | 'ゥ' | 'ェ' | 'ォ' | 'ッ' | 'ャ' | 'ュ' | 'ョ' | 'ヮ' | 'ヵ' | 'ヶ'
        | '\u{FF67}'..='\u{FF6F}' | '\u{31F0}'..='\u{31FF}')
}

/// The large form of a small half-width katakana (ｧ → ｱ, ｯ → ﾂ, ｬ → ﾔ); others are kept.
fn large_halfwidth(c: char) -> char {
    match c {
        'ｧ' => 'ｱ',
        'ｨ' => 'ｲ',
        'ｩ' => 'ｳ',
        'ｪ' => 'ｴ',
        'ｫ' => 'ｵ',
        'ｬ' => 'ﾔ',
        'ｭ' => 'ﾕ',
        'ｮ' => 'ﾖ',
        'ｯ' => 'ﾂ',
        _ => c,
    }
}

/// Company forms and their 全銀 abbreviations (法人略語), longest first so that 一般社団法人 is
/// not read as 社団法人. Readings in half-width kana (as folded) are included, and the
/// parenthesised short forms residents type ((株), ㈱).
const COMPANY_FORMS: &[(&str, &str)] = &[
    ("特定非営利活動法人", "ﾄｸﾋ"),
    ("ﾄｸﾃｲﾋｴｲﾘｶﾂﾄﾞｳﾎｳｼﾞﾝ", "ﾄｸﾋ"),
    ("一般社団法人", "ｼﾔ"),
    ("公益社団法人", "ｼﾔ"),
    ("一般財団法人", "ｻﾞｲ"),
    ("公益財団法人", "ｻﾞｲ"),
    ("社会福祉法人", "ﾌｸ"),
    ("独立行政法人", "ﾄﾞｸ"),
    ("国立大学法人", "ﾀﾞｲ"),
    ("農事組合法人", "ﾉｳ"),
    ("行政書士法人", "ｷﾞﾖ"),
    ("司法書士法人", "ｼﾎｳ"),
    ("医療法人社団", "ｲ"),
    ("医療法人財団", "ｲ"),
    ("社会医療法人", "ｲ"),
    ("ｶﾌﾞｼｷｶﾞｲｼﾔ", "ｶ"),
    ("ｶﾌﾞｼｷｶｲｼﾔ", "ｶ"),
    ("ﾕｳｹﾞﾝｶﾞｲｼﾔ", "ﾕ"),
    ("ﾕｳｹﾞﾝｶｲｼﾔ", "ﾕ"),
    ("ｺﾞｳﾄﾞｳｶﾞｲｼﾔ", "ﾄﾞ"),
    ("ｺﾞｳﾄﾞｳｶｲｼﾔ", "ﾄﾞ"),
    ("ｺﾞｳﾒｲｶﾞｲｼﾔ", "ﾒ"),
    ("ｺﾞｳｼｶﾞｲｼﾔ", "ｼ"),
    ("ｲﾘﾖｳﾎｳｼﾞﾝ", "ｲ"),
    ("弁護士法人", "ﾍﾞﾝ"),
    ("税理士法人", "ｾﾞｲ"),
    ("株式会社", "ｶ"),
    ("有限会社", "ﾕ"),
    ("合同会社", "ﾄﾞ"),
    ("合名会社", "ﾒ"),
    ("合資会社", "ｼ"),
    ("医療法人", "ｲ"),
    ("財団法人", "ｻﾞｲ"),
    ("社団法人", "ｼﾔ"),
    ("宗教法人", "ｼﾕｳ"),
    ("学校法人", "ｶﾞｸ"),
    ("相互会社", "ｿ"),
    ("(特非)", "ﾄｸﾋ"),
    ("(株)", "ｶ"),
    ("(有)", "ﾕ"),
    ("(同)", "ﾄﾞ"),
    ("(名)", "ﾒ"),
    ("(資)", "ｼ"),
    ("(医)", "ｲ"),
    ("\u{3231}", "ｶ"), // ㈱
    ("\u{3232}", "ﾕ"), // ㈲
];

/// The first change a fold made, to name in the message (「ッ」は「ﾂ」).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoldChange {
    /// What was written.
    pub from: String,
    /// What the bank writes.
    pub to: String,
}

/// Writes an account name the way banks do (全銀 rules), from an answer already made half
/// width where half width has the character: hiragana and remaining full-width kana become
/// half-width katakana, small kana large (ｧ → ｱ, ｯ → ﾂ, ｬｭｮ → ﾔﾕﾖ, ヵ ヶ ヮ → ｶ ｹ ﾜ), ヰ ヱ become
/// ｲ ｴ, long-vowel marks `-`, the middle dot a space, Latin letters upper case, and company
/// forms their abbreviation: `ｶ)` before the name when the form comes first (株式会社山田 →
/// `ｶ)ﾔﾏﾀﾞ`), `(ｶ` after it when last (山田株式会社 → `ﾔﾏﾀﾞ(ｶ`), `(ｶ)` in the middle
/// (山田株式会社東京支店). Characters with no bank form (kanji) are kept, for the caller to name.
/// Returns the folded name and the first change, if any.
pub fn zengin_fold(s: &str) -> (String, Option<FoldChange>) {
    // The first change of a character, and the first company form: the latter is the better
    // example to name.
    let mut first: Option<FoldChange> = None;
    // Character by character, each into one or two (a voiced kana and its mark), without
    // allocating per character: names can be long.
    let mut chars = String::with_capacity(s.len());
    for c in s.chars() {
        let k = hiragana_to_katakana(c);
        let k = match k {
            'ヵ' => 'カ',
            'ヶ' => 'ケ',
            'ヮ' => 'ワ',
            'ヰ' => 'イ',
            'ヱ' => 'エ',
            'ゕ' => 'カ',
            'ゖ' => 'ケ',
            _ => k,
        };
        let half = (is_kana(c) || c == '・' || c == 'ー').then(|| to_halfwidth(k)).flatten();
        let (mut piece, len) = match half {
            Some((h, Some(mark))) => ([h, mark], 2),
            Some((h, None)) => ([h, '\0'], 1),
            None => ([k, '\0'], 1),
        };
        for p in &mut piece[..len] {
            *p = match *p {
                'a'..='z' => p.to_ascii_uppercase(),
                '\u{FF70}' | 'ー' => '-',
                '\u{FF65}' | '・' => ' ',
                other => large_halfwidth(other),
            };
        }
        let piece = &piece[..len];
        if first.is_none() && piece != [c] {
            first = Some(FoldChange { from: c.to_string(), to: piece.iter().collect() });
        }
        chars.extend(piece);
    }
    // Company forms, then spaces tidied.
    let mut company: Option<FoldChange> = None;
    let folded = abbreviate_company_forms(&chars, &mut |from: &str, to: &str| {
        if company.is_none() {
            company = Some(FoldChange { from: from.to_string(), to: to.to_string() });
        }
    });
    let folded = collapse_spaces(&folded);
    (folded, company.or(first))
}

/// Replaces company forms by their bracketed abbreviation, with the spaces beside them removed.
fn abbreviate_company_forms(s: &str, note: &mut impl FnMut(&str, &str)) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    // Whether anything but spaces is written yet (kept, not recomputed: names can be long).
    let mut started = false;
    while !rest.is_empty() {
        // Most characters start no company form; the others are compared only with the forms
        // they start.
        let found = rest.chars().next().and_then(|c| forms_starting_with(c).find(|(form, _)| rest.starts_with(form)));
        let Some((form, abbreviation)) = found else {
            let mut it = rest.chars();
            if let Some(c) = it.next() {
                out.push(c);
                started |= c != ' ';
            }
            rest = it.as_str();
            continue;
        };
        let after = &rest[form.len()..];
        let at_start = !started;
        started = true;
        let at_end = after.trim().is_empty();
        let written = match (at_start, at_end) {
            (true, _) => format!("{abbreviation})"),
            (false, true) => format!("({abbreviation}"),
            (false, false) => format!("({abbreviation})"),
        };
        note(form, &written);
        let kept = out.trim_end().len();
        out.truncate(kept);
        out.push_str(&written);
        rest = after.trim_start();
    }
    out
}

/// The company forms that start with `c`, in the order of [`COMPANY_FORMS`] (longest first),
/// found through an index of their first characters made once.
fn forms_starting_with(c: char) -> impl Iterator<Item = &'static (&'static str, &'static str)> {
    static INDEX: std::sync::OnceLock<Vec<(char, usize)>> = std::sync::OnceLock::new();
    let index = INDEX.get_or_init(|| {
        let mut index: Vec<(char, usize)> =
            COMPANY_FORMS.iter().enumerate().filter_map(|(i, (form, _))| Some((form.chars().next()?, i))).collect();
        index.sort_unstable();
        index
    });
    let start = index.partition_point(|(first, _)| *first < c);
    index[start..].iter().take_while(move |(first, _)| *first == c).map(|(_, i)| &COMPANY_FORMS[*i])
}

/// Runs of spaces made one, and none at either end.
fn collapse_spaces(s: &str) -> String {
    s.split(' ').filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn voiced_marks_join_only_where_a_single_kana_exists() {
        assert_eq!(compose_voiced_marks("か\u{3099}"), "が");
        assert_eq!(compose_voiced_marks("か゛"), "が");
        assert_eq!(compose_voiced_marks("ハ゜ウ\u{3099}ワ゛"), "パヴヷ");
        assert_eq!(compose_voiced_marks("あ\u{3099}"), "あ゛");
        assert_eq!(compose_voiced_marks("\u{3099}"), "゛");
        assert_eq!(compose_voiced_marks("が\u{3099}"), "が゛");
        assert_eq!(widen_kana("ｶﾞｷﾞﾊﾟｳﾞｰ｡"), "ガギパヴー。");
    }

    #[test]
    fn every_voiced_kana_decomposes_back() {
        for cp in 0x3041u32..=0x30FE {
            let Some(c) = char::from_u32(cp) else { continue };
            if let Some(v) = voiced(c) {
                assert_eq!(decompose_voiced(v), Some((c, VOICED_MARK)), "{c}");
            }
            if let Some(v) = semi_voiced(c) {
                assert_eq!(decompose_voiced(v), Some((c, SEMI_VOICED_MARK)), "{c}");
            }
        }
        assert_eq!(voiced('ち'), Some('ぢ'));
        assert_eq!(voiced('つ'), Some('づ'));
        assert_eq!(voiced('っ'), None);
        assert_eq!(voiced('ホ'), Some('ボ'));
        assert_eq!(semi_voiced('ひ'), Some('ぴ'));
        assert_eq!(semi_voiced('か'), None);
    }

    #[test]
    fn half_and_full_width_round_trip() {
        for c in "アイウエオガギパヴァッャー・「」ヲン".chars() {
            let (h, mark) = to_halfwidth(c).unwrap();
            let mut s = String::from(h);
            s.extend(mark);
            assert_eq!(widen_kana(&s), c.to_string());
        }
        assert_eq!(to_halfwidth('ヰ'), None);
    }

    #[test]
    fn banks_fold_small_kana_long_vowels_and_company_forms() {
        let fold = |s: &str| zengin_fold(s).0;
        assert_eq!(fold("ﾐｯｷｰ"), "ﾐﾂｷ-");
        assert_eq!(fold("ｼｬｼｭｼｮ"), "ｼﾔｼﾕｼﾖ");
        assert_eq!(fold("やまだ たろう"), "ﾔﾏﾀﾞ ﾀﾛｳ");
        assert_eq!(fold("株式会社 ﾔﾏﾀﾞ"), "ｶ)ﾔﾏﾀﾞ");
        assert_eq!(fold("ﾔﾏﾀﾞ株式会社"), "ﾔﾏﾀﾞ(ｶ");
        assert_eq!(fold("ﾔﾏﾀﾞ 株式会社 ﾄｳｷﾖｳｼﾃﾝ"), "ﾔﾏﾀﾞ(ｶ)ﾄｳｷﾖｳｼﾃﾝ");
        assert_eq!(fold("(株)ﾔﾏﾀﾞ"), "ｶ)ﾔﾏﾀﾞ");
        assert_eq!(fold("ｶﾌﾞｼｷｶﾞｲｼｬ ﾔﾏﾀﾞ"), "ｶ)ﾔﾏﾀﾞ");
        assert_eq!(fold("合同会社ﾔﾏﾀﾞ"), "ﾄﾞ)ﾔﾏﾀﾞ");
        assert_eq!(fold("特定非営利活動法人ﾔﾏﾀﾞ"), "ﾄｸﾋ)ﾔﾏﾀﾞ");
        assert_eq!(fold("医療法人ﾔﾏﾀﾞ"), "ｲ)ﾔﾏﾀﾞ");
        assert_eq!(fold("ﾔﾏﾀﾞ有限会社"), "ﾔﾏﾀﾞ(ﾕ");
        assert_eq!(fold("john smith"), "JOHN SMITH");
        assert_eq!(fold("ｼﾞﾖﾝ･ｽﾐｽ"), "ｼﾞﾖﾝ ｽﾐｽ");
        assert_eq!(fold("山田"), "山田");
        let (_, change) = zengin_fold("ﾐｯｷｰ");
        assert_eq!(change, Some(FoldChange { from: "ｯ".into(), to: "ﾂ".into() }));
        assert_eq!(zengin_fold("ﾔﾏﾀﾞ").1, None);
        let (_, change) = zengin_fold("株式会社ｼｮｳｼﾞ");
        assert_eq!(change, Some(FoldChange { from: "株式会社".into(), to: "ｶ)".into() }));
    }
}
