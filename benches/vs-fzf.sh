#!/usr/bin/env bash
# partnerdesk against fzf and skim (sk) as whole processes, on the same generated entries: the
# directory as one-entry-per-line RON for partnerdesk, the same text as plain lines for the peers.
#
#   bash benches/vs-fzf.sh [ROUNDS]
#
# 1. `query --limit 0 TEXT` against `fzf --filter TEXT` and `sk --filter TEXT`, at 1,000, 10,000
#    and 100,000 entries: runs interleaved (one of each in turn, every run reading its own input),
#    medians of ROUNDS (default 7), output lines counted so that every tool is seen to do the work,
#    and the largest resident memory. partnerdesk's cache is warmed first; `cold` is `--no-cache`.
# 2. The interactive view against `fzf` and `sk`, each in a pseudo-terminal read through a terminal
#    emulator (examples/ready.rs): the time until all 100,000 entries are searchable, i.e. until
#    the count on screen shows them all.
#
# Needs fzf; sk and GNU time are used where installed.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-7}
command -v fzf > /dev/null || { echo "fzf is not installed (apt-get install fzf); nothing to compare." >&2; exit 0; }
have_sk=$(command -v sk > /dev/null && echo yes || echo no)
cargo build --release --quiet --bin partnerdesk --example generate --example ready
target=$(bash scripts/target-dir.sh)
pd=$target/release/partnerdesk
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_CACHE_HOME=$work/cache
unset PARTNERDESK_CACHE PARTNERDESK_DATA

echo "fzf $(fzf --version | cut -d' ' -f1)$([[ $have_sk == yes ]] && echo ", sk $(sk --version | cut -d' ' -f2)"), $(nproc) cores"

# Wall-clock milliseconds of one run of the command, its input from $input.
ms() {
    local start end
    start=$(date +%s%N)
    "$@" < "$input" > /dev/null 2>&1 || true
    end=$(date +%s%N)
    echo $(((end - start) / 1000000))
}
# Lines a command prints, its input from $input; a command that finds nothing exits 1, which is
# no failure here.
count() { (set +o pipefail; "$@" < "$input" 2> /dev/null | wc -l); }
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
peak_kb() { (set +o pipefail; /usr/bin/time -f %M "$@" < "$input" 2>&1 > /dev/null | tail -1); }

printf '\n%-8s %-8s %8s %8s %8s %8s %8s %10s %10s\n' entries query cold warm fzf sk "warm/best" "lines" "peak MiB"
for entries in 1000 10000 100000; do
    "$target/release/examples/generate" "$entries" "$work/data.ron" "$work/lines.txt"
    input=$work/lines.txt
    "$pd" query --data "$work/data.ron" x > /dev/null || true # warms the cache
    for q in m mar ungarn bresica zqxv; do
        declare -a cold=() warm=() fz=() skm=()
        for _ in $(seq "$rounds"); do
            cold+=("$(ms "$pd" query --no-cache --data "$work/data.ron" --limit 0 "$q")")
            warm+=("$(ms "$pd" query --data "$work/data.ron" --limit 0 "$q")")
            fz+=("$(ms fzf --filter "$q")")
            [[ $have_sk == yes ]] && skm+=("$(ms sk --filter "$q")")
        done
        c=$(printf '%s\n' "${cold[@]}" | median)
        w=$(printf '%s\n' "${warm[@]}" | median)
        f=$(printf '%s\n' "${fz[@]}" | median)
        s=$([[ $have_sk == yes ]] && printf '%s\n' "${skm[@]}" | median || echo "-")
        best=$f
        [[ $s != "-" && $s -lt $best ]] && best=$s
        lines="$(count "$pd" query --data "$work/data.ron" --limit 0 "$q")/$(count fzf --filter "$q")"
        [[ $have_sk == yes ]] && lines="$lines/$(count sk --filter "$q")"
        mem="-"
        if [[ -x /usr/bin/time ]]; then
            mem="$(($(peak_kb "$pd" query --data "$work/data.ron" --limit 0 "$q") / 1024))/$(($(peak_kb fzf --filter "$q") / 1024))"
            [[ $have_sk == yes ]] && mem="$mem/$(($(peak_kb sk --filter "$q") / 1024))"
        fi
        ratio=$(awk -v a="$w" -v b="$best" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')
        printf '%-8s %-8s %6sms %6sms %6sms %6s%s %8s %10s %10s\n' "$entries" "$q" "$c" "$w" "$f" "$s" \
            "$([[ $s == "-" ]] || echo ms)" "$ratio" "$lines" "$mem"
    done
done
echo "(times: medians of $rounds interleaved runs; lines and MiB: partnerdesk/fzf[/sk])"

# Milliseconds until the screen of a command, run in a 120×40 pseudo-terminal, shows the count.
ready() { TERM=xterm-256color "$target/release/examples/ready" "$@"; }
echo
echo "interactive view, 100,000 entries: until all are searchable (medians of $rounds, interleaved)"
declare -a ours=() theirs=() skims=()
for _ in $(seq "$rounds"); do
    ours+=("$(ready "100001/100001" -- "$pd" --lang en --data "$work/data.ron")")
    theirs+=("$(ready "100000/100000" -- sh -c "exec fzf < '$work/lines.txt'")")
    [[ $have_sk == yes ]] && skims+=("$(ready "100000/100000" -- sh -c "exec sk < '$work/lines.txt'")")
done
echo "partnerdesk $(printf '%s\n' "${ours[@]}" | median) ms, fzf $(printf '%s\n' "${theirs[@]}" | median) ms$([[ $have_sk == yes ]] && echo ", sk $(printf '%s\n' "${skims[@]}" | median) ms")"
