//! Routes and API member metadata, and the route-path grammar shared with `#[derive(Dto)]`.

use crate::Error;

/// One `[Route(path, verbs)]` of a request DTO.
///
/// `verbs` are upper-case HTTP verbs (`GET`, `POST`, ...); an empty slice, or one containing `ANY`
/// or `*`, allows every verb.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Route {
    /// The path template, e.g. `/sessions/{sessionId}/conference/members`.
    pub path: &'static str,
    /// The verbs the route allows; empty for any verb.
    pub verbs: &'static [&'static str],
}

/// A `{name}` (or wildcard `{name*}`) variable of a route path.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct RouteVariable {
    /// The variable's name as written in the path, without braces or `*`.
    pub name: &'static str,
    /// `{name*}`: the rest of the path. It may be unset (it is then left empty), and `/` in its value
    /// separates path segments instead of being escaped.
    pub wildcard: bool,
}

/// A piece of a route path ([`Route::pieces`]): literal text or a variable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RoutePiece {
    /// Literal text, `/` separators included (`/sessions/`).
    Text(&'static str),
    /// A `{name}` or `{name*}` variable.
    Variable(RouteVariable),
}

impl Route {
    /// A route for `path` allowing `verbs` (empty for any verb).
    pub const fn new(path: &'static str, verbs: &'static [&'static str]) -> Self {
        Route { path, verbs }
    }

    /// Whether the route allows `verb` (compared case-insensitively).
    pub fn allows(&self, verb: &str) -> bool {
        self.verbs.is_empty()
            || self
                .verbs
                .iter()
                .any(|v| v.eq_ignore_ascii_case(verb) || v.eq_ignore_ascii_case("ANY") || *v == "*")
    }

    /// The verb a request sent to this route without a verb of its own uses: the first verb the
    /// route lists, ignoring `ANY` and `*`; `POST` when it lists none.
    pub fn preferred_verb(&self) -> &'static str {
        self.verbs
            .iter()
            .copied()
            .find(|v| !v.eq_ignore_ascii_case("ANY") && *v != "*")
            .unwrap_or("POST")
    }

    /// The path's variables in order, or [`Error::MalformedRoute`] (see [`crate`] docs for the
    /// grammar; `#[derive(Dto)]` checks it at compile time).
    pub fn variables(&self) -> Result<Vec<RouteVariable>, Error> {
        Ok(self
            .pieces()?
            .into_iter()
            .filter_map(|piece| match piece {
                RoutePiece::Variable(variable) => Some(variable),
                RoutePiece::Text(_) => None,
            })
            .collect())
    }

    /// The path split into literal text and variables, in order, or [`Error::MalformedRoute`]:
    /// `/sessions/{sessionId}/members` is `Text("/sessions/")`, `Variable(sessionId)`,
    /// `Text("/members")`.
    pub fn pieces(&self) -> Result<Vec<RoutePiece>, Error> {
        parse_path(self.path).map_err(|reason| Error::MalformedRoute {
            route: self.path,
            reason,
        })
    }
}

const WHOLE_SEGMENT: &str =
    "a route variable must fill a whole path segment, as in `/{Id}/` or `/{Name}.{Ext}`";

/// Splits a route path into text and variables. The grammar is `#[derive(Dto)]`'s: the path starts
/// with `/`, has no `?` or `#`, braces are balanced and do not nest, and each variable is `{name}` or
/// `{name*}` (name non-empty, no whitespace, no `*` inside) filling a whole component between `/` and
/// `.` separators, at most once per path.
pub(crate) fn parse_path(path: &'static str) -> Result<Vec<RoutePiece>, String> {
    if !path.starts_with('/') {
        return Err("a route path must start with `/`".to_owned());
    }
    if let Some(c) = path.chars().find(|&c| c == '?' || c == '#') {
        return Err(format!("a route path cannot contain `{c}`"));
    }
    let mut pieces = Vec::new();
    let mut rest = path;
    while let Some(open) = rest.find(['{', '}']) {
        if rest.as_bytes()[open] == b'}' {
            return Err("unbalanced braces: `}` without `{`".to_owned());
        }
        let before = &rest[..open];
        let after = &rest[open + 1..];
        let close = after
            .find(['{', '}'])
            .ok_or_else(|| "unbalanced braces: `{` without `}`".to_owned())?;
        if after.as_bytes()[close] == b'{' {
            return Err("route variables cannot nest".to_owned());
        }
        let inner = &after[..close];
        let tail = &after[close + 1..];
        // The variable must be a whole component: preceded by `/` or `.`, followed by `/`, `.` or the end.
        if !(before.ends_with(['/', '.'])) || !(tail.is_empty() || tail.starts_with(['/', '.'])) {
            return Err(WHOLE_SEGMENT.to_owned());
        }
        let (name, wildcard) = match inner.strip_suffix('*') {
            Some(name) => (name, true),
            None => (inner, false),
        };
        if name.is_empty() {
            return Err("empty route variable".to_owned());
        }
        if name.contains('*') {
            return Err(format!("`*` can only end a route variable: `{{{inner}}}`"));
        }
        if name.contains(['/', '.']) || name.chars().any(char::is_whitespace) {
            return Err(format!("invalid route variable name `{name}`"));
        }
        let duplicate = pieces
            .iter()
            .any(|p| matches!(p, RoutePiece::Variable(v) if v.name.eq_ignore_ascii_case(name)));
        if duplicate {
            return Err(format!("route variable `{name}` occurs twice"));
        }
        if !before.is_empty() {
            pieces.push(RoutePiece::Text(before));
        }
        pieces.push(RoutePiece::Variable(RouteVariable { name, wildcard }));
        rest = tail;
    }
    if !rest.is_empty() {
        pieces.push(RoutePiece::Text(rest));
    }
    Ok(pieces)
}

/// One property's `[ApiMember]` documentation, for every serialized field of a derived DTO (in
/// field order; flattened fields are not listed).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ApiMember {
    /// The documented name: `#[api_member(name = "..")]`, else the wire name.
    pub name: &'static str,
    /// The serialized (serde) name of the field.
    pub wire_name: &'static str,
    /// `#[api_member(description = "..")]`.
    pub description: Option<&'static str>,
    /// `#[api_member(is_required)]`.
    pub required: bool,
    /// `#[api_member(parameter_type = "path")]`: `path`, `query`, `body`, `form`, `header`, ... as
    /// written.
    pub parameter_type: Option<&'static str>,
    /// `#[api_member(data_type = "string")]` as written.
    pub data_type: Option<&'static str>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vars(path: &'static str) -> Vec<(&'static str, bool)> {
        Route::new(path, &[])
            .variables()
            .unwrap()
            .into_iter()
            .map(|v| (v.name, v.wildcard))
            .collect()
    }

    #[test]
    fn parses_variables() {
        assert_eq!(
            vars("/sessions/{sessionId}/conference/members"),
            [("sessionId", false)]
        );
        assert_eq!(
            vars("/files/{Name}.{Ext}"),
            [("Name", false), ("Ext", false)]
        );
        assert_eq!(vars("/files/{Path*}"), [("Path", true)]);
        assert_eq!(vars("/"), []);
        assert_eq!(
            parse_path("/a/{b}/c").unwrap(),
            [
                RoutePiece::Text("/a/"),
                RoutePiece::Variable(RouteVariable {
                    name: "b",
                    wildcard: false
                }),
                RoutePiece::Text("/c")
            ]
        );
    }

    #[test]
    fn rejects_malformed_paths() {
        for (path, needle) in [
            ("a/{b}", "start with `/`"),
            ("/a?x=1", "`?`"),
            ("/a/{b", "`{` without `}`"),
            ("/a/b}", "`}` without `{`"),
            ("/a/{{b}}", "nest"),
            ("/a/{}", "empty"),
            ("/a/x{b}", "whole path segment"),
            ("/a/{b}x", "whole path segment"),
            ("/a/{b*c}", "can only end"),
            ("/a/{b}/{B}", "twice"),
        ] {
            let err = Route::new(path, &[]).variables().unwrap_err().to_string();
            assert!(err.contains(needle), "{path}: {err}");
        }
    }

    #[test]
    fn verbs_are_case_insensitive_and_any_allows_all() {
        let get_post = Route::new("/a", &["GET", "POST"]);
        assert!(get_post.allows("get") && get_post.allows("POST") && !get_post.allows("PUT"));
        assert!(Route::new("/a", &[]).allows("PATCH"));
        assert!(Route::new("/a", &["ANY"]).allows("delete"));
        assert!(Route::new("/a", &["*"]).allows("HEAD"));
    }
}
