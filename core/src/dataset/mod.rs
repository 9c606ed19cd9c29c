//! The compliance matrix as data: types and the embedded default (the seed
//! table of 2020-04-21). Reading (`json`, `csv`, `markdown`, `html`, `table`, `format`), the
//! field rules (`validate`) and the one error type (`error`) live in the submodules.

mod csv;
#[rustfmt::skip]
pub(crate) mod embedded;
mod error;
mod format;
mod html;
mod json;
mod json_text;
mod markdown;
pub mod packed;
mod page_table;
mod table;
pub mod validate;

pub use csv::from_csv;
pub use error::{DatasetError, Place, Value};
pub use format::{import, parse_any, Format};
pub use html::{from_html, MAX_TABLE_DEPTH};
pub use json::json_message;
pub use json_text::to_json_pretty;
pub use markdown::from_markdown;
pub use page_table::{check_cell_count, check_row_count, check_text_length, PageCell, PageTable};
pub use table::{service_id_for, ImportMeta};
pub use validate::safe_url;

use serde::{Deserialize, Serialize};
use std::rc::Rc;
/// Largest input any importer accepts (bytes). Bigger inputs are refused with an error.
pub const MAX_INPUT_BYTES: usize = 4 * 1024 * 1024;
/// Largest number of programs (rows) in one dataset.
pub const MAX_PROGRAMS: usize = 20_000;
/// Largest number of services (columns) in one dataset: AWS's page of services in scope names
/// about 140, so a page of every AWS service fits with room to grow.
pub const MAX_SERVICES: usize = 1_000;
/// Largest number of cells (programs × services) in one dataset: the old worst case (20,000
/// programs of 100 services), so a wider dataset cannot cost more than a long one did.
pub const MAX_CELLS: usize = 2_000_000;
/// Most services shown when no one chose which: a wider dataset shows its container services, or
/// its first twelve.
pub const MAX_DEFAULT_SERVICES: usize = 12;
/// Longest text accepted in any single field (characters).
pub const MAX_FIELD_CHARS: usize = 2_000;
/// Largest number of distinct values of one facet (`jurisdiction:…`) in one dataset: each is a
/// chip in the toolbar.
pub const MAX_FACET_VALUES: usize = 200;
/// Largest number of distinct facet tags in one dataset, over all facets.
pub const MAX_TAGS: usize = 1_000;

/// Whether a program covers a service.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// The service is in scope of the program (seed `1`).
    InScope,
    /// An assessment or review is under way (seed `3PAO Assessment`, `Undergoing assessment`, …).
    InProgress,
    /// The service is not in scope (seed `0`).
    NotInScope,
    /// The source says nothing (an empty cell).
    Unknown,
}

impl Status {
    /// Every status, in the order used for sorting and the legend (best first).
    pub const ALL: [Status; 4] = [
        Status::InScope,
        Status::InProgress,
        Status::NotInScope,
        Status::Unknown,
    ];

    /// The stable identifier used in attributes and `data-status`.
    pub fn id(self) -> &'static str {
        match self {
            Status::InScope => "in-scope",
            Status::InProgress => "in-progress",
            Status::NotInScope => "not-in-scope",
            Status::Unknown => "unknown",
        }
    }

    /// Parses a stable identifier (`in-scope`, …).
    pub fn from_id(id: &str) -> Option<Status> {
        match id {
            "in-scope" => Some(Status::InScope),
            "in-progress" => Some(Status::InProgress),
            "not-in-scope" => Some(Status::NotInScope),
            "unknown" => Some(Status::Unknown),
            _ => None,
        }
    }

    /// Human text shown next to the symbol.
    pub fn text(self) -> &'static str {
        match self {
            Status::InScope => "In scope",
            Status::InProgress => "In progress",
            Status::NotInScope => "Not in scope",
            Status::Unknown => "Not stated",
        }
    }

    /// The symbol shown with the text, so status never relies on colour.
    pub fn symbol(self) -> &'static str {
        match self {
            Status::InScope => "✓",
            Status::InProgress => "◐",
            Status::NotInScope => "✗",
            Status::Unknown => "?",
        }
    }

    /// Rank used for sorting: lower is better covered.
    pub fn rank(self) -> u8 {
        match self {
            Status::InScope => 0,
            Status::InProgress => 1,
            Status::NotInScope => 2,
            Status::Unknown => 3,
        }
    }
}

/// One status cell: the status, and the source's own words when they were not `1`/`0`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Cell {
    pub status: Status,
    /// The original label, e.g. `3PAO Assessment`.
    pub label: Option<String>,
}

impl Cell {
    /// A cell without a label.
    pub fn of(status: Status) -> Cell {
        Cell {
            status,
            label: None,
        }
    }

    /// Reads a cell the way people write them in tables: `1`/`0`, `yes`/`no`, ticks and crosses,
    /// empty for unknown; any other text is an assessment in progress and is kept as the label.
    pub fn from_text(text: &str) -> Cell {
        let t = text.trim();
        let lower = t.to_lowercase();
        match lower.as_str() {
            "" => Cell::of(Status::Unknown),
            "1" | "yes" | "y" | "true" | "✓" | "✔" | "✔️" | "✅" | "☑" | "☑️" | "x" => {
                Cell::of(Status::InScope)
            }
            "0" | "no" | "n" | "false" | "✗" | "✘" | "❌" | "-" | "–" | "—" => {
                Cell::of(Status::NotInScope)
            }
            "in-scope" | "in scope" => Cell::of(Status::InScope),
            "in-progress" | "in progress" => Cell::of(Status::InProgress),
            "not-in-scope" | "not in scope" => Cell::of(Status::NotInScope),
            "unknown" | "?" => Cell::of(Status::Unknown),
            _ => Cell {
                status: Status::InProgress,
                label: Some(t.to_string()),
            },
        }
    }
}

/// A link with a title.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Link {
    pub title: String,
    pub url: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A column of the matrix.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Service {
    pub id: String,
    pub name: String,
}

/// A row of the matrix.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Program {
    pub id: String,
    pub name: String,
    pub aliases: Vec<String>,
    /// Facet tags such as `jurisdiction:us` or `domain:health`.
    pub tags: Vec<String>,
    pub note: Option<String>,
    pub url: Option<String>,
    /// One cell per service, in the dataset's service order.
    pub cells: Vec<Cell>,
}

/// A whole matrix: what it covers, where it comes from, and its cells.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dataset {
    pub title: String,
    /// `YYYY-MM-DD`, or empty when the source does not say.
    pub as_of: String,
    pub source: Link,
    pub latest: Option<Link>,
    pub warning: Option<String>,
    pub tags_source: Option<Link>,
    pub services: Vec<Service>,
    pub programs: Vec<Program>,
}

impl Dataset {
    /// The embedded seed matrix (2020-04-21), read and validated at build time and unpacked once
    /// per thread (`core/tests/embedded_data.rs` checks it is `data/matrix.json`).
    pub fn embedded() -> Rc<Dataset> {
        thread_local! {
            static EMBEDDED: Rc<Dataset> = Rc::new(
                packed::decode(embedded::MATRIX)
                    .expect("dataset/embedded.rs is data/matrix.json (checked by tests)"),
            );
        }
        EMBEDDED.with(Rc::clone)
    }

    /// A dataset of these services and no programs, named by their ids: what checking a view
    /// state against a dataset's services needs.
    pub fn of_services(ids: &[String]) -> Dataset {
        Dataset {
            title: String::new(),
            as_of: String::new(),
            source: Link {
                title: String::new(),
                url: String::new(),
                note: None,
            },
            latest: None,
            warning: None,
            tags_source: None,
            services: ids
                .iter()
                .map(|id| Service {
                    id: id.clone(),
                    name: id.clone(),
                })
                .collect(),
            programs: Vec::new(),
        }
    }

    /// The services shown when no one chose: all of a dataset of at most [`MAX_DEFAULT_SERVICES`];
    /// of a wider one (a page of every AWS service), the container services it has, in its
    /// order, else its first [`MAX_DEFAULT_SERVICES`]. The Columns menu offers the rest.
    pub fn default_services(&self) -> Vec<usize> {
        let n = self.services.len();
        if n <= MAX_DEFAULT_SERVICES {
            return (0..n).collect();
        }
        let known: Vec<usize> = (0..n)
            .filter(|&i| table::KNOWN_IDS.contains(&self.services[i].id.as_str()))
            .collect();
        if known.is_empty() {
            (0..MAX_DEFAULT_SERVICES).collect()
        } else {
            known
        }
    }

    /// The position of a service id.
    pub fn service_index(&self, id: &str) -> Option<usize> {
        self.services.iter().position(|s| s.id == id)
    }

    /// The position of a program id.
    pub fn program_index(&self, id: &str) -> Option<usize> {
        self.programs.iter().position(|p| p.id == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_matrix_is_the_seed_shape() {
        let ds = Dataset::embedded();
        assert_eq!(ds.programs.len(), 20);
        let ids: Vec<&str> = ds.services.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["ecs", "eks", "fargate", "ecr"]);
        let names: Vec<&str> = ds.services.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(
            names,
            ["Amazon ECS", "Amazon EKS", "ECS Fargate", "Amazon ECR"]
        );
        assert_eq!(ds.as_of, "2020-04-21");
        assert!(ds
            .warning
            .as_deref()
            .unwrap()
            .starts_with("Compliance status changes over time"));
        assert_eq!(
            ds.latest.as_ref().unwrap().url,
            "https://aws.amazon.com/compliance/services-in-scope/"
        );
    }

    #[test]
    fn embedded_labels_keep_the_source_words() {
        let ds = Dataset::embedded();
        let fed = &ds.programs[ds.program_index("fedramp-moderate").unwrap()];
        assert_eq!(fed.cells[1].status, Status::InProgress);
        assert_eq!(fed.cells[1].label.as_deref(), Some("3PAO Assessment"));
        let dod = &ds.programs[ds.program_index("dod-cc-srg").unwrap()];
        assert_eq!(dod.cells[1].label.as_deref(), Some("Undergoing assessment"));
    }

    #[test]
    fn every_program_has_a_jurisdiction_and_a_domain() {
        for p in &Dataset::embedded().programs {
            assert!(
                p.tags.iter().any(|t| t.starts_with("jurisdiction:")),
                "{}",
                p.id
            );
            assert!(p.tags.iter().any(|t| t.starts_with("domain:")), "{}", p.id);
        }
    }

    #[test]
    fn cell_text_vocabulary() {
        assert_eq!(Cell::from_text(" 1 ").status, Status::InScope);
        assert_eq!(Cell::from_text("yes").status, Status::InScope);
        assert_eq!(Cell::from_text("✔").status, Status::InScope);
        assert_eq!(Cell::from_text("0").status, Status::NotInScope);
        assert_eq!(Cell::from_text("✗").status, Status::NotInScope);
        assert_eq!(Cell::from_text("No").status, Status::NotInScope);
        assert_eq!(Cell::from_text("\t").status, Status::Unknown);
        let c = Cell::from_text("DISA Review (IL5)");
        assert_eq!(c.status, Status::InProgress);
        assert_eq!(c.label.as_deref(), Some("DISA Review (IL5)"));
    }

    /// A page of every AWS service shows the container services it has; a wide dataset without
    /// them its first twelve; a narrow one all.
    #[test]
    fn a_wide_dataset_shows_its_container_services_else_its_first_twelve() {
        let of = |ids: Vec<String>| Dataset::of_services(&ids);
        let four = of(["ecs", "eks", "fargate", "ecr"].map(String::from).to_vec());
        assert_eq!(four.default_services(), [0, 1, 2, 3]);
        let mut wide: Vec<String> = (0..31).map(|i| format!("s{i}")).collect();
        wide[5] = "eks".into();
        wide[20] = "ecs".into();
        assert_eq!(of(wide.clone()).default_services(), [5, 20]);
        wide[5] = "s5".into();
        wide[20] = "s20".into();
        assert_eq!(of(wide).default_services(), (0..12).collect::<Vec<_>>());
    }
}
