//! The module-level functions of the JS API that need no widget: `catalog()`, `parseDataset()`,
//! and `setHost()` (for `www/define.js`).

use crate::i18n::{StringKey, Strings};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Every UI string of a shipped language (`en`, `de`, `fr`, `es`, `ja`, `ko`; English for any
/// other), key → text: the keys a page's `strings` may override, and a start for its own
/// language. A Promise: the language's translation may have to be imported first.
///
/// ```js
/// const german = await catalog('de'); // { title: 'Compliance-Matrix', … }
/// ```
#[wasm_bindgen]
pub fn catalog(lang: Option<String>) -> js_sys::Promise {
    wasm_bindgen_futures::future_to_promise(async move {
        let lang = lang.unwrap_or_else(|| "en".to_string());
        if let Some(missing) = crate::catalogs::missing(&lang) {
            crate::catalogs::fetch(missing).await;
        }
        let strings = Strings::new(&lang, &[], Rc::new(crate::i18n::Plain));
        let out = js_sys::Object::new();
        for k in StringKey::ALL {
            let _ = js_sys::Reflect::set(
                &out,
                &JsValue::from_str(k.name()),
                &JsValue::from_str(strings.get(*k)),
            );
        }
        Ok(out.into())
    })
}

/// Gives this instance what only JavaScript can do for it: `loadReader()`, a Promise of a
/// function that makes an instance of the dataset reader (the second wasm; see `src/reader.rs`),
/// and `catalog(lang)`, a Promise of a translation's texts (see `src/catalogs.rs`).
/// `www/define.js` calls it once the core has loaded, before any widget starts.
///
/// ```js
/// glue.setHost({ loadReader, catalog: (lang) => import(`./i18n/${lang}.js`).then((m) => m.default) });
/// ```
#[wasm_bindgen(js_name = setHost)]
pub fn set_host(host: JsValue) {
    let get = |k: &str| js_sys::Reflect::get(&host, &k.into()).unwrap_or(JsValue::UNDEFINED);
    crate::reader::set(get("loadReader").dyn_into().ok());
    crate::catalogs::set(get("catalog").dyn_into().ok());
}

/// Starts loading the dataset reader (what `ready` waits for, with the core); a Promise that
/// settles when it has loaded or failed to.
///
/// ```js
/// await glue.loadReader();
/// ```
#[wasm_bindgen(js_name = loadReader)]
pub fn load_reader() -> js_sys::Promise {
    crate::reader::load()
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
    if !crate::reader::ready() {
        return Err(
            js_sys::Error::new("compliance-matrix is still loading: await ready first").into(),
        );
    }
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
