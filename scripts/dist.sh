#!/usr/bin/env bash
# Builds the release archives into dist/:
#   partnerdesk-VERSION-x86_64-unknown-linux-gnu.tar.gz
#   partnerdesk-VERSION-x86_64-pc-windows-gnu.zip
# each with the binary, the README, the man page and the shell completions, and SHA256SUMS.
# Needs the x86_64-pc-windows-gnu target (rustup) and mingw-w64 (Debian: gcc-mingw-w64-x86-64).
set -euo pipefail
cd "$(dirname "$0")/.."
version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -1)
linux=x86_64-unknown-linux-gnu
windows=x86_64-pc-windows-gnu
target=$(bash scripts/target-dir.sh)

cargo build --release --locked --target "$linux"
cargo build --release --locked --target "$windows"

rm -rf dist
mkdir -p dist
stage() { # stage TARGET BINARY: a folder with everything but the binary's own name
    local folder="dist/partnerdesk-$version-$1"
    mkdir -p "$folder/completions"
    cp "$2" "$folder/"
    cp README.md "$folder/"
    local pd="$target/$linux/release/partnerdesk"
    "$pd" man > "$folder/partnerdesk.1"
    "$pd" completions bash > "$folder/completions/partnerdesk.bash"
    "$pd" completions zsh > "$folder/completions/_partnerdesk"
    "$pd" completions fish > "$folder/completions/partnerdesk.fish"
    "$pd" completions powershell > "$folder/completions/_partnerdesk.ps1"
    echo "$folder"
}

folder=$(stage "$linux" "$target/$linux/release/partnerdesk")
tar -C dist -czf "$folder.tar.gz" "$(basename "$folder")"
folder=$(stage "$windows" "$target/$windows/release/partnerdesk.exe")
(cd dist && python3 -m zipfile -c "$(basename "$folder").zip" "$(basename "$folder")")
rm -rf dist/partnerdesk-"$version"-*/
(cd dist && sha256sum -- *.tar.gz *.zip > SHA256SUMS)
ls -l dist
cat dist/SHA256SUMS
