//! The root component: turns messages into actions on the widget's [`AppState`] (kept in the
//! cell it shares with the widget), follows the URL hash and reports every user change. The
//! widget owns the data sources and the options; what the app renders (header, toolbar, notes,
//! table, a cell's details, diagram) is in `app/view.rs`.

use super::toolbar::ExportKind;
use crate::dataset::Dataset;

use crate::platform::{self, HashListener};
use crate::responsibility::Model;
use crate::state::{Action, AppState};
use crate::view_state::start_view;
use crate::wording::sort_announcement;

use yew::prelude::*;

pub use super::app_props::{AppProps, Bring, Brought, SharedState};

mod bring;
mod focus;
mod hash;
mod outward;
mod view;

/// Below this width (CSS px) the widget lays itself out for a phone: short service names and
/// symbols in the table, the menus on a line of their own, one diagram variant at a time.
const NARROW_PX: f64 = 600.0;

/// Only in builds with the `fault-injection` feature (the panic-isolation e2e test): typing this
/// into the search box panics inside that widget.
#[cfg(feature = "fault-injection")]
pub const FAULT_QUERY: &str = "\u{1f4a5}panic";

/// The widget's view.
pub struct App {
    /// The state, in the cell the widget shares (see [`SharedState`]).
    shared: SharedState,
    /// Set while `sync-url` is on: follows back/forward and hash links.
    hash_listener: Option<HashListener>,
    /// The last action's result, for the polite live region.
    message: String,
    /// Variant ids drawn in the diagram; `None`: all (the model is parsed when first drawn).
    variants: Option<Vec<String>>,
    /// The diagram band in focus: (variant id, layer id).
    current: Option<(String, String)>,
    /// Service ids highlighted across table and diagram.
    highlight: Vec<String>,
    /// The status cell whose details are open: (program id, service id).
    details: Option<(String, String)>,
    /// Counts the openings of details (one cell's again too): each moves focus into them.
    details_opened: u32,
    /// Laid out for a phone (the root is under [`NARROW_PX`] wide).
    narrow: bool,
    /// Watches the root's width.
    width_watch: Option<platform::ResizeWatch>,
    /// The diagram's one variant on a phone (`None`: the first, or the highlighted service's).
    single_variant: Option<String>,
    /// Bring the diagram into view and focus after the next render ("Show in the diagram").
    to_diagram: bool,
    /// `onready` has been called.
    ready_sent: bool,
    /// The diagram and the tools (below the table) wait for the first paint of the rest: the
    /// first frame then needs less work (script, the wasm's functions compiled on first call,
    /// layout), and the page's long task is cut in two. `ready` resolves once they are in.
    diagram_waits: bool,
    /// What was typed in each long facet's find box.
    facet_find: Vec<(String, String)>,
    /// Whether the last change was a keystroke in the search box (for history entries).
    typing: bool,
    /// The search box, focused again after "Clear filters" in the empty state removes itself.
    search: NodeRef,
    focus_search: bool,
    /// Where focus goes after the next render (CSS selectors, first match wins).
    refocus: Option<Vec<String>>,
    /// The root element, for `refocus`.
    root: NodeRef,
    /// The hidden file input of the Export menu's "Load data".
    file_input: NodeRef,
    /// A file is dragged over the widget.
    dragging: bool,
}

/// Messages of [`App`].
pub enum Msg {
    Act(Action),
    Export(ExportKind),
    CopyLink,
    Message(String),
    HashChanged,
    /// "Clear filters" in the empty state: clear, then put focus in the search box.
    ClearFromEmpty,
    ToggleVariant(String),
    Current(Option<(String, String)>),
    Highlight(Vec<String>),
    /// Text typed in a long facet's find box: (facet, text).
    FacetFind(String, String),
    /// The first paint is done: the diagram and the tools follow.
    ShowDiagram,
    /// Open the details of a status cell: (program index, service index) in the shown dataset.
    Details(usize, usize),
    /// Close the details; focus goes back to their cell.
    CloseDetails,
    /// Highlight a service's variants in the diagram and bring it into view.
    ShowInDiagram(String),
    Print,
    /// The root's width changed.
    Resized,
    /// A variant was picked for the phone's diagram.
    PickVariant(String),
    /// A file is dragged over the widget, or no longer.
    Dragging(bool),
    /// Open the file chooser ("Load data").
    ChooseFile,
    /// Back to the page's data from the user's own.
    RestoreData,
}

impl App {
    /// The state (read).
    fn st(&self) -> std::cell::Ref<'_, AppState> {
        std::cell::Ref::map(self.shared.borrow(), |s| {
            s.as_ref().expect("the app's state is set at its creation")
        })
    }

    /// The state (to change).
    fn st_mut(&self) -> std::cell::RefMut<'_, AppState> {
        std::cell::RefMut::map(self.shared.borrow_mut(), |s| {
            s.as_mut().expect("the app's state is set at its creation")
        })
    }

    /// Shows the page's data as the widget gives it (or the embedded data), or no rows while
    /// the page's data is not here.
    fn take_data(&mut self, ctx: &Context<Self>) {
        let props = ctx.props();
        let against = props.against.clone();
        let mut st = self.st_mut();
        st.set_custom(props.data.clone());
        st.set_against(against);
        st.set_pending(props.pending.clone());
    }

    /// Closes the details when their cell is no longer shown (filtered out, hidden, other data).
    fn keep_details(&mut self) {
        let st = self.st();
        let ds = &st.dataset;
        let shown = self.details.as_ref().is_some_and(|(p, s)| {
            ds.program_index(p).is_some_and(|i| st.visible.contains(&i))
                && ds
                    .service_index(s)
                    .is_some_and(|i| st.shown_services().contains(&i))
        });
        drop(st);
        if !shown {
            self.details = None;
        }
    }
}

impl Component for App {
    type Message = Msg;
    type Properties = AppProps;

    fn create(ctx: &Context<Self>) -> Self {
        let props = ctx.props();
        platform::enter(props.mount_id);
        // The embedded matrix is parsed only when it is shown (no data given).
        let mut state = AppState::new(props.data.clone().unwrap_or_else(Dataset::embedded));
        state.set_custom(props.data.clone());
        state.set_pending(props.pending.clone());
        state.apply_options(&props.options);
        // Every option so far is in `options`: nothing of `update` is left to apply.
        props.onapplied.emit(props.serial);
        // The page's options, then a shared link's keys (copy link reopens the same view, with
        // or without sync-url), then what the user did before (a move, a restart): view_state's
        // one rule of precedence.
        let from_options = state.view_state();
        let hash = Self::hash_state(ctx, &from_options);
        let remembered = props.restore.as_ref().map(|(_, r)| r.as_ref());
        let start = start_view(&from_options, hash.as_ref(), remembered);
        if start != from_options {
            state.apply(Action::Restore(Box::new(start)));
        }
        *props.state.borrow_mut() = Some(state);
        let mut app = App {
            shared: props.state.clone(),
            hash_listener: None,
            message: String::new(),
            variants: None,
            current: None,
            highlight: Vec::new(),
            details: None,
            details_opened: 0,
            // Until the root is laid out and measured, the window's width stands for its own.
            narrow: platform::viewport_size().0 < NARROW_PX,
            width_watch: None,
            single_variant: None,
            to_diagram: false,
            ready_sent: false,
            diagram_waits: false,
            facet_find: Vec::new(),
            typing: false,
            search: NodeRef::default(),
            focus_search: false,
            refocus: None,
            root: NodeRef::default(),
            file_input: NodeRef::default(),
            dragging: false,
        };
        app.follow_hash(ctx);
        app.diagram_waits = {
            let st = app.st();
            st.view.shows_table() && st.view.shows_diagram()
        };
        app
    }

    fn update(&mut self, ctx: &Context<Self>, msg: Msg) -> bool {
        platform::enter(ctx.props().mount_id);
        match msg {
            Msg::Act(action) => {
                #[cfg(feature = "fault-injection")]
                if matches!(&action, Action::SetText(t) if t == FAULT_QUERY) {
                    panic!("fault injection: the search text asked for a panic");
                }
                let typing = matches!(action, Action::SetText(_));
                let sorting = matches!(action, Action::ToggleSort { .. });
                // Moving or hiding a column re-renders the list; put focus back on the control used.
                self.refocus = match &action {
                    Action::ToggleService(id) => {
                        Some(vec![format!("input[data-service=\"{id}\"]")])
                    }
                    Action::MoveService { service, by } => {
                        let (same, other) = if *by < 0 {
                            ("data-move-up", "data-move-down")
                        } else {
                            ("data-move-down", "data-move-up")
                        };
                        Some(vec![
                            format!("button[{same}=\"{service}\"]:not([disabled])"),
                            format!("button[{other}=\"{service}\"]"),
                        ])
                    }
                    _ => None,
                };
                if !self.st_mut().apply(action) {
                    return false;
                }
                self.keep_details();
                self.write_hash(ctx, typing);
                self.typing = typing;
                // Screen readers hear the new order, not only the changed aria-sort.
                self.message = if sorting {
                    sort_announcement(&ctx.props().strings, &self.st())
                } else {
                    String::new()
                };
                ctx.props().onchange.emit(());
                true
            }
            Msg::HashChanged => self.hash_changed(ctx),
            Msg::Export(kind) => {
                self.export(ctx, kind);
                true
            }
            Msg::CopyLink => {
                self.copy_link(ctx);
                false
            }
            Msg::Message(m) => {
                self.message = m;
                true
            }
            Msg::ClearFromEmpty => {
                self.focus_search = true;
                <App as Component>::update(self, ctx, Msg::Act(Action::ClearFilters))
            }
            Msg::ToggleVariant(id) => {
                let variants = self.variants.get_or_insert_with(all_variants);
                if let Some(i) = variants.iter().position(|v| *v == id) {
                    variants.remove(i);
                } else {
                    variants.push(id);
                    // Back in the model's order.
                    *variants = all_variants()
                        .into_iter()
                        .filter(|v| variants.contains(v))
                        .collect();
                }
                if let Some((v, _)) = &self.current {
                    if !variants.contains(v) {
                        self.current = None;
                    }
                }
                true
            }
            Msg::Current(c) => {
                if self.current == c {
                    return false;
                }
                self.current = c;
                true
            }
            Msg::Details(program, service) => {
                let ids = {
                    let st = self.st();
                    (
                        st.dataset.programs[program].id.clone(),
                        st.dataset.services[service].id.clone(),
                    )
                };
                self.details = Some(ids);
                self.details_opened = self.details_opened.wrapping_add(1);
                true
            }
            Msg::CloseDetails => {
                let Some((program, service)) = self.details.take() else {
                    return false;
                };
                self.refocus = Some(vec![super::table::cell_selector(&program, &service)]);
                true
            }
            Msg::ShowInDiagram(service) => {
                let model = Model::embedded();
                let first = model
                    .variants_for_service(&service)
                    .first()
                    .map(|v| v.id.to_string());
                if let Some(v) = &first {
                    self.current = Some((v.clone(), "data".to_string()));
                    if self.narrow {
                        self.single_variant = first.clone();
                    }
                }
                self.highlight = vec![service];
                self.to_diagram = true;
                true
            }
            Msg::Print => {
                platform::print();
                false
            }
            Msg::Dragging(on) => std::mem::replace(&mut self.dragging, on) != on,
            Msg::ChooseFile => {
                self.choose_file();
                false
            }
            Msg::RestoreData => {
                ctx.props().onrestoredata.emit(());
                // The button goes with the user's data: focus goes to the search box.
                self.focus_search = true;
                false
            }
            Msg::Resized => {
                let narrow = self
                    .root
                    .cast::<web_sys::Element>()
                    .is_some_and(|r| f64::from(r.client_width()) < NARROW_PX);
                if narrow == self.narrow {
                    return false;
                }
                self.narrow = narrow;
                true
            }
            Msg::PickVariant(id) => {
                self.single_variant = Some(id);
                self.current = None;
                true
            }
            Msg::FacetFind(facet, text) => {
                self.facet_find.retain(|(f, _)| *f != facet);
                if !text.is_empty() {
                    self.facet_find.push((facet, text));
                }
                true
            }
            Msg::ShowDiagram => {
                self.diagram_waits = false;
                true
            }
            Msg::Highlight(h) => {
                if self.highlight == h {
                    return false;
                }
                self.highlight = h;
                true
            }
        }
    }

    fn changed(&mut self, ctx: &Context<Self>, old: &AppProps) -> bool {
        let props = ctx.props();
        platform::enter(props.mount_id);
        if props.data != old.data
            || props.pending != old.pending
            || props.against != old.against
            || props.brought != old.brought
        {
            self.take_data(ctx);
            // The page's data has arrived: the options that name its services, a shared link's
            // keys and what the user did (a restore() while it loaded) apply to it now, as at a
            // first mount.
            // (Also back from the user's own data; never onto it: the page's options, link and
            // view are about the page's data.)
            let page_shown_now = props.pending.is_none() && props.brought.is_none();
            if (old.pending.is_some() || old.brought.is_some()) && page_shown_now {
                self.st_mut().apply_options(&props.options);
                let base = self.st().view_state();
                let hash = Self::hash_state(ctx, &base);
                let remembered = props.restore.as_ref().map(|(_, r)| r.as_ref());
                let start = start_view(&base, hash.as_ref(), remembered);
                self.st_mut().apply(Action::Restore(Box::new(start)));
            }
        }
        // A restored view state first, then the options: where both arrive in one render, the
        // page's options win (their documented precedence over a saved state).
        if let Some((n, r)) = &props.restore {
            if old.restore.as_ref().map(|(m, _)| m) != Some(n) {
                let v = self.st().view_state().with_fields(&r.view, &r.fields);
                self.st_mut().apply(Action::Restore(Box::new(v)));
            }
        }
        if props.serial != old.serial {
            self.st_mut().apply_options(&props.update);
            props.onapplied.emit(props.serial);
        }
        self.follow_hash(ctx);
        self.move_hash_keys(ctx, old);
        self.keep_details();
        true
    }

    fn rendered(&mut self, ctx: &Context<Self>, first: bool) {
        platform::enter(ctx.props().mount_id);
        if first && self.diagram_waits {
            let link = ctx.link().clone();
            platform::after_next_paint(move || link.send_message(Msg::ShowDiagram));
        }
        if self.width_watch.is_none() {
            if let Some(root) = self.root.cast::<web_sys::Element>() {
                let link = ctx.link().clone();
                self.width_watch = Some(platform::ResizeWatch::new(&root, move || {
                    link.send_message(Msg::Resized)
                }));
            }
        }
        if !self.ready_sent && !ctx.props().waiting && !self.diagram_waits {
            self.ready_sent = true;
            ctx.props().onready.emit(());
        }
        self.move_focus();
    }

    fn view(&self, ctx: &Context<Self>) -> Html {
        self.render(ctx)
    }
}

/// Every variant of the embedded model, in its order.
fn all_variants() -> Vec<String> {
    Model::embedded()
        .variants
        .iter()
        .map(|v| v.id.to_string())
        .collect()
}
