//! Everything the blocking and async clients share: configuration, auth state, which URL and verb
//! each method uses, the 401 retries, and reading responses. A transport only moves an
//! [`HttpRequest`] to the server and an [`HttpResponse`] back.

use std::io::Read;
use std::sync::{Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use base64::Engine;
use dto::url::{first_complete_route, has_request_body, predefined_url, request_fields, route_url};
use dto::{GetAccessToken, GetAccessTokenResponse, Request};
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::cookies::CookieJar;
use crate::error::{Error, ErrorKind, Result};
use crate::format::Format;

/// What a client is built with ([`ClientBuilder`](crate::ClientBuilder)).
#[derive(Debug, Clone)]
pub(crate) struct Config {
    /// `scheme://host[:port][/path]`, without a trailing `/`.
    pub(crate) base_url: String,
    pub(crate) format: Format,
    pub(crate) timeout: Option<Duration>,
    pub(crate) headers: Vec<(String, String)>,
    pub(crate) user_agent: String,
    pub(crate) predefined_routes: bool,
    /// `/api`-style prefix of the pre-defined route, without a trailing `/`.
    pub(crate) base_path: Option<String>,
    pub(crate) always_send_basic_auth: bool,
    pub(crate) max_response_size: u64,
}

/// The default limit on a response body: bigger bodies fail with [`ErrorKind::Transport`].
pub(crate) const DEFAULT_MAX_RESPONSE_SIZE: u64 = 256 * 1024 * 1024;

/// Auth state that changes as the client is used.
#[derive(Debug, Default)]
pub(crate) struct AuthState {
    pub(crate) bearer_token: Option<String>,
    pub(crate) refresh_token: Option<String>,
    pub(crate) credentials: Option<(String, String)>,
    /// A 401 asked for credentials once: send them up front from now on.
    pub(crate) basic_challenged: bool,
    pub(crate) cookies: CookieJar,
}

/// A client's configuration and state, shared by its clones.
#[derive(Debug)]
pub(crate) struct Shared {
    pub(crate) config: Config,
    state: Mutex<AuthState>,
}

/// One HTTP request, ready for a transport.
#[derive(Debug, Clone)]
pub(crate) struct HttpRequest {
    pub(crate) verb: String,
    pub(crate) url: String,
    pub(crate) headers: Vec<(String, String)>,
    pub(crate) body: Option<Vec<u8>>,
}

/// One HTTP response as a transport read it.
#[derive(Debug, Clone)]
pub(crate) struct HttpResponse {
    pub(crate) status: u16,
    /// The status line's reason phrase; where the transport cannot tell, the standard one.
    pub(crate) reason: Option<String>,
    pub(crate) headers: Vec<(String, String)>,
    pub(crate) body: Vec<u8>,
}

impl HttpResponse {
    pub(crate) fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    fn is_success(&self) -> bool {
        (200..300).contains(&self.status)
    }

    /// The body with any `Content-Encoding` the transport left in place (ureq decodes only gzip)
    /// undone.
    fn decompress(mut self) -> Result<Self> {
        let encoding = match self.header("content-encoding") {
            Some(e) => e.trim().to_ascii_lowercase(),
            None => return Ok(self),
        };
        let mut decoded = Vec::new();
        let read = match encoding.as_str() {
            "gzip" | "x-gzip" => {
                flate2::read::GzDecoder::new(&self.body[..]).read_to_end(&mut decoded)
            }
            // RFC 9110's deflate is zlib-wrapped; some servers send raw deflate.
            "deflate" => flate2::read::ZlibDecoder::new(&self.body[..])
                .read_to_end(&mut decoded)
                .or_else(|_| {
                    decoded.clear();
                    flate2::read::DeflateDecoder::new(&self.body[..]).read_to_end(&mut decoded)
                }),
            "identity" | "" => return Ok(self),
            other => {
                return Err(Error::new(
                    ErrorKind::Decode,
                    format!("unsupported Content-Encoding `{other}`"),
                ));
            }
        };
        read.map_err(|e| {
            Error::new(
                ErrorKind::Decode,
                format!("cannot decompress the {encoding} response body: {e}"),
            )
            .with_source(e)
        })?;
        self.body = decoded;
        self.headers
            .retain(|(n, _)| !n.eq_ignore_ascii_case("content-encoding"));
        Ok(self)
    }
}

/// A request before auth and cookies are added: what a client method decided to send.
#[derive(Debug, Clone)]
pub(crate) struct Call {
    verb: &'static str,
    /// Relative to the base URL (starting with `/`), or absolute.
    path: String,
    body: Option<Vec<u8>>,
}

impl Shared {
    pub(crate) fn new(config: Config, state: AuthState) -> Self {
        Shared {
            config,
            state: Mutex::new(state),
        }
    }

    /// The auth state. A panic while it was held cannot leave it half-changed (every change is
    /// one assignment), so a poisoned lock is used as it is.
    pub(crate) fn state(&self) -> MutexGuard<'_, AuthState> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The pre-defined route of operation `name`: `/{format}/reply/{name}`, or
    /// `{base_path}/{name}` when a base path is set.
    fn predefined_path(&self, name: &str) -> String {
        match &self.config.base_path {
            Some(base) => format!("{base}/{name}"),
            None => format!("/{}/reply/{name}", self.config.format.name()),
        }
    }

    fn body<T: Serialize + ?Sized>(&self, verb: &str, value: &T) -> Result<Option<Vec<u8>>> {
        has_request_body(verb)
            .then(|| self.config.format.encode(value))
            .transpose()
    }

    /// `send`: the first route whose variables are all set, with that route's own verb; else
    /// `POST` to the pre-defined route.
    pub(crate) fn plan_send<R: Request>(&self, request: &R) -> Result<Call> {
        let fields = request_fields(request)?;
        let route = if self.config.predefined_routes {
            None
        } else {
            first_complete_route(R::ROUTES, &fields)?
        };
        let (verb, path) = match route {
            Some(route) => {
                let verb = canonical_verb(route.preferred_verb());
                (verb, dto::url::fill_route(R::NAME, route, verb, &fields)?)
            }
            None => ("POST", self.predefined_path(R::NAME)),
        };
        Ok(Call {
            verb,
            body: self.body(verb, request)?,
            path,
        })
    }

    /// `get`, `post`, ...: the route `Request::to_url` chooses for `verb`; the pre-defined route
    /// when none allows it.
    pub(crate) fn plan_verb<R: Request>(&self, verb: &'static str, request: &R) -> Result<Call> {
        let fields = request_fields(request)?;
        let routed = if self.config.predefined_routes {
            None
        } else {
            route_url(R::NAME, R::ROUTES, verb, &fields)?
        };
        let path = match routed {
            Some(path) => path,
            None => predefined_url(&self.predefined_path(R::NAME), verb, &fields),
        };
        Ok(Call {
            verb,
            body: self.body(verb, request)?,
            path,
        })
    }

    /// `send_all`: ServiceStack's auto-batched `POST /{format}/reply/{Name}[]`.
    pub(crate) fn plan_batch<R: Request>(&self, requests: &[R]) -> Result<Call> {
        Ok(Call {
            verb: "POST",
            path: format!("{}[]", self.predefined_path(R::NAME)),
            body: Some(self.config.format.encode(requests)?),
        })
    }

    /// `publish`: `POST /{format}/oneway/{Name}`.
    pub(crate) fn plan_oneway<R: Request>(&self, request: &R) -> Result<Call> {
        Ok(Call {
            verb: "POST",
            path: format!("/{}/oneway/{}", self.config.format.name(), R::NAME),
            body: Some(self.config.format.encode(request)?),
        })
    }

    /// `get_url` and `send_url`: a path of the caller's; a body verb sends `body`, the others
    /// put its fields in the query string.
    pub(crate) fn plan_url<B: Serialize + ?Sized>(
        &self,
        verb: &str,
        path: &str,
        body: Option<&B>,
    ) -> Result<Call> {
        let verb = known_verb(verb)?;
        let mut path = path.to_owned();
        let mut body_bytes = None;
        if let Some(body) = body {
            if has_request_body(verb) {
                body_bytes = Some(self.config.format.encode(body)?);
            } else {
                let fields = jsv::query::to_query_pairs(body).map_err(|e| {
                    Error::new(
                        ErrorKind::Encode,
                        format!("cannot serialize the query: {e}"),
                    )
                    .with_source(e)
                })?;
                let query = predefined_url("", verb, &fields);
                if !query.is_empty() {
                    path.push(if path.contains('?') { '&' } else { '?' });
                    path.push_str(&query[1..]);
                }
            }
        }
        Ok(Call {
            verb,
            path,
            body: body_bytes,
        })
    }

    /// The absolute URL of `path`: kept when it has a scheme, else joined to the base URL.
    fn url(&self, path: &str) -> String {
        if path.starts_with("http://") || path.starts_with("https://") {
            path.to_owned()
        } else if path.starts_with('/') {
            format!("{}{path}", self.config.base_url)
        } else {
            format!("{}/{path}", self.config.base_url)
        }
    }

    /// The HTTP request for `call`, with the headers ServiceStack's clients send, auth and
    /// cookies. Returns whether it carries Basic credentials.
    fn request(&self, call: &Call, force_basic: bool) -> (HttpRequest, bool) {
        let format = self.config.format;
        let mut headers = vec![
            ("Accept".to_owned(), format.content_type().to_owned()),
            ("User-Agent".to_owned(), self.config.user_agent.clone()),
        ];
        if call.body.is_some() {
            headers.push(("Content-Type".to_owned(), format.content_type().to_owned()));
        }
        let state = self.state();
        let mut sent_basic = false;
        match (&state.bearer_token, &state.credentials) {
            (Some(token), _) if !force_basic => {
                headers.push(("Authorization".to_owned(), format!("Bearer {token}")));
            }
            (_, Some((user, password)))
                if force_basic || self.config.always_send_basic_auth || state.basic_challenged =>
            {
                let encoded =
                    base64::engine::general_purpose::STANDARD.encode(format!("{user}:{password}"));
                headers.push(("Authorization".to_owned(), format!("Basic {encoded}")));
                sent_basic = true;
            }
            _ => {}
        }
        if let Some(cookie) = state.cookies.header() {
            headers.push(("Cookie".to_owned(), cookie));
        }
        drop(state);
        for (name, value) in &self.config.headers {
            headers.retain(|(n, _)| !n.eq_ignore_ascii_case(name));
            headers.push((name.clone(), value.clone()));
        }
        let request = HttpRequest {
            verb: call.verb.to_owned(),
            url: self.url(&call.path),
            headers,
            body: call.body.clone(),
        };
        (request, sent_basic)
    }

    /// Starts sending `call`: see [`Exchange`].
    pub(crate) fn exchange(&self, call: Call) -> (Exchange<'_>, HttpRequest) {
        let (request, sent_basic) = self.request(&call, false);
        let exchange = Exchange {
            shared: self,
            call,
            sent_basic,
            basic_retried: false,
            refresh: Refresh::NotTried,
            verb: request.verb.clone(),
            url: request.url.clone(),
        };
        (exchange, request)
    }

    /// Reads a response into `T` by its `Content-Type`: JSON or JSV whatever the client's own
    /// format (ServiceStack's C# clients assume their own and silently read empty objects);
    /// none given, the client's format. A failed status is the error it carries.
    pub(crate) fn decode<T: DeserializeOwned>(&self, reply: Reply) -> Result<T> {
        let Reply {
            verb,
            url,
            response,
        } = reply;
        if !response.is_success() {
            return Err(status_error(self.config.format, response).with_request(&verb, &url));
        }
        if let Ok(unit) = T::deserialize(UnitProbe) {
            // `()`: a void response, whatever its body.
            return Ok(unit);
        }
        let fail = |error: Error, response: HttpResponse| {
            let body = String::from_utf8_lossy(&response.body).into_owned();
            error.with_request(&verb, &url).with_response(
                response.status,
                response.reason,
                response.headers,
                body,
            )
        };
        if response.status == 204 || response.body.iter().all(u8::is_ascii_whitespace) {
            return T::deserialize(
                serde::de::value::UnitDeserializer::<serde::de::value::Error>::new(),
            )
            .map_err(|_| {
                let error = Error::new(
                    ErrorKind::Decode,
                    format!(
                        "the response has no body, but {} was expected",
                        std::any::type_name::<T>()
                    ),
                );
                fail(error, response.clone())
            });
        }
        let format = match response.header("content-type") {
            None => self.config.format,
            Some(content_type) => match Format::from_content_type(content_type) {
                Some(format) => format,
                None => {
                    let error = Error::new(
                        ErrorKind::Decode,
                        format!("unexpected response Content-Type `{content_type}`"),
                    );
                    return Err(fail(error, response));
                }
            },
        };
        format.decode(&response.body).map_err(|e| fail(e, response))
    }

    /// A void response: any 2xx, its body (if any) ignored.
    pub(crate) fn decode_void(&self, reply: Reply) -> Result<()> {
        let Reply {
            verb,
            url,
            response,
        } = reply;
        if response.is_success() {
            Ok(())
        } else {
            Err(status_error(self.config.format, response).with_request(&verb, &url))
        }
    }

    /// After a successful sign-in: tokens the host issued are used from now on.
    pub(crate) fn signed_in(&self, response: &dto::AuthenticateResponse) {
        let mut state = self.state();
        if let Some(token) = &response.bearer_token {
            state.bearer_token = Some(token.clone());
        }
        if let Some(token) = &response.refresh_token {
            state.refresh_token = Some(token.clone());
        }
    }
}

/// The verb as a `'static` upper-case string; `verb` comes from a route (already checked).
fn canonical_verb(verb: &str) -> &'static str {
    known_verb(verb).unwrap_or("POST")
}

fn known_verb(verb: &str) -> Result<&'static str> {
    const VERBS: [&str; 7] = ["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"];
    VERBS
        .iter()
        .find(|v| v.eq_ignore_ascii_case(verb))
        .copied()
        .ok_or_else(|| {
            Error::new(
                ErrorKind::Url,
                format!(
                    "unknown HTTP verb `{verb}`: expected one of {}",
                    VERBS.join(", ")
                ),
            )
        })
}

/// The error a failed status carries: the body's `ResponseStatus` when it has one (read by its
/// Content-Type, or the client's format when none is given), else the status alone.
fn status_error(format: Format, response: HttpResponse) -> Error {
    let body_format = match response.header("content-type") {
        None => Some(format),
        Some(content_type) => Format::from_content_type(content_type),
    };
    let response_status = body_format
        .filter(|_| !response.body.is_empty())
        .and_then(|format| format.decode::<dto::ErrorResponse>(&response.body).ok())
        .and_then(|body| body.response_status);
    let body = String::from_utf8_lossy(&response.body).into_owned();
    let kind = if response_status.is_some() {
        ErrorKind::Service
    } else {
        ErrorKind::Http
    };
    let message = format!(
        "{} {}",
        response.status,
        response.reason.as_deref().unwrap_or_default()
    );
    let error = Error::new(kind, message.trim_end()).with_response(
        response.status,
        response.reason,
        response.headers,
        body,
    );
    match response_status {
        Some(status) => error.with_response_status(status),
        None => error,
    }
}

/// A finished exchange: the final response and the request it answers.
#[derive(Debug)]
pub(crate) struct Reply {
    verb: String,
    url: String,
    response: HttpResponse,
}

/// What a client does next in an [`Exchange`].
#[derive(Debug)]
pub(crate) enum Step {
    /// Send this request and hand its response to [`Exchange::next`].
    Send(HttpRequest),
    /// The call is over.
    Done(Reply),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Refresh {
    NotTried,
    /// The last request sent was `POST /access-token`.
    InFlight,
    Done,
}

/// One call as the C# clients make it: the request, and on a 401 at most one retry with Basic
/// credentials (after which they are sent up front) and at most one bearer-token refresh
/// (`POST /access-token`) followed by a retry. Cookies from every response are kept.
#[derive(Debug)]
pub(crate) struct Exchange<'a> {
    shared: &'a Shared,
    call: Call,
    sent_basic: bool,
    basic_retried: bool,
    refresh: Refresh,
    verb: String,
    url: String,
}

impl Exchange<'_> {
    /// Takes the response to the last request sent.
    pub(crate) fn next(&mut self, response: HttpResponse) -> Result<Step> {
        let response = response
            .decompress()
            .map_err(|e| e.with_request(&self.verb, &self.url))?;
        {
            let mut state = self.shared.state();
            for (name, value) in &response.headers {
                if name.eq_ignore_ascii_case("set-cookie") {
                    state.cookies.absorb(value);
                }
            }
        }

        if self.refresh == Refresh::InFlight {
            self.refresh = Refresh::Done;
            let reply = self.reply(response);
            let token: GetAccessTokenResponse = self.shared.decode(reply)?;
            if let Some(token) = token.access_token {
                self.shared.state().bearer_token = Some(token);
            }
            return Ok(self.send(false));
        }

        if response.status == 401 {
            let (has_refresh, has_credentials) = {
                let state = self.shared.state();
                (state.refresh_token.is_some(), state.credentials.is_some())
            };
            if has_refresh && self.refresh == Refresh::NotTried {
                let refresh_token = self.shared.state().refresh_token.clone();
                let call = self.shared.plan_verb(
                    "POST",
                    &GetAccessToken {
                        refresh_token,
                        ..GetAccessToken::default()
                    },
                )?;
                let (request, _) = self.shared.request(&call, false);
                self.refresh = Refresh::InFlight;
                self.verb.clone_from(&request.verb);
                self.url.clone_from(&request.url);
                return Ok(Step::Send(request));
            }
            if has_credentials && !self.sent_basic && !self.basic_retried {
                self.basic_retried = true;
                self.shared.state().basic_challenged = true;
                return Ok(self.send(true));
            }
        }
        Ok(Step::Done(self.reply(response)))
    }

    fn send(&mut self, force_basic: bool) -> Step {
        let (request, sent_basic) = self.shared.request(&self.call, force_basic);
        self.sent_basic = sent_basic;
        self.verb.clone_from(&request.verb);
        self.url.clone_from(&request.url);
        Step::Send(request)
    }

    fn reply(&self, response: HttpResponse) -> Reply {
        Reply {
            verb: self.verb.clone(),
            url: self.url.clone(),
            response,
        }
    }

    /// Adds the request line to a transport's error.
    pub(crate) fn transport_error(&self, error: Error) -> Error {
        error.with_request(&self.verb, &self.url)
    }
}

/// A deserializer that only `()` accepts: tells a void response type from the others without
/// looking at the body.
struct UnitProbe;

impl<'de> serde::Deserializer<'de> for UnitProbe {
    type Error = serde::de::value::Error;

    fn deserialize_any<V: serde::de::Visitor<'de>>(
        self,
        _visitor: V,
    ) -> Result<V::Value, Self::Error> {
        Err(serde::de::Error::custom("not unit"))
    }

    fn deserialize_unit<V: serde::de::Visitor<'de>>(
        self,
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        visitor.visit_unit()
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf option unit_struct newtype_struct seq tuple
        tuple_struct map struct enum identifier ignored_any
    }
}
