#!/usr/bin/env python3
"""Test data for Benchmarks/import.sh (issue 13): N rows of a kintone-style case list, written as
  utf8.csv       UTF-8 with BOM (kintone's export), CRLF, a quoted cell with a line break now and then
  cp932.csv      the same rows as Japanese Excel saves "CSV" (CP932, no BOM; emoji left out)
  book.xlsx      the same rows as a workbook: shared strings, amounts as numbers, due dates as date
                 serials with a date style (numFmtId 14), a title row and a merged title cell
  *-v2.*         the same keys with every row's next action and date moved and a third of the
                 statuses advanced (a second import of these updates every case)
  list.mapping.json   the mapping a coordinator ends up with (status value map filled in)
Values come in the forms offices write: 2026/4/1, 令和8年4月1日, R8.4.1, 2026年4月1日; ¥4,800,000,
480万円, 4,800千円, full-width digits; 令和8年度, R8, 2026; ①, ㈱, 髙, 〜, half-width kana.
Municipalities are real names from Data/municipalities/jp.tsv. Deterministic (no randomness).
The .xlsx is written with the standard library's zipfile (test data only; renkei reads it with
ZIPFoundation), so nothing has to be installed.
    python3 Benchmarks/import_data.py N OUTDIR"""
import json, os, sys, zipfile
from xml.sax.saxutils import escape

n, out = int(sys.argv[1]), sys.argv[2]
os.makedirs(out, exist_ok=True)
here = os.path.dirname(os.path.abspath(__file__))

def municipalities():
    prefs, towns = {}, []
    with open(os.path.join(here, "..", "Data", "municipalities", "jp.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"): continue
            code, kind, name = line.split("\t")[:3]
            if kind == "prefecture": prefs[code[:2]] = name
            elif kind in ("city", "town", "village", "core-city", "designated-city"): towns.append((code[:2], name))
    return [(name, prefs.get(p, "")) for p, name in towns[::7]]   # ~250 of them, all prefectures

TOWNS = municipalities()
THEMES = ["環境行動促進アプリ", "AI議事録作成支援", "子育て支援LINE相談", "道路損傷の画像検知", "髙齢者見守りIoT",
          "書かない窓口〜申請DX", "オンデマンド交通の実証", "ごみ分別チャットボット", "防災情報の多言語配信",
          "農地パトロールのドローン活用", "ふるさと納税返礼品開発", "空き家マッチング"]
DEPTS = ["環境課", "デジタル推進課", "子育て支援課", "道路課", "高齢福祉課", "市民課", "交通政策課", "危機管理課", "農政課", "企画課"]
PARTNERS = ["㈱グリーンテック", "株式会社スマートシティ研究所", "NPO法人エコ①", "ｱｲﾃｯｸ合同会社", "㈲みらい交通", "髙橋ソリューションズ株式会社"]
# kintone プロセス管理 statuses as offices name them; the mapping's value map places each.
STATUSES = ["企画中", "探索中", "調整中", "方法検討", "予算化", "実証中", "見送り", "保留"]
STATUS_MAP = {"企画中": "issue-definition", "探索中": "partner-search", "方法検討": "method", "実証中": "realized", "保留": "paused"}
METHODS = ["随意契約", "プロポーザル", "", "実証実験"]
WIDE = str.maketrans("0123456789", "０１２３４５６７８９")
HEADER = ["レコード番号", "案件名", "自治体", "都道府県", "担当課", "連携先", "ステータス", "契約方法", "予算額",
          "目標年度", "次の対応", "期限", "備考", "作成者", "作成日時", "更新者", "更新日時"]

def due(i, v):
    """(year, month, day) of the next action; v2 moves it by a month."""
    m = (i + v) % 12 + 1
    return (2026 if m >= 4 else 2027), m, i % 28 + 1

def due_text(i, v):
    y, m, d = due(i, v)
    r = y - 2018
    return [f"{y}/{m}/{d}", f"令和{r}年{m}月{d}日", f"R{r}.{m}.{d}", f"{y}年{m}月{d}日"][i % 4]

def amount(i):
    man = (i * 37) % 900 + 50                    # 50万円 … 949万円
    return man * 10_000, [f"¥{man * 10_000:,}", f"{man}万円", f"{man * 10:,}千円", f"{man}万円".translate(WIDE), ""][i % 5]

def row(i, v, emoji=True):
    town, pref = TOWNS[i % len(TOWNS)]
    status = STATUSES[(i + (v if i % 3 == 0 else 0)) % len(STATUSES)]
    note = ["", "庁内調整会議で説明済み", "見積依頼中、\"概算\"で回答あり", "ｶﾀｶﾅ半角の備考", "第①期の振り返り\n次年度へ引継ぎ",
            "ロゴ案を確認 🚀" if emoji else "ロゴ案を確認"][i % 6]
    yen, yen_text = amount(i)
    return {
        "cells": [str(i), f"{THEMES[i % len(THEMES)]}（{town}・第{i // len(THEMES) + 1}期）", town, pref, DEPTS[i % len(DEPTS)],
                  "、".join(PARTNERS[(i + k) % len(PARTNERS)] for k in range(i % 3 + 1)), status, METHODS[i % len(METHODS)], yen_text,
                  ["令和8年度", "R8", "2026", "２０２６"][i % 4] if i % 2 else ["令和9年度", "R9", "2027", "２０２７"][i % 4],
                  ["庁内調整会議〜説明資料の準備", "財政課ヒアリング", "見積書の取得", "実証結果の報告"][(i + v) % 4] + (" (再)" if v else ""),
                  due_text(i, v), note, "髙橋", "2026-04-01T09:00:00Z", "佐藤", f"2026-11-{i % 28 + 1:02d}T10:00:00Z"],
        "yen": yen, "due": due(i, v),
    }

def write_csv(path, rows, encoding):
    def cell(s): return '"' + s.replace('"', '""') + '"' if any(c in s for c in ',"\r\n') else s
    with open(path, "w", encoding=encoding, newline="") as f:
        f.write(",".join(HEADER) + "\r\n")
        for r in rows: f.write(",".join(cell(c) for c in r["cells"]) + "\r\n")

def col(c):
    s, c = "", c + 1
    while c: c, r = divmod(c - 1, 26); s = chr(65 + r) + s
    return s

def serial(y, m, d):
    import datetime
    return (datetime.date(y, m, d) - datetime.date(1899, 12, 30)).days

def write_xlsx(path, rows):
    strings, index = [], {}
    def si(v):
        if v not in index: index[v] = len(strings); strings.append(v)
        return index[v]
    AMOUNT, DUE = HEADER.index("予算額"), HEADER.index("期限")
    body = ['<row r="1"><c r="A1" t="s"><v>%d</v></c></row>' % si("令和8年度 官民連携案件一覧（kintoneより）")]
    body.append('<row r="2">' + "".join(f'<c r="{col(c)}2" t="s"><v>{si(h)}</v></c>' for c, h in enumerate(HEADER)) + "</row>")
    for k, r in enumerate(rows):
        ri, cells, i = k + 3, [], k + 1
        for c, v in enumerate(r["cells"]):
            ref = f"{col(c)}{ri}"
            if c == AMOUNT and i % 5 != 4:
                cells.append(f'<c r="{ref}"><v>{r["yen"]}</v></c>')                       # a number cell
            elif c == DUE and i % 4 != 3:
                cells.append(f'<c r="{ref}" s="1"><v>{serial(*r["due"])}</v></c>')       # a date serial
            elif v:
                cells.append(f'<c r="{ref}" t="s"><v>{si(v)}</v></c>')
        body.append(f'<row r="{ri}">' + "".join(cells) + "</row>")
    sheet = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
             '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
             + "".join(body) + f'</sheetData><mergeCells count="1"><mergeCell ref="A1:{col(len(HEADER) - 1)}1"/></mergeCells></worksheet>')
    sst = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           f'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{len(strings)}" uniqueCount="{len(strings)}">'
           + "".join(f'<si><t xml:space="preserve">{escape(s)}</t></si>' for s in strings) + "</sst>")
    styles = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
              '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
              '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>')
    ns = "http://schemas.openxmlformats.org"
    parts = {
        "[Content_Types].xml": f'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="{ns}/package/2006/content-types">'
            f'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
            '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
        "_rels/.rels": f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{ns}/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{ns}/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{ns}/spreadsheetml/2006/main" '
            f'xmlns:r="{ns}/officeDocument/2006/relationships"><sheets><sheet name="案件一覧" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{ns}/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{ns}/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
            f'<Relationship Id="rId2" Type="{ns}/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
            f'<Relationship Id="rId3" Type="{ns}/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
        "xl/worksheets/sheet1.xml": sheet,
        "xl/sharedStrings.xml": sst,
        "xl/styles.xml": styles,
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in parts.items(): z.writestr(name, text)

for v, suffix in ((0, ""), (1, "-v2")):
    rows = [row(i, v) for i in range(1, n + 1)]
    write_csv(os.path.join(out, f"utf8{suffix}.csv"), rows, "utf-8-sig")
    # Excel's CP932 has ￥ and ～ where Unicode text has ¥ and 〜 (the importer folds 〜 to ～).
    sjis = [{**r, "cells": [c.replace("¥", "￥").replace("〜", "～") for c in r["cells"]]} for r in (row(i, v, emoji=False) for i in range(1, n + 1))]
    write_csv(os.path.join(out, f"cp932{suffix}.csv"), sjis, "cp932")
    write_xlsx(os.path.join(out, f"book{suffix}.xlsx"), rows)

mapping = {"format": "renkei.import-mapping", "preset": "kintone", "key": "レコード番号", "idPrefix": "kintone-",
           "columns": {"レコード番号": "id", "案件名": "title", "自治体": "municipality.name", "都道府県": "municipality.prefecture",
                       "担当課": "department", "連携先": "partners", "ステータス": "stage", "契約方法": "method",
                       "予算額": "budget.totalYen", "目標年度": "budget.fiscalYear", "次の対応": "nextAction.text",
                       "期限": "nextAction.due", "備考": "note", "作成者": "ignore", "作成日時": "ignore", "更新者": "ignore", "更新日時": "ignore"},
           "values": {"stage": STATUS_MAP, "method": {"実証実験": "sole-source-4"}}}
with open(os.path.join(out, "list.mapping.json"), "w", encoding="utf-8") as f:
    json.dump(mapping, f, ensure_ascii=False, indent=2)
