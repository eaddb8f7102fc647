#!/usr/bin/env bash
# Start-up cost (issue 19), NOT for CI (~5 min). Counts instructions with callgrind (repeatable on
# a noisy machine) and times with hyperfine, side by side with taskwarrior on the same 1,000 cases
# and with the floor: a minimal Foundation program built by this script with the same flags as
# the installed renkei (-O, Swift runtime linked statically). Prints a Markdown table for
# BENCHMARKS.md's "Start-up" section.
#   Benchmarks/startup.sh            (BIN=… to use a renkei built elsewhere; N=… for another size;
#                                      RB=… a renkei-bench binary to reuse)
# Wall clock: each row runs renkei and its peer in BLOCKS alternating hyperfine blocks of RUNS runs
# (Benchmarks/wall_paired.py), both pinned to CPU PIN (PIN= to leave them unpinned), so a burst of
# load hits both sides; "block ratios" shows the lowest and highest ratio of single blocks.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
export LANG=C.UTF-8 LC_ALL=C.UTF-8 RENKEI_DATA=$ROOT/Data RENKEI_TODAY=2026-11-23
N=${N:-1000}
DIR=${BENCH_DIR:-/tmp/renkei-startup}
BLOCKS=${BLOCKS:-12}
RUNS=${RUNS:-10}
PIN=${PIN-1}
mkdir -p "$DIR"
for tool in valgrind hyperfine task; do
  command -v $tool >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq valgrind hyperfine taskwarrior >/dev/null
done
if [ -z "${BIN:-}" ]; then
  swift build -c release --static-swift-stdlib --product renkei >&2
  BIN=$ROOT/.build/release/renkei
fi
if [ -z "${RB:-}" ]; then
  swift build --product renkei-bench >&2   # only generates the taskwarrior tasks
  RB=$ROOT/.build/debug/renkei-bench
fi

# The floor: Foundation imported, one line printed, built like renkei.
cat > "$DIR/floor.swift" <<'SWIFT'
import Foundation
print("hello \(ProcessInfo.processInfo.arguments.count)")
SWIFT
swiftc -O -static-stdlib "$DIR/floor.swift" -o "$DIR/floor" 2>/dev/null

WS=$DIR/ws-$N; EMPTY=$DIR/ws-empty; TW=$DIR/tw-$N
[ "$(ls "$WS/cases" 2>/dev/null | wc -l)" = "$N" ] || { rm -rf "$WS"; "$BIN" dev generate --cases "$N" --seed 7 --workspace "$WS" --quiet; }
[ -d "$EMPTY/cases" ] || "$BIN" init "$EMPTY" >/dev/null 2>&1
export TASKRC=$TW/taskrc
TASK="task rc.data.location=$TW rc.confirmation=no rc.verbose=nothing rc.hooks=off"
if [ "$($TASK count 2>/dev/null || echo 0)" != "$N" ]; then
  rm -rf "$TW"; mkdir -p "$TW"; : > "$TW/taskrc"
  "$RB" taskwarrior --tasks "$N" --seed 7 --today 2026-11-23 --out "$TW/tasks.json" >/dev/null
  $TASK import "$TW/tasks.json" >/dev/null
fi
ID=$(printf "c-%04d" $((N / 2)))
# Warm the indexes and caches once. Files written less than 2 s before an index scan are re-read
# on every run (SummaryIndex.racySlackNs, git's racily-clean rule), so a workspace generated just
# now is left to age first: otherwise the first measured run rebuilds the index (731 M, not 8.7 M).
sleep 3
for ws in "$WS" "$EMPTY"; do "$BIN" --workspace "$ws" list --count >/dev/null; done
$TASK count >/dev/null

instr() { valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null | awk '/Collected/ { print $4 }'; }
paired_ms() { python3 "$ROOT/Benchmarks/wall_paired.py" --blocks "$BLOCKS" --runs "$RUNS" ${PIN:+--pin "$PIN"} "$1" "$2"; }

floor=$(instr "$DIR/floor")
echo "| command | renkei instr. | peer | peer instr. | ratio (instr.) | renkei ms | peer ms | ratio (ms) | block ratios |"
echo "|---|---:|---|---:|---:|---:|---:|---:|---:|"
row() {  # label renkei-args… -- peer command
  local label=$1; shift
  local args=() ; while [ "$1" != "--" ]; do args+=("$1"); shift; done; shift
  local peer="$*"
  local r p wall
  r=$(instr "$BIN" "${args[@]}")
  if [ "$peer" = floor ]; then p=$floor; wall=$(paired_ms "$BIN ${args[*]}" "$DIR/floor"); peer="Foundation floor"
  else p=$(instr $peer); wall=$(paired_ms "$BIN ${args[*]}" "$peer"); fi
  python3 - "$label" "$r" "$peer" "$p" $wall <<'PY'
import re, sys
label, r, peer, p, rm, pm, ratio, lo, hi = sys.argv[1:]
r, p = int(r), int(p)
peer = re.sub(r" rc\.\S+", "", peer)   # the task command without its rc.* settings
print(f"| `{label}` | {r/1e6:.1f} M | `{peer}` | {p/1e6:.1f} M | {r/p:.2f}× | {rm} | {pm} | {ratio}× | {lo}–{hi} |")
PY
}
row "list --count (empty workspace)" --workspace "$EMPTY" list --count -- floor
row "overdue --count (empty workspace)" --workspace "$EMPTY" overdue --count -- floor
row "--version" --version -- floor
row "list --count ($N)" --workspace "$WS" list --count -- $TASK count
row "overdue --count ($N)" --workspace "$WS" overdue --count -- $TASK +OVERDUE count
row "list --search 狭山 --limit 50 ($N)" --workspace "$WS" list --search 狭山 --limit 50 -- $TASK /狭山/ limit:50 list
row "show $ID ($N)" --workspace "$WS" show "$ID" -- $TASK $((N / 2)) information
echo
echo "Machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); renkei $("$BIN" --version | cut -d' ' -f2-); $(task --version | head -1 | sed 's/^/task /')"
# The release link exports nothing (Sources/renkei/Link/exports.map): a few hundred here would
# mean the version script stopped applying and every library binding probes our symbols again.
echo "Dynamic symbols defined by the renkei binary: $(readelf --dyn-syms -W "$BIN" | awk 'NR > 3 && $7 != "UND"' | wc -l) (release link: expected under 10)"
