//! Notes around the table: the warning with its link, what changed in compare mode, how a
//! revision was read, and the cells a later revision reads otherwise.

use crate::dataset::safe_url;
use crate::i18n::{Arg::Num, Arg::Text, Strings, K};
use crate::state::AppState;
use yew::prelude::*;

/// The "what changed" list of compare mode, and notes on how the shown revision was read.
pub fn changes(t: &Strings, s: &AppState) -> Html {
    let notes: Vec<String> = if s.custom.is_none() {
        let mut ids = vec![s.revision.clone()];
        ids.extend(s.compare.clone());
        ids.iter()
            .filter_map(|id| crate::revisions::find(id))
            .flat_map(|r| r.notes)
            .collect()
    } else {
        Vec::new()
    };
    let summary = s
        .comparison
        .as_ref()
        .map(|c| c.diff.summary(t, &c.old, &c.new))
        .unwrap_or_default();
    html! {
        <>
            if let Some(c) = &s.comparison {
                <section class="cm-changes" part="changes" aria-label={t.get(K::changesRegion).to_string()}>
                    <h3 class="cm-h3">{ t.fmt(K::changesHeading, &[("old", Text(&c.old_id)), ("new", Text(&c.new_id))]) }</h3>
                    if summary.is_empty() {
                        <p>{ t.get(K::noChange) }</p>
                    } else {
                        <p class="cm-muted">{ t.fmt(K::changesShown, &[("new", Text(&c.new_id)), ("count", Num(summary.len()))]) }</p>
                        <ul>{ for summary.iter().map(|l| html! { <li>{ l }</li> }) }</ul>
                    }
                </section>
            }
            { for notes.iter().map(|n| html! { <p class="cm-rev-note" part="revision-note" lang="en">{ n }</p> }) }
        </>
    }
}

/// "5 of the cells shown read otherwise in the latest revision (2021-04-24)." and a button that
/// shows the latest revision; nothing when no shown cell changed later.
pub fn superseded_note(
    t: &Strings,
    s: &AppState,
    shown: &[usize],
    onlatest: Callback<MouseEvent>,
) -> Html {
    let Some(sup) = &s.superseded else {
        return Html::default();
    };
    let n = sup.count(&s.visible, shown);
    if n == 0 {
        return Html::default();
    }
    html! {
        <p class="cm-superseded-note" part="superseded">
            { crate::i18n::superseded_summary(t, n, &sup.latest) }
            { " " }
            <button type="button" class="cm-button" part="show-latest" onclick={onlatest}>
                { t.get(K::showLatest) }
            </button>
        </p>
    }
}

/// The warning text, with the "latest status" URL inside it turned into a link (when safe).
pub fn warning_with_link(t: &Strings, warning: &str, latest: Option<&str>) -> Html {
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
                <a href={url.to_string()} target="_blank" rel="noopener noreferrer" lang={t.lang.clone()}>{ t.get(K::latestStatus) }</a>
            </>
        };
    }
    html! { { warning } }
}
