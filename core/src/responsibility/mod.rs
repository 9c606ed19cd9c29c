//! Who secures what: the shared-responsibility model of the AWS container services, as layers
//! (facilities at the bottom, data at the top) × service variants → owner, each cell with its
//! source, plus the tools the seed names and where they help.
//!
//! Pure: no yew, web-sys or wasm-bindgen here.

#[rustfmt::skip]
mod embedded;
mod validate;

use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::fmt;
use std::rc::Rc;

/// Text of the model: borrowed from the embedded model (`embedded.rs`), owned when parsed.
pub type Text = Cow<'static, str>;

#[cfg(test)]
const EMBEDDED_RESPONSIBILITY: &str = include_str!("../../../data/responsibility.json");
#[cfg(test)]
const EMBEDDED_TOOLS: &str = include_str!("../../../data/tools.json");

/// Who is responsible for a layer of a variant.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Owner {
    /// AWS secures the layer.
    #[serde(rename = "aws")]
    Aws,
    /// The customer secures the layer.
    #[serde(rename = "customer")]
    Customer,
    /// AWS and the customer each do part (e.g. AWS publishes patched AMIs, the customer rolls them out).
    #[serde(rename = "shared")]
    Shared,
    /// The layer does not exist for this variant (e.g. a control plane for a registry).
    #[serde(rename = "n/a")]
    NotApplicable,
}

impl Owner {
    /// Every owner, in legend order.
    pub const ALL: [Owner; 4] = [
        Owner::Aws,
        Owner::Shared,
        Owner::Customer,
        Owner::NotApplicable,
    ];

    /// The stable identifier used in the data and in `data-owner`: `aws`, `customer`, `shared`, `n/a`.
    pub fn id(self) -> &'static str {
        match self {
            Owner::Aws => "aws",
            Owner::Customer => "customer",
            Owner::Shared => "shared",
            Owner::NotApplicable => "n/a",
        }
    }

    /// Parses a stable identifier (`aws`, `customer`, `shared`, `n/a`).
    pub fn from_id(id: &str) -> Option<Owner> {
        Owner::ALL.into_iter().find(|o| o.id() == id)
    }

    /// Human text shown in the diagram and its text equivalent.
    pub fn text(self) -> &'static str {
        match self {
            Owner::Aws => "AWS",
            Owner::Customer => "Customer",
            Owner::Shared => "Shared",
            Owner::NotApplicable => "Not applicable",
        }
    }

    /// Whether the customer has something to secure at this layer (customer or shared).
    pub fn involves_customer(self) -> bool {
        matches!(self, Owner::Customer | Owner::Shared)
    }
}

impl fmt::Display for Owner {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.text())
    }
}

/// One layer of the stack, e.g. `host-os` "Host OS and patching".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Layer {
    /// Stable id, used in `data-layer`.
    pub id: Text,
    /// Human name.
    pub name: Text,
}

/// A document that a cell's owner is taken from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    /// Stable id that cells refer to.
    pub id: Text,
    /// Title of the page.
    pub title: Text,
    /// Public `http(s)` address of the page.
    pub url: Text,
    /// `YYYY-MM-DD` the page was read.
    pub as_of: Text,
}

/// One cell of the model: who owns one layer of one variant, why, and says who.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Band {
    /// The layer's id; a variant's cells are in layer order, so `cells[i].layer == layers[i].id`.
    pub layer: Text,
    /// Who secures this layer.
    pub owner: Owner,
    /// One line saying what the owner does here.
    pub explanation: Text,
    /// Id of the [`Source`] this comes from.
    pub source: Text,
    /// Ids of further sources behind a caveat in the explanation.
    #[serde(default, skip_serializing_if = "is_empty")]
    pub see_also: Cow<'static, [Text]>,
}

/// One way to run containers on AWS, e.g. `eks-managed-nodes`, with one [`Band`] per layer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Variant {
    /// Stable id, used in `data-variant`.
    pub id: Text,
    /// Human name, e.g. "Amazon EKS, managed node groups".
    pub name: Text,
    /// A short name for tight places (a phone's picker, a tool's "where"), e.g. "EKS managed nodes".
    pub short: Text,
    /// Ids of the matrix services (`ecs`, `eks`, `fargate`, `ecr`) this variant belongs to.
    pub services: Cow<'static, [Text]>,
    /// One band per layer, in layer order (bottom to top).
    pub cells: Cow<'static, [Band]>,
    /// What a user must know about the variant as a whole (e.g. which column stands for it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
    /// Id of the [`Source`] of the note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note_source: Option<Text>,
}

impl Variant {
    /// The band of a layer, by layer id.
    pub fn band(&self, layer_id: &str) -> Option<&Band> {
        self.cells.iter().find(|b| b.layer == layer_id)
    }

    /// The owners in layer order (bottom to top), as the diagram layout takes them.
    pub fn owners(&self) -> Vec<Owner> {
        self.cells.iter().map(|b| b.owner).collect()
    }
}

/// Where a tool's entry comes from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ToolSource {
    /// Title of the page.
    pub title: Text,
    /// Public `http(s)` address of the page.
    pub url: Text,
    /// What that page (and the notes behind this model) say about the tool.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
    /// `YYYY-MM-DD` the page was read.
    pub as_of: Text,
}

/// A tool named by the seed, and the layers and variants where it helps the customer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tool {
    /// Stable id, e.g. `kube-bench`.
    pub id: Text,
    /// Human name, e.g. "Amazon Inspector".
    pub name: Text,
    /// Other names, e.g. the seed's "AWS Inspector".
    #[serde(default)]
    pub aliases: Cow<'static, [Text]>,
    /// Public `http(s)` address of the tool.
    pub url: Text,
    /// One line saying what it checks, shown in brief; [`Tool::checks`] says it whole.
    pub summary: Text,
    /// One sentence saying what it checks.
    pub checks: Text,
    /// Layer ids it helps at.
    pub layers: Cow<'static, [Text]>,
    /// Variant ids it helps with.
    pub variants: Cow<'static, [Text]>,
    /// Whether the upstream project is archived (no longer maintained).
    #[serde(default)]
    pub archived: bool,
    /// Where this entry comes from.
    pub source: ToolSource,
}

/// The whole model: layers, variants, sources and tools.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Model {
    /// Title of the model.
    pub title: Text,
    /// `YYYY-MM-DD` the sources were read.
    pub as_of: Text,
    /// Which sources the model follows, and what `n/a` means.
    pub note: Text,
    /// The documents cells cite.
    pub sources: Cow<'static, [Source]>,
    /// Layers, bottom (`facilities`) to top (`data`).
    pub layers: Cow<'static, [Layer]>,
    /// Variants in display order.
    pub variants: Cow<'static, [Variant]>,
    /// Tools named by the seed.
    pub tools: Cow<'static, [Tool]>,
    /// What the tool list covers and where it comes from.
    pub tools_note: Text,
}

#[derive(Deserialize)]
struct RawModel {
    title: String,
    as_of: String,
    note: String,
    sources: Vec<Source>,
    layers: Vec<Layer>,
    variants: Vec<Variant>,
}

#[derive(Deserialize)]
struct RawTools {
    note: String,
    tools: Vec<Tool>,
}

// serde's `skip_serializing_if` passes the field itself.
#[allow(clippy::ptr_arg)]
fn is_empty(v: &Cow<'static, [Text]>) -> bool {
    v.is_empty()
}

fn parse<'a, T: Deserialize<'a>>(file: &str, text: &'a str) -> Result<T, String> {
    serde_json::from_str(text).map_err(|e| {
        format!(
            "{file} line {}, column {}: invalid: {}",
            e.line(),
            e.column(),
            crate::dataset::json_message(&e)
        )
    })
}

impl Model {
    /// The embedded model (`data/responsibility.json` and `data/tools.json`), as `embedded.rs`
    /// holds it: generated from those files (`make options`; a test fails when it differs), so
    /// the widget neither parses nor validates it at start.
    pub fn embedded() -> Rc<Model> {
        thread_local! {
            static EMBEDDED: Rc<Model> = Rc::new(embedded::model());
        }
        EMBEDDED.with(Rc::clone)
    }

    /// Parses and validates the model from the text of `responsibility.json` and `tools.json`.
    /// A variant's cells may come in any order; they are put in layer order.
    pub fn from_json(responsibility: &str, tools: &str) -> Result<Model, String> {
        let raw: RawModel = parse("responsibility.json", responsibility)?;
        let raw_tools: RawTools = parse("tools.json", tools)?;
        let mut model = Model {
            title: raw.title.into(),
            as_of: raw.as_of.into(),
            note: raw.note.into(),
            sources: raw.sources.into(),
            layers: raw.layers.into(),
            variants: raw.variants.into(),
            tools: raw_tools.tools.into(),
            tools_note: raw_tools.note.into(),
        };
        model.validate()?;
        let order = |b: &Band| model.layer_index(&b.layer);
        let sorted: Vec<Vec<Band>> = model
            .variants
            .iter()
            .map(|v| {
                let mut cells = v.cells.to_vec();
                cells.sort_by_key(order);
                cells
            })
            .collect();
        for (v, cells) in model.variants.to_mut().iter_mut().zip(sorted) {
            v.cells = cells.into();
        }
        Ok(model)
    }

    /// A layer by id.
    pub fn layer(&self, id: &str) -> Option<&Layer> {
        self.layers.iter().find(|l| l.id == id)
    }

    /// The position of a layer, counting from the bottom (`facilities` is 0).
    pub fn layer_index(&self, id: &str) -> Option<usize> {
        self.layers.iter().position(|l| l.id == id)
    }

    /// A variant by id.
    pub fn variant(&self, id: &str) -> Option<&Variant> {
        self.variants.iter().find(|v| v.id == id)
    }

    /// The band of one layer of one variant.
    pub fn band(&self, variant_id: &str, layer_id: &str) -> Option<&Band> {
        self.variant(variant_id)?.band(layer_id)
    }

    /// Who owns one layer of one variant; `None` when either id is unknown.
    pub fn owner(&self, variant_id: &str, layer_id: &str) -> Option<Owner> {
        self.band(variant_id, layer_id).map(|b| b.owner)
    }

    /// The variants that belong to a matrix service (`fargate` → ECS on Fargate and EKS on
    /// Fargate), in model order.
    pub fn variants_for_service(&self, service_id: &str) -> Vec<&Variant> {
        self.variants
            .iter()
            .filter(|v| v.services.iter().any(|s| s == service_id))
            .collect()
    }

    /// The variants for a list of services, in model order, each once (for the `services`
    /// attribute: the diagram shows the variants of the services shown).
    pub fn variants_for_services<S: AsRef<str>>(&self, service_ids: &[S]) -> Vec<&Variant> {
        self.variants
            .iter()
            .filter(|v| {
                service_ids
                    .iter()
                    .any(|id| v.services.iter().any(|s| s == id.as_ref()))
            })
            .collect()
    }

    /// The tools that help at one layer of one variant: the tool names both, and the customer
    /// owns or shares that layer there (a tool cannot help with what AWS secures).
    pub fn tools_for(&self, variant_id: &str, layer_id: &str) -> Vec<&Tool> {
        let involved = self
            .owner(variant_id, layer_id)
            .is_some_and(Owner::involves_customer);
        if !involved {
            return Vec::new();
        }
        self.tools
            .iter()
            .filter(|t| {
                t.variants.iter().any(|v| v == variant_id) && t.layers.iter().any(|l| l == layer_id)
            })
            .collect()
    }

    /// A source by id.
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    /// A tool by id.
    pub fn tool(&self, id: &str) -> Option<&Tool> {
        self.tools.iter().find(|t| t.id == id)
    }
}

#[cfg(test)]
mod tests;
