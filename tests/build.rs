//! Generates the Evo Voice DTOs the tests check, with the library API a user's build script
//! would use.

fn main() -> Result<(), Box<dyn std::error::Error>> {
    // Every type of the real server's /types/metadata (v5 layout).
    dto_codegen::Config::new()
        .input("../schemas/evovoice/types-metadata.json")
        .file_name("evovoice_metadata.rs")
        .generate()?;
    // The seed: the AddConferenceMember metadata page (flattened text), with what it needs.
    dto_codegen::Config::new()
        .input("../schemas/evovoice/AddConferenceMember.metadata.txt")
        .include(["AddConferenceMember.*"])
        .file_name("evovoice_page.rs")
        .generate()?;
    // The same server's other formats. Their warnings (guessed map types, types the page
    // leaves out) are expected, so they are not repeated on every build.
    for (input, file) in [
        ("types-typescript.ts", "evovoice_typescript.rs"),
        ("types-typescript.d.ts", "evovoice_ambient.rs"),
        ("json-metadata-AddConferenceMember.html", "evovoice_html.rs"),
        (
            "../../codegen/tests/fixtures/metadata/app-v8.json",
            "app_v8.rs",
        ),
    ] {
        dto_codegen::Config::new()
            .input(format!("../schemas/evovoice/{input}"))
            .file_name(file)
            .cargo_warnings(false)
            .generate()?;
    }
    // One small document exercising every emitter rule (keywords, recursion, generics,
    // arity clashes, flags, built-ins, undefined types, shadowing names, docs).
    dto_codegen::Config::new()
        .input("../codegen/tests/fixtures/metadata/rules.json")
        .file_name("rules.rs")
        .cargo_warnings(false) // its warnings are the point; codegen's tests check them
        .generate()?;
    Ok(())
}
