//! Generates the DTOs the tests check, with the library API a user's build script would use.

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
    // The same server's other formats, and fixtures with one case per generator rule. Their
    // warnings (guessed map types, types a page leaves out, deliberate oddities) are expected
    // (codegen's own tests check them), so they are not repeated on every build.
    for (input, file) in [
        (
            "../schemas/evovoice/types-typescript.ts",
            "evovoice_typescript.rs",
        ),
        (
            "../schemas/evovoice/types-typescript.d.ts",
            "evovoice_ambient.rs",
        ),
        (
            "../schemas/evovoice/json-metadata-AddConferenceMember.html",
            "evovoice_html.rs",
        ),
        ("../codegen/tests/fixtures/metadata/rules.json", "rules.rs"),
        (
            "../codegen/tests/fixtures/metadata/app-v8.json",
            "app_v8.rs",
        ),
        (
            "../codegen/tests/fixtures/emit/tricky.dtos.ts",
            "tricky_ts.rs",
        ),
    ] {
        dto_codegen::Config::new()
            .input(input)
            .file_name(file)
            .cargo_warnings(false)
            .generate()?;
    }
    // What the dto-server host of tests/tests/server.rs publishes (checked there against the live
    // documents): the DTOs its clients would generate, used there to call it.
    for (input, file) in [
        ("fixtures/voice-host/types-metadata.json", "voice_host.rs"),
        (
            "fixtures/voice-host/types-typescript.ts",
            "voice_host_ts.rs",
        ),
    ] {
        dto_codegen::Config::new()
            .input(input)
            .file_name(file)
            .header(false)
            .generate()?;
    }
    Ok(())
}
