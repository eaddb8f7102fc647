#!/usr/bin/env bash
# kill -9 during `renkei import FILE --apply` of ROWS (default 10,000) kintone-style rows
# (Benchmarks/import_data.py), RUNS times (default 50). Each run starts from a fresh empty
# workspace, kills the import with SIGKILL either at a random instant of a typical run or when a
# random number of case files (or temp files) has appeared in cases/ (so most kills land in the
# write phase), then checks:
#   - every case file in cases/ parses and is complete: one event "imported from utf8.csv row N",
#     its id is kintone-N (the key column), N matches its row; no temp file is listed as a case;
#   - `renkei validate` exits 0;
#   - undo.json (if any) parses, and every id of an import entry that is not marked pending
#     is a case on disk (no acknowledged import is missing a case);
#   - re-running the same import completes it: exit 0, exactly ROWS cases kintone-1…kintone-ROWS,
#     each with exactly one import event (no duplicate, nothing written twice), no temp file left;
#   - `renkei undo` then `renkei undo` take the whole import back (cases/ empty), as a person
#     who wanted the import undone would expect after the interruption.
#   Scripts/reliability/import-kill-loop.sh [RUNS=50] [ROWS=10000]     (RENKEI_BIN to pick the binary)
# Prints one line per run and a summary "import-kill-loop: …"; exits 1 on any problem.
set -uo pipefail
cd "$(dirname "$0")/../.."
RUNS=${1:-50}
ROWS=${2:-10000}
BIN=${RENKEI_BIN:-$PWD/.build/debug/renkei}
export RENKEI_DATA=${RENKEI_DATA:-$PWD/Data} RENKEI_TODAY=2026-11-23 RENKEI_ACTOR=killer LANG=C.UTF-8 RENKEI_LANG=en
unset RENKEI_WORKSPACE
W=$(mktemp -d /tmp/renkei-import-kill.XXXXXX)
trap 'rm -rf "$W"' EXIT
python3 Benchmarks/import_data.py "$ROWS" "$W/d" >/dev/null || { echo "import-kill-loop: data failed"; exit 2; }
SRC=$W/d/utf8.csv MAP=$W/d/list.mapping.json
problems=0; killed=0; finished=0; in_write=0

check() {   # check WS PHASE → prints problems, returns their count
  python3 - "$1" "$2" "$ROWS" <<'PY'
import json, os, re, sys
ws, phase, rows = sys.argv[1], sys.argv[2], int(sys.argv[3])
cases = os.path.join(ws, "cases")
bad = []
names = os.listdir(cases) if os.path.isdir(cases) else []
temps = [n for n in names if n.startswith(".")]
ids = []
for n in names:
    if n.startswith(".") or not n.endswith(".json"): continue
    try:
        c = json.load(open(os.path.join(cases, n), encoding="utf-8"))
    except Exception as e:
        bad.append(f"{phase}: {n} does not parse: {e}"); continue
    cid = c.get("id")
    if n != f"{cid}.json": bad.append(f"{phase}: {n} holds id {cid}")
    m = re.fullmatch(r"kintone-(\d+)", cid or "")
    if not m or not (1 <= int(m.group(1)) <= rows): bad.append(f"{phase}: unexpected case {n}")
    imp = [e for e in c.get("events", []) if str(e.get("reason", "")).startswith("imported from utf8.csv row ")]
    if len(imp) != 1: bad.append(f"{phase}: {n} has {len(imp)} import events")
    elif m and imp[0]["reason"] != f"imported from utf8.csv row {int(m.group(1)) + 1}":
        bad.append(f"{phase}: {n} names {imp[0]['reason']}")
    ids.append(cid)
j = os.path.join(ws, "undo.json")
if os.path.exists(j):
    try:
        journal = json.load(open(j, encoding="utf-8"))
        have = set(ids)
        for e in journal.get("undo", []):
            if e.get("batch") and not e.get("pending"):
                missing = [i for i in e["batch"] if i not in have]
                if missing: bad.append(f"{phase}: undo entry {e['label']} names {len(missing)} cases not on disk, e.g. {missing[0]}")
    except Exception as e:
        bad.append(f"{phase}: undo.json does not parse: {e}")
if phase == "after re-run":
    if len(ids) != rows: bad.append(f"{phase}: {len(ids)} cases, expected {rows}")
    if temps: bad.append(f"{phase}: temp files left: {temps[:3]}")
print(f"{len(ids)} {len(temps)}")
for b in bad[:10]: print(b)
sys.exit(min(len(bad), 100))
PY
}

# A typical run's length (ms), to spread kills over start-up, planning and writing.
"$BIN" init "$W/cal" >/dev/null
s=$(date +%s%N); "$BIN" import "$SRC" --mapping "$MAP" --apply --workspace "$W/cal" >/dev/null 2>&1; e=$(date +%s%N)
T=$(( (e - s) / 1000000 )); rm -rf "$W/cal"
echo "import-kill-loop: a full --apply of $ROWS rows takes ~${T} ms here; $RUNS runs"

for i in $(seq 1 "$RUNS"); do
  ws=$W/ws; rm -rf "$ws"; "$BIN" init "$ws" >/dev/null
  "$BIN" import "$SRC" --mapping "$MAP" --apply --workspace "$ws" >"$W/out" 2>"$W/err" &
  pid=$!
  mode=$(( i % 3 ))
  if (( mode == 0 )); then
    ms=$(( T * (RANDOM % 110) / 100 )); how="at $ms ms"
    sleep "$(awk -v ms=$ms 'BEGIN { printf "%.3f", ms / 1000 }')"
  else
    # mode 1: when N temp files exist (writing); mode 2: when N cases are in place (renaming).
    target=$(( (RANDOM * 32768 + RANDOM) % ROWS + 1 ))
    if (( mode == 1 )); then how="at ≥ $target temp files"; else how="at ≥ $target cases in place"; fi
    while kill -0 "$pid" 2>/dev/null; do
      if (( mode == 1 )); then n=$(ls -A "$ws/cases" 2>/dev/null | grep -c '^\.'); else n=$(ls "$ws/cases" 2>/dev/null | wc -l); fi
      (( n >= target )) && break
      sleep 0.005
    done
  fi
  if kill -9 "$pid" 2>/dev/null; then killed=$((killed + 1)); k=killed; else finished=$((finished + 1)); k=finished; fi
  wait "$pid" 2>/dev/null
  out=$(check "$ws" "after the kill"); rc=$?
  read -r n temps <<<"$(head -1 <<<"$out")"
  (( n > 0 && n < ROWS )) && in_write=$((in_write + 1))
  msg="run $i: $k $how; $n cases, $temps temp files on disk"
  if (( rc )); then problems=$((problems + rc)); msg+="; $(tail -n +2 <<<"$out" | head -3 | tr '\n' ';')"; fi
  "$BIN" validate --workspace "$ws" >"$W/v" 2>&1 || { problems=$((problems + 1)); msg+="; validate: $(head -2 "$W/v" | tr '\n' ' ')"; }
  "$BIN" import "$SRC" --mapping "$MAP" --apply --workspace "$ws" >"$W/out2" 2>"$W/err2" \
    || { problems=$((problems + 1)); msg+="; re-run failed: $(head -1 "$W/err2")"; }
  out=$(check "$ws" "after re-run"); rc=$?
  if (( rc )); then problems=$((problems + rc)); msg+="; $(tail -n +2 <<<"$out" | head -3 | tr '\n' ';')"; fi
  # Undo until nothing is left of the import (at most two commands: the interrupted one and the re-run).
  for _ in 1 2 3; do
    [ -z "$(ls "$ws/cases")" ] && break
    "$BIN" undo --workspace "$ws" >"$W/u" 2>&1 || break
  done
  left=$(ls "$ws/cases" | wc -l)
  (( left == 0 )) || { problems=$((problems + 1)); msg+="; $left cases left after undoing: $(head -1 "$W/u")"; }
  echo "$msg"
done
echo "import-kill-loop: $RUNS runs ($killed killed, $finished finished first; $in_write left a partial import), $problems problems"
[ $problems -eq 0 ]
