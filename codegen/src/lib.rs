//! ServiceStack metadata to Rust DTOs (work in progress).
