import Foundation
import Testing
@testable import RenkeiCore
@testable import RenkeiImport

/// Office values (令和 dates, 千円, full-width digits) and mappings guessed from headers.
@Suite struct MappingAndValueTests {
    @Test(arguments: [
        ("2026/4/1", "2026-04-01"), ("2026-04-01", "2026-04-01"), ("2026.4.1", "2026-04-01"), ("2026年4月1日", "2026-04-01"),
        ("令和8年4月1日", "2026-04-01"), ("令和元年5月1日", "2019-05-01"), ("R8.4.1", "2026-04-01"), ("H31/4/30", "2019-04-30"),
        ("２０２６／４／１", "2026-04-01"), ("46113", "2026-04-01"), ("2026/4/1 0:00:00", "2026-04-01"), (" 2026/4/1\u{3000}", "2026-04-01"),
    ])
    func datesOfficesWrite(_ input: String, _ expected: String) {
        #expect(OfficeValues.day(input)?.description == expected)
    }

    @Test(arguments: ["2026/13/1", "2026", "令和100年1月1日", "4/1", "明日", "2026/2/30", ""])
    func datesRejected(_ input: String) { #expect(OfficeValues.day(input) == nil) }

    @Test func yenAmounts() {
        #expect(OfficeValues.yen("¥4,800,000") == 4_800_000)
        #expect(OfficeValues.yen("￥４，８００，０００") == 4_800_000)
        #expect(OfficeValues.yen("4800000円") == 4_800_000)
        #expect(OfficeValues.yen("480万円") == 4_800_000)
        #expect(OfficeValues.yen("1,200千円") == 1_200_000)
        #expect(OfficeValues.yen("1.2億円") == 120_000_000)
        #expect(OfficeValues.yen("") == nil)
        #expect(OfficeValues.yen("-5") == nil)
        #expect(OfficeValues.yen("未定") == nil)
    }

    @Test func fiscalYears() {
        #expect(OfficeValues.fiscalYear("令和8年度") == 2026)
        #expect(OfficeValues.fiscalYear("R8") == 2026)
        #expect(OfficeValues.fiscalYear("２０２６") == 2026)
        #expect(OfficeValues.fiscalYear("2027年度") == 2027)
        #expect(OfficeValues.fiscalYear("FY2027") == 2027)
        #expect(OfficeValues.fiscalYear("1999") == nil)
    }

    @Test func guessesJapaneseAndEnglishHeaders() {
        let ja = MappingGuess.guess(["案件名", "市区町村", "担当課", "ステータス", "予算額（円）", "年度", "謎の列"])
        #expect(ja.columns["案件名"] == "title")
        #expect(ja.columns["市区町村"] == "municipality.name")
        #expect(ja.columns["担当課"] == "department")
        #expect(ja.columns["ステータス"] == "stage")
        #expect(ja.columns["予算額（円）"] == "budget.totalYen")
        #expect(ja.columns["年度"] == "budget.fiscalYear")
        #expect(ja.columns["謎の列"] == "note")   // kept, never dropped
        #expect(ja.preset == nil && ja.key == nil)
        let en = MappingGuess.guess(["Title", "Municipality", "Stage", "Next action due", "Due"])
        #expect(en.columns["Title"] == "title")
        #expect(en.columns["Next action due"] == "nextAction.due")
        #expect(en.columns["Due"] == "note")   // a second column for the same field is kept as a note
    }

    @Test func presetsAreDetected() {
        let k = MappingGuess.guess(["レコード番号", "案件名", "ステータス", "作成者", "更新日時", "作業者"])
        #expect(k.preset == "kintone" && k.key == "レコード番号" && k.idPrefix == "kintone-")
        #expect(k.columns["作成者"] == "ignore" && k.columns["作業者"] == "note")
        let r = MappingGuess.guess(["ID", "件名", "自治体", "段階", "進捗", "超過日数"])
        #expect(r.preset == "renkei" && r.key == "ID")
        #expect(r.columns["進捗"] == "ignore" && r.columns["段階"] == "stage")
    }

    @Test func mappingFileRoundTripsAndRejectsUnknownFields() throws {
        var m = MappingGuess.guess(["件名", "自治体"])
        m.values = ["stage": ["要確認": "coordination"]]
        #expect(try ImportMapping.decode(try m.encoded(), file: "m.json") == m)
        #expect(throws: ImportError.self) {
            try ImportMapping.decode(Data(#"{"columns": {"件名": "titel"}}"#.utf8), file: "m.json")
        }
        #expect(throws: ImportError.self) { try ImportMapping.decode(Data("not json".utf8), file: "m.json") }
    }

    @Test func valueNamesAndMappingOverrides() {
        let names = ValueNames(catalog: ImportFixtures.catalog)
        let m = ImportMapping(values: ["stage": ["要確認": "coordination", "空欄": ""]])
        #expect(names.resolve("stage", "調整中", mapping: m) == "coordination")
        #expect(names.resolve("stage", "見送り", mapping: m) == "dropped")
        #expect(names.resolve("stage", "要確認", mapping: m) == "coordination")
        #expect(names.resolve("stage", "空欄", mapping: m) == nil)
        #expect(names.resolve("method", "随意契約", mapping: m) == "sole-source-4")
        #expect(names.resolve("exit", "実証実験", mapping: m) == "co-creation")
    }

    @Test func listsSplitOutsideBrackets() {
        #expect(RowReader.splitList("㈱A（B・C）・D、E", separators: ["・", "、"]) == ["㈱A（B・C）", "D", "E"])
    }
}
