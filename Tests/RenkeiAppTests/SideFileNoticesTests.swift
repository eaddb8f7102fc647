import Foundation
import Testing
@testable import RenkeiCore
@testable import RenkeiStore
@testable import RenkeiTUI
@testable import RenkeiApp

/// Issue 18, finding 9 in the workbench: what the CLI says on stderr about the files beside
/// the cases (an unreadable undo history kept aside, a summary index discarded) the workbench
/// shows as a toast — never silence, never a line printed over the screen.
@Suite struct SideFileNoticesTests {
    /// A note typed in the workbench over a corrupt `undo.json`: saved, and the toast names the
    /// kept-aside history.
    @Test func aCorruptUndoHistoryIsShownWhenTheWorkbenchSaves() throws {
        let ws = try TempWorkspace()
        defer { ws.remove() }
        let garbage = Data("{\"undo\": [髙".utf8)
        try garbage.write(to: ws.root.appendingPathComponent("undo.json"))
        let program = Program.open(ws.environment, settings: Settings(lang: .ja), width: 100, height: 30)
        program.settle()
        let id = try #require(program.state.selectedSummary?.id)
        program.send(.key(.char("a")))
        program.send("①履歴が壊れていても保存".map { .key(.char($0)) })
        program.send(.key(.ctrl("s")))
        let texts = program.state.toasts.map(\.text)
        #expect(texts.contains { $0.contains("undo.json.damaged") }, "\(texts)")
        #expect(program.state.toasts.contains { $0.kind == .success && $0.text.contains(id) }, "\(texts)")
        #expect(try Data(contentsOf: ws.root.appendingPathComponent("undo.json.damaged")) == garbage)
    }

    /// A damaged index at start: the workbench opens on every case and says, once, that the
    /// index was rebuilt.
    @Test func aDamagedIndexIsShownAsANotice() throws {
        let ws = try TempWorkspace()
        defer { ws.remove() }
        _ = try ws.otherStore().portfolio()          // writes .index/summaries.v1
        let index = ws.root.appendingPathComponent(".index/summaries.v1")
        let good = try Data(contentsOf: index)
        try good.prefix(200).write(to: index)
        let program = Program.open(ws.environment, settings: Settings(lang: .ja), width: 100, height: 30)
        program.settle()
        #expect(program.state.summaries.count == 17)
        program.checkForExternalChanges()
        let notices = program.state.toasts.filter { $0.text.contains("summaries.v1") }
        // In the workbench's language (issue 14: it was the store's English sentence).
        #expect(notices.count == 1 && notices[0].text.contains("作り直しました"), "\(program.state.toasts)")
        program.checkForExternalChanges()
        #expect(program.state.toasts.filter { $0.text.contains("summaries.v1") }.count == 1, "said once")
    }
}
