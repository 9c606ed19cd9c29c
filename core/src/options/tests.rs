//! Tests of the options table and its parsers.

use super::*;
use crate::dataset::Dataset;

#[test]
fn the_table_is_in_the_order_of_the_enum() {
    for (i, s) in SPECS.iter().enumerate() {
        assert_eq!(s.opt as usize, i, "{}", s.attribute);
        assert_eq!(Opt::from_property(s.property), Some(s.opt));
    }
}

#[test]
fn attributes_are_the_kebab_case_of_properties() {
    for s in &SPECS {
        let kebab: String = s
            .property
            .chars()
            .flat_map(|c| {
                if c.is_ascii_uppercase() {
                    vec!['-', c.to_ascii_lowercase()]
                } else {
                    vec![c]
                }
            })
            .collect();
        assert_eq!(kebab, s.attribute);
    }
}

#[test]
fn options_remember_what_was_given_even_when_removed() {
    let mut o = Options::default();
    o.set(Opt::Query, Some("iso".into()));
    o.set(Opt::Sort, None);
    assert!(o.has(Opt::Query) && o.has(Opt::Sort) && !o.has(Opt::Status));
    assert_eq!(o.text(Opt::Query), "iso");
    assert_eq!(o.text(Opt::Sort), "");
    let mut all = Options::of([
        (Opt::Query, Some("soc".into())),
        (Opt::Gaps, Some(String::new())),
    ]);
    all.merge(&o);
    assert_eq!(all.text(Opt::Query), "iso");
    assert!(all.flag(Opt::Gaps));
    assert_eq!(
        all.given().collect::<Vec<_>>(),
        vec![Opt::Query, Opt::Gaps, Opt::Sort]
    );
}

#[test]
fn attribute_parsers_name_the_problem() {
    let ds = Dataset::embedded();
    assert!(parse_sort("nope:asc", &ds)
        .unwrap_err()
        .to_string()
        .contains("unknown key 'nope'"));
    assert!(parse_sort("program:up", &ds)
        .unwrap_err()
        .to_string()
        .contains("'up' is not a direction"));
    assert!(parse_sort("ecs,ecs:desc", &ds)
        .unwrap_err()
        .to_string()
        .contains("given twice"));
    assert!(parse_status("x:in-scope", &ds)
        .unwrap_err()
        .to_string()
        .contains("unknown service 'x'"));
    assert!(parse_status("ecs:maybe", &ds)
        .unwrap_err()
        .to_string()
        .contains("unknown status 'maybe'"));
    assert!(parse_status("ecs", &ds)
        .unwrap_err()
        .to_string()
        .contains("is not 'any'"));
    assert!(parse_services("ecs,lambda", &ds)
        .unwrap_err()
        .to_string()
        .contains("unknown service 'lambda'"));
    assert!(parse_tags("us")
        .unwrap_err()
        .to_string()
        .contains("facet:value"));
    assert_eq!(
        parse_services("ecr, ecs,ecr", &ds).unwrap(),
        vec!["ecr", "ecs"]
    );
    assert!(parse_revision("revision", "1999-01-01")
        .unwrap_err()
        .to_string()
        .contains("unknown revision"));
}

#[test]
fn option_errors_speak_the_readers_language_and_english_as_text() {
    let ds = Dataset::embedded();
    let e = parse_services("ecs,lambda", &ds).unwrap_err();
    assert_eq!(
        e.to_string(),
        "services: unknown service 'lambda' (expected one of ecs, eks, fargate, ecr)"
    );
    let de = Strings::new("de", &[], std::rc::Rc::new(crate::i18n::Plain));
    assert_eq!(
        e.text(&de),
        "services: unbekannter Dienst „lambda“ (erwartet: einer von ecs, eks, fargate, ecr)"
    );
    let e = parse_revision("compare", "1999").unwrap_err();
    assert!(
        e.text(&de)
            .starts_with("compare: unbekannte Revision „1999“"),
        "{}",
        e.text(&de)
    );
}

#[test]
fn attribute_parsers_name_the_problem_in_the_seed() {
    let ds = Dataset::embedded();
    assert!(parse_sort("lambda:asc", &ds)
        .unwrap_err()
        .to_string()
        .contains("unknown key 'lambda'"));
    assert!(parse_sort("eks:up", &ds)
        .unwrap_err()
        .to_string()
        .contains("'up' is not a direction"));
    assert!(parse_status("fargate:maybe", &ds)
        .unwrap_err()
        .to_string()
        .contains("unknown status 'maybe'"));
    assert!(parse_services("ecs,lambda", &ds)
        .unwrap_err()
        .to_string()
        .contains("unknown service 'lambda'"));
    assert_eq!(parse_services(" eks , ecs ", &ds).unwrap(), ["eks", "ecs"]);
}

#[test]
fn a_long_tag_list_loses_its_duplicates_keeping_first_places() {
    let tags = parse_tags("b:2, a:1, b:2, c:3, a:1, b:2").unwrap();
    assert_eq!(tags, ["b:2", "a:1", "c:3"]);
    // A thousand tags, each twice: n log n, and the order of first places kept.
    let list: Vec<String> = (0..1_000).map(|i| format!("f:{}", i % 500)).collect();
    let out = parse_tags(&list.join(",")).unwrap();
    assert_eq!(out.len(), 500);
    assert_eq!(out[0], "f:0");
    assert_eq!(out[499], "f:499");
}
