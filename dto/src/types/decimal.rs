//! `Decimal`: .NET's 96-bit decimal, which keeps its scale.

use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::str::FromStr;

use serde::de::{self, MapAccess, Visitor};
use serde::ser::SerializeStruct;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::ScalarError;
use super::grammar::{self, parse_all};
use super::wire::{self, SERDE_JSON_RAW, WireScalar};

/// The largest mantissa, 2^96 - 1.
const MAX_MANTISSA: u128 = (1 << 96) - 1;
/// The largest scale.
const MAX_SCALE: u32 = 28;

/// .NET's `decimal`: a 96-bit mantissa, a sign and a scale of 0 to 28 decimal places, which it keeps
/// (`3.30` is written `3.30`).
///
/// Written as ServiceStack writes it: the digits with the scale, never an exponent (`-12.500`,
/// `0.0000000000000000000000000001`); `-0` is written `0` with its scale. Unquoted in JSV; in JSON a
/// **number** with those digits. Read from `[-]digits[.digits]`, `.5` and `5.` included, with
/// surrounding spaces, and in JSON from a number or a string holding the text; `+1.5`, exponents,
/// leading zeros (`012`), more than 28 decimal places and values beyond
/// ±79228162514264337593543950335 are errors, as in ServiceStack.
///
/// Equality, order and hash are by value, as in .NET: `3.30 == 3.3`.
///
/// **JSON, and what it costs:** serde_json writes the digits through its `raw_value` machinery
/// (this crate enables that serde_json feature, which only adds the `RawValue` type; it changes
/// nothing else and costs nothing at run time), and reads them back exactly through the same
/// machinery, so `3.30` survives a JSON round trip without serde_json's `arbitrary_precision`.
/// Another human-readable format that does not know serde_json's raw value would see a
/// one-field struct; binary formats get the text.
///
/// ```
/// use dto::Decimal;
///
/// let price: Decimal = "3.30".parse().unwrap();
/// assert_eq!((price.mantissa(), price.scale()), (330, 2));
/// assert_eq!(price, "3.3".parse().unwrap());
/// assert_eq!(jsv::to_string(&price).unwrap(), "3.30");
/// assert_eq!(serde_json::to_string(&price).unwrap(), "3.30");
/// let back: Decimal = serde_json::from_str("3.30").unwrap();
/// assert_eq!(back.to_string(), "3.30");
/// ```
#[derive(Clone, Copy, Default)]
pub struct Decimal {
    /// Below 2^96.
    mantissa: u128,
    scale: u8,
    /// Never set for a zero mantissa.
    negative: bool,
}

impl Decimal {
    /// Zero, scale 0.
    pub const ZERO: Decimal = Decimal {
        mantissa: 0,
        scale: 0,
        negative: false,
    };
    /// One, scale 0.
    pub const ONE: Decimal = Decimal {
        mantissa: 1,
        scale: 0,
        negative: false,
    };
    /// 79228162514264337593543950335.
    pub const MAX: Decimal = Decimal {
        mantissa: MAX_MANTISSA,
        scale: 0,
        negative: false,
    };
    /// -79228162514264337593543950335.
    pub const MIN: Decimal = Decimal {
        mantissa: MAX_MANTISSA,
        scale: 0,
        negative: true,
    };

    /// `mantissa` × 10^-`scale`; an error when the mantissa needs more than 96 bits or the scale
    /// is above 28.
    pub fn new(mantissa: i128, scale: u32) -> Result<Self, ScalarError> {
        let magnitude = mantissa.unsigned_abs();
        if magnitude > MAX_MANTISSA {
            return Err(ScalarError::range(
                "decimal",
                format!("mantissa {mantissa} needs more than 96 bits"),
            ));
        }
        if scale > MAX_SCALE {
            return Err(ScalarError::range(
                "decimal",
                format!("scale {scale} is above 28"),
            ));
        }
        Ok(Decimal {
            mantissa: magnitude,
            scale: scale as u8,
            negative: mantissa < 0,
        })
    }

    /// The signed mantissa: `3.30` has 330.
    pub const fn mantissa(&self) -> i128 {
        if self.negative {
            -(self.mantissa as i128)
        } else {
            self.mantissa as i128
        }
    }

    /// The number of decimal places: `3.30` has 2.
    pub const fn scale(&self) -> u32 {
        self.scale as u32
    }

    /// True for zero at any scale.
    pub const fn is_zero(&self) -> bool {
        self.mantissa == 0
    }

    /// True for a value below zero.
    pub const fn is_sign_negative(&self) -> bool {
        self.negative
    }

    /// The same value with no trailing zeros (`3.30` becomes `3.3`).
    pub const fn normalize(self) -> Self {
        let mut value = self;
        while value.scale > 0 && value.mantissa.is_multiple_of(10) {
            value.mantissa /= 10;
            value.scale -= 1;
        }
        value
    }

    /// The nearest `f64`.
    pub fn to_f64(self) -> f64 {
        // The digits are a valid float text; Rust's parser rounds correctly.
        self.to_string().parse().unwrap_or(f64::NAN)
    }

    /// The magnitude's whole part and its fraction scaled to 28 places, for comparing.
    fn magnitude_parts(&self) -> (u128, u128) {
        let unit = 10u128.pow(self.scale());
        (
            self.mantissa / unit,
            self.mantissa % unit * 10u128.pow(MAX_SCALE - self.scale()),
        )
    }
}

impl PartialEq for Decimal {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Decimal {}

impl PartialOrd for Decimal {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Decimal {
    fn cmp(&self, other: &Self) -> Ordering {
        match (self.negative, other.negative) {
            (false, true) => Ordering::Greater,
            (true, false) => Ordering::Less,
            (negative, _) => {
                let magnitude = self.magnitude_parts().cmp(&other.magnitude_parts());
                if negative {
                    magnitude.reverse()
                } else {
                    magnitude
                }
            }
        }
    }
}

impl Hash for Decimal {
    fn hash<H: Hasher>(&self, state: &mut H) {
        let value = self.normalize();
        (value.mantissa, value.scale, value.negative).hash(state);
    }
}

impl fmt::Display for Decimal {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        if self.negative {
            f.write_str("-")?;
        }
        let digits = self.mantissa.to_string();
        let scale = self.scale as usize;
        if scale == 0 {
            return f.write_str(&digits);
        }
        let digits = format!("{digits:0>width$}", width = scale + 1);
        let (int, frac) = digits.split_at(digits.len() - scale);
        write!(f, "{int}.{frac}")
    }
}

impl fmt::Debug for Decimal {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "Decimal({self})")
    }
}

impl FromStr for Decimal {
    type Err = ScalarError;

    fn from_str(text: &str) -> Result<Self, ScalarError> {
        let (negative, int, frac) = parse_all("decimal", text, grammar::decimal)?;
        let invalid = |why: &str| ScalarError::invalid("decimal", text, why);
        if int.len() > 1 && int.starts_with('0') {
            return Err(invalid("leading zero"));
        }
        if frac.len() > MAX_SCALE as usize {
            return Err(invalid("more than 28 decimal places"));
        }
        let mut mantissa: u128 = 0;
        for digit in int.bytes().chain(frac.bytes()) {
            mantissa = mantissa * 10 + u128::from(digit - b'0');
            if mantissa > MAX_MANTISSA {
                return Err(invalid("beyond ±79228162514264337593543950335"));
            }
        }
        Ok(Decimal {
            mantissa,
            scale: frac.len() as u8,
            negative: negative && mantissa != 0,
        })
    }
}

impl WireScalar for Decimal {
    /// A JSON number with the digits, through serde_json's raw value.
    fn serialize_human<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut raw = serializer.serialize_struct(SERDE_JSON_RAW, 1)?;
        raw.serialize_field(SERDE_JSON_RAW, &self.to_string())?;
        raw.end()
    }
}

impl Serialize for Decimal {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        wire::serialize(self, serializer)
    }
}

impl<'de> Deserialize<'de> for Decimal {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        wire::deserialize_raw(deserializer, DecimalVisitor)
    }
}

struct DecimalVisitor;

impl<'de> Visitor<'de> for DecimalVisitor {
    type Value = Decimal;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a decimal number (3.30)")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Decimal, E> {
        v.parse().map_err(E::custom)
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Decimal, E> {
        Ok(Decimal::from(v))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Decimal, E> {
        Ok(Decimal::from(v))
    }

    fn visit_i128<E: de::Error>(self, v: i128) -> Result<Decimal, E> {
        Decimal::new(v, 0).map_err(E::custom)
    }

    fn visit_u128<E: de::Error>(self, v: u128) -> Result<Decimal, E> {
        i128::try_from(v)
            .map_err(|_| E::custom("decimal out of range"))
            .and_then(|v| self.visit_i128(v))
    }

    /// A float from a format without exact digits: its shortest text.
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Decimal, E> {
        if !v.is_finite() {
            return Err(E::custom(format!("{v} is not a decimal")));
        }
        self.visit_str(&v.to_string())
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<Decimal, D::Error> {
        d.deserialize_any(self)
    }

    /// serde_json's raw value: `{RAW: "3.30"}` or `{RAW: "\"3.30\""}`.
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Decimal, A::Error> {
        let Some(key) = map.next_key::<String>()? else {
            return Err(de::Error::invalid_length(0, &self));
        };
        if key != SERDE_JSON_RAW {
            return Err(de::Error::unknown_field(&key, &[SERDE_JSON_RAW]));
        }
        let raw = map.next_value::<String>()?;
        let text = wire::raw_json_text(&raw).map_err(de::Error::custom)?;
        self.visit_str(&text)
    }
}

macro_rules! from_integer {
    ($($int:ty),*) => {$(
        impl From<$int> for Decimal {
            fn from(value: $int) -> Self {
                let value = i128::from(value);
                Decimal {
                    mantissa: value.unsigned_abs(),
                    scale: 0,
                    negative: value < 0,
                }
            }
        }
    )*};
}
from_integer!(i8, i16, i32, i64, u8, u16, u32, u64);

#[cfg(feature = "rust_decimal")]
impl From<rust_decimal::Decimal> for Decimal {
    /// The same mantissa and scale: both are .NET's decimal.
    fn from(value: rust_decimal::Decimal) -> Self {
        Decimal {
            mantissa: value.mantissa().unsigned_abs(),
            scale: value.scale() as u8,
            negative: value.mantissa() < 0,
        }
    }
}

#[cfg(feature = "rust_decimal")]
impl From<Decimal> for rust_decimal::Decimal {
    fn from(value: Decimal) -> Self {
        // Both have a 96-bit mantissa and a scale up to 28.
        rust_decimal::Decimal::from_i128_with_scale(value.mantissa(), value.scale())
    }
}
