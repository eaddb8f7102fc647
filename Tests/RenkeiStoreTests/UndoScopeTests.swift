import Foundation
import Testing
@testable import RenkeiCore
@testable import RenkeiStore

/// Issue 18, finding 2 at the store: a workbench (a store with a `session`) only takes back what
/// was done in it; the same person's CLI takes back their commands from anywhere; nobody takes
/// back another person's event, even with a hand-edited journal.
@Suite struct UndoScopeTests {
    @Test func aWorkbenchUndoesOnlyItsOwnCommands() throws {
        let cli = try StoreFixtures.store()
        defer { try? FileManager.default.removeItem(at: cli.workspace.root) }
        let workbench = CaseStore(workspace: cli.workspace, catalog: cli.catalog)
        workbench.session = "wb-1"
        try cli.create(NewCaseInput(id: "c-0001", title: "髙橋 ㈱ ※①", municipality: "狭山市"), actor: "alice", now: StoreFixtures.now)
        try workbench.apply("c-0001", .addNote(text: "ワークベンチのメモ"), actor: "alice", now: StoreFixtures.now)
        try cli.apply("c-0001", .addNote(text: "スクリプトのメモ"), actor: "alice", now: StoreFixtures.now)
        // The workbench's u: its own note, not the script's newer one.
        #expect(try workbench.undoRedo(.undo, actor: "alice", now: StoreFixtures.now).label == "note")
        #expect(try cli.load("c-0001").value.notes.map(\.text) == ["スクリプトのメモ"])
        // Nothing else was done in the workbench.
        #expect(throws: CommandError.self) { try workbench.undoRedo(.undo, actor: "alice", now: StoreFixtures.now) }
        // The CLI (no session) takes back alice's script note.
        _ = try cli.undoRedo(.undo, actor: "alice", now: StoreFixtures.now)
        #expect(try cli.load("c-0001").value.notes.isEmpty)
        // Redo in the workbench brings back only the workbench note.
        _ = try workbench.undoRedo(.redo, actor: "alice", now: StoreFixtures.now)
        #expect(try cli.load("c-0001").value.notes.map(\.text) == ["ワークベンチのメモ"])
    }

    @Test func aTamperedJournalCannotTakeBackSomeoneElsesEvent() throws {
        let store = try StoreFixtures.store()
        defer { try? FileManager.default.removeItem(at: store.workspace.root) }
        try store.create(NewCaseInput(id: "c-0001", title: "t", municipality: "m"), actor: "alice", now: StoreFixtures.now)
        try store.apply("c-0001", .addNote(text: "ボブ"), actor: "bob", now: StoreFixtures.now)
        var journal = try store.journal()
        journal.undo[journal.undo.count - 1].actor = "alice"     // claims Bob's note is Alice's
        try journal.save(store.workspace.journalURL)
        #expect(throws: StoreError.self) { try store.undoRedo(.undo, actor: "alice", now: StoreFixtures.now) }
        #expect(try store.load("c-0001").value.notes.map(\.text) == ["ボブ"])
    }

    @Test func perPersonLimitKeepsOthersHistory() throws {
        var journal = UndoJournal()
        let t = StoreFixtures.now
        journal.push(.init(command: "b", caseId: "c", label: "note", at: t, actor: "bob"))
        for i in 0..<(UndoJournal.limit + 10) { journal.push(.init(command: "a\(i)", caseId: "c", label: "note", at: t, actor: "alice")) }
        #expect(journal.undo.filter { $0.actor == "alice" }.count == UndoJournal.limit)
        #expect(journal.undo.first?.actor == "bob")
    }
}
