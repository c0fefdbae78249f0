//! The two wire formats: how a body is written, and how a response is read by its Content-Type.

use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::error::{Error, ErrorKind, Result};

/// The format a client writes its requests in and asks for in `Accept`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Format {
    /// JSV (`application/jsv`), ServiceStack's compact JSON+CSV hybrid.
    #[default]
    Jsv,
    /// JSON (`application/json`).
    Json,
}

impl Format {
    /// The media type sent as `Accept` and, with a body, `Content-Type` (no `charset`, as
    /// ServiceStack's clients send it). JSV is `application/jsv`: ServiceStack 5 ignores
    /// `text/jsv` in `Accept` and answers HTML.
    pub fn content_type(self) -> &'static str {
        match self {
            Format::Jsv => "application/jsv",
            Format::Json => "application/json",
        }
    }

    /// The format's name in ServiceStack's pre-defined routes (`/jsv/reply/{Name}`).
    pub fn name(self) -> &'static str {
        match self {
            Format::Jsv => "jsv",
            Format::Json => "json",
        }
    }

    /// The format a `Content-Type` names (`application/json`, `text/json`, `+json` suffixes;
    /// `application/jsv`, `text/jsv`), ignoring parameters and case; `None` for anything else.
    pub fn from_content_type(content_type: &str) -> Option<Format> {
        let essence = content_type.split(';').next().unwrap_or("").trim();
        let is = |name: &str| essence.eq_ignore_ascii_case(name);
        if is("application/json") || is("text/json") || ends_with_ignore_case(essence, "+json") {
            Some(Format::Json)
        } else if is("application/jsv") || is("text/jsv") {
            Some(Format::Jsv)
        } else {
            None
        }
    }

    /// `value` as this format's text.
    pub(crate) fn encode<T: Serialize + ?Sized>(self, value: &T) -> Result<Vec<u8>> {
        match self {
            Format::Jsv => jsv::to_vec(value).map_err(encode_error),
            Format::Json => serde_json::to_vec(value).map_err(encode_error),
        }
    }

    /// `body` read as `T`, with the line and column of the failure.
    pub(crate) fn decode<T: DeserializeOwned>(self, body: &[u8]) -> Result<T> {
        match self {
            Format::Jsv => jsv::from_slice(body).map_err(|e| {
                let (line, column) = (e.line(), e.column());
                Error::new(ErrorKind::Decode, format!("invalid JSV response: {e}"))
                    .with_position(line, column)
                    .with_source(e)
            }),
            Format::Json => serde_json::from_slice(body).map_err(|e| {
                let (line, column) = (e.line(), e.column());
                Error::new(ErrorKind::Decode, format!("invalid JSON response: {e}"))
                    .with_position(line, column)
                    .with_source(e)
            }),
        }
    }
}

fn ends_with_ignore_case(text: &str, suffix: &str) -> bool {
    text.len() >= suffix.len()
        && text.as_bytes()[text.len() - suffix.len()..].eq_ignore_ascii_case(suffix.as_bytes())
}

fn encode_error(source: impl std::error::Error + Send + Sync + 'static) -> Error {
    Error::new(
        ErrorKind::Encode,
        format!("cannot serialize the request: {source}"),
    )
    .with_source(source)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_types() {
        for (ct, format) in [
            ("application/json; charset=utf-8", Some(Format::Json)),
            ("Application/JSON", Some(Format::Json)),
            ("text/json", Some(Format::Json)),
            ("application/problem+json", Some(Format::Json)),
            ("application/jsv; charset=utf-8", Some(Format::Jsv)),
            ("text/jsv", Some(Format::Jsv)),
            ("text/html", None),
            ("text/plain; charset=utf-8", None),
            ("", None),
        ] {
            assert_eq!(Format::from_content_type(ct), format, "{ct}");
        }
    }
}
