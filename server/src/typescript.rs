//! `/types/typescript`: the TypeScript DTOs ServiceStack's generator writes for a
//! [`MetadataTypes`] document (classes with partial constructors, string enums, `IReturn<T>`
//! request classes with `// @Route` comments), readable by `@servicestack/client` users and by
//! `dtogen`.

use std::fmt::Write;

use dto::metadata::{MetadataOperationType, MetadataPropertyType, MetadataType, MetadataTypes};

const HEADER: &str = "/* Options:
Version: 5.00
Tip: To override a DTO option, remove \"//\" prefix before updating

//GlobalNamespace: 
//MakePropertiesOptional: False
//AddServiceStackTypes: True
//AddResponseStatus: False
//AddImplicitVersion: 
//AddDescriptionAsComments: True
//IncludeTypes: 
//ExcludeTypes: 
//DefaultImports: 
*/

export interface IReturn<T>
{
    createResponse(): T;
}

export interface IReturnVoid
{
    createResponse(): void;
}
";

/// The TypeScript DTOs of `document`.
pub(crate) fn render(document: &MetadataTypes) -> String {
    let mut out = String::from(HEADER);
    let dictionary_base = document.types.iter().any(|t| {
        t.inherits
            .as_ref()
            .is_some_and(|b| b.name == "Dictionary`2")
    });
    if dictionary_base {
        out.push_str("\nexport class Dictionary<T> { [Key: string]: T; }\n");
    }
    for ty in &document.types {
        out.push('\n');
        render_type(&mut out, ty, None);
    }
    let mut seen_responses: Vec<&str> = Vec::new();
    for operation in &document.operations {
        if let Some(response) = &operation.response
            && !seen_responses.contains(&response.name.as_str())
            && !document.types.iter().any(|t| t.name == response.name)
        {
            seen_responses.push(&response.name);
            out.push('\n');
            render_type(&mut out, response, None);
        }
        out.push('\n');
        render_type(&mut out, &operation.request, Some(operation));
    }
    out
}

/// `Foo`1` with parameters `[T]` is `Foo<T>`.
fn class_name(ty: &MetadataType) -> String {
    let base = ty.name.split('`').next().unwrap_or_default();
    match &ty.generic_args {
        Some(args) if !args.is_empty() => format!("{base}<{}>", args.join(", ")),
        _ => base.to_owned(),
    }
}

fn description(out: &mut String, indent: &str, text: Option<&str>) {
    if let Some(text) = text {
        let text = text.replace("*/", "* /");
        let _ = writeln!(out, "{indent}/** @description {text} */");
    }
}

fn quote(text: &str) -> String {
    let mut quoted = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => quoted.push_str("\\\""),
            '\\' => quoted.push_str("\\\\"),
            '\n' => quoted.push_str("\\n"),
            c => quoted.push(c),
        }
    }
    quoted.push('"');
    quoted
}

fn render_type(out: &mut String, ty: &MetadataType, operation: Option<&MetadataOperationType>) {
    let name = class_name(ty);
    description(out, "", ty.description.as_deref());
    if ty.is_enum == Some(true) {
        let _ = writeln!(out, "export enum {name}\n{{");
        let names = ty.enum_names.as_deref().unwrap_or_default();
        for (i, member) in names.iter().enumerate() {
            let wire = ty
                .enum_member_values
                .as_ref()
                .and_then(|values| values.get(i))
                .unwrap_or(member);
            let _ = writeln!(out, "    {member} = '{wire}',");
        }
        out.push_str("}\n");
        return;
    }
    if let Some(operation) = operation {
        for route in operation.routes.iter().flatten() {
            match &route.verbs {
                Some(verbs) => {
                    let _ = writeln!(out, "// @Route({}, {})", quote(&route.path), quote(verbs));
                }
                None => {
                    let _ = writeln!(out, "// @Route({})", quote(&route.path));
                }
            }
        }
        if let Some(text) = &ty.description {
            let _ = writeln!(out, "// @Api(Description={})", quote(text));
        }
    }
    let mut heading = format!("export class {name}");
    let mut has_base = false;
    if let Some(base) = &ty.inherits {
        has_base = true;
        let base_args = base.generic_args.clone().unwrap_or_default();
        match base.name.as_str() {
            "Dictionary`2" => {
                let value = base_args
                    .get(1)
                    .map_or("any".to_owned(), |v| ts_type_text(v));
                let _ = write!(heading, " extends Dictionary<{value}>");
            }
            "List`1" => {
                let item = base_args
                    .first()
                    .map_or("any".to_owned(), |v| ts_type_text(v));
                let _ = write!(heading, " extends Array<{item}>");
            }
            other => {
                let base_name = other.split('`').next().unwrap_or_default();
                if base_args.is_empty() {
                    let _ = write!(heading, " extends {base_name}");
                } else {
                    let args: Vec<String> = base_args.iter().map(|a| ts_type_text(a)).collect();
                    let _ = write!(heading, " extends {base_name}<{}>", args.join(", "));
                }
            }
        }
    }
    let mut response_new = None;
    if let Some(operation) = operation {
        if operation.returns_void == Some(true) {
            heading.push_str(" implements IReturnVoid");
            response_new = Some("{}".to_owned());
        } else if let Some(ret) = &operation.return_type {
            let args: Vec<String> = ret
                .generic_args
                .iter()
                .flatten()
                .map(|a| ts_type_text(a))
                .collect();
            let ts = ts_named(&ret.name, &args);
            let _ = write!(heading, " implements IReturn<{ts}>");
            response_new = Some(format!("{{ return {}; }}", new_value(&ts)));
        }
    }
    let _ = writeln!(out, "{heading}\n{{");
    for property in ty.properties.iter().flatten() {
        render_property(out, property);
    }
    if ty.properties.as_ref().is_some_and(|p| !p.is_empty()) {
        out.push('\n');
    }
    if has_base {
        let _ = writeln!(
            out,
            "    public constructor(init?: Partial<{name}>) {{ super(); (Object as any).assign(this, init); }}"
        );
    } else {
        let _ = writeln!(
            out,
            "    public constructor(init?: Partial<{name}>) {{ (Object as any).assign(this, init); }}"
        );
    }
    if let Some(operation) = operation {
        let _ = writeln!(out, "    public getTypeName() {{ return '{}'; }}", ty.name);
        if let Some(method) = &operation.method {
            let _ = writeln!(out, "    public getMethod() {{ return '{method}'; }}");
        }
        if let Some(body) = response_new {
            let _ = writeln!(out, "    public createResponse() {body}");
        }
    }
    out.push_str("}\n");
}

fn render_property(out: &mut String, property: &MetadataPropertyType) {
    description(out, "    ", property.description.as_deref());
    if let Some(wire) = property
        .data_member
        .as_ref()
        .and_then(|m| m.name.as_deref())
    {
        let _ = writeln!(out, "    // @DataMember(Name={})", quote(wire));
    }
    let name = property
        .data_member
        .as_ref()
        .and_then(|m| m.name.clone())
        .unwrap_or_else(|| {
            let mut chars = property.name.chars();
            chars
                .next()
                .map(|c| c.to_lowercase().chain(chars).collect())
                .unwrap_or_default()
        });
    let required = property.is_required == Some(true)
        || (property.is_value_type == Some(true) && property.r#type != "Nullable`1");
    let args: Vec<String> = property
        .generic_args
        .iter()
        .flatten()
        .map(|a| ts_type_text(a))
        .collect();
    let ts = ts_named(&property.r#type, &args);
    let optional = if required { "" } else { "?" };
    let _ = writeln!(out, "    public {name}{optional}: {ts};");
}

/// The TypeScript for a .NET type name and its (already converted) generic arguments.
fn ts_named(name: &str, args: &[String]) -> String {
    let base = name.split('`').next().unwrap_or_default();
    match base {
        "String" | "Char" | "DateTime" | "DateTimeOffset" | "TimeSpan" | "Guid" | "Uri"
        | "Byte[]" => "string".to_owned(),
        "Boolean" => "boolean".to_owned(),
        "Byte" | "SByte" | "Int16" | "Int32" | "Int64" | "UInt16" | "UInt32" | "UInt64"
        | "Single" | "Double" | "Decimal" => "number".to_owned(),
        "Object" => "Object".to_owned(),
        "Nullable" => args.first().cloned().unwrap_or_else(|| "any".to_owned()),
        "List" | "IEnumerable" | "ICollection" | "HashSet" => {
            format!("{}[]", args.first().map_or("any", String::as_str))
        }
        "Dictionary" => {
            let key = args
                .first()
                .map(String::as_str)
                .filter(|key| matches!(*key, "string" | "number" | "boolean"))
                .unwrap_or("string");
            format!(
                "{{ [index: {key}]: {}; }}",
                args.get(1).map_or("any", String::as_str)
            )
        }
        _ if args.is_empty() => base.to_owned(),
        _ => format!("{base}<{}>", args.join(", ")),
    }
}

/// The TypeScript for a generic argument in C# syntax (`List<Dictionary<String,Int32>>`).
fn ts_type_text(text: &str) -> String {
    let text = text.trim();
    match text.find('<') {
        Some(open) if text.ends_with('>') => {
            let name = &text[..open];
            let inner = &text[open + 1..text.len() - 1];
            let mut args = Vec::new();
            let (mut depth, mut start) = (0, 0);
            for (i, c) in inner.char_indices() {
                match c {
                    '<' => depth += 1,
                    '>' => depth -= 1,
                    ',' if depth == 0 => {
                        args.push(ts_type_text(&inner[start..i]));
                        start = i + 1;
                    }
                    _ => {}
                }
            }
            args.push(ts_type_text(&inner[start..]));
            ts_named(name, &args)
        }
        _ => ts_named(text, &[]),
    }
}

/// What `createResponse()` returns for a TypeScript type.
fn new_value(ts: &str) -> String {
    match ts {
        "string" => "''".to_owned(),
        "number" => "0".to_owned(),
        "boolean" => "false".to_owned(),
        "Object" | "any" => "{}".to_owned(),
        t if t.ends_with("[]") => format!("new Array<{}>()", &t[..t.len() - 2]),
        t if t.starts_with('{') => "{}".to_owned(),
        t => format!("new {t}()"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn type_mapping() {
        assert_eq!(ts_type_text("String"), "string");
        assert_eq!(ts_type_text("List<SessionInfo>"), "SessionInfo[]");
        assert_eq!(
            ts_type_text("Dictionary<String,List<Nullable<Int32>>>"),
            "{ [index: string]: number[]; }"
        );
        assert_eq!(
            ts_type_text("ListResponse<SessionInfo>"),
            "ListResponse<SessionInfo>"
        );
        assert_eq!(new_value("SessionInfo[]"), "new Array<SessionInfo>()");
    }
}
