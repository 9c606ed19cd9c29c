//! Browser side effects the components ask for: downloads, the clipboard and `location.hash`.
//! Thin wrappers over web-sys; failures come back as messages, never panics.

use crate::i18n::{Arg::Text, Strings, K};
use crate::window::ScrollBox;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

thread_local! {
    static ACTIVE: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// Notes which mounted widget (by its generation) the wasm core is working for, so a panic can be
/// blamed on that widget alone. Set on entry to every export and every `App` lifecycle call.
pub fn enter(generation: u32) {
    ACTIVE.with(|a| a.set(generation));
}

/// The widget the core last worked for (0: none).
pub fn active() -> u32 {
    ACTIVE.try_with(|a| a.get()).unwrap_or(0)
}

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

/// Offers `text` as a file download named `filename`.
pub fn download(t: &Strings, filename: &str, mime: &str, text: &str) -> Result<(), String> {
    let fail = |e: wasm_bindgen::JsValue| {
        let reason = e
            .as_string()
            .unwrap_or_else(|| t.get(K::downloadRefused).to_string());
        t.fmt(K::downloadFailed, &[("reason", Text(&reason))])
    };
    let document = window()
        .and_then(|w| w.document())
        .ok_or_else(|| fail(wasm_bindgen::JsValue::UNDEFINED))?;
    let parts = js_sys::Array::of1(&text.into());
    let bag = web_sys::BlobPropertyBag::new();
    bag.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &bag).map_err(fail)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(fail)?;
    let a: web_sys::HtmlAnchorElement =
        document.create_element("a").map_err(fail)?.unchecked_into();
    a.set_href(&url);
    a.set_download(filename);
    a.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// Copies `text` to the clipboard; calls `done` with a message for the live region.
pub fn copy_text(t: Rc<Strings>, text: String, done: impl FnOnce(String) + 'static) {
    let Some(clipboard) = window().map(|w| w.navigator().clipboard()) else {
        done(t.fmt(K::copyThisLink, &[("link", Text(&text))]));
        return;
    };
    let promise = clipboard.write_text(&text);
    wasm_bindgen_futures::spawn_local(async move {
        match wasm_bindgen_futures::JsFuture::from(promise).await {
            Ok(_) => done(t.get(K::linkCopied).to_string()),
            Err(_) => done(t.fmt(K::copyRefused, &[("link", Text(&text))])),
        }
    });
}

/// The current `location.hash` (with its `#`), or empty.
pub fn location_hash() -> String {
    window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// The page URL without its hash, followed by `hash`.
pub fn url_with_hash(hash: &str) -> String {
    let href = window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    let base = href.split('#').next().unwrap_or("");
    format!("{base}{hash}")
}

/// Writes the hash: a new history entry (`push`) or in place (while typing).
pub fn set_hash(hash: &str, push: bool) {
    let Some(w) = window() else { return };
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

/// How long a `src` request may take, answer and body together, before it is abandoned.
pub const FETCH_TIMEOUT_MS: i32 = 15_000;

/// A `src` request in flight. Dropping it aborts the request (a new `src`, an unmount): no
/// superseded or abandoned request keeps one of the browser's connections to the host.
pub struct Request {
    controller: web_sys::AbortController,
}

impl Drop for Request {
    fn drop(&mut self) {
        self.controller.abort();
    }
}

/// Starts fetching `url` as UTF-8 text of at most `limit` bytes. The future gives the text and
/// its content type, or a message that names the URL and the problem (HTTP status, timeout,
/// size, encoding). The body is read as a stream and the read stops at the limit, whatever
/// `content-length` says (or does not say), so at most `limit` bytes plus one chunk are held.
pub fn fetch_text(
    t: Rc<Strings>,
    url: String,
    limit: usize,
) -> (
    Option<Request>,
    impl std::future::Future<Output = Result<(String, String), String>>,
) {
    let controller = web_sys::AbortController::new().ok();
    let request = controller.clone().map(|controller| Request { controller });
    (request, read_text(t, url, limit, controller))
}

async fn read_text(
    t: Rc<Strings>,
    url: String,
    limit: usize,
    controller: Option<web_sys::AbortController>,
) -> Result<(String, String), String> {
    use wasm_bindgen::JsValue;
    use wasm_bindgen_futures::JsFuture;
    let w = window().ok_or("no window")?;
    let at = |k: K| t.fmt(k, &[("url", Text(&url))]);
    let controller = controller.ok_or_else(|| at(K::srcCannotRequest))?;
    let init = web_sys::RequestInit::new();
    init.set_signal(Some(&controller.signal()));
    let timed_out = std::rc::Rc::new(std::cell::Cell::new(false));
    let abort = {
        let (controller, timed_out) = (controller.clone(), timed_out.clone());
        Closure::once(move || {
            timed_out.set(true);
            controller.abort();
        })
    };
    let timer = w
        .set_timeout_with_callback_and_timeout_and_arguments_0(
            abort.as_ref().unchecked_ref(),
            FETCH_TIMEOUT_MS,
        )
        .unwrap_or(0);
    let (limit_text, mib) = (limit.to_string(), (limit / (1024 * 1024)).to_string());
    let too_big = |k: K, n: String| {
        t.fmt(
            k,
            &[
                ("url", Text(&url)),
                ("bytes", Text(&n)),
                ("limit", Text(&limit_text)),
                ("mib", Text(&mib)),
            ],
        )
    };
    // Why a step failed: the timer, our own abort (the request is no longer wanted), or the network.
    let failed = |e: &JsValue, what: K| {
        if timed_out.get() {
            let seconds = (FETCH_TIMEOUT_MS / 1000).to_string();
            t.fmt(
                K::srcTimeout,
                &[("url", Text(&url)), ("seconds", Text(&seconds))],
            )
        } else if controller.signal().aborted() {
            at(K::srcCancelled)
        } else {
            let detail = js_sys::Reflect::get(e, &"message".into())
                .ok()
                .and_then(|m| m.as_string())
                .unwrap_or_default();
            if detail.is_empty() {
                at(what)
            } else {
                t.fmt(
                    K::withDetail,
                    &[("message", Text(&at(what))), ("detail", Text(&detail))],
                )
            }
        }
    };
    let result = async {
        // The page's `fetch` is called as a function that may throw (a host may have replaced it):
        // a throw is an error message here, never an exception through the wasm.
        let fetch = js_sys::Reflect::get(&w, &"fetch".into())
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
            .ok_or_else(|| at(K::srcNoFetch))?;
        let started = fetch
            .call2(&w, &JsValue::from_str(&url), &init)
            .map_err(|e| failed(&e, K::srcFetchThrew))?;
        let resp = JsFuture::from(js_sys::Promise::resolve(&started))
            .await
            .map_err(|e| failed(&e, K::srcNetwork))?;
        let resp: web_sys::Response = resp.dyn_into().map_err(|_| at(K::srcNoResponse))?;
        if !resp.ok() {
            let status = resp.status().to_string();
            return Err(t.fmt(
                K::srcHttp,
                &[
                    ("url", Text(&url)),
                    ("status", Text(&status)),
                    ("statusText", Text(&resp.status_text())),
                ],
            ));
        }
        let ctype = resp
            .headers()
            .get("content-type")
            .ok()
            .flatten()
            .unwrap_or_default();
        if let Some(len) = resp
            .headers()
            .get("content-length")
            .ok()
            .flatten()
            .and_then(|l| l.trim().parse::<u64>().ok())
        {
            if len > limit as u64 {
                return Err(too_big(K::srcTooLarge, len.to_string()));
            }
        }
        let mut bytes = Vec::new();
        if let Some(body) = resp.body() {
            let reader: web_sys::ReadableStreamDefaultReader = body
                .get_reader()
                .dyn_into()
                .map_err(|e| failed(&e, K::srcUnreadable))?;
            loop {
                let chunk = JsFuture::from(reader.read())
                    .await
                    .map_err(|e| failed(&e, K::srcUnreadable))?;
                let done = js_sys::Reflect::get(&chunk, &"done".into())
                    .ok()
                    .and_then(|d| d.as_bool())
                    .unwrap_or(true);
                if done {
                    break;
                }
                let Ok(value) = js_sys::Reflect::get(&chunk, &"value".into()) else {
                    break;
                };
                let Some(part) = value.dyn_ref::<js_sys::Uint8Array>() else {
                    return Err(at(K::srcNotBytes));
                };
                // Checked before the copy into wasm memory: past the limit, the read stops here.
                if bytes.len() + part.length() as usize > limit {
                    controller.abort();
                    return Err(too_big(
                        K::srcReadStopped,
                        (bytes.len() + part.length() as usize).to_string(),
                    ));
                }
                let start = bytes.len();
                bytes.resize(start + part.length() as usize, 0);
                part.copy_to(&mut bytes[start..]);
            }
        }
        let text = String::from_utf8(bytes).map_err(|e| {
            let offset = e.utf8_error().valid_up_to().to_string();
            t.fmt(
                K::srcNotUtf8,
                &[("url", Text(&url)), ("offset", Text(&offset))],
            )
        })?;
        Ok((text, ctype))
    }
    .await;
    w.clear_timeout_with_handle(timer);
    drop(abort);
    result
}

/// `url` resolved against the document's base URL (as `fetch` would), or `url` unchanged.
pub fn absolute_url(url: &str) -> String {
    let base = window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .unwrap_or_default();
    web_sys::Url::new_with_base(url, &base)
        .map(|u| u.href())
        .unwrap_or_else(|_| url.to_string())
}

/// Runs `f` once the next frame has been painted (a task queued from that frame's animation
/// callback), or after `PAINT_FALLBACK_MS` if no frame comes first (a hidden tab paints none:
/// the widget must still complete there, and its `ready` resolve); never, without a window.
pub fn after_next_paint(f: impl FnOnce() + 'static) {
    let Some(w) = window() else { return };
    let once = std::rc::Rc::new(std::cell::Cell::new(Some(f)));
    let run = move || {
        if let Some(f) = once.take() {
            f();
        }
    };
    let late = run.clone();
    let frame = Closure::once_into_js(move || {
        if let Some(w) = window() {
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

/// How long [`after_next_paint`] waits for a frame before it runs anyway.
const PAINT_FALLBACK_MS: i32 = 500;

/// The window's inner width and height in CSS px (0 without a window): what a table's scroll box
/// is sized against before it has been laid out.
pub fn viewport_size() -> (f64, f64) {
    let px = |v: Result<wasm_bindgen::JsValue, wasm_bindgen::JsValue>| {
        v.ok().and_then(|v| v.as_f64()).unwrap_or(0.0)
    };
    window().map_or((0.0, 0.0), |w| (px(w.inner_width()), px(w.inner_height())))
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

thread_local! {
    /// Every listener this instance has on `window`, so they can all be removed when the
    /// instance is given up after a panic ([`release_window_listeners`]): a listener left on
    /// `window` would keep the dead instance (and its memory) alive.
    static WINDOW_LISTENERS: std::cell::RefCell<Vec<(&'static str, js_sys::Function)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

fn listen(kind: &'static str, closure: &Closure<dyn FnMut()>) -> Result<(), wasm_bindgen::JsValue> {
    let w = window().ok_or_else(|| wasm_bindgen::JsValue::from_str("no window"))?;
    let f: &js_sys::Function = closure.as_ref().unchecked_ref();
    w.add_event_listener_with_callback(kind, f)?;
    WINDOW_LISTENERS.with(|l| l.borrow_mut().push((kind, f.clone())));
    Ok(())
}

fn unlisten(kind: &'static str, closure: &Closure<dyn FnMut()>) {
    let f: &js_sys::Function = closure.as_ref().unchecked_ref();
    if let Some(w) = window() {
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
    if let Some(w) = window() {
        for (kind, f) in all {
            let _ = w.remove_event_listener_with_callback(kind, &f);
        }
    }
}
