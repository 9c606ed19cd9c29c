//! What a widget remembers of the user's view, as `www/define.js` keeps it between mounts (a
//! move in the page, a restart after a panic): `{ view: { query, status, … }, fields: [...] }`.
//! With it, the data it was remembered on (`on: { services, embedded }`). JavaScript only holds
//! it; this reads and writes it. What comes back is read as untrusted:
//! every text is measured before it is copied.

use super::input::own_property;
use crate::options::SPECS;
use crate::view_state::{Remembered, RememberedOn};
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
    if let Some(on) = &r.on {
        let data = js_sys::Object::new();
        let services: js_sys::Array = on.services.iter().map(|s| JsValue::from_str(s)).collect();
        let _ = js_sys::Reflect::set(&data, &"services".into(), &services);
        let _ = js_sys::Reflect::set(&data, &"embedded".into(), &on.embedded.into());
        let _ = js_sys::Reflect::set(&out, &"on".into(), &data);
    }
    out.into()
}

/// The memory `write` gave (or anything else, which is ignored); `None` for none.
pub fn read(memory: &JsValue) -> Option<Remembered> {
    if !memory.is_object() {
        return None;
    }
    let mut keys: Vec<&str> = SPECS
        .iter()
        .filter(|s| s.view_state)
        .map(|s| s.property)
        .collect();
    keys.extend(["view", "fields", "on", "embedded"]);
    let (chars, _) = super::STATE_LIMITS;
    let memory = super::checked::plain(memory, "memory", (chars + 1024, 3), Some(&keys)).ok()?;
    let view = own_property(&memory, "view").filter(|v| v.is_object())?;
    let fields = own_property(&memory, "fields")?;
    let fields = fields.dyn_ref::<js_sys::Array>()?;
    let mut r = super::view_state_of(&view).ok()?;
    r.fields.retain(|f| {
        fields
            .iter()
            .any(|x| x.as_string().as_deref() == Some(SPECS[*f as usize].property))
    });
    r.on = own_property(&memory, "on").and_then(|on| {
        let services = own_property(&on, "services")?;
        let services = services.dyn_ref::<js_sys::Array>()?;
        Some(RememberedOn {
            services: services.iter().filter_map(|s| s.as_string()).collect(),
            embedded: own_property(&on, "embedded")?.as_bool()?,
        })
    });
    Some(r)
}
