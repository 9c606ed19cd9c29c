//! Datasets elements loaded from `src`, and what their users brought, kept from their unmount to
//! their next mount (a move in the page), so a moved element shows them again without fetching
//! them again, and its user keeps their data and the way back to the page's.

use super::sources::UserData;
use crate::dataset::Dataset;
use std::cell::RefCell;
use std::rc::Rc;
use web_sys::Element;

/// How many elements' loaded datasets are kept across a move in the page.
const KEPT_LOADS: usize = 16;

thread_local! {
    static KEPT: RefCell<Vec<(Element, String, Rc<Dataset>)>> = const { RefCell::new(Vec::new()) };
    static BROUGHT: RefCell<Vec<(Element, UserData)>> = const { RefCell::new(Vec::new()) };
}

/// Keeps what `target` loaded from `url` (the oldest kept is dropped past the limit).
pub fn keep(target: &Element, url: String, ds: Rc<Dataset>) {
    KEPT.with(|k| {
        let mut k = k.borrow_mut();
        k.retain(|(t, _, _)| t != target);
        if k.len() >= KEPT_LOADS {
            k.remove(0);
        }
        k.push((target.clone(), url, ds));
    });
}

/// What `target` loaded from `url` before it was moved, if it is kept.
pub fn take(target: &Element, url: &str) -> Option<Rc<Dataset>> {
    KEPT.with(|k| {
        let mut k = k.borrow_mut();
        let i = k.iter().position(|(t, u, _)| t == target && u == url)?;
        Some(k.remove(i).2)
    })
}

/// Keeps what `target`'s user brought, and what they compared it with (the oldest kept is
/// dropped past the limit).
pub fn keep_brought(target: &Element, brought: UserData) {
    BROUGHT.with(|k| {
        let mut k = k.borrow_mut();
        k.retain(|(t, _)| t != target);
        if k.len() >= KEPT_LOADS {
            k.remove(0);
        }
        k.push((target.clone(), brought));
    });
}

/// What `target`'s user brought before it was moved, if it is kept.
pub fn take_brought(target: &Element) -> Option<UserData> {
    BROUGHT.with(|k| {
        let mut k = k.borrow_mut();
        let i = k.iter().position(|(t, _)| t == target)?;
        Some(k.remove(i).1)
    })
}
