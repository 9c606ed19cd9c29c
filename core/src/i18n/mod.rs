//! Words the widget shows that are not data: the seed of the UI string table.

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
        _ => "",
    };
    if known.is_empty() {
        value.replace('-', " ")
    } else {
        known.to_string()
    }
}
