//! The one list of options: every attribute of `<compliance-matrix>`, its property and `mount()`
//! key, its type, default, and whether it is part of the view state and of the URL hash.
//!
//! [`SPECS`] drives parsing ([`Options::set`]), the hash keys (`view_state`), which keys a saved
//! state drops when the page sets them again, and the generated `www/options.js` (written by
//! `tests/options.rs`, which also checks the `.d.ts` and `custom-elements.json` against it).
//! Adding an option touches this table and the code that uses it. The parsers of the values
//! that need a dataset (sort, status, services) are in [`parse`].

mod parse;

pub use parse::{parse_revision, parse_services, parse_sort, parse_status, parse_tags};

use crate::i18n::{Arg, StringKey, Strings};

/// An option, in the order of [`SPECS`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Opt {
    Services,
    Query,
    Status,
    Gaps,
    Tags,
    Sort,
    View,
    Theme,
    Src,
    Revision,
    Compare,
    SyncUrl,
    /// Where the wasm file is, for the first widget that starts (read by `www/define.js`
    /// before the wasm exists; the core ignores it).
    WasmUrl,
    /// The language of the UI (a BCP 47 tag); when not given, the closest `lang` attribute from
    /// the element up, the document's, then the browser's (resolved by the element boundary).
    Lang,
    /// Whether the user may bring data (drop, paste, choose a file): `off` for a page that
    /// shows only its own.
    Import,
}

/// How an attribute carries its value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Any text (parsed by the option's own rules).
    Text,
    /// A boolean attribute: present means on.
    Flag,
    /// One of a few words.
    OneOf(&'static [&'static str]),
}

/// One row of the table of options.
#[derive(Clone, Copy, Debug)]
pub struct Spec {
    pub opt: Opt,
    /// The HTML attribute.
    pub attribute: &'static str,
    /// The element property and `mount()` key (camelCase).
    pub property: &'static str,
    pub kind: Kind,
    /// The default, as the attribute would spell it ("" for none).
    pub default: &'static str,
    /// Part of the view state (`save()`/`restore()`) and of the `sync-url` hash.
    pub view_state: bool,
}

const VIEWS: &[&str] = &["table", "diagram", "both"];
const THEMES: &[&str] = &["light", "dark", "auto"];
const ON_OFF: &[&str] = &["on", "off"];

/// Every option, in the order of [`Opt`].
pub const SPECS: [Spec; 15] = [
    Spec {
        opt: Opt::Services,
        attribute: "services",
        property: "services",
        kind: Kind::Text,
        default: "",
        view_state: true,
    },
    Spec {
        opt: Opt::Query,
        attribute: "query",
        property: "query",
        kind: Kind::Text,
        default: "",
        view_state: true,
    },
    Spec {
        opt: Opt::Status,
        attribute: "status",
        property: "status",
        kind: Kind::Text,
        default: "any",
        view_state: true,
    },
    Spec {
        opt: Opt::Gaps,
        attribute: "gaps",
        property: "gaps",
        kind: Kind::Flag,
        default: "",
        view_state: true,
    },
    Spec {
        opt: Opt::Tags,
        attribute: "tags",
        property: "tags",
        kind: Kind::Text,
        default: "",
        view_state: true,
    },
    Spec {
        opt: Opt::Sort,
        attribute: "sort",
        property: "sort",
        kind: Kind::Text,
        default: "",
        view_state: true,
    },
    Spec {
        opt: Opt::View,
        attribute: "view",
        property: "view",
        kind: Kind::OneOf(VIEWS),
        default: "both",
        view_state: false,
    },
    Spec {
        opt: Opt::Theme,
        attribute: "theme",
        property: "theme",
        kind: Kind::OneOf(THEMES),
        default: "auto",
        view_state: false,
    },
    Spec {
        opt: Opt::Src,
        attribute: "src",
        property: "src",
        kind: Kind::Text,
        default: "",
        view_state: false,
    },
    Spec {
        opt: Opt::Revision,
        attribute: "revision",
        property: "revision",
        kind: Kind::Text,
        default: crate::revisions::SEED_REVISION,
        view_state: true,
    },
    Spec {
        opt: Opt::Compare,
        attribute: "compare",
        property: "compare",
        kind: Kind::Text,
        default: "",
        view_state: true,
    },
    Spec {
        opt: Opt::SyncUrl,
        attribute: "sync-url",
        property: "syncUrl",
        kind: Kind::Flag,
        default: "",
        view_state: false,
    },
    Spec {
        opt: Opt::WasmUrl,
        attribute: "wasm-url",
        property: "wasmUrl",
        kind: Kind::Text,
        default: "",
        view_state: false,
    },
    Spec {
        opt: Opt::Lang,
        attribute: "lang",
        property: "lang",
        kind: Kind::Text,
        default: "",
        view_state: false,
    },
    Spec {
        opt: Opt::Import,
        attribute: "import",
        property: "import",
        kind: Kind::OneOf(ON_OFF),
        default: "on",
        view_state: false,
    },
];

impl Opt {
    /// This option's row of [`SPECS`].
    pub fn spec(self) -> &'static Spec {
        &SPECS[self as usize]
    }

    /// The option whose property (or `mount()` key) is `name`.
    pub fn from_property(name: &str) -> Option<Opt> {
        SPECS.iter().find(|s| s.property == name).map(|s| s.opt)
    }
}

/// Options as the page gives them: for each option set, its text (`None`: removed, or a flag
/// that is off). An option that is not in the map was not given.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// By [`Opt`]: `None` not given, `Some(None)` removed, `Some(Some(text))` set.
    values: [Option<Option<String>>; SPECS.len()],
}

impl Options {
    /// Sets an option (`None` removes it; a flag is on when `Some`).
    pub fn set(&mut self, opt: Opt, value: Option<String>) {
        self.values[opt as usize] = Some(value);
    }

    /// Builds options from `(option, value)` pairs.
    pub fn of(pairs: impl IntoIterator<Item = (Opt, Option<String>)>) -> Options {
        let mut o = Options::default();
        for (k, v) in pairs {
            o.set(k, v);
        }
        o
    }

    /// Whether the option was given.
    pub fn has(&self, opt: Opt) -> bool {
        self.values[opt as usize].is_some()
    }

    /// The option's text ("" when not given or removed).
    pub fn text(&self, opt: Opt) -> &str {
        self.values[opt as usize]
            .as_ref()
            .and_then(|v| v.as_deref())
            .unwrap_or("")
    }

    /// A flag option: on when given with a value.
    pub fn flag(&self, opt: Opt) -> bool {
        matches!(self.values[opt as usize], Some(Some(_)))
    }

    /// Whether the user may bring data (`import` is `on`, in any case, or not given). Any other
    /// value keeps it off: a page that meant to turn it off is not overruled by a typo.
    pub fn import_allowed(&self) -> bool {
        let v = self.text(Opt::Import).trim();
        v.is_empty() || v.eq_ignore_ascii_case("on")
    }

    /// The options given, in table order.
    pub fn given(&self) -> impl Iterator<Item = Opt> + '_ {
        SPECS.iter().map(|s| s.opt).filter(|&o| self.has(o))
    }

    /// These options with `later`'s on top (what the page has set so far).
    pub fn merge(&mut self, later: &Options) {
        for (mine, theirs) in self.values.iter_mut().zip(&later.values) {
            if theirs.is_some() {
                mine.clone_from(theirs);
            }
        }
    }
}

/// Which parts are shown.
/// Why an option's value cannot be used: a message of the UI catalog (so the widget says it in
/// the user's language) with the value at fault. As text (`Display`, API errors) it is English.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OptionError {
    pub key: StringKey,
    /// Placeholder → text: `value` (what was given) and, for some, `option` and `list`.
    pub args: Vec<(&'static str, String)>,
}

impl OptionError {
    fn new(key: StringKey, value: &str) -> OptionError {
        OptionError {
            key,
            args: vec![("value", value.to_string())],
        }
    }

    fn with(mut self, name: &'static str, text: &str) -> OptionError {
        self.args.push((name, text.to_string()));
        self
    }

    /// The message in the words of `t`.
    pub fn text(&self, t: &Strings) -> String {
        let args: Vec<(&str, Arg)> = self
            .args
            .iter()
            .map(|(n, v)| (*n, Arg::Text(v.as_str())))
            .collect();
        t.fmt(self.key, &args)
    }
}

impl std::fmt::Display for OptionError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text(&Strings::english()))
    }
}

impl From<OptionError> for String {
    fn from(e: OptionError) -> String {
        e.to_string()
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum View {
    Table,
    Diagram,
    #[default]
    Both,
}

impl View {
    pub fn parse(s: &str) -> Result<View, OptionError> {
        match s.trim() {
            "" | "both" => Ok(View::Both),
            "table" => Ok(View::Table),
            "diagram" => Ok(View::Diagram),
            other => Err(OptionError::new(StringKey::errView, other)),
        }
    }

    pub fn id(self) -> &'static str {
        match self {
            View::Table => "table",
            View::Diagram => "diagram",
            View::Both => "both",
        }
    }

    pub fn shows_table(self) -> bool {
        matches!(self, View::Table | View::Both)
    }

    pub fn shows_diagram(self) -> bool {
        matches!(self, View::Diagram | View::Both)
    }
}

/// Colour scheme.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Theme {
    Light,
    Dark,
    #[default]
    Auto,
}

impl Theme {
    pub fn parse(s: &str) -> Result<Theme, OptionError> {
        match s.trim() {
            "" | "auto" => Ok(Theme::Auto),
            "light" => Ok(Theme::Light),
            "dark" => Ok(Theme::Dark),
            other => Err(OptionError::new(StringKey::errTheme, other)),
        }
    }

    pub fn id(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
            Theme::Auto => "auto",
        }
    }
}

#[cfg(test)]
mod tests;
