//! The JavaScript boundary: every `#[wasm_bindgen]` export lives in this module and its children. `www/` wraps these in the
//! `<compliance-matrix>` custom element and the `mount()` API.

mod direction;
mod events;
mod functions;
mod input;
mod locale;
mod page_table;
mod root;

use crate::components::{AppProps, Loaded};
use crate::dataset::{self, Dataset, DatasetError};
use crate::export;
use crate::i18n::{Strings, K};
use crate::options::{Opt, Options, SPECS};
use crate::state::{AppState, Snapshot};
use crate::view_state::ViewState;
pub use events::flush_events;
use events::{dispatch, dispatch_error};
use input::{own_property, read_options, Read};
use root::{park_root, sheet, take_root, Root, RootProps};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::{Element, ShadowRootInit, ShadowRootMode};
use yew::{AppHandle, Callback};

/// How many elements' loaded datasets are kept across a move in the page.
const KEPT_LOADS: usize = 16;

thread_local! {
    /// Datasets elements loaded from `src`, kept from their unmount to their next mount (a move
    /// in the page), so a moved element shows them again without a refetch.
    static KEPT: RefCell<Vec<(Element, Loaded)>> = const { RefCell::new(Vec::new()) };
    static NEXT_GENERATION: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// Runs once when the instance starts. A panic is not handled here: the shipped wasm is built
/// with `panic=immediate-abort` (Makefile), so a panic is a bare trap that no Rust hook sees. The
/// glue around the instance (scripts/wasm-factory.mjs) catches it at every entry into the wasm
/// and tells `www/define.js` (its `onPanic` listener), which shows the error in the widget that
/// was active ([`active_generation`]) and restarts the others on a fresh instance.
#[wasm_bindgen(start)]
fn start() {
    intern_hot_strings();
}

/// The strings a long list sends to the DOM over and over (status ids and words, the status
/// cells' classes) are interned: they then cross to JS as a cached string, not decoded each time.
fn intern_hot_strings() {
    for s in dataset::Status::ALL {
        wasm_bindgen::intern(s.id());
    }
    for c in crate::components::table::row::PLAIN_CELL_CLASSES {
        wasm_bindgen::intern(c);
    }
}

/// The widget the core was last working for (its `generation`; 0: none): after a trap, the glue
/// reads it to blame that widget alone. Reads one number, so it works on a trapped instance.
///
/// ```js
/// const culprit = glue.activeGeneration();
/// ```
#[wasm_bindgen(js_name = activeGeneration)]
pub fn active_generation() -> u32 {
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

/// A state snapshot for JS. The visible ids (thousands in a long list) cross the boundary as one
/// string split on the JS side, not one string each. Ids are slugs, so ',' never occurs in one.
fn snapshot_to_js(mut s: Snapshot) -> JsValue {
    let visible = std::mem::take(&mut s.visible);
    let value = to_js(&s);
    let ids: JsValue = if visible.is_empty() {
        js_sys::Array::new().into()
    } else {
        js_sys::JsString::from(visible.join(",").as_str())
            .split(",")
            .into()
    };
    let _ = js_sys::Reflect::set(&value, &"visible".into(), &ids);
    value
}

/// A mounted widget. Returned by [`mount`].
#[wasm_bindgen]
pub struct Handle {
    app: Option<AppHandle<Root>>,
    /// Tells this mount's app apart from an earlier one in a reused root.
    generation: u32,
    /// The latest state the app published.
    state: Rc<RefCell<Option<AppState>>>,
    target: Element,
    container: Element,
    /// Every option the page has set so far, and those set since the app last applied an
    /// update (`applied`: the serial it applied).
    options: Rc<Options>,
    update: Rc<Options>,
    serial: u32,
    applied: Rc<std::cell::Cell<u32>>,
    namespace: String,
    restore: Option<(u32, Rc<ViewState>, Rc<Vec<Opt>>)>,
    /// The dataset loaded from `src` (with its URL): at mount, what this element had loaded
    /// before a move; then what the app reports.
    loaded: Rc<RefCell<Option<Loaded>>>,
    data: Option<Rc<Dataset>>,
    data_error: Option<DatasetError>,
    /// What the element's own child `<table>` holds (or why it cannot be used); the dataset when
    /// neither `data` nor `src` is given.
    table: Option<Result<Rc<Dataset>, DatasetError>>,
    /// The child table is to be read once the dataset reader has loaded (`www/define.js` loads
    /// it and calls `refreshTable`); until then the page's table shows as the page wrote it.
    table_waits: bool,
    /// Resolves after the first render that shows the data or the error (see `AppProps::onready`).
    ready: js_sys::Promise,
    resolve_ready: Rc<RefCell<Option<js_sys::Function>>>,
    /// The page's `strings` and what was wrong with them; the strings the widget speaks.
    overrides: Vec<(K, String)>,
    string_errors: Rc<Vec<String>>,
    strings: Rc<Strings>,
}

/// Mounts the widget into `target`'s open shadow root (attached if missing).
///
/// ```js
/// const handle = mount(document.querySelector('#here'), { services: 'ecs,fargate', sort: 'program:asc' });
/// handle.update({ query: 'iso' });
/// handle.unmount();
/// ```
#[wasm_bindgen]
pub fn mount(target: Element, options: JsValue) -> Result<Handle, JsValue> {
    let Read {
        opts,
        namespace,
        data,
        strings,
    } = read_options(&options)?;
    let shadow = match target.shadow_root() {
        Some(s) => s,
        None => target.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))?,
    };
    let document = target
        .owner_document()
        .ok_or_else(|| JsValue::from_str("target has no document"))?;
    let sheets = js_sys::Array::of1(&sheet(&document)?.into());
    js_sys::Reflect::set(&shadow, &"adoptedStyleSheets".into(), &sheets)?;
    let (container, app) = take_root(&document)?;
    let kept = KEPT.with(|k| {
        let mut k = k.borrow_mut();
        let i = k.iter().position(|(t, _)| *t == target)?;
        Some(k.remove(i).1)
    });
    shadow.append_child(&container)?;
    let opts = Rc::new(opts);
    let resolve_ready: Rc<RefCell<Option<js_sys::Function>>> = Rc::default();
    let ready = {
        let slot = resolve_ready.clone();
        js_sys::Promise::new(&mut |resolve, _| *slot.borrow_mut() = Some(resolve))
    };
    let mut handle = Handle {
        ready,
        resolve_ready,
        app: Some(app),
        state: Rc::default(),
        target,
        container,
        update: opts.clone(),
        options: opts,
        serial: 0,
        applied: Rc::default(),
        namespace: namespace.unwrap_or_default(),
        restore: None,
        loaded: Rc::new(RefCell::new(kept)),
        data: None,
        data_error: None,
        table: None,
        table_waits: false,
        overrides: Vec::new(),
        string_errors: Rc::default(),
        strings: Rc::new(Strings::english()),
        generation: NEXT_GENERATION.with(|g| {
            let n = g.get().wrapping_add(1).max(1);
            g.set(n);
            n
        }),
    };
    crate::platform::enter(handle.generation);
    if let Some(s) = strings {
        handle.take_strings(&s);
    }
    handle.strings = handle.resolve_strings();
    if let Some(d) = data {
        handle.take_data(&d);
    }
    handle.read_table();
    handle.render();
    Ok(handle)
}

#[wasm_bindgen]
impl Handle {
    /// Sets options after mount. Each option given applies, even with the value it had (the
    /// page's word wins over what the reader did with it); the others stay as they are.
    ///
    /// ```js
    /// handle.update({ services: 'eks,fargate', status: 'fargate:not-in-scope' });
    /// handle.update({ data: myDataset });
    /// ```
    pub fn update(&mut self, options: JsValue) -> Result<(), JsValue> {
        crate::platform::enter(self.generation);
        let Read {
            opts,
            namespace,
            data,
            strings,
        } = read_options(&options)?;
        if let Some(ns) = namespace {
            self.namespace = ns;
        }
        let mut all = (*self.options).clone();
        all.merge(&opts);
        self.options = Rc::new(all);
        // Updates the app has not applied yet (a render skips props in between) go with this one.
        let mut update = if self.applied.get() == self.serial {
            Options::default()
        } else {
            (*self.update).clone()
        };
        update.merge(&opts);
        self.update = Rc::new(update);
        self.serial = self.serial.wrapping_add(1);
        if let Some(s) = strings {
            self.take_strings(&s);
        }
        self.strings = self.resolve_strings();
        if let Some(d) = data {
            self.take_data(&d);
        }
        self.render();
        Ok(())
    }

    /// Looks again for the language to speak (`www/define.js` calls it when a `lang` attribute
    /// changes anywhere in the document); re-renders only when it changed.
    #[wasm_bindgen(js_name = refreshLanguage)]
    pub fn refresh_language(&mut self) {
        crate::platform::enter(self.generation);
        let strings = self.resolve_strings();
        if strings != self.strings {
            self.strings = strings;
            self.render();
        }
    }

    /// Reads the element's child `<table>` again (`www/define.js` calls it when the page changes
    /// it); re-renders only when what it holds changed.
    #[wasm_bindgen(js_name = refreshTable)]
    pub fn refresh_table(&mut self) {
        crate::platform::enter(self.generation);
        if self.read_table() {
            self.render();
        }
    }

    /// The current state: `{query, status, gaps, tags, sort, services, view, revision, compare, visible}`.
    ///
    /// ```js
    /// handle.state().visible; // ['pci-dss-level-1', …]
    /// ```
    pub fn state(&self) -> JsValue {
        crate::platform::enter(self.generation);
        match self.state.borrow().as_ref() {
            Some(s) => snapshot_to_js(s.snapshot()),
            None => JsValue::NULL,
        }
    }

    /// The view state (what the reader changed: search, filters, sort, columns, revision) as a
    /// plain object, for [`Handle::restore`] on this or another widget.
    ///
    /// ```js
    /// localStorage.setItem('matrix', JSON.stringify(handle.save()));
    /// ```
    pub fn save(&self) -> JsValue {
        crate::platform::enter(self.generation);
        match self.state.borrow().as_ref() {
            Some(s) => to_js(&s.view_state()),
            None => JsValue::NULL,
        }
    }

    /// Applies a view state from [`Handle::save`] (or a `cm-change` detail) on top of what is
    /// shown: fields left out stay as they are. Throws, applying nothing, when the state does not
    /// fit the data shown.
    ///
    /// ```js
    /// other.restore(JSON.parse(localStorage.getItem('matrix')));
    /// ```
    pub fn restore(&mut self, state: JsValue) -> Result<(), JsValue> {
        crate::platform::enter(self.generation);
        if !state.is_object() {
            return Err(js_sys::TypeError::new("restore(state): state must be an object").into());
        }
        // Read field by field, as the attributes are (lists as comma lists): no deserializer for
        // one small object.
        let mut v = ViewState::default();
        let mut fields = Vec::new();
        for spec in SPECS.iter().filter(|s| s.view_state) {
            let Some(value) = own_property(&state, spec.property) else {
                continue;
            };
            let text = if let Some(list) = value.dyn_ref::<js_sys::Array>() {
                String::from(list.join(","))
            } else if let Some(b) = value.as_bool() {
                if b { "1" } else { "" }.to_string()
            } else if value.is_null() || value.is_undefined() {
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
            v.put(spec.opt, &text);
            fields.push(spec.opt);
        }
        if let Some(s) = self.state.borrow().as_ref() {
            s.check_view_state(&v)
                .map_err(|e| JsValue::from(js_sys::Error::new(&format!("restore(state): {e}"))))?;
        }
        let n = self
            .restore
            .as_ref()
            .map_or(1, |(n, _, _)| n.wrapping_add(1));
        self.restore = Some((n, Rc::new(v), Rc::new(fields)));
        self.render();
        Ok(())
    }

    /// Removes the widget and frees everything it holds.
    ///
    /// ```js
    /// handle.unmount();
    /// ```
    pub fn unmount(&mut self) {
        crate::platform::enter(self.generation);
        self.state.borrow_mut().take();
        if let Some(l) = self.loaded.borrow_mut().take() {
            KEPT.with(|k| {
                let mut k = k.borrow_mut();
                k.retain(|(t, _)| *t != self.target);
                if k.len() >= KEPT_LOADS {
                    k.remove(0);
                }
                k.push((self.target.clone(), l));
            });
        }
        let container = self.container.clone();
        self.container.remove();
        if let Some(app) = self.app.take() {
            park_root(container, app);
        }
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
        self.ready.clone()
    }

    /// Whether the element's child `<table>` waits for the dataset reader: `www/define.js` then
    /// loads it and calls `refreshTable()`.
    #[wasm_bindgen(getter, js_name = waitsForReader)]
    pub fn waits_for_reader(&self) -> bool {
        self.table_waits
    }

    /// Tells this mount apart from every other on the page (the `generation` of `onPanic`).
    #[wasm_bindgen(getter)]
    pub fn generation(&self) -> u32 {
        self.generation
    }

    /// The last error about data (`data` or `src`), if any.
    ///
    /// ```js
    /// handle.error(); // "programs[3].status.ecs: unknown status 'maybe' …" or undefined
    /// ```
    pub fn error(&self) -> Option<String> {
        self.table_error()
            .or(self.data_error.as_ref())
            .map(|e| e.text(&self.strings))
    }
}

impl Handle {
    /// Whether the child table is the dataset: neither `data` nor `src` is given.
    fn uses_table(&self) -> bool {
        self.data.is_none()
            && self.data_error.is_none()
            && self.options.text(Opt::Src).trim().is_empty()
    }

    /// Reads the child table; whether what it holds changed. A new error is sent as `cm-error`
    /// when the table is the dataset. The embedded matrix as `scripts/seed-table.mjs` writes it
    /// is known here; any other table is read by the dataset reader, or waits for it to load.
    fn read_table(&mut self) -> bool {
        let (table, waits) = match page_table::read(&self.target) {
            None => (None, false),
            Some(Err(e)) => (Some(Err(e)), false),
            Some(Ok((t, _))) if t.is_seed_table() => (Some(Ok(Dataset::embedded())), false),
            Some(Ok(_)) if crate::reader::pending() => (None, true),
            Some(Ok((t, page))) => {
                let packed = JsValue::from(dataset::packed::encode_page_table(&t));
                let read = crate::reader::read_now("table", [&packed, &page.into(), &"".into()]);
                (
                    Some(read.map(Rc::new).map_err(|e| e.within(K::errPageTable))),
                    false,
                )
            }
        };
        if table == self.table && waits == self.table_waits {
            return false;
        }
        self.table = table;
        self.table_waits = waits;
        if let Some(e) = self.table_error() {
            dispatch_error(&self.target, &e.text(&self.strings));
        }
        true
    }

    /// Why the child table cannot be used, when it is the dataset.
    fn table_error(&self) -> Option<&DatasetError> {
        match &self.table {
            Some(Err(e)) if self.uses_table() => Some(e),
            _ => None,
        }
    }

    /// The strings for the language this widget is asked to speak.
    fn resolve_strings(&self) -> Rc<Strings> {
        let option = self
            .options
            .has(Opt::Lang)
            .then(|| self.options.text(Opt::Lang));
        let requested = locale::requested(&self.target, option);
        let strings = locale::strings(&requested, &self.overrides);
        if strings == self.strings {
            return self.strings.clone();
        }
        let _ = self.container.set_attribute("lang", &strings.lang);
        for st in dataset::Status::ALL {
            wasm_bindgen::intern(crate::wording::status_text(&strings, st));
        }
        strings
    }

    fn take_strings(&mut self, value: &JsValue) {
        let (overrides, errors) = locale::read_overrides(value);
        for e in &errors {
            dispatch_error(&self.target, e);
        }
        self.overrides = overrides;
        self.string_errors = Rc::new(errors);
    }

    fn render(&mut self) {
        let table_error = self.table_error().map(|e| e.text(&self.strings));
        let waits = self.table_waits && self.uses_table();
        if table_error.is_some() || waits {
            // Nothing of earlier data is the page's any more: no state, nothing to export.
            self.state.borrow_mut().take();
        }
        let props = RootProps {
            page_table_waits: waits,
            page_table_error: table_error.map(|message| root::PageTableError {
                message,
                strings: self.strings.clone(),
                onready: self.ready_callback(),
            }),
            app: Some(Rc::new(self.props())),
            generation: self.generation,
        };
        if let Some(app) = self.app.as_mut() {
            app.update(props);
        }
    }

    /// An export of what is shown; an error while the page's own data is not here (nothing of
    /// the embedded data is exported as the page's).
    fn export(&self, f: impl Fn(&export::View) -> String) -> Result<String, JsValue> {
        crate::platform::enter(self.generation);
        if let Some(e) = self.table_error() {
            // Thrown to the page's script: in English, as every thrown error.
            return Err(js_sys::Error::new(&format!("nothing to export: {e}")).into());
        }
        if self.table_waits && self.uses_table() {
            return Err(js_sys::Error::new(
                "nothing to export: the page's table is being read (the dataset reader is loading)",
            )
            .into());
        }
        let guard = self.state.borrow();
        let Some(s) = guard.as_ref() else {
            return Ok(String::new());
        };
        if let Some(url) = &s.pending {
            return Err(js_sys::Error::new(&format!(
                "nothing to export: the data from {url} has not arrived (it is loading, or it failed)"
            ))
            .into());
        }
        let services = s.shown_services();
        Ok(f(&export::View {
            dataset: &s.dataset,
            rows: &s.visible,
            services: &services,
        }))
    }

    /// Resolves `ready` (the first time it is called).
    fn ready_callback(&self) -> Callback<()> {
        let resolve = self.resolve_ready.clone();
        Callback::from(move |()| {
            if let Some(f) = resolve.borrow_mut().take() {
                let _ = f.call0(&JsValue::NULL);
            }
        })
    }

    fn props(&self) -> AppProps {
        let target = self.target.clone();
        let state = self.state.clone();
        // The child table when it is the dataset (the embedded matrix written as a table is the
        // embedded data, with its notes and history).
        let data = match (&self.table, self.uses_table()) {
            (Some(Ok(ds)), true) => (!ds.is_embedded_matrix()).then(|| ds.clone()),
            _ => self.data.clone(),
        };
        AppProps {
            options: self.options.clone(),
            update: self.update.clone(),
            serial: self.serial,
            namespace: self.namespace.clone(),
            restore: self.restore.clone(),
            data,
            data_error: self.data_error.as_ref().map(|e| e.text(&self.strings)),
            strings: self.strings.clone(),
            data_lang: locale::page_lang(&self.target).map(yew::AttrValue::from),
            string_errors: self.string_errors.clone(),
            onchange: Callback::from(move |s: Snapshot| {
                dispatch(&target, "cm-change", &snapshot_to_js(s))
            }),
            onpublish: Callback::from(move |s: AppState| *state.borrow_mut() = Some(s)),
            loaded: self.loaded.borrow().clone(),
            onloaded: {
                let loaded = self.loaded.clone();
                Callback::from(move |l| *loaded.borrow_mut() = l)
            },
            onapplied: {
                let applied = self.applied.clone();
                Callback::from(move |n: u32| applied.set(n))
            },
            onerror: {
                let target = self.target.clone();
                Callback::from(move |m: String| dispatch_error(&target, &m))
            },
            onready: self.ready_callback(),
            generation: self.generation,
            rtl: direction::is_rtl(&self.target),
        }
    }

    fn take_data(&mut self, data: &JsValue) {
        if data.is_null() {
            self.data = None;
            self.data_error = None;
            return;
        }
        // Through JSON text: the parser's depth and size limits then hold for objects too.
        let parsed = js_sys::JSON::stringify(data)
            .ok()
            .filter(|t| !t.is_undefined())
            .ok_or_else(|| DatasetError::input(K::errDataNotJson))
            .and_then(|t| {
                // Its UTF-16 length, before any copy; the reader checks the bytes it copies.
                let units = t.unchecked_ref::<js_sys::JsString>().length() as usize;
                dataset::check_text_length(units)?;
                let none = JsValue::from_str("");
                crate::reader::read_now("data", [&t, &none, &none])
            })
            .map_err(|e| e.within(K::errData));
        match parsed {
            Ok(ds) => {
                self.data = Some(Rc::new(ds));
                self.data_error = None;
            }
            Err(e) => {
                dispatch_error(&self.target, &e.text(&self.strings));
                self.data_error = Some(e);
            }
        }
    }
}
