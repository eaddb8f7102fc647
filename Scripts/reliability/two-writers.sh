#!/usr/bin/env bash
# Two renkei processes on one workspace (issue 7): two shell loops each run `renkei note` N times
# on the same case, as fast as they can. No update may be lost: every acknowledged note is in
# the case, the note count equals the acknowledgements, each note has exactly one event, the
# event log has no hole and the revision counts every save. A run that is refused (exit 4, lock
# timeout) is allowed but counted — it is reported to the user, not lost.
#   Scripts/reliability/two-writers.sh [edits-per-writer=1000]     (RENKEI_BIN to pick the binary)
set -uo pipefail
cd "$(dirname "$0")/../.."
N=${1:-1000}
BIN=${RENKEI_BIN:-$PWD/.build/debug/renkei}
export RENKEI_DATA=${RENKEI_DATA:-$PWD/Data} RENKEI_TODAY=2026-11-23 LANG=C.UTF-8
unset RENKEI_WORKSPACE
WORK=$(mktemp -d /tmp/renkei-two.XXXXXX)
WS=$WORK/ws
"$BIN" init "$WS" >/dev/null && "$BIN" new --workspace "$WS" --id c-0001 --title "two writers" --municipality 豊中市 >/dev/null || { echo "two-writers: setup failed"; exit 2; }
writer() {   # name
  local acks=$WORK/acks.$1 refused=0
  : > "$acks"
  for i in $(seq 1 "$N"); do
    if out=$(RENKEI_ACTOR=$1 "$BIN" note --workspace "$WS" c-0001 "$1-$i" 2>"$WORK/err.$1"); then
      [[ $out == *"note added"* ]] && echo "$1-$i" >> "$acks"
    else
      echo "$?: $(cat "$WORK/err.$1")" >> "$WORK/refused.$1"
    fi
  done
}
start=$(date +%s)
writer alice & a=$!
writer bob & b=$!
wait $a $b
secs=$(( $(date +%s) - start ))
"$BIN" show --workspace "$WS" c-0001 --json > "$WORK/case.json" || { echo "two-writers: show failed"; exit 1; }
"$BIN" validate --workspace "$WS" > "$WORK/validate" 2>&1; vrc=$?
python3 - "$WORK" > "$WORK/verdict" 2>"$WORK/verdict.err" <<'PY'
import json, sys, os
w = sys.argv[1]
c = json.load(open(os.path.join(w, "case.json")))
acks = []
for who in ("alice", "bob"):
    acks += [l.strip() for l in open(os.path.join(w, "acks." + who)) if l.strip()]
refused = sum(len(open(os.path.join(w, "refused." + who)).read().splitlines()) for who in ("alice", "bob") if os.path.exists(os.path.join(w, "refused." + who)))
texts = [n["text"] for n in c["notes"]]
problems = []
missing = [a for a in acks if a not in texts]
if missing: problems.append(f"{len(missing)} acknowledged notes missing, e.g. {missing[:5]}")
if len(texts) != len(set(texts)): problems.append("a note was saved twice")
extra = set(texts) - set(acks)
note_events = [e for e in c["events"] if e["kind"] == "note-added"]
if len(note_events) != len(texts): problems.append(f"{len(note_events)} note events for {len(texts)} notes")
seqs = [e["seq"] for e in c["events"]]
if seqs != list(range(1, len(seqs) + 1)): problems.append("event log has holes")
if c["revision"] != 1 + len(texts): problems.append(f"revision {c['revision']} != 1 + {len(texts)} saves")
ids = [n["id"] for n in c["notes"]]
if len(ids) != len(set(ids)): problems.append("duplicate note ids")
print(f"{len(acks)} {len(missing)} {refused} {len(texts)} {len(extra)} {len(problems)}")
for p in problems: print(" -", p, file=sys.stderr)
PY
read acks missing refused notes extra nproblems < "$WORK/verdict"
echo "two-writers: 2 × $N edits in ${secs}s, $acks acknowledged, $notes notes in the case ($extra saved but unacknowledged), $missing lost, $refused refused with a message, $nproblems problems, validate rc=$vrc (work dir $WORK)"
cat "$WORK/verdict.err"
if [ "$missing" != 0 ] || [ "$nproblems" != 0 ] || [ $vrc -ne 0 ]; then exit 1; fi
rm -rf "$WORK"
