//! Enums: string enums as Rust enums deriving `dto::Enum` with a catch-all variant; integer
//! and `[Flags]` enums as integer newtypes with one constant per member.

use super::*;

impl Emitter<'_> {
    pub(super) fn enum_item(&mut self, index: usize, e: &EnumDef) -> TokenStream {
        let def = self.types[index].clone();
        let name = self.ident_for(&def.name, def.arity());
        let docs = doc_attrs(&type_doc(&def));
        let allow = allow_attr(&name);
        match e.repr {
            EnumRepr::String => {
                let mut variants = Vec::new();
                let mut set = NameSet::default();
                let mut wires = HashSet::new();
                for m in &e.members {
                    if !wires.insert(m.wire().to_string()) {
                        self.warn(
                            def.location.clone(),
                            format!(
                                "enum {}: member `{}` repeats wire value `{}`; skipped",
                                def.name,
                                m.name,
                                m.wire()
                            ),
                        );
                        continue;
                    }
                    let vname = set.unique(names::variant_name(&m.name));
                    let vident = ident(&vname);
                    let rename = if names::unraw(&vname) != m.wire() {
                        let w = m.wire();
                        quote!(#[dto(rename = #w)])
                    } else {
                        quote!()
                    };
                    let default = if variants.is_empty() {
                        quote!(#[default])
                    } else {
                        quote!()
                    };
                    let mdocs = doc_attrs(m.description.as_deref().unwrap_or(""));
                    variants.push(quote! {
                        #(#mdocs)*
                        #default
                        #rename
                        #vident,
                    });
                }
                let container_rename = if names::unraw(&name.to_string()) != def.name {
                    let original = &def.name;
                    quote!(#[dto(rename = #original)])
                } else {
                    quote!()
                };
                // Values a newer service adds are kept as sent, not an error.
                let other = ident(&set.unique("Unknown".to_string()));
                let allow = if set.any_underscore() {
                    quote!(#[allow(non_camel_case_types)])
                } else {
                    allow
                };
                if variants.is_empty() {
                    self.warn(
                        def.location.clone(),
                        format!(
                            "enum {} has no members; generated as a String alias",
                            def.name
                        ),
                    );
                    return quote! {
                        #(#docs)*
                        #allow
                        pub type #name = ::std::string::String;
                    };
                }
                let user_attrs = self.type_attrs(&def.name);
                quote! {
                    #(#docs)*
                    #allow
                    #user_attrs
                    #[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
                    #[derive(::dto::Enum, ::dto::Type)]
                    #container_rename
                    pub enum #name {
                        #(#variants)*
                        /// A value these DTOs do not know (a newer service's), kept as sent.
                        #[dto(other)]
                        #other(::std::string::String),
                    }
                }
            }
            EnumRepr::Int | EnumRepr::Flags => {
                let mut next = 0i64;
                let mut values = Vec::new();
                for m in &e.members {
                    let v = m.value.unwrap_or(next);
                    next = v.wrapping_add(1);
                    values.push(v);
                }
                let wide = values.iter().any(|v| i32::try_from(*v).is_err());
                let repr = if wide { quote!(i64) } else { quote!(i32) };
                let mut set = NameSet::default();
                let consts: Vec<TokenStream> = e
                    .members
                    .iter()
                    .zip(&values)
                    .map(|(m, v)| {
                        let cname = ident(&set.unique(names::const_name(&m.name)));
                        let lit = if wide {
                            proc_macro2::Literal::i64_unsuffixed(*v)
                        } else {
                            proc_macro2::Literal::i32_unsuffixed(*v as i32)
                        };
                        let value = if *v < 0 {
                            let abs = if wide {
                                proc_macro2::Literal::i128_unsuffixed(-(*v as i128))
                            } else {
                                proc_macro2::Literal::i64_unsuffixed(-*v)
                            };
                            quote!(-#abs)
                        } else {
                            quote!(#lit)
                        };
                        let mut cdocs = doc_attrs_raw(&format!("`{}` = {v}", m.name));
                        if let Some(d) = &m.description {
                            cdocs.push(quote!(#[doc = ""]));
                            cdocs.extend(doc_attrs(d));
                        }
                        quote! {
                            #(#cdocs)*
                            pub const #cname: Self = Self(#value);
                        }
                    })
                    .collect();
                let what = if e.repr == EnumRepr::Flags {
                    "A `[Flags]` enum: an integer on the wire; combine members with `|`."
                } else {
                    "An integer enum: written as its number on the wire."
                };
                let mut all_docs = docs.clone();
                if !all_docs.is_empty() {
                    all_docs.push(quote!(#[doc = ""]));
                }
                all_docs.extend(doc_attrs_raw(what));
                let (flags, flags_key) = if e.repr == EnumRepr::Flags {
                    (quote!(, ::dto::Flags), quote!(, flags))
                } else {
                    (quote!(), quote!())
                };
                // Read by number or by name (ServiceStack writes nullable flags as names).
                let names = e.members.iter().zip(&values).map(|(m, v)| {
                    let name = &m.name;
                    let value = proc_macro2::Literal::i64_unsuffixed(*v);
                    if *v < 0 {
                        let abs = proc_macro2::Literal::i128_unsuffixed(-i128::from(*v));
                        quote!(#name = -#abs)
                    } else {
                        quote!(#name = #value)
                    }
                });
                let user_attrs = self.type_attrs(&def.name);
                quote! {
                    #(#all_docs)*
                    #allow
                    #user_attrs
                    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
                    #[derive(::serde::Serialize, ::dto::IntEnum, ::dto::Type #flags)]
                    #[serde(transparent)]
                    #[dto(names(#(#names),*) #flags_key)]
                    pub struct #name(pub #repr);
                    impl #name {
                        #(#consts)*
                    }
                }
            }
        }
    }
}
