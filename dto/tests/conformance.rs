//! The conformance vectors of `../shared/conformance` (written by the real ServiceStack.Text) whose
//! types hold .NET scalars, decoded into structs typed with `dto`'s types: every value must read,
//! equal the vector's plain-JSON value, and be written back byte for byte. Skipped, with a message,
//! when the vectors are not there.

use std::path::Path;

use dto::{Bytes, DateTime, DateTimeOffset, Decimal, Guid, IndexMap, TimeSpan};
use pretty_assertions::assert_eq;
use serde::{Deserialize, Serialize, de::DeserializeOwned};

/// The C# types of the vectors, with .NET scalars typed. Field order is the wire order.
macro_rules! mirrors {
    ($case:literal, $ns_byte:literal, $nu_short:literal, $nu_int:literal, $nu_long:literal) => {
        #[derive(Serialize, Deserialize, Debug, PartialEq, Default)]
        #[serde(rename_all = $case, default)]
        pub struct Temporal {
            date: DateTime,
            utc: DateTime,
            local: DateTime,
            offset: DateTimeOffset,
            span: TimeSpan,
            negative: TimeSpan,
            guid: Guid,
            #[serde(skip_serializing_if = "Option::is_none")]
            bytes: Option<Bytes>,
            #[serde(skip_serializing_if = "Option::is_none")]
            dates: Option<Vec<DateTime>>,
            #[serde(skip_serializing_if = "Option::is_none")]
            spans: Option<Vec<TimeSpan>>,
            #[serde(skip_serializing_if = "Option::is_none")]
            guids: Option<Vec<Guid>>,
            #[serde(skip_serializing_if = "Option::is_none")]
            offsets: Option<Vec<DateTimeOffset>>,
            #[serde(skip_serializing_if = "Option::is_none")]
            by_guid: Option<IndexMap<Guid, String>>,
            #[serde(skip_serializing_if = "Option::is_none")]
            maybe_date: Option<DateTime>,
        }

        #[derive(Serialize, Deserialize, Debug, PartialEq, Default)]
        #[serde(rename_all = $case, default)]
        pub struct Primitives {
            bool: bool,
            byte: u8,
            s_byte: i8,
            short: i16,
            u_short: u16,
            int: i32,
            u_int: u32,
            long: i64,
            u_long: u64,
            float: f32,
            double: f64,
            decimal: Decimal,
            char: String,
            #[serde(skip_serializing_if = "Option::is_none")]
            string: Option<String>,
        }

        #[derive(Serialize, Deserialize, Debug, PartialEq, Default)]
        #[serde(rename_all = $case, default)]
        pub struct Nullables {
            #[serde(skip_serializing_if = "Option::is_none")]
            n_bool: Option<bool>,
            #[serde(skip_serializing_if = "Option::is_none")]
            n_byte: Option<u8>,
            #[serde(skip_serializing_if = "Option::is_none", rename = $ns_byte)]
            ns_byte: Option<i8>,
            #[serde(skip_serializing_if = "Option::is_none")]
            n_short: Option<i16>,
            #[serde(skip_serializing_if = "Option::is_none", rename = $nu_short)]
            nu_short: Option<u16>,
            #[serde(skip_serializing_if = "Option::is_none")]
            n_int: Option<i32>,
            #[serde(skip_serializing_if = "Option::is_none", rename = $nu_int)]
            nu_int: Option<u32>,
            #[serde(skip_serializing_if = "Option::is_none")]
            n_long: Option<i64>,
            #[serde(skip_serializing_if = "Option::is_none", rename = $nu_long)]
            nu_long: Option<u64>,
            #[serde(skip_serializing_if = "Option::is_none")]
            n_float: Option<f32>,
            #[serde(skip_serializing_if = "Option::is_none")]
            n_double: Option<f64>,
            #[serde(skip_serializing_if = "Option::is_none")]
            n_decimal: Option<Decimal>,
            #[serde(skip_serializing_if = "Option::is_none")]
            n_char: Option<String>,
            #[serde(skip_serializing_if = "Option::is_none")]
            n_date_time: Option<DateTime>,
            #[serde(skip_serializing_if = "Option::is_none")]
            n_date_time_offset: Option<DateTimeOffset>,
            #[serde(skip_serializing_if = "Option::is_none")]
            n_time_span: Option<TimeSpan>,
            #[serde(skip_serializing_if = "Option::is_none")]
            n_guid: Option<Guid>,
            // Enum names: written and read as their text.
            #[serde(skip_serializing_if = "Option::is_none")]
            n_color: Option<String>,
            #[serde(skip_serializing_if = "Option::is_none")]
            n_wide: Option<String>,
            #[serde(skip_serializing_if = "Option::is_none")]
            n_perms: Option<String>,
        }
    };
}

mod pascal {
    use super::*;
    mirrors!("PascalCase", "NSByte", "NUShort", "NUInt", "NULong");
}

mod camel {
    use super::*;
    mirrors!("camelCase", "nsByte", "nuShort", "nuInt", "nuLong");
}

#[derive(Deserialize)]
struct Vector {
    id: u64,
    #[serde(rename = "type")]
    type_name: String,
    case: String,
    jsv: String,
    value: serde_json::Value,
    #[serde(default)]
    float_lossy: bool,
}

/// Decodes the vector's JSV and its plain value (whose .NET scalars are their JSV text, which the
/// types read from JSON strings too), compares them including each date's kind and offset, and
/// writes the JSV back.
fn check<T: Serialize + DeserializeOwned + std::fmt::Debug>(vector: &Vector) {
    let from_jsv: T = jsv::from_str(&vector.jsv)
        .unwrap_or_else(|e| panic!("vector {}: {e}\n{}", vector.id, vector.jsv));
    let from_value: T = serde_json::from_value(vector.value.clone())
        .unwrap_or_else(|e| panic!("vector {}: value: {e}", vector.id));
    // Debug shows what equality leaves out: a DateTime's kind, an offset.
    assert_eq!(
        format!("{from_jsv:?}"),
        format!("{from_value:?}"),
        "vector {}",
        vector.id
    );
    assert_eq!(
        jsv::to_string(&from_jsv).unwrap(),
        vector.jsv,
        "vector {}",
        vector.id
    );
}

#[test]
fn typed_scalars_match_servicestack() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/conformance/vectors.jsonl");
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!("skipped: {} is not there", path.display());
        return;
    };
    let mut checked = 0;
    for line in text.lines() {
        let vector: Vector = serde_json::from_str(line).unwrap();
        // .NET Framework's 15-digit doubles do not read back exactly (see the vectors' README).
        if vector.float_lossy {
            continue;
        }
        match (vector.type_name.as_str(), vector.case.as_str()) {
            ("Temporal", "pascal") => check::<pascal::Temporal>(&vector),
            ("Temporal", _) => check::<camel::Temporal>(&vector),
            ("Primitives", "pascal") => check::<pascal::Primitives>(&vector),
            ("Primitives", _) => check::<camel::Primitives>(&vector),
            ("Nullables", "pascal") => check::<pascal::Nullables>(&vector),
            ("Nullables", _) => check::<camel::Nullables>(&vector),
            _ => continue,
        }
        checked += 1;
    }
    assert!(checked >= 30, "only {checked} vectors checked");
    eprintln!("{checked} vectors with .NET scalars decoded and written back");
}
