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
    /// Shown service ids, in order (empty: the dataset's default, `Dataset::default_services`).
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

/// The most characters one view-state value may have (a search, a list, a sort), and the most
/// items in a list (tags, services): checked before a value is decoded, split or compared, so a
/// link or a `restore()` of any size costs no more than this.
pub const MAX_VALUE_CHARS: usize = 64 * 1024;
pub const MAX_LIST_ITEMS: usize = 1_000;

/// Whether `v` (attribute spelling) may be put in `opt`: its length, and for a list its count.
pub fn check_value(opt: Opt, v: &str) -> Result<(), String> {
    let name = opt.spec().property;
    let chars = v.chars().count();
    if chars > MAX_VALUE_CHARS {
        return Err(format!(
            "{name}: {chars} characters, more than the {MAX_VALUE_CHARS} a view state holds"
        ));
    }
    if matches!(opt, Opt::Tags | Opt::Services) {
        let items = v.split(',').filter(|p| !p.trim().is_empty()).count();
        if items > MAX_LIST_ITEMS {
            return Err(format!(
                "{name}: {items} values, more than the {MAX_LIST_ITEMS} a view state holds"
            ));
        }
    }
    Ok(())
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
    /// The data it was remembered on (`None`: not known), against which a view restored while
    /// the widget is away from the page is checked, as it would be on the page.
    pub on: Option<RememberedOn>,
}

/// The data a view was remembered on: its services' ids, and whether it was the embedded data
/// (whose revisions `revision` and `compare` name).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RememberedOn {
    pub services: Vec<String>,
    pub embedded: bool,
}

impl Remembered {
    /// All of a view state, as `save()` gave it.
    pub fn whole(view: ViewState) -> Remembered {
        Remembered {
            view,
            fields: hash_keys().map(|(opt, _)| opt).collect(),
            on: None,
        }
    }

    /// `other`'s fields over these (a partial state restored on top of what is remembered).
    pub fn merge(&mut self, other: &Remembered) {
        self.view = self.view.with_fields(&other.view, &other.fields);
        for f in &other.fields {
            if !self.fields.contains(f) {
                self.fields.push(*f);
            }
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
            // A key over the limits is left out (its default stays), before it is decoded.
            if v.len() > 3 * MAX_VALUE_CHARS {
                continue;
            }
            let v = percent_decode(v);
            if check_value(opt, &v).is_ok() {
                s.put(opt, &v);
                any = true;
            }
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
mod tests;
