//! The JSV token grammar, as nom parsers over the input's bytes.
//!
//! JSV has few tokens: an unquoted value runs to the first structural character that ends a value
//! where it stands (`,` and the container's closing bracket); a quoted value is CSV-quoted (`""` for
//! a quote); a member name runs to its `:`; a nested `{...}` or `[...]` is balanced, minding quotes;
//! layout whitespace is skipped only where the reader is asked to. The scanners behind the first
//! three look at eight bytes at a time (SWAR) for the short tokens that dominate, then hand over to
//! `memchr`; as nom parsers they compose like any other, and the reader ([`crate::de`]) runs them at
//! its position and turns their failures into errors with line and column.

use nom::IResult;
use nom::bytes::complete::{tag, take_while};

use crate::swar;

// Byte classes: which structural characters end a token in which context.
pub(crate) const COMMA: u8 = 1;
pub(crate) const CLOSE_BRACE: u8 = 2;
pub(crate) const CLOSE_BRACKET: u8 = 4;
pub(crate) const COLON: u8 = 8;
pub(crate) const QUOTE: u8 = 16;
/// What ends a member name: its `:`, or (an error) the end of the member.
pub(crate) const KEY_END: u8 = COLON | COMMA | CLOSE_BRACE;

pub(crate) static CLASS: [u8; 256] = {
    let mut table = [0u8; 256];
    table[b',' as usize] = COMMA;
    table[b'}' as usize] = CLOSE_BRACE;
    table[b']' as usize] = CLOSE_BRACKET;
    table[b':' as usize] = COLON;
    table[b'"' as usize] = QUOTE;
    table
};

/// A token parser's result: the rest of the input and the token. Failures carry nothing: the
/// reader knows where the token started and says what was expected there.
pub(crate) type Parsed<'a, T> = IResult<&'a [u8], T, ()>;

/// Tokens are mostly short: scan this many bytes inline before handing over to `memchr`.
const INLINE_SCAN: usize = 64;

/// The bytes of `word` that are one of the structural characters in `MASK`, marked by their high
/// bit (the lowest mark is exact: see [`swar::bytes_equal`]).
#[inline(always)]
fn stops<const MASK: u8>(word: u64) -> u64 {
    let mut found = 0;
    if MASK & COMMA != 0 {
        found |= swar::bytes_equal(word, b',');
    }
    if MASK & CLOSE_BRACE != 0 {
        found |= swar::bytes_equal(word, b'}');
    }
    if MASK & CLOSE_BRACKET != 0 {
        found |= swar::bytes_equal(word, b']');
    }
    if MASK & COLON != 0 {
        found |= swar::bytes_equal(word, b':');
    }
    if MASK & QUOTE != 0 {
        found |= swar::bytes_equal(word, b'"');
    }
    found
}

/// Index of the first byte at or after `from` whose class is in `MASK`, or `bytes.len()`: eight
/// bytes at a time for the first `INLINE_SCAN` bytes (most tokens are short), then `memchr`.
#[inline]
pub(crate) fn scan_for<const MASK: u8>(bytes: &[u8], from: usize) -> usize {
    let mut i = from;
    let inline_end = bytes.len().min(from + INLINE_SCAN);
    while i + 8 <= inline_end {
        let found = stops::<MASK>(swar::word_at(bytes, i));
        if found != 0 {
            return i + swar::first_marked(found);
        }
        i += 8;
    }
    while i < inline_end {
        if CLASS[bytes[i] as usize] & MASK != 0 {
            return i;
        }
        i += 1;
    }
    if i >= bytes.len() {
        return bytes.len();
    }
    let rest = &bytes[i..];
    let found = match MASK {
        KEY_END => memchr::memchr3(b':', b',', b'}', rest),
        m if m == COMMA | CLOSE_BRACE => memchr::memchr2(b',', b'}', rest),
        m if m == COMMA | CLOSE_BRACKET => memchr::memchr2(b',', b']', rest),
        QUOTE => memchr::memchr(b'"', rest),
        _ => memchr::memchr(b',', rest),
    };
    found.map_or(bytes.len(), |offset| i + offset)
}

/// Text up to (not including) the first character of class `MASK`, possibly empty; never fails.
#[inline(always)]
pub(crate) fn until<const MASK: u8>(input: &[u8]) -> Parsed<'_, &[u8]> {
    let end = scan_for::<MASK>(input, 0);
    Ok((&input[end..], &input[..end]))
}

/// An unquoted value where the characters of `end_mask` end it (none: the rest of the input).
#[inline(always)]
pub(crate) fn unquoted(end_mask: u8, input: &[u8]) -> Parsed<'_, &[u8]> {
    match end_mask {
        0 => Ok((&input[input.len()..], input)),
        m if m == COMMA | CLOSE_BRACE => until::<{ COMMA | CLOSE_BRACE }>(input),
        m if m == COMMA | CLOSE_BRACKET => until::<{ COMMA | CLOSE_BRACKET }>(input),
        KEY_END => until::<KEY_END>(input),
        _ => until::<COMMA>(input),
    }
}

/// A quoted value, `"..."` with `""` standing for `"`: the text between the quotes, and whether it
/// holds a doubled quote (to collapse). An unterminated quote is a failure at the opening `"`.
pub(crate) fn quoted(input: &[u8]) -> Parsed<'_, (&[u8], bool)> {
    let (mut rest, _) = tag(&b"\""[..])(input)?;
    let mut doubled = false;
    loop {
        let (after, _) = until::<QUOTE>(rest)?;
        match after {
            [b'"', b'"', more @ ..] => {
                doubled = true;
                rest = more;
            }
            [b'"', more @ ..] => {
                let inner = &input[1..input.len() - after.len()];
                return Ok((more, (inner, doubled)));
            }
            _ => return Err(nom::Err::Failure(())),
        }
    }
}

/// A nested `{...}` or `[...]`, whole and balanced (brackets inside quotes do not count), without
/// recursion. An unclosed bracket is a failure at the opening one.
pub(crate) fn balanced(input: &[u8]) -> Parsed<'_, &[u8]> {
    if !matches!(input.first(), Some(b'{' | b'[')) {
        return Err(nom::Err::Error(()));
    }
    let mut depth = 0usize;
    let mut in_quotes = false;
    for (i, &b) in input.iter().enumerate() {
        match b {
            b'"' => in_quotes = !in_quotes,
            b'{' | b'[' if !in_quotes => depth += 1,
            b'}' | b']' if !in_quotes => {
                depth -= 1;
                if depth == 0 {
                    return Ok((&input[i + 1..], &input[..=i]));
                }
            }
            _ => {}
        }
    }
    Err(nom::Err::Failure(()))
}

/// Layout whitespace (space, tab, CR, LF), possibly none.
#[inline]
pub(crate) fn layout(input: &[u8]) -> Parsed<'_, &[u8]> {
    take_while(|b| matches!(b, b' ' | b'\t' | b'\r' | b'\n'))(input)
}

/// `name:`, exactly: a member name the reader expects next.
#[inline(always)]
pub(crate) fn member_name<'a>(name: &[u8], input: &'a [u8]) -> Parsed<'a, ()> {
    match input.split_at_checked(name.len()) {
        Some((head, [b':', rest @ ..])) if head == name => Ok((rest, ())),
        _ => Err(nom::Err::Error(())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scanners_find_the_first_stop_at_any_offset() {
        for at in 0..200 {
            let mut text = vec![b'a'; 220];
            text[at] = b'"';
            assert_eq!(scan_for::<QUOTE>(&text, 0), at);
        }
        assert_eq!(scan_for::<QUOTE>(b"no quotes here", 0), 14);
    }

    #[test]
    fn tokens() {
        assert_eq!(
            until::<{ COMMA | CLOSE_BRACE }>(b"a:b,c}").unwrap(),
            (&b",c}"[..], &b"a:b"[..])
        );
        assert_eq!(unquoted(0, b"a,b").unwrap(), (&b""[..], &b"a,b"[..]));
        assert_eq!(
            quoted(b"\"a\"\"b\",x").unwrap(),
            (&b",x"[..], (&b"a\"\"b"[..], true))
        );
        assert_eq!(quoted(b"\"\"").unwrap(), (&b""[..], (&b""[..], false)));
        assert!(matches!(quoted(b"\"abc"), Err(nom::Err::Failure(_))));
        assert_eq!(
            balanced(b"{a:\"}\",b:[1]},x").unwrap(),
            (&b",x"[..], &b"{a:\"}\",b:[1]}"[..])
        );
        assert!(matches!(balanced(b"[[]"), Err(nom::Err::Failure(_))));
        assert_eq!(layout(b" \t\nx").unwrap(), (&b"x"[..], &b" \t\n"[..]));
        assert_eq!(member_name(b"Id", b"Id:1").unwrap(), (&b"1"[..], ()));
        assert!(member_name(b"Id", b"Ids:1").is_err());
    }
}
