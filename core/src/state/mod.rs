//! The one app state and the actions that change it. The reducer delegates to the pure modules;
//! the components only render this state and send actions.

use crate::dataset::Dataset;
use crate::options::{self, parse_revision, Opt, Options, Theme, View, SPECS};
use crate::query::{Query, SearchIndex, SortField, StatusFilter};
use crate::revisions::{self, Supersession, SEED_REVISION};
use crate::view_state::{RememberedOn, ViewState};
use std::rc::Rc;

mod compare;
mod services;
pub use compare::{Against, Comparison};
pub use services::{service_choices, ServiceChoice};

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
    /// Restores a view state (from the URL hash, `restore()` or a saved state).
    Restore(Box<ViewState>),
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
    /// Problems with the options (attributes) by [`Opt`], each naming the attribute; an
    /// option's error stays until that option is set again.
    pub option_errors: [Option<options::OptionError>; SPECS.len()],
    /// A dataset from the host (`data` or `src`); when set, revisions do not apply.
    pub custom: Option<Rc<Dataset>>,
    /// The embedded revision shown (an id from `revisions::ids()`).
    pub revision: String,
    /// The revision compared with, if any.
    pub compare: Option<String>,
    /// What the host's dataset (`custom`) is compared with, if anything.
    pub against: Option<Rc<Against>>,
    /// In compare mode: what changed from the older to the newer revision.
    pub comparison: Option<Rc<Comparison>>,
    /// When an embedded revision older than the latest is shown: its cells that read otherwise
    /// in the latest revision.
    pub superseded: Option<Rc<Supersession>>,
    /// The page's own data is not here (its first `src` is loading, or failed: the URL): no rows
    /// are shown, none of the embedded data is passed off as the page's.
    pub pending: Option<String>,
}

/// The state as the element's `state` property and `cm-change` events report it: the view state
/// with every shown service named (not "all") and the revision a dataset of the page's own is
/// dated, the view, and the rows shown.
#[derive(Clone, Debug, PartialEq)]
pub struct Snapshot {
    pub state: ViewState,
    pub view: String,
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
            option_errors: Default::default(),
            custom: None,
            revision: SEED_REVISION.to_string(),
            compare: None,
            comparison: None,
            superseded: None,
            pending: None,
            against: None,
        };
        s.superseded = later_cells(&s.dataset, &s.revision);
        s.refresh();
        s
    }

    /// Shows the host's dataset (`Some`) or the embedded revisions (`None`).
    pub fn set_custom(&mut self, custom: Option<Rc<Dataset>>) {
        self.custom = custom;
        self.rebuild();
    }

    /// Compares the host's dataset with another (`None`: no comparison).
    pub fn set_against(&mut self, against: Option<Rc<Against>>) {
        if self.against != against {
            self.against = against;
            self.rebuild();
        }
    }

    /// Waits for the page's own data (`Some(url)`: no rows until it comes), or not.
    pub fn set_pending(&mut self, pending: Option<String>) {
        if self.pending != pending {
            self.pending = pending;
            self.refresh();
        }
    }

    /// Recomputes the shown dataset from the source, revision and compare settings.
    fn rebuild(&mut self) {
        self.comparison = None;
        self.superseded = None;
        let shown = if let Some(c) = &self.custom {
            match &self.against {
                Some(a) => {
                    let (merged, comparison) = compare::against(c, a);
                    self.comparison = Some(Rc::new(comparison));
                    merged
                }
                None => c.clone(),
            }
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
                    self.superseded = later_cells(&merged, &new.id);
                    self.comparison = Some(Rc::new(Comparison {
                        old: old.dataset.clone(),
                        new: new.dataset.clone(),
                        old_id: old.id,
                        new_id: new.id,
                        diff: Rc::new(diff),
                    }));
                    merged
                }
                None => {
                    self.superseded = later_cells(&rev.dataset, &rev.id);
                    rev.dataset
                }
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

    /// Applies the options the page set (each one given, even to the value it had: the page's
    /// word then wins over what the user did with it).
    pub fn apply_options(&mut self, given: &Options) {
        let ds = self.dataset.clone();
        let mut source_changed = false;
        for opt in given.given() {
            // Options that name services are read against the page's data: while it is on its
            // way they wait (applied again when it arrives), instead of failing on the wrong data.
            let names_services = matches!(opt, Opt::Services | Opt::Status | Opt::Sort);
            if names_services && self.pending.is_some() {
                continue;
            }
            let v = given.text(opt);
            let result = match opt {
                Opt::Query => {
                    self.query.text = v.to_string();
                    Ok(())
                }
                Opt::Services => options::parse_services(v, &ds).map(|x| self.query.services = x),
                Opt::Status => options::parse_status(v, &ds).map(|x| self.query.status = x),
                Opt::Gaps => {
                    self.query.gaps = given.flag(opt);
                    Ok(())
                }
                Opt::Tags => options::parse_tags(v).map(|x| self.query.tags = x),
                Opt::Sort => options::parse_sort(v, &ds).map(|x| self.query.sort = x),
                Opt::Revision => {
                    source_changed = true;
                    parse_revision("revision", v)
                        .map(|x| self.revision = x.unwrap_or_else(|| SEED_REVISION.to_string()))
                }
                Opt::Compare => {
                    source_changed = true;
                    parse_revision("compare", v).map(|x| self.compare = x)
                }
                Opt::View => View::parse(v).map(|x| self.view = x),
                Opt::Theme => Theme::parse(v).map(|x| self.theme = x),
                // Loading and the hash are the widget's (src, sync-url).
                Opt::Src | Opt::SyncUrl | Opt::WasmUrl | Opt::Lang | Opt::Import => Ok(()),
            };
            self.option_errors[opt as usize] = result.err();
        }
        if source_changed {
            self.rebuild();
        }
        self.refresh();
    }

    /// The problems with the options, in table order, in the words of `t`.
    pub fn option_error_list(&self, t: &crate::i18n::Strings) -> Vec<String> {
        self.option_errors
            .iter()
            .flatten()
            .map(|e| e.text(t))
            .collect()
    }

    /// What the user sees, as plain data (`save()`).
    pub fn view_state(&self) -> ViewState {
        let custom = self.custom.is_some();
        ViewState {
            query: self.query.text.clone(),
            status: self.query.status.to_string(),
            gaps: self.query.gaps,
            tags: self.query.tags.clone(),
            sort: self.query.sort_string(),
            services: self.query.services.clone(),
            revision: (!custom).then(|| self.revision.clone()),
            compare: if custom { None } else { self.compare.clone() },
        }
    }

    /// Checks a view state against this dataset without applying it: the first problem,
    /// named by its field (`restore()` refuses a state it cannot apply whole).
    pub fn check_view_state(&self, v: &ViewState) -> Result<(), String> {
        check_view_state_on(v, &self.dataset, self.custom.is_none())
    }

    /// The data shown, as a remembered view keeps it (to check a view restored while away).
    pub fn remembered_on(&self) -> RememberedOn {
        RememberedOn {
            services: self.dataset.services.iter().map(|s| s.id.clone()).collect(),
            embedded: self.custom.is_none(),
        }
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
            Action::Restore(v) => return self.restore(&v),
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

    /// The services shown when no one chose is the same as "no choice" (empty), which keeps
    /// attributes simple.
    fn normalise_services(&self, shown: Vec<String>) -> Vec<String> {
        let ds = &self.dataset;
        let default = ds.default_services();
        if shown
            .iter()
            .map(String::as_str)
            .eq(default.iter().map(|&i| ds.services[i].id.as_str()))
        {
            Vec::new()
        } else {
            shown
        }
    }

    /// Applies a view state; what does not fit this dataset is left as it was. Returns whether
    /// anything changed.
    fn restore(&mut self, v: &ViewState) -> bool {
        let before = (
            self.query.clone(),
            self.revision.clone(),
            self.compare.clone(),
        );
        if self.custom.is_none() {
            let rev = parse_revision("revision", v.revision.as_deref().unwrap_or(""));
            self.revision = rev
                .ok()
                .flatten()
                .unwrap_or_else(|| SEED_REVISION.to_string());
            self.compare =
                parse_revision("compare", v.compare.as_deref().unwrap_or("")).unwrap_or(None);
            if (&self.revision, &self.compare) != (&before.1, &before.2) {
                self.rebuild();
            }
        }
        let ds = self.dataset.clone();
        self.query.text = v.query.clone();
        self.query.status = options::parse_status(&v.status, &ds).unwrap_or_default();
        self.query.gaps = v.gaps;
        self.query.tags = options::parse_tags(&v.tags.join(",")).unwrap_or_default();
        self.query.sort = options::parse_sort(&v.sort, &ds).unwrap_or_default();
        let services = options::parse_services(&v.services.join(","), &ds).unwrap_or_default();
        self.query.services = self.normalise_services(services);
        self.refresh();
        (
            self.query.clone(),
            self.revision.clone(),
            self.compare.clone(),
        ) != before
    }

    fn refresh(&mut self) {
        if self.pending.is_some() {
            self.visible.clear();
            return;
        }
        self.visible = self.query.visible(&self.dataset, &self.index);
    }

    /// Indices of the shown services, in display order.
    pub fn shown_services(&self) -> Vec<usize> {
        self.query.shown_services(&self.dataset)
    }

    /// The state as reported to the host page.
    pub fn snapshot(&self) -> Snapshot {
        let ds = &self.dataset;
        let mut state = self.view_state();
        state.services = self
            .shown_services()
            .iter()
            .map(|&i| ds.services[i].id.clone())
            .collect();
        if self.custom.is_some() {
            state.revision = Some(ds.as_of.clone());
        }
        Snapshot {
            state,
            view: self.view.id().to_string(),
            visible: self
                .visible
                .iter()
                .map(|&i| ds.programs[i].id.clone())
                .collect(),
        }
    }
}

/// Checks a view state against a dataset (`embedded`: the embedded data, whose revisions
/// `revision` and `compare` name): the first problem, named by its field.
pub fn check_view_state_on(v: &ViewState, ds: &Dataset, embedded: bool) -> Result<(), String> {
    options::parse_status(&v.status, ds)?;
    options::parse_sort(&v.sort, ds)?;
    options::parse_services(&v.services.join(","), ds)?;
    options::parse_tags(&v.tags.join(","))?;
    if embedded {
        parse_revision("revision", v.revision.as_deref().unwrap_or(""))?;
        parse_revision("compare", v.compare.as_deref().unwrap_or(""))?;
    }
    Ok(())
}

/// The cells of `shown` (a revision `id`) that the latest revision reads otherwise.
fn later_cells(shown: &Dataset, id: &str) -> Option<Rc<Supersession>> {
    let latest = revisions::find("latest")?;
    if latest.id == id {
        return None;
    }
    revisions::superseded(shown, &latest).map(Rc::new)
}

#[cfg(test)]
mod tests;
