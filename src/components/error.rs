//! The error banner: `[role="alert"][part="error"]`, one line per problem.

use crate::i18n::{StringKey, Strings};
use yew::prelude::*;

/// What is wrong, one message per line, each naming the attribute, field, line or file at fault;
/// `stale_note` when the widget still shows earlier data because the new data could not be used.
/// Nothing when all is well. A function, not a component: it has no state of its own.
pub fn error_banner(t: &Strings, messages: &[String], stale_note: Option<&str>) -> Html {
    if messages.is_empty() {
        return html! {};
    }
    html! {
        <div class="cm-error" role="alert" part="error">
            <strong class="cm-error-title">{ t.get(StringKey::errorTitle) }</strong>
            <ul>
                { for messages.iter().map(|m| html! { <li>{ m }</li> }) }
            </ul>
            if let Some(note) = stale_note {
                <p class="cm-error-note">{ note }</p>
            }
        </div>
    }
}
