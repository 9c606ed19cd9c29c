//! Where a widget's data comes from, and what it shows meanwhile. The page gives it one of: the
//! `data` property, a `src`, a `<table>` inside the element — else the widget shows the embedded
//! matrix. On top of these, the user may bring data of their own (a dropped, pasted or chosen
//! file): shown to them in place of the page's until they go back to it. Each is read by the dataset reader (the second wasm); while one loads, or after it
//! failed, the widget shows the page's previous data if it showed any, otherwise no rows (never
//! the embedded matrix as if it were the page's).

use crate::components::Brought;
use crate::dataset::{Dataset, DatasetError};
use crate::i18n::Strings;
use std::rc::Rc;

/// What one source has given.
#[derive(Clone, Debug, PartialEq)]
pub enum Slot {
    /// It is on its way (a `src` request, or the reader loading).
    Waiting,
    Read(Rc<Dataset>),
    /// Why it cannot be used.
    Failed(Failure),
}

/// Why a source cannot be used: a dataset's error (said in the language the widget speaks when
/// it is shown), or a message already said (a request's, in the language of its time).
#[derive(Clone, Debug, PartialEq)]
pub enum Failure {
    Data(DatasetError),
    Said(String),
}

impl Failure {
    pub fn text(&self, t: &Strings) -> String {
        match self {
            Failure::Data(e) => e.text(t),
            Failure::Said(m) => m.clone(),
        }
    }
}

impl From<DatasetError> for Failure {
    fn from(e: DatasetError) -> Failure {
        Failure::Data(e)
    }
}

/// A `src` and its request.
pub struct Src {
    /// The absolute URL.
    pub url: String,
    pub slot: Slot,
    /// Numbers the requests, so a late answer to an earlier one is ignored.
    pub request: u32,
    /// The request in flight: replaced (and so aborted) by the next, dropped (and so aborted)
    /// with the widget.
    pub fetch: Option<crate::platform::Request>,
}

/// Which source the widget shows, by the documented order (data, src, table, embedded).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Active {
    Data,
    Src,
    Table,
    Embedded,
}

/// What the widget shows of its sources.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Shown {
    /// The page's dataset to show; `None`: the embedded matrix.
    pub data: Option<Rc<Dataset>>,
    /// The page's data is not here and none was shown before: no rows (the URL it waits for, or
    /// empty).
    pub pending: Option<String>,
    /// A `src` is loading (its URL).
    pub loading: Option<String>,
    /// The data shown is not the last word: a source is on its way (`ready` waits for it).
    pub waiting: bool,
    /// Why the page's latest data cannot be used (the previous, if any, stays shown).
    pub errors: Vec<String>,
    /// The data shown is the user's own.
    pub brought: Option<Rc<Brought>>,
    /// Why what the user last brought cannot be shown (the page's data is not at fault).
    pub brought_error: Option<String>,
    /// What the user brought is being read (its name; empty for a pasted table).
    pub reading: Option<String>,
}

/// What the user brought, and what became of it.
#[derive(Clone, Debug, Default)]
pub struct UserData {
    /// Shown in place of the page's data.
    pub shown: Option<Rc<Brought>>,
    /// What they brought before it, which the compare view can set it against (kept when they go
    /// back to the page's data, for the next comparison).
    pub before: Option<Rc<Brought>>,
    /// What the data shown is compared with: [`BEFORE`], or an embedded revision's id; and the
    /// comparison, made when it was picked.
    pub compare: Option<String>,
    pub against: Option<Rc<crate::state::Against>>,
    /// Why what they last brought cannot be shown.
    pub error: Option<String>,
    /// The name of what is being read.
    pub reading: Option<String>,
    /// Counts the reads: one that ends after a later one started is dropped.
    pub reads: u32,
}

/// The compare pick of what the user brought before.
pub const BEFORE: &str = "before";

/// The widget's sources.
#[derive(Default)]
pub struct Sources {
    /// The `data` property, once given.
    pub data: Option<Slot>,
    pub src: Option<Src>,
    /// The child table (when neither `data` nor `src` is given), once found.
    pub table: Option<Slot>,
    /// What this widget last showed (the page's dataset, or `None`: the embedded one): it stays
    /// while new data loads or fails, and when the page's table goes missing. Nothing before the
    /// first data is shown: no rows then, never the embedded matrix as if it were the page's.
    pub previous: Option<Option<Rc<Dataset>>>,
    /// The table was the source shown before it went missing.
    pub table_was_shown: bool,
    /// What the user brought.
    pub user: UserData,
}

impl Sources {
    /// The source shown, by the documented order.
    pub fn active(&self) -> Active {
        if self.data.is_some() {
            Active::Data
        } else if self.src.is_some() {
            Active::Src
        } else if self.table.is_some() {
            Active::Table
        } else {
            Active::Embedded
        }
    }

    /// What the widget shows now: the user's data if they brought some, else the page's;
    /// `missing_table` is the message for a page's table that went away after it was shown.
    pub fn shown(&self, t: &Strings, missing_table: impl FnOnce() -> String) -> Shown {
        let mut out = match &self.user.shown {
            Some(b) => Shown {
                data: Some(b.data.clone()),
                brought: Some(b.clone()),
                ..Shown::default()
            },
            None => self.page_shown(t, missing_table),
        };
        out.brought_error = self.user.error.clone();
        out.reading = self.user.reading.clone();
        out
    }

    fn page_shown(&self, t: &Strings, missing_table: impl FnOnce() -> String) -> Shown {
        let (slot, url) = match self.active() {
            Active::Data => (self.data.as_ref(), String::new()),
            Active::Src => {
                let src = self.src.as_ref().expect("active");
                (Some(&src.slot), src.url.clone())
            }
            Active::Table => (self.table.as_ref(), String::new()),
            Active::Embedded if self.table_was_shown => {
                return Shown {
                    data: self.previous.clone().flatten(),
                    errors: vec![missing_table()],
                    ..Shown::default()
                };
            }
            Active::Embedded => return Shown::default(),
        };
        let loading =
            (self.active() == Active::Src && slot == Some(&Slot::Waiting)).then(|| url.clone());
        let mut out = Shown {
            loading,
            waiting: slot == Some(&Slot::Waiting),
            ..Shown::default()
        };
        match slot {
            Some(Slot::Read(ds)) => out.data = Some(ds.clone()),
            other => {
                if let Some(Slot::Failed(e)) = other {
                    out.errors.push(e.text(t));
                }
                match &self.previous {
                    Some(p) => out.data = p.clone(),
                    None => out.pending = Some(url),
                }
            }
        }
        out
    }

    /// Notes what is shown now as the previous data (after a render), when it is the last word
    /// of its source.
    pub fn showed(&mut self, shown: &Shown) {
        if shown.brought.is_none()
            && shown.errors.is_empty()
            && shown.pending.is_none()
            && !shown.waiting
        {
            self.previous = Some(shown.data.clone());
            self.table_was_shown = self.active() == Active::Table;
        }
    }

    /// Why there is nothing of the page's to export (in English: thrown to the page's script),
    /// or `None` when what is shown is the page's data or the embedded data shown as such.
    pub fn nothing_to_export(&self, shown: &Shown) -> Option<String> {
        let pending = shown.pending.as_deref()?;
        if let Some(e) = shown.errors.first() {
            return Some(e.clone());
        }
        Some(match self.active() {
            Active::Src => {
                format!("the data from {pending} has not arrived (it is loading, or it failed)")
            }
            Active::Table => {
                "the page's table is being read (the dataset reader is loading)".into()
            }
            _ => "the page's data is being read (the dataset reader is loading)".into(),
        })
    }
}
