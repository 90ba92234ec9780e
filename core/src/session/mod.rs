//! One-stop sessions (コネクテッド・ワンストップ): several procedures in one sitting, each concept
//! asked once, checked as the resident types, summarised, and submitted once per procedure.
//!
//! A question of the journey is keyed by its concept (`person.birth_date`) — so fields bound to
//! one concept in different procedures are one question — or, without a concept, by
//! `procedure.field`. Each procedure keeps its own form: an answer is validated against every
//! procedure that asks it, so the strictest constraint wins, and each submission holds only
//! what its own procedure asks and shows.
//!
//! Nothing the session already knows is asked again; each prefill keeps its [`AnswerSource`]
//! and never replaces an answer:
//! - [`Session::reuse_screening`] fills the life event's screening answers (`screening`), what
//!   the event implies, the presets of its applicability entries (`event`), and the town's own
//!   prefecture and name in a new address ([`Session::prefill_town`], `town`);
//! - [`Session::prefill_from`] fills what the resident's profile knows (`profile`);
//! - people are entered once: when the resident sets a repeating group
//!   ([`Session::set_answer`]), each group on a later page that shares concepts with it starts
//!   with its people (`carried`), and follows it until the resident changes it; one person
//!   asked as single questions (the child of 子ども医療) is an item of the groups that list
//!   such people and is filled back from the item that is them (a concept's `as_member`, the
//!   [`people`] module). This happens as the resident answers, not when a draft is restored (a
//!   draft keeps every source as it was).

use std::collections::{BTreeMap, HashMap, HashSet};

use serde_json::{Map, Value as Json};

use crate::record::Fields;

mod people;
mod views;

use crate::catalog::{Catalog, CompiledCatalog};
use crate::date::Date;
use crate::model::{Field, FieldType, Lang, Procedure, ProfilePolicy, Text};
use crate::validate::form::{AnswerMap, FormPlan, Issue, SharedReads};

/// Why a session could not start or be restored.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SessionError {
    /// The catalogue has no procedure with this id.
    #[error("the catalogue has no procedure `{0}`")]
    UnknownProcedure(String),
    /// A session needs at least one procedure.
    #[error("a session needs at least one procedure")]
    NoProcedures,
    /// The session has no question with this key.
    #[error("this session asks no question `{0}`")]
    UnknownQuestion(String),
    /// There are errors left; nothing is submitted.
    #[error("the answers have {0} error(s) left; nothing was submitted")]
    NotReady(usize),
    /// The session was submitted: it takes no more answers (start a new one).
    #[error("this session was submitted and takes no more answers; start a new session")]
    Ended,
    /// Staff filled the session on the resident's behalf and the resident has not confirmed
    /// the answers since they last changed; nothing is submitted.
    #[error(
        "staff entered these answers on the resident's behalf and the resident has not confirmed them; show the resident the summary and let them confirm"
    )]
    Unconfirmed,
}

impl SessionError {
    /// Stable code for hosts and bindings.
    pub fn code(&self) -> &'static str {
        match self {
            SessionError::UnknownProcedure(_) => "unknown-procedure",
            SessionError::NoProcedures => "no-procedures",
            SessionError::UnknownQuestion(_) => "unknown-question",
            SessionError::NotReady(_) => "not-ready",
            SessionError::Ended => "session-ended",
            SessionError::Unconfirmed => "session-unconfirmed",
        }
    }
}

/// Where an answer came from. Written with serde (`{"kind": "screening", "event": …}`); read
/// by [`AnswerSource::from_json_value`]. Every source but `Typed` is a prefill the resident can
/// change (changing it makes it `Typed`).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum AnswerSource {
    /// Typed by the resident (or by staff at the counter) in this session.
    Typed,
    /// Reused from the life event's screening questions.
    Screening {
        /// The life event.
        event: String,
    },
    /// Prefilled from the resident's profile (once-only store).
    Profile {
        /// How the profile knows it, in the host's words.
        provenance: String,
    },
    /// Implied by the life event ("from your answers about the event"): a preset of its
    /// applicability entry (a birth journey's reason is the birth, the day National Health
    /// Insurance starts is the moving date), worked out from the screening answers.
    Event {
        /// The life event.
        event: String,
    },
    /// The town's own prefecture and name, in an address in this town (a field marked
    /// `prefill: town`: the new address of a move).
    Town,
    /// People entered once: copied from the items of another group of the session that the
    /// resident filled (only the parts both groups ask, by concept).
    Carried {
        /// The key of the group the people came from (`tennyu.members`).
        from: String,
    },
}

impl AnswerSource {
    /// Reads a source as written (`{"kind": "typed"}`, `{"kind": "screening", "event": …}`,
    /// `{"kind": "profile", "provenance": …}`, `{"kind": "event", "event": …}`,
    /// `{"kind": "town"}`, `{"kind": "carried", "from": …}`); `at` is its path in the record,
    /// for errors.
    pub fn from_json_value(json: Json, at: &str) -> Result<AnswerSource, String> {
        type Reader = fn(&mut Fields) -> Result<AnswerSource, String>;
        let kind = json.get("kind").and_then(Json::as_str).unwrap_or_default().to_owned();
        let (names, read): (&[&str], Reader) = match kind.as_str() {
            "typed" => (&["kind"], |_| Ok(AnswerSource::Typed)),
            "screening" => (&["kind", "event"], |f| Ok(AnswerSource::Screening { event: f.string("event")? })),
            "profile" => {
                (&["kind", "provenance"], |f| Ok(AnswerSource::Profile { provenance: f.string("provenance")? }))
            }
            "event" => (&["kind", "event"], |f| Ok(AnswerSource::Event { event: f.string("event")? })),
            "town" => (&["kind"], |_| Ok(AnswerSource::Town)),
            "carried" => (&["kind", "from"], |f| Ok(AnswerSource::Carried { from: f.string("from")? })),
            _ => (&["kind", "event", "provenance", "from"], |f| {
                Err(f.unknown_kind(&["typed", "screening", "profile", "event", "town", "carried"]))
            }),
        };
        read(&mut Fields::of(json, at, "an answer's source", names)?)
    }
}

/// A procedure of a saved session (a draft, [`crate::draft`]): its id and the definition
/// version the answers were given against.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct DraftProcedure {
    /// Its id.
    pub id: String,
    /// The definition version the answers were given against.
    pub version: String,
}

/// One question of the journey.
#[derive(Debug, Clone, PartialEq)]
pub struct JourneyQuestion {
    /// The key answers are given by.
    pub key: String,
    /// The concept, when the question is shared.
    pub concept: Option<String>,
    /// The question (the first procedure's label).
    pub label: Text,
    /// Its type.
    pub field_type: FieldType,
    /// Index of the journey page it is on.
    pub page: usize,
    /// The procedures that ask it.
    pub asked_by: Vec<String>,
}

/// A page of the journey.
#[derive(Debug, Clone, PartialEq)]
pub struct JourneyPage {
    /// `procedure/page`.
    pub id: String,
    /// Its heading.
    pub title: Text,
    /// The keys of its questions, in order.
    pub questions: Vec<String>,
}

/// A row of the check-your-answers page.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct SummaryRow {
    /// The question's key.
    pub key: String,
    /// The question, in the chosen language.
    pub label: String,
    /// The answer in its normalised form.
    pub answer: Json,
    /// The answer as the resident reads it, in the chosen language (choice labels, はい/いいえ,
    /// an address on one line; a My Number masked): see [`crate::host::answer_text`].
    pub text: String,
    /// Where it came from.
    pub source: AnswerSource,
    /// The page that changes it.
    pub page: String,
    /// The procedures it is submitted to.
    pub used_by: Vec<String>,
}

/// One submission: what one procedure receives.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Submission {
    /// The procedure's id.
    pub procedure: String,
    /// The procedure definition's version.
    pub version: String,
    /// The catalogue's content hash.
    pub catalog_hash: String,
    /// When it was submitted (given by the host).
    pub submitted_at: String,
    /// The normalised answers of the relevant fields, by the procedure's field ids.
    pub answers: crate::validate::Answers,
    /// The steps the host fulfilled before it was sent (its signature, its payment), with
    /// their references: absent when none were asked.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub steps: Vec<StepReceipt>,
}

/// A step the host fulfilled for a submission before it was sent.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct StepReceipt {
    /// `sign` or `pay`.
    pub kind: String,
    /// The host's reference (the signature's, the payment's).
    pub reference: String,
}

struct Part {
    /// Index of the procedure in the catalogue.
    procedure: usize,
    /// Field id → question key.
    key_of: HashMap<String, String>,
    /// Question key → (page, field) indices of the field that asks it.
    field_at: HashMap<String, (usize, usize)>,
}

/// A one-stop session over procedures of one catalogue. It holds the catalogue (shared, not
/// copied), so it can live as long as the host needs it and move between threads.
pub struct Session {
    catalog: Catalog,
    parts: Vec<Part>,
    questions: Vec<JourneyQuestion>,
    pages: Vec<JourneyPage>,
    index: HashMap<String, usize>,
    answers: Map<String, Json>,
    sources: BTreeMap<String, AnswerSource>,
    /// Answers no procedure of the session asks (restored from an older draft): kept, saved
    /// again, never submitted.
    aside: Map<String, Json>,
    /// Procedures of a restored draft the catalogue no longer has.
    aside_procedures: Vec<DraftProcedure>,
    /// Submitted: no more answers are taken.
    ended: bool,
    /// Filled by staff on the resident's behalf (書かない窓口): submitting needs the resident's
    /// confirmation of the answers as they are.
    assisted: bool,
    /// The resident confirmed the answers (cleared by any change of an answer).
    confirmed: bool,
    /// The catalogue's concepts about one particular person that group items also hold.
    people: Vec<people::MemberOf>,
}

fn key_of(procedure: &Procedure, field: &Field) -> String {
    field.concept.clone().unwrap_or_else(|| format!("{}.{}", procedure.id, field.id))
}

/// The journey through `procedures`: each question once (keyed by concept), its pages, and
/// per procedure its index and (field, key) pairs.
pub(crate) struct Journey {
    pub(crate) questions: Vec<JourneyQuestion>,
    pub(crate) pages: Vec<JourneyPage>,
    pub(crate) index: HashMap<String, usize>,
    parts: Vec<Part>,
}

pub(crate) fn journey(catalog: &CompiledCatalog, procedures: &[&str]) -> Result<Journey, SessionError> {
    if procedures.is_empty() {
        return Err(SessionError::NoProcedures);
    }
    let mut parts = Vec::new();
    let mut questions: Vec<JourneyQuestion> = Vec::new();
    let mut pages: Vec<JourneyPage> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut seen_procedures = HashSet::new();
    for id in procedures {
        let (at, p) = catalog
            .procedures
            .iter()
            .enumerate()
            .find(|(_, p)| p.id == *id)
            .ok_or_else(|| SessionError::UnknownProcedure(id.to_string()))?;
        if !seen_procedures.insert(p.id.as_str()) {
            continue;
        }
        let mut keys = Vec::new();
        let mut field_at = HashMap::new();
        for (page_at, page) in p.form.pages.iter().enumerate() {
            let mut new_keys = Vec::new();
            for (at_field, f) in page.fields.iter().enumerate() {
                let key = key_of(p, f);
                field_at.entry(key.clone()).or_insert((page_at, at_field));
                keys.push((f.id.clone(), key.clone()));
                match index.get(&key) {
                    Some(&q) => questions[q].asked_by.push(p.id.clone()),
                    None => {
                        index.insert(key.clone(), questions.len());
                        questions.push(JourneyQuestion {
                            key: key.clone(),
                            concept: f.concept.clone(),
                            label: f.label.clone().unwrap_or_default(),
                            field_type: f.resolved_type(),
                            page: pages.len(),
                            asked_by: vec![p.id.clone()],
                        });
                        new_keys.push(key);
                    }
                }
            }
            if !new_keys.is_empty() {
                pages.push(JourneyPage {
                    id: format!("{}/{}", p.id, page.id),
                    title: page.title.clone(),
                    questions: new_keys,
                });
            }
        }
        let key_of = keys.into_iter().collect();
        parts.push(Part { procedure: at, key_of, field_at });
    }
    Ok(Journey { questions, pages, index, parts })
}

impl Session {
    /// Starts a session for `procedures` (ids, in the order the resident will go through them).
    /// The catalogue's plans are shared: starting plans nothing again.
    pub fn start(catalog: &Catalog, procedures: &[&str]) -> Result<Session, SessionError> {
        let Journey { questions, pages, index, parts } = journey(catalog.compiled(), procedures)?;
        Ok(Session {
            catalog: catalog.clone(),
            parts,
            questions,
            pages,
            index,
            answers: Map::new(),
            sources: BTreeMap::new(),
            aside: Map::new(),
            aside_procedures: Vec::new(),
            ended: false,
            assisted: false,
            confirmed: false,
            people: people::members_of(catalog.compiled()),
        })
    }

    fn procedure(&self, part: &Part) -> &Procedure {
        &self.catalog.compiled().procedures[part.procedure]
    }

    /// The plan of a part's form (the catalogue plans every procedure once).
    fn plan(&self, part: &Part) -> Option<&FormPlan> {
        self.catalog.form_plan(part.procedure)
    }

    /// Every question of the journey, each once, in order.
    pub fn questions(&self) -> &[JourneyQuestion] {
        &self.questions
    }

    /// The question with this key.
    pub fn question(&self, key: &str) -> Option<&JourneyQuestion> {
        self.index.get(key).map(|&i| &self.questions[i])
    }

    /// Every page of the journey (use [`Session::relevant_pages`] for what to show now).
    pub fn pages(&self) -> &[JourneyPage] {
        &self.pages
    }

    /// The procedures of the session, in order.
    pub fn procedures(&self) -> Vec<&str> {
        self.parts.iter().map(|p| self.procedure(p).id.as_str()).collect()
    }

    /// Sets an answer (typed by the resident). Nothing typed is ever dropped: an answer to a
    /// question that becomes hidden is kept, just not validated or submitted.
    ///
    /// Setting a repeating group carries its people forward (people entered once): each group
    /// on a later page whose parts share concepts with it starts with its people, the shared
    /// parts copied and the rest empty ([`AnswerSource::Carried`]), and follows it while the
    /// resident has not changed it; a group the resident answered is never overwritten.
    ///
    /// One person is entered once too (a concept's `as_member`, see the `people` module): an
    /// answer about the person (the child's name) starts the later groups that list such
    /// people with them, and a group's item that is the person fills the later questions
    /// about them.
    pub fn set_answer(&mut self, key: &str, value: Json) -> Result<(), SessionError> {
        self.set(key, value, AnswerSource::Typed)?;
        self.carry_people(key);
        self.fill_people_from(key);
        if self.is_about_a_person(key) {
            let page = self.index.get(key).map(|&q| self.questions[q].page);
            self.start_groups_with_people(page, &Map::new());
        }
        Ok(())
    }

    fn set(&mut self, key: &str, value: Json, source: AnswerSource) -> Result<(), SessionError> {
        if self.ended {
            return Err(SessionError::Ended);
        }
        if !self.index.contains_key(key) {
            return Err(SessionError::UnknownQuestion(key.to_string()));
        }
        if self.answers.get(key) != Some(&value) {
            // What the resident confirmed is no longer what would be submitted.
            self.confirmed = false;
        }
        self.answers.insert(key.to_string(), value);
        self.sources.insert(key.to_string(), source);
        Ok(())
    }

    /// Marks the session as filled by staff on the resident's behalf (書かない窓口, counter
    /// mode), or not. An assisted session is submitted only after the resident has confirmed
    /// the answers ([`Session::confirm_by_resident`]).
    pub fn set_assisted(&mut self, assisted: bool) {
        self.assisted = assisted;
    }

    /// Whether staff fill the session on the resident's behalf.
    pub fn is_assisted(&self) -> bool {
        self.assisted
    }

    /// Records that the resident has read the answers (the check-your-answers summary) and
    /// confirms them, or withdraws that. Any later change of an answer clears it.
    pub fn confirm_by_resident(&mut self, confirmed: bool) {
        self.confirmed = confirmed;
    }

    /// Whether the resident has confirmed the answers as they are now.
    pub fn is_confirmed_by_resident(&self) -> bool {
        self.confirmed
    }

    /// The issue to show when an assisted session is not yet confirmed by the resident
    /// (`counter.unconfirmed` on the confirmation `counter-confirm`), or `None` when it can be
    /// submitted as far as confirmation goes.
    pub fn confirmation_issue(&self, lang: Lang) -> Option<Issue> {
        (self.assisted && !self.confirmed).then(|| Issue {
            field: "counter-confirm".into(),
            code: "counter.unconfirmed".into(),
            severity: crate::model::Severity::Error,
            message: crate::words::ui_text(lang, "ui-counter-confirm-needed"),
            fix: crate::words::ui_text(lang, "ui-counter-confirm"),
            machine_fix: None,
            params: BTreeMap::new(),
        })
    }

    /// The label of a concept of the session's catalogue.
    pub fn concept_label(&self, concept: &str) -> Option<&Text> {
        self.catalog.compiled().concepts.iter().find(|c| c.id == concept).map(|c| &c.label)
    }

    /// The field that asks a question (in the first procedure that asks it).
    pub fn field(&self, key: &str) -> Option<&Field> {
        self.parts.iter().find_map(|part| self.field_in(part, key))
    }

    /// The field of one procedure of the session that asks `key`, if it asks it.
    fn field_in(&self, part: &Part, key: &str) -> Option<&Field> {
        let &(page, at) = part.field_at.get(key)?;
        self.procedure(part).form.pages.get(page)?.fields.get(at)
    }

    /// The answer to a question, if any.
    pub fn answer(&self, key: &str) -> Option<&Json> {
        self.answers.get(key)
    }

    /// Where an answer came from.
    pub fn source(&self, key: &str) -> Option<&AnswerSource> {
        self.sources.get(key)
    }

    /// Reuses screening answers of a life event, given by the event's question ids (as the
    /// navigator takes them), by concept or by key: a question the session asks is filled
    /// unless already answered ([`AnswerSource::Screening`]). Then fills what the event
    /// implies: the presets of its applicability entries for the session's procedures (a birth
    /// journey's reason is the birth), worked out from the same answers, unless already
    /// answered ([`AnswerSource::Event`]). Returns the keys these two filled.
    ///
    /// Starting an event's journey, it also fills what the town knows
    /// ([`Session::prefill_town`], which reports its own keys), and starts each unanswered
    /// group that lists people with the person the event is about, as far as the screening
    /// knows them (a birth journey's members start with the newborn; a concept's `as_member`).
    pub fn reuse_screening(&mut self, event: &str, answers: &Map<String, Json>) -> Vec<String> {
        let mut by_concept = answers.clone();
        if let Some(e) = self.catalog.life_event(event) {
            for q in &e.questions {
                if let (Some(concept), Some(v)) = (&q.concept, answers.get(&q.id)) {
                    by_concept.entry(concept.clone()).or_insert_with(|| v.clone());
                }
            }
        }
        let mut filled = self.fill(&by_concept, || AnswerSource::Screening { event: event.to_string() });
        let implied = self.presets(event, answers);
        filled.extend(self.fill(&implied, || AnswerSource::Event { event: event.to_string() }));
        self.prefill_town();
        self.start_groups_with_people(None, &by_concept);
        filled
    }

    /// The answers `event` implies for the session's procedures (their keys → values): each
    /// preset of the event's applicability entries, evaluated over the screening answers (by
    /// question id and by concept; ISO dates as dates). A preset that cannot be worked out
    /// (an unanswered name) gives nothing.
    fn presets(&self, event: &str, answers: &Map<String, Json>) -> Map<String, Json> {
        use crate::expr::{Budget, MapEnv, MapScope};
        let mut out = Map::new();
        let Some(e) = self.catalog.life_event(event) else { return out };
        if e.procedures.iter().all(|a| a.presets.is_empty()) {
            return out;
        }
        let compiled = self.catalog.compiled();
        let mut scope: MapScope = compiled.concepts.iter().map(|c| (c.id.clone(), c.value_type.expr_type())).collect();
        for q in &e.questions {
            scope.insert(q.id.clone(), q.resolved_type().expr_type());
        }
        // Presets never read today's date (the checker refuses `today()`): the event's date
        // stands in, so that evaluation needs no clock.
        let Some(stand_in) = e
            .questions
            .iter()
            .find(|q| q.concept.is_some() && q.concept == e.date)
            .and_then(|q| answers.get(&q.id).or_else(|| answers.get(q.concept.as_deref()?)))
            .and_then(Json::as_str)
            .and_then(Date::parse_iso)
            .or_else(|| Date::new(2000, 1, 1))
        else {
            return out;
        };
        let mut env = MapEnv::new(stand_in);
        for (key, value) in answers {
            if let Some(v) = crate::value::Value::from_json(value, true) {
                env.values.insert(key.clone(), v);
            }
        }
        for q in &e.questions {
            if let (Some(concept), Some(v)) = (&q.concept, env.values.get(&q.id).cloned()) {
                env.values.entry(concept.clone()).or_insert(v);
            }
        }
        for a in &e.procedures {
            let Some(part) = self.parts.iter().find(|p| self.procedure(p).id == a.procedure) else { continue };
            for (target, src) in &a.presets {
                // A field id of the procedure, or a concept one of its fields asks.
                let key = match part.key_of.get(target) {
                    Some(key) => key.clone(),
                    None if part.field_at.contains_key(target) => target.clone(),
                    None => continue,
                };
                let Ok(mut expr) = crate::expr::parse(src) else { continue };
                crate::expr::resolve_in_place(&mut expr, &scope);
                let Ok(value) = crate::expr::eval(&expr, &env, &mut Budget::default()) else { continue };
                if let Some(json) = json_of(&value) {
                    out.entry(key).or_insert(json);
                }
            }
        }
        out
    }

    /// Fills each unanswered address that a form of the session marks `prefill: town` (an
    /// address in this town the profile cannot know: the new address of a move) with the
    /// town's prefecture, from its local-government code, and its name after its district
    /// when it has one (`{"prefecture": "山形県", "city": "北村山郡大石田町"}`), saying it came from the town
    /// ([`AnswerSource::Town`]); the resident adds the rest. Returns the keys filled.
    pub fn prefill_town(&mut self) -> Vec<String> {
        let town = &self.catalog.compiled().town;
        let Some(prefecture) = town.code.get(..2).and_then(crate::validate::types::prefecture) else {
            return Vec::new();
        };
        let mut address = Map::new();
        address.insert("prefecture".into(), Json::String(prefecture.into()));
        let district = town.district.as_ref().map_or("", |d| d.get(Lang::Ja));
        address.insert("city".into(), Json::String(format!("{district}{}", town.name.get(Lang::Ja))));
        let answers: Map<String, Json> = self
            .questions
            .iter()
            .filter(|q| q.field_type == FieldType::Address && self.prefilled_by_town(&q.key))
            .map(|q| (q.key.clone(), Json::Object(address.clone())))
            .collect();
        self.fill(&answers, || AnswerSource::Town)
    }

    /// Whether a form of the session marks the question `prefill: town`.
    fn prefilled_by_town(&self, key: &str) -> bool {
        self.parts
            .iter()
            .any(|part| self.field_in(part, key).is_some_and(|f| f.prefill == Some(crate::model::Prefill::Town)))
    }

    /// The groups that share people with `key` (a repeating group), with the pairs of their
    /// parts bound to one concept (part id in the other group, part id in `key`'s): the groups
    /// on later pages of the journey that `key`'s people are carried to.
    fn carried_from(&self, key: &str) -> Vec<(String, Vec<(String, String)>)> {
        let (Some(from), Some(&at)) = (self.field(key), self.index.get(key)) else { return Vec::new() };
        if from.resolved_type() != FieldType::Group {
            return Vec::new();
        }
        let page = self.questions[at].page;
        self.questions
            .iter()
            .filter(|q| q.field_type == FieldType::Group && q.page > page)
            .filter_map(|q| {
                let to = self.field(&q.key)?;
                let pairs: Vec<(String, String)> = to
                    .fields
                    .iter()
                    .filter_map(|t| {
                        let concept = t.concept.as_deref()?;
                        let f = from.fields.iter().find(|f| f.concept.as_deref() == Some(concept))?;
                        Some((t.id.clone(), f.id.clone()))
                    })
                    .collect();
                (!pairs.is_empty()).then(|| (q.key.clone(), pairs))
            })
            .collect()
    }

    /// People entered once (called when the resident sets the group `key`): each group on a
    /// later page whose parts share concepts with `key`'s starts with `key`'s people, the
    /// shared parts copied and the rest empty ([`AnswerSource::Carried`]), while the resident
    /// has not answered it: a group still holding carried people follows `key`, one the
    /// resident changed is never overwritten. Returns the keys changed.
    fn carry_people(&mut self, key: &str) -> Vec<String> {
        let mut changed = Vec::new();
        if self.ended {
            return changed;
        }
        let items: Vec<Map<String, Json>> = match self.answers.get(key) {
            Some(Json::Array(items)) => items.iter().filter_map(|i| i.as_object().cloned()).collect(),
            _ => Vec::new(),
        };
        for (target, pairs) in self.carried_from(key) {
            let open = !self.answers.contains_key(&target)
                || matches!(self.sources.get(&target), Some(AnswerSource::Carried { .. }));
            if !open {
                continue;
            }
            let people: Vec<Json> = items
                .iter()
                .filter_map(|item| {
                    let person: Map<String, Json> = pairs
                        .iter()
                        .filter_map(|(to, from)| {
                            item.get(from).filter(|v| !crate::validate::is_empty(v)).map(|v| (to.clone(), v.clone()))
                        })
                        .collect();
                    (!person.is_empty()).then_some(Json::Object(person))
                })
                .collect();
            if people.is_empty() {
                // Nobody left to carry: a group that only held carried people is unanswered again.
                if self.answers.remove(&target).is_some() {
                    self.sources.remove(&target);
                    self.confirmed = false;
                    changed.push(target);
                }
                continue;
            }
            let value = Json::Array(people);
            if self.answers.get(&target) != Some(&value) {
                self.confirmed = false;
                self.answers.insert(target.clone(), value);
                self.sources.insert(target.clone(), AnswerSource::Carried { from: key.to_string() });
                changed.push(target);
            }
        }
        changed
    }

    /// Prefills from a profile's facts (concept → value, with how the profile knows it): a
    /// question is filled unless already answered; the resident can change any of them.
    /// Returns the keys filled.
    pub fn prefill(&mut self, facts: &[(String, Json, String)]) -> Vec<String> {
        let mut filled = Vec::new();
        for (concept, value, provenance) in facts {
            // An address marked `prefill: town` is a new one: the profile's is the old one.
            if self.prefilled_by_town(concept) {
                continue;
            }
            let mut single = Map::new();
            single.insert(concept.clone(), value.clone());
            filled.extend(self.fill(&single, || AnswerSource::Profile { provenance: provenance.clone() }));
        }
        filled
    }

    /// Prefills every question whose concept the profile knows on `today` (only unanswered
    /// questions; the resident can change any of them), saying how the profile knows it.
    /// Only facts the profile's consent allows it to keep are used ([`Session::profile_policy`]):
    /// a move's date or a My Number left in an older profile is not offered. Returns the keys
    /// filled.
    pub fn prefill_from(&mut self, profile: &crate::profile::Profile, today: Date) -> Vec<String> {
        let facts: Vec<(String, Json, String)> = self
            .questions
            .iter()
            .filter(|q| self.profile_policy(&q.key).is_some_and(|p| profile.consent().allows(p)))
            .filter_map(|q| q.concept.as_ref())
            .filter_map(|c| {
                profile.current(c, today).map(|f| (c.clone(), f.value.clone(), f.source.kind().to_string()))
            })
            .collect();
        self.prefill(&facts)
    }

    fn fill(&mut self, answers: &Map<String, Json>, source: impl Fn() -> AnswerSource) -> Vec<String> {
        let mut filled = Vec::new();
        if self.ended {
            return filled;
        }
        for (key, value) in answers {
            if self.index.contains_key(key) && !self.answers.contains_key(key) && !crate::validate::is_empty(value) {
                self.confirmed = false;
                self.answers.insert(key.clone(), value.clone());
                self.sources.insert(key.clone(), source());
                filled.push(key.clone());
            }
        }
        filled
    }

    /// One procedure's answers, read by its own field ids from the session's answers.
    fn answers_of<'s>(&'s self, part: &'s Part) -> AnswerMap<'s> {
        AnswerMap::ByKey { answers: &self.answers, keys: &part.key_of }
    }

    /// Maps an issue's field path (`members[0].name`) of a procedure to the journey's key.
    fn rekey(part: &Part, issue: &mut Issue) {
        let (head, rest) = match issue.field.find(['[', '.']) {
            Some(i) => issue.field.split_at(i),
            None => (issue.field.as_str(), ""),
        };
        if let Some(key) = part.key_of.get(head) {
            issue.field = format!("{key}{rest}");
        }
    }

    /// Whether an answer to `key` can change which questions are shown: some page or field
    /// condition of a procedure that asks it names it. When not, a host need not compute
    /// relevance again after it changes (see [`Session::relevant`]).
    pub fn affects_visibility(&self, key: &str) -> bool {
        let head = key.split('.').next().unwrap_or(key);
        self.parts.iter().any(|part| {
            let Some(names) = self.catalog.visibility_names(&self.procedure(part).id) else { return true };
            if names.contains(head) || names.contains(key) {
                return true;
            }
            // Conditions name a field by its id in its own procedure.
            self.field_in(part, key).is_some_and(|f| names.contains(&f.id))
        })
    }

    /// The keys of the questions relevant now (relevant in any procedure that asks them).
    pub fn relevant(&self, today: Date) -> Vec<String> {
        let mut relevant = HashSet::new();
        for part in &self.parts {
            let Some(plan) = self.plan(part) else { continue };
            let answers = self.answers_of(part);
            for field in plan.relevant_fields(answers, today, &self.catalog.code_lists) {
                if let Some(key) = part.key_of.get(field.as_str()) {
                    relevant.insert(key.clone());
                }
            }
        }
        self.questions.iter().filter(|q| relevant.contains(&q.key)).map(|q| q.key.clone()).collect()
    }

    /// Which of `keys` are relevant now (in any procedure that asks them), evaluating only the
    /// conditions they need: what a host showing one page re-checks after a keystroke.
    /// Agrees with [`Session::relevant`] on these keys.
    pub fn relevant_among(&self, keys: &[String], today: Date) -> HashSet<String> {
        let mut out = HashSet::new();
        for part in &self.parts {
            let Some(plan) = self.plan(part) else { continue };
            let procedure = self.procedure(part);
            let asked: Vec<(&String, &str)> = keys
                .iter()
                .filter_map(|k| {
                    let &(page, at) = part.field_at.get(k)?;
                    Some((k, procedure.form.pages.get(page)?.fields.get(at)?.id.as_str()))
                })
                .collect();
            if asked.is_empty() {
                continue;
            }
            let ids: Vec<&str> = asked.iter().map(|(_, id)| *id).collect();
            let shown = plan.relevance_of(&ids, self.answers_of(part), today, &self.catalog.code_lists);
            out.extend(asked.iter().zip(shown).filter(|(_, s)| *s).map(|((k, _), _)| (*k).clone()));
        }
        out
    }

    /// The pages to show now, with only their relevant questions; pages left empty are skipped.
    pub fn relevant_pages(&self, today: Date) -> Vec<JourneyPage> {
        let relevant: HashSet<String> = self.relevant(today).into_iter().collect();
        self.pages
            .iter()
            .filter_map(|p| {
                let questions: Vec<String> = p.questions.iter().filter(|k| relevant.contains(*k)).cloned().collect();
                (!questions.is_empty()).then(|| JourneyPage { id: p.id.clone(), title: p.title.clone(), questions })
            })
            .collect()
    }

    /// Every issue of every relevant question, each once (the strictest procedure's issue
    /// first), keyed by question.
    pub fn validate(&self, today: Date, lang: Lang) -> Vec<Issue> {
        let mut out: Vec<Issue> = Vec::new();
        let mut seen = HashSet::new();
        // An answer shared by several procedures is read once.
        let shared = std::cell::RefCell::new(SharedReads::of_concepts(
            self.questions.iter().filter(|q| q.asked_by.len() > 1).filter_map(|q| q.concept.clone()),
        ));
        for part in &self.parts {
            let Some(plan) = self.plan(part) else { continue };
            let answers = self.answers_of(part);
            for mut issue in plan.issues_shared(answers, today, lang, &self.catalog.code_lists, &shared) {
                Self::rekey(part, &mut issue);
                if seen.insert((issue.field.clone(), issue.code.clone())) {
                    out.push(issue);
                }
            }
        }
        out
    }

    /// The issues of one question (for each keystroke), from every procedure that asks it.
    pub fn validate_question(&self, key: &str, today: Date, lang: Lang) -> Result<Vec<Issue>, SessionError> {
        let q = self
            .index
            .get(key)
            .map(|&i| &self.questions[i])
            .ok_or_else(|| SessionError::UnknownQuestion(key.into()))?;
        let mut out: Vec<Issue> = Vec::new();
        let mut seen = HashSet::new();
        for part in self.parts.iter().filter(|p| q.asked_by.contains(&self.procedure(p).id)) {
            let Some(&(page, at)) = part.field_at.get(key) else { continue };
            let Some(field) = self.procedure(part).form.pages.get(page).and_then(|p| p.fields.get(at)).map(|f| &f.id)
            else {
                continue;
            };
            let Some(plan) = self.plan(part) else { continue };
            let answers = self.answers_of(part);
            for mut issue in plan.validate_field(field, answers, today, lang, &self.catalog.code_lists) {
                Self::rekey(part, &mut issue);
                if seen.insert((issue.field.clone(), issue.code.clone())) {
                    out.push(issue);
                }
            }
        }
        Ok(out)
    }

    /// Every relevant answered question, once, with its answer in its normalised form and as
    /// the resident reads it, where it came from and which page changes it. The
    /// check-your-answers page built from it, per procedure and per person, is
    /// [`crate::journey::check::check_page`].
    pub fn summary(&self, today: Date, lang: Lang) -> Vec<SummaryRow> {
        let mut normalized: HashMap<String, Json> = HashMap::new();
        for part in &self.parts {
            let Some(plan) = self.plan(part) else { continue };
            let answers = self.answers_of(part);
            let v = plan.validate(answers, today, lang, &self.catalog.code_lists);
            for (field, value) in v.normalized.iter() {
                if let Some(key) = part.key_of.get(field) {
                    normalized.entry(key.clone()).or_insert_with(|| value.clone());
                }
            }
        }
        self.relevant(today)
            .into_iter()
            .filter_map(|key| {
                let q = &self.questions[self.index[&key]];
                let answer = normalized.get(&key).cloned().or_else(|| self.answers.get(&key).cloned())?;
                // The one formatter (the check page's): labels, dates as residents read them,
                // every My Number masked, inside groups too.
                let text = match self.question_view(&key, lang) {
                    Some(v) => crate::views::format::answer_text(&v, &answer, self.answers.get(&key), lang),
                    None => crate::views::answer_text(&answer, &[], crate::profile::is_my_number_concept(&key), lang),
                };
                Some(SummaryRow {
                    label: q.label.get(lang).to_string(),
                    answer,
                    text,
                    source: self.sources.get(&key).cloned().unwrap_or(AnswerSource::Typed),
                    page: self.pages[q.page].id.clone(),
                    used_by: q.asked_by.clone(),
                    key,
                })
            })
            .collect()
    }

    /// One submission per procedure, each holding only its relevant answers, when no error is
    /// left. `at` is the time of submission, given by the host.
    pub fn submissions(&self, today: Date, at: &str) -> Result<Vec<Submission>, SessionError> {
        // Each procedure validated once: its errors decide, its normalised answers are sent.
        let mut errors = HashSet::new();
        let mut submissions = Vec::new();
        for part in &self.parts {
            let Some(plan) = self.plan(part) else { continue };
            let procedure = self.procedure(part);
            let v = plan.validate(self.answers_of(part), today, Lang::Ja, &self.catalog.code_lists);
            for mut issue in v.issues.into_iter().filter(|i| i.severity == crate::model::Severity::Error) {
                Self::rekey(part, &mut issue);
                errors.insert((issue.field, issue.code));
            }
            submissions.push(Submission {
                procedure: procedure.id.clone(),
                version: procedure.version.clone(),
                catalog_hash: self.catalog.content_hash.clone(),
                submitted_at: at.to_string(),
                answers: v.normalized,
                steps: Vec::new(),
            });
        }
        if !errors.is_empty() {
            return Err(SessionError::NotReady(errors.len()));
        }
        Ok(submissions)
    }

    /// Submits: the submissions (see [`Session::submissions`]), after which the session takes
    /// no more answers. Nothing is submitted while errors remain, nor while an assisted session
    /// waits for the resident's confirmation ([`SessionError::Unconfirmed`]); the session then
    /// stays open.
    pub fn submit(&mut self, today: Date, at: &str) -> Result<Vec<Submission>, SessionError> {
        if self.ended {
            return Err(SessionError::Ended);
        }
        if self.assisted && !self.confirmed {
            return Err(SessionError::Unconfirmed);
        }
        let submissions = self.submissions(today, at)?;
        self.ended = true;
        Ok(submissions)
    }

    /// Whether the session was submitted.
    pub fn is_ended(&self) -> bool {
        self.ended
    }

    /// How the resident's profile may keep the answer to `key`: its concept's declared (or
    /// derived) [`ProfilePolicy`], made stricter by what the answer holds (a My Number field,
    /// the concepts of a group's fields). `None` for a question without a concept (never
    /// recorded) or one the session does not ask.
    pub fn profile_policy(&self, key: &str) -> Option<ProfilePolicy> {
        let concept = self.question(key)?.concept.as_deref()?;
        let mut policy = crate::profile::concept_policy(&self.catalog, concept);
        for part in &self.parts {
            let Some(&(page, at)) = part.field_at.get(key) else { continue };
            if let Some(field) = self.procedure(part).form.pages.get(page).and_then(|p| p.fields.get(at)) {
                policy = policy.max(self.field_policy(field));
            }
        }
        Some(policy)
    }

    /// The strictest policy of what a field's answer holds: a My Number, the concepts of its
    /// group's fields.
    fn field_policy(&self, field: &Field) -> ProfilePolicy {
        let mut policy =
            if field.resolved_type() == FieldType::MyNumber { ProfilePolicy::Sensitive } else { ProfilePolicy::Keep };
        for sub in &field.fields {
            if let Some(concept) = &sub.concept {
                policy = policy.max(crate::profile::concept_policy(&self.catalog, concept));
            }
            policy = policy.max(self.field_policy(sub));
        }
        policy
    }

    /// Updates the resident's profile with what this session's relevant answers say, only
    /// when the profile holds the resident's consent, and only what that consent names
    /// ([`Session::profile_policy`]): `keep` concepts, `sensitive` ones (a My Number, a bank
    /// account) only with the consent to keep sensitive details, `never` ones (a move's date)
    /// never. Each concept's normalised answer is recorded as typed in the first procedure
    /// that asks it, at `at`; a new current address makes the old one the previous address.
    /// Facts the profile holds that the consent and the catalogue do not allow are deleted
    /// first ([`crate::profile::Profile::retain_allowed`]). Returns the concepts recorded.
    pub fn update_profile(
        &self,
        profile: &mut crate::profile::Profile,
        today: Date,
        at: &str,
    ) -> Result<Vec<String>, crate::profile::ProfileError> {
        use crate::profile::{ADDRESS_CURRENT, Source};
        if !profile.consent().given {
            return Err(crate::profile::ProfileError::NoConsent);
        }
        profile.retain_allowed(&self.catalog);
        let mut recorded = Vec::new();
        for row in self.summary(today, Lang::Ja) {
            let q = &self.questions[self.index[&row.key]];
            let (Some(concept), Some(procedure)) = (&q.concept, q.asked_by.first()) else { continue };
            if !self.profile_policy(&row.key).is_some_and(|policy| profile.consent().allows(policy)) {
                continue;
            }
            // Facts the profile already took from a verified source are not overwritten by
            // what it itself prefilled.
            if matches!(row.source, AnswerSource::Profile { .. }) {
                continue;
            }
            let source = Source::Typed { procedure: procedure.clone(), at: at.to_string() };
            if concept == ADDRESS_CURRENT {
                profile.moved(row.answer.clone(), source, today)?;
            } else {
                profile.record(concept, row.answer.clone(), source, today)?;
            }
            recorded.push(concept.clone());
        }
        Ok(recorded)
    }

    /// Every answer given, by key (including answers to questions hidden now).
    pub fn answers(&self) -> &Map<String, Json> {
        &self.answers
    }

    /// Every answer's source, by key.
    pub fn sources(&self) -> &BTreeMap<String, AnswerSource> {
        &self.sources
    }

    /// Restores one answer of a draft; `false` when no question of the session has the key.
    pub(crate) fn restore_answer(&mut self, key: &str, value: Json, source: AnswerSource) -> bool {
        self.set(key, value, source).is_ok()
    }

    pub(crate) fn keep_aside(&mut self, key: String, value: Json) {
        self.aside.insert(key, value);
    }

    pub(crate) fn keep_aside_procedures(&mut self, procedures: Vec<DraftProcedure>) {
        self.aside_procedures = procedures;
    }

    /// Answers kept aside: given in a draft, asked by no procedure of the session now.
    pub fn aside(&self) -> &Map<String, Json> {
        &self.aside
    }

    pub(crate) fn aside_procedures(&self) -> &[DraftProcedure] {
        &self.aside_procedures
    }

    /// The catalogue the session runs on.
    pub fn catalog(&self) -> &Catalog {
        &self.catalog
    }
}

/// A value an expression gave, as an answer: dates as `YYYY-MM-DD`, a year and month as
/// `YYYY-MM`; `None` for no value.
fn json_of(value: &crate::value::Value) -> Option<Json> {
    use crate::value::Value;
    Some(match value {
        Value::Null => return None,
        Value::Bool(b) => Json::Bool(*b),
        Value::Int(n) => Json::from(*n),
        Value::Double(x) => Json::from(serde_json::Number::from_f64(*x)?),
        Value::String(s) => Json::String(s.clone()),
        Value::Date(d) => Json::String(d.to_string()),
        Value::YearMonth { year, month } => Json::String(format!("{year:04}-{month:02}")),
        Value::List(items) => Json::Array(items.iter().filter_map(json_of).collect()),
        Value::Map(parts) => Json::Object(parts.iter().filter_map(|(k, v)| Some((k.clone(), json_of(v)?))).collect()),
    })
}
