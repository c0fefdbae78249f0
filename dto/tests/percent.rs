//! `dto::url`'s percent-encoding and query strings: what ServiceStack's C# client writes
//! (`Uri.EscapeDataString`), decoded back by the server's reader.

use std::collections::BTreeMap;

use dto::url::{is_unreserved, percent_decode, percent_encode, to_query_string};
use pretty_assertions::assert_eq;
use proptest::prelude::*;
use serde::Serialize;

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
    status: Option<&'static str>,
    caller_name: Option<String>,
    page: Option<i32>,
    ended: Option<bool>,
    tags: Vec<String>,
}

fn find_sessions() -> FindSessions {
    FindSessions {
        ids: Some(vec![1, 2]),
        range: Some(DateRange {
            from: "2017-01-01".into(),
            to: Some("a,b".into()),
            label: None,
        }),
        status: Some("on-hold"),
        caller_name: Some("Doe, John & \"Jr\"".into()),
        page: Some(-3),
        ended: Some(false),
        tags: vec!["x y".into(), "a:b".into()],
    }
}

#[test]
fn encodes_every_byte_outside_unreserved() {
    for byte in 0u8..=127 {
        let text = (byte as char).to_string();
        let encoded = percent_encode(&text);
        if is_unreserved(byte) {
            assert_eq!(encoded, text);
        } else {
            assert_eq!(encoded, format!("%{byte:02X}"));
        }
    }
}

#[test]
fn encodes_multibyte_utf8_per_byte() {
    assert_eq!(percent_encode("é"), "%C3%A9");
    assert_eq!(percent_encode("a€b"), "a%E2%82%ACb");
    assert_eq!(percent_encode("😀"), "%F0%9F%98%80");
    assert_eq!(percent_encode(""), "");
    assert_eq!(percent_encode("abc def"), "abc%20def");
    assert_eq!(percent_encode("+x+"), "%2Bx%2B");
    assert_eq!(percent_encode("%41"), "%2541");
}

#[test]
fn decoding_is_lenient() {
    assert_eq!(percent_decode("a%2", false), "a%2");
    assert_eq!(percent_decode("%zz%41", false), "%zzA");
    assert_eq!(percent_decode("%FF", false), "\u{fffd}");
    assert_eq!(percent_decode("a+b", true), "a b");
    assert_eq!(percent_decode("a+b", false), "a+b");
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
    assert_eq!(jsv::query::to_query_value(&q.list).unwrap(), "[日本]");
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

proptest! {
    #[test]
    fn percent_encoding_round_trips_and_uses_only_safe_characters(text in "\\PC*") {
        let encoded = percent_encode(&text);
        prop_assert!(encoded.bytes().all(|b| b.is_ascii_alphanumeric() || b"-._~%".contains(&b)));
        prop_assert_eq!(percent_decode(&encoded, true), text);
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
