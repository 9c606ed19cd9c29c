//! The root component: owns the [`AppState`], renders header, toolbar, legend and table, and
//! reports every user change to the host.

use super::error::ErrorBanner;
use super::legend::Legend;
use super::table::{as_of_text, SourceLink, Table};
use super::toolbar::Toolbar;
use crate::dataset::{safe_url, Dataset};
use crate::query::SortField;
use crate::state::{Action, AppState, Options, Snapshot, Theme};
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// A window onto the latest state, read by the element for `state` and the exports.
#[derive(Clone, Default)]
pub struct Mirror(pub Rc<RefCell<Option<AppState>>>);

impl PartialEq for Mirror {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// Props of [`App`].
#[derive(Properties, PartialEq)]
pub struct AppProps {
    pub options: Options,
    /// The dataset to show; `None` shows the embedded seed.
    #[prop_or_default]
    pub data: Option<Rc<Dataset>>,
    /// Why the latest data could not be used (the previous data stays visible).
    #[prop_or_default]
    pub data_error: Option<String>,
    /// Called with the new state after every user change.
    #[prop_or_default]
    pub onchange: Callback<Snapshot>,
    #[prop_or_default]
    pub mirror: Mirror,
}

/// The widget.
pub struct App {
    state: AppState,
}

/// Messages of [`App`].
pub enum Msg {
    Act(Action),
}

impl App {
    fn publish(&self, ctx: &Context<Self>) {
        *ctx.props().mirror.0.borrow_mut() = Some(self.state.clone());
    }
}

impl Component for App {
    type Message = Msg;
    type Properties = AppProps;

    fn create(ctx: &Context<Self>) -> Self {
        let props = ctx.props();
        let mut state = AppState::new(props.data.clone().unwrap_or_else(Dataset::embedded));
        state.apply_options(&props.options, None);
        let app = App { state };
        app.publish(ctx);
        app
    }

    fn update(&mut self, ctx: &Context<Self>, msg: Msg) -> bool {
        let Msg::Act(action) = msg;
        if !self.state.apply(action) {
            return false;
        }
        self.publish(ctx);
        ctx.props().onchange.emit(self.state.snapshot());
        true
    }

    fn changed(&mut self, ctx: &Context<Self>, old: &AppProps) -> bool {
        let props = ctx.props();
        if props.data != old.data {
            self.state
                .set_dataset(props.data.clone().unwrap_or_else(Dataset::embedded));
        }
        self.state.apply_options(&props.options, Some(&old.options));
        self.publish(ctx);
        true
    }

    fn view(&self, ctx: &Context<Self>) -> Html {
        let s = &self.state;
        let ds = &s.dataset;
        let link = ctx.link();
        let theme = match s.theme {
            Theme::Auto => None,
            t => Some(format!("cm-theme-{}", t.id())),
        };
        let mut errors = s.option_errors.clone();
        let stale_note = ctx.props().data_error.as_ref().map(|e| {
            errors.insert(0, e.clone());
            "The table still shows the previous data.".to_string()
        });
        let shown = Rc::new(s.shown_services());
        let visible = Rc::new(s.visible.clone());
        html! {
            <div class={classes!("cm", theme)} part="root">
                <header class="cm-head">
                    <h2 class="cm-title">{ if ds.title.is_empty() { "Compliance matrix" } else { ds.title.as_str() } }</h2>
                    <p class="cm-meta">
                        { "As of " }
                        <time datetime={ds.as_of.clone()}>{ as_of_text(ds) }</time>
                        { " · Source: " }
                        <SourceLink title={ds.source.title.clone()} url={ds.source.url.clone()} />
                    </p>
                    if let Some(w) = &ds.warning {
                        <p class="cm-warning" part="warning">
                            <span class="cm-warning-icon" aria-hidden="true">{ "⚠" }</span>
                            { warning_with_link(w, ds.latest.as_ref().map(|l| l.url.as_str())) }
                        </p>
                    }
                </header>
                <ErrorBanner messages={errors} stale_note={stale_note} />
                if s.view.shows_table() {
                    <section class="cm-section" aria-label="Compliance table">
                        <Toolbar
                            text={s.query.text.clone()}
                            visible={s.visible.len()}
                            total={ds.programs.len()}
                            ontext={link.callback(|t| Msg::Act(Action::SetText(t)))}
                        />
                        <Legend />
                        <Table
                            dataset={ds.clone()}
                            query={s.query.clone()}
                            visible={visible}
                            shown={shown}
                            onsort={link.callback(|(field, additive): (SortField, bool)| Msg::Act(Action::ToggleSort { field, additive }))}
                        />
                        if s.visible.is_empty() {
                            <div class="cm-empty" part="empty">
                                <p>{ "No program matches these filters." }</p>
                                <button type="button" class="cm-button" onclick={link.callback(|_| Msg::Act(Action::ClearFilters))}>
                                    { "Clear filters" }
                                </button>
                            </div>
                        }
                    </section>
                }
            </div>
        }
    }
}

/// The warning text, with the "latest status" URL inside it turned into a link (when safe).
fn warning_with_link(warning: &str, latest: Option<&str>) -> Html {
    if let Some(url) = latest.and_then(safe_url) {
        if let Some(pos) = warning.find(url) {
            let (before, rest) = warning.split_at(pos);
            let after = &rest[url.len()..];
            return html! {
                <>
                    { before }
                    <a href={url.to_string()} target="_blank" rel="noopener noreferrer">{ url }</a>
                    { after }
                </>
            };
        }
        return html! {
            <>
                { warning }{ " " }
                <a href={url.to_string()} target="_blank" rel="noopener noreferrer">{ "Latest status" }</a>
            </>
        };
    }
    html! { { warning } }
}
