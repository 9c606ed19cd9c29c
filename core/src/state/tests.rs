//! Tests of the reducer: options, actions, view state, revisions.

use super::*;
use crate::dataset::Status;

fn opts<const N: usize>(pairs: [(Opt, &str); N]) -> Options {
    Options::of(pairs.map(|(k, v)| (k, Some(v.to_string()))))
}

#[test]
fn options_filter_and_sort_the_rows() {
    let mut s = AppState::new(Dataset::embedded());
    s.apply_options(&opts([
        (Opt::Status, "fargate:not-in-scope"),
        (Opt::Sort, "program:desc"),
    ]));
    let snap = s.snapshot();
    assert_eq!(snap.visible.len(), 8);
    assert_eq!(snap.visible[0], "ospar");
    assert_eq!(snap.state.sort, "program:desc");
    assert!(s
        .option_error_list(&crate::i18n::Strings::english())
        .is_empty());
}

#[test]
fn a_changed_attribute_keeps_what_the_user_did_with_the_others() {
    let mut s = AppState::new(Dataset::embedded());
    s.apply_options(&opts([(Opt::Theme, "light")]));
    s.apply(Action::SetText("soc".into()));
    s.apply_options(&opts([(Opt::Theme, "dark")]));
    assert_eq!(s.theme, Theme::Dark);
    assert_eq!(s.visible.len(), 3);
}

#[test]
fn bad_options_are_reported_by_name_and_kept_until_fixed() {
    let mut s = AppState::new(Dataset::embedded());
    s.apply_options(&opts([(Opt::Sort, "lambda")]));
    assert_eq!(
        s.option_error_list(&crate::i18n::Strings::english()).len(),
        1
    );
    assert!(s.option_error_list(&crate::i18n::Strings::english())[0].starts_with("sort:"));
    s.apply_options(&opts([(Opt::Theme, "dark")]));
    assert_eq!(
        s.option_error_list(&crate::i18n::Strings::english()).len(),
        1
    );
    s.apply_options(&opts([(Opt::Sort, "ecs")]));
    assert!(s
        .option_error_list(&crate::i18n::Strings::english())
        .is_empty());
}

#[test]
fn hiding_and_moving_columns() {
    let mut s = AppState::new(Dataset::embedded());
    s.apply(Action::ToggleService("eks".into()));
    assert_eq!(s.snapshot().state.services, ["ecs", "fargate", "ecr"]);
    s.apply(Action::MoveService {
        service: "ecr".into(),
        by: -1,
    });
    assert_eq!(s.snapshot().state.services, ["ecs", "ecr", "fargate"]);
    s.apply(Action::ToggleService("eks".into()));
    assert_eq!(
        s.snapshot().state.services,
        ["ecs", "eks", "ecr", "fargate"]
    );
    // Moving past the edge changes nothing.
    assert!(!s.apply(Action::MoveService {
        service: "ecs".into(),
        by: -1
    }));
    // The last column cannot be hidden.
    for id in ["ecs", "eks", "ecr", "fargate"] {
        s.apply(Action::ToggleService(id.into()));
    }
    assert_eq!(s.snapshot().state.services, ["fargate"]);
}

#[test]
fn the_hash_round_trips_and_keeps_other_widgets_keys() {
    use crate::view_state::{hash_with_state, percent_decode, state_from_hash};
    let mut s = AppState::new(Dataset::embedded());
    s.apply(Action::SetText("iso 27".into()));
    s.apply(Action::ToggleSort {
        field: SortField::Program,
        additive: false,
    });
    s.apply(Action::SetGaps(true));
    let hash = hash_with_state("#other.query=x&plain=1", "cm", &s.view_state()).unwrap();
    assert_eq!(
        hash,
        "#other.query=x&plain=1&cm.query=iso%2027&cm.gaps=1&cm.sort=program:asc"
    );
    let v = state_from_hash(&hash, "cm", &ViewState::default()).unwrap();
    let mut t = AppState::new(Dataset::embedded());
    t.apply(Action::Restore(Box::new(v)));
    assert_eq!(t.query, s.query);
    assert_eq!(
        state_from_hash(&hash, "other", &ViewState::default())
            .unwrap()
            .query,
        "x"
    );
    assert!(state_from_hash(&hash, "third", &ViewState::default()).is_none());
    assert_eq!(percent_decode("caf%C3%A9%2"), "café%2");
}

#[test]
fn a_saved_state_restores_the_view_on_another_state() {
    let mut s = AppState::new(Dataset::embedded());
    s.apply_options(&opts([(Opt::Revision, "latest")]));
    s.apply(Action::SetText("fed".into()));
    s.apply(Action::ToggleService("ecr".into()));
    s.apply(Action::ToggleSort {
        field: SortField::Service("eks".into()),
        additive: false,
    });
    let saved = s.view_state();
    let mut t = AppState::new(Dataset::embedded());
    assert!(t.check_view_state(&saved).is_ok());
    assert!(t.apply(Action::Restore(Box::new(saved.clone()))));
    assert_eq!(t.view_state(), saved);
    assert_eq!(t.snapshot().visible, s.snapshot().visible);
    assert_eq!(t.revision, "2021-04-24");
}

#[test]
fn a_view_state_that_does_not_fit_is_named() {
    let s = AppState::new(Dataset::embedded());
    let bad = ViewState {
        sort: "lambda".into(),
        ..ViewState::default()
    };
    assert!(s
        .check_view_state(&bad)
        .unwrap_err()
        .starts_with("sort: unknown key"));
    let bad = ViewState {
        revision: Some("1999-01-01".into()),
        ..ViewState::default()
    };
    assert!(s
        .check_view_state(&bad)
        .unwrap_err()
        .contains("unknown revision"));
}

#[test]
fn setting_an_option_again_wins_over_what_the_reader_did() {
    let mut s = AppState::new(Dataset::embedded());
    s.apply_options(&opts([(Opt::Query, "hipaa")]));
    s.apply(Action::SetText("soc".into()));
    assert_eq!(s.query.text, "soc");
    s.apply_options(&opts([(Opt::Query, "hipaa")]));
    assert_eq!(s.query.text, "hipaa");
}

#[test]
fn compare_mode_marks_what_changed_from_the_older_revision() {
    let mut s = AppState::new(Dataset::embedded());
    s.apply_options(&opts([(Opt::Compare, "latest")]));
    let c = s.comparison.clone().unwrap();
    assert_eq!(
        (c.old_id.as_str(), c.new_id.as_str()),
        ("2020-04-21", "2021-04-24")
    );
    assert_eq!(c.diff.changed.len(), 5);
    assert_eq!(s.snapshot().state.compare.as_deref(), Some("2021-04-24"));
    // The newer revision is shown.
    let irap = s.dataset.program_index("irap").unwrap();
    assert_eq!(
        s.dataset.programs[irap].cells[1].status,
        crate::dataset::Status::InScope
    );
    assert!(s.apply(Action::SetCompare(None)));
    assert!(s.comparison.is_none());
    assert!(s.apply(Action::SetRevision("2020-03-25".into())));
    assert_eq!(s.visible.len(), 17);
    assert_eq!(s.snapshot().state.revision.as_deref(), Some("2020-03-25"));
}

#[test]
fn the_seed_view_knows_its_superseded_cells_and_the_latest_none() {
    let mut s = AppState::new(Dataset::embedded());
    let sup = s
        .superseded
        .clone()
        .expect("the seed is not the latest revision");
    let shown = s.shown_services();
    assert_eq!(sup.count(&s.visible, &shown), 5);
    s.apply(Action::SetText("fedramp".into()));
    assert_eq!(sup.count(&s.visible, &shown), 2);
    assert!(s.apply(Action::SetRevision("latest".into())));
    assert!(s.superseded.is_none());
    // Compare mode shows the newer table: against the latest, nothing is superseded.
    s.apply(Action::SetCompare(Some("2020-04-21".into())));
    assert!(s.superseded.is_none());
    s.apply(Action::SetRevision("2020-03-25".into()));
    assert!(
        s.superseded.is_some(),
        "comparing two old revisions shows an old table"
    );
    s.set_custom(Some(Dataset::embedded()));
    assert!(
        s.superseded.is_none(),
        "a dataset of the page's own has no later revision"
    );
}

#[test]
fn a_pending_source_shows_no_rows_until_it_comes() {
    let mut s = AppState::new(Dataset::embedded());
    s.set_pending(Some("https://example.com/m.csv".into()));
    assert!(s.visible.is_empty());
    assert!(s.snapshot().visible.is_empty());
    s.apply(Action::SetText("soc".into()));
    assert!(
        s.visible.is_empty(),
        "a filter does not bring the embedded rows back"
    );
    s.set_pending(None);
    assert_eq!(s.visible.len(), 3);
}

#[test]
fn unknown_revisions_are_reported() {
    let mut s = AppState::new(Dataset::embedded());
    s.apply_options(&opts([(Opt::Revision, "2019-01-01")]));
    assert!(s.option_error_list(&crate::i18n::Strings::english())[0]
        .starts_with("revision: unknown revision '2019-01-01'"));
    assert_eq!(s.revision, SEED_REVISION);
}

#[test]
fn actions_report_whether_anything_changed() {
    let mut s = AppState::new(Dataset::embedded());
    assert!(!s.apply(Action::ClearFilters));
    assert!(s.apply(Action::ToggleTag("jurisdiction:au".into())));
    assert_eq!(s.snapshot().visible, ["irap"]);
    assert!(s.apply(Action::ClearFilters));
    assert_eq!(s.visible.len(), 20);
}

#[test]
fn options_naming_services_wait_for_the_page_data_then_apply_to_it() {
    use crate::dataset::{from_csv, ImportMeta, Link};
    let mut s = AppState::new(Dataset::embedded());
    s.set_pending(Some("data".into()));
    let given = opts([
        (Opt::Status, "aws-lambda:in-scope"),
        (Opt::Sort, "aws-lambda:desc"),
    ]);
    s.apply_options(&given);
    let t = crate::i18n::Strings::english();
    assert!(
        s.option_error_list(&t).is_empty(),
        "no error on the wrong data"
    );
    let meta = ImportMeta {
        as_of: "2026-12-01".into(),
        source: Link {
            title: "page".into(),
            url: "https://example.com/".into(),
            note: None,
        },
    };
    let page = from_csv("Program,AWS Lambda\nA,1\nB,0\nC,1\n", &meta).unwrap();
    s.set_custom(Some(Rc::new(page)));
    s.set_pending(None);
    s.apply_options(&given);
    assert_eq!(s.option_error_list(&t), Vec::<String>::new());
    assert_eq!(s.snapshot().state.status, "aws-lambda:in-scope");
    assert_eq!(s.snapshot().visible, ["a", "c"]);
}

/// The user's data compared with what they loaded before: the changed cell is marked, the
/// program gone since is listed, and ending the comparison shows their data alone.
#[test]
fn a_hosts_dataset_against_an_earlier_one_marks_what_changed() {
    let before = Dataset::embedded();
    let mut now = (*before).clone();
    let gone = now.programs.pop().expect("a program").id;
    let eks = now.service_index("eks").expect("eks");
    let cell = &mut now.programs[0].cells[eks];
    cell.status = if cell.status == Status::InScope {
        Status::NotInScope
    } else {
        Status::InScope
    };
    let now = Rc::new(now);
    let mut s = AppState::new(now.clone());
    s.set_custom(Some(now.clone()));
    s.set_against(Some(Rc::new(Against {
        old_label: "before.csv".into(),
        new_label: "now.csv".into(),
        old: before.clone(),
    })));
    let c = s.comparison.clone().expect("a comparison");
    assert_eq!(
        (c.old_id.as_str(), c.new_id.as_str()),
        ("before.csv", "now.csv")
    );
    assert_eq!(c.diff.changed.len(), 1);
    assert_eq!(c.diff.removed, std::slice::from_ref(&gone));
    assert!(
        s.snapshot().visible.contains(&gone),
        "the removed row is shown"
    );
    s.set_against(None);
    assert!(s.comparison.is_none());
    assert!(!s.snapshot().visible.contains(&gone));
}
