//! The model's rules: unique ids, every layer placed once per variant, every cited source known,
//! tools on known layers and variants, dated sources, web links only. The field rules are the
//! datasets' (`dataset::validate`). The model is embedded and checked by the tests: its errors
//! are for whoever edits `data/`, in English, never shown to a user.

use super::Model;
use crate::dataset::validate::{check_date, check_id, check_name, check_text, is_web_url};
use crate::text::is_slug;
use std::collections::HashSet;

impl Model {
    fn check_source(&self, at: impl FnOnce() -> String, id: &str) -> Result<(), String> {
        match self.source(id) {
            Some(_) => Ok(()),
            None => Err(format!("{}: unknown source '{id}'", at())),
        }
    }

    /// Checks every rule: unique ids, every variant places every layer exactly once, every cited
    /// source exists, tools name known layers and variants, links are `http`/`https` only.
    pub fn validate(&self) -> Result<(), String> {
        check_name("title", &self.title)?;
        check_name("note", &self.note)?;
        check_date("as_of", &self.as_of)?;

        let mut seen = HashSet::new();
        for (i, s) in self.sources.iter().enumerate() {
            check_id(|| format!("sources[{i}].id"), &s.id, &mut seen)?;
            check_name(&format!("sources[{i}].title"), &s.title)?;
            check_web_url(&format!("sources[{i}].url"), &s.url)?;
            check_date(&format!("sources[{i}].as_of"), &s.as_of)?;
        }

        if self.layers.is_empty() {
            return Err("layers: at least one layer is needed".into());
        }
        let mut seen = HashSet::new();
        for (i, l) in self.layers.iter().enumerate() {
            check_id(|| format!("layers[{i}].id"), &l.id, &mut seen)?;
            check_name(&format!("layers[{i}].name"), &l.name)?;
        }

        if self.variants.is_empty() {
            return Err("variants: at least one variant is needed".into());
        }
        let mut seen = HashSet::new();
        for (i, v) in self.variants.iter().enumerate() {
            let at = |f: &str| format!("variants[{i}].{f}");
            check_id(|| at("id"), &v.id, &mut seen)?;
            check_name(&at("name"), &v.name)?;
            check_short(&at("short"), &v.short)?;
            if v.services.is_empty() {
                return Err(format!(
                    "{}: at least one service id is needed",
                    at("services")
                ));
            }
            for (j, s) in v.services.iter().enumerate() {
                if !is_slug(s) {
                    return Err(format!(
                        "{}: '{s}' is not a service id",
                        at(&format!("services[{j}]"))
                    ));
                }
            }
            let mut placed = vec![false; self.layers.len()];
            for (j, b) in v.cells.iter().enumerate() {
                let at = |f: &str| format!("variants[{i}].cells[{j}].{f}");
                let Some(k) = self.layer_index(&b.layer) else {
                    return Err(format!("{}: unknown layer '{}'", at("layer"), b.layer));
                };
                if placed[k] {
                    return Err(format!(
                        "{}: layer '{}' is placed twice in '{}'",
                        at("layer"),
                        b.layer,
                        v.id
                    ));
                }
                placed[k] = true;
                check_name(&at("explanation"), &b.explanation)?;
                self.check_source(|| at("source"), &b.source)?;
                for (k, id) in b.see_also.iter().enumerate() {
                    self.check_source(|| at(&format!("see_also[{k}]")), id)?;
                }
            }
            if let Some(n) = &v.note {
                check_name(&at("note"), n)?;
                let id = v.note_source.as_deref().unwrap_or("");
                self.check_source(|| at("note_source"), id)?;
            }
            if let Some(k) = placed.iter().position(|p| !p) {
                return Err(format!(
                    "{}: '{}' does not place layer '{}'",
                    at("cells"),
                    v.id,
                    self.layers[k].id
                ));
            }
        }

        check_name("tools.note", &self.tools_note)?;
        let mut seen = HashSet::new();
        for (i, t) in self.tools.iter().enumerate() {
            let at = |f: &str| format!("tools[{i}].{f}");
            check_id(|| at("id"), &t.id, &mut seen)?;
            check_name(&at("name"), &t.name)?;
            for (j, a) in t.aliases.iter().enumerate() {
                check_name(&at(&format!("aliases[{j}]")), a)?;
            }
            check_web_url(&at("url"), &t.url)?;
            check_short(&at("summary"), &t.summary)?;
            check_name(&at("checks"), &t.checks)?;
            for (j, l) in t.layers.iter().enumerate() {
                if self.layer_index(l).is_none() {
                    return Err(format!(
                        "{}: unknown layer '{l}'",
                        at(&format!("layers[{j}]"))
                    ));
                }
            }
            for (j, v) in t.variants.iter().enumerate() {
                if self.variant(v).is_none() {
                    return Err(format!(
                        "{}: unknown variant '{v}'",
                        at(&format!("variants[{j}]"))
                    ));
                }
            }
            check_name(&at("source.title"), &t.source.title)?;
            check_web_url(&at("source.url"), &t.source.url)?;
            check_date(&at("source.as_of"), &t.source.as_of)?;
            if let Some(n) = &t.source.note {
                check_name(&at("source.note"), n)?;
            }
        }
        Ok(())
    }
}

/// A model link: `http:` or `https:` only.
fn check_web_url(field: &str, url: &str) -> Result<(), String> {
    check_text(field, url)?;
    if !is_web_url(url) {
        return Err(format!("{field}: '{url}' is not an http: or https: link"));
    }
    Ok(())
}

/// Longest short name or one-line summary: it must fit one line of a phone (about 320 px).
const SHORT_CHARS: usize = 80;

/// A text shown where there is room for one line: not empty, at most [`SHORT_CHARS`].
fn check_short(field: &str, text: &str) -> Result<(), String> {
    check_name(field, text)?;
    let n = text.chars().count();
    if n > SHORT_CHARS {
        return Err(format!(
            "{field}: {n} characters, more than the {SHORT_CHARS} of one line"
        ));
    }
    Ok(())
}
