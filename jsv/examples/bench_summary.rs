//! Prints a Markdown table of the last `cargo bench` run of the jsv benches: for every group that
//! measured both jsv and serde_json, the median time of each, each format's MB/s of its own text,
//! records/s, and how many times faster jsv is (serde_json time / jsv time, which is also the ratio
//! of records/s since both read or write the same records). Decode groups that also timed
//! `serde_floor` (serde's own share, no parsing) show it in the last column.
//!
//! Usage: `cargo run -p jsv --release --example bench_summary [criterion_dir]`; the directory defaults
//! to `$CARGO_TARGET_DIR/criterion`, else `target/criterion`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde_json::Value;

// Shared with the benchmarks: regenerating the records gives each Evo Voice size's record count.
#[allow(dead_code)]
#[path = "../benches/common/evovoice.rs"]
mod evovoice;

/// One criterion benchmark: its median time and the bytes of text it processed per iteration.
struct Measurement {
    median_ns: f64,
    bytes: Option<u64>,
}

fn read_json(path: &Path) -> Option<Value> {
    serde_json::from_str(&std::fs::read_to_string(path).ok()?).ok()
}

/// Every `<group>/<function>/new/` result under `dir`, by group id and function id.
fn measurements(dir: &Path, out: &mut BTreeMap<String, BTreeMap<String, Measurement>>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if !path.is_dir() {
            continue;
        }
        if path.file_name().is_some_and(|n| n == "new") {
            let (Some(bench), Some(estimates)) = (
                read_json(&path.join("benchmark.json")),
                read_json(&path.join("estimates.json")),
            ) else {
                continue;
            };
            let (Some(group), Some(function), Some(median_ns)) = (
                bench["group_id"].as_str(),
                bench["function_id"].as_str(),
                estimates["median"]["point_estimate"].as_f64(),
            ) else {
                continue;
            };
            let bytes = bench["throughput"]["Bytes"].as_u64();
            out.entry(group.to_owned())
                .or_default()
                .insert(function.to_owned(), Measurement { median_ns, bytes });
        } else {
            measurements(&path, out);
        }
    }
}

/// How many records a group's data set holds: Evo Voice sessions, tweets, performances, or points.
fn record_counts() -> BTreeMap<String, usize> {
    let mut counts = BTreeMap::new();
    for &(label, target) in evovoice::SIZES {
        counts.insert(
            format!("evovoice/{label}"),
            evovoice::sessions(target).len(),
        );
    }
    let data = concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/bench-data/");
    let doc = |file: &str| read_json(&Path::new(data).join(file));
    if let Some(twitter) = doc("twitter.json") {
        counts.insert(
            "twitter".into(),
            twitter["statuses"].as_array().map_or(0, Vec::len),
        );
    }
    if let Some(citm) = doc("citm_catalog.json") {
        counts.insert(
            "citm_catalog".into(),
            citm["performances"].as_array().map_or(0, Vec::len),
        );
    }
    if let Some(canada) = doc("canada.json") {
        let points = canada["features"]
            .as_array()
            .into_iter()
            .flatten()
            .flat_map(|f| {
                f["geometry"]["coordinates"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .map(|ring| ring.as_array().map_or(0, Vec::len))
            });
        counts.insert("canada".into(), points.sum());
    }
    counts
}

/// The record count for a group id such as `evovoice/decode_struct/100KB` or `twitter/decode_struct`.
fn records_for(group: &str, counts: &BTreeMap<String, usize>) -> Option<usize> {
    let parts: Vec<&str> = group.split('/').collect();
    match parts.as_slice() {
        ["evovoice", _, size] => counts.get(&format!("evovoice/{size}")).copied(),
        [doc, ..] => counts.get(*doc).copied(),
        [] => None,
    }
}

fn time(ns: f64) -> String {
    match ns {
        ns if ns >= 1e6 => format!("{:.2} ms", ns / 1e6),
        ns if ns >= 1e3 => format!("{:.2} µs", ns / 1e3),
        ns => format!("{ns:.0} ns"),
    }
}

fn mb_per_s(m: &Measurement) -> String {
    // bytes per nanosecond is GB/s; MB here is 10^6 bytes.
    m.bytes.map_or("-".into(), |b| {
        format!("{:.0}", b as f64 / m.median_ns * 1e3)
    })
}

fn main() {
    let dir = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            let target = std::env::var_os("CARGO_TARGET_DIR")
                .map_or_else(|| PathBuf::from("target"), PathBuf::from);
            target.join("criterion")
        });
    let mut groups = BTreeMap::new();
    measurements(&dir, &mut groups);
    if groups.is_empty() {
        eprintln!(
            "no criterion results under {}: run `cargo bench -p jsv` first",
            dir.display()
        );
        return;
    }
    let counts = record_counts();
    println!(
        "| benchmark | jsv | serde_json | jsv MB/s | serde_json MB/s | jsv records/s | serde_json records/s | jsv speed-up | serde floor |"
    );
    println!("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (group, functions) in &groups {
        let (Some(jsv), Some(json)) = (functions.get("jsv"), functions.get("serde_json")) else {
            continue;
        };
        let per_s = |m: &Measurement| {
            records_for(group, &counts).map_or("-".into(), |n| {
                format!("{:.0}", n as f64 / m.median_ns * 1e9)
            })
        };
        let floor = functions
            .get("serde_floor")
            .map_or("-".into(), |m| time(m.median_ns));
        println!(
            "| {group} | {} | {} | {} | {} | {} | {} | {:.2}x | {floor} |",
            time(jsv.median_ns),
            time(json.median_ns),
            mb_per_s(jsv),
            mb_per_s(json),
            per_s(jsv),
            per_s(json),
            json.median_ns / jsv.median_ns
        );
    }
}
