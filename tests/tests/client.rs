//! The DTOs `dtogen` generates from the Evo Voice metadata, sent with `dto-client` (blocking and
//! async, JSV and JSON) to a loopback server, which answers with the real ServiceStack server's
//! captured responses (`../shared/samples`) when they are there.

#[path = "../../client/tests/common/mod.rs"]
mod common;

use std::path::Path;

use common::{Recorded, Reply, TestServer};
use dto_client::{AsyncClient, Client, Format};
use pretty_assertions::assert_eq;
use serde::Serialize;
use workspace_tests::metadata::{
    AddConferenceMember, DeleteSession, GetSession, ListResponse, ListSessions, SessionCallState,
    SessionInfo, SortOrders,
};

/// The real server's response to `name` in `format`: its status, Content-Type, cookies and body.
fn capture(name: &str, format: Format) -> Option<Reply> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../shared/samples")
        .join(format!("{name}.{}.http", format.name()));
    let raw = std::fs::read_to_string(path).ok()?;
    let (head, body) = raw
        .split_once("\r\n\r\n")
        .or_else(|| raw.split_once("\n\n"))?;
    let mut lines = head.lines();
    let status: u16 = lines.next()?.split(' ').nth(1)?.parse().ok()?;
    let mut reply = Reply::new(status, None, body.trim_end());
    for line in lines {
        let (name, value) = line.split_once(':')?;
        if ["content-type", "set-cookie"].contains(&name.to_ascii_lowercase().as_str()) {
            reply = reply.header(name, value.trim());
        }
    }
    Some(reply)
}

fn encode<T: Serialize>(format: Format, value: &T) -> Reply {
    match format {
        Format::Jsv => Reply::new(200, Some("application/jsv"), jsv::to_string(value).unwrap()),
        Format::Json => Reply::new(
            200,
            Some("application/json; charset=utf-8"),
            serde_json::to_string(value).unwrap(),
        ),
    }
}

fn service(request: &Recorded) -> Reply {
    let format = if request
        .header("accept")
        .is_some_and(|a| a.contains("application/jsv"))
    {
        Format::Jsv
    } else {
        Format::Json
    };
    let body_format = match request.header("content-type") {
        Some(ct) => Format::from_content_type(ct).unwrap(),
        None => format,
    };
    let segments: Vec<&str> = request.path().trim_start_matches('/').split('/').collect();
    match (request.method.as_str(), segments.as_slice()) {
        ("POST", ["sessions", id, "conference", "members"]) => {
            let body: AddConferenceMember = match body_format {
                Format::Jsv => jsv::from_str(&request.body).unwrap(),
                Format::Json => serde_json::from_str(&request.body).unwrap(),
            };
            assert_eq!(body.session_id.as_deref(), Some(*id));
            capture("add-conference-member", format).unwrap_or_else(|| {
                encode(
                    format,
                    &SessionInfo {
                        id: Some("abc".into()),
                        destination: body.destination,
                        ..SessionInfo::default()
                    },
                )
            })
        }
        ("GET", ["sessions", id]) => capture("get-session", format).unwrap_or_else(|| {
            encode(
                format,
                &SessionInfo {
                    id: Some((*id).into()),
                    ..SessionInfo::default()
                },
            )
        }),
        ("DELETE", ["sessions", _]) => Reply::new(204, None, ""),
        ("GET", ["sessions"]) => encode(
            format,
            &ListResponse::<SessionInfo> {
                items: Some(vec![SessionInfo {
                    id: Some("s1".into()),
                    ..SessionInfo::default()
                }]),
                total_count: 1,
                ..ListResponse::default()
            },
        ),
        _ => Reply::new(404, Some("text/plain"), "404"),
    }
}

fn add_conference_member() -> AddConferenceMember {
    AddConferenceMember {
        session_id: Some("cs1".into()),
        call_sid: Some("CA1".into()),
        destination: Some("+15550001111".into()),
        from_number: Some("+1555 000, \"x\"".into()),
    }
}

fn list_sessions() -> ListSessions {
    ListSessions {
        account_ids: Some(vec!["a1".into(), "a2".into()]),
        call_states: Some(vec![SessionCallState::Ringing, SessionCallState::Connected]),
        specific_ids: Some(vec!["x".into(), "y,z".into()]),
        page: 2,
        all: true,
        sort_order: SortOrders::Descend,
        ..ListSessions::default()
    }
}

const LIST_QUERY: &str = "accountIds=%5Ba1%2Ca2%5D&callStates=%5BRinging%2CConnected%5D\
    &page=2&all=True&specificIds=%5Bx%2C%22y%2Cz%22%5D&sortOrder=Descend";

/// What the real server answered, when the capture is there.
fn check_against_capture(name: &str, format: Format, info: &SessionInfo) {
    let Some(reply) = capture(name, format) else {
        println!("skipped the comparison with {name}: ../shared/samples is absent");
        return;
    };
    let text = String::from_utf8(reply.body).unwrap();
    match format {
        Format::Jsv => assert_eq!(jsv::to_string(info).unwrap(), text),
        Format::Json => assert_eq!(
            serde_json::to_value(info).unwrap(),
            serde_json::from_str::<serde_json::Value>(&text).unwrap()
        ),
    }
}

#[test]
fn generated_evovoice_dtos_through_the_blocking_client() {
    let server = TestServer::start(service);
    for format in [Format::Jsv, Format::Json] {
        let client = Client::builder(&server.base_url)
            .format(format)
            .build()
            .unwrap();
        let info = client.send(&add_conference_member()).unwrap();
        assert_eq!(
            server.last().line(),
            "POST /sessions/cs1/conference/members"
        );
        check_against_capture("add-conference-member", format, &info);

        let info = client
            .get(&GetSession {
                session_id: Some("abc".into()),
            })
            .unwrap();
        assert_eq!(server.last().line(), "GET /sessions/abc");
        check_against_capture("get-session", format, &info);

        client
            .send_void(&DeleteSession {
                session_id: Some("abc".into()),
            })
            .unwrap();
        assert_eq!(server.last().line(), "DELETE /sessions/abc");

        let list = client.get(&list_sessions()).unwrap();
        assert_eq!(list.total_count, 1);
        assert_eq!(server.last().line(), format!("GET /sessions?{LIST_QUERY}"));
    }
}

#[test]
fn generated_evovoice_dtos_through_the_async_client() {
    let server = TestServer::start(service);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        for format in [Format::Jsv, Format::Json] {
            let client = AsyncClient::builder(&server.base_url)
                .format(format)
                .build()
                .unwrap();
            let info = client.send(&add_conference_member()).await.unwrap();
            assert_eq!(
                server.last().line(),
                "POST /sessions/cs1/conference/members"
            );
            check_against_capture("add-conference-member", format, &info);

            let info = client
                .get(&GetSession {
                    session_id: Some("abc".into()),
                })
                .await
                .unwrap();
            check_against_capture("get-session", format, &info);

            client
                .delete(&DeleteSession {
                    session_id: Some("abc".into()),
                })
                .await
                .unwrap();
            assert_eq!(server.last().line(), "DELETE /sessions/abc");

            let list = client.get(&list_sessions()).await.unwrap();
            assert_eq!(list.items.unwrap()[0].id.as_deref(), Some("s1"));
            assert_eq!(server.last().line(), format!("GET /sessions?{LIST_QUERY}"));
        }
    });
}

#[test]
fn the_real_servers_cookies_are_kept() {
    let Some(_) = capture("get-session", Format::Json) else {
        println!("skipped: ../shared/samples is absent");
        return;
    };
    let server = TestServer::start(service);
    let client = Client::json(&server.base_url).unwrap();
    client
        .get(&GetSession {
            session_id: Some("abc".into()),
        })
        .unwrap();
    assert_eq!(
        client.cookie("ss-id").as_deref(),
        Some("PhIUlfMqwgfYvK6v07nL")
    );
    client
        .get(&GetSession {
            session_id: Some("abc".into()),
        })
        .unwrap();
    assert_eq!(
        server.last().header("cookie"),
        Some("ss-id=PhIUlfMqwgfYvK6v07nL; ss-pid=e2Bw8BqemID43ZvERZpV")
    );
}
