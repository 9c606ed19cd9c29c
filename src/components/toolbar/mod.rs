//! The toolbar: one row on a laptop — search, status, Filters, History, Columns, Export and the
//! live result count; on a phone the search and the count take a line and the menus the next
//! (the status filter moves into Filters there). Renders props, emits callbacks.

mod columns;
mod filters;
mod history;
mod status;

use super::menu::Menu;
use crate::i18n::{Arg::Num, Arg::Text, StringKey, Strings};
use crate::query::{Facet, StatusFilter};
pub use crate::state::ServiceChoice;
use crate::wording::count_text;
use status::StatusSelect;
use yew::prelude::*;

/// What an export button asks for.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ExportKind {
    Csv,
    Json,
    Markdown,
}

impl ExportKind {
    pub fn id(self) -> &'static str {
        match self {
            ExportKind::Csv => "csv",
            ExportKind::Json => "json",
            ExportKind::Markdown => "markdown",
        }
    }

    /// The format's name, as the menu shows it.
    fn label(self) -> &'static str {
        match self {
            ExportKind::Csv => "CSV",
            ExportKind::Json => "JSON",
            ExportKind::Markdown => "Markdown",
        }
    }
}

/// Props of [`Toolbar`].
#[derive(Properties, PartialEq)]
pub struct ToolbarProps {
    pub text: String,
    /// The search box, so the app can return focus to it.
    #[prop_or_default]
    pub search_ref: NodeRef,
    pub status: StatusFilter,
    pub gaps: bool,
    /// Service columns: shown ones first in display order, then hidden ones.
    pub services: Vec<ServiceChoice>,
    pub facets: Vec<Facet>,
    /// What was typed in the box of each long facet (facet name, text).
    #[prop_or_default]
    pub facet_find: Vec<(String, String)>,
    #[prop_or_default]
    pub onfacetfind: Callback<(String, String)>,
    pub visible: usize,
    pub total: usize,
    pub filtered: bool,
    /// The last action's result ("Link copied"), announced politely.
    #[prop_or_default]
    pub message: String,
    /// Embedded revision ids (empty when the host gave its own data).
    #[prop_or_default]
    pub revisions: Vec<String>,
    #[prop_or_default]
    pub revision: String,
    #[prop_or_default]
    pub compare: Option<String>,
    /// What the user's own data can be compared with (value, label): what they brought before,
    /// the embedded revisions; empty when the data shown is not theirs.
    #[prop_or_default]
    pub brought_choices: Vec<(String, String)>,
    /// How odd rows of the shown revisions were read.
    #[prop_or_default]
    pub revision_notes: Vec<String>,
    #[prop_or_default]
    pub onrevision: Callback<String>,
    #[prop_or_default]
    pub oncompare: Callback<Option<String>>,
    pub ontext: Callback<String>,
    pub onstatus: Callback<StatusFilter>,
    pub ongaps: Callback<bool>,
    pub ontag: Callback<String>,
    pub ontoggleservice: Callback<String>,
    pub onmoveservice: Callback<(String, i32)>,
    pub onexport: Callback<ExportKind>,
    /// "Load data from a file…" in the Export menu (`None`: the page turned import off).
    #[prop_or_default]
    pub onloaddata: Option<Callback<()>>,
    pub oncopylink: Callback<()>,
    #[prop_or_default]
    pub onprint: Callback<()>,
    pub onclear: Callback<()>,
    /// A right-to-left page: the columns run from the right, so moving a column earlier moves
    /// it right (the move buttons say so).
    #[prop_or_default]
    pub rtl: bool,
    /// The widget is narrow (a phone): shorter summaries, the status filter inside Filters.
    #[prop_or_default]
    pub narrow: bool,
}

/// The toolbar.
#[function_component(Toolbar)]
pub fn toolbar(props: &ToolbarProps) -> Html {
    let t = super::use_strings();
    let oninput = {
        let cb = props.ontext.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            cb.emit(input.value());
        })
    };
    let onstatus = {
        let cb = props.onstatus.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            cb.emit(StatusFilter::from_choice(&select.value()));
        })
    };
    let status = html! {
        <label class="cm-field">
            <span class="cm-field-label">{ t.get(StringKey::statusLabel) }</span>
            <StatusSelect services={props.services.clone()} status={props.status.to_string()} onchange={onstatus}
                defer={props.total > crate::windowing::WINDOW_THRESHOLD} />
        </label>
    };
    let active = filters::active_count(props);
    let (active_before, active_after) = t.around(StringKey::activeCount, "count", &[]);
    let filters_summary = html! {
        <>
            { t.get(StringKey::filters) }
            if active > 0 {
                <span class="cm-count-badge">
                    <span class="cm-vh">{ active_before }</span>{ active }<span class="cm-vh">{ active_after }</span>
                </span>
            }
        </>
    };
    let shown = props.services.iter().filter(|s| s.shown).count();
    // The count only when some columns are hidden: "Columns (3 of 4)".
    let columns_summary = if shown < props.services.len() {
        t.fmt(
            StringKey::columns,
            &[("shown", Num(shown)), ("total", Num(props.services.len()))],
        )
    } else {
        t.get(StringKey::columnsMenu).to_string()
    };
    let history_summary = if props.narrow || !props.brought_choices.is_empty() {
        t.get(StringKey::history).to_string()
    } else {
        t.fmt(StringKey::historyRevision, &[("id", Text(&props.revision))])
    };
    html! {
        <div class={classes!("cm-toolbar", props.narrow.then_some("cm-narrow"))} part="toolbar">
            <label class="cm-search">
                <span class="cm-vh">{ t.get(StringKey::searchLabel) }</span>
                <input type="search" part="search" aria-label={t.get(StringKey::searchLabel).to_string()} ref={props.search_ref.clone()}
                    placeholder={t.get(StringKey::searchPlaceholder).to_string()}
                    value={props.text.clone()} {oninput} autocomplete="off" spellcheck="false" />
            </label>
            <div class="cm-controls">
                if !props.narrow { { status.clone() } }
                <Menu part="filters" class="cm-filters" summary={filters_summary}>
                    { filters::filters_panel(&t, props, if props.narrow { status } else { Html::default() }) }
                </Menu>
                if !props.revisions.is_empty() || !props.brought_choices.is_empty() {
                    <Menu part="history" summary={html! { { history_summary } }}>{ history::history_panel(&t, props) }</Menu>
                }
                <Menu part="columns" class="cm-columns" summary={html! { { columns_summary } }}>
                    <columns::ColumnsPanel services={props.services.clone()} rtl={props.rtl}
                        ontoggleservice={props.ontoggleservice.clone()} onmoveservice={props.onmoveservice.clone()} />
                </Menu>
                <Menu part="export" class="cm-export" summary={html! { { t.get(StringKey::exportMenu) } }}>{ export_panel(&t, props) }</Menu>
                if props.filtered {
                    <button type="button" class="cm-button cm-clear" part="clear-filters"
                        onclick={props.onclear.reform(|_| ())}>{ t.get(StringKey::clearFilters) }</button>
                }
            </div>
            <p class="cm-count" role="status" aria-live="polite" part="count">
                { count_text(&t, props.visible, props.total) }
            </p>
            <span class="cm-message" aria-live="polite" part="message">{ &props.message }</span>
        </div>
    }
}

/// The Export menu's panel: the shown rows as CSV, JSON or Markdown, a link to this view, print.
fn export_panel(t: &Strings, props: &ToolbarProps) -> Html {
    html! {
        <ul class="cm-menu-list" role="list" aria-label={t.get(StringKey::exportGroup).to_string()}>
            { for [ExportKind::Csv, ExportKind::Json, ExportKind::Markdown].into_iter().map(|k| {
                let cb = props.onexport.clone();
                html! {
                    <li>
                        <button type="button" class="cm-menu-item" data-export={k.id()}
                            aria-label={t.fmt(StringKey::exportAs, &[("format", Text(k.label()))])}
                            onclick={Callback::from(move |_| cb.emit(k))}>
                            <span aria-hidden="true">{ "↓ " }</span>{ k.label() }
                        </button>
                    </li>
                }
            }) }
            <li>
                <button type="button" class="cm-menu-item" part="copy-link"
                    onclick={props.oncopylink.reform(|_| ())}>{ t.get(StringKey::copyLink) }</button>
            </li>
            <li>
                <button type="button" class="cm-menu-item" part="print"
                    onclick={props.onprint.reform(|_| ())}>{ t.get(StringKey::print) }</button>
            </li>
            if let Some(cb) = &props.onloaddata {
                <li class="cm-menu-sep">
                    <button type="button" class="cm-menu-item" part="load-data"
                        onclick={cb.reform(|_| ())}>{ t.get(StringKey::loadData) }</button>
                </li>
            }
        </ul>
    }
}
