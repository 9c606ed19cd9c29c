//! What crosses from JavaScript into the widget: `mount()`/`update()` options (own properties
//! only, nothing through the prototype chain).

use crate::options::{Kind, Options, SPECS};
use wasm_bindgen::prelude::*;

/// `object[key]` if `key` is an own property of `object` (never through the prototype chain).
/// Through `Reflect`, whose calls catch: a revoked Proxy or a getter that throws reads as
/// absent or `undefined`, never as an exception through the wasm.
pub(super) fn own_property(object: &JsValue, key: &str) -> Option<JsValue> {
    let key = JsValue::from_str(key);
    let obj: &js_sys::Object = object.unchecked_ref();
    let found = js_sys::Reflect::get_own_property_descriptor(obj, &key).ok()?;
    (!found.is_undefined())
        .then(|| js_sys::Reflect::get(object, &key).unwrap_or(JsValue::UNDEFINED))
}

/// The longest text an option may be (a `src` URL, a search): longer, it is refused before it
/// is copied.
const MAX_OPTION_CHARS: u32 = 64 * 1024;

/// Reads `mount()`/`update()` options: each option of the table (`options.rs`) that is an own
/// property of the object, `namespace`, and `data` if the key is present. Nothing is read
/// through the prototype chain, and nothing else in the object is converted.
pub(super) fn read_options(options: &JsValue) -> Result<Read, JsValue> {
    if options.is_undefined() || options.is_null() {
        return Ok(Read::default());
    }
    if !options.is_object() {
        return Err(js_sys::TypeError::new("options must be an object").into());
    }
    let own = |key: &str| own_property(options, key);
    // Numbers are written by JavaScript (no float formatting in the wasm).
    if let Some(spec) = SPECS.iter().find(|spec| {
        own(spec.property)
            .and_then(|v| v.dyn_into::<js_sys::JsString>().ok())
            .is_some_and(|t| t.length() > MAX_OPTION_CHARS)
    }) {
        return Err(js_sys::RangeError::new(&format!(
            "{}: longer than {MAX_OPTION_CHARS} characters",
            spec.property
        ))
        .into());
    }
    let text = |v: &JsValue| {
        v.as_string().or_else(|| {
            v.as_f64().map(|n| {
                String::from(
                    js_sys::Number::from(n)
                        .to_string_with_radix(10)
                        .unwrap_or_default(),
                )
            })
        })
    };
    let mut opts = Options::default();
    for spec in &SPECS {
        let Some(v) = own(spec.property) else {
            continue;
        };
        let value = match spec.kind {
            // Like an HTML boolean attribute: any string (even "") means on.
            Kind::Flag => (v.as_bool() == Some(true) || v.is_string()).then(String::new),
            _ => text(&v),
        };
        opts.set(spec.opt, value);
    }
    // An id longer than this names no hash keys of its own (the default `cm` stays).
    let namespace = own("namespace")
        .filter(|v| {
            v.dyn_ref::<js_sys::JsString>()
                .is_some_and(|t| t.length() <= 1024)
        })
        .and_then(|v| v.as_string());
    let data = own("data").filter(|d| !d.is_undefined());
    let strings = own("strings");
    Ok(Read {
        opts,
        namespace,
        data,
        strings,
    })
}

/// What `mount()`/`update()` options give.
#[derive(Default)]
pub(super) struct Read {
    pub(super) opts: Options,
    pub(super) namespace: Option<String>,
    pub(super) data: Option<JsValue>,
    /// `strings`, if the key is present (`undefined`/`null` remove the overrides).
    pub(super) strings: Option<JsValue>,
}
