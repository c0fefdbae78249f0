use dto::Dto;

#[derive(Dto)]
union NotARequest {
    a: u8,
}

fn main() {}
