#!/usr/bin/env bash
# kill -9 during saves (issue 7). Starts `renkei note|set|tick` on a temp workspace and kills it
# with SIGKILL at a random instant, N times; then checks that
#   - every case file parses (`renkei validate` exits 0, no damaged file),
#   - every acknowledged edit (the command printed success before the kill) is present,
#   - each case's event log is complete (seq 1..n, no hole) and revision == number of saves,
#   - no temp file is ever listed as a case, and stale temp files are cleaned by the next writer,
#   - `list --json` (index, if any) agrees with the case files (self-heals after kills),
#   - the undo journal still parses (`renkei undo` works).
#   Scripts/reliability/kill-loop.sh [iterations=1000]      (RENKEI_BIN to pick the binary)
# Prints one summary line starting with "kill-loop:" and exits non-zero if anything was lost.
set -uo pipefail
cd "$(dirname "$0")/../.."
N=${1:-1000}
BIN=${RENKEI_BIN:-$PWD/.build/debug/renkei}
export RENKEI_DATA=${RENKEI_DATA:-$PWD/Data} RENKEI_TODAY=2026-11-23 RENKEI_ACTOR=killer LANG=C.UTF-8
unset RENKEI_WORKSPACE
WORK=$(mktemp -d /tmp/renkei-kill.XXXXXX)
WS=$WORK/ws
CASES=8
"$BIN" init "$WS" >/dev/null || { echo "kill-loop: init failed"; exit 2; }
for c in $(seq 1 $CASES); do
  "$BIN" new --workspace "$WS" --id "c-000$c" --title "kill $c" --municipality 狭山市 >/dev/null || { echo "kill-loop: new failed"; exit 2; }
done
IDS=$(cd "$WS/cases" && ls | sed 's/\.json$//')
ITEMS=($("$BIN" show --workspace "$WS" c-0001 | awk '/^  \[[ x]\] /{print $3}'))
ACKS=$WORK/acks.tsv; : > "$ACKS"      # iter  case  kind  value
TRIED=$WORK/tried.tsv; : > "$TRIED"
killed=0; completed=0; temps_seen=0

calibrate() {   # median wall time of a note, in ms
  local t=()
  for _ in 1 2 3; do
    local s=$(date +%s%N); "$BIN" note --workspace "$WS" c-0001 calibrate >/dev/null; local e=$(date +%s%N)
    t+=($(( (e - s) / 1000000 )))
  done
  printf '%s\n' "${t[@]}" | sort -n | sed -n 2p
}
T=$(calibrate)

for i in $(seq 1 "$N"); do
  if (( i % 100 == 0 )); then T=$(calibrate); fi
  cid=c-000$(( (i % CASES) + 1 ))
  r=$(( RANDOM % 10 ))
  if (( r < 6 )); then kind=note; val="kill-$i"; args=(note --workspace "$WS" "$cid" "$val"); ok="note added"
  elif (( r < 8 )); then kind=set; val=$(( 2020 + i % 30 )); args=(set --workspace "$WS" "$cid" budget.fiscalYear "$val"); ok="= $val"
  else kind=tick; val=${ITEMS[$(( RANDOM % ${#ITEMS[@]} ))]}; if (( RANDOM % 2 )); then args=(tick --workspace "$WS" "$cid" "$val"); ok="ticked $val"; else kind=untick; args=(tick --workspace "$WS" "$cid" "$val" --off); ok="unticked $val"; fi
  fi
  printf '%s\t%s\t%s\t%s\n' "$i" "$cid" "$kind" "$val" >> "$TRIED"
  "$BIN" "${args[@]}" > "$WORK/out" 2>"$WORK/err" &
  pid=$!
  # A random instant between 20% and 150% of a typical run: startup, load, write, fsync, rename.
  delay=$(( T * (20 + RANDOM % 130) / 100 ))
  sleep "$(printf '0.%03d' $(( delay > 999 ? 999 : delay )))"
  if kill -9 "$pid" 2>/dev/null; then killed=$((killed + 1)); was_killed=1; else completed=$((completed + 1)); was_killed=0; fi
  wait "$pid" 2>/dev/null; rc=$?
  if [ $was_killed = 0 ] && [ $rc -ne 0 ]; then echo "$rc: $(head -c 200 "$WORK/err" | sed "s|$WS|WS|g; s/[0-9]\{3,\}/N/g")" >> "$WORK/errors"; fi
  if [ $rc -eq 0 ] && grep -qF -- "$ok" "$WORK/out"; then
    printf '%s\t%s\t%s\t%s\n' "$i" "$cid" "$kind" "$val" >> "$ACKS"
  fi
  t=$(ls -A "$WS/cases" "$WS" | grep -c '^\.renkei-tmp-')
  temps_seen=$(( temps_seen + (t > 0 ? 1 : 0) ))
  # A temp file left behind must never show up as a case.
  if (( t > 0 )) && (( i % 25 == 0 )); then
    n=$("$BIN" list --workspace "$WS" --count 2>/dev/null)
    [ "$n" = "$CASES" ] || { echo "kill-loop: list counted $n cases with a temp file present (iteration $i)"; exit 1; }
  fi
done

stale_before=$(ls -A "$WS/cases" "$WS" "$WS/.index" 2>/dev/null | grep -c '^\.renkei-tmp-')
"$BIN" validate --workspace "$WS" > "$WORK/validate" 2>&1; vrc=$?
"$BIN" note --workspace "$WS" c-0001 "after the storm" >/dev/null 2>&1   # a writer cleans stale temp files
stale_after=$(ls -A "$WS/cases" "$WS" "$WS/.index" 2>/dev/null | grep -c '^\.renkei-tmp-')
for id in $IDS; do "$BIN" show --workspace "$WS" "$id" --json > "$WORK/$id.show.json" || echo "show $id failed" >> "$WORK/problems"; done
"$BIN" list --workspace "$WS" --json > "$WORK/list.json" 2>"$WORK/list.err"
"$BIN" undo --workspace "$WS" > "$WORK/undo" 2>&1 || echo "undo failed after the kills: $(cat "$WORK/undo")" >> "$WORK/problems"

python3 - "$WORK" "$CASES" <<'PY'
import json, sys, os, collections
work, ncases = sys.argv[1], int(sys.argv[2])
problems = open(os.path.join(work, "problems")).read().splitlines() if os.path.exists(os.path.join(work, "problems")) else []
cases = {}
for f in os.listdir(work):
    if f.endswith(".show.json"):
        cases[f[:-10]] = json.load(open(os.path.join(work, f)))
acks = [l.rstrip("\n").split("\t") for l in open(os.path.join(work, "acks.tsv")) if l.strip()]
tried = [l.rstrip("\n").split("\t") for l in open(os.path.join(work, "tried.tsv")) if l.strip()]
lost = 0
for it, cid, kind, val in acks:
    c = cases.get(cid)
    if c is None: problems.append(f"case {cid} unreadable"); lost += 1; continue
    if kind == "note":
        if not any(n["text"] == val for n in c.get("notes", [])): problems.append(f"acknowledged note {val} missing from {cid}"); lost += 1
        elif not any(e["kind"] == "note-added" and any(ch.get("after") == val or (isinstance(ch.get("after"), dict) and val in json.dumps(ch["after"], ensure_ascii=False)) for ch in e.get("changes", [])) for e in c["events"]):
            problems.append(f"note {val} in {cid} has no event")
# set/tick: the final value is the last acknowledged one, or a later attempt that saved without printing.
for kind_group in (("set",), ("tick", "untick")):
    for cid in cases:
        c = cases[cid]
        mine = [t for t in tried if t[1] == cid and t[2] in kind_group]
        acked = {t[0] for t in acks if t[1] == cid and t[2] in kind_group}
        if kind_group == ("set",):
            last = [t for t in mine if t[0] in acked]
            if not last: continue
            li = int(last[-1][0])
            allowed = {int(last[-1][3])} | {int(t[3]) for t in mine if int(t[0]) > li}
            fy = c.get("budget", {}).get("fiscalYear")
            if fy not in allowed: problems.append(f"{cid}: fiscalYear {fy}, acknowledged {last[-1][3]}"); lost += 1
        else:
            items = collections.defaultdict(list)
            for t in mine: items[t[3]].append(t)
            for item, ts in items.items():
                last = [t for t in ts if t[0] in acked]
                if not last: continue
                li = int(last[-1][0])
                allowed = {last[-1][2] == "tick"} | {t[2] == "tick" for t in ts if int(t[0]) > li}
                if (item in c.get("checklist", {})) not in allowed: problems.append(f"{cid}: item {item} state lost (acknowledged {last[-1][2]})"); lost += 1
for cid, c in cases.items():
    seqs = [e["seq"] for e in c["events"]]
    if seqs != list(range(1, len(seqs) + 1)): problems.append(f"{cid}: event log has holes or repeats")
    # every save adds ≥1 event; a no-op tick may save nothing: revision ≤ events and ≥ 1
    if not (1 <= c["revision"] <= len(seqs)): problems.append(f"{cid}: revision {c['revision']} vs {len(seqs)} events")
lst = json.load(open(os.path.join(work, "list.json")))
if len(lst["cases"]) != ncases: problems.append(f"list shows {len(lst['cases'])} cases, expected {ncases}")
if lst["damaged"]: problems.append(f"damaged files after the kills: {lst['damaged']}")
for row in lst["cases"]:
    c = cases.get(row["id"])
    if c and (row["title"] != c["title"] or row.get("fiscalYear") != c.get("budget", {}).get("fiscalYear")):
        problems.append(f"list (index) disagrees with the file for {row['id']}")
json.dump({"acks": len(acks), "tried": len(tried), "lost": lost, "problems": problems}, open(os.path.join(work, "verdict.json"), "w"))
PY
verdict=$(python3 -c "import json;v=json.load(open('$WORK/verdict.json'));print(v['acks'],v['lost'],len(v['problems']))")
read acks lost nproblems <<< "$verdict"
torn=$(grep -c "" "$WORK/validate" 2>/dev/null); [ $vrc -eq 0 ] && torn=0
refusals=$( [ -f "$WORK/errors" ] && wc -l < "$WORK/errors" || echo 0)
echo "kill-loop: $N runs ($killed killed mid-run, $completed finished first), $temps_seen left a temp file, $torn torn/unparseable files, $acks acknowledged edits, $lost lost, stale temp files $stale_before → $stale_after after the next write, $refusals finished with an error message, $nproblems problems (work dir $WORK)"
[ -f "$WORK/errors" ] && sort "$WORK/errors" | uniq -c | sort -rn | head -3 | sed 's/^/    refused: /'
if [ $vrc -ne 0 ] || [ "$lost" != 0 ] || [ "$nproblems" != 0 ] || [ "$stale_after" != 0 ]; then
  cat "$WORK/validate"; python3 -c "import json;[print(' -',p) for p in json.load(open('$WORK/verdict.json'))['problems'][:30]]"
  exit 1
fi
rm -rf "$WORK"
