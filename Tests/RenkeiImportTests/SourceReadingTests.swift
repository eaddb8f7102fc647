import Foundation
import Testing
@testable import RenkeiCore
@testable import RenkeiImport

/// Bytes → table: encodings as offices save them, CSV quoting, .xlsx parts, and bad files.
@Suite struct SourceReadingTests {
    @Test func cp932IsDetectedAndKeepsMicrosoftCharacters() throws {
        // ① ㈱ 髙 and half-width kana are CP932 extensions a strict Shift_JIS decoder rejects.
        let text = "件名,自治体\r\n①㈱髙ｶﾅ～テスト,狭山市\r\n"
        let bytes = try #require(text.data(using: .shiftJIS))
        let decoded = try SourceText.decode(bytes, file: "x.csv")
        #expect(decoded.encoding == .cp932)
        #expect(decoded.text == text)
        let table = try ImportSource.table(bytes, file: "x.csv")
        #expect(table.source == "CP932 (Shift_JIS)")
        #expect(table.rows[0].cells == ["①㈱髙ｶﾅ～テスト", "狭山市"])
    }

    @Test func utf8WithAndWithoutBOMAndTheWaveDash() throws {
        let plain = Data("件名\r\n10月〜12月\r\n".utf8)
        let a = try SourceText.decode(plain, file: "a.csv")
        #expect(a.encoding == .utf8)
        #expect(a.text.contains("10月～12月"))   // U+301C stored as U+FF5E, as CP932 decodes it
        #expect(!a.text.contains("\u{301C}"))
        let bom = try SourceText.decode(Data([0xEF, 0xBB, 0xBF]) + plain, file: "b.csv")
        #expect(bom.encoding == .utf8BOM)
        #expect(bom.text.hasPrefix("件名"))
    }

    @Test func forcedEncodingAndBadBytes() throws {
        let sjis = try #require("狭山市".data(using: .shiftJIS))
        #expect(throws: ImportError(.unknownEncoding(file: "f.csv", forced: "UTF-8"))) {
            try SourceText.decode(sjis, file: "f.csv", forced: .utf8)
        }
        #expect(throws: ImportError(.binary(file: "f.csv", offset: 2))) { try SourceText.decode(Data([0x41, 0x42, 0x00, 0x43]), file: "f.csv") }
        #expect(try SourceEncoding.parse("Shift_JIS") == .cp932)
        #expect(throws: ImportError(.unsupportedEncoding("euc-jp"))) { try SourceEncoding.parse("euc-jp") }
    }

    @Test func csvQuotingTitleRowAndRowNumbers() throws {
        let csv = "令和8年度 案件一覧,,\r\n\r\n件名,自治体,備考\r\n\"防災、減災\",所沢市,\"1行目\n2行目\"\r\n\"「引用」\"\"符\"\"\",狭山市,\r\n,,\r\n"
        let t = try ImportFixtures.table(csv)
        #expect(t.header == ["件名", "自治体", "備考"])
        #expect(t.rows.map(\.number) == [4, 5])
        #expect(t.rows[0].cells == ["防災、減災", "所沢市", "1行目\n2行目"])
        #expect(t.rows[1].cells[0] == "「引用」\"符\"")
    }

    @Test func duplicateAndBlankHeadersStayAddressable() throws {
        let t = try ImportFixtures.table("件名,備考,,備考\r\na,b,c,d\r\n")
        #expect(t.header == ["件名", "備考", "列3", "備考 (2)"])
    }

    @Test func kintoneFixtureReads() throws {
        let t = try ImportSource.table(try ImportFixtures.data("kintone-cp932.csv"), file: "kintone-cp932.csv")
        #expect(t.source == "CP932 (Shift_JIS)")
        #expect(t.header.first == "レコード番号")
        #expect(t.rows.count == 8)
        #expect(t.rows[0].cells[1] == "環境行動促進アプリ（髙橋案）")
        #expect(t.rows[0].cells[9] == "庁内調整会議～説明資料")
        #expect(t.rows[2].cells[1] == "「防災、減災」データ連携\n（実証実験）")
        #expect(t.rows[4].cells.count == 15)   // the ragged row is kept for the plan to report
    }

    @Test func workbookWithTwoRowMergedHeaderDatesAndFormula() throws {
        let t = try ImportSource.table(try ImportFixtures.data("cases.xlsx"), file: "cases.xlsx")
        #expect(t.source == "xlsx sheet 案件一覧")
        #expect(t.header == ["ID", "件名", "自治体", "原課", "予算・金額", "予算・年度", "状況", "次のアクション期限", "備考"])
        #expect(t.rows.map(\.number) == [3, 4, 5])
        #expect(t.rows[0].cells == ["SY-001", "環境行動促進アプリ（狭山市）", "狭山市", "環境課", "4800000", "令和8年度", "調整中", "2026-04-01", "※①優先"])
        #expect(t.rows[1].cells[7] == "2026-09-30")   // a 和暦 custom format (ggge年m月d日) is a date too
        #expect(t.rows[2].formulaColumns == [4])
        #expect(t.rows[2].cells[4] == "")
    }

    @Test func excelStyleSharedStringsFuriganaRichTextAndSheets() throws {
        let data = try ImportFixtures.data("excel-style.xlsx")
        let first = try ImportSource.table(data, file: "e.xlsx")
        #expect(first.source == "xlsx sheet 表紙")
        let t = try ImportSource.table(data, file: "e.xlsx", sheet: "一覧")
        #expect(t.header == ["件名", "自治体", "予算額", "期限", "状況"])
        #expect(t.rows[0].cells == ["子育て支援アプリ", "狭山市", "4800000", "2026-04-01", "調整中"])  // no サヤマシ furigana
        #expect(t.rows[0].formulaColumns == [2])
        #expect(t.rows[1].number == 4)
        #expect(t.rows[1].cells == ["見守りサービス", "狭山市", "1500000", "2026-09-30", "保留"])
        #expect(throws: ImportError(.noSheet(file: "e.xlsx", name: "無い", available: ["表紙", "一覧"]))) {
            try ImportSource.table(data, file: "e.xlsx", sheet: "無い")
        }
    }

    @Test func badWorkbooksAndFilesSayWhat() throws {
        var ole = Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]); ole.append(Data(count: 512))
        #expect(throws: ImportError(.encryptedWorkbook(file: "p.xlsx"))) { try ImportSource.table(ole, file: "p.xlsx") }
        #expect(throws: ImportError(.corruptWorkbook(file: "c.xlsx", detail: .notZip))) {
            try ImportSource.table(Data("これはExcelではない".utf8), file: "c.xlsx")
        }
        // A truncated workbook: the zip's central directory is gone.
        let whole = try ImportFixtures.data("cases.xlsx")
        #expect(throws: ImportError.self) { try ImportSource.table(whole.prefix(whole.count / 2), file: "t.xlsx") }
        #expect(throws: ImportError(.unsupportedFormat(file: "old.xls"))) { try ImportSource.table(Data(), file: "old.xls") }
        // A workbook renamed to .csv is named as such, not decoded as text.
        #expect(throws: ImportError.self) { try ImportSource.table(whole, file: "cases.csv") }
        #expect(throws: ImportError.tooLarge(file: "big.csv", bytes: ImportSource.maxBytes + 1, limit: ImportSource.maxBytes)) {
            try ImportSource.table(Data(count: ImportSource.maxBytes + 1), file: "big.csv")
        }
    }

    @Test func excelSerials() {
        #expect(ExcelSerial.day(46113)?.description == "2026-04-01")
        #expect(ExcelSerial.day(61)?.description == "1900-03-01")
        #expect(ExcelSerial.day(59)?.description == "1900-02-28")
        #expect(ExcelSerial.day(0, date1904: true) == nil)
        #expect(ExcelSerial.day(44651, date1904: true)?.description == "2026-04-01")
    }
}
