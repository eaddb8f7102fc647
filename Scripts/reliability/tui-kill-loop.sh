#!/usr/bin/env bash
# kill -9 during TUI saves (issue 7). Each run starts the workbench in a detached tmux pane on a
# one-case workspace, adds a note (a, text, Ctrl-S) as a person would, captures the screen at a
# random instant and kills renkei with SIGKILL right after. A note is *acknowledged* when the
# captured screen already said "Saved" (the TUI shows it only after the durable write). Then:
# every file parses, every acknowledged note is present, the event log has no hole, stale temp
# files are cleaned by the next writer.
#   Scripts/reliability/tui-kill-loop.sh [iterations=200]     (RENKEI_BIN, RENKEI_DATA to pick the build)
set -uo pipefail
cd "$(dirname "$0")/../.."
N=${1:-200}
BIN=${RENKEI_BIN:-$PWD/.build/debug/renkei}
command -v tmux >/dev/null || { echo "tui-kill-loop: tmux missing"; exit 2; }
export RENKEI_DATA=${RENKEI_DATA:-$PWD/Data} RENKEI_TODAY=2026-11-23 RENKEI_ACTOR=tui-killer RENKEI_LANG=en LANG=C.UTF-8 TERM=xterm-256color
unset RENKEI_WORKSPACE
# A private tmux server: other test suites on this machine may run `tmux kill-server`.
TMUX_SOCK=renkei-rel-$$
trap 'tmux -L "$TMUX_SOCK" kill-server 2>/dev/null' EXIT
WORK=$(mktemp -d /tmp/renkei-tuikill.XXXXXX)
WS=$WORK/ws
"$BIN" init "$WS" >/dev/null && "$BIN" new --workspace "$WS" --id c-0001 --title "tui kill" --municipality 福岡市 >/dev/null || { echo "tui-kill-loop: setup failed"; exit 2; }
S=rkill$$
: > "$WORK/acks"
killed=0; saved_seen=0; not_started=0
for i in $(seq 1 "$N"); do
  tmux -L "$TMUX_SOCK" kill-session -t "$S" 2>/dev/null
  tmux -L "$TMUX_SOCK" new-session -d -s "$S" -x 120 -y 40 "exec env RENKEI_DATA='$RENKEI_DATA' RENKEI_TODAY=$RENKEI_TODAY RENKEI_ACTOR=$RENKEI_ACTOR RENKEI_LANG=en LANG=C.UTF-8 '$BIN' --workspace '$WS'"
  pid=$(tmux -L "$TMUX_SOCK" display -p -t "$S" '#{pane_pid}')
  ok=0
  for _ in $(seq 1 100); do tmux -L "$TMUX_SOCK" capture-pane -p -t "$S" | grep -q "c-0001" && { ok=1; break; }; sleep 0.05; done
  [ $ok = 1 ] || { not_started=$((not_started + 1)); kill -9 "$pid" 2>/dev/null; continue; }
  tmux -L "$TMUX_SOCK" send-keys -t "$S" a
  sleep 0.1
  tmux -L "$TMUX_SOCK" send-keys -t "$S" -l "tui-$i"
  tmux -L "$TMUX_SOCK" send-keys -t "$S" C-s
  sleep "0.$(( RANDOM % 2 ))$(( RANDOM % 10 ))$(( RANDOM % 10 ))"   # 0–199 ms after Ctrl-S: before, during or after the save
  screen=$(tmux -L "$TMUX_SOCK" capture-pane -p -t "$S")
  kill -9 "$pid" 2>/dev/null && killed=$((killed + 1))
  if grep -q "Saved" <<< "$screen"; then echo "tui-$i" >> "$WORK/acks"; saved_seen=$((saved_seen + 1)); fi
done
tmux -L "$TMUX_SOCK" kill-session -t "$S" 2>/dev/null
"$BIN" validate --workspace "$WS" > "$WORK/validate" 2>&1; vrc=$?
"$BIN" note --workspace "$WS" c-0001 "after the storm" >/dev/null 2>&1
stale=$(ls -A "$WS/cases" "$WS" | grep -c '^\.renkei-tmp-')
"$BIN" show --workspace "$WS" c-0001 --json > "$WORK/case.json"
read acks lost holes < <(python3 - "$WORK" <<'PY'
import json, sys, os
w = sys.argv[1]
c = json.load(open(os.path.join(w, "case.json")))
texts = {n["text"] for n in c["notes"]}
acks = [l.strip() for l in open(os.path.join(w, "acks")) if l.strip()]
seqs = [e["seq"] for e in c["events"]]
print(len(acks), sum(1 for a in acks if a not in texts), 0 if seqs == list(range(1, len(seqs) + 1)) else 1)
PY
)
echo "tui-kill-loop: $N runs ($killed killed, $not_started did not start), $acks saves acknowledged on screen, $lost lost, validate rc=$vrc, event-log holes $holes, stale temp files after the next write $stale (work dir $WORK)"
if [ $vrc -ne 0 ] || [ "$lost" != 0 ] || [ "$holes" != 0 ] || [ "$stale" != 0 ] || [ "$acks" = 0 ]; then cat "$WORK/validate"; exit 1; fi
rm -rf "$WORK"
