#!/usr/bin/env bash
# renkei benchmark harness — NOT for CI (minutes of runtime; 100,000 cases take ~1 GB of disk).
#
#   Benchmarks/run.sh                      1,000 and 10,000 cases → BENCHMARKS.md
#   SIZES="1000 10000 100000" Benchmarks/run.sh
#   BENCH_DIR=/tmp/renkei-bench RUNS=20 SKIP_BUILD=1 OUT=BENCHMARKS.md Benchmarks/run.sh
#   BIN=/path/to/release/bin SKIP_BUILD=1 Benchmarks/run.sh     (binaries built elsewhere)
#
# For each size it generates a workspace (`renkei dev generate`, seed 7) and a taskwarrior data
# directory with the same number of tasks (same Japanese titles, same next-action due dates so
# +OVERDUE counts something), then runs hyperfine side by side and `renkei-bench inproc` for
# in-process figures, and writes the results with the machine description to $OUT.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
export LANG=C.UTF-8 LC_ALL=C.UTF-8
SIZES=${SIZES:-"1000 10000"}
RUNS=${RUNS:-20}
COLD_RUNS=${COLD_RUNS:-5}
BENCH_DIR=${BENCH_DIR:-/tmp/renkei-bench}
OUT=${OUT:-$ROOT/BENCHMARKS.md}
SEED=7
TODAY=2026-11-23
export RENKEI_DATA=${RENKEI_DATA:-$ROOT/Data}
export RENKEI_TODAY=$TODAY
mkdir -p "$BENCH_DIR"
chmod 700 "$BENCH_DIR"

need() { command -v "$1" >/dev/null 2>&1; }
# Id of the first generated case: c-0001, c-00001 for 10,000+, c-000001 for 100,000+.
first_id() { local w=${#1}; [ "$w" -lt 4 ] && w=4; printf "c-%0${w}d" 1; }
if ! need hyperfine || ! need task; then
    echo "installing hyperfine and taskwarrior (comparison only, not a dependency of renkei)…" >&2
    SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
    $SUDO apt-get install -y hyperfine taskwarrior >/dev/null || { $SUDO apt-get update >/dev/null && $SUDO apt-get install -y hyperfine taskwarrior >/dev/null; }
fi

if [ -z "${SKIP_BUILD:-}" ]; then
    swift build -c release --product renkei >&2
    swift build -c release --product renkei-bench >&2
fi
BIN=${BIN:-$(swift build -c release --show-bin-path)}
R=$BIN/renkei
RB=$BIN/renkei-bench
RESULTS=$BENCH_DIR/results
# Generation and import are timed only when a workspace is created; keep those times for the
# workspaces this run reuses, and start every other result afresh.
mkdir -p "$RESULTS"; find "$RESULTS" -type f ! -name 'gen-*.time' ! -name 'twimport-*.time' -delete

load() { cut -d' ' -f1-3 /proc/loadavg; }
echo "load_start $(load)" > "$RESULTS/machine.txt"

HAS_OVERDUE=0
for N in $SIZES; do
    WS=$BENCH_DIR/ws-$N
    TW=$BENCH_DIR/tw-$N
    echo "== $N cases" >&2
    # Workspace (regenerated only when missing or of another size).
    have=$(ls "$WS/cases" 2>/dev/null | wc -l || true)
    if [ "$have" != "$N" ]; then
        rm -rf "$WS"
        /usr/bin/time -f "%e s, %M KB max RSS" -o "$RESULTS/gen-$N.time" "$R" dev generate --cases "$N" --seed $SEED --workspace "$WS" --quiet
    fi
    chmod -R go-rwx "$WS"
    du -sk "$WS/cases" | cut -f1 > "$RESULTS/size-$N.kb"

    # taskwarrior: same titles, same due dates; `task import` of one JSON file.
    if [ "$(TASKRC=$TW/taskrc task rc.data.location=$TW rc.verbose=nothing count 2>/dev/null || echo 0)" != "$N" ]; then
        rm -rf "$TW"; mkdir -p "$TW"; : > "$TW/taskrc"
        "$RB" taskwarrior --tasks "$N" --seed $SEED --today $TODAY --out "$TW/tasks.json" >/dev/null
        /usr/bin/time -f "%e s" -o "$RESULTS/twimport-$N.time" \
            env TASKRC=$TW/taskrc task rc.data.location=$TW rc.confirmation=no rc.verbose=nothing rc.hooks=off import "$TW/tasks.json" >/dev/null
    fi
    TASK="env TASKRC=$TW/taskrc task rc.data.location=$TW rc.confirmation=no rc.verbose=nothing"
    $TASK count > "$RESULTS/twcount-$N.txt"
    $TASK +OVERDUE count > "$RESULTS/twoverdue-$N.txt"

    # Cold: no index (deleted before each run); file contents in the page cache.
    sleep 2.1   # files younger than 2 s are "racily clean" and re-read: let them age
    hyperfine -N --runs "$COLD_RUNS" --prepare "rm -rf $WS/.index" --export-json "$RESULTS/cold-$N.json" \
        "$R list --count --workspace $WS" >/dev/null
    # Warm the index (twice: the first write may still see racy entries).
    "$R" list --count --workspace "$WS" >/dev/null; sleep 2.1; "$R" dev index --workspace "$WS" > "$RESULTS/index-$N.txt"
    du -sk "$WS/.index" | cut -f1 > "$RESULTS/indexsize-$N.kb"
    "$R" list --count --workspace "$WS" > "$RESULTS/count-$N.txt"
    "$R" list --search 狭山 --workspace "$WS" --count > "$RESULTS/sayama-$N.txt"

    hyperfine -N --warmup 3 --runs "$RUNS" --export-json "$RESULTS/count-$N.json" \
        -n "renkei list --count" "$R list --count --workspace $WS" \
        -n "task count" "$TASK count" >/dev/null
    hyperfine -N --warmup 3 --runs "$RUNS" --export-json "$RESULTS/search-$N.json" \
        -n "renkei list --search 狭山 --limit 50" "$R list --search 狭山 --limit 50 --workspace $WS" \
        -n "task list limit:50" "$TASK list limit:50" >/dev/null
    if "$R" overdue --count --workspace "$WS" > "$RESULTS/overdue-$N.txt" 2>/dev/null; then
        HAS_OVERDUE=1
        hyperfine -N --warmup 3 --runs "$RUNS" --export-json "$RESULTS/overdue-$N.json" \
            -n "renkei overdue --count" "$R overdue --count --workspace $WS" \
            -n "task +OVERDUE count" "$TASK +OVERDUE count" >/dev/null
    fi
    hyperfine -N --warmup 3 --runs "$RUNS" --export-json "$RESULTS/list-$N.json" \
        -n "renkei list (all rows, table)" "$R list --workspace $WS" \
        -n "task list" "$TASK list" >/dev/null
    # One durable edit end to end (process start, lock, read, write+fsync, journal).
    hyperfine -N --warmup 2 --runs "$RUNS" --export-json "$RESULTS/edit-$N.json" \
        -n "renkei note (one durable edit, CLI)" "$R note $(first_id "$N") bench --workspace $WS" >/dev/null 2>&1 || true
    # Reports and insight as a user runs them (process start included).
    ID=$(first_id "$N")
    hyperfine -N --warmup 2 --runs "$RUNS" --export-json "$RESULTS/cli-$N.json" \
        -n "renkei export ID --format md" "$R export $ID --format md -o $BENCH_DIR/report-$N.md --force --workspace $WS" \
        -n "renkei export ID --format html" "$R export $ID --format html -o $BENCH_DIR/report-$N.html --force --workspace $WS" \
        -n "renkei similar ID" "$R similar $ID --workspace $WS" \
        -n "renkei funnel" "$R funnel --workspace $WS" >/dev/null
    hyperfine -N --warmup 1 --runs "$COLD_RUNS" --export-json "$RESULTS/csv-$N.json" \
        -n "renkei export --all --format csv" "$R export --all --format csv -o $BENCH_DIR/portfolio-$N.csv --force --workspace $WS" >/dev/null
    /usr/bin/time -f "%M" -o "$RESULTS/rss-list-$N.kb" "$R" list --workspace "$WS" >/dev/null
    "$RB" inproc --workspace "$WS" --runs "$RUNS" > "$RESULTS/inproc-$N.txt"
    "$R" list --count --workspace "$WS" >/dev/null; sleep 2.1; "$R" list --count --workspace "$WS" >/dev/null
    "$RB" ui --workspace "$WS" --runs "$RUNS" > "$RESULTS/ui-$N.txt"          # TUI, reports, insight
    "$ROOT/Benchmarks/tui-rss.sh" "$WS" "$BIN" > "$RESULTS/tui-$N.txt" || true   # real terminal (tmux)
    "$R" list --count --workspace "$WS" >/dev/null   # leave a warm index behind
done

# Start-up cost.
EMPTY=$BENCH_DIR/ws-empty
[ -d "$EMPTY/cases" ] || "$R" init "$EMPTY" >/dev/null
hyperfine -N --warmup 3 --runs "$RUNS" --export-json "$RESULTS/startup.json" \
    -n "renkei --help" "$R --help" \
    -n "renkei list --count (empty workspace)" "$R list --count --workspace $EMPTY" \
    -n "task --version" "task --version" >/dev/null

{
    echo "load_end $(load)"
    echo "nproc $(nproc)"
    echo "cpu $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
    echo "mem $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)"
    echo "kernel $(uname -sr)"
    echo "swift $(swift --version 2>&1 | head -1)"
    echo "hyperfine $(hyperfine --version)"
    echo "task $(task --version)"
    echo "fs $(df -T "$BENCH_DIR" | awk 'NR==2 {print $2}')"
    echo "date $(date -u +%Y-%m-%dT%H:%MZ)"
    echo "commit $(git rev-parse --short HEAD)"
    echo "has_overdue $HAS_OVERDUE"
} >> "$RESULTS/machine.txt"

python3 "$ROOT/Benchmarks/report.py" "$RESULTS" "$SIZES" "$BENCH_DIR" > "$OUT"
echo "wrote $OUT" >&2
