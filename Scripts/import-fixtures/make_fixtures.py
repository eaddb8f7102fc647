#!/usr/bin/env python3
"""Writes the import test fixtures under Tests/RenkeiImportTests/Fixtures (committed, so CI
needs no openpyxl): a kintone-style CP932 CSV and an Excel workbook with the awkward cases a
coordinator's real list has. Re-run after changing this script: pip install openpyxl==3.1.5."""
import datetime
import os
import sys

import openpyxl
from openpyxl.styles import Alignment

OUT = os.path.join(os.path.dirname(__file__), "..", "..", "Tests", "RenkeiImportTests", "Fixtures")

KINTONE_HEADER = ["レコード番号", "案件名", "自治体", "担当課", "連携先", "ステータス", "契約方法",
                  "予算額", "目標年度", "次の対応", "期限", "備考", "作成者", "更新日時"]
KINTONE_ROWS = [
    ["1", "環境行動促進アプリ（髙橋案）", "狭山市", "環境課", "㈱グリーンテック、NPO法人エコ①",
     "調整中", "随意契約", "￥4,800,000", "令和8年度", "庁内調整会議〜説明資料", "令和8年4月1日",
     "※第①期：ﾊﾝｶｸｶﾅ含む", "佐藤", "2026-03-01 10:00"],
    ["2", "子育て相談チャットボット", "三芳町", "こども支援課", "㈱ミライ",
     "見送り", "プロポーザル", "1,200千円", "２０２６", "", "", "予算不足のため、次年度再検討", "佐藤", "2026-03-02 09:00"],
    ["3", "「防災、減災」データ連携\n（実証実験）", "所沢市", "危機管理課", "㈱ボウサイ",
     "探索中", "", "480万円", "R8", "候補企業へヒアリング", "R8.5.15", "", "鈴木", "2026-03-03 09:00"],
    ["4", "日付が読めない行", "川越市", "", "", "調整中", "", "", "", "", "2026/13/1", "", "鈴木", "2026-03-03 09:00"],
    ["5", "列が多すぎる行", "入間市", "", "", "調整中", "", "", "", "", "", "", "鈴木", "2026-03-03 09:00", "余計な値"],
    ["6", "式が入った行", "飯能市", "", "", "調整中", "", "=SUM(A1:A3)", "", "", "", "", "鈴木", "2026-03-03 09:00"],
    ["1", "重複したレコード番号", "狭山市", "", "", "調整中", "", "", "", "", "", "", "鈴木", "2026-03-03 09:00"],
    ["7", "状態が未知の行", "日高市", "", "", "要確認", "", "", "", "", "", "", "鈴木", "2026-03-03 09:00"],
]


def csv_field(s):
    if any(c in s for c in ',"\r\n'):
        return '"' + s.replace('"', '""') + '"'
    return s


def write_kintone():
    lines = [",".join(csv_field(c) for c in KINTONE_HEADER)]
    for row in KINTONE_ROWS:
        lines.append(",".join(csv_field(c) for c in row))
    text = "\r\n".join(lines) + "\r\n"
    # CP932: ※ ① ㈱ 髙 and half-width kana are in it; 〜 (U+301C) is not, ～ (U+FF5E) is.
    data = text.replace("〜", "～").encode("cp932")
    with open(os.path.join(OUT, "kintone-cp932.csv"), "wb") as f:
        f.write(data)
    # The clean subset (rows 1–3) in UTF-8 with BOM, as kintone's UTF-8 export writes it.
    clean = "\r\n".join([",".join(csv_field(c) for c in KINTONE_HEADER)] +
                        [",".join(csv_field(c) for c in r) for r in KINTONE_ROWS[:3]]) + "\r\n"
    with open(os.path.join(OUT, "kintone-clean-utf8bom.csv"), "wb") as f:
        f.write(b"\xef\xbb\xbf" + clean.encode("utf-8"))


def write_workbook():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "案件一覧"
    # Two-row header: 予算 is a merged group title over 金額 and 年度; the others span both rows.
    ws.append(["ID", "件名", "自治体", "原課", "予算", None, "状況", "次のアクション期限", "備考"])
    ws.append([None, None, None, None, "金額", "年度", None, None, None])
    for col in ["A", "B", "C", "D", "G", "H", "I"]:
        ws.merge_cells(f"{col}1:{col}2")
    ws.merge_cells("E1:F1")
    ws["E1"].alignment = Alignment(horizontal="center")
    rows = [
        ["SY-001", "環境行動促進アプリ（狭山市）", "狭山市", "環境課", 4800000, "令和8年度", "調整中", datetime.date(2026, 4, 1), "※①優先"],
        ["SY-002", "ﾃﾞｼﾞﾀﾙ窓口（髙島平）", "板橋区", "区民課", None, 2026, "予算化", datetime.date(2026, 9, 30), "㈱サンプル"],
        ["SY-003", "見積合計が式の行", "川口市", "企画課", None, 2027, "探索中", None, ""],
    ]
    for r in rows:
        ws.append(r)
    ws["E5"] = "=1200000*2"   # a formula; openpyxl writes no cached value
    ws["H3"].number_format = "yyyy/m/d"
    ws["H4"].number_format = "ggge\"年\"m\"月\"d\"日\""
    other = wb.create_sheet("メモ")
    other.append(["件名", "自治体"])
    other.append(["別シートの案件", "所沢市"])
    wb.save(os.path.join(OUT, "cases.xlsx"))


def write_excel_style():
    """What Excel itself writes (openpyxl writes inline strings): shared strings with furigana
    runs (<rPh>) that are not cell text, rich text runs, a formula with its cached value, a
    date in built-in format 14, a 1900-system serial, and a sheet that is not the first."""
    import zipfile
    ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    rns = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
    strings = ["件名", "自治体", "予算額", "期限", "状況",
               '<r><t>子育て</t></r><r><rPr><b/></rPr><t>支援アプリ</t></r>',
               '狭山市<rPh sb="0" eb="3"><t>サヤマシ</t></rPh>', "調整中", "保留"]
    def si(x):
        return "<si>" + (x if x.startswith("<r>") else "<t>" + x.split("<rPh")[0] + "</t>" + ("<rPh" + x.split("<rPh")[1] if "<rPh" in x else "")) + "</si>"
    shared = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst {ns} count="{len(strings)}" uniqueCount="{len(strings)}">' + "".join(si(x) for x in strings) + "</sst>"
    sheet = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet {ns} {rns}><sheetData>'
             '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c></row>'
             '<row r="2"><c r="A2" t="s"><v>5</v></c><c r="B2" t="s"><v>6</v></c><c r="C2"><f>SUM(1200000,3600000)</f><v>4800000</v></c><c r="D2" s="1"><v>46113</v></c><c r="E2" t="s"><v>7</v></c></row>'
             '<row r="4"><c r="A4" t="str"><f>"見守り"&amp;"サービス"</f><v>見守りサービス</v></c><c r="B4" t="s"><v>6</v></c><c r="C4"><v>1.5E6</v></c><c r="D4" s="1"><v>46295.5</v></c><c r="E4" t="s"><v>8</v></c></row>'
             '</sheetData></worksheet>')
    workbook = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook {ns} {rns}><sheets>'
                '<sheet name="表紙" sheetId="2" r:id="rId2"/><sheet name="一覧" sheetId="1" r:id="rId1"/></sheets></workbook>')
    cover = f'<?xml version="1.0" encoding="UTF-8"?><worksheet {ns}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>令和8年度 案件一覧</t></is></c></row></sheetData></worksheet>'
    rels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet2.xml"/>'
            '</Relationships>')
    styles = f'<?xml version="1.0" encoding="UTF-8"?><styleSheet {ns}><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>'
    with zipfile.ZipFile(os.path.join(OUT, "excel-style.xlsx"), "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        z.writestr("xl/workbook.xml", workbook)
        z.writestr("xl/_rels/workbook.xml.rels", rels)
        z.writestr("xl/sharedStrings.xml", shared)
        z.writestr("xl/styles.xml", styles)
        z.writestr("xl/worksheets/sheet1.xml", sheet)
        z.writestr("xl/worksheets/sheet2.xml", cover)


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    write_kintone()
    write_workbook()
    write_excel_style()
    print("wrote fixtures to", os.path.abspath(OUT), file=sys.stderr)
