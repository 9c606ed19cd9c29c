//! One row of the table: the program as its row header, a status cell per shown service and the
//! coverage. Cells stay short: a status is a symbol and a word; a cell a later revision reads
//! otherwise, or one that changed in compare mode, carries a marker, and its sentence is in the
//! cell's details.

use crate::dataset::{Cell, Dataset, Program, Status};
use crate::i18n::{Arg::Num, StringKey, Strings};
use crate::query::coverage;
use crate::revisions::{Diff, Supersession};
use crate::wording::{later_note, status_text};
use std::rc::Rc;
use yew::prelude::*;

/// Up to this many shown services the coverage meter has a pip per service, above it one bar.
const MAX_PIPS: usize = 12;

/// The service columns in the DOM (`first..end` of the shown ones); `indexed` when that is not all
/// of them, so every cell names its column (`aria-colindex`).
#[derive(PartialEq)]
pub struct ColumnWindow {
    pub first: usize,
    pub end: usize,
    pub indexed: bool,
}

impl ColumnWindow {
    /// `aria-colindex` of the cell in the 1-based column `n`, when columns are left out.
    fn index(&self, n: usize) -> Option<AttrValue> {
        self.indexed.then(|| AttrValue::from(n.to_string()))
    }
}

#[derive(Properties, PartialEq)]
pub struct RowProps {
    pub dataset: Rc<Dataset>,
    pub index: usize,
    pub shown: Rc<Vec<usize>>,
    /// Which of the shown services have a cell in the DOM.
    pub cols: Rc<ColumnWindow>,
    /// Shown service indices highlighted from the diagram.
    pub highlight: Rc<Vec<usize>>,
    pub diff: Option<Rc<Diff>>,
    pub superseded: Option<Rc<Supersession>>,
    /// `aria-rowindex` when only a window of the rows is in the DOM.
    pub rowindex: Option<usize>,
    /// Every other row is shaded. A class, not `:nth-child`: a structural selector makes every
    /// inserted or removed row restyle its siblings.
    pub stripe: bool,
    /// A long list: lighter status cells (see [`status_cell`]).
    pub plain: bool,
    /// The language of the data's text.
    pub data_lang: Option<AttrValue>,
    /// The grid column (0: the program) that holds the table's tab stop, when it is in this row.
    pub tab_stop: Option<usize>,
    /// The coverage column is shown (not on a narrow widget).
    pub coverage: bool,
    /// The service (index) of this row whose details are open: its cell anchors them.
    pub open: Option<usize>,
}

/// `tabindex` of the cell in grid column `col`: the one tab stop, or reachable by the arrows.
fn tabindex(tab_stop: Option<usize>, col: usize) -> &'static str {
    if tab_stop == Some(col) {
        "0"
    } else {
        "-1"
    }
}

#[function_component(Row)]
pub fn row(props: &RowProps) -> Html {
    let t = crate::components::use_strings();
    let p: &Program = &props.dataset.programs[props.index];
    let total = props.shown.len();
    let row_change = props.diff.as_ref().and_then(|d| d.row(&p.id));
    let cols = &props.cols;
    // The coverage column comes after every service: in a window of columns its cell is rendered
    // only when the window reaches the last service (the spacer spans it otherwise).
    let coverage = (props.coverage && cols.end == total).then(|| {
        let (ins, prog) = coverage(&props.dataset, props.index, &props.shown);
        let cov_text = t.fmt(StringKey::coverage, &[("count", Num(ins)), ("total", Num(total))]);
        let cov_extra = (prog > 0).then(|| t.fmt(StringKey::coverageInProgress, &[("count", Num(prog))]));
        html! {
            <td class="cm-coverage" data-coverage={ins.to_string()} aria-colindex={cols.index(total + 2)}
                tabindex={tabindex(props.tab_stop, total + 1)}>
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
            <th scope="row" class="cm-program" aria-colindex={props.cols.index(1)} tabindex={tabindex(props.tab_stop, 0)}>
                <span class="cm-program-name" lang={props.data_lang.clone()}>{ &p.name }</span>
                if let Some(note) = &p.note {
                    // The note itself is in the details of the row's cells.
                    <span class="cm-note-mark" title={note.clone()} lang={props.data_lang.clone()} aria-hidden="true">{ "†" }</span>
                }
                if let Some(r) = row_change {
                    <span class={classes!("cm-diff-tag", format!("cm-diff-{}", r.id()))}>
                        { t.get(if r == crate::revisions::RowChange::Added { StringKey::rowAdded } else { StringKey::rowRemoved }) }
                    </span>
                }
            </th>
            { column_spacer(cols.first) }
            { for props.shown[cols.first..cols.end].iter().enumerate().map(|(k, &s)| {
                let service = &props.dataset.services[s].id;
                let old = props.diff.as_ref().and_then(|d| d.old_cell(&p.id, service));
                let col = cols.first + k + 1;
                let later = props.superseded.as_ref().and_then(|sup| Some((sup.of(props.index, s)?, sup.latest.as_str())));
                let cell = CellView { service, cell: &p.cells[s], highlighted: props.highlight.contains(&s), old, later, open: props.open == Some(s) };
                status_cell(&t, cell, props.plain, cols.index(col + 1), tabindex(props.tab_stop, col))
            }) }
            { column_spacer(total - cols.end + usize::from(props.coverage && coverage.is_none())) }
            { coverage.unwrap_or_default() }
        </tr>
    }
}

/// An empty cell standing for `span` service columns left out of the DOM (none for 0).
fn column_spacer(span: usize) -> Html {
    if span == 0 {
        return Html::default();
    }
    html! { <td class="cm-colspacer" colspan={span.to_string()} aria-hidden="true"></td> }
}

/// The classes of a long list's status cell, not highlighted and highlighted.
pub(crate) const PLAIN_CELL_CLASSES: [&str; 2] = ["cm-cell cm-plain", "cm-cell cm-plain cm-hl"];

/// The class that colours a status and draws its symbol (src/style.css).
pub(crate) fn status_class(s: Status) -> &'static str {
    match s {
        Status::InScope => "cm-in-scope",
        Status::InProgress => "cm-in-progress",
        Status::NotInScope => "cm-not-in-scope",
        Status::Unknown => "cm-unknown",
    }
}

/// What one status cell shows.
struct CellView<'a> {
    service: &'a str,
    cell: &'a Cell,
    highlighted: bool,
    /// In compare mode, the older revision's cell when it differs.
    old: Option<&'a Cell>,
    /// The latest revision's cell and id, when it reads otherwise.
    later: Option<(&'a Cell, &'a str)>,
    /// Its details are open (the dialog is placed under it: `anchor-name` in style.css).
    open: bool,
}

/// A status cell: a badge (symbol, word) and the source's label; in a long list (`plain`) the
/// cell itself carries colour and symbol, which halves the boxes the browser lays out per cell.
fn status_cell(
    t: &Strings,
    c: CellView,
    plain: bool,
    colindex: Option<AttrValue>,
    tabindex: &'static str,
) -> Html {
    let s = c.cell.status;
    if plain && c.old.is_none() && c.later.is_none() && !c.open {
        // One shape for every status: the status is an attribute (colour and symbol come from
        // `[data-status]`), the label is drawn from `data-label` by the stylesheet. Moving a row
        // of the window to another program then sets attributes and one text, never inserts or
        // removes nodes, and the class stays the same.
        return html! {
            <td data-service={c.service.to_string()} data-status={s.id()} aria-colindex={colindex}
                data-label={c.cell.label.clone()} title={c.cell.label.clone()} tabindex={tabindex}
                class={PLAIN_CELL_CLASSES[usize::from(c.highlighted)]}>
                { status_text(t, s) }
            </td>
        };
    }
    let label = c.cell.label.as_ref().map(|label| {
        html! {
            <span class="cm-label" title={label.clone()} lang="en">{ label }</span>
        }
    });
    html! {
        <td data-service={c.service.to_string()} data-status={s.id()} data-changed={c.old.map(|o| o.status.id())} aria-colindex={colindex}
            data-superseded={c.later.map(|(l, _)| l.status.id())} tabindex={tabindex}
            class={classes!("cm-cell", c.highlighted.then_some("cm-hl"), c.old.map(|_| "cm-changed"), c.later.map(|_| "cm-superseded"), c.open.then_some("cm-open"))}>
            if let Some(o) = c.old {
                // Compare mode: the older status as its symbol, struck through, then an arrow.
                <span class="cm-old">
                    <span class="cm-vh">{ t.get(StringKey::changedFrom) }{ status_text(t, o.status) }{ t.get(StringKey::changedTo) }</span>
                    <span class={classes!("cm-old-symbol", status_class(o.status))} aria-hidden="true">{ o.status.symbol() }</span>
                    <span class="cm-arrow" aria-hidden="true">{ "→" }</span>
                </span>
            }
            <span class={classes!("cm-badge", status_class(s))}>
                <span class="cm-st">{ status_text(t, s) }</span>
            </span>
            if let Some((l, id)) = c.later {
                // A later revision reads otherwise: its status as a symbol; the sentence is the
                // accessible text here, and in the cell's details.
                <span class="cm-later-mark" part="later" title={later_note(t, l, id)}>
                    <span aria-hidden="true">{ "›" }{ l.status.symbol() }</span>
                    <span class="cm-vh">{ later_note(t, l, id) }</span>
                </span>
            }
            { label }
        </td>
    }
}
