//! The derive input as this crate sees it: a named-field (or unit) struct, its attributes and its
//! fields' wire names.

use syn::{Data, DeriveInput, Fields, Generics, Ident};

use crate::attr;
use crate::ctxt::Ctxt;

/// A struct deriving `Dto`.
pub struct Container<'a> {
    pub ident: &'a Ident,
    pub generics: &'a Generics,
    pub attrs: attr::Container,
    /// The operation name: the serde rename of the struct, else its name (raw `r#` removed).
    pub name: String,
    pub fields: Vec<Field<'a>>,
}

/// A named field.
pub struct Field<'a> {
    pub ident: &'a Ident,
    pub attrs: attr::Field,
    /// The serialized name: the serde rename, else the struct's `rename_all` rule applied to the
    /// field name (raw `r#` removed).
    pub wire_name: String,
}

impl Field<'_> {
    /// Whether the field is serialized under its own name (not skipped, not flattened).
    pub fn is_serialized(&self) -> bool {
        !self.attrs.skip_serializing && !self.attrs.flatten
    }
}

/// An identifier's text without a `r#` prefix, as serde names it.
pub fn unraw(ident: &Ident) -> String {
    let text = ident.to_string();
    match text.strip_prefix("r#") {
        Some(stripped) => stripped.to_owned(),
        None => text,
    }
}

impl<'a> Container<'a> {
    /// Reads `input`; `None` (with the error reported) when it is not a struct with named fields or
    /// a unit struct.
    pub fn from_ast(cx: &Ctxt, input: &'a DeriveInput) -> Option<Self> {
        let attrs = attr::Container::from_ast(cx, &input.attrs);
        let named = match &input.data {
            Data::Struct(data) => match &data.fields {
                Fields::Named(named) => Some(named),
                Fields::Unit => None,
                Fields::Unnamed(unnamed) => {
                    cx.error_spanned_by(
                        unnamed,
                        "#[derive(Dto)] needs named fields (a ServiceStack request DTO is a class with properties), not a tuple struct",
                    );
                    return None;
                }
            },
            Data::Enum(data) => {
                cx.error_spanned_by(
                    data.enum_token,
                    "#[derive(Dto)] is for request structs: an enum cannot be a ServiceStack request DTO",
                );
                return None;
            }
            Data::Union(data) => {
                cx.error_spanned_by(
                    data.union_token,
                    "#[derive(Dto)] is for request structs: a union cannot be a ServiceStack request DTO",
                );
                return None;
            }
        };
        let rule = attrs.rename_all;
        let fields = named
            .map(|named| {
                named
                    .named
                    .iter()
                    .map(|field| {
                        let ident = field.ident.as_ref().expect("named field");
                        let attrs = attr::Field::from_ast(cx, &field.attrs);
                        let wire_name = match &attrs.serde_rename {
                            Some(name) => name.clone(),
                            None => rule.apply_to_field(&unraw(ident)),
                        };
                        Field {
                            ident,
                            attrs,
                            wire_name,
                        }
                    })
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default();
        Some(Container {
            ident: &input.ident,
            generics: &input.generics,
            name: attrs
                .serde_rename
                .clone()
                .unwrap_or_else(|| unraw(&input.ident)),
            attrs,
            fields,
        })
    }
}
