//! The Columns menu's panel: show or hide each service column and move it left or right.

use crate::i18n::{
    Arg::{Num, Text},
    StringKey, Strings,
};
use crate::state::ServiceChoice;
use yew::prelude::*;

/// Props of [`ColumnsPanel`].
#[derive(Properties, PartialEq)]
pub struct ColumnsPanelProps {
    /// Shown services first in display order, then hidden ones.
    pub services: Vec<ServiceChoice>,
    pub ontoggleservice: Callback<String>,
    pub onmoveservice: Callback<(String, i32)>,
    /// Right to left: moving a column earlier moves it right.
    pub rtl: bool,
}

/// The panel's content: one line per service, shown ones in display order. A component, so a
/// closed menu builds none of it. A dataset of more services than are shown by default (a page
/// of every AWS service) gets a find box over the list and the count of those shown.
#[function_component(ColumnsPanel)]
pub fn columns_panel(props: &ColumnsPanelProps) -> Html {
    let t = crate::components::use_strings();
    let find = use_state(String::new);
    let shown: Vec<&ServiceChoice> = props.services.iter().filter(|s| s.shown).collect();
    let many = props.services.len() > crate::dataset::MAX_DEFAULT_SERVICES;
    let needle = find.trim().to_lowercase();
    let listed: Vec<&ServiceChoice> = props
        .services
        .iter()
        .filter(|s| {
            needle.is_empty() || s.name.to_lowercase().contains(&needle) || s.id.contains(&needle)
        })
        .collect();
    let oninput = {
        let find = find.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(i) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
                find.set(i.value());
            }
        })
    };
    html! {
        <fieldset class="cm-columns-list">
            <legend class="cm-vh">{ t.get(StringKey::columnsLegend) }</legend>
            if many {
                <input type="search" class="cm-facet-find" part="columns-find" value={(*find).clone()} {oninput}
                    aria-label={t.get(StringKey::findService).to_string()}
                    placeholder={t.get(StringKey::findService).to_string()} autocomplete="off" spellcheck="false" />
                <p class="cm-columns-count" aria-live="polite">
                    if listed.is_empty() {
                        { t.get(StringKey::noServiceMatch) }
                    } else {
                        { t.fmt(StringKey::columnsShown, &[("shown", Num(shown.len())), ("count", Num(props.services.len()))]) }
                    }
                </p>
            }
            <ul>
                { for listed.into_iter().map(|s| column_item(&t, s, &shown, props)) }
            </ul>
        </fieldset>
    }
}

fn column_item(
    t: &Strings,
    s: &ServiceChoice,
    shown: &[&ServiceChoice],
    props: &ColumnsPanelProps,
) -> Html {
    let pos = shown.iter().position(|x| x.id == s.id);
    let toggle = {
        let cb = props.ontoggleservice.clone();
        let id = s.id.clone();
        Callback::from(move |_: Event| cb.emit(id.clone()))
    };
    let mover = |by: i32| {
        let cb = props.onmoveservice.clone();
        let id = s.id.clone();
        Callback::from(move |_: MouseEvent| cb.emit((id.clone(), by)))
    };
    let last_shown = s.shown && shown.len() == 1;
    let (earlier, later) = if props.rtl {
        ((StringKey::moveRight, "→"), (StringKey::moveLeft, "←"))
    } else {
        ((StringKey::moveLeft, "←"), (StringKey::moveRight, "→"))
    };
    html! {
        <li key={s.id.clone()}>
            <label class="cm-check">
                <input type="checkbox" data-service={s.id.clone()} checked={s.shown} disabled={last_shown} onchange={toggle} />
                <span lang="en">{ &s.name }</span>
            </label>
            if let Some(p) = pos {
                <button type="button" class="cm-icon" data-move-up={s.id.clone()} disabled={p == 0}
                    aria-label={t.fmt(earlier.0, &[("service", Text(&s.name))])} onclick={mover(-1)}>{ earlier.1 }</button>
                <button type="button" class="cm-icon" data-move-down={s.id.clone()} disabled={p + 1 == shown.len()}
                    aria-label={t.fmt(later.0, &[("service", Text(&s.name))])} onclick={mover(1)}>{ later.1 }</button>
            }
        </li>
    }
}
