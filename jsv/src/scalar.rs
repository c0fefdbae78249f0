//! Scalar text to Rust values, with ServiceStack's leniency where it loses nothing.
//!
//! Every parser gets the token's text after CSV unquoting, so `"5"` and `5` read the same.

use std::borrow::Cow;

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
    if let Ok(value) = text.parse::<f64>() {
        return Ok(value);
    }
    let t = trim(text);
    if t.is_empty() {
        return Ok(0.0);
    }
    let cleaned: Cow<'_, str> = if t.contains(',') {
        Cow::Owned(t.replace(',', ""))
    } else {
        Cow::Borrowed(t)
    };
    match cleaned.parse::<f64>() {
        Ok(v) => Ok(v),
        Err(_) => Err(format!("invalid number `{text}`")),
    }
}

/// Like [`parse_f64`], for `f32`, where a finite text too large for `f32` is an error, not infinity.
pub(crate) fn parse_f32(text: &str) -> ParseResult<f32> {
    let value = parse_f64(text)?;
    let narrowed = value as f32;
    if narrowed.is_infinite() && value.is_finite() {
        return Err(format!("number `{}` is out of range for f32", trim(text)));
    }
    Ok(narrowed)
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
}
