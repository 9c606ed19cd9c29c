//! The one rows → dataset step, shared by CSV, Markdown, a page's `<table>` and a page of
//! several tables (`html/`): each table is read into a [`Sheet`] (`sheet.rs`: which way it runs,
//! which columns hold identifiers, what its cells and blanks say) and the sheets become one
//! dataset here: the union of their services, a program per row or column, known programs and
//! services under their ids. Errors name the line, or the table's row, and the column.

mod marks;
mod services;
mod sheet;

pub use services::service_id_for;
pub(crate) use services::strip_footnote_marks;
pub(crate) use sheet::{read_sheet, shape, Evidence, Sheet};

use super::validate::too_many_programs;
use super::{
    Cell, Dataset, DatasetError, Link, Place, Program, Service, Status, MAX_CELLS, MAX_FIELD_CHARS,
    MAX_PROGRAMS, MAX_SERVICES,
};
use crate::i18n::StringKey;
use crate::text::{normalize_name, Ids};
pub(crate) use services::KNOWN_IDS;
use std::collections::HashMap;
use std::rc::Rc;

#[derive(Clone, Debug, Default)]
pub struct ImportMeta {
    /// `YYYY-MM-DD`, if known.
    pub as_of: String,
    pub source: Link,
}

/// What a table's row numbers count in errors: lines of a text (CSV, Markdown), rows of an
/// HTML table (the header row is row 1), or rows of one table of a page of several.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Unit {
    Line,
    Row,
    /// The `n`th table of a page (1-based), under its section's name (empty if none).
    Table {
        n: usize,
        section: String,
    },
}

impl Unit {
    pub(crate) fn at(&self, n: usize, column: usize, key: StringKey) -> DatasetError {
        let place = match self {
            Unit::Line => Place::Line(n, Some(column)),
            Unit::Row => Place::Row(n, column),
            Unit::Table { n: table, section } => Place::Table {
                table: *table,
                section: section.clone(),
                row: n,
                column,
            },
        };
        DatasetError::new(place, key)
    }
}

/// One row of a table as read, with its line (or row) number, 1-based, for errors.
pub(crate) struct TableRow {
    pub(crate) line: usize,
    pub(crate) cells: Vec<String>,
}

/// The seed's programs, by which a table's program names are known (by normalised name, or by
/// the alias of exactly one program).
pub(crate) struct Known {
    ds: Rc<Dataset>,
    /// Each program's normalised name and aliases, normalised once (a table of 2,000 rows asks
    /// 2,000 times).
    keys: Vec<(String, Vec<String>)>,
}

impl Known {
    pub(crate) fn new() -> Known {
        let ds = Dataset::embedded();
        let keys = ds
            .programs
            .iter()
            .map(|p| {
                (
                    normalize_name(&p.name),
                    p.aliases.iter().map(|a| normalize_name(a)).collect(),
                )
            })
            .collect();
        Known { ds, keys }
    }

    /// The known program a name is: its index in the seed.
    pub(crate) fn program(&self, name: &str) -> Option<usize> {
        let n = normalize_name(name);
        if let Some(i) = self.keys.iter().position(|(k, _)| *k == n) {
            return Some(i);
        }
        let mut by_alias = self
            .keys
            .iter()
            .enumerate()
            .filter(|(_, (_, aliases))| aliases.contains(&n));
        match (by_alias.next(), by_alias.next()) {
            (Some((i, _)), None) => Some(i),
            _ => None,
        }
    }
}

/// A table (its header row and program rows, or service rows) as a dataset.
pub(crate) fn from_table(
    header: TableRow,
    rows: Vec<TableRow>,
    meta: &ImportMeta,
    unit: Unit,
) -> Result<Dataset, DatasetError> {
    let known = Known::new();
    let sheet = read_sheet(header, rows, unit, None, &known)?;
    build(vec![sheet], meta, &known)
}

/// What identifies a program across tables: the known program it is, or its name.
#[derive(Hash, PartialEq, Eq)]
enum ProgramKey {
    Known(usize),
    Name(String),
}

/// The dataset of one or more tables: the union of their services in order of first appearance,
/// their programs in order, a program named in two tables (a page that repeats a section)
/// being one row whose cells both give; a cell they give differently is an error. Known
/// services and programs keep their ids; other names get ids of their own in order.
pub(crate) fn build(
    sheets: Vec<Sheet>,
    meta: &ImportMeta,
    known: &Known,
) -> Result<Dataset, DatasetError> {
    let seed = &known.ds;
    let mut service_ids = Ids::new();
    for id in KNOWN_IDS {
        service_ids.reserve(id);
    }
    let mut services: Vec<Service> = Vec::new();
    let mut by_service: HashMap<(Option<&str>, &str), usize> = HashMap::new();
    let mut maps: Vec<Vec<usize>> = Vec::with_capacity(sheets.len());
    for sheet in &sheets {
        let mut map = Vec::with_capacity(sheet.services.len());
        for s in &sheet.services {
            let key = match s.known {
                Some(id) => (Some(id), ""),
                None => (None, s.name.as_str()),
            };
            let g = *by_service.entry(key).or_insert_with(|| {
                let (id, name) = match s.known {
                    Some(id) => {
                        let name = seed.services.iter().find(|k| k.id == id);
                        (
                            id.to_string(),
                            name.map_or(s.name.clone(), |k| k.name.clone()),
                        )
                    }
                    None => (service_ids.next_for(&s.name), s.name.clone()),
                };
                services.push(Service { id, name });
                services.len() - 1
            });
            map.push(g);
        }
        maps.push(map);
    }
    if services.len() > MAX_SERVICES {
        return Err(
            DatasetError::field("services", StringKey::errTooManyServices)
                .num("count", services.len())
                .num("limit", MAX_SERVICES),
        );
    }
    let mut ids = Ids::new();
    for p in &seed.programs {
        ids.reserve(&p.id);
    }
    let mut programs: Vec<Program> = Vec::new();
    let mut cells: Vec<Vec<Option<Cell>>> = Vec::new();
    let mut by_program: HashMap<ProgramKey, usize> = HashMap::new();
    let mut derived: Vec<bool> = Vec::new();
    let mut fargate_from: Option<String> = None;
    let first = sheets.first().map(|s| (s.unit.clone(), s.header_line));
    for (k, sheet) in sheets.into_iter().enumerate() {
        for p in sheet.programs {
            let key = match p.known {
                Some(i) => ProgramKey::Known(i),
                None => ProgramKey::Name(p.name.clone()),
            };
            let g = match by_program.get(&key) {
                Some(&g) => g,
                None => {
                    if programs.len() == MAX_PROGRAMS {
                        return Err(too_many_programs(MAX_PROGRAMS + 1));
                    }
                    // The cells are held before the dataset is validated: their cap too.
                    if (programs.len() + 1) * services.len() > MAX_CELLS {
                        return Err(DatasetError::field("programs", StringKey::errTooManyCells)
                            .num("programs", programs.len() + 1)
                            .num("services", services.len())
                            .num("limit", MAX_CELLS));
                    }
                    programs.push(program(&p, known, &mut ids));
                    cells.push(vec![None; services.len()]);
                    derived.push(false);
                    by_program.insert(key, programs.len() - 1);
                    programs.len() - 1
                }
            };
            for (s, cell) in p.cells.into_iter().enumerate() {
                let gs = maps[k][s];
                let slot = &mut cells[g][gs];
                match slot {
                    None => *slot = Some(cell),
                    Some(old) if *old == cell || cell.status == Status::Unknown => {}
                    Some(old) if old.status == Status::Unknown => *slot = Some(cell),
                    Some(old) => {
                        let at = sheet.services[s].at;
                        let (line, column) = if sheet.transposed {
                            (at, p.at)
                        } else {
                            (p.at, at)
                        };
                        return Err(sheet
                            .unit
                            .at(line, column, StringKey::errCellConflict)
                            .with("program", programs[g].name.as_str())
                            .with("service", services[gs].name.as_str())
                            .with("value", cell_words(&cell))
                            .with("previous", cell_words(old)));
                    }
                }
            }
            if let Some(from) = &sheet.fargate_from {
                derived[g] = true;
                fargate_from.get_or_insert_with(|| from.clone());
            }
        }
    }
    if programs.is_empty() {
        return Err(match first {
            Some((unit, line)) => unit.at(line + 1, 1, StringKey::errHeaderOnly),
            None => DatasetError::input(StringKey::errHeaderOnly),
        });
    }
    for (p, row) in programs.iter_mut().zip(cells) {
        p.cells = row
            .into_iter()
            .map(|c| c.unwrap_or(Cell::of(Status::Unknown)))
            .collect();
    }
    let mut source = meta.source.clone();
    if let Some(from) = fargate_from {
        let note = fargate_note(&from, &programs, &derived);
        source.note = Some(match source.note {
            Some(n) if !n.trim().is_empty() => format!("{n} {note}"),
            _ => note,
        });
    }
    let ds = Dataset {
        title: String::new(),
        as_of: meta.as_of.clone(),
        source,
        latest: None,
        warning: None,
        tags_source: None,
        services,
        programs,
    };
    ds.validate()?;
    Ok(ds)
}

/// A program row of a table: a known program keeps its id, tags and aliases and shows its
/// canonical name, the table's own spelling becoming an alias; another gets the next id of its
/// name, and the tags of the known program its section is, if any.
fn program(p: &sheet::SheetProgram, known: &Known, ids: &mut Ids) -> Program {
    let seed = &known.ds;
    let canonical = p.known.map(|i| &seed.programs[i]);
    let mut aliases = Vec::new();
    let mut tags = p
        .tags_of
        .map(|i| seed.programs[i].tags.clone())
        .unwrap_or_default();
    let mut name = p.name.clone();
    if let Some(c) = canonical {
        tags = c.tags.clone();
        aliases = c.aliases.clone();
        if normalize_name(&c.name) != normalize_name(&p.name) {
            // Keep the table's own spelling findable, show the canonical name.
            if !aliases
                .iter()
                .any(|a| normalize_name(a) == normalize_name(&p.name))
            {
                aliases.push(p.name.clone());
            }
            name = c.name.clone();
        }
    }
    Program {
        id: canonical.map_or_else(|| ids.next_for(&p.name), |c| c.id.clone()),
        name,
        aliases,
        tags,
        note: None,
        url: None,
        cells: Vec::new(),
    }
}

/// A cell as words in a message: its label, else its status.
fn cell_words(c: &Cell) -> &str {
    c.label.as_deref().unwrap_or(c.status.text())
}

/// The source's note on a `fargate` column copied from an ECS entry for both launch types: which
/// entry, and for which programs when not all. Kept within a field's length.
fn fargate_note(from: &str, programs: &[Program], derived: &[bool]) -> String {
    let from: String = from.chars().take(200).collect();
    let mut note = format!(
        "ECS Fargate: where the source has no entry of its own for Fargate on ECS, its cells repeat those of “{from}”, which the source gives for both launch types"
    );
    if derived.iter().all(|&d| d) {
        note.push('.');
        return note;
    }
    let names: Vec<&str> = programs
        .iter()
        .zip(derived)
        .filter(|(_, &d)| d)
        .map(|(p, _)| p.name.as_str())
        .collect();
    note.push_str(" (in: ");
    let budget = MAX_FIELD_CHARS - 200;
    for (i, name) in names.iter().enumerate() {
        let more = names.len() - i;
        if note.chars().count() + name.chars().count() + 20 > budget {
            note.push_str(&format!("and {more} more"));
            break;
        }
        note.push_str(name);
        if more > 1 {
            note.push_str(", ");
        }
    }
    note.push_str(").");
    note
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
mod tests;
