//! Turns the TypeScript/C# syntax tree into the IR ([`crate::model::Schema`]).

use std::collections::{HashMap, HashSet};

use super::{AliasDecl, ClassDecl, Decl, EnumDecl, EnumValue, TsFile, TsType};
use crate::model::{
    ApiMember, Attribute, CollectionKind, DataMember, EnumDef, EnumMember, EnumRepr, Operation,
    Primitive, Property, Route, Schema, SourceLocation, TypeDef, TypeKind, TypeRef,
};
use crate::read::syntax::comments::{Attr, AttrValue, Leading};
use crate::read::syntax::lexer::Pos;

/// Which language the tree came from: decides how type names map to primitives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Flavor {
    TypeScript,
    /// C# source; wire names are the .NET names re-cased for the host (`camel` = camelCase).
    CSharp {
        camel: bool,
    },
}

/// Options for one lowering.
pub(crate) struct Lowering<'a> {
    pub file: &'a str,
    /// Added to every line (the code's first line in a page, minus one).
    pub line_offset: u32,
    pub flavor: Flavor,
}

/// Marker interfaces ServiceStack declares for verbs.
const VERB_MARKERS: &[(&str, &str)] = &[
    ("IGet", "GET"),
    ("IPost", "POST"),
    ("IPut", "PUT"),
    ("IDelete", "DELETE"),
    ("IPatch", "PATCH"),
];

impl Lowering<'_> {
    fn loc(&self, pos: Pos) -> Option<SourceLocation> {
        Some(SourceLocation::new(
            self.file,
            pos.line + self.line_offset,
            pos.column,
        ))
    }

    /// Lowers a parsed file into a schema.
    pub(crate) fn lower(&self, file: &TsFile) -> Schema {
        let mut schema = Schema::default();
        for (pos, msg) in &file.warnings {
            schema.warn(self.loc(*pos), msg.clone());
        }
        if let Some(h) = &file.header {
            schema.base_url = h
                .entries
                .iter()
                .find(|(k, v, _)| k == "BaseUrl" && !v.is_empty())
                .map(|(_, v, _)| v.clone());
        }
        let namespace = file.namespaces.first().cloned();
        let aliases: HashMap<&str, &AliasDecl> = file
            .decls
            .iter()
            .filter_map(|d| match d {
                Decl::Alias(a) if !is_string_union(&a.ty) => Some((a.name.as_str(), a)),
                _ => None,
            })
            .collect();
        let has_classes = file
            .decls
            .iter()
            .any(|d| matches!(d, Decl::Class(c) if !c.is_interface));
        let enum_names: HashSet<&str> = file
            .decls
            .iter()
            .filter_map(|d| match d {
                Decl::Enum(e) => Some(e.name.as_str()),
                Decl::Alias(a) if is_string_union(&a.ty) => Some(a.name.as_str()),
                _ => None,
            })
            .collect();
        let class_names: HashSet<&str> = file
            .decls
            .iter()
            .filter_map(|d| match d {
                Decl::Class(c) => Some(c.name.as_str()),
                _ => None,
            })
            .collect();
        // v5-era `/types/typescript` marks nothing optional although every member is
        // nullable on the wire; `?` only means something once some member uses it.
        let any_question = file.decls.iter().any(|d| match d {
            Decl::Class(c) => c.props.iter().any(|p| p.optional),
            _ => false,
        });
        // Since v6 (2022) `?` follows the .NET nullability rules, so a v6+ header means
        // "no `?` anywhere" is a real answer.
        let modern = file.header.as_ref().is_some_and(|h| {
            h.entries.iter().any(|(k, v, _)| {
                k == "Version"
                    && v.split('.')
                        .next()
                        .and_then(|m| m.trim().parse::<u32>().ok())
                        .is_some_and(|major| major >= 6)
            })
        });
        let all_optional = self.flavor == Flavor::TypeScript && !any_question && !modern;
        let mut ctx = Ctx {
            lowering: self,
            aliases,
            enum_names,
            class_names,
            warnings: Vec::new(),
            member: None,
        };
        for (index, decl) in file.decls.iter().enumerate() {
            let namespace = file
                .namespace_of(index)
                .map(str::to_string)
                .or_else(|| namespace.clone());
            match decl {
                Decl::Class(c) => {
                    let (ty, op) = ctx.class(c, has_classes, all_optional);
                    let mut ty = ty;
                    ty.namespace = namespace.clone();
                    schema.types.push(ty);
                    if let Some(op) = op {
                        schema.operations.push(op);
                    }
                }
                Decl::Enum(e) => {
                    let mut ty = ctx.enum_decl(e, has_classes);
                    ty.namespace = namespace.clone();
                    schema.types.push(ty);
                }
                Decl::Alias(a) => {
                    if is_string_union(&a.ty) {
                        let parts = match &a.ty {
                            TsType::Union(parts) => parts.as_slice(),
                            single => std::slice::from_ref(single),
                        };
                        let mut ty = ctx.union_enum(a, parts);
                        ty.namespace = namespace.clone();
                        schema.types.push(ty);
                    }
                    // Other aliases are substituted where used.
                }
            }
        }
        schema.warnings.extend(ctx.warnings);
        keep_namespaced_types(&mut schema);
        schema
    }
}

/// Keeps every definition of a name that several namespaces define (C# resolves a name to the
/// definition in the referring type's namespace): a request's (or else the first) keeps the
/// name, the others get [`crate::model::namespaced_name`]s, and each type's references point to
/// the definition in its own namespace when there is one.
fn keep_namespaced_types(schema: &mut Schema) {
    let mut namespaces: HashMap<(String, usize), Vec<Option<String>>> = HashMap::new();
    for ty in &schema.types {
        let seen = namespaces.entry((ty.name.clone(), ty.arity())).or_default();
        if !seen.contains(&ty.namespace) {
            seen.push(ty.namespace.clone());
        }
    }
    namespaces.retain(|_, seen| seen.len() > 1);
    if namespaces.is_empty() {
        return;
    }
    let requests: HashSet<String> = schema
        .operations
        .iter()
        .map(|o| o.request.clone())
        .collect();
    let mut taken: HashSet<(String, usize)> = schema
        .types
        .iter()
        .map(|t| (t.name.clone(), t.arity()))
        .collect();
    // (name, arity, namespace) → the name that definition gets.
    let mut names: HashMap<(String, usize, Option<String>), String> = HashMap::new();
    let mut clashing: Vec<_> = namespaces.into_iter().collect();
    clashing.sort();
    for ((name, arity), seen) in clashing {
        // The request's definition keeps the name (it is the operation's name on the wire).
        let keeper = schema
            .types
            .iter()
            .find(|t| t.name == name && t.arity() == arity && requests.contains(&t.name))
            .map_or_else(|| seen[0].clone(), |t| t.namespace.clone());
        for namespace in seen {
            let renamed = if namespace == keeper {
                name.clone()
            } else {
                let renamed = crate::model::namespaced_name(&name, namespace.as_deref(), |c| {
                    taken.contains(&(c.to_string(), arity))
                });
                taken.insert((renamed.clone(), arity));
                renamed
            };
            names.insert((name.clone(), arity, namespace), renamed);
        }
    }
    for ty in &mut schema.types {
        let owner = ty.namespace.clone();
        let mut choose = |name: &str, arity: usize, _outermost: bool| {
            names
                .get(&(name.to_string(), arity, owner.clone()))
                .filter(|renamed| *renamed != name)
                .cloned()
        };
        let key = (ty.name.clone(), ty.arity(), owner.clone());
        if let Some(renamed) = names.get(&key) {
            ty.name = renamed.clone();
        }
        for prop in &mut ty.properties {
            prop.ty.rename_named(&mut choose);
        }
        if let Some(base) = &mut ty.base {
            base.rename_named(&mut choose);
        }
        for implemented in &mut ty.implements {
            implemented.rename_named(&mut choose);
        }
        if let Some(op) = schema.operations.iter_mut().find(|o| o.request == ty.name)
            && let Some(response) = &mut op.response
        {
            response.rename_named(&mut choose);
        }
    }
}

/// Maps a standalone C# type (no generic parameters, no aliases in scope).
pub(crate) fn csharp_type_ref(t: &TsType) -> TypeRef {
    let lowering = Lowering {
        file: "",
        line_offset: 0,
        flavor: Flavor::CSharp { camel: true },
    };
    let mut ctx = Ctx {
        lowering: &lowering,
        aliases: HashMap::new(),
        enum_names: HashSet::new(),
        class_names: HashSet::new(),
        warnings: Vec::new(),
        member: None,
    };
    ctx.type_ref(t, &[], Pos::default())
}

fn is_string_union(t: &TsType) -> bool {
    matches!(t, TsType::Union(parts) if parts.iter().all(|p| matches!(p, TsType::StrLit(_))))
        || matches!(t, TsType::StrLit(_))
}

struct Ctx<'a> {
    lowering: &'a Lowering<'a>,
    aliases: HashMap<&'a str, &'a AliasDecl>,
    enum_names: HashSet<&'a str>,
    /// Classes and interfaces the file defines.
    class_names: HashSet<&'a str>,
    warnings: Vec<crate::model::Warning>,
    /// `Type.member` being lowered, for warning messages.
    member: Option<String>,
}

/// What a reference in `extends`/`implements` turned out to mean.
enum Heritage {
    Base(TypeRef),
    Interface(TypeRef),
    Returns(TypeRef),
    ReturnsVoid,
    /// A verb marker interface (`IPost`) and its verb.
    Verb(&'static str, &'static str),
}

impl Ctx<'_> {
    fn warn(&mut self, pos: Pos, msg: String) {
        let loc = self.lowering.loc(pos);
        // Name the member concerned when the message does not already.
        let msg = match &self.member {
            Some(m) if !msg.contains('`') => format!("`{m}`: {msg}"),
            _ => msg,
        };
        self.warnings.push(crate::model::Warning::new(loc, msg));
    }

    fn class(
        &mut self,
        c: &ClassDecl,
        file_has_classes: bool,
        all_optional: bool,
    ) -> (TypeDef, Option<Operation>) {
        let params: Vec<String> = c.type_params.clone();
        let mut ty = TypeDef::class(c.name.clone());
        ty.generic_params = params.clone();
        ty.location = self.lowering.loc(c.pos);
        ty.is_abstract = c.is_abstract;
        // In an ambient `.d.ts` every DTO is an interface; only `IFoo` markers are interfaces.
        let is_marker = looks_like_interface(&c.name);
        ty.kind = if c.is_interface && (file_has_classes || is_marker) {
            TypeKind::Interface
        } else {
            TypeKind::Class
        };
        ty.description = self.description(&c.leading, "Api");
        ty.notes = c
            .leading
            .attr("Notes")
            .and_then(|a| a.positional(0))
            .map(|v| v.text().to_string());
        if let Some(dc) = c.leading.attr("DataContract") {
            ty.data_contract_name = dc
                .named("Name")
                .map(|v| v.text().to_string())
                .filter(|n| *n != c.name);
        }
        let mut op = Operation {
            request: c.name.clone(),
            location: ty.location.clone(),
            ..Operation::default()
        };
        let mut is_op = false;
        let heritage: Vec<(bool, &TsType)> = c
            .extends
            .iter()
            .map(|t| (true, t))
            .chain(c.implements.iter().map(|t| (false, t)))
            .collect();
        for (from_extends, t) in heritage {
            match self.heritage(t, &params, from_extends, c) {
                Heritage::Base(b) => {
                    if c.is_interface && file_has_classes {
                        // A real interface's `extends` are more interfaces.
                        ty.implements.push(b);
                    } else if ty.base.is_none() {
                        ty.base = Some(b);
                    } else {
                        self.warn(
                            c.pos,
                            format!("`{}` has more than one base type; `{b}` is recorded as an interface", c.name),
                        );
                        ty.implements.push(b);
                    }
                }
                Heritage::Interface(i) => ty.implements.push(i),
                Heritage::Returns(r) => {
                    is_op = true;
                    op.response = Some(r);
                }
                Heritage::ReturnsVoid => {
                    is_op = true;
                    op.returns_void = true;
                }
                Heritage::Verb(marker, verb) => {
                    op.method.get_or_insert_with(|| verb.to_string());
                    ty.implements.push(TypeRef::named(marker));
                }
            }
        }
        if let Some((k, v)) = &c.index {
            if ty.base.is_some() {
                // The base carries real fields; an extra index signature is a customisation
                // that allows arbitrary members, which a struct cannot express.
                self.warn(
                    c.pos,
                    format!(
                        "`{}` has both a base class and an index signature; the index signature is ignored",
                        c.name
                    ),
                );
            } else {
                let key = self.type_ref(k, &params, c.pos);
                let value = self.type_ref(v, &params, c.pos);
                ty.base = Some(TypeRef::map(key, value));
            }
        }
        for a in &c.leading.attrs {
            if a.is("Route") {
                is_op = true;
                op.routes.push(route(a));
            } else if a.is("Authenticate") || a.is("ValidateIsAuthenticated") {
                op.requires_auth = true;
            } else if a.is("RequiredRole") || a.is("RequiresAnyRole") || a.is("ValidateHasRole") {
                op.requires_auth = true;
                op.required_roles
                    .extend(a.positionals().map(|v| v.text().to_string()));
            } else if a.is("RequiredPermission")
                || a.is("RequiresAnyPermission")
                || a.is("ValidateHasPermission")
            {
                op.requires_auth = true;
                op.required_permissions
                    .extend(a.positionals().map(|v| v.text().to_string()));
            } else if a.is("Tag") {
                op.tags
                    .extend(a.positional(0).map(|v| v.text().to_string()));
            } else if a.is("ValidateRequest")
                && a.positional(0)
                    .is_some_and(|v| v.text() == "IsAuthenticated")
            {
                op.requires_auth = true;
            }
            if !["Api", "Route", "DataContract"].iter().any(|n| a.is(n)) {
                ty.attributes.push(attribute(a));
            }
        }
        let mut seen = HashSet::new();
        for p in &c.props {
            if p.redeclared {
                // `declare public x: T;` re-types a base member; the base already has it.
                continue;
            }
            let mut prop = Property {
                name: p.name.clone(),
                wire_name: self.wire_name(&p.name, &p.leading),
                location: self.lowering.loc(p.pos),
                description: self.description(&p.leading, "ApiMember"),
                ..Property::default()
            };
            self.member = Some(format!("{}.{}", c.name, p.name));
            let raw = self.type_ref(&p.ty, &params, p.pos);
            self.member = None;
            prop.ty = raw;
            prop.api_member = p.leading.attr("ApiMember").map(api_member);
            prop.data_member = p.leading.attr("DataMember").map(data_member);
            for a in &p.leading.attrs {
                if !a.is("ApiMember") && !a.is("DataMember") {
                    prop.attributes.push(attribute(a));
                }
            }
            let required = prop.api_member.as_ref().is_some_and(|m| m.is_required)
                || prop.data_member.as_ref().is_some_and(|m| m.is_required)
                || p.leading.attr("Required").is_some()
                || p.leading.attr("ValidateNotNull").is_some();
            prop.optional = match self.lowering.flavor {
                Flavor::TypeScript => p.optional || all_optional,
                Flavor::CSharp { .. } => !required && !self.is_value_type(&prop.ty),
            };
            if !seen.insert(prop.wire_name.to_ascii_lowercase()) {
                self.warn(
                    p.pos,
                    format!(
                        "`{}.{}` is declared twice; the second is ignored",
                        c.name, p.name
                    ),
                );
                continue;
            }
            ty.properties.push(prop);
        }
        if let Some(m) = &c.method {
            op.method = Some(m.clone());
        }
        if is_op && c.is_interface && file_has_classes {
            // An operation's request is a class even when declared as an interface.
            ty.kind = TypeKind::Class;
        }
        (ty, is_op.then_some(op))
    }

    fn is_value_type(&self, t: &TypeRef) -> bool {
        match t {
            TypeRef::Primitive(p) => !matches!(
                p,
                Primitive::String | Primitive::Any | Primitive::Bytes | Primitive::Uri
            ),
            TypeRef::Named { name, args } => {
                (args.is_empty() && self.enum_names.contains(name.as_str()))
                    || (!self.class_names.contains(name.as_str())
                        && crate::model::is_dotnet_value_type(name, args.len()))
            }
            _ => false,
        }
    }

    fn wire_name(&self, name: &str, leading: &Leading) -> String {
        if let Some(alias) = leading
            .attr("DataMember")
            .and_then(|a| a.named("Name"))
            .map(|v| v.text().to_string())
        {
            return alias;
        }
        match self.lowering.flavor {
            // TypeScript names are already the wire names (aliases applied by the generator).
            Flavor::TypeScript | Flavor::CSharp { camel: false } => name.to_string(),
            Flavor::CSharp { camel: true } => crate::model::camel_case(name),
        }
    }

    /// JSDoc/XML doc, else the `Description` of `attr` (`Api` or `ApiMember`), else `[Description]`.
    fn description(&self, leading: &Leading, attr: &str) -> Option<String> {
        leading
            .doc
            .clone()
            .or_else(|| {
                leading
                    .attr(attr)
                    .and_then(|a| {
                        a.named("Description")
                            .or_else(|| if attr == "Api" { a.positional(0) } else { None })
                    })
                    .map(|v| v.text().to_string())
            })
            .or_else(|| {
                leading
                    .attr("Description")
                    .and_then(|a| a.positional(0))
                    .map(|v| v.text().to_string())
            })
            .filter(|d| !d.trim().is_empty())
    }

    /// Classifies one `extends`/`implements` entry; `from_extends` is false for `implements`.
    fn heritage(
        &mut self,
        t: &TsType,
        params: &[String],
        from_extends: bool,
        c: &ClassDecl,
    ) -> Heritage {
        if let TsType::Named { name, args } = t {
            let short = name.rsplit('.').next().unwrap_or(name);
            match (short, args.len()) {
                ("IReturn", 1) => return Heritage::Returns(self.type_ref(&args[0], params, c.pos)),
                ("IReturnVoid", 0) => return Heritage::ReturnsVoid,
                _ => {}
            }
            if let Some((m, v)) = VERB_MARKERS.iter().find(|(m, _)| *m == short)
                && args.is_empty()
            {
                return Heritage::Verb(m, v);
            }
            // Collection/dictionary bases: `extends Array<T>`, `extends Dictionary<T>`.
            match (short, args.len()) {
                ("Array" | "List", 1) => {
                    return Heritage::Base(TypeRef::list(self.type_ref(&args[0], params, c.pos)));
                }
                ("Dictionary", 1) => {
                    return Heritage::Base(TypeRef::map(
                        TypeRef::Primitive(Primitive::String),
                        self.type_ref(&args[0], params, c.pos),
                    ));
                }
                ("any" | "Object", 0) if from_extends => {
                    // v5 generators print a `Dictionary<string, T>` base as `extends any`.
                    self.warn(
                        c.pos,
                        format!(
                            "`{}` extends `{short}`: assumed to be a string-keyed map of any values",
                            c.name
                        ),
                    );
                    return Heritage::Base(TypeRef::map(
                        TypeRef::Primitive(Primitive::String),
                        TypeRef::Primitive(Primitive::Any),
                    ));
                }
                _ => {}
            }
            let r = self.type_ref(t, params, c.pos);
            if !from_extends || (c.is_interface && looks_like_interface(short)) {
                return Heritage::Interface(r);
            }
            return Heritage::Base(r);
        }
        let r = self.type_ref(t, params, c.pos);
        if from_extends {
            Heritage::Base(r)
        } else {
            Heritage::Interface(r)
        }
    }

    fn enum_decl(&mut self, e: &EnumDecl, file_has_classes: bool) -> TypeDef {
        let flags = e.leading.attr("Flags").is_some();
        let mut ty = TypeDef::class(e.name.clone());
        ty.location = self.lowering.loc(e.pos);
        ty.description = self.description(&e.leading, "Api");
        for a in &e.leading.attrs {
            ty.attributes.push(attribute(a));
        }
        let mut members: Vec<EnumMember> = Vec::new();
        let mut known: HashMap<String, i64> = HashMap::new();
        let mut next = 0i64;
        let mut any_number = false;
        for m in &e.members {
            let mut member = EnumMember {
                name: m.name.clone(),
                description: m.leading.doc.clone().or_else(|| {
                    m.leading
                        .attr("Description")
                        .and_then(|a| a.positional(0))
                        .map(|v| v.text().to_string())
                }),
                ..EnumMember::default()
            };
            if let Some(v) = m
                .leading
                .attr("EnumMember")
                .and_then(|a| a.named("Value"))
                .map(|v| v.text().to_string())
            {
                member.wire_name = Some(v).filter(|v| *v != m.name);
            }
            match &m.value {
                Some(EnumValue::Str(s)) => {
                    if *s != m.name {
                        member.wire_name = Some(s.clone());
                    }
                }
                Some(EnumValue::Expr(x)) => match eval_enum_expr(x, &known) {
                    Some(n) => {
                        any_number = true;
                        member.value = Some(n);
                        next = n.wrapping_add(1);
                    }
                    None => self.warn(
                        m.pos,
                        format!(
                            "cannot evaluate the value `{x}` of `{}.{}`; it is left unnumbered",
                            e.name, m.name
                        ),
                    ),
                },
                None => {
                    if any_number || flags {
                        member.value = Some(next);
                        next = next.wrapping_add(1);
                    }
                }
            }
            if let Some(v) = member.value {
                known.insert(m.name.clone(), v);
            }
            members.push(member);
        }
        // v1 ambient `.d.ts` files camel-cased enum members (`value1`) and gave no values;
        // the wire carries the .NET (PascalCase) names, so that is the best guess.
        let v1_camel = self.lowering.flavor == Flavor::TypeScript
            && !file_has_classes
            && !e.members.is_empty()
            && e.members.iter().all(|m| m.value.is_none())
            && e.members
                .iter()
                .all(|m| m.name.starts_with(|c: char| c.is_ascii_lowercase()));
        if v1_camel {
            for m in &mut members {
                let mut chars = m.name.chars();
                let pascal: String = chars
                    .next()
                    .map(|c| c.to_ascii_uppercase())
                    .into_iter()
                    .chain(chars)
                    .collect();
                m.wire_name = Some(pascal);
            }
            self.warn(
                e.pos,
                format!(
                    "enum `{}` has camel-cased members without values (v1 .d.ts); assumed the wire names are PascalCase",
                    e.name
                ),
            );
        }
        // A numbered enum is only numeric on the wire when it is `[Flags]` (see the spec's
        // pitfall): TypeScript cannot tell `TreatEnumAsInteger`, so numbers alone stay String.
        let repr = if flags {
            EnumRepr::Flags
        } else {
            EnumRepr::String
        };
        ty.kind = TypeKind::Enum(EnumDef { repr, members });
        ty
    }

    fn union_enum(&mut self, a: &AliasDecl, parts: &[TsType]) -> TypeDef {
        let mut ty = TypeDef::class(a.name.clone());
        ty.location = self.lowering.loc(a.pos);
        ty.description = self.description(&a.leading, "Api");
        let members = parts
            .iter()
            .filter_map(|p| match p {
                TsType::StrLit(s) => Some(s.clone()),
                _ => None,
            })
            .map(|s| {
                let name = variant_name(&s);
                EnumMember {
                    wire_name: (name != s).then(|| s.clone()),
                    name,
                    ..EnumMember::default()
                }
            })
            .collect();
        ty.kind = TypeKind::Enum(EnumDef {
            repr: EnumRepr::String,
            members,
        });
        ty
    }

    /// Maps a syntactic type to a [`TypeRef`].
    fn type_ref(&mut self, t: &TsType, params: &[String], pos: Pos) -> TypeRef {
        self.type_ref_depth(t, params, pos, 0)
    }

    fn type_ref_depth(&mut self, t: &TsType, params: &[String], pos: Pos, depth: usize) -> TypeRef {
        if depth > 32 {
            self.warn(
                pos,
                "type aliases nest too deeply (or refer to themselves); using any".into(),
            );
            return TypeRef::Primitive(Primitive::Any);
        }
        let d = depth + 1;
        match t {
            TsType::Array(inner) => {
                // `byte[]` in C# is base64 text.
                if self.lowering.flavor != Flavor::TypeScript
                    && matches!(&**inner, TsType::Named { name, args } if args.is_empty() && (name == "byte" || name == "Byte"))
                {
                    return TypeRef::Primitive(Primitive::Bytes);
                }
                TypeRef::list(self.type_ref_depth(inner, params, pos, d))
            }
            TsType::Map { key, value } => TypeRef::map(
                self.type_ref_depth(key, params, pos, d),
                self.type_ref_depth(value, params, pos, d),
            ),
            TsType::StrLit(_) => TypeRef::Primitive(Primitive::String),
            TsType::NumLit(_) => TypeRef::Primitive(Primitive::Number),
            TsType::Opaque(what) => {
                self.warn(pos, format!("{what} has no DTO equivalent; using any"));
                TypeRef::Primitive(Primitive::Any)
            }
            TsType::Union(parts) => {
                let is_null = |p: &TsType| matches!(p, TsType::Named { name, args } if args.is_empty() && matches!(name.as_str(), "null" | "undefined" | "void"));
                let nullable = parts.iter().any(is_null);
                let rest: Vec<&TsType> = parts.iter().filter(|p| !is_null(p)).collect();
                let inner = match rest.as_slice() {
                    [] => TypeRef::Primitive(Primitive::Any),
                    [one] => self.type_ref_depth(one, params, pos, d),
                    many if many.iter().all(|p| matches!(p, TsType::StrLit(_))) => {
                        TypeRef::Primitive(Primitive::String)
                    }
                    many if many.iter().all(|p| matches!(p, TsType::NumLit(_))) => {
                        TypeRef::Primitive(Primitive::Number)
                    }
                    _ => {
                        self.warn(
                            pos,
                            "a union of different types has no DTO equivalent; using any".into(),
                        );
                        TypeRef::Primitive(Primitive::Any)
                    }
                };
                if nullable {
                    TypeRef::nullable(inner)
                } else {
                    inner
                }
            }
            TsType::Named { name, args } => {
                let short = name.rsplit('.').next().unwrap_or(name).to_string();
                if args.is_empty() && params.contains(&short) {
                    return TypeRef::GenericParam(short);
                }
                if let Some(alias) = self.aliases.get(short.as_str()).copied()
                    && alias.type_params.len() == args.len()
                {
                    let substituted = substitute(&alias.ty, &alias.type_params, args);
                    return self.type_ref_depth(&substituted, params, pos, d);
                }
                if let Some(p) = self.primitive(&short, args.len()) {
                    return TypeRef::Primitive(p);
                }
                let mut mapped: Vec<TypeRef> = args
                    .iter()
                    .map(|a| self.type_ref_depth(a, params, pos, d))
                    .collect();
                // TypeScript's own collections, then .NET's (one table, in the model).
                let kind = match (short.as_str(), mapped.len()) {
                    ("ReadonlyArray" | "Set", 1) => Some(CollectionKind::List),
                    ("Record" | "Map", 2) => Some(CollectionKind::Map),
                    (name, arity) => CollectionKind::from_dotnet(name, arity),
                };
                match (kind, short.as_str(), mapped.len()) {
                    (Some(CollectionKind::List), ..) => TypeRef::List(Box::new(mapped.remove(0))),
                    (Some(CollectionKind::Map), ..) => {
                        let v = mapped.remove(1);
                        TypeRef::Map(Box::new(mapped.remove(0)), Box::new(v))
                    }
                    (None, "Nullable", 1) => TypeRef::nullable(mapped.remove(0)),
                    (None, "Partial" | "Readonly" | "Required", 1) => mapped.remove(0),
                    (None, "Promise" | "Task", 1) => mapped.remove(0),
                    _ => TypeRef::Named {
                        name: short,
                        args: mapped,
                    },
                }
            }
        }
    }

    fn primitive(&self, name: &str, arity: usize) -> Option<Primitive> {
        if arity != 0 {
            return None;
        }
        let ts = match name {
            "string" | "String" => Primitive::String,
            "boolean" | "Boolean" => Primitive::Bool,
            "any" | "unknown" | "object" | "Object" | "dynamic" | "null" | "undefined"
            | "never" | "void" | "JsonNode" | "JsonElement" => Primitive::Any,
            "Uint8Array" | "ArrayBuffer" | "Blob" | "Stream" => Primitive::Bytes,
            _ => match self.lowering.flavor {
                Flavor::TypeScript => match name {
                    "number" | "Number" | "bigint" => Primitive::Number,
                    "true" | "false" => Primitive::Bool,
                    "symbol" => Primitive::Any,
                    "Date" => Primitive::DateTime,
                    _ => return None,
                },
                Flavor::CSharp { .. } => Primitive::from_dotnet(name)?,
            },
        };
        Some(ts)
    }
}

/// Replaces alias parameters by arguments.
fn substitute(t: &TsType, params: &[String], args: &[TsType]) -> TsType {
    match t {
        TsType::Named { name, args: a } => {
            if a.is_empty()
                && let Some(i) = params.iter().position(|p| p == name)
            {
                return args[i].clone();
            }
            TsType::Named {
                name: name.clone(),
                args: a.iter().map(|x| substitute(x, params, args)).collect(),
            }
        }
        TsType::Array(inner) => TsType::Array(Box::new(substitute(inner, params, args))),
        TsType::Map { key, value } => TsType::Map {
            key: Box::new(substitute(key, params, args)),
            value: Box::new(substitute(value, params, args)),
        },
        TsType::Union(parts) => {
            TsType::Union(parts.iter().map(|x| substitute(x, params, args)).collect())
        }
        other => other.clone(),
    }
}

fn looks_like_interface(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next() == Some('I') && chars.next().is_some_and(|c| c.is_ascii_uppercase())
}

/// A variant name for a union member's wire text (`"Member 1"` → `Member1`).
fn variant_name(wire: &str) -> String {
    let name: String = wire
        .chars()
        .filter(|c| c.is_alphanumeric() || *c == '_')
        .collect();
    if name.is_empty() {
        wire.to_string()
    } else {
        name
    }
}

fn route(a: &Attr) -> Route {
    let path = a
        .positional(0)
        .or_else(|| a.named("Path"))
        .map(|v| v.text().to_string())
        .unwrap_or_default();
    let verbs = a
        .positional(1)
        .or_else(|| a.named("Verbs"))
        .map(|v| Route::parse_verbs(v.text()))
        .unwrap_or_default();
    Route {
        path,
        verbs,
        summary: a.named("Summary").map(|v| v.text().to_string()),
        notes: a.named("Notes").map(|v| v.text().to_string()),
    }
}

fn is_true(v: Option<&AttrValue>) -> bool {
    v.is_some_and(|v| v.text().eq_ignore_ascii_case("true"))
}

fn api_member(a: &Attr) -> ApiMember {
    let s = |k: &str| a.named(k).map(|v| v.text().to_string());
    ApiMember {
        name: s("Name"),
        description: s("Description"),
        parameter_type: s("ParameterType"),
        data_type: s("DataType"),
        is_required: is_true(a.named("IsRequired")),
        format: s("Format"),
        route: s("Route"),
        verb: s("Verb"),
    }
}

fn data_member(a: &Attr) -> DataMember {
    DataMember {
        name: a.named("Name").map(|v| v.text().to_string()),
        order: a.named("Order").and_then(|v| v.text().parse().ok()),
        is_required: is_true(a.named("IsRequired")),
        no_emit_default: a
            .named("EmitDefaultValue")
            .is_some_and(|v| v.text().eq_ignore_ascii_case("false")),
    }
}

fn attribute(a: &Attr) -> Attribute {
    Attribute {
        name: a
            .name
            .strip_suffix("Attribute")
            .unwrap_or(&a.name)
            .to_string(),
        args: a
            .args
            .iter()
            .map(|x| (x.name.clone(), x.value.text().to_string()))
            .collect(),
    }
}

/// Evaluates `1`, `-1`, `0x10`, `1 << 3`, `A | B` (earlier members), left to right.
fn eval_enum_expr(x: &str, known: &HashMap<String, i64>) -> Option<i64> {
    let spaced = x
        .replace("<<", " << ")
        .replace('|', " | ")
        .replace(['(', ')'], " ");
    let mut acc: Option<i64> = None;
    let mut op: Option<&str> = None;
    for tok in spaced.split_whitespace() {
        match tok {
            "<<" | "|" => {
                if acc.is_none() || op.is_some() {
                    return None;
                }
                op = Some(tok);
            }
            _ => {
                let v = parse_int(tok).or_else(|| known.get(tok).copied())?;
                acc = Some(match (acc, op.take()) {
                    (None, None) => v,
                    (Some(a), Some("<<")) => a.checked_shl(u32::try_from(v).ok()?)?,
                    (Some(a), Some("|")) => a | v,
                    _ => return None,
                });
            }
        }
    }
    if op.is_some() { None } else { acc }
}

fn parse_int(tok: &str) -> Option<i64> {
    let (neg, t) = match tok.strip_prefix('-') {
        Some(rest) => (true, rest.trim()),
        None => (false, tok),
    };
    let t = t.trim_end_matches(['L', 'l', 'U', 'u']);
    let v = if let Some(hex) = t.strip_prefix("0x").or_else(|| t.strip_prefix("0X")) {
        i64::from_str_radix(hex, 16).ok()?
    } else {
        t.parse::<i64>().ok()?
    };
    Some(if neg { -v } else { v })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn enum_exprs() {
        let mut known = HashMap::new();
        assert_eq!(eval_enum_expr("7", &known), Some(7));
        assert_eq!(eval_enum_expr("-1", &known), Some(-1));
        assert_eq!(eval_enum_expr("1 << 3", &known), Some(8));
        assert_eq!(eval_enum_expr("1<<3", &known), Some(8));
        assert_eq!(eval_enum_expr("0x10", &known), Some(16));
        known.insert("A".to_string(), 1);
        known.insert("B".to_string(), 4);
        assert_eq!(eval_enum_expr("A | B", &known), Some(5));
        assert_eq!(eval_enum_expr("A | C", &known), None);
        assert_eq!(eval_enum_expr("1 << 99", &known), None);
    }
}
