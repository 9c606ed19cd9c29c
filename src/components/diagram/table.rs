//! The diagram as a table: layers × variants, owner and explanation in each cell (its text
//! equivalent, behind a disclosure).

use crate::i18n::StringKey;
use crate::responsibility::Model;
use crate::wording::{layer_name, owner_text};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DiagramTableProps {
    pub model: Rc<Model>,
    pub variants: Vec<String>,
}

/// The whole diagram as a table: layers × variants, owner and explanation in each cell.
#[function_component(DiagramTable)]
pub fn diagram_table(props: &DiagramTableProps) -> Html {
    let t = crate::components::use_strings();
    let m = &props.model;
    let shown: Vec<_> = m
        .variants
        .iter()
        .filter(|v| props.variants.iter().any(|x| *x == *v.id))
        .collect();
    html! {
        <div class="cm-table-wrap" tabindex="0" role="region" aria-label={t.get(StringKey::diagramTableRegion).to_string()}>
            <table class="cm-table cm-d-table">
                <caption>{ t.get(StringKey::diagramTableCaption) }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ t.get(StringKey::columnLayer) }</th>
                        { for shown.iter().map(|v| html! { <th scope="col" class="cm-d-th" lang="en">{ &*v.name }</th> }) }
                    </tr>
                </thead>
                <tbody>
                    { for m.layers.iter().enumerate().rev().map(|(li, l)| html! {
                        <tr data-layer={l.id.clone()}>
                            <th scope="row">{ layer_name(&t, &l.id, &l.name) }</th>
                            { for shown.iter().map(|v| {
                                let b = &v.cells[li];
                                html! {
                                    <td data-variant={v.id.clone()} data-owner={b.owner.id()}>
                                        <strong>{ owner_text(&t, b.owner, false) }</strong>
                                        <span class="cm-label" lang="en">{ &*b.explanation }</span>
                                    </td>
                                }
                            }) }
                        </tr>
                    }) }
                </tbody>
            </table>
        </div>
    }
}
