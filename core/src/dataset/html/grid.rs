//! A table as found on a page → the rows the table step reads: each spanning cell repeated over
//! the columns and rows it covers (a merged ✓ is a ✓ in each), a first row of one cell across
//! the table taken as the table's title, empty rows and note rows (one cell across the table,
//! or one cell alone in a wide one) left out, short rows padded with blanks, and footnote marks
//! taken off the names (the header row and the first column). Rows keep their numbers on the
//! page for errors; columns are counted as a user sees them, spans spread.

use super::tables::{FoundCell, FoundTable};
use crate::dataset::table::{strip_footnote_marks, TableRow, Unit};
use crate::dataset::{DatasetError, MAX_FIELD_CHARS, MAX_SERVICES};
use crate::i18n::StringKey;

/// A table ready for the table step.
pub(crate) struct Grid {
    /// The text of a first row of one cell across the table.
    pub(crate) title: Option<String>,
    pub(crate) header: TableRow,
    pub(crate) rows: Vec<TableRow>,
    /// The first limit the kept rows go past (a row wider than the limit once spans are
    /// spread, a cell longer than a field may be): an error if this is a table of services.
    pub(crate) limit: Option<DatasetError>,
}

/// The grid of a table, `None` when it has no row with text.
pub(crate) fn grid(t: &FoundTable) -> Option<Grid> {
    let unit = Unit::Table {
        n: t.n,
        section: t.section.clone(),
    };
    let (spread, mut limit) = spread(t, &unit);
    let width = spread.iter().map(|(_, r)| r.len()).max().unwrap_or(0);
    let mut rows = spread
        .iter()
        .filter(|(_, r)| r.iter().any(|c| !text(c).is_empty()))
        .peekable();
    let mut title = None;
    if let Some((_, first)) = rows.peek() {
        if width >= 2 && one_cell_across(first) {
            title = Some(text(&first[0]).to_string());
            rows.next();
        }
    }
    let mut kept: Vec<TableRow> = Vec::new();
    for (i, (line, row)) in rows.enumerate() {
        if i > 0 && (one_cell_across(row) || (width > 2 && distinct(row) == 1)) {
            continue;
        }
        if limit.is_none() {
            if let Some(c) = row.iter().position(|c| c.is_some_and(|c| c.over)) {
                limit = Some(
                    unit.at(*line, c + 1, StringKey::errTooLong)
                        .num("limit", MAX_FIELD_CHARS),
                );
            }
        }
        let cells = (0..width)
            .map(|j| {
                let t = row.get(j).map_or("", text);
                // Names (the header row, the first column) lose their footnote marks.
                if i == 0 || j == 0 {
                    strip_footnote_marks(t).to_string()
                } else {
                    t.to_string()
                }
            })
            .collect();
        kept.push(TableRow { line: *line, cells });
    }
    let mut kept = kept.into_iter();
    let header = kept.next()?;
    Some(Grid {
        title,
        header,
        rows: kept.collect(),
        limit,
    })
}

fn text<'t>(c: &Option<&'t FoundCell>) -> &'t str {
    c.map_or("", |c| c.text.as_str())
}

/// Rows (with their numbers on the page) of the cells covering each column, a cell spanning
/// several columns or rows repeated; a column no cell covers is `None`. A row wider than the
/// limit is cut there, and the limit's error returned.
#[allow(clippy::type_complexity)]
fn spread<'t>(
    t: &'t FoundTable,
    unit: &Unit,
) -> (
    Vec<(usize, Vec<Option<&'t FoundCell>>)>,
    Option<DatasetError>,
) {
    let mut out = Vec::with_capacity(t.rows.len());
    let mut limit = None;
    // Per column, a cell from a row above still covering it, and for how many more rows.
    let mut held: Vec<Option<(usize, &FoundCell)>> = Vec::new();
    for (r, row) in t.rows.iter().enumerate() {
        let mut cells = row.iter();
        let mut line: Vec<Option<&FoundCell>> = Vec::new();
        // Columns to the right still held from above (only cleared while this row is read).
        let last_held = held.iter().rposition(Option::is_some);
        let mut col = 0;
        loop {
            if let Some(slot) = held.get_mut(col) {
                if let Some((left, cell)) = *slot {
                    *slot = (left > 1).then_some((left - 1, cell));
                    line.push(Some(cell));
                    col += 1;
                    continue;
                }
            }
            let Some(cell) = cells.next() else {
                if last_held.is_some_and(|l| col < l) {
                    line.push(None);
                    col += 1;
                    continue;
                }
                break;
            };
            let mut wide = false;
            for _ in 0..cell.colspan {
                if col > MAX_SERVICES {
                    wide = true;
                    break;
                }
                line.push(Some(cell));
                if cell.rowspan > 1 {
                    if held.len() <= col {
                        held.resize(col + 1, None);
                    }
                    held[col] = Some((cell.rowspan - 1, cell));
                }
                col += 1;
            }
            if wide {
                limit.get_or_insert_with(|| {
                    unit.at(r + 1, MAX_SERVICES + 2, StringKey::errTableCells)
                        .num("cells", MAX_SERVICES + 2)
                        .num("limit", MAX_SERVICES)
                });
                break;
            }
        }
        out.push((r + 1, line));
    }
    (out, limit)
}

/// Whether a row is one cell across all its columns.
fn one_cell_across(row: &[Option<&FoundCell>]) -> bool {
    row.len() >= 2
        && row
            .iter()
            .all(|c| matches!((c, row[0]), (Some(a), Some(b)) if std::ptr::eq(*a, b)))
}

/// How many cells a row holds (a spanning cell once).
fn distinct(row: &[Option<&FoundCell>]) -> usize {
    let mut n = 0;
    let mut prev: Option<&FoundCell> = None;
    for c in row.iter().flatten() {
        if !prev.is_some_and(|p| std::ptr::eq(p, *c)) {
            n += 1;
        }
        prev = Some(c);
    }
    n
}
