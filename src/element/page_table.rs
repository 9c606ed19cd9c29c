//! A page's own `<table>` inside the element (a child of it in the light DOM): read with
//! `textContent` only, never as HTML. The whole text's length, the number of rows and each row's
//! number of cells are checked before any text is copied into wasm memory. The cells become a
//! dataset in the dataset reader (`src/reader.rs`), unless they are the embedded matrix as
//! `scripts/seed-table.mjs` writes it (`PageTable::is_seed_table`).

use crate::dataset::{self, DatasetError, PageCell, PageTable, MAX_FIELD_CHARS};
use crate::i18n::StringKey;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, HtmlTableCellElement, HtmlTableElement, HtmlTableRowElement};

/// The target's first child `<table>` as read, with the page's address (its source when it
/// names none), or why it cannot be used; `None` without one.
pub(super) fn read(target: &Element) -> Option<Result<(PageTable, String), DatasetError>> {
    let children = target.children();
    let table = (0..children.length())
        .filter_map(|i| children.item(i))
        // By name: a table made by another window (an iframe's) fails `instanceof`.
        .find(|e| e.local_name() == "table" && e.namespace_uri().as_deref() == Some(HTML))?;
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
