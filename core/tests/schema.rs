//! The JSON Schema file agrees with the importer on the embedded data and on the rules it states.

use compliance_matrix_core::dataset::{Dataset, MAX_PROGRAMS, MAX_SERVICES};

fn schema() -> serde_json::Value {
    serde_json::from_str(include_str!("../../data/schema/matrix.schema.json")).unwrap()
}

#[test]
fn schema_lists_the_top_level_fields_the_importer_reads() {
    let s = schema();
    let props: Vec<&str> = s["properties"]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    let embedded = Dataset::embedded().to_json_value();
    for key in embedded.as_object().unwrap().keys() {
        assert!(props.contains(&key.as_str()), "schema lacks '{key}'");
    }
    assert_eq!(
        s["required"],
        serde_json::json!(["as_of", "source", "services", "programs"])
    );
}

#[test]
fn schema_limits_match_the_importer() {
    let s = schema();
    assert_eq!(s["properties"]["programs"]["maxItems"], MAX_PROGRAMS);
    assert_eq!(s["properties"]["services"]["maxItems"], MAX_SERVICES);
    let statuses = &s["$defs"]["status"]["enum"];
    assert_eq!(
        *statuses,
        serde_json::json!(["in-scope", "not-in-scope", "in-progress", "unknown"])
    );
}
