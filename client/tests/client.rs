//! Both clients, both formats, against a loopback server that answers as ServiceStack does.
//!
//! Every scenario runs four times: blocking and async, JSV and JSON. The async client is driven
//! through a small adapter that blocks on its futures, so each scenario is written once.

mod common;

use std::io::Write;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use common::{Recorded, Reply, TestServer};
use dto::{Dto, IndexMap, Request, ReturnsVoid};
use dto_client::{AsyncClient, Client, ClientBuilder, ErrorKind, Format};
use pretty_assertions::assert_eq;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

// ---------------------------------------------------------------------------------------------
// DTOs shaped like the Evo Voice services.

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
struct SessionInfo {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    state: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    destination: Option<String>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, Dto)]
#[serde(rename_all = "camelCase")]
#[route("/sessions/{sessionId}/conference/members", "POST")]
#[returns(SessionInfo)]
struct AddConferenceMember {
    #[serde(skip_serializing_if = "Option::is_none")]
    session_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    destination: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    from_number: Option<String>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, Dto)]
#[serde(rename_all = "camelCase")]
#[route("/sessions/{sessionId}", "GET")]
#[returns(SessionInfo)]
struct GetSession {
    #[serde(skip_serializing_if = "Option::is_none")]
    session_id: Option<String>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, Dto)]
#[serde(rename_all = "camelCase")]
#[route("/sessions/{sessionId}", "DELETE")]
#[returns_void]
struct DeleteSession {
    #[serde(skip_serializing_if = "Option::is_none")]
    session_id: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
struct DateRange {
    start: Option<String>,
    end: Option<String>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, Dto)]
#[serde(rename_all = "camelCase")]
#[route("/sessions", "GET")]
#[returns(Vec<SessionInfo>)]
struct ListSessions {
    #[serde(skip_serializing_if = "Option::is_none")]
    account_ids: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    created: Option<DateRange>,
    #[serde(skip_serializing_if = "Option::is_none")]
    tags: Option<IndexMap<String, String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    nested: Option<Vec<Vec<i32>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    page: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    all: Option<bool>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, Dto)]
#[serde(rename_all = "camelCase")]
#[route("/flows/{flowId}/nodes/{nodeId}", "PATCH,POST")]
#[route("/flows/{flowId}/nodes", "POST")]
#[returns(SessionInfo)]
struct UpdateFlowNode {
    #[serde(skip_serializing_if = "Option::is_none")]
    flow_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    node_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<String>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, Dto)]
#[serde(rename_all = "camelCase")]
#[route("/echo/types", "PUT")]
#[returns(SessionInfo)]
struct EchoTypes {
    #[serde(skip_serializing_if = "Option::is_none")]
    string: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    ints: Option<Vec<i32>>,
}

/// No route: only the pre-defined ones.
#[derive(Debug, Clone, Default, Serialize, Deserialize, Dto)]
#[serde(rename_all = "camelCase")]
#[returns(SessionInfo)]
struct Hello {
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<String>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, Dto)]
#[serde(rename_all = "camelCase")]
#[route("/errors/{kind}", "GET")]
#[returns(SessionInfo)]
struct ThrowError {
    #[serde(skip_serializing_if = "Option::is_none")]
    kind: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
struct GetMeResponse {
    user_name: Option<String>,
    display_name: Option<String>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, Dto)]
#[route("/me", "GET")]
#[returns(GetMeResponse)]
#[authenticate]
struct GetMe {}

// ---------------------------------------------------------------------------------------------
// The service: answers as ServiceStack's server does (spec/client.md and spec/server.md).

/// The format a response is written in: the pre-defined route's, else `Accept`'s.
fn response_format(request: &Recorded) -> Format {
    if request.path().starts_with("/jsv/") {
        Format::Jsv
    } else if request.path().starts_with("/json/") {
        Format::Json
    } else if request
        .header("accept")
        .is_some_and(|a| a.contains("application/jsv"))
    {
        Format::Jsv
    } else {
        Format::Json
    }
}

fn encode<T: Serialize>(format: Format, value: &T) -> Reply {
    match format {
        Format::Jsv => Reply::new(
            200,
            Some("application/jsv; charset=utf-8"),
            jsv::to_string(value).unwrap(),
        ),
        Format::Json => Reply::new(
            200,
            Some("application/json; charset=utf-8"),
            serde_json::to_string(value).unwrap(),
        ),
    }
}

fn decode<T: DeserializeOwned>(request: &Recorded) -> T {
    match request.header("content-type") {
        Some(ct) if ct.contains("jsv") => jsv::from_str(&request.body).unwrap(),
        _ => serde_json::from_str(&request.body).unwrap(),
    }
}

fn error(
    format: Format,
    status: u16,
    reason: &str,
    code: &str,
    message: &str,
    errors: &[(&str, &str, &str)],
) -> Reply {
    let errors: Vec<dto::ResponseError> = errors
        .iter()
        .map(|(code, field, message)| dto::ResponseError {
            error_code: (*code).into(),
            field_name: (*field).into(),
            message: (*message).into(),
            meta: None,
        })
        .collect();
    let body = dto::ErrorResponse {
        response_status: Some(dto::ResponseStatus {
            errors: Some(errors),
            ..dto::ResponseStatus::new(code, message)
        }),
    };
    let mut reply = encode(format, &body);
    reply.status = status;
    reply.reason(reason)
}

/// What the service knows about signed-in users and tokens.
#[derive(Default)]
struct Sessions {
    signed_in: Vec<String>,
    next: u32,
}

fn session_cookie(sessions: &Mutex<Sessions>) -> String {
    let mut sessions = sessions.lock().unwrap();
    sessions.next += 1;
    let id = format!("sess{}", sessions.next);
    sessions.signed_in.push(id.clone());
    id
}

fn service(request: &Recorded, sessions: &Mutex<Sessions>) -> Reply {
    let format = response_format(request);
    let path = request.path().to_owned();
    let segments: Vec<&str> = path.trim_start_matches('/').split('/').collect();
    let info = |id: &str, destination: Option<String>| SessionInfo {
        id: Some(id.to_owned()),
        state: Some(request.method.clone()),
        destination,
    };
    match (request.method.as_str(), segments.as_slice()) {
        ("POST", ["sessions", id, "conference", "members"]) => {
            let body: AddConferenceMember = decode(request);
            encode(format, &info(id, body.destination))
        }
        ("GET", ["sessions", "missing"]) => error(
            format,
            404,
            "NotFound",
            "NotFound",
            "Session missing not found",
            &[],
        ),
        ("GET", ["sessions", id]) => encode(format, &info(id, None)),
        ("DELETE", ["sessions", _]) => Reply::new(204, None, ""),
        ("GET", ["sessions"]) => encode(format, &vec![info("a", None), info("b", None)]),
        ("PATCH" | "POST", ["flows", _, "nodes", node]) => {
            let body: UpdateFlowNode = decode(request);
            encode(format, &info(node, body.name))
        }
        ("PUT", ["echo", "types"]) => {
            let body: EchoTypes = decode(request);
            encode(format, &info("types", body.string))
        }
        ("POST", [_, "reply", "Hello[]"] | ["api", "Hello[]"]) => {
            let body: Vec<Hello> = decode(request);
            let infos: Vec<SessionInfo> = body
                .iter()
                .map(|h| info(h.name.as_deref().unwrap_or_default(), None))
                .collect();
            encode(format, &infos)
        }
        (_, [_, "reply", name] | ["api", name]) if *name != "Authenticate" => {
            let name = if request.method == "GET" || request.method == "DELETE" {
                request.query().unwrap_or_default().to_owned()
            } else {
                decode::<Hello>(request).name.unwrap_or_default()
            };
            encode(format, &info(&name, None))
        }
        ("POST", [_, "oneway", "Hello"]) => encode(format, &info("oneway", None)),
        ("GET", ["errors", "validation"]) => error(
            format,
            400,
            "ArgumentNullException",
            "ArgumentNullException",
            "Value cannot be null.\nParameter name: Destination",
            &[(
                "ArgumentNullException",
                "Destination",
                "Value cannot be null.\n",
            )],
        ),
        ("GET", ["errors", "teapot"]) => error(
            format,
            418,
            "CustomErrorCode",
            "CustomErrorCode",
            "I'm a teapot, \"short\"",
            &[],
        ),
        ("GET", ["errors", "json-for-everyone"]) => error(
            Format::Json,
            400,
            "Bad Request",
            "SerializationException",
            "Unable to bind to request",
            &[(
                "SerializationException",
                "nested",
                "'1,2],[3' is an Invalid value for 'nested'",
            )],
        ),
        ("GET", ["errors", "html"]) => Reply::new(
            500,
            Some("text/html"),
            "<html><body><h1>Server Error</h1></body></html>",
        ),
        ("GET", ["errors", "slow"]) => Reply {
            delay: Some(Duration::from_millis(1500)),
            ..encode(format, &info("slow", None))
        },
        ("GET", ["errors", "truncated"]) => Reply {
            truncate: true,
            ..encode(format, &info("truncated", None))
        },
        ("GET", ["errors", "garbage"]) => {
            let body = match format {
                Format::Jsv => "{id:1,state:[unterminated",
                Format::Json => "{\"id\":\"1\",\n\"state\":[}",
            };
            Reply::new(200, Some(format.content_type()), body)
        }
        ("GET", ["errors", "gzip"]) => {
            let reply = encode(format, &info("gzip", None));
            let mut encoder =
                flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
            encoder.write_all(&reply.body).unwrap();
            Reply {
                body: encoder.finish().unwrap(),
                ..reply
            }
            .header("Content-Encoding", "gzip")
        }
        ("GET", ["errors", "deflate"]) => {
            let reply = encode(format, &info("deflate", None));
            let mut encoder =
                flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
            encoder.write_all(&reply.body).unwrap();
            Reply {
                body: encoder.finish().unwrap(),
                ..reply
            }
            .header("Content-Encoding", "deflate")
        }
        ("POST", ["auth", "credentials"] | [_, "reply", "Authenticate"]) => {
            let body: dto::Authenticate = decode(request);
            if body.user_name.as_deref() == Some("test") && body.password.as_deref() == Some("test")
            {
                let id = session_cookie(sessions);
                let reply = encode(
                    format,
                    &dto::AuthenticateResponse {
                        user_id: Some("1".into()),
                        session_id: Some(id.clone()),
                        user_name: Some("test".into()),
                        display_name: Some("Test User".into()),
                        ..Default::default()
                    },
                );
                reply
                    .header("Set-Cookie", &format!("ss-id={id};path=/;HttpOnly"))
                    .header(
                        "Set-Cookie",
                        "ss-pid=perm1;path=/;expires=Mon, 09 Oct 2045 12:00:00 GMT;HttpOnly",
                    )
                    .header("Set-Cookie", "ss-opt=temp;path=/;HttpOnly")
            } else {
                let mut reply = error(
                    format,
                    401,
                    "Invalid UserName or Password",
                    "Unauthorized",
                    "Invalid UserName or Password",
                    &[],
                );
                reply.status = 401;
                reply
            }
        }
        ("GET", ["me"]) => {
            let by_basic = request.header("authorization") == Some("Basic dGVzdDp0ZXN0");
            let by_bearer = request.header("authorization") == Some("Bearer fresh");
            let by_cookie = request.header("cookie").is_some_and(|cookies| {
                let sessions = sessions.lock().unwrap();
                cookies.split("; ").any(|c| {
                    c.strip_prefix("ss-id=")
                        .is_some_and(|id| sessions.signed_in.iter().any(|s| s == id))
                })
            });
            if by_basic || by_bearer || by_cookie {
                encode(
                    format,
                    &GetMeResponse {
                        user_name: Some("test".into()),
                        display_name: Some("Test User".into()),
                    },
                )
            } else if request
                .header("authorization")
                .is_some_and(|a| a.starts_with("Basic "))
            {
                error(
                    format,
                    401,
                    "Invalid UserName or Password",
                    "Unauthorized",
                    "Invalid UserName or Password",
                    &[],
                )
            } else {
                Reply::new(401, None, "")
                    .header("WWW-Authenticate", "basic realm=\"/auth/basic\"")
                    .header("Set-Cookie", "ss-id=anon;path=/;HttpOnly")
            }
        }
        ("POST", ["access-token"]) => {
            let body: dto::GetAccessToken = decode(request);
            if body.refresh_token.as_deref() == Some("refresh-me") {
                encode(
                    format,
                    &dto::GetAccessTokenResponse {
                        access_token: Some("fresh".into()),
                        ..Default::default()
                    },
                )
            } else {
                error(
                    format,
                    400,
                    "Bad Request",
                    "ArgumentException",
                    "bad refresh token",
                    &[],
                )
            }
        }
        _ => Reply::new(404, Some("text/plain; charset=utf-8"), "404"),
    }
}

fn start() -> TestServer {
    let sessions = Arc::new(Mutex::new(Sessions::default()));
    TestServer::start(move |request| service(request, &sessions))
}

// ---------------------------------------------------------------------------------------------
// One interface over both clients, so each scenario is written once.

trait Api {
    fn send<R: Request>(&self, r: &R) -> dto_client::Result<R::Response>
    where
        R::Response: DeserializeOwned;
    fn send_void<R: ReturnsVoid>(&self, r: &R) -> dto_client::Result<()>;
    fn get<R: Request>(&self, r: &R) -> dto_client::Result<R::Response>
    where
        R::Response: DeserializeOwned;
    fn post<R: Request>(&self, r: &R) -> dto_client::Result<R::Response>
    where
        R::Response: DeserializeOwned;
    fn put<R: Request>(&self, r: &R) -> dto_client::Result<R::Response>
    where
        R::Response: DeserializeOwned;
    fn patch<R: Request>(&self, r: &R) -> dto_client::Result<R::Response>
    where
        R::Response: DeserializeOwned;
    fn delete<R: Request>(&self, r: &R) -> dto_client::Result<R::Response>
    where
        R::Response: DeserializeOwned;
    fn send_all<R: Request>(&self, r: &[R]) -> dto_client::Result<Vec<R::Response>>
    where
        R::Response: DeserializeOwned;
    fn publish<R: Request>(&self, r: &R) -> dto_client::Result<()>;
    fn authenticate(
        &self,
        p: &str,
        u: &str,
        pw: &str,
    ) -> dto_client::Result<dto::AuthenticateResponse>;
    fn get_url<T: DeserializeOwned>(&self, path: &str) -> dto_client::Result<T>;
    fn send_url<T: DeserializeOwned, B: Serialize>(
        &self,
        verb: &str,
        path: &str,
        body: &B,
    ) -> dto_client::Result<T>;
    fn cookie(&self, name: &str) -> Option<String>;
    fn bearer_token(&self) -> Option<String>;
}

impl Api for Client {
    fn send<R: Request>(&self, r: &R) -> dto_client::Result<R::Response>
    where
        R::Response: DeserializeOwned,
    {
        Client::send(self, r)
    }
    fn send_void<R: ReturnsVoid>(&self, r: &R) -> dto_client::Result<()> {
        Client::send_void(self, r)
    }
    fn get<R: Request>(&self, r: &R) -> dto_client::Result<R::Response>
    where
        R::Response: DeserializeOwned,
    {
        Client::get(self, r)
    }
    fn post<R: Request>(&self, r: &R) -> dto_client::Result<R::Response>
    where
        R::Response: DeserializeOwned,
    {
        Client::post(self, r)
    }
    fn put<R: Request>(&self, r: &R) -> dto_client::Result<R::Response>
    where
        R::Response: DeserializeOwned,
    {
        Client::put(self, r)
    }
    fn patch<R: Request>(&self, r: &R) -> dto_client::Result<R::Response>
    where
        R::Response: DeserializeOwned,
    {
        Client::patch(self, r)
    }
    fn delete<R: Request>(&self, r: &R) -> dto_client::Result<R::Response>
    where
        R::Response: DeserializeOwned,
    {
        Client::delete(self, r)
    }
    fn send_all<R: Request>(&self, r: &[R]) -> dto_client::Result<Vec<R::Response>>
    where
        R::Response: DeserializeOwned,
    {
        Client::send_all(self, r)
    }
    fn publish<R: Request>(&self, r: &R) -> dto_client::Result<()> {
        Client::publish(self, r)
    }
    fn authenticate(
        &self,
        p: &str,
        u: &str,
        pw: &str,
    ) -> dto_client::Result<dto::AuthenticateResponse> {
        Client::authenticate(self, p, u, pw)
    }
    fn get_url<T: DeserializeOwned>(&self, path: &str) -> dto_client::Result<T> {
        Client::get_url(self, path)
    }
    fn send_url<T: DeserializeOwned, B: Serialize>(
        &self,
        verb: &str,
        path: &str,
        body: &B,
    ) -> dto_client::Result<T> {
        Client::send_url(self, verb, path, body)
    }
    fn cookie(&self, name: &str) -> Option<String> {
        Client::cookie(self, name)
    }
    fn bearer_token(&self) -> Option<String> {
        Client::bearer_token(self)
    }
}

/// The async client, each call run to completion on its own runtime.
struct Blocking {
    client: AsyncClient,
    runtime: tokio::runtime::Runtime,
}

impl Blocking {
    fn new(client: AsyncClient) -> Self {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        Blocking { client, runtime }
    }
}

impl Api for Blocking {
    fn send<R: Request>(&self, r: &R) -> dto_client::Result<R::Response>
    where
        R::Response: DeserializeOwned,
    {
        self.runtime.block_on(self.client.send(r))
    }
    fn send_void<R: ReturnsVoid>(&self, r: &R) -> dto_client::Result<()> {
        self.runtime.block_on(self.client.send_void(r))
    }
    fn get<R: Request>(&self, r: &R) -> dto_client::Result<R::Response>
    where
        R::Response: DeserializeOwned,
    {
        self.runtime.block_on(self.client.get(r))
    }
    fn post<R: Request>(&self, r: &R) -> dto_client::Result<R::Response>
    where
        R::Response: DeserializeOwned,
    {
        self.runtime.block_on(self.client.post(r))
    }
    fn put<R: Request>(&self, r: &R) -> dto_client::Result<R::Response>
    where
        R::Response: DeserializeOwned,
    {
        self.runtime.block_on(self.client.put(r))
    }
    fn patch<R: Request>(&self, r: &R) -> dto_client::Result<R::Response>
    where
        R::Response: DeserializeOwned,
    {
        self.runtime.block_on(self.client.patch(r))
    }
    fn delete<R: Request>(&self, r: &R) -> dto_client::Result<R::Response>
    where
        R::Response: DeserializeOwned,
    {
        self.runtime.block_on(self.client.delete(r))
    }
    fn send_all<R: Request>(&self, r: &[R]) -> dto_client::Result<Vec<R::Response>>
    where
        R::Response: DeserializeOwned,
    {
        self.runtime.block_on(self.client.send_all(r))
    }
    fn publish<R: Request>(&self, r: &R) -> dto_client::Result<()> {
        self.runtime.block_on(self.client.publish(r))
    }
    fn authenticate(
        &self,
        p: &str,
        u: &str,
        pw: &str,
    ) -> dto_client::Result<dto::AuthenticateResponse> {
        self.runtime.block_on(self.client.authenticate(p, u, pw))
    }
    fn get_url<T: DeserializeOwned>(&self, path: &str) -> dto_client::Result<T> {
        self.runtime.block_on(self.client.get_url(path))
    }
    fn send_url<T: DeserializeOwned, B: Serialize>(
        &self,
        verb: &str,
        path: &str,
        body: &B,
    ) -> dto_client::Result<T> {
        self.runtime
            .block_on(self.client.send_url(verb, path, body))
    }
    fn cookie(&self, name: &str) -> Option<String> {
        self.client.cookie(name)
    }
    fn bearer_token(&self) -> Option<String> {
        self.client.bearer_token()
    }
}

/// Runs `$body` with the blocking and the async client, in JSV and JSON, each built from
/// `$config` (a [`Configure`]) in that format, the server's log cleared before each.
macro_rules! for_each_client {
    ($server:expr, $config:expr, |$client:ident, $format:ident, $kind:ident| $body:block) => {
        for $format in [Format::Jsv, Format::Json] {
            {
                $server.clear();
                let $kind = "blocking";
                let $client = $config
                    .clone()
                    .format($format)
                    .apply(Client::builder(&$server.base_url))
                    .build()
                    .unwrap();
                $body
            }
            {
                $server.clear();
                let $kind = "async";
                let $client = Blocking::new(
                    $config
                        .clone()
                        .format($format)
                        .apply(AsyncClient::builder(&$server.base_url))
                        .build()
                        .unwrap(),
                );
                $body
            }
        }
    };
}

/// Builder settings, applied to either client's builder.
#[derive(Default, Clone)]
struct Configure {
    format: Option<Format>,
    predefined: bool,
    base_path: Option<String>,
    timeout: Option<Duration>,
    basic: Option<(String, String)>,
    always_basic: bool,
    bearer: Option<String>,
    refresh: Option<String>,
}

impl Configure {
    fn format(mut self, format: Format) -> Self {
        self.format = Some(format);
        self
    }
    fn apply<C>(&self, mut b: ClientBuilder<C>) -> ClientBuilder<C> {
        if let Some(f) = self.format {
            b = b.format(f);
        }
        b = b.predefined_routes(self.predefined);
        if let Some(p) = &self.base_path {
            b = b.base_path(p.clone());
        }
        if let Some(t) = self.timeout {
            b = b.timeout(t);
        }
        if let Some((u, p)) = &self.basic {
            b = b.basic_auth(u.clone(), p.clone());
        }
        b = b.always_send_basic_auth(self.always_basic);
        if let Some(t) = &self.bearer {
            b = b.bearer_token(t.clone());
        }
        if let Some(t) = &self.refresh {
            b = b.refresh_token(t.clone());
        }
        b
    }
}

// ---------------------------------------------------------------------------------------------
// The tests.

fn add_member() -> AddConferenceMember {
    AddConferenceMember {
        session_id: Some("cs1".into()),
        destination: Some("+15550001111".into()),
        from_number: Some("+1555 000, \"x\"".into()),
    }
}

#[test]
fn post_sends_the_dto_to_its_route_with_servicestacks_headers() {
    let server = start();
    for_each_client!(server, Configure::default(), |client, format, kind| {
        let info = client.post(&add_member()).unwrap();
        assert_eq!(
            info,
            SessionInfo {
                id: Some("cs1".into()),
                state: Some("POST".into()),
                destination: Some("+15550001111".into()),
            },
            "{kind} {format:?}"
        );
        let sent = server.last();
        assert_eq!(sent.line(), "POST /sessions/cs1/conference/members");
        assert_eq!(sent.header("accept"), Some(format.content_type()));
        assert_eq!(sent.header("content-type"), Some(format.content_type()));
        assert!(sent.header("accept-encoding").unwrap().contains("gzip"));
        assert!(sent.header("accept-encoding").unwrap().contains("deflate"));
        assert!(
            sent.header("user-agent")
                .unwrap()
                .starts_with("dto-client/")
        );
        let expected = match format {
            Format::Jsv => {
                r#"{sessionId:cs1,destination:+15550001111,fromNumber:"+1555 000, ""x"""}"#
            }
            Format::Json => {
                r#"{"sessionId":"cs1","destination":"+15550001111","fromNumber":"+1555 000, \"x\""}"#
            }
        };
        assert_eq!(sent.body, expected, "{kind} {format:?}");
    });
}

#[test]
fn send_uses_the_first_complete_route_and_its_verb() {
    let server = start();
    for_each_client!(server, Configure::default(), |client, format, kind| {
        // A POST route.
        client.send(&add_member()).unwrap();
        assert_eq!(
            server.last().line(),
            "POST /sessions/cs1/conference/members"
        );
        // A GET route: the verb is the route's, the other fields go in the query string.
        let info = client
            .send(&GetSession {
                session_id: Some("s 1/2".into()),
            })
            .unwrap();
        assert_eq!(info.id.as_deref(), Some("s%201%2F2"), "{kind}");
        assert_eq!(server.last().line(), "GET /sessions/s%201%2F2");
        // First complete route in declaration order: /flows/{flowId}/nodes/{nodeId} (PATCH first).
        let node = UpdateFlowNode {
            flow_id: Some("f1".into()),
            node_id: Some("n1".into()),
            name: Some("Node {1}".into()),
        };
        let info = client.send(&node).unwrap();
        assert_eq!(info.destination.as_deref(), Some("Node {1}"));
        assert_eq!(server.last().line(), "PATCH /flows/f1/nodes/n1");
        // Without nodeId the second route is the first complete one.
        client
            .send(&UpdateFlowNode {
                node_id: None,
                ..node.clone()
            })
            .unwrap_err();
        assert_eq!(server.last().line(), "POST /flows/f1/nodes");
        // No complete route: the pre-defined route, POST.
        client.send(&GetSession::default()).unwrap();
        let sent = server.last();
        assert_eq!(
            sent.line(),
            format!("POST /{}/reply/GetSession", format.name())
        );
        assert_eq!(sent.body, "{}", "JSV and JSON alike");
        // No routes at all.
        let info = client
            .send(&Hello {
                name: Some("World".into()),
            })
            .unwrap();
        assert_eq!(info.id.as_deref(), Some("World"));
        assert_eq!(
            server.last().line(),
            format!("POST /{}/reply/Hello", format.name()),
            "{kind}"
        );
    });
}

#[test]
fn predefined_routes_and_base_path() {
    let server = start();
    let config = Configure {
        predefined: true,
        ..Configure::default()
    };
    for_each_client!(server, config, |client, format, kind| {
        client.send(&add_member()).unwrap();
        assert_eq!(
            server.last().line(),
            format!("POST /{}/reply/AddConferenceMember", format.name()),
            "{kind}"
        );
        client
            .get(&GetSession {
                session_id: Some("s1".into()),
            })
            .unwrap();
        assert_eq!(
            server.last().line(),
            format!("GET /{}/reply/GetSession?sessionId=s1", format.name())
        );
    });
    let config = Configure {
        base_path: Some("/api/".into()),
        ..Configure::default()
    };
    for_each_client!(server, config, |client, format, kind| {
        let info = client
            .send(&Hello {
                name: Some("World".into()),
            })
            .unwrap();
        assert_eq!(info.id.as_deref(), Some("World"), "{kind} {format:?}");
        assert_eq!(server.last().line(), "POST /api/Hello");
        // Routes still win where they exist.
        client.send(&add_member()).unwrap();
        assert_eq!(
            server.last().line(),
            "POST /sessions/cs1/conference/members"
        );
        let all = client
            .send_all(&[Hello {
                name: Some("a".into()),
            }])
            .unwrap();
        assert_eq!(all.len(), 1);
        assert_eq!(server.last().line(), "POST /api/Hello[]");
    });
}

#[test]
fn get_puts_lists_maps_objects_and_quoted_values_in_the_query_string() {
    let server = start();
    for_each_client!(server, Configure::default(), |client, format, kind| {
        let request = ListSessions {
            account_ids: Some(vec!["a1".into(), "a,2".into()]),
            created: Some(DateRange {
                start: Some("2017-01-01".into()),
                end: Some("2017-12-31T23:59:59Z".into()),
            }),
            tags: Some(IndexMap::from([
                ("k".to_owned(), "v".to_owned()),
                ("a,b".to_owned(), "c d".to_owned()),
            ])),
            nested: Some(vec![vec![1, 2], vec![3]]),
            name: Some("say \"hi\" & = # % / ? + ä".into()),
            page: Some(0),
            all: Some(true),
        };
        let sessions = client.get(&request).unwrap();
        assert_eq!(sessions.len(), 2, "{kind} {format:?}");
        let sent = server.last();
        assert_eq!(sent.path(), "/sessions");
        assert_eq!(
            sent.query().unwrap(),
            "accountIds=%5Ba1%2C%22a%2C2%22%5D\
             &created=%7BStart%3A2017-01-01%2CEnd%3A%222017-12-31T23%3A59%3A59Z%22%7D\
             &tags=%7Bk%3Av%2C%22a%2Cb%22%3Ac%20d%7D\
             &nested=%5B%5B1%2C2%5D%2C%5B3%5D%5D\
             &name=say%20%22hi%22%20%26%20%3D%20%23%20%25%20%2F%20%3F%20%2B%20%C3%A4\
             &page=0&all=True"
        );
        assert_eq!(sent.header("content-type"), None, "GET sends no body");
        assert_eq!(sent.body, "");
    });
}

#[test]
fn put_patch_delete_and_void() {
    let server = start();
    for_each_client!(server, Configure::default(), |client, format, kind| {
        let echo = EchoTypes {
            string: Some("hello, [world] \"q\" {x}: y".into()),
            ints: Some(vec![1, 2]),
        };
        let info = client.put(&echo).unwrap();
        assert_eq!(info.destination, echo.string, "{kind} {format:?}");
        assert_eq!(server.last().line(), "PUT /echo/types");

        let node = UpdateFlowNode {
            flow_id: Some("f1".into()),
            node_id: Some("n1".into()),
            name: Some("N".into()),
        };
        client.patch(&node).unwrap();
        assert_eq!(server.last().line(), "PATCH /flows/f1/nodes/n1");

        let delete = DeleteSession {
            session_id: Some("cs1".into()),
        };
        client.delete(&delete).unwrap();
        assert_eq!(server.last().line(), "DELETE /sessions/cs1");
        client.send_void(&delete).unwrap();
        assert_eq!(server.last().line(), "DELETE /sessions/cs1");
        assert_eq!(server.last().body, "");

        // A route missing its variable, for a verb it allows: the error names it, nothing is sent.
        server.clear();
        let error = client.delete(&DeleteSession::default()).unwrap_err();
        assert_eq!(error.kind(), ErrorKind::Url);
        assert!(error.to_string().contains("sessionId"), "{error}");
        assert!(server.requests().is_empty());

        // No route allows PUT: the pre-defined route.
        client
            .put(&Hello {
                name: Some("x".into()),
            })
            .unwrap();
        assert_eq!(
            server.last().line(),
            format!("PUT /{}/reply/Hello", format.name())
        );
        client
            .delete(&Hello {
                name: Some("x y".into()),
            })
            .unwrap();
        assert_eq!(
            server.last().line(),
            format!("DELETE /{}/reply/Hello?name=x%20y", format.name())
        );
    });
}

#[test]
fn batches_and_oneway() {
    let server = start();
    for_each_client!(server, Configure::default(), |client, format, kind| {
        let requests = [
            Hello {
                name: Some("one".into()),
            },
            Hello {
                name: Some("two, 2".into()),
            },
        ];
        let responses = client.send_all(&requests).unwrap();
        let ids: Vec<_> = responses.iter().map(|r| r.id.clone().unwrap()).collect();
        assert_eq!(ids, ["one", "two, 2"], "{kind} {format:?}");
        let sent = server.last();
        assert_eq!(
            sent.line(),
            format!("POST /{}/reply/Hello[]", format.name())
        );
        let expected = match format {
            Format::Jsv => r#"[{name:one},{name:"two, 2"}]"#,
            Format::Json => r#"[{"name":"one"},{"name":"two, 2"}]"#,
        };
        assert_eq!(sent.body, expected);

        client.publish(&requests[0]).unwrap();
        let sent = server.last();
        assert_eq!(sent.line(), format!("POST /{}/oneway/Hello", format.name()));
    });
}

#[test]
fn service_errors_carry_the_response_status() {
    let server = start();
    for_each_client!(server, Configure::default(), |client, format, kind| {
        let throw = |kind: &str| ThrowError {
            kind: Some(kind.into()),
        };

        let error = client.get(&throw("validation")).unwrap_err();
        assert_eq!(
            error.kind(),
            ErrorKind::Service,
            "{kind} {format:?}: {error:?}"
        );
        assert!(error.is_service() && error.is_status());
        assert_eq!(error.status(), Some(400));
        assert_eq!(error.error_code(), Some("ArgumentNullException"));
        assert_eq!(
            error.message(),
            Some("Value cannot be null.\nParameter name: Destination")
        );
        assert_eq!(error.field_errors().len(), 1);
        let field = &error.field_errors()[0];
        assert_eq!(
            (
                field.error_code.as_str(),
                field.field_name.as_str(),
                field.message.as_str()
            ),
            (
                "ArgumentNullException",
                "Destination",
                "Value cannot be null.\n"
            )
        );
        assert_eq!(
            error.url(),
            Some(&*format!("{}/errors/validation", server.base_url))
        );

        let error = client.get(&throw("teapot")).unwrap_err();
        assert_eq!(error.status(), Some(418));
        assert_eq!(error.error_code(), Some("CustomErrorCode"));
        assert_eq!(error.message(), Some("I'm a teapot, \"short\""));
        assert!(error.field_errors().is_empty());
        assert_eq!(
            error.to_string(),
            format!(
                "418 CustomErrorCode: I'm a teapot, \"short\" (GET {}/errors/teapot)",
                server.base_url
            )
        );
        if kind == "async" {
            assert_eq!(error.status_description(), Some("CustomErrorCode"));
        }

        // A JSON error body reaches a JSV client too: decoded by its Content-Type.
        let error = client.get(&throw("json-for-everyone")).unwrap_err();
        assert_eq!(error.kind(), ErrorKind::Service);
        assert_eq!(error.error_code(), Some("SerializationException"));
        assert_eq!(error.field_errors()[0].field_name, "nested");

        let error = client
            .get(&GetSession {
                session_id: Some("missing".into()),
            })
            .unwrap_err();
        assert_eq!(error.status(), Some(404));
        assert_eq!(error.error_code(), Some("NotFound"));
        assert_eq!(error.message(), Some("Session missing not found"));
    });
}

#[test]
fn http_errors_without_a_service_body() {
    let server = start();
    for_each_client!(server, Configure::default(), |client, format, kind| {
        let error = client
            .get(&ThrowError {
                kind: Some("html".into()),
            })
            .unwrap_err();
        assert_eq!(error.kind(), ErrorKind::Http, "{kind} {format:?}");
        assert_eq!(error.status(), Some(500));
        assert_eq!(error.error_code(), Some("Internal Server Error"));
        assert_eq!(error.message(), None);
        assert!(
            error
                .response_body()
                .unwrap()
                .contains("<h1>Server Error</h1>")
        );

        // An unknown route: 404 text/plain; the error code is the reason phrase.
        let error = client.get_url::<SessionInfo>("/no/such/route").unwrap_err();
        assert_eq!(error.kind(), ErrorKind::Http);
        assert_eq!(error.status(), Some(404));
        assert_eq!(error.error_code(), Some("Not Found"));
        assert_eq!(error.response_body(), Some("404"));

        // [Authenticate] without credentials: an empty 401 with a challenge.
        let error = client.get(&GetMe {}).unwrap_err();
        assert_eq!(error.kind(), ErrorKind::Http);
        assert_eq!(error.status(), Some(401));
        assert_eq!(error.error_code(), Some("Unauthorized"));
        assert_eq!(
            error.header("www-authenticate"),
            Some("basic realm=\"/auth/basic\"")
        );
        assert_eq!(server.requests().len(), 3, "no retry without credentials");
    });
}

#[test]
fn transport_timeout_truncation_and_decode_errors() {
    let server = start();
    let config = Configure {
        timeout: Some(Duration::from_millis(300)),
        ..Configure::default()
    };
    for_each_client!(server, config, |client, format, kind| {
        let throw = |kind: &str| ThrowError {
            kind: Some(kind.into()),
        };
        let error = client.get(&throw("slow")).unwrap_err();
        assert_eq!(
            error.kind(),
            ErrorKind::Timeout,
            "{kind} {format:?}: {error:?}"
        );
        assert!(error.is_timeout());

        let error = client.get(&throw("truncated")).unwrap_err();
        assert_eq!(
            error.kind(),
            ErrorKind::Transport,
            "{kind} {format:?}: {error:?}"
        );

        let error = client.get(&throw("garbage")).unwrap_err();
        assert_eq!(
            error.kind(),
            ErrorKind::Decode,
            "{kind} {format:?}: {error:?}"
        );
        assert_eq!(error.status(), Some(200));
        assert!(error.line().is_some() && error.column().is_some());
        if format == Format::Json {
            assert_eq!(error.line(), Some(2), "{error:?}");
        }
        assert!(error.response_body().unwrap().contains("state"));

        // A void response type reads whatever came back.
        let info: SessionInfo = client.get(&throw("gzip")).unwrap();
        assert_eq!(info.id.as_deref(), Some("gzip"), "{kind} {format:?}");
        let info: SessionInfo = client.get(&throw("deflate")).unwrap();
        assert_eq!(info.id.as_deref(), Some("deflate"), "{kind} {format:?}");
    });

    // Nothing listens: the connection is refused.
    let closed = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        format!("http://{}", listener.local_addr().unwrap())
    };
    let error = Client::jsv(&closed).unwrap().get(&GetMe {}).unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Transport, "{error:?}");
    assert_eq!(error.url(), Some(&*format!("{closed}/me")));
    let error = Blocking::new(AsyncClient::json(&closed).unwrap())
        .get(&GetMe {})
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Transport, "{error:?}");
}

#[test]
fn credentials_sign_in_keeps_the_session_cookies() {
    let server = start();
    for_each_client!(server, Configure::default(), |client, format, kind| {
        let response = client.authenticate("credentials", "test", "test").unwrap();
        assert_eq!(
            response.user_name.as_deref(),
            Some("test"),
            "{kind} {format:?}"
        );
        assert_eq!(response.display_name.as_deref(), Some("Test User"));
        let sent = server.last();
        assert_eq!(sent.line(), "POST /auth/credentials");
        let expected = match format {
            Format::Jsv => "{provider:credentials,userName:test,password:test}",
            Format::Json => r#"{"provider":"credentials","userName":"test","password":"test"}"#,
        };
        assert_eq!(sent.body, expected);
        let session_id = response.session_id.unwrap();
        assert_eq!(client.cookie("ss-id").as_deref(), Some(&*session_id));
        assert_eq!(client.cookie("ss-opt").as_deref(), Some("temp"));

        let me = client.get(&GetMe {}).unwrap();
        assert_eq!(me.user_name.as_deref(), Some("test"));
        let sent = server.last();
        assert_eq!(
            sent.header("cookie"),
            Some(&*format!("ss-id={session_id}; ss-pid=perm1; ss-opt=temp"))
        );
        assert_eq!(sent.header("authorization"), None);

        let error = client
            .authenticate("credentials", "test", "wrong")
            .unwrap_err();
        assert_eq!(error.kind(), ErrorKind::Service);
        assert_eq!(error.status(), Some(401));
        assert_eq!(error.error_code(), Some("Unauthorized"));
        assert_eq!(error.message(), Some("Invalid UserName or Password"));
    });

    // The C# clients' way: the Authenticate DTO on its pre-defined route.
    let config = Configure {
        predefined: true,
        ..Configure::default()
    };
    for_each_client!(server, config, |client, format, kind| {
        client.authenticate("credentials", "test", "test").unwrap();
        assert_eq!(
            server.last().line(),
            format!("POST /{}/reply/Authenticate", format.name()),
            "{kind}"
        );
        assert!(client.cookie("ss-id").is_some());
    });
}

#[test]
fn basic_auth_after_the_challenge_then_up_front() {
    let server = start();
    let config = Configure {
        basic: Some(("test".into(), "test".into())),
        ..Configure::default()
    };
    for_each_client!(server, config, |client, format, kind| {
        let me = client.get(&GetMe {}).unwrap();
        assert_eq!(
            me.display_name.as_deref(),
            Some("Test User"),
            "{kind} {format:?}"
        );
        let sent = server.requests();
        assert_eq!(sent.len(), 2, "challenge, then retry");
        assert_eq!(sent[0].header("authorization"), None);
        assert_eq!(sent[1].header("authorization"), Some("Basic dGVzdDp0ZXN0"));
        assert_eq!(
            sent[1].header("cookie"),
            Some("ss-id=anon"),
            "the 401's cookies"
        );
        client.get(&GetMe {}).unwrap();
        let sent = server.requests();
        assert_eq!(sent.len(), 3, "credentials up front from now on");
        assert_eq!(sent[2].header("authorization"), Some("Basic dGVzdDp0ZXN0"));
    });

    let config = Configure {
        basic: Some(("test".into(), "test".into())),
        always_basic: true,
        ..Configure::default()
    };
    for_each_client!(server, config, |client, format, kind| {
        client.get(&GetMe {}).unwrap();
        let sent = server.requests();
        assert_eq!(sent.len(), 1, "{kind} {format:?}");
        assert_eq!(sent[0].header("authorization"), Some("Basic dGVzdDp0ZXN0"));
    });

    let config = Configure {
        basic: Some(("test".into(), "nope".into())),
        ..Configure::default()
    };
    for_each_client!(server, config, |client, format, kind| {
        let error = client.get(&GetMe {}).unwrap_err();
        assert_eq!(error.status(), Some(401), "{kind} {format:?}");
        assert_eq!(error.message(), Some("Invalid UserName or Password"));
        assert_eq!(server.requests().len(), 2, "one retry only");
    });
}

#[test]
fn bearer_token_refreshed_once_on_401() {
    let server = start();
    let config = Configure {
        bearer: Some("expired".into()),
        refresh: Some("refresh-me".into()),
        ..Configure::default()
    };
    for_each_client!(server, config, |client, format, kind| {
        let me = client.get(&GetMe {}).unwrap();
        assert_eq!(me.user_name.as_deref(), Some("test"), "{kind} {format:?}");
        let lines: Vec<_> = server.requests().iter().map(Recorded::line).collect();
        assert_eq!(lines, ["GET /me", "POST /access-token", "GET /me"]);
        let sent = server.requests();
        assert_eq!(sent[0].header("authorization"), Some("Bearer expired"));
        assert!(sent[1].body.contains("refresh-me"));
        assert_eq!(sent[2].header("authorization"), Some("Bearer fresh"));
        assert_eq!(client.bearer_token().as_deref(), Some("fresh"));
    });

    let config = Configure {
        bearer: Some("expired".into()),
        refresh: Some("not-valid".into()),
        ..Configure::default()
    };
    for_each_client!(server, config, |client, format, kind| {
        let error = client.get(&GetMe {}).unwrap_err();
        assert_eq!(error.kind(), ErrorKind::Service, "{kind} {format:?}");
        assert_eq!(error.message(), Some("bad refresh token"));
        assert_eq!(
            server.requests().len(),
            2,
            "no retry after a failed refresh"
        );
    });
}

#[test]
fn urls_outside_the_dtos() {
    let server = start();
    for_each_client!(server, Configure::default(), |client, format, kind| {
        let info: SessionInfo = client.get_url("/sessions/abc").unwrap();
        assert_eq!(info.id.as_deref(), Some("abc"), "{kind} {format:?}");
        assert_eq!(server.last().line(), "GET /sessions/abc");
        let info: SessionInfo = client.get_url("sessions/rel").unwrap();
        assert_eq!(info.id.as_deref(), Some("rel"));

        let info: SessionInfo = client
            .send_url(
                "post",
                "/sessions/x/conference/members",
                &AddConferenceMember {
                    destination: Some("d".into()),
                    ..AddConferenceMember::default()
                },
            )
            .unwrap();
        assert_eq!(info.destination.as_deref(), Some("d"));
        assert_eq!(server.last().line(), "POST /sessions/x/conference/members");

        let infos: Vec<SessionInfo> = client
            .send_url(
                "GET",
                "/sessions",
                &Hello {
                    name: Some("a b".into()),
                },
            )
            .unwrap();
        assert_eq!(infos.len(), 2);
        assert_eq!(server.last().line(), "GET /sessions?name=a%20b");

        let error = client
            .send_url::<SessionInfo, _>("FETCH", "/sessions", &())
            .unwrap_err();
        assert_eq!(error.kind(), ErrorKind::Url);
    });
}

#[test]
fn builder_errors() {
    for bad in ["example.org", "http://", "http://host:99999"] {
        let error = Client::jsv(bad).unwrap_err();
        assert_eq!(error.kind(), ErrorKind::Url, "{bad}");
        let error = AsyncClient::json(bad).unwrap_err();
        assert_eq!(error.kind(), ErrorKind::Url, "{bad}");
    }
    let error = Client::builder("http://127.0.0.1:1")
        .header("Bad Name", "x")
        .build()
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Builder);
    let error = Client::builder("http://127.0.0.1:1")
        .header("X-Ok", "line\r\nbreak")
        .build()
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Builder);
}

#[test]
fn custom_headers_replace_the_defaults() {
    let server = start();
    let client = Client::builder(&server.base_url)
        .user_agent("ServiceStack .NET Client 5.00")
        .header("X-Api-Key", "k1")
        .build()
        .unwrap();
    client
        .get(&GetSession {
            session_id: Some("s".into()),
        })
        .unwrap();
    let sent = server.last();
    assert_eq!(
        sent.header("user-agent"),
        Some("ServiceStack .NET Client 5.00")
    );
    assert_eq!(sent.header("x-api-key"), Some("k1"));
}

#[test]
fn clients_and_their_futures_can_cross_threads() {
    fn send_sync<T: Send + Sync>() {}
    fn send<T: Send>(_: &T) {}
    send_sync::<Client>();
    send_sync::<AsyncClient>();
    send_sync::<dto_client::Error>();
    let client = AsyncClient::json("http://127.0.0.1:1").unwrap();
    let future = client.send(&GetMe {});
    send(&future);
    let batch = [Hello::default()];
    let future = client.send_all(&batch);
    send(&future);
}
