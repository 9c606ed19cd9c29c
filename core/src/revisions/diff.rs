//! What changed between two datasets (programs and services matched by id), and the compare
//! view's dataset: the newer one with the removed rows kept.

use crate::dataset::{Cell, Dataset, Program};
use std::collections::HashMap;

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
    /// Where each program's row change and each changed cell is, by id: a table of the user's
    /// own data compared may have a million of them, looked up for every cell drawn.
    rows: HashMap<String, RowChange>,
    cells: HashMap<(String, String), usize>,
}

/// Positions by id: programs or services of a dataset.
fn positions<'a>(ids: impl Iterator<Item = &'a str>) -> HashMap<&'a str, usize> {
    ids.enumerate().map(|(i, id)| (id, i)).collect()
}

/// Compares two datasets.
pub fn diff(old: &Dataset, new: &Dataset) -> Diff {
    let mut d = Diff::default();
    let old_programs = positions(old.programs.iter().map(|p| p.id.as_str()));
    let new_programs = positions(new.programs.iter().map(|p| p.id.as_str()));
    let old_services = positions(old.services.iter().map(|s| s.id.as_str()));
    for p in &new.programs {
        let Some(&oi) = old_programs.get(p.id.as_str()) else {
            d.added.push(p.id.clone());
            continue;
        };
        let op = &old.programs[oi];
        if op.name != p.name {
            d.renamed
                .push((p.id.clone(), op.name.clone(), p.name.clone()));
        }
        for (si, s) in new.services.iter().enumerate() {
            let Some(&osi) = old_services.get(s.id.as_str()) else {
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
        .filter(|p| !new_programs.contains_key(p.id.as_str()))
        .map(|p| p.id.clone())
        .collect();
    let rows = d.added.iter().map(|id| (id.clone(), RowChange::Added));
    let gone = d.removed.iter().map(|id| (id.clone(), RowChange::Removed));
    d.rows = rows.chain(gone).collect();
    d.cells = d
        .changed
        .iter()
        .enumerate()
        .map(|(i, c)| ((c.program.clone(), c.service.clone()), i))
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
        self.rows.get(program).copied()
    }

    /// The old cell of a changed cell.
    pub fn old_cell(&self, program: &str, service: &str) -> Option<&Cell> {
        let i = self
            .cells
            .get(&(program.to_string(), service.to_string()))?;
        Some(&self.changed[*i].old)
    }

    /// How many changes there are (cells, rows added or removed, names).
    pub fn len(&self) -> usize {
        self.changed.len() + self.added.len() + self.removed.len() + self.renamed.len()
    }
}

/// The new dataset with the removed programs appended (their cells from the old dataset, by
/// service id; services the old one lacks are not stated), so a compare view shows every row.
pub fn merged(old: &Dataset, new: &Dataset, d: &Diff) -> Dataset {
    let mut out = new.clone();
    let old_programs = positions(old.programs.iter().map(|p| p.id.as_str()));
    let old_services = positions(old.services.iter().map(|s| s.id.as_str()));
    for id in &d.removed {
        let Some(&i) = old_programs.get(id.as_str()) else {
            continue;
        };
        let p = &old.programs[i];
        let cells = new
            .services
            .iter()
            .map(|s| {
                old_services
                    .get(s.id.as_str())
                    .map(|&oi| p.cells[oi].clone())
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
    use crate::revisions::find;
    use std::rc::Rc;

    fn rev(id: &str) -> Rc<Dataset> {
        find(id).unwrap().dataset
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
}
