//! One builder for both clients.

use std::marker::PhantomData;
use std::time::Duration;

use crate::error::{Error, ErrorKind, Result};
use crate::format::Format;
use crate::session::{AuthState, Config, DEFAULT_MAX_RESPONSE_SIZE, Shared};

/// Configures a client: [`Client::builder`](crate::Client::builder) (blocking) or
/// [`AsyncClient::builder`](crate::AsyncClient::builder); `C` is the client it builds.
///
/// Settings are checked as they are given; the first invalid one is the error [`build`] returns.
///
/// [`build`]: ClientBuilder::build
#[must_use]
#[derive(Debug)]
pub struct ClientBuilder<C> {
    config: Config,
    state: AuthState,
    error: Option<Error>,
    client: PhantomData<fn() -> C>,
}

impl<C> ClientBuilder<C> {
    pub(crate) fn new(base_url: &str) -> Self {
        let mut builder = ClientBuilder {
            config: Config {
                base_url: String::new(),
                format: Format::Jsv,
                timeout: None,
                headers: Vec::new(),
                user_agent: concat!("dto-client/", env!("CARGO_PKG_VERSION")).to_owned(),
                predefined_routes: false,
                base_path: None,
                always_send_basic_auth: false,
                max_response_size: DEFAULT_MAX_RESPONSE_SIZE,
            },
            state: AuthState::default(),
            error: None,
            client: PhantomData,
        };
        match check_base_url(base_url) {
            Ok(url) => builder.config.base_url = url,
            Err(error) => builder.error = Some(error),
        }
        builder
    }

    fn fail(&mut self, error: Error) {
        self.error.get_or_insert(error);
    }

    /// The format requests are written in and responses asked for (default [`Format::Jsv`]).
    pub fn format(mut self, format: Format) -> Self {
        self.config.format = format;
        self
    }

    /// The time a whole call may take, connecting, sending and reading included (default: no
    /// limit). A call that runs out fails with [`ErrorKind::Timeout`].
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.config.timeout = Some(timeout);
        self
    }

    /// Sends `Authorization: Bearer {token}` on every request.
    pub fn bearer_token(mut self, token: impl Into<String>) -> Self {
        self.state.bearer_token = Some(token.into());
        self
    }

    /// A refresh token: on a 401, the client posts it to `/access-token` (ServiceStack's
    /// `GetAccessToken`) once, takes the new bearer token and retries the call once.
    pub fn refresh_token(mut self, token: impl Into<String>) -> Self {
        self.state.refresh_token = Some(token.into());
        self
    }

    /// HTTP Basic credentials, sent as ServiceStack's clients send them: after the first 401
    /// challenge (the call is retried once with them), then up front on every request.
    pub fn basic_auth(mut self, user_name: impl Into<String>, password: impl Into<String>) -> Self {
        self.state.credentials = Some((user_name.into(), password.into()));
        self
    }

    /// Send the [`basic_auth`](Self::basic_auth) credentials on the first request too, saving
    /// the 401 round trip (ServiceStack's `AlwaysSendBasicAuthHeader`).
    pub fn always_send_basic_auth(mut self, always: bool) -> Self {
        self.config.always_send_basic_auth = always;
        self
    }

    /// A header sent on every request; it replaces a header of the same name the client would
    /// send (`Accept`, `User-Agent`, ...).
    pub fn header(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        let (name, value) = (name.into(), value.into());
        let valid_name = !name.is_empty()
            && name
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b));
        if !valid_name {
            self.fail(Error::new(
                ErrorKind::Builder,
                format!("invalid header name `{name}`"),
            ));
        } else if value.bytes().any(|b| b == b'\r' || b == b'\n' || b == 0) {
            self.fail(Error::new(
                ErrorKind::Builder,
                format!("invalid value for header `{name}`: it contains a line break or NUL"),
            ));
        } else {
            self.config.headers.push((name, value));
        }
        self
    }

    /// The `User-Agent` (default `dto-client/{version}`).
    pub fn user_agent(mut self, user_agent: impl Into<String>) -> Self {
        self.config.user_agent = user_agent.into();
        self
    }

    /// Always use ServiceStack's pre-defined routes (`/{format}/reply/{Name}`, or
    /// `{base_path}/{Name}`) instead of the DTOs' `#[route]`s, as the C# clients' `Send` does.
    pub fn predefined_routes(mut self, predefined: bool) -> Self {
        self.config.predefined_routes = predefined;
        self
    }

    /// The pre-defined route's prefix on ServiceStack v6+ hosts: with `"/api"`, requests without
    /// a usable route go to `/api/{Name}` (and batches to `/api/{Name}[]`) instead of
    /// `/{format}/reply/{Name}`.
    pub fn base_path(mut self, base_path: impl Into<String>) -> Self {
        let base_path = base_path.into();
        let trimmed = base_path.trim_end_matches('/');
        if trimmed.contains(['?', '#']) || trimmed.chars().any(char::is_whitespace) {
            self.fail(Error::new(
                ErrorKind::Builder,
                format!("invalid base path `{base_path}`"),
            ));
        } else if trimmed.starts_with('/') {
            self.config.base_path = Some(trimmed.to_owned());
        } else {
            self.config.base_path = Some(format!("/{trimmed}"));
        }
        self
    }

    /// The largest response body read, in bytes (default 256 MiB); a bigger one fails with
    /// [`ErrorKind::Transport`].
    pub fn max_response_size(mut self, bytes: u64) -> Self {
        self.config.max_response_size = bytes;
        self
    }

    pub(crate) fn finish(self) -> Result<Shared> {
        match self.error {
            Some(error) => Err(error),
            None => Ok(Shared::new(self.config, self.state)),
        }
    }
}

/// `scheme://authority[/path]` without a trailing `/`, or why not.
fn check_base_url(url: &str) -> Result<String> {
    let invalid =
        |why: &str| Error::new(ErrorKind::Url, format!("invalid base URL `{url}`: {why}"));
    let rest = url
        .strip_prefix("http://")
        .or_else(|| url.strip_prefix("https://"))
        .ok_or_else(|| invalid("it must start with http:// or https://"))?;
    let authority = rest.split('/').next().unwrap_or_default();
    if authority.is_empty() || authority.starts_with(':') {
        return Err(invalid("it has no host"));
    }
    if url.contains(['?', '#']) {
        return Err(invalid("it cannot have a query or fragment"));
    }
    if url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(invalid("it contains whitespace"));
    }
    if let Some((_, port)) = authority.rsplit_once(':')
        && !authority.ends_with(']')
        && port.parse::<u16>().is_err()
    {
        return Err(invalid("its port is not a number from 0 to 65535"));
    }
    Ok(url.trim_end_matches('/').to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_urls() {
        assert_eq!(
            check_base_url("http://127.0.0.1:5085/").unwrap(),
            "http://127.0.0.1:5085"
        );
        assert_eq!(
            check_base_url("https://example.org/api/").unwrap(),
            "https://example.org/api"
        );
        assert_eq!(
            check_base_url("http://[::1]:80").unwrap(),
            "http://[::1]:80"
        );
        for bad in [
            "example.org",
            "ftp://example.org",
            "http://",
            "http://:80",
            "http://host:port",
            "http://host/?q=1",
            "http://ho st",
        ] {
            let error = check_base_url(bad).unwrap_err();
            assert_eq!(error.kind(), ErrorKind::Url, "{bad}");
            assert!(error.to_string().contains(bad), "{error}");
        }
    }
}
