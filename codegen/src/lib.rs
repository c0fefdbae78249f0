//! Generate Rust DTOs from ServiceStack metadata.
//!
//! The crate reads a ServiceStack service's metadata — `/types/metadata` JSON (every layout
//! from v5 to v10, and `/metadata/app.json`), TypeScript DTOs, or an operation's metadata page
//! — into one intermediate representation ([`model`]), and emits Rust structs and enums that
//! speak both JSON (`serde_json`) and JSV (`jsv`), with request DTOs deriving `dto::Dto`
//! (routes, docs, response type, authentication).
//!
//! Data flows one way: [`read`] → [`model::Schema`] → [`select`] (include/exclude) →
//! [`emit`] → formatted source. [`Config`] ties it together for build scripts, in the style of
//! `prost-build`; the `dtogen` binary is the command-line front end.
//!
//! ```
//! # fn main() -> Result<(), dto_codegen::Error> {
//! let metadata = r#"{"operations":[{
//!     "request":{"name":"Hello","properties":[{"name":"Name","type":"String"}]},
//!     "returnType":{"name":"HelloResponse"},
//!     "response":{"name":"HelloResponse","properties":[{"name":"Result","type":"String"}]},
//!     "routes":[{"path":"/hello/{Name}","verbs":"GET"}]}]}"#;
//! let generated = dto_codegen::Config::new()
//!     .input_text("hello.json", metadata)
//!     .generate_string()?;
//! assert!(generated.code.contains("pub struct Hello {"));
//! assert!(generated.code.contains(r#"#[route("/hello/{Name}", "GET")]"#));
//! assert!(generated.code.contains("#[returns(HelloResponse)]"));
//! # Ok(()) }
//! ```
//!
//! Generated code needs the `dto` and `serde` crates as dependencies.

pub mod config;
pub mod emit;
pub mod error;
pub mod fetch;
pub mod model;
pub mod read;
pub mod select;

pub use config::{Config, Generated};
pub use emit::NumberType;
pub use error::{Error, Result};
pub use read::Format;

/// Generates Rust source from in-memory metadata text (format detected), with default
/// options and no header. Handy for tests and tools.
pub fn generate_to_string(name: &str, text: &str) -> Result<Generated> {
    Config::new()
        .input_text(name, text)
        .header(false)
        .generate_string()
}
