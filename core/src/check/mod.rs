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

use crate::diagnostic::{Diagnostic, Message, Path, PathSeg, Tally, Target, msg};
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
                            self.duplicate(doc, path, msg!("noun-concept"), &c.id);
                        }
                    }
                }
                Document::CodeList(l) => {
                    if self.index.code_lists.insert(&l.id, l).is_some() {
                        self.duplicate(doc, Path::root().key("id"), msg!("noun-code-list"), &l.id);
                    }
                }
                Document::Procedure(p) => {
                    if self.index.procedures.insert(&p.id, p).is_some() {
                        self.duplicate(doc, Path::root().key("id"), msg!("noun-procedure"), &p.id);
                    }
                }
                Document::LifeEvent(e) => {
                    if self.index.life_events.insert(&e.id, e).is_some() {
                        self.duplicate(doc, Path::root().key("id"), msg!("noun-life-event"), &e.id);
                    }
                }
                Document::Town(t) => {
                    if self.index.towns.insert(&t.id, t).is_some() {
                        self.duplicate(doc, Path::root().key("id"), msg!("noun-town"), &t.id);
                    }
                }
                Document::Model(m) => {
                    if let Some(first) = self.index.models.first() {
                        let first = first.id.clone();
                        self.push(
                            Diagnostic::error(
                                "duplicate-id",
                                Target::value(doc, Path::root().key("id")),
                                msg!("duplicate-id-model", first = first, second = &m.id),
                            )
                            .with_fix(msg!("duplicate-id-model-fix")),
                        );
                    }
                    self.index.models.push(m);
                }
                Document::Region(r) => {
                    if self.index.regions.insert(&r.id, r).is_some() {
                        self.duplicate(doc, Path::root().key("id"), msg!("noun-region"), &r.id);
                    }
                }
            }
        }
    }

    fn duplicate(&mut self, doc: usize, path: Path, what: Message, id: &str) {
        self.push(
            Diagnostic::error(
                "duplicate-id",
                Target::value(doc, path),
                msg!("duplicate-id", what = what.clone(), id = id),
            )
            .with_fix(msg!("duplicate-id-fix", what = what)),
        );
    }

    /// Reports an unknown reference, suggesting the closest of the ids `known` gives (asked
    /// only when the diagnostic is reported).
    fn dangling<S: AsRef<str>>(
        &mut self,
        code: &'static str,
        doc: usize,
        path: Path,
        what: Message,
        id: &str,
        known: impl FnOnce(&Self) -> Vec<S>,
    ) {
        if self.unreadable.contains(id) {
            return;
        }
        let mut d = Diagnostic::error(code, Target::value(doc, path), msg!("dangling", what = what.clone(), id = id));
        if !self.admits(doc, code) {
            // Left out of the report, only counted: no suggestion needed.
            self.push(d.with_fix(msg!("dangling-fix", what = what)));
            return;
        }
        let known = known(self);
        let known: Vec<&str> = known.iter().map(AsRef::as_ref).collect();
        d = match self.suggest(id, known.iter().copied()) {
            Some(best) => d.with_fix(msg!("did-you-mean", best = best)),
            None => {
                // The first eight in order, without sorting them all.
                let mut sorted = known.clone();
                if sorted.len() > 8 {
                    sorted.select_nth_unstable(8);
                    sorted.truncate(8);
                }
                sorted.sort_unstable();
                let shown: Vec<String> = sorted.iter().map(|k| format!("`{}`", shortened(k))).collect();
                if shown.is_empty() {
                    d.with_fix(msg!("dangling-fix-none", what = what))
                } else if known.len() > 8 {
                    d.with_fix(msg!(
                        "dangling-fix-list-more",
                        what = what,
                        known = shown.join(", "),
                        more = known.len() - 8
                    ))
                } else {
                    d.with_fix(msg!("dangling-fix-list", what = what, known = shown.join(", ")))
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
                        msg!("duplicate-id-code", code = &code.code),
                    )
                    .with_fix(msg!("duplicate-id-code-fix")),
                );
            }
            self.text(doc, path.key("label"), &code.label);
        }
        if list.codes.is_empty() {
            self.push(
                Diagnostic::error(
                    "empty-code-list",
                    Target::value(doc, root.key("codes")),
                    msg!("empty-code-list", id = &list.id),
                )
                .with_fix(msg!("empty-code-list-fix")),
            );
        }
    }

    fn check_concept(&mut self, doc: usize, path: &Path, concept: &Concept) {
        if !is_concept_id(&concept.id) {
            self.push(
                Diagnostic::error(
                    "bad-id",
                    Target::value(doc, path.key("id")),
                    msg!("bad-id-concept", id = &concept.id),
                )
                .with_fix(msg!("bad-id-concept-fix")),
            );
        }
        self.text(doc, path.key("label"), &concept.label);
        if let Some(d) = &concept.description {
            self.text(doc, path.key("description"), d);
        }
        self.code_list_ref(doc, path, concept.value_type, concept.code_list.as_deref(), msg!("noun-concept"));
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
            let what = msg!("noun-concept");
            self.dangling("dangling-concept", doc, at.key("concept"), what, &to.concept, Checker::concept_ids);
            return;
        };
        let area = |id: &str| id.split_once('.').map(|(a, _)| a.to_string());
        let problem = if area(&target.id) == area(&concept.id) {
            Some((
                msg!("bad-as-member-own-area", id = &concept.id, target = &target.id),
                msg!("bad-as-member-own-area-fix"),
            ))
        } else if target.as_member.is_some() {
            Some((
                msg!("bad-as-member-chained", id = &concept.id, target = &target.id),
                msg!("bad-as-member-chained-fix", item = target.as_member.as_ref().map_or("", |a| a.concept.as_str())),
            ))
        } else {
            match (to.part, target.value_type) {
                (None, FieldType::PersonName) => Some((
                    msg!("bad-as-member-whole-name", target = &target.id, id = &concept.id),
                    msg!("bad-as-member-whole-name-fix"),
                )),
                (None, t) if t != concept.value_type || target.code_list != concept.code_list => Some((
                    msg!(
                        "bad-as-member-type",
                        id = &concept.id,
                        ty = type_words(concept.value_type, concept.code_list.as_deref()),
                        target = &target.id,
                        target_type = type_words(t, target.code_list.as_deref())
                    ),
                    msg!("bad-as-member-type-fix"),
                )),
                (Some(_), FieldType::PersonName) if concept.value_type != FieldType::Text => Some((
                    msg!(
                        "bad-as-member-name-half",
                        id = &concept.id,
                        target = &target.id,
                        ty = concept.value_type.name()
                    ),
                    msg!("bad-as-member-name-half-fix"),
                )),
                (Some(_), FieldType::PersonName) => None,
                (Some(_), t @ (FieldType::Katakana | FieldType::Text)) if t != concept.value_type => Some((
                    msg!(
                        "bad-as-member-reading-half",
                        id = &concept.id,
                        target = &target.id,
                        target_type = t.name(),
                        ty = concept.value_type.name()
                    ),
                    msg!("bad-as-member-reading-half-fix", target_type = t.name()),
                )),
                (Some(_), FieldType::Katakana | FieldType::Text) => None,
                (Some(_), t) => Some((
                    msg!("bad-as-member-no-halves", target = &target.id, target_type = t.name()),
                    msg!("bad-as-member-no-halves-fix"),
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
                        Some(crate::model::NamePart::Family) => "family",
                        Some(crate::model::NamePart::Given) => "given",
                        None => "none",
                    };
                    self.push(
                        Diagnostic::error(
                            "bad-as-member",
                            Target::value(doc, Path::root().key("concepts").index(i).key("as_member").key("concept")),
                            msg!("bad-as-member-twice", id = &c.id, first = first, concept = &to.concept, half = half),
                        )
                        .with_fix(msg!("bad-as-member-twice-fix")),
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
                    msg!("profile-keeps-my-number", id = &concept.id),
                )
                .with_fix(msg!("profile-keeps-my-number-fix")),
            );
        }
    }

    /// A `code` type needs an existing code list; other types must not name one.
    fn code_list_ref(
        &mut self,
        doc: usize,
        path: &Path,
        ty: crate::model::FieldType,
        list: Option<&str>,
        what: Message,
    ) {
        use crate::model::FieldType;
        match (ty, list) {
            (FieldType::Code, None) => self.push(
                Diagnostic::error(
                    "missing-key",
                    Target::value(doc, path.clone()),
                    msg!("missing-key-code-list", what = what),
                )
                .with_fix(msg!("missing-key-code-list-fix")),
            ),
            (_, Some(id)) if !self.index.code_lists.contains_key(id) => {
                let known = |cx: &Self| cx.index.code_lists.keys().copied().collect();
                self.dangling("dangling-code-list", doc, path.key("code_list"), msg!("noun-code-list"), id, known);
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
