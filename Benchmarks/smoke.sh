#!/usr/bin/env bash
# Smoke run of the benchmark path for CI: 1,000 generated cases, cold and warm index, search,
# edits, in-process figures. Checks results, prints timings, asserts no timing. Well under a
# minute on a debug build. Uses the existing build (CONFIG=debug|release, default debug).
set -euo pipefail
cd "$(dirname "$0")/.."
export LANG=C.UTF-8 LC_ALL=C.UTF-8
CONFIG=${CONFIG:-debug}
export RENKEI_DATA=${RENKEI_DATA:-$PWD/Data}
export RENKEI_TODAY=2026-11-23
[ -n "${SKIP_BUILD:-}" ] || swift build -c "$CONFIG" --product renkei >&2
[ -n "${SKIP_BUILD:-}" ] || swift build -c "$CONFIG" --product renkei-bench >&2
BIN=$(swift build -c "$CONFIG" --show-bin-path)
R=$BIN/renkei
WS=$(mktemp -d /tmp/renkei-smoke.XXXXXX)
trap 'rm -rf "$WS"' EXIT
chmod 700 "$WS"
fail() { echo "smoke: FAIL: $*" >&2; exit 1; }
t() { local s=$(date +%s%N); "$@"; echo "  $(( ($(date +%s%N) - s) / 1000000 )) ms: $*" >&2; }

t "$R" dev generate --cases 1000 --seed 7 --workspace "$WS" --quiet
[ "$(ls "$WS/cases" | wc -l)" = 1000 ] || fail "generator did not write 1000 files"
n=$(t "$R" list --count --workspace "$WS"); [ "$n" = 1000 ] || fail "cold count $n"
[ -s "$WS/.index/summaries.v1" ] || fail "no index written"
n=$(t "$R" list --count --workspace "$WS"); [ "$n" = 1000 ] || fail "warm count $n"
rows=$(t "$R" list --search 狭山 --limit 50 --json --workspace "$WS" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["cases"]))')
[ "$rows" -gt 0 ] || fail "search 狭山 found nothing"
# An external edit is seen at once; a damaged file is listed.
f=$WS/cases/c-0001.json
sed -i 's/"title" : "/"title" : "改/' "$f"
out=$("$R" list --search 改 --json --workspace "$WS"); grep -q '"c-0001"' <<<"$out" || fail "external edit not seen"
echo '{ broken' > "$WS/cases/broken.json"
out=$("$R" list --count --workspace "$WS" 2>&1); grep -q "broken.json" <<<"$out" || fail "damaged file not listed"
rm "$WS/cases/broken.json"
"$R" dev index --workspace "$WS" >&2
"$BIN/renkei-bench" inproc --workspace "$WS" --runs 3 >&2
echo "smoke: ok" >&2
