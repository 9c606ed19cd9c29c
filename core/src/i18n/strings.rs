//! A widget's strings: the language it speaks (resolved from what the page asks for), that
//! language's table with English for a missing key, the page's own overrides on top, and the
//! browser's plural, number and date rules.

use super::en::{StringKey, EN};
use super::format::{fill, Arg, Locale, Plain};
use super::SEP;
use std::borrow::Cow;
use std::rc::Rc;

/// The languages shipped, each complete (a test checks every key).
pub const LANGUAGES: &[&str] = &["en", "de", "fr", "es", "ja", "ko"];

/// At most this many overrides, each at most this many characters (a page's `strings`).
pub const MAX_OVERRIDES: usize = 1000;
pub const MAX_OVERRIDE_CHARS: usize = 4000;

/// A shipped translation: its texts in key order, one string (see [`super::SEP`]). Built in
/// with the `translations` feature (native use, tests, generated files); the widget's wasm is
/// built without it and is given the one it needs at run time ([`add_catalog`]), so the first
/// download carries English only.
pub(crate) fn texts_of(lang: &str) -> Option<&'static str> {
    #[cfg(feature = "translations")]
    if let Some(t) = built_in(lang) {
        return Some(t);
    }
    LOADED.with(|l| l.borrow().iter().find(|(l, _)| *l == lang).map(|(_, t)| *t))
}

#[cfg(feature = "translations")]
pub(crate) fn built_in(lang: &str) -> Option<&'static str> {
    Some(match lang {
        "de" => super::de::TEXTS,
        "fr" => super::fr::TEXTS,
        "es" => super::es::TEXTS,
        "ja" => super::ja::TEXTS,
        "ko" => super::ko::TEXTS,
        _ => return None,
    })
}

thread_local! {
    /// The translations given at run time: at most one per shipped language, kept for the
    /// instance's life (five of about 15 kB at most).
    static LOADED: std::cell::RefCell<Vec<(&'static str, &'static str)>> = Default::default();
}

/// A translation the widget was given at run time (`texts`: a catalog file's string, the texts
/// in key order each followed by U+001F). Refused unless `lang` is a shipped language other than
/// English and `texts` has exactly one text per key (a file of another version); the first one
/// given for a language stays.
pub fn add_catalog(lang: &str, texts: String) -> Result<(), String> {
    let Some(lang) = shipped(lang).filter(|l| *l != "en" && *l == lang) else {
        return Err(format!("catalog '{lang}': not a shipped translation"));
    };
    let n = texts.split_terminator(SEP).count();
    if n != super::en::StringKey::ALL.len() || !texts.ends_with(SEP) {
        return Err(format!(
            "catalog '{lang}': {n} texts where this version has {} keys",
            super::en::StringKey::ALL.len()
        ));
    }
    if texts_of(lang).is_none() {
        let texts: &'static str = Box::leak(texts.into_boxed_str());
        LOADED.with(|l| l.borrow_mut().push((lang, texts)));
    }
    Ok(())
}

/// Whether `lang`'s translation is at hand (built in or given).
pub fn has_catalog(lang: &str) -> bool {
    lang == "en" || texts_of(lang).is_some()
}

/// A catalog file (`www/i18n/<lang>.js`): an ES module whose default export is the language's
/// texts as [`add_catalog`] takes them. Written by `make options`.
#[cfg(feature = "translations")]
pub fn catalog_module(lang: &str) -> Option<String> {
    let texts = built_in(lang)?;
    let json = serde_json::to_string(texts).expect("a string serialises");
    Some(format!(
        "// Generated from core/src/i18n/{lang}.rs (make options): the texts in key order, each ended by U+001F.\nexport default {json};\n"
    ))
}

/// A shipped translation's keys as written (to check them against `en.rs`).
#[cfg(test)]
pub(crate) fn keys_of(lang: &str) -> Option<&'static [StringKey]> {
    Some(match lang {
        "de" => super::de::KEYS,
        "fr" => super::fr::KEYS,
        "es" => super::es::KEYS,
        "ja" => super::ja::KEYS,
        "ko" => super::ko::KEYS,
        _ => return None,
    })
}

/// The shipped language for a BCP 47 tag (`de-AT` → `de`), if any.
pub fn shipped(tag: &str) -> Option<&'static str> {
    let primary = tag.split(['-', '_']).next()?.trim().to_ascii_lowercase();
    LANGUAGES.iter().copied().find(|l| *l == primary)
}

/// The shipped language a widget speaks for `requested`, if its translation is at hand: one not
/// at hand (its file could not be loaded) is not spoken, English is instead.
pub fn spoken(requested: &str) -> Option<&'static str> {
    shipped(requested).filter(|l| has_catalog(l))
}

/// The UI strings of one widget.
pub struct Strings {
    /// The language the UI speaks, for `lang` on the widget's root: the shipped language asked
    /// for, or the page's own tag when it brings its own strings for an unshipped language, or
    /// `en`.
    pub lang: String,
    texts: Vec<Cow<'static, str>>,
    locale: Rc<dyn Locale>,
}

impl PartialEq for Strings {
    fn eq(&self, other: &Self) -> bool {
        self.lang == other.lang
            && self.texts == other.texts
            && Rc::ptr_eq(&self.locale, &other.locale)
    }
}

impl std::fmt::Debug for Strings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Strings({})", self.lang)
    }
}

impl Default for Strings {
    fn default() -> Self {
        Strings::english()
    }
}

impl Strings {
    /// English with plain rules (native use, tests).
    pub fn english() -> Strings {
        Strings::new("en", &[], Rc::new(Plain))
    }

    /// The strings for `requested` (a BCP 47 tag, `""` for none) with the page's `overrides`.
    /// `locale` formats numbers, dates and plurals (the browser's `Intl` in the widget).
    pub fn new(
        requested: &str,
        overrides: &[(StringKey, String)],
        locale: Rc<dyn Locale>,
    ) -> Strings {
        let lang = spoken(requested);
        let mut texts: Vec<Cow<'static, str>> =
            EN.split_terminator(SEP).map(Cow::Borrowed).collect();
        if let Some(t) = lang.and_then(texts_of) {
            // In key order (a test checks every translation's keys against en.rs).
            for (slot, text) in texts.iter_mut().zip(t.split_terminator(SEP)) {
                *slot = Cow::Borrowed(text);
            }
        }
        for (k, text) in overrides {
            texts[*k as usize] = Cow::Owned(text.clone());
        }
        let lang = match lang {
            Some(l) => l.to_string(),
            None if !overrides.is_empty() && !requested.trim().is_empty() => {
                requested.trim().to_string()
            }
            None => "en".to_string(),
        };
        Strings {
            lang,
            texts,
            locale,
        }
    }

    /// A string without placeholders (or with them as written).
    pub fn get(&self, k: StringKey) -> &str {
        &self.texts[k as usize]
    }

    /// A template filled with `args`.
    pub fn fmt(&self, k: StringKey, args: &[(&str, Arg)]) -> String {
        fill(self.get(k), args, &*self.locale)
    }

    /// A template split around the placeholder `at`, the other placeholders filled: for text with
    /// an element in it (`As of <time>…</time>`).
    pub fn around(&self, k: StringKey, at: &str, args: &[(&str, Arg)]) -> (String, String) {
        let marker = format!("{{{at}}}");
        let t = self.get(k);
        match t.find(&marker) {
            Some(pos) => (
                fill(&t[..pos], args, &*self.locale),
                fill(&t[pos + marker.len()..], args, &*self.locale),
            ),
            None => (fill(t, args, &*self.locale), String::new()),
        }
    }

    pub fn number(&self, n: usize) -> String {
        self.locale.number(n)
    }

    pub fn date(&self, iso: &str) -> String {
        self.locale.date(iso)
    }
}

/// Reads a page's overrides (`strings`): key → text. Unknown keys and bad templates are errors
/// naming the key; the others still apply.
pub fn parse_overrides(entries: &[(String, String)]) -> (Vec<(StringKey, String)>, Vec<String>) {
    let mut out = Vec::new();
    let mut errors = Vec::new();
    if entries.len() > MAX_OVERRIDES {
        errors.push(format!(
            "strings: {} keys, more than the {MAX_OVERRIDES} the widget has",
            entries.len()
        ));
        return (out, errors);
    }
    for (name, text) in entries {
        let Some(k) = StringKey::from_name(name) else {
            // A key of any length is named by its start: a message stays short.
            let shown: String = name.chars().take(60).collect();
            let cut = if shown.len() < name.len() { "…" } else { "" };
            errors.push(format!(
                "strings: unknown key '{shown}{cut}' (the StringKey type lists the keys)"
            ));
            continue;
        };
        if text.chars().count() > MAX_OVERRIDE_CHARS {
            errors.push(format!(
                "strings.{name}: longer than {MAX_OVERRIDE_CHARS} characters"
            ));
            continue;
        }
        if !super::format::parses(text) {
            errors.push(format!(
                "strings.{name}: its braces do not balance (a placeholder is written {{name}})"
            ));
            continue;
        }
        out.push((k, text.clone()));
    }
    (out, errors)
}
