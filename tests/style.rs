//! The status symbols are drawn by the stylesheet (`::before` of a badge): each status has its
//! rule (for the badge by its class, and for the plain cells of long lists by `data-status`), with the symbol of
//! `Status::symbol` and an empty alternative text.

use compliance_matrix::dataset::Status;

const STYLE: &str = include_str!("../src/style.css");

#[test]
fn every_status_has_its_symbol_in_the_stylesheet() {
    for s in Status::ALL {
        let (id, symbol) = (s.id(), s.symbol());
        let rule = format!(
            ".cm-badge.cm-{id}::before, .cm-plain[data-status={id}]::before {{ content: \"{symbol}\" / \"\"; }}"
        );
        assert!(STYLE.contains(&rule), "src/style.css lacks `{rule}`");
        // A long list's plain cell is coloured by its `data-status`, like a badge by its class.
        let colour = format!(".cm-{id}, .cm-plain[data-status={id}] {{ background:");
        assert!(STYLE.contains(&colour), "src/style.css lacks `{colour}`");
    }
    assert_eq!(
        STYLE.matches("::before { content:").count(),
        Status::ALL.len(),
        "one symbol rule per status, no other"
    );
}
