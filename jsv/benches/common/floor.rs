//! The cost floor of any serde text format: a deserializer over an already-parsed tree
//! ([`jsv::Value`]), so that reading costs nothing but serde's visitors, field matching and the
//! allocations of the target type.
//!
//! The benchmarks time it beside jsv and serde_json on the same records: whatever a format spends
//! above this line is its parsing; the line itself is shared by every serde format and no parser
//! can go below it.

use jsv::Value;
use serde::de::{self, DeserializeSeed, Visitor};
use serde::forward_to_deserialize_any;

/// Error type of the floor deserializer (only a type mismatch in a broken benchmark can raise it).
#[derive(Debug)]
pub struct FloorError(String);

impl std::fmt::Display for FloorError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for FloorError {}

impl de::Error for FloorError {
    fn custom<T: std::fmt::Display>(msg: T) -> Self {
        FloorError(msg.to_string())
    }
}

/// Reads a `T` out of a parsed tree, borrowing its strings.
pub fn from_tree<'de, T: de::Deserialize<'de>>(tree: &'de Value) -> Result<T, FloorError> {
    T::deserialize(Floor(tree))
}

/// A deserializer over one node of the tree.
#[derive(Clone, Copy)]
pub struct Floor<'de>(pub &'de Value);

impl<'de> Floor<'de> {
    fn text(self) -> Result<&'de str, FloorError> {
        match self.0 {
            Value::String(s) => Ok(s),
            Value::Null => Ok(""),
            _ => Err(de::Error::custom("expected a scalar")),
        }
    }

    fn number<T: std::str::FromStr>(self) -> Result<T, FloorError> {
        self.text()?
            .parse()
            .map_err(|_| de::Error::custom("expected a number"))
    }
}

macro_rules! floor_numbers {
    ($($method:ident => $visit:ident($ty:ty);)*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, FloorError> {
            visitor.$visit(self.number::<$ty>()?)
        }
    )*};
}

impl<'de> de::Deserializer<'de> for Floor<'de> {
    type Error = FloorError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, FloorError> {
        match self.0 {
            Value::Null => visitor.visit_unit(),
            Value::String(s) => visitor.visit_borrowed_str(s),
            Value::List(items) => visitor.visit_seq(Items(items.iter())),
            Value::Map(map) => visitor.visit_map(Entries {
                entries: map.iter(),
                value: None,
            }),
        }
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, FloorError> {
        visitor.visit_bool(self.text()? == "True")
    }

    floor_numbers! {
        deserialize_i8 => visit_i8(i8);
        deserialize_i16 => visit_i16(i16);
        deserialize_i32 => visit_i32(i32);
        deserialize_i64 => visit_i64(i64);
        deserialize_u8 => visit_u8(u8);
        deserialize_u16 => visit_u16(u16);
        deserialize_u32 => visit_u32(u32);
        deserialize_u64 => visit_u64(u64);
        deserialize_f32 => visit_f32(f32);
        deserialize_f64 => visit_f64(f64);
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, FloorError> {
        match self.0 {
            Value::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, FloorError> {
        visitor.visit_enum(de::value::BorrowedStrDeserializer::<FloorError>::new(
            self.text()?,
        ))
    }

    forward_to_deserialize_any! {
        i128 u128 char str string bytes byte_buf unit unit_struct newtype_struct seq tuple
        tuple_struct map struct identifier ignored_any
    }
}

struct Items<'de>(std::slice::Iter<'de, Value>);

impl<'de> de::SeqAccess<'de> for Items<'de> {
    type Error = FloorError;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, FloorError> {
        self.0
            .next()
            .map(|item| seed.deserialize(Floor(item)))
            .transpose()
    }
}

struct Entries<'de, I> {
    entries: I,
    value: Option<&'de Value>,
}

impl<'de, I: Iterator<Item = (&'de String, &'de Value)>> de::MapAccess<'de> for Entries<'de, I> {
    type Error = FloorError;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, FloorError> {
        match self.entries.next() {
            Some((key, value)) => {
                self.value = Some(value);
                seed.deserialize(de::value::BorrowedStrDeserializer::<FloorError>::new(key))
                    .map(Some)
            }
            None => Ok(None),
        }
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(
        &mut self,
        seed: V,
    ) -> Result<V::Value, FloorError> {
        let value = self
            .value
            .take()
            .ok_or_else(|| de::Error::custom("value before key"))?;
        seed.deserialize(Floor(value))
    }
}
