#!/usr/bin/env bash
# TUI + CLI on one workspace (issue 7): the workbench, driven through tmux, adds N notes to a case
# (a, text, Ctrl-S, wait until the note is on disk) while a shell loop adds N notes to the same case with
# `renkei note`. No update may be lost: every note the TUI confirmed and every note the CLI
# acknowledged is in the case, each once, with one event each.
#   Scripts/reliability/tui-cli-writers.sh [notes-per-writer=100]   (RENKEI_BIN, RENKEI_DATA)
set -uo pipefail
cd "$(dirname "$0")/../.."
N=${1:-100}
BIN=${RENKEI_BIN:-$PWD/.build/debug/renkei}
command -v tmux >/dev/null || { echo "tui-cli-writers: tmux missing"; exit 2; }
export RENKEI_DATA=${RENKEI_DATA:-$PWD/Data} RENKEI_TODAY=2026-11-23 RENKEI_LANG=en LANG=C.UTF-8 TERM=xterm-256color
unset RENKEI_WORKSPACE
# A private tmux server: other test suites on this machine may run `tmux kill-server`.
TMUX_SOCK=renkei-rel-$$
trap 'tmux -L "$TMUX_SOCK" kill-server 2>/dev/null' EXIT
WORK=$(mktemp -d /tmp/renkei-tuicli.XXXXXX)
WS=$WORK/ws
"$BIN" init "$WS" >/dev/null && "$BIN" new --workspace "$WS" --id c-0001 --title "tui and cli" --municipality 狭山市 >/dev/null || { echo "setup failed"; exit 2; }
S=rtc$$
tmux -L "$TMUX_SOCK" new-session -d -s "$S" -x 120 -y 40 "exec env RENKEI_DATA='$RENKEI_DATA' RENKEI_TODAY=$RENKEI_TODAY RENKEI_ACTOR=tui RENKEI_LANG=en LANG=C.UTF-8 '$BIN' --workspace '$WS'"
tmux -L "$TMUX_SOCK" set -t "$S" remain-on-exit on >/dev/null   # if the TUI dies, keep its last screen and exit status
for _ in $(seq 1 100); do tmux -L "$TMUX_SOCK" capture-pane -p -t "$S" | grep -q "c-0001" && break; sleep 0.05; done
( for i in $(seq 1 "$N"); do
    out=$(RENKEI_ACTOR=cli "$BIN" note --workspace "$WS" c-0001 "cli-$i" 2>>"$WORK/cli.err") && [[ $out == *"note added"* ]] && echo "cli-$i" >> "$WORK/acks"
  done ) & cli=$!
tui_unconfirmed=0
for i in $(seq 1 "$N"); do
  tmux -L "$TMUX_SOCK" send-keys -t "$S" a; sleep 0.05
  tmux -L "$TMUX_SOCK" send-keys -t "$S" -l "tui-$i"; tmux -L "$TMUX_SOCK" send-keys -t "$S" C-s
  ok=0
  for _ in $(seq 1 200); do
    # Seen on disk = durable. (The "Saved" status line persists between notes, so it cannot
    # confirm one note; a lost update would make a note that was on disk vanish later.)
    if grep -q "\"tui-$i\"" "$WS/cases/c-0001.json" 2>/dev/null; then ok=1; break; fi
    sleep 0.02
  done
  if [ $ok = 1 ]; then echo "tui-$i" >> "$WORK/acks"; else tui_unconfirmed=$((tui_unconfirmed + 1)); tmux -L "$TMUX_SOCK" send-keys -t "$S" Escape; fi
  if [ "$(tmux -L "$TMUX_SOCK" display -p -t "$S" '#{pane_dead}')" = 1 ]; then
    echo "tui-cli-writers: the TUI exited (status $(tmux -L "$TMUX_SOCK" display -p -t "$S" '#{pane_dead_status}')) at note $i:"; tmux -L "$TMUX_SOCK" capture-pane -p -t "$S" | tail -8
    tmux -L "$TMUX_SOCK" kill-session -t "$S"; exit 1
  fi
done
wait $cli
sleep 1
screen=$(tmux -L "$TMUX_SOCK" capture-pane -p -t "$S")
tmux -L "$TMUX_SOCK" send-keys -t "$S" q; sleep 0.5; tmux -L "$TMUX_SOCK" kill-session -t "$S" 2>/dev/null
"$BIN" show --workspace "$WS" c-0001 --json > "$WORK/case.json"
"$BIN" validate --workspace "$WS" > "$WORK/validate" 2>&1; vrc=$?
read acks lost dup events < <(python3 - "$WORK" <<'PY'
import json, sys, os
w = sys.argv[1]
c = json.load(open(os.path.join(w, "case.json")))
texts = [n["text"] for n in c["notes"]]
acks = [l.strip() for l in open(os.path.join(w, "acks")) if l.strip()] if os.path.exists(os.path.join(w, "acks")) else []
ev = sum(1 for e in c["events"] if e["kind"] == "note-added")
print(len(acks), sum(1 for a in acks if a not in texts), len(texts) - len(set(texts)), 0 if ev == len(texts) else 1)
PY
)
echo "tui-cli-writers: $N TUI + $N CLI notes, $acks acknowledged, $lost lost, $dup duplicated, $tui_unconfirmed TUI saves not confirmed within 4 s, note/event mismatch $events, validate rc=$vrc (work dir $WORK)"
if [ "$lost" != 0 ] || [ "$dup" != 0 ] || [ "$events" != 0 ] || [ $vrc -ne 0 ]; then echo "$screen" | tail -5; exit 1; fi
rm -rf "$WORK"
