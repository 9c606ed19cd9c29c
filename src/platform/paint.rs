//! When the page has painted, and the sizes the table's windowing reads.

use super::dom_window;
use crate::windowing::ScrollBox;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Runs `f` once the next frame has been painted (a task queued from that frame's animation
/// callback), or after `PAINT_FALLBACK_MS` if no frame comes first (a hidden tab paints none:
/// the widget must still complete there, and its `ready` resolve); never, without a window.
pub fn after_next_paint(f: impl FnOnce() + 'static) {
    let Some(w) = dom_window() else { return };
    let once = std::rc::Rc::new(std::cell::Cell::new(Some(f)));
    let run = move || {
        if let Some(f) = once.take() {
            f();
        }
    };
    let late = run.clone();
    let frame = Closure::once_into_js(move || {
        if let Some(w) = dom_window() {
            let task = Closure::once_into_js(run);
            let _ = w.set_timeout_with_callback(task.unchecked_ref());
        }
    });
    let _ = w.request_animation_frame(frame.unchecked_ref());
    let fallback = Closure::once_into_js(late);
    let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(
        fallback.unchecked_ref(),
        PAINT_FALLBACK_MS,
    );
}

/// Runs `f` after `ms` milliseconds (never, without a window).
pub fn after_ms(ms: i32, f: impl FnOnce() + 'static) {
    let Some(w) = dom_window() else { return };
    let task = Closure::once_into_js(f);
    let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(task.unchecked_ref(), ms);
}

/// How long [`after_next_paint`] waits for a frame before it runs anyway.
const PAINT_FALLBACK_MS: i32 = 500;

/// The window's inner width and height in CSS px (0 without a window): what a table's scroll box
/// is sized against before it has been laid out.
pub fn viewport_size() -> (f64, f64) {
    let px = |v: Result<wasm_bindgen::JsValue, wasm_bindgen::JsValue>| {
        v.ok().and_then(|v| v.as_f64()).unwrap_or(0.0)
    };
    dom_window().map_or((0.0, 0.0), |w| (px(w.inner_width()), px(w.inner_height())))
}

/// Where a table's scroll box is scrolled and how wide its columns are, read from the laid-out
/// DOM (cheap in a scroll or resize callback, where layout is already up to date).
pub fn measure_scroll_box(el: &web_sys::Element, column_selector: &str) -> ScrollBox {
    let width_of = |selector: &str| {
        el.query_selector(selector)
            .ok()
            .flatten()
            .and_then(|c| c.dyn_into::<web_sys::HtmlElement>().ok())
            .map_or(0.0, |c| f64::from(c.offset_width()))
    };
    ScrollBox {
        top: f64::from(el.scroll_top()),
        height: f64::from(el.client_height()),
        // Right to left, scrollLeft runs from 0 down to minus the overflow: its size is how far
        // the box is scrolled from the start either way.
        left: f64::from(el.scroll_left()).abs(),
        width: f64::from(el.client_width()),
        lead: width_of("thead th"),
        column: width_of(column_selector),
    }
}
