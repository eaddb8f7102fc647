#!/bin/sh
# Release-mode timings for similar cases, joint procurement and the funnel over N synthetic cases
# (default 10,000). Compiles Sources/RenkeiCore with the bench's main.swift; independent of
# renkei-bench and of the package build. Usage: Scripts/insight-bench.sh [N]
set -eu
cd "$(dirname "$0")/.."
out="${TMPDIR:-/tmp}/renkei-insight-bench"
swiftc -O -module-name InsightBench -o "$out" $(find Sources/RenkeiCore -name '*.swift') Scripts/insight-bench/main.swift
"$out" "${1:-10000}"
