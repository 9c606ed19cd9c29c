//! The props of the root component [`App`](super::App): what the element boundary
//! (`src/element`) hands it, and the callbacks through which it reports back.

use crate::dataset::Dataset;
use crate::i18n::Strings;
use crate::options::{Opt, Options};
use crate::state::{AppState, Snapshot};
use crate::view_state::ViewState;
use std::rc::Rc;
use yew::prelude::*;

/// A dataset loaded from a URL, with that URL.
pub type Loaded = Rc<(String, Rc<Dataset>)>;

/// Props of [`App`].
#[derive(Properties, PartialEq, Clone)]
pub struct AppProps {
    /// Every option the page has set so far.
    pub options: Rc<Options>,
    /// The options of the page's latest update (applied even when a value is the same again).
    #[prop_or_default]
    pub update: Rc<Options>,
    /// Counts the page's updates: a new number applies `update` (every option set since the
    /// last update this app applied: renders may skip props in between).
    #[prop_or_default]
    pub serial: u32,
    /// A dataset this element loaded from a URL before it was moved in the page: used instead of
    /// fetching that URL again.
    #[prop_or_default]
    pub loaded: Option<Loaded>,
    /// Called with the dataset loaded from `src` and its URL (`None` when there is none).
    #[prop_or_default]
    pub onloaded: Callback<Option<Loaded>>,
    /// Called with `serial` once its update is applied.
    #[prop_or_default]
    pub onapplied: Callback<u32>,
    /// Key prefix in `location.hash` for `sync-url` (the element's id, or `cm`).
    #[prop_or_default]
    pub namespace: String,
    /// A view state to restore (`restore()`, or what the reader did before a move or restart):
    /// a number that tells a new request from one already applied, the state, and the fields
    /// it gives (the others stay as they are).
    #[prop_or_default]
    pub restore: Option<(u32, Rc<ViewState>, Rc<Vec<Opt>>)>,
    /// The dataset to show; `None` shows the embedded seed.
    #[prop_or_default]
    pub data: Option<Rc<Dataset>>,
    /// Why the latest data could not be used (the previous data stays visible).
    #[prop_or_default]
    pub data_error: Option<String>,
    /// The UI strings in the reader's language (given to every component as context).
    #[prop_or_default]
    pub strings: Rc<Strings>,
    /// The language of the page's own data (`data`, `src`), if known; the embedded data is English.
    #[prop_or_default]
    pub data_lang: Option<AttrValue>,
    /// What was wrong with the page's `strings` (the rest of them apply).
    #[prop_or_default]
    pub string_errors: Rc<Vec<String>>,
    /// Called with the new state after every user change.
    #[prop_or_default]
    pub onchange: Callback<Snapshot>,
    /// Called with the latest state after every change, for the element (`state`, `save()`,
    /// exports).
    #[prop_or_default]
    pub onpublish: Callback<AppState>,
    /// Called when data (`src`) cannot be used, with the message shown in the widget.
    #[prop_or_default]
    pub onerror: Callback<String>,
    #[prop_or_default]
    /// Called once, after the first render that shows the widget's data or the error instead
    /// (a `src` has arrived or failed), with the diagram (it follows the table's first paint).
    pub onready: Callback<()>,
    /// Which mount this is (see [`platform::enter`]).
    #[prop_or_default]
    pub generation: u32,
    /// The page runs right to left where the element is (`direction: rtl`, read by the element
    /// at each render): the diagram's columns and the arrow keys and buttons follow.
    #[prop_or_default]
    pub rtl: bool,
}
