//! The pretty printer: ServiceStack's `JsvFormatter.Format` layout, byte for byte. One state machine,
//! [`PrettyFormatter`], either run over compact JSV text ([`format()`]) or fed token by token while
//! serializing ([`to_string_pretty`]), which skips the compact text in between.

use serde_core::Serialize;
use std::io;

use crate::error::{Error, Result};
use crate::ser::{Formatter, Serializer};
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
/// assert_eq!(jsv::format("{Id:1,Tags:[a,b]}"), "{\n\tId: 1,\n\tTags: \n\t[\n\t\ta,\n\t\tb\n\t]\n}");
/// ```
///
/// It cannot fail: like ServiceStack's `JsvFormatter`, it re-lays out any text, valid JSV or not.
pub fn format(compact: &str) -> String {
    let mut out = String::with_capacity(compact.len() + compact.len() / 2);
    let mut formatter = PrettyFormatter::default();
    formatter.feed(&mut out, compact);
    formatter.finish(&mut out);
    out
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

fn newline(out: &mut String, depth: i64) {
    let depth = depth.max(0) as usize;
    if depth < NEWLINE_TABS.len() {
        out.push_str(&NEWLINE_TABS[..=depth]);
    } else {
        out.push('\n');
        out.extend(std::iter::repeat_n('\t', depth));
    }
}

/// The layout state of ServiceStack's `JsvFormatter.Format`, a pass over compact JSV byte by byte:
/// one tab per level; a newline after each `,` outside quotes and around brackets; a space after the
/// first `:` since the last bracket or comma; brackets re-indent even inside quotes. Fed compact text
/// in pieces it writes exactly what the pass writes over the whole text.
///
/// [`Serializer::pretty`] uses it to write pretty JSV directly; [`format()`] runs it over text.
#[derive(Clone, Copy, Debug)]
pub struct PrettyFormatter {
    depth: i64,
    // Whether the next `:` gets a space after it.
    space_after_colon: bool,
    in_quotes: bool,
    // Whether the last byte of the compact text was `:` (a bracket there may stay inline).
    last_was_colon: bool,
    // An opening bracket right after a `:` stays inline with its closer when the container is empty
    // (`A: []`): it is held back until the next byte shows which.
    pending_open: Option<u8>,
}

impl PrettyFormatter {
    /// Runs the pass over `text`, a piece of compact JSV (it may end anywhere, even inside a token).
    pub(crate) fn feed(&mut self, out: &mut String, text: &str) {
        let input = text.as_bytes();
        let mut i = 0;
        while i < input.len() {
            // Copy the run of ordinary characters up to the next one that matters, in one go.
            let run_start = i;
            i = next_special(input, i);
            if i > run_start {
                self.begin_run(out);
                out.push_str(&text[run_start..i]);
            }
            let Some(&c) = input.get(i) else {
                break;
            };
            match c {
                b'{' | b'[' => self.open_bracket(out, c),
                b'}' | b']' => self.close_bracket(out, c),
                b',' => self.comma(out),
                b':' => self.colon(out),
                _ => {
                    self.begin_run(out);
                    out.push(c as char);
                    self.in_quotes = !self.in_quotes;
                }
            }
            i += 1;
        }
    }

    /// Ordinary characters follow: a held-back bracket starts a non-empty container.
    #[inline]
    fn begin_run(&mut self, out: &mut String) {
        if self.pending_open.is_some() {
            self.flush_open(out);
        }
        self.last_was_colon = false;
    }

    #[cold]
    fn flush_open(&mut self, out: &mut String) {
        if let Some(bracket) = self.pending_open.take() {
            newline(out, self.depth);
            out.push(bracket as char);
            self.depth += 1;
            newline(out, self.depth);
            self.space_after_colon = true;
        }
    }

    fn open_bracket(&mut self, out: &mut String, bracket: u8) {
        self.flush_open(out);
        if self.last_was_colon {
            self.pending_open = Some(bracket);
        } else {
            out.push(bracket as char);
            self.depth += 1;
            newline(out, self.depth);
            self.space_after_colon = true;
        }
        self.last_was_colon = false;
    }

    fn close_bracket(&mut self, out: &mut String, bracket: u8) {
        self.last_was_colon = false;
        if let Some(open) = self.pending_open.take() {
            // `{}` or `[]` right after a `:`: written as it is, changing nothing else.
            out.push(open as char);
            out.push(bracket as char);
            return;
        }
        self.depth -= 1;
        newline(out, self.depth);
        out.push(bracket as char);
        self.space_after_colon = true;
    }

    fn comma(&mut self, out: &mut String) {
        self.begin_run(out);
        out.push(',');
        if !self.in_quotes {
            newline(out, self.depth);
            self.space_after_colon = true;
        }
    }

    fn colon(&mut self, out: &mut String) {
        self.begin_run(out);
        out.push(':');
        if self.space_after_colon {
            out.push(' ');
            self.space_after_colon = false;
        }
        self.last_was_colon = true;
    }
}

impl Default for PrettyFormatter {
    fn default() -> Self {
        PrettyFormatter {
            depth: 0,
            space_after_colon: true,
            in_quotes: false,
            last_was_colon: false,
            pending_open: None,
        }
    }
}

impl crate::ser::private::Sealed for PrettyFormatter {}

impl Formatter for PrettyFormatter {
    type Checkpoint = PrettyFormatter;

    fn open(&mut self, out: &mut String, bracket: u8) {
        self.open_bracket(out, bracket);
    }

    fn close(&mut self, out: &mut String, bracket: u8) {
        self.close_bracket(out, bracket);
    }

    fn comma(&mut self, out: &mut String) {
        PrettyFormatter::comma(self, out);
    }

    fn colon(&mut self, out: &mut String) {
        PrettyFormatter::colon(self, out);
    }

    #[inline]
    fn begin_plain(&mut self, out: &mut String) {
        self.begin_run(out);
    }

    fn text(&mut self, out: &mut String, text: &str) {
        self.feed(out, text);
    }

    fn checkpoint(&self) -> PrettyFormatter {
        *self
    }

    fn restore(&mut self, checkpoint: PrettyFormatter) {
        *self = checkpoint;
    }

    fn finish(&mut self, out: &mut String) {
        self.flush_open(out);
    }
}

/// Serialize `value` as pretty-printed JSV, laid out as ServiceStack's `JsvFormatter.Format` lays out
/// its compact form (which is how ServiceStack prints its metadata-page samples and `Dump()` output).
/// Written directly by [`Serializer::pretty`]: the same text as [`format()`] of
/// [`to_string`](crate::to_string)'s output, without the compact text in between.
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
    let mut serializer = Serializer::pretty();
    value.serialize(&mut serializer)?;
    Ok(serializer.into_inner())
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
            assert_eq!(format(input), expected, "input {input:?}");
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
