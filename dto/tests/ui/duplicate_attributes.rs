use dto::Dto;
use serde::Serialize;

#[derive(Serialize, Dto)]
#[api("one")]
#[api("two")]
#[returns(u8)]
#[returns(u16)]
#[authenticate]
#[authenticate]
struct Twice {
    #[api_member(description = "a")]
    #[api_member(description = "b")]
    a: u8,
}

fn main() {}
