//! Dated snapshots of the upstream table and the diff between two of them.
//!
//! The five revisions of the EKS Best Practices Guide's compliance table come from
//! `data/revisions/` (Markdown as published, each with its source commit), read and validated at
//! build time and embedded packed (`dataset/embedded.rs`). The seed revision (2020-04-21) is the
//! curated `data/matrix.json` itself. Pure: no yew, web-sys or wasm-bindgen.

#[cfg(test)]
use crate::dataset::{from_markdown, ImportMeta, Link};
use crate::dataset::{Cell, Dataset, Program};
use std::rc::Rc;

/// The revision shown by default: the seed table.
pub const SEED_REVISION: &str = "2020-04-21";

/// The published tables (`data/revisions/`), read at build time: the widget embeds them read,
/// validated and packed (`dataset/embedded.rs`).
#[cfg(test)]
pub(crate) const FILES: [(&str, &str); 6] = [
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

/// The cells of a shown table that read otherwise in the latest revision: what a reader of an
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
        crate::order::sort_indices(&mut rows, &|a, b| a.cmp(&b));
        crate::order::sort_indices(&mut services, &|a, b| a.cmp(&b));
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

/// A published table as read from its file: its id, its source commit and its dataset (`None`
/// for the seed, which is the embedded matrix).
#[cfg(test)]
pub(crate) type Published = (&'static str, String, Option<Dataset>);

/// A published table with the seed's title, pointer to the latest status, warning and tag
/// source, which the tables themselves do not carry.
pub(crate) fn in_seed_context(mut ds: Dataset, seed: &Dataset) -> Dataset {
    ds.title = seed.title.clone();
    ds.latest = seed.latest.clone();
    ds.warning = seed.warning.clone();
    ds.tags_source = seed.tags_source.clone();
    ds
}

/// Each published table as read from its file: what `dataset/embedded.rs` packs.
#[cfg(test)]
pub(crate) fn read_files() -> Result<Vec<Published>, String> {
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

#[cfg(test)]
/// The commit named by the file's `<!-- source: … at commit <sha> (…) -->` comment.
fn source_commit(text: &str) -> Option<String> {
    let start = text.find("at commit ")? + "at commit ".len();
    let sha: String = text[start..]
        .chars()
        .take_while(|c| c.is_ascii_hexdigit())
        .collect();
    (sha.len() == 40).then_some(sha)
}

/// Whether a program row was added or removed between two revisions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RowChange {
    Added,
    Removed,
}

impl RowChange {
    /// The `data-diff` value.
    pub fn id(self) -> &'static str {
        match self {
            RowChange::Added => "added",
            RowChange::Removed => "removed",
        }
    }
}

/// One cell that differs (status or label).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CellChange {
    pub program: String,
    pub service: String,
    pub old: Cell,
    pub new: Cell,
}

/// What changed from one dataset to another, matched by program and service ids.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Diff {
    /// Program ids only in the new dataset, in its order.
    pub added: Vec<String>,
    /// Program ids only in the old dataset, in its order.
    pub removed: Vec<String>,
    /// Cells of programs and services in both, in the new dataset's order.
    pub changed: Vec<CellChange>,
    /// Programs in both whose name differs: (id, old name, new name).
    pub renamed: Vec<(String, String, String)>,
}

/// Compares two datasets.
pub fn diff(old: &Dataset, new: &Dataset) -> Diff {
    let mut d = Diff::default();
    for p in &new.programs {
        let Some(oi) = old.program_index(&p.id) else {
            d.added.push(p.id.clone());
            continue;
        };
        let op = &old.programs[oi];
        if op.name != p.name {
            d.renamed
                .push((p.id.clone(), op.name.clone(), p.name.clone()));
        }
        for (si, s) in new.services.iter().enumerate() {
            let Some(osi) = old.service_index(&s.id) else {
                continue;
            };
            if op.cells[osi] != p.cells[si] {
                d.changed.push(CellChange {
                    program: p.id.clone(),
                    service: s.id.clone(),
                    old: op.cells[osi].clone(),
                    new: p.cells[si].clone(),
                });
            }
        }
    }
    d.removed = old
        .programs
        .iter()
        .filter(|p| new.program_index(&p.id).is_none())
        .map(|p| p.id.clone())
        .collect();
    d
}

impl Diff {
    /// Whether nothing changed.
    pub fn is_empty(&self) -> bool {
        self.added.is_empty()
            && self.removed.is_empty()
            && self.changed.is_empty()
            && self.renamed.is_empty()
    }

    /// Whether a row was added or removed.
    pub fn row(&self, program: &str) -> Option<RowChange> {
        if self.added.iter().any(|p| p == program) {
            Some(RowChange::Added)
        } else if self.removed.iter().any(|p| p == program) {
            Some(RowChange::Removed)
        } else {
            None
        }
    }

    /// The old cell of a changed cell.
    pub fn old_cell(&self, program: &str, service: &str) -> Option<&Cell> {
        self.changed
            .iter()
            .find(|c| c.program == program && c.service == service)
            .map(|c| &c.old)
    }
}

/// The new dataset with the removed programs appended (their cells from the old dataset, by
/// service id; services the old one lacks are not stated), so a compare view shows every row.
pub fn merged(old: &Dataset, new: &Dataset, d: &Diff) -> Dataset {
    let mut out = new.clone();
    for id in &d.removed {
        let Some(i) = old.program_index(id) else {
            continue;
        };
        let p = &old.programs[i];
        let cells = new
            .services
            .iter()
            .map(|s| {
                old.service_index(&s.id)
                    .map(|oi| p.cells[oi].clone())
                    .unwrap_or(Cell::of(crate::dataset::Status::Unknown))
            })
            .collect();
        out.programs.push(Program { cells, ..p.clone() });
    }
    out
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
        let meta = ImportMeta::default();
        let md = from_markdown(FILES[1].1, &meta).unwrap();
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
    fn seed_to_latest_changes_five_eks_cells() {
        let (old, new) = (rev("2020-04-21"), rev("2021-04-24"));
        let d = diff(&old, &new);
        assert!(d.added.is_empty() && d.removed.is_empty());
        let eks: Vec<&str> = d.changed.iter().map(|c| c.program.as_str()).collect();
        assert_eq!(
            eks,
            [
                "irap",
                "fedramp-moderate",
                "fedramp-high",
                "dod-cc-srg",
                "ospar"
            ]
        );
        assert!(d.changed.iter().all(|c| c.service == "eks"));
        assert_eq!(
            d.old_cell("irap", "eks").unwrap().status,
            Status::NotInScope
        );
        assert_eq!(d.old_cell("irap", "ecs"), None);
    }

    #[test]
    fn oldest_to_seed_adds_five_programs_removes_the_odd_rows_and_changes_thirteen_cells() {
        let (old, new) = (rev("2020-03-25"), rev("2020-04-21"));
        let d = diff(&old, &new);
        assert_eq!(
            d.added,
            [
                "fedramp-moderate",
                "fedramp-high",
                "hipaa-baa",
                "ospar",
                "hitrust-csf"
            ]
        );
        assert_eq!(d.removed, ["fedramp", "jab-review"]);
        assert_eq!(d.changed.len(), 13);
        let ens: Vec<&CellChange> = d
            .changed
            .iter()
            .filter(|c| c.program == "ens-high")
            .collect();
        assert_eq!(ens.len(), 3);
        assert_eq!(ens[1].service, "fargate");
        assert_eq!(
            (ens[1].old.status, ens[1].new.status),
            (Status::InScope, Status::NotInScope)
        );
        let m = merged(&old, &new, &d);
        assert_eq!(m.programs.len(), 22);
        assert_eq!(m.programs[21].id, "jab-review");
        assert_eq!(d.row("jab-review"), Some(RowChange::Removed));
        assert_eq!(d.row("ospar"), Some(RowChange::Added));
    }

    #[test]
    fn seed_to_2020_04_24_changes_only_service_names() {
        let d = diff(&rev("2020-04-21"), &rev("2020-04-24"));
        assert!(d.is_empty(), "{d:?}");
    }

    #[test]
    fn a_relabelled_assessment_is_a_change() {
        let d = diff(&rev("2020-04-24"), &rev("2020-10-13"));
        let fed = d
            .changed
            .iter()
            .find(|c| c.program == "fedramp-moderate")
            .unwrap();
        assert_eq!(fed.old.label.as_deref(), Some("3PAO Assessment"));
        assert_eq!(fed.new.label.as_deref(), Some("JAB Review"));
        assert_eq!(d.changed.len(), 4);
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
            let meta = ImportMeta {
                as_of: ds.as_of.clone(),
                source: ds.source.clone(),
            };
            let from_json = Dataset::from_json(&view.to_json()).unwrap();
            assert_eq!(from_json, **ds, "{}", r.id);
            for back in [
                from_csv(&view.to_csv(), &meta).unwrap(),
                from_markdown(&view.to_markdown(), &meta).unwrap(),
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
