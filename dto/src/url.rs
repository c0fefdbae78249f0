//! Building the relative URL ServiceStack's clients call for a request DTO and an HTTP verb.

use jsv::query::{QueryValue, ValueKind, percent_encode, percent_encode_into};

use crate::Request;
use crate::error::{Error, PathValueProblem, UnmatchedRoute};
use crate::route::{Piece, Route, RouteVariable};

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
    let fields = jsv::query::to_query_pairs(request).map_err(|source| Error::Serialize {
        request: T::NAME,
        source,
    })?;
    build_url(T::NAME, T::ROUTES, verb, &fields)
}

struct Candidate {
    route: &'static Route,
    pieces: Vec<Piece>,
    variables: usize,
}

fn find<'f>(fields: &'f [(String, QueryValue)], name: &str) -> Option<&'f QueryValue> {
    fields
        .iter()
        .find(|(wire, _)| wire.eq_ignore_ascii_case(name))
        .map(|(_, value)| value)
}

/// [`to_url`] from the parts: the request's `name` and `routes`, and its set fields as
/// [`jsv::query::to_query_pairs`] gives them.
pub fn build_url(
    name: &'static str,
    routes: &'static [Route],
    verb: &str,
    fields: &[(String, QueryValue)],
) -> Result<String, Error> {
    let mut candidates: Vec<Candidate> = Vec::new();
    let mut unmatched: Vec<UnmatchedRoute> = Vec::new();
    for route in routes.iter().filter(|r| r.allows(verb)) {
        let pieces = route.pieces()?;
        let mut variables = 0;
        let mut missing = Vec::new();
        for piece in &pieces {
            if let Piece::Variable(variable) = piece {
                variables += 1;
                if !variable.wildcard && find(fields, variable.name).is_none() {
                    missing.push(variable.name);
                }
            }
        }
        if missing.is_empty() {
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
        // No route allows the verb: ServiceStack's pre-defined route.
        let mut url = format!("/json/reply/{name}");
        if !has_request_body(verb) {
            append_query(&mut url, fields.iter());
        }
        return Ok(url);
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

    let mut url = String::with_capacity(best.route.path.len() + 16);
    let mut used: Vec<&str> = Vec::new();
    for piece in &best.pieces {
        match *piece {
            Piece::Text(text) => url.push_str(text),
            Piece::Variable(variable) => {
                used.push(variable.name);
                push_variable(
                    &mut url,
                    name,
                    best.route,
                    variable,
                    find(fields, variable.name),
                )?;
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
