//! Data the user brings: a dropped or chosen file, or a pasted table. It is read by the dataset
//! reader as a `src` would be (CSV, TSV, Markdown, JSON, HTML, a page of tables of services) and
//! shown to this user in place of the page's data, until they go back to it; it can be compared
//! with what they brought before or with an embedded revision. The page turns all of it off with
//! `import="off"`.

use super::Widget;
use crate::components::header::brought_name;
use crate::components::{Bring, Brought};
use crate::dataset::{Dataset, MAX_INPUT_BYTES};
use crate::element::events::dispatch_error;
use crate::element::sources::BEFORE;
use crate::i18n::{Arg, StringKey, Strings};
use crate::state::Against;
use std::rc::Rc;
use wasm_bindgen::JsValue;

impl Widget {
    pub fn import_allowed(&self) -> bool {
        self.options.import_allowed()
    }

    /// Reads what the user brought; shows it once read, or says why it cannot be. While it is
    /// read the widget says so; a read that ends after a later one began is dropped, and so is
    /// one that ends after the page turned import off.
    pub(super) fn bring(&mut self, bring: Bring) {
        if !self.import_allowed() {
            return;
        }
        let t = self.strings.clone();
        let user = &mut self.sources.user;
        user.reads = user.reads.wrapping_add(1);
        user.error = None;
        let read_no = user.reads;
        user.reading = Some(match &bring {
            Bring::File(f) => f.name(),
            Bring::Paste { .. } => String::new(),
        });
        self.render();
        let me = self.me.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let read = match bring {
                Bring::File(file) => read_file(&t, file).await,
                Bring::Paste { html, text } => read_paste(&t, html, text).await,
            };
            let Some(w) = me.upgrade() else { return };
            let Ok(mut w) = w.try_borrow_mut() else {
                return;
            };
            crate::platform::enter(w.id);
            if w.sources.user.reads != read_no || !w.import_allowed() {
                return;
            }
            let user = &mut w.sources.user;
            user.reading = None;
            match read {
                Ok((name, data)) => {
                    user.compare = None;
                    user.against = None;
                    user.before = user.shown.take().or(user.before.take());
                    let (date, time) = now();
                    user.shown = Some(Rc::new(Brought {
                        name,
                        date,
                        time,
                        data: Rc::new(data),
                    }));
                }
                Err(message) => user.error = Some(message),
            }
            if let Some(message) = w.sources.user.error.clone() {
                dispatch_error(&w.target, &message);
            }
            w.render();
        });
    }

    /// Back to the page's data. What the user brought is kept as what they brought before, for
    /// the comparison of the next one.
    pub(super) fn restore_page_data(&mut self) {
        let user = &mut self.sources.user;
        user.before = user.shown.take().or(user.before.take());
        user.error = None;
        user.compare = None;
        user.against = None;
        self.render();
    }

    /// Compares the user's data with what they brought before ([`BEFORE`]) or an embedded
    /// revision; `None` ends the comparison.
    pub(super) fn compare_brought(&mut self, with: Option<String>) {
        let t = self.strings.clone();
        let user = &mut self.sources.user;
        user.against = user
            .shown
            .as_ref()
            .zip(with.as_deref())
            .and_then(|(now, with)| {
                let (old_label, old) = if with == BEFORE {
                    let before = user.before.as_ref()?;
                    (label(&t, before), before.data.clone())
                } else {
                    let r = crate::revisions::find(with)?;
                    (r.id, r.dataset)
                };
                Some(Rc::new(Against {
                    old_label,
                    new_label: label(&t, now),
                    old,
                }))
            });
        user.compare = with.filter(|_| user.against.is_some());
        self.render();
    }

    /// What the user's data can be compared with (value, label): what they brought before, then
    /// the embedded revisions; none when the data shown is not theirs.
    pub(super) fn compare_choices(&self) -> Vec<(String, String)> {
        let user = &self.sources.user;
        if user.shown.is_none() {
            return Vec::new();
        }
        let before = user
            .before
            .as_ref()
            .map(|b| (BEFORE.to_string(), label(&self.strings, b)));
        before
            .into_iter()
            .chain(
                crate::revisions::ids()
                    .into_iter()
                    .map(|id| (id.clone(), id)),
            )
            .collect()
    }

    /// Clears the alert of what the user brought, once they do something else.
    pub(super) fn forget_brought_error(&mut self) {
        self.sources.user.error = None;
    }
}

/// What the user brought, named for a comparison: two files of one name (or two pastes) are told
/// apart by the time they were loaded.
fn label(t: &Strings, b: &Brought) -> String {
    format!("{} ({})", brought_name(t, b), b.time)
}

/// A file's dataset and name, or the error naming the file. Its size is checked before a byte
/// of it is read.
async fn read_file(t: &Strings, file: web_sys::File) -> Result<(String, Dataset), String> {
    let name = file.name();
    let bytes = file.size();
    if bytes > MAX_INPUT_BYTES as f64 {
        return Err(too_large(t, &name, bytes as usize));
    }
    let text = wasm_bindgen_futures::JsFuture::from(file.text())
        .await
        .ok()
        .filter(|v| v.is_string())
        .ok_or_else(|| t.fmt(StringKey::fileUnreadable, &[("name", Arg::Text(&name))]))?;
    let args = [name.as_str().into(), file.type_().into(), text];
    match crate::reader::read("src", args).await {
        Ok(ds) => Ok((name, ds)),
        Err(e) => Err(invalid(t, &name, &e.text(t))),
    }
}

/// A pasted table: the clipboard's HTML when it holds a table, else its text (a spreadsheet's
/// tab-separated rows, a Markdown or CSV table). Both stay JavaScript strings, measured before
/// the reader copies them; an HTML copy too large to read leaves the text to try. The name is
/// empty: the widget says "Pasted table" in the user's language.
async fn read_paste(
    t: &Strings,
    html: js_sys::JsString,
    text: js_sys::JsString,
) -> Result<(String, Dataset), String> {
    let pasted = t.get(StringKey::pastedTable).to_string();
    let limit = MAX_INPUT_BYTES as u32;
    let html = Some(html).filter(|h| h.length() <= limit && h.includes("<table", 0));
    if text.length() > limit && html.is_none() {
        return Err(too_large(t, &pasted, text.length() as usize));
    }
    let mut error = None;
    let text = Some(("text/plain", text)).filter(|(_, t)| t.length() <= limit);
    for (ctype, body) in html.map(|h| ("text/html", h)).into_iter().chain(text) {
        let args = [JsValue::from_str(""), ctype.into(), body.into()];
        match crate::reader::read("src", args).await {
            Ok(ds) => return Ok((String::new(), ds)),
            // The HTML's error says most: the text of a table is a poorer copy of it.
            Err(e) => {
                error.get_or_insert(e.text(t));
            }
        }
    }
    Err(invalid(t, &pasted, &error.unwrap_or_default()))
}

fn too_large(t: &Strings, name: &str, bytes: usize) -> String {
    t.fmt(
        StringKey::fileTooLarge,
        &[
            ("name", Arg::Text(name)),
            ("bytes", Arg::Num(bytes)),
            ("limit", Arg::Num(MAX_INPUT_BYTES)),
        ],
    )
}

fn invalid(t: &Strings, name: &str, detail: &str) -> String {
    t.fmt(
        StringKey::fileInvalid,
        &[("name", Arg::Text(name)), ("detail", Arg::Text(detail))],
    )
}

/// Now by the user's clock: the date (YYYY-MM-DD) and the time (HH:MM).
fn now() -> (String, String) {
    let d = js_sys::Date::new_0();
    (
        format!(
            "{:04}-{:02}-{:02}",
            d.get_full_year(),
            d.get_month() + 1,
            d.get_date()
        ),
        format!("{:02}:{:02}", d.get_hours(), d.get_minutes()),
    )
}
