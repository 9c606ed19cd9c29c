//! The text of a cell, a heading or a tab as a user sees it: character references decoded,
//! runs of white space one space, none at the ends, and no more characters kept than a field
//! may have (the rest is only noticed).

use super::entities::decode;
use crate::dataset::MAX_FIELD_CHARS;

/// Text as a user sees it: runs of white space are one space, none at the ends; the first
/// `MAX_FIELD_CHARS` characters kept.
#[derive(Default)]
pub(super) struct Text {
    pub(super) s: String,
    chars: usize,
    /// A word break is due before the next character.
    pub(super) space: bool,
    /// More characters came than are kept.
    pub(super) over: bool,
}

impl Text {
    /// Appends text as written in the page (character references decoded).
    pub(super) fn push(&mut self, raw: &str) {
        if self.over {
            return;
        }
        for c in decode(raw).chars() {
            if c.is_whitespace() {
                self.space = true;
                continue;
            }
            if self.chars == MAX_FIELD_CHARS {
                self.over = true;
                return;
            }
            if self.space && !self.s.is_empty() {
                self.s.push(' ');
            }
            self.space = false;
            self.s.push(c);
            self.chars += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn white_space_collapses_and_a_long_text_keeps_its_first_characters() {
        let mut t = Text::default();
        t.push("  Amazon\n\t Elastic&nbsp;");
        t.space = true;
        t.push("Container ");
        assert_eq!(t.s, "Amazon Elastic Container");
        let mut long = Text::default();
        long.push(&"é".repeat(MAX_FIELD_CHARS + 5));
        assert!(long.over);
        assert_eq!(long.s.chars().count(), MAX_FIELD_CHARS);
    }
}
