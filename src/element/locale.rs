//! The user's language: which one a widget speaks (its `lang` option, else the closest
//! `lang` attribute from the element up, else the document's, else the browser's) and the
//! browser's `Intl` rules for its plurals, numbers and dates.

use crate::i18n::strings::{MAX_OVERRIDES, MAX_OVERRIDE_CHARS};
use crate::i18n::{
    english_date, parse_overrides, plain_digits, spoken, Locale, StringKey, Strings,
};
use std::cell::{OnceCell, RefCell};
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::Element;

/// `Intl.PluralRules`, `Intl.NumberFormat` and `Intl.DateTimeFormat` for one locale. The number
/// and date formatters are built on the first count or date the widget does not write itself
/// (`plain_digits`, `english_date`): the first of them a page builds is the slowest step of a
/// widget's start.
struct Intl {
    tag: String,
    /// `[tag]`, as each `Intl` constructor takes it.
    locales: js_sys::Array,
    plural: js_sys::Intl::PluralRules,
    number: OnceCell<js_sys::Function>,
    date: OnceCell<js_sys::Function>,
}

impl Locale for Intl {
    fn plural(&self, n: usize) -> &'static str {
        match String::from(self.plural.select(n as f64)).as_str() {
            "zero" => "zero",
            "one" => "one",
            "two" => "two",
            "few" => "few",
            "many" => "many",
            _ => "other",
        }
    }
    fn number(&self, n: usize) -> String {
        if plain_digits(&self.tag, n) {
            return n.to_string();
        }
        let format = self.number.get_or_init(|| {
            js_sys::Intl::NumberFormat::new(&self.locales, &js_sys::Object::new()).format()
        });
        format
            .call1(&JsValue::NULL, &JsValue::from_f64(n as f64))
            .ok()
            .and_then(|s| s.as_string())
            .unwrap_or_else(|| n.to_string())
    }
    fn date(&self, iso: &str) -> String {
        if !is_iso_date(iso) {
            return iso.to_string();
        }
        if let Some(text) = english_date(&self.tag, iso) {
            return text;
        }
        let d = js_sys::Date::new(&JsValue::from_str(&format!("{iso}T00:00:00Z")));
        if d.get_time().is_nan() {
            return iso.to_string();
        }
        let format = self.date.get_or_init(|| {
            let options = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&options, &"dateStyle".into(), &"medium".into());
            let _ = js_sys::Reflect::set(&options, &"timeZone".into(), &"UTC".into());
            js_sys::Intl::DateTimeFormat::new(&self.locales, &options).format()
        });
        format
            .call1(&JsValue::NULL, &d)
            .ok()
            .and_then(|s| s.as_string())
            .unwrap_or_else(|| iso.to_string())
    }
}

fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b.iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        })
}

thread_local! {
    /// One set of `Intl` objects per locale: widgets in one language share it, and strings
    /// built again for the same language compare equal (no re-render).
    static LOCALES: RefCell<Vec<(String, Rc<dyn Locale>)>> = RefCell::default();
}

fn locale(tag: &str) -> Rc<dyn Locale> {
    if let Some(l) = LOCALES.with(|l| {
        l.borrow()
            .iter()
            .find(|(t, _)| t == tag)
            .map(|(_, l)| l.clone())
    }) {
        return l;
    }
    let locales = js_sys::Array::of1(&JsValue::from_str(tag));
    let l: Rc<dyn Locale> = Rc::new(Intl {
        tag: tag.to_string(),
        plural: js_sys::Intl::PluralRules::new(&locales, &js_sys::Object::new()),
        locales,
        number: OnceCell::new(),
        date: OnceCell::new(),
    });
    LOCALES.with(|c| c.borrow_mut().push((tag.to_string(), l.clone())));
    l
}

/// The locale `Intl` gets: the language the UI speaks with the region asked for when it is a
/// plain one (`de-CH` keeps `CH`). Only well-formed tags reach `Intl` (a malformed one throws).
fn intl_tag(requested: &str, lang: &str) -> String {
    let primary = lang.split('-').next().unwrap_or("en").to_ascii_lowercase();
    if !(2..=3).contains(&primary.len()) || !primary.bytes().all(|b| b.is_ascii_lowercase()) {
        return "en".to_string();
    }
    let region = requested.split(['-', '_']).nth(1).filter(|r| {
        (r.len() == 2 && r.bytes().all(|b| b.is_ascii_alphabetic()))
            || (r.len() == 3 && r.bytes().all(|b| b.is_ascii_digit()))
    });
    match region {
        Some(r) if requested.to_ascii_lowercase().starts_with(&primary) => {
            format!("{primary}-{}", r.to_ascii_uppercase())
        }
        _ => primary,
    }
}

/// The language asked for: the `lang` option, the closest `lang` attribute (the element's own
/// first), the document's, the browser's.
pub fn requested(target: &Element, option: Option<&str>) -> String {
    if let Some(l) = option.filter(|l| !l.trim().is_empty()) {
        return l.trim().to_string();
    }
    let attr = target
        .closest("[lang]")
        .ok()
        .flatten()
        .and_then(|e| e.get_attribute("lang"))
        .filter(|l| !l.trim().is_empty());
    if let Some(l) = attr {
        return l.trim().to_string();
    }
    let doc = target
        .owner_document()
        .and_then(|d| d.document_element())
        .and_then(|e| e.get_attribute("lang"))
        .filter(|l| !l.trim().is_empty());
    if let Some(l) = doc {
        return l.trim().to_string();
    }
    web_sys::window()
        .and_then(|w| w.navigator().language())
        .unwrap_or_else(|| "en".to_string())
}

/// The page's `strings` object as (key, text) pairs: own enumerable string-keyed properties,
/// counted before any is copied; values that are not strings are errors naming the key.
pub fn read_overrides(value: &JsValue) -> (Vec<(StringKey, String)>, Vec<String>) {
    if value.is_undefined() || value.is_null() {
        return (Vec::new(), Vec::new());
    }
    if !value.is_object() {
        return (
            Vec::new(),
            vec!["strings: must be an object of key → text".to_string()],
        );
    }
    // Made plain and measured first: a key or a text of any size, a getter that throws, a
    // revoked Proxy each give an error, and nothing unbounded is copied into the wasm.
    let limits = (MAX_OVERRIDES * (MAX_OVERRIDE_CHARS + 64), 1);
    let value = match super::checked::plain(value, "strings", limits, None) {
        Ok(v) => v,
        Err(e) => return (Vec::new(), vec![e]),
    };
    let value = &value;
    let keys = js_sys::Object::keys(value.unchecked_ref::<js_sys::Object>());
    if keys.length() as usize > MAX_OVERRIDES {
        return parse_overrides(&vec![
            (String::new(), String::new());
            keys.length() as usize
        ]);
    }
    let mut entries = Vec::new();
    let mut errors = Vec::new();
    for key in keys.iter() {
        let name = key.as_string().unwrap_or_default();
        let v = js_sys::Reflect::get(value, &key).unwrap_or(JsValue::UNDEFINED);
        match v.dyn_ref::<js_sys::JsString>() {
            Some(s) if s.length() as usize > MAX_OVERRIDE_CHARS => {
                errors.push(format!(
                    "strings.{name}: longer than {} characters",
                    MAX_OVERRIDE_CHARS
                ));
            }
            Some(s) => entries.push((name, String::from(s))),
            None => errors.push(format!("strings.{name}: must be text")),
        }
    }
    let (ok, mut more) = parse_overrides(&entries);
    errors.append(&mut more);
    (ok, errors)
}

/// The strings of a widget that asked for `requested`, with the page's overrides.
pub fn strings(requested: &str, overrides: &[(StringKey, String)]) -> Rc<Strings> {
    let lang = spoken(requested).unwrap_or(if overrides.is_empty() {
        "en"
    } else {
        requested
    });
    let tag = intl_tag(requested, lang);
    Rc::new(Strings::new(requested, overrides, locale(&tag)))
}

/// The language of the page around the widget (its parent's closest `lang`, else the
/// document's): the best guess for the language of the page's own data. `None` when unknown.
pub fn page_lang(target: &Element) -> Option<String> {
    target
        .parent_element()
        .and_then(|p| p.closest("[lang]").ok().flatten())
        .and_then(|e| e.get_attribute("lang"))
        .or_else(|| {
            target
                .owner_document()
                .and_then(|d| d.document_element())
                .and_then(|e| e.get_attribute("lang"))
        })
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty())
}
