//! Not public API: reading integer enums for `#[derive(IntEnum)]`.

use std::fmt;

use serde::Deserializer;
use serde::de::{self, Visitor};

/// Reads an integer enum's value: a number, a member name (exactly, else ignoring case), or with
/// `flags` a comma-separated list of names and numbers, whose values are or-ed.
pub fn deserialize<'de, D: Deserializer<'de>>(
    deserializer: D,
    type_name: &'static str,
    names: &'static [(&'static str, i128)],
    flags: bool,
) -> Result<i128, D::Error> {
    let visitor = IntEnumVisitor {
        type_name,
        names,
        flags,
    };
    if deserializer.is_human_readable() {
        deserializer.deserialize_any(visitor)
    } else {
        deserializer.deserialize_i64(visitor)
    }
}

/// The error for a number outside the enum's integer type.
pub fn out_of_range<E: de::Error>(type_name: &str, value: i128) -> E {
    E::custom(format!("{value} is out of range for {type_name}"))
}

struct IntEnumVisitor {
    type_name: &'static str,
    names: &'static [(&'static str, i128)],
    flags: bool,
}

impl IntEnumVisitor {
    fn member<E: de::Error>(&self, text: &str) -> Result<i128, E> {
        let text = text.trim();
        if let Ok(number) = text.parse::<i128>() {
            return Ok(number);
        }
        self.names
            .iter()
            .find(|(name, _)| *name == text)
            .or_else(|| {
                self.names
                    .iter()
                    .find(|(name, _)| name.eq_ignore_ascii_case(text))
            })
            .map(|(_, value)| *value)
            .ok_or_else(|| {
                E::custom(format!(
                    "unknown {} member `{text}`, expected a number or one of: {}",
                    self.type_name,
                    self.names
                        .iter()
                        .map(|(name, _)| *name)
                        .collect::<Vec<_>>()
                        .join(", ")
                ))
            })
    }
}

impl Visitor<'_> for IntEnumVisitor {
    type Value = i128;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "a {} number or member name", self.type_name)
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<i128, E> {
        Ok(v.into())
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<i128, E> {
        Ok(v.into())
    }

    fn visit_i128<E: de::Error>(self, v: i128) -> Result<i128, E> {
        Ok(v)
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<i128, E> {
        if v.fract() == 0.0 && v.abs() < 2f64.powi(63) {
            Ok(v as i128)
        } else {
            Err(E::invalid_value(de::Unexpected::Float(v), &self))
        }
    }

    /// JSV's empty value: the default.
    fn visit_unit<E: de::Error>(self) -> Result<i128, E> {
        Ok(0)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<i128, E> {
        if self.flags && v.contains(',') {
            v.split(',')
                .try_fold(0, |bits, part| Ok(bits | self.member::<E>(part)?))
        } else {
            self.member(v)
        }
    }
}
