#!/usr/bin/env bash
# Team workspaces (issue 12): many seeded sequences of random edits on three replicas of one
# workspace and a bare repository, interleaved with random syncs — after a final round every
# replica holds byte-identical cases/ and trash/, no event is lost or doubled, validate passes —
# and kill -9 at a random instant of `renkei sync`, after which the next sync completes and no
# acknowledged edit is lost. Two forms of the convergence property: through the CLI (every
# operation a `renkei` process; Tests/RenkeiCLITests/SyncConvergenceCLITests, CI runs 2) and
# in-process through the same store calls and SyncEngine with real git (Tests/RenkeiAppTests/
# SyncConvergencePropertyTests, CI runs 300 sequences of 10 steps) — here thousands of those.
#   Scripts/reliability/sync-convergence.sh [sequences=1000] [kills=200] [steps=30] [seed=1] [property=3000] [property-steps=12]
# Prints one summary line starting with "sync-convergence:"; a failing seed is named in the output.
set -uo pipefail
cd "$(dirname "$0")/../.."
export RENKEI_SYNC_SEQUENCES=${1:-1000} RENKEI_SYNC_KILLS=${2:-200} RENKEI_SYNC_STEPS=${3:-30} RENKEI_SYNC_SEED=${4:-1}
export RENKEI_SYNC_PROPERTY_SEQUENCES=${5:-3000} RENKEI_SYNC_PROPERTY_STEPS=${6:-12}
swift build --build-tests >/dev/null || { echo "sync-convergence: build failed"; exit 2; }
LOG=$(mktemp /tmp/renkei-sync-convergence.XXXXXX)
start=$(date +%s)
nice -n 10 swift test --skip-build --filter "SyncConvergenceCLITests|SyncConvergencePropertyTests" >"$LOG" 2>&1
rc=$?
issues=$(grep -c "recorded an issue" "$LOG")
echo "sync-convergence: $RENKEI_SYNC_SEQUENCES CLI sequences × $RENKEI_SYNC_STEPS steps, $RENKEI_SYNC_PROPERTY_SEQUENCES in-process sequences × $RENKEI_SYNC_PROPERTY_STEPS steps, $RENKEI_SYNC_KILLS kills (seed $RENKEI_SYNC_SEED): $([ $rc = 0 ] && echo ok || echo "FAILED, $issues issues — see $LOG") in $(( $(date +%s) - start ))s"
[ $rc = 0 ] && rm -f "$LOG"
exit $rc
