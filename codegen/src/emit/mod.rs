//! The Rust emitter: [`Schema`] in, formatted Rust source out.
//!
//! Code is written as text laid out the way `prettyplease` would print it ([`layout`]), from
//! identifiers the [`names`] rules make valid and literals [`layout::lit`] escapes; the output is
//! byte-identical for identical input and options (no maps with random order, no timestamps), and
//! the fuzz targets check that it always parses as Rust. Large services are built on all cores
//! ([`std::thread::available_parallelism`]), item ranges joined in order: the same text either way.
//!
//! What the generated code looks like, and why:
//!
//! * every struct derives `Debug, Clone, PartialEq, Default, Serialize, Deserialize` and
//!   `dto::Type` (so a `dto-server` host can publish it in `/types/metadata`) and has
//!   `#[serde(default)]`: ServiceStack leaves members at their default when a value is absent;
//! * request DTOs (types named by an [`crate::model::Operation`]) also derive `dto::Dto` with
//!   `#[route]`, `#[api]`, `#[api_member]`, `#[returns]`/`#[returns_void]`, `#[authenticate]`;
//! * fields are snake_case with `#[serde(rename = "...")]` whenever the wire name differs;
//!   optional members are `Option<T>` with `#[serde(default, skip_serializing_if = ...)]`;
//! * base-class fields are copied into derived structs after the derived type's own fields
//!   (JSV's wire order), with generic bases substituted — never `#[serde(flatten)]`, which
//!   breaks formats that are not self-describing;
//! * string enums are Rust enums deriving `dto::Enum` (variants renamed to the wire names, read
//!   ignoring case, `as_str()` and `Display`; first variant is the `Default`) with a catch-all
//!   `Unknown(String)` that keeps a value a newer service sends and writes it back unchanged;
//!   integer and `[Flags]` enums are integer newtypes with one constant per member, so any
//!   combination of flags is representable, written as the number and read from the number or
//!   member names (`dto::IntEnum`; ServiceStack writes nullable flags as `Read, Write`);
//! * std types are written fully qualified (`::std::option::Option`) so DTOs named `Option`,
//!   `Result`, `String` or `Value` cannot shadow them;
//! * .NET `DateTime`, `DateTimeOffset`, `TimeSpan`, `Guid`, `Decimal` and `byte[]` are `dto`'s
//!   types of those names (`dto::Bytes` for `byte[]`), which keep ServiceStack's exact text, unless
//!   [`DotnetTypes`] says otherwise; `Uri` and `Char` are `String`; `Object`, interfaces and types
//!   referenced but defined nowhere are `dto::Value`.

mod builtins;
mod docs;
mod enums;
mod layout;
mod names;
mod requests;
mod structs;

use docs::{doc_attrs, doc_attrs_raw, is_plain_doc, type_doc};
use requests::api_member_attr;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::Arc;

use crate::error::{Error, Result};
use crate::model::{
    EnumDef, EnumRepr, Operation, Primitive, Property, Schema, SourceLocation, TypeDef, TypeKind,
    TypeRef, Warning,
};
use layout::{Code, Doc, lit};
use names::{NameSet, RenameAll};

/// The Rust type used for TypeScript's `number`, whose .NET type is unknown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum NumberType {
    /// `f64`: holds every value a JavaScript client can (the default).
    #[default]
    F64,
    /// `i64`: for services whose numbers are all integers.
    I64,
    /// `i32`.
    I32,
}

impl NumberType {
    /// The name used on the command line and in headers (`f64`, `i64`, `i32`).
    pub fn as_str(self) -> &'static str {
        match self {
            NumberType::F64 => "f64",
            NumberType::I64 => "i64",
            NumberType::I32 => "i32",
        }
    }
}

impl std::str::FromStr for NumberType {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self> {
        match s {
            "f64" => Ok(NumberType::F64),
            "i64" => Ok(NumberType::I64),
            "i32" => Ok(NumberType::I32),
            _ => Err(Error::Config(format!(
                "unknown number type `{s}` (expected f64, i64 or i32)"
            ))),
        }
    }
}

/// How .NET's `DateTime`, `DateTimeOffset`, `TimeSpan`, `Guid`, `decimal` and `byte[]` members are
/// typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum DotnetTypes {
    /// `dto`'s types (`dto::DateTime`, `dto::DateTimeOffset`, `dto::TimeSpan`, `dto::Guid`,
    /// `dto::Decimal`, `dto::Bytes`), which keep ServiceStack's exact text (the default).
    #[default]
    Dto,
    /// `String`, holding the wire text verbatim (what dtogen generated before these types existed).
    Strings,
    /// As [`Dto`](Self::Dto), but date-time and duration members are chrono's
    /// (`DateTime<Utc>`, `DateTime<FixedOffset>`, `TimeDelta`) through `dto`'s serde adapters;
    /// needs `dto`'s `chrono` feature. Inside lists and maps they stay `dto`'s types.
    Chrono,
    /// As [`Dto`](Self::Dto), but date-time and duration members are the time crate's
    /// (`OffsetDateTime`, `Duration`) through `dto`'s serde adapters; needs `dto`'s `time`
    /// feature. Inside lists and maps they stay `dto`'s types.
    Time,
}

impl DotnetTypes {
    /// The name used on the command line and in headers (`dto`, `strings`, `chrono`, `time`).
    pub fn as_str(self) -> &'static str {
        match self {
            DotnetTypes::Dto => "dto",
            DotnetTypes::Strings => "strings",
            DotnetTypes::Chrono => "chrono",
            DotnetTypes::Time => "time",
        }
    }
}

impl std::str::FromStr for DotnetTypes {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self> {
        match s {
            "dto" => Ok(DotnetTypes::Dto),
            "strings" => Ok(DotnetTypes::Strings),
            "chrono" => Ok(DotnetTypes::Chrono),
            "time" => Ok(DotnetTypes::Time),
            _ => Err(Error::Config(format!(
                "unknown .NET types mapping `{s}` (expected dto, strings, chrono or time)"
            ))),
        }
    }
}

/// Options of the emitter.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct EmitOptions {
    /// Rust type for TypeScript `number`.
    pub number_type: NumberType,
    /// Rust types for .NET's date, duration, Guid, decimal and byte array types.
    pub dotnet_types: DotnetTypes,
    /// Attributes (Rust source, already checked) added to the types whose .NET name matches
    /// (`Name`, or a glob with `*`).
    pub type_attributes: Vec<(String, String)>,
    /// Attributes added to the fields matching `Type.Member` (.NET or wire member name; `*`
    /// globs either part).
    pub field_attributes: Vec<(String, String)>,
    /// Types used instead of generating one: .NET name and Rust type (source, already checked).
    pub extern_types: Vec<(String, String)>,
    /// Comment lines written before the code (without the `// ` prefix), e.g. the header
    /// that records how the file was generated.
    pub header: Vec<String>,
}

/// Generated source plus what had to be guessed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Emitted {
    /// The formatted Rust source.
    pub code: String,
    /// The reader's and the emitter's warnings.
    pub warnings: Vec<Warning>,
}

/// Emits Rust source for every type and operation of `schema`.
pub fn emit(schema: &Schema, options: &EmitOptions) -> Emitted {
    let cores = std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get);
    emit_with_workers(schema, options, cores)
}

/// [`emit`] on at most `max_workers` threads.
fn emit_with_workers(schema: &Schema, options: &EmitOptions, max_workers: usize) -> Emitted {
    let mut emitter = Emitter::new(schema, options);
    let plan = emitter.plan();
    // Items are independent once names and targets are settled: large services are built and
    // written on every core, each worker with its own copy of the emitter, and the texts and
    // warnings joined in item order, so the output is the same.
    let workers = max_workers.min(plan.len() / ITEMS_PER_WORKER).max(1);
    let chunk = plan.len().div_ceil(workers).max(1);
    let mut code = Code::default();
    code.comments(&options.header);
    if !options.header.is_empty() {
        code.blank();
    }
    let mut warnings = std::mem::take(&mut emitter.warnings);
    if workers == 1 {
        warnings.extend(emitter.write_items(&plan, &mut code));
    } else {
        let parts: Vec<(Code, Vec<Warning>)> = std::thread::scope(|scope| {
            let handles: Vec<_> = plan
                .chunks(chunk)
                .map(|items| {
                    let mut worker = emitter.clone();
                    scope.spawn(move || {
                        let mut part = Code::default();
                        let warnings = worker.write_items(items, &mut part);
                        (part, warnings)
                    })
                })
                .collect();
            handles
                .into_iter()
                .map(|handle| {
                    handle
                        .join()
                        .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
                })
                .collect()
        });
        for (i, (part, item_warnings)) in parts.into_iter().enumerate() {
            if i > 0 {
                code.blank();
            }
            code.append(part);
            warnings.extend(item_warnings);
        }
    }
    let code = code.into_string();
    Emitted { code, warnings }
}

/// What a `(name, arity)` key stands for in the generated code.
#[derive(Debug, Clone)]
enum Target {
    /// A struct or enum defined in the output, by index into `Emitter::types`.
    Defined(usize),
    /// Referenced but defined nowhere: `pub type X = dto::Value;` (no generic parameters).
    Undefined,
    /// An interface (index into `Emitter::types`): polymorphic as a member type, so
    /// `dto::Value`; as a base, its properties are copied like a class's.
    Interface(usize),
    /// A well-known struct written as its text (NodaTime's `Instant`, ...): `String`.
    Text,
    /// A type of the user's (`Config::extern_type`): its Rust type (source text, checked when
    /// configured), nothing generated.
    Extern(String),
}

/// One flattened struct field: a property of the type or of one of its bases.
#[derive(Debug, Clone)]
struct Field {
    /// The type declaring the property, and its index there.
    owner: Arc<TypeDef>,
    index: usize,
    /// The property's type with a generic base's arguments substituted, when they were.
    substituted: Option<TypeRef>,
}

impl Field {
    fn prop(&self) -> &Property {
        &self.owner.properties[self.index]
    }

    /// The field's type (a generic base's parameters substituted).
    fn ty(&self) -> &TypeRef {
        self.substituted.as_ref().unwrap_or(&self.prop().ty)
    }
}

/// One item of the output.
#[derive(Debug, Clone)]
enum Planned {
    /// The type at this index of `Emitter::types`.
    Type(usize),
    /// An alias to `dto::Value` for an undefined reference (name, generic arity).
    Alias(String, usize),
}

/// Below this many items per core, one thread does all the work (threads cost more than they save).
const ITEMS_PER_WORKER: usize = 64;

#[derive(Clone)]
struct Emitter<'s> {
    schema: &'s Schema,
    options: &'s EmitOptions,
    /// Types to emit: the schema's, then referenced built-ins (shared: items borrow their
    /// type while the emitter records warnings).
    types: Vec<Arc<TypeDef>>,
    targets: HashMap<(String, usize), Target>,
    /// Rust names by key (defined and undefined types).
    rust_names: HashMap<(String, usize), String>,
    /// Undefined references, in first-seen order, with where they were first seen.
    undefined: Vec<((String, usize), Option<SourceLocation>)>,
    /// Requests by type name.
    operations: HashMap<&'s str, &'s Operation>,
    warnings: Vec<Warning>,
    /// Fields needing `Box`, as (type index, wire name).
    boxed: HashSet<(usize, String)>,
}

impl<'s> Emitter<'s> {
    fn new(schema: &'s Schema, options: &'s EmitOptions) -> Self {
        let mut e = Emitter {
            schema,
            options,
            types: schema.types.iter().cloned().map(Arc::new).collect(),
            targets: HashMap::new(),
            rust_names: HashMap::new(),
            undefined: Vec::new(),
            operations: schema
                .operations
                .iter()
                .map(|o| (o.request.as_str(), o))
                .collect(),
            warnings: schema.warnings.clone(),
            boxed: HashSet::new(),
        };
        e.resolve_references();
        e.assign_names();
        e.find_boxed_fields();
        e
    }

    fn warn(&mut self, location: Option<SourceLocation>, message: String) {
        self.warnings.push(Warning::new(location, message));
    }

    /// Registers the schema's types, adds built-ins for missing references (transitively)
    /// and records what is still undefined.
    fn resolve_references(&mut self) {
        for (name, path) in &self.options.extern_types {
            for arity in 0..=4 {
                self.targets
                    .insert((name.clone(), arity), Target::Extern(path.clone()));
            }
        }
        for (i, t) in self.types.iter().enumerate() {
            let key = (t.name.clone(), t.arity());
            let target = if t.kind == TypeKind::Interface {
                Target::Interface(i)
            } else {
                Target::Defined(i)
            };
            self.targets.entry(key).or_insert(target);
        }
        let pascal = self.host_is_pascal();
        let mut i = 0;
        while i < self.types.len() {
            let mut refs: Vec<(String, usize)> = Vec::new();
            let ty = &self.types[i];
            let mut collect = |n: &str, a: usize| refs.push((n.to_string(), a));
            for p in &ty.properties {
                p.ty.visit_named(&mut collect);
            }
            if let Some(b) = &ty.base {
                b.visit_named(&mut collect);
            }
            if ty.kind != TypeKind::Interface
                && let Some(op) = self.operations.get(ty.name.as_str())
                && let Some(r) = &op.response
            {
                r.visit_named(&mut collect);
            }
            let params = ty.generic_params.clone();
            let location = ty.location.clone();
            for (name, arity) in refs {
                if arity == 0 && params.contains(&name) {
                    continue;
                }
                let key = (name.clone(), arity);
                if self.targets.contains_key(&key) {
                    continue;
                }
                let builtin = if crate::select::is_excluded(self.schema, &name) {
                    None
                } else {
                    builtins::builtin(&name, arity, pascal)
                };
                if let Some(def) = builtin {
                    self.targets.insert(key, Target::Defined(self.types.len()));
                    self.types.push(Arc::new(def));
                } else if crate::model::is_text_struct(&name, arity) {
                    self.targets.insert(key, Target::Text);
                } else {
                    self.targets.insert(key.clone(), Target::Undefined);
                    self.undefined.push((key, location.clone()));
                }
            }
            i += 1;
        }
        for ((name, arity), location) in self.undefined.clone() {
            let shown = if arity > 0 {
                format!("{name}`{arity}")
            } else {
                name.clone()
            };
            let why = if crate::select::is_excluded(self.schema, &name) {
                "is excluded but referenced"
            } else {
                "is referenced but defined nowhere"
            };
            self.warn(
                location,
                format!("type `{shown}` {why}; generated as an alias of dto::Value"),
            );
        }
    }

    /// Whether the host writes PascalCase wire names (decides built-ins' wire names).
    fn host_is_pascal(&self) -> bool {
        let mut pascal = 0usize;
        let mut camel = 0usize;
        for p in self.schema.types.iter().flat_map(|t| &t.properties) {
            if p.data_member.as_ref().is_some_and(|d| d.name.is_some()) {
                continue;
            }
            if p.wire_name.starts_with(|c: char| c.is_ascii_uppercase()) {
                pascal += 1;
            } else if p.wire_name.starts_with(|c: char| c.is_ascii_lowercase()) {
                camel += 1;
            }
        }
        pascal > camel
    }

    /// Gives every emitted key a unique Rust name; arity clashes get `_N` suffixes.
    fn assign_names(&mut self) {
        let mut arities: BTreeMap<&str, HashSet<usize>> = BTreeMap::new();
        for t in &self.types {
            arities.entry(&t.name).or_default().insert(t.arity());
        }
        for ((name, arity), _) in &self.undefined {
            arities.entry(name).or_default().insert(*arity);
        }
        let clash: HashSet<String> = arities
            .iter()
            .filter(|(_, a)| a.len() > 1)
            .map(|(n, _)| n.to_string())
            .collect();
        let mut set = NameSet::default();
        let mut keys: Vec<(String, usize)> = Vec::new();
        for t in &self.types {
            let key = (t.name.clone(), t.arity());
            if matches!(self.targets.get(&key), Some(Target::Defined(_))) && !keys.contains(&key) {
                keys.push(key);
            }
        }
        keys.extend(self.undefined.iter().map(|(k, _)| k.clone()));
        for (name, arity) in keys {
            let base = names::type_name(&name);
            let wanted = if clash.contains(&name) && arity > 0 {
                format!("{}_{arity}", names::unraw(&base))
            } else {
                base
            };
            let unique = set.unique(wanted);
            self.rust_names.insert((name, arity), unique);
        }
    }

    /// The struct fields of type `index`: its own properties, then its bases' (substituted),
    /// without duplicates (a derived member hides a base member with the same wire name).
    fn fields(&self, index: usize) -> Vec<Field> {
        let mut out: Vec<Field> = Vec::new();
        let mut seen_wire: HashSet<&str> = HashSet::new();
        let mut current = index;
        let mut subst: HashMap<String, TypeRef> = HashMap::new();
        let mut visited = HashSet::new();
        loop {
            if !visited.insert(current) {
                break; // inheritance cycle: reported by `items`
            }
            let t = &self.types[current];
            for (i, p) in t.properties.iter().enumerate() {
                if !seen_wire.insert(&p.wire_name) {
                    continue;
                }
                out.push(Field {
                    owner: Arc::clone(t),
                    index: i,
                    substituted: (!subst.is_empty()).then(|| substitute(&p.ty, &subst)),
                });
            }
            let Some(TypeRef::Named { name, args }) = &t.base else {
                break;
            };
            let args: Vec<TypeRef> = args.iter().map(|a| substitute(a, &subst)).collect();
            let Some(Target::Defined(next) | Target::Interface(next)) =
                self.targets.get(&(name.clone(), args.len()))
            else {
                break;
            };
            let next_def = &self.types[*next];
            subst = next_def.generic_params.iter().cloned().zip(args).collect();
            current = *next;
        }
        out
    }

    /// Marks fields that need `Box`: those through which their struct contains itself by
    /// value (not behind a `Vec` or map).
    fn find_boxed_fields(&mut self) {
        let n = self.types.len();
        let mut edges: Vec<Vec<(String, Vec<usize>)>> = vec![Vec::new(); n];
        for (i, edge) in edges.iter_mut().enumerate() {
            if !matches!(self.types[i].kind, TypeKind::Class) || is_collection_type(&self.types[i])
            {
                continue;
            }
            for f in self.fields(i) {
                let mut targets = Vec::new();
                self.by_value_targets(f.ty(), &mut targets);
                edge.push((f.prop().wire_name.clone(), targets));
            }
        }
        // Which nodes each node reaches by value, computed once per node.
        let mut reach: Vec<Option<HashSet<usize>>> = vec![None; n];
        for i in 0..n {
            for (wire, targets) in &edges[i] {
                let mut cyclic = false;
                for &t in targets {
                    let set = reach[t].get_or_insert_with(|| reachable(&edges, t));
                    if set.contains(&i) {
                        cyclic = true;
                        break;
                    }
                }
                if cyclic {
                    self.boxed.insert((i, wire.clone()));
                }
            }
        }
    }

    fn by_value_targets(&self, ty: &TypeRef, out: &mut Vec<usize>) {
        match ty {
            TypeRef::Named { name, args } => {
                if let Some(Target::Defined(i)) = self.targets.get(&(name.clone(), args.len())) {
                    out.push(*i);
                }
                for a in args {
                    self.by_value_targets(a, out);
                }
            }
            TypeRef::Nullable(inner) => self.by_value_targets(inner, out),
            _ => {}
        }
    }

    /// The items to emit, in output order: each defined type once, then an alias for each
    /// undefined reference.
    fn plan(&self) -> Vec<Planned> {
        let mut plan = Vec::new();
        let mut emitted: HashSet<(String, usize)> = HashSet::new();
        for (i, t) in self.types.iter().enumerate() {
            let key = (t.name.clone(), t.arity());
            if !matches!(self.targets.get(&key), Some(Target::Defined(j)) if *j == i)
                || matches!(t.kind, TypeKind::Interface)
                || !emitted.insert(key)
            {
                continue;
            }
            plan.push(Planned::Type(i));
        }
        plan.extend(
            self.undefined
                .iter()
                .map(|((name, arity), _)| Planned::Alias(name.clone(), *arity)),
        );
        plan
    }

    /// Writes `items`, a blank line between them; returns the warnings raised on the way
    /// (taken out of `self.warnings`, which keeps those from before).
    fn write_items(&mut self, items: &[Planned], code: &mut Code) -> Vec<Warning> {
        let before = self.warnings.len();
        for (i, planned) in items.iter().enumerate() {
            if i > 0 {
                code.blank();
            }
            self.item(planned, code);
        }
        self.warnings.split_off(before)
    }

    fn item(&mut self, planned: &Planned, code: &mut Code) {
        match planned {
            Planned::Type(i) => match self.types[*i].kind.clone() {
                TypeKind::Enum(e) => self.enum_item(*i, &e, code),
                TypeKind::Class | TypeKind::Interface => self.struct_item(*i, code),
            },
            Planned::Alias(name, arity) => {
                let ident = self.ident_for(name, *arity);
                let shown = if *arity > 0 {
                    format!("`{name}` (generic, {arity} argument(s))")
                } else {
                    format!("`{name}`")
                };
                let doc = format!(
                    " {shown} is referenced by the service metadata but not defined in it, so its \
                     shape is unknown: any value is accepted."
                );
                code.docs(&[doc]);
                code.raw_attrs(allow_attr(&ident));
                code.line(format!("pub type {ident} = ::dto::Value;"));
            }
        }
    }

    /// The user's attributes for type `name` (`Config::type_attribute`).
    fn type_attrs(&self, name: &str) -> impl Iterator<Item = &'s str> {
        self.options
            .type_attributes
            .iter()
            .filter(move |(pattern, _)| crate::select::matches(pattern, name))
            .map(|(_, attr)| attr.as_str())
    }

    /// The user's attributes for member `prop` of type `owner` (`Config::field_attribute`).
    fn field_attrs(&self, owner: &str, prop: &Property) -> impl Iterator<Item = &'s str> {
        self.options
            .field_attributes
            .iter()
            .filter(move |(pattern, _)| {
                let (ty, member) = pattern.rsplit_once('.').unwrap_or(("*", pattern));
                crate::select::matches(ty, owner)
                    && (crate::select::matches(member, &prop.name)
                        || crate::select::matches(member, &prop.wire_name))
            })
            .map(|(_, attr)| attr.as_str())
    }

    /// The Rust name of type `(name, arity)`.
    fn ident_for(&self, name: &str, arity: usize) -> String {
        self.rust_names
            .get(&(name.to_string(), arity))
            .cloned()
            .unwrap_or_else(|| names::type_name(name))
    }

    /// The Rust type for a type reference inside type `owner`.
    fn rust_type(&mut self, ty: &TypeRef, owner: &TypeDef) -> Doc {
        match ty {
            TypeRef::Primitive(p) => self.primitive(*p).into(),
            TypeRef::GenericParam(p) if owner.generic_params.contains(p) => param_ident(p).into(),
            TypeRef::GenericParam(p) => {
                // A parameter the type does not declare (an unsubstituted base parameter, a
                // reader's guess): any value, rather than code that does not compile.
                self.warn(
                    owner.location.clone(),
                    format!(
                        "{}: generic parameter `{p}` is not declared by the type; any value is \
                         accepted there",
                        owner.name
                    ),
                );
                "::dto::Value".into()
            }
            TypeRef::Named { name, args } => {
                if args.is_empty() && owner.generic_params.iter().any(|p| p == name) {
                    return param_ident(name).into();
                }
                match self.targets.get(&(name.clone(), args.len())) {
                    Some(Target::Defined(_)) => {
                        let id = self.ident_for(name, args.len());
                        let args = args.iter().map(|a| self.rust_type(a, owner)).collect();
                        Doc::generic(id, args)
                    }
                    Some(Target::Undefined) => self.ident_for(name, args.len()).into(),
                    // Checked by `Config` (parsed as a type).
                    Some(Target::Extern(path)) => path.trim().into(),
                    Some(Target::Text) => "::std::string::String".into(),
                    Some(Target::Interface(_)) | None => "::dto::Value".into(),
                }
            }
            TypeRef::List(item) => {
                Doc::generic("::std::vec::Vec", vec![self.rust_type(item, owner)])
            }
            TypeRef::Map(k, v) => {
                let key = self.map_key(k, owner);
                let value = self.rust_type(v, owner);
                Doc::generic("::dto::IndexMap", vec![key, value])
            }
            TypeRef::Nullable(inner) => option(self.rust_type(inner, owner)),
        }
    }

    /// Map keys must be `Hash + Eq`: strings, integers, bools, enums. Anything else is keyed
    /// by its text.
    fn map_key(&mut self, k: &TypeRef, owner: &TypeDef) -> Doc {
        // TypeScript's `{ [index: number]: T }` is a .NET `Dictionary<int, T>` (or long): whole
        // numbers, whatever the policy for other numbers.
        if matches!(k, TypeRef::Primitive(Primitive::Number)) {
            return "i64".into();
        }
        let hashable = match k {
            TypeRef::Primitive(p) => !matches!(
                (p, self.options.number_type),
                (Primitive::F32 | Primitive::F64 | Primitive::Any, _)
                    | (Primitive::Number, NumberType::F64)
            ),
            TypeRef::Named { name, args } => match self.targets.get(&(name.clone(), args.len())) {
                Some(Target::Defined(i)) => matches!(self.types[*i].kind, TypeKind::Enum(_)),
                Some(Target::Text) => true,
                _ => false,
            },
            TypeRef::GenericParam(_) => false,
            _ => false,
        };
        if hashable {
            self.rust_type(k, owner)
        } else {
            if !matches!(k, TypeRef::GenericParam(_)) {
                self.warn(
                    owner.location.clone(),
                    format!(
                        "{}: dictionary key type `{k}` cannot be a Rust map key; keys are kept \
                         as strings",
                        owner.name
                    ),
                );
            }
            "::std::string::String".into()
        }
    }

    fn primitive(&self, p: Primitive) -> &'static str {
        match p {
            Primitive::Bool => "bool",
            Primitive::I8 => "i8",
            Primitive::U8 => "u8",
            Primitive::I16 => "i16",
            Primitive::U16 => "u16",
            Primitive::I32 => "i32",
            Primitive::U32 => "u32",
            Primitive::I64 => "i64",
            Primitive::U64 => "u64",
            Primitive::I128 => "i128",
            Primitive::U128 => "u128",
            Primitive::F32 => "f32",
            Primitive::F64 => "f64",
            Primitive::Number => match self.options.number_type {
                NumberType::F64 => "f64",
                NumberType::I64 => "i64",
                NumberType::I32 => "i32",
            },
            Primitive::Decimal
            | Primitive::DateTime
            | Primitive::DateTimeOffset
            | Primitive::TimeSpan
            | Primitive::Guid
            | Primitive::Bytes
                if self.options.dotnet_types == DotnetTypes::Strings =>
            {
                "::std::string::String"
            }
            Primitive::Decimal => "::dto::Decimal",
            Primitive::DateTime => "::dto::DateTime",
            Primitive::DateTimeOffset => "::dto::DateTimeOffset",
            Primitive::TimeSpan => "::dto::TimeSpan",
            Primitive::Guid => "::dto::Guid",
            Primitive::Bytes => "::dto::Bytes",
            Primitive::Char | Primitive::String | Primitive::Uri => "::std::string::String",
            Primitive::Any => "::dto::Value",
        }
    }
}

/// `#[allow(non_camel_case_types)]` for names like `QueryDb_1`.
fn allow_attr(name: &str) -> Option<&'static str> {
    names::unraw(name)
        .contains('_')
        .then_some("#[allow(non_camel_case_types)]")
}

/// `<A, B>` for a generic type's parameters, nothing for others.
fn generics(def: &TypeDef) -> String {
    if def.generic_params.is_empty() {
        return String::new();
    }
    let params: Vec<String> = def.generic_params.iter().map(|p| param_ident(p)).collect();
    format!("<{}>", params.join(", "))
}

/// `::std::option::Option<inner>`.
fn option(inner: impl Into<Doc>) -> Doc {
    Doc::generic("::std::option::Option", vec![inner.into()])
}

/// The type of a marker field using generic parameters no other field uses:
/// `PhantomData<(A, B)>` (a one-tuple for one).
fn phantom(unused: &[String]) -> String {
    let tuple = match unused {
        [one] => format!("({one},)"),
        many => format!("({})", many.join(", ")),
    };
    format!("::std::marker::PhantomData<{tuple}>")
}

/// A generic parameter's identifier. Names of prelude items (`From`, `Into`, `Option`, ...)
/// would shadow them inside derive-generated code, so they get a `T` prefix.
fn param_ident(name: &str) -> String {
    const PRELUDE: &[&str] = &[
        "From",
        "Into",
        "Option",
        "Some",
        "None",
        "Result",
        "Ok",
        "Err",
        "Default",
        "Clone",
        "Copy",
        "Send",
        "Sync",
        "Sized",
        "String",
        "Vec",
        "Box",
        "Iterator",
        "IntoIterator",
        "PartialEq",
        "Eq",
        "Debug",
        "Drop",
        "Fn",
        "FnMut",
        "FnOnce",
        "ToString",
        "ToOwned",
        "AsRef",
        "AsMut",
        "Extend",
        "TryFrom",
        "TryInto",
        "Ord",
        "PartialOrd",
        "Unpin",
    ];
    let name = names::type_name(name);
    if PRELUDE.contains(&names::unraw(&name)) || name.starts_with("r#") || name.ends_with('_') {
        format!("T{}", names::unraw(&name).trim_end_matches('_'))
    } else {
        name
    }
}

fn substitute(ty: &TypeRef, subst: &HashMap<String, TypeRef>) -> TypeRef {
    if subst.is_empty() {
        return ty.clone();
    }
    match ty {
        TypeRef::GenericParam(p) => subst.get(p).cloned().unwrap_or_else(|| ty.clone()),
        TypeRef::Named { name, args } if args.is_empty() && subst.contains_key(name) => {
            subst[name].clone()
        }
        TypeRef::Named { name, args } => TypeRef::Named {
            name: name.clone(),
            args: args.iter().map(|a| substitute(a, subst)).collect(),
        },
        TypeRef::List(i) => TypeRef::List(Box::new(substitute(i, subst))),
        TypeRef::Map(k, v) => TypeRef::Map(
            Box::new(substitute(k, subst)),
            Box::new(substitute(v, subst)),
        ),
        TypeRef::Nullable(i) => TypeRef::Nullable(Box::new(substitute(i, subst))),
        TypeRef::Primitive(_) => ty.clone(),
    }
}

fn collect_params(ty: &TypeRef, params: &[String], used: &mut HashSet<String>) {
    match ty {
        TypeRef::GenericParam(p) => {
            used.insert(p.clone());
        }
        TypeRef::Named { name, args } => {
            if args.is_empty() && params.contains(name) {
                used.insert(name.clone());
            }
            for a in args {
                collect_params(a, params, used);
            }
        }
        TypeRef::List(i) | TypeRef::Nullable(i) => collect_params(i, params, used),
        TypeRef::Map(k, v) => {
            // A generic map key is emitted as `String` (see `map_key`), so it uses nothing.
            if !matches!(**k, TypeRef::GenericParam(_)) {
                collect_params(k, params, used);
            }
            collect_params(v, params, used);
        }
        TypeRef::Primitive(_) => {}
    }
}

fn is_collection_type(def: &TypeDef) -> bool {
    matches!(def.base, Some(TypeRef::List(_) | TypeRef::Map(..)))
}

/// Every node reachable from `start` (itself included) over by-value edges.
fn reachable(edges: &[Vec<(String, Vec<usize>)>], start: usize) -> HashSet<usize> {
    let mut stack = vec![start];
    let mut seen = HashSet::new();
    while let Some(n) = stack.pop() {
        if !seen.insert(n) {
            continue;
        }
        for (_, targets) in &edges[n] {
            stack.extend(targets.iter().copied());
        }
    }
    seen
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn workers_give_the_same_code_and_warnings_as_one_thread() {
        // Enough items for several workers, with warnings raised while emitting items (undefined
        // bases) and aliases for undefined member types at the end.
        let mut text = String::new();
        for i in 0..300 {
            text.push_str(&format!(
                "/** Thing {i} */\nexport class Thing{i} extends Missing{m} {{\n    id: number;\n    \
                 next?: Thing{n};\n    other?: Unknown{m};\n}}\n\nexport enum Kind{i} {{ A = 'A', B = 'B' }}\n\n",
                m = i % 7,
                n = (i + 1) % 300
            ));
        }
        let schema = crate::read::typescript::read(&text, "things.ts").unwrap();
        let options = EmitOptions::default();
        let one = emit_with_workers(&schema, &options, 1);
        for workers in [2, 3, 8] {
            let many = emit_with_workers(&schema, &options, workers);
            assert_eq!(many.code, one.code, "{workers} workers");
            assert_eq!(many.warnings, one.warnings, "{workers} workers");
        }
        assert!(one.warnings.len() >= 300, "{} warnings", one.warnings.len());
        assert!(one.code.contains("pub type Unknown6 = ::dto::Value;"));
    }

    #[test]
    fn docs_never_become_doctests() {
        let docs = doc_attrs("Example:\n    let x = 1;\n");
        assert_eq!(docs[0], " ```text", "{docs:?}");
        let docs = doc_attrs("Use [this] <b>");
        assert_eq!(docs, [r" Use \[this\] \<b\>"]);
    }
}
