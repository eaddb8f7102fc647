#!/usr/bin/env bash
# Team workspace sync at scale (issue 12): a 10,000-case workspace shared through a bare
# repository, 100 cases changed on each of two replicas. Measures (wall time, median of runs):
#   - `renkei sync` that merges the other side's 100 changes (end to end, incl. push),
#   - a no-op `renkei sync` (nothing changed anywhere; a local bare repository, so no network),
#   - `renkei merge-driver` on one case file (what git pays per file under plain `git pull`),
#   - plain `git pull` of the same change set (which runs the driver once per both-changed file),
#   - the summary index after the pull: `renkei dev index` says how many entries it reused and
#     how many files it decoded (incremental: about the changed ones, not all of them).
#   Benchmarks/sync.sh [cases=10000] [changed=100]        (RENKEI_BIN to pick the binary)
# Prints markdown rows for BENCHMARKS.md. Times are measured, never asserted.
set -uo pipefail
cd "$(dirname "$0")/.."
N=${1:-10000}; K=${2:-100}
BIN=${RENKEI_BIN:-$PWD/.build/release/renkei}
[ -x "$BIN" ] || BIN=$PWD/.build/debug/renkei
export RENKEI_DATA=$PWD/Data RENKEI_LANG=en GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1
unset RENKEI_WORKSPACE
W=$(mktemp -d /tmp/renkei-syncbench.XXXXXX)
trap 'rm -rf "$W"' EXIT
ms() { local s=$(date +%s%N); "$@" >/dev/null 2>&1; echo $(( ($(date +%s%N) - s) / 1000000 )); }
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
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
git -C "$W/a-git" add -A && git -C "$W/a-git" -c user.name=a -c user.email=a@x commit -qm a
s=$(date +%s%N)
if git -C "$W/a-git" -c user.name=a -c user.email=a@x pull -q --no-rebase origin main >"$W/pull.log" 2>&1; then pull_ok=ok
else pull_ok="FAILED: $(head -c 300 "$W/pull.log" | tr '\n' ' ')"; fi
pull=$(( ($(date +%s%N) - s) / 1000000 ))
"$BIN" dev index --workspace "$W/a" >/dev/null 2>&1     # a warm index before the pull, as in daily use
merge=$(ms env RENKEI_ACTOR=a "$BIN" sync --workspace "$W/a")
s=$(date +%s%N); idx=$("$BIN" dev index --workspace "$W/a" 2>&1 | tail -1); idxms=$(( ($(date +%s%N) - s) / 1000000 ))
t=(); for _ in 1 2 3 4 5; do t+=($(ms env RENKEI_ACTOR=a "$BIN" sync --workspace "$W/a")); done; noop=$(median "${t[@]}")
# one case file through the driver, as git calls it
f=$(echo "$ids" | head -1)
git -C "$W/a" show "HEAD~1:cases/$f.json" > "$W/base.json" 2>/dev/null || cp "$W/a/cases/$f.json" "$W/base.json"
d=(); for _ in $(seq 1 11); do cp "$W/a/cases/$f.json" "$W/ours.json"; d+=($(cd "$W/a" && ms "$BIN" merge-driver "$W/base.json" "$W/ours.json" "$W/b/cases/$f.json" "cases/$f.json")); done
driver=$(median "${d[@]}")
echo "| \`renkei sync\`, $N cases, $K changed on each side (merge + move-in + push) | ≤ 3 s | ${merge} ms |"
echo "| no-op \`renkei sync\`, $N cases (local bare repository) | ≤ 300 ms | ${noop} ms (median of 5) |"
echo "| \`renkei merge-driver\` on one case file (process start included) | ≤ 20 ms | ${driver} ms (median of 11) |"
echo "| index after the pull (\`renkei dev index\`, process included) | incremental | ${idxms} ms — ${idx} |"
echo "| plain \`git pull\` of the same $K-per-side change set (driver per file) | — | ${pull} ms (${pull_ok}) |"
