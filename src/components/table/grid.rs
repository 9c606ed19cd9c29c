//! Between the grid's cells (`crate::grid::GridCell`: row 0 the header, column 0 the program) and
//! the table's DOM cells, through the table's own row and cell indices: the rows and columns a
//! long list leaves out are spacers, whose places this knows.

use crate::grid::GridCell;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, HtmlTableCellElement, HtmlTableElement, HtmlTableRowElement};

/// Which rows and columns of the grid are in the DOM.
#[derive(Clone, Copy, PartialEq)]
pub struct Rendered {
    /// Body rows `first..end` (0-based positions in the visible list).
    pub first: usize,
    pub end: usize,
    /// Service columns `col_first..col_end` of `services`.
    pub col_first: usize,
    pub col_end: usize,
    pub services: usize,
    /// The coverage column is shown.
    pub coverage: bool,
}

impl Rendered {
    /// The grid cell of a DOM cell (its row's `rowIndex`, its `cellIndex`).
    fn cell(&self, row_index: usize, cell_index: usize) -> GridCell {
        if row_index == 0 {
            return GridCell {
                row: 0,
                col: cell_index,
            };
        }
        let row = self.first + row_index - usize::from(self.first > 0);
        let lead = 1 + usize::from(self.col_first > 0);
        let col = match cell_index {
            0 => 0,
            i if i >= lead && i - lead < self.col_end - self.col_first => {
                self.col_first + i - lead + 1
            }
            _ => self.services + 1,
        };
        GridCell { row, col }
    }

    /// The DOM place (`rowIndex`, `cellIndex`) of a grid cell, when it is rendered.
    fn place(&self, at: GridCell) -> Option<(usize, usize)> {
        if at.row == 0 {
            return Some((0, at.col));
        }
        let pos = at.row - 1;
        if !(self.first..self.end).contains(&pos) {
            return None;
        }
        let row_index = 1 + usize::from(self.first > 0) + pos - self.first;
        let lead = 1 + usize::from(self.col_first > 0);
        let cell_index = match at.col {
            0 => 0,
            c if c <= self.services => {
                let k = c - 1;
                if !(self.col_first..self.col_end).contains(&k) {
                    return None;
                }
                lead + k - self.col_first
            }
            _ if self.coverage && self.col_end == self.services => {
                lead + self.col_end - self.col_first
            }
            _ => return None,
        };
        Some((row_index, cell_index))
    }
}

/// The grid cell an event happened in.
pub fn cell_of(e: &web_sys::Event, r: &Rendered) -> Option<GridCell> {
    let target: web_sys::Element = e.target()?.dyn_into().ok()?;
    let cell: HtmlTableCellElement = target.closest("th, td").ok()??.dyn_into().ok()?;
    let row: HtmlTableRowElement = cell.parent_element()?.dyn_into().ok()?;
    Some(r.cell(
        usize::try_from(row.row_index()).ok()?,
        usize::try_from(cell.cell_index()).ok()?,
    ))
}

/// The element that takes focus for a grid cell: a header's sort button, or the body cell;
/// `None` when it is not rendered.
pub fn element(table: &HtmlTableElement, r: &Rendered, at: GridCell) -> Option<HtmlElement> {
    let (row, cell) = r.place(at)?;
    let row: HtmlTableRowElement = table.rows().item(row as u32)?.dyn_into().ok()?;
    let cell = row.cells().item(cell as u32)?;
    let focus = if at.row == 0 {
        cell.first_element_child()?
    } else {
        cell
    };
    focus.dyn_into().ok()
}
