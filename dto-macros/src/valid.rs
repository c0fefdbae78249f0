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
                        "route variable `{{{name}}}` names field `{}`, which is never serialized (#[serde(skip)]), so it can never be filled in",
                        skipped.ident
                    ),
                );
                continue;
            }
            if has_flatten {
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

fn any_verb(route: &Route) -> bool {
    route.verbs.is_empty() || route.verbs.iter().any(|v| v == "ANY")
}

fn shared_verbs(a: &Route, b: &Route) -> Option<String> {
    match (any_verb(a), any_verb(b)) {
        (true, true) => Some("any verb".to_owned()),
        (true, false) => Some(b.verbs.join(", ")),
        (false, true) => Some(a.verbs.join(", ")),
        (false, false) => {
            let shared: Vec<&str> = a
                .verbs
                .iter()
                .filter(|v| b.verbs.contains(v))
                .map(String::as_str)
                .collect();
            (!shared.is_empty()).then(|| shared.join(", "))
        }
    }
}

fn check_duplicate_routes(cx: &Ctxt, cont: &Container) {
    let routes = &cont.attrs.routes;
    for (i, later) in routes.iter().enumerate() {
        let path = later.path.value();
        let earlier = routes[..i].iter().find_map(|earlier| {
            if earlier.path.value().eq_ignore_ascii_case(&path) {
                shared_verbs(earlier, later)
            } else {
                None
            }
        });
        if let Some(verbs) = earlier {
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
                format!("#[api_member] on `{}`, which is never serialized (#[serde(skip)]): document a field that is sent", field.ident),
            );
        } else if field.attrs.flatten {
            cx.error_spanned_by(
                &member.attr,
                format!("#[api_member] on flattened field `{}`: document the fields of its type instead", field.ident),
            );
        }
    }
}
