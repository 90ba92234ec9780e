//! Towns on one shared model: a change in the model reaches every town's catalogue while each
//! town's overrides stay; overrides beyond what the model allows are rejected where they are
//! written; a town pins the model's version.

mod support;

use std::path::PathBuf;

use support::root;
use tetsuzuki::catalog::CompiledCatalog;
use tetsuzuki::check::check_sources;
use tetsuzuki::compile::compile;
use tetsuzuki::definitions::{Definitions, SourceFile};
use tetsuzuki::diagnostic::Diagnostic;
use tetsuzuki::diff::{Aspect, ChangeKind, catalogs};
use tetsuzuki::model::Requirement;

const TOWNS: [&str; 3] = ["oishida", "obanazawa", "funagata"];

/// 部屋番号 in the shared water form.
const ROOM: &str = "form.pages[id=supply].fields[id=room]";
/// funagata's override of 部屋番号.
const TOWN_ROOM: &str = "procedures[procedure=suido-kaishi].fields[field=room]";

fn files(dir: &std::path::Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let p = entry.unwrap().path();
        if p.is_dir() {
            // A `scenarios` folder holds scenario files (`tetsuzuki test`), not definitions.
            if !p.ends_with("scenarios") {
                files(&p, out);
            }
        } else if p.extension().is_some_and(|x| x == "yaml") {
            out.push(p);
        }
    }
}

/// Edits of definition files by structure, never by neighbouring text: each place is found by
/// its keys with the one YAML reader (`tetsuzuki::source`), so the tests hold however `tetsuzuki
/// fmt` lays the files out (key order, quoting, indentation). A path is keys joined by `.`; a
/// list item is chosen by one of its keys, `procedures[procedure=suido-kaishi]`. Inserted YAML
/// is written from column 0 and indented to where it goes.
mod edit {
    use tetsuzuki::source::{Limits, Node, NodeValue, read_documents};

    fn document(text: &str) -> Node {
        read_documents(text, Limits::default()).expect("YAML").into_iter().next().expect("a document")
    }

    /// The node at `path` (`""`: the document).
    fn find<'n>(root: &'n Node, path: &str) -> &'n Node {
        let mut node = root;
        for seg in path.split('.').filter(|s| !s.is_empty()) {
            let (key, pick) = match seg.split_once('[') {
                Some((key, pick)) => (key, Some(pick.trim_end_matches(']').split_once('=').expect("[key=value]"))),
                None => (seg, None),
            };
            node = node.get(key).unwrap_or_else(|| panic!("no `{key}` in `{path}`"));
            if let Some((k, v)) = pick {
                let NodeValue::Seq(items) = &node.value else { panic!("`{key}` is not a list in `{path}`") };
                node = items
                    .iter()
                    .find(|i| i.get(k).and_then(Node::as_str) == Some(v))
                    .unwrap_or_else(|| panic!("no item with `{k}: {v}` in `{path}`"));
            }
        }
        node
    }

    fn offset(node: &Node) -> usize {
        node.at.offset.expect("an offset")
    }

    fn line_start(text: &str, at: usize) -> usize {
        text[..at].rfind('\n').map_or(0, |i| i + 1)
    }

    /// Where a node's text ends (a block collection's at its last value).
    fn end(node: &Node) -> usize {
        match &node.value {
            NodeValue::Map(entries) => entries.iter().map(|(_, v)| end(v)).max().unwrap_or(offset(node)),
            NodeValue::Seq(items) => items.iter().map(end).max().unwrap_or(offset(node)),
            _ => node.end.expect("an end"),
        }
    }

    fn indented(yaml: &str, indent: usize) -> String {
        yaml.lines()
            .map(|l| if l.is_empty() { "\n".to_string() } else { format!("{}{l}\n", " ".repeat(indent)) })
            .collect()
    }

    /// `yaml` (list items) inserted before the list item at `item`.
    pub fn insert_before(text: &str, item: &str, yaml: &str) -> String {
        let root = document(text);
        let node = find(&root, item);
        let start = line_start(text, offset(node));
        let dash = text[start..offset(node)].rfind('-').expect("a block list item");
        format!("{}{}{}", &text[..start], indented(yaml, dash), &text[start..])
    }

    /// `yaml` (list items) inserted first in the block list at `list`.
    pub fn prepend(text: &str, list: &str, yaml: &str) -> String {
        let root = document(text);
        let NodeValue::Seq(items) = &find(&root, list).value else { panic!("`{list}` is not a list") };
        let first = items.first().expect("an item");
        let start = line_start(text, offset(first));
        let dash = text[start..offset(first)].rfind('-').expect("a block list item");
        format!("{}{}{}", &text[..start], indented(yaml, dash), &text[start..])
    }

    /// The list item at `item`, removed with its lines.
    pub fn remove(text: &str, item: &str) -> String {
        let root = document(text);
        let node = find(&root, item);
        let start = line_start(text, offset(node));
        let stop = end(node);
        let stop = text[stop..].find('\n').map_or(text.len(), |i| stop + i + 1);
        format!("{}{}", &text[..start], &text[stop..])
    }

    /// `yaml` (keys) added to the document's top-level mapping.
    pub fn add_keys(text: &str, yaml: &str) -> String {
        let root = document(text);
        let NodeValue::Map(entries) = &root.value else { panic!("not a mapping") };
        let start = line_start(text, offset(&entries[0].0));
        format!("{}{}{}", &text[..start], indented(yaml, 0), &text[start..])
    }

    /// The scalar at `path` written as `value` (YAML).
    pub fn set(text: &str, path: &str, value: &str) -> String {
        let root = document(text);
        let node = find(&root, path);
        assert!(!matches!(node.value, NodeValue::Map(_) | NodeValue::Seq(_)), "`{path}` is not a scalar");
        format!("{}{value}{}", &text[..offset(node)], &text[node.end.expect("an end")..])
    }

    /// The line (1-based) of the value at `path`.
    pub fn line(text: &str, path: &str) -> u32 {
        find(&document(text), path).at.line
    }

    /// `yaml` indented by `n` spaces.
    pub fn indent(yaml: &str, n: usize) -> String {
        indented(yaml, n)
    }

    /// The entry `key` of the mapping at `map` replaced by `entry` (`min_length: 30`).
    pub fn replace_entry(text: &str, map: &str, key: &str, entry: &str) -> String {
        let root = document(text);
        let (k, v) = find(&root, map).entry(key).unwrap_or_else(|| panic!("no `{key}` in `{map}`"));
        format!("{}{entry}{}", &text[..offset(k)], &text[end(v)..])
    }
}

/// The sample model and towns, with `edit(name, text)` applied to each file's text first.
fn load(edit: impl Fn(&str, String) -> String) -> (Definitions, Vec<Diagnostic>) {
    let mut paths = Vec::new();
    files(&root().join("fixtures/model"), &mut paths);
    files(&root().join("fixtures/towns"), &mut paths);
    paths.sort();
    let sources = paths
        .iter()
        .map(|p| {
            let name = p.strip_prefix(root()).unwrap().display().to_string();
            let text = edit(&name, std::fs::read_to_string(p).unwrap());
            SourceFile::from_bytes(name, text.as_bytes())
        })
        .collect();
    check_sources(sources)
}

fn compiled(defs: &Definitions, town: &str) -> CompiledCatalog {
    compile(defs.typed().map(|(_, d)| d), town).unwrap()
}

#[test]
fn a_town_adopting_the_whole_model_gets_every_shared_procedure_with_its_own_details() {
    let (defs, diagnostics) = load(|_, t| t);
    assert!(diagnostics.is_empty(), "{}", defs.render(&diagnostics));
    let oishida = compiled(&defs, "oishida");
    let funagata = compiled(&defs, "funagata");
    let ids = |c: &CompiledCatalog| {
        let mut ids: Vec<String> = c.procedures.iter().map(|p| p.id.clone()).collect();
        ids.sort();
        ids
    };
    assert_eq!(ids(&funagata), ids(&oishida), "offer_all offers what the model has");
    assert_eq!(funagata.life_events.len(), oishida.life_events.len());
    // The compiled town lists every offering: hosts never need to know about `offer_all`.
    assert!(!funagata.town.offer_all);
    assert_eq!(funagata.town.procedures.len(), funagata.procedures.len());
    assert_eq!(funagata.town.model_version.as_deref(), Some("1.0.0"));

    let water = funagata.procedure("suido-kaishi").unwrap();
    let room = water.form.fields().find(|f| f.id == "room").unwrap();
    assert_eq!(room.max_length, Some(10), "tightened by the town");
    assert!(room.hint.as_ref().unwrap().ja.as_deref().unwrap().contains("10文字"));
    let local = water.form.pages[0].fields.last().unwrap();
    assert_eq!((local.id.as_str(), local.required.clone()), ("meter_snow_clearing", Requirement::Fixed(false)));
    assert_eq!(funagata.procedure("inkan-toroku").unwrap().fee.as_ref().unwrap().amount, 200);

    // Change permissions are for authors: catalogues do not carry them.
    for c in [&oishida, &funagata] {
        assert!(!c.to_json().contains("\"change\":\""), "no `change` key");
    }
}

#[test]
fn a_change_in_the_shared_model_reaches_every_town_and_local_overrides_stay() {
    let (before, _) = load(|_, t| t);
    // The shared water form gains a question and rewords a label; 転入届 a hint.
    let (after, diagnostics) = load(|name, text| match name {
        "fixtures/model/procedures/suido-kaishi.yaml" => {
            let text = edit::insert_before(
                &text,
                ROOM,
                "- id: meter_number\n  type: text\n  required: false\n  max_length: 12\n  label: {ja: 水道メーターの番号, en: Water meter number}\n",
            );
            let text = edit::set(&text, &format!("{ROOM}.label.ja"), "部屋の番号");
            edit::set(&text, &format!("{ROOM}.label.en"), "Flat or room number")
        }
        "fixtures/model/procedures/tennyu.yaml" => {
            edit::set(&text, "form.pages[id=move].fields[id=move_date].hint.en", "\"For example, 1 April 2026\"")
        }
        _ => text,
    });
    assert!(diagnostics.is_empty(), "{}", after.render(&diagnostics));
    for town in TOWNS {
        let (old, new) = (compiled(&before, town), compiled(&after, town));
        let changes = catalogs(&old, &new);
        let mut paths: Vec<(&str, &str)> =
            changes.iter().map(|c| (c.procedure.as_deref().unwrap_or(""), c.path.as_str())).collect();
        paths.sort_unstable();
        assert_eq!(
            paths,
            [
                ("suido-kaishi", "fields.meter_number"),
                ("suido-kaishi", "fields.room.label.en"),
                ("suido-kaishi", "fields.room.label.ja"),
                ("tennyu", "fields.move_date.hint.en"),
            ],
            "{town}: only the model's changes"
        );
        let added = changes.iter().find(|c| c.path == "fields.meter_number").unwrap();
        assert_eq!((added.kind, added.aspect), (ChangeKind::Added, Aspect::Field));
        // What the town set itself is still there.
        let water = new.procedure("suido-kaishi").unwrap();
        let room = water.form.fields().find(|f| f.id == "room").unwrap();
        assert_eq!(room.label.as_ref().unwrap().ja.as_deref(), Some("部屋の番号"));
        match town {
            "funagata" => {
                assert_eq!(room.max_length, Some(10));
                assert!(water.form.fields().any(|f| f.id == "meter_snow_clearing"));
                assert_eq!(new.procedure("inkan-toroku").unwrap().fee.as_ref().unwrap().amount, 200);
            }
            "obanazawa" => {
                assert_eq!(room.max_length, Some(20));
                assert_eq!(new.procedure("inkan-toroku").unwrap().fee.as_ref().unwrap().amount, 200);
                assert_eq!(new.procedure("tennyu").unwrap().department, "shimin");
            }
            _ => assert_eq!(room.max_length, Some(20)),
        }
    }
}

#[test]
fn an_upgrade_that_a_local_override_no_longer_fits_is_reported_at_the_override() {
    // The shared model tightens 部屋番号 to 8 characters and bumps its version: funagata's
    // 10 now loosens it, and every town's pin is behind.
    let (defs, diagnostics) = load(|name, text| match name {
        "fixtures/model/procedures/suido-kaishi.yaml" => edit::set(&text, &format!("{ROOM}.max_length"), "8"),
        "fixtures/model/model.yaml" => edit::set(&text, "version", "1.1.0"),
        _ => text,
    });
    let located: Vec<_> = diagnostics.iter().map(|d| defs.locate(d)).collect();
    let loosens: Vec<_> = located.iter().filter(|l| l.code == "override-loosens").collect();
    assert_eq!(loosens.len(), 1, "{}", defs.render(&diagnostics));
    let text = std::fs::read_to_string(root().join("fixtures/towns/funagata.yaml")).unwrap();
    let line = edit::line(&text, &format!("{TOWN_ROOM}.max_length"));
    assert_eq!((loosens[0].file.as_str(), loosens[0].line), ("fixtures/towns/funagata.yaml", line));
    assert!(loosens[0].fix.as_deref().unwrap().contains("at most 8"), "{:?}", loosens[0]);
    let pins: Vec<_> = located.iter().filter(|l| l.code == "model-version").collect();
    assert_eq!(pins.len(), 3, "{}", defs.render(&diagnostics));
    assert!(pins.iter().all(|p| p.severity == tetsuzuki::diagnostic::Severity::Warning));
}

#[test]
fn overrides_of_the_shared_model_are_checked_against_its_permissions() {
    // 転入した日 is frozen (住民基本台帳法 22条); 転入届 does not take local fields; its phone
    // number is required already.
    let (defs, diagnostics) = load(|name, text| match name {
        "fixtures/towns/funagata.yaml" => edit::prepend(
            &text,
            "procedures",
            "- procedure: tennyu\n  fields:\n    - field: move_date\n      hint: {ja: 引っ越した日, en: The day you moved}\n    - field: phone\n      required: true\n  local_fields:\n    - page: move\n      fields:\n        - id: extra\n          type: text\n          label: {ja: 追加, en: Extra}\n",
        ),
        _ => text,
    });
    let mut codes: Vec<&str> = diagnostics.iter().map(|d| d.code).collect();
    codes.sort_unstable();
    assert_eq!(codes, ["frozen", "not-extensible", "override-redundant"], "{}", defs.render(&diagnostics));
}

#[test]
fn a_town_may_pause_a_shared_procedure() {
    let (defs, diagnostics) = load(|name, text| match name {
        "fixtures/towns/funagata.yaml" => {
            edit::prepend(&text, "procedures", "- procedure: suido-chushi\n  offered: false\n")
        }
        _ => text,
    });
    assert!(diagnostics.is_empty(), "{}", defs.render(&diagnostics));
    let funagata = compiled(&defs, "funagata");
    assert!(funagata.procedure("suido-chushi").is_none());
    assert!(funagata.town.procedures.iter().all(|o| o.procedure != "suido-chushi"));
    // Life events that need it are not offered either.
    for e in &funagata.life_events {
        assert!(e.procedures.iter().all(|a| funagata.procedure(&a.procedure).is_some()), "{}", e.id);
    }
}

/// A regional layer over funagata and oishida: the water works they share keep flat numbers
/// to 15 characters and the region does not offer 水道の使用中止届 online.
fn with_region(town_edit: impl Fn(&str, String) -> String) -> (Definitions, Vec<Diagnostic>) {
    load(move |name, text| {
        let text = match name {
            "fixtures/towns/funagata.yaml" | "fixtures/towns/oishida.yaml" => {
                edit::add_keys(&text, "region: mogami-kita\n")
            }
            "fixtures/model/model.yaml" => format!(
                "{text}---\nkind: region\nsample: true\nid: mogami-kita\nname: {{ja: 北村山・最上の町（サンプル）, en: Towns of Kitamurayama and Mogami (sample)}}\nprocedures:\n  - procedure: suido-kaishi\n    fields:\n      - field: room\n        max_length: 15\n  - procedure: suido-chushi\n    offered: false\n"
            ),
            _ => text,
        };
        town_edit(name, text)
    })
}

#[test]
fn a_regional_layer_applies_between_the_model_and_the_town() {
    let (defs, diagnostics) = with_region(|_, t| t);
    assert!(diagnostics.is_empty(), "{}", defs.render(&diagnostics));
    let room = |c: &CompiledCatalog| {
        c.procedure("suido-kaishi").unwrap().form.fields().find(|f| f.id == "room").unwrap().max_length
    };
    let oishida = compiled(&defs, "oishida");
    let funagata = compiled(&defs, "funagata");
    let obanazawa = compiled(&defs, "obanazawa");
    assert_eq!(room(&oishida), Some(15), "the region's");
    assert_eq!(room(&funagata), Some(10), "the town's own, tighter still");
    assert_eq!(room(&obanazawa), Some(20), "not in the region: the model's");
    assert_eq!(funagata.town.region.as_deref(), Some("mogami-kita"));
    // funagata offers everything the region offers; oishida lists 水道の使用中止届 itself.
    assert!(funagata.procedure("suido-chushi").is_none());
    assert!(oishida.procedure("suido-chushi").is_some());
}

#[test]
fn a_town_may_not_loosen_what_its_region_tightened() {
    let (defs, diagnostics) = with_region(|name, text| match name {
        "fixtures/towns/funagata.yaml" => edit::set(&text, &format!("{TOWN_ROOM}.max_length"), "18"),
        _ => text,
    });
    let located: Vec<_> = diagnostics.iter().map(|d| defs.locate(d)).collect();
    assert_eq!(located.len(), 1, "{}", defs.render(&diagnostics));
    assert_eq!((located[0].code, located[0].file.as_str()), ("override-loosens", "fixtures/towns/funagata.yaml"));
    assert!(located[0].message.contains("its `max_length` is 15"), "{}", located[0].message);
}

#[test]
fn a_town_names_a_region_that_exists() {
    let (defs, diagnostics) = load(|name, text| match name {
        "fixtures/towns/funagata.yaml" => edit::add_keys(&text, "region: mogami\n"),
        _ => text,
    });
    let codes: Vec<&str> = diagnostics.iter().map(|d| d.code).collect();
    assert_eq!(codes, ["dangling-region"], "{}", defs.render(&diagnostics));
}

#[test]
fn an_override_that_leaves_no_answer_possible_is_a_bad_range() {
    // The model's 部屋番号 has at most 20 characters; at least 30 tightens but fits nothing.
    let (defs, diagnostics) = load(|name, text| match name {
        "fixtures/towns/funagata.yaml" => edit::replace_entry(&text, TOWN_ROOM, "max_length", "min_length: 30"),
        _ => text,
    });
    let codes: Vec<&str> = diagnostics.iter().map(|d| d.code).collect();
    assert_eq!(codes, ["bad-range"], "{}", defs.render(&diagnostics));
    let l = defs.locate(&diagnostics[0]);
    assert!(l.message.contains("`min_length` 30 above `max_length` 20"), "{}", l.message);
}

#[test]
fn an_override_the_model_has_adopted_is_reported_as_redundant() {
    // The next model version takes funagata's 10 characters for 部屋番号 itself.
    let (defs, diagnostics) = load(|name, text| match name {
        "fixtures/model/procedures/suido-kaishi.yaml" => edit::set(&text, &format!("{ROOM}.max_length"), "10"),
        _ => text,
    });
    let codes: Vec<&str> = diagnostics.iter().map(|d| d.code).collect();
    assert_eq!(codes, ["override-redundant"], "{}", defs.render(&diagnostics));
    assert_eq!(diagnostics[0].severity, tetsuzuki::diagnostic::Severity::Warning);
}

#[test]
fn a_local_procedure_is_offered_by_its_town_only() {
    let local = "---\nkind: procedure\nsample: true\nid: funagata-yukioroshi\nversion: 1.0.0\ntown: funagata\ntitle: {ja: 雪下ろし支援の申請, en: Application for help clearing roof snow}\ntype: application\ndepartment: kaigo\nform:\n  pages:\n    - id: house\n      title: {ja: お住まい, en: Your home}\n      fields:\n        - id: storeys\n          type: integer\n          min: 1\n          max: 3\n          label: {ja: 建物の階数, en: Number of storeys}\n";
    let (defs, diagnostics) = load(|name, text| match name {
        "fixtures/towns/funagata.yaml" => format!("{text}{local}"),
        _ => text,
    });
    assert!(diagnostics.is_empty(), "{}", defs.render(&diagnostics));
    assert!(compiled(&defs, "funagata").procedure("funagata-yukioroshi").is_some(), "offer_all includes its own");
    assert!(compiled(&defs, "oishida").procedure("funagata-yukioroshi").is_none());

    // Another town cannot offer it.
    let (defs, diagnostics) = load(|name, text| match name {
        "fixtures/towns/funagata.yaml" => format!("{text}{local}"),
        "fixtures/towns/oishida.yaml" => edit::prepend(&text, "procedures", "- procedure: funagata-yukioroshi\n"),
        _ => text,
    });
    let codes: Vec<&str> = diagnostics.iter().map(|d| d.code).collect();
    assert_eq!(codes, ["not-local"], "{}", defs.render(&diagnostics));
}

/// funagata returns the 後期高齢者医療 eligibility certificate at the counter only (no post),
/// takes water bills by direct debit from ordinary (普通) accounts only, and accepts a water
/// notice at most two months ahead.
const NARROWED: &str =
    "- procedure: koki-soshitsu\n  fields:\n    - field: certificate_return\n      options: [counter, none]\n";
const WATER_OVERRIDES: &str = "- field: account_type\n  options: [\"1\"]\n- field: start_date\n  rules:\n    - id: within_two_months\n      check: days_between(today(), start_date) <= 60\n      message:\n        ja: 使い始める日が2か月より先です。届出は2か月前から受け付けます\n        en: Date you start using water is more than 2 months away. We accept notices from 2 months before\n      fix:\n        ja: 使い始める日の2か月前になってから届け出てください\n        en: Send this notice no earlier than 2 months before the date\n";

/// funagata's file with [`NARROWED`] and [`WATER_OVERRIDES`].
fn narrowed(name: &str, text: String) -> String {
    match name {
        "fixtures/towns/funagata.yaml" => {
            let text = edit::prepend(&text, "procedures", NARROWED);
            edit::prepend(&text, "procedures[procedure=suido-kaishi].fields", WATER_OVERRIDES)
        }
        _ => text,
    }
}

/// 資格確認書の返し方 in 後期高齢者医療の資格喪失届.
const RETURN: &str = "form.pages[id=deceased].fields[id=certificate_return]";

fn option_values(c: &CompiledCatalog, procedure: &str, field: &str) -> Vec<String> {
    let f = c.procedure(procedure).unwrap().form.fields().find(|f| f.id == field).unwrap();
    f.options.iter().map(|o| o.value.clone()).collect()
}

fn issue_codes(c: &CompiledCatalog, procedure: &str, field: &str, answers: serde_json::Value) -> Vec<String> {
    let validator = tetsuzuki::validate::Validator::new(c);
    let today = tetsuzuki::date::Date::new(2025, 6, 1).unwrap();
    let answers = answers.as_object().unwrap().clone();
    let issues = validator.validate_field(procedure, field, &answers, today, tetsuzuki::model::Lang::Ja).unwrap();
    issues.into_iter().map(|i| i.code).collect()
}

#[test]
fn a_town_keeps_some_choices_and_adds_rules_which_reach_its_catalogue_and_validation() {
    let (defs, diagnostics) = load(narrowed);
    assert!(diagnostics.is_empty(), "{}", defs.render(&diagnostics));
    let funagata = compiled(&defs, "funagata");
    let oishida = compiled(&defs, "oishida");

    // A choice keeps the options the town kept, in the model's order.
    assert_eq!(option_values(&funagata, "koki-soshitsu", "certificate_return"), ["counter", "none"]);
    assert_eq!(option_values(&oishida, "koki-soshitsu", "certificate_return"), ["counter", "post", "none"]);
    // A code field carries the codes it keeps, with the list's labels; elsewhere, the list.
    let water = funagata.procedure("suido-kaishi").unwrap();
    let account = water.form.fields().find(|f| f.id == "account_type").unwrap();
    assert_eq!(account.code_list.as_deref(), Some("account-type"));
    assert_eq!(account.options.len(), 1);
    assert_eq!((account.options[0].value.as_str(), account.options[0].label.ja.as_deref()), ("1", Some("普通")));
    assert!(option_values(&oishida, "suido-kaishi", "account_type").is_empty());
    // The town's rule comes after the model's.
    let start = water.form.fields().find(|f| f.id == "start_date").unwrap();
    let rules: Vec<&str> = start.rules.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(rules, ["notice", "already_started", "within_two_months"]);
    // The catalogue reads back as written.
    assert_eq!(CompiledCatalog::from_json(&funagata.to_json()).unwrap(), funagata);

    // Validation: what the town removed is refused there, accepted elsewhere.
    let post = serde_json::json!({"certificate_return": "post"});
    assert_eq!(issue_codes(&funagata, "koki-soshitsu", "certificate_return", post.clone()), ["choice.unknown"]);
    assert!(issue_codes(&oishida, "koki-soshitsu", "certificate_return", post).is_empty());
    let counter = serde_json::json!({"certificate_return": "counter"});
    assert!(issue_codes(&funagata, "koki-soshitsu", "certificate_return", counter).is_empty());
    let current = serde_json::json!({"payment_method": "bank", "account_type": "2"});
    assert_eq!(issue_codes(&funagata, "suido-kaishi", "account_type", current.clone()), ["code.unknown"]);
    assert!(issue_codes(&oishida, "suido-kaishi", "account_type", current).is_empty());
    let ordinary = serde_json::json!({"payment_method": "bank", "account_type": 1});
    assert!(issue_codes(&funagata, "suido-kaishi", "account_type", ordinary).is_empty(), "`1` is kept");

    // The town's rule, with its own words; not in another town.
    let far = serde_json::json!({"start_date": "2025-09-01"});
    assert_eq!(issue_codes(&funagata, "suido-kaishi", "start_date", far.clone()), ["rule.within_two_months"]);
    assert!(issue_codes(&oishida, "suido-kaishi", "start_date", far.clone()).is_empty());
    let validator = tetsuzuki::validate::Validator::new(&funagata);
    let today = tetsuzuki::date::Date::new(2025, 6, 1).unwrap();
    let issues = validator
        .validate_field("suido-kaishi", "start_date", far.as_object().unwrap(), today, tetsuzuki::model::Lang::Ja)
        .unwrap();
    assert_eq!(issues[0].message, "使い始める日が2か月より先です。届出は2か月前から受け付けます");
    assert_eq!(issues[0].fix, "使い始める日の2か月前になってから届け出てください");
    assert_eq!(issues[0].severity, tetsuzuki::diagnostic::Severity::Error);
    let soon = serde_json::json!({"start_date": "2025-07-01"});
    assert!(issue_codes(&funagata, "suido-kaishi", "start_date", soon).is_empty());

    // What residents are shown: only the codes kept.
    let catalog = tetsuzuki::catalog::Catalog::new(funagata.clone());
    let session = tetsuzuki::session::Session::start(&catalog, &["suido-kaishi"]).unwrap();
    let view = tetsuzuki::host::question(&session, "bank.account_type", tetsuzuki::model::Lang::Ja).unwrap();
    let shown: Vec<(&str, &str)> = view.options.iter().map(|o| (o.value.as_str(), o.label.as_str())).collect();
    assert_eq!(shown, [("1", "普通")]);
    // Asked once for child allowance (every code) and the water bills (`1` only): only what
    // both accept is offered.
    let both = tetsuzuki::session::Session::start(&catalog, &["jido-teate-nintei", "suido-kaishi"]).unwrap();
    let views = tetsuzuki::host::questions(&both, tetsuzuki::model::Lang::Ja);
    let account = views.iter().find(|v| v.key == "bank.account_type").unwrap();
    assert_eq!(account.asked_by, ["jido-teate-nintei", "suido-kaishi"]);
    assert_eq!(account.options.iter().map(|o| o.value.as_str()).collect::<Vec<_>>(), ["1"]);
    let elsewhere = tetsuzuki::catalog::Catalog::new(oishida.clone());
    let both = tetsuzuki::session::Session::start(&elsewhere, &["jido-teate-nintei", "suido-kaishi"]).unwrap();
    let account = tetsuzuki::host::question(&both, "bank.account_type", tetsuzuki::model::Lang::Ja).unwrap();
    assert_eq!(account.options.iter().map(|o| o.value.as_str()).collect::<Vec<_>>(), ["1", "2"]);

    // The town's catalogue differs from the model's by what it narrowed and added, field by field.
    let (plain, _) = load(|_, t| t);
    let changes = catalogs(&compiled(&plain, "funagata"), &funagata);
    let mut seen: Vec<(&str, &str, ChangeKind, Aspect)> =
        changes.iter().map(|c| (c.procedure.as_deref().unwrap_or(""), c.path.as_str(), c.kind, c.aspect)).collect();
    seen.sort_unstable();
    assert_eq!(
        seen,
        [
            ("koki-soshitsu", "fields.certificate_return.options.post", ChangeKind::Removed, Aspect::Constraint),
            ("suido-kaishi", "fields.account_type.options.2", ChangeKind::Removed, Aspect::Constraint),
            ("suido-kaishi", "fields.start_date.rules.within_two_months", ChangeKind::Added, Aspect::Rule),
        ],
        "{changes:#?}"
    );
}

#[test]
fn an_upgrade_keeps_a_towns_choices_and_rules_or_says_where_they_no_longer_apply() {
    // The next model rewords 窓口に持って行く and adds a way to return the certificate: the
    // town's list stays (a town keeps only what it lists), the new wording reaches it.
    let (before, _) = load(narrowed);
    let (after, diagnostics) = load(|name, text| match name {
        "fixtures/model/procedures/koki-soshitsu.yaml" => {
            let text = edit::set(&text, &format!("{RETURN}.options[value=counter].label.ja"), "役場の窓口に持って行く");
            edit::insert_before(
                &text,
                &format!("{RETURN}.options[value=none]"),
                "- value: pharmacy\n  label: {ja: 薬局に預ける, en: Leave it at a pharmacy}\n",
            )
        }
        _ => narrowed(name, text),
    });
    assert!(diagnostics.is_empty(), "{}", after.render(&diagnostics));
    let (old, new) = (compiled(&before, "funagata"), compiled(&after, "funagata"));
    assert_eq!(option_values(&new, "koki-soshitsu", "certificate_return"), ["counter", "none"]);
    let changes = catalogs(&old, &new);
    let paths: Vec<&str> = changes.iter().map(|c| c.path.as_str()).collect();
    assert_eq!(paths, ["fields.certificate_return.options.counter.label.ja"], "{changes:#?}");
    assert_eq!(changes[0].aspect, Aspect::Text);
    let oishida = compiled(&after, "oishida");
    assert_eq!(option_values(&oishida, "koki-soshitsu", "certificate_return"), ["counter", "post", "pharmacy", "none"]);

    // The next model drops 交付されていない, which the town keeps, and takes a rule id the
    // town's rule has: both are reported at the town's lines.
    let rule = "- id: within_two_months\n  check: days_between(today(), start_date) <= 90\n  severity: warning\n  message:\n    ja: 使い始める日が3か月より先です\n    en: Date you start using water is more than 3 months away\n  fix:\n    ja: 日付を確かめてください\n    en: Check the date\n";
    let (defs, diagnostics) = load(|name, text| match name {
        "fixtures/model/procedures/koki-soshitsu.yaml" => edit::remove(&text, &format!("{RETURN}.options[value=none]")),
        "fixtures/model/procedures/suido-kaishi.yaml" => {
            edit::prepend(&text, "form.pages[id=supply].fields[id=start_date].rules", rule)
        }
        _ => narrowed(name, text),
    });
    let located: Vec<_> = diagnostics.iter().map(|d| defs.locate(d)).collect();
    let mut codes: Vec<&str> = located.iter().map(|l| l.code).collect();
    codes.sort_unstable();
    assert_eq!(codes, ["duplicate-id", "unknown-option"], "{}", defs.render(&diagnostics));
    let town = std::fs::read_to_string(root().join("fixtures/towns/funagata.yaml")).unwrap();
    let town = narrowed("fixtures/towns/funagata.yaml", town);
    let line_of = |needle: &str| town.lines().position(|l| l.contains(needle)).unwrap() as u32 + 1;
    for l in &located {
        assert_eq!(l.file, "fixtures/towns/funagata.yaml");
        match l.code {
            "unknown-option" => {
                assert_eq!(l.line, line_of("options: [counter, none]"));
                assert!(l.message.contains("`none` is not one of the options"), "{}", l.message);
                assert!(l.fix.as_deref().unwrap().contains("`counter` (窓口に持って行く), `post`"), "{:?}", l.fix);
            }
            _ => {
                assert_eq!(l.line, line_of("- id: within_two_months"));
                assert!(l.message.contains("already has a rule `within_two_months` in the shared model"));
            }
        }
    }
}

#[test]
fn a_region_narrows_choices_and_its_towns_narrow_further_never_back() {
    let region = "  - procedure: koki-soshitsu\n    fields:\n      - field: certificate_return\n        options: [counter, none]\n      - field: insured_number\n        rules:\n          - id: digits\n            check: insured_number.matches(\"^[0-9]+$\")\n            message:\n              ja: 被保険者番号に数字以外の文字があります\n              en: Insured person's number has characters other than digits\n            fix:\n              ja: 資格確認書に書かれた8桁の数字を書いてください\n              en: Write the 8 digits on the eligibility certificate\n  - procedure: suido-kaishi\n    fields:\n      - field: account_type\n        options: [\"1\"]\n";
    let regional = |town: &'static str| {
        move |name: &str, text: String| {
            let text = match name {
                "fixtures/model/model.yaml" => text.replacen(
                    "procedures:\n  - procedure: suido-kaishi\n    fields:\n      - field: room\n        max_length: 15\n",
                    &format!("procedures:\n{region}"),
                    1,
                ),
                _ => text,
            };
            match name {
                "fixtures/towns/funagata.yaml" if !town.is_empty() => edit::prepend(
                    &text,
                    "procedures",
                    &format!("- procedure: koki-soshitsu\n  fields:\n{}", edit::indent(town, 4)),
                ),
                _ => text,
            }
        }
    };
    // Further: funagata keeps only the counter.
    let (defs, diagnostics) = with_region(regional("- field: certificate_return\n  options: [counter]\n"));
    assert!(diagnostics.is_empty(), "{}", defs.render(&diagnostics));
    let (funagata, oishida) = (compiled(&defs, "funagata"), compiled(&defs, "oishida"));
    assert_eq!(option_values(&funagata, "koki-soshitsu", "certificate_return"), ["counter"]);
    assert_eq!(option_values(&oishida, "koki-soshitsu", "certificate_return"), ["counter", "none"], "the region's");
    assert_eq!(option_values(&oishida, "suido-kaishi", "account_type"), ["1"], "the region's codes");
    let insured = |c: &CompiledCatalog| {
        let f = c.procedure("koki-soshitsu").unwrap().form.fields().find(|f| f.id == "insured_number").unwrap();
        f.rules.iter().map(|r| r.id.clone()).collect::<Vec<_>>()
    };
    assert_eq!(insured(&funagata), ["digits"], "the region's rule reaches its towns");
    assert!(insured(&compiled(&defs, "obanazawa")).is_empty(), "not in the region");

    // Back: funagata keeps post (the region removed it) and a current account (likewise).
    let (defs, diagnostics) = with_region(regional("- field: certificate_return\n  options: [counter, post]\n"));
    let located: Vec<_> = diagnostics.iter().map(|d| defs.locate(d)).collect();
    assert_eq!(located.len(), 1, "{}", defs.render(&diagnostics));
    assert_eq!((located[0].code, located[0].file.as_str()), ("unknown-option", "fixtures/towns/funagata.yaml"));
    assert!(located[0].message.contains("the region `mogami-kita` removed `post`"), "{}", located[0].message);
    let with_account = |name: &str, text: String| match name {
        "fixtures/towns/funagata.yaml" => edit::prepend(
            &text,
            "procedures[procedure=suido-kaishi].fields",
            "- field: account_type\n  options: [\"1\", \"2\"]\n",
        ),
        _ => text,
    };
    let regional_account = regional("");
    let (defs, diagnostics) = with_region(move |name, text| with_account(name, regional_account(name, text)));
    let located: Vec<_> = diagnostics.iter().map(|d| defs.locate(d)).collect();
    let messages: Vec<&str> = located.iter().map(|l| l.message.as_str()).collect();
    assert_eq!(
        messages,
        [
            "the region `mogami-kita` removed `2` from `suido-kaishi.account_type`: a town may keep fewer of the region's choices, never one it removed"
        ],
        "{}",
        defs.render(&diagnostics)
    );
}

#[test]
fn a_frozen_field_keeps_its_choices_and_rules() {
    // 転入した日 is frozen: no town adds a rule to it.
    let (defs, diagnostics) = load(|name, text| match name {
        "fixtures/towns/funagata.yaml" => edit::prepend(
            &text,
            "procedures",
            "- procedure: tennyu\n  fields:\n    - field: move_date\n      rules:\n        - id: recent\n          check: days_between(move_date, today()) <= 30\n          message: {ja: 転入した日が30日より前です, en: Date you moved in is more than 30 days ago}\n          fix: {ja: 日付を確かめてください, en: Check the date}\n",
        ),
        _ => text,
    });
    let codes: Vec<&str> = diagnostics.iter().map(|d| d.code).collect();
    assert_eq!(codes, ["frozen"], "{}", defs.render(&diagnostics));
}

#[test]
fn a_rule_on_a_groups_inner_field_sees_the_fields_of_its_item() {
    let rule = |when: &str| {
        format!(
            "- procedure: kokuho-dattai\n  fields:\n    - field: members/birth_date\n      rules:\n        - id: head_of_age\n          when: {when}\n          check: age(birth_date) >= 15\n          message: {{ja: 世帯主の生年月日が15歳未満になっています, en: Head of household's date of birth is under 15}}\n          fix: {{ja: 生年月日と続柄を確かめてください, en: Check the date of birth and the relationship}}\n"
        )
    };
    let town = |when: &'static str| {
        move |name: &str, text: String| match name {
            "fixtures/towns/funagata.yaml" => edit::prepend(&text, "procedures", &rule(when)),
            _ => text,
        }
    };
    let (defs, diagnostics) = load(town("relationship == \"01\""));
    assert!(diagnostics.is_empty(), "{}", defs.render(&diagnostics));
    let funagata = compiled(&defs, "funagata");
    let members = funagata.procedure("kokuho-dattai").unwrap().form.fields().find(|f| f.id == "members").unwrap();
    let birth = members.fields.iter().find(|f| f.id == "birth_date").unwrap();
    assert_eq!(birth.rules.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(), ["head_of_age"]);

    let (defs, diagnostics) = load(town("relatinship == \"01\""));
    let located: Vec<_> = diagnostics.iter().map(|d| defs.locate(d)).collect();
    assert_eq!(located.len(), 1, "{}", defs.render(&diagnostics));
    assert_eq!((located[0].code, located[0].file.as_str()), ("expr-unknown-name", "fixtures/towns/funagata.yaml"));
    assert!(located[0].message.contains("did you mean `relationship`"), "{}", located[0].message);
}
