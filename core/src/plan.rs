//! What a one-stop session for a life event would ask (`tetsuzuki plan`): the navigator's
//! checklist, then a session started as the journey starts it. Above both the navigator and
//! sessions, so that neither imports the other.

use serde_json::{Map, Value as Json};

use crate::date::Date;
use crate::model::Lang;
use crate::navigate::{NavigateError, Navigator};

/// What a one-stop session for a life event would ask (`tetsuzuki plan`).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Plan {
    /// The life event.
    pub event: String,
    /// The procedures that apply and can be done online now, in checklist order.
    pub procedures: Vec<String>,
    /// Fields across those procedures, counted per procedure.
    pub fields: usize,
    /// Questions the one-stop session asks (each concept once).
    pub questions: usize,
    /// Of those, answered before the resident sees them: by the screening questions, the life
    /// event's presets (the reason "birth" in a birth journey) and the town's own name in a
    /// new address. The resident confirms them; they are never typed again.
    pub reused: usize,
    /// Of the others, filled from another answer of the session as soon as the resident gives
    /// it (people entered once: a group that starts with the people of an earlier one, the
    /// questions about a child filled from the item that is the child). The resident confirms
    /// them; they are never typed again.
    pub carried: usize,
}

impl Navigator<'_> {
    /// The one-stop session the checklist leads to: its online procedures, how many fields
    /// they have in all, how many questions the session asks, and how many of those the
    /// screening answers already give.
    pub fn plan(
        &self,
        event: &str,
        answers: &Map<String, Json>,
        event_date: Option<Date>,
        today: Date,
    ) -> Result<Plan, NavigateError> {
        let checklist = self.navigate(event, answers, event_date, today, Lang::Ja)?;
        let procedures: Vec<String> = checklist
            .procedures
            .iter()
            .filter(|i| i.online_now || i.prepare_online)
            .map(|i| i.procedure.clone())
            .collect();
        let ids: Vec<&str> = procedures.iter().map(String::as_str).collect();
        let fields = ids.iter().filter_map(|id| self.catalog().procedure(id)).map(|p| p.form.fields().count()).sum();
        // A session as the journey starts it: screening answers reused, the event's presets and
        // the town's own name filled in. (Plans are for authors' tools, not the hot path: the
        // catalogue is copied once here.)
        let catalog = crate::catalog::Catalog::new(self.catalog().clone());
        let (questions, reused, carried) = match crate::session::Session::start(&catalog, &ids) {
            Ok(mut session) => {
                session.reuse_screening(event, answers);
                let carried = session.carried_questions().iter().filter(|k| session.answer(k).is_none()).count();
                (session.questions().len(), session.answers().len(), carried)
            }
            Err(_) => (0, 0, 0),
        };
        Ok(Plan { event: event.to_string(), procedures, fields, questions, reused, carried })
    }
}
