//! The app and the URL hash (`sync-url`): a shared link's keys at the start, each change
//! written, back/forward and links followed, the keys moved when the element's id changes.

use super::{App, AppProps, Msg};
use crate::options::Opt;
use crate::platform::{self, HashListener};
use crate::state::Action;
use crate::view_state::{has_anchor, hash_with_state, state_from_hash, ViewState};
use yew::prelude::*;

impl App {
    pub(super) fn namespace(ctx: &Context<Self>) -> &str {
        let ns = ctx.props().namespace.as_str();
        if ns.is_empty() {
            "cm"
        } else {
            ns
        }
    }

    pub(super) fn sync_url(ctx: &Context<Self>) -> bool {
        ctx.props().options.flag(Opt::SyncUrl)
    }

    /// This widget's keys of the URL hash on top of `base`, if the hash has any.
    pub(super) fn hash_state(ctx: &Context<Self>, base: &ViewState) -> Option<ViewState> {
        state_from_hash(&platform::location_hash(), Self::namespace(ctx), base)
    }

    /// Starts or stops following the URL hash as `sync-url` says; on start, the hash wins.
    pub(super) fn follow_hash(&mut self, ctx: &Context<Self>) {
        if Self::sync_url(ctx) {
            if self.hash_listener.is_none() {
                let base = self.st().view_state();
                if let Some(v) = Self::hash_state(ctx, &base) {
                    self.st_mut().apply(Action::Restore(Box::new(v)));
                }
                let link = ctx.link().clone();
                self.hash_listener = HashListener::new(move || link.send_message(Msg::HashChanged));
            }
        } else {
            self.hash_listener = None;
        }
    }

    /// Writes the view to the hash after a user change (`sync-url` on).
    pub(super) fn write_hash(&self, ctx: &Context<Self>, typing: bool) {
        if !Self::sync_url(ctx) {
            return;
        }
        // An in-page anchor (#faq) stays as it is (None): the link keeps landing there.
        let view = self.st().view_state();
        if let Some(hash) = hash_with_state(&platform::location_hash(), Self::namespace(ctx), &view)
        {
            // A run of keystrokes makes one history entry: the first pushes, the rest replace.
            platform::set_hash(&hash, !(typing && self.typing));
        }
    }

    /// Back, forward or a link: whether the view changed.
    pub(super) fn hash_changed(&mut self, ctx: &Context<Self>) -> bool {
        // Back, forward or a link: the hash is the whole view (keys left out are
        // defaults), unless it is an in-page anchor without this widget's keys (a link
        // to #faq is not a request to reset the view).
        let hash = platform::location_hash();
        let v = match Self::hash_state(ctx, &ViewState::default()) {
            Some(v) => v,
            None if has_anchor(&hash) => return false,
            None => ViewState::default(),
        };
        if !self.st_mut().apply(Action::Restore(Box::new(v))) {
            return false;
        }
        self.keep_details();
        ctx.props().onchange.emit(());
        true
    }

    /// A new id: this widget's keys in the hash move to the new name.
    pub(super) fn move_hash_keys(&self, ctx: &Context<Self>, old: &AppProps) {
        if ctx.props().namespace != old.namespace && Self::sync_url(ctx) {
            let old_ns = if old.namespace.is_empty() {
                "cm"
            } else {
                old.namespace.as_str()
            };
            let hash = platform::location_hash();
            let view = self.st().view_state();
            let moved = hash_with_state(&hash, old_ns, &ViewState::default())
                .and_then(|h| hash_with_state(&h, Self::namespace(ctx), &view));
            if let Some(h) = moved.filter(|h| *h != hash) {
                platform::set_hash(&h, false);
            }
        }
    }
}
