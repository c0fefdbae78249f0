//! ServiceStack metadata to Rust DTOs.
//!
//! Readers (`read`) turn ServiceStack metadata into one IR (`model`); the emitter turns the IR
//! into Rust source.

pub mod error;
pub mod model;
pub mod read;

pub use error::{Error, Result};
