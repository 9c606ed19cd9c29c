//! compliance-matrix: which compliance programs each AWS container service is in scope for, and
//! who secures what, as a `<compliance-matrix>` web component built with Yew.
//!
//! The pure pipeline is the core crate (`core/`, [`compliance_matrix_core`]): dataset → query →
//! state. This crate adds what needs the browser: [`components`] (Yew views that render props
//! and emit callbacks), [`platform`] (browser effects) and `element` (the only
//! `#[wasm_bindgen]` exports, with the mount root).

pub use compliance_matrix_core::{
    dataset, diagram_layout, export, grid, i18n, options, query, responsibility, revisions, state,
    text, view_state, windowing, wording,
};

pub mod catalogs;
pub mod components;
pub mod platform;
pub mod reader;

#[cfg(target_arch = "wasm32")]
pub mod element;
