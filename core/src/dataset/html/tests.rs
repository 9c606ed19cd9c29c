//! A page of tables of services: the saved-page fixture cell by cell, sections and names, what
//! is never read, nested tables, spans, errors with their sections, and the limits.

use super::*;
use crate::dataset::table::seed_meta;
use crate::dataset::{MAX_FIELD_CHARS, MAX_INPUT_BYTES, MAX_SERVICES};
use crate::text::id_for;

const PAGE: &str = include_str!("../../../../tests/fixtures/import/services-in-scope.html");

fn page() -> Dataset {
    from_html(PAGE, &ImportMeta::default()).unwrap()
}

/// A cell as `status` or `status:label`.
fn cell(ds: &Dataset, program: &str, service: &str) -> String {
    let p = ds
        .programs
        .iter()
        .find(|p| p.name == program)
        .unwrap_or_else(|| panic!("no program {program}"));
    let c = &p.cells[ds
        .service_index(service)
        .unwrap_or_else(|| panic!("no {service}"))];
    match &c.label {
        Some(l) => format!("{}:{l}", c.status.id()),
        None => c.status.id().to_string(),
    }
}

fn table(body: &str) -> String {
    format!("<!DOCTYPE html><html><body>{body}</body></html>")
}

#[test]
fn a_saved_services_page_is_one_dataset_of_every_section_in_page_order() {
    let ds = page();
    let names: Vec<&str> = ds.programs.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "SOC 1,2,3",
            "PCI DSS Level 1",
            "FedRAMP Moderate (East/West)",
            "FedRAMP High (GovCloud)",
            "DoD CC SRG IL2 (East/West)",
            "DoD CC SRG IL2 (GovCloud)",
            "DoD CC SRG IL4 (GovCloud)",
            "DoD CC SRG IL5 (GovCloud)",
            "DoD CC SRG IL6 (AWS Secret Region)",
            "HIPAA BAA",
            "IRAP PROTECTED",
            "MTCS — US-East (Ohio)",
            "MTCS — US-West (Oregon)",
            "MTCS — Singapore",
            "MTCS — Seoul",
        ]
    );
    // Known programs keep their ids and tags; others take their section's tags.
    let id = |name: &str| ds.programs.iter().find(|p| p.name == name).unwrap();
    assert_eq!(id("PCI DSS Level 1").id, "pci-dss-level-1");
    assert_eq!(id("FedRAMP High (GovCloud)").id, "fedramp-high");
    assert_eq!(id("HIPAA BAA").id, "hipaa-baa");
    assert_eq!(id("MTCS — Seoul").id, id_for("MTCS — Seoul"));
    assert!(id("MTCS — Seoul")
        .tags
        .iter()
        .any(|t| t == "jurisdiction:sg"));
    assert!(id("IRAP PROTECTED")
        .tags
        .iter()
        .any(|t| t == "jurisdiction:au"));
    // The union of the services, each once; the four container services under their ids.
    for s in ["ecs", "eks", "fargate", "ecr"] {
        assert_eq!(ds.services.iter().filter(|x| x.id == s).count(), 1, "{s}");
    }
    // 26 in SOC's table, AWS Batch (PCI), GuardDuty and Inspector (FedRAMP), two features of
    // EKS (HIPAA).
    assert_eq!(ds.services.len(), 31);
    assert_eq!(ds.title, "AWS Services in Scope by Compliance Program");
    assert_eq!(
        ds.source.url,
        "https://aws.amazon.com/compliance/services-in-scope/"
    );
    assert_eq!(ds.as_of, "");
}

#[test]
fn the_container_services_cells_of_each_section_are_read_with_their_words() {
    let ds = page();
    let row = |program: &str| -> Vec<String> {
        ["ecs", "eks", "fargate", "ecr"]
            .iter()
            .map(|s| cell(&ds, program, s))
            .collect()
    };
    let all = ["in-scope"; 4];
    assert_eq!(row("SOC 1,2,3"), all);
    assert_eq!(row("PCI DSS Level 1"), all);
    assert_eq!(row("FedRAMP Moderate (East/West)"), all);
    assert_eq!(
        row("FedRAMP High (GovCloud)"),
        [
            "in-scope",
            "in-progress:JAB Review",
            "not-in-scope",
            "in-scope"
        ]
    );
    assert_eq!(
        row("DoD CC SRG IL4 (GovCloud)"),
        [
            "in-scope",
            "in-progress:DISA Review",
            "in-progress:3PAO Assessment",
            "in-scope"
        ]
    );
    assert_eq!(
        row("DoD CC SRG IL6 (AWS Secret Region)"),
        ["not-in-scope"; 4]
    );
    assert_eq!(row("HIPAA BAA"), all);
    assert_eq!(row("IRAP PROTECTED"), all);
    assert_eq!(
        row("MTCS — Seoul"),
        ["in-scope", "not-in-scope", "not-in-scope", "in-scope"]
    );
}

#[test]
fn blanks_are_not_in_scope_and_services_a_section_leaves_out_are_not_stated() {
    let ds = page();
    assert_eq!(cell(&ds, "SOC 1,2,3", "aws-app-mesh"), "not-in-scope");
    assert_eq!(
        cell(&ds, "FedRAMP Moderate (East/West)", "aws-app-mesh"),
        "in-progress:3PAO Assessment"
    );
    // GuardDuty is only in the FedRAMP table.
    assert_eq!(
        cell(&ds, "FedRAMP High (GovCloud)", "amazon-guardduty"),
        "in-scope"
    );
    assert_eq!(cell(&ds, "SOC 1,2,3", "amazon-guardduty"), "unknown");
}

#[test]
fn the_ecs_entry_for_both_launch_types_gives_fargate_in_its_section_only() {
    let ds = page();
    assert_eq!(cell(&ds, "PCI DSS Level 1", "fargate"), "in-scope");
    let note = ds.source.note.as_deref().unwrap();
    assert!(
        note.contains(
            "“Amazon Elastic Container Service (ECS) [both Fargate and EC2 launch types]”"
        ),
        "{note}"
    );
    assert!(note.ends_with("(in: PCI DSS Level 1)."), "{note}");
}

#[test]
fn old_names_features_of_eks_and_identifier_columns_are_read_as_aws_writes_them() {
    let ds = page();
    // "Amazon Elastic Container Service for Kubernetes" (PCI), "Amazon EC2 Container Registry"
    // (DoD): the known services.
    assert_eq!(cell(&ds, "PCI DSS Level 1", "eks"), "in-scope");
    assert_eq!(cell(&ds, "DoD CC SRG IL5 (GovCloud)", "ecr"), "in-scope");
    let names: Vec<&str> = ds.services.iter().map(|s| s.name.as_str()).collect();
    assert!(names.contains(&"AWS Fargate [feature of EKS]"), "{names:?}");
    assert!(
        names.contains(&"Amazon EKS Distro [feature of EKS]"),
        "{names:?}"
    );
    let eks_fargate = id_for("AWS Fargate [feature of EKS]");
    assert_eq!(cell(&ds, "HIPAA BAA", &eks_fargate), "in-scope");
    // No identifier (`ecs`, `apigateway`) became a program or a label.
    for p in &ds.programs {
        assert!(
            p.cells.iter().all(|c| c.label.as_deref() != Some("ecs")),
            "{}",
            p.name
        );
    }
    // Names with a line break, a link, an image, a footnote mark.
    assert!(names.contains(&"Amazon ECR"));
    assert!(
        !names.iter().any(|n| n.contains('*') || n.contains("  ")),
        "{names:?}"
    );
}

#[test]
fn scripts_templates_text_areas_and_handlers_are_never_read() {
    let ds = page();
    for p in &ds.programs {
        assert!(!p.name.contains("ONLY"), "{}", p.name);
    }
    assert!(!ds.title.contains("script"));
    let text = format!("{ds:?}");
    assert!(
        !text.contains("__cmFixtureRan"),
        "a handler's text was read"
    );
    assert!(!text.contains("example.invalid"), "an address was read");
}

#[test]
fn a_nested_table_of_notes_leaves_its_cell_the_mark() {
    let ds = page();
    assert_eq!(cell(&ds, "HIPAA BAA", "ecr"), "in-scope");
    // The notes table itself is not a table of services.
    assert!(!ds.services.iter().any(|s| s.name == "Note"));
    // A table of services nested in a layout table is read as a table of its own.
    let html = table(
        "<table><tr><td><h2>C5</h2><table><tr><th>Services</th><th>C5</th></tr>\
         <tr><td>Amazon ECS</td><td>✓<table><tr><td>only Frankfurt</td></tr></table></td></tr>\
         </table></td></tr></table>",
    );
    let ds = from_html(&html, &seed_meta()).unwrap();
    assert_eq!(ds.programs[0].id, "c5");
    assert_eq!(ds.programs[0].cells[0], Cell::of(Status::InScope));
}

#[test]
fn sections_come_from_captions_title_rows_headings_and_tab_titles() {
    let html = table(
        "<h2>Ignored</h2><ul role=tablist><li><button role=tab id=t1 aria-controls=p1>ENS High</button></li></ul>\
         <div role=tabpanel aria-labelledby=t1><table><tr><th>Services</th><th>Spain</th></tr><tr><td>Amazon ECS</td><td>✓</td></tr></table></div>\
         <div role=tabpanel aria-label='K-ISMS'><table><caption>C5</caption><tr><th>Services</th><th>Germany</th></tr><tr><td>Amazon ECS</td><td>✓</td></tr></table></div>\
         <h4>OSPAR</h4><table><tr><th colspan=2>FINMA</th></tr><tr><th>Services</th><th>Switzerland</th></tr><tr><td>Amazon ECS</td><td>✓</td></tr></table>\
         <table><tr><th>Services</th><th>OSPAR</th></tr><tr><td>Amazon ECS</td><td>✓</td></tr></table>",
    );
    let ds = from_html(&html, &seed_meta()).unwrap();
    let names: Vec<&str> = ds.programs.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "ENS High — Spain",
            "C5 — Germany",
            "FINMA — Switzerland",
            "OSPAR"
        ]
    );
    assert_eq!(ds.programs[3].id, "ospar");
}

#[test]
fn a_table_with_services_across_its_header_reads_its_program_rows() {
    let html = table(
        "<h2>Compliance</h2><table><tr><th>Compliance Program</th><th>Amazon ECS</th><th>Amazon EKS</th></tr>\
         <tr><td>PCI DSS Level 1</td><td>1</td><td>1</td></tr><tr><td>C5</td><td>1</td><td>0</td></tr></table>",
    );
    let ds = from_html(&html, &seed_meta()).unwrap();
    let ids: Vec<&str> = ds.programs.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["pci-dss-level-1", "c5"]);
    assert_eq!(ds.programs[1].cells[1], Cell::of(Status::NotInScope));
    // A pasted fragment, without a page around it, reads the same.
    let fragment = "<table><tr><th>Services</th><th>SOC 2</th></tr><tr><td>Amazon ECR</td><td>✔</td></tr></table>";
    assert_eq!(
        from_html(fragment, &seed_meta()).unwrap().programs[0].id,
        "soc-2"
    );
}

#[test]
fn merged_cells_repeat_their_text_over_what_they_cover() {
    let html = table(
        "<table><tr><th>Services</th><th>C5</th><th>OSPAR</th></tr>\
         <tr><td>Amazon ECS</td><td colspan=2>✓</td></tr>\
         <tr><td>Amazon EKS</td><td rowspan=2>✓</td><td></td></tr>\
         <tr><td>Amazon ECR</td><td>JAB Review</td></tr></table>",
    );
    let ds = from_html(&html, &seed_meta()).unwrap();
    assert_eq!(cell(&ds, "OSPAR", "ecs"), "in-scope");
    assert_eq!(cell(&ds, "C5", "ecr"), "in-scope");
    assert_eq!(cell(&ds, "OSPAR", "ecr"), "in-progress:JAB Review");
    assert_eq!(cell(&ds, "OSPAR", "eks"), "not-in-scope");
}

#[test]
fn the_same_program_in_two_tables_is_one_row_and_a_contradiction_is_an_error() {
    let part = |service: &str, mark: &str| {
        format!("<h2>PCI</h2><table><tr><th>Services</th><th>PCI</th></tr><tr><td>{service}</td><td>{mark}</td></tr></table>")
    };
    let html =
        table(&(part("Amazon ECS", "✓") + &part("Amazon EKS", "✓") + &part("Amazon ECS", "✓")));
    let ds = from_html(&html, &seed_meta()).unwrap();
    assert_eq!(ds.programs.len(), 1);
    assert_eq!(
        ds.programs[0].cells,
        [Cell::of(Status::InScope), Cell::of(Status::InScope)]
    );
    let html = table(&(part("Amazon ECS", "✓") + &part("Amazon ECS", "JAB Review")));
    assert_eq!(
        from_html(&html, &seed_meta()).unwrap_err().to_string(),
        "section 'PCI', row 2, column 2: 'JAB Review' for 'PCI DSS Level 1' and 'Amazon ECS', but an earlier table says 'In scope'"
    );
}

#[test]
fn errors_name_the_section_or_the_table_then_the_row_and_column() {
    let html = table(
        "<h2>C5</h2><table><tr><th>Services</th><th>C5</th></tr><tr><td>Amazon ECS</td><td>✓</td></tr>\
         <tr><td>ECS</td><td>✓</td></tr></table>",
    );
    assert_eq!(
        from_html(&html, &seed_meta()).unwrap_err().to_string(),
        "section 'C5', row 3, column 1: duplicate service 'ECS' (id 'ecs', same as row 2)"
    );
    let html = "<table><tr><th>x</th></tr></table><table><tr><th>Services</th><th>A</th><th>A</th></tr><tr><td>Amazon ECS</td><td>✓</td><td>✓</td></tr></table>";
    assert_eq!(
        from_html(html, &seed_meta()).unwrap_err().to_string(),
        "table 2, row 1, column 3: duplicate program 'A' (same as 'A' in column 2)"
    );
}

#[test]
fn a_page_without_a_table_of_services_is_refused_as_any_html_page() {
    for html in [
        "<!DOCTYPE html><html><body><form><table><tr><td>User</td><td><input name=u></td></tr></table></form></body></html>",
        "<html><body><h1>404</h1><p>Not found</p></body></html>",
        "<table><tr><th>Region</th><th>Contact</th></tr><tr><td>EU</td><td>x@example.com</td></tr></table>",
        "<table><tr><th>Service</th><th>Price</th></tr><tr><td>Support</td><td>$5</td></tr></table>",
    ] {
        let e = from_html(html, &seed_meta()).unwrap_err();
        assert_eq!(e.key, StringKey::errHtmlPage, "{html}");
        assert_eq!(e.place, crate::dataset::Place::Input);
    }
}

#[test]
fn a_page_over_the_size_limit_is_refused_before_it_is_read() {
    let big = format!("<table>{}", "<td>".repeat(MAX_INPUT_BYTES / 4 + 1));
    let e = from_html(&big, &seed_meta()).unwrap_err();
    assert_eq!(e.key, StringKey::errInputBytes);
}

#[test]
fn tables_nested_deeper_than_the_limit_are_refused_and_a_deep_page_costs_little() {
    let nest = |depth: usize| {
        format!(
            "<table><tr><th>Services</th><th>C5</th></tr><tr><td>Amazon ECS</td><td>✓{}{}</td></tr></table>",
            "<table><tr><td>".repeat(depth - 1),
            "</table>".repeat(depth - 1)
        )
    };
    assert!(from_html(&nest(MAX_TABLE_DEPTH), &seed_meta()).is_ok());
    let e = from_html(&nest(MAX_TABLE_DEPTH + 1), &seed_meta()).unwrap_err();
    assert_eq!(
        e.message(),
        format!("tables nested more than {MAX_TABLE_DEPTH} deep")
    );
    assert_eq!(
        e.location(),
        format!("table {MAX_TABLE_DEPTH}, row 1, column 1")
    );
    // Hostile shapes: each a few MiB, each read in one pass (a quadratic reader would not end).
    let n = MAX_INPUT_BYTES / 16;
    for hostile in [
        "<table><tr><td>".repeat(n / 2),
        "<div>".repeat(n),
        "<a href=#x role=tab>".repeat(n / 4),
        "<!--".repeat(n),
        "<sup>".repeat(n),
        format!("<script>{}", "</scrip".repeat(n / 2)),
        format!("<td {}>", "a=\"1\" ".repeat(n / 2)),
        format!("<table><tr><td>{}", "&amp;".repeat(n)),
        format!("<table>{}", "<tr>".repeat(n)),
    ] {
        let e = from_html(&hostile, &seed_meta()).unwrap_err();
        assert!(
            matches!(e.key, StringKey::errHtmlNesting | StringKey::errHtmlPage),
            "{}: {e}",
            &hostile[..20]
        );
    }
}

#[test]
fn a_table_of_services_over_a_limit_is_refused_with_its_place_and_other_tables_are_skipped() {
    let wide: String = (0..=MAX_SERVICES)
        .map(|i| format!("<td>P{i}</td>"))
        .collect();
    let html = format!(
        "<h2>Wide</h2><table><tr><th>Services</th>{wide}</tr><tr><td>Amazon ECS</td><td>✓</td></tr></table>"
    );
    let e = from_html(&html, &seed_meta()).unwrap_err();
    assert_eq!(e.key, StringKey::errTableCells);
    assert_eq!(
        e.location(),
        format!("section 'Wide', row 1, column {}", MAX_SERVICES + 2)
    );
    // The same width in a table of something else is not read, and not an error.
    let html = format!(
        "<table><tr><th>Region</th>{wide}</tr></table><table><tr><th>Services</th><th>C5</th></tr><tr><td>Amazon ECS</td><td>✓</td></tr></table>"
    );
    assert_eq!(from_html(&html, &seed_meta()).unwrap().programs.len(), 1);
    let long = "x".repeat(MAX_FIELD_CHARS + 1);
    let html = format!("<h2>C5</h2><table><tr><th>Services</th><th>C5</th></tr><tr><td>Amazon ECS</td><td>{long}</td></tr></table>");
    let e = from_html(&html, &seed_meta()).unwrap_err();
    assert_eq!(
        e.to_string(),
        "section 'C5', row 2, column 2: longer than 2000 characters"
    );
    let rows = "<tr><td>Zq</td><td>1</td></tr>".repeat(crate::dataset::MAX_PROGRAMS + 1);
    let html = format!("<table><tr><th>Program</th><th>Amazon ECS</th></tr>{rows}</table>");
    let e = from_html(&html, &seed_meta()).unwrap_err();
    assert_eq!(e.key, StringKey::errTableRows);
}

#[test]
fn character_references_and_line_breaks_are_text() {
    let html = table(
        "<table><tr><th>Services</th><th>SOC&nbsp;2</th></tr>\
         <tr><td>Amazon<br>Elastic Container Service&#32;(ECS)</td><td>&#x2705;</td></tr>\
         <tr><td>AWS Fargate <i>[feature of ECS]</i></td><td>Y&#69;S</td></tr></table>",
    );
    let ds = from_html(&html, &seed_meta()).unwrap();
    assert_eq!(ds.programs[0].id, "soc-2");
    assert_eq!(
        ds.programs[0].cells,
        [Cell::of(Status::InScope), Cell::of(Status::InScope)]
    );
}
