//! The one app state and the actions that change it. The reducer delegates to the pure modules;
//! the components only render this state and send actions.

use crate::dataset::Dataset;
use crate::query::{self, Query, SearchIndex, SortField, StatusFilter};
use crate::revisions::{self, Diff, SEED_REVISION};
use serde::{Deserialize, Serialize};
use std::rc::Rc;

/// Options as the element's attributes and `mount()` give them (all text, as in HTML).
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct Options {
    pub services: Option<String>,
    pub query: Option<String>,
    pub status: Option<String>,
    pub gaps: Option<bool>,
    pub tags: Option<String>,
    pub sort: Option<String>,
    pub view: Option<String>,
    pub theme: Option<String>,
    pub src: Option<String>,
    pub revision: Option<String>,
    pub compare: Option<String>,
    pub sync_url: Option<bool>,
    /// Key prefix in `location.hash` for `sync-url` (the element passes its id or `cm`).
    pub namespace: Option<String>,
}

/// Which parts are shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum View {
    Table,
    Diagram,
    #[default]
    Both,
}

impl View {
    pub fn parse(s: &str) -> Result<View, String> {
        match s.trim() {
            "" | "both" => Ok(View::Both),
            "table" => Ok(View::Table),
            "diagram" => Ok(View::Diagram),
            other => Err(format!("view: '{other}' is not table, diagram or both")),
        }
    }

    pub fn shows_table(self) -> bool {
        matches!(self, View::Table | View::Both)
    }

    pub fn shows_diagram(self) -> bool {
        matches!(self, View::Diagram | View::Both)
    }
}

/// Colour scheme.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Theme {
    Light,
    Dark,
    #[default]
    Auto,
}

impl Theme {
    pub fn parse(s: &str) -> Result<Theme, String> {
        match s.trim() {
            "" | "auto" => Ok(Theme::Auto),
            "light" => Ok(Theme::Light),
            "dark" => Ok(Theme::Dark),
            other => Err(format!("theme: '{other}' is not light, dark or auto")),
        }
    }

    pub fn id(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
            Theme::Auto => "auto",
        }
    }
}

/// What the state can be asked to do.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    SetText(String),
    SetStatus(StatusFilter),
    SetGaps(bool),
    ToggleTag(String),
    SetServices(Vec<String>),
    ToggleSort {
        field: SortField,
        additive: bool,
    },
    ClearFilters,
    /// Shows or hides one service column.
    ToggleService(String),
    /// Moves a shown service column one place left (-1) or right (+1).
    MoveService {
        service: String,
        by: i32,
    },
    /// Restores the shareable part of the state (from the URL hash).
    Restore(Box<Options>),
    /// Shows another embedded revision.
    SetRevision(String),
    /// Compares with another revision (`None` ends compare mode).
    SetCompare(Option<String>),
}

/// The state the widget shows.
#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    pub dataset: Rc<Dataset>,
    pub index: Rc<SearchIndex>,
    pub query: Query,
    pub view: View,
    pub theme: Theme,
    /// Visible program indices, filtered and sorted.
    pub visible: Vec<usize>,
    /// Problems with the options (attributes), each naming the attribute.
    pub option_errors: Vec<String>,
    /// A dataset from the host (`data` or `src`); when set, revisions do not apply.
    pub custom: Option<Rc<Dataset>>,
    /// The embedded revision shown (an id from `revisions::ids()`).
    pub revision: String,
    /// The revision compared with, if any.
    pub compare: Option<String>,
    /// In compare mode: what changed from the older to the newer revision.
    pub comparison: Option<Rc<Comparison>>,
}

/// A compare view: the older and newer revision ids, the diff and its summary lines.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    pub old_id: String,
    pub new_id: String,
    pub diff: Diff,
    pub summary: Vec<String>,
}

/// The state as the element's `state` property and `cm-change` events report it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Snapshot {
    pub query: String,
    pub status: String,
    pub gaps: bool,
    pub tags: Vec<String>,
    pub sort: String,
    pub services: Vec<String>,
    pub view: String,
    pub revision: String,
    pub compare: Option<String>,
    pub visible: Vec<String>,
}

impl AppState {
    /// A state showing every row of the dataset.
    pub fn new(dataset: Rc<Dataset>) -> AppState {
        let index = Rc::new(SearchIndex::new(&dataset));
        let mut s = AppState {
            dataset,
            index,
            query: Query::default(),
            view: View::default(),
            theme: Theme::default(),
            visible: Vec::new(),
            option_errors: Vec::new(),
            custom: None,
            revision: SEED_REVISION.to_string(),
            compare: None,
            comparison: None,
        };
        s.refresh();
        s
    }

    /// Shows the host's dataset (`Some`) or the embedded revisions (`None`).
    pub fn set_custom(&mut self, custom: Option<Rc<Dataset>>) {
        self.custom = custom;
        self.rebuild();
    }

    /// Recomputes the shown dataset from the source, revision and compare settings.
    fn rebuild(&mut self) {
        self.comparison = None;
        let shown = if let Some(c) = &self.custom {
            c.clone()
        } else {
            let rev = revisions::find(&self.revision)
                .unwrap_or_else(|| revisions::find(SEED_REVISION).expect("seed revision"));
            match self.compare.as_deref().and_then(revisions::find) {
                Some(other) => {
                    let (old, new) = if other.id < rev.id {
                        (other, rev)
                    } else {
                        (rev, other)
                    };
                    let diff = revisions::diff(&old.dataset, &new.dataset);
                    let merged = Rc::new(revisions::merged(&old.dataset, &new.dataset, &diff));
                    self.comparison = Some(Rc::new(Comparison {
                        summary: diff.summary(&old.dataset, &new.dataset),
                        old_id: old.id,
                        new_id: new.id,
                        diff,
                    }));
                    merged
                }
                None => rev.dataset,
            }
        };
        if !Rc::ptr_eq(&shown, &self.dataset) {
            self.set_dataset(shown);
        }
    }

    /// Replaces the dataset, keeping the view settings that still apply.
    pub fn set_dataset(&mut self, dataset: Rc<Dataset>) {
        self.index = Rc::new(SearchIndex::new(&dataset));
        self.dataset = dataset;
        let ds = &self.dataset;
        self.query
            .services
            .retain(|id| ds.service_index(id).is_some());
        self.query.sort.retain(|k| match &k.field {
            SortField::Service(id) => ds.service_index(id).is_some(),
            _ => true,
        });
        if let StatusFilter::Service { service, .. } = &self.query.status {
            if ds.service_index(service).is_none() {
                self.query.status = StatusFilter::Any;
            }
        }
        self.refresh();
    }

    /// Applies the options that differ from `old` (all of them when `old` is `None`), so a host
    /// changing one attribute does not undo what the user did with the others.
    pub fn apply_options(&mut self, new: &Options, old: Option<&Options>) {
        let differs = |a: &Option<String>, b: Option<&Option<String>>| b.is_none_or(|b| a != b);
        let mut errors = Vec::new();
        let ds = self.dataset.clone();
        if differs(&new.query, old.map(|o| &o.query)) {
            self.query.text = new.query.clone().unwrap_or_default();
        }
        if differs(&new.services, old.map(|o| &o.services)) {
            match query::parse_services(new.services.as_deref().unwrap_or(""), &ds) {
                Ok(v) => self.query.services = v,
                Err(e) => errors.push(e),
            }
        }
        if differs(&new.status, old.map(|o| &o.status)) {
            match query::parse_status(new.status.as_deref().unwrap_or(""), &ds) {
                Ok(v) => self.query.status = v,
                Err(e) => errors.push(e),
            }
        }
        if old.is_none_or(|o| o.gaps != new.gaps) {
            self.query.gaps = new.gaps.unwrap_or(false);
        }
        if differs(&new.tags, old.map(|o| &o.tags)) {
            match query::parse_tags(new.tags.as_deref().unwrap_or("")) {
                Ok(v) => self.query.tags = v,
                Err(e) => errors.push(e),
            }
        }
        if differs(&new.sort, old.map(|o| &o.sort)) {
            match query::parse_sort(new.sort.as_deref().unwrap_or(""), &ds) {
                Ok(v) => self.query.sort = v,
                Err(e) => errors.push(e),
            }
        }
        let mut source_changed = false;
        if differs(&new.revision, old.map(|o| &o.revision)) {
            match parse_revision("revision", new.revision.as_deref().unwrap_or("")) {
                Ok(v) => self.revision = v.unwrap_or_else(|| SEED_REVISION.to_string()),
                Err(e) => errors.push(e),
            }
            source_changed = true;
        }
        if differs(&new.compare, old.map(|o| &o.compare)) {
            match parse_revision("compare", new.compare.as_deref().unwrap_or("")) {
                Ok(v) => self.compare = v,
                Err(e) => errors.push(e),
            }
            source_changed = true;
        }
        if source_changed {
            self.rebuild();
        }
        if differs(&new.view, old.map(|o| &o.view)) {
            match View::parse(new.view.as_deref().unwrap_or("")) {
                Ok(v) => self.view = v,
                Err(e) => errors.push(e),
            }
        }
        if differs(&new.theme, old.map(|o| &o.theme)) {
            match Theme::parse(new.theme.as_deref().unwrap_or("")) {
                Ok(v) => self.theme = v,
                Err(e) => errors.push(e),
            }
        }
        // Errors of attributes that did not change stay until they are fixed.
        if let Some(old) = old {
            let kept: Vec<String> = self
                .option_errors
                .iter()
                .filter(|e| {
                    let name = e.split(':').next().unwrap_or("");
                    !option_changed(name, new, old)
                })
                .cloned()
                .collect();
            errors.splice(0..0, kept);
        }
        self.option_errors = errors;
        self.refresh();
    }

    /// Applies one user action; returns whether anything changed.
    pub fn apply(&mut self, action: Action) -> bool {
        match action {
            Action::SetRevision(r) => {
                let Some(found) = revisions::find(&r) else {
                    return false;
                };
                if found.id == self.revision {
                    return false;
                }
                self.revision = found.id;
                self.rebuild();
                return true;
            }
            Action::SetCompare(c) => {
                let c = c.and_then(|c| revisions::find(&c)).map(|r| r.id);
                if c == self.compare {
                    return false;
                }
                self.compare = c;
                self.rebuild();
                return true;
            }
            _ => {}
        }
        let before = self.query.clone();
        match action {
            Action::SetText(t) => self.query.text = t,
            Action::SetStatus(s) => self.query.status = s,
            Action::SetGaps(g) => self.query.gaps = g,
            Action::ToggleTag(t) => {
                if let Some(i) = self.query.tags.iter().position(|x| *x == t) {
                    self.query.tags.remove(i);
                } else {
                    self.query.tags.push(t);
                }
            }
            Action::SetServices(s) => self.query.services = s,
            Action::ToggleSort { field, additive } => self.query.toggle_sort(field, additive),
            Action::ClearFilters => self.query.clear_filters(),
            Action::ToggleService(id) => {
                let mut shown: Vec<String> = self.shown_ids();
                if let Some(i) = shown.iter().position(|x| *x == id) {
                    // Keep at least one column.
                    if shown.len() > 1 {
                        shown.remove(i);
                    }
                } else if self.dataset.service_index(&id).is_some() {
                    // Re-insert in dataset order relative to the shown ones.
                    let order = |x: &String| self.dataset.service_index(x).unwrap_or(usize::MAX);
                    let at = shown
                        .iter()
                        .position(|x| order(x) > order(&id))
                        .unwrap_or(shown.len());
                    shown.insert(at, id);
                }
                self.query.services = self.normalise_services(shown);
            }
            Action::MoveService { service, by } => {
                let mut shown = self.shown_ids();
                if let Some(i) = shown.iter().position(|x| *x == service) {
                    let j = i as i64 + by as i64;
                    if j >= 0 && (j as usize) < shown.len() {
                        shown.swap(i, j as usize);
                    }
                }
                self.query.services = self.normalise_services(shown);
            }
            Action::Restore(o) => {
                let (rev, cmp) = (self.revision.clone(), self.compare.clone());
                if let Ok(Some(r)) = parse_revision("revision", o.revision.as_deref().unwrap_or(""))
                {
                    self.revision = r;
                }
                self.compare =
                    parse_revision("compare", o.compare.as_deref().unwrap_or("")).unwrap_or(None);
                if (rev, cmp) != (self.revision.clone(), self.compare.clone()) {
                    self.rebuild();
                    self.restore(&o);
                    self.refresh();
                    return true;
                }
                self.restore(&o)
            }
            Action::SetRevision(_) | Action::SetCompare(_) => unreachable!("handled above"),
        }
        if self.query == before {
            return false;
        }
        self.refresh();
        true
    }

    fn shown_ids(&self) -> Vec<String> {
        self.shown_services()
            .iter()
            .map(|&i| self.dataset.services[i].id.clone())
            .collect()
    }

    /// All services in dataset order is the same as "no choice" (empty), which keeps attributes simple.
    fn normalise_services(&self, shown: Vec<String>) -> Vec<String> {
        let all: Vec<&str> = self
            .dataset
            .services
            .iter()
            .map(|s| s.id.as_str())
            .collect();
        if shown.iter().map(String::as_str).eq(all.iter().copied()) {
            Vec::new()
        } else {
            shown
        }
    }

    fn restore(&mut self, o: &Options) {
        let ds = self.dataset.clone();
        self.query.text = o.query.clone().unwrap_or_default();
        self.query.status =
            query::parse_status(o.status.as_deref().unwrap_or(""), &ds).unwrap_or_default();
        self.query.gaps = o.gaps.unwrap_or(false);
        self.query.tags = query::parse_tags(o.tags.as_deref().unwrap_or("")).unwrap_or_default();
        self.query.sort =
            query::parse_sort(o.sort.as_deref().unwrap_or(""), &ds).unwrap_or_default();
        self.query.services =
            query::parse_services(o.services.as_deref().unwrap_or(""), &ds).unwrap_or_default();
    }

    /// The active filters in words, for the empty state and the printed view.
    pub fn filter_summary(&self) -> Vec<String> {
        let ds = &self.dataset;
        let mut out = Vec::new();
        if !self.query.text.trim().is_empty() {
            out.push(format!("text “{}”", self.query.text.trim()));
        }
        if let StatusFilter::Service { service, status } = &self.query.status {
            let name = ds
                .service_index(service)
                .map(|i| ds.services[i].name.as_str())
                .unwrap_or(service);
            out.push(format!("{name}: {}", status.text().to_lowercase()));
        }
        if self.query.gaps {
            out.push("only rows where the shown services differ".to_string());
        }
        let mut facets: Vec<&str> = Vec::new();
        for t in &self.query.tags {
            if let Some((f, _)) = t.split_once(':') {
                if !facets.contains(&f) {
                    facets.push(f);
                }
            }
        }
        for f in facets {
            let values: Vec<String> = self
                .query
                .tags
                .iter()
                .filter_map(|t| {
                    t.split_once(':')
                        .filter(|(g, _)| *g == f)
                        .map(|(_, v)| tag_label(f, v))
                })
                .collect();
            out.push(format!("{f}: {}", values.join(" or ")));
        }
        out
    }

    fn refresh(&mut self) {
        self.visible = self.query.visible(&self.dataset, &self.index);
    }

    /// Indices of the shown services, in display order.
    pub fn shown_services(&self) -> Vec<usize> {
        self.query.shown_services(&self.dataset)
    }

    /// The state as reported to the host page.
    pub fn snapshot(&self) -> Snapshot {
        let ds = &self.dataset;
        Snapshot {
            query: self.query.text.clone(),
            status: self.query.status.to_string(),
            gaps: self.query.gaps,
            tags: self.query.tags.clone(),
            sort: self.query.sort_string(),
            services: self
                .shown_services()
                .iter()
                .map(|&i| ds.services[i].id.clone())
                .collect(),
            view: match self.view {
                View::Table => "table",
                View::Diagram => "diagram",
                View::Both => "both",
            }
            .to_string(),
            revision: if self.custom.is_some() {
                ds.as_of.clone()
            } else {
                self.revision.clone()
            },
            compare: if self.custom.is_some() {
                None
            } else {
                self.compare.clone()
            },
            visible: self
                .visible
                .iter()
                .map(|&i| ds.programs[i].id.clone())
                .collect(),
        }
    }
}

/// Parses a revision id option: empty → `None`, `latest` → the newest id.
pub fn parse_revision(name: &str, s: &str) -> Result<Option<String>, String> {
    let s = s.trim();
    if s.is_empty() {
        return Ok(None);
    }
    match revisions::find(s) {
        Some(r) => Ok(Some(r.id)),
        None => Err(format!(
            "{name}: unknown revision '{s}' (expected one of {}, or latest)",
            revisions::ids().join(", ")
        )),
    }
}

/// A readable name for a facet value (`jurisdiction:us` → "United States").
pub fn tag_label(facet: &str, value: &str) -> String {
    let known = match (facet, value) {
        ("jurisdiction", "us") => "United States",
        ("jurisdiction", "au") => "Australia",
        ("jurisdiction", "de") => "Germany",
        ("jurisdiction", "kr") => "South Korea",
        ("jurisdiction", "es") => "Spain",
        ("jurisdiction", "sg") => "Singapore",
        ("jurisdiction", "global") => "Global",
        ("domain", "payments") => "Payments",
        ("domain", "health") => "Health",
        ("domain", "government") => "Government",
        ("domain", "security") => "Security",
        ("domain", "quality") => "Quality",
        ("domain", "privacy") => "Privacy",
        ("domain", "cloud") => "Cloud",
        ("domain", "finance") => "Finance",
        _ => "",
    };
    if known.is_empty() {
        value.replace('-', " ")
    } else {
        known.to_string()
    }
}

// ---------------------------------------------------------------------------------------------
// Sharing: the state in `location.hash`
// ---------------------------------------------------------------------------------------------

const HASH_KEYS: [&str; 8] = [
    "query", "status", "gaps", "tags", "sort", "services", "revision", "compare",
];

/// The hash with this widget's state written under its namespace (`<ns>.query=…&<ns>.sort=…`);
/// other widgets' keys and foreign keys are kept, defaults are left out.
pub fn hash_with_state(hash: &str, ns: &str, state: &AppState) -> String {
    let prefix = format!("{ns}.");
    let mut parts: Vec<String> = hash
        .trim_start_matches('#')
        .split('&')
        .filter(|p| !p.is_empty() && !p.starts_with(&prefix))
        .map(str::to_string)
        .collect();
    let q = &state.query;
    let services = q.services.join(",");
    let values = [
        q.text.clone(),
        if q.status == StatusFilter::Any {
            String::new()
        } else {
            q.status.to_string()
        },
        if q.gaps {
            "1".to_string()
        } else {
            String::new()
        },
        q.tags.join(","),
        q.sort_string(),
        services,
        if state.custom.is_none() && state.revision != SEED_REVISION {
            state.revision.clone()
        } else {
            String::new()
        },
        if state.custom.is_none() {
            state.compare.clone().unwrap_or_default()
        } else {
            String::new()
        },
    ];
    for (k, v) in HASH_KEYS.iter().zip(values) {
        if !v.is_empty() {
            parts.push(format!("{prefix}{k}={}", percent_encode(&v)));
        }
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!("#{}", parts.join("&"))
    }
}

/// This widget's shareable options from a hash, or `None` if the hash has none of its keys.
pub fn options_from_hash(hash: &str, ns: &str) -> Option<Options> {
    let prefix = format!("{ns}.");
    let mut o = Options::default();
    let mut any = false;
    for part in hash.trim_start_matches('#').split('&') {
        let Some(rest) = part.strip_prefix(&prefix) else {
            continue;
        };
        let (k, v) = rest.split_once('=').unwrap_or((rest, ""));
        let v = percent_decode(v);
        any = true;
        match k {
            "query" => o.query = Some(v),
            "status" => o.status = Some(v),
            "gaps" => o.gaps = Some(v == "1"),
            "tags" => o.tags = Some(v),
            "sort" => o.sort = Some(v),
            "services" => o.services = Some(v),
            "revision" => o.revision = Some(v),
            "compare" => o.compare = Some(v),
            _ => {}
        }
    }
    any.then_some(o)
}

/// Percent-encodes everything but unreserved characters and a few readable ones (`:`, `,`).
pub fn percent_encode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b':' | b',' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// Decodes `%XX` sequences (and `+` as space); invalid sequences are kept as they are.
pub fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'%' if i + 2 < b.len() => {
                match std::str::from_utf8(&b[i + 1..i + 3])
                    .ok()
                    .and_then(|h| u8::from_str_radix(h, 16).ok())
                {
                    Some(v) => {
                        out.push(v);
                        i += 3;
                        continue;
                    }
                    None => out.push(b'%'),
                }
            }
            b'+' => out.push(b' '),
            c => out.push(c),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn option_changed(name: &str, a: &Options, b: &Options) -> bool {
    match name {
        "services" => a.services != b.services,
        "status" => a.status != b.status,
        "tags" => a.tags != b.tags,
        "sort" => a.sort != b.sort,
        "view" => a.view != b.view,
        "revision" => a.revision != b.revision,
        "compare" => a.compare != b.compare,
        "theme" => a.theme != b.theme,
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opts(f: impl FnOnce(&mut Options)) -> Options {
        let mut o = Options::default();
        f(&mut o);
        o
    }

    #[test]
    fn options_filter_and_sort_the_rows() {
        let mut s = AppState::new(Dataset::embedded());
        s.apply_options(
            &opts(|o| {
                o.status = Some("fargate:not-in-scope".into());
                o.sort = Some("program:desc".into());
            }),
            None,
        );
        let snap = s.snapshot();
        assert_eq!(snap.visible.len(), 8);
        assert_eq!(snap.visible[0], "ospar");
        assert_eq!(snap.sort, "program:desc");
        assert!(s.option_errors.is_empty());
    }

    #[test]
    fn a_changed_attribute_keeps_what_the_user_did_with_the_others() {
        let mut s = AppState::new(Dataset::embedded());
        let first = opts(|o| o.theme = Some("light".into()));
        s.apply_options(&first, None);
        s.apply(Action::SetText("soc".into()));
        let second = opts(|o| o.theme = Some("dark".into()));
        s.apply_options(&second, Some(&first));
        assert_eq!(s.theme, Theme::Dark);
        assert_eq!(s.visible.len(), 3);
    }

    #[test]
    fn bad_options_are_reported_by_name_and_kept_until_fixed() {
        let mut s = AppState::new(Dataset::embedded());
        let bad = opts(|o| o.sort = Some("lambda".into()));
        s.apply_options(&bad, None);
        assert_eq!(s.option_errors.len(), 1);
        assert!(s.option_errors[0].starts_with("sort:"));
        let also_theme = opts(|o| {
            o.sort = Some("lambda".into());
            o.theme = Some("dark".into())
        });
        s.apply_options(&also_theme, Some(&bad));
        assert_eq!(s.option_errors.len(), 1);
        let fixed = opts(|o| {
            o.sort = Some("ecs".into());
            o.theme = Some("dark".into())
        });
        s.apply_options(&fixed, Some(&also_theme));
        assert!(s.option_errors.is_empty());
    }

    #[test]
    fn hiding_and_moving_columns() {
        let mut s = AppState::new(Dataset::embedded());
        s.apply(Action::ToggleService("eks".into()));
        assert_eq!(s.snapshot().services, ["ecs", "fargate", "ecr"]);
        s.apply(Action::MoveService {
            service: "ecr".into(),
            by: -1,
        });
        assert_eq!(s.snapshot().services, ["ecs", "ecr", "fargate"]);
        s.apply(Action::ToggleService("eks".into()));
        assert_eq!(s.snapshot().services, ["ecs", "eks", "ecr", "fargate"]);
        // Moving past the edge changes nothing.
        assert!(!s.apply(Action::MoveService {
            service: "ecs".into(),
            by: -1
        }));
        // The last column cannot be hidden.
        for id in ["ecs", "eks", "ecr", "fargate"] {
            s.apply(Action::ToggleService(id.into()));
        }
        assert_eq!(s.snapshot().services, ["fargate"]);
    }

    #[test]
    fn the_hash_round_trips_and_keeps_other_widgets_keys() {
        let mut s = AppState::new(Dataset::embedded());
        s.apply(Action::SetText("iso 27".into()));
        s.apply(Action::ToggleSort {
            field: SortField::Program,
            additive: false,
        });
        s.apply(Action::SetGaps(true));
        let hash = hash_with_state("#other.query=x&plain", "cm", &s);
        assert_eq!(
            hash,
            "#other.query=x&plain&cm.query=iso%2027&cm.gaps=1&cm.sort=program:asc"
        );
        let o = options_from_hash(&hash, "cm").unwrap();
        let mut t = AppState::new(Dataset::embedded());
        t.apply(Action::Restore(Box::new(o)));
        assert_eq!(t.query, s.query);
        assert_eq!(
            options_from_hash(&hash, "other").unwrap().query.as_deref(),
            Some("x")
        );
        assert!(options_from_hash(&hash, "third").is_none());
        assert_eq!(percent_decode("caf%C3%A9%2"), "café%2");
    }

    #[test]
    fn filter_summary_says_why_rows_are_missing() {
        let mut s = AppState::new(Dataset::embedded());
        s.apply(Action::SetText("zzz".into()));
        s.apply(Action::SetStatus(
            query::parse_status("fargate:in-progress", &Dataset::embedded()).unwrap(),
        ));
        s.apply(Action::ToggleTag("jurisdiction:sg".into()));
        s.apply(Action::ToggleTag("jurisdiction:de".into()));
        assert_eq!(
            s.filter_summary(),
            [
                "text “zzz”",
                "ECS Fargate: in progress",
                "jurisdiction: Singapore or Germany"
            ]
        );
    }

    #[test]
    fn compare_mode_marks_what_changed_from_the_older_revision() {
        let mut s = AppState::new(Dataset::embedded());
        s.apply_options(&opts(|o| o.compare = Some("latest".into())), None);
        let c = s.comparison.clone().unwrap();
        assert_eq!(
            (c.old_id.as_str(), c.new_id.as_str()),
            ("2020-04-21", "2021-04-24")
        );
        assert_eq!(c.summary.len(), 5);
        assert_eq!(s.snapshot().compare.as_deref(), Some("2021-04-24"));
        // The newer revision is shown.
        let irap = s.dataset.program_index("irap").unwrap();
        assert_eq!(
            s.dataset.programs[irap].cells[1].status,
            crate::dataset::Status::InScope
        );
        assert!(s.apply(Action::SetCompare(None)));
        assert!(s.comparison.is_none());
        assert!(s.apply(Action::SetRevision("2020-03-25".into())));
        assert_eq!(s.visible.len(), 17);
        assert_eq!(s.snapshot().revision, "2020-03-25");
    }

    #[test]
    fn unknown_revisions_are_reported() {
        let mut s = AppState::new(Dataset::embedded());
        s.apply_options(&opts(|o| o.revision = Some("2019-01-01".into())), None);
        assert!(s.option_errors[0].starts_with("revision: unknown revision '2019-01-01'"));
        assert_eq!(s.revision, SEED_REVISION);
    }

    #[test]
    fn actions_report_whether_anything_changed() {
        let mut s = AppState::new(Dataset::embedded());
        assert!(!s.apply(Action::ClearFilters));
        assert!(s.apply(Action::ToggleTag("jurisdiction:au".into())));
        assert_eq!(s.snapshot().visible, ["irap"]);
        assert!(s.apply(Action::ClearFilters));
        assert_eq!(s.visible.len(), 20);
    }
}
