//! The text grammars of the .NET scalars, as nom parsers: ISO 8601 date-times, WCF dates, XSD and
//! .NET durations, Guids and decimals. Each parser only recognises the shape; the types check
//! ranges and build values, so every message can name the value it rejects.

use nom::branch::alt;
use nom::bytes::complete::{tag, take_while_m_n, take_while1};
use nom::character::complete::{char, digit1, one_of};
use nom::combinator::{all_consuming, map, map_res, opt, recognize, value};
use nom::sequence::{preceded, terminated};
use nom::{IResult, Parser};

use super::ScalarError;

type Res<'a, T> = IResult<&'a str, T>;

/// Runs `parser` over the whole of `text` (surrounding ASCII whitespace allowed, as ServiceStack
/// trims it); a failure names the character where the shape stopped matching.
pub(super) fn parse_all<'a, T>(
    type_name: &'static str,
    text: &'a str,
    parser: impl Parser<&'a str, Output = T, Error = nom::error::Error<&'a str>>,
) -> Result<T, ScalarError> {
    let trimmed = text.trim_matches(|c: char| c.is_ascii_whitespace());
    let leading = text.len()
        - text
            .trim_start_matches(|c: char| c.is_ascii_whitespace())
            .len();
    match all_consuming(parser).parse(trimmed) {
        Ok((_, value)) => Ok(value),
        Err(nom::Err::Error(e) | nom::Err::Failure(e)) => {
            let at = leading + trimmed.len() - e.input.len();
            let why = if trimmed.is_empty() {
                "empty text".to_owned()
            } else if e.input.is_empty() {
                "the text ends too early".to_owned()
            } else {
                let column = text[..at].chars().count() + 1;
                format!("unexpected text at character {column}")
            };
            Err(ScalarError::invalid(type_name, text, why))
        }
        Err(nom::Err::Incomplete(_)) => Err(ScalarError::invalid(
            type_name,
            text,
            "the text ends too early",
        )),
    }
}

/// Exactly `n` ASCII digits as a number.
fn fixed(n: usize) -> impl FnMut(&str) -> Res<'_, u32> {
    move |input| {
        map(
            take_while_m_n(n, n, |c: char| c.is_ascii_digit()),
            |digits: &str| {
                digits
                    .bytes()
                    .fold(0, |acc, d| acc * 10 + u32::from(d - b'0'))
            },
        )
        .parse(input)
    }
}

/// One or more digits as a `u64` (an error, not a wrap, when there are too many).
fn whole(input: &str) -> Res<'_, u64> {
    map_res(digit1, str::parse::<u64>).parse(input)
}

/// Digits after a decimal point as ticks (10^-7 units): the first seven count, later ones are
/// dropped, as .NET drops them.
fn fraction_ticks(digits: &str) -> u32 {
    digits
        .bytes()
        .chain(std::iter::repeat(b'0'))
        .take(7)
        .fold(0, |acc, d| acc * 10 + u32::from(d - b'0'))
}

/// A time zone designator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Zone {
    /// `Z`.
    Utc,
    /// `±hh:mm` (or `±hhmm`), in minutes east of UTC.
    Offset(i32),
}

/// `HH:mm[:ss[.fffffff]]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(super) struct Clock {
    pub hour: u32,
    pub minute: u32,
    pub second: u32,
    /// Sub-second ticks.
    pub fraction: u32,
}

/// An ISO 8601 date, date-time or date-time with zone, before range checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct IsoDate {
    pub year: u32,
    pub month: u32,
    pub day: u32,
    pub clock: Option<Clock>,
    pub zone: Option<Zone>,
}

/// A WCF date, `/Date(ms[±hhmm])/` (the slashes optionally escaped as `\/`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct WcfDate {
    pub millis: i64,
    /// The suffix, in minutes east of UTC.
    pub offset: Option<i32>,
    /// The suffix was `-0000`: ServiceStack's mark of an Unspecified kind.
    pub unspecified: bool,
}

/// The two families a date is read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum DateText {
    Iso(IsoDate),
    Wcf(WcfDate),
}

fn sign(input: &str) -> Res<'_, i32> {
    alt((value(1, char('+')), value(-1, char('-')))).parse(input)
}

fn zone(input: &str) -> Res<'_, Zone> {
    alt((
        value(Zone::Utc, one_of("Zz")),
        map(
            (
                sign,
                fixed(2),
                opt(char(':')),
                nom::combinator::verify(fixed(2), |m| *m < 60),
            ),
            |(sign, hours, _, minutes)| Zone::Offset(sign * (hours * 60 + minutes) as i32),
        ),
    ))
    .parse(input)
}

fn clock(input: &str) -> Res<'_, Clock> {
    map(
        (
            fixed(2),
            preceded(char(':'), fixed(2)),
            opt((
                preceded(char(':'), fixed(2)),
                opt(preceded(
                    char('.'),
                    take_while_m_n(1, 7, |c: char| c.is_ascii_digit()),
                )),
            )),
        ),
        |(hour, minute, seconds)| {
            let (second, fraction) = seconds.unwrap_or((0, None));
            Clock {
                hour,
                minute,
                second,
                fraction: fraction.map_or(0, fraction_ticks),
            }
        },
    )
    .parse(input)
}

fn iso_date(input: &str) -> Res<'_, IsoDate> {
    map(
        (
            fixed(4),
            preceded(char('-'), fixed(2)),
            preceded(char('-'), fixed(2)),
            opt(preceded(one_of("Tt "), clock)),
            opt(zone),
        ),
        |(year, month, day, clock, zone)| IsoDate {
            year,
            month,
            day,
            clock,
            zone,
        },
    )
    .parse(input)
}

fn wcf_date(input: &str) -> Res<'_, WcfDate> {
    let slash = |input| alt((tag("\\/"), tag("/"))).parse(input);
    map(
        (
            slash,
            tag("Date("),
            map_res(recognize((opt(char('-')), digit1)), str::parse::<i64>),
            opt((sign, fixed(2), fixed(2))),
            char(')'),
            slash,
        ),
        |(_, _, millis, suffix, _, _)| WcfDate {
            millis,
            offset: suffix.map(|(sign, hours, minutes)| sign * (hours * 60 + minutes) as i32),
            unspecified: suffix == Some((-1, 0, 0)),
        },
    )
    .parse(input)
}

/// An ISO 8601 or WCF date.
pub(super) fn date_text(input: &str) -> Res<'_, DateText> {
    alt((map(wcf_date, DateText::Wcf), map(iso_date, DateText::Iso))).parse(input)
}

/// A duration as a sign and its parts, before range checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(super) struct Duration {
    pub negative: bool,
    pub days: u64,
    pub hours: u64,
    pub minutes: u64,
    pub seconds: u64,
    /// Sub-second ticks.
    pub fraction: u32,
}

/// `n[.f]` seconds.
fn seconds(input: &str) -> Res<'_, (u64, u32)> {
    (
        whole,
        map(
            opt(preceded(char('.'), opt(digit1))),
            |digits: Option<Option<&str>>| digits.flatten().map_or(0, fraction_ticks),
        ),
    )
        .parse(input)
}

/// XSD: `[-]P[nD][T[nH][nM][n[.f]S]]`; every part optional, as ServiceStack reads `P` and `P1DT`.
fn xsd_duration(input: &str) -> Res<'_, Duration> {
    map(
        (
            opt(char('-')),
            char('P'),
            opt(terminated(whole, char('D'))),
            opt(preceded(
                char('T'),
                (
                    opt(terminated(whole, char('H'))),
                    opt(terminated(whole, char('M'))),
                    opt(terminated(seconds, char('S'))),
                ),
            )),
        ),
        |(minus, _, days, time)| {
            let (hours, minutes, seconds) = time.unwrap_or_default();
            let (seconds, fraction) = seconds.unwrap_or_default();
            Duration {
                negative: minus.is_some(),
                days: days.unwrap_or(0),
                hours: hours.unwrap_or(0),
                minutes: minutes.unwrap_or(0),
                seconds,
                fraction,
            }
        },
    )
    .parse(input)
}

/// .NET's constant format: `[-][d.]hh:mm[:ss[.fffffff]]`.
fn clock_duration(input: &str) -> Res<'_, Duration> {
    let two = |input| {
        map_res(
            take_while_m_n(1, 2, |c: char| c.is_ascii_digit()),
            |d: &str| d.parse::<u64>(),
        )
        .parse(input)
    };
    map(
        (
            opt(char('-')),
            opt(terminated(whole, char('.'))),
            two,
            preceded(char(':'), two),
            opt(preceded(
                char(':'),
                (
                    two,
                    opt(preceded(
                        char('.'),
                        take_while_m_n(1, 7, |c: char| c.is_ascii_digit()),
                    )),
                ),
            )),
        ),
        |(minus, days, hours, minutes, seconds)| {
            let (seconds, fraction) = seconds.unwrap_or((0, None));
            Duration {
                negative: minus.is_some(),
                days: days.unwrap_or(0),
                hours,
                minutes,
                seconds,
                fraction: fraction.map_or(0, fraction_ticks),
            }
        },
    )
    .parse(input)
}

/// An XSD duration, or .NET's `[-][d.]hh:mm:ss[.fffffff]`. The second form's hours, minutes and
/// seconds must be in range (checked here, since the shape is what tells the forms apart).
pub(super) fn duration(input: &str) -> Res<'_, Duration> {
    alt((
        xsd_duration,
        nom::combinator::verify(clock_duration, |d: &Duration| {
            d.hours < 24 && d.minutes < 60 && d.seconds < 60
        }),
    ))
    .parse(input)
}

fn hex(n: usize) -> impl FnMut(&str) -> Res<'_, &str> {
    move |input| take_while_m_n(n, n, |c: char| c.is_ascii_hexdigit()).parse(input)
}

/// The 32 hex digits of a Guid in any of .NET's N, D, B and P forms, without separators.
pub(super) fn guid(input: &str) -> Res<'_, [&str; 5]> {
    let dashed = |input| {
        map(
            (
                hex(8),
                preceded(char('-'), hex(4)),
                preceded(char('-'), hex(4)),
                preceded(char('-'), hex(4)),
                preceded(char('-'), hex(12)),
            ),
            |(a, b, c, d, e)| [a, b, c, d, e],
        )
        .parse(input)
    };
    alt((
        map(hex(32), |all: &str| {
            [
                &all[..8],
                &all[8..12],
                &all[12..16],
                &all[16..20],
                &all[20..],
            ]
        }),
        dashed,
        preceded(char('{'), terminated(dashed, char('}'))),
        preceded(char('('), terminated(dashed, char(')'))),
    ))
    .parse(input)
}

/// A decimal's text: sign, integer digits, fraction digits (`.5` and `5.` included; no exponent).
pub(super) fn decimal(input: &str) -> Res<'_, (bool, &str, &str)> {
    map(
        (
            opt(char('-')),
            alt((
                (
                    take_while1(|c: char| c.is_ascii_digit()),
                    map(opt(preceded(char('.'), opt(digit1))), |f| {
                        f.flatten().unwrap_or("")
                    }),
                ),
                map(preceded(char('.'), digit1), |f| ("", f)),
            )),
        ),
        |(minus, (int, frac))| (minus.is_some(), int, frac),
    )
    .parse(input)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        let (_, d) = all_consuming(date_text)
            .parse("2012-06-21T13:14:15.1234567+02:30")
            .unwrap();
        assert_eq!(
            d,
            DateText::Iso(IsoDate {
                year: 2012,
                month: 6,
                day: 21,
                clock: Some(Clock {
                    hour: 13,
                    minute: 14,
                    second: 15,
                    fraction: 1_234_567
                }),
                zone: Some(Zone::Offset(150)),
            })
        );
        let (_, w) = all_consuming(date_text)
            .parse("\\/Date(-1-0000)\\/")
            .unwrap();
        assert_eq!(
            w,
            DateText::Wcf(WcfDate {
                millis: -1,
                offset: Some(0),
                unspecified: true
            })
        );
        let (_, p) = all_consuming(duration).parse("-P1DT2H3M4.005S").unwrap();
        assert_eq!(
            (
                p.negative, p.days, p.hours, p.minutes, p.seconds, p.fraction
            ),
            (true, 1, 2, 3, 4, 50_000)
        );
        let (_, c) = all_consuming(duration).parse("1.02:03:04.5").unwrap();
        assert_eq!((c.days, c.hours, c.fraction), (1, 2, 5_000_000));
        assert!(all_consuming(duration).parse("25:00:00").is_err());
        assert_eq!(fraction_ticks("123456789"), 1_234_567);
        assert_eq!(
            all_consuming(decimal).parse("-.5").unwrap().1,
            (true, "", "5")
        );
        assert!(all_consuming(decimal).parse("1e2").is_err());
    }

    #[test]
    fn errors_name_the_character() {
        let e = parse_all("DateTime", "2012-06-21X", date_text).unwrap_err();
        assert_eq!(
            e.to_string(),
            "invalid DateTime `2012-06-21X`: unexpected text at character 11"
        );
        let e = parse_all("Guid", "", guid).unwrap_err();
        assert_eq!(e.to_string(), "invalid Guid ``: empty text");
    }
}
