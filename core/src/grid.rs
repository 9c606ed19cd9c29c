//! The table as a data grid (WAI-ARIA APG): one cell holds the table's single tab stop, and the
//! arrow keys, Home/End, Ctrl+Home/End and Page Up/Down move it. Pure: the widget maps a key
//! event to a [`Move`] and the cursor to a DOM cell.

/// A cell of the grid: `row` 0 is the header row, 1… the body rows in display order; `col` 0 is
/// the program column, then the shown services, then coverage.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct GridCell {
    pub row: usize,
    pub col: usize,
}

/// Where a key moves the cursor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Move {
    Up,
    Down,
    /// Towards the first column (leftwards, or rightwards on a right-to-left page).
    Back,
    /// Towards the last column.
    On,
    RowStart,
    RowEnd,
    GridStart,
    GridEnd,
    PageUp,
    PageDown,
}

impl Move {
    /// The move a key stands for (`ctrl`: Ctrl or Cmd held); the horizontal arrows follow the
    /// reading direction, as the columns do.
    pub fn from_key(key: &str, ctrl: bool, rtl: bool) -> Option<Move> {
        let (back, on) = if rtl {
            ("ArrowRight", "ArrowLeft")
        } else {
            ("ArrowLeft", "ArrowRight")
        };
        Some(match key {
            "ArrowUp" => Move::Up,
            "ArrowDown" => Move::Down,
            k if k == back => Move::Back,
            k if k == on => Move::On,
            "Home" if ctrl => Move::GridStart,
            "End" if ctrl => Move::GridEnd,
            "Home" => Move::RowStart,
            "End" => Move::RowEnd,
            "PageUp" => Move::PageUp,
            "PageDown" => Move::PageDown,
            _ => return None,
        })
    }
}

/// Rows that Page Up and Page Down move by.
pub const PAGE_ROWS: usize = 10;

impl GridCell {
    /// The first status cell of the first row: where the tab stop starts (the cell a user
    /// most likely asks about), or the header's first cell when there is no body row.
    pub fn start(rows: usize, cols: usize) -> GridCell {
        GridCell {
            row: usize::from(rows > 1),
            col: usize::from(rows > 1 && cols > 1),
        }
    }

    /// This cell kept inside a grid of `rows` × `cols` (including the header row), as after a
    /// filter removed rows or a column was hidden.
    pub fn clamp(self, rows: usize, cols: usize) -> GridCell {
        GridCell {
            row: self.row.min(rows.saturating_sub(1)),
            col: self.col.min(cols.saturating_sub(1)),
        }
    }

    /// The cell a move leads to; moves stop at the edges (no wrapping to the next row).
    pub fn step(self, m: Move, rows: usize, cols: usize) -> GridCell {
        let (last_row, last_col) = (rows.saturating_sub(1), cols.saturating_sub(1));
        let c = self.clamp(rows, cols);
        let (row, col) = match m {
            Move::Up => (c.row.saturating_sub(1), c.col),
            Move::Down => ((c.row + 1).min(last_row), c.col),
            Move::Back => (c.row, c.col.saturating_sub(1)),
            Move::On => (c.row, (c.col + 1).min(last_col)),
            Move::RowStart => (c.row, 0),
            Move::RowEnd => (c.row, last_col),
            Move::GridStart => (0, 0),
            Move::GridEnd => (last_row, last_col),
            // Paging stays in the body: the header is one Up away from its first row.
            Move::PageUp => (c.row.saturating_sub(PAGE_ROWS).max(1.min(c.row)), c.col),
            Move::PageDown => ((c.row + PAGE_ROWS).min(last_row), c.col),
        };
        GridCell { row, col }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(row: usize, col: usize) -> GridCell {
        GridCell { row, col }
    }

    #[test]
    fn the_tab_stop_starts_on_the_first_status_cell() {
        assert_eq!(GridCell::start(21, 6), at(1, 1));
        // No rows: the header's first cell (the program column's sort button).
        assert_eq!(GridCell::start(1, 6), at(0, 0));
    }

    #[test]
    fn arrows_move_one_cell_and_stop_at_the_edges() {
        let (rows, cols) = (21, 6);
        assert_eq!(at(1, 1).step(Move::Down, rows, cols), at(2, 1));
        assert_eq!(at(1, 1).step(Move::Up, rows, cols), at(0, 1));
        assert_eq!(at(0, 1).step(Move::Up, rows, cols), at(0, 1));
        assert_eq!(at(20, 5).step(Move::Down, rows, cols), at(20, 5));
        assert_eq!(at(3, 5).step(Move::On, rows, cols), at(3, 5));
        assert_eq!(at(3, 0).step(Move::Back, rows, cols), at(3, 0));
        assert_eq!(at(3, 2).step(Move::Back, rows, cols), at(3, 1));
    }

    #[test]
    fn home_and_end_go_to_the_row_ends_and_with_ctrl_to_the_grid_corners() {
        let (rows, cols) = (21, 6);
        assert_eq!(at(4, 3).step(Move::RowStart, rows, cols), at(4, 0));
        assert_eq!(at(4, 3).step(Move::RowEnd, rows, cols), at(4, 5));
        assert_eq!(at(4, 3).step(Move::GridStart, rows, cols), at(0, 0));
        assert_eq!(at(4, 3).step(Move::GridEnd, rows, cols), at(20, 5));
    }

    #[test]
    fn paging_moves_ten_rows_within_the_body() {
        let (rows, cols) = (31, 6);
        assert_eq!(at(25, 2).step(Move::PageUp, rows, cols), at(15, 2));
        assert_eq!(at(5, 2).step(Move::PageUp, rows, cols), at(1, 2));
        assert_eq!(at(0, 2).step(Move::PageUp, rows, cols), at(0, 2));
        assert_eq!(at(25, 2).step(Move::PageDown, rows, cols), at(30, 2));
    }

    #[test]
    fn a_cursor_left_outside_a_smaller_grid_comes_back_in() {
        assert_eq!(at(18, 5).clamp(4, 3), at(3, 2));
        assert_eq!(at(18, 5).step(Move::Up, 4, 3), at(2, 2));
    }

    #[test]
    fn keys_map_to_moves_and_the_arrows_follow_the_reading_direction() {
        assert_eq!(Move::from_key("ArrowRight", false, false), Some(Move::On));
        assert_eq!(Move::from_key("ArrowRight", false, true), Some(Move::Back));
        assert_eq!(Move::from_key("Home", true, false), Some(Move::GridStart));
        assert_eq!(Move::from_key("End", false, false), Some(Move::RowEnd));
        assert_eq!(Move::from_key("Enter", false, false), None);
    }
}
