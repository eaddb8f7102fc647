#!/usr/bin/env bash
# Issue 12's convergence property by the thousand on a shared machine: the in-process property
# (Tests/RenkeiAppTests/SyncConvergencePropertyTests: 3 replicas + a bare repository, random
# data-changing operations incl. new cases, moves back, trash, undo/redo, random syncs; at the end
# byte-identical cases/ and trash/, every event once, validate) from a RELEASE build of the test
# product (the debug build took ~13 s a sequence at load 20 at stop 28), frozen in a copy so
# that rebuilds meanwhile cannot change what is being tested. Chunks of seeds run JOBS at a time,
# each chunk under the shared quiet lock and `nice -n 10` (so nobody's lock is held for long) and
# logged to its own file; a chunk that fails keeps its log, which names the seed (replay one
# with RENKEI_SYNC_SEED=<seed> RENKEI_SYNC_PROPERTY_SEQUENCES=1 RENKEI_SYNC_TRACE=1).
#   Scripts/reliability/sync-property-chunks.sh [sequences=3000] [chunk=50] [jobs=2] [steps=12] [first-seed=1]
# RENKEI_STOP_AT=HH:MM (UTC) starts no chunk after that time; RENKEI_SCRATCH is the build
# directory of the release test build (default .build-release-tests); RENKEI_RUN_DIR keeps the logs
# (default a new /tmp/renkei-sync-property.XXXXXX). Prints one line per chunk and a last line
# "sync-property: N of M sequences passed …" counting only chunks that finished green.
# The replicas live under RENKEI_PROPERTY_TMP (default /dev/shm): on a shared disk each sequence's
# fsyncs cost ~4× the whole sequence's CPU; what is checked (convergence, events, validate) does
# not depend on them, and kill -9 safety has its own test (SyncConvergenceCLITests). Before each
# chunk a worker waits while someone queues for the exclusive lock (a wall-clock measurement), so
# two overlapping workers never keep a benchmark out.
set -uo pipefail
cd "$(dirname "$0")/../.."
TOTAL=${1:-3000} CHUNK=${2:-50} JOBS=${3:-2} STEPS=${4:-12} FIRST=${5:-1}
SCRATCH=${RENKEI_SCRATCH:-.build-release-tests}
LOCK=/tmp/renkei-quiet.lock
STOP_AT=${RENKEI_STOP_AT:-}
export TMPDIR=${RENKEI_PROPERTY_TMP:-/dev/shm}/renkei-sync-property-$$
mkdir -p "$TMPDIR"; trap 'rm -rf "$TMPDIR"' EXIT
INODE=$(stat -c %i "$LOCK" 2>/dev/null || echo none)
# true while a process waits for the exclusive lock (/proc/locks lists waiters with "->")
exclusive_waiting() { grep -q -- "-> FLOCK  ADVISORY  WRITE [0-9]* [0-9a-f:]*:$INODE " /proc/locks; }
if [ -z "${RENKEI_SKIP_BUILD:-}" ]; then
  flock -s "$LOCK" nice -n 10 swift build -c release --build-tests -Xswiftc -enable-testing --scratch-path "$SCRATCH" >/dev/null \
    || { echo "sync-property: release build of the tests failed"; exit 2; }
fi
RUN=${RENKEI_RUN_DIR:-$(mktemp -d /tmp/renkei-sync-property.XXXXXX)}
mkdir -p "$RUN/bin"
# The bundle finds `renkei` (the merge driver it registers, `validate`) beside itself.
[ -x "$RUN/bin/renkeiPackageTests.xctest" ] || cp "$SCRATCH/release/renkeiPackageTests.xctest" "$SCRATCH/release/renkei" "$RUN/bin/"
echo "sync-property: commit $(git rev-parse --short HEAD), $TOTAL sequences × $STEPS steps from seed $FIRST, chunks of $CHUNK, $JOBS at a time; logs in $RUN"

# worker j runs chunks j, j+JOBS, j+2·JOBS, …
worker() {
  local j=$1 k seed n s rc
  for (( k = j; k * CHUNK < TOTAL; k += JOBS )); do
    if [ -n "$STOP_AT" ] && [[ "$(date -u +%H:%M)" > "$STOP_AT" || "$(date -u +%H:%M)" == "$STOP_AT" ]]; then
      echo "chunk $k: not started (past $STOP_AT)"; return
    fi
    for (( w = 0; w < 120; w++ )); do exclusive_waiting || break; sleep 5; done
    seed=$(( FIRST + k * CHUNK )); n=$(( TOTAL - k * CHUNK < CHUNK ? TOTAL - k * CHUNK : CHUNK ))
    s=$(date +%s)
    RENKEI_SYNC_PROPERTY_SEQUENCES=$n RENKEI_SYNC_PROPERTY_STEPS=$STEPS RENKEI_SYNC_SEED=$seed \
      flock -s "$LOCK" nice -n 10 "$RUN/bin/renkeiPackageTests.xctest" --testing-library swift-testing \
      --filter SyncConvergencePropertyTests >"$RUN/chunk-$seed.log" 2>&1
    rc=$?
    if [ $rc = 0 ] && grep -q "Test run with 1 test .* passed" "$RUN/chunk-$seed.log"; then
      echo "chunk $k: seeds $seed–$(( seed + n - 1 )) ($n) ok in $(( $(date +%s) - s ))s, load $(cut -d' ' -f1 /proc/loadavg), done $(date -u +%H:%M:%SZ)"
    else
      echo "chunk $k: seeds $seed–$(( seed + n - 1 )) ($n) FAILED rc=$rc, $(grep -c 'recorded an issue' "$RUN/chunk-$seed.log") issues — $RUN/chunk-$seed.log"
    fi
  done
}
start=$(date +%s)
for (( j = 0; j < JOBS; j++ )); do worker "$j" > "$RUN/worker-$j.txt" & done
wait
cat "$RUN"/worker-*.txt | sort -t' ' -k2 -n
ok=$(cat "$RUN"/worker-*.txt | grep " ok in " | sed -E 's/.*\(([0-9]+)\) ok in.*/\1/' | paste -sd+ | bc)
failed=$(cat "$RUN"/worker-*.txt | grep -c "FAILED")
echo "sync-property: ${ok:-0} of $TOTAL sequences × $STEPS steps passed (seeds from $FIRST), $failed chunks failed, in $(( $(date +%s) - start ))s"
[ "$failed" = 0 ]
