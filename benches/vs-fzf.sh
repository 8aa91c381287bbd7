#!/usr/bin/env bash
# Times `partnerdesk query` against `fzf --filter` on the same 100,000 generated entries, and prints
# the ratio. Whole processes are timed: partnerdesk loads, validates and indexes the RON file every
# run, fzf reads plain lines. Needs fzf; uses hyperfine when installed.
#   bash benches/vs-fzf.sh [ENTRIES]
set -euo pipefail
cd "$(dirname "$0")/.."
entries=${1:-100000}
if ! command -v fzf >/dev/null; then
    echo "fzf is not installed (e.g. apt-get install fzf); nothing to compare." >&2
    exit 0
fi
cargo build --release --quiet --bin partnerdesk --example generate
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
./target/release/examples/generate "$entries" "$work/big.ron" "$work/big.txt"
echo "data: $entries entries, $(wc -c <"$work/big.ron") bytes of RON, $(wc -l <"$work/big.txt") lines for fzf"
echo "fzf: $(fzf --version)"

# Mean wall-clock seconds of a command over several runs.
mean() {
    local runs=5 start end
    start=$(date +%s%N)
    for _ in $(seq $runs); do "$@" >/dev/null || true; done
    end=$(date +%s%N)
    echo "scale=4; ($end - $start) / $runs / 1000000000" | bc
}

printf '%-10s %12s %12s %8s\n' query partnerdesk fzf ratio
for q in m mar kraków ungarn 2127 bresica; do
    ours=$(mean ./target/release/partnerdesk query --data "$work/big.ron" --limit 0 "$q")
    theirs=$(mean fzf --filter "$q" <"$work/big.txt")
    printf '%-10s %11.3fs %11.3fs %7.2fx\n' "$q" "$ours" "$theirs" "$(echo "scale=4; $ours / $theirs" | bc)"
done
