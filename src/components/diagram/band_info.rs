//! What the diagram's current band means, who says so, and which tools help there: the panel
//! under the drawing, read out as the arrow keys move between bands.

use super::owner_class;
use crate::components::links::link;
use crate::i18n::{Arg::Text, StringKey, Strings};
use crate::responsibility::Model;
use crate::wording::{layer_name, owner_text};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct BandInfoProps {
    pub model: Rc<Model>,
    pub current: Option<(String, String)>,
}

/// What the current band means, who says so, and which tools help there.
#[function_component(BandInfo)]
pub fn band_info(props: &BandInfoProps) -> Html {
    let t = crate::components::use_strings();
    let m = &props.model;
    let found = props
        .current
        .as_ref()
        .and_then(|(v, l)| Some((m.variant(v)?, m.layer(l)?, m.band(v, l)?)));
    html! {
        <div class="cm-band-info" part="band-info" aria-live="polite">
            if let Some((variant, layer, band)) = found {
                <p class="cm-band-info-head">
                    <strong>{ t.fmt(StringKey::bandHeading, &[("variant", Text(&variant.name)), ("layer", Text(layer_name(&t, &layer.id, &layer.name)))]) }</strong>
                    <span class={classes!("cm-owner-tag", format!("cm-owner-{}", owner_class(band.owner)))}>{ owner_text(&t, band.owner, false) }</span>
                </p>
                <p class="cm-band-explanation" lang="en">{ &*band.explanation }</p>
                if let Some(src) = m.source(&band.source) {
                    <p class="cm-band-source">
                        { source(&t, link(&src.title, &src.url)) }
                        { read_on(&t, &src.as_of) }
                        { for band.see_also.iter().filter_map(|id| m.source(id)).map(|s| html! {
                            <>{ t.get(StringKey::seeAlso) }{ link(&s.title, &s.url) }</>
                        }) }
                    </p>
                }
                if let Some(note) = &variant.note {
                    <p class="cm-band-note" part="variant-note" lang="en">
                        { note }
                        { for variant.note_source.as_deref().and_then(|id| m.source(id)).map(|s| html! {
                            <>{ " (" }{ link(&s.title, &s.url) }{ ")" }</>
                        }) }
                    </p>
                }
                {{
                    let tools = m.tools_for(&variant.id, &layer.id);
                    if tools.is_empty() {
                        html! {}
                    } else {
                        html! {
                            <p class="cm-band-tools">{ t.get(StringKey::toolsHere) }
                                { for tools.iter().enumerate().map(|(k, tool)| html! {
                                    <>
                                        if k > 0 { { t.get(StringKey::joinList) } }
                                        { link(&tool.name, &tool.url) }
                                        if tool.archived { { t.get(StringKey::archivedNote) } }
                                    </>
                                }) }
                            </p>
                        }
                    }
                }}
            } else {
                <p class="cm-muted">{ t.get(StringKey::diagramHint) }</p>
            }
        </div>
    }
}

/// "Source: <link>" in the user's words.
pub(crate) fn source(t: &Strings, link: Html) -> Html {
    let (before, after) = t.around(StringKey::source, "source", &[]);
    html! { <>{ before }{ link }{ after }</> }
}

/// " (read <time>2026-11-30</time>)": the date in the user's format, ISO in `datetime`.
pub(crate) fn read_on(t: &Strings, iso: &str) -> Html {
    let (before, after) = t.around(StringKey::readOn, "date", &[]);
    html! { <>{ before }<time datetime={iso.to_string()}>{ t.date(iso) }</time>{ after }</> }
}
