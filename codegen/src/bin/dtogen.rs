//! `dtogen`: generate Rust DTOs from ServiceStack metadata (work in progress).

fn main() {}
