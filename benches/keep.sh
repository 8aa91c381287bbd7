#!/usr/bin/env bash
# Keeping a large shared file: how long `diff` takes on two 100,000-entry files, and how long
# `assign` holds the lock on one, each the median of ROUNDS runs of the release build.
#
#   bash benches/keep.sh [ROUNDS] [ENTRIES]
#
# `assign` holds the lock from its start to its end, so its whole run is the time the lock is held.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-5}
entries=${2:-100000}
cargo build --release --quiet --example generate --bin partnerdesk
target=$(bash scripts/target-dir.sh)/release
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$target/examples/generate" "$entries" "$work/big.ron"
cp "$work/big.ron" "$work/same.ron"
# The first city of the generated file, to assign to its first person.
city=$(awk -F'"' '/cities:/ { in_cities = 1 } in_cities && /name: "/ { print $2; exit }' "$work/big.ron")
people=$(awk -F'"' '/Person\(id: "/ { print $2; if (++n == 2) exit }' "$work/big.ron")

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
seconds() { local start end; start=$(date +%s.%N); "$@" > /dev/null 2>&1 || true; end=$(date +%s.%N); echo "$end - $start" | bc; }

diffs=() assigns=()
for ((round = 1; round <= rounds; round++)); do
    diffs+=("$(seconds env PARTNERDESK_CACHE=off "$target/partnerdesk" diff "$work/big.ron" "$work/same.ron")")
    person=$(echo "$people" | sed -n "$(( (round % 2) + 1 ))p")
    assigns+=("$(seconds env PARTNERDESK_CACHE=off "$target/partnerdesk" assign "$city" "$person" --data "$work/big.ron")")
done
echo "entries: $entries ($(du -h "$work/big.ron" | cut -f1)), rounds: $rounds"
echo "diff, identical files:      median $(printf '%s\n' "${diffs[@]}" | median) s"
echo "assign (the lock is held):  median $(printf '%s\n' "${assigns[@]}" | median) s"
