//! CSV tables (RFC 4180), and tab-separated ones (a `.tsv` file, or rows pasted from a
//! spreadsheet or a web page's table): the header line tells which.

use super::table::{from_table, ImportMeta, TableRow, Unit};
use super::validate::check_size;
use super::{Dataset, DatasetError, Place};
use crate::i18n::StringKey;

/// Parses a CSV table (RFC 4180): a header row (program column, then one column per service).
/// UTF-8 with or without BOM, CRLF or LF line ends, quoted fields with `""` escapes.
pub fn from_csv(text: &str, meta: &ImportMeta) -> Result<Dataset, DatasetError> {
    check_size(text)?;
    let text = text.trim_start_matches('\u{feff}');
    let header = text.lines().next().unwrap_or("");
    // A copied table's header has a tab between its cells; a CSV header has none outside quotes.
    let mut quoted = false;
    let tab_between = header.chars().any(|c| {
        quoted ^= c == '"';
        c == '\t' && !quoted
    });
    let delimiter = if tab_between { '\t' } else { ',' };
    let records = parse_csv(text, delimiter)?;
    let mut records = records
        .into_iter()
        .filter(|r| !(r.cells.len() == 1 && r.cells[0].trim().is_empty()))
        .map(|mut r| {
            for c in &mut r.cells {
                // Our CSV export defuses spreadsheet formulas with a leading apostrophe, and
                // doubles one that a field starts with: remove exactly that one.
                if c.starts_with('\'') && c[1..].starts_with(['=', '+', '@', '-', '\t', '\r', '\''])
                {
                    c.remove(0);
                }
            }
            r
        });
    let Some(header) = records.next() else {
        return Err(DatasetError::new(
            Place::Line(1, None),
            StringKey::errEmptyCsv,
        ));
    };
    from_table(header, records.collect(), meta, Unit::Line)
}

fn parse_csv(text: &str, delimiter: char) -> Result<Vec<TableRow>, DatasetError> {
    let mut rows = Vec::new();
    let mut cells = Vec::new();
    let mut cur = String::new();
    let mut line = 1;
    let mut col = 1;
    let mut row_line = 1;
    let mut in_quotes = false;
    let mut quote_start = (1, 1);
    let mut field_started_quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if in_quotes {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    cur.push('"');
                    chars.next();
                    col += 1;
                }
                '"' => in_quotes = false,
                '\n' => {
                    cur.push('\n');
                    line += 1;
                    col = 0;
                }
                _ => cur.push(c),
            }
        } else {
            match c {
                '"' if cur.is_empty() && !field_started_quoted => {
                    in_quotes = true;
                    field_started_quoted = true;
                    quote_start = (line, col);
                }
                // Copied cells are not quoted unless they must be: `SOC 2 "Type II"` is text.
                '"' if delimiter == '\t' => cur.push('"'),
                '"' => return Err(DatasetError::line(line, col, StringKey::errCsvQuote)),
                c if c == delimiter => {
                    cells.push(std::mem::take(&mut cur));
                    field_started_quoted = false;
                }
                '\r' if chars.peek() == Some(&'\n') => {}
                '\n' | '\r' => {
                    cells.push(std::mem::take(&mut cur));
                    field_started_quoted = false;
                    rows.push(TableRow {
                        line: row_line,
                        cells: std::mem::take(&mut cells),
                    });
                    line += 1;
                    col = 0;
                    row_line = line;
                }
                _ => {
                    if field_started_quoted {
                        return Err(DatasetError::line(line, col, StringKey::errCsvAfterQuote));
                    }
                    cur.push(c)
                }
            }
        }
        col += 1;
    }
    if in_quotes {
        return Err(DatasetError::line(
            quote_start.0,
            quote_start.1,
            StringKey::errCsvUnclosed,
        ));
    }
    if !cur.is_empty() || !cells.is_empty() {
        cells.push(cur);
        rows.push(TableRow {
            line: row_line,
            cells,
        });
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::table::seed_meta;
    use crate::dataset::Status;
    #[test]
    fn csv_with_bom_crlf_and_quotes() {
        let csv = "\u{feff}Compliance Program,Amazon ECS,\"Amazon EKS\"\r\n\"FedRAMP Moderate (East/West)\",1,\"3PAO \"\"Assessment\"\"\"\r\nC5,1,0\r\n";
        let ds = from_csv(csv, &seed_meta()).unwrap();
        assert_eq!(ds.programs[0].id, "fedramp-moderate");
        assert_eq!(
            ds.programs[0].cells[1].label.as_deref(),
            Some("3PAO \"Assessment\"")
        );
        assert_eq!(ds.programs[1].cells[1].status, Status::NotInScope);
    }

    #[test]
    fn csv_unclosed_quote_names_its_start() {
        let e = from_csv("P,ECS\nA,\"1\n", &seed_meta()).unwrap_err();
        assert_eq!(e.location(), "line 2, column 3");
    }

    /// Rows copied from a spreadsheet or a web page's table are tab-separated; a comma inside a
    /// cell is then text.
    #[test]
    fn tab_separated_rows_either_way_round() {
        let down = "Services\tSOC 1, 2, 3\tISO 27001\nAmazon ECS\t✓\t\nAmazon EKS\t\t✓\n";
        let ds = from_csv(down, &seed_meta()).unwrap();
        assert_eq!(ds.programs.len(), 2);
        assert_eq!(ds.programs[0].name, "SOC 1, 2, 3");
        let eks = ds.service_index("eks").unwrap();
        assert_eq!(ds.programs[1].cells[eks].status, Status::InScope);
        assert_eq!(ds.programs[0].cells[eks].status, Status::NotInScope);
        let quoted = "Program\tAmazon ECS\nSOC 2 \"Type II\"\tyes\n";
        assert_eq!(
            from_csv(quoted, &seed_meta()).unwrap().programs[0].name,
            "SOC 2 \"Type II\""
        );
        let across = "Program\tAmazon ECS\nSOC 2\tyes\n";
        assert_eq!(
            from_csv(across, &seed_meta()).unwrap().programs[0].cells[0].status,
            Status::InScope
        );
    }

    /// 2,001 programs of 1,000 services pass each limit alone and the cells' together: refused
    /// while the rows are gathered, before they are all held.
    #[test]
    fn more_cells_than_the_cap_are_refused() {
        let mut csv = String::from("Program");
        for k in 0..1_000 {
            csv.push_str(&format!(",Service {k}"));
        }
        let commas = ",".repeat(1_000);
        for i in 0..2_001 {
            csv.push_str(&format!("\nP{i}{commas}"));
        }
        let e = from_csv(&csv, &seed_meta()).unwrap_err();
        assert_eq!(e.key, StringKey::errTooManyCells, "{e}");
    }
}
