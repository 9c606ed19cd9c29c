//! The dataset reader: the core crate's JSON, CSV, Markdown and HTML readers and its validation, built
//! as a wasm of its own so the widget's first download does without them. `www/` loads it when a
//! page first gives a dataset to read (`data`, a `src` that arrived, `parseDataset`) and the
//! widget's wasm calls [`read`] through it. What it read comes back as one packed text
//! (`dataset::packed::encode_read`): a dataset, or the error that stopped it, with its place and
//! message key, so the widget says it in the user's language.

use compliance_matrix_core::dataset::{self, packed, Dataset, DatasetError, Format, ImportMeta};
use compliance_matrix_core::i18n::StringKey;
use wasm_bindgen::prelude::*;

/// Reads a dataset; what `kind` says the other arguments are:
/// - `data`: `a` is the JSON text of a page's `data`;
/// - `src`: `a` is the URL it came from, `b` its content type, `c` the text;
/// - `parse`: `a` is the text, `b` a format name (`json`, `csv`, `markdown`, `html`) or empty
///   (guessed);
/// - `table`: `a` is a page's own `<table>` as the element read it (packed,
///   `dataset::packed::encode_page_table`), `b` the page's address.
///
/// ```js
/// const packed = reader.read('src', 'https://example.com/m.csv', 'text/csv', text);
/// ```
#[wasm_bindgen]
pub fn read(kind: &str, a: &str, b: &str, c: &str) -> String {
    #[cfg(feature = "fault-injection")]
    if [a, c].iter().any(|t| t.contains("\u{1f4a5}panic")) {
        panic!("fault injection: the text asked the reader for a panic");
    }
    packed::encode_read(&read_dataset(kind, a, b, c))
}

fn read_dataset(kind: &str, a: &str, b: &str, c: &str) -> Result<Dataset, DatasetError> {
    match kind {
        "data" => Dataset::from_data_text(a),
        "src" => dataset::import(a, b, c),
        "parse" => {
            let format = match b {
                "" => Format::guess("", "", a),
                name => Format::from_name(name).ok_or_else(|| {
                    DatasetError::input(StringKey::errFormatName).with("value", name)
                })?,
            };
            let meta = ImportMeta {
                as_of: String::new(),
                source: Default::default(),
            };
            dataset::parse_any(a, format, &meta)
        }
        "table" => packed::decode_page_table(a)
            .map_err(|e| DatasetError::input(StringKey::errReaderAnswer).with("detail", e))?
            .to_dataset(b),
        _ => Err(DatasetError::input(StringKey::errReaderKind).with("value", kind)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn back(packed: String) -> Result<Dataset, DatasetError> {
        packed::decode_read(&packed).expect("a packed result")
    }

    #[test]
    fn each_kind_reads_what_the_core_reads() {
        let md = "| Program | Amazon ECS |\n|---|---|\n| SOC II | 1 |\n";
        let meta = ImportMeta {
            as_of: String::new(),
            source: Default::default(),
        };
        assert_eq!(
            back(read("parse", md, "markdown", "")),
            dataset::parse_any(md, Format::Markdown, &meta)
        );
        assert_eq!(back(read("parse", md, "", "")).unwrap().programs.len(), 1);
        let csv = "Program,Amazon ECS\nSOC II,1\n";
        assert_eq!(
            back(read("src", "https://example.com/m.csv", "text/csv", csv)),
            dataset::import("https://example.com/m.csv", "text/csv", csv)
        );
        let table = dataset::PageTable {
            as_of: "2026-11-30".into(),
            rows: vec![
                vec![
                    dataset::PageCell::new("Program"),
                    dataset::PageCell::new("Amazon ECS"),
                ],
                vec![
                    dataset::PageCell::new("SOC II"),
                    dataset::PageCell::new("1"),
                ],
            ],
            ..Default::default()
        };
        let page = "https://intranet.example.com/p";
        assert_eq!(
            back(read("table", &packed::encode_page_table(&table), page, "")),
            table.to_dataset(page)
        );
        let json = Dataset::embedded().to_json_value().to_string();
        assert_eq!(
            back(read("data", &json, "", "")),
            Ok(Dataset::embedded().as_ref().clone())
        );
    }

    #[test]
    fn errors_come_back_with_their_place_and_key() {
        let e = back(read("data", "{\"services\": 3}", "", "")).unwrap_err();
        assert_eq!(e, Dataset::from_data_text("{\"services\": 3}").unwrap_err());
        let e = back(read("parse", "x", "yaml", "")).unwrap_err();
        assert_eq!(e.key, StringKey::errFormatName);
        let e = back(read("table", "3:ab", "", "")).unwrap_err();
        assert_eq!(e.key, StringKey::errReaderAnswer);
        let e = back(read("list", "", "", "")).unwrap_err();
        assert_eq!(e.key, StringKey::errReaderKind);
    }

    #[test]
    fn a_saved_services_page_is_read_by_parse_and_src() {
        let page = include_str!("../../tests/fixtures/import/services-in-scope.html");
        let meta = ImportMeta {
            as_of: String::new(),
            source: Default::default(),
        };
        let parsed = back(read("parse", page, "html", "")).unwrap();
        assert_eq!(
            parsed,
            dataset::parse_any(page, Format::Html, &meta).unwrap()
        );
        assert_eq!(parsed.programs.len(), 15);
        assert_eq!(back(read("parse", page, "", "")), Ok(parsed));
        let url = "https://example.com/services-in-scope.html";
        let ds = back(read("src", url, "text/html", page)).unwrap();
        assert_eq!(ds.source.url, url);
        let fedramp = &ds.programs[ds.program_index("fedramp-high").unwrap()];
        let eks = ds.service_index("eks").unwrap();
        assert_eq!(fedramp.cells[eks].label.as_deref(), Some("JAB Review"));
        // An error inside a section comes back with its section, row and column.
        let bad = "<h2>C5</h2><table><tr><th>Services</th><th>C5</th><th>C5</th></tr><tr><td>Amazon ECS</td><td>✓</td><td>✓</td></tr></table>";
        let e = back(read("parse", bad, "html", "")).unwrap_err();
        assert_eq!(
            e.to_string(),
            "section 'C5', row 1, column 3: duplicate program 'C5' (same as 'C5' in column 2)"
        );
        let e = back(read(
            "src",
            url,
            "text/html",
            "<html><body>Sign in</body></html>",
        ))
        .unwrap_err();
        assert_eq!(e.key, StringKey::errHtmlPage);
    }
}
