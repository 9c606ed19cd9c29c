//! What is shown: text filter, status filter, gaps, facets, shown services and multi-key sort.
//! Pure functions over a [`Dataset`]; no yew, web-sys or wasm-bindgen here.

use crate::dataset::{Dataset, Status};
use crate::text::words;
use std::cell::OnceCell;
use std::cmp::Ordering;
use std::fmt;
use std::rc::Rc;

/// Search keys for every program of a dataset, computed on its first search (a dataset that is
/// only shown, like a long list's first paint, never pays for them) and then kept.
#[derive(Clone, Debug)]
pub struct SearchIndex {
    dataset: Rc<Dataset>,
    /// Per program: one word list for the name and one per alias.
    names: OnceCell<Vec<Vec<Vec<String>>>>,
}

impl PartialEq for SearchIndex {
    /// The same dataset has the same keys.
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.dataset, &other.dataset)
    }
}

impl SearchIndex {
    /// The index of `ds`; its keys are built when first needed.
    pub fn new(ds: &Rc<Dataset>) -> SearchIndex {
        SearchIndex {
            dataset: ds.clone(),
            names: OnceCell::new(),
        }
    }

    /// Normalises every name and alias of the dataset, once.
    fn names(&self) -> &[Vec<Vec<String>>] {
        self.names.get_or_init(|| {
            self.dataset
                .programs
                .iter()
                .map(|p| {
                    std::iter::once(&p.name)
                        .chain(&p.aliases)
                        .map(|n| words(n))
                        .collect()
                })
                .collect()
        })
    }

    /// Whether program `i` matches the query words: every query word starts a word of the name,
    /// or every one starts a word of the same alias ("iso 27" finds "ISO 27001:2013").
    pub fn matches(&self, i: usize, query: &[String]) -> bool {
        query.is_empty()
            || self.names()[i].iter().any(|name| {
                query
                    .iter()
                    .all(|q| name.iter().any(|w| w.starts_with(q.as_str())))
            })
    }
}

/// Sort direction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Asc,
    Desc,
}

impl Direction {
    pub fn id(self) -> &'static str {
        match self {
            Direction::Asc => "asc",
            Direction::Desc => "desc",
        }
    }
}

/// What a sort key sorts by.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SortField {
    /// The program name, A → Z ascending.
    Program,
    /// In-scope count over the shown services (in-progress count breaks ties), fewest first ascending.
    Coverage,
    /// One service's status, in scope → in progress → not in scope → not stated ascending.
    Service(String),
}

impl SortField {
    /// The key as written in the `sort` attribute.
    pub fn id(&self) -> &str {
        match self {
            SortField::Program => "program",
            SortField::Coverage => "coverage",
            SortField::Service(s) => s,
        }
    }
}

/// One key of a multi-key sort.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SortKey {
    pub field: SortField,
    pub dir: Direction,
}

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

    /// Sorts rows by the keys in order; each key only breaks the previous keys' ties, and final
    /// ties keep seed order (the sort is stable and rows start in seed order).
    pub fn sort_rows(&self, ds: &Dataset, shown: &[usize], rows: &mut [usize]) {
        if self.sort.is_empty() {
            rows.sort_unstable();
            return;
        }
        let keys: Vec<(ResolvedKey, Direction)> = self
            .sort
            .iter()
            .filter_map(|k| {
                let r = match &k.field {
                    SortField::Program => ResolvedKey::Program,
                    SortField::Coverage => ResolvedKey::Coverage,
                    SortField::Service(id) => ResolvedKey::Service(ds.service_index(id)?),
                };
                Some((r, k.dir))
            })
            .collect();
        let lower: Vec<String> = if keys.iter().any(|(k, _)| *k == ResolvedKey::Program) {
            ds.programs.iter().map(|p| p.name.to_lowercase()).collect()
        } else {
            Vec::new()
        };
        let cov: Vec<(usize, usize)> = if keys.iter().any(|(k, _)| *k == ResolvedKey::Coverage) {
            (0..ds.programs.len())
                .map(|i| coverage(ds, i, shown))
                .collect()
        } else {
            Vec::new()
        };
        rows.sort_unstable();
        rows.sort_by(|&a, &b| {
            for (key, dir) in &keys {
                let ord = match key {
                    ResolvedKey::Program => lower[a]
                        .cmp(&lower[b])
                        .then_with(|| ds.programs[a].name.cmp(&ds.programs[b].name)),
                    ResolvedKey::Coverage => cov[a].cmp(&cov[b]),
                    ResolvedKey::Service(s) => ds.programs[a].cells[*s]
                        .status
                        .rank()
                        .cmp(&ds.programs[b].cells[*s].status.rank()),
                };
                let ord = if *dir == Direction::Desc {
                    ord.reverse()
                } else {
                    ord
                };
                if ord != Ordering::Equal {
                    return ord;
                }
            }
            Ordering::Equal
        });
    }

    /// Facets with live counts: each value counts the rows that pass every other filter, with
    /// that facet's own selection ignored, so a count says what choosing the value would give
    /// when nothing else of that facet is chosen.
    pub fn facets(&self, ds: &Dataset, index: &SearchIndex) -> Vec<Facet> {
        let shown = self.shown_services(ds);
        let qw = self.query_words();
        let mut facets: Vec<Facet> = Vec::new();
        for p in &ds.programs {
            for t in &p.tags {
                let Some((f, v)) = t.split_once(':') else {
                    continue;
                };
                let fi = match facets.iter().position(|x| x.name == f) {
                    Some(i) => i,
                    None => {
                        facets.push(Facet {
                            name: f.to_string(),
                            values: Vec::new(),
                        });
                        facets.len() - 1
                    }
                };
                if !facets[fi].values.iter().any(|x| &x.tag == t) {
                    facets[fi].values.push(FacetValue {
                        tag: t.clone(),
                        value: v.to_string(),
                        count: 0,
                        selected: self.tags.contains(t),
                    });
                }
            }
        }
        for facet in &mut facets {
            for i in 0..ds.programs.len() {
                if !self.passes(ds, index, &shown, &qw, i, Some(&facet.name)) {
                    continue;
                }
                for v in &mut facet.values {
                    if ds.programs[i].tags.contains(&v.tag) {
                        v.count += 1;
                    }
                }
            }
        }
        facets
    }

    /// The next sort after a header click: a plain click cycles that key ascending → descending →
    /// none and drops other keys; an additive (shift) click cycles it in place and keeps the rest.
    pub fn toggle_sort(&mut self, field: SortField, additive: bool) {
        let pos = self.sort.iter().position(|k| k.field == field);
        if additive {
            match pos {
                None => self.sort.push(SortKey {
                    field,
                    dir: Direction::Asc,
                }),
                Some(i) if self.sort[i].dir == Direction::Asc => self.sort[i].dir = Direction::Desc,
                Some(i) => {
                    self.sort.remove(i);
                }
            }
        } else {
            let current = pos.map(|i| self.sort[i].dir);
            let only = self.sort.len() == 1;
            self.sort = match (current, only) {
                (Some(Direction::Asc), true) => vec![SortKey {
                    field,
                    dir: Direction::Desc,
                }],
                (Some(Direction::Desc), true) => Vec::new(),
                _ => vec![SortKey {
                    field,
                    dir: Direction::Asc,
                }],
            };
        }
    }

    /// The direction of one field in the current sort, with its position (0 = primary).
    pub fn sort_of(&self, field: &SortField) -> Option<(usize, Direction)> {
        self.sort
            .iter()
            .position(|k| &k.field == field)
            .map(|i| (i, self.sort[i].dir))
    }

    /// The sort as the `sort` attribute writes it (`eks:asc,program:desc`).
    pub fn sort_string(&self) -> String {
        self.sort
            .iter()
            .map(|k| format!("{}:{}", k.field.id(), k.dir.id()))
            .collect::<Vec<_>>()
            .join(",")
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

#[derive(Clone, Copy, PartialEq, Eq)]
enum ResolvedKey {
    Program,
    Coverage,
    Service(usize),
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::options::{parse_sort, parse_status};
    use crate::text::fold_char;

    fn seed() -> (std::rc::Rc<Dataset>, SearchIndex) {
        let ds = Dataset::embedded();
        let ix = SearchIndex::new(&ds);
        (ds, ix)
    }

    /// The keys are built by the first search, not by showing the dataset.
    #[test]
    fn search_keys_are_built_by_the_first_search() {
        let (_, ix) = seed();
        assert!(ix.matches(0, &[]));
        assert!(ix.names.get().is_none(), "no keys for an empty query");
        let pci = words("pci");
        let hits: Vec<usize> = (0..20).filter(|&i| ix.matches(i, &pci)).collect();
        assert_eq!(ix.names.get().map(Vec::len), Some(20));
        assert_eq!(hits.len(), 1);
        assert_eq!(
            ix,
            SearchIndex::new(&ix.dataset),
            "the same dataset, the same index"
        );
    }

    /// `words` takes a shortcut for ASCII; it must split and fold exactly as the Unicode path.
    #[test]
    fn words_ascii_shortcut_matches_the_unicode_path() {
        let reference = |s: &str| -> Vec<String> {
            let mut out = Vec::new();
            let mut cur = String::new();
            for c in s.chars().flat_map(char::to_lowercase).map(fold_char) {
                if c.is_alphanumeric() {
                    cur.push(c);
                } else if !cur.is_empty() {
                    out.push(std::mem::take(&mut cur));
                }
            }
            if !cur.is_empty() {
                out.push(cur);
            }
            out
        };
        for s in [
            "PCI DSS Level 1",
            "ISO/IEC 27001:2013, 27017, 27018",
            "Ärztekammer Über-Straße ÉCOLE naïve",
            "C5 (Cloud Computing Compliance Controls Catalogue)",
            "İstanbul ΣΊΣΥΦΟΣ ǅemal 🙂 x_y-z 3PAO",
            "",
            "  --  ",
        ] {
            assert_eq!(words(s), reference(s), "{s}");
        }
        assert_eq!(words("Über ÉCOLE-3"), ["uber", "ecole", "3"]);
    }

    fn ids(ds: &Dataset, rows: &[usize]) -> Vec<String> {
        rows.iter().map(|&i| ds.programs[i].id.clone()).collect()
    }

    fn run(q: &Query) -> Vec<String> {
        let (ds, ix) = seed();
        ids(&ds, &q.visible(&ds, &ix))
    }

    fn text(t: &str) -> Query {
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
    fn sort_by_program_ascending_and_descending() {
        let (ds, _) = seed();
        let mut q = Query::default();
        q.toggle_sort(SortField::Program, false);
        let asc = run(&q);
        assert_eq!(asc[0], "c5");
        assert_eq!(asc[1], "dod-cc-srg");
        assert_eq!(asc[19], "soc-3");
        q.toggle_sort(SortField::Program, false);
        let desc = run(&q);
        let mut rev = asc.clone();
        rev.reverse();
        assert_eq!(desc, rev);
        q.toggle_sort(SortField::Program, false);
        assert!(q.sort.is_empty());
        assert_eq!(run(&q), ids(&ds, &(0..20).collect::<Vec<_>>()));
    }

    #[test]
    fn sorting_by_fargate_puts_not_in_scope_last_and_keeps_seed_order_in_ties() {
        let mut q = Query::default();
        q.toggle_sort(SortField::Service("fargate".into()), false);
        let rows = run(&q);
        // 12 in scope (seed order), then 8 not in scope (seed order).
        assert_eq!(&rows[..3], ["pci-dss-level-1", "hipaa-eligible", "soc-1"]);
        assert_eq!(&rows[9..12], ["irap", "hipaa-baa", "hitrust-csf"]);
        assert_eq!(
            &rows[12..],
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
    fn sort_by_eks_ranks_in_progress_between_in_scope_and_not() {
        let mut q = Query::default();
        q.toggle_sort(SortField::Service("eks".into()), false);
        let rows = run(&q);
        // 15 in scope, then FedRAMP Moderate and DOD CC SRG (in progress), then IRAP, FedRAMP High, OSPAR.
        assert_eq!(
            &rows[15..],
            [
                "fedramp-moderate",
                "dod-cc-srg",
                "irap",
                "fedramp-high",
                "ospar"
            ]
        );
    }

    #[test]
    fn coverage_desc_then_program_asc() {
        let q = Query {
            sort: parse_sort("coverage:desc,program:asc", &Dataset::embedded()).unwrap(),
            ..Query::default()
        };
        let rows = run(&q);
        // 4 in scope: 11 programs by name; 3: c5, ens-high, irap, k-isms, mtcs; 2 with one in
        // progress: dod-cc-srg, fedramp-moderate; 2 without: fedramp-high, ospar.
        assert_eq!(&rows[..2], ["hipaa-baa", "hipaa-eligible"]);
        assert_eq!(
            &rows[11..],
            [
                "c5",
                "ens-high",
                "irap",
                "k-isms",
                "mtcs",
                "dod-cc-srg",
                "fedramp-moderate",
                "fedramp-high",
                "ospar"
            ]
        );
    }

    #[test]
    fn shift_click_adds_a_secondary_key_and_cycles_it() {
        let mut q = Query::default();
        q.toggle_sort(SortField::Service("fargate".into()), false);
        q.toggle_sort(SortField::Program, true);
        assert_eq!(q.sort_string(), "fargate:asc,program:asc");
        q.toggle_sort(SortField::Program, true);
        assert_eq!(q.sort_string(), "fargate:asc,program:desc");
        q.toggle_sort(SortField::Program, true);
        assert_eq!(q.sort_string(), "fargate:asc");
        q.toggle_sort(SortField::Program, true);
        q.toggle_sort(SortField::Coverage, false);
        assert_eq!(q.sort_string(), "coverage:asc");
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
}
