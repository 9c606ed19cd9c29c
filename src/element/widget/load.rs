//! Where a widget's data comes from: the page's `data`, a `src` it loads, the child table it
//! reads; each read by the reader wasm (loaded on first use), and what each gave kept in
//! [`Sources`](super::super::sources::Sources).

use super::Widget;
use crate::dataset::{self, Dataset};
use crate::element::events::dispatch_error;
use crate::element::kept;
use crate::element::page_table;
use crate::element::sources::{Active, Failure, Slot, Src};
use crate::i18n::StringKey;
use std::rc::Rc;
use wasm_bindgen::JsValue;

/// How long a table must be still before it is read again, and the longest a burst of edits
/// waits for its read (ms).
const TABLE_QUIET_MS: f64 = 150.0;
const TABLE_MAX_WAIT_MS: f64 = 1_000.0;

impl Widget {
    /// A `data` the page gave (`null`: none): read by the reader, now if it has loaded, else
    /// once it has.
    pub(super) fn take_data(&mut self, data: &JsValue) {
        if data.is_null() {
            self.sources.data = None;
            return;
        }
        let slot = match crate::element::data::json_text(data) {
            Err(e) => Slot::Failed(e.into()),
            Ok(text) if !crate::reader::ready() => {
                self.when_reader(move |w| {
                    let slot = read_data(&text);
                    w.set_data(slot);
                });
                Slot::Waiting
            }
            Ok(text) => read_data(&text),
        };
        self.set_data(slot);
    }

    fn set_data(&mut self, slot: Slot) {
        if let Slot::Failed(e) = &slot {
            dispatch_error(&self.target, &e.text(&self.strings));
        }
        self.sources.data = Some(slot);
        self.render();
    }

    /// Runs `f` on this widget once the dataset reader has loaded (or failed to: `f` then reads
    /// and says why), if the widget is still there.
    fn when_reader(&self, f: impl FnOnce(&mut Widget) + 'static) {
        let me = self.me.clone();
        wasm_bindgen_futures::spawn_local(async move {
            crate::reader::loaded().await;
            if let Some(w) = me.upgrade() {
                let mut w = w.borrow_mut();
                crate::platform::enter(w.id);
                f(&mut w);
            }
        });
    }

    /// Starts loading `src` (or forgets it when removed). At the first mount, what this element
    /// loaded from the same URL before a move is used as it is.
    pub(super) fn load_src(&mut self, first: bool) {
        let src = self
            .options
            .text(crate::options::Opt::Src)
            .trim()
            .to_string();
        let request = self.sources.src.as_ref().map_or(1, |s| s.request + 1);
        if src.is_empty() {
            self.sources.src = None;
            return;
        }
        let url = crate::platform::absolute_url(&src);
        if let Some(ds) = kept::take(&self.target, &url).filter(|_| first) {
            self.sources.src = Some(Src {
                url,
                slot: Slot::Read(ds),
                request,
                fetch: None,
            });
            return;
        }
        let (fetch, reading) = crate::platform::fetch_text(
            self.strings.clone(),
            url.clone(),
            dataset::MAX_INPUT_BYTES,
        );
        self.sources.src = Some(Src {
            url: url.clone(),
            slot: Slot::Waiting,
            request,
            fetch,
        });
        let me = self.me.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let slot = match reading.await {
                // Read by the dataset reader (a wasm of its own, loaded on first use).
                Ok((text, ctype)) => {
                    let args = [url.as_str().into(), ctype.into(), text.into()];
                    match crate::reader::read("src", args).await {
                        Ok(ds) => Slot::Read(Rc::new(ds)),
                        Err(e) => Slot::Failed(
                            e.with("url", url.as_str())
                                .within(StringKey::srcInvalid)
                                .into(),
                        ),
                    }
                }
                Err(message) => Slot::Failed(Failure::Said(message)),
            };
            let Some(w) = me.upgrade() else { return };
            let mut w = w.borrow_mut();
            crate::platform::enter(w.id);
            let Some(src) = w.sources.src.as_mut().filter(|s| s.request == request) else {
                return;
            };
            src.fetch = None;
            if let Slot::Failed(e) = &slot {
                dispatch_error(&w.target, &e.text(&w.strings));
            }
            w.sources.src.as_mut().expect("found").slot = slot;
            w.render();
        });
    }

    /// Reads the child table again (when the page changed it); re-renders when what it holds
    /// changed.
    /// The page edited its table. A burst of edits is read once: when the table has been still
    /// for `TABLE_QUIET_MS`, or `TABLE_MAX_WAIT_MS` after the burst's first edit, whichever
    /// comes first (a read of a large table is long: one per edit would queue them back to back).
    pub(super) fn table_changed(&mut self) {
        let now = js_sys::Date::now();
        self.table_edits = Some(match self.table_edits {
            Some((first, _)) => (first, now),
            None => (now, now),
        });
        if !self.table_read_planned {
            self.table_read_planned = true;
            self.plan_table_read(TABLE_QUIET_MS);
        }
    }

    fn plan_table_read(&self, ms: f64) {
        let me = self.me.clone();
        crate::platform::after_ms(ms as i32, move || {
            let Some(w) = me.upgrade() else { return };
            let mut w = w.borrow_mut();
            crate::platform::enter(w.id);
            let Some((first, last)) = w.table_edits else {
                w.table_read_planned = false;
                return;
            };
            let now = js_sys::Date::now();
            let wait = (TABLE_QUIET_MS - (now - last)).min(TABLE_MAX_WAIT_MS - (now - first));
            if wait > 0.0 {
                return w.plan_table_read(wait);
            }
            w.table_read_planned = false;
            w.table_edits = None;
            w.refresh_table();
        });
    }

    pub fn refresh_table(&mut self) {
        if self.read_table(true) {
            self.render();
        }
    }

    /// Reads the child table; whether what it holds changed. A new error is sent as `cm-error`
    /// when the table is the dataset. The embedded matrix as `scripts/seed-table.mjs` writes it
    /// is known here; any other table is read by the reader, or waits for it to load (`wait`;
    /// once it has loaded or failed to, the table is read, or the failure said).
    pub(super) fn read_table(&mut self, wait: bool) -> bool {
        // A read already waits for the reader: it will read the table as it is then.
        if wait && self.table_waits_reader {
            return false;
        }
        // The table whose cells the slot below comes from (kept to tell an unchanged table).
        let mut read_from = None;
        let slot = match page_table::read(&self.target) {
            None => None,
            Some(Err(e)) => Some(Slot::Failed(e.into())),
            // The same cells as last read (an edit undone, attributes set to what they were):
            // nothing to read again.
            Some(Ok((t, _))) if self.last_table.as_ref() == Some(&t) => return false,
            Some(Ok((t, _))) if t.is_seed_table() => {
                read_from = Some(t);
                Some(Slot::Read(Dataset::embedded()))
            }
            Some(Ok(_)) if wait && !crate::reader::ready() => {
                self.table_waits_reader = true;
                self.when_reader(|w| {
                    w.table_waits_reader = false;
                    if w.read_table(false) {
                        w.render();
                    }
                });
                Some(Slot::Waiting)
            }
            Some(Ok((t, page))) => {
                let packed = JsValue::from(dataset::packed::encode_page_table(&t));
                read_from = Some(t);
                let read = crate::reader::read_now("table", [&packed, &page.into(), &"".into()]);
                Some(match read {
                    Ok(ds) => Slot::Read(Rc::new(ds)),
                    Err(e) => Slot::Failed(e.within(StringKey::errPageTable).into()),
                })
            }
        };
        self.last_table = read_from;
        if slot == self.sources.table {
            return false;
        }
        self.sources.table = slot;
        if self.sources.active() == Active::Table {
            if let Some(Slot::Failed(e)) = &self.sources.table {
                dispatch_error(&self.target, &e.text(&self.strings));
            }
        }
        true
    }

    /// The dataset loaded from `src` with its URL, for a move in the page.
    pub fn loaded_src(&self) -> Option<(String, Rc<Dataset>)> {
        let src = self.sources.src.as_ref()?;
        match &src.slot {
            Slot::Read(ds) => Some((src.url.clone(), ds.clone())),
            _ => None,
        }
    }
}

/// A `data` object's JSON text, read by the dataset reader.
fn read_data(text: &js_sys::JsString) -> Slot {
    let none = JsValue::from_str("");
    match crate::reader::read_now("data", [text.as_ref(), &none, &none]) {
        Ok(ds) => Slot::Read(Rc::new(ds)),
        Err(e) => Slot::Failed(e.within(StringKey::errData).into()),
    }
}
