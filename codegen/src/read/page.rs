//! Metadata page reader: an operation's page (`/json/metadata?op=X`, `/jsv/metadata?op=X`) as
//! HTML or as the flattened text a browser copy or text extractor gives.
//!
//! From the page it takes the operation name (title), description, "Requires Authentication"
//! (with roles and permissions), the routes (verbs and path, run together in text form), the
//! DTO source of the language tab (TypeScript or C#, parsed with the same readers as
//! `/types/typescript`) or else the Metadata tab's parameter tables, and the HTTP samples.
//!
//! A page has no `IReturn<T>`: the response type is inferred from the response sample — the
//! type whose wire fields (inherited ones included) are exactly the sample's top-level keys,
//! compared case-insensitively — else the `{Name}Response` naming convention, else none, each
//! guess reported as a warning.

mod extract;
mod html;
mod sample;

use std::collections::HashSet;

use self::extract::{PageInfo, ParamTable};
use self::sample::SampleShape;
use crate::error::{Error, Result};
use crate::model::camel_case;
use crate::model::{
    ApiMember, EnumDef, EnumMember, EnumRepr, Operation, Primitive, Property, Route, Schema,
    SourceLocation, TypeDef, TypeKind, TypeRef,
};
use crate::read::decl::Flavor;

/// Reads a metadata page (text or HTML) from `text`; `file` names the input in messages.
pub fn read(text: &str, file: &str) -> Result<Schema> {
    let html = extract::is_html(text);
    let info = if html {
        extract::from_html(text)
    } else {
        extract::from_text(text)
    }
    .map_err(|(line, msg)| Error::parse(SourceLocation::new(file, line, 0), msg))?;
    build(info, file)
}

/// True when `text` is an operation metadata page: HTML with an operation heading, or the
/// flattened text with its routes caption or `HTTP + JSON/JSV/XML` samples heading.
pub(crate) fn looks_like_page(text: &str) -> bool {
    if extract::is_html(text) {
        return true;
    }
    let markers = [
        "the following routes are available",
        "back to all web services",
        "http + json",
        "http + jsv",
        "http + xml",
        "to override the content-type",
    ];
    let lower = text.to_ascii_lowercase();
    markers.iter().any(|m| lower.contains(m))
}

/// Top-level keys of both samples, for host casing and response inference.
fn sample_keys(info: &PageInfo) -> (Vec<String>, Option<SampleShape>) {
    let mut all = Vec::new();
    let mut response = None;
    if let Some(req) = &info.request
        && let Ok(SampleShape::Object(keys)) = sample::top_level_shape(&req.body)
    {
        all.extend(keys);
    }
    if let Some(resp) = &info.response
        && let Ok(shape) = sample::top_level_shape(&resp.body)
    {
        if let SampleShape::Object(k) | SampleShape::Array(k) = &shape {
            all.extend(k.iter().cloned());
        }
        response = Some(shape);
    }
    (all, response)
}

/// Whether the host writes camelCase names, judged from sample keys (default: camelCase,
/// ServiceStack's default since v5).
fn host_is_camel(keys: &[String]) -> bool {
    let starts_upper = keys
        .iter()
        .filter(|k| k.starts_with(|c: char| c.is_ascii_uppercase()))
        .count();
    let starts_lower = keys
        .iter()
        .filter(|k| k.starts_with(|c: char| c.is_ascii_lowercase()))
        .count();
    starts_upper <= starts_lower
}

fn build(info: PageInfo, file: &str) -> Result<Schema> {
    let (keys, response_shape) = sample_keys(&info);
    let camel = host_is_camel(&keys);
    let mut from_tables = false;
    let mut schema = if let Some(code) = &info.code {
        let offset = code.first_line.saturating_sub(1);
        let flavor = match code.lang.as_str() {
            "typescript" | "ts" => Flavor::TypeScript,
            "csharp" | "cs" | "c#" => Flavor::CSharp { camel },
            other => {
                // Other language tabs (Dart, Java, ...) are not parsed; fall back to the
                // tables when present.
                if info.params.is_empty() {
                    return Err(Error::Format {
                        file: file.to_string(),
                        message: format!(
                            "the page shows DTOs in `{other}`, which is not supported (open its TypeScript or C# tab)"
                        ),
                    });
                }
                from_tables = true;
                Flavor::TypeScript
            }
        };
        if from_tables {
            tables_schema(&info, file, camel)
        } else {
            match flavor {
                Flavor::TypeScript => {
                    crate::read::typescript::read_with_offset(&code.source, file, offset)?
                }
                Flavor::CSharp { camel } => {
                    crate::read::csharp::read_with_offset(&code.source, file, offset, camel)?
                }
            }
        }
    } else if !info.params.is_empty() {
        from_tables = true;
        tables_schema(&info, file, camel)
    } else {
        return Err(Error::Format {
            file: file.to_string(),
            message: format!(
                "the page for `{}` shows no DTO source (TypeScript/C# tab) and no parameter tables",
                info.operation
            ),
        });
    };
    schema.service_name = info.service.clone();
    let op_loc = Some(SourceLocation::new(file, info.operation_line, 0));

    if schema.find_type(&info.operation, 0).is_none() {
        schema.warn(
            op_loc.clone(),
            format!(
                "the page's DTOs do not define the request type `{}`; it is recorded without members",
                info.operation
            ),
        );
        schema.types.push(TypeDef::class(info.operation.clone()));
    }
    let idx = match schema
        .operations
        .iter()
        .position(|o| o.request == info.operation)
    {
        Some(i) => i,
        None => {
            schema.operations.push(Operation {
                request: info.operation.clone(),
                location: op_loc.clone(),
                ..Operation::default()
            });
            schema.operations.len() - 1
        }
    };
    // Page facts complement what the DTO source said (a `/types/typescript` paste has routes).
    let mut routes: Vec<Route> = info
        .routes
        .iter()
        .map(|r| Route {
            path: r.path.clone(),
            verbs: r.verbs.clone(),
            summary: r.summary.clone(),
            notes: r.notes.clone(),
        })
        .collect();
    if routes.is_empty()
        && let Some((verb, path)) = info
            .request
            .as_ref()
            .and_then(|s| Some((s.verb.clone()?, s.path.clone()?)))
    {
        // No routes table: the sample request line is the only route the page shows.
        // `/{format}/reply/{Op}` is the pre-defined route every operation has.
        let generic = path.contains("/reply/") || path.contains("/oneway/");
        if !generic {
            schema.warn(
                op_loc.clone(),
                format!("no routes table; using the sample request line `{verb} {path}`"),
            );
            routes.push(Route {
                path,
                verbs: vec![verb],
                ..Route::default()
            });
        }
    }
    let has_response = {
        let op = &schema.operations[idx];
        op.response.is_some() || op.returns_void
    };
    {
        let op = &mut schema.operations[idx];
        if op.routes.is_empty() {
            op.routes = routes;
        }
        op.requires_auth |= info.requires_auth;
        op.required_roles.extend(info.roles.iter().cloned());
        op.required_permissions
            .extend(info.permissions.iter().cloned());
        if op.description.is_none() {
            op.description = info.description.clone();
        }
        for tag in &info.tags {
            if !op.tags.contains(tag) {
                op.tags.push(tag.clone());
            }
        }
    }
    // Verb marker interfaces (`IGet`, `IPost`) on the request say the preferred method.
    if schema.operations[idx].method.is_none() {
        let marker = schema.find_type(&info.operation, 0).and_then(|t| {
            t.implements.iter().find_map(|i| match i {
                TypeRef::Named { name, args } if args.is_empty() => match name.as_str() {
                    "IGet" => Some("GET"),
                    "IPost" => Some("POST"),
                    "IPut" => Some("PUT"),
                    "IDelete" => Some("DELETE"),
                    "IPatch" => Some("PATCH"),
                    _ => None,
                },
                _ => None,
            })
        });
        schema.operations[idx].method = marker.map(str::to_string);
    }
    if let Some(req) = schema.find_type_mut(&info.operation, 0)
        && req.description.is_none()
    {
        req.description = info.description.clone();
    }
    if !has_response {
        let loc = Some(match &info.response {
            Some(r) => SourceLocation::new(file, r.body_line, 0),
            None => SourceLocation::new(file, info.operation_line, 0),
        });
        let response = infer_response(
            &mut schema,
            &info.operation,
            response_shape,
            from_tables,
            loc,
        );
        schema.operations[idx].response = response;
    }
    Ok(schema)
}

/// Types from the Metadata tab's tables (the HTML layout without a language tab).
fn tables_schema(info: &PageInfo, file: &str, camel: bool) -> Schema {
    let mut schema = Schema::default();
    let enum_names: HashSet<&str> = info.enums.iter().map(|e| e.type_name.as_str()).collect();
    for t in &info.params {
        schema
            .types
            .push(table_type(t, file, camel, &enum_names, &mut Vec::new()));
    }
    let mut warnings = Vec::new();
    for t in &info.params {
        for row in &t.rows {
            if crate::read::csharp::parse_type_str(&row.data_type).is_err() {
                warnings.push(format!(
                    "`{}.{}`: cannot read the data type `{}`; using any",
                    t.type_name, row.name, row.data_type
                ));
            }
        }
    }
    for w in warnings {
        schema.warn(Some(SourceLocation::file(file)), w);
    }
    for e in &info.enums {
        let members = e
            .members
            .iter()
            .map(|(name, value)| EnumMember {
                name: name.clone(),
                value: value.trim().parse().ok(),
                ..EnumMember::default()
            })
            .collect();
        let mut ty = TypeDef::class(e.type_name.clone());
        ty.kind = TypeKind::Enum(EnumDef {
            repr: EnumRepr::String,
            members,
        });
        ty.location = Some(SourceLocation::new(file, e.line, 0));
        schema.types.push(ty);
    }
    schema
}

fn table_type(
    t: &ParamTable,
    file: &str,
    camel: bool,
    enum_names: &HashSet<&str>,
    _warnings: &mut Vec<String>,
) -> TypeDef {
    let mut ty = TypeDef::class(t.type_name.clone());
    ty.location = Some(SourceLocation::new(file, t.line, 0));
    for row in &t.rows {
        let tref = crate::read::csharp::parse_type_str(&row.data_type)
            .map(|parsed| crate::read::csharp::type_ref(&parsed))
            .unwrap_or(TypeRef::Primitive(Primitive::Any));
        let value_type = match &tref {
            TypeRef::Primitive(p) => !matches!(
                p,
                Primitive::String | Primitive::Any | Primitive::Bytes | Primitive::Uri
            ),
            TypeRef::Named { name, args } => args.is_empty() && enum_names.contains(name.as_str()),
            _ => false,
        };
        let description = Some(row.description.clone()).filter(|d| !d.is_empty());
        ty.properties.push(Property {
            name: row.name.clone(),
            wire_name: if camel {
                camel_case(&row.name)
            } else {
                row.name.clone()
            },
            ty: tref,
            optional: !row.required && !value_type,
            description: description.clone(),
            api_member: Some(ApiMember {
                description,
                parameter_type: Some(row.param_type.clone()).filter(|p| !p.is_empty()),
                data_type: Some(row.data_type.clone()),
                is_required: row.required,
                ..ApiMember::default()
            }),
            location: Some(SourceLocation::new(file, t.line, 0)),
            ..Property::default()
        });
    }
    ty
}

/// Lower-cased wire names of a type, inherited ones included; `None` when a base is not a
/// class in the schema (a map or list base, or a type defined elsewhere).
fn wire_fields(schema: &Schema, ty: &TypeDef) -> Option<HashSet<String>> {
    let mut fields = HashSet::new();
    let mut cur = ty;
    let mut seen = HashSet::new();
    loop {
        if !seen.insert((cur.name.clone(), cur.arity())) {
            return None;
        }
        fields.extend(
            cur.properties
                .iter()
                .map(|p| p.wire_name.to_ascii_lowercase()),
        );
        match &cur.base {
            None => return Some(fields),
            Some(TypeRef::Named { name, args }) => {
                cur = schema.find_type(name, args.len())?;
            }
            Some(_) => return None,
        }
    }
}

fn is_data_class(t: &TypeDef) -> bool {
    matches!(t.kind, TypeKind::Class) && t.generic_params.is_empty()
}

/// Chooses the response type from the sample (see the module docs).
fn infer_response(
    schema: &mut Schema,
    op: &str,
    shape: Option<SampleShape>,
    from_tables: bool,
    loc: Option<SourceLocation>,
) -> Option<TypeRef> {
    // Each data class's full field set, computed once (inference compares many pairs).
    let all_fields: Vec<(String, HashSet<String>)> = schema
        .types
        .iter()
        .filter(|t| is_data_class(t))
        .filter_map(|t| Some((t.name.clone(), wire_fields(schema, t)?)))
        .collect();
    let (keys, is_array) = match &shape {
        Some(SampleShape::Object(k)) => (k.clone(), false),
        Some(SampleShape::Array(k)) => (k.clone(), true),
        _ => (Vec::new(), false),
    };
    let wrap = |t: TypeRef| if is_array { TypeRef::list(t) } else { t };
    if let Some(SampleShape::Xml(root)) = &shape {
        // XML samples name the response type: `<SessionInfo>`, `<ArrayOfSessionInfo>`.
        if schema.find_type(root, 0).is_some() {
            return Some(TypeRef::named(root.clone()));
        }
        if let Some(item) = root.strip_prefix("ArrayOf")
            && schema.find_type(item, 0).is_some()
        {
            return Some(TypeRef::list(TypeRef::named(item)));
        }
    }
    if !keys.is_empty() {
        let wanted: HashSet<String> = keys.iter().map(|k| k.to_ascii_lowercase()).collect();
        let mut matches: Vec<String> = all_fields
            .iter()
            .filter(|(_, f)| *f == wanted)
            .map(|(n, _)| n.clone())
            .collect();
        // The request echoing itself is possible but less likely than a distinct response.
        if matches.len() > 1 {
            matches.retain(|m| m != op);
        }
        if let Some(first) = matches.first().cloned() {
            if matches.len() > 1 {
                schema.warn(
                    loc,
                    format!(
                        "the response sample of `{op}` matches several types ({}); chose `{first}`",
                        matches.join(", ")
                    ),
                );
            }
            return Some(wrap(TypeRef::named(first)));
        }
        if from_tables {
            // Parameter tables do not say which type inherits from which: find T whose own
            // fields plus another table's fields are exactly the sample's keys.
            if let Some((derived, base)) = infer_base(schema, &all_fields, &wanted, op) {
                schema.warn(
                    loc,
                    format!(
                        "inferred from the response sample that `{derived}` extends `{base}` and is the response of `{op}`"
                    ),
                );
                if let Some(t) = schema.find_type_mut(&derived, 0) {
                    t.base = Some(TypeRef::named(base));
                }
                return Some(wrap(TypeRef::named(derived)));
            }
        }
    }
    let conventional = format!("{op}Response");
    if schema.find_type(&conventional, 0).is_some() {
        let why = if keys.is_empty() {
            "the page has no usable response sample"
        } else {
            "no type matches the response sample's keys"
        };
        schema.warn(
            loc,
            format!(
                "{why}; assumed `{conventional}` is the response of `{op}` by naming convention"
            ),
        );
        return Some(TypeRef::named(conventional));
    }
    let why = match &shape {
        None => "the page has no response sample".to_string(),
        Some(SampleShape::Scalar) => "the response sample is not an object".to_string(),
        Some(SampleShape::Xml(root)) => {
            format!("the XML response sample's root `{root}` is no type")
        }
        Some(_) => format!(
            "no type's fields match the response sample's keys ({})",
            keys.join(", ")
        ),
    };
    schema.warn(
        loc,
        format!("cannot tell the response type of `{op}`: {why}, and there is no `{conventional}`"),
    );
    None
}

fn infer_base(
    schema: &Schema,
    all_fields: &[(String, HashSet<String>)],
    wanted: &HashSet<String>,
    op: &str,
) -> Option<(String, String)> {
    for derived in schema
        .types
        .iter()
        .filter(|t| is_data_class(t) && t.name != op && t.base.is_none())
    {
        let d: HashSet<String> = derived
            .properties
            .iter()
            .map(|p| p.wire_name.to_ascii_lowercase())
            .collect();
        if d.is_empty() || !d.is_subset(wanted) || d.len() == wanted.len() {
            continue;
        }
        let rest: HashSet<String> = wanted.difference(&d).cloned().collect();
        if let Some((base, _)) = all_fields
            .iter()
            .find(|(n, f)| *n != derived.name && n != op && *f == rest)
        {
            return Some((derived.name.clone(), base.clone()));
        }
    }
    None
}

#[cfg(test)]
mod tests {

    use super::*;

    #[test]
    fn casing() {
        assert!(host_is_camel(&["id".into(), "Name".into(), "x".into()]));
        assert!(!host_is_camel(&["Id".into(), "Name".into()]));
        assert!(host_is_camel(&[]));
    }
}
