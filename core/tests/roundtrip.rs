//! Property tests: every export imports back as the same matrix, and no parser panics on
//! arbitrary input.
#![cfg(not(target_arch = "wasm32"))]

use compliance_matrix_core::dataset::{
    from_csv, from_markdown, parse_any, Cell, Dataset, Format, ImportMeta, Link, Program, Service,
    Status,
};
use compliance_matrix_core::export::View;
use compliance_matrix_core::text::id_for;
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

prop_compose! {
    fn dataset()(services in proptest::collection::vec(text(), 1..5), rows in proptest::collection::vec((text(), proptest::collection::vec(cell(), 5)), 1..8)) -> Option<Dataset> {
        let mut svc: Vec<Service> = Vec::new();
        for s in services {
            let name = format!("Svc {s}");
            let id = compliance_matrix_core::dataset::service_id_for(&name);
            if id.is_empty() || svc.iter().any(|x| x.id == id) { continue; }
            svc.push(Service { id, name });
        }
        let mut programs: Vec<Program> = Vec::new();
        for (name, cells) in rows {
            let name = format!("Zq {name}");
            let id = id_for(&name);
            if id.is_empty() || programs.iter().any(|p| p.id == id) { continue; }
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

fn meta(ds: &Dataset) -> ImportMeta {
    ImportMeta {
        as_of: ds.as_of.clone(),
        source: ds.source.clone(),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn exports_import_back_as_the_same_dataset(ds in dataset().prop_filter_map("a valid dataset", |d| d)) {
        let rows: Vec<usize> = (0..ds.programs.len()).collect();
        let services: Vec<usize> = (0..ds.services.len()).collect();
        let view = View { dataset: &ds, rows: &rows, services: &services };
        prop_assert_eq!(&Dataset::from_json(&view.to_json()).unwrap(), &ds);
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
    fn parsers_never_panic_on_arbitrary_text(s in "\\PC{0,400}") {
        let m = ImportMeta::default();
        let _ = Dataset::from_json(&s);
        let _ = from_csv(&s, &m);
        let _ = from_markdown(&s, &m);
        let _ = parse_any(&s, Format::guess("", "", &s), &m);
    }

    #[test]
    fn parsers_never_panic_on_table_like_text(s in "[|,\"\\n\\r\\t :\\-a-z01✓]{0,300}") {
        let m = ImportMeta::default();
        let _ = from_csv(&s, &m);
        let _ = from_markdown(&s, &m);
        let _ = Dataset::from_json(&format!("{{\"programs\": [{s}]}}"));
    }
}
