//! compliance-matrix: which compliance programs each AWS container service is in scope for, and
//! who secures what, as a `<compliance-matrix>` web component built with Yew.
//!
//! Data flows one way: [`dataset`] → [`query`] → [`state`] → components → element.

pub mod dataset;
pub mod query;
