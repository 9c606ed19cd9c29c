//! The responsibility diagram: one column per variant, layers stacked as bands, owner shown by
//! colour, pattern and label, the responsibility line drawn across. One tab stop; arrow keys move
//! between bands and the panel below explains the current band, its source and the tools for it.
//! A table equivalent and the tools panel follow.

use crate::dataset::safe_url;
use crate::diagram_layout::{number, points_attr, wrap_words, Arrangement, DiagramLayout};
use crate::i18n::{layer_name, owner_text, Arg::Text, Strings, K};
use crate::responsibility::{Model, Owner};
use std::rc::Rc;
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
}

/// The diagram section.
#[function_component(Diagram)]
pub fn diagram(props: &DiagramProps) -> Html {
    let t = super::use_strings();
    let m = &props.model;
    let variants: Vec<usize> = (0..m.variants.len())
        .filter(|&i| props.variants.iter().any(|v| *v == m.variants[i].id))
        .collect();
    let owners: Vec<Vec<Owner>> = variants.iter().map(|&i| m.variants[i].owners()).collect();
    let layout =
        DiagramLayout::for_owners(&owners, m.layers.len(), Arrangement::Columns, props.rtl);
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
        K::diagramDescription,
        &[("variants", Text(&names.join(t.get(K::joinList))))],
    );
    html! {
        <section class="cm-section cm-diagram-section" aria-labelledby="cm-diagram-heading">
            <h3 class="cm-h3" id="cm-diagram-heading">{ t.get(K::diagramHeading) }</h3>
            <p class="cm-note">{ t.get(K::diagramIntro) }{ " " }
                <span class="cm-muted">{ t.fmt(K::diagramCompiled, &[("date", Text(&t.date(&m.as_of)))]) }</span>
            </p>
            <div class="cm-variant-picker" role="group" aria-label={t.get(K::diagramVariants).to_string()}>
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
            { owner_legend(&t) }
            <div class="cm-diagram-wrap" part="diagram-wrap">
                if variants.is_empty() {
                    <p class="cm-empty">{ t.get(K::diagramNoVariant) }</p>
                } else {
                    <svg part="diagram" class="cm-diagram" role="img" aria-labelledby="cm-d-title cm-d-desc"
                        viewBox={layout.view_box()} width={number(layout.width)} height={number(layout.height)}
                        tabindex="0" {onkeydown} {onfocus} preserveAspectRatio="xMinYMin meet">
                        <title id="cm-d-title">{ t.fmt(K::diagramTitle, &[("model", Text(t.get(K::diagramHeading)))]) }</title>
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
                        { for layout.labels.iter().map(|lab| html! {
                            <text class="cm-d-label" x={number(lab.x)} y={number(lab.y)} text-anchor={layout.label_anchor()} dominant-baseline="middle">
                                { layer_name(&t, &m.layers[lab.layer].id, &m.layers[lab.layer].name) }
                            </text>
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
                <summary class="cm-button">{ t.get(K::diagramAsTable) }</summary>
                <DiagramTable model={props.model.clone()} variants={props.variants.clone()} />
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
        <ul class="cm-legend cm-owner-legend" aria-label={t.get(K::ownerLegend).to_string()}>
            { for Owner::ALL.iter().map(|o| html! {
                <li>
                    <svg class="cm-swatch" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
                        <g class={classes!("cm-band", format!("cm-owner-{}", owner_class(*o)))}>
                            <rect x="0.5" y="0.5" width="15" height="15" class="cm-band-fill" />
                        </g>
                    </svg>
                    { t.fmt(K::ownerPattern, &[("owner", Text(owner_text(t, *o, false))), ("pattern", Text(t.get(match o {
                        Owner::Aws => K::patternSolid,
                        Owner::Customer => K::patternHatched,
                        Owner::Shared => K::patternDotted,
                        Owner::NotApplicable => K::patternOutline,
                    })))]) }
                </li>
            }) }
            <li>
                <svg class="cm-swatch" viewBox="0 0 16 16" width="24" height="16" aria-hidden="true">
                    <line x1="0" y1="8" x2="16" y2="8" class="cm-d-line" />
                </svg>
                { t.get(K::responsibilityLine) }
            </li>
        </ul>
    }
}

#[derive(Properties, PartialEq)]
struct BandInfoProps {
    model: Rc<Model>,
    current: Option<(String, String)>,
}

/// What the current band means, who says so, and which tools help there.
#[function_component(BandInfo)]
fn band_info(props: &BandInfoProps) -> Html {
    let t = super::use_strings();
    let m = &props.model;
    let found = props
        .current
        .as_ref()
        .and_then(|(v, l)| Some((m.variant(v)?, m.layer(l)?, m.band(v, l)?)));
    html! {
        <div class="cm-band-info" part="band-info" aria-live="polite">
            if let Some((variant, layer, band)) = found {
                <p class="cm-band-info-head">
                    <strong>{ t.fmt(K::bandHeading, &[("variant", Text(&variant.name)), ("layer", Text(layer_name(&t, &layer.id, &layer.name)))]) }</strong>
                    <span class={classes!("cm-owner-tag", format!("cm-owner-{}", owner_class(band.owner)))}>{ owner_text(&t, band.owner, false) }</span>
                </p>
                <p class="cm-band-explanation" lang="en">{ &*band.explanation }</p>
                if let Some(src) = m.source(&band.source) {
                    <p class="cm-band-source">
                        { source(&t, link(&src.title, &src.url)) }
                        { read_on(&t, &src.as_of) }
                        { for band.see_also.iter().filter_map(|id| m.source(id)).map(|s| html! {
                            <>{ t.get(K::seeAlso) }{ link(&s.title, &s.url) }</>
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
                            <p class="cm-band-tools">{ t.get(K::toolsHere) }
                                { for tools.iter().enumerate().map(|(k, tool)| html! {
                                    <>
                                        if k > 0 { { t.get(K::joinList) } }
                                        { link(&tool.name, &tool.url) }
                                        if tool.archived { { t.get(K::archivedNote) } }
                                    </>
                                }) }
                            </p>
                        }
                    }
                }}
            } else {
                <p class="cm-muted">{ t.get(K::diagramHint) }</p>
            }
        </div>
    }
}

/// "Source: <link>" in the reader's words.
fn source(t: &Strings, link: Html) -> Html {
    let (before, after) = t.around(K::source, "source", &[]);
    html! { <>{ before }{ link }{ after }</> }
}

/// " (read <time>2026-11-30</time>)": the date in the reader's format, ISO in `datetime`.
fn read_on(t: &Strings, iso: &str) -> Html {
    let (before, after) = t.around(K::readOn, "date", &[]);
    html! { <>{ before }<time datetime={iso.to_string()}>{ t.date(iso) }</time>{ after }</> }
}

fn link(title: &str, url: &str) -> Html {
    match safe_url(url) {
        Some(u) => {
            html! { <a href={u.to_string()} target="_blank" rel="noopener noreferrer" lang="en">{ title }</a> }
        }
        None => html! { <span lang="en">{ title }</span> },
    }
}

#[derive(Properties, PartialEq)]
struct DiagramTableProps {
    model: Rc<Model>,
    variants: Vec<String>,
}

/// The whole diagram as a table: layers × variants, owner and explanation in each cell.
#[function_component(DiagramTable)]
fn diagram_table(props: &DiagramTableProps) -> Html {
    let t = super::use_strings();
    let m = &props.model;
    let shown: Vec<_> = m
        .variants
        .iter()
        .filter(|v| props.variants.iter().any(|x| *x == *v.id))
        .collect();
    html! {
        <div class="cm-table-wrap" tabindex="0" role="region" aria-label={t.get(K::diagramTableRegion).to_string()}>
            <table class="cm-table cm-d-table">
                <caption>{ t.get(K::diagramTableCaption) }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ t.get(K::columnLayer) }</th>
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

/// Props of [`ToolsPanel`].
#[derive(Properties, PartialEq)]
pub struct ToolsPanelProps {
    pub model: Rc<Model>,
}

/// The seed's tools and resources: what each checks, where it helps, and its link.
#[function_component(ToolsPanel)]
pub fn tools_panel(props: &ToolsPanelProps) -> Html {
    let t = super::use_strings();
    let m = &props.model;
    html! {
        <section class="cm-section cm-tools" part="tools" aria-labelledby="cm-tools-heading">
            <h3 class="cm-h3" id="cm-tools-heading">{ t.get(K::toolsHeading) }</h3>
            <ul class="cm-tool-list">
                { for m.tools.iter().map(|tool| {
                    let layers: Vec<&str> = tool.layers.iter().filter_map(|l| m.layer(l).map(|x| layer_name(&t, &x.id, &x.name))).collect();
                    let variants: Vec<String> = tool.variants.iter().filter_map(|v| m.variant(v).map(|x| x.name.to_string())).collect();
                    let join = t.get(K::joinList);
                    html! {
                        <li class="cm-tool" data-tool={tool.id.clone()}>
                            <p class="cm-tool-name">
                                { link(&tool.name, &tool.url) }
                                if tool.archived { <span class="cm-archived">{ t.get(K::archived) }</span> }
                            </p>
                            <p class="cm-tool-checks" lang="en">{ &*tool.checks }</p>
                            <p class="cm-muted cm-tool-where">{ t.fmt(K::toolWhere, &[("layers", Text(&layers.join(join))), ("variants", Text(&variants.join(join)))]) }</p>
                            <p class="cm-muted cm-tool-source">
                                { source(&t, link(&tool.source.title, &tool.source.url)) }
                                { read_on(&t, &tool.source.as_of) }
                                if let Some(n) = &tool.source.note { { ". " }<span lang="en">{ &**n }</span> }
                            </p>
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}
