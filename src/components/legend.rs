//! The status legend: symbol and text for every status, so status never relies on colour. The
//! symbol is the badge's `::before` content (src/style.css, checked against `Status::symbol`).

use crate::dataset::Status;
use yew::prelude::*;

/// The legend; it has no props.
#[function_component(Legend)]
pub fn legend() -> Html {
    html! {
        <ul class="cm-legend" part="legend" aria-label="Status legend">
            { for Status::ALL.iter().map(|s| html! {
                <li>
                    <span class={classes!("cm-badge", format!("cm-{}", s.id()))}>
                        { s.text() }
                    </span>
                </li>
            }) }
        </ul>
    }
}
