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
//! `fluent-bundle` on every message of every language (tested).

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
                    match arg(args, name) {
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
                let value = arg(args, name);
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

fn arg<'a>(args: &'a [(&str, String)], name: &str) -> Option<&'a str> {
    args.iter().find(|(k, _)| *k == name).map(|(_, v)| v.as_str())
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
    /// zero, and left unset: the tables format exactly as `fluent-bundle` does.
    #[test]
    fn the_compiled_tables_format_as_fluent_does() {
        let names = ["label", "count", "expected", "min", "max", "era", "last", "value", "length", "example"];
        let values = ["0", "1", "2", "3", "12", "-1", "0123", "本人", "one", "other"];
        for lang in Lang::ALL {
            let bundle = reference(lang);
            let ids = catalogue().ids(lang);
            assert!(ids.len() > 100, "{} has {} messages", lang.tag(), ids.len());
            for id in &ids {
                for value in values {
                    let args: Vec<(&str, String)> = names.iter().map(|n| (*n, value.to_string())).collect();
                    assert_eq!(
                        catalogue().format_exact(lang, id, &args),
                        fluent(&bundle, id, &args),
                        "{} {id} = {value}",
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
            let count = ["common", "input", "identifiers"]
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

    #[test]
    fn ja_easy_falls_back_to_ja() {
        let ids_easy = catalogue().ids(Lang::JaEasy);
        if let Some(id) = catalogue().ids(Lang::Ja).into_iter().find(|id| !ids_easy.contains(id)) {
            assert_eq!(catalogue().format(Lang::JaEasy, &id, &[]), catalogue().format(Lang::Ja, &id, &[]));
        }
    }
}
