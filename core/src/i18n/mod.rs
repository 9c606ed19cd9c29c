//! Words the widget shows that are not data: the seed of the UI string table.

use crate::dataset::Cell;
use crate::query::{SortField, StatusFilter};
use crate::state::AppState;

/// The note on a cell a later revision reads otherwise: "Later: In scope, 2021-04-24", with the
/// source's words when it has them ("Later: In progress (DISA Review (IL5)), 2021-04-24").
pub fn later_note(later: &Cell, revision: &str) -> String {
    match &later.label {
        Some(l) => format!("Later: {} ({l}), {revision}", later.status.text()),
        None => format!("Later: {}, {revision}", later.status.text()),
    }
}

/// "5 of the cells shown read otherwise in the latest revision (2021-04-24)."
pub fn superseded_summary(n: usize, latest: &str) -> String {
    if n == 1 {
        format!("1 of the cells shown reads otherwise in the latest revision ({latest}).")
    } else {
        format!("{n} of the cells shown read otherwise in the latest revision ({latest}).")
    }
}

/// While `src` loads: whether the previous data stays shown meanwhile.
pub fn loading_text(url: &str, previous_shown: bool) -> String {
    if previous_shown {
        format!("Loading data from {url} … The table shows the previous data until it arrives.")
    } else {
        format!("Loading data from {url} …")
    }
}

/// " program" or " programs" after a count, for a screen reader (the count itself is visible).
pub fn programs_word(n: usize) -> &'static str {
    if n == 1 {
        " program"
    } else {
        " programs"
    }
}

/// On paper, when a list is too large to print whole.
pub fn print_note(rows: usize, services: usize) -> String {
    format!("This print shows only the rows and columns that were in view: the whole table ({rows} programs × {services} services) is too large to print. Export it as CSV or Markdown to have all of it.")
}

/// Next to the revision picker: how current the upstream table is.
pub fn revision_status(latest: &str) -> String {
    format!(
        "The upstream table has not changed since {latest}; AWS's current page is the authority."
    )
}

/// A readable name for a facet (`jurisdiction` → "Jurisdiction"). Facets are slugs (ASCII), so
/// the first letter is capitalised without Unicode case tables.
pub fn facet_label(facet: &str) -> String {
    let mut out = facet.replace('-', " ");
    if let Some(first) = out.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    out
}

/// A readable name for a facet value (`jurisdiction:us` → "United States").
pub fn tag_label(facet: &str, value: &str) -> String {
    let known = match (facet, value) {
        ("jurisdiction", "us") => "United States",
        ("jurisdiction", "au") => "Australia",
        ("jurisdiction", "de") => "Germany",
        ("jurisdiction", "kr") => "South Korea",
        ("jurisdiction", "es") => "Spain",
        ("jurisdiction", "sg") => "Singapore",
        ("jurisdiction", "global") => "Global",
        ("domain", "payments") => "Payments",
        ("domain", "health") => "Health",
        ("domain", "government") => "Government",
        ("domain", "security") => "Security",
        ("domain", "quality") => "Quality",
        ("domain", "privacy") => "Privacy",
        ("domain", "cloud") => "Cloud",
        ("domain", "finance") => "Finance",
        ("domain", "financial-reporting") => "Financial reporting",
        _ => "",
    };
    if known.is_empty() {
        value.replace('-', " ")
    } else {
        known.to_string()
    }
}

/// "Sorted by ECS Fargate, in scope first, then by Compliance program, Z to A." (or seed order).
pub fn sort_announcement(s: &AppState) -> String {
    let ds = &s.dataset;
    if s.query.sort.is_empty() {
        return "Rows in source order".to_string();
    }
    let keys: Vec<String> = s
        .query
        .sort
        .iter()
        .map(|k| {
            let asc = k.dir == crate::query::Direction::Asc;
            match &k.field {
                SortField::Program => format!("program, {}", if asc { "A to Z" } else { "Z to A" }),
                SortField::Coverage => format!(
                    "coverage, {}",
                    if asc { "least first" } else { "most first" }
                ),
                SortField::Service(id) => {
                    let name = ds
                        .service_index(id)
                        .map(|i| ds.services[i].name.as_str())
                        .unwrap_or(id);
                    format!(
                        "{name}, {}",
                        if asc {
                            "in scope first"
                        } else {
                            "not stated first"
                        }
                    )
                }
            }
        })
        .collect();
    format!("Sorted by {}", keys.join(", then by "))
}

/// One line for print: which rows of the matrix this is.
pub fn print_summary(s: &AppState) -> String {
    let filters = filter_summary(s);
    let rows = format!(
        "{} of {} programs",
        s.visible.len(),
        s.dataset.programs.len()
    );
    let sort = s.query.sort_string();
    let mut out = if filters.is_empty() {
        format!("Showing {rows}")
    } else {
        format!("Showing {rows} — filtered by {}", filters.join("; "))
    };
    if !sort.is_empty() {
        out.push_str(&format!(" — sorted by {sort}"));
    }
    out.push('.');
    out
}

/// The active filters in words, for the empty state and the printed view.
pub fn filter_summary(s: &AppState) -> Vec<String> {
    let ds = &s.dataset;
    let mut out = Vec::new();
    if !s.query.text.trim().is_empty() {
        out.push(format!("text “{}”", s.query.text.trim()));
    }
    if let StatusFilter::Service { service, status } = &s.query.status {
        let name = ds
            .service_index(service)
            .map(|i| ds.services[i].name.as_str())
            .unwrap_or(service);
        out.push(format!("{name}: {}", status.text().to_lowercase()));
    }
    if s.query.gaps {
        out.push("only rows where the shown services differ".to_string());
    }
    let mut facets: Vec<&str> = Vec::new();
    for t in &s.query.tags {
        if let Some((f, _)) = t.split_once(':') {
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
            .filter_map(|t| {
                t.split_once(':')
                    .filter(|(g, _)| *g == f)
                    .map(|(_, v)| tag_label(f, v))
            })
            .collect();
        out.push(format!("{f}: {}", values.join(" or ")));
    }
    out
}

/// The accessible name of the box that finds values of a long facet.
pub fn facet_find_label(facet_title: &str) -> String {
    format!("Find a {} value", facet_title.to_lowercase())
}

/// What a long facet shows: `shown` chips of `matching` values that match what was typed, of
/// `all` values.
pub fn facet_window_note(shown: usize, matching: usize, all: usize, finding: bool) -> String {
    match (finding, matching) {
        (true, 0) => format!("No value matches (of {all})"),
        (true, m) if shown >= m => format!("{m} of {all} values match"),
        (true, m) => format!("{shown} of {m} matching values shown: type more to narrow"),
        (false, _) => format!("{shown} of {all} values shown: type to find the others"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::Dataset;
    use crate::options;
    use crate::state::Action;

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
            filter_summary(&s),
            [
                "text “zzz”",
                "ECS Fargate: in progress",
                "jurisdiction: Singapore or Germany"
            ]
        );
    }

    #[test]
    fn later_notes_name_the_status_the_words_and_the_revision() {
        use crate::dataset::Status;
        assert_eq!(
            later_note(&Cell::of(Status::InScope), "2021-04-24"),
            "Later: In scope, 2021-04-24"
        );
        let dod = Cell::from_text("DISA Review (IL5)");
        assert_eq!(
            later_note(&dod, "2021-04-24"),
            "Later: In progress (DISA Review (IL5)), 2021-04-24"
        );
        assert!(
            superseded_summary(5, "2021-04-24").starts_with("5 of the cells shown read otherwise")
        );
        assert!(
            superseded_summary(1, "2021-04-24").starts_with("1 of the cells shown reads otherwise")
        );
    }

    #[test]
    fn facet_labels_capitalise_the_slug() {
        assert_eq!(facet_label("jurisdiction"), "Jurisdiction");
        assert_eq!(facet_label("data-residency"), "Data residency");
        assert_eq!(facet_label(""), "");
    }

    #[test]
    fn tag_labels_name_known_values_and_spell_out_others() {
        assert_eq!(tag_label("jurisdiction", "kr"), "South Korea");
        assert_eq!(
            tag_label("domain", "financial-reporting"),
            "Financial reporting"
        );
        assert_eq!(tag_label("domain", "new-thing"), "new thing");
    }
}
