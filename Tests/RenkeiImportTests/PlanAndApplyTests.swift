import Foundation
import Testing
@testable import RenkeiCore
@testable import RenkeiImport

/// The plan (dry run) and the cases it writes: one reason per bad row, keys → stable ids,
/// updates instead of duplicates, one `imported` event per case.
@Suite struct PlanAndApplyTests {
    func kintonePlan(_ cases: [Case] = [], mapping: ImportMapping? = nil) throws -> ImportPlan {
        let t = try ImportSource.table(try ImportFixtures.data("kintone-cp932.csv"), file: "kintone-cp932.csv")
        return ImportPlanner.plan(t, mapping: mapping ?? MappingGuess.guess(t.header), file: "kintone-cp932.csv", target: ImportFixtures.target(cases))
    }

    @Test func everyBadRowHasRowColumnValueAndExpectation() throws {
        let plan = try kintonePlan()
        #expect(plan.count(.create) == 3)
        #expect(plan.count(.invalid) == 5)
        #expect(!plan.isApplicable)
        let problems = plan.rows.flatMap(\.problems).map(\.description)
        #expect(problems.contains { $0.hasPrefix("row 5, column 期限: '2026/13/1' — a date") })
        #expect(problems.contains { $0.hasPrefix("row 6 — at most 14 cells like the header (found 15; the first extra one is column O, no. 15)") })
        #expect(problems.contains { $0.hasPrefix("row 7, column 予算額: '=SUM(A1:A3)' — a value, not a formula") })
        #expect(problems.contains { $0.contains("row 8, column レコード番号") && $0.contains("row 2 has the same key") })
        #expect(problems.contains { $0.hasPrefix("row 9, column ステータス: '要確認' — a stage") })
    }

    /// A ragged row names where it stops matching the header — the first missing column by
    /// header name, letter and number, or the first filled extra cell by letter and number —
    /// and what to do. A trailing empty cell past the header, or a missing column the header
    /// left blank (a trailing comma), is not ragged.
    @Test func raggedRowsNameTheirFirstMissingOrExtraColumn() throws {
        let csv = """
            件名,自治体,担当課,期限,備考,
            ①短い行,狭山市
            ㈱長い行,所沢市,環境課,2026/4/1,,,髙橋,余分
            空の余りは平気,川越市,,,,,,
            末尾の空見出しだけ欠ける,入間市,,,,
            """
        let t = try ImportFixtures.table(csv)
        #expect(t.header.last == "列6")
        let plan = ImportPlanner.plan(t, mapping: MappingGuess.guess(t.header), file: "t.csv", target: ImportFixtures.target())
        let short = try #require(plan.rows.first { $0.row == 2 })
        #expect(short.action == .invalid)
        #expect(short.problems.map { $0.text(.en) } == ["row 2, column 担当課 — 6 cells like the header (found 2: column C, no. 3, and the ones after it are missing); add the missing cells (commas) or put a value containing a line break in \"quotes\""])
        #expect(short.problems.map { $0.text(.ja) } == ["2行目、列「担当課」 — 見出しと同じ 6 列が必要です（2 列しかなく、C列・3列目から後がありません）。足りないセル（カンマ）を足すか、改行を含む値を \"引用符\" で囲んでください"])
        let long = try #require(plan.rows.first { $0.row == 3 })
        #expect(long.problems.map { $0.text(.en) } == ["row 3 — at most 6 cells like the header (found 8; the first extra one is column G, no. 7); put a value containing a comma in \"quotes\" or delete the extra cells"])
        #expect(long.problems.first?.text(.ja).hasPrefix("3行目 — 見出しと同じ 6 列まで（8 列あります。最初の余分なセルは G列・7列目）") == true)
        #expect(plan.rows.first { $0.row == 4 }?.action == .create)
        #expect(plan.rows.first { $0.row == 5 }?.action == .create)
    }

    @Test func columnLettersAreExcels() {
        #expect([1, 3, 26, 27, 52, 53, 702, 703].map(RowProblem.columnLetters) == ["A", "C", "Z", "AA", "AZ", "BA", "ZZ", "AAA"])
    }

    @Test func aValueMapFixesTheUnknownStatus() throws {
        var m = MappingGuess.guess(try kintonePlan().mapping.columns.keys.sorted())
        m = try kintonePlan().mapping
        m.values["stage"] = ["要確認": "coordination"]
        let plan = try kintonePlan(mapping: m)
        #expect(plan.rows.first { $0.row == 9 }?.action == .create)
    }

    @Test func rowsBecomeFieldValues() throws {
        let plan = try kintonePlan()
        let first = try #require(plan.rows.first { $0.row == 2 })
        #expect(first.id == "kintone-1")
        let values = Dictionary(uniqueKeysWithValues: first.assignments.map { ($0.path, $0.value) })
        #expect(values["title"] == .string("環境行動促進アプリ（髙橋案）"))
        #expect(values["stage"] == .string("coordination"))
        #expect(values["method"] == .string("sole-source-4"))
        #expect(values["budget.totalYen"] == .int(4_800_000))
        #expect(values["budget.fiscalYear"] == .int(2026))
        #expect(values["nextAction.due"] == .string("2026-04-01"))
        #expect(values["partners"] == .array([.string("㈱グリーンテック"), .string("NPO法人エコ①")]))
        #expect(first.note?.contains("備考: ※第①期：ﾊﾝｶｸｶﾅ含む") == true)
        let second = try #require(plan.rows.first { $0.row == 3 })
        let v2 = Dictionary(uniqueKeysWithValues: second.assignments.map { ($0.path, $0.value) })
        #expect(v2["stage"] == .string("dropped"))
        #expect(v2["stageReason"] == .string("取り込み時の状態: 見送り"))
        #expect(v2["budget.totalYen"] == .int(1_200_000))
        let third = try #require(plan.rows.first { $0.row == 4 })
        #expect(third.title == "「防災、減災」データ連携 （実証実験）")
    }

    @Test func applyWritesOneImportedEventAndASecondRunIsUnchanged() throws {
        let plan = try kintonePlan()
        let row = try #require(plan.rows.first { $0.row == 2 })
        let c = try ImportApplier.apply(row, to: nil, file: "kintone-cp932.csv", context: ImportFixtures.context())
        #expect(c.events.count == 1)
        #expect(c.events[0].kind == .imported)
        #expect(c.events[0].reason == "imported from kintone-cp932.csv row 2")
        #expect(c.events[0].command == "cmd-import")
        #expect(c.stage == .coordination && c.municipality.kind == .city && c.budget.totalYen == 4_800_000)
        #expect(c.notes.count == 1)

        let again = try kintonePlan([c])
        #expect(again.rows.first { $0.row == 2 }?.action == .unchanged)

        var edited = c
        edited.stage = .budgeting
        let update = try #require(try kintonePlan([edited]).rows.first { $0.row == 2 })
        #expect(update.action == .update && update.changedFields == ["stage"])
        let written = try ImportApplier.apply(update, to: edited, file: "kintone-cp932.csv", context: ImportFixtures.context("cmd-2"))
        #expect(written.stage == .coordination && written.events.count == 2 && written.notes.count == 1)
        // The import event is undoable like any command.
        let undone = try CaseCommands.undo("cmd-2", in: written, context: ImportFixtures.context("cmd-3"))
        #expect(undone.stage == .budgeting)
    }

    /// A key that names a case no import made (a colleague created kintone-1 in renkei) is a
    /// problem on its row — row, key column, id — never an overwrite; the same id on a case an
    /// import made is an update, and renkei's own CSV may update any case (export → Excel → back).
    @Test func anIdOfACaseNoImportMadeIsNeverOverwritten() throws {
        let byHand = Case(id: "kintone-1", title: "手作りの案件①", municipality: Municipality(name: "狭山市"))
        let plan = try kintonePlan([byHand])
        let row = try #require(plan.rows.first { $0.row == 2 })
        #expect(row.action == .invalid && !plan.isApplicable)
        #expect(row.problems.map { $0.text(.en) } == ["row 2, column レコード番号: 'kintone-1' — an id for a new case; case 'kintone-1' already exists and was not made by an import, so it is not overwritten; change the id in the file or skip that column"])
        #expect(row.problems.first?.text(.ja).hasPrefix("2行目、列「レコード番号」: 「kintone-1」 — 新しい案件のID。ID「kintone-1」の案件はすでにあり、取り込みで作られたものではないため上書きしません") == true)
        // Imported before: the re-import updates it.
        let imported = try ImportApplier.apply(try #require(try kintonePlan().rows.first { $0.row == 2 }), to: nil, file: "kintone-cp932.csv",
                                               context: ImportFixtures.context())
        var edited = imported
        edited.title = "直した件名"
        #expect(try kintonePlan([edited]).rows.first { $0.row == 2 }?.action == .update)
        // renkei's own export may update a case made in renkei.
        let t = try ImportFixtures.table("ID,件名,自治体,段階\r\nkintone-1,手作りの案件②,狭山市,課題整理\r\n")
        let own = MappingGuess.guess(t.header, preset: "renkei")
        #expect(ImportPlanner.plan(t, mapping: own, file: "p.csv", target: ImportFixtures.target([byHand])).rows[0].action == .update)
    }

    @Test func withoutAKeyTheIdComesFromTitleAndMunicipality() throws {
        let t = try ImportFixtures.table("件名,自治体\r\n見守り,狭山市\r\n見守り,所沢市\r\n見守り,狭山市\r\n")
        let plan = ImportPlanner.plan(t, mapping: MappingGuess.guess(t.header), file: "t.csv", target: ImportFixtures.target())
        #expect(plan.rows[0].id == plan.rows[2].id)
        #expect(plan.rows[0].id != plan.rows[1].id)
        #expect(plan.rows[0].id?.hasPrefix("imp-") == true)
        #expect(plan.rows[2].action == .invalid)   // the same case twice in one file
    }

    @Test func missingTitleOrMappedColumnIsReported() throws {
        let t = try ImportFixtures.table("自治体,備考\r\n狭山市,メモ\r\n")
        var m = MappingGuess.guess(t.header)
        m.columns["件名"] = "title"
        let plan = ImportPlanner.plan(t, mapping: m, file: "t.csv", target: ImportFixtures.target())
        #expect(plan.fileProblems.first == .mappedColumnMissing("件名"))
        #expect(plan.fileProblems.first?.text(.en).contains("'件名', which is not in the header") == true)
        #expect(plan.fileProblems.first?.text(.ja) == "対応表にある列「件名」が見出しにありません。対応表かファイルを直してください")
        #expect(plan.rows[0].problems.contains { $0.expected == .titleMissing })
        #expect(plan.rows[0].problems.contains { $0.text(.ja).hasPrefix("2行目 — 新しい案件には件名が必要です") })
    }

    @Test func defusedCellsFromRenkeisOwnExportAreRead() throws {
        let t = try ImportFixtures.table("ID,件名,自治体,段階,進捗\r\nc-0001,'=外部連携,狭山市,調整・意思決定,●●●○○\r\n")
        let plan = ImportPlanner.plan(t, mapping: MappingGuess.guess(t.header), file: "p.csv", target: ImportFixtures.target())
        #expect(plan.rows[0].title == "=外部連携")
        #expect(plan.rows[0].id == "c-0001")
        #expect(plan.isApplicable)
    }
}
