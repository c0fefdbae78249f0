//! ServiceStack's own DTOs that `/types/metadata` leaves out (its namespaces are ignored)
//! while user types reference them: `ResponseStatus`, `QueryResponse<T>`, `QueryDb<T>`, ...
//!
//! The definitions follow ServiceStack's documented public DTO shapes. They are added to a
//! schema only when referenced and not defined by the input (a user type of the same name
//! wins).

use crate::model::{
    EnumDef, EnumMember, EnumRepr, Primitive, Property, TypeDef, TypeKind, TypeRef, camel_case,
};

fn s() -> TypeRef {
    TypeRef::Primitive(Primitive::String)
}
fn i32_() -> TypeRef {
    TypeRef::Primitive(Primitive::I32)
}
fn t() -> TypeRef {
    TypeRef::GenericParam("T".into())
}
fn meta() -> TypeRef {
    TypeRef::map(s(), s())
}
fn status() -> TypeRef {
    TypeRef::named("ResponseStatus")
}

/// `(name, type, optional)` triples to properties; wire names in the host's case.
fn props(list: &[(&str, TypeRef, bool)], pascal: bool) -> Vec<Property> {
    list.iter()
        .map(|(name, ty, optional)| Property {
            name: (*name).to_string(),
            wire_name: if pascal {
                (*name).to_string()
            } else {
                camel_case(name)
            },
            ty: ty.clone(),
            optional: *optional,
            ..Property::default()
        })
        .collect()
}

fn def(
    name: &str,
    params: &[&str],
    base: Option<TypeRef>,
    description: &str,
    properties: Vec<Property>,
) -> TypeDef {
    TypeDef {
        name: name.to_string(),
        namespace: Some("ServiceStack".to_string()),
        generic_params: params.iter().map(|p| (*p).to_string()).collect(),
        base,
        properties,
        description: Some(description.to_string()),
        ..TypeDef::default()
    }
}

/// The built-in definition of `name` with `arity` generic parameters, if ServiceStack has
/// one. `pascal` selects PascalCase wire names (for PascalCase hosts) instead of camelCase.
pub fn builtin(name: &str, arity: usize, pascal: bool) -> Option<TypeDef> {
    let query_base = || Some(TypeRef::named("QueryBase"));
    Some(match (name, arity) {
        ("ResponseStatus", 0) => def(
            name,
            &[],
            None,
            "ServiceStack's error details, carried by responses when a request fails.",
            props(
                &[
                    ("ErrorCode", s(), true),
                    ("Message", s(), true),
                    ("StackTrace", s(), true),
                    (
                        "Errors",
                        TypeRef::list(TypeRef::named("ResponseError")),
                        true,
                    ),
                    ("Meta", meta(), true),
                ],
                pascal,
            ),
        ),
        ("ResponseError", 0) => def(
            name,
            &[],
            None,
            "One field error inside a `ResponseStatus`.",
            props(
                &[
                    ("ErrorCode", s(), true),
                    ("FieldName", s(), true),
                    ("Message", s(), true),
                    ("Meta", meta(), true),
                ],
                pascal,
            ),
        ),
        ("QueryBase", 0) => def(
            name,
            &[],
            None,
            "ServiceStack AutoQuery's paging, ordering and field-selection options.",
            props(
                &[
                    ("Skip", TypeRef::nullable(i32_()), true),
                    ("Take", TypeRef::nullable(i32_()), true),
                    ("OrderBy", s(), true),
                    ("OrderByDesc", s(), true),
                    ("Include", s(), true),
                    ("Fields", s(), true),
                    ("Meta", meta(), true),
                ],
                pascal,
            ),
        ),
        ("QueryDb", 1) => def(
            name,
            &["T"],
            query_base(),
            "ServiceStack AutoQuery request over a database table of `T`.",
            Vec::new(),
        ),
        ("QueryDb", 2) => def(
            name,
            &["From", "Into"],
            query_base(),
            "ServiceStack AutoQuery request over `From`, returning `Into`.",
            Vec::new(),
        ),
        ("QueryData", 1) => def(
            name,
            &["T"],
            query_base(),
            "ServiceStack AutoQuery request over an in-memory data source of `T`.",
            Vec::new(),
        ),
        ("QueryData", 2) => def(
            name,
            &["From", "Into"],
            query_base(),
            "ServiceStack AutoQuery data request over `From`, returning `Into`.",
            Vec::new(),
        ),
        ("QueryResponse", 1) => def(
            name,
            &["T"],
            None,
            "ServiceStack AutoQuery response: one page of results.",
            props(
                &[
                    ("Offset", i32_(), false),
                    ("Total", i32_(), false),
                    ("Results", TypeRef::list(t()), true),
                    ("Meta", meta(), true),
                    ("ResponseStatus", status(), true),
                ],
                pascal,
            ),
        ),
        ("AuditBase", 0) => def(
            name,
            &[],
            None,
            "ServiceStack's audit columns for AutoQuery CRUD tables.",
            props(
                &[
                    (
                        "CreatedDate",
                        TypeRef::Primitive(Primitive::DateTime),
                        false,
                    ),
                    ("CreatedBy", s(), true),
                    (
                        "ModifiedDate",
                        TypeRef::Primitive(Primitive::DateTime),
                        false,
                    ),
                    ("ModifiedBy", s(), true),
                    (
                        "DeletedDate",
                        TypeRef::nullable(TypeRef::Primitive(Primitive::DateTime)),
                        true,
                    ),
                    ("DeletedBy", s(), true),
                ],
                pascal,
            ),
        ),
        ("EmptyResponse", 0) => def(
            name,
            &[],
            None,
            "ServiceStack's response without data.",
            props(&[("ResponseStatus", status(), true)], pascal),
        ),
        ("IdResponse", 0) => def(
            name,
            &[],
            None,
            "ServiceStack's response carrying the id of a created or changed record.",
            props(
                &[("Id", s(), true), ("ResponseStatus", status(), true)],
                pascal,
            ),
        ),
        ("StringResponse", 0) => def(
            name,
            &[],
            None,
            "ServiceStack's response carrying one string.",
            props(
                &[
                    ("Result", s(), true),
                    ("Meta", meta(), true),
                    ("ResponseStatus", status(), true),
                ],
                pascal,
            ),
        ),
        ("StringsResponse", 0) => def(
            name,
            &[],
            None,
            "ServiceStack's response carrying a list of strings.",
            props(
                &[
                    ("Results", TypeRef::list(s()), true),
                    ("Meta", meta(), true),
                    ("ResponseStatus", status(), true),
                ],
                pascal,
            ),
        ),
        ("AuthenticateResponse", 0) => def(
            name,
            &[],
            None,
            "ServiceStack's response to `Authenticate`.",
            props(
                &[
                    ("UserId", s(), true),
                    ("SessionId", s(), true),
                    ("UserName", s(), true),
                    ("DisplayName", s(), true),
                    ("ReferrerUrl", s(), true),
                    ("BearerToken", s(), true),
                    ("RefreshToken", s(), true),
                    (
                        "RefreshTokenExpiry",
                        TypeRef::nullable(TypeRef::Primitive(Primitive::DateTime)),
                        true,
                    ),
                    ("ProfileUrl", s(), true),
                    ("Roles", TypeRef::list(s()), true),
                    ("Permissions", TypeRef::list(s()), true),
                    ("AuthProvider", s(), true),
                    ("ResponseStatus", status(), true),
                    ("Meta", meta(), true),
                ],
                pascal,
            ),
        ),
        ("AuthUserSession", 0) => {
            let date = || TypeRef::Primitive(Primitive::DateTime);
            let flag = || TypeRef::Primitive(Primitive::Bool);
            let text =
                |names: &[&'static str]| names.iter().map(|n| (*n, s(), true)).collect::<Vec<_>>();
            let mut members = text(&[
                "ReferrerUrl",
                "Id",
                "UserAuthId",
                "UserAuthName",
                "UserName",
                "TwitterUserId",
                "TwitterScreenName",
                "FacebookUserId",
                "FacebookUserName",
                "FirstName",
                "LastName",
                "DisplayName",
                "Company",
                "Email",
                "PrimaryEmail",
                "PhoneNumber",
            ]);
            members.push(("BirthDate", TypeRef::nullable(date()), true));
            members.extend(text(&[
                "BirthDateRaw",
                "Address",
                "Address2",
                "City",
                "State",
                "Country",
                "Culture",
                "FullName",
                "Gender",
                "Language",
                "MailAddress",
                "Nickname",
                "PostalCode",
                "TimeZone",
                "RequestTokenSecret",
            ]));
            members.extend([
                ("CreatedAt", date(), false),
                ("LastModified", date(), false),
                ("Roles", TypeRef::list(s()), true),
                ("Permissions", TypeRef::list(s()), true),
                ("IsAuthenticated", flag(), false),
                ("FromToken", flag(), false),
                ("ProfileUrl", s(), true),
                ("Sequence", s(), true),
                ("Tag", TypeRef::Primitive(Primitive::I64), false),
                ("AuthProvider", s(), true),
                // `List<IAuthTokens>`: an interface, any value.
                (
                    "ProviderOAuthAccess",
                    TypeRef::list(TypeRef::Primitive(Primitive::Any)),
                    true,
                ),
                ("Meta", meta(), true),
                ("Audiences", TypeRef::list(s()), true),
                ("Scopes", TypeRef::list(s()), true),
            ]);
            members.extend(text(&[
                "Dns",
                "Rsa",
                "Sid",
                "Hash",
                "HomePhone",
                "MobilePhone",
                "Webpage",
            ]));
            members.extend([
                ("EmailConfirmed", TypeRef::nullable(flag()), true),
                ("PhoneNumberConfirmed", TypeRef::nullable(flag()), true),
                ("TwoFactorEnabled", TypeRef::nullable(flag()), true),
            ]);
            members.extend(text(&["SecurityStamp", "Type", "RecoveryToken"]));
            members.push(("RefId", TypeRef::nullable(i32_()), true));
            members.extend(text(&["RefIdStr"]));
            def(
                name,
                &[],
                None,
                "ServiceStack's default user session (`AuthUserSession`), as its services \
                 publish it.",
                props(&members, pascal),
            )
        }
        ("KeyValuePair", 2) => def(
            name,
            &["TKey", "TValue"],
            None,
            ".NET's `KeyValuePair<TKey, TValue>`.",
            props(
                &[
                    ("Key", TypeRef::GenericParam("TKey".into()), false),
                    ("Value", TypeRef::GenericParam("TValue".into()), false),
                ],
                pascal,
            ),
        ),
        ("DayOfWeek", 0) => TypeDef {
            name: name.to_string(),
            namespace: Some("System".to_string()),
            kind: TypeKind::Enum(EnumDef {
                repr: EnumRepr::String,
                members: [
                    "Sunday",
                    "Monday",
                    "Tuesday",
                    "Wednesday",
                    "Thursday",
                    "Friday",
                    "Saturday",
                ]
                .iter()
                .zip(0..)
                .map(|(day, value)| EnumMember {
                    name: (*day).to_string(),
                    value: Some(value),
                    wire_name: None,
                    description: None,
                })
                .collect(),
            }),
            description: Some(".NET's `DayOfWeek`, written by name (`Monday`).".to_string()),
            ..TypeDef::default()
        },
        ("Tuple", 1..=7) => {
            let params: Vec<String> = (1..=arity).map(|i| format!("T{i}")).collect();
            let items: Vec<(String, TypeRef)> = params
                .iter()
                .enumerate()
                .map(|(i, p)| (format!("Item{}", i + 1), TypeRef::GenericParam(p.clone())))
                .collect();
            let items: Vec<(&str, TypeRef, bool)> = items
                .iter()
                .map(|(name, ty)| (name.as_str(), ty.clone(), false))
                .collect();
            let params: Vec<&str> = params.iter().map(String::as_str).collect();
            let mut tuple = def(
                name,
                &params,
                None,
                ".NET's `Tuple<..>`: ServiceStack writes it as an object of `Item1`, `Item2`, ...",
                props(&items, pascal),
            );
            tuple.namespace = Some("System".to_string());
            tuple
        }
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_builtins_exist_with_host_case() {
        let rs = builtin("ResponseStatus", 0, false).unwrap();
        assert_eq!(rs.properties[0].wire_name, "errorCode");
        let rs = builtin("ResponseStatus", 0, true).unwrap();
        assert_eq!(rs.properties[0].wire_name, "ErrorCode");
        assert_eq!(
            builtin("QueryDb", 2, false).unwrap().generic_params.len(),
            2
        );
        assert!(builtin("QueryDb", 3, false).is_none());
        assert!(builtin("Nope", 0, false).is_none());
    }
}
