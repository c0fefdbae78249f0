//! Checks that need the whole struct: route variables against wire names, duplicate routes,
//! conflicting return declarations, API docs on fields that are never serialized.

use crate::ast::Container;
use crate::attr::Route;
use crate::ctxt::Ctxt;

pub fn check(cx: &Ctxt, cont: &Container) {
    check_returns(cx, cont);
    check_route_variables(cx, cont);
    check_duplicate_routes(cx, cont);
    check_api_members(cx, cont);
}

fn check_returns(cx: &Ctxt, cont: &Container) {
    if let (Some(_), Some(void)) = (&cont.attrs.returns, &cont.attrs.returns_void) {
        cx.error_spanned_by(
            void,
            "#[returns_void] conflicts with #[returns(...)]: a request either returns a response type or nothing",
        );
    }
}

fn check_route_variables(cx: &Ctxt, cont: &Container) {
    // A flattened field's own fields are serialized in its place, and their names cannot be seen
    // from here, so a variable may name one of them.
    let has_flatten = cont
        .fields
        .iter()
        .any(|f| f.attrs.flatten && !f.attrs.skip_serializing);
    for route in &cont.attrs.routes {
        let Some(variables) = &route.variables else {
            continue;
        };
        for variable in variables {
            let name = &variable.name;
            if cont
                .fields
                .iter()
                .any(|f| f.is_serialized() && f.wire_name.eq_ignore_ascii_case(name))
            {
                continue;
            }
            if let Some(skipped) = cont
                .fields
                .iter()
                .find(|f| f.attrs.skip_serializing && f.wire_name.eq_ignore_ascii_case(name))
            {
                cx.error_spanned_by(
                    &route.path,
                    format!(
                        "route variable `{{{name}}}` names field `{}`, which serde never serializes (#[serde(skip)] or skip_serializing), so it can never be filled in",
                        skipped.ident
                    ),
                );
                continue;
            }
            // ServiceStack's server skips a `{ignore}` segment; it names no property by design.
            if has_flatten || name.eq_ignore_ascii_case("ignore") {
                continue;
            }
            let names: Vec<&str> = cont
                .fields
                .iter()
                .filter(|f| f.is_serialized())
                .map(|f| f.wire_name.as_str())
                .collect();
            let known = if names.is_empty() {
                "the struct has no serialized fields".to_owned()
            } else {
                format!("the fields' wire names are {}", names.join(", "))
            };
            cx.error_spanned_by(
                &route.path,
                format!("route variable `{{{name}}}` matches no field (compared case-insensitively with wire names; {known})"),
            );
        }
    }
}

/// The verbs a route allows, as a sorted set; `None` for every verb.
fn verb_set(route: &Route) -> Option<Vec<&str>> {
    if route.verbs.is_empty() || route.verbs.iter().any(|v| v == "ANY") {
        return None;
    }
    let mut verbs: Vec<&str> = route.verbs.iter().map(String::as_str).collect();
    verbs.sort_unstable();
    Some(verbs)
}

/// The same path (ignoring case, as ServiceStack matches paths) with the same verbs, twice. Routes
/// that share a path but differ in verbs are fine, even if the verbs overlap (`ANY` beside `GET`):
/// ServiceStack's server prefers the route that names the verb.
fn check_duplicate_routes(cx: &Ctxt, cont: &Container) {
    let routes = &cont.attrs.routes;
    for (i, later) in routes.iter().enumerate() {
        let path = later.path.value();
        let verbs = verb_set(later);
        let duplicate = routes[..i].iter().any(|earlier| {
            earlier.path.value().eq_ignore_ascii_case(&path) && verb_set(earlier) == verbs
        });
        if duplicate {
            let verbs = verbs.map_or_else(|| "any verb".to_owned(), |v| v.join(", "));
            cx.error_spanned_by(
                &later.path,
                format!(
                    "duplicate route `{path}` for {verbs}: an earlier #[route] already declares it"
                ),
            );
        }
    }
}

fn check_api_members(cx: &Ctxt, cont: &Container) {
    for field in &cont.fields {
        let Some(member) = &field.attrs.api_member else {
            continue;
        };
        if field.attrs.skip_serializing {
            cx.error_spanned_by(
                &member.attr,
                format!(
                    "#[api_member] on `{}`, which serde never serializes (#[serde(skip)] or skip_serializing): document a field that is sent",
                    field.ident
                ),
            );
        } else if field.attrs.flatten {
            cx.error_spanned_by(
                &member.attr,
                format!("#[api_member] on flattened field `{}`: document the fields of its type instead", field.ident),
            );
        }
    }
}
