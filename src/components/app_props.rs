//! The props of the root component [`App`](super::App): what the widget (`src/element/widget/`)
//! hands it, and the callbacks through which it reports back.

use crate::dataset::Dataset;
use crate::i18n::Strings;
use crate::options::Options;
use crate::state::{Against, AppState};
use crate::view_state::Remembered;
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// The app's state, in the one cell the widget and the app share: the app changes it (the
/// reducer), the widget reads it (`state`, `save()`, exports). `None` before the app's first
/// render.
pub type SharedState = Rc<RefCell<Option<AppState>>>;

/// Props of [`App`](super::App).
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
    /// Called with `serial` once its update is applied.
    #[prop_or_default]
    pub onapplied: Callback<u32>,
    /// Key prefix in `location.hash` for `sync-url` (the element's id, or `cm`).
    #[prop_or_default]
    pub namespace: String,
    /// What the user's view was (a move in the page, a restart, `restore()`), with a number that
    /// tells a new one from one already applied.
    #[prop_or_default]
    pub restore: Option<(u32, Rc<Remembered>)>,
    /// Where the app keeps its state.
    #[prop_or_default]
    pub state: SharedState,
    /// The page's dataset to show; `None` shows the embedded seed.
    #[prop_or_default]
    pub data: Option<Rc<Dataset>>,
    /// The page's data is not here and none was shown before: no rows. The URL it waits for
    /// (empty when it is not a `src`).
    #[prop_or_default]
    pub pending: Option<String>,
    /// A `src` is loading (its URL).
    #[prop_or_default]
    pub loading: Option<String>,
    /// A source is on its way (a `src`, or the dataset reader for `data`): `ready` waits.
    #[prop_or_default]
    pub waiting: bool,
    /// Why the page's latest data cannot be used (the previous data stays visible).
    #[prop_or_default]
    pub data_errors: Rc<Vec<String>>,
    /// The UI strings in the user's language (given to every component as context).
    #[prop_or_default]
    pub strings: Rc<Strings>,
    /// The language of the page's own data (`data`, `src`), if known; the embedded data is English.
    #[prop_or_default]
    pub data_lang: Option<AttrValue>,
    /// What was wrong with the page's `strings` (the rest of them apply).
    #[prop_or_default]
    pub string_errors: Rc<Vec<String>>,
    /// Called after every user change (the widget tells the page and remembers the view).
    #[prop_or_default]
    pub onchange: Callback<()>,
    /// Called once, after the first render that shows the widget's data or the error instead
    /// (a `src` has arrived or failed), with the diagram (it follows the table's first paint).
    #[prop_or_default]
    pub onready: Callback<()>,
    /// Which mount this is (see [`crate::platform::enter`]).
    #[prop_or_default]
    pub mount_id: u32,
    /// The data shown is the user's own, brought by them.
    #[prop_or_default]
    pub brought: Option<Rc<Brought>>,
    /// Why what the user last brought cannot be shown; what is being read meanwhile (its name,
    /// empty for a pasted table).
    #[prop_or_default]
    pub brought_error: Option<String>,
    #[prop_or_default]
    pub reading: Option<String>,
    /// What the user's data is compared with (the pick, and the comparison), and what it can be
    /// compared with (value, label).
    #[prop_or_default]
    pub brought_compare: Option<String>,
    #[prop_or_default]
    pub against: Option<Rc<Against>>,
    #[prop_or_default]
    pub brought_choices: Rc<Vec<(String, String)>>,
    /// The user picks what their data is compared with.
    #[prop_or_default]
    pub oncomparebrought: Callback<Option<String>>,
    /// The user brought data (a file, a pasted table): the widget reads it.
    #[prop_or_default]
    pub onbring: Callback<Bring>,
    /// The user goes back to the page's data.
    #[prop_or_default]
    pub onrestoredata: Callback<()>,
    /// The page runs right to left where the element is (`direction: rtl`, read by the element
    /// at each render): the diagram's columns and the arrow keys and buttons follow.
    #[prop_or_default]
    pub rtl: bool,
}

/// Data the user brought, as the widget shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct Brought {
    /// The file's name; empty for a pasted table.
    pub name: String,
    /// When it was loaded (YYYY-MM-DD and HH:MM, by the user's clock).
    pub date: String,
    pub time: String,
    pub data: Rc<Dataset>,
}

/// What the user gave the widget to read.
pub enum Bring {
    /// A dropped or chosen file.
    File(web_sys::File),
    /// A pasted table: the clipboard's HTML and its plain text (either may be empty), left as
    /// JavaScript strings until they are measured.
    Paste {
        html: js_sys::JsString,
        text: js_sys::JsString,
    },
}
