use dto::Dto;
use serde::Serialize;

#[derive(Serialize, Dto)]
#[serde(rename_all = "camelCase")]
#[route("/sessions/{sessionId}/members/{memberId}", "DELETE")]
struct RemoveMember {
    session_id: String,
    member: String,
}

fn main() {}
