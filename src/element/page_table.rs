//! A page's own `<table>` inside the element (a child of it in the light DOM): read with
//! `textContent` only, never as HTML. The whole text's length, the number of rows and each row's
//! number of cells are checked before any text is copied into wasm memory. The cells become a
//! dataset in the dataset reader (`src/reader.rs`), unless they are the embedded matrix as
//! `scripts/seed-table.mjs` writes it (`PageTable::is_seed_table`).

use crate::dataset::{self, DatasetError, PageCell, PageTable, MAX_FIELD_CHARS};
use crate::i18n::StringKey;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, HtmlTableCellElement, HtmlTableElement, HtmlTableRowElement};

/// The target's `<table>` as read, with the page's address (its source when it names none), or
/// why it cannot be used; `None` when the element holds no element at all. The table is a child,
/// or inside simple wrappers (`div`, `figure`, `section` … as wikis and CMSs render a table);
/// content without a table is said to be so, never read as no content.
pub(super) fn read(target: &Element) -> Option<Result<(PageTable, String), DatasetError>> {
    if target.child_element_count() == 0 {
        return None;
    }
    let Some(table) = find_table(target) else {
        return Some(Err(DatasetError::input(StringKey::errNoPageTable)));
    };
    let page = target
        .owner_document()
        .and_then(|d| d.location())
        .and_then(|l| l.href().ok())
        .unwrap_or_default();
    let page = page.split('#').next().unwrap_or_default().to_string();
    Some(
        read_table(table.unchecked_ref())
            .map(|t| (t, page))
            .map_err(|e| e.within(StringKey::errPageTable)),
    )
}

const HTML: &str = "http://www.w3.org/1999/xhtml";

/// Elements that only wrap what they hold: a table inside them (this deep at most) is read.
const WRAPPERS: [&str; 8] = [
    "div", "figure", "section", "article", "main", "span", "center", "font",
];
const WRAPPER_DEPTH: usize = 4;
/// The most elements looked at while looking for the table: the search costs no more on a large
/// page of content.
const LOOK_AT: usize = 256;

/// The first `<table>` among the target's children, else inside its wrappers, breadth first.
fn find_table(target: &Element) -> Option<Element> {
    let html = |e: &Element| e.namespace_uri().as_deref() == Some(HTML);
    let mut level = vec![target.clone()];
    let mut looked = 0;
    for _ in 0..=WRAPPER_DEPTH {
        let mut next = Vec::new();
        for parent in &level {
            let mut child = parent.first_element_child();
            while let Some(e) = child {
                looked += 1;
                if looked > LOOK_AT {
                    return None;
                }
                // By name: a table made by another window (an iframe's) fails `instanceof`.
                let name = e.local_name();
                if name == "table" && html(&e) {
                    return Some(e);
                }
                if WRAPPERS.contains(&name.as_str()) && html(&e) {
                    next.push(e.clone());
                }
                child = e.next_element_sibling();
            }
        }
        if next.is_empty() {
            return None;
        }
        level = next;
    }
    None
}

/// The length of a JS string (UTF-16 units) without copying it.
fn js_length(value: &JsValue) -> usize {
    value
        .dyn_ref::<js_sys::JsString>()
        .map_or(0, |s| s.length() as usize)
}

/// An attribute of the table, refused unread when it is longer than any field may be.
fn attribute(table: &Element, name: &str) -> Result<String, DatasetError> {
    let get = js_sys::Reflect::get(table, &"getAttribute".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    let value = get
        .and_then(|f| f.call1(table, &name.into()).ok())
        .unwrap_or(JsValue::NULL);
    if js_length(&value) > MAX_FIELD_CHARS {
        return Err(DatasetError::field(name, StringKey::errTooLong).num("limit", MAX_FIELD_CHARS));
    }
    Ok(value.as_string().unwrap_or_default())
}

fn read_table(table: &HtmlTableElement) -> Result<PageTable, DatasetError> {
    let text = js_sys::Reflect::get(table, &"textContent".into()).unwrap_or(JsValue::NULL);
    dataset::check_text_length(js_length(&text))?;
    drop(text);
    let rows = table.rows();
    dataset::check_row_count(rows.length() as usize)?;
    let mut read = Vec::with_capacity(rows.length() as usize);
    for r in 0..rows.length() {
        let Some(row) = rows.item(r) else { continue };
        let cells = row.unchecked_ref::<HtmlTableRowElement>().cells();
        dataset::check_cell_count(r as usize + 1, cells.length() as usize)?;
        let mut list = Vec::with_capacity(cells.length() as usize);
        for c in 0..cells.length() {
            let Some(cell) = cells.item(c) else { continue };
            let cell: &HtmlTableCellElement = cell.unchecked_ref();
            list.push(PageCell {
                text: cell.text_content().unwrap_or_default(),
                colspan: cell.col_span(),
                rowspan: cell.row_span(),
            });
        }
        read.push(list);
    }
    let caption = table
        .caption()
        .and_then(|c| c.text_content())
        .unwrap_or_default();
    Ok(PageTable {
        caption,
        as_of: attribute(table, "data-as-of")?,
        source: attribute(table, "data-source")?,
        source_url: attribute(table, "data-source-url")?,
        rows: read,
    })
}
