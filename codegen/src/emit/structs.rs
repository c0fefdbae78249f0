//! Structs: fields in wire order (bases' after the type's own), renames, boxing, the .NET
//! scalar mapping, and the `Default` the time crate's types need.

use super::*;

impl Emitter<'_> {
    pub(super) fn struct_item(&mut self, index: usize, code: &mut Code) {
        let def = Arc::clone(&self.types[index]);
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
            let unused = unused_params(&def, &used);
            let this = format!("{name}{generics}");
            code.docs(&docs);
            code.raw_attrs(allow);
            code.raw_attrs(self.type_attrs(&def.name));
            code.line("#[derive(Debug, Clone, PartialEq, Default)]");
            code.line("#[derive(::serde::Serialize, ::serde::Deserialize, ::dto::Type)]");
            code.line("#[serde(transparent)]");
            let mut fill = "";
            if unused.is_empty() {
                code.line(Doc::Seq(vec![
                    Doc::params(
                        format!("pub struct {this}("),
                        vec![Doc::Seq(vec!["pub ".into(), inner.clone()])],
                    ),
                    ";".into(),
                ]));
            } else {
                // An attribute puts each member on its own line.
                code.open_with(format!("pub struct {this}"), "(");
                code.line(Doc::Seq(vec!["pub ".into(), inner.clone(), ",".into()]));
                code.line("#[serde(skip)]");
                code.line(format!("pub {},", phantom(&unused)));
                code.close_with(");");
                fill = ", ::std::marker::PhantomData";
            }
            // Used as the collection it is: `Deref`, and `From` both ways.
            code.blank();
            code.open(format!("impl{generics} ::std::ops::Deref for {this}"));
            code.line(Doc::Seq(vec![
                "type Target = ".into(),
                inner.clone(),
                ";".into(),
            ]));
            code.open("fn deref(&self) -> &Self::Target");
            code.line("&self.0");
            code.close();
            code.close();
            code.blank();
            code.open(format!("impl{generics} ::std::ops::DerefMut for {this}"));
            code.open("fn deref_mut(&mut self) -> &mut Self::Target");
            code.line("&mut self.0");
            code.close();
            code.close();
            code.blank();
            code.open(Doc::Seq(vec![
                format!("impl{generics} ::std::convert::From<").into(),
                inner.clone(),
                ">".into(),
                Doc::Break,
                format!("for {this}").into(),
            ]));
            code.open(Doc::Seq(vec![
                Doc::params(
                    "fn from(",
                    vec![Doc::Seq(vec!["inner: ".into(), inner.clone()])],
                ),
                " -> Self".into(),
            ]));
            code.line(format!("Self(inner{fill})"));
            code.close();
            code.close();
            code.blank();
            code.open(Doc::Seq(vec![
                format!("impl{generics} ::std::convert::From<{this}>").into(),
                Doc::Break,
                "for ".into(),
                inner,
            ]));
            code.open(format!("fn from(outer: {this}) -> Self"));
            code.line("outer.0");
            code.close();
            code.close();
            return;
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
            .map(|f| field_names.unique(names::field_name(&f.prop().name)))
            .collect();
        // One `rename_all` when a rule gives more fields their wire names than their own
        // names do; explicit renames only for the others.
        let matching = |rule: Option<RenameAll>| {
            fields
                .iter()
                .zip(&idents)
                .filter(|(f, id)| match rule {
                    Some(rule) => rule.apply(id) == f.prop().wire_name,
                    None => names::unraw(id) == f.prop().wire_name,
                })
                .count()
        };
        let rename_all = [RenameAll::Camel, RenameAll::Pascal]
            .into_iter()
            .map(|rule| (matching(Some(rule)), rule))
            .filter(|(count, _)| *count > matching(None))
            .max_by_key(|(count, _)| *count)
            .map(|(_, rule)| rule);
        // The fields' text, written after the struct's attributes.
        let mut body = Code::nested();
        // Fields whose type has no `Default` (the time crate's date-times): (field, adapter).
        let mut manual_defaults: Vec<(String, String)> = Vec::new();
        let mut used_params: HashSet<String> = HashSet::new();
        for (f, field_ident) in fields.iter().zip(&idents) {
            collect_params(f.ty(), &def.generic_params, &mut used_params);
            let boxed = self.boxed.contains(&(index, f.prop().wire_name.clone()));
            let optional = f.prop().is_optional();
            let inner_ty = match f.ty() {
                TypeRef::Nullable(inner) => inner,
                other => other,
            };
            let mut serde_args: Vec<Doc> = Vec::new();
            let foreign = match inner_ty {
                TypeRef::Primitive(p) if !boxed => self.foreign_scalar(*p),
                _ => None,
            };
            let mut ty = match foreign {
                Some((ty, adapter)) => {
                    let with = if optional {
                        format!("{adapter}::option")
                    } else {
                        adapter.clone()
                    };
                    serde_args.push(format!("with = {}", lit(&with)).into());
                    if !optional && self.options.dotnet_types == DotnetTypes::Time {
                        manual_defaults.push((field_ident.clone(), adapter));
                    }
                    Doc::text(ty)
                }
                None => self.rust_type(inner_ty, &def),
            };
            if boxed {
                ty = Doc::generic("::std::boxed::Box", vec![ty]);
            }
            if optional {
                ty = option(ty);
            }
            let serde_name = match rename_all {
                Some(rule) => rule.apply(field_ident),
                None => names::unraw(field_ident).to_string(),
            };
            if serde_name != f.prop().wire_name {
                serde_args.push(format!("rename = {}", lit(&f.prop().wire_name)).into());
            }
            // Missing members already read as defaults: the struct has `#[serde(default)]`.
            if optional {
                serde_args.push("skip_serializing_if = \"::std::option::Option::is_none\"".into());
            }
            let description = f.prop().description.as_deref().or_else(|| {
                f.prop()
                    .api_member
                    .as_ref()
                    .and_then(|a| a.description.as_deref())
            });
            body.docs(&doc_attrs(description.unwrap_or_default()));
            if !serde_args.is_empty() {
                body.attr(Doc::args("serde(", serde_args));
            }
            // The derive reads a plain one-line description back from the doc comment.
            if is_request
                && let Some(api_member) =
                    api_member_attr(f.prop(), description.filter(|d| !is_plain_doc(d)))
            {
                body.attr(api_member);
            }
            body.raw_attrs(self.field_attrs(&def.name, f.prop()));
            body.line(Doc::Seq(vec![
                format!("pub {field_ident}: ").into(),
                ty,
                ",".into(),
            ]));
        }
        let mut field_idents = idents;
        // A generic parameter no field uses still needs a use (E0392).
        let unused = unused_params(&def, &used_params);
        if !unused.is_empty() {
            let marker = field_names.unique("_marker".to_string());
            body.line("#[serde(skip)]");
            body.line(format!("pub {marker}: {},", phantom(&unused)));
            field_idents.push(marker);
        }

        let mut derive_dto = "";
        let mut request_attrs = Vec::new();
        if is_request && let Some(op) = operation {
            derive_dto = ", ::dto::Dto";
            request_attrs = self.request_attrs(&def, op, &fields, &mut docs);
        }
        let mut serde_args: Vec<Doc> = vec!["default".into()];
        // The operation name (`dto::Request::NAME`) is the serde name: keep the .NET one.
        if names::unraw(&name) != def.name {
            serde_args.push(format!("rename = {}", lit(&def.name)).into());
        }
        if let Some(rule) = rename_all {
            serde_args.push(format!("rename_all = {}", lit(rule.as_str())).into());
        }
        serde_args.extend(deserialize_bound(&def));
        let derive_default = if manual_defaults.is_empty() {
            ", Default"
        } else {
            ""
        };
        code.docs(&docs);
        code.raw_attrs(allow);
        code.raw_attrs(self.type_attrs(&def.name));
        code.line(format!(
            "#[derive(Debug, Clone, PartialEq{derive_default})]"
        ));
        code.line(format!(
            "#[derive(::serde::Serialize, ::serde::Deserialize, ::dto::Type{derive_dto})]"
        ));
        code.attr(Doc::args("serde(", serde_args));
        for attr in request_attrs {
            code.attr(attr);
        }
        let header = format!("pub struct {name}{generics}");
        if body.is_empty() {
            code.line(format!("{header} {{}}"));
        } else {
            code.open(header);
            code.append(body);
            code.close();
        }
        if !manual_defaults.is_empty() {
            code.blank();
            default_impl(&name, &def, &field_idents, &manual_defaults, code);
        }
    }

    /// A .NET date-time or duration member typed with chrono's or time's types: the Rust type and
    /// `dto`'s serde adapter for it.
    pub(super) fn foreign_scalar(&self, p: Primitive) -> Option<(&'static str, String)> {
        let (ty, adapter) = match (self.options.dotnet_types, p) {
            (DotnetTypes::Chrono, Primitive::DateTime) => {
                ("::chrono::DateTime<::chrono::Utc>", "chrono::date_time")
            }
            (DotnetTypes::Chrono, Primitive::DateTimeOffset) => (
                "::chrono::DateTime<::chrono::FixedOffset>",
                "chrono::date_time_offset",
            ),
            (DotnetTypes::Chrono, Primitive::TimeSpan) => {
                ("::chrono::TimeDelta", "chrono::time_span")
            }
            (DotnetTypes::Time, Primitive::DateTime) => {
                ("::time::OffsetDateTime", "time::date_time")
            }
            (DotnetTypes::Time, Primitive::DateTimeOffset) => {
                ("::time::OffsetDateTime", "time::date_time_offset")
            }
            (DotnetTypes::Time, Primitive::TimeSpan) => ("::time::Duration", "time::time_span"),
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

/// The identifiers of `def`'s generic parameters not in `used` (they need a `PhantomData`).
fn unused_params(def: &TypeDef, used: &HashSet<String>) -> Vec<String> {
    def.generic_params
        .iter()
        .filter(|p| !used.contains(*p))
        .map(|p| param_ident(p))
        .collect()
}

/// `impl Default` for a struct with members whose type has none (the time crate's date-times):
/// those get .NET's default through their adapter, the others `Default::default()`.
pub(super) fn default_impl(
    name: &str,
    def: &TypeDef,
    fields: &[String],
    manual: &[(String, String)],
    code: &mut Code,
) {
    let params: Vec<String> = def.generic_params.iter().map(|p| param_ident(p)).collect();
    let (generics, bounds) = if params.is_empty() {
        (String::new(), String::new())
    } else {
        let bounds: Vec<String> = params
            .iter()
            .map(|p| format!("{p}: ::std::default::Default"))
            .collect();
        (
            format!("<{}>", params.join(", ")),
            format!("<{}>", bounds.join(", ")),
        )
    };
    let values = fields
        .iter()
        .map(|field| {
            match manual
                .iter()
                .find(|(manual_field, _)| manual_field == field)
            {
                Some((_, adapter)) => format!("{field}: {adapter}::default()"),
                None => format!("{field}: ::std::default::Default::default()"),
            }
            .into()
        })
        .collect();
    code.open(format!(
        "impl{bounds} ::std::default::Default for {name}{generics}"
    ));
    code.open("fn default() -> Self");
    code.line(Doc::braced("Self", values));
    code.close();
    code.close();
}

/// For a generic struct, serde's deserialize bound: `#[serde(default)]` needs `Self: Default`,
/// which `#[derive(Default)]` gives only when every parameter is `Default`, a bound serde does
/// not infer. Every type a service can put there (its DTOs, .NET primitives, lists, maps,
/// `dto::Value`) is `Default`, so the bound is stated instead of dropping either derive.
pub(super) fn deserialize_bound(def: &TypeDef) -> Option<Doc> {
    if def.generic_params.is_empty() {
        return None;
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
    let bounds = format!("deserialize = {}", lit(&bounds.join(", ")));
    Some(Doc::args("bound(", vec![bounds.into()]))
}
