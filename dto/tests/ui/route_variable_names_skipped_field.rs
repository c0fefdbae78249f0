use dto::Dto;
use serde::Serialize;

#[derive(Serialize, Dto)]
#[route("/items/{id}")]
struct GetItem {
    #[serde(skip)]
    id: String,
}

fn main() {}
