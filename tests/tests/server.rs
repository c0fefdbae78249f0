//! The Evo Voice services hosted in-process with `dto-server` (the DTOs `dtogen` generates from
//! the real server's metadata) and called with `dto-client`: blocking and async, JSV and JSON.

#[path = "../../server/tests/common/mod.rs"]
mod host;

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use axum::http::StatusCode;
use dto::Dto;
use dto_client::{AsyncClient, Client, ErrorKind, Format};
use dto_server::{Caller, Host, HttpError};
use pretty_assertions::assert_eq;
use serde::{Deserialize, Serialize};
use workspace_tests::metadata::{
    AddConferenceMember, DeleteSession, FlowNodeInfo, GetSession, ListResponse, ListSessions,
    NodeParameter, NodeParameterMap, SessionCallState, SessionInfo, ThrowError, UpdateFlowNode,
    ValueTypes,
};

/// A DTO that needs a signed-in caller (the v5 metadata does not say which operations do).
#[derive(Debug, Default, Serialize, Deserialize, Dto, dto::Type)]
#[serde(rename_all = "camelCase", default)]
#[route("/whoami", "GET")]
#[returns(Me)]
#[authenticate]
struct WhoAmI {}

#[derive(Debug, Default, PartialEq, Serialize, Deserialize, dto::Type)]
#[serde(rename_all = "camelCase", default)]
struct Me {
    user_name: Option<String>,
    display_name: Option<String>,
}

type Store = Arc<Mutex<HashMap<String, SessionInfo>>>;

fn voice_api() -> axum::Router {
    let store: Store = Arc::default();
    let (add, get, delete, list) = (store.clone(), store.clone(), store.clone(), store);
    Host::new("Voice.Api")
        .handle(move |req: AddConferenceMember| {
            let store = add.clone();
            async move {
                let id = req
                    .session_id
                    .ok_or_else(|| HttpError::bad_request("sessionId is required"))?;
                if req.destination.is_none() {
                    return Err(HttpError::new(
                        StatusCode::BAD_REQUEST,
                        "ArgumentNullException",
                        "Value cannot be null.\nParameter name: Destination",
                    )
                    .with_field_error(
                        "Destination",
                        "ArgumentNullException",
                        "Value cannot be null.\n",
                    ));
                }
                let info = SessionInfo {
                    id: Some(id.clone()),
                    call_sid: req.call_sid,
                    destination: req.destination,
                    from_name: req.from_number,
                    call_state: SessionCallState::Ringing,
                    ..SessionInfo::default()
                };
                store.lock().unwrap().insert(id, info.clone());
                Ok(info)
            }
        })
        .handle(move |req: GetSession| {
            let store = get.clone();
            async move {
                let id = req.session_id.unwrap_or_default();
                store
                    .lock()
                    .unwrap()
                    .get(&id)
                    .cloned()
                    .ok_or_else(|| HttpError::not_found(format!("Session {id} not found")))
            }
        })
        .handle(move |req: DeleteSession| {
            let store = delete.clone();
            async move {
                store
                    .lock()
                    .unwrap()
                    .remove(&req.session_id.unwrap_or_default());
                Ok::<_, HttpError>(())
            }
        })
        .handle(move |req: ListSessions| {
            let store = list.clone();
            async move {
                let mut items: Vec<SessionInfo> = store.lock().unwrap().values().cloned().collect();
                items.sort_by(|a, b| a.id.cmp(&b.id));
                if let Some(ids) = &req.specific_ids {
                    items.retain(|s| s.id.as_ref().is_some_and(|id| ids.contains(id)));
                }
                Ok::<_, HttpError>(ListResponse {
                    total_count: items.len() as i32,
                    items: Some(items),
                    ..ListResponse::default()
                })
            }
        })
        .handle(|req: UpdateFlowNode| async move {
            Ok::<_, HttpError>(FlowNodeInfo {
                id: req.node_id,
                name: req.name,
                parameters: req.parameters,
            })
        })
        .handle(|req: ThrowError| async move {
            let status =
                StatusCode::from_u16(req.status_code as u16).unwrap_or(StatusCode::BAD_REQUEST);
            Err::<workspace_tests::metadata::ThrowErrorResponse, _>(HttpError::new(
                status,
                "CustomErrorCode",
                req.message.unwrap_or_default(),
            ))
        })
        .handle_with_caller(|_: WhoAmI, caller: Caller| async move {
            Ok::<_, HttpError>(Me {
                user_name: caller.user_name,
                display_name: caller.display_name,
            })
        })
        .basic_auth(|user, password| {
            (user == "test" && password == "test").then(|| Caller {
                user_id: Some("1".into()),
                user_name: Some("test".into()),
                display_name: Some("Test User".into()),
                roles: Vec::new(),
            })
        })
        .into_router()
}

fn add(id: &str) -> AddConferenceMember {
    AddConferenceMember {
        session_id: Some(id.into()),
        call_sid: Some("CA1".into()),
        destination: Some("+15550001111".into()),
        from_number: Some("+1555 000, \"x\" [y] {z}".into()),
    }
}

fn node() -> UpdateFlowNode {
    let mut parameters = dto::IndexMap::new();
    parameters.insert(
        "greeting".to_owned(),
        NodeParameter {
            r#type: ValueTypes::String,
            string_value: Some("Hello, \"caller\"".into()),
            ..NodeParameter::default()
        },
    );
    UpdateFlowNode {
        flow_id: Some("f1".into()),
        node_id: Some("n1".into()),
        name: Some("Node {1}".into()),
        parameters: Some(NodeParameterMap(parameters)),
    }
}

#[test]
fn blocking_client_against_the_hosted_services() {
    let server = host::Server::start(voice_api());
    for format in [Format::Jsv, Format::Json] {
        let client = Client::builder(&server.url())
            .format(format)
            .build()
            .unwrap();
        let id = format!("cs-{}", format.name());
        let info = client.send(&add(&id)).unwrap();
        assert_eq!(info.id.as_deref(), Some(&*id));
        assert_eq!(info.from_name.as_deref(), Some("+1555 000, \"x\" [y] {z}"));
        assert_eq!(info.call_state, SessionCallState::Ringing);

        let got = client
            .get(&GetSession {
                session_id: Some(id.clone()),
            })
            .unwrap();
        assert_eq!(got, info, "{format:?}");

        let list = client
            .get(&ListSessions {
                specific_ids: Some(vec![id.clone(), "y,z".into()]),
                page: 1,
                ..ListSessions::default()
            })
            .unwrap();
        assert_eq!(list.items.unwrap(), std::slice::from_ref(&info));

        let all = client
            .send_all(&[add(&format!("{id}-a")), add(&format!("{id}-b"))])
            .unwrap();
        assert_eq!(all.len(), 2);
        assert_eq!(all[1].id.as_deref(), Some(&*format!("{id}-b")));

        let flow = client.patch(&node()).unwrap();
        assert_eq!(flow.parameters, node().parameters, "{format:?}");
        assert_eq!(flow.name.as_deref(), Some("Node {1}"));

        client.publish(&add(&format!("{id}-oneway"))).unwrap();
        client
            .send_void(&DeleteSession {
                session_id: Some(id.clone()),
            })
            .unwrap();
        let error = client
            .get(&GetSession {
                session_id: Some(id.clone()),
            })
            .unwrap_err();
        assert_eq!(error.kind(), ErrorKind::Service);
        assert_eq!(error.status(), Some(404));
        assert_eq!(error.error_code(), Some("NotFound"));
        assert_eq!(error.message(), Some(&*format!("Session {id} not found")));

        let error = client
            .send(&AddConferenceMember {
                destination: None,
                ..add("x")
            })
            .unwrap_err();
        assert_eq!(error.status(), Some(400));
        assert_eq!(error.error_code(), Some("ArgumentNullException"));
        assert_eq!(error.field_errors()[0].field_name, "Destination");
        assert_eq!(error.field_errors()[0].message, "Value cannot be null.\n");

        let error = client
            .get(&ThrowError {
                status_code: 418,
                message: Some("I'm a teapot, \"short\"".into()),
            })
            .unwrap_err();
        assert_eq!(error.status(), Some(418));
        assert_eq!(error.error_code(), Some("CustomErrorCode"));
        assert_eq!(error.message(), Some("I'm a teapot, \"short\""));

        // Auth: a challenge, Basic, then a credentials session.
        let error = client.get(&WhoAmI {}).unwrap_err();
        assert_eq!(error.status(), Some(401));
        let basic = Client::builder(&server.url())
            .format(format)
            .basic_auth("test", "test")
            .build()
            .unwrap();
        assert_eq!(
            basic.get(&WhoAmI {}).unwrap().display_name.as_deref(),
            Some("Test User")
        );
        let response = client.authenticate("credentials", "test", "test").unwrap();
        assert_eq!(client.cookie("ss-id"), response.session_id);
        assert_eq!(
            client.get(&WhoAmI {}).unwrap().user_name.as_deref(),
            Some("test")
        );
        let error = client
            .authenticate("credentials", "test", "wrong")
            .unwrap_err();
        assert_eq!(error.message(), Some("Invalid UserName or Password"));
    }
}

#[test]
fn async_client_and_predefined_routes_against_the_hosted_services() {
    let server = host::Server::start(voice_api());
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        for format in [Format::Jsv, Format::Json] {
            for predefined in [false, true] {
                let client = AsyncClient::builder(&server.url())
                    .format(format)
                    .predefined_routes(predefined)
                    .build()
                    .unwrap();
                let id = format!("a-{}-{predefined}", format.name());
                let info = client.send(&add(&id)).await.unwrap();
                let got = client
                    .get(&GetSession {
                        session_id: Some(id.clone()),
                    })
                    .await
                    .unwrap();
                assert_eq!(got, info);
                let error = client
                    .get(&ThrowError {
                        status_code: 418,
                        message: Some("teapot".into()),
                    })
                    .await
                    .unwrap_err();
                // The async client sees the reason phrase the host set.
                assert_eq!(error.status_description(), Some("CustomErrorCode"));
                client
                    .authenticate("credentials", "test", "test")
                    .await
                    .unwrap();
                let me = client.get(&WhoAmI {}).await.unwrap();
                assert_eq!(me.user_name.as_deref(), Some("test"));
                client
                    .delete(&DeleteSession {
                        session_id: Some(id.clone()),
                    })
                    .await
                    .unwrap();
            }
        }
        // /api/{Name}, ServiceStack v6+'s pre-defined route.
        let client = AsyncClient::builder(&server.url())
            .base_path("/api")
            .predefined_routes(true)
            .build()
            .unwrap();
        let info = client.send(&add("api")).await.unwrap();
        assert_eq!(info.id.as_deref(), Some("api"));
    });
}

/// Every .NET scalar through both clients, in the query (GET) and the body (POST), in JSV and JSON:
/// what the host reads is what the client sent, to the tick.
#[test]
fn dotnet_scalars_through_the_clients() {
    use workspace_tests::metadata::EchoTypes;
    let server = host::Server::start(
        Host::new("Voice.Api")
            .handle(|req: EchoTypes| async move { Ok::<_, HttpError>(req) })
            .into_router(),
    );
    let echo = EchoTypes {
        date_time: "2012-06-21T13:14:15.6781234Z".parse().unwrap(),
        nullable_date_time: Some("2012-06-21".parse().unwrap()),
        date_time_offset: "2020-01-02T03:04:05.5+05:30".parse().unwrap(),
        time_span: "-P1DT2H3M4.005S".parse().unwrap(),
        guid: "{0d6a5b1e-2f5c-4a1b-9c8e-6f3b2a1d0e9f}".parse().unwrap(),
        decimal: "-12.500".parse().unwrap(),
        bytes: Some(dto::Bytes::from(vec![0xfb, 0xff, 0x3f])),
        string: Some("a:b,c".into()),
        ..EchoTypes::default()
    };
    let jsv_text = jsv::to_string(&echo).unwrap();
    for format in [Format::Jsv, Format::Json] {
        let client = Client::builder(&server.url())
            .format(format)
            .build()
            .unwrap();
        let posted = client.post(&echo).unwrap();
        // JSON's WCF dates keep milliseconds only.
        let expected = match format {
            Format::Json => jsv_text.replace("13:14:15.6781234Z", "13:14:15.678Z"),
            _ => jsv_text.clone(),
        };
        assert_eq!(
            jsv::to_string(&posted).unwrap(),
            expected,
            "{format:?} POST"
        );
        let got = client.get(&echo).unwrap();
        assert_eq!(jsv::to_string(&got).unwrap(), expected, "{format:?} GET");
        assert_eq!(got.decimal.to_string(), "-12.500");
    }
}

#[test]
fn many_clients_at_once() {
    let server = host::Server::start(voice_api());
    std::thread::scope(|scope| {
        for t in 0..6 {
            let url = server.url();
            scope.spawn(move || {
                let client = Client::jsv(&url).unwrap();
                for i in 0..30 {
                    let id = format!("c{t}-{i}");
                    client.send(&add(&id)).unwrap();
                    let got = client
                        .get(&GetSession {
                            session_id: Some(id.clone()),
                        })
                        .unwrap();
                    assert_eq!(got.id, Some(id));
                }
            });
        }
    });
}

/// The host's published documents, checked in: `build.rs` generates DTOs from them, so the tests
/// below compile what `dtogen` makes of the live documents and call the host with it.
fn fixture(name: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/voice-host")
        .join(name)
}

/// The live document equals the checked-in one (`UPDATE_FIXTURES=1` rewrites it).
fn check_published(server: &host::Server, path: &str, file: &str) -> String {
    let live = server.get(path, &[]);
    assert_eq!(live.status, 200, "{path}");
    if std::env::var_os("UPDATE_FIXTURES").is_some() {
        std::fs::write(fixture(file), &live.body).unwrap();
    }
    let checked_in = std::fs::read_to_string(fixture(file)).unwrap_or_default();
    assert!(
        checked_in == live.body,
        "{path} changed: rerun with UPDATE_FIXTURES=1 to update tests/fixtures/voice-host/{file}"
    );
    live.body
}

#[test]
fn published_metadata_regenerates_dtos_that_call_the_host() {
    let server = host::Server::start(voice_api());
    for (path, file, compiled) in [
        (
            "/types/metadata",
            "types-metadata.json",
            include_str!(concat!(env!("OUT_DIR"), "/voice_host.rs")),
        ),
        (
            "/types/typescript",
            "types-typescript.ts",
            include_str!(concat!(env!("OUT_DIR"), "/voice_host_ts.rs")),
        ),
    ] {
        let live = check_published(&server, path, file);
        // dtogen on the live document gives exactly the code build.rs compiled.
        let generated = dto_codegen::Config::new()
            .input_text(file, live)
            .header(false)
            .generate_string()
            .unwrap_or_else(|e| panic!("{path}: {e}"));
        assert_eq!(generated.code, compiled, "{path}");
    }

    // The regenerated DTOs call the host.
    use workspace_tests::{voice_host as m, voice_host_ts as ts};
    for format in [Format::Jsv, Format::Json] {
        let client = Client::builder(&server.url())
            .format(format)
            .build()
            .unwrap();
        let info = client
            .send(&m::AddConferenceMember {
                session_id: Some("regen".into()),
                destination: Some("+1555".into()),
                ..Default::default()
            })
            .unwrap();
        assert_eq!(info.call_state, m::SessionCallState::Ringing);
        let got = client
            .get(&m::GetSession {
                session_id: Some("regen".into()),
            })
            .unwrap();
        assert_eq!(got.destination.as_deref(), Some("+1555"));
        let list = client
            .get(&m::ListSessions {
                specific_ids: Some(vec!["regen".into()]),
                ..Default::default()
            })
            .unwrap();
        assert_eq!(list.items.map(|i| i.len()), Some(1));
        client
            .send_void(&m::DeleteSession {
                session_id: Some("regen".into()),
            })
            .unwrap();
        let error = client.get(&m::WhoAmI {}).unwrap_err();
        assert_eq!(error.status(), Some(401));
        const { assert!(<m::WhoAmI as dto::Request>::REQUIRES_AUTH) };

        let info = client
            .send(&ts::AddConferenceMember {
                session_id: Some("regen-ts".into()),
                destination: Some("+1666".into()),
                ..Default::default()
            })
            .unwrap();
        assert_eq!(info.id.as_deref(), Some("regen-ts"));
        let node = client
            .send(&ts::UpdateFlowNode {
                flow_id: Some("f".into()),
                node_id: Some("n".into()),
                name: Some("N".into()),
                ..Default::default()
            })
            .unwrap();
        assert_eq!(node.name.as_deref(), Some("N"));
    }

    // What the published types say about the originals.
    let metadata: dto::metadata::MetadataTypes =
        serde_json::from_str(&std::fs::read_to_string(fixture("types-metadata.json")).unwrap())
            .unwrap();
    let add = metadata
        .operations
        .iter()
        .find(|op| op.request.name == "AddConferenceMember")
        .unwrap();
    assert_eq!(
        add.request.description.as_deref(),
        Some(
            "Converts the specified call into a conference call if necessary and dials the specified member."
        )
    );
    assert_eq!(
        add.routes.as_ref().unwrap()[0].path,
        "/sessions/{sessionId}/conference/members"
    );
    assert_eq!(add.return_type.as_ref().unwrap().name, "SessionInfo");
    let session_id = &add.request.properties.as_ref().unwrap()[0];
    assert_eq!(session_id.name, "SessionId");
    assert_eq!(
        session_id.description.as_deref(),
        Some("The ID of the active session")
    );
    let list = metadata
        .operations
        .iter()
        .find(|op| op.request.name == "ListSessions")
        .unwrap();
    assert_eq!(
        list.return_type.as_ref().unwrap().generic_args.as_deref(),
        Some(&["SessionInfo".to_owned()][..])
    );
    // A generic response is its definition, as ServiceStack publishes it.
    let response = list.response.as_ref().unwrap();
    assert_eq!(
        (response.name.as_str(), response.is_generic_type_def),
        ("ListResponse`1", Some(true))
    );
    assert_eq!(
        response.generic_args.as_deref(),
        Some(&["T".to_owned()][..])
    );
    let who = metadata
        .operations
        .iter()
        .find(|op| op.request.name == "WhoAmI")
        .unwrap();
    assert_eq!(who.requires_auth, Some(true));
    let delete = metadata
        .operations
        .iter()
        .find(|op| op.request.name == "DeleteSession")
        .unwrap();
    assert_eq!(delete.returns_void, Some(true));
}
