//! Sentences about domain things: statuses, owners and layers in words, counts and summaries
//! of what the widget shows, announcements, notes on revisions, a cell's details
//! ([`details`]) and the diff in words. It sits above the state it describes; [`crate::i18n`]
//! below it knows keys, catalogs and templates, nothing of the domain.

pub mod details;

use crate::dataset::{Cell, Dataset, Status};
use crate::i18n::{Arg, StringKey, Strings};
use crate::query::{SortField, StatusFilter};
use crate::responsibility::Owner;
use crate::revisions::Diff;
use crate::state::AppState;
use Arg::{Num, Text};

/// A status as a badge: "In scope".
pub fn status_text(t: &Strings, s: Status) -> &str {
    t.get(match s {
        Status::InScope => StringKey::statusInScope,
        Status::InProgress => StringKey::statusInProgress,
        Status::NotInScope => StringKey::statusNotInScope,
        Status::Unknown => StringKey::statusUnknown,
    })
}

/// A status inside a sentence: "in scope".
pub fn status_inline(t: &Strings, s: Status) -> &str {
    t.get(match s {
        Status::InScope => StringKey::inlineInScope,
        Status::InProgress => StringKey::inlineInProgress,
        Status::NotInScope => StringKey::inlineNotInScope,
        Status::Unknown => StringKey::inlineUnknown,
    })
}

/// A cell in words inside a sentence: `in scope`, or `in progress (3PAO Assessment)`.
pub fn cell_words(t: &Strings, c: &Cell) -> String {
    let status = status_inline(t, c.status);
    match &c.label {
        Some(l) => t.fmt(
            StringKey::cellLabelled,
            &[("status", Text(status)), ("label", Text(l))],
        ),
        None => status.to_string(),
    }
}

/// An owner's name: "AWS", "Customer", "Shared", "Not applicable" (`short`: "n/a").
pub fn owner_text(t: &Strings, o: Owner, short: bool) -> &str {
    t.get(match o {
        Owner::Aws => StringKey::ownerAws,
        Owner::Customer => StringKey::ownerCustomer,
        Owner::Shared => StringKey::ownerShared,
        Owner::NotApplicable if short => StringKey::ownerNotApplicableShort,
        Owner::NotApplicable => StringKey::ownerNotApplicable,
    })
}

/// A layer of the responsibility model by its id, in the user's language; a layer the
/// catalog does not know keeps the model's name.
pub fn layer_name<'a>(t: &'a Strings, id: &str, name: &'a str) -> &'a str {
    let k = match id {
        "facilities" => StringKey::layerFacilities,
        "hardware" => StringKey::layerHardware,
        "virtualization" => StringKey::layerVirtualization,
        "host-os" => StringKey::layerHostOs,
        "runtime" => StringKey::layerRuntime,
        "control-plane" => StringKey::layerControlPlane,
        "capacity" => StringKey::layerCapacity,
        "registry-storage" => StringKey::layerRegistryStorage,
        "network-config" => StringKey::layerNetworkConfig,
        "iam" => StringKey::layerIam,
        "cluster-config" => StringKey::layerClusterConfig,
        "images" => StringKey::layerImages,
        "application" => StringKey::layerApplication,
        "data" => StringKey::layerData,
        _ => return name,
    };
    t.get(k)
}

/// The note on a cell a later revision reads otherwise: "Later: In scope, 2021-04-24", with the
/// source's words when it has them ("Later: In progress (DISA Review (IL5)), 2021-04-24").
pub fn later_note(t: &Strings, later: &Cell, revision: &str) -> String {
    let status = Text(status_text(t, later.status));
    match &later.label {
        Some(l) => t.fmt(
            StringKey::laterLabelled,
            &[
                ("status", status),
                ("label", Text(l)),
                ("revision", Text(revision)),
            ],
        ),
        None => t.fmt(
            StringKey::later,
            &[("status", status), ("revision", Text(revision))],
        ),
    }
}

/// "5 of the cells shown read otherwise in the latest revision (2021-04-24)."
pub fn superseded_summary(t: &Strings, n: usize, latest: &str) -> String {
    t.fmt(
        StringKey::superseded,
        &[("count", Num(n)), ("date", Text(latest))],
    )
}

/// While `src` loads: whether the previous data stays shown meanwhile.
pub fn loading_text(t: &Strings, url: &str, previous_shown: bool) -> String {
    let k = if previous_shown {
        StringKey::loadingFromPrevious
    } else {
        StringKey::loadingFrom
    };
    t.fmt(k, &[("url", Text(url))])
}

/// "9 of 20 programs".
pub fn count_text(t: &Strings, visible: usize, total: usize) -> String {
    t.fmt(
        StringKey::count,
        &[("shown", Num(visible)), ("total", Num(total))],
    )
}

/// The word after a chip's count ("program", "programs"), for a screen reader (the count itself
/// is visible).
pub fn chip_count_word(t: &Strings, n: usize) -> String {
    t.fmt(StringKey::chipCount, &[("count", Num(n))])
}

/// On paper, when a list is too large to print whole.
pub fn print_note(t: &Strings, rows: usize, services: usize) -> String {
    t.fmt(
        StringKey::printNote,
        &[("rows", Num(rows)), ("services", Num(services))],
    )
}

/// Next to the revision picker: how current the upstream table is.
pub fn revision_status(t: &Strings, latest: &str) -> String {
    t.fmt(StringKey::revisionStatus, &[("date", Text(latest))])
}

/// A readable name for a facet (`jurisdiction` → "Jurisdiction"). Facets are slugs (ASCII): one
/// the catalog does not know gets its first letter capitalised without Unicode case tables.
pub fn facet_label(t: &Strings, facet: &str) -> String {
    match facet {
        "jurisdiction" => return t.get(StringKey::facetJurisdiction).to_string(),
        "domain" => return t.get(StringKey::facetDomain).to_string(),
        _ => {}
    }
    let mut out = facet.replace('-', " ");
    if let Some(first) = out.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    out
}

/// A readable name for a facet value (`jurisdiction:us` → "United States").
pub fn tag_label(t: &Strings, facet: &str, value: &str) -> String {
    let known = match (facet, value) {
        ("jurisdiction", "us") => StringKey::tagJurisdictionUs,
        ("jurisdiction", "au") => StringKey::tagJurisdictionAu,
        ("jurisdiction", "de") => StringKey::tagJurisdictionDe,
        ("jurisdiction", "kr") => StringKey::tagJurisdictionKr,
        ("jurisdiction", "es") => StringKey::tagJurisdictionEs,
        ("jurisdiction", "sg") => StringKey::tagJurisdictionSg,
        ("jurisdiction", "global") => StringKey::tagJurisdictionGlobal,
        ("domain", "payments") => StringKey::tagDomainPayments,
        ("domain", "health") => StringKey::tagDomainHealth,
        ("domain", "government") => StringKey::tagDomainGovernment,
        ("domain", "security") => StringKey::tagDomainSecurity,
        ("domain", "quality") => StringKey::tagDomainQuality,
        ("domain", "privacy") => StringKey::tagDomainPrivacy,
        ("domain", "cloud") => StringKey::tagDomainCloud,
        ("domain", "finance") => StringKey::tagDomainFinance,
        ("domain", "financial-reporting") => StringKey::tagDomainFinancialReporting,
        _ => return value.replace('-', " "),
    };
    t.get(known).to_string()
}

/// "Sorted by ECS Fargate, in scope first, then by program, Z to A." (or source order).
pub fn sort_announcement(t: &Strings, s: &AppState) -> String {
    let ds = &s.dataset;
    if s.query.sort.is_empty() {
        return t.get(StringKey::sortNone).to_string();
    }
    let keys: Vec<String> = s
        .query
        .sort
        .iter()
        .map(|k| {
            let asc = k.dir == crate::query::Direction::Asc;
            match &k.field {
                SortField::Program => t
                    .get(if asc {
                        StringKey::sortProgramAsc
                    } else {
                        StringKey::sortProgramDesc
                    })
                    .to_string(),
                SortField::Coverage => t
                    .get(if asc {
                        StringKey::sortCoverageAsc
                    } else {
                        StringKey::sortCoverageDesc
                    })
                    .to_string(),
                SortField::Service(id) => {
                    let name = ds
                        .service_index(id)
                        .map(|i| ds.services[i].name.as_str())
                        .unwrap_or(id);
                    let key = if asc {
                        StringKey::sortServiceAsc
                    } else {
                        StringKey::sortServiceDesc
                    };
                    t.fmt(key, &[("service", Text(name))])
                }
            }
        })
        .collect();
    t.fmt(
        StringKey::sortedBy,
        &[("keys", Text(&keys.join(t.get(StringKey::sortThen))))],
    )
}

/// One line for print: which rows of the matrix this is.
pub fn print_summary(t: &Strings, s: &AppState) -> String {
    let filters = filter_summary(t, s);
    let mut out = t.fmt(
        StringKey::printShowing,
        &[
            ("shown", Num(s.visible.len())),
            ("total", Num(s.dataset.programs.len())),
        ],
    );
    if !filters.is_empty() {
        let list = filters.join(t.get(StringKey::joinList));
        out = t.fmt(
            StringKey::printFiltered,
            &[("text", Text(&out)), ("filters", Text(&list))],
        );
    }
    let sort = s.query.sort_string();
    if !sort.is_empty() {
        out = t.fmt(
            StringKey::printSorted,
            &[("text", Text(&out)), ("sort", Text(&sort))],
        );
    }
    t.fmt(StringKey::printSentence, &[("text", Text(&out))])
}

/// The active filters in words, for the empty state and the printed view.
pub fn filter_summary(t: &Strings, s: &AppState) -> Vec<String> {
    let ds = &s.dataset;
    let mut out = Vec::new();
    if !s.query.text.trim().is_empty() {
        out.push(t.fmt(
            StringKey::filterText,
            &[("text", Text(s.query.text.trim()))],
        ));
    }
    if let StatusFilter::Service { service, status } = &s.query.status {
        let name = ds
            .service_index(service)
            .map(|i| ds.services[i].name.as_str())
            .unwrap_or(service);
        out.push(t.fmt(
            StringKey::serviceStatus,
            &[
                ("service", Text(name)),
                ("status", Text(status_inline(t, *status))),
            ],
        ));
    }
    if s.query.gaps {
        out.push(t.get(StringKey::filterGaps).to_string());
    }
    let mut facets: Vec<&str> = Vec::new();
    for tag in &s.query.tags {
        if let Some((f, _)) = tag.split_once(':') {
            if !facets.contains(&f) {
                facets.push(f);
            }
        }
    }
    for f in facets {
        let values: Vec<String> = s
            .query
            .tags
            .iter()
            .filter_map(|tag| {
                tag.split_once(':')
                    .filter(|(g, _)| *g == f)
                    .map(|(_, v)| tag_label(t, f, v))
            })
            .collect();
        let values = values.join(t.get(StringKey::joinOr));
        out.push(t.fmt(
            StringKey::filterFacet,
            &[
                ("facet", Text(&facet_label(t, f))),
                ("values", Text(&values)),
            ],
        ));
    }
    out
}

/// The accessible name of the box that finds values of a long facet.
pub fn facet_find_label(t: &Strings, facet_title: &str) -> String {
    t.fmt(StringKey::facetFind, &[("facet", Text(facet_title))])
}

/// What a long facet shows: `shown` chips of `matching` values that match what was typed, of
/// `all` values.
pub fn facet_window_note(
    t: &Strings,
    shown: usize,
    matching: usize,
    all: usize,
    finding: bool,
) -> String {
    let args = [
        ("shown", Num(shown)),
        ("matching", Num(matching)),
        ("all", Num(all)),
    ];
    let k = match (finding, matching) {
        (true, 0) => StringKey::facetNoMatch,
        (true, m) if shown >= m => StringKey::facetMatches,
        (true, _) => StringKey::facetNarrow,
        (false, _) => StringKey::facetWindow,
    };
    t.fmt(k, &args)
}

/// A date from data in the user's format (the ISO date stays in `datetime`).
pub fn date_text(t: &Strings, iso: &str) -> String {
    if iso.is_empty() {
        t.get(StringKey::unstatedDate).to_string()
    } else {
        t.date(iso)
    }
}

/// One line per change of a diff, for the "what changed" list, e.g.
/// `IRAP · Amazon EKS: not in scope → in scope`; the first `most` of them (a comparison of a
/// user's own tables may have a million: [`Diff::len`] says how many there are).
pub fn diff_summary(
    t: &Strings,
    d: &Diff,
    old: &Dataset,
    new: &Dataset,
    most: usize,
) -> Vec<String> {
    let name = |ds: &Dataset, id: &str| {
        ds.program_index(id)
            .map(|i| ds.programs[i].name.clone())
            .unwrap_or_else(|| id.to_string())
    };
    let service = |id: &str| {
        new.service_index(id)
            .map(|i| new.services[i].name.clone())
            .unwrap_or_else(|| id.to_string())
    };
    let cells = d.changed.iter().map(|c| {
        t.fmt(
            StringKey::changeCell,
            &[
                ("program", Text(&name(new, &c.program))),
                ("service", Text(&service(&c.service))),
                ("old", Text(&cell_words(t, &c.old))),
                ("new", Text(&cell_words(t, &c.new))),
            ],
        )
    });
    let added = d
        .added
        .iter()
        .map(|p| t.fmt(StringKey::changeAdded, &[("program", Text(&name(new, p)))]));
    let removed = d.removed.iter().map(|p| {
        t.fmt(
            StringKey::changeRemoved,
            &[("program", Text(&name(old, p)))],
        )
    });
    let renamed = d.renamed.iter().map(|(_, a, b)| {
        t.fmt(
            StringKey::changeRenamed,
            &[("old", Text(a)), ("new", Text(b))],
        )
    });
    cells
        .chain(added)
        .chain(removed)
        .chain(renamed)
        .take(most)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::Dataset;
    use crate::options;
    use crate::state::Action;

    fn en() -> Strings {
        Strings::english()
    }

    #[test]
    fn filter_summary_says_why_rows_are_missing() {
        let mut s = AppState::new(Dataset::embedded());
        s.apply(Action::SetText("zzz".into()));
        s.apply(Action::SetStatus(
            options::parse_status("fargate:in-progress", &Dataset::embedded()).unwrap(),
        ));
        s.apply(Action::ToggleTag("jurisdiction:sg".into()));
        s.apply(Action::ToggleTag("jurisdiction:de".into()));
        assert_eq!(
            filter_summary(&en(), &s),
            [
                "text “zzz”",
                "ECS Fargate: in progress",
                "Jurisdiction: Singapore or Germany"
            ]
        );
        assert_eq!(count_text(&en(), 1, 1), "1 of 1 program");
        assert_eq!(count_text(&en(), 0, 20), "0 of 20 programs");
    }

    #[test]
    fn later_notes_name_the_status_the_words_and_the_revision() {
        let t = en();
        assert_eq!(
            later_note(&t, &Cell::of(Status::InScope), "2021-04-24"),
            "Later: In scope, 2021-04-24"
        );
        let dod = Cell::from_text("DISA Review (IL5)");
        assert_eq!(
            later_note(&t, &dod, "2021-04-24"),
            "Later: In progress (DISA Review (IL5)), 2021-04-24"
        );
        assert!(superseded_summary(&t, 5, "2021-04-24").starts_with("5 cells shown read otherwise"));
        assert!(superseded_summary(&t, 1, "2021-04-24").starts_with("1 cell shown reads otherwise"));
    }

    #[test]
    fn facet_labels_capitalise_the_slug() {
        let t = en();
        assert_eq!(facet_label(&t, "jurisdiction"), "Jurisdiction");
        assert_eq!(facet_label(&t, "data-residency"), "Data residency");
        assert_eq!(facet_label(&t, ""), "");
    }

    #[test]
    fn tag_labels_name_known_values_and_spell_out_others() {
        let t = en();
        assert_eq!(tag_label(&t, "jurisdiction", "kr"), "South Korea");
        assert_eq!(
            tag_label(&t, "domain", "financial-reporting"),
            "Financial reporting"
        );
        assert_eq!(tag_label(&t, "domain", "new-thing"), "new thing");
    }

    #[test]
    fn seed_to_latest_in_words_names_program_service_and_both_readings() {
        let old = crate::revisions::find("2020-04-21").unwrap().dataset;
        let new = crate::revisions::find("2021-04-24").unwrap().dataset;
        let d = crate::revisions::diff(&old, &new);
        assert_eq!(
            diff_summary(&en(), &d, &old, &new, usize::MAX),
            [
                "IRAP · Amazon EKS: not in scope → in scope",
                "FedRAMP Moderate (East/West) · Amazon EKS: in progress (3PAO Assessment) → in scope",
                "FedRAMP High (GovCloud) · Amazon EKS: not in scope → in scope",
                "DOD CC SRG · Amazon EKS: in progress (Undergoing assessment) → in progress (DISA Review (IL5))",
                "OSPAR · Amazon EKS: not in scope → in scope",
            ]
        );
    }
}
