//! The tables of a page, from its tokens: each table's rows of cells (text and spans) and the
//! section it sits in (the nearest heading, tab title or tab panel before it; its caption
//! first), handed on as each table ends; and the page's title and canonical address. The limits
//! are checked as the markup arrives, before what they protect is kept: how deep tables nest
//! (deeper is an error), the rows of a table, the cells of a row and the characters of a cell
//! (what is past them is not kept, and the table carries the error, given if it turns out to
//! be a table of services).
//!
//! A table inside a cell is a table of its own: its text is not the outer cell's. A cell that
//! holds a mark and a small table of notes is then the mark, and a page laid out in a table
//! still has its tables of services read.

use super::entities::decode;
use super::text::Text;
use super::tokenizer::{Tag, Token, Tokenizer};
use crate::dataset::table::Unit;
use crate::dataset::{DatasetError, MAX_PROGRAMS, MAX_SERVICES};
use crate::i18n::StringKey;
use std::collections::HashMap;

/// How deep tables may nest (a table in a cell of a table is depth 2).
pub const MAX_TABLE_DEPTH: usize = 8;

/// Tab titles kept (by the id of the tab or of the panel it shows).
const MAX_TABS: usize = 10_000;

/// A table as read: its number on the page (1-based, in the order tables start), its section,
/// its caption, and its rows of cells.
pub(crate) struct FoundTable {
    pub(crate) n: usize,
    pub(crate) section: String,
    pub(crate) caption: String,
    pub(crate) rows: Vec<Vec<FoundCell>>,
    /// The first limit the table went past (rows, cells of a row).
    pub(crate) limit: Option<DatasetError>,
}

/// A `<td>` or `<th>`: its text (white space collapsed, at most [`crate::dataset::MAX_FIELD_CHARS`] characters
/// kept; `over` when there were more) and its spans.
pub(crate) struct FoundCell {
    pub(crate) text: String,
    pub(crate) over: bool,
    pub(crate) colspan: usize,
    pub(crate) rowspan: usize,
}

/// What a page says of itself.
#[derive(Default)]
pub(crate) struct Page {
    pub(crate) title: String,
    /// `<link rel="canonical">`'s address, as written.
    pub(crate) canonical: String,
}

/// Reads the tables of a page, handing each to `table` as it ends (inner tables before the
/// table they sit in).
pub(crate) fn read(
    html: &str,
    mut table: impl FnMut(FoundTable) -> Result<(), DatasetError>,
) -> Result<Page, DatasetError> {
    let mut r = PageScan::default();
    for token in Tokenizer::new(html) {
        match token {
            Token::Start(tag) => r.start(&tag)?,
            Token::End(name) => r.end(&name.to_ascii_lowercase(), &mut table)?,
            Token::Text(text) => r.text(text),
        }
    }
    while !r.tables.is_empty() {
        r.end("table", &mut table)?;
    }
    if r.page.title.is_empty() {
        r.page.title = r.first_h1;
    }
    Ok(r.page)
}

struct OpenTable {
    n: usize,
    section: String,
    caption: Text,
    in_caption: bool,
    rows: Vec<Vec<FoundCell>>,
    row_open: bool,
    /// Columns the open row's cells take (with their column spans).
    columns: usize,
    cell: Option<(Text, usize, usize)>,
    limit: Option<DatasetError>,
    /// As many rows as a table may have: later rows are not kept.
    full: bool,
}

impl OpenTable {
    fn unit(&self) -> Unit {
        Unit::Table {
            n: self.n,
            section: self.section.clone(),
        }
    }

    fn close_cell(&mut self) {
        if let Some((text, colspan, rowspan)) = self.cell.take() {
            if let Some(row) = self.rows.last_mut() {
                row.push(FoundCell {
                    text: text.s,
                    over: text.over,
                    colspan,
                    rowspan,
                });
            }
        }
    }

    fn open_row(&mut self) {
        self.close_cell();
        self.row_open = false;
        if self.full {
            return;
        }
        if self.rows.len() > MAX_PROGRAMS {
            self.full = true;
            let e = self
                .unit()
                .at(self.rows.len() + 1, 1, StringKey::errTableRows)
                .num("rows", self.rows.len() + 1)
                .num("limit", MAX_PROGRAMS);
            self.limit.get_or_insert(e);
            return;
        }
        self.rows.push(Vec::new());
        self.row_open = true;
        self.columns = 0;
    }

    fn open_cell(&mut self, tag: &Tag) {
        self.close_cell();
        if !self.row_open {
            self.open_row();
            if !self.row_open {
                return;
            }
        }
        // As browsers read them: a span of 0 or nonsense is 1; 1000 columns at most.
        let span = |name: &str, max: usize| {
            tag.attr(name)
                .and_then(|v| v.trim().parse::<usize>().ok())
                .map_or(1, |n| n.clamp(1, max))
        };
        let (colspan, rowspan) = (span("colspan", 1000), span("rowspan", 65_534));
        if self.columns + colspan > MAX_SERVICES + 1 {
            if self.limit.is_none() {
                let e = self
                    .unit()
                    .at(self.rows.len(), MAX_SERVICES + 2, StringKey::errTableCells)
                    .num("cells", self.columns + colspan)
                    .num("limit", MAX_SERVICES);
                self.limit = Some(e);
            }
            return;
        }
        self.columns += colspan;
        self.cell = Some((Text::default(), colspan, rowspan));
    }
}

/// An element whose text is being read (a heading, a tab) until its end tag; `depth` counts
/// elements of the same name opened inside it.
struct Capture {
    name: String,
    depth: usize,
    text: Text,
    /// The ids a tab's title is kept under (its own, the panel it controls or links to).
    targets: Vec<String>,
}

/// What the scan of a page has found so far: the page's title and sections, and the tables open
/// at the current token.
#[derive(Default)]
struct PageScan {
    page: Page,
    first_h1: String,
    tables: Vec<OpenTable>,
    started: usize,
    section: String,
    heading: Option<Capture>,
    title: Option<Text>,
    tab: Option<Capture>,
    tabs: HashMap<String, String>,
    /// An element that lists tabs (`role="tablist"`, a list of class `…tab…`): its name and
    /// how many of that name are open.
    tablist: Option<(String, usize)>,
    /// Open `<sup>` elements: footnote markers, left out of the text.
    sup: usize,
}

/// Elements that run inside a line of text: no word break at their tags.
const INLINE: [&str; 18] = [
    "a", "abbr", "b", "bdi", "bdo", "cite", "code", "em", "font", "i", "mark", "q", "s", "small",
    "span", "strong", "sub", "u",
];

impl PageScan {
    /// Every text being read: the open cell or caption, a heading, a tab.
    fn each(&mut self, mut f: impl FnMut(&mut Text)) {
        if let Some(t) = self.tables.last_mut() {
            if t.in_caption {
                f(&mut t.caption);
            } else if let Some((text, _, _)) = &mut t.cell {
                f(text);
            }
        }
        for c in [&mut self.heading, &mut self.tab].into_iter().flatten() {
            f(&mut c.text);
        }
    }

    fn text(&mut self, raw: &str) {
        if let Some(title) = &mut self.title {
            title.push(raw);
            return;
        }
        if self.sup == 0 {
            self.each(|t| t.push(raw));
        }
    }

    fn start(&mut self, tag: &Tag) -> Result<(), DatasetError> {
        let name = tag.name.to_ascii_lowercase();
        if !INLINE.contains(&name.as_str()) {
            self.each(|t| t.space = true);
        }
        for c in [&mut self.heading, &mut self.tab].into_iter().flatten() {
            if c.name == name {
                c.depth += 1;
            }
        }
        if let Some((list, depth)) = &mut self.tablist {
            if *list == name {
                *depth += 1;
            }
        }
        match name.as_str() {
            "table" => self.open_table()?,
            "tr" => {
                if let Some(t) = self.tables.last_mut() {
                    t.open_row();
                }
            }
            "td" | "th" => {
                if let Some(t) = self.tables.last_mut() {
                    t.open_cell(tag);
                }
                self.sup = 0;
            }
            "caption" => {
                if let Some(t) = self.tables.last_mut() {
                    t.close_cell();
                    t.in_caption = true;
                }
            }
            "sup" => self.sup += 1,
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                self.sup = 0;
                self.heading = Some(capture(name.clone(), Vec::new()));
            }
            // A `<title>` in a cell is an icon's (an SVG's): its words are the cell's.
            "title" if self.page.title.is_empty() && self.tables.is_empty() => {
                self.title = Some(Text::default());
            }
            "link"
                if tag
                    .attr("rel")
                    .is_some_and(|r| r.eq_ignore_ascii_case("canonical")) =>
            {
                self.page.canonical = decode(tag.attr("href").unwrap_or_default()).trim().into();
            }
            _ => {}
        }
        // The words of an image: what a mark drawn as a picture says.
        let alt = if name == "img" {
            tag.attr("alt")
        } else if tag.attr("role") == Some("img") {
            tag.attr("aria-label")
        } else {
            None
        };
        if let Some(alt) = alt {
            self.each(|t| {
                t.space = true;
                t.push(alt);
                t.space = true;
            });
        }
        self.tabs_and_panels(tag, &name);
        Ok(())
    }

    fn open_table(&mut self) -> Result<(), DatasetError> {
        if let Some(outer) = self.tables.last() {
            if self.tables.len() == MAX_TABLE_DEPTH {
                return Err(outer
                    .unit()
                    .at(
                        outer.rows.len().max(1),
                        outer.columns.max(1),
                        StringKey::errHtmlNesting,
                    )
                    .num("limit", MAX_TABLE_DEPTH));
            }
        }
        self.started += 1;
        self.tables.push(OpenTable {
            n: self.started,
            section: self.section.clone(),
            caption: Text::default(),
            in_caption: false,
            rows: Vec::new(),
            row_open: false,
            columns: 0,
            cell: None,
            limit: None,
            full: false,
        });
        Ok(())
    }

    /// Tabs (their titles, by the ids they name) and tab panels (which begin a section).
    fn tabs_and_panels(&mut self, tag: &Tag, name: &str) {
        let role = tag.attr("role").map(str::to_ascii_lowercase);
        let class_tabs = tag
            .attr("class")
            .is_some_and(|c| c.to_ascii_lowercase().contains("tab"));
        if role.as_deref() == Some("tablist") || (matches!(name, "ul" | "ol") && class_tabs) {
            self.tablist = Some((name.to_string(), 1));
        }
        let toggles = ["data-toggle", "data-bs-toggle"]
            .iter()
            .any(|a| tag.attr(a).is_some_and(|v| v.eq_ignore_ascii_case("tab")));
        let link = tag.attr("href").and_then(|h| h.strip_prefix('#'));
        let is_tab = role.as_deref() == Some("tab")
            || (name == "a" && link.is_some() && (self.tablist.is_some() || toggles));
        if is_tab && self.tables.is_empty() {
            let targets = [tag.attr("id"), tag.attr("aria-controls"), link]
                .into_iter()
                .flatten()
                .flat_map(str::split_whitespace)
                .map(|t| decode(t).into_owned())
                .collect();
            self.tab = Some(capture(name.to_string(), targets));
        }
        let own = tag.attr("id").map(|id| decode(id).into_owned());
        let panel = role.as_deref() == Some("tabpanel")
            || own.as_ref().is_some_and(|id| self.tabs.contains_key(id));
        if !panel || is_tab {
            return;
        }
        let label = tag
            .attr("aria-label")
            .map(|l| decode(l).into_owned())
            .or_else(|| {
                let by = tag.attr("aria-labelledby")?;
                let parts: Vec<&str> = by
                    .split_whitespace()
                    .filter_map(|id| self.tabs.get(&*decode(id)).map(String::as_str))
                    .collect();
                Some(parts.join(" "))
            })
            .filter(|l| !l.trim().is_empty())
            .or_else(|| own.and_then(|id| self.tabs.get(&id).cloned()));
        if let Some(label) = label {
            let mut text = Text::default();
            text.push(&label);
            if !text.s.is_empty() {
                self.section = text.s;
            }
        }
    }

    fn end(
        &mut self,
        name: &str,
        table: &mut impl FnMut(FoundTable) -> Result<(), DatasetError>,
    ) -> Result<(), DatasetError> {
        if !INLINE.contains(&name) {
            self.each(|t| t.space = true);
        }
        match name {
            "table" => {
                if let Some(mut t) = self.tables.pop() {
                    t.close_cell();
                    table(FoundTable {
                        n: t.n,
                        section: t.section,
                        caption: t.caption.s,
                        rows: t.rows,
                        limit: t.limit,
                    })?;
                }
            }
            "tr" => {
                if let Some(t) = self.tables.last_mut() {
                    t.close_cell();
                    t.row_open = false;
                }
            }
            "td" | "th" => {
                if let Some(t) = self.tables.last_mut() {
                    t.close_cell();
                }
                self.sup = 0;
            }
            "caption" => {
                if let Some(t) = self.tables.last_mut() {
                    t.in_caption = false;
                }
            }
            "sup" => self.sup = self.sup.saturating_sub(1),
            "title" => {
                if let Some(t) = self.title.take() {
                    self.page.title = t.s;
                }
            }
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                // Any heading's end tag ends a heading, as browsers read them.
                if let Some(h) = self.heading.take() {
                    self.sup = 0;
                    if !h.text.s.is_empty() {
                        if h.name == "h1" && self.first_h1.is_empty() {
                            self.first_h1 = h.text.s.clone();
                        }
                        self.section = h.text.s;
                    }
                }
            }
            _ => {}
        }
        if let Some(c) = &mut self.tab {
            if c.name == name {
                if c.depth > 1 {
                    c.depth -= 1;
                } else if let Some(c) = self.tab.take() {
                    for t in c.targets {
                        if self.tabs.len() < MAX_TABS {
                            self.tabs.insert(t, c.text.s.clone());
                        }
                    }
                }
            }
        }
        if let Some((list, depth)) = &mut self.tablist {
            if list == name {
                *depth -= 1;
                if *depth == 0 {
                    self.tablist = None;
                }
            }
        }
        Ok(())
    }
}

fn capture(name: String, targets: Vec<String>) -> Capture {
    Capture {
        name,
        depth: 1,
        text: Text::default(),
        targets,
    }
}
