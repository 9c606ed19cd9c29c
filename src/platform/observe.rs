//! Observers and listeners a component holds and drops: an element's size, the page printing,
//! and events on `window`.

use super::{listen, unlisten};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Calls `on()` when an element changes size, and once after it is first laid out; stops when
/// dropped.
pub struct ResizeWatch {
    observer: Option<web_sys::ResizeObserver>,
    _callback: Closure<dyn FnMut()>,
}

impl ResizeWatch {
    pub fn new(el: &web_sys::Element, on: impl FnMut() + 'static) -> ResizeWatch {
        let callback = Closure::<dyn FnMut()>::new(on);
        let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok();
        if let Some(o) = &observer {
            o.observe(el);
        }
        ResizeWatch {
            observer,
            _callback: callback,
        }
    }
}

impl Drop for ResizeWatch {
    fn drop(&mut self) {
        if let Some(o) = &self.observer {
            o.disconnect();
        }
    }
}

/// Calls `on(true)` before the page prints and `on(false)` after; removed when dropped.
pub struct PrintListeners {
    before: Closure<dyn FnMut()>,
    after: Closure<dyn FnMut()>,
}

impl PrintListeners {
    pub fn new(on: impl Fn(bool) + 'static) -> PrintListeners {
        let on = std::rc::Rc::new(on);
        let (b, a) = (on.clone(), on);
        let before = Closure::<dyn FnMut()>::new(move || b(true));
        let after = Closure::<dyn FnMut()>::new(move || a(false));
        let _ = listen("beforeprint", &before);
        let _ = listen("afterprint", &after);
        PrintListeners { before, after }
    }
}

impl Drop for PrintListeners {
    fn drop(&mut self) {
        unlisten("beforeprint", &self.before);
        unlisten("afterprint", &self.after);
    }
}

/// Calls `on(event)` for every `kind` event on `window` (e.g. a `pointerdown` anywhere, to close
/// a menu when the reader clicks elsewhere); removed when dropped.
pub struct WindowListener {
    kind: &'static str,
    closure: Closure<dyn FnMut(web_sys::Event)>,
}

impl WindowListener {
    pub fn new(kind: &'static str, on: impl FnMut(web_sys::Event) + 'static) -> WindowListener {
        let closure = Closure::<dyn FnMut(web_sys::Event)>::new(on);
        let _ = listen(kind, &closure);
        WindowListener { kind, closure }
    }
}

impl Drop for WindowListener {
    fn drop(&mut self) {
        unlisten(self.kind, &self.closure);
    }
}
