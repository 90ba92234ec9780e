//! The session's questions, pages and consent as plain-data views ([`crate::views`]), in one
//! language.

use crate::date::Date;
use crate::model::Lang;
use crate::views::{ConsentView, OptionView, PageView, QuestionView, view};
use crate::words::ui_text;

use super::Session;

impl Session {
    /// Every question of the session, once, as a renderer needs it in `lang`.
    pub fn question_views(&self, lang: Lang) -> Vec<QuestionView> {
        let session = self;
        session
            .questions()
            .iter()
            .filter_map(|q| {
                let field = session.field(&q.key)?;
                let mut v = view(session.catalog(), field, q.key.clone(), lang);
                v.page = q.page;
                v.asked_by = q.asked_by.clone();
                // The first procedure's label, as the session decided.
                v.label = q.label.get(lang).to_string();
                session.offered_by_all(&q.asked_by, &q.key, &mut v.options);
                Some(v)
            })
            .collect()
    }

    /// Keeps the options every procedure asking a question accepts: the answer must suit each
    /// (one town keeps fewer codes for its water bills than the shared list its allowance takes).
    fn offered_by_all(&self, asked_by: &[String], key: &str, options: &mut Vec<OptionView>) {
        let session = self;
        for id in asked_by.iter().skip(1) {
            let Some(p) = session.catalog().procedure(id) else { continue };
            // A question several procedures ask is a concept's.
            let Some(f) = p.form.fields().find(|f| f.concept.as_deref() == Some(key)) else { continue };
            if !f.options.is_empty() {
                options.retain(|o| f.options.iter().any(|kept| kept.value == o.value));
            }
        }
    }

    /// One question of the session as a renderer needs it in `lang` (see
    /// [`Session::question_views`]).
    pub fn question_view(&self, key: &str, lang: Lang) -> Option<QuestionView> {
        let session = self;
        let q = session.question(key)?;
        let field = session.field(key)?;
        let mut v = view(session.catalog(), field, q.key.clone(), lang);
        v.page = q.page;
        v.asked_by = q.asked_by.clone();
        v.label = q.label.get(lang).to_string();
        session.offered_by_all(&q.asked_by, key, &mut v.options);
        Some(v)
    }

    /// The pages to show now (relevant questions only), in `lang`.
    pub fn page_views(&self, today: Date, lang: Lang) -> Vec<PageView> {
        self.relevant_pages(today)
            .into_iter()
            .map(|p| PageView { id: p.id, title: p.title.get(lang).to_string(), questions: p.questions })
            .collect()
    }

    /// The consent to keep the resident's details, in `lang`, with what each part would keep of
    /// the session ([`Session::profile_policy`]); `never` concepts (a move's date) appear in
    /// neither list, since they are never kept.
    pub fn profile_consent(&self, lang: Lang) -> ConsentView {
        let session = self;
        let mut kept: Vec<String> = Vec::new();
        let mut sensitive: Vec<String> = Vec::new();
        for q in session.questions() {
            let Some(policy) = session.profile_policy(&q.key) else { continue };
            let list = match policy {
                crate::model::ProfilePolicy::Keep => &mut kept,
                crate::model::ProfilePolicy::Sensitive => &mut sensitive,
                crate::model::ProfilePolicy::Never => continue,
            };
            let concept = q.concept.as_deref().and_then(|c| session.catalog().concepts.iter().find(|k| k.id == c));
            let label = concept.map_or(&q.label, |c| &c.label).get(lang).to_string();
            if !label.is_empty() && !list.contains(&label) {
                list.push(label);
            }
        }
        ConsentView {
            text: ui_text(lang, "ui-profile-consent"),
            kept,
            sensitive_text: ui_text(lang, "ui-profile-consent-sensitive"),
            sensitive,
        }
    }
}
