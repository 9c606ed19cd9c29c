//! What the [`App`] renders: its markup, from its state and props. The app's lifecycle and
//! messages are in `app.rs`.

use super::{all_variants, App, Msg};
use crate::components::details::{details_content, DetailsPanel};
use crate::components::diagram::Diagram;
use crate::components::error::error_banner;
use crate::components::header::header;
use crate::components::legend::legend;
use crate::components::notes::{changes, revision_notes, superseded_note};
use crate::components::table::Table;
use crate::components::toolbar::Toolbar;
use crate::components::tools::ToolsPanel;
use crate::i18n::{Arg::Text, StringKey, Strings};
use crate::options::Theme;
use crate::platform;
use crate::query::{SortField, StatusFilter};
use crate::responsibility::Model;
use crate::state::{service_choices, Action, AppState};
use crate::wording::details::CellDetails;
use crate::wording::print_summary;
use std::rc::Rc;
use yew::prelude::*;

impl App {
    /// The widget's markup for its state: header, errors, toolbar, notes, table, a cell's
    /// details, and the diagram and tools once the first paint is done.
    pub(super) fn render(&self, ctx: &Context<App>) -> Html {
        platform::enter(ctx.props().mount_id);
        let s = &*self.st();
        let link = ctx.link();
        let theme = match s.theme {
            Theme::Auto => None,
            t => Some(format!("cm-theme-{}", t.id())),
        };
        let t: &Rc<Strings> = &ctx.props().strings;
        // Text from the data is in the data's language (the embedded data: English).
        let data_lang = if s.custom.is_none() {
            Some(AttrValue::Static("en"))
        } else {
            ctx.props().data_lang.clone()
        };
        let mut errors = s.option_error_list(t);
        let data_errors = &ctx.props().data_errors;
        let stale_note = (!data_errors.is_empty() && s.pending.is_none())
            .then(|| t.get(StringKey::stillPrevious).to_string());
        errors.splice(0..0, data_errors.iter().cloned());
        errors.extend(ctx.props().brought_error.iter().cloned());
        errors.extend(ctx.props().string_errors.iter().cloned());
        let loading = ctx.props().loading.as_ref();
        let rtl = ctx.props().rtl;
        let bring = self.bring_listeners(ctx);
        let brought = ctx
            .props()
            .brought
            .as_deref()
            .map(|b| (b, link.callback(|_: MouseEvent| Msg::RestoreData)));
        html! {
            <ContextProvider<Rc<Strings>> context={t.clone()}>
            <div ref={self.root.clone()} class={classes!("cm", theme, loading.map(|_| "cm-is-loading"), rtl.then_some("cm-rtl"), self.narrow.then_some("cm-narrow"), self.dragging.then_some("cm-dropping"))} part="root"
                aria-busy={loading.map(|_| "true")}
                ondragover={bring.dragover} ondragleave={bring.dragleave} ondrop={bring.drop} onpaste={bring.paste}>
                if self.dragging {
                    <p class="cm-drop-hint" part="drop-hint" aria-hidden="true">{ t.get(StringKey::dropHint) }</p>
                }
                { bring.input }
                { header(t, s, data_lang.clone(), brought) }
                { error_banner(t, &errors, stale_note.as_deref()) }
                if let Some(name) = &ctx.props().reading {
                    <p class="cm-loading" part="loading" aria-live="polite">
                        <span class="cm-spinner" aria-hidden="true"></span>
                        { t.fmt(StringKey::readingData, &[("name", Text(if name.is_empty() { t.get(StringKey::pastedTable) } else { name }))]) }
                    </p>
                }
                if let Some(url) = loading {
                    <p class="cm-loading" part="loading" aria-live="polite">
                        <span class="cm-spinner" aria-hidden="true"></span>
                        { crate::wording::loading_text(t, url, s.pending.is_none()) }
                    </p>
                }
                if s.view.shows_table() && s.pending.is_some() {
                    <section class="cm-section" aria-label={t.get(StringKey::tableRegion).to_string()}>
                        <p class="cm-count" role="status" aria-live="polite" part="count">
                            { t.get(if loading.is_some() { StringKey::loading } else { StringKey::noData }) }
                        </p>
                        <div class="cm-skeleton" part="skeleton" aria-hidden="true">
                            { for (0..6).map(|_| html! { <div class="cm-skeleton-row"></div> }) }
                        </div>
                    </section>
                } else if s.view.shows_table() {
                    { self.table_section(ctx, s, t, data_lang) }
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
                        rtl={rtl}
                        single={self.narrow.then(|| self.single_variant())}
                        onpick={link.callback(Msg::PickVariant)}
                    />
                    <ToolsPanel model={Model::embedded()} />
                }
            </div>
            </ContextProvider<Rc<Strings>>>
        }
    }

    /// The table's section: toolbar, notes, legend, the table, the empty state and the open
    /// cell's details.
    fn table_section(
        &self,
        ctx: &Context<App>,
        s: &AppState,
        t: &Rc<Strings>,
        data_lang: Option<AttrValue>,
    ) -> Html {
        let ds = &s.dataset;
        let link = ctx.link();
        let brought = ctx.props().brought.is_some();
        let shown = Rc::new(s.shown_services());
        let visible = Rc::new(s.visible.clone());
        let details = self.details.as_ref().and_then(|(p, v)| {
            let model = Model::embedded();
            let d = CellDetails::of(s, &model, ds.program_index(p)?, ds.service_index(v)?)?;
            let onshow = s.view.shows_diagram().then(|| {
                let service = v.clone();
                link.callback(move |_| Msg::ShowInDiagram(service.clone()))
            });
            Some(html! {
                <DetailsPanel anchor={(p.clone(), v.clone())} opened={self.details_opened}
                    onclose={link.callback(|_| Msg::CloseDetails)}
                    content={details_content(t, &d, data_lang.clone(), onshow)} />
            })
        });
        // Escape in the table (a cell, the grid) closes the open details; the menus and the
        // details handle their own Escape.
        let onkeydown = link
            .batch_callback(|e: KeyboardEvent| (e.key() == "Escape").then_some(Msg::CloseDetails));
        html! {
            <section class="cm-section cm-table-section" aria-label={t.get(StringKey::tableRegion).to_string()} {onkeydown}>
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
                    onprint={link.callback(|_| Msg::Print)}
                    onclear={link.callback(|_| Msg::Act(Action::ClearFilters))}
                    rtl={ctx.props().rtl}
                    narrow={self.narrow}
                    revisions={if s.custom.is_none() { crate::revisions::ids() } else { Vec::new() }}
                    revision={s.revision.clone()}
                    compare={if brought { ctx.props().brought_compare.clone() } else { s.compare.clone() }}
                    brought_choices={(*ctx.props().brought_choices).clone()}
                    revision_notes={revision_notes(s)}
                    onrevision={link.callback(|r| Msg::Act(Action::SetRevision(r)))}
                    oncompare={if brought { ctx.props().oncomparebrought.clone() } else { link.callback(|c| Msg::Act(Action::SetCompare(c))) }}
                    onloaddata={App::import_allowed(ctx).then(|| link.callback(|_| Msg::ChooseFile))}
                />
                { changes(t, s) }
                <div class="cm-notes-row">
                    { superseded_note(t, s, &shown, link.callback(|_| Msg::Act(Action::SetRevision("latest".to_string())))) }
                    { legend(t) }
                </div>
                <p class="cm-print-filters">
                    { print_summary(t, s) }
                </p>
                <Table
                    dataset={ds.clone()}
                    data_lang={data_lang.clone()}
                    query={s.query.clone()}
                    visible={visible}
                    shown={shown}
                    onsort={link.callback(|(field, additive): (SortField, bool)| Msg::Act(Action::ToggleSort { field, additive }))}
                    highlight={self.highlight.clone()}
                    onhighlight={link.callback(Msg::Highlight)}
                    diff={s.comparison.as_ref().map(|c| c.diff.clone())}
                    superseded={s.superseded.clone()}
                    ondetails={link.callback(|(p, v)| Msg::Details(p, v))}
                    open={self.details.as_ref().and_then(|(p, v)| Some((ds.program_index(p)?, ds.service_index(v)?)))}
                    narrow={self.narrow}
                    rtl={ctx.props().rtl}
                />
                if s.visible.is_empty() {
                    <div class="cm-empty" part="empty">
                        <p>{ t.fmt(StringKey::noMatch, &[("filters", Text(&crate::wording::filter_summary(t, s).join(t.get(StringKey::joinAnd))))]) }</p>
                        <button type="button" class="cm-button" part="empty-clear" onclick={link.callback(|_| Msg::ClearFromEmpty)}>
                            { t.get(StringKey::clearFilters) }
                        </button>
                    </div>
                }
                // One slot whether or not the details are open: the siblings before it keep their
                // places (a `for` of none or one item would shift them and rebuild the table).
                { details.unwrap_or_default() }
            </section>
        }
    }

    /// The variant a phone's diagram shows: the one picked, else the first of the highlighted
    /// service's, else the first.
    fn single_variant(&self) -> String {
        let model = Model::embedded();
        self.single_variant
            .clone()
            .or_else(|| {
                let service = self.highlight.first()?;
                Some(model.variants_for_service(service).first()?.id.to_string())
            })
            .unwrap_or_else(|| model.variants[0].id.to_string())
    }
}
