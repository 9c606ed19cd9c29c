//! The view state: what a user changed (search, filters, sort, columns, revision), as plain
//! serde data. `save()` returns it, `restore(state)` applies it, the element keeps one per widget
//! across a move in the page and a restart, and `sync-url` writes it to `location.hash`.
//!
//! Precedence, from weakest to strongest: the options the page set, then the hash (at the first
//! mount, or on a hash change with `sync-url`), then what the user did since. Setting an option
//! again applies it (`docs/embedding.md`). [`start_view`] and [`Remembered::forget`] are that
//! rule; the widget applies nothing in another order.

use crate::options::{Opt, SPECS};
use serde::{Deserialize, Serialize};

/// The view state. Fields left out of a restored object keep their defaults.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ViewState {
    pub query: String,
    /// `any` or `<service>:<status>`.
    pub status: String,
    pub gaps: bool,
    pub tags: Vec<String>,
    /// `key:dir,…` (empty: seed order).
    pub sort: String,
    /// Shown service ids, in order (empty: all).
    pub services: Vec<String>,
    /// The embedded revision shown (`None` for a dataset of the page's own).
    pub revision: Option<String>,
    pub compare: Option<String>,
}

impl ViewState {
    /// The value of a view-state option as its attribute would spell it ("": the default).
    pub fn get(&self, opt: Opt) -> String {
        match opt {
            Opt::Query => self.query.clone(),
            Opt::Status if self.status == "any" => String::new(),
            Opt::Status => self.status.clone(),
            Opt::Gaps => if self.gaps { "1" } else { "" }.to_string(),
            Opt::Tags => self.tags.join(","),
            Opt::Sort => self.sort.clone(),
            Opt::Services => self.services.join(","),
            Opt::Revision => self
                .revision
                .clone()
                .filter(|r| r != crate::revisions::SEED_REVISION)
                .unwrap_or_default(),
            Opt::Compare => self.compare.clone().unwrap_or_default(),
            _ => String::new(),
        }
    }

    /// Sets a view-state option from its attribute spelling (unchecked; the state checks it).
    pub fn put(&mut self, opt: Opt, v: &str) {
        let list = |v: &str| {
            v.split(',')
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .map(str::to_string)
                .collect()
        };
        let some = |v: &str| (!v.is_empty()).then(|| v.to_string());
        match opt {
            Opt::Query => self.query = v.to_string(),
            Opt::Status => self.status = v.to_string(),
            Opt::Gaps => self.gaps = !v.is_empty() && v != "0",
            Opt::Tags => self.tags = list(v),
            Opt::Sort => self.sort = v.to_string(),
            Opt::Services => self.services = list(v),
            Opt::Revision => self.revision = some(v),
            Opt::Compare => self.compare = some(v),
            _ => {}
        }
    }
}

impl ViewState {
    /// `other`'s fields named in `fields` (view-state options), the rest of `self` kept: a
    /// partial state restored on top of the current one.
    pub fn with_fields(&self, other: &ViewState, fields: &[Opt]) -> ViewState {
        let mut out = self.clone();
        for &f in fields {
            out.put(f, &other.get(f));
        }
        out
    }
}

/// What a widget remembers of the user's view across a move in the page and a restart: the
/// view state, and which of its fields the user (or a `restore()`) set.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Remembered {
    pub view: ViewState,
    pub fields: Vec<Opt>,
}

impl Remembered {
    /// All of a view state, as `save()` gave it.
    pub fn whole(view: ViewState) -> Remembered {
        Remembered {
            view,
            fields: hash_keys().map(|(opt, _)| opt).collect(),
        }
    }

    /// The page set these options again: they apply, so what was remembered of them is
    /// forgotten.
    pub fn forget(&mut self, set: impl IntoIterator<Item = Opt>) {
        for opt in set {
            self.fields.retain(|f| *f != opt);
        }
    }
}

/// The view a widget starts with: the page's options (`from_options`, the state they give),
/// then this widget's keys in the URL hash on top, then what the user did before (a move in the
/// page, a restart) on top of that.
pub fn start_view(
    from_options: &ViewState,
    hash: Option<&ViewState>,
    remembered: Option<&Remembered>,
) -> ViewState {
    let mut v = hash.cloned().unwrap_or_else(|| from_options.clone());
    if let Some(r) = remembered {
        v = v.with_fields(&r.view, &r.fields);
    }
    v
}

/// The options of the view state, in table order: the keys of the hash.
fn hash_keys() -> impl Iterator<Item = (Opt, &'static str)> {
    SPECS
        .iter()
        .filter(|s| s.view_state)
        .map(|s| (s.opt, s.property))
}

/// The hash with this widget's state written under its namespace (`<ns>.query=…&<ns>.sort=…`);
/// other widgets' keys and foreign parts are kept, defaults are left out. The namespace is
/// percent-encoded, and only its own keys are replaced, so `m` never touches `m.2`'s state.
///
/// `None` when the hash is an in-page anchor (`#faq`: a part without `=`): written into, it
/// would no longer land on that anchor, so the widget leaves such a hash as it is.
pub fn hash_with_state(hash: &str, ns: &str, state: &ViewState) -> Option<String> {
    if has_anchor(hash) {
        return None;
    }
    Some(write_state(hash, ns, state))
}

/// The hash of a shared link to this view: like [`hash_with_state`], without any anchor.
pub fn link_hash(hash: &str, ns: &str, state: &ViewState) -> String {
    let kept: Vec<&str> = hash
        .trim_start_matches('#')
        .split('&')
        .filter(|p| p.contains('='))
        .collect();
    write_state(&kept.join("&"), ns, state)
}

fn write_state(hash: &str, ns: &str, state: &ViewState) -> String {
    let prefix = format!("{}.", percent_encode(ns));
    let mine = |part: &str| {
        let key = part.split('=').next().unwrap_or("");
        key.strip_prefix(&prefix)
            .is_some_and(|k| hash_keys().any(|(_, name)| name == k))
    };
    let mut parts: Vec<String> = hash
        .trim_start_matches('#')
        .split('&')
        .filter(|p| !p.is_empty() && !mine(p))
        .map(str::to_string)
        .collect();
    for (opt, name) in hash_keys() {
        let v = state.get(opt);
        if !v.is_empty() {
            parts.push(format!("{prefix}{name}={}", percent_encode(&v)));
        }
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!("#{}", parts.join("&"))
    }
}

/// Whether the hash holds an in-page anchor (`#faq`) rather than only `key=value` parts.
pub fn has_anchor(hash: &str) -> bool {
    hash.trim_start_matches('#')
        .split('&')
        .any(|p| !p.is_empty() && !p.contains('='))
}

/// This widget's keys in a hash, on top of `base`; `None` if the hash has none of them.
pub fn state_from_hash(hash: &str, ns: &str, base: &ViewState) -> Option<ViewState> {
    let prefix = format!("{}.", percent_encode(ns));
    let mut s = base.clone();
    let mut any = false;
    for part in hash.trim_start_matches('#').split('&') {
        let Some(rest) = part.strip_prefix(&prefix) else {
            continue;
        };
        let (k, v) = rest.split_once('=').unwrap_or((rest, ""));
        if let Some((opt, _)) = hash_keys().find(|(_, name)| *name == k) {
            s.put(opt, &percent_decode(v));
            any = true;
        }
    }
    any.then_some(s)
}

/// Percent-encodes everything but unreserved characters and a few readable ones (`:`, `,`).
pub fn percent_encode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b':' | b',' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// Decodes `%XX` sequences (and `+` as space); invalid sequences are kept as they are.
pub fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'%' if i + 2 < b.len() => {
                match std::str::from_utf8(&b[i + 1..i + 3])
                    .ok()
                    .and_then(|h| u8::from_str_radix(h, 16).ok())
                {
                    Some(v) => {
                        out.push(v);
                        i += 3;
                        continue;
                    }
                    None => out.push(b'%'),
                }
            }
            b'+' => out.push(b' '),
            c => out.push(c),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> ViewState {
        ViewState {
            query: "iso & soc".into(),
            status: "fargate:not-in-scope".into(),
            gaps: true,
            tags: vec!["jurisdiction:us".into()],
            sort: "eks:desc,program:asc".into(),
            services: vec!["eks".into(), "ecs".into()],
            revision: Some("2021-04-24".into()),
            compare: Some("2020-03-25".into()),
        }
    }

    #[test]
    fn the_hash_round_trips_every_field() {
        let h = hash_with_state("", "cm", &sample()).unwrap();
        assert!(h.contains("cm.query=iso%20%26%20soc"), "{h}");
        assert_eq!(
            state_from_hash(&h, "cm", &ViewState::default()),
            Some(sample())
        );
    }

    #[test]
    fn defaults_are_left_out_and_other_keys_kept() {
        let h = hash_with_state("#other.query=x&x=1", "cm", &ViewState::default()).unwrap();
        assert_eq!(h, "#other.query=x&x=1");
        assert_eq!(state_from_hash(&h, "cm", &ViewState::default()), None);
    }

    #[test]
    fn an_anchor_in_the_hash_is_left_alone() {
        // An in-page link (#faq) must keep landing on its anchor: no state is written into it.
        assert!(has_anchor("#faq"));
        assert!(has_anchor("#cm.query=x&faq"));
        assert!(!has_anchor("#cm.query=x&other.sort=program:asc"));
        assert!(!has_anchor(""));
        assert_eq!(hash_with_state("#faq", "cm", &sample()), None);
        assert_eq!(state_from_hash("#faq", "cm", &ViewState::default()), None);
        // A shared link drops the anchor and keeps the other widgets' keys.
        let h = link_hash("#faq&other.query=x", "cm", &sample());
        assert!(h.starts_with("#other.query=x&cm."), "{h}");
        assert_eq!(
            state_from_hash(&h, "cm", &ViewState::default()),
            Some(sample())
        );
    }

    #[test]
    fn a_namespace_never_touches_a_longer_one() {
        let two = ViewState {
            query: "hipaa".into(),
            ..ViewState::default()
        };
        let h = hash_with_state("", "m.2", &two).unwrap();
        let one = ViewState {
            query: "soc".into(),
            ..ViewState::default()
        };
        let h = hash_with_state(&h, "m", &one).unwrap();
        assert_eq!(
            state_from_hash(&h, "m.2", &ViewState::default())
                .unwrap()
                .query,
            "hipaa"
        );
        assert_eq!(
            state_from_hash(&h, "m", &ViewState::default())
                .unwrap()
                .query,
            "soc"
        );
        let h = hash_with_state(&h, "m", &ViewState::default()).unwrap();
        assert_eq!(
            state_from_hash(&h, "m.2", &ViewState::default())
                .unwrap()
                .query,
            "hipaa"
        );
    }

    #[test]
    fn namespaces_with_separators_are_encoded() {
        let s = ViewState {
            query: "pci".into(),
            ..ViewState::default()
        };
        let h = hash_with_state("", "a&b c", &s).unwrap();
        assert_eq!(h, "#a%26b%20c.query=pci");
        assert_eq!(
            state_from_hash(&h, "a&b c", &ViewState::default())
                .unwrap()
                .query,
            "pci"
        );
        // Writing again replaces the key instead of adding a second one.
        let h = hash_with_state(&h, "a&b c", &s).unwrap();
        assert_eq!(h.matches("query").count(), 1);
    }

    #[test]
    fn a_partial_hash_applies_on_top_of_the_base() {
        let base = sample();
        let s = state_from_hash("#cm.query=hipaa", "cm", &base).unwrap();
        assert_eq!(s.query, "hipaa");
        assert_eq!(s.sort, base.sort);
    }

    #[test]
    fn a_partial_state_keeps_the_fields_it_does_not_name() {
        let current = sample();
        let given = ViewState {
            query: "soc".into(),
            ..ViewState::default()
        };
        let v = current.with_fields(&given, &[Opt::Query, Opt::Compare]);
        assert_eq!(v.query, "soc");
        assert_eq!(v.compare, None);
        assert_eq!(v.sort, current.sort);
        assert_eq!(v.revision, current.revision);
    }

    #[test]
    fn saved_state_is_plain_json() {
        let text = serde_json::to_string(&sample()).unwrap();
        assert_eq!(serde_json::from_str::<ViewState>(&text).unwrap(), sample());
        let partial: ViewState = serde_json::from_str(r#"{"query":"x","visible":["a"]}"#).unwrap();
        assert_eq!(partial.query, "x");
        assert_eq!(partial.sort, "");
    }

    #[test]
    fn percent_coding_round_trips_and_keeps_bad_sequences() {
        for s in ["a b", "ä,:%", "x&y=z#", "%zz"] {
            assert_eq!(percent_decode(&percent_encode(s)), s);
        }
        assert_eq!(percent_decode("%zz+%41"), "%zz A");
    }

    #[test]
    fn the_page_then_the_hash_then_what_the_user_did() {
        let page = ViewState {
            query: "iso".into(),
            sort: "program:asc".into(),
            ..ViewState::default()
        };
        let hash = state_from_hash("#cm.query=soc", "cm", &page).unwrap();
        let user = Remembered {
            view: ViewState {
                sort: "eks:desc".into(),
                ..ViewState::default()
            },
            fields: vec![Opt::Sort],
        };
        let v = start_view(&page, Some(&hash), Some(&user));
        assert_eq!(v.query, "soc", "the hash over the page");
        assert_eq!(v.sort, "eks:desc", "the user over both");
        assert_eq!(start_view(&page, None, None), page);
        assert_eq!(start_view(&page, Some(&hash), None).sort, "program:asc");
    }

    #[test]
    fn an_option_set_again_applies_over_what_was_remembered() {
        let mut user = Remembered::whole(sample());
        user.forget([Opt::Sort, Opt::Query]);
        let page = ViewState {
            query: "page".into(),
            sort: "program:desc".into(),
            ..ViewState::default()
        };
        let v = start_view(&page, None, Some(&user));
        assert_eq!(
            (v.query.as_str(), v.sort.as_str()),
            ("page", "program:desc")
        );
        assert_eq!(v.status, sample().status, "the rest is still the user's");
    }
}
