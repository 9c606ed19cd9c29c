//! Writes `embedded.rs`, the embedded model as static data, from `data/responsibility.json` and
//! `data/tools.json` after parsing and validating them; the test here fails when the file
//! differs (`UPDATE_GENERATED=1 cargo test -p compliance-matrix-core embedded_rs`, or
//! `make options`, writes it anew).

use super::*;

/// The Rust source of `embedded.rs` for a model. Slices are named statics (`S0`, `S1`, …) so
/// that each is a place in the wasm's data, not code that builds it at start.
pub(super) fn rust_source(m: &Model) -> String {
    let mut g = Gen::default();
    let sources = g.slice("Source", m.sources.iter().map(source).collect());
    let layers = g.slice(
        "Layer",
        m.layers
            .iter()
            .map(|l| format!("Layer {{ id: {}, name: {} }}", t(&l.id), t(&l.name)))
            .collect(),
    );
    let variants: Vec<String> = m.variants.iter().map(|v| variant(&mut g, v)).collect();
    let variants = g.slice("Variant", variants);
    let tools: Vec<String> = m.tools.iter().map(|x| tool(&mut g, x)).collect();
    let tools = g.slice("Tool", tools);
    let mut out = String::from(
        "// Generated from data/responsibility.json and data/tools.json (parsed and validated) by\n\
         // core/src/responsibility/generate.rs: `make options` writes it, a test fails when it differs.\n\
         use super::{Band, Layer, Model, Owner, Source, Tool, ToolSource, Variant};\n\
         use std::borrow::Cow::Borrowed as B;\n\n",
    );
    out.push_str(&g.statics);
    out.push_str(&format!(
        "\n/// The embedded model.\npub(super) fn model() -> Model {{\n    Model {{\n        \
         title: {},\n        as_of: {},\n        note: {},\n        sources: {sources},\n        \
         layers: {layers},\n        variants: {variants},\n        tools: {tools},\n        \
         tools_note: {},\n    }}\n}}\n",
        t(&m.title),
        t(&m.as_of),
        t(&m.note),
        t(&m.tools_note),
    ));
    out
}

#[derive(Default)]
struct Gen {
    statics: String,
    count: usize,
    /// Slices written so far, by their items: an equal slice is written once.
    seen: std::collections::HashMap<Vec<String>, String>,
}

impl Gen {
    /// A static array of `items` (Rust expressions of type `ty`); its use as `B(&Sn)`.
    fn slice(&mut self, ty: &str, items: Vec<String>) -> String {
        if items.is_empty() {
            return "B(&[])".to_string();
        }
        if let Some(name) = self.seen.get(&items) {
            return format!("B(&{name})");
        }
        let name = format!("S{}", self.count);
        self.count += 1;
        self.seen.insert(items.clone(), name.clone());
        self.statics
            .push_str(&format!("static {name}: [{ty}; {}] = [\n", items.len()));
        for i in items {
            self.statics.push_str(&format!("    {i},\n"));
        }
        self.statics.push_str("];\n");
        format!("B(&{name})")
    }

    fn texts(&mut self, items: &[Text]) -> String {
        self.slice("super::Text", items.iter().map(|x| t(x)).collect())
    }
}

/// A text as a borrowed Rust string literal.
fn t(s: &str) -> String {
    format!("B({s:?})")
}

fn opt(s: &Option<Text>) -> String {
    s.as_ref()
        .map_or("None".to_string(), |s| format!("Some({})", t(s)))
}

fn source(s: &Source) -> String {
    format!(
        "Source {{ id: {}, title: {}, url: {}, as_of: {} }}",
        t(&s.id),
        t(&s.title),
        t(&s.url),
        t(&s.as_of)
    )
}

fn variant(g: &mut Gen, v: &Variant) -> String {
    let services = g.texts(&v.services);
    let cells: Vec<String> = v
        .cells
        .iter()
        .map(|b| {
            let see_also = g.texts(&b.see_also);
            format!(
                "Band {{ layer: {}, owner: Owner::{:?}, explanation: {}, source: {}, see_also: {see_also} }}",
                t(&b.layer),
                b.owner,
                t(&b.explanation),
                t(&b.source)
            )
        })
        .collect();
    let cells = g.slice("Band", cells);
    format!(
        "Variant {{ id: {}, name: {}, short: {}, services: {services}, cells: {cells}, note: {}, note_source: {} }}",
        t(&v.id),
        t(&v.name),
        t(&v.short),
        opt(&v.note),
        opt(&v.note_source)
    )
}

fn tool(g: &mut Gen, x: &Tool) -> String {
    let aliases = g.texts(&x.aliases);
    let layers = g.texts(&x.layers);
    let variants = g.texts(&x.variants);
    let s = &x.source;
    format!(
        "Tool {{ id: {}, name: {}, aliases: {aliases}, url: {}, summary: {}, checks: {}, layers: {layers}, \
         variants: {variants}, archived: {}, source: ToolSource {{ title: {}, url: {}, note: {}, \
         as_of: {} }} }}",
        t(&x.id),
        t(&x.name),
        t(&x.url),
        t(&x.summary),
        t(&x.checks),
        x.archived,
        t(&s.title),
        t(&s.url),
        opt(&s.note),
        t(&s.as_of)
    )
}

#[test]
fn embedded_rs_is_the_validated_json() {
    let parsed = Model::from_json(EMBEDDED_RESPONSIBILITY, EMBEDDED_TOOLS)
        .expect("the embedded model is valid");
    let want = rust_source(&parsed);
    crate::generated::check(
        "src/responsibility/embedded.rs",
        &want,
        "data/responsibility.json and data/tools.json",
    );
    // What the widget uses is what the files say.
    assert_eq!(Model::embedded().as_ref(), &parsed);
}
