//! Files and the clipboard: an export offered as a download, a link copied, the page printed.

use super::dom_window;
use crate::i18n::{Arg::Text, StringKey, Strings};
use std::rc::Rc;
use wasm_bindgen::JsCast;

/// Offers `text` as a file download named `filename`.
pub fn download(t: &Strings, filename: &str, mime: &str, text: &str) -> Result<(), String> {
    let fail = |e: wasm_bindgen::JsValue| {
        let reason = e
            .as_string()
            .unwrap_or_else(|| t.get(StringKey::downloadRefused).to_string());
        t.fmt(StringKey::downloadFailed, &[("reason", Text(&reason))])
    };
    let document = dom_window()
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
    let Some(clipboard) = dom_window().map(|w| w.navigator().clipboard()) else {
        done(t.fmt(StringKey::copyThisLink, &[("link", Text(&text))]));
        return;
    };
    let promise = clipboard.write_text(&text);
    wasm_bindgen_futures::spawn_local(async move {
        match wasm_bindgen_futures::JsFuture::from(promise).await {
            Ok(_) => done(t.get(StringKey::linkCopied).to_string()),
            Err(_) => done(t.fmt(StringKey::copyRefused, &[("link", Text(&text))])),
        }
    });
}

/// Opens the browser's print dialog (the widget prints its print view, see `style.css`).
pub fn print() {
    if let Some(w) = dom_window() {
        let _ = w.print();
    }
}
