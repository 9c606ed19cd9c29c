//! Character references in a page's text: `&#10003;`, `&#x2713;` and the named ones pages of
//! tables use (`&amp;`, `&nbsp;`, `&check;`, dashes, quotes, accented letters). An unknown name
//! stays as written, as a browser shows it.

use std::borrow::Cow;

/// Named references → characters. Kept short: the ones tables of names and marks use.
const NAMED: &[(&str, &str)] = &[
    ("amp", "&"),
    ("lt", "<"),
    ("gt", ">"),
    ("quot", "\""),
    ("apos", "'"),
    ("nbsp", "\u{a0}"),
    ("ensp", "\u{2002}"),
    ("emsp", "\u{2003}"),
    ("thinsp", "\u{2009}"),
    ("zwsp", "\u{200b}"),
    ("zwnj", "\u{200c}"),
    ("zwj", "\u{200d}"),
    ("shy", "\u{ad}"),
    ("ndash", "–"),
    ("mdash", "—"),
    ("hyphen", "‐"),
    ("minus", "−"),
    ("hellip", "…"),
    ("lsquo", "‘"),
    ("rsquo", "’"),
    ("sbquo", "‚"),
    ("ldquo", "“"),
    ("rdquo", "”"),
    ("bdquo", "„"),
    ("laquo", "«"),
    ("raquo", "»"),
    ("bull", "•"),
    ("middot", "·"),
    ("copy", "©"),
    ("reg", "®"),
    ("trade", "™"),
    ("deg", "°"),
    ("times", "×"),
    ("sect", "§"),
    ("para", "¶"),
    ("dagger", "†"),
    ("Dagger", "‡"),
    ("ast", "*"),
    ("midast", "*"),
    ("check", "✓"),
    ("checkmark", "✓"),
    ("cross", "✗"),
    ("sup1", "¹"),
    ("sup2", "²"),
    ("sup3", "³"),
    ("euro", "€"),
    ("pound", "£"),
    ("yen", "¥"),
    ("aacute", "á"),
    ("agrave", "à"),
    ("acirc", "â"),
    ("auml", "ä"),
    ("Auml", "Ä"),
    ("ccedil", "ç"),
    ("eacute", "é"),
    ("Eacute", "É"),
    ("egrave", "è"),
    ("ecirc", "ê"),
    ("iacute", "í"),
    ("ntilde", "ñ"),
    ("oacute", "ó"),
    ("ocirc", "ô"),
    ("ouml", "ö"),
    ("Ouml", "Ö"),
    ("uacute", "ú"),
    ("uuml", "ü"),
    ("Uuml", "Ü"),
    ("szlig", "ß"),
];

/// The longest name looked up (`checkmark`), so a long run of letters is not read to its end.
const LONGEST: usize = 10;

/// A text with its character references replaced.
pub(crate) fn decode(s: &str) -> Cow<'_, str> {
    if !s.contains('&') {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        match reference(rest) {
            Some((text, used)) => {
                out.push_str(&text);
                rest = &rest[used..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// The reference at the start of `s` (which starts with `&`) and how many bytes it takes.
fn reference(s: &str) -> Option<(Cow<'static, str>, usize)> {
    let b = s.as_bytes();
    if b.get(1) == Some(&b'#') {
        let hex = matches!(b.get(2), Some(b'x' | b'X'));
        let start = if hex { 3 } else { 2 };
        let digits = b[start..]
            .iter()
            .take_while(|c| {
                if hex {
                    c.is_ascii_hexdigit()
                } else {
                    c.is_ascii_digit()
                }
            })
            .count();
        if digits == 0 {
            return None;
        }
        let text = &s[start..start + digits];
        // Too many digits for any character: the replacement character, as a browser shows it.
        let n = if digits > 8 {
            None
        } else {
            u32::from_str_radix(text, if hex { 16 } else { 10 }).ok()
        };
        let c = n
            .filter(|&n| n != 0)
            .and_then(char::from_u32)
            .unwrap_or('\u{fffd}');
        let end = start + digits + usize::from(b.get(start + digits) == Some(&b';'));
        return Some((Cow::Owned(c.to_string()), end));
    }
    let name_len = b[1..]
        .iter()
        .take(LONGEST + 1)
        .take_while(|c| c.is_ascii_alphanumeric())
        .count();
    if name_len == 0 || name_len > LONGEST || b.get(1 + name_len) != Some(&b';') {
        return None;
    }
    let name = &s[1..1 + name_len];
    NAMED
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, t)| (Cow::Borrowed(*t), name_len + 2))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn named_decimal_and_hex_references_are_decoded() {
        assert_eq!(decode("AT&amp;T &lt;b&gt;"), "AT&T <b>");
        assert_eq!(decode("&#10003; &#x2713; &#X2714; &check;"), "✓ ✓ ✔ ✓");
        assert_eq!(decode("a&nbsp;b&mdash;c"), "a\u{a0}b—c");
        assert_eq!(decode("&#65&#66;"), "AB");
    }

    #[test]
    fn broken_and_unknown_references_stay_or_become_the_replacement_character() {
        assert_eq!(decode("&unknown; & &; &#; &#x;"), "&unknown; & &; &#; &#x;");
        assert_eq!(decode("&amp"), "&amp");
        assert_eq!(
            decode("&#0; &#xD800; &#x110000; &#99999999999;"),
            "\u{fffd} \u{fffd} \u{fffd} \u{fffd}"
        );
        assert_eq!(decode(&format!("&{};", "a".repeat(5000))).len(), 5002);
        assert!(matches!(decode("plain"), Cow::Borrowed("plain")));
    }
}
