//! CSV / JSON / Markdown of exactly what is shown: the visible rows in display order and the shown
//! services in display order. The derived coverage column is left out, so every export imports
//! back as the same matrix. Pure: no yew, web-sys or wasm-bindgen here.

use crate::dataset::{Cell, Dataset, Program, Status};

/// The part of a dataset that is shown.
pub struct View<'a> {
    pub dataset: &'a Dataset,
    /// Visible program indices, in display order.
    pub rows: &'a [usize],
    /// Shown service indices, in display order.
    pub services: &'a [usize],
}

impl View<'_> {
    /// The shown part as a dataset of its own (same metadata).
    pub fn to_dataset(&self) -> Dataset {
        let ds = self.dataset;
        Dataset {
            services: self
                .services
                .iter()
                .map(|&s| ds.services[s].clone())
                .collect(),
            programs: self
                .rows
                .iter()
                .map(|&i| {
                    let p = &ds.programs[i];
                    Program {
                        cells: self.services.iter().map(|&s| p.cells[s].clone()).collect(),
                        ..p.clone()
                    }
                })
                .collect(),
            ..ds.clone()
        }
    }

    /// JSON in the dataset schema (`docs/data-format.md`), pretty-printed.
    pub fn to_json(&self) -> String {
        crate::dataset::to_json_pretty(&self.to_dataset())
    }

    /// CSV (RFC 4180, CRLF line ends): `Compliance Program`, then one column per shown service.
    /// Cells use the source vocabulary: `1`, `0`, the assessment label, or empty when not stated.
    pub fn to_csv(&self) -> String {
        let ds = self.dataset;
        let mut out = String::new();
        let header = std::iter::once("Compliance Program")
            .chain(self.services.iter().map(|&s| ds.services[s].name.as_str()));
        push_csv_row(&mut out, header);
        for &i in self.rows {
            let p = &ds.programs[i];
            let cells: Vec<String> = self
                .services
                .iter()
                .map(|&s| cell_text(&p.cells[s]))
                .collect();
            push_csv_row(
                &mut out,
                std::iter::once(p.name.as_str()).chain(cells.iter().map(String::as_str)),
            );
        }
        out
    }

    /// A Markdown pipe table like the seed's, with the as-of date and source above it and the
    /// warning below.
    pub fn to_markdown(&self) -> String {
        let ds = self.dataset;
        let mut out = String::new();
        if !ds.title.is_empty() {
            out.push_str(&format!("{}\n\n", md_text(&ds.title)));
        }
        let as_of = if ds.as_of.is_empty() {
            "an unstated date"
        } else {
            ds.as_of.as_str()
        };
        out.push_str(&format!("As of {as_of}."));
        if !ds.source.url.is_empty() || !ds.source.title.is_empty() {
            let title = if ds.source.title.is_empty() {
                &ds.source.url
            } else {
                &ds.source.title
            };
            match crate::dataset::safe_url(&ds.source.url) {
                Some(url) => {
                    out.push_str(&format!(" Source: [{}](<{}>).", md_link_text(title), url))
                }
                None => out.push_str(&format!(" Source: {}.", md_text(title))),
            }
        }
        out.push_str("\n\n");
        out.push_str("| Compliance Program |");
        for &s in self.services {
            out.push_str(&format!(" {} |", md_cell(&ds.services[s].name)));
        }
        out.push_str("\n| ------------------ |");
        for _ in self.services {
            out.push_str(":---:|");
        }
        out.push('\n');
        for &i in self.rows {
            let p = &ds.programs[i];
            out.push_str(&format!("| {} |", md_cell(&p.name)));
            for &s in self.services {
                out.push_str(&format!(" {} |", md_cell(&cell_text(&p.cells[s]))));
            }
            out.push('\n');
        }
        if let Some(w) = &ds.warning {
            out.push_str(&format!("\n{}\n", md_text(w)));
        }
        out
    }
}

/// A cell in the source's own vocabulary.
pub fn cell_text(c: &Cell) -> String {
    match (&c.label, c.status) {
        (Some(l), _) => l.clone(),
        (None, Status::InScope) => "1".into(),
        (None, Status::NotInScope) => "0".into(),
        (None, Status::InProgress) => "in progress".into(),
        (None, Status::Unknown) => String::new(),
    }
}

fn push_csv_row<'a>(out: &mut String, fields: impl Iterator<Item = &'a str>) {
    let mut first = true;
    for f in fields {
        if !first {
            out.push(',');
        }
        first = false;
        out.push_str(&csv_field(f));
    }
    out.push_str("\r\n");
}

/// Quotes a CSV field when needed. A field that a spreadsheet would read as a formula gets a
/// leading `'`, and so does a field that starts with `'` itself; the importer removes exactly
/// that one `'` again, so `'=x` stays `'=x`.
pub fn csv_field(f: &str) -> String {
    let guarded;
    let f = if f.starts_with(['=', '+', '@', '\t', '\r', '\''])
        || (f.starts_with('-') && f.len() > 1)
    {
        guarded = format!("'{f}");
        guarded.as_str()
    } else {
        f
    };
    if f.contains([',', '"', '\n', '\r']) || f.starts_with(' ') || f.ends_with(' ') {
        format!("\"{}\"", f.replace('"', "\"\""))
    } else {
        f.to_string()
    }
}

fn md_cell(s: &str) -> String {
    // Brackets are escaped so a name can never become a Markdown link or image.
    md_text(s)
        .replace('[', "\\[")
        .replace(']', "\\]")
        .replace('|', "\\|")
        .replace(['\n', '\r'], " ")
}

fn md_text(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn md_link_text(s: &str) -> String {
    md_text(s).replace('[', "\\[").replace(']', "\\]")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::{from_csv, from_markdown, ImportMeta};
    use crate::options::{parse_services, parse_status};
    use crate::query::{Query, SearchIndex};

    fn meta(ds: &Dataset) -> ImportMeta {
        ImportMeta {
            as_of: ds.as_of.clone(),
            source: ds.source.clone(),
        }
    }

    fn shown(q: &Query) -> (std::rc::Rc<Dataset>, Vec<usize>, Vec<usize>) {
        let ds = Dataset::embedded();
        let rows = q.visible(&ds, &SearchIndex::new(&ds));
        let services = q.shown_services(&ds);
        (ds, rows, services)
    }

    #[test]
    fn csv_of_fargate_not_in_scope_with_two_columns() {
        let ds = Dataset::embedded();
        let q = Query {
            status: parse_status("fargate:not-in-scope", &ds).unwrap(),
            services: parse_services("eks,fargate", &ds).unwrap(),
            ..Query::default()
        };
        let (ds, rows, services) = shown(&q);
        let csv = View {
            dataset: &ds,
            rows: &rows,
            services: &services,
        }
        .to_csv();
        let lines: Vec<&str> = csv.split("\r\n").collect();
        assert_eq!(lines[0], "Compliance Program,Amazon EKS,ECS Fargate");
        assert_eq!(lines[1], "FedRAMP Moderate (East/West),3PAO Assessment,0");
        assert_eq!(lines[3], "DOD CC SRG,Undergoing assessment,0");
        assert_eq!(lines.len(), 8 + 2);
    }

    #[test]
    fn markdown_has_date_source_table_and_warning() {
        let (ds, rows, services) = shown(&Query {
            text: "iso".into(),
            ..Query::default()
        });
        let md = View {
            dataset: &ds,
            rows: &rows,
            services: &services,
        }
        .to_markdown();
        assert!(md
            .contains("As of 2020-04-21. Source: [Amazon EKS Best Practices Guide — Compliance]("));
        assert!(md.contains(
            "| Compliance Program | Amazon ECS | Amazon EKS | ECS Fargate | Amazon ECR |"
        ));
        assert!(md.contains("| ISO 9001:2015 | 1 | 1 | 1 | 1 |"));
        assert_eq!(md.matches("\n| ISO").count(), 4);
        assert!(md
            .trim_end()
            .ends_with("https://aws.amazon.com/compliance/services-in-scope/."));
    }

    #[test]
    fn every_export_imports_back_as_the_same_matrix() {
        let (ds, rows, services) = shown(&Query::default());
        let view = View {
            dataset: &ds,
            rows: &rows,
            services: &services,
        };
        let from_md = from_markdown(&view.to_markdown(), &meta(&ds)).unwrap();
        let from_csv_ = from_csv(&view.to_csv(), &meta(&ds)).unwrap();
        let from_json = Dataset::from_json(&view.to_json()).unwrap();
        assert_eq!(from_json, *ds);
        for imported in [from_md, from_csv_] {
            assert_eq!(imported.services, ds.services);
            for (a, b) in imported.programs.iter().zip(&ds.programs) {
                assert_eq!((&a.id, &a.name, &a.cells), (&b.id, &b.name, &b.cells));
            }
        }
    }

    #[test]
    fn exports_follow_the_display_order() {
        let ds = Dataset::embedded();
        let q = Query {
            sort: crate::options::parse_sort("program:desc", &ds).unwrap(),
            services: parse_services("ecr,ecs", &ds).unwrap(),
            text: "soc".into(),
            ..Query::default()
        };
        let (ds, rows, services) = shown(&q);
        let csv = View {
            dataset: &ds,
            rows: &rows,
            services: &services,
        }
        .to_csv();
        assert_eq!(csv, "Compliance Program,Amazon ECR,Amazon ECS\r\nSOC III,1,1\r\nSOC II,1,1\r\nSOC I,1,1\r\n");
        let json: serde_json::Value = serde_json::from_str(
            &View {
                dataset: &ds,
                rows: &rows,
                services: &services,
            }
            .to_json(),
        )
        .unwrap();
        assert_eq!(json["programs"][0]["id"], "soc-3");
        assert_eq!(json["services"][0]["id"], "ecr");
    }

    #[test]
    fn csv_fields_are_quoted_and_formulas_defused() {
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_field("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_field("-"), "-");
        assert_eq!(csv_field("'=x"), "''=x");
        assert_eq!(csv_field("'x"), "''x");
    }

    #[test]
    fn csv_keeps_names_that_start_like_a_formula_or_an_apostrophe() {
        let names = [
            "'=x", "'x", "'", "''", "=x", "+1", "-x", "-", "@a", "'\tq", "' q", "'-", "a'",
        ];
        let mut ds = (*Dataset::embedded()).clone();
        ds.programs.truncate(names.len());
        let mut ids = crate::text::Ids::new();
        for (p, name) in ds.programs.iter_mut().zip(names) {
            p.name = name.to_string();
            p.id = ids.next_for(name);
            p.aliases.clear();
            p.tags.clear();
        }
        let rows: Vec<usize> = (0..names.len()).collect();
        let view = View {
            dataset: &ds,
            rows: &rows,
            services: &[0],
        };
        let csv = view.to_csv();
        assert!(csv.contains("\r\n''=x,"), "{csv}");
        let back = from_csv(&csv, &meta(&ds)).unwrap();
        let got: Vec<(&str, &str)> = back
            .programs
            .iter()
            .map(|p| (p.name.as_str(), p.id.as_str()))
            .collect();
        let want: Vec<(&str, &str)> = ds
            .programs
            .iter()
            .map(|p| (p.name.as_str(), p.id.as_str()))
            .collect();
        assert_eq!(got, want, "{csv}");
    }

    #[test]
    fn markdown_names_never_become_links_or_images() {
        let mut ds = (*Dataset::embedded()).clone();
        ds.programs[0].name =
            "![x](https://evil.example/b.png) [click](javascript:alert(1))".into();
        let view = View {
            dataset: &ds,
            rows: &[0],
            services: &[0],
        };
        let md = view.to_markdown();
        assert!(
            md.contains(
                "| !\\[x\\](https://evil.example/b.png) \\[click\\](javascript:alert(1)) |"
            ),
            "{md}"
        );
        let back = from_markdown(&md, &meta(&ds)).unwrap();
        assert_eq!(back.programs[0].name, ds.programs[0].name);
    }

    #[test]
    fn markdown_escapes_pipes_and_angle_brackets() {
        let mut ds = (*Dataset::embedded()).clone();
        ds.programs[0].name = "A | <b>B</b>".into();
        let view = View {
            dataset: &ds,
            rows: &[0],
            services: &[0],
        };
        let md = view.to_markdown();
        assert!(md.contains("| A \\| &lt;b&gt;B&lt;/b&gt; | 1 |"), "{md}");
    }
}
