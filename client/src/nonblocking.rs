//! The async client, on reqwest.

use std::sync::Arc;

use crate::builder::ClientBuilder;
use crate::error::{Error, ErrorKind, Result};
use crate::methods::client_methods;
use crate::session::{Call, HttpRequest, HttpResponse, Reply, Shared, Step};

/// An async ServiceStack client (on reqwest; use it inside a tokio runtime), with the same
/// methods as the blocking [`Client`](crate::Client). Cheap to clone: clones share the
/// connection pool, the cookies and the tokens.
///
/// ```no_run
/// # use serde::{Deserialize, Serialize};
/// # #[derive(Serialize, Deserialize, dto::Dto)]
/// # #[route("/sessions/{sessionId}", "GET")]
/// # #[returns(SessionInfo)]
/// # struct GetSession { #[serde(rename = "sessionId")] session_id: String }
/// # #[derive(Deserialize)] struct SessionInfo {}
/// # async fn run() -> Result<(), dto_client::Error> {
/// let client = dto_client::AsyncClient::json("https://voice.example.org")?;
/// let session = client.get(&GetSession { session_id: "s1".into() }).await?;
/// # Ok(())
/// # }
/// ```
#[derive(Debug, Clone)]
pub struct AsyncClient {
    shared: Arc<Shared>,
    http: reqwest::Client,
}

impl AsyncClient {
    client_methods!(async, .await);

    async fn execute(&self, call: Call) -> Result<Reply> {
        let (mut exchange, mut request) = self.shared.exchange(call);
        loop {
            let response = self
                .transport(request)
                .await
                .map_err(|e| exchange.transport_error(e))?;
            match exchange.next(response)? {
                Step::Send(next) => request = next,
                Step::Done(reply) => return Ok(reply),
            }
        }
    }

    async fn transport(&self, request: HttpRequest) -> Result<HttpResponse> {
        let method = reqwest::Method::from_bytes(request.verb.as_bytes())
            .map_err(|e| Error::new(ErrorKind::Url, format!("invalid verb: {e}")).with_source(e))?;
        // reqwest sends `Accept-Encoding: gzip, deflate` and decodes both itself.
        let mut builder = self.http.request(method, &request.url);
        for (name, value) in &request.headers {
            builder = builder.header(name, value);
        }
        if let Some(body) = request.body {
            builder = builder.body(body);
        }
        let mut response = builder.send().await.map_err(transport_error)?;
        let status = response.status();
        let reason = response
            .extensions()
            .get::<hyper::ext::ReasonPhrase>()
            .map(|phrase| String::from_utf8_lossy(phrase.as_bytes()).into_owned())
            .or_else(|| status.canonical_reason().map(str::to_owned));
        let headers = response
            .headers()
            .iter()
            .map(|(name, value)| {
                let value = String::from_utf8_lossy(value.as_bytes()).into_owned();
                (name.as_str().to_owned(), value)
            })
            .collect();
        let limit = self.shared.config.max_response_size;
        let mut body = Vec::new();
        while let Some(chunk) = response.chunk().await.map_err(transport_error)? {
            if (body.len() + chunk.len()) as u64 > limit {
                return Err(Error::new(
                    ErrorKind::Transport,
                    format!("the response body is larger than the limit of {limit} bytes"),
                ));
            }
            body.extend_from_slice(&chunk);
        }
        Ok(HttpResponse {
            status: status.as_u16(),
            reason,
            headers,
            body,
        })
    }
}

impl ClientBuilder<AsyncClient> {
    /// The client, or the first invalid setting.
    pub fn build(self) -> Result<AsyncClient> {
        let shared = self.finish()?;
        let mut http = reqwest::Client::builder().gzip(true).deflate(true);
        if let Some(timeout) = shared.config.timeout {
            http = http.timeout(timeout);
        }
        let http = http.build().map_err(|e| {
            Error::new(
                ErrorKind::Builder,
                format!("cannot build the HTTP client: {e}"),
            )
            .with_source(e)
        })?;
        Ok(AsyncClient {
            shared: Arc::new(shared),
            http,
        })
    }
}

fn transport_error(error: reqwest::Error) -> Error {
    let kind = if error.is_timeout() {
        ErrorKind::Timeout
    } else if error.is_builder() {
        ErrorKind::Url
    } else {
        ErrorKind::Transport
    };
    // reqwest's own message is terse ("error sending request"); the cause says why.
    let mut message = error.to_string();
    let mut source = std::error::Error::source(&error);
    while let Some(cause) = source {
        message.push_str(": ");
        message.push_str(&cause.to_string());
        source = cause.source();
    }
    Error::new(kind, message).with_source(error)
}
