//! Notes around the table: the warning with its link, what changed in compare mode, how a
//! revision was read, and the cells a later revision reads otherwise (one line, with the button
//! that shows the latest revision).

use crate::dataset::safe_url;
use crate::i18n::{Arg::Num, Arg::Text, StringKey, Strings};
use crate::state::AppState;
use yew::prelude::*;

/// How odd rows of the shown revisions (and the one compared with) were read.
pub fn revision_notes(s: &AppState) -> Vec<String> {
    if s.custom.is_some() {
        return Vec::new();
    }
    std::iter::once(&s.revision)
        .chain(&s.compare)
        .filter_map(|id| crate::revisions::find(id))
        .flat_map(|r| r.notes)
        .collect()
}

/// How many lines of changes the list shows.
const SUMMARY_LINES: usize = 200;

/// Compare mode's "what changed" list, one click away under a line that says how many changes
/// the table marks.
pub fn changes(t: &Strings, s: &AppState) -> Html {
    let Some(c) = &s.comparison else {
        return Html::default();
    };
    // The first lines only: the list of a comparison of large tables would be a page of its own.
    let summary = crate::wording::diff_summary(t, &c.diff, &c.old, &c.new, SUMMARY_LINES);
    let count = c.diff.len();
    html! {
        <details class="cm-changes" part="changes">
            <summary class="cm-changes-summary">
                <span class="cm-h3">{ t.fmt(StringKey::changesHeading, &[("old", Text(&c.old_id)), ("new", Text(&c.new_id))]) }</span>
                { " · " }
                if count == 0 {
                    { t.get(StringKey::noChange) }
                } else {
                    { t.fmt(StringKey::changesShown, &[("new", Text(&c.new_id)), ("count", Num(count))]) }
                }
            </summary>
            <ul>
                { for summary.iter().map(|l| html! { <li>{ l }</li> }) }
                if count > summary.len() {
                    <li>{ t.fmt(StringKey::changesMore, &[("count", Num(count - summary.len()))]) }</li>
                }
            </ul>
        </details>
    }
}

/// "5 cells shown read otherwise in the latest revision (2021-04-24)." and a button that
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
            { crate::wording::superseded_summary(t, n, &sup.latest) }
            { " " }
            <button type="button" class="cm-button" part="show-latest" onclick={onlatest}>
                { t.get(StringKey::showLatest) }
            </button>
        </p>
    }
}

/// The warning text, with the "latest status" URL inside it turned into a short link ("the
/// current list": the address itself is long and says nothing a user needs to read), or a
/// link after it when the text does not contain the address.
pub fn warning_with_link(t: &Strings, warning: &str, latest: Option<&str>) -> Html {
    let Some(url) = latest.and_then(safe_url) else {
        return html! { { warning } };
    };
    let link = |k: StringKey| {
        html! { <a href={url.to_string()} target="_blank" rel="noopener noreferrer" lang={t.lang.clone()}>{ t.get(k) }</a> }
    };
    match warning.find(url) {
        Some(pos) => {
            let (before, rest) = warning.split_at(pos);
            html! { <>{ before }{ link(StringKey::currentList) }{ &rest[url.len()..] }</> }
        }
        None => html! { <>{ warning }{ " " }{ link(StringKey::latestStatus) }</> },
    }
}
