//! The crate's error type.

use std::path::PathBuf;

use crate::model::SourceLocation;

/// Everything that can stop generation. Messages name the file (and line, type or member when
/// known); warnings, which do not stop generation, are [`crate::model::Warning`]s instead.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// Reading or writing a file failed.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file concerned.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// An input could not be parsed.
    #[error("{location}: {message}")]
    Parse {
        /// Where (file, line and column when known).
        location: SourceLocation,
        /// What is wrong, naming the type or member when known.
        message: String,
    },
    /// The input's format could not be recognised or is not supported by a reader yet.
    #[error("{file}: {message}")]
    Format {
        /// The input concerned.
        file: String,
        /// What is wrong.
        message: String,
    },
    /// Fetching a URL failed (connection, HTTP status, size limit, timeout).
    #[error("{url}: {message}")]
    Fetch {
        /// The URL requested.
        url: String,
        /// What went wrong.
        message: String,
    },
    /// The options are inconsistent (no input, an include pattern that matches nothing, ...).
    #[error("{0}")]
    Config(String),
    /// A generated file's header could not be understood (for `update` and `check`).
    #[error("{file}: {message}")]
    Header {
        /// The generated file.
        file: String,
        /// What is wrong with its header.
        message: String,
    },
}

impl Error {
    /// A parse error at `location`.
    pub fn parse(location: SourceLocation, message: impl Into<String>) -> Self {
        Error::Parse {
            location,
            message: message.into(),
        }
    }

    /// An I/O error on `path`.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }
}

/// `Result` with this crate's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
