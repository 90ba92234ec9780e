//! Texts: every resident-facing text in ja and en; messages that say what is wrong and how
//! to fix it (shared/design/ERRORS.md).

use super::Checker;
use crate::diagnostic::{Diagnostic, Message, Path, Target, msg};
use crate::model::{Lang, Text};

/// Words that make a resident-facing message vague, blaming or jargon, with what to write
/// instead. Matched case-insensitively; English ones as whole words.
/// What to write instead of a vague word: a message of the catalogue.
type Instead = fn() -> Message;

const VAGUE: &[(&str, Instead)] = &[
    ("不正な値", || msg!("vague-message-fix-wrong-value")),
    ("不正です", || msg!("vague-message-fix-wrong")),
    ("エラーが発生しました", || msg!("vague-message-fix-what-to-do")),
    ("入力エラー", || msg!("vague-message-fix-which-answer")),
    ("無効な", || msg!("vague-message-fix-unusable")),
    ("invalid", || msg!("vague-message-fix-invalid")),
    ("please", || msg!("vague-message-fix-please")),
    ("oops", || msg!("vague-message-fix-plainly")),
    ("error occurred", || msg!("vague-message-fix-what-to-do")),
    ("something went wrong", || msg!("vague-message-fix-what-to-do")),
    ("illegal", || msg!("vague-message-fix-illegal")),
];

impl Checker<'_> {
    /// A resident-facing text: `ja` and `en` present and not blank.
    pub(super) fn text(&mut self, doc: usize, path: Path, text: &Text) {
        for lang in [Lang::Ja, Lang::En] {
            let missing = text.exact(lang).is_none_or(|t| t.trim().is_empty());
            if missing {
                let (code, what) =
                    (lang.tag(), if lang == Lang::Ja { msg!("noun-japanese") } else { msg!("noun-english") });
                let given = text.iter().map(|(l, _)| format!("`{}`", l.tag())).collect::<Vec<_>>().join(", ");
                let message = if given.is_empty() {
                    msg!("missing-text-none", what = what.clone(), code = code)
                } else {
                    msg!("missing-text", what = what.clone(), code = code, given = given)
                };
                self.push(Diagnostic::error("missing-text", Target::value(doc, path.clone()), message).with_fix(msg!(
                    "missing-text-fix",
                    code = code,
                    what = what
                )));
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
                            msg!("vague-message", lang = lang.tag(), word = word),
                        )
                        .with_fix(instead()),
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
