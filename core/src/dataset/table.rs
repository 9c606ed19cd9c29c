//! The one rows → dataset step, shared by CSV, Markdown and an HTML table: header → services,
//! first cell → program, cells in the seed's vocabulary; errors name the row and column.

use super::validate::too_many_programs;
use super::{Cell, Dataset, DatasetError, Link, Place, Program, Service, MAX_PROGRAMS};
use crate::i18n::K;
use crate::text::{id_for, normalize_name, Ids};
use std::collections::HashMap;

#[derive(Clone, Debug, Default)]
pub struct ImportMeta {
    /// `YYYY-MM-DD`, if known.
    pub as_of: String,
    pub source: Link,
}

/// What a table's row numbers count in errors: lines of a text (CSV, Markdown), or rows of an
/// HTML table (the header row is row 1).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Unit {
    Line,
    Row,
}

impl Unit {
    pub(crate) fn at(self, n: usize, column: usize, key: K) -> DatasetError {
        let place = match self {
            Unit::Line => Place::Line(n, Some(column)),
            Unit::Row => Place::Row(n, column),
        };
        DatasetError::new(place, key)
    }
}

/// One row of a table as read, with its line (or row) number, 1-based, for errors.
pub(crate) struct TableRow {
    pub(crate) line: usize,
    pub(crate) cells: Vec<String>,
}

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

/// The service id a table header names: a known service's id, or [`id_for`] of the header.
/// (In a table, a header whose id an earlier header already has gets `-2`, `-3`, …: see [`Ids`].)
pub fn service_id_for(header: &str) -> String {
    known_service_id(header).map_or_else(|| id_for(header), str::to_string)
}

/// The id of a known service a header names, by one of its spellings.
fn known_service_id(header: &str) -> Option<&'static str> {
    let n = header.trim().to_lowercase();
    let n = n.split_whitespace().collect::<Vec<_>>().join(" ");
    SERVICE_ALIASES
        .iter()
        .find(|(_, names)| names.contains(&n.as_str()))
        .map(|(id, _)| *id)
}

pub(crate) fn from_table(
    header: TableRow,
    rows: Vec<TableRow>,
    meta: &ImportMeta,
    unit: Unit,
) -> Result<Dataset, DatasetError> {
    let known = Dataset::embedded();
    if header.cells.len() < 2 {
        return Err(unit.at(header.line, 1, K::errHeaderShort));
    }
    let first = header.cells[0].trim();
    if first.is_empty()
        || SERVICE_ALIASES
            .iter()
            .any(|(id, _)| *id == service_id_for(first))
    {
        return Err(unit
            .at(header.line, 1, K::errNoProgramColumn)
            .with("value", first));
    }
    // Known services keep their ids; other headers get unique ids in column order. The same
    // header twice, or two spellings of one known service, is a duplicate column.
    let mut service_ids = Ids::new();
    for (id, _) in SERVICE_ALIASES {
        service_ids.reserve(id);
    }
    let mut services: Vec<Service> = Vec::new();
    let mut service_names: HashMap<&str, usize> = HashMap::new();
    for (i, h) in header.cells.iter().enumerate().skip(1) {
        let name = h.trim();
        if name.is_empty() {
            return Err(unit.at(header.line, i + 1, K::errEmptyServiceHeader));
        }
        let known_id = known_service_id(name);
        let prev = service_names
            .get(name)
            .copied()
            .or_else(|| known_id.and_then(|id| services.iter().position(|s| s.id == id)));
        if let Some(prev) = prev {
            return Err(unit
                .at(header.line, i + 1, K::errDuplicateService)
                .with("value", name)
                .with("id", services[prev].id.as_str())
                .with("column", (prev + 2).to_string()));
        }
        service_names.insert(name, services.len());
        let id = match known_id {
            Some(id) => id.to_string(),
            None => service_ids.next_for(name),
        };
        let name = known
            .services
            .iter()
            .find(|s| s.id == id)
            .map(|s| s.name.clone())
            .unwrap_or_else(|| name.to_string());
        services.push(Service { id, name });
    }
    if rows.len() > MAX_PROGRAMS {
        return Err(too_many_programs(rows.len()));
    }
    // First the rows' names and known programs, refusing a name seen before (the same after
    // trimming) and a second row of one known program; known programs keep their ids.
    let mut named: Vec<(&TableRow, &str, Option<&Program>)> = Vec::with_capacity(rows.len());
    // Name or known id → row position, so duplicate checks stay linear on big tables.
    let mut by_name: HashMap<&str, usize> = HashMap::new();
    let mut by_known: HashMap<&str, usize> = HashMap::new();
    // Each known program's name and aliases normalised once (a table of 2,000 rows asks 2,000 times).
    let known_keys: Vec<(String, Vec<String>)> = known
        .programs
        .iter()
        .map(|p| {
            (
                normalize_name(&p.name),
                p.aliases.iter().map(|a| normalize_name(a)).collect(),
            )
        })
        .collect();
    for row in &rows {
        if row.cells.len() != header.cells.len() {
            return Err(unit
                .at(
                    row.line,
                    row.cells.len().min(header.cells.len()) + 1,
                    K::errRowCells,
                )
                .num("cells", row.cells.len())
                .num("header", header.cells.len()));
        }
        let name = row.cells[0].trim();
        if name.is_empty() {
            return Err(unit.at(row.line, 1, K::errEmptyProgram));
        }
        let canonical = known_program(&known, &known_keys, name);
        let prev = by_name
            .get(name)
            .copied()
            .or_else(|| canonical.and_then(|p| by_known.get(p.id.as_str()).copied()));
        if let Some(prev) = prev {
            let (prev_row, prev_name, _) = named[prev];
            let key = match unit {
                Unit::Line => K::errDuplicateProgramLine,
                Unit::Row => K::errDuplicateProgramRow,
            };
            return Err(unit
                .at(row.line, 1, key)
                .with("value", name)
                .with("previous", prev_name)
                .with("line", prev_row.line.to_string()));
        }
        by_name.insert(name, named.len());
        if let Some(p) = canonical {
            by_known.insert(p.id.as_str(), named.len());
        }
        named.push((row, name, canonical));
    }
    // Then ids: a new name never takes a known program's id, nor another name's.
    let mut ids = Ids::new();
    for p in &known.programs {
        ids.reserve(&p.id);
    }
    let mut programs: Vec<Program> = Vec::with_capacity(named.len());
    for (row, name, canonical) in named {
        let id = match canonical {
            Some(p) => p.id.clone(),
            None => ids.next_for(name),
        };
        let mut aliases = Vec::new();
        let mut tags = Vec::new();
        let mut display = name.to_string();
        if let Some(p) = canonical {
            tags = p.tags.clone();
            aliases = p.aliases.clone();
            if normalize_name(&p.name) != normalize_name(name) {
                // Keep the table's own spelling findable, show the canonical name.
                if !aliases
                    .iter()
                    .any(|a| normalize_name(a) == normalize_name(name))
                {
                    aliases.push(name.to_string());
                }
                display = p.name.clone();
            }
        }
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
        return Err(unit.at(header.line + 1, 1, K::errHeaderOnly));
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

/// The known program a name is (by normalised name, or by the alias of exactly one program);
/// `keys`: each known program's normalised name and aliases, in order.
fn known_program<'a>(
    known: &'a Dataset,
    keys: &[(String, Vec<String>)],
    name: &str,
) -> Option<&'a Program> {
    let n = normalize_name(name);
    if let Some(i) = keys.iter().position(|(k, _)| *k == n) {
        return Some(&known.programs[i]);
    }
    let mut by_alias = keys
        .iter()
        .enumerate()
        .filter(|(_, (_, aliases))| aliases.contains(&n));
    match (by_alias.next(), by_alias.next()) {
        (Some((i, _)), None) => Some(&known.programs[i]),
        _ => None,
    }
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
        assert!(e.message().contains("no program column"), "{e}");
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
    fn distinct_names_get_distinct_ids_and_the_same_name_twice_is_refused() {
        let long = "L".repeat(99);
        let csv = format!(
            "P,Amazon ECS,C++,C\nC++ Secure Coding,1,1,1\nC Secure Coding,1,1,1\n'=x,1,1,1\n-x,1,1,1\n{long}1,1,1,1\n{long}2,1,1,1\nSOC X,1,1,1\nsoc x,1,1,1\nSOC III,1,1,1\n"
        );
        let ds = from_csv(&csv, &seed_meta()).unwrap();
        let ids: Vec<&str> = ds.programs.iter().map(|p| p.id.as_str()).collect();
        let mut unique = ids.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), ids.len(), "{ids:?}");
        assert_eq!(ids[1], "c-secure-coding");
        assert_eq!(&ids[6..], ["soc-x", "soc-x-2", "soc-3"]);
        assert_eq!(ds.programs[2].name, "=x");
        assert_ne!(ds.services[1].id, ds.services[2].id);
        // The same name twice (after trimming), or two spellings of one known program, is
        // still a duplicate, naming both rows.
        let e = from_csv("P,Amazon ECS\nC++,1\nB,0\n\" C++ \",0\n", &seed_meta()).unwrap_err();
        assert_eq!(e.location(), "line 4, column 1");
        assert_eq!(
            e.message(),
            "duplicate program 'C++' (same as 'C++' on line 2)"
        );
        let e = from_csv("P,Amazon ECS\nSOC 3,1\nSOC III,0\n", &seed_meta()).unwrap_err();
        assert_eq!(
            e.message(),
            "duplicate program 'SOC III' (same as 'SOC 3' on line 2)"
        );
        let e = from_csv("P,Amazon ECS,ECS\nA,1,1\n", &seed_meta()).unwrap_err();
        assert_eq!(
            e.message(),
            "duplicate service column 'ECS' (id 'ecs', same as column 2)"
        );
    }

    #[test]
    fn a_table_over_the_program_limit_is_refused_before_any_row_is_read() {
        let mut csv = String::from("P,Amazon ECS\n");
        for i in 0..(MAX_PROGRAMS + 5) {
            csv.push_str(&format!("p{i},1\n"));
        }
        let e = from_csv(&csv, &seed_meta()).unwrap_err();
        assert_eq!(e.location(), "programs");
        assert_eq!(
            e.message(),
            format!(
                "{} programs is more than the limit of 20000",
                MAX_PROGRAMS + 5
            )
        );
    }
}
