//! Runtime support for ServiceStack request DTOs: routes, API documentation, response types and the
//! URL ServiceStack's own clients would call.
//!
//! A ServiceStack request DTO carries `[Route("/path/{Var}", "GET,POST")]`, `[Api(Description=..)]`,
//! `[ApiMember(..)]`, `IReturn<TResponse>` / `IReturnVoid` and `[Authenticate]`. In Rust the same
//! metadata is written as attributes read by [`#[derive(Dto)]`](macro@Dto), which checks it at compile
//! time and implements [`Request`]:
//!
//! ```
//! use dto::{Dto, Request};
//! use serde::{Deserialize, Serialize};
//!
//! #[derive(Debug, Default, Serialize, Deserialize)]
//! #[serde(rename_all = "camelCase")]
//! pub struct SessionInfo {
//!     pub id: Option<String>,
//! }
//!
//! #[derive(Debug, Default, Serialize, Deserialize, Dto)]
//! #[serde(rename_all = "camelCase")]
//! #[route("/sessions/{sessionId}/conference/members", "POST")]
//! #[api(description = "Converts the specified call into a conference call if necessary and dials the specified member.")]
//! #[returns(SessionInfo)]
//! #[authenticate]
//! pub struct AddConferenceMember {
//!     /// The ID of the active session
//!     #[serde(skip_serializing_if = "Option::is_none")]
//!     #[api_member(description = "The ID of the active session")]
//!     pub session_id: Option<String>,
//!     /// The party to invite to the conference
//!     #[serde(skip_serializing_if = "Option::is_none")]
//!     #[api_member(description = "The party to invite to the conference")]
//!     pub destination: Option<String>,
//! }
//!
//! let request = AddConferenceMember {
//!     session_id: Some("s 1/2".into()),
//!     destination: Some("+15551234567".into()),
//! };
//! assert_eq!(request.to_url("POST").unwrap(), "/sessions/s%201%2F2/conference/members");
//! assert!(AddConferenceMember::REQUIRES_AUTH);
//! assert_eq!(AddConferenceMember::MEMBERS[0].wire_name, "sessionId");
//!
//! // No route allows GET: the pre-defined route, with the fields in the query string.
//! assert_eq!(
//!     request.to_url("GET").unwrap(),
//!     "/json/reply/AddConferenceMember?sessionId=s%201%2F2&destination=%2B15551234567",
//! );
//!
//! // A route allows POST, but its variable is not set.
//! let err = AddConferenceMember::default().to_url("POST").unwrap_err();
//! assert_eq!(err.missing_variables(), ["sessionId"]);
//! ```
//!
//! Generated DTOs need only `dto` and `serde`: this crate re-exports the derive ([`Dto`]), [`Value`]
//! and [`Map`] (from `jsv`, for untyped members), [`IndexMap`], and [`serde`] itself.
//!
//! # The attributes
//!
//! | attribute | on | ServiceStack | meaning |
//! | --- | --- | --- | --- |
//! | `#[route("/path/{var}")]`, `#[route("/path", "GET,POST")]`, `#[route("/path", verbs = "GET")]` | struct, repeatable | `[Route]` | a route; verbs separated by `,` or spaces, any case; none (or `ANY`, `*`) means every verb |
//! | `#[api(description = "...")]`, `#[api("...")]` | struct | `[Api]` | [`Request::DESCRIPTION`] |
//! | `#[returns(Type)]` | struct | `IReturn<Type>` | [`Request::Response`] is `Type` |
//! | `#[returns_void]` | struct | `IReturnVoid` | `Response` is `()`, and [`ReturnsVoid`] is implemented |
//! | `#[authenticate]` | struct | `[Authenticate]` | [`Request::REQUIRES_AUTH`] |
//! | `#[api_member(description = "...", is_required, parameter_type = "path", data_type = "string", name = "...")]` | field | `[ApiMember]` | that field's [`ApiMember`]; every key is optional, `is_required` may also be `is_required = false` |
//!
//! Descriptions come from the doc comments, as clap takes help text from them: the first
//! paragraph of the struct's `///` is [`Request::DESCRIPTION`] and of a field's is its
//! [`ApiMember::description`] (lines joined with spaces, rustdoc's `\[ \] \< \>` escapes undone);
//! `#[api(description)]` and `#[api_member(description)]` override them.
//!
//! Without `#[returns]` or `#[returns_void]`, `Response` is [`Value`]: the response is not typed, as
//! for a C# DTO without `IReturn<T>`.
//!
//! **Wire names** come from serde: a field's `#[serde(rename = "..")]` (or `rename(serialize = ..)`),
//! else the struct's `#[serde(rename_all = "..")]` rule (`lowercase`, `UPPERCASE`, `PascalCase`,
//! `camelCase`, `snake_case`, `SCREAMING_SNAKE_CASE`, `kebab-case`, `SCREAMING-KEBAB-CASE`, applied
//! exactly as serde applies them) on the field name, with a raw identifier's `r#` dropped (`r#type`
//! is `type`). Fields with `#[serde(skip)]` or `#[serde(skip_serializing)]` are not sent and are not
//! members. The operation name [`Request::NAME`] is the struct's `#[serde(rename)]`, else its name.
//! Generic structs are supported (the impls are bounded on the struct being `Serialize`).
//!
//! # Type information and string enums
//!
//! [`#[derive(Type)]`](macro@Type) describes a struct or enum as ServiceStack describes .NET
//! types ([`metadata::Type`]): what a `dto-server` host publishes in `/types/metadata`.
//! [`#[derive(Enum)]`](macro@Enum) makes a ServiceStack string enum: written as its wire names,
//! read ignoring case or by number, with `as_str()` and `Display`, and a `#[dto(other)]
//! Unknown(String)` variant that keeps a value a newer service sends:
//!
//! ```
//! #[derive(Debug, Clone, PartialEq, Default, dto::Enum, dto::Type)]
//! pub enum SessionCallState {
//!     #[default]
//!     Disconnected,
//!     #[dto(rename = "ringing-now")]
//!     Ringing,
//!     #[dto(other)]
//!     Unknown(String),
//! }
//!
//! let state: SessionCallState = jsv::from_str("RINGING-NOW").unwrap();
//! assert_eq!(state, SessionCallState::Ringing);
//! let newer: SessionCallState = serde_json::from_str(r#""Transferring""#).unwrap();
//! assert_eq!(newer, SessionCallState::Unknown("Transferring".into()));
//! assert_eq!(jsv::to_string(&newer).unwrap(), "Transferring");
//! assert_eq!(SessionCallState::Ringing.to_string(), "ringing-now");
//! ```
//!
//! # Compile-time checks
//!
//! `#[derive(Dto)]` reports all of these at once, each on the offending token:
//!
//! * a route variable that matches no serialized field (compared case-insensitively with the wire
//!   names; not checked when the struct has a `#[serde(flatten)]` field, whose names it cannot see),
//!   or that names a skipped field. ServiceStack's `{ignore}` variable (a segment its server skips)
//!   needs no field; a route with it is chosen only if a field of that name is set, as in the C#
//!   client;
//! * a malformed route: not starting with `/`, containing `?` or `#`, unbalanced or nested braces, an
//!   empty variable `{}`, `*` other than at the end of a variable, whitespace in a variable name, a
//!   variable that does not fill a whole segment between `/` and `.` separators (`/a-{Id}`; the C#
//!   client rejects these too), or the same variable twice;
//! * an unknown verb (anything but `GET POST PUT DELETE PATCH HEAD OPTIONS`, `ANY` or `*`, in any
//!   case) or an empty verb list;
//! * a duplicate route: the same path (ignoring case) declared twice with the same verbs (routes that
//!   share a path but name different verbs, even overlapping ones like `ANY` beside `GET`, are fine:
//!   the server prefers the route that names the verb);
//! * both `#[returns]` and `#[returns_void]`, or any struct attribute given twice;
//! * `#[api_member]` on a skipped or flattened field, or twice on one field;
//! * an unknown key in `#[route]`, `#[api]` or `#[api_member]`, and struct attributes on fields or
//!   field attributes on the struct;
//! * deriving on an enum, a union or a tuple struct (unit structs and `struct X {}` are fine).
//!
//! # How [`Request::to_url`] builds the URL
//!
//! The request is serialized (with serde, through [`jsv::query::to_query_pairs`]) into its set
//! fields: `None` fields are absent, every other field is a wire name and a value. Then, for the verb
//! (compared case-insensitively):
//!
//! 1. The **candidate routes** are those allowing the verb. If there are none, the URL is
//!    ServiceStack's pre-defined `/json/reply/{NAME}`.
//! 2. Among the candidates, those whose variables are **all set** qualify (a `{name*}` wildcard may be
//!    unset: it then stands for nothing, as in ServiceStack). Variables are matched with wire names
//!    case-insensitively. If none qualifies, the result is [`Error::MissingRouteVariables`], naming
//!    each route's missing variables.
//! 3. The qualifying route with the **most variables** wins; on a tie the one with the shorter path
//!    (ServiceStack's tie-break), then the one declared first.
//! 4. Each `{var}` is replaced by its value's plain text (a string verbatim, a number, `True`/`False`,
//!    an enum variant's name) **percent-encoded as a path segment** with
//!    [`url::percent_encode`]: everything but `A-Z a-z 0-9 - . _ ~` becomes `%XX`, so `+` is
//!    `%2B`, `/` is `%2F`, a space `%20`, `é` `%C3%A9`. A `{var*}` wildcard keeps `/` as a
//!    separator and encodes each segment. An empty value, a list or an object cannot be a path
//!    segment: [`Error::InvalidPathValue`]. The route's literal text is kept as written.
//! 5. For `GET`, `DELETE`, `HEAD` and `OPTIONS` ([`url::has_request_body`] is false), every set field
//!    that is not a variable of the chosen route is appended as `?name=value&...` in field order:
//!    scalars as their plain text, lists and objects as their JSV text (`ids=[1,2]`,
//!    `range={from:2017-01-01,to:"a,b"}`, with JSV quoting inside), all percent-encoded the same way.
//!    Other verbs send the request in the body, so the URL has no query string.
//!
//! ## Where this differs from ServiceStack's C# client (`UrlExtensions.ToUrl`)
//!
//! * When the DTO has routes but none allows the verb, the C# client throws; the issue this crate
//!   implements asks for the pre-defined route instead, which ServiceStack's server always serves.
//! * Two qualifying routes with the same number of variables and path length but different variables
//!   make the C# client throw "ambiguous"; here the first declared wins.
//! * The C# client writes list values without their outer brackets (`ids=1,2`) and a list path value
//!   as `1%2C2`; here lists keep their brackets in the query (ServiceStack's server reads both) and a
//!   list or object path value, or an empty one (which the C# client turns into `//`), is an error.
//! * Route priorities (`[Route(Priority=..)]`) are not modelled.
//!
//! # Features
//!
//! * `servicestack`: derived DTOs also implement the official
//!   [`servicestack`](https://docs.rs/servicestack) client crate's traits, so its `JsonServiceClient`
//!   can send them: `IRequest` (`NAME` as above; `VERB` the first verb a route lists, ignoring `ANY`,
//!   else `POST`), and `IReturn` with `Response` = the `#[returns]` type (or [`Value`] when none is
//!   declared), or `IReturnVoid` for `#[returns_void]`. That client always posts to its own
//!   pre-defined `/api/{NAME}` route, not to the DTO's routes; use [`Request::to_url`] with its URL
//!   methods (`get_url`, `post_url`, ...) to call the routes.

extern crate self as dto;

pub mod builtin;
mod error;
#[doc(hidden)]
pub mod int_enum;
pub mod metadata;
mod request;
mod route;
pub mod types;
pub mod url;

pub use crate::builtin::{
    Authenticate, AuthenticateResponse, ErrorResponse, GetAccessToken, GetAccessTokenResponse,
    ResponseError, ResponseStatus,
};
pub use crate::error::{Error, PathValueProblem, UnmatchedRoute};
pub use crate::request::{Request, ReturnsVoid};
pub use crate::route::{ApiMember, Route, RoutePiece, RouteVariable};
pub use crate::types::{Bytes, DateTime, DateTimeKind, DateTimeOffset, Decimal, Guid, TimeSpan};

pub use crate::metadata::Type;
pub use dto_macros::{Dto, Enum, Flags, IntEnum, Type};
pub use indexmap::IndexMap;
pub use jsv::{Map, Value};
pub use serde;

/// Not public API: what the derive's generated code refers to.
#[doc(hidden)]
pub mod __private {
    pub use crate::int_enum;
    pub use serde;
    #[cfg(feature = "servicestack")]
    pub use servicestack;
}

/// Not public API. Called by `#[derive(Dto)]` for every DTO; with the `servicestack` feature it
/// implements that crate's `IRequest` and `IReturn`/`IReturnVoid`, without it it expands to nothing.
/// A derive cannot see this crate's features, so the choice is made here.
#[cfg(feature = "servicestack")]
#[doc(hidden)]
#[macro_export]
macro_rules! __servicestack_impls {
    ([$($impl_generics:tt)*] [$($ty:tt)*] [$($where:tt)*] $verb:literal returns [$($response:tt)*]) => {
        $crate::__servicestack_impls!(@request [$($impl_generics)*] [$($ty)*] [$($where)*] $verb);
        #[automatically_derived]
        impl $($impl_generics)* $crate::__private::servicestack::IReturn for $($ty)*
        where
            $($where)*
            $($response)*: $crate::__private::serde::de::DeserializeOwned,
        {
            type Response = $($response)*;
        }
    };
    ([$($impl_generics:tt)*] [$($ty:tt)*] [$($where:tt)*] $verb:literal void) => {
        $crate::__servicestack_impls!(@request [$($impl_generics)*] [$($ty)*] [$($where)*] $verb);
        #[automatically_derived]
        impl $($impl_generics)* $crate::__private::servicestack::IReturnVoid for $($ty)* where $($where)* {}
    };
    ([$($impl_generics:tt)*] [$($ty:tt)*] [$($where:tt)*] $verb:literal none) => {
        $crate::__servicestack_impls!(
            [$($impl_generics)*] [$($ty)*] [$($where)*] $verb returns [$crate::Value]
        );
    };
    (@request [$($impl_generics:tt)*] [$($ty:tt)*] [$($where:tt)*] $verb:literal) => {
        #[automatically_derived]
        impl $($impl_generics)* $crate::__private::servicestack::IRequest for $($ty)* where $($where)* {
            const NAME: &'static str = <Self as $crate::Request>::NAME;
            const VERB: &'static str = $verb;
        }
    };
}

/// Not public API. Called by `#[derive(Dto)]` for every DTO; with the `servicestack` feature it
/// implements that crate's `IRequest` and `IReturn`/`IReturnVoid`, without it it expands to nothing.
/// A derive cannot see this crate's features, so the choice is made here.
#[cfg(not(feature = "servicestack"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __servicestack_impls {
    ($($tokens:tt)*) => {};
}
