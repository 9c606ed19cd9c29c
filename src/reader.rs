//! The dataset reader: a second wasm (`reader/`, the core crate's readers and validation), so the
//! first download does without them. `www/define.js` gives the function that loads it (a Promise
//! of a function that makes a fresh reader instance, [`set`]); this module loads it when a widget
//! first has something to read, keeps the instance, and replaces one that traps. A `data` or a
//! child table is read at once when the reader is here ([`read_now`]), else once it has loaded
//! ([`loaded`]); a `src` is read once it has arrived ([`read`]).

use crate::dataset::{packed, Dataset, DatasetError};
use crate::i18n::StringKey;
use std::cell::RefCell;
use wasm_bindgen::{JsCast, JsValue};

/// Where the reader's load is.
enum Load {
    /// Not asked for yet (or its last load failed: `failure` says why; asked again, it retries).
    Idle {
        failure: Option<String>,
    },
    Loading(js_sys::Promise),
    /// Loaded: `make` makes an instance; `instance` is the one in use (none after a trap).
    Ready {
        make: js_sys::Function,
        instance: Option<JsValue>,
    },
}

thread_local! {
    /// `www/define.js`'s loader: () → a Promise of a function making a reader instance.
    static LOADER: RefCell<Option<js_sys::Function>> = const { RefCell::new(None) };
    static STATE: RefCell<Load> = const { RefCell::new(Load::Idle { failure: None }) };
}

/// The loader this instance uses (`setHost`, from `www/define.js`).
pub fn set(loader: Option<js_sys::Function>) {
    LOADER.with(|l| *l.borrow_mut() = loader);
}

fn load_error(detail: &str) -> DatasetError {
    DatasetError::input(StringKey::errReaderLoad).with("detail", detail)
}

/// Starts loading the reader if it is not here or on its way; a Promise that settles when it has
/// loaded or failed to (the failure is then said by the next read).
pub fn load() -> js_sys::Promise {
    let current = STATE.with(|s| match &*s.borrow() {
        Load::Ready { .. } => Some(js_sys::Promise::resolve(&JsValue::UNDEFINED)),
        Load::Loading(p) => Some(p.clone()),
        Load::Idle { .. } => None,
    });
    if let Some(p) = current {
        return p;
    }
    let started = LOADER
        .with(|l| l.borrow().clone())
        .map(|f| f.call0(&JsValue::NULL));
    let promise = match started {
        Some(Ok(p)) => js_sys::Promise::resolve(&p),
        Some(Err(e)) => js_sys::Promise::reject(&e),
        None => js_sys::Promise::reject(&"this build has no dataset reader".into()),
    };
    let settled = wasm_bindgen_futures::future_to_promise(async move {
        let made = wasm_bindgen_futures::JsFuture::from(promise).await;
        let next = match made.map(|m| m.dyn_into::<js_sys::Function>()) {
            Ok(Ok(make)) => Load::Ready {
                make,
                instance: None,
            },
            Ok(Err(_)) => Load::Idle {
                failure: Some("the loader did not give a reader".into()),
            },
            Err(e) => Load::Idle {
                failure: Some(message_of(&e)),
            },
        };
        STATE.with(|s| *s.borrow_mut() = next);
        Ok(JsValue::UNDEFINED)
    });
    STATE.with(|s| *s.borrow_mut() = Load::Loading(settled.clone()));
    settled
}

/// Whether the reader is here: what needs it reads at once, else once [`loaded`] (which loads
/// it, again after a failed load).
pub fn ready() -> bool {
    STATE.with(|s| matches!(&*s.borrow(), Load::Ready { .. }))
}

/// An error's message, or the thrown value as text.
fn message_of(e: &JsValue) -> String {
    match e.dyn_ref::<js_sys::Error>() {
        Some(e) => String::from(e.message()),
        None => e.as_string().unwrap_or_default(),
    }
}

/// Reads with the reader as it is now: `kind` and its three texts as `reader/src/lib.rs`
/// describes them. Texts are handed over as JS strings, never copied into this wasm's memory.
/// An error when the reader is not here (with why its load failed), or stopped.
pub fn read_now(kind: &str, args: [&JsValue; 3]) -> Result<Dataset, DatasetError> {
    let instance = STATE.with(|s| match &mut *s.borrow_mut() {
        Load::Ready { make, instance } => {
            if instance.is_none() {
                *instance = make.call0(&JsValue::NULL).ok();
            }
            instance
                .clone()
                .ok_or_else(|| load_error("it could not start"))
        }
        Load::Idle {
            failure: Some(failure),
        } => Err(load_error(failure)),
        _ => Err(load_error("it has not loaded")),
    })?;
    let read = js_sys::Reflect::get(&instance, &"read".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .ok_or_else(|| load_error("it has no read function"))?;
    let all = js_sys::Array::of4(&kind.into(), args[0], args[1], args[2]);
    let answer = read.apply(&instance, &all).map_err(|e| {
        // A reader that stopped (a trap) is replaced by a fresh instance for the next read.
        STATE.with(|s| {
            if let Load::Ready { instance, .. } = &mut *s.borrow_mut() {
                *instance = None;
            }
        });
        DatasetError::input(StringKey::errReaderAnswer).with(
            "detail",
            format!("it stopped after an internal error: {}", message_of(&e)),
        )
    })?;
    let text = answer.as_string().unwrap_or_default();
    packed::decode_read(&text)
        .map_err(|e| DatasetError::input(StringKey::errReaderAnswer).with("detail", e))?
}

/// Waits until the reader has loaded or failed to (a read then says why).
pub async fn loaded() {
    let _ = wasm_bindgen_futures::JsFuture::from(load()).await;
}

/// Loads the reader if it has not loaded yet, then reads.
pub async fn read(kind: &str, args: [JsValue; 3]) -> Result<Dataset, DatasetError> {
    loaded().await;
    read_now(kind, [&args[0], &args[1], &args[2]])
}
