//! A dataset as one compact text, read back without a parser: how the embedded matrix and its
//! revisions are kept in the wasm. They are read and validated at build time
//! (`core/tests/embedded_data.rs` writes `dataset/embedded.rs`); at start the widget only splits this
//! text into the dataset's fields, so the default view calls no JSON or Markdown parser.
//!
//! Every text is its length in bytes, `:`, then the text, so any character may occur in it. An
//! absent optional text is `~`; a list is its count and `;`, then its items; a cell is one of
//! `i p n u` (its status) followed by its optional label. Cells follow the dataset's service
//! order, one per service.
//!
//! It is also how the dataset reader (a wasm of its own, `reader/`, loaded when a page gives data
//! to read) hands back what it read: [`encode_read`] writes a dataset or the error that stopped
//! it, [`decode_read`] reads either back in the widget's wasm, which has no parser of its own.
//! A page's own `<table>`, as the element read it, goes the other way ([`encode_page_table`]).

use super::{
    Cell, Dataset, DatasetError, Link, PageCell, PageTable, Place, Program, Service, Status, Value,
};
use crate::i18n::StringKey;

/// The packed text of a dataset.
pub fn encode(ds: &Dataset) -> String {
    let mut w = String::new();
    text(&mut w, &ds.title);
    text(&mut w, &ds.as_of);
    link(&mut w, &ds.source);
    optional_link(&mut w, ds.latest.as_ref());
    optional(&mut w, ds.warning.as_deref());
    optional_link(&mut w, ds.tags_source.as_ref());
    count(&mut w, ds.services.len());
    for s in &ds.services {
        text(&mut w, &s.id);
        text(&mut w, &s.name);
    }
    count(&mut w, ds.programs.len());
    for p in &ds.programs {
        text(&mut w, &p.id);
        text(&mut w, &p.name);
        list(&mut w, &p.aliases);
        list(&mut w, &p.tags);
        optional(&mut w, p.note.as_deref());
        optional(&mut w, p.url.as_deref());
        for c in &p.cells {
            w.push(status_code(c.status));
            optional(&mut w, c.label.as_deref());
        }
    }
    w
}

/// The dataset of a packed text; an error names the byte where the text stops making sense.
pub fn decode(packed: &str) -> Result<Dataset, String> {
    read_whole(packed, 0, "text after the dataset", Decoder::dataset)
}

/// `read` from byte `at` of `packed`, which must then be at its end (else the error `after`).
fn read_whole<'a, T>(
    packed: &'a str,
    at: usize,
    after: &str,
    read: impl FnOnce(&mut Decoder<'a>) -> Result<T, String>,
) -> Result<T, String> {
    let mut r = Decoder { text: packed, at };
    let value = read(&mut r)?;
    if r.at != packed.len() {
        return Err(r.bad(after));
    }
    Ok(value)
}

/// The reader wasm's result as one text: `d` and the packed dataset, or `e` and the error (its place,
/// its message key, what the input was and its arguments, by name).
pub fn encode_read(read: &Result<Dataset, DatasetError>) -> String {
    let e = match read {
        Ok(ds) => return format!("d{}", encode(ds)),
        Err(e) => e,
    };
    let mut w = String::from("e");
    match &e.place {
        Place::Input => w.push('i'),
        Place::Field(path) => {
            w.push('f');
            text(&mut w, path);
        }
        Place::Line(line, column) => {
            w.push('l');
            count(&mut w, *line);
            match column {
                Some(c) => count(&mut w, *c),
                None => w.push('~'),
            }
        }
        Place::Row(row, column) => {
            w.push('r');
            count(&mut w, *row);
            count(&mut w, *column);
        }
        Place::Table {
            table,
            section,
            row,
            column,
        } => {
            w.push('t');
            count(&mut w, *table);
            text(&mut w, section);
            count(&mut w, *row);
            count(&mut w, *column);
        }
    }
    text(&mut w, e.key.name());
    optional(&mut w, e.within.map(StringKey::name));
    count(&mut w, e.args.len());
    for (name, value) in &e.args {
        text(&mut w, name);
        match value {
            Value::Num(n) => {
                w.push('#');
                count(&mut w, *n);
            }
            Value::Text(t) => text(&mut w, t),
        }
    }
    w
}

/// What [`encode_read`] wrote: the dataset or the reader's error; the outer error says the text
/// itself is broken (it names the byte).
pub fn decode_read(packed: &str) -> Result<Result<Dataset, DatasetError>, String> {
    match packed.as_bytes().first() {
        Some(b'd') => read_whole(packed, 1, "text after the result", |r| r.dataset().map(Ok)),
        Some(b'e') => read_whole(packed, 1, "text after the result", |r| r.error().map(Err)),
        _ => Err("packed read: expected 'd' or 'e'".into()),
    }
}

/// A page's table as read (caption, attributes, cells with their spans), for the user.
pub fn encode_page_table(t: &PageTable) -> String {
    let mut w = String::new();
    for field in [&t.caption, &t.as_of, &t.source, &t.source_url] {
        text(&mut w, field);
    }
    count(&mut w, t.rows.len());
    for row in &t.rows {
        count(&mut w, row.len());
        for cell in row {
            text(&mut w, &cell.text);
            count(&mut w, cell.colspan as usize);
            count(&mut w, cell.rowspan as usize);
        }
    }
    w
}

/// What [`encode_page_table`] wrote.
pub fn decode_page_table(packed: &str) -> Result<PageTable, String> {
    read_whole(packed, 0, "text after the table", Decoder::page_table)
}

fn text(w: &mut String, t: &str) {
    w.push_str(&t.len().to_string());
    w.push(':');
    w.push_str(t);
}

fn optional(w: &mut String, t: Option<&str>) {
    match t {
        Some(t) => text(w, t),
        None => w.push('~'),
    }
}

fn count(w: &mut String, n: usize) {
    w.push_str(&n.to_string());
    w.push(';');
}

fn list(w: &mut String, items: &[String]) {
    count(w, items.len());
    for t in items {
        text(w, t);
    }
}

fn link(w: &mut String, l: &Link) {
    text(w, &l.title);
    text(w, &l.url);
    optional(w, l.note.as_deref());
}

fn optional_link(w: &mut String, l: Option<&Link>) {
    match l {
        Some(l) => link(w, l),
        None => w.push('~'),
    }
}

fn status_code(s: Status) -> char {
    match s {
        Status::InScope => 'i',
        Status::InProgress => 'p',
        Status::NotInScope => 'n',
        Status::Unknown => 'u',
    }
}

struct Decoder<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Decoder<'a> {
    fn bad(&self, what: &str) -> String {
        format!("packed dataset, byte {}: {what}", self.at)
    }

    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    /// A decimal number ended by `end`.
    fn number(&mut self, end: u8) -> Result<usize, String> {
        let rest = &self.text.as_bytes()[self.at..];
        let digits = rest.iter().take_while(|b| b.is_ascii_digit()).count();
        if digits == 0 || digits > 9 || rest.get(digits) != Some(&end) {
            return Err(self.bad("expected a number"));
        }
        let n = rest[..digits]
            .iter()
            .fold(0, |n, d| n * 10 + usize::from(d - b'0'));
        self.at += digits + 1;
        Ok(n)
    }

    fn text(&mut self) -> Result<String, String> {
        let len = self.number(b':')?;
        let end = self.at.checked_add(len).filter(|&e| e <= self.text.len());
        let t = end.and_then(|e| self.text.get(self.at..e));
        let t = t.ok_or_else(|| self.bad("a text longer than what is left"))?;
        self.at += len;
        Ok(t.to_string())
    }

    /// Whether an optional item is absent (`~`, which it then reads).
    fn absent(&mut self) -> bool {
        let absent = self.peek() == Some(b'~');
        self.at += usize::from(absent);
        absent
    }

    fn optional(&mut self) -> Result<Option<String>, String> {
        if self.absent() {
            return Ok(None);
        }
        self.text().map(Some)
    }

    /// A count, no larger than what the rest of the text can hold (each item takes a byte).
    fn count(&mut self) -> Result<usize, String> {
        let start = self.at;
        let n = self.number(b';')?;
        if n > self.text.len() - self.at {
            self.at = start;
            return Err(self.bad("a count larger than what is left"));
        }
        Ok(n)
    }

    fn list(&mut self) -> Result<Vec<String>, String> {
        (0..self.count()?).map(|_| self.text()).collect()
    }

    fn link(&mut self) -> Result<Link, String> {
        Ok(Link {
            title: self.text()?,
            url: self.text()?,
            note: self.optional()?,
        })
    }

    fn optional_link(&mut self) -> Result<Option<Link>, String> {
        if self.absent() {
            return Ok(None);
        }
        self.link().map(Some)
    }

    fn cell(&mut self) -> Result<Cell, String> {
        let status = match self.peek() {
            Some(b'i') => Status::InScope,
            Some(b'p') => Status::InProgress,
            Some(b'n') => Status::NotInScope,
            Some(b'u') => Status::Unknown,
            _ => return Err(self.bad("expected a status")),
        };
        self.at += 1;
        Ok(Cell {
            status,
            label: self.optional()?,
        })
    }

    /// A cell's colspan or rowspan (at most nine digits: it fits).
    fn span(&mut self) -> Result<u32, String> {
        Ok(self.number(b';')? as u32)
    }

    fn key(&mut self) -> Result<StringKey, String> {
        let name = self.text()?;
        StringKey::from_name(&name).ok_or_else(|| self.bad("an unknown message key"))
    }

    fn error(&mut self) -> Result<DatasetError, String> {
        let tag = self.peek();
        self.at += 1;
        let place = match tag {
            Some(b'i') => Place::Input,
            Some(b'f') => Place::Field(self.text()?),
            Some(b'l') => {
                let line = self.number(b';')?;
                let column = if self.absent() {
                    None
                } else {
                    Some(self.number(b';')?)
                };
                Place::Line(line, column)
            }
            Some(b'r') => Place::Row(self.number(b';')?, self.number(b';')?),
            Some(b't') => Place::Table {
                table: self.number(b';')?,
                section: self.text()?,
                row: self.number(b';')?,
                column: self.number(b';')?,
            },
            _ => {
                self.at -= 1;
                return Err(self.bad("expected a place"));
            }
        };
        let key = self.key()?;
        let within = if self.absent() {
            None
        } else {
            Some(self.key()?)
        };
        let args = (0..self.count()?)
            .map(|_| {
                let name = self.text()?;
                let value = if self.peek() == Some(b'#') {
                    self.at += 1;
                    Value::Num(self.number(b';')?)
                } else {
                    Value::Text(self.text()?)
                };
                Ok((name.into(), value))
            })
            .collect::<Result<_, String>>()?;
        Ok(DatasetError {
            place,
            key,
            args,
            within,
        })
    }

    /// A page's table, as `encode_page_table` wrote it.
    fn page_table(&mut self) -> Result<PageTable, String> {
        let mut t = PageTable {
            caption: self.text()?,
            as_of: self.text()?,
            source: self.text()?,
            source_url: self.text()?,
            rows: Vec::new(),
        };
        for _ in 0..self.count()? {
            let cells = (0..self.count()?)
                .map(|_| {
                    Ok(PageCell {
                        text: self.text()?,
                        colspan: self.span()?,
                        rowspan: self.span()?,
                    })
                })
                .collect::<Result<_, String>>()?;
            t.rows.push(cells);
        }
        Ok(t)
    }

    fn dataset(&mut self) -> Result<Dataset, String> {
        let title = self.text()?;
        let as_of = self.text()?;
        let source = self.link()?;
        let latest = self.optional_link()?;
        let warning = self.optional()?;
        let tags_source = self.optional_link()?;
        let services = (0..self.count()?)
            .map(|_| {
                Ok(Service {
                    id: self.text()?,
                    name: self.text()?,
                })
            })
            .collect::<Result<Vec<_>, String>>()?;
        let programs = (0..self.count()?)
            .map(|_| {
                Ok(Program {
                    id: self.text()?,
                    name: self.text()?,
                    aliases: self.list()?,
                    tags: self.list()?,
                    note: self.optional()?,
                    url: self.optional()?,
                    cells: (0..services.len())
                        .map(|_| self.cell())
                        .collect::<Result<_, _>>()?,
                })
            })
            .collect::<Result<Vec<_>, String>>()?;
        Ok(Dataset {
            title,
            as_of,
            source,
            latest,
            warning,
            tags_source,
            services,
            programs,
        })
    }
}

#[cfg(test)]
mod tests;
