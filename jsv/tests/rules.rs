//! The format's rules, one test each, written from ServiceStack's documented and observed behaviour.

use std::borrow::Cow;
use std::collections::BTreeMap;

use pretty_assertions::assert_eq;
use proptest::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize, Debug, PartialEq, Clone, Default)]
#[serde(rename_all = "PascalCase")]
struct Poco {
    id: i32,
    name: Option<String>,
    flag: bool,
}

#[test]
fn strings_are_quoted_only_for_special_characters() {
    for (text, jsv) in [
        ("Hello World", "Hello World"),
        ("", "\"\""),
        (" a ", " a "),
        ("a,b", "\"a,b\""),
        ("a:b", "\"a:b\""),
        ("https://url.com", "\"https://url.com\""),
        ("say \"hi\"", "\"say \"\"hi\"\"\""),
        ("\"", "\"\"\"\""),
        ("[x]", "\"[x]\""),
        ("{y}", "\"{y}\""),
        ("x\r\ny", "\"x\r\ny\""),
        ("tab\there", "tab\there"),
        ("null", "null"),
        ("é中😀", "é中😀"),
        ("\\'%=&#", "\\'%=&#"),
    ] {
        assert_eq!(jsv::to_string(text).unwrap(), jsv, "writing {text:?}");
        assert_eq!(
            jsv::from_str::<String>(jsv).unwrap(),
            text,
            "reading {jsv:?}"
        );
    }
}

#[test]
fn dotnet_date_times_with_an_offset_are_written_unquoted() {
    // As ServiceStack writes DateTime/DateTimeOffset; UTC `Z` text is quoted like any string with `:`.
    let dates = vec![
        "2012-06-21T13:14:15+00:00",
        "2020-01-02T03:04:05.0000000-05:30",
        "2012-06-21T13:14:15Z",
    ];
    let text = jsv::to_string(&dates).unwrap();
    assert_eq!(
        text,
        "[2012-06-21T13:14:15+00:00,2020-01-02T03:04:05.0000000-05:30,\"2012-06-21T13:14:15Z\"]"
    );
    assert_eq!(jsv::from_str::<Vec<String>>(&text).unwrap(), dates);
    // Not as map keys, where the `:` would end the key.
    let map = BTreeMap::from([("2012-06-21T13:14:15+00:00", 1)]);
    let text = jsv::to_string(&map).unwrap();
    assert_eq!(text, "{\"2012-06-21T13:14:15+00:00\":1}");
    assert_eq!(
        jsv::from_str::<BTreeMap<String, i32>>(&text).unwrap().len(),
        1
    );
    // Near misses are plain strings.
    for text in [
        "2012-06-21T13:14:15+0000",
        "2012-06-21 13:14:15+00:00",
        "x2012-06-21T13:14:15+00:00",
    ] {
        assert!(jsv::to_string(text).unwrap().starts_with('"'), "{text}");
    }
}

#[test]
fn scalars_are_written_as_dotnet_writes_them() {
    assert_eq!(jsv::to_string(&true).unwrap(), "True");
    assert_eq!(jsv::to_string(&false).unwrap(), "False");
    assert_eq!(jsv::to_string(&-2147483648i32).unwrap(), "-2147483648");
    assert_eq!(jsv::to_string(&u64::MAX).unwrap(), "18446744073709551615");
    assert_eq!(jsv::to_string(&89557.0f64).unwrap(), "89557");
    assert_eq!(jsv::to_string(&1e21f64).unwrap(), "1E+21");
    assert_eq!(jsv::to_string(&1e-5f64).unwrap(), "1E-05");
    assert_eq!(jsv::to_string(&f64::NAN).unwrap(), "NaN");
    assert_eq!(jsv::to_string(&f64::NEG_INFINITY).unwrap(), "-Infinity");
    assert_eq!(
        jsv::to_string(&serde_bytes_like(&[1, 2, 3])).unwrap(),
        "AQID"
    );
    assert_eq!(jsv::to_string(&'c').unwrap(), "c");
    assert_eq!(jsv::to_string(&',').unwrap(), "\",\"");
}

/// Bytes through `serialize_bytes`, as `serde_bytes` would.
fn serde_bytes_like(bytes: &[u8]) -> impl Serialize + '_ {
    struct Bytes<'a>(&'a [u8]);
    impl Serialize for Bytes<'_> {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.serialize_bytes(self.0)
        }
    }
    Bytes(bytes)
}

#[test]
fn none_members_and_map_values_are_omitted_list_items_are_empty() {
    // As in ServiceStack, a list holding only one null is `[]`.
    assert_eq!(jsv::to_string(&vec![None::<String>]).unwrap(), "[]");
    let poco = Poco {
        id: 1,
        name: None,
        flag: false,
    };
    assert_eq!(jsv::to_string(&poco).unwrap(), "{Id:1,Flag:False}");
    let items = vec![Some("a"), None, Some("b")];
    assert_eq!(jsv::to_string(&items).unwrap(), "[a,,b]");
    assert_eq!(
        jsv::from_str::<Vec<Option<String>>>("[a,,b]").unwrap(),
        [Some("a".into()), None, Some("b".into())]
    );
    assert_eq!(
        jsv::from_str::<Vec<Option<String>>>("[a,]").unwrap(),
        [Some("a".into()), None]
    );
    let map = BTreeMap::from([("a", Some(1)), ("b", None), ("c", Some(3))]);
    assert_eq!(jsv::to_string(&map).unwrap(), "{a:1,c:3}");
    let first_none = vec![(None::<i32>, 1)];
    assert_eq!(jsv::to_string(&first_none).unwrap(), "[[,1]]");
    // The option keeps them.
    let mut serializer = jsv::Serializer::new().include_none(true);
    poco.serialize(&mut serializer).unwrap();
    assert_eq!(serializer.into_inner(), "{Id:1,Name:,Flag:False}");
    assert_eq!(jsv::to_string(&None::<i32>).unwrap(), "");
}

#[derive(Serialize, Deserialize, Debug, PartialEq, Clone)]
enum Shape {
    Empty,
    Circle(f64),
    Point(i32, i32),
    Rect { w: u32, h: u32 },
}

#[derive(Serialize, Deserialize, Debug, PartialEq, Clone)]
struct Unit;

#[derive(Serialize, Deserialize, Debug, PartialEq, Clone)]
struct Meters(f64);

#[test]
fn the_whole_data_model_round_trips_in_a_documented_form() {
    for (shape, text) in [
        (Shape::Empty, "Empty"),
        (Shape::Circle(1.5), "{Circle:1.5}"),
        (Shape::Point(1, -2), "{Point:[1,-2]}"),
        (Shape::Rect { w: 3, h: 4 }, "{Rect:{w:3,h:4}}"),
    ] {
        assert_eq!(jsv::to_string(&shape).unwrap(), text);
        assert_eq!(jsv::from_str::<Shape>(text).unwrap(), shape);
    }
    assert_eq!(jsv::to_string(&Unit).unwrap(), "{}");
    assert_eq!(jsv::from_str::<Unit>("{}").unwrap(), Unit);
    assert_eq!(jsv::to_string(&Meters(2.5)).unwrap(), "2.5");
    assert_eq!(jsv::from_str::<Meters>("2.5").unwrap(), Meters(2.5));
    assert_eq!(
        jsv::to_string(&(1, "a,b", true)).unwrap(),
        "[1,\"a,b\",True]"
    );
    assert_eq!(
        jsv::from_str::<(i32, String, bool)>("[1,\"a,b\",True]").unwrap(),
        (1, "a,b".into(), true)
    );
    assert_eq!(jsv::from_str::<()>("").unwrap(), ());
}

#[test]
fn members_and_variants_match_ignoring_case() {
    let poco: Poco = jsv::from_str("{id:1,NAME:x,fLaG:true}").unwrap();
    assert_eq!(
        poco,
        Poco {
            id: 1,
            name: Some("x".into()),
            flag: true
        }
    );
    assert_eq!(jsv::from_str::<Shape>("empty").unwrap(), Shape::Empty);
    assert_eq!(jsv::from_str::<Shape>("\"Empty\"").unwrap(), Shape::Empty);
    // A numeric enum value is the variant's index.
    assert_eq!(jsv::from_str::<Shape>("0").unwrap(), Shape::Empty);
}

#[test]
fn unknown_members_and_type_markers_are_skipped() {
    let poco: Poco =
        jsv::from_str("{__type:\"My.Poco, App\",Id:1,Zzz:{a:[1,2],b:\"c,}\"},Name:x,Flag:True}")
            .unwrap();
    assert_eq!(
        poco,
        Poco {
            id: 1,
            name: Some("x".into()),
            flag: true
        }
    );

    #[derive(Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Strict {
        id: i32,
    }
    let error = jsv::from_str::<Strict>("{id:1,extra:2}").unwrap_err();
    assert!(
        error.to_string().contains("unknown field `extra`"),
        "{error}"
    );
    assert!(jsv::from_str::<Strict>("{__type:X,id:1}").is_ok());
}

#[test]
fn scalars_are_parsed_by_the_type_asked_for() {
    #[derive(Deserialize, Debug, PartialEq)]
    struct Numbers {
        a: i64,
        b: f32,
        c: bool,
        d: String,
        e: Option<u8>,
    }
    let n: Numbers = jsv::from_str("{a:\"5\",b: 1.5 ,c:TRUE,d:123,e:}").unwrap();
    assert_eq!(
        n,
        Numbers {
            a: 5,
            b: 1.5,
            c: true,
            d: "123".into(),
            e: None
        }
    );
    for bool_text in ["true", "True", "1", "t", "Y", "on"] {
        assert!(jsv::from_str::<bool>(bool_text).unwrap(), "{bool_text}");
    }
}

#[test]
fn a_value_that_does_not_parse_is_an_error_with_position() {
    let error = jsv::from_str::<Poco>("{Id:1,\nName:x,\nFlag:maybe}").unwrap_err();
    assert_eq!((error.line(), error.column()), (3, 6));
    assert!(error.is_data());
    assert!(error.to_string().contains("invalid boolean"), "{error}");

    let error = jsv::from_str::<Poco>("{Id:abc}").unwrap_err();
    assert_eq!((error.line(), error.column()), (1, 5));
    assert!(jsv::from_str::<u8>("256").is_err());
    assert!(jsv::from_str::<u64>("-1").is_err());
    assert!(jsv::from_str::<f32>("1e39").is_err());
    assert!(jsv::from_str::<Shape>("Hexagon").is_err());
}

#[test]
fn malformed_structure_is_an_error() {
    for bad in [
        "{Id:1}garbage",
        "{Id:1} ",
        "{Id}",
        "{,Id:1}",
        "{Id:1,}",
        "{Id:1,Na",
        "{Name:\"abc",
        "{Name:\"ab\"cd}",
        "[a,b]",
        "{Id:{A:1} }",
    ] {
        let error = jsv::from_str::<Poco>(bad).unwrap_err();
        assert!(error.line() > 0, "{bad:?}: {error}");
    }
    // ServiceStack accepts input that stops before its closing bracket.
    assert_eq!(
        jsv::from_str::<Poco>("{Id:1,Name:x")
            .unwrap()
            .name
            .as_deref(),
        Some("x")
    );
    assert_eq!(jsv::from_str::<Vec<i32>>("[1,2").unwrap(), [1, 2]);
}

#[test]
fn recursion_is_limited() {
    let deep = "[".repeat(200) + &"]".repeat(200);
    let error = jsv::from_str::<jsv::Value>(&deep).unwrap_err();
    assert!(error.to_string().contains("recursion limit"), "{error}");
    let ok = "[".repeat(100) + &"]".repeat(100);
    assert!(jsv::from_str::<jsv::Value>(&ok).is_ok());
    let mut de = jsv::Deserializer::from_str(&deep).recursion_limit(300);
    assert!(jsv::Value::deserialize(&mut de).is_ok());
}

#[test]
fn strings_borrow_from_the_input() {
    #[derive(Deserialize)]
    struct Borrowed<'a> {
        plain: &'a str,
        #[serde(borrow)]
        quoted: Cow<'a, str>,
        #[serde(borrow)]
        escaped: Cow<'a, str>,
    }
    let text = "{plain:Hello World,quoted:\"a,b\",escaped:\"say \"\"hi\"\"\"}";
    let b: Borrowed = jsv::from_str(text).unwrap();
    assert_eq!(b.plain, "Hello World");
    assert!(matches!(b.quoted, Cow::Borrowed("a,b")));
    assert!(matches!(b.escaped, Cow::Owned(ref s) if s == "say \"hi\""));
}

#[test]
fn whitespace_is_data_unless_trimmed() {
    let exact: Poco = jsv::from_str("{Id:1,Name: x }").unwrap();
    assert_eq!(exact.name.as_deref(), Some(" x "));
    let text = "{\n\tId: 1,\n\tName: Hello World ,\n\tFlag: True\n}\n";
    let mut de = jsv::Deserializer::from_str(text).trim_whitespace(true);
    let trimmed = Poco::deserialize(&mut de).unwrap();
    de.end().unwrap();
    assert_eq!(
        trimmed,
        Poco {
            id: 1,
            name: Some("Hello World".into()),
            flag: true
        }
    );
}

#[test]
fn missing_members_read_as_defaults_like_servicestack() {
    #[derive(Deserialize, Debug, PartialEq)]
    struct Required {
        a: i32,
        b: String,
        c: Vec<i32>,
        d: Poco,
    }
    let r: Required = jsv::from_str("{a:5}").unwrap();
    assert_eq!(
        r,
        Required {
            a: 5,
            b: String::new(),
            c: vec![],
            d: Poco::default()
        }
    );
    let mut de = jsv::Deserializer::from_str("{a:5}");
    assert!(
        Required::deserialize(&mut de)
            .unwrap_err()
            .to_string()
            .contains("missing field")
    );
}

#[test]
fn readers_and_writers() {
    let poco = Poco {
        id: 7,
        name: Some("a b".into()),
        flag: true,
    };
    let mut out = Vec::new();
    jsv::to_writer(&mut out, &poco).unwrap();
    assert_eq!(jsv::from_reader::<_, Poco>(out.as_slice()).unwrap(), poco);
    assert_eq!(jsv::from_slice::<Poco>(&out).unwrap(), poco);
    assert_eq!(jsv::to_vec(&poco).unwrap(), out);
    assert!(
        jsv::from_slice::<String>(b"a\xffb")
            .unwrap_err()
            .is_syntax()
    );
    let mut pretty = Vec::new();
    jsv::to_writer_pretty(&mut pretty, &poco).unwrap();
    assert_eq!(
        String::from_utf8(pretty).unwrap(),
        "{\n\tId: 7,\n\tName: a b,\n\tFlag: True\n}"
    );
}

fn value_strategy() -> impl Strategy<Value = jsv::Value> {
    // Scalars are non-empty: an empty scalar is Null, which is omitted inside maps.
    let leaf = prop_oneof![
        Just(jsv::Value::Null),
        "[^\u{0}]{1,12}".prop_map(jsv::Value::String)
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            // A list of one null is written `[]`, as ServiceStack writes List<string>{null}: not
            // distinguishable from an empty list, so it is left out here.
            prop::collection::vec(inner.clone(), 0..6)
                .prop_filter("lone null item", |items| items.len() != 1
                    || !items[0].is_null())
                .prop_map(jsv::Value::List),
            prop::collection::vec(("[^\u{0}]{1,8}", inner), 0..6).prop_map(|entries| {
                jsv::Value::Map(entries.into_iter().filter(|(_, v)| !v.is_null()).collect())
            }),
        ]
    })
}

#[derive(Serialize, Deserialize, Debug, PartialEq, Clone)]
struct Rich {
    id: i64,
    ratio: f64,
    small: f32,
    name: String,
    note: Option<String>,
    tags: Vec<String>,
    maybe: Vec<Option<String>>,
    scores: indexmap::IndexMap<String, i32>,
    shape: Shape,
    nested: Option<Box<Rich>>,
}

fn rich_strategy() -> impl Strategy<Value = Rich> {
    let shape = prop_oneof![
        Just(Shape::Empty),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Shape::Circle),
        (any::<i32>(), any::<i32>()).prop_map(|(x, y)| Shape::Point(x, y)),
        (any::<u32>(), any::<u32>()).prop_map(|(w, h)| Shape::Rect { w, h }),
    ];
    let flat = (
        any::<i64>(),
        any::<f64>().prop_filter("finite", |f| f.is_finite()),
        any::<f32>().prop_filter("finite", |f| f.is_finite()),
        ".*",
        proptest::option::of(".*"),
        prop::collection::vec(".*", 0..4),
        prop::collection::vec(proptest::option::of(".+"), 0..4)
            .prop_filter("lone null item", |m| m != &[None]),
        prop::collection::vec((".*", any::<i32>()), 0..4),
        shape,
    )
        .prop_map(
            |(id, ratio, small, name, note, tags, maybe, scores, shape)| Rich {
                id,
                ratio,
                small,
                name,
                note,
                tags,
                maybe,
                scores: scores.into_iter().collect(),
                shape,
                nested: None,
            },
        );
    (flat.clone(), proptest::option::of(flat)).prop_map(|(mut outer, inner)| {
        outer.nested = inner.map(Box::new);
        outer
    })
}

/// Values full of the characters the pretty layout acts on, .NET date-times written unquoted, and
/// null members (written and then taken back), for checking the direct pretty writer against the
/// textual pass.
fn layout_strategy() -> impl Strategy<Value = jsv::Value> {
    let leaf = prop_oneof![
        Just(jsv::Value::Null),
        "[{}\\[\\],:\"a \n]{0,8}".prop_map(jsv::Value::String),
        Just(jsv::Value::String("2012-06-21T13:14:15+02:00".into())),
        Just(jsv::Value::String("\u{feff}bom".into())),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..5).prop_map(jsv::Value::List),
            prop::collection::vec(("[{}\\[\\],:\"a]{0,5}", inner), 0..5)
                .prop_map(|entries| jsv::Value::Map(entries.into_iter().collect())),
        ]
    })
}

proptest! {
    #[test]
    fn any_value_round_trips(value in value_strategy()) {
        let text = jsv::to_string(&value).unwrap();
        let back: jsv::Value = jsv::from_str(&text).unwrap();
        prop_assert_eq!(back, value);
    }

    #[test]
    fn rich_structs_round_trip(rich in rich_strategy()) {
        let text = jsv::to_string(&rich).unwrap();
        let back: Rich = jsv::from_str(&text).unwrap();
        prop_assert_eq!(back, rich);
    }

    #[test]
    fn pretty_writer_matches_the_textual_layout(value in layout_strategy(), rich in rich_strategy()) {
        prop_assert_eq!(
            jsv::to_string_pretty(&value).unwrap(),
            jsv::format(&jsv::to_string(&value).unwrap())
        );
        prop_assert_eq!(
            jsv::to_string_pretty(&rich).unwrap(),
            jsv::format(&jsv::to_string(&rich).unwrap())
        );
    }

    #[test]
    fn arbitrary_input_never_panics(text in ".{0,64}") {
        let _ = jsv::from_str::<jsv::Value>(&text);
        let _ = jsv::from_str::<Poco>(&text);
        let _ = jsv::from_str::<Vec<Rich>>(&text);
        let _ = jsv::format(&text);
    }

    #[test]
    fn jsv_like_input_never_panics(text in "[{}\\[\\],:\"a1 \n]{0,48}") {
        let _ = jsv::from_str::<jsv::Value>(&text);
        let _ = jsv::from_str::<Rich>(&text);
        let mut de = jsv::Deserializer::from_str(&text).trim_whitespace(true);
        let _ = jsv::Value::deserialize(&mut de);
    }
}
