//! One decode or encode of a fixed Evo Voice data set (100 KB of JSV, 47 records), for counting
//! instructions with callgrind, which unlike wall-clock time is stable on a shared machine.
//!
//! Usage: `evovoice_callgrind <jsv|json|floor> <decode|decode_borrowed|decode_value|encode> [target_bytes]`. The work to be
//! measured runs in a `measured_*` function that is never inlined, so that
//! `valgrind --tool=callgrind --toggle-collect='*measured_*'` counts only it and not the data set's
//! generation. `jsv/benches/callgrind.sh` runs every combination and prints the counts.

use std::hint::black_box;
use std::process::ExitCode;

// Shared with the benchmarks; this example uses the records, their generator and the borrowed form.
#[allow(dead_code)]
#[path = "../benches/common/evovoice.rs"]
mod evovoice;

#[path = "../benches/common/floor.rs"]
mod floor;

use evovoice::{SessionInfo, SessionInfoRef};

#[inline(never)]
fn measured_jsv_decode(text: &str) -> Vec<SessionInfo> {
    jsv::from_str(text).expect("jsv decodes")
}

#[inline(never)]
fn measured_json_decode(text: &str) -> Vec<SessionInfo> {
    serde_json::from_str(text).expect("serde_json decodes")
}

#[inline(never)]
fn measured_jsv_decode_borrowed(text: &str) -> usize {
    jsv::from_str::<Vec<SessionInfoRef>>(text)
        .expect("jsv decodes")
        .len()
}

#[inline(never)]
fn measured_json_decode_borrowed(text: &str) -> usize {
    serde_json::from_str::<Vec<SessionInfoRef>>(text)
        .expect("serde_json decodes")
        .len()
}

#[inline(never)]
fn measured_jsv_decode_value(text: &str) -> jsv::Value {
    jsv::from_str(text).expect("jsv decodes")
}

#[inline(never)]
fn measured_json_decode_value(text: &str) -> serde_json::Value {
    serde_json::from_str(text).expect("serde_json decodes")
}

#[inline(never)]
fn measured_floor_decode(tree: &jsv::Value) -> Vec<SessionInfo> {
    floor::from_tree(tree).expect("the floor decodes")
}

#[inline(never)]
fn measured_floor_decode_borrowed(tree: &jsv::Value) -> usize {
    floor::from_tree::<Vec<SessionInfoRef>>(tree)
        .expect("the floor decodes")
        .len()
}

#[inline(never)]
fn measured_jsv_encode(records: &[SessionInfo]) -> String {
    jsv::to_string(records).expect("jsv encodes")
}

#[inline(never)]
fn measured_json_encode(records: &[SessionInfo]) -> String {
    serde_json::to_string(records).expect("serde_json encodes")
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let target = match args.get(2).map(|s| s.parse::<usize>()) {
        None => 100_000,
        Some(Ok(n)) => n,
        Some(Err(e)) => {
            eprintln!("target_bytes: {e}");
            return ExitCode::from(2);
        }
    };
    let records = evovoice::sessions(target);
    let jsv_text = jsv::to_string(&records).expect("jsv encodes");
    let json_text = serde_json::to_string(&records).expect("serde_json encodes");
    let (format, text) = match args.first().map(String::as_str) {
        Some("jsv") => ("jsv", &jsv_text),
        Some("json") => ("json", &json_text),
        // serde's own share: the JSV parsed beforehand, outside the measured call.
        Some("floor") => ("floor", &jsv_text),
        _ => {
            eprintln!(
                "usage: evovoice_callgrind <jsv|json|floor> <decode|decode_borrowed|decode_value|encode> [target_bytes]"
            );
            return ExitCode::from(2);
        }
    };
    let bytes = match (format, args.get(1).map(String::as_str)) {
        ("jsv", Some("decode")) => black_box(measured_jsv_decode(black_box(text))).len(),
        ("json", Some("decode")) => black_box(measured_json_decode(black_box(text))).len(),
        ("jsv", Some("decode_borrowed")) => {
            black_box(measured_jsv_decode_borrowed(black_box(text)))
        }
        ("json", Some("decode_borrowed")) => {
            black_box(measured_json_decode_borrowed(black_box(text)))
        }
        ("jsv", Some("decode_value")) => {
            match black_box(measured_jsv_decode_value(black_box(text))) {
                jsv::Value::List(items) => items.len(),
                _ => 0,
            }
        }
        ("json", Some("decode_value")) => black_box(measured_json_decode_value(black_box(text)))
            .as_array()
            .map_or(0, Vec::len),
        ("floor", Some("decode")) => {
            let tree: jsv::Value = jsv::from_str(text).expect("jsv decodes into a Value");
            black_box(measured_floor_decode(black_box(&tree))).len()
        }
        ("floor", Some("decode_borrowed")) => {
            let tree: jsv::Value = jsv::from_str(text).expect("jsv decodes into a Value");
            black_box(measured_floor_decode_borrowed(black_box(&tree)))
        }
        ("jsv", Some("encode")) => black_box(measured_jsv_encode(black_box(&records))).len(),
        ("json", Some("encode")) => black_box(measured_json_encode(black_box(&records))).len(),
        _ => {
            eprintln!(
                "usage: evovoice_callgrind <jsv|json|floor> <decode|decode_borrowed|decode_value|encode> [target_bytes]"
            );
            return ExitCode::from(2);
        }
    };
    // The script reads the sizes from this line to derive instructions per byte and per record.
    println!(
        "records={} text_bytes={} result={bytes}",
        records.len(),
        text.len()
    );
    ExitCode::SUCCESS
}
