//! The URL hash: read it, write it (a new history entry or in place), and follow navigation.

use super::{dom_window, listen, unlisten};
use wasm_bindgen::closure::Closure;

/// The current `location.hash` (with its `#`), or empty.
pub fn location_hash() -> String {
    dom_window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// The page URL without its hash, followed by `hash`.
pub fn url_with_hash(hash: &str) -> String {
    let href = dom_window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    let base = href.split('#').next().unwrap_or("");
    format!("{base}{hash}")
}

/// Writes the hash: a new history entry (`push`) or in place (while typing).
pub fn set_hash(hash: &str, push: bool) {
    let Some(w) = dom_window() else { return };
    if location_hash() == hash {
        return;
    }
    let url = if hash.is_empty() {
        url_with_hash("")
    } else {
        hash.to_string()
    };
    if let Ok(history) = w.history() {
        let _ = if push {
            history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
        } else {
            history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
        };
    }
}

/// Listens for navigation that changes the URL's hash (back, forward, a link); removed when dropped.
pub struct HashListener {
    closure: Closure<dyn FnMut()>,
}

impl HashListener {
    /// Calls `on_change` whenever the URL's hash changes by navigation (back, forward, a link).
    pub fn new(on_change: impl FnMut() + 'static) -> Option<HashListener> {
        let closure = Closure::<dyn FnMut()>::new(on_change);
        listen("popstate", &closure).ok()?;
        listen("hashchange", &closure).ok()?;
        Some(HashListener { closure })
    }
}

impl Drop for HashListener {
    fn drop(&mut self) {
        unlisten("popstate", &self.closure);
        unlisten("hashchange", &self.closure);
    }
}
