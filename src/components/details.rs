//! A status cell's details: a non-modal dialog anchored under the cell (on a phone, the width of
//! the table, under the cell's row). It says what the cell says and in whose words, the cell in
//! every embedded revision, who secures what for each diagram variant of the service, the tools
//! that check the customer's part there and the sources with their dates. Escape or the close
//! button closes it and focus goes back to the cell (the app does that).

use super::links::{link, source_link};
use super::table::status_class;
use crate::i18n::{Arg::Num, Strings, K};
use crate::wording::details::CellDetails;
use crate::wording::{later_note, status_text};
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Props of [`DetailsPanel`].
#[derive(Properties, PartialEq)]
pub struct DetailsPanelProps {
    /// The cell it belongs to: (program id, service id).
    pub anchor: (String, String),
    /// What it shows (see [`details_content`]).
    pub content: Html,
    /// Closed by Escape or the close button (focus then goes back to the cell).
    pub onclose: Callback<()>,
    #[prop_or_default]
    pub rtl: bool,
}

/// The dialog: placed under its cell after each render, focused when it opens.
#[function_component(DetailsPanel)]
pub fn details_panel(props: &DetailsPanelProps) -> Html {
    let t = super::use_strings();
    let dialog = use_node_ref();
    {
        // Focus moves into the dialog when it opens for a cell, so it is read out.
        let dialog = dialog.clone();
        use_effect_with(props.anchor.clone(), move |_| {
            if let Some(d) = dialog.cast::<web_sys::HtmlElement>() {
                let _ = d.focus();
            }
        });
    }
    {
        let dialog = dialog.clone();
        let (anchor, rtl) = (props.anchor.clone(), props.rtl);
        use_effect(move || {
            if let Some(d) = dialog.cast::<web_sys::HtmlElement>() {
                place(&d, &anchor, rtl);
            }
        });
    }
    let onkeydown = {
        let onclose = props.onclose.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                e.stop_propagation();
                onclose.emit(());
            }
        })
    };
    html! {
        <div class="cm-details" part="cell-details" role="dialog" aria-labelledby="cm-details-title"
            tabindex="-1" ref={dialog} {onkeydown}>
            <button type="button" class="cm-icon cm-close" aria-label={t.get(K::close).to_string()}
                onclick={props.onclose.reform(|_| ())}>{ "×" }</button>
            { props.content.clone() }
        </div>
    }
}

/// Puts the dialog under its cell, within the section it is positioned in (CSS custom
/// properties, which a strict style-src allows where a `style` attribute would not be).
fn place(d: &web_sys::HtmlElement, (program, service): &(String, String), rtl: bool) {
    let Some(section) = d.offset_parent() else {
        return;
    };
    let selector = super::table::cell_selector(program, service);
    let Some(cell) = section.query_selector(&selector).ok().flatten() else {
        return;
    };
    let (c, s) = (
        cell.get_bounding_client_rect(),
        section.get_bounding_client_rect(),
    );
    let width = f64::from(d.offset_width());
    let start = if rtl {
        s.right() - c.right()
    } else {
        c.left() - s.left()
    };
    let x = start.min(s.width() - width).max(0.0);
    let y = c.bottom() - s.top() + 4.0;
    let style = d.style();
    let px = |v: f64| format!("{}px", crate::diagram_layout::number(v.round()));
    let _ = style.set_property("--_details-x", &px(x));
    let _ = style.set_property("--_details-y", &px(y));
    let opts = web_sys::ScrollIntoViewOptions::new();
    opts.set_block(web_sys::ScrollLogicalPosition::Nearest);
    if let Some(el) = d.dyn_ref::<web_sys::Element>() {
        el.scroll_into_view_with_scroll_into_view_options(&opts);
    }
}

/// What the details of one cell show. `onshow` highlights the service's columns in the diagram
/// (`None` when the diagram is not shown).
pub fn details_content(
    t: &Strings,
    d: &CellDetails,
    data_lang: Option<AttrValue>,
    onshow: Option<Callback<MouseEvent>>,
) -> Html {
    let status = d.cell.status;
    let words = d.words_text(t);
    html! {
        <>
            <h3 class="cm-h3 cm-details-title" id="cm-details-title">
                <span lang={data_lang.clone()}>{ d.heading(t) }</span>
            </h3>
            <dl class="cm-summary">
                <dt>{ t.get(K::detailsStatus) }</dt>
                <dd>
                    <span class={classes!("cm-badge", status_class(status))}><span class="cm-st">{ status_text(t, status) }</span></span>
                    if !words.is_empty() { { " " }{ words } }
                    if let Some((id, later)) = &d.later {
                        <span class="cm-details-later">{ later_note(t, later, id) }</span>
                    }
                </dd>
                if let Some(note) = &d.program.note {
                    <dt>{ t.get(K::detailsNote) }</dt>
                    <dd lang={data_lang.clone()}>{ note }</dd>
                }
            </dl>
            if !d.history.is_empty() {
                <h4 class="cm-h4">{ t.get(K::historyHeading) }</h4>
                <ol class="cm-timeline" part="timeline">
                    { for d.history.iter().map(|r| html! {
                        <li class={classes!(r.shown.then_some("cm-shown"), r.changed.then_some("cm-changed-entry"))} data-revision={r.revision.clone()}>
                            <time datetime={r.revision.clone()}>{ &r.revision }</time>
                            { " " }
                            if let Some(c) = &r.cell {
                                <span class={classes!("cm-badge", status_class(c.status))}><span class="cm-st">{ status_text(t, c.status) }</span></span>
                                if let Some(l) = &c.label { { " " }<span class="cm-label-inline" lang="en">{ l }</span> }
                            } else {
                                <span class="cm-muted">{ t.get(K::notInRevision) }</span>
                            }
                            if r.changed { <span class="cm-tag">{ t.get(K::revisionChanged) }</span> }
                            if r.shown { <span class="cm-tag cm-tag-shown">{ t.get(K::revisionShown) }</span> }
                        </li>
                    }) }
                </ol>
            }
            <h4 class="cm-h4">{ t.fmt(K::whoSecuresOn, &[("service", crate::i18n::Arg::Text(&d.service.name))]) }</h4>
            if d.covered {
                { for d.duties.iter().map(|duty| html! {
                    <div class="cm-duty" data-variant={duty.variant.id.clone()}>
                        <p class="cm-duty-name" lang="en">{ &*duty.variant.name }</p>
                        <dl class="cm-summary">
                            { for [(K::ownerCustomer, &duty.customer, "customer"), (K::ownerShared, &duty.shared, "shared"), (K::ownerAws, &duty.aws, "aws")]
                                .into_iter().filter(|(_, l, _)| !l.is_empty()).map(|(k, layers, owner)| html! {
                                    <>
                                        <dt data-owner={owner}>{ t.get(k) }</dt>
                                        <dd>{ CellDetails::layer_list(t, layers) }</dd>
                                    </>
                                }) }
                        </dl>
                    </div>
                }) }
                if let Some(onshow) = onshow {
                    <button type="button" class="cm-button" part="show-in-diagram" onclick={onshow}>{ t.get(K::showInDiagram) }</button>
                }
            } else {
                <p class="cm-muted">{ d.not_covered(t) }</p>
            }
            if !d.tools.is_empty() {
                <h4 class="cm-h4">{ t.get(K::toolsYourPart) }</h4>
                <ul class="cm-details-tools">
                    { for d.tools.iter().map(|u| html! {
                        <li data-tool={u.tool.id.clone()}>
                            { link(&u.tool.name, &u.tool.url) }
                            { " — " }
                            <span lang="en">{ u.variants.iter().map(|v| &*v.short).collect::<Vec<_>>().join(t.get(K::joinList)) }</span>
                        </li>
                    }) }
                </ul>
            }
            <details class="cm-sources">
                <summary>{ t.fmt(K::sourcesCount, &[("count", Num(d.sources.len()))]) }</summary>
                <ul>
                    { for d.sources.iter().map(|s| {
                        let (before, after) = t.around(if s.read { K::readOn } else { K::asOf }, "date", &[]);
                        html! {
                            <li>
                                { source_link(t, &s.title, &s.url) }
                                { if s.read { before } else { format!(" · {before}") } }
                                <time datetime={s.date.clone()}>{ crate::wording::date_text(t, &s.date) }</time>
                                { after }
                            </li>
                        }
                    }) }
                </ul>
            </details>
        </>
    }
}
