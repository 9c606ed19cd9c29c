//! The page's `src`: the request in flight, the dataset that arrived, or why it could not be
//! used. The app holds one and asks it to start loading when `src` changes; the answer comes
//! back as a message ([`Arrived`]) that only the latest request's answer gets through.

use super::Loaded;
use crate::dataset::{Dataset, DatasetError};
use crate::i18n::{Strings, K};
use crate::platform;
use std::rc::Rc;
use yew::Callback;

/// What a request brought: the dataset (or why it cannot be used), or why nothing arrived.
pub type Answer = Result<Result<Rc<Dataset>, DatasetError>, String>;

/// The answer to one request, as the app's message carries it.
pub struct Arrived {
    request: u32,
    url: String,
    answer: Answer,
}

/// The state of the page's `src`.
#[derive(Default)]
pub struct Source {
    /// The dataset that arrived.
    pub data: Option<Rc<Dataset>>,
    /// The absolute URL being loaded, while it loads.
    pub loading: Option<String>,
    /// The absolute URL of `src`, if there is one.
    pub url: Option<String>,
    /// Why the last `src` could not be used.
    pub error: Option<String>,
    /// Numbers the requests, so a late answer to an earlier one is ignored.
    request_no: u32,
    /// The request in flight: replaced (and so aborted) by the next, dropped (and so aborted)
    /// with the widget.
    request: Option<platform::Request>,
}

/// What [`Source::load`] did.
pub enum Started {
    /// There is no `src` (any earlier data is forgotten).
    None,
    /// A dataset this element loaded from the same URL before a move is used as it is.
    Kept(Loaded),
    /// A request is on its way.
    Loading,
}

impl Source {
    /// Starts loading `src` (trimmed; empty: none). At the first mount, `kept` (what this element
    /// loaded before it was moved in the page) is used when it is from the same URL.
    pub fn load(
        &mut self,
        src: &str,
        strings: Rc<Strings>,
        kept: Option<&Loaded>,
        arrived: Callback<Arrived>,
    ) -> Started {
        self.request_no = self.request_no.wrapping_add(1);
        self.error = None;
        self.request = None;
        let src = src.trim();
        if src.is_empty() {
            self.loading = None;
            self.url = None;
            self.data = None;
            return Started::None;
        }
        let url = platform::absolute_url(src);
        self.url = Some(url.clone());
        if let Some(kept) = kept.filter(|k| k.0 == url) {
            self.loading = None;
            self.data = Some(kept.1.clone());
            return Started::Kept(kept.clone());
        }
        self.loading = Some(url.clone());
        let request = self.request_no;
        let (handle, reading) =
            platform::fetch_text(strings, url.clone(), crate::dataset::MAX_INPUT_BYTES);
        self.request = handle;
        wasm_bindgen_futures::spawn_local(async move {
            let answer = match reading.await {
                // Read by the dataset reader (a wasm of its own, loaded on first use).
                Ok((text, ctype)) => Ok(crate::reader::read(
                    "src",
                    [url.as_str().into(), ctype.into(), text.into()],
                )
                .await
                .map(Rc::new)),
                Err(message) => Err(message),
            };
            arrived.emit(Arrived {
                request,
                url,
                answer,
            });
        });
        Started::Loading
    }

    /// Takes an answer: `None` when it is not the latest request's (ignored), else the dataset
    /// with its URL, or the message to show.
    pub fn take(&mut self, a: Arrived, t: &Strings) -> Option<Result<Loaded, String>> {
        if a.request != self.request_no {
            return None;
        }
        self.request = None;
        self.loading = None;
        let url = a.url;
        let read = a.answer.and_then(|read| {
            read.map_err(|e| e.with("url", url.as_str()).within(K::srcInvalid).text(t))
        });
        Some(match read {
            Ok(ds) => {
                self.data = Some(ds.clone());
                self.error = None;
                Ok(Rc::new((url, ds)))
            }
            Err(e) => {
                self.error = Some(e.clone());
                Err(e)
            }
        })
    }
}
