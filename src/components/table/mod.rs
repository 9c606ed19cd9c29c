//! The compliance table: real `<table>` semantics, sortable headers with `aria-sort`, one row per
//! visible program and one status cell (symbol + text, source label kept) per shown service.

use crate::dataset::{Cell, Dataset, Program, Status};
use crate::diagram_layout::number;
use crate::i18n::{date_text, status_text, Arg::Num, Arg::Text, Strings, K};
use crate::query::{coverage, Direction, Query, SortField};
use crate::revisions::{Diff, Supersession};
use crate::window::{Scroller, ROW_HEIGHT};
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`Table`].
#[derive(Properties, PartialEq)]
pub struct TableProps {
    pub dataset: Rc<Dataset>,
    /// The language of the data's text (program and service names, labels, notes).
    #[prop_or(Some(AttrValue::Static("en")))]
    pub data_lang: Option<AttrValue>,
    pub query: Query,
    /// Visible program indices, in display order.
    pub visible: Rc<Vec<usize>>,
    /// Shown service indices, in display order.
    pub shown: Rc<Vec<usize>>,
    /// A header was activated: the field, and whether it adds a key (shift) or replaces the sort.
    pub onsort: Callback<(SortField, bool)>,
    /// Service ids highlighted from the diagram.
    #[prop_or_default]
    pub highlight: Vec<String>,
    /// A service header was pointed at or focused (empty: left).
    #[prop_or_default]
    pub onhighlight: Callback<Vec<String>>,
    /// In compare mode: what changed, to mark rows and cells.
    #[prop_or_default]
    pub diff: Option<Rc<Diff>>,
    /// The shown cells a later revision reads otherwise, to mark them.
    #[prop_or_default]
    pub superseded: Option<Rc<Supersession>>,
}

/// The table.
#[function_component(Table)]
pub fn table(props: &TableProps) -> Html {
    let t = super::use_strings();
    let ds = &props.dataset;
    let hl: Rc<Vec<usize>> = Rc::new(
        props
            .shown
            .iter()
            .copied()
            .filter(|&s| props.highlight.contains(&ds.services[s].id))
            .collect(),
    );
    let header = |field: SortField, label: String, class: &'static str| {
        let highlighted = matches!(&field, SortField::Service(id) if props.highlight.contains(id));
        let lang = matches!(&field, SortField::Service(_))
            .then(|| props.data_lang.clone())
            .flatten();
        html! {
            <SortHeader
                field={field}
                label={label}
                lang={lang}
                class={class}
                sort={sort_pairs(&props.query)}
                onsort={props.onsort.clone()}
                highlighted={highlighted}
                onhighlight={props.onhighlight.clone()}
            />
        }
    };
    // Long lists render only the rows in view (plus a margin); spacers keep the scroll height.
    // Wide long lists also render only the service columns in view; spacer cells span the rest.
    let view = use_mut_ref(Scroller::default);
    let redraw = use_force_update();
    let wrap = use_node_ref();
    // While the page prints, every row is rendered (beforeprint → afterprint).
    let printing = use_state(|| false);
    {
        let printing = printing.clone();
        use_effect_with((), move |_| {
            let listeners = crate::platform::PrintListeners::new(move |on| printing.set(on));
            move || drop(listeners)
        });
    }
    let total = props.visible.len();
    let n = props.shown.len();
    let long = crate::window::is_long(total, n);
    // Printing renders every row and column, up to a size; beyond it the window and a note.
    let print_all = crate::window::prints_everything(total, n);
    let windowed = long && !(*printing && print_all);
    let (rows, cols) = {
        let mut v = view.borrow_mut();
        v.viewport = crate::platform::viewport_size();
        v.render(total, n, windowed)
    };
    let (first, end) = rows;
    let (col_first, col_end) = cols;
    let col_windowed = (col_first, col_end) != (0, n);
    // A change of scroll position or size re-renders only when the window changes (the rules
    // are the core's `Scroller`).
    let remeasure = {
        let view = view.clone();
        move |el: &web_sys::Element, grow_only: bool| {
            let mut v = view.borrow_mut();
            v.windowed
                && v.measure(
                    crate::platform::measure_scroll_box(el, "thead th.cm-col-service"),
                    grow_only,
                )
        }
    };
    let onscroll = {
        let remeasure = remeasure.clone();
        let redraw = redraw.clone();
        Callback::from(move |e: Event| {
            let el: web_sys::Element = e.target_unchecked_into();
            if remeasure(&el, false) {
                redraw.force_update();
            }
        })
    };
    {
        let wrap = wrap.clone();
        use_effect_with((), move |_| {
            let watch = wrap.cast::<web_sys::Element>().map(|el| {
                let target = el.clone();
                crate::platform::ResizeWatch::new(&el, move || {
                    if remeasure(&target, true) {
                        redraw.force_update();
                    }
                })
            });
            move || drop(watch)
        });
    }
    let columns = n + 2;
    // Long lists lay the table out from these column widths (table-layout: fixed), not from the
    // content of every cell: a change of window or filter then costs one pass over the rows shown.
    let colgroup = long.then(|| {
        html! {
            <colgroup>
                <col class="cm-colw-program" />
                if n > 0 { <col class="cm-colw-service" span={n.to_string()} /> }
                <col class="cm-colw-coverage" />
            </colgroup>
        }
    });
    let spacer = |rows: usize| {
        (rows > 0).then(|| {
            html! {
                <tr class="cm-spacer" aria-hidden="true">
                    <td colspan={columns.to_string()}>
                        <svg class="cm-spacer-box" width="1" height={number(rows as f64 * ROW_HEIGHT)} aria-hidden="true"></svg>
                    </td>
                </tr>
            }
        })
    };
    let cols = Rc::new(ColumnWindow {
        first: col_first,
        end: col_end,
        indexed: col_windowed,
    });
    let (source_before, source_after) = t.around(K::source, "source", &[]);
    let print_note = (long && !print_all).then(|| {
        html! { <p class="cm-print-note" part="print-note">{ crate::i18n::print_note(&t, total, n) }</p> }
    });
    html! {
        <>
        { print_note }
        <div ref={wrap} class={classes!("cm-table-wrap", windowed.then_some("cm-windowed"), long.then_some("cm-long"))} part="table-wrap" {onscroll}>
            <table class="cm-table" part="table" aria-rowcount={windowed.then(|| (total + 1).to_string())}
                aria-colcount={col_windowed.then(|| columns.to_string())}>
                <caption>
                    { t.fmt(K::caption, &[("date", Text(&date_text(&t, &ds.as_of)))]) }
                    <span class="cm-caption-source">
                        { source_before }
                        { source_link(&t, &ds.source.title, &ds.source.url) }
                        { source_after }
                    </span>
                </caption>
                { colgroup }
                <thead>
                    <tr>
                        // Every column's header, also in a window of columns: one row, and each
                        // sort button stays in the tab order.
                        { header(SortField::Program, t.get(K::columnProgram).to_string(), "cm-col-program") }
                        { for props.shown.iter().map(|&s| header(
                            SortField::Service(ds.services[s].id.clone()),
                            ds.services[s].name.clone(),
                            "cm-col-service",
                        )) }
                        { header(SortField::Coverage, t.get(K::columnCoverage).to_string(), "cm-col-coverage") }
                    </tr>
                </thead>
                <tbody>
                    { spacer(first) }
                    { for props.visible[first..end].iter().enumerate().map(|(k, &i)| html! {
                        // Keyed by position, not by program: after a filter or sort the rows in
                        // place are patched (mostly the same status words) instead of removed and
                        // created again, which costs the browser far more.
                        <Row key={first + k} dataset={props.dataset.clone()} index={i} shown={props.shown.clone()}
                            cols={cols.clone()} highlight={hl.clone()} diff={props.diff.clone()} superseded={props.superseded.clone()} rowindex={windowed.then_some(first + k + 2)}
                            stripe={(first + k) % 2 == 1} plain={long} data_lang={props.data_lang.clone()} />
                    }) }
                    { spacer(total - end) }
                </tbody>
            </table>
        </div>
        </>
    }
}

/// An empty cell standing for `span` service columns left out of the DOM (none for 0).
fn column_spacer(span: usize) -> Html {
    if span == 0 {
        return Html::default();
    }
    html! { <td class="cm-colspacer" colspan={span.to_string()} aria-hidden="true"></td> }
}

/// The service columns in the DOM (`first..end` of the shown ones); `indexed` when that is not all
/// of them, so every cell names its column (`aria-colindex`).
#[derive(PartialEq)]
struct ColumnWindow {
    first: usize,
    end: usize,
    indexed: bool,
}

impl ColumnWindow {
    /// `aria-colindex` of the cell in the 1-based column `n`, when columns are left out.
    fn index(&self, n: usize) -> Option<AttrValue> {
        self.indexed.then(|| AttrValue::from(n.to_string()))
    }
}

/// Up to this many shown services the coverage meter has a pip per service, above it one bar.
const MAX_PIPS: usize = 12;

/// The sort keys as (field id, direction) pairs, for props comparison.
fn sort_pairs(q: &Query) -> Rc<Vec<(String, Direction)>> {
    Rc::new(
        q.sort
            .iter()
            .map(|k| (k.field.id().to_string(), k.dir))
            .collect(),
    )
}

#[derive(Properties, PartialEq)]
struct SortHeaderProps {
    field: SortField,
    label: String,
    /// The language of a label from data (a service name).
    lang: Option<AttrValue>,
    class: &'static str,
    sort: Rc<Vec<(String, Direction)>>,
    onsort: Callback<(SortField, bool)>,
    highlighted: bool,
    onhighlight: Callback<Vec<String>>,
}

#[function_component(SortHeader)]
fn sort_header(props: &SortHeaderProps) -> Html {
    let t = super::use_strings();
    let id = props.field.id();
    let pos = props.sort.iter().position(|(f, _)| f == id);
    let dir = pos.map(|p| props.sort[p].1);
    let aria_sort = match (pos, dir) {
        (Some(0), Some(Direction::Asc)) => "ascending",
        (Some(0), Some(Direction::Desc)) => "descending",
        _ => "none",
    };
    let indicator = match dir {
        Some(Direction::Asc) => "▲",
        Some(Direction::Desc) => "▼",
        None => "↕",
    };
    let hint = match (pos, dir) {
        (Some(p), Some(d)) if props.sort.len() > 1 => t.fmt(
            K::sortKeyOf,
            &[
                ("position", Num(p + 1)),
                ("count", Num(props.sort.len())),
                (
                    "direction",
                    Text(t.get(if d == Direction::Asc {
                        K::ascending
                    } else {
                        K::descending
                    })),
                ),
            ],
        ),
        _ => String::new(),
    };
    let onclick = {
        let cb = props.onsort.clone();
        let field = props.field.clone();
        Callback::from(move |e: MouseEvent| cb.emit((field.clone(), e.shift_key())))
    };
    let onkeydown = {
        let cb = props.onsort.clone();
        let field = props.field.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" && e.shift_key() {
                e.prevent_default();
                cb.emit((field.clone(), true));
            }
        })
    };
    let service = match &props.field {
        SortField::Service(s) => Some(s.clone()),
        _ => None,
    };
    let enter = {
        let cb = props.onhighlight.clone();
        let service = service.clone();
        move || {
            if let Some(s) = &service {
                cb.emit(vec![s.clone()]);
            }
        }
    };
    let leave = {
        let cb = props.onhighlight.clone();
        let is_service = service.is_some();
        move || {
            if is_service {
                cb.emit(Vec::new());
            }
        }
    };
    let onmouseenter = {
        let f = enter.clone();
        Callback::from(move |_: MouseEvent| f())
    };
    let onfocusin = Callback::from(move |_: FocusEvent| enter());
    let onmouseleave = {
        let f = leave.clone();
        Callback::from(move |_: MouseEvent| f())
    };
    let onfocusout = Callback::from(move |_: FocusEvent| leave());
    html! {
        <th scope="col" class={classes!(props.class, dir.map(|_| "cm-sorted"), props.highlighted.then_some("cm-hl"))}
            aria-sort={aria_sort} data-key={id.to_string()} data-highlighted={props.highlighted.then_some("true")}
            {onmouseenter} {onmouseleave} {onfocusin} {onfocusout}>
            <button type="button" class="cm-sort" {onclick} {onkeydown}
                title={t.get(K::sortHint).to_string()}>
                <span class="cm-sort-label" lang={props.lang.clone()}>{ &props.label }</span>
                <span class="cm-sort-ind" aria-hidden="true">
                    { indicator }
                    if props.sort.len() > 1 {
                        if let Some(p) = pos { <sub>{ p + 1 }</sub> }
                    }
                </span>
                <span class="cm-vh">{ hint }</span>
            </button>
        </th>
    }
}

#[derive(Properties, PartialEq)]
struct RowProps {
    dataset: Rc<Dataset>,
    index: usize,
    shown: Rc<Vec<usize>>,
    /// Which of the shown services have a cell in the DOM.
    cols: Rc<ColumnWindow>,
    /// Shown service indices highlighted from the diagram.
    highlight: Rc<Vec<usize>>,
    diff: Option<Rc<Diff>>,
    superseded: Option<Rc<Supersession>>,
    /// `aria-rowindex` when only a window of the rows is in the DOM.
    rowindex: Option<usize>,
    /// Every other row is shaded. A class, not `:nth-child`: a structural selector makes every
    /// inserted or removed row restyle its siblings.
    stripe: bool,
    /// A long list: lighter status cells (see [`status_cell`]).
    plain: bool,
    /// The language of the data's text.
    data_lang: Option<AttrValue>,
}

#[function_component(Row)]
fn row(props: &RowProps) -> Html {
    let t = super::use_strings();
    let p: &Program = &props.dataset.programs[props.index];
    let (ins, prog) = coverage(&props.dataset, props.index, &props.shown);
    let total = props.shown.len();
    let row_change = props.diff.as_ref().and_then(|d| d.row(&p.id));
    let cols = &props.cols;
    // The coverage column comes after every service: in a window of columns its cell is rendered
    // only when the window reaches the last service (the spacer spans it otherwise).
    let coverage = (cols.end == total).then(|| {
        let cov_text = t.fmt(K::coverage, &[("count", Num(ins)), ("total", Num(total))]);
        let cov_extra = (prog > 0).then(|| t.fmt(K::coverageInProgress, &[("count", Num(prog))]));
        html! {
            <td class="cm-coverage" data-coverage={ins.to_string()} aria-colindex={cols.index(total + 2)}>
                if total <= MAX_PIPS {
                    <span class="cm-meter" aria-hidden="true">
                        { for (0..total).map(|k| html! {
                            <span class={classes!("cm-pip", if k < ins { "cm-pip-on" } else if k < ins + prog { "cm-pip-half" } else { "" })}></span>
                        }) }
                    </span>
                } else {
                    // Many services: one bar (in scope, then in progress) instead of a pip each.
                    <svg class="cm-bar" viewBox={format!("0 0 {total} 1")} preserveAspectRatio="none" width="64" height="12" aria-hidden="true">
                        <rect class="cm-bar-on" width={ins.to_string()} height="1" />
                        <rect class="cm-bar-half" x={ins.to_string()} width={prog.to_string()} height="1" />
                    </svg>
                }
                <span class="cm-cov-text">
                    { cov_text }
                    if let Some(extra) = cov_extra {
                        <span class="cm-cov-extra">{ extra }</span>
                    }
                </span>
            </td>
        }
    });
    html! {
        <tr data-program={p.id.clone()} data-diff={row_change.map(|r| r.id())} aria-rowindex={props.rowindex.map(|r| r.to_string())}
            class={classes!(row_change.map(|r| format!("cm-row-{}", r.id())), props.stripe.then_some("cm-stripe"))}>
            <th scope="row" class="cm-program" aria-colindex={props.cols.index(1)}>
                <span class="cm-program-name" lang={props.data_lang.clone()}>{ &p.name }</span>
                if let Some(r) = row_change {
                    <span class={classes!("cm-diff-tag", format!("cm-diff-{}", r.id()))}>
                        { t.get(if r == crate::revisions::RowChange::Added { K::rowAdded } else { K::rowRemoved }) }
                    </span>
                }
                if let Some(note) = &p.note {
                    <span class="cm-program-note" lang={props.data_lang.clone()}>{ note }</span>
                }
            </th>
            { column_spacer(cols.first) }
            { for props.shown[cols.first..cols.end].iter().enumerate().map(|(k, &s)| {
                let service = &props.dataset.services[s].id;
                let old = props.diff.as_ref().and_then(|d| d.old_cell(&p.id, service));
                let colindex = cols.index(cols.first + k + 2);
                let later = props.superseded.as_ref().and_then(|sup| Some((sup.of(props.index, s)?, sup.latest.as_str())));
                status_cell(&t, service, &p.cells[s], props.highlight.contains(&s), old, later, props.plain, colindex)
            }) }
            { column_spacer(total - cols.end + usize::from(coverage.is_none())) }
            { coverage.unwrap_or_default() }
        </tr>
    }
}

/// The classes of a long list's status cell, not highlighted and highlighted: constant strings,
/// interned at start (`element.rs`) like the status words, so they cross to JS without decoding.
pub(crate) const PLAIN_CELL_CLASSES: [&str; 2] = ["cm-cell cm-plain", "cm-cell cm-plain cm-hl"];

/// The class that colours a status and draws its symbol (src/style.css).
fn status_class(s: Status) -> &'static str {
    match s {
        Status::InScope => "cm-in-scope",
        Status::InProgress => "cm-in-progress",
        Status::NotInScope => "cm-not-in-scope",
        Status::Unknown => "cm-unknown",
    }
}

/// A status cell: a badge (symbol, text) and the source's label; in a long list (`plain`) the
/// cell itself carries colour and symbol, which halves the boxes the browser lays out per cell.
#[allow(clippy::too_many_arguments)]
fn status_cell(
    t: &Strings,
    service: &str,
    cell: &Cell,
    highlighted: bool,
    old: Option<&Cell>,
    later: Option<(&Cell, &str)>,
    plain: bool,
    colindex: Option<AttrValue>,
) -> Html {
    let s = cell.status;
    if plain && old.is_none() && later.is_none() {
        // One shape for every status: the status is an attribute (colour and symbol come from
        // `[data-status]`), the label is drawn from `data-label` by the stylesheet. Moving a row
        // of the window to another program then sets attributes and one text, never inserts or
        // removes nodes, and the class stays the same.
        return html! {
            <td data-service={service.to_string()} data-status={s.id()} aria-colindex={colindex}
                data-label={cell.label.clone()} title={cell.label.clone()}
                class={PLAIN_CELL_CLASSES[usize::from(highlighted)]}>
                { status_text(t, s) }
            </td>
        };
    }
    let label = cell.label.as_ref().map(|label| {
        html! {
            <span class="cm-label" title={label.clone()} lang="en">{ label }</span>
        }
    });
    html! {
        <td data-service={service.to_string()} data-status={s.id()} data-changed={old.map(|o| o.status.id())} aria-colindex={colindex}
            data-superseded={later.map(|(c, _)| c.status.id())}
            class={classes!("cm-cell", highlighted.then_some("cm-hl"), old.map(|_| "cm-changed"), later.map(|_| "cm-superseded"))}>
            if let Some(o) = old {
                <span class="cm-old">
                    <span class="cm-vh">{ t.get(K::changedFrom) }</span>
                    <span class={classes!("cm-badge", "cm-badge-old", status_class(o.status))}>
                        { status_text(t, o.status) }
                    </span>
                    if let Some(l) = &o.label { <span class="cm-label" lang="en">{ l }</span> }
                    <span class="cm-arrow" aria-hidden="true">{ " → " }</span>
                    <span class="cm-vh">{ t.get(K::changedTo) }</span>
                </span>
            }
            <span class={classes!("cm-badge", status_class(s))}>
                { status_text(t, s) }
            </span>
            { label }
            if let Some((c, id)) = later {
                <span class="cm-later" part="later">{ crate::i18n::later_note(t, c, id) }</span>
            }
        </td>
    }
}

/// A link from data: rendered as a link only for http(s)/mailto URLs, as plain text otherwise.
pub fn source_link(t: &Strings, title: &str, url: &str) -> Html {
    let title = if title.trim().is_empty() { url } else { title }.to_string();
    match crate::dataset::safe_url(url) {
        Some(url) => html! {
            <a href={url.to_string()} target="_blank" rel="noopener noreferrer" lang="en">{ title }</a>
        },
        None if title.is_empty() => html! { <span>{ t.get(K::notStated) }</span> },
        None => {
            html! { <span lang="en">{ title }</span> }
        }
    }
}

/// A text from data whose http(s) URLs are links (`text::split_links`); the rest stays text.
pub fn linked_text(text: &str) -> Html {
    html! {
        { for crate::text::split_links(text).into_iter().map(|(is_link, part)| match (is_link, crate::dataset::safe_url(part)) {
            (true, Some(url)) => html! { <a href={url.to_string()} target="_blank" rel="noopener noreferrer">{ url }</a> },
            _ => html! { { part } },
        }) }
    }
}
