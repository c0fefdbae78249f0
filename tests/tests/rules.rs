//! The generator's rules, checked on compiled code generated from
//! `codegen/tests/fixtures/metadata/rules.json`.

use dto::Request;
use pretty_assertions::assert_eq;
use workspace_tests::rules::*;

fn jsv_round_trip<T>(value: &T) -> String
where
    T: serde::Serialize + for<'de> serde::Deserialize<'de> + PartialEq + std::fmt::Debug,
{
    let text = jsv::to_string(value).unwrap();
    let back: T = jsv::from_str(&text).unwrap_or_else(|e| panic!("{text}: {e}"));
    assert_eq!(&back, value, "JSV round trip of {text}");
    let json = serde_json::to_string(value).unwrap();
    let back: T = serde_json::from_str(&json).unwrap();
    assert_eq!(&back, value, "JSON round trip of {json}");
    text
}

#[test]
fn keywords_and_aliases_keep_their_wire_names() {
    let k = Keywords {
        r#type: Some("t".into()),
        self_: Some("s".into()),
        super_: Some("p".into()),
        crate_: Some("c".into()),
        id: Some("lower".into()),
        id_2: Some("upper".into()),
        tool_calls: Some("tc".into()),
        at_type: Some("at".into()),
        ..Default::default()
    };
    let json = serde_json::to_value(&k).unwrap();
    assert_eq!(json["type"], "t");
    assert_eq!(json["self"], "s");
    assert_eq!(json["super"], "p");
    assert_eq!(json["crate"], "c");
    assert_eq!(json["id"], "lower");
    assert_eq!(json["ID"], "upper");
    assert_eq!(json["tool_calls"], "tc");
    assert_eq!(json["@type"], "at");
    assert!(json.get("match").is_none(), "None is not written");
    jsv_round_trip(&k);
}

#[test]
fn recursive_types_are_boxed_only_outside_collections() {
    let leaf = Tree {
        name: Some("leaf".into()),
        ..Default::default()
    };
    let tree = Tree {
        name: Some("root".into()),
        parent: Some(Box::new(leaf.clone())),
        children: Some(vec![leaf.clone(), leaf.clone()]),
        pair: Some(Box::new(TreePair {
            left: Some(Box::new(leaf.clone())),
            right: None,
        })),
    };
    let text = jsv_round_trip(&tree);
    assert!(text.starts_with("{name:root,parent:{name:leaf}"), "{text}");
}

#[test]
fn enums_string_int_and_flags() {
    assert_eq!(Color::default(), Color::Red);
    assert_eq!(
        serde_json::to_value(Color::LightGreen).unwrap(),
        "light-green"
    );
    assert_eq!(serde_json::to_value(Color::Self_).unwrap(), "Self");
    assert_eq!(jsv::to_string(&Color::Blue).unwrap(), "BLUE");
    assert_eq!(Priority::LOW.0, -1);
    assert_eq!(Priority::URGENT.0, 3_000_000_000);
    assert_eq!(serde_json::to_value(Priority::HIGH).unwrap(), 10);
    let rw = Permissions::READ | Permissions::WRITE;
    assert_eq!(rw, Permissions::READ_WRITE);
    assert!(rw.contains(Permissions::WRITE));
    assert!(!Permissions::READ.contains(Permissions::WRITE));
    // A numbered enum without [Flags]/isEnumInt is still written by name.
    assert_eq!(serde_json::to_value(Numbered::Weekly).unwrap(), "Weekly");
}

#[test]
fn derived_fields_come_before_base_fields_and_generic_bases_are_substituted() {
    let c = Contact {
        email: Some("a@b".into()),
        id: 7,
        item: Some("x".into()),
        items: Some(vec!["y".into()]),
    };
    let text = jsv_round_trip(&c);
    assert_eq!(text, "{email:a@b,id:7,item:x,items:[y]}");
    let list = Contacts(vec![c.clone()]);
    assert_eq!(jsv_round_trip(&list), format!("[{text}]"));
}

#[test]
fn names_that_shadow_std_are_fine() {
    let r = Result {
        value: Some(Value {
            text: Some("v".into()),
        }),
        option: Some(Option { on: true }),
    };
    assert_eq!(jsv_round_trip(&r), "{value:{text:v},option:{on:True}}");
}

#[test]
fn primitives_map_precisely() {
    let p = Primitives {
        int: -1,
        long: i64::MAX,
        u_long: u64::MAX,
        decimal: "79228162514264337593543950335".parse().unwrap(),
        when: "2017-10-09T12:00:00Z".parse().unwrap(),
        duration: "PT1H".parse().unwrap(),
        bytes: Some("AQID".parse().unwrap()),
        maybe_ints: Some(vec![Some(1), None]),
        by_color: Some(dto::IndexMap::from([(Color::LightGreen, "g".into())])),
        anything: Some(dto::Value::String("any".into())),
        ..Default::default()
    };
    // Through text: serde_json's `Value` holds numbers as f64 (without `arbitrary_precision`),
    // which a decimal's 29 digits do not survive.
    let text = serde_json::to_string(&p).unwrap();
    assert!(
        text.contains(r#""decimal":79228162514264337593543950335,"#),
        "{text}"
    );
    assert!(text.contains(r#""when":"/Date(1507550400000)/""#), "{text}");
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(json["uLong"], u64::MAX);
    assert_eq!(json["byColor"]["light-green"], "g");
    let back: Primitives = serde_json::from_str(&text).unwrap();
    assert_eq!(back, p);
    assert_eq!(back.when.kind(), dto::DateTimeKind::Utc);
}

#[test]
fn requests_carry_routes_docs_and_responses() {
    assert_eq!(
        CreateContact::ROUTES.len(),
        1,
        "the unmatched route is dropped"
    );
    assert_eq!(
        CreateContact::ROUTES[0].path,
        "/accounts/{AccountId}/contacts"
    );
    assert_eq!(CreateContact::DESCRIPTION, Some("Creates a contact."));
    const { assert!(CreateContact::REQUIRES_AUTH) };
    let m = CreateContact::member("accountId").unwrap();
    assert!(m.required);
    assert_eq!(m.parameter_type, Some("path"));
    assert_eq!(m.data_type, Some("string"));
    let req = CreateContact {
        account_id: "acc 1".into(),
        ..Default::default()
    };
    assert_eq!(req.to_url("POST").unwrap(), "/accounts/acc%201/contacts");

    let q = QueryContacts {
        email_contains: Some("x".into()),
        take: Some(10),
        ..Default::default()
    };
    let url = q.to_url("GET").unwrap();
    assert!(url.starts_with("/contacts?"), "{url}");
    assert!(
        url.contains("emailContains=x") && url.contains("take=10"),
        "{url}"
    );
    fn response_of<R: Request>() -> &'static str {
        std::any::type_name::<R::Response>()
    }
    assert_eq!(
        response_of::<QueryContacts>(),
        std::any::type_name::<QueryResponse<Contact>>()
    );
    assert_eq!(
        response_of::<GetLegacy>(),
        std::any::type_name::<Vec<Result>>()
    );
    fn is_void<T: dto::ReturnsVoid>() {}
    is_void::<DeleteContact>();
}

#[test]
fn undefined_types_and_interfaces_are_any_value() {
    let legacy = GetLegacy {
        thing: Some(LegacyThing::String("whatever".into())),
        wrapped: Some(Wrapper::Null),
        old: Some(Legacy_Thing::Null),
    };
    let json = serde_json::to_string(&legacy).unwrap();
    let back: GetLegacy = serde_json::from_str(&json).unwrap();
    assert_eq!(back.thing, legacy.thing);
    let docs = Docs {
        named: Some(dto::Value::String("n".into())),
        ..Default::default()
    };
    jsv_round_trip(&docs);
}
