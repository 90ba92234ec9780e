fn main() {
    let s = schemars::schema_for!(tetsuzuki::model::Document);
    println!("{}", serde_json::to_string_pretty(&s).unwrap());
}
