//! `Guid`: 16 bytes, written as 32 lower-case hex digits.

use std::fmt;
use std::str::FromStr;

use super::ScalarError;
use super::grammar::{self, parse_all};
use super::wire::{WireScalar, text_serde};

/// .NET's `Guid`, its 16 bytes in the order its text shows them.
///
/// Written as ServiceStack writes it, 32 lower-case hex digits without dashes (.NET's "N" form,
/// unquoted in JSV, a string in JSON). Read from the N, D (`8-4-4-4-12`), B (`{D}`) and P (`(D)`)
/// forms in any case; in JSV a B-form Guid is one scalar, not an object. Ordered as .NET orders
/// Guids, which is the order of their text.
///
/// ```
/// use dto::Guid;
///
/// let id: Guid = "{0D6A5B1E-2F5C-4A1B-9C8E-6F3B2A1D0E9F}".parse().unwrap();
/// assert_eq!(id.to_string(), "0d6a5b1e2f5c4a1b9c8e6f3b2a1d0e9f");
/// assert_eq!(id.hyphenated(), "0d6a5b1e-2f5c-4a1b-9c8e-6f3b2a1d0e9f");
/// assert_eq!(jsv::from_str::<Guid>("{0d6a5b1e-2f5c-4a1b-9c8e-6f3b2a1d0e9f}").unwrap(), id);
/// assert!(Guid::default().is_nil());
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Guid {
    bytes: [u8; 16],
}

impl Guid {
    /// The nil Guid, all zeros (.NET's `Guid.Empty`).
    pub const NIL: Guid = Guid { bytes: [0; 16] };

    /// The Guid whose text shows these bytes in this order.
    pub const fn from_bytes(bytes: [u8; 16]) -> Self {
        Guid { bytes }
    }

    /// The bytes in the order the text shows them (not .NET's `ToByteArray` order, which swaps the
    /// first three groups).
    pub const fn as_bytes(&self) -> &[u8; 16] {
        &self.bytes
    }

    /// The Guid whose 32 hex digits are this number's.
    pub const fn from_u128(value: u128) -> Self {
        Guid {
            bytes: value.to_be_bytes(),
        }
    }

    /// The 32 hex digits as a number.
    pub const fn as_u128(&self) -> u128 {
        u128::from_be_bytes(self.bytes)
    }

    /// True for the nil Guid.
    pub const fn is_nil(&self) -> bool {
        self.as_u128() == 0
    }

    /// The "D" form, `0d6a5b1e-2f5c-4a1b-9c8e-6f3b2a1d0e9f`.
    pub fn hyphenated(&self) -> String {
        let n = self.to_string();
        format!(
            "{}-{}-{}-{}-{}",
            &n[..8],
            &n[8..12],
            &n[12..16],
            &n[16..20],
            &n[20..]
        )
    }
}

impl fmt::Display for Guid {
    /// The "N" form.
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "{:032x}", self.as_u128())
    }
}

impl fmt::Debug for Guid {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "Guid({self})")
    }
}

impl FromStr for Guid {
    type Err = ScalarError;

    fn from_str(text: &str) -> Result<Self, ScalarError> {
        let groups = parse_all("Guid", text, grammar::guid)?;
        let value = groups.iter().fold(0u128, |acc, group| {
            // The grammar took hex digits only, 32 in all.
            let digits = u128::from_str_radix(group, 16).unwrap_or(0);
            (acc << (4 * group.len())) | digits
        });
        Ok(Guid::from_u128(value))
    }
}

impl WireScalar for Guid {}
text_serde!(Guid, "a Guid (32 hex digits, or the 8-4-4-4-12 form)");

impl From<[u8; 16]> for Guid {
    fn from(bytes: [u8; 16]) -> Self {
        Guid::from_bytes(bytes)
    }
}

impl From<Guid> for [u8; 16] {
    fn from(guid: Guid) -> Self {
        guid.bytes
    }
}

#[cfg(feature = "uuid")]
impl From<uuid::Uuid> for Guid {
    /// The same 16 bytes: a Uuid's text and a Guid's name the same value.
    fn from(uuid: uuid::Uuid) -> Self {
        Guid::from_bytes(*uuid.as_bytes())
    }
}

#[cfg(feature = "uuid")]
impl From<Guid> for uuid::Uuid {
    fn from(guid: Guid) -> Self {
        uuid::Uuid::from_bytes(guid.bytes)
    }
}
