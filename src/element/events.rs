//! Events the widget raises (`cm-change`, `cm-error`), queued until the call that raised them
//! has returned.

use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use web_sys::{CustomEvent, CustomEventInit, Element};

/// Events wait here until the call into the wasm that raised them has returned: a listener may
/// then call back into the widget (set `data` in a `cm-error` listener, read `state`, export)
/// without meeting a borrowed handle. `www/define.js` calls [`flush_events`] after each call;
/// events raised outside any call (a loaded `src`, a click) go out in a microtask.
type Queued = (Element, &'static str, JsValue);

thread_local! {
    static EVENTS: RefCell<Vec<Queued>> = const { RefCell::new(Vec::new()) };
    static FLUSH: Closure<dyn FnMut()> = Closure::new(flush_events);
}

pub(super) fn dispatch(target: &Element, name: &'static str, detail: &JsValue) {
    let first = EVENTS.with(|q| {
        let mut q = q.borrow_mut();
        q.push((target.clone(), name, detail.clone()));
        q.len() == 1
    });
    if first {
        if let Some(w) = web_sys::window() {
            FLUSH.with(|f| w.queue_microtask(f.as_ref().unchecked_ref()));
        }
    }
}

/// Dispatches the events raised so far, in order. Called by `www/define.js` after every call
/// into a handle, so `cm-change`/`cm-error` arrive before that call returns to the page.
///
/// ```js
/// try { handle.update(options); } finally { flushEvents(); }
/// ```
#[wasm_bindgen(js_name = flushEvents)]
pub fn flush_events() {
    loop {
        let batch = EVENTS.with(|q| std::mem::take(&mut *q.borrow_mut()));
        if batch.is_empty() {
            return;
        }
        for (target, name, detail) in batch {
            let init = CustomEventInit::new();
            init.set_bubbles(true);
            init.set_composed(true);
            init.set_detail(&detail);
            if let Ok(ev) = CustomEvent::new_with_event_init_dict(name, &init) {
                let _ = target.dispatch_event(&ev);
            }
        }
    }
}

pub(super) fn dispatch_error(target: &Element, message: &str) {
    let detail = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&detail, &"message".into(), &message.into());
    dispatch(target, "cm-error", &detail);
}
