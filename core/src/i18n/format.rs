//! Message templates: `{name}` is replaced by an argument; `{n, plural, one {# program} other
//! {# programs}}` picks a branch by the plural category of `n` (`=0`, `=1`… match exactly first)
//! and `#` inside it is `n` formatted. A subset of ICU MessageFormat, the syntax translators know.
//! A template that does not parse (a page's own string) is shown as written, never dropped.

/// An argument of a template.
#[derive(Clone, Copy, Debug)]
pub enum Arg<'a> {
    Text(&'a str),
    /// A count: formatted for the user (`1.234` in German) and used for plural branches.
    Num(usize),
    /// An ISO date (`YYYY-MM-DD`), shown in the user's format.
    Date(&'a str),
}

/// What a language needs from the browser to fill a template: `Intl.PluralRules`,
/// `Intl.NumberFormat` and `Intl.DateTimeFormat` in the widget; simple English rules natively.
pub trait Locale {
    /// `zero`, `one`, `two`, `few`, `many` or `other`.
    fn plural(&self, n: usize) -> &'static str;
    fn number(&self, n: usize) -> String;
    /// `iso` is `YYYY-MM-DD`; anything else is returned as given.
    fn date(&self, iso: &str) -> String;
}

/// Whether `n` is written as its plain digits in the locale `tag` (a shipped language with or
/// without a region, as the widget gives `Intl`): below 1,000 none of them groups digits or
/// uses other numerals, so the widget writes such a count itself. Building the browser's
/// number formatter costs 12–21 ms on the first call of a page (Chromium, measured 2026-12-03),
/// more than the seed's whole table; the seed's counts are all below 1,000. Checked against
/// `Intl.NumberFormat` for every shipped language and several regions (`tests/web.rs`).
pub fn plain_digits(tag: &str, n: usize) -> bool {
    n < 1000 && super::shipped(tag).is_some()
}

/// `iso` (`YYYY-MM-DD`) as the browser's `Intl.DateTimeFormat` writes it in the medium style
/// for English without a region or in the United States (`Apr 21, 2020`), when it is a calendar
/// date from the year 1000 on; `None` for any other locale or text, which the browser writes.
/// The first date or number formatter a page builds pays for the browser's locale data, 12–30 ms
/// (Chromium, measured 2026-12-03); an English-speaking user's seed needs neither. Checked against
/// `Intl` for every day of several years (`tests/web.rs`).
pub fn english_date(tag: &str, iso: &str) -> Option<String> {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    if !(tag.eq_ignore_ascii_case("en") || tag.eq_ignore_ascii_case("en-US")) {
        return None;
    }
    let b = iso.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        let digits = &b[r];
        digits
            .iter()
            .all(u8::is_ascii_digit)
            .then(|| digits.iter().fold(0, |n, d| n * 10 + u32::from(d - b'0')))
    };
    let (year, month, day) = (num(0..4)?, num(5..7)?, num(8..10)?);
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        1..=12 => 31,
        _ => return None,
    };
    (year >= 1000 && (1..=days).contains(&day))
        .then(|| format!("{} {day}, {year}", MONTHS[month as usize - 1]))
}

/// English plural rules, plain digits and ISO dates: for native use and tests.
pub struct Plain;

impl Locale for Plain {
    fn plural(&self, n: usize) -> &'static str {
        if n == 1 {
            "one"
        } else {
            "other"
        }
    }
    fn number(&self, n: usize) -> String {
        n.to_string()
    }
    fn date(&self, iso: &str) -> String {
        iso.to_string()
    }
}

/// Fills `template` with `args`. Unknown placeholders stay as written.
pub fn fill(template: &str, args: &[(&str, Arg)], locale: &dyn Locale) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    if render(template, args, locale, None, &mut out).is_none() {
        return template.to_string();
    }
    out
}

/// Renders `t` into `out`; `hash` is the number `#` stands for inside a plural branch. `None`
/// when the braces do not balance.
fn render(
    t: &str,
    args: &[(&str, Arg)],
    locale: &dyn Locale,
    hash: Option<usize>,
    out: &mut String,
) -> Option<()> {
    let mut rest = t;
    while let Some(pos) = rest.find(['{', '#']) {
        out.push_str(&rest[..pos]);
        if rest.as_bytes()[pos] == b'#' {
            match hash {
                Some(n) => out.push_str(&locale.number(n)),
                None => out.push('#'),
            }
            rest = &rest[pos + 1..];
            continue;
        }
        let end = pos + matching_brace(&rest[pos..])?;
        let inner = &rest[pos + 1..end];
        placeholder(inner, args, locale, out)?;
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    Some(())
}

/// The index of the `}` that closes the `{` at the start of `s`.
fn matching_brace(s: &str) -> Option<usize> {
    let mut depth = 0usize;
    for (i, b) in s.bytes().enumerate() {
        match b {
            b'{' => depth += 1,
            b'}' => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
    }
    None
}

fn placeholder(
    inner: &str,
    args: &[(&str, Arg)],
    locale: &dyn Locale,
    out: &mut String,
) -> Option<()> {
    let (name, spec) = match inner.split_once(',') {
        Some((n, s)) => (n.trim(), Some(s)),
        None => (inner.trim(), None),
    };
    let arg = args.iter().find(|(n, _)| *n == name).map(|(_, a)| *a);
    let Some(spec) = spec else {
        match arg {
            Some(Arg::Text(t)) => out.push_str(t),
            Some(Arg::Num(n)) => out.push_str(&locale.number(n)),
            Some(Arg::Date(d)) => out.push_str(&locale.date(d)),
            None => {
                out.push('{');
                out.push_str(inner);
                out.push('}');
            }
        }
        return Some(());
    };
    let branches = spec.trim_start().strip_prefix("plural")?.trim_start();
    let branches = branches.strip_prefix(',')?;
    let n = match arg {
        Some(Arg::Num(n)) => n,
        _ => return None,
    };
    let category = locale.plural(n);
    let exact = format!("={n}");
    let mut exact_body = None;
    let mut category_body = None;
    let mut other = None;
    let mut rest = branches.trim_start();
    while !rest.is_empty() {
        let open = rest.find('{')?;
        let selector = rest[..open].trim();
        let close = open + matching_brace(&rest[open..])?;
        let body = &rest[open + 1..close];
        if selector == exact {
            exact_body = Some(body);
        } else if selector == category {
            category_body = category_body.or(Some(body));
        }
        if selector == "other" {
            other = Some(body);
        }
        rest = rest[close + 1..].trim_start();
    }
    render(
        exact_body.or(category_body).or(other)?,
        args,
        locale,
        Some(n),
        out,
    )
}

/// Whether a template parses (a page's own `strings` are checked with it).
pub fn parses(template: &str) -> bool {
    collect(template, &mut Vec::new()).is_some()
}

/// The placeholder names a template uses, sorted (for the catalog tests: a translation must use
/// the English text's placeholders and no others).
#[cfg(test)]
pub fn placeholders(template: &str) -> Option<Vec<String>> {
    let mut names = Vec::new();
    collect(template, &mut names)?;
    names.sort();
    names.dedup();
    Some(names)
}

fn collect(t: &str, names: &mut Vec<String>) -> Option<()> {
    let mut rest = t;
    while let Some(pos) = rest.find('{') {
        let end = pos + matching_brace(&rest[pos..])?;
        let inner = &rest[pos + 1..end];
        match inner.split_once(',') {
            None => names.push(inner.trim().to_string()),
            Some((n, spec)) => {
                names.push(n.trim().to_string());
                let mut b = spec
                    .trim_start()
                    .strip_prefix("plural")?
                    .trim_start()
                    .strip_prefix(',')?;
                let mut has_other = false;
                while let Some(open) = b.find('{') {
                    has_other |= b[..open].trim() == "other";
                    let close = open + matching_brace(&b[open..])?;
                    collect(&b[open + 1..close], names)?;
                    b = &b[close + 1..];
                }
                if !has_other || !b.trim().is_empty() {
                    return None;
                }
            }
        }
        rest = &rest[end + 1..];
    }
    Some(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn english_dates_for_english_only_and_real_days_only() {
        use super::english_date;
        assert_eq!(
            english_date("en", "2020-04-21").as_deref(),
            Some("Apr 21, 2020")
        );
        assert_eq!(
            english_date("EN-us", "2024-02-29").as_deref(),
            Some("Feb 29, 2024")
        );
        assert_eq!(
            english_date("en", "2000-12-01").as_deref(),
            Some("Dec 1, 2000")
        );
        for (tag, iso) in [
            ("en-GB", "2020-04-21"),
            ("de", "2020-04-21"),
            ("en", "2021-02-29"),
            ("en", "1900-02-29"),
            ("en", "2020-04-31"),
            ("en", "2020-13-01"),
            ("en", "2020-00-10"),
            ("en", "2020-01-00"),
            ("en", "0999-01-05"),
            ("en", "2020-4-21"),
            ("en", "2020/04/21"),
            ("en", "２０２０-04-21"),
        ] {
            assert_eq!(english_date(tag, iso), None, "{tag} {iso}");
        }
    }

    #[test]
    fn plain_digits_only_below_a_thousand_in_shipped_languages() {
        use super::plain_digits;
        assert!(plain_digits("en", 0) && plain_digits("de-CH", 999) && plain_digits("ja-JP", 20));
        assert!(!plain_digits("en", 1000) && !plain_digits("fr", 1_000_000));
        // Arabic, Hindi, Persian…: their own numerals; not ours to write.
        assert!(!plain_digits("ar", 5) && !plain_digits("hi-IN", 5) && !plain_digits("", 5));
    }

    use super::*;

    struct French;
    impl Locale for French {
        fn plural(&self, n: usize) -> &'static str {
            if n < 2 {
                "one"
            } else {
                "other"
            }
        }
        fn number(&self, n: usize) -> String {
            if n >= 1000 {
                format!("{}\u{202f}{:03}", n / 1000, n % 1000)
            } else {
                n.to_string()
            }
        }
        fn date(&self, iso: &str) -> String {
            format!("le {iso}")
        }
    }

    const COUNT: &str = "{shown} of {total, plural, one {# program} other {# programs}}";

    #[test]
    fn placeholders_and_plurals_are_filled() {
        let f = |s, t| {
            fill(
                COUNT,
                &[("shown", Arg::Num(s)), ("total", Arg::Num(t))],
                &Plain,
            )
        };
        assert_eq!(f(1, 1), "1 of 1 program");
        assert_eq!(f(0, 20), "0 of 20 programs");
        let fr = "{n, plural, one {# programme} other {# programmes}}";
        assert_eq!(fill(fr, &[("n", Arg::Num(0))], &French), "0 programme");
        assert_eq!(
            fill(fr, &[("n", Arg::Num(2500))], &French),
            "2\u{202f}500 programmes"
        );
        assert_eq!(
            fill("As of {d}", &[("d", Arg::Date("2021-04-24"))], &French),
            "As of le 2021-04-24"
        );
    }

    #[test]
    fn exact_branches_win_over_categories() {
        let t = "{n, plural, =0 {none} one {one} other {#}}";
        assert_eq!(fill(t, &[("n", Arg::Num(0))], &Plain), "none");
        assert_eq!(fill(t, &[("n", Arg::Num(1))], &Plain), "one");
        assert_eq!(fill(t, &[("n", Arg::Num(7))], &Plain), "7");
    }

    #[test]
    fn bad_templates_are_shown_as_written() {
        assert_eq!(
            fill("{n, plural, one {x}", &[], &Plain),
            "{n, plural, one {x}"
        );
        assert_eq!(fill("a {missing} b", &[], &Plain), "a {missing} b");
        assert_eq!(fill("# 5", &[], &Plain), "# 5");
        assert_eq!(
            placeholders("{a} {b, plural, one {#} other {{c}}}"),
            Some(vec!["a".into(), "b".into(), "c".into()])
        );
        assert_eq!(placeholders("{b, plural, one {#}}"), None);
        assert_eq!(placeholders("{a"), None);
    }
}
