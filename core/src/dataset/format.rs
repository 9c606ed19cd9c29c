//! Which reader a text needs: guessed from its content type, URL and first characters.

use super::table::ImportMeta;
use super::{from_csv, from_markdown, safe_url, Dataset, DatasetError, Link};

/// The formats [`parse_any`] reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Json,
    Csv,
    Markdown,
}

impl Format {
    /// From a name (`json`, `csv`, `markdown`/`md`).
    pub fn from_name(name: &str) -> Option<Format> {
        match name.trim().to_ascii_lowercase().as_str() {
            "json" => Some(Format::Json),
            "csv" => Some(Format::Csv),
            "markdown" | "md" => Some(Format::Markdown),
            _ => None,
        }
    }

    /// Guesses from a content type, then the URL's extension, then the text itself.
    pub fn guess(content_type: &str, url: &str, text: &str) -> Format {
        let ct = content_type.to_ascii_lowercase();
        let path = url
            .split(['?', '#'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        if ct.contains("json") || path.ends_with(".json") {
            Format::Json
        } else if ct.contains("csv") || path.ends_with(".csv") {
            Format::Csv
        } else if ct.contains("markdown") || path.ends_with(".md") || path.ends_with(".markdown") {
            Format::Markdown
        } else {
            let t = text.trim_start_matches('\u{feff}').trim_start();
            if t.starts_with('{') {
                Format::Json
            } else if t.lines().take(200).any(|l| l.contains('|')) {
                Format::Markdown
            } else {
                Format::Csv
            }
        }
    }
}

/// Parses a dataset in the given format. HTML (a server's error page, say) is refused with a
/// message that says so rather than read as a table.
pub fn parse_any(text: &str, format: Format, meta: &ImportMeta) -> Result<Dataset, DatasetError> {
    let head = text.trim_start_matches('\u{feff}').trim_start();
    let lower: String = head
        .chars()
        .take(15)
        .collect::<String>()
        .to_ascii_lowercase();
    if lower.starts_with("<!doctype html") || lower.starts_with("<html") {
        return Err(DatasetError::at(
            "",
            "got an HTML page, not a dataset (expected JSON, CSV or a Markdown table)",
        ));
    }
    match format {
        Format::Json => Dataset::from_json(text),
        Format::Csv => from_csv(text, meta),
        Format::Markdown => from_markdown(text, meta),
    }
}

/// A fetched text as a dataset: the reader chosen from its content type, URL and first
/// characters; the URL names the source. The one way fetched text becomes data.
pub fn import(url: &str, content_type: &str, text: &str) -> Result<Dataset, DatasetError> {
    let format = Format::guess(content_type, url, text);
    let source = match safe_url(url) {
        Some(u) => Link {
            title: u.to_string(),
            url: u.to_string(),
            note: None,
        },
        None => Link {
            title: url.to_string(),
            url: String::new(),
            note: None,
        },
    };
    let meta = ImportMeta {
        as_of: String::new(),
        source,
    };
    parse_any(text, format, &meta)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::table::seed_meta;

    #[test]
    fn formats_are_guessed_from_type_extension_and_text() {
        assert_eq!(Format::guess("application/json", "x", ""), Format::Json);
        assert_eq!(Format::guess("", "https://h/m.csv?x=1", ""), Format::Csv);
        assert_eq!(
            Format::guess("text/plain", "/m", "| a | b |"),
            Format::Markdown
        );
        assert_eq!(Format::guess("", "/m", " {\"as_of\":1}"), Format::Json);
        assert_eq!(Format::guess("", "/m", "P,ECS\nA,1"), Format::Csv);
        let e =
            parse_any("<!DOCTYPE html><html>404</html>", Format::Csv, &seed_meta()).unwrap_err();
        assert!(e.message.contains("HTML page"), "{e}");
    }
}
