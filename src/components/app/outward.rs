//! What leaves the widget at the user's request: the rows shown as a file, a link to the view.

use super::{App, Msg};
use crate::components::toolbar::ExportKind;
use crate::export;
use crate::i18n::{Arg::Text, StringKey};
use crate::platform;
use crate::view_state::link_hash;
use yew::prelude::*;

impl App {
    /// Downloads the rows and columns shown, named by the data's date; the result is said.
    pub(super) fn export(&mut self, ctx: &Context<Self>, kind: ExportKind) {
        let (ext, mime) = match kind {
            ExportKind::Csv => ("csv", "text/csv;charset=utf-8"),
            ExportKind::Json => ("json", "application/json"),
            ExportKind::Markdown => ("md", "text/markdown;charset=utf-8"),
        };
        let (name, rows) = {
            let st = self.st();
            let date = if st.dataset.as_of.is_empty() {
                "undated"
            } else {
                st.dataset.as_of.as_str()
            };
            (format!("compliance-matrix-{date}.{ext}"), st.visible.len())
        };
        let t = &ctx.props().strings;
        self.message = match platform::download(t, &name, mime, &self.export_text(kind)) {
            Ok(()) => t.fmt(
                StringKey::downloaded,
                &[("rows", crate::i18n::Arg::Num(rows)), ("file", Text(&name))],
            ),
            Err(e) => e,
        };
    }

    /// Copies a link to this view (the page's URL with the view in its hash); the result is said.
    pub(super) fn copy_link(&self, ctx: &Context<Self>) {
        let view = self.st().view_state();
        let hash = link_hash(&platform::location_hash(), Self::namespace(ctx), &view);
        let link = ctx.link().clone();
        platform::copy_text(
            ctx.props().strings.clone(),
            platform::url_with_hash(&hash),
            move |m| link.send_message(Msg::Message(m)),
        );
    }

    fn export_text(&self, kind: ExportKind) -> String {
        let st = self.st();
        let rows = &st.visible;
        let services = st.shown_services();
        let view = export::View {
            dataset: &st.dataset,
            rows,
            services: &services,
        };
        match kind {
            ExportKind::Csv => view.to_csv(),
            ExportKind::Json => view.to_json(),
            ExportKind::Markdown => view.to_markdown(),
        }
    }
}
