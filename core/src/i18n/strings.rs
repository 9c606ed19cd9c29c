//! A widget's strings: the language it speaks (resolved from what the page asks for), that
//! language's table with English for a missing key, the page's own overrides on top, and the
//! browser's plural, number and date rules.

use super::en::{EN, K};
use super::format::{fill, Arg, Locale, Plain};
use super::SEP;
use std::borrow::Cow;
use std::rc::Rc;

/// The languages shipped, each complete (a test checks every key).
pub const LANGUAGES: &[&str] = &["en", "de", "fr", "es", "ja", "ko"];

/// At most this many overrides, each at most this many characters (a page's `strings`).
pub const MAX_OVERRIDES: usize = 1000;
pub const MAX_OVERRIDE_CHARS: usize = 4000;

/// A shipped translation: its texts in key order, one string (see [`super::SEP`]).
pub(crate) fn texts_of(lang: &str) -> Option<&'static str> {
    Some(match lang {
        "de" => super::de::TEXTS,
        "fr" => super::fr::TEXTS,
        "es" => super::es::TEXTS,
        "ja" => super::ja::TEXTS,
        "ko" => super::ko::TEXTS,
        _ => return None,
    })
}

/// A shipped translation's keys as written (to check them against `en.rs`).
#[cfg(test)]
pub(crate) fn keys_of(lang: &str) -> Option<&'static [K]> {
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
    pub fn new(requested: &str, overrides: &[(K, String)], locale: Rc<dyn Locale>) -> Strings {
        let lang = shipped(requested);
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
    pub fn get(&self, k: K) -> &str {
        &self.texts[k as usize]
    }

    /// A template filled with `args`.
    pub fn fmt(&self, k: K, args: &[(&str, Arg)]) -> String {
        fill(self.get(k), args, &*self.locale)
    }

    /// A template split around the placeholder `at`, the other placeholders filled: for text with
    /// an element in it (`As of <time>…</time>`).
    pub fn around(&self, k: K, at: &str, args: &[(&str, Arg)]) -> (String, String) {
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
pub fn parse_overrides(entries: &[(String, String)]) -> (Vec<(K, String)>, Vec<String>) {
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
        let Some(k) = K::from_name(name) else {
            errors.push(format!(
                "strings: unknown key '{name}' (the StringKey type lists the keys)"
            ));
            continue;
        };
        if text.chars().count() > MAX_OVERRIDE_CHARS {
            errors.push(format!(
                "strings.{name}: longer than {MAX_OVERRIDE_CHARS} characters"
            ));
            continue;
        }
        if super::format::placeholders(text).is_none() {
            errors.push(format!(
                "strings.{name}: its braces do not balance (a placeholder is written {{name}})"
            ));
            continue;
        }
        out.push((k, text.clone()));
    }
    (out, errors)
}
