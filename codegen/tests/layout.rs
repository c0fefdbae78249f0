//! The generator writes its code as text; this checks the text is what `prettyplease` prints for
//! the same syntax tree (so it parses, and reads like formatted Rust), for every bundled schema and
//! fixture, under each .NET type mapping, and for the real services of `../shared/corpus` when that
//! folder is present.

use std::path::{Path, PathBuf};

use dto_codegen::{Config, DotnetTypes};

/// The code without comments that are not docs and without blank lines: prettyplease keeps
/// neither (the header and warnings are `//` comments; items are separated by blank lines).
fn code_lines(code: &str) -> Vec<&str> {
    code.lines()
        .filter(|l| {
            let t = l.trim_start();
            !t.is_empty() && (!t.starts_with("//") || t.starts_with("///"))
        })
        .collect()
}

fn assert_laid_out_as_prettyplease(path: &Path, dotnet_types: DotnetTypes) {
    let generated = match Config::new()
        .input(path.to_str().expect("UTF-8 path"))
        .dotnet_types(dotnet_types)
        .type_attribute("*Request*", "#[derive(Hash)]")
        .field_attribute("*.Id", "#[doc(alias = \"key\")]")
        .generate_string()
    {
        Ok(generated) => generated,
        // Inputs the readers reject are the reader tests' business.
        Err(_) => return,
    };
    let file = syn::parse_file(&generated.code).unwrap_or_else(|e| {
        panic!(
            "{} ({dotnet_types:?}): generated code does not parse: {e}",
            path.display()
        )
    });
    let pretty = prettyplease::unparse(&file);
    let ours = code_lines(&generated.code);
    let theirs = code_lines(&pretty);
    if ours != theirs {
        let at = ours.iter().zip(&theirs).position(|(a, b)| a != b);
        let at = at.unwrap_or(ours.len().min(theirs.len()));
        panic!(
            "{} ({dotnet_types:?}): line {} differs from prettyplease's:\nours:   {:?}\ntheirs: {:?}",
            path.display(),
            at + 1,
            ours.get(at),
            theirs.get(at)
        );
    }
}

fn files_under(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            files_under(&path, out);
        } else if path.extension().is_none_or(|e| e != "md") {
            out.push(path);
        }
    }
}

#[test]
fn bundled_schemas_and_fixtures() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    files_under(&root.join("tests/fixtures"), &mut files);
    files_under(&root.join("../schemas"), &mut files);
    assert!(files.len() > 10, "{files:?}");
    for file in &files {
        for dotnet_types in [DotnetTypes::Dto, DotnetTypes::Chrono, DotnetTypes::Time] {
            assert_laid_out_as_prettyplease(file, dotnet_types);
        }
    }
}

#[test]
fn shared_corpus() {
    let corpus = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus");
    if !corpus.is_dir() {
        eprintln!("skipped: {} is absent", corpus.display());
        return;
    }
    let mut files = Vec::new();
    files_under(&corpus, &mut files);
    for file in &files {
        assert_laid_out_as_prettyplease(file, DotnetTypes::Dto);
    }
}
