import Foundation
import RenkeiTestSupport
import Testing
@testable import RenkeiCore
@testable import RenkeiStore
@testable import RenkeiTUI
@testable import RenkeiApp

/// The import dialog's sheet (`s`) and encoding (`e`) choices through the real runtime on a temp
/// workspace (issue 13): read again on a worker, planned as chosen, kept by `w` in the mapping
/// file so the next import — in the workbench or `renkei import` — reads the same.
@Suite struct ImportChoiceRuntimeTests {
    typealias R = ImportDialogRuntimeTests

    /// A CP932 list whose only non-ASCII text is a pair of half-width kana (ﾃｽ = C3 BD): valid
    /// UTF-8 too, so detection reads 「ý」 — the case `e` is for. (Any kanji would make it invalid UTF-8.)
    static let misdetected: Data = {
        var d = Data("title,city,memo\r\nMadoguchi annai,Kawagoe,".utf8)
        d += Data([0xC3, 0xBD]) + Data("\r\n".utf8)
        return d
    }()

    static func program(_ ws: TempWorkspace, _ lang: Lang = .ja) -> Program {
        let p = Program.open(ws.environment, settings: Settings(lang: lang), width: 110, height: 32)
        p.settle()
        return p
    }

    @Test func anotherSheetIsReadPlannedAndKeptInTheMapping() throws {
        let ws = try R.workspaceWithWorkbook()
        defer { ws.remove() }
        let program = Self.program(ws)
        R.openWorkbook(program)
        #expect(R.dialog(program)?.info?.sheets == ["案件一覧", "メモ"])
        #expect(program.screen.text.contains("xlsx シート「案件一覧」（2 シート中 1 枚目）"))
        program.send(.key(.char("s")))
        #expect(R.dialog(program)?.busy == true, "reading runs on a worker")
        program.settle()
        let info = try #require(R.dialog(program)?.info)
        #expect(info.sheet == "メモ" && info.rows == 1 && info.columns.map(\.name) == ["件名", "自治体"])
        #expect(program.screen.text.contains("xlsx シート「メモ」（2 シート中 2 枚目）"))
        // The dry run reads the chosen sheet.
        program.send(.key(.enter))
        program.settle()
        let plan = try #require(R.dialog(program)?.plan)
        #expect(plan.count(.create) == 1 && plan.rows.first?.title == "別シートの案件" && plan.applicable)
        // w keeps the sheet: opened again, the workbench reads メモ; so does `renkei import`.
        program.send([.key(.esc), .key(.char("w"))])
        let saved = ws.root.appendingPathComponent("import/案件一覧.mapping.json")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: saved)) as? [String: Any])
        #expect(json["sheet"] as? String == "メモ" && json["encoding"] == nil)
        program.send([.key(.esc), .key(.esc)])
        R.openWorkbook(program)
        #expect(R.dialog(program)?.info?.sheet == "メモ")
        let session = try ImportSession.open(saved.deletingLastPathComponent().appendingPathComponent("案件一覧.xlsx").path, mapping: nil, preset: nil,
                                             encoding: nil, sheet: nil, workspace: ws.environment.workspace, catalog: ws.environment.catalog)
        #expect(session.table.sheet == "メモ")
        // `--sheet` still wins over the mapping's sheet.
        let named = try ImportSession.open(saved.deletingLastPathComponent().appendingPathComponent("案件一覧.xlsx").path, mapping: nil, preset: nil,
                                           encoding: nil, sheet: "案件一覧", workspace: ws.environment.workspace, catalog: ws.environment.catalog)
        #expect(named.table.sheet == "案件一覧")
    }

    @Test func aSheetTheMappingNamesButTheWorkbookLostFallsBackToTheFirst() throws {
        let ws = try R.workspaceWithWorkbook()
        defer { ws.remove() }
        try Data(#"{"columns": {"件名": "title"}, "sheet": "削除したシート"}"#.utf8)
            .write(to: ws.root.appendingPathComponent("import/案件一覧.mapping.json"))
        let program = Self.program(ws)
        R.openWorkbook(program)
        #expect(R.dialog(program)?.info?.sheet == "案件一覧" && R.dialog(program)?.problem == nil)
    }

    @Test func anotherEncodingIsReadAndKept() throws {
        let ws = try TempWorkspace()
        defer { ws.remove() }
        let dir = ws.root.appendingPathComponent("import")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try Self.misdetected.write(to: dir.appendingPathComponent("窓口.csv"))
        let program = Self.program(ws)
        program.send(R.keys(":取り込み") + [.key(.enter)] + R.keys("窓口") + [.key(.enter)])
        program.settle()
        let detected = try #require(R.dialog(program)?.info)
        #expect(detected.encodingId == "utf-8" && !detected.encodingForced && detected.columns[2].sample == "ý")
        #expect(program.screen.text.contains("UTF-8（自動判定）"))
        // One adjustment before: city is kept as a note; it survives the re-read.
        program.send(R.keys("j "))
        program.send(.key(.char("e")))
        program.settle()
        let chosen = try #require(R.dialog(program)?.info)
        #expect(chosen.encodingId == "cp932" && chosen.encodingForced && chosen.columns[2].sample == "ﾃｽ")
        #expect(chosen.columns[1].target == "ignore")
        #expect(program.screen.text.contains("CP932 (Shift_JIS)（指定）"))
        program.send(.key(.char("w")))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("窓口.mapping.json"))) as? [String: Any])
        #expect(json["encoding"] as? String == "cp932" && json["sheet"] == nil)
        // The CLI reads it in CP932 now, without --encoding.
        let session = try ImportSession.open(dir.appendingPathComponent("窓口.csv").path, mapping: nil, preset: nil, encoding: nil, sheet: nil,
                                             workspace: ws.environment.workspace, catalog: ws.environment.catalog)
        #expect(session.table.encoding == .cp932 && session.table.rows.first?.cells[2] == "ﾃｽ")
    }
}
