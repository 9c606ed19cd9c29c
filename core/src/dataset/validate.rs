//! The field rules of every dataset and of the responsibility model: one set, one error type.

use super::{
    Dataset, DatasetError, Link, Place, MAX_CELLS, MAX_FACET_VALUES, MAX_FIELD_CHARS,
    MAX_INPUT_BYTES, MAX_PROGRAMS, MAX_SERVICES, MAX_TAGS,
};
use crate::i18n::StringKey;
use crate::text::is_slug;
use std::collections::{HashMap, HashSet};

impl Dataset {
    /// Checks every rule of the schema; the error names the first offending field.
    pub fn validate(&self) -> Result<(), DatasetError> {
        if !self.as_of.is_empty() {
            check_date("as_of", &self.as_of)?;
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
            return Err(DatasetError::field("services", StringKey::errNoServices));
        }
        if self.services.len() > MAX_SERVICES {
            return Err(
                DatasetError::field("services", StringKey::errTooManyServices)
                    .num("count", self.services.len())
                    .num("limit", MAX_SERVICES),
            );
        }
        let mut seen = HashSet::new();
        for (i, s) in self.services.iter().enumerate() {
            check_id(|| format!("services[{i}].id"), &s.id, &mut seen)?;
            check_name(&format!("services[{i}].name"), &s.name)?;
        }
        if self.programs.is_empty() {
            return Err(DatasetError::field("programs", StringKey::errNoPrograms));
        }
        if self.programs.len() > MAX_PROGRAMS {
            return Err(too_many_programs(self.programs.len()));
        }
        let cells = self.programs.len() * self.services.len();
        if cells > MAX_CELLS {
            return Err(DatasetError::field("programs", StringKey::errTooManyCells)
                .num("programs", self.programs.len())
                .num("services", self.services.len())
                .num("limit", MAX_CELLS));
        }
        let mut seen = HashSet::new();
        // Distinct tags in all, and distinct values per facet: each is a chip in the toolbar.
        let mut tags: HashSet<&str> = HashSet::new();
        let mut per_facet: HashMap<&str, usize> = HashMap::new();
        for (i, p) in self.programs.iter().enumerate() {
            let at = |f: &str| format!("programs[{i}].{f}");
            check_id(|| at("id"), &p.id, &mut seen)?;
            check_name_at(|| at("name"), &p.name)?;
            for (j, a) in p.aliases.iter().enumerate() {
                check_name_at(|| at(&format!("aliases[{j}]")), a)?;
            }
            for (j, t) in p.tags.iter().enumerate() {
                if !is_tag(t) {
                    return Err(
                        DatasetError::field(at(&format!("tags[{j}]")), StringKey::errTag)
                            .with("value", t),
                    );
                }
                if tags.insert(t) {
                    let facet = t.split_once(':').map_or(t.as_str(), |(f, _)| f);
                    let n = per_facet.entry(facet).or_insert(0);
                    *n += 1;
                    if *n > MAX_FACET_VALUES {
                        return Err(DatasetError::field(
                            at(&format!("tags[{j}]")),
                            StringKey::errFacetValues,
                        )
                        .with("value", t)
                        .num("limit", MAX_FACET_VALUES)
                        .with("facet", facet));
                    }
                    if tags.len() > MAX_TAGS {
                        return Err(DatasetError::field(
                            at(&format!("tags[{j}]")),
                            StringKey::errTagCount,
                        )
                        .with("value", t)
                        .num("limit", MAX_TAGS));
                    }
                }
            }
            if let Some(n) = &p.note {
                check_text_at(|| at("note"), n)?;
            }
            if let Some(u) = &p.url {
                // The field's path is formatted only for a failing link.
                check_url("", u).map_err(|e| DatasetError {
                    place: Place::Field(at("url")),
                    ..e
                })?;
            }
            if p.cells.len() != self.services.len() {
                return Err(DatasetError::field(at("status"), StringKey::errCellCount)
                    .num("cells", p.cells.len())
                    .num("services", self.services.len()));
            }
            for (c, cell) in p.cells.iter().enumerate() {
                if let Some(l) = &cell.label {
                    check_text_at(|| at(&format!("status.{}.label", self.services[c].id)), l)?;
                }
            }
        }
        Ok(())
    }
}

/// More programs than a dataset may have.
pub(crate) fn too_many_programs(count: usize) -> DatasetError {
    DatasetError::field("programs", StringKey::errTooManyPrograms)
        .num("count", count)
        .num("limit", MAX_PROGRAMS)
}

/// An input over [`MAX_INPUT_BYTES`]: `key` says of what (`{bytes}` or `{count}` is `n`).
pub fn over_limit(key: StringKey, what: &'static str, n: usize) -> DatasetError {
    DatasetError::input(key)
        .num(what, n)
        .num("limit", MAX_INPUT_BYTES)
        .num("mib", MAX_INPUT_BYTES / (1024 * 1024))
}

pub(crate) fn check_size(text: &str) -> Result<(), DatasetError> {
    if text.len() > MAX_INPUT_BYTES {
        return Err(over_limit(StringKey::errInputBytes, "bytes", text.len()));
    }
    if text.trim().is_empty() {
        return Err(DatasetError::input(StringKey::errEmptyInput));
    }
    Ok(())
}

pub(crate) fn check_text(field: &str, s: &str) -> Result<(), DatasetError> {
    if s.chars().count() > MAX_FIELD_CHARS {
        return Err(DatasetError::field(field, StringKey::errTooLong).num("limit", MAX_FIELD_CHARS));
    }
    if s.chars().any(|c| c == '\0') {
        return Err(DatasetError::field(field, StringKey::errNul));
    }
    Ok(())
}

/// [`check_text`] that builds the field's path only when the text fails (the path is a string
/// per cell label or name: thousands in a long matrix).
pub(crate) fn check_text_at(field: impl FnOnce() -> String, s: &str) -> Result<(), DatasetError> {
    // At most MAX_FIELD_CHARS bytes is at most as many characters.
    if s.len() <= MAX_FIELD_CHARS && !s.contains('\0') {
        return Ok(());
    }
    check_text(&field(), s)
}

/// [`check_name`] that builds the field's path only when the name fails.
pub(crate) fn check_name_at(field: impl FnOnce() -> String, s: &str) -> Result<(), DatasetError> {
    if s.trim().is_empty() {
        return check_name(&field(), s);
    }
    check_text_at(field, s)
}

pub(crate) fn check_name(field: &str, s: &str) -> Result<(), DatasetError> {
    if s.trim().is_empty() {
        return Err(DatasetError::field(field, StringKey::errEmptyField));
    }
    check_text(field, s)
}

pub(crate) fn check_link(field: &str, l: &Link) -> Result<(), DatasetError> {
    check_text(&format!("{field}.title"), &l.title)?;
    if let Some(n) = &l.note {
        check_text(&format!("{field}.note"), n)?;
    }
    if l.url.is_empty() {
        return Ok(());
    }
    check_url(&format!("{field}.url"), &l.url)
}

pub(crate) fn check_url(field: &str, url: &str) -> Result<(), DatasetError> {
    check_text(field, url)?;
    if safe_url(url).is_none() {
        return Err(DatasetError::field(field, StringKey::errLink).with("value", url));
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

/// A date field: `YYYY-MM-DD`, a real month and day.
pub(crate) fn check_date(field: &str, s: &str) -> Result<(), DatasetError> {
    if is_iso_date(s) {
        Ok(())
    } else {
        Err(DatasetError::field(field, StringKey::errDate).with("value", s))
    }
}

/// A model link: `http:` or `https:` only (a source or a tool's page, never `mailto:`).
pub fn is_web_url(url: &str) -> bool {
    safe_url(url).is_some_and(|u| !u.to_ascii_lowercase().starts_with("mailto:"))
}

/// An id field: a slug, not seen before in its list.
pub(crate) fn check_id<'a>(
    field: impl FnOnce() -> String,
    id: &'a str,
    seen: &mut HashSet<&'a str>,
) -> Result<(), DatasetError> {
    if !is_slug(id) {
        return Err(DatasetError::field(field(), StringKey::errId).with("value", id));
    }
    if !seen.insert(id) {
        return Err(DatasetError::field(field(), StringKey::errDuplicateId).with("value", id));
    }
    Ok(())
}

pub(crate) fn is_tag(t: &str) -> bool {
    match t.split_once(':') {
        Some((facet, value)) => is_slug(facet) && is_slug(value),
        None => false,
    }
}

pub fn is_iso_date(s: &str) -> bool {
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
    use crate::dataset::from_csv;
    use crate::dataset::json::tests::with_cell;
    use crate::dataset::table::seed_meta;

    #[test]
    fn unsafe_links_are_refused() {
        let mut ds = (*Dataset::embedded()).clone();
        ds.source.url = "javascript:alert(1)".into();
        let e = ds.validate().unwrap_err();
        assert_eq!(e.location(), "source.url");
        assert_eq!(safe_url("JaVaScRiPt:alert(1)"), None);
        assert_eq!(safe_url("data:text/html,x"), None);
        assert_eq!(safe_url("https://x.org/a b"), None);
        assert_eq!(safe_url("mailto:a@b.c"), Some("mailto:a@b.c"));
    }

    /// 20,000 programs with 100,000 distinct tags froze the page for 40 s: a dataset over the
    /// facet or dataset limits is refused, naming the first tag over a limit.
    #[test]
    fn tags_over_the_facet_and_dataset_limits_are_refused() {
        let base = (*Dataset::embedded()).clone();
        let mut ds = base.clone();
        let template = ds.programs[0].clone();
        ds.programs = (0..20_000)
            .map(|i| {
                let mut p = template.clone();
                p.id = format!("p{i}");
                p.tags = (0..5).map(|k| format!("f{k}:v{}", i * 5 + k)).collect();
                p
            })
            .collect();
        let e = ds.validate().unwrap_err();
        // Five facets fill up together: the 201st value of f0 comes first (program 200).
        assert_eq!(e.location(), "programs[200].tags[0]");
        assert_eq!(
            e.message(),
            "'f0:v1000' is one value more than the limit of 200 values of the facet 'f0'"
        );
        // 1,001 facets of one value each: the dataset limit.
        let mut ds = base.clone();
        ds.programs[0].tags = (0..=MAX_TAGS).map(|k| format!("f{k}:x")).collect();
        let e = ds.validate().unwrap_err();
        assert_eq!(e.location(), "programs[0].tags[1000]");
        assert_eq!(
            e.message(),
            "'f1000:x' is one distinct tag more than the limit of 1000 tags in a dataset"
        );
        // At the limits, and with repeats, it passes.
        let mut ds = base;
        ds.programs[0].tags = (0..MAX_FACET_VALUES).map(|k| format!("f:v{k}")).collect();
        ds.programs[1].tags = ds.programs[0].tags.clone();
        assert_eq!(ds.validate(), Ok(()));
    }

    #[test]
    fn duplicate_program_ids_are_refused() {
        let mut ds = (*Dataset::embedded()).clone();
        ds.programs[3].id = ds.programs[2].id.clone();
        let e = ds.validate().unwrap_err();
        assert_eq!(e.location(), "programs[3].id");
    }

    #[test]
    fn empty_and_oversized_input_are_refused() {
        assert!(from_csv("  \n", &seed_meta())
            .unwrap_err()
            .message()
            .contains("empty input"));
        let big = "x".repeat(MAX_INPUT_BYTES + 1);
        assert!(Dataset::from_json(&big)
            .unwrap_err()
            .message()
            .contains("more than the limit"));
    }

    #[test]
    fn long_or_nul_text_names_its_field() {
        let long = "x".repeat(MAX_FIELD_CHARS + 1);
        let e = Dataset::from_data_text(&with_cell(&format!(
            r#"{{"status":"in-scope","label":"{long}"}}"#
        )))
        .unwrap_err();
        assert_eq!(
            (e.location().as_str(), e.message().as_str()),
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
            (e.location().as_str(), e.message().as_str()),
            ("programs[0].name", "contains a NUL character")
        );
        let text = with_cell(r#""in-scope""#)
            .replace(r#""name":"A""#, r#""name":"A","aliases":["ok"," "]"#);
        let e = Dataset::from_data_text(&text).unwrap_err();
        assert_eq!(
            (e.location().as_str(), e.message().as_str()),
            ("programs[0].aliases[1]", "must not be empty")
        );
    }
}
