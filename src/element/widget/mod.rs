//! One widget's state, in one place: the options the page set, where its data comes from and
//! what each source gave ([`Sources`]), what the user's view was (remembered across a move in
//! the page and a restart, handed to `www/define.js` to keep), its strings, and the app it
//! renders. The app's state (the reducer's) lives in one cell both read: the app changes it, the
//! widget answers `state`, `save()` and the exports from it.

use super::events::{dispatch, dispatch_error};
use super::input::Read;
use super::memory;
use super::root::{Root, RootProps};
use super::sources::{Active, Sources};
use super::{direction, locale};
use crate::components::{AppProps, SharedState};
use crate::i18n::{StringKey, Strings};
use crate::options::Options;
use crate::state::Snapshot;
use crate::view_state::Remembered;
use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};
use wasm_bindgen::prelude::*;
use web_sys::Element;
use yew::{AppHandle, Callback};

mod bring;
mod load;

/// A mounted widget.
pub struct Widget {
    /// Tells this mount apart from every other (the widget a panic is blamed on).
    pub id: u32,
    pub target: Element,
    pub container: Element,
    pub app: Option<AppHandle<Root>>,
    /// Every option the page has set so far, and those set since the app last applied an
    /// update (`applied`: the serial it applied).
    pub options: Rc<Options>,
    update: Rc<Options>,
    serial: u32,
    applied: Rc<Cell<u32>>,
    pub namespace: String,
    /// What the user's view was, and a number that tells a new restore from one applied.
    pub remembered: Remembered,
    restores: u32,
    /// Called with the remembered view after each change (`www/define.js` keeps it for the
    /// next mount, after a move or a restart).
    remember: Option<js_sys::Function>,
    pub sources: Sources,
    /// The app's state, shared with the app (`None` before its first render).
    pub state: SharedState,
    /// The page's `strings` and what was wrong with them; the strings the widget speaks.
    overrides: Vec<(StringKey, String)>,
    string_errors: Rc<Vec<String>>,
    pub strings: Rc<Strings>,
    /// Resolves after the first render that shows the data or the error (`AppProps::onready`).
    pub ready: js_sys::Promise,
    resolve_ready: Rc<RefCell<Option<js_sys::Function>>>,
    /// The page ran right to left at the last render.
    rtl: bool,
    /// The translation the widget waits for before its first render (no flash of English).
    lang_wait: Option<&'static str>,
    /// The app has rendered once.
    rendered: bool,
    /// A read of the child table is planned (a burst of edits is read once: the times of its
    /// first and last edits), or waits for the reader to load (one read then, of the table as it
    /// is by then).
    table_read_planned: bool,
    table_edits: Option<(f64, f64)>,
    /// The child table whose cells are shown (`None` while none is).
    last_table: Option<crate::dataset::PageTable>,
    table_waits_reader: bool,
    /// The page's data was on its way at the last render; a view restored then is checked when
    /// it arrives.
    data_on_its_way: bool,
    check_on_arrival: bool,
    /// Follows `lang` and `dir` changes around the widget (its language and direction).
    page_watch: Option<crate::platform::MutationWatch>,
    /// Follows the page's edits of the element's child table.
    table_watch: Option<crate::platform::MutationWatch>,
    /// The widget itself, for the callbacks of what it waits for (a request, the reader).
    me: Weak<RefCell<Widget>>,
}

/// A widget as the callbacks hold it.
pub type Shared = Rc<RefCell<Widget>>;

impl Widget {
    /// A widget for `target`, rendering into `container` with `app`; its first render follows.
    pub fn new(
        id: u32,
        target: Element,
        (container, app): (Element, AppHandle<Root>),
        read: Read,
        memory: &JsValue,
        remember: Option<js_sys::Function>,
    ) -> Shared {
        let resolve_ready: Rc<RefCell<Option<js_sys::Function>>> = Rc::default();
        let ready = {
            let slot = resolve_ready.clone();
            js_sys::Promise::new(&mut |resolve, _| *slot.borrow_mut() = Some(resolve))
        };
        let options = Rc::new(read.opts);
        let w = Rc::new(RefCell::new(Widget {
            id,
            target,
            container,
            app: Some(app),
            update: options.clone(),
            options,
            serial: 0,
            applied: Rc::default(),
            namespace: read.namespace.unwrap_or_default(),
            remembered: memory::read(memory).unwrap_or_default(),
            restores: 1,
            remember,
            sources: Sources::default(),
            state: Rc::default(),
            overrides: Vec::new(),
            string_errors: Rc::default(),
            strings: Rc::new(Strings::english()),
            ready,
            resolve_ready,
            table_watch: None,
            rtl: false,
            lang_wait: None,
            rendered: false,
            table_read_planned: false,
            table_edits: None,
            last_table: None,
            table_waits_reader: false,
            data_on_its_way: false,
            check_on_arrival: false,
            page_watch: None,
            me: Weak::new(),
        }));
        {
            let mut me = w.borrow_mut();
            me.me = Rc::downgrade(&w);
            if let Some(s) = &read.strings {
                me.take_strings(s);
            }
            me.strings = me.resolve_strings();
            if let Some(d) = &read.data {
                me.take_data(d);
            }
            if me.import_allowed() {
                me.sources.user = super::kept::take_brought(&me.target).unwrap_or_default();
            }
            me.load_src(true);
            me.read_table(true);
            me.watch_table();
            me.watch_page();
            me.render();
        }
        w
    }

    /// Follows the `lang` and `dir` attributes of the document (or the shadow root) the widget
    /// sits in: a page that switches language or direction is followed.
    fn watch_page(&mut self) {
        let me = self.me.clone();
        let root = self.target.get_root_node();
        self.page_watch = Some(crate::platform::MutationWatch::new(
            &root,
            false,
            &["lang", "dir"],
            move || {
                if let Some(w) = me.upgrade() {
                    if let Ok(mut w) = w.try_borrow_mut() {
                        crate::platform::enter(w.id);
                        w.refresh();
                    }
                }
            },
        ));
    }

    /// Stops following the page and what the widget waits for (at unmount).
    pub fn stop(&mut self) {
        // What the widget leaves with: the view and the data it was on, to check a view
        // restored while it is away as it would be checked here.
        let on = self.state.borrow().as_ref().map(|s| s.remembered_on());
        if on.is_some() && on != self.remembered.on {
            self.remembered.on = on;
            self.push_memory();
        }
        self.table_watch = None;
        self.page_watch = None;
        self.remember = None;
        if let Some(src) = self.sources.src.as_mut() {
            src.fetch = None;
        }
    }

    /// Reads the child table again when the page edits it.
    fn watch_table(&mut self) {
        let me = self.me.clone();
        let attributes = [
            "data-as-of",
            "data-source",
            "data-source-url",
            "colspan",
            "rowspan",
        ];
        self.table_watch = Some(crate::platform::MutationWatch::new(
            &self.target,
            true,
            &attributes,
            move || {
                if let Some(w) = me.upgrade() {
                    if let Ok(mut w) = w.try_borrow_mut() {
                        w.table_changed();
                    }
                }
            },
        ));
    }

    /// Sets options after mount: each option given applies, even with the value it had (the
    /// page's word wins over what the user did with it); the others stay as they are.
    pub fn apply(&mut self, read: Read) {
        if let Some(ns) = read.namespace {
            self.namespace = ns;
        }
        let src_before = self.options.text(crate::options::Opt::Src).to_string();
        let mut all = (*self.options).clone();
        all.merge(&read.opts);
        self.options = Rc::new(all);
        // Updates the app has not applied yet (a render skips props in between) go with this one.
        let mut update = if self.applied.get() == self.serial {
            Options::default()
        } else {
            (*self.update).clone()
        };
        update.merge(&read.opts);
        self.update = Rc::new(update);
        self.serial = self.serial.wrapping_add(1);
        self.remembered.forget(read.opts.given());
        self.push_memory();
        if let Some(s) = &read.strings {
            self.take_strings(s);
        }
        self.strings = self.resolve_strings();
        if let Some(d) = &read.data {
            self.take_data(d);
        }
        if self.options.text(crate::options::Opt::Src) != src_before {
            self.load_src(false);
        }
        // A page that turns import off shows its own data again.
        if !self.import_allowed() {
            self.sources.user = Default::default();
        }
        self.render();
    }

    /// Applies a view state on top of what is shown (fields left out stay), once checked
    /// against the data shown.
    /// While the page's data is on its way the state is held, and checked when it arrives
    /// (what does not fit then is said in `cm-error`).
    pub fn restore(&mut self, r: Remembered) -> Result<(), String> {
        if self.data_on_its_way {
            self.check_on_arrival = true;
        } else if let Some(s) = self.state.borrow().as_ref() {
            s.check_view_state(&r.view)?;
        }
        self.remembered.merge(&r);
        self.restores = self.restores.wrapping_add(1);
        self.push_memory();
        self.render();
        Ok(())
    }

    /// Hands what is remembered to `www/define.js` (which keeps it for the next mount).
    fn push_memory(&self) {
        if let Some(f) = &self.remember {
            let _ = f.call1(&JsValue::NULL, &memory::write(&self.remembered));
        }
    }

    /// After a user change: remember the view, tell the page (`cm-change`).
    fn changed(&mut self) {
        let snapshot = match self.state.borrow().as_ref() {
            Some(s) => {
                self.remembered = Remembered::whole(s.view_state());
                self.remembered.on = Some(s.remembered_on());
                s.snapshot()
            }
            None => return,
        };
        self.push_memory();
        dispatch(&self.target, "cm-change", &super::snapshot_to_js(snapshot));
        // The alert about a file the user brought goes once they do something else (rendered
        // after this change has been applied).
        if self.sources.user.error.is_some() {
            self.forget_brought_error();
            let me = self.me.clone();
            crate::platform::after_ms(0, move || {
                if let Some(w) = me.upgrade() {
                    if let Ok(mut w) = w.try_borrow_mut() {
                        crate::platform::enter(w.id);
                        w.render();
                    }
                }
            });
        }
    }

    /// Looks again for the language to speak and the direction the page runs; re-renders only
    /// when either changed.
    pub fn refresh(&mut self) {
        let strings = self.resolve_strings();
        let rtl = direction::is_rtl(&self.target);
        if strings != self.strings || rtl != self.rtl {
            self.strings = strings;
            self.render();
        }
    }

    /// The strings for the language this widget is asked to speak. A translation not at hand is
    /// asked for: until it arrives the widget speaks what it spoke (nothing before its first
    /// render), then it speaks it.
    fn resolve_strings(&mut self) -> Rc<Strings> {
        let option = self
            .options
            .has(crate::options::Opt::Lang)
            .then(|| self.options.text(crate::options::Opt::Lang));
        let requested = locale::requested(&self.target, option);
        if let Some(lang) = crate::catalogs::missing(&requested) {
            if self.lang_wait != Some(lang) {
                self.lang_wait = Some(lang);
                let me = self.me.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    crate::catalogs::fetch(lang).await;
                    if let Some(w) = me.upgrade() {
                        let mut w = w.borrow_mut();
                        crate::platform::enter(w.id);
                        w.lang_wait = None;
                        w.refresh();
                        w.render();
                    }
                });
            }
            return self.strings.clone();
        }
        self.lang_wait = None;
        let strings = locale::strings(&requested, &self.overrides);
        if strings == self.strings {
            return self.strings.clone();
        }
        let _ = self.container.set_attribute("lang", &strings.lang);
        strings
    }

    fn take_strings(&mut self, value: &JsValue) {
        let (overrides, errors) = locale::read_overrides(value);
        for e in &errors {
            dispatch_error(&self.target, e);
        }
        self.overrides = overrides;
        self.string_errors = Rc::new(errors);
    }

    /// Renders the app for the state of things (nothing while the first translation is on its
    /// way).
    pub fn render(&mut self) {
        if self.lang_wait.is_some() && !self.rendered {
            return;
        }
        self.rendered = true;
        let missing = || self.strings.get(StringKey::tableGone).to_string();
        let shown = self.sources.shown(&self.strings, missing);
        self.sources.showed(&shown);
        self.data_on_its_way = shown.pending.is_some();
        if self.check_on_arrival && !self.data_on_its_way {
            self.check_on_arrival = false;
            self.check_held_restore(&shown);
        }
        // The page's own table that cannot be used, while nothing of it was shown: the alert
        // beside the table as the page shows it. A table still to be read: the table alone.
        let table_only = self.sources.active() == Active::Table && shown.data.is_none();
        let page_table_error = table_only
            .then(|| shown.errors.first().cloned())
            .flatten()
            .map(|message| super::root::PageTableError {
                message,
                strings: self.strings.clone(),
                onready: self.ready_callback(),
            });
        let page_table_waits = table_only && page_table_error.is_none();
        self.rtl = direction::is_rtl(&self.target);
        let props = RootProps {
            page_table_waits,
            page_table_error,
            app: Some(Rc::new(self.props(shown))),
            mount_id: self.id,
        };
        if let Some(app) = self.app.as_mut() {
            app.update(props);
        }
    }

    /// A view restored while the data was on its way, checked now that it is here.
    fn check_held_restore(&self, shown: &super::sources::Shown) {
        let ds = shown
            .data
            .clone()
            .unwrap_or_else(crate::dataset::Dataset::embedded);
        let embedded = shown.data.is_none();
        if let Err(e) = crate::state::check_view_state_on(&self.remembered.view, &ds, embedded) {
            dispatch_error(&self.target, &format!("restore(state): {e}"));
        }
    }

    /// Resolves `ready` (the first time it is called).
    pub fn ready_callback(&self) -> Callback<()> {
        let resolve = self.resolve_ready.clone();
        Callback::from(move |()| {
            if let Some(f) = resolve.borrow_mut().take() {
                let _ = f.call0(&JsValue::NULL);
            }
        })
    }

    fn props(&self, shown: super::sources::Shown) -> AppProps {
        let me = self.me.clone();
        AppProps {
            options: self.options.clone(),
            update: self.update.clone(),
            serial: self.serial,
            namespace: self.namespace.clone(),
            restore: Some((self.restores, Rc::new(self.remembered.clone()))),
            state: self.state.clone(),
            // The embedded matrix written as a table is the embedded data, with its history.
            data: shown.data.filter(|d| !d.is_embedded_matrix()),
            pending: shown.pending,
            loading: shown.loading,
            waiting: shown.waiting,
            data_errors: Rc::new(shown.errors),
            strings: self.strings.clone(),
            data_lang: locale::page_lang(&self.target).map(yew::AttrValue::from),
            string_errors: self.string_errors.clone(),
            onchange: Callback::from(move |()| {
                if let Some(w) = me.upgrade() {
                    if let Ok(mut w) = w.try_borrow_mut() {
                        w.changed();
                    }
                }
            }),
            onapplied: {
                let applied = self.applied.clone();
                Callback::from(move |n: u32| applied.set(n))
            },
            onready: self.ready_callback(),
            brought: shown.brought,
            brought_error: shown.brought_error,
            reading: shown.reading,
            brought_compare: self.sources.user.compare.clone(),
            against: self.sources.user.against.clone(),
            brought_choices: Rc::new(self.compare_choices()),
            onbring: self.with_me(Widget::bring),
            onrestoredata: self.with_me(|w, ()| w.restore_page_data()),
            oncomparebrought: self.with_me(Widget::compare_brought),
            mount_id: self.id,
            rtl: self.rtl,
        }
    }

    /// A callback that runs `f` on this widget while it is there.
    fn with_me<T: 'static>(&self, f: impl Fn(&mut Widget, T) + 'static) -> Callback<T> {
        let me = self.me.clone();
        Callback::from(move |v: T| {
            if let Some(w) = me.upgrade() {
                if let Ok(mut w) = w.try_borrow_mut() {
                    crate::platform::enter(w.id);
                    f(&mut w, v);
                }
            }
        })
    }

    /// The snapshot of what is shown (`state`), or `None` before the first render.
    pub fn snapshot(&self) -> Option<Snapshot> {
        self.state.borrow().as_ref().map(|s| s.snapshot())
    }
}
