//! How the user brings data to the app: a file dropped on it, a table pasted into it (with the
//! widget focused, not into a text box), or a file chosen from the Export menu's "Load data"
//! item. The app only picks up what was given; the widget reads it (`element/widget/bring.rs`).

use super::{App, AppProps, Bring, Msg};
use crate::components::header::brought_name;
use crate::state::Against;
use std::rc::Rc;
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

/// What the user's data is compared with, from their pick: what they brought before, or an
/// embedded revision.
pub(super) fn against(props: &AppProps) -> Option<Rc<Against>> {
    let now = props.brought.as_ref()?;
    let with = props.brought_compare.as_deref()?;
    let (old_label, old) = if with == BEFORE {
        let before = props.brought_before.as_ref()?;
        (brought_name(&props.strings, before), before.data.clone())
    } else {
        let r = crate::revisions::find(with)?;
        (r.id, r.dataset)
    };
    Some(Rc::new(Against {
        old_label,
        new_label: brought_name(&props.strings, now),
        old,
    }))
}

/// The pick of the user's data brought before.
pub(super) const BEFORE: &str = "before";

/// The choices of what the user's data can be compared with: what they brought before (if
/// anything), then the embedded revisions.
pub(super) fn compare_choices(props: &AppProps) -> Vec<(String, String)> {
    if props.brought.is_none() {
        return Vec::new();
    }
    let before = props
        .brought_before
        .as_ref()
        .map(|b| (BEFORE.to_string(), brought_name(&props.strings, b)));
    before
        .into_iter()
        .chain(
            crate::revisions::ids()
                .into_iter()
                .map(|id| (id.clone(), id)),
        )
        .collect()
}
