//! `tetsuzuki test --update`: the current outcome written into the expectations that failed,
//! the rest of the file kept as it is (comments included).
//!
//! A value that changed (a due date, a mode, an answer) is replaced where it is written. An
//! item that no longer holds moves to the opposite list (`applies` ↔ `not_applies`, `shown` ↔
//! `hidden`, `asked` ↔ `not_asked`, `issues` ↔ `no_issues`); then the smallest part of the
//! expectation that holds both lists is written again, in block style (comments inside that
//! part are lost, and the change is shown). The result must read back as the same scenarios
//! with exactly the values intended, or nothing is changed.

use std::collections::BTreeSet;

use serde_json::Value as Json;

use super::render::{Val, block, inline};
use super::run::{Fix, Run, Verdict};
use super::{ScenarioFile, read};
use crate::diagnostic::{Message, Path, PathSeg, msg};
use crate::source::{Node, NodeValue, ScalarStyle};

/// A file's text after `--update`, what changed and what was not updated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Updated {
    /// The new text (the old one when nothing changed).
    pub text: String,
    /// Each changed part of the file.
    pub changes: Vec<Change>,
    /// Scenarios not updated, and why (a scenario's reason starts with its name and a colon,
    /// in every language).
    pub skipped: Vec<Message>,
}

/// Lines of a file replaced by others.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// The first line replaced (1-based, in the old text).
    pub line: u32,
    /// The lines as they were.
    pub old: String,
    /// The lines as they are now.
    pub new: String,
}

impl Change {
    /// The change as a line diff: each line with ` ` (kept), `-` (gone) or `+` (new).
    pub fn lines(&self) -> Vec<(char, &str)> {
        let (a, b): (Vec<&str>, Vec<&str>) = (self.old.lines().collect(), self.new.lines().collect());
        // A longest common subsequence of lines: changes are a few lines of a scenario.
        if a.len() * b.len() > 1_000_000 {
            return a.iter().map(|l| ('-', *l)).chain(b.iter().map(|l| ('+', *l))).collect();
        }
        let mut table = vec![vec![0usize; b.len() + 1]; a.len() + 1];
        for i in (0..a.len()).rev() {
            for j in (0..b.len()).rev() {
                table[i][j] = if a[i] == b[j] { table[i + 1][j + 1] + 1 } else { table[i + 1][j].max(table[i][j + 1]) };
            }
        }
        let (mut i, mut j, mut out) = (0, 0, Vec::new());
        while i < a.len() || j < b.len() {
            if i < a.len() && j < b.len() && a[i] == b[j] {
                out.push((' ', a[i]));
                (i, j) = (i + 1, j + 1);
            } else if i < a.len() && (j == b.len() || table[i + 1][j] >= table[i][j + 1]) {
                out.push(('-', a[i]));
                i += 1;
            } else {
                out.push(('+', b[j]));
                j += 1;
            }
        }
        out
    }
}

/// What to write at a place of the file.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Edit {
    /// The scalar at this path, replaced in place.
    Scalar(Path),
    /// The value at this path, written again whole.
    Region(Path),
}

impl Edit {
    fn path(&self) -> &Path {
        match self {
            Edit::Scalar(p) | Edit::Region(p) => p,
        }
    }
}

/// Writes the outcome of each failed scenario of `file` into its expectations; `runs[i]` are
/// the runs of `file.scenarios[i]` (one per town). A scenario is updated only when every town
/// it ran for failed the same way (a town that passes, or one that fails otherwise, would fail
/// after the update): the others are listed in `skipped`.
pub fn update(file: &ScenarioFile, runs: &[Vec<&Run>]) -> Updated {
    let mut skipped = Vec::new();
    // (start, end, replacement) in the old text.
    let mut replacements: Vec<(usize, usize, String)> = Vec::new();
    let mut intended: Vec<(usize, Json)> = Vec::new();
    for (i, s) in file.scenarios.iter().enumerate() {
        let Some(runs) = runs.get(i) else { continue };
        let failed: Vec<&Run> = runs.iter().copied().filter(|r| matches!(r.verdict, Verdict::Failed(_))).collect();
        if failed.is_empty() {
            continue;
        }
        let others: Vec<&str> = runs
            .iter()
            .filter(|r| matches!(r.verdict, Verdict::Passed | Verdict::Invalid(_)))
            .map(|r| r.town.as_str())
            .collect();
        if !others.is_empty() {
            skipped.push(msg!(
                "scenario-update-fails-in-some",
                scenario = &s.name,
                failing = failed.iter().map(|r| r.town.as_str()).collect::<Vec<_>>().join(", "),
                passing = others.join(", "),
            ));
            continue;
        }
        let fixes_of = |r: &Run| -> Vec<(Path, Fix)> {
            match &r.verdict {
                Verdict::Failed(ms) => ms.iter().filter_map(|m| Some((m.path.clone(), m.fix.clone()?))).collect(),
                _ => Vec::new(),
            }
        };
        let fixes = fixes_of(failed[0]);
        if failed.iter().any(|r| fixes_of(r) != fixes) {
            skipped.push(msg!(
                "scenario-update-fails-differently",
                scenario = &s.name,
                towns = failed.iter().map(|r| r.town.as_str()).collect::<Vec<_>>().join(", "),
            ));
            continue;
        }
        let mut json = Val::of(&s.node);
        let mut edits: BTreeSet<Edit> = BTreeSet::new();
        apply(&mut json, &s.node, &fixes, &mut edits);
        // Keep the outermost edits: an edit inside a region written again is part of it.
        let regions: Vec<Path> =
            edits.iter().filter_map(|e| if let Edit::Region(p) = e { Some(p.clone()) } else { None }).collect();
        let kept: Vec<&Edit> = edits
            .iter()
            .filter(|e| !regions.iter().any(|r| r != e.path() && e.path().0.starts_with(&r.0)))
            .filter(|e| !(matches!(e, Edit::Scalar(_)) && regions.contains(e.path())))
            .collect();
        let mut own = Vec::new();
        for edit in kept {
            match replacement(&file.text, &s.node, &json, edit) {
                Some(r) => own.push(r),
                None => {
                    let path = edit.path().to_string();
                    skipped.push(msg!("scenario-update-not-in-place", scenario = &s.name, path = path));
                    own.clear();
                    break;
                }
            }
        }
        if !own.is_empty() {
            replacements.extend(own);
            intended.push((s.document, json.to_json()));
        }
    }
    replacements.sort_by_key(|(start, _, _)| *start);
    // Overlapping replacements would garble the text: none is made then.
    if replacements.windows(2).any(|w| w[0].1 > w[1].0) {
        skipped.push(msg!("scenario-update-overlap"));
        return Updated { text: file.text.clone(), changes: Vec::new(), skipped };
    }
    let (text, changes) = rewrite(&file.text, &replacements);
    if changes.is_empty() {
        return Updated { text, changes, skipped };
    }
    // The new text must read back as the same scenarios, with the values intended.
    let back = read(&file.name, &text);
    let same_names = back.scenarios.iter().map(|s| &s.name).eq(file.scenarios.iter().map(|s| &s.name));
    let values_hold = intended.iter().all(|(document, json)| {
        back.scenarios.iter().find(|s| s.document == *document).is_some_and(|s| s.node.to_json() == *json)
    });
    if !back.problems.is_empty() || !same_names || !values_hold {
        skipped.push(msg!("scenario-update-read-back", file = &file.name));
        return Updated { text: file.text.clone(), changes: Vec::new(), skipped };
    }
    Updated { text, changes, skipped }
}

/// Applies the fixes to the document's JSON and notes which places of the text change.
fn apply(json: &mut Val, root: &Node, fixes: &[(Path, Fix)], edits: &mut BTreeSet<Edit>) {
    let exists = |p: &Path| root.locate(&p.0).1;
    // Values set first (no index moves), then removals from the last, then additions.
    for (path, fix) in fixes {
        if let Fix::Set(value) = fix {
            set(json, path, Val::from_json(value));
            let node = root.locate(&path.0);
            let scalar_now = node.1 && is_plain_scalar(node.0) && !matches!(value, Json::Array(_) | Json::Object(_));
            edits.insert(if scalar_now {
                Edit::Scalar(path.clone())
            } else if node.1 {
                Edit::Region(path.clone())
            } else {
                Edit::Region(existing(root, path))
            });
        }
    }
    let mut removals: Vec<&Path> =
        fixes.iter().filter_map(|(p, f)| matches!(f, Fix::Remove | Fix::Move { .. }).then_some(p)).collect();
    removals.sort();
    removals.dedup();
    for path in removals.iter().rev() {
        remove(json, path);
    }
    for (path, fix) in fixes {
        match fix {
            Fix::Remove => {
                edits.insert(Edit::Region(parent(path)));
            }
            Fix::Move { to, value } => {
                push(json, to, value.clone());
                let from = parent(path);
                // A list left empty goes, key and all.
                if matches!(json.get(&from), Some(Val::Seq(items)) if items.is_empty()) {
                    remove(json, &from);
                }
                let target = if exists(to) { to.clone() } else { existing(root, to) };
                let common = from.0.iter().zip(&target.0).take_while(|(a, b)| a == b).map(|(a, _)| a.clone()).collect();
                edits.insert(Edit::Region(Path(common)));
            }
            Fix::Set(_) => {}
        }
    }
}

/// A scalar written on its line (plain or quoted): replaceable in place.
fn is_plain_scalar(node: &Node) -> bool {
    !matches!(node.value, NodeValue::Map(_) | NodeValue::Seq(_))
        && matches!(node.style, ScalarStyle::Plain | ScalarStyle::Quoted)
        && node.at.offset.zip(node.end).is_some_and(|(s, e)| e > s)
}

fn parent(path: &Path) -> Path {
    Path(path.0[..path.0.len().saturating_sub(1)].to_vec())
}

/// The deepest part of `path` that is written in the document.
fn existing(root: &Node, path: &Path) -> Path {
    let n = (0..=path.0.len()).rev().find(|n| root.locate(&path.0[..*n]).1).unwrap_or(0);
    Path(path.0[..n].to_vec())
}

fn set(json: &mut Val, path: &Path, value: Val) {
    if let Some(slot) = json.entry(&path.0) {
        *slot = value;
    }
}

fn remove(json: &mut Val, path: &Path) {
    let Some((last, up)) = path.0.split_last() else { return };
    match (last, json.entry(up)) {
        (PathSeg::Key(k), Some(Val::Map(m))) => m.retain(|(key, _)| key != k),
        (PathSeg::Index(i), Some(Val::Seq(a))) if *i < a.len() => {
            a.remove(*i);
        }
        _ => {}
    }
}

fn push(json: &mut Val, to: &Path, value: Val) {
    let Some(slot) = json.entry(&to.0) else { return };
    if !matches!(slot, Val::Seq(_)) {
        *slot = Val::Seq(Vec::new());
    }
    if let Val::Seq(a) = slot
        && !a.contains(&value)
    {
        a.push(value);
    }
}

/// Where a node's text ends: a scalar's end, a flow collection's closing bracket, a block
/// collection's last value.
fn extent(node: &Node, text: &str) -> Option<usize> {
    let start = node.at.offset?;
    match &node.value {
        NodeValue::Map(_) | NodeValue::Seq(_) if text[start..].starts_with(['[', '{']) => closing(text, start),
        NodeValue::Map(entries) => entries.iter().flat_map(|(k, v)| [extent(k, text), extent(v, text)]).flatten().max(),
        NodeValue::Seq(items) => items.iter().filter_map(|i| extent(i, text)).max(),
        _ => node.end.filter(|e| *e >= start),
    }
}

/// The offset just past the bracket that closes the one at `start` (quotes skipped).
fn closing(text: &str, start: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut quote: Option<char> = None;
    let mut escaped = false;
    for (i, c) in text.get(start..)?.char_indices() {
        match quote {
            Some('"') if escaped => escaped = false,
            Some('"') if c == '\\' => escaped = true,
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None => match c {
                '"' | '\'' => quote = Some(c),
                '[' | '{' => depth += 1,
                ']' | '}' => {
                    depth = depth.checked_sub(1)?;
                    if depth == 0 {
                        return Some(start + i + 1);
                    }
                }
                _ => {}
            },
        }
    }
    None
}

/// The text range of an edit and what to write there.
fn replacement(text: &str, root: &Node, json: &Val, edit: &Edit) -> Option<(usize, usize, String)> {
    let path = edit.path();
    let (node, found) = root.locate(&path.0);
    let value = json.get(path)?;
    if !found || path.0.is_empty() {
        return None;
    }
    let start = node.at.offset?;
    let end = extent(node, text)?;
    let flow = !matches!(node.value, NodeValue::Map(_) | NodeValue::Seq(_)) || text[start..].starts_with(['[', '{']);
    match edit {
        Edit::Scalar(_) => Some((start, end, inline(value))),
        Edit::Region(_) if flow && value.is_inline() => Some((start, end, inline(value))),
        Edit::Region(_) if flow => {
            // A scalar or flow value becomes a block: written on the lines after its key.
            let (key, _) = key_of(root, path)?;
            let key_end = key.end?;
            let colon = key_end + text.get(key_end..start)?.find(':')? + 1;
            let indent = key.at.column as usize - 1 + 2;
            Some((colon, end, format!("\n{}{}", " ".repeat(indent), block(value, indent))))
        }
        Edit::Region(_) => {
            let indent = node.at.column as usize - 1;
            let body = match value {
                // A block list stays a block list, item by item.
                Val::Seq(items) if !items.is_empty() && matches!(node.value, NodeValue::Seq(_)) => items
                    .iter()
                    .map(|i| format!("- {}", if i.is_inline() { inline(i) } else { block(i, indent + 2) }))
                    .collect::<Vec<_>>()
                    .join(&format!("\n{}", " ".repeat(indent))),
                other => block(other, indent),
            };
            Some((start, end, body))
        }
    }
}

/// The key node of the mapping entry at `path` (when its last step is a key of a block map).
fn key_of<'n>(root: &'n Node, path: &Path) -> Option<(&'n Node, &'n Node)> {
    let (PathSeg::Key(k), up) = path.0.split_last()? else { return None };
    let (parent, found) = root.locate(up);
    if !found {
        return None;
    }
    parent.entry(k)
}

/// Applies replacements (sorted, not overlapping) and says each changed group of lines.
fn rewrite(text: &str, replacements: &[(usize, usize, String)]) -> (String, Vec<Change>) {
    let line_start = |at: usize| text[..at].rfind('\n').map_or(0, |i| i + 1);
    let line_end = |at: usize| text[at..].find('\n').map_or(text.len(), |i| at + i);
    // Groups of replacements whose lines touch.
    let mut groups: Vec<Vec<&(usize, usize, String)>> = Vec::new();
    for r in replacements {
        match groups.last_mut() {
            Some(g) if line_start(r.0) <= line_end(g.last().map_or(0, |l| l.1)) => g.push(r),
            _ => groups.push(vec![r]),
        }
    }
    let mut out = String::new();
    let mut changes = Vec::new();
    let mut copied = 0;
    for g in groups {
        let (first, last) = (g[0], g[g.len() - 1]);
        let (from, to) = (line_start(first.0), line_end(last.1));
        out.push_str(&text[copied..from]);
        let mut new = String::new();
        let mut at = from;
        for (s, e, r) in &g {
            new.push_str(&text[at..*s]);
            new.push_str(r);
            at = *e;
        }
        new.push_str(&text[at..to]);
        let old = &text[from..to];
        if old != new {
            // Shown without the lines that stayed the same at either end.
            let (a, b): (Vec<&str>, Vec<&str>) = (old.lines().collect(), new.lines().collect());
            let same_start = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
            let same_end =
                a[same_start..].iter().rev().zip(b[same_start..].iter().rev()).take_while(|(x, y)| x == y).count();
            changes.push(Change {
                line: text[..from].matches('\n').count() as u32 + 1 + same_start as u32,
                old: a[same_start..a.len() - same_end].join("\n"),
                new: b[same_start..b.len() - same_end].join("\n"),
            });
        }
        out.push_str(&new);
        copied = to;
    }
    out.push_str(&text[copied..]);
    (out, changes)
}
