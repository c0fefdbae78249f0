//! Detects the reference vectors in `../shared/conformance` (beside the checkout) so the conformance
//! test can `include!` their Rust types; without them that test only prints why it skipped.

use std::path::Path;

fn main() {
    println!("cargo::rustc-check-cfg=cfg(jsv_conformance)");
    let types = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/conformance/types.rs");
    println!("cargo::rerun-if-changed={}", types.display());
    if types.exists() {
        println!("cargo::rustc-cfg=jsv_conformance");
    }
}
