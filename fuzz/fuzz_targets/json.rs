//! Our JSON schema: parse (as `src` text and as the `data` property's text), and when it parses,
//! export and import again; both readings must agree.
#![no_main]
use compliance_matrix_core::dataset::Dataset;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let as_src = Dataset::from_json(text);
        if let Ok(ds) = &as_src {
            let again = Dataset::from_value(ds.to_json_value()).expect("an accepted dataset re-imports");
            assert_eq!(*ds, again);
        }
        let as_data = Dataset::from_data_text(text.trim_start_matches('\u{feff}'));
        assert_eq!(as_src.is_ok(), as_data.is_ok(), "src and data readings agree on {text:?}");
        if let (Ok(a), Ok(b)) = (&as_src, &as_data) {
            assert_eq!(a, b);
        }
        if let Ok(v) = serde_json::from_str::<serde_json::Value>(text) {
            let _ = Dataset::from_value(v);
        }
    }
});
