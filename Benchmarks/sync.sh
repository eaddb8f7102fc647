#!/usr/bin/env bash
# Team workspace sync at scale (issue 12): a 10,000-case workspace shared through a bare
# repository, 100 cases changed on each of two replicas. Measures:
#   - `renkei sync` that merges the other side's 100 changes (end to end, incl. push): wall time,
#     and CPU time (user+sys of renkei and every git it ran) — the figure that stays put when
#     other work shares the machine,
#   - a no-op `renkei sync` (nothing changed anywhere; a local bare repository, so no network):
#     wall and CPU time, and renkei's own instructions by callgrind through the start-up shortcut
#     and through ArgumentParser (RENKEI_NO_QUICK=1),
#   - `renkei merge-driver` on one case file (what git pays per file under plain `git pull`):
#     wall time, and instructions counted by callgrind (with `renkei --version` beside it: the
#     process start every command pays),
#   - plain `git pull` of the same change set (which runs the driver once per both-changed file),
#   - the summary index after the pull: `renkei dev index` says how many entries it reused and
#     how many files it decoded (incremental: about the changed ones, not all of them),
#   - how many git processes the merging sync ran (GIT_TRACE2, on a copy, not timed).
#   nice -n 10 bash Benchmarks/sync.sh [cases=10000] [changed=100]
# RENKEI_BIN picks the binary (default .build/release/renkei; build it as install does:
# `swift build -c release --static-swift-stdlib --product renkei`). Unattended: no prompts, temp
# files removed, valgrind optional. Prints markdown rows for BENCHMARKS.md; nothing is asserted.
set -uo pipefail
cd "$(dirname "$0")/.."
N=${1:-10000}; K=${2:-100}
BIN=${RENKEI_BIN:-$PWD/.build/release/renkei}
[ -x "$BIN" ] || BIN=$PWD/.build/debug/renkei
export RENKEI_DATA=$PWD/Data RENKEI_LANG=en GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1 LC_ALL=C.UTF-8
unset RENKEI_WORKSPACE
W=$(mktemp -d /tmp/renkei-syncbench.XXXXXX)
trap 'rm -rf "$W"' EXIT
load() { cut -d' ' -f1-3 /proc/loadavg; }
ms() { local s=$(date +%s%N); "$@" >/dev/null 2>&1; echo $(( ($(date +%s%N) - s) / 1000000 )); }
# "wall_ms cpu_ms" of a command; CPU is user+sys of it and the children it waited for.
wallcpu() {
  local s=$(date +%s%N)
  if [ -x /usr/bin/time ]; then /usr/bin/time -f "%U %S" -o "$W/time" "$@" >/dev/null 2>&1; else "$@" >/dev/null 2>&1; echo "-0.001 0" > "$W/time"; fi
  local e=$(date +%s%N)
  echo "$(( (e - s) / 1000000 )) $(awk '{printf "%d", ($1 + $2) * 1000}' "$W/time")"
}
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "<!-- $(date -u +%FT%TZ) commit $(git rev-parse --short HEAD 2>/dev/null) binary $BIN; $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); load at start $(load) -->"
git init -q --bare "$W/hub.git"
RENKEI_ACTOR=setup "$BIN" dev generate --cases "$N" --workspace "$W/a" --quiet
RENKEI_ACTOR=setup "$BIN" sync init --remote "$W/hub.git" --workspace "$W/a" >/dev/null
RENKEI_ACTOR=b "$BIN" clone "$W/hub.git" "$W/b" >/dev/null
ids=$(ls "$W/a/cases" | head -n "$K" | sed 's/\.json$//')
for id in $ids; do RENKEI_ACTOR=a "$BIN" note "$id" "a の変更" --workspace "$W/a" >/dev/null; done
for id in $ids; do RENKEI_ACTOR=b "$BIN" set "$id" department "企画課" --workspace "$W/b" >/dev/null; done
RENKEI_ACTOR=b "$BIN" sync --workspace "$W/b" >/dev/null
# plain git pull of the same change set, on a copy of a (the driver runs once per case file)
cp -a "$W/a" "$W/a-git"
cp -a "$W/a" "$W/a-trace"
git -C "$W/a-git" update-index -q --refresh >/dev/null; git -C "$W/a-trace" update-index -q --refresh >/dev/null
git -C "$W/a-git" add -A && git -C "$W/a-git" -c user.name=a -c user.email=a@x commit -qm a
pull_load=$(load)
s=$(date +%s%N)
if git -C "$W/a-git" -c user.name=a -c user.email=a@x pull -q --no-rebase origin main >"$W/pull.log" 2>&1; then pull_ok=ok
else pull_ok="FAILED: $(head -c 300 "$W/pull.log" | tr '\n' ' ')"; fi
pull=$(( ($(date +%s%N) - s) / 1000000 ))
"$BIN" dev index --workspace "$W/a" >/dev/null 2>&1     # a warm index before the pull, as in daily use
sync_load=$(load)
read -r merge merge_cpu <<<"$(wallcpu env RENKEI_ACTOR=a "$BIN" sync --workspace "$W/a")"
s=$(date +%s%N); idx=$("$BIN" dev index --workspace "$W/a" 2>&1 | tail -1); idxms=$(( ($(date +%s%N) - s) / 1000000 ))
t=(); c=(); for _ in 1 2 3 4 5; do read -r w u <<<"$(wallcpu env RENKEI_ACTOR=a "$BIN" sync --workspace "$W/a")"; t+=($w); c+=($u); done
noop=$(median "${t[@]}"); noop_cpu=$(median "${c[@]}")
# the same merging sync on the copy, traced: how many git processes it starts
RENKEI_ACTOR=a GIT_TRACE2_EVENT="$W/trace2" "$BIN" sync --workspace "$W/a-trace" >/dev/null 2>&1
gits=$(grep -c '"event":"start"' "$W/trace2" 2>/dev/null || echo "?")
# one case file through the driver, as git calls it
f=$(echo "$ids" | head -1)
git -C "$W/a" show "HEAD~1:cases/$f.json" > "$W/base.json" 2>/dev/null || cp "$W/a/cases/$f.json" "$W/base.json"
git -C "$W/a" show "HEAD^1:cases/$f.json" > "$W/ours0.json" 2>/dev/null || cp "$W/a/cases/$f.json" "$W/ours0.json"
git -C "$W/a" merge-base HEAD^1 HEAD^2 >/dev/null 2>&1 && git -C "$W/a" show "$(git -C "$W/a" merge-base HEAD^1 HEAD^2):cases/$f.json" > "$W/base.json"
d=(); for _ in $(seq 1 11); do cp "$W/ours0.json" "$W/ours.json"; d+=($(cd "$W/a" && ms "$BIN" merge-driver "$W/base.json" "$W/ours.json" "$W/b/cases/$f.json" "cases/$f.json")); done
driver=$(median "${d[@]}")
v=(); for _ in $(seq 1 11); do v+=($(ms "$BIN" --version)); done; version=$(median "${v[@]}")
instr="valgrind not installed"
if command -v valgrind >/dev/null; then
  # valgrind 3.19 cannot read DWARF 5: count on a copy without debug information.
  objcopy --strip-debug "$BIN" "$W/renkei-nodebug" 2>/dev/null || cp "$BIN" "$W/renkei-nodebug"
  cp "$W/ours0.json" "$W/ours.json"
  di=$(cd "$W/a" && valgrind --tool=callgrind --callgrind-out-file=/dev/null "$W/renkei-nodebug" merge-driver "$W/base.json" "$W/ours.json" "$W/b/cases/$f.json" "cases/$f.json" 2>&1 | sed -n 's/.*Collected : //p')
  vi=$(valgrind --tool=callgrind --callgrind-out-file=/dev/null "$W/renkei-nodebug" --version 2>&1 | sed -n 's/.*Collected : //p')
  instr="$(awk -v n="$di" 'BEGIN{printf "%.1f", n/1e6}') M instructions (\`--version\` alone $(awk -v n="$vi" 'BEGIN{printf "%.1f", n/1e6}') M)"
  # the no-op sync's own instructions (git's processes not traced): through the start-up
  # shortcut, and through ArgumentParser (RENKEI_NO_QUICK=1) — the same binary, the same work
  RENKEI_ACTOR=a valgrind --tool=callgrind --callgrind-out-file=/dev/null "$W/renkei-nodebug" sync --workspace "$W/a" >/dev/null 2>&1
  nq=$(RENKEI_ACTOR=a valgrind --tool=callgrind --callgrind-out-file=/dev/null "$W/renkei-nodebug" sync --workspace "$W/a" 2>&1 | sed -n 's/.*Collected : //p')
  na=$(RENKEI_NO_QUICK=1 RENKEI_ACTOR=a valgrind --tool=callgrind --callgrind-out-file=/dev/null "$W/renkei-nodebug" sync --workspace "$W/a" 2>&1 | sed -n 's/.*Collected : //p')
  noop_instr="; $(awk -v n="$nq" 'BEGIN{printf "%.1f", n/1e6}') M instructions in renkei itself ($(awk -v n="$na" 'BEGIN{printf "%.1f", n/1e6}') M through ArgumentParser)"
fi
echo "| \`renkei sync\`, $N cases, $K changed on each side (commit, fetch, merge, move-in, push) | ≤ 3 s | ${merge} ms wall, ${merge_cpu} ms CPU (renkei + its ${gits} git processes; load ${sync_load}) |"
echo "| no-op \`renkei sync\`, $N cases (local bare repository) | ≤ 300 ms | ${noop} ms wall, ${noop_cpu} ms CPU (medians of 5)${noop_instr:-} |"
echo "| \`renkei merge-driver\` on one case file (process start included) | ≤ 20 ms | ${driver} ms wall (median of 11; \`--version\` ${version} ms); ${instr} |"
echo "| index after the pull (\`renkei dev index\`, process included) | incremental | ${idxms} ms — ${idx} |"
echo "| plain \`git pull\` of the same $K-per-side change set (driver per file) | — | ${pull} ms (${pull_ok}; load ${pull_load}) |"
echo "<!-- load at end $(load) -->"
