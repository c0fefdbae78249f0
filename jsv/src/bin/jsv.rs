//! `jsv`: reformat JSV and convert it to and from JSON.
//!
//! ```text
//! jsv fmt [FILE]        compact JSV -> ServiceStack's pretty layout
//! jsv compact [FILE]    pretty or hand-written JSV -> compact JSV
//! jsv to-json [FILE]    JSV -> JSON (scalars become JSON strings: JSV has no types)
//! jsv from-json [FILE]  JSON -> compact JSV
//! ```
//! Reads FILE, or standard input when FILE is absent or `-`. Exit codes: 0 success, 1 invalid input,
//! 2 usage or I/O error.

use std::io::{self, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "jsv",
    version,
    about = "Reformat ServiceStack JSV and convert it to and from JSON"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Pretty-print compact JSV exactly as ServiceStack's JsvFormatter.Format does.
    Fmt {
        /// Input file (standard input when absent or `-`).
        file: Option<PathBuf>,
    },
    /// Rewrite JSV (pretty-printed or hand-written; layout whitespace ignored) as compact JSV.
    Compact {
        /// Input file (standard input when absent or `-`).
        file: Option<PathBuf>,
    },
    /// Convert JSV to JSON. JSV carries no types, so every scalar becomes a JSON string.
    ToJson {
        /// Input file (standard input when absent or `-`).
        file: Option<PathBuf>,
        /// Indent the JSON output.
        #[arg(long)]
        pretty: bool,
    },
    /// Convert JSON to compact JSV (`true` becomes `True`, numbers keep their text, nulls are omitted).
    FromJson {
        /// Input file (standard input when absent or `-`).
        file: Option<PathBuf>,
    },
}

/// Why the command failed, mapped to the exit code.
enum Failure {
    /// The input is not valid JSV or JSON (exit 1).
    Input(String),
    /// Reading or writing failed (exit 2).
    Io(String),
}

fn read_input(file: &Option<PathBuf>) -> Result<(String, String), Failure> {
    let mut text = String::new();
    match file {
        Some(path) if path.as_os_str() != "-" => {
            let name = path.display().to_string();
            let bytes = std::fs::read(path).map_err(|e| Failure::Io(format!("{name}: {e}")))?;
            text = String::from_utf8(bytes)
                .map_err(|e| Failure::Input(format!("{name}: not UTF-8: {e}")))?;
            Ok((name, text))
        }
        _ => {
            io::stdin()
                .read_to_string(&mut text)
                .map_err(|e| Failure::Io(format!("<stdin>: {e}")))?;
            Ok(("<stdin>".to_owned(), text))
        }
    }
}

fn read_jsv(name: &str, text: &str) -> Result<jsv::Value, Failure> {
    use serde::Deserialize;
    let mut de = jsv::Deserializer::from_str(text).trim_whitespace(true);
    jsv::Value::deserialize(&mut de)
        .and_then(|value| de.end().map(|()| value))
        .map_err(|e| {
            Failure::Input(format!(
                "{name}:{}:{}: {}",
                e.line(),
                e.column(),
                e.message()
            ))
        })
}

fn run(cli: Cli) -> Result<String, Failure> {
    let jsv_error = |e: jsv::Error| Failure::Input(e.to_string());
    match cli.command {
        Command::Fmt { file } => {
            let (name, text) = read_input(&file)?;
            let compact = text.trim_end_matches(['\r', '\n']);
            if jsv::from_str::<jsv::Value>(compact).is_ok() {
                // Compact input: ServiceStack's textual re-indent, byte for byte.
                Ok(jsv::format(compact))
            } else {
                // Already laid out, or hand-written: read it leniently, then lay it out afresh.
                jsv::to_string_pretty(&read_jsv(&name, &text)?).map_err(jsv_error)
            }
        }
        Command::Compact { file } => {
            let (name, text) = read_input(&file)?;
            jsv::to_string(&read_jsv(&name, &text)?).map_err(jsv_error)
        }
        Command::ToJson { file, pretty } => {
            let (name, text) = read_input(&file)?;
            let value = read_jsv(&name, &text)?;
            let json = if pretty {
                serde_json::to_string_pretty(&value)
            } else {
                serde_json::to_string(&value)
            };
            json.map_err(|e| Failure::Input(e.to_string()))
        }
        Command::FromJson { file } => {
            let (name, text) = read_input(&file)?;
            let value: jsv::Value = serde_json::from_str(&text)
                .map_err(|e| Failure::Input(format!("{name}:{}:{}: {e}", e.line(), e.column())))?;
            jsv::to_string(&value).map_err(jsv_error)
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(output) => {
            let mut stdout = io::stdout().lock();
            match writeln!(stdout, "{output}").and_then(|()| stdout.flush()) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("jsv: {e}");
                    ExitCode::from(2)
                }
            }
        }
        Err(Failure::Input(message)) => {
            eprintln!("jsv: {message}");
            ExitCode::from(1)
        }
        Err(Failure::Io(message)) => {
            eprintln!("jsv: {message}");
            ExitCode::from(2)
        }
    }
}
