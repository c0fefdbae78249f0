//! `#[derive(Enum)]`: a ServiceStack string enum, written as its member's wire name and read
//! ignoring case (or by member number), with an optional catch-all variant keeping values a newer
//! service sends.

use proc_macro2::TokenStream;
use quote::quote;
use syn::{Attribute, Data, DeriveInput, Expr, Fields, LitStr, Token};

use crate::ast::unraw;

/// What `#[dto(..)]` says on a variant, an enum or an integer enum's newtype.
#[derive(Default)]
pub struct DtoAttr {
    pub rename: Option<String>,
    pub other: bool,
    /// `names("Name" = value, ..)`: an integer enum's members.
    pub names: Vec<(LitStr, Expr)>,
    /// `flags`: an integer enum whose members combine (`"Read, Write"` reads as their union).
    pub flags: bool,
}

/// Reads `#[dto(rename = "..")]`, `#[dto(other)]`, `#[dto(names("A" = 1, ..))]` and `#[dto(flags)]`.
pub fn dto_attr(attrs: &[Attribute]) -> syn::Result<DtoAttr> {
    let mut parsed = DtoAttr::default();
    for attr in attrs.iter().filter(|a| a.path().is_ident("dto")) {
        attr.parse_nested_meta(|meta| {
            if meta.path.is_ident("rename") {
                parsed.rename = Some(meta.value()?.parse::<LitStr>()?.value());
                Ok(())
            } else if meta.path.is_ident("other") {
                parsed.other = true;
                Ok(())
            } else if meta.path.is_ident("flags") {
                parsed.flags = true;
                Ok(())
            } else if meta.path.is_ident("names") {
                let content;
                syn::parenthesized!(content in meta.input);
                let pairs = content.parse_terminated(
                    |input| {
                        let name: LitStr = input.parse()?;
                        input.parse::<Token![=]>()?;
                        Ok((name, input.parse::<Expr>()?))
                    },
                    Token![,],
                )?;
                parsed.names.extend(pairs);
                Ok(())
            } else {
                Err(meta.error(
                    "expected `rename = \"..\"`, `other`, `names(\"..\" = ..)` or `flags` in #[dto(..)]",
                ))
            }
        })?;
    }
    Ok(parsed)
}

pub fn derive(input: &DeriveInput) -> syn::Result<TokenStream> {
    let Data::Enum(data) = &input.data else {
        return Err(syn::Error::new_spanned(
            &input.ident,
            "#[derive(dto::Enum)] is for enums of unit variants (and one `#[dto(other)] Other(String)`)",
        ));
    };
    let ident = &input.ident;
    if !input.generics.params.is_empty() {
        return Err(syn::Error::new_spanned(
            &input.generics,
            "#[derive(dto::Enum)] enums cannot be generic",
        ));
    }
    let mut known = Vec::new();
    let mut other = None;
    for variant in &data.variants {
        let attr = dto_attr(&variant.attrs)?;
        let vident = &variant.ident;
        match &variant.fields {
            Fields::Unit if !attr.other => {
                let wire = attr.rename.unwrap_or_else(|| unraw(vident));
                known.push((vident, wire));
            }
            Fields::Unnamed(fields) if attr.other && fields.unnamed.len() == 1 => {
                if other.is_some() {
                    return Err(syn::Error::new_spanned(
                        variant,
                        "only one variant can be #[dto(other)]",
                    ));
                }
                other = Some(vident);
            }
            _ => {
                return Err(syn::Error::new_spanned(
                    variant,
                    "a variant of #[derive(dto::Enum)] is a unit variant, or `#[dto(other)] Name(String)`",
                ));
            }
        }
    }
    let idents: Vec<_> = known.iter().map(|(v, _)| *v).collect();
    let wires: Vec<_> = known.iter().map(|(_, w)| w.as_str()).collect();
    let indexes: Vec<u64> = (0..known.len() as u64).collect();
    let expecting = format!("a {} value", unraw(ident));
    let other_as_str = other.map(|o| quote!(Self::#o(text) => text.as_str(),));
    let unknown_text = match other {
        Some(o) => quote!(::core::result::Result::Ok(Self::#o(::std::string::String::from(text)))),
        None => quote!(::core::result::Result::Err(text)),
    };
    Ok(quote! {
        #[automatically_derived]
        impl #ident {
            /// The value as it is written on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    #(Self::#idents => #wires,)*
                    #other_as_str
                }
            }

            /// The value named `text` (exactly, else ignoring case, as ServiceStack reads enums),
            /// or numbered `text` (JSV and query strings carry numbers as text).
            fn __from_wire(text: &str) -> ::core::result::Result<Self, &str> {
                #(if text == #wires { return ::core::result::Result::Ok(Self::#idents); })*
                #(if text.eq_ignore_ascii_case(#wires) { return ::core::result::Result::Ok(Self::#idents); })*
                if let ::core::option::Option::Some(value) = text.trim().parse::<u64>().ok().and_then(Self::__from_index) {
                    return ::core::result::Result::Ok(value);
                }
                #unknown_text
            }

            /// The member numbered `index` (declaration order).
            fn __from_index(index: u64) -> ::core::option::Option<Self> {
                match index {
                    #(#indexes => ::core::option::Option::Some(Self::#idents),)*
                    _ => ::core::option::Option::None,
                }
            }
        }

        #[automatically_derived]
        impl ::core::fmt::Display for #ident {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        #[automatically_derived]
        impl ::dto::serde::Serialize for #ident {
            fn serialize<S: ::dto::serde::Serializer>(&self, serializer: S) -> ::core::result::Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        #[automatically_derived]
        impl<'de> ::dto::serde::Deserialize<'de> for #ident {
            fn deserialize<D: ::dto::serde::Deserializer<'de>>(deserializer: D) -> ::core::result::Result<Self, D::Error> {
                struct Visitor;
                impl<'de> ::dto::serde::de::Visitor<'de> for Visitor {
                    type Value = #ident;
                    fn expecting(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                        f.write_str(#expecting)
                    }
                    fn visit_str<E: ::dto::serde::de::Error>(self, text: &str) -> ::core::result::Result<#ident, E> {
                        #ident::__from_wire(text).map_err(|text| {
                            E::unknown_variant(text, &[#(#wires),*])
                        })
                    }
                    fn visit_u64<E: ::dto::serde::de::Error>(self, index: u64) -> ::core::result::Result<#ident, E> {
                        match #ident::__from_index(index) {
                            ::core::option::Option::Some(value) => ::core::result::Result::Ok(value),
                            ::core::option::Option::None => self.visit_str(&index.to_string()),
                        }
                    }
                    fn visit_i64<E: ::dto::serde::de::Error>(self, index: i64) -> ::core::result::Result<#ident, E> {
                        match u64::try_from(index) {
                            ::core::result::Result::Ok(index) => self.visit_u64(index),
                            ::core::result::Result::Err(_) => self.visit_str(&index.to_string()),
                        }
                    }
                }
                deserializer.deserialize_any(Visitor)
            }
        }
    })
}
