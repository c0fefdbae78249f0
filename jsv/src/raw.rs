//! Scalars written raw: how a serde type asks for text that JSV leaves unquoted.
//!
//! ServiceStack writes .NET scalars such as `DateTime` (`2012-06-21T13:14:15Z`) bare although their
//! text holds `:`, which would make a string quoted. A `String` cannot say it is such a value, so a
//! type that wants this serializes itself as a newtype struct named [`RAW_SCALAR`]:
//!
//! * this crate's serializer then serializes the newtype's content with a serializer of its own that
//!   accepts exactly one string, and writes that text as it is (unquoted; a map key is still quoted
//!   when it needs to be, since an unquoted `:` would end the key). That serializer reports
//!   [`is_human_readable`](serde_core::Serializer::is_human_readable) `false`, so the content can
//!   give JSV one text and human-readable formats such as JSON another (a WCF date, a number);
//! * every other serializer sees an ordinary newtype struct and serializes the content directly.
//!
//! ```
//! use serde::{Serialize, Serializer};
//!
//! /// A time of day that ServiceStack would write unquoted.
//! struct ClockTime(&'static str);
//!
//! impl Serialize for ClockTime {
//!     fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
//!         serializer.serialize_newtype_struct(jsv::RAW_SCALAR, self.0)
//!     }
//! }
//!
//! assert_eq!(jsv::to_string(&["12:30", "13:00"]).unwrap(), r#"["12:30","13:00"]"#);
//! assert_eq!(jsv::to_string(&[ClockTime("12:30"), ClockTime("13:00")]).unwrap(), "[12:30,13:00]");
//! assert_eq!(serde_json::to_string(&ClockTime("12:30")).unwrap(), r#""12:30""#);
//! ```
//!
//! Raw text is written as given: it must not hold a character that ends a JSV value where it stands
//! (`,` `}` `]`), or the output will not read back.

use serde_core::ser::{self, Impossible, Serialize};

use crate::error::{Category, Error, Result};

/// The newtype struct name that asks this crate to write a scalar's text unquoted; see the
/// [module documentation](self).
pub const RAW_SCALAR: &str = "$jsv::private::RawScalar";

/// The text the content of a [`RAW_SCALAR`] newtype gives.
pub(crate) fn text<T: ?Sized + Serialize>(value: &T) -> Result<String> {
    value.serialize(TextSerializer)
}

fn not_text() -> Error {
    Error::new(
        Category::Data,
        format!("the content of a `{RAW_SCALAR}` newtype must serialize as one string"),
    )
}

/// Accepts one string: the raw text.
struct TextSerializer;

macro_rules! reject {
    ($($method:ident($($arg:ty),*);)*) => {
        $(fn $method(self $(, _: $arg)*) -> Result<String> { Err(not_text()) })*
    };
}

impl ser::Serializer for TextSerializer {
    type Ok = String;
    type Error = Error;
    type SerializeSeq = Impossible<String, Error>;
    type SerializeTuple = Impossible<String, Error>;
    type SerializeTupleStruct = Impossible<String, Error>;
    type SerializeTupleVariant = Impossible<String, Error>;
    type SerializeMap = Impossible<String, Error>;
    type SerializeStruct = Impossible<String, Error>;
    type SerializeStructVariant = Impossible<String, Error>;

    fn is_human_readable(&self) -> bool {
        false
    }

    fn serialize_str(self, v: &str) -> Result<String> {
        Ok(v.to_owned())
    }

    fn collect_str<T: ?Sized + std::fmt::Display>(self, value: &T) -> Result<String> {
        Ok(value.to_string())
    }

    reject! {
        serialize_bool(bool); serialize_i8(i8); serialize_i16(i16); serialize_i32(i32);
        serialize_i64(i64); serialize_u8(u8); serialize_u16(u16); serialize_u32(u32);
        serialize_u64(u64); serialize_f32(f32); serialize_f64(f64); serialize_char(char);
        serialize_bytes(&[u8]); serialize_none(); serialize_unit();
        serialize_unit_struct(&'static str);
        serialize_unit_variant(&'static str, u32, &'static str);
    }

    fn serialize_some<T: ?Sized + Serialize>(self, _: &T) -> Result<String> {
        Err(not_text())
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: &T,
    ) -> Result<String> {
        Err(not_text())
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<String> {
        Err(not_text())
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq> {
        Err(not_text())
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple> {
        Err(not_text())
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct> {
        Err(not_text())
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant> {
        Err(not_text())
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap> {
        Err(not_text())
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeStruct> {
        Err(not_text())
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant> {
        Err(not_text())
    }
}
