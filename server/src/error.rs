//! [`HttpError`]: what a handler fails with, answered in ServiceStack's error shape.

use std::fmt;

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use dto::{ResponseError, ResponseStatus};

use crate::format::Format;

/// An error a handler returns: a status, ServiceStack's `ResponseStatus` (error code, message,
/// field errors) and the status line's reason phrase, which ServiceStack sets to the error code
/// (`418 CustomErrorCode`).
///
/// ```
/// use axum::http::StatusCode;
/// use dto_server::HttpError;
///
/// let error = HttpError::new(StatusCode::IM_A_TEAPOT, "CustomErrorCode", "I'm a teapot")
///     .with_field_error("Destination", "NotEmpty", "'Destination' must not be empty.");
/// assert_eq!(error.status(), StatusCode::IM_A_TEAPOT);
/// assert_eq!(error.error_code(), "CustomErrorCode");
/// assert_eq!(error.field_errors()[0].field_name, "Destination");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HttpError {
    inner: Box<Inner>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Inner {
    status: StatusCode,
    reason: Option<String>,
    response_status: ResponseStatus,
}

impl HttpError {
    /// An error with this status, error code (also the reason phrase) and message, and no
    /// field errors (the body has `errors:[]`, as ServiceStack writes it for service errors).
    pub fn new(
        status: StatusCode,
        error_code: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        let error_code = error_code.into();
        HttpError {
            inner: Box::new(Inner {
                status,
                reason: Some(error_code.clone()),
                response_status: ResponseStatus {
                    errors: Some(Vec::new()),
                    ..ResponseStatus::new(error_code, message)
                },
            }),
        }
    }

    /// `404 NotFound` (ServiceStack's `HttpError.NotFound`).
    pub fn not_found(message: impl Into<String>) -> Self {
        HttpError::new(StatusCode::NOT_FOUND, "NotFound", message)
    }

    /// `400 BadRequest` (ServiceStack's `HttpError.BadRequest`).
    pub fn bad_request(message: impl Into<String>) -> Self {
        HttpError::new(StatusCode::BAD_REQUEST, "BadRequest", message)
    }

    /// `401 Unauthorized` (ServiceStack's `HttpError.Unauthorized`).
    pub fn unauthorized(message: impl Into<String>) -> Self {
        HttpError::new(StatusCode::UNAUTHORIZED, "Unauthorized", message)
    }

    /// `403 Forbidden` (ServiceStack's `HttpError.Forbidden`).
    pub fn forbidden(message: impl Into<String>) -> Self {
        HttpError::new(StatusCode::FORBIDDEN, "Forbidden", message)
    }

    /// `409 Conflict` (ServiceStack's `HttpError.Conflict`).
    pub fn conflict(message: impl Into<String>) -> Self {
        HttpError::new(StatusCode::CONFLICT, "Conflict", message)
    }

    /// `500 Exception`: what ServiceStack answers for an exception it has no status for.
    pub fn internal(message: impl Into<String>) -> Self {
        HttpError::new(StatusCode::INTERNAL_SERVER_ERROR, "Exception", message)
    }

    /// Adds a field error (a validation failure on one member).
    pub fn with_field_error(
        mut self,
        field_name: impl Into<String>,
        error_code: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        self.inner
            .response_status
            .errors
            .get_or_insert_with(Vec::new)
            .push(ResponseError {
                error_code: error_code.into(),
                field_name: field_name.into(),
                message: message.into(),
                meta: None,
            });
        self
    }

    /// The status line's reason phrase; `None` for the standard one of the status.
    pub fn with_reason(mut self, reason: Option<String>) -> Self {
        self.inner.reason = reason;
        self
    }

    /// The body without an `errors` member (ServiceStack leaves it out of framework errors:
    /// 405s and failed logins).
    pub(crate) fn without_errors_member(mut self) -> Self {
        if self
            .inner
            .response_status
            .errors
            .as_ref()
            .is_some_and(Vec::is_empty)
        {
            self.inner.response_status.errors = None;
        }
        self
    }

    /// The status.
    pub fn status(&self) -> StatusCode {
        self.inner.status
    }

    /// The error code.
    pub fn error_code(&self) -> &str {
        self.inner
            .response_status
            .error_code
            .as_deref()
            .unwrap_or_default()
    }

    /// The message.
    pub fn message(&self) -> &str {
        self.inner
            .response_status
            .message
            .as_deref()
            .unwrap_or_default()
    }

    /// The field errors.
    pub fn field_errors(&self) -> &[ResponseError] {
        self.inner.response_status.field_errors()
    }

    /// The whole `ResponseStatus` the body carries.
    pub fn response_status(&self) -> &ResponseStatus {
        &self.inner.response_status
    }

    /// The response in `format`: `{responseStatus:{..}}` and the reason phrase.
    pub(crate) fn to_response(&self, format: Format) -> Response {
        let body = dto::ErrorResponse {
            response_status: Some(self.inner.response_status.clone()),
        };
        let mut response = format.respond(self.inner.status, &body);
        if let Some(reason) = &self.inner.reason {
            crate::format::set_reason(&mut response, reason);
        }
        response
    }
}

impl fmt::Display for HttpError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {}: {}",
            self.inner.status.as_u16(),
            self.error_code(),
            self.message()
        )
    }
}

impl std::error::Error for HttpError {}

impl From<StatusCode> for HttpError {
    /// An error with the status's standard phrase as the message, and its name as the error
    /// code (`NotFound`, `Forbidden`), as ServiceStack's `new HttpError(HttpStatusCode)`.
    fn from(status: StatusCode) -> Self {
        let phrase = status.canonical_reason().unwrap_or("Error");
        let code: String = phrase.split_whitespace().collect();
        HttpError::new(status, code, phrase)
    }
}

impl IntoResponse for HttpError {
    /// The error as JSON (outside a [`Host`](crate::Host), which answers in the negotiated
    /// format).
    fn into_response(self) -> Response {
        self.to_response(Format::Json)
    }
}
