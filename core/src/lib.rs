//! compliance-matrix-core: everything the widget knows that is not the browser. The modules are
//! layered, and data flows one way, from the bottom up:
//!
//! 1. [`text`], [`i18n`], [`order`], [`grid`]: words, catalogs, the one sort, grid moves;
//! 2. [`dataset`]: read and check a matrix;
//! 3. [`query`], [`revisions`], [`responsibility`], [`export`], [`diagram_layout`], [`window`];
//! 4. [`options`], then [`view_state`], then [`state`] (the reducer);
//! 5. [`wording`]: sentences about all of the above (statuses, summaries, a cell's details);
//!
//! then the widget's components and its element. A module imports only modules of lower layers
//! (or of its own layer listed before it); `tests/layers.rs` checks it. No yew, web-sys,
//! wasm-bindgen or js-sys anywhere in this crate's dependency tree (a test checks
//! `cargo metadata`).

pub mod dataset;
pub mod diagram_layout;
pub mod export;
#[cfg(test)]
mod generated;
pub mod grid;
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
pub mod wording;
