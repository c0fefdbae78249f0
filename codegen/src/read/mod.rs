//! Readers: each turns one input format into the [`crate::model::Schema`] IR.
//!
//! Every reader has the same signature, `fn read(text: &str, file: &str) -> Result<Schema>`,
//! where `file` is the path or URL used in messages. [`read`] dispatches on a [`Format`];
//! [`detect`] guesses the format from the file name and content.

use std::fmt;
use std::str::FromStr;

use crate::error::{Error, Result};
use crate::model::Schema;

pub(crate) mod csharp;
pub(crate) mod decl;
pub mod metadata_json;
pub mod page;
pub(crate) mod syntax;
pub mod typescript;

/// An input format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Format {
    /// Decide from the file name and content ([`Format::detect`]).
    #[default]
    Auto,
    /// ServiceStack metadata JSON: `/types/metadata`, or `/metadata/app.json` (`api` wrapper).
    MetadataJson,
    /// TypeScript DTOs: `/types/typescript` or the ambient `/types/typescript.d`.
    TypeScript,
    /// An operation's metadata page (`/json/metadata?op=X`), as HTML or flattened text.
    Page,
    /// C# DTOs (`/types/csharp`). The .NET names are camel-cased for the wire, as on
    /// ServiceStack's default (.NET Core) hosts.
    CSharp,
}

impl Format {
    /// Guesses the format of `text` (named `file`), or `None` when nothing fits.
    ///
    /// Content wins over the file name: JSON starts with `{`; a metadata page has the HTML
    /// markers or the flattened text's "routes are available" / "HTTP + JSON" lines (pages also
    /// contain TypeScript, so they are checked before it); TypeScript has `export`/`declare`
    /// declarations or a `.ts` name.
    pub fn detect(text: &str, file: &str) -> Option<Format> {
        let body = text.trim_start_matches('\u{feff}').trim_start();
        if body.starts_with('{') || body.starts_with('[') {
            return Some(Format::MetadataJson);
        }
        let lower_file = file.to_ascii_lowercase();
        // Pages also contain TypeScript and C#: they are asked first.
        if page::looks_like_page(body) {
            return Some(Format::Page);
        }
        if lower_file.ends_with(".cs")
            || lower_file.contains("/types/csharp")
            || csharp::looks_like_csharp(body)
        {
            return Some(Format::CSharp);
        }
        if lower_file.ends_with(".ts")
            || lower_file.contains("/types/typescript")
            || typescript::looks_like_typescript(body)
        {
            return Some(Format::TypeScript);
        }
        if lower_file.ends_with(".json") {
            return Some(Format::MetadataJson);
        }
        if lower_file.ends_with(".html") || lower_file.ends_with(".htm") {
            return Some(Format::Page);
        }
        None
    }

    /// The name used on the command line and in generated headers.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Auto => "auto",
            Format::MetadataJson => "metadata-json",
            Format::TypeScript => "typescript",
            Format::Page => "page",
            Format::CSharp => "csharp",
        }
    }

    /// All formats, `Auto` first.
    pub const ALL: [Format; 5] = [
        Format::Auto,
        Format::MetadataJson,
        Format::TypeScript,
        Format::Page,
        Format::CSharp,
    ];
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Format {
    type Err = Error;

    /// Accepts the names of [`Format::as_str`] plus a few aliases (`json`, `ts`, `html`, `txt`).
    fn from_str(s: &str) -> Result<Self> {
        Ok(match s.to_ascii_lowercase().as_str() {
            "auto" => Format::Auto,
            "metadata-json" | "json" | "metadata" => Format::MetadataJson,
            "typescript" | "ts" | "d.ts" => Format::TypeScript,
            "page" | "html" | "txt" | "text" => Format::Page,
            "csharp" | "cs" | "c#" => Format::CSharp,
            _ => {
                return Err(Error::Config(format!(
                    "unknown format `{s}` (expected auto, metadata-json, typescript, page or csharp)"
                )));
            }
        })
    }
}

/// Reads `text` (named `file` in messages) in the given format, detecting it when
/// [`Format::Auto`].
pub fn read(text: &str, file: &str, format: Format) -> Result<Schema> {
    let format = match format {
        Format::Auto => Format::detect(text, file).ok_or_else(|| Error::Format {
            file: file.to_string(),
            message: "cannot tell the input format (expected ServiceStack metadata JSON, \
                      TypeScript DTOs or a metadata page); pass --format"
                .to_string(),
        })?,
        other => other,
    };
    match format {
        Format::MetadataJson => metadata_json::read(text, file),
        Format::TypeScript => typescript::read(text, file),
        Format::Page => page::read(text, file),
        Format::CSharp => csharp::read_with_offset(text, file, 0, true),
        Format::Auto => unreachable!("Auto was resolved above"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_formats() {
        assert_eq!(
            Format::detect("  {\"types\":[]}", "x"),
            Some(Format::MetadataJson)
        );
        assert_eq!(
            Format::detect("<!DOCTYPE html><html>", "x"),
            Some(Format::Page)
        );
        assert_eq!(
            Format::detect(
                "AddX\nThe following routes are available for this service:\n",
                "x"
            ),
            Some(Format::Page)
        );
        assert_eq!(
            Format::detect("export class A {}", "x"),
            Some(Format::TypeScript)
        );
        assert_eq!(
            Format::detect(
                "/* Options:\n*/\nnamespace A\n{\n    public partial class B\n",
                "x"
            ),
            Some(Format::CSharp)
        );
        assert_eq!(Format::detect("", "dtos.ts"), Some(Format::TypeScript));
        assert_eq!(Format::detect("hello", "x.bin"), None);
    }

    #[test]
    fn format_names_round_trip() {
        for f in Format::ALL {
            assert_eq!(f.as_str().parse::<Format>().unwrap(), f);
        }
        assert!("yaml".parse::<Format>().is_err());
    }
}
