#!/usr/bin/env bash
# Seeds each fuzz target's corpus with the project's own schemas and fixtures, then runs every
# target for a number of executions (default 1,000,000), or for at most SECONDS each when given,
# printing libFuzzer's final counts (`stat::number_of_executed_units`):
#   bash codegen/fuzz/seed.sh [RUNS] [SECONDS]
# Inputs are cut to 8 KiB (whole service documents are larger, but every construct fits in a few
# types, and small inputs run many times faster). The crate has no unsafe code, so the targets are
# built without a sanitizer: a panic, a hang or invalid output is what they look for.
set -euo pipefail
cd "$(dirname "$0")"
runs="${1:-1000000}"
seconds="${2:-0}"
root=../..
seed() {
    local target="$1"; shift
    mkdir -p "corpus/$target"
    for file in "$@"; do
        [ -f "$file" ] && cp "$file" "corpus/$target/$(basename "$file")"
    done
}
seed metadata_json $root/schemas/evovoice/types-metadata.json $root/codegen/tests/fixtures/metadata/*.json $root/tests/fixtures/voice-host/types-metadata.json
seed typescript $root/schemas/evovoice/types-typescript.ts $root/schemas/evovoice/types-typescript.d.ts $root/codegen/tests/fixtures/ts/*.ts $root/codegen/tests/fixtures/emit/*.ts $root/tests/fixtures/voice-host/types-typescript.ts
seed csharp $root/codegen/tests/fixtures/csharp/*.cs
seed page_text $root/schemas/evovoice/AddConferenceMember.metadata.txt $root/codegen/tests/fixtures/page/*.txt
seed page_html $root/schemas/evovoice/json-metadata-AddConferenceMember.html $root/codegen/tests/fixtures/page/*.html
for target in metadata_json typescript csharp page_text page_html; do
    echo "== $target"
    cargo +nightly fuzz run --sanitizer none "$target" -- -runs="$runs" -max_total_time="$seconds" -max_len=8192 \
        -timeout=10 -print_final_stats=1 2>&1 | grep -E 'Done|number_of_executed_units|SUMMARY|panicked|ERROR' || true
done
