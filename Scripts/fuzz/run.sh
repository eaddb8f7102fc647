#!/usr/bin/env bash
# Runs a libFuzzer target for a bounded time. Crashes land in .build/fuzz/crashes/<target>/;
# copy each into Tests/Fixtures/fuzz-regressions/ (the regression test replays them all).
#   Scripts/fuzz/run.sh [seconds=120] [target=fuzz-case-decoder]
set -euo pipefail
cd "$(dirname "$0")/../.."
SECS=${1:-120}
TARGET=${2:-fuzz-case-decoder}
OUT=.build/fuzz
[ -x "$OUT/$TARGET" ] || Scripts/fuzz/build.sh >/dev/null
CORPUS=$OUT/corpus-$TARGET
mkdir -p "$CORPUS" "$OUT/crashes/$TARGET"
case $TARGET in
  fuzz-case-decoder)
    cp -n Data/samples/cases/*.json "$CORPUS"/ 2>/dev/null || true
    for f in Tests/Fixtures/json-corpus/*.json; do [ "$(stat -c %s "$f")" -lt 65536 ] && cp -n "$f" "$CORPUS"/; done
    [ -d Tests/Fixtures/fuzz-regressions ] && cp -n Tests/Fixtures/fuzz-regressions/* "$CORPUS"/ 2>/dev/null || true ;;
  fuzz-index)
    printf 'RKINDX1\001' > "$CORPUS/magic"; [ -d .build/fuzz/seed-index ] && cp -n .build/fuzz/seed-index/* "$CORPUS"/ 2>/dev/null || true
    # The deadline-facts section of a real index (descriptor 3 at byte 32+24*3), so the input
    # also reaches deep into that section's reader, which the target calls directly.
    IDX=.build/sample-workspace/.index/summaries.v1
    [ -f "$IDX" ] && python3 -c 'import struct,sys; b=open(sys.argv[1],"rb").read(); o,n=struct.unpack_from("<QQ",b,104); open(sys.argv[2],"wb").write(b[o:o+n])' "$IDX" "$CORPUS/facts-section" || true ;;
  fuzz-calendar)
    [ -d Data/calendars ] && cp -n Data/calendars/* "$CORPUS"/ 2>/dev/null || true ;;
esac
export SWIFT_BACKTRACE=enable=no   # else the Swift runtime's backtracer keeps libFuzzer from writing the crash file
export RENKEI_DATA=${RENKEI_DATA:-$PWD/Data}
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0}
"$OUT/$TARGET" "$CORPUS" -max_total_time="$SECS" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
  -artifact_prefix="$OUT/crashes/$TARGET/" $( [ "$TARGET" = fuzz-case-decoder ] && echo -dict=Scripts/fuzz/json.dict ) -print_final_stats=1 2>&1 | tail -25
echo "crashes: $(ls "$OUT/crashes/$TARGET" | wc -l) in $OUT/crashes/$TARGET"
