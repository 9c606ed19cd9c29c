//! The bare app (a search box and state), plus the measured markup of build.rs in one of two
//! forms: `html!` (feature `html-macro`) or the builder below (feature `builder`).
use wasm_bindgen::prelude::*;
use web_sys::HtmlInputElement;
#[allow(unused_imports)]
use yew::virtual_dom::{AttributeOrProperty, Attributes, VList, VNode, VTag, VText};
use yew::prelude::*;

/// An element from data: its tag, its attribute names (static), their values, its children.
#[allow(dead_code)]
#[inline(never)]
fn el(tag: &'static str, keys: &'static [&'static str], vals: Vec<AttrValue>, children: Vec<Html>) -> Html {
    let values = vals.into_iter().map(|v| Some(AttributeOrProperty::Attribute(v))).collect();
    let mut t = VTag::new(tag);
    t.set_attributes(Attributes::Dynamic { keys, values });
    t.add_children(children);
    VNode::VTag(std::rc::Rc::new(t))
}

#[allow(dead_code)]
#[inline(never)]
fn text(v: AttrValue) -> Html {
    VNode::VText(VText::new(v))
}

#[allow(dead_code)]
#[inline(never)]
fn s(v: &'static str) -> AttrValue {
    AttrValue::Static(v)
}

#[function_component]
fn App() -> Html {
    let query = use_state(String::new);
    let picked = use_state(|| 0u32);
    let oninput = {
        let query = query.clone();
        Callback::from(move |e: InputEvent| query.set(e.target_unchecked_into::<HtmlInputElement>().value()))
    };
    let cb = Callback::from(move |i: u32| picked.set(i));
    let v: Vec<AttrValue> = (0..5).map(|i| AttrValue::from(format!("{}{}", *query, i))).collect();
    let _ = (&cb, &v);
    #[cfg(feature = "html-macro")]
    let markup = include!(concat!(env!("OUT_DIR"), "/html_macro.rs"));
    #[cfg(all(feature = "builder", not(feature = "html-macro")))]
    let markup = include!(concat!(env!("OUT_DIR"), "/builder.rs"));
    #[cfg(not(any(feature = "html-macro", feature = "builder")))]
    let markup = html! {};
    html! {
        <>
            <input type="search" {oninput} />
            { markup }
        </>
    }
}

#[wasm_bindgen]
pub fn mount(target: web_sys::Element) {
    yew::Renderer::<App>::with_root(target).render();
}
