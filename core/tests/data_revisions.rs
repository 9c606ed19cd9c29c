//! `data/revisions/`, the upstream table as published on each date: the files are the revisions
//! the core embeds (ids and source commits from `revisions::all()`, not a copy kept here), each
//! naming its source commit, and the one revision where EKS's cells changed reads as the seed's
//! notes say. The tables are read as split rows, not through the widget's parsers.

use compliance_matrix_core::revisions;

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../data/revisions");

/// A revision's table as published: `data/revisions/<id>.md`.
fn published(id: &str) -> String {
    let path = format!("{DIR}/{id}.md");
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The header and rows of a revision's table, cells trimmed.
fn table(text: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let split = |l: &str| -> Vec<String> {
        l.trim()
            .trim_matches('|')
            .split('|')
            .map(|c| c.trim().to_string())
            .collect()
    };
    let mut lines = text.lines().filter(|l| l.trim_start().starts_with('|'));
    let header = split(lines.next().unwrap());
    let _alignment = lines.next().unwrap();
    (header, lines.map(split).collect())
}

fn eks_cell(text: &str, program: &str) -> String {
    let (header, rows) = table(text);
    let col = header
        .iter()
        .position(|h| h.starts_with("Amazon EKS"))
        .unwrap();
    rows.iter()
        .find(|r| r[0] == program)
        .unwrap_or_else(|| panic!("no row {program}"))[col]
        .clone()
}

#[test]
fn six_revisions_are_embedded_each_naming_its_source_commit() {
    let mut files: Vec<String> = std::fs::read_dir(DIR)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.ends_with(".md"))
        .collect();
    files.sort();
    // Ids are dates, so the files' order is the core's, oldest first.
    let ids: Vec<String> = revisions::ids().iter().map(|d| format!("{d}.md")).collect();
    assert_eq!(files, ids);
    assert_eq!(ids.len(), 6);
    for r in revisions::all().iter() {
        let (date, text) = (&r.id, published(&r.id));
        let first = text.lines().next().unwrap();
        assert!(
            first.starts_with("<!-- source: aws/aws-eks-best-practices, content/security/docs/compliance.md at commit ")
                && first.ends_with(&format!(" ({date}) -->")),
            "{date}: {first}"
        );
        assert!(
            first.contains(&format!(" at commit {} ", r.commit)),
            "{date}: the core embeds it from commit {}: {first}",
            r.commit
        );
    }
}

#[test]
fn the_2020_10_06_revision_is_where_eks_became_jab_review_and_ospar_in_scope() {
    // The revisions just before and after it, as the core orders them.
    let ids = revisions::ids();
    let at = ids.iter().position(|id| id == "2020-10-06").unwrap();
    assert_eq!(
        [ids[at - 1].as_str(), ids[at + 1].as_str()],
        ["2020-04-24", "2020-10-13"]
    );
    let text = &published("2020-10-06");
    assert!(text.starts_with(
        "<!-- source: aws/aws-eks-best-practices, content/security/docs/compliance.md at commit 595975faf97e275d15e0c186c02ff7f25126aacc (2020-10-06) -->\n"
    ));
    let (header, rows) = table(text);
    assert_eq!(header.len(), 5);
    assert_eq!(rows.len(), 20);
    assert_eq!(eks_cell(text, "FedRAMP Moderate (East/West)"), "JAB Review");
    assert_eq!(eks_cell(text, "FedRAMP High (GovCloud)"), "JAB Review");
    assert_eq!(eks_cell(text, "DOD CC SRG"), "JAB Review");
    assert_eq!(eks_cell(text, "OSPAR"), "1");
    assert_eq!(eks_cell(text, "IRAP"), "0");
    // The spelling fix is 2020-10-13's, so this revision still has the seed's typo.
    assert!(rows.iter().any(|r| r[0] == "HITRUSST CSF"));
    let before = &published(&ids[at - 1]);
    assert_eq!(
        eks_cell(before, "FedRAMP Moderate (East/West)"),
        "3PAO Assessment"
    );
    assert_eq!(eks_cell(before, "OSPAR"), "0");
    // 2020-10-13 changed no status: only the spelling of HITRUST.
    let after = &published(&ids[at + 1]);
    let (_, a) = table(after);
    for (r, s) in rows.iter().zip(&a) {
        assert_eq!(r[1..], s[1..], "{}", r[0]);
    }
    assert!(a.iter().any(|r| r[0] == "HITRUST CSF"));
}
