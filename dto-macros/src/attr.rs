//! The derive's helper attributes, and the parts of `#[serde(...)]` that decide wire names.
//!
//! Every problem is reported into the [`Ctxt`] and parsing goes on, so one build shows them all.

use proc_macro2::TokenTree;
use quote::ToTokens;
use syn::meta::ParseNestedMeta;
use syn::parse::ParseStream;
use syn::{Attribute, Expr, Ident, Lit, LitBool, LitStr, Meta, Token, Type};

use crate::case::RenameRule;
use crate::ctxt::Ctxt;
use crate::route;

const CONTAINER_ATTRS: &[&str] = &["route", "api", "returns", "returns_void", "authenticate"];
const FIELD_ATTRS: &[&str] = &["api_member"];

/// A value that may be given once, remembering where it was given for "duplicate" errors.
struct Once<'c, T> {
    cx: &'c Ctxt,
    what: &'static str,
    value: Option<T>,
}

impl<'c, T> Once<'c, T> {
    fn new(cx: &'c Ctxt, what: &'static str) -> Self {
        Once {
            cx,
            what,
            value: None,
        }
    }

    fn set<A: ToTokens>(&mut self, obj: A, value: T) {
        if self.value.is_some() {
            self.cx
                .error_spanned_by(obj, format!("duplicate {}", self.what));
        } else {
            self.value = Some(value);
        }
    }

    fn get(self) -> Option<T> {
        self.value
    }
}

/// One `#[route("/path", "VERBS")]`.
pub struct Route {
    /// The path literal (errors about the path are spanned on it).
    pub path: LitStr,
    /// Upper-case verbs; empty for any verb. `ANY` is kept as written (it also means any verb).
    pub verbs: Vec<String>,
    /// The path's variables, or `None` when the path is malformed (already reported).
    pub variables: Option<Vec<route::Variable>>,
}

/// `#[returns(Type)]`.
pub struct Returns {
    pub ty: Type,
}

/// What the struct's attributes say.
pub struct Container {
    /// `#[serde(rename = "..")]` on the struct (the operation name), if any.
    pub serde_rename: Option<String>,
    pub rename_all: RenameRule,
    pub routes: Vec<Route>,
    pub description: Option<String>,
    /// The first paragraph of the struct's doc comments.
    pub docs: Option<String>,
    pub returns: Option<Returns>,
    /// The `#[returns_void]` attribute, if present.
    pub returns_void: Option<Attribute>,
    pub authenticate: bool,
}

impl Container {
    pub fn from_ast(cx: &Ctxt, attrs: &[Attribute]) -> Self {
        let mut serde_rename = None;
        let mut rename_all = None;
        let mut routes = Vec::new();
        let mut description = Once::new(cx, "#[api] attribute");
        let mut returns = Once::new(cx, "#[returns] attribute");
        let mut returns_void = Once::new(cx, "#[returns_void] attribute");
        let mut authenticate = Once::new(cx, "#[authenticate] attribute");

        for attr in attrs {
            let path = attr.path();
            if path.is_ident("serde") {
                parse_serde_container(attr, &mut serde_rename, &mut rename_all);
            } else if path.is_ident("route") {
                if let Some(route) = parse_route(cx, attr) {
                    routes.push(route);
                }
            } else if path.is_ident("api") {
                if let Some(text) = parse_api(cx, attr) {
                    description.set(attr, text);
                }
            } else if path.is_ident("returns") {
                match attr.parse_args::<Type>() {
                    Ok(ty) => returns.set(attr, Returns { ty }),
                    Err(err) => cx.syn_error(with_hint(
                        err,
                        "expected a response type: #[returns(MyResponse)]",
                    )),
                }
            } else if path.is_ident("returns_void") {
                match attr.meta.require_path_only() {
                    Ok(_) => returns_void.set(attr, attr.clone()),
                    Err(_) => cx.error_spanned_by(&attr.meta, "#[returns_void] takes no arguments"),
                }
            } else if path.is_ident("authenticate") {
                match attr.meta.require_path_only() {
                    Ok(_) => authenticate.set(attr, ()),
                    Err(_) => cx.error_spanned_by(&attr.meta, "#[authenticate] takes no arguments"),
                }
            } else if let Some(name) = FIELD_ATTRS.iter().find(|n| path.is_ident(n)) {
                cx.error_spanned_by(
                    attr,
                    format!("#[{name}] goes on a field, not on the struct"),
                );
            }
        }

        Container {
            serde_rename,
            rename_all: rename_all.unwrap_or_default(),
            routes,
            description: description.get(),
            docs: doc_description(attrs),
            returns: returns.get(),
            returns_void: returns_void.get(),
            authenticate: authenticate.get().is_some(),
        }
    }
}

/// `#[api_member(...)]` on a field.
pub struct ApiMember {
    /// The attribute, for errors about the field as a whole.
    pub attr: Attribute,
    pub name: Option<String>,
    pub description: Option<String>,
    pub required: bool,
    pub parameter_type: Option<String>,
    pub data_type: Option<String>,
}

/// What a field's attributes say.
pub struct Field {
    /// `#[serde(rename = "..")]` (or `rename(serialize = "..")`).
    pub serde_rename: Option<String>,
    /// `#[serde(skip)]` or `#[serde(skip_serializing)]`: the field is never serialized.
    pub skip_serializing: bool,
    /// `#[serde(flatten)]`: the field's own fields are serialized in its place.
    pub flatten: bool,
    pub api_member: Option<ApiMember>,
    /// The first paragraph of the field's doc comments.
    pub docs: Option<String>,
}

impl Field {
    pub fn from_ast(cx: &Ctxt, attrs: &[Attribute]) -> Self {
        let mut serde_rename = None;
        let mut skip_serializing = false;
        let mut flatten = false;
        let mut api_member = Once::new(cx, "#[api_member] attribute");
        for attr in attrs {
            let path = attr.path();
            if path.is_ident("serde") {
                parse_serde_field(attr, &mut serde_rename, &mut skip_serializing, &mut flatten);
            } else if path.is_ident("api_member") {
                if let Some(member) = parse_api_member(cx, attr) {
                    api_member.set(attr, member);
                }
            } else if let Some(name) = CONTAINER_ATTRS.iter().find(|n| path.is_ident(n)) {
                cx.error_spanned_by(
                    attr,
                    format!("#[{name}] goes on the struct, not on a field"),
                );
            }
        }
        Field {
            serde_rename,
            skip_serializing,
            flatten,
            api_member: api_member.get(),
            docs: doc_description(attrs),
        }
    }
}

// -------------------------------------------------------------------------------------------------
// Our attributes

fn with_hint(err: syn::Error, hint: &str) -> syn::Error {
    syn::Error::new(err.span(), format!("{err}; {hint}"))
}

const ROUTE_USAGE: &str = r#"expected #[route("/path")] or #[route("/path", "GET,POST")]"#;

fn parse_route(cx: &Ctxt, attr: &Attribute) -> Option<Route> {
    let parsed = attr.parse_args_with(|input: ParseStream| {
        let path: LitStr = input.parse().map_err(|e| with_hint(e, ROUTE_USAGE))?;
        let mut verbs = None;
        if input.peek(Token![,]) {
            input.parse::<Token![,]>()?;
            if input.peek(LitStr) {
                verbs = Some(input.parse::<LitStr>()?);
            } else if input.peek(Ident) {
                let key: Ident = input.parse()?;
                if key != "verbs" {
                    return Err(syn::Error::new(
                        key.span(),
                        format!("unknown key `{key}` in #[route]: {ROUTE_USAGE}"),
                    ));
                }
                input.parse::<Token![=]>()?;
                verbs = Some(input.parse::<LitStr>()?);
            }
            if input.peek(Token![,]) {
                input.parse::<Token![,]>()?;
            }
        }
        if !input.is_empty() {
            return Err(input.error(format!("unexpected tokens in #[route]: {ROUTE_USAGE}")));
        }
        Ok((path, verbs))
    });
    let (path, verbs_lit) = match parsed {
        Ok(parsed) => parsed,
        Err(err) => {
            cx.syn_error(err);
            return None;
        }
    };
    let variables = match route::parse_path(&path.value()) {
        Ok(variables) => Some(variables),
        Err(msg) => {
            cx.error_spanned_by(&path, format!("malformed route: {msg}"));
            None
        }
    };
    let verbs = match &verbs_lit {
        None => Vec::new(),
        Some(lit) => match route::parse_verbs(&lit.value()) {
            Ok(verbs) => verbs,
            Err(msg) => {
                cx.error_spanned_by(lit, msg);
                Vec::new()
            }
        },
    };
    Some(Route {
        path,
        verbs,
        variables,
    })
}

fn first_token_is_literal(attr: &Attribute) -> bool {
    match &attr.meta {
        Meta::List(list) => matches!(
            list.tokens.clone().into_iter().next(),
            Some(TokenTree::Literal(_))
        ),
        _ => false,
    }
}

const API_USAGE: &str = r#"expected #[api(description = "...")] or #[api("...")]"#;

fn parse_api(cx: &Ctxt, attr: &Attribute) -> Option<String> {
    if !matches!(attr.meta, Meta::List(_)) {
        cx.error_spanned_by(attr, API_USAGE);
        return None;
    }
    if first_token_is_literal(attr) {
        return match attr.parse_args::<LitStr>() {
            Ok(lit) => Some(lit.value()),
            Err(err) => {
                cx.syn_error(with_hint(err, API_USAGE));
                None
            }
        };
    }
    let mut description = None;
    let result = attr.parse_nested_meta(|meta| {
        if meta.path.is_ident("description") {
            if description.is_some() {
                return Err(meta.error("duplicate `description` in #[api]"));
            }
            description = Some(meta.value()?.parse::<LitStr>()?.value());
            Ok(())
        } else {
            Err(meta.error(format!(
                "unknown key `{}` in #[api]: {API_USAGE}",
                path_text(&meta)
            )))
        }
    });
    if let Err(err) = result {
        cx.syn_error(err);
        return None;
    }
    if description.is_none() {
        cx.error_spanned_by(attr, API_USAGE);
    }
    description
}

const API_MEMBER_KEYS: &str = "description, is_required, parameter_type, data_type, name";

fn parse_api_member(cx: &Ctxt, attr: &Attribute) -> Option<ApiMember> {
    let mut member = ApiMember {
        attr: attr.clone(),
        name: None,
        description: None,
        required: false,
        parameter_type: None,
        data_type: None,
    };
    if let Meta::Path(_) = attr.meta {
        // `#[api_member]` alone documents nothing, but is harmless.
        return Some(member);
    }
    let mut seen: Vec<String> = Vec::new();
    let result = attr.parse_nested_meta(|meta| {
        let key = path_text(&meta);
        if seen.contains(&key) {
            return Err(meta.error(format!("duplicate `{key}` in #[api_member]")));
        }
        seen.push(key.clone());
        let string = |meta: &ParseNestedMeta| -> syn::Result<String> {
            Ok(meta.value()?.parse::<LitStr>()?.value())
        };
        match key.as_str() {
            "description" => member.description = Some(string(&meta)?),
            "parameter_type" => member.parameter_type = Some(string(&meta)?),
            "data_type" => member.data_type = Some(string(&meta)?),
            "name" => member.name = Some(string(&meta)?),
            "is_required" => {
                member.required = if meta.input.peek(Token![=]) {
                    meta.value()?.parse::<LitBool>()?.value
                } else {
                    true
                };
            }
            _ => {
                return Err(meta.error(format!(
                    "unknown key `{key}` in #[api_member]: expected one of {API_MEMBER_KEYS}"
                )));
            }
        }
        Ok(())
    });
    match result {
        Ok(()) => Some(member),
        Err(err) => {
            cx.syn_error(err);
            None
        }
    }
}

fn path_text(meta: &ParseNestedMeta) -> String {
    meta.path.to_token_stream().to_string().replace(' ', "")
}

// -------------------------------------------------------------------------------------------------
// serde's attributes: only what decides the wire names. serde itself reports malformed ones, so
// anything that does not parse here is left alone rather than reported twice.

/// Skips the value of a serde key we do not need: `key`, `key = expr`, or `key(...)`.
fn skip_value(meta: &ParseNestedMeta) -> syn::Result<()> {
    if meta.input.peek(Token![=]) {
        meta.value()?.parse::<syn::Expr>()?;
    } else if meta.input.peek(syn::token::Paren) {
        let content;
        syn::parenthesized!(content in meta.input);
        content.parse::<proc_macro2::TokenStream>()?;
    }
    Ok(())
}

/// `rename = "x"` or `rename(serialize = "x", deserialize = "y")`: the serialize name.
fn serialize_name(meta: &ParseNestedMeta) -> syn::Result<Option<String>> {
    if meta.input.peek(Token![=]) {
        return Ok(Some(meta.value()?.parse::<LitStr>()?.value()));
    }
    let mut name = None;
    meta.parse_nested_meta(|inner| {
        if inner.path.is_ident("serialize") {
            name = Some(inner.value()?.parse::<LitStr>()?.value());
            Ok(())
        } else {
            skip_value(&inner)
        }
    })?;
    Ok(name)
}

pub(crate) fn parse_serde_container(
    attr: &Attribute,
    rename: &mut Option<String>,
    rename_all: &mut Option<RenameRule>,
) {
    let _ = attr.parse_nested_meta(|meta| {
        if meta.path.is_ident("rename") {
            if let Some(name) = serialize_name(&meta)? {
                *rename = Some(name);
            }
        } else if meta.path.is_ident("rename_all") {
            if let Some(rule) = serialize_name(&meta)?.and_then(|n| RenameRule::from_str(&n)) {
                *rename_all = Some(rule);
            }
        } else {
            skip_value(&meta)?;
        }
        Ok(())
    });
}

pub(crate) fn parse_serde_field(
    attr: &Attribute,
    rename: &mut Option<String>,
    skip_serializing: &mut bool,
    flatten: &mut bool,
) {
    let _ = attr.parse_nested_meta(|meta| {
        if meta.path.is_ident("rename") {
            if let Some(name) = serialize_name(&meta)? {
                *rename = Some(name);
            }
        } else if meta.path.is_ident("skip") || meta.path.is_ident("skip_serializing") {
            *skip_serializing = true;
        } else if meta.path.is_ident("flatten") {
            *flatten = true;
        } else {
            skip_value(&meta)?;
        }
        Ok(())
    });
}

/// The first paragraph of the doc comments (`///`), lines trimmed and joined with spaces, with
/// rustdoc's escapes of `[ ] < >` undone: what a DTO's description is when no `#[api]` or
/// `#[api_member]` gives one (as clap reads help from docs).
pub(crate) fn doc_description(attrs: &[Attribute]) -> Option<String> {
    let mut lines = Vec::new();
    for attr in attrs {
        if let Meta::NameValue(nv) = &attr.meta
            && nv.path.is_ident("doc")
            && let Expr::Lit(lit) = &nv.value
            && let Lit::Str(text) = &lit.lit
        {
            lines.push(text.value().trim().to_owned());
        }
    }
    let first: Vec<&str> = lines
        .iter()
        .map(String::as_str)
        .skip_while(|l| l.is_empty())
        .take_while(|l| !l.is_empty())
        .collect();
    (!first.is_empty()).then(|| {
        first
            .join(" ")
            .replace("\\[", "[")
            .replace("\\]", "]")
            .replace("\\<", "<")
            .replace("\\>", ">")
    })
}
