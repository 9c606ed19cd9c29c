//! An inert HTML tokenizer: text, start tags with their attributes, end tags. Comments,
//! doctypes and processing instructions are skipped, and so is everything inside `<script>`,
//! `<style>`, `<template>`, `<textarea>` and the other elements whose content is not markup.
//! It builds no document and runs nothing: what a page holds can neither execute nor load, it
//! is only text at a place. One pass; each byte is looked at a bounded number of times.

/// A piece of a page.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Token<'a> {
    Start(Tag<'a>),
    /// An end tag's name, as written.
    End(&'a str),
    /// Text as written (character references not yet decoded).
    Text(&'a str),
}

/// A start tag: its name as written and its attributes (values as written, without quotes).
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Tag<'a> {
    pub(crate) name: &'a str,
    pub(crate) attrs: Vec<(&'a str, &'a str)>,
}

impl Tag<'_> {
    /// An attribute's value as written (the first of that name).
    pub(crate) fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| *v)
    }
}

/// The attributes kept of one tag: what the parser asks for is among the first few, and a tag of a
/// million attributes must not take a million entries.
const MAX_ATTRS: usize = 64;

/// Elements whose content is not markup and is not read.
const SKIPPED: [&str; 9] = [
    "script",
    "style",
    "template",
    "textarea",
    "xmp",
    "iframe",
    "noembed",
    "noframes",
    "plaintext",
];

/// The tokens of a page, in order.
pub(crate) struct Tokenizer<'a> {
    text: &'a str,
    at: usize,
    /// Inside an element whose content runs to its end tag: `title` (text) or a skipped one.
    raw: Option<&'static str>,
}

impl<'a> Tokenizer<'a> {
    pub(crate) fn new(text: &'a str) -> Tokenizer<'a> {
        Tokenizer {
            text,
            at: 0,
            raw: None,
        }
    }

    fn bytes(&self) -> &'a [u8] {
        self.text.as_bytes()
    }

    /// The position of the next `</name` (followed by a space, `/`, `>` or the end) from `from`,
    /// or the end of the text.
    fn end_tag_of(&self, name: &str, from: usize) -> usize {
        let b = self.bytes();
        let mut i = from;
        while let Some(p) = b[i..].iter().position(|&c| c == b'<') {
            let at = i + p;
            let after = at + 2 + name.len();
            if b.get(at + 1) == Some(&b'/')
                && b.len() >= after
                && b[at + 2..after].eq_ignore_ascii_case(name.as_bytes())
                && b.get(after)
                    .is_none_or(|c| c.is_ascii_whitespace() || *c == b'/' || *c == b'>')
            {
                return at;
            }
            i = at + 1;
        }
        b.len()
    }

    /// Past the next `>` from `from` (or the end).
    fn past_gt(&self, from: usize) -> usize {
        self.bytes()[from..]
            .iter()
            .position(|&c| c == b'>')
            .map_or(self.text.len(), |p| from + p + 1)
    }

    /// A tag's name from `from`: up to a space, `/` or `>`.
    fn name_at(&self, from: usize) -> usize {
        let b = self.bytes();
        from + b[from..]
            .iter()
            .position(|c| c.is_ascii_whitespace() || *c == b'/' || *c == b'>')
            .unwrap_or(b.len() - from)
    }

    /// The attributes from `at` to the tag's `>`; `None` when the text ends inside the tag (a
    /// browser drops such a tag).
    fn attributes(&mut self, mut at: usize) -> Option<Vec<(&'a str, &'a str)>> {
        let b = self.bytes();
        let text = self.text;
        let mut attrs = Vec::new();
        loop {
            while at < b.len() && (b[at].is_ascii_whitespace() || b[at] == b'/') {
                at += 1;
            }
            match b.get(at) {
                None => return None,
                Some(b'>') => {
                    self.at = at + 1;
                    return Some(attrs);
                }
                _ => {}
            }
            let start = at;
            at += 1;
            while at < b.len()
                && !matches!(b[at], b'=' | b'>' | b'/')
                && !b[at].is_ascii_whitespace()
            {
                at += 1;
            }
            let name = &text[start..at];
            while at < b.len() && b[at].is_ascii_whitespace() {
                at += 1;
            }
            let mut value = "";
            if b.get(at) == Some(&b'=') {
                at += 1;
                while at < b.len() && b[at].is_ascii_whitespace() {
                    at += 1;
                }
                match b.get(at) {
                    Some(&q @ (b'"' | b'\'')) => {
                        let end = at + 1 + b[at + 1..].iter().position(|&c| c == q)?;
                        value = &text[at + 1..end];
                        at = end + 1;
                    }
                    _ => {
                        let start = at;
                        while at < b.len() && b[at] != b'>' && !b[at].is_ascii_whitespace() {
                            at += 1;
                        }
                        value = &text[start..at];
                    }
                }
            }
            if attrs.len() < MAX_ATTRS {
                attrs.push((name, value));
            }
        }
    }
}

impl<'a> Iterator for Tokenizer<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        let text = self.text;
        let b = self.bytes();
        loop {
            if self.at >= b.len() {
                return None;
            }
            if let Some(name) = self.raw.take() {
                let start = self.at;
                self.at = self.end_tag_of(name, start);
                if name == "title" && self.at > start {
                    return Some(Token::Text(&text[start..self.at]));
                }
                continue;
            }
            let at = self.at;
            if b[at] != b'<' {
                let end = b[at + 1..]
                    .iter()
                    .position(|&c| c == b'<')
                    .map_or(b.len(), |p| at + 1 + p);
                self.at = end;
                return Some(Token::Text(&text[at..end]));
            }
            match b.get(at + 1) {
                Some(b'!') if b[at..].starts_with(b"<!--") => {
                    // `<!-->` and `<!--->` are empty comments.
                    let body = at + 4;
                    self.at = if b[body..].starts_with(b">") {
                        body + 1
                    } else if b[body..].starts_with(b"->") {
                        body + 2
                    } else {
                        text[body..].find("-->").map_or(b.len(), |p| body + p + 3)
                    };
                }
                Some(b'!' | b'?') => self.at = self.past_gt(at + 2),
                Some(b'/') if b.get(at + 2).is_some_and(u8::is_ascii_alphabetic) => {
                    let end = self.name_at(at + 2);
                    let name = &text[at + 2..end];
                    self.at = self.past_gt(end);
                    return Some(Token::End(name));
                }
                Some(b'/') => self.at = self.past_gt(at + 2),
                Some(c) if c.is_ascii_alphabetic() => {
                    let end = self.name_at(at + 1);
                    let name = &text[at + 1..end];
                    let Some(attrs) = self.attributes(end) else {
                        self.at = b.len();
                        return None;
                    };
                    self.raw = SKIPPED
                        .iter()
                        .chain(&["title"])
                        .find(|n| name.eq_ignore_ascii_case(n))
                        .copied();
                    return Some(Token::Start(Tag { name, attrs }));
                }
                _ => {
                    self.at = at + 1;
                    return Some(Token::Text("<"));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(html: &str) -> Vec<String> {
        Tokenizer::new(html)
            .map(|t| match t {
                Token::Start(tag) => {
                    let attrs: Vec<String> =
                        tag.attrs.iter().map(|(n, v)| format!(" {n}={v}")).collect();
                    format!("<{}{}>", tag.name, attrs.concat())
                }
                Token::End(n) => format!("</{n}>"),
                Token::Text(t) => t.to_string(),
            })
            .collect()
    }

    #[test]
    fn tags_attributes_and_text_come_out_in_order() {
        assert_eq!(
            tokens("<TD colspan=2 class='a b' data-x=\"1 > 0\" hidden>✓ &amp;</td >x"),
            [
                "<TD colspan=2 class=a b data-x=1 > 0 hidden=>",
                "✓ &amp;",
                "</td>",
                "x"
            ]
        );
        assert_eq!(tokens("a < b <3 </ >c"), ["a ", "<", " b ", "<", "3 ", "c"]);
        assert_eq!(
            tokens("<br/><img src=x onerror=alert(1)/>"),
            ["<br>", "<img src=x onerror=alert(1)/>"]
        );
    }

    #[test]
    fn comments_doctypes_and_the_content_of_scripts_styles_templates_and_textareas_are_skipped() {
        let html = "<!DOCTYPE html><!-- <table> --><?xml x?><!--><!--->a\
            <script>if (a < b) { document.write('<table>') }</script >\
            <style>td{}</style><template><table><td>t</td></table></template>\
            <textarea><td>x</td></textarea><SCRIPT type=module>x</scripts></SCRIPT>b";
        assert_eq!(
            tokens(html),
            [
                "a",
                "<script>",
                "</script>",
                "<style>",
                "</style>",
                "<template>",
                "</template>",
                "<textarea>",
                "</textarea>",
                "<SCRIPT type=module>",
                "</SCRIPT>",
                "b"
            ]
        );
        assert_eq!(
            tokens("<title>A &amp; <b>B</b></title>"),
            ["<title>", "A &amp; <b>B</b>", "</title>"]
        );
    }

    #[test]
    fn a_page_cut_inside_a_tag_comment_or_script_ends_without_more_tokens() {
        assert_eq!(tokens("a<td class=\"x"), ["a"]);
        assert_eq!(tokens("a<td x"), ["a"]);
        assert_eq!(tokens("a<!-- <td>"), ["a"]);
        assert_eq!(tokens("a<script><td>"), ["a", "<script>"]);
    }

    #[test]
    fn a_tag_keeps_its_first_attributes_only() {
        let html = format!("<td {}colspan=3>", "a ".repeat(10_000));
        let Some(Token::Start(tag)) = Tokenizer::new(&html).next() else {
            panic!("a start tag")
        };
        assert_eq!(tag.attrs.len(), MAX_ATTRS);
        assert_eq!(tag.attr("colspan"), None);
    }
}
