//! What a table's cells say: check marks (and "Yes") for in scope, a blank that means "not in
//! scope" in a table of marks that never says "no" and "not stated" elsewhere, and a footnote
//! mark after a word (`✓*`) that leaves the word.

use super::services::strip_footnote_marks;
use crate::dataset::{Cell, Status};

/// Whether a cell is a check mark (or "Yes"): a table of them leaves out what is not in scope.
fn is_mark(text: &str) -> bool {
    let t = strip_footnote_marks(text).trim_end_matches(['\u{fe0e}', '\u{fe0f}']);
    matches!(t, "✓" | "✔" | "✅" | "☑") || t.eq_ignore_ascii_case("yes")
}

/// A table that marks what is in scope and never writes what is not: there a blank cell is
/// "not in scope". Elsewhere a blank says nothing.
pub(super) fn blank_status(texts: &[Vec<&str>]) -> Status {
    let mut marks = false;
    for t in texts.iter().flatten() {
        if is_mark(t) {
            marks = true;
        } else if Cell::from_text(t).status == Status::NotInScope {
            return Status::Unknown;
        }
    }
    if marks {
        Status::NotInScope
    } else {
        Status::Unknown
    }
}

/// A cell's status; a footnote mark after a vocabulary word (`✓*`) leaves the word.
pub(super) fn cell_of(text: &str, blank: Status) -> Cell {
    let t = text.trim();
    let stripped = strip_footnote_marks(t);
    if stripped.is_empty() {
        return Cell::of(blank);
    }
    let cell = Cell::from_text(t);
    if cell.status == Status::InProgress && stripped.len() != t.len() {
        let word = Cell::from_text(stripped);
        if word.status != Status::InProgress {
            return word;
        }
    }
    cell
}
