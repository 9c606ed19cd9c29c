//! Which rows and columns of a long list are in the DOM, and the scroller that decides when a
//! scroll or resize changes them. Pure: the widget measures the scroll box ([`ScrollBox`]) and
//! renders the windows this module computes.

/// Which rows of a long list to put in the DOM: `(first, end)` (end exclusive) for rows of
/// `row_height` scrolled by `scroll_top` in a `viewport` of that height, with `overscan` extra rows
/// on each side. Everything else is represented by spacers of `first * row_height` above and
/// `(total - end) * row_height` below.
pub fn row_window(
    total: usize,
    row_height: f64,
    scroll_top: f64,
    viewport: f64,
    overscan: usize,
) -> (usize, usize) {
    if total == 0 || row_height <= 0.0 {
        return (0, 0);
    }
    let top = scroll_top.max(0.0);
    let first_visible = ((top / row_height).floor() as usize).min(total - 1);
    let visible = ((viewport.max(row_height) / row_height).ceil() as usize).max(1);
    let first = first_visible.saturating_sub(overscan);
    let end = (first_visible + visible + overscan).min(total);
    (first, end)
}

/// Which of `total` columns, each `column_width` px wide, to put in the DOM: `(first, end)` (end
/// exclusive) for a scroll box `viewport` px wide scrolled sideways by `scroll_left` from its
/// start (the left edge, the right edge right to left), whose columns start `lead` px from that
/// edge of its content (the row headers before them), with `overscan` extra columns on each side.
/// The columns left out are spanned by spacer cells.
pub fn column_window(
    total: usize,
    column_width: f64,
    lead: f64,
    scroll_left: f64,
    viewport: f64,
    overscan: usize,
) -> (usize, usize) {
    row_window(total, column_width, scroll_left - lead, viewport, overscan)
}

/// Where a table's scroll box is scrolled and how wide its columns are, as the widget read it
/// from the laid-out DOM.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ScrollBox {
    pub top: f64,
    pub height: f64,
    /// How far the box is scrolled sideways from its start (the right edge, right to left).
    pub left: f64,
    pub width: f64,
    /// Width of the first header cell (the row headers' column).
    pub lead: f64,
    /// Width of the first service header cell (0: none in the DOM).
    pub column: f64,
}

/// Above this many rows only the rows in view are rendered.
pub const WINDOW_THRESHOLD: usize = 150;
/// Above this many cells (rows × the shown services and the program and coverage columns) a list
/// is windowed too, however few its rows: 133 rows of 40 services (a filter of 2,000) rendered
/// whole took 350 ms against 41 ms for the windowed vanilla table (bench, 2026-12-06).
pub const WINDOW_CELLS: usize = 1_000;

/// Whether a list of `rows` rows × `services` shown services renders only what is in view: long
/// lists, and wide ones past [`WINDOW_CELLS`] (150 rows of 4 services, 900 cells, are not).
pub fn is_long(rows: usize, services: usize) -> bool {
    rows > WINDOW_THRESHOLD || rows.saturating_mul(services + 2) > WINDOW_CELLS
}
/// Row height in windowed mode (CSS `.cm-windowed tbody tr` keeps rows to it).
pub const ROW_HEIGHT: f64 = 44.0;
/// Rows rendered beyond the viewport on each side: 6 × 44 px = 264 px, more than a wheel step,
/// about what the benchmark's windowed vanilla table keeps (8 × 32 px). Every row more is style,
/// layout and diff work on each filter and sort.
const OVERSCAN: usize = 6;
/// Above this many shown services a windowed list renders only the service columns in view.
const COLUMN_WINDOW_THRESHOLD: usize = 12;
/// Service columns rendered beyond the scroll box on each side.
const COLUMN_OVERSCAN: usize = 1;
/// The widget's font size unless the page sets `--cm-font-size` (src/style.css), in px: long
/// lists size their columns in em (`.cm-long .cm-colw-*`).
const DEFAULT_FONT_PX: f64 = 15.0;
/// Room taken by the caption and header above the first row.
const HEADER_ALLOWANCE: f64 = 90.0;

/// The most cells a print renders: beyond it the print shows the window in view and a note (a
/// 2,000 × 100 matrix printed whole is 204,000 cells and blocks the page for seconds).
pub const PRINT_CELL_LIMIT: usize = 40_000;

/// Whether printing renders every row and column of `rows` × `services` (the program and
/// coverage columns counted too), or only the window with a note.
pub fn prints_everything(rows: usize, services: usize) -> bool {
    rows.saturating_mul(services + 2) <= PRINT_CELL_LIMIT
}

/// The cells one printing of the page may render whole, shared by its widgets in turn: the
/// limit is the page's, not each widget's (four long lists under the limit each would print
/// four times its work).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PrintBudget {
    left: usize,
}

impl Default for PrintBudget {
    fn default() -> PrintBudget {
        PrintBudget {
            left: PRINT_CELL_LIMIT,
        }
    }
}

impl PrintBudget {
    /// Whether `rows` × `services` print whole (their cells are then taken from the budget).
    pub fn claim(&mut self, rows: usize, services: usize) -> bool {
        let cells = rows.saturating_mul(services + 2);
        if cells > self.left {
            return false;
        }
        self.left -= cells;
        true
    }
}

/// A row window and a column window, each `(first, end)`.
pub type Windows = ((usize, usize), (usize, usize));

/// The table's scroll state: what is rendered, and what a new measurement would render.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Scroller {
    pub total: usize,
    pub services: usize,
    pub windowed: bool,
    /// The browser window's size, for the first window before anything is laid out.
    pub viewport: (f64, f64),
    /// The scroll box as last laid out (none before the first scroll or resize callback).
    pub measured: Option<ScrollBox>,
    /// The windows of the last render.
    pub rendered: Windows,
}

impl Scroller {
    /// Sets what the next render shows and returns the windows it renders.
    pub fn render(&mut self, total: usize, services: usize, windowed: bool) -> Windows {
        self.total = total;
        self.services = services;
        self.windowed = windowed;
        self.rendered = self.windows();
        self.rendered
    }

    /// Takes a new measurement of the scroll box; returns whether the table must render again.
    /// After a resize (`grow_only`) the window only grows: the first layout then never renders
    /// twice to drop rows or columns.
    pub fn measure(&mut self, b: ScrollBox, grow_only: bool) -> bool {
        if !self.windowed {
            return false;
        }
        self.measured = Some(b);
        let next = self.windows();
        let (old_rows, old_cols) = self.rendered;
        if grow_only {
            let outside =
                |(x, y): (usize, usize), (a, b): (usize, usize)| x < y && (x < a || y > b);
            outside(next.0, old_rows) || outside(next.1, old_cols)
        } else {
            next != self.rendered
        }
    }

    /// The rows and service columns to render.
    pub fn windows(&self) -> Windows {
        if !self.windowed {
            return ((0, self.total), (0, self.services));
        }
        // Before anything is laid out, the stylesheet's defaults: the top of the list, a box of
        // `max-height: 80vh` as wide as the window, columns of 17em and 11em at 15px. Where the
        // page makes them otherwise, the first resize callback (after the first layout, before
        // the first paint) measures the box and renders the rows or columns missing.
        let b = self.measured.unwrap_or(ScrollBox {
            top: 0.0,
            height: 0.8 * self.viewport.1,
            left: 0.0,
            width: self.viewport.0,
            lead: 17.0 * DEFAULT_FONT_PX,
            column: 11.0 * DEFAULT_FONT_PX,
        });
        // The caption and header sit above the rows inside the scroll box.
        let rows = row_window(
            self.total,
            ROW_HEIGHT,
            (b.top - HEADER_ALLOWANCE).max(0.0),
            b.height,
            OVERSCAN,
        );
        let cols = if self.services > COLUMN_WINDOW_THRESHOLD && b.width > 0.0 {
            let column = if b.column > 0.0 {
                b.column
            } else {
                11.0 * DEFAULT_FONT_PX
            };
            column_window(
                self.services,
                column,
                b.lead,
                b.left,
                b.width,
                COLUMN_OVERSCAN,
            )
        } else {
            (0, self.services)
        };
        (rows, cols)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_window_covers_the_columns_in_view_after_the_row_headers() {
        // 40 columns of 154 px after a 238 px program column, in a 1,250 px box.
        // Not scrolled: columns 0..=5 are (partly) in view. The window is wider: it counts the
        // whole box as columns (ceil(1,250 / 154) = 9, the program column's width included) and
        // adds one column of overscan.
        assert_eq!(column_window(40, 154.0, 238.0, 0.0, 1250.0, 1), (0, 10));
        // Scrolled by 1,000 px: the box shows 1,000..2,250, columns from (1,000 − 238) / 154 = 4.9.
        let (a, b) = column_window(40, 154.0, 238.0, 1000.0, 1250.0, 1);
        assert_eq!((a, b), (3, 14));
        for k in 0..40 {
            let (left, right) = (238.0 + 154.0 * k as f64, 238.0 + 154.0 * (k + 1) as f64);
            if right > 1000.0 && left < 2250.0 {
                assert!((a..b).contains(&k), "column {k} is in view but left out");
            }
        }
        // At the far right the window ends at the last column.
        assert_eq!(column_window(40, 154.0, 238.0, 1e9, 1250.0, 1).1, 40);
        assert_eq!(column_window(0, 154.0, 238.0, 0.0, 1250.0, 1), (0, 0));
    }

    #[test]
    fn long_or_wide_lists_are_windowed() {
        // The seed, and 150 rows of 4 services: whole.
        assert!(!is_long(20, 4));
        assert!(!is_long(WINDOW_THRESHOLD, 4));
        // 151 rows, whatever the columns.
        assert!(is_long(WINDOW_THRESHOLD + 1, 1));
        // A filter of a 40-service list to 133 rows: 5,586 cells.
        assert!(is_long(133, 40));
        // 23 rows of 40 services (966 cells) are whole; 24 (1,008) are not.
        assert!(!is_long(23, 40));
        assert!(is_long(24, 40));
        assert!(!is_long(0, 100));
    }

    #[test]
    fn row_window_covers_the_viewport_with_overscan_and_clamps() {
        // 2,000 rows of 44 px; 440 px viewport scrolled to row 100.
        assert_eq!(row_window(2000, 44.0, 4400.0, 440.0, 10), (90, 120));
        assert_eq!(row_window(2000, 44.0, 0.0, 440.0, 10), (0, 20));
        // Scrolled past the end (the list just shrank): the last rows.
        assert_eq!(row_window(30, 44.0, 1e9, 440.0, 5), (24, 30));
        assert_eq!(row_window(0, 44.0, 0.0, 440.0, 5), (0, 0));
        let (a, b) = row_window(2000, 44.0, 12345.0, 700.0, 8);
        assert!(a as f64 * 44.0 <= 12345.0 && b as f64 * 44.0 >= 12345.0 + 700.0);
    }

    fn scroller(total: usize, services: usize) -> Scroller {
        let mut s = Scroller {
            viewport: (1200.0, 1000.0),
            ..Scroller::default()
        };
        s.render(total, services, total > WINDOW_THRESHOLD);
        s
    }

    fn scrolled(top: f64, left: f64) -> ScrollBox {
        ScrollBox {
            top,
            height: 800.0,
            left,
            width: 1200.0,
            lead: 255.0,
            column: 165.0,
        }
    }

    #[test]
    fn a_short_list_renders_everything_and_ignores_scrolling() {
        let mut s = scroller(20, 4);
        assert_eq!(s.rendered, ((0, 20), (0, 4)));
        assert!(!s.measure(scrolled(500.0, 0.0), false));
    }

    #[test]
    fn the_first_window_of_a_long_list_comes_from_the_viewport() {
        let s = scroller(2_000, 40);
        // 80 % of a 1000 px window: 800 px / 44 px rows → 19 rows + 6 overscan below.
        assert_eq!(s.rendered.0, (0, 25));
        // A box 1200 px wide holds 8 columns of 165 px (the row headers counted as columns), +1
        // overscan.
        assert_eq!(s.rendered.1, (0, 9));
    }

    #[test]
    fn scrolling_renders_again_only_when_the_window_moves() {
        let mut s = scroller(2_000, 40);
        assert!(
            !s.measure(scrolled(10.0, 0.0), false),
            "a few pixels keep the window"
        );
        assert!(
            s.measure(scrolled(4_000.0, 0.0), false),
            "a long scroll moves it"
        );
        let moved = s.windows();
        s.render(2_000, 40, true);
        assert_eq!(s.rendered, moved);
        assert!(s.rendered.0 .0 > 0);
        assert!(s.measure(scrolled(4_000.0, 3_000.0), false), "sideways too");
    }

    #[test]
    fn a_resize_only_grows_the_window() {
        let mut s = scroller(2_000, 40);
        let smaller = ScrollBox {
            height: 300.0,
            width: 600.0,
            ..scrolled(0.0, 0.0)
        };
        assert!(
            !s.measure(smaller, true),
            "a smaller box does not drop rows"
        );
        let taller = ScrollBox {
            height: 2_000.0,
            ..scrolled(0.0, 0.0)
        };
        assert!(s.measure(taller, true), "a taller box adds rows");
    }

    #[test]
    fn printing_is_bounded() {
        assert!(prints_everything(1_000, 4));
        assert!(prints_everything(300, 40));
        assert!(!prints_everything(2_000, 100));
        assert!(!prints_everything(20_000, 100));
        assert!(!prints_everything(usize::MAX, 100));
    }

    #[test]
    fn printing_renders_every_row_and_column() {
        let mut s = scroller(2_000, 40);
        assert_eq!(s.render(2_000, 40, false), ((0, 2_000), (0, 40)));
    }

    #[test]
    fn the_print_budget_is_shared_in_turn() {
        let mut b = PrintBudget::default();
        assert!(b.claim(9_900, 2));
        assert!(!b.claim(9_900, 2), "a second long list prints its window");
        assert!(b.claim(100, 2), "a small one still fits");
        assert!(!PrintBudget::default().claim(usize::MAX, 2));
    }
}
