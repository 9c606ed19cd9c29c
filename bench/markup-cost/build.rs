//! Writes the measured markup: ELEMENTS elements (env MARKUP_ELEMENTS, default 40), each a `<p>`
//! with a static class, a dynamic title, a text from data and a nested `<span>` with a class and a
//! text, written once with `html!` (and an `onclick` callback, as the widget's buttons have) and
//! once as calls of the builder in lib.rs (a `data-act` attribute instead: one delegated handler).
use std::{env, fs, path::Path};

fn main() {
    let n: usize = env::var("MARKUP_ELEMENTS").ok().and_then(|v| v.parse().ok()).unwrap_or(40);
    let mut mac = String::from("html! { <div>\n");
    let mut bld = String::from("{ let mut ch: Vec<Html> = Vec::new();\n");
    for i in 0..n {
        mac.push_str(&format!(
            "<p class=\"c{i}\" title={{v[{a}].clone()}} onclick={{cb.reform(|_| {i}u32)}}>{{ v[{b}].clone() }}<span class=\"s\">{{ \"k{i}\" }}</span></p>\n",
            a = i % 5,
            b = (i + 1) % 5
        ));
        bld.push_str(&format!(
            "ch.push(el(\"p\", &[\"class\", \"title\", \"data-act\"], vec![s(\"c{i}\"), v[{a}].clone(), s(\"a{i}\")], vec![text(v[{b}].clone()), el(\"span\", &[\"class\"], vec![s(\"s\")], vec![text(s(\"k{i}\"))])]));\n",
            a = i % 5,
            b = (i + 1) % 5
        ));
    }
    mac.push_str("</div> }");
    bld.push_str("VNode::VList(std::rc::Rc::new(VList::with_children(ch, None))) }");
    let out = Path::new(&env::var("OUT_DIR").unwrap()).to_path_buf();
    fs::write(out.join("html_macro.rs"), mac).unwrap();
    fs::write(out.join("builder.rs"), bld).unwrap();
    println!("cargo:rerun-if-env-changed=MARKUP_ELEMENTS");
}
