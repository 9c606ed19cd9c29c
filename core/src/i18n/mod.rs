//! Words the widget shows that are not data. Every UI string is a key of one catalog
//! ([`en`], the English fallback), translated in one module per shipped language and filled by
//! [`format`]; the functions here put the sentences together that need the widget's state.

/// Separates the texts of a catalog, which are one string: a table of (key, text) pairs would
/// add 12 bytes of pointers per text to the wasm (≈ 7 kB gzip for the five translations).
pub(crate) const SEP: char = '\u{1f}';

/// A translation: every key of `en.rs` in its order (a test checks the keys), as one string.
#[cfg(feature = "translations")]
macro_rules! translation {
    ($(($key:path, $text:literal),)*) => {
        pub(crate) const TEXTS: &str = concat!($($text, "\u{1f}",)*);
        #[cfg(test)]
        use super::en::K;
        #[cfg(test)]
        pub(crate) const KEYS: &[K] = &[$($key,)*];
    };
}

#[cfg(feature = "translations")]
mod de;
pub mod en;
#[cfg(feature = "translations")]
mod es;
pub mod format;
#[cfg(feature = "translations")]
mod fr;
#[cfg(feature = "translations")]
mod ja;
#[cfg(feature = "translations")]
mod ko;
pub mod strings;

pub use en::K;
pub use format::{english_date, plain_digits, Arg, Locale, Plain};
pub use strings::{add_catalog, parse_overrides, shipped, spoken, Strings, LANGUAGES};

use crate::dataset::{Cell, Status};
use crate::query::{SortField, StatusFilter};
use crate::responsibility::Owner;
use crate::state::AppState;
use Arg::{Num, Text};

/// A status as a badge: "In scope".
pub fn status_text(t: &Strings, s: Status) -> &str {
    t.get(match s {
        Status::InScope => K::statusInScope,
        Status::InProgress => K::statusInProgress,
        Status::NotInScope => K::statusNotInScope,
        Status::Unknown => K::statusUnknown,
    })
}

/// A status inside a sentence: "in scope".
pub fn status_inline(t: &Strings, s: Status) -> &str {
    t.get(match s {
        Status::InScope => K::inlineInScope,
        Status::InProgress => K::inlineInProgress,
        Status::NotInScope => K::inlineNotInScope,
        Status::Unknown => K::inlineUnknown,
    })
}

/// A cell in words inside a sentence: `in scope`, or `in progress (3PAO Assessment)`.
pub fn cell_words(t: &Strings, c: &Cell) -> String {
    let status = status_inline(t, c.status);
    match &c.label {
        Some(l) => t.fmt(
            K::cellLabelled,
            &[("status", Text(status)), ("label", Text(l))],
        ),
        None => status.to_string(),
    }
}

/// An owner's name: "AWS", "Customer", "Shared", "Not applicable" (`short`: "n/a").
pub fn owner_text(t: &Strings, o: Owner, short: bool) -> &str {
    t.get(match o {
        Owner::Aws => K::ownerAws,
        Owner::Customer => K::ownerCustomer,
        Owner::Shared => K::ownerShared,
        Owner::NotApplicable if short => K::ownerNotApplicableShort,
        Owner::NotApplicable => K::ownerNotApplicable,
    })
}

/// A layer of the responsibility model by its id, in the reader's language; a layer the
/// catalog does not know keeps the model's name.
pub fn layer_name<'a>(t: &'a Strings, id: &str, name: &'a str) -> &'a str {
    let k = match id {
        "facilities" => K::layerFacilities,
        "hardware" => K::layerHardware,
        "virtualization" => K::layerVirtualization,
        "host-os" => K::layerHostOs,
        "runtime" => K::layerRuntime,
        "control-plane" => K::layerControlPlane,
        "capacity" => K::layerCapacity,
        "registry-storage" => K::layerRegistryStorage,
        "network-config" => K::layerNetworkConfig,
        "iam" => K::layerIam,
        "cluster-config" => K::layerClusterConfig,
        "images" => K::layerImages,
        "application" => K::layerApplication,
        "data" => K::layerData,
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
            K::laterLabelled,
            &[
                ("status", status),
                ("label", Text(l)),
                ("revision", Text(revision)),
            ],
        ),
        None => t.fmt(
            K::later,
            &[("status", status), ("revision", Text(revision))],
        ),
    }
}

/// "5 of the cells shown read otherwise in the latest revision (2021-04-24)."
pub fn superseded_summary(t: &Strings, n: usize, latest: &str) -> String {
    t.fmt(K::superseded, &[("count", Num(n)), ("date", Text(latest))])
}

/// While `src` loads: whether the previous data stays shown meanwhile.
pub fn loading_text(t: &Strings, url: &str, previous_shown: bool) -> String {
    let k = if previous_shown {
        K::loadingFromPrevious
    } else {
        K::loadingFrom
    };
    t.fmt(k, &[("url", Text(url))])
}

/// "9 of 20 programs".
pub fn count_text(t: &Strings, visible: usize, total: usize) -> String {
    t.fmt(K::count, &[("shown", Num(visible)), ("total", Num(total))])
}

/// The word after a chip's count ("program", "programs"), for a screen reader (the count itself
/// is visible).
pub fn chip_count_word(t: &Strings, n: usize) -> String {
    t.fmt(K::chipCount, &[("count", Num(n))])
}

/// On paper, when a list is too large to print whole.
pub fn print_note(t: &Strings, rows: usize, services: usize) -> String {
    t.fmt(
        K::printNote,
        &[("rows", Num(rows)), ("services", Num(services))],
    )
}

/// Next to the revision picker: how current the upstream table is.
pub fn revision_status(t: &Strings, latest: &str) -> String {
    t.fmt(K::revisionStatus, &[("date", Text(latest))])
}

/// A readable name for a facet (`jurisdiction` → "Jurisdiction"). Facets are slugs (ASCII): one
/// the catalog does not know gets its first letter capitalised without Unicode case tables.
pub fn facet_label(t: &Strings, facet: &str) -> String {
    match facet {
        "jurisdiction" => return t.get(K::facetJurisdiction).to_string(),
        "domain" => return t.get(K::facetDomain).to_string(),
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
        ("jurisdiction", "us") => K::tagJurisdictionUs,
        ("jurisdiction", "au") => K::tagJurisdictionAu,
        ("jurisdiction", "de") => K::tagJurisdictionDe,
        ("jurisdiction", "kr") => K::tagJurisdictionKr,
        ("jurisdiction", "es") => K::tagJurisdictionEs,
        ("jurisdiction", "sg") => K::tagJurisdictionSg,
        ("jurisdiction", "global") => K::tagJurisdictionGlobal,
        ("domain", "payments") => K::tagDomainPayments,
        ("domain", "health") => K::tagDomainHealth,
        ("domain", "government") => K::tagDomainGovernment,
        ("domain", "security") => K::tagDomainSecurity,
        ("domain", "quality") => K::tagDomainQuality,
        ("domain", "privacy") => K::tagDomainPrivacy,
        ("domain", "cloud") => K::tagDomainCloud,
        ("domain", "finance") => K::tagDomainFinance,
        ("domain", "financial-reporting") => K::tagDomainFinancialReporting,
        _ => return value.replace('-', " "),
    };
    t.get(known).to_string()
}

/// "Sorted by ECS Fargate, in scope first, then by program, Z to A." (or source order).
pub fn sort_announcement(t: &Strings, s: &AppState) -> String {
    let ds = &s.dataset;
    if s.query.sort.is_empty() {
        return t.get(K::sortNone).to_string();
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
                        K::sortProgramAsc
                    } else {
                        K::sortProgramDesc
                    })
                    .to_string(),
                SortField::Coverage => t
                    .get(if asc {
                        K::sortCoverageAsc
                    } else {
                        K::sortCoverageDesc
                    })
                    .to_string(),
                SortField::Service(id) => {
                    let name = ds
                        .service_index(id)
                        .map(|i| ds.services[i].name.as_str())
                        .unwrap_or(id);
                    let key = if asc {
                        K::sortServiceAsc
                    } else {
                        K::sortServiceDesc
                    };
                    t.fmt(key, &[("service", Text(name))])
                }
            }
        })
        .collect();
    t.fmt(
        K::sortedBy,
        &[("keys", Text(&keys.join(t.get(K::sortThen))))],
    )
}

/// One line for print: which rows of the matrix this is.
pub fn print_summary(t: &Strings, s: &AppState) -> String {
    let filters = filter_summary(t, s);
    let mut out = t.fmt(
        K::printShowing,
        &[
            ("shown", Num(s.visible.len())),
            ("total", Num(s.dataset.programs.len())),
        ],
    );
    if !filters.is_empty() {
        let list = filters.join(t.get(K::joinList));
        out = t.fmt(
            K::printFiltered,
            &[("text", Text(&out)), ("filters", Text(&list))],
        );
    }
    let sort = s.query.sort_string();
    if !sort.is_empty() {
        out = t.fmt(
            K::printSorted,
            &[("text", Text(&out)), ("sort", Text(&sort))],
        );
    }
    t.fmt(K::printSentence, &[("text", Text(&out))])
}

/// The active filters in words, for the empty state and the printed view.
pub fn filter_summary(t: &Strings, s: &AppState) -> Vec<String> {
    let ds = &s.dataset;
    let mut out = Vec::new();
    if !s.query.text.trim().is_empty() {
        out.push(t.fmt(K::filterText, &[("text", Text(s.query.text.trim()))]));
    }
    if let StatusFilter::Service { service, status } = &s.query.status {
        let name = ds
            .service_index(service)
            .map(|i| ds.services[i].name.as_str())
            .unwrap_or(service);
        out.push(t.fmt(
            K::serviceStatus,
            &[
                ("service", Text(name)),
                ("status", Text(status_inline(t, *status))),
            ],
        ));
    }
    if s.query.gaps {
        out.push(t.get(K::filterGaps).to_string());
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
        let values = values.join(t.get(K::joinOr));
        out.push(t.fmt(
            K::filterFacet,
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
    t.fmt(K::facetFind, &[("facet", Text(facet_title))])
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
        (true, 0) => K::facetNoMatch,
        (true, m) if shown >= m => K::facetMatches,
        (true, _) => K::facetNarrow,
        (false, _) => K::facetWindow,
    };
    t.fmt(k, &args)
}

/// A date from data in the reader's format (the ISO date stays in `datetime`).
pub fn date_text(t: &Strings, iso: &str) -> String {
    if iso.is_empty() {
        t.get(K::unstatedDate).to_string()
    } else {
        t.date(iso)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::Dataset;
    use crate::options;
    use crate::state::Action;
    use std::collections::HashSet;

    fn en() -> Strings {
        Strings::english()
    }

    #[test]
    fn every_shipped_language_has_every_key_once_with_the_english_placeholders() {
        for lang in &LANGUAGES[1..] {
            let keys = strings::keys_of(lang).expect("shipped");
            let texts = strings::texts_of(lang).expect("shipped");
            assert_eq!(keys, K::ALL, "{lang}: the keys of en.rs in its order");
            let texts: Vec<&str> = texts.split_terminator(SEP).collect();
            assert_eq!(texts.len(), keys.len(), "{lang}: a text contains U+001F");
            let mut seen = HashSet::new();
            for (k, text) in keys.iter().zip(texts) {
                assert!(seen.insert(*k), "{lang}: {} twice", k.name());
                let want = format::placeholders(en::english(*k)).unwrap();
                let got = format::placeholders(text)
                    .unwrap_or_else(|| panic!("{lang}.{}: does not parse: {text}", k.name()));
                assert_eq!(got, want, "{lang}.{}: placeholders", k.name());
                assert!(
                    !text.trim().is_empty() || en::english(*k).trim().is_empty(),
                    "{lang}.{} empty",
                    k.name()
                );
            }
            let missing: Vec<&str> = K::ALL
                .iter()
                .filter(|k| !seen.contains(k))
                .map(|k| k.name())
                .collect();
            assert!(missing.is_empty(), "{lang} lacks {missing:?}");
        }
        for k in K::ALL {
            assert!(
                format::placeholders(en::english(*k)).is_some(),
                "en.{}",
                k.name()
            );
            assert_eq!(K::from_name(k.name()), Some(*k));
        }
    }

    #[test]
    fn a_catalog_given_at_run_time_must_be_a_shipped_translation_of_this_version() {
        let de = strings::built_in("de").unwrap().to_string();
        assert_eq!(add_catalog("de", de.clone()), Ok(()));
        assert!(strings::has_catalog("de") && strings::has_catalog("en"));
        for lang in ["en", "pt", "de-AT", "DE", ""] {
            let e = add_catalog(lang, de.clone()).unwrap_err();
            assert!(e.contains("not a shipped translation"), "{lang}: {e}");
        }
        let one_short = de[..de.len() - 1].rsplit_once(SEP).unwrap().0.to_string() + "\u{1f}";
        let e = add_catalog("fr", one_short).unwrap_err();
        assert!(e.contains(&format!("{} keys", K::ALL.len())), "{e}");
        let e = add_catalog("fr", de.trim_end_matches(SEP).to_string()).unwrap_err();
        assert!(e.contains("texts where"), "{e}");
    }

    #[test]
    fn a_catalog_module_is_the_texts_as_one_js_string() {
        let m = strings::catalog_module("ja").unwrap();
        let json = m.lines().nth(1).unwrap();
        let json = json.strip_prefix("export default ").unwrap();
        let json = json.strip_suffix(';').unwrap();
        let back: String = serde_json::from_str(json).unwrap();
        assert_eq!(back, strings::built_in("ja").unwrap());
        assert!(strings::catalog_module("en").is_none());
    }

    #[test]
    fn a_missing_key_falls_back_to_english_and_overrides_win() {
        let (o, errors) = parse_overrides(&[
            ("searchLabel".into(), "Programme filtern".into()),
            ("nope".into(), "x".into()),
            ("count".into(), "{shown".into()),
        ]);
        assert_eq!(errors.len(), 2, "{errors:?}");
        assert!(errors[0].contains("unknown key 'nope'"));
        assert!(errors[1].starts_with("strings.count:"));
        let t = Strings::new("pt-BR", &o, std::rc::Rc::new(Plain));
        assert_eq!(t.lang, "pt-BR");
        assert_eq!(t.get(K::searchLabel), "Programme filtern");
        assert_eq!(t.get(K::copyLink), "Copy link");
        assert_eq!(
            Strings::new("pt-BR", &[], std::rc::Rc::new(Plain)).lang,
            "en"
        );
        assert_eq!(
            Strings::new("de-AT", &[], std::rc::Rc::new(Plain)).lang,
            "de"
        );
        assert_eq!(shipped("KO_kr"), Some("ko"));
        assert_eq!(shipped(""), None);
    }

    #[test]
    fn around_splits_a_template_at_its_element() {
        let t = en();
        assert_eq!(
            t.around(K::asOf, "date", &[]),
            ("As of ".to_string(), String::new())
        );
        assert_eq!(
            t.around(K::source, "source", &[]),
            ("Source: ".to_string(), String::new())
        );
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
        assert!(superseded_summary(&t, 5, "2021-04-24")
            .starts_with("5 of the cells shown read otherwise"));
        assert!(superseded_summary(&t, 1, "2021-04-24")
            .starts_with("1 of the cells shown reads otherwise"));
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
}
