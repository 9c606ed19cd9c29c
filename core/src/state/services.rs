//! The service columns as the toolbar offers them: shown ones in display order, hidden ones
//! where they would come back.

use super::AppState;

/// A service column as the toolbar offers it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ServiceChoice {
    pub id: String,
    pub name: String,
    pub shown: bool,
}

/// Service columns for the toolbar, in display order; a hidden service sits where it would come
/// back (before the first shown service that follows it in the dataset), so toggling a column
/// never moves items under the user's focus.
pub fn service_choices(s: &AppState, shown: &[usize]) -> Vec<ServiceChoice> {
    let ds = &s.dataset;
    let choice = |i: usize, shown: bool| ServiceChoice {
        id: ds.services[i].id.clone(),
        name: ds.services[i].name.clone(),
        shown,
    };
    let mut out: Vec<ServiceChoice> = Vec::new();
    let hidden: Vec<usize> = (0..ds.services.len())
        .filter(|i| !shown.contains(i))
        .collect();
    let mut placed = vec![false; hidden.len()];
    for &v in shown {
        for (k, &h) in hidden.iter().enumerate() {
            if !placed[k] && h < v {
                out.push(choice(h, false));
                placed[k] = true;
            }
        }
        out.push(choice(v, true));
    }
    for (k, &h) in hidden.iter().enumerate() {
        if !placed[k] {
            out.push(choice(h, false));
        }
    }
    out
}
