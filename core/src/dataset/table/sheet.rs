//! One table read as services, programs and cells, before ids are given: which way the table
//! runs (services across the header, or down the first column as on AWS's "Services in Scope"
//! page), which columns only hold identifiers, what a blank cell means, and the ECS on Fargate
//! column given by an ECS entry for both launch types. Errors name the row and column as the
//! table was written.

use super::marks::{blank_status, cell_of};
use super::services::known_service;
use super::{Known, TableRow, Unit};
use crate::dataset::validate::too_many_programs;
use crate::dataset::{Cell, DatasetError, Status, MAX_PROGRAMS, MAX_SERVICES};
use crate::i18n::StringKey;
use crate::text::{normalize_name, Ids};
use std::collections::HashMap;

/// A table read: its services and programs in table order, each program with one cell per
/// service.
pub(crate) struct Sheet {
    pub(crate) unit: Unit,
    /// Services run down the first column; programs are the other columns.
    pub(crate) transposed: bool,
    pub(crate) header_line: usize,
    pub(crate) services: Vec<SheetService>,
    pub(crate) programs: Vec<SheetProgram>,
    /// The ECS entry the `fargate` column was copied from, when the table has no Fargate entry
    /// of its own.
    pub(crate) fargate_from: Option<String>,
}

pub(crate) struct SheetService {
    /// A known service's id.
    pub(crate) known: Option<&'static str>,
    pub(crate) name: String,
    /// Its column (services across) or its line or row (services down).
    pub(crate) at: usize,
    with_fargate: bool,
}

pub(crate) struct SheetProgram {
    pub(crate) name: String,
    /// Its line or row (services across) or its column (services down).
    pub(crate) at: usize,
    /// The known program it is (an index into [`Known`]'s programs).
    pub(crate) known: Option<usize>,
    /// The known program its section is ("MTCS — Seoul": MTCS), whose tags it takes.
    pub(crate) tags_of: Option<usize>,
    pub(crate) cells: Vec<Cell>,
}

/// How sure the parser is that a table is one of services.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Evidence {
    /// It names a known service (across the header or down the first column).
    KnownService,
    /// Only its top-left cell says the first column holds services ("Services", "SE RVICES /
    /// PROGRAMS").
    Corner,
    None,
}

/// Which way a table runs, and why.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Shape {
    pub(crate) transposed: bool,
    pub(crate) evidence: Evidence,
}

/// Services run down the first column when more known service names are there than across the
/// header, or, as many (none) being in each, when the top-left cell names services.
pub(crate) fn shape(header: &TableRow, rows: &[TableRow]) -> Shape {
    let across = header
        .cells
        .iter()
        .skip(1)
        .filter(|c| known_service(c).is_some())
        .count();
    let down = rows
        .iter()
        .filter(|r| r.cells.first().is_some_and(|c| known_service(c).is_some()))
        .count();
    let corner = header.cells.first().is_some_and(|c| {
        let n = normalize_name(c);
        n.starts_with("service") || n.starts_with("awsservice")
    });
    let evidence = if across + down > 0 {
        Evidence::KnownService
    } else if corner {
        Evidence::Corner
    } else {
        Evidence::None
    };
    Shape {
        transposed: down > across || (down == across && corner),
        evidence,
    }
}

/// Reads a table: `section` names the programs of a table whose services run down (the heading
/// a page puts above it); a program named by a known program's name keeps it ([`Known`]).
pub(crate) fn read_sheet(
    header: TableRow,
    rows: Vec<TableRow>,
    unit: Unit,
    section: Option<&str>,
    known: &Known,
) -> Result<Sheet, DatasetError> {
    if header.cells.len() < 2 {
        return Err(unit.at(header.line, 1, StringKey::errHeaderShort));
    }
    if rows.len() > MAX_PROGRAMS {
        return Err(too_many_programs(rows.len()));
    }
    let mut sheet = if shape(&header, &rows).transposed {
        down(&header, &rows, unit, section, known)?
    } else {
        across(&header, &rows, unit, known)?
    };
    sheet.derive_fargate();
    Ok(sheet)
}

/// Services across the header, a program per row.
fn across(
    header: &TableRow,
    rows: &[TableRow],
    unit: Unit,
    known: &Known,
) -> Result<Sheet, DatasetError> {
    let first = header.cells[0].trim();
    if first.is_empty() || known_service(first).is_some() {
        return Err(unit
            .at(header.line, 1, StringKey::errNoProgramColumn)
            .with("value", first));
    }
    if header.cells.len() - 1 > MAX_SERVICES {
        return Err(unit
            .at(header.line, MAX_SERVICES + 2, StringKey::errTooManyServices)
            .num("count", header.cells.len() - 1)
            .num("limit", MAX_SERVICES));
    }
    let mut services = Services::default();
    for (i, h) in header.cells.iter().enumerate().skip(1) {
        services.add(
            h,
            i + 1,
            |at, key| unit.at(header.line, at, key),
            |prev, e| e.with("column", prev.to_string()),
        )?;
    }
    let mut programs = Programs::new(known);
    let mut texts = Vec::with_capacity(rows.len());
    for row in rows {
        if row.cells.len() != header.cells.len() {
            return Err(ragged(&unit, row, header.cells.len()));
        }
        let name = row.cells[0].trim();
        let key = match unit {
            Unit::Line => StringKey::errDuplicateProgramLine,
            _ => StringKey::errDuplicateProgramRow,
        };
        programs.add(
            name,
            None,
            row.line,
            |k| unit.at(row.line, 1, k),
            key,
            "line",
        )?;
        texts.push(row.cells[1..].iter().map(String::as_str).collect());
    }
    Ok(services.sheet(unit, false, header.line, programs.list, texts))
}

/// Services down the first column (the name, then any identifier columns), a program per
/// other column.
fn down(
    header: &TableRow,
    rows: &[TableRow],
    unit: Unit,
    section: Option<&str>,
    known: &Known,
) -> Result<Sheet, DatasetError> {
    if rows.len() > MAX_SERVICES {
        return Err(unit
            .at(rows[MAX_SERVICES].line, 1, StringKey::errTooManyServices)
            .num("count", rows.len())
            .num("limit", MAX_SERVICES));
    }
    if let Some(row) = rows.iter().find(|r| r.cells.len() != header.cells.len()) {
        return Err(ragged(&unit, row, header.cells.len()));
    }
    let columns: Vec<usize> = (1..header.cells.len())
        .filter(|&j| !is_identifier_column(&header.cells[j], rows.iter().map(|r| &*r.cells[j])))
        .collect();
    if columns.is_empty() {
        return Err(unit.at(header.line, 1, StringKey::errHeaderShort));
    }
    let mut services = Services::default();
    let dup = match unit {
        Unit::Line => StringKey::errDuplicateServiceLine,
        _ => StringKey::errDuplicateServiceRow,
    };
    for row in rows {
        services.add(
            &row.cells[0],
            row.line,
            |_, key| {
                let key = if key == StringKey::errDuplicateService {
                    dup
                } else {
                    key
                };
                unit.at(row.line, 1, key)
            },
            |prev, e| e.with("line", prev.to_string()),
        )?;
    }
    let mut programs = Programs::new(known);
    let section = section.map(str::trim).filter(|s| !s.is_empty());
    let mut texts = Vec::with_capacity(columns.len());
    for &j in &columns {
        let raw = header.cells[j].trim();
        let name = section.map_or_else(|| raw.to_string(), |s| program_name(s, raw));
        let at = |k| unit.at(header.line, j + 1, k);
        programs.add(
            &name,
            section,
            j + 1,
            at,
            StringKey::errDuplicateProgramColumn,
            "column",
        )?;
        texts.push(rows.iter().map(|r| &*r.cells[j]).collect());
    }
    Ok(services.sheet(unit, true, header.line, programs.list, texts))
}

fn ragged(unit: &Unit, row: &TableRow, header: usize) -> DatasetError {
    unit.at(
        row.line,
        row.cells.len().min(header) + 1,
        StringKey::errRowCells,
    )
    .num("cells", row.cells.len())
    .num("header", header)
}

/// The name of a program a page's section gives in one of its columns: the column when it
/// starts with the section's name ("FedRAMP High (GovCloud)" under "FedRAMP"), the section when
/// it starts with the column's ("PCI" under "PCI"), else both ("MTCS — Seoul").
pub(crate) fn program_name(section: &str, column: &str) -> String {
    let (s, c) = (section.trim(), column.trim());
    let (ns, nc) = (normalize_name(s), normalize_name(c));
    if s.is_empty() || (!c.is_empty() && nc.starts_with(&ns)) {
        c.to_string()
    } else if c.is_empty() || ns.starts_with(&nc) {
        s.to_string()
    } else {
        format!("{s} — {c}")
    }
}

/// Headers of a column that holds the services' identifiers (the SDK's or the API's name).
const IDENTIFIER_HEADERS: [&str; 14] = [
    "sdk",
    "sdks",
    "namespace",
    "namespaces",
    "servicenamespace",
    "servicenamespaces",
    "apinamespace",
    "id",
    "ids",
    "identifier",
    "identifiers",
    "serviceid",
    "prefix",
    "serviceprefix",
];

/// A column of identifiers (`ecs`, `eks`, `ecr`) under such a header or none, or an empty
/// column under either: not a program.
fn is_identifier_column<'a>(header: &str, mut values: impl Iterator<Item = &'a str>) -> bool {
    let h = normalize_name(header);
    if !h.is_empty() && !IDENTIFIER_HEADERS.contains(&h.as_str()) {
        return false;
    }
    values.all(|v| {
        let v = v.trim();
        v.is_empty()
            || (Cell::from_text(v).status == Status::InProgress
                && v.split([',', '/']).all(|t| {
                    let t = t.trim();
                    t.starts_with(|c: char| c.is_ascii_lowercase() || c.is_ascii_digit())
                        && t.chars().all(|c| {
                            c.is_ascii_lowercase() || c.is_ascii_digit() || "-_.:".contains(c)
                        })
                }))
    })
}

/// The services of a table as they are read, with the duplicate checks.
#[derive(Default)]
struct Services {
    list: Vec<SheetService>,
    by_name: HashMap<String, usize>,
    /// Ids as the dataset will give them, for the duplicate message.
    ids: Vec<String>,
    next: Ids,
}

impl Services {
    fn add(
        &mut self,
        text: &str,
        at: usize,
        err: impl Fn(usize, StringKey) -> DatasetError,
        previous: impl Fn(usize, DatasetError) -> DatasetError,
    ) -> Result<(), DatasetError> {
        if self.list.is_empty() {
            for id in super::services::KNOWN_IDS {
                self.next.reserve(id);
            }
        }
        let name = text.trim();
        if name.is_empty() {
            return Err(err(at, StringKey::errEmptyServiceHeader));
        }
        let k = known_service(name);
        let prev = self
            .by_name
            .get(name)
            .copied()
            .or_else(|| k.and_then(|k| self.list.iter().position(|s| s.known == Some(k.id))));
        if let Some(prev) = prev {
            let e = err(at, StringKey::errDuplicateService)
                .with("value", name)
                .with("id", self.ids[prev].as_str());
            return Err(previous(self.list[prev].at, e));
        }
        self.by_name.insert(name.to_string(), self.list.len());
        self.ids.push(match k {
            Some(k) => k.id.to_string(),
            None => self.next.next_for(name),
        });
        self.list.push(SheetService {
            known: k.map(|k| k.id),
            name: name.to_string(),
            at,
            with_fargate: k.is_some_and(|k| k.with_fargate),
        });
        Ok(())
    }

    /// The sheet of these services and programs, `texts` holding each program's cells.
    fn sheet(
        self,
        unit: Unit,
        transposed: bool,
        header_line: usize,
        mut programs: Vec<SheetProgram>,
        texts: Vec<Vec<&str>>,
    ) -> Sheet {
        let blank = blank_status(&texts);
        for (p, t) in programs.iter_mut().zip(&texts) {
            p.cells = t.iter().map(|t| cell_of(t, blank)).collect();
        }
        Sheet {
            unit,
            transposed,
            header_line,
            services: self.list,
            programs,
            fargate_from: None,
        }
    }
}

/// The programs of a table as they are read, with the duplicate checks: the same name twice, or
/// two names of one known program.
struct Programs<'k> {
    known: &'k Known,
    list: Vec<SheetProgram>,
    by_name: HashMap<String, usize>,
    by_known: HashMap<usize, usize>,
}

impl<'k> Programs<'k> {
    fn new(known: &'k Known) -> Programs<'k> {
        Programs {
            known,
            list: Vec::new(),
            by_name: HashMap::new(),
            by_known: HashMap::new(),
        }
    }

    fn add(
        &mut self,
        name: &str,
        section: Option<&str>,
        at: usize,
        err: impl Fn(StringKey) -> DatasetError,
        duplicate: StringKey,
        previous_is: &'static str,
    ) -> Result<(), DatasetError> {
        let name = name.trim();
        if name.is_empty() {
            return Err(err(StringKey::errEmptyProgram));
        }
        let canonical = self.known.program(name);
        let prev = self
            .by_name
            .get(name)
            .or_else(|| canonical.and_then(|c| self.by_known.get(&c)))
            .copied();
        if let Some(prev) = prev {
            let p = &self.list[prev];
            return Err(err(duplicate)
                .with("value", name)
                .with("previous", p.name.as_str())
                .with(previous_is, p.at.to_string()));
        }
        self.by_name.insert(name.to_string(), self.list.len());
        if let Some(c) = canonical {
            self.by_known.insert(c, self.list.len());
        }
        self.list.push(SheetProgram {
            name: name.to_string(),
            at,
            known: canonical,
            tags_of: canonical
                .is_none()
                .then(|| section.and_then(|s| self.known.program(s)))
                .flatten(),
            cells: Vec::new(),
        });
        Ok(())
    }
}

impl Sheet {
    /// A table with an ECS entry for both launch types and no Fargate entry: the `fargate`
    /// column, right after ECS, with ECS's cells.
    fn derive_fargate(&mut self) {
        if self.services.iter().any(|s| s.known == Some("fargate")) {
            return;
        }
        let Some(e) = self.services.iter().position(|s| s.with_fargate) else {
            return;
        };
        let from = self.services[e].name.clone();
        self.services.insert(
            e + 1,
            SheetService {
                known: Some("fargate"),
                name: "ECS Fargate".into(),
                at: self.services[e].at,
                with_fargate: false,
            },
        );
        for p in &mut self.programs {
            let c = p.cells[e].clone();
            p.cells.insert(e + 1, c);
        }
        self.fargate_from = Some(from);
    }
}
