//! Links from data: rendered as links only for `http:`, `https:` and `mailto:` addresses
//! (`dataset::safe_url`), as plain text otherwise. Data never becomes markup.

use crate::i18n::{StringKey, Strings};
use yew::prelude::*;

/// A source's title linked to its address; the address itself when it has no title.
pub fn source_link(t: &Strings, title: &str, url: &str) -> Html {
    let title = if title.trim().is_empty() { url } else { title }.to_string();
    match crate::dataset::safe_url(url) {
        Some(url) => html! {
            <a href={url.to_string()} target="_blank" rel="noopener noreferrer" lang="en">{ title }</a>
        },
        None if title.is_empty() => html! { <span>{ t.get(StringKey::notStated) }</span> },
        None => html! { <span lang="en">{ title }</span> },
    }
}

/// A title linked to an address of the embedded model (English text).
pub fn link(title: &str, url: &str) -> Html {
    match crate::dataset::safe_url(url) {
        Some(u) => {
            html! { <a href={u.to_string()} target="_blank" rel="noopener noreferrer" lang="en">{ title }</a> }
        }
        None => html! { <span lang="en">{ title }</span> },
    }
}

/// A text from data whose http(s) URLs are links (`text::split_links`); the rest stays text.
pub fn linked_text(text: &str) -> Html {
    html! {
        { for crate::text::split_links(text).into_iter().map(|(is_link, part)| match (is_link, crate::dataset::safe_url(part)) {
            (true, Some(url)) => html! { <a href={url.to_string()} target="_blank" rel="noopener noreferrer">{ url }</a> },
            _ => html! { { part } },
        }) }
    }
}
