//! Multi-key stable sort: keys, directions, header clicks.

use super::{coverage, Query};
use crate::dataset::Dataset;
use crate::stable_sort::sort_indices;
use std::cmp::Ordering;

/// Sort direction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Asc,
    Desc,
}

impl Direction {
    pub fn id(self) -> &'static str {
        match self {
            Direction::Asc => "asc",
            Direction::Desc => "desc",
        }
    }
}

/// What a sort key sorts by.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SortField {
    /// The program name, A → Z ascending.
    Program,
    /// In-scope count over the shown services (in-progress count breaks ties), fewest first ascending.
    Coverage,
    /// One service's status, in scope → in progress → not in scope → not stated ascending.
    Service(String),
}

impl SortField {
    /// The key as written in the `sort` attribute.
    pub fn id(&self) -> &str {
        match self {
            SortField::Program => "program",
            SortField::Coverage => "coverage",
            SortField::Service(s) => s,
        }
    }
}

/// One key of a multi-key sort.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SortKey {
    pub field: SortField,
    pub dir: Direction,
}

impl Query {
    /// Sorts rows by the keys in order; each key only breaks the previous keys' ties, and final
    /// ties keep seed order (the sort is stable and rows start in seed order).
    pub fn sort_rows(&self, ds: &Dataset, shown: &[usize], rows: &mut [usize]) {
        let seed_order = |a: usize, b: usize| a.cmp(&b);
        if self.sort.is_empty() {
            sort_indices(rows, &seed_order);
            return;
        }
        let keys: Vec<(ResolvedKey, Direction)> = self
            .sort
            .iter()
            .filter_map(|k| {
                let r = match &k.field {
                    SortField::Program => ResolvedKey::Program,
                    SortField::Coverage => ResolvedKey::Coverage,
                    SortField::Service(id) => ResolvedKey::Service(ds.service_index(id)?),
                };
                Some((r, k.dir))
            })
            .collect();
        let lower: Vec<String> = if keys.iter().any(|(k, _)| *k == ResolvedKey::Program) {
            ds.programs.iter().map(|p| p.name.to_lowercase()).collect()
        } else {
            Vec::new()
        };
        let cov: Vec<(usize, usize)> = if keys.iter().any(|(k, _)| *k == ResolvedKey::Coverage) {
            (0..ds.programs.len())
                .map(|i| coverage(ds, i, shown))
                .collect()
        } else {
            Vec::new()
        };
        sort_indices(rows, &seed_order);
        sort_indices(rows, &|a, b| {
            for (key, dir) in &keys {
                let ord = match key {
                    ResolvedKey::Program => lower[a]
                        .cmp(&lower[b])
                        .then_with(|| ds.programs[a].name.cmp(&ds.programs[b].name)),
                    ResolvedKey::Coverage => cov[a].cmp(&cov[b]),
                    ResolvedKey::Service(s) => ds.programs[a].cells[*s]
                        .status
                        .rank()
                        .cmp(&ds.programs[b].cells[*s].status.rank()),
                };
                let ord = if *dir == Direction::Desc {
                    ord.reverse()
                } else {
                    ord
                };
                if ord != Ordering::Equal {
                    return ord;
                }
            }
            Ordering::Equal
        });
    }

    /// The next sort after a header click: a plain click cycles that key ascending → descending →
    /// none and drops other keys; an additive (shift) click cycles it in place and keeps the rest.
    pub fn toggle_sort(&mut self, field: SortField, additive: bool) {
        let pos = self.sort.iter().position(|k| k.field == field);
        if additive {
            match pos {
                None => self.sort.push(SortKey {
                    field,
                    dir: Direction::Asc,
                }),
                Some(i) if self.sort[i].dir == Direction::Asc => self.sort[i].dir = Direction::Desc,
                Some(i) => {
                    self.sort.remove(i);
                }
            }
        } else {
            let current = pos.map(|i| self.sort[i].dir);
            let only = self.sort.len() == 1;
            self.sort = match (current, only) {
                (Some(Direction::Asc), true) => vec![SortKey {
                    field,
                    dir: Direction::Desc,
                }],
                (Some(Direction::Desc), true) => Vec::new(),
                _ => vec![SortKey {
                    field,
                    dir: Direction::Asc,
                }],
            };
        }
    }

    /// The direction of one field in the current sort, with its position (0 = primary).
    pub fn sort_of(&self, field: &SortField) -> Option<(usize, Direction)> {
        self.sort
            .iter()
            .position(|k| &k.field == field)
            .map(|i| (i, self.sort[i].dir))
    }

    /// The sort as the `sort` attribute writes it (`eks:asc,program:desc`).
    pub fn sort_string(&self) -> String {
        self.sort
            .iter()
            .map(|k| format!("{}:{}", k.field.id(), k.dir.id()))
            .collect::<Vec<_>>()
            .join(",")
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum ResolvedKey {
    Program,
    Coverage,
    Service(usize),
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::tests::{ids, run, seed, FARGATE_NOT_IN_SCOPE};

    #[test]
    fn sort_by_program_ascending_and_descending() {
        let (ds, _) = seed();
        let mut q = Query::default();
        q.toggle_sort(SortField::Program, false);
        let asc = run(&q);
        assert_eq!(asc[0], "c5");
        assert_eq!(asc[1], "dod-cc-srg");
        assert_eq!(asc[19], "soc-3");
        q.toggle_sort(SortField::Program, false);
        let desc = run(&q);
        let mut rev = asc.clone();
        rev.reverse();
        assert_eq!(desc, rev);
        q.toggle_sort(SortField::Program, false);
        assert!(q.sort.is_empty());
        assert_eq!(run(&q), ids(&ds, &(0..20).collect::<Vec<_>>()));
    }

    #[test]
    fn sorting_by_fargate_puts_not_in_scope_last_and_keeps_seed_order_in_ties() {
        let mut q = Query::default();
        q.toggle_sort(SortField::Service("fargate".into()), false);
        let rows = run(&q);
        // 12 in scope (seed order), then 8 not in scope (seed order).
        assert_eq!(&rows[..3], ["pci-dss-level-1", "hipaa-eligible", "soc-1"]);
        assert_eq!(&rows[9..12], ["irap", "hipaa-baa", "hitrust-csf"]);
        assert_eq!(&rows[12..], FARGATE_NOT_IN_SCOPE);
    }

    #[test]
    fn sort_by_eks_ranks_in_progress_between_in_scope_and_not() {
        let mut q = Query::default();
        q.toggle_sort(SortField::Service("eks".into()), false);
        let rows = run(&q);
        // 15 in scope, then FedRAMP Moderate and DOD CC SRG (in progress), then IRAP, FedRAMP High, OSPAR.
        assert_eq!(
            &rows[15..],
            [
                "fedramp-moderate",
                "dod-cc-srg",
                "irap",
                "fedramp-high",
                "ospar"
            ]
        );
    }

    #[test]
    fn coverage_desc_then_program_asc() {
        let q = Query {
            sort: vec![
                SortKey {
                    field: SortField::Coverage,
                    dir: Direction::Desc,
                },
                SortKey {
                    field: SortField::Program,
                    dir: Direction::Asc,
                },
            ],
            ..Query::default()
        };
        let rows = run(&q);
        // 4 in scope: 11 programs by name; 3: c5, ens-high, irap, k-isms, mtcs; 2 with one in
        // progress: dod-cc-srg, fedramp-moderate; 2 without: fedramp-high, ospar.
        assert_eq!(&rows[..2], ["hipaa-baa", "hipaa-eligible"]);
        assert_eq!(
            &rows[11..],
            [
                "c5",
                "ens-high",
                "irap",
                "k-isms",
                "mtcs",
                "dod-cc-srg",
                "fedramp-moderate",
                "fedramp-high",
                "ospar"
            ]
        );
    }

    #[test]
    fn shift_click_adds_a_secondary_key_and_cycles_it() {
        let mut q = Query::default();
        q.toggle_sort(SortField::Service("fargate".into()), false);
        q.toggle_sort(SortField::Program, true);
        assert_eq!(q.sort_string(), "fargate:asc,program:asc");
        q.toggle_sort(SortField::Program, true);
        assert_eq!(q.sort_string(), "fargate:asc,program:desc");
        q.toggle_sort(SortField::Program, true);
        assert_eq!(q.sort_string(), "fargate:asc");
        q.toggle_sort(SortField::Program, true);
        q.toggle_sort(SortField::Coverage, false);
        assert_eq!(q.sort_string(), "coverage:asc");
    }
}
