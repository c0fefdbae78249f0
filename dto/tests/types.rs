//! The .NET scalar types against every row of ServiceStack's observed output (`spec/scalars.md`,
//! produced with TZ=UTC, which is this crate's default local zone): JSV, JSON and the member
//! forms, and reading back.

use dto::types::{TICKS_PER_DAY, TICKS_PER_MILLISECOND, TICKS_PER_SECOND};
use dto::{Bytes, DateTime, DateTimeKind, DateTimeOffset, Decimal, Guid, TimeSpan};
use pretty_assertions::assert_eq;

use serde::{Deserialize, Serialize, de::DeserializeOwned};

use DateTimeKind::{Local, Unspecified, Utc};

#[derive(Serialize, Deserialize, Debug, PartialEq)]
struct Member<T> {
    #[serde(rename = "V")]
    v: T,
}

/// ServiceStack's JSON writes `\/`; serde_json writes `/`. Both read the same.
fn unescape_slashes(json: &str) -> String {
    json.replace("\\/", "/")
}

/// Checks a value's four forms and that each reads back to `expected_back`.
fn check_forms<T>(value: &T, jsv: &str, json: &str)
where
    T: Serialize + DeserializeOwned + std::fmt::Debug + PartialEq + Clone,
{
    assert_eq!(jsv::to_string(value).unwrap(), jsv, "JSV of {value:?}");
    assert_eq!(
        jsv::to_string(&Member { v: value.clone() }).unwrap(),
        format!("{{V:{jsv}}}"),
        "member JSV of {value:?}"
    );
    assert_eq!(
        serde_json::to_string(value).unwrap(),
        unescape_slashes(json),
        "JSON of {value:?}"
    );
    assert_eq!(
        serde_json::to_string(&Member { v: value.clone() }).unwrap(),
        format!("{{\"V\":{}}}", unescape_slashes(json)),
        "member JSON of {value:?}"
    );
}

fn at(
    kind: DateTimeKind,
    year: u32,
    month: u32,
    day: u32,
    hms: (u32, u32, u32),
    ticks: i64,
) -> DateTime {
    DateTime::new(year, month, day, hms.0, hms.1, hms.2, kind).unwrap()
        + TimeSpan::from_ticks(ticks)
}

fn sample(kind: DateTimeKind, ticks: i64) -> DateTime {
    at(kind, 2012, 6, 21, (13, 14, 15), ticks)
}

const EPOCH: i64 = 621_355_968_000_000_000;

fn from_ticks(ticks: i64, kind: DateTimeKind) -> DateTime {
    DateTime::from_ticks(ticks, kind).unwrap()
}

#[test]
fn date_time_rows() {
    let mut rows: Vec<(DateTime, String, String)> = Vec::new();
    for (kind, suffix) in [(Utc, ""), (Local, "+0000"), (Unspecified, "-0000")] {
        let zone = |utc: &str, other: &str| {
            if kind == Utc {
                utc.to_owned()
            } else {
                other.to_owned()
            }
        };
        for (ticks, utc_text, other_text, millis) in [
            (
                0,
                "2012-06-21T13:14:15Z",
                "2012-06-21T13:14:15+00:00",
                1340284455000i64,
            ),
            (
                1,
                "2012-06-21T13:14:15.0000001Z",
                "2012-06-21T13:14:15.0000001+00:00",
                1340284455000,
            ),
            (
                1234567,
                "2012-06-21T13:14:15.1234567Z",
                "2012-06-21T13:14:15.1234567+00:00",
                1340284455123,
            ),
            (
                6785000,
                "2012-06-21T13:14:15.6785Z",
                "2012-06-21T13:14:15.6785000+00:00",
                1340284455678,
            ),
            (
                9999999,
                "2012-06-21T13:14:15.9999999Z",
                "2012-06-21T13:14:15.9999999+00:00",
                1340284456000,
            ),
            (
                5000,
                "2012-06-21T13:14:15.0005Z",
                "2012-06-21T13:14:15.0005000+00:00",
                1340284455000,
            ),
        ] {
            rows.push((
                sample(kind, ticks),
                zone(utc_text, other_text),
                format!("\"\\/Date({millis}{suffix})\\/\""),
            ));
        }
        for (value, utc_text, other_text, millis) in [
            (
                from_ticks(0, kind),
                "0001-01-01",
                "0001-01-01",
                -62135596800000i64,
            ),
            (
                from_ticks(3_155_378_975_999_999_999, kind),
                "9999-12-31T23:59:59.9999999Z",
                "9999-12-31T23:59:59.9999999+00:00",
                253402300800000,
            ),
            (
                at(kind, 2012, 2, 29, (0, 0, 0), 0),
                "2012-02-29",
                "2012-02-29",
                1330473600000,
            ),
            (
                from_ticks(EPOCH - 1, kind),
                "1969-12-31T23:59:59.9999999Z",
                "1969-12-31T23:59:59.9999999+00:00",
                0,
            ),
            (
                from_ticks(EPOCH - 15_000, kind),
                "1969-12-31T23:59:59.9985Z",
                "1969-12-31T23:59:59.9985000+00:00",
                -1,
            ),
        ] {
            rows.push((
                value,
                zone(utc_text, other_text),
                format!("\"\\/Date({millis}{suffix})\\/\""),
            ));
        }
    }
    for (value, jsv_text, json) in [
        (
            at(Utc, 1969, 12, 31, (23, 59, 59), 1234567),
            "1969-12-31T23:59:59.1234567Z",
            r#""\/Date(-876)\/""#,
        ),
        (
            at(Utc, 1601, 1, 1, (0, 0, 1), 4999),
            "1601-01-01T00:00:01.0004999Z",
            r#""\/Date(-11644473598999)\/""#,
        ),
        (
            at(Utc, 10, 10, 10, (10, 10, 10), 0),
            "0010-10-10T10:10:10Z",
            r#""\/Date(-61827198590000)\/""#,
        ),
        (
            at(Utc, 2020, 1, 1, (0, 0, 0), 1),
            "2020-01-01T00:00:00.0000001Z",
            r#""\/Date(1577836800000)\/""#,
        ),
        (
            at(Local, 2020, 12, 31, (23, 59, 59), 9999999),
            "2020-12-31T23:59:59.9999999+00:00",
            r#""\/Date(1609459200000+0000)\/""#,
        ),
    ] {
        rows.push((value, jsv_text.to_owned(), json.to_owned()));
    }
    assert_eq!(rows.len(), 38);

    for (value, jsv_text, json) in &rows {
        check_forms(value, jsv_text, json);
        // Read back: every tick from JSV; `Z` is UTC, an offset local, a date alone local midnight.
        let back: DateTime = jsv::from_str(jsv_text).unwrap();
        let expected_kind = if value.kind() == Utc && jsv_text.ends_with('Z') {
            Utc
        } else {
            Local
        };
        assert_eq!(
            (back.ticks(), back.kind()),
            (value.ticks(), expected_kind),
            "{jsv_text}"
        );
        // From JSON: the kind survives, the ticks to the millisecond.
        let back: DateTime = serde_json::from_str(json).unwrap();
        assert_eq!(back.kind(), value.kind(), "{json}");
        let millis = |t: i64| (t - EPOCH).div_euclid(TICKS_PER_MILLISECOND);
        assert!(
            (millis(back.ticks()) - millis(value.ticks())).abs() <= 1,
            "{json}: {back:?} vs {value:?}"
        );
    }
}

#[test]
fn date_time_decode_rows() {
    let jsv_rows: [(&str, i64, &[DateTimeKind]); 9] = [
        ("2012-06-21T13:14:15Z", 634758812550000000, &[Utc]),
        ("2012-06-21T13:14:15.1234567Z", 634758812551234567, &[Utc]),
        ("2012-06-21T13:14:15.9999999Z", 634758812559999999, &[Utc]),
        (
            "2012-06-21T13:14:15.1234567+00:00",
            634758812551234567,
            &[Local, Utc],
        ),
        (
            "2012-06-21T13:14:15",
            634758812550000000,
            &[Unspecified, Local],
        ),
        (
            "2012-06-21T13:14:15+02:00",
            634758740550000000,
            &[Local, Utc],
        ),
        ("2012-06-21", 634758336000000000, &[Utc, Local, Unspecified]),
        ("9999-12-31T23:59:59.9999999Z", 3155378975999999999, &[Utc]),
        (
            "2012-06-21 13:14:15",
            634758812550000000,
            &[Unspecified, Local],
        ),
    ];
    for (text, ticks, kinds) in jsv_rows {
        let value: DateTime = jsv::from_str(text).unwrap();
        assert_eq!(value.ticks(), ticks, "{text}");
        assert!(kinds.contains(&value.kind()), "{text}: {:?}", value.kind());
    }
    let value: DateTime = jsv::from_str("/Date(1340284455678)/").unwrap();
    assert_eq!((value.ticks(), value.kind()), (634758812556780000, Utc));

    let json_rows: [(&str, i64, &[DateTimeKind]); 6] = [
        (r#""\/Date(1340284455678)\/""#, 634758812556780000, &[Utc]),
        (
            r#""\/Date(1340284455678+0000)\/""#,
            634758812556780000,
            &[Local, Utc],
        ),
        (
            r#""\/Date(1340284455678-0000)\/""#,
            634758812556780000,
            &[Unspecified, Local],
        ),
        (
            r#""\/Date(1340284455678+0200)\/""#,
            634758812556780000,
            &[Local, Utc],
        ),
        (
            r#""2012-06-21T13:14:15.6781234Z""#,
            634758812556781234,
            &[Utc],
        ),
        (r#""\/Date(-1)\/""#, 621355967999990000, &[Utc]),
    ];
    for (text, ticks, kinds) in json_rows {
        let value: DateTime = serde_json::from_str(text).unwrap();
        assert_eq!(value.ticks(), ticks, "{text}");
        assert!(kinds.contains(&value.kind()), "{text}: {:?}", value.kind());
    }

    for bad in [
        "garbage",
        "2012-13-01",
        "2011-02-29",
        "2012-06-21T25:00:00",
        "2012-06-21T13:14:15.12345678Z",
        "2012-06-21T13:14:15+15:00",
        "/Date(253402300800001)/",
        "",
    ] {
        let err = jsv::from_str::<DateTime>(bad).unwrap_err();
        assert!(err.to_string().contains("DateTime"), "{bad}: {err}");
    }
    // Errors carry the position in the document.
    let err = jsv::from_str::<Member<DateTime>>("{V:2012-02-30}").unwrap_err();
    assert_eq!((err.line(), err.column()), (1, 4), "{err}");
    assert!(err.to_string().contains("2012-02 has no day 30"), "{err}");
}

#[test]
fn date_time_offset_rows() {
    let base = |clock: DateTime, minutes: i64| {
        DateTimeOffset::from_ticks(clock.ticks(), TimeSpan::from_minutes(minutes)).unwrap()
    };
    let jan2 = at(Unspecified, 2020, 1, 2, (3, 4, 5), 0);
    let june = sample(Unspecified, 1234567);
    let rows = [
        (
            base(jan2, 0),
            "2020-01-02T03:04:05.0000000+00:00",
            r#""\/Date(1577934245000)\/""#,
        ),
        (
            base(jan2, 120),
            "2020-01-02T03:04:05.0000000+02:00",
            r#""\/Date(1577934245000+0200)\/""#,
        ),
        (
            base(jan2, -300),
            "2020-01-02T03:04:05.0000000-05:00",
            r#""\/Date(1577934245000-0500)\/""#,
        ),
        (
            base(jan2, 330),
            "2020-01-02T03:04:05.0000000+05:30",
            r#""\/Date(1577934245000+0530)\/""#,
        ),
        (
            base(jan2, -210),
            "2020-01-02T03:04:05.0000000-03:30",
            r#""\/Date(1577934245000-0330)\/""#,
        ),
        (
            base(jan2, 345),
            "2020-01-02T03:04:05.0000000+05:45",
            r#""\/Date(1577934245000+0545)\/""#,
        ),
        (
            base(june, 840),
            "2012-06-21T13:14:15.1234567+14:00",
            r#""\/Date(1340284455123+1400)\/""#,
        ),
        (
            base(june, -840),
            "2012-06-21T13:14:15.1234567-14:00",
            r#""\/Date(1340284455123-1400)\/""#,
        ),
        (
            base(from_ticks(EPOCH - 10_000, Unspecified), -30),
            "1969-12-31T23:59:59.9990000-00:30",
            r#""\/Date(-1-0030)\/""#,
        ),
        (
            DateTimeOffset::MIN,
            "0001-01-01T00:00:00.0000000+00:00",
            r#""\/Date(-62135596800000)\/""#,
        ),
        (
            DateTimeOffset::MAX,
            "9999-12-31T23:59:59.9999999+00:00",
            r#""\/Date(253402300799999)\/""#,
        ),
        (
            base(from_ticks(EPOCH - 1, Unspecified), 0),
            "1969-12-31T23:59:59.9999999+00:00",
            r#""\/Date(0)\/""#,
        ),
        (
            base(from_ticks(EPOCH - 15_000, Unspecified), 0),
            "1969-12-31T23:59:59.9985000+00:00",
            r#""\/Date(-1)\/""#,
        ),
        (
            base(
                from_ticks(3_155_378_975_999_999_999 - 36_000_000_000, Unspecified),
                -60,
            ),
            "9999-12-31T22:59:59.9999999-01:00",
            r#""\/Date(253402297199999-0100)\/""#,
        ),
    ];
    for (value, jsv_text, json) in rows {
        check_forms(&value, jsv_text, json);
        let back: DateTimeOffset = jsv::from_str(jsv_text).unwrap();
        assert_eq!(
            (back.ticks(), back.offset()),
            (value.ticks(), value.offset()),
            "{jsv_text}"
        );
        let back: DateTimeOffset = serde_json::from_str(json).unwrap();
        assert_eq!(back.offset(), value.offset(), "{json}");
        assert_eq!(
            back.ticks().div_euclid(TICKS_PER_MILLISECOND),
            value.ticks().div_euclid(TICKS_PER_MILLISECOND)
                + i64::from(value.ticks() < EPOCH && value.ticks() % TICKS_PER_MILLISECOND != 0),
            "{json}"
        );
    }

    for (text, json, ticks, minutes) in [
        ("2020-01-02T03:04:05+02:00", false, 637135310450000000, 120),
        ("2020-01-02T03:04:05Z", false, 637135310450000000, 0),
        ("2020-01-02", false, 637135200000000000, 0),
        (
            r#""\/Date(1577926800000+0200)\/""#,
            true,
            637135236000000000,
            120,
        ),
        (r#""\/Date(1577926800000)\/""#, true, 637135236000000000, 0),
    ] {
        let value: DateTimeOffset = if json {
            serde_json::from_str(text).unwrap()
        } else {
            jsv::from_str(text).unwrap()
        };
        assert_eq!(
            (value.ticks(), value.offset()),
            (ticks, TimeSpan::from_minutes(minutes)),
            "{text}"
        );
    }
    for bad in [
        "garbage",
        "2020-01-02T03:04:05+15:00",
        "2020-01-02T03:04:05+02:60",
    ] {
        assert!(jsv::from_str::<DateTimeOffset>(bad).is_err(), "{bad}");
    }
    // Equal instants are equal, as in .NET.
    assert_eq!(base(jan2, 120), "2020-01-02T01:04:05Z".parse().unwrap());
}

#[test]
fn time_span_rows() {
    let days = TimeSpan::from_days;
    let secs = TimeSpan::from_seconds;
    let ticks = TimeSpan::from_ticks;
    let rows = [
        (ticks(0), "PT0S"),
        (ticks(1), "PT0.0000001S"),
        (ticks(-1), "-PT0.0000001S"),
        (TimeSpan::from_millis(1), "PT0.001S"),
        (TimeSpan::from_millis(500), "PT0.5S"),
        (ticks(599_999_999), "PT59.9999999S"),
        (TimeSpan::from_minutes(90), "PT1H30M"),
        (TimeSpan::from_minutes(-90), "-PT1H30M"),
        (TimeSpan::from_hours(25), "P1DT1H"),
        (days(3), "P3D"),
        (ticks(937_840_050_000), "P1DT2H3M4.005S"),
        (ticks(-937_840_050_000), "-P1DT2H3M4.005S"),
        (days(10) + TimeSpan::from_millis(250), "P10DT0.25S"),
        (-(TimeSpan::from_hours(1) + ticks(1)), "-PT1H0.0000001S"),
        (ticks(1_234_567), "PT0.1234567S"),
        (TimeSpan::from_millis(120), "PT0.12S"),
        (
            days(8420) + secs(18 * 3600 + 52 * 60 + 7) + ticks(3_024_816),
            "P8420DT18H52M7.3024817S",
        ),
        (days(24855) + ticks(1), "P24855D"),
        (secs(i64::from(i32::MAX)), "P24855DT3H14M7S"),
        (secs(i64::from(i32::MAX) + 1), "PT2147483648S"),
        (days(24856) + TimeSpan::from_millis(1500), "PT2147558401.5S"),
        (-(days(24856) + secs(1)), "-PT2147558401S"),
        (TimeSpan::MAX, "PT922337203685.478S"),
        (ticks(i64::MIN + 1), "-PT922337203685.478S"),
    ];
    for (value, text) in rows {
        check_forms(&value, text, &format!("\"{text}\""));
        let back: TimeSpan = jsv::from_str(text).unwrap();
        // Exact below 3,000 days; beyond, the written text itself rounds.
        if value.ticks().unsigned_abs() < 3_000 * TICKS_PER_DAY as u64 {
            assert_eq!(back, value, "{text}");
        }
    }
    for (text, expected) in [
        ("PT36H", 1_296_000_000_000),
        ("PT90M", 54_000_000_000),
        ("PT3600S", 36_000_000_000),
        ("P1DT", 864_000_000_000),
        ("PT0.00000001S", 0),
        ("P10675199DT2H48M5.4775807S", i64::MAX),
        ("01:02:03", 37_230_000_000),
        ("1.02:03:04.5", 937_845_000_000),
        ("-01:00:00", -36_000_000_000),
        ("P", 0),
        ("PT922337203685.478S", i64::MAX),
        ("-PT922337203685.478S", i64::MIN),
    ] {
        assert_eq!(
            text.parse::<TimeSpan>().unwrap().ticks(),
            expected,
            "{text}"
        );
    }
    for bad in [
        "garbage",
        "PT1.5H",
        "P1DT2H3M4.5",
        "PT922337203686S",
        "24:00:00",
        "-P-1D",
    ] {
        assert!(jsv::from_str::<TimeSpan>(bad).is_err(), "{bad}");
    }
}

#[test]
fn guid_rows() {
    for text in [
        "00000000000000000000000000000000",
        "0d6a5b1e2f5c4a1b9c8e6f3b2a1d0e9f",
        "ffffffffffffffffffffffffffffffff",
        "abcdefabcdefabcdefabcdefabcdefab",
    ] {
        let guid: Guid = text.parse().unwrap();
        check_forms(&guid, text, &format!("\"{text}\""));
    }
    let sample: Guid = "0d6a5b1e2f5c4a1b9c8e6f3b2a1d0e9f".parse().unwrap();
    for text in [
        "{0D6A5B1E-2F5C-4A1B-9C8E-6F3B2A1D0E9F}",
        "(0d6a5b1e-2f5c-4a1b-9c8e-6f3b2a1d0e9f)",
        "0d6a5b1e-2f5c-4a1b-9c8e-6f3b2a1d0e9f",
        "0D6A5B1E2f5c4a1b9c8e6f3b2a1d0e9f",
    ] {
        assert_eq!(jsv::from_str::<Guid>(text).unwrap(), sample, "{text}");
        let member: Member<Guid> = jsv::from_str(&format!("{{V:{text}}}")).unwrap();
        assert_eq!(member.v, sample, "{text}");
    }
    for bad in [
        "0d6a5b1e-2f5c4a1b-9c8e-6f3b2a1d0e9f",
        "garbage",
        "0d6a5b1e2f5c4a1b9c8e6f3b2a1d0e9",
        "0d6a5b1e2f5c4a1b9c8e6f3b2a1d0e9f0",
        "0d6a5b1e2f5c4a1b9c8e6f3b2a1d0e9g",
        "{0d6a5b1e-2f5c-4a1b-9c8e-6f3b2a1d0e9f",
    ] {
        assert!(bad.parse::<Guid>().is_err(), "{bad}");
    }
    assert_eq!(Guid::default(), Guid::NIL);
}

#[test]
fn decimal_rows() {
    for text in [
        "0",
        "0.00",
        "3.30",
        "-12.500",
        "0.0000000000000000000000000001",
        "79228162514264337593543950335",
        "-79228162514264337593543950335",
        "7.9228162514264337593543950335",
        "0.30000000000000004",
        "1.000000000000000000000000000",
    ] {
        let value: Decimal = text.parse().unwrap();
        check_forms(&value, text, text);
        let back: Decimal = serde_json::from_str(text).unwrap();
        assert_eq!(back.to_string(), text);
        let back: Member<Decimal> = serde_json::from_str(&format!("{{\"V\":{text}}}")).unwrap();
        assert_eq!(back.v.to_string(), text);
        let back: Member<Decimal> = jsv::from_str(&format!("{{V:{text}}}")).unwrap();
        assert_eq!(back.v.to_string(), text);
    }
    assert_eq!("-0.00".parse::<Decimal>().unwrap().to_string(), "0.00");
    for (text, expected) in [(".5", "0.5"), ("5.", "5"), (" 1.5", "1.5")] {
        assert_eq!(
            jsv::from_str::<Decimal>(text).unwrap().to_string(),
            expected
        );
    }
    assert_eq!(
        serde_json::from_str::<Decimal>(r#""3.30""#)
            .unwrap()
            .to_string(),
        "3.30"
    );
    for bad in [
        "1e2",
        "00012.30",
        "0.00000000000000000000000000001",
        "+1.5",
        "79228162514264337593543950336",
        "garbage",
        "",
    ] {
        assert!(jsv::from_str::<Decimal>(bad).is_err(), "{bad}");
    }
    assert!(serde_json::from_str::<Decimal>("1e2").is_err());
    // By value, as .NET.
    let a: Decimal = "3.30".parse().unwrap();
    assert_eq!(a, "3.3".parse().unwrap());
    assert!(a < "3.31".parse().unwrap());
    assert!("-3.31".parse::<Decimal>().unwrap() < "-3.3".parse().unwrap());
    assert_eq!(Decimal::MAX.to_string(), "79228162514264337593543950335");
}

#[test]
fn bytes_rows() {
    for (bytes, text) in [
        (vec![1u8], "AQ=="),
        (vec![0xfb, 0xff, 0x3f], "+/8/"),
        (vec![0], "AA=="),
    ] {
        check_forms(&Bytes::from(bytes.clone()), text, &format!("\"{text}\""));
        assert_eq!(jsv::from_str::<Bytes>(text).unwrap().into_vec(), bytes);
    }
    // Empty: nothing in JSV, "" in JSON.
    let empty = Bytes::default();
    assert_eq!(
        jsv::to_string(&Member { v: empty.clone() }).unwrap(),
        "{V:}"
    );
    assert_eq!(serde_json::to_string(&empty).unwrap(), r#""""#);
    assert_eq!(jsv::from_str::<Member<Bytes>>("{V:}").unwrap().v, empty);
    // JSON arrays of numbers and `\/` escapes.
    assert_eq!(
        serde_json::from_str::<Bytes>("[1,2,3]").unwrap().as_ref(),
        [1, 2, 3]
    );
    assert_eq!(
        serde_json::from_str::<Bytes>(r#""+\/8=""#)
            .unwrap()
            .as_ref(),
        [0xfb, 0xff]
    );
    for bad in ["AQ", "-_8=", "A"] {
        assert!(jsv::from_str::<Bytes>(bad).is_err(), "{bad}");
    }
}

#[test]
fn nullable_members_are_omitted() {
    #[derive(Serialize, Deserialize, Debug, PartialEq, Default)]
    #[serde(rename_all = "PascalCase")]
    struct Nullables {
        #[serde(skip_serializing_if = "Option::is_none")]
        at: Option<DateTime>,
        #[serde(skip_serializing_if = "Option::is_none")]
        span: Option<TimeSpan>,
        #[serde(skip_serializing_if = "Option::is_none")]
        id: Option<Guid>,
        #[serde(skip_serializing_if = "Option::is_none")]
        cost: Option<Decimal>,
        #[serde(skip_serializing_if = "Option::is_none")]
        data: Option<Bytes>,
    }
    assert_eq!(jsv::to_string(&Nullables::default()).unwrap(), "{}");
    assert_eq!(serde_json::to_string(&Nullables::default()).unwrap(), "{}");
    assert_eq!(
        jsv::from_str::<Nullables>("{}").unwrap(),
        Nullables::default()
    );
    let full = Nullables {
        at: Some(sample(Utc, 0)),
        span: Some(TimeSpan::from_minutes(90)),
        id: Some(Guid::from_u128(1)),
        cost: Some("3.30".parse().unwrap()),
        data: Some(Bytes::from(vec![1, 2, 3])),
    };
    let text = jsv::to_string(&full).unwrap();
    assert_eq!(
        text,
        "{At:2012-06-21T13:14:15Z,Span:PT1H30M,Id:00000000000000000000000000000001,Cost:3.30,Data:AQID}"
    );
    assert_eq!(jsv::from_str::<Nullables>(&text).unwrap(), full);
    let json = serde_json::to_string(&full).unwrap();
    assert_eq!(serde_json::from_str::<Nullables>(&json).unwrap(), full);
}

#[test]
fn lists_maps_and_pretty() {
    let dates = vec![sample(Utc, 0), sample(Local, 5_000)];
    assert_eq!(
        jsv::to_string(&dates).unwrap(),
        "[2012-06-21T13:14:15Z,2012-06-21T13:14:15.0005000+00:00]"
    );
    assert_eq!(
        jsv::from_str::<Vec<DateTime>>("[2012-06-21T13:14:15Z,2012-06-21T13:14:15.0005000+00:00]")
            .unwrap(),
        dates
    );
    // A date as a map key is quoted: ServiceStack's unquoted keys cannot be read back.
    let mut map = dto::IndexMap::new();
    map.insert(sample(Utc, 0), 1);
    assert_eq!(
        jsv::to_string(&map).unwrap(),
        "{\"2012-06-21T13:14:15Z\":1}"
    );
    let mut by_guid = dto::IndexMap::new();
    by_guid.insert(Guid::from_u128(0xab), "x".to_owned());
    let text = jsv::to_string(&by_guid).unwrap();
    assert_eq!(text, "{000000000000000000000000000000ab:x}");
    assert_eq!(
        jsv::from_str::<dto::IndexMap<Guid, String>>(&text).unwrap(),
        by_guid
    );
    // The pretty layout is ServiceStack's, including its space after the first `:` of a date in a list.
    assert_eq!(
        jsv::to_string_pretty(&Member { v: dates.clone() }).unwrap(),
        jsv::format(&jsv::to_string(&Member { v: dates }).unwrap())
    );
}

#[test]
fn parts_and_arithmetic() {
    let value = sample(Utc, 6_785_000);
    assert_eq!(
        (
            value.year(),
            value.month(),
            value.day(),
            value.hour(),
            value.minute(),
            value.second(),
            value.millisecond()
        ),
        (2012, 6, 21, 13, 14, 15, 678)
    );
    assert_eq!(value.fraction_ticks(), 6_785_000);
    assert_eq!(value.date().to_string(), "2012-06-21");
    assert_eq!(value - value.date(), value.time_of_day());
    assert_eq!(DateTime::MAX.year(), 9999);
    assert!(DateTime::MAX.checked_add(TimeSpan::from_ticks(1)).is_none());
    assert!(DateTime::new(2011, 2, 29, 0, 0, 0, Utc).is_err());
    assert!(DateTime::from_ticks(-1, Utc).is_err());
    let leap = DateTime::from_date(2000, 2, 29, Utc).unwrap();
    assert_eq!((leap + TimeSpan::from_days(1)).to_string(), "2000-03-01");
    assert_eq!(leap.ticks() % TICKS_PER_DAY, 0);
    let now = DateTime::utc_now();
    assert!(now.year() >= 2024 && now.kind() == Utc);
    assert_eq!(DateTime::now().kind(), Local);
    assert_eq!(TimeSpan::from_ticks(TICKS_PER_SECOND).total_seconds(), 1.0);
}

mod round_trips {
    use super::*;
    use proptest::prelude::*;

    const MAX_TICKS: i64 = 3_155_378_975_999_999_999;

    fn kind() -> impl Strategy<Value = DateTimeKind> {
        prop_oneof![Just(Utc), Just(Local), Just(Unspecified)]
    }

    fn jsv_round_trip<T: Serialize + DeserializeOwned>(value: &T) -> T {
        let text = jsv::to_string(&Member { v: value }).unwrap();
        jsv::from_str::<Member<T>>(&text).unwrap().v
    }

    fn json_round_trip<T: Serialize + DeserializeOwned>(value: &T) -> T {
        let text = serde_json::to_string(&Member { v: value }).unwrap();
        serde_json::from_str::<Member<T>>(&text).unwrap().v
    }

    proptest! {
        #[test]
        fn date_time(ticks in 0..=MAX_TICKS, kind in kind()) {
            let value = DateTime::from_ticks(ticks, kind).unwrap();
            let back = jsv_round_trip(&value);
            prop_assert_eq!(back.ticks(), ticks);
            let utc_text = kind == Utc && ticks % TICKS_PER_DAY != 0;
            prop_assert_eq!(back.kind() == Utc, utc_text);
            let back = json_round_trip(&value);
            prop_assert_eq!(back.kind(), kind);
            prop_assert!((back.ticks() - ticks).abs() < 2 * TICKS_PER_MILLISECOND);
        }

        #[test]
        fn date_time_offset(utc in 0..=MAX_TICKS, minutes in -840i64..=840) {
            let clock = (utc + minutes * 600_000_000).clamp(0, MAX_TICKS);
            let Ok(value) = DateTimeOffset::from_ticks(clock, TimeSpan::from_minutes(minutes)) else {
                return Ok(());
            };
            let back = jsv_round_trip(&value);
            prop_assert_eq!((back.ticks(), back.offset()), (value.ticks(), value.offset()));
            let back = json_round_trip(&value);
            prop_assert_eq!(back.offset(), value.offset());
            prop_assert!((back.ticks() - value.ticks()).abs() < TICKS_PER_MILLISECOND);
        }

        #[test]
        fn time_span_exact(ticks in -3_000 * TICKS_PER_DAY..3_000 * TICKS_PER_DAY) {
            let value = TimeSpan::from_ticks(ticks);
            prop_assert_eq!(jsv_round_trip(&value), value);
            prop_assert_eq!(json_round_trip(&value), value);
        }

        #[test]
        fn time_span_any(ticks in i64::MIN + 1..=i64::MAX) {
            let back = jsv_round_trip(&TimeSpan::from_ticks(ticks));
            prop_assert!((i128::from(back.ticks()) - i128::from(ticks)).abs() <= 10_000, "{} {}", ticks, back.ticks());
        }

        #[test]
        fn guid(value: u128) {
            let guid = Guid::from_u128(value);
            prop_assert_eq!(jsv_round_trip(&guid), guid);
            prop_assert_eq!(json_round_trip(&guid), guid);
        }

        #[test]
        fn decimal(mantissa in -(1i128 << 96) + 1..(1i128 << 96), scale in 0u32..=28) {
            let value = Decimal::new(mantissa, scale).unwrap();
            for back in [jsv_round_trip(&value), json_round_trip(&value)] {
                prop_assert_eq!(back.to_string(), value.to_string());
                prop_assert_eq!(back, value);
            }
        }

        #[test]
        fn bytes(data: Vec<u8>) {
            let value = Bytes::from(data);
            prop_assert_eq!(jsv_round_trip(&value), value.clone());
            prop_assert_eq!(json_round_trip(&value), value);
        }

        #[test]
        fn no_panic_on_any_text(text in "\\PC{0,40}") {
            let _ = text.parse::<DateTime>();
            let _ = text.parse::<DateTimeOffset>();
            let _ = text.parse::<TimeSpan>();
            let _ = text.parse::<Guid>();
            let _ = text.parse::<Decimal>();
            let _ = text.parse::<Bytes>();
            let _ = jsv::from_str::<Member<DateTime>>(&format!("{{V:{text}}}"));
            let _ = serde_json::from_str::<Decimal>(&text);
        }

        #[test]
        fn no_panic_on_near_misses(text in "[-+ ]?[PTDHMSZ0-9:./()\\\\{}a-f-]{0,36}") {
            let _ = text.parse::<DateTime>();
            let _ = text.parse::<DateTimeOffset>();
            let _ = text.parse::<TimeSpan>();
            let _ = text.parse::<Guid>();
            let _ = text.parse::<Decimal>();
        }
    }
}

#[cfg(feature = "chrono")]
mod chrono_conversions {
    use super::{
        DateTime, DateTimeOffset, Deserialize, Serialize, TimeSpan, Unspecified, Utc, sample,
    };
    use chrono::{FixedOffset, NaiveDateTime, TimeDelta, TimeZone, Utc as ChronoUtc};
    use pretty_assertions::assert_eq;

    #[test]
    fn both_ways() {
        let value = sample(Utc, 1_234_567);
        let at = chrono::DateTime::<ChronoUtc>::try_from(value).unwrap();
        assert_eq!(at.to_rfc3339(), "2012-06-21T13:14:15.123456700+00:00");
        assert_eq!(DateTime::try_from(at).unwrap(), value);
        assert_eq!(DateTime::try_from(at).unwrap().kind(), Utc);
        let naive = NaiveDateTime::try_from(sample(Unspecified, 0)).unwrap();
        assert_eq!(DateTime::try_from(naive).unwrap().kind(), Unspecified);
        // A nanosecond below a tick, or a year beyond 9999, is an error, not a rounding.
        assert!(DateTime::try_from(at + TimeDelta::nanoseconds(1)).is_err());
        assert!(
            DateTime::try_from(ChronoUtc.with_ymd_and_hms(10_000, 1, 1, 0, 0, 0).unwrap()).is_err()
        );

        let offset: DateTimeOffset = "2020-01-02T03:04:05.5+05:30".parse().unwrap();
        let fixed = chrono::DateTime::<FixedOffset>::try_from(offset).unwrap();
        assert_eq!(fixed.to_rfc3339(), "2020-01-02T03:04:05.500+05:30");
        let back = DateTimeOffset::try_from(fixed).unwrap();
        assert_eq!(
            (back.ticks(), back.offset()),
            (offset.ticks(), offset.offset())
        );
        let odd = FixedOffset::east_opt(30)
            .unwrap()
            .with_ymd_and_hms(2020, 1, 1, 0, 0, 0)
            .unwrap();
        assert!(DateTimeOffset::try_from(odd).is_err());

        for ticks in [0, 1, -1, 937_840_050_000, i64::MAX, i64::MIN] {
            let span = TimeSpan::from_ticks(ticks);
            assert_eq!(TimeSpan::try_from(TimeDelta::from(span)).unwrap(), span);
        }
        assert!(TimeSpan::try_from(TimeDelta::nanoseconds(150)).is_err());
    }

    #[test]
    fn adapters_keep_the_wire_text() {
        #[derive(Serialize, Deserialize, Debug, PartialEq)]
        #[serde(rename_all = "PascalCase")]
        struct Call {
            #[serde(with = "dto::types::chrono::date_time")]
            started: chrono::DateTime<ChronoUtc>,
            #[serde(
                default,
                with = "dto::types::chrono::date_time::option",
                skip_serializing_if = "Option::is_none"
            )]
            ended: Option<chrono::DateTime<ChronoUtc>>,
            #[serde(with = "dto::types::chrono::date_time_offset")]
            local: chrono::DateTime<FixedOffset>,
            #[serde(with = "dto::types::chrono::time_span")]
            duration: TimeDelta,
        }
        let text = "{Started:2012-06-21T13:14:15.678Z,Local:2020-01-02T03:04:05.0000000+02:00,Duration:PT1H30M}";
        let call: Call = jsv::from_str(text).unwrap();
        assert_eq!(call.ended, None);
        assert_eq!(call.duration, TimeDelta::minutes(90));
        assert_eq!(jsv::to_string(&call).unwrap(), text);
        let json = serde_json::to_string(&call).unwrap();
        assert_eq!(
            json,
            r#"{"Started":"/Date(1340284455678)/","Local":"/Date(1577934245000+0200)/","Duration":"PT1H30M"}"#
        );
        assert_eq!(serde_json::from_str::<Call>(&json).unwrap(), call);
    }

    #[test]
    fn system_zone_is_an_offset() {
        let offset = dto::types::system_local_zone(sample(Utc, 0).ticks());
        assert!(offset.ticks().abs() <= 14 * 36_000_000_000);
    }
}

#[cfg(feature = "time")]
mod time_conversions {
    use super::{
        DateTime, DateTimeOffset, Deserialize, Local, Serialize, TimeSpan, Unspecified, Utc, sample,
    };
    use pretty_assertions::assert_eq;
    use time::{Duration, OffsetDateTime, PrimitiveDateTime, UtcOffset};

    #[test]
    fn both_ways() {
        let value = sample(Utc, 1_234_567);
        let at = OffsetDateTime::try_from(value).unwrap();
        assert_eq!(at.unix_timestamp_nanos(), 1_340_284_455_123_456_700);
        assert_eq!(DateTime::try_from(at).unwrap(), value);
        let clock = PrimitiveDateTime::try_from(sample(Local, 0)).unwrap();
        assert_eq!(DateTime::try_from(clock).unwrap().kind(), Unspecified);
        assert!(DateTime::try_from(at + Duration::nanoseconds(1)).is_err());

        let offset: DateTimeOffset = "2020-01-02T03:04:05-03:30".parse().unwrap();
        let at = OffsetDateTime::try_from(offset).unwrap();
        assert_eq!(at.offset(), UtcOffset::from_hms(-3, -30, 0).unwrap());
        let back = DateTimeOffset::try_from(at).unwrap();
        assert_eq!(
            (back.ticks(), back.offset()),
            (offset.ticks(), offset.offset())
        );

        for ticks in [0, 1, -1, 937_840_050_000, i64::MAX, i64::MIN] {
            let span = TimeSpan::from_ticks(ticks);
            assert_eq!(
                TimeSpan::try_from(Duration::try_from(span).unwrap()).unwrap(),
                span
            );
        }
        assert!(TimeSpan::try_from(Duration::nanoseconds(150)).is_err());
    }

    #[test]
    fn adapters_keep_the_wire_text() {
        #[derive(Serialize, Deserialize, Debug, PartialEq)]
        #[serde(rename_all = "PascalCase")]
        struct Call {
            #[serde(with = "dto::types::time::date_time")]
            started: OffsetDateTime,
            #[serde(with = "dto::types::time::date_time_offset")]
            local: OffsetDateTime,
            #[serde(
                default,
                with = "dto::types::time::time_span::option",
                skip_serializing_if = "Option::is_none"
            )]
            duration: Option<Duration>,
        }
        let text =
            "{Started:2012-06-21,Local:2020-01-02T03:04:05.0000000+02:00,Duration:-PT0.0000001S}";
        let call: Call = jsv::from_str(text).unwrap();
        assert_eq!(call.duration, Some(Duration::nanoseconds(-100)));
        // A date alone is local midnight; written back as UTC midnight (the local zone is UTC).
        assert_eq!(jsv::to_string(&call).unwrap(), text);
    }
}

#[cfg(feature = "uuid")]
#[test]
fn uuid_conversions() {
    let uuid = uuid::Uuid::parse_str("0d6a5b1e-2f5c-4a1b-9c8e-6f3b2a1d0e9f").unwrap();
    let guid = Guid::from(uuid);
    assert_eq!(guid.to_string(), uuid.simple().to_string());
    assert_eq!(uuid::Uuid::from(guid), uuid);
}

#[cfg(feature = "rust_decimal")]
#[test]
fn rust_decimal_conversions() {
    for text in [
        "3.30",
        "-12.500",
        "79228162514264337593543950335",
        "0.0000000000000000000000000001",
    ] {
        let ours: Decimal = text.parse().unwrap();
        let theirs = rust_decimal::Decimal::from(ours);
        assert_eq!(theirs.to_string(), text);
        assert_eq!(Decimal::from(theirs).to_string(), text);
    }
}
