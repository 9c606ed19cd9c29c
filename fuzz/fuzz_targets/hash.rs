//! The sync-url hash reader and the attribute parsers: never panic on what a URL can hold.
#![no_main]
use compliance_matrix_core::dataset::Dataset;
use compliance_matrix_core::options::{parse_services, parse_sort, parse_status, parse_tags};
use compliance_matrix_core::state::{Action, AppState};
use compliance_matrix_core::view_state::{percent_decode, state_from_hash, ViewState};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let ds = Dataset::embedded();
        let _ = percent_decode(text);
        let _ = parse_sort(text, &ds);
        let _ = parse_status(text, &ds);
        let _ = parse_services(text, &ds);
        let _ = parse_tags(text);
        if let Some(v) = state_from_hash(text, "cm", &ViewState::default()) {
            let mut s = AppState::new(ds);
            let _ = s.check_view_state(&v);
            s.apply(Action::Restore(Box::new(v)));
        }
    }
});
