//! Dated snapshots of the upstream table and the diff between two of them.
//!
//! The five revisions of the EKS Best Practices Guide's compliance table come from
//! `data/revisions/` (Markdown as published, each with its source commit), read and validated at
//! build time and embedded packed (`dataset/embedded.rs`). The seed revision (2020-04-21) is the
//! curated `data/matrix.json` itself. Pure: no yew, web-sys or wasm-bindgen.

mod diff;

pub use diff::{diff, merged, CellChange, Diff, RowChange};

use crate::dataset::{Cell, Dataset};
use std::rc::Rc;

/// The revision shown by default: the seed table.
pub const SEED_REVISION: &str = "2020-04-21";

/// Notes on how odd rows of a revision were read; shown with that revision.
const NOTES: [(&str, &str); 2] = [
    (
        "2020-03-25",
        "In this revision the row “FedRAMP” has four empty cells: it heads the row “JAB Review” below it. Both rows are kept as published: “FedRAMP” with four cells not stated, and “JAB Review” as a program of its own (its Fargate cell reads “JAB Review”, its ECR cell is empty).",
    ),
    (
        "2020-03-25",
        "This revision names the Fargate column “AWS Fargate”; it is the same column as “ECS Fargate” later.",
    ),
];

/// One dated snapshot.
#[derive(Clone, Debug, PartialEq)]
pub struct Revision {
    /// The date, `YYYY-MM-DD`.
    pub id: String,
    /// The upstream commit the table was taken from.
    pub commit: String,
    pub dataset: Rc<Dataset>,
    /// How odd rows were read (empty for most revisions).
    pub notes: Vec<String>,
}

/// Every embedded revision, oldest first, parsed once per thread.
pub fn all() -> Rc<Vec<Revision>> {
    thread_local! {
        static ALL: Rc<Vec<Revision>> = Rc::new(load().expect("data/revisions are valid (checked by tests)"));
    }
    ALL.with(Rc::clone)
}

/// A revision by id; `latest` is the newest.
pub fn find(id: &str) -> Option<Revision> {
    let all = all();
    if id == "latest" {
        return all.last().cloned();
    }
    all.iter().find(|r| r.id == id).cloned()
}

/// The cells of a shown table that read otherwise in the latest revision: what a user of an
/// older revision must know is out of date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Supersession {
    /// The latest revision's id.
    pub latest: String,
    /// (program index, service index) in the shown dataset → the latest cell, sorted.
    pub cells: Vec<((usize, usize), Cell)>,
}

impl Supersession {
    /// The latest cell of a shown cell that changed later, if it did.
    pub fn of(&self, program: usize, service: usize) -> Option<&Cell> {
        self.cells
            .binary_search_by_key(&(program, service), |(k, _)| *k)
            .ok()
            .map(|i| &self.cells[i].1)
    }

    /// How many of the given rows' cells in the given columns changed later.
    pub fn count(&self, rows: &[usize], services: &[usize]) -> usize {
        let (mut rows, mut services) = (rows.to_vec(), services.to_vec());
        crate::stable_sort::sort_indices(&mut rows, &|a, b| a.cmp(&b));
        crate::stable_sort::sort_indices(&mut services, &|a, b| a.cmp(&b));
        self.cells
            .iter()
            .filter(|((p, s), _)| {
                rows.binary_search(p).is_ok() && services.binary_search(s).is_ok()
            })
            .count()
    }
}

/// Compares a shown table with the latest revision, cell by cell (a cell differs when its status
/// or its source label does), matching programs and services by id; `None` when nothing differs.
pub fn superseded(shown: &Dataset, latest: &Revision) -> Option<Supersession> {
    let new = &latest.dataset;
    let mut cells = Vec::new();
    for (p, prog) in shown.programs.iter().enumerate() {
        let Some(np) = new.program_index(&prog.id) else {
            continue;
        };
        for (s, svc) in shown.services.iter().enumerate() {
            let Some(ns) = new.service_index(&svc.id) else {
                continue;
            };
            let later = &new.programs[np].cells[ns];
            if *later != prog.cells[s] {
                cells.push(((p, s), later.clone()));
            }
        }
    }
    (!cells.is_empty()).then(|| Supersession {
        latest: latest.id.clone(),
        cells,
    })
}

/// The ids, oldest first.
pub fn ids() -> Vec<String> {
    all().iter().map(|r| r.id.clone()).collect()
}

/// The embedded revisions: each as packed at build time, the seed's being the embedded matrix.
fn load() -> Result<Vec<Revision>, String> {
    let seed = Dataset::embedded();
    crate::dataset::embedded::REVISIONS
        .iter()
        .map(|(id, commit, packed)| {
            let dataset = if packed.is_empty() {
                seed.clone()
            } else {
                Rc::new(in_seed_context(
                    crate::dataset::packed::decode(packed)?,
                    &seed,
                ))
            };
            Ok(Revision {
                id: id.to_string(),
                commit: commit.to_string(),
                dataset,
                notes: NOTES
                    .iter()
                    .filter(|(r, _)| r == id)
                    .map(|(_, n)| n.to_string())
                    .collect(),
            })
        })
        .collect()
}

/// A published table with the seed's title, pointer to the latest status, warning and tag
/// source, which the tables themselves do not carry.
pub fn in_seed_context(mut ds: Dataset, seed: &Dataset) -> Dataset {
    ds.title = seed.title.clone();
    ds.latest = seed.latest.clone();
    ds.warning = seed.warning.clone();
    ds.tags_source = seed.tags_source.clone();
    ds
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::Status;

    fn rev(id: &str) -> Rc<Dataset> {
        find(id).unwrap().dataset
    }

    #[test]
    fn the_seed_has_five_eks_cells_the_latest_revision_supersedes() {
        let seed = rev("2020-04-21");
        let sup = superseded(&seed, &find("latest").unwrap()).unwrap();
        assert_eq!(sup.latest, "2021-04-24");
        let eks = seed.service_index("eks").unwrap();
        let got: Vec<(&str, &str, Status, Option<&str>)> = sup
            .cells
            .iter()
            .map(|((p, s), c)| {
                assert_eq!(*s, eks);
                (
                    seed.programs[*p].id.as_str(),
                    seed.programs[*p].cells[*s].status.id(),
                    c.status,
                    c.label.as_deref(),
                )
            })
            .collect();
        // The review of 2026-12 (../shared/data/review-2026-12.md), "Presentation".
        assert_eq!(
            got,
            [
                ("irap", "not-in-scope", Status::InScope, None),
                ("fedramp-moderate", "in-progress", Status::InScope, None),
                ("fedramp-high", "not-in-scope", Status::InScope, None),
                (
                    "dod-cc-srg",
                    "in-progress",
                    Status::InProgress,
                    Some("DISA Review (IL5)")
                ),
                ("ospar", "not-in-scope", Status::InScope, None),
            ]
        );
        let irap = seed.program_index("irap").unwrap();
        assert_eq!(sup.of(irap, eks).unwrap().status, Status::InScope);
        assert_eq!(sup.of(irap, 0), None);
        assert_eq!(sup.count(&[irap], &[eks]), 1);
        assert_eq!(sup.count(&[irap], &[0, 2, 3]), 0);
        // The latest revision supersedes nothing.
        assert!(superseded(&rev("2021-04-24"), &find("latest").unwrap()).is_none());
    }

    #[test]
    fn six_revisions_oldest_first_with_their_commits() {
        let all = all();
        let ids: Vec<&str> = all.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "2020-03-25",
                "2020-04-21",
                "2020-04-24",
                "2020-10-06",
                "2020-10-13",
                "2021-04-24"
            ]
        );
        assert_eq!(all[5].commit, "7f47b16a505bec7494d326488aa5e0f12ec284cd");
        assert!(all[3].commit.starts_with("595975f"), "{}", all[3].commit);
        assert_eq!(find("latest").unwrap().id, "2021-04-24");
        assert!(all[4]
            .dataset
            .source
            .url
            .contains("7befa242f26e47bb25ba81670d0410a294e667da"));
    }

    #[test]
    fn the_seed_revision_is_the_embedded_matrix_and_equals_its_markdown() {
        let seed = rev(SEED_REVISION);
        assert_eq!(*seed, *Dataset::embedded());
        let meta = crate::dataset::ImportMeta::default();
        let md = crate::dataset::from_markdown(
            include_str!("../../../data/revisions/2020-04-21.md"),
            &meta,
        )
        .unwrap();
        for (a, b) in md.programs.iter().zip(&seed.programs) {
            assert_eq!((&a.id, &a.cells), (&b.id, &b.cells));
        }
    }

    #[test]
    fn the_oldest_revision_keeps_its_odd_rows() {
        let ds = rev("2020-03-25");
        assert_eq!(ds.programs.len(), 17);
        let fed = &ds.programs[ds.program_index("fedramp").unwrap()];
        assert!(fed.cells.iter().all(|c| c.status == Status::Unknown));
        let jab = &ds.programs[ds.program_index("jab-review").unwrap()];
        assert_eq!(jab.cells[0].status, Status::NotInScope);
        assert_eq!(jab.cells[2].label.as_deref(), Some("JAB Review"));
        assert_eq!(jab.cells[3].status, Status::Unknown);
        assert_eq!(ds.services[2].id, "fargate");
        assert_eq!(find("2020-03-25").unwrap().notes.len(), 2);
        let dod = &ds.programs[ds.program_index("dod-cc-srg").unwrap()];
        assert_eq!(dod.cells[0].label.as_deref(), Some("JAB Review"));
    }

    #[test]
    fn every_revision_survives_csv_markdown_and_json() {
        use crate::dataset::from_csv;
        use crate::export::View;
        for r in all().iter() {
            let ds = &r.dataset;
            let rows: Vec<usize> = (0..ds.programs.len()).collect();
            let services: Vec<usize> = (0..ds.services.len()).collect();
            let view = View {
                dataset: ds,
                rows: &rows,
                services: &services,
            };
            let meta = crate::dataset::ImportMeta {
                as_of: ds.as_of.clone(),
                source: ds.source.clone(),
            };
            let from_json = Dataset::from_json(&view.to_json()).unwrap();
            assert_eq!(from_json, **ds, "{}", r.id);
            for back in [
                from_csv(&view.to_csv(), &meta).unwrap(),
                crate::dataset::from_markdown(&view.to_markdown(), &meta).unwrap(),
            ] {
                let ids: Vec<&str> = back.programs.iter().map(|p| p.id.as_str()).collect();
                let want: Vec<&str> = ds.programs.iter().map(|p| p.id.as_str()).collect();
                assert_eq!(ids, want, "{}", r.id);
                for (a, b) in back.programs.iter().zip(&ds.programs) {
                    assert_eq!(a.cells, b.cells, "{} {}", r.id, a.id);
                }
            }
        }
    }
}
