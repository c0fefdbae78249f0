use dto::Dto;
use serde::Serialize;

#[derive(Serialize, Dto)]
#[api_member(description = "on the struct")]
struct Misplaced {
    #[route("/a")]
    #[authenticate]
    a: u8,
}

fn main() {}
