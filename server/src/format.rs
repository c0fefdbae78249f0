//! The two wire formats a host speaks, and how one is chosen for a response.

use axum::body::Body;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::Response;
use serde::Serialize;

use crate::error::HttpError;

/// A response format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Format {
    Json,
    Jsv,
}

impl Format {
    /// A format's name in a route (`json`, `jsv`), `?format=` or a `.json` suffix, any case.
    pub(crate) fn from_name(name: &str) -> Option<Format> {
        if name.eq_ignore_ascii_case("json") {
            Some(Format::Json)
        } else if name.eq_ignore_ascii_case("jsv") {
            Some(Format::Jsv)
        } else {
            None
        }
    }

    /// The format a request body's `Content-Type` names: `application/json` (and `text/json`),
    /// `application/jsv` or `text/jsv`.
    pub(crate) fn from_content_type(content_type: &str) -> Option<Format> {
        let essence = media_type(content_type);
        if essence.eq_ignore_ascii_case("application/json")
            || essence.eq_ignore_ascii_case("text/json")
        {
            Some(Format::Json)
        } else if essence.eq_ignore_ascii_case("application/jsv")
            || essence.eq_ignore_ascii_case("text/jsv")
        {
            Some(Format::Jsv)
        } else {
            None
        }
    }

    /// The format `Accept` asks for: `application/json` or `application/jsv` (JSON when both
    /// are there, whatever their order or q-values, as ServiceStack does; `text/jsv` is not a
    /// response type).
    pub(crate) fn from_accept(accept: &str) -> Option<Format> {
        let mut jsv = false;
        for media in accept.split(',') {
            let essence = media_type(media);
            if essence.eq_ignore_ascii_case("application/json") {
                return Some(Format::Json);
            }
            jsv |= essence.eq_ignore_ascii_case("application/jsv");
        }
        jsv.then_some(Format::Jsv)
    }

    pub(crate) fn content_type(self) -> &'static str {
        match self {
            Format::Json => "application/json; charset=utf-8",
            // ServiceStack sends no charset with JSV.
            Format::Jsv => "application/jsv",
        }
    }

    /// `value` in this format.
    pub(crate) fn encode<T: Serialize + ?Sized>(self, value: &T) -> Result<Vec<u8>, HttpError> {
        match self {
            Format::Json => serde_json::to_vec(value).map_err(|e| e.to_string()),
            Format::Jsv => jsv::to_vec(value).map_err(|e| e.to_string()),
        }
        .map_err(|message| HttpError::internal(format!("cannot serialize the response: {message}")))
    }

    /// A response with `value` in this format, or a 500 if it does not serialize.
    pub(crate) fn respond<T: Serialize + ?Sized>(self, status: StatusCode, value: &T) -> Response {
        match self.encode(value) {
            Ok(body) => self.response(status, body),
            Err(error) => {
                // The error body always serializes.
                let body = self.encode(&dto::ErrorResponse {
                    response_status: Some(error.response_status().clone()),
                });
                self.response(error.status(), body.unwrap_or_default())
            }
        }
    }

    /// A response with an already encoded body.
    pub(crate) fn response(self, status: StatusCode, body: Vec<u8>) -> Response {
        let mut response = Response::new(Body::from(body));
        *response.status_mut() = status;
        response.headers_mut().insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static(self.content_type()),
        );
        response
    }

    /// Whether an encoded body is the serialization of `()` or `None`: the handler returned
    /// nothing, answered `204 No Content`.
    pub(crate) fn is_empty_body(self, body: &[u8]) -> bool {
        match self {
            Format::Json => body == b"null",
            Format::Jsv => body.is_empty(),
        }
    }
}

/// A media type without its parameters (`application/json; charset=utf-8` is
/// `application/json`).
pub(crate) fn media_type(content_type: &str) -> &str {
    content_type.split(';').next().unwrap_or("").trim()
}

/// Sets the status line's reason phrase (ServiceStack puts the error code there).
pub(crate) fn set_reason(response: &mut Response, reason: &str) {
    if response.status().canonical_reason() == Some(reason) {
        return;
    }
    if let Ok(phrase) = hyper::ext::ReasonPhrase::try_from(reason.as_bytes().to_vec()) {
        response.extensions_mut().insert(phrase);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_prefers_json_and_ignores_text_jsv() {
        assert_eq!(Format::from_accept("application/jsv"), Some(Format::Jsv));
        assert_eq!(
            Format::from_accept("application/jsv, application/json"),
            Some(Format::Json)
        );
        assert_eq!(
            Format::from_accept("application/json;q=0.5, application/jsv"),
            Some(Format::Json)
        );
        for none in [
            "text/jsv",
            "text/json",
            "*/*",
            "text/html",
            "application/foo",
            "",
        ] {
            assert_eq!(Format::from_accept(none), None, "{none}");
        }
    }

    #[test]
    fn body_content_types() {
        assert_eq!(Format::from_content_type("text/jsv"), Some(Format::Jsv));
        assert_eq!(
            Format::from_content_type("application/json; charset=utf-8"),
            Some(Format::Json)
        );
        assert_eq!(Format::from_content_type("text/plain"), None);
    }
}
