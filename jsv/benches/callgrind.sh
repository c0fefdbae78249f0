#!/usr/bin/env bash
# Instruction counts (callgrind) for the Evo Voice decode and encode, jsv against serde_json.
#
# Wall-clock benchmarks are noisy on a shared machine; instruction counts are not. This builds
# jsv/examples/evovoice_callgrind.rs with the bench profile (optimised, with debug info, sharing
# `cargo bench`'s build), runs it under callgrind once per format and operation, counting only the
# measured function (--toggle-collect), and prints instructions, instructions per byte of each format's
# text and per record, and the jsv/serde_json ratio; decodes also count `floor`, the same records read
# from an already-parsed tree (serde's visitors and the allocations, no parsing). Then the same for the classic JSON documents
# (jsv/examples/docs_callgrind.rs), when ../shared/bench-data is present.
#
# Usage: jsv/benches/callgrind.sh [target_bytes]     (default 100000: 47 records, ~100 KB of JSV)
# Needs valgrind (`apt-get install -y valgrind`). Profiles are kept in $OUT (default
# /tmp/jsv-callgrind); inspect one with
#   callgrind_annotate --auto=yes --inclusive=no $OUT/jsv-decode.out | head -60
set -euo pipefail
cd "$(dirname "$0")/../.."

TARGET_BYTES="${1:-100000}"
OUT="${OUT:-/tmp/jsv-callgrind}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}"

if ! command -v valgrind >/dev/null; then
    echo "valgrind not found: install it with 'apt-get install -y valgrind'" >&2
    exit 1
fi

cargo build --quiet -p jsv --profile bench --example evovoice_callgrind --example docs_callgrind
BIN="$CARGO_TARGET_DIR/release/examples/evovoice_callgrind"
DOCS_BIN="$CARGO_TARGET_DIR/release/examples/docs_callgrind"
mkdir -p "$OUT"

# Runs one case; prints "instructions records text_bytes".
measure() {
    local format=$1 op=$2 file="$OUT/$1-$2.out" sizes
    sizes=$(valgrind --tool=callgrind --callgrind-out-file="$file" --toggle-collect='*measured_*' \
        "$BIN" "$format" "$op" "$TARGET_BYTES" 2>/dev/null)
    local instructions
    instructions=$(grep -m1 '^summary:' "$file" | awk '{print $2}')
    local records=${sizes#records=}; records=${records%% *}
    local bytes=${sizes#*text_bytes=}; bytes=${bytes%% *}
    echo "$instructions $records $bytes"
}

printf '%-16s %-6s %14s %10s %12s %8s\n' operation format instructions "Ir/byte" "Ir/record" "jsv/json"
for op in decode decode_borrowed encode; do
    read -r jsv_ir records jsv_bytes <<<"$(measure jsv "$op")"
    read -r json_ir _ json_bytes <<<"$(measure json "$op")"
    ratio=$(awk -v a="$jsv_ir" -v b="$json_ir" 'BEGIN { printf "%.3f", a / b }')
    rows=("jsv $jsv_ir $jsv_bytes" "json $json_ir $json_bytes")
    if [ "$op" != encode ]; then
        # serde's own share: the same records read from an already-parsed tree.
        read -r floor_ir _ _ <<<"$(measure floor "$op")"
        rows+=("floor $floor_ir $jsv_bytes")
    fi
    for row in "${rows[@]}"; do
        read -r format ir bytes <<<"$row"
        awk -v op="$op" -v f="$format" -v ir="$ir" -v b="$bytes" -v r="$records" -v ratio="$ratio" \
            'BEGIN { printf "%-16s %-6s %14d %10.2f %12.0f %8s\n", op, f, ir, ir / b, ir / r, (f == "jsv" ? ratio : "") }'
    done
done
echo "($records records; profiles in $OUT)"

# The classic JSON documents, when ../shared/bench-data is there (docs_callgrind says why if not).
echo
printf '%-26s %-6s %14s %10s %8s\n' document format instructions "Ir/byte" "jsv/json"
for doc in twitter citm_catalog canada; do
    for op in decode encode; do
        if ! "$DOCS_BIN" jsv "$op" "$doc" >/dev/null; then
            continue
        fi
        rows=()
        for format in jsv json; do
            file="$OUT/$doc-$format-$op.out"
            bytes=$(valgrind --tool=callgrind --callgrind-out-file="$file" --toggle-collect='*measured_*' \
                "$DOCS_BIN" "$format" "$op" "$doc" 2>/dev/null)
            bytes=${bytes#text_bytes=}
            rows+=("$format $(grep -m1 '^summary:' "$file" | awk '{print $2}') $bytes")
        done
        read -r _ jsv_ir _ <<<"${rows[0]}"
        read -r _ json_ir _ <<<"${rows[1]}"
        for row in "${rows[@]}"; do
            read -r format ir bytes <<<"$row"
            awk -v name="$doc/$op" -v f="$format" -v ir="$ir" -v b="$bytes" -v a="$jsv_ir" -v j="$json_ir" \
                'BEGIN { printf "%-26s %-6s %14d %10.2f %8s\n", name, f, ir, ir / b, (f == "jsv" ? sprintf("%.3f", a / j) : "") }'
        done
    done
done
