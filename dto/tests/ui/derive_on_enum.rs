use dto::Dto;
use serde::Serialize;

#[derive(Serialize, Dto)]
#[route("/a")]
enum NotARequest {
    A,
}

fn main() {}
