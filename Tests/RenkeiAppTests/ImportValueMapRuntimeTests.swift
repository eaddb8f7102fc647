import Foundation
import RenkeiTestSupport
import Testing
@testable import RenkeiCore
@testable import RenkeiStore
@testable import RenkeiTUI
@testable import RenkeiApp

/// The value map through the real runtime on a temp workspace (issue 13), on the kintone CSV
/// with every awkward row (CP932, a bad date, a ragged row, a formula, a duplicate key, the
/// unknown status 「要確認」): each shows in the preview as its own line, the unknown status is
/// mapped with `v`, `w` keeps the choice in the mapping file, and the preview plans with it.
@Suite struct ImportValueMapRuntimeTests {
    typealias R = ImportDialogRuntimeTests

    static func workspace() throws -> TempWorkspace { try R.workspace(with: "kintone-cp932.csv", as: "kintone.csv") }

    static func open(_ ws: TempWorkspace) -> Program {
        let program = Program.open(ws.environment, settings: Settings(lang: .ja), width: 120, height: 40)
        program.settle()
        program.send(R.keys(":取り込み") + [.key(.enter)] + R.keys("kintone") + [.key(.enter)])
        program.settle()
        return program
    }

    /// From the mapping: down to the column, v, settled.
    static func values(_ program: Program, column: String) throws -> ImportValueList {
        let info = try #require(R.dialog(program)?.info)
        let at = try #require(info.columns.firstIndex { $0.name == column })
        program.send(Array(repeating: .key(.up), count: info.columns.count) + Array(repeating: .key(.down), count: at) + [.key(.char("v"))])
        program.settle()
        return try #require(R.dialog(program)?.valueList)
    }

    @Test func everyAwkwardRowIsItsOwnLineAndTheUnknownStatusIsMappedOnScreen() throws {
        let ws = try Self.workspace()
        defer { ws.remove() }
        let program = Self.open(ws)
        #expect(R.dialog(program)?.info?.encoding == "CP932 (Shift_JIS)")
        program.send(.key(.enter))
        program.settle()
        let plan = try #require(R.dialog(program)?.plan)
        let problems = plan.rows.flatMap(\.problems).map { $0.text(.ja) }
        #expect(problems == [
            "5行目、列「期限」: 「2026/13/1」 — 日付（2026/4/1、2026年4月1日、令和8年4月1日、R8.4.1 など）",
            "6行目 — 見出しと同じ 14 列まで（15 列あります。最初の余分なセルは O列・15列目）。値の中のカンマは \"引用符\" で囲むか、余分なセルを消してください",
            "7行目、列「予算額」: 「=SUM(A1:A3)」 — 数式やエラーではなく値が必要です。Excel で列をコピーして「値の貼り付け」をしてください",
            "8行目、列「レコード番号」: 「kintone-1」 — 一度だけ使われるキー。2行目に同じキーがあります（案件ID kintone-1）。どちらかのキーを直すか、重複した行を消してください",
            "9行目、列「ステータス」: 「要確認」 — 段階（\(Stage.allCases.map(\.ja).joined(separator: "、"))）か、対応表の値の対応",
        ], "\(problems)")
        #expect(!plan.applicable)
        #expect(program.screen.text.contains("取り込めません: 9行目、列「ステータス」: 「要確認」"), "an unmapped value is a problem, never dropped")
        #expect(program.screen.text.contains("その列で v を押すと"), "the preview says how to map it")

        // v on ステータス: its values, what each means, 要確認 unmapped.
        program.send(.key(.esc))
        let stages = try Self.values(program, column: "ステータス")
        #expect(stages.field == "stage")
        #expect(stages.values.map(\.text) == ["調整中", "見送り", "探索中", "要確認"])
        #expect(stages.values.map(\.target) == ["coordination", "dropped", "partner-search", nil])
        #expect(stages.values[0].count == 5 && stages.values[3].firstRow == 9)
        #expect(program.screen.text.contains("未対応 — この値の行は取り込めません"))
        // 要確認 → 調整・意思決定 (coordination), from the list.
        program.send(R.keys("jjj") + [.key(.enter)])
        program.send(Array(repeating: .key(.down), count: Stage.allCases.firstIndex(of: .coordination)!) + [.key(.enter)])
        #expect(R.dialog(program)?.valueList?.values[3].target == "coordination")
        // w keeps it in the mapping file, next to the columns.
        program.send(.key(.char("w")))
        let saved = ws.root.appendingPathComponent("import/kintone.mapping.json")
        let mapping = try JSONDecoder().decode(ImportMappingProbe.self, from: Data(contentsOf: saved))
        #expect(mapping.values["stage"]?["要確認"] == "coordination" && mapping.columns["ステータス"] == "stage")

        // The preview plans with the choice: row 9 is a new case now.
        program.send(.key(.esc))
        program.send(.key(.enter))
        program.settle()
        let again = try #require(R.dialog(program)?.plan)
        #expect(again.rows.first { $0.row == 9 }?.action == .create)
        #expect(!again.rows.flatMap(\.problems).contains { $0.column == "ステータス" })

        // 契約方法: 随意契約 and プロポーザル by the built-in office words, named as the catalog names them.
        program.send(.key(.esc))
        let methods = try Self.values(program, column: "契約方法")
        #expect(methods.values.map(\.text) == ["随意契約", "プロポーザル"])
        #expect(methods.values.map(\.target) == ["sole-source-4", "proposal"])
        #expect(program.screen.text.contains("  (sole-source-4)"))
    }

    @Test func theSavedValueMapIsFoundNextTime() throws {
        let ws = try Self.workspace()
        defer { ws.remove() }
        try Data(#"{"preset": "kintone", "key": "レコード番号", "idPrefix": "kintone-", "columns": {"レコード番号": "id", "案件名": "title", "自治体": "municipality.name", "ステータス": "stage"}, "values": {"stage": {"要確認": "paused", "見送り": "method"}}}"#.utf8)
            .write(to: ws.root.appendingPathComponent("import/kintone.mapping.json"))
        let program = Self.open(ws)
        let stages = try Self.values(program, column: "ステータス")
        // The file's own map wins over the built-in words (見送り → method here, as the office uses it).
        #expect(stages.values.map(\.target) == ["coordination", "method", "partner-search", "paused"])
    }

    /// `x` takes the file's 見送り → method back to renkei's own reading (dropped) and 要確認 →
    /// paused back to unmapped; the preview plans with that, `w` writes the blanks, `u` undoes.
    @Test func clearingAFileEntryGoesBackToRenkeisReadingAndIsSavedAsABlank() throws {
        let ws = try Self.workspace()
        defer { ws.remove() }
        let saved = ws.root.appendingPathComponent("import/kintone.mapping.json")
        try Data(#"{"preset": "kintone", "key": "レコード番号", "idPrefix": "kintone-", "columns": {"レコード番号": "id", "案件名": "title", "自治体": "municipality.name", "ステータス": "stage"}, "values": {"stage": {"要確認": "paused", "見送り": "method"}}}"#.utf8)
            .write(to: saved)
        let program = Self.open(ws)
        let stages = try Self.values(program, column: "ステータス")
        #expect(stages.values.map(\.builtIn) == ["coordination", "dropped", "partner-search", nil])
        program.send(R.keys("jxjjx"))
        #expect(R.dialog(program)?.valueList?.values.map(\.target) == ["coordination", "dropped", "partner-search", nil])
        program.send(.key(.char("w")))
        let mapping = try JSONDecoder().decode(ImportMappingProbe.self, from: Data(contentsOf: saved))
        #expect(mapping.values["stage"] == ["要確認": "", "見送り": ""])
        // The preview agrees: 見送り's row is a dropped case, 要確認's row cannot be imported.
        program.send(.key(.esc))
        program.send(.key(.enter))
        program.settle()
        let plan = try #require(R.dialog(program)?.plan)
        #expect(plan.rows.first { $0.row == 3 }?.action == .create)
        #expect(plan.rows.first { $0.row == 9 }?.problems.contains { $0.column == "ステータス" } == true)
        // Back in the value map (read again from the runtime), u still takes the clearings back.
        program.send(.key(.esc))
        let again = try Self.values(program, column: "ステータス")
        #expect(again.values.map(\.target) == ["coordination", "dropped", "partner-search", nil])
        program.send(R.keys("uu"))
        #expect(R.dialog(program)?.valueList?.values.map(\.target) == ["coordination", "method", "partner-search", "paused"])
        #expect(R.dialog(program)?.values["stage"]?.isEmpty ?? true)
    }
}

/// The mapping file's two parts this test reads (the app's own type is RenkeiImport's).
private struct ImportMappingProbe: Decodable {
    var columns: [String: String]
    var values: [String: [String: String]]
}
