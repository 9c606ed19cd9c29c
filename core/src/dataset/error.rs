//! Why a dataset cannot be used: where (a field, a line, a row and column) and what, as a key of
//! the UI catalog with its arguments, so the widget says it in the user's language. `Display`
//! is the English text (errors thrown to a page's script, logs, tests).

use crate::i18n::{Arg, StringKey, Strings};
use std::borrow::Cow;
use std::fmt;

/// Where in the input the problem is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Place {
    /// The input as a whole.
    Input,
    /// A field path such as `programs[3].status.ecs`, or an attribute such as `data-as-of`: the
    /// schema's own names, the same in every language.
    Field(String),
    /// A line of a text (CSV, Markdown, JSON) and, when known, the column.
    Line(usize, Option<usize>),
    /// A row and a column of a page's table.
    Row(usize, usize),
    /// A row and a column of one of the tables of a page of several: the `table`th (1-based),
    /// named by its section (the heading or tab title above it; empty if none).
    Table {
        table: usize,
        section: String,
        row: usize,
        column: usize,
    },
}

/// An argument of a message: text as given, or a count formatted for the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    Text(String),
    Num(usize),
}

/// Why a dataset cannot be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DatasetError {
    pub place: Place,
    /// The message: a template of the catalog.
    pub key: StringKey,
    /// Named as in the template; a name read back from a packed error (`packed::decode_read`)
    /// is owned.
    pub args: Vec<(Cow<'static, str>, Value)>,
    /// What the input was, for the widget's alert: a template (`data: {detail}`, `the page's
    /// table: {detail}`, `src: {url}: {detail}`) whose `{detail}` is the place and message.
    pub within: Option<StringKey>,
}

impl DatasetError {
    pub(crate) fn new(place: Place, key: StringKey) -> DatasetError {
        DatasetError {
            place,
            key,
            args: Vec::new(),
            within: None,
        }
    }

    /// An error about a field (an empty path: the input as a whole).
    pub fn field(path: impl Into<String>, key: StringKey) -> DatasetError {
        let path = path.into();
        let place = if path.is_empty() {
            Place::Input
        } else {
            Place::Field(path)
        };
        DatasetError::new(place, key)
    }

    pub fn input(key: StringKey) -> DatasetError {
        DatasetError::new(Place::Input, key)
    }

    pub(crate) fn line(line: usize, column: usize, key: StringKey) -> DatasetError {
        DatasetError::new(Place::Line(line, Some(column)), key)
    }

    /// With a text argument.
    pub fn with(mut self, name: &'static str, text: impl Into<String>) -> DatasetError {
        self.args.push((name.into(), Value::Text(text.into())));
        self
    }

    /// With a count argument.
    pub fn num(mut self, name: &'static str, n: usize) -> DatasetError {
        self.args.push((name.into(), Value::Num(n)));
        self
    }

    /// The same error, said of an input (`StringKey::errData`, `StringKey::errPageTable`, `StringKey::srcInvalid` with
    /// a `url` argument).
    pub fn within(mut self, k: StringKey) -> DatasetError {
        self.within = Some(k);
        self
    }

    fn arg_list(&self) -> Vec<(&str, Arg<'_>)> {
        self.args
            .iter()
            .map(|(n, v)| {
                let arg = match v {
                    Value::Text(s) => Arg::Text(s),
                    Value::Num(n) => Arg::Num(*n),
                };
                (n.as_ref(), arg)
            })
            .collect()
    }

    /// The place in the words of `t` (empty for the input as a whole).
    pub fn place_text(&self, t: &Strings) -> String {
        // Positions are written as digits alone (column 100140, not 100,140), as editors show them.
        let (a, b);
        match &self.place {
            Place::Input => String::new(),
            Place::Field(path) => path.clone(),
            Place::Line(line, None) => {
                a = line.to_string();
                t.fmt(StringKey::placeLine, &[("line", Arg::Text(&a))])
            }
            Place::Line(line, Some(column)) => {
                (a, b) = (line.to_string(), column.to_string());
                t.fmt(
                    StringKey::placeLineColumn,
                    &[("line", Arg::Text(&a)), ("column", Arg::Text(&b))],
                )
            }
            Place::Row(row, column) => {
                (a, b) = (row.to_string(), column.to_string());
                t.fmt(
                    StringKey::placeRowColumn,
                    &[("row", Arg::Text(&a)), ("column", Arg::Text(&b))],
                )
            }
            Place::Table {
                table,
                section,
                row,
                column,
            } => {
                let n = table.to_string();
                (a, b) = (row.to_string(), column.to_string());
                let (key, named) = if section.is_empty() {
                    (StringKey::placeTableRowColumn, ("table", Arg::Text(&n)))
                } else {
                    (
                        StringKey::placeSectionRowColumn,
                        ("section", Arg::Text(section)),
                    )
                };
                t.fmt(
                    key,
                    &[named, ("row", Arg::Text(&a)), ("column", Arg::Text(&b))],
                )
            }
        }
    }

    /// What is wrong, in the words of `t`.
    pub fn message_text(&self, t: &Strings) -> String {
        t.fmt(self.key, &self.arg_list())
    }

    /// Place and message (`line 4, column 2: …`), without what the input was.
    pub fn detail(&self, t: &Strings) -> String {
        let message = self.message_text(t);
        match self.place {
            Place::Input => message,
            _ => t.fmt(
                StringKey::errAt,
                &[
                    ("place", Arg::Text(&self.place_text(t))),
                    ("message", Arg::Text(&message)),
                ],
            ),
        }
    }

    /// The whole message, in the words of `t`.
    pub fn text(&self, t: &Strings) -> String {
        let detail = self.detail(t);
        match self.within {
            None => detail,
            Some(k) => {
                // The outer template's {detail} is the whole inner message, never the inner
                // error's own `detail` argument (a JSON parser's text).
                let mut args = vec![("detail", Arg::Text(&detail))];
                args.extend(
                    self.arg_list()
                        .into_iter()
                        .filter(|(name, _)| *name != "detail"),
                );
                t.fmt(k, &args)
            }
        }
    }

    /// The place in English.
    pub fn location(&self) -> String {
        self.place_text(&Strings::english())
    }

    /// The message in English.
    pub fn message(&self) -> String {
        self.message_text(&Strings::english())
    }
}

impl fmt::Display for DatasetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(&Strings::english()))
    }
}

impl std::error::Error for DatasetError {}

impl From<DatasetError> for String {
    fn from(e: DatasetError) -> String {
        e.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Plain;
    use std::rc::Rc;

    #[test]
    fn an_outer_message_carries_the_whole_inner_one_in_each_language() {
        let e = DatasetError::line(1, 40, StringKey::errJsonSyntax)
            .with("detail", "EOF while parsing a string")
            .with("url", "https://example.com/a.json")
            .within(StringKey::srcInvalid);
        assert_eq!(
            e.to_string(),
            "src: https://example.com/a.json: line 1, column 40: invalid JSON: EOF while parsing a string"
        );
        let de = Strings::new("de", &[], Rc::new(Plain));
        assert_eq!(
            e.text(&de),
            "src: https://example.com/a.json: Zeile 1, Spalte 40: ungültiges JSON: EOF while parsing a string"
        );
        let data =
            DatasetError::field("programs[0].name", StringKey::errNul).within(StringKey::errData);
        assert_eq!(
            data.to_string(),
            "data: programs[0].name: contains a NUL character"
        );
        assert_eq!(data.location(), "programs[0].name");
        assert_eq!(data.message(), "contains a NUL character");
        let far = DatasetError::line(1, 100_140, StringKey::errJsonSyntax).with("detail", "EOF");
        assert_eq!(far.place_text(&de), "Zeile 1, Spalte 100140");
    }
}
