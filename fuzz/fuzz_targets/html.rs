//! Pages of tables (and the format guesser on them): never panic; what is read is valid, and
//! its CSV export reads back.
#![no_main]
use compliance_matrix_core::dataset::{from_csv, from_html, parse_any, Format, ImportMeta};
use compliance_matrix_core::export::View;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let meta = ImportMeta::default();
        if let Ok(ds) = from_html(text, &meta) {
            assert!(ds.validate().is_ok());
            let rows: Vec<usize> = (0..ds.programs.len()).collect();
            let services: Vec<usize> = (0..ds.services.len()).collect();
            let view = View { dataset: &ds, rows: &rows, services: &services };
            let _ = from_csv(&view.to_csv(), &meta);
        }
        let _ = parse_any(text, Format::guess("text/html", "", text), &meta);
    }
});
