#!/usr/bin/env bash
# Builds the libFuzzer targets by compiling the RenkeiCore + RenkeiStore sources directly with a
# harness into one module (the `import RenkeiCore` lines are dropped in a scratch copy).
#   Scripts/fuzz/build.sh [target…]   → .build/fuzz/fuzz-case-decoder, fuzz-calendar, fuzz-index
# RENKEI_FUZZ_SRC=dir builds against another tree's Sources/ (e.g. a branch before it merges).
set -euo pipefail
cd "$(dirname "$0")/../.."
HERE=$PWD
SRC=${RENKEI_FUZZ_SRC:-$HERE}
OUT=${RENKEI_FUZZ_OUT:-$HERE/.build/fuzz}
rm -rf "$OUT/src"; mkdir -p "$OUT/src"
for f in $(cd "$SRC" && find Sources/RenkeiCore Sources/RenkeiStore -name '*.swift' | sort); do
  sed -e '/^import RenkeiCore$/d' -e '/^@testable import RenkeiCore$/d' "$SRC/$f" > "$OUT/src/$(echo "$f" | tr '/' '_')"
done
build() {  # name harness.swift
  swiftc -parse-as-library -sanitize=fuzzer,address -O -g -module-name RenkeiFuzz \
    "$OUT"/src/*.swift "$HERE/Scripts/fuzz/$2" -o "$OUT/$1" 2>&1 | grep -E "error" || true
  test -x "$OUT/$1"
}
TARGETS=${*:-fuzz-case-decoder fuzz-calendar fuzz-index}
for t in $TARGETS; do
  case $t in
    fuzz-case-decoder) build "$t" CaseDecoderFuzz.swift ;;
    fuzz-calendar)     build "$t" CalendarFuzz.swift ;;
    fuzz-index)        build "$t" IndexFuzz.swift ;;
  esac
done
ls -la "$OUT"/fuzz-*
