use dto::Dto;
use serde::Serialize;

#[derive(Serialize, Dto)]
struct Login {
    user: String,
    #[serde(skip)]
    #[api_member(description = "Never sent")]
    password_hint: String,
    #[serde(skip_serializing)]
    #[api_member(description = "Never sent either")]
    token: String,
}

fn main() {}
