//! Yew components: they render props and emit callbacks; state changes live in `state.rs`.

pub mod app;
mod app_props;
pub mod diagram;
pub mod error;
pub mod legend;
pub mod notes;
pub mod table;
pub mod toolbar;

pub use app::{App, AppProps, Loaded};
