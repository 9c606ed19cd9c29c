//! What the [`App`] renders: its markup, from its state and props. The app's lifecycle and
//! messages are in `app.rs`.

use super::{all_variants, App, Msg};
use crate::components::diagram::{Diagram, ToolsPanel};
use crate::components::error::error_banner;
use crate::components::legend::legend;
use crate::components::notes::{changes, superseded_note, warning_with_link};
use crate::components::table::{linked_text, source_link, Table};
use crate::components::toolbar::Toolbar;
use crate::i18n::{date_text, print_summary, Arg::Text, Strings, K};
use crate::options::Theme;
use crate::platform;
use crate::query::{SortField, StatusFilter};
use crate::responsibility::Model;
use crate::state::{service_choices, Action};
use std::rc::Rc;
use yew::prelude::*;

impl App {
    /// The widget's markup for its state: header, errors, toolbar, notes, legend, table, and the
    /// diagram and tools once the first paint is done.
    pub(super) fn render(&self, ctx: &Context<App>) -> Html {
        platform::enter(ctx.props().generation);
        let s = &self.state;
        let ds = &s.dataset;
        let link = ctx.link();
        let theme = match s.theme {
            Theme::Auto => None,
            t => Some(format!("cm-theme-{}", t.id())),
        };
        let t: &Strings = &ctx.props().strings;
        // Text from the data is in the data's language (the embedded data: English).
        let data_lang = if s.custom.is_none() {
            Some(AttrValue::Static("en"))
        } else {
            ctx.props().data_lang.clone()
        };
        let (as_of_before, as_of_after) = t.around(K::asOf, "date", &[]);
        let (source_before, source_after) = t.around(K::source, "source", &[]);
        let mut errors = s.option_error_list(t);
        let data_errors: Vec<String> = ctx
            .props()
            .data_error
            .iter()
            .chain(&self.src_error)
            .cloned()
            .collect();
        let stale_note = (!data_errors.is_empty() && s.pending.is_none())
            .then(|| t.get(K::stillPrevious).to_string());
        errors.splice(0..0, data_errors);
        errors.extend(ctx.props().string_errors.iter().cloned());
        let shown = Rc::new(s.shown_services());
        let visible = Rc::new(s.visible.clone());
        html! {
            <ContextProvider<Rc<Strings>> context={ctx.props().strings.clone()}>
            <div ref={self.root.clone()} class={classes!("cm", theme, self.loading.as_ref().map(|_| "cm-is-loading"), ctx.props().rtl.then_some("cm-rtl"))} part="root"
                aria-busy={self.loading.as_ref().map(|_| "true")}>
                if let Some(url) = &s.pending {
                    <header class="cm-head">
                        <h2 class="cm-title">{ t.get(K::title) }</h2>
                        <p class="cm-meta">{ source_before.clone() }{ source_link(t, url, url) }{ source_after.clone() }</p>
                    </header>
                } else {
                    <header class="cm-head">
                        if ds.title.is_empty() {
                            <h2 class="cm-title">{ t.get(K::title) }</h2>
                        } else {
                            <h2 class="cm-title" lang={data_lang.clone()}>{ ds.title.as_str() }</h2>
                        }
                        <p class="cm-meta">
                            { as_of_before }
                            <time datetime={ds.as_of.clone()}>{ date_text(t, &ds.as_of) }</time>
                            { as_of_after }
                            { " · " }
                            { source_before }
                            { source_link(t, &ds.source.title, &ds.source.url) }
                            { source_after }
                        </p>
                        if let Some(w) = &ds.warning {
                            <p class="cm-warning" part="warning" lang={data_lang.clone()}>
                                <span class="cm-warning-icon" aria-hidden="true">{ "⚠" }</span>
                                { warning_with_link(t, w, ds.latest.as_ref().map(|l| l.url.as_str())) }
                            </p>
                        }
                        { for [&ds.latest, &Some(ds.source.clone())].into_iter().flatten().filter_map(|l| l.note.as_deref()).map(|n| html! {
                            <p class="cm-note" part="note" lang={data_lang.clone()}>{ linked_text(n) }</p>
                        }) }
                    </header>
                }
                { error_banner(t, &errors, stale_note.as_deref()) }
                if let Some(url) = &self.loading {
                    <p class="cm-loading" part="loading" aria-live="polite">
                        <span class="cm-spinner" aria-hidden="true"></span>
                        { crate::i18n::loading_text(t, url, s.pending.is_none()) }
                    </p>
                }
                if s.view.shows_table() && s.pending.is_some() {
                    <section class="cm-section" aria-label={t.get(K::tableRegion).to_string()}>
                        <p class="cm-count" role="status" aria-live="polite" part="count">
                            { t.get(if self.loading.is_some() { K::loading } else { K::noData }) }
                        </p>
                        <div class="cm-skeleton" part="skeleton" aria-hidden="true">
                            { for (0..6).map(|_| html! { <div class="cm-skeleton-row"></div> }) }
                        </div>
                    </section>
                } else if s.view.shows_table() {
                    <section class="cm-section" aria-label={t.get(K::tableRegion).to_string()}>
                        <Toolbar
                            text={s.query.text.clone()}
                            search_ref={self.search.clone()}
                            status={s.query.status.clone()}
                            gaps={s.query.gaps}
                            services={service_choices(s, &shown)}
                            facets={s.query.facets(ds, &s.index)}
                            facet_find={self.facet_find.clone()}
                            onfacetfind={link.callback(|(f, t)| Msg::FacetFind(f, t))}
                            visible={s.visible.len()}
                            total={ds.programs.len()}
                            filtered={s.query.is_filtered()}
                            message={self.message.clone()}
                            ontext={link.callback(|t| Msg::Act(Action::SetText(t)))}
                            onstatus={link.callback(|v: StatusFilter| Msg::Act(Action::SetStatus(v)))}
                            ongaps={link.callback(|g| Msg::Act(Action::SetGaps(g)))}
                            ontag={link.callback(|t| Msg::Act(Action::ToggleTag(t)))}
                            ontoggleservice={link.callback(|id| Msg::Act(Action::ToggleService(id)))}
                            onmoveservice={link.callback(|(service, by)| Msg::Act(Action::MoveService { service, by }))}
                            onexport={link.callback(Msg::Export)}
                            oncopylink={link.callback(|_| Msg::CopyLink)}
                            onclear={link.callback(|_| Msg::Act(Action::ClearFilters))}
                            rtl={ctx.props().rtl}
                            revisions={if s.custom.is_none() { crate::revisions::ids() } else { Vec::new() }}
                            revision={s.revision.clone()}
                            compare={s.compare.clone()}
                            onrevision={link.callback(|r| Msg::Act(Action::SetRevision(r)))}
                            oncompare={link.callback(|c| Msg::Act(Action::SetCompare(c)))}
                        />
                        { changes(t, s) }
                        { superseded_note(t, s, &shown, link.callback(|_| Msg::Act(Action::SetRevision("latest".to_string())))) }
                        <p class="cm-print-filters">
                            { print_summary(t, s) }
                        </p>
                        { legend(t) }
                        <Table
                            dataset={ds.clone()}
                            data_lang={data_lang.clone()}
                            query={s.query.clone()}
                            visible={visible}
                            shown={shown}
                            onsort={link.callback(|(field, additive): (SortField, bool)| Msg::Act(Action::ToggleSort { field, additive }))}
                            highlight={self.highlight.clone()}
                            onhighlight={link.callback(Msg::Highlight)}
                            diff={s.comparison.as_ref().map(|c| Rc::new(c.diff.clone()))}
                            superseded={s.superseded.clone()}
                        />
                        if s.visible.is_empty() {
                            <div class="cm-empty" part="empty">
                                <p>{ t.fmt(K::noMatch, &[("filters", Text(&crate::i18n::filter_summary(t, s).join(t.get(K::joinAnd))))]) }</p>
                                <button type="button" class="cm-button" part="empty-clear" onclick={link.callback(|_| Msg::ClearFromEmpty)}>
                                    { t.get(K::clearFilters) }
                                </button>
                            </div>
                        }
                    </section>
                }
                if s.view.shows_diagram() && !self.diagram_waits {
                    <Diagram
                        model={Model::embedded()}
                        variants={self.variants.clone().unwrap_or_else(all_variants)}
                        highlight={self.highlight.clone()}
                        current={self.current.clone()}
                        ontogglevariant={link.callback(Msg::ToggleVariant)}
                        oncurrent={link.callback(Msg::Current)}
                        onhighlight={link.callback(Msg::Highlight)}
                        rtl={ctx.props().rtl}
                    />
                    <ToolsPanel model={Model::embedded()} />
                }
            </div>
            </ContextProvider<Rc<Strings>>>
        }
    }
}
