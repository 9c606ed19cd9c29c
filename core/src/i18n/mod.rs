//! Words the widget shows that are not data. Every UI string is a key of one catalog
//! ([`en`], the English fallback), translated in one module per shipped language and filled by
//! [`format`] (placeholders, plurals, numbers and dates). It imports nothing else of the core:
//! the sentences about domain things are the wording layer's (the `wording` module).

/// Separates the texts of a catalog, which are one string: a table of (key, text) pairs would
/// add 12 bytes of pointers per text to the wasm (≈ 7 kB gzip for the five translations).
pub(crate) const SEP: char = '\u{1f}';

/// A translation: every key of `en.rs` in its order (a test checks the keys), as one string.
#[cfg(feature = "translations")]
macro_rules! translation {
    ($(($key:path, $text:literal),)*) => {
        pub(crate) const TEXTS: &str = concat!($($text, "\u{1f}",)*);
        #[cfg(test)]
        use super::en::StringKey;
        #[cfg(test)]
        pub(crate) const KEYS: &[StringKey] = &[$($key,)*];
    };
}

#[cfg(feature = "translations")]
mod de;
pub mod en;
#[cfg(feature = "translations")]
mod es;
pub mod format;
#[cfg(feature = "translations")]
mod fr;
#[cfg(feature = "translations")]
mod ja;
#[cfg(feature = "translations")]
mod ko;
pub mod strings;

pub use en::StringKey;
pub use format::{english_date, plain_digits, Arg, Locale, Plain};
pub use strings::{add_catalog, parse_overrides, shipped, spoken, Strings, LANGUAGES};

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    fn en() -> Strings {
        Strings::english()
    }

    #[test]
    fn every_shipped_language_has_every_key_once_with_the_english_placeholders() {
        for lang in &LANGUAGES[1..] {
            let keys = strings::keys_of(lang).expect("shipped");
            let texts = strings::texts_of(lang).expect("shipped");
            assert_eq!(
                keys,
                StringKey::ALL,
                "{lang}: the keys of en.rs in its order"
            );
            let texts: Vec<&str> = texts.split_terminator(SEP).collect();
            assert_eq!(texts.len(), keys.len(), "{lang}: a text contains U+001F");
            let mut seen = HashSet::new();
            for (k, text) in keys.iter().zip(texts) {
                assert!(seen.insert(*k), "{lang}: {} twice", k.name());
                let want = format::placeholders(en::english(*k)).unwrap();
                let got = format::placeholders(text)
                    .unwrap_or_else(|| panic!("{lang}.{}: does not parse: {text}", k.name()));
                assert_eq!(got, want, "{lang}.{}: placeholders", k.name());
                assert!(
                    !text.trim().is_empty() || en::english(*k).trim().is_empty(),
                    "{lang}.{} empty",
                    k.name()
                );
            }
            let missing: Vec<&str> = StringKey::ALL
                .iter()
                .filter(|k| !seen.contains(k))
                .map(|k| k.name())
                .collect();
            assert!(missing.is_empty(), "{lang} lacks {missing:?}");
        }
        for k in StringKey::ALL {
            assert!(
                format::placeholders(en::english(*k)).is_some(),
                "en.{}",
                k.name()
            );
            assert_eq!(StringKey::from_name(k.name()), Some(*k));
        }
    }

    #[test]
    fn a_catalog_given_at_run_time_must_be_a_shipped_translation_of_this_version() {
        let de = strings::built_in("de").unwrap().to_string();
        assert_eq!(add_catalog("de", de.clone()), Ok(()));
        assert!(strings::has_catalog("de") && strings::has_catalog("en"));
        for lang in ["en", "pt", "de-AT", "DE", ""] {
            let e = add_catalog(lang, de.clone()).unwrap_err();
            assert!(e.contains("not a shipped translation"), "{lang}: {e}");
        }
        let one_short = de[..de.len() - 1].rsplit_once(SEP).unwrap().0.to_string() + "\u{1f}";
        let e = add_catalog("fr", one_short).unwrap_err();
        assert!(e.contains(&format!("{} keys", StringKey::ALL.len())), "{e}");
        let e = add_catalog("fr", de.trim_end_matches(SEP).to_string()).unwrap_err();
        assert!(e.contains("texts where"), "{e}");
    }

    #[test]
    fn a_catalog_module_is_the_texts_as_one_js_string() {
        let m = strings::catalog_module("ja").unwrap();
        let json = m.lines().nth(1).unwrap();
        let json = json.strip_prefix("export default ").unwrap();
        let json = json.strip_suffix(';').unwrap();
        let back: String = serde_json::from_str(json).unwrap();
        assert_eq!(back, strings::built_in("ja").unwrap());
        assert!(strings::catalog_module("en").is_none());
    }

    #[test]
    fn a_missing_key_falls_back_to_english_and_overrides_win() {
        let (o, errors) = parse_overrides(&[
            ("searchLabel".into(), "Programme filtern".into()),
            ("nope".into(), "x".into()),
            ("count".into(), "{shown".into()),
        ]);
        assert_eq!(errors.len(), 2, "{errors:?}");
        assert!(errors[0].contains("unknown key 'nope'"));
        assert!(errors[1].starts_with("strings.count:"));
        let t = Strings::new("pt-BR", &o, std::rc::Rc::new(Plain));
        assert_eq!(t.lang, "pt-BR");
        assert_eq!(t.get(StringKey::searchLabel), "Programme filtern");
        assert_eq!(t.get(StringKey::copyLink), "Copy link");
        assert_eq!(
            Strings::new("pt-BR", &[], std::rc::Rc::new(Plain)).lang,
            "en"
        );
        assert_eq!(
            Strings::new("de-AT", &[], std::rc::Rc::new(Plain)).lang,
            "de"
        );
        assert_eq!(shipped("KO_kr"), Some("ko"));
        assert_eq!(shipped(""), None);
    }

    #[test]
    fn around_splits_a_template_at_its_element() {
        let t = en();
        assert_eq!(
            t.around(StringKey::asOf, "date", &[]),
            ("As of ".to_string(), String::new())
        );
        assert_eq!(
            t.around(StringKey::source, "source", &[]),
            ("Source: ".to_string(), String::new())
        );
    }
}
