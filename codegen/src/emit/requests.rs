//! What makes a struct a request: `#[route]` (ServiceStack's routes, checked with the runtime's
//! grammar), `#[returns]`, `#[authenticate]`, `#[api]` and `#[api_member]` where docs cannot say it.

use super::*;

impl Emitter<'_> {
    /// `#[route]`, `#[api]`, `#[returns]`/`#[returns_void]`, `#[authenticate]` of a request.
    pub(super) fn request_attrs(
        &mut self,
        def: &TypeDef,
        op: &Operation,
        fields: &[Field],
        docs: &mut Vec<String>,
    ) -> Vec<Doc> {
        let mut attrs = Vec::new();
        let wire_names: Vec<String> = fields
            .iter()
            .map(|f| f.prop().wire_name.to_ascii_lowercase())
            .collect();
        let mut route_docs = Vec::new();
        let mut attached: Vec<(String, Vec<String>)> = Vec::new();
        for route in &op.routes {
            let verbs_text = route.verbs.join(",");
            route_docs.push(if verbs_text.is_empty() {
                format!("`{}` (all verbs)", route.path)
            } else {
                format!("`{verbs_text} {}`", route.path)
            });
            let location = op.location.clone().or(def.location.clone());
            let path = catch_all_as_wildcard(&if route.path.starts_with('/') {
                route.path.clone()
            } else {
                format!("/{}", route.path)
            });
            let variables = match dto_route::variables(&path) {
                Ok(v) => v.into_iter().map(|v| v.name.to_owned()).collect::<Vec<_>>(),
                Err(why) => {
                    self.warn(
                        location,
                        format!(
                            "{}: route `{}` is not attached: {why}",
                            def.name, route.path
                        ),
                    );
                    continue;
                }
            };
            let missing: Vec<String> = variables
                .into_iter()
                .filter(|v| !v.eq_ignore_ascii_case("ignore"))
                .filter(|v| !wire_names.contains(&v.to_ascii_lowercase()))
                .collect();
            if !missing.is_empty() {
                self.warn(
                    location,
                    format!(
                        "{}: route `{}` names {} that no member has; the route is documented \
                         but not attached",
                        def.name,
                        route.path,
                        missing
                            .iter()
                            .map(|m| format!("`{{{m}}}`"))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                );
                continue;
            }
            // Only the verbs `dto::Dto` knows; `ANY`/`*` (or none left) means every verb.
            let mut verbs: Vec<String> = Vec::new();
            for v in &route.verbs {
                let v = v.to_ascii_uppercase();
                if v == "ANY" || v == "*" {
                    verbs.clear();
                    break;
                }
                if dto_route::VERBS.contains(&v.as_str()) {
                    if !verbs.contains(&v) {
                        verbs.push(v);
                    }
                } else {
                    self.warn(
                        location.clone(),
                        format!(
                            "{}: route `{}` lists verb `{v}`, which is not an HTTP verb dto \
                             knows; ignored",
                            def.name, route.path
                        ),
                    );
                }
            }
            let mut verb_set = verbs.clone();
            verb_set.sort();
            if attached
                .iter()
                .any(|(p, v)| p.eq_ignore_ascii_case(&path) && *v == verb_set)
            {
                self.warn(
                    location,
                    format!(
                        "{}: route `{}` is declared twice; kept once",
                        def.name, route.path
                    ),
                );
                continue;
            }
            attached.push((path.clone(), verb_set));
            let verbs = verbs.join(",");
            let mut args: Vec<Doc> = vec![lit(&path).into()];
            if !verbs.is_empty() {
                args.push(lit(&verbs).into());
            }
            attrs.push(Doc::args("route(", args));
        }
        if !route_docs.is_empty() {
            let mut text = String::from("Routes:");
            for r in &route_docs {
                text.push_str("\n- ");
                text.push_str(r);
            }
            if !docs.is_empty() {
                docs.push(String::new());
            }
            docs.extend(doc_attrs_raw(&text));
        }
        let description = op.description.clone().or_else(|| def.description.clone());
        // The derive reads the doc comment's first paragraph when it is that description.
        let from_docs = description
            .as_deref()
            .is_some_and(|d| is_plain_doc(d) && def.description.as_deref() == Some(d));
        if let Some(d) = description.filter(|_| !from_docs) {
            let description = format!("description = {}", lit(&d));
            attrs.push(Doc::args("api(", vec![description.into()]));
        }
        if op.returns_void {
            attrs.push("returns_void".into());
        } else if let Some(resp) = &op.response {
            let ty = self.rust_type(resp, def);
            attrs.push(Doc::args("returns(", vec![ty]));
        } else {
            self.warn(
                op.location.clone().or(def.location.clone()),
                format!(
                    "{}: the metadata names no response type; its dto::Request::Response is \
                     dto::Value (any response)",
                    def.name
                ),
            );
        }
        if op.requires_auth {
            attrs.push("authenticate".into());
        }
        attrs
    }
}

/// ASP.NET's catch-all route variables (`{**Path}`, `{*Path}`, as .NET 6+ services declare them)
/// in ServiceStack's wildcard form, `{Path*}`, which means the same: the rest of the path.
pub(super) fn catch_all_as_wildcard(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    let mut rest = path;
    while let Some(open) = rest.find("{*") {
        out.push_str(&rest[..open]);
        let after = rest[open + 1..].trim_start_matches('*');
        match after.find('}') {
            Some(close) if !after[..close].contains(['{', '*']) => {
                out.push('{');
                out.push_str(&after[..close]);
                out.push_str("*}");
                rest = &after[close + 1..];
            }
            _ => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// `api_member(...)` for a request field, or nothing when there is nothing to say.
pub(super) fn api_member_attr(prop: &Property, description: Option<&str>) -> Option<Doc> {
    let key_value = |key: &str, value: &str| Doc::from(format!("{key} = {}", lit(value)));
    let mut args: Vec<Doc> = Vec::new();
    if let Some(d) = description {
        args.push(key_value("description", d));
    }
    if let Some(a) = &prop.api_member {
        if a.is_required {
            args.push("is_required".into());
        }
        let named = [
            ("parameter_type", &a.parameter_type),
            ("data_type", &a.data_type),
            ("name", &a.name),
        ];
        for (key, value) in named {
            if let Some(value) = value {
                args.push(key_value(key, value));
            }
        }
    }
    (!args.is_empty()).then(|| Doc::args("api_member(", args))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catch_all_variables_become_wildcards() {
        assert_eq!(catch_all_as_wildcard("/files/{**Path}"), "/files/{Path*}");
        assert_eq!(catch_all_as_wildcard("/a/{Id}/{*Rest}"), "/a/{Id}/{Rest*}");
        assert_eq!(catch_all_as_wildcard("/a/{Path*}"), "/a/{Path*}");
        assert_eq!(catch_all_as_wildcard("/a/{**"), "/a/{**");
    }
}
