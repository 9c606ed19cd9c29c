//! Who secures what: the shared-responsibility model of the AWS container services, as layers
//! (facilities at the bottom, data at the top) × service variants → owner, each cell with its
//! source, plus the tools the seed names and where they help.
//!
//! Pure: no yew, web-sys or wasm-bindgen here.

use crate::dataset::validate::{check_date, check_id, check_name, check_web_url, is_slug};
use crate::dataset::DatasetError;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::fmt;
use std::rc::Rc;

const EMBEDDED_RESPONSIBILITY: &str = include_str!("../../data/responsibility.json");
const EMBEDDED_TOOLS: &str = include_str!("../../data/tools.json");

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
    pub id: String,
    /// Human name.
    pub name: String,
}

/// A document that a cell's owner is taken from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    /// Stable id that cells refer to.
    pub id: String,
    /// Title of the page.
    pub title: String,
    /// Public `http(s)` address of the page.
    pub url: String,
    /// `YYYY-MM-DD` the page was read.
    pub as_of: String,
}

/// One cell of the model: who owns one layer of one variant, why, and says who.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Band {
    /// The layer's id; a variant's cells are in layer order, so `cells[i].layer == layers[i].id`.
    pub layer: String,
    /// Who secures this layer.
    pub owner: Owner,
    /// One line saying what the owner does here.
    pub explanation: String,
    /// Id of the [`Source`] this comes from.
    pub source: String,
    /// Ids of further sources behind a caveat in the explanation.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub see_also: Vec<String>,
}

/// One way to run containers on AWS, e.g. `eks-managed-nodes`, with one [`Band`] per layer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Variant {
    /// Stable id, used in `data-variant`.
    pub id: String,
    /// Human name, e.g. "Amazon EKS, managed node groups".
    pub name: String,
    /// Ids of the matrix services (`ecs`, `eks`, `fargate`, `ecr`) this variant belongs to.
    pub services: Vec<String>,
    /// One band per layer, in layer order (bottom to top).
    pub cells: Vec<Band>,
    /// What a reader must know about the variant as a whole (e.g. which column stands for it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Id of the [`Source`] of the note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note_source: Option<String>,
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
    pub title: String,
    /// Public `http(s)` address of the page.
    pub url: String,
    /// What that page (and the notes behind this model) say about the tool.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// `YYYY-MM-DD` the page was read.
    pub as_of: String,
}

/// A tool named by the seed, and the layers and variants where it helps the customer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tool {
    /// Stable id, e.g. `kube-bench`.
    pub id: String,
    /// Human name, e.g. "Amazon Inspector".
    pub name: String,
    /// Other names, e.g. the seed's "AWS Inspector".
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Public `http(s)` address of the tool.
    pub url: String,
    /// One sentence saying what it checks.
    pub checks: String,
    /// Layer ids it helps at.
    pub layers: Vec<String>,
    /// Variant ids it helps with.
    pub variants: Vec<String>,
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
    pub title: String,
    /// `YYYY-MM-DD` the sources were read.
    pub as_of: String,
    /// Which sources the model follows, and what `n/a` means.
    pub note: String,
    /// The documents cells cite.
    pub sources: Vec<Source>,
    /// Layers, bottom (`facilities`) to top (`data`).
    pub layers: Vec<Layer>,
    /// Variants in display order.
    pub variants: Vec<Variant>,
    /// Tools named by the seed.
    pub tools: Vec<Tool>,
    /// What the tool list covers and where it comes from.
    pub tools_note: String,
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

fn parse<'a, T: Deserialize<'a>>(file: &str, text: &'a str) -> Result<T, DatasetError> {
    serde_json::from_str(text).map_err(|e| {
        DatasetError::at(
            format!("{file} line {}, column {}", e.line(), e.column()),
            format!("invalid: {}", crate::dataset::json_message(&e)),
        )
    })
}

impl Model {
    /// The embedded model (`data/responsibility.json` and `data/tools.json`), parsed once per thread.
    pub fn embedded() -> Rc<Model> {
        thread_local! {
            static EMBEDDED: Rc<Model> = Rc::new(
                Model::from_json(EMBEDDED_RESPONSIBILITY, EMBEDDED_TOOLS)
                    .expect("data/responsibility.json and data/tools.json are valid (checked by tests)"),
            );
        }
        EMBEDDED.with(Rc::clone)
    }

    /// Parses and validates the model from the text of `responsibility.json` and `tools.json`.
    /// A variant's cells may come in any order; they are put in layer order.
    pub fn from_json(responsibility: &str, tools: &str) -> Result<Model, DatasetError> {
        let raw: RawModel = parse("responsibility.json", responsibility)?;
        let raw_tools: RawTools = parse("tools.json", tools)?;
        let mut model = Model {
            title: raw.title,
            as_of: raw.as_of,
            note: raw.note,
            sources: raw.sources,
            layers: raw.layers,
            variants: raw.variants,
            tools: raw_tools.tools,
            tools_note: raw_tools.note,
        };
        model.validate()?;
        let order = |b: &Band| model.layer_index(&b.layer);
        let sorted: Vec<Vec<Band>> = model
            .variants
            .iter()
            .map(|v| {
                let mut cells = v.cells.clone();
                cells.sort_by_key(order);
                cells
            })
            .collect();
        for (v, cells) in model.variants.iter_mut().zip(sorted) {
            v.cells = cells;
        }
        Ok(model)
    }

    fn check_source(&self, at: impl FnOnce() -> String, id: &str) -> Result<(), DatasetError> {
        match self.source(id) {
            Some(_) => Ok(()),
            None => Err(DatasetError::at(at(), format!("unknown source '{id}'"))),
        }
    }

    /// Checks every rule: unique ids, every variant places every layer exactly once, every cited
    /// source exists, tools name known layers and variants, links are `http`/`https` only.
    pub fn validate(&self) -> Result<(), DatasetError> {
        check_name("title", &self.title)?;
        check_name("note", &self.note)?;
        check_date("as_of", &self.as_of)?;

        let mut seen = HashSet::new();
        for (i, s) in self.sources.iter().enumerate() {
            check_id(|| format!("sources[{i}].id"), &s.id, &mut seen, "source")?;
            check_name(&format!("sources[{i}].title"), &s.title)?;
            check_web_url(&format!("sources[{i}].url"), &s.url)?;
            check_date(&format!("sources[{i}].as_of"), &s.as_of)?;
        }

        if self.layers.is_empty() {
            return Err(DatasetError::at("layers", "at least one layer is needed"));
        }
        let mut seen = HashSet::new();
        for (i, l) in self.layers.iter().enumerate() {
            check_id(|| format!("layers[{i}].id"), &l.id, &mut seen, "layer")?;
            check_name(&format!("layers[{i}].name"), &l.name)?;
        }

        if self.variants.is_empty() {
            return Err(DatasetError::at(
                "variants",
                "at least one variant is needed",
            ));
        }
        let mut seen = HashSet::new();
        for (i, v) in self.variants.iter().enumerate() {
            let at = |f: &str| format!("variants[{i}].{f}");
            check_id(|| at("id"), &v.id, &mut seen, "variant")?;
            check_name(&at("name"), &v.name)?;
            if v.services.is_empty() {
                return Err(DatasetError::at(
                    at("services"),
                    "at least one service id is needed",
                ));
            }
            for (j, s) in v.services.iter().enumerate() {
                if !is_slug(s) {
                    return Err(DatasetError::at(
                        at(&format!("services[{j}]")),
                        format!("'{s}' is not a service id"),
                    ));
                }
            }
            let mut placed = vec![false; self.layers.len()];
            for (j, b) in v.cells.iter().enumerate() {
                let at = |f: &str| format!("variants[{i}].cells[{j}].{f}");
                let Some(k) = self.layer_index(&b.layer) else {
                    return Err(DatasetError::at(
                        at("layer"),
                        format!("unknown layer '{}'", b.layer),
                    ));
                };
                if placed[k] {
                    return Err(DatasetError::at(
                        at("layer"),
                        format!("layer '{}' is placed twice in '{}'", b.layer, v.id),
                    ));
                }
                placed[k] = true;
                check_name(&at("explanation"), &b.explanation)?;
                self.check_source(|| at("source"), &b.source)?;
                for (k, id) in b.see_also.iter().enumerate() {
                    self.check_source(|| at(&format!("see_also[{k}]")), id)?;
                }
            }
            if let Some(n) = &v.note {
                check_name(&at("note"), n)?;
                let id = v.note_source.as_deref().unwrap_or("");
                self.check_source(|| at("note_source"), id)?;
            }
            if let Some(k) = placed.iter().position(|p| !p) {
                return Err(DatasetError::at(
                    at("cells"),
                    format!("'{}' does not place layer '{}'", v.id, self.layers[k].id),
                ));
            }
        }

        check_name("tools.note", &self.tools_note)?;
        let mut seen = HashSet::new();
        for (i, t) in self.tools.iter().enumerate() {
            let at = |f: &str| format!("tools[{i}].{f}");
            check_id(|| at("id"), &t.id, &mut seen, "tool")?;
            check_name(&at("name"), &t.name)?;
            for (j, a) in t.aliases.iter().enumerate() {
                check_name(&at(&format!("aliases[{j}]")), a)?;
            }
            check_web_url(&at("url"), &t.url)?;
            check_name(&at("checks"), &t.checks)?;
            for (j, l) in t.layers.iter().enumerate() {
                if self.layer_index(l).is_none() {
                    return Err(DatasetError::at(
                        at(&format!("layers[{j}]")),
                        format!("unknown layer '{l}'"),
                    ));
                }
            }
            for (j, v) in t.variants.iter().enumerate() {
                if self.variant(v).is_none() {
                    return Err(DatasetError::at(
                        at(&format!("variants[{j}]")),
                        format!("unknown variant '{v}'"),
                    ));
                }
            }
            check_name(&at("source.title"), &t.source.title)?;
            check_web_url(&at("source.url"), &t.source.url)?;
            check_date(&at("source.as_of"), &t.source.as_of)?;
            if let Some(n) = &t.source.note {
                check_name(&at("source.note"), n)?;
            }
        }
        Ok(())
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
mod tests {
    use super::*;
    use crate::dataset::validate::is_web_url;

    const LAYERS: [&str; 14] = [
        "facilities",
        "hardware",
        "virtualization",
        "host-os",
        "runtime",
        "control-plane",
        "capacity",
        "registry-storage",
        "network-config",
        "iam",
        "cluster-config",
        "images",
        "application",
        "data",
    ];
    const VARIANTS: [&str; 6] = [
        "ecs-ec2",
        "ecs-fargate",
        "eks-self-managed",
        "eks-managed-nodes",
        "eks-fargate",
        "ecr",
    ];
    const COMPUTE: [&str; 5] = [
        "ecs-ec2",
        "ecs-fargate",
        "eks-self-managed",
        "eks-managed-nodes",
        "eks-fargate",
    ];

    fn owner(v: &str, l: &str) -> Owner {
        Model::embedded()
            .owner(v, l)
            .unwrap_or_else(|| panic!("no cell {v}/{l}"))
    }

    fn ids<T>(items: &[&T], id: impl Fn(&T) -> &str) -> Vec<String> {
        items.iter().map(|t| id(t).to_string()).collect()
    }

    /// The embedded texts with one replacement made, for the validation tests.
    fn broken(from: &str, to: &str) -> Result<Model, DatasetError> {
        assert!(
            EMBEDDED_RESPONSIBILITY.contains(from),
            "fixture text '{from}' not found"
        );
        Model::from_json(
            &EMBEDDED_RESPONSIBILITY.replacen(from, to, 1),
            EMBEDDED_TOOLS,
        )
    }

    #[test]
    fn embedded_model_has_the_design_ids_in_order() {
        let m = Model::embedded();
        let layers: Vec<&str> = m.layers.iter().map(|l| l.id.as_str()).collect();
        assert_eq!(layers, LAYERS);
        let variants: Vec<&str> = m.variants.iter().map(|v| v.id.as_str()).collect();
        assert_eq!(variants, VARIANTS);
        assert_eq!(m.layer("host-os").unwrap().name, "Host OS and patching");
        assert_eq!(m.layer("hardware").unwrap().name, "Hardware and network");
        assert_eq!(
            m.variant("eks-managed-nodes").unwrap().name,
            "Amazon EKS, managed node groups"
        );
    }

    #[test]
    fn owner_ids_and_texts_round_trip() {
        for o in Owner::ALL {
            assert_eq!(Owner::from_id(o.id()), Some(o));
        }
        assert_eq!(Owner::NotApplicable.id(), "n/a");
        assert_eq!(Owner::NotApplicable.text(), "Not applicable");
        assert_eq!(Owner::Aws.text(), "AWS");
        assert_eq!(Owner::from_id("AWS"), None);
        assert_eq!(
            serde_json::to_string(&Owner::NotApplicable).unwrap(),
            "\"n/a\""
        );
    }

    #[test]
    fn every_variant_places_every_layer_once() {
        let m = Model::embedded();
        for v in &m.variants {
            let placed: Vec<&str> = v.cells.iter().map(|b| b.layer.as_str()).collect();
            assert_eq!(placed, LAYERS, "{}", v.id);
        }
    }

    #[test]
    fn every_cell_names_a_known_source() {
        let m = Model::embedded();
        for v in &m.variants {
            for b in &v.cells {
                let s = m
                    .source(&b.source)
                    .unwrap_or_else(|| panic!("{}/{}: unknown source {}", v.id, b.layer, b.source));
                assert!(s.url.starts_with("https://"), "{}", s.url);
                assert!(!b.explanation.trim().is_empty());
                assert!(
                    !b.explanation.contains('\n'),
                    "one line: {}/{}",
                    v.id,
                    b.layer
                );
            }
        }
    }

    #[test]
    fn sources_are_the_named_aws_pages() {
        let m = Model::embedded();
        let urls: Vec<&str> = m.sources.iter().map(|s| s.url.as_str()).collect();
        for url in [
            "https://docs.aws.amazon.com/eks/latest/best-practices/security.html",
            "https://github.com/aws/aws-eks-best-practices/blob/e974e805520ab679521c2e8416b4c9e7d11ce101/content/security/docs/compliance.md",
            // The shared-responsibility page, not the chapter index (security.html).
            "https://docs.aws.amazon.com/AmazonECS/latest/bestpracticesguide/security-shared.html",
            "https://docs.aws.amazon.com/eks/latest/userguide/security.html",
            "https://docs.aws.amazon.com/AmazonECR/latest/userguide/infrastructure-security.html",
            "https://docs.aws.amazon.com/AmazonECR/latest/userguide/ecr-compliance.html",
            "https://aws.amazon.com/compliance/shared-responsibility-model/",
        ] {
            assert!(urls.contains(&url), "missing source {url}");
        }
        // Every source is cited by some cell.
        for s in &m.sources {
            assert!(
                m.variants
                    .iter()
                    .any(|v| v.note_source.as_deref() == Some(s.id.as_str())
                        || v.cells
                            .iter()
                            .any(|b| b.source == s.id || b.see_also.contains(&s.id))),
                "source {} is never cited",
                s.id
            );
        }
    }

    #[test]
    fn ecs_on_fargate_aws_owns_facilities_through_runtime_and_customer_owns_images_and_application()
    {
        for l in [
            "facilities",
            "hardware",
            "virtualization",
            "host-os",
            "runtime",
        ] {
            assert_eq!(owner("ecs-fargate", l), Owner::Aws, "{l}");
        }
        assert_eq!(owner("ecs-fargate", "control-plane"), Owner::Aws);
        assert_eq!(owner("ecs-fargate", "capacity"), Owner::Aws);
        assert_eq!(owner("ecs-fargate", "images"), Owner::Customer);
        assert_eq!(owner("ecs-fargate", "application"), Owner::Customer);
        let m = Model::embedded();
        let seed = m
            .source(&m.band("ecs-fargate", "runtime").unwrap().source)
            .unwrap();
        assert!(seed
            .url
            .contains("e974e805520ab679521c2e8416b4c9e7d11ce101"));
    }

    #[test]
    fn ecs_on_ec2_customer_owns_the_instances_and_aws_the_control_plane() {
        for l in ["host-os", "runtime", "capacity"] {
            assert_eq!(owner("ecs-ec2", l), Owner::Customer, "{l}");
        }
        for l in ["facilities", "hardware", "virtualization", "control-plane"] {
            assert_eq!(owner("ecs-ec2", l), Owner::Aws, "{l}");
        }
    }

    #[test]
    fn eks_node_os_is_customer_shared_or_aws_by_node_type() {
        assert_eq!(owner("eks-self-managed", "host-os"), Owner::Customer);
        assert_eq!(owner("eks-managed-nodes", "host-os"), Owner::Shared);
        assert_eq!(owner("eks-fargate", "host-os"), Owner::Aws);
        assert_eq!(owner("eks-fargate", "runtime"), Owner::Aws);
        assert_eq!(owner("eks-fargate", "capacity"), Owner::Aws);
        assert_eq!(owner("eks-managed-nodes", "capacity"), Owner::Customer);
        for v in ["eks-self-managed", "eks-managed-nodes", "eks-fargate"] {
            assert_eq!(owner(v, "control-plane"), Owner::Aws, "{v}");
        }
    }

    #[test]
    fn customer_owns_network_iam_config_images_application_and_data_on_every_compute_variant() {
        for v in COMPUTE {
            for l in [
                "network-config",
                "iam",
                "cluster-config",
                "images",
                "application",
                "data",
            ] {
                assert_eq!(owner(v, l), Owner::Customer, "{v}/{l}");
            }
            assert_eq!(owner(v, "registry-storage"), Owner::NotApplicable, "{v}");
            for l in ["facilities", "hardware"] {
                assert_eq!(owner(v, l), Owner::Aws, "{v}/{l}");
            }
        }
    }

    #[test]
    fn ecr_has_no_control_plane() {
        assert_eq!(owner("ecr", "control-plane"), Owner::NotApplicable);
        assert_eq!(owner("ecr", "capacity"), Owner::NotApplicable);
        assert_eq!(owner("ecr", "runtime"), Owner::NotApplicable);
        assert_eq!(owner("ecr", "registry-storage"), Owner::Aws);
        for l in ["iam", "images", "network-config"] {
            assert_eq!(owner("ecr", l), Owner::Customer, "{l}");
        }
        // Encrypted at rest by default with S3-managed keys (ECR UG encryption-at-rest); the
        // customer chooses KMS keys and what is pushed.
        assert_eq!(owner("ecr", "data"), Owner::Shared);
        let vpc = Model::embedded()
            .band("ecr", "network-config")
            .unwrap()
            .explanation
            .clone();
        assert!(vpc.contains("VPC endpoints"), "{vpc}");
    }

    #[test]
    fn unknown_ids_have_no_owner() {
        let m = Model::embedded();
        assert_eq!(m.owner("lambda", "data"), None);
        assert_eq!(m.owner("ecr", "kernel"), None);
        assert!(m.tools_for("lambda", "host-os").is_empty());
    }

    #[test]
    fn the_fargate_column_is_ecs_on_fargate_only() {
        let m = Model::embedded();
        // The seed's "ECS Fargate" column is ECS on Fargate; EKS on Fargate stands for the EKS
        // column only (the seed has no column for it; the review of 2026-12).
        let f = m.variants_for_service("fargate");
        assert_eq!(ids(&f, |v: &Variant| &v.id), ["ecs-fargate"]);
        let eks = m.variants_for_service("eks");
        assert_eq!(
            ids(&eks, |v: &Variant| &v.id),
            ["eks-self-managed", "eks-managed-nodes", "eks-fargate"]
        );
        assert_eq!(
            ids(&m.variants_for_service("ecs"), |v: &Variant| &v.id),
            ["ecs-ec2", "ecs-fargate"]
        );
        assert!(m.variants_for_service("lambda").is_empty());
        let both = m.variants_for_services(&["ecr", "fargate"]);
        assert_eq!(ids(&both, |v: &Variant| &v.id), ["ecs-fargate", "ecr"]);
    }

    #[test]
    fn every_variant_service_is_a_seed_matrix_service() {
        let ds = crate::dataset::Dataset::embedded();
        let services: Vec<&str> = ds.services.iter().map(|s| s.id.as_str()).collect();
        let m = Model::embedded();
        for v in &m.variants {
            for s in &v.services {
                assert!(services.contains(&s.as_str()), "{}: {s}", v.id);
            }
        }
        for s in &services {
            assert!(!m.variants_for_service(s).is_empty(), "no variant for {s}");
        }
    }

    #[test]
    fn tools_mark_actuary_archived() {
        let m = Model::embedded();
        let ids: Vec<&str> = m.tools.iter().map(|t| t.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "kube-bench",
                "docker-bench-security",
                "actuary",
                "amazon-inspector"
            ]
        );
        assert!(m.tool("actuary").unwrap().archived);
        for t in ["kube-bench", "docker-bench-security", "amazon-inspector"] {
            assert!(!m.tool(t).unwrap().archived, "{t}");
        }
        let inspector = m.tool("amazon-inspector").unwrap();
        assert_eq!(inspector.aliases, ["AWS Inspector"]);
        assert_eq!(inspector.url, "https://aws.amazon.com/inspector/");
        // Each tool cites the page its mapping comes from, at a commit where it is a repository.
        for (t, page) in [
            (
                "kube-bench",
                "aquasecurity/kube-bench/tree/a73ce378418c71c5861e6963753f50dec3badadf",
            ),
            (
                "docker-bench-security",
                "docker/docker-bench-security/blob/ff26d67f",
            ),
            ("actuary", "diogomonica/actuary/blob/7cc23f2d"),
            (
                "amazon-inspector",
                "docs.aws.amazon.com/inspector/latest/user/scanning-ecr.html",
            ),
        ] {
            assert!(m.tool(t).unwrap().source.url.contains(page), "{t}");
        }
    }

    #[test]
    fn tools_for_a_layer_skip_what_aws_secures() {
        let m = Model::embedded();
        let names = |v: &str, l: &str| -> Vec<String> { ids(&m.tools_for(v, l), |t: &Tool| &t.id) };
        // kube-bench checks the kubelet and cluster configuration, not OS patching.
        assert_eq!(
            names("eks-self-managed", "host-os"),
            ["docker-bench-security", "actuary", "amazon-inspector"]
        );
        assert_eq!(names("eks-managed-nodes", "host-os"), ["amazon-inspector"]);
        assert_eq!(names("eks-managed-nodes", "runtime"), ["kube-bench"]);
        assert_eq!(names("ecr", "images"), ["amazon-inspector"]);
        // Inspector names ECR and host-os, but ECR's hosts are AWS's.
        assert!(names("ecr", "host-os").is_empty());
        // No nodes to run a benchmark on with Fargate.
        assert!(names("eks-fargate", "host-os").is_empty());
        assert!(names("ecs-fargate", "runtime").is_empty());
        assert_eq!(names("eks-fargate", "cluster-config"), Vec::<String>::new());
        assert_eq!(names("eks-self-managed", "cluster-config"), ["kube-bench"]);
    }

    #[test]
    fn cells_in_any_order_are_put_in_layer_order() {
        let mut v: serde_json::Value = serde_json::from_str(EMBEDDED_RESPONSIBILITY).unwrap();
        v["variants"][0]["cells"].as_array_mut().unwrap().reverse();
        let m = Model::from_json(&v.to_string(), EMBEDDED_TOOLS).unwrap();
        assert_eq!(m, *Model::embedded());
    }

    #[test]
    fn a_missing_layer_is_refused_and_named() {
        let mut v: serde_json::Value = serde_json::from_str(EMBEDDED_RESPONSIBILITY).unwrap();
        v["variants"][5]["cells"].as_array_mut().unwrap().remove(13);
        let e = Model::from_json(&v.to_string(), EMBEDDED_TOOLS).unwrap_err();
        assert_eq!(e.location, "variants[5].cells");
        assert!(e.message.contains("'data'"), "{e}");
    }

    #[test]
    fn a_layer_placed_twice_is_refused() {
        let e = broken(r#""layer": "hardware""#, r#""layer": "facilities""#).unwrap_err();
        assert_eq!(e.location, "variants[0].cells[1].layer");
        assert!(e.message.contains("twice"), "{e}");
    }

    #[test]
    fn an_unknown_source_or_owner_is_refused() {
        let e = broken(
            r#""source": "shared-responsibility-model""#,
            r#""source": "blog""#,
        )
        .unwrap_err();
        assert_eq!(e.location, "variants[0].cells[0].source");
        let e = broken(r#""owner": "aws""#, r#""owner": "AWS""#).unwrap_err();
        assert!(e.location.starts_with("responsibility.json line "), "{e}");
    }

    #[test]
    fn links_must_be_http_or_https() {
        let e = broken(
            "https://aws.amazon.com/compliance/shared-responsibility-model/",
            "javascript:alert(1)",
        )
        .unwrap_err();
        assert_eq!(e.location, "sources[0].url");
        let tools = EMBEDDED_TOOLS.replacen(
            "https://github.com/aquasecurity/kube-bench",
            "mailto:x@example.com",
            1,
        );
        let e = Model::from_json(EMBEDDED_RESPONSIBILITY, &tools).unwrap_err();
        assert_eq!(e.location, "tools[0].url");
        assert!(is_web_url("http://example.com/a"));
        assert!(!is_web_url("https://"));
        assert!(!is_web_url("https://a b"));
        assert!(!is_web_url("data:text/html,x"));
    }

    #[test]
    fn a_tool_naming_an_unknown_variant_is_refused() {
        let tools = EMBEDDED_TOOLS.replacen(r#""eks-self-managed""#, r#""gke""#, 1);
        let e = Model::from_json(EMBEDDED_RESPONSIBILITY, &tools).unwrap_err();
        assert_eq!(e.location, "tools[0].variants[0]");
    }
}
