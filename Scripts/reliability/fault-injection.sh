#!/usr/bin/env bash
# Fault injection at every I/O step (issue 18): every write path (case save, creation, undo,
# deletion, index write, quarantine, export, import batch) runs once per I/O step k with step k
# failing, then the workspace is audited (Tests/RenkeiStoreTests/FaultInjection). CI runs EIO,
# ENOSPC, EACCES and short writes on the 17 samples; this adds EMFILE and a larger workspace.
#   Scripts/reliability/fault-injection.sh [extra-cases=200]
set -uo pipefail
cd "$(dirname "$0")/../.."
EXTRA=${1:-200}
swift build --build-tests >/dev/null 2>&1 || { echo "fault-injection: build failed"; exit 2; }
for extra in 0 "$EXTRA"; do
  echo "== 17 samples + $extra generated cases, faults: EIO ENOSPC EACCES short-write EMFILE"
  RENKEI_FAULT_ALL=1 RENKEI_FAULT_CASES=$extra RENKEI_FAULT_STEPS=1 \
    nice -n 10 swift test --skip-build --filter "FaultInjectionTests|FaultFollowUpTests" 2>&1 \
    | grep -E "^STEPS|✘|^  |passed after|failed after|Fatal error" | cut -c1-160
  rc=${PIPESTATUS[0]}
  [ $rc -ne 0 ] && { echo "fault-injection: failed (rc $rc)"; exit $rc; }
done
echo "fault-injection: every step of every write path failed safely"
