//! The JavaScript boundary: every `#[wasm_bindgen]` export lives in this module and its children.
//! `www/define.js` wraps these in the `<compliance-matrix>` custom element and the `mount()` API;
//! a widget's state is its [`Widget`](widget::Widget), which a [`Handle`] holds.

mod checked;
mod data;
mod direction;
mod events;
mod functions;
mod input;
mod kept;
mod locale;
mod memory;
mod page_table;
mod root;
mod sources;
mod widget;

use crate::export;
use crate::options::SPECS;
use crate::state::Snapshot;
use crate::view_state::Remembered;
pub use events::flush_events;
use input::{own_property, read_options};
use root::{park_root, sheet, take_root};
use wasm_bindgen::prelude::*;
use web_sys::{Element, ShadowRootInit, ShadowRootMode};
use widget::{Shared, Widget};

thread_local! {
    static NEXT_MOUNT: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// The widget the core was last working for (its mount id; 0: none): after a trap, the glue
/// reads it to blame that widget alone. Reads one number, so it works on a trapped instance.
///
/// No Rust hook sees a panic: the shipped wasm is built with `panic=immediate-abort` (Makefile),
/// so a panic is a bare trap. The glue around the instance (scripts/wasm-factory.mjs) catches it
/// at every entry into the wasm and tells `www/define.js` (its `onPanic` listener), which shows
/// the error in the widget that was active and restarts the others on a fresh instance.
///
/// ```js
/// const culprit = glue.activeMount();
/// ```
#[wasm_bindgen(js_name = activeMount)]
pub fn active_mount() -> u32 {
    crate::platform::active()
}

/// After a panic: removes every listener this instance put on `window` (hash and print), so
/// nothing keeps the given-up instance alive. Touches only its own list.
///
/// ```js
/// try { deadGlue.releaseListeners(); } catch {}
/// ```
#[wasm_bindgen(js_name = releaseListeners)]
pub fn release_listeners() {
    crate::platform::release_window_listeners();
}

fn to_js<T: serde::Serialize>(value: &T) -> JsValue {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .unwrap_or(JsValue::NULL)
}

/// A state snapshot for JS: the view state's fields, `view`, and `visible`. The visible ids
/// (thousands in a long list) cross the boundary as one string split on the JS side, not one
/// string each. Ids are slugs, so ',' never occurs in one.
fn snapshot_to_js(s: Snapshot) -> JsValue {
    let value = to_js(&s.state);
    let ids: JsValue = if s.visible.is_empty() {
        js_sys::Array::new().into()
    } else {
        js_sys::JsString::from(s.visible.join(",").as_str())
            .split(",")
            .into()
    };
    let _ = js_sys::Reflect::set(&value, &"view".into(), &s.view.into());
    let _ = js_sys::Reflect::set(&value, &"visible".into(), &ids);
    value
}

/// A mounted widget. Returned by [`mount`].
#[wasm_bindgen]
pub struct Handle {
    widget: Shared,
}

/// Mounts the widget into `target`'s open shadow root (attached if missing). `memory` is what an
/// earlier mount of this target remembered (`null` for none: `www/define.js` keeps it across a
/// move and a restart); `remember` is called with what this one remembers after each change.
///
/// ```js
/// const handle = mount(document.querySelector('#here'), { services: 'ecs,fargate' }, null, (m) => { memory = m; });
/// handle.update({ query: 'iso' });
/// handle.unmount();
/// ```
#[wasm_bindgen]
pub fn mount(
    target: Element,
    options: JsValue,
    memory: JsValue,
    remember: Option<js_sys::Function>,
) -> Result<Handle, JsValue> {
    let read = read_options(&options)?;
    let shadow = match target.shadow_root() {
        Some(s) => s,
        None => target.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))?,
    };
    let document = target
        .owner_document()
        .ok_or_else(|| JsValue::from_str("target has no document"))?;
    let sheets = js_sys::Array::of1(&sheet(&document)?.into());
    js_sys::Reflect::set(&shadow, &"adoptedStyleSheets".into(), &sheets)?;
    let root = take_root(&document)?;
    shadow.append_child(&root.0)?;
    let id = NEXT_MOUNT.with(|g| {
        let n = g.get().wrapping_add(1).max(1);
        g.set(n);
        n
    });
    crate::platform::enter(id);
    let widget = Widget::new(id, target, root, read, &memory, remember);
    Ok(Handle { widget })
}

#[wasm_bindgen]
impl Handle {
    /// Sets options after mount. Each option given applies, even with the value it had (the
    /// page's word wins over what the user did with it); the others stay as they are.
    ///
    /// ```js
    /// handle.update({ services: 'eks,fargate', status: 'fargate:not-in-scope' });
    /// handle.update({ data: myDataset });
    /// ```
    pub fn update(&self, options: JsValue) -> Result<(), JsValue> {
        let read = read_options(&options)?;
        self.with(|w| w.apply(read));
        Ok(())
    }

    /// Looks again for the language to speak and the direction the page runs (`www/define.js`
    /// calls it when a `lang` or `dir` attribute changes around the widget, once that language's
    /// strings are here).
    pub fn refresh(&self) {
        self.with(|w| w.refresh());
    }

    /// Reads the element's child `<table>` again (the page changed it).
    #[wasm_bindgen(js_name = refreshTable)]
    pub fn refresh_table(&self) {
        self.with(|w| w.refresh_table());
    }

    /// The current state: `{query, status, gaps, tags, sort, services, view, revision, compare, visible}`.
    ///
    /// ```js
    /// handle.state().visible; // ['pci-dss-level-1', …]
    /// ```
    pub fn state(&self) -> JsValue {
        self.with(|w| w.snapshot())
            .map_or(JsValue::NULL, snapshot_to_js)
    }

    /// The view state (what the user changed: search, filters, sort, columns, revision) as a
    /// plain object, for [`Handle::restore`] on this or another widget.
    ///
    /// ```js
    /// localStorage.setItem('matrix', JSON.stringify(handle.save()));
    /// ```
    pub fn save(&self) -> JsValue {
        self.with(|w| w.state.borrow().as_ref().map(|s| to_js(&s.view_state())))
            .unwrap_or(JsValue::NULL)
    }

    /// Applies a view state from [`Handle::save`] (or a `cm-change` detail) on top of what is
    /// shown: fields left out stay as they are. Throws, applying nothing, when the state does not
    /// fit the data shown.
    ///
    /// ```js
    /// other.restore(JSON.parse(localStorage.getItem('matrix')));
    /// ```
    pub fn restore(&self, state: JsValue) -> Result<(), JsValue> {
        let r = view_state_of(&state)?;
        self.with(|w| w.restore(r))
            .map_err(|e| js_sys::Error::new(&format!("restore(state): {e}")).into())
    }

    /// Removes the widget and frees everything it holds.
    ///
    /// ```js
    /// handle.unmount();
    /// ```
    pub fn unmount(&self) {
        self.with(|w| {
            w.stop();
            w.state.borrow_mut().take();
            if let Some((url, ds)) = w.loaded_src() {
                kept::keep(&w.target, url, ds);
            }
            let user = &w.sources.user;
            if user.shown.is_some() || user.before.is_some() {
                let kept = sources::UserData {
                    reading: None,
                    error: None,
                    ..user.clone()
                };
                kept::keep_brought(&w.target, kept);
            }
            let container = w.container.clone();
            w.container.remove();
            if let Some(app) = w.app.take() {
                park_root(container, app);
            }
        });
    }

    /// CSV (RFC 4180) of exactly the visible rows and shown services, in display order.
    ///
    /// ```js
    /// const csv = handle.exportCsv(); // "Compliance Program,Amazon ECS,…\r\n…"
    /// ```
    #[wasm_bindgen(js_name = exportCsv)]
    pub fn export_csv(&self) -> Result<String, JsValue> {
        self.export(|v| v.to_csv())
    }

    /// JSON (the dataset schema) of exactly the visible rows and shown services.
    ///
    /// ```js
    /// const data = JSON.parse(handle.exportJson());
    /// ```
    #[wasm_bindgen(js_name = exportJson)]
    pub fn export_json(&self) -> Result<String, JsValue> {
        self.export(|v| v.to_json())
    }

    /// A Markdown table (like the seed's) of exactly the visible rows and shown services.
    ///
    /// ```js
    /// const md = handle.exportMarkdown();
    /// ```
    #[wasm_bindgen(js_name = exportMarkdown)]
    pub fn export_markdown(&self) -> Result<String, JsValue> {
        self.export(|v| v.to_markdown())
    }

    /// Resolves once the widget has rendered its data, or the error it shows instead (for a
    /// `src`: after it has arrived or failed).
    ///
    /// ```js
    /// await handle.ready; // the rows (or the alert) are in the shadow root
    /// ```
    #[wasm_bindgen(getter)]
    pub fn ready(&self) -> js_sys::Promise {
        self.widget.borrow().ready.clone()
    }

    /// Tells this mount apart from every other on the page (the mount id of `onPanic`).
    #[wasm_bindgen(getter, js_name = mountId)]
    pub fn mount_id(&self) -> u32 {
        self.widget.borrow().id
    }

    /// The last error about data (`data`, `src`, the page's table), if any.
    ///
    /// ```js
    /// handle.error(); // "programs[3].status.ecs: unknown status 'maybe' …" or undefined
    /// ```
    pub fn error(&self) -> Option<String> {
        self.with(|w| {
            let t = w.strings.clone();
            w.sources.shown(&t, String::new).errors.first().cloned()
        })
    }
}

impl Handle {
    /// Runs `f` on the widget, noted as the one the core works for.
    fn with<R>(&self, f: impl FnOnce(&mut Widget) -> R) -> R {
        let mut w = self.widget.borrow_mut();
        crate::platform::enter(w.id);
        f(&mut w)
    }

    /// An export of what is shown; an error while the page's own data is not here (nothing of
    /// the embedded data is exported as the page's).
    fn export(&self, f: impl Fn(&export::View) -> String) -> Result<String, JsValue> {
        self.with(|w| {
            let t = w.strings.clone();
            let shown = w.sources.shown(&t, String::new);
            if let Some(why) = w.sources.nothing_to_export(&shown) {
                // Thrown to the page's script: in English, as every thrown error.
                return Err(js_sys::Error::new(&format!("nothing to export: {why}")).into());
            }
            let guard = w.state.borrow();
            let Some(s) = guard.as_ref() else {
                return Ok(String::new());
            };
            let services = s.shown_services();
            Ok(f(&export::View {
                dataset: &s.dataset,
                rows: &s.visible,
                services: &services,
            }))
        })
    }
}

/// A view state given to `restore()`: read field by field, as the attributes are (lists as
/// comma lists), with the fields it gives.
fn view_state_of(state: &JsValue) -> Result<Remembered, JsValue> {
    let refuse = |e: &str| JsValue::from(js_sys::Error::new(&format!("restore(state): {e}")));
    if !state.is_object() {
        return Err(js_sys::TypeError::new("restore(state): state must be an object").into());
    }
    // Only the view state's keys are read (a `cm-change` detail's `visible` list is not).
    let keys: Vec<&str> = SPECS
        .iter()
        .filter(|s| s.view_state)
        .map(|s| s.property)
        .collect();
    let state =
        checked::plain(state, "the state", STATE_LIMITS, Some(&keys)).map_err(|e| refuse(&e))?;
    let mut r = Remembered::default();
    for spec in SPECS.iter().filter(|s| s.view_state) {
        let Some(value) = own_property(&state, spec.property) else {
            continue;
        };
        let text = if let Some(list) = value.dyn_ref::<js_sys::Array>() {
            if list.iter().any(|v| !v.is_string()) {
                return Err(refuse(&format!(
                    "{} must be a list of texts",
                    spec.property
                )));
            }
            String::from(list.join(","))
        } else if let Some(b) = value.as_bool() {
            if b { "1" } else { "" }.to_string()
        } else if value.is_null() {
            String::new()
        } else if let Some(t) = value.as_string() {
            t
        } else {
            return Err(js_sys::TypeError::new(&format!(
                "restore(state): {} must be a string, a list or a boolean",
                spec.property
            ))
            .into());
        };
        crate::view_state::check_value(spec.opt, &text).map_err(|e| refuse(&e))?;
        r.view.put(spec.opt, &text);
        r.fields.push(spec.opt);
    }
    Ok(r)
}

/// A saved view state as JSON: each of its fields at most `MAX_VALUE_CHARS` (escapes may
/// double a text), nested at most an object of lists.
const STATE_LIMITS: (usize, usize) = (16 * crate::view_state::MAX_VALUE_CHARS, 2);

/// A view restored while its element is away from the page, over what it remembered: checked
/// against the data it was on, as `Handle::restore` checks it on the page (throws the same
/// error, applying nothing); the new memory for `www/define.js` to keep.
///
/// ```js
/// memory = glue.remember(memory, { sort: 'eks:desc' });
/// ```
#[wasm_bindgen]
pub fn remember(memory: JsValue, state: JsValue) -> Result<JsValue, JsValue> {
    let r = view_state_of(&state)?;
    let mut m = memory::read(&memory).unwrap_or_default();
    if let Some(on) = &m.on {
        let ds = crate::dataset::Dataset::of_services(&on.services);
        crate::state::check_view_state_on(&r.view, &ds, on.embedded)
            .map_err(|e| js_sys::Error::new(&format!("restore(state): {e}")))?;
    }
    m.merge(&r);
    Ok(memory::write(&m))
}
