//! Text rules shared by search, import and ids: case and accent folding, words, slugs.

/// Folds common Latin accents to their base letter (`é` → `e`, `ß` → `s`), so filters are
/// accent-insensitive without a Unicode normalisation table.
pub fn fold_char(c: char) -> char {
    match c {
        'à'..='å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => 'c',
        'ď' | 'đ' => 'd',
        'è'..='ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => 'e',
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => 'g',
        'ĥ' | 'ħ' => 'h',
        'ì'..='ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => 'i',
        'ĵ' => 'j',
        'ķ' => 'k',
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => 'l',
        'ñ' | 'ń' | 'ņ' | 'ň' => 'n',
        'ò'..='ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => 'o',
        'ŕ' | 'ŗ' | 'ř' => 'r',
        'ś' | 'ŝ' | 'ş' | 'š' | 'ß' => 's',
        'ţ' | 'ť' | 'ŧ' => 't',
        'ù'..='ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => 'u',
        'ŵ' => 'w',
        'ý' | 'ÿ' | 'ŷ' => 'y',
        'ź' | 'ż' | 'ž' => 'z',
        _ => c,
    }
}

/// Splits a text into lowercase, accent-folded words of letters and digits.
pub fn words(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut push = |c: char, cur: &mut String| {
        if c.is_alphanumeric() {
            cur.push(c);
        } else if !cur.is_empty() {
            out.push(std::mem::take(cur));
        }
    };
    for ch in s.chars() {
        // ASCII (most names) skips the Unicode case and fold tables; the result is the same.
        if ch.is_ascii() {
            push(ch.to_ascii_lowercase(), &mut cur);
        } else {
            for c in ch.to_lowercase().map(fold_char) {
                push(c, &mut cur);
            }
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

pub fn normalize_name(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The longest slug [`id_for`] keeps of a name; a longer one is cut and hashed.
const MAX_SLUG: usize = 80;

/// An id for a name (trimmed): its slug when the slug keeps everything but case, accents and
/// the choice of a single space or `-` between words (`SOC II` → `soc-ii`). When the slug loses
/// more (letters it cannot keep, as in `個人情報保護法`; other punctuation, as the `++` of
/// `C++ Secure Coding` or the `=` of `=x`; doubled or outer separators; anything past 80
/// characters), a stable hash of the whole name is appended, so such names neither fail nor
/// collide with the name their slug also spells. Names that still meet (`SOC II`, `soc ii`)
/// are told apart by [`Ids`]. The result is at most 89 characters.
pub fn id_for(name: &str) -> String {
    let name = name.trim();
    let slug = slugify(name);
    let lossy = name
        .chars()
        .map(fold_char)
        .any(|c| c.is_alphanumeric() && !c.is_ascii())
        || slug_is_cut(name)
        || !plain_separators(name);
    if !lossy && !slug.is_empty() {
        return slug;
    }
    // FNV-1a: stable across builds and platforms.
    let hash = name.bytes().fold(0x811c_9dc5_u32, |h, b| {
        (h ^ b as u32).wrapping_mul(0x0100_0193)
    });
    if slug.is_empty() {
        format!("x-{hash:08x}")
    } else {
        format!("{slug}-{hash:08x}")
    }
}

/// Whether every character that is not a letter or digit is a single space or `-` between two
/// letters or digits: then the slug's dashes are exactly the name's separators.
fn plain_separators(name: &str) -> bool {
    let mut prev_word = false;
    let mut chars = name.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_alphanumeric() {
            prev_word = true;
        } else if (c == ' ' || c == '-')
            && prev_word
            && chars.peek().is_some_and(|n| n.is_alphanumeric())
        {
            prev_word = false;
        } else {
            return false;
        }
    }
    true
}

/// Whether [`slugify`] stops before the end of the name's letters and digits.
fn slug_is_cut(name: &str) -> bool {
    let mut len = 0;
    let mut dash = false;
    for c in name.chars().flat_map(char::to_lowercase) {
        if fold_char(c).is_ascii_alphanumeric() {
            len += usize::from(dash) + 1;
            dash = false;
            if len > MAX_SLUG {
                return true;
            }
        } else if len > 0 {
            dash = true;
        }
    }
    false
}

/// A value as a quoted CSS string (for an attribute selector such as `[data-program="…"]`).
pub fn css_quoted(v: &str) -> String {
    format!("\"{}\"", v.replace('\\', "\\\\").replace('"', "\\\""))
}

/// A service's name for a narrow column header: the vendor prefix dropped ("Amazon ECS" →
/// "ECS", "AWS Fargate" → "Fargate"), and a long name cut to the acronym it gives in brackets
/// ("Amazon Elastic Kubernetes Service (EKS)" → "EKS"). Other names stay whole.
pub fn short_name(name: &str) -> &str {
    let name = name.trim();
    let bare = ["Amazon ", "AWS "]
        .iter()
        .find_map(|p| name.strip_prefix(p))
        .filter(|rest| !rest.trim().is_empty())
        .unwrap_or(name);
    if bare.chars().count() > 12 {
        if let Some(abbr) = bare
            .rsplit_once('(')
            .and_then(|(_, rest)| rest.split_once(')'))
            .map(|(inside, _)| inside.trim())
            .filter(|a| {
                a.chars().count() <= 12
                    && a.chars().any(|c| c.is_ascii_uppercase())
                    && a.chars()
                        .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
            })
        {
            return abbr;
        }
    }
    bare
}

/// Unique ids for the names of one list (the programs or the services of a table), given in
/// order: [`id_for`] of each, and when that id is already taken (by a reserved id or an
/// earlier name) the first free of `-2`, `-3`, … appended. Ids stay slugs of at most 100
/// characters.
#[derive(Debug, Default)]
pub struct Ids {
    taken: std::collections::HashSet<String>,
    /// The next suffix to try per id, so many names of one id stay linear.
    next: std::collections::HashMap<String, usize>,
}

impl Ids {
    pub fn new() -> Ids {
        Ids::default()
    }

    /// Marks an id as taken (a known program's canonical id), so no name gets it.
    pub fn reserve(&mut self, id: &str) {
        self.taken.insert(id.to_string());
    }

    /// The id of the next name.
    pub fn next_for(&mut self, name: &str) -> String {
        let base = id_for(name);
        if self.taken.insert(base.clone()) {
            return base;
        }
        let mut n = self.next.get(&base).copied().unwrap_or(2);
        loop {
            let suffix = format!("-{n}");
            let keep = base.len().min(100 - suffix.len());
            let id = format!("{}{suffix}", base[..keep].trim_end_matches('-'));
            n += 1;
            if self.taken.insert(id.clone()) {
                self.next.insert(base, n);
                return id;
            }
        }
    }
}

/// Lowercase, ASCII letters and digits joined by single dashes.
pub fn slugify(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars().flat_map(char::to_lowercase) {
        let c = fold_char(c);
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
        if out.len() >= MAX_SLUG {
            break;
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

/// A text split into plain runs and the `http:`/`https:` links inside it, in order (`true`: a
/// link). A link ends at whitespace, and a trailing `.`, `,`, `;`, `:` or `)` is left out of it.
/// The widget renders the links as links and everything else as text, never as HTML.
pub fn split_links(text: &str) -> Vec<(bool, &str)> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(at) = ["https://", "http://"]
        .iter()
        .filter_map(|p| rest.find(p))
        .min()
    {
        let end = rest[at..]
            .find(char::is_whitespace)
            .map_or(rest.len(), |e| at + e);
        let link = rest[at..end].trim_end_matches(['.', ',', ';', ':', ')']);
        let end = at + link.len();
        if at > 0 {
            out.push((false, &rest[..at]));
        }
        out.push((true, link));
        rest = &rest[end..];
    }
    if !rest.is_empty() {
        out.push((false, rest));
    }
    out
}

/// How deep the arrays and objects of a JSON text nest (0: a bare value), counted in one pass
/// without recursion: a value from a page is measured before anything walks it. Brackets inside
/// strings do not count.
pub fn json_nesting(text: &str) -> usize {
    let (mut depth, mut deepest) = (0usize, 0usize);
    let (mut in_string, mut escaped) = (false, false);
    for b in text.bytes() {
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    deepest
}

/// An id: 1–100 of `a`–`z`, `0`–`9` and `-`, not starting with `-` (what [`id_for`] makes).
pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 100
        && s.bytes()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == b'-')
        && !s.starts_with('-')
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `words` takes a shortcut for ASCII; it must split and fold exactly as the Unicode path.
    #[test]
    fn words_ascii_shortcut_matches_the_unicode_path() {
        let reference = |s: &str| -> Vec<String> {
            let mut out = Vec::new();
            let mut cur = String::new();
            for c in s.chars().flat_map(char::to_lowercase).map(fold_char) {
                if c.is_alphanumeric() {
                    cur.push(c);
                } else if !cur.is_empty() {
                    out.push(std::mem::take(&mut cur));
                }
            }
            if !cur.is_empty() {
                out.push(cur);
            }
            out
        };
        for s in [
            "PCI DSS Level 1",
            "ISO/IEC 27001:2013, 27017, 27018",
            "Ärztekammer Über-Straße ÉCOLE naïve",
            "C5 (Cloud Computing Compliance Controls Catalogue)",
            "İstanbul ΣΊΣΥΦΟΣ ǅemal 🙂 x_y-z 3PAO",
            "",
            "  --  ",
        ] {
            assert_eq!(words(s), reference(s), "{s}");
        }
        assert_eq!(words("Über ÉCOLE-3"), ["uber", "ecole", "3"]);
    }

    #[test]
    fn ids_keep_slugs_that_lose_nothing_and_hash_the_others() {
        // Unchanged: the slug spells the name up to case, accents and single separators.
        for (name, id) in [
            ("SOC II", "soc-ii"),
            ("New Thing", "new-thing"),
            (" PCI DSS Level 1 ", "pci-dss-level-1"),
            ("K-ISMS", "k-isms"),
            ("naïve école", "naive-ecole"),
        ] {
            assert_eq!(id_for(name), id, "{name}");
        }
        // Lossy slugs get the name's hash: these pairs once shared an id.
        let pairs = [
            ("C++ Secure Coding", "C Secure Coding"),
            ("=x", "-x"),
            ("=x", "x"),
            ("a - b", "a-b"),
            ("a  b", "a b"),
            ("ISO 9001:2015", "ISO 9001 2015"),
        ];
        for (a, b) in pairs {
            assert_ne!(id_for(a), id_for(b), "{a} / {b}");
        }
        assert_eq!(id_for("C Secure Coding"), "c-secure-coding");
        assert!(id_for("C++ Secure Coding").starts_with("c-secure-coding-"));
        assert!(id_for("=x").starts_with("x-"));
        let long = "a".repeat(99);
        let (a, b) = (format!("{long}a"), format!("{long}b"));
        assert_ne!(id_for(&a), id_for(&b));
        assert_eq!(id_for(&a).len(), 89);
        // Exactly 80 letters are not cut.
        assert_eq!(id_for(&"b".repeat(80)), "b".repeat(80));
        assert_ne!(id_for(&"b".repeat(81)), "b".repeat(80));
        for name in [a.as_str(), "C++ Secure Coding", "=x", "個人情報保護法", "★"] {
            assert!(is_slug(&id_for(name)), "{name}");
        }
    }

    #[test]
    fn ids_number_names_that_still_meet() {
        let mut ids = Ids::new();
        ids.reserve("soc-3");
        assert_eq!(ids.next_for("SOC X"), "soc-x");
        assert_eq!(ids.next_for("soc x"), "soc-x-2");
        assert_eq!(ids.next_for("SOC-X"), "soc-x-3");
        assert_eq!(ids.next_for("SOC X 2"), "soc-x-2-2");
        assert_eq!(ids.next_for("soc 3"), "soc-3-2");
        // Long ids stay slugs of at most 100 characters.
        let long = format!("{}+", "z".repeat(120));
        let first = ids.next_for(&long);
        let mut last = first.clone();
        for _ in 0..12 {
            last = ids.next_for(&long);
        }
        assert_eq!(first.len(), 89);
        assert!(last.ends_with("-13") && last.len() <= 100, "{last}");
        assert!(is_slug(&last));
    }

    #[test]
    fn links_are_split_out_of_text_without_trailing_punctuation() {
        assert_eq!(
            split_links("reports come from AWS Artifact (https://aws.amazon.com/artifact/)."),
            [
                (false, "reports come from AWS Artifact ("),
                (true, "https://aws.amazon.com/artifact/"),
                (false, ")."),
            ]
        );
        assert_eq!(split_links("no link here"), [(false, "no link here")]);
        assert_eq!(
            split_links("http://a.example, then https://b.example"),
            [
                (true, "http://a.example"),
                (false, ", then "),
                (true, "https://b.example")
            ]
        );
        assert!(split_links("").is_empty());
    }

    #[test]
    fn short_names_drop_the_vendor_and_take_the_abbreviation_of_a_long_name() {
        assert_eq!(short_name("Amazon ECS"), "ECS");
        assert_eq!(short_name("ECS Fargate"), "ECS Fargate");
        assert_eq!(short_name("AWS Fargate"), "Fargate");
        assert_eq!(short_name("Amazon Elastic Kubernetes Service (EKS)"), "EKS");
        assert_eq!(short_name("Payroll (internal)"), "Payroll (internal)");
        assert_eq!(short_name("Amazon"), "Amazon");
        assert_eq!(short_name("  Amazon ECR "), "ECR");
    }

    #[test]
    fn css_strings_escape_quotes_and_backslashes() {
        assert_eq!(css_quoted("irap"), "\"irap\"");
        assert_eq!(css_quoted("a\"b\\c"), "\"a\\\"b\\\\c\"");
    }

    #[test]
    fn json_nesting_counts_brackets_outside_strings() {
        assert_eq!(json_nesting("1"), 0);
        assert_eq!(json_nesting(r#"{"a":[1,2]}"#), 2);
        assert_eq!(json_nesting(r#"{"a":"[[[{{\"]]"}"#), 1);
        assert_eq!(
            json_nesting(&("[".repeat(10_000) + &"]".repeat(10_000))),
            10_000
        );
    }
}
