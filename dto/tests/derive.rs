//! What `#[derive(Dto)]` puts in `dto::Request`: names, routes, members, response types.

#![allow(missing_docs)]

use std::any::TypeId;

use dto::{ApiMember, Dto, Request, ReturnsVoid, Route, Value};
use pretty_assertions::assert_eq;
use serde::Serialize;

fn wire_names<T: Request>() -> Vec<&'static str> {
    T::MEMBERS.iter().map(|m| m.wire_name).collect()
}

fn response<T: Request>() -> TypeId
where
    T::Response: 'static,
{
    TypeId::of::<T::Response>()
}

macro_rules! rename_all_case {
    ($name:ident, $rule:literal, [$($expected:literal),*]) => {
        #[derive(Serialize, Dto)]
        #[serde(rename_all = $rule)]
        #[allow(dead_code)]
        struct $name {
            session_id: u8,
            a: u8,
            very_long_name2: u8,
            #[serde(rename = "Explicit_Name")]
            explicit: u8,
        }
        assert_eq!(wire_names::<$name>(), [$($expected),*], "rename_all = {}", $rule);
    };
}

#[test]
fn rename_all_rules_are_serdes() {
    rename_all_case!(
        Lower,
        "lowercase",
        ["session_id", "a", "very_long_name2", "Explicit_Name"]
    );
    rename_all_case!(
        Upper,
        "UPPERCASE",
        ["SESSION_ID", "A", "VERY_LONG_NAME2", "Explicit_Name"]
    );
    rename_all_case!(
        Pascal,
        "PascalCase",
        ["SessionId", "A", "VeryLongName2", "Explicit_Name"]
    );
    rename_all_case!(
        Camel,
        "camelCase",
        ["sessionId", "a", "veryLongName2", "Explicit_Name"]
    );
    rename_all_case!(
        Snake,
        "snake_case",
        ["session_id", "a", "very_long_name2", "Explicit_Name"]
    );
    rename_all_case!(
        Screaming,
        "SCREAMING_SNAKE_CASE",
        ["SESSION_ID", "A", "VERY_LONG_NAME2", "Explicit_Name"]
    );
    rename_all_case!(
        Kebab,
        "kebab-case",
        ["session-id", "a", "very-long-name2", "Explicit_Name"]
    );
    rename_all_case!(
        ScreamingKebab,
        "SCREAMING-KEBAB-CASE",
        ["SESSION-ID", "A", "VERY-LONG-NAME2", "Explicit_Name"]
    );
}

#[test]
fn wire_names_agree_with_what_serde_writes() {
    #[derive(Serialize, Dto)]
    #[serde(rename_all(serialize = "PascalCase", deserialize = "camelCase"))]
    struct Mixed {
        first_name: u8,
        #[serde(rename(serialize = "LAST", deserialize = "last"))]
        last_name: u8,
        #[serde(skip_serializing_if = "Option::is_none", default)]
        r#type: Option<u8>,
        #[serde(skip)]
        #[allow(dead_code)]
        hidden: u8,
        #[serde(skip_serializing)]
        #[allow(dead_code)]
        hidden_too: u8,
    }
    let names = wire_names::<Mixed>();
    assert_eq!(names, ["FirstName", "LAST", "Type"]);
    let json = serde_json::to_value(Mixed {
        first_name: 1,
        last_name: 2,
        r#type: Some(3),
        hidden: 4,
        hidden_too: 5,
    })
    .unwrap();
    let keys: Vec<&str> = json
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(keys, names);
}

#[derive(Serialize, Dto)]
#[serde(rename_all = "camelCase")]
#[route("/a/{id}", "get , post")]
#[route("/b", verbs = "*")]
#[route("/c")]
#[route("/d/{Id}", "Delete,ANY")]
#[api("Does things.")]
#[returns_void]
#[allow(dead_code)]
struct Metadata {
    #[api_member(
        description = "The ID",
        is_required,
        parameter_type = "path",
        data_type = "string",
        name = "Identifier"
    )]
    id: String,
    #[api_member(is_required = false, description = "Optional")]
    note: Option<String>,
    #[api_member]
    plain: u8,
    undocumented: u8,
}

#[test]
fn routes_keep_their_order_with_normalized_verbs() {
    assert_eq!(
        Metadata::ROUTES,
        &[
            Route {
                path: "/a/{id}",
                verbs: &["GET", "POST"]
            },
            Route {
                path: "/b",
                verbs: &["ANY"]
            },
            Route {
                path: "/c",
                verbs: &[]
            },
            Route {
                path: "/d/{Id}",
                verbs: &["DELETE", "ANY"]
            },
        ]
    );
    assert_eq!(Metadata::DESCRIPTION, Some("Does things."));
    const { assert!(!Metadata::REQUIRES_AUTH) };
}

#[test]
fn members_carry_api_member_attributes() {
    let plain = |wire_name| ApiMember {
        name: wire_name,
        wire_name,
        description: None,
        required: false,
        parameter_type: None,
        data_type: None,
    };
    assert_eq!(
        Metadata::MEMBERS,
        &[
            ApiMember {
                name: "Identifier",
                wire_name: "id",
                description: Some("The ID"),
                required: true,
                parameter_type: Some("path"),
                data_type: Some("string"),
            },
            ApiMember {
                description: Some("Optional"),
                ..plain("note")
            },
            plain("plain"),
            plain("undocumented"),
        ]
    );
}

#[test]
fn response_types() {
    fn returns_void<T: ReturnsVoid>() {}
    returns_void::<Metadata>();
    assert_eq!(response::<Metadata>(), TypeId::of::<()>());

    #[derive(Serialize, Dto)]
    #[returns(std::collections::HashMap<String, Vec<u8>>)]
    struct Typed {}
    assert_eq!(
        response::<Typed>(),
        TypeId::of::<std::collections::HashMap<String, Vec<u8>>>()
    );

    #[derive(Serialize, Dto)]
    struct Untyped {}
    assert_eq!(response::<Untyped>(), TypeId::of::<Value>());
}

#[test]
fn authenticate_and_api_description_key() {
    #[derive(Serialize, Dto)]
    #[api(description = "Secret")]
    #[authenticate]
    struct Secured {}
    const { assert!(Secured::REQUIRES_AUTH) };
    assert_eq!(Secured::DESCRIPTION, Some("Secret"));
    assert_eq!(Secured::NAME, "Secured");
}

#[test]
fn flattened_fields_are_not_members_but_their_fields_are_sent() {
    #[derive(Serialize)]
    struct Paging {
        skip: Option<u32>,
        take: Option<u32>,
    }
    #[derive(Serialize, Dto)]
    // `take` comes from the flattened struct: it cannot be checked, so it is accepted.
    #[route("/items/{take}", "GET")]
    struct Items {
        name: String,
        #[serde(flatten)]
        paging: Paging,
    }
    assert_eq!(wire_names::<Items>(), ["name"]);
    let items = Items {
        name: "n".into(),
        paging: Paging {
            skip: Some(1),
            take: Some(5),
        },
    };
    assert_eq!(items.to_url("GET").unwrap(), "/items/5?name=n&skip=1");
}

#[test]
fn generic_and_lifetime_parameters() {
    #[derive(Serialize, Dto)]
    #[route("/g/{key}")]
    #[returns(Option<V>)]
    struct Borrowed<'a, K: Serialize, V> {
        key: K,
        text: &'a str,
        #[serde(skip)]
        _value: std::marker::PhantomData<V>,
    }
    let request = Borrowed::<u8, String> {
        key: 1,
        text: "a b",
        _value: std::marker::PhantomData,
    };
    assert_eq!(request.to_url("GET").unwrap(), "/g/1?text=a%20b");
    assert_eq!(
        response::<Borrowed<'static, u8, String>>(),
        TypeId::of::<Option<String>>()
    );
}

#[test]
fn the_derive_works_with_only_dto_and_serde_in_scope() {
    mod generated {
        #[derive(
            Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize, dto::Dto,
        )]
        #[route("/x/{id}", "GET")]
        pub struct X {
            #[serde(
                rename = "id",
                default,
                skip_serializing_if = "::std::option::Option::is_none"
            )]
            pub id: ::std::option::Option<::std::string::String>,
            #[serde(
                rename = "extra",
                default,
                skip_serializing_if = "::std::option::Option::is_none"
            )]
            pub extra: ::std::option::Option<dto::IndexMap<::std::string::String, dto::Value>>,
            #[serde(
                rename = "map",
                default,
                skip_serializing_if = "::std::option::Option::is_none"
            )]
            pub map: ::std::option::Option<dto::Map>,
        }
    }
    use dto::Request as _;
    let x = generated::X {
        id: Some("1".into()),
        ..Default::default()
    };
    assert_eq!(x.to_url("GET").unwrap(), "/x/1");
}

/// Dials a member.
///
/// More detail that is not the description.
#[derive(Debug, Default, Serialize, Dto)]
#[serde(rename_all = "camelCase")]
pub struct DocumentedByDocs {
    /// The ID of the \[active\] session
    pub session_id: Option<String>,
    /// Ignored: the attribute wins
    #[api_member(description = "From the attribute", is_required)]
    pub destination: Option<String>,
    pub undocumented: Option<String>,
}

/// Not the description.
#[derive(Debug, Default, Serialize, Dto)]
#[api(description = "From #[api]")]
pub struct DocumentedByApi {}

#[test]
fn descriptions_come_from_doc_comments_unless_an_attribute_gives_one() {
    assert_eq!(DocumentedByDocs::DESCRIPTION, Some("Dials a member."));
    let members = DocumentedByDocs::MEMBERS;
    assert_eq!(
        members[0].description,
        Some("The ID of the [active] session")
    );
    assert_eq!(members[1].description, Some("From the attribute"));
    assert!(members[1].required);
    assert_eq!(members[2].description, None);
    assert_eq!(DocumentedByApi::DESCRIPTION, Some("From #[api]"));
}
