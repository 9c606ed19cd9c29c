//! The dataset reader: a second wasm (`reader/`, the core crate's JSON, CSV and Markdown readers
//! and validation), so the first download does without them. `www/define.js` hands this wasm an
//! object `{ read(kind, a, b, c), load(), pending() }` ([`set`]): `read` calls the reader's
//! `read` (see `reader/src/lib.rs`) and returns its packed answer, `load()` is a Promise that
//! settles once the reader has loaded. A `data` given at mount or update waits in `www/` for the
//! load, so it is read at once ([`read_now`]); a `src` is read once it has arrived ([`read`]); a
//! child table waits while the reader is [`pending`] and is read again once it is in.

use crate::dataset::{packed, Dataset, DatasetError};
use crate::i18n::K;
use std::cell::RefCell;
use wasm_bindgen::{JsCast, JsValue};

thread_local! {
    static READER: RefCell<Option<JsValue>> = const { RefCell::new(None) };
}

/// The reader this instance calls (`setReader`, from `www/define.js`).
pub fn set(reader: JsValue) {
    READER.with(|r| *r.borrow_mut() = Some(reader));
}

fn method(name: &str) -> Result<(JsValue, js_sys::Function), DatasetError> {
    let reader = READER.with(|r| r.borrow().clone()).unwrap_or(JsValue::NULL);
    js_sys::Reflect::get(&reader, &name.into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .map(|f| (reader, f))
        .ok_or_else(|| DatasetError::input(K::errReaderLoad).with("detail", "no reader was given"))
}

/// Whether the reader is still to load (not loaded, and no load has failed): a page's child
/// table then waits for it.
pub fn pending() -> bool {
    method("pending")
        .ok()
        .and_then(|(reader, f)| f.call0(&reader).ok())
        .is_some_and(|v| v.is_truthy())
}

/// What the JS side threw: the reader could not load (an `Error` named `ReaderLoadError`), or it
/// failed while reading.
fn thrown(e: JsValue) -> DatasetError {
    let name = js_sys::Reflect::get(&e, &"name".into()).ok();
    let key = if name.and_then(|n| n.as_string()).as_deref() == Some("ReaderLoadError") {
        K::errReaderLoad
    } else {
        K::errReaderAnswer
    };
    let message = match e.dyn_ref::<js_sys::Error>() {
        Some(e) => String::from(e.message()),
        None => e.as_string().unwrap_or_default(),
    };
    DatasetError::input(key).with("detail", message)
}

/// Reads with the reader as it is now (loaded, if `www/` waited for it): `kind` and its three
/// texts as `reader/src/lib.rs` describes them. Texts are handed over as JS strings, never
/// copied into this wasm's memory.
pub fn read_now(kind: &str, args: [&JsValue; 3]) -> Result<Dataset, DatasetError> {
    let (reader, read) = method("read")?;
    let all = js_sys::Array::of4(&kind.into(), args[0], args[1], args[2]);
    let answer = read.apply(&reader, &all).map_err(thrown)?;
    let text = answer.as_string().unwrap_or_default();
    packed::decode_read(&text)
        .map_err(|e| DatasetError::input(K::errReaderAnswer).with("detail", e))?
}

/// Loads the reader if it has not loaded yet, then reads.
pub async fn read(kind: &str, args: [JsValue; 3]) -> Result<Dataset, DatasetError> {
    let (reader, load) = method("load")?;
    let loading = load.call0(&reader).map_err(thrown)?;
    wasm_bindgen_futures::JsFuture::from(js_sys::Promise::resolve(&loading))
        .await
        .map_err(thrown)?;
    read_now(kind, [&args[0], &args[1], &args[2]])
}
