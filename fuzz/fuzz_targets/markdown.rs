//! Markdown pipe tables (and the format guesser): never panic.
#![no_main]
use compliance_matrix_core::dataset::{from_markdown, parse_any, Format, ImportMeta};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let meta = ImportMeta::default();
        let _ = from_markdown(text, &meta);
        let _ = parse_any(text, Format::guess("", "", text), &meta);
    }
});
