//! compliance-matrix-core: everything the widget knows that is not the browser. The modules are
//! layered, and data flows one way, from the bottom up:
//!
//! 1. [`text`], [`stable_sort`], [`grid`], [`windowing`]: words and slugs, the one sort, grid moves,
//!    list windowing;
//! 2. [`i18n`]: keys, catalogs, templates (nothing else of the core);
//! 3. [`dataset`]: read and check a matrix;
//! 4. [`query`], [`revisions`], [`responsibility`]: filter and sort, the dated tables, the model;
//! 5. [`export`], [`diagram_layout`], [`options`];
//! 6. [`view_state`], then 7. [`state`] (the reducer);
//! 8. [`wording`]: sentences about all of the above (statuses, summaries, a cell's details).
//!
//! Then the widget's components and its element. A module imports only modules of lower layers,
//! so no two import each other; `core/tests/layers.rs` checks it. No yew, web-sys, wasm-bindgen
//! or js-sys anywhere in this crate's dependency tree (`core/tests/purity.rs` checks
//! `cargo metadata`).

pub mod dataset;
pub mod diagram_layout;
pub mod export;
pub mod grid;
pub mod i18n;
pub mod options;
pub mod query;
pub mod responsibility;
pub mod revisions;
pub mod stable_sort;
pub mod state;
pub mod text;
pub mod view_state;
pub mod windowing;
pub mod wording;
