//! The sync-url hash reader and the attribute parsers: never panic on what a URL can hold.
#![no_main]
use compliance_matrix::dataset::Dataset;
use compliance_matrix::query::{parse_services, parse_sort, parse_status, parse_tags};
use compliance_matrix::state::{options_from_hash, percent_decode, Action, AppState};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let ds = Dataset::embedded();
        let _ = percent_decode(text);
        let _ = parse_sort(text, &ds);
        let _ = parse_status(text, &ds);
        let _ = parse_services(text, &ds);
        let _ = parse_tags(text);
        if let Some(o) = options_from_hash(text, "cm") {
            let mut s = AppState::new(ds);
            s.apply(Action::Restore(Box::new(o)));
        }
    }
});
