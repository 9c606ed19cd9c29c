//! Data the user brings: a dropped or chosen file, or a pasted table. It is read by the dataset
//! reader as a `src` would be (CSV, TSV, Markdown, JSON, HTML, a page of tables of services) and
//! shown to this user in place of the page's data, until they go back to it. The page turns this
//! off with `import="off"`.

use super::Widget;
use crate::components::{Bring, Brought};
use crate::dataset::MAX_INPUT_BYTES;
use crate::element::events::dispatch_error;
use crate::i18n::{Arg, StringKey};
use crate::options::Opt;
use std::rc::Rc;
use wasm_bindgen::JsValue;

impl Widget {
    /// Whether the page lets the user bring data (`import` is `on`, or not given). A value the
    /// page mistyped keeps it off: a page that meant to turn it off is not overruled.
    pub fn import_allowed(&self) -> bool {
        matches!(self.options.text(Opt::Import).trim(), "" | "on")
    }

    /// Reads what the user brought; shows it once read, or says why it cannot be.
    pub(super) fn bring(&mut self, bring: Bring) {
        if !self.import_allowed() {
            return;
        }
        let t = self.strings.clone();
        let me = self.me.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let read = match bring {
                Bring::File(file) => read_file(&t, file).await,
                Bring::Paste { html, text } => read_paste(&t, html, text).await,
            };
            let Some(w) = me.upgrade() else { return };
            let mut w = w.borrow_mut();
            crate::platform::enter(w.id);
            match read {
                Ok((name, data)) => {
                    w.sources.brought_error = None;
                    w.sources.brought_compare = None;
                    w.sources.brought_before = w.sources.brought.take();
                    w.sources.brought = Some(Rc::new(Brought {
                        name,
                        date: today(),
                        data: Rc::new(data),
                    }));
                }
                Err(message) => {
                    dispatch_error(&w.target, &message);
                    w.sources.brought_error = Some(message);
                }
            }
            w.render();
        });
    }

    /// Back to the page's data; what the user brought is forgotten.
    pub(super) fn restore_page_data(&mut self) {
        self.sources.brought = None;
        self.sources.brought_error = None;
        self.sources.brought_compare = None;
        self.render();
    }

    /// Compares the user's data with what they brought before (`before`) or an embedded
    /// revision; `None` ends the comparison.
    pub(super) fn compare_brought(&mut self, with: Option<String>) {
        self.sources.brought_compare = with;
        self.render();
    }
}

/// A file's dataset and name, or the error naming the file. Its size is checked before a byte
/// of it is read.
async fn read_file(
    t: &crate::i18n::Strings,
    file: web_sys::File,
) -> Result<(String, crate::dataset::Dataset), String> {
    let name = file.name();
    let bytes = file.size();
    if bytes > MAX_INPUT_BYTES as f64 {
        return Err(t.fmt(
            StringKey::fileTooLarge,
            &[
                ("name", Arg::Text(&name)),
                ("bytes", Arg::Num(bytes as usize)),
                ("limit", Arg::Num(MAX_INPUT_BYTES)),
            ],
        ));
    }
    let text = wasm_bindgen_futures::JsFuture::from(file.text())
        .await
        .ok()
        .and_then(|v| v.as_string())
        .ok_or_else(|| t.fmt(StringKey::fileUnreadable, &[("name", Arg::Text(&name))]))?;
    let args = [name.as_str().into(), file.type_().into(), text.into()];
    match crate::reader::read("src", args).await {
        Ok(ds) => Ok((name, ds)),
        Err(e) => Err(t.fmt(
            StringKey::fileInvalid,
            &[
                ("name", Arg::Text(&name)),
                ("detail", Arg::Text(&e.text(t))),
            ],
        )),
    }
}

/// A pasted table: the clipboard's HTML when it holds a table, else its text (a spreadsheet's
/// tab-separated rows, a Markdown or CSV table). The name is empty: the widget says "Pasted
/// table" in the user's language.
async fn read_paste(
    t: &crate::i18n::Strings,
    html: String,
    text: String,
) -> Result<(String, crate::dataset::Dataset), String> {
    let pasted = t.get(StringKey::pastedTable).to_string();
    let fail = |detail: &str| {
        t.fmt(
            StringKey::fileInvalid,
            &[("name", Arg::Text(&pasted)), ("detail", Arg::Text(detail))],
        )
    };
    let html = Some(html).filter(|h| h.contains("<table"));
    let mut error = None;
    for (ctype, body) in html
        .map(|h| ("text/html", h))
        .into_iter()
        .chain([("text/plain", text)])
    {
        if body.len() > MAX_INPUT_BYTES {
            return Err(t.fmt(
                StringKey::fileTooLarge,
                &[
                    ("name", Arg::Text(&pasted)),
                    ("bytes", Arg::Num(body.len())),
                    ("limit", Arg::Num(MAX_INPUT_BYTES)),
                ],
            ));
        }
        let args = [JsValue::from_str(""), ctype.into(), body.into()];
        match crate::reader::read("src", args).await {
            Ok(ds) => return Ok((String::new(), ds)),
            // The HTML's error says most (the text of a table is a poorer copy of it).
            Err(e) => {
                error.get_or_insert(e.text(t));
            }
        }
    }
    Err(fail(&error.unwrap_or_default()))
}

/// Today by the user's clock, as YYYY-MM-DD.
fn today() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date()
    )
}
