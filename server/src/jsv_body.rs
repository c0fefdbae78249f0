//! [`Jsv<T>`]: JSV request bodies and responses for plain axum handlers, as `axum::Json<T>`.

use std::fmt;

use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::format::Format;

/// A JSV (`application/jsv`) body: as an extractor it reads a request whose `Content-Type` is
/// `application/jsv` or `text/jsv` into `T`; as a response it writes `T` as JSV.
///
/// ```
/// use axum::{Router, routing::post};
/// use dto_server::Jsv;
/// use serde::{Deserialize, Serialize};
///
/// #[derive(Deserialize, Serialize)]
/// struct Member { id: u32, name: String }
///
/// async fn echo(Jsv(member): Jsv<Member>) -> Jsv<Member> {
///     Jsv(member)
/// }
///
/// let app: Router = Router::new().route("/members", post(echo));
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Jsv<T>(pub T);

/// Why a [`Jsv`] extractor rejected a request.
#[derive(Debug)]
#[non_exhaustive]
pub enum JsvRejection {
    /// The `Content-Type` is not `application/jsv` or `text/jsv`: `415 Unsupported Media Type`.
    MissingJsvContentType,
    /// The body could not be read (too large, connection lost): its status.
    Body(axum::extract::rejection::BytesRejection),
    /// The body is not valid JSV, or not a `T`: `400 Bad Request`, with the line and column.
    Invalid(jsv::Error),
}

impl JsvRejection {
    /// The status answered.
    pub fn status(&self) -> StatusCode {
        match self {
            JsvRejection::MissingJsvContentType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            JsvRejection::Body(rejection) => rejection.status(),
            JsvRejection::Invalid(_) => StatusCode::BAD_REQUEST,
        }
    }
}

impl fmt::Display for JsvRejection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            JsvRejection::MissingJsvContentType => {
                f.write_str("Expected request with `Content-Type: application/jsv`")
            }
            JsvRejection::Body(rejection) => write!(f, "{}", rejection.body_text()),
            JsvRejection::Invalid(error) => write!(
                f,
                "Failed to deserialize the JSV body at line {} column {}: {}",
                error.line(),
                error.column(),
                error.message()
            ),
        }
    }
}

impl std::error::Error for JsvRejection {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            JsvRejection::Invalid(error) => Some(error),
            JsvRejection::Body(rejection) => Some(rejection),
            JsvRejection::MissingJsvContentType => None,
        }
    }
}

impl IntoResponse for JsvRejection {
    fn into_response(self) -> Response {
        (self.status(), self.to_string()).into_response()
    }
}

impl<T, S> FromRequest<S> for Jsv<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = JsvRejection;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        let is_jsv = request
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .and_then(Format::from_content_type)
            == Some(Format::Jsv);
        if !is_jsv {
            return Err(JsvRejection::MissingJsvContentType);
        }
        let bytes = Bytes::from_request(request, state)
            .await
            .map_err(JsvRejection::Body)?;
        jsv::from_slice(&bytes)
            .map(Jsv)
            .map_err(JsvRejection::Invalid)
    }
}

impl<T: Serialize> IntoResponse for Jsv<T> {
    fn into_response(self) -> Response {
        match jsv::to_vec(&self.0) {
            Ok(body) => (
                [(
                    header::CONTENT_TYPE,
                    HeaderValue::from_static("application/jsv"),
                )],
                body,
            )
                .into_response(),
            Err(error) => (StatusCode::INTERNAL_SERVER_ERROR, error.to_string()).into_response(),
        }
    }
}
