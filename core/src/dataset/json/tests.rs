//! Tests of reading our JSON schema: field paths in errors, limits, round trips.

use super::*;

#[test]
fn json_errors_name_the_field() {
    let bad = r#"{"as_of":"2020-04-21","source":{"title":"t","url":"https://x.org"},
        "services":[{"id":"ecs","name":"ECS"}],
        "programs":[{"id":"a","name":"A","status":{"ecs":"maybe"}}]}"#;
    let e = Dataset::from_json(bad).unwrap_err();
    assert_eq!(e.location(), "programs[0].status.ecs");
    assert!(e.message().contains("unknown status 'maybe'"), "{e}");

    let bad = bad
        .replace("\"maybe\"", "\"in-scope\"")
        .replace("\"ecs\":\"in-scope\"", "\"eks\":\"in-scope\"");
    let e = Dataset::from_json(&bad).unwrap_err();
    assert_eq!(e.location(), "programs[0].status.eks");
}

#[test]
fn json_syntax_errors_name_line_and_column() {
    let e = Dataset::from_json("{\n  \"as_of\": 2020,\n").unwrap_err();
    assert!(e.location().starts_with("line 2, column"), "{e}");
}

#[test]
fn json_round_trip_is_identity() {
    let ds = Dataset::embedded();
    let again = Dataset::from_value(ds.to_json_value()).unwrap();
    assert_eq!(*ds, again);
}

/// A dataset's JSON with `cell` as the only cell (program `a`, service `ecs`).
pub(crate) fn with_cell(cell: &str) -> String {
    format!(
        r#"{{"as_of":"2024-01-01","source":{{"title":"t","url":"https://example.com"}},"services":[{{"id":"ecs","name":"E"}}],"programs":[{{"id":"a","name":"A","status":{{"ecs":{cell}}}}}]}}"#
    )
}

#[test]
fn data_text_cells_plain_labelled_and_rejected() {
    let ds = Dataset::from_data_text(&with_cell(r#""in-scope""#)).unwrap();
    assert_eq!(ds.programs[0].cells[0], Cell::of(Status::InScope));
    let ds = Dataset::from_data_text(&with_cell(
        r#"{"status":"in-progress","label":"3PAO Assessment"}"#,
    ))
    .unwrap();
    assert_eq!(ds.programs[0].cells[0].status, Status::InProgress);
    assert_eq!(
        ds.programs[0].cells[0].label.as_deref(),
        Some("3PAO Assessment")
    );
    let ds = Dataset::from_data_text(&with_cell(r#"{"label":null,"status":"unknown"}"#)).unwrap();
    assert_eq!(ds.programs[0].cells[0], Cell::of(Status::Unknown));
    for bad in [
        r#"1"#,
        r#"{"status":"in-scope","extra":1}"#,
        r#"{"label":"x"}"#,
        r#"{"status":1}"#,
        r#"["in-scope"]"#,
    ] {
        let e = Dataset::from_data_text(&with_cell(bad)).unwrap_err();
        assert_eq!(e.location(), "programs[0].status.ecs", "{bad}");
        assert!(
            e.message().starts_with("expected a status"),
            "{bad}: {}",
            e.message()
        );
    }
    let e = Dataset::from_data_text(&with_cell(r#"{"status":"maybe"}"#)).unwrap_err();
    assert_eq!(e.location(), "programs[0].status.ecs.status");
}

#[test]
fn data_text_errors_name_the_schema_or_the_json() {
    let e = Dataset::from_data_text(
        r#"{"source":{"title":"t","url":"https://e.com"},"services":[],"programs":[]}"#,
    )
    .unwrap_err();
    assert_eq!(
        e.to_string(),
        "does not match the schema: missing field `as_of`"
    );
    // Text that is not JSON (here: 200 unclosed brackets in a cell) is named as such.
    let e = Dataset::from_data_text(&with_cell(&"[".repeat(200))).unwrap_err();
    assert!(
        e.to_string()
            .starts_with("not a dataset object (expected value"),
        "{e}"
    );
    // A deep but well-formed value in a cell is skipped without recursion, then refused.
    let deep = format!("{}{}", "[".repeat(5000), "]".repeat(5000));
    let e = Dataset::from_data_text(&with_cell(&deep)).unwrap_err();
    assert_eq!(e.location(), "programs[0].status.ecs");
    assert!(e.message().starts_with("expected a status"), "{e}");
}
