//! The one message catalogue: Fluent (`.ftl`) files in `core/messages/<lang>/`, compiled in.
//!
//! Every resident-facing word of the SDK comes from here (definitions bring their own texts
//! for labels and rules). A problem code `postal_code.wrong_length` has the message
//! `postal_code-wrong_length` (what is wrong) and `postal_code-wrong_length-fix` (what to do);
//! machine fixes have a label `fix-…`. Every message gets `$label`, the field's label in the
//! same language.
//!
//! The files are parsed at build time (`core/build.rs`) into one sorted table of patterns per
//! language, so the library carries no Fluent parser and parses nothing when a language is
//! first used. The subset of Fluent the files may use is what the build accepts: text,
//! variables (`{ $count }`), string and number literals, and selections on a variable with
//! plural categories or whole-number keys (`{ $count -> [one] digit *[other] digits }`).
//! Anything else fails the build at its `file:line:column`. The formatting here agrees with
//! `fluent-bundle` on every message of every language (tested), with two additions for labels:
//!
//! - **`$label_kind`** is derived from `$label` when the caller does not give it: `question`
//!   when the label asks something (see [`label_kind`]), `other` otherwise. A message that
//!   embeds the label after a verb selects on it, because "Select { $label }" cannot work with
//!   "Are you the head of the household": `{ $label_kind -> [question] … *[other] … }`.
//! - **English labels inside a sentence** read as words of that sentence (GOV.UK style: "Enter
//!   the date you moved in", not "Enter Date you moved in"); see [`embedded_label`]. A label at
//!   the start of a message or of a sentence, or right after an opening quotation mark, is
//!   written as it is.

use crate::model::Lang;

mod tables {
    //! Each table is `(text, offsets)`: its entries one after another in one string, the `i`th
    //! from offset `i` to offset `i + 1` (`u16`, which keeps the wasm small; the build fails
    //! when a table outgrows them). `IDS` has every message id, sorted; per language, its
    //! pattern of the `i`th id (an empty range when the language lacks it). A pattern is text
    //! as it is, a variable `\x01name\x02`, a selection `\x03name\x02` followed by its
    //! variants `\x04key\x02…\x05` (`*key` marks the default, `#12` a whole number) and `\x06`.
    include!(concat!(env!("OUT_DIR"), "/messages.rs"));
}

const VAR: u8 = 1;
const NAME_END: u8 = 2;
const SELECT: u8 = 3;
const VARIANT: u8 = 4;
const VARIANT_END: u8 = 5;
const SELECT_END: u8 = 6;

/// The compiled-in catalogue of every language.
pub struct Catalogue {
    _private: (),
}

/// The catalogue.
pub fn catalogue() -> &'static Catalogue {
    static CATALOGUE: Catalogue = Catalogue { _private: () };
    &CATALOGUE
}

/// A compiled table: its entries one after another, and the offsets where each starts and ends.
type Table = (&'static str, &'static [u16]);

/// The `i`th entry of a table.
fn entry((text, offsets): Table, i: usize) -> Option<&'static str> {
    let (start, end) = (*offsets.get(i)?, *offsets.get(i + 1)?);
    text.get(usize::from(start)..usize::from(end))
}

/// Every message id, sorted.
const IDS: Table = (tables::IDS.0, &tables::IDS.1);

/// The number of message ids.
const ID_COUNT: usize = tables::IDS.1.len() - 1;

/// The position of `id` in [`IDS`], if the catalogue has it.
fn index(id: &str) -> Option<usize> {
    let (mut low, mut high) = (0, ID_COUNT);
    while low < high {
        let middle = low + (high - low) / 2;
        match entry(IDS, middle)?.cmp(id) {
            std::cmp::Ordering::Less => low = middle + 1,
            std::cmp::Ordering::Greater => high = middle,
            std::cmp::Ordering::Equal => return Some(middle),
        }
    }
    None
}

/// The patterns of a language, in the order of [`IDS`].
fn table(lang: Lang) -> Table {
    let (text, offsets) = match lang {
        Lang::Ja => &tables::JA,
        Lang::En => &tables::EN,
        Lang::JaEasy => &tables::JA_EASY,
    };
    (text, offsets)
}

/// The pattern of the `i`th id in `lang`, if the language has it.
fn pattern(lang: Lang, i: usize) -> Option<&'static str> {
    entry(table(lang), i).filter(|p| !p.is_empty())
}

impl Catalogue {
    /// The message `id` in `lang` with `args` (ja-easy falls back to ja), or `None` when the
    /// catalogue lacks it.
    pub fn format(&self, lang: Lang, id: &str, args: &[(&str, String)]) -> Option<String> {
        let own = self.format_exact(lang, id, args);
        match (own, lang) {
            (Some(s), _) => Some(s),
            (None, Lang::JaEasy) => self.format_exact(Lang::Ja, id, args),
            (None, _) => None,
        }
    }

    /// The message `id` in exactly `lang`, without fallback.
    pub fn format_exact(&self, lang: Lang, id: &str, args: &[(&str, String)]) -> Option<String> {
        let pattern = pattern(lang, index(id)?)?;
        let mut out = String::new();
        write_pattern(Some(&mut out), lang, pattern, args);
        Some(out)
    }

    /// Every message id of `lang`, in order.
    pub fn ids(&self, lang: Lang) -> Vec<String> {
        let has = |i: &usize| pattern(lang, *i).is_some();
        (0..ID_COUNT).filter(has).filter_map(|i| entry(IDS, i)).map(str::to_string).collect()
    }
}

/// A compiled `pattern` (of another table: the authors' diagnostics, `crate::diagnostic`)
/// formatted in `lang` with `args`.
#[cfg(feature = "authoring")]
pub(crate) fn format_pattern(lang: Lang, pattern: &str, args: &[(&str, String)]) -> String {
    let mut out = String::new();
    write_pattern(Some(&mut out), lang, pattern, args);
    out
}

/// Writes `pattern` up to its end or to the end of the variant it is in; returns the rest,
/// which starts at that variant's end marker (or is empty). With `out` `None` it only skips.
fn write_pattern<'p>(
    mut out: Option<&mut String>,
    lang: Lang,
    mut pattern: &'p str,
    args: &[(&str, String)],
) -> &'p str {
    loop {
        let stop =
            pattern.bytes().position(|b| matches!(b, VAR | SELECT | VARIANT_END | SELECT_END)).unwrap_or(pattern.len());
        if let Some(out) = out.as_deref_mut() {
            out.push_str(&pattern[..stop]);
        }
        pattern = &pattern[stop..];
        match pattern.as_bytes().first() {
            Some(&VAR) => {
                let (name, rest) = name(&pattern[1..]);
                pattern = rest;
                if let Some(out) = out.as_deref_mut() {
                    match arg(lang, args, name) {
                        Some(value) if name == "label" && lang == Lang::En && inside_sentence(out) => {
                            out.push_str(&embedded_label(value));
                        }
                        Some(value) => out.push_str(value),
                        // As Fluent writes a missing argument.
                        None => {
                            out.push_str("{$");
                            out.push_str(name);
                            out.push('}');
                        }
                    }
                }
            }
            Some(&SELECT) => {
                let (name, mut rest) = name(&pattern[1..]);
                let value = arg(lang, args, name);
                let (mut chosen, mut default) = (None, None);
                while rest.as_bytes().first() == Some(&VARIANT) {
                    let (key, body) = self::name(&rest[1..]);
                    let after = write_pattern(None, lang, body, args);
                    let variant = &body[..body.len() - after.len()];
                    let (is_default, key) = match key.strip_prefix('*') {
                        Some(key) => (true, key),
                        None => (false, key),
                    };
                    if is_default {
                        default = Some(variant);
                    }
                    if chosen.is_none() && value.is_some_and(|v| matches(lang, key, v)) {
                        chosen = Some(variant);
                    }
                    rest = after.get(1..).unwrap_or("");
                }
                pattern = rest.get(1..).unwrap_or("");
                if let (Some(out), Some(variant)) = (out.as_deref_mut(), chosen.or(default)) {
                    write_pattern(Some(out), lang, variant, args);
                }
            }
            _ => return pattern,
        }
    }
}

/// A name up to its end marker, and the rest after it.
fn name(text: &str) -> (&str, &str) {
    match text.bytes().position(|b| b == NAME_END) {
        Some(i) => (&text[..i], &text[i + 1..]),
        None => (text, ""),
    }
}

/// The argument `name`: as given, or for `label_kind` (when not given) the kind of `label`.
fn arg<'a>(lang: Lang, args: &'a [(&str, String)], name: &str) -> Option<&'a str> {
    let given = |name: &str| args.iter().find(|(k, _)| *k == name).map(|(_, v)| v.as_str());
    match (given(name), name) {
        (None, "label_kind") => given("label").map(|label| label_kind(lang, label)),
        (value, _) => value,
    }
}

/// English auxiliary verbs: a label starting with one asks a yes/no question.
const AUXILIARIES: &str =
    "am are is was were do does did have has had will would can could shall should may might must";

/// English question words.
const QUESTION_WORDS: &str = "what which who whom whose where when why how";

/// Words that can follow an inverted auxiliary as its subject ("Where are *you* moving").
const SUBJECTS: &str =
    "i you we they he she it the this that these those your their his her its our my anyone someone everyone";

/// Words that already determine the noun after them (or are not nouns): a label starting with
/// one takes no "the" inside a sentence ("Enter your previous address", "Select how you will
/// pay", "Enter more about your reason").
const DETERMINERS: &str = "a an the your my our their his her its this that these those any some each every all both \
    either neither no none more most another much many few several whether if what which who whom whose where when why \
    how i you we they he she it someone anyone everyone nobody somebody anybody everybody";

/// Names a label may start with that keep their capitals inside a sentence (with the rule that
/// a word whose second letter is a capital is an acronym: ID, JIS, NHK). Extend it when a
/// definition's label starts with another proper noun.
pub const PROPER_STARTS: &[&str] =
    &["My Number", "National Health Insurance", "National Pension", "Japan", "Japanese", "I"];

/// Whether `word` is one of the space-separated `list`.
fn listed(list: &str, word: &str) -> bool {
    list.split(' ').any(|w| w == word)
}

/// The words of a label, lower-cased, without the punctuation around them.
fn words(label: &str) -> impl Iterator<Item = String> + '_ {
    label
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase())
        .filter(|w| !w.is_empty())
}

/// How a label reads, for the messages that embed it (`$label_kind`): `question` when it asks
/// something, `other` otherwise. In English a label is a question when it ends with `?`, when
/// it (or the clause after its first comma: "If premiums are refunded, will you receive them")
/// starts with an auxiliary verb ("Are you…", "Did anyone…"), or when a question word is
/// followed by an auxiliary and its subject ("Where are you moving"). "How you will pay" and
/// "Who is registering" are not: they read well after "Select". In Japanese a label is a
/// question when it ends with か or a question mark (not かどうか).
pub fn label_kind(lang: Lang, label: &str) -> &'static str {
    let label = label.trim();
    let question = match lang {
        Lang::En => {
            let starts_with_auxiliary = |clause: &str| words(clause).next().is_some_and(|w| listed(AUXILIARIES, &w));
            let w: Vec<String> = words(label).take(3).collect();
            label.ends_with('?')
                || starts_with_auxiliary(label)
                || label.split_once(", ").is_some_and(|(_, clause)| starts_with_auxiliary(clause))
                || (w.len() == 3
                    && listed(QUESTION_WORDS, &w[0])
                    && listed(AUXILIARIES, &w[1])
                    && listed(SUBJECTS, &w[2]))
        }
        Lang::Ja | Lang::JaEasy => {
            let body = label.trim_end_matches(['?', '？']);
            body.len() < label.len() || (body.ends_with('か') && !body.ends_with("かどうか"))
        }
    };
    if question { "question" } else { "other" }
}

/// Whether text written after `out` is inside a sentence: not at the start of the message or of
/// a sentence, and not right after an opening quotation mark (a quoted label is written as it is).
fn inside_sentence(out: &str) -> bool {
    match out.trim_end().chars().last() {
        None | Some('.' | '!' | '?' | '“' | '‘' | '「' | '『' | '«') => false,
        Some('"') => out.matches('"').count().is_multiple_of(2),
        Some(_) => true,
    }
}

/// An English label as words inside a sentence. Labels are written as headings, in sentence
/// case ("Date you moved in", "Reason for joining"); inside a sentence:
///
/// - the first letter is lower case, unless the label starts with a proper noun
///   ([`PROPER_STARTS`]: "My Number", "National Health Insurance", "Japan"…) or an acronym (a
///   word whose second letter is upper case: "ID", "JIS");
/// - a label starting with a noun takes "the" ("Enter the date you moved in", "Select the reason
///   for joining", "Enter the child's date of birth"), unless it starts with a determiner or a
///   pronoun ([`DETERMINERS`]: "Enter your previous address", "Select how you will pay"), with a
///   digit or a character without case, or is a question, or is a proper noun and nothing else
///   ("My Number").
pub fn embedded_label(label: &str) -> std::borrow::Cow<'_, str> {
    use std::borrow::Cow;
    let label = label.trim();
    let Some(first) = label.chars().next() else { return Cow::Borrowed(label) };
    // A digit, a symbol, kana or kanji: nothing to change.
    if !(first.is_uppercase() || first.is_lowercase()) {
        return Cow::Borrowed(label);
    }
    let proper = PROPER_STARTS
        .iter()
        .find(|p| label.strip_prefix(**p).is_some_and(|rest| !rest.starts_with(|c: char| c.is_alphanumeric())));
    let first_word = label.split(|c: char| c.is_whitespace()).next().unwrap_or(label);
    let acronym = first_word.chars().nth(1).is_some_and(char::is_uppercase);
    let kept = proper.is_some() || acronym;
    let article = if let Some(p) = proper {
        label.len() > p.len() && *p != "I"
    } else if acronym {
        first_word.len() < label.len()
    } else {
        let word = words(label).next().unwrap_or_default();
        !listed(DETERMINERS, &word) && label_kind(Lang::En, label) != "question"
    };
    let mut out = String::with_capacity(label.len() + 4);
    if article {
        out.push_str("the ");
    }
    if kept {
        out.push_str(label);
    } else {
        out.extend(first.to_lowercase());
        out.push_str(&label[first.len_utf8()..]);
    }
    Cow::Owned(out)
}

/// The argument as Fluent sees it: a whole number when it is written as one (no leading zero,
/// so a code like `0123` stays text).
fn number(value: &str) -> Option<i64> {
    if value.starts_with('0') && value != "0" {
        return None;
    }
    value.parse().ok()
}

/// Whether a variant's key selects the argument `value`: a whole-number key (`#12`) the same
/// number, a plural category the category of a number, any other name the same text.
fn matches(lang: Lang, key: &str, value: &str) -> bool {
    match (key.strip_prefix('#'), number(value)) {
        (Some(k), n) => n.is_some() && k.parse::<i64>().ok() == n,
        (None, Some(n)) => key == plural_category(lang, n),
        (None, None) => key == value,
    }
}

/// The CLDR cardinal plural category of a whole number: English has `one` (1 and -1: the rule
/// reads the absolute value) and `other`; Japanese has only `other`.
fn plural_category(lang: Lang, n: i64) -> &'static str {
    match lang {
        Lang::En if n.unsigned_abs() == 1 => "one",
        _ => "other",
    }
}

/// The message id of a problem code: `postal_code.wrong_length` → `postal_code-wrong_length`.
pub fn message_id(code: &str) -> String {
    code.replace('.', "-")
}

#[cfg(test)]
mod tests {
    use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};

    use super::*;

    /// The files of each language, as Fluent itself reads them.
    fn reference(lang: Lang) -> FluentBundle<FluentResource> {
        let (locale, files): (&str, [&str; 4]) = match lang {
            Lang::Ja => (
                "ja",
                [
                    include_str!("../../messages/ja/common.ftl"),
                    include_str!("../../messages/ja/input.ftl"),
                    include_str!("../../messages/ja/identifiers.ftl"),
                    include_str!("../../messages/ja/journey.ftl"),
                ],
            ),
            Lang::En => (
                "en",
                [
                    include_str!("../../messages/en/common.ftl"),
                    include_str!("../../messages/en/input.ftl"),
                    include_str!("../../messages/en/identifiers.ftl"),
                    include_str!("../../messages/en/journey.ftl"),
                ],
            ),
            Lang::JaEasy => (
                "ja",
                [
                    include_str!("../../messages/ja-easy/common.ftl"),
                    include_str!("../../messages/ja-easy/input.ftl"),
                    include_str!("../../messages/ja-easy/identifiers.ftl"),
                    include_str!("../../messages/ja-easy/journey.ftl"),
                ],
            ),
        };
        let mut bundle = FluentBundle::new(vec![locale.parse::<unic_langid::LanguageIdentifier>().unwrap()]);
        bundle.set_use_isolating(false);
        for file in files {
            bundle.add_resource(FluentResource::try_new(file.to_string()).expect("parses")).expect("no clashes");
        }
        bundle
    }

    fn fluent(bundle: &FluentBundle<FluentResource>, id: &str, args: &[(&str, String)]) -> Option<String> {
        let pattern = bundle.get_message(id)?.value()?;
        let mut fluent_args = FluentArgs::new();
        for (k, v) in args {
            match number(v) {
                Some(n) => fluent_args.set(*k, FluentValue::from(n)),
                None => fluent_args.set(*k, FluentValue::from(v.clone())),
            }
        }
        let mut errors = Vec::new();
        Some(bundle.format_pattern(pattern, Some(&fluent_args), &mut errors).into_owned())
    }

    /// Every message of every language, with every argument it names set to numbers that
    /// reach each plural category and whole-number key, to text, to a code with a leading
    /// zero, and left unset: the tables format exactly as `fluent-bundle` does. The label is a
    /// text that reads the same anywhere in a sentence (see the next test for English labels),
    /// and `label_kind` is given, or derived from it as `other` (Fluent's default variant).
    #[test]
    fn the_compiled_tables_format_as_fluent_does() {
        let names = ["label_kind", "count", "expected", "min", "max", "era", "last", "value", "length", "example"];
        let values = ["0", "1", "2", "3", "12", "-1", "0123", "本人", "one", "other", "question"];
        for lang in Lang::ALL {
            let bundle = reference(lang);
            let ids = catalogue().ids(lang);
            assert!(ids.len() > 100, "{} has {} messages", lang.tag(), ids.len());
            for id in &ids {
                for value in values {
                    let mut args: Vec<(&str, String)> = names.iter().map(|n| (*n, value.to_string())).collect();
                    args.push(("label", "本人".to_string()));
                    assert_eq!(
                        catalogue().format_exact(lang, id, &args),
                        fluent(&bundle, id, &args),
                        "{} {id} = {value}",
                        lang.tag()
                    );
                    let derived: Vec<(&str, String)> =
                        args.iter().filter(|(k, _)| *k != "label_kind").cloned().collect();
                    assert_eq!(
                        catalogue().format_exact(lang, id, &derived),
                        fluent(&bundle, id, &derived),
                        "{} {id} = {value}, label_kind derived",
                        lang.tag()
                    );
                }
                assert_eq!(
                    catalogue().format_exact(lang, id, &[]),
                    fluent(&bundle, id, &[]),
                    "{} {id} without arguments",
                    lang.tag()
                );
            }
            assert_eq!(catalogue().format_exact(lang, "no-such-message", &[]), None);
        }
    }

    /// The ids the tables hold are exactly the messages of the files.
    #[test]
    fn every_message_of_the_files_is_in_the_tables() {
        for lang in Lang::ALL {
            let bundle = reference(lang);
            for id in catalogue().ids(lang) {
                assert!(bundle.has_message(&id), "{} {id}", lang.tag());
            }
            let sources = match lang {
                Lang::Ja => "ja",
                Lang::En => "en",
                Lang::JaEasy => "ja-easy",
            };
            let count = ["common", "input", "identifiers", "journey"]
                .iter()
                .map(|f| {
                    std::fs::read_to_string(format!("{}/messages/{sources}/{f}.ftl", env!("CARGO_MANIFEST_DIR")))
                        .expect("readable")
                        .lines()
                        .filter(|l| l.starts_with(|c: char| c.is_ascii_lowercase()) && l.contains(" ="))
                        .count()
                })
                .sum::<usize>();
            assert_eq!(catalogue().ids(lang).len(), count, "{}", lang.tag());
        }
    }

    /// Every English message with a sentence-case label: where Fluent writes it inside a
    /// sentence, the label reads as words of that sentence ("the zebra crossing"); at the start
    /// of the message or of a sentence, and inside quotation marks, it is written as it is.
    #[test]
    fn english_labels_inside_a_sentence_read_as_words_of_it() {
        let bundle = reference(Lang::En);
        let label = "Zebra crossing";
        let mut embedded = 0;
        for id in catalogue().ids(Lang::En) {
            let ours = catalogue().format_exact(Lang::En, &id, &[("label", label.to_string())]).unwrap();
            let theirs =
                fluent(&bundle, &id, &[("label", label.to_string()), ("label_kind", "other".to_string())]).unwrap();
            assert_eq!(ours.replace("the zebra crossing", label), theirs, "{id}");
            embedded += ours.matches("the zebra crossing").count();
            for (at, _) in ours.match_indices(label) {
                let before = ours[..at].trim_end();
                assert!(
                    before.is_empty() || before.ends_with(['.', '“']),
                    "{id}: the label is inside a sentence but kept its capital: {ours}"
                );
            }
        }
        assert!(embedded > 0, "no English message embeds a label inside a sentence");
    }

    #[test]
    fn labels_inside_english_sentences() {
        let cases = [
            ("Date you moved in", "the date you moved in"),
            ("Reason for joining", "the reason for joining"),
            ("Your previous address", "your previous address"),
            ("The child's health insurance", "the child's health insurance"),
            ("Child's date of birth", "the child's date of birth"),
            ("How you will pay", "how you will pay"),
            ("Who is registering", "who is registering"),
            ("More about your reason", "more about your reason"),
            ("My Number of the head of household", "the My Number of the head of household"),
            ("My Number", "My Number"),
            ("Your My Number", "your My Number"),
            ("National Health Insurance symbol and number", "the National Health Insurance symbol and number"),
            ("Japan", "Japan"),
            ("Japanese nationality", "the Japanese nationality"),
            ("ID card number", "the ID card number"),
            ("JIS", "JIS"),
            ("I agree that the town may ask", "I agree that the town may ask"),
            ("Are you the head of the household", "are you the head of the household"),
            ("2 witnesses", "2 witnesses"),
            ("郵便番号", "郵便番号"),
            ("", ""),
        ];
        for (label, embedded) in cases {
            assert_eq!(embedded_label(label), embedded, "{label}");
        }
    }

    #[test]
    fn question_labels() {
        let questions = [
            "Are you the head of the household",
            "Did anyone move with you",
            "If premiums are refunded, will you receive them",
            "Without moving, will you join your partner's household",
            "Where are you moving",
            "Can you keep the water meter clear of snow in winter?",
        ];
        for label in questions {
            assert_eq!(label_kind(Lang::En, label), "question", "{label}");
        }
        let others = [
            "Reason for joining",
            "How you will pay",
            "Who is registering",
            "What has changed",
            "Family name of the person who died, in katakana",
            "I agree that the town may ask banks and other institutions about the savings",
        ];
        for label in others {
            assert_eq!(label_kind(Lang::En, label), "other", "{label}");
        }
        assert_eq!(label_kind(Lang::Ja, "あなたが世帯主ですか"), "question");
        assert_eq!(label_kind(Lang::JaEasy, "あなたが せたいぬしですか"), "question");
        assert_eq!(label_kind(Lang::Ja, "住所を変更するかどうか"), "other");
        assert_eq!(label_kind(Lang::Ja, "加入する理由"), "other");
    }

    #[test]
    fn ja_easy_falls_back_to_ja() {
        let ids_easy = catalogue().ids(Lang::JaEasy);
        if let Some(id) = catalogue().ids(Lang::Ja).into_iter().find(|id| !ids_easy.contains(id)) {
            assert_eq!(catalogue().format(Lang::JaEasy, &id, &[]), catalogue().format(Lang::Ja, &id, &[]));
        }
    }
}
