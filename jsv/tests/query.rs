//! `jsv::query`: ServiceStack GET parameters.

use std::collections::BTreeMap;

use jsv::query::{QueryValue, ValueKind, query_value, to_query_pairs, to_query_value};
use pretty_assertions::assert_eq;
use serde::Serialize;

#[derive(Serialize, Clone, Copy)]
enum Status {
    Active,
    #[serde(rename = "on-hold")]
    OnHold,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct DateRange {
    from: String,
    to: Option<String>,
    label: Option<String>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct FindSessions {
    ids: Option<Vec<u32>>,
    range: Option<DateRange>,
    status: Option<Status>,
    caller_name: Option<String>,
    page: Option<i32>,
    ended: Option<bool>,
    tags: Vec<String>,
    #[serde(skip)]
    #[allow(dead_code)]
    secret: String,
    note: Option<String>,
}

/// The pairs as `name=value&...`, not percent-encoded (that is `dto::url`'s business).
fn joined<T: ?Sized + Serialize>(value: &T) -> jsv::Result<String> {
    let pairs = to_query_pairs(value)?;
    Ok(pairs
        .iter()
        .map(|(name, value)| format!("{name}={value}"))
        .collect::<Vec<_>>()
        .join("&"))
}

fn find_sessions() -> FindSessions {
    FindSessions {
        ids: Some(vec![1, 2]),
        range: Some(DateRange {
            from: "2017-01-01".into(),
            to: Some("a,b".into()),
            label: None,
        }),
        status: Some(Status::OnHold),
        caller_name: Some("Doe, John & \"Jr\"".into()),
        page: Some(-3),
        ended: Some(false),
        tags: vec!["x y".into(), "a:b".into()],
        secret: "hidden".into(),
        note: None,
    }
}

#[test]
fn scalars_are_plain_text() {
    assert_eq!(to_query_value("abc").unwrap(), "abc");
    // No JSV quoting for a top-level string: the server takes string parameters verbatim.
    assert_eq!(
        to_query_value("a,b:{c}[d]\"e\"").unwrap(),
        "a,b:{c}[d]\"e\""
    );
    assert_eq!(to_query_value("").unwrap(), "");
    assert_eq!(to_query_value(&42u8).unwrap(), "42");
    assert_eq!(to_query_value(&-7i64).unwrap(), "-7");
    assert_eq!(to_query_value(&u128::MAX).unwrap(), u128::MAX.to_string());
    assert_eq!(to_query_value(&1.5f64).unwrap(), "1.5");
    assert_eq!(to_query_value(&true).unwrap(), "True");
    assert_eq!(to_query_value(&false).unwrap(), "False");
    assert_eq!(to_query_value(&'x').unwrap(), "x");
    assert_eq!(to_query_value(&',').unwrap(), ",");
    assert_eq!(to_query_value(&Status::Active).unwrap(), "Active");
    assert_eq!(to_query_value(&Status::OnHold).unwrap(), "on-hold");
    assert_eq!(to_query_value(&Some("x")).unwrap(), "x");
    assert_eq!(to_query_value(&None::<String>).unwrap(), "");
    assert_eq!(to_query_value(&()).unwrap(), "");
}

#[test]
fn floats_use_the_jsv_number_format() {
    for value in [0.1f64, 1e20, 1e-7, -2.5, f64::NAN, f64::INFINITY] {
        assert_eq!(
            to_query_value(&value).unwrap(),
            jsv::to_string(&value).unwrap()
        );
    }
    assert_eq!(
        to_query_value(&0.25f32).unwrap(),
        jsv::to_string(&0.25f32).unwrap()
    );
}

#[test]
fn lists_and_objects_are_jsv_text_with_jsv_quoting_inside() {
    assert_eq!(to_query_value(&vec![1, 2]).unwrap(), "[1,2]");
    assert_eq!(to_query_value(&Vec::<i32>::new()).unwrap(), "[]");
    assert_eq!(
        to_query_value(&vec!["a,b", "c", ""]).unwrap(),
        r#"["a,b",c,""]"#
    );
    assert_eq!(to_query_value(&(1, "x")).unwrap(), "[1,x]");
    assert_eq!(
        to_query_value(&[Status::Active, Status::OnHold]).unwrap(),
        "[Active,on-hold]"
    );
    let range = DateRange {
        from: "2017-01-01".into(),
        to: Some("a,b".into()),
        label: None,
    };
    assert_eq!(
        to_query_value(&range).unwrap(),
        r#"{from:2017-01-01,to:"a,b"}"#
    );
    let mut map = BTreeMap::new();
    map.insert("k", vec!["v \"1\""]);
    assert_eq!(to_query_value(&map).unwrap(), r#"{k:["v ""1"""]}"#);
    assert_eq!(
        to_query_value(&Some(vec![Some(1), None, Some(3)])).unwrap(),
        "[1,,3]"
    );
}

#[test]
fn kinds_are_reported() {
    let kind = |v: Option<QueryValue>| v.map(|v| v.kind());
    assert_eq!(kind(query_value("a").unwrap()), Some(ValueKind::Scalar));
    assert_eq!(
        kind(query_value(&Status::Active).unwrap()),
        Some(ValueKind::Scalar)
    );
    assert_eq!(kind(query_value(&vec![1]).unwrap()), Some(ValueKind::List));
    assert_eq!(kind(query_value(&(1, 2)).unwrap()), Some(ValueKind::List));
    assert_eq!(
        kind(query_value(&BTreeMap::<String, i32>::new()).unwrap()),
        Some(ValueKind::Object)
    );
    assert_eq!(
        kind(query_value(&find_sessions()).unwrap()),
        Some(ValueKind::Object)
    );
    assert_eq!(kind(query_value(&None::<i32>).unwrap()), None);

    let empty = query_value("").unwrap().unwrap();
    assert!(empty.is_empty() && empty.is_scalar());
    let empty_list = query_value(&Vec::<u8>::new()).unwrap().unwrap();
    assert!(!empty_list.is_empty() && !empty_list.is_scalar());
    assert_eq!(empty_list.as_str(), "[]");
}

#[test]
fn data_carrying_variants_are_objects() {
    #[derive(Serialize)]
    enum Shape {
        Circle(f64),
        Rect { w: u32, h: u32 },
        Pair(u8, u8),
    }
    let v = query_value(&Shape::Circle(1.5)).unwrap().unwrap();
    assert_eq!(
        (v.as_str(), v.kind()),
        (
            jsv::to_string(&Shape::Circle(1.5)).unwrap().as_str(),
            ValueKind::Object
        )
    );
    assert_eq!(
        query_value(&Shape::Rect { w: 1, h: 2 })
            .unwrap()
            .unwrap()
            .kind(),
        ValueKind::Object
    );
    assert_eq!(
        query_value(&Shape::Pair(1, 2)).unwrap().unwrap().kind(),
        ValueKind::Object
    );
}

#[test]
fn newtypes_are_transparent() {
    #[derive(Serialize)]
    struct Id(String);
    #[derive(Serialize)]
    struct Ids(Vec<u32>);
    assert_eq!(
        query_value(&Id("a b".into())).unwrap().unwrap(),
        QueryValue::new("a b", ValueKind::Scalar)
    );
    assert_eq!(
        query_value(&Ids(vec![3])).unwrap().unwrap(),
        QueryValue::new("[3]", ValueKind::List)
    );
}

#[test]
fn pairs_follow_field_order_and_skip_none() {
    let pairs = to_query_pairs(&find_sessions()).unwrap();
    let got: Vec<(&str, &str, ValueKind)> = pairs
        .iter()
        .map(|(name, value)| (name.as_str(), value.as_str(), value.kind()))
        .collect();
    assert_eq!(
        got,
        vec![
            ("ids", "[1,2]", ValueKind::List),
            ("range", r#"{from:2017-01-01,to:"a,b"}"#, ValueKind::Object),
            ("status", "on-hold", ValueKind::Scalar),
            ("callerName", "Doe, John & \"Jr\"", ValueKind::Scalar),
            ("page", "-3", ValueKind::Scalar),
            ("ended", "False", ValueKind::Scalar),
            ("tags", r#"[x y,"a:b"]"#, ValueKind::List),
        ]
    );
}

#[test]
fn maps_and_flattened_structs_work_at_the_top_level() {
    #[derive(Serialize)]
    struct Paging {
        skip: Option<u32>,
        take: Option<u32>,
    }
    #[derive(Serialize)]
    struct Query {
        name: String,
        #[serde(flatten)]
        paging: Paging,
        extra: Option<BTreeMap<String, String>>,
    }
    let q = Query {
        name: "n".into(),
        paging: Paging {
            skip: None,
            take: Some(5),
        },
        extra: None,
    };
    assert_eq!(joined(&q).unwrap(), "name=n&take=5");

    let mut map = indexmap::IndexMap::new();
    map.insert("z", Some(1));
    map.insert("y", None);
    map.insert("x", Some(2));
    assert_eq!(joined(&map).unwrap(), "z=1&x=2");

    let mut by_number = BTreeMap::new();
    by_number.insert(3, "three");
    assert_eq!(joined(&by_number).unwrap(), "3=three");
}

#[test]
fn empty_and_wrapped_top_levels() {
    #[derive(Serialize)]
    struct Empty {}
    #[derive(Serialize)]
    struct Unit;
    #[derive(Serialize)]
    struct Wrapper(Empty);
    assert_eq!(joined(&Empty {}).unwrap(), "");
    assert_eq!(joined(&Unit).unwrap(), "");
    assert_eq!(joined(&Wrapper(Empty {})).unwrap(), "");
    assert_eq!(joined(&None::<Empty>).unwrap(), "");
    assert_eq!(
        joined(&Some(find_sessions())).unwrap(),
        joined(&find_sessions()).unwrap()
    );
}

#[test]
fn non_struct_top_levels_are_errors() {
    for err in [
        joined(&1).unwrap_err(),
        joined("text").unwrap_err(),
        joined(&vec![1]).unwrap_err(),
        joined(&Status::Active).unwrap_err(),
    ] {
        assert!(err.to_string().contains("struct or a map"), "{err}");
    }
    let mut complex_keys = BTreeMap::new();
    complex_keys.insert(vec![1], 1);
    assert!(joined(&complex_keys).is_err());
}

#[test]
fn jsv_values_are_classified_by_their_shape() {
    let mut map = jsv::Map::new();
    map.insert("A".to_string(), jsv::Value::String("x,y".into()));
    let value = jsv::Value::Map(map);
    assert_eq!(to_query_value(&value).unwrap(), r#"{A:"x,y"}"#);
    assert_eq!(
        to_query_value(&jsv::Value::String("x,y".into())).unwrap(),
        "x,y"
    );
    assert_eq!(query_value(&jsv::Value::Null).unwrap(), None);
    assert_eq!(
        query_value(&jsv::Value::List(vec![jsv::Value::String("1".into())]))
            .unwrap()
            .unwrap()
            .kind(),
        ValueKind::List
    );
}

#[test]
fn bytes_are_base64() {
    struct Bytes(&'static [u8]);
    impl Serialize for Bytes {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.serialize_bytes(self.0)
        }
    }
    assert_eq!(to_query_value(&Bytes(b"hi?")).unwrap(), "aGk/");
}
