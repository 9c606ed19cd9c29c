//! The History menu's panel: which embedded revision is shown, which one it is compared with,
//! and how odd rows of those revisions were read.

use super::ToolbarProps;
use crate::i18n::{Arg::Text, StringKey, Strings};
use yew::prelude::*;

/// The panel's content.
pub fn history_panel(t: &Strings, props: &ToolbarProps) -> Html {
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
            t.fmt(StringKey::revisionSeed, &[("id", Text(id))])
        } else if props.revisions.last().map(String::as_str) == Some(id) {
            t.fmt(StringKey::revisionLatest, &[("id", Text(id))])
        } else {
            id.to_string()
        }
    };
    if !props.brought_choices.is_empty() {
        // The user's own data: compared with what they brought before or a revision.
        return html! {
            <div class="cm-history">
                <label class="cm-field">
                    <span class="cm-field-label">{ t.get(StringKey::compareWith) }</span>
                    <select part="compare" onchange={oncompare}>
                        <option value="" selected={props.compare.is_none()}>{ t.get(StringKey::noComparison) }</option>
                        { for props.brought_choices.iter().map(|(v, l)| html! {
                            <option value={v.clone()} selected={props.compare.as_deref() == Some(v.as_str())}>{ l }</option>
                        }) }
                    </select>
                </label>
            </div>
        };
    }
    html! {
        <div class="cm-history">
            <label class="cm-field">
                <span class="cm-field-label">{ t.get(StringKey::revision) }</span>
                <select part="revision" onchange={onrevision}>
                    { for props.revisions.iter().map(|r| html! {
                        <option value={r.clone()} selected={*r == props.revision}>{ label(r) }</option>
                    }) }
                </select>
            </label>
            <label class="cm-field">
                <span class="cm-field-label">{ t.get(StringKey::compareWith) }</span>
                <select part="compare" onchange={oncompare}>
                    <option value="" selected={props.compare.is_none()}>{ t.get(StringKey::noComparison) }</option>
                    { for props.revisions.iter().filter(|r| **r != props.revision).map(|r| html! {
                        <option value={r.clone()} selected={props.compare.as_deref() == Some(r.as_str())}>{ label(r) }</option>
                    }) }
                </select>
            </label>
            { for props.revision_notes.iter().map(|n| html! {
                <p class="cm-rev-note" part="revision-note" lang="en">{ n }</p>
            }) }
        </div>
    }
}
