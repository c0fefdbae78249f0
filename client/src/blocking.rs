//! The blocking client, on ureq.

use std::sync::Arc;

use crate::builder::ClientBuilder;
use crate::error::{Error, ErrorKind, Result};
use crate::methods::client_methods;
use crate::session::{Call, HttpRequest, HttpResponse, Reply, Shared, Step};

/// A blocking ServiceStack client (on ureq). Cheap to clone: clones share the connection pool,
/// the cookies and the tokens.
///
/// ```no_run
/// # use serde::{Deserialize, Serialize};
/// # #[derive(Serialize, Deserialize, dto::Dto)]
/// # #[route("/sessions/{sessionId}", "GET")]
/// # #[returns(SessionInfo)]
/// # struct GetSession { #[serde(rename = "sessionId")] session_id: String }
/// # #[derive(Deserialize)] struct SessionInfo {}
/// let client = dto_client::Client::jsv("https://voice.example.org")?;
/// let session = client.get(&GetSession { session_id: "s1".into() })?; // GET /sessions/s1
/// # Ok::<(), dto_client::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct Client {
    shared: Arc<Shared>,
    agent: ureq::Agent,
}

impl Client {
    client_methods!();

    fn execute(&self, call: Call) -> Result<Reply> {
        let (mut exchange, mut request) = self.shared.exchange(call);
        loop {
            let response = self
                .transport(request)
                .map_err(|e| exchange.transport_error(e))?;
            match exchange.next(response)? {
                Step::Send(next) => request = next,
                Step::Done(reply) => return Ok(reply),
            }
        }
    }

    fn transport(&self, request: HttpRequest) -> Result<HttpResponse> {
        let mut builder = ureq::http::Request::builder()
            .method(request.verb.as_str())
            .uri(&request.url)
            // ureq decodes gzip itself; deflate is left to the shared code.
            .header("Accept-Encoding", "gzip, deflate");
        for (name, value) in &request.headers {
            builder = builder.header(name, value);
        }
        let sent = match request.body {
            Some(body) => builder.body(body).map(|r| self.agent.run(r)),
            None => builder.body(()).map(|r| self.agent.run(r)),
        };
        let mut response = sent
            .map_err(|e| {
                Error::new(ErrorKind::Url, format!("invalid request: {e}")).with_source(e)
            })?
            .map_err(transport_error)?;
        let status = response.status();
        let headers = response
            .headers()
            .iter()
            .map(|(name, value)| {
                let value = String::from_utf8_lossy(value.as_bytes()).into_owned();
                (name.as_str().to_owned(), value)
            })
            .collect();
        let body = response
            .body_mut()
            .with_config()
            .limit(self.shared.config.max_response_size)
            .read_to_vec()
            .map_err(transport_error)?;
        Ok(HttpResponse {
            status: status.as_u16(),
            // ureq does not keep the reason phrase it read.
            reason: status.canonical_reason().map(str::to_owned),
            headers,
            body,
        })
    }
}

impl ClientBuilder<Client> {
    /// The client, or the first invalid setting.
    pub fn build(self) -> Result<Client> {
        let shared = self.finish()?;
        let agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(shared.config.timeout)
            .build()
            .new_agent();
        Ok(Client {
            shared: Arc::new(shared),
            agent,
        })
    }
}

fn transport_error(error: ureq::Error) -> Error {
    let kind = match &error {
        ureq::Error::Timeout(_) => ErrorKind::Timeout,
        ureq::Error::Io(io) if io.kind() == std::io::ErrorKind::TimedOut => ErrorKind::Timeout,
        ureq::Error::BadUri(_) | ureq::Error::Http(_) => ErrorKind::Url,
        _ => ErrorKind::Transport,
    };
    let message = match &error {
        ureq::Error::BodyExceedsLimit(limit) => {
            format!("the response body is larger than the limit of {limit} bytes")
        }
        other => other.to_string(),
    };
    Error::new(kind, message).with_source(error)
}
