//! The one error type of both clients.

use std::error::Error as StdError;
use std::fmt;

use dto::ResponseStatus;

/// One member's error inside a service error: ServiceStack's `ResponseError`, with public fields
/// `error_code`, `field_name` and `message`.
pub type FieldError = dto::ResponseError;

/// What went wrong, in the manner of `reqwest::Error`: [`Error::kind`] says which stage failed,
/// and the accessors give what the server said.
///
/// A 4xx or 5xx response whose body is a ServiceStack error (`{responseStatus:{..}}`, JSON or
/// JSV, whatever the client's own format) is [`ErrorKind::Service`] and carries all of it;
/// any other failed status is [`ErrorKind::Http`], with the body text kept.
pub struct Error {
    inner: Box<Inner>,
}

struct Inner {
    kind: ErrorKind,
    message: String,
    verb: Option<String>,
    url: Option<String>,
    status: Option<u16>,
    reason: Option<String>,
    headers: Vec<(String, String)>,
    body: Option<String>,
    response_status: Option<ResponseStatus>,
    position: Option<(usize, usize)>,
    source: Option<Box<dyn StdError + Send + Sync>>,
}

/// Which stage of a call failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The service answered 4xx or 5xx with a ServiceStack error body:
    /// [`Error::response_status`] is set.
    Service,
    /// The server answered 4xx or 5xx without a ServiceStack error body (an empty 401, a
    /// `text/plain` 404, an HTML 500 page): [`Error::status`] and [`Error::response_body`] say
    /// what came back.
    Http,
    /// The request could not be sent or its response not read: connection refused, reset,
    /// a body cut short, TLS.
    Transport,
    /// The client's timeout ran out.
    Timeout,
    /// A successful response's body is not the expected type, or not valid JSON or JSV:
    /// [`Error::line`] and [`Error::column`] point into the body.
    Decode,
    /// The request DTO could not be serialized.
    Encode,
    /// No URL could be built: the DTO's routes ([`dto::Error`], the [`source`](StdError::source))
    /// or a malformed base URL or path.
    Url,
    /// The client was configured with an invalid header or option.
    Builder,
}

impl Error {
    pub(crate) fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Error {
            inner: Box::new(Inner {
                kind,
                message: message.into(),
                verb: None,
                url: None,
                status: None,
                reason: None,
                headers: Vec::new(),
                body: None,
                response_status: None,
                position: None,
                source: None,
            }),
        }
    }

    pub(crate) fn with_source(mut self, source: impl StdError + Send + Sync + 'static) -> Self {
        self.inner.source = Some(Box::new(source));
        self
    }

    pub(crate) fn with_request(mut self, verb: &str, url: &str) -> Self {
        self.inner.verb = Some(verb.to_owned());
        self.inner.url = Some(url.to_owned());
        self
    }

    pub(crate) fn with_response(
        mut self,
        status: u16,
        reason: Option<String>,
        headers: Vec<(String, String)>,
        body: String,
    ) -> Self {
        self.inner.status = Some(status);
        self.inner.reason = reason;
        self.inner.headers = headers;
        self.inner.body = Some(body);
        self
    }

    pub(crate) fn with_response_status(mut self, status: ResponseStatus) -> Self {
        self.inner.response_status = Some(status);
        self
    }

    pub(crate) fn with_position(mut self, line: usize, column: usize) -> Self {
        self.inner.position = Some((line, column));
        self
    }

    /// Which stage failed.
    pub fn kind(&self) -> ErrorKind {
        self.inner.kind
    }

    /// The response's status code, when a response came back (service, HTTP and decode
    /// errors).
    pub fn status(&self) -> Option<u16> {
        self.inner.status
    }

    /// The status line's reason phrase, which ServiceStack sets to the error code
    /// (`418 CustomErrorCode`, `401 Invalid UserName or Password`). Where the transport does
    /// not report the phrase it received (the blocking client), the standard phrase of the
    /// status code.
    pub fn status_description(&self) -> Option<&str> {
        self.inner.reason.as_deref()
    }

    /// The error code: `responseStatus.errorCode`, else (as ServiceStack's clients do) the
    /// status line's reason phrase (`Not Found` for a plain 404, `Unauthorized` for an empty 401).
    pub fn error_code(&self) -> Option<&str> {
        self.inner
            .response_status
            .as_ref()
            .and_then(|s| s.error_code.as_deref())
            .or(self.status_description())
    }

    /// The service's error message (`responseStatus.message`).
    pub fn message(&self) -> Option<&str> {
        self.inner
            .response_status
            .as_ref()
            .and_then(|s| s.message.as_deref())
    }

    /// The service's field errors (`responseStatus.errors`); empty when there are none.
    pub fn field_errors(&self) -> &[FieldError] {
        self.inner
            .response_status
            .as_ref()
            .map(ResponseStatus::field_errors)
            .unwrap_or_default()
    }

    /// The service's whole `ResponseStatus`, for [`ErrorKind::Service`].
    pub fn response_status(&self) -> Option<&ResponseStatus> {
        self.inner.response_status.as_ref()
    }

    /// The response body as text (lossy UTF-8), when a response came back.
    pub fn response_body(&self) -> Option<&str> {
        self.inner.body.as_deref()
    }

    /// A response header (name compared ignoring case), e.g. `WWW-Authenticate`.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.inner
            .headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// The URL called, when the call got that far.
    pub fn url(&self) -> Option<&str> {
        self.inner.url.as_deref()
    }

    /// For [`ErrorKind::Decode`], the 1-based line in the body where decoding failed.
    pub fn line(&self) -> Option<usize> {
        self.inner.position.map(|(line, _)| line)
    }

    /// For [`ErrorKind::Decode`], the 1-based column in the body where decoding failed.
    pub fn column(&self) -> Option<usize> {
        self.inner.position.map(|(_, column)| column)
    }

    /// [`ErrorKind::Service`].
    pub fn is_service(&self) -> bool {
        self.kind() == ErrorKind::Service
    }

    /// [`ErrorKind::Http`].
    pub fn is_http(&self) -> bool {
        self.kind() == ErrorKind::Http
    }

    /// [`ErrorKind::Transport`].
    pub fn is_transport(&self) -> bool {
        self.kind() == ErrorKind::Transport
    }

    /// [`ErrorKind::Timeout`].
    pub fn is_timeout(&self) -> bool {
        self.kind() == ErrorKind::Timeout
    }

    /// [`ErrorKind::Decode`].
    pub fn is_decode(&self) -> bool {
        self.kind() == ErrorKind::Decode
    }

    /// [`ErrorKind::Url`].
    pub fn is_url(&self) -> bool {
        self.kind() == ErrorKind::Url
    }

    /// A failed status came back ([`ErrorKind::Service`] or [`ErrorKind::Http`]).
    pub fn is_status(&self) -> bool {
        matches!(self.kind(), ErrorKind::Service | ErrorKind::Http)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let inner = &*self.inner;
        match (inner.kind, inner.status) {
            (ErrorKind::Service | ErrorKind::Http, Some(status)) => {
                write!(f, "{status}")?;
                if let Some(code) = self.error_code() {
                    write!(f, " {code}")?;
                }
                if let Some(message) = self.message() {
                    write!(f, ": {message}")?;
                }
            }
            _ => f.write_str(&inner.message)?,
        }
        if let (Some(verb), Some(url)) = (&inner.verb, &inner.url) {
            write!(f, " ({verb} {url})")?;
        }
        Ok(())
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let inner = &*self.inner;
        let mut d = f.debug_struct("Error");
        d.field("kind", &inner.kind)
            .field("message", &inner.message);
        if let Some(url) = &inner.url {
            d.field("url", url);
        }
        if let Some(status) = inner.status {
            d.field("status", &status);
        }
        if let Some(reason) = &inner.reason {
            d.field("reason", reason);
        }
        if let Some(status) = &inner.response_status {
            d.field("response_status", status);
        }
        if let Some(position) = inner.position {
            d.field("position", &position);
        }
        if let Some(source) = &inner.source {
            d.field("source", source);
        }
        d.finish()
    }
}

impl StdError for Error {
    fn source(&self) -> Option<&(dyn StdError + 'static)> {
        self.inner
            .source
            .as_deref()
            .map(|s| s as &(dyn StdError + 'static))
    }
}

impl From<dto::Error> for Error {
    fn from(source: dto::Error) -> Self {
        Error::new(ErrorKind::Url, source.to_string()).with_source(source)
    }
}

/// `Result<T, dto_client::Error>`.
pub type Result<T, E = Error> = std::result::Result<T, E>;
