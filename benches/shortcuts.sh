#!/usr/bin/env bash
# Does each shortcut of the search pay at 100,000 entries? Builds the search bench once as the
# code stands and once with each shortcut turned off (one edit each, in a scratch worktree), then
# runs the 100k keystroke benches of every build in turn, ROUNDS times, and prints criterion's
# middle estimates per build, so that the medians can be compared.
#
#   bash benches/shortcuts.sh [ROUNDS]
#
# Takes about 2 minutes per build (link-time optimisation) and 40 seconds per build and round.
# Run it on an otherwise idle machine.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
root=$(pwd)
work=$(mktemp -d)
trap 'git -C "$root" worktree remove --force "$work/tree" > /dev/null 2>&1 || true; rm -rf "$work"' EXIT
git worktree add --quiet --detach "$work/tree" HEAD
export CARGO_TARGET_DIR=$work/target

# name, file, the text as it stands, the text with the shortcut off.
shortcuts=(
    "letter-set|src/search/rank.rs|if variant.mask & stem_mask != stem_mask|if false && variant.mask & stem_mask != stem_mask"
    "shared-scores|src/search/rank.rs|let quality = if variant.shared() {|let quality = if false && variant.shared() {"
    "narrowing|src/search/searcher.rs|if query.narrows(previous)|if false && query.narrows(previous)"
    "both-cores|src/search/searcher.rs|const PARALLEL_FROM: usize = 16_384;|const PARALLEL_FROM: usize = usize::MAX;"
    "typo-letter-set|src/search/typo.rs|if (term_mask & !variant.mask)|if false && (term_mask & !variant.mask)"
)

build() {
    local name=$1
    (cd "$work/tree" && cargo bench --quiet --bench search --no-run --message-format=json 2> /dev/null) |
        python3 -c 'import json, sys
for line in sys.stdin:
    m = json.loads(line)
    if m.get("reason") == "compiler-artifact" and m.get("executable") and m["target"]["name"] == "search":
        print(m["executable"])' | xargs -I{} cp {} "$work/bench-$name"
    echo "built: $name" >&2
}

names=(as-is)
build as-is
for entry in "${shortcuts[@]}"; do
    IFS='|' read -r name file now off <<< "$entry"
    git -C "$work/tree" checkout --quiet -- src
    grep -qF -- "$now" "$work/tree/$file" || { echo "$file no longer holds: $now" >&2; exit 2; }
    # Both texts are literal: perl's \Q…\E quotes the one, and a variable is not read again.
    NOW=$now OFF=$off perl -0pi -e 's/\Q$ENV{NOW}\E/$ENV{OFF}/' "$work/tree/$file"
    build "$name"
    names+=("$name")
done
git -C "$work/tree" checkout --quiet -- src

for round in $(seq "$rounds"); do
    for name in "${names[@]}"; do
        echo "== $name" >> "$work/log"
        CRITERION_HOME=$work/criterion/$name "$work/bench-$name" --bench "100k/keystroke" --noplot 2>&1 |
            grep -E '^100k|time:' >> "$work/log"
        echo "round $round: $name" >&2
    done
done

# Medians per build; the ratio is the build without the shortcut against the code as it is.
python3 - "$work/log" "${names[@]}" << 'EOF'
import collections, re, statistics, sys
unit = {"ns": 1e-6, "µs": 1e-3, "ms": 1.0, "s": 1e3}
times = collections.defaultdict(lambda: collections.defaultdict(list))
build = bench = None
for line in open(sys.argv[1]):
    if line.startswith("== "):
        build = line[3:].strip()
        continue
    named = re.match(r"(100k/.*?)\s+time:|(100k/.*\S)\s*$", line)
    if named:
        bench = (named.group(1) or named.group(2)).strip()
    estimate = re.search(r"time:\s+\[\S+ \S+ (\S+) (\S+)", line)
    if estimate:
        times[bench][build].append(float(estimate.group(1)) * unit[estimate.group(2)])
names = sys.argv[2:]
print("| bench | " + " | ".join(names) + " |")
print("|---" * (len(names) + 1) + "|")
for bench, builds in times.items():
    base = statistics.median(builds["as-is"])
    cells = [f"{base:.1f} ms"] + [f"{statistics.median(builds[n]) / base:.2f}x" for n in names[1:]]
    print(f"| {bench} | " + " | ".join(cells) + " |")
EOF
