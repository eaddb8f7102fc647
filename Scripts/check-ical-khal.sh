#!/usr/bin/env bash
# Imports `renkei ical` output into a real calendar program, khal (Debian's package), and checks
# what khal shows (issue 13): every event of the sample workspace is there as an all-day event on
# its DTSTART date with its Japanese summary and categories; then a next action's date is moved
# and the file imported again: khal updates that event by UID (no duplicate) and shows the new date.
# Installs khal with apt-get when it is missing and this is root; otherwise prints why and skips
# (exit 0) — not part of CI (the install took 45 s on the shared machine).
#   bash Scripts/check-ical-khal.sh        (RENKEI_BIN=… to pick the binary; default: the build)
set -euo pipefail
cd "$(dirname "$0")/.."
export LANG=C.UTF-8 LC_ALL=C.UTF-8
skip() { echo "check-ical-khal: SKIPPED: $*"; exit 0; }
fail() { echo "check-ical-khal: FAIL: $*" >&2; exit 1; }
if ! command -v khal >/dev/null; then
  [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null || skip "khal is not installed and apt-get cannot be run here"
  echo "check-ical-khal: installing khal (apt-get)…"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q khal >/dev/null 2>&1 \
    || { apt-get update -q >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q khal >/dev/null 2>&1; } \
    || skip "apt-get could not install khal"
fi
BIN=${RENKEI_BIN:-}
for b in "$BIN" .build/debug/renkei .build/release/renkei "$(command -v renkei || true)"; do [ -n "$b" ] && [ -x "$b" ] && { BIN=$b; break; }; done
[ -x "$BIN" ] || fail "no renkei binary; run 'swift build' or set RENKEI_BIN"
T=$(mktemp -d /tmp/renkei-khal.XXXXXX)
trap 'rm -rf "$T"' EXIT
# khal keeps its cache and config under XDG: all of it in the temp directory.
export XDG_CONFIG_HOME=$T/config XDG_DATA_HOME=$T/data XDG_CACHE_HOME=$T/cache
export RENKEI_DATA=$PWD/Data RENKEI_TODAY=2026-11-23 RENKEI_ACTOR=khal-check RENKEI_LANG=ja
unset RENKEI_WORKSPACE
mkdir -p "$T/cal"
cat > "$T/khal.conf" <<EOF
[calendars]
[[renkei]]
path = $T/cal
type = calendar
[locale]
timeformat = %H:%M
dateformat = %Y-%m-%d
longdateformat = %Y-%m-%d
datetimeformat = %Y-%m-%d %H:%M
longdatetimeformat = %Y-%m-%d %H:%M
[default]
default_calendar = renkei
EOF
khal() { command khal -c "$T/khal.conf" "$@"; }

# What the file says, read with the standard library only (unfold, unescape): one line per
# event "DATE|SUMMARY|CATEGORIES", sorted — the same shape as khal's list below.
expected() {
  python3 - "$1" <<'EOF'
import sys
text = open(sys.argv[1], "rb").read().decode("utf-8").replace("\r\n ", "")
def unescape(v): return v.replace("\\n", "\n").replace("\\,", ",").replace("\\;", ";").replace("\\\\", "\\")
out, ev = [], None
for line in text.split("\r\n"):
    if line == "BEGIN:VEVENT": ev = {}
    elif line == "END:VEVENT":
        d = ev["DTSTART;VALUE=DATE"]
        out.append(f"{d[:4]}-{d[4:6]}-{d[6:]}|True|{unescape(ev['SUMMARY'])}|{ev['CATEGORIES']}"); ev = None
    elif ev is not None and ":" in line:
        k, v = line.split(":", 1); ev[k] = v
print("\n".join(sorted(out)))
EOF
}
listed() { khal list --format "{start-date}|{all-day}|{title}|{categories}" 2020-01-01 2035-12-31 2>"$T/khal.err" | grep '|' | sort; }

"$BIN" init "$T/ws" --sample >/dev/null
"$BIN" ical -o "$T/one.ics" --workspace "$T/ws" 2>/dev/null
n=$(grep -c '^BEGIN:VEVENT' "$T/one.ics")
khal import --batch -a renkei "$T/one.ics" >"$T/import.log" 2>&1 || { cat "$T/import.log" >&2; fail "khal import failed"; }
[ "$(ls "$T/cal" | wc -l)" = "$n" ] || fail "khal stored $(ls "$T/cal" | wc -l) events for the file's $n"
expected "$T/one.ics" > "$T/want"; listed > "$T/got"
diff "$T/want" "$T/got" >&2 || fail "khal shows different events than the file holds (above: - file, + khal)"
[ ! -s "$T/khal.err" ] || { cat "$T/khal.err" >&2; fail "khal warned while reading the events"; }

# Move one next action, export again, import again: same number of events, the new date shown.
id=sayama-ntt-eco-action
"$BIN" next-action "$id" "財政課と再協議～見積り更新" --due 2027-01-15 --workspace "$T/ws" >/dev/null
"$BIN" ical -o "$T/two.ics" --workspace "$T/ws" 2>/dev/null
grep -A4 "^UID:$id.next-action@renkei" "$T/two.ics" | grep -q '^SEQUENCE:1' || fail "the moved event's SEQUENCE did not go up"
khal import --batch -a renkei "$T/two.ics" >"$T/import2.log" 2>&1 || { cat "$T/import2.log" >&2; fail "khal re-import failed"; }
[ "$(ls "$T/cal" | wc -l)" = "$n" ] || fail "re-import: khal now stores $(ls "$T/cal" | wc -l) events (duplicates?) for $n"
expected "$T/two.ics" > "$T/want2"; listed > "$T/got2"
diff "$T/want2" "$T/got2" >&2 || fail "after the re-import khal shows different events than the file holds"
grep -q '^2027-01-15|True|【次のアクション】狭山市' "$T/got2" || fail "khal does not show the moved next action on 2027-01-15"
echo "check-ical-khal: ok — $(command khal --version): $n all-day events of the sample workspace listed on their dates with their Japanese summaries and categories; a moved date re-imported updates the event by UID (still $n events, SEQUENCE 1)"
