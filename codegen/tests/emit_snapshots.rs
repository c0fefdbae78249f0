//! Snapshot tests of generated code: one small input per emitter rule. Each snapshot ends
//! with the warnings the generation produced, so guesses are reviewed too.

use dto_codegen::{Config, DotnetTypes, Format, NumberType};

/// Generates code for a metadata JSON document with the given include patterns.
fn generate(json: &str, include: &[&str]) -> String {
    let mut config = Config::new();
    config
        .input_text("input.json", json)
        .include(include)
        .header(false);
    render(&config)
}

fn render(config: &Config) -> String {
    let generated = config.generate_string().expect("generates");
    let mut out = generated.code;
    for w in &generated.warnings {
        out.push_str(&format!("// warning: {w}\n"));
    }
    out
}

/// Wraps request/response/type JSON snippets into a `/types/metadata` document.
fn doc(types: &str, operations: &str) -> String {
    format!(r#"{{"types":[{types}],"operations":[{operations}]}}"#)
}

#[test]
fn request_with_route_docs_auth_and_response() {
    let json = doc(
        r#"{"name":"HelloResponse","properties":[{"name":"Result","type":"String"}]}"#,
        r#"{"request":{"name":"Hello","description":"Says hello.\nTwice.",
             "properties":[{"name":"Name","type":"String","description":"Who",
               "paramType":"path","isRequired":true},
               {"name":"Times","type":"Int32","isValueType":true}]},
            "returnType":{"name":"HelloResponse"},"requiresAuth":true,
            "routes":[{"path":"/hello/{Name}","verbs":"GET,POST"},{"path":"/hi"}]}"#,
    );
    insta::assert_snapshot!(generate(&json, &[]));
}

#[test]
fn dotnet_type_mapping() {
    let props = [
        ("I", "Int32"),
        ("L", "Int64"),
        ("U", "UInt64"),
        ("D", "Double"),
        ("F", "Single"),
        ("B", "Boolean"),
        ("M", "Decimal"),
        ("Dt", "DateTime"),
        ("Dto", "DateTimeOffset"),
        ("Ts", "TimeSpan"),
        ("G", "Guid"),
        ("Bytes", "Byte[]"),
        ("S", "String"),
        ("O", "Object"),
        ("Arr", "Int64[]"),
    ]
    .iter()
    .map(|(n, t)| {
        let value = !matches!(*t, "String" | "Byte[]" | "Object" | "Int64[]");
        format!(r#"{{"name":"{n}","type":"{t}","isValueType":{value}}}"#)
    })
    .collect::<Vec<_>>()
    .join(",");
    let json = doc(
        &format!(
            r#"{{"name":"AllTypes","properties":[{props},
            {{"name":"N","type":"Nullable`1","genericArgs":["Int32"],"isValueType":true}},
            {{"name":"Map","type":"Dictionary`2","genericArgs":["String","List<Int32>"]}},
            {{"name":"List","type":"List`1","genericArgs":["Nullable<Guid>"]}}]}}"#
        ),
        "",
    );
    insta::assert_snapshot!(generate(&json, &[]));
}

/// Date-time and duration members in each `--dotnet-types` mapping: required, optional, in a list.
fn dotnet_types_doc() -> String {
    doc(
        r#"{"name":"Call`1","genericArgs":["T"],"properties":[
            {"name":"Started","type":"DateTime","isValueType":true},
            {"name":"Ended","type":"Nullable`1","genericArgs":["DateTime"],"isValueType":true},
            {"name":"At","type":"DateTimeOffset","isValueType":true},
            {"name":"Length","type":"TimeSpan","isValueType":true},
            {"name":"Gaps","type":"List`1","genericArgs":["TimeSpan"]},
            {"name":"Id","type":"Guid","isValueType":true},
            {"name":"Cost","type":"Decimal","isValueType":true},
            {"name":"Tag","type":"T"}]}"#,
        "",
    )
}

fn generate_with(dotnet_types: DotnetTypes) -> String {
    let mut config = Config::new();
    config
        .input_text("input.json", dotnet_types_doc())
        .dotnet_types(dotnet_types)
        .header(false);
    render(&config)
}

#[test]
fn dotnet_types_strings() {
    insta::assert_snapshot!(generate_with(DotnetTypes::Strings));
}

#[test]
fn dotnet_types_chrono() {
    insta::assert_snapshot!(generate_with(DotnetTypes::Chrono));
}

#[test]
fn dotnet_types_time() {
    insta::assert_snapshot!(generate_with(DotnetTypes::Time));
}

#[test]
fn enums_string_int_and_flags() {
    let json = doc(
        r#"{"name":"Mode","isEnum":true,"enumNames":["Fast","slow_mode","Self"],
            "enumMemberValues":["Fast","slow-mode","Self"]},
           {"name":"Level","isEnum":true,"isEnumInt":true,"enumNames":["Low","High"],
            "enumValues":["1","5"]},
           {"name":"Access","isEnum":true,"isEnumInt":true,"attributes":[{"name":"Flags"}],
            "enumNames":["None","Read","Write","All"],"enumValues":["0","1","2","3"],
            "enumDescriptions":[null,"May read",null,null]}"#,
        "",
    );
    insta::assert_snapshot!(generate(&json, &[]));
}

#[test]
fn inheritance_generic_bases_and_collections() {
    let json = doc(
        r#"{"name":"Base`1","genericArgs":["T"],"properties":[
              {"name":"Item","type":"T"},{"name":"Id","type":"Int32","isValueType":true}]},
           {"name":"Derived","inherits":{"name":"Base`1","genericArgs":["List<String>"]},
            "properties":[{"name":"Own","type":"String"}]},
           {"name":"Names","inherits":{"name":"List`1","genericArgs":["String"]}},
           {"name":"Params","inherits":{"name":"Dictionary`2","genericArgs":["String","Derived"]}}"#,
        "",
    );
    insta::assert_snapshot!(generate(&json, &[]));
}

#[test]
fn arity_clashes_and_builtins_when_referenced() {
    let json = doc(
        r#"{"name":"Page`1","genericArgs":["T"],"properties":[{"name":"Items","type":"List`1","genericArgs":["T"]}]},
           {"name":"Page`2","genericArgs":["TKey","TValue"],"properties":[{"name":"Map","type":"Dictionary`2","genericArgs":["TKey","TValue"]}]},
           {"name":"Row","properties":[{"name":"Id","type":"Int32","isValueType":true}]}"#,
        r#"{"request":{"name":"FindRows","inherits":{"name":"QueryDb`1","genericArgs":["Row"]},
             "properties":[{"name":"Two","type":"Page`2","genericArgs":["String","Row"]},
                           {"name":"One","type":"Page`1","genericArgs":["Row"]}]},
            "returnType":{"name":"QueryResponse`1","genericArgs":["Row"]}}"#,
    );
    insta::assert_snapshot!(generate(&json, &[]));
}

#[test]
fn recursion_boxes_only_by_value_cycles() {
    let json = doc(
        r#"{"name":"Node","properties":[{"name":"Next","type":"Node"},
              {"name":"Kids","type":"List`1","genericArgs":["Node"]},
              {"name":"Ring","type":"Ring"}]},
           {"name":"Ring","properties":[{"name":"Back","type":"Node"}]},
           {"name":"Leaf","properties":[{"name":"Node","type":"Node"}]}"#,
        "",
    );
    insta::assert_snapshot!(generate(&json, &[]));
}

#[test]
fn keywords_collisions_and_aliases() {
    let json = doc(
        r#"{"name":"Self","properties":[{"name":"Type","type":"String"},
              {"name":"Self","type":"String"},{"name":"super","type":"String"},
              {"name":"crate","type":"String"},{"name":"Async","type":"String"},
              {"name":"UserId","type":"String"},
              {"name":"UserID","type":"String","dataMember":{"name":"UserID"}},
              {"name":"Odd","type":"String","dataMember":{"name":"x-odd name"}}]},
           {"name":"Option","properties":[{"name":"Result","type":"Result"}]},
           {"name":"Result","properties":[{"name":"Value","type":"Value"}]},
           {"name":"Value","properties":[]}"#,
        "",
    );
    insta::assert_snapshot!(generate(&json, &[]));
}

#[test]
fn undefined_types_become_value_aliases_with_warnings() {
    let json = doc(
        r#"{"name":"Holder","properties":[{"name":"Thing","type":"Mystery"},
              {"name":"Box","type":"Wrapper`1","genericArgs":["String"]},
              {"name":"Shape","type":"IShape"},
              {"name":"Where","type":"Point","isValueType":true,"namespace":"Geo"}]},
           {"name":"IShape","isInterface":true,"properties":[{"name":"Area","type":"Double","isValueType":true}]}"#,
        "",
    );
    insta::assert_snapshot!(generate(&json, &[]));
}

#[test]
fn docs_never_run_as_doctests() {
    let json = doc(
        r#"{"name":"Documented","description":"Call it like this:\n\n    client.send(x)?;\n\nDone.",
            "notes":"See [the docs](https://example.org) and <b>this</b>.",
            "properties":[{"name":"Code","type":"String","description":"```\nassert!(false);\n```"},
                          {"name":"Plain","type":"String","description":"A `Vec<T>` of [things]."}]}"#,
        "",
    );
    insta::assert_snapshot!(generate(&json, &[]));
}

#[test]
fn include_closure_pulls_dependencies_and_response() {
    let json = doc(
        r#"{"name":"Used","properties":[{"name":"E","type":"Color","isValueType":true,"isEnum":true}]},
           {"name":"Color","isEnum":true,"enumNames":["Red"]},
           {"name":"Unused","properties":[]},
           {"name":"Out","inherits":{"name":"OutBase"},"properties":[]},
           {"name":"OutBase","properties":[{"name":"Status","type":"ResponseStatus"}]}"#,
        r#"{"request":{"name":"Do","properties":[{"name":"U","type":"List`1","genericArgs":["Used"]}]},
            "returnType":{"name":"Out"},"routes":[{"path":"/do"}]},
           {"request":{"name":"Other","properties":[]},"returnsVoid":true}"#,
    );
    insta::assert_snapshot!(generate(&json, &["Do.*"]));
}

#[test]
fn v5_layout_and_pascal_case_keys() {
    let json = r#"{"Types":[],"Operations":[{"Request":{"Name":"GetThing",
        "ReturnMarkerTypeName":{"Name":"Thing"},"ReturnVoidMarker":false,
        "Routes":[{"Path":"/things/{Id}","Verbs":"GET"}],
        "Properties":[{"Name":"Id","Type":"Int32","IsValueType":true,"TypeNamespace":"System"}]},
      "Response":{"Name":"Thing","Properties":[{"Name":"Name","Type":"String"},
        {"Name":"ResponseStatus","Type":"ResponseStatus"}]}}]}"#;
    insta::assert_snapshot!(generate(json, &[]));
}

#[test]
fn typescript_number_policy() {
    let ts = "export class Reading\n{\n    public value?: number;\n    public count: number;\n}\n";
    let mut f64_config = Config::new();
    f64_config
        .input_text("dtos.ts", ts)
        .format(Format::TypeScript)
        .header(false);
    let mut i64_config = f64_config.clone();
    i64_config.number_type(NumberType::I64);
    insta::assert_snapshot!(format!(
        "// number-type f64\n{}\n// number-type i64\n{}",
        render(&f64_config),
        render(&i64_config)
    ));
}

#[test]
fn header_records_source_and_options() {
    let mut config = Config::new();
    config
        .input_text("schemas/x.json", doc(r#"{"name":"A","properties":[]}"#, ""))
        .include(["A"])
        .exclude(["B*"])
        .number_type(NumberType::I32);
    insta::assert_snapshot!(config.generate_string().unwrap().code);
}

#[test]
fn output_is_deterministic() {
    let json = include_str!("fixtures/metadata/rules.json");
    let first = dto_codegen::generate_to_string("rules.json", json).unwrap();
    for _ in 0..3 {
        let again = dto_codegen::generate_to_string("rules.json", json).unwrap();
        assert_eq!(again, first);
    }
}

#[test]
fn undeclared_generic_parameters_become_any_value() {
    use dto_codegen::model::{Property, Schema, TypeDef, TypeRef};
    let mut schema = Schema::default();
    let mut def = TypeDef::class("Loose");
    def.properties.push(Property {
        name: "Item".into(),
        wire_name: "item".into(),
        ty: TypeRef::GenericParam("T".into()),
        ..Property::default()
    });
    schema.types.push(def);
    let emitted = Config::new()
        .header(false)
        .generate_schema(&schema)
        .unwrap();
    assert!(
        emitted.code.contains("pub item: ::dto::Value"),
        "{}",
        emitted.code
    );
    assert_eq!(emitted.warnings.len(), 1, "{:?}", emitted.warnings);
}

#[test]
fn guesses_are_reported_as_warnings() {
    let json = include_str!("fixtures/metadata/app-v8.json");
    let generated = dto_codegen::generate_to_string("app.json", json).unwrap();
    let warnings: Vec<String> = generated.warnings.iter().map(|w| w.to_string()).collect();
    let expect = [
        "CreatorKitTasks: the metadata names no response type",
        "value type `GeoPoint` is not defined; treated as a string",
        "type `BookingSummary` is referenced but defined nowhere",
    ];
    for e in expect {
        assert!(warnings.iter().any(|w| w.contains(e)), "{e}: {warnings:#?}");
    }
    assert!(
        warnings.iter().all(|w| w.starts_with("app.json:")),
        "every warning has a location: {warnings:#?}"
    );
}

#[test]
fn interface_bases_contribute_their_members() {
    let json = doc(
        r#"{"name":"IHasName","isInterface":true,"properties":[{"name":"Name","type":"String"}]},
           {"name":"Named","inherits":{"name":"IHasName"},"properties":[{"name":"Id","type":"Int32","isValueType":true}]},
           {"name":"Holder","properties":[{"name":"Any","type":"IHasName"}]}"#,
        "",
    );
    let code = generate(&json, &[]);
    assert!(!code.contains("pub struct IHasName"), "{code}");
    let named = &code[code.find("pub struct Named").unwrap()..];
    let id = named.find("pub id: i32").unwrap();
    let name = named.find("pub name:").unwrap();
    assert!(id < name, "own members first: {named}");
    assert!(
        code.contains("pub any: ::std::option::Option<::dto::Value>"),
        "{code}"
    );
}

#[test]
fn csharp_dtos_from_the_real_server() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../shared/samples/types-csharp.cs");
    let Ok(text) = std::fs::read_to_string(&path) else {
        println!("skipped: {} is absent", path.display());
        return;
    };
    let generated = dto_codegen::generate_to_string("types-csharp.cs", &text).unwrap();
    let code = generated.code;
    assert!(code.contains(r#"#[route("/sessions/{sessionId}/conference/members", "POST")]"#));
    assert!(code.contains("#[returns(SessionInfo)]"), "{code}");
    assert!(
        code.contains("pub struct EndpointFlags(pub i32);"),
        "{code}"
    );
}

#[test]
fn excluded_types_are_never_emitted_but_aliased() {
    let json = doc(
        r#"{"name":"Item","properties":[{"name":"Id","type":"Int32","isValueType":true}]}"#,
        r#"{"request":{"name":"GetItem","properties":[{"name":"Id","type":"Int32","isValueType":true}]},
            "response":{"name":"GetItemResponse","properties":[
                {"name":"Item","type":"Item"},
                {"name":"ResponseStatus","type":"ResponseStatus","namespace":"ServiceStack"}]},
            "returnType":{"name":"GetItemResponse"}}"#,
    );
    let mut config = Config::new();
    config.input_text("x.json", &json).header(false);
    // Not excluded: the built-in ResponseStatus is emitted.
    let all = config.generate_string().unwrap();
    assert!(
        all.code.contains("pub struct ResponseStatus"),
        "{}",
        all.code
    );
    // Excluded: neither the user type nor the built-in is emitted; references become aliases.
    config.exclude(["ResponseStatus", "Item"]);
    let generated = config.generate_string().unwrap();
    assert!(
        !generated.code.contains("pub struct ResponseStatus"),
        "{}",
        generated.code
    );
    assert!(
        !generated.code.contains("pub struct Item "),
        "{}",
        generated.code
    );
    assert!(
        generated
            .code
            .contains("pub type ResponseStatus = ::dto::Value;"),
        "{}",
        generated.code
    );
    assert!(
        generated.code.contains("pub type Item = ::dto::Value;"),
        "{}",
        generated.code
    );
    let warnings: Vec<String> = generated
        .warnings
        .iter()
        .map(|w| w.message.clone())
        .collect();
    assert!(
        warnings
            .iter()
            .any(|w| w.contains("`ResponseStatus` is excluded but referenced")),
        "{warnings:?}"
    );
    assert!(
        warnings
            .iter()
            .any(|w| w.contains("`Item` is excluded but referenced")),
        "{warnings:?}"
    );
}

/// ASP.NET catch-all routes keep their route (as ServiceStack's wildcard), and number-keyed
/// dictionaries keep integer keys.
#[test]
fn catch_all_routes_and_number_keys_are_kept() {
    let json = doc(
        "",
        r#"{"request":{"name":"GetFile","properties":[{"name":"Path","type":"String"}]},
            "returnType":{"name":"String"},"routes":[{"path":"/files/{**Path}","verbs":"GET"}]}"#,
    );
    let generated = dto_codegen::generate_to_string("api.json", &json).unwrap();
    assert!(
        generated
            .code
            .contains(r#"#[route("/files/{Path*}", "GET")]"#),
        "{}",
        generated.code
    );
    assert!(generated.warnings.is_empty(), "{:?}", generated.warnings);

    let ts = "export class Scores { byId?: { [index: number]: string; }; }\n";
    let generated = dto_codegen::generate_to_string("scores.ts", ts).unwrap();
    assert!(
        generated
            .code
            .contains("::dto::IndexMap<i64, ::std::string::String>"),
        "{}",
        generated.code
    );
}

/// .NET's `Tuple<..>`, which services use without defining it, is a generic struct of `Item1`,
/// `Item2`, ... (as ServiceStack writes it), not an untyped value.
#[test]
fn tuples_are_generic_structs() {
    let json = doc(
        r#"{"name":"Report","properties":[
            {"name":"Pairs","type":"List`1","genericArgs":["Tuple<String,Int32>"]}]}"#,
        "",
    );
    let generated = dto_codegen::generate_to_string("api.json", &json).unwrap();
    let code = &generated.code;
    assert!(code.contains("pub struct Tuple<T1, T2>"), "{code}");
    assert!(
        code.contains("pub item1: T1,") && code.contains("pub item2: T2,"),
        "{code}"
    );
    assert!(
        code.contains("::std::vec::Vec<Tuple<::std::string::String, i32>>"),
        "{code}"
    );
    assert!(generated.warnings.is_empty(), "{:?}", generated.warnings);
}

/// .NET's `DayOfWeek`, used without a definition, is the string enum it is on the wire.
#[test]
fn day_of_week_is_a_string_enum() {
    let json = doc(
        r#"{"name":"Opening","properties":[
            {"name":"Day","type":"DayOfWeek","isValueType":true,"isEnum":true}]}"#,
        "",
    );
    let generated = dto_codegen::generate_to_string("api.json", &json).unwrap();
    let code = &generated.code;
    assert!(code.contains("pub enum DayOfWeek {"), "{code}");
    assert!(
        code.contains("    Saturday,") && code.contains("pub day: DayOfWeek,"),
        "{code}"
    );
    assert!(generated.warnings.is_empty(), "{:?}", generated.warnings);
}

#[test]
fn well_known_types_from_outside_the_service() {
    // NodaTime structs are their text (no warning); ServiceStack's session is its published shape;
    // a TypeScript `Instant` reference (no namespace to tell) is the same text (optional, as
    // every member of a v5-era file).
    let json = doc(
        r#"{"name":"Shift","properties":[
              {"name":"Starts","type":"Instant","isValueType":true,"namespace":"NodaTime"},
              {"name":"Day","type":"LocalDate","isValueType":true,"namespace":"NodaTime"},
              {"name":"Session","type":"AuthUserSession","namespace":"ServiceStack"}]}"#,
        "",
    );
    let code = generate(&json, &[]);
    assert!(
        code.contains("pub starts: ::std::string::String,"),
        "{code}"
    );
    assert!(code.contains("pub day: ::std::string::String,"), "{code}");
    assert!(code.contains("pub struct AuthUserSession {"), "{code}");
    assert!(code.contains("pub is_authenticated: bool,"), "{code}");
    assert!(code.contains("pub created_at: ::dto::DateTime,"), "{code}");
    assert!(!code.contains("// warning"), "{code}");
    let mut config = Config::new();
    config
        .input_text("shift.ts", "export class Shift { starts: Instant; }")
        .header(false);
    let code = render(&config);
    assert!(
        code.contains("pub starts: ::std::option::Option<::std::string::String>,"),
        "{code}"
    );
    assert!(!code.contains("// warning"), "{code}");
}

#[test]
fn same_name_in_two_namespaces_keeps_both() {
    // `Item` is defined by two namespaces: the request's references pick by namespace (the
    // document's, else the referring type's), the other definition is named after its namespace.
    let json = r#"{"types":[
        {"name":"Item","namespace":"Shop.Catalog","properties":[{"name":"Sku","type":"String"}]},
        {"name":"Item","namespace":"Shop.Orders","properties":[
            {"name":"Quantity","type":"Int32","isValueType":true,"namespace":"System"}]},
        {"name":"Order","namespace":"Shop.Orders","properties":[
            {"name":"Lines","type":"List`1","namespace":"System.Collections.Generic","genericArgs":["Item"]},
            {"name":"Featured","type":"Item","namespace":"Shop.Catalog"}]}],
      "operations":[{"request":{"name":"GetOrder","namespace":"Shop.Orders","properties":[
            {"name":"Id","type":"Int32","isValueType":true,"namespace":"System"}]},
        "returnType":{"name":"Order","namespace":"Shop.Orders"}}]}"#;
    let code = generate(json, &[]);
    assert_both_items_kept(&code);
    assert!(code.contains("pub quantity: i32,"), "{code}");
    assert!(
        code.contains("pub featured: ::std::option::Option<Item>,"),
        "{code}"
    );
    assert!(!code.contains("defined twice"), "{code}");
}

#[test]
fn csharp_namespaces_keep_their_own_types() {
    let cs = r#"
namespace Shop.Catalog
{
    public class Item { public string Sku { get; set; } }
    public class Featured { public Item Pick { get; set; } }
}
namespace Shop.Orders
{
    public class Item { public int Quantity { get; set; } }
    public class GetOrder : IReturn<Order> { public int Id { get; set; } }
    public class Order { public List<Item> Lines { get; set; } }
}
"#;
    let mut config = Config::new();
    config
        .input_text("shop.dtos.cs", cs)
        .format(Format::CSharp)
        .header(false);
    let code = render(&config);
    assert_both_items_kept(&code);
    assert!(
        code.contains("pub pick: ::std::option::Option<Item>,"),
        "{code}"
    );
    assert!(!code.contains("// warning"), "{code}");
}

/// `Item` of `Shop.Catalog` keeps its name (with its `sku`), `Item` of `Shop.Orders` is
/// `OrdersItem`, and the order's lines (in `Shop.Orders`) are the latter.
fn assert_both_items_kept(code: &str) {
    assert!(code.contains("pub struct Item {"), "{code}");
    assert!(code.contains("pub sku: "), "{code}");
    assert!(code.contains("pub struct OrdersItem {"), "{code}");
    assert!(
        code.contains("pub lines: ::std::option::Option<::std::vec::Vec<OrdersItem>>,"),
        "{code}"
    );
}
