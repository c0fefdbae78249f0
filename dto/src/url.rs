//! Building the relative URL ServiceStack's clients call for a request DTO and an HTTP verb.

use jsv::query::{QueryValue, ValueKind};

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

/// A struct's (or map's) set fields as `name=value` joined by `&`, names and values
/// percent-encoded with [`percent_encode`], without a leading `?` (lists and objects as their JSV
/// text, see [`jsv::query`]). Empty when no field is set; an error when the value is not a struct
/// or a map.
///
/// ```
/// #[derive(serde::Serialize)]
/// struct FindCalls { ids: Vec<u32>, caller: Option<String>, active: bool, note: Option<String> }
///
/// let request = FindCalls { ids: vec![1, 2], caller: Some("Doe, John".into()), active: true, note: None };
/// assert_eq!(
///     dto::url::to_query_string(&request).unwrap(),
///     "ids=%5B1%2C2%5D&caller=Doe%2C%20John&active=True",
/// );
/// ```
pub fn to_query_string<T: ?Sized + serde::Serialize>(value: &T) -> Result<String, jsv::Error> {
    let pairs = jsv::query::to_query_pairs(value)?;
    let mut out = String::new();
    append_query(&mut out, pairs.iter());
    if !out.is_empty() {
        out.remove(0);
    }
    Ok(out)
}

// ---------------------------------------------------------------------------------------------------
// Percent-encoding
//
// Route variables and query strings keep exactly RFC 3986's *unreserved* characters,
// `A-Z a-z 0-9 - . _ ~`, and write every other byte of the UTF-8 text as `%XX` with upper-case hex
// digits: a space is `%20` (never `+`), `+` is `%2B`, `/` is `%2F`, `é` is `%C3%A9`. This is what
// .NET's `Uri.EscapeDataString` produces, which ServiceStack's own C# client applies to route
// variables and query values; it is safe in a path segment, a query name and a query value alike.

/// Whether RFC 3986 calls `byte` *unreserved* (`A-Z a-z 0-9 - . _ ~`), the only bytes
/// [`percent_encode`] leaves as they are.
#[inline]
pub fn is_unreserved(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~')
}

/// Percent-encodes `text` for a URL path segment, a query-string name or a query-string value:
/// RFC 3986 unreserved characters (`A-Z a-z 0-9 - . _ ~`) are kept, every other byte of the UTF-8
/// text becomes `%XX` with upper-case hex (space `%20`, `+` `%2B`, `/` `%2F`, `é` `%C3%A9`). The same
/// as .NET's `Uri.EscapeDataString`.
///
/// ```
/// assert_eq!(dto::url::percent_encode("a b+c/d?é"), "a%20b%2Bc%2Fd%3F%C3%A9");
/// assert_eq!(dto::url::percent_encode("Az09-._~"), "Az09-._~");
/// ```
pub fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    percent_encode_into(&mut out, text);
    out
}

/// [`percent_encode`], appending to `out`.
pub fn percent_encode_into(out: &mut String, text: &str) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let bytes = text.as_bytes();
    let mut start = 0;
    for (i, &byte) in bytes.iter().enumerate() {
        if is_unreserved(byte) {
            continue;
        }
        // `start..i` is a run of unreserved (ASCII) bytes, so both ends are char boundaries whenever
        // the run is not empty; an empty run is skipped because `start` may then sit inside a
        // multi-byte character that is being escaped byte by byte.
        if start < i {
            out.push_str(&text[start..i]);
        }
        out.push('%');
        out.push(HEX[usize::from(byte >> 4)] as char);
        out.push(HEX[usize::from(byte & 0x0F)] as char);
        start = i + 1;
    }
    if start < bytes.len() {
        out.push_str(&text[start..]);
    }
}

/// Decodes `%XX` escapes (and `+` as a space when `plus_is_space`, as in query strings and forms):
/// the reverse of [`percent_encode`]. Invalid UTF-8 is replaced; a `%` not followed by two hex
/// digits is kept.
///
/// ```
/// assert_eq!(dto::url::percent_decode("a%20b+c%2B", true), "a b c+");
/// assert_eq!(dto::url::percent_decode("a+b%zz", false), "a+b%zz");
/// ```
pub fn percent_decode(text: &str, plus_is_space: bool) -> String {
    if !text.contains(['%', '+']) {
        return text.to_owned();
    }
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(high), Some(low)) => {
                    out.push((high * 16 + low) as u8);
                    i += 3;
                    continue;
                }
                _ => out.push(b'%'),
            },
            b'+' if plus_is_space => out.push(b' '),
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}
