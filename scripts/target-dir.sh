#!/usr/bin/env bash
# Prints cargo's target folder: target/ unless CARGO_TARGET_DIR (or a config) says otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo metadata --format-version 1 --no-deps |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["target_directory"])'
