//! compliance-matrix: which compliance programs each AWS container service is in scope for, and
//! who secures what, as a `<compliance-matrix>` web component built with Yew.
//!
//! Data flows one way: [`dataset`] → [`query`] → [`state`] → [`components`] → `element`.

pub mod components;
pub mod dataset;
pub mod export;
pub mod layout;
pub mod platform;
pub mod query;
pub mod responsibility;
pub mod revisions;
pub mod state;

#[cfg(target_arch = "wasm32")]
pub mod element;
