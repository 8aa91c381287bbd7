#!/usr/bin/env bash
# Smoke tests of the Windows build's command line under Wine: every command, exit statuses 0, 1
# and 2, a Notepad-style data file. Usage: scripts/wine-smoke.sh [PATH.exe]; without a path, the
# release build in cargo's target folder (CARGO_TARGET_DIR is honoured).
#
# Debian's Wine 8 lacks ProcessPrng in bcryptprimitives.dll, which Rust's standard library calls;
# a small shim built with mingw (scripts/wine/) sits beside the .exe for these tests only.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
exe=$(realpath "${1:-$(bash "$here/target-dir.sh")/x86_64-pc-windows-gnu/release/partnerdesk.exe}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$exe" "$work/partnerdesk.exe"
x86_64-w64-mingw32-gcc -shared -o "$work/bcryptprimitives.dll" \
    "$here/wine/bcryptprimitives.c" "$here/wine/bcryptprimitives.def" -ladvapi32
export WINEDEBUG=-all WINEPREFIX="$work/prefix" LANG=C.UTF-8
unset PARTNERDESK_DATA LC_ALL LC_MESSAGES
cd "$work"

failures=0
passed=0
# expect STATUS TEXT -- ARGS…: runs the .exe, checks the exit status and that stdout+stderr holds TEXT.
expect() {
    local want=$1 text=$2
    shift 3
    local got=0
    wine partnerdesk.exe "$@" > out.txt 2> err.txt || got=$?
    if [[ $got -eq $want ]] && { [[ -z $text ]] || grep -qF -- "$text" out.txt err.txt; }; then
        passed=$((passed + 1))
    else
        failures=$((failures + 1))
        echo "FAILED: partnerdesk.exe $* → exit $got (want $want), looked for: $text"
        sed 's/^/  out: /' out.txt | head -5 || true
        sed 's/^/  err: /' err.txt | grep -v '^  err: wine:' | head -5 || true
    fi
}

expect 0 "Płock (Poland, since 1988): Irene Schewe, (06151) 13-2324" -- query plock
expect 0 "Alina Seel" -- query "+49 6151 13-3608"
expect 1 "" -- query xyzzyq
expect 2 "the query is empty" -- query " "
expect 0 "ok: 17 cities, 6 people (embedded data)" -- check
expect 0 "ok: 17 Städte, 6 Personen (eingebaute Daten)" -- --lang de check
expect 0 "Logroño" -- list
expect 0 "name,native,german,aliases,country_code" -- list --format csv
expect 0 "\"phone_international\": \"+49 6151 13-2325\"" -- list people --format json
expect 0 "BEGIN:VCARD" -- export --vcard
expect 0 "" -- list --format xlsx --out cities.xlsx
if [[ $(head -c 2 cities.xlsx) == "PK" ]]; then passed=$((passed + 1)); else failures=$((failures + 1)); echo "FAILED: cities.xlsx is no workbook"; fi
expect 0 "" -- export --vcard --split cards
if [[ -f "cards/Julia Kuz.vcf" ]]; then passed=$((passed + 1)); else failures=$((failures + 1)); echo "FAILED: no cards/Julia Kuz.vcf"; fi
expect 2 "cannot read the data file" -- check --data missing.ron
expect 2 "unexpected argument" -- --no-such-flag
# A data file as Windows Notepad saves it: a byte-order mark and CRLF line ends.
printf '\xef\xbb\xbf' > notepad.ron
sed 's/$/\r/' "$here/../data/directory.ron" >> notepad.ron
expect 0 "ok: 17 cities, 6 people (notepad.ron)" -- check --data notepad.ron
# Keeping the shared file on Windows: assign renames over it, keeps history\ and the log.
expect 0 "Trondheim: contact Jessica Otto → Julia Kuz" -- assign Trondheim kuz --data notepad.ron
expect 0 "Trondheim: contact Jessica Otto → Julia Kuz" -- history --data notepad.ron
if ls history/notepad-*.ron > /dev/null 2>&1; then passed=$((passed + 1)); else failures=$((failures + 1)); echo "FAILED: no history/notepad-*.ron"; fi
# Absences on the same file, on a fixed day: the list is added with the file's CRLF line ends.
export PARTNERDESK_TODAY=2026-12-01
expect 0 "Irene Schewe: away 2026-12-01 to 2026-12-04, cover Julia Kuz" -- away schewe --until 04.12.2026 --cover kuz --data notepad.ron
expect 0 "Irene Schewe (away until 4 Dec), cover Julia Kuz" -- query plock --data notepad.ron
expect 0 "Irene Schewe answers again" -- back schewe --data notepad.ron
unset PARTNERDESK_TODAY
if ! grep -q $'absences: \[\],\r$' notepad.ron; then failures=$((failures + 1)); echo "FAILED: absences list without CRLF"; else passed=$((passed + 1)); fi
expect 0 "ok: 17 cities, 6 people (notepad.ron)" -- check --data notepad.ron

echo "wine smoke tests: $passed passed, $failures failed"
[[ $failures -eq 0 ]]
