//! Integration tests of the TypeScript DTO reader: every dialect item on small fixtures, the
//! real Evo Voice files, and malformed input (errors with line:column, never a panic).

use dto_codegen::Format;
use dto_codegen::model::Schema;
use dto_codegen::model::{EnumRepr, Primitive, TypeDef, TypeKind, TypeRef};
use pretty_assertions::assert_eq;

mod common;
use common::{schema_file, ty};

/// Reads TypeScript DTOs.
fn read(text: &str, file: &str) -> dto_codegen::Result<Schema> {
    dto_codegen::read(text, file, Format::TypeScript)
}

fn fixture(name: &str) -> String {
    common::fixture("ts", name)
}

fn prop_ty(t: &TypeDef, name: &str) -> TypeRef {
    t.properties
        .iter()
        .find(|p| p.name == name)
        .unwrap_or_else(|| panic!("no property {}.{name}", t.name))
        .ty
        .clone()
}

fn prim(p: Primitive) -> TypeRef {
    TypeRef::Primitive(p)
}

fn enum_members(t: &TypeDef) -> Vec<(String, Option<i64>, Option<String>)> {
    let e = t
        .as_enum()
        .unwrap_or_else(|| panic!("{} is not an enum", t.name));
    e.members
        .iter()
        .map(|m| (m.name.clone(), m.value, m.wire_name.clone()))
        .collect()
}

#[test]
fn modern_dialect() {
    let src = fixture("modern.ts");
    assert_eq!(Format::detect(&src, "dtos.ts"), Some(Format::TypeScript));
    let s = read(&src, "modern.ts").unwrap();
    assert_eq!(s.base_url.as_deref(), Some("https://example.org"));

    // Skipped constructs are warnings with positions.
    let warnings: Vec<String> = s.warnings.iter().map(|w| w.to_string()).collect();
    assert!(
        warnings
            .iter()
            .any(|w| w.starts_with("modern.ts:14:1: skipped") && w.contains("import")),
        "{warnings:#?}"
    );
    assert!(
        warnings.iter().any(|w| w.contains("`export const VERSION")),
        "{warnings:#?}"
    );
    assert!(
        warnings
            .iter()
            .any(|w| w.contains("`export function helper")),
        "{warnings:#?}"
    );
    assert!(
        warnings.iter().any(|w| w.contains("function type")),
        "{warnings:#?}"
    );
    assert!(
        warnings.iter().any(|w| w.contains("tuple type")),
        "{warnings:#?}"
    );

    // Interfaces stay interfaces in a file with classes.
    let i = ty(&s, "IHasSessionId");
    assert_eq!(i.kind, TypeKind::Interface);
    assert_eq!(i.properties[0].wire_name, "sessionId");

    // String enums, numbered enums (string on the wire), flags (bit expressions), wire values.
    let room = ty(&s, "RoomType");
    assert_eq!(room.as_enum().unwrap().repr, EnumRepr::String);
    assert_eq!(enum_members(room)[2], ("Suite".into(), None, None));
    let freq = ty(&s, "Frequency");
    assert_eq!(freq.as_enum().unwrap().repr, EnumRepr::String);
    assert_eq!(enum_members(freq)[1], ("Weekly".into(), Some(7), None));
    let perms = ty(&s, "Permissions");
    assert_eq!(perms.as_enum().unwrap().repr, EnumRepr::Flags);
    let values: Vec<Option<i64>> = enum_members(perms).into_iter().map(|m| m.1).collect();
    assert_eq!(values, [Some(0), Some(1), Some(2), Some(4), Some(7)]);
    let quoted = enum_members(ty(&s, "Quoted"));
    assert_eq!(quoted[0], ("Member1".into(), None, Some("Member 1".into())));
    assert_eq!(quoted[1].2.as_deref(), Some("snake_case"));

    // Property types.
    let b = ty(&s, "Booking");
    assert_eq!(b.description.as_deref(), Some("A hotel booking"));
    let id = &b.properties[0];
    assert_eq!(id.description.as_deref(), Some("The booking id"));
    assert!(id.api_member.as_ref().unwrap().is_required);
    assert!(!id.optional);
    assert_eq!(id.ty, prim(Primitive::Number));
    assert_eq!(prop_ty(b, "roomType"), TypeRef::named("RoomType"));
    assert_eq!(prop_ty(b, "bookingStartDate"), prim(Primitive::DateTime));
    assert_eq!(
        prop_ty(b, "bookingEndDate"),
        TypeRef::nullable(prim(Primitive::DateTime))
    );
    assert_eq!(
        prop_ty(b, "notes"),
        TypeRef::nullable(prim(Primitive::String))
    );
    assert!(
        b.properties
            .iter()
            .find(|p| p.name == "notes")
            .unwrap()
            .optional
    );
    assert_eq!(prop_ty(b, "tags"), TypeRef::list(prim(Primitive::String)));
    assert_eq!(prop_ty(b, "extra"), prim(Primitive::Any));
    assert_eq!(prop_ty(b, "raw"), prim(Primitive::Any));
    // `export type IReadOnlyList<T> = T[]` is substituted.
    assert_eq!(
        prop_ty(b, "history"),
        TypeRef::list(prim(Primitive::String))
    );
    assert_eq!(
        prop_ty(b, "nested"),
        TypeRef::map(
            prim(Primitive::String),
            TypeRef::map(
                prim(Primitive::String),
                TypeRef::list(TypeRef::named("Booking"))
            )
        )
    );
    assert_eq!(prop_ty(b, "callback"), prim(Primitive::Any));

    // Generics.
    let qr = ty(&s, "QueryResponse");
    assert_eq!(qr.generic_params, ["T"]);
    assert_eq!(
        prop_ty(qr, "results"),
        TypeRef::list(TypeRef::GenericParam("T".into()))
    );
    let qdb = ty(&s, "QueryDb");
    assert_eq!(qdb.base, Some(TypeRef::named("QueryBase")));

    // Index-signature class, Dictionary<T> and Array<T> bases.
    assert_eq!(
        ty(&s, "NodeParameterMap").base,
        Some(TypeRef::map(
            prim(Primitive::String),
            TypeRef::named("NodeParameter")
        ))
    );
    assert_eq!(
        ty(&s, "StringMap").base,
        Some(TypeRef::map(
            prim(Primitive::String),
            prim(Primitive::String)
        ))
    );
    assert_eq!(
        ty(&s, "Bookings").base,
        Some(TypeRef::list(TypeRef::named("Booking")))
    );

    // Request DTO with generic base, IReturn<generic>, routes, interfaces, DataMember alias.
    let q = ty(&s, "QueryBookings");
    assert_eq!(
        q.base,
        Some(TypeRef::generic("QueryDb", vec![TypeRef::named("Booking")]))
    );
    assert_eq!(q.implements, [TypeRef::named("IHasSessionId")]);
    assert_eq!(q.description.as_deref(), Some("Find bookings"));
    let names: Vec<&str> = q.properties.iter().map(|p| p.name.as_str()).collect();
    // Getter, `declare` redeclaration, static member and methods are not data.
    assert_eq!(names, ["Id", "sessionId"]);
    assert_eq!(q.properties[0].wire_name, "id");
    assert_eq!(
        q.properties[0]
            .data_member
            .as_ref()
            .unwrap()
            .name
            .as_deref(),
        Some("id")
    );
    let op = s.find_operation("QueryBookings").unwrap();
    assert_eq!(
        op.response,
        Some(TypeRef::generic(
            "QueryResponse",
            vec![TypeRef::named("Booking")]
        ))
    );
    assert_eq!(op.routes.len(), 2);
    assert_eq!(op.routes[1].path, "/bookings/{Id}");
    assert_eq!(op.routes[1].verbs, ["GET", "PUT"]);

    let c = s.find_operation("CreateBooking").unwrap();
    assert!(c.returns_void);
    // `getMethod() { return 'POST'; }`.
    assert_eq!(c.method.as_deref(), Some("POST"));
    assert_eq!(c.response, None);
    let cb = ty(&s, "CreateBooking");
    assert_eq!(cb.properties[0].wire_name, "room_type");
    assert_eq!(
        cb.properties[1].description.as_deref(),
        Some("Comment with \"quotes\" and { braces }")
    );

    assert!(ty(&s, "AuditBase").is_abstract);
    // Declarations inside `export module A.B { }` are read.
    assert_eq!(
        ty(&s, "InModule").namespace.as_deref(),
        Some("Nested.Space")
    );
    // Non-operations have no operation.
    assert!(s.find_operation("Booking").is_none());
}

#[test]
fn old_dialect_without_question_marks_is_all_optional() {
    let s = read(&fixture("old_ctor_first.ts"), "old.ts").unwrap();
    let hello = ty(&s, "Hello");
    let names: Vec<&str> = hello.properties.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["Name", "Title"]);
    assert!(hello.properties.iter().all(|p| p.optional));
    assert_eq!(
        s.find_operation("Hello").unwrap().response,
        Some(TypeRef::named("HelloResponse"))
    );
    let color = ty(&s, "Color");
    assert_eq!(color.as_enum().unwrap().repr, EnumRepr::String);
    assert_eq!(enum_members(color).len(), 3);
}

#[test]
fn ambient_declarations() {
    let src = fixture("ambient.d.ts");
    assert_eq!(Format::detect(&src, "dtos.ts"), Some(Format::TypeScript));
    let s = read(&src, "ambient.d.ts").unwrap();
    // DTO interfaces of an ambient file are classes; `IReturn` markers stay interfaces.
    assert_eq!(ty(&s, "Hello").kind, TypeKind::Class);
    assert_eq!(ty(&s, "IReturn").kind, TypeKind::Interface);
    assert_eq!(ty(&s, "Hello").namespace.as_deref(), Some("Test.Api"));
    assert_eq!(
        s.find_operation("Hello").unwrap().response,
        Some(TypeRef::named("HelloResponse"))
    );
    assert!(s.find_operation("Generic").unwrap().returns_void);
    let g = ty(&s, "Generic");
    assert_eq!(
        prop_ty(g, "lookup"),
        TypeRef::map(prim(Primitive::String), TypeRef::GenericParam("T".into()))
    );
    // v1 enums without values: camel-cased members, PascalCase on the wire (a warned guess).
    let e = enum_members(ty(&s, "EnumType"));
    assert_eq!(
        e,
        [
            ("value1".into(), None, Some("Value1".into())),
            ("value2".into(), None, Some("Value2".into()))
        ]
    );
    assert!(s.warnings.iter().any(|w| w.message.contains("`EnumType`")));
}

#[test]
fn inline_snippets() {
    // Union of string literals used inline, number literal unions, `Object`.
    let s = read(
        "export class A { kind?: 'x' | 'y'; n?: 1 | 2; o?: Object; u?: string | undefined; }",
        "a.ts",
    )
    .unwrap();
    let a = ty(&s, "A");
    assert_eq!(prop_ty(a, "kind"), prim(Primitive::String));
    assert_eq!(prop_ty(a, "n"), prim(Primitive::Number));
    assert_eq!(prop_ty(a, "o"), prim(Primitive::Any));
    assert_eq!(prop_ty(a, "u"), TypeRef::nullable(prim(Primitive::String)));

    // Properties without semicolons (prettier with `semi: false`), `Array<Array<T>>`.
    let s = read(
        "export class B {\n  a?: string\n  b: Array<Array<number>>\n}\n",
        "b.ts",
    )
    .unwrap();
    let b = ty(&s, "B");
    assert_eq!(b.properties.len(), 2);
    assert_eq!(
        prop_ty(b, "b"),
        TypeRef::list(TypeRef::list(prim(Primitive::Number)))
    );

    // Attribute comments: @Api, @ApiMember fields, @DataContract name, JSDoc multi-line.
    let s = read(
        r#"
/**
* Line one
* Line two
*/
// @Api(Description="ignored when JSDoc exists")
// @DataContract(Name="Renamed")
// @Authenticate()
// @Tag("bookings")
export class C implements IReturnVoid, IPost
{
    // @ApiMember(Name="X", Description="d", ParameterType="path", DataType="string", IsRequired=true)
    // @DataMember(Order=2, EmitDefaultValue=false)
    // @Validate(Validator="NotEmpty")
    public x?: string;
}
"#,
        "c.ts",
    )
    .unwrap();
    let c = ty(&s, "C");
    assert_eq!(c.description.as_deref(), Some("Line one\nLine two"));
    assert_eq!(c.data_contract_name.as_deref(), Some("Renamed"));
    let x = &c.properties[0];
    let am = x.api_member.as_ref().unwrap();
    assert_eq!(am.parameter_type.as_deref(), Some("path"));
    assert_eq!(am.name.as_deref(), Some("X"));
    assert!(am.is_required);
    let dm = x.data_member.as_ref().unwrap();
    assert_eq!(dm.order, Some(2));
    assert!(dm.no_emit_default);
    assert_eq!(x.attributes[0].name, "Validate");
    assert_eq!(x.location.as_ref().unwrap().line, 15);
    let op = s.find_operation("C").unwrap();
    assert!(op.requires_auth);
    assert_eq!(op.tags, ["bookings"]);
    assert_eq!(op.method.as_deref(), Some("POST"));
    assert!(op.returns_void);
}

#[test]
fn errors_carry_line_and_column() {
    let cases: &[(&str, &str, &str)] = &[
        (
            "export class A {\n  x: string;\n",
            "x.ts:3:1",
            "expected `}`",
        ),
        ("export class A {\n  x: ;\n}", "x.ts:2:6", "expected a type"),
        (
            "export enum E {\n  A = 'x\n}",
            "x.ts:2:7",
            "unterminated string",
        ),
        (
            "/* header\nexport class A {}",
            "x.ts:1:1",
            "unterminated block comment",
        ),
        ("export class {\n}", "x.ts:1:14", "expected a class name"),
        (
            "export class A extends B<C {\n}",
            "x.ts:1:28",
            "expected `>`",
        ),
    ];
    for (src, loc, msg) in cases {
        let err = read(src, "x.ts").unwrap_err().to_string();
        assert!(err.starts_with(loc), "{src:?}: {err}");
        assert!(err.contains(msg), "{src:?}: {err}");
    }
}

#[test]
fn evovoice_types_typescript() {
    let s = read(&schema_file("types-typescript.ts"), "types-typescript.ts").unwrap();
    assert_eq!(s.base_url.as_deref(), Some("http://127.0.0.1:5085"));
    assert!(
        s.warnings.iter().all(|w| !w.message.contains("skipped")),
        "{:#?}",
        s.warnings
    );
    // v5 output: no `?`, so every property is optional.
    let si = ty(&s, "SessionInfo");
    assert_eq!(si.base, Some(TypeRef::named("EntityInfo")));
    assert!(si.properties.iter().all(|p| p.optional));
    assert_eq!(si.properties.len(), 36);
    let dial = ty(&s, "SessionDialState");
    assert_eq!(dial.as_enum().unwrap().repr, EnumRepr::String);
    let flags = ty(&s, "EndpointFlags");
    assert_eq!(flags.as_enum().unwrap().repr, EnumRepr::Flags);
    let op = s.find_operation("AddConferenceMember").unwrap();
    assert_eq!(op.response, Some(TypeRef::named("SessionInfo")));
    assert_eq!(
        op.routes[0].path,
        "/sessions/{sessionId}/conference/members"
    );
    assert_eq!(op.routes[0].verbs, ["POST"]);
    let acm = ty(&s, "AddConferenceMember");
    assert_eq!(acm.properties.len(), 4);
    assert_eq!(
        acm.description.as_deref(),
        Some(
            "Converts the specified call into a conference call if necessary and dials the specified member."
        )
    );
    let ls = ty(&s, "ListSessions");
    assert_eq!(
        ls.base,
        Some(TypeRef::generic(
            "ListRequest",
            vec![TypeRef::named("SessionInfo")]
        ))
    );
    assert_eq!(
        s.find_operation("ListSessions").unwrap().response,
        Some(TypeRef::generic(
            "ListResponse",
            vec![TypeRef::named("SessionInfo")]
        ))
    );
    assert_eq!(
        s.find_operation("GetCustomerBreadcrumbs").unwrap().response,
        Some(TypeRef::list(TypeRef::named("CustomerBreadcrumb")))
    );
    assert!(s.find_operation("DeleteSession").unwrap().returns_void);
    assert_eq!(s.find_operation("Authenticate").unwrap().routes.len(), 4);
    assert_eq!(
        prop_ty(ty(&s, "EchoTypes"), "bytes"),
        prim(Primitive::Bytes)
    );
    assert_eq!(
        prop_ty(ty(&s, "EchoTypes"), "nested"),
        TypeRef::list(TypeRef::list(prim(Primitive::Number)))
    );
    // `extends any` (a v5 dictionary subclass) becomes a map, with a warning.
    assert_eq!(
        ty(&s, "NodeParameterMap").base,
        Some(TypeRef::map(prim(Primitive::String), prim(Primitive::Any)))
    );
    assert!(
        s.warnings
            .iter()
            .any(|w| w.message.contains("NodeParameterMap"))
    );
}

#[test]
fn evovoice_ambient() {
    let src = schema_file("types-typescript.d.ts");
    let s = read(&src, "types-typescript.d.ts").unwrap();
    let si = ty(&s, "SessionInfo");
    assert_eq!(si.kind, TypeKind::Class);
    assert_eq!(si.base, Some(TypeRef::named("EntityInfo")));
    let ls = ty(&s, "ListSessions");
    assert_eq!(
        ls.base,
        Some(TypeRef::generic(
            "ListRequest",
            vec![TypeRef::named("SessionInfo")]
        ))
    );
    assert_eq!(
        s.find_operation("ListSessions").unwrap().response,
        Some(TypeRef::generic(
            "ListResponse",
            vec![TypeRef::named("SessionInfo")]
        ))
    );
    assert_eq!(
        s.find_operation("AddConferenceMember").unwrap().response,
        Some(TypeRef::named("SessionInfo"))
    );
    let post = ty(&s, "Authenticate");
    assert_eq!(post.implements, [TypeRef::named("IPost")]);
}

/// Every prefix of the real files parses or fails cleanly: never a panic or a hang.
#[test]
fn truncations_never_panic() {
    for name in ["types-typescript.ts", "types-typescript.d.ts"] {
        let src = schema_file(name);
        let mut cut = 0;
        while cut < src.len() {
            if src.is_char_boundary(cut) {
                let r = read(&src[..cut], name);
                if let Err(e) = r {
                    let msg = e.to_string();
                    assert!(msg.starts_with(&format!("{name}:")), "{msg}");
                }
            }
            cut += 7;
        }
    }
}

mod prop {
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

        /// Arbitrary text built from TypeScript-ish fragments never panics.
        #[test]
        fn fragments_never_panic(parts in proptest::collection::vec(prop_oneof![
            Just("export "), Just("class "), Just("interface "), Just("enum "), Just("type "),
            Just("A"), Just("<"), Just(">"), Just("{"), Just("}"), Just("["), Just("]"),
            Just("("), Just(")"), Just(":"), Just(";"), Just(","), Just("|"), Just("?"),
            Just("="), Just("'x'"), Just("\""), Just("1"), Just("\n"), Just("// @Route(\"/a\")\n"),
            Just("/** d */"), Just("/*"), Just("extends "), Just("implements "), Just("string"),
            Just("declare module M "), Just("public "), Just("=>"), Just("[k: string]: "),
        ], 0..40)) {
            let src: String = parts.concat();
            let _ = super::read(&src, "p.ts");
        }

        /// Arbitrary unicode never panics either.
        #[test]
        fn any_text_never_panics(src in "\\PC{0,200}") {
            let _ = super::read(&src, "p.ts");
        }
    }
}

#[test]
fn comments_inside_skipped_code_do_not_attach() {
    let s = read(
        "export function f() {\n  // @Route(\"/wrong\")\n}\n\
         export class A implements IReturnVoid\n{\n\
             public constructor() { /** not a doc */ }\n\
             /** real doc */\n\
             public x?: string;\n\
             public cb = () => { // @ApiMember(Description=\"no\")\n };\n\
             public y?: string;\n}\n",
        "c.ts",
    )
    .unwrap();
    let a = ty(&s, "A");
    assert_eq!(a.properties[0].description.as_deref(), Some("real doc"));
    let y = a.properties.iter().find(|p| p.name == "y").unwrap();
    assert_eq!(y.api_member, None);
    assert!(s.find_operation("A").unwrap().routes.is_empty());
}

#[test]
fn prettier_formatted_module() {
    let s = read(&fixture("prettier.ts"), "prettier.ts").unwrap();
    let base = ty(&s, "Base");
    assert_eq!(base.namespace.as_deref(), Some("Hub2"));
    // Semicolon-less members, aliases to `ReadonlyArray`/`Record` with trailing commas.
    assert_eq!(prop_ty(base, "ids"), TypeRef::list(prim(Primitive::Number)));
    assert_eq!(
        prop_ty(base, "map"),
        TypeRef::map(
            prim(Primitive::String),
            TypeRef::list(TypeRef::named("Base"))
        )
    );
    assert_eq!(
        prop_ty(base, "list"),
        TypeRef::list(prim(Primitive::String))
    );
    let caps: Vec<Option<i64>> = enum_members(ty(&s, "Caps"))
        .into_iter()
        .map(|m| m.1)
        .collect();
    assert_eq!(caps, [Some(0), Some(1), Some(2), Some(3)]);
    // Decorators are skipped; the decorated class is still read.
    let derived = ty(&s, "Derived");
    assert_eq!(derived.base, Some(TypeRef::named("Base")));
    let names: Vec<&str> = derived.properties.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["value"]);
    assert!(
        s.warnings
            .iter()
            .any(|w| w.message.contains("index signature is ignored"))
    );
    let op = s.find_operation("Fetch").unwrap();
    assert_eq!(op.response, Some(TypeRef::named("Derived")));
    assert_eq!(op.method.as_deref(), Some("GET"));
    assert_eq!(op.routes[0].path, "/x/{Id}");
    assert_eq!(ty(&s, "Fetch").description.as_deref(), Some("Fetch"));
}

#[test]
fn call_signatures_and_literal_types() {
    let s = read(
        "export interface F { (x: number): string; <T>(y: T): T; flag: true; s?: symbol; }",
        "f.ts",
    )
    .unwrap();
    let f = ty(&s, "F");
    let names: Vec<&str> = f.properties.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["flag", "s"]);
    assert_eq!(prop_ty(f, "flag"), prim(Primitive::Bool));
    assert_eq!(prop_ty(f, "s"), prim(Primitive::Any));
}

#[test]
fn optionality_follows_the_header_version() {
    let body = "export class A { public id: number; }\nexport type One = 'Only';\n";
    // No header (or a v5 one) and no `?` anywhere: `?` carried no meaning, all optional.
    let s = read(body, "a.ts").unwrap();
    assert!(ty(&s, "A").properties[0].optional);
    let v5 = format!("/* Options:\nVersion: 5.00\n*/\n{body}");
    assert!(ty(&read(&v5, "a.ts").unwrap(), "A").properties[0].optional);
    // A v6+ header: `?` is meaningful, so `id` is required.
    let v8 = format!("/* Options:\nVersion: 8.52\n*/\n{body}");
    let s = read(&v8, "a.ts").unwrap();
    assert!(!ty(&s, "A").properties[0].optional);
    // A single-literal union is a one-member string enum.
    assert_eq!(enum_members(ty(&s, "One")), [("Only".into(), None, None)]);
}

/// A file that mixes generated DTOs with hand-written code: the DTOs are read, the rest skipped
/// with a warning each.
#[test]
fn hand_written_declarations_beside_dtos_are_skipped_with_warnings() {
    let src = "export type F = <T>(a: T) => T;\n\
               export type Pick2<T> = { [K in keyof T]?: T[K] };\n\
               export let x: Y;\n\
               export function f(a: string): string { return a; }\n\
               export class Hello { name?: string; }\n\
               export type Name = string;\n";
    let s = read(src, "mixed.ts").unwrap();
    assert!(s.types.iter().any(|t| t.name == "Hello"), "{:?}", s.types);
    let warnings: Vec<String> = s.warnings.iter().map(|w| w.to_string()).collect();
    assert_eq!(warnings.len(), 3, "{warnings:#?}");
    assert!(
        warnings[0].contains("mixed.ts:1:1: skipped type alias that is not a DTO type"),
        "{warnings:#?}"
    );
    assert!(
        warnings[1].contains("mixed.ts:3:1: skipped unsupported construct: `export let x"),
        "{warnings:#?}"
    );
    assert!(
        warnings[2].contains("mixed.ts:4:1: skipped unsupported construct: `export function f"),
        "{warnings:#?}"
    );
    // The whole file still generates code that parses.
    let code = dto_codegen::generate_to_string("mixed.ts", src)
        .unwrap()
        .code;
    assert!(code.contains("pub struct Hello"), "{code}");
}
