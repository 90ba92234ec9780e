//! Texts: every resident-facing text in ja and en; messages that say what is wrong and how
//! to fix it (shared/design/ERRORS.md).

use super::Checker;
use crate::diagnostic::{Diagnostic, Path, Target};
use crate::model::{Lang, Text};

/// Words that make a resident-facing message vague, blaming or jargon, with what to write
/// instead. Matched case-insensitively; English ones as whole words.
const VAGUE: &[(&str, &str)] = &[
    ("不正な値", "say what is wrong with the answer, e.g. 「郵便番号は7桁の数字です」"),
    ("不正です", "say what is wrong with the answer and how to correct it"),
    ("エラーが発生しました", "say what is wrong and what the resident can do"),
    ("入力エラー", "say which answer is wrong and how to correct it"),
    ("無効な", "say what makes the answer unusable, e.g. 「実在する日付にしてください」"),
    ("invalid", "say what is wrong, e.g. \"Date you moved in must be a real date\""),
    ("please", "give the instruction directly, e.g. \"Enter your postcode\""),
    ("oops", "say what is wrong and how to fix it, plainly"),
    ("error occurred", "say what is wrong and what the resident can do"),
    ("something went wrong", "say what is wrong and what the resident can do"),
    ("illegal", "say what is wrong with the answer"),
];

impl Checker<'_> {
    /// A resident-facing text: `ja` and `en` present and not blank.
    pub(super) fn text(&mut self, doc: usize, path: Path, text: &Text) {
        for lang in [Lang::Ja, Lang::En] {
            let missing = text.exact(lang).is_none_or(|t| t.trim().is_empty());
            if missing {
                let (code, what) = (lang.tag(), if lang == Lang::Ja { "Japanese" } else { "English" });
                let given = text.iter().map(|(l, _)| format!("`{}`", l.tag())).collect::<Vec<_>>().join(", ");
                let have = if given.is_empty() { String::from("none") } else { given };
                self.push(
                    Diagnostic::error(
                        "missing-text",
                        Target::value(doc, path.clone()),
                        format!("this text has no {what} (`{code}`); given: {have}"),
                    )
                    .with_fix(format!(
                        "add `{code}:` with the {what} text; every resident-facing text needs `ja` and `en`"
                    )),
                );
            }
        }
    }

    /// A resident-facing message (a rule's message or fix): a text that must not be vague.
    pub(super) fn message(&mut self, doc: usize, path: Path, text: &Text) {
        self.text(doc, path.clone(), text);
        for (lang, t) in text.iter() {
            let lower = t.to_lowercase();
            for (word, instead) in VAGUE {
                let found = if word.is_ascii() { contains_word(&lower, word) } else { lower.contains(word) };
                if found {
                    self.push(
                        Diagnostic::error(
                            "vague-message",
                            Target::value(doc, path.key(lang.tag())),
                            format!("the {} message uses \"{word}\", which does not tell residents what is wrong or how to fix it", lang.tag()),
                        )
                        .with_fix(instead.to_string()),
                    );
                }
            }
        }
    }
}

fn contains_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}
