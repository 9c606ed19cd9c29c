//! Browser side effects, one file per effect: fetching a `src` ([`fetch`]), the URL hash
//! ([`hash`]), files and the clipboard ([`files`]), paint timing and sizes ([`paint`]), and
//! observers and listeners ([`observe`]). Thin wrappers over web-sys; failures come back as
//! messages, never panics. This file holds what they share: which widget the core works for,
//! and the listeners this instance keeps on `window`.

mod fetch;
mod files;
mod hash;
mod observe;
mod paint;

pub use fetch::{absolute_url, fetch_text, Request, FETCH_TIMEOUT_MS};
pub use files::{copy_text, download, print};
pub use hash::{location_hash, set_hash, url_with_hash, HashListener};
pub use observe::{
    claim_print, end_print, MutationWatch, PrintListeners, ResizeWatch, WindowListener,
};
pub use paint::{after_ms, after_next_paint, measure_scroll_box, viewport_size};

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

thread_local! {
    static ACTIVE: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// Notes which mounted widget (by its mount id) the wasm core is working for, so a panic can be
/// blamed on that widget alone. Set on entry to every export and every `App` lifecycle call.
pub fn enter(mount_id: u32) {
    ACTIVE.with(|a| a.set(mount_id));
}

/// The widget the core last worked for (0: none).
pub fn active() -> u32 {
    ACTIVE.try_with(|a| a.get()).unwrap_or(0)
}

pub(crate) fn dom_window() -> Option<web_sys::Window> {
    web_sys::window()
}

thread_local! {
    /// Every listener this instance has on `window`, so they can all be removed when the
    /// instance is given up after a panic ([`release_window_listeners`]): a listener left on
    /// `window` would keep the dead instance (and its memory) alive.
    static WINDOW_LISTENERS: std::cell::RefCell<Vec<(&'static str, js_sys::Function)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

fn listen<F: ?Sized>(
    kind: &'static str,
    closure: &Closure<F>,
) -> Result<(), wasm_bindgen::JsValue> {
    let w = dom_window().ok_or_else(|| wasm_bindgen::JsValue::from_str("no window"))?;
    let f: &js_sys::Function = closure.as_ref().unchecked_ref();
    w.add_event_listener_with_callback(kind, f)?;
    WINDOW_LISTENERS.with(|l| l.borrow_mut().push((kind, f.clone())));
    Ok(())
}

fn unlisten<F: ?Sized>(kind: &'static str, closure: &Closure<F>) {
    let f: &js_sys::Function = closure.as_ref().unchecked_ref();
    if let Some(w) = dom_window() {
        let _ = w.remove_event_listener_with_callback(kind, f);
    }
    let _ = WINDOW_LISTENERS.try_with(|l| {
        if let Ok(mut l) = l.try_borrow_mut() {
            l.retain(|(k, g)| !(*k == kind && g == f));
        }
    });
}

/// Removes every listener this instance put on `window` (see [`WINDOW_LISTENERS`]).
pub fn release_window_listeners() {
    let all = WINDOW_LISTENERS
        .try_with(|l| {
            l.try_borrow_mut()
                .map(|mut l| std::mem::take(&mut *l))
                .unwrap_or_default()
        })
        .unwrap_or_default();
    if let Some(w) = dom_window() {
        for (kind, f) in all {
            let _ = w.remove_event_listener_with_callback(kind, &f);
        }
    }
}
