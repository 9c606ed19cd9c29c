//! Which way the page runs where a widget sits. `direction` inherits into the shadow root, so the
//! stylesheet's logical properties mirror by themselves; the diagram's geometry and the arrow
//! keys are drawn and handled in Rust and need to be told.

use web_sys::Element;

/// Whether `host`'s computed `direction` is `rtl` (a `dir="rtl"` on it or an ancestor, or a
/// page rule). Read through the element's own window, so a widget in an iframe asks its frame.
pub fn is_rtl(host: &Element) -> bool {
    host.owner_document()
        .and_then(|d| d.default_view())
        .and_then(|w| w.get_computed_style(host).ok().flatten())
        .and_then(|s| s.get_property_value("direction").ok())
        .is_some_and(|d| d == "rtl")
}
