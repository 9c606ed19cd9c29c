//! How the user brings data to the app: a file dropped on it, a table pasted into it (with the
//! widget focused, not into a text box), or a file chosen from the Export menu's "Load data"
//! item. The app only picks up what was given; the widget reads it (`element/widget/bring.rs`).

use super::{App, Bring, Msg};
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The listeners of the app's root for bringing data (`None` each where the page turned import
/// off), and the hidden file input the menu item opens.
pub(super) struct BringListeners {
    pub dragover: Option<Callback<DragEvent>>,
    pub dragleave: Option<Callback<DragEvent>>,
    pub drop: Option<Callback<DragEvent>>,
    pub paste: Option<Callback<Event>>,
    pub input: Html,
}

impl App {
    pub(super) fn import_allowed(ctx: &Context<App>) -> bool {
        ctx.props().options.import_allowed()
    }

    pub(super) fn bring_listeners(&self, ctx: &Context<App>) -> BringListeners {
        if !App::import_allowed(ctx) {
            return BringListeners {
                dragover: None,
                dragleave: None,
                drop: None,
                paste: None,
                input: Html::default(),
            };
        }
        let link = ctx.link();
        let onbring = ctx.props().onbring.clone();
        let drop = {
            let onbring = onbring.clone();
            link.batch_callback(move |e: DragEvent| {
                let file = e.data_transfer()?.files()?.get(0)?;
                e.prevent_default();
                onbring.emit(Bring::File(file));
                Some(Msg::Dragging(false))
            })
        };
        let paste = Callback::from(move |e: Event| {
            if in_text_box(&e) {
                return;
            }
            let Some(data) = e
                .dyn_ref::<web_sys::ClipboardEvent>()
                .and_then(|c| c.clipboard_data())
            else {
                return;
            };
            // Left as JavaScript strings: the widget measures them before anything is copied.
            let get = |kind: &str| {
                js_sys::Reflect::get(&data, &"getData".into())
                    .ok()
                    .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
                    .and_then(|f| f.call1(&data, &kind.into()).ok())
                    .and_then(|v| v.dyn_into::<js_sys::JsString>().ok())
                    .unwrap_or_else(|| js_sys::JsString::from(""))
            };
            let (html, text) = (get("text/html"), get("text/plain"));
            if html.includes("<table", 0) || text.length() > 0 {
                e.prevent_default();
                onbring.emit(Bring::Paste { html, text });
            }
        });
        let onchange = {
            let onbring = ctx.props().onbring.clone();
            Callback::from(move |e: Event| {
                let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() else {
                    return;
                };
                if let Some(file) = input.files().and_then(|f| f.get(0)) {
                    onbring.emit(Bring::File(file));
                }
                // The same file chosen again is read again.
                input.set_value("");
            })
        };
        BringListeners {
            dragover: Some(link.batch_callback(|e: DragEvent| {
                let files = e
                    .data_transfer()
                    .is_some_and(|d| d.types().includes(&"Files".into(), 0));
                files.then(|| {
                    e.prevent_default();
                    Msg::Dragging(true)
                })
            })),
            // Leaving for a child of the widget is no leaving (the hint would flicker).
            dragleave: Some({
                let root = self.root.clone();
                link.batch_callback(move |e: DragEvent| {
                    let to = e
                        .related_target()
                        .and_then(|t| t.dyn_into::<web_sys::Node>().ok());
                    let inside = root
                        .cast::<web_sys::Node>()
                        .is_some_and(|r| r.contains(to.as_ref()));
                    (!inside || to.is_none()).then_some(Msg::Dragging(false))
                })
            }),
            drop: Some(drop),
            paste: Some(paste),
            input: html! {
                <input type="file" hidden=true tabindex="-1" ref={self.file_input.clone()} {onchange}
                    aria-label={ctx.props().strings.get(crate::i18n::StringKey::loadData).to_string()}
                    accept=".csv,.tsv,.txt,.md,.markdown,.json,.html,.htm,text/csv,text/tab-separated-values,text/markdown,application/json,text/html,text/plain" />
            },
        }
    }

    /// Opens the file chooser (the Export menu's "Load data").
    pub(super) fn choose_file(&self) {
        if let Some(input) = self.file_input.cast::<web_sys::HtmlElement>() {
            input.click();
        }
    }
}

/// A paste into the search box or a find box is text for it, not a table for the widget.
fn in_text_box(e: &Event) -> bool {
    e.composed_path()
        .get(0)
        .dyn_ref::<web_sys::Element>()
        .is_some_and(|el| {
            matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                || el.closest("[contenteditable]").ok().flatten().is_some()
        })
}
