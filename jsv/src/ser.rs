//! Serialize Rust values as JSV text, the way ServiceStack.Text's `TypeSerializer` writes them.

use std::io;

use serde_core::ser::{self, Impossible, Serialize};

use crate::error::{Error, Result};
use crate::number;
use crate::pretty::PrettyFormatter;
use crate::raw::{self, RAW_SCALAR};

/// Serializes Rust values into compact JSV ([`Serializer::new`]) or into ServiceStack's pretty layout
/// ([`Serializer::pretty`]; see [`PrettyFormatter`]).
///
/// Output goes into an in-memory buffer: a struct member's key can only be written once it is known that
/// its value is not `None` (JSV omits null members), so the writer must be able to take back the key.
/// [`to_writer`] copies the finished buffer to an `io::Write` in one call.
///
/// The form of every part of serde's data model:
///
/// | Rust | JSV |
/// | --- | --- |
/// | `bool` | `True` / `False` |
/// | integers | decimal digits |
/// | `f32`, `f64` | .NET's number text: `0.1`, `89557`, `1E+21`, `1E-05`, `NaN`, `Infinity`, `-Infinity` |
/// | `str`, `char` | verbatim, or CSV-quoted (`"a,b"`, `"say ""hi"""`) when it holds one of `" : , { } [ ] CR LF`; the empty string is `""` |
/// | bytes | standard base64 with padding |
/// | `None`, `()` | nothing: struct members and map entries are left out, list items stay as empty items (`[a,,b]`) |
/// | unit struct | `{}` |
/// | newtype struct | its content; named [`RAW_SCALAR`], its content's text unquoted (see [`raw`](crate::raw)) |
/// | seq, tuple, tuple struct | `[a,b,c]` |
/// | map, struct | `{Key:value,...}` |
/// | unit variant | its name: `Active` |
/// | newtype / tuple / struct variant | `{Name:value}`, `{Name:[a,b]}`, `{Name:{A:1}}` (serde's externally tagged form) |
pub struct Serializer<F = CompactFormatter> {
    // Owned rather than borrowed: one indirection less on every write. A `String`, since everything
    // written comes from `str`s or is ASCII: the result needs no UTF-8 check.
    out: String,
    formatter: F,
    include_none: bool,
    // Set by `serialize_none`/`serialize_unit`, cleared by everything that writes a value, so a struct
    // or map can tell afterwards that the member it just wrote was null.
    wrote_none: bool,
}

impl Default for Serializer {
    fn default() -> Self {
        Serializer::new()
    }
}

impl Serializer {
    /// A serializer writing compact JSV into a new buffer.
    pub fn new() -> Self {
        Serializer::with_buffer(String::with_capacity(128))
    }

    /// A serializer appending compact JSV to `buffer` (reuse one to avoid allocating).
    pub fn with_buffer(buffer: String) -> Self {
        Serializer::with_formatter(buffer, CompactFormatter)
    }
}

impl Serializer<PrettyFormatter> {
    /// A serializer writing pretty JSV, laid out as [`to_string_pretty`](crate::to_string_pretty)
    /// describes, into a new buffer.
    pub fn pretty() -> Self {
        Serializer::with_formatter(String::with_capacity(128), PrettyFormatter::default())
    }
}

impl<F: Formatter> Serializer<F> {
    /// A serializer appending to `buffer`, laid out by `formatter`.
    pub fn with_formatter(buffer: String, formatter: F) -> Self {
        Serializer {
            out: buffer,
            formatter,
            include_none: false,
            wrote_none: false,
        }
    }

    /// The JSV written so far.
    pub fn into_inner(mut self) -> String {
        self.formatter.finish(&mut self.out);
        self.out
    }

    /// Write `None` struct members and map values as empty values (`{A:,B:1}`) instead of leaving them out.
    ///
    /// ServiceStack never does this for JSV (its `IncludeNullValues` setting has no effect on JSV); it
    /// reads such members back as null all the same.
    pub fn include_none(mut self, include: bool) -> Self {
        self.include_none = include;
        self
    }
}

/// How a [`Serializer`] lays out the compact JSV it produces: [`CompactFormatter`] writes it as it is,
/// [`PrettyFormatter`] as ServiceStack's `JsvFormatter.Format` lays it out. Sealed: the layouts are
/// ServiceStack's, not open for extension.
pub trait Formatter: private::Sealed {
    /// A copy of the layout state, to take back a member whose value turned out to be null.
    type Checkpoint: Copy + Default;

    /// Writes `{` or `[`.
    fn open(&mut self, out: &mut String, bracket: u8);
    /// Writes `}` or `]`.
    fn close(&mut self, out: &mut String, bracket: u8);
    /// Writes the `,` between items or members.
    fn comma(&mut self, out: &mut String);
    /// Writes the `:` after a member name or map key.
    fn colon(&mut self, out: &mut String);
    /// Called before the caller appends a token without any of `{ [ } ] " , :` to `out` itself.
    fn begin_plain(&mut self, out: &mut String);
    /// Writes compact text that may hold any character (quoted strings, names, date-times).
    fn text(&mut self, out: &mut String, text: &str);
    /// The layout state now.
    fn checkpoint(&self) -> Self::Checkpoint;
    /// Goes back to a state taken with [`checkpoint`](Formatter::checkpoint).
    fn restore(&mut self, checkpoint: Self::Checkpoint);
    /// Writes whatever is held back once the value is complete.
    fn finish(&mut self, out: &mut String);
}

pub(crate) mod private {
    /// Only this crate's layouts implement [`Formatter`](super::Formatter).
    pub trait Sealed {}
}

/// The compact layout: ServiceStack's wire form, written as it is.
#[derive(Clone, Copy, Debug, Default)]
pub struct CompactFormatter;

impl private::Sealed for CompactFormatter {}

impl Formatter for CompactFormatter {
    type Checkpoint = ();

    #[inline]
    fn open(&mut self, out: &mut String, bracket: u8) {
        out.push(bracket as char);
    }

    #[inline]
    fn close(&mut self, out: &mut String, bracket: u8) {
        out.push(bracket as char);
    }

    #[inline]
    fn comma(&mut self, out: &mut String) {
        out.push(',');
    }

    #[inline]
    fn colon(&mut self, out: &mut String) {
        out.push(':');
    }

    #[inline]
    fn begin_plain(&mut self, _out: &mut String) {}

    #[inline]
    fn text(&mut self, out: &mut String, text: &str) {
        out.push_str(text);
    }

    #[inline]
    fn checkpoint(&self) {}

    #[inline]
    fn restore(&mut self, _checkpoint: ()) {}

    #[inline]
    fn finish(&mut self, _out: &mut String) {}
}

/// Serialize `value` as compact JSV into a `String`.
///
/// ```
/// #[derive(serde::Serialize)]
/// struct Member { id: u32, name: String, tags: Vec<&'static str>, manager: Option<String> }
///
/// let member = Member { id: 1, name: "Hello World".into(), tags: vec!["a", "b,c"], manager: None };
/// assert_eq!(jsv::to_string(&member).unwrap(), r#"{id:1,name:Hello World,tags:[a,"b,c"]}"#);
/// ```
pub fn to_string<T: ?Sized + Serialize>(value: &T) -> Result<String> {
    let mut serializer = Serializer::new();
    value.serialize(&mut serializer)?;
    Ok(serializer.into_inner())
}

/// Serialize `value` as compact JSV into a byte vector.
pub fn to_vec<T: ?Sized + Serialize>(value: &T) -> Result<Vec<u8>> {
    to_string(value).map(String::into_bytes)
}

/// Serialize `value` as compact JSV into an I/O stream.
pub fn to_writer<W: io::Write, T: ?Sized + Serialize>(mut writer: W, value: &T) -> Result<()> {
    let out = to_string(value)?;
    writer.write_all(out.as_bytes()).map_err(Error::io)
}

/// Byte classes for writing strings: the characters that make ServiceStack quote a string,
/// `" : , { } [ ] CR LF` ([`SPECIAL`]), and among them `"`, which is doubled inside quotes ([`QUOTE`]).
static STRING_CLASS: [u8; 256] = {
    let mut table = [0; 256];
    let special = b":,{}[]\r\n";
    let mut i = 0;
    while i < special.len() {
        table[special[i] as usize] = SPECIAL;
        i += 1;
    }
    table[b'"' as usize] = SPECIAL | QUOTE;
    table
};

/// The string must be quoted.
const SPECIAL: u8 = 1;
/// The string holds a `"`.
const QUOTE: u8 = 2;

/// A leading byte-order mark is dropped by readers (ServiceStack's and ours), so a string that
/// starts with one is quoted to keep it.
const BOM: &[u8] = "\u{feff}".as_bytes();

/// The classes ([`SPECIAL`], [`QUOTE`]) of the characters in `bytes`, or-ed together. Eight bytes per
/// step without branches: every string written is scanned.
#[inline]
fn string_classes(bytes: &[u8]) -> u8 {
    let mut chunks = bytes.chunks_exact(8);
    let mut classes = 0;
    for chunk in &mut chunks {
        classes |= chunk
            .iter()
            .fold(0, |acc, &b| acc | STRING_CLASS[b as usize]);
    }
    chunks
        .remainder()
        .iter()
        .fold(classes, |acc, &b| acc | STRING_CLASS[b as usize])
}

/// Append `text` as a JSV string: verbatim, `""` when empty, CSV-quoted when it holds a special character.
pub(crate) fn write_str<F: Formatter>(formatter: &mut F, out: &mut String, text: &str) {
    write_text(formatter, out, text, true)
}

/// Append a map key: as [`write_str`] but with date-times quoted too, since an unquoted `:` would
/// end the key (ServiceStack's own unquoted date keys cannot be read back).
fn write_key<F: Formatter>(formatter: &mut F, out: &mut String, text: &str) {
    write_text(formatter, out, text, false)
}

fn write_text<F: Formatter>(formatter: &mut F, out: &mut String, text: &str, raw_dates: bool) {
    let bytes = text.as_bytes();
    let classes = string_classes(bytes);
    if bytes.is_empty() {
        formatter.text(out, "\"\"");
    } else if classes & SPECIAL == 0 && !bytes.starts_with(BOM) {
        formatter.begin_plain(out);
        out.push_str(text);
    } else if raw_dates && is_dotnet_date_time(bytes) {
        formatter.text(out, text);
    } else if classes & QUOTE == 0 {
        formatter.text(out, "\"");
        formatter.text(out, text);
        formatter.text(out, "\"");
    } else {
        formatter.text(out, "\"");
        let mut rest = text;
        while let Some(i) = memchr::memchr(b'"', rest.as_bytes()) {
            formatter.text(out, &rest[..=i]);
            formatter.text(out, "\"");
            rest = &rest[i + 1..];
        }
        formatter.text(out, rest);
        formatter.text(out, "\"");
    }
}

/// True for the date-time text .NET writes for a local `DateTime` or a `DateTimeOffset`:
/// `yyyy-MM-ddTHH:mm:ss[.fffffff]±hh:mm`. ServiceStack writes those unquoted although they hold `:`
/// (its reader, like ours, ends a value only at `,` or a closing bracket), so writing them the same
/// way keeps DTOs that carry such dates as text byte-identical. UTC text ending in `Z` is quoted like
/// any string: it is as often a plain string property holding a date, which ServiceStack quotes.
fn is_dotnet_date_time(b: &[u8]) -> bool {
    fn digits(b: &[u8]) -> bool {
        b.iter().all(u8::is_ascii_digit)
    }
    let Some((date_time, offset)) = b.len().checked_sub(6).map(|at| b.split_at(at)) else {
        return false;
    };
    let offset_ok =
        matches!(offset, [b'+' | b'-', h1, h2, b':', m1, m2] if digits(&[*h1, *h2, *m1, *m2]));
    let shape_ok = date_time.len() >= 19
        && digits(&date_time[0..4])
        && date_time[4] == b'-'
        && digits(&date_time[5..7])
        && date_time[7] == b'-'
        && digits(&date_time[8..10])
        && date_time[10] == b'T'
        && digits(&date_time[11..13])
        && date_time[13] == b':'
        && digits(&date_time[14..16])
        && date_time[16] == b':'
        && digits(&date_time[17..19]);
    if !(offset_ok && shape_ok) {
        return false;
    }
    match &date_time[19..] {
        [] => true,
        [b'.', fraction @ ..] => (1..=7).contains(&fraction.len()) && digits(fraction),
        _ => false,
    }
}

impl<F: Formatter> Serializer<F> {
    #[inline]
    fn wrote_value(&mut self) {
        self.wrote_none = false;
    }

    fn write_integer<I: itoa::Integer>(&mut self, value: I) -> Result<()> {
        let mut buffer = itoa::Buffer::new();
        self.formatter.begin_plain(&mut self.out);
        self.out.push_str(buffer.format(value));
        self.wrote_value();
        Ok(())
    }
}

impl<'a, F: Formatter> ser::Serializer for &'a mut Serializer<F> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Compound<'a, F>;
    type SerializeTuple = Compound<'a, F>;
    type SerializeTupleStruct = Compound<'a, F>;
    type SerializeTupleVariant = Compound<'a, F>;
    type SerializeMap = Compound<'a, F>;
    type SerializeStruct = Compound<'a, F>;
    type SerializeStructVariant = Compound<'a, F>;

    fn serialize_bool(self, v: bool) -> Result<()> {
        self.formatter.begin_plain(&mut self.out);
        self.out.push_str(if v { "True" } else { "False" });
        self.wrote_value();
        Ok(())
    }

    fn serialize_i8(self, v: i8) -> Result<()> {
        self.write_integer(v)
    }
    fn serialize_i16(self, v: i16) -> Result<()> {
        self.write_integer(v)
    }
    fn serialize_i32(self, v: i32) -> Result<()> {
        self.write_integer(v)
    }
    fn serialize_i64(self, v: i64) -> Result<()> {
        self.write_integer(v)
    }
    fn serialize_i128(self, v: i128) -> Result<()> {
        self.write_integer(v)
    }
    fn serialize_u8(self, v: u8) -> Result<()> {
        self.write_integer(v)
    }
    fn serialize_u16(self, v: u16) -> Result<()> {
        self.write_integer(v)
    }
    fn serialize_u32(self, v: u32) -> Result<()> {
        self.write_integer(v)
    }
    fn serialize_u64(self, v: u64) -> Result<()> {
        self.write_integer(v)
    }
    fn serialize_u128(self, v: u128) -> Result<()> {
        self.write_integer(v)
    }

    fn serialize_f32(self, v: f32) -> Result<()> {
        self.formatter.begin_plain(&mut self.out);
        number::write_f32(&mut self.out, v);
        self.wrote_value();
        Ok(())
    }

    fn serialize_f64(self, v: f64) -> Result<()> {
        self.formatter.begin_plain(&mut self.out);
        number::write_f64(&mut self.out, v);
        self.wrote_value();
        Ok(())
    }

    fn serialize_char(self, v: char) -> Result<()> {
        // ServiceStack writes a char raw even when it is `,` or `"`, which it then cannot read back;
        // quoting it like a one-character string keeps the output readable (by ServiceStack too).
        self.serialize_str(v.encode_utf8(&mut [0; 4]))
    }

    fn serialize_str(self, v: &str) -> Result<()> {
        write_str(&mut self.formatter, &mut self.out, v);
        self.wrote_value();
        Ok(())
    }

    fn serialize_bytes(self, v: &[u8]) -> Result<()> {
        use base64::Engine;
        self.formatter.begin_plain(&mut self.out);
        base64::engine::general_purpose::STANDARD.encode_string(v, &mut self.out);
        self.wrote_value();
        Ok(())
    }

    fn serialize_none(self) -> Result<()> {
        self.wrote_none = true;
        Ok(())
    }

    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Result<()> {
        value.serialize(self)
    }

    fn serialize_unit(self) -> Result<()> {
        self.serialize_none()
    }

    fn serialize_unit_struct(self, _name: &'static str) -> Result<()> {
        self.formatter.open(&mut self.out, b'{');
        self.formatter.close(&mut self.out, b'}');
        self.wrote_value();
        Ok(())
    }

    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<()> {
        self.serialize_str(variant)
    }

    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        name: &'static str,
        value: &T,
    ) -> Result<()> {
        if name == RAW_SCALAR {
            let text = raw::text(value)?;
            self.formatter.text(&mut self.out, &text);
            self.wrote_value();
            return Ok(());
        }
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<()> {
        self.formatter.open(&mut self.out, b'{');
        write_str(&mut self.formatter, &mut self.out, variant);
        self.formatter.colon(&mut self.out);
        value.serialize(&mut *self)?;
        self.formatter.close(&mut self.out, b'}');
        self.wrote_value();
        Ok(())
    }

    fn serialize_seq(self, _len: Option<usize>) -> Result<Self::SerializeSeq> {
        self.formatter.open(&mut self.out, b'[');
        Ok(Compound {
            ser: self,
            first: true,
            closer: b"]",
            key_start: 0,
            key_checkpoint: F::Checkpoint::default(),
        })
    }

    fn serialize_tuple(self, len: usize) -> Result<Self::SerializeTuple> {
        self.serialize_seq(Some(len))
    }

    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        len: usize,
    ) -> Result<Self::SerializeTupleStruct> {
        self.serialize_seq(Some(len))
    }

    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleVariant> {
        self.formatter.open(&mut self.out, b'{');
        write_str(&mut self.formatter, &mut self.out, variant);
        self.formatter.colon(&mut self.out);
        self.formatter.open(&mut self.out, b'[');
        Ok(Compound {
            ser: self,
            first: true,
            closer: b"]}",
            key_start: 0,
            key_checkpoint: F::Checkpoint::default(),
        })
    }

    fn serialize_map(self, _len: Option<usize>) -> Result<Self::SerializeMap> {
        self.formatter.open(&mut self.out, b'{');
        Ok(Compound {
            ser: self,
            first: true,
            closer: b"}",
            key_start: 0,
            key_checkpoint: F::Checkpoint::default(),
        })
    }

    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<Self::SerializeStruct> {
        self.serialize_map(None)
    }

    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStructVariant> {
        self.formatter.open(&mut self.out, b'{');
        write_str(&mut self.formatter, &mut self.out, variant);
        self.formatter.colon(&mut self.out);
        self.formatter.open(&mut self.out, b'{');
        Ok(Compound {
            ser: self,
            first: true,
            closer: b"}}",
            key_start: 0,
            key_checkpoint: F::Checkpoint::default(),
        })
    }

    fn collect_str<T: ?Sized + std::fmt::Display>(self, value: &T) -> Result<()> {
        self.serialize_str(&value.to_string())
    }
}

/// The state of a list, map or struct being written.
#[doc(hidden)]
pub struct Compound<'a, F: Formatter = CompactFormatter> {
    ser: &'a mut Serializer<F>,
    first: bool,
    // The brackets that close what was opened: `]`, `}`, or two for a variant's content.
    closer: &'static [u8],
    // Where the current map entry's separator and key began, and the layout state there, to take
    // them back if the value is null.
    key_start: usize,
    key_checkpoint: F::Checkpoint,
}

impl<F: Formatter> Compound<'_, F> {
    #[inline]
    fn element<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<()> {
        if !self.first {
            self.ser.formatter.comma(&mut self.ser.out);
        }
        self.first = false;
        value.serialize(&mut *self.ser)?;
        self.ser.wrote_none = false;
        Ok(())
    }

    #[inline]
    fn begin_entry(&mut self) {
        self.key_start = self.ser.out.len();
        self.key_checkpoint = self.ser.formatter.checkpoint();
        if !self.first {
            self.ser.formatter.comma(&mut self.ser.out);
        }
    }

    /// Serializes an entry's value; takes the entry back when the value turned out to be null.
    #[inline]
    fn entry_value<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<()> {
        self.ser.formatter.colon(&mut self.ser.out);
        self.ser.wrote_none = false;
        value.serialize(&mut *self.ser)?;
        if self.ser.wrote_none && !self.ser.include_none {
            self.ser.out.truncate(self.key_start);
            self.ser.formatter.restore(self.key_checkpoint);
        } else {
            self.first = false;
        }
        self.ser.wrote_none = false;
        Ok(())
    }

    fn finish(self) -> Result<()> {
        for &bracket in self.closer {
            self.ser.formatter.close(&mut self.ser.out, bracket);
        }
        self.ser.wrote_none = false;
        Ok(())
    }
}

impl<F: Formatter> ser::SerializeSeq for Compound<'_, F> {
    type Ok = ();
    type Error = Error;
    fn serialize_element<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<()> {
        self.element(value)
    }
    fn end(self) -> Result<()> {
        self.finish()
    }
}

impl<F: Formatter> ser::SerializeTuple for Compound<'_, F> {
    type Ok = ();
    type Error = Error;
    fn serialize_element<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<()> {
        self.element(value)
    }
    fn end(self) -> Result<()> {
        self.finish()
    }
}

impl<F: Formatter> ser::SerializeTupleStruct for Compound<'_, F> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<()> {
        self.element(value)
    }
    fn end(self) -> Result<()> {
        self.finish()
    }
}

impl<F: Formatter> ser::SerializeTupleVariant for Compound<'_, F> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<()> {
        self.element(value)
    }
    fn end(self) -> Result<()> {
        self.finish()
    }
}

impl<F: Formatter> ser::SerializeMap for Compound<'_, F> {
    type Ok = ();
    type Error = Error;

    fn serialize_key<T: ?Sized + Serialize>(&mut self, key: &T) -> Result<()> {
        self.begin_entry();
        key.serialize(MapKeySerializer {
            ser: &mut *self.ser,
        })
    }

    fn serialize_value<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<()> {
        self.entry_value(value)
    }

    fn end(self) -> Result<()> {
        self.finish()
    }
}

impl<F: Formatter> ser::SerializeStruct for Compound<'_, F> {
    type Ok = ();
    type Error = Error;

    fn serialize_field<T: ?Sized + Serialize>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<()> {
        self.begin_entry();
        // Member names are written raw, as ServiceStack writes property names.
        self.ser.formatter.text(&mut self.ser.out, key);
        self.entry_value(value)
    }

    fn end(self) -> Result<()> {
        self.finish()
    }
}

impl<F: Formatter> ser::SerializeStructVariant for Compound<'_, F> {
    type Ok = ();
    type Error = Error;

    fn serialize_field<T: ?Sized + Serialize>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<()> {
        ser::SerializeStruct::serialize_field(self, key, value)
    }

    fn end(self) -> Result<()> {
        self.finish()
    }
}

/// Writes a map key: scalars as their text (strings quoted by the string rule), composite keys as
/// their JSV (ServiceStack writes object keys as `{...}`).
struct MapKeySerializer<'a, F: Formatter> {
    ser: &'a mut Serializer<F>,
}

fn key_must_be_a_value() -> Error {
    Error::new(
        crate::error::Category::Data,
        "a map key must not be null or unit",
    )
}

macro_rules! forward_key {
    ($($method:ident($ty:ty);)*) => {$(
        fn $method(self, v: $ty) -> Result<()> {
            ser::Serializer::$method(self.ser, v)
        }
    )*};
}

impl<'a, F: Formatter> ser::Serializer for MapKeySerializer<'a, F> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Compound<'a, F>;
    type SerializeTuple = Compound<'a, F>;
    type SerializeTupleStruct = Compound<'a, F>;
    type SerializeTupleVariant = Compound<'a, F>;
    type SerializeMap = Compound<'a, F>;
    type SerializeStruct = Compound<'a, F>;
    type SerializeStructVariant = Impossible<(), Error>;

    forward_key! {
        serialize_bool(bool); serialize_i8(i8); serialize_i16(i16); serialize_i32(i32); serialize_i64(i64);
        serialize_i128(i128); serialize_u8(u8); serialize_u16(u16); serialize_u32(u32); serialize_u64(u64);
        serialize_u128(u128); serialize_f32(f32); serialize_f64(f64); serialize_bytes(&[u8]);
    }

    fn serialize_char(self, v: char) -> Result<()> {
        self.serialize_str(v.encode_utf8(&mut [0; 4]))
    }

    fn serialize_str(self, v: &str) -> Result<()> {
        write_key(&mut self.ser.formatter, &mut self.ser.out, v);
        self.ser.wrote_value();
        Ok(())
    }

    fn serialize_none(self) -> Result<()> {
        Err(key_must_be_a_value())
    }
    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Result<()> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<()> {
        Err(key_must_be_a_value())
    }
    fn serialize_unit_struct(self, name: &'static str) -> Result<()> {
        ser::Serializer::serialize_unit_struct(self.ser, name)
    }
    fn serialize_unit_variant(
        self,
        name: &'static str,
        index: u32,
        variant: &'static str,
    ) -> Result<()> {
        ser::Serializer::serialize_unit_variant(self.ser, name, index, variant)
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        name: &'static str,
        value: &T,
    ) -> Result<()> {
        if name == RAW_SCALAR {
            return self.serialize_str(&raw::text(value)?);
        }
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        name: &'static str,
        index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<()> {
        ser::Serializer::serialize_newtype_variant(self.ser, name, index, variant, value)
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<Compound<'a, F>> {
        ser::Serializer::serialize_seq(self.ser, len)
    }
    fn serialize_tuple(self, len: usize) -> Result<Compound<'a, F>> {
        ser::Serializer::serialize_tuple(self.ser, len)
    }
    fn serialize_tuple_struct(self, name: &'static str, len: usize) -> Result<Compound<'a, F>> {
        ser::Serializer::serialize_tuple_struct(self.ser, name, len)
    }
    fn serialize_tuple_variant(
        self,
        name: &'static str,
        index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Compound<'a, F>> {
        ser::Serializer::serialize_tuple_variant(self.ser, name, index, variant, len)
    }
    fn serialize_map(self, len: Option<usize>) -> Result<Compound<'a, F>> {
        ser::Serializer::serialize_map(self.ser, len)
    }
    fn serialize_struct(self, name: &'static str, len: usize) -> Result<Compound<'a, F>> {
        ser::Serializer::serialize_struct(self.ser, name, len)
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Impossible<(), Error>> {
        Err(Error::new(
            crate::error::Category::Data,
            "a struct variant cannot be a map key",
        ))
    }
    fn collect_str<T: ?Sized + std::fmt::Display>(self, value: &T) -> Result<()> {
        ser::Serializer::collect_str(self.ser, value)
    }
}
