//! The `data` property on its way to the dataset reader: as JSON text, measured before any copy.

use crate::dataset::{self, DatasetError};
use crate::i18n::StringKey;
use wasm_bindgen::{JsCast, JsValue};

/// A `data` object as JSON text (through JSON: the parser's depth and size limits then hold for
/// objects too), its length checked before it is copied anywhere.
pub fn json_text(data: &JsValue) -> Result<js_sys::JsString, DatasetError> {
    let text = js_sys::JSON::stringify(data)
        .ok()
        .filter(|t| !t.is_undefined())
        .ok_or_else(|| DatasetError::input(StringKey::errDataNotJson).within(StringKey::errData))?;
    // Its UTF-16 length, before any copy; the reader checks the bytes it copies.
    dataset::check_text_length(text.unchecked_ref::<js_sys::JsString>().length() as usize)
        .map_err(|e| e.within(StringKey::errData))?;
    Ok(text.unchecked_into())
}
