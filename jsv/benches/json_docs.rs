//! The classic JSON benchmark documents (`twitter.json`, `citm_catalog.json`, `canada.json` from
//! `../shared/bench-data/`), decoded into structs and encoded from them, jsv against serde_json.
//!
//! Each document is read from JSON once and written as JSV (JSON -> struct -> `jsv::to_string`); jsv
//! then decodes that JSV text and serde_json the original JSON text. Throughput is each format's own
//! text length. Documents that are absent are skipped with a message, so the bench also runs (and
//! compiles) without `../shared`.
//!
//! Run: `cargo bench -p jsv --bench json_docs -- --warm-up-time 1 --measurement-time 3`

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use serde::Serialize;
use serde::de::DeserializeOwned;

#[path = "common/json_docs.rs"]
mod json_docs;

use json_docs::{Canada, CitmCatalog, Twitter};

const DATA_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/bench-data/");

/// One document in both formats, checked to read back equal in each.
struct Doc<T> {
    value: T,
    json: String,
    jsv: String,
}

/// Loads `file` and converts it to JSV; `None` (with a message saying why) when the file is absent or
/// jsv cannot round-trip it, so that a missing data set or a reader bug skips rather than aborts.
fn load<T: DeserializeOwned + Serialize + PartialEq>(file: &str) -> Option<Doc<T>> {
    let path = Path::new(DATA_DIR).join(file);
    let json = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("skipping {file}: cannot read {} ({e})", path.display());
            return None;
        }
    };
    let value: T = match serde_json::from_str(&json) {
        Ok(v) => v,
        Err(e) => {
            eprintln!("skipping {file}: serde_json cannot read it into the bench's structs: {e}");
            return None;
        }
    };
    let jsv = match jsv::to_string(&value) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("skipping {file}: jsv cannot write it: {e}");
            return None;
        }
    };
    match jsv::from_str::<T>(&jsv) {
        Ok(back) if back == value => Some(Doc { value, json, jsv }),
        Ok(_) => {
            eprintln!("skipping {file}: jsv reads its own text back differently");
            None
        }
        Err(e) => {
            eprintln!("skipping {file}: jsv cannot read its own text back: {e}");
            None
        }
    }
}

fn bench_doc<T: DeserializeOwned + Serialize + PartialEq>(
    c: &mut Criterion,
    name: &str,
    records: impl Fn(&T) -> usize,
) {
    let Some(doc) = load::<T>(&format!("{name}.json")) else {
        return;
    };
    eprintln!(
        "{name}: {} records, jsv {} bytes, json {} bytes (jsv/json {:.3})",
        records(&doc.value),
        doc.jsv.len(),
        doc.json.len(),
        doc.jsv.len() as f64 / doc.json.len() as f64
    );

    let mut g = c.benchmark_group(format!("{name}/decode_struct"));
    g.throughput(Throughput::Bytes(doc.jsv.len() as u64));
    g.bench_function("jsv", |b| {
        b.iter(|| jsv::from_str::<T>(black_box(&doc.jsv)).unwrap())
    });
    g.throughput(Throughput::Bytes(doc.json.len() as u64));
    g.bench_function("serde_json", |b| {
        b.iter(|| serde_json::from_str::<T>(black_box(&doc.json)).unwrap())
    });
    g.finish();

    // serde_json's compact output is shorter than the original's layout; measure what it writes.
    let json_compact_len = serde_json::to_string(&doc.value).map_or(0, |s| s.len());
    let mut g = c.benchmark_group(format!("{name}/encode"));
    g.throughput(Throughput::Bytes(doc.jsv.len() as u64));
    g.bench_function("jsv", |b| {
        b.iter(|| jsv::to_string(black_box(&doc.value)).unwrap())
    });
    g.throughput(Throughput::Bytes(json_compact_len as u64));
    g.bench_function("serde_json", |b| {
        b.iter(|| serde_json::to_string(black_box(&doc.value)).unwrap())
    });
    g.finish();
}

fn twitter(c: &mut Criterion) {
    bench_doc::<Twitter>(c, "twitter", |t| t.statuses.len());
}

fn citm_catalog(c: &mut Criterion) {
    bench_doc::<CitmCatalog>(c, "citm_catalog", |t| t.performances.len());
}

fn canada(c: &mut Criterion) {
    bench_doc::<Canada>(c, "canada", |t| {
        t.features
            .iter()
            .flat_map(|f| &f.geometry.coordinates)
            .map(Vec::len)
            .sum()
    });
}

criterion_group!(benches, twitter, citm_catalog, canada);
criterion_main!(benches);
