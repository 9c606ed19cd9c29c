//! Yew components: they render props and emit callbacks; state changes live in the core's
//! `state` (the reducer), words in its `wording`.

pub mod app;
mod app_props;
pub mod details;
pub mod diagram;
pub mod error;
pub mod header;
pub mod legend;
pub mod links;
pub mod menu;
pub mod notes;
pub mod table;
pub mod toolbar;
pub mod tools;

pub use app::{App, AppProps, Bring, Brought, SharedState};

/// The UI strings of the widget this component is in (given by [`App`] as context).
#[yew::hook]
pub fn use_strings() -> std::rc::Rc<crate::i18n::Strings> {
    yew::use_context::<std::rc::Rc<crate::i18n::Strings>>().unwrap_or_default()
}
