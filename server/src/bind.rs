//! Binding a request DTO from its sources as ServiceStack does: the body (JSON or JSV), the
//! path variables, the query string and form fields, merged member by member with names matched
//! ignoring case, each query, path or form value read as JSV for its member's type.
//!
//! The members are collected first ([`Members`]), then the DTO is deserialized from them by
//! [`Binder`], a serde `Deserializer` whose member values are either a body member's JSV text
//! (read by `jsv`, so nested names also match ignoring case) or a query/path/form value read
//! type-directed by [`TextValue`] (a string member keeps the raw text; a list takes `a,b` or
//! `[a,b]`; a boolean `True`, `true` or `1`; an enum its name or number).

use std::cell::RefCell;

use serde::de::value::{StrDeserializer, U64Deserializer};
use serde::de::{self, DeserializeOwned, DeserializeSeed, IntoDeserializer, MapAccess, Visitor};

use dto::url::percent_decode;

use crate::format::Format;

/// Where a member's value came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Source {
    Body,
    Path,
    Query,
    Form,
}

/// One member's value.
#[derive(Debug, Clone)]
pub(crate) struct Member {
    /// The name as the request sent it.
    key: String,
    /// A body member: its JSV text. A path, query or form value: the decoded text.
    text: String,
    /// For query, path and form values: `[text]`, read when the member is a list.
    bracketed: String,
    source: Source,
}

/// A request's members, later sources replacing earlier ones member by member.
#[derive(Debug, Default, Clone)]
pub(crate) struct Members {
    members: Vec<Member>,
}

/// Why a request could not be bound.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct BindError {
    /// The member as the request named it, when one member is at fault.
    pub(crate) field: Option<String>,
    /// The offending value, for a query, path or form value.
    pub(crate) value: Option<String>,
    pub(crate) message: String,
}

impl Members {
    /// Sets member `key` from `source`, replacing what an earlier source gave. Repeated keys of
    /// one query string or form are joined with `,` (`tags=a&tags=b` is `a,b`).
    pub(crate) fn set(&mut self, key: &str, text: String, source: Source) {
        let existing = self
            .members
            .iter_mut()
            .find(|m| m.key.eq_ignore_ascii_case(key));
        match existing {
            Some(member) if member.source == source && source != Source::Body => {
                member.text.push(',');
                member.text.push_str(&text);
                member.bracketed = bracketed(&member.text, source);
            }
            Some(member) => {
                member.key = key.to_owned();
                member.bracketed = bracketed(&text, source);
                member.text = text;
                member.source = source;
            }
            None => self.members.push(Member {
                key: key.to_owned(),
                bracketed: bracketed(&text, source),
                text,
                source,
            }),
        }
    }

    /// Adds `key=value` pairs of a query string or form body (`+` is a space, `%XX` decoded).
    /// Empty values are left out: the member keeps its default, as in ServiceStack.
    pub(crate) fn add_pairs(&mut self, encoded: &str, source: Source) {
        for pair in encoded.split('&').filter(|p| !p.is_empty()) {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            let (key, value) = (percent_decode(key, true), percent_decode(value, true));
            if !key.is_empty() && !value.is_empty() {
                self.set(&key, value, source);
            }
        }
    }

    /// Adds the members of a JSON or JSV object body; anything else is an error.
    pub(crate) fn add_body(&mut self, format: Format, body: &[u8]) -> Result<(), BindError> {
        match format {
            Format::Json => {
                // Raw member texts: a number keeps its digits (`3.30` stays `3.30` for a decimal).
                let object: dto::IndexMap<String, &serde_json::value::RawValue> =
                    serde_json::from_slice(body).map_err(|e| BindError {
                        field: None,
                        value: None,
                        message: format!("the JSON body is not an object: {e}"),
                    })?;
                for (key, raw) in object {
                    let text = json_to_jsv(raw).map_err(|e| BindError {
                        field: Some(key.clone()),
                        value: None,
                        message: e.to_string(),
                    })?;
                    if let Some(text) = text {
                        self.set(&key, text, Source::Body);
                    }
                }
                Ok(())
            }
            Format::Jsv => {
                let value: jsv::Value = jsv::from_slice(body).map_err(|e| BindError {
                    field: None,
                    value: None,
                    message: format!("the JSV body does not parse: {e}"),
                })?;
                match value {
                    jsv::Value::Map(map) => {
                        self.add_object(map.iter().filter(|(_, v)| !v.is_null()))
                    }
                    jsv::Value::Null => Ok(()),
                    _ => Err(BindError {
                        field: None,
                        value: None,
                        message: "the JSV body is not an object".to_owned(),
                    }),
                }
            }
        }
    }

    fn add_object<'a, V: serde::Serialize + 'a>(
        &mut self,
        members: impl Iterator<Item = (&'a String, &'a V)>,
    ) -> Result<(), BindError> {
        for (key, value) in members {
            let text = jsv::to_string(value).map_err(|e| BindError {
                field: Some(key.clone()),
                value: None,
                message: e.to_string(),
            })?;
            self.set(key, text, Source::Body);
        }
        Ok(())
    }

    /// The DTO, or the member that did not bind.
    pub(crate) fn bind<T: DeserializeOwned>(&self) -> Result<T, BindError> {
        let failed = RefCell::new(None);
        let binder = Binder {
            members: &self.members,
            failed: &failed,
        };
        T::deserialize(binder).map_err(|error: jsv::Error| {
            failed.into_inner().unwrap_or_else(|| BindError {
                field: None,
                value: None,
                message: error.to_string(),
            })
        })
    }
}

/// A JSON value's JSV text, every number keeping its digits at any depth (a decimal's `3.30`);
/// `None` for `null` (JSV has no null: the member is absent).
fn json_to_jsv(raw: &serde_json::value::RawValue) -> Result<Option<String>, serde_json::Error> {
    use serde_json::value::RawValue;
    let text = raw.get();
    Ok(Some(match text.as_bytes().first() {
        Some(b'{') => {
            let members: dto::IndexMap<String, &RawValue> = serde_json::from_str(text)?;
            let mut out = String::from("{");
            for (key, value) in members {
                if let Some(value) = json_to_jsv(value)? {
                    if out.len() > 1 {
                        out.push(',');
                    }
                    out.push_str(&jsv::to_string(&key).unwrap_or_default());
                    out.push(':');
                    out.push_str(&value);
                }
            }
            out.push('}');
            out
        }
        Some(b'[') => {
            let items: Vec<&RawValue> = serde_json::from_str(text)?;
            let items = items
                .into_iter()
                .map(|item| Ok(json_to_jsv(item)?.unwrap_or_default()))
                .collect::<Result<Vec<_>, serde_json::Error>>()?;
            format!("[{}]", items.join(","))
        }
        Some(b'"') => jsv::to_string(&serde_json::from_str::<String>(text)?).unwrap_or_default(),
        Some(b't') => "True".to_owned(),
        Some(b'f') => "False".to_owned(),
        Some(b'n') => return Ok(None),
        _ => text.to_owned(),
    }))
}

/// A query, path or form value as a bracketed list (`a,b` read as `[a,b]` when the member is a
/// list); nothing for a body member, which is JSV already.
fn bracketed(text: &str, source: Source) -> String {
    if source == Source::Body {
        String::new()
    } else {
        format!("[{text}]")
    }
}

/// The DTO's deserializer over its [`Members`].
struct Binder<'a> {
    members: &'a [Member],
    failed: &'a RefCell<Option<BindError>>,
}

impl<'a> de::Deserializer<'a> for Binder<'a> {
    type Error = jsv::Error;

    fn deserialize_any<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        self.deserialize_map(visitor)
    }

    fn deserialize_map<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        visitor.visit_map(MembersAccess {
            members: self.members.iter(),
            fields: &[],
            current: None,
            failed: self.failed,
        })
    }

    fn deserialize_struct<V: Visitor<'a>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        visitor.visit_map(MembersAccess {
            members: self.members.iter(),
            fields,
            current: None,
            failed: self.failed,
        })
    }

    fn deserialize_newtype_struct<V: Visitor<'a>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        visitor.visit_newtype_struct(self)
    }

    serde::forward_to_deserialize_any! {
        <W: Visitor<'a>>
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf option unit unit_struct seq tuple
        tuple_struct enum identifier ignored_any
    }
}

struct MembersAccess<'a> {
    members: std::slice::Iter<'a, Member>,
    fields: &'static [&'static str],
    current: Option<&'a Member>,
    failed: &'a RefCell<Option<BindError>>,
}

/// The declared field a member name stands for: exact, then ignoring case, then also ignoring
/// `_` and `-`; the name itself when none matches (serde then skips it).
fn field_name<'a>(fields: &'static [&'static str], key: &'a str) -> &'a str {
    let loose = |a: &str, b: &str| {
        let strip = |s: &str| {
            s.chars()
                .filter(|c| *c != '_' && *c != '-')
                .flat_map(char::to_lowercase)
                .collect::<String>()
        };
        strip(a) == strip(b)
    };
    fields
        .iter()
        .find(|f| **f == key)
        .or_else(|| fields.iter().find(|f| f.eq_ignore_ascii_case(key)))
        .or_else(|| fields.iter().find(|f| loose(f, key)))
        .copied()
        .unwrap_or(key)
}

impl<'a> MapAccess<'a> for MembersAccess<'a> {
    type Error = jsv::Error;

    fn next_key_seed<K: DeserializeSeed<'a>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Self::Error> {
        let Some(member) = self.members.next() else {
            return Ok(None);
        };
        self.current = Some(member);
        let name = field_name(self.fields, &member.key);
        let key: StrDeserializer<'_, jsv::Error> = name.into_deserializer();
        seed.deserialize(key).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'a>>(
        &mut self,
        seed: V,
    ) -> Result<V::Value, Self::Error> {
        let member = self
            .current
            .take()
            .ok_or_else(|| de::Error::custom("a value without its member"))?;
        let result = if member.source == Source::Body {
            let mut de = jsv::Deserializer::from_str(&member.text);
            seed.deserialize(&mut de).and_then(|v| de.end().map(|()| v))
        } else {
            seed.deserialize(TextValue { member })
        };
        result.inspect_err(|error| {
            let failure = match member.source {
                Source::Body => BindError {
                    field: Some(member.key.clone()),
                    value: None,
                    message: format!(
                        "'{}' is an Invalid value for '{}': {}",
                        member.text,
                        member.key,
                        error.message()
                    ),
                },
                _ => BindError {
                    field: Some(member.key.clone()),
                    value: Some(member.text.clone()),
                    message: format!("'{}' is an Invalid value for '{}'", member.text, member.key),
                },
            };
            self.failed.borrow_mut().get_or_insert(failure);
        })
    }
}

/// A query, path or form value, read as JSV for the type serde asks for.
struct TextValue<'a> {
    member: &'a Member,
}

impl<'a> TextValue<'a> {
    fn text(&self) -> &'a str {
        &self.member.text
    }

    /// `f` on a JSV deserializer over `text`, which must be read whole.
    fn jsv<T>(
        text: &'a str,
        f: impl FnOnce(&mut jsv::Deserializer<'a>) -> Result<T, jsv::Error>,
    ) -> Result<T, jsv::Error> {
        let mut de = jsv::Deserializer::from_str(text);
        let value = f(&mut de)?;
        de.end()?;
        Ok(value)
    }
}

macro_rules! number {
    ($($method:ident)*) => {$(
        fn $method<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Self::Error> {
            // `+5` arrives as ` 5` (`+` is a space in a query): trimmed, as ServiceStack does.
            TextValue::jsv(self.text().trim(), |de| de::Deserializer::$method(de, visitor))
        }
    )*};
}

impl<'a> de::Deserializer<'a> for TextValue<'a> {
    type Error = jsv::Error;

    fn deserialize_any<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        TextValue::jsv(self.text(), |de| {
            de::Deserializer::deserialize_any(de, visitor)
        })
    }

    fn deserialize_bool<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        let text = self.text().trim();
        if text.eq_ignore_ascii_case("true") || text == "1" {
            visitor.visit_bool(true)
        } else if text.eq_ignore_ascii_case("false") || text == "0" {
            visitor.visit_bool(false)
        } else {
            Err(de::Error::invalid_value(
                de::Unexpected::Str(text),
                &"a boolean",
            ))
        }
    }

    number! {
        deserialize_i8 deserialize_i16 deserialize_i32 deserialize_i64 deserialize_i128
        deserialize_u8 deserialize_u16 deserialize_u32 deserialize_u64 deserialize_u128
        deserialize_f32 deserialize_f64
    }

    fn deserialize_char<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        let mut chars = self.text().chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) => visitor.visit_char(c),
            _ => Err(de::Error::invalid_value(
                de::Unexpected::Str(self.text()),
                &"one character",
            )),
        }
    }

    /// A string member keeps the text as sent (ServiceStack does not JSV-unquote it).
    fn deserialize_str<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        visitor.visit_borrowed_str(self.text())
    }

    fn deserialize_string<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        visitor.visit_borrowed_str(self.text())
    }

    fn deserialize_bytes<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        TextValue::jsv(self.text(), |de| {
            de::Deserializer::deserialize_bytes(de, visitor)
        })
    }

    fn deserialize_byte_buf<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        TextValue::jsv(self.text(), |de| {
            de::Deserializer::deserialize_byte_buf(de, visitor)
        })
    }

    fn deserialize_option<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        if self.text().is_empty() {
            visitor.visit_none()
        } else {
            visitor.visit_some(self)
        }
    }

    fn deserialize_unit<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        visitor.visit_unit()
    }

    fn deserialize_unit_struct<V: Visitor<'a>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        visitor.visit_unit()
    }

    fn deserialize_newtype_struct<V: Visitor<'a>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        visitor.visit_newtype_struct(self)
    }

    /// `a,b,c` or `[a,b,c]`, JSV quoting inside.
    fn deserialize_seq<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        let text = if self.text().trim_start().starts_with('[') {
            self.text()
        } else {
            &self.member.bracketed
        };
        TextValue::jsv(text, |de| de::Deserializer::deserialize_seq(de, visitor))
    }

    fn deserialize_tuple<V: Visitor<'a>>(
        self,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'a>>(
        self,
        _name: &'static str,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_map<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        TextValue::jsv(self.text(), |de| {
            de::Deserializer::deserialize_map(de, visitor)
        })
    }

    fn deserialize_struct<V: Visitor<'a>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        TextValue::jsv(self.text(), |de| {
            de::Deserializer::deserialize_struct(de, name, fields, visitor)
        })
    }

    /// An enum by name (any case) or by number (`color=2`).
    fn deserialize_enum<V: Visitor<'a>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        if let Ok(index) = self.text().trim().parse::<u64>() {
            return visitor.visit_enum(VariantIndex(index));
        }
        TextValue::jsv(self.text().trim(), |de| {
            de::Deserializer::deserialize_enum(de, name, variants, visitor)
        })
    }

    fn deserialize_identifier<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        visitor.visit_borrowed_str(self.text())
    }

    fn deserialize_ignored_any<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        visitor.visit_unit()
    }
}

/// A unit variant chosen by its index.
struct VariantIndex(u64);

impl<'a> de::EnumAccess<'a> for VariantIndex {
    type Error = jsv::Error;
    type Variant = Self;

    fn variant_seed<V: DeserializeSeed<'a>>(
        self,
        seed: V,
    ) -> Result<(V::Value, Self), Self::Error> {
        let index: U64Deserializer<jsv::Error> = self.0.into_deserializer();
        Ok((seed.deserialize(index)?, self))
    }
}

impl<'a> de::VariantAccess<'a> for VariantIndex {
    type Error = jsv::Error;

    fn unit_variant(self) -> Result<(), Self::Error> {
        Ok(())
    }

    fn newtype_variant_seed<T: DeserializeSeed<'a>>(
        self,
        _seed: T,
    ) -> Result<T::Value, Self::Error> {
        Err(de::Error::custom(
            "a variant number names a unit variant only",
        ))
    }

    fn tuple_variant<V: Visitor<'a>>(
        self,
        _len: usize,
        _visitor: V,
    ) -> Result<V::Value, Self::Error> {
        Err(de::Error::custom(
            "a variant number names a unit variant only",
        ))
    }

    fn struct_variant<V: Visitor<'a>>(
        self,
        _fields: &'static [&'static str],
        _visitor: V,
    ) -> Result<V::Value, Self::Error> {
        Err(de::Error::custom(
            "a variant number names a unit variant only",
        ))
    }
}
