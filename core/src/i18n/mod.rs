//! Words the widget shows that are not data: the seed of the UI string table.

use crate::query::SortField;
use crate::state::AppState;

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
    let filters = s.filter_summary();
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
