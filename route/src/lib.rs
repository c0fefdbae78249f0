//! ServiceStack route templates and verb lists, as `[Route(path, verbs)]` takes them: the one
//! grammar that `#[derive(Dto)]` checks at compile time, that `dto` fills in and matches at run
//! time, and that `dto-codegen` checks generated routes against. (A derive crate cannot depend on
//! the runtime crate it serves, so the grammar lives here, below both.)
//!
//! A path starts with `/` and has no `?` or `#`; braces are balanced and do not nest; a variable
//! is `{name}` or the wildcard `{name*}` (the rest of the path), with a non-empty name without
//! whitespace, `/`, `.` or `*`, filling a whole component between `/` and `.` separators
//! (`/files/{Name}.{Ext}` is fine, `/a-{Id}` is not: this is the form ServiceStack's C# client can
//! fill in); a variable occurs once (names compare ignoring case).
//!
//! ```
//! use dto_route::{Piece, Variable, parse_path, parse_verbs};
//!
//! let pieces = parse_path("/sessions/{Id}/files/{Path*}").unwrap();
//! assert_eq!(pieces, [
//!     Piece::Text("/sessions/"),
//!     Piece::Variable(Variable { name: "Id", wildcard: false }),
//!     Piece::Text("/files/"),
//!     Piece::Variable(Variable { name: "Path", wildcard: true }),
//! ]);
//! assert_eq!(parse_verbs("get, Post").unwrap(), ["GET", "POST"]);
//!
//! let err = parse_path("/items/item-{Id}").unwrap_err();
//! assert_eq!(
//!     err.to_string(),
//!     "a route variable must fill a whole path segment, as in `/{Id}/` or `/{Name}.{Ext}`: `item-{Id}`",
//! );
//! ```

use std::fmt;

use nom::branch::alt;
use nom::bytes::complete::{take_till, take_till1};
use nom::character::complete::char;
use nom::combinator::{all_consuming, map};
use nom::multi::many0;
use nom::sequence::delimited;
use nom::{IResult, Parser};

/// A piece of a route path: literal text or a variable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Piece<'a> {
    /// Literal text, `/` separators included (`/sessions/`).
    Text(&'a str),
    /// A `{name}` or `{name*}` variable.
    Variable(Variable<'a>),
}

/// A `{name}` (or wildcard `{name*}`) variable of a route path.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Variable<'a> {
    /// The variable's name as written in the path, without braces or `*`.
    pub name: &'a str,
    /// `{name*}`: the rest of the path. It may be unset (it is then left empty), and `/` in its
    /// value separates path segments instead of being escaped.
    pub wildcard: bool,
}

/// What is wrong with a route path or verb list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RouteError {
    message: String,
}

impl RouteError {
    fn new(message: impl Into<String>) -> Self {
        RouteError {
            message: message.into(),
        }
    }
}

impl fmt::Display for RouteError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for RouteError {}

/// A piece as the grammar reads it, before the checks: text, or the text between braces.
enum Raw<'a> {
    Text(&'a str),
    Braced(&'a str),
}

/// The path as literal runs and `{...}` groups; fails on a stray or nested brace.
fn raw_pieces(path: &str) -> IResult<&str, Vec<Raw<'_>>> {
    all_consuming(many0(alt((
        map(take_till1(|c| c == '{' || c == '}'), Raw::Text),
        map(
            delimited(char('{'), take_till(|c| c == '{' || c == '}'), char('}')),
            Raw::Braced,
        ),
    ))))
    .parse(path)
}

/// Why the braces of `path` do not parse: the first unbalanced or nested one.
fn brace_error(path: &str) -> RouteError {
    let mut open = false;
    for c in path.chars() {
        match c {
            '{' if open => {
                return RouteError::new(format!("route variables cannot nest: `{path}`"));
            }
            '{' => open = true,
            '}' if !open => {
                return RouteError::new(format!(
                    "unbalanced braces: `}}` without `{{` in `{path}`"
                ));
            }
            '}' => open = false,
            _ => {}
        }
    }
    RouteError::new(format!("unbalanced braces: `{{` without `}}` in `{path}`"))
}

/// The path split into literal text and variables, in order, or what is wrong with it.
pub fn parse_path(path: &str) -> Result<Vec<Piece<'_>>, RouteError> {
    if !path.starts_with('/') {
        return Err(RouteError::new(format!(
            "a route path must start with `/`: `{path}`"
        )));
    }
    if let Some(c) = path.chars().find(|&c| c == '?' || c == '#') {
        return Err(RouteError::new(format!(
            "a route path cannot contain `{c}`: put query parameters in fields, not in the route"
        )));
    }
    let (_, raw) = raw_pieces(path).map_err(|_| brace_error(path))?;
    let mut pieces: Vec<Piece<'_>> = Vec::with_capacity(raw.len());
    for (i, piece) in raw.iter().enumerate() {
        let inner = match piece {
            Raw::Text(text) => {
                pieces.push(Piece::Text(text));
                continue;
            }
            Raw::Braced(inner) => *inner,
        };
        // A whole component: `/` or `.` before the `{` and after the `}` (or the end).
        let before = match i.checked_sub(1).map(|j| &raw[j]) {
            Some(Raw::Text(text)) => text.ends_with(['/', '.']),
            _ => false,
        };
        let after = match raw.get(i + 1) {
            None => true,
            Some(Raw::Text(text)) => text.starts_with(['/', '.']),
            Some(Raw::Braced(_)) => false,
        };
        if !before || !after {
            return Err(RouteError::new(format!(
                "a route variable must fill a whole path segment, as in `/{{Id}}/` or \
                 `/{{Name}}.{{Ext}}`: `{}`",
                component(&raw, i)
            )));
        }
        let (name, wildcard) = match inner.strip_suffix('*') {
            Some(name) => (name, true),
            None => (inner, false),
        };
        if name.is_empty() {
            return Err(RouteError::new(format!(
                "empty route variable `{{{inner}}}`"
            )));
        }
        if name.contains('*') {
            return Err(RouteError::new(format!(
                "`*` can only end a route variable (`{{Path*}}`): `{{{inner}}}`"
            )));
        }
        if name.chars().any(char::is_whitespace) || name.contains(['/', '.']) {
            return Err(RouteError::new(format!(
                "a route variable name cannot contain whitespace, `/` or `.`: `{{{inner}}}`"
            )));
        }
        let duplicate = pieces
            .iter()
            .any(|p| matches!(p, Piece::Variable(v) if v.name.eq_ignore_ascii_case(name)));
        if duplicate {
            return Err(RouteError::new(format!(
                "route variable `{name}` occurs twice in `{path}`"
            )));
        }
        pieces.push(Piece::Variable(Variable { name, wildcard }));
    }
    Ok(pieces)
}

/// The path component (between `/` and `.` separators) around the braced piece `i`, for messages.
fn component(raw: &[Raw<'_>], i: usize) -> String {
    let text = |piece: &Raw<'_>| match piece {
        Raw::Text(text) => text.to_string(),
        Raw::Braced(inner) => format!("{{{inner}}}"),
    };
    let before = i.checked_sub(1).map(|j| text(&raw[j])).unwrap_or_default();
    let after = raw.get(i + 1).map(text).unwrap_or_default();
    let before = before.rsplit(['/', '.']).next().unwrap_or_default();
    let after = after.split(['/', '.']).next().unwrap_or_default();
    format!("{before}{}{after}", text(&raw[i]))
}

/// The variables of a route path, in order.
pub fn variables(path: &str) -> Result<Vec<Variable<'_>>, RouteError> {
    Ok(parse_path(path)?
        .into_iter()
        .filter_map(|piece| match piece {
            Piece::Variable(variable) => Some(variable),
            Piece::Text(_) => None,
        })
        .collect())
}

/// The HTTP verbs a route may list (upper case). `ANY` (or `*`) means every verb.
pub const VERBS: &[&str] = &["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"];

/// Splits a verb list (`"GET,POST"`, `"get post"`) into upper-case verbs without repeats; `*`
/// becomes `ANY`. An unknown verb or an empty list is an error.
pub fn parse_verbs(list: &str) -> Result<Vec<String>, RouteError> {
    let mut verbs: Vec<String> = Vec::new();
    for verb in list.split([',', ' ', '\t']).filter(|v| !v.is_empty()) {
        let upper = match verb.to_ascii_uppercase() {
            star if star == "*" => "ANY".to_owned(),
            upper => upper,
        };
        if upper != "ANY" && !VERBS.contains(&upper.as_str()) {
            return Err(RouteError::new(format!(
                "unknown HTTP verb `{verb}`: expected {}, or ANY (also `*`) for every verb",
                VERBS.join(", ")
            )));
        }
        if !verbs.contains(&upper) {
            verbs.push(upper);
        }
    }
    if verbs.is_empty() {
        return Err(RouteError::new(
            "empty verb list: leave the verbs out for a route that allows any verb",
        ));
    }
    Ok(verbs)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(path: &str) -> Vec<(String, bool)> {
        variables(path)
            .unwrap()
            .into_iter()
            .map(|v| (v.name.to_owned(), v.wildcard))
            .collect()
    }

    #[test]
    fn good_paths() {
        assert_eq!(
            names("/sessions/{sessionId}/members"),
            [("sessionId".into(), false)]
        );
        assert_eq!(
            names("/files/{Name}.{Ext}"),
            [("Name".into(), false), ("Ext".into(), false)]
        );
        assert_eq!(names("/files/{Path*}"), [("Path".into(), true)]);
        assert_eq!(names("/{Id}"), [("Id".into(), false)]);
        assert!(names("/").is_empty());
        assert_eq!(
            parse_path("/a/{b}/c").unwrap(),
            [
                Piece::Text("/a/"),
                Piece::Variable(Variable {
                    name: "b",
                    wildcard: false
                }),
                Piece::Text("/c"),
            ]
        );
    }

    #[test]
    fn bad_paths() {
        for (path, message) in [
            (
                "items/{id}",
                "a route path must start with `/`: `items/{id}`",
            ),
            (
                "/a?x=1",
                "a route path cannot contain `?`: put query parameters in fields, not in the route",
            ),
            (
                "/items/{id",
                "unbalanced braces: `{` without `}` in `/items/{id`",
            ),
            (
                "/items/id}",
                "unbalanced braces: `}` without `{` in `/items/id}`",
            ),
            (
                "/items/{{id}}",
                "route variables cannot nest: `/items/{{id}}`",
            ),
            ("/items/{}", "empty route variable `{}`"),
            (
                "/items/item-{id}",
                "a route variable must fill a whole path segment, as in `/{Id}/` or `/{Name}.{Ext}`: `item-{id}`",
            ),
            (
                "/a/{b}x/c",
                "a route variable must fill a whole path segment, as in `/{Id}/` or `/{Name}.{Ext}`: `{b}x`",
            ),
            (
                "/a/{b}{c}",
                "a route variable must fill a whole path segment, as in `/{Id}/` or `/{Name}.{Ext}`: `{b}{c}`",
            ),
            (
                "/a/{b*c}",
                "`*` can only end a route variable (`{Path*}`): `{b*c}`",
            ),
            (
                "/a/{b c}",
                "a route variable name cannot contain whitespace, `/` or `.`: `{b c}`",
            ),
            (
                "/items/{id}/{ID}",
                "route variable `ID` occurs twice in `/items/{id}/{ID}`",
            ),
        ] {
            assert_eq!(parse_path(path).unwrap_err().to_string(), message, "{path}");
        }
    }

    #[test]
    fn verbs() {
        assert_eq!(parse_verbs("GET,POST").unwrap(), ["GET", "POST"]);
        assert_eq!(parse_verbs("get post get").unwrap(), ["GET", "POST"]);
        assert_eq!(parse_verbs("*").unwrap(), ["ANY"]);
        assert!(
            parse_verbs("GRAB")
                .unwrap_err()
                .to_string()
                .contains("unknown HTTP verb `GRAB`")
        );
        assert!(parse_verbs(" , ").is_err());
    }
}
