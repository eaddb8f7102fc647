#!/usr/bin/env bash
# Issue 13's import and calendar figures on N (default 10,000) kintone-style rows with Japanese data
# (Benchmarks/import_data.py: UTF-8 CSV with BOM, CP932 CSV, .xlsx with shared strings and date
# serials). Per format, with hyperfine on the release build:
#   dry run           renkei import FILE --mapping M            (empty workspace; target ≤ 3 s)
#   apply             renkei import FILE --mapping M --apply    (fresh empty workspace each run;
#                     every case durable before it is renamed into place — DurableBatch:
#                     one syncfs, one directory fsync — journaled; target ≤ 10 s)
#   apply + index     the same, then `renkei list --count`, which builds the summary index
#   re-import         the same file again with --apply: 10,000 unchanged, nothing written
#   update            the -v2 file with --apply over the imported workspace: 10,000 updates
# and `renkei ical -o FILE` over the 10,000 imported cases (target ≤ 1 s).
# Prints markdown rows for BENCHMARKS.md: wall time, the CPU time (user + system; what a loaded
# machine does not inflate — waiting for the disk is in wall time only) and the load average
# before and after each figure; times are measured, never asserted (results are checked: counts of cases, events). The machine is
# shared, so CALLGRIND=1 also prints instruction counts (valgrind cannot read the release
# build's DWARF 5, so a stripped copy is run).
#   nice -n 10 bash Benchmarks/import.sh [N]      (RENKEI_BIN=… to pick the binary, RUNS=…,
#                                                  FORMATS="utf8.csv book.xlsx" for fewer)
set -euo pipefail
cd "$(dirname "$0")/.."
export LANG=C.UTF-8 LC_ALL=C.UTF-8
N=${1:-10000}
RUNS=${RUNS:-5}
BIN=${RENKEI_BIN:-$PWD/.build/release/renkei}
[ -x "$BIN" ] || { echo "import bench: no release build; run: swift build -c release --product renkei" >&2; exit 1; }
export RENKEI_DATA=$PWD/Data RENKEI_TODAY=2026-11-23 RENKEI_ACTOR=bench RENKEI_LANG=en
unset RENKEI_WORKSPACE
T=$(mktemp -d /tmp/renkei-import-bench.XXXXXX)
trap 'rm -rf "$T"' EXIT
fail() { echo "import bench: FAIL: $*" >&2; exit 1; }
load() { cut -d' ' -f1-3 /proc/loadavg; }
# hyperfine → "median ms (min–max, n=runs)"; the load average before → after goes with it.
measure() {
  local json=$T/h.json before; before=$(load)
  hyperfine -N --style none --warmup "${WARMUP:-0}" --runs "$RUNS" --export-json "$json" "$@" >/dev/null 2>"$T/h.err" \
    || { cat "$T/h.err" >&2; fail "hyperfine $*"; }
  python3 - "$json" "$before" "$(load)" <<'EOF'
import json, sys
r = json.load(open(sys.argv[1]))["results"][0]
cpu = (r['user'] + r['system']) * 1000
print(f"{r['median'] * 1000:,.0f} ms ({r['min'] * 1000:,.0f}–{r['max'] * 1000:,.0f}, n={len(r['times'])}) | {cpu:,.0f} ms | load {sys.argv[2]} → {sys.argv[3]}")
EOF
}
count() { "$BIN" list --count --workspace "$1"; }

python3 Benchmarks/import_data.py "$N" "$T/d"
M=$T/d/list.mapping.json
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); $(df -T "$T" | awk 'NR==2 {print $2}') under $T; load $(load)"
echo "commit: $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- Sources || echo '+local changes'); binary: $BIN"
echo "rows: $N; utf8.csv $(du -k "$T/d/utf8.csv" | cut -f1) KB, cp932.csv $(du -k "$T/d/cp932.csv" | cut -f1) KB, book.xlsx $(du -k "$T/d/book.xlsx" | cut -f1) KB"
echo
echo "| figure | target | wall: median (min–max, runs) | CPU user+sys (mean) | load before → after |"
echo "|---|---|---|---|---|"
FORMATS=${FORMATS:-utf8.csv cp932.csv book.xlsx}
for f in $FORMATS; do
  ws=$T/ws-$f; v2=$T/d/${f%.*}-v2.${f##*.}
  "$BIN" init "$ws" >/dev/null
  "$BIN" import "$T/d/$f" --mapping "$M" --workspace "$ws" > "$T/out" 2>&1 || { tail -3 "$T/out" >&2; fail "$f dry run"; }
  grep -q "total: $N create, 0 update, 0 unchanged, 0 invalid" "$T/out" || { tail -2 "$T/out" >&2; fail "$f: dry run did not plan $N creates"; }
  echo "| import $f, dry run | ≤ 3 s | $(WARMUP=1 measure "$BIN import $T/d/$f --mapping $M --workspace $ws") |"
  [ -z "$(ls "$ws/cases")" ] || fail "$f: the dry run wrote cases"
  fresh="sh -c 'rm -rf $ws && $BIN init $ws >/dev/null'"
  echo "| import $f --apply, empty workspace | ≤ 10 s | $(measure --prepare "$fresh" "$BIN import $T/d/$f --mapping $M --workspace $ws --apply") |"
  echo "| import $f --apply + first \`list --count\` (builds the index) | ≤ 10 s | $(measure --prepare "$fresh" "sh -c '$BIN import $T/d/$f --mapping $M --workspace $ws --apply >/dev/null && $BIN list --count --workspace $ws'") |"
  [ "$(count "$ws")" = "$N" ] || fail "$f: the index counts $(count "$ws") cases"
  [ "$(find "$ws/cases" -name '*.json' | wc -l)" = "$N" ] || fail "$f: $(ls "$ws/cases" | wc -l) case files"
  echo "| re-import $f --apply (all unchanged) | — | $(measure "$BIN import $T/d/$f --mapping $M --workspace $ws --apply") |"
  "$BIN" import "$T/d/$f" --mapping "$M" --workspace "$ws" | grep -q "0 create, 0 update, $N unchanged" || fail "$f: re-import is not idempotent"
  rm -rf "$T/snap" && cp -a "$ws" "$T/snap"
  echo "| import ${v2##*/} --apply ($N updates) | ≤ 10 s | $(measure --prepare "sh -c 'rm -rf $ws && cp -a $T/snap $ws && sync'" "$BIN import $v2 --mapping $M --workspace $ws --apply") |"
  "$BIN" import "$v2" --mapping "$M" --workspace "$ws" | grep -q "0 create, 0 update, $N unchanged" || fail "$f: the update did not take"
done
ws=$T/ws-${FORMATS%% *}
"$BIN" ical -o "$T/all.ics" --workspace "$ws" >/dev/null 2>&1
events=$(grep -c "BEGIN:VEVENT" "$T/all.ics")
[ "$events" -ge "$N" ] || fail "ical wrote $events events for $N cases"
echo "| \`renkei ical -o FILE\`, $N cases ($events events, $(du -k "$T/all.ics" | cut -f1) KB) | ≤ 1 s | $(WARMUP=1 measure "$BIN ical -o $T/all.ics --workspace $ws") |"

if [ -n "${CALLGRIND:-}" ]; then
  command -v valgrind >/dev/null || fail "CALLGRIND=1 needs valgrind"
  objcopy --strip-debug "$BIN" "$T/renkei"
  ir() { valgrind --tool=callgrind --callgrind-out-file="$T/cg.out" "$@" >/dev/null 2>"$T/cg.err" || { tail -3 "$T/cg.err" >&2; fail "callgrind $*"; }
         grep -m1 -o 'Collected : [0-9]*' "$T/cg.err" | awk '{printf "%\047d", $3}'; }
  echo
  echo "| instructions (callgrind, $N rows) | Ir |"
  echo "|---|---|"
  cg=$T/ws-cg; rm -rf "$cg"; "$T/renkei" init "$cg" >/dev/null
  echo "| import utf8.csv, dry run | $(ir "$T/renkei" import "$T/d/utf8.csv" --mapping "$M" --workspace "$cg") |"
  echo "| import book.xlsx, dry run | $(ir "$T/renkei" import "$T/d/book.xlsx" --mapping "$M" --workspace "$cg") |"
  echo "| import utf8.csv --apply | $(ir "$T/renkei" import "$T/d/utf8.csv" --mapping "$M" --workspace "$cg" --apply) |"
  echo "| first list --count (index build) | $(ir "$T/renkei" list --count --workspace "$cg") |"
  echo "| import utf8-v2.csv --apply (updates) | $(ir "$T/renkei" import "$T/d/utf8-v2.csv" --mapping "$M" --workspace "$cg" --apply) |"
  "$T/renkei" list --count --workspace "$cg" >/dev/null
  echo "| ical | $(ir "$T/renkei" ical -o "$T/cg.ics" --workspace "$cg") |"
fi
echo
echo "load at the end: $(load)"
