//! The expression language through the public API only, as the procedure model will use it.

use tetsuzuki::expr::{self, ExprError, Scope, Type, check, codes, parse, resolve};

/// A scope backed by something other than a map: field ids of a form plus dotted concept ids.
struct Form;

impl Scope for Form {
    fn lookup(&self, name: &str) -> Option<Type> {
        match name {
            "move_date" | "person.birth_date" => Some(Type::Date),
            "household.has_children" => Some(Type::Bool),
            "members" => Some(Type::list(Type::Map)),
            _ => None,
        }
    }

    fn names(&self) -> Vec<String> {
        ["move_date", "person.birth_date", "household.has_children", "members"].map(String::from).to_vec()
    }
}

fn condition(src: &str) -> Result<Type, Vec<ExprError>> {
    let e = parse(src)?;
    check(&e, &Form, Some(&Type::Bool))
}

#[test]
fn conditions_check_against_a_custom_scope() {
    assert_eq!(condition("household.has_children && age(person.birth_date) < 18"), Ok(Type::Bool));
    assert_eq!(condition("size(members) >= 2 || days_between(move_date, today()) > 14"), Ok(Type::Bool));
    let errors = condition("move_date <= 14 || has(hosehold.has_children)").expect_err("two mistakes");
    let codes: Vec<&str> = errors.iter().map(|e| e.code).collect();
    assert_eq!(codes, [codes::TYPE, codes::UNKNOWN_NAME]);
}

#[test]
fn dependencies_come_from_the_resolved_tree() {
    let e = parse("has(move_date) && age(person.birth_date, move_date) >= 18 && members[0].age > 3").expect("parse");
    let resolved = resolve(&e, &Form);
    let mut names: Vec<String> = resolved.names().into_iter().map(|n| n.to_string()).collect();
    names.sort();
    names.dedup();
    assert_eq!(names, ["members", "move_date", "person.birth_date"]);
}

#[test]
fn trees_serialise_to_json_and_back() {
    let e = parse("household.has_children ? add_days(move_date, 14) : move_date").expect("parse");
    let json = serde_json::to_value(&e).expect("to json");
    let back: expr::Expr = serde_json::from_value(json).expect("from json");
    assert_eq!(back, e);
}

#[test]
fn errors_carry_char_ranges_for_editors() {
    let src = "'東京' == move_dat";
    let errors = condition(src).expect_err("unknown name");
    assert_eq!(errors[0].span.char_range(src), (8, 16));
    assert_eq!(errors[0].span, expr::Span::new(12, 20));
    // The words are phrases of the authors' catalogue, said in English (or Japanese) by a Message.
    let fix = errors[0].fix.clone().map(|f| tetsuzuki::diagnostic::Message::from(f).to_string());
    assert_eq!(fix.as_deref(), Some("write `move_date`"));
}
