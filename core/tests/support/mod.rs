//! What the data checks share: the files they read, read as plain values (serde_json::Value),
//! not through the widget's parsers, so the checks hold whatever the Rust readers do with the
//! data; and the responsibility model's look-ups by id.
// Each test file compiles this module on its own and uses only part of it.
#![allow(dead_code)]

use serde_json::Value;

pub const RESPONSIBILITY: &str = include_str!("../../../data/responsibility.json");
pub const MATRIX: &str = include_str!("../../../data/matrix.json");

/// The date of the December 2026 data review: every source of the model and the tools was read
/// then.
pub const READ_NOW: &str = "2026-12-01";

pub fn json(text: &str) -> Value {
    serde_json::from_str(text).expect("valid JSON")
}

pub fn strs(v: &Value) -> Vec<&str> {
    v.as_array()
        .unwrap_or_else(|| panic!("not an array: {v}"))
        .iter()
        .map(|s| s.as_str().expect("a string"))
        .collect()
}

pub struct Model(pub Value);

impl Model {
    pub fn load() -> Model {
        Model(json(RESPONSIBILITY))
    }

    pub fn variant(&self, id: &str) -> &Value {
        self.0["variants"]
            .as_array()
            .unwrap()
            .iter()
            .find(|v| v["id"] == id)
            .unwrap_or_else(|| panic!("no variant {id}"))
    }

    pub fn cell(&self, variant: &str, layer: &str) -> &Value {
        self.variant(variant)["cells"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["layer"] == layer)
            .unwrap_or_else(|| panic!("no cell {variant}/{layer}"))
    }

    pub fn source(&self, id: &str) -> &Value {
        self.0["sources"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["id"] == id)
            .unwrap_or_else(|| panic!("no source {id}"))
    }

    pub fn owner(&self, variant: &str, layer: &str) -> &str {
        self.cell(variant, layer)["owner"].as_str().unwrap()
    }

    pub fn explanation(&self, variant: &str, layer: &str) -> &str {
        self.cell(variant, layer)["explanation"].as_str().unwrap()
    }

    /// The cited source's id and URL.
    pub fn cited(&self, variant: &str, layer: &str) -> (&str, &str) {
        let id = self.cell(variant, layer)["source"].as_str().unwrap();
        (id, self.source(id)["url"].as_str().unwrap())
    }

    pub fn see_also(&self, variant: &str, layer: &str) -> Vec<&str> {
        match &self.cell(variant, layer)["see_also"] {
            Value::Null => Vec::new(),
            v => strs(v),
        }
    }

    pub fn variants(&self) -> &Vec<Value> {
        self.0["variants"].as_array().unwrap()
    }
}

/// Asserts that `text` contains every one of `words` (case-insensitive), naming the cell.
pub fn mentions(what: &str, text: &str, words: &[&str]) {
    let lower = text.to_lowercase();
    for w in words {
        assert!(
            lower.contains(&w.to_lowercase()),
            "{what} should mention '{w}': {text}"
        );
    }
}
