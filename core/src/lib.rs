//! compliance-matrix-core: everything the widget knows that is not the browser. The modules are
//! the pipeline, and data flows one way:
//!
//! [`dataset`] (read and check) → [`query`] (filter, facets, sort) → [`state`] (the reducer,
//! with [`options`] and [`view_state`]) → the widget's components, which also draw
//! [`diagram_layout`] and [`window`] and offer [`export`]; [`revisions`] and [`responsibility`]
//! are the embedded history and model; [`order`] is the one sort they all use. No yew, web-sys,
//! wasm-bindgen or js-sys anywhere in this crate's dependency tree (a test checks
//! `cargo metadata`).

pub mod dataset;
pub mod diagram_layout;
pub mod export;
#[cfg(test)]
mod generated;
pub mod i18n;
pub mod options;
pub mod order;
pub mod query;
pub mod responsibility;
pub mod revisions;
pub mod state;
pub mod text;
pub mod view_state;
pub mod window;
