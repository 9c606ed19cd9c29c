//! The generated source files of the core, each checked against what it is generated from
//! (`UPDATE_GENERATED=1`, which `make options` sets, writes them first):
//! - `src/dataset/embedded.rs`: the seed (`data/matrix.json`) and the published revisions
//!   (`data/revisions/*.md`), read, validated and packed, so the widget starts without reading
//!   JSON or Markdown;
//! - `src/responsibility/embedded.rs`: the responsibility model and the tools
//!   (`data/responsibility.json`, `data/tools.json`), parsed and validated, as static data.
//!
//! The generators live here, not in the library: the widget's wasm never carries them.

use compliance_matrix_core::dataset::{from_markdown, packed, Dataset, ImportMeta, Link};
use compliance_matrix_core::responsibility::{Model, Source, Text, Tool, Variant};
use compliance_matrix_core::revisions::{self, in_seed_context, SEED_REVISION};

/// Fails unless `path` (relative to this crate) holds `want`; the message names the files it is
/// generated from.
fn check(path: &str, want: &str, from: &str) {
    let full = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    if std::env::var_os("UPDATE_GENERATED").is_some() {
        std::fs::write(&full, want).unwrap();
    }
    let have = std::fs::read_to_string(&full).unwrap_or_default();
    assert!(
        have == want,
        "core/{path} differs from {from}: run `make options`"
    );
}

const MATRIX_JSON: &str = include_str!("../../data/matrix.json");
const RESPONSIBILITY_JSON: &str = include_str!("../../data/responsibility.json");
const TOOLS_JSON: &str = include_str!("../../data/tools.json");

/// The published tables (`data/revisions/`), read at build time: the widget embeds them read,
/// validated and packed (`dataset/embedded.rs`).
const FILES: [(&str, &str); 6] = [
    (
        "2020-03-25",
        include_str!("../../data/revisions/2020-03-25.md"),
    ),
    (
        "2020-04-21",
        include_str!("../../data/revisions/2020-04-21.md"),
    ),
    (
        "2020-04-24",
        include_str!("../../data/revisions/2020-04-24.md"),
    ),
    (
        "2020-10-06",
        include_str!("../../data/revisions/2020-10-06.md"),
    ),
    (
        "2020-10-13",
        include_str!("../../data/revisions/2020-10-13.md"),
    ),
    (
        "2021-04-24",
        include_str!("../../data/revisions/2021-04-24.md"),
    ),
];

/// A published table as read from its file: its id, its source commit and its dataset (`None`
/// for the seed, which is the embedded matrix).
type Published = (&'static str, String, Option<Dataset>);

/// Each published table as read from its file: what `dataset/embedded.rs` packs.
fn read_files() -> Result<Vec<Published>, String> {
    FILES
        .iter()
        .map(|(id, text)| {
            let commit = source_commit(text).ok_or_else(|| format!("data/revisions/{id}.md: no source commit comment"))?;
            if *id == SEED_REVISION {
                return Ok((*id, commit, None));
            }
            let url = format!(
                "https://github.com/aws/aws-eks-best-practices/blob/{commit}/content/security/docs/compliance.md"
            );
            let meta = ImportMeta {
                as_of: id.to_string(),
                source: Link {
                    title: format!("Amazon EKS Best Practices Guide — Compliance ({id})"),
                    url,
                    note: Some(format!(
                        "aws/aws-eks-best-practices, content/security/docs/compliance.md at commit {commit} ({id})"
                    )),
                },
            };
            let ds = from_markdown(text, &meta).map_err(|e| format!("data/revisions/{id}.md: {e}"))?;
            Ok((*id, commit, Some(ds)))
        })
        .collect()
}

/// The commit named by the file's `<!-- source: … at commit <sha> (…) -->` comment.
fn source_commit(text: &str) -> Option<String> {
    let start = text.find("at commit ")? + "at commit ".len();
    let sha: String = text[start..]
        .chars()
        .take_while(|c| c.is_ascii_hexdigit())
        .collect();
    (sha.len() == 40).then_some(sha)
}

/// The Rust source of `dataset/embedded.rs`.
fn matrix_source(matrix: &Dataset, revisions: &[Published]) -> String {
    let mut out = String::from(
        "// Generated from data/matrix.json and data/revisions/*.md (read and validated) by\n\
         // core/tests/embedded_data.rs: `make options` writes it, a test fails when it differs.\n\
         // Each dataset is packed (core/src/dataset/packed.rs).\n\n\
         /// data/matrix.json: the seed table of 2020-04-21, curated.\n",
    );
    out.push_str(&format!(
        "pub(crate) const MATRIX: &str = {:?};\n\n",
        packed::encode(matrix)
    ));
    out.push_str(
        "/// data/revisions/*.md, oldest first: (id, source commit, the table as published, packed;\n\
         /// empty for the seed revision, which is MATRIX).\n",
    );
    out.push_str(&format!(
        "pub(crate) const REVISIONS: [(&str, &str, &str); {}] = [\n",
        revisions.len()
    ));
    for (id, commit, ds) in revisions {
        let packed = ds.as_ref().map(packed::encode).unwrap_or_default();
        out.push_str(&format!("    ({id:?}, {commit:?}, {packed:?}),\n"));
    }
    out.push_str("];\n");
    out
}

/// The Rust source of `responsibility/embedded.rs` for a model. Slices are named statics (`S0`, `S1`, …) so
/// that each is a place in the wasm's data, not code that builds it at start.
fn model_source(m: &Model) -> String {
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
         // core/tests/embedded_data.rs: `make options` writes it, a test fails when it differs.\n\
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
fn dataset_embedded_rs_is_the_read_data() {
    let matrix = Dataset::from_json(MATRIX_JSON).expect("data/matrix.json is valid");
    let published = read_files().expect("data/revisions are valid");
    check(
        "src/dataset/embedded.rs",
        &matrix_source(&matrix, &published),
        "data/matrix.json and data/revisions/",
    );
    // What the widget uses is what the files say.
    let seed = Dataset::embedded();
    assert_eq!(*seed, matrix);
    for ((id, commit, ds), r) in published.iter().zip(revisions::all().iter()) {
        assert_eq!((*id, commit), (r.id.as_str(), &r.commit));
        let ds = ds.clone().unwrap_or_else(|| matrix.clone());
        assert_eq!(*r.dataset, in_seed_context(ds, &seed), "{id}");
    }
}

#[test]
fn responsibility_embedded_rs_is_the_validated_json() {
    let parsed =
        Model::from_json(RESPONSIBILITY_JSON, TOOLS_JSON).expect("the embedded model is valid");
    check(
        "src/responsibility/embedded.rs",
        &model_source(&parsed),
        "data/responsibility.json and data/tools.json",
    );
    assert_eq!(Model::embedded().as_ref(), &parsed);
}
