//! A page of tables of services (a saved copy of AWS's "Services in Scope by Compliance
//! Program" page, say) as one dataset: every table that names services, read by the table step
//! in whichever way it runs; each program column named by its section and column ("FedRAMP"
//! and "FedRAMP High (GovCloud)" → "FedRAMP High (GovCloud)", "MTCS" and "Seoul" → "MTCS —
//! Seoul"); the union of the services. The page is read as text by an inert tokenizer: nothing
//! in it runs or loads. A page without such a table is refused as any other HTML page.

mod entities;
mod grid;
mod tables;
mod text;
mod tokenizer;

use super::table::{build, read_sheet, shape, Evidence, ImportMeta, Known, Sheet, Unit};
use super::validate::{check_size, safe_url, too_many_programs};
use super::{Cell, Dataset, DatasetError, Status, MAX_PROGRAMS};
use crate::i18n::StringKey;
use tables::FoundTable;

pub use tables::MAX_TABLE_DEPTH;

/// Reads the tables of services of an HTML page (or of a fragment: a pasted `<table>`) as one
/// dataset. Its title is the page's; its source is `meta`'s, else the page's canonical address.
pub fn from_html(text: &str, meta: &ImportMeta) -> Result<Dataset, DatasetError> {
    check_size(text)?;
    let known = Known::new();
    let mut sheets: Vec<Sheet> = Vec::new();
    let mut programs = 0;
    let page = tables::read(text, |t| {
        if let Some(sheet) = sheet_of(&t, &known)? {
            programs += sheet.programs.len();
            if programs > MAX_PROGRAMS {
                return Err(too_many_programs(programs));
            }
            sheets.push(sheet);
        }
        Ok(())
    })?;
    if sheets.is_empty() {
        return Err(DatasetError::input(StringKey::errHtmlPage));
    }
    let mut meta = meta.clone();
    if meta.source.url.is_empty() {
        if let Some(url) = safe_url(&page.canonical).filter(|u| u.starts_with("http")) {
            meta.source.url = url.to_string();
            if meta.source.title.is_empty() {
                meta.source.title = if page.title.is_empty() {
                    url.to_string()
                } else {
                    page.title.clone()
                };
            }
        }
    }
    let mut ds = build(sheets, &meta, &known)?;
    ds.title = page.title;
    ds.validate()?;
    Ok(ds)
}

/// A table of services as a sheet: its section is its caption, else a title row, else the
/// heading or tab above it. Other tables (layout, notes, a login form's) are `None`.
fn sheet_of(t: &FoundTable, known: &Known) -> Result<Option<Sheet>, DatasetError> {
    let Some(g) = grid::grid(t) else {
        return Ok(None);
    };
    match shape(&g.header, &g.rows).evidence {
        Evidence::KnownService => {}
        // A "Services" corner alone: only with cells that say a status.
        Evidence::Corner
            if g.rows
                .iter()
                .any(|r| r.cells[1..].iter().any(|c| says_status(c))) => {}
        _ => return Ok(None),
    }
    let section = [
        t.caption.as_str(),
        g.title.as_deref().unwrap_or(""),
        &t.section,
    ]
    .into_iter()
    .find(|s| !s.is_empty())
    .unwrap_or("")
    .to_string();
    if let Some(e) = t.limit.clone().or(g.limit) {
        return Err(e);
    }
    let unit = Unit::Table {
        n: t.n,
        section: section.clone(),
    };
    read_sheet(g.header, g.rows, unit, Some(&section), known).map(Some)
}

/// A cell in the vocabulary of statuses (a mark, `1`, `no`, `in scope`), not free text.
fn says_status(text: &str) -> bool {
    !text.trim().is_empty() && Cell::from_text(text).status != Status::InProgress
}

#[cfg(test)]
mod tests;
