//! The widget's header: the title with "About this data" beside it, then one compact line with
//! the as-of date, the source and the warning that status changes over time — the honesty that
//! stays in sight above the table. What "in scope" means, the provenance, the facets' source and
//! how current the upstream table is are one click away, in About this data.

use super::links::{linked_text, source_link};
use super::menu::Menu;
use super::notes::warning_with_link;
use super::Brought;
use crate::dataset::Dataset;
use crate::i18n::{Arg, StringKey, Strings};
use crate::state::AppState;
use crate::wording::date_text;
use std::rc::Rc;
use yew::prelude::*;

/// The header. `data_lang` is the language of the data's own text (title, notes, warning);
/// `brought`: the data shown is the user's own, with the way back to the page's.
pub fn header(
    t: &Rc<Strings>,
    s: &AppState,
    data_lang: Option<AttrValue>,
    brought: Option<(&Brought, Callback<MouseEvent>)>,
) -> Html {
    let ds = &s.dataset;
    let (source_before, source_after) = t.around(StringKey::source, "source", &[]);
    if let Some(url) = &s.pending {
        // The page's own data is not here: its address, nothing of the embedded data.
        return html! {
            <header class="cm-head">
                <h2 class="cm-title">{ t.get(StringKey::title) }</h2>
                <p class="cm-meta">{ source_before }{ source_link(t, url, url) }{ source_after }</p>
            </header>
        };
    }
    let (as_of_before, as_of_after) = t.around(StringKey::asOf, "date", &[]);
    let latest_url = ds.latest.as_ref().map(|l| l.url.clone());
    html! {
        <header class="cm-head">
            <div class="cm-title-row">
                if ds.title.is_empty() {
                    <h2 class="cm-title">{ t.get(StringKey::title) }</h2>
                } else {
                    <h2 class="cm-title" lang={data_lang.clone()}>{ ds.title.as_str() }</h2>
                }
                <Menu part="about" class="cm-about" summary={html! {
                    <><span class="cm-info" aria-hidden="true"></span><span class="cm-about-label">{ t.get(StringKey::aboutData) }</span></>
                }}>
                    { about(t, ds, s.custom.is_none(), data_lang.clone()) }
                </Menu>
            </div>
            if let Some((b, onrestore)) = brought {
                <p class="cm-brought" part="brought">
                    <span aria-live="polite">{ brought_text(t, b) }</span>
                    <button type="button" class="cm-button" part="restore-data" onclick={onrestore}>
                        { t.get(StringKey::restoreData) }
                    </button>
                </p>
            }
            <p class="cm-meta">
                <span class="cm-meta-item">
                    { as_of_before }
                    <time datetime={ds.as_of.clone()}>{ date_text(t, &ds.as_of) }</time>
                    { as_of_after }
                </span>
                <span class="cm-sep" aria-hidden="true">{ "·" }</span>
                <span class="cm-meta-item">
                    { source_before }
                    { source_link(t, &ds.source.title, &ds.source.url) }
                    { source_after }
                </span>
                if let Some(w) = &ds.warning {
                    <span class="cm-sep" aria-hidden="true">{ "·" }</span>
                    <span class="cm-meta-item cm-warning" part="warning" lang={data_lang}>
                        <span class="cm-warning-icon" aria-hidden="true">{ "⚠" }</span>
                        { warning_with_link(t, w, latest_url.as_deref()) }
                    </span>
                }
            </p>
        </header>
    }
}

/// "Your data: sheet.csv, loaded 6 December 2026".
fn brought_text(t: &Strings, b: &Brought) -> String {
    t.fmt(
        StringKey::loadedData,
        &[
            ("name", Arg::Text(&brought_name(t, b))),
            ("date", Arg::Date(&b.date)),
        ],
    )
}

/// The name of what the user brought: its file's, or "Pasted table".
pub fn brought_name(t: &Strings, b: &Brought) -> String {
    if b.name.is_empty() {
        t.get(StringKey::pastedTable).to_string()
    } else {
        b.name.clone()
    }
}

/// About this data: what the data's notes say (what "in scope" means, where the table comes
/// from, what the facets are) and, for the embedded tables, how current the upstream is.
fn about(t: &Strings, ds: &Dataset, embedded: bool, data_lang: Option<AttrValue>) -> Html {
    let notes = ds
        .latest
        .iter()
        .chain(std::iter::once(&ds.source))
        .filter_map(|l| l.note.clone());
    let latest = embedded
        .then(|| crate::revisions::ids().last().cloned())
        .flatten();
    html! {
        <div class="cm-about-body">
            { for notes.map(|n| html! {
                <p class="cm-note" part="note" lang={data_lang.clone()}>{ linked_text(&n) }</p>
            }) }
            if let Some(tags) = &ds.tags_source {
                <p class="cm-note" part="note" lang={data_lang.clone()}>
                    { source_link(t, &tags.title, &tags.url) }
                    if let Some(n) = &tags.note { { ": " }{ linked_text(n) } }
                </p>
            }
            if let Some(id) = latest {
                <p class="cm-note cm-rev-status" part="revision-status">{ crate::wording::revision_status(t, &id) }</p>
            }
        </div>
    }
}
