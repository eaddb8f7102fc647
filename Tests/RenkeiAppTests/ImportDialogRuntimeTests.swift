import Foundation
import RenkeiTestSupport
import Testing
@testable import RenkeiCore
@testable import RenkeiStore
@testable import RenkeiTUI
@testable import RenkeiApp

/// The import dialog through the real runtime on a temp workspace (issue 13): the files found
/// in import/, reading a workbook on a worker, the dry run that writes nothing, one mapping
/// adjustment, the import as one command, and `u` taking all of it back.
@Suite struct ImportDialogRuntimeTests {
    static func keys(_ s: String) -> [Msg] { s.map { .key(.char($0)) } }

    /// A temp workspace with one of RenkeiImportTests' fixtures in its import/ folder.
    static func workspace(with fixture: String, as name: String) throws -> TempWorkspace {
        let ws = try TempWorkspace()
        let dir = ws.root.appendingPathComponent("import")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Repo.url("Tests/RenkeiImportTests/Fixtures/\(fixture)"), to: dir.appendingPathComponent(name))
        return ws
    }

    static func workspaceWithWorkbook() throws -> TempWorkspace { try workspace(with: "cases.xlsx", as: "案件一覧.xlsx") }

    static func dialog(_ p: Program) -> ImportDialog? {
        if case .importFile(let d)? = p.state.modal { return d }
        return nil
    }

    /// `: 取り込み`, then the workbook read (on a worker, settled).
    static func openWorkbook(_ program: Program) {
        program.send(keys(":取り込み") + [.key(.enter)])
        program.send(keys("案件一覧") + [.key(.enter)])
        program.settle()
    }

    @Test func importAWorkbookAdjustItsMappingAndUndoIt() throws {
        let ws = try Self.workspaceWithWorkbook()
        defer { ws.remove() }
        let program = Program.open(ws.environment, settings: Settings(lang: .ja), width: 100, height: 30)
        program.settle()
        let before = program.state.summaries.count
        program.send(Self.keys(":取り込み") + [.key(.enter)])
        #expect(Self.dialog(program)?.files.contains("import/案件一覧.xlsx") == true)
        program.send(Self.keys("案件一覧") + [.key(.enter)])
        #expect(Self.dialog(program)?.busy == true, "reading runs on a worker")
        program.settle()
        let info = try #require(Self.dialog(program)?.info)
        #expect(info.sheet == "案件一覧" && info.rows == 3 && info.key == "ID")
        #expect(info.columns.map(\.target) == ["id", "title", "municipality.name", "department", "budget.totalYen", "budget.fiscalYear",
                                               "stage", "nextAction.due", "note"])
        #expect(info.columns[1].sample == "環境行動促進アプリ（狭山市）")
        #expect(program.screen.text.contains("xlsx シート「案件一覧」（2 シート中 1 枚目）、3 行。対応表: 見出しから推定"))

        // The dry run as guessed: row 5's total is a formula never calculated — nothing can be written.
        program.send(.key(.enter))
        program.settle()
        let first = try #require(Self.dialog(program)?.plan)
        #expect(first.count(.create) == 2 && first.count(.invalid) == 1 && !first.applicable)
        #expect(program.screen.text.contains("取り込めません: 5行目、列「予算・金額」"))
        program.send(.key(.enter))
        #expect(Self.dialog(program) != nil, "an invalid plan was applied")
        #expect(!FileManager.default.fileExists(atPath: ws.root.appendingPathComponent("cases/SY-001.json").path))
        #expect(!FileManager.default.fileExists(atPath: ws.root.appendingPathComponent("import/案件一覧.mapping.json").path),
                "the workbench writes a mapping only when asked (w)")

        // One adjustment: skip 予算・金額, preview again, import.
        program.send(.key(.esc))
        program.send(Self.keys("jjjj "))
        program.send(.key(.enter))
        program.settle()
        let second = try #require(Self.dialog(program)?.plan)
        #expect(second.count(.create) == 3 && second.applicable)
        program.send(.key(.enter))
        program.settle()
        #expect(program.state.modal == nil && program.state.pending == 0)
        #expect(program.state.toasts.last?.text == "取り込みました: 新規 3 件、更新 0 件（u で取り消せます）")
        #expect(program.state.summaries.count == before + 3)
        let c = try ws.environment.store.load("SY-002").value
        #expect(c.title == "ﾃﾞｼﾞﾀﾙ窓口（髙島平）" && c.stage == .budgeting)
        #expect(c.budget.fiscalYear == 2026 && c.budget.items.isEmpty)
        #expect(c.events.last?.reason == "imported from 案件一覧.xlsx row 4" && c.events.last?.actor == "試験者")

        // u takes the whole import back: one command.
        program.send(.key(.char("u")))
        program.settle()
        #expect(program.state.summaries.count == before)
        for id in ["SY-001", "SY-002", "SY-003"] {
            #expect(!FileManager.default.fileExists(atPath: ws.root.appendingPathComponent("cases/\(id).json").path), "\(id) is still there")
        }
    }

    @Test func theSavedMappingIsFoundNextTime() throws {
        let ws = try Self.workspaceWithWorkbook()
        defer { ws.remove() }
        let program = Program.open(ws.environment, settings: Settings(lang: .en), width: 100, height: 30)
        program.settle()
        Self.openWorkbook(program)
        program.send(Self.keys("jjjj w"))
        let saved = ws.root.appendingPathComponent("import/案件一覧.mapping.json")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: saved)) as? [String: Any])
        #expect((json["columns"] as? [String: String])?["予算・金額"] == "ignore")
        #expect(json["key"] as? String == "ID")
        #expect(program.state.toasts.last?.text == "Mapping saved: \(saved.path)")
        // Closed and opened again: the saved mapping is read, with the column still skipped.
        program.send([.key(.esc), .key(.esc)])
        #expect(program.state.modal == nil)
        Self.openWorkbook(program)
        let info = try #require(Self.dialog(program)?.info)
        #expect(info.origin == .file(saved.path))
        #expect(info.columns[4].target == "ignore")
    }

    @Test func aFileThatCannotBeReadSaysWhyAndWritesNothing() throws {
        let ws = try TempWorkspace()
        defer { ws.remove() }
        let bad = ws.root.appendingPathComponent("import/壊れた.xlsx")
        try FileManager.default.createDirectory(at: bad.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("これは表計算ではない".utf8).write(to: bad)
        let program = Program.open(ws.environment, settings: Settings(lang: .ja), width: 100, height: 30)
        program.settle()
        program.send(Self.keys(":取り込み") + [.key(.enter), .key(.enter)])
        program.settle()
        let d = try #require(Self.dialog(program))
        #expect(d.step == .pick && d.info == nil && !d.busy)
        #expect(d.problem == .corruptWorkbook(file: "壊れた.xlsx", detail: .notZip))
        #expect(program.screen.text.contains("壊れた.xlsx: .xlsx のブックとして読めません"))
        // A typed path that does not exist: one line naming it.
        program.send(Self.keys("無い.csv") + [.key(.enter)])
        program.settle()
        #expect(Self.dialog(program)?.problem == .unreadable(path: ws.root.appendingPathComponent("無い.csv").path))
    }
}
