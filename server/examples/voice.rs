//! A ServiceStack-compatible Voice API in Rust, for ServiceStack's own clients to call:
//!
//! ```sh
//! cargo run -p dto-server --example voice            # listens on 127.0.0.1:5085
//! curl -s -H 'Accept: application/jsv' -H 'Content-Type: application/json' \
//!      -d '{"destination":"+15550001111"}' http://127.0.0.1:5085/sessions/s1/conference/members
//! curl -s http://127.0.0.1:5085/types/metadata       # what `dtogen generate http://127.0.0.1:5085/` reads
//! ```

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use dto_server::{Caller, Host, HttpError};
use serde::{Deserialize, Serialize};

/// A call in progress.
#[derive(Debug, Clone, Default, Serialize, Deserialize, dto::Type)]
#[serde(rename_all = "camelCase", default)]
pub struct SessionInfo {
    /// The ID of the session
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The party invited to the conference
    #[serde(skip_serializing_if = "Option::is_none")]
    pub destination: Option<String>,
}

/// Converts the specified call into a conference call if necessary and dials the specified member.
#[derive(Debug, Default, Serialize, Deserialize, dto::Dto, dto::Type)]
#[serde(rename_all = "camelCase", default)]
#[route("/sessions/{sessionId}/conference/members", "POST")]
#[returns(SessionInfo)]
#[authenticate]
pub struct AddConferenceMember {
    /// The ID of the active session
    #[api_member(is_required, parameter_type = "path")]
    pub session_id: Option<String>,
    /// The party to invite to the conference
    pub destination: Option<String>,
}

/// Gets a session.
#[derive(Debug, Default, Serialize, Deserialize, dto::Dto, dto::Type)]
#[serde(rename_all = "camelCase", default)]
#[route("/sessions/{sessionId}", "GET")]
#[returns(SessionInfo)]
pub struct GetSession {
    /// The ID of the session
    pub session_id: Option<String>,
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> std::io::Result<()> {
    let sessions: Arc<Mutex<HashMap<String, SessionInfo>>> = Arc::default();
    let (add, get) = (sessions.clone(), sessions);
    let app = Host::new("Voice.Api")
        .handle(move |req: AddConferenceMember| {
            let sessions = add.clone();
            async move {
                let id = req
                    .session_id
                    .ok_or_else(|| HttpError::bad_request("sessionId is required"))?;
                let info = SessionInfo {
                    id: Some(id.clone()),
                    destination: req.destination,
                };
                sessions.lock().unwrap().insert(id, info.clone());
                Ok::<_, HttpError>(info)
            }
        })
        .handle(move |req: GetSession| {
            let sessions = get.clone();
            async move {
                let id = req.session_id.unwrap_or_default();
                sessions
                    .lock()
                    .unwrap()
                    .get(&id)
                    .cloned()
                    .ok_or_else(|| HttpError::not_found(format!("Session {id} not found")))
            }
        })
        .basic_auth(|user, password| {
            (user == "test" && password == "test").then(|| Caller {
                user_id: Some("1".into()),
                user_name: Some(user.into()),
                display_name: Some("Test User".into()),
                roles: Vec::new(),
            })
        })
        .into_router();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:5085").await?;
    println!("Voice.Api on http://{}", listener.local_addr()?);
    axum::serve(listener, app).await
}
