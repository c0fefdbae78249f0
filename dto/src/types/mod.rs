//! .NET's scalar types with the exact text ServiceStack gives them: [`DateTime`],
//! [`DateTimeOffset`], [`TimeSpan`], [`Guid`], [`Decimal`] and [`Bytes`] (`byte[]`).
//!
//! Each one is written in JSV and JSON exactly as ServiceStack.Text writes it, unquoted in JSV even
//! where the text holds `:` (through [`jsv::RAW_SCALAR`], so `jsv` knows nothing of these types),
//! and read back from every form ServiceStack reads. Each has .NET's default (`0001-01-01`,
//! `PT0S`, the nil Guid, `0`), `Display` and `FromStr` in the JSV text, and constructors and
//! accessors in .NET's terms (ticks of 100 ns, kinds, offsets).
//!
//! ```
//! use dto::{DateTime, DateTimeKind, Decimal, Guid, TimeSpan};
//! use serde::{Deserialize, Serialize};
//!
//! #[derive(Serialize, Deserialize, Debug, PartialEq)]
//! #[serde(rename_all = "PascalCase")]
//! struct Call {
//!     id: Guid,
//!     started: DateTime,
//!     duration: TimeSpan,
//!     cost: Decimal,
//! }
//!
//! let text = "{Id:0d6a5b1e2f5c4a1b9c8e6f3b2a1d0e9f,Started:2012-06-21T13:14:15.678Z,\
//!             Duration:PT1H30M,Cost:3.30}";
//! let call: Call = jsv::from_str(text).unwrap();
//! assert_eq!(call.started.kind(), DateTimeKind::Utc);
//! assert_eq!(call.duration, TimeSpan::from_minutes(90));
//! assert_eq!(jsv::to_string(&call).unwrap(), text);
//! assert_eq!(
//!     serde_json::to_string(&call).unwrap(),
//!     r#"{"Id":"0d6a5b1e2f5c4a1b9c8e6f3b2a1d0e9f","Started":"/Date(1340284455678)/","Duration":"PT1H30M","Cost":3.30}"#,
//! );
//! ```
//!
//! # The local zone
//!
//! .NET writes a local or unspecified `DateTime` with the machine's current offset, and reads a
//! text with an offset as a local time. Rust's standard library cannot tell the machine's zone, so
//! the local zone is UTC (the zone of most servers, and the one ServiceStack's published examples
//! were produced in) until the program installs another with [`set_local_zone`]; with the `chrono`
//! feature, [`system_local_zone`] is the machine's zone. Only local and unspecified values depend
//! on it: UTC date-times, offsets, durations, Guids and decimals never do.
//!
//! # Features
//!
//! `chrono`, `time`, `uuid` and `rust_decimal` add conversions both ways with those crates' types:
//! `From` where no value can be lost, `TryFrom` with an error where one could (a range, a
//! nanosecond below a tick, a kind without a zone); never a silent change.

use std::sync::OnceLock;
use std::time::{SystemTime, UNIX_EPOCH};

mod bytes;
mod date_time;
mod decimal;
mod grammar;
mod guid;
mod offset;
mod time_span;
pub(crate) mod wire;

#[cfg(feature = "chrono")]
pub mod chrono;
#[cfg(feature = "time")]
pub mod time;

pub use self::bytes::Bytes;
pub use self::date_time::{DateTime, DateTimeKind};
pub use self::decimal::Decimal;
pub use self::guid::Guid;
pub use self::offset::DateTimeOffset;
pub use self::time_span::TimeSpan;

#[cfg(feature = "chrono")]
pub use self::chrono::system_local_zone;

/// Ticks (100 ns) in a millisecond.
pub const TICKS_PER_MILLISECOND: i64 = 10_000;
/// Ticks in a second.
pub const TICKS_PER_SECOND: i64 = 10_000_000;
/// Ticks in a minute.
pub const TICKS_PER_MINUTE: i64 = 600_000_000;
/// Ticks in an hour.
pub const TICKS_PER_HOUR: i64 = 36_000_000_000;
/// Ticks in a day.
pub const TICKS_PER_DAY: i64 = 864_000_000_000;

/// A value that is not one of a type's texts, or is out of its range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScalarError {
    message: String,
}

impl ScalarError {
    /// `text` is not a valid `type_name`.
    pub(crate) fn invalid(type_name: &str, text: &str, why: impl std::fmt::Display) -> Self {
        ScalarError {
            message: format!("invalid {type_name} `{text}`: {why}"),
        }
    }

    /// A value out of `type_name`'s range.
    pub(crate) fn range(type_name: &str, why: impl std::fmt::Display) -> Self {
        ScalarError {
            message: format!("{type_name} out of range: {why}"),
        }
    }

    /// The message, as `Display` shows it.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl std::fmt::Display for ScalarError {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ScalarError {}

/// The local time zone: the offset from UTC at a UTC instant given in ticks.
pub type LocalZone = fn(utc_ticks: i64) -> TimeSpan;

static LOCAL_ZONE: OnceLock<LocalZone> = OnceLock::new();

/// Installs the local time zone, once per process (a later call returns its argument as the error).
/// Until then the local zone is UTC; see the [module documentation](self#the-local-zone).
///
/// ```
/// // Program start: India Standard Time.
/// fn kolkata(_utc_ticks: i64) -> dto::TimeSpan {
///     dto::TimeSpan::from_minutes(330)
/// }
/// # if false {
/// dto::types::set_local_zone(kolkata).unwrap();
/// # }
/// ```
pub fn set_local_zone(zone: LocalZone) -> Result<(), LocalZone> {
    LOCAL_ZONE.set(zone)
}

/// The local zone's offset in ticks at a UTC instant (kept within ±14:00, as .NET's zones are).
pub(crate) fn local_offset_at_utc(utc_ticks: i64) -> i64 {
    const LIMIT: i64 = 14 * TICKS_PER_HOUR;
    LOCAL_ZONE
        .get()
        .map_or(0, |zone| zone(utc_ticks).ticks().clamp(-LIMIT, LIMIT))
}

/// The local zone's offset in ticks for a local clock (the offset of the instant it most likely
/// denotes; a clock skipped or repeated by a change of offset takes one of the two).
pub(crate) fn local_offset_at_clock(clock_ticks: i64) -> i64 {
    let guess = local_offset_at_utc(clock_ticks);
    local_offset_at_utc(clock_ticks - guess)
}

/// The current UTC instant in ticks.
fn now_utc_ticks() -> i64 {
    let since_epoch = match SystemTime::now().duration_since(UNIX_EPOCH) {
        Ok(after) => after.as_nanos() as i64 / 100,
        Err(before) => -(before.duration().as_nanos() as i64 / 100),
    };
    date_time::UNIX_EPOCH_TICKS + since_epoch
}
