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

const DARK: &str = include_str!("../src/style-dark.css");

/// The stylesheets without their comments.
fn code_of(css: &str) -> String {
    let mut out = String::new();
    let mut rest = css;
    while let Some(start) = rest.find("/*") {
        out.push_str(&rest[..start]);
        let end = rest[start..].find("*/").expect("a comment ends") + start + 2;
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// A right-to-left page (`dir="rtl"` on an ancestor; direction inherits into the shadow root)
/// mirrors the widget because no rule names a physical side: margins, paddings, borders, insets,
/// alignment and corners are logical (`margin-inline-start`, `inset-inline-start`, `start`).
#[test]
fn the_stylesheets_name_no_left_or_right_side() {
    for (name, css) in [("style.css", STYLE), ("style-dark.css", DARK)] {
        let code = code_of(css);
        for side in ["left", "right"] {
            assert!(
                !code.contains(side),
                "src/{name} names `{side}`: use the logical property (…-inline-start/end, start/end)"
            );
        }
        // Shorthands whose four values run top, right, bottom, left: right and left must agree.
        for decl in code.split(['{', '}', ';']) {
            let Some((prop, value)) = decl.split_once(':') else {
                continue;
            };
            let prop = prop.trim();
            let values: Vec<&str> = value.split_whitespace().collect();
            let sided = [
                "margin",
                "padding",
                "inset",
                "border-width",
                "border-style",
                "border-color",
                "scroll-margin",
                "scroll-padding",
            ];
            if sided.contains(&prop) && values.len() == 4 {
                assert_eq!(
                    values[1],
                    values[3],
                    "src/{name}: `{}` differs right and left",
                    decl.trim()
                );
            }
            if prop == "border-radius" {
                assert_eq!(
                    values.len(),
                    1,
                    "src/{name}: `{}` rounds physical corners",
                    decl.trim()
                );
            }
        }
    }
}

/// Every Rust source of the widget and the core, as one text.
fn sources() -> String {
    fn walk(dir: &std::path::Path, out: &mut String) {
        for entry in std::fs::read_dir(dir).expect("a source folder") {
            let path = entry.expect("an entry").path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push_str(&std::fs::read_to_string(&path).expect("a source file"));
            }
        }
    }
    let mut out = String::new();
    for dir in ["src", "core/src"] {
        walk(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(dir),
            &mut out,
        );
    }
    out
}

/// A rule for a class nothing writes is bytes in every download for nothing: each `.cm-*` class
/// of the stylesheets is in the code, whole or as the prefix a `format!` completes
/// (`cm-owner-{}`).
#[test]
fn every_class_the_stylesheets_style_is_one_the_code_writes() {
    let code = sources();
    let prefixes: Vec<&str> = code
        .match_indices("\"cm-")
        .filter_map(|(i, _)| code[i + 1..].split('"').next())
        .filter_map(|s| s.split_once("{}").map(|(p, _)| p))
        .collect();
    let mut unused = Vec::new();
    for css in [STYLE, DARK] {
        let css = code_of(css);
        for (i, _) in css.match_indices(".cm-") {
            let class: String = css[i + 1..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
                .collect();
            let written = code.contains(&format!("\"{class}\""))
                || code.contains(&format!("\"{class} "))
                || code.contains(&format!(" {class}\""))
                || code.contains(&format!(" {class} "))
                || prefixes.iter().any(|p| class.starts_with(p));
            if !written && !unused.contains(&class) {
                unused.push(class);
            }
        }
    }
    assert!(unused.is_empty(), "styled but never written: {unused:?}");
}
