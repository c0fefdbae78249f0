//! Why a URL could not be built.

use std::fmt;

/// Why [`Request::to_url`](crate::Request::to_url) could not build a URL.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// Routes allow the verb, but none has all its variables set. ServiceStack's client fails the
    /// same way ("Could not match following variables").
    #[error(
        "{request}: no route allowing {verb} has all its variables set ({})",
        describe(routes)
    )]
    MissingRouteVariables {
        /// The request DTO's name.
        request: &'static str,
        /// The verb asked for, upper-case.
        verb: String,
        /// Each route that allows the verb, with the variables it is missing.
        routes: Vec<UnmatchedRoute>,
    },

    /// The chosen route's variable has a value that cannot be a path segment.
    #[error(
        "{request}: route variable `{{{variable}}}` of `{route}` cannot be filled in: its value {problem}; \
         a path segment takes one non-empty scalar (a string, number, boolean or enum name)"
    )]
    InvalidPathValue {
        /// The request DTO's name.
        request: &'static str,
        /// The chosen route's path.
        route: &'static str,
        /// The variable's name as written in the route.
        variable: &'static str,
        /// What is wrong with the value.
        problem: PathValueProblem,
    },

    /// A route path that does not follow the route grammar (only possible for routes written by
    /// hand: `#[derive(Dto)]` rejects them at compile time).
    #[error("malformed route `{route}`: {reason}")]
    MalformedRoute {
        /// The route's path.
        route: &'static str,
        /// What is wrong with it.
        reason: String,
    },

    /// The request's `Serialize` impl failed, or it does not serialize as a struct or a map.
    #[error("{request}: cannot serialize the request: {source}")]
    Serialize {
        /// The request DTO's name.
        request: &'static str,
        /// The serializer's error.
        #[source]
        source: jsv::Error,
    },
}

impl Error {
    /// For [`Error::MissingRouteVariables`], every missing variable name (once each, in route
    /// order); empty for the other variants.
    pub fn missing_variables(&self) -> Vec<&str> {
        let mut names: Vec<&str> = Vec::new();
        if let Error::MissingRouteVariables { routes, .. } = self {
            for name in routes.iter().flat_map(|r| r.missing.iter()) {
                if !names.contains(name) {
                    names.push(name);
                }
            }
        }
        names
    }
}

/// A route that allows the verb but has unset variables.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnmatchedRoute {
    /// The route's path.
    pub path: &'static str,
    /// The names of its variables whose fields are not set (as written in the route).
    pub missing: Vec<&'static str>,
}

fn describe(routes: &[UnmatchedRoute]) -> String {
    routes
        .iter()
        .map(|route| format!("`{}` needs {}", route.path, route.missing.join(", ")))
        .collect::<Vec<_>>()
        .join("; ")
}

/// Why a value cannot fill a route variable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum PathValueProblem {
    /// An empty string (it would leave an empty path segment, `//`).
    Empty,
    /// A list, set or tuple.
    List,
    /// A struct, map or data-carrying enum variant.
    Object,
}

impl fmt::Display for PathValueProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            PathValueProblem::Empty => "is empty",
            PathValueProblem::List => "is a list",
            PathValueProblem::Object => "is an object",
        })
    }
}
