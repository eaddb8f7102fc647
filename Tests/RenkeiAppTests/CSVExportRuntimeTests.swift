import Foundation
import Testing
@testable import RenkeiCore
@testable import RenkeiStore
@testable import RenkeiTUI
@testable import RenkeiApp

/// Issue 13's CSV for the Excel in front of them, from the workbench (`: CSV 書き出し`): the
/// same portfolio CSV as `renkei export --all --format csv [--encoding cp932]`, into
/// `<workspace>/exports/`, and what CP932 cannot hold is written as 〓 and said on screen.
@Suite struct CSVExportRuntimeTests {
    typealias R = ImportDialogRuntimeTests

    static func workspace() throws -> TempWorkspace {
        let ws = try TempWorkspace()
        _ = try ws.environment.store.apply("sayama-ntt-eco-action", .setField(path: "title", value: .string("見守り😀サービス〜第②期㈱髙")),
                                           actor: "試験者", now: Timestamp("2026-11-20T09:00:00+09:00")!)
        return ws
    }

    static func export(_ program: Program, down: Int) {
        program.send(R.keys(":Shift_JIS") + [.key(.enter)])
        program.send(Array(repeating: .key(.down), count: down) + [.key(.enter)])
    }

    static func exported(_ ws: TempWorkspace) throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: ws.root.appendingPathComponent("exports"), includingPropertiesForKeys: nil)
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    @Test func cp932FromThePaletteMarksWhatItCannotHoldAndSaysSo() throws {
        let ws = try Self.workspace()
        defer { ws.remove() }
        let program = Program.open(ws.environment, settings: Settings(lang: .ja), width: 120, height: 36)
        program.settle()
        program.send(R.keys(":Shift_JIS") + [.key(.enter)])
        guard case .picker(let p) = program.state.modal else { Issue.record("no encoding choice"); return }
        #expect(p.purpose == .exportCSV && p.ids == ["utf-8", "cp932"])
        #expect(program.screen.text.contains("一覧を CSV で書き出す — 文字コード") && program.screen.text.contains("Shift_JIS（CP932）"))
        program.send([.key(.down), .key(.enter)])
        program.settle()
        #expect(program.state.modal == nil && program.state.pending == 0)
        let files = try Self.exported(ws)
        #expect(files.map(\.lastPathComponent) == ["portfolio-\(ws.environment.today)-cp932.csv"])
        let bytes = try Data(contentsOf: files[0])
        #expect(!bytes.starts(with: [0xEF, 0xBB, 0xBF]), "CP932 has no BOM")
        // 件名 in Shift_JIS, ㈱ and 髙 as CP932 holds them, 😀 as 〓 (0x81 0xAC): never dropped.
        #expect(bytes.range(of: Data([0x8C, 0x8F, 0x96, 0xBC])) != nil)
        #expect(bytes.range(of: Data([0x87, 0x8A])) != nil && bytes.range(of: Data([0xFB, 0xFC])) != nil)
        #expect(bytes.range(of: Data([0x81, 0xAC])) != nil)
        #expect(String(data: bytes, encoding: .utf8) == nil, "not UTF-8")
        #expect(program.state.toasts.contains { $0.kind == .success && $0.text.contains("portfolio-") }, "\(program.state.toasts)")
        // The characters CP932 lacks are said on screen (the store's notices are handed over on the next poll).
        program.checkForExternalChanges()
        #expect(program.state.toasts.contains { $0.text.hasPrefix("CP932 にない文字 1 個を 〓 にしました（最初は ") && $0.text.contains("列「件名」の「😀」(U+1F600)") },
                "\(program.state.toasts.map(\.text))")
    }

    @Test func utf8IsTheDefaultAndNeverReplacesAFile() throws {
        let ws = try Self.workspace()
        defer { ws.remove() }
        let program = Program.open(ws.environment, settings: Settings(lang: .en), width: 120, height: 36)
        program.settle()
        Self.export(program, down: 0)
        Self.export(program, down: 0)
        let files = try Self.exported(ws).map(\.lastPathComponent)
        #expect(files == ["portfolio-\(ws.environment.today)-2.csv", "portfolio-\(ws.environment.today).csv"])
        let bytes = try Data(contentsOf: ws.root.appendingPathComponent("exports/portfolio-\(ws.environment.today).csv"))
        let text = try #require(String(data: bytes, encoding: .utf8))
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]) && text.contains("見守り😀サービス"), "UTF-8 with BOM, every character kept")
        // The columns a coordinator works with in Excel, as the CLI writes them.
        for column in ["Department", "Issue domain", "(WHY)", "(HOW)", "(WHAT)", "Next action due", "Milestone due"] { #expect(text.contains(column), "\(column)") }
        // Esc on the choice writes nothing.
        program.send(R.keys(":Shift_JIS") + [.key(.enter), .key(.esc)])
        let after = try Self.exported(ws).count
        #expect(program.state.modal == nil && after == 2)
    }
}
