#!/usr/bin/env bash
# The test command: builds, then runs every test (unit, end-to-end, score gates).
set -euo pipefail
cd "$(dirname "$0")/.."
tools/build.sh
ctest --test-dir build --output-on-failure -j2
