//! Generate Rust DTOs from ServiceStack metadata.
//!
//! The crate reads a ServiceStack service's metadata — `/types/metadata` JSON (every layout
//! from v5 to v10, and `/metadata/app.json`), TypeScript DTOs, or an operation's metadata page
//! — into one intermediate representation ([`model`]), and emits Rust structs and enums that
//! speak both JSON (`serde_json`) and JSV (`jsv`), with request DTOs deriving `dto::Dto`
//! (routes, docs, response type, authentication).
//!
//! Data flows one way: a reader per format → [`model::Schema`] → the include/exclude
//! selection → the emitter → formatted source. [`Config`] ties it together for build scripts, in
//! the style of `prost-build`; the `dtogen` binary is the command-line front end. The public API
//! is that builder, its results ([`Generated`], [`Warning`], [`Error`]), the options' types, the
//! [`model`] (for tools that build or inspect a schema: [`read`], [`Config::generate_schema`])
//! and [`write_atomic`].
//!
//! # Features
//!
//! * default: none. A build script reading metadata files compiles no CLI, HTTP or TLS crate.
//! * `fetch`: URL inputs (`Config::input("https://host/")` fetches `/types/metadata`), on ureq.
//!   Without it a URL input is an [`Error::Fetch`] that says so.
//! * `cli`: the `dtogen` binary (clap; implies `fetch`): `cargo install dto-codegen --features cli`.
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
//!
//! # In a build script
//!
//! ```no_run
//! // build.rs
//! fn main() -> Result<(), Box<dyn std::error::Error>> {
//!     let generated = dto_codegen::Config::new()
//!         .input("schemas/evovoice/types-metadata.json") // or TypeScript, a page, a URL
//!         .include(["AddConferenceMember.*"])
//!         .file_name("evovoice.rs")
//!         .generate()?; // $OUT_DIR/evovoice.rs, cargo:rerun-if-changed, cargo:warning
//!     assert!(generated.path.is_some());
//!     Ok(())
//! }
//! ```
//!
//! then `include!(concat!(env!("OUT_DIR"), "/evovoice.rs"));` where the DTOs should live.
//!
//! # Type mapping
//!
//! | .NET (metadata JSON) | Rust |
//! | --- | --- |
//! | `Int32`, `Int64`, `UInt64`, `Int16`, `Byte`, ... | `i32`, `i64`, `u64`, `i16`, `u8`, ... |
//! | `Double`, `Single` | `f64`, `f32` |
//! | `Boolean` | `bool` |
//! | `String`, `Char` | `String` |
//! | `DateTime`, `DateOnly` | `dto::DateTime` |
//! | `DateTimeOffset` | `dto::DateTimeOffset` |
//! | `TimeSpan`, `TimeOnly` | `dto::TimeSpan` |
//! | `Guid` | `dto::Guid` |
//! | `Decimal` | `dto::Decimal` (keeps its scale: `3.30`) |
//! | `Byte[]`, `Stream` | `dto::Bytes` (base64 on the wire) |
//! | `Uri`, `BigInteger` | `String` |
//! | ServiceStack's own DTOs the metadata leaves out (`ResponseStatus`, `QueryResponse<T>`, `QueryDb<T>`, `AuthUserSession`, ...), .NET's `KeyValuePair<K, V>`, `Tuple<..>`, `DayOfWeek` | generated with their published shapes (a type of the input with the same name wins) |
//! | NodaTime's structs (`Instant`, `LocalDate`, `Duration`, ...) | `String` (their ISO text, as ServiceStack writes a struct) |
//! | `Object`, interfaces, types defined nowhere | `dto::Value` |
//! | `Nullable<T>`, optional members | `Option<T>` |
//! | `List<T>`, `T[]`, `IEnumerable<T>`, ... | `Vec<T>` |
//! | `Dictionary<K, V>` | `dto::IndexMap<K, V>` (order-preserving) |
//! | TypeScript `number` | `f64` ([`Config::number_type`] to change) |
//! | string enum | Rust enum (`dto::Enum`), variants renamed to the wire names, first is `Default`, `Unknown(String)` keeps new values |
//! | integer / `[Flags]` enum | integer newtype with one constant per member (flags combine with `\|`) |
//!
//! The `dto` types write exactly ServiceStack's text (see `dto::types`).
//! [`Config::dotnet_types`] (`--dotnet-types`) chooses others: [`DotnetTypes::Strings`] keeps
//! the wire text in `String`s; [`DotnetTypes::Chrono`] and [`DotnetTypes::Time`] type date-time and
//! duration members with chrono's or time's types, through `dto`'s serde adapters (so the text
//! stays exact; the generated code then needs `dto`'s `chrono` or `time` feature and that crate).
//!
//! # The generated code
//!
//! * every struct derives `Debug, Clone, PartialEq, Default, Serialize, Deserialize` and
//!   `dto::Type` (so a `dto-server` host can publish it in `/types/metadata`) and has
//!   `#[serde(default)]`: ServiceStack leaves members at their default when a value is absent;
//! * request DTOs (types named by a [`model::Operation`]) also derive `dto::Dto` with `#[route]`,
//!   `#[returns]`/`#[returns_void]`, `#[authenticate]`; descriptions are doc comments (the derive
//!   reads them), and `#[api]`/`#[api_member]` are written only for what docs cannot say;
//! * fields are snake_case under one `#[serde(rename_all)]` when it gives the wire names, with
//!   `#[serde(rename = "...")]` only where it does not; optional members are `Option<T>` with
//!   `skip_serializing_if`;
//! * base-class fields are copied into derived structs after the derived type's own fields
//!   (JSV's wire order), with generic bases substituted — never `#[serde(flatten)]`, which
//!   breaks formats that are not self-describing;
//! * string enums derive `dto::Enum` (wire names, read ignoring case, `as_str()` and `Display`,
//!   a catch-all `Unknown(String)` keeping a newer service's values); integer and `[Flags]` enums
//!   are integer newtypes with one constant per member, written as the number and read from the
//!   number or member names (`dto::IntEnum`), flags with every bit operator (`dto::Flags`);
//!   newtypes over lists and maps deref to them;
//! * std types are written fully qualified (`::std::option::Option`) so DTOs named `Option`,
//!   `Result`, `String` or `Value` cannot shadow them; recursive members are boxed;
//! * a name two namespaces define keeps both definitions: the request's (or else the first) has
//!   the name, the other is named after its namespace (`Shop.Orders` + `Item` → `OrdersItem`),
//!   and each reference means the definition in the namespace the metadata gives, else in the
//!   referring type's own namespace (C#'s rule);
//! * the code is laid out as `prettyplease` would print it (and always parses: the fuzz targets
//!   check it), so generated files read like formatted Rust and diff cleanly.

mod config;
mod emit;
mod error;
mod fetch;
pub mod model;
mod read;
mod select;

pub use config::{Config, Generated, write_atomic};
pub use emit::{DotnetTypes, NumberType};
pub use error::{Error, Result};
pub use model::Warning;
pub use read::Format;

/// Reads one metadata document (`file` names it in messages and warnings) into a
/// [`model::Schema`], without selecting or emitting anything.
pub fn read(text: &str, file: &str, format: Format) -> Result<model::Schema> {
    read::read(text, file, format)
}

/// Generates Rust source from in-memory metadata text (format detected), with default
/// options and no header. Handy for tests and tools.
pub fn generate_to_string(name: &str, text: &str) -> Result<Generated> {
    Config::new()
        .input_text(name, text)
        .header(false)
        .generate_string()
}
