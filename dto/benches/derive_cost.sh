#!/usr/bin/env bash
# Compile-time cost of `#[derive(Dto)]`: builds a generated crate of N (default 500) request DTOs
# twice, once deriving `Serialize, Deserialize` only and once also deriving `dto::Dto` with routes,
# `#[api]`, `#[returns]` and `#[api_member]` on every field, and prints the build times.
#
# Two figures per variant (median of RUNS builds, default 3):
#  * crate:   the generated crate alone, its dependencies already built (`cargo clean -p` between
#             builds). This is the derive's cost as a user pays it on every rebuild of their DTOs.
#  * scratch: everything from an empty target directory, dependencies included (the `dto` variant also
#             builds jsv, dto and dto-macros, which the serde variant does not need).
# The goal in issue 5 is that the `dto` crate figure is at most 20% above the `serde` one.
#
# Usage: dto/benches/derive_cost.sh [N] [RUNS]     (PROFILE=release for optimised builds; default dev)
# Work happens in $WORK (default /tmp/dto-derive-cost); nothing in the repository is touched.
set -euo pipefail

N="${1:-500}"
RUNS="${2:-3}"
PROFILE="${PROFILE:-dev}"
REPO="$(cd "$(dirname "$0")/../.." && pwd)"
WORK="${WORK:-/tmp/dto-derive-cost}"

# Writes the crate for variant $1 (serde or dto) into $WORK/$1.
generate() {
    local variant=$1 dir="$WORK/$1"
    rm -rf "$dir"
    mkdir -p "$dir/src"
    {
        echo '[package]'
        echo "name = \"derive_cost_$variant\""
        echo 'version = "0.0.0"'
        echo 'edition = "2024"'
        echo 'publish = false'
        echo
        # Its own workspace, so the repository's workspace does not claim it.
        echo '[workspace]'
        echo
        echo '[dependencies]'
        echo 'serde = { version = "1.0.228", features = ["derive"] }'
        if [ "$variant" = dto ]; then
            echo "dto = { path = \"$REPO/dto\" }"
        fi
    } >"$dir/Cargo.toml"
    # The repository's lock file pins the same dependency versions in both variants.
    cp "$REPO/Cargo.lock" "$dir/Cargo.lock"

    local src="$dir/src/lib.rs"
    {
        echo '//! Generated request DTOs for measuring derive cost.'
        echo '#![allow(missing_docs)]'
        echo 'use serde::{Deserialize, Serialize};'
        [ "$variant" = dto ] && echo 'use dto::Dto;'
        echo
        echo '#[derive(Debug, Default, Serialize, Deserialize)]'
        echo '#[serde(rename_all = "camelCase")]'
        echo 'pub struct ThingResponse { pub id: Option<String>, pub total: Option<i64> }'
        for i in $(seq 1 "$N"); do
            echo
            echo "/// Gets or updates thing $i."
            if [ "$variant" = dto ]; then
                echo '#[derive(Debug, Default, Serialize, Deserialize, Dto)]'
            else
                echo '#[derive(Debug, Default, Serialize, Deserialize)]'
            fi
            echo '#[serde(rename_all = "camelCase")]'
            if [ "$variant" = dto ]; then
                echo "#[route(\"/accounts/{accountId}/things$i/{thingId}\", \"GET,PUT\")]"
                echo "#[route(\"/accounts/{accountId}/things$i\", \"POST\")]"
                echo "#[api(description = \"Gets or updates thing $i\")]"
                echo '#[returns(ThingResponse)]'
                echo '#[authenticate]'
            fi
            echo "pub struct Thing${i}Request {"
            local field
            for field in "account_id: Option<String>" "thing_id: Option<String>" "name: Option<String>" \
                "count: Option<i64>" "active: Option<bool>" "tags: Option<Vec<String>>" "score: Option<f64>" \
                "note: Option<String>"; do
                echo '    #[serde(skip_serializing_if = "Option::is_none")]'
                if [ "$variant" = dto ]; then
                    echo "    #[api_member(description = \"The ${field%%:*} of thing $i\")]"
                fi
                echo "    pub $field,"
            done
            echo '}'
        done
    } >"$src"
}

# Prints the seconds one `cargo build` of the crate in $1 takes.
build_seconds() {
    local dir=$1 start end
    start=$(date +%s.%N)
    cargo build --quiet --offline --profile "$PROFILE" --manifest-path "$dir/Cargo.toml" --target-dir "$dir/target"
    end=$(date +%s.%N)
    awk -v s="$start" -v e="$end" 'BEGIN { printf "%.2f", e - s }'
}

median() {
    tr ' ' '\n' | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'
}

declare -A CRATE SCRATCH
for variant in serde dto; do
    generate "$variant"
    dir="$WORK/$variant"
    scratch_times="" crate_times=""
    for _ in $(seq 1 "$RUNS"); do
        rm -rf "$dir/target"
        scratch_times+="$(build_seconds "$dir") "
        cargo clean --quiet --offline --profile "$PROFILE" --manifest-path "$dir/Cargo.toml" \
            --target-dir "$dir/target" -p "derive_cost_$variant"
        crate_times+="$(build_seconds "$dir") "
    done
    SCRATCH[$variant]=$(echo "$scratch_times" | xargs | median)
    CRATE[$variant]=$(echo "$crate_times" | xargs | median)
    echo "$variant: crate builds ${crate_times}s, from-scratch builds ${scratch_times}s" >&2
done

echo "$N DTOs, profile $PROFILE, median of $RUNS builds ($(nproc) cores)"
printf '%-8s %10s %10s\n' variant crate scratch
printf '%-8s %9ss %9ss\n' serde "${CRATE[serde]}" "${SCRATCH[serde]}"
printf '%-8s %9ss %9ss\n' dto "${CRATE[dto]}" "${SCRATCH[dto]}"
awk -v a="${CRATE[dto]}" -v b="${CRATE[serde]}" \
    'BEGIN { printf "derive(Dto) adds %.0f%% to the crate build (goal: <= 20%%)\n", (a / b - 1) * 100 }'
