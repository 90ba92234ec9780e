//! Generated definitions for benchmarks: a model of `n` procedures shaped like the samples
//! (pages of fields bound to concepts, conditions, rules, deadlines) and a town offering all.

use std::fmt::Write as _;

/// YAML files (name, text) of a generated model with `procedures` procedures.
pub fn generated_model(procedures: usize) -> Vec<(String, String)> {
    let mut files = Vec::new();
    let mut vocab = String::from("kind: vocabulary\nsample: true\nconcepts:\n");
    for i in 0..50 {
        let ty = ["text", "date", "boolean", "integer", "postal_code"][i % 5];
        writeln!(vocab, "  - id: gen.c{i}\n    label: {{ja: 項目{i}, en: Item {i}}}\n    type: {ty}").unwrap();
    }
    files.push(("vocabulary.yaml".to_string(), vocab));
    let mut town = String::from(
        "kind: town\nsample: true\nid: gen\ncode: \"063410\"\nname: {ja: 生成町, en: Generated Town}\nprefecture: {ja: 山形県, en: Yamagata}\ndepartments:\n  - id: d0\n    name: {ja: 住民課, en: Residents}\nprocedures:\n",
    );
    for p in 0..procedures {
        writeln!(town, "  - procedure: p{p}").unwrap();
        let mut y = format!(
            "kind: procedure\nsample: true\nid: p{p}\nversion: 1.0.0\ntitle: {{ja: 手続{p}, en: Procedure {p}}}\ntype: application\ndepartment: d0\nchannels: [online, counter]\nonline_completion: true\ndeadline:\n  anchor: gen.c1\n  days: 14\n  counting: from_next_day\nform:\n  pages:\n"
        );
        for page in 0..3 {
            writeln!(y, "    - id: page{page}\n      title: {{ja: ページ{page}, en: Page {page}}}\n      fields:")
                .unwrap();
            for f in 0..5 {
                let c = (page * 5 + f) % 50;
                write!(y, "        - id: f{page}_{f}\n          concept: gen.c{c}\n").unwrap();
                if f > 0 {
                    writeln!(y, "          show_if: has(f{page}_{prev}) || f0_0 != \"\"", prev = f - 1).unwrap();
                }
            }
        }
        y.push_str("  rules:\n    - id: r1\n      check: f0_1 <= today()\n      fields: [f0_1]\n      message: {ja: 項目1は今日以前の日付にしてください, en: Item 1 must be today or in the past}\n      fix: {ja: 今日以前の日付を入力してください, en: Enter a date today or in the past}\n");
        files.push((format!("p{p}.yaml"), y));
    }
    // A life event that may need every procedure: two screening questions decide.
    let mut event = String::from(
        "kind: life_event\nsample: true\nid: gen-event\ntitle: {ja: 生成, en: Generated}\ndate: gen.c1\nquestions:\n  - id: q_date\n    concept: gen.c1\n  - id: q_a\n    concept: gen.c2\n  - id: q_b\n    concept: gen.c7\n    show_if: q_a\nprocedures:\n",
    );
    for p in 0..procedures {
        let when = ["q_a", "q_a && !q_b", "!q_a || q_b", "q_b"][p % 4];
        writeln!(event, "  - procedure: p{p}\n    when: \"{when}\"\n    reason: {{ja: 理由{p}, en: Reason {p}}}")
            .unwrap();
    }
    files.push(("event.yaml".to_string(), event));
    town.push_str("life_events: [gen-event]\n");
    files.push(("town.yaml".to_string(), town));
    files
}
