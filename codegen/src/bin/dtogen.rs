//! `dtogen`: generate Rust DTOs from ServiceStack metadata.
//!
//! Exit codes: 0 success; 1 `check` found a stale file; 2 bad command line; 3 an input could
//! not be read or understood; 4 fetching a URL failed; 5 the output could not be written.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use dto_codegen::{Config, DotnetTypes, Error, Format, Generated, NumberType, write_atomic};

/// Generate Rust DTOs from ServiceStack metadata.
///
/// Reads a service's metadata — `/types/metadata` JSON (or `/metadata/app.json`), TypeScript
/// DTOs (`/types/typescript`), C# DTOs (`/types/csharp`), an operation's metadata page
/// (`/json/metadata?op=X`, HTML or text), or a running service's base URL — and writes Rust structs and enums that speak
/// ServiceStack's JSON and JSV, with request DTOs deriving `dto::Dto`.
///
/// The generated file starts with a header recording the source and options, so
/// `dtogen update dtos.rs` regenerates it and `dtogen check dtos.rs` tells CI when it is stale.
#[derive(Parser, Debug)]
#[command(
    name = "dtogen",
    version,
    after_help = "Examples:\n  \
      dtogen generate schemas/evovoice/types-metadata.json -o src/dtos.rs\n  \
      dtogen generate https://example.org --include 'AddConferenceMember.*' -o src/dtos.rs\n  \
      dtogen update src/dtos.rs\n  \
      dtogen check src/dtos.rs\n\n\
      Exit codes: 0 ok, 1 stale (check), 2 usage, 3 bad input, 4 fetch failed, 5 write failed."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Generate DTOs from metadata files or a service URL.
    Generate {
        /// Metadata JSON, TypeScript DTOs, a metadata page, or an http(s):// URL (a base URL
        /// gets /types/metadata appended). Several inputs are merged; the first definition wins.
        #[arg(required = true, value_name = "FILE|URL")]
        inputs: Vec<String>,
        /// Write to this file (atomically) instead of standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Input format: auto, metadata-json, typescript, page or csharp.
        #[arg(long, default_value = "auto", value_parser = parse_format)]
        format: Format,
        /// Only these types: `Name`, `Name.*` (with everything it depends on, and a
        /// request's response), `*.Name` (every operation using `Name`), `{tag}` (every
        /// operation with that tag), or a glob like `Session*`. Repeatable.
        #[arg(long, value_name = "PATTERN")]
        include: Vec<String>,
        /// Leave these types out (`Name` or a glob). Repeatable.
        #[arg(long, value_name = "PATTERN")]
        exclude: Vec<String>,
        /// Rust type for TypeScript `number`, whose .NET type is lost: f64, i64 or i32.
        #[arg(long, default_value = "f64", value_parser = parse_number_type)]
        number_type: NumberType,
        /// Rust types for .NET DateTime, DateTimeOffset, TimeSpan, Guid, decimal and byte[]: dto
        /// (dto::DateTime and its siblings, exact wire text), strings (the text as String), chrono
        /// or time (those crates' date and duration types through dto's serde adapters).
        #[arg(long, default_value = "dto", value_parser = parse_dotnet_types)]
        dotnet_types: DotnetTypes,
        /// Add a Rust attribute to matching types: `PATTERN=#[derive(Hash)]`. Repeatable.
        #[arg(long, value_name = "PATTERN=ATTR", value_parser = parse_pair)]
        type_attribute: Vec<(String, String)>,
        /// Add a Rust attribute to matching fields: `Type.Member=#[serde(..)]`. Repeatable.
        #[arg(long, value_name = "TYPE.MEMBER=ATTR", value_parser = parse_pair)]
        field_attribute: Vec<(String, String)>,
        /// Use a Rust type for a .NET type instead of generating it: `Name=crate::Path`.
        #[arg(long, value_name = "NAME=TYPE", value_parser = parse_pair)]
        extern_type: Vec<(String, String)>,
        /// Remove this base path (ServiceStack v6+'s `/api`) from the start of the routes.
        #[arg(long, value_name = "PREFIX")]
        strip_base_path: Option<String>,
        /// Do not print warnings.
        #[arg(short, long)]
        quiet: bool,
    },
    /// Regenerate files from the source and options recorded in their headers.
    Update {
        /// Files written by `dtogen generate`.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Do not print warnings.
        #[arg(short, long)]
        quiet: bool,
    },
    /// Exit with status 1 if regenerating a file would change it (writes nothing).
    Check {
        /// Files written by `dtogen generate`.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
}

fn parse_format(s: &str) -> Result<Format, String> {
    s.parse().map_err(|e: Error| e.to_string())
}

/// `KEY=VALUE`, split at the first `=`.
fn parse_pair(s: &str) -> Result<(String, String), String> {
    let (key, value) = s
        .split_once('=')
        .ok_or_else(|| format!("expected KEY=VALUE, got `{s}`"))?;
    Ok((key.trim().to_owned(), value.trim().to_owned()))
}

fn parse_number_type(s: &str) -> Result<NumberType, String> {
    s.parse().map_err(|e: Error| e.to_string())
}

fn parse_dotnet_types(s: &str) -> Result<DotnetTypes, String> {
    s.parse().map_err(|e: Error| e.to_string())
}

/// A failure with its exit code.
struct Failure {
    code: u8,
    message: String,
}

impl From<Error> for Failure {
    fn from(e: Error) -> Self {
        let code = match e {
            Error::Fetch { .. } => 4,
            _ => 3,
        };
        Failure {
            code,
            message: e.to_string(),
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Generate {
            inputs,
            output,
            format,
            include,
            exclude,
            number_type,
            dotnet_types,
            strip_base_path,
            type_attribute,
            field_attribute,
            extern_type,
            quiet,
        } => {
            let mut config = Config::new();
            for i in &inputs {
                config.input(i);
            }
            config
                .format(format)
                .include(include)
                .exclude(exclude)
                .number_type(number_type)
                .dotnet_types(dotnet_types);
            if let Some(prefix) = strip_base_path {
                config.strip_base_path(prefix);
            }
            for (path, attr) in type_attribute {
                config.type_attribute(path, attr);
            }
            for (path, attr) in field_attribute {
                config.field_attribute(path, attr);
            }
            for (name, ty) in extern_type {
                config.extern_type(name, ty);
            }
            generate(&config, output.as_deref(), quiet)
        }
        Command::Update { files, quiet } => files
            .iter()
            .try_for_each(|f| update(f, quiet))
            .map(|()| ExitCode::SUCCESS),
        Command::Check { files } => check(&files),
    };
    match result {
        Ok(code) => code,
        Err(f) => {
            eprintln!("error: {}", f.message);
            ExitCode::from(f.code)
        }
    }
}

fn print_warnings(generated: &Generated, quiet: bool) {
    if quiet {
        return;
    }
    for w in &generated.warnings {
        eprintln!("warning: {w}");
    }
}

fn generate(config: &Config, output: Option<&Path>, quiet: bool) -> Result<ExitCode, Failure> {
    let generated = config.generate_string()?;
    print_warnings(&generated, quiet);
    match output {
        Some(path) => {
            write_output(path, &generated.code)?;
            if !quiet {
                eprintln!("wrote {}", path.display());
            }
        }
        None => print!("{}", generated.code),
    }
    Ok(ExitCode::SUCCESS)
}

fn write_output(path: &Path, code: &str) -> Result<(), Failure> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty())
        && !dir.exists()
    {
        std::fs::create_dir_all(dir).map_err(|e| Failure {
            code: 5,
            message: Error::io(dir, e).to_string(),
        })?;
    }
    write_atomic(path, code).map_err(|e| Failure {
        code: 5,
        message: e.to_string(),
    })
}

/// Reads a generated file and regenerates it from its header.
fn regenerate(file: &Path) -> Result<(String, Generated), Failure> {
    let old = std::fs::read_to_string(file).map_err(|e| Failure::from(Error::io(file, e)))?;
    let mut config = Config::from_header(&old, &file.display().to_string())?;
    if let Some(dir) = file.parent() {
        config.resolve_sources_from(dir);
    }
    let generated = config.generate_string()?;
    Ok((old, generated))
}

fn update(file: &Path, quiet: bool) -> Result<(), Failure> {
    let (old, generated) = regenerate(file)?;
    print_warnings(&generated, quiet);
    if old == generated.code {
        if !quiet {
            eprintln!("{} is up to date", file.display());
        }
    } else {
        write_output(file, &generated.code)?;
        if !quiet {
            eprintln!("updated {}", file.display());
        }
    }
    Ok(())
}

fn check(files: &[PathBuf]) -> Result<ExitCode, Failure> {
    let mut stale = false;
    for file in files {
        let (old, generated) = regenerate(file)?;
        if old == generated.code {
            eprintln!("{}: up to date", file.display());
            continue;
        }
        stale = true;
        eprintln!(
            "{}: stale; run `dtogen update {}`",
            file.display(),
            file.display()
        );
        for line in diff_summary(&old, &generated.code) {
            eprintln!("  {line}");
        }
    }
    Ok(if stale {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// A short description of how two generated files differ: items added and removed, and the
/// first differing line.
fn diff_summary(old: &str, new: &str) -> Vec<String> {
    let items = |text: &str| -> Vec<String> {
        text.lines()
            .filter_map(|l| {
                let l = l.trim_start();
                ["pub struct ", "pub enum ", "pub type "]
                    .iter()
                    .find_map(|p| l.strip_prefix(p))
                    .map(|rest| {
                        rest.split(|c: char| !(c.is_alphanumeric() || c == '_'))
                            .next()
                            .unwrap_or("")
                            .to_string()
                    })
            })
            .collect()
    };
    let (old_items, new_items) = (items(old), items(new));
    let mut out = Vec::new();
    let added: Vec<&str> = new_items
        .iter()
        .filter(|i| !old_items.contains(i))
        .map(String::as_str)
        .collect();
    let removed: Vec<&str> = old_items
        .iter()
        .filter(|i| !new_items.contains(i))
        .map(String::as_str)
        .collect();
    if !added.is_empty() {
        out.push(format!("added: {}", added.join(", ")));
    }
    if !removed.is_empty() {
        out.push(format!("removed: {}", removed.join(", ")));
    }
    let old_lines: Vec<&str> = old.lines().collect();
    let new_lines: Vec<&str> = new.lines().collect();
    let changed = old_lines
        .iter()
        .zip(&new_lines)
        .filter(|(a, b)| a != b)
        .count()
        + old_lines.len().abs_diff(new_lines.len());
    if let Some(i) =
        (0..old_lines.len().max(new_lines.len())).find(|&i| old_lines.get(i) != new_lines.get(i))
    {
        out.push(format!(
            "first difference at line {}: `{}` -> `{}`",
            i + 1,
            old_lines.get(i).unwrap_or(&"<end of file>").trim(),
            new_lines.get(i).unwrap_or(&"<end of file>").trim()
        ));
    }
    out.push(format!(
        "{changed} line(s) differ ({} -> {} lines)",
        old_lines.len(),
        new_lines.len()
    ));
    out
}
