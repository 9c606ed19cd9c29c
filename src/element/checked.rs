//! A value from the page, made plain and measured before any of it is copied into the wasm's
//! memory (which never shrinks) or walked: written as JSON by the browser (a getter or a revoked
//! Proxy that throws, a cycle, a nesting too deep for the engine: each becomes an error here,
//! never an exception through the wasm that would leave a borrow held), its length checked as a
//! JavaScript string, its nesting counted without recursion, then read back as plain data.

use wasm_bindgen::prelude::*;

/// `value` as plain data (objects, arrays, strings, numbers, booleans, null), if its JSON text
/// has at most `max_chars` characters and nests at most `max_depth` deep; else why not, named
/// by `what`. With `keys`, only object members of those names are kept (at every level), so
/// what a caller does not read costs nothing.
pub(super) fn plain(
    value: &JsValue,
    what: &str,
    (max_chars, max_depth): (usize, usize),
    keys: Option<&[&str]>,
) -> Result<JsValue, String> {
    let written = match keys {
        Some(keys) => {
            let keys: js_sys::Array = keys.iter().map(|k| JsValue::from_str(k)).collect();
            js_sys::JSON::stringify_with_replacer(value, &keys)
        }
        None => js_sys::JSON::stringify(value),
    };
    let text = written.map_err(|e| {
        let why = e
            .dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .unwrap_or_default();
        format!("{what} cannot be read as plain data ({why})")
    })?;
    // `undefined` and functions have no JSON text.
    if !text.is_string() {
        return Ok(JsValue::NULL);
    }
    let chars = text.length() as usize;
    if chars > max_chars {
        return Err(format!(
            "{what} is {chars} characters as JSON, more than the {max_chars} it may have"
        ));
    }
    let text = String::from(text);
    let depth = crate::text::json_nesting(&text);
    if depth > max_depth {
        return Err(format!(
            "{what} nests {depth} levels deep, more than the {max_depth} it may have"
        ));
    }
    js_sys::JSON::parse(&text).map_err(|_| format!("{what} cannot be read as plain data"))
}
