//! ServiceStack query strings: request DTO fields as GET parameters.
//!
//! ServiceStack binds a query-string parameter to a request-DTO property by name (case-insensitively);
//! a `string` property takes the decoded text verbatim and every other property type is parsed from it
//! with the JSV reader (`?ids=[1,2]` fills a `List<int>`, `?filter={Name:"a,b"}` fills an object). This
//! module writes that form:
//!
//! | field value | parameter text (before percent-encoding) |
//! | --- | --- |
//! | `None`, `()` | the parameter is left out |
//! | string, `char` | the text verbatim, **without** JSV quoting (`a,b` stays `a,b`) |
//! | integers, floats | as the JSV writer writes them (`42`, `1.5`, `1E+20`, `NaN`) |
//! | `bool` | `True` / `False` |
//! | unit enum variant | its (serde-renamed) name |
//! | bytes | base64, as the JSV writer writes them |
//! | sequence, tuple, set | its JSV text, `[1,2]`, with JSV quoting inside: `["a,b",c]` |
//! | struct, map, unit struct | its JSV text, `{Name:"a,b",Age:3}`, `{}` |
//! | newtype / tuple / struct variant | its JSV text, `{Variant:...}` |
//!
//! Option and newtype wrappers are transparent. Lists keep their brackets (ServiceStack's C# client
//! trims them, `ids=1,2`; its server reads both forms, and the brackets keep an empty list `[]` and a
//! list of one item that contains a comma unambiguous).
//!
//! [`to_query_value`] gives one value's text; [`to_query_pairs`] gives a struct's pairs with each
//! value's [`ValueKind`], for callers that take some fields out (the `dto` crate puts route variables
//! in the path and the rest in the query string). Texts are not percent-encoded: that is the URL's
//! business (`dto::url::percent_encode`, `dto::url::to_query_string`).
//!
//! ```
//! #[derive(serde::Serialize)]
//! struct FindCalls {
//!     ids: Vec<u32>,
//!     caller: Option<String>,
//!     active: bool,
//!     note: Option<String>,
//! }
//!
//! let request = FindCalls { ids: vec![1, 2], caller: Some("Doe, John".into()), active: true, note: None };
//! assert_eq!(jsv::query::to_query_value(&request.ids).unwrap(), "[1,2]");
//! let pairs = jsv::query::to_query_pairs(&request).unwrap();
//! let texts: Vec<(&str, &str)> = pairs.iter().map(|(n, v)| (n.as_str(), v.as_str())).collect();
//! assert_eq!(texts, [("ids", "[1,2]"), ("caller", "Doe, John"), ("active", "True")]);
//! ```

use serde_core::ser::{self, Serialize};

use crate::{Error, Result};

/// What shape a query-string value has: a plain scalar or JSV text of a list or an object.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ValueKind {
    /// A string, number, boolean, enum name or other single value, written as plain text.
    Scalar,
    /// A sequence, tuple or set, written as a JSV list (`[1,2]`).
    List,
    /// A struct, map, unit struct or data-carrying enum variant, written as a JSV object (`{A:1}`).
    Object,
}

/// One query-string value: its text (not percent-encoded) and its [`ValueKind`].
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct QueryValue {
    text: String,
    kind: ValueKind,
}

impl QueryValue {
    /// A value with this text and kind.
    pub fn new(text: impl Into<String>, kind: ValueKind) -> Self {
        QueryValue {
            text: text.into(),
            kind,
        }
    }

    /// The value's text, not percent-encoded: `abc`, `True`, `[1,2]`, `{A:"x,y"}`.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The value's text, not percent-encoded.
    pub fn into_string(self) -> String {
        self.text
    }

    /// Whether the value is a list or an object (JSV text) or a plain scalar.
    pub fn kind(&self) -> ValueKind {
        self.kind
    }

    /// Whether the value is a plain scalar (string, number, boolean, enum name, ...).
    pub fn is_scalar(&self) -> bool {
        self.kind == ValueKind::Scalar
    }

    /// Whether the text is empty (only a scalar can be: an empty string; an empty list is `[]`).
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }
}

impl std::fmt::Display for QueryValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text)
    }
}

/// The query-string text of one value, not percent-encoded (see the [module docs](self) for the
/// rules): `abc` for a string, `True` for `true`, `[1,2]` for a list, `{Name:"a,b"}` for a struct.
/// `None` and `()` give the empty string.
pub fn to_query_value<T: ?Sized + Serialize>(value: &T) -> Result<String> {
    Ok(query_value(value)?
        .map(QueryValue::into_string)
        .unwrap_or_default())
}

/// Like [`to_query_value`], but also telling the value's [`ValueKind`]; `None` for a value that is
/// left out of a query string (`None`, `()`).
pub fn query_value<T: ?Sized + Serialize>(value: &T) -> Result<Option<QueryValue>> {
    Ok(match value.serialize(Classifier)? {
        Class::Absent => None,
        Class::Scalar(text) => Some(QueryValue {
            text,
            kind: ValueKind::Scalar,
        }),
        Class::Complex(kind) => Some(QueryValue {
            text: crate::to_string(value)?,
            kind,
        }),
    })
}

/// The `name=value` pairs of a struct (or map) in field order, leaving out `None` fields, serde-skipped
/// fields and `()` values. Names are the serialized (serde-renamed) field names; values are not
/// percent-encoded.
///
/// The top-level value must serialize as a struct or a map (`Option`s and newtype wrappers of one are
/// fine; `None` and `()` give no pairs); anything else is an error.
pub fn to_query_pairs<T: ?Sized + Serialize>(value: &T) -> Result<Vec<(String, QueryValue)>> {
    value.serialize(PairsSerializer)
}

// ---------------------------------------------------------------------------------------------------
// The value classifier: scalars become their text, compound values only report their kind (their
// JSV text is written afterwards by the JSV serializer).

enum Class {
    Absent,
    Scalar(String),
    Complex(ValueKind),
}

fn custom(message: impl std::fmt::Display) -> Error {
    <Error as ser::Error>::custom(message)
}

struct Classifier;

fn jsv_scalar<T: ?Sized + Serialize>(value: &T) -> Result<Class> {
    crate::to_string(value).map(Class::Scalar)
}

impl ser::Serializer for Classifier {
    type Ok = Class;
    type Error = Error;
    type SerializeSeq = SkipCompound;
    type SerializeTuple = SkipCompound;
    type SerializeTupleStruct = SkipCompound;
    type SerializeTupleVariant = SkipCompound;
    type SerializeMap = SkipCompound;
    type SerializeStruct = SkipCompound;
    type SerializeStructVariant = SkipCompound;

    fn serialize_bool(self, v: bool) -> Result<Class> {
        Ok(Class::Scalar(if v { "True" } else { "False" }.to_owned()))
    }
    fn serialize_i8(self, v: i8) -> Result<Class> {
        Ok(Class::Scalar(v.to_string()))
    }
    fn serialize_i16(self, v: i16) -> Result<Class> {
        Ok(Class::Scalar(v.to_string()))
    }
    fn serialize_i32(self, v: i32) -> Result<Class> {
        Ok(Class::Scalar(v.to_string()))
    }
    fn serialize_i64(self, v: i64) -> Result<Class> {
        Ok(Class::Scalar(v.to_string()))
    }
    fn serialize_i128(self, v: i128) -> Result<Class> {
        Ok(Class::Scalar(v.to_string()))
    }
    fn serialize_u8(self, v: u8) -> Result<Class> {
        Ok(Class::Scalar(v.to_string()))
    }
    fn serialize_u16(self, v: u16) -> Result<Class> {
        Ok(Class::Scalar(v.to_string()))
    }
    fn serialize_u32(self, v: u32) -> Result<Class> {
        Ok(Class::Scalar(v.to_string()))
    }
    fn serialize_u64(self, v: u64) -> Result<Class> {
        Ok(Class::Scalar(v.to_string()))
    }
    fn serialize_u128(self, v: u128) -> Result<Class> {
        Ok(Class::Scalar(v.to_string()))
    }
    fn serialize_f32(self, v: f32) -> Result<Class> {
        jsv_scalar(&v)
    }
    fn serialize_f64(self, v: f64) -> Result<Class> {
        jsv_scalar(&v)
    }
    fn serialize_char(self, v: char) -> Result<Class> {
        Ok(Class::Scalar(v.to_string()))
    }
    fn serialize_str(self, v: &str) -> Result<Class> {
        Ok(Class::Scalar(v.to_owned()))
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<Class> {
        use base64::Engine;
        Ok(Class::Scalar(
            base64::engine::general_purpose::STANDARD.encode(v),
        ))
    }
    fn serialize_none(self) -> Result<Class> {
        Ok(Class::Absent)
    }
    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Result<Class> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<Class> {
        Ok(Class::Absent)
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<Class> {
        Ok(Class::Complex(ValueKind::Object))
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<Class> {
        Ok(Class::Scalar(variant.to_owned()))
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        name: &'static str,
        value: &T,
    ) -> Result<Class> {
        if name == crate::RAW_SCALAR {
            return crate::raw::text(value).map(Class::Scalar);
        }
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _value: &T,
    ) -> Result<Class> {
        Ok(Class::Complex(ValueKind::Object))
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<SkipCompound> {
        Ok(SkipCompound(ValueKind::List))
    }
    fn serialize_tuple(self, _len: usize) -> Result<SkipCompound> {
        Ok(SkipCompound(ValueKind::List))
    }
    fn serialize_tuple_struct(self, _name: &'static str, _len: usize) -> Result<SkipCompound> {
        Ok(SkipCompound(ValueKind::List))
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<SkipCompound> {
        Ok(SkipCompound(ValueKind::Object))
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<SkipCompound> {
        Ok(SkipCompound(ValueKind::Object))
    }
    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<SkipCompound> {
        Ok(SkipCompound(ValueKind::Object))
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<SkipCompound> {
        Ok(SkipCompound(ValueKind::Object))
    }
}

/// A compound value whose elements are not looked at: only its kind matters to the classifier.
struct SkipCompound(ValueKind);

impl ser::SerializeSeq for SkipCompound {
    type Ok = Class;
    type Error = Error;
    fn serialize_element<T: ?Sized + Serialize>(&mut self, _value: &T) -> Result<()> {
        Ok(())
    }
    fn end(self) -> Result<Class> {
        Ok(Class::Complex(self.0))
    }
}

impl ser::SerializeTuple for SkipCompound {
    type Ok = Class;
    type Error = Error;
    fn serialize_element<T: ?Sized + Serialize>(&mut self, _value: &T) -> Result<()> {
        Ok(())
    }
    fn end(self) -> Result<Class> {
        Ok(Class::Complex(self.0))
    }
}

impl ser::SerializeTupleStruct for SkipCompound {
    type Ok = Class;
    type Error = Error;
    fn serialize_field<T: ?Sized + Serialize>(&mut self, _value: &T) -> Result<()> {
        Ok(())
    }
    fn end(self) -> Result<Class> {
        Ok(Class::Complex(self.0))
    }
}

impl ser::SerializeTupleVariant for SkipCompound {
    type Ok = Class;
    type Error = Error;
    fn serialize_field<T: ?Sized + Serialize>(&mut self, _value: &T) -> Result<()> {
        Ok(())
    }
    fn end(self) -> Result<Class> {
        Ok(Class::Complex(self.0))
    }
}

impl ser::SerializeMap for SkipCompound {
    type Ok = Class;
    type Error = Error;
    fn serialize_key<T: ?Sized + Serialize>(&mut self, _key: &T) -> Result<()> {
        Ok(())
    }
    fn serialize_value<T: ?Sized + Serialize>(&mut self, _value: &T) -> Result<()> {
        Ok(())
    }
    fn end(self) -> Result<Class> {
        Ok(Class::Complex(self.0))
    }
}

impl ser::SerializeStruct for SkipCompound {
    type Ok = Class;
    type Error = Error;
    fn serialize_field<T: ?Sized + Serialize>(
        &mut self,
        _key: &'static str,
        _value: &T,
    ) -> Result<()> {
        Ok(())
    }
    fn end(self) -> Result<Class> {
        Ok(Class::Complex(self.0))
    }
}

impl ser::SerializeStructVariant for SkipCompound {
    type Ok = Class;
    type Error = Error;
    fn serialize_field<T: ?Sized + Serialize>(
        &mut self,
        _key: &'static str,
        _value: &T,
    ) -> Result<()> {
        Ok(())
    }
    fn end(self) -> Result<Class> {
        Ok(Class::Complex(self.0))
    }
}

// ---------------------------------------------------------------------------------------------------
// The top level: a struct or map whose entries become pairs.

type Pairs = Vec<(String, QueryValue)>;

struct PairsSerializer;

fn not_a_struct(what: &str) -> Error {
    custom(format_args!(
        "a query string is made from a struct or a map, not {what}"
    ))
}

impl ser::Serializer for PairsSerializer {
    type Ok = Pairs;
    type Error = Error;
    type SerializeSeq = ser::Impossible<Pairs, Error>;
    type SerializeTuple = ser::Impossible<Pairs, Error>;
    type SerializeTupleStruct = ser::Impossible<Pairs, Error>;
    type SerializeTupleVariant = ser::Impossible<Pairs, Error>;
    type SerializeMap = PairCollector;
    type SerializeStruct = PairCollector;
    type SerializeStructVariant = ser::Impossible<Pairs, Error>;

    fn serialize_bool(self, _v: bool) -> Result<Pairs> {
        Err(not_a_struct("a boolean"))
    }
    fn serialize_i8(self, _v: i8) -> Result<Pairs> {
        Err(not_a_struct("a number"))
    }
    fn serialize_i16(self, _v: i16) -> Result<Pairs> {
        Err(not_a_struct("a number"))
    }
    fn serialize_i32(self, _v: i32) -> Result<Pairs> {
        Err(not_a_struct("a number"))
    }
    fn serialize_i64(self, _v: i64) -> Result<Pairs> {
        Err(not_a_struct("a number"))
    }
    fn serialize_i128(self, _v: i128) -> Result<Pairs> {
        Err(not_a_struct("a number"))
    }
    fn serialize_u8(self, _v: u8) -> Result<Pairs> {
        Err(not_a_struct("a number"))
    }
    fn serialize_u16(self, _v: u16) -> Result<Pairs> {
        Err(not_a_struct("a number"))
    }
    fn serialize_u32(self, _v: u32) -> Result<Pairs> {
        Err(not_a_struct("a number"))
    }
    fn serialize_u64(self, _v: u64) -> Result<Pairs> {
        Err(not_a_struct("a number"))
    }
    fn serialize_u128(self, _v: u128) -> Result<Pairs> {
        Err(not_a_struct("a number"))
    }
    fn serialize_f32(self, _v: f32) -> Result<Pairs> {
        Err(not_a_struct("a number"))
    }
    fn serialize_f64(self, _v: f64) -> Result<Pairs> {
        Err(not_a_struct("a number"))
    }
    fn serialize_char(self, _v: char) -> Result<Pairs> {
        Err(not_a_struct("a char"))
    }
    fn serialize_str(self, _v: &str) -> Result<Pairs> {
        Err(not_a_struct("a string"))
    }
    fn serialize_bytes(self, _v: &[u8]) -> Result<Pairs> {
        Err(not_a_struct("bytes"))
    }
    fn serialize_none(self) -> Result<Pairs> {
        Ok(Vec::new())
    }
    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Result<Pairs> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<Pairs> {
        Ok(Vec::new())
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<Pairs> {
        Ok(Vec::new())
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
    ) -> Result<Pairs> {
        Err(not_a_struct("an enum variant"))
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<Pairs> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _value: &T,
    ) -> Result<Pairs> {
        Err(not_a_struct("an enum variant"))
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Self::SerializeSeq> {
        Err(not_a_struct("a sequence"))
    }
    fn serialize_tuple(self, _len: usize) -> Result<Self::SerializeTuple> {
        Err(not_a_struct("a tuple"))
    }
    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleStruct> {
        Err(not_a_struct("a tuple struct"))
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleVariant> {
        Err(not_a_struct("an enum variant"))
    }
    fn serialize_map(self, len: Option<usize>) -> Result<PairCollector> {
        Ok(PairCollector {
            pairs: Vec::with_capacity(len.unwrap_or(0)),
            key: None,
        })
    }
    fn serialize_struct(self, _name: &'static str, len: usize) -> Result<PairCollector> {
        Ok(PairCollector {
            pairs: Vec::with_capacity(len),
            key: None,
        })
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStructVariant> {
        Err(not_a_struct("an enum variant"))
    }
}

struct PairCollector {
    pairs: Pairs,
    key: Option<String>,
}

impl PairCollector {
    fn push<T: ?Sized + Serialize>(&mut self, name: String, value: &T) -> Result<()> {
        if let Some(value) = query_value(value)? {
            self.pairs.push((name, value));
        }
        Ok(())
    }
}

impl ser::SerializeStruct for PairCollector {
    type Ok = Pairs;
    type Error = Error;
    fn serialize_field<T: ?Sized + Serialize>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<()> {
        self.push(key.to_owned(), value)
    }
    fn end(self) -> Result<Pairs> {
        Ok(self.pairs)
    }
}

impl ser::SerializeMap for PairCollector {
    type Ok = Pairs;
    type Error = Error;
    fn serialize_key<T: ?Sized + Serialize>(&mut self, key: &T) -> Result<()> {
        match key.serialize(Classifier)? {
            Class::Scalar(text) => {
                self.key = Some(text);
                Ok(())
            }
            Class::Absent => Err(custom("a query-string name cannot be None or ()")),
            Class::Complex(_) => Err(custom(
                "a query-string name must be a string or a number, not a list or an object",
            )),
        }
    }
    fn serialize_value<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<()> {
        let name = self
            .key
            .take()
            .ok_or_else(|| custom("serialize_value called before serialize_key"))?;
        self.push(name, value)
    }
    fn end(self) -> Result<Pairs> {
        Ok(self.pairs)
    }
}
