//! The smallest app that does what the widget's table does at its core: rows from data, a
//! search box that filters them. Measured by `node bench/run.mjs` as the framework's floor.
use wasm_bindgen::prelude::*;
use web_sys::HtmlInputElement;
use yew::prelude::*;

const ROWS: [(&str, &str); 4] = [("PCI DSS Level 1", "1"), ("HIPAA", "1"), ("SOC 1", "1"), ("IRAP", "0")];

#[function_component]
fn Floor() -> Html {
    let query = use_state(String::new);
    let oninput = {
        let query = query.clone();
        Callback::from(move |e: InputEvent| query.set(e.target_unchecked_into::<HtmlInputElement>().value()))
    };
    let q = query.to_lowercase();
    html! {
        <>
            <input type="search" {oninput} />
            <table>
                <tbody>
                    { for ROWS.iter().filter(|(n, _)| n.to_lowercase().contains(&q)).map(|(n, s)| html! {
                        <tr key={*n}><th scope="row">{*n}</th><td>{*s}</td></tr>
                    }) }
                </tbody>
            </table>
        </>
    }
}

#[wasm_bindgen]
pub fn mount(target: web_sys::Element) {
    yew::Renderer::<Floor>::with_root(target).render();
}
