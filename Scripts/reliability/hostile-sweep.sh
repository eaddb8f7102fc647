#!/usr/bin/env bash
# Adversarial sweep of the features that landed after issue 18: import (CSV/xlsx/mapping),
# ical and export outputs, municipality/partner/programme record files, sync/merge-driver
# arguments. Each probe runs the built binary with a timeout and is classified:
#   HANG      — killed by the timeout
#   SIGNAL    — died of a signal (trap, fatalError, precondition, segfault)
#   NOMSG     — failed (exit ≠ 0) without a word (on stderr; `validate` reports on stdout)
#   MULTILINE — failed with more than one stderr line (the standard: one clear line)
#   TRACE     — a Swift runtime message / backtrace on stderr
#   CONTROL   — a raw terminal control (C0, ESC, DEL, C1, bidi override) on stderr, or on an
#               import preview's stdout (hostile cells must be shown inert, e.g. ␛)
#   FLOOD     — an import preview line over 2,000 bytes (a huge cell echoed whole)
#   WROTE     — an import dry run changed cases/ or undo.json (a dry run writes nothing)
#   PARTIAL   — a failed `import --apply` changed cases/ or undo.json (validate first, all or nothing)
#   ENGLISH   — (JA=1 only) an English phrase on stderr under LANG=ja_JP.UTF-8
#   ok        — anything else (the first line of the message is printed so a person can judge it)
# and, outside probe(): REPLACED (an output target destroyed), OVERWROTE (an import changed a
# case it did not make), ICS-INVALID (ical output a real parser or RFC 5545 rejects, see
# Scripts/check_ics.py), WHOLE (cases not whole / not resumable after an --apply that failed
# on a full disk).
#   Scripts/reliability/hostile-sweep.sh [filter-regex]
#     RENKEI_BIN (default .build/debug/renkei), TIMEOUT=30, BIG=1 for the 100 MB probes,
#     JA=1 to run every probe under LANG=ja_JP.UTF-8 and flag English, VERBOSE=1 for details
# Prints one line per probe and a summary line "hostile-sweep: N probes, K findings"; exits 1 on findings.
set -uo pipefail
cd "$(dirname "$0")/../.."
FILTER=${1:-.}
BIN=${RENKEI_BIN:-$PWD/.build/debug/renkei}
TIMEOUT=${TIMEOUT:-30}
SCRIPTS=$PWD/Scripts
export RENKEI_DATA=${RENKEI_DATA:-$PWD/Data} RENKEI_TODAY=2026-11-23 RENKEI_ACTOR=敵対者 LANG=C.UTF-8
[ -n "${JA:-}" ] && export LANG=ja_JP.UTF-8
unset RENKEI_WORKSPACE RENKEI_LANG LC_ALL
W=$(mktemp -d /tmp/renkei-hostile.XXXXXX)
trap 'chmod -R u+rwx "$W" 2>/dev/null; mountpoint -q "$W/small" && umount "$W/small"; rm -rf "$W"' EXIT
WS=$W/ws
"$BIN" init "$WS" --sample >/dev/null || { echo "hostile-sweep: init failed"; exit 2; }
ID=$(cd "$WS/cases" && ls | head -1 | sed 's/\.json$//')
F=$W/files; mkdir -p "$F"
probes=0; findings=0

# What an import may not touch on a dry run or a refused --apply: every case file (name, inode,
# size, mtime — a rename or rewrite changes one) and the undo journal.
snapshot() { { find "$WS/cases" -type f -printf '%P %i %s %T@\n' 2>/dev/null | sort; stat -c '%i %s %Y' "$WS/undo.json" 2>/dev/null; } | md5sum; }
# Raw terminal controls: C0 but TAB/LF/CR, DEL, C1 (UTF-8 C2 80–9F), bidi overrides/isolates.
has_control() { LC_ALL=C grep -qaP '[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]|\xc2[\x80-\x9f]|\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]' "$1"; }
# English under ja: three ASCII words in a row, not a command line (the test suite's EnglishLeak, simplified).
english_run() {
  python3 - "$1" <<'PY'
import re, sys
skip = ("renkei", "git", "ulimit", "chmod", "mv", "rm", "rmdir", "bash", "apt", "sudo", "cp")
for line in open(sys.argv[1], encoding="utf-8", errors="replace"):
    for m in re.finditer(r"(?<![\w/.@-])[A-Za-z']{2,}(?: [A-Za-z']{2,}){2,}(?![\w/.-])", line):
        if m.group(0).split()[0].lower() not in skip:
            print(m.group(0)); sys.exit(0)
sys.exit(1)
PY
}

probe() {   # probe NAME ARGS...   (runs "$BIN" ARGS; the args name --workspace where the command takes it)
  local name=$1; shift
  [[ $name =~ $FILTER ]] || return 0
  probes=$((probes + 1))
  local is_import='' is_apply='' is_json='' before=''
  [ "$1" = import ] && is_import=1
  [[ " $* " == *" --apply "* ]] && is_apply=1
  [[ " $* " == *" --json "* ]] && is_json=1
  [ -n "$is_import" ] && before=$(snapshot)
  timeout -s KILL "$TIMEOUT" "$BIN" "$@" >"$W/out" 2>"$W/err" </dev/null; local rc=$?
  # `validate` prints its report (every damaged file, one per line) on stdout and exits 1.
  local msg=$W/err
  [ "$1" = validate ] && [ ! -s "$W/err" ] && msg=$W/out
  local lines; lines=$(grep -c '' "$W/err")
  local first; first=$(head -1 "$msg" | cut -c1-220 | sed "s|$W|W|g")
  local verdict=ok
  if [ $rc -eq 137 ] || [ $rc -eq 124 ]; then verdict=HANG
  elif [ $rc -gt 128 ]; then verdict=SIGNAL
  elif grep -qaE 'Fatal error|Crash|backtrace|Thread [0-9]+ crashed|Illegal instruction|Segmentation' "$W/err"; then verdict=TRACE
  elif [ $rc -ne 0 ] && [ ! -s "$msg" ]; then verdict=NOMSG
  elif [ $rc -ne 0 ] && [ "$lines" -gt 1 ]; then verdict=MULTILINE
  elif has_control "$W/err"; then verdict=CONTROL
  elif [ -n "$is_import" ] && [ -z "$is_json" ] && has_control "$W/out"; then verdict=CONTROL
  elif [ -n "$is_import" ] && [ -z "$is_json" ] && [ "$(awk '{ if (length($0) > m) m = length($0) } END { print m + 0 }' "$W/out")" -gt 2000 ]; then verdict=FLOOD
  elif [ -n "$is_import" ] && [ -z "$is_apply" ] && [ "$before" != "$(snapshot)" ]; then verdict=WROTE
  elif [ -n "$is_import" ] && [ -n "$is_apply" ] && [ $rc -ne 0 ] && [ "$before" != "$(snapshot)" ]; then verdict=PARTIAL
  elif [ -n "${JA:-}" ] && english_run "$W/err" >"$W/en"; then verdict=ENGLISH; first="$(cat "$W/en") ← $first"
  fi
  [ $verdict = ok ] || findings=$((findings + 1))
  printf '%-9s rc=%-3s %-44s %s\n' "$verdict" "$rc" "$name" "$first"
  if [ $verdict != ok ] && [ -n "${VERBOSE:-}" ]; then sed 's/^/            | /' "$msg" | head -8 | cut -c1-200; fi
}
finding() { echo "$1"; findings=$((findings + 1)); }

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
# Classes added at stop 28: encodings that are not UTF-8/CP932 (7-bit JIS passes as UTF-8), UTF-16/32
# without a BOM, formulas and CSV-injection cells, a duplicated header, an id of a case the import
# did not make, a socket, Excel's _xHHHH_ escapes of control characters, uncalculated/error/bool/
# date cells, parts a workbook points at outside itself, a password-protected workbook (a CFB
# container with EncryptionInfo), a legacy .xls under an .xlsx name, zip-level encryption, a bad
# CRC, a 3 M-character title and a 1 MB header name (echoed whole by the preview before).
python3 - "$F" "$ID" <<'PY'
import sys, os, io, struct, zipfile, socket
F, ID = sys.argv[1], sys.argv[2]
w = lambda n, b: open(os.path.join(F, n), 'wb').write(b)
t = '件名,自治体,備考\n※試験,狭山市,高橋カナ\n'
w('euc.csv', t.encode('euc_jp'))
w('jis.csv', t.encode('iso2022_jp'))
w('jis-header.csv', 'ID,件名,自治体\n'.encode() + '1,※試験,狭山市\n'.encode('iso2022_jp'))
w('utf16le-nobom.csv', t.encode('utf-16-le'))
w('utf16be-nobom.csv', t.encode('utf-16-be'))
w('utf32.csv', t.encode('utf-32'))
w('gb18030.csv', '件名,自治体\n试验,狭山市\n'.encode('gb18030'))
w('formula.csv', '件名,自治体,備考\n=SUM(A1:A3),狭山市,"=cmd|\' /C calc\'!A0"\n+81-3-1234,狭山市,@SUM(1)\n-2+3,狭山市,\t=1+1\n=HYPERLINK("http://x"),狭山市,\n'.encode())
w('dup-header.csv', '件名,件名,自治体,自治体\n※a,※b,狭山市,所沢市\n'.encode())
w('existing-id.csv', ('ID,件名,自治体\n%s,※上書き,狭山市\n' % ID).encode())
w('huge-header.csv', ('件名,自治体,' + 'ヘ' * 400000 + '\n※,狭山市,x\n').encode())
w('huge-title.csv', ('件名,自治体\n※' + 'タ' * 400000 + ',狭山市\n').encode())
s = socket.socket(socket.AF_UNIX); s.bind(os.path.join(F, 'socket.csv'))
def xlsx(name, sheet, shared=None, rels=None, wb=None):
    b = io.BytesIO()
    z = zipfile.ZipFile(b, 'w', zipfile.ZIP_DEFLATED)
    z.writestr('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>')
    z.writestr('xl/workbook.xml', wb or '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>')
    z.writestr('xl/_rels/workbook.xml.rels', rels or '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>')
    if sheet is not None: z.writestr('xl/worksheets/sheet1.xml', sheet)
    if shared is not None: z.writestr('xl/sharedStrings.xml', shared)
    z.close(); w(name, b.getvalue())
head = '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
def row(n, *cells): return '<row r="%d">' % n + ''.join(cells) + '</row>'
def c(ref, text): return '<c r="%s" t="inlineStr"><is><t>%s</t></is></c>' % (ref, text)
hdr = row(1, c('A1', '件名'), c('B1', '自治体'), c('C1', '備考'))
end = '</sheetData></worksheet>'
xlsx('ctrl-escapes.xlsx', head + hdr + row(2, c('A2', '※_x001B_[2J消去'), c('B2', '狭山市'), c('C2', '_x0007_鐘_x202E_逆_x0000_改_x000D_\n行')) + end)
xlsx('cells-odd.xlsx', head + hdr + row(2, c('A2', '※'), c('B2', '狭山市'), '<c r="C2"><f>SUM(A1:A3)</f></c>')
     + row(3, c('A3', '※2'), c('B3', '狭山市'), '<c r="C3" t="e"><f>1/0</f><v>#DIV/0!</v></c>')
     + row(4, c('A4', '※3'), c('B4', '狭山市'), '<c r="C4" t="b"><v>1</v></c>')
     + row(5, c('A5', '※4'), c('B5', '狭山市'), '<c r="C5" t="d"><v>2026-04-01T00:00:00</v></c>')
     + row(6, c('A6', '※5'), c('B6', '狭山市'), '<c r="C6" t="str"><f>A1&amp;B1</f><v>件名自治体</v></c>')
     + row(7, c('A7', '※6'), c('B7', '狭山市'), '<c r="C7" t="e"><v>#REF!</v></c>') + end)
xlsx('no-sheet-part.xlsx', None)
rel = lambda target, mode='': '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="%s"%s/></Relationships>' % (target, mode)
xlsx('sheet-outside.xlsx', None, rels=rel('../../../../etc/passwd'))
xlsx('sheet-external.xlsx', None, rels=rel('file:///etc/passwd', ' TargetMode="External"'))
xlsx('sheet-absolute.xlsx', head + hdr + end, rels=rel('/xl/worksheets/sheet1.xml'))
xlsx('no-sheets.xlsx', None, wb='<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets/></workbook>')
xlsx('huge-title.xlsx', head + hdr + row(2, c('A2', '※' + 'あ' * 3_000_000), c('B2', '狭山市')) + end)
xlsx('shared-missing.xlsx', head + '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row><row r="2"><c r="A2" t="s"><v>5</v></c><c r="B2" t="s"><v>1</v></c></row>' + end, '<sst><si><t>件名</t></si><si><t>自治体</t></si></sst>')
cfb = bytes.fromhex('D0CF11E0A1B11AE1') + b'\x00' * 16 + struct.pack('<HHH', 0x3E, 3, 0xFFFE) + b'\x00' * (512 - 30)
w('password.xlsx', cfb + 'EncryptionInfo'.encode('utf-16-le') + b'\x00' * 4000 + 'EncryptedPackage'.encode('utf-16-le') + b'\x00' * 4000)
w('xls-named-xlsx.xlsx', cfb + 'Workbook'.encode('utf-16-le') + b'\x00' * 4000)
w('legacy.xls', cfb + 'Workbook'.encode('utf-16-le') + b'\x00' * 4000)
w('csv-named-xlsx.xlsx', '件名,自治体\n※,狭山市\n'.encode())
w('html-named-xls.xls', '<html><table><tr><td>件名</td></tr></table></html>'.encode())
w('ods.ods', b'PK\x03\x04' + b'\x00' * 26 + b'mimetypeapplication/vnd.oasis.opendocument.spreadsheet')
good = bytearray(open(os.path.join(F, 'ctrl-escapes.xlsx'), 'rb').read())
enc = bytearray(good)
for sig, off in ((b'PK\x03\x04', 6), (b'PK\x01\x02', 8)):
    i = 0
    while (i := enc.find(sig, i)) >= 0: enc[i + off] |= 1; i += 4
w('zip-encrypted.xlsx', bytes(enc))
crc = bytearray(good); j = crc.find(b'PK\x01\x02'); crc[j + 16] ^= 0xFF; k = crc.find(b'PK\x03\x04'); crc[k + 14] ^= 0xFF
w('bad-crc.xlsx', bytes(crc))
# ical state and feed setting a person or a tool could leave behind
w('state-intmax.json', b'{"format":"renkei.ical-state","events":{"%s.next-action@renkei":{"date":"2000-01-01","sequence":9223372036854775807}}}' % ID.encode())
w('state-negative.json', b'{"format":"renkei.ical-state","events":{"%s.next-action@renkei":{"date":"2000-01-01","sequence":-7}}}' % ID.encode())
w('state-types.json', b'{"format":7,"events":{"x":{"date":"9999-99-99","sequence":"1"}}}')
w('state-deep.json', b'[' * 100000 + b']' * 100000)
w('feed-empty.json', b'{"file":""}')
w('feed-relative.json', b'{"file":"relative.ics"}')
w('feed-nul.json', b'{"file":"/tmp/\\u0000x.ics"}')
PY
echo "files ready in $W" >&2

# --- import sources ----------------------------------------------------------------------------
for f in fifo.csv dir.csv loop1.csv zero.csv "$DEVZERO" "$DEVNULL" "$DEVFULL" /dev/stdin /proc/self/mem /proc/self/status empty.csv bomonly.csv headeronly.csv \
         cell1mb.csv cols1m.csv cols1m-same.csv nul.csv ctrl.csv bom-middle.csv bom16.csv cp932-edge.csv cp932-lead-at-end.csv surrogate.csv \
         amount-huge.csv dates-hostile.csv ragged.csv quote-open.csv crlf-cr.csv binary.csv dup-keys.csv id-hostile.csv rows-many.csv \
         bomb.xlsx bomb-over.xlsx shared-bomb.xlsx deep.xlsx cellref.xlsx wide.xlsx serial.xlsx entity.xlsx ext-entity.xlsx merge-reversed.xlsx merge-below.xlsx row-max.xlsx refless-wide.xlsx tall-xfd.xlsx style-huge.xlsx truncated.xlsx eocd-only.xlsx notzip.xlsx \
         euc.csv jis.csv jis-header.csv utf16le-nobom.csv utf16be-nobom.csv utf32.csv gb18030.csv formula.csv dup-header.csv huge-header.csv huge-title.csv socket.csv \
         ctrl-escapes.xlsx cells-odd.xlsx no-sheet-part.xlsx sheet-outside.xlsx sheet-external.xlsx sheet-absolute.xlsx no-sheets.xlsx huge-title.xlsx shared-missing.xlsx \
         password.xlsx xls-named-xlsx.xlsx legacy.xls csv-named-xlsx.xlsx html-named-xls.xls ods.ods zip-encrypted.xlsx bad-crc.xlsx; do
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

# A case the import did not make is never overwritten, dry run or --apply (the id column is the key).
if [[ "import existing id" =~ $FILTER ]]; then
  sum=$(md5sum < "$WS/cases/$ID.json")
  probe "import existing id" import "$F/existing-id.csv" --workspace "$WS"
  probe "import existing id --apply" import "$F/existing-id.csv" --apply --workspace "$WS"
  [ "$sum" = "$(md5sum < "$WS/cases/$ID.json")" ] || finding "OVERWROTE rc=-   import changed $ID.json, a case it did not make"
fi

# --apply onto a disk that fills up half-way (root: a 2 MB tmpfs; 3,000 rows need ~6 MB): one line,
# every case file whole (validate), nothing left half-imported that a re-run cannot finish.
if [[ "import --apply on a full disk" =~ $FILTER ]] && mkdir -p "$W/small" && mount -t tmpfs -o size=2m tmpfs "$W/small" 2>/dev/null; then
  python3 -c "import sys; sys.stdout.write('ID,件名,自治体,備考\n' + ''.join('%d,※案件①㈱髙 %d,狭山市,%s\n' % (i, i, 'メモ' * 300) for i in range(1, 3001)))" > "$F/full.csv"
  "$BIN" init "$W/small/ws" >/dev/null
  WS_SAVED=$WS; WS=$W/small/ws
  TIMEOUT=$((TIMEOUT * 4)) probe "import --apply on a full disk" import "$F/full.csv" --apply --workspace "$WS"   # 3,000 rows: slow in a debug build
  "$BIN" validate --workspace "$WS" >"$W/v" 2>&1 || finding "WHOLE     rc=-   after ENOSPC mid-import: validate fails: $(head -1 "$W/v" | cut -c1-160)"
  mount -o remount,size=64m "$W/small"
  timeout -s KILL $((TIMEOUT * 4)) "$BIN" import "$F/full.csv" --apply --workspace "$WS" >/dev/null 2>"$W/err" || finding "WHOLE     rc=-   re-run after ENOSPC failed: $(head -1 "$W/err" | cut -c1-160)"
  n=$(find "$WS/cases" -name '*.json' | wc -l)
  [ "$n" = 3000 ] || finding "WHOLE     rc=-   re-run after ENOSPC left $n cases, not 3000"
  "$BIN" import "$F/full.csv" --workspace "$WS" 2>/dev/null | grep -q "0 create, 0 update, 3000 unchanged" || finding "WHOLE     rc=-   a third import of the same file is not all unchanged"
  WS=$WS_SAVED; umount "$W/small"
fi

# --- ical: hostile state and feed files, dates at the ends of the calendar, hostile case text -----
# Every .ics renkei writes must pass Scripts/check_ics.py (Python's icalendar + RFC 5545 rules).
ics_check() {   # ics_check NAME FILE
  [[ $1 =~ $FILTER ]] && [ -s "$2" ] || return 0   # nothing written: the probe's verdict says why
  if ! python3 "$SCRIPTS/check_ics.py" "$2" >"$W/ics" 2>&1; then finding "ICS-INVALID rc=- $1: $(grep -v '^{' "$W/ics" | head -1 | cut -c1-160)"; fi
}
IW=$W/ical-ws; "$BIN" init "$IW" --sample >/dev/null; IC=$(cd "$IW/cases" && ls | head -1 | sed 's/\.json$//')
mkdir -p "$IW/ical"
for st in state-intmax state-negative state-types state-deep; do
  cp "$F/$st.json" "$IW/ical/state.json"; sed -i "s/$ID/$IC/" "$IW/ical/state.json"; rm -f "$W/$st.ics"
  probe "ical with $st.json" ical -o "$W/$st.ics" --workspace "$IW"; ics_check "ical with $st.json" "$W/$st.ics"
  probe "ical again after $st.json" ical -o "$W/$st.ics" --workspace "$IW"; ics_check "ical again after $st.json" "$W/$st.ics"
done
rm -f "$IW/ical/state.json"; mkfifo "$IW/ical/state.json"; probe "ical state.json FIFO" ical -o "$W/s.ics" --workspace "$IW"; rm -f "$IW/ical/state.json"
mkdir "$IW/ical/state.json"; probe "ical state.json directory" ical -o "$W/s.ics" --workspace "$IW"; rmdir "$IW/ical/state.json"
ln -s /etc/renkei_probe_state "$IW/ical/state.json"; probe "ical state.json dangling link" ical -o "$W/s.ics" --workspace "$IW"
[ -e /etc/renkei_probe_state ] && { finding "WROTE-THROUGH rc=- ical state written through a symlink to /etc"; rm -f /etc/renkei_probe_state; }
rm -f "$IW/ical/state.json"
for fd in feed-empty feed-relative feed-nul state-deep; do
  cp "$F/$fd.json" "$IW/ical/feed.json"
  probe "note with $fd as feed.json" note "$IC" "フィード設定 $fd" --workspace "$IW"
done
rm -f "$IW/ical/feed.json" "$IW/relative.ics"
for day in 9999-12-31 9999-12-30 0001-01-01 2026-11-23; do
  "$BIN" next-action "$IC" "期限 $day" --due "$day" --workspace "$IW" >/dev/null 2>&1; rm -f "$W/d.ics"
  probe "ical next action due $day" ical -o "$W/d.ics" --workspace "$IW"; ics_check "ical next action due $day" "$W/d.ics"
  probe "ical --within 0, due $day" ical --within 0 -o "$W/d.ics" --workspace "$IW"; ics_check "ical --within 0, due $day" "$W/d.ics"
done
"$BIN" snooze "$IC" next-action --until 9999-12-31 --reason "永遠に" --workspace "$IW" >/dev/null 2>&1
probe "ical snooze until 9999-12-31" ical -o "$W/z.ics" --workspace "$IW"; ics_check "ical snooze until 9999-12-31" "$W/z.ics"
"$BIN" set "$IC" title "$(printf '件名;,\\\\ \r\n改行\x1b[2J\u202e逆\x07%.0s' {1..200})🙂👩‍👩‍👧" --workspace "$IW" >/dev/null 2>&1
"$BIN" next-action "$IC" "$(printf '次;,\\\\\r\n\x00\x1b]0;t\x07 %.0s' {1..300})" --due 2026-12-01 --workspace "$IW" >/dev/null 2>&1
"$BIN" set "$IC" municipality.name "$(printf '市\x1b%.0s' {1..100})" --workspace "$IW" >/dev/null 2>&1
probe "ical hostile case text" ical -o "$W/h.ics" --workspace "$IW"; ics_check "ical hostile case text" "$W/h.ics"
probe "ical hostile case text to stdout" ical --case "$IC" --workspace "$IW"
LC_ALL=C grep -qaP '[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]' "$W/h.ics" && finding "CONTROL   rc=-   a raw control character inside the .ics"
# 2,000 imported cases with every awkward import value, then the calendar
python3 -c "import sys; sys.stdout.write('ID,件名,自治体,次のアクション,期限\n' + ''.join('%d,※①㈱髙 ﾃﾞｼﾞﾀﾙ〜～ %d 🙂,狭山市,\"調整;,\\\\ 改\n行\",令和8年%d月%d日\n' % (i, i, i % 12 + 1, i % 28 + 1) for i in range(1, 2001)))" > "$F/cal.csv"
"$BIN" import "$F/cal.csv" --apply --workspace "$IW" >/dev/null 2>&1
probe "ical 2,000 imported cases" ical -o "$W/i.ics" --workspace "$IW"; ics_check "ical 2,000 imported cases" "$W/i.ics"

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
