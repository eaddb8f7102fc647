#!/usr/bin/env bash
# TUI in a real terminal (tmux, private socket): time to first frame (the workbench's own
# timestamps over FF_RUNS launches, and once as seen by capture-pane polling every 10 ms)
# and peak RSS (VmHWM) after the first frame, after scrolling, after opening a case, after the
# board. Usage: Benchmarks/tui-rss.sh WORKSPACE [BIN]   (prints `key value` lines)
set -euo pipefail
WS=$1
BIN=${2:-$(cd "$(dirname "$0")/.." && swift build -c release --show-bin-path)}
export LANG=C.UTF-8 LC_ALL=C.UTF-8
T="tmux -L bench"
$T kill-server 2>/dev/null || true
hwm() { awk '/VmHWM/ {printf "%.1f", $2/1024}' /proc/$1/status; }
rss() { awk '/VmRSS/ {printf "%.1f", $2/1024}' /proc/$1/status; }
# Wait until the pane shows the list header (count of cases) and stops changing.
settle() { local prev="" cur; for _ in $(seq 1 400); do cur=$($T capture-pane -p -t b); if [ "$cur" = "$prev" ] && grep -q "$1" <<<"$cur"; then return 0; fi; prev=$cur; sleep 0.05; done; echo "timeout waiting for $1" >&2; $T capture-pane -p -t b >&2; return 1; }
# First frame, FF_RUNS launches (default 7): launch → list drawn and main() → list drawn, from the
# workbench's own timestamps (RENKEI_TRACE_FIRST_FRAME) — no capture polling in these figures.
froms=(); mains=(); completes=()
for _ in $(seq 1 "${FF_RUNS:-7}"); do
    TRACE=$(mktemp)
    t0=$(date +%s%N)
    LANG=C.UTF-8 $T -u new-session -d -s f -x 120 -y 40 "env RENKEI_TODAY=${RENKEI_TODAY:-2026-11-23} RENKEI_TRACE_FIRST_FRAME=$TRACE $BIN/renkei --workspace $WS"
    for _ in $(seq 1 500); do [ -s "$TRACE" ] && break; sleep 0.01; done
    sleep 0.4   # let the deadline column finish (its own line in the trace)
    read -r entry frame phases < "$TRACE"; echo "tui.first_frame_phases $phases $(grep -o 'deadlines_complete=[0-9.]*' "$TRACE" || true)"
    froms+=($(( (frame - t0) / 1000000 ))); mains+=($(( (frame - entry) / 1000000 )))
    done_ms=$(grep -o 'deadlines_complete=[0-9]*' "$TRACE" | cut -d= -f2 || true); [ -n "$done_ms" ] && completes+=("$done_ms")
    $T kill-session -t f 2>/dev/null || true; rm -f "$TRACE"
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "tui.first_frame_from_launch_ms $(median "${froms[@]}") all ${froms[*]}"
echo "tui.first_frame_from_main_ms $(median "${mains[@]}") all ${mains[*]}"
# On a large portfolio the first frame carries the deadlines of the rows on screen; the rest of
# the column (needed only to scroll or sort by deadline) arrives from a worker right after.
[ ${#completes[@]} -gt 0 ] && echo "tui.deadlines_complete_from_main_ms $(median "${completes[@]}") all ${completes[*]}"
$T kill-server 2>/dev/null || true

TRACE=$(mktemp)
start=$(date +%s%N)
LANG=C.UTF-8 $T -u new-session -d -s b -x 120 -y 40 "env RENKEI_TODAY=${RENKEI_TODAY:-2026-11-23} RENKEI_TRACE_FIRST_FRAME=$TRACE $BIN/renkei --workspace $WS"
pid=""
for _ in $(seq 1 200); do pid=$(pgrep -n -P "$($T display -p -t b '#{pane_pid}')" renkei 2>/dev/null || $T display -p -t b '#{pane_pid}'); [ -n "$pid" ] && break; sleep 0.01; done
# First frame: the first capture that shows a case id.
for _ in $(seq 1 1000); do if $T capture-pane -p -t b | grep -q 'c-0'; then break; fi; sleep 0.01; done
echo "tui.first_frame_wall_ms $(( ($(date +%s%N) - start) / 1000000 ))"
rm -f "$TRACE"
echo "tui.pid $pid $(tr '\0' ' ' < /proc/$pid/cmdline)"
settle 'c-0'
echo "tui.rss_first_frame_mb hwm $(hwm $pid) rss $(rss $pid)"
for _ in $(seq 1 30); do $T send-keys -t b NPage; done; $T send-keys -t b G; sleep 0.5; $T send-keys -t b g; sleep 0.5
settle 'c-0'
echo "tui.rss_after_scroll_mb hwm $(hwm $pid) rss $(rss $pid)"
$T send-keys -t b / 狭山 Enter; sleep 1; $T send-keys -t b Escape; sleep 0.5
echo "tui.rss_after_filter_mb hwm $(hwm $pid) rss $(rss $pid)"
$T send-keys -t b Enter; sleep 1; for k in 2 3 4 5 6 1; do $T send-keys -t b $k; sleep 0.2; done
echo "tui.rss_after_open_case_mb hwm $(hwm $pid) rss $(rss $pid)"
$T send-keys -t b Escape; sleep 0.3; $T send-keys -t b b; sleep 0.5; $T send-keys -t b l l j j; sleep 0.5
echo "tui.rss_after_board_mb hwm $(hwm $pid) rss $(rss $pid)"
$T capture-pane -p -t b | head -3 | sed 's/^/tui.screen| /'
$T send-keys -t b Escape q; sleep 0.5
$T kill-server 2>/dev/null || true
