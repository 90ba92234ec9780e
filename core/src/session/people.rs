//! One person, entered once, whether a form asks for them as single questions or as an item
//! of a group.
//!
//! A concept about one particular person may declare `as_member`: the part of a group item
//! that holds the same datum (`child.birth_date` is `member.birth_date`, `child.family_name`
//! the family half of `member.name`). The concepts of one area (`child`) that declare it
//! describe one person. Two rules follow, both only towards later pages (as people are carried
//! from group to group), never over what the resident typed:
//! - **into groups**: what the session knows of the person from the resident (typed, from the
//!   screening, implied by the event) starts each group that lists such people and is still
//!   unanswered, as its one item: a birth journey's 国保 members start with the newborn;
//! - **out of a group**: when the resident sets a group, the single questions about the person
//!   on later pages are filled from the one item that is that person (the item agreeing with
//!   everything known of the person, one item at least compared): the name typed in 国保's
//!   members is 子ども医療's 子の氏・名. Twins (two items alike) fill nothing.
//!
//! Both fills say where they came from ([`AnswerSource::Carried`]) and follow their source
//! while the resident has not changed them.

use serde_json::{Map, Value as Json};

use super::{AnswerSource, Session};
use crate::model::{FieldType, NamePart};

/// A concept about one particular person that a group item also holds (a concept's
/// `as_member`, read once from the catalogue).
#[derive(Debug, Clone)]
pub(super) struct MemberOf {
    /// The concept (`child.family_name`), the key of a single question asking it.
    concept: String,
    /// The person it describes (its area, `child`).
    person: String,
    /// The group item's part concept (`member.name`).
    member: String,
    /// Its type.
    member_type: FieldType,
    /// Which half of a name, when it is one.
    part: Option<NamePart>,
}

/// The catalogue's concepts that declare `as_member`.
pub(super) fn members_of(catalog: &crate::catalog::CompiledCatalog) -> Vec<MemberOf> {
    catalog
        .concepts
        .iter()
        .filter_map(|c| {
            let to = c.as_member.as_ref()?;
            let member = catalog.concepts.iter().find(|m| m.id == to.concept)?;
            Some(MemberOf {
                concept: c.id.clone(),
                person: c.person()?.to_string(),
                member: member.id.clone(),
                member_type: member.value_type,
                part: to.part,
            })
        })
        .collect()
}

/// Splits a name written family first (`ヤマダ　ハナコ`, `山田 花子`) at its first space.
fn halves(text: &str) -> Option<(&str, &str)> {
    let (family, given) = text.trim().split_once([' ', '\u{3000}'])?;
    Some((family.trim(), given.trim())).filter(|(f, g)| !f.is_empty() && !g.is_empty())
}

impl Session {
    /// Whether a source comes from the resident about the person (so it identifies them):
    /// typed, from the screening, or implied by the event. A profile's value may be another
    /// person's; a carried one came from a group item.
    fn knows(source: Option<&AnswerSource>) -> bool {
        matches!(source, Some(AnswerSource::Typed | AnswerSource::Screening { .. } | AnswerSource::Event { .. }))
    }

    /// What the session knows of each person from the resident, with `facts` (concept →
    /// value: the screening answers) where the session asks nothing: person → (concept, value).
    /// With `up_to`, what the resident typed on a later page is left out (it is what a group
    /// on that page fills, not what tells its items apart).
    fn known_people(&self, facts: &Map<String, Json>, up_to: Option<usize>) -> Vec<(String, Vec<(usize, Json)>)> {
        let mut people: Vec<(String, Vec<(usize, Json)>)> = Vec::new();
        for (at, m) in self.people.iter().enumerate() {
            let source = self.sources.get(&m.concept);
            let later = |page: usize| up_to.is_some_and(|p| page > p);
            let typed_later = source == Some(&AnswerSource::Typed)
                && self.index.get(&m.concept).is_some_and(|&q| later(self.questions[q].page));
            let asked = self.answers.get(&m.concept).filter(|_| Self::knows(source) && !typed_later);
            let Some(value) = asked.or_else(|| facts.get(&m.concept)) else { continue };
            if crate::validate::is_empty(value) {
                continue;
            }
            match people.iter_mut().find(|(p, _)| *p == m.person) {
                Some((_, known)) => known.push((at, value.clone())),
                None => people.push((m.person.clone(), vec![(at, value.clone())])),
            }
        }
        people
    }

    /// A person as a group item would hold them, by member concept: halves of a name joined
    /// (`{"family", "given"}` for a `person_name`, family first with a full-width space for a
    /// reading, only when both halves are known).
    fn as_item(&self, known: &[(usize, Json)]) -> Map<String, Json> {
        let mut item = Map::new();
        let mut names: Vec<(&str, FieldType, Option<Json>, Option<Json>)> = Vec::new();
        for (at, value) in known {
            let m = &self.people[*at];
            let Some(part) = m.part else {
                item.insert(m.member.clone(), value.clone());
                continue;
            };
            let i = match names.iter().position(|n| n.0 == m.member) {
                Some(i) => i,
                None => {
                    names.push((&m.member, m.member_type, None, None));
                    names.len() - 1
                }
            };
            match part {
                NamePart::Family => names[i].2 = Some(value.clone()),
                NamePart::Given => names[i].3 = Some(value.clone()),
            }
        }
        for (member, ty, family, given) in names {
            let value = if ty == FieldType::PersonName {
                let mut name = Map::new();
                name.extend(family.map(|f| ("family".to_string(), f)));
                name.extend(given.map(|g| ("given".to_string(), g)));
                Json::Object(name)
            } else {
                match (family.as_ref().and_then(Json::as_str), given.as_ref().and_then(Json::as_str)) {
                    (Some(f), Some(g)) => Json::String(format!("{}\u{3000}{}", f.trim(), g.trim())),
                    _ => continue,
                }
            };
            item.insert(member.to_string(), value);
        }
        item
    }

    /// The groups of the session on pages after `after` (all when `None`), with the pairs
    /// (part id, member concept) of their parts that a person's concepts map onto.
    fn groups_listing(&self, member_concepts: &[&str], after: Option<usize>) -> Vec<(String, Vec<(String, String)>)> {
        self.questions
            .iter()
            .filter(|q| q.field_type == FieldType::Group && after.is_none_or(|a| q.page > a))
            .filter_map(|q| {
                let group = self.field(&q.key)?;
                let parts: Vec<(String, String)> = group
                    .fields
                    .iter()
                    .filter_map(|f| {
                        let c = f.concept.as_deref()?;
                        member_concepts.contains(&c).then(|| (f.id.clone(), c.to_string()))
                    })
                    .collect();
                (!parts.is_empty()).then(|| (q.key.clone(), parts))
            })
            .collect()
    }

    /// Into groups: each group on a page after `after` (every group when `None`) that lists
    /// people like a person the session knows, and is unanswered or still holds only that
    /// person as filled from it, starts with the person as its one item
    /// ([`AnswerSource::Carried`] from a question about the person). `facts` are screening
    /// answers by concept. Returns the keys changed.
    pub(super) fn start_groups_with_people(&mut self, after: Option<usize>, facts: &Map<String, Json>) -> Vec<String> {
        let mut changed = Vec::new();
        if self.ended || self.people.is_empty() {
            return changed;
        }
        for (person, known) in self.known_people(facts, None) {
            let item = self.as_item(&known);
            let members: Vec<&str> = item.keys().map(String::as_str).collect();
            // Named after what the resident typed about the person, else the first thing known.
            let from = known
                .iter()
                .map(|(at, _)| &self.people[*at].concept)
                .find(|c| self.sources.get(*c) == Some(&AnswerSource::Typed))
                .or_else(|| known.first().map(|(at, _)| &self.people[*at].concept))
                .cloned()
                .unwrap_or_default();
            for (group, parts) in self.groups_listing(&members, after) {
                let open = match self.sources.get(&group) {
                    None => !self.answers.contains_key(&group),
                    Some(AnswerSource::Carried { from }) => {
                        self.people.iter().any(|m| m.person == person && m.concept == *from)
                    }
                    Some(_) => false,
                };
                if !open {
                    continue;
                }
                let one: Map<String, Json> =
                    parts.iter().filter_map(|(id, member)| Some((id.clone(), item.get(member)?.clone()))).collect();
                let value = Json::Array(vec![Json::Object(one)]);
                if self.answers.get(&group) != Some(&value) {
                    self.confirmed = false;
                    self.answers.insert(group.clone(), value);
                    self.sources.insert(group.clone(), AnswerSource::Carried { from: from.clone() });
                    changed.push(group);
                }
            }
        }
        changed
    }

    /// Out of a group: after the resident sets the group `key`, each single question about a
    /// person on a later page, unanswered or filled from this group before, is filled from the
    /// one item that is that person; when no single item is, what this group filled is
    /// cleared. Returns the keys changed.
    pub(super) fn fill_people_from(&mut self, key: &str) -> Vec<String> {
        let mut changed = Vec::new();
        let (Some(&at), Some(group)) = (self.index.get(key), self.field(key)) else { return changed };
        if self.ended || self.people.is_empty() || group.resolved_type() != FieldType::Group {
            return changed;
        }
        let page = self.questions[at].page;
        // The group's parts by member concept.
        let part_of: Vec<(String, String)> =
            group.fields.iter().filter_map(|f| Some((f.concept.clone()?, f.id.clone()))).collect();
        let items: Vec<Map<String, Json>> = match self.answers.get(key) {
            Some(Json::Array(items)) => items.iter().filter_map(|i| i.as_object().cloned()).collect(),
            _ => Vec::new(),
        };
        let part = |member: &str| part_of.iter().find(|(c, _)| c == member).map(|(_, id)| id.as_str());
        for (person, known) in self.known_people(&Map::new(), Some(page)) {
            let wanted = self.as_item(&known);
            let compared: Vec<(&str, &Json)> =
                wanted.iter().filter_map(|(member, v)| Some((part(member)?, v))).collect();
            let mut matching = items.iter().filter(|item| {
                !compared.is_empty() && compared.iter().all(|(id, v)| item.get(*id).is_some_and(|x| same(x, v)))
            });
            let (first, second) = (matching.next(), matching.next());
            let the_one = if second.is_none() { first } else { None };
            let singles: Vec<usize> = (0..self.people.len())
                .filter(|&i| self.people[i].person == person)
                .filter(|&i| self.index.get(&self.people[i].concept).is_some_and(|&q| self.questions[q].page > page))
                .collect();
            for i in singles {
                let m = self.people[i].clone();
                let open = match self.sources.get(&m.concept) {
                    None => !self.answers.contains_key(&m.concept),
                    Some(AnswerSource::Carried { from }) => from == key,
                    Some(_) => false,
                };
                if !open {
                    continue;
                }
                let value = the_one.and_then(|item| read_part(item.get(part(&m.member)?)?, m.part));
                match value {
                    Some(v) if self.answers.get(&m.concept) != Some(&v) => {
                        self.confirmed = false;
                        self.answers.insert(m.concept.clone(), v);
                        self.sources.insert(m.concept.clone(), AnswerSource::Carried { from: key.to_string() });
                        changed.push(m.concept);
                    }
                    Some(_) => {}
                    None => {
                        if self.answers.remove(&m.concept).is_some() {
                            self.sources.remove(&m.concept);
                            self.confirmed = false;
                            changed.push(m.concept);
                        }
                    }
                }
            }
        }
        changed
    }

    /// The questions filled from another answer of the session once the resident gives it:
    /// groups on later pages that share people with an earlier group, and single questions
    /// about a person the session already knows something of (to tell their item apart) on a
    /// page after a group that lists such people. (What `tetsuzuki plan` counts as carried.)
    pub fn carried_questions(&self) -> Vec<String> {
        let known: Vec<String> = self.known_people(&Map::new(), None).into_iter().map(|(p, _)| p).collect();
        let mut keys: Vec<String> = Vec::new();
        for q in self.questions.iter().filter(|q| q.field_type == FieldType::Group) {
            keys.extend(self.carried_from(&q.key).into_iter().map(|(to, _)| to));
            let Some(group) = self.field(&q.key) else { continue };
            let listed: Vec<&str> = group.fields.iter().filter_map(|f| f.concept.as_deref()).collect();
            keys.extend(
                self.people
                    .iter()
                    .filter(|m| listed.contains(&m.member.as_str()) && known.contains(&m.person))
                    .filter(|m| self.index.get(&m.concept).is_some_and(|&at| self.questions[at].page > q.page))
                    .map(|m| m.concept.clone()),
            );
        }
        let mut seen = std::collections::HashSet::new();
        keys.retain(|k| seen.insert(k.clone()));
        keys
    }

    /// Whether `key` asks about a person that group items also hold.
    pub(super) fn is_about_a_person(&self, key: &str) -> bool {
        self.people.iter().any(|m| m.concept == key)
    }
}

/// Whether two answers are the same datum (strings compared without surrounding spaces; a
/// name as an object or written with a space).
fn same(a: &Json, b: &Json) -> bool {
    match (a, b) {
        (Json::String(x), Json::String(y)) => x.trim() == y.trim(),
        (Json::Object(_), Json::String(s)) | (Json::String(s), Json::Object(_)) => {
            let name = if let Json::Object(o) = a {
                o
            } else if let Json::Object(o) = b {
                o
            } else {
                return false;
            };
            halves(s).is_some_and(|(f, g)| {
                name.get("family").and_then(Json::as_str).map(str::trim) == Some(f)
                    && name.get("given").and_then(Json::as_str).map(str::trim) == Some(g)
            })
        }
        (Json::Object(x), Json::Object(y)) => {
            let part = |o: &Map<String, Json>, k: &str| {
                o.get(k).and_then(Json::as_str).map(str::trim).unwrap_or("").to_string()
            };
            // A name known by one half only is compared by that half.
            ["family", "given"].iter().all(|k| {
                let (p, q) = (part(x, k), part(y, k));
                p.is_empty() || q.is_empty() || p == q
            }) && ["family", "given"].iter().any(|k| !part(x, k).is_empty() && !part(y, k).is_empty())
        }
        _ => a == b,
    }
}

/// The person's single answer from an item's part: the whole value, or one half of a name
/// (of a `{"family", "given"}` object, or of text written family first with a space).
fn read_part(value: &Json, part: Option<NamePart>) -> Option<Json> {
    if crate::validate::is_empty(value) {
        return None;
    }
    let Some(part) = part else { return Some(value.clone()) };
    let key = match part {
        NamePart::Family => "family",
        NamePart::Given => "given",
    };
    let half = match value {
        Json::Object(name) => name.get(key).and_then(Json::as_str).map(str::trim).filter(|s| !s.is_empty())?,
        Json::String(text) => {
            let (family, given) = halves(text)?;
            if part == NamePart::Family { family } else { given }
        }
        _ => return None,
    };
    Some(Json::String(half.to_string()))
}
