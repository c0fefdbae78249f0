//! `#[derive(Dto)]`: ServiceStack request metadata for Rust DTOs, checked at compile time.
//!
//! Use it through the `dto` crate (`dto::Dto`), which documents the attributes and holds the
//! runtime (`dto::Request`, `dto::Route`, `dto::ApiMember`, URL building). The derive emits
//! `impl ::dto::Request`, so the deriving crate must depend on `dto`.
//!
//! The crate is laid out like `serde_derive`: `ast` reads the input, `attr` the attributes,
//! `valid` checks the whole, `expand` writes the impls; every problem goes into one error
//! accumulator (`ctxt::Ctxt`) so a build reports them all at once, each on its own token.

mod ast;
mod attr;
mod case;
mod ctxt;
mod expand;
mod flags;
mod route;
mod string_enum;
mod type_info;
mod valid;

use proc_macro::TokenStream;
use syn::{DeriveInput, parse_macro_input};

/// Derives `dto::Request` for a ServiceStack request DTO. See the `dto` crate's documentation for
/// the attributes (`#[route]`, `#[api]`, `#[api_member]`, `#[returns]`, `#[returns_void]`,
/// `#[authenticate]`) and the compile-time checks.
#[proc_macro_derive(
    Dto,
    attributes(route, api, api_member, returns, returns_void, authenticate)
)]
pub fn derive_dto(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    expand::derive(&input).into()
}

/// Derives `dto::metadata::Type`: the struct or enum described as ServiceStack describes .NET
/// types (properties with their .NET type names and wire names, doc comments as descriptions,
/// enum names), for the `/types/metadata` a host publishes. Reads serde's `rename`,
/// `rename_all`, `skip` and `flatten` (flattened fields are left out).
#[proc_macro_derive(Type, attributes(dto))]
pub fn derive_type(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    type_info::derive(&input)
        .unwrap_or_else(syn::Error::into_compile_error)
        .into()
}

/// Derives serde's `Serialize` and `Deserialize`, `Display` and `as_str()` for a ServiceStack
/// string enum: each unit variant is written as its name (or `#[dto(rename = "..")]`) and read
/// by name (exactly, else ignoring case, as ServiceStack reads enums) or by its number; a
/// `#[dto(other)] Other(String)` variant keeps any other value as sent and writes it back
/// unchanged (a newer service's member), where without one such a value is an error.
#[proc_macro_derive(Enum, attributes(dto))]
pub fn derive_enum(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    string_enum::derive(&input)
        .unwrap_or_else(syn::Error::into_compile_error)
        .into()
}

/// Derives every bit operator (`| & ^ !` and `-` for difference, with their `=` forms) and the
/// set methods (`bits`, `is_empty`, `contains`, `intersects`, `insert`, `remove`) for a
/// ServiceStack `[Flags]` enum written as a newtype over an integer (`struct Flags(pub i32)`),
/// which keeps bits it has no name for.
#[proc_macro_derive(Flags)]
pub fn derive_flags(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    flags::derive(&input)
        .unwrap_or_else(syn::Error::into_compile_error)
        .into()
}

/// Derives serde's `Deserialize` for a ServiceStack integer enum written as a newtype over an
/// integer (`struct Level(pub i32);`): read from its number, or from a member's name in any case
/// as listed by `#[dto(names("Low" = 1, "High" = 5))]`, and with `#[dto(flags)]` from a
/// comma-separated list of names (`"Read, Write"`, which ServiceStack writes for nullable
/// `[Flags]` members). Serialize it as the integer with `#[serde(transparent)]`.
#[proc_macro_derive(IntEnum, attributes(dto))]
pub fn derive_int_enum(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    flags::derive_int_enum(&input)
        .unwrap_or_else(syn::Error::into_compile_error)
        .into()
}
