//! The one message catalogue: Fluent (`.ftl`) files in `core/messages/<lang>/`, compiled in.
//!
//! Every resident-facing word of the SDK comes from here (definitions bring their own texts
//! for labels and rules). A problem code `postal_code.wrong_length` has the message
//! `postal_code-wrong_length` (what is wrong) and `postal_code-wrong_length-fix` (what to do);
//! machine fixes have a label `fix-…`. Every message gets `$label`, the field's label in the
//! same language.

use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

use crate::model::Lang;

/// The files of each language, in load order.
const FILES: [(&str, [&str; 3]); 3] = [
    (
        "ja",
        [
            include_str!("../../messages/ja/common.ftl"),
            include_str!("../../messages/ja/input.ftl"),
            include_str!("../../messages/ja/identifiers.ftl"),
        ],
    ),
    (
        "en",
        [
            include_str!("../../messages/en/common.ftl"),
            include_str!("../../messages/en/input.ftl"),
            include_str!("../../messages/en/identifiers.ftl"),
        ],
    ),
    (
        "ja-easy",
        [
            include_str!("../../messages/ja-easy/common.ftl"),
            include_str!("../../messages/ja-easy/input.ftl"),
            include_str!("../../messages/ja-easy/identifiers.ftl"),
        ],
    ),
];

/// The compiled-in catalogue of every language. A language's files are parsed when it is
/// first used (a page in Japanese never parses the English files).
pub struct Catalogue {
    bundles: [OnceLock<FluentBundle<FluentResource>>; 3],
}

/// The catalogue (built once).
pub fn catalogue() -> &'static Catalogue {
    static CATALOGUE: Catalogue = Catalogue { bundles: [OnceLock::new(), OnceLock::new(), OnceLock::new()] };
    &CATALOGUE
}

impl Catalogue {
    fn build(tag: &str, sources: &[&str]) -> FluentBundle<FluentResource> {
        let locale: unic_langid::LanguageIdentifier =
            if tag == "en" { "en".parse().unwrap_or_default() } else { "ja".parse().unwrap_or_default() };
        let mut bundle = FluentBundle::new_concurrent(vec![locale]);
        // No Unicode isolation marks around arguments: they would show up in plain text.
        bundle.set_use_isolating(false);
        for source in sources {
            // A syntax error in our own files is caught by the tests; what parses is kept.
            let resource = match FluentResource::try_new(source.to_string()) {
                Ok(r) => r,
                Err((r, _)) => r,
            };
            let _ = bundle.add_resource(resource);
        }
        bundle
    }

    fn bundle(&self, lang: Lang) -> Option<&FluentBundle<FluentResource>> {
        let i = FILES.iter().position(|(t, _)| *t == lang.tag())?;
        let (tag, sources) = &FILES[i];
        Some(self.bundles[i].get_or_init(|| Catalogue::build(tag, sources)))
    }

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
        let bundle = self.bundle(lang)?;
        let pattern = bundle.get_message(id)?.value()?;
        let mut fluent_args = FluentArgs::new();
        for (k, v) in args {
            // Numbers stay numbers so plural rules and number formatting apply.
            match v.parse::<i64>() {
                Ok(n) if !v.starts_with('0') || v == "0" => fluent_args.set(*k, FluentValue::from(n)),
                _ => fluent_args.set(*k, FluentValue::from(v.clone())),
            }
        }
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
        Some(text.into_owned())
    }

    /// Every message id of `lang`'s files.
    pub fn ids(&self, lang: Lang) -> Vec<String> {
        let Some(i) = FILES.iter().position(|(t, _)| *t == lang.tag()) else { return Vec::new() };
        let mut ids = Vec::new();
        for source in FILES[i].1 {
            for line in source.lines() {
                let Some((id, _)) = line.split_once(" =") else { continue };
                if !id.is_empty()
                    && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == '.')
                    && !line.starts_with(' ')
                {
                    ids.push(id.to_string());
                }
            }
        }
        ids
    }

    /// Syntax errors in the compiled-in files, as `lang: message` (the tests require none).
    pub fn syntax_errors() -> Vec<String> {
        let mut out = Vec::new();
        for (tag, sources) in FILES {
            for source in sources {
                if let Err((_, errors)) = FluentResource::try_new(source.to_string()) {
                    out.extend(errors.iter().map(|e| format!("{tag}: {e:?}")));
                }
            }
        }
        out
    }
}

/// The message id of a problem code: `postal_code.wrong_length` → `postal_code-wrong_length`.
pub fn message_id(code: &str) -> String {
    code.replace('.', "-")
}
