//! Search keys: each program's name and aliases as folded words, built by the first search.

use crate::dataset::Dataset;
use crate::text::words;
use std::cell::OnceCell;
use std::rc::Rc;

/// Search keys for every program of a dataset, computed on its first search (a dataset that is
/// only shown, like a long list's first paint, never pays for them) and then kept.
#[derive(Clone, Debug)]
pub struct SearchIndex {
    dataset: Rc<Dataset>,
    /// Per program: one word list for the name and one per alias.
    names: OnceCell<Vec<Vec<Vec<String>>>>,
}

impl PartialEq for SearchIndex {
    /// The same dataset has the same keys.
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.dataset, &other.dataset)
    }
}

impl SearchIndex {
    /// The index of `ds`; its keys are built when first needed.
    pub fn new(ds: &Rc<Dataset>) -> SearchIndex {
        SearchIndex {
            dataset: ds.clone(),
            names: OnceCell::new(),
        }
    }

    /// Normalises every name and alias of the dataset, once.
    fn names(&self) -> &[Vec<Vec<String>>] {
        self.names.get_or_init(|| {
            self.dataset
                .programs
                .iter()
                .map(|p| {
                    std::iter::once(&p.name)
                        .chain(&p.aliases)
                        .map(|n| words(n))
                        .collect()
                })
                .collect()
        })
    }

    /// Whether program `i` matches the query words: every query word starts a word of the name,
    /// or every one starts a word of the same alias ("iso 27" finds "ISO 27001:2013").
    pub fn matches(&self, i: usize, query: &[String]) -> bool {
        query.is_empty()
            || self.names()[i].iter().any(|name| {
                query
                    .iter()
                    .all(|q| name.iter().any(|w| w.starts_with(q.as_str())))
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::tests::seed;

    /// The keys are built by the first search, not by showing the dataset.
    #[test]
    fn search_keys_are_built_by_the_first_search() {
        let (_, ix) = seed();
        assert!(ix.matches(0, &[]));
        assert!(ix.names.get().is_none(), "no keys for an empty query");
        let pci = words("pci");
        let hits: Vec<usize> = (0..20).filter(|&i| ix.matches(i, &pci)).collect();
        assert_eq!(ix.names.get().map(Vec::len), Some(20));
        assert_eq!(hits.len(), 1);
        assert_eq!(
            ix,
            SearchIndex::new(&ix.dataset),
            "the same dataset, the same index"
        );
    }
}
