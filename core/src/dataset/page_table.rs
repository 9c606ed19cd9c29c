//! A page's own `<table>` as the dataset: the element reads its cells' `textContent` (never
//! HTML) into a [`PageTable`]; this turns it into a dataset through the same rows → dataset step
//! as CSV and Markdown, with errors that name the table's row and column.

use super::table::{from_table, ImportMeta, TableRow, Unit};
use super::validate::{is_iso_date, over_limit, safe_url};
use super::{Dataset, DatasetError, Link, MAX_INPUT_BYTES, MAX_PROGRAMS, MAX_SERVICES};
use crate::i18n::StringKey;

/// A page's `<table>` as read: the caption, the table's `data-as-of`, `data-source` and
/// `data-source-url` attributes, and its rows in table order (the header row first).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PageTable {
    pub caption: String,
    pub as_of: String,
    pub source: String,
    pub source_url: String,
    pub rows: Vec<Vec<PageCell>>,
}

/// One `<th>` or `<td>`: its text and how many columns and rows it spans.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PageCell {
    pub text: String,
    pub colspan: u32,
    pub rowspan: u32,
}

impl PageCell {
    /// A cell spanning one column and one row.
    pub fn new(text: impl Into<String>) -> PageCell {
        PageCell {
            text: text.into(),
            colspan: 1,
            rowspan: 1,
        }
    }
}

/// Checked by the element before it reads a row's cells (and before any text is copied): a table
/// of more rows than the program limit, or a row of more cells than the service limit, is refused.
/// `row` is 1-based (the header row is row 1).
pub fn check_row_count(rows: usize) -> Result<(), DatasetError> {
    if rows > MAX_PROGRAMS + 1 {
        return Err(DatasetError::input(StringKey::errTableRows)
            .num("rows", rows)
            .num("limit", MAX_PROGRAMS));
    }
    Ok(())
}

/// See [`check_row_count`]: a row's number of cells, before they are read.
pub fn check_cell_count(row: usize, cells: usize) -> Result<(), DatasetError> {
    if cells > MAX_SERVICES + 1 {
        return Err(Unit::Row
            .at(row, MAX_SERVICES + 2, StringKey::errTableCells)
            .num("cells", cells)
            .num("limit", MAX_SERVICES));
    }
    Ok(())
}

/// See [`check_row_count`]: the table's whole text (UTF-16 units), before any of it is copied.
pub fn check_text_length(units: usize) -> Result<(), DatasetError> {
    if units > MAX_INPUT_BYTES {
        return Err(over_limit(StringKey::errInputChars, "count", units));
    }
    Ok(())
}

/// Text as a user sees it in a table cell: the page's line breaks and indentation are spaces.
fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

impl PageTable {
    /// The dataset this table holds. `page_url` is the page's address: the source when the table
    /// names none (`data-source-url`, else the page; `data-source` is the source's title).
    pub fn to_dataset(&self, page_url: &str) -> Result<Dataset, DatasetError> {
        let as_of = self.as_of.trim();
        if !as_of.is_empty() && !is_iso_date(as_of) {
            return Err(
                DatasetError::field("data-as-of", StringKey::errTableDate).with("value", as_of)
            );
        }
        let url = self.source_url.trim();
        if !url.is_empty() && safe_url(url).is_none() {
            return Err(
                DatasetError::field("data-source-url", StringKey::errTableLink).with("value", url),
            );
        }
        // The table's own source link, else the page's address; the link is the title when the
        // table names none.
        let url = if url.is_empty() {
            safe_url(page_url).unwrap_or_default()
        } else {
            url
        };
        let title = collapse(&self.source);
        let source = Link {
            title: if title.is_empty() {
                url.to_string()
            } else {
                title
            },
            url: url.to_string(),
            note: None,
        };
        let mut rows = self.rows.iter().enumerate().map(|(i, cells)| {
            for (c, cell) in cells.iter().enumerate() {
                if cell.colspan != 1 || cell.rowspan != 1 {
                    let (what, n) = if cell.colspan != 1 {
                        ("colspan", cell.colspan)
                    } else {
                        ("rowspan", cell.rowspan)
                    };
                    return Err(Unit::Row
                        .at(i + 1, c + 1, StringKey::errMergedCell)
                        .with("attribute", what)
                        .with("n", n.to_string()));
                }
            }
            Ok(TableRow {
                line: i + 1,
                cells: cells.iter().map(|c| collapse(&c.text)).collect(),
            })
        });
        let Some(header) = rows.next() else {
            return Err(DatasetError::input(StringKey::errTableEmpty));
        };
        let header = header?;
        let rows = rows.collect::<Result<Vec<_>, _>>()?;
        let meta = ImportMeta {
            as_of: as_of.to_string(),
            source,
        };
        let mut ds = from_table(header, rows, &meta, Unit::Row)?;
        ds.title = collapse(&self.caption);
        ds.validate()?;
        Ok(ds)
    }
}

impl PageTable {
    /// Whether this is the embedded matrix as `scripts/seed-table.mjs` writes it (the table
    /// `index.html` and the single file carry): the same cell texts (whitespace aside), the
    /// same date and source link, no merged cells. Checked in the widget's own wasm, so such a
    /// page shows the embedded data at first paint without the dataset reader; any other table
    /// goes through the reader's [`PageTable::to_dataset`].
    pub fn is_seed_table(&self) -> bool {
        let e = Dataset::embedded();
        let header =
            std::iter::once("Compliance Program").chain(e.services.iter().map(|s| s.name.as_str()));
        let expected =
            std::iter::once(header.collect::<Vec<&str>>()).chain(e.programs.iter().map(|p| {
                std::iter::once(p.name.as_str())
                    .chain(p.cells.iter().map(seed_cell_text))
                    .collect()
            }));
        self.as_of.trim() == e.as_of
            && self.source_url.trim() == e.source.url
            && self.rows.len() == e.programs.len() + 1
            && self.rows.iter().zip(expected).all(|(row, want)| {
                row.len() == want.len()
                    && row.iter().zip(&want).all(|(cell, w)| {
                        cell.colspan == 1 && cell.rowspan == 1 && collapse(&cell.text) == **w
                    })
            })
    }
}

/// A seed cell as `scripts/seed-table.mjs` writes it: its label, else its status in words
/// (nothing for an unknown one).
fn seed_cell_text(c: &super::Cell) -> &str {
    use super::Status;
    match (&c.label, c.status) {
        (Some(label), _) => label,
        (None, Status::Unknown) => "",
        (None, s) => s.text(),
    }
}

impl Dataset {
    /// Whether this dataset is the embedded matrix cell for cell (the same date, source link,
    /// services, programs and cells): a page that carries the embedded matrix as its own table
    /// then gets the embedded data itself, with its notes, tags and history.
    pub fn is_embedded_matrix(&self) -> bool {
        let e = Dataset::embedded();
        self.as_of == e.as_of
            && self.source.url == e.source.url
            && self.services == e.services
            && self.programs.len() == e.programs.len()
            && self
                .programs
                .iter()
                .zip(&e.programs)
                .all(|(a, b)| a.id == b.id && a.cells == b.cells)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::Status;

    fn table(rows: &[&[&str]]) -> PageTable {
        PageTable {
            caption: "  Our\n   matrix ".into(),
            as_of: "2026-11-30".into(),
            source: "Compliance wiki".into(),
            source_url: "https://wiki.example.com/compliance".into(),
            rows: rows
                .iter()
                .map(|r| r.iter().map(|t| PageCell::new(*t)).collect())
                .collect(),
        }
    }

    #[test]
    fn a_three_program_table_is_a_dataset_with_its_caption_date_and_source() {
        let t = table(&[
            &["Compliance Program", "Amazon ECS", "\n  AWS Fargate\n"],
            &["PCI DSS Level 1", "1", "In scope"],
            &["SOC   II", "0", "3PAO\n Assessment"],
            &["Our own audit", "", "no"],
        ]);
        let ds = t.to_dataset("https://intranet.example.com/page").unwrap();
        assert_eq!(ds.title, "Our matrix");
        assert_eq!(ds.as_of, "2026-11-30");
        assert_eq!(ds.source.title, "Compliance wiki");
        assert_eq!(ds.source.url, "https://wiki.example.com/compliance");
        let ids: Vec<&str> = ds.services.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["ecs", "fargate"]);
        let ids: Vec<&str> = ds.programs.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(ids, ["pci-dss-level-1", "soc-2", "our-own-audit"]);
        assert_eq!(ds.programs[1].cells[1].status, Status::InProgress);
        assert_eq!(
            ds.programs[1].cells[1].label.as_deref(),
            Some("3PAO Assessment")
        );
        assert_eq!(ds.programs[2].cells[0].status, Status::Unknown);
        assert_eq!(ds.programs[2].cells[1].status, Status::NotInScope);
        // Known programs keep their facet tags.
        assert!(ds.programs[0].tags.iter().any(|t| t == "domain:payments"));
        assert!(!ds.is_embedded_matrix());
    }

    #[test]
    fn errors_name_the_row_and_column_of_the_table() {
        let e = table(&[
            &["Program", "Amazon ECS", "Amazon EKS"],
            &["A", "1", "1"],
            &["B", "1"],
        ])
        .to_dataset("")
        .unwrap_err();
        assert_eq!(
            e.to_string(),
            "row 3, column 3: this row has 2 cells, the header has 3"
        );
        let mut t = table(&[&["Program", "Amazon ECS"], &["A", "1"], &["B", "0"]]);
        t.rows[2][1].colspan = 2;
        let e = t.to_dataset("").unwrap_err();
        assert_eq!(e.location(), "row 3, column 2");
        assert!(e.message().contains("colspan=\"2\""), "{e}");
        let e = table(&[&["Program", "Amazon ECS"], &["A  B", "1"], &["A\nB", "0"]])
            .to_dataset("")
            .unwrap_err();
        assert_eq!(
            e.to_string(),
            "row 3, column 1: duplicate program 'A B' (same as 'A B' in row 2)"
        );
        let e = table(&[&["Program", "Amazon ECS"], &["A", &"x".repeat(3000)]])
            .to_dataset("")
            .unwrap_err();
        assert!(e.location().starts_with("programs[0]"), "{e}");
        let e = table(&[]).to_dataset("").unwrap_err();
        assert!(e.message().contains("no rows"), "{e}");
    }

    #[test]
    fn the_tables_attributes_are_checked_and_the_page_is_the_source_when_none_is_named() {
        let mut t = table(&[&["Program", "Amazon ECS"], &["A", "1"]]);
        t.as_of = "30 Nov 2026".into();
        assert_eq!(t.to_dataset("").unwrap_err().location(), "data-as-of");
        t.as_of = String::new();
        t.source_url = "javascript:alert(1)".into();
        assert_eq!(t.to_dataset("").unwrap_err().location(), "data-source-url");
        t.source_url = String::new();
        t.source = String::new();
        let ds = t.to_dataset("https://intranet.example.com/page").unwrap();
        assert_eq!(ds.source.url, "https://intranet.example.com/page");
        assert_eq!(ds.source.title, "https://intranet.example.com/page");
        assert_eq!(ds.as_of, "");
        // A page opened from a file has no address to name: no link.
        let ds = t.to_dataset("file:///home/me/page.html").unwrap();
        assert_eq!(ds.source.url, "");
    }

    #[test]
    fn limits_are_checked_from_counts_before_any_text_is_read() {
        assert!(check_row_count(MAX_PROGRAMS + 1).is_ok());
        assert!(check_row_count(MAX_PROGRAMS + 2).is_err());
        assert!(check_cell_count(4, MAX_SERVICES + 1).is_ok());
        assert_eq!(
            check_cell_count(4, MAX_SERVICES + 2)
                .unwrap_err()
                .location(),
            format!("row 4, column {}", MAX_SERVICES + 2)
        );
        assert!(check_text_length(MAX_INPUT_BYTES).is_ok());
        assert!(check_text_length(MAX_INPUT_BYTES + 1).is_err());
    }

    #[test]
    fn the_embedded_matrix_written_as_a_table_is_recognised() {
        let e = Dataset::embedded();
        let status_text = |c: &crate::dataset::Cell| seed_cell_text(c).to_string();
        let mut rows = vec![std::iter::once("Compliance Program".to_string())
            .chain(e.services.iter().map(|s| s.name.clone()))
            .map(PageCell::new)
            .collect::<Vec<_>>()];
        for p in &e.programs {
            rows.push(
                std::iter::once(p.name.clone())
                    .chain(p.cells.iter().map(status_text))
                    .map(PageCell::new)
                    .collect(),
            );
        }
        let mut t = PageTable {
            caption: e.title.clone(),
            as_of: e.as_of.clone(),
            source: e.source.title.clone(),
            source_url: e.source.url.clone(),
            rows,
        };
        assert!(t.to_dataset("").unwrap().is_embedded_matrix());
        // One cell otherwise, or another date: the page's own data.
        t.rows[3][2] = PageCell::new("0");
        assert!(!t.to_dataset("").unwrap().is_embedded_matrix());
        t.rows[3][2] = PageCell::new("In scope");
        t.as_of = "2020-04-24".into();
        assert!(!t.to_dataset("").unwrap().is_embedded_matrix());
    }

    /// The text of markup: tags dropped, the five entities `seed-table.mjs` writes decoded.
    fn text_of(html: &str) -> String {
        let mut out = String::new();
        let mut in_tag = false;
        for ch in html.chars() {
            match ch {
                '<' => in_tag = true,
                '>' => in_tag = false,
                c if !in_tag => out.push(c),
                _ => {}
            }
        }
        out.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&amp;", "&")
    }

    /// index.html's table (written by scripts/seed-table.mjs, checked by `make lint`), read as
    /// the element reads it.
    fn index_html_table() -> PageTable {
        let html = include_str!("../../../index.html");
        let start = html.find("<table ").unwrap();
        let end = html[start..].find("</table>").unwrap() + start;
        let table = &html[start..end];
        let attr = |name: &str| {
            let at = table.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
            text_of(&table[at..at + table[at..].find('"').unwrap()])
        };
        let caption = table
            .split("<caption>")
            .nth(1)
            .unwrap()
            .split("</caption>")
            .next()
            .unwrap();
        let rows = table
            .split("<tr>")
            .skip(1)
            .map(|row| {
                row.split("</t")
                    .filter_map(|cell| cell.rfind("<th").or(cell.rfind("<td")).map(|i| &cell[i..]))
                    .map(|cell| PageCell::new(text_of(cell)))
                    .collect()
            })
            .collect();
        PageTable {
            caption: text_of(caption),
            as_of: attr("data-as-of"),
            source: attr("data-source"),
            source_url: attr("data-source-url"),
            rows,
        }
    }

    #[test]
    fn the_seed_table_of_index_html_is_known_without_the_reader() {
        let t = index_html_table();
        assert_eq!(t.rows.len(), 21);
        assert_eq!(t.rows[1][0].text, "PCI DSS Level 1");
        assert!(t.is_seed_table());
        assert!(t.to_dataset("").unwrap().is_embedded_matrix());
        // Whitespace aside, as the reader wasm reads it.
        let mut spaced = t.clone();
        spaced.rows[2][1].text = "\n   In\n  scope ".into();
        spaced.as_of = " 2020-04-21 ".into();
        assert!(spaced.is_seed_table());
        // Anything else goes to the reader wasm.
        let changed: [fn(&mut PageTable); 6] = [
            |t| t.rows[3][2].text = "Not in scope".into(),
            |t| t.rows[3][2].colspan = 2,
            |t| t.as_of = "2020-04-24".into(),
            |t| t.source_url.clear(),
            |t| t.rows.push(vec![PageCell::new("Extra")]),
            |t| t.rows[0][0].text = "Program".into(),
        ];
        for change in changed {
            let mut other = t.clone();
            change(&mut other);
            assert!(!other.is_seed_table(), "{other:?}");
        }
    }
}
