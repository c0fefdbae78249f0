//! The comments ServiceStack puts before declarations and members: JSDoc descriptions and
//! `// @Attr(args)` lines that render the .NET attributes.

use super::lexer::{Lang, Pos, Tok, Token, tokenize};

/// One argument of an attribute: positional or `Name=value`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct AttrArg {
    pub name: Option<String>,
    pub value: AttrValue,
}

/// An attribute argument value.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum AttrValue {
    /// A string literal, unescaped.
    Str(String),
    /// Anything else as written: numbers, `true`, enum members, `typeof(X)` as `X`, arrays.
    Other(String),
}

impl AttrValue {
    /// The text of the value (string contents or the raw token text).
    pub(crate) fn text(&self) -> &str {
        match self {
            AttrValue::Str(s) | AttrValue::Other(s) => s,
        }
    }
}

/// A .NET attribute rendered in a comment (`// @Route("/a", "GET")`) or written in C#.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Attr {
    pub name: String,
    pub args: Vec<AttrArg>,
    pub pos: Pos,
}

impl Attr {
    /// A named argument (`Description=...`), case-insensitive.
    pub(crate) fn named(&self, key: &str) -> Option<&AttrValue> {
        self.args
            .iter()
            .find(|a| {
                a.name
                    .as_deref()
                    .is_some_and(|n| n.eq_ignore_ascii_case(key))
            })
            .map(|a| &a.value)
    }

    /// The positional arguments, in order.
    pub(crate) fn positionals(&self) -> impl Iterator<Item = &AttrValue> {
        self.args
            .iter()
            .filter(|a| a.name.is_none())
            .map(|a| &a.value)
    }

    /// The n-th positional argument.
    pub(crate) fn positional(&self, n: usize) -> Option<&AttrValue> {
        self.positionals().nth(n)
    }

    /// True when the attribute is `name` (ignoring a trailing `Attribute`, case-insensitive).
    pub(crate) fn is(&self, name: &str) -> bool {
        let n = self.name.strip_suffix("Attribute").unwrap_or(&self.name);
        n.eq_ignore_ascii_case(name)
    }
}

/// What the comments before a declaration or member said.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Leading {
    /// The description from a JSDoc `/** ... */` block.
    pub doc: Option<String>,
    pub attrs: Vec<Attr>,
}

impl Leading {
    /// The first attribute called `name`.
    pub(crate) fn attr(&self, name: &str) -> Option<&Attr> {
        self.attrs.iter().find(|a| a.is(name))
    }
}

/// Interprets the comments preceding a declaration.
pub(crate) fn parse_leading<'a>(
    comments: impl Iterator<Item = &'a Token>,
) -> (Leading, Vec<(Pos, String)>) {
    let mut leading = Leading::default();
    let mut warnings = Vec::new();
    for c in comments {
        match &c.tok {
            Tok::BlockComment(text) if text.starts_with('*') => {
                if let Some(doc) = jsdoc_text(text) {
                    leading.doc = Some(doc);
                }
            }
            Tok::LineComment(text) => {
                let body = text.trim();
                let Some(rest) = body.strip_prefix('@') else {
                    continue;
                };
                // Column of the `@`, for messages: after `//` and leading spaces.
                let at_col = c.pos.column + 2 + (text.len() - text.trim_start().len()) as u32;
                let pos = Pos {
                    line: c.pos.line,
                    column: at_col,
                };
                match parse_attr_text(rest, pos) {
                    Ok(Some(attr)) => leading.attrs.push(attr),
                    Ok(None) => {}
                    Err(msg) => warnings.push((pos, msg)),
                }
            }
            _ => {}
        }
    }
    (leading, warnings)
}

/// The description in a JSDoc block (`*` prefixes and `@description` tag removed).
pub(crate) fn jsdoc_text(text: &str) -> Option<String> {
    let mut lines: Vec<String> = Vec::new();
    for line in text.lines() {
        let l = line.trim();
        let l = l.strip_prefix('*').unwrap_or(l).trim();
        if let Some(rest) = l.strip_prefix("@description") {
            lines.push(rest.trim().to_string());
        } else if l.starts_with('@') {
            // Other JSDoc tags (`@deprecated`, `@type`) are not descriptions.
            continue;
        } else {
            lines.push(l.to_string());
        }
    }
    while lines.first().is_some_and(|l| l.is_empty()) {
        lines.remove(0);
    }
    while lines.last().is_some_and(|l| l.is_empty()) {
        lines.pop();
    }
    if lines.is_empty() {
        None
    } else {
        Some(lines.join("\n"))
    }
}

/// Parses `Name(args)` (the text after `@`). `Ok(None)` when it is not an attribute at all
/// (`@ts-nocheck`, prose); `Err` when it is one but its arguments cannot be read.
pub(crate) fn parse_attr_text(text: &str, pos: Pos) -> Result<Option<Attr>, String> {
    let name_len = text
        .char_indices()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '_' || c == '.'))
        .map(|(i, _)| i)
        .unwrap_or(text.len());
    let name = &text[..name_len];
    let rest = text[name_len..].trim();
    if name.is_empty() || !name.starts_with(|c: char| c.is_alphabetic()) {
        return Ok(None);
    }
    if rest.is_empty() {
        return Ok(Some(Attr {
            name: name.to_string(),
            args: Vec::new(),
            pos,
        }));
    }
    if !rest.starts_with('(') {
        return Ok(None);
    }
    let toks = tokenize(rest, Lang::TypeScript)
        .map_err(|e| format!("cannot read the arguments of @{name}: {}", e.message))?;
    let args =
        parse_attr_args(&toks).map_err(|m| format!("cannot read the arguments of @{name}: {m}"))?;
    Ok(Some(Attr {
        name: name.to_string(),
        args,
        pos,
    }))
}

/// Parses `( arg, Name = value, ... )` from tokens that start with `(`.
pub(crate) fn parse_attr_args(toks: &[Token]) -> Result<Vec<AttrArg>, String> {
    let toks: Vec<&Tok> = toks
        .iter()
        .map(|t| &t.tok)
        .filter(|t| !matches!(t, Tok::LineComment(_) | Tok::BlockComment(_)))
        .collect();
    if toks.first() != Some(&&Tok::Punct('(')) {
        return Err("expected `(`".into());
    }
    let mut args = Vec::new();
    let mut i = 1;
    loop {
        match toks.get(i) {
            None => return Err("missing `)`".into()),
            Some(Tok::Punct(')')) => return Ok(args),
            _ => {}
        }
        let mut name = None;
        if let (Some(Tok::Ident(n)), Some(Tok::Punct('=' | ':'))) = (toks.get(i), toks.get(i + 1)) {
            // `Name = value` (C# named argument) or `name: value` (C# named parameter).
            if toks.get(i + 2) != Some(&&Tok::Punct('=')) {
                name = Some(n.clone());
                i += 2;
            }
        }
        // The value runs to the next `,` or `)` at depth 0.
        let mut depth = 0usize;
        let start = i;
        while let Some(t) = toks.get(i) {
            match t {
                Tok::Punct('(' | '[' | '{') => depth += 1,
                Tok::Punct(')' | ']' | '}') if depth > 0 => depth -= 1,
                Tok::Punct(',' | ')') if depth == 0 => break,
                _ => {}
            }
            i += 1;
        }
        let value_toks = &toks[start..i];
        let value = match value_toks {
            [Tok::Str(s)] => AttrValue::Str(s.clone()),
            [Tok::Ident(t), Tok::Punct('('), inner @ .., Tok::Punct(')')] if t == "typeof" => {
                AttrValue::Other(join_tokens(inner))
            }
            [] => return Err("empty argument".into()),
            other => AttrValue::Other(join_tokens(other)),
        };
        args.push(AttrArg { name, value });
        if toks.get(i) == Some(&&Tok::Punct(',')) {
            i += 1;
        }
    }
}

fn join_tokens(toks: &[&Tok]) -> String {
    let mut out = String::new();
    for t in toks {
        match t {
            Tok::Ident(w) | Tok::Num(w) => {
                if out.ends_with(|c: char| c.is_alphanumeric()) {
                    out.push(' ');
                }
                out.push_str(w);
            }
            Tok::Str(s) => out.push_str(&format!("{s:?}")),
            Tok::Punct(c) => out.push(*c),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn attr(text: &str) -> Attr {
        parse_attr_text(text, Pos::default()).unwrap().unwrap()
    }

    #[test]
    fn attributes() {
        let a = attr(r#"Route("/a/{b}", "GET,POST")"#);
        assert_eq!(a.name, "Route");
        assert_eq!(a.positional(0).unwrap().text(), "/a/{b}");
        assert_eq!(a.positional(1).unwrap().text(), "GET,POST");
        let a = attr(r#"ApiMember(Description="x \"y\" (z)", IsRequired=true, DataType="string")"#);
        assert_eq!(a.named("description").unwrap().text(), "x \"y\" (z)");
        assert_eq!(
            a.named("IsRequired"),
            Some(&AttrValue::Other("true".into()))
        );
        let a = attr("DataContract");
        assert!(a.args.is_empty());
        let a = attr("Flags()");
        assert!(a.is("flags"));
        let a = attr("ValidateRequest(typeof(Foo), Order=-1)");
        assert_eq!(a.positional(0).unwrap().text(), "Foo");
        assert_eq!(a.named("Order").unwrap().text(), "-1");
        assert_eq!(parse_attr_text("ts-nocheck", Pos::default()), Ok(None));
        assert!(parse_attr_text("Api(Description=\"x)", Pos::default()).is_err());
    }

    #[test]
    fn jsdoc_forms() {
        assert_eq!(
            jsdoc_text("*\n    * The ID\n    ").as_deref(),
            Some("The ID")
        );
        assert_eq!(
            jsdoc_text("* @description Line one ").as_deref(),
            Some("Line one")
        );
        assert_eq!(
            jsdoc_text("* The ID of the object ").as_deref(),
            Some("The ID of the object")
        );
        assert_eq!(jsdoc_text("*\n * a\n * b\n ").as_deref(), Some("a\nb"));
        assert_eq!(jsdoc_text("* @deprecated "), None);
    }
}
