//! JSV for serde: ServiceStack's compact "JSON + CSV" text format (`text/jsv`), byte-compatible with
//! ServiceStack.Text.
//!
//! JSV looks like JSON without the quotes: `{Id:1,Name:Hello World,Tags:[a,"b,c"]}`. Strings are
//! CSV-quoted only when they contain one of `" : , { } [ ] CR LF`; there is no null (absent members
//! and empty values are null), no escape sequences, and no type markers: the reader parses each
//! scalar as the type asked for.
//!
//! ```
//! use serde::{Deserialize, Serialize};
//!
//! #[derive(Serialize, Deserialize, Debug, PartialEq)]
//! #[serde(rename_all = "PascalCase")]
//! struct Breadcrumb {
//!     id: String,
//!     name: Option<String>,
//!     tags: Vec<String>,
//!     active: bool,
//! }
//!
//! let crumb = Breadcrumb { id: "c1".into(), name: None, tags: vec!["a".into(), "b,c".into()], active: true };
//! let text = jsv::to_string(&crumb).unwrap();
//! assert_eq!(text, r#"{Id:c1,Tags:[a,"b,c"],Active:True}"#);
//!
//! // Member names match case-insensitively, as in ServiceStack.
//! let back: Breadcrumb = jsv::from_str("{id:c1,tags:[a,\"b,c\"],active:true}").unwrap();
//! assert_eq!(back, crumb);
//!
//! // Pretty output is exactly ServiceStack's `JsvFormatter.Format` layout.
//! assert_eq!(jsv::to_string_pretty(&crumb).unwrap(), "{\n\tId: c1,\n\tTags: \n\t[\n\t\ta,\n\t\t\"b,c\"\n\t],\n\tActive: True\n}");
//! ```
//!
//! # Where this crate deliberately differs from ServiceStack
//!
//! * A value that does not parse as its type (`{Id:abc}` for an integer, an unknown enum name, a bad
//!   boolean) is an error with line and column. ServiceStack silently keeps the member's default.
//! * ServiceStack writes `DateTime` text unquoted although it holds `:`. A type that is such a value
//!   says so through [`RAW_SCALAR`] (see [`raw`]; `dto`'s `DateTime`, `DateTimeOffset`, `TimeSpan`,
//!   `Guid`, `Decimal` and `Bytes` do) and is written exactly as ServiceStack writes it. A Rust
//!   `String` does not say whether it holds a .NET `DateTime`, so for strings the writer leaves
//!   unquoted only text of the exact shape .NET gives local and offset date-times
//!   (`2012-06-21T13:14:15.0000000+02:00`); UTC text ending in `Z` is quoted like any string with
//!   `:`, as ServiceStack writes `string` properties (where such text is common). Both forms read
//!   back everywhere, in ServiceStack too. A raw scalar used as a map key is quoted when it needs to
//!   be: ServiceStack's unquoted date keys cannot be read back.
//! * `char` values that need quoting are quoted like one-character strings; ServiceStack writes them
//!   raw and cannot read `,`, `"` or `{` back.
//! * Member names are trimmed of whitespace before matching (ServiceStack 5 keeps `{ Id:1}`'s key as
//!   `" Id"` and drops it), and also match ignoring `_` and `-` after case (`user_name` = `UserName`).
//! * Doubles are written with the shortest digits that round-trip (as .NET Core), laid out as .NET
//!   Framework's 15-digit "G" format (`1E+15`, `1E-05`): identical to ServiceStack whenever 15 digits
//!   suffice, and never lossy. `-0.0` is written `0` as ServiceStack does.
//! * The reader accepts a trailing quoted value's whitespace, and input that stops before its closing
//!   brackets (as ServiceStack does), but not a trailing comma, text after the value, or an
//!   unterminated quote, which ServiceStack truncates silently.
//! * A list that holds more items than a fixed-size target (a tuple, an array) is an error.

#![deny(unsafe_code)]

mod de;
mod error;
mod number;
mod pretty;
pub mod query;
pub mod raw;
mod scalar;
mod ser;
mod swar;
mod token;
pub mod value;

pub use crate::de::{Deserializer, from_reader, from_slice, from_str};
pub use crate::error::{Category, Error, Result};
pub use crate::pretty::{PrettyFormatter, format, to_string_pretty, to_writer_pretty};
pub use crate::raw::RAW_SCALAR;
pub use crate::ser::{CompactFormatter, Formatter, Serializer, to_string, to_vec, to_writer};
pub use crate::value::{Map, Value};
