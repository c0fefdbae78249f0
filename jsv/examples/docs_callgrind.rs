//! One decode or encode of a classic JSON benchmark document (`twitter`, `citm_catalog`, `canada` from
//! `../shared/bench-data/`), for counting instructions with callgrind.
//!
//! Usage: `docs_callgrind <jsv|json> <decode|encode> <twitter|citm_catalog|canada>`. As in
//! `evovoice_callgrind`, the measured work runs in a `measured_*` function that is never inlined, so
//! `valgrind --tool=callgrind --toggle-collect='*measured_*'` counts only it. `jsv/benches/callgrind.sh`
//! runs it for every document it finds.

use std::hint::black_box;
use std::process::ExitCode;

use serde::Serialize;
use serde::de::DeserializeOwned;

#[allow(dead_code)]
#[path = "../benches/common/json_docs.rs"]
mod json_docs;

use json_docs::{Canada, CitmCatalog, Twitter};

const DATA_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/bench-data/");

#[inline(never)]
fn measured_jsv_decode<T: DeserializeOwned>(text: &str) -> T {
    jsv::from_str(text).expect("jsv decodes")
}

#[inline(never)]
fn measured_json_decode<T: DeserializeOwned>(text: &str) -> T {
    serde_json::from_str(text).expect("serde_json decodes")
}

#[inline(never)]
fn measured_jsv_encode<T: Serialize>(value: &T) -> String {
    jsv::to_string(value).expect("jsv encodes")
}

#[inline(never)]
fn measured_json_encode<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).expect("serde_json encodes")
}

/// Runs one case on document type `T`; returns the length of the format's text.
fn run<T: DeserializeOwned + Serialize>(
    file: &str,
    format: &str,
    op: &str,
) -> Result<usize, String> {
    let path = format!("{DATA_DIR}{file}.json");
    let json = std::fs::read_to_string(&path).map_err(|e| format!("cannot read {path}: {e}"))?;
    let value: T = serde_json::from_str(&json).map_err(|e| format!("{path}: {e}"))?;
    let jsv_text = jsv::to_string(&value).map_err(|e| format!("jsv cannot write {file}: {e}"))?;
    Ok(match (format, op) {
        ("jsv", "decode") => {
            black_box(measured_jsv_decode::<T>(black_box(&jsv_text)));
            jsv_text.len()
        }
        ("json", "decode") => {
            black_box(measured_json_decode::<T>(black_box(&json)));
            json.len()
        }
        ("jsv", "encode") => black_box(measured_jsv_encode(black_box(&value))).len(),
        ("json", "encode") => black_box(measured_json_encode(black_box(&value))).len(),
        _ => return Err(format!("unknown format/operation {format}/{op}")),
    })
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [format, op, doc] = args.as_slice() else {
        eprintln!("usage: docs_callgrind <jsv|json> <decode|encode> <twitter|citm_catalog|canada>");
        return ExitCode::from(2);
    };
    let result = match doc.as_str() {
        "twitter" => run::<Twitter>(doc, format, op),
        "citm_catalog" => run::<CitmCatalog>(doc, format, op),
        "canada" => run::<Canada>(doc, format, op),
        other => Err(format!("unknown document {other}")),
    };
    match result {
        Ok(bytes) => {
            // The script reads the size from this line.
            println!("text_bytes={bytes}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("{message}");
            ExitCode::from(1)
        }
    }
}
