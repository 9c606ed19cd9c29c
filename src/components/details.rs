//! A status cell's details: a non-modal dialog under the cell (CSS anchor positioning: the
//! open cell is the anchor), on a phone the width of the table under the cell's row. It says
//! what the cell says and in whose words, the cell in every embedded revision, who secures what
//! for each diagram variant of the service, the tools that check the customer's part there and
//! the sources with their dates. Escape or the close button closes it and focus goes back to the
//! cell (the app does that).

use super::links::{link, source_link};
use super::table::status_class;
use crate::dataset::Status;
use crate::i18n::{Arg::Num, Arg::Text, StringKey, Strings};
use crate::wording::details::CellDetails;
use crate::wording::{date_text, later_note, status_text};
use yew::prelude::*;

/// Props of [`DetailsPanel`].
#[derive(Properties, PartialEq)]
pub struct DetailsPanelProps {
    /// The cell it belongs to: (program id, service id).
    pub anchor: (String, String),
    /// Counts the openings: each (the same cell's again too) moves focus into the dialog.
    pub opened: u32,
    /// What it shows (see [`details_content`]).
    pub content: Html,
    /// Closed by Escape or the close button (focus then goes back to the cell).
    pub onclose: Callback<()>,
}

/// The dialog; focused (and scrolled into view) when it opens for a cell, so it is read out.
#[function_component(DetailsPanel)]
pub fn details_panel(props: &DetailsPanelProps) -> Html {
    let t = super::use_strings();
    let dialog = use_node_ref();
    {
        let dialog = dialog.clone();
        use_effect_with(props.opened, move |_| {
            if let Some(d) = dialog.cast::<web_sys::HtmlElement>() {
                let _ = d.focus();
                let opts = web_sys::ScrollIntoViewOptions::new();
                opts.set_block(web_sys::ScrollLogicalPosition::Nearest);
                d.scroll_into_view_with_scroll_into_view_options(&opts);
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
            <button type="button" class="cm-icon cm-close" aria-label={t.get(StringKey::close).to_string()}
                onclick={props.onclose.reform(|_| ())}>{ "×" }</button>
            { props.content.clone() }
        </div>
    }
}

/// A status as a badge: its symbol (drawn by the stylesheet) and its word.
fn badge(t: &Strings, s: Status) -> Html {
    html! { <span class={classes!("cm-badge", status_class(s))}><span class="cm-st">{ status_text(t, s) }</span></span> }
}

/// A subheading of the details.
fn heading(text: String) -> Html {
    html! { <h4 class="cm-h4">{ text }</h4> }
}

/// What the details of one cell show. `onshow` highlights the service's columns in the diagram
/// (`None` when the diagram is not shown).
pub fn details_content(
    t: &Strings,
    d: &CellDetails,
    data_lang: Option<AttrValue>,
    onshow: Option<Callback<MouseEvent>>,
) -> Html {
    let later = d.later.as_ref().map(|(id, c)| later_note(t, c, id));
    html! {
        <>
            <h3 class="cm-h3 cm-details-title" id="cm-details-title" lang={data_lang.clone()}>{ d.heading(t) }</h3>
            <dl class="cm-summary">
                <dt>{ t.get(StringKey::detailsStatus) }</dt>
                <dd>{ badge(t, d.cell.status) }{ " " }{ d.words_text(t) }<span class="cm-details-later">{ later }</span></dd>
                if let Some(note) = &d.program.note {
                    <dt>{ t.get(StringKey::detailsNote) }</dt>
                    <dd lang={data_lang}>{ note }</dd>
                }
            </dl>
            if !d.history.is_empty() {
                { heading(t.get(StringKey::historyHeading).to_string()) }
                <ol class="cm-timeline" part="timeline">
                    { for d.history.iter().map(|r| {
                        let tags = [(r.changed, StringKey::revisionChanged), (r.shown, StringKey::revisionShown)]
                            .iter().filter(|(on, _)| *on).map(|(_, k)| t.get(*k)).collect::<Vec<_>>().join(" · ");
                        html! {
                            <li class={classes!(r.shown.then_some("cm-shown"))} data-revision={r.revision.clone()}>
                                <time datetime={r.revision.clone()}>{ &r.revision }</time>
                                if let Some(c) = &r.cell {
                                    { badge(t, c.status) }
                                    <span lang="en">{ c.label.as_deref().unwrap_or_default() }</span>
                                } else {
                                    { t.get(StringKey::notInRevision) }
                                }
                                <span class="cm-tag">{ tags }</span>
                            </li>
                        }
                    }) }
                </ol>
            }
            { heading(t.fmt(StringKey::whoSecuresOn, &[("service", Text(&d.service.name))])) }
            if !d.covered {
                <p class="cm-muted">{ d.not_covered(t) }</p>
            }
            { for d.duties.iter().map(|duty| html! {
                <dl class="cm-summary cm-duty" data-variant={duty.variant.id.clone()}>
                    <dt class="cm-duty-name" lang="en">{ &*duty.variant.name }</dt>
                    { for [(StringKey::ownerCustomer, &duty.customer), (StringKey::ownerShared, &duty.shared), (StringKey::ownerAws, &duty.aws)]
                        .into_iter().filter(|(_, l)| !l.is_empty()).map(|(k, layers)| html! {
                            <><dt>{ t.get(k) }</dt><dd>{ CellDetails::layer_list(t, layers) }</dd></>
                        }) }
                </dl>
            }) }
            if let Some(onshow) = onshow.filter(|_| d.covered) {
                <button type="button" class="cm-button" part="show-in-diagram" onclick={onshow}>{ t.get(StringKey::showInDiagram) }</button>
            }
            if !d.tools.is_empty() {
                { heading(t.get(StringKey::toolsYourPart).to_string()) }
                <ul class="cm-details-tools">
                    { for d.tools.iter().map(|u| html! {
                        <li data-tool={u.tool.id.clone()} lang="en">
                            { link(&u.tool.name, &u.tool.url) }
                            { " — " }
                            { u.variants.iter().map(|v| &*v.short).collect::<Vec<_>>().join(", ") }
                        </li>
                    }) }
                </ul>
            }
            <details class="cm-sources">
                <summary>{ t.fmt(StringKey::sourcesCount, &[("count", Num(d.sources.len()))]) }</summary>
                <ul>
                    { for d.sources.iter().map(|s| {
                        let (before, after) = t.around(if s.read { StringKey::readOn } else { StringKey::asOf }, "date", &[]);
                        html! {
                            <li>
                                { source_link(t, &s.title, &s.url) }
                                { if s.read { before } else { format!(" · {before}") } }
                                <time datetime={s.date.clone()}>{ date_text(t, &s.date) }</time>
                                { after }
                            </li>
                        }
                    }) }
                </ul>
            </details>
        </>
    }
}
