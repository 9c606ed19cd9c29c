//! The parsers of option values: a revision id, and those that are checked against a dataset
//! (`sort`, `status`, `services`) or have a form of their own (`tags`).

use super::OptionError;
use crate::dataset::Dataset;
use crate::i18n::StringKey;
use crate::query::{Direction, SortField, SortKey, StatusFilter};
use crate::revisions;

/// Parses a revision id option: empty → `None`, `latest` → the newest id.
pub fn parse_revision(name: &str, s: &str) -> Result<Option<String>, OptionError> {
    let s = s.trim();
    if s.is_empty() {
        return Ok(None);
    }
    match revisions::find(s) {
        Some(r) => Ok(Some(r.id)),
        None => Err(OptionError::new(StringKey::errRevision, s)
            .with("option", name)
            .with("list", &revisions::ids().join(", "))),
    }
}

/// Parses the `sort` attribute: a comma list of `key:asc|desc` (direction optional, ascending).
/// Keys are `program`, `coverage` or a service id of the dataset.
pub fn parse_sort(s: &str, ds: &Dataset) -> Result<Vec<SortKey>, OptionError> {
    let mut out: Vec<SortKey> = Vec::new();
    for part in s.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let (key, dir) = match part.split_once(':') {
            Some((k, d)) => (k.trim(), d.trim()),
            None => (part, "asc"),
        };
        let dir = match dir {
            "asc" => Direction::Asc,
            "desc" => Direction::Desc,
            other => return Err(OptionError::new(StringKey::errSortDirection, other)),
        };
        let field = match key {
            "program" => SortField::Program,
            "coverage" => SortField::Coverage,
            id if ds.service_index(id).is_some() => SortField::Service(id.to_string()),
            other => {
                return Err(
                    OptionError::new(StringKey::errSortKey, other).with("list", &service_ids(ds))
                )
            }
        };
        if out.iter().any(|k| k.field == field) {
            return Err(OptionError::new(StringKey::errSortTwice, key));
        }
        out.push(SortKey { field, dir });
    }
    Ok(out)
}

/// Parses the `status` attribute: `any` or `<service>:<status>`.
pub fn parse_status(s: &str, ds: &Dataset) -> Result<StatusFilter, OptionError> {
    let s = s.trim();
    if s.is_empty() || s == "any" {
        return Ok(StatusFilter::Any);
    }
    let Some((svc, st)) = s.split_once(':') else {
        return Err(OptionError::new(StringKey::errStatusForm, s));
    };
    if ds.service_index(svc.trim()).is_none() {
        return Err(OptionError::new(StringKey::errStatusService, svc.trim())
            .with("list", &service_ids(ds)));
    }
    let Some(status) = crate::dataset::Status::from_id(st.trim()) else {
        return Err(OptionError::new(StringKey::errStatusStatus, st.trim()));
    };
    Ok(StatusFilter::Service {
        service: svc.trim().to_string(),
        status,
    })
}

/// Parses the `services` attribute: a comma list of service ids, in display order.
pub fn parse_services(s: &str, ds: &Dataset) -> Result<Vec<String>, OptionError> {
    let mut out: Vec<String> = Vec::new();
    for id in s.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        if ds.service_index(id).is_none() {
            return Err(OptionError::new(StringKey::errServices, id).with("list", &service_ids(ds)));
        }
        if !out.iter().any(|x| x == id) {
            out.push(id.to_string());
        }
    }
    Ok(out)
}

/// Parses the `tags` attribute: a comma list of `facet:value` tags. A tag given twice counts
/// once (the first place kept); duplicates are found by sorting, so a long list costs
/// n log n comparisons, not n² (the caller caps its length: `view_state::check_value`).
pub fn parse_tags(s: &str) -> Result<Vec<String>, OptionError> {
    let tags: Vec<&str> = s
        .split(',')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    if let Some(t) = tags.iter().find(|t| !t.contains(':')) {
        return Err(OptionError::new(StringKey::errTags, t));
    }
    let mut order: Vec<usize> = (0..tags.len()).collect();
    crate::stable_sort::sort_indices(&mut order, &|a, b| tags[a].cmp(tags[b]));
    let mut keep = vec![true; tags.len()];
    for pair in order.windows(2) {
        // Stable: of equal tags, the earlier one comes first and stays.
        if tags[pair[0]] == tags[pair[1]] {
            keep[pair[1]] = false;
        }
    }
    Ok(tags
        .iter()
        .zip(keep)
        .filter(|(_, k)| *k)
        .map(|(t, _)| t.to_string())
        .collect())
}

fn service_ids(ds: &Dataset) -> String {
    ds.services
        .iter()
        .map(|s| s.id.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}
