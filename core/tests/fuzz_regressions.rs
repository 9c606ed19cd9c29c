//! Inputs that once broke (or nearly broke) a parser, found by fuzzing or by hand, kept as
//! regression tests: each must give a result or a located error, never a panic.

use compliance_matrix_core::dataset::{parse_any, Dataset, Format, ImportMeta};

#[test]
fn every_saved_fuzz_input_parses_or_errors_cleanly() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz");
    let mut n = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let bytes = std::fs::read(&path).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        let meta = ImportMeta::default();
        for format in [Format::Json, Format::Csv, Format::Markdown, Format::Html] {
            match parse_any(&text, format, &meta) {
                Ok(ds) => assert!(ds.validate().is_ok(), "{}", path.display()),
                Err(e) => assert!(!e.message().is_empty(), "{}", path.display()),
            }
        }
        n += 1;
    }
    assert!(n >= 3);
}

#[test]
fn a_blank_label_is_dropped_and_the_dataset_round_trips() {
    let text = include_str!("fixtures/fuzz/json-blank-label.json");
    let ds = Dataset::from_json(text).unwrap();
    assert_eq!(ds.programs[0].cells[0].label, None);
    assert_eq!(Dataset::from_value(ds.to_json_value()).unwrap(), ds);
}
