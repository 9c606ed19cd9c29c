//! The element side of a mount: the reusable Yew root each mount renders into, and the one
//! constructable stylesheet every shadow root adopts. No `#[wasm_bindgen]` exports here.

use crate::components::error::error_banner;
use crate::components::{App, AppProps};
use crate::i18n::{StringKey, Strings};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsValue;
use web_sys::{CssStyleSheet, Document, Element};
use yew::prelude::*;
use yew::AppHandle;

/// The widget's styles (src/style.css with src/style-dark.css, minified by build.rs), adopted by
/// every shadow root as one constructable stylesheet.
const STYLE: &str = include_str!(concat!(env!("OUT_DIR"), "/style.min.css"));

/// How many unmounted roots are kept for reuse.
const POOL_SIZE: usize = 64;

thread_local! {
    static POOL: RefCell<Vec<(Element, AppHandle<Root>)>> = const { RefCell::new(Vec::new()) };
    /// The stylesheet of each document widgets were mounted in (a constructed sheet can only be
    /// adopted in the document whose window constructed it: an iframe gets its own).
    static SHEETS: js_sys::WeakMap = js_sys::WeakMap::new();
}

/// Props of [`Root`].
#[derive(Properties, PartialEq, Default)]
pub struct RootProps {
    /// The app to show; `None` while the root is parked for reuse.
    #[prop_or_default]
    pub app: Option<Rc<AppProps>>,
    /// A new mount id is a new mount: the app starts afresh.
    #[prop_or_default]
    pub mount_id: u32,
    /// Set when the element's child `<table>` is the dataset and cannot be used: the alert, and
    /// the page's table as the page shows it, instead of the app.
    #[prop_or_default]
    pub page_table_error: Option<PageTableError>,
    /// Set while the element's child `<table>` waits for the dataset reader: the page's table as
    /// the page shows it, nothing else (no other data is shown as the page's).
    #[prop_or_default]
    pub page_table_waits: bool,
}

/// Why the page's table cannot be used, in the words of the widget's language.
#[derive(Clone, PartialEq)]
pub struct PageTableError {
    pub message: String,
    pub strings: Rc<Strings>,
    /// Called once the alert is on screen (resolves `ready`).
    pub onready: Callback<()>,
}

/// A reusable root: one app per mount (keyed by mount id), or nothing while parked.
#[function_component(Root)]
pub fn root(props: &RootProps) -> Html {
    if let Some(e) = &props.page_table_error {
        return html! {
            <PageTableAlert message={e.message.clone()} strings={e.strings.clone()} onready={e.onready.clone()} />
        };
    }
    if props.page_table_waits {
        return html! { <slot></slot> };
    }
    match &props.app {
        Some(app) => html! {
            <div key={props.mount_id.to_string()} class="cm-mount">
                <App ..(**app).clone() />
            </div>
        },
        None => html! {},
    }
}

#[derive(Properties, Clone, PartialEq)]
struct PageTableAlertProps {
    message: String,
    strings: Rc<Strings>,
    onready: Callback<()>,
}

/// The alert about the page's table, and the table itself (slotted: as the page styled it).
#[function_component(PageTableAlert)]
fn page_table_alert(props: &PageTableAlertProps) -> Html {
    {
        let onready = props.onready.clone();
        use_effect(move || onready.emit(()));
    }
    html! {
        <ContextProvider<Rc<Strings>> context={props.strings.clone()}>
            <div class="cm cm-page-table" part="root">
                { error_banner(&props.strings, std::slice::from_ref(&props.message), Some(props.strings.get(StringKey::pageTableBelow))) }
                <slot></slot>
            </div>
        </ContextProvider<Rc<Strings>>>
    }
}

/// The stylesheet for `document`, made once per document by that document's own window.
pub fn sheet(document: &Document) -> Result<CssStyleSheet, JsValue> {
    use wasm_bindgen::JsCast;
    SHEETS.with(|sheets| {
        // A sheet (or constructor) of an iframe's window fails `instanceof` checks against this
        // window's classes: the casts are unchecked, after checking what can be checked.
        let known = sheets.get(document);
        if !known.is_undefined() {
            return Ok(known.unchecked_into());
        }
        let s: CssStyleSheet = match document.default_view() {
            Some(view) => {
                let ctor = js_sys::Reflect::get(&view, &"CSSStyleSheet".into())?;
                if !ctor.is_function() {
                    return Err(JsValue::from_str(
                        "this document's window has no CSSStyleSheet",
                    ));
                }
                js_sys::Reflect::construct(
                    ctor.unchecked_ref::<js_sys::Function>(),
                    &js_sys::Array::new(),
                )?
                .unchecked_into()
            }
            None => CssStyleSheet::new()?,
        };
        s.replace_sync(STYLE)?;
        sheets.set(document, &s);
        Ok(s)
    })
}

/// A container with its Yew root: a parked one if there is one, else a new one.
///
/// Containers and their Yew roots are reused: Yew keeps the event listeners of a root for the
/// life of the page, so creating a root per mount would leak on every mount/unmount.
///
/// Only a root whose parking has been rendered (an empty container) is reused. Yew renders
/// later: in a microtask, or, once a run of its scheduler has taken more than 16 ms, after a
/// `setTimeout`. Until then a parked container still holds the previous mount's DOM, and
/// reusing it would show that as the new mount's content: a host that waits for the widget's
/// rows would find them at once, unmount again without ever giving the scheduler its turn, and
/// every mount's props, data and DOM work would pile up in Yew's queues (wasm memory grew by a
/// third over 1,000 mount/unmount cycles, and never shrinks back).
pub fn take_root(document: &Document) -> Result<(Element, AppHandle<Root>), JsValue> {
    let clean = POOL.with(|p| {
        let mut p = p.borrow_mut();
        let i = p.iter().rposition(|(c, _)| c.first_child().is_none())?;
        Some(p.remove(i))
    });
    if let Some(pooled) = clean {
        return Ok(pooled);
    }
    let container = document.create_element("div")?;
    container.set_class_name("cm-host");
    let app = yew::Renderer::<Root>::with_root_and_props(container.clone(), RootProps::default())
        .render();
    Ok((container, app))
}

/// Parks a root empty (the app and all it holds are destroyed) and keeps it for reuse.
pub fn park_root(container: Element, mut app: AppHandle<Root>) {
    app.update(RootProps::default());
    let parked = POOL.with(|p| {
        let mut p = p.borrow_mut();
        if p.len() < POOL_SIZE {
            p.push((container, app));
            None
        } else {
            Some(app)
        }
    });
    if let Some(app) = parked {
        app.destroy();
    }
}
