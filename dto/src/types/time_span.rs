//! `TimeSpan`: a signed number of ticks, written as an XSD duration.

use std::fmt;
use std::ops::{Add, Neg, Sub};
use std::str::FromStr;

use super::grammar::{self, parse_all};
use super::wire::{WireScalar, text_serde};
use super::{ScalarError, TICKS_PER_DAY, TICKS_PER_HOUR, TICKS_PER_MINUTE, TICKS_PER_SECOND};

/// .NET's `TimeSpan`: a signed duration in ticks of 100 ns.
///
/// Written in JSV and JSON as ServiceStack writes it, an XSD duration (`PT1H30M`, `-PT1H30M`,
/// `P1DT2H3M4.005S`, `PT0S`, unquoted in JSV, a string in JSON), including its floating-point
/// quirks: from about 3,000 days the seconds' last digit can be off by one tick, and beyond
/// 2,147,483,647 seconds only seconds are written (`PT2147483648S`). Read from any XSD duration
/// (`PT36H`, `PT90M`, `P1DT`, `P`, up to seven fraction digits counted) and from .NET's
/// `[-][d.]hh:mm:ss[.fffffff]`.
///
/// ```
/// use dto::TimeSpan;
///
/// let span: TimeSpan = "P1DT2H3M4.005S".parse().unwrap();
/// assert_eq!(span.ticks(), 937_840_050_000);
/// assert_eq!((-span).to_string(), "-P1DT2H3M4.005S");
/// assert_eq!(TimeSpan::from_minutes(90).to_string(), "PT1H30M");
/// assert_eq!("01:30:00".parse::<TimeSpan>().unwrap(), TimeSpan::from_minutes(90));
/// assert_eq!(TimeSpan::default().to_string(), "PT0S");
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct TimeSpan {
    ticks: i64,
}

impl TimeSpan {
    /// No time: `PT0S`.
    pub const ZERO: TimeSpan = TimeSpan { ticks: 0 };
    /// The shortest span, `i64::MIN` ticks (ServiceStack cannot write it; this crate writes the
    /// text of `-MAX`).
    pub const MIN: TimeSpan = TimeSpan { ticks: i64::MIN };
    /// The longest span, `i64::MAX` ticks.
    pub const MAX: TimeSpan = TimeSpan { ticks: i64::MAX };

    /// The span of `ticks` 100-nanosecond ticks.
    pub const fn from_ticks(ticks: i64) -> Self {
        TimeSpan { ticks }
    }

    /// The ticks.
    pub const fn ticks(self) -> i64 {
        self.ticks
    }

    /// `days` days; saturates at [`MIN`](Self::MIN)/[`MAX`](Self::MAX).
    pub const fn from_days(days: i64) -> Self {
        Self::from_ticks(days.saturating_mul(TICKS_PER_DAY))
    }

    /// `hours` hours; saturates.
    pub const fn from_hours(hours: i64) -> Self {
        Self::from_ticks(hours.saturating_mul(TICKS_PER_HOUR))
    }

    /// `minutes` minutes; saturates.
    pub const fn from_minutes(minutes: i64) -> Self {
        Self::from_ticks(minutes.saturating_mul(TICKS_PER_MINUTE))
    }

    /// `seconds` seconds; saturates.
    pub const fn from_seconds(seconds: i64) -> Self {
        Self::from_ticks(seconds.saturating_mul(TICKS_PER_SECOND))
    }

    /// `millis` milliseconds; saturates.
    pub const fn from_millis(millis: i64) -> Self {
        Self::from_ticks(millis.saturating_mul(super::TICKS_PER_MILLISECOND))
    }

    /// The whole days (negative for a negative span, as .NET's `Days`).
    pub const fn days(self) -> i64 {
        self.ticks / TICKS_PER_DAY
    }

    /// The hours part, -23..=23.
    pub const fn hours(self) -> i64 {
        self.ticks / TICKS_PER_HOUR % 24
    }

    /// The minutes part, -59..=59.
    pub const fn minutes(self) -> i64 {
        self.ticks / TICKS_PER_MINUTE % 60
    }

    /// The seconds part, -59..=59.
    pub const fn seconds(self) -> i64 {
        self.ticks / TICKS_PER_SECOND % 60
    }

    /// The sub-second ticks, -9,999,999..=9,999,999.
    pub const fn fraction_ticks(self) -> i64 {
        self.ticks % TICKS_PER_SECOND
    }

    /// The whole span in seconds, as .NET's `TotalSeconds`.
    pub fn total_seconds(self) -> f64 {
        self.ticks as f64 / TICKS_PER_SECOND as f64
    }

    /// The sum, or `None` on overflow.
    pub const fn checked_add(self, other: TimeSpan) -> Option<TimeSpan> {
        match self.ticks.checked_add(other.ticks) {
            Some(ticks) => Some(TimeSpan { ticks }),
            None => None,
        }
    }

    /// The difference, or `None` on overflow.
    pub const fn checked_sub(self, other: TimeSpan) -> Option<TimeSpan> {
        match self.ticks.checked_sub(other.ticks) {
            Some(ticks) => Some(TimeSpan { ticks }),
            None => None,
        }
    }

    /// The absolute value, or `None` for [`MIN`](Self::MIN).
    pub const fn checked_abs(self) -> Option<TimeSpan> {
        match self.ticks.checked_abs() {
            Some(ticks) => Some(TimeSpan { ticks }),
            None => None,
        }
    }

    /// The span of `nanos` nanoseconds (another library's duration, shown as `shown` in errors):
    /// an error when it is not whole ticks or beyond the range, never a rounding.
    pub(crate) fn from_nanos_exact(
        nanos: i128,
        shown: impl fmt::Display,
    ) -> Result<TimeSpan, ScalarError> {
        if nanos % 100 != 0 {
            return Err(ScalarError::range(
                "TimeSpan",
                format!("{shown} is not a whole number of 100 ns ticks"),
            ));
        }
        i64::try_from(nanos / 100)
            .map(TimeSpan::from_ticks)
            .map_err(|_| ScalarError::range("TimeSpan", format!("{shown} is too long")))
    }

    /// The span as an XSD duration: see the type's documentation.
    fn write_xsd(self, out: &mut impl fmt::Write) -> fmt::Result {
        if self.ticks < 0 {
            out.write_char('-')?;
        }
        let ticks = self.ticks.unsigned_abs();
        let total = ticks as f64 / TICKS_PER_SECOND as f64;
        let whole = total.trunc();
        if whole > f64::from(i32::MAX) {
            return write!(out, "PT{}S", general_15(total));
        }
        let whole_seconds = whole as u64;
        let days = whole_seconds / 86_400;
        let hours = whole_seconds / 3_600 % 24;
        let minutes = whole_seconds / 60 % 60;
        let remaining = (whole_seconds % 60) as f64 + (total - whole);
        out.write_char('P')?;
        if days > 0 {
            write!(out, "{days}D")?;
        }
        if days == 0 || hours > 0 || minutes > 0 || remaining > 0.0 {
            out.write_char('T')?;
            if hours > 0 {
                write!(out, "{hours}H")?;
            }
            if minutes > 0 {
                write!(out, "{minutes}M")?;
            }
            if remaining > 0.0 {
                let text = format!("{remaining:.7}");
                let text = text.trim_end_matches('0').trim_end_matches('.');
                write!(out, "{text}S")?;
            } else if days == 0 && hours == 0 && minutes == 0 {
                out.write_str("0S")?;
            }
        }
        Ok(())
    }
}

/// `value` as .NET Framework's default double text (15 significant digits, trailing zeros dropped)
/// for the range a long `TimeSpan` reaches (2^31 to 10^12 seconds), where it is never exponential.
fn general_15(value: f64) -> String {
    let scientific = format!("{value:.14e}");
    let (mantissa, exponent) = scientific.split_once('e').unwrap_or((&scientific, "0"));
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let exponent: usize = exponent.parse().unwrap_or(0);
    let (int, frac) = digits.split_at((exponent + 1).min(digits.len()));
    let frac = frac.trim_end_matches('0');
    if frac.is_empty() {
        int.to_owned()
    } else {
        format!("{int}.{frac}")
    }
}

impl fmt::Display for TimeSpan {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        self.write_xsd(f)
    }
}

impl fmt::Debug for TimeSpan {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "TimeSpan({self})")
    }
}

impl FromStr for TimeSpan {
    type Err = ScalarError;

    fn from_str(text: &str) -> Result<Self, ScalarError> {
        let d = parse_all("TimeSpan", text, grammar::duration)?;
        let ticks = i128::from(d.days) * i128::from(TICKS_PER_DAY)
            + i128::from(d.hours) * i128::from(TICKS_PER_HOUR)
            + i128::from(d.minutes) * i128::from(TICKS_PER_MINUTE)
            + i128::from(d.seconds) * i128::from(TICKS_PER_SECOND)
            + i128::from(d.fraction);
        let ticks = if d.negative { -ticks } else { ticks };
        // Beyond 2^31 seconds the text has 15 significant digits, so the longest spans are written
        // up to half a millisecond beyond the range: those read as the nearest end.
        let slack = i128::from(super::TICKS_PER_MILLISECOND);
        if (i128::from(i64::MIN) - slack..=i128::from(i64::MAX) + slack).contains(&ticks) {
            Ok(TimeSpan::from_ticks(
                ticks.clamp(i128::from(i64::MIN), i128::from(i64::MAX)) as i64,
            ))
        } else {
            Err(ScalarError::invalid("TimeSpan", text, "out of range"))
        }
    }
}

impl WireScalar for TimeSpan {}
text_serde!(TimeSpan, "a TimeSpan as an XSD duration (PT1H30M)");

impl Neg for TimeSpan {
    type Output = TimeSpan;

    /// The negation; panics for [`TimeSpan::MIN`] (as .NET throws).
    fn neg(self) -> TimeSpan {
        TimeSpan::from_ticks(self.ticks.checked_neg().expect("TimeSpan overflow"))
    }
}

impl Add for TimeSpan {
    type Output = TimeSpan;

    /// The sum; panics on overflow (as .NET throws).
    fn add(self, other: TimeSpan) -> TimeSpan {
        self.checked_add(other).expect("TimeSpan overflow")
    }
}

impl Sub for TimeSpan {
    type Output = TimeSpan;

    /// The difference; panics on overflow (as .NET throws).
    fn sub(self, other: TimeSpan) -> TimeSpan {
        self.checked_sub(other).expect("TimeSpan overflow")
    }
}

impl TryFrom<std::time::Duration> for TimeSpan {
    type Error = ScalarError;

    /// The duration in ticks; an error when it has nanoseconds below a tick or is too long.
    fn try_from(duration: std::time::Duration) -> Result<Self, ScalarError> {
        let nanos = i128::try_from(duration.as_nanos()).unwrap_or(i128::MAX);
        TimeSpan::from_nanos_exact(nanos, format_args!("{duration:?}"))
    }
}

impl TryFrom<TimeSpan> for std::time::Duration {
    type Error = ScalarError;

    /// The span as a duration; an error when it is negative.
    fn try_from(span: TimeSpan) -> Result<Self, ScalarError> {
        u64::try_from(span.ticks)
            .map(|ticks| {
                let per_second = TICKS_PER_SECOND as u64;
                std::time::Duration::new(ticks / per_second, (ticks % per_second) as u32 * 100)
            })
            .map_err(|_| ScalarError::range("Duration", format!("{span} is negative")))
    }
}
