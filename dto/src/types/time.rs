//! Conversions with the time crate's types, and serde adapters that give them ServiceStack's wire
//! text.

use time::{Duration, OffsetDateTime, PrimitiveDateTime, UtcOffset};

use super::date_time::UNIX_EPOCH_TICKS;
use super::wire::adapter;
use super::{DateTime, DateTimeKind, DateTimeOffset, ScalarError, TICKS_PER_SECOND, TimeSpan};

/// Ticks as a UTC date-time.
fn from_ticks(ticks: i64) -> Result<OffsetDateTime, ScalarError> {
    OffsetDateTime::from_unix_timestamp_nanos(i128::from(ticks - UNIX_EPOCH_TICKS) * 100)
        .map_err(|e| ScalarError::range("OffsetDateTime", e))
}

/// A date-time's instant as ticks: an error below a tick or out of range.
fn to_ticks(at: OffsetDateTime) -> Result<i64, ScalarError> {
    let nanos = at.unix_timestamp_nanos();
    if nanos % 100 != 0 {
        return Err(ScalarError::range(
            "DateTime",
            format!("{at} is not a whole number of 100 ns ticks"),
        ));
    }
    i64::try_from(nanos / 100 + i128::from(UNIX_EPOCH_TICKS))
        .map_err(|_| ScalarError::range("DateTime", format!("{at}")))
}

impl TryFrom<DateTime> for PrimitiveDateTime {
    type Error = ScalarError;

    /// The clock, whatever the kind.
    fn try_from(value: DateTime) -> Result<Self, ScalarError> {
        let at = from_ticks(value.ticks())?;
        Ok(PrimitiveDateTime::new(at.date(), at.time()))
    }
}

impl TryFrom<PrimitiveDateTime> for DateTime {
    type Error = ScalarError;

    /// An unspecified clock; an error outside years 1 to 9999 or below a tick.
    fn try_from(value: PrimitiveDateTime) -> Result<Self, ScalarError> {
        DateTime::from_ticks(to_ticks(value.assume_utc())?, DateTimeKind::Unspecified)
    }
}

impl TryFrom<DateTime> for OffsetDateTime {
    type Error = ScalarError;

    /// The UTC instant at offset zero: local and unspecified clocks are read in the local zone, as
    /// .NET's `ToUniversalTime`.
    fn try_from(value: DateTime) -> Result<Self, ScalarError> {
        from_ticks(value.to_utc()?.ticks())
    }
}

impl TryFrom<OffsetDateTime> for DateTime {
    type Error = ScalarError;

    /// The UTC instant, kind UTC; an error outside years 1 to 9999 or below a tick.
    fn try_from(value: OffsetDateTime) -> Result<Self, ScalarError> {
        DateTime::from_ticks(to_ticks(value)?, DateTimeKind::Utc)
    }
}

impl TryFrom<DateTimeOffset> for OffsetDateTime {
    type Error = ScalarError;

    fn try_from(value: DateTimeOffset) -> Result<Self, ScalarError> {
        let seconds = (value.offset().ticks() / TICKS_PER_SECOND) as i32;
        let offset = UtcOffset::from_whole_seconds(seconds)
            .map_err(|e| ScalarError::range("UtcOffset", e))?;
        from_ticks(value.utc_ticks())?
            .checked_to_offset(offset)
            .ok_or_else(|| ScalarError::range("OffsetDateTime", value))
    }
}

impl TryFrom<OffsetDateTime> for DateTimeOffset {
    type Error = ScalarError;

    /// An error when the offset is not whole minutes within ±14:00, or below a tick, or out of range.
    fn try_from(value: OffsetDateTime) -> Result<Self, ScalarError> {
        let offset = TimeSpan::from_seconds(i64::from(value.offset().whole_seconds()));
        DateTimeOffset::from_ticks(to_ticks(value)? + offset.ticks(), offset)
    }
}

impl TryFrom<TimeSpan> for Duration {
    type Error = ScalarError;

    fn try_from(value: TimeSpan) -> Result<Self, ScalarError> {
        let ticks = value.ticks();
        Ok(Duration::new(
            ticks / TICKS_PER_SECOND,
            (ticks % TICKS_PER_SECOND * 100) as i32,
        ))
    }
}

impl TryFrom<Duration> for TimeSpan {
    type Error = ScalarError;

    /// An error below a tick or beyond ±29,227 years.
    fn try_from(value: Duration) -> Result<Self, ScalarError> {
        TimeSpan::from_nanos_exact(value.whole_nanoseconds(), value)
    }
}

adapter! {
    /// `#[serde(with = "dto::types::time::date_time")]`: an `OffsetDateTime` member with .NET
    /// `DateTime`'s wire text (written as UTC; read from any of its forms and converted to UTC).
    date_time: ::time::OffsetDateTime => crate::types::DateTime
}
adapter! {
    /// `#[serde(with = "dto::types::time::date_time_offset")]`: an `OffsetDateTime` member with .NET
    /// `DateTimeOffset`'s wire text (its offset kept).
    date_time_offset: ::time::OffsetDateTime => crate::types::DateTimeOffset
}
adapter! {
    /// `#[serde(with = "dto::types::time::time_span")]`: a `time::Duration` member with .NET
    /// `TimeSpan`'s wire text.
    time_span: ::time::Duration => crate::types::TimeSpan
}
