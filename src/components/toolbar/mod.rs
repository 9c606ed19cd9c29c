//! The toolbar: search, status filter, gaps, facet chips, columns, export and share, and the
//! live result count. Renders props, emits callbacks.

use crate::dataset::Status;
use crate::i18n::{count_text, status_inline, tag_label, Arg::Num, Arg::Text, Strings, K};
use crate::query::{facet_window, Facet, StatusFilter, FACET_SCREENFUL};
pub use crate::state::ServiceChoice;
use wasm_bindgen::JsCast;
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
    pub oncopylink: Callback<()>,
    pub onclear: Callback<()>,
    /// A right-to-left page: the columns run from the right, so moving a column earlier moves
    /// it right (the move buttons say so).
    #[prop_or_default]
    pub rtl: bool,
}

#[derive(Properties)]
struct StatusSelectProps {
    services: Vec<ServiceChoice>,
    /// The choice as its option's value writes it (`any` or `fargate:not-in-scope`).
    status: String,
    onchange: Callback<Event>,
    /// Add the options after the first paint (a long list: four per service, 161 elements for 40
    /// services, that nobody sees before opening the select).
    defer: bool,
}

/// Equal when the options are: `onchange` is made anew on every render of the toolbar but
/// always does the same (hands the value to the app's `onstatus`), so it is not compared.
impl PartialEq for StatusSelectProps {
    fn eq(&self, other: &Self) -> bool {
        self.services == other.services && self.status == other.status && self.defer == other.defer
    }
}

/// The status filter: "any", then each service's statuses. Its own component, so the four
/// options per service are built again only when the services or the choice change, not on
/// every keystroke in the search box. When deferred, the first render has only the option shown
/// (the current choice); the others follow right after the first paint, or at once when the
/// select is focused or pressed before that.
#[function_component(StatusSelect)]
fn status_select(props: &StatusSelectProps) -> Html {
    let t = super::use_strings();
    let complete = use_state(|| !props.defer);
    {
        let complete = complete.clone();
        use_effect_with((), move |_| {
            if !*complete {
                crate::platform::after_next_paint(move || complete.set(true));
            }
        });
    }
    let complete_now = {
        let complete = complete.clone();
        move || {
            if !*complete {
                complete.set(true);
            }
        }
    };
    let onfocus = {
        let f = complete_now.clone();
        Callback::from(move |_: FocusEvent| f())
    };
    let onpointerdown = Callback::from(move |_: PointerEvent| complete_now());
    let option = |s: &ServiceChoice, st: &Status| {
        let value = format!("{}:{}", s.id, st.id());
        let selected = props.status == value;
        let text = t.fmt(
            K::serviceStatus,
            &[
                ("service", Text(&s.name)),
                ("status", Text(status_inline(&t, *st))),
            ],
        );
        html! { <option value={value} {selected}>{ text }</option> }
    };
    let chosen = props.status.split_once(':').and_then(|(service, status)| {
        let s = props.services.iter().find(|s| s.id == service)?;
        Some((s, Status::ALL.iter().find(|st| st.id() == status)?))
    });
    html! {
        <select part="status-filter" onchange={props.onchange.clone()} {onfocus} {onpointerdown}>
            <option value="any" selected={props.status == "any"}>{ t.get(K::anyStatus) }</option>
            if *complete {
                { for props.services.iter().map(|s| html! {
                    <optgroup label={s.name.clone()}>
                        { for Status::ALL.iter().map(|st| option(s, st)) }
                    </optgroup>
                }) }
            } else {
                // Only the current choice, so the select shows it.
                { for chosen.map(|(s, st)| option(s, st)) }
            }
        </select>
    }
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
    let ongaps = {
        let cb = props.ongaps.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            cb.emit(input.checked());
        })
    };
    let shown: Vec<&ServiceChoice> = props.services.iter().filter(|s| s.shown).collect();
    // The column chooser closes on Escape and when focus leaves it, like a menu.
    let columns_ref = use_node_ref();
    let close_columns = {
        let r = columns_ref.clone();
        move || {
            if let Some(d) = r.cast::<web_sys::Element>() {
                let _ = d.remove_attribute("open");
            }
        }
    };
    let oncolumnskey = {
        let close = close_columns.clone();
        let r = columns_ref.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                close();
                if let Some(summary) = r
                    .cast::<web_sys::Element>()
                    .and_then(|d| d.query_selector("summary").ok().flatten())
                {
                    if let Ok(s) = summary.dyn_into::<web_sys::HtmlElement>() {
                        let _ = s.focus();
                    }
                }
            }
        })
    };
    let oncolumnsfocusout = {
        let r = columns_ref.clone();
        Callback::from(move |e: FocusEvent| {
            // Only when focus moves to something else: a button that just became disabled
            // drops focus to nowhere, and that must not close the menu.
            let Some(t) = e.related_target() else { return };
            let inside = r.cast::<web_sys::Node>().is_some_and(|d| {
                t.dyn_ref::<web_sys::Node>()
                    .is_some_and(|n| d.contains(Some(n)))
            });
            if !inside {
                close_columns();
            }
        })
    };
    let columns_open = use_state(|| false);
    let ontoggle = {
        let open = columns_open.clone();
        Callback::from(move |e: Event| {
            let d: web_sys::Element = e.target_unchecked_into();
            open.set(d.has_attribute("open"));
        })
    };
    // The list is built as the summary is clicked (or Enter/Space pressed on it), before the
    // details opens: the `toggle` event comes later, as a task that the browser may run after
    // the next key press, which would then tab past a list not built yet.
    let onsummaryclick = {
        let open = columns_open.clone();
        let details = columns_ref.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(d) = details.cast::<web_sys::Element>() {
                open.set(!d.has_attribute("open"));
            }
        })
    };
    html! {
        <div class="cm-toolbar" part="toolbar">
            <div class="cm-toolbar-row">
                <label class="cm-search">
                    <span class="cm-vh">{ t.get(K::searchLabel) }</span>
                    <input type="search" part="search" aria-label={t.get(K::searchLabel).to_string()} ref={props.search_ref.clone()}
                        placeholder={t.get(K::searchPlaceholder).to_string()}
                        value={props.text.clone()} {oninput} autocomplete="off" spellcheck="false" />
                </label>
                <label class="cm-field">
                    <span class="cm-field-label">{ t.get(K::statusLabel) }</span>
                    <StatusSelect services={props.services.clone()} status={props.status.to_string()} onchange={onstatus}
                        defer={props.total > crate::window::WINDOW_THRESHOLD} />
                </label>
                <label class="cm-check">
                    <input type="checkbox" part="gaps" checked={props.gaps} onchange={ongaps} />
                    { t.get(K::gapsOnly) }
                    <span class="cm-vh">{ t.get(K::gapsHint) }</span>
                </label>
                <p class="cm-count" role="status" aria-live="polite" part="count">
                    { count_text(&t, props.visible, props.total) }
                </p>
            </div>
            { for props.facets.iter().map(|f| {
                let find = props.facet_find.iter().find(|(n, _)| *n == f.name).map_or("", |(_, t)| t.as_str());
                facet_group(&t, f, find, &props.ontag, &props.onfacetfind)
            }) }
            if !props.revisions.is_empty() {
                { revision_pickers(&t, props) }
            }
            <div class="cm-toolbar-row cm-actions">
                <details class="cm-columns" part="columns" ref={columns_ref} onkeydown={oncolumnskey} onfocusout={oncolumnsfocusout} {ontoggle}>
                    <summary class="cm-button" onclick={onsummaryclick}>{ t.fmt(K::columns, &[("shown", Num(shown.len())), ("total", Num(props.services.len()))]) }</summary>
                    // Built only while open: with many services it is most of the toolbar.
                    if *columns_open {
                        <fieldset class="cm-columns-list">
                            <legend class="cm-vh">{ t.get(K::columnsLegend) }</legend>
                            <ul>
                                { for props.services.iter().map(|s| column_item(&t, s, &shown, props)) }
                            </ul>
                        </fieldset>
                    }
                </details>
                <span class="cm-export" role="group" aria-label={t.get(K::exportGroup).to_string()}>
                    { for [ExportKind::Csv, ExportKind::Json, ExportKind::Markdown].into_iter().map(|k| {
                        let cb = props.onexport.clone();
                        let label = match k { ExportKind::Csv => "CSV", ExportKind::Json => "JSON", ExportKind::Markdown => "Markdown" };
                        html! {
                            <button type="button" class="cm-button" data-export={k.id()}
                                aria-label={t.fmt(K::exportAs, &[("format", Text(label))])}
                                onclick={Callback::from(move |_| cb.emit(k))}>
                                <span aria-hidden="true">{ "↓ " }</span>{ label }
                            </button>
                        }
                    }) }
                    <button type="button" class="cm-button" part="copy-link"
                        onclick={props.oncopylink.reform(|_| ())}>{ t.get(K::copyLink) }</button>
                </span>
                if props.filtered {
                    <button type="button" class="cm-button cm-clear" part="clear-filters"
                        onclick={props.onclear.reform(|_| ())}>{ t.get(K::clearFilters) }</button>
                }
                <span class="cm-message" aria-live="polite" part="message">{ &props.message }</span>
            </div>
        </div>
    }
}

fn revision_pickers(t: &Strings, props: &ToolbarProps) -> Html {
    let onrevision = {
        let cb = props.onrevision.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            cb.emit(select.value());
        })
    };
    let oncompare = {
        let cb = props.oncompare.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            let v = select.value();
            cb.emit((!v.is_empty()).then_some(v));
        })
    };
    let label = |id: &str| {
        if id == crate::revisions::SEED_REVISION {
            t.fmt(K::revisionSeed, &[("id", Text(id))])
        } else if props.revisions.last().map(String::as_str) == Some(id) {
            t.fmt(K::revisionLatest, &[("id", Text(id))])
        } else {
            id.to_string()
        }
    };
    html! {
        <div class="cm-toolbar-row cm-revisions">
            <label class="cm-field">
                <span class="cm-field-label">{ t.get(K::revision) }</span>
                <select part="revision" onchange={onrevision}>
                    { for props.revisions.iter().map(|r| html! {
                        <option value={r.clone()} selected={*r == props.revision}>{ label(r) }</option>
                    }) }
                </select>
            </label>
            <label class="cm-field">
                <span class="cm-field-label">{ t.get(K::compareWith) }</span>
                <select part="compare" onchange={oncompare}>
                    <option value="" selected={props.compare.is_none()}>{ t.get(K::noComparison) }</option>
                    { for props.revisions.iter().filter(|r| **r != props.revision).map(|r| html! {
                        <option value={r.clone()} selected={props.compare.as_deref() == Some(r.as_str())}>{ label(r) }</option>
                    }) }
                </select>
            </label>
            if let Some(latest) = props.revisions.last() {
                <p class="cm-muted cm-rev-status" part="revision-status">{ crate::i18n::revision_status(t, latest) }</p>
            }
        </div>
    }
}

/// A facet's chips. A long facet (more than a screenful of values) shows a screenful, the
/// selected values always among them, and a box that finds the others.
fn facet_group(
    t: &Strings,
    f: &Facet,
    find: &str,
    ontag: &Callback<String>,
    onfind: &Callback<(String, String)>,
) -> Html {
    let title = crate::i18n::facet_label(t, &f.name);
    let long = f.values.len() > FACET_SCREENFUL;
    let (window, matching) = facet_window(f, if long { find } else { "" }, |v| {
        tag_label(t, &f.name, &v.value)
    });
    let finder = long.then(|| {
        let cb = onfind.clone();
        let name = f.name.clone();
        let oninput = Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            cb.emit((name.clone(), input.value()));
        });
        let note = crate::i18n::facet_window_note(t, window.len(), matching, f.values.len(), !find.trim().is_empty());
        html! {
            <>
                <input type="search" class="cm-facet-find" part="facet-find" value={find.to_string()}
                    aria-label={crate::i18n::facet_find_label(t, &title)} {oninput} />
                <span class="cm-muted cm-facet-note" aria-live="polite">{ note }</span>
            </>
        }
    });
    html! {
        <div class="cm-facet" role="group" aria-label={title.clone()} data-facet={f.name.clone()}>
            <span class="cm-facet-name" aria-hidden="true">{ title }</span>
            // Before the chips, so it stays in place while they change under what is typed.
            { for finder }
            { for window.iter().map(|&i| {
                let v = &f.values[i];
                let cb = ontag.clone();
                let tag = v.tag.clone();
                let label = tag_label(t, &f.name, &v.value);
                html! {
                    <button type="button" class={classes!("cm-chip", v.selected.then_some("cm-chip-on"), (v.count == 0 && !v.selected).then_some("cm-chip-zero"))}
                        data-tag={v.tag.clone()} aria-pressed={if v.selected { "true" } else { "false" }}
                        onclick={Callback::from(move |_| cb.emit(tag.clone()))}>
                        if v.selected { <span class="cm-chip-check" aria-hidden="true">{ "✓" }</span> }
                        { label }
                        // The name is the visible text ("Australia 1") and a hidden word after it,
                        // so it contains what is seen (label-content-name-mismatch).
                        <span class="cm-chip-count">{ v.count }</span>
                        <span class="cm-vh">{ " " }{ crate::i18n::chip_count_word(t, v.count) }</span>
                    </button>
                }
            }) }
        </div>
    }
}

fn column_item(
    t: &Strings,
    s: &ServiceChoice,
    shown: &[&ServiceChoice],
    props: &ToolbarProps,
) -> Html {
    let pos = shown.iter().position(|x| x.id == s.id);
    let toggle = {
        let cb = props.ontoggleservice.clone();
        let id = s.id.clone();
        Callback::from(move |_: Event| cb.emit(id.clone()))
    };
    let mover = |by: i32| {
        let cb = props.onmoveservice.clone();
        let id = s.id.clone();
        Callback::from(move |_: MouseEvent| cb.emit((id.clone(), by)))
    };
    let last_shown = s.shown && shown.len() == 1;
    let (earlier, later) = if props.rtl {
        ((K::moveRight, "→"), (K::moveLeft, "←"))
    } else {
        ((K::moveLeft, "←"), (K::moveRight, "→"))
    };
    html! {
        <li key={s.id.clone()}>
            <label class="cm-check">
                <input type="checkbox" data-service={s.id.clone()} checked={s.shown} disabled={last_shown} onchange={toggle} />
                <span lang="en">{ &s.name }</span>
            </label>
            if let Some(p) = pos {
                <button type="button" class="cm-icon" data-move-up={s.id.clone()} disabled={p == 0}
                    aria-label={t.fmt(earlier.0, &[("service", Text(&s.name))])} onclick={mover(-1)}>{ earlier.1 }</button>
                <button type="button" class="cm-icon" data-move-down={s.id.clone()} disabled={p + 1 == shown.len()}
                    aria-label={t.fmt(later.0, &[("service", Text(&s.name))])} onclick={mover(1)}>{ later.1 }</button>
            }
        </li>
    }
}
