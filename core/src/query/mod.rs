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
            return (0..ds.services.len()).collect();
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
            (0..ds.services.len()).collect()
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
mod tests {
    use super::*;
    use crate::options::parse_status;

    pub(crate) fn seed() -> (std::rc::Rc<Dataset>, SearchIndex) {
        let ds = Dataset::embedded();
        let ix = SearchIndex::new(&ds);
        (ds, ix)
    }

    pub(crate) fn ids(ds: &Dataset, rows: &[usize]) -> Vec<String> {
        rows.iter().map(|&i| ds.programs[i].id.clone()).collect()
    }

    pub(crate) fn run(q: &Query) -> Vec<String> {
        let (ds, ix) = seed();
        ids(&ds, &q.visible(&ds, &ix))
    }

    pub(crate) fn text(t: &str) -> Query {
        Query {
            text: t.into(),
            ..Query::default()
        }
    }

    #[test]
    fn no_query_shows_all_twenty_in_seed_order() {
        let rows = run(&Query::default());
        assert_eq!(rows.len(), 20);
        assert_eq!(rows[0], "pci-dss-level-1");
        assert_eq!(rows[19], "hitrust-csf");
    }

    #[test]
    fn iso_27_finds_the_three_iso_270xx_programs() {
        assert_eq!(
            run(&text("iso 27")),
            ["iso-27001", "iso-27017", "iso-27018"]
        );
    }

    #[test]
    fn the_seed_typo_finds_hitrust() {
        assert_eq!(run(&text("hitrusst")), ["hitrust-csf"]);
        assert_eq!(run(&text("HITRUST")), ["hitrust-csf"]);
    }

    #[test]
    fn text_is_case_and_accent_insensitive_and_matches_word_starts() {
        assert_eq!(run(&text("FÉDRAMP")), ["fedramp-moderate", "fedramp-high"]);
        assert_eq!(run(&text("esquema nacional")), ["ens-high"]);
        // "ramp" is inside a word, not at its start.
        assert!(run(&text("ramp")).is_empty());
        assert_eq!(run(&text("soc")), ["soc-1", "soc-2", "soc-3"]);
    }

    #[test]
    fn status_filter_fargate_not_in_scope() {
        let ds = Dataset::embedded();
        let q = Query {
            status: parse_status("fargate:not-in-scope", &ds).unwrap(),
            ..Query::default()
        };
        assert_eq!(
            run(&q),
            [
                "fedramp-moderate",
                "fedramp-high",
                "dod-cc-srg",
                "mtcs",
                "c5",
                "k-isms",
                "ens-high",
                "ospar"
            ]
        );
    }

    #[test]
    fn gaps_only_follows_the_shown_services() {
        let mut q = Query {
            gaps: true,
            ..Query::default()
        };
        assert_eq!(run(&q).len(), 9);
        q.services = vec!["ecs".into(), "ecr".into()];
        assert!(run(&q).is_empty());
        q.services = vec!["ecs".into(), "eks".into()];
        assert_eq!(
            run(&q),
            [
                "irap",
                "fedramp-moderate",
                "fedramp-high",
                "dod-cc-srg",
                "ospar"
            ]
        );
    }

    #[test]
    fn tags_or_within_a_facet_and_across_facets() {
        let q = Query {
            tags: vec!["jurisdiction:sg".into(), "jurisdiction:de".into()],
            ..Query::default()
        };
        assert_eq!(run(&q), ["mtcs", "c5", "ospar"]);
        let q = Query {
            tags: vec!["jurisdiction:us".into(), "domain:health".into()],
            ..Query::default()
        };
        assert_eq!(run(&q), ["hipaa-eligible", "hipaa-baa", "hitrust-csf"]);
    }

    /// The facet counts as they were defined before they were made linear: per facet, every row
    /// that passes with that facet's selection ignored, per value, whether the row has it.
    fn reference_facets(q: &Query, ds: &Dataset, ix: &SearchIndex) -> Vec<Facet> {
        let shown = q.shown_services(ds);
        let qw = q.query_words();
        let mut facets = q.facets(ds, ix);
        for f in &mut facets {
            for v in &mut f.values {
                v.selected = q.tags.contains(&v.tag);
                v.count = (0..ds.programs.len())
                    .filter(|&i| q.passes(ds, ix, &shown, &qw, i, Some(&f.name)))
                    .filter(|&i| ds.programs[i].tags.contains(&v.tag))
                    .count();
            }
        }
        facets
    }

    /// A dataset of `n` programs with tags in `facets` facets of `values` values each, spread
    /// so that rows have one to three tags per facet, some repeated.
    fn tagged(n: usize, facets: usize, values: usize) -> Dataset {
        let mut ds = (*Dataset::embedded()).clone();
        let template = ds.programs[0].clone();
        ds.programs = (0..n)
            .map(|i| {
                let mut p = template.clone();
                p.id = format!("p{i}");
                p.name = format!("Program {i}");
                p.tags = (0..facets)
                    .flat_map(|f| {
                        let k = (i * 7 + f * 13) % values;
                        let mut t = vec![format!("f{f}:v{k}")];
                        if i % 3 == 0 {
                            t.push(format!("f{f}:v{}", (k + 1) % values));
                        }
                        if i % 5 == 0 {
                            t.push(format!("f{f}:v{k}"));
                        }
                        t
                    })
                    .collect();
                p
            })
            .collect();
        ds
    }

    #[test]
    fn linear_facet_counts_equal_the_definition() {
        let ds = std::rc::Rc::new(tagged(300, 3, 11));
        let ix = SearchIndex::new(&ds);
        let selections: Vec<Vec<&str>> = vec![
            vec![],
            vec!["f0:v1"],
            vec!["f0:v1", "f0:v2"],
            vec!["f0:v1", "f1:v3"],
            vec!["f0:v1", "f1:v3", "f2:v5", "f1:v4"],
            vec!["f9:none", "f0:v0"],
        ];
        for tags in selections {
            for text in ["", "program 1"] {
                let q = Query {
                    tags: tags.iter().map(|t| t.to_string()).collect(),
                    text: text.into(),
                    gaps: text.is_empty() && tags.len() == 2,
                    ..Query::default()
                };
                assert_eq!(
                    q.facets(&ds, &ix),
                    reference_facets(&q, &ds, &ix),
                    "{tags:?} {text:?}"
                );
            }
        }
    }

    /// At the limits (20,000 programs, 1,000 distinct tags in 5 facets of 200) one facet
    /// computation took seconds (every facet × every row × every value) and froze the page; it is
    /// linear now, and this keeps it so. Measured: see docs/security.md.
    #[test]
    fn facets_at_the_tag_limits_are_fast() {
        let ds = std::rc::Rc::new(tagged(20_000, 5, 200));
        assert_eq!(ds.validate(), Ok(()));
        let ix = SearchIndex::new(&ds);
        let q = Query {
            tags: vec!["f0:v1".into(), "f1:v2".into()],
            ..Query::default()
        };
        let t0 = std::time::Instant::now();
        let f = q.facets(&ds, &ix);
        let took = t0.elapsed();
        assert_eq!(f.iter().map(|f| f.values.len()).sum::<usize>(), 1000);
        // Debug builds: linear takes tens of ms; the old way took many seconds.
        assert!(took.as_millis() < 1500, "facets took {took:?}");
    }

    #[test]
    fn facet_counts_ignore_their_own_selection() {
        let (ds, ix) = seed();
        let q = Query {
            tags: vec!["jurisdiction:sg".into()],
            ..Query::default()
        };
        let f = q.facets(&ds, &ix);
        let j = f.iter().find(|f| f.name == "jurisdiction").unwrap();
        let us = j.values.iter().find(|v| v.value == "us").unwrap();
        assert_eq!(us.count, 6);
        assert!(j.values.iter().find(|v| v.value == "sg").unwrap().selected);
        let d = f.iter().find(|f| f.name == "domain").unwrap();
        // Within Singapore: MTCS (cloud, security) and OSPAR (finance).
        assert_eq!(
            d.values.iter().find(|v| v.value == "cloud").unwrap().count,
            1
        );
        assert_eq!(
            d.values.iter().find(|v| v.value == "health").unwrap().count,
            0
        );
    }

    #[test]
    fn a_long_facet_shows_a_screenful_and_finds_the_rest() {
        let values = (0..180)
            .map(|k| FacetValue {
                tag: format!("region:r{k}"),
                value: format!("r{k}"),
                count: 1,
                selected: k == 150,
            })
            .collect();
        let f = Facet {
            name: "region".into(),
            values,
        };
        let label = |v: &FacetValue| format!("Région {}", v.value);
        let (shown, total) = facet_window(&f, "", label);
        assert_eq!(total, 180);
        // A screenful, plus the selected value beyond it.
        assert_eq!(shown.len(), FACET_SCREENFUL + 1);
        assert_eq!(shown[..3], [0, 1, 2]);
        assert_eq!(*shown.last().unwrap(), 150);
        // Accent- and case-folded words of the label or the value.
        let (shown, total) = facet_window(&f, "REGION r17", label);
        assert_eq!(total, 11, "r17 and r170..r179");
        assert_eq!(
            shown,
            [17, 150, 170, 171, 172, 173, 174, 175, 176, 177, 178, 179]
        );
        let (shown, total) = facet_window(&f, "nothing", label);
        assert_eq!((shown, total), (vec![150], 0));
    }
}
