//! Scalar text to Rust values, with ServiceStack's leniency where it loses nothing.
//!
//! Every parser gets the token's text after CSV unquoting, so `"5"` and `5` read the same.

use std::borrow::Cow;

use crate::swar;

/// The text of one scalar token, unquoted.
#[derive(Debug)]
pub(crate) enum Text<'de> {
    /// No characters at all: ServiceStack's null.
    Empty,
    /// Text borrowed from the input (unquoted tokens, and quoted ones without `""`).
    Borrowed(&'de str),
    /// Text that had `""` pairs collapsed.
    Owned(String),
}

impl<'de> Text<'de> {
    pub(crate) fn as_str(&self) -> &str {
        match self {
            Text::Empty => "",
            Text::Borrowed(s) => s,
            Text::Owned(s) => s,
        }
    }

    pub(crate) fn into_cow(self) -> Cow<'de, str> {
        match self {
            Text::Empty => Cow::Borrowed(""),
            Text::Borrowed(s) => Cow::Borrowed(s),
            Text::Owned(s) => Cow::Owned(s),
        }
    }
}

/// Why a scalar did not parse; the caller adds the position.
pub(crate) type ParseResult<T> = std::result::Result<T, String>;

fn trim(text: &str) -> &str {
    text.trim_matches(|c: char| c.is_ascii_whitespace())
}

/// ServiceStack's boolean reading: `True`/`False` in any case, `1`/`0`, `t`/`f`, `y`/`n`, `on`/`off`;
/// empty is false. Anything else is an error (ServiceStack silently reads it as false).
pub(crate) fn parse_bool(text: &str) -> ParseResult<bool> {
    // What ServiceStack writes, first.
    match text {
        "True" => return Ok(true),
        "False" => return Ok(false),
        _ => {}
    }
    let t = trim(text);
    match t.as_bytes() {
        [] => Ok(false),
        [b'1' | b't' | b'T' | b'y' | b'Y'] => Ok(true),
        [b'0' | b'f' | b'F' | b'n' | b'N'] => Ok(false),
        _ if t.eq_ignore_ascii_case("true")
            || t.eq_ignore_ascii_case("on")
            || t.eq_ignore_ascii_case("yes") =>
        {
            Ok(true)
        }
        _ if t.eq_ignore_ascii_case("false")
            || t.eq_ignore_ascii_case("off")
            || t.eq_ignore_ascii_case("no") =>
        {
            Ok(false)
        }
        _ => Err(format!("invalid boolean `{text}`, expected True or False")),
    }
}

/// An integer as ServiceStack writes it: optional surrounding whitespace, optional `-`, digits (leading
/// zeros allowed). Empty is 0 (ServiceStack's default for a value-type member). A number in exponent or
/// decimal form is accepted when it is a whole number in range (`1e3`, `5.0`); anything else, including
/// overflow, is an error.
pub(crate) fn parse_i128(text: &str, min: i128, max: i128, type_name: &str) -> ParseResult<i128> {
    let t = trim(text);
    if t.is_empty() {
        return Ok(0);
    }
    let bytes = t.as_bytes();
    let (negative, digits) = match bytes {
        [b'-', rest @ ..] => (true, rest),
        _ => (false, bytes),
    };
    // Up to 18 digits cannot overflow a u64: the common case, without checked 128-bit arithmetic.
    if !digits.is_empty() && digits.len() <= 18 && digits.iter().all(u8::is_ascii_digit) {
        let magnitude = digits
            .iter()
            .fold(0u64, |acc, &d| acc * 10 + (d - b'0') as u64) as i128;
        let value = if negative { -magnitude } else { magnitude };
        return if value < min || value > max {
            Err(format!("number `{t}` is out of range for {type_name}"))
        } else {
            Ok(value)
        };
    }
    if !digits.is_empty() && digits.iter().all(u8::is_ascii_digit) {
        let mut value: i128 = 0;
        for &d in digits {
            value = match value
                .checked_mul(10)
                .and_then(|v| v.checked_add((d - b'0') as i128))
            {
                Some(v) => v,
                None => return Err(format!("number `{t}` is out of range for {type_name}")),
            };
        }
        let value = if negative { -value } else { value };
        return if value < min || value > max {
            Err(format!("number `{t}` is out of range for {type_name}"))
        } else {
            Ok(value)
        };
    }
    // `1e3`, `5.0`: whole numbers written as decimals.
    if !digits.is_empty()
        && digits[0].is_ascii_digit()
        && digits
            .iter()
            .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'e' | b'E' | b'+' | b'-'))
        && let Ok(float) = t.parse::<f64>()
        && float.fract() == 0.0
        && float.abs() < 9_007_199_254_740_992.0
    {
        let value = float as i128;
        if value >= min && value <= max {
            return Ok(value);
        }
        return Err(format!("number `{t}` is out of range for {type_name}"));
    }
    Err(format!("invalid {type_name} `{text}`"))
}

/// A floating-point number as .NET reads it (invariant culture): whitespace, sign, `.`, exponent,
/// `,` thousands separators, `NaN`, `Infinity`, `-Infinity`. Empty is 0.
pub(crate) fn parse_f64(text: &str) -> ParseResult<f64> {
    // What writers produce parses directly; the lenient forms are tried only after that fails.
    if let Some(value) = exact_f64(text.as_bytes()) {
        return Ok(value);
    }
    parse_float(text)
}

/// Like [`parse_f64`], for `f32`, where a finite text too large for `f32` is an error, not infinity.
pub(crate) fn parse_f32(text: &str) -> ParseResult<f32> {
    // Parsed as `f32` directly: going through `f64` would round twice.
    let value = parse_float::<f32>(text)?;
    if value.is_infinite() && parse_float::<f64>(text).is_ok_and(f64::is_finite) {
        return Err(format!("number `{}` is out of range for f32", trim(text)));
    }
    Ok(value)
}

/// The standard library's correctly rounded parse, then .NET's lenient forms: surrounding
/// whitespace, `,` thousands separators, empty as 0.
fn parse_float<F: std::str::FromStr + Default>(text: &str) -> ParseResult<F> {
    if let Ok(value) = text.parse::<F>() {
        return Ok(value);
    }
    let t = trim(text);
    if t.is_empty() {
        return Ok(F::default());
    }
    let cleaned: Cow<'_, str> = if t.contains(',') {
        Cow::Owned(t.replace(',', ""))
    } else {
        Cow::Borrowed(t)
    };
    cleaned
        .parse::<F>()
        .map_err(|_| format!("invalid number `{text}`"))
}

/// Reads the ASCII digits of `bytes` from `start` into `significand` (wrapping: callers limit the
/// count); returns where they end. Eight at a time where the input allows, as most fractions are long.
#[inline]
fn read_digits(bytes: &[u8], start: usize, significand: &mut u64) -> usize {
    let mut i = start;
    while i + 8 <= bytes.len() {
        let word = swar::word_at(bytes, i);
        if !swar::eight_digits(word) {
            break;
        }
        *significand = significand
            .wrapping_mul(100_000_000)
            .wrapping_add(swar::eight_digits_value(word));
        i += 8;
    }
    while let Some(&b) = bytes.get(i) {
        let digit = b.wrapping_sub(b'0');
        if digit > 9 {
            break;
        }
        *significand = significand.wrapping_mul(10).wrapping_add(u64::from(digit));
        i += 1;
    }
    i
}

/// Powers of ten that `f64` holds exactly.
const EXACT_POWERS_OF_TEN: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// Clinger's fast path for the plain decimals writers produce (`-12.345`, `1.5E-07`): when the
/// digits, read as an integer, fit in 53 bits and the power of ten is exact in `f64`, one
/// multiplication or division rounds correctly. `None` for anything else, which the standard
/// library's parser then reads (it gives the same value here, only slower).
fn exact_f64(bytes: &[u8]) -> Option<f64> {
    let (negative, rest) = match bytes {
        [b'-', rest @ ..] => (true, rest),
        _ => (false, bytes),
    };
    let mut significand: u64 = 0;
    let mut i = read_digits(rest, 0, &mut significand);
    let mut digits = i;
    let mut exponent: i64 = 0;
    if rest.get(i) == Some(&b'.') {
        let fraction_start = i + 1;
        i = read_digits(rest, fraction_start, &mut significand);
        digits += i - fraction_start;
        exponent = -((i - fraction_start) as i64);
    }
    // Nineteen digits cannot overflow a u64.
    if digits == 0 || digits > 19 {
        return None;
    }
    if let Some(b'e' | b'E') = rest.get(i) {
        i += 1;
        let negative_exponent = match rest.get(i) {
            Some(b'-') => {
                i += 1;
                true
            }
            Some(b'+') => {
                i += 1;
                false
            }
            _ => false,
        };
        let exponent_start = i;
        let mut written: i64 = 0;
        while let Some(&b) = rest.get(i).filter(|b| b.is_ascii_digit()) {
            written = written * 10 + i64::from(b - b'0');
            i += 1;
            if i - exponent_start > 4 {
                return None;
            }
        }
        if i == exponent_start {
            return None;
        }
        exponent += if negative_exponent { -written } else { written };
    }
    if i != rest.len() || significand > 1 << 53 {
        return None;
    }
    let magnitude = significand as f64;
    let value = match exponent {
        0 => magnitude,
        1..=22 => magnitude * EXACT_POWERS_OF_TEN[exponent as usize],
        -22..=-1 => magnitude / EXACT_POWERS_OF_TEN[(-exponent) as usize],
        _ => return None,
    };
    Some(if negative { -value } else { value })
}

/// One character; empty is `'\0'` (ServiceStack's default char).
pub(crate) fn parse_char(text: &str) -> ParseResult<char> {
    let mut chars = text.chars();
    match (chars.next(), chars.next()) {
        (None, _) => Ok('\0'),
        (Some(c), None) => Ok(c),
        _ => Err(format!(
            "invalid char `{text}`, expected a single character"
        )),
    }
}

/// Standard base64 with padding, as ServiceStack writes `byte[]`; empty is no bytes.
pub(crate) fn parse_bytes(text: &str) -> ParseResult<Vec<u8>> {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD
        .decode(trim(text))
        .map_err(|e| format!("invalid base64 `{text}`: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn booleans() {
        for t in [
            "True", "true", "TRUE", "tRuE", "1", "t", "Y", "on", " True ",
        ] {
            assert_eq!(parse_bool(t), Ok(true), "{t}");
        }
        for t in ["False", "false", "0", "f", "N", "off", ""] {
            assert_eq!(parse_bool(t), Ok(false), "{t}");
        }
        assert!(parse_bool("2").is_err());
        assert!(parse_bool("yes please").is_err());
    }

    #[test]
    fn integers() {
        let i32_range = |t| parse_i128(t, i32::MIN as i128, i32::MAX as i128, "i32");
        assert_eq!(i32_range(" 42 "), Ok(42));
        assert_eq!(i32_range("007"), Ok(7));
        assert_eq!(i32_range("-2147483648"), Ok(-2147483648));
        assert_eq!(i32_range(""), Ok(0));
        assert_eq!(i32_range("1e3"), Ok(1000));
        assert_eq!(i32_range("5.0"), Ok(5));
        assert!(i32_range("2147483648").is_err());
        assert!(i32_range("+5").is_err());
        assert!(i32_range("5.5").is_err());
        assert!(i32_range("abc").is_err());
        assert!(i32_range("-").is_err());
        assert!(parse_i128("-1", 0, u64::MAX as i128, "u64").is_err());
    }

    #[test]
    fn floats() {
        assert_eq!(parse_f64("1E+15"), Ok(1e15));
        assert_eq!(parse_f64("\"1,111.1\"".trim_matches('"')), Ok(1111.1));
        assert_eq!(parse_f64("-Infinity"), Ok(f64::NEG_INFINITY));
        assert!(parse_f64("NaN").unwrap().is_nan());
        assert!(parse_f32("1e39").is_err());
        assert_eq!(parse_f32("Infinity"), Ok(f32::INFINITY));
        assert!(parse_f64("1.2.3").is_err());
    }

    #[test]
    fn floats_are_rounded_once() {
        // 1 + 2^-24 and a little more: through f64 this becomes the f32 halfway point and rounds to
        // even (1.0); read as f32 directly it is the next float up.
        assert_eq!(
            parse_f32("1.0000000596046447753906250001"),
            Ok(1.000_000_1_f32)
        );
        assert_eq!(parse_f64("-0"), Ok(-0.0));
        assert!(parse_f64("-0").unwrap().is_sign_negative());
    }

    #[test]
    fn exact_fast_path_agrees_with_the_standard_parser() {
        let mut state = 0x2545_F491_4F6C_DD1Du64;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let mut fast = 0;
        for _ in 0..200_000 {
            let r = next();
            let digits = format!("{}", next() % 10u64.pow((r % 19) as u32 + 1));
            let point = (r >> 8) as usize % (digits.len() + 2);
            let mut text = String::new();
            if r & 1 == 1 {
                text.push('-');
            }
            if point < digits.len() {
                text.push_str(&digits[..point]);
                text.push('.');
                text.push_str(&digits[point..]);
            } else {
                text.push_str(&digits);
            }
            match (r >> 16) % 4 {
                0 => text.push_str(&format!("E{}", (r >> 24) % 30)),
                1 => text.push_str(&format!("e-{}", (r >> 24) % 30)),
                2 => text.push_str(&format!("E+0{}", (r >> 24) % 9)),
                _ => {}
            }
            let expected: f64 = text.parse().unwrap();
            if let Some(value) = exact_f64(text.as_bytes()) {
                fast += 1;
                assert_eq!(value.to_bits(), expected.to_bits(), "{text}");
            }
            assert_eq!(
                parse_f64(&text).map(f64::to_bits),
                Ok(expected.to_bits()),
                "{text}"
            );
        }
        assert!(fast > 50_000, "the fast path took only {fast} cases");
        for rejected in [
            "",
            ".",
            "-",
            "1e",
            "1e+",
            "1.5e12345",
            "+1",
            "1_0",
            "01234567890123456789",
        ] {
            assert_eq!(exact_f64(rejected.as_bytes()), None, "{rejected}");
        }
    }
}
