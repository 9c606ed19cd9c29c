//! Markdown pipe tables, like the seed's.

use super::table::{from_table, ImportMeta, TableRow, Unit};
use super::validate::check_size;
use super::{Dataset, DatasetError};
use crate::i18n::StringKey;

/// Parses the first pipe table in a Markdown text. Text before and after the table is ignored;
/// leading and trailing pipes are optional; tabs and ragged spacing are fine.
pub fn from_markdown(text: &str, meta: &ImportMeta) -> Result<Dataset, DatasetError> {
    check_size(text)?;
    let text = text.trim_start_matches('\u{feff}');
    let lines: Vec<&str> = text.lines().collect();
    let mut start = None;
    for i in 0..lines.len().saturating_sub(1) {
        if lines[i].contains('|') && is_alignment_row(lines[i + 1]) {
            start = Some(i);
            break;
        }
    }
    let Some(start) = start else {
        return Err(DatasetError::input(StringKey::errNoMarkdownTable));
    };
    let header = TableRow {
        line: start + 1,
        cells: split_pipe_row(lines[start]),
    };
    let mut rows = Vec::new();
    for (i, line) in lines.iter().enumerate().skip(start + 2) {
        if line.trim().is_empty() || !line.contains('|') {
            break;
        }
        rows.push(TableRow {
            line: i + 1,
            cells: split_pipe_row(line),
        });
    }
    from_table(header, rows, meta, Unit::Line)
}

fn is_alignment_row(line: &str) -> bool {
    let cells = split_pipe_row(line);
    !cells.is_empty()
        && cells.iter().all(|c| {
            let c = c.trim();
            let inner = c.trim_start_matches(':').trim_end_matches(':');
            !inner.is_empty() && inner.chars().all(|ch| ch == '-')
        })
}

fn split_pipe_row(line: &str) -> Vec<String> {
    let mut t = line.trim();
    if let Some(rest) = t.strip_prefix('|') {
        t = rest;
    }
    if t.ends_with('|') && !t.ends_with("\\|") {
        t = &t[..t.len() - 1];
    }
    let mut cells = Vec::new();
    let mut cur = String::new();
    let mut chars = t.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if matches!(chars.peek(), Some('|' | '[' | ']')) => {
                cur.extend(chars.next());
            }
            '|' => cells.push(decode_entities(std::mem::take(&mut cur).trim())),
            _ => cur.push(c),
        }
    }
    cells.push(decode_entities(cur.trim()));
    cells
}

/// The few HTML entities people (and our Markdown export) use in table cells.
fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::table::seed_meta;
    #[test]
    fn markdown_seed_imports_with_ids_and_labels() {
        let md = include_str!("../../../tests/fixtures/seed-compliance.md");
        let ds = from_markdown(md, &seed_meta()).unwrap();
        assert_eq!(ds.programs.len(), 20);
        let embedded = Dataset::embedded();
        let ids: Vec<&str> = ds.programs.iter().map(|p| p.id.as_str()).collect();
        let expected: Vec<&str> = embedded.programs.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(ids, expected);
        for (a, b) in ds.programs.iter().zip(&embedded.programs) {
            assert_eq!(a.cells, b.cells, "{}", a.id);
        }
        // The typo maps to the canonical program and stays findable.
        let h = &ds.programs[19];
        assert_eq!(h.name, "HITRUST CSF");
        assert!(h.aliases.iter().any(|a| a == "HITRUSST CSF"));
    }

    #[test]
    fn markdown_without_outer_pipes_and_ragged_spacing() {
        let md = "Intro text.\n\nProgram\t|  Amazon ECS |AWS Fargate\n:--- | :-: | ---:\nPCI DSS Level 1 | yes |\t0  \nNew Thing|✓|JAB Review\n\nAfter.";
        let ds = from_markdown(md, &seed_meta()).unwrap();
        assert_eq!(
            ds.services
                .iter()
                .map(|s| s.id.as_str())
                .collect::<Vec<_>>(),
            ["ecs", "fargate"]
        );
        assert_eq!(ds.programs[0].id, "pci-dss-level-1");
        assert_eq!(ds.programs[1].id, "new-thing");
        assert_eq!(ds.programs[1].cells[1].label.as_deref(), Some("JAB Review"));
    }

    #[test]
    fn markdown_ragged_row_names_line_and_column() {
        let md =
            "| P | Amazon ECS | Amazon EKS |\n|---|---|---|\n| SOC I | 1 | 1 |\n| SOC II | 1 |\n";
        let e = from_markdown(md, &seed_meta()).unwrap_err();
        assert_eq!(e.location(), "line 4, column 3");
        assert!(e.message().contains("2 cells, the header has 3"), "{e}");
    }

    #[test]
    fn markdown_duplicate_program_by_alias() {
        let md = "| P | Amazon ECS |\n|---|---|\n| HITRUST CSF | 1 |\n| HITRUSST CSF | 0 |\n";
        let e = from_markdown(md, &seed_meta()).unwrap_err();
        assert_eq!(e.location(), "line 4, column 1");
        assert!(e.message().contains("duplicate program"), "{e}");
    }
}
