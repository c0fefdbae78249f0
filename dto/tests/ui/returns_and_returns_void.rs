use dto::Dto;
use serde::Serialize;

#[derive(Serialize, Dto)]
#[returns(String)]
#[returns_void]
struct Ping {}

fn main() {}
