use dto::Dto;
use serde::Serialize;

#[derive(Serialize, Dto)]
#[route]
#[route(42)]
#[route("/a", "GET", "POST")]
#[api]
#[returns]
#[returns_void(String)]
#[authenticate(provider = "x")]
struct Broken {}

fn main() {}
