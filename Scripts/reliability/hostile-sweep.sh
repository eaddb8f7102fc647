#!/usr/bin/env bash
# Adversarial sweep of the features that landed after issue 18: import (CSV/xlsx/mapping),
# ical and export outputs, municipality/partner/programme record files, sync/merge-driver
# arguments. Each probe runs the built binary with a timeout and is classified:
#   HANG      — killed by the timeout
#   SIGNAL    — died of a signal (trap, fatalError, precondition, segfault)
#   NOMSG     — failed (exit ≠ 0) without a word on stderr
#   MULTILINE — failed with more than one stderr line (the standard: one clear line)
#   TRACE     — a Swift runtime message / backtrace on stderr
#   ok        — anything else (the first stderr line is printed so a person can judge it)
#   Scripts/reliability/hostile-sweep.sh [filter-regex]      (RENKEI_BIN, TIMEOUT=30, BIG=1 for the 100 MB probes)
# Prints one line per probe and a summary line "hostile-sweep: N probes, K findings"; exits 1 on findings.
set -uo pipefail
cd "$(dirname "$0")/../.."
FILTER=${1:-.}
BIN=${RENKEI_BIN:-$PWD/.build/debug/renkei}
TIMEOUT=${TIMEOUT:-30}
export RENKEI_DATA=${RENKEI_DATA:-$PWD/Data} RENKEI_TODAY=2026-11-23 RENKEI_ACTOR=敵対者 LANG=C.UTF-8
unset RENKEI_WORKSPACE
W=$(mktemp -d /tmp/renkei-hostile.XXXXXX)
trap 'chmod -R u+rwx "$W" 2>/dev/null; rm -rf "$W"' EXIT
WS=$W/ws
"$BIN" init "$WS" --sample >/dev/null || { echo "hostile-sweep: init failed"; exit 2; }
ID=$(cd "$WS/cases" && ls | head -1 | sed 's/\.json$//')
F=$W/files; mkdir -p "$F"
probes=0; findings=0

probe() {   # probe NAME ARGS...   (runs "$BIN" ARGS with --workspace $WS appended where the command takes it)
  local name=$1; shift
  [[ $name =~ $FILTER ]] || return 0
  probes=$((probes + 1))
  timeout -s KILL "$TIMEOUT" "$BIN" "$@" >"$W/out" 2>"$W/err" </dev/null; local rc=$?
  local lines; lines=$(grep -c '' "$W/err")
  local first; first=$(head -1 "$W/err" | cut -c1-220 | sed "s|$W|W|g")
  local verdict=ok
  if [ $rc -eq 137 ] || [ $rc -eq 124 ]; then verdict=HANG
  elif [ $rc -gt 128 ]; then verdict=SIGNAL
  elif grep -qE 'Fatal error|Crash|backtrace|Thread [0-9]+ crashed|Illegal instruction|Segmentation' "$W/err"; then verdict=TRACE
  elif [ $rc -ne 0 ] && [ "$lines" -eq 0 ]; then verdict=NOMSG
  elif [ $rc -ne 0 ] && [ "$lines" -gt 1 ]; then verdict=MULTILINE
  fi
  [ $verdict = ok ] || findings=$((findings + 1))
  printf '%-9s rc=%-3s %-44s %s\n' "$verdict" "$rc" "$name" "$first"
  if [ $verdict = MULTILINE ] && [ -n "${VERBOSE:-}" ]; then sed 's/^/            | /' "$W/err" | head -8 | cut -c1-200; fi
}

# --- files -------------------------------------------------------------------------------------
mkfifo "$F/fifo.csv" "$F/fifo.json" "$F/fifo.ics"
# Our own device nodes (root can mknod): the sweep found that an output path on a device was
# replaced by a regular file — never aim a probe at the system's /dev/null, /dev/zero, /dev/full.
DEVNULL=$F/null DEVZERO=$F/zero DEVFULL=$F/full
mknod "$DEVNULL" c 1 3 && mknod "$DEVZERO" c 1 5 && mknod "$DEVFULL" c 1 7 || { DEVNULL=$F/no-null DEVZERO=$F/no-zero DEVFULL=$F/no-full; echo "hostile-sweep: mknod failed (not root?): device probes use missing paths" >&2; }
mkdir -p "$F/dir.csv" "$F/dir.json" "$F/outdir"
ln -s nowhere.ics "$F/dangling.ics"
ln -s loop2.csv "$F/loop1.csv"; ln -s loop1.csv "$F/loop2.csv"
ln -s loop2.json "$F/loop1.json"; ln -s loop1.json "$F/loop2.json"
ln -s "$DEVZERO" "$F/zero.csv"; ln -s "$DEVZERO" "$F/zero.json"
printf '件名,自治体\n※試験,狭山市\n' > "$F/ok.csv"
: > "$F/empty.csv"
printf '\xef\xbb\xbf' > "$F/bomonly.csv"
printf '件名,自治体\n' > "$F/headeronly.csv"
python3 - "$F" <<'PY'
import sys, os, random, zipfile, io
F = sys.argv[1]
w = lambda n, b: open(os.path.join(F, n), 'wb').write(b)
w('cell1mb.csv', ('件名,自治体,備考\n※大,狭山市,' + 'あ' * 350000 + '\n').encode())
w('cols1m.csv', (','.join('c%d' % i for i in range(1_000_000)) + '\n' + ','.join('x' for _ in range(1_000_000)) + '\n').encode())
w('cols1m-same.csv', (','.join('件名' for i in range(1_000_000)) + '\n').encode())
w('nul.csv', '件名,自治体\n※\x00試験,狭山\x00市\n'.encode())
w('ctrl.csv', ('件名,自治体,備考\n' + ''.join(chr(c) for c in range(1, 32) if c not in (10, 13, 34, 44)) + ',狭山市,\x1b[31m赤\x1b]0;title\x07\u202e\u009b\n').encode())
w('bom-middle.csv', '件名,自治体\n\ufeff※試験,\ufeff狭山市\n\ufeff\n'.encode())
w('bom16.csv', '件名,自治体\n※試験,狭山市\n'.encode('utf-16'))
w('cp932-edge.csv', '件名,自治体\n'.encode('cp932') + b'\x81\x7f,\x81\xfd\n\x82\xff,\xfc\xfc\n\xa0,\x80\n' + b'\x81')
w('cp932-lead-at-end.csv', '件名,自治体\n※試験,狭山市'.encode('cp932') + b'\x81')
w('surrogate.csv', '件名,自治体\n'.encode() + b'\xed\xa0\x80,\xed\xbf\xbf\n')
w('amount-huge.csv', '件名,自治体,予算額\n※,狭山市,９９９９９９９９９９９９９９９万円\n※2,狭山市,99999999999999999999999999999999999円\n※3,狭山市,-9223372036854775808\n※4,狭山市,9223372036854775807千円\n※5,狭山市,1e308\n※6,狭山市,NaN\n※7,狭山市,０．５円\n'.encode())
w('dates-hostile.csv', '件名,自治体,期限\n※,狭山市,令和99999999999999999999年1月1日\n※2,狭山市,R9223372036854775807.1.1\n※3,狭山市,99999999999\n※4,狭山市,-1\n※5,狭山市,2026/13/45\n※6,狭山市,9223372036854775807\n※7,狭山市,1e300\n'.encode())
w('ragged.csv', '件名,自治体\n※1\n※2,狭山市,余,余,余\n"※3,狭山市\n'.encode())
w('quote-open.csv', ('件名,自治体\n"' + 'あ' * 100000).encode())
w('crlf-cr.csv', '件名,自治体\r※1,狭山市\r\r\n※2,狭山市\r'.encode())
rnd = random.Random(1)
w('binary.csv', bytes(rnd.randrange(256) for _ in range(200000)))
w('dup-keys.csv', 'ID,件名,自治体\n1,※a,狭山市\n1,※b,狭山市\n１,※c,狭山市\n'.encode())
w('id-hostile.csv', ('ID,件名,自治体\n../../etc/passwd,※a,狭山市\n/abs,※b,狭山市\n.hidden,※c,狭山市\n' + ('x' * 5000) + ',※d,狭山市\n\u202eevil,※e,狭山市\n').encode())
w('rows-many.csv', ('件名,自治体\n' + '※,狭山市\n' * 300000).encode())
# xlsx: a zip bomb (a sheet that unpacks to 255 MB of blanks), a part over the cap, nesting, garbage
def xlsx(name, sheet, shared=None, extra=None):
    b = io.BytesIO()
    z = zipfile.ZipFile(b, 'w', zipfile.ZIP_DEFLATED)
    z.writestr('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>')
    z.writestr('xl/workbook.xml', '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>')
    z.writestr('xl/_rels/workbook.xml.rels', '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>')
    z.writestr('xl/worksheets/sheet1.xml', sheet)
    if shared is not None: z.writestr('xl/sharedStrings.xml', shared)
    for k, v in (extra or {}).items(): z.writestr(k, v)
    z.close(); w(name, b.getvalue())
head = '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
row = '<row r="1"><c r="A1" t="inlineStr"><is><t>件名</t></is></c><c r="B1" t="inlineStr"><is><t>自治体</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>※</t></is></c><c r="B2" t="inlineStr"><is><t>狭山市</t></is></c></row>'
xlsx('bomb.xlsx', head + row + ' ' * (255 * 1048576) + '</sheetData></worksheet>')
xlsx('bomb-over.xlsx', head + row + ' ' * (300 * 1048576) + '</sheetData></worksheet>')
xlsx('shared-bomb.xlsx', head + '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>999999999999999999999</v></c><c r="C1" t="s"><v>-1</v></c></row></sheetData></worksheet>', '<sst>' + '<si><t>件名</t></si>' * 3000000 + '</sst>')
xlsx('deep.xlsx', head + '<row r="1">' + '<c>' * 200000 + '</sheetData></worksheet>')
xlsx('cellref.xlsx', head + '<row r="1"><c r="XFD1048576" t="inlineStr"><is><t>件名</t></is></c><c r="ZZZZZZZZZZZZZZ1" t="inlineStr"><is><t>自治体</t></is></c><c r="A-5" t="inlineStr"><is><t>x</t></is></c></row><row r="99999999999999999999"><c r="A99999999999999999999"><v>1</v></c></row></sheetData></worksheet>')
xlsx('wide.xlsx', head + '<row r="1"><c r="A1" t="inlineStr"><is><t>件名</t></is></c><c r="XFD1" t="inlineStr"><is><t>自治体</t></is></c></row><row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData></worksheet>')
xlsx('serial.xlsx', head + '<row r="1"><c r="A1" t="inlineStr"><is><t>件名</t></is></c><c r="B1" t="inlineStr"><is><t>自治体</t></is></c><c r="C1" t="inlineStr"><is><t>期限</t></is></c><c r="D1" t="inlineStr"><is><t>予算額</t></is></c></row>'
     + ''.join('<row r="%d"><c r="A%d" t="inlineStr"><is><t>※%d</t></is></c><c r="B%d" t="inlineStr"><is><t>狭山市</t></is></c><c r="C%d"><v>%s</v></c><c r="D%d"><v>%s</v></c></row>' % (i, i, i, i, i, v, i, v)
               for i, v in enumerate(['1e308', '-1e308', 'NaN', 'inf', '9223372036854775807', '-1', '2958466', '1e-400', '99999999999999999999'], start=2)) + '</sheetData></worksheet>')
xlsx('entity.xlsx', '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;"><!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;"><!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;"><!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;"><!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;"><!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">]><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>')
xlsx('ext-entity.xlsx', '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&e;</t></is></c><c r="B1" t="inlineStr"><is><t>自治体</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>x</t></is></c><c r="B2" t="inlineStr"><is><t>狭山市</t></is></c></row></sheetData></worksheet>')
xlsx('merge-reversed.xlsx', head + row + '</sheetData><mergeCells><mergeCell ref="B1:A1"/><mergeCell ref="A2:A1"/></mergeCells></worksheet>')
xlsx('merge-below.xlsx', head + row + '</sheetData><mergeCells><mergeCell ref="A3:B2"/></mergeCells></worksheet>')
xlsx('row-max.xlsx', head + row + '<row r="9223372036854775807"><c t="inlineStr"><is><t>x</t></is></c></row><row r="-4"><c t="inlineStr"><is><t>y</t></is></c></row></sheetData></worksheet>')
xlsx('refless-wide.xlsx', head + row + '<row r="3">' + '<c><v>1</v></c>' * 2_000_000 + '</row></sheetData></worksheet>')
xlsx('tall-xfd.xlsx', head + row + ''.join('<row r="%d"><c r="XFD%d"><v>1</v></c></row>' % (i, i) for i in range(3, 150000)) + '</sheetData></worksheet>')
xlsx('style-huge.xlsx', head + '<row r="1"><c r="A1" t="inlineStr"><is><t>件名</t></is></c><c r="B1" t="inlineStr"><is><t>期限</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>x</t></is></c><c r="B2" s="99999999999999999999"><v>45000</v></c></row></sheetData></worksheet>',
     extra={'xl/styles.xml': '<styleSheet><numFmts><numFmt numFmtId="9223372036854775807" formatCode="yyyy"/></numFmts><cellXfs>' + '<xf numFmtId="14"/>' * 100000 + '</cellXfs></styleSheet>'})
# a zip whose directory claims more entries than exist / a truncated zip
good = open(os.path.join(F, 'deep.xlsx'), 'rb').read()
w('truncated.xlsx', good[: len(good) // 2])
w('eocd-only.xlsx', b'PK\x05\x06' + b'\xff' * 18)
w('notzip.xlsx', b'PK\x03\x04' + b'\x00' * 100)
# mappings
w('map-deep.json', b'[' * 100000 + b']' * 100000)
w('map-deep-obj.json', b'{"columns":' + b'{"a":' * 5000 + b'1' + b'}' * 5000 + b'}')
w('map-big.json', b'{"columns":{' + b','.join(b'"c%d":"title"' % i for i in range(300000)) + b'}}')
w('map-badtypes.json', b'{"columns": 5, "values": "x", "key": [1,2]}')
w('map-nul.json', b'{"columns":{"\x00\xe4\xbb\xb6":"title"}}')
w('map-utf16.json', '{"columns":{"件名":"title"}}'.encode('utf-16'))
w('map-hugenum.json', b'{"columns":{"a":"title"},"amountUnit":1e999,"version":99999999999999999999999}')
w('map-field.json', '{"columns":{"件名":"title","自治体":"no.such.field","予算額":"budget.items[999999999999].yen"}}'.encode())
# record files
w('deep-record.json', b'{"name":' + b'[' * 100000 + b']' * 100000 + b'}')
w('big-record.json', b'{"name":"' + b'a' * 2_000_000 + b'"}')
w('nul-record.json', b'{"name":"\xe6\xa0\xaa\x00", "kind":"startup"}')
w('surrogate-record.json', b'{"name":"\\ud800", "aliases":["\\udfff\\ud800"], "kind":"startup"}')
w('num-record.json', b'{"id":"x","name":"\xe4\xba\xa4\xe4\xbb\x98\xe9\x87\x91","rate":1e999,"cap":99999999999999999999999999,"year":-9223372036854775809}')
PY
echo "files ready in $W" >&2

# --- import sources ----------------------------------------------------------------------------
for f in fifo.csv dir.csv loop1.csv zero.csv "$DEVZERO" "$DEVNULL" "$DEVFULL" /dev/stdin /proc/self/mem /proc/self/status empty.csv bomonly.csv headeronly.csv \
         cell1mb.csv cols1m.csv cols1m-same.csv nul.csv ctrl.csv bom-middle.csv bom16.csv cp932-edge.csv cp932-lead-at-end.csv surrogate.csv \
         amount-huge.csv dates-hostile.csv ragged.csv quote-open.csv crlf-cr.csv binary.csv dup-keys.csv id-hostile.csv rows-many.csv \
         bomb.xlsx bomb-over.xlsx shared-bomb.xlsx deep.xlsx cellref.xlsx wide.xlsx serial.xlsx entity.xlsx ext-entity.xlsx merge-reversed.xlsx merge-below.xlsx row-max.xlsx refless-wide.xlsx tall-xfd.xlsx style-huge.xlsx truncated.xlsx eocd-only.xlsx notzip.xlsx; do
  p=$f; [[ $f == /* ]] || p=$F/$f
  probe "import $f" import "$p" --workspace "$WS"
  probe "import $f --apply" import "$p" --apply --workspace "$WS"
  probe "import $f --json" import "$p" --json --workspace "$WS"
done
chmod 000 "$F/ok.csv"; probe "import unreadable (root reads it)" import "$F/ok.csv" --workspace "$WS"; chmod 644 "$F/ok.csv"
if [ -n "${BIG:-}" ]; then
  truncate -s 100M "$F/sparse100m.csv"; probe "import sparse 100 MB" import "$F/sparse100m.csv" --workspace "$WS"
  python3 -c "import sys; sys.stdout.write('件名,自治体\n' + '※試験,狭山市\n' * 5_500_000)" > "$F/rows100m.csv"; probe "import 100 MB rows" import "$F/rows100m.csv" --workspace "$WS"
fi
for a in "" "   " "-" "--" $'\x01' "$(printf 'a%.0s' {1..5000})"; do probe "import arg '${a:0:8}'" import "$a" --workspace "$WS"; done
for e in "" "utf-16" "cp932 " "UTF-8" "ＵＴＦ－８" "shift_jis"; do probe "import --encoding '$e'" import "$F/ok.csv" --encoding "$e" --workspace "$WS"; done
for s in "" "存在しない" $'\x00'; do probe "import --sheet '$s'" import "$F/serial.xlsx" --sheet "$s" --workspace "$WS"; done
probe "import --sheet on csv" import "$F/ok.csv" --sheet S --workspace "$WS"
for m in fifo.json dir.json loop1.json zero.json "$DEVZERO" "$DEVNULL" /proc/self/mem map-deep.json map-deep-obj.json map-big.json map-badtypes.json map-nul.json map-utf16.json map-hugenum.json map-field.json nonexistent.json; do
  p=$m; [[ $m == /* ]] || p=$F/$m
  probe "import --mapping $m" import "$F/ok.csv" --mapping "$p" --workspace "$WS"
  probe "import --mapping $m --apply" import "$F/ok.csv" --mapping "$p" --apply --workspace "$WS"
done
probe "import --mapping ''" import "$F/ok.csv" --mapping "" --workspace "$WS"
# a mapping next to the source that is a FIFO / directory / loop (found automatically)
cp "$F/ok.csv" "$F/side1.csv"; mkfifo "$F/side1.mapping.json"; probe "import side mapping FIFO" import "$F/side1.csv" --workspace "$WS"
cp "$F/ok.csv" "$F/side2.csv"; mkdir "$F/side2.mapping.json"; probe "import side mapping dir" import "$F/side2.csv" --workspace "$WS"
cp "$F/ok.csv" "$F/side3.csv"; ln -s side3.mapping.json "$F/side3.mapping.json"; probe "import side mapping self-loop" import "$F/side3.csv" --workspace "$WS"
cp "$F/ok.csv" "$F/side4.csv"; cp "$F/map-deep.json" "$F/side4.mapping.json"; probe "import side mapping deep" import "$F/side4.csv" --workspace "$WS"
# the workspace's import/ folder is where a guessed mapping is written: make it hostile
cp "$F/ok.csv" "$F/gw1.csv"; mkdir -p "$WS/import"; mkfifo "$WS/import/gw1.mapping.json"; probe "import guessed-mapping target FIFO" import "$F/gw1.csv" --workspace "$WS"
cp "$F/ok.csv" "$F/gw2.csv"; mkdir -p "$WS/import/gw2.mapping.json"; probe "import guessed-mapping target dir" import "$F/gw2.csv" --workspace "$WS"
cp "$F/ok.csv" "$F/gw3.csv"; ln -s "$DEVFULL" "$WS/import/gw3.mapping.json"; probe "import guessed-mapping target ->full device" import "$F/gw3.csv" --workspace "$WS"
cp "$F/ok.csv" "$F/gw4.csv"; ln -s /etc/hostname_renkei_probe "$WS/import/gw4.mapping.json"; probe "import guessed-mapping target dangling link" import "$F/gw4.csv" --workspace "$WS"
[ -e /etc/hostname_renkei_probe ] && { echo "WROTE-THROUGH rc=-   guessed mapping written through a symlink to /etc"; findings=$((findings+1)); rm -f /etc/hostname_renkei_probe; }
rm -rf "$WS/import"; touch "$WS/import"; cp "$F/ok.csv" "$F/gw5.csv"; probe "import import/ is a file" import "$F/gw5.csv" --workspace "$WS"; rm -f "$WS/import"

# --- ical / export outputs ---------------------------------------------------------------------
for o in "$DEVFULL" "$DEVNULL" "$F/outdir" "$F/fifo.ics" "$F/loop1.json" "$F/no/such/dir/x.ics" "" "-" /proc/self/status "$DEVZERO" "$F/dangling.ics"; do
  probe "ical -o ${o/#$F/F}" ical -o "$o" --workspace "$WS"
  probe "export csv cp932 -o ${o/#$F/F}" export --all -f csv --encoding cp932 -o "$o" --force --workspace "$WS"
  probe "export case -o ${o/#$F/F}" export "$ID" -o "$o" --force --workspace "$WS"
done
for dev in "$DEVNULL" "$DEVZERO" "$DEVFULL"; do [ -c "$dev" ] || { echo "REPLACED  rc=-   ${dev/#$F/F} is no longer a character device"; findings=$((findings + 1)); rm -f "$dev"; }; done
[ -p "$F/fifo.ics" ] || { echo "REPLACED  rc=-   F/fifo.ics is no longer a FIFO"; findings=$((findings + 1)); }
[ -L "$F/loop1.json" ] || { echo "REPLACED  rc=-   F/loop1.json is no longer a symlink"; findings=$((findings + 1)); }
for d in -1 0 -9223372036854775808 9223372036854775807 99999999999999999999 "" " 3" "３" 1e3; do probe "ical --within '$d'" ical --within "$d" --workspace "$WS"; done
for m in "" " " $'\x1b[31m' "999999" "000000" "$(printf '市%.0s' {1..3000})"; do probe "ical --municipality '${m:0:8}'" ical --municipality "$m" --workspace "$WS"; done
for c in "" "../x" $'\x00'; do probe "ical --case '$c'" ical --case "$c" --workspace "$WS"; done
for fd in "$DEVFULL" "$F/outdir" "$F/fifo.ics" "$F/loop1.json" ""; do probe "ical --feed ${fd/#$F/F}" ical --feed "$fd" --workspace "$WS"; probe "note after feed ${fd/#$F/F}" note "$ID" "フィード後" --workspace "$WS"; done
probe "ical --no-feed" ical --no-feed --workspace "$WS"
for enc in "" "CP932" "sjis" "utf-16"; do probe "export --encoding '$enc'" export --all -f csv --encoding "$enc" --workspace "$WS"; done
probe "export --encoding cp932 on md" export --all -f md --encoding cp932 --workspace "$WS"
# CP932-hostile content in a case then exported as cp932
"$BIN" note "$ID" "$(printf '🙂\xed\x9f\xbf\u2028\u00a0\u301c\uff5e\x01\x7f')" --workspace "$WS" >/dev/null 2>&1
"$BIN" set "$ID" title "$(printf '件名🙂𠮷\u0000x')" --workspace "$WS" >/dev/null 2>&1
probe "export cp932 hostile content" export --all -f csv --encoding cp932 --workspace "$WS"

# --- record files: municipalities/, partners/, programmes/ --------------------------------------
for dir in municipalities partners programmes; do
  mkdir -p "$WS/$dir"
  for kind in fifo dir loop zero deep big nul surrogate num; do
    case $kind in
      fifo) mkfifo "$WS/$dir/$kind.json" ;;
      dir) mkdir -p "$WS/$dir/$kind.json" ;;
      loop) ln -s loop.json "$WS/$dir/$kind.json" ;;
      zero) ln -s "$DEVZERO" "$WS/$dir/$kind.json" ;;
      *) cp "$F/$kind-record.json" "$WS/$dir/$kind.json" ;;
    esac
  done
  for cmd in "validate" "list" "show $ID" "overdue" "partner list" "municipality list" "municipality show 狭山市" "grant $ID" "similar $ID" "joint" "export $ID" "note $ID ㈱記録"; do
    # shellcheck disable=SC2086
    probe "$dir/*: $cmd" $cmd --workspace "$WS"
  done
  rm -rf "${WS:?}/$dir"
done

# --- other arguments ---------------------------------------------------------------------------
for l in -1 0 99999999999999999999 9223372036854775807; do probe "municipality find --limit $l" municipality find 狭山 --limit "$l" --workspace "$WS"; done
for t in "" " " $'\x00' "$(printf 'あ%.0s' {1..100000})" $'\xed\xa0\x80'; do probe "municipality find '${t:0:6}'" municipality find "$t" --workspace "$WS"; probe "partner show '${t:0:6}'" partner show "$t" --workspace "$WS"; done
for k in "" -1 0 99999999999999999999 "x"; do probe "conflicts --keep '$k'" conflicts --keep "$k" --workspace "$WS"; done
for y in "９９９９９９９９９９９９９９９万円" "99999999999999999999" "-1" "1e300" "" "NaN" "１億兆"; do probe "funding --yen '$y'" funding "$ID" 補助金 --yen "$y" --workspace "$WS"; probe "budget-line --yen '$y'" budget-line "$ID" 委託料 --yen "$y" --workspace "$WS"; done
for r in "-1" "1e300" "" "101" "１／２"; do probe "funding --rate '$r'" funding "$ID" 補助金 --rate "$r" --workspace "$WS"; done
# merge driver with special files
G=$W/g; mkdir -p "$G"; cp "$WS/cases/$ID.json" "$G/base"; cp "$G/base" "$G/ours"; cp "$G/base" "$G/theirs"
for x in "$DEVZERO" "$F/fifo.json" "$F/dir.json" "$F/loop1.json" "$F/deep-record.json" "$DEVNULL" "$F/nope"; do
  cp "$G/base" "$G/ours"; probe "merge-driver base=${x/#$F/F}" merge-driver "$x" "$G/ours" "$G/theirs" "cases/$ID.json"
  cp "$G/base" "$G/ours"; probe "merge-driver theirs=${x/#$F/F}" merge-driver "$G/base" "$G/ours" "$x" "cases/$ID.json"
done
probe "merge-driver ours=full device" merge-driver "$G/base" "$DEVFULL" "$G/theirs" "cases/$ID.json"
probe "merge-driver ours=dir" merge-driver "$G/base" "$F/dir.json" "$G/theirs" "cases/$ID.json"
for u in "" "$F/fifo.json" "$F/outdir" "$DEVNULL" "$F/loop1.json" "file:///nonexistent"; do probe "sync clone url=${u/#$F/F}" sync clone "$u" "$W/clone-$RANDOM"; done
probe "sync clone into a file" sync clone "$WS" "$F/ok.csv"
probe "sync clone into a device" sync clone "$WS" "$DEVNULL"
probe "sync in non-sync ws" sync --workspace "$WS"
probe "sync init remote fifo" sync init --remote "$F/fifo.json" --workspace "$WS"

# --- afterwards: the workspace is still whole ----------------------------------------------------
probe "final validate" validate --workspace "$WS"
for dev in /dev/null /dev/zero /dev/full; do [ -c $dev ] || { echo "hostile-sweep: $dev IS NO LONGER A DEVICE — restore it: mknod -m 666 $dev.new c 1 N && mv $dev.new $dev"; findings=$((findings + 1)); }; done
echo "hostile-sweep: $probes probes, $findings findings"
[ $findings -eq 0 ]
