//! Writes the generated code as text, laid out the way `prettyplease` lays out what we generate:
//! four-space indents, `///` doc lines, and a delimited list (attribute arguments, generic
//! arguments, struct literals) on one line when it fits within the margin, otherwise one element
//! per line. Writing text directly, rather than building token streams, parsing them into a
//! syntax tree and printing that, is most of the generator's speed; the fuzz targets check
//! that whatever is written parses as Rust.

use std::fmt::Write as _;

/// prettyplease's line width: a list that would end past this column is broken.
const MARGIN: usize = 89;
const INDENT: usize = 4;

/// One line of code (before breaking): text, lists and their concatenation.
#[derive(Debug, Clone)]
pub(super) enum Doc {
    Text(String),
    /// Parts on one line; when they do not fit, each [`Doc::Break`] among them starts a new line.
    Seq(Vec<Doc>),
    List(Box<List>),
    /// A space, or a new line at the enclosing indentation (before `for` in a long `impl`).
    Break,
}

/// A delimited, comma-separated list.
#[derive(Debug, Clone)]
pub(super) struct List {
    open: String,
    items: Vec<Doc>,
    close: &'static str,
    /// When broken, the last element gets a comma too (generic arguments, struct literals; not
    /// attribute arguments, which prettyplease prints as written).
    trailing_comma: bool,
    /// On one line, a space inside the delimiters (`Self { a: x }`).
    padded: bool,
}

impl Doc {
    pub(super) fn text(text: impl Into<String>) -> Doc {
        Doc::Text(text.into())
    }

    /// `open` items `)`, as attribute arguments are written: `serde(a, b)`.
    pub(super) fn args(open: impl Into<String>, items: Vec<Doc>) -> Doc {
        Doc::List(Box::new(List {
            open: open.into(),
            items,
            close: ")",
            trailing_comma: false,
            padded: false,
        }))
    }

    /// `open` items `)`, as function parameters are written (a trailing comma when broken).
    pub(super) fn params(open: impl Into<String>, items: Vec<Doc>) -> Doc {
        Doc::List(Box::new(List {
            open: open.into(),
            items,
            close: ")",
            trailing_comma: true,
            padded: false,
        }))
    }

    /// A generic type: `Name<A, B>`, or `Name` alone without arguments.
    pub(super) fn generic(name: impl Into<String>, items: Vec<Doc>) -> Doc {
        let mut name = name.into();
        if items.is_empty() {
            return Doc::Text(name);
        }
        name.push('<');
        Doc::List(Box::new(List {
            open: name,
            items,
            close: ">",
            trailing_comma: true,
            padded: false,
        }))
    }

    /// A braced list: `Self { a: x, b: y }`.
    pub(super) fn braced(open: impl Into<String>, items: Vec<Doc>) -> Doc {
        let mut open = open.into();
        open.push_str(" {");
        Doc::List(Box::new(List {
            open,
            items,
            close: "}",
            trailing_comma: true,
            padded: true,
        }))
    }

    /// Width on one line.
    fn flat_width(&self) -> usize {
        match self {
            Doc::Text(t) => t.len(),
            Doc::Break => 1,
            Doc::Seq(parts) => parts.iter().map(Doc::flat_width).sum(),
            Doc::List(list) => {
                let items: usize = list.items.iter().map(Doc::flat_width).sum::<usize>()
                    + 2 * list.items.len().saturating_sub(1);
                let pad = if list.padded && !list.items.is_empty() {
                    2
                } else {
                    0
                };
                list.open.len() + items + pad + list.close.len()
            }
        }
    }

    fn write_flat(&self, out: &mut String) {
        match self {
            Doc::Text(t) => out.push_str(t),
            Doc::Break => out.push(' '),
            Doc::Seq(parts) => parts.iter().for_each(|p| p.write_flat(out)),
            Doc::List(list) => {
                out.push_str(&list.open);
                if list.padded && !list.items.is_empty() {
                    out.push(' ');
                }
                for (i, item) in list.items.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    item.write_flat(out);
                }
                if list.padded && !list.items.is_empty() {
                    out.push(' ');
                }
                out.push_str(list.close);
            }
        }
    }

    /// Writes at `column` (where the output's current line stands), breaking lists that would
    /// not end by the margin; `suffix` is the width of what follows on the same line.
    fn write(&self, out: &mut String, indent: usize, column: usize, suffix: usize) -> usize {
        let width = self.flat_width();
        if column + width + suffix <= MARGIN {
            self.write_flat(out);
            return column + width;
        }
        match self {
            Doc::Text(t) => {
                out.push_str(t);
                column + t.len()
            }
            Doc::Break => {
                out.push(' ');
                column + 1
            }
            Doc::Seq(parts) => {
                let mut column = column;
                for (i, part) in parts.iter().enumerate() {
                    if let Doc::Break = part {
                        out.push('\n');
                        push_indent(out, indent);
                        column = indent;
                        continue;
                    }
                    // What follows on this line: up to the next break, or to the end.
                    let rest = &parts[i + 1..];
                    let rest = match rest.iter().position(|p| matches!(p, Doc::Break)) {
                        Some(at) => rest[..at].iter().map(Doc::flat_width).sum(),
                        None => rest.iter().map(Doc::flat_width).sum::<usize>() + suffix,
                    };
                    column = part.write(out, indent, column, rest);
                }
                column
            }
            Doc::List(list) if list.items.is_empty() => {
                self.write_flat(out);
                column + width
            }
            Doc::List(list) => {
                out.push_str(&list.open);
                let inner = indent + INDENT;
                for (i, item) in list.items.iter().enumerate() {
                    out.push('\n');
                    push_indent(out, inner);
                    let last = i + 1 == list.items.len();
                    let comma = !last || list.trailing_comma;
                    item.write(out, inner, inner, usize::from(comma));
                    if comma {
                        out.push(',');
                    }
                }
                out.push('\n');
                push_indent(out, indent);
                out.push_str(list.close);
                indent + list.close.len()
            }
        }
    }
}

impl From<String> for Doc {
    fn from(text: String) -> Doc {
        Doc::Text(text)
    }
}

impl From<&str> for Doc {
    fn from(text: &str) -> Doc {
        Doc::Text(text.to_string())
    }
}

fn push_indent(out: &mut String, indent: usize) {
    out.extend(std::iter::repeat_n(' ', indent));
}

/// A Rust string literal for `text`.
pub(super) fn lit(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\0' => out.push_str("\\0"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The text of one item (or several), written line by line at the current indentation.
#[derive(Debug, Default)]
pub(super) struct Code {
    text: String,
    indent: usize,
}

impl Code {
    /// Code one level deep (a struct's fields), to [`Code::append`] inside a block.
    pub(super) fn nested() -> Code {
        Code {
            text: String::new(),
            indent: INDENT,
        }
    }

    pub(super) fn into_string(self) -> String {
        self.text
    }

    pub(super) fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// Appends code written with [`Code::nested`] (at the indentation of an open block).
    pub(super) fn append(&mut self, nested: Code) {
        self.text.push_str(&nested.text);
    }

    /// A line of code, laid out within the margin.
    pub(super) fn line(&mut self, doc: impl Into<Doc>) {
        push_indent(&mut self.text, self.indent);
        doc.into()
            .write(&mut self.text, self.indent, self.indent, 0);
        self.text.push('\n');
    }

    /// `#[doc]` lines as `///` comments (each line's text as the attribute holds it, usually
    /// starting with a space). A comment ends at a line break, so text from the input that holds
    /// one continues on the next comment line.
    pub(super) fn docs(&mut self, lines: &[String]) {
        for line in lines {
            for piece in line.split(['\n', '\r']) {
                self.push_line(&["///", piece.trim_end_matches([' ', '\t'])]);
            }
        }
    }

    /// `#[meta]`.
    pub(super) fn attr(&mut self, meta: Doc) {
        self.line(Doc::Seq(vec![Doc::text("#["), meta, Doc::text("]")]));
    }

    /// Attributes given as Rust source (the user's, checked and laid out when configured).
    pub(super) fn raw_attrs<'a>(&mut self, attrs: impl IntoIterator<Item = &'a str>) {
        for attr in attrs {
            for line in attr.lines() {
                self.push_line(&[line]);
            }
        }
    }

    /// `header {`, then the block's lines one level deeper until [`Code::close`].
    pub(super) fn open(&mut self, header: impl Into<Doc>) {
        self.open_with(header, " {");
    }

    /// The end of a block opened with [`Code::open`].
    pub(super) fn close(&mut self) {
        self.close_with("}");
    }

    /// `header` and `delimiter`, then lines one level deeper until [`Code::close_with`].
    pub(super) fn open_with(&mut self, header: impl Into<Doc>, delimiter: &str) {
        self.line(Doc::Seq(vec![header.into(), Doc::text(delimiter)]));
        self.indent += INDENT;
    }

    /// `end` one level up: the end of what [`Code::open_with`] opened.
    pub(super) fn close_with(&mut self, end: &str) {
        self.indent -= INDENT;
        self.push_line(&[end]);
    }

    /// `//` comment lines (an empty line as `//`; a line break inside a line continues it on
    /// the next comment line).
    pub(super) fn comments(&mut self, lines: &[String]) {
        for line in lines {
            for piece in line.split(['\n', '\r']) {
                let space = if piece.is_empty() { "" } else { " " };
                self.push_line(&["//", space, piece]);
            }
        }
    }

    /// One line at the current indentation, from its parts.
    fn push_line(&mut self, parts: &[&str]) {
        push_indent(&mut self.text, self.indent);
        for part in parts {
            self.text.push_str(part);
        }
        self.text.push('\n');
    }

    /// A blank line between items.
    pub(super) fn blank(&mut self) {
        self.text.push('\n');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn laid_out(doc: Doc, indent: usize) -> String {
        let mut code = Code {
            indent,
            ..Code::default()
        };
        code.line(doc);
        code.into_string()
    }

    #[test]
    fn lists_break_only_past_the_margin() {
        let short = Doc::args("serde(", vec!["default".into(), "rename = \"x\"".into()]);
        assert_eq!(laid_out(short, 0), "serde(default, rename = \"x\")\n");
        let long = Doc::Seq(vec![
            "#[".into(),
            Doc::args(
                "serde(",
                vec![
                    "default".into(),
                    Doc::args(
                        "bound(",
                        vec![format!("deserialize = \"{}\"", "T".repeat(90)).into()],
                    ),
                ],
            ),
            "]".into(),
        ]);
        assert_eq!(
            laid_out(long, 0),
            format!(
                "#[serde(\n    default,\n    bound(\n        deserialize = \"{}\"\n    )\n)]\n",
                "T".repeat(90)
            )
        );
        let ty = Doc::generic(
            "Option",
            vec![Doc::generic("Vec", vec!["A".repeat(90).into()])],
        );
        assert_eq!(
            laid_out(ty, 4),
            format!(
                "    Option<\n        Vec<\n            {},\n        >,\n    >\n",
                "A".repeat(90)
            )
        );
    }

    #[test]
    fn breaks_start_lines_only_when_the_whole_does_not_fit() {
        let header = |ty: &str| {
            Doc::Seq(vec![
                format!("impl ::std::convert::From<{ty}>").into(),
                Doc::Break,
                "for Names {".into(),
            ])
        };
        assert_eq!(
            laid_out(header("A"), 0),
            "impl ::std::convert::From<A> for Names {\n"
        );
        let long = "A".repeat(70);
        assert_eq!(
            laid_out(header(&long), 0),
            format!("impl ::std::convert::From<{long}>\nfor Names {{\n")
        );
    }

    #[test]
    fn comments_never_end_inside_their_text() {
        let mut code = Code::default();
        code.docs(&[" a `x\ny` b\rc".to_string()]);
        code.comments(&["p\nq".to_string()]);
        assert_eq!(code.into_string(), "/// a `x\n///y` b\n///c\n// p\n// q\n");
    }

    #[test]
    fn braced_lists_are_padded_on_one_line() {
        let doc = Doc::braced("Self", vec!["a: 1".into(), "b: 2".into()]);
        assert_eq!(laid_out(doc, 0), "Self { a: 1, b: 2 }\n");
    }

    #[test]
    fn string_literals_escape_what_rust_needs() {
        assert_eq!(lit("a\"b\\c\nd\u{1}é"), r#""a\"b\\c\nd\u{1}é""#);
    }
}
