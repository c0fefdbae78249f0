//! The pretty printer: a re-indenting pass over compact JSV, byte for byte ServiceStack's
//! `JsvFormatter.Format`.

use serde_core::Serialize;
use std::io;

use crate::error::{Error, Result};
use crate::swar;

/// Reformat compact JSV text exactly as ServiceStack's `JsvFormatter.Format` does (with `\n` newlines).
///
/// The pass is purely textual, quirks included, so that output matches ServiceStack byte for byte:
/// one tab per level; `key: value` with a space after the first `:` of each member or item only; a
/// non-empty `{`/`[` value starts on its own line below `key: ` (which keeps its trailing space); `{}`
/// and `[]` directly after a `:` stay inline; brackets inside quoted strings still re-indent (only `,` is
/// protected by quotes); no trailing newline. Empty input gives empty output.
///
/// Pretty text is not compact JSV: read it back with
/// [`Deserializer::trim_whitespace`](crate::Deserializer::trim_whitespace).
///
/// ```
/// assert_eq!(jsv::format("{Id:1,Tags:[a,b]}").unwrap(), "{\n\tId: 1,\n\tTags: \n\t[\n\t\ta,\n\t\tb\n\t]\n}");
/// ```
///
/// # Errors
///
/// None today: every text has a formatting, as in ServiceStack. The `Result` leaves room for
/// validating options without breaking callers.
pub fn format(compact: &str) -> Result<String> {
    let mut out = String::with_capacity(compact.len() + compact.len() / 2);
    format_into(compact, &mut out);
    Ok(out)
}

/// The characters the formatter acts on; everything else is copied in runs.
static ACTS_ON: [bool; 256] = {
    let mut table = [false; 256];
    let special = b"{[}]\",:";
    let mut i = 0;
    while i < special.len() {
        table[special[i] as usize] = true;
        i += 1;
    }
    table
};

/// Index of the first byte at or after `from` that the formatter acts on, or the end: eight bytes at
/// a time, then the table for the last few.
#[inline]
fn next_special(input: &[u8], mut i: usize) -> usize {
    while i + 8 <= input.len() {
        let word = swar::word_at(input, i);
        let folded = swar::fold_braces(word);
        let marks = swar::bytes_equal(folded, b'[')
            | swar::bytes_equal(folded, b']')
            | swar::bytes_equal(word, b'"')
            | swar::bytes_equal(word, b',')
            | swar::bytes_equal(word, b':');
        if marks != 0 {
            return i + swar::first_marked(marks);
        }
        i += 8;
    }
    while i < input.len() && !ACTS_ON[input[i] as usize] {
        i += 1;
    }
    i
}

/// A newline and tabs for the usual depths, written in one copy.
const NEWLINE_TABS: &str = "\n\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t";

/// Appends the formatted `input` to `out`. Works on the `str` (cut only at ASCII delimiters) so the
/// output needs no UTF-8 check.
fn format_into(text: &str, out: &mut String) {
    fn newline(out: &mut String, depth: i64) {
        let depth = depth.max(0) as usize;
        if depth < NEWLINE_TABS.len() {
            out.push_str(&NEWLINE_TABS[..=depth]);
        } else {
            out.push('\n');
            out.extend(std::iter::repeat_n('\t', depth));
        }
    }

    let input = text.as_bytes();
    let mut depth: i64 = 0;
    let mut space_after_colon = true;
    let mut in_quotes = false;
    let mut i = 0;
    while i < input.len() {
        // Copy the run of ordinary characters up to the next one that matters, in one go.
        let run_start = i;
        i = next_special(input, i);
        out.push_str(&text[run_start..i]);
        let Some(&c) = input.get(i) else {
            break;
        };
        match c {
            b'{' | b'[' => {
                let after_colon = i > 0 && input[i - 1] == b':';
                if after_colon && matches!(input.get(i + 1), Some(b'}' | b']')) {
                    out.push(c as char);
                    out.push(input[i + 1] as char);
                    i += 2;
                    continue;
                }
                if after_colon {
                    newline(out, depth);
                }
                out.push(c as char);
                depth += 1;
                newline(out, depth);
                space_after_colon = true;
            }
            b'}' | b']' => {
                depth -= 1;
                newline(out, depth);
                out.push(c as char);
                space_after_colon = true;
            }
            b'"' => {
                out.push(c as char);
                in_quotes = !in_quotes;
            }
            b',' if !in_quotes => {
                out.push(c as char);
                newline(out, depth);
                space_after_colon = true;
            }
            b':' => {
                out.push(c as char);
                if space_after_colon {
                    out.push(' ');
                    space_after_colon = false;
                }
            }
            _ => out.push(c as char),
        }
        i += 1;
    }
}

/// Serialize `value` as pretty-printed JSV, laid out as ServiceStack's `JsvFormatter.Format` lays out
/// its compact form (which is how ServiceStack prints its metadata-page samples and `Dump()` output).
///
/// ```
/// #[derive(serde::Serialize)]
/// struct Log { date: String, message: String }
/// assert_eq!(
///     jsv::to_string_pretty(&Log { date: "String".into(), message: "String".into() }).unwrap(),
///     "{\n\tdate: String,\n\tmessage: String\n}"
/// );
/// ```
pub fn to_string_pretty<T: ?Sized + Serialize>(value: &T) -> Result<String> {
    format(&crate::to_string(value)?)
}

/// Serialize `value` as pretty-printed JSV (see [`to_string_pretty`]) into an I/O stream.
pub fn to_writer_pretty<W: io::Write, T: ?Sized + Serialize>(
    mut writer: W,
    value: &T,
) -> Result<()> {
    let text = to_string_pretty(value)?;
    writer.write_all(text.as_bytes()).map_err(Error::io)
}

#[cfg(test)]
mod tests {
    use super::format;

    #[test]
    fn observed_servicestack_layouts() {
        for (input, expected) in [
            ("{Id:1,Name:x}", "{\n\tId: 1,\n\tName: x\n}"),
            (
                "{A:[],B:{},C:[[]],D:[{}]}",
                "{\n\tA: [],\n\tB: {},\n\tC: \n\t[\n\t\t[\n\t\t\t\n\t\t]\n\t],\n\tD: \n\t[\n\t\t{\n\t\t\t\n\t\t}\n\t]\n}",
            ),
            (
                "{Tags:[x,\"[b]\",\"c,d\"],M:{\"k:1\":\"v:2\"}}",
                "{\n\tTags: \n\t[\n\t\tx,\n\t\t\"[\n\t\t\tb\n\t\t]\",\n\t\t\"c,d\"\n\t],\n\tM: \n\t{\n\t\t\"k: 1\":\"v:2\"\n\t}\n}",
            ),
            (
                "{T:2012-06-21T13:14:15Z,Ts:[2012-06-21T13:14:15Z]}",
                "{\n\tT: 2012-06-21T13:14:15Z,\n\tTs: \n\t[\n\t\t2012-06-21T13: 14:15Z\n\t]\n}",
            ),
            (
                "[1,[2,3],{a:b}]",
                "[\n\t1,\n\t[\n\t\t2,\n\t\t3\n\t],\n\t{\n\t\ta: b\n\t}\n]",
            ),
            ("[]", "[\n\t\n]"),
            ("{}", "{\n\t\n}"),
            ("a:b:c", "a: b:c"),
            (
                "{A:\"say \"\"hi, there\"\"\"}",
                "{\n\tA: \"say \"\"hi, there\"\"\"\n}",
            ),
            ("{A:x}}", "{\n\tA: x\n}\n}"),
            ("", ""),
        ] {
            assert_eq!(format(input).unwrap(), expected, "input {input:?}");
        }
    }

    #[test]
    fn word_scan_agrees_with_the_table() {
        let text = "ab{cd[ef}gh]ij\"kl,mn:op ümlaut, x{}y".repeat(3);
        let input = text.as_bytes();
        for from in 0..input.len() {
            let expected = (from..input.len())
                .find(|&i| super::ACTS_ON[input[i] as usize])
                .unwrap_or(input.len());
            assert_eq!(super::next_special(input, from), expected, "from {from}");
        }
    }
}
