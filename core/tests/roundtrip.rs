//! Property tests: every export imports back as the same matrix, so does a table written with the
//! services down its first column, a packed dataset reads back as it was, and no parser panics
//! on arbitrary input (tag soup for the page reader).
#![cfg(not(target_arch = "wasm32"))]

use compliance_matrix_core::dataset::{
    from_csv, from_html, from_markdown, packed, parse_any, Cell, Dataset, Format, ImportMeta, Link,
    Program, Service, Status,
};
use compliance_matrix_core::export::View;
use compliance_matrix_core::text::is_slug;
use compliance_matrix_core::text::Ids;
use proptest::prelude::*;

/// Text people put in names and labels: letters, digits, accents, CJK, punctuation that tables
/// and CSV must escape (| , " < > & \), single inner spaces; no control characters, no outer spaces.
fn text() -> impl Strategy<Value = String> {
    proptest::string::string_regex(
        r#"[A-Za-z0-9éüßñ漢字|,"<>&\\;:()/'._-]{1,12}( [A-Za-z0-9éü|,"<>&]{1,8}){0,2}"#,
    )
    .unwrap()
}

fn cell() -> impl Strategy<Value = Cell> {
    prop_oneof![
        Just(Cell::of(Status::InScope)),
        Just(Cell::of(Status::NotInScope)),
        Just(Cell::of(Status::Unknown)),
        // Labels that are not vocabulary words.
        text().prop_map(|t| Cell {
            status: Status::InProgress,
            label: Some(format!("Review {t}"))
        }),
    ]
}

/// A long tail, so two names differ only past the 80 characters a slug keeps.
fn long_tail(last: char) -> String {
    format!(" {}{last}", "w".repeat(90))
}

/// Program names: random text or one of a few bases that differ only in punctuation, after a
/// prefix a spreadsheet or a trim would change (`'=`, `=`, `-`, a space, a tab…), and before a
/// suffix of punctuation or a long tail. Names are prefixed `Zq` so none is a known program.
fn program_name() -> impl Strategy<Value = String> {
    let base = prop_oneof![
        text(),
        proptest::sample::select(vec![
            "C Secure Coding",
            "C++ Secure Coding",
            "C# Secure Coding",
            "=x",
            "-x",
            "x",
            "a  b",
            "a-b",
            "a b",
            "A B",
            "ISO 9001:2015",
            "ISO 9001 2015",
        ])
        .prop_map(String::from),
    ];
    let prefix = proptest::sample::select(vec![
        "", "", "=", "-", "+", "@", "'", "'=", "''", " ", "\t", "'\t", "' ",
    ]);
    let suffix = proptest::sample::select(vec![
        String::new(),
        String::new(),
        "+".into(),
        "++".into(),
        " ".into(),
        long_tail('1'),
        long_tail('2'),
    ]);
    (prefix, base, suffix).prop_map(|(p, b, s)| format!("{p}Zq {b}{s}"))
}

prop_compose! {
    fn dataset()(services in proptest::collection::vec((text(), proptest::sample::select(vec!["", "+", "++"])), 1..5), rows in proptest::collection::vec((program_name(), proptest::collection::vec(cell(), 5)), 1..8)) -> Option<Dataset> {
        // Ids as a table import gives them: unique in order; names are distinct after trimming.
        let mut ids = Ids::new();
        let mut svc: Vec<Service> = Vec::new();
        for (s, p) in services {
            let name = format!("Svc {s}{p}");
            if svc.iter().any(|x| x.name == name) { continue; }
            svc.push(Service { id: ids.next_for(&name), name });
        }
        let mut ids = Ids::new();
        let mut programs: Vec<Program> = Vec::new();
        for (name, cells) in rows {
            if programs.iter().any(|p| p.name.trim() == name.trim()) { continue; }
            let id = ids.next_for(&name);
            programs.push(Program { id, name, aliases: vec![], tags: vec![], note: None, url: None, cells: cells[..svc.len()].to_vec() });
        }
        let ds = Dataset {
            title: String::new(),
            as_of: "2021-04-24".into(),
            source: Link { title: "t".into(), url: "https://example.org/".into(), note: None },
            latest: None, warning: None, tags_source: None,
            services: svc, programs,
        };
        ds.validate().ok().map(|_| ds)
    }
}

/// A CSV field as a spreadsheet-safe export writes it: quoted, a formula defused with `'`.
fn csv_field(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '@', '-', '\t', '\r', '\'']) {
        format!("'{s}")
    } else {
        s.to_string()
    };
    format!("\"{}\"", s.replace('"', "\"\""))
}

/// A cell in the seed's words: `1`, `0`, empty, or its label.
fn cell_word(c: &Cell) -> &str {
    match (c.status, &c.label) {
        (_, Some(label)) => label,
        (Status::InScope, None) => "1",
        (Status::NotInScope, None) => "0",
        _ => "",
    }
}

/// Pieces of pages of tables: markup, names, marks, and what a hostile page adds.
fn page_piece() -> impl Strategy<Value = &'static str> {
    proptest::sample::select(vec![
        "<table>",
        "</table>",
        "<tr>",
        "</tr>",
        "<td>",
        "</td>",
        "<th>",
        "<th colspan=2>",
        "<td rowspan=3>",
        "<td colspan=0>",
        "<caption>",
        "</caption>",
        "<h2>",
        "</h2>",
        "<sup>",
        "</sup>",
        "<br>",
        "<!--",
        "-->",
        "<script>",
        "</script>",
        "<template>",
        "</template>",
        "<a role=tab href=#p>",
        "</a>",
        "<div role=tabpanel id=p>",
        "</div>",
        "<img alt=✓>",
        "Services",
        "SE RVICES",
        "Amazon ECS",
        "Amazon EKS*",
        "AWS Fargate [feature of EKS]",
        "Amazon Elastic Container Service (ECS) [both Fargate and EC2 launch types]",
        "PCI",
        "MTCS",
        "Seoul",
        "SDKs",
        "ecs",
        "✓",
        "&#10003;",
        "&amp",
        "&#x;",
        "JAB Review",
        "1",
        "0",
        " ",
        "\n",
        "<",
        ">",
        "\"",
        "'",
        "=",
    ])
}

fn meta(ds: &Dataset) -> ImportMeta {
    ImportMeta {
        as_of: ds.as_of.clone(),
        source: ds.source.clone(),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn exports_import_back_as_the_same_dataset(raw in dataset().prop_filter_map("a valid dataset", |d| d)) {
        // The dataset as JSON import gives it: names trimmed, as every importer trims them.
        let ds = Dataset::from_value(raw.to_json_value()).unwrap();
        for (a, b) in ds.programs.iter().zip(&raw.programs) {
            prop_assert_eq!(&a.name, b.name.trim());
            prop_assert!(is_slug(&a.id), "{}", a.id);
        }
        let rows: Vec<usize> = (0..ds.programs.len()).collect();
        let services: Vec<usize> = (0..ds.services.len()).collect();
        let view = View { dataset: &ds, rows: &rows, services: &services };
        prop_assert_eq!(&Dataset::from_json(&view.to_json()).unwrap(), &ds);
        // The JSON the widget writes without serde_json is serde_json's own pretty text.
        prop_assert_eq!(view.to_json(), serde_json::to_string_pretty(&ds.to_json_value()).unwrap());
        for (kind, text) in [("markdown", view.to_markdown()), ("csv", view.to_csv())] {
            let back = if kind == "csv" { from_csv(&text, &meta(&ds)) } else { from_markdown(&text, &meta(&ds)) };
            let back = back.map_err(|e| TestCaseError::fail(format!("{kind}: {e}\n{text}")))?;
            prop_assert_eq!(&back.services, &ds.services, "{}", kind);
            prop_assert_eq!(back.programs.len(), ds.programs.len());
            for (a, b) in back.programs.iter().zip(&ds.programs) {
                prop_assert_eq!((&a.id, &a.name, &a.cells), (&b.id, &b.name, &b.cells), "{}\n{}", kind, text);
            }
        }
    }

    #[test]
    fn a_table_with_services_down_its_first_column_reads_back_as_the_same_cells(raw in dataset().prop_filter_map("a valid dataset", |d| d)) {
        let ds = Dataset::from_value(raw.to_json_value()).unwrap();
        let mut csv = String::from("Services");
        for p in &ds.programs {
            csv.push(',');
            csv.push_str(&csv_field(&p.name));
        }
        csv.push('\n');
        for (s, service) in ds.services.iter().enumerate() {
            csv.push_str(&csv_field(&service.name));
            for p in &ds.programs {
                csv.push(',');
                csv.push_str(&csv_field(cell_word(&p.cells[s])));
            }
            csv.push('\n');
        }
        let back = from_csv(&csv, &meta(&ds)).map_err(|e| TestCaseError::fail(format!("{e}\n{csv}")))?;
        prop_assert_eq!(&back.services, &ds.services);
        prop_assert_eq!(back.programs.len(), ds.programs.len());
        for (a, b) in back.programs.iter().zip(&ds.programs) {
            prop_assert_eq!((&a.id, &a.name, &a.cells), (&b.id, &b.name, &b.cells), "{}", csv);
        }
    }

    #[test]
    fn the_page_reader_never_panics_on_tag_soup(pieces in proptest::collection::vec(page_piece(), 0..120)) {
        let html = pieces.concat();
        if let Ok(ds) = from_html(&html, &ImportMeta::default()) {
            prop_assert!(ds.validate().is_ok());
        }
    }

    #[test]
    fn parsers_never_panic_on_arbitrary_text(s in "\\PC{0,400}") {
        let m = ImportMeta::default();
        let _ = Dataset::from_json(&s);
        let _ = from_csv(&s, &m);
        let _ = from_markdown(&s, &m);
        let _ = from_html(&s, &m);
        let _ = parse_any(&s, Format::guess("", "", &s), &m);
    }

    #[test]
    fn a_packed_dataset_reads_back_as_it_was(raw in dataset().prop_filter_map("a valid dataset", |d| d)) {
        prop_assert_eq!(packed::decode(&packed::encode(&raw)), Ok(raw));
    }

    #[test]
    fn the_packed_reader_never_panics(s in "\\PC{0,200}", cut in 0usize..4000, splice in "[0-9:;~ipnu]{0,6}") {
        let _ = packed::decode(&s);
        // A real packed text with a piece replaced: lengths and counts that no longer fit.
        let mut real = packed::encode(&Dataset::embedded());
        let at = (0..=cut.min(real.len())).rev().find(|&i| real.is_char_boundary(i)).unwrap_or(0);
        real.insert_str(at, &splice);
        let _ = packed::decode(&real);
    }

    #[test]
    fn parsers_never_panic_on_table_like_text(s in "[|,\"\\n\\r\\t :\\-a-z01✓]{0,300}") {
        let m = ImportMeta::default();
        let _ = from_csv(&s, &m);
        let _ = from_markdown(&s, &m);
        let _ = Dataset::from_json(&format!("{{\"programs\": [{s}]}}"));
    }
}

/// A JSON dataset of the given program names, with the ids a table import gives them.
fn json_dataset(names: &[&str]) -> Dataset {
    let svc = compliance_matrix_core::dataset::service_id_for("Zq C++");
    let mut ids = Ids::new();
    let programs: Vec<serde_json::Value> = names
        .iter()
        .map(|n| serde_json::json!({"id": ids.next_for(n), "name": n, "status": {"ecs": "in-scope", svc.as_str(): "not-in-scope"}}))
        .collect();
    let json = serde_json::json!({
        "as_of": "2021-04-24",
        "source": {"title": "t", "url": "https://example.org/"},
        "services": [{"id": "ecs", "name": "Amazon ECS"}, {"id": svc, "name": "Zq C++"}],
        "programs": programs,
    });
    Dataset::from_json(&json.to_string()).unwrap()
}

/// Names that once shared an id, or changed on a CSV round trip: each set as a JSON dataset
/// exports to CSV and Markdown that import back with the same names and ids.
#[test]
fn distinct_names_that_once_collided_import_back_with_their_ids() {
    let long = "N".repeat(99);
    let (long_a, long_b) = (format!("{long}a"), format!("{long}b"));
    let sets: [&[&str]; 5] = [
        &["C++ Secure Coding", "C Secure Coding"],
        &["=x", "-x", "x", "+x", "@x"],
        &[&long_a, &long_b],
        &["'=x", "'x", "'", "''=x", "'\tTab", "' Space", "'-"],
        &["SOC X", "soc x", "SOC-X", "SOC X 2"],
    ];
    for names in sets {
        let ds = json_dataset(names);
        let ids: std::collections::HashSet<&str> =
            ds.programs.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(ids.len(), names.len(), "{names:?}");
        let rows: Vec<usize> = (0..ds.programs.len()).collect();
        let view = View {
            dataset: &ds,
            rows: &rows,
            services: &[0, 1],
        };
        for (kind, text) in [("csv", view.to_csv()), ("markdown", view.to_markdown())] {
            let back = if kind == "csv" {
                from_csv(&text, &meta(&ds))
            } else {
                from_markdown(&text, &meta(&ds))
            }
            .unwrap_or_else(|e| panic!("{kind}: {e}\n{text}"));
            assert_eq!(back.services, ds.services, "{kind}");
            let got: Vec<(&str, &str)> = back
                .programs
                .iter()
                .map(|p| (p.id.as_str(), p.name.as_str()))
                .collect();
            let want: Vec<(&str, &str)> = ds
                .programs
                .iter()
                .zip(names)
                .map(|(p, n)| (p.id.as_str(), *n))
                .collect();
            assert_eq!(got, want, "{kind}\n{text}");
        }
    }
}

/// A JSON name with outer whitespace is trimmed on import, as a table's is, so the CSV and
/// Markdown of it give back the same name and id.
#[test]
fn names_with_outer_whitespace_are_trimmed_on_every_import() {
    let ds = json_dataset(&["\tTab name", " Space name", "Tail name \t", "Tab name"]);
    let names: Vec<&str> = ds.programs.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names[..3], ["Tab name", "Space name", "Tail name"]);
    // `Tab name` twice (after trimming) has two ids in JSON, but is one name: a table refuses it.
    let rows = [0, 1, 2];
    let view = View {
        dataset: &ds,
        rows: &rows,
        services: &[0],
    };
    for back in [
        from_csv(&view.to_csv(), &meta(&ds)),
        from_markdown(&view.to_markdown(), &meta(&ds)),
    ] {
        let back = back.unwrap();
        for (a, b) in back.programs.iter().zip(&ds.programs) {
            assert_eq!((&a.id, &a.name), (&b.id, &b.name));
        }
    }
    let all = [0, 1, 2, 3];
    let view = View {
        dataset: &ds,
        rows: &all,
        services: &[0],
    };
    let e = from_csv(&view.to_csv(), &meta(&ds)).unwrap_err();
    assert_eq!(
        e.message(),
        "duplicate program 'Tab name' (same as 'Tab name' on line 2)"
    );
}
