//! The status legend: symbol and text for every status, so status never relies on colour. The
//! symbol is the badge's `::before` content (src/style.css, checked against `Status::symbol`).

use crate::dataset::Status;
use crate::i18n::{StringKey, Strings};
use crate::wording::status_text;
use yew::prelude::*;

/// The legend.
pub fn legend(t: &Strings) -> Html {
    html! {
        <ul class="cm-legend" part="legend" aria-label={t.get(StringKey::statusLegend).to_string()}>
            { for Status::ALL.iter().map(|s| html! {
                <li>
                    <span class={classes!("cm-badge", format!("cm-{}", s.id()))}>
                        { status_text(t, *s) }
                    </span>
                </li>
            }) }
        </ul>
    }
}
