//! The status symbols are drawn by the stylesheet (`::before` of a badge): each status has its
//! rule (for the badge, and for the plain cells of long lists), with the symbol of
//! `Status::symbol` and an empty alternative text.

use compliance_matrix::dataset::Status;

const STYLE: &str = include_str!("../src/style.css");

#[test]
fn every_status_has_its_symbol_in_the_stylesheet() {
    for s in Status::ALL {
        let (id, symbol) = (s.id(), s.symbol());
        let rule = format!(
            ".cm-badge.cm-{id}::before, .cm-plain.cm-{id}::before {{ content: \"{symbol}\" / \"\"; }}"
        );
        assert!(STYLE.contains(&rule), "src/style.css lacks `{rule}`");
    }
    assert_eq!(
        STYLE.matches("::before { content:").count(),
        Status::ALL.len(),
        "one symbol rule per status, no other"
    );
}
