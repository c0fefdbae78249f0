//! Structs: fields in wire order (bases' after the type's own), renames, boxing, the .NET
//! scalar mapping, and the `Default` the time crate's types need.

use super::*;

impl Emitter<'_> {
    pub(super) fn struct_item(&mut self, index: usize) -> TokenStream {
        let def = self.types[index].clone();
        let name = self.ident_for(&def.name, def.arity());
        let generics = generics(&def);
        let mut docs = doc_attrs(&type_doc(&def));
        let allow = allow_attr(&name);

        // Collection subclasses (`NodeParameterMap : Dictionary<String, NodeParameter>`) are
        // newtypes over the collection, transparent on the wire.
        if let Some(base @ (TypeRef::List(_) | TypeRef::Map(..))) = &def.base {
            if !def.properties.is_empty() {
                self.warn(
                    def.location.clone(),
                    format!(
                        "{}: a collection subclass with its own properties; the properties are \
                         not on the wire and were dropped",
                        def.name
                    ),
                );
            }
            let inner = self.rust_type(base, &def);
            let mut used = HashSet::new();
            collect_params(base, &def.generic_params, &mut used);
            let unused: Vec<Ident> = def
                .generic_params
                .iter()
                .filter(|p| !used.contains(*p))
                .map(|p| param_ident(p))
                .collect();
            let marker = if unused.is_empty() {
                quote!()
            } else {
                quote!(, #[serde(skip)] pub ::std::marker::PhantomData<(#(#unused,)*)>)
            };
            let fill = if unused.is_empty() {
                quote!()
            } else {
                quote!(, ::std::marker::PhantomData)
            };
            // Used as the collection it is: `Deref`, and `From` both ways.
            let user_attrs = self.type_attrs(&def.name);
            return quote! {
                #(#docs)*
                #allow
                #user_attrs
                #[derive(Debug, Clone, PartialEq, Default)]
                #[derive(::serde::Serialize, ::serde::Deserialize, ::dto::Type)]
                #[serde(transparent)]
                pub struct #name #generics(pub #inner #marker);

                impl #generics ::std::ops::Deref for #name #generics {
                    type Target = #inner;
                    fn deref(&self) -> &Self::Target {
                        &self.0
                    }
                }

                impl #generics ::std::ops::DerefMut for #name #generics {
                    fn deref_mut(&mut self) -> &mut Self::Target {
                        &mut self.0
                    }
                }

                impl #generics ::std::convert::From<#inner> for #name #generics {
                    fn from(inner: #inner) -> Self {
                        Self(inner #fill)
                    }
                }

                impl #generics ::std::convert::From<#name #generics> for #inner {
                    fn from(outer: #name #generics) -> Self {
                        outer.0
                    }
                }
            };
        }
        if let Some(base) = &def.base {
            let known = match base {
                TypeRef::Named { name, args } => {
                    matches!(
                        self.targets.get(&(name.clone(), args.len())),
                        Some(Target::Defined(_) | Target::Interface(_))
                    )
                }
                _ => false,
            };
            if !known {
                self.warn(
                    def.location.clone(),
                    format!(
                        "{}: base type `{base}` is not defined; its members are missing",
                        def.name
                    ),
                );
            }
            if self.inherits_from_itself(index) {
                self.warn(
                    def.location.clone(),
                    format!("{}: inheritance cycle; the cycle was cut", def.name),
                );
            }
        }

        let operation = self.operations.get(def.name.as_str()).copied();
        let is_request = operation.is_some() && def.arity() == 0;
        let fields = self.fields(index);
        let mut field_names = NameSet::default();
        let idents: Vec<String> = fields
            .iter()
            .map(|f| field_names.unique(names::field_name(&f.prop.name)))
            .collect();
        // One `rename_all` when a rule gives more fields their wire names than their own
        // names do; explicit renames only for the others.
        let matching = |rule: Option<RenameAll>| {
            fields
                .iter()
                .zip(&idents)
                .filter(|(f, id)| match rule {
                    Some(rule) => rule.apply(id) == f.prop.wire_name,
                    None => names::unraw(id) == f.prop.wire_name,
                })
                .count()
        };
        let rename_all = [RenameAll::Camel, RenameAll::Pascal]
            .into_iter()
            .map(|rule| (matching(Some(rule)), rule))
            .filter(|(count, _)| *count > matching(None))
            .max_by_key(|(count, _)| *count)
            .map(|(_, rule)| rule);
        let mut field_tokens = Vec::new();
        // Fields whose type has no `Default` (the time crate's date-times): (field, adapter).
        let mut manual_defaults: Vec<(Ident, String)> = Vec::new();
        let mut field_idents: Vec<Ident> = Vec::new();
        let mut used_params: HashSet<String> = HashSet::new();
        for (f, ident_text) in fields.iter().zip(&idents) {
            collect_params(&f.ty, &def.generic_params, &mut used_params);
            let field_ident = ident(ident_text);
            let boxed = self.boxed.contains(&(index, f.prop.wire_name.clone()));
            let optional = f.prop.is_optional();
            let inner_ty = match &f.ty {
                TypeRef::Nullable(inner) => (**inner).clone(),
                other => other.clone(),
            };
            let mut serde_args = Vec::new();
            let foreign = match &inner_ty {
                TypeRef::Primitive(p) if !boxed => self.foreign_scalar(*p),
                _ => None,
            };
            let mut ty = match &foreign {
                Some((ty, adapter)) => {
                    let with = if optional {
                        format!("{adapter}::option")
                    } else {
                        adapter.clone()
                    };
                    serde_args.push(quote!(with = #with));
                    if !optional && self.options.dotnet_types == DotnetTypes::Time {
                        manual_defaults.push((field_ident.clone(), adapter.clone()));
                    }
                    ty.clone()
                }
                None => self.rust_type(&inner_ty, &def),
            };
            if boxed {
                ty = quote!(::std::boxed::Box<#ty>);
            }
            if optional {
                ty = quote!(::std::option::Option<#ty>);
            }
            let serde_name = match rename_all {
                Some(rule) => rule.apply(ident_text),
                None => names::unraw(ident_text).to_string(),
            };
            if serde_name != f.prop.wire_name {
                let wire = &f.prop.wire_name;
                serde_args.push(quote!(rename = #wire));
            }
            // Missing members already read as defaults: the struct has `#[serde(default)]`.
            if optional {
                serde_args.push(quote!(
                    skip_serializing_if = "::std::option::Option::is_none"
                ));
            }
            let serde_attr = if serde_args.is_empty() {
                quote!()
            } else {
                quote!(#[serde(#(#serde_args),*)])
            };
            let description = f.prop.description.clone().or_else(|| {
                f.prop
                    .api_member
                    .as_ref()
                    .and_then(|a| a.description.clone())
            });
            let doc_text = description.clone().unwrap_or_default();
            let field_docs = doc_attrs(&doc_text);
            // The derive reads a plain one-line description back from the doc comment.
            let api_member = if is_request {
                api_member_attr(&f.prop, description.as_deref().filter(|d| !is_plain_doc(d)))
            } else {
                quote!()
            };
            let user_attrs = self.field_attrs(&def.name, &f.prop);
            field_idents.push(field_ident.clone());
            field_tokens.push(quote! {
                #(#field_docs)*
                #serde_attr
                #api_member
                #user_attrs
                pub #field_ident: #ty,
            });
        }
        // A generic parameter no field uses still needs a use (E0392).
        let unused: Vec<Ident> = def
            .generic_params
            .iter()
            .filter(|p| !used_params.contains(*p))
            .map(|p| param_ident(p))
            .collect();
        if !unused.is_empty() {
            let marker = ident(&field_names.unique("_marker".to_string()));
            field_idents.push(marker.clone());
            field_tokens.push(quote! {
                #[serde(skip)]
                pub #marker: ::std::marker::PhantomData<(#(#unused,)*)>,
            });
        }

        let mut derive_dto = quote!();
        let mut request_attrs = Vec::new();
        if is_request && let Some(op) = operation {
            derive_dto = quote!(, ::dto::Dto);
            request_attrs = self.request_attrs(&def, op, &fields, &mut docs);
        }
        // The operation name (`dto::Request::NAME`) is the serde name: keep the .NET one.
        let container_rename = if names::unraw(&name.to_string()) != def.name {
            let original = &def.name;
            quote!(, rename = #original)
        } else {
            quote!()
        };
        let body = if field_tokens.is_empty() {
            quote!({})
        } else {
            quote!({ #(#field_tokens)* })
        };
        let bound = deserialize_bound(&def);
        let rename_all = rename_all.map(|rule| {
            let rule = rule.as_str();
            quote!(, rename_all = #rule)
        });
        let user_attrs = self.type_attrs(&def.name);
        let (derive_default, default_impl) = if manual_defaults.is_empty() {
            (quote!(, Default), quote!())
        } else {
            (
                quote!(),
                default_impl(&name, &def, &field_idents, &manual_defaults),
            )
        };
        quote! {
            #(#docs)*
            #allow
            #user_attrs
            #[derive(Debug, Clone, PartialEq #derive_default)]
            #[derive(::serde::Serialize, ::serde::Deserialize, ::dto::Type #derive_dto)]
            #[serde(default #container_rename #rename_all #bound)]
            #(#request_attrs)*
            pub struct #name #generics #body

            #default_impl
        }
    }

    /// A .NET date-time or duration member typed with chrono's or time's types: the Rust type and
    /// `dto`'s serde adapter for it.
    pub(super) fn foreign_scalar(&self, p: Primitive) -> Option<(TokenStream, String)> {
        let (ty, adapter) = match (self.options.dotnet_types, p) {
            (DotnetTypes::Chrono, Primitive::DateTime) => (
                quote!(::chrono::DateTime<::chrono::Utc>),
                "chrono::date_time",
            ),
            (DotnetTypes::Chrono, Primitive::DateTimeOffset) => (
                quote!(::chrono::DateTime<::chrono::FixedOffset>),
                "chrono::date_time_offset",
            ),
            (DotnetTypes::Chrono, Primitive::TimeSpan) => {
                (quote!(::chrono::TimeDelta), "chrono::time_span")
            }
            (DotnetTypes::Time, Primitive::DateTime) => {
                (quote!(::time::OffsetDateTime), "time::date_time")
            }
            (DotnetTypes::Time, Primitive::DateTimeOffset) => {
                (quote!(::time::OffsetDateTime), "time::date_time_offset")
            }
            (DotnetTypes::Time, Primitive::TimeSpan) => {
                (quote!(::time::Duration), "time::time_span")
            }
            _ => return None,
        };
        Some((ty, format!("::dto::types::{adapter}")))
    }

    pub(super) fn inherits_from_itself(&self, index: usize) -> bool {
        let mut current = index;
        let mut seen = HashSet::new();
        loop {
            if !seen.insert(current) {
                return true;
            }
            let Some(TypeRef::Named { name, args }) = &self.types[current].base else {
                return false;
            };
            match self.targets.get(&(name.clone(), args.len())) {
                Some(Target::Defined(next) | Target::Interface(next)) => current = *next,
                _ => return false,
            }
        }
    }
}

/// `impl Default` for a struct with members whose type has none (the time crate's date-times):
/// those get .NET's default through their adapter, the others `Default::default()`.
pub(super) fn default_impl(
    name: &Ident,
    def: &TypeDef,
    fields: &[Ident],
    manual: &[(Ident, String)],
) -> TokenStream {
    let params: Vec<Ident> = def.generic_params.iter().map(|p| param_ident(p)).collect();
    let (generics, bounds) = if params.is_empty() {
        (quote!(), quote!())
    } else {
        (
            quote!(<#(#params),*>),
            quote!(<#(#params: ::std::default::Default),*>),
        )
    };
    let values = fields.iter().map(|field| {
        match manual
            .iter()
            .find(|(manual_field, _)| manual_field == field)
        {
            Some((_, adapter)) => {
                let default: syn::Path = syn::parse_str(&format!("{adapter}::default"))
                    .expect("adapter paths are valid");
                quote!(#field: #default(),)
            }
            None => quote!(#field: ::std::default::Default::default(),),
        }
    });
    quote! {
        impl #bounds ::std::default::Default for #name #generics {
            fn default() -> Self {
                Self { #(#values)* }
            }
        }
    }
}

/// For a generic struct, serde's deserialize bound: `#[serde(default)]` needs `Self: Default`,
/// which `#[derive(Default)]` gives only when every parameter is `Default`, a bound serde does
/// not infer. Every type a service can put there (its DTOs, .NET primitives, lists, maps,
/// `dto::Value`) is `Default`, so the bound is stated instead of dropping either derive.
pub(super) fn deserialize_bound(def: &TypeDef) -> TokenStream {
    if def.generic_params.is_empty() {
        return quote!();
    }
    let bounds: Vec<String> = def
        .generic_params
        .iter()
        .map(|p| {
            format!(
                "{}: ::serde::Deserialize<'de> + ::std::default::Default",
                param_ident(p)
            )
        })
        .collect();
    let bounds = bounds.join(", ");
    quote!(, bound(deserialize = #bounds))
}
