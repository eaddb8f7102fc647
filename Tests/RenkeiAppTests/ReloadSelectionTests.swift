import Foundation
import Testing
@testable import RenkeiCore
@testable import RenkeiStore
@testable import RenkeiTUI
@testable import RenkeiApp

/// Issue 18, finding 1: a reload that shrinks or reorders the list while the selection (rows,
/// board cards) still indexes the old one. Each test drives the real runtime on a temp
/// workspace with the shipped samples and checks the state against a fresh load from disk.
@Suite struct ReloadSelectionTests {
    static func type(_ program: Program, _ text: String) { program.send(text.map { .key(.char($0)) }) }

    /// `n` → 件名, Tab, 自治体 → Ctrl-S, as a person fills the form. Returns the new case's id.
    static func createByForm(_ program: Program, title: String, municipality: String) throws -> String {
        program.send(.key(.char("n")))
        type(program, title)
        program.send(.key(.tab))
        type(program, municipality)
        program.send(.key(.ctrl("s")))
        #expect(program.state.modal == nil, "the form was not accepted: \(program.screen.text)")
        return try #require(program.state.selectedSummary?.id)
    }

    static func agree(_ program: Program, _ ws: TempWorkspace, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        program.settle()
        let problems = try DiskTruth(ws).disagreements(with: program.state)
        #expect(problems.isEmpty, "\(what): \(problems)", sourceLocation: sourceLocation)
        _ = program.screen   // drawing must not trap either
    }

    /// The exact reproduction: n → 件名 and 自治体 → Ctrl-S → `u` with the cursor on the new case.
    @Test func undoOfANewCaseWithTheCursorOnIt() throws {
        let ws = try TempWorkspace()
        defer { ws.remove() }
        let program = Program.open(ws.environment, settings: Settings(lang: .ja), width: 100, height: 30)
        program.settle()
        let id = try Self.createByForm(program, title: "髙橋市 ①防災ドローン ｶﾀｶﾅ 🚁", municipality: "髙山市")
        #expect(program.state.selectedSummary?.title == "髙橋市 ①防災ドローン ｶﾀｶﾅ 🚁")
        try Self.agree(program, ws, "after n")                    // dashboard 18, deadline of the new case
        #expect(program.state.funnel?.total == 18)
        program.send(.key(.char("u")))                           // crashed here (Index out of range)
        #expect(program.state.toasts.last?.kind == .success, "\(program.state.toasts)")
        #expect(program.state.summary(id) == nil)
        #expect(program.state.selectedSummary != nil)
        try Self.agree(program, ws, "after u")
        #expect(program.state.funnel?.total == 17)
        // Redo brings it back, and the list, the dashboard and its deadline follow.
        program.send(.key(.ctrl("r")))
        #expect(program.state.summary(id) != nil)
        try Self.agree(program, ws, "after Ctrl-R")
        #expect(program.state.funnel?.total == 18)
        // Undo again from the board, with the new case's card focused.
        program.send(.key(.char("b")))
        #expect(program.state.page == .board)
        program.send(.key(.char("u")))
        try Self.agree(program, ws, "after u on the board")
    }

    /// A save moves the case's deadline and the dashboard's stage counts at once.
    @Test func aSaveRefreshesTheDeadlineAndTheStageCounts() throws {
        let ws = try TempWorkspace()
        defer { ws.remove() }
        let program = Program.open(ws.environment, settings: Settings(lang: .ja), width: 100, height: 30)
        program.settle()
        _ = try Self.createByForm(program, title: "※ 窓口AI ㈱テスト", municipality: "令和町")
        program.settle()
        program.send(.key(.char(">")))                           // advance the new case (gate may block: either way)
        program.send(.key(.esc))
        try Self.agree(program, ws, "after >")
    }

    /// Someone else removes the selected case (quarantine, then a plain delete), and another
    /// trashes a case by undoing their own creation: the reload never traps and the list follows.
    @Test func theSelectedCaseIsRemovedElsewhere() throws {
        let ws = try TempWorkspace()
        defer { ws.remove() }
        let program = Program.open(ws.environment, settings: Settings(lang: .ja), width: 100, height: 30)
        program.settle()
        program.send(.key(.char("G")))                           // the last row
        let last = try #require(program.state.selectedSummary?.id)
        let other = try ws.otherStore()
        _ = try other.quarantine(last)
        program.checkForExternalChanges()
        try Self.agree(program, ws, "after quarantine of the selected last row")
        #expect(program.state.selectedSummary != nil && program.state.selectedSummary?.id != last)
        // A plain `rm` of the selected case while its detail is open.
        let open = try #require(program.state.selectedSummary?.id)
        program.send(.key(.enter))
        #expect(program.state.detail?.doc != nil)
        try FileManager.default.removeItem(at: try ws.environment.workspace.caseURL(open))
        program.checkForExternalChanges()
        #expect(program.state.detail?.doc == nil)                 // not shown as if it were there
        try Self.agree(program, ws, "after rm of the open case")
        program.send(.key(.esc))
        try Self.agree(program, ws, "back on the list")
        // Another person creates and undoes a case (it goes to trash/) between our reloads.
        let doc = try other.create(NewCaseInput(id: "", title: "他の人の案件", municipality: "那覇市"), actor: "別の人",
                                   now: Timestamp("2026-11-23T10:00:00+09:00")!)
        program.checkForExternalChanges()
        program.send(.key(.char("G")))
        _ = try other.undoRedo(.undo, actor: "別の人", now: Timestamp("2026-11-23T10:01:00+09:00")!)
        program.checkForExternalChanges()
        #expect(program.state.summary(doc.value.id) == nil)
        try Self.agree(program, ws, "after another person's undone creation")
    }

    /// A filter that leaves no row: undo, redo, reload, every key that reads the selection.
    @Test func aFilterThatLeavesNoRows() throws {
        let ws = try TempWorkspace()
        defer { ws.remove() }
        let program = Program.open(ws.environment, settings: Settings(lang: .ja), width: 100, height: 30)
        program.settle()
        _ = try Self.createByForm(program, title: "絞り込み試験", municipality: "髙山市")
        program.send(.key(.char("/")))
        Self.type(program, "該当なし㊙️")
        program.send(.key(.enter))
        #expect(program.state.rows.isEmpty)
        for k: Key in [.char("u"), .ctrl("r"), .char("u"), .ctrl("l"), .enter, .char("e"), .char("a"), .char(">"), .char("<"),
                       .char("m"), .char("x"), .char("b"), .char("j"), .char("G"), .char("b"), .char("d"), .esc] {
            program.send(.key(k))
            if program.state.modal != nil { program.send(.key(.esc)) }
            try Self.agree(program, ws, "key \(k) with no rows")
        }
        program.send(.key(.esc))                                 // clear the filter
        #expect(!program.state.rows.isEmpty)
        try Self.agree(program, ws, "filter cleared")
    }
}
