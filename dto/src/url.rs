//! Building the relative URL ServiceStack's clients call for a request DTO and an HTTP verb.

use jsv::query::{QueryValue, ValueKind, percent_encode, percent_encode_into};

use crate::Request;
use crate::error::{Error, PathValueProblem, UnmatchedRoute};
use crate::route::{Route, RoutePiece, RouteVariable};

/// Whether ServiceStack's clients send a request DTO with this verb in the body (`POST`, `PUT`,
/// `PATCH`, ...) rather than in the query string (`GET`, `DELETE`, `HEAD`, `OPTIONS`). Verbs are
/// compared case-insensitively.
pub fn has_request_body(verb: &str) -> bool {
    !["GET", "DELETE", "HEAD", "OPTIONS"]
        .iter()
        .any(|v| v.eq_ignore_ascii_case(verb))
}

/// The relative URL for `request` sent with `verb`; what [`Request::to_url`] returns.
pub fn to_url<T: Request + ?Sized>(request: &T, verb: &str) -> Result<String, Error> {
    build_url(T::NAME, T::ROUTES, verb, &request_fields(request)?)
}

/// The request's set fields as wire name and value, in field order: `None` fields are absent,
/// scalars are their plain text, lists and objects their JSV text (what
/// [`jsv::query::to_query_pairs`] gives). Every URL of this module is built from them.
pub fn request_fields<T: Request + ?Sized>(
    request: &T,
) -> Result<Vec<(String, QueryValue)>, Error> {
    jsv::query::to_query_pairs(request).map_err(|source| Error::Serialize {
        request: T::NAME,
        source,
    })
}

struct Candidate {
    route: &'static Route,
    pieces: Vec<RoutePiece>,
    variables: usize,
}

fn find<'f>(fields: &'f [(String, QueryValue)], name: &str) -> Option<&'f QueryValue> {
    fields
        .iter()
        .find(|(wire, _)| wire.eq_ignore_ascii_case(name))
        .map(|(_, value)| value)
}

/// [`to_url`] from the parts: the request's `name` and `routes`, and its set fields as
/// [`request_fields`] gives them. When no route allows the verb, the pre-defined
/// `/json/reply/{name}` ([`predefined_url`]).
pub fn build_url(
    name: &'static str,
    routes: &'static [Route],
    verb: &str,
    fields: &[(String, QueryValue)],
) -> Result<String, Error> {
    match route_url(name, routes, verb, fields)? {
        Some(url) => Ok(url),
        None => Ok(predefined_url(&format!("/json/reply/{name}"), verb, fields)),
    }
}

/// The URL of the route ServiceStack's clients choose for `verb` (steps 1 to 5 of the [crate]
/// docs), or `None` when no route allows the verb, so the caller picks the pre-defined route
/// it wants (`/json/reply/{name}`, `/jsv/reply/{name}`, `/api/{name}`).
pub fn route_url(
    name: &'static str,
    routes: &'static [Route],
    verb: &str,
    fields: &[(String, QueryValue)],
) -> Result<Option<String>, Error> {
    let mut candidates: Vec<Candidate> = Vec::new();
    let mut unmatched: Vec<UnmatchedRoute> = Vec::new();
    for route in routes.iter().filter(|r| r.allows(verb)) {
        let pieces = route.pieces()?;
        let missing = missing_variables(&pieces, fields);
        if missing.is_empty() {
            let variables = pieces
                .iter()
                .filter(|p| matches!(p, RoutePiece::Variable(_)))
                .count();
            candidates.push(Candidate {
                route,
                pieces,
                variables,
            });
        } else {
            unmatched.push(UnmatchedRoute {
                path: route.path,
                missing,
            });
        }
    }

    if candidates.is_empty() && unmatched.is_empty() {
        return Ok(None);
    }

    // The most variables wins; then the shorter path (ServiceStack's tie-break); then the route
    // declared first (`reduce` keeps the earlier one on a tie).
    let Some(best) = candidates.into_iter().reduce(|best, c| {
        let better = c.variables > best.variables
            || (c.variables == best.variables && c.route.path.len() < best.route.path.len());
        if better { c } else { best }
    }) else {
        return Err(Error::MissingRouteVariables {
            request: name,
            verb: verb.to_ascii_uppercase(),
            routes: unmatched,
        });
    };
    fill(name, best.route, &best.pieces, verb, fields).map(Some)
}

/// The first route, in declaration order, whose variables are all set (a `{name*}` wildcard may
/// be unset), whatever its verbs; `None` when there is none. The route a request is sent to when
/// the caller names no verb: [`Route::preferred_verb`] then says which verb.
pub fn first_complete_route(
    routes: &'static [Route],
    fields: &[(String, QueryValue)],
) -> Result<Option<&'static Route>, Error> {
    for route in routes {
        if missing_variables(&route.pieces()?, fields).is_empty() {
            return Ok(Some(route));
        }
    }
    Ok(None)
}

/// The URL of one given `route` with its variables filled in (step 4 of the [crate] docs), and
/// for a verb without a body ([`has_request_body`]) the other set fields as the query string.
/// A variable that is not set is [`Error::MissingRouteVariables`].
pub fn fill_route(
    name: &'static str,
    route: &'static Route,
    verb: &str,
    fields: &[(String, QueryValue)],
) -> Result<String, Error> {
    let pieces = route.pieces()?;
    let missing = missing_variables(&pieces, fields);
    if !missing.is_empty() {
        return Err(Error::MissingRouteVariables {
            request: name,
            verb: verb.to_ascii_uppercase(),
            routes: vec![UnmatchedRoute {
                path: route.path,
                missing,
            }],
        });
    }
    fill(name, route, &pieces, verb, fields)
}

/// A pre-defined route's `path` (`/json/reply/GetSession`, `/api/GetSession`, used as given)
/// and, for a verb without a body ([`has_request_body`]), every set field as the query string.
pub fn predefined_url(path: &str, verb: &str, fields: &[(String, QueryValue)]) -> String {
    let mut url = path.to_owned();
    if !has_request_body(verb) {
        append_query(&mut url, fields.iter());
    }
    url
}

fn missing_variables(pieces: &[RoutePiece], fields: &[(String, QueryValue)]) -> Vec<&'static str> {
    pieces
        .iter()
        .filter_map(|piece| match piece {
            RoutePiece::Variable(v) if !v.wildcard && find(fields, v.name).is_none() => {
                Some(v.name)
            }
            _ => None,
        })
        .collect()
}

fn fill(
    name: &'static str,
    route: &'static Route,
    pieces: &[RoutePiece],
    verb: &str,
    fields: &[(String, QueryValue)],
) -> Result<String, Error> {
    let mut url = String::with_capacity(route.path.len() + 16);
    let mut used: Vec<&str> = Vec::new();
    for piece in pieces {
        match *piece {
            RoutePiece::Text(text) => url.push_str(text),
            RoutePiece::Variable(variable) => {
                used.push(variable.name);
                push_variable(&mut url, name, route, variable, find(fields, variable.name))?;
            }
        }
    }
    if !has_request_body(verb) {
        append_query(
            &mut url,
            fields
                .iter()
                .filter(|(wire, _)| !used.iter().any(|u| u.eq_ignore_ascii_case(wire))),
        );
    }
    Ok(url)
}

fn push_variable(
    url: &mut String,
    request: &'static str,
    route: &'static Route,
    variable: RouteVariable,
    value: Option<&QueryValue>,
) -> Result<(), Error> {
    let invalid = |problem| Error::InvalidPathValue {
        request,
        route: route.path,
        variable: variable.name,
        problem,
    };
    let Some(value) = value else {
        // Only a wildcard may be unset; it then stands for nothing.
        return Ok(());
    };
    match value.kind() {
        ValueKind::List => return Err(invalid(PathValueProblem::List)),
        ValueKind::Object => return Err(invalid(PathValueProblem::Object)),
        ValueKind::Scalar => {}
    }
    if variable.wildcard {
        // The rest of the path: `/` separates segments, each encoded on its own.
        for (i, segment) in value.as_str().split('/').enumerate() {
            if i > 0 {
                url.push('/');
            }
            percent_encode_into(url, segment);
        }
    } else {
        if value.is_empty() {
            return Err(invalid(PathValueProblem::Empty));
        }
        percent_encode_into(url, value.as_str());
    }
    Ok(())
}

fn append_query<'a>(url: &mut String, fields: impl Iterator<Item = &'a (String, QueryValue)>) {
    let mut separator = '?';
    for (wire, value) in fields {
        url.push(separator);
        separator = '&';
        url.push_str(&percent_encode(wire));
        url.push('=');
        percent_encode_into(url, value.as_str());
    }
}
