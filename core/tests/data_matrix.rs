//! `data/matrix.json`, the seed, beyond its cells (which `seed.rs` checks): the facets and
//! aliases the December 2026 data review changed, the notes on rows that later revisions change,
//! and the schema (`data/schema/matrix.schema.json`) describing every field the file uses.

mod support;

use serde_json::Value;
use support::{json, mentions, strs, MATRIX};

const SCHEMA: &str = include_str!("../../data/schema/matrix.schema.json");

fn program<'a>(matrix: &'a Value, id: &str) -> &'a Value {
    matrix["programs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == id)
        .unwrap_or_else(|| panic!("no program {id}"))
}

#[test]
fn soc_1_is_tagged_financial_reporting_not_finance() {
    let m = json(MATRIX);
    let tags = strs(&program(&m, "soc-1")["tags"]);
    assert!(tags.contains(&"domain:financial-reporting"), "{tags:?}");
    assert!(!tags.contains(&"domain:finance"), "{tags:?}");
    // The finance filter now finds OSPAR only.
    let finance: Vec<&str> = m["programs"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| strs(&p["tags"]).contains(&"domain:finance"))
        .map(|p| p["id"].as_str().unwrap())
        .collect();
    assert_eq!(finance, ["ospar"]);
}

#[test]
fn k_isms_no_longer_answers_to_isms() {
    let m = json(MATRIX);
    let aliases = strs(&program(&m, "k-isms")["aliases"]);
    assert!(
        !aliases.iter().any(|a| a.eq_ignore_ascii_case("ISMS")),
        "{aliases:?}"
    );
    assert!(aliases.contains(&"Korea Information Security Management System"));
    for p in m["programs"].as_array().unwrap() {
        if let Some(a) = p["aliases"].as_array() {
            assert!(!a.iter().any(|a| a == "ISMS"), "{}", p["id"]);
        }
    }
}

#[test]
fn tags_source_says_the_domain_tags_are_editorial() {
    let m = json(MATRIX);
    let ts = &m["tags_source"];
    assert_eq!(ts["url"], "https://aws.amazon.com/compliance/programs/");
    mentions(
        "tags_source.title",
        ts["title"].as_str().unwrap(),
        &["domain tags are ours"],
    );
    mentions(
        "tags_source.note",
        ts["note"].as_str().unwrap(),
        &["editorial", "domain:financial-reporting"],
    );
}

#[test]
fn seed_rows_whose_eks_cell_later_revisions_change_say_so() {
    let m = json(MATRIX);
    for (id, words) in [
        ("irap", &["2021-04-24"][..]),
        (
            "fedramp-moderate",
            &["2020-10-06", "JAB Review", "2021-04-24"][..],
        ),
        (
            "fedramp-high",
            &["2020-10-06", "JAB Review", "2021-04-24"][..],
        ),
        (
            "dod-cc-srg",
            &["2020-10-06", "JAB Review", "DISA Review (IL5)"][..],
        ),
        ("ospar", &["2020-10-06"][..]),
    ] {
        let note = program(&m, id)["note"]
            .as_str()
            .unwrap_or_else(|| panic!("{id}: no note"));
        mentions(id, note, words);
        assert!(note.starts_with("EKS: "), "{id}: {note}");
    }
    mentions(
        "latest.note",
        m["latest"]["note"].as_str().unwrap(),
        &["third-party audits", "AWS Artifact"],
    );
    mentions(
        "source.note",
        m["source"]["note"].as_str().unwrap(),
        &["Orchestrator"],
    );
}

#[test]
fn the_schema_describes_every_field_matrix_json_uses() {
    let m = json(MATRIX);
    let s = json(SCHEMA);
    let props = |v: &Value| -> Vec<String> {
        v["properties"]
            .as_object()
            .unwrap()
            .keys()
            .cloned()
            .collect()
    };
    let top = props(&s);
    for k in m.as_object().unwrap().keys() {
        assert!(top.contains(k), "schema lacks top-level '{k}'");
    }
    let link = props(&s["$defs"]["link"]);
    for k in ["source", "latest", "tags_source"] {
        for f in m[k].as_object().unwrap().keys() {
            assert!(link.contains(f), "schema link lacks '{f}' ({k})");
        }
    }
    let prog = props(&s["properties"]["programs"]["items"]);
    let pattern = s["properties"]["programs"]["items"]["properties"]["tags"]["items"]["pattern"]
        .as_str()
        .unwrap();
    assert_eq!(pattern, "^[a-z0-9][a-z0-9-]*:[a-z0-9][a-z0-9-]*$");
    for p in m["programs"].as_array().unwrap() {
        for f in p.as_object().unwrap().keys() {
            assert!(prog.contains(f), "schema program lacks '{f}'");
        }
        for t in strs(&p["tags"]) {
            let (facet, value) = t.split_once(':').unwrap();
            let ok = |x: &str| {
                !x.is_empty()
                    && x.as_bytes()[0] != b'-'
                    && x.bytes()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == b'-')
            };
            assert!(
                ok(facet) && ok(value),
                "{t} does not match the schema's tag pattern"
            );
        }
    }
}
