#!/usr/bin/env bash
# Builds the libFuzzer targets by compiling the RenkeiCore + RenkeiStore sources directly with the
# fuzz harness into one module (the `import RenkeiCore` lines are dropped in a scratch copy).
#   Scripts/fuzz/build.sh            → .build/fuzz/fuzz-case-decoder
set -euo pipefail
cd "$(dirname "$0")/../.."
OUT=.build/fuzz
rm -rf "$OUT/src"; mkdir -p "$OUT/src"
for f in $(find Sources/RenkeiCore Sources/RenkeiStore -name '*.swift' | sort); do
  sed -e '/^import RenkeiCore$/d' -e '/^@testable import RenkeiCore$/d' "$f" > "$OUT/src/$(echo "$f" | tr '/' '_')"
done
build() {  # name harness.swift
  swiftc -parse-as-library -sanitize=fuzzer,address -O -g -module-name RenkeiFuzz \
    "$OUT"/src/*.swift "Scripts/fuzz/$2" -o "$OUT/$1" 2>&1 | grep -v "^warning\|^note" || true
  test -x "$OUT/$1"
}
build fuzz-case-decoder CaseDecoderFuzz.swift
# The calendar parser target is built when its harness exists (after the calendar branch merges).
if [ -f Scripts/fuzz/CalendarFuzz.swift ]; then build fuzz-calendar CalendarFuzz.swift; fi
ls -la "$OUT"/fuzz-*
