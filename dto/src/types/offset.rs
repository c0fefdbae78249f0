//! `DateTimeOffset`: a clock and its offset from UTC.

use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::{Add, Sub};
use std::str::FromStr;

use serde::Serializer;

use super::date_time::{
    MAX_TICKS, UNIX_EPOCH_TICKS, check_offset, iso_clock_ticks, wcf_ticks, write_clock,
    write_offset,
};
use super::grammar::{self, DateText, Zone, parse_all};
use super::wire::{WireScalar, text_serde};
use super::{
    DateTime, DateTimeKind, ScalarError, TICKS_PER_MILLISECOND, TICKS_PER_MINUTE, TimeSpan,
    local_offset_at_clock, local_offset_at_utc,
};

/// .NET's `DateTimeOffset`: a clock (ticks since 0001-01-01T00:00:00) and its offset from UTC, whole
/// minutes within ±14:00.
///
/// Written as ServiceStack writes it. JSV (unquoted): the clock with seven fraction digits and the
/// offset, `2020-01-02T03:04:05.0000000+02:00`. JSON: `"/Date(ms±hhmm)/"` where, as ServiceStack
/// computes it, the milliseconds are the *clock* read as if it were UTC and the suffix is the offset
/// (none when it is zero): 03:04:05 at +02:00 is `"/Date(1577934245000+0200)/"`. Read from those
/// forms and from any ISO 8601 text (`Z` is +00:00; no zone, or a date alone, takes the local
/// zone's offset).
///
/// As in .NET, equality, order and hash compare the UTC instants: 03:00+02:00 equals 01:00Z.
///
/// ```
/// use dto::{DateTimeOffset, TimeSpan};
///
/// let at: DateTimeOffset = "2020-01-02T03:04:05+02:00".parse().unwrap();
/// assert_eq!(at.offset(), TimeSpan::from_hours(2));
/// assert_eq!(at.to_string(), "2020-01-02T03:04:05.0000000+02:00");
/// assert_eq!(serde_json::to_string(&at).unwrap(), r#""/Date(1577934245000+0200)/""#);
/// assert_eq!(at, "2020-01-02T01:04:05Z".parse().unwrap());
/// ```
#[derive(Clone, Copy, Default)]
pub struct DateTimeOffset {
    clock: i64,
    offset_minutes: i16,
}

impl DateTimeOffset {
    /// 0001-01-01T00:00:00+00:00.
    pub const MIN: DateTimeOffset = DateTimeOffset {
        clock: 0,
        offset_minutes: 0,
    };
    /// 9999-12-31T23:59:59.9999999+00:00.
    pub const MAX: DateTimeOffset = DateTimeOffset {
        clock: MAX_TICKS,
        offset_minutes: 0,
    };

    /// The clock `clock_ticks` at `offset`; an error when the offset is not whole minutes within
    /// ±14:00, or the clock or its UTC instant is outside 0001-01-01 to 9999-12-31.
    pub fn from_ticks(clock_ticks: i64, offset: TimeSpan) -> Result<Self, ScalarError> {
        let invalid = |why: String| ScalarError::range("DateTimeOffset", why);
        if offset.ticks() % TICKS_PER_MINUTE != 0 {
            return Err(invalid(format!("offset {offset} is not whole minutes")));
        }
        let minutes = offset.ticks() / TICKS_PER_MINUTE;
        check_offset(i32::try_from(minutes).unwrap_or(i32::MAX)).map_err(invalid)?;
        let in_range = |ticks: i64| (0..=MAX_TICKS).contains(&ticks);
        if !in_range(clock_ticks) || !in_range(clock_ticks - offset.ticks()) {
            return Err(invalid(format!(
                "{clock_ticks} ticks at {offset} is outside 0001-01-01 to 9999-12-31"
            )));
        }
        Ok(DateTimeOffset {
            clock: clock_ticks,
            offset_minutes: minutes as i16,
        })
    }

    /// A date-time with its offset: UTC values get +00:00, local and unspecified ones the local
    /// zone's offset (as .NET's conversion).
    pub fn from_date_time(date_time: DateTime) -> Result<Self, ScalarError> {
        let offset = match date_time.kind() {
            DateTimeKind::Utc => 0,
            _ => local_offset_at_clock(date_time.ticks()),
        };
        Self::from_ticks(date_time.ticks(), TimeSpan::from_ticks(offset))
    }

    /// The current time with the local zone's offset (.NET's `DateTimeOffset.Now`).
    pub fn now() -> Self {
        let utc = super::now_utc_ticks();
        let offset = TimeSpan::from_ticks(local_offset_at_utc(utc));
        Self::from_ticks(utc + offset.ticks(), offset).unwrap_or_else(|_| Self::utc_now())
    }

    /// The current time at +00:00 (.NET's `DateTimeOffset.UtcNow`).
    pub fn utc_now() -> Self {
        DateTimeOffset {
            clock: super::now_utc_ticks(),
            offset_minutes: 0,
        }
    }

    /// The clock's ticks.
    pub const fn ticks(self) -> i64 {
        self.clock
    }

    /// The offset from UTC.
    pub const fn offset(self) -> TimeSpan {
        TimeSpan::from_ticks(self.offset_minutes as i64 * TICKS_PER_MINUTE)
    }

    /// The UTC instant's ticks.
    pub const fn utc_ticks(self) -> i64 {
        self.clock - self.offset_minutes as i64 * TICKS_PER_MINUTE
    }

    /// The clock, unspecified (.NET's `DateTime` property).
    pub fn date_time(self) -> DateTime {
        DateTime::from_ticks(self.clock, DateTimeKind::Unspecified).unwrap_or(DateTime::MIN)
    }

    /// The UTC instant (.NET's `UtcDateTime`).
    pub fn utc_date_time(self) -> DateTime {
        DateTime::from_ticks(self.utc_ticks(), DateTimeKind::Utc).unwrap_or(DateTime::MIN)
    }

    /// The same instant at another offset; an error when the offset is invalid or the clock
    /// leaves the range.
    pub fn to_offset(self, offset: TimeSpan) -> Result<Self, ScalarError> {
        Self::from_ticks(self.utc_ticks() + offset.ticks(), offset)
    }

    /// `span` later at the same offset, or `None` outside the range.
    pub fn checked_add(self, span: TimeSpan) -> Option<Self> {
        Self::from_ticks(self.clock.checked_add(span.ticks())?, self.offset()).ok()
    }

    /// `span` earlier at the same offset, or `None` outside the range.
    pub fn checked_sub(self, span: TimeSpan) -> Option<Self> {
        Self::from_ticks(self.clock.checked_sub(span.ticks())?, self.offset()).ok()
    }

    /// A clock and an offset in minutes read from text, checked.
    fn read(text: &str, clock: i64, minutes: i32) -> Result<Self, ScalarError> {
        check_offset(minutes).map_err(|why| ScalarError::invalid("DateTimeOffset", text, why))?;
        Self::from_ticks(
            clock,
            TimeSpan::from_ticks(i64::from(minutes) * TICKS_PER_MINUTE),
        )
        .map_err(|e| ScalarError::invalid("DateTimeOffset", text, e.to_string()))
    }
}

impl PartialEq for DateTimeOffset {
    fn eq(&self, other: &Self) -> bool {
        self.utc_ticks() == other.utc_ticks()
    }
}

impl Eq for DateTimeOffset {}

impl PartialOrd for DateTimeOffset {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for DateTimeOffset {
    fn cmp(&self, other: &Self) -> Ordering {
        self.utc_ticks().cmp(&other.utc_ticks())
    }
}

impl Hash for DateTimeOffset {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.utc_ticks().hash(state);
    }
}

impl fmt::Display for DateTimeOffset {
    /// The JSV text (.NET's round-trip "o" format).
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write_clock(f, self.clock)?;
        write!(f, ".{:07}", self.clock % super::TICKS_PER_SECOND)?;
        write_offset(f, self.offset().ticks(), true)
    }
}

impl fmt::Debug for DateTimeOffset {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "DateTimeOffset({self})")
    }
}

impl FromStr for DateTimeOffset {
    type Err = ScalarError;

    fn from_str(text: &str) -> Result<Self, ScalarError> {
        let invalid = |why: String| ScalarError::invalid("DateTimeOffset", text, why);
        match parse_all("DateTimeOffset", text, grammar::date_text)? {
            DateText::Wcf(wcf) => {
                let clock = wcf_ticks(&wcf).map_err(invalid)?;
                Self::read(text, clock, wcf.offset.unwrap_or(0))
            }
            DateText::Iso(iso) => {
                let clock = iso_clock_ticks(&iso).map_err(invalid)?;
                let minutes = match iso.zone {
                    Some(Zone::Utc) => 0,
                    Some(Zone::Offset(minutes)) => minutes,
                    None => (local_offset_at_clock(clock) / TICKS_PER_MINUTE) as i32,
                };
                Self::read(text, clock, minutes)
            }
        }
    }
}

impl WireScalar for DateTimeOffset {
    fn serialize_human<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&Wcf(self))
    }
}
text_serde!(
    DateTimeOffset,
    "a DateTimeOffset (2020-01-02T03:04:05.0000000+02:00 or /Date(1577934245000+0200)/)"
);

/// A date-time offset's WCF text.
struct Wcf<'a>(&'a DateTimeOffset);

impl fmt::Display for Wcf<'_> {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        let value = self.0;
        let millis = (value.clock - UNIX_EPOCH_TICKS) / TICKS_PER_MILLISECOND;
        write!(f, "/Date({millis}")?;
        if value.offset_minutes != 0 {
            write_offset(f, value.offset().ticks(), false)?;
        }
        f.write_str(")/")
    }
}

impl Add<TimeSpan> for DateTimeOffset {
    type Output = DateTimeOffset;

    /// `span` later; panics outside the range (as .NET throws).
    fn add(self, span: TimeSpan) -> DateTimeOffset {
        self.checked_add(span).expect("DateTimeOffset out of range")
    }
}

impl Sub<TimeSpan> for DateTimeOffset {
    type Output = DateTimeOffset;

    /// `span` earlier; panics outside the range (as .NET throws).
    fn sub(self, span: TimeSpan) -> DateTimeOffset {
        self.checked_sub(span).expect("DateTimeOffset out of range")
    }
}

impl Sub for DateTimeOffset {
    type Output = TimeSpan;

    /// The time between the instants.
    fn sub(self, other: DateTimeOffset) -> TimeSpan {
        TimeSpan::from_ticks(self.utc_ticks() - other.utc_ticks())
    }
}
