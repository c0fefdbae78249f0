//! Include/exclude filters, with ServiceStack's `Name.*` dependency closure.
//!
//! Patterns (case-sensitive, like .NET type names):
//!
//! * `Name` — the type(s) called `Name` (any arity);
//! * `Name.*` — `Name`, and everything it depends on, transitively: member types, generic
//!   arguments, base types, and for a request DTO its response type;
//! * `*.Name` — every operation whose request or response depends on `Name`, expanded like
//!   `Request.*`;
//! * `{tag}` or `{tag1,tag2}` — every operation with one of these tags, expanded like
//!   `Request.*`;
//! * a pattern with `*` elsewhere is a glob over names (`Session*`, `*Response`, `*`).
//!
//! Exclusion is applied after inclusion and removes types by the same patterns (without
//! closure). Operations survive only when their request type does. References to types
//! that were filtered out become `dto::Value` aliases in the output (with a warning), the
//! ServiceStack built-ins the emitter would otherwise add (`ResponseStatus`, `QueryResponse`)
//! included: an excluded type is never emitted.

use std::collections::HashSet;

use crate::error::{Error, Result};
use crate::model::{Schema, TypeRef};

/// Returns the part of `schema` selected by `include` (all when empty) minus `exclude`.
pub fn select(schema: Schema, include: &[String], exclude: &[String]) -> Result<Schema> {
    if include.is_empty() && exclude.is_empty() {
        return Ok(schema);
    }
    let schema = &schema;
    let mut keep: HashSet<(String, usize)> = HashSet::new();
    if include.is_empty() {
        keep.extend(schema.types.iter().map(|t| (t.name.clone(), t.arity())));
    }
    for pattern in include {
        let pattern = pattern.trim();
        if let Some(roots) = operation_roots(schema, pattern) {
            if roots.is_empty() {
                return Err(Error::Config(format!(
                    "--include `{pattern}` matches no operation in the input"
                )));
            }
            for root in roots {
                add_closure(schema, (root, 0), &mut keep);
            }
            continue;
        }
        let (name_pattern, closure) = match pattern.strip_suffix(".*") {
            Some(name) => (name, true),
            None => (pattern, false),
        };
        let roots: Vec<(String, usize)> = schema
            .types
            .iter()
            .filter(|t| matches(name_pattern, &t.name))
            .map(|t| (t.name.clone(), t.arity()))
            .collect();
        if roots.is_empty() {
            return Err(Error::Config(format!(
                "--include `{pattern}` matches no type in the input{}",
                suggestion(schema, name_pattern)
            )));
        }
        for root in roots {
            if closure {
                add_closure(schema, root, &mut keep);
            } else {
                keep.insert(root);
            }
        }
    }
    for pattern in exclude {
        let pattern = pattern.trim();
        let name_pattern = pattern.strip_suffix(".*").unwrap_or(pattern);
        keep.retain(|(name, _)| !matches(name_pattern, name));
    }
    let mut out = Schema {
        base_url: schema.base_url.clone(),
        service_name: schema.service_name.clone(),
        warnings: schema.warnings.clone(),
        excluded: exclude.iter().map(|p| p.trim().to_owned()).collect(),
        ..Schema::default()
    };
    out.types = schema
        .types
        .iter()
        .filter(|t| keep.contains(&(t.name.clone(), t.arity())))
        .cloned()
        .collect();
    out.operations = schema
        .operations
        .iter()
        .filter(|o| keep.contains(&(o.request.clone(), 0)))
        .cloned()
        .collect();
    Ok(out)
}

/// Request types selected by an operation pattern (`*.Name`, `{tag}`), or `None` when
/// `pattern` is not one.
fn operation_roots(schema: &Schema, pattern: &str) -> Option<Vec<String>> {
    if let Some(tags) = pattern.strip_prefix('{').and_then(|p| p.strip_suffix('}')) {
        let tags: Vec<&str> = tags.split(',').map(str::trim).collect();
        return Some(
            schema
                .operations
                .iter()
                .filter(|op| op.tags.iter().any(|t| tags.contains(&t.as_str())))
                .map(|op| op.request.clone())
                .collect(),
        );
    }
    let name = pattern.strip_prefix("*.")?;
    Some(
        schema
            .operations
            .iter()
            .filter(|op| {
                let mut deps = HashSet::new();
                add_closure(schema, (op.request.clone(), 0), &mut deps);
                deps.iter().any(|(n, _)| n == name)
            })
            .map(|op| op.request.clone())
            .collect(),
    )
}

/// Glob match with `*` wildcards; exact match otherwise.
/// Whether an exclude pattern of `schema` names `name`.
pub(crate) fn is_excluded(schema: &Schema, name: &str) -> bool {
    schema
        .excluded
        .iter()
        .any(|pattern| matches(pattern.strip_suffix(".*").unwrap_or(pattern), name))
}

pub(crate) fn matches(pattern: &str, name: &str) -> bool {
    if !pattern.contains('*') {
        return pattern == name;
    }
    let parts: Vec<&str> = pattern.split('*').collect();
    let mut rest = name;
    for (i, part) in parts.iter().enumerate() {
        if i == 0 {
            match rest.strip_prefix(part) {
                Some(r) => rest = r,
                None => return false,
            }
        } else if i == parts.len() - 1 {
            return rest.ends_with(part);
        } else {
            match rest.find(part) {
                Some(p) => rest = &rest[p + part.len()..],
                None => return false,
            }
        }
    }
    rest.is_empty()
}

fn suggestion(schema: &Schema, pattern: &str) -> String {
    let lower = pattern.to_ascii_lowercase();
    schema
        .types
        .iter()
        .find(|t| t.name.to_ascii_lowercase() == lower)
        .map(|t| format!(" (did you mean `{}`?)", t.name))
        .unwrap_or_default()
}

fn add_closure(schema: &Schema, root: (String, usize), keep: &mut HashSet<(String, usize)>) {
    let mut stack = vec![root];
    while let Some(key) = stack.pop() {
        if !keep.insert(key.clone()) {
            continue;
        }
        let Some(def) = schema.find_type(&key.0, key.1) else {
            continue; // built-in or undefined: the emitter deals with it
        };
        let mut refs: Vec<&TypeRef> = def.properties.iter().map(|p| &p.ty).collect();
        refs.extend(def.base.iter());
        if key.1 == 0
            && let Some(op) = schema.find_operation(&key.0)
        {
            refs.extend(op.response.iter());
        }
        for r in refs {
            r.visit_named(&mut |name, arity| {
                if !def.generic_params.iter().any(|p| p == name) || arity > 0 {
                    stack.push((name.to_string(), arity));
                }
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Operation, Property, TypeDef};

    fn schema() -> Schema {
        let mut s = Schema::default();
        let mut req = TypeDef::class("Req");
        req.properties.push(Property {
            name: "A".into(),
            wire_name: "a".into(),
            ty: TypeRef::list(TypeRef::named("Item")),
            ..Property::default()
        });
        let mut resp = TypeDef::class("Resp");
        resp.base = Some(TypeRef::named("Base"));
        s.types = vec![
            req,
            resp,
            TypeDef::class("Item"),
            TypeDef::class("Base"),
            TypeDef::class("Other"),
        ];
        s.operations.push(Operation {
            request: "Req".into(),
            response: Some(TypeRef::named("Resp")),
            ..Operation::default()
        });
        s
    }

    #[test]
    fn closure_pulls_dependencies_and_response() {
        let out = select(schema(), &["Req.*".into()], &[]).unwrap();
        let names: Vec<_> = out.types.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(names, ["Req", "Resp", "Item", "Base"]);
        assert_eq!(out.operations.len(), 1);
    }

    #[test]
    fn exclude_and_globs() {
        let out = select(schema(), &["*".into()], &["Re*".into()]).unwrap();
        let names: Vec<_> = out.types.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(names, ["Item", "Base", "Other"]);
        assert!(out.operations.is_empty());
    }

    #[test]
    fn operation_patterns() {
        let mut s = schema();
        s.operations[0].tags = vec!["crm".into()];
        let by_tag = select(s.clone(), &["{crm}".into()], &[]).unwrap();
        assert_eq!(by_tag.types.len(), 4);
        let by_dep = select(s.clone(), &["*.Item".into()], &[]).unwrap();
        assert_eq!(by_dep.operations.len(), 1);
        assert!(select(s.clone(), &["*.Other".into()], &[]).is_err());
        assert!(select(s, &["{nope}".into()], &[]).is_err());
    }

    #[test]
    fn unmatched_include_is_an_error() {
        let err = select(schema(), &["req".into()], &[]).unwrap_err();
        assert!(err.to_string().contains("did you mean `Req`"), "{err}");
    }
}
