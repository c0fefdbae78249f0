//! An untyped JSV value.
//!
//! JSV has no type markers: `1`, `True` and `Hello` are all just text until a type reads them. So
//! [`Value`] keeps every scalar as its text and offers typed accessors that parse on demand the way
//! the typed reader does.

mod de;
mod ser;

use std::fmt;

use crate::scalar;

/// An insertion-ordered map of member names to values, as JSV objects and ServiceStack dictionaries
/// are ordered.
pub type Map = indexmap::IndexMap<String, Value>;

/// Any JSV value.
///
/// ```
/// let value: jsv::Value = jsv::from_str(r#"{Id:1,Tags:[a,"b,c"],Done:True}"#).unwrap();
/// assert_eq!(value["Id"].as_i64(), Some(1));
/// assert_eq!(value["Tags"][1].as_str(), Some("b,c"));
/// assert_eq!(value["Done"].as_bool(), Some(true));
/// assert_eq!(jsv::to_string(&value).unwrap(), r#"{Id:1,Tags:[a,"b,c"],Done:True}"#);
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Value {
    /// An empty value: ServiceStack's null. Omitted from objects when written.
    #[default]
    Null,
    /// A scalar's text, unquoted (`Hello World`, `1`, `True`, `2024-01-02T10:00:00Z`).
    String(String),
    /// A list: `[a,b]`.
    List(Vec<Value>),
    /// An object or dictionary: `{Key:value}`.
    Map(Map),
}

impl Value {
    /// True for [`Value::Null`].
    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    /// The text of a scalar.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    /// A scalar read as a boolean with ServiceStack's rules (`True`, `false`, `1`, ...).
    pub fn as_bool(&self) -> Option<bool> {
        scalar::parse_bool(self.as_str()?).ok()
    }

    /// A scalar read as a signed integer.
    pub fn as_i64(&self) -> Option<i64> {
        scalar::parse_i128(self.as_str()?, i64::MIN as i128, i64::MAX as i128, "i64")
            .ok()
            .map(|v| v as i64)
    }

    /// A scalar read as an unsigned integer.
    pub fn as_u64(&self) -> Option<u64> {
        scalar::parse_i128(self.as_str()?, 0, u64::MAX as i128, "u64")
            .ok()
            .map(|v| v as u64)
    }

    /// A scalar read as a floating-point number.
    pub fn as_f64(&self) -> Option<f64> {
        scalar::parse_f64(self.as_str()?).ok()
    }

    /// The items of a list.
    pub fn as_list(&self) -> Option<&Vec<Value>> {
        match self {
            Value::List(items) => Some(items),
            _ => None,
        }
    }

    /// The items of a list, mutably.
    pub fn as_list_mut(&mut self) -> Option<&mut Vec<Value>> {
        match self {
            Value::List(items) => Some(items),
            _ => None,
        }
    }

    /// The members of an object.
    pub fn as_map(&self) -> Option<&Map> {
        match self {
            Value::Map(map) => Some(map),
            _ => None,
        }
    }

    /// The members of an object, mutably.
    pub fn as_map_mut(&mut self) -> Option<&mut Map> {
        match self {
            Value::Map(map) => Some(map),
            _ => None,
        }
    }

    /// A member of an object by exact name, or an item of a list by its index given as text.
    pub fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Map(map) => map.get(key),
            Value::List(items) => key.parse::<usize>().ok().and_then(|i| items.get(i)),
            _ => None,
        }
    }

    /// A member of an object, matching the name ignoring ASCII case as ServiceStack matches members.
    pub fn get_ignore_case(&self, key: &str) -> Option<&Value> {
        self.as_map()?
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(key))
            .map(|(_, v)| v)
    }
}

static NULL: Value = Value::Null;

impl std::ops::Index<&str> for Value {
    type Output = Value;

    /// The member `key` of an object, or [`Value::Null`] when there is none.
    fn index(&self, key: &str) -> &Value {
        self.as_map().and_then(|m| m.get(key)).unwrap_or(&NULL)
    }
}

impl std::ops::Index<usize> for Value {
    type Output = Value;

    /// The item `index` of a list, or [`Value::Null`] when there is none.
    fn index(&self, index: usize) -> &Value {
        self.as_list().and_then(|l| l.get(index)).unwrap_or(&NULL)
    }
}

impl fmt::Display for Value {
    /// The compact JSV text of the value.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = crate::to_string(self).map_err(|_| fmt::Error)?;
        f.write_str(&text)
    }
}

impl From<&str> for Value {
    fn from(text: &str) -> Self {
        Value::String(text.to_owned())
    }
}

impl From<String> for Value {
    fn from(text: String) -> Self {
        Value::String(text)
    }
}

impl From<bool> for Value {
    fn from(value: bool) -> Self {
        Value::String(if value { "True" } else { "False" }.to_owned())
    }
}

macro_rules! from_integer {
    ($($ty:ty)*) => {$(
        impl From<$ty> for Value {
            fn from(value: $ty) -> Self {
                Value::String(itoa::Buffer::new().format(value).to_owned())
            }
        }
    )*};
}
from_integer!(i8 i16 i32 i64 u8 u16 u32 u64);

impl From<f64> for Value {
    fn from(value: f64) -> Self {
        let mut out = String::new();
        crate::number::write_f64(&mut out, value);
        Value::String(out)
    }
}

impl<T: Into<Value>> From<Vec<T>> for Value {
    fn from(items: Vec<T>) -> Self {
        Value::List(items.into_iter().map(Into::into).collect())
    }
}

impl From<Map> for Value {
    fn from(map: Map) -> Self {
        Value::Map(map)
    }
}

impl<T: Into<Value>> From<Option<T>> for Value {
    fn from(value: Option<T>) -> Self {
        value.map_or(Value::Null, Into::into)
    }
}
