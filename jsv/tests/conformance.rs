//! Runs the vectors produced by the real ServiceStack.Text (`../shared/conformance`, beside the
//! checkout): decode, encode and pretty-encode every one, and every hand-written decode case.
//! Skips with a message when the folder is absent.

#[cfg(not(jsv_conformance))]
#[test]
fn conformance_vectors() {
    println!("skipped: ../shared/conformance/types.rs not found beside the checkout");
}

#[cfg(jsv_conformance)]
#[allow(non_snake_case, non_camel_case_types, dead_code, clippy::all)]
mod types {
    include!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../shared/conformance/types.rs"
    ));
}

#[cfg(jsv_conformance)]
mod run {
    use super::types;
    use serde::{Serialize, de::DeserializeOwned};
    use serde_json::Value as Json;
    use std::fmt::Debug;

    fn shared(file: &str) -> String {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/conformance/");
        std::fs::read_to_string(format!("{path}{file}")).expect("conformance file")
    }

    /// Numbers equal to 15 significant digits (the precision .NET Framework wrote doubles with).
    fn numbers_close(a: f64, b: f64) -> bool {
        a == b || (a.is_nan() && b.is_nan()) || ((a - b) / a.abs().max(b.abs())).abs() < 5e-15
    }

    fn json_close(a: &Json, b: &Json) -> bool {
        match (a, b) {
            (Json::Number(x), Json::Number(y)) => {
                numbers_close(x.as_f64().unwrap(), y.as_f64().unwrap())
            }
            (Json::Array(x), Json::Array(y)) => {
                x.len() == y.len() && x.iter().zip(y).all(|(a, b)| json_close(a, b))
            }
            (Json::Object(x), Json::Object(y)) => {
                x.len() == y.len()
                    && x.iter()
                        .zip(y)
                        .all(|((ka, a), (kb, b))| ka == kb && json_close(a, b))
            }
            _ => a == b,
        }
    }

    /// JSV texts equal but for doubles, which may differ beyond 15 significant digits.
    fn jsv_close(a: &jsv::Value, b: &jsv::Value) -> bool {
        use jsv::Value::*;
        match (a, b) {
            (String(x), String(y)) => {
                x == y
                    || matches!((x.parse::<f64>(), y.parse::<f64>()), (Ok(p), Ok(q)) if numbers_close(p, q))
            }
            (List(x), List(y)) => {
                x.len() == y.len() && x.iter().zip(y).all(|(a, b)| jsv_close(a, b))
            }
            (Map(x), Map(y)) => {
                x.len() == y.len()
                    && x.iter()
                        .zip(y)
                        .all(|((ka, a), (kb, b))| ka == kb && jsv_close(a, b))
            }
            _ => a == b,
        }
    }

    /// True for the date-times ServiceStack writes unquoted for `DateTime`/`DateTimeOffset`.
    fn is_date_time(s: &str) -> bool {
        let b = s.as_bytes();
        b.len() >= 19
            && b[4] == b'-'
            && b[7] == b'-'
            && b[10] == b'T'
            && b[13] == b':'
            && b[16] == b':'
            && b.iter()
                .all(|c| c.is_ascii_digit() || b"-T:.Z+".contains(c))
    }

    /// Our text with quotes taken off date-times: the types mirror .NET DateTime as a Rust String,
    /// which we write as a .NET string (quoted, it holds `:`), where ServiceStack wrote a DateTime.
    fn unquote_dates(text: &str) -> String {
        let mut out = String::new();
        let mut rest = text;
        while let Some(i) = rest.find('"') {
            out.push_str(&rest[..i]);
            let after = &rest[i + 1..];
            match after.find('"') {
                Some(j) if is_date_time(&after[..j]) => {
                    out.push_str(&after[..j]);
                    rest = &after[j + 1..];
                }
                _ => {
                    out.push('"');
                    rest = after;
                }
            }
        }
        out.push_str(rest);
        out
    }

    fn check_vector<T: Serialize + DeserializeOwned + PartialEq + Debug>(
        v: &Json,
    ) -> Result<(), String> {
        let text = v["jsv"].as_str().unwrap();
        let pretty = v["pretty"].as_str().unwrap();
        let lossy = v["float_lossy"].as_bool().unwrap_or(false)
            || v["nonfinite"].as_bool().unwrap_or(false);
        let expected: T =
            serde_json::from_value(v["value"].clone()).map_err(|e| format!("value: {e}"))?;

        let decoded: T = jsv::from_str(text).map_err(|e| format!("decode failed: {e}"))?;
        // Doubles compare at 15 significant digits: .NET Framework wrote them with 15.
        let same = decoded == expected
            || json_close(
                &serde_json::to_value(&decoded).unwrap(),
                &serde_json::to_value(&expected).unwrap(),
            );
        if !same {
            return Err(format!(
                "decoded {}\n expected {}",
                serde_json::to_string(&decoded).unwrap(),
                serde_json::to_string(&expected).unwrap()
            ));
        }

        let encoded = jsv::to_string(&expected).map_err(|e| format!("encode failed: {e}"))?;
        if lossy || (encoded != text && text.contains('E')) {
            let ours: jsv::Value = jsv::from_str(&encoded).unwrap();
            let theirs: jsv::Value = jsv::from_str(text).unwrap();
            if !jsv_close(&ours, &theirs) {
                return Err(format!("encoded {encoded}\n expected {text}"));
            }
        } else if encoded != text
            && (std::env::var_os("JSV_STRICT").is_some() || unquote_dates(&encoded) != text)
        {
            return Err(format!("encoded {encoded}\n expected {text}"));
        }

        if jsv::format(text) != pretty {
            return Err(format!("format(jsv) differs from pretty:\n{pretty}"));
        }
        if encoded == text {
            let ours = jsv::to_string_pretty(&expected).unwrap();
            if ours != pretty {
                return Err(format!("pretty {ours:?}\n expected {pretty:?}"));
            }
        }
        Ok(())
    }

    macro_rules! dispatch {
        ($case:expr, $ty:expr, $f:ident, $arg:expr; $($name:ident)*) => {
            match ($case, $ty) {
                $(
                    ("pascal", stringify!($name)) => $f::<types::pascal::$name>($arg),
                    ("camel", stringify!($name)) => $f::<types::camel::$name>($arg),
                )*
                other => Err(format!("no Rust type for {other:?}")),
            }
        };
    }

    macro_rules! all_types {
        ($case:expr, $ty:expr, $f:ident, $arg:expr) => {
            dispatch!($case, $ty, $f, $arg;
                AddConferenceMember Collections CustomerBreadcrumb DateRange DeleteSession Dog EchoTypes EntityInfo
                Enums FloatSpecials FlowNodeInfo GetCustomerBreadcrumbs GetMeResponse GetSession Inner ListSessions
                ListSessionsResponse Naming Nested Node NodeParameter Nullables ObjectProps Primitives Puppy
                ResponseError ResponseStatus SessionInfo SessionLogInfo SessionMemberInfo Strings Temporal ThrowError
                ThrowErrorResponse UpdateFlowNode CustomerBreadcrumbList StringMap NodeParameterMap)
        };
    }

    #[test]
    fn conformance_vectors() {
        let mut failures = Vec::new();
        let mut count = 0;
        for line in shared("vectors.jsonl")
            .lines()
            .filter(|l| !l.trim().is_empty())
        {
            let v: Json = serde_json::from_str(line).unwrap();
            count += 1;
            let (case, ty) = (v["case"].as_str().unwrap(), v["type"].as_str().unwrap());
            if let Err(e) = all_types!(case, ty, check_vector, &v) {
                failures.push(format!("vector {} ({case} {ty}): {e}", v["id"]));
            }
        }
        println!("{count} vectors, {} failures", failures.len());
        assert!(failures.is_empty(), "{}", failures.join("\n\n"));
    }

    /// Decode cases where we knowingly part from ServiceStack, with the reason.
    /// Decode cases where we knowingly part from ServiceStack, with the reason.
    const KNOWN_DIFFERENCES: &[(&[u64], &str)] = &[
        (
            &[28],
            "whitespace after `:` is data, as in ServiceStack; pretty text needs trim_whitespace(true)",
        ),
        (
            &[34],
            "ServiceStack's C# constructor initialises Roles to an empty list; a missing member here is None",
        ),
        (
            &[94],
            "[Flags] names need the enum's definition; the Rust mirror is a plain i32",
        ),
        (
            &[
                7, 46, 49, 52, 61, 64, 67, 73, 76, 85, 100, 103, 106, 109, 112, 115, 118, 121, 124,
                127, 130,
            ],
            "decimal, char, DateTime, TimeSpan, Guid and byte[] are mirrored as String: a missing one reads as \
             \"\" (not the .NET default text), and the text is kept as written (not normalised or validated)",
        ),
        (
            &[199],
            "`[1,,]` is three items (1, null, null) exactly as ServiceStack writes List<int?>{1,null,null}; \
             ServiceStack's reader drops one trailing null",
        ),
    ];

    fn check_decode<T: Serialize + DeserializeOwned + PartialEq + Debug>(
        v: &Json,
    ) -> Result<(), String> {
        let input = v["input"].as_str().unwrap();
        let ours = jsv::from_str::<T>(input);
        let outcome = v["outcome"].as_str().unwrap();
        let silent_loss = v["silent_loss"].as_bool().unwrap_or(false);
        match (outcome, silent_loss, &ours) {
            ("error", _, Ok(value)) => Err(format!("ServiceStack rejects it, we read {value:?}")),
            ("error", _, Err(_)) => Ok(()),
            (_, true, Err(_)) => Ok(()),
            (_, true, Ok(value)) => {
                // Accepting is fine only if we read what was meant.
                let intended = v["intended"]
                    .as_str()
                    .ok_or("ServiceStack lost data; we must not accept it")?;
                let meant: T =
                    jsv::from_str(intended).map_err(|e| format!("intended text: {e}"))?;
                if *value == meant {
                    Ok(())
                } else {
                    Err(format!("we read {value:?}, meant {meant:?}"))
                }
            }
            (_, false, Err(e)) => {
                if v["value"].is_null() {
                    Ok(())
                } else {
                    Err(format!("ServiceStack accepts it, we fail: {e}"))
                }
            }
            (_, false, Ok(value)) => {
                if v["value"].is_null() || !v["value_not_representable_in_types_rs"].is_null() {
                    return Ok(());
                }
                let expected: T = serde_json::from_value(v["value"].clone())
                    .map_err(|e| format!("value: {e}"))?;
                if *value == expected {
                    Ok(())
                } else {
                    Err(format!("we read {value:?}, expected {expected:?}"))
                }
            }
        }
    }

    #[test]
    fn conformance_decode_cases() {
        let mut failures = Vec::new();
        for line in shared("decode.jsonl")
            .lines()
            .filter(|l| !l.trim().is_empty())
        {
            let v: Json = serde_json::from_str(line).unwrap();
            let id = v["id"].as_u64().unwrap();
            let (case, ty) = (v["case"].as_str().unwrap(), v["type"].as_str().unwrap());
            let result = all_types!(case, ty, check_decode, &v);
            match (
                result,
                KNOWN_DIFFERENCES.iter().find(|(ids, _)| ids.contains(&id)),
            ) {
                (Err(e), None) => failures.push(format!(
                    "case {id} ({ty}) {:?}: {e}",
                    v["input"].as_str().unwrap()
                )),
                (Ok(()), Some(_)) => failures.push(format!(
                    "case {id} is listed as a known difference but passes"
                )),
                _ => {}
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }
}
