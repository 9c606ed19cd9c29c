//! Where focus goes after a render: the diagram brought into view ("Show in the diagram"), a
//! control put back after its list was rebuilt (a column hidden or moved), the search box after
//! the control that had focus went away.

use super::App;
use wasm_bindgen::JsCast;

impl App {
    /// Moves focus as the last update asked.
    pub(super) fn move_focus(&mut self) {
        if std::mem::take(&mut self.to_diagram) {
            self.bring_diagram_into_view();
        }
        if let Some(selectors) = self.refocus.take() {
            if let Some(root) = self.root.cast::<web_sys::Element>() {
                for sel in selectors {
                    if let Some(el) = root
                        .query_selector(&sel)
                        .ok()
                        .flatten()
                        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
                    {
                        let _ = el.focus();
                        break;
                    }
                }
            }
        }
        if std::mem::take(&mut self.focus_search) {
            if let Some(input) = self.search.cast::<web_sys::HtmlElement>() {
                let _ = input.focus();
            }
        }
    }

    /// Scrolls the diagram into view and focuses it (its current band is the service's).
    fn bring_diagram_into_view(&self) {
        let Some(root) = self.root.cast::<web_sys::Element>() else {
            return;
        };
        if let Ok(Some(svg)) = root.query_selector("svg[part=diagram]") {
            let opts = web_sys::ScrollIntoViewOptions::new();
            opts.set_block(web_sys::ScrollLogicalPosition::Center);
            svg.scroll_into_view_with_scroll_into_view_options(&opts);
            if let Ok(focus) = js_sys::Reflect::get(&svg, &"focus".into()) {
                if let Some(f) = focus.dyn_ref::<js_sys::Function>() {
                    let _ = f.call0(&svg);
                }
            }
        }
    }
}
