use super::*;

fn sample() -> ViewState {
    ViewState {
        query: "iso & soc".into(),
        status: "fargate:not-in-scope".into(),
        gaps: true,
        tags: vec!["jurisdiction:us".into()],
        sort: "eks:desc,program:asc".into(),
        services: vec!["eks".into(), "ecs".into()],
        revision: Some("2021-04-24".into()),
        compare: Some("2020-03-25".into()),
    }
}

#[test]
fn the_hash_round_trips_every_field() {
    let h = hash_with_state("", "cm", &sample()).unwrap();
    assert!(h.contains("cm.query=iso%20%26%20soc"), "{h}");
    assert_eq!(
        state_from_hash(&h, "cm", &ViewState::default()),
        Some(sample())
    );
}

#[test]
fn defaults_are_left_out_and_other_keys_kept() {
    let h = hash_with_state("#other.query=x&x=1", "cm", &ViewState::default()).unwrap();
    assert_eq!(h, "#other.query=x&x=1");
    assert_eq!(state_from_hash(&h, "cm", &ViewState::default()), None);
}

#[test]
fn an_anchor_in_the_hash_is_left_alone() {
    // An in-page link (#faq) must keep landing on its anchor: no state is written into it.
    assert!(has_anchor("#faq"));
    assert!(has_anchor("#cm.query=x&faq"));
    assert!(!has_anchor("#cm.query=x&other.sort=program:asc"));
    assert!(!has_anchor(""));
    assert_eq!(hash_with_state("#faq", "cm", &sample()), None);
    assert_eq!(state_from_hash("#faq", "cm", &ViewState::default()), None);
    // A shared link drops the anchor and keeps the other widgets' keys.
    let h = link_hash("#faq&other.query=x", "cm", &sample());
    assert!(h.starts_with("#other.query=x&cm."), "{h}");
    assert_eq!(
        state_from_hash(&h, "cm", &ViewState::default()),
        Some(sample())
    );
}

#[test]
fn a_namespace_never_touches_a_longer_one() {
    let two = ViewState {
        query: "hipaa".into(),
        ..ViewState::default()
    };
    let h = hash_with_state("", "m.2", &two).unwrap();
    let one = ViewState {
        query: "soc".into(),
        ..ViewState::default()
    };
    let h = hash_with_state(&h, "m", &one).unwrap();
    assert_eq!(
        state_from_hash(&h, "m.2", &ViewState::default())
            .unwrap()
            .query,
        "hipaa"
    );
    assert_eq!(
        state_from_hash(&h, "m", &ViewState::default())
            .unwrap()
            .query,
        "soc"
    );
    let h = hash_with_state(&h, "m", &ViewState::default()).unwrap();
    assert_eq!(
        state_from_hash(&h, "m.2", &ViewState::default())
            .unwrap()
            .query,
        "hipaa"
    );
}

#[test]
fn namespaces_with_separators_are_encoded() {
    let s = ViewState {
        query: "pci".into(),
        ..ViewState::default()
    };
    let h = hash_with_state("", "a&b c", &s).unwrap();
    assert_eq!(h, "#a%26b%20c.query=pci");
    assert_eq!(
        state_from_hash(&h, "a&b c", &ViewState::default())
            .unwrap()
            .query,
        "pci"
    );
    // Writing again replaces the key instead of adding a second one.
    let h = hash_with_state(&h, "a&b c", &s).unwrap();
    assert_eq!(h.matches("query").count(), 1);
}

#[test]
fn a_partial_hash_applies_on_top_of_the_base() {
    let base = sample();
    let s = state_from_hash("#cm.query=hipaa", "cm", &base).unwrap();
    assert_eq!(s.query, "hipaa");
    assert_eq!(s.sort, base.sort);
}

#[test]
fn a_partial_state_keeps_the_fields_it_does_not_name() {
    let current = sample();
    let given = ViewState {
        query: "soc".into(),
        ..ViewState::default()
    };
    let v = current.with_fields(&given, &[Opt::Query, Opt::Compare]);
    assert_eq!(v.query, "soc");
    assert_eq!(v.compare, None);
    assert_eq!(v.sort, current.sort);
    assert_eq!(v.revision, current.revision);
}

#[test]
fn saved_state_is_plain_json() {
    let text = serde_json::to_string(&sample()).unwrap();
    assert_eq!(serde_json::from_str::<ViewState>(&text).unwrap(), sample());
    let partial: ViewState = serde_json::from_str(r#"{"query":"x","visible":["a"]}"#).unwrap();
    assert_eq!(partial.query, "x");
    assert_eq!(partial.sort, "");
}

#[test]
fn percent_coding_round_trips_and_keeps_bad_sequences() {
    for s in ["a b", "ä,:%", "x&y=z#", "%zz"] {
        assert_eq!(percent_decode(&percent_encode(s)), s);
    }
    assert_eq!(percent_decode("%zz+%41"), "%zz A");
}

#[test]
fn the_page_then_the_hash_then_what_the_user_did() {
    let page = ViewState {
        query: "iso".into(),
        sort: "program:asc".into(),
        ..ViewState::default()
    };
    let hash = state_from_hash("#cm.query=soc", "cm", &page).unwrap();
    let user = Remembered {
        view: ViewState {
            sort: "eks:desc".into(),
            ..ViewState::default()
        },
        fields: vec![Opt::Sort],
        on: None,
    };
    let v = start_view(&page, Some(&hash), Some(&user));
    assert_eq!(v.query, "soc", "the hash over the page");
    assert_eq!(v.sort, "eks:desc", "the user over both");
    assert_eq!(start_view(&page, None, None), page);
    assert_eq!(start_view(&page, Some(&hash), None).sort, "program:asc");
}

#[test]
fn an_option_set_again_applies_over_what_was_remembered() {
    let mut user = Remembered::whole(sample());
    user.forget([Opt::Sort, Opt::Query]);
    let page = ViewState {
        query: "page".into(),
        sort: "program:desc".into(),
        ..ViewState::default()
    };
    let v = start_view(&page, None, Some(&user));
    assert_eq!(
        (v.query.as_str(), v.sort.as_str()),
        ("page", "program:desc")
    );
    assert_eq!(v.status, sample().status, "the rest is still the user's");
}

#[test]
fn values_over_the_limits_are_refused_before_any_work() {
    let tags: Vec<String> = (0..20_000).map(|i| format!("f:v{i}")).collect();
    let many = tags.join(",");
    assert!(check_value(Opt::Tags, &many)
        .unwrap_err()
        .contains("characters"));
    let short: Vec<String> = (0..1_500).map(|_| "a:b".to_string()).collect();
    assert!(check_value(Opt::Tags, &short.join(","))
        .unwrap_err()
        .contains("1500 values"));
    assert!(check_value(Opt::Query, &"q".repeat(MAX_VALUE_CHARS + 1)).is_err());
    assert!(check_value(Opt::Tags, &short[..1_000].join(",")).is_ok());
    // A link holding them keeps its other keys and leaves those out.
    let hash = format!("#cm.query=iso&cm.tags={}", many);
    let s = state_from_hash(&hash, "cm", &ViewState::default()).unwrap();
    assert_eq!(s.query, "iso");
    assert!(s.tags.is_empty());
}
