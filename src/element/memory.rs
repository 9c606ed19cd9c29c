//! What a widget remembers of the user's view, as `www/define.js` keeps it between mounts (a
//! move in the page, a restart after a panic): `{ view: { query, status, … }, fields: [...] }`.
//! JavaScript only holds it; this reads and writes it. What comes back is read as untrusted:
//! every text is measured before it is copied.

use super::input::own_property;
use crate::options::SPECS;
use crate::view_state::Remembered;
use wasm_bindgen::{JsCast, JsValue};

/// The memory as a plain object; its `view` is shaped as `save()` gives it.
pub fn write(r: &Remembered) -> JsValue {
    let view = super::to_js(&r.view);
    let fields: js_sys::Array = r
        .fields
        .iter()
        .map(|f| JsValue::from_str(SPECS[*f as usize].property))
        .collect();
    let out = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&out, &"view".into(), &view);
    let _ = js_sys::Reflect::set(&out, &"fields".into(), &fields);
    out.into()
}

/// The memory `write` gave (or anything else, which is ignored); `None` for none.
pub fn read(memory: &JsValue) -> Option<Remembered> {
    if !memory.is_object() {
        return None;
    }
    let view = own_property(memory, "view").filter(|v| v.is_object())?;
    let fields = own_property(memory, "fields")?;
    let fields = fields.dyn_ref::<js_sys::Array>()?;
    let mut r = super::view_state_of(&view).ok()?;
    r.fields.retain(|f| {
        fields
            .iter()
            .any(|x| x.as_string().as_deref() == Some(SPECS[*f as usize].property))
    });
    Some(r)
}
