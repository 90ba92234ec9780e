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

fn files(dir: &std::path::Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let p = entry.unwrap().path();
        if p.is_dir() {
            files(&p, out);
        } else if p.extension().is_some_and(|x| x == "yaml") {
            out.push(p);
        }
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
    let (after, diagnostics) = load(|name, text| {
        match name {
        "fixtures/model/procedures/suido-kaishi.yaml" => text
            .replacen(
                "        - id: room\n",
                "        - id: meter_number\n          type: text\n          required: false\n          max_length: 12\n          label: {ja: 水道メーターの番号, en: Water meter number}\n        - id: room\n",
                1,
            )
            .replacen("label: {ja: 部屋番号, en: Flat number,", "label: {ja: 部屋の番号, en: Flat or room number,", 1),
        "fixtures/model/procedures/tennyu.yaml" => text.replacen("For example, 1 April 2025", "For example, 1 April 2026", 1),
        _ => text,
    }
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
        "fixtures/model/procedures/suido-kaishi.yaml" => text.replacen(
            "hint: {ja: \"例: 201号室\", en: \"For example, 201\"}\n          max_length: 20",
            "hint: {ja: \"例: 201号室\", en: \"For example, 201\"}\n          max_length: 8",
            1,
        ),
        "fixtures/model/model.yaml" => text.replacen("version: 1.0.0", "version: 1.1.0", 1),
        _ => text,
    });
    let located: Vec<_> = diagnostics.iter().map(|d| defs.locate(d)).collect();
    let loosens: Vec<_> = located.iter().filter(|l| l.code == "override-loosens").collect();
    assert_eq!(loosens.len(), 1, "{}", defs.render(&diagnostics));
    let text = std::fs::read_to_string(root().join("fixtures/towns/funagata.yaml")).unwrap();
    let line = text.lines().position(|l| l.trim() == "max_length: 10").unwrap() as u32 + 1;
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
    let (defs, diagnostics) = load(|name, text| {
        match name {
        "fixtures/towns/funagata.yaml" => text.replacen(
            "  - procedure: inkan-toroku\n",
            "  - procedure: tennyu\n    fields:\n      - field: move_date\n        hint: {ja: 引っ越した日, en: The day you moved}\n      - field: phone\n        required: true\n    local_fields:\n      - page: move\n        fields:\n          - id: extra\n            type: text\n            label: {ja: 追加, en: Extra}\n  - procedure: inkan-toroku\n",
            1,
        ),
        _ => text,
    }
    });
    let mut codes: Vec<&str> = diagnostics.iter().map(|d| d.code).collect();
    codes.sort_unstable();
    assert_eq!(codes, ["frozen", "not-extensible", "override-redundant"], "{}", defs.render(&diagnostics));
}

#[test]
fn a_town_may_pause_a_shared_procedure() {
    let (defs, diagnostics) = load(|name, text| match name {
        "fixtures/towns/funagata.yaml" => text.replacen(
            "  - procedure: inkan-toroku\n",
            "  - procedure: suido-chushi\n    offered: false\n  - procedure: inkan-toroku\n",
            1,
        ),
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
                text.replacen("model_version: \"1.0.0\"\n", "model_version: \"1.0.0\"\nregion: mogami-kita\n", 1)
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
        "fixtures/towns/funagata.yaml" => text.replacen("max_length: 10", "max_length: 18", 1),
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
        "fixtures/towns/funagata.yaml" => text.replacen("offer_all: true\n", "offer_all: true\nregion: mogami\n", 1),
        _ => text,
    });
    let codes: Vec<&str> = diagnostics.iter().map(|d| d.code).collect();
    assert_eq!(codes, ["dangling-region"], "{}", defs.render(&diagnostics));
}

#[test]
fn an_override_that_leaves_no_answer_possible_is_a_bad_range() {
    // The model's 部屋番号 has at most 20 characters; at least 30 tightens but fits nothing.
    let (defs, diagnostics) = load(|name, text| match name {
        "fixtures/towns/funagata.yaml" => text.replacen("        max_length: 10\n", "        min_length: 30\n", 1),
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
        "fixtures/model/procedures/suido-kaishi.yaml" => text.replacen(
            "hint: {ja: \"例: 201号室\", en: \"For example, 201\"}\n          max_length: 20",
            "hint: {ja: \"例: 201号室\", en: \"For example, 201\"}\n          max_length: 10",
            1,
        ),
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
        "fixtures/towns/oishida.yaml" => {
            text.replacen("  - procedure: tennyu\n", "  - procedure: tennyu\n  - procedure: funagata-yukioroshi\n", 1)
        }
        _ => text,
    });
    let codes: Vec<&str> = diagnostics.iter().map(|d| d.code).collect();
    assert_eq!(codes, ["not-local"], "{}", defs.render(&diagnostics));
}
