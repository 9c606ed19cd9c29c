//! The rows → dataset step: ids and duplicates, limits, tables in either orientation, identifier
//! columns, check marks and blanks, the ECS entry for both launch types.

use super::*;
use crate::dataset::{from_csv, from_markdown, PageCell, PageTable};
use crate::text::id_for;

#[test]
fn table_without_program_column_is_refused() {
    let e = from_csv("Amazon ECS,Amazon EKS\n1,1\n", &seed_meta()).unwrap_err();
    assert!(e.message().contains("no program column"), "{e}");
}

#[test]
fn names_without_ascii_letters_get_distinct_ids() {
    let csv = "Программа,Amazon ECS,Сервис\n個人情報保護法,1,0\nΑΒΓ,1,1\nДЕЖ,0,1\nLey 個人,1,1\nLey 情報,1,1\n";
    let ds = from_csv(csv, &seed_meta()).unwrap();
    assert_eq!(ds.programs.len(), 5);
    assert!(ds.programs[0].id.starts_with("x-"));
    assert_ne!(ds.programs[1].id, ds.programs[2].id);
    assert!(ds.programs[3].id.starts_with("ley-"));
    assert_ne!(ds.programs[3].id, ds.programs[4].id);
    assert_eq!(ds.services[1].id.len(), 10);
    assert_eq!(id_for("SOC II"), "soc-ii");
    assert!(id_for("★ ☆").starts_with("x-"));
}

#[test]
fn distinct_names_get_distinct_ids_and_the_same_name_twice_is_refused() {
    let long = "L".repeat(99);
    let csv = format!(
        "P,Amazon ECS,C++,C\nC++ Secure Coding,1,1,1\nC Secure Coding,1,1,1\n'=x,1,1,1\n-x,1,1,1\n{long}1,1,1,1\n{long}2,1,1,1\nSOC X,1,1,1\nsoc x,1,1,1\nSOC III,1,1,1\n"
    );
    let ds = from_csv(&csv, &seed_meta()).unwrap();
    let ids: Vec<&str> = ds.programs.iter().map(|p| p.id.as_str()).collect();
    let mut unique = ids.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), ids.len(), "{ids:?}");
    assert_eq!(ids[1], "c-secure-coding");
    assert_eq!(&ids[6..], ["soc-x", "soc-x-2", "soc-3"]);
    assert_eq!(ds.programs[2].name, "=x");
    assert_ne!(ds.services[1].id, ds.services[2].id);
    // The same name twice (after trimming), or two spellings of one known program, is
    // still a duplicate, naming both rows.
    let e = from_csv("P,Amazon ECS\nC++,1\nB,0\n\" C++ \",0\n", &seed_meta()).unwrap_err();
    assert_eq!(e.location(), "line 4, column 1");
    assert_eq!(
        e.message(),
        "duplicate program 'C++' (same as 'C++' on line 2)"
    );
    let e = from_csv("P,Amazon ECS\nSOC 3,1\nSOC III,0\n", &seed_meta()).unwrap_err();
    assert_eq!(
        e.message(),
        "duplicate program 'SOC III' (same as 'SOC 3' on line 2)"
    );
    let e = from_csv("P,Amazon ECS,ECS\nA,1,1\n", &seed_meta()).unwrap_err();
    assert_eq!(
        e.message(),
        "duplicate service column 'ECS' (id 'ecs', same as column 2)"
    );
}

#[test]
fn a_table_over_the_program_limit_is_refused_before_any_row_is_read() {
    let mut csv = String::from("P,Amazon ECS\n");
    for i in 0..(MAX_PROGRAMS + 5) {
        csv.push_str(&format!("p{i},1\n"));
    }
    let e = from_csv(&csv, &seed_meta()).unwrap_err();
    assert_eq!(e.location(), "programs");
    assert_eq!(
        e.message(),
        format!(
            "{} programs is more than the limit of 20000",
            MAX_PROGRAMS + 5
        )
    );
}

fn ids(ds: &Dataset) -> (Vec<&str>, Vec<&str>) {
    (
        ds.services.iter().map(|s| s.id.as_str()).collect(),
        ds.programs.iter().map(|p| p.id.as_str()).collect(),
    )
}

/// Each program's cells as `status` or `status:label`, by service id.
fn cells(ds: &Dataset, program: &str) -> Vec<String> {
    let p = &ds.programs[ds.program_index(program).unwrap()];
    p.cells
        .iter()
        .zip(&ds.services)
        .map(|(c, s)| match &c.label {
            Some(l) => format!("{}={}:{l}", s.id, c.status.id()),
            None => format!("{}={}", s.id, c.status.id()),
        })
        .collect()
}

const DOWN_CSV: &str = "Services,PCI,FedRAMP High (GovCloud)\n\
    Amazon Elastic Container Service (ECS),✓,✓\n\
    Amazon Elastic Kubernetes Service (EKS),✓,JAB Review\n\
    Amazon Elastic Container Registry (ECR),✓,\n\
    AWS Lambda,,✓\n";

#[test]
fn services_down_the_first_column_are_read_transposed_from_csv() {
    let ds = from_csv(DOWN_CSV, &seed_meta()).unwrap();
    let (services, programs) = ids(&ds);
    assert_eq!(services, ["ecs", "eks", "ecr", "aws-lambda"]);
    assert_eq!(programs, ["pci-dss-level-1", "fedramp-high"]);
    assert_eq!(ds.services[0].name, "Amazon ECS");
    assert_eq!(ds.services[3].name, "AWS Lambda");
    assert_eq!(
        cells(&ds, "fedramp-high"),
        [
            "ecs=in-scope",
            "eks=in-progress:JAB Review",
            "ecr=not-in-scope",
            "aws-lambda=in-scope"
        ]
    );
    assert_eq!(cells(&ds, "pci-dss-level-1")[3], "aws-lambda=not-in-scope");
}

#[test]
fn the_same_table_reads_alike_across_and_down_in_csv_markdown_and_a_page_table() {
    let across = "Program,Amazon ECS,Amazon EKS\nSOC 2,✓,3PAO Assessment\nC5,✓,\n";
    let down = "Service,SOC 2,C5\nAmazon ECS,✓,✓\nAmazon EKS,3PAO Assessment,\n";
    let md_down = "| Service | SOC 2 | C5 |\n|---|---|---|\n| Amazon ECS | ✓ | ✓ |\n| Amazon EKS | 3PAO Assessment | |\n";
    let page = PageTable {
        rows: [
            "Service,SOC 2,C5",
            "Amazon ECS,✓,✓",
            "Amazon EKS,3PAO Assessment,",
        ]
        .iter()
        .map(|r| r.split(',').map(PageCell::new).collect())
        .collect(),
        ..Default::default()
    };
    let want = from_csv(across, &seed_meta()).unwrap();
    assert_eq!(
        cells(&want, "soc-2"),
        ["ecs=in-scope", "eks=in-progress:3PAO Assessment"]
    );
    assert_eq!(cells(&want, "c5"), ["ecs=in-scope", "eks=not-in-scope"]);
    for ds in [
        from_csv(down, &seed_meta()).unwrap(),
        from_markdown(md_down, &seed_meta()).unwrap(),
        page.to_dataset("").unwrap(),
    ] {
        assert_eq!(ds.services, want.services);
        assert_eq!(ds.programs, want.programs);
    }
}

#[test]
fn a_header_typo_in_the_top_left_cell_still_says_services_run_down() {
    let csv = "SE RVICES / PROGRAMS,IRAP PROTECTED\nAWS Lambda,✓\nAmazon S3,\n";
    let ds = from_csv(csv, &seed_meta()).unwrap();
    assert_eq!(ids(&ds).0, ["aws-lambda", "amazon-s3"]);
    assert_eq!(ds.programs[0].name, "IRAP PROTECTED");
    assert_eq!(ds.programs[0].cells[1].status, Status::NotInScope);
    // Without it, and with no known service, the first column is the programs'.
    let ds = from_csv("Program,AWS Lambda\nIRAP,1\n", &seed_meta()).unwrap();
    assert_eq!(ids(&ds), (vec!["aws-lambda"], vec!["irap"]));
}

#[test]
fn a_blank_is_not_in_scope_only_in_a_table_that_marks_and_never_denies() {
    let blank = |csv: &str| from_csv(csv, &seed_meta()).unwrap().programs[1].cells[0].clone();
    for mark in ["✓", "✔", "✔️", "✅", "☑", "Yes", "yes", "✓*"] {
        let csv = format!("Program,Amazon ECS\nSOC 2,{mark}\nC5,\n");
        assert_eq!(blank(&csv).status, Status::NotInScope, "{mark}");
        let ds = from_csv(&csv, &seed_meta()).unwrap();
        assert_eq!(ds.programs[0].cells[0], Cell::of(Status::InScope), "{mark}");
    }
    // The seed's vocabulary: a blank says nothing.
    assert_eq!(
        blank("Program,Amazon ECS\nSOC 2,1\nC5,\n").status,
        Status::Unknown
    );
    // Marks and an explicit "no" somewhere: blanks say nothing either.
    let csv = "Program,Amazon ECS,Amazon EKS\nSOC 2,✓,✗\nC5,,✓\n";
    assert_eq!(blank(csv).status, Status::Unknown);
    // Status words alone do not make a blank a "no".
    assert_eq!(
        blank("Program,Amazon ECS\nSOC 2,JAB Review\nC5,\n").status,
        Status::Unknown
    );
}

#[test]
fn status_words_stay_in_progress_with_their_text_beside_marks() {
    let csv = "Services,DoD CC SRG IL2,DoD CC SRG IL4\nAmazon ECS,✓,DISA Review\nAmazon EKS,3PAO Assessment,\n";
    let ds = from_csv(csv, &seed_meta()).unwrap();
    let il4 = &ds.programs[1];
    assert_eq!(il4.cells[0].status, Status::InProgress);
    assert_eq!(il4.cells[0].label.as_deref(), Some("DISA Review"));
    assert_eq!(il4.cells[1], Cell::of(Status::NotInScope));
    assert_eq!(
        ds.programs[0].cells[1].label.as_deref(),
        Some("3PAO Assessment")
    );
}

#[test]
fn an_identifier_column_is_skipped_under_each_of_its_headers() {
    for header in ["SDKs", "NAMESPACES*", "", "Namespace"] {
        let csv = format!(
            "Services,{header},PCI\nAmazon ECS,ecs,✓\nAWS Fargate [feature of ECS],,✓\nAmazon ECR,\"ecr, ecr-public\",\n"
        );
        let ds = from_csv(&csv, &seed_meta()).unwrap();
        assert_eq!(
            ids(&ds),
            (vec!["ecs", "fargate", "ecr"], vec!["pci-dss-level-1"]),
            "{header}"
        );
        assert_eq!(ds.programs[0].cells[2].status, Status::NotInScope);
    }
    // A column of marks under an empty header is a program without a name, not identifiers.
    let e = from_csv("Services,,PCI\nAmazon ECS,✓,✓\n", &seed_meta()).unwrap_err();
    assert_eq!(e.to_string(), "line 1, column 2: empty program name");
    // A program column whose header is not an identifier's keeps its words.
    let ds = from_csv("Services,Notes,PCI\nAmazon ECS,ecs,✓\n", &seed_meta()).unwrap();
    assert_eq!(ds.programs[0].name, "Notes");
}

#[test]
fn the_ecs_entry_for_both_launch_types_gives_fargate_its_status_with_a_note() {
    let csv = "Services,PCI,C5\n\
        Amazon Elastic Container Service (ECS) [both Fargate and EC2 launch types],✓,3PAO Assessment\n\
        Amazon Elastic Kubernetes Service (EKS),✓,\n";
    let ds = from_csv(csv, &seed_meta()).unwrap();
    assert_eq!(ids(&ds).0, ["ecs", "fargate", "eks"]);
    assert_eq!(ds.services[1].name, "ECS Fargate");
    assert_eq!(
        cells(&ds, "c5")[..2],
        [
            "ecs=in-progress:3PAO Assessment",
            "fargate=in-progress:3PAO Assessment"
        ]
    );
    let note = ds.source.note.as_deref().unwrap();
    assert!(
        note.starts_with("ECS Fargate: where the source has no entry of its own for Fargate on ECS, its cells repeat those of “Amazon Elastic Container Service (ECS) [both Fargate and EC2 launch types]”"),
        "{note}"
    );
    // An entry of Fargate's own wins, and then nothing is copied.
    let csv = "Services,PCI\n\
        Amazon Elastic Container Service (ECS) [both Fargate and EC2 launch types],✓\n\
        AWS Fargate [feature of ECS],\n";
    let ds = from_csv(csv, &seed_meta()).unwrap();
    assert_eq!(
        cells(&ds, "pci-dss-level-1"),
        ["ecs=in-scope", "fargate=not-in-scope"]
    );
    assert_eq!(ds.source.note, None);
}

#[test]
fn a_feature_of_eks_is_a_service_of_its_own_under_its_own_name() {
    let csv = "Services,HIPAA BAA\nAmazon EKS,✓\nAWS Fargate [feature of EKS],✓\nAmazon EKS Distro [feature of EKS],\n";
    let ds = from_csv(csv, &seed_meta()).unwrap();
    let (services, _) = ids(&ds);
    assert_eq!(services[0], "eks");
    assert!(!services.contains(&"fargate"), "{services:?}");
    assert_eq!(services[1], id_for("AWS Fargate [feature of EKS]"));
    assert_eq!(ds.services[1].name, "AWS Fargate [feature of EKS]");
    assert_eq!(ds.services[2].name, "Amazon EKS Distro [feature of EKS]");
}

#[test]
fn old_names_and_footnote_asterisks_find_the_known_services() {
    let csv = "Services*,PCI*\n\
        Amazon EC2 Container Service*,✓\n\
        Amazon Elastic Container Service for Kubernetes,✓\n\
        Amazon EC2 Container Registry**,✓\n";
    let ds = from_csv(csv, &seed_meta()).unwrap();
    assert_eq!(
        ids(&ds),
        (vec!["ecs", "eks", "ecr"], vec!["pci-dss-level-1"])
    );
}

#[test]
fn errors_in_a_table_of_services_down_name_the_line_and_column_as_written() {
    let err = |csv: &str| from_csv(csv, &seed_meta()).unwrap_err().to_string();
    assert_eq!(
        err("Services,PCI\nAmazon ECS,✓\nAmazon EKS,✓\nAmazon Elastic Container Service (ECS),✓\n"),
        "line 4, column 1: duplicate service 'Amazon Elastic Container Service (ECS)' (id 'ecs', same as line 2)"
    );
    assert_eq!(
        err("Services,PCI,PCI DSS\nAmazon ECS,✓,✓\n"),
        "line 1, column 3: duplicate program 'PCI DSS' (same as 'PCI' in column 2)"
    );
    assert_eq!(
        err("Services,PCI,C5\nAmazon ECS,✓,✓\nAmazon EKS,✓\n"),
        "line 3, column 3: this row has 2 cells, the header has 3"
    );
    assert_eq!(
        err("Services,PCI\nAmazon ECS,✓\n,✓\n"),
        "line 3, column 1: empty service header"
    );
    let page = PageTable {
        rows: ["Services,PCI", "Amazon ECS,✓", "ECS,✓"]
            .iter()
            .map(|r| r.split(',').map(PageCell::new).collect())
            .collect(),
        ..Default::default()
    };
    assert_eq!(
        page.to_dataset("").unwrap_err().to_string(),
        "row 3, column 1: duplicate service 'ECS' (id 'ecs', same as row 2)"
    );
}

#[test]
fn a_table_of_more_services_than_the_limit_is_refused_before_its_names_are_read() {
    let mut csv = String::from("Services,PCI\nAmazon ECS,✓\n");
    for i in 0..MAX_SERVICES {
        csv.push_str(&format!("S{i},✓\n"));
    }
    let e = from_csv(&csv, &seed_meta()).unwrap_err();
    assert_eq!(
        e.to_string(),
        format!(
            "line {}, column 1: {} services is more than the limit of {MAX_SERVICES}",
            MAX_SERVICES + 2,
            MAX_SERVICES + 1
        )
    );
    let mut header = String::from("Program");
    for i in 0..=MAX_SERVICES {
        header.push_str(&format!(",S{i}"));
    }
    let e = from_csv(
        &format!("{header}\nPCI,{}\n", ",".repeat(MAX_SERVICES)),
        &seed_meta(),
    )
    .unwrap_err();
    assert_eq!(e.location(), format!("line 1, column {}", MAX_SERVICES + 2));
}

#[test]
fn a_program_column_is_named_by_its_section_without_saying_the_section_twice() {
    use super::sheet::program_name;
    assert_eq!(
        program_name("FedRAMP", "FedRAMP High (GovCloud)"),
        "FedRAMP High (GovCloud)"
    );
    assert_eq!(program_name("MTCS", "Seoul"), "MTCS — Seoul");
    assert_eq!(program_name("PCI", "PCI"), "PCI");
    assert_eq!(program_name("HIPAA BAA", "HIPAA"), "HIPAA BAA");
    assert_eq!(
        program_name("DoD CC SRG", "DOD CC SRG IL5"),
        "DOD CC SRG IL5"
    );
    assert_eq!(program_name("IRAP", ""), "IRAP");
    assert_eq!(program_name("", "Seoul"), "Seoul");
}
