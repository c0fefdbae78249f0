//! `DateTime`: ticks and a kind, written as ServiceStack writes them; and the calendar arithmetic
//! `DateTimeOffset` shares.

use std::cmp::Ordering;
use std::fmt::{self, Write as _};
use std::hash::{Hash, Hasher};
use std::ops::{Add, Sub};
use std::str::FromStr;

use serde::Serializer;

use super::grammar::{self, DateText, IsoDate, WcfDate, Zone, parse_all};
use super::wire::{WireScalar, text_serde};
use super::{
    ScalarError, TICKS_PER_DAY, TICKS_PER_HOUR, TICKS_PER_MILLISECOND, TICKS_PER_MINUTE,
    TICKS_PER_SECOND, TimeSpan, local_offset_at_clock, local_offset_at_utc,
};

/// The ticks of 9999-12-31T23:59:59.9999999, .NET's largest `DateTime`.
pub(crate) const MAX_TICKS: i64 = 3_155_378_975_999_999_999;
/// The ticks of 1970-01-01T00:00:00.
pub(crate) const UNIX_EPOCH_TICKS: i64 = 621_355_968_000_000_000;
/// Days from 0001-01-01 to 1970-01-01.
const UNIX_EPOCH_DAYS: i64 = 719_162;

/// What a [`DateTime`]'s clock is relative to, as .NET's `DateTimeKind`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum DateTimeKind {
    /// No zone: a clock reading. .NET's default, and what a text without zone reads as.
    #[default]
    Unspecified,
    /// Coordinated Universal Time: written with `Z`.
    Utc,
    /// The machine's local zone (see [`set_local_zone`](super::set_local_zone)): written with the
    /// zone's offset.
    Local,
}

/// .NET's `DateTime`: ticks of 100 ns since 0001-01-01T00:00:00 (up to 9999-12-31T23:59:59.9999999)
/// and a [`DateTimeKind`].
///
/// Written as ServiceStack writes it. JSV (unquoted): `2012-06-21` when the time of day is zero;
/// UTC `2012-06-21T13:14:15.678Z` (fraction trimmed); local and unspecified
/// `2012-06-21T13:14:15.6780000+00:00` (all seven fraction digits when there is a fraction, then
/// the local zone's offset). JSON: a WCF date, `"/Date(1340284455678)/"` for UTC, with the local
/// offset (`+0000`) for local and `-0000` for unspecified values; milliseconds are computed in
/// floating point exactly as .NET does, and sub-millisecond ticks are lost. ServiceStack escapes
/// the slashes (`"\/Date(..)\/"`); serde_json does not, and both read the same everywhere.
///
/// Read from ISO 8601 (a date; `T` or a space before `HH:mm`, seconds and one to seven fraction
/// digits optional; `Z`, an offset or nothing) and from WCF dates (`/Date(ms)/`,
/// `\/Date(ms+0200)\/`), in JSV and JSON alike. `Z` reads as UTC; an offset as that instant in the
/// local zone (kind Local); no zone as an unspecified clock; a date alone as local midnight; a WCF
/// date without suffix as UTC, with `-0000` as unspecified, with any other suffix as local.
/// ServiceStack reads `…Z` as a local clock rounded to milliseconds; this type keeps the UTC value
/// and every tick, so what ServiceStack wrote reads back and is written again byte for byte.
///
/// As in .NET, equality, order and hash compare the ticks only, not the kind.
///
/// ```
/// use dto::{DateTime, DateTimeKind, TimeSpan};
///
/// let utc = DateTime::new(2012, 6, 21, 13, 14, 15, DateTimeKind::Utc).unwrap()
///     + TimeSpan::from_millis(678);
/// assert_eq!(utc.to_string(), "2012-06-21T13:14:15.678Z");
/// assert_eq!(jsv::to_string(&utc).unwrap(), "2012-06-21T13:14:15.678Z");
/// assert_eq!(serde_json::to_string(&utc).unwrap(), r#""/Date(1340284455678)/""#);
///
/// let read: DateTime = "\\/Date(1340284455678)\\/".parse().unwrap();
/// assert_eq!((read, read.kind()), (utc, DateTimeKind::Utc));
/// assert_eq!(DateTime::default().to_string(), "0001-01-01");
/// ```
#[derive(Clone, Copy, Default)]
pub struct DateTime {
    ticks: i64,
    kind: DateTimeKind,
}

impl DateTime {
    /// 0001-01-01T00:00:00, unspecified: .NET's `DateTime.MinValue` and `default(DateTime)`.
    pub const MIN: DateTime = DateTime {
        ticks: 0,
        kind: DateTimeKind::Unspecified,
    };
    /// 9999-12-31T23:59:59.9999999, unspecified: .NET's `DateTime.MaxValue`.
    pub const MAX: DateTime = DateTime {
        ticks: MAX_TICKS,
        kind: DateTimeKind::Unspecified,
    };

    /// The date-time `ticks` 100-ns ticks after 0001-01-01T00:00:00; an error outside
    /// `0..=3155378975999999999`.
    pub fn from_ticks(ticks: i64, kind: DateTimeKind) -> Result<Self, ScalarError> {
        if (0..=MAX_TICKS).contains(&ticks) {
            Ok(DateTime { ticks, kind })
        } else {
            Err(ScalarError::range(
                "DateTime",
                format!("{ticks} ticks is outside 0001-01-01 to 9999-12-31"),
            ))
        }
    }

    /// The date-time from its calendar parts (proleptic Gregorian); an error for a part out of range.
    pub fn new(
        year: u32,
        month: u32,
        day: u32,
        hour: u32,
        minute: u32,
        second: u32,
        kind: DateTimeKind,
    ) -> Result<Self, ScalarError> {
        let ticks = ticks_from_parts(year, month, day, hour, minute, second)
            .map_err(|why| ScalarError::range("DateTime", why))?;
        Ok(DateTime { ticks, kind })
    }

    /// Midnight of a date; an error for a part out of range.
    pub fn from_date(
        year: u32,
        month: u32,
        day: u32,
        kind: DateTimeKind,
    ) -> Result<Self, ScalarError> {
        Self::new(year, month, day, 0, 0, 0, kind)
    }

    /// The current time in UTC (.NET's `DateTime.UtcNow`).
    pub fn utc_now() -> Self {
        DateTime {
            ticks: super::now_utc_ticks(),
            kind: DateTimeKind::Utc,
        }
    }

    /// The current time in the local zone (.NET's `DateTime.Now`).
    pub fn now() -> Self {
        let utc = super::now_utc_ticks();
        DateTime {
            ticks: (utc + local_offset_at_utc(utc)).clamp(0, MAX_TICKS),
            kind: DateTimeKind::Local,
        }
    }

    /// The ticks since 0001-01-01T00:00:00 of this clock.
    pub const fn ticks(self) -> i64 {
        self.ticks
    }

    /// The kind.
    pub const fn kind(self) -> DateTimeKind {
        self.kind
    }

    /// The same clock with another kind (.NET's `DateTime.SpecifyKind`).
    pub const fn with_kind(self, kind: DateTimeKind) -> Self {
        DateTime {
            ticks: self.ticks,
            kind,
        }
    }

    /// The year, 1..=9999.
    pub fn year(self) -> u32 {
        civil(self.ticks).0
    }

    /// The month, 1..=12.
    pub fn month(self) -> u32 {
        civil(self.ticks).1
    }

    /// The day of the month, 1..=31.
    pub fn day(self) -> u32 {
        civil(self.ticks).2
    }

    /// The hour, 0..=23.
    pub const fn hour(self) -> u32 {
        (self.ticks % TICKS_PER_DAY / TICKS_PER_HOUR) as u32
    }

    /// The minute, 0..=59.
    pub const fn minute(self) -> u32 {
        (self.ticks % TICKS_PER_HOUR / TICKS_PER_MINUTE) as u32
    }

    /// The second, 0..=59.
    pub const fn second(self) -> u32 {
        (self.ticks % TICKS_PER_MINUTE / TICKS_PER_SECOND) as u32
    }

    /// The millisecond, 0..=999.
    pub const fn millisecond(self) -> u32 {
        (self.ticks % TICKS_PER_SECOND / TICKS_PER_MILLISECOND) as u32
    }

    /// The ticks within the second, 0..=9,999,999.
    pub const fn fraction_ticks(self) -> u32 {
        (self.ticks % TICKS_PER_SECOND) as u32
    }

    /// The time since midnight.
    pub const fn time_of_day(self) -> TimeSpan {
        TimeSpan::from_ticks(self.ticks % TICKS_PER_DAY)
    }

    /// Midnight of the same day, same kind.
    pub const fn date(self) -> Self {
        DateTime {
            ticks: self.ticks - self.ticks % TICKS_PER_DAY,
            kind: self.kind,
        }
    }

    /// The same instant in UTC: local and unspecified clocks are read in the local zone (as .NET's
    /// `ToUniversalTime`). An error when the result is out of range.
    pub fn to_utc(self) -> Result<Self, ScalarError> {
        Self::from_ticks(self.utc_ticks(), DateTimeKind::Utc)
    }

    /// The same instant in the local zone: UTC and unspecified clocks are read as UTC (as .NET's
    /// `ToLocalTime`). An error when the result is out of range.
    pub fn to_local(self) -> Result<Self, ScalarError> {
        match self.kind {
            DateTimeKind::Local => Ok(self),
            _ => Self::from_ticks(
                self.ticks + local_offset_at_utc(self.ticks),
                DateTimeKind::Local,
            ),
        }
    }

    /// The date-time `span` later, or `None` outside the range.
    pub fn checked_add(self, span: TimeSpan) -> Option<Self> {
        let ticks = self.ticks.checked_add(span.ticks())?;
        Self::from_ticks(ticks, self.kind).ok()
    }

    /// The date-time `span` earlier, or `None` outside the range.
    pub fn checked_sub(self, span: TimeSpan) -> Option<Self> {
        let ticks = self.ticks.checked_sub(span.ticks())?;
        Self::from_ticks(ticks, self.kind).ok()
    }

    /// The UTC instant's ticks (may lie outside the range near its ends).
    fn utc_ticks(self) -> i64 {
        match self.kind {
            DateTimeKind::Utc => self.ticks,
            _ => self.ticks - local_offset_at_clock(self.ticks),
        }
    }

    /// The value as ServiceStack writes it in JSON, without the string's quotes: `/Date(ms[±hhmm])/`.
    fn write_wcf(self, out: &mut impl fmt::Write) -> fmt::Result {
        let millis = wcf_millis(self.utc_ticks());
        match self.kind {
            DateTimeKind::Utc => write!(out, "/Date({millis})/"),
            DateTimeKind::Local => {
                write!(out, "/Date({millis}")?;
                write_offset(out, local_offset_at_clock(self.ticks), false)?;
                out.write_str(")/")
            }
            DateTimeKind::Unspecified => write!(out, "/Date({millis}-0000)/"),
        }
    }
}

/// Milliseconds since 1970 of a UTC instant, as .NET computes them for WCF dates: the ticks as a
/// double times 0.0001, truncated (so values within a double's rounding of the next millisecond
/// round up).
fn wcf_millis(utc_ticks: i64) -> i64 {
    ((utc_ticks - UNIX_EPOCH_TICKS) as f64 * 0.0001) as i64
}

impl PartialEq for DateTime {
    fn eq(&self, other: &Self) -> bool {
        self.ticks == other.ticks
    }
}

impl Eq for DateTime {}

impl PartialOrd for DateTime {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for DateTime {
    fn cmp(&self, other: &Self) -> Ordering {
        self.ticks.cmp(&other.ticks)
    }
}

impl Hash for DateTime {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.ticks.hash(state);
    }
}

impl fmt::Display for DateTime {
    /// The JSV text.
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        if self.ticks % TICKS_PER_DAY == 0 {
            return write_date(f, self.ticks);
        }
        write_clock(f, self.ticks)?;
        let fraction = self.fraction_ticks();
        match self.kind {
            DateTimeKind::Utc => {
                if fraction != 0 {
                    let digits = format!("{fraction:07}");
                    write!(f, ".{}", digits.trim_end_matches('0'))?;
                }
                f.write_char('Z')
            }
            DateTimeKind::Local | DateTimeKind::Unspecified => {
                if fraction != 0 {
                    write!(f, ".{fraction:07}")?;
                }
                write_offset(f, local_offset_at_clock(self.ticks), true)
            }
        }
    }
}

impl fmt::Debug for DateTime {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("DateTime(")?;
        write_clock(f, self.ticks)?;
        write!(f, ".{:07}, {:?})", self.fraction_ticks(), self.kind)
    }
}

impl FromStr for DateTime {
    type Err = ScalarError;

    fn from_str(text: &str) -> Result<Self, ScalarError> {
        let out_of_range = |why: String| ScalarError::invalid("DateTime", text, why);
        let local = |utc: i64| {
            Self::from_ticks(utc + local_offset_at_utc(utc), DateTimeKind::Local)
                .map_err(|e| out_of_range(e.to_string()))
        };
        match parse_all("DateTime", text, grammar::date_text)? {
            DateText::Wcf(wcf) => {
                let utc = wcf_ticks(&wcf).map_err(out_of_range)?;
                match wcf.offset {
                    None => Ok(DateTime {
                        ticks: utc,
                        kind: DateTimeKind::Utc,
                    }),
                    Some(_) if wcf.unspecified => {
                        local(utc).map(|t| t.with_kind(DateTimeKind::Unspecified))
                    }
                    Some(_) => local(utc),
                }
            }
            DateText::Iso(iso) => {
                let clock = iso_clock_ticks(&iso).map_err(out_of_range)?;
                match iso.zone {
                    Some(Zone::Utc) => Ok(DateTime {
                        ticks: clock,
                        kind: DateTimeKind::Utc,
                    }),
                    Some(Zone::Offset(minutes)) => {
                        check_offset(minutes).map_err(out_of_range)?;
                        local(clock - i64::from(minutes) * TICKS_PER_MINUTE)
                    }
                    None if iso.clock.is_none() => Ok(DateTime {
                        ticks: clock,
                        kind: DateTimeKind::Local,
                    }),
                    None => Ok(DateTime {
                        ticks: clock,
                        kind: DateTimeKind::Unspecified,
                    }),
                }
            }
        }
    }
}

impl WireScalar for DateTime {
    fn serialize_human<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&Wcf(self))
    }
}
text_serde!(
    DateTime,
    "a DateTime (2012-06-21T13:14:15Z or /Date(1340284455000)/)"
);

/// A date-time's WCF text.
struct Wcf<'a>(&'a DateTime);

impl fmt::Display for Wcf<'_> {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        self.0.write_wcf(f)
    }
}

impl Add<TimeSpan> for DateTime {
    type Output = DateTime;

    /// The date-time `span` later; panics outside the range (as .NET throws).
    fn add(self, span: TimeSpan) -> DateTime {
        self.checked_add(span).expect("DateTime out of range")
    }
}

impl Sub<TimeSpan> for DateTime {
    type Output = DateTime;

    /// The date-time `span` earlier; panics outside the range (as .NET throws).
    fn sub(self, span: TimeSpan) -> DateTime {
        self.checked_sub(span).expect("DateTime out of range")
    }
}

impl Sub for DateTime {
    type Output = TimeSpan;

    /// The time between the clocks (the kinds are ignored, as in .NET).
    fn sub(self, other: DateTime) -> TimeSpan {
        TimeSpan::from_ticks(self.ticks - other.ticks)
    }
}

// ---- calendar arithmetic, shared with DateTimeOffset ----

fn is_leap(year: u32) -> bool {
    year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400))
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 31,
    }
}

/// Days since 0001-01-01 of a valid date (Howard Hinnant's `days_from_civil`).
fn days_from_civil(year: u32, month: u32, day: u32) -> i64 {
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let year_of_era = y - era * 400;
    let month_index = (i64::from(month) + 9) % 12;
    let day_of_year = (153 * month_index + 2) / 5 + i64::from(day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468 + UNIX_EPOCH_DAYS
}

/// The (year, month, day) of a tick count in range.
pub(crate) fn civil(ticks: i64) -> (u32, u32, u32) {
    let z = ticks.div_euclid(TICKS_PER_DAY) - UNIX_EPOCH_DAYS + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_index = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * month_index + 2) / 5 + 1;
    let month = if month_index < 10 {
        month_index + 3
    } else {
        month_index - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year as u32, month as u32, day as u32)
}

/// The ticks of a calendar date and time, or why the parts are out of range.
fn ticks_from_parts(
    year: u32,
    month: u32,
    day: u32,
    hour: u32,
    minute: u32,
    second: u32,
) -> Result<i64, String> {
    if !(1..=9999).contains(&year) {
        return Err(format!("year {year} is outside 1 to 9999"));
    }
    if !(1..=12).contains(&month) {
        return Err(format!("month {month} is outside 1 to 12"));
    }
    if day == 0 || day > days_in_month(year, month) {
        return Err(format!("{year:04}-{month:02} has no day {day}"));
    }
    if hour > 23 || minute > 59 || second > 59 {
        return Err(format!(
            "{hour:02}:{minute:02}:{second:02} is not a time of day"
        ));
    }
    Ok(days_from_civil(year, month, day) * TICKS_PER_DAY
        + i64::from(hour) * TICKS_PER_HOUR
        + i64::from(minute) * TICKS_PER_MINUTE
        + i64::from(second) * TICKS_PER_SECOND)
}

/// The clock ticks an ISO text's date and time denote (its zone aside).
pub(crate) fn iso_clock_ticks(iso: &IsoDate) -> Result<i64, String> {
    let clock = iso.clock.unwrap_or_default();
    ticks_from_parts(
        iso.year,
        iso.month,
        iso.day,
        clock.hour,
        clock.minute,
        clock.second,
    )
    .map(|ticks| ticks + i64::from(clock.fraction))
}

/// The UTC ticks of a WCF date's milliseconds, if in range. .NET writes `DateTime.MaxValue` as the
/// millisecond after it (its double arithmetic rounds up), so that millisecond reads as the maximum.
pub(crate) fn wcf_ticks(wcf: &WcfDate) -> Result<i64, String> {
    wcf.millis
        .checked_mul(TICKS_PER_MILLISECOND)
        .and_then(|t| t.checked_add(UNIX_EPOCH_TICKS))
        .filter(|t| (0..=MAX_TICKS + 1).contains(t))
        .map(|t| t.min(MAX_TICKS))
        .ok_or_else(|| format!("{} ms is outside 0001-01-01 to 9999-12-31", wcf.millis))
}

/// Offsets are whole minutes within ±14:00, as .NET requires.
pub(crate) fn check_offset(minutes: i32) -> Result<(), String> {
    if minutes.abs() <= 14 * 60 {
        Ok(())
    } else {
        Err(format!(
            "offset {} is beyond ±14:00",
            OffsetText(i64::from(minutes) * TICKS_PER_MINUTE)
        ))
    }
}

struct OffsetText(i64);

impl fmt::Display for OffsetText {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write_offset(f, self.0, true)
    }
}

/// `yyyy-MM-dd`.
pub(crate) fn write_date(out: &mut impl fmt::Write, ticks: i64) -> fmt::Result {
    let (year, month, day) = civil(ticks);
    write!(out, "{year:04}-{month:02}-{day:02}")
}

/// `yyyy-MM-ddTHH:mm:ss`.
pub(crate) fn write_clock(out: &mut impl fmt::Write, ticks: i64) -> fmt::Result {
    write_date(out, ticks)?;
    let seconds = ticks % TICKS_PER_DAY / TICKS_PER_SECOND;
    write!(
        out,
        "T{:02}:{:02}:{:02}",
        seconds / 3600,
        seconds / 60 % 60,
        seconds % 60
    )
}

/// An offset of `ticks` (whole minutes counted) as `+hh:mm` (`colon`) or `+hhmm`.
pub(crate) fn write_offset(out: &mut impl fmt::Write, ticks: i64, colon: bool) -> fmt::Result {
    let minutes = ticks / TICKS_PER_MINUTE;
    let sign = if minutes < 0 { '-' } else { '+' };
    let minutes = minutes.abs();
    let separator = if colon { ":" } else { "" };
    write!(
        out,
        "{sign}{:02}{separator}{:02}",
        minutes / 60,
        minutes % 60
    )
}
