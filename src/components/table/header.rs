//! A column header: a sort button with its `aria-sort`, the sort keys' order and direction, and
//! for a service a short name on a narrow widget (the full name stays its accessible name).

use crate::i18n::{Arg::Num, Arg::Text, StringKey};
use crate::query::{Direction, SortField};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SortHeaderProps {
    pub field: SortField,
    pub label: String,
    /// A shorter label for a narrow widget (a service's short name), if it differs.
    pub short: Option<String>,
    /// The language of a label from data (a service name).
    pub lang: Option<AttrValue>,
    pub class: &'static str,
    pub sort: std::rc::Rc<Vec<(String, Direction)>>,
    pub onsort: Callback<(SortField, bool)>,
    pub highlighted: bool,
    pub onhighlight: Callback<Vec<String>>,
    /// The grid's tab stop is on this header (its button).
    pub tab_stop: bool,
}

#[function_component(SortHeader)]
pub fn sort_header(props: &SortHeaderProps) -> Html {
    let t = crate::components::use_strings();
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
            StringKey::sortKeyOf,
            &[
                ("position", Num(p + 1)),
                ("count", Num(props.sort.len())),
                (
                    "direction",
                    Text(t.get(if d == Direction::Asc {
                        StringKey::ascending
                    } else {
                        StringKey::descending
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
    let hover = |on: bool| {
        let cb = props.onhighlight.clone();
        let service = service.clone();
        move || {
            if let Some(s) = &service {
                cb.emit(if on { vec![s.clone()] } else { Vec::new() });
            }
        }
    };
    let (enter, leave) = (hover(true), hover(false));
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
            <button type="button" class="cm-sort" {onclick} {onkeydown} tabindex={if props.tab_stop { "0" } else { "-1" }}
                title={t.get(StringKey::sortHint).to_string()}>
                if let Some(short) = &props.short {
                    <span class="cm-sort-label cm-name-full" lang={props.lang.clone()}>{ &props.label }</span>
                    <span class="cm-sort-label cm-name-short" lang={props.lang.clone()} aria-hidden="true">{ short }</span>
                } else {
                    <span class="cm-sort-label" lang={props.lang.clone()}>{ &props.label }</span>
                }
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
