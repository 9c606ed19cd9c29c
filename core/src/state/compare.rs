//! Compare views: what a dataset is set against, and the comparison the table and the "what
//! changed" list show (an embedded revision against another, or the host's dataset against
//! what the user loaded before or a revision).

use crate::dataset::Dataset;
use crate::revisions::{self, Diff};
use std::rc::Rc;

/// What a host's dataset is compared with: the data the user loaded before it, or an embedded
/// revision; the labels name both in the "what changed" heading.
#[derive(Clone, Debug, PartialEq)]
pub struct Against {
    pub old_label: String,
    pub new_label: String,
    pub old: Rc<Dataset>,
}

/// A compare view: the older and newer revision ids, the diff and its summary lines.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    pub old_id: String,
    pub new_id: String,
    pub diff: Rc<Diff>,
    /// The two revisions compared (for the summary lines, in the user's words).
    pub old: Rc<Dataset>,
    pub new: Rc<Dataset>,
}

/// The host's dataset `now` against `a`: the dataset to show (now, with the rows gone since
/// appended) and the comparison.
pub(super) fn against(now: &Rc<Dataset>, a: &Against) -> (Rc<Dataset>, Comparison) {
    let diff = revisions::diff(&a.old, now);
    let merged = Rc::new(revisions::merged(&a.old, now, &diff));
    let comparison = Comparison {
        old: a.old.clone(),
        new: now.clone(),
        old_id: a.old_label.clone(),
        new_id: a.new_label.clone(),
        diff: Rc::new(diff),
    };
    (merged, comparison)
}
