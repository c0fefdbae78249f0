//! ServiceStack metadata JSON reader: `/types/metadata` and `/metadata/app.json`.
//!
//! Accepts every layout seen from v5 to v10:
//!
//! * keys in camelCase, PascalCase or snake_case (matched ignoring case and `_`);
//! * `/metadata/app.json`, whose `MetadataTypes` sits under `api` (with `app.baseUrl`);
//! * v5 layout (routes, `returnMarkerTypeName`, `returnVoidMarker` on the request type,
//!   `typeNamespace`/`isSystemType` on properties) and v6+ layout (operation-level `routes`,
//!   `returnType`, `returnsVoid`, `requiresAuth`, `tags`, `method`); operation-level fields win;
//! * request and response types that appear only under `operations`.
//!
//! Wire names follow the host's JSON text case, which the document's own keys reveal
//! (camelCase keys come from a camelCase host); a `DataMember(Name)` alias is used verbatim.

use std::collections::{HashMap, HashSet};

mod json;

use json::{Json, Object};

use crate::error::{Error, Result};
use crate::model::{
    ApiMember, Attribute, CollectionKind, DataMember, EnumDef, EnumMember, EnumRepr, Operation,
    Primitive, Property, Route, Schema, SourceLocation, TypeDef, TypeKind, TypeRef, camel_case,
};

/// Reads a metadata JSON document from `text`; `file` names the input in messages.
pub fn read(text: &str, file: &str) -> Result<Schema> {
    let root = json::from_str(text.trim_start_matches('\u{feff}')).map_err(|e| {
        Error::parse(
            SourceLocation::new(file, e.line() as u32, e.column() as u32),
            format!("invalid JSON: {e}"),
        )
    })?;
    let Some(root_obj) = root.as_object() else {
        return Err(not_metadata(file));
    };
    // `/metadata/app.json` wraps the document in `api`; `/types/metadata` is the document.
    let (doc, app) = match get(root_obj, "api").and_then(Json::as_object) {
        Some(api) if has_any(api, &["types", "operations"]) => (api, get(root_obj, "app")),
        _ if has_any(root_obj, &["types", "operations"]) => (root_obj, None),
        _ => return Err(not_metadata(file)),
    };
    let mut reader = Reader {
        file,
        case: HostCase::detect(doc),
        schema: Schema::default(),
        defined: HashSet::new(),
        index: SourceIndex::new(text),
        namespaced: HashMap::new(),
    };
    reader.schema.base_url = app
        .and_then(|a| a.as_object())
        .and_then(|a| get_str(a, "baseUrl"))
        .or_else(|| {
            get(doc, "config")
                .and_then(Json::as_object)
                .and_then(|c| get_str(c, "baseUrl"))
        })
        .map(str::to_string);
    reader.schema.service_name = app
        .and_then(|a| a.as_object())
        .and_then(|a| get_str(a, "serviceName"))
        .map(str::to_string);
    reader.read_document(doc)?;
    Ok(reader.schema)
}

fn not_metadata(file: &str) -> Error {
    Error::Format {
        file: file.to_string(),
        message: "not a ServiceStack metadata document: expected an object with `types` or \
                  `operations` (from /types/metadata), or `api` (from /metadata/app.json)"
            .to_string(),
    }
}

/// The JSON text case of the host, which decides wire names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum HostCase {
    Camel,
    Pascal,
    Snake,
}

impl HostCase {
    /// Decided from the document's own keys: ServiceStack writes the metadata DTOs with the
    /// same text case as every other DTO.
    fn detect(doc: &Object<'_>) -> HostCase {
        let mut keys = doc.keys().collect::<Vec<_>>();
        // Look one level deeper too, so a document with only `types` is still decided.
        let first_type = ["types", "operations"]
            .iter()
            .filter_map(|k| get(doc, k))
            .filter_map(Json::as_array)
            .flat_map(|a| a.first())
            .filter_map(Json::as_object)
            .next();
        if let Some(t) = first_type {
            keys.extend(t.keys());
        }
        if keys.iter().any(|k| k.contains('_')) {
            HostCase::Snake
        } else if keys
            .iter()
            .any(|k| k.starts_with(|c: char| c.is_ascii_uppercase()))
        {
            HostCase::Pascal
        } else {
            HostCase::Camel
        }
    }

    fn wire_name(self, name: &str) -> String {
        match self {
            HostCase::Camel => camel_case(name),
            HostCase::Pascal => name.to_string(),
            HostCase::Snake => to_lowercase_underscore(name),
        }
    }
}

/// ServiceStack.Text's `ToLowercaseUnderscore`: camel-case first, then every upper-case letter
/// becomes `_` + lower-case.
fn to_lowercase_underscore(name: &str) -> String {
    let camel = camel_case(name);
    let mut out = String::with_capacity(camel.len() + 4);
    for c in camel.chars() {
        if c.is_ascii_uppercase() {
            out.push('_');
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// A type's `(name, generic arity)`.
type TypeKey = (String, usize);

/// The namespaces that define one name, each with whether a request is defined there.
type Definitions<'t> = Vec<(Option<&'t str>, bool)>;

struct Reader<'a> {
    file: &'a str,
    case: HostCase,
    schema: Schema,
    /// `(name, arity)` of every type defined in the document.
    defined: HashSet<(String, usize)>,
    /// Where names stand in the text, for locations in messages.
    index: SourceIndex<'a>,
    /// Types defined in several namespaces, by `(name, arity)`: the namespaces in the order
    /// their definitions keep the name (a request's first), and the names the others get.
    namespaced: HashMap<TypeKey, Vec<(Option<String>, String)>>,
}

/// Where each `"name": "X"` first stands in the document and where its lines start, built in one
/// pass so that locating a type is a lookup, not a scan of the text (documents run to thousands of
/// types, and every type is located).
struct SourceIndex<'t> {
    names: HashMap<&'t str, usize>,
    line_starts: Vec<usize>,
}

impl<'t> SourceIndex<'t> {
    fn new(text: &'t str) -> Self {
        let bytes = text.as_bytes();
        let line_starts = std::iter::once(0)
            .chain(memchr::memchr_iter(b'\n', bytes).map(|i| i + 1))
            .collect();
        let mut names = HashMap::new();
        let skip_space = |mut i: usize| {
            while bytes.get(i).is_some_and(u8::is_ascii_whitespace) {
                i += 1;
            }
            i
        };
        // `ame"` is rare enough to search for fast; the key's `"n`/`"N` is checked after.
        for found in memchr::memmem::find_iter(bytes, b"ame\"") {
            let Some(key) = found.checked_sub(1) else {
                continue;
            };
            if key == 0
                || bytes[key - 1] != b'"'
                || !bytes
                    .get(key..key + 5)
                    .is_some_and(|k| k.eq_ignore_ascii_case(b"name\""))
            {
                continue;
            }
            let colon = skip_space(key + 5);
            if bytes.get(colon) != Some(&b':') {
                continue;
            }
            let value = skip_space(colon + 1);
            if bytes.get(value) != Some(&b'"') {
                continue;
            }
            if let Some(len) = text[value + 1..].find('"') {
                names
                    .entry(&text[value + 1..value + 1 + len])
                    .or_insert(value);
            }
        }
        SourceIndex { names, line_starts }
    }

    /// Line and column (1-based, column in bytes) of a byte offset.
    fn position(&self, offset: usize) -> (u32, u32) {
        let line = self.line_starts.partition_point(|&start| start <= offset);
        let column = offset - self.line_starts[line - 1] + 1;
        (line as u32, column as u32)
    }
}

/// Context for resolving type names inside one type: its generic parameters.
struct Scope<'s> {
    params: &'s [String],
    /// `Type.Member` path for messages.
    path: String,
    /// The namespace of the type being read: a name defined in several namespaces means the
    /// one in this namespace, as in C#.
    namespace: Option<&'s str>,
}

impl<'a> Reader<'a> {
    fn read_document(&mut self, doc: &Object<'_>) -> Result<()> {
        let types = array(doc, "types");
        let operations = array(doc, "operations");
        // First pass: which types are defined, so unknown value types can be told apart, and
        // which names more than one namespace defines.
        let mut namespaces: HashMap<TypeKey, Definitions<'_>> = HashMap::new();
        let requests = operations
            .iter()
            .filter_map(|op| op.as_object().and_then(|o| get(o, "request")))
            .map(|t| (t, true));
        let responses = operations
            .iter()
            .filter_map(|op| op.as_object().and_then(|o| get(o, "response")))
            .map(|t| (t, false));
        for (t, is_request) in types
            .iter()
            .map(|t| (t, false))
            .chain(requests)
            .chain(responses)
        {
            let Some(obj) = t.as_object() else { continue };
            if let Some(name) = get_str(obj, "name") {
                let (base, arity) = split_arity(name);
                self.defined.insert((base.to_string(), arity));
                let namespace = get_str(obj, "namespace");
                if is_system_namespace(namespace) {
                    continue;
                }
                let seen = namespaces.entry((base.to_string(), arity)).or_default();
                match seen.iter_mut().find(|(ns, _)| *ns == namespace) {
                    Some(entry) => entry.1 |= is_request,
                    None => seen.push((namespace, is_request)),
                }
            }
        }
        self.name_namespaced_types(namespaces);

        for (i, t) in types.iter().enumerate() {
            let Some(obj) = t.as_object() else {
                return Err(self.error(None, format!("types[{i}] is not an object")));
            };
            if let Some(def) = self.read_type(obj, &format!("types[{i}]"))? {
                self.push_type(def);
            }
        }
        for (i, op) in operations.iter().enumerate() {
            let Some(obj) = op.as_object() else {
                return Err(self.error(None, format!("operations[{i}] is not an object")));
            };
            self.read_operation(obj, i)?;
        }
        Ok(())
    }

    /// Keeps every definition of a name several namespaces define: the request's (or else the
    /// first) keeps the name, the others are named after their namespace's last segments
    /// (`Types.Item` → `TypesItem`), and references choose by namespace.
    fn name_namespaced_types(&mut self, namespaces: HashMap<TypeKey, Definitions<'_>>) {
        let mut clashing: Vec<_> = namespaces
            .into_iter()
            .filter(|(_, seen)| seen.len() > 1)
            .collect();
        // Names are given in document order of nothing in particular; sort for stable output.
        clashing.sort_by(|a, b| a.0.cmp(&b.0));
        for ((name, arity), mut seen) in clashing {
            // A request's name is its operation's name on the wire: it is never changed.
            seen.sort_by_key(|(_, is_request)| !is_request);
            let mut named = vec![(seen[0].0.map(str::to_string), name.clone())];
            for (namespace, _) in &seen[1..] {
                let renamed = crate::model::namespaced_name(&name, *namespace, |candidate| {
                    self.defined.contains(&(candidate.to_string(), arity))
                });
                self.defined.insert((renamed.clone(), arity));
                named.push((namespace.map(str::to_string), renamed));
            }
            self.namespaced.insert((name, arity), named);
        }
    }

    /// The name a definition of `name` in `namespace` has in the schema.
    fn name_in(&self, name: &str, arity: usize, namespace: Option<&str>) -> Option<&str> {
        let named = self.namespaced.get(&(name.to_string(), arity))?;
        named
            .iter()
            .find(|(ns, _)| ns.as_deref() == namespace)
            .map(|(_, n)| n.as_str())
    }

    /// Points references to a name several namespaces define at the right definition: the one
    /// in `explicit` (the namespace the document gives for the outermost type), else in the
    /// namespace of the type being read, else the one that kept the name.
    fn choose_namespaces(&self, ty: &mut TypeRef, explicit: Option<&str>, owner: Option<&str>) {
        if self.namespaced.is_empty() {
            return;
        }
        ty.rename_named(&mut |name, arity, outermost| {
            [explicit.filter(|_| outermost), owner]
                .into_iter()
                .flatten()
                .find_map(|ns| self.name_in(name, arity, Some(ns)))
                .map(str::to_string)
        });
    }

    fn push_type(&mut self, def: TypeDef) {
        match self.schema.find_type(&def.name, def.arity()) {
            None => self.schema.types.push(def),
            // Nested .NET types keep only their own name, so two of different namespaces can
            // collide; the first wins. The same type seen again (a generic response repeated
            // under each operation, with its closed arguments in older layouts) is no collision.
            Some(first) if first.namespace != def.namespace => {
                let message = format!(
                    "type `{}` is defined twice (namespaces {} and {}); the first definition is used",
                    def.name,
                    first.namespace.as_deref().unwrap_or("-"),
                    def.namespace.as_deref().unwrap_or("-")
                );
                self.schema.warn(def.location.clone(), message);
            }
            Some(_) => {}
        }
    }

    fn error(&self, type_name: Option<&str>, message: String) -> Error {
        Error::parse(self.locate(type_name), message)
    }

    /// Best-effort location of a type's definition: the line of its first `"name": "X"`.
    fn locate(&self, type_name: Option<&str>) -> SourceLocation {
        let Some(name) = type_name else {
            return SourceLocation::file(self.file);
        };
        match self.index.names.get(name) {
            Some(&at) => {
                let (line, column) = self.index.position(at);
                SourceLocation::new(self.file, line, column)
            }
            None => SourceLocation::file(self.file),
        }
    }

    /// Reads one `MetadataType`. Returns `None` for types that are not DTOs (System types
    /// leaking in as responses, collection definitions).
    fn read_type(&mut self, obj: &Object<'_>, path: &str) -> Result<Option<TypeDef>> {
        let Some(raw_name) = get_str(obj, "name") else {
            return Err(self.error(None, format!("{path}: type without a `name`")));
        };
        let namespace = get_str(obj, "namespace").map(str::to_string);
        let (name, arity) = split_arity(raw_name);
        if is_system_namespace(namespace.as_deref()) || name.contains('<') {
            return Ok(None);
        }
        let location = Some(self.locate(Some(raw_name)));
        let mut generic_params: Vec<String> = get(obj, "genericArgs")
            .and_then(Json::as_array)
            .map(|a| {
                a.iter()
                    .filter_map(Json::as_str)
                    .map(|s| s.trim_start_matches('\'').to_string())
                    .collect()
            })
            .unwrap_or_default();
        // Generic definitions list their parameters; v6.x responses listed the *closed*
        // arguments instead (`["Todo"]`), which must not become parameter names.
        let declared_params =
            get_bool(obj, "isGenericTypeDef") || generic_params.iter().all(|p| looks_like_param(p));
        if generic_params.len() != arity || !declared_params {
            if arity > 0 {
                // v6.x wrote the *closed* arguments of a generic response here.
                generic_params = synth_params(arity);
            } else {
                generic_params.clear();
            }
        }
        let name = self
            .name_in(name, arity, namespace.as_deref())
            .unwrap_or(name)
            .to_string();
        let name = name.as_str();
        let mut def = TypeDef {
            name: name.to_string(),
            namespace,
            generic_params,
            description: get_str(obj, "description").map(str::to_string),
            notes: get_str(obj, "notes").map(str::to_string),
            is_abstract: get_bool(obj, "isAbstract") && !get_bool(obj, "isInterface"),
            is_nested: get_bool(obj, "isNested"),
            location,
            ..TypeDef::default()
        };
        def.data_contract_name = get(obj, "dataContract")
            .and_then(Json::as_object)
            .and_then(|dc| get_str(dc, "name"))
            .filter(|n| *n != name)
            .map(str::to_string);
        let attributes = read_attributes(get(obj, "attributes"));
        let is_flags = attributes.iter().any(|a| a.name == "Flags");
        def.attributes = attributes
            .into_iter()
            .filter(|a| !matches!(a.name.as_str(), "Api" | "Route" | "DataContract"))
            .collect();
        let params = def.generic_params.clone();
        let owner_namespace = def.namespace.clone();
        let scope = Scope {
            params: &params,
            path: raw_name.to_string(),
            namespace: owner_namespace.as_deref(),
        };

        if get_bool(obj, "isEnum") {
            def.kind = TypeKind::Enum(self.read_enum(obj, &def, is_flags)?);
            return Ok(Some(def));
        }
        if get_bool(obj, "isInterface") {
            def.kind = TypeKind::Interface;
        }
        if let Some(inherits) = get(obj, "inherits").and_then(Json::as_object) {
            def.base = Some(self.type_name_ref(inherits, &scope)?);
        }
        if let Some(implements) = get(obj, "implements").and_then(Json::as_array) {
            for i in implements.iter().filter_map(Json::as_object) {
                let iname = get_str(i, "name").unwrap_or_default();
                if iname.starts_with("IReturn") {
                    continue;
                }
                def.implements.push(self.type_name_ref(i, &scope)?);
            }
        }
        if let Some(props) = get(obj, "properties").and_then(Json::as_array) {
            for (i, p) in props.iter().enumerate() {
                let Some(p) = p.as_object() else {
                    return Err(self.error(
                        Some(raw_name),
                        format!("{raw_name}.properties[{i}] is not an object"),
                    ));
                };
                let prop = self.read_property(p, &scope, i, def.location.clone())?;
                if def.properties.iter().any(|q| q.wire_name == prop.wire_name) {
                    // `[Field]` hoists a base member copy; keep the first occurrence.
                    continue;
                }
                def.properties.push(prop);
            }
        }
        Ok(Some(def))
    }

    fn read_enum(&mut self, obj: &Object<'_>, def: &TypeDef, is_flags: bool) -> Result<EnumDef> {
        let names = strings(get(obj, "enumNames"));
        let values = strings(get(obj, "enumValues"));
        let member_values = strings(get(obj, "enumMemberValues"));
        let descriptions: Vec<Option<String>> = get(obj, "enumDescriptions")
            .and_then(Json::as_array)
            .map(|a| a.iter().map(|v| v.as_str().map(str::to_string)).collect())
            .unwrap_or_default();
        let repr = if is_flags {
            EnumRepr::Flags
        } else if get_bool(obj, "isEnumInt") {
            EnumRepr::Int
        } else {
            EnumRepr::String
        };
        let mut members = Vec::with_capacity(names.len());
        for (i, name) in names.iter().enumerate() {
            let value = match values.get(i) {
                Some(v) => match parse_enum_value(v) {
                    Some(n) => Some(n),
                    None => {
                        self.schema.warn(
                            def.location.clone(),
                            format!(
                                "enum {}.{name}: value `{v}` is not an integer; ignored",
                                def.name
                            ),
                        );
                        None
                    }
                },
                None if values.is_empty() => Some(i as i64),
                None => None,
            };
            let wire_name = member_values
                .get(i)
                .filter(|w| *w != name && !w.is_empty())
                .cloned();
            members.push(EnumMember {
                name: name.clone(),
                value,
                wire_name,
                description: descriptions.get(i).cloned().flatten(),
            });
        }
        if members.is_empty() {
            self.schema.warn(
                def.location.clone(),
                format!("enum {} has no members", def.name),
            );
        }
        Ok(EnumDef { repr, members })
    }

    fn read_property(
        &mut self,
        p: &Object<'_>,
        scope: &Scope<'_>,
        index: usize,
        location: Option<SourceLocation>,
    ) -> Result<Property> {
        let Some(name) = get_str(p, "name") else {
            return Err(self.error(
                Some(&scope.path),
                format!(
                    "{}.properties[{index}]: property without a `name`",
                    scope.path
                ),
            ));
        };
        let Some(type_name) = get_str(p, "type") else {
            return Err(self.error(
                Some(&scope.path),
                format!("{}.{name}: property without a `type`", scope.path),
            ));
        };
        let member_scope = Scope {
            params: scope.params,
            path: format!("{}.{name}", scope.path),
            namespace: scope.namespace,
        };
        let generic_args = strings(get(p, "genericArgs"));
        let is_value_type = get_bool(p, "isValueType");
        let is_enum = get_bool(p, "isEnum");
        let namespace = get_str(p, "namespace").or_else(|| get_str(p, "typeNamespace"));
        let mut ty = self.resolve_parts(type_name, &generic_args, &member_scope)?;
        self.choose_namespaces(&mut ty, namespace, scope.namespace);
        if is_value_type
            && !is_enum
            && !is_system_namespace(namespace)
            && let TypeRef::Named { name: n, args } = &ty
            && !self.defined.contains(&(n.clone(), args.len()))
        {
            // User structs are written via ToString() unless exportValueTypes is on; the
            // well-known ones (NodaTime's) are expected to be text.
            if !crate::model::is_text_struct(n, args.len()) {
                self.schema.warn(
                    location.clone(),
                    format!(
                        "{}: value type `{n}` is not defined; treated as a string (ServiceStack \
                         writes structs as text)",
                        member_scope.path
                    ),
                );
            }
            ty = TypeRef::Primitive(Primitive::String);
        }
        let data_member = get(p, "dataMember")
            .and_then(Json::as_object)
            .map(|dm| DataMember {
                name: get_str(dm, "name").map(str::to_string),
                order: get(dm, "order").and_then(Json::as_i64).map(|o| o as i32),
                is_required: get_bool(dm, "isRequired"),
                no_emit_default: get(dm, "emitDefaultValue").and_then(Json::as_bool) == Some(false),
            });
        let wire_name = data_member
            .as_ref()
            .and_then(|dm| dm.name.clone())
            .unwrap_or_else(|| self.case.wire_name(name));
        let is_required = get_bool(p, "isRequired");
        let is_nullable = type_name.starts_with("Nullable`1") && !type_name.ends_with("[]");
        let optional = !(is_required || (is_value_type && !is_nullable));
        let attributes = read_attributes(get(p, "attributes"));
        let api_member = attributes
            .iter()
            .find(|a| a.name == "ApiMember")
            .map(|a| {
                let arg = |n: &str| {
                    a.args
                        .iter()
                        .find(|(k, _)| k.as_deref().is_some_and(|k| k.eq_ignore_ascii_case(n)))
                        .map(|(_, v)| v.clone())
                };
                ApiMember {
                    name: arg("Name"),
                    description: arg("Description"),
                    parameter_type: arg("ParameterType"),
                    data_type: arg("DataType"),
                    is_required: arg("IsRequired").is_some_and(|v| v.eq_ignore_ascii_case("true")),
                    format: arg("Format"),
                    route: arg("Route"),
                    verb: arg("Verb"),
                }
            })
            .or_else(|| {
                let parameter_type = get_str(p, "paramType").map(str::to_string);
                let data_type = get_str(p, "displayType").map(str::to_string);
                (parameter_type.is_some() || data_type.is_some()).then(|| ApiMember {
                    parameter_type,
                    data_type,
                    description: get_str(p, "description").map(str::to_string),
                    is_required,
                    ..ApiMember::default()
                })
            });
        Ok(Property {
            name: name.to_string(),
            wire_name,
            ty,
            optional,
            description: get_str(p, "description").map(str::to_string),
            api_member,
            data_member,
            attributes: attributes
                .into_iter()
                .filter(|a| !matches!(a.name.as_str(), "ApiMember" | "DataMember"))
                .collect(),
            location,
        })
    }

    fn read_operation(&mut self, op: &Object<'_>, index: usize) -> Result<()> {
        let Some(request) = get(op, "request").and_then(Json::as_object) else {
            return Err(self.error(
                None,
                format!("operations[{index}]: operation without a `request` type"),
            ));
        };
        let path = format!("operations[{index}].request");
        let Some(request_def) = self.read_type(request, &path)? else {
            return Err(self.error(
                None,
                format!("{path}: request type is a system type, not a DTO"),
            ));
        };
        let request_name = request_def.name.clone();
        let location = request_def.location.clone();
        let description = request_def.description.clone();
        let request_namespace = request_def.namespace.clone();
        let empty_scope = Scope {
            params: &[],
            path: request_name.clone(),
            namespace: request_namespace.as_deref(),
        };
        let response_obj = get(op, "response").and_then(Json::as_object);
        if let Some(resp) = response_obj {
            let rpath = format!("operations[{index}].response");
            if let Some(def) = self.read_type(resp, &rpath)? {
                self.push_type(def);
            }
        }

        let returns_void = get_bool(op, "returnsVoid") || get_bool(request, "returnVoidMarker");
        let return_type = get(op, "returnType")
            .and_then(Json::as_object)
            .or_else(|| get(request, "returnMarkerTypeName").and_then(Json::as_object));
        let response = if returns_void {
            None
        } else if let Some(rt) = return_type {
            Some(self.type_name_ref(rt, &empty_scope)?)
        } else if let Some(resp) = response_obj {
            Some(self.type_name_ref(resp, &empty_scope)?)
        } else {
            None
        };
        // Async services leak `Task<T>`; the wire type is `T`.
        let response = response.map(|r| match r {
            TypeRef::Named { name, mut args } if name == "Task" && args.len() == 1 => {
                args.remove(0)
            }
            other => other,
        });

        let routes_value = get(op, "routes").or_else(|| get(request, "routes"));
        let routes = routes_value
            .and_then(Json::as_array)
            .map(|a| {
                a.iter()
                    .filter_map(Json::as_object)
                    .filter_map(|r| {
                        Some(Route {
                            path: get_str(r, "path")?.to_string(),
                            verbs: get_str(r, "verbs")
                                .map(Route::parse_verbs)
                                .unwrap_or_default(),
                            summary: get_str(r, "summary").map(str::to_string),
                            notes: get_str(r, "notes").map(str::to_string),
                        })
                    })
                    .collect()
            })
            .unwrap_or_default();
        let request_attrs = read_attributes(get(request, "attributes"));
        let requires_auth = get_bool(op, "requiresAuth")
            || request_attrs
                .iter()
                .any(|a| a.name == "Authenticate" || a.name == "ValidateIsAuthenticated");
        let mut required_roles = strings(get(op, "requiredRoles"));
        required_roles.extend(strings(get(op, "requiresAnyRole")));
        let mut required_permissions = strings(get(op, "requiredPermissions"));
        required_permissions.extend(strings(get(op, "requiresAnyPermission")));

        self.push_type(request_def);
        if self.schema.find_operation(&request_name).is_some() {
            return Ok(());
        }
        self.schema.operations.push(Operation {
            request: request_name,
            response,
            returns_void,
            routes,
            requires_auth,
            required_roles,
            required_permissions,
            tags: strings(get(op, "tags")),
            description,
            method: get_str(op, "method").map(str::to_string),
            actions: strings(get(op, "actions")),
            location,
        });
        Ok(())
    }

    /// A `MetadataTypeName` (`inherits`, `implements[]`, `returnType`) as a type reference.
    fn type_name_ref(&mut self, obj: &Object<'_>, scope: &Scope<'_>) -> Result<TypeRef> {
        let Some(name) = get_str(obj, "name") else {
            return Err(self.error(
                Some(&scope.path),
                format!("{}: type reference without a `name`", scope.path),
            ));
        };
        let args = strings(get(obj, "genericArgs"));
        let mut ty = self.resolve_parts(name, &args, scope)?;
        self.choose_namespaces(&mut ty, get_str(obj, "namespace"), scope.namespace);
        Ok(ty)
    }

    /// Resolves a .NET type name (`List`1`, `Int32[]`, `Nullable`1`) with its generic
    /// argument strings (`List<Dictionary<String,Poco>>`, `'T`).
    fn resolve_parts(&mut self, name: &str, args: &[String], scope: &Scope<'_>) -> Result<TypeRef> {
        let mut parsed = Vec::with_capacity(args.len());
        for a in args {
            parsed.push(parse_dotnet_type(a, scope.params).map_err(|msg| {
                self.error(
                    Some(&scope.path),
                    format!("{}: generic argument `{a}`: {msg}", scope.path),
                )
            })?);
        }
        // Array suffixes apply to the whole closed type: `Nullable`1[]` + [Int32].
        let mut base = name.trim();
        let mut depth = 0;
        while let Some(rest) = base.strip_suffix("[]") {
            base = rest;
            depth += 1;
        }
        let (bare, arity) = split_arity(base);
        let bare = bare.trim_start_matches('\'');
        // `Outer+Inner` (nested class) and `Some.Namespace.Name`: the type is `Inner`/`Name`.
        let bare = if bare.contains('<') {
            bare
        } else {
            bare.rsplit(['.', '+']).next().unwrap_or(bare)
        };
        if arity > 0 && parsed.len() != arity {
            // Generic args missing (old documents): use `Any` and say so.
            self.schema.warn(
                Some(self.locate(None)),
                format!(
                    "{}: `{name}` has {} generic argument(s), expected {arity}; missing ones are \
                     treated as any value",
                    scope.path,
                    parsed.len()
                ),
            );
            parsed.resize(arity, TypeRef::Primitive(Primitive::Any));
        }
        let mut ty = if bare.contains('<') {
            parse_dotnet_type(bare, scope.params).map_err(|msg| {
                self.error(
                    Some(&scope.path),
                    format!("{}: type `{name}`: {msg}", scope.path),
                )
            })?
        } else {
            resolve_named(bare, parsed, scope.params)
        };
        if ty == TypeRef::Primitive(Primitive::U8) && depth > 0 {
            ty = TypeRef::Primitive(Primitive::Bytes);
            depth -= 1;
        }
        for _ in 0..depth {
            ty = TypeRef::list(ty);
        }
        Ok(ty)
    }
}

/// Parses a C#-ish type string as ServiceStack writes generic arguments:
/// `String`, `List<Dictionary<String,Poco>>`, `Nullable<Byte>`, `Poco[]`, ``QueryDb`1<T>``,
/// C# keywords (`int`, `string?`), and generic parameters of the enclosing type (`T`, `'T`).
///
/// `params` are the enclosing type's generic parameter names. Errors describe the problem
/// without a location (the caller adds it).
pub fn parse_dotnet_type(text: &str, params: &[String]) -> std::result::Result<TypeRef, String> {
    let mut parser = TypeParser {
        s: text.as_bytes(),
        pos: 0,
        params,
    };
    let ty = parser.parse()?;
    parser.skip_ws();
    if parser.pos != parser.s.len() {
        return Err(format!("unexpected `{}`", &text[parser.pos..]));
    }
    Ok(ty)
}

struct TypeParser<'s> {
    s: &'s [u8],
    pos: usize,
    params: &'s [String],
}

impl TypeParser<'_> {
    fn skip_ws(&mut self) {
        while self.pos < self.s.len() && self.s[self.pos].is_ascii_whitespace() {
            self.pos += 1;
        }
    }

    fn parse(&mut self) -> std::result::Result<TypeRef, String> {
        self.skip_ws();
        let start = self.pos;
        while self.pos < self.s.len() {
            let c = self.s[self.pos];
            if c.is_ascii_alphanumeric() || matches!(c, b'_' | b'.' | b'`' | b'\'' | b'+') {
                self.pos += 1;
            } else {
                break;
            }
        }
        if start == self.pos {
            return Err(if self.pos < self.s.len() {
                format!("expected a type name at `{}`", self.s[self.pos] as char)
            } else {
                "expected a type name".to_string()
            });
        }
        let raw = String::from_utf8_lossy(&self.s[start..self.pos]).into_owned();
        let mut args = Vec::new();
        self.skip_ws();
        if self.peek() == Some(b'<') {
            self.pos += 1;
            loop {
                args.push(self.parse()?);
                self.skip_ws();
                match self.peek() {
                    Some(b',') => self.pos += 1,
                    Some(b'>') => {
                        self.pos += 1;
                        break;
                    }
                    _ => return Err("unbalanced `<` in generic arguments".to_string()),
                }
            }
        }
        // Drop a namespace prefix (`System.String`) and an outer-class prefix (`Outer+Inner`).
        let short = raw.rsplit(['.', '+']).next().unwrap_or(&raw);
        let (bare, _) = split_arity(short);
        let bare = bare.trim_start_matches('\'');
        let mut ty = resolve_named(bare, args, self.params);
        loop {
            self.skip_ws();
            match self.peek() {
                Some(b'[') => {
                    self.pos += 1;
                    self.skip_ws();
                    if self.peek() != Some(b']') {
                        return Err("expected `]`".to_string());
                    }
                    self.pos += 1;
                    ty = if ty == TypeRef::Primitive(Primitive::U8) {
                        TypeRef::Primitive(Primitive::Bytes)
                    } else {
                        TypeRef::list(ty)
                    };
                }
                Some(b'?') => {
                    self.pos += 1;
                    ty = TypeRef::nullable(ty);
                }
                _ => break,
            }
        }
        Ok(ty)
    }

    fn peek(&self) -> Option<u8> {
        self.s.get(self.pos).copied()
    }
}

/// Maps a bare .NET (or C# keyword) type name with its parsed arguments.
fn resolve_named(name: &str, mut args: Vec<TypeRef>, params: &[String]) -> TypeRef {
    if args.is_empty() {
        if params.iter().any(|p| p == name) {
            return TypeRef::GenericParam(name.to_string());
        }
        if let Some(p) = Primitive::from_dotnet(name) {
            return TypeRef::Primitive(p);
        }
    }
    let any = || TypeRef::Primitive(Primitive::Any);
    match CollectionKind::from_dotnet(name, args.len()) {
        Some(CollectionKind::List) => return TypeRef::list(args.remove(0)),
        Some(CollectionKind::Map) => {
            let v = args.remove(1);
            return TypeRef::map(args.remove(0), v);
        }
        None => {}
    }
    match (name, args.len()) {
        ("Nullable", 1) => TypeRef::nullable(args.remove(0)),
        ("IEnumerable" | "ArrayList" | "ICollection" | "IList", 0) => TypeRef::list(any()),
        ("IDictionary" | "Hashtable" | "OrderedDictionary" | "IOrderedDictionary", 0) => {
            TypeRef::map(TypeRef::Primitive(Primitive::String), any())
        }
        ("StringDictionary" | "NameValueCollection", 0) => TypeRef::map(
            TypeRef::Primitive(Primitive::String),
            TypeRef::Primitive(Primitive::String),
        ),
        _ => TypeRef::Named {
            name: name.to_string(),
            args,
        },
    }
}

/// Splits ``Name`2`` into (`Name`, 2); a name without a backtick has arity 0.
fn split_arity(name: &str) -> (&str, usize) {
    match name.split_once('`') {
        Some((base, rest)) => {
            let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
            (base, digits.parse().unwrap_or(0))
        }
        None => (name, 0),
    }
}

fn looks_like_param(p: &str) -> bool {
    // `T`, `TKey`, `TResponse`, `T1`: a `T` then nothing, a digit or an upper-case letter.
    let mut chars = p.chars();
    chars.next() == Some('T')
        && chars
            .next()
            .is_none_or(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
}

fn synth_params(arity: usize) -> Vec<String> {
    if arity == 1 {
        vec!["T".to_string()]
    } else {
        (1..=arity).map(|i| format!("T{i}")).collect()
    }
}

fn is_system_namespace(ns: Option<&str>) -> bool {
    ns.is_some_and(|ns| ns == "System" || ns.starts_with("System."))
}

fn parse_enum_value(v: &str) -> Option<i64> {
    let v = v.trim();
    v.parse::<i64>()
        .ok()
        .or_else(|| v.parse::<u64>().ok().map(|u| u as i64))
}

fn read_attributes(value: Option<&Json<'_>>) -> Vec<Attribute> {
    let Some(list) = value.and_then(Json::as_array) else {
        return Vec::new();
    };
    list.iter()
        .filter_map(Json::as_object)
        .filter_map(|a| {
            let name = get_str(a, "name")?
                .trim_end_matches("Attribute")
                .to_string();
            let mut args = Vec::new();
            for ctor in array(a, "constructorArgs") {
                if let Some(c) = ctor.as_object() {
                    args.push((None, value_text(get(c, "value"))));
                }
            }
            for arg in array(a, "args") {
                if let Some(c) = arg.as_object() {
                    args.push((
                        get_str(c, "name").map(str::to_string),
                        value_text(get(c, "value")),
                    ));
                }
            }
            Some(Attribute { name, args })
        })
        .collect()
}

fn value_text(v: Option<&Json<'_>>) -> String {
    match v {
        Some(Json::String(s)) => s.to_string(),
        Some(Json::Null) | None => String::new(),
        Some(other) => other.to_string(),
    }
}

/// Normalises a key for comparison: lower-case, without `_`.
fn key_eq(actual: &str, wanted: &str) -> bool {
    let mut a = actual.bytes().filter(|&b| b != b'_');
    let mut w = wanted.bytes().filter(|&b| b != b'_');
    loop {
        match (a.next(), w.next()) {
            (None, None) => return true,
            (Some(x), Some(y)) if x.eq_ignore_ascii_case(&y) => {}
            _ => return false,
        }
    }
}

/// The member `key`, or else the first whose name matches it ignoring case and `_`; null
/// counts as absent.
fn get<'v, 'a>(obj: &'v Object<'a>, key: &str) -> Option<&'v Json<'a>> {
    let first = key.as_bytes().first();
    let mut loose = None;
    for (name, value) in obj.iter() {
        if name == key {
            return Some(value).filter(|v| !v.is_null());
        }
        // Most names differ at once; `key_eq` only for those that could match.
        let could_match = match (name.as_bytes().first(), first) {
            (Some(a), Some(b)) => a.eq_ignore_ascii_case(b) || *a == b'_' || *b == b'_',
            _ => true,
        };
        if loose.is_none() && could_match && key_eq(name, key) {
            loose = Some(value);
        }
    }
    loose.filter(|v| !v.is_null())
}

fn has_any(obj: &Object<'_>, keys: &[&str]) -> bool {
    keys.iter().any(|k| get(obj, k).is_some())
}

fn get_str<'v, 'a>(obj: &'v Object<'a>, key: &str) -> Option<&'v str> {
    get(obj, key).and_then(Json::as_str)
}

/// Flags are written only when true, but older documents write `false` (or `"true"`).
fn get_bool(obj: &Object<'_>, key: &str) -> bool {
    match get(obj, key) {
        Some(Json::Bool(b)) => *b,
        Some(Json::String(s)) => s.eq_ignore_ascii_case("true"),
        _ => false,
    }
}

fn array<'v, 'a>(obj: &'v Object<'a>, key: &str) -> &'v [Json<'a>] {
    get(obj, key).and_then(Json::as_array).unwrap_or(&[])
}

fn strings(v: Option<&Json<'_>>) -> Vec<String> {
    v.and_then(Json::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|s| match s {
                    Json::String(s) => Some(s.to_string()),
                    Json::Number(n) => Some(n.to_string()),
                    _ => None,
                })
                .collect()
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> TypeRef {
        parse_dotnet_type(s, &["T".to_string()]).unwrap()
    }

    #[test]
    fn camel_case_matches_servicestack() {
        // The observed rows of ServiceStack.Text's `EmitCamelCaseNames`.
        for (name, camel) in [
            ("SessionId", "sessionId"),
            ("URLPath", "urlPath"),
            ("ID", "id"),
            ("LL", "ll"),
            ("IPAddress", "ipAddress"),
            ("ABCdef", "abCdef"),
            ("UserID", "userID"),
            ("X1Y", "x1Y"),
            ("HTTPServer2Go", "httpServer2Go"),
            ("_Under", "_Under"),
            ("ÉtatCivil", "ÉtatCivil"),
            ("UShort", "uShort"),
            ("already", "already"),
        ] {
            assert_eq!(camel_case(name), camel, "{name}");
        }
        assert_eq!(to_lowercase_underscore("SessionId"), "session_id");
    }

    #[test]
    fn parses_nested_generic_strings() {
        assert_eq!(
            t("List<Dictionary<String,Poco>>"),
            TypeRef::list(TypeRef::map(
                TypeRef::Primitive(Primitive::String),
                TypeRef::named("Poco")
            ))
        );
        assert_eq!(
            t("Nullable<Byte>"),
            TypeRef::nullable(TypeRef::Primitive(Primitive::U8))
        );
        assert_eq!(t("Byte[]"), TypeRef::Primitive(Primitive::Bytes));
        assert_eq!(t("'T"), TypeRef::GenericParam("T".into()));
        assert_eq!(
            t("Poco[][]"),
            TypeRef::list(TypeRef::list(TypeRef::named("Poco")))
        );
        assert_eq!(
            t("QueryDb`1<T>"),
            TypeRef::generic("QueryDb", vec![TypeRef::GenericParam("T".into())])
        );
        assert!(parse_dotnet_type("List<", &[]).is_err());
        assert!(parse_dotnet_type("A>", &[]).is_err());
    }

    #[test]
    fn reads_v10_camel_case_operation() {
        let json = r#"{"types":[{"name":"QueryDb`1","namespace":"ServiceStack","genericArgs":["T"],
            "properties":[{"name":"Skip","type":"Nullable`1","genericArgs":["Int32"],"isValueType":true}]}],
          "operations":[{"request":{"name":"Hello","namespace":"My","properties":[
              {"name":"Name","type":"String","namespace":"System","isRequired":true},
              {"name":"Count","type":"Int32","namespace":"System","isValueType":true},
              {"name":"Alias","type":"String","dataMember":{"name":"the_alias"}}]},
            "response":{"name":"HelloResponse","namespace":"My","properties":[]},
            "returnType":{"name":"HelloResponse","namespace":"My"},
            "routes":[{"path":"/hello/{Name}","verbs":"GET,POST"}],"requiresAuth":true,"tags":["a"]}]}"#;
        let schema = read(json, "x.json").unwrap();
        let hello = schema.find_type("Hello", 0).unwrap();
        let names: Vec<_> = hello
            .properties
            .iter()
            .map(|p| p.wire_name.as_str())
            .collect();
        assert_eq!(names, ["name", "count", "the_alias"]);
        assert!(!hello.properties[0].optional);
        assert!(!hello.properties[1].optional);
        assert!(hello.properties[2].optional);
        let op = schema.find_operation("Hello").unwrap();
        assert_eq!(op.response, Some(TypeRef::named("HelloResponse")));
        assert_eq!(op.routes[0].verbs, ["GET", "POST"]);
        assert!(op.requires_auth);
        assert!(schema.find_type("HelloResponse", 0).is_some());
        let q = schema.find_type("QueryDb", 1).unwrap();
        assert_eq!(q.generic_params, ["T"]);
        assert!(q.properties[0].is_optional());
    }

    #[test]
    fn reads_pascal_case_app_json() {
        let json = r#"{"App":{"BaseUrl":"https://x"},"Api":{"Operations":[{"Request":{"Name":"Hi",
            "Properties":[{"Name":"UserId","Type":"Int64","IsValueType":true}]},"ReturnsVoid":true}]}}"#;
        let schema = read(json, "app.json").unwrap();
        assert_eq!(schema.base_url.as_deref(), Some("https://x"));
        let hi = schema.find_type("Hi", 0).unwrap();
        assert_eq!(hi.properties[0].wire_name, "UserId");
        assert_eq!(hi.properties[0].ty, TypeRef::Primitive(Primitive::I64));
        assert!(schema.operations[0].returns_void);
    }

    #[test]
    fn bad_input_is_an_error_with_position() {
        let err = read("{\n  \"types\": [}", "bad.json").unwrap_err();
        assert!(err.to_string().starts_with("bad.json:2:"), "{err}");
        let err = read("{\"foo\":1}", "other.json").unwrap_err();
        assert!(
            err.to_string().contains("not a ServiceStack metadata"),
            "{err}"
        );
        let err = read(r#"{"types":[{"properties":[]}]}"#, "x.json").unwrap_err();
        assert!(err.to_string().contains("types[0]"), "{err}");
    }

    #[test]
    fn flags_enum_is_flags() {
        let json = r#"{"types":[{"name":"E","isEnum":true,"isEnumInt":true,
            "attributes":[{"name":"Flags","args":[]}],"enumNames":["None","A","B"],
            "enumValues":["0","1","2"]}]}"#;
        let schema = read(json, "x.json").unwrap();
        let e = schema.types[0].as_enum().unwrap();
        assert_eq!(e.repr, EnumRepr::Flags);
        assert_eq!(e.members[2].value, Some(2));
    }
}
