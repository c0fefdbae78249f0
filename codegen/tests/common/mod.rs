//! Helpers the reader tests share: fixture and schema files, and looking types up in a schema.

use std::path::PathBuf;

use dto_codegen::model::{Schema, TypeDef};

fn read(path: PathBuf) -> String {
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// A file under `codegen/tests/fixtures/<folder>/`.
pub fn fixture(folder: &str, name: &str) -> String {
    read(
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(folder)
            .join(name),
    )
}

/// A file of the bundled Evo Voice schemas.
pub fn schema_file(name: &str) -> String {
    read(
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../schemas/evovoice")
            .join(name),
    )
}

/// The type named `name`; panics naming it when it is missing.
pub fn ty<'a>(s: &'a Schema, name: &str) -> &'a TypeDef {
    s.types
        .iter()
        .find(|t| t.name == name)
        .unwrap_or_else(|| panic!("no type {name}"))
}
