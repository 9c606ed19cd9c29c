//! The one rows → dataset step, shared by CSV, Markdown and an HTML table: header → services,
//! first cell → program, cells in the seed's vocabulary; errors name the row and column.

use super::{Cell, Dataset, DatasetError, Link, Program, Service, MAX_PROGRAMS};
use crate::text::{id_for, normalize_name};

#[derive(Clone, Debug, Default)]
pub struct ImportMeta {
    /// `YYYY-MM-DD`, if known.
    pub as_of: String,
    pub source: Link,
}

/// One row of a table as read, with its line number (1-based) for errors.
pub(crate) struct TableRow {
    pub(crate) line: usize,
    pub(crate) cells: Vec<String>,
}

/// Parses the first pipe table in a Markdown text. Text before and after the table is ignored;
/// Known service headers → ids. Headers not listed become new services.
const SERVICE_ALIASES: &[(&str, &[&str])] = &[
    (
        "ecs",
        &[
            "amazon ecs",
            "amazon ecs orchestrator",
            "ecs",
            "amazon elastic container service",
        ],
    ),
    (
        "eks",
        &[
            "amazon eks",
            "amazon eks orchestrator",
            "eks",
            "amazon elastic kubernetes service",
        ],
    ),
    (
        "fargate",
        &[
            "ecs fargate",
            "aws fargate",
            "fargate",
            "amazon ecs on aws fargate",
        ],
    ),
    (
        "ecr",
        &["amazon ecr", "ecr", "amazon elastic container registry"],
    ),
];

/// The service id a table header names.
pub fn service_id_for(header: &str) -> String {
    let n = header.trim().to_lowercase();
    let n = n.split_whitespace().collect::<Vec<_>>().join(" ");
    for (id, names) in SERVICE_ALIASES {
        if names.contains(&n.as_str()) {
            return (*id).to_string();
        }
    }
    id_for(header)
}

pub(crate) fn from_table(
    header: TableRow,
    rows: Vec<TableRow>,
    meta: &ImportMeta,
) -> Result<Dataset, DatasetError> {
    let known = Dataset::embedded();
    if header.cells.len() < 2 {
        return Err(DatasetError::line(
            header.line,
            1,
            "the header row needs a program column and at least one service column",
        ));
    }
    let first = header.cells[0].trim();
    if first.is_empty()
        || SERVICE_ALIASES
            .iter()
            .any(|(id, _)| *id == service_id_for(first))
    {
        return Err(DatasetError::line(
            header.line,
            1,
            format!(
                "no program column: the first header should name the programs (e.g. 'Compliance Program'), found '{}'",
                header.cells[0].trim()
            ),
        ));
    }
    let mut services: Vec<Service> = Vec::new();
    for (i, h) in header.cells.iter().enumerate().skip(1) {
        let name = h.trim();
        if name.is_empty() {
            return Err(DatasetError::line(
                header.line,
                i + 1,
                "empty service header",
            ));
        }
        let id = service_id_for(name);
        if id.is_empty() {
            return Err(DatasetError::line(
                header.line,
                i + 1,
                format!("the header '{name}' does not make an id"),
            ));
        }
        if services.iter().any(|s| s.id == id) {
            return Err(DatasetError::line(
                header.line,
                i + 1,
                format!("duplicate service column '{name}' (id '{id}')"),
            ));
        }
        let name = known
            .services
            .iter()
            .find(|s| s.id == id)
            .map(|s| s.name.clone())
            .unwrap_or_else(|| name.to_string());
        services.push(Service { id, name });
    }
    let mut programs: Vec<Program> = Vec::new();
    // id → row position, so duplicate checks stay linear on big tables.
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    if rows.len() > MAX_PROGRAMS {
        return Err(DatasetError::at(
            "programs",
            format!(
                "{} programs is more than the limit of {MAX_PROGRAMS}",
                rows.len()
            ),
        ));
    }
    for row in rows {
        if row.cells.len() != header.cells.len() {
            return Err(DatasetError::line(
                row.line,
                row.cells.len().min(header.cells.len()) + 1,
                format!(
                    "this row has {} cells, the header has {}",
                    row.cells.len(),
                    header.cells.len()
                ),
            ));
        }
        let name = row.cells[0].trim().to_string();
        if name.is_empty() {
            return Err(DatasetError::line(row.line, 1, "empty program name"));
        }
        let (id, canonical) = program_id_for(&known, &name);
        if let Some(prev) = seen.get(&id).map(|&i| &programs[i]) {
            return Err(DatasetError::line(
                row.line,
                1,
                format!("duplicate program '{name}' (same as '{}')", prev.name),
            ));
        }
        let mut aliases = Vec::new();
        let mut tags = Vec::new();
        let mut display = name.clone();
        if let Some(p) = canonical {
            tags = p.tags.clone();
            aliases = p.aliases.clone();
            if normalize_name(&p.name) != normalize_name(&name) {
                // Keep the table's own spelling findable, show the canonical name.
                if !aliases
                    .iter()
                    .any(|a| normalize_name(a) == normalize_name(&name))
                {
                    aliases.push(name.clone());
                }
                display = p.name.clone();
            }
        }
        seen.insert(id.clone(), programs.len());
        programs.push(Program {
            id,
            name: display,
            aliases,
            tags,
            note: None,
            url: None,
            cells: row.cells[1..].iter().map(|c| Cell::from_text(c)).collect(),
        });
    }
    if programs.is_empty() {
        return Err(DatasetError::line(
            header.line + 1,
            1,
            "the table has a header but no program rows",
        ));
    }
    let ds = Dataset {
        title: String::new(),
        as_of: meta.as_of.clone(),
        source: meta.source.clone(),
        latest: None,
        warning: None,
        tags_source: None,
        services,
        programs,
    };
    ds.validate()?;
    Ok(ds)
}

/// Maps a program name to the id of a known program (by normalised name or alias), or a new slug.
fn program_id_for<'a>(known: &'a Dataset, name: &str) -> (String, Option<&'a Program>) {
    let n = normalize_name(name);
    if let Some(p) = known.programs.iter().find(|p| normalize_name(&p.name) == n) {
        return (p.id.clone(), Some(p));
    }
    let by_alias: Vec<&Program> = known
        .programs
        .iter()
        .filter(|p| p.aliases.iter().any(|a| normalize_name(a) == n))
        .collect();
    if by_alias.len() == 1 {
        return (by_alias[0].id.clone(), Some(by_alias[0]));
    }
    (id_for(name), None)
}

#[cfg(test)]
pub(crate) fn seed_meta() -> ImportMeta {
    ImportMeta {
        as_of: "2020-04-21".into(),
        source: Link {
            title: "seed".into(),
            url: "https://example.com/".into(),
            note: None,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::from_csv;

    #[test]
    fn table_without_program_column_is_refused() {
        let e = from_csv("Amazon ECS,Amazon EKS\n1,1\n", &seed_meta()).unwrap_err();
        assert!(e.message.contains("no program column"), "{e}");
    }

    #[test]
    fn names_without_ascii_letters_get_distinct_ids() {
        let csv = "Программа,Amazon ECS,Сервис\n個人情報保護法,1,0\nΑΒΓ,1,1\nДЕЖ,0,1\nLey 個人,1,1\nLey 情報,1,1\n";
        let ds = from_csv(csv, &seed_meta()).unwrap();
        assert_eq!(ds.programs.len(), 5);
        assert!(ds.programs[0].id.starts_with("x-"));
        assert_ne!(ds.programs[1].id, ds.programs[2].id);
        assert!(ds.programs[3].id.starts_with("ley-"));
        assert_ne!(ds.programs[3].id, ds.programs[4].id);
        assert_eq!(ds.services[1].id.len(), 10);
        assert_eq!(id_for("SOC II"), "soc-ii");
        assert!(id_for("★ ☆").starts_with("x-"));
    }

    #[test]
    fn a_table_over_the_program_limit_is_refused_before_any_row_is_read() {
        let mut csv = String::from("P,Amazon ECS\n");
        for i in 0..(MAX_PROGRAMS + 5) {
            csv.push_str(&format!("p{i},1\n"));
        }
        let e = from_csv(&csv, &seed_meta()).unwrap_err();
        assert_eq!(e.location, "programs");
        assert_eq!(
            e.message,
            format!(
                "{} programs is more than the limit of 20000",
                MAX_PROGRAMS + 5
            )
        );
    }
}
