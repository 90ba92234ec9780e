use super::model_enum;

model_enum! {
/// A language residents can read the forms in.
///
/// `ja-easy` is やさしい日本語 (easy Japanese): short sentences and common words, for
/// residents still learning Japanese and for anyone who wants plain words.
pub enum Lang {
    /// 日本語.
    #[serde(rename = "ja")]
    Ja,
    /// English.
    #[serde(rename = "en")]
    En,
    /// やさしい日本語. Falls back to `ja` where a definition gives no easy text.
    #[serde(rename = "ja-easy")]
    JaEasy,
}
}

impl Lang {
    /// Every language, in the order definitions list them.
    pub const ALL: [Lang; 3] = [Lang::Ja, Lang::En, Lang::JaEasy];

    /// The tag used in definition files, catalogues and the widget's `lang` attribute.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Ja => "ja",
            Lang::En => "en",
            Lang::JaEasy => "ja-easy",
        }
    }

    /// The language's name in itself, for a language switch (日本語, English, やさしい にほんご).
    pub fn name(self) -> &'static str {
        match self {
            Lang::Ja => "日本語",
            Lang::En => "English",
            Lang::JaEasy => "やさしい にほんご",
        }
    }

    /// Reads a tag (`ja`, `en`, `ja-easy`).
    pub fn from_tag(tag: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.tag() == tag)
    }

    /// The SDK's language for a BCP 47 tag as pages and browsers write it, with fallback: an
    /// exact tag (`ja`, `en`, `ja-easy`), any case; else its primary language subtag (`en-US`,
    /// `en-GB` → `en`; `ja-JP`, `ja-Jpan-JP` → `ja`). `None` for a language the SDK does not
    /// offer (`fr`, `zh-Hant`, empty): the host says so to the developer and shows Japanese
    /// ([`crate::host::negotiate_lang`]), never silently.
    pub fn negotiate(tag: &str) -> Option<Lang> {
        let tag = tag.trim().to_ascii_lowercase();
        if let Some(lang) = Lang::ALL.into_iter().find(|l| l.tag() == tag) {
            return Some(lang);
        }
        let primary = tag.split(['-', '_']).next().unwrap_or("");
        Lang::ALL.into_iter().find(|l| l.tag() == primary)
    }
}

/// A resident-facing text in every language.
///
/// `ja` and `en` are required (the checker reports a missing one); `ja-easy` is optional
/// and falls back to `ja`.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "authoring", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Text {
    /// 日本語.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ja: Option<String>,
    /// English.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub en: Option<String>,
    /// やさしい日本語 (easy Japanese).
    #[serde(default, rename = "ja-easy", skip_serializing_if = "Option::is_none")]
    pub ja_easy: Option<String>,
}

impl Text {
    /// A text in Japanese and English.
    pub fn new(ja: impl Into<String>, en: impl Into<String>) -> Text {
        Text { ja: Some(ja.into()), en: Some(en.into()), ja_easy: None }
    }

    /// The text in `lang`, falling back to Japanese, then English, then "".
    pub fn get(&self, lang: Lang) -> &str {
        let own = match lang {
            Lang::Ja => self.ja.as_deref(),
            Lang::En => self.en.as_deref(),
            Lang::JaEasy => self.ja_easy.as_deref(),
        };
        own.or(self.ja.as_deref()).or(self.en.as_deref()).unwrap_or("")
    }

    /// The text written for exactly `lang`, without fallback.
    pub fn exact(&self, lang: Lang) -> Option<&str> {
        match lang {
            Lang::Ja => self.ja.as_deref(),
            Lang::En => self.en.as_deref(),
            Lang::JaEasy => self.ja_easy.as_deref(),
        }
    }

    /// Every text given, with its language.
    pub fn iter(&self) -> impl Iterator<Item = (Lang, &str)> {
        Lang::ALL.into_iter().filter_map(|l| self.exact(l).map(|t| (l, t)))
    }
}
