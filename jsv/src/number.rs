//! Number text as ServiceStack.Text writes it.
//!
//! Doubles: the shortest digits that round-trip (as .NET Core 3.0+), laid out with .NET's "G" rules at
//! 15 significant digits (as ServiceStack on .NET Framework, which produced the reference vectors):
//! fixed notation while the decimal exponent is in -5..=14 (or the digits need more room), otherwise
//! `d.dddE+XX`. Whenever the shortest digits number 15 or fewer the text is exactly .NET Framework's.
//!
//! Floats: .NET's "R" format for `float`: the 7-digit text when it round-trips, otherwise 9 digits
//! (`1/3f` is `0.333333343`, not Rust's `0.33333334`): exactly what ServiceStack writes.

/// Append the JSV text of a `f64`.
pub(crate) fn write_f64(out: &mut String, value: f64) {
    if !value.is_finite() {
        return write_non_finite(out, value);
    }
    let mut buffer = zmij::Buffer::new();
    let text = buffer.format_finite(value);
    // Common case: a magnitude that both zmij and .NET write in fixed notation (1E-04 up to 1E+15),
    // so the text is the same but for zmij's `.0` on whole numbers.
    let magnitude = value.abs();
    if (1e-4..1e15).contains(&magnitude) {
        debug_assert!(!text.contains('e'), "{text}");
        out.push_str(text.strip_suffix(".0").unwrap_or(text));
        return;
    }
    let decimal = Decimal::parse(text.as_bytes());
    decimal.write(out, 15);
}

/// Append the JSV text of a `f32`.
pub(crate) fn write_f32(out: &mut String, value: f32) {
    if !value.is_finite() {
        return write_non_finite(out, value as f64);
    }
    // .NET's "R" for float: the exact value rounded to 7 significant digits if that reads back as the
    // same float, else rounded to 9 (which always does). Not the shortest form: 1E-45f is
    // `1.401298E-45`.
    let seven = round_half_up(value, 7);
    if seven.parse::<f32>() == Ok(value) {
        Decimal::parse(seven.as_bytes()).write(out, 7);
    } else {
        Decimal::parse(round_half_up(value, 9).as_bytes()).write(out, 9);
    }
}

/// `value` rounded to `digits` significant digits, halves away from zero as .NET rounds (Rust's
/// `{:.Ne}` rounds halves to even: 22041.65625 must become `22041.6563`). Scientific text.
fn round_half_up(value: f32, digits: usize) -> String {
    // Every f32 is exact in f64, and 120 digits hold the whole decimal expansion of any f32.
    let exact = format!("{:.119e}", value as f64);
    let (mantissa, exponent) = exact.split_once('e').expect("scientific text");
    let (sign, mantissa) = mantissa
        .strip_prefix('-')
        .map_or(("", mantissa), |m| ("-", m));
    let mut kept: Vec<u8> = mantissa.bytes().filter(u8::is_ascii_digit).collect();
    let round_up = kept.get(digits).is_some_and(|d| *d >= b'5');
    kept.truncate(digits);
    let mut exponent: i32 = exponent.parse().expect("exponent");
    if round_up {
        let mut i = digits;
        loop {
            if i == 0 {
                // 9.99... rounded up to 10.0...
                kept.insert(0, b'1');
                kept.truncate(digits);
                exponent += 1;
                break;
            }
            i -= 1;
            if kept[i] == b'9' {
                kept[i] = b'0';
            } else {
                kept[i] += 1;
                break;
            }
        }
    }
    let digits = String::from_utf8(kept).expect("ASCII digits");
    format!("{sign}{}.{}e{exponent}", &digits[..1], &digits[1..])
}

fn write_non_finite(out: &mut String, value: f64) {
    out.push_str(if value.is_nan() {
        "NaN"
    } else if value > 0.0 {
        "Infinity"
    } else {
        "-Infinity"
    });
}

/// A finite number as sign, significant digits and scale: value = 0.d1d2d3... x 10^scale.
struct Decimal {
    negative: bool,
    digits: [u8; 40],
    len: usize,
    scale: i32,
}

impl Decimal {
    /// Parses Rust's own float text (`zmij` or `{:e}` output: `-12.5`, `1e-7`, `1.25e+300`).
    fn parse(text: &[u8]) -> Decimal {
        let mut decimal = Decimal {
            negative: false,
            digits: [0; 40],
            len: 0,
            scale: 0,
        };
        let mut rest = text;
        if let [b'-', tail @ ..] = rest {
            decimal.negative = true;
            rest = tail;
        }
        let (mantissa, exponent) = match rest.iter().position(|&b| b == b'e' || b == b'E') {
            Some(i) => (&rest[..i], parse_exponent(&rest[i + 1..])),
            None => (rest, 0),
        };
        let mut integer_digits: i32 = 0;
        let mut seen_point = false;
        for &b in mantissa {
            match b {
                b'.' => seen_point = true,
                b'0'..=b'9' => {
                    if decimal.len == 0 && b == b'0' {
                        // A leading zero moves the scale instead of taking a digit.
                        if seen_point {
                            integer_digits -= 1;
                        }
                        continue;
                    }
                    if decimal.len < decimal.digits.len() {
                        decimal.digits[decimal.len] = b;
                        decimal.len += 1;
                    }
                    if !seen_point {
                        integer_digits += 1;
                    }
                }
                _ => {}
            }
        }
        while decimal.len > 0 && decimal.digits[decimal.len - 1] == b'0' {
            decimal.len -= 1;
        }
        decimal.scale = integer_digits + exponent;
        decimal
    }

    /// Writes in .NET "G" layout with at least `min_precision` digits of room before switching to
    /// scientific notation. Zero (either sign) is `0`.
    fn write(&self, out: &mut String, min_precision: usize) {
        if self.len == 0 {
            out.push('0');
            return;
        }
        if self.negative {
            out.push('-');
        }
        let digits = std::str::from_utf8(&self.digits[..self.len]).expect("ASCII digits");
        let max_digits = self.len.max(min_precision) as i32;
        let scale = self.scale;
        if scale > max_digits || scale < -3 {
            out.push_str(&digits[..1]);
            if digits.len() > 1 {
                out.push('.');
                out.push_str(&digits[1..]);
            }
            let exponent = scale - 1;
            out.push('E');
            out.push(if exponent < 0 { '-' } else { '+' });
            let magnitude = exponent.unsigned_abs();
            if magnitude < 10 {
                out.push('0');
            }
            let mut buffer = itoa::Buffer::new();
            out.push_str(buffer.format(magnitude));
        } else if scale <= 0 {
            out.push_str("0.");
            out.extend(std::iter::repeat_n('0', (-scale) as usize));
            out.push_str(digits);
        } else {
            let scale = scale as usize;
            if digits.len() <= scale {
                out.push_str(digits);
                out.extend(std::iter::repeat_n('0', scale - digits.len()));
            } else {
                out.push_str(&digits[..scale]);
                out.push('.');
                out.push_str(&digits[scale..]);
            }
        }
    }
}

fn parse_exponent(text: &[u8]) -> i32 {
    let (negative, digits) = match text {
        [b'-', rest @ ..] => (true, rest),
        [b'+', rest @ ..] => (false, rest),
        _ => (false, text),
    };
    let magnitude = digits.iter().fold(0i32, |acc, &b| {
        acc.saturating_mul(10).saturating_add((b - b'0') as i32)
    });
    if negative { -magnitude } else { magnitude }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f64_text(v: f64) -> String {
        let mut out = String::new();
        write_f64(&mut out, v);
        out
    }

    fn f32_text(v: f32) -> String {
        let mut out = String::new();
        write_f32(&mut out, v);
        out
    }

    #[test]
    fn doubles_match_observed_servicestack_text() {
        for (value, text) in [
            (0.0, "0"),
            (-0.0, "0"),
            (0.1, "0.1"),
            (100.0, "100"),
            (89557.0, "89557"),
            (1e14, "100000000000000"),
            (1e15, "1E+15"),
            (1e21, "1E+21"),
            (1e-4, "0.0001"),
            (1e-5, "1E-05"),
            (1e-7, "1E-07"),
            (-1.25e-300, "-1.25E-300"),
            (f64::MAX, "1.7976931348623157E+308"),
            (f64::MIN, "-1.7976931348623157E+308"),
            (-49575.8872942887, "-49575.8872942887"),
            (f64::NAN, "NaN"),
            (f64::INFINITY, "Infinity"),
            (f64::NEG_INFINITY, "-Infinity"),
            (123456789012345678.0, "1.2345678901234568E+17"),
            (0.30000000000000004, "0.30000000000000004"),
        ] {
            assert_eq!(f64_text(value), text, "{value:e}");
        }
    }

    #[test]
    fn floats_use_dotnet_round_trip_format() {
        for (value, text) in [
            (0.1f32, "0.1"),
            (1.0 / 3.0, "0.333333343"),
            (16777217.0, "16777216"),
            (1e10, "1E+10"),
            (f32::MAX, "3.40282347E+38"),
            (-0.0, "0"),
            (-1526.0, "-1526"),
            (f32::NAN, "NaN"),
            (-2.427883E-18, "-2.427883E-18"),
            (1e-45, "1.401298E-45"),
            (22041.656, "22041.6563"),
        ] {
            assert_eq!(f32_text(value), text, "{value:e}");
        }
    }

    #[test]
    fn fixed_fast_path_matches_the_general_layout() {
        let mut state = 0x2545_F491_4F6C_DD1Du64;
        for _ in 0..50_000 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            // Magnitudes around the fast path's edges and inside it.
            let exponent = (state % 40) as i32 - 8;
            let value = (state >> 11) as f64 / (1u64 << 53) as f64 * 10f64.powi(exponent);
            let value = if state & 1 == 0 { value } else { -value };
            let mut general = String::new();
            Decimal::parse(zmij::Buffer::new().format_finite(value).as_bytes())
                .write(&mut general, 15);
            assert_eq!(f64_text(value), general, "{value:e}");
        }
    }

    #[test]
    fn every_written_double_reads_back() {
        let mut state = 0x9E37_79B9_7F4A_7C15u64;
        for _ in 0..20_000 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let value = f64::from_bits(state);
            if value.is_finite() {
                let text = f64_text(value);
                assert_eq!(text.parse::<f64>().unwrap(), value, "{text}");
            }
        }
    }
}
