//! The compliance table: real `<table>` semantics as a data grid (WAI-ARIA APG) — sortable
//! headers with `aria-sort`, one row per visible program and one status cell (symbol and word,
//! the source's label kept) per shown service; one tab stop, arrow keys between cells, Enter or
//! a click on a status cell opens its details. A table shown whole scrolls with the page under a
//! sticky header; a long or wide list renders only what is in view inside its own scroller.

mod grid;
mod header;
pub(crate) mod row;

use crate::dataset::Dataset;
use crate::diagram_layout::number;
use crate::grid::{GridCell, Move};
use crate::i18n::{Arg::Text, StringKey};
use crate::query::{Direction, Query, SortField};
use crate::revisions::{Diff, Supersession};
use crate::windowing::{Scroller, ROW_HEIGHT};
use crate::wording::date_text;
use header::SortHeader;
pub(crate) use row::status_class;
use row::{ColumnWindow, Row};
use std::rc::Rc;
use wasm_bindgen::JsCast;
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
    /// A status cell (program index, service index) asks for its details.
    #[prop_or_default]
    pub ondetails: Callback<(usize, usize)>,
    /// The cell whose details are open (program index, service index).
    #[prop_or_default]
    pub open: Option<(usize, usize)>,
    /// A narrow widget (a phone): short service names, symbols, no coverage column.
    #[prop_or_default]
    pub narrow: bool,
    /// A right-to-left page: the arrow keys follow the columns.
    #[prop_or_default]
    pub rtl: bool,
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
    // Long lists render only the rows in view (plus a margin); spacers keep the scroll height.
    // Wide long lists also render only the service columns in view; spacer cells span the rest.
    let view = use_mut_ref(Scroller::default);
    let redraw = use_force_update();
    let wrap = use_node_ref();
    let total = props.visible.len();
    let n = props.shown.len();
    let long = crate::windowing::is_long(total, n);
    // While the page prints (beforeprint → afterprint), a long list renders every row and
    // column if the page's print budget, shared by its widgets, has room for it (`Some(true)`);
    // otherwise its window and a note.
    let printing = use_state(|| None::<bool>);
    let size = use_mut_ref(|| (0, 0));
    *size.borrow_mut() = (total, n);
    {
        let printing = printing.clone();
        let size = size.clone();
        use_effect_with((), move |_| {
            let listeners = crate::platform::PrintListeners::new(move |on| {
                if on {
                    let (rows, services) = *size.borrow();
                    let whole = !crate::windowing::is_long(rows, services)
                        || crate::platform::claim_print(rows, services);
                    printing.set(Some(whole));
                } else {
                    crate::platform::end_print();
                    printing.set(None);
                }
            });
            move || drop(listeners)
        });
    }
    let print_all = printing.unwrap_or_else(|| crate::windowing::prints_everything(total, n));
    let windowed = long && *printing != Some(true);
    let (rows, cols) = {
        let mut v = view.borrow_mut();
        v.viewport = crate::platform::viewport_size();
        v.render(total, n, windowed)
    };
    let (first, end) = rows;
    let (col_first, col_end) = cols;
    let col_windowed = (col_first, col_end) != (0, n);
    // A table wider than its frame (many services on a phone) scrolls sideways in it, its first
    // column in place; one that fits has no scroll box and its header sticks to the page.
    let overflows = use_mut_ref(|| false);
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
        let overflows = overflows.clone();
        use_effect_with((), move |_| {
            // The frame and the table: a table that grows in its frame (compare mode's wider
            // cells) changes only its own size.
            let watch = wrap.cast::<web_sys::HtmlElement>().map(|el| {
                let target = el.clone();
                let table = el.first_element_child();
                let watch = crate::platform::ResizeWatch::new(&el, move || {
                    let wide = target
                        .first_element_child()
                        .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
                        .is_some_and(|t| t.offset_width() > target.client_width() + 1);
                    let changed = std::mem::replace(&mut *overflows.borrow_mut(), wide) != wide;
                    if remeasure(&target, true) || changed {
                        redraw.force_update();
                    }
                });
                if let Some(t) = &table {
                    watch.also(t);
                }
                watch
            });
            move || drop(watch)
        });
    }
    // The grid's one tab stop and the cell the keys last moved it to (focused after the render).
    let coverage = !props.narrow;
    let grid_cols = n + 1 + usize::from(coverage);
    let cursor = use_state(|| GridCell::start(total + 1, grid_cols));
    let cursor_now = cursor.clamp(total + 1, grid_cols);
    // Renders left to try focusing the cursor's cell: one, and one more after a long list
    // scrolled to bring it into its window.
    let to_focus = use_mut_ref(|| 0u8);
    // In a long list the tab stop is in view: the cursor's row, or the first rendered one.
    let tab_stop = if cursor_now.row == 0 || (first..end).contains(&(cursor_now.row - 1)) {
        cursor_now
    } else {
        GridCell {
            row: first + 1,
            col: cursor_now.col,
        }
    };
    let rendered = grid::Rendered {
        first,
        end,
        col_first,
        col_end,
        services: n,
        coverage,
    };
    {
        let wrap = wrap.clone();
        let to_focus = to_focus.clone();
        use_effect(move || {
            let tries = *to_focus.borrow();
            if tries > 0 {
                let done = wrap
                    .cast::<web_sys::Element>()
                    .is_none_or(|el| focus_cell(&el, &rendered, cursor_now));
                *to_focus.borrow_mut() = if done { 0 } else { tries - 1 };
            }
        });
    }
    // The cell whose details an event in the body asks for: (program index, service index). A
    // status cell's own; the program's row header stands for its first shown service (the
    // details carry the program's note).
    let details_of = {
        let (visible, shown) = (props.visible.clone(), props.shown.clone());
        move |e: &Event| {
            let at = grid::cell_of(e, &rendered)?;
            let service = at.col.max(1);
            (at.row > 0 && service <= shown.len())
                .then(|| (visible[at.row - 1], shown[service - 1]))
        }
    };
    let onkeydown = {
        let cursor = cursor.clone();
        let to_focus = to_focus.clone();
        let ondetails = props.ondetails.clone();
        let details_of = details_of.clone();
        let rtl = props.rtl;
        Callback::from(move |e: KeyboardEvent| {
            let key = e.key();
            if key == "Enter" || key == " " {
                if let Some(at) = details_of(&e) {
                    e.prevent_default();
                    ondetails.emit(at);
                }
                return;
            }
            let Some(m) = Move::from_key(&key, e.ctrl_key() || e.meta_key(), rtl) else {
                return;
            };
            e.prevent_default();
            *to_focus.borrow_mut() = 2;
            cursor.set(cursor_now.step(m, total + 1, grid_cols));
        })
    };
    // Focus moved into the grid (a click, Tab, a header's button): the tab stop follows it.
    let onfocusin = {
        let cursor = cursor.clone();
        Callback::from(move |e: FocusEvent| {
            if let Some(at) = grid::cell_of(&e, &rendered) {
                if at != *cursor {
                    cursor.set(at);
                }
            }
        })
    };
    let onclick = {
        let ondetails = props.ondetails.clone();
        Callback::from(move |e: MouseEvent| {
            if let Some(at) = details_of(&e) {
                ondetails.emit(at);
            }
        })
    };
    let columns = n + 1 + usize::from(coverage);
    // Long lists lay the table out from these column widths (table-layout: fixed), not from the
    // content of every cell: a change of window or filter then costs one pass over the rows shown.
    let colgroup = long.then(|| {
        html! {
            <colgroup>
                <col class="cm-colw-program" />
                if n > 0 { <col class="cm-colw-service" span={n.to_string()} /> }
                if coverage { <col class="cm-colw-coverage" /> }
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
    let print_note = (long && !print_all).then(|| {
        html! { <p class="cm-print-note" part="print-note">{ crate::wording::print_note(&t, total, n) }</p> }
    });
    let sort = sort_pairs(&props.query);
    let header = |col: usize, field: SortField, label: String, class: &'static str| {
        let highlighted = matches!(&field, SortField::Service(id) if props.highlight.contains(id));
        let is_service = matches!(&field, SortField::Service(_));
        let short = is_service
            .then(|| crate::text::short_name(&label))
            .filter(|s| *s != label)
            .map(str::to_string);
        html! {
            <SortHeader field={field} label={label} short={short} class={class}
                lang={is_service.then(|| props.data_lang.clone()).flatten()}
                sort={sort.clone()} onsort={props.onsort.clone()} highlighted={highlighted}
                onhighlight={props.onhighlight.clone()} tab_stop={tab_stop.row == 0 && tab_stop.col == col} />
        }
    };
    html! {
        <>
        { print_note }
        <div ref={wrap} class={classes!("cm-table-wrap", windowed.then_some("cm-windowed"), long.then_some("cm-long"), (*overflows.borrow()).then_some("cm-overflows"))}
            part="table-wrap" {onscroll}>
            <table class="cm-table" part="table" role="grid" aria-describedby="cm-grid-hint"
                aria-rowcount={windowed.then(|| (total + 1).to_string())}
                aria-colcount={col_windowed.then(|| columns.to_string())}
                {onkeydown} {onfocusin} {onclick}>
                // Text only: a grid's caption may not hold links (the source's link is in the
                // header above, which also says what the caption says: it is for assistive
                // technology).
                <caption class="cm-vh">
                    { t.fmt(StringKey::caption, &[("date", Text(&date_text(&t, &ds.as_of)))]) }
                    <span id="cm-grid-hint">{ t.get(StringKey::gridHint) }</span>
                </caption>
                { colgroup }
                <thead>
                    <tr>
                        // Every column's header, also in a window of columns: one row, each sort
                        // button reachable by the arrow keys.
                        { header(0, SortField::Program, t.get(StringKey::columnProgram).to_string(), "cm-col-program") }
                        { for props.shown.iter().enumerate().map(|(k, &s)| header(
                            k + 1,
                            SortField::Service(ds.services[s].id.clone()),
                            ds.services[s].name.clone(),
                            "cm-col-service",
                        )) }
                        if coverage {
                            { header(n + 1, SortField::Coverage, t.get(StringKey::columnCoverage).to_string(), "cm-col-coverage") }
                        }
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
                            stripe={(first + k) % 2 == 1} plain={long} data_lang={props.data_lang.clone()}
                            tab_stop={(tab_stop.row == first + k + 1).then_some(tab_stop.col)} coverage={coverage}
                            open={props.open.filter(|(p, _)| *p == i).map(|(_, s)| s)} />
                    }) }
                    { spacer(total - end) }
                </tbody>
            </table>
        </div>
        </>
    }
}

/// The selector of the status cell `program` × `service` (ids) in the table.
pub(crate) fn cell_selector(program: &str, service: &str) -> String {
    let quote = crate::text::css_quoted;
    format!(
        "tr[data-program={}] td[data-service={}]",
        quote(program),
        quote(service)
    )
}

/// The sort keys as (field id, direction) pairs, for props comparison.
fn sort_pairs(q: &Query) -> Rc<Vec<(String, Direction)>> {
    Rc::new(
        q.sort
            .iter()
            .map(|k| (k.field.id().to_string(), k.dir))
            .collect(),
    )
}

/// Puts focus on the grid cell `at` (a header's button, or a body cell); whether it was there. A
/// row or column a long list left out is scrolled into its window instead: the render that
/// follows can focus it.
fn focus_cell(wrap: &web_sys::Element, r: &grid::Rendered, at: GridCell) -> bool {
    let Some(table) = wrap
        .first_element_child()
        .and_then(|t| t.dyn_into::<web_sys::HtmlTableElement>().ok())
    else {
        return true;
    };
    let nearest = |el: &web_sys::Element| {
        let opts = web_sys::ScrollIntoViewOptions::new();
        opts.set_block(web_sys::ScrollLogicalPosition::Nearest);
        opts.set_inline(web_sys::ScrollLogicalPosition::Nearest);
        el.scroll_into_view_with_scroll_into_view_options(&opts);
    };
    if let Some(el) = grid::element(&table, r, at) {
        let _ = el.focus();
        nearest(&el);
        return true;
    }
    // Not rendered: scroll the list to the row, and the column's header (always rendered) into
    // view; their windows follow.
    wrap.set_scroll_top((at.row.saturating_sub(1) as f64 * ROW_HEIGHT) as i32);
    if let Some(th) = grid::element(
        &table,
        r,
        GridCell {
            row: 0,
            col: at.col,
        },
    ) {
        nearest(&th);
    }
    false
}
