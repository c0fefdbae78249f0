use dto::Dto;
use serde::Serialize;

#[derive(Serialize, Dto)]
#[route("/items/{id")]
#[route("/items/id}")]
#[route("items/{id}")]
#[route("/items/{}")]
#[route("/items/item-{id}")]
#[route("/items/{{id}}")]
#[route("/items/{id}?x=1")]
#[route("/items/{id}/{ID}")]
struct GetItem {
    id: String,
}

fn main() {}
