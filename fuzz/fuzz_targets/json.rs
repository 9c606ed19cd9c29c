//! Our JSON schema: parse, and when it parses, export and import again.
#![no_main]
use compliance_matrix::dataset::Dataset;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        if let Ok(ds) = Dataset::from_json(text) {
            let again = Dataset::from_value(ds.to_json_value()).expect("an accepted dataset re-imports");
            assert_eq!(ds, again);
        }
        if let Ok(v) = serde_json::from_str::<serde_json::Value>(text) {
            let _ = Dataset::from_value(v);
        }
    }
});
