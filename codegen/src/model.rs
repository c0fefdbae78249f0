//! The one intermediate representation (IR) every reader fills and the emitter consumes.
//!
//! This module is the contract between the readers (`read::metadata_json`, `read::typescript`,
//! `read::page`) and the Rust emitter (`emit`). Readers never emit code and the emitter never
//! parses, so everything a reader learns about a service must be expressible here.
//!
//! # Conventions every reader follows
//!
//! * **Type identity is `(name, arity)`.** [`TypeDef::name`] is the .NET name *without* the
//!   backtick arity suffix (`QueryDb`, not ``QueryDb`1``); the arity is
//!   `generic_params.len()`. Two types `QueryDb<T>` and `QueryDb<From, Into>` can coexist; the
//!   emitter resolves the clash (`QueryDb_1`, `QueryDb_2`). A [`TypeRef::Named`] refers to a
//!   definition by the same key: its `name` plus `args.len()`.
//! * **Every type is in [`Schema::types`]**, request and response DTOs included. An
//!   [`Operation`] names its request type; it does not own it.
//! * **Properties are the type's own** (declared on it, in declaration order). Inherited ones
//!   stay on the base type; the emitter copies them (after the derived type's own fields, which
//!   is JSV's wire order).
//! * **Wire names are exact.** [`Property::wire_name`] is what goes over the wire
//!   (`DataMember(Name)` alias verbatim, else the host's casing of the .NET name). The emitter
//!   never re-cases it; it derives the Rust field name from [`Property::name`].
//! * **Optionality is decided by the reader** ([`Property::optional`]), with the rule each input
//!   format implies (metadata JSON: optional unless `isRequired` or a non-nullable value type).
//!   A [`TypeRef::Nullable`] type is always optional; the emitter never writes `Option<Option<T>>`.
//! * **Everything is kept even when the emitter does not use it yet** (namespaces, notes,
//!   attributes): readers should not decide what is interesting to generate.
//! * **Guesses are reported** as [`Warning`]s in [`Schema::warnings`], with a [`SourceLocation`]
//!   when there is one. Hard errors are returned as [`crate::Error`] instead.

use std::fmt;

/// Where something came from in an input document, for error and warning messages.
///
/// `line` and `column` are 1-based; 0 means "unknown". Metadata JSON has no useful lines for
/// types, so its locations usually carry only the file (and a JSON path in the message).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct SourceLocation {
    /// File path or URL as given by the user (not canonicalised).
    pub file: String,
    /// 1-based line, 0 when unknown.
    pub line: u32,
    /// 1-based column, 0 when unknown.
    pub column: u32,
}

impl SourceLocation {
    /// A location with a file only.
    pub fn file(file: impl Into<String>) -> Self {
        SourceLocation {
            file: file.into(),
            line: 0,
            column: 0,
        }
    }

    /// A location with a file, line and column (1-based; 0 = unknown).
    pub fn new(file: impl Into<String>, line: u32, column: u32) -> Self {
        SourceLocation {
            file: file.into(),
            line,
            column,
        }
    }
}

impl fmt::Display for SourceLocation {
    /// `file:line:column`, `file:line` or `file`, depending on what is known.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.file)?;
        if self.line > 0 {
            write!(f, ":{}", self.line)?;
            if self.column > 0 {
                write!(f, ":{}", self.column)?;
            }
        }
        Ok(())
    }
}

/// Something a reader or the emitter had to guess, skip or work around.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Warning {
    /// Where it happened, when known.
    pub location: Option<SourceLocation>,
    /// Human-readable message naming the type and member concerned.
    pub message: String,
}

impl Warning {
    /// A warning with an optional location.
    pub fn new(location: Option<SourceLocation>, message: impl Into<String>) -> Self {
        Warning {
            location,
            message: message.into(),
        }
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.location {
            Some(loc) => write!(f, "{loc}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

/// Everything read from one or more inputs: types, operations and the warnings collected.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Schema {
    /// All type definitions: models, enums, interfaces, generic definitions, and the request
    /// and response DTOs of operations. Order is the input's order; the emitter keeps it.
    pub types: Vec<TypeDef>,
    /// One entry per request DTO.
    pub operations: Vec<Operation>,
    /// The service's base URL when the input says (`config.baseUrl`, the TypeScript header's
    /// `BaseUrl:`, the URL a page was fetched from).
    pub base_url: Option<String>,
    /// The service's name when known (a metadata page's `<h1>`).
    pub service_name: Option<String>,
    /// Everything guessed while reading.
    pub warnings: Vec<Warning>,
    /// The exclude patterns the schema was selected with: the emitter does not add a
    /// ServiceStack built-in they name (a reference to it becomes a `dto::Value` alias).
    pub excluded: Vec<String>,
}

impl Schema {
    /// The type defined with this name (without arity suffix) and arity, if any.
    pub fn find_type(&self, name: &str, arity: usize) -> Option<&TypeDef> {
        self.types
            .iter()
            .find(|t| t.name == name && t.generic_params.len() == arity)
    }

    /// Mutable access to the type with this name and arity, if any.
    pub fn find_type_mut(&mut self, name: &str, arity: usize) -> Option<&mut TypeDef> {
        self.types
            .iter_mut()
            .find(|t| t.name == name && t.generic_params.len() == arity)
    }

    /// The operation whose request type has this name, if any.
    pub fn find_operation(&self, request: &str) -> Option<&Operation> {
        self.operations.iter().find(|o| o.request == request)
    }

    /// Records a warning.
    pub fn warn(&mut self, location: Option<SourceLocation>, message: impl Into<String>) {
        self.warnings.push(Warning::new(location, message));
    }

    /// Appends another schema's types, operations and warnings. A type or operation already
    /// present (same name and arity, same request name) is kept and the newcomer dropped,
    /// so the first input wins.
    pub fn merge(&mut self, other: Schema) {
        for ty in other.types {
            if self.find_type(&ty.name, ty.generic_params.len()).is_none() {
                self.types.push(ty);
            }
        }
        for op in other.operations {
            if self.find_operation(&op.request).is_none() {
                self.operations.push(op);
            }
        }
        if self.base_url.is_none() {
            self.base_url = other.base_url;
        }
        if self.service_name.is_none() {
            self.service_name = other.service_name;
        }
        self.warnings.extend(other.warnings);
    }
}

/// A type definition: class, interface or enum.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TypeDef {
    /// .NET name without the backtick arity suffix and without an outer-class prefix
    /// (`SessionInfo`, `QueryResponse`). For TypeScript inputs, the class name as written.
    pub name: String,
    /// .NET namespace when known (`Voice.Api`, `ServiceStack`).
    pub namespace: Option<String>,
    /// Generic parameter names (`["T"]`, `["TKey", "TValue"]`); empty for non-generic types.
    /// Readers strip decorations some servers add (e.g. the leading `'` in `'T`).
    pub generic_params: Vec<String>,
    /// Class, interface or enum, with the kind-specific data.
    pub kind: TypeKind,
    /// Base class. Can be a named type with generic arguments (`QueryDb<Booking>`), a list
    /// (`List<Contact>` → [`TypeRef::List`]) or a map (`Dictionary<String, NodeParameter>` →
    /// [`TypeRef::Map`]). A TypeScript class whose body has an index signature
    /// `[key: string]: V` is recorded as a base of `TypeRef::Map(String, V)`.
    pub base: Option<TypeRef>,
    /// Directly implemented interfaces (`IGet`, `IHasSessionId`), excluding `IReturn<T>` /
    /// `IReturnVoid`, which go to the [`Operation`].
    pub implements: Vec<TypeRef>,
    /// The type's own properties in declaration order (inherited ones are on the base).
    pub properties: Vec<Property>,
    /// Documentation: `[Api(Description)]` / `[Description]` / JSDoc. May be multi-line.
    pub description: Option<String>,
    /// Extra documentation (`[Notes]`), shown after the description.
    pub notes: Option<String>,
    /// `abstract` class (interfaces are [`TypeKind::Interface`], not abstract classes).
    pub is_abstract: bool,
    /// A nested .NET class (`Outer+Inner`): its name may collide with others.
    pub is_nested: bool,
    /// `[DataContract(Name = ..)]` name, when different from [`TypeDef::name`].
    pub data_contract_name: Option<String>,
    /// Other .NET attributes the input carried (`Flags`, `Validate`, ...), for documentation
    /// and for readers that resolve them late. `Api`, `ApiMember`, `Route`, `DataContract`
    /// and `DataMember` are already reflected in dedicated fields and need not be repeated.
    pub attributes: Vec<Attribute>,
    /// Where the definition starts.
    pub location: Option<SourceLocation>,
}

impl TypeDef {
    /// A class with this name and nothing else (a convenient starting point for readers).
    pub fn class(name: impl Into<String>) -> Self {
        TypeDef {
            name: name.into(),
            ..TypeDef::default()
        }
    }

    /// Number of generic parameters.
    pub fn arity(&self) -> usize {
        self.generic_params.len()
    }

    /// The enum data when this type is an enum.
    pub fn as_enum(&self) -> Option<&EnumDef> {
        match &self.kind {
            TypeKind::Enum(e) => Some(e),
            _ => None,
        }
    }
}

/// What kind of type a [`TypeDef`] is.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum TypeKind {
    /// A class (or struct) with properties.
    #[default]
    Class,
    /// An interface (`isInterface`, TypeScript `interface` that is not the request/response
    /// of an operation in an ambient `.d.ts` file; readers of `.d.ts` files that declare DTOs
    /// as interfaces should record them as [`TypeKind::Class`]).
    Interface,
    /// An enum with its members.
    Enum(EnumDef),
}

/// Members and wire representation of an enum.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct EnumDef {
    /// How values travel on the wire.
    pub repr: EnumRepr,
    /// Members in declaration order.
    pub members: Vec<EnumMember>,
}

/// How an enum's values are written on the wire.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum EnumRepr {
    /// By name (or by [`EnumMember::wire_name`]); ServiceStack's default even when members
    /// have explicit numbers. Emitted as a Rust enum with renamed variants.
    #[default]
    String,
    /// As an integer (`isEnumInt` without `[Flags]`, `TreatEnumAsInteger`). Emitted as an
    /// integer newtype with one constant per member.
    Int,
    /// A `[Flags]` enum: an integer on the wire, members combine with bitwise OR (`7`).
    /// Emitted as an integer newtype with constants and bit operations.
    Flags,
}

/// One member of an enum.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct EnumMember {
    /// .NET member name as declared (`Disconnected`, `CanDial`).
    pub name: String,
    /// Numeric value when known (`enumValues`, `= 4` in TypeScript). Needed for
    /// [`EnumRepr::Int`] and [`EnumRepr::Flags`]; for those, a missing value means "previous + 1"
    /// (starting at 0), as in C#.
    pub value: Option<i64>,
    /// The wire name when it differs from `name` (`[EnumMember(Value = "json_object")]`,
    /// or a TypeScript string enum `Name = 'wire'`). `None` means the wire name is `name`.
    pub wire_name: Option<String>,
    /// `[Description]` of the member.
    pub description: Option<String>,
}

impl EnumMember {
    /// The exact text used on the wire for string enums.
    pub fn wire(&self) -> &str {
        self.wire_name.as_deref().unwrap_or(&self.name)
    }
}

/// A property (data member) of a class or interface.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Property {
    /// The .NET property name as declared (`SessionId`), used to derive the Rust field name.
    /// For TypeScript inputs where the .NET name is lost, the TypeScript name.
    pub name: String,
    /// The exact wire name (`sessionId` on camelCase hosts, `SessionId` on PascalCase hosts,
    /// the `DataMember(Name)` alias verbatim when there is one).
    pub wire_name: String,
    /// The property's type.
    pub ty: TypeRef,
    /// Whether the Rust field is `Option<T>` (skipped on the wire when `None`). Decided by
    /// the reader. A [`TypeRef::Nullable`] type is optional whatever this says.
    pub optional: bool,
    /// Documentation: `[ApiMember(Description)]`, `[Description]`, JSDoc. May be multi-line.
    pub description: Option<String>,
    /// `[ApiMember(...)]` when present.
    pub api_member: Option<ApiMember>,
    /// `[DataMember(...)]` when present.
    pub data_member: Option<DataMember>,
    /// Other .NET attributes (`Validate`, `StringLength`, ...), for documentation.
    pub attributes: Vec<Attribute>,
    /// Where the property is declared.
    pub location: Option<SourceLocation>,
}

impl Property {
    /// Whether the emitted field is `Option<T>` (explicitly optional or of a nullable type).
    pub fn is_optional(&self) -> bool {
        self.optional || matches!(self.ty, TypeRef::Nullable(_))
    }
}

/// `[ApiMember(...)]`: documentation of a request member (Swagger/OpenAPI style).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct ApiMember {
    /// `Name`: documentation only, it does **not** rename the wire field.
    pub name: Option<String>,
    /// `Description`.
    pub description: Option<String>,
    /// `ParameterType`: `path`, `query`, `body`, `form`, `header`.
    pub parameter_type: Option<String>,
    /// `DataType` (`string`, `integer`, `object`, ...).
    pub data_type: Option<String>,
    /// `IsRequired`.
    pub is_required: bool,
    /// `Format` (`int32`, `date-time`, ...).
    pub format: Option<String>,
    /// `Route` this applies to, when restricted.
    pub route: Option<String>,
    /// `Verb` this applies to, when restricted.
    pub verb: Option<String>,
}

/// `[DataMember(...)]` of a property.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct DataMember {
    /// `Name`: the wire name alias, used verbatim (already applied to
    /// [`Property::wire_name`] by the reader).
    pub name: Option<String>,
    /// `Order`.
    pub order: Option<i32>,
    /// `IsRequired`.
    pub is_required: bool,
    /// `EmitDefaultValue = false` was given.
    pub no_emit_default: bool,
}

/// A .NET attribute not modelled by a dedicated field (`[Validate("NotEmpty")]`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Attribute {
    /// Attribute class name without the `Attribute` suffix (`Validate`, `Flags`).
    pub name: String,
    /// Arguments in source order: `(None, value)` for positional (constructor) arguments,
    /// `(Some(name), value)` for named ones. Values are the text form (strings unquoted).
    pub args: Vec<(Option<String>, String)>,
}

/// A reference to a type, as used by properties, bases, generic arguments and return types.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum TypeRef {
    /// A built-in scalar.
    Primitive(Primitive),
    /// A named type, defined in the schema or a ServiceStack built-in (`ResponseStatus`,
    /// `QueryResponse<T>`), or unknown. `name` has no arity suffix; `args.len()` is the arity.
    Named {
        /// Type name without arity suffix (`QueryResponse`).
        name: String,
        /// Closed generic arguments (`[Named("Todo")]`); empty for non-generic types.
        args: Vec<TypeRef>,
    },
    /// A generic parameter of the enclosing type (`T`).
    GenericParam(String),
    /// Any sequence: `List<T>`, `T[]`, `IEnumerable<T>`, `HashSet<T>`, TypeScript `T[]` /
    /// `Array<T>`.
    List(Box<TypeRef>),
    /// Any dictionary: `Dictionary<K, V>`, TypeScript `{ [index: K]: V }`; order-preserving.
    Map(Box<TypeRef>, Box<TypeRef>),
    /// `Nullable<T>` (and TypeScript `T | null`): always `Option<T>` in Rust.
    Nullable(Box<TypeRef>),
}

impl Default for TypeRef {
    /// `String`, the most common member type.
    fn default() -> Self {
        TypeRef::Primitive(Primitive::String)
    }
}

impl TypeRef {
    /// A non-generic named type.
    pub fn named(name: impl Into<String>) -> Self {
        TypeRef::Named {
            name: name.into(),
            args: Vec::new(),
        }
    }

    /// A named type with generic arguments.
    pub fn generic(name: impl Into<String>, args: Vec<TypeRef>) -> Self {
        TypeRef::Named {
            name: name.into(),
            args,
        }
    }

    /// `List<item>`.
    pub fn list(item: TypeRef) -> Self {
        TypeRef::List(Box::new(item))
    }

    /// `Map<key, value>`.
    pub fn map(key: TypeRef, value: TypeRef) -> Self {
        TypeRef::Map(Box::new(key), Box::new(value))
    }

    /// `Nullable<inner>` (does not double-wrap an already nullable type).
    pub fn nullable(inner: TypeRef) -> Self {
        match inner {
            TypeRef::Nullable(_) => inner,
            other => TypeRef::Nullable(Box::new(other)),
        }
    }

    /// Calls `f` on every named type reachable from this reference (itself, generic
    /// arguments, items, keys and values), with its name and arity.
    pub fn visit_named(&self, f: &mut dyn FnMut(&str, usize)) {
        match self {
            TypeRef::Primitive(_) | TypeRef::GenericParam(_) => {}
            TypeRef::Named { name, args } => {
                f(name, args.len());
                for a in args {
                    a.visit_named(f);
                }
            }
            TypeRef::List(item) | TypeRef::Nullable(item) => item.visit_named(f),
            TypeRef::Map(k, v) => {
                k.visit_named(f);
                v.visit_named(f);
            }
        }
    }

    /// Calls `f` on every named type reachable from this reference, as
    /// [`visit_named`](Self::visit_named), also saying whether it is this reference itself (the
    /// outermost); the name `f` returns replaces the type's.
    pub fn rename_named(&mut self, f: &mut dyn FnMut(&str, usize, bool) -> Option<String>) {
        self.rename_named_at(f, true);
    }

    fn rename_named_at(
        &mut self,
        f: &mut dyn FnMut(&str, usize, bool) -> Option<String>,
        outermost: bool,
    ) {
        match self {
            TypeRef::Primitive(_) | TypeRef::GenericParam(_) => {}
            TypeRef::Named { name, args } => {
                if let Some(renamed) = f(name, args.len(), outermost) {
                    *name = renamed;
                }
                for a in args {
                    a.rename_named_at(f, false);
                }
            }
            TypeRef::List(item) | TypeRef::Nullable(item) => item.rename_named_at(f, false),
            TypeRef::Map(k, v) => {
                k.rename_named_at(f, false);
                v.rename_named_at(f, false);
            }
        }
    }
}

/// The name a type defined by several namespaces gets in its second and later namespaces (the
/// first keeps the name): its namespace's last segments before it, as few as make it unused
/// (`Shop.Orders` + `Item` → `OrdersItem`), else a number after it. `taken` says which names
/// are in use.
pub fn namespaced_name(
    name: &str,
    namespace: Option<&str>,
    taken: impl Fn(&str) -> bool,
) -> String {
    let segments: Vec<&str> = namespace.unwrap_or_default().split('.').collect();
    (1..=segments.len())
        .map(|take| format!("{}{name}", segments[segments.len() - take..].concat()))
        .chain((2..).map(|n| format!("{name}{n}")))
        .find(|candidate| candidate != name && !taken(candidate))
        .expect("the numbered names never run out")
}

impl fmt::Display for TypeRef {
    /// C#-like spelling for messages: `List<Dictionary<String,Poco>>`, `T`, `Int32?`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TypeRef::Primitive(p) => write!(f, "{p:?}"),
            TypeRef::Named { name, args } => {
                f.write_str(name)?;
                if !args.is_empty() {
                    f.write_str("<")?;
                    for (i, a) in args.iter().enumerate() {
                        if i > 0 {
                            f.write_str(",")?;
                        }
                        write!(f, "{a}")?;
                    }
                    f.write_str(">")?;
                }
                Ok(())
            }
            TypeRef::GenericParam(p) => f.write_str(p),
            TypeRef::List(item) => write!(f, "List<{item}>"),
            TypeRef::Map(k, v) => write!(f, "Dictionary<{k},{v}>"),
            TypeRef::Nullable(inner) => write!(f, "{inner}?"),
        }
    }
}

/// Scalar types. Each knows its .NET origin so the emitter can map it precisely.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Primitive {
    /// `Boolean` / `boolean`.
    Bool,
    /// `SByte`.
    I8,
    /// `Byte`.
    U8,
    /// `Int16`.
    I16,
    /// `UInt16`.
    U16,
    /// `Int32`.
    I32,
    /// `UInt32`.
    U32,
    /// `Int64`, `IntPtr`.
    I64,
    /// `UInt64`.
    U64,
    /// `Int128`.
    I128,
    /// `UInt128`.
    U128,
    /// `Single`.
    F32,
    /// `Double`.
    F64,
    /// `Decimal`: kept as text so no precision is lost.
    Decimal,
    /// TypeScript `number`: the .NET type is lost; the emitter applies its number policy.
    Number,
    /// `Char`.
    Char,
    /// `String` / `string`.
    String,
    /// `DateTime`, `DateOnly`.
    DateTime,
    /// `DateTimeOffset`.
    DateTimeOffset,
    /// `TimeSpan`, `TimeOnly`.
    TimeSpan,
    /// `Guid`.
    Guid,
    /// `Uri`.
    Uri,
    /// `Byte[]`, `Stream`: base64 text on the wire.
    Bytes,
    /// `Object`, `dynamic`, TypeScript `any`/`Object`/`unknown`: any value.
    Any,
}

impl Primitive {
    /// The primitive a .NET type name or C# keyword stands for (the one table every reader uses):
    /// `Int32`/`int` is [`I32`](Self::I32), `DateOnly` a date-time, `Stream` bytes,
    /// `JsonObject` any value; `None` for a type that is not one of .NET's own.
    pub fn from_dotnet(name: &str) -> Option<Primitive> {
        use Primitive::*;
        Some(match name {
            "String" | "string" | "Type" => String,
            "Boolean" | "bool" => Bool,
            "Byte" | "byte" => U8,
            "SByte" | "sbyte" => I8,
            "Int16" | "short" => I16,
            "UInt16" | "ushort" => U16,
            "Int32" | "int" => I32,
            "UInt32" | "uint" => U32,
            "Int64" | "long" | "IntPtr" | "nint" => I64,
            "UInt64" | "ulong" | "UIntPtr" | "nuint" => U64,
            "Int128" => I128,
            "UInt128" => U128,
            "Single" | "float" | "Half" => F32,
            "Double" | "double" => F64,
            "Decimal" | "decimal" => Decimal,
            // Beyond a decimal's 96 bits: its digits as text.
            "BigInteger" => String,
            "Char" | "char" => Char,
            "DateTime" | "DateOnly" => DateTime,
            "DateTimeOffset" => DateTimeOffset,
            "TimeSpan" | "TimeOnly" => TimeSpan,
            "Guid" => Guid,
            "Uri" => Uri,
            "Stream" | "MemoryStream" | "HttpWebResponse" | "HttpResponseMessage" | "Blob" => Bytes,
            "Object" | "object" | "dynamic" | "JsonElement" | "JsonNode" | "JsonObject" => Any,
            _ => return None,
        })
    }
}

/// A generic .NET collection type: what `List<T>`, `T[]`, `IEnumerable<T>` and their kin, or
/// `Dictionary<K, V>` and its kin, are on the wire (a list, an object).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CollectionKind {
    /// One type argument: a list.
    List,
    /// Two type arguments, key and value: a dictionary.
    Map,
}

impl CollectionKind {
    /// The kind of the .NET collection `name` with `arity` type arguments (the one table every
    /// reader uses), or `None` when it is not one.
    pub fn from_dotnet(name: &str, arity: usize) -> Option<CollectionKind> {
        match (name, arity) {
            (
                "List"
                | "IList"
                | "IEnumerable"
                | "ICollection"
                | "IReadOnlyList"
                | "IReadOnlyCollection"
                | "HashSet"
                | "ISet"
                | "IReadOnlySet"
                | "SortedSet"
                | "Queue"
                | "Stack"
                | "LinkedList"
                | "Collection"
                | "ObservableCollection"
                | "ReadOnlyCollection"
                | "ConcurrentBag"
                | "ConcurrentQueue"
                | "BlockingCollection"
                | "ImmutableList"
                | "ImmutableArray"
                | "ImmutableHashSet"
                | "IImmutableList"
                | "Array",
                1,
            ) => Some(CollectionKind::List),
            (
                "Dictionary"
                | "IDictionary"
                | "IReadOnlyDictionary"
                | "SortedDictionary"
                | "SortedList"
                | "ConcurrentDictionary"
                | "IOrderedDictionary"
                | "OrderedDictionary"
                | "ImmutableDictionary"
                | "IImmutableDictionary"
                | "FrozenDictionary",
                2,
            ) => Some(CollectionKind::Map),
            _ => None,
        }
    }
}

/// Structs from outside the service (.NET's, NodaTime's) that DTOs use by name without
/// defining them, as `(name, generic arity)`: a member of one is never null in C#.
const DOTNET_VALUE_TYPES: &[(&str, usize)] = &[
    ("DayOfWeek", 0),
    ("KeyValuePair", 2),
    ("ValueTuple", 1),
    ("ValueTuple", 2),
    ("ValueTuple", 3),
    ("ValueTuple", 4),
];

/// NodaTime's structs. ServiceStack.Text writes a struct it has no serializer for as its
/// `ToString()` text, which for these is NodaTime's ISO form (`2019-01-01T00:00:00Z` for an
/// `Instant`), so they are kept as that text; a service that registers other serializers for
/// them writes something else, which the text holds as well.
const TEXT_STRUCTS: &[&str] = &[
    "Instant",
    "LocalDate",
    "LocalTime",
    "LocalDateTime",
    "OffsetDateTime",
    "OffsetDate",
    "OffsetTime",
    "ZonedDateTime",
    "YearMonth",
    "AnnualDate",
    "Offset",
    "Duration",
    "Interval",
];

/// Whether a type the input references without defining it is a well-known struct (.NET's
/// `DayOfWeek`, `KeyValuePair<K, V>`, NodaTime's `Instant`, ...), whose members are never null.
pub fn is_dotnet_value_type(name: &str, arity: usize) -> bool {
    DOTNET_VALUE_TYPES.contains(&(name, arity)) || is_text_struct(name, arity)
}

/// Whether a type the input references without defining it is a well-known struct written as
/// its text (NodaTime's `Instant`, `LocalDate`, `Duration`, ...): such members are strings.
pub fn is_text_struct(name: &str, arity: usize) -> bool {
    arity == 0 && TEXT_STRUCTS.contains(&name)
}

/// ServiceStack.Text's `ToCamelCase`, as its camelCase hosts name members: the leading run of
/// ASCII upper-case letters is lowered, except the last one of the run when a lower-case letter
/// follows it (`URLPath` → `urlPath`, `ID` → `id`, `UShort` → `uShort`, `X1Y` → `x1Y`); other
/// characters are kept (`ÉtatCivil` stays, `_Under` stays).
pub fn camel_case(name: &str) -> std::string::String {
    let chars: Vec<char> = name.chars().collect();
    let mut out = std::string::String::with_capacity(name.len());
    let mut first_part = true;
    for (i, &c) in chars.iter().enumerate() {
        let next_upper = chars.get(i + 1).is_none_or(|n| n.is_ascii_uppercase());
        if first_part && c.is_ascii_uppercase() && (next_upper || i == 0) {
            out.push(c.to_ascii_lowercase());
        } else {
            first_part = false;
            out.push(c);
        }
    }
    out
}

/// A request DTO and everything known about calling it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Operation {
    /// Name of the request type (a non-generic [`TypeDef`] in [`Schema::types`]).
    pub request: String,
    /// The response type (`IReturn<T>`, `returnType`, the page's sample), when known.
    /// Can be a list (`IReturn<List<Breadcrumb>>`) or a primitive (`IReturn<string>`).
    pub response: Option<TypeRef>,
    /// `IReturnVoid` / `returnsVoid`.
    pub returns_void: bool,
    /// `[Route]`s in declaration order.
    pub routes: Vec<Route>,
    /// `[Authenticate]` / `requiresAuth` / "Requires Authentication".
    pub requires_auth: bool,
    /// Roles and permissions required (all kinds, for documentation).
    pub required_roles: Vec<String>,
    /// Permissions required (all kinds, for documentation).
    pub required_permissions: Vec<String>,
    /// `[Tag]` groups.
    pub tags: Vec<String>,
    /// Operation-level description (usually the request type's description; readers may leave
    /// this `None` and the emitter falls back to [`TypeDef::description`]).
    pub description: Option<String>,
    /// Preferred HTTP method (`method`, `IGet`/`IPost` markers), when known.
    pub method: Option<String>,
    /// Service method names implemented (`ANY`, `GET`, ...), when known.
    pub actions: Vec<String>,
    /// Where the operation was found.
    pub location: Option<SourceLocation>,
}

/// One `[Route(path, verbs)]`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Route {
    /// Path template as written (`/sessions/{sessionId}/conference/members`).
    pub path: String,
    /// Upper-case verbs (`["GET", "POST"]`); empty means all verbs.
    pub verbs: Vec<String>,
    /// `Summary`, when given.
    pub summary: Option<String>,
    /// `Notes`, when given.
    pub notes: Option<String>,
}

impl Route {
    /// Splits a raw verbs string (`"GET,POST"`, `"GET POST"`, `"All Verbs"`, `"*"`) into
    /// upper-case verbs; "all verbs" spellings give an empty list.
    pub fn parse_verbs(raw: &str) -> Vec<String> {
        let trimmed = raw.trim();
        if trimmed.is_empty() || trimmed == "*" || trimmed.eq_ignore_ascii_case("all verbs") {
            return Vec::new();
        }
        trimmed
            .split(|c: char| c == ',' || c == ';' || c.is_whitespace())
            .filter(|v| !v.is_empty())
            .map(|v| v.to_ascii_uppercase())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verbs_are_split_and_uppercased() {
        assert_eq!(Route::parse_verbs("get, POST"), ["GET", "POST"]);
        assert_eq!(Route::parse_verbs("GET POST"), ["GET", "POST"]);
        assert!(Route::parse_verbs("All Verbs").is_empty());
        assert!(Route::parse_verbs("*").is_empty());
    }

    #[test]
    fn type_ref_display_is_csharp_like() {
        let t = TypeRef::list(TypeRef::map(
            TypeRef::Primitive(Primitive::String),
            TypeRef::generic("Poco", vec![TypeRef::GenericParam("T".into())]),
        ));
        assert_eq!(t.to_string(), "List<Dictionary<String,Poco<T>>>");
    }

    #[test]
    fn merge_keeps_first_definition() {
        let mut a = Schema::default();
        a.types.push(TypeDef::class("A"));
        let mut b = Schema::default();
        let mut dup = TypeDef::class("A");
        dup.description = Some("second".into());
        b.types.push(dup);
        b.types.push(TypeDef::class("B"));
        a.merge(b);
        assert_eq!(a.types.len(), 2);
        assert_eq!(a.types[0].description, None);
    }

    #[test]
    fn location_display() {
        assert_eq!(SourceLocation::new("a.ts", 3, 7).to_string(), "a.ts:3:7");
        assert_eq!(SourceLocation::new("a.ts", 3, 0).to_string(), "a.ts:3");
        assert_eq!(SourceLocation::file("a.ts").to_string(), "a.ts");
    }
}
