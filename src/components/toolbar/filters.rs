//! The Filters menu's panel: the jurisdiction and domain facets as chips with live counts, and
//! "gaps only"; on a narrow widget the status filter too (the toolbar's row has no room for it).

use super::ToolbarProps;
use crate::i18n::{StringKey, Strings};
use crate::query::{facet_window, Facet, FACET_SCREENFUL};
use crate::wording::{facet_find_label, facet_label, facet_window_note, tag_label};
use yew::prelude::*;

/// How many filters of the panel are on: selected facet values, gaps only and, when the panel
/// holds it, a status filter.
pub fn active_count(props: &ToolbarProps) -> usize {
    let tags: usize = props
        .facets
        .iter()
        .map(|f| f.values.iter().filter(|v| v.selected).count())
        .sum();
    let status = props.narrow && props.status != crate::query::StatusFilter::Any;
    tags + usize::from(props.gaps) + usize::from(status)
}

/// The panel's content.
pub fn filters_panel(t: &Strings, props: &ToolbarProps, status: Html) -> Html {
    let ongaps = {
        let cb = props.ongaps.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            cb.emit(input.checked());
        })
    };
    html! {
        <>
            if props.narrow { { status } }
            { for props.facets.iter().map(|f| {
                let find = props.facet_find.iter().find(|(n, _)| *n == f.name).map_or("", |(_, t)| t.as_str());
                facet_group(t, f, find, &props.ontag, &props.onfacetfind)
            }) }
            <label class="cm-check">
                <input type="checkbox" part="gaps" checked={props.gaps} onchange={ongaps} />
                { t.get(StringKey::gapsOnly) }
                <span class="cm-vh">{ t.get(StringKey::gapsHint) }</span>
            </label>
        </>
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
    let title = facet_label(t, &f.name);
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
        let note = facet_window_note(t, window.len(), matching, f.values.len(), !find.trim().is_empty());
        html! {
            <>
                <input type="search" class="cm-facet-find" part="facet-find" value={find.to_string()}
                    aria-label={facet_find_label(t, &title)} {oninput} />
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
                        <span class="cm-vh">{ " " }{ crate::wording::chip_count_word(t, v.count) }</span>
                    </button>
                }
            }) }
        </div>
    }
}
