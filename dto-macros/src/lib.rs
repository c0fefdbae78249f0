//! `#[derive(Dto)]` (work in progress).
