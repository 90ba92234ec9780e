//! The definition checker: proves definitions sound before any resident sees a form.
//!
//! It works on typed documents (after [`crate::schema`] has checked their shape) and reports
//! *every* problem at once: duplicate ids, dangling references, expressions that do not parse
//! or type-check, cyclic visibility, concept/type mismatches, deadlines anchored on non-dates,
//! missing translations, vague resident messages, wrong check digits, empty pages and life
//! events naming procedures a town does not offer.

mod field;
mod overlay;
mod procedure;
mod scope;
mod text;
mod town;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::rc::Rc;

use crate::diagnostic::{Diagnostic, Path, PathSeg, Tally, Target};
use crate::expr::Type;
use crate::model::{CodeList, Concept, Document, LifeEvent, Procedure, Region, SharedModel, Town};

/// Checks documents together (a whole model with its towns). `docs` pairs each typed document
/// with its index, which diagnostics point back to.
///
/// At most [`crate::diagnostic::MAX_PER_CODE_PER_FILE`] diagnostics of one code are returned
/// per document (each taken as its own file); one `too-many-diagnostics` diagnostic sums up the
/// rest.
pub fn check(docs: &[(usize, &Document)]) -> Vec<Diagnostic> {
    check_with(docs, &[])
}

/// [`check`], knowing the ids of documents that could not be read at all (references to them
/// are not reported as dangling: their own problems are).
pub fn check_with(docs: &[(usize, &Document)], unreadable: &[String]) -> Vec<Diagnostic> {
    let mut files = Files::default();
    let mut out = run(docs, unreadable, &mut files);
    let mut counted: Vec<(usize, Tally)> = files.tallies.into_iter().collect();
    counted.sort_by_key(|(file, _)| *file);
    out.extend(counted.iter().flat_map(|(_, t)| t.summaries()));
    out
}

/// What the checker knows of the files the documents come from: which file each document is
/// in, the diagnostics counted so far per file, and the paths whose values the shape check
/// replaced (findings under them only echo that repair and are not reported).
#[derive(Default)]
struct Files {
    /// The file of each document, by document index (a document missing here is its own file).
    file_of: Vec<usize>,
    /// The diagnostics counted per file.
    tallies: HashMap<usize, Tally>,
    /// Per document, the paths whose values were replaced to fit the format.
    repaired: HashMap<usize, HashSet<Vec<PathSeg>>>,
}

/// Checks `docs`, counting their diagnostics in `files`' tallies (the summaries of what was
/// left out are the caller's).
fn run(docs: &[(usize, &Document)], unreadable: &[String], files: &mut Files) -> Vec<Diagnostic> {
    let mut cx = Checker {
        out: Vec::new(),
        index: Index::default(),
        unreadable: unreadable.iter().map(String::as_str).collect(),
        files: std::mem::take(files),
        concept_types: Rc::default(),
        preset_fields: HashMap::new(),
        patterns: HashMap::new(),
        large_patterns: 0,
        suggestion_budget: SUGGESTION_BUDGET,
        field_places: HashMap::new(),
        region_bases: HashMap::new(),
    };
    cx.build_index(docs);
    cx.concept_types =
        Rc::new(cx.index.concepts.iter().map(|(id, c)| (id.to_string(), c.value_type.expr_type())).collect());
    for &(doc, document) in docs {
        match document {
            Document::Vocabulary(v) => {
                for (i, concept) in v.concepts.iter().enumerate() {
                    cx.check_concept(doc, &Path::root().key("concepts").index(i), concept);
                }
            }
            Document::CodeList(list) => cx.check_code_list(doc, list),
            Document::Procedure(p) => cx.check_procedure(doc, p),
            Document::LifeEvent(e) => cx.check_life_event(doc, e),
            Document::Town(t) => cx.check_town(doc, t),
            Document::Model(m) => cx.check_model(doc, m),
            Document::Region(r) => cx.check_region(doc, r),
        }
    }
    cx.people(docs);
    *files = cx.files;
    cx.out
}

/// Where each id is defined.
#[derive(Default)]
struct Index<'a> {
    concepts: HashMap<&'a str, &'a Concept>,
    code_lists: HashMap<&'a str, &'a CodeList>,
    procedures: HashMap<&'a str, &'a Procedure>,
    life_events: HashMap<&'a str, &'a LifeEvent>,
    towns: HashMap<&'a str, &'a Town>,
    models: Vec<&'a SharedModel>,
    regions: HashMap<&'a str, &'a Region>,
}

struct Checker<'a> {
    out: Vec<Diagnostic>,
    index: Index<'a>,
    /// Ids of documents that could not be read.
    unreadable: HashSet<&'a str>,
    files: Files,
    /// Every concept id with the type of its answers (the names every expression may use).
    concept_types: Rc<BTreeMap<String, Type>>,
    /// Per procedure, its top-level fields by id and by concept (for life events' presets).
    preset_fields: HashMap<&'a str, HashMap<&'a str, &'a crate::model::Field>>,
    /// Each pattern of `matches` checked so far, with why it does not compile.
    patterns: HashMap<String, Option<String>>,
    /// How many patterns were compiled in full, being large.
    large_patterns: usize,
    /// The steps "did you mean" may still take (see [`SUGGESTION_BUDGET`]).
    suggestion_budget: usize,
    /// Where each field of a procedure is, by the procedure's address (see `field_index`).
    field_places: HashMap<usize, Rc<HashMap<String, Vec<usize>>>>,
    /// Procedures as a region's offering changed them, by the offering's address.
    region_bases: HashMap<usize, Rc<Procedure>>,
}

/// The steps all "did you mean" suggestions of one check may take together (an option looked
/// at, or a character compared, is a step): a fraction of a second. Beyond it, unknown ids get
/// the list of known ones instead of a suggestion. Only a model with tens of thousands of ids
/// and many unknown ones comes near it.
const SUGGESTION_BUDGET: usize = 50_000_000;

impl<'a> Checker<'a> {
    /// Reports `d`, unless it only echoes a repair of the document's shape, or its file has
    /// already reported as many diagnostics of its code as are listed (then it is counted).
    fn push(&mut self, d: Diagnostic) {
        let doc = d.target.document;
        if let Some(repaired) = self.files.repaired.get(&doc) {
            let path = &d.target.path.0;
            if (0..=path.len()).any(|n| repaired.contains(&path[..n])) {
                return;
            }
        }
        let file = self.file_of(doc);
        if self.files.tallies.entry(file).or_default().keep(&d) {
            self.out.push(d);
        }
    }

    /// The option closest to `candidate` ([`crate::suggest::did_you_mean`]), within what is
    /// left of the check's budget of suggestion work.
    fn suggest<'k>(&mut self, candidate: &str, options: impl IntoIterator<Item = &'k str>) -> Option<&'k str> {
        crate::suggest::did_you_mean_within(candidate, options, &mut self.suggestion_budget)
    }

    fn file_of(&self, doc: usize) -> usize {
        self.files.file_of.get(doc).copied().unwrap_or(doc)
    }

    /// Whether a diagnostic of `code` in document `doc` would be reported: costly work for it
    /// (a suggestion, a list of what exists) is done only then.
    fn admits(&self, doc: usize, code: &str) -> bool {
        self.files.tallies.get(&self.file_of(doc)).is_none_or(|t| t.admits(code))
    }

    fn build_index(&mut self, docs: &[(usize, &'a Document)]) {
        for &(doc, document) in docs {
            match document {
                Document::Vocabulary(v) => {
                    for (i, c) in v.concepts.iter().enumerate() {
                        let path = Path::root().key("concepts").index(i).key("id");
                        if self.index.concepts.insert(&c.id, c).is_some() {
                            self.duplicate(doc, path, "concept", &c.id);
                        }
                    }
                }
                Document::CodeList(l) => {
                    if self.index.code_lists.insert(&l.id, l).is_some() {
                        self.duplicate(doc, Path::root().key("id"), "code list", &l.id);
                    }
                }
                Document::Procedure(p) => {
                    if self.index.procedures.insert(&p.id, p).is_some() {
                        self.duplicate(doc, Path::root().key("id"), "procedure", &p.id);
                    }
                }
                Document::LifeEvent(e) => {
                    if self.index.life_events.insert(&e.id, e).is_some() {
                        self.duplicate(doc, Path::root().key("id"), "life event", &e.id);
                    }
                }
                Document::Town(t) => {
                    if self.index.towns.insert(&t.id, t).is_some() {
                        self.duplicate(doc, Path::root().key("id"), "town", &t.id);
                    }
                }
                Document::Model(m) => {
                    if let Some(first) = self.index.models.first() {
                        let first = first.id.clone();
                        self.push(
                            Diagnostic::error(
                                "duplicate-id",
                                Target::value(doc, Path::root().key("id")),
                                format!("the shared model is declared twice (`{first}` and `{}`)", m.id),
                            )
                            .with_fix("keep one `kind: model` document for the whole model"),
                        );
                    }
                    self.index.models.push(m);
                }
                Document::Region(r) => {
                    if self.index.regions.insert(&r.id, r).is_some() {
                        self.duplicate(doc, Path::root().key("id"), "region", &r.id);
                    }
                }
            }
        }
    }

    fn duplicate(&mut self, doc: usize, path: Path, what: &str, id: &str) {
        self.push(
            Diagnostic::error(
                "duplicate-id",
                Target::value(doc, path),
                format!("the {what} id `{id}` is defined more than once"),
            )
            .with_fix(format!("give each {what} its own id; ids must be unique in the model")),
        );
    }

    /// Reports an unknown reference, suggesting the closest of the ids `known` gives (asked
    /// only when the diagnostic is reported).
    fn dangling<S: AsRef<str>>(
        &mut self,
        code: &'static str,
        doc: usize,
        path: Path,
        what: &str,
        id: &str,
        known: impl FnOnce(&Self) -> Vec<S>,
    ) {
        if self.unreadable.contains(id) {
            return;
        }
        let mut d = Diagnostic::error(code, Target::value(doc, path), format!("no {what} has the id `{id}`"));
        if !self.admits(doc, code) {
            // Left out of the report, only counted: no suggestion needed.
            self.push(d.with_fix(format!("use a defined {what}")));
            return;
        }
        let known = known(self);
        let known: Vec<&str> = known.iter().map(AsRef::as_ref).collect();
        d = match self.suggest(id, known.iter().copied()) {
            Some(best) => d.with_fix(format!("did you mean `{best}`?")),
            None => {
                // The first eight in order, without sorting them all.
                let mut sorted = known.clone();
                if sorted.len() > 8 {
                    sorted.select_nth_unstable(8);
                    sorted.truncate(8);
                }
                sorted.sort_unstable();
                let shown: Vec<String> = sorted.iter().map(|k| format!("`{}`", shortened(k))).collect();
                let more = if known.len() > 8 { format!(" and {} more", known.len() - 8) } else { String::new() };
                if shown.is_empty() {
                    d.with_fix(format!("define the {what} first; none is defined yet"))
                } else {
                    d.with_fix(format!("use a defined {what}: {}{more}", shown.join(", ")))
                }
            }
        };
        self.push(d);
    }

    fn check_code_list(&mut self, doc: usize, list: &CodeList) {
        let root = Path::root();
        self.text(doc, root.key("title"), &list.title);
        let mut seen = std::collections::HashSet::new();
        for (i, code) in list.codes.iter().enumerate() {
            let path = root.key("codes").index(i);
            if !seen.insert(code.code.as_str()) {
                self.push(
                    Diagnostic::error(
                        "duplicate-id",
                        Target::value(doc, path.key("code")),
                        format!("the code `{}` is listed twice", code.code),
                    )
                    .with_fix("give each code its own value"),
                );
            }
            self.text(doc, path.key("label"), &code.label);
        }
        if list.codes.is_empty() {
            self.push(
                Diagnostic::error(
                    "empty-code-list",
                    Target::value(doc, root.key("codes")),
                    format!("the code list `{}` has no codes", list.id),
                )
                .with_fix("list its codes as `- code: \"01\"` with a `label`"),
            );
        }
    }

    fn check_concept(&mut self, doc: usize, path: &Path, concept: &Concept) {
        if !is_concept_id(&concept.id) {
            self.push(
                Diagnostic::error(
                    "bad-id",
                    Target::value(doc, path.key("id")),
                    format!("`{}` is not a concept id", concept.id),
                )
                .with_fix("write lower-case words joined by dots, area first: `person.birth_date`, `move.date`"),
            );
        }
        self.text(doc, path.key("label"), &concept.label);
        if let Some(d) = &concept.description {
            self.text(doc, path.key("description"), d);
        }
        self.code_list_ref(doc, path, concept.value_type, concept.code_list.as_deref(), "concept");
        self.profile_policy(doc, path, concept);
        self.as_member(doc, path, concept);
    }

    /// A concept's `as_member` names a concept of another area that is not itself mapped, of
    /// the same type (and code list), or, with `part`, one half of a name: the family or given
    /// name (`text`) of a `person_name`, or of a `katakana` or `text` reading of the same type.
    fn as_member(&mut self, doc: usize, path: &Path, concept: &Concept) {
        use crate::model::FieldType;
        let Some(to) = &concept.as_member else { return };
        let at = path.key("as_member");
        let Some(target) = self.index.concepts.get(to.concept.as_str()).copied() else {
            self.dangling("dangling-concept", doc, at.key("concept"), "concept", &to.concept, Checker::concept_ids);
            return;
        };
        let area = |id: &str| id.split_once('.').map(|(a, _)| a.to_string());
        let problem = if area(&target.id) == area(&concept.id) {
            Some((
                format!("`{}` maps onto `{}`, a concept of its own area", concept.id, target.id),
                "name the concept of the group item's part, in the members' area (`member.name`, `member.birth_date`)"
                    .to_string(),
            ))
        } else if target.as_member.is_some() {
            Some((
                format!("`{}` maps onto `{}`, which maps onto a group item itself", concept.id, target.id),
                format!(
                    "name the group item's concept directly: `{}`",
                    target.as_member.as_ref().map_or("", |a| a.concept.as_str())
                ),
            ))
        } else {
            match (to.part, target.value_type) {
                (None, FieldType::PersonName) => Some((
                    format!(
                        "`{}` is a whole name made of two halves; `{}` can only be one of them",
                        target.id, concept.id
                    ),
                    "add `part: family` or `part: given`".to_string(),
                )),
                (None, t) if t != concept.value_type || target.code_list != concept.code_list => Some((
                    format!(
                        "`{}` is {} but `{}` is {}: a group item's part holds the same kind of value",
                        concept.id,
                        type_words(concept.value_type, concept.code_list.as_deref()),
                        target.id,
                        type_words(t, target.code_list.as_deref())
                    ),
                    "name a concept of the same type, or add `part:` when it is one half of a name".to_string(),
                )),
                (Some(_), FieldType::PersonName) if concept.value_type != FieldType::Text => Some((
                    format!(
                        "`{}` is one half of the name `{}`, which holds text, but it is `{}`",
                        concept.id,
                        target.id,
                        concept.value_type.name()
                    ),
                    "map a `text` concept onto a half of a `person_name`".to_string(),
                )),
                (Some(_), FieldType::PersonName) => None,
                (Some(_), t @ (FieldType::Katakana | FieldType::Text)) if t != concept.value_type => Some((
                    format!(
                        "`{}` is one half of the reading `{}`, which is `{}`, but it is `{}`",
                        concept.id,
                        target.id,
                        t.name(),
                        concept.value_type.name()
                    ),
                    format!("map a `{}` concept onto a half of it", t.name()),
                )),
                (Some(_), FieldType::Katakana | FieldType::Text) => None,
                (Some(_), t) => Some((
                    format!("`{}` is `{}`, which has no halves; `part` is for names", target.id, t.name()),
                    "leave `part` out".to_string(),
                )),
                (None, _) => None,
            }
        };
        if let Some((message, fix)) = problem {
            self.push(Diagnostic::error("bad-as-member", Target::value(doc, at.key("concept")), message).with_fix(fix));
        }
    }

    /// The concepts of one area that declare `as_member` describe one person: no two of them
    /// may be the same part of a group item.
    fn people(&mut self, docs: &[(usize, &Document)]) {
        let mut seen: HashMap<(String, String, Option<crate::model::NamePart>), String> = HashMap::new();
        for &(doc, document) in docs {
            let Document::Vocabulary(v) = document else { continue };
            for (i, c) in v.concepts.iter().enumerate() {
                let (Some(person), Some(to)) = (c.person(), &c.as_member) else { continue };
                let key = (person.to_string(), to.concept.clone(), to.part);
                if let Some(first) = seen.get(&key) {
                    let half = match to.part {
                        Some(crate::model::NamePart::Family) => " (its family half)",
                        Some(crate::model::NamePart::Given) => " (its given half)",
                        None => "",
                    };
                    self.push(
                        Diagnostic::error(
                            "bad-as-member",
                            Target::value(doc, Path::root().key("concepts").index(i).key("as_member").key("concept")),
                            format!("`{}` and `{first}` are both `{}`{half} of the same person", c.id, to.concept),
                        )
                        .with_fix("map each part of a group item once per person; remove one of the two"),
                    );
                } else {
                    seen.insert(key, c.id.clone());
                }
            }
        }
    }

    /// A My Number is kept in the resident's profile only with the consent that names it:
    /// `profile: keep` on specific personal information is refused.
    fn profile_policy(&mut self, doc: usize, path: &Path, concept: &Concept) {
        use crate::model::{FieldType, ProfilePolicy, Sensitivity};
        let my_number =
            concept.sensitivity == Sensitivity::SpecificPersonal || concept.value_type == FieldType::MyNumber;
        if my_number && concept.profile == Some(ProfilePolicy::Keep) {
            self.push(
                Diagnostic::error(
                    "profile-keeps-my-number",
                    Target::value(doc, path.key("profile")),
                    format!(
                        "`{}` is a My Number (specific personal information): the profile keeps it only with the resident's separate consent to keep sensitive details",
                        concept.id
                    ),
                )
                .with_fix("write `profile: sensitive` (kept only with that consent), `profile: never`, or leave `profile` out"),
            );
        }
    }

    /// A `code` type needs an existing code list; other types must not name one.
    fn code_list_ref(&mut self, doc: usize, path: &Path, ty: crate::model::FieldType, list: Option<&str>, what: &str) {
        use crate::model::FieldType;
        match (ty, list) {
            (FieldType::Code, None) => self.push(
                Diagnostic::error(
                    "missing-key",
                    Target::value(doc, path.clone()),
                    format!("a `code` {what} needs `code_list`"),
                )
                .with_fix("add `code_list:` with the id of the list its values come from"),
            ),
            (_, Some(id)) if !self.index.code_lists.contains_key(id) => {
                let known = |cx: &Self| cx.index.code_lists.keys().copied().collect();
                self.dangling("dangling-code-list", doc, path.key("code_list"), "code list", id, known);
            }
            _ => {}
        }
    }
}

impl<'a> Checker<'a> {
    /// Every concept id (for suggestions).
    fn concept_ids(&self) -> Vec<&'a str> {
        self.index.concepts.keys().copied().collect()
    }

    /// Every procedure id (for suggestions).
    fn procedure_ids(&self) -> Vec<&'a str> {
        self.index.procedures.keys().copied().collect()
    }
}

/// An id as a list of suggestions shows it: cut short after
/// [`crate::suggest::MAX_SUGGESTED_CHARS`] characters.
fn shortened(id: &str) -> std::borrow::Cow<'_, str> {
    match id.char_indices().nth(crate::suggest::MAX_SUGGESTED_CHARS) {
        Some((end, _)) => format!("{}…", &id[..end]).into(),
        None => id.into(),
    }
}

/// A type as a diagnostic names it: `` `date` ``, `` `code` (gender) ``.
fn type_words(ty: crate::model::FieldType, list: Option<&str>) -> String {
    match list {
        Some(list) => format!("`{}` ({list})", ty.name()),
        None => format!("`{}`", ty.name()),
    }
}

/// `person.birth_date`: lower-case snake words joined by dots, at least two.
pub(crate) fn is_concept_id(id: &str) -> bool {
    let parts: Vec<&str> = id.split('.').collect();
    parts.len() >= 2 && parts.iter().all(|p| is_snake(p))
}

/// `move_date`: a lower-case snake word (usable as an expression name).
pub(crate) fn is_snake(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// `jido-teate`: lower-case words joined by `-`.
pub(crate) fn is_kebab(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !s.ends_with('-')
        && !s.contains("--")
}

/// Reads and checks definition files together: YAML, shape, then the model's soundness.
/// Returns the definitions (to locate and render diagnostics) and every diagnostic.
#[cfg(feature = "authoring")]
pub fn check_sources(files: Vec<crate::definitions::SourceFile>) -> (crate::definitions::Definitions, Vec<Diagnostic>) {
    let (defs, mut diagnostics, tallies) = crate::definitions::Definitions::load_counted(files);
    let typed: Vec<(usize, &Document)> = defs.typed().collect();
    // Ids of documents too misshapen to type: references to them are not "dangling".
    let unreadable: Vec<String> = defs
        .documents
        .iter()
        .filter(|d| d.document.is_none())
        .filter_map(|d| d.node.get("id").and_then(|n| n.as_str()).map(str::to_string))
        .collect();
    let mut files = Files {
        file_of: defs.documents.iter().map(|d| d.file).collect(),
        tallies: tallies.into_iter().enumerate().collect(),
        // Findings inside a value that was replaced to fit the format echo that repair.
        repaired: defs
            .documents
            .iter()
            .enumerate()
            .filter(|(_, d)| !d.repaired.is_empty())
            .map(|(i, d)| (i, d.repaired.iter().map(|p| p.0.clone()).collect()))
            .collect(),
    };
    diagnostics.extend(run(&typed, &unreadable, &mut files));
    let mut counted: Vec<(usize, Tally)> = files.tallies.into_iter().collect();
    counted.sort_by_key(|(file, _)| *file);
    diagnostics.extend(counted.iter().flat_map(|(_, t)| t.summaries()));
    (defs, diagnostics)
}
