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
    Ok(())
}
