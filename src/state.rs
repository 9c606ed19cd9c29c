//! The one app state and the actions that change it. The reducer delegates to the pure modules;
//! the components only render this state and send actions.

use crate::dataset::Dataset;
use crate::query::{self, Query, SearchIndex, SortField, StatusFilter};
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
    ToggleSort { field: SortField, additive: bool },
    ClearFilters,
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
        };
        s.refresh();
        s
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
        }
        if self.query == before {
            return false;
        }
        self.refresh();
        true
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
            revision: ds.as_of.clone(),
            compare: None,
            visible: self
                .visible
                .iter()
                .map(|&i| ds.programs[i].id.clone())
                .collect(),
        }
    }
}

fn option_changed(name: &str, a: &Options, b: &Options) -> bool {
    match name {
        "services" => a.services != b.services,
        "status" => a.status != b.status,
        "tags" => a.tags != b.tags,
        "sort" => a.sort != b.sort,
        "view" => a.view != b.view,
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
    fn actions_report_whether_anything_changed() {
        let mut s = AppState::new(Dataset::embedded());
        assert!(!s.apply(Action::ClearFilters));
        assert!(s.apply(Action::ToggleTag("jurisdiction:au".into())));
        assert_eq!(s.snapshot().visible, ["irap"]);
        assert!(s.apply(Action::ClearFilters));
        assert_eq!(s.visible.len(), 20);
    }
}
