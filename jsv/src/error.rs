//! The one error type of this crate, with the position of the problem in the input.

use std::fmt::{self, Display};
use std::io;

/// Alias for a `Result` with the error type [`Error`].
pub type Result<T> = std::result::Result<T, Error>;

/// An error while reading or writing JSV.
///
/// Syntax and data errors carry the 1-based line and column of the offending character; errors raised
/// by a type's own `Serialize`/`Deserialize` impl get the position the reader had reached when they were
/// raised. `line()` and `column()` are 0 where there is no position (serialization, I/O).
pub struct Error {
    // Boxed so `Result<T, Error>` stays one word wide on the happy path.
    inner: Box<ErrorImpl>,
}

struct ErrorImpl {
    category: Category,
    message: String,
    line: usize,
    column: usize,
    io: Option<io::Error>,
    // Raised by serde for a required member the input lacks; `from_str` then retries with
    // `fill_missing_members`.
    missing_field: bool,
}

/// What kind of failure an [`Error`] is, in the manner of `serde_json::error::Category`.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Category {
    /// Reading from or writing to an I/O stream failed.
    Io,
    /// The input is not well-formed JSV (unbalanced brackets, a key without `:`, trailing characters, ...).
    Syntax,
    /// The input is well-formed JSV but a value does not fit the type asked for (`abc` as an `i32`, an
    /// unknown enum variant, a missing required field, a value that cannot be written).
    Data,
    /// The input ended where more was needed (inside a key, a quoted string, or no value at all).
    Eof,
}

impl Error {
    pub(crate) fn new(category: Category, message: impl Into<String>) -> Self {
        Error {
            inner: Box::new(ErrorImpl {
                category,
                message: message.into(),
                line: 0,
                column: 0,
                io: None,
                missing_field: false,
            }),
        }
    }

    /// An error at byte `offset` of `input`; line and column are computed here, off the hot path.
    pub(crate) fn at(
        category: Category,
        message: impl Into<String>,
        input: &[u8],
        offset: usize,
    ) -> Self {
        let mut error = Error::new(category, message);
        error.set_position(input, offset);
        error
    }

    pub(crate) fn io(error: io::Error) -> Self {
        let mut e = Error::new(Category::Io, error.to_string());
        e.inner.io = Some(error);
        e
    }

    pub(crate) fn is_missing_field(&self) -> bool {
        self.inner.missing_field
    }

    pub(crate) fn has_position(&self) -> bool {
        self.inner.line != 0
    }

    pub(crate) fn set_position(&mut self, input: &[u8], offset: usize) {
        let offset = offset.min(input.len());
        let before = &input[..offset];
        let line = memchr::memchr_iter(b'\n', before).count() + 1;
        let line_start = memchr::memrchr(b'\n', before).map_or(0, |i| i + 1);
        // Columns count characters, not bytes, so they match what an editor shows.
        let column = String::from_utf8_lossy(&before[line_start..])
            .chars()
            .count()
            + 1;
        self.inner.line = line;
        self.inner.column = column;
    }

    /// The 1-based line of the error, or 0 when the error has no position.
    pub fn line(&self) -> usize {
        self.inner.line
    }

    /// The 1-based column (in characters) of the error, or 0 when the error has no position.
    pub fn column(&self) -> usize {
        self.inner.column
    }

    /// The kind of failure.
    pub fn classify(&self) -> Category {
        self.inner.category
    }

    /// True for I/O failures.
    pub fn is_io(&self) -> bool {
        self.inner.category == Category::Io
    }

    /// True for malformed input.
    pub fn is_syntax(&self) -> bool {
        self.inner.category == Category::Syntax
    }

    /// True for well-formed input holding a value of the wrong shape or type.
    pub fn is_data(&self) -> bool {
        self.inner.category == Category::Data
    }

    /// True when the input ended too early.
    pub fn is_eof(&self) -> bool {
        self.inner.category == Category::Eof
    }

    /// The message without the position.
    pub fn message(&self) -> &str {
        &self.inner.message
    }
}

impl Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.inner.line == 0 {
            f.write_str(&self.inner.message)
        } else {
            write!(
                f,
                "{} at line {} column {}",
                self.inner.message, self.inner.line, self.inner.column
            )
        }
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "Error({:?}, line: {}, column: {})",
            self.inner.message, self.inner.line, self.inner.column
        )
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.inner.io.as_ref().map(|e| e as _)
    }
}

impl From<Error> for io::Error {
    fn from(error: Error) -> io::Error {
        match error.inner.io {
            Some(io) => io,
            None => {
                let kind = match error.inner.category {
                    Category::Eof => io::ErrorKind::UnexpectedEof,
                    _ => io::ErrorKind::InvalidData,
                };
                io::Error::new(kind, error)
            }
        }
    }
}

impl serde_core::ser::Error for Error {
    fn custom<T: Display>(msg: T) -> Self {
        Error::new(Category::Data, msg.to_string())
    }
}

impl serde_core::de::Error for Error {
    fn custom<T: Display>(msg: T) -> Self {
        Error::new(Category::Data, msg.to_string())
    }

    fn missing_field(field: &'static str) -> Self {
        let mut error = Error::new(Category::Data, format!("missing field `{field}`"));
        error.inner.missing_field = true;
        error
    }
}
