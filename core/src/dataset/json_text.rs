//! A dataset written as JSON text in our schema (`docs/data-format.md`) without serde_json: the
//! same text serde_json's pretty printer writes for [`Dataset::to_json_value`] (keys sorted,
//! two-space indent, `null` for an absent title, link or warning), which a test checks. The
//! widget's wasm writes its JSON export and `parseDataset`'s answer with it, so it carries no
//! serde_json (9.8 kB gzip, measured 2026-12-06); reading JSON stays in the dataset reader.

use super::{Cell, Dataset, Link};

/// A JSON value as the writer needs it: borrowed text, objects with their keys in output order.
enum Json<'a> {
    Null,
    Str(&'a str),
    Arr(Vec<Json<'a>>),
    Obj(Vec<(&'a str, Json<'a>)>),
}

/// `ds` as pretty-printed JSON in our schema.
pub fn to_json_pretty(ds: &Dataset) -> String {
    let mut out = String::new();
    write(&mut out, &dataset(ds), 0);
    out
}

fn dataset(ds: &Dataset) -> Json<'_> {
    // A program's cells are keyed by service id in the order of the ids (serde_json's map).
    let mut by_id: Vec<usize> = (0..ds.services.len()).collect();
    crate::stable_sort::sort_indices(&mut by_id, &|a, b| {
        ds.services[a].id.cmp(&ds.services[b].id)
    });
    let programs = ds
        .programs
        .iter()
        .map(|p| {
            let status = by_id
                .iter()
                .filter_map(|&s| Some((ds.services[s].id.as_str(), cell(p.cells.get(s)?))))
                .collect();
            let mut o = Vec::with_capacity(7);
            if !p.aliases.is_empty() {
                o.push(("aliases", strings(&p.aliases)));
            }
            o.push(("id", Json::Str(&p.id)));
            o.push(("name", Json::Str(&p.name)));
            if let Some(n) = &p.note {
                o.push(("note", Json::Str(n)));
            }
            o.push(("status", Json::Obj(status)));
            if !p.tags.is_empty() {
                o.push(("tags", strings(&p.tags)));
            }
            if let Some(u) = &p.url {
                o.push(("url", Json::Str(u)));
            }
            Json::Obj(o)
        })
        .collect();
    let services = ds
        .services
        .iter()
        .map(|s| Json::Obj(vec![("id", Json::Str(&s.id)), ("name", Json::Str(&s.name))]))
        .collect();
    Json::Obj(vec![
        ("as_of", Json::Str(&ds.as_of)),
        ("latest", ds.latest.as_ref().map_or(Json::Null, link)),
        ("programs", Json::Arr(programs)),
        ("services", Json::Arr(services)),
        ("source", link(&ds.source)),
        (
            "tags_source",
            ds.tags_source.as_ref().map_or(Json::Null, link),
        ),
        (
            "title",
            if ds.title.is_empty() {
                Json::Null
            } else {
                Json::Str(&ds.title)
            },
        ),
        (
            "warning",
            ds.warning.as_deref().map_or(Json::Null, Json::Str),
        ),
    ])
}

fn link(l: &Link) -> Json<'_> {
    let mut o = Vec::with_capacity(3);
    if let Some(n) = &l.note {
        o.push(("note", Json::Str(n)));
    }
    o.push(("title", Json::Str(&l.title)));
    o.push(("url", Json::Str(&l.url)));
    Json::Obj(o)
}

fn cell(c: &Cell) -> Json<'_> {
    match &c.label {
        None => Json::Str(c.status.id()),
        Some(label) => Json::Obj(vec![
            ("label", Json::Str(label)),
            ("status", Json::Str(c.status.id())),
        ]),
    }
}

fn strings(v: &[String]) -> Json<'_> {
    Json::Arr(v.iter().map(|s| Json::Str(s)).collect())
}

fn write(out: &mut String, v: &Json, depth: usize) {
    let newline = |out: &mut String, depth: usize| {
        out.push('\n');
        for _ in 0..depth {
            out.push_str("  ");
        }
    };
    match v {
        Json::Null => out.push_str("null"),
        Json::Str(s) => quote(out, s),
        Json::Arr(items) if items.is_empty() => out.push_str("[]"),
        Json::Obj(fields) if fields.is_empty() => out.push_str("{}"),
        Json::Arr(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                newline(out, depth + 1);
                write(out, item, depth + 1);
            }
            newline(out, depth);
            out.push(']');
        }
        Json::Obj(fields) => {
            out.push('{');
            for (i, (key, value)) in fields.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                newline(out, depth + 1);
                quote(out, key);
                out.push_str(": ");
                write(out, value, depth + 1);
            }
            newline(out, depth);
            out.push('}');
        }
    }
}

/// A JSON string as serde_json writes one: `"` and `\` escaped, the short escapes for backspace,
/// form feed, line feed, carriage return and tab, `\u00xx` for the other control characters,
/// everything else as it is.
fn quote(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.push_str("\\u00");
                out.push(HEX[(c as usize) >> 4] as char);
                out.push(HEX[(c as usize) & 0xf] as char);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::{Program, Service, Status};

    fn serde_text(ds: &Dataset) -> String {
        serde_json::to_string_pretty(&ds.to_json_value()).unwrap()
    }

    #[test]
    fn the_seed_is_written_as_serde_json_writes_it() {
        let ds = Dataset::embedded();
        assert_eq!(to_json_pretty(&ds), serde_text(&ds));
    }

    #[test]
    fn absent_and_empty_parts_and_every_control_character_are_written_as_serde_json_writes_them() {
        let all_controls: String = (0u8..0x20)
            .map(char::from)
            .chain(['\u{7f}', '\u{2028}', '"', '\\', 'é', '😀'])
            .collect();
        let ds = Dataset {
            title: String::new(),
            as_of: String::new(),
            source: Link {
                title: all_controls.clone(),
                url: "https://example.com/a?b=\"c\"".into(),
                note: None,
            },
            latest: None,
            warning: Some(all_controls.clone()),
            tags_source: Some(Link {
                title: "t".into(),
                url: "mailto:a@example.com".into(),
                note: Some("n".into()),
            }),
            services: vec![
                Service {
                    id: "zeta".into(),
                    name: "Z".into(),
                },
                Service {
                    id: "alpha".into(),
                    name: all_controls.clone(),
                },
            ],
            programs: vec![
                Program {
                    id: "p".into(),
                    name: "P".into(),
                    aliases: vec![],
                    tags: vec!["domain:x".into(), "jurisdiction:y".into()],
                    note: Some(all_controls.clone()),
                    url: None,
                    cells: vec![
                        Cell {
                            status: Status::InProgress,
                            label: Some(all_controls.clone()),
                        },
                        Cell::of(Status::Unknown),
                    ],
                },
                Program {
                    id: "q".into(),
                    name: "Q".into(),
                    aliases: vec!["Q1".into()],
                    tags: vec![],
                    note: None,
                    url: Some("https://example.com/q".into()),
                    cells: vec![Cell::of(Status::InScope), Cell::of(Status::NotInScope)],
                },
            ],
        };
        assert_eq!(to_json_pretty(&ds), serde_text(&ds));
        let empty = Dataset {
            services: vec![],
            programs: vec![],
            ..ds.clone()
        };
        assert_eq!(to_json_pretty(&empty), serde_text(&empty));
        let no_services = Dataset {
            services: vec![],
            programs: vec![Program {
                cells: vec![],
                ..ds.programs[0].clone()
            }],
            ..ds
        };
        assert_eq!(to_json_pretty(&no_services), serde_text(&no_services));
    }
}
