#!/usr/bin/env bash
# Compile-time cost of `#[derive(Dto)]`: builds a generated crate of N (default 500) request DTOs
# twice, once deriving `Serialize, Deserialize` only and once also deriving `dto::Dto` with routes,
# `#[api]`, `#[returns]` and `#[api_member]` on every field, and prints the build times.
#
# Two builds per variant, each measured in CPU seconds (user + system of cargo and rustc) and
# wall-clock seconds (median of RUNS builds, default 3):
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

# Prints the wall-clock and CPU (user + system, cargo and rustc together) seconds of one `cargo build`
# of the crate in $1. CPU time is what the comparison uses: other work on a shared machine stretches
# wall-clock time but hardly changes the CPU a build needs.
build_seconds() {
    local dir=$1 TIMEFORMAT='%R %U %S' times
    times=$( { time cargo build --quiet --offline --profile "$PROFILE" --manifest-path "$dir/Cargo.toml" \
        --target-dir "$dir/target" >/dev/null; } 2>&1 | tail -1)
    awk -v t="$times" 'BEGIN { split(t, a, " "); printf "%.2f %.2f", a[1], a[2] + a[3] }'
}

median() {
    tr ' ' '\n' | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'
}

declare -A CRATE_CPU CRATE_WALL SCRATCH_CPU SCRATCH_WALL
for variant in serde dto; do
    generate "$variant"
    dir="$WORK/$variant"
    crate_cpu="" crate_wall="" scratch_cpu="" scratch_wall=""
    for _ in $(seq 1 "$RUNS"); do
        rm -rf "$dir/target"
        read -r wall cpu <<<"$(build_seconds "$dir")"
        scratch_wall+="$wall " scratch_cpu+="$cpu "
        cargo clean --quiet --offline --profile "$PROFILE" --manifest-path "$dir/Cargo.toml" \
            --target-dir "$dir/target" -p "derive_cost_$variant"
        read -r wall cpu <<<"$(build_seconds "$dir")"
        crate_wall+="$wall " crate_cpu+="$cpu "
    done
    CRATE_CPU[$variant]=$(echo "$crate_cpu" | xargs | median)
    CRATE_WALL[$variant]=$(echo "$crate_wall" | xargs | median)
    SCRATCH_CPU[$variant]=$(echo "$scratch_cpu" | xargs | median)
    SCRATCH_WALL[$variant]=$(echo "$scratch_wall" | xargs | median)
    echo "$variant: crate cpu ${crate_cpu}s wall ${crate_wall}s; from scratch cpu ${scratch_cpu}s wall ${scratch_wall}s" >&2
done

echo "$N DTOs, profile $PROFILE, median of $RUNS builds ($(nproc) cores); seconds"
printf '%-8s %10s %10s %12s %12s\n' variant "crate cpu" "crate wall" "scratch cpu" "scratch wall"
for variant in serde dto; do
    printf '%-8s %10s %10s %12s %12s\n' "$variant" "${CRATE_CPU[$variant]}" "${CRATE_WALL[$variant]}" \
        "${SCRATCH_CPU[$variant]}" "${SCRATCH_WALL[$variant]}"
done
awk -v a="${CRATE_CPU[dto]}" -v b="${CRATE_CPU[serde]}" -v c="${CRATE_WALL[dto]}" -v d="${CRATE_WALL[serde]}" \
    'BEGIN { printf "derive(Dto) adds %.0f%% CPU time (%.0f%% wall-clock) to the crate build (goal: <= 20%%)\n",
             (a / b - 1) * 100, (c / d - 1) * 100 }'
