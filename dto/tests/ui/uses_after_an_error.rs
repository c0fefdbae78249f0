// A wrong attribute is one error at the attribute: the derive still implements `Request` (with
// its name only), so code using the type reports nothing more.
use dto::{Dto, Request};
use serde::Serialize;

#[derive(Serialize, Dto)]
#[route("/items/{Nope}", "GET")]
struct GetItems {
    id: u32,
}

fn name<R: Request>() -> &'static str {
    R::NAME
}

fn main() {
    let _ = name::<GetItems>();
    let _ = GetItems { id: 1 }.to_url("GET");
    let _ = <GetItems as Request>::ROUTES;
}
