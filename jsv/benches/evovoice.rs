//! Evo Voice `Vec<SessionInfo>` records, jsv against serde_json on the same logical data in the same run:
//! decode into structs, into borrowed structs, into each crate's `Value`, compact and pretty encode,
//! at one record (about 2 KB), 100 KB and 10 MB of JSV text.
//!
//! Each benchmark's throughput is the length of its own format's text, so criterion's MB/s is per
//! format; records/s and the ratio follow from the sizes printed at the start (and
//! `cargo run -p jsv --release --example bench_summary` prints them all after a run).
//!
//! The decode groups also time `serde_floor`: the same records read from an already-parsed tree, the
//! part of decoding that serde's visitors and the target's allocations take whatever the format.
//!
//! Run: `cargo bench -p jsv --bench evovoice -- --warm-up-time 1 --measurement-time 3`

use std::hint::black_box;
use std::sync::OnceLock;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

// Shared with the callgrind example, the summary tool and the borrow test, which each use a part.
#[allow(dead_code)]
#[path = "common/evovoice.rs"]
mod evovoice;

#[path = "common/floor.rs"]
mod floor;

use evovoice::{SessionInfo, SessionInfoRef};

/// One size of the data set in every form the benchmarks need.
struct Dataset {
    label: &'static str,
    records: Vec<SessionInfo>,
    jsv: String,
    json: String,
    /// The JSV already parsed, for the serde floor.
    tree: jsv::Value,
    jsv_pretty_len: usize,
    json_pretty_len: usize,
}

/// Builds the data sets once (the 10 MB one takes a moment), checks that both formats read back the
/// same records, and prints the sizes.
fn datasets() -> &'static [Dataset] {
    static DATA: OnceLock<Vec<Dataset>> = OnceLock::new();
    DATA.get_or_init(|| {
        let sets: Vec<Dataset> = evovoice::SIZES
            .iter()
            .map(|&(label, target)| {
                let records = evovoice::sessions(target);
                let jsv = jsv::to_string(&records).expect("jsv encodes");
                let json = serde_json::to_string(&records).expect("serde_json encodes");
                // A benchmark of a decoder that reads something else would be meaningless.
                assert_eq!(
                    jsv::from_str::<Vec<SessionInfo>>(&jsv).expect("jsv decodes"),
                    records
                );
                assert_eq!(
                    serde_json::from_str::<Vec<SessionInfo>>(&json).expect("json decodes"),
                    records
                );
                let tree = jsv::from_str(&jsv).expect("jsv decodes into a Value");
                assert_eq!(
                    floor::from_tree::<Vec<SessionInfo>>(&tree).expect("the floor decodes"),
                    records
                );
                let jsv_pretty_len = jsv::to_string_pretty(&records).expect("jsv pretty").len();
                let json_pretty_len = serde_json::to_string_pretty(&records)
                    .expect("json pretty")
                    .len();
                Dataset {
                    label,
                    records,
                    jsv,
                    json,
                    tree,
                    jsv_pretty_len,
                    json_pretty_len,
                }
            })
            .collect();
        eprintln!("Evo Voice data sets (bytes of each format's text; records/s = records / time):");
        eprintln!(
            "{:>6} {:>8} {:>11} {:>11} {:>9} {:>13} {:>13}",
            "size", "records", "jsv", "json", "jsv/json", "jsv pretty", "json pretty"
        );
        for set in &sets {
            eprintln!(
                "{:>6} {:>8} {:>11} {:>11} {:>9.3} {:>13} {:>13}",
                set.label,
                set.records.len(),
                set.jsv.len(),
                set.json.len(),
                set.jsv.len() as f64 / set.json.len() as f64,
                set.jsv_pretty_len,
                set.json_pretty_len
            );
        }
        sets
    })
}

/// Criterion's defaults take 100 samples; at 10 MB that is minutes per benchmark on a shared machine.
fn group<'a>(
    c: &'a mut Criterion,
    name: String,
    set: &Dataset,
) -> criterion::BenchmarkGroup<'a, criterion::measurement::WallTime> {
    let mut group = c.benchmark_group(name);
    if set.jsv.len() > 1_000_000 {
        group.sample_size(10);
    }
    group
}

fn decode_struct(c: &mut Criterion) {
    for set in datasets() {
        let mut g = group(c, format!("evovoice/decode_struct/{}", set.label), set);
        g.throughput(Throughput::Bytes(set.jsv.len() as u64));
        g.bench_function("jsv", |b| {
            b.iter(|| jsv::from_str::<Vec<SessionInfo>>(black_box(&set.jsv)).unwrap())
        });
        g.throughput(Throughput::Bytes(set.json.len() as u64));
        g.bench_function("serde_json", |b| {
            b.iter(|| serde_json::from_str::<Vec<SessionInfo>>(black_box(&set.json)).unwrap())
        });
        // What serde itself costs with parsing taken out (see common/floor.rs).
        g.throughput(Throughput::Bytes(set.jsv.len() as u64));
        g.bench_function("serde_floor", |b| {
            b.iter(|| floor::from_tree::<Vec<SessionInfo>>(black_box(&set.tree)).unwrap())
        });
        g.finish();
    }
}

fn decode_borrowed(c: &mut Criterion) {
    for set in datasets() {
        let mut g = group(c, format!("evovoice/decode_borrowed/{}", set.label), set);
        g.throughput(Throughput::Bytes(set.jsv.len() as u64));
        g.bench_function("jsv", |b| {
            b.iter(|| jsv::from_str::<Vec<SessionInfoRef>>(black_box(&set.jsv)).unwrap())
        });
        g.throughput(Throughput::Bytes(set.json.len() as u64));
        g.bench_function("serde_json", |b| {
            b.iter(|| serde_json::from_str::<Vec<SessionInfoRef>>(black_box(&set.json)).unwrap())
        });
        g.throughput(Throughput::Bytes(set.jsv.len() as u64));
        g.bench_function("serde_floor", |b| {
            b.iter(|| floor::from_tree::<Vec<SessionInfoRef>>(black_box(&set.tree)).unwrap())
        });
        g.finish();
    }
}

fn decode_value(c: &mut Criterion) {
    for set in datasets() {
        let mut g = group(c, format!("evovoice/decode_value/{}", set.label), set);
        g.throughput(Throughput::Bytes(set.jsv.len() as u64));
        g.bench_function("jsv", |b| {
            b.iter(|| jsv::from_str::<jsv::Value>(black_box(&set.jsv)).unwrap())
        });
        g.throughput(Throughput::Bytes(set.json.len() as u64));
        g.bench_function("serde_json", |b| {
            b.iter(|| serde_json::from_str::<serde_json::Value>(black_box(&set.json)).unwrap())
        });
        g.finish();
    }
}

fn encode(c: &mut Criterion) {
    for set in datasets() {
        let mut g = group(c, format!("evovoice/encode/{}", set.label), set);
        g.throughput(Throughput::Bytes(set.jsv.len() as u64));
        g.bench_function("jsv", |b| {
            b.iter(|| jsv::to_string(black_box(&set.records)).unwrap())
        });
        g.throughput(Throughput::Bytes(set.json.len() as u64));
        g.bench_function("serde_json", |b| {
            b.iter(|| serde_json::to_string(black_box(&set.records)).unwrap())
        });
        g.finish();
    }
}

fn encode_pretty(c: &mut Criterion) {
    for set in datasets() {
        let mut g = group(c, format!("evovoice/encode_pretty/{}", set.label), set);
        g.throughput(Throughput::Bytes(set.jsv_pretty_len as u64));
        g.bench_function("jsv", |b| {
            b.iter(|| jsv::to_string_pretty(black_box(&set.records)).unwrap())
        });
        g.throughput(Throughput::Bytes(set.json_pretty_len as u64));
        g.bench_function("serde_json", |b| {
            b.iter(|| serde_json::to_string_pretty(black_box(&set.records)).unwrap())
        });
        g.finish();
    }
}

criterion_group!(
    benches,
    decode_struct,
    decode_borrowed,
    decode_value,
    encode,
    encode_pretty
);
criterion_main!(benches);
