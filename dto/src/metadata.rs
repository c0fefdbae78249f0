//! ServiceStack's metadata document (`/types/metadata`, `MetadataTypes`) as serde types, and
//! the type information that fills it: the [`Type`] trait (derived with
//! [`#[derive(Type)]`](macro@crate::Type)) describes a Rust type the way ServiceStack describes
//! the .NET type behind it, and a [`TypeRegistry`] collects every type a DTO reaches.
//!
//! ```
//! use dto::metadata::{Type, TypeRegistry};
//!
//! #[derive(serde::Serialize, dto::Type)]
//! #[serde(rename_all = "camelCase")]
//! /// A call in progress.
//! struct SessionInfo {
//!     /// The ID of the object
//!     id: Option<String>,
//!     tags: Vec<String>,
//!     members: Option<Vec<Member>>,
//! }
//!
//! #[derive(serde::Serialize, dto::Type)]
//! struct Member { name: String, muted: bool }
//!
//! let mut registry = TypeRegistry::new("Voice.Api");
//! SessionInfo::register(&mut registry);
//! let types = registry.into_types();
//! assert_eq!(types[0].name, "SessionInfo");
//! assert_eq!(types[0].description.as_deref(), Some("A call in progress."));
//! let tags = &types[0].properties.as_ref().unwrap()[1];
//! assert_eq!((tags.name.as_str(), tags.r#type.as_str()), ("Tags", "List`1"));
//! assert_eq!(tags.generic_args.as_deref(), Some(&["String".to_owned()][..]));
//! assert_eq!(types[1].name, "Member");
//! assert_eq!(<Option<Vec<Member>>>::type_name().display(), "List<Member>");
//! ```
//!
//! The document's members are written camelCase with `None` and `false` flags left out, as a
//! .NET Core ServiceStack host writes them.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};

/// The `/types/metadata` document.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct MetadataTypes {
    /// The options the document was made with.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub config: Option<MetadataTypesConfig>,
    /// Every namespace the types use.
    pub namespaces: Vec<String>,
    /// Every type the operations reach, but the operations' own request and response types.
    pub types: Vec<MetadataType>,
    /// One per request DTO.
    pub operations: Vec<MetadataOperationType>,
}

/// The `config` of a [`MetadataTypes`] (the members a reader of the document uses).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct MetadataTypesConfig {
    /// The service's base URL.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub base_url: Option<String>,
    /// Whether ServiceStack's own types (`ResponseStatus`, ...) are added to the language outputs.
    pub add_service_stack_types: bool,
}

/// One operation: its request, response, routes and auth.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct MetadataOperationType {
    /// The request DTO.
    pub request: MetadataType,
    /// The response DTO, when it is a type of the service.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub response: Option<MetadataType>,
    /// The verbs the service implements (`ANY` for all).
    pub actions: Vec<String>,
    /// The request returns nothing (`IReturnVoid`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub returns_void: Option<bool>,
    /// The preferred verb.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub method: Option<String>,
    /// The response type (`IReturn<T>`'s `T`), closed generic arguments included.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub return_type: Option<MetadataTypeName>,
    /// The request's routes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub routes: Option<Vec<MetadataRoute>>,
    /// The operation needs an authenticated session.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub requires_auth: Option<bool>,
}

/// A type: a DTO, an enum, a generic definition.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct MetadataType {
    /// The .NET name, with the generic arity as a backtick suffix (`ListResponse`1`).
    pub name: String,
    /// The .NET namespace.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub namespace: Option<String>,
    /// A generic definition's parameter names (`["T"]`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub generic_args: Option<Vec<String>>,
    /// The base class.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub inherits: Option<MetadataTypeName>,
    /// The interfaces (always written, usually empty).
    pub implements: Vec<MetadataTypeName>,
    /// What the type is (`[Api(Description)]`, doc comments).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// An enum.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub is_enum: Option<bool>,
    /// An enum written as numbers.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub is_enum_int: Option<bool>,
    /// An open generic definition.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub is_generic_type_def: Option<bool>,
    /// The properties, in declaration order.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub properties: Option<Vec<MetadataPropertyType>>,
    /// An enum's member names.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub enum_names: Option<Vec<String>>,
    /// An enum's numeric values, as text, when they are not 0..n-1.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub enum_values: Option<Vec<String>>,
    /// An enum's wire names, when one differs from its member name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub enum_member_values: Option<Vec<String>>,
}

/// A reference to a type: a base class, a response type.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct MetadataTypeName {
    /// The .NET name (`List`1`).
    pub name: String,
    /// The .NET namespace.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub namespace: Option<String>,
    /// Closed generic arguments in C# syntax (`["SessionInfo"]`, `["Dictionary<String,Int32>"]`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub generic_args: Option<Vec<String>>,
}

/// A property of a [`MetadataType`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct MetadataPropertyType {
    /// The .NET property name (PascalCase); the wire name is its camelCase unless
    /// [`data_member`](Self::data_member) names it.
    pub name: String,
    /// The .NET type name (`String`, `Int32`, `Nullable`1`, `List`1`, `SessionInfo`, `T`).
    pub r#type: String,
    /// The type's namespace.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub namespace: Option<String>,
    /// A .NET value type (numbers, booleans, enums, `Nullable<T>`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub is_value_type: Option<bool>,
    /// An enum (or a nullable enum).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub is_enum: Option<bool>,
    /// The type's generic arguments in C# syntax.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub generic_args: Option<Vec<String>>,
    /// What the property is.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The property must be set (a reference type that is not optional, `[ApiMember(IsRequired)]`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub is_required: Option<bool>,
    /// `[ApiMember(ParameterType)]`: `path`, `query`, `body`, ...
    #[serde(skip_serializing_if = "Option::is_none")]
    pub param_type: Option<String>,
    /// The wire name, when it is not the camelCase of [`name`](Self::name).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data_member: Option<MetadataDataMember>,
}

/// `[DataMember]` of a property.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct MetadataDataMember {
    /// The wire name, used verbatim.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

/// A `[Route]`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct MetadataRoute {
    /// The path template.
    pub path: String,
    /// The verbs, comma-separated; absent for every verb.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verbs: Option<String>,
}

/// How a type is named where it is used: a .NET name, namespace and generic arguments.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct TypeName {
    /// The .NET name (`String`, `List`1`, `SessionInfo`, `T`).
    pub name: Cow<'static, str>,
    /// The namespace; `None` for the service's own types (the host's namespace) and type
    /// parameters.
    pub namespace: Option<&'static str>,
    /// Generic arguments.
    pub generic_args: Vec<TypeName>,
    /// A .NET value type.
    pub is_value_type: bool,
    /// An enum.
    pub is_enum: bool,
    /// `Option<T>`: the member may be left out.
    pub optional: bool,
}

impl TypeName {
    /// A type of .NET's `System` namespace.
    pub const fn system(name: &'static str, is_value_type: bool) -> Self {
        TypeName {
            name: Cow::Borrowed(name),
            namespace: Some("System"),
            generic_args: Vec::new(),
            is_value_type,
            is_enum: false,
            optional: false,
        }
    }

    /// A type of the service (namespace filled in by the registry's owner).
    pub fn named(name: impl Into<Cow<'static, str>>) -> Self {
        TypeName {
            name: name.into(),
            namespace: None,
            generic_args: Vec::new(),
            is_value_type: false,
            is_enum: false,
            optional: false,
        }
    }

    /// A generic type parameter (`T`).
    pub fn param(name: &'static str) -> Self {
        TypeName::named(name)
    }

    /// A .NET collection of `System.Collections.Generic` (`List`1`, `Dictionary`2`).
    pub fn collection(name: &'static str, generic_args: Vec<TypeName>) -> Self {
        TypeName {
            namespace: Some("System.Collections.Generic"),
            generic_args,
            ..TypeName::named(name)
        }
    }

    /// The name in C# syntax, as generic arguments are written: `String`, `List<SessionInfo>`,
    /// `Dictionary<String,Nullable<Int32>>`.
    pub fn display(&self) -> String {
        let base = self.name.split('`').next().unwrap_or_default();
        if self.generic_args.is_empty() {
            return base.to_owned();
        }
        let args: Vec<String> = self.generic_args.iter().map(TypeName::display).collect();
        format!("{base}<{}>", args.join(","))
    }

    /// As a [`MetadataTypeName`], the service's namespace given for its own types.
    pub fn to_metadata(&self, namespace: &str) -> MetadataTypeName {
        MetadataTypeName {
            name: self.name.clone().into_owned(),
            namespace: Some(self.namespace.unwrap_or(namespace).to_owned()),
            generic_args: (!self.generic_args.is_empty())
                .then(|| self.generic_args.iter().map(TypeName::display).collect()),
        }
    }
}

/// A Rust type described as ServiceStack describes the .NET type behind it. Derive it with
/// [`#[derive(Type)]`](macro@crate::Type) on structs and enums; it is implemented for strings,
/// numbers, booleans, `Option`, `Vec`, maps, `Box`, [`Value`](crate::Value) and `()`.
pub trait Type {
    /// How a member of this type is named.
    fn type_name() -> TypeName;

    /// Adds this type's definition, and those of the types it reaches, to `registry` (nothing for
    /// .NET's own types).
    fn register(registry: &mut TypeRegistry) {
        let _ = registry;
    }
}

/// The definitions of every type a set of DTOs reaches, in the order they were first met.
#[derive(Debug, Clone, Default)]
pub struct TypeRegistry {
    namespace: String,
    types: IndexMap<String, Option<MetadataType>>,
}

impl TypeRegistry {
    /// An empty registry whose types are in `namespace` (the service's).
    pub fn new(namespace: impl Into<String>) -> Self {
        TypeRegistry {
            namespace: namespace.into(),
            types: IndexMap::new(),
        }
    }

    /// The service's namespace.
    pub fn namespace(&self) -> &str {
        &self.namespace
    }

    /// Starts defining `name`: `true` the first time, `false` when it is known or being defined
    /// (so recursive types end).
    pub fn start(&mut self, name: &str) -> bool {
        if self.types.contains_key(name) {
            return false;
        }
        self.types.insert(name.to_owned(), None);
        true
    }

    /// Ends defining a type [`start`](Self::start) began: its namespace is the service's unless
    /// set.
    pub fn finish(&mut self, mut definition: MetadataType) {
        definition
            .namespace
            .get_or_insert_with(|| self.namespace.clone());
        self.types.insert(definition.name.clone(), Some(definition));
    }

    /// The definition of `name`, when it is defined.
    pub fn get(&self, name: &str) -> Option<&MetadataType> {
        self.types.get(name).and_then(Option::as_ref)
    }

    /// The definitions, in the order met.
    pub fn into_types(self) -> Vec<MetadataType> {
        self.types.into_values().flatten().collect()
    }

    /// The property `name` (the Rust field's wire name `wire_name`) of type `T`: the .NET name is
    /// the wire name with its first letter in upper case, and a wire name that is not that
    /// name's camelCase is kept as `dataMember.name`.
    pub fn property<T: Type + ?Sized>(
        &self,
        wire_name: &str,
        description: Option<&str>,
    ) -> MetadataPropertyType {
        let ty = T::type_name();
        let mut chars = wire_name.chars();
        let name: String = match chars.next() {
            Some(first) => first.to_uppercase().chain(chars).collect(),
            None => String::new(),
        };
        let camel: String = {
            let mut chars = name.chars();
            match chars.next() {
                Some(first) => first.to_lowercase().chain(chars).collect(),
                None => String::new(),
            }
        };
        MetadataPropertyType {
            r#type: ty.name.clone().into_owned(),
            namespace: Some(ty.namespace.unwrap_or(&self.namespace).to_owned()),
            is_value_type: ty.is_value_type.then_some(true),
            is_enum: ty.is_enum.then_some(true),
            generic_args: (!ty.generic_args.is_empty())
                .then(|| ty.generic_args.iter().map(TypeName::display).collect()),
            description: description.map(str::to_owned),
            is_required: (!ty.optional && !ty.is_value_type).then_some(true),
            param_type: None,
            data_member: (camel != wire_name).then(|| MetadataDataMember {
                name: Some(wire_name.to_owned()),
            }),
            name,
        }
    }
}

macro_rules! system_types {
    ($($ty:ty => $name:literal, $value:literal;)*) => {$(
        impl Type for $ty {
            fn type_name() -> TypeName {
                TypeName::system($name, $value)
            }
        }
    )*};
}

system_types! {
    String => "String", false;
    str => "String", false;
    bool => "Boolean", true;
    char => "Char", true;
    i8 => "SByte", true;
    u8 => "Byte", true;
    i16 => "Int16", true;
    u16 => "UInt16", true;
    i32 => "Int32", true;
    u32 => "UInt32", true;
    i64 => "Int64", true;
    u64 => "UInt64", true;
    i128 => "Decimal", true;
    u128 => "Decimal", true;
    isize => "Int64", true;
    usize => "UInt64", true;
    f32 => "Single", true;
    f64 => "Double", true;
    crate::Value => "Object", false;
    crate::DateTime => "DateTime", true;
    crate::DateTimeOffset => "DateTimeOffset", true;
    crate::TimeSpan => "TimeSpan", true;
    crate::Guid => "Guid", true;
    crate::Decimal => "Decimal", true;
    crate::Bytes => "Byte[]", false;
}

#[cfg(feature = "chrono")]
system_types! {
    chrono::DateTime<chrono::Utc> => "DateTime", true;
    chrono::NaiveDateTime => "DateTime", true;
    chrono::DateTime<chrono::FixedOffset> => "DateTimeOffset", true;
    chrono::TimeDelta => "TimeSpan", true;
}

#[cfg(feature = "time")]
system_types! {
    time::OffsetDateTime => "DateTimeOffset", true;
    time::PrimitiveDateTime => "DateTime", true;
    time::Duration => "TimeSpan", true;
}

impl Type for () {
    fn type_name() -> TypeName {
        TypeName::system("Void", false)
    }
}

impl<T: Type + ?Sized> Type for &T {
    fn type_name() -> TypeName {
        T::type_name()
    }
    fn register(registry: &mut TypeRegistry) {
        T::register(registry);
    }
}

impl<T: Type + ?Sized> Type for Box<T> {
    fn type_name() -> TypeName {
        T::type_name()
    }
    fn register(registry: &mut TypeRegistry) {
        T::register(registry);
    }
}

impl<T: Type + ToOwned + ?Sized> Type for Cow<'_, T> {
    fn type_name() -> TypeName {
        T::type_name()
    }
    fn register(registry: &mut TypeRegistry) {
        T::register(registry);
    }
}

impl<T: Type> Type for Option<T> {
    /// `Nullable<T>` for a value type, else `T` itself (.NET references are nullable); optional.
    fn type_name() -> TypeName {
        let inner = T::type_name();
        let mut name = if inner.is_value_type {
            TypeName {
                name: Cow::Borrowed("Nullable`1"),
                namespace: Some("System"),
                is_value_type: true,
                is_enum: inner.is_enum,
                generic_args: vec![inner],
                optional: false,
            }
        } else {
            inner
        };
        name.optional = true;
        name
    }
    fn register(registry: &mut TypeRegistry) {
        T::register(registry);
    }
}

macro_rules! list_types {
    ($($ty:ident),*) => {$(
        impl<T: Type> Type for $ty<T> {
            fn type_name() -> TypeName {
                TypeName::collection("List`1", vec![T::type_name()])
            }
            fn register(registry: &mut TypeRegistry) {
                T::register(registry);
            }
        }
    )*};
}

use std::collections::{BTreeSet, HashSet, VecDeque};
list_types!(Vec, VecDeque, BTreeSet);

impl<T: Type, S> Type for HashSet<T, S> {
    fn type_name() -> TypeName {
        TypeName::collection("List`1", vec![T::type_name()])
    }
    fn register(registry: &mut TypeRegistry) {
        T::register(registry);
    }
}

impl<T: Type> Type for [T] {
    fn type_name() -> TypeName {
        TypeName::collection("List`1", vec![T::type_name()])
    }
    fn register(registry: &mut TypeRegistry) {
        T::register(registry);
    }
}

macro_rules! map_types {
    ($($ty:ident $(, $s:ident)?;)*) => {$(
        impl<K: Type, V: Type $(, $s)?> Type for $ty<K, V $(, $s)?> {
            fn type_name() -> TypeName {
                TypeName::collection("Dictionary`2", vec![K::type_name(), V::type_name()])
            }
            fn register(registry: &mut TypeRegistry) {
                K::register(registry);
                V::register(registry);
            }
        }
    )*};
}

map_types! {
    IndexMap, S;
    HashMap, S;
    BTreeMap;
}
