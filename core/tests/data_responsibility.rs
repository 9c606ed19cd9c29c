//! `data/responsibility.json` as a whole: its sources are real pages, each read on the review's
//! date, cited at their current address and each cited; its explanations are one sentence; its
//! variants link to the matrix columns of their orchestrator. The facts of single cells are in
//! `data_responsibility_cells.rs`.

mod support;

use support::{json, mentions, strs, Model, MATRIX, READ_NOW};

fn is_date(s: &str) -> bool {
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

#[test]
fn every_source_is_an_https_page_with_the_date_it_was_read() {
    let m = Model::load();
    assert_eq!(
        m.0["as_of"], READ_NOW,
        "the model was read on the review's date"
    );
    let mut ids = std::collections::HashSet::new();
    for s in m.0["sources"].as_array().unwrap() {
        let id = s["id"].as_str().unwrap();
        assert!(ids.insert(id), "duplicate source {id}");
        let url = s["url"].as_str().unwrap();
        assert!(
            url.starts_with("https://docs.aws.amazon.com/")
                || url.starts_with("https://aws.amazon.com/")
                || url.starts_with("https://github.com/"),
            "{id}: {url}"
        );
        if url.starts_with("https://github.com/") {
            let commit = url.split('/').nth(6).unwrap_or("");
            assert!(
                commit.len() == 40 && commit.bytes().all(|c| c.is_ascii_hexdigit()),
                "{id}: a GitHub source is pinned to a commit: {url}"
            );
        }
        let read = s["as_of"]
            .as_str()
            .unwrap_or_else(|| panic!("{id} has no as_of (date read)"));
        assert!(is_date(read), "{id}: {read}");
        assert!(read <= READ_NOW, "{id} read in the future: {read}");
    }
}

#[test]
fn every_cited_source_exists_and_every_source_is_cited() {
    let m = Model::load();
    let ids: Vec<&str> = m.0["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap())
        .collect();
    let mut cited = std::collections::HashSet::new();
    for v in m.variants() {
        let vid = v["id"].as_str().unwrap();
        for c in v["cells"].as_array().unwrap() {
            let layer = c["layer"].as_str().unwrap();
            let mut all = vec![c["source"].as_str().unwrap()];
            all.extend(m.see_also(vid, layer));
            for s in all {
                assert!(ids.contains(&s), "{vid}/{layer} cites unknown source {s}");
                cited.insert(s);
            }
        }
        if let Some(s) = v["note_source"].as_str() {
            assert!(ids.contains(&s), "{vid} note cites unknown source {s}");
            cited.insert(s);
        }
    }
    for id in ids {
        assert!(cited.contains(id), "source {id} is never cited");
    }
}

#[test]
fn the_guides_are_cited_at_their_current_pages_not_legacy_or_chapter_pages() {
    let m = Model::load();
    for s in m.0["sources"].as_array().unwrap() {
        let url = s["url"].as_str().unwrap();
        assert!(
            !url.contains("aws.github.io/aws-eks-best-practices"),
            "legacy BPG URL {url}"
        );
        assert!(
            !url.ends_with("/bestpracticesguide/security.html"),
            "ECS BPG chapter index cited instead of the shared-responsibility page: {url}"
        );
    }
    assert_eq!(
        m.source("eks-bp-security")["url"],
        "https://docs.aws.amazon.com/eks/latest/best-practices/security.html"
    );
    assert_eq!(
        m.source("ecs-bp-shared-responsibility")["url"],
        "https://docs.aws.amazon.com/AmazonECS/latest/bestpracticesguide/security-shared.html"
    );
}

#[test]
fn every_explanation_is_one_line_and_one_sentence() {
    let m = Model::load();
    for v in m.variants() {
        for c in v["cells"].as_array().unwrap() {
            let e = c["explanation"].as_str().unwrap();
            let at = format!("{}/{}", v["id"], c["layer"]);
            assert!(!e.contains('\n'), "{at}: one line");
            assert!(e.ends_with('.'), "{at}: ends a sentence: {e}");
            let inner = &e[..e.len() - 1];
            assert!(
                !inner.contains(". ") && !inner.contains("? ") && !inner.contains("! "),
                "{at}: one sentence: {e}"
            );
        }
    }
}

#[test]
fn every_variant_links_to_the_matrix_columns_of_its_orchestrator() {
    let m = Model::load();
    let expected: [(&str, &[&str]); 6] = [
        ("ecs-ec2", &["ecs"]),
        ("ecs-fargate", &["ecs", "fargate"]),
        ("eks-self-managed", &["eks"]),
        ("eks-managed-nodes", &["eks"]),
        ("eks-fargate", &["eks"]),
        ("ecr", &["ecr"]),
    ];
    let ids: Vec<&str> = m
        .variants()
        .iter()
        .map(|v| v["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, expected.map(|(v, _)| v));
    let matrix = json(MATRIX);
    let columns: Vec<&str> = matrix["services"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap())
        .collect();
    for (v, services) in expected {
        let got = strs(&m.variant(v)["services"]);
        assert_eq!(got, services, "{v}");
        for s in got {
            assert!(columns.contains(&s), "{v}: {s} is not a matrix column");
        }
    }
}

#[test]
fn eks_on_fargate_says_the_seed_has_no_column_for_it_and_it_is_not_in_govcloud() {
    let m = Model::load();
    let v = m.variant("eks-fargate");
    let note = v["note"].as_str().expect("eks-fargate has a note");
    mentions(
        "eks-fargate note",
        note,
        &["no column", "ECS on Fargate", "EKS column only", "GovCloud"],
    );
    assert!(
        note.contains("AWS Fargate with Amazon EKS isn't available in AWS GovCloud"),
        "quotes the EKS UG: {note}"
    );
    assert_eq!(v["note_source"], "eks-ug-fargate");
    assert_eq!(
        m.source("eks-ug-fargate")["url"],
        "https://docs.aws.amazon.com/eks/latest/userguide/fargate.html"
    );
}
