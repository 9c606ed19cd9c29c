//! Fetching a `src`: streamed, cut at the size limit, timed out, aborted when dropped.

use super::dom_window;
use crate::i18n::{Arg::Text, StringKey, Strings};
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

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
    let w = dom_window().ok_or("no window")?;
    let at = |k: StringKey| t.fmt(k, &[("url", Text(&url))]);
    let controller = controller.ok_or_else(|| at(StringKey::srcCannotRequest))?;
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
    let too_big = |k: StringKey, n: String| {
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
    let failed = |e: &JsValue, what: StringKey| {
        if timed_out.get() {
            let seconds = (FETCH_TIMEOUT_MS / 1000).to_string();
            t.fmt(
                StringKey::srcTimeout,
                &[("url", Text(&url)), ("seconds", Text(&seconds))],
            )
        } else if controller.signal().aborted() {
            at(StringKey::srcCancelled)
        } else {
            let detail = js_sys::Reflect::get(e, &"message".into())
                .ok()
                .and_then(|m| m.as_string())
                .unwrap_or_default();
            if detail.is_empty() {
                at(what)
            } else {
                t.fmt(
                    StringKey::withDetail,
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
            .ok_or_else(|| at(StringKey::srcNoFetch))?;
        let started = fetch
            .call2(&w, &JsValue::from_str(&url), &init)
            .map_err(|e| failed(&e, StringKey::srcFetchThrew))?;
        let resp = JsFuture::from(js_sys::Promise::resolve(&started))
            .await
            .map_err(|e| failed(&e, StringKey::srcNetwork))?;
        let resp: web_sys::Response = resp.dyn_into().map_err(|_| at(StringKey::srcNoResponse))?;
        if !resp.ok() {
            let status = resp.status().to_string();
            return Err(t.fmt(
                StringKey::srcHttp,
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
                return Err(too_big(StringKey::srcTooLarge, len.to_string()));
            }
        }
        let mut bytes = Vec::new();
        if let Some(body) = resp.body() {
            let reader: web_sys::ReadableStreamDefaultReader = body
                .get_reader()
                .dyn_into()
                .map_err(|e| failed(&e, StringKey::srcUnreadable))?;
            loop {
                let chunk = JsFuture::from(reader.read())
                    .await
                    .map_err(|e| failed(&e, StringKey::srcUnreadable))?;
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
                    return Err(at(StringKey::srcNotBytes));
                };
                // Checked before the copy into wasm memory: past the limit, the read stops here.
                if bytes.len() + part.length() as usize > limit {
                    controller.abort();
                    return Err(too_big(
                        StringKey::srcReadStopped,
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
                StringKey::srcNotUtf8,
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
    let base = dom_window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .unwrap_or_default();
    web_sys::Url::new_with_base(url, &base)
        .map(|u| u.href())
        .unwrap_or_else(|_| url.to_string())
}
