//! Requests per second for `AddConferenceMember` through a [`dto_server::Host`] (JSV and JSON)
//! against a plain axum handler of the same DTOs (`axum::Json`):
//!
//! * `add_conference_member`: over loopback HTTP with one keep-alive client (the server on one
//!   worker thread, the client on the other core): what a caller sees, network stack included,
//!   so noisy on a shared machine;
//! * `add_conference_member_in_process`: the routers called as tower services, no network:
//!   what the host itself costs per request (routing, binding, negotiation, the handler, the
//!   response).
//!
//! `cargo bench -p dto-server --bench requests`

use std::time::Duration;

use axum::Json;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use dto_server::{Host, HttpError};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, Serialize, Deserialize, dto::Type)]
#[serde(rename_all = "camelCase", default)]
struct SessionInfo {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    call_sid: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    destination: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    from_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    account_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    display_name: Option<String>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, dto::Dto, dto::Type)]
#[serde(rename_all = "camelCase", default)]
#[route("/sessions/{sessionId}/conference/members", "POST")]
#[returns(SessionInfo)]
struct AddConferenceMember {
    #[serde(skip_serializing_if = "Option::is_none")]
    session_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    call_sid: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    destination: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    from_number: Option<String>,
}

fn respond(request: AddConferenceMember) -> SessionInfo {
    SessionInfo {
        id: request.session_id,
        call_sid: request.call_sid,
        destination: request.destination,
        from_name: request.from_number,
        account_name: Some("Acme, Inc.".into()),
        display_name: Some("Call with John".into()),
    }
}

fn start(app: axum::Router) -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    listener.set_nonblocking(true).unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .enable_all()
            .build()
            .unwrap();
        runtime.block_on(async move {
            let listener = tokio::net::TcpListener::from_std(listener).unwrap();
            axum::serve(listener, app).await.unwrap();
        });
    });
    url
}

fn requests(c: &mut Criterion) {
    let host = start(
        Host::new("Voice.Api")
            .handle(
                |request: AddConferenceMember| async move { Ok::<_, HttpError>(respond(request)) },
            )
            .into_router(),
    );
    let plain = start(axum::Router::new().route(
        "/sessions/{session_id}/conference/members",
        axum::routing::post(|Json(request): Json<AddConferenceMember>| async move {
            Json(respond(request))
        }),
    ));
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(Duration::from_secs(10)))
        .build()
        .into();
    let json = r#"{"sessionId":"cs1","callSid":"CA1","destination":"+15550001111","fromNumber":"+1555 000, \"x\""}"#;
    let jsv =
        r#"{sessionId:cs1,callSid:CA1,destination:+15550001111,fromNumber:"+1555 000, ""x"""}"#;
    let path = "/sessions/cs1/conference/members";

    let mut group = c.benchmark_group("add_conference_member");
    group.throughput(Throughput::Elements(1));
    for (name, url, content_type, body) in [
        ("host_jsv", &host, "application/jsv", jsv),
        ("host_json", &host, "application/json", json),
        ("axum_json", &plain, "application/json", json),
    ] {
        let url = format!("{url}{path}");
        group.bench_function(name, |b| {
            b.iter(|| {
                let mut response = agent
                    .post(&url)
                    .header("Content-Type", content_type)
                    .header("Accept", content_type)
                    .send(body)
                    .unwrap();
                let text = response.body_mut().read_to_string().unwrap();
                assert!(text.contains("cs1"), "{text}");
            })
        });
    }
    group.finish();
}

fn in_process(c: &mut Criterion) {
    use tower::ServiceExt;
    let host = Host::new("Voice.Api")
        .handle(|request: AddConferenceMember| async move { Ok::<_, HttpError>(respond(request)) })
        .into_router();
    let plain = axum::Router::new().route(
        "/sessions/{session_id}/conference/members",
        axum::routing::post(|Json(request): Json<AddConferenceMember>| async move {
            Json(respond(request))
        }),
    );
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let json = r#"{"sessionId":"cs1","callSid":"CA1","destination":"+15550001111","fromNumber":"+1555 000, \"x\""}"#;
    let jsv =
        r#"{sessionId:cs1,callSid:CA1,destination:+15550001111,fromNumber:"+1555 000, ""x"""}"#;
    let mut group = c.benchmark_group("add_conference_member_in_process");
    group.throughput(Throughput::Elements(1));
    for (name, router, content_type, body) in [
        ("host_jsv", &host, "application/jsv", jsv),
        ("host_json", &host, "application/json", json),
        ("axum_json", &plain, "application/json", json),
    ] {
        group.bench_function(name, |b| {
            b.iter(|| {
                let request = axum::http::Request::post("/sessions/cs1/conference/members")
                    .header("Content-Type", content_type)
                    .header("Accept", content_type)
                    .body(axum::body::Body::from(body))
                    .unwrap();
                runtime.block_on(async {
                    let response = router.clone().oneshot(request).await.unwrap();
                    assert!(response.status().is_success());
                    axum::body::to_bytes(response.into_body(), usize::MAX)
                        .await
                        .unwrap()
                })
            })
        });
    }
    group.finish();
}

criterion_group!(benches, requests, in_process);
criterion_main!(benches);
