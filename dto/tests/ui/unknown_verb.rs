use dto::Dto;
use serde::Serialize;

#[derive(Serialize, Dto)]
#[route("/items", "GET,FETCH")]
#[route("/items/all", "")]
struct GetItems {}

fn main() {}
