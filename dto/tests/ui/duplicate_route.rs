use dto::Dto;
use serde::Serialize;

#[derive(Serialize, Dto)]
#[route("/items/{id}", "GET,PUT")]
#[route("/items/{id}", "POST")]
#[route("/items/{id}", "PUT")]
#[route("/Items/{Id}", "put, get")]
#[route("/all")]
#[route("/all", "DELETE")]
#[route("/all", "ANY")]
struct Item {
    id: u32,
}

fn main() {}
