//! The seed's tools and resources, in brief: each tool's name, one line of what it checks and
//! where it applies (layers and variants as short labels); what it checks in full, its source
//! and what that source says are behind a disclosure.

use super::diagram::band_info::{read_on, source};
use super::links::link;
use crate::i18n::{Arg::Text, StringKey};
use crate::responsibility::Model;
use crate::wording::layer_name;
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`ToolsPanel`].
#[derive(Properties, PartialEq)]
pub struct ToolsPanelProps {
    pub model: Rc<Model>,
}

/// The tools.
#[function_component(ToolsPanel)]
pub fn tools_panel(props: &ToolsPanelProps) -> Html {
    let t = super::use_strings();
    let m = &props.model;
    html! {
        <section class="cm-section cm-tools" part="tools" aria-labelledby="cm-tools-heading">
            <h3 class="cm-h3" id="cm-tools-heading">{ t.get(StringKey::toolsHeading) }</h3>
            <ul class="cm-tool-list">
                { for m.tools.iter().map(|tool| {
                    let layers = tool.layers.iter().filter_map(|l| m.layer(l).map(|x| layer_name(&t, &x.id, &x.name)));
                    let variants = tool.variants.iter().filter_map(|v| m.variant(v).map(|x| &*x.short));
                    html! {
                        <li class="cm-tool" data-tool={tool.id.clone()}>
                            <p class="cm-tool-name">
                                { link(&tool.name, &tool.url) }
                                if tool.archived { <span class="cm-archived">{ t.get(StringKey::archived) }</span> }
                            </p>
                            <p class="cm-tool-summary" lang="en">{ &*tool.summary }</p>
                            <ul class="cm-labels" aria-label={t.get(StringKey::columnLayer).to_string()}>
                                { for layers.map(|l| html! { <li class="cm-chip-label">{ l }</li> }) }
                            </ul>
                            <ul class="cm-labels" aria-label={t.get(StringKey::diagramVariant).to_string()}>
                                { for variants.map(|v| html! { <li class="cm-chip-label cm-chip-variant" lang="en">{ v }</li> }) }
                            </ul>
                            <details class="cm-tool-more">
                                <summary>{ t.fmt(StringKey::moreAbout, &[("tool", Text(&tool.name))]) }</summary>
                                <p class="cm-tool-checks" lang="en">{ &*tool.checks }</p>
                                <p class="cm-muted cm-tool-source">
                                    { source(&t, link(&tool.source.title, &tool.source.url)) }
                                    { read_on(&t, &tool.source.as_of) }
                                    if let Some(n) = &tool.source.note { { ". " }<span lang="en">{ &**n }</span> }
                                </p>
                            </details>
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}
