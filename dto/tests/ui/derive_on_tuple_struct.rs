use dto::Dto;
use serde::Serialize;

#[derive(Serialize, Dto)]
#[route("/a/{0}")]
struct NotARequest(u8);

fn main() {}
