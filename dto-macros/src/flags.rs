//! `#[derive(Flags)]`: every bit operator and set method on a `[Flags]` newtype over an integer;
//! `#[derive(IntEnum)]`: reading an integer enum's newtype from its number or its members' names.

use proc_macro2::TokenStream;
use quote::quote;
use syn::{Data, DeriveInput, Fields};

use crate::string_enum::dto_attr;

/// The integer type of a newtype over an integer (`struct Flags(pub i32);`).
fn newtype_repr<'a>(input: &'a DeriveInput, derive: &str) -> syn::Result<&'a syn::Type> {
    let usage = format!(
        "#[derive(dto::{derive})] is for a newtype over an integer: `struct Flags(pub i32);`"
    );
    let Data::Struct(data) = &input.data else {
        return Err(syn::Error::new_spanned(&input.ident, usage));
    };
    let Fields::Unnamed(fields) = &data.fields else {
        return Err(syn::Error::new_spanned(&input.ident, usage));
    };
    if fields.unnamed.len() != 1 || !input.generics.params.is_empty() {
        return Err(syn::Error::new_spanned(&input.ident, usage));
    }
    Ok(&fields.unnamed[0].ty)
}

/// `Deserialize` from the number, or from member names (any case; with `#[dto(flags)]` a
/// comma-separated list of them), as ServiceStack reads enums and writes nullable `[Flags]`.
pub fn derive_int_enum(input: &DeriveInput) -> syn::Result<TokenStream> {
    let repr = newtype_repr(input, "IntEnum")?;
    let attr = dto_attr(&input.attrs)?;
    let ident = &input.ident;
    let type_name = ident.to_string();
    let flags = attr.flags;
    let names = attr
        .names
        .iter()
        .map(|(name, value)| quote!((#name, (#value) as i128)));
    Ok(quote! {
        #[automatically_derived]
        impl<'de> ::dto::__private::serde::Deserialize<'de> for #ident {
            fn deserialize<D>(deserializer: D) -> ::core::result::Result<Self, D::Error>
            where
                D: ::dto::__private::serde::Deserializer<'de>,
            {
                const NAMES: &[(&str, i128)] = &[#(#names),*];
                let value = ::dto::__private::int_enum::deserialize(deserializer, #type_name, NAMES, #flags)?;
                <#repr as ::core::convert::TryFrom<i128>>::try_from(value)
                    .map(Self)
                    .map_err(|_| ::dto::__private::int_enum::out_of_range::<D::Error>(#type_name, value))
            }
        }
    })
}

pub fn derive(input: &DeriveInput) -> syn::Result<TokenStream> {
    let repr = newtype_repr(input, "Flags")?;
    let ident = &input.ident;
    let binary = [
        (
            quote!(BitOr),
            quote!(bitor),
            quote!(BitOrAssign),
            quote!(bitor_assign),
            quote!(|),
        ),
        (
            quote!(BitAnd),
            quote!(bitand),
            quote!(BitAndAssign),
            quote!(bitand_assign),
            quote!(&),
        ),
        (
            quote!(BitXor),
            quote!(bitxor),
            quote!(BitXorAssign),
            quote!(bitxor_assign),
            quote!(^),
        ),
    ]
    .into_iter()
    .map(|(op, method, assign, assign_method, symbol)| {
        quote! {
            #[automatically_derived]
            impl ::core::ops::#op for #ident {
                type Output = Self;
                fn #method(self, rhs: Self) -> Self {
                    Self(self.0 #symbol rhs.0)
                }
            }
            #[automatically_derived]
            impl ::core::ops::#assign for #ident {
                fn #assign_method(&mut self, rhs: Self) {
                    *self = Self(self.0 #symbol rhs.0);
                }
            }
        }
    });
    Ok(quote! {
        #[automatically_derived]
        impl #ident {
            /// The bits, as written on the wire.
            pub const fn bits(self) -> #repr {
                self.0
            }
            /// Whether no bit is set.
            pub const fn is_empty(self) -> bool {
                self.0 == 0
            }
            /// Whether every bit of `other` is set in `self`.
            pub const fn contains(self, other: Self) -> bool {
                self.0 & other.0 == other.0
            }
            /// Whether any bit of `other` is set in `self`.
            pub const fn intersects(self, other: Self) -> bool {
                self.0 & other.0 != 0
            }
            /// Sets the bits of `other`.
            pub fn insert(&mut self, other: Self) {
                self.0 |= other.0;
            }
            /// Clears the bits of `other`.
            pub fn remove(&mut self, other: Self) {
                self.0 &= !other.0;
            }
        }
        #(#binary)*
        #[automatically_derived]
        impl ::core::ops::Sub for #ident {
            type Output = Self;
            /// The bits of `self` that are not in `rhs`.
            fn sub(self, rhs: Self) -> Self {
                Self(self.0 & !rhs.0)
            }
        }
        #[automatically_derived]
        impl ::core::ops::SubAssign for #ident {
            fn sub_assign(&mut self, rhs: Self) {
                self.0 &= !rhs.0;
            }
        }
        #[automatically_derived]
        impl ::core::ops::Not for #ident {
            type Output = Self;
            fn not(self) -> Self {
                Self(!self.0)
            }
        }
    })
}
