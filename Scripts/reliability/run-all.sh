#!/usr/bin/env bash
# The long reliability runs whose results RELIABILITY.md records. Takes ~20–40 min on 2 cores.
#   Scripts/reliability/run-all.sh [kill-iterations=1000] [edits-per-writer=1000] [fuzz-seconds=600]
# Runs against a copy of the binary so a rebuild meanwhile cannot change it under the loop.
set -uo pipefail
cd "$(dirname "$0")/../.."
K=${1:-1000}; W=${2:-1000}; F=${3:-600}
swift build >/dev/null || exit 2
BIN_COPY=$(mktemp -d /tmp/renkei-bin.XXXXXX)/renkei
cp .build/debug/renkei "$BIN_COPY"
export RENKEI_BIN=$BIN_COPY
OUT=.build/reliability; mkdir -p "$OUT"
{
  echo "# $(date -Iseconds) $(git rev-parse --short HEAD)"
  Scripts/reliability/kill-loop.sh "$K";   echo "rc=$?"
  Scripts/reliability/two-writers.sh "$W"; echo "rc=$?"
  [ -x .build/fuzz/fuzz-calendar ] && [ -x .build/fuzz/fuzz-case-decoder ] || Scripts/fuzz/build.sh >/dev/null 2>&1
  for t in fuzz-case-decoder fuzz-calendar; do
    [ -x .build/fuzz/$t ] || continue
    echo "$t: $(Scripts/fuzz/run.sh "$F" "$t" | grep -E '^Done|^crashes' | tr '\n' ' ')"
  done
} 2>&1 | tee "$OUT/last-run.txt"
rm -rf "$(dirname "$BIN_COPY")"
