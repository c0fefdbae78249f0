//! Code generation end to end (read metadata JSON, build the IR, write the laid-out code) from
//! the Evo Voice `/types/metadata` document and from synthetic documents of 125 to 1,000 classes
//! shaped like real services, to show the time per class stays flat as services grow.
//!
//! Run: `cargo bench -p dto-codegen --bench codegen -- --warm-up-time 1 --measurement-time 3`

use std::hint::black_box;

use criterion::{Criterion, SamplingMode, Throughput, criterion_group, criterion_main};
use serde_json::{Value, json};

const EVOVOICE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../schemas/evovoice/types-metadata.json"
);

/// Class counts of the synthetic documents.
const SIZES: &[usize] = &[125, 250, 500, 1000];

/// A system type reference, as ServiceStack writes a property's type.
fn system_property(name: &str, ty: &str, value_type: bool, generic_args: &[&str]) -> Value {
    let mut p =
        json!({ "name": name, "type": ty, "isSystemType": true, "typeNamespace": "System" });
    if value_type {
        p["isValueType"] = json!(true);
    }
    if !generic_args.is_empty() {
        p["genericArgs"] = json!(generic_args);
        p["typeNamespace"] = json!("System.Collections.Generic");
    }
    p
}

/// Adds a description and its `[ApiMember(Description=..)]`, as documented services have.
fn documented(mut property: Value, description: &str) -> Value {
    property["description"] = json!(description);
    property["attributes"] = json!([{ "name": "ApiMember", "args": [
        { "name": "Description", "type": "String", "isSystemType": true, "typeNamespace": "System", "value": description }
    ]}]);
    property
}

fn api_attribute(description: &str) -> Value {
    json!([{ "name": "Api", "args": [
        { "name": "Description", "type": "String", "isSystemType": true, "typeNamespace": "System", "value": description }
    ]}])
}

fn type_ref(name: &str, generic_args: &[&str]) -> Value {
    let mut r = json!({ "name": name, "namespace": "Acme.Api" });
    if !generic_args.is_empty() {
        r["genericArgs"] = json!(generic_args);
    }
    r
}

/// A synthetic `/types/metadata` document with at least `classes` classes (types plus request DTOs):
/// generic list request/response bases, an `EntityInfo` base class, and per resource an enum (every
/// fourth a `[Flags]` integer enum), an entity inheriting `EntityInfo` with documented members of
/// system, nullable, collection, dictionary, enum and cross-resource types, and get/list/update/delete
/// operations with routes, `[Api]` docs, typed responses (list requests close the generic base) and
/// `IReturnVoid`.
fn synthetic_metadata(classes: usize) -> String {
    let mut types = vec![
        json!({
            "name": "EntityInfo", "namespace": "Acme.Api",
            "description": "Base class of every stored entity",
            "properties": [
                documented(system_property("Id", "String", false, &[]), "The ID of the object"),
                documented(system_property("DateCreated", "DateTime", true, &[]), "When the object was created"),
                documented(system_property("DateLastModified", "DateTime", true, &[]), "When the object was last modified"),
                documented(system_property("CreatedBy", "String", false, &[]), "The user that created this object"),
            ]
        }),
        json!({
            "name": "ListRequest`1", "namespace": "Acme.Api", "genericArgs": ["'T"],
            "returnMarkerTypeName": type_ref("ListResponse`1", &["T"]),
            "properties": [
                documented(system_property("Page", "Int32", true, &[]), "The page of data to retrieve"),
                documented(system_property("CountPerPage", "Nullable`1", true, &["Int32"]), "The number per page"),
                documented(system_property("SortField", "String", false, &[]), "The field to sort by"),
            ]
        }),
        json!({
            "name": "ListResponse`1", "namespace": "Acme.Api", "genericArgs": ["'T"],
            "properties": [
                system_property("Items", "List`1", false, &["'T"]),
                system_property("TotalCount", "Int32", true, &[]),
                system_property("TotalPages", "Int32", true, &[]),
            ]
        }),
    ];
    let mut operations = Vec::new();
    let mut count = types.len();
    let mut resource = 0;
    while count < classes {
        let thing = format!("Widget{resource}");
        let info = format!("{thing}Info");
        let status = format!("{thing}Status");
        let other = format!("Widget{}Info", resource / 2);

        if resource % 4 == 3 {
            types.push(json!({
                "name": status, "namespace": "Acme.Api", "isEnum": true, "isEnumInt": true,
                "attributes": [{ "name": "Flags", "args": [] }],
                "enumNames": ["None", "Visible", "Editable", "Archived", "All"],
                "enumValues": ["0", "1", "2", "4", "7"]
            }));
        } else {
            types.push(json!({
                "name": status, "namespace": "Acme.Api", "isEnum": true,
                "enumNames": ["Draft", "Active", "Suspended", "Closed"],
                "enumDescriptions": ["Not yet live", "Live", "Temporarily off", "Gone"]
            }));
        }
        let mut properties = vec![
            documented(
                system_property("Name", "String", false, &[]),
                &format!("The name of the {thing}"),
            ),
            documented(
                system_property("Description", "String", false, &[]),
                "Free text shown to users",
            ),
            documented(
                system_property("Quantity", "Int32", true, &[]),
                "How many there are",
            ),
            documented(
                system_property("Price", "Decimal", true, &[]),
                "Unit price in the account currency",
            ),
            documented(
                system_property("Ratio", "Double", true, &[]),
                "A ratio between 0 and 1",
            ),
            documented(
                system_property("Enabled", "Boolean", true, &[]),
                "Whether it is in use",
            ),
            documented(
                system_property("ExpiresAt", "Nullable`1", true, &["DateTime"]),
                "When it expires, if ever",
            ),
            documented(
                system_property("Tags", "List`1", false, &["String"]),
                "Labels for searching",
            ),
            documented(
                system_property("Settings", "Dictionary`2", false, &["String", "String"]),
                "Custom settings",
            ),
            documented(
                json!({ "name": "Status", "type": status, "isValueType": true, "isEnum": true, "typeNamespace": "Acme.Api" }),
                "The lifecycle state",
            ),
        ];
        if resource > 0 {
            properties.push(documented(
                json!({ "name": "Parent", "type": other, "typeNamespace": "Acme.Api" }),
                "The parent, if any",
            ));
            properties.push(documented(
                json!({ "name": "Related", "type": "List`1", "isSystemType": true,
                        "typeNamespace": "System.Collections.Generic", "genericArgs": [other] }),
                "Related items",
            ));
        }
        types.push(json!({
            "name": info, "namespace": "Acme.Api", "inherits": type_ref("EntityInfo", &[]),
            "description": format!("A {thing} as stored"), "properties": properties
        }));

        let id = documented(
            system_property("Id", "String", false, &[]),
            &format!("The ID of the {thing}"),
        );
        let request = |name: String, description: String, routes: Value, properties: Value| {
            json!({ "name": name, "namespace": "Acme.Api", "description": description,
                    "attributes": api_attribute(&description), "routes": routes, "properties": properties })
        };
        let mut get = request(
            format!("Get{thing}"),
            format!("Gets a {thing} by ID"),
            json!([{ "path": format!("/widgets{resource}/{{Id}}"), "verbs": "GET" }]),
            json!([id]),
        );
        get["returnMarkerTypeName"] = type_ref(&info, &[]);
        operations.push(json!({ "actions": ["GET"], "request": get, "response": { "name": info, "namespace": "Acme.Api" } }));

        let mut list = request(
            format!("List{thing}s"),
            format!("Lists {thing}s, filtered"),
            json!([{ "path": format!("/widgets{resource}"), "verbs": "GET" }]),
            json!([
                documented(
                    system_property("NameFilter", "String", false, &[]),
                    "Filter by name"
                ),
                documented(
                    system_property("Statuses", "List`1", false, &[&status]),
                    "Filter by status"
                ),
            ]),
        );
        list["inherits"] = type_ref("ListRequest`1", &[&info]);
        list["returnMarkerTypeName"] = type_ref("ListResponse`1", &[&info]);
        operations.push(json!({ "actions": ["GET"], "request": list }));

        let mut update = request(
            format!("Update{thing}"),
            format!("Updates a {thing}"),
            json!([{ "path": format!("/widgets{resource}/{{Id}}"), "verbs": "PATCH,PUT" }]),
            json!([
                id,
                documented(
                    system_property("Name", "String", false, &[]),
                    "The new name"
                ),
                documented(
                    system_property("Quantity", "Nullable`1", true, &["Int32"]),
                    "The new quantity"
                ),
                documented(
                    system_property("Settings", "Dictionary`2", false, &["String", "String"]),
                    "Settings to merge"
                ),
            ]),
        );
        update["returnMarkerTypeName"] = type_ref(&info, &[]);
        operations.push(json!({ "actions": ["PATCH", "PUT"], "request": update }));

        let mut delete = request(
            format!("Delete{thing}"),
            format!("Deletes a {thing}"),
            json!([{ "path": format!("/widgets{resource}/{{Id}}"), "verbs": "DELETE" }]),
            json!([id]),
        );
        delete["returnVoidMarker"] = json!(true);
        operations.push(json!({ "actions": ["DELETE"], "request": delete }));

        count += 6;
        resource += 1;
    }
    let document = json!({
        "config": { "baseUrl": "https://api.acme.example" },
        "namespaces": ["Acme.Api", "System", "System.Collections.Generic"],
        "types": types,
        "operations": operations,
    });
    serde_json::to_string_pretty(&document).expect("a JSON value serializes")
}

fn generate(name: &str, text: &str) -> dto_codegen::Generated {
    dto_codegen::Config::new()
        .input_text(name, text)
        .header(false)
        .generate_string()
        .expect("generates")
}

fn codegen(c: &mut Criterion) {
    let mut g = c.benchmark_group("codegen");
    // A generation takes up to seconds: ten samples of one run each (flat sampling) keep the bench short.
    g.sample_size(10).sampling_mode(SamplingMode::Flat);
    match std::fs::read_to_string(EVOVOICE) {
        Ok(text) => {
            let code = generate("types-metadata.json", &text).code;
            eprintln!(
                "evovoice: {} bytes of metadata -> {} bytes of Rust",
                text.len(),
                code.len()
            );
            g.throughput(Throughput::Bytes(text.len() as u64));
            g.bench_function("evovoice", |b| {
                b.iter(|| generate("types-metadata.json", black_box(&text)))
            });
        }
        Err(e) => eprintln!("skipping evovoice: cannot read {EVOVOICE}: {e}"),
    }
    for &classes in SIZES {
        let text = synthetic_metadata(classes);
        let code = generate("synthetic.json", &text).code;
        eprintln!(
            "synthetic {classes} classes: {} bytes of metadata -> {} bytes of Rust, {} structs, {} enums",
            text.len(),
            code.len(),
            code.matches("pub struct ").count(),
            code.matches("pub enum ").count()
        );
        // Elements = classes, so criterion reports classes per second and linearity shows directly.
        g.throughput(Throughput::Elements(classes as u64));
        g.bench_function(format!("synthetic_{classes}"), |b| {
            b.iter(|| generate("synthetic.json", black_box(&text)))
        });
    }
    g.finish();
}

criterion_group!(benches, codegen);
criterion_main!(benches);
