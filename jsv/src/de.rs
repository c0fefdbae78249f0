//! Deserialize JSV text into Rust values.
//!
//! The reader follows ServiceStack.Text's tokenizer: a value ends only at the `,` or closing bracket of
//! its container (so unquoted values may hold `:`, spaces and quotes), a value that starts with `"` is
//! CSV-quoted, and nested `{...}`/`[...]` must follow the `:` directly. Whitespace is data unless
//! [`Deserializer::trim_whitespace`] is on. Scalars are parsed by the type asked for.

use std::io;

use serde_core::de::{self, DeserializeOwned, DeserializeSeed, Visitor};
use serde_core::forward_to_deserialize_any;

use crate::error::{Category, Error, Result};
use crate::scalar::{self, Text};
use crate::token::{self, CLASS, CLOSE_BRACE, CLOSE_BRACKET, COMMA};

/// Where the reader is: which characters end an unquoted value.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
enum Context {
    /// The whole input is the value: it ends at the end of the input.
    Top,
    /// Inside `{...}`: values end at `,` or `}`.
    Object,
    /// Inside `[...]`: items end at `,` or `]`.
    List,
    /// A top-level list written without brackets (`a,b,c`), which ServiceStack accepts.
    BareList,
}

const DEFAULT_RECURSION_LIMIT: usize = 128;

/// A JSV reader over text held in memory.
///
/// ```
/// use serde::Deserialize;
///
/// #[derive(Deserialize, Debug, PartialEq)]
/// struct Log { date: String, message: String }
///
/// // Pretty-printed JSV (as on ServiceStack's metadata pages) needs `trim_whitespace`.
/// let text = "{\n\tdate: 2024-01-02,\n\tmessage: Call started\n}";
/// let mut de = jsv::Deserializer::from_str(text).trim_whitespace(true);
/// let log = Log::deserialize(&mut de).unwrap();
/// de.end().unwrap();
/// assert_eq!(log, Log { date: "2024-01-02".into(), message: "Call started".into() });
/// ```
pub struct Deserializer<'de> {
    // The same text twice: bytes to scan, `str` to slice without validating again.
    source: &'de str,
    input: &'de [u8],
    pos: usize,
    context: Context,
    // The byte classes that end a value in `context`, kept beside it for the scanners.
    end_mask: u8,
    trim: bool,
    remaining_depth: usize,
    recursion_limit: usize,
    fill_missing: bool,
}

impl<'de> Deserializer<'de> {
    /// A reader over `input`. A leading byte-order mark is skipped, as ServiceStack does.
    #[allow(clippy::should_implement_trait)]
    pub fn from_str(input: &'de str) -> Self {
        let input = input.strip_prefix('\u{feff}').unwrap_or(input);
        Deserializer {
            source: input,
            input: input.as_bytes(),
            pos: 0,
            context: Context::Top,
            end_mask: 0,
            trim: false,
            remaining_depth: DEFAULT_RECURSION_LIMIT,
            recursion_limit: DEFAULT_RECURSION_LIMIT,
            fill_missing: false,
        }
    }

    /// A reader over UTF-8 bytes; invalid UTF-8 is an error with its position.
    pub fn from_slice(input: &'de [u8]) -> Result<Self> {
        match std::str::from_utf8(input) {
            Ok(text) => Ok(Deserializer::from_str(text)),
            Err(e) => Err(Error::at(
                Category::Syntax,
                "invalid UTF-8",
                input,
                e.valid_up_to(),
            )),
        }
    }

    /// Treat layout whitespace (space, tab, CR, LF) around keys, values and brackets as layout, not data,
    /// so pretty-printed and hand-written JSV decodes. Off by default: ServiceStack keeps whitespace
    /// inside unquoted values (`{Name: x}` is `" x"`), and so do we unless asked. Whitespace inside a
    /// value (`Hello World`) is kept either way.
    pub fn trim_whitespace(mut self, trim: bool) -> Self {
        self.trim = trim;
        self
    }

    /// How deeply lists and objects may nest before reading fails with an error (128 by default),
    /// which keeps hostile input from overflowing the stack.
    pub fn recursion_limit(mut self, limit: usize) -> Self {
        self.recursion_limit = limit;
        self.remaining_depth = limit;
        self
    }

    /// Read struct members missing from the input as empty values, as ServiceStack leaves them at
    /// their .NET defaults: `{Id:1}` reads into a struct whose other members become `0`, `false`, `""`,
    /// empty lists, `None`, or structs filled the same way.
    ///
    /// Off by default on a `Deserializer` (serde's usual "missing field" errors and
    /// `#[serde(default = "...")]` functions apply). [`from_str`], [`from_slice`] and [`from_reader`]
    /// read once without it and, only if a required member was missing, read again with it, so that
    /// they accept what ServiceStack accepts. With it on, `#[serde(default = "...")]` functions are not
    /// called, since every member is read, as an empty value if absent.
    pub fn fill_missing_members(mut self, fill: bool) -> Self {
        self.fill_missing = fill;
        self
    }

    /// Checks that nothing but (with `trim_whitespace`) layout whitespace follows the value read.
    /// Call it after deserializing the top-level value.
    pub fn end(&mut self) -> Result<()> {
        self.skip_layout();
        if self.pos < self.input.len() {
            return Err(self.error(Category::Syntax, "trailing characters after the value"));
        }
        Ok(())
    }

    // ---- low-level scanning ----

    fn error(&self, category: Category, message: impl Into<String>) -> Error {
        Error::at(category, message, self.input, self.pos)
    }

    fn error_at(&self, category: Category, message: impl Into<String>, offset: usize) -> Error {
        Error::at(category, message, self.input, offset)
    }

    /// Gives errors raised by `Deserialize` impls (missing fields, unknown variants) a position.
    fn fix_position(&self, mut error: Error, offset: usize) -> Error {
        if !error.has_position() {
            error.set_position(self.input, offset);
        }
        error
    }

    #[inline]
    fn peek(&self) -> Option<u8> {
        self.input.get(self.pos).copied()
    }

    /// Runs a token parser at the reader's position; on success moves past the token.
    #[inline(always)]
    fn token<T>(
        &mut self,
        parser: impl FnOnce(&'de [u8]) -> token::Parsed<'de, T>,
    ) -> std::result::Result<T, nom::Err<()>> {
        let input: &'de [u8] = self.input;
        let (rest, token) = parser(&input[self.pos..])?;
        self.pos = input.len() - rest.len();
        Ok(token)
    }

    /// The text of a token (its delimiters are ASCII, so always character boundaries).
    #[inline]
    fn token_text(&self, token: &'de [u8]) -> &'de str {
        let start = token.as_ptr() as usize - self.input.as_ptr() as usize;
        self.text(start, start + token.len())
    }

    #[inline]
    fn skip_layout(&mut self) {
        if self.trim {
            self.skip_layout_text();
        }
    }

    /// Skips layout whatever `trim` says (after a quoted token it is never data).
    #[inline]
    fn skip_layout_after_quote(&mut self) {
        if let Some(b' ' | b'\t' | b'\r' | b'\n') = self.peek() {
            self.skip_layout_text();
        }
    }

    /// Kept out of line: layout is rare in compact input, and the hot paths stay small.
    #[inline(never)]
    fn skip_layout_text(&mut self) {
        let _ = self.token(token::layout);
    }

    #[inline]
    fn is_terminator(&self, byte: u8) -> bool {
        CLASS[byte as usize] & self.value_end_mask() != 0
    }

    /// True when no value starts here: the value is empty (ServiceStack's null).
    #[inline]
    fn at_empty_value(&self) -> bool {
        match self.peek() {
            None => true,
            Some(b) => self.is_terminator(b),
        }
    }

    /// The text between two ASCII delimiters (always character boundaries).
    #[inline]
    fn text(&self, start: usize, end: usize) -> &'de str {
        &self.source[start..end]
    }

    #[inline]
    fn value_end_mask(&self) -> u8 {
        self.end_mask
    }

    /// Enters a context; returns the previous one, to restore on the way out.
    fn set_context(&mut self, context: Context) -> Context {
        self.end_mask = match context {
            Context::Top => 0,
            Context::Object => COMMA | CLOSE_BRACE,
            Context::List => COMMA | CLOSE_BRACKET,
            Context::BareList => COMMA,
        };
        std::mem::replace(&mut self.context, context)
    }

    fn trim_end(&self, start: usize, mut end: usize) -> usize {
        if self.trim {
            while end > start && matches!(self.input[end - 1], b' ' | b'\t' | b'\r' | b'\n') {
                end -= 1;
            }
        }
        end
    }

    /// Reads a `"..."` token starting at `self.pos`; returns its unquoted text.
    fn quoted(&mut self) -> Result<Text<'de>> {
        let start = self.pos;
        match token::quoted(&self.input[start..]) {
            Ok((rest, (inner, doubled))) => {
                self.pos = self.input.len() - rest.len();
                let inner = self.text(start + 1, start + 1 + inner.len());
                Ok(if doubled {
                    Text::Owned(inner.replace("\"\"", "\""))
                } else {
                    Text::Borrowed(inner)
                })
            }
            Err(_) => Err(self.error_at(Category::Eof, "unterminated quoted string", start)),
        }
    }

    /// After a quoted token only whitespace may stand before the value's end.
    fn after_quoted(&mut self) -> Result<()> {
        self.skip_layout_after_quote();
        if self.at_empty_value() {
            Ok(())
        } else {
            Err(self.error(
                Category::Syntax,
                "unexpected character after a quoted value",
            ))
        }
    }

    /// Skips a balanced `{...}` or `[...]` starting at `self.pos`, minding quotes, without recursion.
    fn skip_balanced(&mut self) -> Result<&'de str> {
        let start = self.pos;
        match self.token(token::balanced) {
            Ok(nested) => Ok(self.token_text(nested)),
            Err(_) => Err(self.error_at(Category::Eof, "unclosed bracket", start)),
        }
    }

    /// Reads one scalar value at the current position. A value that starts with `{` or `[` is taken
    /// whole as raw text (ServiceStack reads `[x,y]` into a string property as the text `[x,y]`).
    fn scalar(&mut self) -> Result<(Text<'de>, usize)> {
        self.skip_layout();
        let start = self.pos;
        match self.peek() {
            None => Ok((Text::Empty, start)),
            Some(b'"') => {
                let text = self.quoted()?;
                self.after_quoted()?;
                Ok((text, start))
            }
            Some(b'{' | b'[') => {
                let text = Text::Borrowed(self.skip_balanced()?);
                self.skip_layout();
                if !self.at_empty_value() {
                    return Err(self.error(
                        Category::Syntax,
                        "unexpected character after a nested value",
                    ));
                }
                Ok((text, start))
            }
            Some(b) if self.is_terminator(b) => Ok((Text::Empty, start)),
            Some(_) => {
                let mask = self.end_mask;
                let value = self
                    .token(|input| token::unquoted(mask, input))
                    .unwrap_or_default();
                let end = self.trim_end(start, start + value.len());
                Ok((Text::Borrowed(self.text(start, end)), start))
            }
        }
    }

    /// The fast path of [`scalar`](Self::scalar) for the common token: unquoted, not a nested value,
    /// and no layout whitespace to trim. `None` sends the caller down the general path.
    #[inline(always)]
    fn plain_token(&mut self) -> Option<(&'de str, usize)> {
        if self.trim {
            return None;
        }
        let start = self.pos;
        let b = *self.input.get(start)?;
        if b == b'"' || b == b'{' || b == b'[' || self.is_terminator(b) {
            return None;
        }
        let (_, value) = token::unquoted(self.end_mask, &self.input[start..]).ok()?;
        self.pos = start + value.len();
        Some((self.text(start, self.pos), start))
    }

    fn enter(&mut self) -> Result<()> {
        if self.remaining_depth == 0 {
            return Err(self.error(
                Category::Syntax,
                format!(
                    "recursion limit of {} nested lists and objects exceeded",
                    self.recursion_limit
                ),
            ));
        }
        self.remaining_depth -= 1;
        Ok(())
    }

    fn leave(&mut self) {
        self.remaining_depth += 1;
    }

    /// Reads a member name or map key up to its `:`; returns the text and where it started.
    fn key(&mut self, trim_key: bool) -> Result<(Text<'de>, usize)> {
        self.skip_layout();
        let start = self.pos;
        let text = if self.peek() == Some(b'"') {
            let text = self.quoted()?;
            self.skip_layout_after_quote();
            text
        } else {
            let name = self
                .token(token::until::<{ token::KEY_END }>)
                .unwrap_or_default();
            let stop = start + name.len();
            match self.input.get(stop) {
                Some(b':') => {
                    let name = if trim_key || self.trim {
                        name.trim_ascii()
                    } else {
                        name
                    };
                    Text::Borrowed(self.token_text(name))
                }
                Some(_) => {
                    return Err(self.error_at(
                        Category::Syntax,
                        "expected `:` after the member name",
                        stop,
                    ));
                }
                None => {
                    return Err(self.error_at(
                        Category::Eof,
                        "input ended inside a member name",
                        start,
                    ));
                }
            }
        };
        if self.peek() != Some(b':') {
            return Err(self.error(Category::Syntax, "expected `:` after the member name"));
        }
        self.pos += 1;
        Ok((text, start))
    }

    fn read_map<V: Visitor<'de>>(
        &mut self,
        visitor: V,
        fields: Option<&'static [&'static str]>,
    ) -> Result<V::Value> {
        self.skip_layout();
        let start = self.pos;
        match self.peek() {
            Some(b'{') => {
                self.enter()?;
                self.pos += 1;
                let saved = self.set_context(Context::Object);
                let mut access = MapAccess::new(self, fields, false);
                let result = visitor.visit_map(&mut access);
                let closed = access.closed;
                self.set_context(saved);
                self.leave();
                let value = result.map_err(|e| self.fix_position(e, start))?;
                self.end_container(closed, "expected `}` after the last member", "`}`")?;
                Ok(value)
            }
            _ if self.at_empty_value() => match fields {
                // An empty value for a struct: every member empty, as ServiceStack's default instance.
                Some(_) if self.fill_missing => {
                    self.enter()?;
                    let result = visitor.visit_map(MapAccess::new(self, fields, true));
                    self.leave();
                    result.map_err(|e| self.fix_position(e, start))
                }
                _ => visitor
                    .visit_map(de::value::MapDeserializer::<
                        std::iter::Empty<(&'de str, &'de str)>,
                        Error,
                    >::new(std::iter::empty()))
                    .map_err(|e| self.fix_position(e, start)),
            },
            _ => Err(self.error(Category::Data, "expected `{` to start an object")),
        }
    }

    fn read_seq<V: Visitor<'de>>(&mut self, visitor: V) -> Result<V::Value> {
        self.skip_layout();
        let start = self.pos;
        let bare = match self.peek() {
            Some(b'[') => false,
            _ if self.at_empty_value() => {
                return visitor
                    .visit_seq(de::value::SeqDeserializer::<
                        std::iter::Empty<&'de str>,
                        Error,
                    >::new(std::iter::empty()))
                    .map_err(|e| self.fix_position(e, start));
            }
            // ServiceStack reads a top-level `a,b,c` as a list.
            _ if self.context == Context::Top => true,
            _ => return Err(self.error(Category::Data, "expected `[` to start a list")),
        };
        self.enter()?;
        if !bare {
            self.pos += 1;
        }
        let saved = self.set_context(if bare {
            Context::BareList
        } else {
            Context::List
        });
        let mut access = SeqAccess {
            de: self,
            first: true,
            done: false,
        };
        let result = visitor.visit_seq(&mut access);
        let done = access.done;
        self.set_context(saved);
        self.leave();
        let value = result.map_err(|e| self.fix_position(e, start))?;
        self.end_container(done, "the list has more items than expected", "`]`")?;
        Ok(value)
    }

    /// After a list or object was read: it must have been read to its end, and the value must end
    /// right after it.
    fn end_container(&mut self, complete: bool, incomplete: &str, closer: &str) -> Result<()> {
        if !complete {
            return Err(self.error(Category::Syntax, incomplete));
        }
        self.skip_layout();
        if !self.at_empty_value() {
            return Err(self.error(
                Category::Syntax,
                format!("unexpected character after {closer}"),
            ));
        }
        Ok(())
    }

    fn parse_scalar<T>(
        &mut self,
        parse: impl FnOnce(&str) -> scalar::ParseResult<T>,
    ) -> Result<(T, usize)> {
        let (text, start) = match self.plain_token() {
            Some((text, start)) => (Text::Borrowed(text), start),
            None => self.scalar()?,
        };
        parse(text.as_str())
            .map(|value| (value, start))
            .map_err(|message| self.error_at(Category::Data, message, start))
    }
}

/// Deserialize an instance of `T` from JSV text.
///
/// ```
/// #[derive(serde::Deserialize, Debug, PartialEq)]
/// struct Member { id: u32, name: String, tags: Vec<String> }
///
/// let member: Member = jsv::from_str(r#"{Id:1,Name:Hello World,Tags:[a,"b,c"]}"#).unwrap();
/// assert_eq!(member, Member { id: 1, name: "Hello World".into(), tags: vec!["a".into(), "b,c".into()] });
/// ```
pub fn from_str<'de, T: de::Deserialize<'de>>(input: &'de str) -> Result<T> {
    read_all(Deserializer::from_str(input))
}

/// Reads one value and checks the end; if a required member was missing, reads again filling
/// missing members in, as ServiceStack would.
fn read_all<'de, T: de::Deserialize<'de>>(de: Deserializer<'de>) -> Result<T> {
    let read = |mut de: Deserializer<'de>| -> Result<T> {
        let value = T::deserialize(&mut de)?;
        de.end()?;
        Ok(value)
    };
    let input = de.input;
    match read(de) {
        Err(e) if e.is_missing_field() => {
            let mut retry = Deserializer::from_slice(input)?.fill_missing_members(true);
            retry.pos = 0;
            read(retry)
        }
        other => other,
    }
}

/// Deserialize an instance of `T` from JSV bytes (which must be UTF-8).
pub fn from_slice<'de, T: de::Deserialize<'de>>(input: &'de [u8]) -> Result<T> {
    read_all(Deserializer::from_slice(input)?)
}

/// Deserialize an instance of `T` from an I/O stream of JSV, read to its end.
pub fn from_reader<R: io::Read, T: DeserializeOwned>(mut reader: R) -> Result<T> {
    let mut buffer = Vec::new();
    reader.read_to_end(&mut buffer).map_err(Error::io)?;
    from_slice(&buffer)
}

macro_rules! deserialize_integer {
    ($($method:ident => $visit:ident($ty:ty);)*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
            let (value, start) = self.parse_scalar(|t| {
                scalar::parse_i128(t, <$ty>::MIN as i128, <$ty>::MAX as i128, stringify!($ty))
            })?;
            visitor.$visit(value as $ty).map_err(|e| self.fix_position(e, start))
        }
    )*};
}

impl<'de> de::Deserializer<'de> for &mut Deserializer<'de> {
    type Error = Error;

    /// JSV is not self-describing: objects become maps, lists sequences, an empty value unit, and every
    /// scalar a string.
    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.skip_layout();
        match self.peek() {
            Some(b'{') => self.read_map(visitor, None),
            Some(b'[') => self.read_seq(visitor),
            _ if self.at_empty_value() => visitor.visit_unit(),
            _ => self.deserialize_str(visitor),
        }
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        let (value, start) = self.parse_scalar(scalar::parse_bool)?;
        visitor
            .visit_bool(value)
            .map_err(|e| self.fix_position(e, start))
    }

    deserialize_integer! {
        deserialize_i8 => visit_i8(i8);
        deserialize_i16 => visit_i16(i16);
        deserialize_i32 => visit_i32(i32);
        deserialize_i64 => visit_i64(i64);
        deserialize_u8 => visit_u8(u8);
        deserialize_u16 => visit_u16(u16);
        deserialize_u32 => visit_u32(u32);
        deserialize_u64 => visit_u64(u64);
        deserialize_i128 => visit_i128(i128);
    }

    fn deserialize_u128<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        let (text, start) = self.scalar()?;
        let t = text.as_str().trim();
        let value = if t.is_empty() {
            Ok(0)
        } else {
            t.parse::<u128>()
        };
        match value {
            Ok(v) if !t.starts_with('+') => visitor
                .visit_u128(v)
                .map_err(|e| self.fix_position(e, start)),
            _ => Err(self.error_at(
                Category::Data,
                format!("invalid u128 `{}`", text.as_str()),
                start,
            )),
        }
    }

    fn deserialize_f32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        let (value, start) = self.parse_scalar(scalar::parse_f32)?;
        visitor
            .visit_f32(value)
            .map_err(|e| self.fix_position(e, start))
    }

    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        let (value, start) = self.parse_scalar(scalar::parse_f64)?;
        visitor
            .visit_f64(value)
            .map_err(|e| self.fix_position(e, start))
    }

    fn deserialize_char<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        let (value, start) = self.parse_scalar(scalar::parse_char)?;
        visitor
            .visit_char(value)
            .map_err(|e| self.fix_position(e, start))
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        if let Some((text, start)) = self.plain_token() {
            return visitor
                .visit_borrowed_str(text)
                .map_err(|e| self.fix_position(e, start));
        }
        let (text, start) = self.scalar()?;
        match text {
            Text::Empty => visitor.visit_borrowed_str(""),
            Text::Borrowed(s) => visitor.visit_borrowed_str(s),
            Text::Owned(s) => visitor.visit_string(s),
        }
        .map_err(|e| self.fix_position(e, start))
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_str(visitor)
    }

    fn deserialize_bytes<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        let (value, start) = self.parse_scalar(scalar::parse_bytes)?;
        visitor
            .visit_byte_buf(value)
            .map_err(|e| self.fix_position(e, start))
    }

    fn deserialize_byte_buf<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_bytes(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.skip_layout();
        if self.at_empty_value() {
            visitor.visit_none()
        } else {
            visitor.visit_some(self)
        }
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        let (text, start) = self.scalar()?;
        match text.as_str() {
            "" | "{}" => visitor
                .visit_unit()
                .map_err(|e| self.fix_position(e, start)),
            other => Err(self.error_at(
                Category::Data,
                format!("expected an empty value, found `{other}`"),
                start,
            )),
        }
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value> {
        self.deserialize_unit(visitor)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.read_seq(visitor)
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value> {
        self.read_seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value> {
        self.read_seq(visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.read_map(visitor, None)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        self.read_map(visitor, Some(fields))
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        self.skip_layout();
        if self.peek() == Some(b'{') {
            // `{Variant:value}`: serde's externally tagged form for data-carrying variants.
            self.enter()?;
            self.pos += 1;
            let saved = self.set_context(Context::Object);
            let result = (|| {
                let (name, name_start) = self.key(true)?;
                let variant = Identifier::variant(name, variants);
                let value = visitor
                    .visit_enum(EnumAccess {
                        de: &mut *self,
                        variant,
                        unit_only: false,
                    })
                    .map_err(|e| self.fix_position(e, name_start))?;
                self.skip_layout();
                match self.peek() {
                    Some(b'}') => {
                        self.pos += 1;
                        Ok(value)
                    }
                    None => Ok(value),
                    Some(_) => Err(self.error(
                        Category::Syntax,
                        "expected `}` after the enum variant's value",
                    )),
                }
            })();
            self.set_context(saved);
            self.leave();
            let value = result?;
            self.skip_layout();
            if !self.at_empty_value() {
                return Err(self.error(Category::Syntax, "unexpected character after `}`"));
            }
            return Ok(value);
        }
        let (text, start_text) = match self.plain_token() {
            Some((text, start)) => (Text::Borrowed(text), start),
            None => self.scalar()?,
        };
        // An empty value is the enum's default, its first variant (ServiceStack's `default(T)`, value 0).
        let variant = match text {
            Text::Empty => Identifier::Index(0),
            text => Identifier::variant(text, variants),
        };
        visitor
            .visit_enum(EnumAccess {
                de: self,
                variant,
                unit_only: true,
            })
            .map_err(|e| self.fix_position(e, start_text))
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_str(visitor)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.skip_layout();
        if let Some(b'{' | b'[') = self.peek() {
            self.skip_balanced()?;
            self.skip_layout();
            if !self.at_empty_value() {
                return Err(self.error(
                    Category::Syntax,
                    "unexpected character after a nested value",
                ));
            }
        } else {
            self.scalar()?;
        }
        visitor.visit_unit()
    }

    fn is_human_readable(&self) -> bool {
        true
    }
}

struct MapAccess<'a, 'de> {
    de: &'a mut Deserializer<'de>,
    fields: Option<&'static [&'static str]>,
    // Members usually come in declaration order: try the field after the last match first.
    next_guess: usize,
    after_comma: bool,
    closed: bool,
    // Which declared fields (the first 128) have been read, to fill in the missing ones at the end.
    seen: u128,
    // Past the last member: handing out the missing fields with empty values.
    filling: bool,
    // Whether the closing `}` is still to be consumed once filling is done.
    close_pending: bool,
}

impl<'a, 'de> MapAccess<'a, 'de> {
    fn new(
        de: &'a mut Deserializer<'de>,
        fields: Option<&'static [&'static str]>,
        empty: bool,
    ) -> Self {
        MapAccess {
            de,
            fields,
            next_guess: 0,
            after_comma: false,
            closed: empty,
            seen: 0,
            filling: empty,
            close_pending: false,
        }
    }

    /// The declared field a member name stands for: exact, then ignoring case, then also ignoring `_`
    /// and `-` (ServiceStack's lenient property convention).
    fn match_field(&mut self, name: &str) -> Option<usize> {
        let fields = self.fields?;
        let found = if fields.get(self.next_guess) == Some(&name) {
            self.next_guess
        } else {
            fields
                .iter()
                .position(|f| *f == name)
                .or_else(|| fields.iter().position(|f| f.eq_ignore_ascii_case(name)))
                .or_else(|| fields.iter().position(|f| loose_eq(f, name)))?
        };
        self.next_guess = found + 1;
        if found < 128 && self.de.fill_missing {
            self.seen |= 1 << found;
        }
        Some(found)
    }

    /// If the input continues with the exact name of the next declared field (or of one of the few
    /// after it: `None` members are left out) and a `:`, consumes both and returns the name.
    #[inline(always)]
    fn expected_member(&mut self) -> Option<&'static str> {
        let fields = self.fields?;
        let first = self.de.peek()?;
        let last = fields.len().min(self.next_guess + 8);
        let first_index = self.next_guess;
        for (offset, &field) in fields[first_index..last].iter().enumerate() {
            let index = first_index + offset;
            if field.as_bytes().first() == Some(&first)
                && let Ok((rest, ())) =
                    token::member_name(field.as_bytes(), &self.de.input[self.de.pos..])
            {
                self.de.pos = self.de.input.len() - rest.len();
                if index < 128 && self.de.fill_missing {
                    self.seen |= 1 << index;
                }
                self.next_guess = index + 1;
                return Some(field);
            }
        }
        None
    }

    /// The next declared field that the input did not have, if filling them in.
    fn next_missing(&mut self) -> Option<&'static str> {
        let fields = self.fields.filter(|_| self.de.fill_missing)?;
        let index = (0..fields.len().min(128)).find(|i| self.seen & (1 << i) == 0)?;
        self.seen |= 1 << index;
        Some(fields[index])
    }

    fn after_value(&mut self) -> Result<()> {
        self.de.skip_layout();
        match self.de.peek() {
            Some(b',') => {
                self.de.pos += 1;
                self.after_comma = true;
                Ok(())
            }
            Some(b'}') | None => Ok(()),
            Some(_) => Err(self.de.error(
                Category::Syntax,
                "expected `,` or `}` after a member's value",
            )),
        }
    }
}

fn loose_eq(a: &str, b: &str) -> bool {
    let mut a = a.bytes().filter(|b| *b != b'_' && *b != b'-');
    let mut b = b.bytes().filter(|b| *b != b'_' && *b != b'-');
    loop {
        match (a.next(), b.next()) {
            (None, None) => return true,
            (Some(x), Some(y)) if x.eq_ignore_ascii_case(&y) => {}
            _ => return false,
        }
    }
}

impl<'de> de::MapAccess<'de> for MapAccess<'_, 'de> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>> {
        loop {
            if self.filling {
                // The reader stays on the `}` (or the end), where every value reads as empty.
                if let Some(field) = self.next_missing() {
                    return seed
                        .deserialize(de::value::BorrowedStrDeserializer::<Error>::new(field))
                        .map(Some);
                }
                self.filling = false;
                if self.close_pending {
                    self.close_pending = false;
                    self.de.pos += 1;
                }
                self.closed = true;
                return Ok(None);
            }
            self.de.skip_layout();
            match self.de.peek() {
                // ServiceStack accepts input that ends before the closing `}`.
                None => {
                    self.filling = true;
                    continue;
                }
                Some(b'}') => {
                    if self.after_comma {
                        return Err(self.de.error(Category::Syntax, "trailing comma before `}`"));
                    }
                    self.filling = true;
                    self.close_pending = true;
                    continue;
                }
                Some(_) => {}
            }
            // Fast path: members usually come in declaration order with their exact names, so try
            // the expected name in place before scanning for the `:`.
            if let Some(field) = self.expected_member() {
                self.after_comma = false;
                return seed
                    .deserialize(de::value::BorrowedStrDeserializer::<Error>::new(field))
                    .map(Some);
            }
            let is_struct = self.fields.is_some();
            let (name, start) = self.de.key(is_struct)?;
            self.after_comma = false;
            if let Some(fields) = self.fields {
                if let Some(index) = self.match_field(name.as_str()) {
                    return seed
                        .deserialize(de::value::BorrowedStrDeserializer::<Error>::new(
                            fields[index],
                        ))
                        .map(Some);
                }
                if name.as_str().eq_ignore_ascii_case("__type") {
                    // ServiceStack's type marker, meaningful only to .NET: skip it and its value.
                    de::Deserializer::deserialize_ignored_any(&mut *self.de, de::IgnoredAny)?;
                    self.after_value()?;
                    continue;
                }
            }
            return seed
                .deserialize(KeyDeserializer {
                    text: name,
                    de: &*self.de,
                    start,
                })
                .map(Some)
                .map_err(|e| self.de.fix_position(e, start));
        }
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value> {
        let value = seed.deserialize(&mut *self.de)?;
        if !self.filling {
            self.after_value()?;
        }
        Ok(value)
    }
}

struct SeqAccess<'a, 'de> {
    de: &'a mut Deserializer<'de>,
    first: bool,
    done: bool,
}

impl<'de> de::SeqAccess<'de> for SeqAccess<'_, 'de> {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>> {
        if self.done {
            return Ok(None);
        }
        if self.first {
            self.first = false;
            self.de.skip_layout();
            match self.de.peek() {
                Some(b']') if self.de.context == Context::List => {
                    self.de.pos += 1;
                    self.done = true;
                    return Ok(None);
                }
                None => {
                    self.done = true;
                    return Ok(None);
                }
                _ => {}
            }
        }
        let value = seed.deserialize(&mut *self.de)?;
        self.de.skip_layout();
        match self.de.peek() {
            // After a comma another item always follows, possibly empty: `[a,]` is `a` and a null.
            Some(b',') => self.de.pos += 1,
            Some(b']') if self.de.context == Context::List => {
                self.de.pos += 1;
                self.done = true;
            }
            // ServiceStack accepts input that ends before the closing `]`.
            None => self.done = true,
            Some(_) => {
                return Err(self
                    .de
                    .error(Category::Syntax, "expected `,` or `]` after a list item"));
            }
        }
        Ok(Some(value))
    }
}

/// A member name or map key: strings as they are, other key types parsed from the text.
struct KeyDeserializer<'a, 'de> {
    text: Text<'de>,
    de: &'a Deserializer<'de>,
    start: usize,
}

impl<'de> KeyDeserializer<'_, 'de> {
    fn parse<T>(&self, parse: impl FnOnce(&str) -> scalar::ParseResult<T>) -> Result<T> {
        parse(self.text.as_str())
            .map_err(|message| self.de.error_at(Category::Data, message, self.start))
    }
}

macro_rules! key_integer {
    ($($method:ident => $visit:ident($ty:ty);)*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
            let value = self.parse(|t| {
                scalar::parse_i128(t, <$ty>::MIN as i128, <$ty>::MAX as i128, stringify!($ty))
            })?;
            visitor.$visit(value as $ty)
        }
    )*};
}

impl<'de> de::Deserializer<'de> for KeyDeserializer<'_, 'de> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.text {
            Text::Empty => visitor.visit_borrowed_str(""),
            Text::Borrowed(s) => visitor.visit_borrowed_str(s),
            Text::Owned(s) => visitor.visit_string(s),
        }
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_bool(self.parse(scalar::parse_bool)?)
    }

    key_integer! {
        deserialize_i8 => visit_i8(i8);
        deserialize_i16 => visit_i16(i16);
        deserialize_i32 => visit_i32(i32);
        deserialize_i64 => visit_i64(i64);
        deserialize_u8 => visit_u8(u8);
        deserialize_u16 => visit_u16(u16);
        deserialize_u32 => visit_u32(u32);
        deserialize_u64 => visit_u64(u64);
        deserialize_i128 => visit_i128(i128);
    }

    fn deserialize_f32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_f32(self.parse(scalar::parse_f32)?)
    }

    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_f64(self.parse(scalar::parse_f64)?)
    }

    fn deserialize_char<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_char(self.parse(scalar::parse_char)?)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_some(self)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        let variant = Identifier::variant(self.text, variants);
        visitor.visit_enum(UnitOnly { variant })
    }

    forward_to_deserialize_any! {
        u128 str string bytes byte_buf unit unit_struct seq tuple tuple_struct map struct identifier ignored_any
    }
}

/// An enum variant named in the input, resolved against the declared names.
enum Identifier<'de> {
    Name(Text<'de>),
    Declared(&'static str),
    Index(u64),
}

impl<'de> Identifier<'de> {
    /// Exact name, then the name ignoring case (ServiceStack reads enums case-insensitively), then a
    /// number as the variant's index (ServiceStack reads an enum's numeric value).
    fn variant(text: Text<'de>, variants: &'static [&'static str]) -> Self {
        if let Some(v) = variants.iter().find(|v| **v == text.as_str()) {
            return Identifier::Declared(v);
        }
        let name = text.as_str().trim();
        if let Some(v) = variants.iter().find(|v| **v == name) {
            return Identifier::Declared(v);
        }
        if let Some(v) = variants.iter().find(|v| v.eq_ignore_ascii_case(name)) {
            return Identifier::Declared(v);
        }
        if !name.is_empty()
            && name.bytes().all(|b| b.is_ascii_digit())
            && let Ok(index) = name.parse::<u64>()
        {
            return Identifier::Index(index);
        }
        Identifier::Name(text)
    }
}

impl<'de> de::Deserializer<'de> for Identifier<'de> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self {
            Identifier::Declared(name) => visitor.visit_borrowed_str(name),
            Identifier::Index(index) => visitor.visit_u64(index),
            Identifier::Name(text) => match text.into_cow() {
                std::borrow::Cow::Borrowed(s) => visitor.visit_borrowed_str(s),
                std::borrow::Cow::Owned(s) => visitor.visit_string(s),
            },
        }
    }

    forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf option unit
        unit_struct newtype_struct seq tuple tuple_struct map struct enum identifier ignored_any
    }
}

struct EnumAccess<'a, 'de> {
    de: &'a mut Deserializer<'de>,
    variant: Identifier<'de>,
    unit_only: bool,
}

impl<'de> de::EnumAccess<'de> for EnumAccess<'_, 'de> {
    type Error = Error;
    type Variant = Self;

    fn variant_seed<V: DeserializeSeed<'de>>(mut self, seed: V) -> Result<(V::Value, Self)> {
        let variant = std::mem::replace(&mut self.variant, Identifier::Declared(""));
        let value = seed.deserialize(variant)?;
        Ok((value, self))
    }
}

impl<'de> de::VariantAccess<'de> for EnumAccess<'_, 'de> {
    type Error = Error;

    fn unit_variant(self) -> Result<()> {
        if self.unit_only {
            return Ok(());
        }
        de::Deserialize::deserialize(&mut *self.de)
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value> {
        if self.unit_only {
            return Err(de::Error::invalid_type(
                de::Unexpected::UnitVariant,
                &"`{Variant:value}`",
            ));
        }
        seed.deserialize(&mut *self.de)
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value> {
        if self.unit_only {
            return Err(de::Error::invalid_type(
                de::Unexpected::UnitVariant,
                &"`{Variant:[...]}`",
            ));
        }
        self.de.read_seq(visitor)
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        if self.unit_only {
            return Err(de::Error::invalid_type(
                de::Unexpected::UnitVariant,
                &"`{Variant:{...}}`",
            ));
        }
        self.de.read_map(visitor, Some(fields))
    }
}

/// Enum map keys: only unit variants can be keys.
struct UnitOnly<'de> {
    variant: Identifier<'de>,
}

impl<'de> de::EnumAccess<'de> for UnitOnly<'de> {
    type Error = Error;
    type Variant = Self;

    fn variant_seed<V: DeserializeSeed<'de>>(mut self, seed: V) -> Result<(V::Value, Self)> {
        let variant = std::mem::replace(&mut self.variant, Identifier::Declared(""));
        Ok((seed.deserialize(variant)?, self))
    }
}

impl<'de> de::VariantAccess<'de> for UnitOnly<'de> {
    type Error = Error;

    fn unit_variant(self) -> Result<()> {
        Ok(())
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, _seed: T) -> Result<T::Value> {
        Err(de::Error::invalid_type(
            de::Unexpected::UnitVariant,
            &"a unit variant",
        ))
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, _visitor: V) -> Result<V::Value> {
        Err(de::Error::invalid_type(
            de::Unexpected::UnitVariant,
            &"a unit variant",
        ))
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        _visitor: V,
    ) -> Result<V::Value> {
        Err(de::Error::invalid_type(
            de::Unexpected::UnitVariant,
            &"a unit variant",
        ))
    }
}
