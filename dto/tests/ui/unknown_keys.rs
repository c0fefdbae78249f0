use dto::Dto;
use serde::Serialize;

#[derive(Serialize, Dto)]
#[route("/a", summary = "x")]
#[api(summary = "Not a key")]
struct Keys {
    #[api_member(description = "ok", required)]
    a: u8,
    #[api_member(description = "ok", description = "twice")]
    b: u8,
}

fn main() {}
