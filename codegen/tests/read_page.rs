//! Integration tests of the metadata page reader: the seed's flattened text and the HTML page
//! of the Evo Voice schemas, small fixtures for each layout item, and malformed input.

use dto_codegen::Format;
use dto_codegen::model::Schema;
use dto_codegen::model::{EnumRepr, Primitive, TypeDef, TypeKind, TypeRef};
use pretty_assertions::assert_eq;

mod common;
use common::{schema_file, ty};

/// Reads a metadata page.
fn read(text: &str, file: &str) -> dto_codegen::Result<Schema> {
    dto_codegen::read(text, file, Format::Page)
}

fn fixture(name: &str) -> String {
    common::fixture("page", name)
}

fn wire_names(t: &TypeDef) -> Vec<&str> {
    t.properties.iter().map(|p| p.wire_name.as_str()).collect()
}

#[test]
fn seed_text_page() {
    let src = schema_file("AddConferenceMember.metadata.txt");
    assert_eq!(Format::detect(&src, "page.txt"), Some(Format::Page));
    let s = read(&src, "seed.txt").unwrap();
    assert_eq!(s.warnings, [], "the seed needs no guessing");
    assert_eq!(s.service_name.as_deref(), Some("Evo Voice"));

    let op = s.find_operation("AddConferenceMember").unwrap();
    assert!(op.requires_auth);
    assert_eq!(op.routes.len(), 1);
    assert_eq!(
        op.routes[0].path,
        "/sessions/{sessionId}/conference/members"
    );
    assert_eq!(op.routes[0].verbs, ["POST"]);
    assert_eq!(op.response, Some(TypeRef::named("SessionInfo")));
    assert!(!op.returns_void);
    let desc = "Converts the specified call into a conference call if necessary and dials the specified member.";
    assert_eq!(op.description.as_deref(), Some(desc));

    let req = ty(&s, "AddConferenceMember");
    assert_eq!(req.description.as_deref(), Some(desc));
    assert_eq!(
        wire_names(req),
        ["sessionId", "callSid", "destination", "fromNumber"]
    );
    let descs: Vec<&str> = req
        .properties
        .iter()
        .map(|p| p.description.as_deref().unwrap())
        .collect();
    assert_eq!(
        descs,
        [
            "The ID of the active session",
            "The sid of the active call that is on the voice device",
            "The party to invite to the conference",
            "The FROM (caller ID) to use"
        ]
    );
    assert!(req.properties.iter().all(|p| p.optional));
    assert_eq!(
        req.properties[0]
            .api_member
            .as_ref()
            .unwrap()
            .description
            .as_deref(),
        Some("The ID of the active session")
    );
    // Positions refer to the page, not to the code block.
    assert_eq!(req.properties[0].location.as_ref().unwrap().line, 380);

    let si = ty(&s, "SessionInfo");
    assert_eq!(si.base, Some(TypeRef::named("EntityInfo")));
    assert_eq!(si.properties.len(), 36);
    assert_eq!(ty(&s, "EntityInfo").properties.len(), 5);
    for e in [
        "SessionDialState",
        "SessionCallState",
        "SessionQueueStates",
        "FlowChannels",
        "SessionHoldReasons",
        "SessionMemberCallState",
        "SessionMemberRoles",
        "SessionDirections",
    ] {
        let def = ty(&s, e)
            .as_enum()
            .unwrap_or_else(|| panic!("{e} is an enum"));
        assert_eq!(def.repr, EnumRepr::String, "{e}");
        assert!(def.members.iter().all(|m| m.wire_name.is_none()));
    }
    assert_eq!(
        ty(&s, "NodeParameterMap").base,
        Some(TypeRef::map(
            TypeRef::Primitive(Primitive::String),
            TypeRef::named("NodeParameter")
        ))
    );
    let member = ty(&s, "SessionMemberInfo");
    assert_eq!(
        member.properties[5].ty,
        TypeRef::map(
            TypeRef::Primitive(Primitive::String),
            TypeRef::Primitive(Primitive::String)
        )
    );
}

#[test]
fn evovoice_html_page_with_parameter_tables() {
    let src = schema_file("json-metadata-AddConferenceMember.html");
    assert_eq!(Format::detect(&src, "page.txt"), Some(Format::Page));
    let s = read(&src, "page.html").unwrap();
    assert_eq!(s.service_name.as_deref(), Some("Evo Voice Test Peer"));
    let op = s.find_operation("AddConferenceMember").unwrap();
    assert!(!op.requires_auth);
    assert_eq!(
        op.routes[0].path,
        "/sessions/{sessionId}/conference/members"
    );
    assert_eq!(op.routes[0].verbs, ["POST"]);
    // The tables do not say SessionInfo extends EntityInfo; the sample does.
    assert_eq!(op.response, Some(TypeRef::named("SessionInfo")));
    assert_eq!(
        ty(&s, "SessionInfo").base,
        Some(TypeRef::named("EntityInfo"))
    );
    assert!(
        s.warnings
            .iter()
            .any(|w| w.message.contains("`SessionInfo` extends `EntityInfo`")),
        "{:?}",
        s.warnings
    );
    let req = ty(&s, "AddConferenceMember");
    // .NET names from the table, wire names in the host's (camelCase) casing.
    let names: Vec<&str> = req.properties.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["SessionId", "CallSid", "Destination", "FromNumber"]);
    assert_eq!(
        wire_names(req),
        ["sessionId", "callSid", "destination", "fromNumber"]
    );
    assert_eq!(
        req.properties[0]
            .api_member
            .as_ref()
            .unwrap()
            .parameter_type
            .as_deref(),
        Some("path")
    );
    assert_eq!(
        req.properties[0].description.as_deref(),
        Some("The ID of the active session")
    );
    let si = ty(&s, "SessionInfo");
    let cb = si
        .properties
        .iter()
        .find(|p| p.name == "CustomerBreadcrumb")
        .unwrap();
    assert_eq!(cb.ty, TypeRef::list(TypeRef::named("CustomerBreadcrumb")));
    let ended = si.properties.iter().find(|p| p.name == "Ended").unwrap();
    assert_eq!(ended.ty, TypeRef::Primitive(Primitive::Bool));
    assert!(!ended.optional, "a bool is a value type");
    let app = ty(&s, "SessionMemberInfo")
        .properties
        .iter()
        .find(|p| p.name == "ApplicationData")
        .unwrap();
    assert_eq!(
        app.ty,
        TypeRef::map(
            TypeRef::Primitive(Primitive::String),
            TypeRef::Primitive(Primitive::String)
        )
    );
}

#[test]
fn html_page_with_csharp_block() {
    let s = read(&fixture("csharp.html"), "csharp.html").unwrap();
    assert_eq!(s.service_name.as_deref(), Some("Shop API"));
    let op = s.find_operation("GetItems").unwrap();
    assert_eq!(
        op.description.as_deref(),
        Some("Finds items & their prices.\nSecond line \"quoted\".")
    );
    assert!(op.requires_auth);
    assert_eq!(op.required_roles, ["Admin"]);
    assert_eq!(op.required_permissions, ["ReadItems", "WriteItems"]);
    assert_eq!(op.tags, ["catalog"]);
    assert_eq!(op.method.as_deref(), Some("GET"));
    assert_eq!(op.routes.len(), 2);
    assert_eq!(op.routes[0].path, "/items/{Category}");
    assert_eq!(op.routes[0].verbs, ["GET", "POST"]);
    assert_eq!(op.routes[0].summary.as_deref(), Some("List items"));
    assert_eq!(op.routes[0].notes.as_deref(), Some("Paged"));
    assert_eq!(op.routes[1].path, "/items");
    assert!(op.routes[1].verbs.is_empty(), "All Verbs");
    // Inherited ResponseStatus makes GetItemsResponse match the sample's keys.
    assert_eq!(op.response, Some(TypeRef::named("GetItemsResponse")));

    let req = ty(&s, "GetItems");
    assert_eq!(req.description.as_deref(), Some("Finds items"));
    // PascalCase host (the samples' keys are PascalCase).
    assert_eq!(
        wire_names(req),
        ["Category", "Skip", "Take", "Kind", "Tags"]
    );
    let types: Vec<(&str, TypeRef, bool)> = req
        .properties
        .iter()
        .map(|p| (p.name.as_str(), p.ty.clone(), p.optional))
        .collect();
    assert_eq!(
        types,
        [
            ("Category", TypeRef::Primitive(Primitive::String), false),
            (
                "Skip",
                TypeRef::nullable(TypeRef::Primitive(Primitive::I32)),
                true
            ),
            ("Take", TypeRef::Primitive(Primitive::I32), false),
            ("Kind", TypeRef::named("ItemKind"), false),
            (
                "Tags",
                TypeRef::list(TypeRef::Primitive(Primitive::String)),
                true
            ),
        ]
    );
    let resp = ty(&s, "GetItemsResponse");
    assert_eq!(resp.base, Some(TypeRef::named("ResponseBase")));
    assert_eq!(resp.properties[1].ty, TypeRef::Primitive(Primitive::I64));
    assert_eq!(
        resp.properties[2].ty,
        TypeRef::map(
            TypeRef::Primitive(Primitive::String),
            TypeRef::Primitive(Primitive::Decimal)
        )
    );
    let item = ty(&s, "Item");
    assert_eq!(wire_names(item), ["item_id", "Created", "Thumbnail"]);
    assert_eq!(item.properties[0].ty, TypeRef::Primitive(Primitive::Guid));
    assert_eq!(item.properties[2].ty, TypeRef::Primitive(Primitive::Bytes));
    let kind = ty(&s, "ItemKind").as_enum().unwrap();
    assert_eq!(kind.repr, EnumRepr::Flags);
    let values: Vec<Option<i64>> = kind.members.iter().map(|m| m.value).collect();
    assert_eq!(values, [Some(0), Some(1), Some(2)]);
    assert_eq!(ty(&s, "ResponseBase").kind, TypeKind::Class);
    assert_eq!(
        ty(&s, "GetItems").namespace.as_deref(),
        Some("Shop.ServiceModel")
    );
}

#[test]
fn text_page_convention_and_verbs() {
    let s = read(
        &fixture("typescript_convention.txt"),
        "typescript_convention.txt",
    )
    .unwrap();
    assert_eq!(s.service_name.as_deref(), Some("My Service"));
    let op = s.find_operation("UpdateWidget").unwrap();
    assert_eq!(
        op.description.as_deref(),
        Some("Updates a widget.\nUse with care.")
    );
    assert!(!op.requires_auth);
    assert_eq!(op.routes[0].verbs, ["PUT", "PATCH"]);
    assert_eq!(op.routes[0].path, "/widgets/{id}");
    assert!(op.routes[1].verbs.is_empty());
    assert_eq!(op.method.as_deref(), Some("PUT"));
    // The sample matches no type: the naming convention decides, with a warning.
    assert_eq!(op.response, Some(TypeRef::named("UpdateWidgetResponse")));
    assert!(
        s.warnings
            .iter()
            .any(|w| w.message.contains("naming convention")),
        "{:?}",
        s.warnings
    );
    let req = ty(&s, "UpdateWidget");
    assert!(!req.properties[0].optional, "`id` has no `?`");
    assert!(req.properties[1].optional);
}

#[test]
fn text_page_without_response() {
    let s = read(&fixture("no_response.txt"), "no_response.txt").unwrap();
    let op = s.find_operation("Ping").unwrap();
    assert_eq!(op.response, None);
    assert!(op.routes.is_empty(), "/json/reply is not a route");
    let w: Vec<String> = s.warnings.iter().map(|w| w.to_string()).collect();
    assert!(
        w.iter()
            .any(|w| w.contains("cannot tell the response type of `Ping`")),
        "{w:?}"
    );
}

#[test]
fn sample_request_line_as_route_and_glued_summary() {
    let page = "Svc\n\n<back to all web services\n\nGetThing\n\n\
                The following routes are available for this service:\n\
                GET/things/{id}Gets one thing\n\n\
                export class GetThing\n{\n    public id?: string;\n}\n\n\
                export class Thing\n{\n    public id?: string;\n    public name?: string;\n}\n\n\
                HTTP + JSON\n\n\
                GET /things/{id} HTTP/1.1 \nHost: x\n\n\
                HTTP/1.1 200 OK\nContent-Type: application/json\n\n\
                [{\"id\":\"String\",\"name\":\"String\"}]\n";
    let s = read(page, "p.txt").unwrap();
    let op = s.find_operation("GetThing").unwrap();
    assert_eq!(op.routes[0].path, "/things/{id}");
    assert_eq!(op.routes[0].summary.as_deref(), Some("Gets one thing"));
    // An array sample: a list of the type matching its first element.
    assert_eq!(op.response, Some(TypeRef::list(TypeRef::named("Thing"))));
}

#[test]
fn html_typescript_block_with_entities() {
    let page = "<html><body><h1>S</h1><div class=\"operation\"><h2>Hello</h2>\
        <pre><code class=\"language-typescript\" lang=\"typescript\">\
        export class Hello\n{\n    // @ApiMember(Description=&quot;a &lt;b&gt;&quot;)\n    public name?: string;\n}\n\
        export class HelloResponse\n{\n    public result?: string;\n}\n</code></pre>\
        <div class=\"response\"><pre>HTTP/1.1 200 OK\n\n{&quot;result&quot;:&quot;String&quot;}</pre></div>\
        </div></body></html>";
    let s = read(page, "h.html").unwrap();
    assert_eq!(
        ty(&s, "Hello").properties[0].description.as_deref(),
        Some("a <b>")
    );
    let op = s.find_operation("Hello").unwrap();
    assert_eq!(op.response, Some(TypeRef::named("HelloResponse")));
    assert!(s.warnings.is_empty(), "{:?}", s.warnings);
}

#[test]
fn errors_name_the_position() {
    // No operation heading.
    let e = read("<html><body><h1>x</h1></body></html>", "a.html").unwrap_err();
    assert!(e.to_string().starts_with("a.html:1"), "{e}");
    // Broken DTO source: the error points into the page.
    let page =
        "Svc\n\n<back to all web services\n\nOp\n\nexport class Op\n{\n    public x?: ;\n}\n";
    let e = read(page, "p.txt").unwrap_err().to_string();
    assert!(e.starts_with("p.txt:9:16:"), "{e}");
    // Nothing to read types from.
    let e = read(
        "Svc\n\n<back to all web services\n\nOp\n\nHTTP + JSON\n",
        "p.txt",
    )
    .unwrap_err();
    assert!(e.to_string().contains("no DTO source"), "{e}");
}

/// Every prefix of the real pages reads or fails cleanly: never a panic or a hang.
#[test]
fn truncations_never_panic() {
    for name in [
        "AddConferenceMember.metadata.txt",
        "json-metadata-AddConferenceMember.html",
    ] {
        let src = schema_file(name);
        let mut cut = 0;
        while cut < src.len() {
            if src.is_char_boundary(cut) {
                let _ = read(&src[..cut], name);
            }
            cut += 13;
        }
    }
    for name in ["csharp.html", "typescript_convention.txt"] {
        let src = fixture(name);
        for cut in (0..src.len()).filter(|c| src.is_char_boundary(*c)) {
            let _ = read(&src[..cut], name);
        }
    }
}

mod prop {
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

        /// Page-like fragments in any order never panic.
        #[test]
        fn fragments_never_panic(parts in proptest::collection::vec(prop_oneof![
            Just("<h2>"), Just("</h2>"), Just("Op"), Just("<table class='routes'>"), Just("<tr>"),
            Just("<th>"), Just("GET"), Just("/a/{b}"), Just("</table>"), Just("<code class=\"language-csharp\">"),
            Just("<code class=\"language-typescript\">"), Just("public class Op { public int X { get; set; } }"),
            Just("export class Op { x?: string; }"), Just("</code>"), Just("<div class=\"response\"><pre>"),
            Just("HTTP/1.1 200 OK\n\n"), Just("{"), Just("}"), Just("a: 1,"), Just("\""), Just("&amp;"), Just("&"),
            Just("\n"), Just("<back to all web services\n"), Just("The following routes are available for this service:\n"),
            Just("POST/x\n"), Just("HTTP + JSON\n"), Just("<table class='params'><caption><b>Op</b></caption>"),
            Just("<td>"), Just("List<"), Just("<!--"), Just("<style>"),
        ], 0..40)) {
            let src: String = parts.concat();
            let _ = super::read(&src, "p");
        }
    }
}

#[test]
fn html_enum_table_and_required_rows() {
    let page = "<html><body><h1>S</h1><div class=\"operation\"><h2>Paint</h2>\n\
        <table class='params'><caption><b>Paint</b> Parameters:</caption><thead><tr><th>Name</th></tr></thead>\
        <tbody><tr><td>Colour</td><td>body</td><td>Colour</td><td>No</td><td>Which</td></tr>\
        <tr><td>Name</td><td>body</td><td>string</td><td>Yes</td><td></td></tr>\
        <tr><td>Sizes</td><td>query</td><td>List&lt;int?&gt;</td><td>No</td><td></td></tr></tbody></table>\n\
        <table class='params'><caption><b>PaintResult</b> Parameters:</caption>\
        <tbody><tr><td>Done</td><td>form</td><td>bool</td><td>No</td><td></td></tr></tbody></table>\n\
        <table class='enum'><caption><b>Colour</b> Enum:</caption>\
        <tbody><tr><td>Red</td><td>0</td></tr><tr><td>Green</td><td>1</td></tr></tbody></table>\n\
        <div class=\"response\"><pre>HTTP/1.1 200 OK\n\n{&quot;done&quot;:false}</pre></div>\
        </div></body></html>";
    let s = read(page, "p.html").unwrap();
    let paint = ty(&s, "Paint");
    let opt: Vec<(&str, bool)> = paint
        .properties
        .iter()
        .map(|p| (p.name.as_str(), p.optional))
        .collect();
    // Enums are value types; `Yes` in the Required column makes a member required.
    assert_eq!(opt, [("Colour", false), ("Name", false), ("Sizes", true)]);
    assert_eq!(
        paint.properties[2].ty,
        TypeRef::list(TypeRef::nullable(TypeRef::Primitive(Primitive::I32)))
    );
    let colour = ty(&s, "Colour").as_enum().unwrap();
    let members: Vec<(&str, Option<i64>)> = colour
        .members
        .iter()
        .map(|m| (m.name.as_str(), m.value))
        .collect();
    assert_eq!(members, [("Red", Some(0)), ("Green", Some(1))]);
    let op = s.find_operation("Paint").unwrap();
    assert_eq!(op.response, Some(TypeRef::named("PaintResult")));
    assert_eq!(op.location.as_ref().unwrap().line, 1);
}

#[test]
fn text_page_nav_line_is_not_description() {
    let page = "Svc\n\n<back to all web services\n\nOp\n\nDoes things.\n\
                Metadata C# JavaScript TypeScript Dart\n\n\
                export class Op\n{\n    public x?: string;\n}\n\n\
                export class OpResponse\n{\n    public y?: string;\n}\n\n\
                HTTP + JSON\n\nPOST /json/reply/Op HTTP/1.1\nHost: x\n\n{\"x\":\"String\"}\n\
                HTTP/1.1 200 OK\nContent-Type: application/json\n\n{\"z\":\"String\"}\n";
    let s = read(page, "p.txt").unwrap();
    let op = s.find_operation("Op").unwrap();
    assert_eq!(op.description.as_deref(), Some("Does things."));
    assert_eq!(op.response, Some(TypeRef::named("OpResponse")));
    // The guess is reported at the response sample's line.
    let w = s
        .warnings
        .iter()
        .find(|w| w.message.contains("naming convention"))
        .unwrap();
    assert_eq!(w.location.as_ref().unwrap().line, 29);
}

#[test]
fn xml_page_sample_names_the_response() {
    let page = "Svc\n\n<back to all web services\n\nGetThing\n\n\
                export class GetThing\n{\n    public id?: string;\n}\n\n\
                export class Thing\n{\n    public id?: string;\n}\n\n\
                HTTP + XML\n\n\
                POST /xml/reply/GetThing HTTP/1.1\nHost: x\n\n<GetThing xmlns=\"x\"><Id>String</Id></GetThing>\n\
                HTTP/1.1 200 OK\nContent-Type: application/xml\n\n\
                <?xml version=\"1.0\" encoding=\"utf-8\"?>\n<ArrayOfThing xmlns:i=\"x\"><Thing><Id>String</Id></Thing></ArrayOfThing>\n";
    let s = read(page, "x.txt").unwrap();
    let op = s.find_operation("GetThing").unwrap();
    assert_eq!(op.response, Some(TypeRef::list(TypeRef::named("Thing"))));
}

#[test]
fn predefined_routes_are_not_page_routes() {
    let page = "Svc\n\n<back to all web services\n\nOp\n\nexport class Op\n{\n    public x?: string;\n}\n\n\
                HTTP + XML\n\nPOST /xml/reply/Op HTTP/1.1\nHost: x\n\n<Op/>\n";
    let s = read(page, "x.txt").unwrap();
    assert!(s.find_operation("Op").unwrap().routes.is_empty());
    let page = page.replace("/xml/reply/Op", "/custom/op");
    let s = read(&page, "x.txt").unwrap();
    let op = s.find_operation("Op").unwrap();
    assert_eq!(op.routes[0].path, "/custom/op");
    assert_eq!(op.routes[0].verbs, ["POST"]);
    assert!(
        s.warnings
            .iter()
            .any(|w| w.message.contains("no routes table"))
    );
}

#[test]
fn text_page_with_csharp_block() {
    let page = "Shop API\n\n<back to all web services\n\nGetItem\n\nGets an item.\n\n\
                Requires Authentication\nRequired role:Admin\n\
                The following routes are available for this service:\nGET/items/{Id}\n\n\
                namespace Shop\n{\n    public partial class GetItem\n    {\n        public virtual int Id { get; set; }\n    }\n\n\
                    public partial class Item\n    {\n        public virtual int Id { get; set; }\n        public virtual string Name { get; set; }\n    }\n}\n\n\
                C# GetItem DTOs\n\nHTTP + JSON\n\n\
                GET /items/{Id} HTTP/1.1\nHost: x\n\n\
                HTTP/1.1 200 OK\nContent-Type: application/json\n\n{\"id\":0,\"name\":\"String\"}\n";
    let s = read(page, "cs.txt").unwrap();
    let op = s.find_operation("GetItem").unwrap();
    assert!(op.requires_auth);
    assert_eq!(op.required_roles, ["Admin"]);
    assert_eq!(op.routes[0].verbs, ["GET"]);
    assert_eq!(op.response, Some(TypeRef::named("Item")));
    let item = ty(&s, "Item");
    assert_eq!(wire_names(item), ["id", "name"]);
    assert_eq!(item.properties[0].ty, TypeRef::Primitive(Primitive::I32));
    assert!(!item.properties[0].optional);
    assert_eq!(ty(&s, "GetItem").namespace.as_deref(), Some("Shop"));
}
