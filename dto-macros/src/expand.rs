//! Code generation: `impl ::dto::Request` (and `::dto::ReturnsVoid`), plus a call to
//! `::dto::__servicestack_impls!`, whose body depends on `dto`'s own `servicestack` feature.

use proc_macro2::TokenStream;
use quote::quote;
use syn::DeriveInput;

use crate::ast::Container;
use crate::ctxt::Ctxt;
use crate::valid;

/// The impls, or the errors plus a fallback `Request` impl (as thiserror does): one wrong
/// attribute gives its own errors, not one more at every use of the type.
pub fn derive(input: &DeriveInput) -> TokenStream {
    let cx = Ctxt::new();
    let Some(cont) = Container::from_ast(&cx, input) else {
        return cx
            .check()
            .err()
            .map(syn::Error::into_compile_error)
            .unwrap_or_default();
    };
    valid::check(&cx, &cont);
    match cx.check() {
        Ok(()) => generate(&cont),
        Err(errors) => {
            let errors = errors.into_compile_error();
            let fallback = fallback(&cont);
            quote!(#errors #fallback)
        }
    }
}

/// `impl Request` with the name only (response `dto::Value`), for a struct whose attributes are
/// wrong.
fn fallback(cont: &Container) -> TokenStream {
    let ident = cont.ident;
    let name = &cont.name;
    let (impl_generics, ty_generics, where_clause) = cont.generics.split_for_impl();
    quote! {
        #[automatically_derived]
        impl #impl_generics ::dto::Request for #ident #ty_generics #where_clause {
            const NAME: &'static str = #name;
            type Response = ::dto::Value;
        }
    }
}

fn opt_str(value: Option<&str>) -> TokenStream {
    match value {
        Some(text) => quote!(::core::option::Option::Some(#text)),
        None => quote!(::core::option::Option::None),
    }
}

/// The verb the official `servicestack` client sends the request with: the first verb a route
/// names (ANY does not count), else POST (that crate's default).
fn preferred_verb(cont: &Container) -> String {
    cont.attrs
        .routes
        .iter()
        .flat_map(|route| route.verbs.iter())
        .find(|verb| *verb != "ANY")
        .cloned()
        .unwrap_or_else(|| "POST".to_owned())
}

fn generate(cont: &Container) -> TokenStream {
    let ident = cont.ident;
    let (impl_generics, ty_generics, where_clause) = cont.generics.split_for_impl();
    let mut predicates: Vec<TokenStream> = where_clause
        .map(|w| w.predicates.iter().map(|p| quote!(#p)).collect())
        .unwrap_or_default();
    if !cont.generics.params.is_empty() {
        // serde's derive bounds its impl on the parameters; the request impls need the same.
        predicates.push(quote!(#ident #ty_generics: ::dto::serde::Serialize));
    }

    let name = &cont.name;
    let routes = cont.attrs.routes.iter().map(|route| {
        let path = route.path.value();
        let verbs = &route.verbs;
        quote!(::dto::Route { path: #path, verbs: &[#(#verbs),*] })
    });
    let members = cont
        .fields
        .iter()
        .filter(|f| f.is_serialized())
        .map(|field| {
            let wire_name = &field.wire_name;
            let member = field.attrs.api_member.as_ref();
            let name = member.and_then(|m| m.name.as_deref()).unwrap_or(wire_name);
            let description = opt_str(
                member
                    .and_then(|m| m.description.as_deref())
                    .or(field.attrs.docs.as_deref()),
            );
            let required = member.is_some_and(|m| m.required);
            let parameter_type = opt_str(member.and_then(|m| m.parameter_type.as_deref()));
            let data_type = opt_str(member.and_then(|m| m.data_type.as_deref()));
            quote! {
                ::dto::ApiMember {
                    name: #name,
                    wire_name: #wire_name,
                    description: #description,
                    required: #required,
                    parameter_type: #parameter_type,
                    data_type: #data_type,
                }
            }
        });
    let response = match (&cont.attrs.returns, &cont.attrs.returns_void) {
        (Some(returns), _) => {
            let ty = &returns.ty;
            quote!(#ty)
        }
        (None, Some(_)) => quote!(()),
        (None, None) => quote!(::dto::Value),
    };
    let requires_auth = cont.attrs.authenticate;
    let description = opt_str(
        cont.attrs
            .description
            .as_deref()
            .or(cont.attrs.docs.as_deref()),
    );

    let returns_void = cont.attrs.returns_void.is_some().then(|| {
        quote! {
            #[automatically_derived]
            impl #impl_generics ::dto::ReturnsVoid for #ident #ty_generics where #(#predicates,)* {}
        }
    });

    let verb = preferred_verb(cont);
    let returns_kind = match (&cont.attrs.returns, &cont.attrs.returns_void) {
        (Some(returns), _) => {
            let ty = &returns.ty;
            quote!(returns [#ty])
        }
        (None, Some(_)) => quote!(void),
        (None, None) => quote!(none),
    };

    quote! {
        #[automatically_derived]
        impl #impl_generics ::dto::Request for #ident #ty_generics where #(#predicates,)* {
            const NAME: &'static str = #name;
            const ROUTES: &'static [::dto::Route] = &[#(#routes),*];
            type Response = #response;
            const REQUIRES_AUTH: bool = #requires_auth;
            const DESCRIPTION: ::core::option::Option<&'static str> = #description;
            const MEMBERS: &'static [::dto::ApiMember] = &[#(#members),*];
        }

        #returns_void

        ::dto::__servicestack_impls! {
            [#impl_generics] [#ident #ty_generics] [#(#predicates,)*] #verb #returns_kind
        }
    }
}
