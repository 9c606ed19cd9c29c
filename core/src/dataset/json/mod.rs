//! Our JSON schema (`docs/data-format.md`): reading with field paths in errors, and writing.

use super::validate::check_size;
use super::{Cell, Dataset, DatasetError, Link, Program, Service, Status};
use crate::i18n::StringKey;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;

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
    /// Parses and validates a dataset in our JSON schema (`docs/data-format.md`).
    pub fn from_json(text: &str) -> Result<Dataset, DatasetError> {
        check_size(text)?;
        let raw: RawDataset =
            serde_json::from_str(text.trim_start_matches('\u{feff}')).map_err(|e| {
                DatasetError::line(e.line(), e.column(), StringKey::errJsonSyntax)
                    .with("detail", json_message(&e))
            })?;
        Dataset::from_raw(raw)
    }

    /// Validates an already-parsed JSON value.
    pub fn from_value(value: serde_json::Value) -> Result<Dataset, DatasetError> {
        let raw = RawDataset::deserialize(&value).map_err(|e| {
            DatasetError::input(StringKey::errJsonSchema).with("detail", e.to_string())
        })?;
        Dataset::from_raw(raw)
    }

    /// Validates the element's `data` property, as the JSON text `JSON.stringify` wrote of it:
    /// parsed straight into the schema (no intermediate value tree), errors named by field.
    pub fn from_data_text(text: &str) -> Result<Dataset, DatasetError> {
        check_size(text)?;
        let raw: RawDataset = serde_json::from_str(text).map_err(|e| {
            let key = match e.classify() {
                serde_json::error::Category::Data => StringKey::errJsonSchema,
                _ => StringKey::errJsonNotObject,
            };
            DatasetError::input(key).with("detail", json_message(&e))
        })?;
        Dataset::from_raw(raw)
    }

    fn from_raw(raw: RawDataset<'_>) -> Result<Dataset, DatasetError> {
        // Names are trimmed, as a table's are: a name never starts or ends with whitespace, so
        // every export (CSV, Markdown) gives it back as it is.
        let mut services = raw.services;
        for s in &mut services {
            trim_in_place(&mut s.name);
        }
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
                    let list: Vec<&str> = services.iter().map(|s| s.id.as_str()).collect();
                    return Err(DatasetError::field(
                        format!("programs[{i}].status.{key}"),
                        StringKey::errUnknownService,
                    )
                    .with("value", &*key)
                    .with("list", list.join(", ")));
                };
                cells[col] = match cell {
                    JsonCell::Valid(cell) => cell,
                    JsonCell::UnknownStatus { status, nested } => {
                        let field = format!(
                            "programs[{i}].status.{key}{}",
                            if nested { ".status" } else { "" }
                        );
                        return Err(DatasetError::field(field, StringKey::errUnknownStatus)
                            .with("value", &*status));
                    }
                    JsonCell::Invalid => {
                        return Err(DatasetError::field(
                            format!("programs[{i}].status.{key}"),
                            StringKey::errStatusShape,
                        ))
                    }
                };
            }
            let mut name = p.name;
            trim_in_place(&mut name);
            let mut aliases = p.aliases;
            aliases.iter_mut().for_each(trim_in_place);
            programs.push(Program {
                id: p.id,
                name,
                aliases,
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

/// Removes leading and trailing whitespace without a new allocation when there is none.
fn trim_in_place(s: &mut String) {
    let t = s.trim();
    if t.len() != s.len() {
        *s = t.to_string();
    }
}

/// A serde_json error's message without the " at line L column C" it ends with (callers name
/// the place their own way).
pub fn json_message(e: &serde_json::Error) -> String {
    let msg = e.to_string();
    match msg.split_once(" at line ") {
        Some((head, _)) => head.to_string(),
        None => msg,
    }
}

#[cfg(test)]
pub(crate) mod tests;
