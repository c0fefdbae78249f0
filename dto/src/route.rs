//! Routes and API member metadata; the route-path grammar is `dto-route`'s, shared with
//! `#[derive(Dto)]` and `dto-codegen`.

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

/// A `{name}` (or wildcard `{name*}`) variable of a route path (see [`dto_route::Variable`]).
pub type RouteVariable = dto_route::Variable<'static>;

/// A piece of a route path ([`Route::pieces`]): literal text or a variable (see
/// [`dto_route::Piece`]).
pub type RoutePiece = dto_route::Piece<'static>;

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
        dto_route::parse_path(self.path).map_err(|error| Error::MalformedRoute {
            route: self.path,
            reason: error.to_string(),
        })
    }
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
            Route::new("/a/{b}/c", &[]).pieces().unwrap(),
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
