//! A disclosure that opens a panel over the page (`<details>` and `<summary>`, which browsers
//! announce as a button that expands): the toolbar's Filters, History, Columns and Export, and
//! About this data. Escape closes it and puts focus back on its summary; so does moving focus or
//! pressing a pointer outside it. Its content is rendered only while it is open: with many
//! services it is most of the widget's markup.

use crate::platform::WindowListener;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Props of [`Menu`].
#[derive(Properties, PartialEq)]
pub struct MenuProps {
    /// The `part` (and the name tests and `::part()` styling use): `filters`, `export`, …
    pub part: AttrValue,
    #[prop_or_default]
    pub class: Classes,
    /// What the summary shows.
    pub summary: Html,
    /// The panel's content, rendered while the menu is open (a component child is not built
    /// at all while the menu is closed).
    pub children: Html,
}

/// The menu.
#[function_component(Menu)]
pub fn menu(props: &MenuProps) -> Html {
    let details = use_node_ref();
    let open = use_state(|| false);
    let close = {
        let details = details.clone();
        move |refocus: bool| {
            let Some(d) = details.cast::<web_sys::HtmlElement>() else {
                return;
            };
            if !d.has_attribute("open") {
                return;
            }
            let _ = d.remove_attribute("open");
            if refocus {
                if let Some(s) = d
                    .query_selector("summary")
                    .ok()
                    .flatten()
                    .and_then(|s| s.dyn_into::<web_sys::HtmlElement>().ok())
                {
                    let _ = s.focus();
                }
            }
        }
    };
    // While open, a pointer pressed anywhere outside it (in the widget or on the page) closes it.
    {
        let close = close.clone();
        let details = details.clone();
        use_effect_with(*open, move |open| {
            let listener = open.then(|| {
                WindowListener::new("pointerdown", move |e: web_sys::Event| {
                    let inside = details.get().is_some_and(|d| {
                        e.composed_path()
                            .iter()
                            .any(|n| n == wasm_bindgen::JsValue::from(d.clone()))
                    });
                    if !inside {
                        close(false);
                    }
                })
            });
            move || drop(listener)
        });
    }
    let onkeydown = {
        let close = close.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                // Handled here: the grid and the widget's other Escape handlers are not for it.
                e.stop_propagation();
                close(true);
            }
        })
    };
    let onfocusout = {
        let details = details.clone();
        Callback::from(move |e: FocusEvent| {
            // Only when focus moves to something else: a button that just became disabled drops
            // focus to nowhere, and that must not close the menu.
            let Some(to) = e.related_target() else { return };
            let inside = details.cast::<web_sys::Node>().is_some_and(|d| {
                to.dyn_ref::<web_sys::Node>()
                    .is_some_and(|n| d.contains(Some(n)))
            });
            if !inside {
                close(false);
            }
        })
    };
    let ontoggle = {
        let open = open.clone();
        Callback::from(move |e: Event| {
            let d: web_sys::Element = e.target_unchecked_into();
            open.set(d.has_attribute("open"));
        })
    };
    // The content is built as the summary is pressed, before the details opens: the `toggle`
    // event comes later, as a task the browser may run after the next key press, which would
    // then tab past a panel not built yet.
    let onclick = {
        let open = open.clone();
        let details = details.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(d) = details.cast::<web_sys::Element>() {
                open.set(!d.has_attribute("open"));
            }
        })
    };
    html! {
        <details class={classes!("cm-menu", props.class.clone())} part={props.part.clone()} ref={details}
            {onkeydown} {onfocusout} {ontoggle}>
            <summary class="cm-button" {onclick}>{ props.summary.clone() }</summary>
            if *open {
                <div class="cm-panel">{ props.children.clone() }</div>
            }
        </details>
    }
}
