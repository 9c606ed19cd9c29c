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

/// An id for a name: its slug, made unique with a short hash of the name when the name has
/// letters a slug cannot keep (`個人情報保護法`, `ΑΒΓ`), so such names neither fail nor collide.
pub fn id_for(name: &str) -> String {
    let slug = slugify(name);
    let lossy = name
        .chars()
        .map(fold_char)
        .any(|c| c.is_alphanumeric() && !c.is_ascii());
    if !lossy && !slug.is_empty() {
        return slug;
    }
    // FNV-1a: stable across builds and platforms.
    let hash = name.trim().bytes().fold(0x811c_9dc5_u32, |h, b| {
        (h ^ b as u32).wrapping_mul(0x0100_0193)
    });
    if slug.is_empty() {
        format!("x-{hash:08x}")
    } else {
        format!("{slug}-{hash:08x}")
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
        if out.len() >= 80 {
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
}
