// One struct with many mistakes: every one is reported in the same build.
use dto::Dto;
use serde::Serialize;

#[derive(Serialize, Dto)]
#[serde(rename_all = "camelCase")]
#[route("/sessions/{session_id}", "GET")]
#[route("/sessions/{sessionId}/x{y}", "GRAB")]
#[route("/sessions/{sessionId}", "get")]
#[route("/sessions/{sessionId}", "GET")]
#[returns(String)]
#[returns_void]
struct Everything {
    session_id: String,
    #[serde(skip)]
    #[api_member(descripton = "typo")]
    cache: String,
}

fn main() {}
