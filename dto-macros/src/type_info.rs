//! `#[derive(Type)]`: a struct or enum described as ServiceStack describes .NET types, for the
//! `/types/metadata` a host publishes.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use syn::visit_mut::VisitMut;
use syn::{Data, DeriveInput, Fields, Ident};

use crate::ast::unraw;
use crate::attr::{doc_description, parse_serde_container, parse_serde_field};
use crate::case::RenameRule;
use crate::string_enum::dto_attr;

fn option(value: Option<String>) -> TokenStream {
    match value {
        Some(text) => quote!(::core::option::Option::Some(#text)),
        None => quote!(::core::option::Option::None),
    }
}

fn option_string(value: Option<String>) -> TokenStream {
    match value {
        Some(text) => quote!(::core::option::Option::Some(::std::string::String::from(#text))),
        None => quote!(::core::option::Option::None),
    }
}

/// Replaces the struct's type parameters in a field type with local marker types, so the generic
/// definition's properties name `T` rather than a closed argument.
struct Substitute<'a> {
    params: &'a [(Ident, Ident)],
}

impl VisitMut for Substitute<'_> {
    fn visit_type_path_mut(&mut self, path: &mut syn::TypePath) {
        if path.qself.is_none()
            && let Some(ident) = path.path.get_ident()
            && let Some((_, marker)) = self.params.iter().find(|(p, _)| p == ident)
        {
            *path = syn::parse_quote!(#marker);
            return;
        }
        syn::visit_mut::visit_type_path_mut(self, path);
    }
}

/// The fields serde serializes (not `#[serde(skip)]`).
fn serialized<'a>(
    fields: impl Iterator<Item = &'a syn::Field>,
) -> impl Iterator<Item = &'a syn::Field> {
    fields.filter(|field| {
        let (mut rename, mut skip, mut flatten) = (None, false, false);
        for attr in field.attrs.iter().filter(|a| a.path().is_ident("serde")) {
            parse_serde_field(attr, &mut rename, &mut skip, &mut flatten);
        }
        !skip
    })
}

pub fn derive(input: &DeriveInput) -> syn::Result<TokenStream> {
    let ident = &input.ident;
    let mut rename = None;
    let mut rename_all = None;
    for attr in input.attrs.iter().filter(|a| a.path().is_ident("serde")) {
        parse_serde_container(attr, &mut rename, &mut rename_all);
    }
    let rule = rename_all.unwrap_or(RenameRule::None);
    let container = dto_attr(&input.attrs)?;
    let name = container.rename.or(rename).unwrap_or_else(|| unraw(ident));
    let description = option_string(doc_description(&input.attrs));

    let params: Vec<(Ident, Ident)> = input
        .generics
        .type_params()
        .map(|p| (p.ident.clone(), format_ident!("__DtoTypeParam{}", p.ident)))
        .collect();
    let dotnet_name = if params.is_empty() {
        name.clone()
    } else {
        format!("{name}`{}", params.len())
    };
    let mut generics = input.generics.clone();
    for param in generics.type_params_mut() {
        param.bounds.push(syn::parse_quote!(::dto::metadata::Type));
    }
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    let param_idents: Vec<&Ident> = params.iter().map(|(p, _)| p).collect();
    let param_names: Vec<String> = params.iter().map(|(p, _)| p.to_string()).collect();
    let markers: Vec<&Ident> = params.iter().map(|(_, m)| m).collect();

    let named_type = quote! {
        ::dto::metadata::TypeName {
            generic_args: ::std::vec![#(<#param_idents as ::dto::metadata::Type>::type_name()),*],
            ..::dto::metadata::TypeName::named(#dotnet_name)
        }
    };
    let generic_def = if params.is_empty() {
        quote!(::core::option::Option::None)
    } else {
        quote!(::core::option::Option::Some(
            ::std::vec![#(::std::string::String::from(#param_names)),*]
        ))
    };
    let is_generic_def = if params.is_empty() {
        quote!(::core::option::Option::None)
    } else {
        quote!(::core::option::Option::Some(true))
    };
    let marker_impls = quote! {
        #(
            #[allow(non_camel_case_types)]
            struct #markers;
            impl ::dto::metadata::Type for #markers {
                fn type_name() -> ::dto::metadata::TypeName {
                    ::dto::metadata::TypeName::param(#param_names)
                }
            }
        )*
    };
    let substitute = |ty: &syn::Type| {
        let mut ty = ty.clone();
        Substitute { params: &params }.visit_type_mut(&mut ty);
        ty
    };

    let (type_name, register) = match &input.data {
        Data::Struct(data) => match &data.fields {
            // A newtype over a collection is a named subclass of it (`NodeParameterMap :
            // Dictionary<String,NodeParameter>`); over anything else it is the inner type.
            Fields::Unnamed(fields) if serialized(fields.unnamed.iter()).count() == 1 => {
                let inner = &serialized(fields.unnamed.iter())
                    .next()
                    .expect("one field")
                    .ty;
                let inner_def = substitute(inner);
                let type_name = quote! {
                    {
                        let inner = <#inner as ::dto::metadata::Type>::type_name();
                        if inner.namespace == ::core::option::Option::Some("System.Collections.Generic") {
                            #named_type
                        } else {
                            inner
                        }
                    }
                };
                let register = quote! {
                    #(<#param_idents as ::dto::metadata::Type>::register(registry);)*
                    <#inner as ::dto::metadata::Type>::register(registry);
                    let inner = <#inner as ::dto::metadata::Type>::type_name();
                    if inner.namespace == ::core::option::Option::Some("System.Collections.Generic")
                        && registry.start(#dotnet_name)
                    {
                        #marker_impls
                        let namespace = ::std::string::String::from(registry.namespace());
                        let inherits = <#inner_def as ::dto::metadata::Type>::type_name().to_metadata(&namespace);
                        registry.finish(::dto::metadata::MetadataType {
                            name: ::std::string::String::from(#dotnet_name),
                            generic_args: #generic_def,
                            is_generic_type_def: #is_generic_def,
                            inherits: ::core::option::Option::Some(inherits),
                            description: #description,
                            ..::core::default::Default::default()
                        });
                    }
                };
                (type_name, register)
            }
            Fields::Unnamed(_) => (
                quote!(<::dto::Value as ::dto::metadata::Type>::type_name()),
                quote!(),
            ),
            fields => {
                let mut properties = Vec::new();
                let mut registers = Vec::new();
                for field in fields.iter() {
                    let mut field_rename = None;
                    let (mut skip, mut flatten) = (false, false);
                    for attr in field.attrs.iter().filter(|a| a.path().is_ident("serde")) {
                        parse_serde_field(attr, &mut field_rename, &mut skip, &mut flatten);
                    }
                    if skip || flatten {
                        continue;
                    }
                    let Some(field_ident) = &field.ident else {
                        continue;
                    };
                    let wire =
                        field_rename.unwrap_or_else(|| rule.apply_to_field(&unraw(field_ident)));
                    let ty = substitute(&field.ty);
                    let doc = option(doc_description(&field.attrs));
                    properties.push(quote!(registry.property::<#ty>(#wire, #doc)));
                    registers.push(quote!(<#ty as ::dto::metadata::Type>::register(registry);));
                }
                let register = quote! {
                    #(<#param_idents as ::dto::metadata::Type>::register(registry);)*
                    if registry.start(#dotnet_name) {
                        #marker_impls
                        let properties = ::std::vec![#(#properties),*];
                        #(#registers)*
                        registry.finish(::dto::metadata::MetadataType {
                            name: ::std::string::String::from(#dotnet_name),
                            generic_args: #generic_def,
                            is_generic_type_def: #is_generic_def,
                            properties: ::core::option::Option::Some(properties),
                            description: #description,
                            ..::core::default::Default::default()
                        });
                    }
                };
                (named_type.clone(), register)
            }
        },
        Data::Enum(data)
            if data.variants.iter().all(|v| {
                matches!(v.fields, Fields::Unit) || dto_attr(&v.attrs).is_ok_and(|attr| attr.other)
            }) =>
        {
            let mut names = Vec::new();
            let mut wire = Vec::new();
            for variant in &data.variants {
                let attr = dto_attr(&variant.attrs)?;
                if attr.other {
                    // The catch-all of values a newer service sends: no member of its own.
                    continue;
                }
                let mut variant_rename = None;
                let (mut skip, mut flatten) = (false, false);
                for attr in variant.attrs.iter().filter(|a| a.path().is_ident("serde")) {
                    parse_serde_field(attr, &mut variant_rename, &mut skip, &mut flatten);
                }
                if skip {
                    continue;
                }
                let variant_name = unraw(&variant.ident);
                wire.push(
                    attr.rename
                        .or(variant_rename)
                        .unwrap_or_else(|| variant_name.clone()),
                );
                names.push(variant_name);
            }
            let member_values = if names == wire {
                quote!(::core::option::Option::None)
            } else {
                quote!(::core::option::Option::Some(
                    ::std::vec![#(::std::string::String::from(#wire)),*]
                ))
            };
            let type_name = quote! {
                ::dto::metadata::TypeName {
                    is_value_type: true,
                    is_enum: true,
                    ..::dto::metadata::TypeName::named(#dotnet_name)
                }
            };
            let register = quote! {
                if registry.start(#dotnet_name) {
                    registry.finish(::dto::metadata::MetadataType {
                        name: ::std::string::String::from(#dotnet_name),
                        is_enum: ::core::option::Option::Some(true),
                        enum_names: ::core::option::Option::Some(::std::vec![#(::std::string::String::from(#names)),*]),
                        enum_member_values: #member_values,
                        description: #description,
                        ..::core::default::Default::default()
                    });
                }
            };
            (type_name, register)
        }
        // Enums with data and unions have no ServiceStack counterpart: any object.
        Data::Enum(_) | Data::Union(_) => (
            quote!(<::dto::Value as ::dto::metadata::Type>::type_name()),
            quote!(),
        ),
    };
    Ok(quote! {
        #[automatically_derived]
        impl #impl_generics ::dto::metadata::Type for #ident #ty_generics #where_clause {
            fn type_name() -> ::dto::metadata::TypeName {
                #type_name
            }

            #[allow(unused_variables)]
            fn register(registry: &mut ::dto::metadata::TypeRegistry) {
                #register
            }
        }
    })
}
