//! Which parser a text needs: guessed from its content type, URL and first characters.

use super::table::ImportMeta;
use super::{from_csv, from_html, from_markdown, safe_url, Dataset, DatasetError, Link};

/// The formats [`parse_any`] reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Json,
    Csv,
    Markdown,
    /// A page (or a fragment) holding tables of services.
    Html,
}

impl Format {
    /// From a name (`json`, `csv`, `markdown`/`md`, `html`/`htm`).
    pub fn from_name(name: &str) -> Option<Format> {
        match name.trim().to_ascii_lowercase().as_str() {
            "json" => Some(Format::Json),
            "csv" => Some(Format::Csv),
            "markdown" | "md" => Some(Format::Markdown),
            "html" | "htm" => Some(Format::Html),
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
        if is_html_type(&ct) {
            Format::Html
        } else if ct.contains("json") || path.ends_with(".json") {
            Format::Json
        } else if ct.contains("csv")
            || ct.contains("tab-separated")
            || path.ends_with(".csv")
            || path.ends_with(".tsv")
        {
            Format::Csv
        } else if ct.contains("markdown") || path.ends_with(".md") || path.ends_with(".markdown") {
            Format::Markdown
        } else if path.ends_with(".html") || path.ends_with(".htm") {
            Format::Html
        } else {
            let t = text.trim_start_matches('\u{feff}').trim_start();
            let table = t.get(..6).is_some_and(|h| h.eq_ignore_ascii_case("<table"));
            if table || looks_like_html(text) {
                Format::Html
            } else if t.starts_with('{') {
                Format::Json
            } else if t.lines().next().is_some_and(|l| l.contains('\t')) {
                // Rows copied from a spreadsheet or a page: tab-separated, whatever pipes hold.
                Format::Csv
            } else if t.lines().take(200).any(|l| l.contains('|')) {
                Format::Markdown
            } else {
                Format::Csv
            }
        }
    }
}

/// Parses a dataset in the given format. An HTML page is read as a page of tables of services
/// whatever the format says, and refused with a message that says it is a page when it holds
/// none (a server's error page, a login page), rather than read as a table.
pub fn parse_any(text: &str, format: Format, meta: &ImportMeta) -> Result<Dataset, DatasetError> {
    if format == Format::Html || looks_like_html(text) {
        return from_html(text, meta);
    }
    match format {
        Format::Json => Dataset::from_json(text),
        Format::Csv => from_csv(text, meta),
        Format::Markdown => from_markdown(text, meta),
        Format::Html => from_html(text, meta),
    }
}

/// Whether a content type is that of an HTML page (`text/html`, `application/xhtml+xml`, with
/// or without parameters, in any case).
pub fn is_html_type(content_type: &str) -> bool {
    let essence = content_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    essence == "text/html" || essence == "application/xhtml+xml"
}

/// Whether a text is an HTML (or XHTML) page, from its start: after a BOM, white space and any
/// HTML comments, a doctype, an XML declaration or one of the tags a page starts with. After a
/// leading comment, any tag counts (a table never starts with one; a Markdown table after a
/// comment starts with text, `#` or `|`).
pub fn looks_like_html(text: &str) -> bool {
    let mut t = text.trim_start_matches('\u{feff}').trim_start();
    let mut commented = false;
    while let Some(rest) = t.strip_prefix("<!--") {
        commented = true;
        match rest.find("-->") {
            Some(end) => t = rest[end + 3..].trim_start(),
            // A comment that never ends: not a table either.
            None => return true,
        }
    }
    let head: String = t.chars().take(16).collect::<String>().to_ascii_lowercase();
    if head.starts_with("<!doctype html") || head.starts_with("<?xml") {
        return true;
    }
    const TAGS: [&str; 7] = ["html", "head", "meta", "body", "title", "script", "link"];
    let Some(tag) = head.strip_prefix('<') else {
        return false;
    };
    let name: String = tag
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect();
    let ends = tag[name.len()..]
        .chars()
        .next()
        .is_none_or(|c| c.is_whitespace() || c == '>' || c == '/');
    !name.is_empty() && ends && (TAGS.contains(&name.as_str()) || commented)
}

/// A fetched text as a dataset: the parser chosen from its content type, URL and first
/// characters (an HTML content type is always read as a page); the URL names the source. The one
/// way fetched text becomes data.
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
        assert_eq!(Format::guess("", "/m", "P\tECS\nA|B\t1"), Format::Csv);
        let e =
            parse_any("<!DOCTYPE html><html>404</html>", Format::Csv, &seed_meta()).unwrap_err();
        assert!(e.message().contains("HTML page"), "{e}");
    }

    /// HTML was recognised by `<!doctype html` and `<html` only, so a page that starts with a
    /// comment, an XML declaration, `<head>`, `<meta>` or `<body>` (a login or error page where a
    /// dataset was expected) was read as CSV instead of refused as a page.
    #[test]
    fn html_pages_are_recognised_by_more_than_their_first_characters() {
        for page in [
            "<!-- login --><html><body>x</body></html>",
            "\u{feff} <!-- a -->\n<!-- b -->\n<div>Sign in</div>",
            "<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\"/>",
            "<head><title>502</title></head>",
            "<META charset=utf-8>,1",
            "<body>\n<h1>Not Found</h1>\n</body>",
            "<title>Error</title>",
            "<!-- never closed",
            "  <HTML>",
        ] {
            for format in [Format::Csv, Format::Markdown, Format::Json] {
                let e = parse_any(page, format, &seed_meta()).unwrap_err();
                assert!(e.message().starts_with("got an HTML page"), "{page:?}: {e}");
            }
            let e = import("https://h/m.csv", "text/csv", page).unwrap_err();
            assert!(e.message().starts_with("got an HTML page"), "{page:?}: {e}");
        }
        // Tables and JSON that merely contain or start with markup-like text are not pages.
        for text in [
            "<b>Program</b>,Amazon ECS\nSOC 2,1\n",
            "<header-ish>,Amazon ECS\nSOC 2,1\n",
            "<!-- generated -->\n| Program | Amazon ECS |\n|---|---|\n| SOC 2 | 1 |\n",
            "Program,Amazon ECS\n<html>,1\n",
        ] {
            assert!(!looks_like_html(text), "{text:?}");
        }
        assert!(parse_any(
            "<!-- generated -->\n| Program | Amazon ECS |\n|---|---|\n| SOC 2 | 1 |\n",
            Format::Markdown,
            &seed_meta()
        )
        .is_ok());
    }

    /// The content type of a page is honoured, whatever the body looks like.
    #[test]
    fn an_html_content_type_is_refused() {
        let csv = "Program,Amazon ECS\nSOC 2,1\n";
        assert!(import("https://h/m.csv", "text/csv", csv).is_ok());
        for ct in [
            "text/html",
            "text/html; charset=utf-8",
            "TEXT/HTML;charset=UTF-8",
            " application/xhtml+xml ",
        ] {
            let e = import("https://h/m.csv", ct, csv).unwrap_err();
            assert!(e.message().starts_with("got an HTML page"), "{ct}: {e}");
        }
        assert!(!is_html_type("text/plain"));
        assert!(!is_html_type("text/htmlx"));
    }

    #[test]
    fn a_page_of_tables_of_services_is_read_through_every_route_and_a_login_page_is_not() {
        let page = include_str!("../../../tests/fixtures/import/services-in-scope.html");
        let login = "<!DOCTYPE html><html><body><form><table><tr><td>User</td><td><input></td></tr></table></form></body></html>";
        assert_eq!(Format::from_name("html"), Some(Format::Html));
        assert_eq!(Format::from_name(" HTM "), Some(Format::Html));
        assert_eq!(
            Format::guess("text/html; charset=utf-8", "/x.csv", ""),
            Format::Html
        );
        assert_eq!(
            Format::guess("", "https://h/saved.htm?x=1", ""),
            Format::Html
        );
        assert_eq!(Format::guess("", "/m", page), Format::Html);
        assert_eq!(
            Format::guess("", "", " <TABLE><tr><td>x</td></tr></TABLE>"),
            Format::Html
        );
        let url = "https://intranet.example.com/services-in-scope.html";
        let ds = import(url, "text/html", page).unwrap();
        assert_eq!(ds.programs.len(), 15);
        // The address it came from is the source, not the page's canonical one.
        assert_eq!(ds.source.url, url);
        let e = import(url, "text/html", login).unwrap_err();
        assert_eq!(
            e.message(),
            "got an HTML page, not a dataset (expected JSON, CSV or a Markdown table)"
        );
        // A page is a page, whatever format it was given as.
        for format in [Format::Csv, Format::Markdown, Format::Json, Format::Html] {
            assert_eq!(
                parse_any(page, format, &seed_meta())
                    .unwrap()
                    .programs
                    .len(),
                15
            );
            assert!(parse_any(login, format, &seed_meta()).is_err());
        }
        let fragment = "<table><tr><th>Services</th><th>C5</th></tr><tr><td>Amazon ECS</td><td>✓</td></tr></table>";
        assert_eq!(
            parse_any(fragment, Format::Html, &seed_meta())
                .unwrap()
                .programs[0]
                .id,
            "c5"
        );
    }
}
