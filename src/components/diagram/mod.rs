//! The responsibility diagram: one column per variant, layers stacked as bands, owner shown by
//! colour, pattern and label, the responsibility line drawn across; on a phone one variant at a
//! time, chosen with a picker. One tab stop; arrow keys move between bands and the panel below
//! ([`band_info`]) explains the current band, its source and the tools for it. A table
//! equivalent ([`table`]) follows.

pub mod band_info;
mod table;

use crate::diagram_layout::{
    number, points_attr, wrap_words, Arrangement, DiagramLayout, NARROW_LABEL_CHARS,
};
use crate::i18n::{Arg::Text, StringKey, Strings};
use crate::responsibility::{Model, Owner};
use crate::wording::{layer_name, owner_text};
use band_info::BandInfo;
use std::rc::Rc;
use table::DiagramTable;
use yew::prelude::*;

/// Props of [`Diagram`].
#[derive(Properties, PartialEq)]
pub struct DiagramProps {
    pub model: Rc<Model>,
    /// Variant ids to draw, in model order.
    pub variants: Vec<String>,
    /// Service ids highlighted from the table (their variants are marked).
    #[prop_or_default]
    pub highlight: Vec<String>,
    /// The band in focus: (variant id, layer id).
    #[prop_or_default]
    pub current: Option<(String, String)>,
    /// Which variants to show.
    pub ontogglevariant: Callback<String>,
    /// A band was pointed at or moved to with the keyboard.
    pub oncurrent: Callback<Option<(String, String)>>,
    /// A variant was pointed at: highlight its services in the table (empty clears).
    pub onhighlight: Callback<Vec<String>>,
    /// A right-to-left page: the columns run from the right, and the arrow keys with them.
    #[prop_or_default]
    pub rtl: bool,
    /// On a phone: the one variant shown (its picker replaces the toggles).
    #[prop_or_default]
    pub single: Option<String>,
    /// A variant was picked on a phone.
    #[prop_or_default]
    pub onpick: Callback<String>,
}

/// The diagram section.
#[function_component(Diagram)]
pub fn diagram(props: &DiagramProps) -> Html {
    let t = super::use_strings();
    let m = &props.model;
    let variants: Vec<usize> = (0..m.variants.len())
        .filter(|&i| match &props.single {
            Some(one) => *one == m.variants[i].id,
            None => props.variants.iter().any(|v| *v == m.variants[i].id),
        })
        .collect();
    let owners: Vec<Vec<Owner>> = variants.iter().map(|&i| m.variants[i].owners()).collect();
    let arrangement = if props.single.is_some() {
        Arrangement::Narrow
    } else {
        Arrangement::Columns
    };
    let layout = DiagramLayout::for_owners(&owners, m.layers.len(), arrangement, props.rtl);
    let shown_ids: Vec<String> = variants
        .iter()
        .map(|&i| m.variants[i].id.to_string())
        .collect();
    let current = props.current.as_ref().and_then(|(v, l)| {
        Some((
            variants.iter().position(|&i| m.variants[i].id == *v)?,
            m.layer_index(l)?,
        ))
    });

    let onkeydown = {
        let oncurrent = props.oncurrent.clone();
        let ids: Vec<String> = variants
            .iter()
            .map(|&i| m.variants[i].id.to_string())
            .collect();
        let layers: Vec<String> = m.layers.iter().map(|l| l.id.to_string()).collect();
        // The arrows move the way they point: to the next variant rightwards, or leftwards when
        // the columns run from the right.
        let (back, on) = if props.rtl {
            ("ArrowRight", "ArrowLeft")
        } else {
            ("ArrowLeft", "ArrowRight")
        };
        Callback::from(move |e: KeyboardEvent| {
            if ids.is_empty() {
                return;
            }
            let (v, l) = current.unwrap_or((0, layers.len() - 1));
            let next = match e.key().as_str() {
                k if k == back => (v.saturating_sub(1), l),
                k if k == on => ((v + 1).min(ids.len() - 1), l),
                "ArrowUp" => (v, (l + 1).min(layers.len() - 1)),
                "ArrowDown" => (v, l.saturating_sub(1)),
                "Home" => (0, l),
                "End" => (ids.len() - 1, l),
                "Escape" => {
                    oncurrent.emit(None);
                    return;
                }
                _ => return,
            };
            e.prevent_default();
            oncurrent.emit(Some((ids[next.0].clone(), layers[next.1].clone())));
        })
    };
    let onfocus = {
        let oncurrent = props.oncurrent.clone();
        let first = variants.first().map(|&i| {
            (
                m.variants[i].id.to_string(),
                m.layers[m.layers.len() - 1].id.to_string(),
            )
        });
        let has = props.current.is_some();
        Callback::from(move |_: FocusEvent| {
            if !has {
                oncurrent.emit(first.clone());
            }
        })
    };
    let ring = use_node_ref();
    {
        // Keep the current band in view when the diagram scrolls sideways (narrow screens).
        let ring = ring.clone();
        use_effect_with(props.current.clone(), move |_| {
            if let Some(el) = ring.cast::<web_sys::Element>() {
                let opts = web_sys::ScrollIntoViewOptions::new();
                opts.set_block(web_sys::ScrollLogicalPosition::Nearest);
                opts.set_inline(web_sys::ScrollLogicalPosition::Nearest);
                el.scroll_into_view_with_scroll_into_view_options(&opts);
            }
        });
    }
    let names: Vec<String> = variants
        .iter()
        .map(|&i| m.variants[i].name.to_string())
        .collect();
    let desc = t.fmt(
        StringKey::diagramDescription,
        &[("variants", Text(&names.join(t.get(StringKey::joinList))))],
    );
    html! {
        <section class="cm-section cm-diagram-section" aria-labelledby="cm-diagram-heading">
            <h3 class="cm-h3" id="cm-diagram-heading">{ t.get(StringKey::diagramHeading) }</h3>
            <p class="cm-note">{ t.get(StringKey::diagramIntro) }{ " " }
                <span class="cm-muted">{ t.fmt(StringKey::diagramCompiled, &[("date", Text(&t.date(&m.as_of)))]) }</span>
            </p>
            if let Some(one) = &props.single {
                <label class="cm-field cm-variant-select">
                    <span class="cm-field-label">{ t.get(StringKey::diagramVariant) }</span>
                    <select part="variant-picker" onchange={{
                        let cb = props.onpick.clone();
                        Callback::from(move |e: Event| {
                            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
                            cb.emit(select.value());
                        })
                    }}>
                        { for m.variants.iter().map(|v| html! {
                            <option value={v.id.clone()} selected={*v.id == **one} lang="en">{ &*v.name }</option>
                        }) }
                    </select>
                </label>
            } else {
                <div class="cm-variant-picker" role="group" aria-label={t.get(StringKey::diagramVariants).to_string()}>
                    { for m.variants.iter().map(|v| {
                        let on = props.variants.iter().any(|x| *x == *v.id);
                        let cb = props.ontogglevariant.clone();
                        let id = v.id.to_string();
                        html! {
                            <button type="button" class={classes!("cm-chip", on.then_some("cm-chip-on"))}
                                data-variant-toggle={v.id.clone()} aria-pressed={if on { "true" } else { "false" }}
                                onclick={Callback::from(move |_| cb.emit(id.clone()))}>
                                if on { <span class="cm-chip-check" aria-hidden="true">{ "✓" }</span> }
                                <span lang="en">{ &*v.name }</span>
                            </button>
                        }
                    }) }
                </div>
            }
            { owner_legend(&t) }
            <div class="cm-diagram-wrap" part="diagram-wrap">
                if variants.is_empty() {
                    <p class="cm-empty">{ t.get(StringKey::diagramNoVariant) }</p>
                } else {
                    <svg part="diagram" class="cm-diagram" role="img" aria-labelledby="cm-d-title cm-d-desc"
                        viewBox={layout.view_box()} width={number(layout.width)} height={number(layout.height)}
                        tabindex="0" {onkeydown} {onfocus} preserveAspectRatio="xMinYMin meet">
                        <title id="cm-d-title">{ t.fmt(StringKey::diagramTitle, &[("model", Text(t.get(StringKey::diagramHeading)))]) }</title>
                        <desc id="cm-d-desc">{ desc }</desc>
                        <defs>
                            <pattern id="cm-pat-customer" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                                <rect width="8" height="8" class="cm-pat-bg-customer" />
                                <line x1="0" y1="0" x2="0" y2="8" class="cm-pat-line" />
                            </pattern>
                            <pattern id="cm-pat-shared" width="8" height="8" patternUnits="userSpaceOnUse">
                                <rect width="8" height="8" class="cm-pat-bg-shared" />
                                <circle cx="4" cy="4" r="1.6" class="cm-pat-dot" />
                            </pattern>
                        </defs>
                        { for layout.labels.iter().map(|lab| {
                            let name = layer_name(&t, &m.layers[lab.layer].id, &m.layers[lab.layer].name);
                            // On a phone a long name takes two lines, centred on the band.
                            let lines = if arrangement == Arrangement::Narrow { wrap_words(name, NARROW_LABEL_CHARS) } else { vec![name.to_string()] };
                            let top = lab.y - (lines.len() as f64 - 1.0) * 6.5;
                            html! {
                                <text class="cm-d-label" x={number(lab.x)} y={number(top)} text-anchor={layout.label_anchor()} dominant-baseline="middle">
                                    { for lines.iter().enumerate().map(|(k, line)| html! {
                                        <tspan x={number(lab.x)} dy={if k == 0 { "0" } else { "13" }}>{ line }</tspan>
                                    }) }
                                </text>
                            }
                        }) }
                        { for layout.columns.iter().map(|c| {
                            let v = &m.variants[variants[c.variant]];
                            let hl = !props.highlight.is_empty() && v.services.iter().any(|s| props.highlight.iter().any(|h| *h == **s));
                            let onenter = {
                                let cb = props.onhighlight.clone();
                                let services = v.services.iter().map(|s| s.to_string()).collect::<Vec<String>>();
                                Callback::from(move |_: MouseEvent| cb.emit(services.clone()))
                            };
                            let onleave = props.onhighlight.reform(|_: MouseEvent| Vec::new());
                            let lines = wrap_words(&v.name, 15);
                            let top = c.header_y - (lines.len() as f64 - 1.0) * 7.0;
                            html! {
                                <g data-variant={v.id.clone()} data-services={v.services.join(" ")} class={classes!("cm-d-variant", hl.then_some("cm-hl"))}
                                    data-highlighted={hl.then_some("true")} onmouseenter={onenter} onmouseleave={onleave}>
                                    <text class="cm-d-head" lang="en" x={number(c.header_x)} y={number(top)} text-anchor="middle" dominant-baseline="middle">
                                        { for lines.iter().enumerate().map(|(k, line)| html! {
                                            <tspan x={number(c.header_x)} dy={if k == 0 { "0" } else { "14" }}>{ line }</tspan>
                                        }) }
                                    </text>
                                    { for layout.bands.iter().filter(|b| b.variant == c.variant).map(|b| {
                                        let band = &v.cells[b.layer];
                                        let layer = &m.layers[b.layer];
                                        let is_current = current == Some((c.variant, b.layer));
                                        let onclick = {
                                            let cb = props.oncurrent.clone();
                                            let key = (v.id.to_string(), layer.id.to_string());
                                            Callback::from(move |_: MouseEvent| cb.emit(Some(key.clone())))
                                        };
                                        let (cx, cy) = b.centre();
                                        html! {
                                            <g data-layer={layer.id.clone()} data-owner={band.owner.id()}
                                                class={classes!("cm-band", format!("cm-owner-{}", owner_class(band.owner)), is_current.then_some("cm-current"))}
                                                {onclick}>
                                                <rect x={number(b.x)} y={number(b.y)} width={number(b.width)} height={number(b.height)} class="cm-band-fill" />
                                                <text x={number(cx)} y={number(cy)} text-anchor="middle" dominant-baseline="middle" class="cm-band-text">
                                                    { owner_text(&t, band.owner, true) }
                                                </text>
                                            </g>
                                        }
                                    }) }
                                </g>
                            }
                        }) }
                        if layout.line.len() > 1 {
                            <polyline class="cm-d-line" points={points_attr(&layout.line)} />
                        }
                        // The current band's ring is drawn last, so neighbours and the line never cover it.
                        if let Some(b) = current.and_then(|(v, l)| layout.band(v, l)) {
                            <rect ref={ring.clone()} class="cm-current-ring-outer" x={number(b.x)} y={number(b.y)} width={number(b.width)} height={number(b.height)} />
                            <rect class="cm-current-ring" x={number(b.x)} y={number(b.y)} width={number(b.width)} height={number(b.height)} />
                        }
                    </svg>
                }
            </div>
            <BandInfo model={props.model.clone()} current={props.current.clone()} />
            <details class="cm-d-table-wrap" part="diagram-table">
                <summary class="cm-button">{ t.get(StringKey::diagramAsTable) }</summary>
                <DiagramTable model={props.model.clone()} variants={shown_ids} />
            </details>
        </section>
    }
}

fn owner_class(o: Owner) -> &'static str {
    match o {
        Owner::Aws => "aws",
        Owner::Customer => "customer",
        Owner::Shared => "shared",
        Owner::NotApplicable => "na",
    }
}

fn owner_legend(t: &Strings) -> Html {
    html! {
        <ul class="cm-legend cm-owner-legend" aria-label={t.get(StringKey::ownerLegend).to_string()}>
            { for Owner::ALL.iter().map(|o| html! {
                <li>
                    <svg class="cm-swatch" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
                        <g class={classes!("cm-band", format!("cm-owner-{}", owner_class(*o)))}>
                            <rect x="0.5" y="0.5" width="15" height="15" class="cm-band-fill" />
                        </g>
                    </svg>
                    { t.fmt(StringKey::ownerPattern, &[("owner", Text(owner_text(t, *o, false))), ("pattern", Text(t.get(match o {
                        Owner::Aws => StringKey::patternSolid,
                        Owner::Customer => StringKey::patternHatched,
                        Owner::Shared => StringKey::patternDotted,
                        Owner::NotApplicable => StringKey::patternOutline,
                    })))]) }
                </li>
            }) }
            <li>
                <svg class="cm-swatch" viewBox="0 0 16 16" width="24" height="16" aria-hidden="true">
                    <line x1="0" y1="8" x2="16" y2="8" class="cm-d-line" />
                </svg>
                { t.get(StringKey::responsibilityLine) }
            </li>
        </ul>
    }
}
