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
        ("../codegen/tests/fixtures/ts/generics.ts", "generics_ts.rs"),
        (
            "../codegen/tests/fixtures/csharp/voice.dtos.cs",
            "voice_cs.rs",
        ),
        (
            "../codegen/tests/fixtures/metadata/generics.json",
            "generics_json.rs",
        ),
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
    // The .NET scalar mappings other than the default, on the type that holds them all.
    for (dotnet_types, file) in [
        (dto_codegen::DotnetTypes::Strings, "echo_strings.rs"),
        (dto_codegen::DotnetTypes::Chrono, "echo_chrono.rs"),
        (dto_codegen::DotnetTypes::Time, "echo_time.rs"),
    ] {
        dto_codegen::Config::new()
            .input("../schemas/evovoice/types-metadata.json")
            .include(["EchoTypes.*"])
            .dotnet_types(dotnet_types)
            .file_name(file)
            .cargo_warnings(false)
            .generate()?;
    }
    // The customisation hooks, as a user's build script would set them.
    dto_codegen::Config::new()
        .input("../schemas/evovoice/types-metadata.json")
        .include(["ListSessions.*"])
        .type_attribute("CustomerBreadcrumb", "#[derive(Eq, Hash, PartialOrd, Ord)]")
        .field_attribute("SessionInfo.accountName", r#"#[serde(alias = "account")]"#)
        .extern_type("DateRange", "crate::hooks::Span")
        .file_name("hooks.rs")
        .cargo_warnings(false)
        .generate()?;
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
    corpus()?;
    Ok(())
}

/// Every file of `../../shared/corpus` (real services' DTOs), when it is there, generated into
/// one module each (`cfg(corpus)`): the crate compiling, warning-free under CI's clippy
/// `-D warnings`, is the test. `corpus_summary.txt` lists each file's warnings.
fn corpus() -> Result<(), Box<dyn std::error::Error>> {
    println!("cargo::rustc-check-cfg=cfg(corpus)");
    let dir = std::path::Path::new("../../shared/corpus");
    println!("cargo::rerun-if-changed={}", dir.display());
    let out = std::path::PathBuf::from(std::env::var("OUT_DIR")?);
    let mut modules = String::new();
    let mut summary = String::new();
    let mut files: Vec<std::path::PathBuf> = match std::fs::read_dir(dir) {
        Ok(kinds) => kinds
            .flatten()
            .filter(|kind| kind.path().is_dir())
            .flat_map(|kind| {
                std::fs::read_dir(kind.path())
                    .into_iter()
                    .flatten()
                    .flatten()
            })
            .map(|file| file.path())
            .filter(|path| path.extension().is_some_and(|e| e != "md"))
            .collect(),
        Err(_) => Vec::new(),
    };
    files.sort();
    for (i, path) in files.iter().enumerate() {
        let file = format!("corpus_{i}.rs");
        let generated = dto_codegen::Config::new()
            .input(path.to_string_lossy())
            .file_name(&file)
            .header(false)
            .cargo_warnings(false)
            .generate()
            .map_err(|e| format!("{}: {e}", path.display()))?;
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        summary.push_str(&format!("{name}\t{}\n", generated.warnings.len()));
        for warning in &generated.warnings {
            summary.push_str(&format!("\t{}\n", warning.message));
        }
        modules.push_str(&format!(
            "/// `{name}`\n#[allow(missing_docs)]\npub mod m{i} {{\n    include!(concat!(env!(\"OUT_DIR\"), \"/{file}\"));\n}}\n"
        ));
    }
    std::fs::write(out.join("corpus.rs"), modules)?;
    std::fs::write(out.join("corpus_summary.txt"), summary)?;
    if !files.is_empty() {
        println!("cargo::rustc-cfg=corpus");
    }
    Ok(())
}
