//! Translations the widget's wasm is built without: asked of `www/define.js` (which imports the
//! language's `i18n/<lang>.js`) when a widget is to speak one, and added to the core's catalogs.
//! A language whose file could not be loaded is spoken in English (`define.js` warns).

use std::cell::RefCell;
use wasm_bindgen::{JsCast, JsValue};

thread_local! {
    /// The function that imports a translation (`lang` → a Promise of its texts).
    static IMPORT: RefCell<Option<js_sys::Function>> = const { RefCell::new(None) };
    /// Languages whose file could not be loaded: not asked again.
    static FAILED: RefCell<Vec<&'static str>> = const { RefCell::new(Vec::new()) };
}

/// The function that imports a translation (`setHost`, from `www/define.js`).
pub fn set(import: Option<js_sys::Function>) {
    IMPORT.with(|i| *i.borrow_mut() = import);
}

/// The shipped language a widget asking for `requested` waits for: one not at hand, not
/// English, whose file has not failed to load.
pub fn missing(requested: &str) -> Option<&'static str> {
    let lang = crate::i18n::shipped(requested)?;
    let failed = FAILED.with(|f| f.borrow().contains(&lang));
    (!crate::i18n::strings::has_catalog(lang) && !failed).then_some(lang)
}

/// Imports `lang`'s translation and adds it; a failure is remembered (English is spoken).
pub async fn fetch(lang: &'static str) {
    let import = IMPORT.with(|i| i.borrow().clone());
    let texts = match import.map(|f| f.call1(&JsValue::NULL, &lang.into())) {
        Some(Ok(p)) => wasm_bindgen_futures::JsFuture::from(js_sys::Promise::resolve(&p))
            .await
            .ok(),
        _ => None,
    };
    let added = texts
        .and_then(|t| t.dyn_into::<js_sys::JsString>().ok())
        .is_some_and(|t| add(lang, &t).is_ok());
    if !added {
        FAILED.with(|f| f.borrow_mut().push(lang));
    }
}

/// A catalog file's texts are about 15 kB; a string this long is no catalog of ours.
const MAX_CATALOG_UNITS: u32 = 64 * 1024;

/// Adds a translation's texts, measured before they are copied into wasm memory; an error when
/// they are not this version's catalog of `lang`.
fn add(lang: &str, texts: &js_sys::JsString) -> Result<(), String> {
    if texts.length() > MAX_CATALOG_UNITS {
        return Err(format!("catalog '{lang}': not a catalog of this version"));
    }
    crate::i18n::add_catalog(lang, String::from(texts))
}
