//! Conversions with chrono's types, serde adapters that give chrono's types ServiceStack's wire
//! text, and the machine's local zone.

use chrono::{FixedOffset, NaiveDateTime, Offset, TimeDelta, TimeZone, Utc};

use super::date_time::UNIX_EPOCH_TICKS;
use super::wire::adapter;
use super::{DateTime, DateTimeKind, DateTimeOffset, ScalarError, TICKS_PER_SECOND, TimeSpan};

/// The machine's local zone, as chrono finds it (the `TZ` variable, the system's zone database):
/// pass it to [`set_local_zone`](super::set_local_zone) to make local `DateTime`s what .NET would
/// write on this machine.
pub fn system_local_zone(utc_ticks: i64) -> TimeSpan {
    let seconds = utc_ticks.div_euclid(TICKS_PER_SECOND) - UNIX_EPOCH_TICKS / TICKS_PER_SECOND;
    let offset = chrono::DateTime::from_timestamp(seconds, 0).map_or(0, |at| {
        chrono::Local
            .offset_from_utc_datetime(&at.naive_utc())
            .fix()
            .local_minus_utc()
    });
    TimeSpan::from_seconds(i64::from(offset))
}

/// Ticks as a UTC chrono date-time.
fn from_ticks(ticks: i64) -> Result<chrono::DateTime<Utc>, ScalarError> {
    let since_epoch = ticks - UNIX_EPOCH_TICKS;
    chrono::DateTime::from_timestamp(
        since_epoch.div_euclid(TICKS_PER_SECOND),
        (since_epoch.rem_euclid(TICKS_PER_SECOND) * 100) as u32,
    )
    .ok_or_else(|| ScalarError::range("chrono::DateTime", format!("{ticks} ticks")))
}

/// A UTC chrono date-time as ticks: an error below a tick, for a leap second, or out of range.
fn to_ticks(at: chrono::DateTime<Utc>) -> Result<i64, ScalarError> {
    let nanos = at.timestamp_subsec_nanos();
    if !nanos.is_multiple_of(100) || nanos >= 1_000_000_000 {
        return Err(ScalarError::range(
            "DateTime",
            format!("{at} is not a whole number of 100 ns ticks"),
        ));
    }
    at.timestamp()
        .checked_mul(TICKS_PER_SECOND)
        .and_then(|t| t.checked_add(i64::from(nanos / 100) + UNIX_EPOCH_TICKS))
        .ok_or_else(|| ScalarError::range("DateTime", format!("{at}")))
}

impl TryFrom<DateTime> for NaiveDateTime {
    type Error = ScalarError;

    /// The clock, whatever the kind.
    fn try_from(value: DateTime) -> Result<Self, ScalarError> {
        from_ticks(value.ticks()).map(|at| at.naive_utc())
    }
}

impl TryFrom<NaiveDateTime> for DateTime {
    type Error = ScalarError;

    /// An unspecified clock; an error outside years 1 to 9999 or below a tick.
    fn try_from(value: NaiveDateTime) -> Result<Self, ScalarError> {
        DateTime::from_ticks(to_ticks(value.and_utc())?, DateTimeKind::Unspecified)
    }
}

impl TryFrom<DateTime> for chrono::DateTime<Utc> {
    type Error = ScalarError;

    /// The UTC instant: local and unspecified clocks are read in the local zone, as .NET's
    /// `ToUniversalTime`.
    fn try_from(value: DateTime) -> Result<Self, ScalarError> {
        from_ticks(value.to_utc()?.ticks())
    }
}

impl TryFrom<chrono::DateTime<Utc>> for DateTime {
    type Error = ScalarError;

    /// A UTC date-time; an error outside years 1 to 9999 or below a tick.
    fn try_from(value: chrono::DateTime<Utc>) -> Result<Self, ScalarError> {
        DateTime::from_ticks(to_ticks(value)?, DateTimeKind::Utc)
    }
}

impl TryFrom<DateTimeOffset> for chrono::DateTime<FixedOffset> {
    type Error = ScalarError;

    fn try_from(value: DateTimeOffset) -> Result<Self, ScalarError> {
        let offset = FixedOffset::east_opt((value.offset().ticks() / TICKS_PER_SECOND) as i32)
            .ok_or_else(|| ScalarError::range("FixedOffset", value.offset()))?;
        Ok(from_ticks(value.utc_ticks())?.with_timezone(&offset))
    }
}

impl TryFrom<chrono::DateTime<FixedOffset>> for DateTimeOffset {
    type Error = ScalarError;

    /// An error when the offset is not whole minutes within ±14:00, or below a tick, or out of range.
    fn try_from(value: chrono::DateTime<FixedOffset>) -> Result<Self, ScalarError> {
        let offset = TimeSpan::from_seconds(i64::from(value.offset().local_minus_utc()));
        let utc = to_ticks(value.with_timezone(&Utc))?;
        DateTimeOffset::from_ticks(utc + offset.ticks(), offset)
    }
}

impl From<TimeSpan> for TimeDelta {
    fn from(value: TimeSpan) -> Self {
        let ticks = value.ticks();
        TimeDelta::microseconds(ticks / 10) + TimeDelta::nanoseconds(ticks % 10 * 100)
    }
}

impl TryFrom<TimeDelta> for TimeSpan {
    type Error = ScalarError;

    /// An error below a tick or beyond ±29,227 years.
    fn try_from(value: TimeDelta) -> Result<Self, ScalarError> {
        let nanos =
            i128::from(value.num_seconds()) * 1_000_000_000 + i128::from(value.subsec_nanos());
        TimeSpan::from_nanos_exact(nanos, value)
    }
}

adapter! {
    /// `#[serde(with = "dto::types::chrono::date_time")]`: a `chrono::DateTime<Utc>` member with .NET
    /// `DateTime`'s wire text (read from any of its forms and converted to UTC).
    date_time: ::chrono::DateTime<::chrono::Utc> => crate::types::DateTime
}
adapter! {
    /// `#[serde(with = "dto::types::chrono::date_time_offset")]`: a `chrono::DateTime<FixedOffset>`
    /// member with .NET `DateTimeOffset`'s wire text.
    date_time_offset: ::chrono::DateTime<::chrono::FixedOffset> => crate::types::DateTimeOffset
}
adapter! {
    /// `#[serde(with = "dto::types::chrono::time_span")]`: a `chrono::TimeDelta` member with .NET
    /// `TimeSpan`'s wire text.
    time_span: ::chrono::TimeDelta => crate::types::TimeSpan
}
