//! public/report.schema.json is generated from the Rust types and must stay in step with them.
//! Regenerate with `UPDATE_SCHEMA=1 cargo test --features schema --test schema`.
#![cfg(feature = "schema")]

use report_viewer::model::Report;

#[test]
fn served_schema_matches_the_types() {
    let schema = schemars::schema_for!(Report);
    let generated = serde_json::to_string_pretty(&schema).unwrap() + "\n";
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/public/report.schema.json");
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(path, &generated).unwrap();
    }
    let served = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        served == generated,
        "public/report.schema.json is out of date: run UPDATE_SCHEMA=1 cargo test --features schema --test schema"
    );
    // The schema describes what the format documents.
    for needle in [
        "\"version\"",
        "\"template\"",
        "table3-2021",
        "\"published\"",
        "\"Cell\"",
    ] {
        assert!(generated.contains(needle), "schema lacks {needle}");
    }
}
