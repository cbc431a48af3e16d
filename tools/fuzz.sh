#!/usr/bin/env bash
# Builds the libFuzzer targets (tests/fuzz/fuzz_*.cc) with clang in build-fuzz and runs each for
# SECONDS seconds (default 60). Crashes and their inputs land in build-fuzz/fuzz-out/<target>/.
#   tools/fuzz.sh [SECONDS] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_TARGET="${1:-60}"
shift || true
BUILD=build-fuzz
JOBS="${JOBS:-2}"

CC=clang CXX=clang++ cmake -S . -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DACCORD_FUZZ=ON -DACCORD_BENCH=OFF >/dev/null

targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  for src in tests/fuzz/fuzz_*.cc; do targets+=("$(basename "$src" .cc)"); done
fi
ninja -C "$BUILD" -j"$JOBS" "${targets[@]}"

status=0
for t in "${targets[@]}"; do
  out="$BUILD/fuzz-out/$t"
  corpus="$out/corpus"
  mkdir -p "$corpus"
  # Seed with the project's own sample inputs when there are any.
  seeds=()
  [ -d corpora ] && seeds+=(corpora)
  [ -d "tests/fuzz/seeds/$t" ] && seeds+=("tests/fuzz/seeds/$t")
  echo "== $t: ${SECONDS_PER_TARGET}s"
  if ! "$BUILD/tests/fuzz/$t" "$corpus" "${seeds[@]}" -max_total_time="$SECONDS_PER_TARGET" \
       -max_len=65536 -rss_limit_mb=2048 -timeout=10 -artifact_prefix="$out/" -print_final_stats=1; then
    echo "== $t: FAILED (see $out/)"
    status=1
  fi
done
exit $status
