//! `jsv::query`: ServiceStack GET parameters.

use std::collections::BTreeMap;

use jsv::query::{
    QueryValue, ValueKind, percent_encode, query_value, to_query_pairs, to_query_string,
    to_query_value,
};
use pretty_assertions::assert_eq;
use proptest::prelude::*;
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
fn query_string_is_percent_encoded() {
    assert_eq!(
        to_query_string(&find_sessions()).unwrap(),
        "ids=%5B1%2C2%5D\
         &range=%7Bfrom%3A2017-01-01%2Cto%3A%22a%2Cb%22%7D\
         &status=on-hold\
         &callerName=Doe%2C%20John%20%26%20%22Jr%22\
         &page=-3\
         &ended=False\
         &tags=%5Bx%20y%2C%22a%3Ab%22%5D"
    );
}

#[test]
fn empty_strings_are_kept_as_empty_parameters() {
    #[derive(Serialize)]
    struct Q {
        a: String,
        b: Option<String>,
        c: Option<String>,
    }
    let q = Q {
        a: String::new(),
        b: Some(String::new()),
        c: None,
    };
    assert_eq!(to_query_string(&q).unwrap(), "a=&b=");
}

#[test]
fn unicode_is_utf8_percent_encoded() {
    #[derive(Serialize)]
    struct Q {
        name: String,
        list: Vec<String>,
    }
    let q = Q {
        name: "Zoë 😀".into(),
        list: vec!["日本".into()],
    };
    assert_eq!(to_query_value(&q.list).unwrap(), "[日本]");
    assert_eq!(
        to_query_string(&q).unwrap(),
        "name=Zo%C3%AB%20%F0%9F%98%80&list=%5B%E6%97%A5%E6%9C%AC%5D"
    );
}

#[test]
fn url_special_characters_in_strings() {
    #[derive(Serialize)]
    struct Q {
        q: &'static str,
    }
    assert_eq!(
        to_query_string(&Q {
            q: "a+b=c&d?e#f/g%h i~j"
        })
        .unwrap(),
        "q=a%2Bb%3Dc%26d%3Fe%23f%2Fg%25h%20i~j"
    );
}

#[test]
fn names_are_encoded_too() {
    let mut map = BTreeMap::new();
    map.insert("a b", 1);
    map.insert("c&d", 2);
    assert_eq!(to_query_string(&map).unwrap(), "a%20b=1&c%26d=2");
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
    assert_eq!(to_query_string(&q).unwrap(), "name=n&take=5");

    let mut map = indexmap::IndexMap::new();
    map.insert("z", Some(1));
    map.insert("y", None);
    map.insert("x", Some(2));
    assert_eq!(to_query_string(&map).unwrap(), "z=1&x=2");

    let mut by_number = BTreeMap::new();
    by_number.insert(3, "three");
    assert_eq!(to_query_string(&by_number).unwrap(), "3=three");
}

#[test]
fn empty_and_wrapped_top_levels() {
    #[derive(Serialize)]
    struct Empty {}
    #[derive(Serialize)]
    struct Unit;
    #[derive(Serialize)]
    struct Wrapper(Empty);
    assert_eq!(to_query_string(&Empty {}).unwrap(), "");
    assert_eq!(to_query_string(&Unit).unwrap(), "");
    assert_eq!(to_query_string(&Wrapper(Empty {})).unwrap(), "");
    assert_eq!(to_query_string(&None::<Empty>).unwrap(), "");
    assert_eq!(
        to_query_string(&Some(find_sessions())).unwrap(),
        to_query_string(&find_sessions()).unwrap()
    );
}

#[test]
fn non_struct_top_levels_are_errors() {
    for err in [
        to_query_string(&1).unwrap_err(),
        to_query_string("text").unwrap_err(),
        to_query_string(&vec![1]).unwrap_err(),
        to_query_string(&Status::Active).unwrap_err(),
    ] {
        assert!(err.to_string().contains("struct or a map"), "{err}");
    }
    let mut complex_keys = BTreeMap::new();
    complex_keys.insert(vec![1], 1);
    assert!(to_query_string(&complex_keys).is_err());
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

/// Percent-decodes `%XX` (the reverse of `percent_encode`, for the round-trip property).
fn percent_decode(text: &str) -> Vec<u8> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap();
            out.push(u8::from_str_radix(hex, 16).unwrap());
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    out
}

proptest! {
    #[test]
    fn percent_encoding_round_trips_and_uses_only_safe_characters(text in "\\PC*") {
        let encoded = percent_encode(&text);
        prop_assert!(encoded.bytes().all(|b| b.is_ascii_alphanumeric() || b"-._~%".contains(&b)));
        prop_assert_eq!(percent_decode(&encoded), text.as_bytes());
    }

    #[test]
    fn percent_escapes_are_upper_case(text in "[^A-Za-z0-9]{0,20}") {
        let encoded = percent_encode(&text);
        for chunk in encoded.split('%').skip(1) {
            let hex = &chunk[..2];
            prop_assert_eq!(hex, hex.to_ascii_uppercase());
        }
    }
}
