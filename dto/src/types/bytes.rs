//! `Bytes`: .NET's `byte[]`, base64 on the wire.

use std::fmt;
use std::ops::{Deref, DerefMut};
use std::str::FromStr;

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use serde::de::{self, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::ScalarError;
use super::wire::{self, WireScalar};

/// .NET's `byte[]`: bytes written as standard base64 with padding (`AQID`, `+/8=`), unquoted in
/// JSV and a string in JSON. An empty array is written as nothing in JSV (`{V:}`) and `""` in JSON,
/// as ServiceStack writes it. Read from padded standard base64 (ServiceStack rejects unpadded and
/// URL-safe text, and so does this type), and in JSON also from an array of numbers (`[1,2,3]`).
///
/// ```
/// use dto::Bytes;
///
/// let data = Bytes::from(vec![0xfb, 0xff, 0x3f]);
/// assert_eq!(jsv::to_string(&data).unwrap(), "+/8/");
/// assert_eq!(serde_json::from_str::<Bytes>("[1,2,3]").unwrap().as_ref(), [1, 2, 3]);
/// assert!("AQ".parse::<Bytes>().is_err());
/// ```
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Bytes(pub Vec<u8>);

impl Bytes {
    /// The bytes.
    pub fn into_vec(self) -> Vec<u8> {
        self.0
    }
}

impl From<Vec<u8>> for Bytes {
    fn from(bytes: Vec<u8>) -> Self {
        Bytes(bytes)
    }
}

impl From<&[u8]> for Bytes {
    fn from(bytes: &[u8]) -> Self {
        Bytes(bytes.to_vec())
    }
}

impl From<Bytes> for Vec<u8> {
    fn from(bytes: Bytes) -> Self {
        bytes.0
    }
}

impl AsRef<[u8]> for Bytes {
    fn as_ref(&self) -> &[u8] {
        &self.0
    }
}

impl Deref for Bytes {
    type Target = Vec<u8>;

    fn deref(&self) -> &Vec<u8> {
        &self.0
    }
}

impl DerefMut for Bytes {
    fn deref_mut(&mut self) -> &mut Vec<u8> {
        &mut self.0
    }
}

impl fmt::Display for Bytes {
    /// The base64 text.
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(&STANDARD.encode(&self.0))
    }
}

impl FromStr for Bytes {
    type Err = ScalarError;

    fn from_str(text: &str) -> Result<Self, ScalarError> {
        STANDARD
            .decode(text)
            .map(Bytes)
            .map_err(|e| ScalarError::invalid("byte[]", text, format!("not base64: {e}")))
    }
}

impl WireScalar for Bytes {}

impl Serialize for Bytes {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        wire::serialize(self, serializer)
    }
}

impl<'de> Deserialize<'de> for Bytes {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        if deserializer.is_human_readable() {
            deserializer.deserialize_any(BytesVisitor)
        } else {
            deserializer.deserialize_str(BytesVisitor)
        }
    }
}

struct BytesVisitor;

impl<'de> Visitor<'de> for BytesVisitor {
    type Value = Bytes;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("base64 text or a list of bytes")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Bytes, E> {
        v.parse().map_err(E::custom)
    }

    fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<Bytes, E> {
        Ok(Bytes(v.to_vec()))
    }

    fn visit_byte_buf<E: de::Error>(self, v: Vec<u8>) -> Result<Bytes, E> {
        Ok(Bytes(v))
    }

    /// JSV's empty value.
    fn visit_unit<E: de::Error>(self) -> Result<Bytes, E> {
        Ok(Bytes::default())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Bytes, A::Error> {
        let mut bytes = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096));
        while let Some(byte) = seq.next_element::<u8>()? {
            bytes.push(byte);
        }
        Ok(Bytes(bytes))
    }
}
