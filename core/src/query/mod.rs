//! What is shown: text filter, status filter, gaps, facets, shown services and multi-key sort.
//! Pure functions over a [`Dataset`]; no yew, web-sys or wasm-bindgen here.

mod search;
mod sort;

pub use search::SearchIndex;
pub use sort::{Direction, SortField, SortKey};

use crate::dataset::{Dataset, Status};
use crate::text::words;
use std::fmt;

/// The status filter: every row, or rows where one service has one status.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub enum StatusFilter {
    #[default]
    Any,
    Service {
        service: String,
        status: Status,
    },
}

impl StatusFilter {
    /// A choice of the status select (`any` or `<service>:<status>`, as [`fmt::Display`] writes
    /// it); anything else is `Any`.
    pub fn from_choice(value: &str) -> StatusFilter {
        match value.split_once(':') {
            Some((service, status)) => match Status::from_id(status) {
                Some(status) => StatusFilter::Service {
                    service: service.to_string(),
                    status,
                },
                None => StatusFilter::Any,
            },
            None => StatusFilter::Any,
        }
    }
}

impl fmt::Display for StatusFilter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StatusFilter::Any => write!(f, "any"),
            StatusFilter::Service { service, status } => write!(f, "{service}:{}", status.id()),
        }
    }
}

/// Everything that decides which rows and columns are shown, and in which order.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Query {
    pub text: String,
    pub status: StatusFilter,
    pub gaps: bool,
    /// Selected facet tags: OR within a facet, AND across facets.
    pub tags: Vec<String>,
    /// Service ids to show, in order; empty means all, in dataset order.
    pub services: Vec<String>,
    pub sort: Vec<SortKey>,
}

/// A facet value with its live count.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FacetValue {
    pub tag: String,
    pub value: String,
    pub count: usize,
    pub selected: bool,
}

/// A facet (e.g. `jurisdiction`) with its values, in first-seen order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Facet {
    pub name: String,
    pub values: Vec<FacetValue>,
}

/// How many values of a facet are shown as chips at once; a facet with more gets a box to find
/// the others (a dataset may have up to 200 values per facet, 1,000 in all).
pub const FACET_SCREENFUL: usize = 24;

/// The values of a facet to show as chips: with `find` empty, the first [`FACET_SCREENFUL`];
/// else those whose label or value contains every word of `find` (case and accents folded), at
/// most a screenful. Selected values are always shown. Returns the indexes into `facet.values`,
/// in order, and how many values match in all.
pub fn facet_window(
    facet: &Facet,
    find: &str,
    label: impl Fn(&FacetValue) -> String,
) -> (Vec<usize>, usize) {
    let needle = crate::text::words(find);
    let matches = |v: &FacetValue| {
        needle.is_empty() || {
            let hay = crate::text::words(&format!("{} {}", label(v), v.value)).join(" ");
            needle.iter().all(|w| hay.contains(w.as_str()))
        }
    };
    let mut shown = Vec::new();
    let mut total = 0;
    for (i, v) in facet.values.iter().enumerate() {
        let hit = matches(v);
        total += usize::from(hit);
        if v.selected || (hit && shown.len() < FACET_SCREENFUL) {
            shown.push(i);
        }
    }
    (shown, total)
}

/// In-scope and in-progress counts of one program over the given services.
pub fn coverage(ds: &Dataset, program: usize, shown: &[usize]) -> (usize, usize) {
    let cells = &ds.programs[program].cells;
    shown
        .iter()
        .fold((0, 0), |(a, b), &s| match cells[s].status {
            Status::InScope => (a + 1, b),
            Status::InProgress => (a, b + 1),
            _ => (a, b),
        })
}

impl Query {
    /// Indices of the shown services, in display order. Unknown ids are skipped.
    pub fn shown_services(&self, ds: &Dataset) -> Vec<usize> {
        if self.services.is_empty() {
            return ds.default_services();
        }
        let mut out: Vec<usize> = Vec::new();
        for id in &self.services {
            if let Some(i) = ds.service_index(id) {
                if !out.contains(&i) {
                    out.push(i);
                }
            }
        }
        if out.is_empty() {
            ds.default_services()
        } else {
            out
        }
    }

    fn query_words(&self) -> Vec<String> {
        words(&self.text)
    }

    /// Whether a program passes the text, status and gaps filters.
    fn passes_without_tags(
        &self,
        ds: &Dataset,
        index: &SearchIndex,
        shown: &[usize],
        qw: &[String],
        i: usize,
    ) -> bool {
        let p = &ds.programs[i];
        if !index.matches(i, qw) {
            return false;
        }
        if let StatusFilter::Service { service, status } = &self.status {
            match ds.service_index(service) {
                Some(s) if p.cells[s].status == *status => {}
                _ => return false,
            }
        }
        if self.gaps {
            let mut it = shown.iter().map(|&s| p.cells[s].status);
            if let Some(first) = it.next() {
                if it.all(|s| s == first) {
                    return false;
                }
            }
        }
        true
    }

    /// Whether a program passes every filter except, if given, one facet's tags.
    fn passes(
        &self,
        ds: &Dataset,
        index: &SearchIndex,
        shown: &[usize],
        qw: &[String],
        i: usize,
        skip_facet: Option<&str>,
    ) -> bool {
        if !self.passes_without_tags(ds, index, shown, qw, i) {
            return false;
        }
        let p = &ds.programs[i];
        let mut facets: Vec<&str> = self
            .tags
            .iter()
            .filter_map(|t| t.split_once(':').map(|(f, _)| f))
            .collect();
        facets.dedup();
        for facet in facets {
            if Some(facet) == skip_facet {
                continue;
            }
            let any = self
                .tags
                .iter()
                .filter(|t| t.split_once(':').map(|(f, _)| f) == Some(facet))
                .any(|t| p.tags.contains(t));
            if !any {
                return false;
            }
        }
        true
    }

    /// Indices of the visible programs, filtered and sorted.
    pub fn visible(&self, ds: &Dataset, index: &SearchIndex) -> Vec<usize> {
        let shown = self.shown_services(ds);
        let qw = self.query_words();
        let mut rows: Vec<usize> = (0..ds.programs.len())
            .filter(|&i| self.passes(ds, index, &shown, &qw, i, None))
            .collect();
        self.sort_rows(ds, &shown, &mut rows);
        rows
    }

    /// Facets with live counts: each value counts the rows that pass every other filter, with
    /// that facet's own selection ignored, so a count says what choosing the value would give
    /// when nothing else of that facet is chosen.
    ///
    /// Linear in the tags of the dataset: one pass collects the values, one pass over the rows
    /// finds, for each row, which selected facets it fails; a row that fails none counts for
    /// every facet, a row that fails one counts only for that facet, any other row for none.
    pub fn facets(&self, ds: &Dataset, index: &SearchIndex) -> Vec<Facet> {
        use std::collections::HashMap;
        let shown = self.shown_services(ds);
        let qw = self.query_words();
        let mut facets: Vec<Facet> = Vec::new();
        let mut facet_at: HashMap<&str, usize> = HashMap::new();
        // tag → (facet, value) positions.
        let mut value_at: HashMap<&str, (usize, usize)> = HashMap::new();
        for p in &ds.programs {
            for t in &p.tags {
                let Some((f, v)) = t.split_once(':') else {
                    continue;
                };
                if value_at.contains_key(t.as_str()) {
                    continue;
                }
                let fi = *facet_at.entry(f).or_insert_with(|| {
                    facets.push(Facet {
                        name: f.to_string(),
                        values: Vec::new(),
                    });
                    facets.len() - 1
                });
                value_at.insert(t, (fi, facets[fi].values.len()));
                facets[fi].values.push(FacetValue {
                    tag: t.clone(),
                    value: v.to_string(),
                    count: 0,
                    selected: false,
                });
            }
        }
        // The selected facets, by name, and which of them each selected tag belongs to.
        let mut selected_facets: Vec<&str> = Vec::new();
        let mut selected: HashMap<&str, usize> = HashMap::new();
        for t in &self.tags {
            let Some((f, _)) = t.split_once(':') else {
                continue;
            };
            let k = match selected_facets.iter().position(|x| *x == f) {
                Some(k) => k,
                None => {
                    selected_facets.push(f);
                    selected_facets.len() - 1
                }
            };
            selected.insert(t, k);
            if let Some(&(fi, vi)) = value_at.get(t.as_str()) {
                facets[fi].values[vi].selected = true;
            }
        }
        let mut met = vec![false; selected_facets.len()];
        for (i, p) in ds.programs.iter().enumerate() {
            if !self.passes_without_tags(ds, index, &shown, &qw, i) {
                continue;
            }
            met.iter_mut().for_each(|m| *m = false);
            for t in &p.tags {
                if let Some(&k) = selected.get(t.as_str()) {
                    met[k] = true;
                }
            }
            let mut failed = met.iter().enumerate().filter(|(_, m)| !**m).map(|(k, _)| k);
            let only = match (failed.next(), failed.next()) {
                (None, _) => None,
                (Some(k), None) => Some(selected_facets[k]),
                (Some(_), Some(_)) => continue,
            };
            // A tag repeated in one row counts once.
            let mut counted: Vec<(usize, usize)> = Vec::new();
            for t in &p.tags {
                let Some(&(fi, vi)) = value_at.get(t.as_str()) else {
                    continue;
                };
                if only.is_some_and(|f| facets[fi].name != f) || counted.contains(&(fi, vi)) {
                    continue;
                }
                counted.push((fi, vi));
                facets[fi].values[vi].count += 1;
            }
        }
        facets
    }

    /// Whether any filter narrows the rows (the text, status, gaps or tags).
    pub fn is_filtered(&self) -> bool {
        !self.text.trim().is_empty()
            || self.status != StatusFilter::Any
            || self.gaps
            || !self.tags.is_empty()
    }

    /// Drops every filter, keeping the columns and sort.
    pub fn clear_filters(&mut self) {
        self.text.clear();
        self.status = StatusFilter::Any;
        self.gaps = false;
        self.tags.clear();
    }
}

#[cfg(test)]
mod tests;
