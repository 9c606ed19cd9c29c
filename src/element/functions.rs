//! The module-level functions of the JS API that need no widget: `catalog()`, `parseDataset()`
//! and `addCatalog()` (for `www/define.js`).

use crate::i18n::{Strings, K};
use std::rc::Rc;
use wasm_bindgen::prelude::*;

/// Every UI string of a shipped language (`en`, `de`, `fr`, `es`, `ja`, `ko`; English for any
/// other), key → text: the keys a page's `strings` may override, and a start for its own language.
///
/// ```js
/// const german = catalog('de'); // { title: 'Compliance-Matrix', … }
/// ```
#[wasm_bindgen]
pub fn catalog(lang: Option<String>) -> JsValue {
    let strings = Strings::new(
        lang.as_deref().unwrap_or("en"),
        &[],
        Rc::new(crate::i18n::Plain),
    );
    let out = js_sys::Object::new();
    for k in K::ALL {
        let _ = js_sys::Reflect::set(
            &out,
            &JsValue::from_str(k.name()),
            &JsValue::from_str(strings.get(*k)),
        );
    }
    out.into()
}

/// A catalog file's texts are about 15 kB; a string this long is no catalog of ours.
const MAX_CATALOG_UNITS: u32 = 64 * 1024;

/// Gives the wasm a translation it was built without (`www/define.js` imports the language's
/// `i18n/<lang>.js` before a widget speaking it starts). Throws when the text is not this
/// version's catalog of a shipped language; the widget then speaks English.
#[wasm_bindgen(js_name = addCatalog)]
pub fn add_catalog(lang: String, texts: js_sys::JsString) -> Result<(), JsValue> {
    crate::platform::enter(0);
    // Measured before it is copied into wasm memory.
    if !texts.is_string() || texts.length() > MAX_CATALOG_UNITS {
        return Err(js_sys::Error::new(&format!(
            "catalog '{lang}': not a catalog of this version"
        ))
        .into());
    }
    crate::i18n::add_catalog(&lang, String::from(texts))
        .map_err(|e| JsValue::from(js_sys::Error::new(&e)))
}

/// Gives this instance the dataset reader (the second wasm, `reader/`), as an object
/// `{ read(kind, a, b, c), load(), pending() }`; see `src/reader.rs`. `www/define.js` calls it
/// once the core has loaded, before any widget starts.
///
/// ```js
/// glue.setReader({ read: (kind, a, b, c) => readerGlue.read(kind, a, b, c), load: () => loading, pending: () => !loaded });
/// ```
#[wasm_bindgen(js_name = setReader)]
pub fn set_reader(reader: JsValue) {
    crate::reader::set(reader);
}

/// Parses a dataset from text: our JSON schema, a CSV table or a Markdown table. `format` is
/// `json`, `csv`, `markdown` or omitted (guessed from the text). Throws an `Error` whose message
/// names the line and column or the field.
///
/// ```js
/// const data = parseDataset('| Program | Amazon ECS |\n|---|---|\n| SOC II | 1 |', 'markdown');
/// document.querySelector('compliance-matrix').data = data;
/// ```
#[wasm_bindgen(js_name = parseDataset)]
pub fn parse_dataset(text: js_sys::JsString, format: Option<String>) -> Result<JsValue, JsValue> {
    crate::platform::enter(0);
    // Thrown to the page's script: in English, as every thrown error.
    if !text.is_string() {
        return Err(js_sys::TypeError::new("parseDataset(text): not text").into());
    }
    // Counted on the JS side before any copy (see `dataset::check_text_length`).
    crate::dataset::check_text_length(text.length() as usize)
        .map_err(|e| JsValue::from(js_sys::Error::new(&format!("parseDataset(text): {e}"))))?;
    let format = JsValue::from_str(format.as_deref().unwrap_or_default());
    let ds = crate::reader::read_now("parse", [text.as_ref(), &format, &JsValue::from_str("")])
        .map_err(|e| JsValue::from(js_sys::Error::new(&e.to_string())))?;
    // Written as JSON text by the core (no serde_json in this wasm) and parsed by the browser.
    js_sys::JSON::parse(&crate::dataset::to_json_pretty(&ds))
}
