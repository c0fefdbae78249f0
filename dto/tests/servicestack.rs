//! The `servicestack` feature: derived DTOs implement the official `servicestack` client crate's
//! `IRequest`/`IReturn`/`IReturnVoid`, and its `JsonServiceClient` sends them. Checked against a
//! loopback HTTP server (127.0.0.1, bounded, no other network).

#![cfg(feature = "servicestack")]
#![allow(missing_docs)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::sync::mpsc;
use std::time::Duration;

use dto::{Dto, Request, Value};
use pretty_assertions::assert_eq;
use serde::{Deserialize, Serialize};
use servicestack::{IRequest, IReturn, IReturnVoid, JsonServiceClient};

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct SessionInfo {
    #[serde(rename = "id", default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(rename = "ended", default, skip_serializing_if = "Option::is_none")]
    pub ended: Option<bool>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, Dto)]
#[route("/sessions/{sessionId}/conference/members", "POST")]
#[returns(SessionInfo)]
#[authenticate]
pub struct AddConferenceMember {
    #[serde(rename = "sessionId", default, skip_serializing_if = "Option::is_none")]
    pub session_id: Option<String>,
    #[serde(
        rename = "destination",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub destination: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, Dto)]
#[serde(rename_all = "camelCase")]
#[route("/things", "GET")]
#[returns(Vec<SessionInfo>)]
pub struct FindThings {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ids: Option<Vec<u32>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub caller_name: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, Dto)]
#[route("/things", "ANY")]
#[route("/things/{id}", "delete")]
#[route("/things/{id}", "ANY")]
#[returns_void]
pub struct RemoveThing {
    pub id: u32,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, Dto)]
pub struct Untyped {
    pub q: String,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, Dto)]
#[returns(Vec<T>)]
pub struct GenericQuery<T> {
    pub value: Option<T>,
}

#[test]
fn derived_dtos_implement_the_official_traits() {
    fn returns<T: IReturn>() -> std::any::TypeId
    where
        T::Response: 'static,
    {
        std::any::TypeId::of::<T::Response>()
    }
    fn returns_void<T: IReturnVoid>() {}

    assert_eq!(
        <AddConferenceMember as IRequest>::NAME,
        "AddConferenceMember"
    );
    assert_eq!(<AddConferenceMember as IRequest>::VERB, "POST");
    assert_eq!(
        returns::<AddConferenceMember>(),
        std::any::TypeId::of::<SessionInfo>()
    );

    assert_eq!(<FindThings as IRequest>::VERB, "GET");
    assert_eq!(
        returns::<FindThings>(),
        std::any::TypeId::of::<Vec<SessionInfo>>()
    );

    // The first verb a route names, ANY not counting.
    assert_eq!(<RemoveThing as IRequest>::VERB, "DELETE");
    returns_void::<RemoveThing>();

    // No route and no #[returns]: POST (the crate's default), untyped response.
    assert_eq!(<Untyped as IRequest>::VERB, "POST");
    assert_eq!(returns::<Untyped>(), std::any::TypeId::of::<Value>());

    assert_eq!(<GenericQuery<u8> as IRequest>::NAME, "GenericQuery");
    assert_eq!(
        returns::<GenericQuery<u8>>(),
        std::any::TypeId::of::<Vec<u8>>()
    );
}

#[test]
fn the_official_url_helpers_take_derived_dtos() {
    let find = FindThings {
        ids: Some(vec![1, 2]),
        caller_name: Some("Doe, J".into()),
    };
    assert_eq!(
        servicestack::url::append_dto_query_string("/api/FindThings", &find).unwrap(),
        "/api/FindThings?ids=%5B1%2C2%5D&callerName=Doe%2C+J"
    );
}

/// One request as the loopback server saw it.
#[derive(Debug)]
struct Seen {
    request_line: String,
    content_type: Option<String>,
    body: String,
}

/// Serves `responses.len()` connections on 127.0.0.1, answering the n-th with `responses[n]` (a
/// JSON body) and reporting each request. Each read times out after 10 s, so the thread ends even
/// if the client never connects.
fn serve(responses: Vec<&'static str>) -> (String, mpsc::Receiver<Seen>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for body in responses {
            let Ok((stream, _)) = listener.accept() else {
                return;
            };
            stream
                .set_read_timeout(Some(Duration::from_secs(10)))
                .unwrap();
            let mut reader = BufReader::new(stream);
            let mut request_line = String::new();
            if reader.read_line(&mut request_line).is_err() {
                return;
            }
            let mut content_length = 0;
            let mut content_type = None;
            loop {
                let mut header = String::new();
                if reader.read_line(&mut header).is_err() || header == "\r\n" || header.is_empty() {
                    break;
                }
                let (name, value) = header.trim_end().split_once(':').unwrap();
                match name.to_ascii_lowercase().as_str() {
                    "content-length" => content_length = value.trim().parse().unwrap(),
                    "content-type" => content_type = Some(value.trim().to_owned()),
                    _ => {}
                }
            }
            let mut request_body = vec![0; content_length];
            reader.read_exact(&mut request_body).unwrap();
            let response = format!(
                "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                body.len()
            );
            reader.get_mut().write_all(response.as_bytes()).unwrap();
            let seen = Seen {
                request_line: request_line.trim_end().to_owned(),
                content_type,
                body: String::from_utf8(request_body).unwrap(),
            };
            if tx.send(seen).is_err() {
                return;
            }
        }
    });
    (base, rx)
}

fn next(rx: &mpsc::Receiver<Seen>) -> Seen {
    rx.recv_timeout(Duration::from_secs(20))
        .expect("the loopback server saw no request")
}

#[test]
fn the_official_client_sends_derived_dtos() {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let (base, rx) = serve(vec![
        r#"{"id":"s1","ended":false}"#,
        r#"[{"id":"a"},{"id":"b"}]"#,
        "",
        r#"{"a":1,"b":[true]}"#,
        r#"{"id":"s1"}"#,
        r#"[]"#,
    ]);
    let client = JsonServiceClient::new(&base);
    let add = AddConferenceMember {
        session_id: Some("s1".into()),
        destination: Some("+1 555".into()),
    };
    let find = FindThings {
        ids: Some(vec![1, 2]),
        caller_name: Some("Zoë".into()),
    };

    runtime.block_on(async {
        // `send` uses IRequest::VERB and the client's pre-defined /api route.
        let info = client.send(&add).await.unwrap();
        assert_eq!(
            info,
            SessionInfo {
                id: Some("s1".into()),
                ended: Some(false)
            }
        );
        let seen = next(&rx);
        assert_eq!(seen.request_line, "POST /api/AddConferenceMember HTTP/1.1");
        assert_eq!(seen.content_type.as_deref(), Some("application/json"));
        assert_eq!(seen.body, r#"{"sessionId":"s1","destination":"+1 555"}"#);

        let found = client.send(&find).await.unwrap();
        assert_eq!(found.len(), 2);
        let seen = next(&rx);
        assert_eq!(
            seen.request_line,
            "GET /api/FindThings?ids=%5B1%2C2%5D&callerName=Zo%C3%AB HTTP/1.1"
        );
        assert_eq!(seen.body, "");

        client.send_void(&RemoveThing { id: 9 }).await.unwrap();
        assert_eq!(
            next(&rx).request_line,
            "DELETE /api/RemoveThing?id=9 HTTP/1.1"
        );

        let untyped = client.send(&Untyped { q: "x".into() }).await.unwrap();
        assert_eq!(untyped.get("a").and_then(Value::as_i64), Some(1));
        assert_eq!(next(&rx).body, r#"{"q":"x"}"#);

        // The DTO's own routes, through `to_url` and the client's URL methods: sent verbatim.
        let url = add.to_url("POST").unwrap();
        let info: SessionInfo = client.post_url(&url, &add).await.unwrap();
        assert_eq!(info.id.as_deref(), Some("s1"));
        let seen = next(&rx);
        assert_eq!(
            seen.request_line,
            "POST /sessions/s1/conference/members HTTP/1.1"
        );
        assert_eq!(seen.body, r#"{"sessionId":"s1","destination":"+1 555"}"#);

        let url = find.to_url("GET").unwrap();
        assert_eq!(url, "/things?ids=%5B1%2C2%5D&callerName=Zo%C3%AB");
        let none: Vec<SessionInfo> = client.get_url(&url).await.unwrap();
        assert!(none.is_empty());
        assert_eq!(next(&rx).request_line, format!("GET {url} HTTP/1.1"));
    });
}
