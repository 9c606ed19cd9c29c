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
        matches!(
            ctx.props().options.text(crate::options::Opt::Import).trim(),
            "" | "on"
        )
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
            let html = data.get_data("text/html").unwrap_or_default();
            let text = data.get_data("text/plain").unwrap_or_default();
            if html.contains("<table") || !text.trim().is_empty() {
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
            dragleave: Some(link.callback(|_: DragEvent| Msg::Dragging(false))),
            drop: Some(drop),
            paste: Some(paste),
            input: html! {
                <input type="file" hidden=true ref={self.file_input.clone()} {onchange}
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
