//! The compliance matrix as data: types, import from JSON / CSV / Markdown, validation and the
//! embedded default (the seed table of 2020-04-21).
//!
//! Pure: no yew, web-sys or wasm-bindgen here.

use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::fmt;
use std::rc::Rc;

/// Largest input any importer accepts (bytes). Bigger inputs are refused with an error.
pub const MAX_INPUT_BYTES: usize = 4 * 1024 * 1024;
/// Largest number of programs (rows) in one dataset.
pub const MAX_PROGRAMS: usize = 20_000;
/// Largest number of services (columns) in one dataset.
pub const MAX_SERVICES: usize = 100;
/// Longest text accepted in any single field (characters).
pub const MAX_FIELD_CHARS: usize = 2_000;

const EMBEDDED_MATRIX: &str = include_str!("../data/matrix.json");

/// Whether a program covers a service.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// The service is in scope of the program (seed `1`).
    InScope,
    /// An assessment or review is under way (seed `3PAO Assessment`, `Undergoing assessment`, …).
    InProgress,
    /// The service is not in scope (seed `0`).
    NotInScope,
    /// The source says nothing (an empty cell).
    Unknown,
}

impl Status {
    /// Every status, in the order used for sorting and the legend (best first).
    pub const ALL: [Status; 4] = [
        Status::InScope,
        Status::InProgress,
        Status::NotInScope,
        Status::Unknown,
    ];

    /// The stable identifier used in attributes and `data-status`.
    pub fn id(self) -> &'static str {
        match self {
            Status::InScope => "in-scope",
            Status::InProgress => "in-progress",
            Status::NotInScope => "not-in-scope",
            Status::Unknown => "unknown",
        }
    }

    /// Parses a stable identifier (`in-scope`, …).
    pub fn from_id(id: &str) -> Option<Status> {
        match id {
            "in-scope" => Some(Status::InScope),
            "in-progress" => Some(Status::InProgress),
            "not-in-scope" => Some(Status::NotInScope),
            "unknown" => Some(Status::Unknown),
            _ => None,
        }
    }

    /// Human text shown next to the symbol.
    pub fn text(self) -> &'static str {
        match self {
            Status::InScope => "In scope",
            Status::InProgress => "In progress",
            Status::NotInScope => "Not in scope",
            Status::Unknown => "Not stated",
        }
    }

    /// The symbol shown with the text, so status never relies on colour.
    pub fn symbol(self) -> &'static str {
        match self {
            Status::InScope => "✓",
            Status::InProgress => "◐",
            Status::NotInScope => "✗",
            Status::Unknown => "?",
        }
    }

    /// Rank used for sorting: lower is better covered.
    pub fn rank(self) -> u8 {
        match self {
            Status::InScope => 0,
            Status::InProgress => 1,
            Status::NotInScope => 2,
            Status::Unknown => 3,
        }
    }
}

/// One status cell: the status, and the source's own words when they were not `1`/`0`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Cell {
    pub status: Status,
    /// The original label, e.g. `3PAO Assessment`.
    pub label: Option<String>,
}

impl Cell {
    /// A cell without a label.
    pub fn of(status: Status) -> Cell {
        Cell {
            status,
            label: None,
        }
    }

    /// Reads a cell the way people write them in tables: `1`/`0`, `yes`/`no`, ticks and crosses,
    /// empty for unknown; any other text is an assessment in progress and is kept as the label.
    pub fn from_text(text: &str) -> Cell {
        let t = text.trim();
        let lower = t.to_lowercase();
        match lower.as_str() {
            "" => Cell::of(Status::Unknown),
            "1" | "yes" | "y" | "true" | "✓" | "✔" | "✔️" | "☑" | "x" => {
                Cell::of(Status::InScope)
            }
            "0" | "no" | "n" | "false" | "✗" | "✘" | "❌" | "-" | "–" | "—" => {
                Cell::of(Status::NotInScope)
            }
            "in-scope" | "in scope" => Cell::of(Status::InScope),
            "in-progress" | "in progress" => Cell::of(Status::InProgress),
            "not-in-scope" | "not in scope" => Cell::of(Status::NotInScope),
            "unknown" | "?" => Cell::of(Status::Unknown),
            _ => Cell {
                status: Status::InProgress,
                label: Some(t.to_string()),
            },
        }
    }
}

/// A link with a title.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Link {
    pub title: String,
    pub url: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A column of the matrix.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Service {
    pub id: String,
    pub name: String,
}

/// A row of the matrix.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Program {
    pub id: String,
    pub name: String,
    pub aliases: Vec<String>,
    /// Facet tags such as `jurisdiction:us` or `domain:health`.
    pub tags: Vec<String>,
    pub note: Option<String>,
    pub url: Option<String>,
    /// One cell per service, in the dataset's service order.
    pub cells: Vec<Cell>,
}

/// A whole matrix: what it covers, where it comes from, and its cells.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dataset {
    pub title: String,
    /// `YYYY-MM-DD`, or empty when the source does not say.
    pub as_of: String,
    pub source: Link,
    pub latest: Option<Link>,
    pub warning: Option<String>,
    pub tags_source: Option<Link>,
    pub services: Vec<Service>,
    pub programs: Vec<Program>,
}

/// Why a dataset cannot be used. The message names the place (field, or line and column).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DatasetError {
    /// Where: a field path such as `programs[3].status.ecs`, or `line 4, column 2`.
    pub location: String,
    pub message: String,
}

impl DatasetError {
    fn at(location: impl Into<String>, message: impl Into<String>) -> DatasetError {
        DatasetError {
            location: location.into(),
            message: message.into(),
        }
    }

    fn line(line: usize, column: usize, message: impl Into<String>) -> DatasetError {
        DatasetError::at(format!("line {line}, column {column}"), message)
    }
}

impl fmt::Display for DatasetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.location.is_empty() {
            write!(f, "{}", self.message)
        } else {
            write!(f, "{}: {}", self.location, self.message)
        }
    }
}

impl std::error::Error for DatasetError {}

// ---------------------------------------------------------------------------------------------
// JSON: our schema
// ---------------------------------------------------------------------------------------------

#[derive(Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct RawDataset<'a> {
    #[serde(default)]
    title: Option<String>,
    as_of: String,
    source: Link,
    #[serde(default)]
    latest: Option<Link>,
    #[serde(default)]
    warning: Option<String>,
    #[serde(default)]
    tags_source: Option<Link>,
    services: Vec<Service>,
    #[serde(borrow)]
    programs: Vec<RawProgram<'a>>,
}

#[derive(Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct RawProgram<'a> {
    id: String,
    name: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    aliases: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    tags: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    note: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    url: Option<String>,
    #[serde(borrow)]
    status: StatusMap<'a>,
}

/// A program's `status` object: its cells in the order the JSON gives them, keyed by service id.
/// Read by hand ([`StatusVisitor`]): no value tree, no sorted map, and a valid status string
/// becomes a [`Status`] without being copied, and a key is borrowed from the text unless it has
/// escapes; 2,000 × 40 cells are the bulk of a large dataset.
struct StatusMap<'a>(Vec<(Cow<'a, str>, JsonCell)>);

/// A cell as the JSON gives it, before [`Dataset::from_raw`] places it in its column.
enum JsonCell {
    Valid(Cell),
    /// A status string that is not a status id; `nested` when it was `{"status": …}`.
    UnknownStatus {
        status: String,
        nested: bool,
    },
    /// Neither a status string nor an object `{"status": …, "label": …}`.
    Invalid,
}

impl JsonCell {
    fn from_status(status: &str, label: Option<String>, nested: bool) -> JsonCell {
        match Status::from_id(status) {
            Some(status) => JsonCell::Valid(Cell {
                status,
                label: label.filter(|l| !l.trim().is_empty()),
            }),
            None => JsonCell::UnknownStatus {
                status: status.to_string(),
                nested,
            },
        }
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for StatusMap<'a> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_map(StatusVisitor)
    }
}

struct StatusVisitor;

impl<'de> serde::de::Visitor<'de> for StatusVisitor {
    type Value = StatusMap<'de>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an object of cells by service id")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(
        self,
        mut map: A,
    ) -> Result<StatusMap<'de>, A::Error> {
        let mut cells = Vec::with_capacity(map.size_hint().unwrap_or(16));
        while let Some(key) = map.next_key_seed(KeySeed)? {
            cells.push((key, map.next_value::<JsonCell>()?));
        }
        Ok(StatusMap(cells))
    }
}

/// A key, borrowed from the JSON text where it can be.
struct KeySeed;

impl<'de> serde::de::DeserializeSeed<'de> for KeySeed {
    type Value = Cow<'de, str>;

    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<Cow<'de, str>, D::Error> {
        d.deserialize_str(KeySeed)
    }
}

impl<'de> serde::de::Visitor<'de> for KeySeed {
    type Value = Cow<'de, str>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a service id")
    }

    fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Cow<'de, str>, E> {
        Ok(Cow::Borrowed(v))
    }

    fn visit_str<E>(self, v: &str) -> Result<Cow<'de, str>, E> {
        Ok(Cow::Owned(v.to_string()))
    }

    fn visit_string<E>(self, v: String) -> Result<Cow<'de, str>, E> {
        Ok(Cow::Owned(v))
    }
}

impl<'de> Deserialize<'de> for JsonCell {
    /// A cell: a status string, or `{"status": …, "label": …}` (label optional, string or null,
    /// no other key). Any other JSON value is consumed and read as [`JsonCell::Invalid`], so the
    /// error names the cell's field rather than a position in the text.
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(match d.deserialize_any(AnyStr { cell: true })? {
            AnyValue::Str(s) => JsonCell::from_status(&s, None, false),
            AnyValue::Cell(c) => c,
            AnyValue::Null | AnyValue::Other => JsonCell::Invalid,
        })
    }
}

/// Reads the object form of a cell; a value inside it is read with `cell: false`, so an object
/// there is skipped rather than read as a cell again.
fn labelled_cell<'de, A: serde::de::MapAccess<'de>>(mut map: A) -> Result<JsonCell, A::Error> {
    let mut status: Option<Cow<'de, str>> = None;
    let mut label: Option<String> = None;
    let mut valid = true;
    let value = AnyStr { cell: false };
    while let Some(key) = map.next_key_seed(KeySeed)? {
        match &*key {
            "status" => match map.next_value_seed(value)? {
                AnyValue::Str(s) => status = Some(s),
                _ => valid = false,
            },
            "label" => match map.next_value_seed(value)? {
                AnyValue::Str(l) => label = Some(l.into_owned()),
                AnyValue::Null => {}
                _ => valid = false,
            },
            _ => {
                map.next_value::<serde::de::IgnoredAny>()?;
                valid = false;
            }
        }
    }
    Ok(match status {
        Some(s) if valid => JsonCell::from_status(&s, label, true),
        _ => JsonCell::Invalid,
    })
}

/// A JSON value read as a string where it is one (borrowed from the text unless it has escapes),
/// `null`, a labelled cell (an object, when `cell` is set), or anything else (consumed without
/// recursion).
enum AnyValue<'de> {
    Str(Cow<'de, str>),
    Null,
    Cell(JsonCell),
    Other,
}

#[derive(Clone, Copy)]
struct AnyStr {
    /// Read an object as a labelled cell (a cell's value) instead of skipping it.
    cell: bool,
}

impl<'de> serde::de::DeserializeSeed<'de> for AnyStr {
    type Value = AnyValue<'de>;

    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<AnyValue<'de>, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> serde::de::Visitor<'de> for AnyStr {
    type Value = AnyValue<'de>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_borrowed_str<E>(self, v: &'de str) -> Result<AnyValue<'de>, E> {
        Ok(AnyValue::Str(Cow::Borrowed(v)))
    }

    fn visit_str<E>(self, v: &str) -> Result<AnyValue<'de>, E> {
        Ok(AnyValue::Str(Cow::Owned(v.to_string())))
    }

    fn visit_string<E>(self, v: String) -> Result<AnyValue<'de>, E> {
        Ok(AnyValue::Str(Cow::Owned(v)))
    }

    fn visit_unit<E>(self) -> Result<AnyValue<'de>, E> {
        Ok(AnyValue::Null)
    }

    fn visit_none<E>(self) -> Result<AnyValue<'de>, E> {
        Ok(AnyValue::Null)
    }

    fn visit_bool<E>(self, _: bool) -> Result<AnyValue<'de>, E> {
        Ok(AnyValue::Other)
    }

    fn visit_i64<E>(self, _: i64) -> Result<AnyValue<'de>, E> {
        Ok(AnyValue::Other)
    }

    fn visit_u64<E>(self, _: u64) -> Result<AnyValue<'de>, E> {
        Ok(AnyValue::Other)
    }

    fn visit_f64<E>(self, _: f64) -> Result<AnyValue<'de>, E> {
        Ok(AnyValue::Other)
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(
        self,
        mut seq: A,
    ) -> Result<AnyValue<'de>, A::Error> {
        while seq.next_element::<serde::de::IgnoredAny>()?.is_some() {}
        Ok(AnyValue::Other)
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(
        self,
        mut map: A,
    ) -> Result<AnyValue<'de>, A::Error> {
        if self.cell {
            return labelled_cell(map).map(AnyValue::Cell);
        }
        while map
            .next_entry::<serde::de::IgnoredAny, serde::de::IgnoredAny>()?
            .is_some()
        {}
        Ok(AnyValue::Other)
    }
}

/// Written as our JSON reads it: cells in service order, a plain status string unless labelled.
impl Serialize for StatusMap<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (key, cell) in &self.0 {
            map.serialize_entry(key, cell)?;
        }
        map.end()
    }
}

impl Serialize for JsonCell {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        match self {
            JsonCell::Valid(Cell {
                status,
                label: None,
            }) => s.serialize_str(status.id()),
            JsonCell::Valid(Cell {
                status,
                label: Some(label),
            }) => {
                let mut map = s.serialize_map(Some(2))?;
                map.serialize_entry("status", status.id())?;
                map.serialize_entry("label", label)?;
                map.end()
            }
            JsonCell::UnknownStatus { status, .. } => s.serialize_str(status),
            JsonCell::Invalid => s.serialize_unit(),
        }
    }
}

impl Dataset {
    /// The embedded seed matrix (2020-04-21), parsed once per thread.
    pub fn embedded() -> Rc<Dataset> {
        thread_local! {
            static EMBEDDED: Rc<Dataset> = Rc::new(
                Dataset::from_json(EMBEDDED_MATRIX).expect("data/matrix.json is valid (checked by tests)"),
            );
        }
        EMBEDDED.with(Rc::clone)
    }

    /// Parses and validates a dataset in our JSON schema (`docs/data-format.md`).
    pub fn from_json(text: &str) -> Result<Dataset, DatasetError> {
        check_size(text)?;
        let raw: RawDataset =
            serde_json::from_str(text.trim_start_matches('\u{feff}')).map_err(|e| {
                DatasetError::line(
                    e.line(),
                    e.column(),
                    format!("invalid JSON: {}", json_message(&e)),
                )
            })?;
        Dataset::from_raw(raw)
    }

    /// Validates an already-parsed JSON value.
    pub fn from_value(value: serde_json::Value) -> Result<Dataset, DatasetError> {
        let raw = RawDataset::deserialize(&value)
            .map_err(|e| DatasetError::at("", format!("does not match the schema: {e}")))?;
        Dataset::from_raw(raw)
    }

    /// Validates the element's `data` property, as the JSON text `JSON.stringify` wrote of it:
    /// parsed straight into the schema (no intermediate value tree), errors named by field.
    pub fn from_data_text(text: &str) -> Result<Dataset, DatasetError> {
        check_size(text)?;
        let raw: RawDataset = serde_json::from_str(text).map_err(|e| {
            let msg = json_message(&e);
            match e.classify() {
                serde_json::error::Category::Data => {
                    DatasetError::at("", format!("does not match the schema: {msg}"))
                }
                _ => DatasetError::at("", format!("not a dataset object ({msg})")),
            }
        })?;
        Dataset::from_raw(raw)
    }

    fn from_raw(raw: RawDataset<'_>) -> Result<Dataset, DatasetError> {
        let services = raw.services;
        // Each cell finds its column by service id (the first service of an id; duplicates are
        // refused by `validate`): a map, as 2,000 × 40 cells would otherwise scan the list.
        let mut column: HashMap<&str, usize> = HashMap::with_capacity(services.len());
        for (k, s) in services.iter().enumerate() {
            column.entry(s.id.as_str()).or_insert(k);
        }
        let mut programs = Vec::with_capacity(raw.programs.len());
        for (i, p) in raw.programs.into_iter().enumerate() {
            let mut cells = vec![Cell::of(Status::Unknown); services.len()];
            for (k, (key, cell)) in p.status.0.into_iter().enumerate() {
                // Cells usually come in service order: try the k-th column before the map.
                let col = match services.get(k) {
                    Some(s) if s.id == *key => Some(k),
                    _ => column.get(&*key).copied(),
                };
                let Some(col) = col else {
                    return Err(DatasetError::at(
                        format!("programs[{i}].status.{key}"),
                        format!(
                            "unknown service '{key}' (services are: {})",
                            services
                                .iter()
                                .map(|s| s.id.as_str())
                                .collect::<Vec<_>>()
                                .join(", ")
                        ),
                    ));
                };
                cells[col] = match cell {
                    JsonCell::Valid(cell) => cell,
                    JsonCell::UnknownStatus { status, nested } => {
                        return Err(DatasetError::at(
                            format!("programs[{i}].status.{key}{}", if nested { ".status" } else { "" }),
                            format!("unknown status '{status}' (expected in-scope, not-in-scope, in-progress or unknown)"),
                        ))
                    }
                    JsonCell::Invalid => {
                        return Err(DatasetError::at(
                            format!("programs[{i}].status.{key}"),
                            "expected a status (\"in-scope\", \"not-in-scope\", \"in-progress\", \"unknown\") or an object {\"status\": …, \"label\": …}",
                        ))
                    }
                };
            }
            programs.push(Program {
                id: p.id,
                name: p.name,
                aliases: p.aliases,
                tags: p.tags,
                note: p.note,
                url: p.url,
                cells,
            });
        }
        let ds = Dataset {
            title: raw.title.unwrap_or_default(),
            as_of: raw.as_of,
            source: raw.source,
            latest: raw.latest,
            warning: raw.warning,
            tags_source: raw.tags_source,
            services,
            programs,
        };
        ds.validate()?;
        Ok(ds)
    }

    /// Checks every rule of the schema; the error names the first offending field.
    pub fn validate(&self) -> Result<(), DatasetError> {
        if !self.as_of.is_empty() && !is_iso_date(&self.as_of) {
            return Err(DatasetError::at(
                "as_of",
                format!("'{}' is not a date in the form YYYY-MM-DD", self.as_of),
            ));
        }
        check_text("title", &self.title)?;
        check_link("source", &self.source)?;
        if let Some(l) = &self.latest {
            check_link("latest", l)?;
        }
        if let Some(l) = &self.tags_source {
            check_link("tags_source", l)?;
        }
        if let Some(w) = &self.warning {
            check_text("warning", w)?;
        }
        if self.services.is_empty() {
            return Err(DatasetError::at(
                "services",
                "at least one service is needed",
            ));
        }
        if self.services.len() > MAX_SERVICES {
            return Err(DatasetError::at(
                "services",
                format!(
                    "{} services is more than the limit of {MAX_SERVICES}",
                    self.services.len()
                ),
            ));
        }
        let mut seen = HashSet::new();
        for (i, s) in self.services.iter().enumerate() {
            if !is_slug(&s.id) {
                return Err(DatasetError::at(
                    format!("services[{i}].id"),
                    format!(
                        "'{}' is not an id (lowercase letters, digits and '-')",
                        s.id
                    ),
                ));
            }
            if !seen.insert(s.id.as_str()) {
                return Err(DatasetError::at(
                    format!("services[{i}].id"),
                    format!("duplicate service id '{}'", s.id),
                ));
            }
            check_name(&format!("services[{i}].name"), &s.name)?;
        }
        if self.programs.is_empty() {
            return Err(DatasetError::at(
                "programs",
                "at least one program is needed",
            ));
        }
        if self.programs.len() > MAX_PROGRAMS {
            return Err(DatasetError::at(
                "programs",
                format!(
                    "{} programs is more than the limit of {MAX_PROGRAMS}",
                    self.programs.len()
                ),
            ));
        }
        let mut seen = HashSet::new();
        for (i, p) in self.programs.iter().enumerate() {
            let at = |f: &str| format!("programs[{i}].{f}");
            if !is_slug(&p.id) {
                return Err(DatasetError::at(
                    at("id"),
                    format!(
                        "'{}' is not an id (lowercase letters, digits and '-')",
                        p.id
                    ),
                ));
            }
            if !seen.insert(p.id.as_str()) {
                return Err(DatasetError::at(
                    at("id"),
                    format!("duplicate program id '{}'", p.id),
                ));
            }
            check_name_at(|| at("name"), &p.name)?;
            for (j, a) in p.aliases.iter().enumerate() {
                check_name_at(|| at(&format!("aliases[{j}]")), a)?;
            }
            for (j, t) in p.tags.iter().enumerate() {
                if !is_tag(t) {
                    return Err(DatasetError::at(
                        at(&format!("tags[{j}]")),
                        format!("'{t}' is not a facet tag of the form 'facet:value' (e.g. jurisdiction:us)"),
                    ));
                }
            }
            if let Some(n) = &p.note {
                check_text_at(|| at("note"), n)?;
            }
            if let Some(u) = &p.url {
                // The field's path is formatted only for a failing link.
                check_url("", u).map_err(|e| DatasetError::at(at("url"), e.message))?;
            }
            if p.cells.len() != self.services.len() {
                return Err(DatasetError::at(
                    at("status"),
                    format!(
                        "{} cells for {} services",
                        p.cells.len(),
                        self.services.len()
                    ),
                ));
            }
            for (c, cell) in p.cells.iter().enumerate() {
                if let Some(l) = &cell.label {
                    check_text_at(|| at(&format!("status.{}.label", self.services[c].id)), l)?;
                }
            }
        }
        Ok(())
    }

    /// The position of a service id.
    pub fn service_index(&self, id: &str) -> Option<usize> {
        self.services.iter().position(|s| s.id == id)
    }

    /// The position of a program id.
    pub fn program_index(&self, id: &str) -> Option<usize> {
        self.programs.iter().position(|p| p.id == id)
    }

    /// The dataset in our JSON schema (the inverse of [`Dataset::from_json`]).
    pub fn to_json_value(&self) -> serde_json::Value {
        let raw = RawDataset {
            title: (!self.title.is_empty()).then(|| self.title.clone()),
            as_of: self.as_of.clone(),
            source: self.source.clone(),
            latest: self.latest.clone(),
            warning: self.warning.clone(),
            tags_source: self.tags_source.clone(),
            services: self.services.clone(),
            programs: self
                .programs
                .iter()
                .map(|p| RawProgram {
                    id: p.id.clone(),
                    name: p.name.clone(),
                    aliases: p.aliases.clone(),
                    tags: p.tags.clone(),
                    note: p.note.clone(),
                    url: p.url.clone(),
                    status: StatusMap(
                        self.services
                            .iter()
                            .zip(&p.cells)
                            .map(|(s, c)| {
                                (Cow::Borrowed(s.id.as_str()), JsonCell::Valid(c.clone()))
                            })
                            .collect(),
                    ),
                })
                .collect(),
        };
        serde_json::to_value(raw).expect("a dataset always serialises")
    }
}

// ---------------------------------------------------------------------------------------------
// Tables: Markdown and CSV
// ---------------------------------------------------------------------------------------------

/// Where an imported table came from, for the dataset's `as_of` and `source`.
#[derive(Clone, Debug, Default)]
pub struct ImportMeta {
    /// `YYYY-MM-DD`, if known.
    pub as_of: String,
    pub source: Link,
}

/// One row of a table as read, with its line number (1-based) for errors.
struct TableRow {
    line: usize,
    cells: Vec<String>,
}

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
        return Err(DatasetError::at(
            "",
            "no Markdown table found: expected a header row such as '| Program | Amazon ECS |' followed by an alignment row such as '|---|:---:|'",
        ));
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
    from_table(header, rows, meta)
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

/// Parses a CSV table (RFC 4180): a header row (program column, then one column per service).
/// UTF-8 with or without BOM, CRLF or LF line ends, quoted fields with `""` escapes.
pub fn from_csv(text: &str, meta: &ImportMeta) -> Result<Dataset, DatasetError> {
    check_size(text)?;
    let records = parse_csv(text.trim_start_matches('\u{feff}'))?;
    let mut records = records
        .into_iter()
        .filter(|r| !(r.cells.len() == 1 && r.cells[0].trim().is_empty()))
        .map(|mut r| {
            for c in &mut r.cells {
                // Our CSV export defuses spreadsheet formulas with a leading apostrophe.
                if c.starts_with('\'') && c[1..].starts_with(['=', '+', '@', '-', '\t', '\r']) {
                    c.remove(0);
                }
            }
            r
        });
    let Some(header) = records.next() else {
        return Err(DatasetError::at(
            "line 1",
            "empty CSV: expected a header row such as 'Program,Amazon ECS,Amazon EKS'",
        ));
    };
    from_table(header, records.collect(), meta)
}

fn parse_csv(text: &str) -> Result<Vec<TableRow>, DatasetError> {
    let mut rows = Vec::new();
    let mut cells = Vec::new();
    let mut cur = String::new();
    let mut line = 1;
    let mut col = 1;
    let mut row_line = 1;
    let mut in_quotes = false;
    let mut quote_start = (1, 1);
    let mut field_started_quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if in_quotes {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    cur.push('"');
                    chars.next();
                    col += 1;
                }
                '"' => in_quotes = false,
                '\n' => {
                    cur.push('\n');
                    line += 1;
                    col = 0;
                }
                _ => cur.push(c),
            }
        } else {
            match c {
                '"' if cur.is_empty() && !field_started_quoted => {
                    in_quotes = true;
                    field_started_quoted = true;
                    quote_start = (line, col);
                }
                '"' => {
                    return Err(DatasetError::line(
                        line,
                        col,
                        "unexpected '\"' inside an unquoted field (quote the whole field and double the quote: \"\"\")",
                    ))
                }
                ',' => {
                    cells.push(std::mem::take(&mut cur));
                    field_started_quoted = false;
                }
                '\r' if chars.peek() == Some(&'\n') => {}
                '\n' | '\r' => {
                    cells.push(std::mem::take(&mut cur));
                    field_started_quoted = false;
                    rows.push(TableRow {
                        line: row_line,
                        cells: std::mem::take(&mut cells),
                    });
                    line += 1;
                    col = 0;
                    row_line = line;
                }
                _ => {
                    if field_started_quoted {
                        return Err(DatasetError::line(line, col, "text after a closing quote (expected ',' or the end of the line)"));
                    }
                    cur.push(c)
                }
            }
        }
        col += 1;
    }
    if in_quotes {
        return Err(DatasetError::line(
            quote_start.0,
            quote_start.1,
            "a quoted field is never closed (expected a closing '\"')",
        ));
    }
    if !cur.is_empty() || !cells.is_empty() {
        cells.push(cur);
        rows.push(TableRow {
            line: row_line,
            cells,
        });
    }
    Ok(rows)
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

fn from_table(
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

fn normalize_name(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// An id for a name: its slug, made unique with a short hash of the name when the name has
/// letters a slug cannot keep (`個人情報保護法`, `ΑΒΓ`), so such names neither fail nor collide.
pub fn id_for(name: &str) -> String {
    let slug = slugify(name);
    let lossy = name
        .chars()
        .map(crate::query::fold_char)
        .any(|c| c.is_alphanumeric() && !c.is_ascii());
    if !lossy && !slug.is_empty() {
        return slug;
    }
    // FNV-1a: stable across builds and platforms.
    let hash = name.trim().bytes().fold(0x811c_9dc5_u32, |h, b| {
        (h ^ b as u32).wrapping_mul(0x0100_0193)
    });
    if slug.is_empty() {
        format!("x-{hash:08x}")
    } else {
        format!("{slug}-{hash:08x}")
    }
}

/// Lowercase, ASCII letters and digits joined by single dashes.
pub fn slugify(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars().flat_map(char::to_lowercase) {
        let c = crate::query::fold_char(c);
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
        if out.len() >= 80 {
            break;
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

/// The formats [`parse_any`] reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Json,
    Csv,
    Markdown,
}

impl Format {
    /// From a name (`json`, `csv`, `markdown`/`md`).
    pub fn from_name(name: &str) -> Option<Format> {
        match name.trim().to_ascii_lowercase().as_str() {
            "json" => Some(Format::Json),
            "csv" => Some(Format::Csv),
            "markdown" | "md" => Some(Format::Markdown),
            _ => None,
        }
    }

    /// Guesses from a content type, then the URL's extension, then the text itself.
    pub fn guess(content_type: &str, url: &str, text: &str) -> Format {
        let ct = content_type.to_ascii_lowercase();
        let path = url
            .split(['?', '#'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        if ct.contains("json") || path.ends_with(".json") {
            Format::Json
        } else if ct.contains("csv") || path.ends_with(".csv") {
            Format::Csv
        } else if ct.contains("markdown") || path.ends_with(".md") || path.ends_with(".markdown") {
            Format::Markdown
        } else {
            let t = text.trim_start_matches('\u{feff}').trim_start();
            if t.starts_with('{') {
                Format::Json
            } else if t.lines().take(200).any(|l| l.contains('|')) {
                Format::Markdown
            } else {
                Format::Csv
            }
        }
    }
}

/// Parses a dataset in the given format. HTML (a server's error page, say) is refused with a
/// message that says so rather than read as a table.
pub fn parse_any(text: &str, format: Format, meta: &ImportMeta) -> Result<Dataset, DatasetError> {
    let head = text.trim_start_matches('\u{feff}').trim_start();
    let lower: String = head
        .chars()
        .take(15)
        .collect::<String>()
        .to_ascii_lowercase();
    if lower.starts_with("<!doctype html") || lower.starts_with("<html") {
        return Err(DatasetError::at(
            "",
            "got an HTML page, not a dataset (expected JSON, CSV or a Markdown table)",
        ));
    }
    match format {
        Format::Json => Dataset::from_json(text),
        Format::Csv => from_csv(text, meta),
        Format::Markdown => from_markdown(text, meta),
    }
}

// ---------------------------------------------------------------------------------------------
// Field rules
// ---------------------------------------------------------------------------------------------

fn check_size(text: &str) -> Result<(), DatasetError> {
    if text.len() > MAX_INPUT_BYTES {
        return Err(DatasetError::at(
            "",
            format!(
                "input is {} bytes, more than the limit of {} bytes ({} MiB)",
                text.len(),
                MAX_INPUT_BYTES,
                MAX_INPUT_BYTES / (1024 * 1024)
            ),
        ));
    }
    if text.trim().is_empty() {
        return Err(DatasetError::at(
            "",
            "empty input: expected a table or a JSON dataset",
        ));
    }
    Ok(())
}

fn check_text(field: &str, s: &str) -> Result<(), DatasetError> {
    if s.chars().count() > MAX_FIELD_CHARS {
        return Err(DatasetError::at(
            field,
            format!("longer than {MAX_FIELD_CHARS} characters"),
        ));
    }
    if s.chars().any(|c| c == '\0') {
        return Err(DatasetError::at(field, "contains a NUL character"));
    }
    Ok(())
}

/// [`check_text`] that builds the field's path only when the text fails (the path is a string
/// per cell label or name: thousands in a long matrix).
fn check_text_at(field: impl FnOnce() -> String, s: &str) -> Result<(), DatasetError> {
    // At most MAX_FIELD_CHARS bytes is at most as many characters.
    if s.len() <= MAX_FIELD_CHARS && !s.contains('\0') {
        return Ok(());
    }
    check_text(&field(), s)
}

/// [`check_name`] that builds the field's path only when the name fails.
fn check_name_at(field: impl FnOnce() -> String, s: &str) -> Result<(), DatasetError> {
    if s.trim().is_empty() {
        return check_name(&field(), s);
    }
    check_text_at(field, s)
}

/// A serde_json error's message without the " at line L column C" it ends with (callers name
/// the place their own way).
pub(crate) fn json_message(e: &serde_json::Error) -> String {
    let msg = e.to_string();
    match msg.split_once(" at line ") {
        Some((head, _)) => head.to_string(),
        None => msg,
    }
}

fn check_name(field: &str, s: &str) -> Result<(), DatasetError> {
    if s.trim().is_empty() {
        return Err(DatasetError::at(field, "must not be empty"));
    }
    check_text(field, s)
}

fn check_link(field: &str, l: &Link) -> Result<(), DatasetError> {
    check_text(&format!("{field}.title"), &l.title)?;
    if let Some(n) = &l.note {
        check_text(&format!("{field}.note"), n)?;
    }
    if l.url.is_empty() {
        return Ok(());
    }
    check_url(&format!("{field}.url"), &l.url)
}

fn check_url(field: &str, url: &str) -> Result<(), DatasetError> {
    check_text(field, url)?;
    if safe_url(url).is_none() {
        return Err(DatasetError::at(
            field,
            format!("'{url}' is not an http:, https: or mailto: link"),
        ));
    }
    Ok(())
}

/// The URL if it is an absolute `http:`, `https:` or `mailto:` link without control characters;
/// links from data are never rendered otherwise.
pub fn safe_url(url: &str) -> Option<&str> {
    let u = url.trim();
    if u.chars().any(|c| c.is_control() || c.is_whitespace()) {
        return None;
    }
    let lower = u.to_ascii_lowercase();
    let ok = (lower.starts_with("https://") && u.len() > 8)
        || (lower.starts_with("http://") && u.len() > 7)
        || (lower.starts_with("mailto:") && u.len() > 7);
    ok.then_some(u)
}

/// An id: 1–100 of `a`–`z`, `0`–`9` and `-`, not starting with `-`.
pub(crate) fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 100
        && s.bytes()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == b'-')
        && !s.starts_with('-')
}

fn is_tag(t: &str) -> bool {
    match t.split_once(':') {
        Some((facet, value)) => is_slug(facet) && is_slug(value),
        None => false,
    }
}

fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let num = |r: std::ops::Range<usize>| s[r].parse::<u32>().ok();
    matches!((num(0..4), num(5..7), num(8..10)), (Some(_), Some(m), Some(d)) if (1..=12).contains(&m) && (1..=31).contains(&d))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seed_meta() -> ImportMeta {
        ImportMeta {
            as_of: "2020-04-21".into(),
            source: Link {
                title: "seed".into(),
                url: "https://example.com/".into(),
                note: None,
            },
        }
    }

    #[test]
    fn embedded_matrix_is_the_seed_shape() {
        let ds = Dataset::embedded();
        assert_eq!(ds.programs.len(), 20);
        let ids: Vec<&str> = ds.services.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["ecs", "eks", "fargate", "ecr"]);
        let names: Vec<&str> = ds.services.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(
            names,
            ["Amazon ECS", "Amazon EKS", "ECS Fargate", "Amazon ECR"]
        );
        assert_eq!(ds.as_of, "2020-04-21");
        assert!(ds
            .warning
            .as_deref()
            .unwrap()
            .starts_with("Compliance status changes over time"));
        assert_eq!(
            ds.latest.as_ref().unwrap().url,
            "https://aws.amazon.com/compliance/services-in-scope/"
        );
    }

    #[test]
    fn embedded_labels_keep_the_source_words() {
        let ds = Dataset::embedded();
        let fed = &ds.programs[ds.program_index("fedramp-moderate").unwrap()];
        assert_eq!(fed.cells[1].status, Status::InProgress);
        assert_eq!(fed.cells[1].label.as_deref(), Some("3PAO Assessment"));
        let dod = &ds.programs[ds.program_index("dod-cc-srg").unwrap()];
        assert_eq!(dod.cells[1].label.as_deref(), Some("Undergoing assessment"));
    }

    #[test]
    fn every_program_has_a_jurisdiction_and_a_domain() {
        for p in &Dataset::embedded().programs {
            assert!(
                p.tags.iter().any(|t| t.starts_with("jurisdiction:")),
                "{}",
                p.id
            );
            assert!(p.tags.iter().any(|t| t.starts_with("domain:")), "{}", p.id);
        }
    }

    #[test]
    fn cell_text_vocabulary() {
        assert_eq!(Cell::from_text(" 1 ").status, Status::InScope);
        assert_eq!(Cell::from_text("yes").status, Status::InScope);
        assert_eq!(Cell::from_text("✔").status, Status::InScope);
        assert_eq!(Cell::from_text("0").status, Status::NotInScope);
        assert_eq!(Cell::from_text("✗").status, Status::NotInScope);
        assert_eq!(Cell::from_text("No").status, Status::NotInScope);
        assert_eq!(Cell::from_text("\t").status, Status::Unknown);
        let c = Cell::from_text("DISA Review (IL5)");
        assert_eq!(c.status, Status::InProgress);
        assert_eq!(c.label.as_deref(), Some("DISA Review (IL5)"));
    }

    #[test]
    fn json_errors_name_the_field() {
        let bad = r#"{"as_of":"2020-04-21","source":{"title":"t","url":"https://x.org"},
            "services":[{"id":"ecs","name":"ECS"}],
            "programs":[{"id":"a","name":"A","status":{"ecs":"maybe"}}]}"#;
        let e = Dataset::from_json(bad).unwrap_err();
        assert_eq!(e.location, "programs[0].status.ecs");
        assert!(e.message.contains("unknown status 'maybe'"), "{e}");

        let bad = bad
            .replace("\"maybe\"", "\"in-scope\"")
            .replace("\"ecs\":\"in-scope\"", "\"eks\":\"in-scope\"");
        let e = Dataset::from_json(&bad).unwrap_err();
        assert_eq!(e.location, "programs[0].status.eks");
    }

    #[test]
    fn json_syntax_errors_name_line_and_column() {
        let e = Dataset::from_json("{\n  \"as_of\": 2020,\n").unwrap_err();
        assert!(e.location.starts_with("line 2, column"), "{e}");
    }

    #[test]
    fn unsafe_links_are_refused() {
        let mut ds = (*Dataset::embedded()).clone();
        ds.source.url = "javascript:alert(1)".into();
        let e = ds.validate().unwrap_err();
        assert_eq!(e.location, "source.url");
        assert_eq!(safe_url("JaVaScRiPt:alert(1)"), None);
        assert_eq!(safe_url("data:text/html,x"), None);
        assert_eq!(safe_url("https://x.org/a b"), None);
        assert_eq!(safe_url("mailto:a@b.c"), Some("mailto:a@b.c"));
    }

    #[test]
    fn duplicate_program_ids_are_refused() {
        let mut ds = (*Dataset::embedded()).clone();
        ds.programs[3].id = ds.programs[2].id.clone();
        let e = ds.validate().unwrap_err();
        assert_eq!(e.location, "programs[3].id");
    }

    #[test]
    fn json_round_trip_is_identity() {
        let ds = Dataset::embedded();
        let again = Dataset::from_value(ds.to_json_value()).unwrap();
        assert_eq!(*ds, again);
    }

    #[test]
    fn markdown_seed_imports_with_ids_and_labels() {
        let md = include_str!("../tests/fixtures/seed-compliance.md");
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
        assert_eq!(e.location, "line 4, column 3");
        assert!(e.message.contains("2 cells, the header has 3"), "{e}");
    }

    #[test]
    fn markdown_duplicate_program_by_alias() {
        let md = "| P | Amazon ECS |\n|---|---|\n| HITRUST CSF | 1 |\n| HITRUSST CSF | 0 |\n";
        let e = from_markdown(md, &seed_meta()).unwrap_err();
        assert_eq!(e.location, "line 4, column 1");
        assert!(e.message.contains("duplicate program"), "{e}");
    }

    #[test]
    fn csv_with_bom_crlf_and_quotes() {
        let csv = "\u{feff}Compliance Program,Amazon ECS,\"Amazon EKS\"\r\n\"FedRAMP Moderate (East/West)\",1,\"3PAO \"\"Assessment\"\"\"\r\nC5,1,0\r\n";
        let ds = from_csv(csv, &seed_meta()).unwrap();
        assert_eq!(ds.programs[0].id, "fedramp-moderate");
        assert_eq!(
            ds.programs[0].cells[1].label.as_deref(),
            Some("3PAO \"Assessment\"")
        );
        assert_eq!(ds.programs[1].cells[1].status, Status::NotInScope);
    }

    #[test]
    fn csv_unclosed_quote_names_its_start() {
        let e = from_csv("P,ECS\nA,\"1\n", &seed_meta()).unwrap_err();
        assert_eq!(e.location, "line 2, column 3");
    }

    #[test]
    fn table_without_program_column_is_refused() {
        let e = from_csv("Amazon ECS,Amazon EKS\n1,1\n", &seed_meta()).unwrap_err();
        assert!(e.message.contains("no program column"), "{e}");
    }

    #[test]
    fn formats_are_guessed_from_type_extension_and_text() {
        assert_eq!(Format::guess("application/json", "x", ""), Format::Json);
        assert_eq!(Format::guess("", "https://h/m.csv?x=1", ""), Format::Csv);
        assert_eq!(
            Format::guess("text/plain", "/m", "| a | b |"),
            Format::Markdown
        );
        assert_eq!(Format::guess("", "/m", " {\"as_of\":1}"), Format::Json);
        assert_eq!(Format::guess("", "/m", "P,ECS\nA,1"), Format::Csv);
        let e =
            parse_any("<!DOCTYPE html><html>404</html>", Format::Csv, &seed_meta()).unwrap_err();
        assert!(e.message.contains("HTML page"), "{e}");
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

    #[test]
    fn empty_and_oversized_input_are_refused() {
        assert!(from_csv("  \n", &seed_meta())
            .unwrap_err()
            .message
            .contains("empty input"));
        let big = "x".repeat(MAX_INPUT_BYTES + 1);
        assert!(Dataset::from_json(&big)
            .unwrap_err()
            .message
            .contains("more than the limit"));
    }

    /// A dataset's JSON with `cell` as the only cell (program `a`, service `ecs`).
    fn with_cell(cell: &str) -> String {
        format!(
            r#"{{"as_of":"2024-01-01","source":{{"title":"t","url":"https://example.com"}},"services":[{{"id":"ecs","name":"E"}}],"programs":[{{"id":"a","name":"A","status":{{"ecs":{cell}}}}}]}}"#
        )
    }

    #[test]
    fn data_text_cells_plain_labelled_and_rejected() {
        let ds = Dataset::from_data_text(&with_cell(r#""in-scope""#)).unwrap();
        assert_eq!(ds.programs[0].cells[0], Cell::of(Status::InScope));
        let ds = Dataset::from_data_text(&with_cell(
            r#"{"status":"in-progress","label":"3PAO Assessment"}"#,
        ))
        .unwrap();
        assert_eq!(ds.programs[0].cells[0].status, Status::InProgress);
        assert_eq!(
            ds.programs[0].cells[0].label.as_deref(),
            Some("3PAO Assessment")
        );
        let ds =
            Dataset::from_data_text(&with_cell(r#"{"label":null,"status":"unknown"}"#)).unwrap();
        assert_eq!(ds.programs[0].cells[0], Cell::of(Status::Unknown));
        for bad in [
            r#"1"#,
            r#"{"status":"in-scope","extra":1}"#,
            r#"{"label":"x"}"#,
            r#"{"status":1}"#,
            r#"["in-scope"]"#,
        ] {
            let e = Dataset::from_data_text(&with_cell(bad)).unwrap_err();
            assert_eq!(e.location, "programs[0].status.ecs", "{bad}");
            assert!(
                e.message.starts_with("expected a status"),
                "{bad}: {}",
                e.message
            );
        }
        let e = Dataset::from_data_text(&with_cell(r#"{"status":"maybe"}"#)).unwrap_err();
        assert_eq!(e.location, "programs[0].status.ecs.status");
    }

    #[test]
    fn data_text_errors_name_the_schema_or_the_json() {
        let e = Dataset::from_data_text(
            r#"{"source":{"title":"t","url":"https://e.com"},"services":[],"programs":[]}"#,
        )
        .unwrap_err();
        assert_eq!(
            e.to_string(),
            "does not match the schema: missing field `as_of`"
        );
        // Text that is not JSON (here: 200 unclosed brackets in a cell) is named as such.
        let e = Dataset::from_data_text(&with_cell(&"[".repeat(200))).unwrap_err();
        assert!(
            e.to_string()
                .starts_with("not a dataset object (expected value"),
            "{e}"
        );
        // A deep but well-formed value in a cell is skipped without recursion, then refused.
        let deep = format!("{}{}", "[".repeat(5000), "]".repeat(5000));
        let e = Dataset::from_data_text(&with_cell(&deep)).unwrap_err();
        assert_eq!(e.location, "programs[0].status.ecs");
        assert!(e.message.starts_with("expected a status"), "{e}");
    }

    #[test]
    fn long_or_nul_text_names_its_field() {
        let long = "x".repeat(MAX_FIELD_CHARS + 1);
        let e = Dataset::from_data_text(&with_cell(&format!(
            r#"{{"status":"in-scope","label":"{long}"}}"#
        )))
        .unwrap_err();
        assert_eq!(
            (e.location.as_str(), e.message.as_str()),
            (
                "programs[0].status.ecs.label",
                "longer than 2000 characters"
            )
        );
        // 2,000 characters of two bytes each pass: the limit counts characters.
        let wide = "é".repeat(MAX_FIELD_CHARS);
        assert!(Dataset::from_data_text(&with_cell(&format!(
            r#"{{"status":"in-scope","label":"{wide}"}}"#
        )))
        .is_ok());
        let text = with_cell(r#""in-scope""#)
            .replace(r#""name":"A""#, r#""name":"A\u0000","aliases":["ok"," "]"#);
        let e = Dataset::from_data_text(&text).unwrap_err();
        assert_eq!(
            (e.location.as_str(), e.message.as_str()),
            ("programs[0].name", "contains a NUL character")
        );
        let text = with_cell(r#""in-scope""#)
            .replace(r#""name":"A""#, r#""name":"A","aliases":["ok"," "]"#);
        let e = Dataset::from_data_text(&text).unwrap_err();
        assert_eq!(
            (e.location.as_str(), e.message.as_str()),
            ("programs[0].aliases[1]", "must not be empty")
        );
    }
}
