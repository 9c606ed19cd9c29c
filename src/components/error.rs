//! The error banner: `[role="alert"][part="error"]`, one line per problem.

use yew::prelude::*;

/// Props of [`ErrorBanner`].
#[derive(Properties, PartialEq)]
pub struct ErrorBannerProps {
    /// Messages, each naming the attribute, field, line or file at fault.
    pub messages: Vec<String>,
    /// Set when the widget still shows earlier data because the new data could not be used.
    #[prop_or_default]
    pub stale_note: Option<String>,
}

/// Shows what is wrong; renders nothing when all is well.
#[function_component(ErrorBanner)]
pub fn error_banner(props: &ErrorBannerProps) -> Html {
    let t = super::use_strings();
    if props.messages.is_empty() {
        return html! {};
    }
    html! {
        <div class="cm-error" role="alert" part="error">
            <strong class="cm-error-title">{ t.get(crate::i18n::K::errorTitle) }</strong>
            <ul>
                { for props.messages.iter().map(|m| html! { <li>{ m }</li> }) }
            </ul>
            if let Some(note) = &props.stale_note {
                <p class="cm-error-note">{ note }</p>
            }
        </div>
    }
}
