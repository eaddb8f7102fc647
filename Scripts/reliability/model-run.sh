#!/usr/bin/env bash
# Model-based run of the workbench (issue 18): seeded random keys and outside changes against the
# real runtime on temp workspaces, every step checked against a fresh load from disk; a failure
# is shrunk to a minimal sequence (printed as JSON for Tests/Fixtures/model-regressions/).
#   Scripts/reliability/model-run.sh [seed=1] [steps=2000] [runs=5]
# A crash (trap) of the test process leaves the sequence that caused it in $TRACE.
set -uo pipefail
cd "$(dirname "$0")/../.."
SEED=${1:-1} STEPS=${2:-2000} RUNS=${3:-5}
TRACE=${RENKEI_MODEL_TRACE:-$(mktemp /tmp/renkei-model-trace.XXXXXX.json)}
swift build --build-tests >/dev/null 2>&1 || { echo "model-run: build failed"; exit 2; }
RENKEI_MODEL_SEED=$SEED RENKEI_MODEL_STEPS=$STEPS RENKEI_MODEL_RUNS=$RUNS RENKEI_MODEL_TRACE=$TRACE \
  nice -n 10 swift test --skip-build --filter "ModelRunTests/randomSequencesAgreeWithTheDisk" 2>&1 \
  | grep -E "model run:|minimal failing|problems:|keep it|^\[|✘|passed after|failed after|Fatal error"
rc=${PIPESTATUS[0]}
[ $rc -ne 0 ] && echo "model-run: failed (rc $rc); the last sequence is in $TRACE"
exit $rc
