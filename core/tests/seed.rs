//! The embedded matrix is the seed table, cell for cell: checked against a verbatim copy of the
//! seed (tests/fixtures/seed-compliance.md) read with a splitter independent of the importers.

use compliance_matrix_core::dataset::{Dataset, Status};

fn seed_rows() -> (Vec<String>, Vec<Vec<String>>) {
    let text = include_str!("../../tests/fixtures/seed-compliance.md");
    let mut lines = text.lines().filter(|l| l.trim_start().starts_with('|'));
    let split = |l: &str| -> Vec<String> {
        l.trim()
            .trim_matches('|')
            .split('|')
            .map(|c| c.trim().to_string())
            .collect()
    };
    let header = split(lines.next().unwrap());
    let _alignment = lines.next().unwrap();
    (header, lines.map(split).collect())
}

#[test]
fn embedded_matrix_matches_all_80_seed_cells() {
    let ds = Dataset::embedded();
    let (header, rows) = seed_rows();
    assert_eq!(
        header[1..],
        ["Amazon ECS", "Amazon EKS", "ECS Fargate", "Amazon ECR"]
    );
    let names: Vec<&str> = ds.services.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, header[1..]);
    assert_eq!(rows.len(), 20);
    assert_eq!(ds.programs.len(), 20);
    let mut checked = 0;
    for (row, program) in rows.iter().zip(&ds.programs) {
        // Same program: its name, or (for the seed's typo) one of its aliases.
        assert!(
            program.name == row[0] || program.aliases.contains(&row[0]),
            "seed row '{}' is embedded as '{}'",
            row[0],
            program.name
        );
        for (text, cell) in row[1..].iter().zip(&program.cells) {
            match text.as_str() {
                "1" => assert_eq!(cell.status, Status::InScope, "{} / {text}", program.id),
                "0" => assert_eq!(cell.status, Status::NotInScope, "{} / {text}", program.id),
                label => {
                    assert_eq!(cell.status, Status::InProgress, "{} / {text}", program.id);
                    assert_eq!(cell.label.as_deref(), Some(label));
                }
            }
            checked += 1;
        }
    }
    assert_eq!(checked, 80);
}

#[test]
fn seed_typo_is_an_alias_of_hitrust_csf() {
    let ds = Dataset::embedded();
    let p = &ds.programs[ds.program_index("hitrust-csf").unwrap()];
    assert_eq!(p.name, "HITRUST CSF");
    assert!(p.aliases.iter().any(|a| a == "HITRUSST CSF"));
}

#[test]
fn embedded_metadata_names_date_source_and_warning() {
    let ds = Dataset::embedded();
    assert_eq!(ds.as_of, "2020-04-21");
    assert!(ds.source.url.contains("aws-eks-best-practices"));
    assert!(ds.source.title.contains("Compliance"));
    let text = include_str!("../../tests/fixtures/seed-compliance.md");
    let warning = ds.warning.as_deref().unwrap();
    assert!(
        text.contains(warning.trim()),
        "the warning is the seed's own sentence"
    );
}
