//! serde for the scalars: one text for JSV (written unquoted through [`jsv::RAW_SCALAR`]), another
//! for human-readable formats such as JSON where ServiceStack writes one (WCF dates, decimal numbers).

use std::fmt;
use std::marker::PhantomData;
use std::str::FromStr;

use serde::de::{self, Visitor};
use serde::{Deserializer, Serialize, Serializer};

use super::ScalarError;

/// A scalar with a JSV text ([`fmt::Display`]) and a human-readable form.
pub(crate) trait WireScalar: fmt::Display {
    /// The form in JSON and other human-readable formats: the JSV text as a string, unless the type
    /// says otherwise.
    fn serialize_human<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// Serializes `value` as a [`jsv::RAW_SCALAR`] newtype: unquoted text in JSV, the human-readable form
/// elsewhere, and the JSV text in binary formats.
pub(crate) fn serialize<T: WireScalar, S: Serializer>(
    value: &T,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serializer.serialize_newtype_struct(jsv::RAW_SCALAR, &Forms(value))
}

struct Forms<'a, T>(&'a T);

impl<T: WireScalar> Serialize for Forms<'_, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if serializer.is_human_readable() {
            self.0.serialize_human(serializer)
        } else {
            serializer.collect_str(self.0)
        }
    }
}

/// Reads a scalar from a string in any of the forms its `FromStr` accepts.
pub(crate) struct FromText<T> {
    expecting: &'static str,
    marker: PhantomData<T>,
}

impl<T> FromText<T> {
    pub(crate) fn new(expecting: &'static str) -> Self {
        FromText {
            expecting,
            marker: PhantomData,
        }
    }
}

impl<T: FromStr<Err = ScalarError>> Visitor<'_> for FromText<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(self.expecting)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<T, E> {
        v.parse().map_err(E::custom)
    }
}

/// Implements `Serialize` (through [`serialize`]) and `Deserialize` (from a string) for a scalar.
macro_rules! text_serde {
    ($ty:ty, $expecting:literal) => {
        impl serde::Serialize for $ty {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                $crate::types::wire::serialize(self, serializer)
            }
        }

        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                deserializer.deserialize_str($crate::types::wire::FromText::new($expecting))
            }
        }
    };
}
pub(crate) use text_serde;

/// serde_json's name for its raw JSON text (feature `raw_value`, which this crate turns on): a struct
/// of that name with one field of that name is written as the field's text, and asking to
/// deserialize a newtype of that name gives the raw text of the next value.
pub(crate) const SERDE_JSON_RAW: &str = "$serde_json::private::RawValue";

/// Deserializes through serde_json's raw text when the format is serde_json, so a number keeps its
/// exact digits; other formats see a newtype struct and are asked for `visitor`'s `visit_*` forms.
pub(crate) fn deserialize_raw<'de, D: Deserializer<'de>, V: Visitor<'de>>(
    deserializer: D,
    visitor: V,
) -> Result<V::Value, D::Error> {
    if deserializer.is_human_readable() {
        deserializer.deserialize_newtype_struct(SERDE_JSON_RAW, visitor)
    } else {
        deserializer.deserialize_str(visitor)
    }
}

/// The text of a raw JSON value: a number's digits, or a string's content.
pub(crate) fn raw_json_text(raw: &str) -> Result<std::borrow::Cow<'_, str>, serde_json::Error> {
    if raw.starts_with('"') {
        serde_json::from_str::<String>(raw).map(Into::into)
    } else {
        Ok(raw.into())
    }
}

/// Defines a `#[serde(with = "..")]` module that writes a foreign type (chrono's, time's) through one
/// of this crate's scalars, so its wire text is ServiceStack's; with an `option` module for `Option`
/// members (which also need `#[serde(default)]`).
#[cfg(any(feature = "chrono", feature = "time"))]
macro_rules! adapter {
    ($(#[$doc:meta])* $name:ident: $foreign:ty => $scalar:ty) => {
        $(#[$doc])*
        pub mod $name {
            use serde::{Deserialize, Deserializer, Serialize, Serializer};

            /// Writes the value as its .NET scalar.
            pub fn serialize<S: Serializer>(value: &$foreign, serializer: S) -> Result<S::Ok, S::Error> {
                <$scalar>::try_from(*value)
                    .map_err(serde::ser::Error::custom)?
                    .serialize(serializer)
            }

            /// Reads the .NET scalar and converts it.
            pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<$foreign, D::Error> {
                <$foreign>::try_from(<$scalar>::deserialize(deserializer)?)
                    .map_err(serde::de::Error::custom)
            }

            /// .NET's default value (`0001-01-01`, `PT0S`) as this type, for a generated
            /// `impl Default` when the type has none.
            pub fn default() -> $foreign {
                <$foreign>::try_from(<$scalar>::default()).expect("the .NET default is in range")
            }

            /// The same for an `Option` member (give it `#[serde(default)]` too, so that a missing
            /// member is `None`).
            pub mod option {
                use serde::{Deserialize, Deserializer, Serialize, Serializer};

                /// Writes `Some` as the .NET scalar, `None` as nothing.
                pub fn serialize<S: Serializer>(
                    value: &Option<$foreign>,
                    serializer: S,
                ) -> Result<S::Ok, S::Error> {
                    value
                        .map(<$scalar>::try_from)
                        .transpose()
                        .map_err(serde::ser::Error::custom)?
                        .serialize(serializer)
                }

                /// Reads an optional .NET scalar and converts it.
                pub fn deserialize<'de, D: Deserializer<'de>>(
                    deserializer: D,
                ) -> Result<Option<$foreign>, D::Error> {
                    Option::<$scalar>::deserialize(deserializer)?
                        .map(<$foreign>::try_from)
                        .transpose()
                        .map_err(serde::de::Error::custom)
                }
            }
        }
    };
}
#[cfg(any(feature = "chrono", feature = "time"))]
pub(crate) use adapter;
