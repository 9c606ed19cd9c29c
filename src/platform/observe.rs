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

    /// Watches `el` too.
    pub fn also(&self, el: &web_sys::Element) {
        if let Some(o) = &self.observer {
            o.observe(el);
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

thread_local! {
    /// The page's print budget, claimed by its widgets in turn at `beforeprint`.
    static PRINT_BUDGET: std::cell::RefCell<crate::windowing::PrintBudget> = Default::default();
}

/// Whether a long list of `rows` × `services` prints whole in this printing of the page.
pub fn claim_print(rows: usize, services: usize) -> bool {
    PRINT_BUDGET.with(|b| b.borrow_mut().claim(rows, services))
}

/// The printing is over: the next one has the whole budget again.
pub fn end_print() {
    PRINT_BUDGET.with(|b| *b.borrow_mut() = Default::default());
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
/// a menu when the user clicks elsewhere); removed when dropped.
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

/// Calls `on()` after changes under a node (a microtask later): the named attributes anywhere
/// below it, and with `content` its children and their text too. Changes inside a shadow root
/// below it are not seen. Stops when dropped.
pub struct MutationWatch {
    observer: Option<web_sys::MutationObserver>,
    _callback: Closure<dyn FnMut()>,
}

impl MutationWatch {
    pub fn new(
        node: &web_sys::Node,
        content: bool,
        attributes: &[&str],
        on: impl FnMut() + 'static,
    ) -> MutationWatch {
        let callback = Closure::<dyn FnMut()>::new(on);
        let observer = web_sys::MutationObserver::new(callback.as_ref().unchecked_ref()).ok();
        if let Some(o) = &observer {
            let init = web_sys::MutationObserverInit::new();
            init.set_subtree(true);
            init.set_child_list(content);
            init.set_character_data(content);
            init.set_attributes(true);
            let filter: js_sys::Array = attributes
                .iter()
                .map(|a| wasm_bindgen::JsValue::from_str(a))
                .collect();
            init.set_attribute_filter(&filter);
            let _ = o.observe_with_options(node, &init);
        }
        MutationWatch {
            observer,
            _callback: callback,
        }
    }
}

impl Drop for MutationWatch {
    fn drop(&mut self) {
        if let Some(o) = &self.observer {
            o.disconnect();
        }
    }
}
